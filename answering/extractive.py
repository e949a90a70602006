"""The default answerer, no LLM: finds the sentence or table row that answers and quotes it.

For a quantity, date or name it states the direct answer first ("512家（目前完成数，2019年度）"),
then the supporting sentences with [n] markers. Years in the question are constraints: a year
the passages do not speak of gives "文中未提及" with the nearest fact, never another year's figure.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from reportqa.answering.change import ASKS_CHANGE, describe_change, figure_pair
from reportqa.answering.citations import CitationList
from reportqa.answering.figures import Figure, find_dates, find_figures, years_covered
from reportqa.answering.tables import TableCell, parse_statement
from reportqa.core.models import NOT_FOUND, Answer, DocumentMeta, Hit
from reportqa.core.protocols import KeywordTokenizer, TermStats
from reportqa.language.places import NATIONAL, NATIONAL_BODIES, place_aliases
from reportqa.language.quantities import RATE_UNITS
from reportqa.language.sentences import split_sentences
from reportqa.question.analysis import Query, find_plan_period

# Interrogatives and fillers that say how something is asked, not what: never evidence of an answer.
QUESTION_WORDS = frozenset(
    "多少 几 几个 几家 什么 哪些 哪个 哪里 哪 是 有 为什么 为何 怎么 怎样 如何 请问 吗 呢 的 了 年 年度 情况 时候 "
    "共 一共 总共 总计 合计 总数 总量 累计 目前 现在 当时 请 告诉 我 问 介绍 一下 主要 具体 多 大 数 数量 "
    "是否 达到 了吗 还 能 对 多大 多高 多长 多久 说 "
    "历年 各年 逐年 历来 每年 "  # "历年有多少家" asks for every year's figure: a series, not a topic word
    "what how many much which who when why is are was were the of in for and to a an there did does do "
    "by with on".split()
)
# Words that ask rather than say (哪天, 谁, 多少, 哪几个…) and jieba word classes that carry no topic:
# pronouns, numerals, measure words, particles, conjunctions, prepositions, adverbs, localisers, place words (市里).
_INTERROGATIVE = re.compile(r"[哪谁啥几]|什么|多少")
_FUNCTION_CLASSES = ("r", "m", "q", "u", "y", "c", "p", "d", "e", "o", "f", "s")
_CAUSAL = re.compile(r"因为|由于|原因|受限|导致|造成|根据.{0,40}要求|不足|匮乏|差距|滞后|薄弱|问题|制约|影响")
_QUESTION_UNIT = re.compile(
    r"(?:多少|几)(个百分点|个?亿元?|个?万元|元|家|个|项|人|名|件|台套|台|所|篇|次|倍|位|亩|吨|种|届|条|批)"
)
# A sum of money asked for without its unit ("投资了多少钱", "补助多少"): the answer is in 元 (万元, 亿元).
_MONEY_NOUN = "钱|资金|经费|投资|投入|收入|补助|补贴|奖励|金额|总额|成交额|产值|营收"
_COUNT = "(?![个件项家人名])"  # "多少家…" counts things, whatever money word follows
_MONEY = re.compile(rf"(?:{_MONEY_NOUN})\S{{0,4}}(?:多少|几){_COUNT}|多少{_COUNT}\S{{0,6}}(?:{_MONEY_NOUN})")
_UNIT_ALIASES = {
    "人": {"人", "名"},
    "名": {"人", "名"},
    "个亿": {"亿元", "亿"},  # "多少个亿" asks for a sum in 亿元
    "个亿元": {"亿元"},
    "亿": {"亿元", "亿"},
    "个万元": {"万元"},
    "条": {"条", "项"},  # policies and measures are counted in either
    "项": {"项", "条"},
}
# A one-character word ("来", "投", "上") says little of what a question is about, however rare it is;
# a verb ("参加", "实施") says how it is asked more than what about.
_SINGLE_CHAR_WEIGHT = 0.3
_VERB_WEIGHT = 0.5
_ENGLISH_UNIT = (
    (re.compile(r"enterprises|companies|firms|stations|platforms|institutions", re.I), "家"),
    (re.compile(r"percent|share|proportion|ratio|%", re.I), "%"),
    (re.compile(r"yuan|funding|money|investment|amount", re.I), "元"),
    (re.compile(r"people|persons|talents|experts|academicians", re.I), "人"),
    (re.compile(r"projects|items", re.I), "项"),
)
# Words that make a figure an increase over a period rather than a level ("新增", "增长", "提高").
_FLOW_CUE = re.compile(r"新增|新认定|新建|增加|增长|提高|提升|新引进")
# A question that asks for a rate or share; any other "多少" asks for a level, which a percentage is not
# ("地区生产总值是多少" is not answered by "增长6%" or "占GDP比重3.48%").
_ASKS_RATE = re.compile(r"增长|增速|增幅|比重|占比|比例|百分|率|强度|下降|提高|上升|growth|rate|share|percent", re.I)
_ASKS_YEAR = re.compile(r"哪一?年|几几年|which year|what year", re.I)
# spaces between Chinese characters are layout ("组  长"), not word breaks
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# a post, then (after a colon or the spaces of a roster's layout) a name that ends the line or field
_ROSTER_NAME = re.compile(r"(?:长|书记|主任|主席|总理)(?:\s*[:：]\s*|\s+)([\u4e00-\u9fff]{2,4})(?=\s|$)")
_ASKS_PERSON = re.compile(r"谁|\bwho\b|\bwhom\b", re.I)
# an English question asks: it opens with an interrogative or a request, or ends with a question mark
# (code or a command does neither: "SELECT … WHERE …")
_ENGLISH_ASKS = re.compile(
    r"^\W*(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|tell|list|give|show)\b"
    r"|\?\W*$",
    re.I,
)
# Headings of a work report's plans for the year ahead (not "工作回顾", "主要任务完成情况").
_PLAN_SECTION = re.compile(
    r"^(?!.*(?:完成|进展|成效|回顾)).*(?:工作任务|主要任务|重点任务|工作安排|工作部署|开局|目标任务)"
)
_RANGE_OR_BOUND = re.compile(r"(?:[—–~～至]\d+(?:\.\d+)?%?)?(?:以上|左右|以下|以内)?")
_QUOTED = re.compile(r"“[^”]{1,30}”|《[^》]{1,60}》")
# "比2015年提高了10.58个百分点", "比上年末增加261家": a change since a named year, in absolute terms
_CHANGE_SINCE = re.compile(
    r"比(?P<year>(?:19|20)\d{2})年(?:同期|末|底)?(?P<way>提高|增长|增加|上升|下降|减少|降低|多|少)了?"
    r"(?P<value>\d+(?:\.\d+)?)(?P<unit>个百分点|[万亿]?[家个项人件元])"
)
_RISES = frozenset({"提高", "增长", "增加", "上升", "多"})
_QUOTE_LIMIT = 3  # supporting sentences in an answer
_TOKEN_CACHE = 200_000  # segmented sentences kept per answerer
_CHANGE_POOL = 8  # best sentences searched for the two ends of a change
# Another document's figure is reported beside the best one when its sentence scores nearly as well
# (1.5: a sentence that lacks one of the question's terms, "总量", still counts; many-documents set 56.9% -> 58.3%).
_DISAGREEMENT_MARGIN = 1.5
_DOCUMENT_LIMIT = 3


class QuestionTokenizer(KeywordTokenizer, Protocol):
    def word_classes(self, text: str) -> dict[str, str]: ...

    def dictionary_cut(self, text: str) -> list[str]: ...

    def subwords(self, word: str) -> list[str]: ...


@dataclass(frozen=True)
class Candidate:
    """One sentence (or table row) of a retrieved passage, scored against the question."""

    hit_rank: int
    hit: Hit
    text: str  # what is read: the sentence, or the row statement
    quote_start: int  # span of the quote inside hit.chunk.text
    quote_end: int
    coverage: float
    score: float
    years: frozenset[int]


class ExtractiveAnswerer:
    """Answers from retrieved passages by picking sentences and figures; no generation.

    answerer = ExtractiveAnswerer(lexicon, term_stats=keyword_index, documents=metas)
    answer = answerer.answer(query, hits)
    """

    def __init__(
        self,
        tokenizer: QuestionTokenizer,
        *,
        term_stats: TermStats,
        documents: Mapping[str, DocumentMeta],
        min_coverage: float = 0.5,
    ) -> None:
        if not 0 < min_coverage <= 1:
            raise ValueError(f"min_coverage must be in (0, 1], got {min_coverage}")
        self.tokenizer = tokenizer
        self.term_stats = term_stats
        self.documents = documents
        self.min_coverage = min_coverage
        # Passages repeat across questions (an answerer lives as long as its index version): segment
        # each sentence and section once. Measured: about three quarters of answer extraction time.
        self._tokens = functools.lru_cache(maxsize=_TOKEN_CACHE)(lambda text: frozenset(tokenizer.keyword_tokens(text)))
        self._terms = functools.lru_cache(maxsize=1024)(self._weigh_question_terms)
        self._pieces = functools.lru_cache(maxsize=4096)(lambda term: tuple(tokenizer.subwords(term)))

    def answer(self, query: Query, hits: Sequence[Hit]) -> Answer:
        terms = self._question_terms(query)
        candidates = sorted(
            (c for rank, hit in enumerate(hits) for c in self._candidates(query, terms, rank, hit)),
            key=lambda c: (-c.score, c.hit_rank, c.quote_start),
        )
        if not candidates:
            return Answer(question=query.original, answer=f"{NOT_FOUND}：没有找到相关内容。", found=False)
        if not terms and not (query.is_english and _ENGLISH_ASKS.search(query.text)):
            # punctuation, code or commands: nothing in it names what the documents could speak of
            return Answer(question=query.original, answer=f"{NOT_FOUND}：问题中没有可在文档中查找的内容。", found=False)
        citations = CitationList(self.documents)
        if query.kind == "quantity" and ASKS_CHANGE.search(query.text):
            change = self._change(query, candidates, citations)
            if change is not None:
                return change
        answerable = [c for c in candidates if self._unanswered(query, c) is None]
        # the first statement that gives the figure, date or name asked; when none gives it in a form
        # the rules read, the best one that holds the question's subject, year and a value of the kind
        # asked answers, quoted, without a direct answer line
        best, direct = next(
            ((c, d) for c in answerable if (d := self._direct_answer(query, c)) is not None),
            (next((c for c in answerable if self._holds_kind_asked(query, c)), None), None),
        )
        if best is None:
            nearest = answerable[0] if answerable else candidates[0]
            return self._not_found(query, nearest, self._unanswered(query, nearest) or "这一问题的答案", citations)
        if direct and query.kind == "quantity":
            differing = self._other_documents_figures(query, best, direct, candidates)
            if differing:
                return self._disagreement(query, [(best, direct), *differing], citations)
        if query.kind == "reason" and not _CAUSAL.search(best.text):
            best = _with_next_sentence(best)  # "二是高层次人才匮乏。" names the problem; its cause follows
        lines = []
        if direct:
            lines.append(f"{direct}。")
        for candidate in self._supporting(query, best, candidates, direct):
            marker = citations.cite(candidate.hit, candidate.quote_start, candidate.quote_end)
            lines.append(f"{candidate.text}[{marker}]")
        return Answer(question=query.original, answer="\n".join(lines), found=True, citations=citations.items)

    def _other_documents_figures(
        self, query: Query, best: Candidate, direct: str, candidates: Sequence[Candidate]
    ) -> list[tuple[Candidate, str]]:
        """Each other document's best statement that answers as well as `best` does, with another figure."""
        answered = {best.hit.chunk.doc_id}
        differing: list[tuple[Candidate, str]] = []
        for candidate in candidates:
            doc_id = candidate.hit.chunk.doc_id
            if doc_id in answered or candidate.score < best.score - _DISAGREEMENT_MARGIN:
                continue
            if candidate.coverage < self.min_coverage or self._unmet_constraint(query, candidate) is not None:
                continue
            figure = self._direct_answer(query, candidate)
            if figure is None or _unit_kind(figure) != _unit_kind(direct):
                continue  # "增长6%" beside "10.77万亿元" is another quantity, not another value of it
            answered.add(doc_id)
            if _leading_figure(figure) != _leading_figure(direct):
                differing.append((candidate, figure))
        return differing[: _DOCUMENT_LIMIT - 1]

    def _disagreement(
        self, query: Query, statements: Sequence[tuple[Candidate, str]], citations: CitationList
    ) -> Answer:
        """Documents that give different figures: each figure with its document and citation, newest first."""
        claims = []
        quotes = []
        for candidate, figure in sorted(statements, key=lambda s: -(self._year_of(s[0]) or 0)):
            marker = citations.cite(candidate.hit, candidate.quote_start, candidate.quote_end)
            claims.append(f"{self._document_label(candidate.hit.chunk.doc_id)}为{figure}[{marker}]")
            quotes.append(f"{candidate.text}[{marker}]")
        lines = ["各文档说法不同：" + "；".join(claims) + "。", *quotes]
        return Answer(question=query.original, answer="\n".join(lines), found=True, citations=citations.items)

    def _document_label(self, doc_id: str) -> str:
        """ "深圳市《政府工作报告》（2021年）": a title often names neither its place nor its year."""
        meta = self.documents.get(doc_id)
        if meta is None:
            return f"《{doc_id}》"
        place = meta.place if meta.place and meta.place not in meta.title and meta.place != "全国" else ""
        year = f"（{meta.year}年）" if meta.year and str(meta.year) not in meta.title else ""
        return f"{place}《{meta.title}》{year}"

    def _year_of(self, candidate: Candidate) -> int | None:
        meta = self.documents.get(candidate.hit.chunk.doc_id)
        return meta.year if meta else None

    def _change(self, query: Query, candidates: Sequence[Candidate], citations: CitationList) -> Answer | None:
        """Both ends of the change asked for and the difference, citing the sentences that state them."""
        # the other end may be told in a sentence of its own, which repeats less of the question
        relevant = [c for c in candidates if c.coverage >= self.min_coverage * 0.6][:_CHANGE_POOL]
        if not relevant:
            return None
        passages = [(c.text, c.hit.chunk.is_table_row) for c in relevant]
        terms = self._question_terms(query)
        subject = max((t for t in terms if len(t) > 1 and t in relevant[0].text), key=len, default="")
        pair = figure_pair(query.text, query.years, passages, _wanted_units(query), subject=subject)
        if pair is None:
            return None
        lines = [f"{describe_change(*pair, question=query.text)}。"]
        for index in dict.fromkeys(p.passage for p in pair if p.passage >= 0):
            candidate = relevant[index]
            marker = citations.cite(candidate.hit, candidate.quote_start, candidate.quote_end)
            lines.append(f"{candidate.text}[{marker}]")
        return Answer(question=query.original, answer="\n".join(lines), found=True, citations=citations.items)

    def _unanswered(self, query: Query, candidate: Candidate) -> str | None:
        """What the candidate lacks to answer the question (its subject, year or plan period), or None.

        The one decision to refuse: extraction failing to read a figure from an answering statement
        is not a reason to.
        """
        unmet = self._unmet_constraint(query, candidate)
        if unmet is None and candidate.coverage < self.min_coverage:
            return "这一问题的答案"
        return unmet

    def _holds_kind_asked(self, query: Query, candidate: Candidate) -> bool:
        """The statement holds a value of the kind asked: a figure in the asked unit (any figure when
        no unit is asked), a date or year; any statement for the other kinds."""
        if query.kind == "quantity":
            if candidate.hit.chunk.is_table_row:
                units = [c.unit or c.figures[0].unit for c in parse_statement(candidate.text) if c.figures]
            else:
                units = [f.unit for f in _stated_figures(candidate.text)]
            wanted = _wanted_units(query)
            return bool(units) and (not wanted or any(_unit_matches(u, wanted) for u in units))
        if query.kind == "date":
            return bool(find_dates(candidate.text) or years_covered(candidate.text))
        return True

    def _unmet_constraint(self, query: Query, candidate: Candidate) -> str | None:
        """What the candidate lacks of the question's years or plan period ("2023年的相关情况"), if anything.

        A question over several years ("从2015年到2019年") is met by a sentence that names one of them.
        """
        if query.years:
            missing = [y for y in query.years if y not in candidate.years]
            if len(missing) == len(query.years) or (len(query.years) == 1 and missing):
                return "、".join(f"{y}年" for y in missing) + "的相关情况"
        if query.plan_period and not self._speaks_of_period(candidate, query.plan_period):
            first, last = query.plan_period
            return f"{first}—{last}年的相关情况"
        return None

    def _speaks_of_period(self, candidate: Candidate, period: tuple[int, int]) -> bool:
        """The sentence names a year of the plan period, or it, its section or its document names
        the plan itself ("十四五" for 2021-2025)."""
        if any(period[0] <= y <= period[1] for y in candidate.years):
            return True
        meta = self.documents.get(candidate.hit.chunk.doc_id)
        places = (candidate.text, candidate.hit.chunk.section, meta.title if meta else "")
        return any(find_plan_period(text) == period for text in places)

    # --- scoring -------------------------------------------------------------------------------

    def _question_terms(self, query: Query) -> Mapping[str, float]:
        return self._terms(query)

    def _topic_terms(self, query: Query) -> Mapping[str, float]:
        """The question's terms other than the places it names, for a figure asked about a place
        (a byline "深圳市市长 陈如桂" names only the place, and answers who gave its report)."""
        if query.kind != "quantity":
            return {}
        terms = self._question_terms(query)
        places = {a for place in query.places for a in place_aliases(place)}
        return {t: w for t, w in terms.items() if t not in places} if places & set(terms) else {}

    def _weigh_question_terms(self, query: Query) -> Mapping[str, float]:
        """The question's topic words, each weighted by how rare it is in the index (BM25 idf).

        A verb or adjective that no passage contains ("达标", "搞") is how the question is phrased,
        not what it is about, so it does not count against the passages; an absent noun does.
        """
        classes = self.tokenizer.word_classes(query.text)
        asked_units = _wanted_units(query)  # "多少人": 人 is the answer's unit, not its topic
        terms = {}
        for token in self.tokenizer.keyword_tokens(query.text):
            if _asks_rather_than_says(token, classes.get(token, "n")) or token in asked_units:
                continue
            if token in query.places and self.term_stats.document_frequency(token) == 0:
                continue  # "Suzhou": 宿州市 or 苏州市; the documents were chosen by place already
            if self.term_stats.document_frequency(token) > 0:
                terms[token] = self.term_stats.idf(token) * _term_weight(token, classes.get(token, "n"))
                continue
            # An English word no passage contains cannot be matched in Chinese text, whatever its class.
            if (query.is_english and token.isascii()) or classes.get(token, "n").startswith(("v", "a")):
                continue
            # jieba's HMM joins unknown runs such as "建了" or "数是": weigh their dictionary words instead
            pieces = self.tokenizer.dictionary_cut(token)
            for piece in pieces if len(pieces) > 1 else [token]:
                if (len(piece) > 1 or piece == token) and not _asks_rather_than_says(piece, classes.get(piece, "n")):
                    terms[piece] = self.term_stats.idf(piece) * _term_weight(piece, classes.get(piece, "n"))
        return terms

    def _candidates(self, query: Query, terms: Mapping[str, float], rank: int, hit: Hit) -> list[Candidate]:
        chunk = hit.chunk
        meta = self.documents.get(chunk.doc_id)
        context_tokens = self._tokens(f"{meta.title if meta else ''} {chunk.section}")
        # the place a document is about is said once, in its title: every sentence of it speaks of that place
        place_tokens = self._tokens(" ".join(place_aliases(meta.place))) if meta and meta.place else frozenset()
        if meta and meta.place == NATIONAL:
            place_tokens |= self._tokens(" ".join(NATIONAL_BODIES))  # "国务院…报告" is the national one
        context_years = years_covered(chunk.section) | _reported_years(meta)
        plan_bonus = _plan_bonus(query, meta, chunk.section)
        if chunk.is_table_row:
            pieces = [(chunk.statement or chunk.text, 0, len(chunk.text))]
        else:
            pieces = [(s.text, s.start, s.end) for s in split_sentences(chunk.text)]
        topic = self._topic_terms(query)
        out = []
        previous_tokens: set[str] = set()
        previous_years: set[int] = set()
        for text, start, end in pieces:
            tokens = self._tokens(text)
            own_years = years_covered(text)
            # a sentence continues the one before it ("2019年，举办了…科技活动周。共有…3000余人参会")
            plain = _CJK_GAP.sub("", text.lower())
            coverage = _coverage(terms, plain, tokens | place_tokens, context_tokens | previous_tokens, self._pieces)
            # a sentence that names the place asked about and nothing else asked answers nothing
            if coverage >= self.min_coverage and topic and not _coverage(topic, plain, tokens, set(), self._pieces):
                coverage = 0.0
            years = frozenset(own_years | context_years | (set() if own_years else previous_years))
            score = (
                3.0 * coverage
                + 0.6 / (1 + rank)
                + self._kind_bonus(query, text, terms, chunk.is_table_row)
                + _year_bonus(query, years)
                + plan_bonus
            )
            out.append(Candidate(rank, hit, text, start, end, coverage, score, years))
            previous_tokens, previous_years = tokens, own_years
        return out

    def _kind_bonus(self, query: Query, text: str, terms: Mapping[str, float], is_table_row: bool) -> float:
        if query.kind == "quantity":
            # a row statement's units are in its label or headers ("高新技术企业数（家）：…目前完成数 512")
            cells = parse_statement(text) if is_table_row else []
            units = [c.unit or c.figures[0].unit for c in cells if c.figures]
            figures = _stated_figures(text)
            if not figures and not units:
                return -1.5
            wanted = _wanted_units(query)
            units += [f.unit for f in figures]
            bonus = 0.6 if wanted and any(_unit_matches(u, wanted) for u in units) else 0.2
            stated = [u for u in units if u]
            if stated and not _asks_rate(query, wanted) and all(u in RATE_UNITS for u in stated):
                bonus -= 0.6
            if figures and not _FLOW_CUE.search(query.text) and all(_states_a_change(text, f) for f in figures):
                bonus -= 0.3
            # "院士工作站52家" states the count; "院士工作站等创新平台227家" counts something wider
            distances = [d for f in figures if (d := _term_distance(text, terms, f.start)) is not None]
            if distances:
                bonus -= min(0.4, min(distances) / 50)
            return bonus
        if query.kind == "date":
            return 0.6 if find_dates(text) else -1.0
        if query.kind == "reason":
            return 0.5 if _CAUSAL.search(text) else 0.0
        if query.kind == "list":
            return min(text.count("、"), 4) * 0.1
        if query.kind == "name" and _ASKS_PERSON.search(query.text):
            return 0.8 if self._people(text) else -0.3
        return 0.0

    def _people(self, text: str) -> list[str]:
        """Personal names in the text: those a roster line sets after a post ("深圳市代市长 覃伟中"),
        then those jieba tags as names (nr) that are not part of one already found, in order."""
        listed = [m.group(1) for m in _ROSTER_NAME.finditer(text)]
        tagged = [w for w, c in self.tokenizer.word_classes(text).items() if c == "nr" and len(w) >= 2]
        return listed + [w for w in tagged if not any(w in name for name in listed)]

    # --- composing -----------------------------------------------------------------------------

    def _direct_answer(self, query: Query, best: Candidate) -> str | None:
        if query.kind == "quantity":
            return self._direct_quantity(query, best)
        if query.kind == "date":
            dates = find_dates(best.text)
            if not dates:
                return None
            quoted = [f.value for f in find_figures(query.text) if f.value in best.text]
            anchor = best.text.find(quoted[0]) if quoted else _term_position(best.text, self._question_terms(query))
            wants_day = not _ASKS_YEAR.search(query.text)
            return max(dates, key=lambda d: _date_score(d, anchor, wants_day))[0]
        if query.kind == "name" and _ASKS_PERSON.search(query.text):
            people = self._people(best.text)
            return "、".join(people) if people else None
        return None

    def _direct_quantity(self, query: Query, best: Candidate) -> str | None:
        wanted = _wanted_units(query)
        if best.hit.chunk.is_table_row:
            cells = [c for c in parse_statement(best.text) if c.figures]
            if not cells:
                return None
            cell = max(cells, key=lambda c: _cell_score(query, c))
            if wanted and not _unit_matches(cell.unit, wanted):
                return None
            return f"{cell.figures[0].text}{cell.unit}（{cell.describe()}）"
        figures = _stated_figures(best.text)
        if not figures:
            return None
        if query.years and not any(f.year in query.years for f in figures if not _states_a_change(best.text, f)):
            derived = _derived_level(best.text, query.years, figures)
            if derived:
                return derived
        terms = self._question_terms(query)
        rate_asked = _asks_rate(query, wanted)
        latest = max((f.year for f in figures if f.year), default=None)

        def fitness(f: Figure) -> float:
            score = _figure_score(query, wanted, f, _term_distance(best.text, terms, f.start))
            if _states_a_change(best.text, f) and not _FLOW_CUE.search(query.text):
                score -= 0.5
            if f.unit in RATE_UNITS and not rate_asked:
                score -= 1.0
            if _clause_before(best.text, f).endswith("从"):
                score -= 0.4  # "从2.2万家增加到4.9万家": where it started, not where it is
            if not query.years and f.year is not None and f.year != latest:
                score -= 0.3  # "2015年为7.5万亿元，2020年超过11万亿元": with no year asked, the latest is meant
            return score

        figure = max(figures, key=fitness)
        if wanted and not _unit_matches(figure.unit, wanted):
            return None  # "投资了多少钱" is not answered by "500亩"
        if query.years and figure.year is not None and figure.year not in query.years:
            return None
        year = figure.year or (query.years[0] if query.years else None)
        # "6%—6.5%", "900万人以上": a range or bound is part of the figure
        text = figure.text + _RANGE_OR_BOUND.match(best.text, figure.end).group(0)
        return f"{text}（{year}年）" if year else text

    def _supporting(
        self, query: Query, best: Candidate, candidates: Sequence[Candidate], direct: str | None
    ) -> list[Candidate]:
        """The best sentence; then, from other passages, one that states the same figure (the table
        row beside the text, or the reverse), then others that score nearly as well."""
        eligible = [
            c
            for c in candidates
            if c is not best and c.coverage >= self.min_coverage and self._unmet_constraint(query, c) is None
        ]
        figure = re.match(r"\d+(?:\.\d+)?", direct or "")
        same_figure = (
            [c for c in eligible if re.search(rf"(?<![\d.]){re.escape(figure.group(0))}(?![\d.])", c.text)]
            if figure
            else []
        )
        near = [c for c in eligible if c.score >= best.score - 0.75]
        chosen = [best]
        for candidate in [*same_figure[:1], *near]:
            if len(chosen) >= _QUOTE_LIMIT:
                break
            if any(c.text == candidate.text or c.hit.chunk.chunk_id == candidate.hit.chunk.chunk_id for c in chosen):
                continue
            chosen.append(candidate)
        return chosen

    def _not_found(self, query: Query, nearest: Candidate, what: str, citations: CitationList) -> Answer:
        marker = citations.cite(nearest.hit, nearest.quote_start, nearest.quote_end)
        text = f"{NOT_FOUND}{what}。文中最接近的信息：{nearest.text}[{marker}]"
        return Answer(question=query.original, answer=text, found=False, citations=citations.items)


def _leading_figure(direct: str) -> str:
    """ "1.86万家（2020年）" -> "1.86万家": the figure without the year or sense noted after it."""
    return direct.split("（", 1)[0]


def _with_next_sentence(candidate: Candidate) -> Candidate:
    """The candidate extended by the sentence that follows it in its passage, if any."""
    chunk = candidate.hit.chunk
    if chunk.is_table_row:
        return candidate
    following = next((x for x in split_sentences(chunk.text) if x.start >= candidate.quote_end), None)
    if following is None:
        return candidate
    end = following.end
    return replace(candidate, text=chunk.text[candidate.quote_start : end], quote_end=end)


def _term_weight(token: str, word_class: str) -> float:
    if len(token) == 1:
        return _SINGLE_CHAR_WEIGHT
    return _VERB_WEIGHT if word_class in ("v", "vd", "vi", "vg") else 1.0


def _asks_rather_than_says(token: str, word_class: str) -> bool:
    return bool(
        token in QUESTION_WORDS
        or _INTERROGATIVE.search(token)
        or word_class.startswith(_FUNCTION_CLASSES)
        or re.fullmatch(r"\d+(?:\.\d+)?[年%]?度?", token)
    )


def _coverage(
    terms: Mapping[str, float],
    text: str,
    tokens: set[str],
    context_tokens: set[str],
    pieces: Callable[[str], tuple[str, ...]],
) -> float:
    """Share of the question's term weight found in the sentence (half for its title or section).

    A term is found as a token, or as a substring where the sentence was segmented otherwise
    ("科长" inside "服务科科长"), or in parts: the shorter dictionary words inside it, all of them
    ("汽车产量" in "汽车：单位 万辆；产量 2552.8").

    A question with no matchable terms (an English one the glossary does not cover) leaves the
    decision to retrieval and to the kind, year and unit checks.
    """
    if not terms:
        return 1.0
    total = sum(terms.values())
    if total <= 0:
        return 0.0
    got = 0.0
    for term, weight in terms.items():
        if term in tokens or (len(term) > 1 and term in text):
            got += weight
        elif term in context_tokens:
            got += 0.5 * weight
        elif (parts := pieces(term)) and _held_in_parts(term, parts, text):
            got += weight
    return got / total


def _derived_level(text: str, years: Sequence[int], figures: Sequence[Figure]) -> str | None:
    """The asked year's level worked out from a later one and the change since ("比重为42.41%，比2015年
    提高了10.58个百分点" -> 约31.83%（2015年）), saying how; None if the text gives no such pair."""
    for change in _CHANGE_SINCE.finditer(text):
        year = int(change.group("year"))
        unit = change.group("unit")
        level_unit = "%" if unit == "个百分点" else unit
        before = [f for f in figures if f.end <= change.start() and f.unit == level_unit and f.year != year]
        if year not in years or not before or _states_a_change(text, before[-1]):
            continue
        level, amount = before[-1], change.group("value")
        sign = -1 if change.group("way") in _RISES else 1
        value = float(level.value) + sign * float(amount)
        decimals = max(len(x.partition(".")[2]) for x in (level.value, amount))
        since = f"（{level.year}年）" if level.year else ""
        return f"约{value:.{decimals}f}{level_unit}（{year}年，由{level.text}{since}“{change.group(0)}”推算）"
    return None


def _stated_figures(text: str) -> list[Figure]:
    """The figures a text states, not those inside a quoted name ("创新发展30条", 《…2019》)."""
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    return [f for f in find_figures(text) if not any(start < f.start < end for start, end in quoted)]


def _held_in_parts(term: str, parts: Sequence[str], text: str) -> bool:
    """Every character of `term` is in the text by way of its dictionary words, save one at most
    ("钢产量": 产量, and 钢 of 粗钢); "高新技术企业" is not held by a text with only 技术 and 企业."""
    covered = {i for p in parts if p in text for i in range(term.find(p), term.find(p) + len(p))}
    rest = [c for i, c in enumerate(term) if i not in covered]
    return len(rest) <= 1 and all(c in text for c in rest)


def _year_bonus(query: Query, years: frozenset[int]) -> float:
    if not query.years:
        return 0.0
    if any(y in years for y in query.years):
        return 1.0
    return -0.8 if years else -0.3


def _wanted_units(query: Query) -> set[str]:
    match = _QUESTION_UNIT.search(query.text)
    if match:
        return _UNIT_ALIASES.get(match.group(1), {match.group(1)})
    if _MONEY.search(query.text):
        return {"元"}
    if re.search(r"比重|占比|比例|百分之|率", query.text):
        return {"%"}
    if query.is_english:
        for pattern, unit in _ENGLISH_UNIT:
            if pattern.search(query.text):
                return _UNIT_ALIASES.get(unit, {unit})
    return set()


def _asks_rate(query: Query, wanted: set[str]) -> bool:
    return "%" in wanted or bool(_ASKS_RATE.search(query.text))


def _unit_kind(direct: str) -> str:
    """ "1.86万家（2020年）" -> "家", "14050亿元" -> "元": the unit without its magnitude."""
    figure = re.match(r"[\d.]+\D*?(?=（|$)", direct)
    unit = re.sub(r"^[\d.]+[余多]?", "", figure.group(0) if figure else direct)
    return unit.lstrip("十百千万亿")


def _unit_matches(unit: str, wanted: set[str]) -> bool:
    return any(unit.endswith(w) for w in wanted)


def _term_position(text: str, terms: Mapping[str, float]) -> int | None:
    positions = [text.find(t) for t in sorted(terms, key=len, reverse=True) if t in text]
    return min(positions) if positions else None


def _states_a_change(text: str, figure: Figure) -> bool:
    """ "新增…2700多家", "增长103.98%": the figure is an increase, not the level a count asks for
    ("从2.2万家增加到4.9万家" ends at a level)."""
    clause = _clause_before(text, figure)
    return bool(_FLOW_CUE.search(clause)) and not clause.endswith(("到", "至"))


def _clause_before(text: str, figure: Figure) -> str:
    return re.split(r"[，。；、,;]", text[max(0, figure.start - 12) : figure.start])[-1]


def _reported_years(meta: DocumentMeta | None) -> set[int]:
    """The years a statistical communiqué's title names: its "全年…" sentences state that year's figures
    ("中华人民共和国2020年国民经济和社会发展统计公报"). A work report's title year is not its figures' year:
    it reviews the year before and plans its own."""
    return years_covered(meta.title) if meta and meta.kind == "统计公报" else set()


def _plan_bonus(query: Query, meta: DocumentMeta | None, section: str) -> float:
    """A work report's section of plans ("三、2020年重点工作任务") states targets, not outcomes."""
    if query.kind != "quantity" or meta is None or meta.kind != "政府工作报告" or not _PLAN_SECTION.search(section):
        return 0.0
    return 0.4 if query.wants_target else -0.5


def _term_distance(text: str, terms: Mapping[str, float], position: int) -> float | None:
    """How far `position` (a figure) is from the nearest question term before it; a term after it
    counts 20 characters more ("总量超过1.7万家": 总量 states the figure that follows it)."""
    distances = []
    for term in terms:
        if len(term) < 2:
            continue
        for match in re.finditer(re.escape(term), text):
            end = match.end()
            distances.append(position - end if end <= position else match.start() - position + 20)
    return min(distances) if distances else None


def _date_score(date: tuple[str, int, int], anchor: int | None, wants_day: bool) -> float:
    text, start, _ = date
    score = 1.0 if wants_day == ("月" in text) else 0.0
    return score - (abs(start - anchor) / 200 if anchor is not None else start / 1000)


def _figure_score(query: Query, wanted: set[str], figure: Figure, distance: float | None) -> float:
    score = 0.0
    if query.years:
        score += 2.0 if figure.year in query.years else (-2.0 if figure.year is not None else 0.0)
    if wanted:
        score += 1.0 if _unit_matches(figure.unit, wanted) else -0.5
    elif figure.unit:
        score += 0.3
    if distance is not None:
        score -= distance / 200
    return score


def _cell_score(query: Query, cell: TableCell) -> float:
    score = 0.0
    if query.years:
        score += 2.0 if cell.year in query.years else (-2.0 if cell.year is not None else 0.0)
    if query.wants_target:
        score += 1.5 if cell.is_target else -0.5
    elif cell.is_target:
        score -= 1.0  # an achieved value is the default reading of "多少"
    if query.wants_actual and cell.is_actual:
        score += 0.5
    return score
