"""Which documents a question may be answered from: by a --doc pattern, by years, by the places it names.

A 2021 work report reviews 2020, so a question about the figure for 2020 favours documents of
2020 and 2021; a question about "the 2020 report" keeps to documents of 2020, and one about a
report of a year the corpus lacks is told which years it has.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from reportqa.core.models import NOT_FOUND, DocumentMeta
from reportqa.language.places import NATIONAL, place_aliases, province_of
from reportqa.question.analysis import Query, find_plan_period, find_years

# Words of a question that name a kind of document (the kinds ingest/metadata.py gives documents).
_KIND_CUES = (
    (re.compile(r"统计公报|统计局|statistical communi", re.I), "统计公报"),
    (re.compile(r"政府工作报告|government work report", re.I), "政府工作报告"),
    (re.compile(r"规划纲要"), "规划纲要"),
    (re.compile(r"评估报告"), "评估报告"),
)
# "十三五规划提出…", "“十四五”规划纲要", "the 13th Five-Year Plan": the plan itself, not its years
# ("规划期", "plan period")
_NAMES_PLAN = re.compile(r"五[”\"’]?\s*(?:规划|计划)(?!期)|five-year plan(?!\s*period)", re.I)
YEAR_BOOST = 1.5  # documents of the asked year or the year after (which reviews it)


@dataclass(frozen=True)
class DocumentScope:
    allowed: frozenset[str] | None = None  # None: every document
    boost: dict[str, float] = field(default_factory=dict)
    unavailable: str = ""  # set when the question asks for documents the corpus does not have
    notes: tuple[str, ...] = ()
    # words of the question the choice of documents has settled: every allowed document is of the
    # place they name, so they no longer tell its passages apart ("南宁" of "2020年南宁GDP总量是多少")
    settled_words: frozenset[str] = frozenset()


def scope_documents(
    query: Query,
    metas: Mapping[str, DocumentMeta],
    *,
    doc_filter: str | None = None,
    years: Sequence[int] = (),
) -> DocumentScope:
    allowed = set(metas)
    notes: list[str] = []
    if doc_filter:
        allowed = {d for d in allowed if _matches_pattern(doc_filter, d, metas[d])}
        if not allowed:
            return DocumentScope(unavailable=f"没有与筛选条件“{doc_filter}”匹配的文档。")
    if years:
        allowed = {d for d in allowed if metas[d].year in years}
        if not allowed:
            return DocumentScope(unavailable=f"没有{'、'.join(map(str, years))}年的文档。")

    kind = _named_kind(query.text)
    named_places = query.places
    settled: set[str] = set()
    if named_places == (NATIONAL,) and not any(metas[d].place == NATIONAL for d in allowed):
        named_places = ()  # "全国…" over one city's reports: the nation is what they compare with
    if named_places:
        exact = {d for d in allowed if any(_same_place(p, metas[d].place) for p in named_places)}
        # a city's document may still answer about its province ("山东省…评价报告中我市排第几"), and a
        # province's about its cities ("庆阳发现了多大的油田" of 甘肃's report)
        within = {d for d in allowed if province_of(metas[d].place) in named_places}
        around = {d for d in allowed if metas[d].place and metas[d].place in {province_of(p) for p in named_places}}
        national = {d for d in allowed if metas[d].place == NATIONAL and metas[d].kind == kind}
        if not exact and not within and not around and national and not _owns_document(named_places, query.text):
            # "按2030年统计公报，昆明…": a national document named, of which the place is a subject
            # (and the place still a word its passages must hold)
            within = national
        if not exact and not within and not around:
            covered = sorted({m.place for m in metas.values() if m.place})
            return DocumentScope(
                unavailable=f"{NOT_FOUND}{'、'.join(named_places)}的相关内容。"
                f"当前文档涉及：{'、'.join(covered) or '（无地点信息）'}。"
            )
        allowed = exact or within or around
        if exact:
            settled = {alias for place in named_places for alias in place_aliases(place)}

    if kind:
        of_kind = {d for d in allowed if metas[d].kind == kind}
        allowed = of_kind or allowed  # a kind the corpus lacks restricts nothing; the answer shows the documents
    elif query.plan_period and _NAMES_PLAN.search(query.text):
        # the plan named, where the corpus holds it: another report's targets of its years are not the plan's
        period = query.plan_period
        plans = {d for d in allowed if metas[d].kind == "规划纲要" and find_plan_period(metas[d].title) == period}
        allowed = plans or allowed

    if query.document_years:
        # a document is of the year its title holds too, as a question may name it by the title
        # ("“十六五”规划和二〇四五年远景目标纲要" is the plan of 2031)
        named = set(query.document_years)
        of_year = {d for d in allowed if metas[d].year in named or named & set(find_years(metas[d].title))}
        if not of_year:
            return DocumentScope(unavailable=_no_document_of_year(query, kind, [metas[d] for d in allowed]))
        allowed = of_year

    boost: dict[str, float] = {}
    if query.years:
        near = {y for year in query.years for y in (year, year + 1)}
        boost = {d: YEAR_BOOST for d in allowed if metas[d].year in near}
    restricted = None if allowed == set(metas) else frozenset(allowed)
    return DocumentScope(allowed=restricted, boost=boost, notes=tuple(notes), settled_words=frozenset(settled))


def _no_document_of_year(query: Query, kind: str, candidates: Sequence[DocumentMeta]) -> str:
    """ "文中未提及深圳市2019年的政府工作报告。现有深圳市政府工作报告的年份：2020年、2021年。" """
    places = "、".join(p for p in query.places if p != NATIONAL) or "、".join(query.places)
    what = kind or "文档"
    asked = "、".join(f"{y}年" for y in query.document_years)
    have = "、".join(f"{y}年" for y in sorted({m.year for m in candidates if m.year})) or "（无）"
    return f"{NOT_FOUND}{places}{asked}的{what}。现有{places}{what}的年份：{have}。"


def _owns_document(places: Sequence[str], text: str) -> bool:
    """A place named is the one whose document the question names ("昆明市2030年统计公报")."""
    names = "|".join(re.escape(alias) for place in places for alias in place_aliases(place))
    owner = rf"(?:{names})(?:市|省|自治区)?(?:人民政府)?的?(?:(?:19|20)\d{{2}}年度?的?)?"
    return any(re.search(f"{owner}(?:{cue.pattern})", text, re.I) for cue, _kind in _KIND_CUES)


def _named_kind(text: str) -> str:
    """The kind of document a question names ("统计公报里…", "国家统计局公报显示…"), if any."""
    return next((kind for cue, kind in _KIND_CUES if cue.search(text)), "")


def _matches_pattern(pattern: str, doc_id: str, meta: DocumentMeta) -> bool:
    lowered = pattern.lower()
    haystacks = (doc_id.lower(), meta.title.lower())
    if any(ch in pattern for ch in "*?["):
        return any(fnmatch.fnmatch(h, lowered) for h in haystacks)
    return any(lowered in h for h in haystacks)


def _same_place(named: str, doc_place: str) -> bool:
    return bool(doc_place) and bool(place_aliases(named) & place_aliases(doc_place))
