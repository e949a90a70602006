"""What each kind of question is answered with: one handler per kind, sharing the answerer's scoring.

The extractive answerer (`reportqa.answering.extractive`) scores every sentence of the retrieved
passages by how much of the question it holds, its year and its rank; a handler adds what its kind
asks of a statement and reads the direct answer from the best one:

- `Quantities`: a figure in the unit asked, for the year asked ("512家（2019年）");
- `Dates`: the date nearest what is asked about;
- `People`: the names a roster line or the text gives ("谁");
- `Reasons` and `Lists`: statements that give causes or enumerate, quoted without a direct answer;
- `AnyStatement`: every other question (who/what organisation, measures), quoted.

    kinds = QuestionKinds(lexicon, AnswerWeights())
    query = analyse("2019年高新技术企业有多少家？")
    kinds.of(query).direct(query, "全市高新技术企业总量从2011年203家跃升至2019年512家。", False, terms)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from reportqa.answering.change import AGAINST, ASKS_CHANGE, AVERAGE
from reportqa.answering.figures import (
    AGAINST_YEAR_BEFORE,
    FROM_LEVEL,
    PART_OF_YEAR,
    RELATIVE_YEAR,
    Figure,
    changes_over_year,
    comparison_years,
    figure_stances,
    figures_given,
    find_dates,
    find_figures,
    level_before_change,
    levels_changed_since,
    part_of_year,
    parts_of_year_asked,
    respective_subjects,
    year_changed_since,
    years_covered,
)
from reportqa.answering.tables import TableCell, parse_statement
from reportqa.core.models import DirectAnswer
from reportqa.core.weights import AnswerWeights
from reportqa.language.lexicon import Qualifiers, joint_forms
from reportqa.language.numbering import POINT_OPENING
from reportqa.language.places import place_mentions, regions_in
from reportqa.language.quantities import (
    CHINESE_NUMBER,
    MEASURE_WORDS,
    PEOPLE_UNITS,
    RATE_UNITS,
    UNIT_PATTERN,
    amount,
    unit_family,
    unit_scale,
)
from reportqa.language.segmentation import word_starts
from reportqa.question.analysis import MEASURE_NOUNS, STANCE_WORDS, Query

_POINT_HEAD_LENGTH = 30
# ("这些目标充分考虑了为…作贡献、为…打基础", "兼顾了需要与可能、当前与长远", "考虑了…，考虑了…": what a
# plan's targets were set for, listed; not the general "综合考虑了发展的需要和可能", whose reasons follow it)
_CAUSAL = re.compile(
    r"因为|由于|原因|受限|导致|造成|根据.{0,40}要求|不足|匮乏|差距|滞后|薄弱|问题|制约|影响|(?:考虑|兼顾)了[^。；]{0,30}(?:、|，(?:考虑|兼顾)了)"
    r"|为了|旨在|目的是|之所以|主要是|考虑到|鉴于"  # "…为6.2%左右，主要是兼顾…": an explanation
)
# "多少家", "几个", "多少亿斤", "多少个亿": the unit the answer is asked in
# ("多少个项目" asks in 个, not in "个项")
# ("多少个亿元以上项目" counts projects of a size: 个)
_QUESTION_UNIT = re.compile(
    rf"(?:多少|几)(个百分点|个(?:万|亿)(?!(?:{UNIT_PATTERN})?(?:以上|以下|级))(?:{UNIT_PATTERN})?"
    rf"|(?:万|亿)?(?:{UNIT_PATTERN}))"
)
# A sum of money asked for without its unit ("投资了多少钱", "补助多少"): the answer is in 元 (万元, 亿元).
_MONEY_NOUN = (
    "钱|资金|经费|投资|投入|收入|支出|补助|补贴|奖励|金额|总额|产值|营收|总值|增加值|外资|内资|税收|税费|利润|"
    "存款|贷款|资产|结余|余额|成交额|交易额|销售额|营业额|零售额|出口额|进口额|融资额"
)
_COUNT = "(?![个件项家人名])"  # "多少家…" counts things, whatever money word follows
# within one clause: "发放消费券，带动多少商户参与" asks no sum
_IN_CLAUSE = r"[^\s，,。；;：:？?！!]"
_CLAUSE_ON = re.compile(f"{_IN_CLAUSE}*")  # the rest of a clause
_MONEY = re.compile(
    rf"(?:{_MONEY_NOUN}){_IN_CLAUSE}{{0,4}}(?:多少|几){_COUNT}|多少{_COUNT}{_IN_CLAUSE}{{0,6}}(?:{_MONEY_NOUN})"
)
_UNIT_ALIASES = {
    **{unit: set(PEOPLE_UNITS) for unit in PEOPLE_UNITS},
    "个亿": {"亿元", "亿"},  # "多少个亿" asks for a sum in 亿元
    "个亿元": {"亿元"},
    "亿": {"亿元", "亿"},
    "个万元": {"万元"},
    "条": {"条", "项"},  # policies and measures are counted in either
    "项": {"项", "条", "个"},
    "家": {"家", "个", "户"},  # enterprises and institutions are counted in any of these
    "户": {"户", "家"},
    "个": {"个", "家", "项", "座", "所"},  # 个 counts facilities and schools as their own words do
    "座": {"座", "个"},
    "所": {"所", "个"},
    "台": {"台", "台套", "部"},  # instruments are counted in sets of them too; machines in 部
    "部": {"部", "台"},
    "套": {"套", "台套"},
    "栋": {"栋", "幢"},  # buildings are counted in either
    "幢": {"幢", "栋"},
}
# An English question's words for growth ("GDP grew 5%", "the growth of retail sales")
_GROWTH_EN = r"growth|\bgr[eo]wn?\b"
_ENGLISH_UNIT = (
    (re.compile(r"enterprises|companies|firms|stations|platforms|institutions", re.I), "家"),
    (re.compile(rf"percent|share|proportion|ratio|\brate\b|{_GROWTH_EN}|%", re.I), "%"),
    (re.compile(r"yuan|funding|money|investment|amount|\bgdp\b|revenue|income|expenditure|spending", re.I), "元"),
    (re.compile(r"people|persons|talents|experts|academicians", re.I), "人"),
    (re.compile(r"projects|items", re.I), "项"),
)
# a share or rate asked in English: not a price ("exchange rate") nor a grade ("first-rate")
_ENGLISH_SHARE = re.compile(r"(?<!exchange )(?<!-)\b(?:share|percentage|percent|proportion|ratio|rate)\b", re.I)
_ENGLISH_AND = re.compile(r"\band\b", re.I)  # "GDP and its growth rate": one part is no share
# parts of a year a figure may be said of ("一季度", "上半年", "前三季度", "全年")
# Words that make a figure an increase over a period rather than a level ("新增", "增长", "提高"; not 增加值).
# a count asked of what was added ("新增了多少家"), and a figure stated as all there is ("总数超过3.2万家")
_ASKS_ADDED = re.compile(r"新增|净增|新认定|新建|新引进")
_STATES_ALL = re.compile(r"总数|总量|保有量|共有|累计(?:达|建成|建有|拥有)")
# a figure right after how much it grew since another time: "比2020年增加超", "较上年增长"
_GROWN_SINCE = re.compile(r"[比较][^，。；]{1,10}?(?:增加|增长|提高|多|减少|下降|降低)了?(?:超过?|近|约|逾)?$")
_CLAUSE_REACH = 40  # characters a clause is read back for the rate it states
# "比预期目标多", "较上年少": how much more or less than something the figure after it is
_MORE_THAN = re.compile(r"[比较][^，。；]{1,15}?[多少]了?$")
_MORE_THAN_ASKED = re.compile(r"[比较][^，。；？?]{1,15}?[多少]了?(?:多少|几)")
_FLOW_CUE = re.compile(
    rf"新增|净增|新认定|新建|增加(?!值)|增长|提高|提升|上涨|上升|下降|减少|降低|新引进|{_GROWTH_EN}", re.I
)
# a rate by its name; an exchange rate is a price ("8.2765元人民币兑1美元")
_RATE_WORD = r"(?<!汇)率"
# A question that asks for a rate or share; any other "多少" asks for a level, which a percentage is not
# ("地区生产总值是多少" is not answered by "增长6%" or "占GDP比重3.48%").
_ASKS_RATE = re.compile(
    rf"增长|增速|增幅|涨(?![到至])|比重|占比|比例|之比|百分|{_RATE_WORD}|强度|下降|下跌|回落|提高|上升|{_GROWTH_EN}|rate|share|percent",
    re.I,
)
# "增长多少" in no unit asks for a growth rate ("比上年增长2.3%"), not the level that grew ("涨到多少" does)
_GROWN_BY = re.compile(r"(?:增长|增加|减少|下降|提高)了?$")
_GROWTH_RATE = re.compile(r"增速|增幅|growth rate", re.I)  # a rate by its name
_ASKS_GROWTH = re.compile(rf"增长|增速|增幅|涨(?![到至])|下降(?![到至])|下跌|回落|{_GROWTH_EN}", re.I)
# which rate a question asks, and which one a percentage's clause states ("增长11.2%，占全省39.5%")
_ASKS_SHARE = re.compile(r"比重|占比|比例|之比|占|share|proportion", re.I)
_STATES_SHARE = re.compile(r"占|比重|比例|之比")
# (not the 增加 of 增加值, nor a level reached: "提高到82%")
_STATES_GROWTH = re.compile(r"(?:增长|增速|增幅|下降|提高|上升|回落|减少|增加(?!值))(?![到至])")
# a share or an intensity: asked in %
_SHARE = re.compile(rf"比重|占比|比例|份额|之比|百分之|百分比|{_RATE_WORD}|强度")
# "三次产业比例为9∶32.8∶58.2": a ratio of parts, which a question of 比例 or 结构 asks as well as a share
_RATIO = re.compile(r"\d+(?:\.\d+)?\s*∶\s*\d+(?:\.\d+)?|\d+(?:\.\d+)?(?:\s*:\s*\d+(?:\.\d+)?){2,}")
_RATIO_ASKED = re.compile(r"比例|结构|之比|比值")
_NOUN_ASKED = re.compile(r"(?:多少|几)([\u4e00-\u9fff]{2,})")  # "多少负担": what is asked, after the asking
_MONTH_ALONE = re.compile(r"\d{1,2}月(?:份|上旬|中旬|下旬)?")
_ASKS_YEAR = re.compile(r"哪一?年|几几年|which year|what year", re.I)
# a post, then (after a colon or the spaces of a roster's layout) a name that ends the line or field
# "深圳市代市长 覃伟中"; a two-character name is often spaced out on a title page: "代市长 侯 红"
_ROSTER_NAME = re.compile(
    r"(?:长|书记|主任|主席|总理)(?:\s*[:：]\s*|\s+)([\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff][ 　][\u4e00-\u9fff])(?=\s|$)"
)
# a number of people, households or firms asked by its name ("失业人数是多少"), in its measure word
_COUNTED_IN = {"人数": "人", "人口": "人", "户数": "户", "家数": "家"}
# ("人口总数有多少": a whole of them)
_COUNT_ASKED = re.compile(
    rf"({'|'.join(_COUNTED_IN)})(?:总数|总量|数量|规模)?(?:是|有|为|达到|共有)?(?:多少|几)(?![\u4e00-\u9fff])"
)
# "第几届", "居全国第几位": a rank or ordinal asked, which a report states as one ("第五届", "第12位")
_ORDINAL_ASKED = re.compile(r"第几(?P<unit>[届次位名批期轮个])")
_ASKS_PERSON = re.compile(r"谁|\bwho\b|\bwhom\b", re.I)
# which of the gazetteer's places (not "哪两个国家", which it does not hold)
_ASKS_PLACE = re.compile(r"哪[一两二三四五六七八九几]?[个些]?(?:省市|省份|省区|省|城市|市|地区|县)")
# ... but not which of two compared ("哪个城市…更长", "A和B…哪个省多？")
_COMPARES = re.compile(r"[更最]|[多少高低大小快慢长短]\s*[？?]?$")
_CLAUSE_END = re.compile(r"[，。；、,;]")
_RANGE_START = re.compile(r"\s*[-—–~～至]\s*\d")
_AGE_BAND = re.compile(r"\d+\s*(?:[-—–~～至]\s*\d+\s*)?周?岁(?:及以上|以上|及以下|以下)?")
# a figure and the 、 or 和 after it, right before another figure: "36.6%、" of "增长36.6%、50.9%"
_LISTED_BEFORE = re.compile(r"\d[\d.,]*\s*(?:[%‰]|[万亿]?[\u4e00-\u9fff]{0,3})(?:、|和)$")
_GOAL_CUE = re.compile(r"力争|争取|确保")  # goals said as such; "好于预期", "完成目标" report outcomes
_LABEL_BREAK = re.compile(r"[，。；、,;：:]|[（(](?![^（）()]*[）)])")  # an open bracket, not an aside
# "农村居民家庭恩格尔系数（即…的比重）为47.2%": an aside in brackets between a thing and its figure
_ASIDE = re.compile(r"[（(][^（）()]*[）)]")
_ASIDE_BEFORE = re.compile(rf"{_ASIDE.pattern}[为是达到]{{0,2}}$")
# "由每人每年420元提高到…": a change's start a few words after 由 or 从, its end after 到 or 至
_FROM_OPENING = re.compile(r"[从由][^，。；、从由]{1,6}$")
_TO_AFTER = re.compile(r"[^，。；、\d]{0,4}?(?:到|至)")
# a figure said again more exactly right after a round one: "突破1.5万元、达到15230元"
_RESTATED = re.compile(r"[、，]\s*(?:达到|达|为|是)")
# (a hyphen only between two percentages, "8%-8.5%": before a bare number it is a minus sign)
_RANGE_OR_BOUND = re.compile(r"(?:[—–~～至]\d+(?:\.\d+)?%?|(?<=%)-\d+(?:\.\d+)?%)?(?:以上|左右|以下|以内)?")
_QUOTED = re.compile(r"“[^”]{1,30}”|《[^》]{1,60}》")
# the thing a measure word counts: the words up to the next break ("“两院”院士" of "7名“两院”院士")
_COUNTED = re.compile(r"[“”（）\u4e00-\u9fff]{2,}")  # a title may hold a place in brackets
# what a thing counted opens with: a noun, a distinguishing word (国家级), an abbreviation (两院); not a
# verb or an adverb that goes on about the figure ("203家一举跃升至…", "52家获批")
_COUNTED_CLASSES = ("n", "b", "j")
_COUNTS_OF_THINGS = MEASURE_WORDS | {"人"}  # "34人入选…", as "10名专家入选…"
# a label said of the thing before it: its share of a whole, or its change against another
_RELATES_BACK = re.compile(r"[占比较与为]|相当于|其中|分别")
_RISES = frozenset({"提高", "增长", "增加", "增产", "上升", "多"})


class NameTagger(Protocol):
    qualifiers: Qualifiers  # words that narrow what an indicator counts (境外, 规模以上, …中位数)

    def word_classes(self, text: str) -> dict[str, str]: ...

    def tagged(self, text: str) -> list[tuple[str, str]]: ...


class Kind(Protocol):
    """What one kind of question asks of a statement, and how its direct answer is read."""

    def statement_bonus(self, query: Query, text: str, terms: Mapping[str, float], is_table_row: bool) -> float:
        """Added to a statement's score for holding what this kind asks for (or taken off for lacking it)."""
        ...

    def holds_kind_asked(self, query: Query, text: str, is_table_row: bool, terms: Mapping[str, float]) -> bool:
        """The statement holds a value of the kind asked, though no direct answer may be read from it."""
        ...

    def direct(
        self,
        query: Query,
        text: str,
        is_table_row: bool,
        terms: Mapping[str, float],
        base_year: int | None = None,
        change_years: tuple[int, int] | None = None,
    ) -> DirectAnswer | None:
        """The answer stated on its own, read from the statement; None when none can be read.
        `base_year`: the one year the statement speaks of, named or implied, if it is known;
        `change_years`: the years a change it states from one level to another starts and ends in."""
        ...


@dataclass(frozen=True)
class AnyStatement:
    """A question answered by quoting what the documents say (an organisation, a measure, a fact)."""

    def statement_bonus(self, query: Query, text: str, terms: Mapping[str, float], is_table_row: bool) -> float:
        return 0.0

    def holds_kind_asked(self, query: Query, text: str, is_table_row: bool, terms: Mapping[str, float]) -> bool:
        return True

    def direct(
        self,
        query: Query,
        text: str,
        is_table_row: bool,
        terms: Mapping[str, float],
        base_year: int | None = None,
        change_years: tuple[int, int] | None = None,
    ) -> DirectAnswer | None:
        return None


@dataclass(frozen=True)
class Reasons(AnyStatement):
    """Why: a statement that says because, or names what hinders ("计划性不足", "差距")."""

    weights: AnswerWeights

    def statement_bonus(self, query: Query, text: str, terms: Mapping[str, float], is_table_row: bool) -> float:
        return self.weights.causal if self.names_cause(text) else 0.0

    def names_cause(self, text: str, asked: Iterable[str] = ()) -> bool:
        """The text says because, or names a hindrance; with `asked`, one the question does not:
        "一是计划性不足。" states the problem of "为什么说计划性不足", and the sentence after it gives the cause."""
        for word in sorted(asked, key=len, reverse=True):
            text = text.replace(word, " ")  # ("主要预期目标是" without 预期目标 is no "主要是")
        return bool(_CAUSAL.search(text))

    @staticmethod
    def heads_a_point(text: str) -> bool:
        """A short point opening a list of problems ("二是创新载体偏少，布局不均衡。"): its causes follow it."""
        return bool(POINT_OPENING.match(text)) and len(text) <= _POINT_HEAD_LENGTH


@dataclass(frozen=True)
class Lists(AnyStatement):
    """Which ones: a statement that enumerates ("A、B、C")."""

    weights: AnswerWeights

    def statement_bonus(self, query: Query, text: str, terms: Mapping[str, float], is_table_row: bool) -> float:
        return min(text.count("、"), 4) * self.weights.list_item


@dataclass(frozen=True)
class Dates:
    """When: the date nearest what the question is about, a day or a year as asked."""

    weights: AnswerWeights

    def statement_bonus(self, query: Query, text: str, terms: Mapping[str, float], is_table_row: bool) -> float:
        """A date of the kind asked counts for the statement; a year alone, a day asked, counts nothing."""
        dates = find_dates(text)
        if not dates:
            return self.weights.date_absent
        return self.weights.date_present if not _wants_day(query) or any("月" in d[0] for d in dates) else 0.0

    def holds_kind_asked(self, query: Query, text: str, is_table_row: bool, terms: Mapping[str, float]) -> bool:
        return bool(find_dates(text) or years_covered(text) or RELATIVE_YEAR.search(text))

    def direct(
        self,
        query: Query,
        text: str,
        is_table_row: bool,
        terms: Mapping[str, float],
        base_year: int | None = None,
        change_years: tuple[int, int] | None = None,
    ) -> DirectAnswer | None:
        dates = find_dates(text)
        if not dates:
            # "去年，我们隆重举行…纪念活动" of "哪一年": the year the text speaks of, as its document dates it
            asks_year = _ASKS_YEAR.search(query.text) and RELATIVE_YEAR.search(text)
            return DirectAnswer(f"{base_year}年") if asks_year and base_year else None
        quoted = [f.value for f in find_figures(query.text) if f.value in text]
        anchor = text.find(quoted[0]) if quoted else _term_position(text, terms)
        wants_day = _wants_day(query)
        # "2020年，…占比为8.6%，比2016年提高…": the year compared with is not the figure's
        compared = {str(year) for year in comparison_years(text)}
        own = [d for d in dates if d[0][:4] not in compared] or dates
        written = max(own, key=lambda d: _date_score(text, d, anchor, wants_day))[0]
        written += "年" if written.isdigit() else ""  # "规划（2030）": the year 2030
        # a month without its year is of the year the text speaks of; a day ("将11月1日设为…") may recur
        month_alone = _MONTH_ALONE.fullmatch(written) and not text[: text.find(written)].endswith("每年")
        return DirectAnswer(f"{base_year}年{written}" if month_alone and base_year else written)


@dataclass(frozen=True)
class People:
    """Who: the names a roster line sets after a post, or that the text names."""

    weights: AnswerWeights
    tagger: NameTagger

    def statement_bonus(self, query: Query, text: str, terms: Mapping[str, float], is_table_row: bool) -> float:
        if _ROSTER_NAME.search(text):
            return self.weights.person_present
        return self.weights.person_guessed if self.names(text) else self.weights.person_absent

    def holds_kind_asked(self, query: Query, text: str, is_table_row: bool, terms: Mapping[str, float]) -> bool:
        return True

    def direct(
        self,
        query: Query,
        text: str,
        is_table_row: bool,
        terms: Mapping[str, float],
        base_year: int | None = None,
        change_years: tuple[int, int] | None = None,
    ) -> DirectAnswer | None:
        people = self.names(text)
        return DirectAnswer("、".join(people)) if people else None

    def names(self, text: str) -> list[str]:
        """Personal names in the text: those a roster line sets after a post ("深圳市代市长 覃伟中"),
        then those jieba tags as names (nr) that are not part of one already found, in order."""
        listed = [re.sub(r"[ 　]", "", m.group(1)) for m in _ROSTER_NAME.finditer(text)]
        # a name of two or three characters: jieba tags some longer words nr too ("市场秩序")
        tagged = [w for w, c in self.tagger.word_classes(text).items() if c == "nr" and 2 <= len(w) <= 3]
        return listed + [w for w in tagged if not any(w in name for name in listed)]


@dataclass(frozen=True)
class Places:
    """Which place: the places the text names, other than those the question names ("对口支援拉萨的是
    哪两个省市": "北京市、江苏省")."""

    weights: AnswerWeights

    def statement_bonus(self, query: Query, text: str, terms: Mapping[str, float], is_table_row: bool) -> float:
        return self.weights.place_present if self.named(query, text) else self.weights.place_absent

    def holds_kind_asked(self, query: Query, text: str, is_table_row: bool, terms: Mapping[str, float]) -> bool:
        return bool(self.named(query, text))

    def direct(
        self,
        query: Query,
        text: str,
        is_table_row: bool,
        terms: Mapping[str, float],
        base_year: int | None = None,
        change_years: tuple[int, int] | None = None,
    ) -> DirectAnswer | None:
        places = self.named(query, text)
        return DirectAnswer("、".join(places)) if places else None

    @staticmethod
    def named(query: Query, text: str) -> list[str]:
        asked = set(query.places)
        # in full ("北京" as 北京市): the gazetteer's name, which no reader can take for another place
        found = [name for name, _start, _end in place_mentions(text) if name not in asked]
        # and a region of the country ("华南地区"), which the question does not name itself
        found += [region for region in regions_in(text) if region not in query.text]
        return list(dict.fromkeys(found))


@dataclass(frozen=True)
class Quantities:
    """How many, how much: a figure in the unit asked, for the year asked, of what is asked."""

    weights: AnswerWeights
    qualifiers: Qualifiers
    tag: Callable[[str], Sequence[tuple[str, str]]]  # words in order with their classes (`Lexicon.tagged`)

    def statement_bonus(self, query: Query, text: str, terms: Mapping[str, float], is_table_row: bool) -> float:
        w = self.weights
        # a row statement's units are in its label or headers ("高新技术企业数（家）：…目前完成数 512")
        cells = parse_statement(text) if is_table_row else []
        units = [c.figure_unit for c in cells if c.figures]
        figures = _stated_figures(text)
        if not figures and not units:
            return w.no_figure
        wanted = wanted_units(query)
        units += [f.unit for f in figures]
        bonus = w.unit_asked if wanted and any(_unit_matches(u, wanted) for u in units) else w.unit_any
        stated = [u for u in units if u]
        if stated and not _asks_rate(query, wanted) and all(u in RATE_UNITS for u in stated):
            bonus += w.only_rates
        elif stated and not wanted and _ASKS_GROWTH.search(query.text) and not any(u in RATE_UNITS for u in stated):
            bonus += w.only_levels
        if figures and not _asks_flow(query, terms) and all(_states_a_change(text, f) for f in figures):
            bonus += w.only_changes
        # "院士工作站52家" states the count; "院士工作站等创新平台227家" counts something wider
        distances = [near[0] for f in figures if (near := _nearest_term(text, terms, f.start)) is not None]
        if distances:
            bonus -= min(w.term_distance_cap, min(distances) / w.term_distance_scale)
        # "完成旅客吞吐量2913万人次、货邮吞吐量52.2万吨": each figure right after what it is of
        # (a goal, "力争…达到N家", names what is asked for a question about goals only)
        spans = [(0, len(cells[0].label))] if cells else [_label_span(text, f, figures) for f in figures]
        goal_asked = query.wants_target
        labels = [text[start:end] for start, end in spans if goal_asked or not _GOAL_CUE.search(text, 0, end)]
        # "一季度地区生产总值下跌40.5%" for a question about 一季度, not the year's total
        if (periods := set(PART_OF_YEAR.findall(query.text))) and periods & set(PART_OF_YEAR.findall(text)):
            bonus += w.period_said
        return bonus + w.label_named * max((_named_share(query.text, label) for label in labels), default=0.0)

    def holds_kind_asked(self, query: Query, text: str, is_table_row: bool, terms: Mapping[str, float]) -> bool:
        """A figure in the asked unit (any figure when no unit is asked), not a count of another thing; the
        rank asked ("第几届": "第五届")."""
        if _ORDINAL_ASKED.search(query.text):
            return _ordinal_stated(query, text) is not None
        if _RATIO_ASKED.search(query.text) and _RATIO.search(text):
            return True  # quoted as it is written: no figure of one unit says it
        wanted = _required_units(query)
        if is_table_row:  # a cell of no stated unit may be in the one asked
            units: list[str | None] = [c.figure_unit or None for c in parse_statement(text) if c.figures]
        else:
            asked = counted_thing(query)
            parts = parts_of_year_asked(query.text)
            stated = _stated_figures(text)
            of_another = said_of_another(text, stated, terms, query, self.tag)
            rate_asked = _rate_asked(query)
            figures = [
                f
                for f in stated
                if not counts_other(text, f, terms, self.tag, asked)
                and not of_another(f)
                and not _other_rate(rate_asked, text, f)
                and _of_the_time_and_total_asked(query, text, f, parts, terms)
            ]
            if _asks_growth_in_no_unit(query, wanted):
                return _states_growth(text, figures)
            units = [f.unit for f in figures]
        return bool(units) and (not wanted or any(u is None or _unit_matches(u, wanted) for u in units))

    def direct(
        self,
        query: Query,
        text: str,
        is_table_row: bool,
        terms: Mapping[str, float],
        base_year: int | None = None,
        change_years: tuple[int, int] | None = None,
    ) -> DirectAnswer | None:
        if _ORDINAL_ASKED.search(query.text):
            ordinal = _ordinal_stated(query, text)
            return DirectAnswer(ordinal) if ordinal else None
        wanted = wanted_units(query)
        if is_table_row:
            return self._cell(query, text, terms, wanted)
        # a figure the question gives ("从120项减到了多少项") is not its answer, nor one in the unit of a
        # band it names, unless it asks in that unit ("16-59岁人口有多少": not "0-14岁" of "0-14岁人口为…")
        # or a change from it ("离1000万吨的目标还差多少")
        given = figures_given(query.text)
        given_texts = {g.text for g in given}
        asked_units = {unit_family(unit) for unit in wanted}
        bands = set() if ASKS_CHANGE.search(query.text) else {f.family for f in given if f.unit} - asked_units
        parts = parts_of_year_asked(query.text)
        figures = [
            f
            for f in _stated_figures(text, base_year, change_years)
            if f.text not in given_texts
            and f.family not in bands
            and not _of_another_band(text, f, query.text)
            and not _of_the_other_side(text, f, query.text)
            and _of_the_time_and_total_asked(query, text, f, parts, terms)
        ]
        if not figures:
            return None
        fitness = self._fitness(query, text, terms, wanted, figures)
        if query.years and not any(f.year in query.years for f in figures if not _states_a_change(text, f)):
            derived = _derived_level(text, query.years, figures, base_year) or (
                _reckoned_level(text, query.years, figures, fitness, base_year) if query.reckons else None
            )
            if derived:
                return derived
        required = _required_units(query)
        # "增长了多少" is answered by a rate or a sum grown by, not by "达到2.32万亿元", however well that fits
        growth = _asks_growth_in_no_unit(query, required)
        answering = [f for f in figures if _states_growth(text, [f])] if growth else figures
        if not answering:
            return None
        figure = max(answering, key=fitness)
        if required and not _unit_matches(figure.unit, required):
            return None  # "投资了多少钱" is not answered by "500亩"
        if _other_rate(_rate_asked(query), text, figure):
            return None  # "增长了百分之几" is not answered by "服务业增加值占比48.1%"
        if counts_other(text, figure, terms, self.tag, counted_thing(query)):
            return None  # the best figure counts something the question does not name
        if said_of_another(text, figures, terms, query, self.tag)(figure):
            return None  # "固定资产投资增长2.8%，社会消费品零售总额达3056.6亿元" of "固定资产投资总额是多少亿元"
        if query.years and figure.year is not None and figure.year not in query.years:
            return None
        # the level a change started from is not the asked year's ("调整前…由50%提高到75%")
        started = query.wants_start and _starts_change(text, figure)
        year = figure.year or (query.years[0] if len(query.years) == 1 and not started else None)
        # "6%—6.5%", "900万人以上": a range or bound is part of the figure, which then has no one amount;
        # "13%左右" is still about 13%
        bound = _RANGE_OR_BOUND.match(text, figure.end).group(0)
        return DirectAnswer(
            figure.text + bound,
            f"{year}年" if year else "",
            None if bound not in ("", "左右") else figure.amount,
            figure.family,
            _states_a_change(text, figure),
        )

    def _cell(self, query: Query, text: str, terms: Mapping[str, float], wanted: set[str]) -> DirectAnswer | None:
        cells = [c for c in parse_statement(text) if c.figures]
        if not cells:
            return None
        own = _age_bands(cells[0].label.rpartition("其中")[2])  # "60周岁及以上其中65周岁及以上": of 65周岁
        if (asked := _age_bands(query.text)) and own and not own & asked:
            return None  # a row of another band than the one asked
        # "占比多少" of "年末数（万人） 21676；比重（%） 15.4": the cell in the unit asked, if one is
        in_unit = [c for c in cells if wanted and _unit_matches(c.figure_unit, wanted)]
        cell = max(in_unit or cells, key=lambda c: _cell_score(query, c, terms, wanted, self.weights))
        unit = cell.figure_unit
        if (required := _required_units(query)) and unit and not _unit_matches(unit, required):
            return None  # a cell of no stated unit may be in the one asked: the table's unit is not always told
        figure = cell.figure_text
        return DirectAnswer(f"{figure}{cell.unit}", cell.describe(), amount(figure, unit), unit_family(unit))

    def _fitness(self, query: Query, text: str, terms: Mapping[str, float], wanted: set[str], figures: list[Figure]):
        """How well each figure of the statement answers: its year, unit, nearness to what is asked."""
        w = self.weights
        rate_asked = _asks_rate(query, wanted)
        latest = max((f.year for f in figures if f.year), default=None)
        unsaid = self.qualifiers.unsaid(query.text)
        said = self.qualifiers.said(query.text)
        # the terms a qualifier the question says narrows for some figures and not for others: it tells
        # those apart ("增长35.1%，年均增长6.2%" for "年均增长多少"), where it does not for a whole sentence
        weighty = _weighty_terms(text, terms)
        nearest = {f: near for f in figures if (near := _nearest_term(text, weighty, f.start)) is not None}
        qualified = {(text[n[1] : n[2]], said.narrow(text, n[1], n[2])) for n in nearest.values()}
        told_apart = {term for term, is_qualified in qualified if is_qualified and (term, False) in qualified}
        growth_asked = not wanted and bool(_ASKS_GROWTH.search(query.text))
        flow_asked = _asks_flow(query, terms)
        # a change asked against something ("比上年增加多少"), which a sentence may state
        change_asked = bool(ASKS_CHANGE.search(query.text) and AGAINST.search(query.text))
        difference_asked = bool(_MORE_THAN_ASKED.search(query.text))
        rate_asked_is = _rate_asked(query)
        respective = respective_subjects(text, figures)
        asked = counted_thing(query)
        # the words of a group the question narrows from name the figure of the whole, not the one asked
        rest = query.text.replace(query.group, "") if query.group else query.text
        label_terms = {t: weight for t, weight in terms.items() if t in rest or t not in query.group}
        said_here = _said_weight(text, label_terms)
        # "一季度…增速" of "从一季度负增长81.6%收窄到全年负增长11.8%": the part of the year asked, where
        # the text also names another ("全年新增有效灌溉面积…，新增节水灌溉面积…" tells no part apart)
        periods_asked = set(PART_OF_YEAR.findall(query.text))
        if not set(PART_OF_YEAR.findall(text)) - periods_asked:
            periods_asked = set()
        parts_asked = _parts_asked(query.text, text, figures)
        # "原定新建学校5所，实际建成6所": the figure set as a target, and the one achieved
        stances = figure_stances(text, figures)

        def fitness(f: Figure) -> float:
            near = nearest.get(f)
            score = _figure_score(query, wanted, f, near[0] if near else None, w)
            if f in respective:  # "食品、药品抽检合格率分别达99.62%、99.71%": the one said of what is asked
                score += w.figure_respective * _respective_fit(query.text, *respective[f])
            else:  # "完成旅客吞吐量2913万人次、货邮吞吐量52.2万吨"
                # an aside in brackets is not what the figure is of ("15-59岁（含不满60周岁）人口为")
                # ("其中新能源汽车4.6万辆": 其中 says it is part of what came before, no word of its name)
                label = _ASIDE.sub("", text[slice(*_label_span(text, f, figures))]).removeprefix("其中")
                score += w.figure_label * _label_fit(query.text, label, label_terms, said_here)
            if near and unsaid.narrow(text, near[1], near[2]):
                score += w.figure_narrowed  # "接待境外游客76.6万人次" of "接待游客多少"
            elif near and text[near[1] : near[2]] in told_apart and said.narrow(text, near[1], near[2]):
                score -= w.figure_narrowed  # and as much for "年均增长6.2%" of "年均增长多少"
            if periods_asked and (said_periods := set(PART_OF_YEAR.findall(_clause_before(text, f)))):
                score -= w.figure_narrowed if said_periods & periods_asked else -w.figure_narrowed
            if f in parts_asked:
                # "新增地铁里程50公里，其中市域快线12公里" of "新增市域快线多少公里": the part the question
                # names; its whole is not what is asked
                score -= w.figure_narrowed if parts_asked[f] else -w.figure_narrowed
            if growth_asked and f.unit not in RATE_UNITS:
                score += w.figure_level  # "增长多少" of "工业增加值62815亿元，比上年增长11.5%"
            if _states_a_change(text, f) and not flow_asked:
                score += w.figure_change
            elif _states_a_change(text, f) and change_asked and (not difference_asked or _said_against(text, f)):
                # "比上年增加多少" of "粮食产量49746万吨，比上年增加1344万吨"; "比预期目标多多少" of
                # "城镇新增就业980万人，比预期目标多80万人", where the first is a flow too
                score -= w.figure_change
            if f.unit in RATE_UNITS and not rate_asked:
                score += w.figure_rate
            if _starts_change(text, f):
                # "从2.2万家增加到4.9万家": where it started, not where it is, unless that is asked
                score += -w.figure_range_start if query.wants_start else w.figure_range_start
            if _other_rate(rate_asked_is, text, f):
                score += w.figure_other_rate  # "占全省39.5%" of "增长多少", "增长11.2%" of "占全省多少"
            if counts_other(text, f, terms, self.tag, asked):
                score += w.figure_counts_other  # "新增…1个国家级技术创新中心" of "多少家高新技术企业"
            if not query.years and f.year is not None and f.year != latest:
                score += w.figure_not_latest  # "2015年为7.5万亿元，2020年超过11万亿元": with no year asked, the latest
            if stance := stances.get(f):  # (a figure of neither stance, in such a sentence, neither way)
                score += _stance_fit(query, stance == "target", stance == "actual", w)
            return score

        return fitness


class QuestionKinds:
    """The handler for each kind of question (`Query.kind`), made once per answerer."""

    def __init__(self, tagger: NameTagger, weights: AnswerWeights) -> None:
        self.quantities = Quantities(weights, tagger.qualifiers, tagger.tagged)
        self.dates = Dates(weights)
        self.people = People(weights, tagger)
        self.places = Places(weights)
        self.reasons = Reasons(weights)
        self.lists = Lists(weights)
        self.any_statement = AnyStatement()

    def of(self, query: Query) -> Kind:
        if query.kind == "quantity":
            return self.quantities
        if query.kind == "date":
            return self.dates
        if query.kind == "name" and _ASKS_PERSON.search(query.text):
            return self.people
        if (
            query.kind in ("name", "list", "open")
            and _ASKS_PLACE.search(query.text)
            and not _COMPARES.search(query.text)
            and len(query.places) < 2
        ):
            return self.places
        if query.kind == "reason":
            return self.reasons
        if query.kind == "list":
            return self.lists
        return self.any_statement


def _rate_asked(query: Query) -> str:
    """The rate a question asks, "growth" or "share", if it asks one of them alone (`_one_rate`)."""
    return _one_rate(query.text, _ASKS_GROWTH, _ASKS_SHARE)


def _other_rate(rate_asked: str, text: str, figure: Figure) -> bool:
    """The figure is a percentage of the other rate than the one asked (`_one_rate`): a share, a growth
    asked, or a growth, a share asked."""
    if figure.unit != "%" or not rate_asked:
        return False
    # the whole clause: "占中央和省级财政专项扶贫资金总额的75.7%" says its 占 far before the figure
    stated = _one_rate(_clause_before(text, figure, reach=_CLAUSE_REACH), _STATES_GROWTH, _STATES_SHARE)
    return stated not in ("", rate_asked)


def _one_rate(text: str, growth: re.Pattern[str], share: re.Pattern[str]) -> str:
    """ "growth" or "share" when `text` speaks of one of these rates and not the other; else ""."""
    says_growth, says_share = bool(growth.search(text)), bool(share.search(text))
    return "growth" if says_growth and not says_share else "share" if says_share and not says_growth else ""


def counts_other(
    text: str,
    figure: Figure,
    terms: Mapping[str, float],
    tag: Callable[[str], Sequence[tuple[str, str]]],
    asked: str = "",
) -> bool:
    """A count whose measure word is followed by what it counts, and that names no question term
    ("新增…1个国家级技术创新中心", asked about 高新技术企业), or not the thing `asked`
    (`counted_thing`) where the text names that elsewhere ("建成…检测中心，完成8家县级疾控中心…":
    a word both share is not enough); a count that ends its clause ("高新技术企业512家，") counts
    what was said before it."""
    if unit_family(figure.unit) not in MEASURE_WORDS:
        return False
    after = _RANGE_OR_BOUND.match(text, figure.end).end()
    counted = _COUNTED.match(text, after)
    if counted is None:
        return False
    named_elsewhere = bool(asked) and asked in text and asked not in counted.group(0)
    if not named_elsewhere and any(term in counted.group(0) for term in terms):
        return False
    opening = next((c for word, c in tag(counted.group(0)) if word not in "“”"), "")
    return opening.startswith(_COUNTED_CLASSES)


def _derived_level(
    text: str, years: Sequence[int], figures: Sequence[Figure], base_year: int | None = None
) -> DirectAnswer | None:
    """The asked year's level worked out from a later one and the change since ("比重为42.41%，比2015年
    提高了10.58个百分点" -> 约31.83%（2015年）; "产量52850万吨，比上年增加2690万吨" in a text of 2008 -> 约50160万吨
    （2007年）), saying how; None if the text gives no such pair."""
    for change, level in levels_changed_since(text, figures):
        if level.number is None or _states_a_change(text, level):
            continue
        level_unit = level.unit
        level_year = level.year or base_year
        year = year_changed_since(change, level_year)
        if year not in years or level_year == year:
            continue
        amount = change.group("value").replace(",", "")  # "1,427亿度"
        sign = -1 if change.group("way") in _RISES else 1
        value = level.number + sign * float(amount)
        decimals = max(len(x.partition(".")[2]) for x in (level.value, amount))
        since = f"（{level_year}年）" if level_year else ""
        return DirectAnswer(
            f"约{value:.{decimals}f}{level_unit}",
            f"{year}年，由{level.text}{since}“{change.group(0)}”推算",
            value * unit_scale(level_unit),
            unit_family(level_unit),
        )
    return None


def _reckoned_level(
    text: str,
    years: Sequence[int],
    figures: Sequence[Figure],
    fitness: Callable[[Figure], float],
    base_year: int | None = None,
) -> DirectAnswer | None:
    """The year before's level, reckoned from the best-fitting level and its change over that year
    ("电力装机达9789万千瓦、增长9.1%" -> 约8973万千瓦（2024年）), when the question asks to reckon."""
    changes = changes_over_year(text, figures)
    if not changes:
        return None
    level = max(changes, key=fitness)
    level_year = level.year or base_year
    if level_year is None or level_year - 1 not in years:
        return None
    value = level_before_change(level, changes[level])
    change, unit, way = changes[level]
    decimals = max(1, len(level.value.partition(".")[2]))
    said = f"{way}{change:g}{unit}"
    return DirectAnswer(
        f"约{value:.{decimals}f}{level.unit}",
        f"{level_year - 1}年，由{level_year}年的{level.text}与其{said}推算",
        value * unit_scale(level.unit),
        unit_family(level.unit),
    )


def _named_share(question: str, thing: str) -> float:
    """How much of `thing` the question names: the share of its character pairs found in the
    question ("货邮吞吐量" all of it for "…货邮吞吐量是多少", "完成旅客吞吐量" half)."""
    pairs = {thing[i : i + 2] for i in range(len(thing) - 1)} or ({thing} if thing else set())
    return sum(pair in question for pair in pairs) / len(pairs) if pairs else 0.0


def _label_fit(question: str, label: str, terms: Mapping[str, float], said_here: float) -> float:
    """How well a figure's label names what is asked: the share of its characters the question
    repeats, and the share of the question's term weight said in the sentence that sits in it.
    The second tells "第三产业增加值比重为51.6%" from "第一产业增加值占国内生产总值的比重为7.9%":
    the longer label repeats more of the question, the shorter one its rarest word."""
    weight = _said_weight(label, terms) / said_here if said_here else 0.0
    return (_named_share(question, label) + weight) / 2


def has_digit(text: str) -> bool:
    return any(character.isdigit() for character in text)


def _said_weight(text: str, terms: Mapping[str, float]) -> float:
    """The weight of the question's terms the text says, each once ("生产总值" inside "国内生产总值")."""
    said = [term for term in terms if len(term) > 1 and term in text]
    return sum(terms[term] for term in said if not any(term != other and term in other for other in said))


def _label_span(text: str, figure: Figure, figures: Sequence[Figure]) -> tuple[int, int]:
    """What a figure is said of: the words since the figure before it or the last break
    ("货邮吞吐量" of "完成旅客吞吐量2913万人次、货邮吞吐量52.2万吨"); for a count, the words that
    follow it, if any do ("救治182名确诊患者、233名无症状感染者", "34人入选…人才"), unless it
    starts a change ("从75项精简到21项")."""
    if unit_family(figure.unit) in _COUNTS_OF_THINGS and not _starts_change(text, figure):
        following = _COUNTED.match(text, _RANGE_OR_BOUND.match(text, figure.end).end())
        if following is not None:
            # ("18个千亩公园": a figure in words inside what follows does not end it)
            later = (f.start for f in figures if f.start > figure.end and has_digit(f.value))
            return following.start(), min(following.end(), min(later, default=len(text)))
    before = [f for f in figures if f.end <= figure.start]
    if before and _starts_change(text, before[-1]) and _TO_AFTER.fullmatch(text, before[-1].end, figure.start):
        return _label_span(text, before[-1], figures)  # "贡献率从17.1%提升到35.1%": 35.1% is 贡献率's too
    if before and _RESTATED.fullmatch(text, before[-1].end, figure.start):
        return _label_span(text, before[-1], figures)  # "收入首次突破1.5万元、达到15230元": 收入's too
    start = max((f.end for f in before), default=0)
    aside = _ASIDE_BEFORE.search(text, start, figure.start)
    end = aside.start() if aside else figure.start
    breaks = [m.end() for m in _LABEL_BREAK.finditer(text, start, end)]
    return (breaks[-1] if breaks else start), end


def _parts_asked(question: str, text: str, figures: Sequence[Figure]) -> dict[Figure, bool]:
    """Of each part a statement gives after its whole ("新增地铁里程50公里，其中市域快线12公里") that the
    question names by the words the whole's label does not say (市域快线): the part (True) and the
    whole (False)."""
    found: dict[Figure, bool] = {}
    if "其中" not in text:
        return found  # (read for every statement of a quantity question: most give no part)
    for at, part in enumerate(figures):
        label = text[slice(*_label_span(text, part, figures))]
        # (the whole is the last figure before it in its unit: "…达到900亿元，增长5%，其中出口520亿元")
        whole = next((f for f in reversed(figures[:at]) if f.family == part.family), None)
        if whole is None or not label.startswith("其中"):
            continue
        whole_label = text[slice(*_label_span(text, whole, figures))]
        own = "".join(c for c in label.removeprefix("其中") if c not in whole_label)
        if len(own) > 1 and own in question:
            found[part], found[whole] = True, False
    return found


def _respective_fit(question: str, thing: str, listed: Sequence[str]) -> int:
    """1 when the question names what tells the figure's own thing in an "A、B分别…X、Y" list apart from
    the others more than it names what tells any other apart, -1 when less, 0 when it names neither
    ("城镇、农村居民人均可支配收入分别增长8%、8.5%" of "一般公共预算收入增长多少": 收入 is both's).
    A thing takes the words it shares with the last as the question says them (`_with_said_head`), or
    else, listed shorter, those after as many characters ("第一、第二和第三产业增加值…" is 第一产业增加值…)."""
    last = listed[-1]
    said = [_with_said_head(t, last, question) for t in listed]
    whole = [w if w != t or len(t) >= len(last) else t + last[len(t) :] for t, w in zip(listed, said, strict=True)]
    pairs = [_char_pairs(t) for t in whole]
    asked = _char_pairs(question)

    def told_apart(k: int) -> float:
        own = pairs[k] - set().union(*(p for j, p in enumerate(pairs) if j != k))
        return len(own & asked) / len(own) if own else 0.0

    index = listed.index(thing)
    own = told_apart(index)
    other = max((told_apart(k) for k in range(len(listed)) if k != index), default=0.0)
    return (own > other) - (own < other)


def _with_said_head(thing: str, last: str, question: str) -> str:
    """A thing of an "A、B分别…" list with the words after it in the last thing listed that the question
    says right after some of its own ("国际航空旅客和货邮吞吐量" asked of 旅客吞吐量: 国际航空旅客吞吐量);
    the thing itself when it says none."""
    if thing == last:
        return thing
    shared = (last[cut:] for cut in range(1, len(last) - 1))  # the longest first, two characters at least
    return next(
        (thing + words for words in shared if any(thing[i:] + words in question for i in range(len(thing)))), thing
    )


def _char_pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


def _stated_figures(
    text: str, base_year: int | None = None, change_years: tuple[int, int] | None = None
) -> list[Figure]:
    """The figures a text states, not those inside a quoted name ("创新发展30条", 《…2019》), nor the one
    unit an exchange rate is of ("1美元兑7.8087元人民币")."""
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    figures = find_figures(text, base_year, change_years=change_years)
    return [
        f
        for f in figures
        if not any(start < f.start < end for start, end in quoted)
        and not (f.amount == 1 and (text.startswith("兑", f.end) or text[: f.start].endswith("兑")))
    ]


# Words of a question that name the kind of figure asked, as its unit does: "花了多少钱" asks a sum
# of money, which reports never call 钱; "占多大比例" asks a share, which they may state as "67%为…"
_AREA_UNITS = frozenset({"亩", "公顷", "平方米", "平方公里", "平米"})
_UNIT_WORDS = {
    "元": frozenset({"钱"}),
    "%": frozenset({"比例", "比重", "占比", "百分比"}),
    **dict.fromkeys(_AREA_UNITS, frozenset({"面积"})),  # "造林绿化面积是多少" of "造林绿化3.06万亩"
}
# "面积是多少", "面积有多大", "造林多少面积": an area, in whichever of its units the text writes
_AREA = re.compile(r"面积\S{0,3}(?:多少|多大)(?![个件项家人名])|(?:多少|多大)面积")


def asked_unit_words(query: Query) -> frozenset[str]:
    """The units asked and, when the figure itself is asked, the words that ask for them: the
    answer's kind, not its topic (a share's date or change is asked about the share)."""
    units = wanted_units(query)
    if query.kind != "quantity" or ASKS_CHANGE.search(query.text):
        return frozenset(units)
    return frozenset(units).union(*(_UNIT_WORDS.get(unit, ()) for unit in units))


def counted_thing(query: Query) -> str:
    """What a count question names after its measure word: "多少家传染病检测中心" -> 传染病检测中心;
    "" when it names it before ("检测中心有多少家")."""
    match = unit_asked(query.text)
    thing = _COUNTED.match(query.text, match.end()) if match else None
    return thing.group(0) if thing else ""


def unit_asked(question: str) -> re.Match[str] | None:
    """ "多少家", "几个百分点": a unit after the asking word that ends a word; the 支 of "多少支持", the
    人 of "多少人口", the 家 of "多少家庭" begin longer words and ask no unit."""
    ends = word_starts(question)
    return next((m for m in _QUESTION_UNIT.finditer(question) if m.end() in ends), None)


def wanted_units(query: Query) -> set[str]:
    match = unit_asked(query.text)
    if match and match.group(1) == "个百分点" and not _SHARE.search(query.text) and not _GROWTH_RATE.search(query.text):
        # "养老金涨了几个百分点": what is no rate grows by a percentage, which the asker counts in points
        return {"个百分点", "%"}
    if match:
        return _UNIT_ALIASES.get(match.group(1), {match.group(1)})
    if counted := _COUNT_ASKED.search(query.text):
        return {_COUNTED_IN[counted.group(1)]}  # "失业人数是多少": people, not a rate
    money = _MONEY.search(query.text)
    # "生产总值增长多少", "研发经费投入强度" ask a rate of a sum, not a sum; so does "收入定了多少的增长目标",
    # whose rate is named after the asking, in its clause
    asked = money and money.group(0) + _CLAUSE_ON.match(query.text, money.end()).group(0)
    if asked and not _ASKS_GROWTH.search(asked) and not _SHARE.search(asked):
        return {"元"}
    # (not a rate named as what a doing acts on, when a thing of its own is asked: "降低贷款利率能为企业节省
    # 多少成本" asks of 成本)
    noun = _NOUN_ASKED.search(query.text)
    if _SHARE.search(query.text) and (noun is None or _SHARE.search(noun.group(1))):
        return {"%", "‰"}  # a rate per thousand ("出生率为12.37‰") is a share too
    if _AREA.search(query.text):
        return set(_AREA_UNITS)
    if query.is_english:
        for pattern, unit in _ENGLISH_UNIT:
            if pattern.search(query.text):
                return _UNIT_ALIASES.get(unit, {unit})
    return set()


def _required_units(query: Query) -> set[str]:
    """The units an answer must be in: those a Chinese question asks in. An English question's unit is
    guessed from its nouns ("stations" are counted in 家 or 个), so it only prefers a figure, unless it
    asks one share or rate, which is a percentage in any language ("what share of days…")."""
    if not query.is_english:
        return wanted_units(query)
    return {"%", "‰"} if _ENGLISH_SHARE.search(query.text) and not _ENGLISH_AND.search(query.text) else set()


def _asks_growth_in_no_unit(query: Query, wanted: set[str]) -> bool:
    """ "增长了多少", "增速是多少" in no unit ask a rate, or a sum grown by; not a level reached."""
    return not wanted and bool(
        _GROWTH_RATE.search(query.text) or (_ASKS_GROWTH.search(query.text) and ASKS_CHANGE.search(query.text))
    )


def _states_growth(text: str, figures: Sequence[Figure]) -> bool:
    """One of `figures` is a rate, not a share ("占GDP比重达1.6%"), or a sum grown by ("增长20亿元"):
    "达到2.32万亿元" is neither."""
    return any(
        (f.unit in RATE_UNITS and _one_rate(_clause_before(text, f), _STATES_GROWTH, _STATES_SHARE) != "share")
        or _GROWN_BY.search(text, 0, f.start)
        for f in figures
    )


def _asks_rate(query: Query, wanted: set[str]) -> bool:
    return "%" in wanted or bool(_ASKS_RATE.search(query.text))


def _unit_matches(unit: str, wanted: set[str]) -> bool:
    """The unit is one asked, whatever its magnitude: "1.2亿人" answers "多少万人"."""
    return any(unit.endswith(w) or (unit and unit_family(unit) == unit_family(w)) for w in wanted)


def _term_position(text: str, terms: Mapping[str, float]) -> int | None:
    positions = [text.find(t) for t in sorted(terms, key=len, reverse=True) if t in text]
    return min(positions) if positions else None


def _asks_flow(query: Query, terms: Mapping[str, float]) -> bool:
    """The question asks what was added or grown: it says so ("新增了多少"), or the thing it asks is a
    flow by name (城镇新增就业, which "How many new urban jobs…" asks)."""
    if _FLOW_CUE.search(query.text) or _GROWTH_RATE.search(query.text):  # "增速是多少" asks a growth by its name
        return True
    return any(_FLOW_CUE.search(term) for term in terms if not term.isascii())


def _states_a_change(text: str, figure: Figure) -> bool:
    """ "新增…2700多家", "增长103.98%", "比预期目标多80万人": the figure is an increase or a difference,
    not the level a count asks for ("从2.2万家增加到4.9万家" ends at a level)."""
    clause = _clause_before(text, figure)
    return bool(_FLOW_CUE.search(clause) or _MORE_THAN.search(clause)) and not clause.endswith(("到", "至"))


def _said_against(text: str, figure: Figure) -> bool:
    """The figure is how much more or less than something it is ("比预期目标多80万人")."""
    return bool(_MORE_THAN.search(_clause_before(text, figure)))


def _of_the_time_and_total_asked(
    query: Query, text: str, figure: Figure, parts: set[str], terms: Mapping[str, float]
) -> bool:
    """The figure is of a part of the year asked (`parts`: `parts_of_year_asked`), of all there is or of
    what was added as asked, of one year or of a yearly average as asked, and of a change against the
    year asked it against."""
    return (
        part_of_year(text, figure.start) in parts
        and not _all_asked_added(query.text, text, figure)
        and not _added_asked_all(query.text, text, figure, terms)
        and not _yearly_average_asked_a_year(query, text, figure)
        and not _against_another_year(query, text, figure)
    )


def _against_another_year(query: Query, text: str, figure: Figure) -> bool:
    """The question sets a year's change against the year before ("2020年…比上年增长了多少"), and the
    figure's clause against another year ("是2015年的1.72倍", "比2015年增长46.3%"): not the change asked."""
    if len(query.years) != 1 or not AGAINST_YEAR_BEFORE.search(query.text):
        return False
    named = comparison_years(_clause_before(text, figure) + figure.text)
    return bool(named) and query.years[0] - 1 not in named


def _yearly_average_asked_a_year(query: Query, text: str, figure: Figure) -> bool:
    """The figure is a yearly average over several years ("2020年超过11万亿元，年均增长6%"), and the
    question asks of one year, not of a period or an average: it is not that year's."""
    if len(query.years) != 1 or query.plan_period or AVERAGE.search(query.text):
        return False
    return bool(AVERAGE.search(_clause_before(text, figure)))


def _all_asked_added(question: str, text: str, figure: Figure) -> bool:
    """The figure counts all there is ("高新技术企业总数超过3.2万家"), and the question how many were
    added ("新增了多少家"): it answers another question."""
    if _count_asked(question) != "added":
        return False
    clause = _clause_before(text, figure)
    return bool(_STATES_ALL.search(clause)) and not _FLOW_CUE.search(clause)


def _added_asked_all(question: str, text: str, figure: Figure, terms: Mapping[str, float]) -> bool:
    """The question asks all there is ("…累计达到多少"), and the figure counts what was added
    ("新建戈壁生态农业6.2万亩，累计达到20万亩": 6.2万亩) or how much more than another time it is. Not
    an indicator asked that counts what is added in its name ("全年城镇新增就业合计多少": the year's
    新增就业 is all of it)."""
    if _count_asked(question) != "all":
        return False
    clause = _clause_before(text, figure)
    if _GROWN_SINCE.search(clause):
        return True  # "总量比2015年增加120亿元": how much more than then, not how much there is
    for term in terms:
        if len(term) > len("新增") and _ASKS_ADDED.search(term):
            clause = clause.replace(term, "")
    return bool(_ASKS_ADDED.search(clause)) and not _STATES_ALL.search(clause)


def _count_asked(question: str) -> str:
    """ "added" or "all", whichever the question says last (a part asks "…新建戈壁生态农业累计达到多少":
    all there is), or "" when it says neither."""
    added = max((m.end() for m in _ASKS_ADDED.finditer(question)), default=-1)
    every = max((m.end() for m in _STATES_ALL.finditer(question)), default=-1)
    return "" if added == every else "added" if added > every else "all"


def _starts_change(text: str, figure: Figure) -> bool:
    """The figure is where a change starts: "从2.2万家增加到…", "由每人每年420元提高到450元"."""
    clause = _clause_before(text, figure)
    return bool(FROM_LEVEL.search(clause) or (_FROM_OPENING.search(clause) and _TO_AFTER.match(text, figure.end)))


def _clause_before(text: str, figure: Figure, reach: int = 12) -> str:
    """The words before the figure in its clause, at most `reach` of them; for a later figure of a list
    ("增长36.6%、50.9%"), those before the list's first."""
    start = figure.start
    while (listed := _LISTED_BEFORE.search(text, 0, start)) is not None:
        start = listed.start()
    return _CLAUSE_END.split(text[max(0, start - reach) : start])[-1]


def term_matches(text: str, terms: Mapping[str, float]) -> Iterator[re.Match[str]]:
    """Every occurrence of the question's terms of two characters or more."""
    for term in terms:
        if len(term) > 1:
            yield from _term_pattern(term).finditer(text)


@functools.lru_cache(maxsize=4096)
def _term_pattern(term: str) -> re.Pattern[str]:
    return re.compile(re.escape(term), re.IGNORECASE)


def said_otherwise(text: str, term_starts: Iterable[int], asked: Mapping[str, frozenset[str]]) -> bool:
    """The question says a qualifier (国家级) the text does not, and the text says an alternative to it
    (省级) shortly before a term of the question: it counts other things ("新建省级各类创新平台88家",
    asked about 国家级 ones). `asked` maps the question's qualifiers to their alternatives."""
    starts = list(term_starts)
    return any(
        qualifier not in text
        and not any(joint in text for joint in joint_forms(qualifier))  # "内外资" says 内资 too
        and any(alt in text[max(0, s - 8) : s] for s in starts for alt in alternatives)
        for qualifier, alternatives in asked.items()
    )


def _of_another_band(text: str, figure: Figure, question: str) -> bool:
    """The figure is said of an age band ("15-59岁…人口为88207万人") other than the one the question
    names ("16-59岁人口有多少", "60周岁及以上人口有多少"), or starts one ("15" of "15-59岁")."""
    asked = _age_bands(question)
    if not asked:
        return False
    if not figure.unit and _RANGE_START.match(text, figure.end):
        return True
    opening = max((m.end() for m in _CLAUSE_END.finditer(text, 0, figure.start)), default=0)
    said = _age_bands(_ASIDE.sub("", text[opening : figure.start]))  # "0-14岁（含不满15周岁）人口为": 0-14岁
    return bool(said) and not said & asked


# the towns and the countryside, each as reports write it: the two sides of most figures given twice
_SIDES = (("城镇", "城市"), ("农村", "乡村"))


def _of_the_other_side(text: str, figure: Figure, question: str) -> bool:
    """The figure is said of the towns where the question asks of the countryside, or the other way
    round: "居民人均住房面积，城镇为36.5平方米" is no figure of 农村."""
    asked = [side for side in _SIDES if any(word in question for word in side)]
    if len(asked) != 1:
        return False
    clause = _clause_before(text, figure)
    other = next(side for side in _SIDES if side is not asked[0])
    return any(word in clause for word in other) and not any(word in clause for word in asked[0])


def _age_bands(text: str) -> set[str]:
    """The age bands a text names, alike however written: "60周岁及以上" and "60岁以上" are "60岁以上"."""
    return {re.sub(r"\s|周|及", "", m.group(0)).replace("—", "-") for m in _AGE_BAND.finditer(text)}


# the basis a figure is reckoned on ("同口径增长5.2%", "按可比价计算"), as its stance ("实际建成6所"): no
# thing it is said of
_RECKONING_BASES = frozenset({"口径", "同口径", "可比口径", "可比价", "可比价格", "现价", "不变价"})


def said_of_another(
    text: str,
    figures: Sequence[Figure],
    terms: Mapping[str, float],
    query: Query,
    tag: Callable[[str], Sequence[tuple[str, str]]],
) -> Callable[[Figure], bool]:
    """Whether a figure of `text` is said of another thing: its label names a thing the question does
    not (an English question names no Chinese thing), and the heaviest thing asked that the text names
    is named elsewhere in it:
    "社会消费品零售总额达3056.6亿元" is not of 固定资产投资, which "固定资产投资增长2.8%" names; "地区生产总值
    增长5.5%" is no 固定资产投资 growth. A label that names nothing ("增长", "和") tells nothing; a figure
    of a respective list is of what the list pairs it with ("城乡居民人均可支配收入分别达46289元和…" is
    no 固定资产投资). What the statement gives every figure is read once."""
    things = {
        t: w
        for t, w in terms.items()
        if len(t) > 1 and t not in MEASURE_NOUNS and not place_mentions(t) and _names_a_thing(t, tag)
    }
    # each as the text writes it: itself, or in a word for it and its sibling ("城乡居民人均可支配收入")
    written = {t: next((f for f in (t, *joint_forms(t)) if f.lower() in text.lower()), None) for t in things}
    said = [t for t in things if written[t] is not None]
    if query.is_english or not said:
        return lambda _figure: False
    question = query.text
    weight = max(things[t] for t in said)
    # the ways the text writes the heaviest ("低保标准", "城乡低保标准"): `terms` weighs each as its term
    its_forms = list(dict.fromkeys(f.lower() for t in said if things[t] == weight for f in (t, written[t])))
    asked_forms = tuple({f.lower() for t in said for f in (t, written[t])})
    respective = respective_subjects(text, list(figures))
    labels = {f: _label_span(text, f, figures) for f in figures}

    def of_another(figure: Figure) -> bool:
        # a figure right before a thing asked is of it: a count ("惠及3.2万名学生"), a measure ("长12公里的隧道")
        if text[figure.end :].lower().removeprefix("的").startswith(asked_forms):
            return False
        if figure in respective:  # what a respective list says it is of ("城乡居民…分别达X、Y": 城镇居民…)
            thing, listed = respective[figure]
            whole = [_with_said_head(t, listed[-1], question) for t in listed]
            label = whole[listed.index(thing)]
            elsewhere = not any(form in " ".join(whole).lower() for form in its_forms)
        else:
            start, end = labels[figure]
            label = text[start:end]
            # named as another figure's thing, or after this one (what a sentence opens with may set the
            # scene for all its figures: "财政支出近八成投向民生领域，省级财政累计投入665亿元")
            elsewhere = any(
                form in text[figure.end :].lower()
                or any(form in text[a:b].lower() for f, (a, b) in labels.items() if f is not figure)
                for form in its_forms
            )
        own = label.lower()
        # (a share of the thing before: "…增长6.8%，占规模以上工业增加值比重为33.6%"; but a part of it, "其中
        # 农村居民…", is the part's, which the nouns it names tell)
        if any(form in own for form in its_forms) or (_RELATES_BACK.match(own) and not own.startswith("其中")):
            return False
        return elsewhere and any(
            word_class.startswith("n")
            and len(word) > 1
            and word not in question
            and word not in MEASURE_NOUNS
            and word not in _RECKONING_BASES
            and word not in STANCE_WORDS
            for word, word_class in tag(label)
        )

    return of_another


def _names_a_thing(term: str, tag: Callable[[str], Sequence[tuple[str, str]]]) -> bool:
    """The term is a noun, or ends in one ("平均", "增长" name no thing a figure could be said of)."""
    words = tag(term)
    return bool(words) and words[-1][1].startswith(("n", "vn", "j", "eng"))


def _weighty_terms(text: str, terms: Mapping[str, float]) -> Mapping[str, float]:
    """The question's terms the text says that weigh at least half the heaviest of them: what a figure
    is near is the thing asked ("实际利用外资…增长164%"), not a light measure word that every figure
    of a list repeats ("新增外资企业162家、增长74.2%，实际利用外资6.7亿美元、增长164%")."""
    said = {term: weight for term, weight in terms.items() if len(term) > 1 and term.lower() in text.lower()}
    heaviest = max(said.values(), default=0.0)
    return {term: weight for term, weight in said.items() if weight >= heaviest / 2} or terms


def _nearest_term(text: str, terms: Mapping[str, float], position: int) -> tuple[float, int, int] | None:
    """How far `position` (a figure) is from the nearest question term, and where that term starts and ends.

    A term before the figure counts its gap; one after it 20 characters more ("总量超过1.7万家": 总量
    states the figure that follows it); one across a clause break 30 more ("10人入选“万人计划”，
    34人入选泰山产业领军人才": 34人 is the one of 泰山…). An aside in brackets between them does not
    count ("农村居民家庭恩格尔系数（即…的比重）为47.2%").
    """
    nearest = None
    for match in term_matches(text, terms):
        end = match.end()
        between = text[min(end, position) : max(match.start(), position)]
        asides = sum(len(aside) for aside in _ASIDE.findall(between)) if end <= position else 0
        gap = position - end - asides if end <= position else match.start() - position + 20
        distance = gap + (30 if _CLAUSE_END.search(between) else 0)
        if nearest is None or distance < nearest[0]:
            nearest = (distance, match.start(), end)
    return nearest


def _wants_day(query: Query) -> bool:
    """A question when something happened asks for a day, unless it asks which year ("哪一年")."""
    return not _ASKS_YEAR.search(query.text)


def _date_score(text: str, date: tuple[str, int, int], anchor: int | None, wants_day: bool) -> float:
    """A day or a year as asked; then the date in the clause of what is asked about ("1952年产量
    43.6万吨；1957年计划产量…"), then the nearest."""
    written, start, end = date
    score = 1.0 if wants_day == ("月" in written) else 0.0
    if anchor is None:
        return score - start / 1000
    between = text[min(end, anchor) : max(start, anchor)]
    return score + (0.0 if _CLAUSE_END.search(between) else 0.5) - abs(start - anchor) / 200


def _figure_score(
    query: Query, wanted: set[str], figure: Figure, distance: float | None, weights: AnswerWeights
) -> float:
    score = _year_fit(query, figure.year, weights)
    if wanted:
        score += weights.figure_unit_asked if _unit_matches(figure.unit, wanted) else weights.figure_unit_other
    elif figure.unit:
        score += weights.figure_unit_any
    if distance is not None:
        score -= distance / weights.figure_distance_scale
    return score


def _stance_fit(query: Query, is_target: bool, is_actual: bool, weights: AnswerWeights) -> float:
    """A figure set as a target or stated as achieved (a table's cell by its header, a sentence's figure by
    the words before it), against the stance the question asks."""
    score = 0.0
    if query.wants_target:
        score += weights.cell_target_asked if is_target else weights.cell_not_target
    elif is_target:
        score += weights.cell_target_other
    if query.wants_actual and is_actual:
        score += weights.cell_actual_asked
    return score


def _cell_score(
    query: Query, cell: TableCell, terms: Mapping[str, float], wanted: set[str], weights: AnswerWeights
) -> float:
    # "2001-2005年累计毕业生" of "2001-2005年…累计毕业生多少": the column of the very years asked
    spans_asked = len(query.years) > 1 < len(cell.years) and (min(cell.years), max(cell.years)) == (
        min(query.years),
        max(query.years),
    )
    score = weights.figure_year if spans_asked else _year_fit(query, cell.year, weights)
    header = cell.header
    if any(term in header for term in terms if len(term) > 1) or (len(header) > 1 and header in query.text):
        # "利润总额" asked: that column, not the growth beside it; "农村" of "农村居民"
        score += weights.cell_header_asked
    score += _stance_fit(query, cell.is_target, cell.is_actual, weights)
    if _asks_growth_in_no_unit(query, wanted) and cell.figure_unit not in RATE_UNITS:
        score += weights.figure_level  # "增长多少" of "投资额 232107；比上年增长% 12.4": the growth's cell
    return score


def _year_fit(query: Query, year: int | None, weights: AnswerWeights) -> float:
    """For a figure of the year asked, against one of another year, nothing either way for one of none;
    with no year asked, against one of a year outside the plan period asked ("“十三五”末…" is not
    answered by the 2015 level a change "由2.8人提高到3.2人" starts from, which its start is)."""
    if year is None:
        return 0.0
    if not query.years:
        period = query.plan_period
        # a plan's start is measured the year before its first ("“十三五”初期" is 2015's level)
        first = period[0] - query.wants_start if period else 0
        return -weights.figure_year if period and not first <= year <= period[1] else 0.0
    return weights.figure_year if year in query.years else -weights.figure_year


def _ordinal_stated(query: Query, text: str) -> str | None:
    """The rank or ordinal a statement gives of the kind asked ("第几届": "第五届"), if one."""
    asked = _ORDINAL_ASKED.search(query.text)
    if asked is None:
        return None
    # a rank may go without its 第 where where or how it ranks goes before ("在全市排11位")
    opening = r"第|(?<=[国省市区居排列由到至])" if asked.group("unit") in "位名" else "第"
    stated = re.search(rf"(?:{opening})(?:\d+|{CHINESE_NUMBER}){asked.group('unit')}", text)
    return stated.group(0) if stated else None
