"""The default answerer, no LLM: finds the sentence or table row that answers and quotes it.

For a quantity, date or name it states the direct answer first ("512家（目前完成数，2019年度）"),
then the supporting sentences with [n] markers. Years in the question are constraints: a year
the passages do not speak of gives "文中未提及" with the nearest fact, never another year's figure.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from reportqa.answering.change import ASKS_CHANGE, Passage, describe_change, figure_pair
from reportqa.answering.citations import CitationList
from reportqa.answering.figures import (
    change_years,
    changes_over_year,
    comparison_years,
    earlier_years_stated,
    figure_stances,
    figures_given,
    find_figures,
    names_year_range,
    part_of_year,
    parts_of_year_asked,
    period_spoken_of,
    present_year,
    relative_years,
    years_covered,
    years_since,
)
from reportqa.answering.kinds import (
    QuestionKinds,
    asked_unit_words,
    has_digit,
    said_otherwise,
    term_matches,
    unit_asked,
    wanted_units,
)
from reportqa.answering.outline import SEPARATOR, Heading, Outline
from reportqa.answering.remainder import left_over
from reportqa.answering.tables import row_years
from reportqa.core.models import NOT_FOUND, Answer, Chunk, Claim, DirectAnswer, DocumentMeta, Hit, Statement
from reportqa.core.protocols import KeywordTokenizer, TermStats
from reportqa.core.weights import AnswerWeights
from reportqa.ingest.loaders import as_read
from reportqa.language.english import GLOSS
from reportqa.language.lexicon import TWO_IN_ONE, Qualifiers, abbreviation, contraction, joint_forms
from reportqa.language.normalise import join_cjk_gaps, join_figure_gaps, without_note_marks
from reportqa.language.numbering import POINT_OPENING, ordinal, strip_numbering
from reportqa.language.places import NATIONAL, NATIONAL_BODIES, place_aliases, places_in, province_of, regions_in
from reportqa.language.quantities import UNIT_PATTERN, arabic_numerals, unit_family
from reportqa.language.sentences import on_one_line, split_sentences, with_bylines
from reportqa.question.analysis import (
    ASKING_PHRASES,
    DOCUMENT_WORDS,
    INTERROGATIVE,
    MEASURE_NOUNS,
    MEASURED,
    STANCE_WORDS,
    Query,
    examples_given,
    find_plan_period,
    frames_set,
    part_left_out,
    plan_name,
)

# Interrogatives and fillers that say how something is asked, not what: never evidence of an answer.
QUESTION_WORDS = frozenset(
    "多少 几 几个 几家 什么 哪些 哪个 哪里 哪 是 有 为什么 为何 怎么 怎样 如何 请问 吗 呢 的 了 年 年度 情况 时候 "
    "共 一共 总共 总计 合计 总数 总量 累计 目前 现在 当时 请 告诉 我 问 介绍 一下 主要 具体 多 大 数 数量 "
    "是否 达到 了吗 还 能 对 多大 多高 多长 多久 说 方面 包括 数据 数字 幅度 "
    "历年 各年 逐年 历来 每年 "  # "历年有多少家" asks for every year's figure: a series, not a topic word
    "今年 当年 去年 前年 讲 "  # a year the question asks, said against its document's (question/analysis.py)
    "老百姓 百姓 大家 人们 老乡 差不多 大概 那次 这次 "  # the people every figure is of, said in the asker's words
    "what how many much which who when why is are was were the of in for and to a an there did does do "
    "by with on".split()
)
# Jieba word classes that carry no topic, as the words that ask (`INTERROGATIVE`) do not: pronouns, numerals,
# measure words, particles, conjunctions, prepositions, adverbs, localisers, place words (市里).
_FUNCTION_CLASSES = ("r", "m", "q", "u", "y", "c", "p", "d", "e", "o", "f", "s")
# Between a thing and the asking about it: verbs, particles, adverbs, the asking words ("有", "是", "为",
# "达到") and nouns that name a measure of it ("进口总额是多少": the thing is 进口); a word of these
# classes instead names no thing: a comparison's "比"/"较", a place, a time, a figure, a pronoun
_MEASURE_NOUNS = MEASURE_NOUNS | {"强度", "密度", "金额", "水平", "产量", "任务", "人数", "户数"}
# …of which a text may leave to the figure it gives ("新增装机150万千瓦" of 装机容量)
_MEASURE_ENDINGS = ("容量", "总额", "总数")
# …and words that say whether it is planned or achieved, or how much of it ("物价总体涨了多少")
_STANCE_NOUNS = STANCE_WORDS | {"总体", "整体", "全年", "全部"}
# …and words that say how a change is reckoned ("工业投资年均增长多少": of 工业投资, not of 年均)
_RECKONING_WORDS = frozenset({"年均", "平均", "年平均", "同比", "环比", "累计"})
# …and the stances that hedge a figure, not "计划", which is also the name of a plan ("“十五”计划")
_HEDGES = STANCE_WORDS - {"计划"}
# …and the words of a question that a statement holds by what it states: a target, or an outcome
_TARGET_STANCE = frozenset({"计划", "预期", "力争", "目标", "原定"})
_OUTCOME_STANCE = frozenset({"实际"})
# nouns that ask how big a thing is, not what it is ("工业的规模有多大"): reports state the figure without them
_SIZE_WORDS = frozenset({"规模", "总额", "金额", "水平"})
# nouns too general to name what a figure is of: "经济增长" is the growth of 生产总值, as reports write it
_GENERAL_NOUNS = frozenset("经济 社会 发展 工作 建设".split())
_MONEY = frozenset({"资金", "款项"})  # what a sum of money is called, whatever it is of
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_CJK_NAME = re.compile(r"[\u4e00-\u9fff]{3,}")  # a Chinese name long enough to be read in its parts
_JOINED = "(?:和|与|及|、|或)"  # between two words a question names together ("新建和扩建")
_PARTS_APART = 6  # characters beyond a term's length that may part its dictionary words in a text
_READ_AFTER_THING = 12  # characters read past a thing asked for the noun it may modify
# what a report says must or will be done, after the ground it gives for it ("…第一动力。必须把创新摆在…",
# "…乡村建设相对滞后。我们将把乡村建设摆在…")
_COMMITS = re.compile(r"(?:我们|全市|全省|全区|全县)?(?:必须|务必|始终|坚持|坚定不移地?|一定要|将把|要把)")
_BLANK = "\u3000"  # stands in for a word blanked out of a text: no term holds it
_CLAIM_CHARS = 6  # characters of the shortest statement that says again what is asked why of
_INDICATOR_NAME = 4  # characters of the shortest name of an indicator another is made of ("研发经费")
_ASIDE_AT_END = re.compile(r"[（(][^（）()]*[）)]$")  # a label's unit: "美国（亿元）"
_THING_HELD = 0.5  # a thing in the title or section only (context_term) is held; "利润" of 利税 is not
_COPULAS = frozenset({"是", "为"})  # "…支出是多少": the word before one is the thing's
_CHANGE_WORD = re.compile(r"增|涨|降|提高|提升|上升|扩大|减少|缩小|下跌|回落")
# how an amount follows its thing: "粮食达到21.5万吨", "原油产0.8亿吨"
_AMOUNT_LINK = "|".join(
    ["总产", "产", "达到", "达", "为", "超过", "突破", "增至", "增加到", "稳定在", "保持在", "从", "由"]
)
_NOT_GOODS = frozenset({"元", "美元", "%", "个百分点", "‰", "倍", "人", "户", "人次", "万", "亿"})
_LENGTHS = frozenset({"公里", "米"})
# measures a statement may give by their thing alone and a figure in the measure's unit: "粮食达到21.5万吨"
# for 粮食产量 (in a unit of goods), "高速公路从120公里增加到186公里" for 高速公路通车里程 (in a length)
_MEASURED_BY_UNIT: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("产量", lambda family: family not in _NOT_GOODS),
    *((length, lambda family: family in _LENGTHS) for length in ("通车里程", "运营里程", "营业里程", "里程")),
)
_SHARE_OF = "占"  # "A占B的比重": of A
_COMPARED_WITH = frozenset({"比", "较", "同比", "相比"})  # "猪肉价格比上年上涨多少": of 价格
_COMPARED_TIME = re.compile(r"(?:比|较)(?:上年|去年|前年|上年同期|同期)")  # one word to the segmenter
_IN_A_THING = ("n", "vn", "q", "m", "s", "a", "b")  # the words after the asking ("几家境外上市公司")
_NOT_THINGS = ("p", "x", "w", "ns", "t", "m", "r", "c", "q", "a")
# an English question asks: it opens with an interrogative or a request, or ends with a question mark
# (code or a command does neither: "SELECT … WHERE …")
_ENGLISH_ASKS = re.compile(
    r"^\W*(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|tell|list|give|show)\b"
    r"|\?\W*$",
    re.I,
)
# Headings of a work report's plans for the year ahead (not "工作回顾", "主要任务完成情况").
_PLAN_SECTION = re.compile(
    r"^(?!.*(?:完成|进展|成效|回顾))"
    r".*(?:工作任务|主要任务|重点任务|重点工作|工作安排|工作部署|开局|开好局|起好步|目标任务|预期目标)"
)
# an outcome asked, not a target: "实际…", or a change that has happened ("比上年增长了多少")
_ASKS_ACTUAL = re.compile(r"实际|(?:增长|提高|下降|增加|减少|上涨|下跌)了(?=多少|几|多大|多快|百分之几)")
# a total over years; "全年累计…" sums one year
_SUM_REACH = 8  # characters from "累计" to the term it sums ("累计实际利用外资")
_POINT_IN_TIME = re.compile(r"(?:截至|截止|到|至|从|自)\s*(?:19|20)\d{2}\s*年?")
# a sum over a span of years, by a word of summing or 共 before what is summed ("共投入", "共接待")
_SUMMED = re.compile(r"累计|一共|总共|合计|共计|总计|共(?:投入|完成|实现|建成|新增|接待|引进|发放|安排|支持|培育|争取)")
_SUMS = re.compile(r"(?<!全年)(?<!当年)(?<!年内)(?:累计|一共|总共|合计|共计|总计)")
# a work report's section that looks back ("一、2020年和“十三五”时期工作回顾", "一、“十三五”规划圆满收官")
# ("一、一年接着一年干，新福建建设持续取得新进展新成效")
_REVIEW = re.compile(r"回顾|收官|成就|工作总结|过去一年|过去五年|进展|成效")
# A statement that sets targets ("主要预期目标是：地区生产总值增长6%左右"), wherever it stands; not one
# that measures an outcome against them ("均好于年度预期目标")
_STATES_TARGET = re.compile(r"目标(?:是|为|：|:)|力争")
# what has passed of the year a report plans, told among its plans ("一季度全县工业产值下降3%",
# "4月份以来逐步回升"): an outcome, not a target
_SO_FAR_THIS_YEAR = re.compile(
    r"(?<![二三四])一季度|(?:今年|年初|开年)以来|(?<!\d)[1-9]月份?以来|前[二两三四]个月|(?<!\d)1\s*[-—–~～至]\s*[2-4]月(?!\d)"
)
# "涨幅控制在3%左右" sets a limit, but a work report's review says what was held to: "控制在2.6%"
_HELD_TO = re.compile(r"控制在")
# Kinds of document that speak of the year they are dated, not of a period they review or plan.
_DATED_INSTRUMENTS = frozenset({"方案", "意见", "决定", "通知", "办法", "条例"})
_PLANS = frozenset({"规划纲要", "规划"})
# the whole of a place ("全市森林覆盖率"): which place a figure is of, as its name says, not what of
_SCOPE_WORDS = frozenset({"全市", "全省", "全区", "全县", "全州", "全国", "全域"})
# words that name which documents, bodies or place are asked, not the thing asked of them
_NAMING_WORDS = DOCUMENT_WORDS | _SCOPE_WORDS | frozenset(NATIONAL_BODIES)
_QUOTE_LIMIT = 3  # supporting sentences in an answer
_TOKEN_CACHE = 200_000  # segmented sentences kept per answerer
_READ_AHEAD_CACHE = 64  # passages scored for the latest questions: those read ahead, and comparisons' sides
_CHANGE_POOL = 8  # best sentences searched for the two ends of a change
_DOCUMENT_LIMIT = 3
_HEADINGS_LISTED = (2, 12)  # a section lists its headings when it has this many (a chapter of 30 is no list)
_POINT_QUOTE_CHARS = 400  # a point quoted whole to say why, at most this long
# "16-" of "16-59岁": where a band or range the question names starts
_RANGE_OPENING = re.compile(r"\d+(?:\.\d+)?\s*[-—–~～至到]\s*$")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")  # a figure the question gives, without its unit
# a sentence that breaks the one before it down: "分城乡看，…", "分地区看：…", "其中，…"
_BREAKDOWN = re.compile(r"\s*(?:分[\u4e00-\u9fff]{1,6}看|其中)[，,：:]")
# a sentence that goes on from the one before ("虽然…，涨幅仍…", "但…"): of its thing too
_GOES_ON = re.compile(r"\s*(?:虽然|尽管|但是?|然而|不过|而且|并且)")
# a short sentence that lists nothing and counts nothing ("一批重大平台加快建设。"): it leads the ones after it
_LEAD_SENTENCE = re.compile(r"[^、，,；;：:\d]{4,20}[。！]")
# what is done within the year ("年内建成…")
_WITHIN_THE_YEAR = re.compile(r"年内|今年内|本年内")
# a statement that opens a list after a colon and ends with its first item ("主要问题是：创新投入不足；")
_OPENS_ITEMS = re.compile(r"[：:][^：:。]+[；;]\s*$")
# "六大产业集群", "三个经济区": a list the question counts and names by what each of its things is
_COUNTED_GROUP = re.compile(
    r"([一二三四五六七八九十两]{1,3})(?:大|个|项|类|种|条)([\u4e00-\u9fff]{2,8}?)(?:分别|具体|都|各|是|有|包括|指)"
)
_LIST_REACH = 2000  # characters read on after a statement for the things of a counted list
_ITEM_CHARS = 40  # a sentence that names one thing of a list, at most
_POINT_LEAD_GAP = 2  # characters between a statement and the first point it leads to ("挑战。\n一是…")


class QuestionTokenizer(KeywordTokenizer, Protocol):
    qualifiers: Qualifiers  # words that narrow what an indicator counts (境外, 规模以上, …中位数)
    qualifier_alternatives: Mapping[str, frozenset[str]]  # 国家级 -> 省级, 市级…
    plain_words: frozenset[str]  # words everyday Chinese uses far more than reports do ("孩子", "房子")

    def word_classes(self, text: str) -> dict[str, str]: ...

    def surface_forms(self, term: str) -> tuple[str, ...]: ...

    def groups_inside(self, term: str) -> tuple[str, ...]: ...

    def dictionary_cut(self, text: str) -> list[str]: ...

    def subwords(self, word: str) -> list[str]: ...

    def tagged(self, text: str) -> Sequence[tuple[str, str]]: ...

    def canonical(self, term: str) -> str: ...


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
    years: frozenset[int]  # the years the sentence, its section or its document's title names
    implied_years: frozenset[int] = frozenset()  # when it names none: the years its place in its document implies
    base_year: int | None = None  # the one year it speaks of, named or implied, if one: "上年的…" is the year before
    states_targets: bool = False  # it stands in a section of plans or sets targets ("主要预期目标是：…")
    change_years: tuple[int, int] | None = None  # the years a change it states from one level to another spans
    # it holds the thing a figure is asked of (`ExtractiveAnswerer._asked_thing`); None: none of its
    # noun phrase, which the asker may word otherwise, unless another statement retrieved holds it
    holds_thing: bool | None = True


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
        weights: AnswerWeights | None = None,
        outline: Outline | None = None,
    ) -> None:
        self.tokenizer = tokenizer
        self.term_stats = term_stats
        self.documents = documents
        self.outline = outline or Outline(())
        self.weights = weights or AnswerWeights()
        self.min_coverage = self.weights.min_coverage
        self._kinds = QuestionKinds(tokenizer, self.weights)
        # Passages repeat across questions (an answerer lives as long as its index version): segment
        # each sentence and section once. Measured: about three quarters of answer extraction time.
        self._tokens = functools.lru_cache(maxsize=_TOKEN_CACHE)(lambda text: frozenset(tokenizer.keyword_tokens(text)))
        self._terms = functools.lru_cache(maxsize=1024)(self._weigh_question_terms)
        self._unused = functools.lru_cache(maxsize=1024)(self._unused_terms)
        self._written = functools.lru_cache(maxsize=1024)(self._written_terms)
        self._pieces = functools.lru_cache(maxsize=4096)(lambda term: tuple(tokenizer.subwords(term)))
        self._shortened = functools.lru_cache(maxsize=1024)(self._shortened_terms)
        self._thing = functools.lru_cache(maxsize=1024)(self._asked_thing)
        self._indicators_inside = functools.lru_cache(maxsize=1024)(self._indicators_inside_thing)
        # a section's place among its siblings is the same for every question: read it once
        self._follows_review = functools.lru_cache(maxsize=4096)(self._section_follows_review)
        # a passage's statements scored for a question, whatever rank it is retrieved at (`read_ahead`)
        self._statements = functools.lru_cache(maxsize=_READ_AHEAD_CACHE)(self._passage_statements)

    def read_ahead(self, query: Query, hits: Sequence[Hit]) -> None:
        """Read the statements of passages likely to be retrieved (those found by keyword while the
        question is embedded): `answer` then reads only the passages among its hits not read yet."""
        for hit in hits:
            self._statements(query, hit.chunk)

    def forget_read_statements(self) -> None:
        """Drop the statements read for recent questions: a measurement of reading starts cold."""
        self._statements.cache_clear()

    def answer(self, query: Query, hits: Sequence[Hit]) -> Answer:
        terms = self._question_terms(query)
        candidates = sorted(
            (c for rank, hit in enumerate(hits) for c in self._candidates(query, rank, hit)),
            key=lambda c: (-c.score, c.hit_rank, c.quote_start),
        )
        if not candidates:
            return Answer.compose(query.original, found=False, refusal=f"{NOT_FOUND}：没有找到相关内容")
        # the thing asked, held by a statement retrieved or an indicator whose ways of writing the lexicon
        # knows, is the documents' word for it too: one without any of it speaks of another thing, unless
        # it names an indicator the thing is made of ("研究与试验发展经费支出占地区生产总值比重" of 研发投入强度)
        things = self._thing(query)[0]
        known = bool(things) and len(self.tokenizer.surface_forms(things[-1])) > 1
        thing_used = bool(things) and (known or any(c.holds_thing is True and c.coverage > 0 for c in candidates))
        parts = self._indicators_inside(things[-1]) if known else ()
        candidates = [
            c
            if c.holds_thing is not None
            else replace(c, holds_thing=not thing_used or any(part in c.text.lower() for part in parts))
            for c in candidates
        ]
        if query.is_code or (not terms and not (query.is_english and _ENGLISH_ASKS.search(query.text))):
            # punctuation, code or commands: nothing in it asks what the documents could speak of
            return Answer.compose(query.original, found=False, refusal=f"{NOT_FOUND}：问题中没有可在文档中查找的内容")
        citations = CitationList(self.documents)
        if query.kind == "quantity" and (part := part_left_out(query.text)):
            left = self._left_over(query, part, candidates, citations)
            if left is not None:
                return left
        answerable = [c for c in candidates if self._unanswered(query, c) is None]
        if query.kind == "list":
            headings = self._listed_headings(query, terms, hits, max((c.coverage for c in answerable), default=0.0))
            if headings:
                # a statement that names two or more of them ("包括：A、B、C") says the list in so many words
                enumerating = next((c for c in answerable if sum(h.item in c.text for h in headings) >= 2), None)
                return self._list_of_headings(query, headings, enumerating, citations)
        # the first statement that gives the figure, date or name asked; when none gives it in a form
        # the rules read, the best one that holds the question's subject, year and a value of the kind
        # asked answers, quoted, without a direct answer line
        best, direct = next(
            ((c, d) for c in answerable if (d := self._direct_answer(query, c)) is not None),
            (next((c for c in answerable if self._holds_kind_asked(query, c)), None), None),
        )
        if query.kind == "list" and best is not None:
            # "…面临不少挑战：一是…。二是…": the points the statement opens are the list
            chunk = best.hit.chunk
            start, end = chunk.start + best.quote_start, chunk.start + best.quote_end + _POINT_LEAD_GAP
            points = self.outline.points_from(chunk.doc_id, start, end) or self.outline.points_following(
                chunk.doc_id, chunk.section, start, end
            )
            if points:
                return self._list_of_headings(query, points, best, citations)
            items = self._counted_items(query, best) if direct is None else []
            if len(items) > 1:
                return self._list_of_headings(query, items, best, citations)
        leads = best is not None and direct is None and bool(_LEAD_SENTENCE.fullmatch(best.text.strip()))
        if query.kind in ("list", "open") and leads:
            # "一批重大平台加快建设。", "开展节水行动。": a lead whose list, or how it is done, the sentences after
            # it in its paragraph give
            best = _with_following(self._read_on(best), whole_point=True, names_cause=lambda _text: False)
        elif query.kind == "list" and best is not None and direct is None:
            # "面临的突出问题是：A；" opens a list whose items go on, each to its "；", up to the "。"; a total's
            # parts follow it ("…供应建设用地320公顷。其中，工业用地…")
            items = _with_items(wider := self._read_on(best))
            best = items if items is not wider else best
        # a change asked ("增长了多少") is worked out from its two ends unless a statement states it
        # (a stated change between two years asked may be since another year: then it is worked out)
        stated = (
            direct is not None
            and direct.is_change
            and (len(query.years) < 2 or bool(comparison_years(best.text) & set(query.years)))
        )
        if query.kind == "quantity" and ASKS_CHANGE.search(query.text) and not stated:
            # (an outcome's change, not one from a target: "增长3%左右" is no end of "增长了多少")
            change = self._change(query, [c for c in candidates if not _target_for_outcome(query, c)], citations)
            if change is not None:
                return change
        if best is None:
            nearest = answerable[0] if answerable else candidates[0]
            return self._not_found(query, nearest, self._unanswered(query, nearest) or "这一问题的答案", citations)
        if direct and query.kind == "quantity":
            differing = self._other_documents_figures(query, best, direct, candidates)
            if differing:
                return self._disagreement(query, [(best, direct), *differing], citations)
        if query.kind == "reason":
            reasons = self._kinds.reasons
            heads_a_point = reasons.heads_a_point(best.text)
            written = self._written(query)
            if not heads_a_point and not reasons.names_cause(best.text, written):
                # a statement from outside the best's passage that says why answers before the targets it
                # explains: one nearly as good ("确定4.5%左右的增长目标，…兼顾了需要与可能、…"), any one when the
                # best is a table row (which never says why), or one that follows within a point's length
                # ("…降低目标。这些目标充分考虑了…"); what follows in the best's own passage is read on below
                near = 0.0 if best.hit.chunk.is_table_row else best.score * self.weights.reason_margin
                own = best.hit.chunk

                def follows(c: Candidate) -> bool:
                    """The candidate starts after the best's passage, within a point's length of it."""
                    gap = c.hit.chunk.start + c.quote_start - own.end
                    return c.hit.chunk.doc_id == own.doc_id and 0 <= gap <= _POINT_QUOTE_CHARS

                def elsewhere(c: Candidate) -> bool:
                    at = c.hit.chunk.start + c.quote_start
                    return c.hit.chunk.doc_id != own.doc_id or not own.start <= at < own.end

                best = next(
                    (
                        c
                        for c in answerable
                        if elsewhere(c) and (c.score >= near or follows(c)) and reasons.names_cause(c.text, written)
                    ),
                    best,
                )
            if heads_a_point or not reasons.names_cause(best.text, written):
                # "一是计划性不足。" names the problem; its causes follow, to the next point. "必须把创新摆在…
                # 核心位置" is what is to be done: why, the sentence before it says ("创新是引领发展的第一动力。"), as
                # it does of what the question asks why of, said again (read in its own passage, which holds it)
                if not heads_a_point and _restates(best.text, query.text):
                    best = _with_premise(best, claimed=True)
                best = self._read_on(best)
                best = best if heads_a_point else _with_premise(best)
                best = _with_following(best, whole_point=heads_a_point, names_cause=reasons.names_cause)
        statements = tuple(_cite(c, citations) for c in self._supporting(query, best, candidates, direct))
        return Answer.compose(
            query.original, found=True, citations=citations.items, direct=direct, statements=statements
        )

    def _left_over(
        self, query: Query, part: str, candidates: Sequence[Candidate], citations: CitationList
    ) -> Answer | None:
        """What is left of a whole without the part the question takes out ("水田以外的耕地"), worked out
        from the best sentence of the year and place asked that gives the whole and, after 其中, the part."""
        # (the part is a qualifier the question names only to leave it out, which narrows the statement as
        # the coverage reads it: the statement need only name something else the question does, the whole)
        naming = _naming_words(query)
        whole_words = [t for t in self._question_terms(query) if len(t) > 1 and t != part and t not in naming]
        for candidate in candidates:
            chunk = candidate.hit.chunk
            if part not in chunk.text or not any(word in candidate.text for word in whole_words):
                continue
            if self._unmet_constraint(query, candidate) is not None:
                continue
            found = left_over(chunk.text, candidate.quote_start, part)
            if found is None:
                continue
            whole, piece, rest = found
            # the clauses that give the two figures, which a "；" may part
            quoted = [candidate]
            for figure in (whole, piece):
                if figure.text not in candidate.text:
                    same = (c for c in candidates if c.hit.chunk.chunk_id == chunk.chunk_id and figure.text in c.text)
                    quoted += itertools.islice(same, 1)
            direct = DirectAnswer(rest, f"{whole.text}－{piece.text}", None, whole.family)
            statements = tuple(_cite(c, citations) for c in sorted(quoted, key=lambda c: c.quote_start))
            return Answer.compose(
                query.original, found=True, citations=citations.items, direct=direct, statements=statements
            )
        return None

    def _other_documents_figures(
        self, query: Query, best: Candidate, direct: DirectAnswer, candidates: Sequence[Candidate]
    ) -> list[tuple[Candidate, DirectAnswer]]:
        """Each other document's best statement that answers as well as `best` does, with another figure;
        an outcome's target too (a plan of the year asked), however much lower its statement scores."""
        answered = {best.hit.chunk.doc_id}
        differing: list[tuple[Candidate, DirectAnswer]] = []
        for candidate in candidates:
            doc_id = candidate.hit.chunk.doc_id
            its_target = candidate.states_targets and not best.states_targets
            if doc_id in answered or (
                candidate.score < best.score - self.weights.disagreement_margin and not its_target
            ):
                continue
            if candidate.coverage < self.min_coverage or self._unmet_constraint(query, candidate) is not None:
                continue
            if _names_other_year(query, candidate) and _names_year_asked(query, best) and not its_target:
                continue  # "2019年以来…" implies 2020 at most; it does not gainsay "2020年…12003亿元"
            figure = self._direct_answer(query, candidate)
            if figure is None or figure.family != direct.family:
                continue  # "增长6%" beside "10.77万亿元" is another quantity, not another value of it
            if figure.amount is None or direct.amount is None:
                continue  # "3300家以上" does not gainsay "4100家"
            answered.add(doc_id)
            if figure.amount != direct.amount:
                differing.append((candidate, figure))
        return differing[: _DOCUMENT_LIMIT - 1]

    def _disagreement(
        self, query: Query, figures: Sequence[tuple[Candidate, DirectAnswer]], citations: CitationList
    ) -> Answer:
        """Documents that give different figures: each figure with its document and citation, newest first."""
        ordered = sorted(figures, key=lambda f: -(self._year_of(f[0]) or 0))
        statements = tuple(_cite(candidate, citations) for candidate, _ in ordered)
        claims = tuple(
            Claim(self._document_label(candidate.hit.chunk.doc_id), figure, statement.citations)
            for (candidate, figure), statement in zip(ordered, statements, strict=True)
        )
        return Answer.compose(
            query.original,
            found=True,
            citations=citations.items,
            lead="各文档说法不同：",
            claims=claims,
            statements=statements,
        )

    def _read_on(self, candidate: Candidate) -> Candidate:
        """The candidate quoted from the passage that goes on furthest after it, which may be the next
        one: what follows a statement that ends its passage is read there."""
        chunk = candidate.hit.chunk
        start, end = chunk.start + candidate.quote_start, chunk.start + candidate.quote_end
        wider = self.outline.passage_holding(chunk.doc_id, start, end)
        if wider is None or wider.end <= chunk.end:
            return candidate
        hit = replace(candidate.hit, chunk=wider)
        return replace(candidate, hit=hit, quote_start=start - wider.start, quote_end=end - wider.start)

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
        least = self.min_coverage * self.weights.change_end_coverage
        relevant = [c for c in candidates if c.coverage >= least][:_CHANGE_POOL]
        if not relevant:
            return None
        passages = [Passage(c.text, c.hit.chunk.is_table_row, c.base_year, c.change_years) for c in relevant]
        # the question's longest term the best passage holds, in any of its written forms
        terms = self._question_terms(query)
        held = [t for t in terms if len(t) > 1 and any(f in relevant[0].text for f in self.tokenizer.surface_forms(t))]
        subject = self.tokenizer.surface_forms(max(held, key=len)) if held else ()
        pair = figure_pair(query.text, query.years, passages, wanted_units(query), subject=subject)
        if pair is None:
            return None
        statements = tuple(
            _cite(relevant[index], citations) for index in dict.fromkeys(p.passage for p in pair if p.passage >= 0)
        )
        return Answer.compose(
            query.original,
            found=True,
            citations=citations.items,
            direct=DirectAnswer(describe_change(*pair, question=query.text)),
            statements=statements,
        )

    def _unanswered(self, query: Query, candidate: Candidate) -> str | None:
        """What the candidate lacks to answer the question (its subject, year or plan period), or None.

        The one decision to refuse: extraction failing to read a figure from an answering statement
        is not a reason to.
        """
        unmet = self._unmet_constraint(query, candidate)
        if unmet is None and (candidate.coverage < self.min_coverage or not candidate.holds_thing):
            return "这一问题的答案"
        return unmet

    def _holds_kind_asked(self, query: Query, candidate: Candidate) -> bool:
        """The statement holds a value of the kind asked: a figure in the asked unit (any figure when
        no unit is asked) that counts what is asked, a date or year; any statement for the other kinds."""
        kind = self._kinds.of(query)
        return kind.holds_kind_asked(query, candidate.text, candidate.hit.chunk.is_table_row, self._written(query))

    def _unmet_constraint(self, query: Query, candidate: Candidate) -> str | None:
        """What the candidate lacks of the question's years or plan period ("2023年的相关情况"), if anything.

        A question over several years ("从2015年到2019年") is met by a sentence that names one of them.
        """
        if (elsewhere := self._place_not_spoken_of(query, candidate)) is not None:
            return f"{elsewhere}的相关情况"
        if (region := self._region_not_spoken_of(query, candidate)) is not None:
            return f"{region}的相关情况"  # "西部地区…投资" of a row of the whole nation's
        if candidate.hit.chunk.is_table_row and self._row_of_a_place(candidate.text) not in query.text:
            return "这一问题的答案"  # "美国（亿元）：货物出口额 8300" is no nation's exports
        if query.years:
            missing = [y for y in query.years if not _speaks_of(query, y, candidate.years | candidate.implied_years)]
            if len(missing) == len(query.years) or (len(query.years) == 1 and missing):
                return "、".join(f"{y}年" for y in missing) + "的相关情况"
        # a row of "表3 2008年1-11月规模以上工业企业实现利润…" is of the part of the year its caption names
        chunk, parts = candidate.hit.chunk, parts_of_year_asked(query.text)
        if chunk.is_table_row and part_of_year(chunk.section, len(chunk.section)) not in parts:
            return f"{'、'.join(sorted(parts - {''})) or '全年'}的相关情况"
        if _target_for_outcome(query, candidate):
            return "实际完成情况"  # "实际的城镇化率是多少": a plan's "达到50%以上" is no outcome
        if query.plan_period and not self._speaks_of_period(candidate, query.plan_period):
            first, last = query.plan_period
            return f"{first}—{last}年的相关情况"
        return None

    def _region_not_spoken_of(self, query: Query, candidate: Candidate) -> str | None:
        """A region of the country the question asks of ("西部地区") that the statement, its section and the
        opening of its paragraph do not name, even shortened ("西部"), if any."""
        regions = regions_in(query.text)
        if not regions:
            return None
        chunk = candidate.hit.chunk
        opening = self.outline.paragraph_opening(chunk.doc_id, chunk.start + candidate.quote_start)
        said = f"{candidate.text} {chunk.section} {opening}"
        return next((r for r in regions if r.removesuffix("地区") not in said), None)

    def _row_of_a_place(self, row: str) -> str:
        """The place a table row is of, where its label is a place's name alone ("美国（亿美元）：…",
        "城镇：…"); "" for any other row (which every question's text holds)."""
        label = _ASIDE_AT_END.sub("", row.partition("：")[0])
        words = self.tokenizer.tagged(label)
        return words[0][0] if len(words) == 1 and words[0][1] in ("ns", "j") else ""

    def _place_not_spoken_of(self, query: Query, candidate: Candidate) -> str | None:
        """The places asked, when the candidate's document is of a wider place (a province's report, asked
        of one of its cities) and the passage does not name them: "全省减少贫困人口93.5万人" is no
        answer for 天水."""
        meta = self.documents.get(candidate.hit.chunk.doc_id)
        asked = [place for place in query.places if place != NATIONAL]
        if not asked or meta is None or not meta.place:
            return None
        own = place_aliases(meta.place)
        if any(place_aliases(place) & own or province_of(meta.place) == place for place in asked):
            return None  # its own place's document, or a city's asked of its province
        said = f"{candidate.text} {candidate.hit.chunk.section}"
        if any(alias in said for place in asked for alias in place_aliases(place)):
            return None
        return "、".join(asked)

    def _speaks_of_period(self, candidate: Candidate, period: tuple[int, int]) -> bool:
        """The sentence names or implies a year of the plan period (a 2026 report's review speaks of
        2025), or it, its section or its document names the plan itself ("十四五" for 2021-2025)."""
        if any(period[0] <= y <= period[1] for y in candidate.years | candidate.implied_years):
            return True
        meta = self.documents.get(candidate.hit.chunk.doc_id)
        places = (candidate.text, candidate.hit.chunk.section, meta.title if meta else "")
        return any(find_plan_period(text) == period for text in places)

    # --- scoring -------------------------------------------------------------------------------

    def _question_terms(self, query: Query) -> Mapping[str, float]:
        return self._terms(query)

    def _written_terms(self, query: Query) -> Mapping[str, float]:
        """The question's terms as a text may write them, each synonym with its term's weight: where
        a term is in a sentence ("国内生产总值" for 地区生产总值), not whether (`_coverage`)."""
        return {
            form: w for term, w in self._question_terms(query).items() for form in self.tokenizer.surface_forms(term)
        }

    def _shortened_terms(self, query: Query) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """How a text may abbreviate the question's terms, each with the terms it stands for: one
        term ("社会保障": 社保), two the question writes together ("棚户区" "改造": 棚改, "减轻了多少负担":
        减负), or two it joins
        that end alike ("新建和扩建": 新扩建)."""
        terms = list(self._question_terms(query))
        single = [(short, (t,)) for t in terms if (short := abbreviation(t, self._pieces(t)))]
        # (a verb and its object around the amount asked, "减轻了多少负担", are written together too: 减负)
        joined = [
            (short, (a, b))
            for a, b in itertools.pairwise(terms)
            if (a + b in query.text or re.search(f"{re.escape(a)}了?(?:多少|几)的?{re.escape(b)}", query.text))
            and (short := abbreviation(a + b, [a, b]))
        ]
        contracted = [
            (short, (a, b))
            for a, b in itertools.pairwise(terms)
            if re.search(f"{re.escape(a)}{_JOINED}{re.escape(b)}", query.text) and (short := contraction(a, b))
        ]
        return (*single, *joined, *contracted)

    def _unused_terms(self, query: Query) -> frozenset[str]:
        """The question's words no passage uses as a word ("园子", "根子"), or that everyday Chinese uses
        far more than reports do ("孩子", "房子"): perhaps the asker's for what the documents word otherwise.
        A figure the question gives is not one: it is what it is; nor the name of an indicator
        ("基尼系数"), which the documents do not report."""
        plain = self.tokenizer.plain_words
        return frozenset(
            t
            for t in self._question_terms(query)
            if not has_digit(t)
            and (t in plain or self.term_stats.document_frequency(t) == 0)
            and not _names_indicator(t)
        )

    def _asked_thing(self, query: Query) -> tuple[tuple[str, ...], frozenset[str], str | None]:
        """The terms naming the thing a figure is asked of, and the other terms of its noun phrase
        (its frame): "城镇居民人均消费支出是多少" asks of 支出 in the frame 城镇居民, 人均, 消费; "几家境外上市公司"
        of 境外 上市公司 (a qualifier right before the thing is part of it); "进口总额是多少" of 进口, in 总额.
        Third, the term right before the thing that says which of its kind is asked ("草原火灾": 草原), if any.

        None where that is not told apart (a place or time, a one-character word, an English
        question) or where no passage uses the word, unless the lexicon knows it for an indicator: the
        asker's own."""
        if query.kind != "quantity" or query.is_english:
            return (), frozenset(), None
        words = self.tokenizer.tagged(query.text)
        asking = next((i for i, (word, _) in enumerate(words) if INTERROGATIVE.search(word)), None)
        if asking is None:
            return (), frozenset(), None
        # "多少起草原火灾": the unit asked, whatever jieba tags it (起: a verb) or however many of its words
        # it is ("多少亿千瓦小时": 亿千瓦, 小时), is not where the thing ends
        first = _past_unit(words, asking + 1, asked_unit_words(query))
        # ("多少长期低息贷款": an adverb of two characters may open the thing's noun phrase)
        opening_adverb = first < len(words) and words[first][1].startswith("d") and len(words[first][0]) > 1
        after = list(itertools.takewhile(lambda wc: wc[1].startswith(_IN_A_THING), words[first + opening_adverb :]))
        nouns = [i for i, (_, c) in enumerate(after, first + opening_adverb) if _is_noun(c)]
        # ("多少营造林任务": a measure of the thing after it, as "营造林任务是多少" has)
        measure = len(nouns) > 1 and words[nouns[-1]][0] in _MEASURE_NOUNS
        # ("投资安排多少资金", "多少金额": a measure or the money itself, of the thing before)
        if nouns and not (len(nouns) == 1 and words[nouns[0]][0] in _MEASURE_NOUNS | _MONEY):
            head, phrase = nouns[-1 - measure], nouns[: len(nouns) - 1 - measure] + nouns[len(nouns) - measure :]
        else:
            head = _thing_before(words, asking)
            if head is None:
                return (), frozenset(), None
            measures = itertools.takewhile(lambda i: words[i][0] in _MEASURE_NOUNS, range(head + 1, asking))
            before = itertools.takewhile(lambda i: _is_noun(words[i][1]), range(head - 1, -1, -1))
            phrase = [*measures, *before]
        head_word = words[head][0]
        if words[head][1].startswith(_NOT_THINGS) or len(head_word) < 2 or head_word in _NAMING_WORDS | _GENERAL_NOUNS:
            return (), frozenset(), None  # a one-character word ("人", "钱", "病") is a unit, or too loose a name
        term_of = self._question_term_of(query, words)
        thing = [self._thing_measured(term_of(head))]
        if head > 0 and (before := term_of(head - 1)) in self.tokenizer.qualifiers.before and before != thing[0]:
            thing.insert(0, before)
        if None in thing:
            return (), frozenset(), None
        if self.term_stats.document_frequency(thing[-1]) == 0 and len(self.tokenizer.surface_forms(thing[-1])) < 2:
            return (), frozenset(), None  # the asker's own word; an indicator the lexicon knows is asked all the same
        naming = _naming_words(query)  # 重庆 of 重庆市
        frame = {term_of(i) for i in phrase} - {None, *thing} - naming
        before = head - len(thing)  # jieba may tag it a place ("海洋生产总值": 海洋)
        which = term_of(before) if before >= 0 and words[before][1].startswith(("n", "vn", "j")) else None
        kind_words = {None, *thing} | naming | self.tokenizer.qualifiers.before
        modifier = which if which not in kind_words and len(which or "") > 1 else None  # not 区 of "南宁市区"
        # and the nouns before it that go on saying which ("数字 创意 产业 增加值": all three)
        at = before - 1
        while modifier and at >= 0 and words[at][1].startswith(("n", "vn", "j")):
            if (word := term_of(at)) in kind_words or len(word or "") < 2:
                break
            modifier, at = word + modifier, at - 1
        return tuple(t for t in thing if t is not None), frozenset(t for t in frame if t is not None), modifier

    def _written_out(self, short: str, text: str) -> bool:
        """The text writes out a word of two characters the question abbreviates: "增长幅度" for 增幅,
        "环境保护" for 环保; a dictionary word of four that `abbreviation` reads so, not any four characters
        ("农村业态" is no 农业)."""
        if not re.fullmatch(r"[\u4e00-\u9fff]{2}", short) or short[0] not in text:
            return False
        first, second = short
        spelt = (m.group(1) for m in re.finditer(f"(?=({first}[\u4e00-\u9fff]{second}[\u4e00-\u9fff]))", text))
        return any(
            self.tokenizer.dictionary_cut(word) == [word] and abbreviation(word, self._pieces(word)) == short
            for word in spelt
        )

    def _thing_measured(self, term: str | None) -> str | None:
        """The thing a word ending in a measure of it names ("投资规模", "贸易总额": 投资, 贸易), as
        "投资的规模" would: a report states the measure by its thing's name ("政府投资增加到12亿元"). The
        word itself where what it measures is no word the documents use, or too general (经济 of 经济总量)."""
        for noun in _MEASURE_NOUNS:
            thing = (term or "").removesuffix(noun)
            if thing != term and len(thing) > 1 and thing not in _GENERAL_NOUNS:
                return thing if self.term_stats.document_frequency(thing) > 0 else term
        return term

    def _indicators_inside_thing(self, thing: str) -> tuple[str, ...]:
        """The ways of writing each indicator of the lexicon named inside `thing` ("研发投入" in 研发投入强度:
        研发经费, R&D经费支出, …)."""
        # a name of four characters or more: an indicator ("研发经费"), not a word of many ("企业", "投资")
        inside = (canonical for canonical in self.tokenizer.groups_inside(thing) if len(canonical) >= _INDICATOR_NAME)
        return tuple(form for canonical in inside for form in self.tokenizer.surface_forms(canonical) if len(form) > 1)

    def _another_of_its_kind(self, text: str, query: Query) -> bool:
        """Wherever `text` names the thing asked, a noun the question does not say is right before it,
        sharing no character with the question's own (`modifier`): "森林火灾" asked of 草原火灾, "预算支出"
        of 消费支出; not "农村居民人均可支配收入" of 农民人均…, nor a scope ("全市高新技术企业"), nor a place.
        A question that writes the thing whole ("地区生产总值", "进出口总额") has its own in the word where the
        text holds only a shorter form the thing is also written ("林业生产总值": 生产总值, after 林业, not 地区;
        "一般贸易进出口": 进出口, after 一般贸易, where the question says nothing before it)."""
        things, _frame, modifier = self._thing(query)
        if not things:
            return False
        terms = self._question_terms(query)
        own = set("".join(things[:-1]) + (modifier or ""))  # the characters of what the question puts before it
        forms = sorted(
            (f.lower() for f in self.tokenizer.surface_forms(things[-1]) if len(f) > 1), key=len, reverse=True
        )
        asked = query.text.lower()
        said = [form for form in forms if form in asked]  # the ways the question writes the thing
        lowered = text.lower()
        spans: list[tuple[int, int]] = []
        # by span start: the characters the question puts before what the text holds; None where the
        # question has no modifier and the text writes the thing as whole as the question does
        owns: dict[int, str | None] = {}
        for form in forms:
            # the question's words before the form, where it writes the form inside a longer one of the thing
            before_form = "".join(w.removesuffix(form) for w in said if w.endswith(form))
            # "进出口" of 进出口总额 too, and a shorter name of it ("人均收入" of 居民人均可支配收入)
            inside = any(len(w) > len(form) for w in said)
            for match in re.finditer(re.escape(form), lowered):
                if not any(s <= match.start() < e for s, e in spans):
                    spans.append(match.span())
                    owns[match.start()] = (before_form or modifier or "") if modifier or inside else None
        if not spans:
            return False
        if modifier and re.search(rf"[、，,和及]{re.escape(modifier.lower())}[约近超逾达]?\d", lowered):
            return False  # "化肥产能30万吨、农药2万吨": the question's own, a later item that says the thing once
        if modifier and re.search(rf"{re.escape(modifier.lower())}[和及、与]", lowered):
            return False  # "甲产业和乙产业增加值分别…": the question's own, listed first, the thing said once after
        words, at = [], 0
        for word, word_class in self.tokenizer.tagged(text):
            words.append((at, at + len(word), word, word_class))
            at += len(word)

        def modified(start: int) -> bool:
            # the word before it, or the longer word it ends ("一般公共预算支出"), names another kind
            if (own_before := owns[start]) is None:
                return False

            def another(said: str) -> bool:
                # the words before it, but for an end both say ("户籍人口" and "常住人口" before 城镇化率)
                ends = zip(reversed(said), reversed(own_before), strict=False)
                common = sum(1 for _ in itertools.takewhile(lambda pair: pair[0] == pair[1], ends))
                return not set(said[: len(said) - common]) & (own | set(own_before[: len(own_before) - common]))

            return any(
                (end == start or begin < start < end)
                and len(text[begin:start]) > 1
                and not text[begin:start].startswith("全")
                and another(text[begin:start])  # not "城乡" of 城镇 (居民人均可支配收入)
                and word_class.startswith(("n", "vn", "j"))
                and not word_class.startswith("nr")
                and not places_in(word)
                and self.tokenizer.canonical(word) not in terms
                and word.lower() not in asked  # "金融机构" of "金融机构存款余额": the question's own
                for begin, end, word, word_class in words
            )

        return all(modified(start) for start, _ in spans)

    def _modifies_another(self, text: str, query: Query) -> bool:
        """Wherever `text` names the thing asked, a noun the question does not say follows it that names a
        quantity of its own, of which the thing is only a modifier: "规模以上工业增加值能耗" is an energy
        use, "常住人口城镇化率" a rate; "省市县长项目工程" is still projects."""
        things = self._thing(query)[0]
        if not things:
            return False
        forms = [f.lower() for f in self.tokenizer.surface_forms(things[-1]) if len(f) > 1]
        lowered = text.lower()
        spans = {m.end(): m.start() for form in forms for m in re.finditer(re.escape(form), lowered)}
        # most texts name it before a figure, a verb or a break: only a CJK character after it is read on
        if not spans or not all(_CJK_CHAR.match(text, end) for end in spans):
            return False
        terms = self._question_terms(query)
        following = {}
        for end, start in spans.items():
            # the words from the thing on, a few past it (tagging the whole statement cost 2 ms a question)
            at = start
            for word, word_class in self.tokenizer.tagged(text[start : end + _READ_AFTER_THING]):
                following[at] = (word, word_class)
                at += len(word)
        return all(
            (after := following.get(end)) is not None
            and after[1] == "n"
            and len(after[0]) > 1
            and MEASURED.search(after[0]) is not None  # an indicator of its own, not "项目工程"
            # a manner ("地区生产总值断崖式下跌40.5%": 断崖 式) is no thing
            and following.get(end + len(after[0]), ("", ""))[1] != "k"
            and after[0] not in _MEASURE_NOUNS | _STANCE_NOUNS
            and self.tokenizer.canonical(after[0]) not in terms
            and after[0] not in query.text
            for end in spans
        )

    def _question_term_of(self, query: Query, words: Sequence[tuple[str, str]]) -> Callable[[int], str | None]:
        """The question term the i-th word is (or is written inside: 零售 of 社会消费品零售总额), if any."""
        terms = self._question_terms(query)
        text = query.text.lower()
        starts, at = [], 0
        for word, _ in words:
            at = text.find(word.lower(), at)
            starts.append(at)
            at += len(word) if at >= 0 else 0
        spans = [
            (m.start(), m.end(), term)
            for term in terms
            for form in self.tokenizer.surface_forms(term)
            if len(form) > 1
            for m in re.finditer(re.escape(form), text)
        ]

        def term_of(i: int) -> str | None:
            if (canonical := self.tokenizer.canonical(words[i][0])) in terms:
                return canonical
            start, end = starts[i], starts[i] + len(words[i][0])
            return next((term for s, e, term in spans if start >= 0 and s <= start and end <= e), None)

        return term_of

    def _topic_terms(self, query: Query) -> Mapping[str, float]:
        """The question's terms other than those that name its documents (the places, their scope,
        national bodies and kinds of report), for a figure asked: a byline "深圳市市长 陈如桂" names only the place,
        and "国务院…政府工作报告" is said of every sentence of the report, whatever it speaks of."""
        if query.kind != "quantity":
            return {}
        terms = self._question_terms(query)
        naming = _naming_words(query)
        return {t: w for t, w in terms.items() if t not in naming} if naming & set(terms) else {}

    def _weigh_question_terms(self, query: Query) -> Mapping[str, float]:
        """The question's topic words, each weighted by how rare it is in the index (BM25 idf).

        A verb or adjective that no passage contains ("达标", "搞") is how the question is phrased,
        not what it is about, so it does not count against the passages; an absent noun does.
        """
        classes = self.tokenizer.word_classes(query.text)

        def word_class(word: str) -> str:
            # a search-mode piece of a longer word has its own: "上" of "上投" ("往民生上投了多少钱") is a localiser
            return classes.get(word) or self.tokenizer.word_classes(word).get(word, "n")

        asked_units = asked_unit_words(query)  # "多少人": 人 is the answer's unit, not its topic
        # a qualifier the question says narrows what it asks, whatever its class ("境外" is a place word)
        qualifiers = self.tokenizer.qualifiers.before | self.tokenizer.qualifiers.after
        terms = {}
        # "截至2019年", "2016到2019年": from or up to when, which `Query.years` holds, not what of
        # and the unit asked, in however many words ("多少亿千瓦小时": 亿千瓦, 小时)
        unit = unit_asked(query.text)
        text = query.text if unit is None else f"{query.text[: unit.start(1)]} {query.text[unit.end(1) :]}"
        asked = ASKING_PHRASES.sub(" ", _POINT_IN_TIME.sub(" ", text))
        for token in self.tokenizer.keyword_tokens(asked):
            if token in qualifiers and token not in asked_units:
                terms[token] = self.term_stats.idf(token)
                continue
            if _asks_rather_than_says(token, word_class(token)) or token in asked_units:
                continue
            if token in query.places and self.term_stats.document_frequency(token) == 0:
                continue  # "Suzhou": 宿州市 or 苏州市; the documents were chosen by place already
            if self.term_stats.document_frequency(token) > 0:
                terms[token] = self.term_stats.idf(token) * _term_weight(token, word_class(token), self.weights)
                continue
            if (digits := arabic_numerals(token)) != token:  # "五百强": the documents write "500强"
                terms[digits] = self.term_stats.idf(token) * _term_weight(token, word_class(token), self.weights)
                continue
            # An English word no passage contains cannot be matched in Chinese text, whatever its class.
            if (query.is_english and token.isascii()) or word_class(token).startswith(("v", "a")):
                continue
            # jieba's HMM joins unknown runs such as "建了" or "数是": weigh their dictionary words instead
            pieces = self.tokenizer.dictionary_cut(token)
            for piece in pieces if len(pieces) > 1 else [token]:
                if (len(piece) > 1 or piece == token) and not _asks_rather_than_says(piece, word_class(piece)):
                    terms[piece] = self.term_stats.idf(piece) * _term_weight(piece, word_class(piece), self.weights)
        if query.is_english:
            for said in self._said_by_their_gloss(query.text):
                terms.pop(said, None)
        if query.asked_type in terms and len(terms) > 1:
            del terms[query.asked_type]  # "哪几类内容": the answer lists them, whether or not it says 内容
        for example in examples_given(query.text, self.tokenizer.tagged):
            if len(terms) > 1:
                terms.pop(example, None)  # "钢铁、煤炭之类的行业": what is asked is the kind
        # where in the report it is asked ("在乡村振兴部分安排…"): the words that set it ask nothing, and those
        # that name it weigh less, unless said again outside it
        framing = frames_set(query.text)
        if framing:
            outside = set(
                self.tokenizer.keyword_tokens(functools.reduce(lambda t, f: t.replace(f[0], " "), framing, asked))
            )
            for setting, frame in framing:
                named = set(self.tokenizer.keyword_tokens(frame))
                for token in set(self.tokenizer.keyword_tokens(setting)) - outside:
                    if token in terms and token in named:
                        terms[token] *= self.weights.frame_term
                    elif token in terms and len(terms) > 1:
                        del terms[token]
        if terms:
            # a figure the question gives names the statement asked about: "完成数2.63%是哪一年度的数据";
            # "60周岁及以上人口有多少" by its band (with its unit: a bare "60" is in "2060", "60%")
            top = max(terms.values())
            # (not one that names where the report says it: "附件“5件实事”中")
            for figure in (f for f in figures_given(query.text) if not any(f.text in s for s, _ in framing)):
                if query.kind != "quantity":
                    terms[figure.value] = top
                elif figure.unit and not ASKS_CHANGE.search(query.text):
                    # with the range it ends, if any ("16-59岁" is not "15-59岁"); not an end of a change
                    # asked ("离1000万吨的目标还差多少"), which the statement of the other end does not repeat
                    opening = _RANGE_OPENING.search(query.text, 0, figure.start)
                    terms[(opening.group(0) if opening else "") + figure.text] = top
        return terms

    def _said_by_their_gloss(self, text: str) -> set[str]:
        """The Chinese of English words that the gloss after them says as a whole ("imports and exports (进出口)":
        进口 and 出口, each all in 进出口): the run is one thing, which the gloss names."""
        said: set[str] = set()
        for gloss in GLOSS.finditer(text):
            run = text[: gloss.start()].rpartition(")")[2]
            whole = set(self.tokenizer.keyword_tokens(gloss.group(1)))
            said |= {
                token
                for token in self.tokenizer.keyword_tokens(run)
                if not token.isascii() and token not in whole and set(token) <= set(gloss.group(1))
            }
        return said

    def _period_led(self, chunk: Chunk, position: int, dated: int | None) -> tuple[int, int] | None:
        """The period that the latest paragraph of the chunk's section up to `position` names as it opens
        ("“十五五”时期是我县爬坡过坎的五年。"), if one does."""
        for _at, opening, section in self.outline.openings_before(chunk.doc_id, position):
            if section != chunk.section:
                return None
            if (period := period_spoken_of(opening, dated)) is not None:
                return period
        return None

    def _is_plan_section(self, meta: DocumentMeta | None, chunk: Chunk) -> bool:
        """A work report's section of plans: its title says so ("三、2020年重点工作任务"), or it follows the review.
        Not one that names a plan period over before the report ("（二）“十五”时期…主要情况" in 2006)."""
        if meta is None or meta.kind != "政府工作报告":
            return False
        periods = (find_plan_period(title) for title in chunk.section.split(SEPARATOR))
        if meta.year is not None and any(period is not None and period[1] < meta.year for period in periods):
            return False
        return bool(_PLAN_SECTION.search(chunk.section)) or self._follows_review(chunk.doc_id, chunk.section)

    def _section_follows_review(self, doc_id: str, section: str) -> bool:
        """A work report's section after its review ("一、2020年工作回顾"), which names no review of its
        own, plans: "四、以推动高质量发展为主题…" of a 2021 report sets out 2021's work."""
        for path in reversed(Outline.ancestors(section)):  # the outermost section first
            parent, _, title = path.rpartition(SEPARATOR)
            siblings = [heading.title for heading in self.outline.children(doc_id, parent)]
            earlier = siblings[: siblings.index(title)] if title in siblings else []
            if _REVIEW.search(title):
                return False  # a part of the review itself, whatever its siblings say
            if any(_REVIEW.search(section) for section in earlier):
                return True
        return False

    def _document_tokens(self, meta: DocumentMeta | None) -> frozenset[str]:
        """The place a document is about and its kind are said once, in its title: every sentence of
        it speaks of that place, and is one of that kind ("按统计公报，…" of any line of a communiqué)."""
        if meta is None:
            return frozenset()
        tokens = self._tokens(" ".join(place_aliases(meta.place))) if meta.place else frozenset()
        if meta.place == NATIONAL:
            tokens |= self._tokens(" ".join(NATIONAL_BODIES))  # "国务院…报告" is the national one
        # a plan's title says which it is ("…第十个五年计划纲要"), its kind only that it is one (规划纲要)
        return tokens | self._tokens(" ".join(w for w in DOCUMENT_WORDS if w in meta.kind or w in meta.title))

    def _candidates(self, query: Query, rank: int, hit: Hit) -> list[Candidate]:
        """The passage's statements scored for the question, at the rank it was retrieved at."""
        at_rank = self.weights.retrieval_rank / (1 + rank)
        return [replace(c, hit_rank=rank, hit=hit, score=c.score + at_rank) for c in self._statements(query, hit.chunk)]

    def _passage_statements(self, query: Query, chunk: Chunk) -> tuple[Candidate, ...]:
        """The passage's statements scored for the question, but for the rank it is retrieved at."""
        hit = Hit(chunk=chunk, score=0.0)
        terms = self._question_terms(query)
        meta = self.documents.get(chunk.doc_id)
        title = meta.title if meta else ""
        # "第十二个五年规划纲要" is what a question calls "十二五规划" (or "十二五计划", as plans were once named)
        plan = find_plan_period(title)
        outline = plan if meta is not None and meta.kind in _PLANS else None  # a plan's outline: its period
        named = " ".join(f"{plan_name(plan)}{kind}" for kind in ("", "规划", "计划")) if plan else ""
        context_text = join_cjk_gaps(f"{title} {named} {chunk.section}".lower())
        context_tokens = self._tokens(context_text)
        document_tokens = self._document_tokens(meta)
        dated = meta.year if meta else None
        section_years = years_covered(chunk.section) | relative_years(chunk.section, dated)
        section_since = years_since(chunk.section, dated)
        plan_section = self._is_plan_section(meta, chunk)
        reviews = meta is not None and meta.kind == "政府工作报告" and not plan_section  # "控制在2.6%" is an outcome
        # a plan's outline sets targets for its period wherever it does not look back (a review section,
        # or a statement of years before the period: "2016—2020年，…" in a plan for 2021—2025)
        sets_plan_targets = outline is not None and not _REVIEW.search(chunk.section)
        if plan_section and not query.wants_target:
            # "二、2020年主要任务" names the year its targets are for, or the report's year is: an outcome
            # asked, the year is only implied
            context_years = _reported_years(meta)
            implied_years = frozenset(section_years or _implied_years(meta, plan_section, outline))
        else:
            context_years = section_years | _reported_years(meta)
            implied_years = frozenset(_implied_years(meta, plan_section, outline)) if not section_years else frozenset()
        # "“十三五”时期…" as a section; one that also names a year ("2020年和“十三五”工作回顾") says neither
        section_period = period_spoken_of(chunk.section, dated) if not section_years else None
        w = self.weights
        if chunk.is_table_row:
            pieces = [(chunk.statement or chunk.text, 0, len(chunk.text))]
        else:
            sentences = with_bylines(chunk.text, split_sentences(chunk.text))
            pieces = [(on_one_line(_as_stated(chunk, s.start, s.end)), s.start, s.end) for s in sentences]
        topic = self._topic_terms(query)
        sums_years = not _SUMS.search(query.text)
        one_year_asked = len(query.years) == 1 and not _SUMMED.search(query.text)
        span_summed_asked = len(query.years) > 1 and bool(_SUMMED.search(query.text)) and names_year_range(query.text)
        span_asked = _span_asked(query)
        written = self._written(query)
        unsaid = self.tokenizer.qualifiers.unsaid(query.text)
        naming = _naming_words(query)
        alternatives = {q: a for q, a in self.tokenizer.qualifier_alternatives.items() if q in query.text}
        kind = self._kinds.of(query)
        asks_target_words = not _TARGET_STANCE.isdisjoint(terms)  # (what a sentence of both stances holds)
        out = []
        previous_tokens: set[str] = set()
        previous_text = ""
        previous_years: set[int] = set()
        opening_tokens: set[str] = set()  # the context of the sentence a list of clauses opened from
        opening_text = ""
        in_list = False
        for text, start, end in pieces:
            tokens = self._tokens(text)
            # a table row's years are its columns' ("2001 38.2；2002 37.7"), each cell of its own
            own_years = (row_years(text) if chunk.is_table_row else years_covered(text)) | relative_years(text, dated)
            # a sentence continues the one before it ("2019年，举办了…科技活动周。共有…3000余人参会")
            plain = join_cjk_gaps(text.lower())
            # "生产石墨3.6万吨" holds the 产量 of a question on 石墨, "粮食达到21.5万吨" 粮食产量
            done = frozenset(
                term
                for term in terms
                if _measured_by_verb(term, terms, plain)
                or _output_by_its_thing(term, plain)
                or self._written_out(term, plain)  # "增幅" as "增长幅度"
            )
            looks_back = outline is not None and bool(own_years) and max(own_years) < outline[0]  # "2016—2020年，…"
            # "“十五五”时期是…的五年。" opening a plan's section: its paragraphs that name no years of their
            # own look back on that period too
            led = self._period_led(chunk, chunk.start + start, dated) if outline is not None else None
            looks_back_on = led if led is not None and not own_years and led[1] < outline[0] else None
            looks_back = looks_back or looks_back_on is not None
            states_targets = (
                (plan_section and not (_SO_FAR_THIS_YEAR.search(text) and not _STATES_TARGET.search(text)))
                or (sets_plan_targets and not looks_back)
                or bool(_STATES_TARGET.search(text) or (_HELD_TO.search(text) and not reviews))
            )
            # "计划新建多少": a plan's "新建水肥一体化农田15万亩" says it is planned by where it stands, as its
            # context would, and a review's "开展技能培训4.2万人次" that it was done (a table row may say either)
            stance = _TARGET_STANCE if states_targets else _OUTCOME_STANCE
            if asks_target_words and not states_targets and figure_stances(text, find_figures(text)):
                stance = stance | _TARGET_STANCE  # "原定新建5所，实际建成6所" says both
            stood = set() if chunk.is_table_row else {term for term in terms if term in stance}
            # a measure the asker names that no passage uses ("销量") is not excused where the text states
            # another measure of the thing in its place ("挖掘机产量")
            unused = self._unused(query) - _measured_otherwise(self._unused(query), terms, plain, query.text)
            # "推动乡村产业振兴。…一是…。二是…": a paragraph opened by a short sentence that names
            # its task reads on under it, as under a heading
            opening = self.outline.paragraph_opening(chunk.doc_id, chunk.start + start)
            # (numbered or not: "五、推进老旧小区改造。")
            lead = None if chunk.is_table_row else _LEAD_SENTENCE.match(strip_numbering(opening))
            lead_text = (
                join_cjk_gaps(lead.group(0).lower()) if lead and not text.lstrip().startswith(lead.group(0)) else ""
            )
            lead_tokens = self._tokens(lead_text)
            covered = functools.partial(
                _coverage,
                text=plain,
                tokens=tokens | document_tokens,
                context_tokens=context_tokens | previous_tokens | stood | lead_tokens,
                context_text=f"{context_text} {previous_text} {lead_text}",
                pieces=self._pieces,
                forms=self.tokenizer.surface_forms,
                context_weight=w.context_term,
                partial_weight=w.partial_term,
                shortened=self._shortened(query),
                unused=unused,
                unused_weight=w.unused_term,
                held_otherwise=done,
            )
            coverage = covered(terms)
            # a sentence that names the place or report asked about and too little else asked answers
            # nothing, nor is it one end of a change asked; one that falls short anyway keeps its
            # score, as the nearest there is
            # (a table row names its thing in a label and headers that a question words its own way:
            # it is set aside only when it holds none of the topic; a sentence that breaks the one before
            # down, "分地区看，东部增长3%", or goes on from it, "虽然…，涨幅仍…", holds that one's topic as
            # its own, and one read under its paragraph's lead that lead's, as it would a heading's)
            continues = bool(_BREAKDOWN.match(text) or _GOES_ON.match(text))
            held = (
                _coverage(
                    topic,
                    plain,
                    tokens,
                    previous_tokens if continues else lead_tokens,
                    previous_text if continues else lead_text,
                    self._pieces,
                    1.0 if continues else w.context_term,
                    shortened=self._shortened(query),
                    unused=unused,
                    unused_weight=w.unused_term,
                    forms=self.tokenizer.surface_forms,
                    held_otherwise=done,
                )
                if coverage > 0 and topic
                else None
            )
            # the thing a figure is asked of, held whole, in its title or section, or by most of it; a
            # statement with some of its noun phrase but not the thing speaks of another ("人均可支配收入"
            # for "人均消费支出"); one with none of it may word it otherwise ("医疗队" for "医护人员")
            thing, frame, _modifier = self._thing(query)
            # (the sentence before names the thing of one this one breaks down, lists or goes on from, not
            # of one that says its own: "…基金支出12亿元。按照…扶贫标准计算，…" is of no 支出)
            holding = (
                covered
                if continues or in_list
                else functools.partial(
                    covered,
                    context_tokens=context_tokens | stood | lead_tokens,
                    context_text=f"{context_text} {lead_text}",
                )
            )
            shares = {term: holding({term: 1.0}) for term in (*thing, *frame)}  # one term: its share
            holds_thing = all(shares[t] >= _THING_HELD for t in thing) or (None if not any(shares.values()) else False)
            if holds_thing and self._another_of_its_kind(text, query):
                # "森林火灾3703起" asked of 草原火灾; "中央预算内水利投资" of 中央预算内投资, which names 预算内 too
                holds_thing = False
            elif holds_thing and self._modifies_another(text, query):
                holds_thing = False  # "规模以上工业增加值能耗下降16%" asked of 规模以上工业增加值
            lacks_topic = held is not None and (held == 0 if chunk.is_table_row else held < w.topic_coverage)
            scored = 0.0 if lacks_topic and coverage >= self.min_coverage else coverage
            coverage = 0.0 if lacks_topic else coverage
            # (a year it compares with, "比1985年增加…", is not the year it speaks of: that goes on from before)
            speaks_of_own = own_years - comparison_years(text)
            # ("…到2025年达到…。年内建成…": what is done within the year is not of the years a plan reaches to)
            horizons = dated is not None and bool(previous_years) and min(previous_years) > dated
            inherits = not speaks_of_own and not (horizons and _WITHIN_THE_YEAR.search(text))
            years = frozenset(own_years | context_years | (previous_years if inherits else set()))
            # the years its paragraph looks back on ("五年来，…"), or its section
            period = period_spoken_of(f"{opening} {text}", dated) or looks_back_on or section_period
            # "比2015年增长36.6%" compares with 2015 and speaks of the year its place implies; a sum over
            # years ("累计接待游客9310万人次") speaks of no one year, unless a total is asked: of a period
            # looked back on ("五年来，…累计实际利用外资323亿美元"), not even of the year its report reviews
            sums = sums_years and bool(_SUMS.search(text))
            term_spans = [match.span() for match in term_matches(text, written)]
            if sums and period is not None and period[0] < period[1] and _sums_term(text, term_spans):
                years = frozenset(own_years)
            if one_year_asked and not chunk.is_table_row and names_year_range(text) and _SUMMED.search(text):
                # "2016-2020年，全县共投入科技资金3.2亿元": a sum over the years it names, of none alone
                years = frozenset()
            # and the other way: "2001-2005年累计毕业生多少" is not answered by one year's "毕业生307万人"
            one_year_of_sum = span_summed_asked and not (
                chunk.is_table_row or names_year_range(text) or _SUMMED.search(text)
            )
            if one_year_of_sum:
                years = frozenset()
            own_implied = frozenset(range(looks_back_on[0], looks_back_on[1] + 1)) if looks_back_on else implied_years
            implied = frozenset() if years - comparison_years(text) or sums or one_year_of_sum else own_implied
            base_year = next(iter(years or implied)) if len(years or implied) == 1 else None
            implied |= present_year(text, dated)  # "目前，我市建有…" in a report of 2020: 2020, as it stood
            if span_asked and period and period[0] <= span_asked[0] <= span_asked[1] <= period[1]:
                # "“十二五”时期（2011—2015年）…" asked, "五年来，…" in a report of 2016 speaks of those years
                implied |= set(range(span_asked[0], span_asked[1] + 1))
            implied |= section_since | years_since(text, dated)  # "2019年以来…" may speak of 2020 too
            # "五年来，…居民人均可支配收入从26253.5元提高到37274.8元": from the year before the five
            change = change_years(text, period)
            if change is not None:
                implied |= set(change)
            # "由上年的19.5%提高到21%" also answers for the year before, "…，比2025年多95万千瓦" for 2025
            implied |= earlier_years_stated(text, base_year)
            if (
                base_year is not None
                and query.reckons
                and base_year - 1 in query.years
                and changes_over_year(text, find_figures(text))
            ):
                implied |= {base_year - 1}  # ("电力装机达9789万千瓦、增长9.1%" of "推算2024年大约多少")
            # a statement that holds the figure the question quotes is the one it asks about, whatever
            # qualifier it says ("占比42.41%是什么时候的" of "规模以上高新技术产业产值…比重为42.41%")
            quoted = any(figure.text in text for figure in figures_given(query.text))
            # (a word naming the place or the report, "全县", says where, not what: no phrase of the thing)
            phrases = _phrase_spans([(s, e) for s, e in term_spans if text[s:e] not in naming])
            narrowed = [unsaid.narrow(text, *span) for span in phrases]
            is_narrowed = any(narrowed) and not quoted
            all_narrowed = bool(narrowed) and all(narrowed) and not quoted
            if alternatives and said_otherwise(text, (start for start, _ in term_spans), alternatives):
                coverage = 0.0  # "省级…创新平台88家" answers nothing asked of 国家级 ones
            elif all_narrowed and not query.is_english and len(find_figures(text)) == 1:
                # "新增地铁里程20公里" answers nothing asked of the whole ("地铁总里程"); a second figure
                # may be the whole's ("新增上市公司7家，总数达117家"). (An English question says its
                # qualifiers in English: which it leaves unsaid is not told.)
                coverage = 0.0
            score = (
                w.coverage * scored
                + (w.unasked_qualifier if is_narrowed else 0.0)
                + kind.statement_bonus(query, text, written, chunk.is_table_row)
                + _year_bonus(query, years, implied, w)
                + _plan_bonus(query, states_targets, w)
            )
            out.append(
                Candidate(
                    0,
                    hit,
                    text,
                    start,
                    end,
                    coverage,
                    score,
                    years,
                    implied,
                    base_year,
                    states_targets,
                    change,
                    holds_thing,
                )
            )
            # "其中：铁路4488亿人公里；公路6600亿人公里": a clause of a list reads on in the context of the
            # one before it and of the sentence the list opened from ("旅客运输周转量12188亿人公里。")
            opening_tokens, opening_text = (
                (opening_tokens, opening_text) if in_list else (previous_tokens, previous_text)
            )
            in_list = text.rstrip().endswith(("；", ";"))
            previous_tokens, previous_text, previous_years = tokens, plain, own_years
            if in_list:
                previous_tokens, previous_text = tokens | opening_tokens, f"{opening_text} {plain}"
        return tuple(out)

    def _listed_headings(
        self, query: Query, terms: Mapping[str, float], hits: Sequence[Hit], to_beat: float
    ) -> list[Heading]:
        """The headings (or numbered points) under a section of a retrieved passage that answer a list
        question: the section's title, with the titles above it, holds the question's terms, or its headings
        each name the thing listed ("分哪几个步骤" by "（一）调查摸底…", "（二）…"), at least as well as any
        one statement holds them. Headings that name the thing listed come first; of sections that hold
        them equally, the outermost: a section's title is part of every one under it. Empty when no
        section does."""
        thing = query.asked_type
        # the thing listed is no term of a statement (the answer lists them, whether or not it says 步骤),
        # but headings that each name it are the list asked
        listed_terms = {**terms, thing: max(terms.values(), default=1.0)} if thing else terms
        least, most = _HEADINGS_LISTED
        found: list[tuple[bool, float, int, list[Heading]]] = []
        seen: set[tuple[str, str]] = set()  # passages of one section share the sections above them
        for hit in hits:
            meta = self.documents.get(hit.chunk.doc_id)
            title = join_cjk_gaps((meta.title if meta else "").lower())
            document = self._document_tokens(meta)
            for path in Outline.ancestors(hit.chunk.section):
                if (hit.chunk.doc_id, path) in seen:
                    continue
                seen.add((hit.chunk.doc_id, path))
                headings = self.outline.children(hit.chunk.doc_id, path)
                if not least <= len(headings) <= most:
                    continue
                named = join_cjk_gaps(path.replace(SEPARATOR, " ").lower())
                listed = join_cjk_gaps(" ".join(h.title for h in headings).lower())
                if query.years and not set(query.years) & (years_covered(f"{named} {listed}") | _reported_years(meta)):
                    continue
                names_thing = bool(thing) and sum(thing in h.title for h in headings) >= len(headings) - 1
                if names_thing:
                    held = self._heading_coverage(query, listed_terms, f"{named} {listed}", title, document)
                else:
                    held = self._heading_coverage(query, terms, named, title, document)
                if held >= max(to_beat, self.min_coverage):
                    found.append((names_thing, held, -path.count(SEPARATOR), headings))
        # headings that each name the thing asked ("（一）前期准备阶段…" for 哪几个阶段) are the list, before
        # those of a section that only holds the question's terms
        return max(found, key=lambda f: f[:3], default=(False, 0.0, 0, []))[3]

    def _heading_coverage(
        self, query: Query, terms: Mapping[str, float], text: str, title: str, place: frozenset[str]
    ) -> float:
        """The question's terms held by headings (`text`) and the document's place, its title counting as context."""
        w = self.weights
        tokens, title_tokens = set(self._tokens(text) | place), set(self._tokens(title))
        return _coverage(
            terms,
            text,
            tokens,
            title_tokens,
            title,
            self._pieces,
            w.context_term,
            w.partial_term,
            self._shortened(query),
            unused=self._unused(query),
            unused_weight=w.unused_term,
        )

    # --- composing -----------------------------------------------------------------------------

    def _counted_items(self, query: Query, lead: Candidate) -> list[Heading]:
        """The things a list the question counts and names by its head ("六大产业集群") holds, where the
        statement's paragraph goes on to name each in a sentence of its own ("打造新能源新材料产业集群。…"),
        in order, as many as counted at most; each without the verb that opens its sentence."""
        group = _COUNTED_GROUP.search(query.text.replace("“", "").replace("”", ""))
        if group is None:
            return []
        count, head = ordinal(group.group(1).replace("两", "二")) or 0, group.group(2)
        chunk = lead.hit.chunk
        after = chunk.start + lead.quote_end
        items: dict[int, Heading] = {}  # by where each starts in its document
        for passage in self.outline.passages_from(chunk.doc_id, after, _LIST_REACH):
            for sentence in split_sentences(passage.text):
                at = passage.start + sentence.start
                plain = sentence.text.strip().rstrip("。；;！")
                if at < after or "\n" in plain or len(plain) > _ITEM_CHARS or not plain.endswith(head):
                    continue
                words = self.tokenizer.tagged(plain)
                verbs = len(list(itertools.takewhile(lambda wc: wc[1].startswith(("v", "d")), words)))
                thing = plain[sum(len(w) for w, _ in words[:verbs]) :]
                if thing != head and thing not in (h.title for h in items.values()):
                    items.setdefault(at, Heading(thing, passage))
        return [items[at] for at in sorted(items)][:count]

    def _list_of_headings(
        self, query: Query, headings: Sequence[Heading], lead: Candidate | None, citations: CitationList
    ) -> Answer:
        """The headings (or points) as the answer, each cited, after the statement that leads to them
        ("包括：A、B、C", "面临不少挑战：一是…"), if one does; a point that statement quotes is not repeated."""
        statements = [_cite(lead, citations)] if lead else []
        for heading in headings:
            if lead and heading.title in lead.text:
                continue
            at = max(heading.chunk.text.find(heading.title), 0)
            marker = citations.cite(Hit(heading.chunk, 0.0), at, at + len(heading.title))
            statements.append(Statement(heading.title, (marker,)))
        items = [h.item for h in headings]
        # points that list within themselves ("新增城镇就业12万人、农村劳动力转移就业4万人") are told apart by "；"
        direct = DirectAnswer(("；" if any(re.search("[、，]", item) for item in items) else "、").join(items))
        return Answer.compose(
            query.original, found=True, citations=citations.items, direct=direct, statements=tuple(statements)
        )

    def _direct_answer(self, query: Query, best: Candidate) -> DirectAnswer | None:
        written = self._written(query)
        kind = self._kinds.of(query)
        return kind.direct(query, best.text, best.hit.chunk.is_table_row, written, best.base_year, best.change_years)

    def _supporting(
        self, query: Query, best: Candidate, candidates: Sequence[Candidate], direct: DirectAnswer | None
    ) -> list[Candidate]:
        """The best sentence; then, from other passages, one that states the same figure (the table
        row beside the text, or the reverse), then others that score nearly as well."""
        eligible = [
            c
            for c in candidates
            if c is not best and c.coverage >= self.min_coverage and self._unmet_constraint(query, c) is None
        ]
        figure = re.match(r"\d+(?:\.\d+)?", direct.text if direct else "")
        same_figure = (
            [c for c in eligible if re.search(rf"(?<![\d.]){re.escape(figure.group(0))}(?![\d.])", c.text)]
            if figure
            else []
        )
        near = [c for c in eligible if c.score >= best.score - self.weights.supporting_margin]
        chosen = [best]
        for candidate in [*same_figure[:1], *near]:
            if len(chosen) >= _QUOTE_LIMIT:
                break
            if any(c.text == candidate.text or c.hit.chunk.chunk_id == candidate.hit.chunk.chunk_id for c in chosen):
                continue
            chosen.append(candidate)
        return chosen

    def _not_found(self, query: Query, nearest: Candidate, what: str, citations: CitationList) -> Answer:
        return Answer.compose(
            query.original,
            found=False,
            citations=citations.items,
            refusal=f"{NOT_FOUND}{what}",
            statements=(_cite(nearest, citations),),
        )


def _as_stated(chunk: Chunk, start: int, end: int) -> str:
    """The passage's text from `start` to `end` as a statement quotes it: its words and figures without
    bold markers, note numbers or the layout's spaces ("新增就业 2.46 万人" is 2.46万人)."""
    return join_figure_gaps(without_note_marks(as_read(chunk.doc_id, chunk.text[start:end])))


def _cite(candidate: Candidate, citations: CitationList) -> Statement:
    """The candidate's sentence as a statement of the answer, citing its passage."""
    marker = citations.cite(candidate.hit, candidate.quote_start, candidate.quote_end)
    return Statement(candidate.text, (marker,))


def _with_premise(candidate: Candidate, *, claimed: bool = False) -> Candidate:
    """A statement of what must be done ("必须…", "始终把…", "我们将把…"), or one `claimed` (what the
    question asks why of, said again), with the sentence before it in its paragraph, which reports set
    before it as its ground: "青海生态地位十分重要、无可替代。始终把生态文明建设作为“国之大者”放在首位"."""
    chunk = candidate.hit.chunk
    if chunk.is_table_row or not (claimed or _COMMITS.match(candidate.text)):
        return candidate
    before = [x for x in split_sentences(chunk.text) if x.end <= candidate.quote_start]
    if not before or "\n" in chunk.text[before[-1].end : candidate.quote_start] or _COMMITS.match(before[-1].text):
        return candidate
    start = before[-1].start
    return replace(candidate, text=_as_stated(chunk, start, candidate.quote_end), quote_start=start)


def _restates(text: str, question: str) -> bool:
    """The statement says again what the question asks why of, in its words: all but a character or two of
    its own ("为什么说…站上了新起点" of "…已站上新起点。")."""
    own = _CJK_CHAR.findall(text)
    return len(own) >= _CLAIM_CHARS and sum(char not in question for char in own) <= 2


def _with_following(candidate: Candidate, *, whole_point: bool, names_cause: Callable[[str], bool]) -> Candidate:
    """The candidate extended by the sentence that follows it in its passage, if any, or by those up to
    the first that `names_cause` in its paragraph ("…按可比口径计算。报告期数据…不能直接相比。主要原因是：
    ①…"); when it heads a point ("三是服务体系实效性需要强化。"), by the rest of the point: up to the
    next point, the paragraph's end or `_POINT_QUOTE_CHARS` in all."""
    chunk = candidate.hit.chunk
    if chunk.is_table_row:
        return candidate
    following = [x for x in split_sentences(chunk.text) if x.start >= candidate.quote_end]
    if not following:
        return candidate
    end = following[0].end
    if whole_point or not names_cause(following[0].text):
        for sentence in following[1:]:
            if (
                "\n" in chunk.text[end : sentence.start]
                or POINT_OPENING.match(sentence.text)
                or sentence.end - candidate.quote_start > _POINT_QUOTE_CHARS
            ):
                break
            if whole_point:
                end = sentence.end
            elif names_cause(sentence.text):
                end = sentence.end
                break
    return replace(candidate, text=_as_stated(chunk, candidate.quote_start, end), quote_end=end)


def _with_items(candidate: Candidate) -> Candidate:
    """The candidate with the items of a list it opens and ends with the first of (those that follow it in
    its paragraph, each ended by "；", up to the one that ends the sentence), then the parts of what it
    states that the sentence after it gives ("其中，…"); the candidate itself when neither follows."""
    chunk = candidate.hit.chunk
    end = candidate.quote_end
    following = [x for x in split_sentences(chunk.text) if x.start >= candidate.quote_end]
    if _OPENS_ITEMS.search(candidate.text):
        while following:
            sentence = following[0]
            if "\n" in chunk.text[end : sentence.start] or sentence.end - candidate.quote_start > _POINT_QUOTE_CHARS:
                break
            end = following.pop(0).end
            if not sentence.text.rstrip().endswith(("；", ";")):
                break
    if following and "\n" not in chunk.text[end : following[0].start] and following[0].text.startswith("其中"):
        end = following[0].end
    if end == candidate.quote_end:
        return candidate
    return replace(candidate, text=_as_stated(chunk, candidate.quote_start, end), quote_end=end)


def _naming_words(query: Query) -> frozenset[str]:
    """The words that name the question's places (every alias: 重庆 of 重庆市), their scope, national
    bodies and kinds of report: which documents are asked, never what of."""
    return _NAMING_WORDS | {alias for place in query.places for alias in place_aliases(place)}


def _phrase_spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of question terms side by side joined, each a phrase: "新增|地铁|运营里程" is one, which the
    qualifier before it narrows as a whole."""
    phrases: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if phrases and start <= phrases[-1][1]:
            phrases[-1] = (phrases[-1][0], max(end, phrases[-1][1]))
        else:
            phrases.append((start, end))
    return phrases


def _term_weight(token: str, word_class: str, weights: AnswerWeights) -> float:
    """A one-character word ("来", "投", "上") says little of what a question is about, however rare it
    is; a verb ("参加", "实施") says how it is asked more than what about, a time word ("近年来",
    "现在") when, which the year checks weigh, a hedge ("预计有多少", "实际") whether planned or
    achieved, which the target checks weigh, and a word of size ("规模") how much: a report states its
    figures without them."""
    length = weights.single_char_term if len(token) == 1 else 1.0
    how = word_class in ("v", "vd", "vi", "vg", "t") or token in _HEDGES | _SIZE_WORDS
    return length * (weights.verb_term if how else 1.0)


def _is_noun(word_class: str) -> bool:
    # (a Latin abbreviation, "GDP", "PM2.5", names a thing too)
    return word_class.startswith(("n", "vn", "j", "eng")) and not word_class.startswith(("nr", "ns"))


def _thing_before(words: Sequence[tuple[str, str]], asking: int) -> int | None:
    """The word naming the thing before the asking, past the words between (`_passed_over`) and a
    comparison with a time ("比上年", "比2015年"), or None when a place, time or other word is first."""
    i = asking - 1
    while i >= 0:
        if words[i][0] in _COPULAS and _closes_noun_phrase(words, i - 1):
            return i - 1
        if _passed_over(*words[i]) or _COMPARED_TIME.fullmatch(words[i][0]):
            i -= 1
            continue
        j = i
        while j >= 0 and words[j][1].startswith(("t", "m")):
            j -= 1
        if j < i and j >= 0 and words[j][0] in _COMPARED_WITH:
            i = j - 1
            continue
        k = i
        while k > 0 and _is_noun(words[k - 1][1]):
            k -= 1
        if k > 1 and words[k - 1][0] == _SHARE_OF and _is_noun(words[i][1]):
            i = k - 2  # "研发经费占地区生产总值的比重": a share of 研发经费, not of the whole it is in
            continue
        return i
    return None


def _past_unit(words: Sequence[tuple[str, str]], first: int, units: Iterable[str]) -> int:
    """The index of the first word from `first` on past the unit asked that the words there spell out
    in full, if they do."""
    spelled, end = "", first
    while end < len(words) and any(unit.startswith(spelled + words[end][0]) for unit in units):
        spelled += words[end][0]
        end += 1
    return end if spelled in units else first


def _closes_noun_phrase(words: Sequence[tuple[str, str]], i: int) -> bool:
    """The i-th word, before a copula, is a verb that ends a noun phrase: "消费支出是多少" asks of 支出,
    though jieba tags it a verb. Not a change ("收入增长是多少" asks of 收入) nor a measure or stance."""
    if i < 1 or not words[i][1].startswith("v") or words[i][1].startswith("vn"):
        return False
    word = words[i][0]
    if len(word) < 2 or word in QUESTION_WORDS | _MEASURE_NOUNS | _STANCE_NOUNS or _CHANGE_WORD.search(word):
        return False
    return _is_noun(words[i - 1][1])


def _passed_over(word: str, word_class: str) -> bool:
    """A word between a thing and what asks about it (`_MEASURE_NOUNS`)."""
    return bool(
        word in QUESTION_WORDS
        or word in _MEASURE_NOUNS
        or word in _STANCE_NOUNS
        or word in _RECKONING_WORDS
        # "上涨还是下降了多少": alternatives of the change asked; "控制在多少": where it is held
        or word in ("为", "在", "还是", "或", "或者")
        or word.endswith("目标")  # "城镇登记失业率的控制目标": a target of the thing, whatever its name
        or (word_class.startswith(("v", "u", "d", "y")) and not word_class.startswith("vn"))
    )


def _asks_rather_than_says(token: str, word_class: str) -> bool:
    return bool(
        token in QUESTION_WORDS
        or INTERROGATIVE.search(token)
        or word_class.startswith(_FUNCTION_CLASSES)
        or re.fullmatch(r"\d+(?:\.\d+)?[年%]?度?", token)
    )


def _measured_by_verb(term: str, frame: Iterable[str], text: str) -> bool:
    """A quantity named for what is done ("产量", "销量", "进口量") said by the doing, right before a
    word of its frame and then a figure ("生产石墨3.6万吨" for 石墨产量, "销售新能源汽车…万辆"), or right after
    its thing and before the figure ("新能源汽车销售2.6万辆" for 新能源汽车销量)."""
    if not term.endswith("量") or len(term) < 2:
        return False
    doing = re.escape(term[-2])  # the verb's character: 产 of 产量 (生产), 销 of 销量 (销售), 口 of 进口量
    things = [re.escape(word) for word in (*frame, term[:-2]) if len(word) > 1]
    said = [rf"{doing}[\u4e00-\u9fff]?{thing}[^，。；]{{0,6}}?\d" for thing in things]
    said += [rf"{thing}{doing}[\u4e00-\u9fff]?\d" for thing in things]
    return any(re.search(pattern, text) for pattern in said)


def _output_by_its_thing(term: str, text: str) -> bool:
    """A measure ("粮食产量", "高速公路通车里程") said by its thing alone before how much of it, in the
    measure's unit (`_MEASURED_BY_UNIT`); not in another ("粮食增收10%", "粮食储备能力达到…" names
    another measure)."""
    for measure, counts in _MEASURED_BY_UNIT:
        thing = term.removesuffix(measure)
        if thing != term and len(thing) >= 2:
            amounts = re.finditer(rf"{re.escape(thing)}(?:{_AMOUNT_LINK})?[\d.]+(?:万|亿)*({UNIT_PATTERN})", text)
            return any(counts(unit_family(match.group(1))) for match in amounts)
    return False


def _coverage(
    terms: Mapping[str, float],
    text: str,
    tokens: set[str],
    context_tokens: set[str],
    context_text: str,
    pieces: Callable[[str], tuple[str, ...]],
    context_weight: float,
    partial_weight: float = 0.0,
    shortened: Sequence[tuple[str, tuple[str, ...]]] = (),
    unused: frozenset[str] = frozenset(),
    unused_weight: float = 1.0,
    forms: Callable[[str], Sequence[str]] = lambda term: (term,),
    held_otherwise: frozenset[str] = frozenset(),
) -> float:
    """Share of the question's term weight found in the sentence (`context_weight` of it for its title,
    section or the sentence before: `context_tokens`, `context_text`).

    A term is found as a token, or as a substring where the sentence was segmented otherwise
    ("科长" inside "服务科科长"), or in parts: the shorter dictionary words inside it, all of them
    ("汽车产量" in "汽车：单位 万辆；产量 2552.8"), or abbreviated (`shortened`: "棚改" for
    "棚户区改造", one term or two). A term of which the text holds half or more in runs of
    two characters or more counts `partial_weight` of that share ("平均寿命" by "人均预期寿命").

    A term is one of two things a joint word names where the text gives each its figure (`forms`: the
    ways it is written, "城镇低保" of 城市居民最低生活保障, in "城乡低保标准分别提高到…").

    A term no passage uses (`unused`) that the text does not hold either counts `unused_weight` of
    its weight against it: the asker may word in their own way what the text says otherwise.

    Terms `held_otherwise` the text holds in a way none of these see (a quantity said by its doing).

    A question with no matchable terms (an English one the glossary does not cover) leaves the
    decision to retrieval and to the kind, year and unit checks.
    """
    if not terms:
        return 1.0
    total = sum(terms.values())
    if total <= 0:
        return 0.0
    got = 0.0
    # (a form of three characters or more is no chance part of other words: "新扩建" the segmenter cuts 新 扩建)
    held_short = {
        term
        for short, stands_for in shortened
        if short in text and (len(short) > 2 or _holds_word(short, tokens, pieces))
        for term in stands_for
    } | held_otherwise
    weights = (context_weight, partial_weight)
    for term, weight in terms.items():
        share = _held_share(term, text, tokens, (context_tokens, context_text), pieces, held_short, weights, forms)
        if share < 1 and term in unused:
            # "园子" of a question, "园区" of the text; "总人口" of a question, "全国人口" of the text
            total -= (1 - unused_weight) * weight
            weight *= unused_weight
        got += share * weight
    return got / total if total > 0 else 0.0


def _held_share(
    term: str,
    text: str,
    tokens: set[str],
    context: tuple[set[str], str],
    pieces: Callable[[str], tuple[str, ...]],
    held_short: set[str],
    weights: tuple[float, float],
    forms: Callable[[str], Sequence[str]],
) -> float:
    """How much of `term` the text holds (see `_coverage`): 1 when whole, less in its context
    (`context`: tokens and text) or in part (`weights`: those of the context and of a part)."""
    (context_tokens, context_text), (context_weight, partial_weight) = context, weights
    outside = _outside_joint_words(term, text)
    named_jointly = term in text and term not in outside  # only with another thing ("国有及民营企业")
    text = outside
    if (term in tokens and not named_jointly) or (len(term) > 1 and term in text):
        return 1.0
    if term in context_tokens or (len(term) > 1 and term in context_text):
        return context_weight  # "消费" of a table under "表2 居民消费价格涨跌幅度"
    if (parts := pieces(term)) and _held_in_parts(term, parts, text):
        return 1.0
    # …or one of its other names ("财政支出" of 一般公共预算支出, in "财政民生支出")
    if any(
        _held_in_parts(form, pieces(form), text) for form in forms(term) if form != term and _CJK_NAME.fullmatch(form)
    ):
        return 1.0
    if term in held_short:
        return 1.0  # "棚户区改造" as "棚改", "社会保障" as "社保"
    if any(_stated_by_its_figure(rest, text) for form in {term, *forms(term)} if (rest := _measure_left(form))):
        return 1.0  # "装机容量" as "新增装机150万千瓦": the figure says how much
    if _NUMBER.fullmatch(term) and re.search(rf"(?<![\d.]){re.escape(term)}(?!\.?\d)", text):
        return 1.0  # the "2" of a question's "2%左右" is the number of the text's "2%", not of "2025"
    if "分别" in text and any(joint in text for form in {term, *forms(term)} for joint in joint_forms(form)):
        return 1.0  # "农村居民人均可支配收入" in "城乡居民人均可支配收入分别达X、Y"
    if _part_after_whole(term, text):
        return 1.0
    if any(
        joint in term and all(term.replace(joint, part) in text for part in parts)
        for joint, parts in TWO_IN_ONE.items()
    ):
        return 1.0  # "城乡居民" of "城镇居民…和农村居民…", each named
    if not has_digit(term) and (share := _shared_share(term, text)) >= 0.5:
        return partial_weight * share  # "人均预期寿命" for "平均寿命", in part; "15-59岁" is not "16-59岁"
    return 0.0


def _part_after_whole(term: str, text: str) -> bool:
    """The text names the whole `term` is a part of, then after 其中 the part by the words `term` adds, each
    with its figure: "全体居民人均可支配收入31260元，其中城镇40150元，农村19870元" gives 城镇居民人均可支配收入
    and 农村居民人均可支配收入."""
    parts_from = text.find("其中")
    if parts_from < 0:
        return False
    for size in range(2, len(term) - 2):
        own, whole = term[:size], term[size:]
        if not re.fullmatch(r"[\u4e00-\u9fff]+", own) or text.find(whole) not in range(0, parts_from):
            continue
        if re.search(f"{re.escape(own)}[约近超逾达为]?\\d", text[parts_from:]):
            return True
    return False


def _measure_left(form: str) -> str:
    """A form without the measure word it ends in ("装机" of 装机容量), if the rest is a word; else ""."""
    rest = next((form.removesuffix(m) for m in _MEASURE_ENDINGS if form.endswith(m)), form)
    return rest if rest != form and re.fullmatch(r"[\u4e00-\u9fff]{2,}", rest) else ""


def _stated_by_its_figure(word: str, text: str) -> bool:
    """The text gives a figure right after `word` ("新增装机150万千瓦", "装机达到…")."""
    return re.search(f"{re.escape(word)}(?:达到|达|为|超过|突破)?[约近超逾]?\\d", text) is not None


def _outside_joint_words(term: str, text: str) -> str:
    """The text with each word that names two things together blanked where `term` names one of them
    ("出口", "出口额" of 进出口), and `term` where another thing is named with it ("国有及民营企业": not
    of 民营企业), unless "分别" gives each its own figure: "进出口总值2.78万亿元" is not of 出口, in
    whole, in parts or in part."""
    if "分别" in text:
        return text
    for joint in _joints_naming_part_of(term):
        text = text.replace(joint, _BLANK * len(joint))
    # "国有及民营企业总数": a thing named with another before it, the two counted together
    if len(term) > 2 and _CJK_NAME.fullmatch(term):
        # (with 及 only: 和 and 与 join names of one thing too, "工业和信息化部", "规划与资源配置科")
        text = re.sub(f"(?<=[\u4e00-\u9fff]及){re.escape(term)}", _BLANK * len(term), text)
        # "高速、一级公路1600公里" for 高速公路: its kind named with another, their one head after both (again
        # not with 和: "运营和试运行里程" may be said of what runs, tried or not)
        for cut in range(2, len(term) - 1) if "、" in text or "及" in text else ():
            kind, head = map(re.escape, (term[:cut], term[cut:]))
            text = re.sub(f"{kind}[、及][\u4e00-\u9fff]{{1,4}}?{head}", lambda m: _BLANK * len(m.group(0)), text)
    return text


@functools.lru_cache(maxsize=4096)
def _joints_naming_part_of(term: str) -> tuple[str, ...]:
    """The words for two things of which `term` names one and not both ("进出口" of 出口额)."""
    return tuple(
        joint
        for joint, parts in TWO_IN_ONE.items()
        if joint not in term and any(part in joint and part in term for part in parts)
    )


def _holds_word(word: str, tokens: set[str], pieces: Callable[[str], tuple[str, ...]]) -> bool:
    """`word` is a token, a dictionary word inside one ("社保" of 社保卡), or inside a run jieba joined
    by guess, with no dictionary word in it ("友城" of "友城达"); not a part across words ("代市" of 代市长)."""
    longer = (token for token in tokens if len(token) > len(word) and word in token)
    return word in tokens or any(word in (inside := pieces(token)) or not inside for token in longer)


def _shared_share(term: str, text: str) -> float:
    """The share of the term's characters inside runs of two or more of them that the text holds."""
    covered: set[int] = set()
    for start in range(len(term) - 1):
        end = start + 2
        while end <= len(term) and term[start:end] in text:
            end += 1
        if end - 1 - start >= 2:
            covered.update(range(start, end - 1))
    return len(covered) / len(term) if term else 0.0


def _held_in_parts(term: str, parts: Sequence[str], text: str) -> bool:
    """Every character of `term` is in the text by way of its dictionary words, save one at most
    ("钢产量": 产量, and 钢 of 粗钢), in its order and near one another; "高新技术企业" is not held by a
    text with only 技术 and 企业, nor "城镇居民人均可支配收入" by "全省居民人均可支配收入增长7.2%，城镇新增就业…",
    whose 城镇 is of another thing."""
    held = sorted((p for p in parts if p in text), key=term.find)
    reach = len(term) + _PARTS_APART

    def left_from(start: int) -> list[str]:
        """The term's characters its parts do not cover, read in its order from `start`, within reach
        ("汽车：单位 万辆；产量 2552.8")."""
        at, covered = start, set()
        for part in held:
            found = text.find(part, at)
            if 0 <= found <= start + reach:
                covered.update(range(term.find(part), term.find(part) + len(part)))
                at = found
        return [c for i, c in enumerate(term) if i not in covered]

    starts = {m.start() for part in held for m in re.finditer(re.escape(part), text)} or {0}
    return any(len(rest) <= 1 and all(c in text for c in rest) for rest in map(left_from, starts))


def _sums_term(text: str, term_spans: Sequence[tuple[int, int]]) -> bool:
    """A question term follows a word of summing ("累计建成5G基站"): the figure of it is a sum, not
    the figure of another thing the sentence sums ("…，累计获得全国科技创新奖项")."""
    return any(0 <= start - match.end() <= _SUM_REACH for match in _SUMS.finditer(text) for start, _ in term_spans)


def _target_for_outcome(query: Query, candidate: Candidate) -> bool:
    """The candidate sets a target where the question asks an outcome ("实际…", "增长了多少")."""
    return bool(_ASKS_ACTUAL.search(query.text)) and not query.wants_target and candidate.states_targets


def _measured_otherwise(unused: frozenset[str], terms: Iterable[str], text: str, question: str) -> set[str]:
    """The measures among `unused` ("销量") of which the text states another, of the same kind, right after
    a thing the question names: "挖掘机产量" says the output of the machines, not their sales."""
    measures = {term for term in unused if len(term) > 1 and MEASURED.search(term)}
    things = [re.escape(term) for term in terms if term not in measures and len(term) > 1]
    if not measures or not things:
        return set()
    stated = {m.group(1) for thing in things for m in re.finditer(f"{thing}([\u4e00-\u9fff]{{1,3}})", text)}
    return {
        measure
        for measure in measures
        for word in stated
        if (other := word[: word.find(measure[-1]) + 1] if measure[-1] in word else "")
        and len(other) > 1
        and other not in question
        and not set(other[:-1]) & set(measure[:-1])
    }


def _names_indicator(term: str) -> bool:
    """A word of three characters or more that names a quantity ("基尼系数", "恩格尔系数", "城镇化率")."""
    return len(term) > 2 and bool(MEASURED.search(term))


def _span_asked(query: Query) -> tuple[int, int] | None:
    """The years a question asks of as one span ("2016—2020年", "“十三五”时期"), if it does."""
    if query.plan_period is not None:
        return query.plan_period
    if len(query.years) > 1 and names_year_range(query.text):
        return min(query.years), max(query.years)
    return None


def _year_bonus(query: Query, years: frozenset[int], implied: frozenset[int], weights: AnswerWeights) -> float:
    """A year named counts for the sentence or against it; a year only implied lets it answer but
    does not set it above one that names the year."""
    if not query.years:
        return 0.0
    if any(_speaks_of(query, y, years) for y in query.years):
        return weights.year_named
    if any(_speaks_of(query, y, implied) for y in query.years):
        return 0.0
    return weights.year_other if years else weights.year_none


def _speaks_of(query: Query, year: int, years: frozenset[int]) -> bool:
    """`years` hold the year asked, or one after it when it is asked from on ("2003年以来")."""
    return year in years or (year in query.since and any(y > year for y in years))


def _names_year_asked(query: Query, candidate: Candidate) -> bool:
    """The statement, its section or its document names a year asked, not only implies it."""
    return any(year in candidate.years for year in query.years)


def _names_other_year(query: Query, candidate: Candidate) -> bool:
    """The statement (its section, its document) names years, none of them asked: it reaches a year
    asked only by implication ("2019年以来工作回顾" of a 2020 report), unlike a review that names no
    year and speaks of the one before its report's."""
    return bool(candidate.years) and not _names_year_asked(query, candidate)


def _reported_years(meta: DocumentMeta | None) -> set[int]:
    """The years a statistical communiqué's title names: its "全年…" sentences state that year's figures
    ("中华人民共和国2020年国民经济和社会发展统计公报")."""
    return years_covered(meta.title) if meta and meta.kind == "统计公报" else set()


def _implied_years(meta: DocumentMeta | None, plan_section: bool, outline: tuple[int, int] | None) -> set[int]:
    """The year a passage of a dated document speaks of when neither it nor its section names one:
    a work report of year Y plans Y in its sections of plans and reviews the year before elsewhere;
    a five-year plan sets its targets for the years of its period ("良种覆盖率提高到98%以上": by 2030, of the
    15th plan's outline, which its title names: `outline`); a decision, plan of reform, opinion, notice
    or regulation speaks of the year it is dated."""
    if meta is None or meta.year is None:
        return set()
    if meta.kind == "政府工作报告":
        return {meta.year} if plan_section else {meta.year - 1}
    if outline is not None:
        return set(range(outline[0], outline[1] + 1))
    return {meta.year} if meta.kind in _DATED_INSTRUMENTS else set()


def _plan_bonus(query: Query, states_targets: bool, weights: AnswerWeights) -> float:
    """A section of plans, or a statement of targets ("主要预期目标是：…"), states targets, not outcomes."""
    if query.kind != "quantity" or not states_targets:
        return 0.0
    return weights.plan_section_target if query.wants_target else weights.plan_section_other
