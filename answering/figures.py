"""Figures in Chinese report text: quantities with units, the year each belongs to, dates.

>>> [(f.value, f.unit, f.year) for f in find_figures("全市高新技术企业由2015年的251家增加到512家")]
[('251', '家', 2015), ('512', '家', None)]
>>> [(f.value, f.year) for f in find_figures("森林覆盖率由上年的19.5%提高到21%", base_year=2020)]
[('19.5', 2019), ('21', None)]
>>> [(f.value, f.year) for f in find_figures("2020年，森林覆盖率由上年的19.5%提高到21%")]
[('19.5', 2019), ('21', 2020)]
>>> text = "食品、药品抽检合格率分别达99.62%、99.71%，食品安全考核结果为A级"
>>> [(f.text, thing) for f, (thing, _) in respective_subjects(text, find_figures(text)).items()]
[('99.62%', '食品'), ('99.71%', '药品抽检合格率')]
>>> sorted(years_covered("一九七六年的工农业生产，2019年的…"))
[1976, 2019]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportqa.language.lexicon import TWO_IN_ONE
from reportqa.language.numbering import ordinal
from reportqa.language.quantities import (
    CHINESE_NUMBER,
    UNIT_PATTERN,
    UNITS,
    amount,
    same_unit,
    unit_family,
    unit_scale,
)
from reportqa.language.segmentation import splits_a_later_word
from reportqa.language.sentences import sentence_start
from reportqa.question.analysis import YEAR_WORD_OFFSETS, find_plan_period

# value, then magnitude, then 余/多, then unit: "6.6亿余元", "700余项", "2700多家", "42.41%"
_FIGURE = re.compile(r"(?<![\d.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万|亿)?(余|多)?\s*(" + UNIT_PATTERN + r")?")
# Quantities in Chinese numerals: "两种以上", "十余项", "十八届", "二亿九千万千瓦", "二点二吨" (a unit is
# required, so 一是 or 十三五 are not figures); the number keeps its magnitude, the unit has none
_NOT_AFTER_CN = r"(?<![\d〇零一二两三四五六七八九十百千万亿点第每几])"  # ("几十万个": no count)
# ("千亿级台阶", "万亿级城市": a class of size, no amount)
_CN_FIGURE = re.compile(rf"{_NOT_AFTER_CN}({CHINESE_NUMBER})(余|多)?\s*(" + UNIT_PATTERN + r")(?!级)(?:以上|以下)?")
# "百分之十七点三", "千分之五": a share in Chinese numerals
_CN_SHARE = re.compile(rf"{_NOT_AFTER_CN}(?:百分之|千分之)({CHINESE_NUMBER})")
_YEAR_MENTION = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:年度?|年末|年底|年初|年上半年|年一季度)(?!代)")
# "一九七六年": a year in Chinese numerals, digit by digit, as older documents write it
_CN_YEAR_MENTION = re.compile(r"(?<![〇零一二三四五六七八九十])([一二][〇零一二三四五六七八九]{3})\s*年")
_OPENING_YEAR = re.compile(r"^\s*(?:(?:19|20)\d{2}|[一二][〇零一二三四五六七八九]{3})\s*年(?:末|底|初)?")
_CN_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:年)?\s*(?:-|—|–|~|～|至|到)\s*((?:19|20)\d{2})\s*年")
# A year binds tightly to the figure right after it: "2015年的251家", "2019年512家", "2019年度 ... 达到".
_TIGHT_GAP = re.compile(r"^\s*(?:的|为|末|底|共|共有|达|达到|有|是|年末|年底)?\s*$")
# a quarter or half of a year ("一季度", "上半年"): the part of a year a figure or a date is for
QUARTER_OR_HALF = r"[一二三四]季度|[上下]半年"
# a part of a year a figure is said of, and "全年", which says it is of the whole ("1-11月", "前三季度")
PART_OF_YEAR = re.compile(
    rf"{QUARTER_OR_HALF}|前三季度|(?<!\d)1\s*(?:-|—|–|~|～|至)\s*(?:[1-9]|1[01])月(?!\d)|[一1]至[二三四五六七八九十]{{1,2}}月|全年"
)
_SENTENCE_END = re.compile(r"[。；;！？!?]")
_LISTED_WITH = re.compile(r"\s*[、和与及]\s*")
# people named right before a bare magnitude ("贫困人口减少1240万", "城镇新增就业30万")
_COUNTS_PEOPLE = re.compile(
    r"(?:人口|人数|劳动力|农民工|群众|游客|旅客|职工|学生|人员|就业)"
    r"(?:达到?|超过|突破|为|约|近|增加|减少|新增|累计|共)?$"
)
_POINT_BEFORE = set(" \t\n。；;：:，,（(【")
DATE = re.compile(
    r"(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日(?:\s*(?:-|—|–|至|到)\s*(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?\d{1,2}日)?"
    r"|(?:19|20)\d{2}年\d{1,2}月(?:份)?"
    # "去年11月", "今年3月5日": a month of a year named against the document's own
    r"|(?:去年|今年|明年|前年|上年)\d{1,2}月(?:\d{1,2}日|份)?"
    r"|(?:19|20)\d{2}年(?:至|到|-|—)(?:19|20)\d{2}年"
    # when in the year: "2020年一季度", "上半年", "年底前", "从今年秋季起", "6月底前"
    rf"|(?:(?:19|20)\d{{2}}年|今年|明年)?(?:{QUARTER_OR_HALF}|年底前?|年内|[春夏秋冬]季)|\d{{1,2}}月底前?"
    r"|(?:19|20)\d{2}年度?(?!\d)"
    # a month alone, of the year its text speaks of: "9月亲临河南视察工作"; not "1-11月" (a part of a year)
    r"|(?<![\d\-—－~～至到])(?:1[0-2]|[1-9])月(?:份|上旬|中旬|下旬)?(?![\d底末])"
    # "二〇二一年一月三十日", as a work report's title page dates it
    r"|[一二][〇零一二三四五六七八九]{3}年(?:[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?)?"
    # the year a plan runs to, in brackets after its name: "综合交通规划（2030）"
    r"|(?<=[（(])(?:19|20)\d{2}(?=[）)])"
)
_COMPARISON_BASE = ("比", "较")
# a change set against the year before, as a statement says it ("比上年增加…") or a question ("比前一年…")
AGAINST_YEAR_BEFORE = re.compile(r"(?:比|较)(?:上年|去年|上一年|前一年)|同比")
# words that set a figure as a target, or state it as achieved, in the clause before it
_SET_AS_TARGET = re.compile(r"原定|计划|预期|目标|力争|确保")
_SAID_ACHIEVED = re.compile(r"实际|完成|实现")
# "A、B分别达X、Y": the things listed before 分别 take the figures after it in turn
_RESPECTIVELY = re.compile(r"分别|依次")
_LIST_BREAK = re.compile(r"、|和|与|及")
_PAIR_JOIN = re.compile(r"\s*[、和与及]\s*")
_CLAUSE_BREAK = re.compile(r"[，。；：,;:！？!?]")
# "由上年的19.5%提高到21%", "上年末为…": said of the year before the one the sentence speaks of
_PREVIOUS_YEAR_WORD = re.compile(r"上年|去年|上一年")
_EARLIER_YEAR_CUE = re.compile(rf"{_PREVIOUS_YEAR_WORD.pattern}|比(?:19|20)\d{{2}}年")
_PREVIOUS_YEAR = re.compile(rf"(?:{_PREVIOUS_YEAR_WORD.pattern})(?:末|底|同期)?(?:的|为|是)?\s*$")
# A change since a year by an amount, from which that year's level follows ("比2015年提高了10.58个
# 百分点", "比上年增加2690万吨"); not a growth rate ("比上年增长5%"), from which it does not exactly
_LEVEL_UNIT = "|".join(re.escape(u) for u in sorted(set(UNITS) - {"%", "‰", "倍", "年", "月"}, key=len, reverse=True))
CHANGE_SINCE = re.compile(
    r"比(?:(?P<year>(?:19|20)\d{2})年|上年|去年)(?:同期|末|底|预算)?"
    r"(?P<way>提高|增长|增加|增产|上升|下降|减少|减产|降低|多|少)了?"
    rf"(?P<value>\d+(?:,\d{{3}})*(?:\.\d+)?)(?P<unit>个百分点|(?:万|亿)*(?:{_LEVEL_UNIT}))(?![\d%])"
)


# "今年", "去年", "上一年" said of the year spoken of; not "比上年", "较去年", "同上年"
RELATIVE_YEAR = re.compile(r"(?<![比较同])(今年|本年|去年|上年|上一年)(?![度末底同])")
# "比2015年增长", "是2015年的1.72倍": the year compared with
_COMPARED_YEAR = re.compile(
    r"(?:比|较|与|同)\s*((?:19|20)\d{2})\s*年|(?:是|为|相当于)\s*((?:19|20)\d{2})\s*年(?:末|底)?的\s*\d+(?:\.\d+)?倍"
)
_SINCE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年以来")
_NOW = re.compile(r"(?<!项)目前|当前|迄今|现有")  # not "项目前期"
# "五年来", "过去五年", "近三年来": the years just before the document's own
_YEARS_BACK = re.compile(r"(?:过去|近)([一二三四五六七八九十]|\d{1,2})年|([一二三四五六七八九十]|\d{1,2})年(?:来|以来)")
# "从26253.5元提高到37274.8元", "由744.77平方公里扩大至1200平方公里": a change from one level to another
_FROM_TO = re.compile(r"[从由][^，。；：]{0,40}?(?:到|至)")
# "从2.2万家", "由744.77平方公里": the level a change starts from comes right after; "到", "至" the one it ends at
FROM_LEVEL = re.compile(r"[从由]\s*$")
_TO_LEVEL = re.compile(r"[到至]\s*$")


@dataclass(frozen=True)
class Figure:
    """A quantity in a text: `value` as written, `unit`, the `year` it is stated for (or None)."""

    value: str
    unit: str
    start: int
    end: int
    year: int | None
    approx: str = ""  # 余 / 多
    text: str = ""  # as written in the source, e.g. "6.6亿余元"; "2.3个百分点" of "2.3和4.1个百分点"
    amount: float | None = None  # the value in base units: "6.6亿余元" -> 6.6e8

    @property
    def number(self) -> float | None:
        """The value as a number in the figure's own unit: 6.6 of "6.6亿元", 290000000 of "二亿九千万千瓦"."""
        return None if self.amount is None else self.amount / unit_scale(self.unit)

    @property
    def family(self) -> str:
        """What the figure counts ("元", "家", "%"), whatever its magnitude."""
        return unit_family(self.unit)


def year_mentions(text: str) -> list[tuple[int, int, int]]:
    """(year, start, end) of every year mention ("2019年", "2019年度", "一九七六年"), in order."""
    arabic = [(int(m.group(1)), m.start(), m.end()) for m in _YEAR_MENTION.finditer(text)]
    chinese = [
        (int(m.group(1).translate(_CN_YEAR_DIGITS)), m.start(), m.end()) for m in _CN_YEAR_MENTION.finditer(text)
    ]
    return sorted(arabic + chinese, key=lambda mention: mention[1])


def names_year_range(text: str) -> bool:
    """The text names a span of years ("2016-2020年", "2016年至2020年")."""
    return bool(_YEAR_RANGE.search(text))


def years_covered(text: str) -> set[int]:
    """Years a text speaks of, including every year inside ranges like "2016-2019年"."""
    years = {year for year, _s, _e in year_mentions(text)}
    for match in _YEAR_RANGE.finditer(text):
        first, last = int(match.group(1)), int(match.group(2))
        if first <= last <= first + 30:
            years.update(range(first, last + 1))
    return years


def comparison_years(text: str) -> set[int]:
    """The years a text compares with ("比2015年增长", "较2015年", "与2015年相比", "是2015年的1.72倍"), not
    of its figures."""
    return {int(m.group(1) or m.group(2)) for m in _COMPARED_YEAR.finditer(text)}


def relative_years(text: str, dated: int | None) -> set[int]:
    """The years "今年", "去年" and "上一年" name in a text of a document dated `dated`
    ("2019年和今年以来工作回顾" in a 2020 report: 2020). "比上年增长" compares with the year before;
    it does not speak of it."""
    if dated is None:
        return set()
    return {dated + YEAR_WORD_OFFSETS[m.group(1)] for m in RELATIVE_YEAR.finditer(text)}


def years_since(text: str, dated: int | None) -> set[int]:
    """The years after the one "2018年以来" names, to the date of its document: the text may speak of
    them, but it names only 2018 ("2019年以来工作回顾" in a 2020 report states 2019's figures)."""
    if dated is None:
        return set()
    return {year for m in _SINCE_YEAR.finditer(text) for year in range(int(m.group(1)) + 1, dated + 1)}


def present_year(text: str, dated: int | None) -> set[int]:
    """The year "目前", "当前", "迄今" or "现有" speak of in a document dated `dated`: its own."""
    return {dated} if dated is not None and _NOW.search(text) else set()


def find_figures(
    text: str, base_year: int | None = None, *, counts_only: bool = False, change_years: tuple[int, int] | None = None
) -> list[Figure]:
    """Quantities in `text`, skipping the years themselves, each bound to the year it is stated for.

    A year right before a figure binds it ("2015年的251家"); a year opening a clause and not bound
    that way ("2018年，全市研发经费…达到133.68亿元") applies to the figures after it in the sentence.
    `base_year` is the year the text speaks of when it names none for a figure: a figure said of the
    year before ("由上年的19.5%提高到21%") is bound to the one before it.
    `counts_only`: the text is a table cell of quantities, where "1965" is an amount, not the year 1965.
    """
    return list(_figures_of(text, base_year, counts_only, change_years))


# every question reads the same passages' sentences again: each is read once (measured: 3 ms of an answer)
@functools.lru_cache(maxsize=8192)
def _figures_of(
    text: str, base_year: int | None, counts_only: bool, change_years: tuple[int, int] | None
) -> tuple[Figure, ...]:
    years = year_mentions(text)
    skip_spans = [(s, e) for _y, s, e in years] + [(s, e) for _d, s, e in find_dates(text)]
    skip_spans += [m.span() for m in PART_OF_YEAR.finditer(text)]  # the months of "1-11月" count nothing
    candidates = []
    for match in _FIGURE.finditer(text):
        start, end = match.span()
        if any(s <= start < e for s, e in skip_spans) or (_is_bare_year(match) and not counts_only):
            continue
        magnitude, approx, unit = match.group(2) or "", match.group(3) or "", match.group(4) or ""
        if not (magnitude or unit or approx) and _is_ordinal_or_code(text, start, end):
            continue
        if magnitude and not unit and _COUNTS_PEOPLE.search(text, 0, start):
            unit = "人"  # "搬迁人口超过240万": a bare 万 counts the people just named, not yuan
        candidates.append((match, magnitude + unit, approx))
    candidates.extend(_chinese_numeral_figures(text, skip_spans))
    candidates.sort(key=lambda item: item[0].start())
    # "分别提高2.3和4.1个百分点", "增长6.1、7.3%": a figure of a list with no unit of its own has the one
    # written after the list's last
    shared = [""] * len(candidates)
    for k in range(len(candidates) - 2, -1, -1):
        match, unit, approx = candidates[k]
        following, following_unit, _approx = candidates[k + 1]
        if not unit and following_unit and _LISTED_WITH.fullmatch(text, match.end(), following.start()):
            candidates[k] = (match, following_unit, approx)
            shared[k] = following_unit
    starts = [match.start() for match, _u, _a in candidates]
    return tuple(
        Figure(
            value=match.group(1),
            unit=unit,
            start=match.start(),
            end=match.end(),
            year=_figure_year(text, match.start(), years, starts, base_year, change_years),
            approx=approx,
            text=match.group(0).strip() + shared_unit,
            amount=amount(match.group(1), unit),
        )
        for (match, unit, approx), shared_unit in zip(candidates, shared, strict=True)
    )


@functools.lru_cache(maxsize=256)
def figures_given(question: str) -> tuple[Figure, ...]:
    """The figures a question itself gives, led by a digit ("60周岁", "2.63%"; not "两个" of "哪两个"):
    read once per question, for each statement it is set against."""
    return tuple(f for f in find_figures(question) if f.value[0].isdigit())


_NONZERO_DIGIT = re.compile("[一二两三四五六七八九]")


def _chinese_numeral_figures(text: str, skip_spans: list[tuple[int, int]]) -> list[tuple[re.Match[str], str, str]]:
    out = []
    for match in _CN_FIGURE.finditer(text):
        if any(s <= match.start() < e for s, e in skip_spans):
            continue
        if match.group(1) == "一" and not match.group(2):
            continue  # "一个", "一批", "一项" read as words far more often than as counts
        number, unit = match.group(1), match.group(3)
        # "百万职工", "千万工程", "百万千瓦级": a magnitude alone says what kind, not how many; ten of
        # a magnitude in a unit of measure is an amount ("十亿平方米")
        tens = number.startswith("十") and not unit.startswith(("万", "亿"))
        if not (_NONZERO_DIGIT.search(number) or tens) and re.search("[万亿]", number + unit[:1]):
            continue
        out.append((match, match.group(3), match.group(2) or ""))
    for match in _CN_SHARE.finditer(text):
        out.append((match, "%" if match.group(0).startswith("百") else "‰", ""))
    return out


def _is_bare_year(match: re.Match[str]) -> bool:
    """A year with no unit, or with a unit's character that opens the word after it ("2020成都国际车展":
    成都, no 2020成 of tenths)."""
    value = match.group(1)
    if not (len(value) == 4 and value.isdigit() and 1900 <= int(value) <= 2100):
        return False
    return not match.group(4) or splits_a_later_word(match.string, match.start(), match.end())


def _is_ordinal_or_code(text: str, start: int, end: int) -> bool:
    """Heading numbers ("1、"), document codes ("〔2018〕163号"), list markers, the numbers of tables and
    charts ("表15 2008年人口数及其构成") and the numbers in a name ("PM2.5", and "PM_2.5" as markdown
    writes a subscript) are not figures."""
    after = text[end : end + 1]
    before = text[max(0, start - 1) : start]
    if before == "_" and text[max(0, start - 2) : start - 1].isalpha():
        before = text[start - 2]
    in_name = before.isascii() and before.isalpha()
    # "1、" opening a point; not "分别为3、4.5亿元" or "2.3、4.1%", which list figures
    opens_point = after == "、" and (start == 0 or text[start - 1] in _POINT_BEFORE) and "." not in text[start:end]
    numbered = before in ("〔", "[", "第", "（", "(", "表", "图")  # "第3", "表15": an ordinal, a table's number
    return opens_point or after in ("号", ".", "）", ")") or numbered or in_name


def _bound_year(text: str, start: int, years: list[tuple[int, int, int]], figure_starts: list[int]) -> int | None:
    opening = sentence_start(text, start)
    preceding = [(y, s, e) for y, s, e in years if e <= start and s >= opening]
    if not preceding:
        return None
    # "比2015年增长36.6%": a change against 2015, not a 2015 value; it is of the year before, if any
    # ("2020年，城乡居民人均可支配收入…比2015年增长36.6%")
    while preceding and text[max(0, preceding[-1][1] - 1) : preceding[-1][1]] in _COMPARISON_BASE:
        preceding.pop()
    if not preceding:
        return None
    year, _start, year_end = preceding[-1]
    if _TIGHT_GAP.match(text[year_end:start]):
        return year
    first_after = next((s for s in figure_starts if s >= year_end), None)
    if first_after is not None and first_after < start and _TIGHT_GAP.match(text[year_end:first_after]):
        return None  # the year is bound to an earlier figure: "由2015年的251家增加到512家"
    return year  # a year that opens the sentence: "2018年，…达到133.68亿元，占…2.63%"


def _figure_year(
    text: str,
    start: int,
    years: list[tuple[int, int, int]],
    figure_starts: list[int],
    base_year: int | None,
    change: tuple[int, int] | None = None,
) -> int | None:
    year = _bound_year(text, start, years, figure_starts)
    if year is not None and FROM_LEVEL.search(text, max(0, start - 2), start):
        # "2020年到2025年，…比重从17.9%提升到35.5%": where a change over the years named starts, their first
        spans = [m for m in _YEAR_RANGE.finditer(text, sentence_start(text, start), start) if int(m.group(2)) == year]
        if spans:
            return int(spans[-1].group(1))
    if _PREVIOUS_YEAR.search(text, max(0, start - 8), start):
        reference = year or base_year  # "2020年，…由上年的19.5%提高到21%": of 2019
        return reference - 1 if reference else None
    if year is None and change is not None:
        if FROM_LEVEL.search(text, max(0, start - 2), start):
            return change[0]
        if _TO_LEVEL.search(text, max(0, start - 2), start):
            return change[1]
    return year


def period_spoken_of(text: str, dated: int | None) -> tuple[int, int] | None:
    """The first and last year a text looks back on or plans: a five-year plan it names ("“十三五”
    时期": 2016–2020), or the years before its document's date ("五年来" in a 2021 report: 2016–2020)."""
    if (plan := find_plan_period(text)) is not None:
        return plan
    match = _YEARS_BACK.search(text)
    if match is None or dated is None:
        return None
    written = match.group(1) or match.group(2)
    count = int(written) if written.isdigit() else ordinal(written)
    return (dated - count, dated - 1) if count else None


def change_years(text: str, period: tuple[int, int] | None) -> tuple[int, int] | None:
    """The years a change from one level to another ("从26253.5元提高到37274.8元") starts and ends in,
    when the text speaks of `period` and names no year for them: the one before the period's first,
    and its last."""
    if period is None or not _FROM_TO.search(text):
        return None
    return period[0] - 1, period[1]


def earlier_years_stated(text: str, base_year: int | None) -> frozenset[int]:
    """Years before the one `text` speaks of (`base_year`) whose figure it states too: the year before as
    "上年的…" ("由上年的19.5%提高到21%"), or any year whose level follows from a change by an amount since
    it ("8.2万吨，比上年多0.6万吨", "达到360亿度，比2025年多95亿度")."""
    if not _EARLIER_YEAR_CUE.search(text):  # most sentences: no figures to read
        return frozenset()
    figures = find_figures(text, base_year)
    years = {base_year - 1} if base_year is not None and any(f.year == base_year - 1 for f in figures) else set()
    since = (year_changed_since(change, base_year) for change, _level in levels_changed_since(text, figures))
    return frozenset(years | {year for year in since if year is not None})


# A level's change over the year before, said right after it: "电力装机达9789万千瓦、增长9.1%",
# "…达到172.3万人，较上年净增6.3万人", "城镇化率达到53.2%左右，提高1.5个百分点"; not one since a
# named year ("比2015年增长") nor a yearly average ("年均增长")
_CHANGE_OVER_YEAR = re.compile(
    r"(?<!年均)(?<!平均)(?:(?:比|较)(?:上年|去年)(?:同期|末|底)?|同比)?"
    r"(?P<way>净增|增长|增加|提高|上升|下降|减少|降低)了?"
    rf"(?P<value>\d+(?:\.\d+)?)(?P<unit>%|个百分点|{_LEVEL_UNIT})(?![\d%])"
)
_SINCE_NAMED_YEAR = re.compile(r"(?:比|较)(?:19|20)\d{2}年(?:末|底)?$")
# "新增宽带用户12万户，年末达到150万户": what the year added, then the level it ended at
_ADDED_THEN_YEAR_END = re.compile(
    rf"(?P<way>新增)[^，,。；;\d]{{0,12}}?(?P<value>\d+(?:\.\d+)?)(?P<unit>{_LEVEL_UNIT})(?![\d%])"
    r"[，,]\s*(?:年末|年底)[^，,。；;\d]{0,8}?(?:达到|达|为|增至|增加到)\s*$"
)
# "比上年增加12亿元，占比稳步提高，达到86亿元": the change over the year, then the level it came to
_GREW_BY_THEN_LEVEL = re.compile(
    rf"(?:比|较)(?:上年|去年)(?P<way>增加|净增|减少)(?P<value>\d+(?:\.\d+)?)(?P<unit>{_LEVEL_UNIT})(?![\d%])"
    r"(?:[，,][^，,。；;\d]{0,12}?){1,2}(?:达到|达|为|增至|增加到|减至|降至)\s*$"
)
# what may stand between a level and its change: "左右", "以上", a comma, "，较上年", "，分别" (of levels listed)
_LEVEL_TO_CHANGE = re.compile(r"[左右以上余多]*[，、,]?\s*(?:分别)?$")
# and between a level and its change said over the year before: what the level counts ("3.2万名技能人才来县
# 就业，比上年增加0.4万人"), not a part of it ("其中")
_LEVEL_THING_TO_CHANGE = re.compile(r"(?!其中)[^\d，,。；;、：:%]{1,16}[，,]\s*")
_CHANGE_RUN = re.compile(r"\s*[、和及]\s*")


def changes_over_year(text: str, figures: Sequence[Figure]) -> dict[Figure, tuple[float, str, str]]:
    """Each level a text states with its change over the year before, as (amount, unit, the word for
    it): the n levels of "分别达到172.3万人、244.8万人，较上年净增6.3万人、5.2万人" take the n changes in turn."""
    out: dict[Figure, tuple[float, str, str]] = {}
    for change in _CHANGE_OVER_YEAR.finditer(text):
        if _SINCE_NAMED_YEAR.search(text, 0, change.start()):
            continue
        sentence = sentence_start(text, change.start())
        before = [f for f in figures if sentence <= f.start and f.end <= change.start()]
        gap = text[before[-1].end : change.start()] if before else ""
        said_over_year_before = bool(AGAINST_YEAR_BEFORE.match(change.group(0)))
        if not before or not (
            _LEVEL_TO_CHANGE.match(gap.replace("较上年", ""))
            or (said_over_year_before and _LEVEL_THING_TO_CHANGE.fullmatch(gap))
        ):
            continue
        # the changes listed after the first: "净增6.3万人、5.2万人、8.6万人"
        values, at = [float(change.group("value"))], change.end()
        for f in figures:
            if f.start >= at and _CHANGE_RUN.fullmatch(text[at : f.start]) and f.unit == change.group("unit"):
                values.append(f.number)
                at = f.end
        levels = before[-len(values) :] if len(before) >= len(values) else before[-1:]
        values = values if len(levels) == len(values) else values[:1]
        unit, way = change.group("unit"), change.group("way")
        for level, value in zip(levels, values, strict=True):
            # a rate of any level but a share, points of a share, an amount in the level's own unit or one of
            # its magnitudes ("2.6亿元、比上年增加3000万元": 0.3亿元)
            rates = {"个百分点": level.unit == "%", "%": level.unit != "%"}
            by, said_in = value, unit
            if unit not in rates and not same_unit(unit, level.unit) and unit_family(unit) == unit_family(level.unit):
                by, said_in = value * unit_scale(unit) / unit_scale(level.unit), level.unit
            fits = rates.get(said_in, same_unit(said_in, level.unit))
            if fits and by is not None and level.number is not None:
                out[level] = (by, said_in, way)
    for level in figures:
        opened = sentence_start(text, level.start)
        added = _ADDED_THEN_YEAR_END.search(text, opened, level.start) or _GREW_BY_THEN_LEVEL.search(
            text, opened, level.start
        )
        if added and added.end() == level.start and added.group("unit") == level.unit and level.number is not None:
            out.setdefault(level, (float(added.group("value")), level.unit, added.group("way")))
    return out


def level_before_change(level: Figure, change: tuple[float, str, str]) -> float:
    """The level of the year before, from a level and its change over it (`changes_over_year`)."""
    value, unit, way = change
    fall = way in ("下降", "减少", "降低")
    if unit == "%":
        return level.number / (1 - value / 100 if fall else 1 + value / 100)
    return level.number + (value if fall else -value)


def levels_changed_since(text: str, figures: Sequence[Figure]) -> list[tuple[re.Match[str], Figure]]:
    """Each change by an amount since a year (`CHANGE_SINCE`) with the level it is from: the last figure
    before it in its unit, not a rank ("第12位，比上年上升3位")."""
    pairs = []
    for change in CHANGE_SINCE.finditer(text):
        unit = "%" if change.group("unit") == "个百分点" else change.group("unit")
        before = [f for f in figures if f.end <= change.start() and f.unit == unit]
        if before and not text[: before[-1].start].endswith("第"):
            pairs.append((change, before[-1]))
    return pairs


def year_changed_since(change: re.Match[str], level_year: int | None) -> int | None:
    """The year a change (`CHANGE_SINCE`) is since: the one it names ("比1985年"), else the year before the
    level's ("比上年")."""
    named = change.group("year")
    return int(named) if named else (level_year - 1 if level_year else None)


def respective_subjects(text: str, figures: list[Figure]) -> dict[Figure, tuple[str, tuple[str, ...]]]:
    """The thing each figure is said of in "A、B分别达X、Y" (also "A和B分别增长X和Y",
    "A、B、C依次为X、Y、Z"): the n things listed in the clause before 分别, in turn, take the n figures
    of the clause after it, and of each next clause that holds n too ("分别达到43179元、22649元，
    增长36.6%、50.9%"), run after run ("分别从X1、X2提高到Y1、Y2"), but one that names its own subject
    ("，其中农村居民…"). One thing named with a word for
    two ("城乡居民…分别达X、Y") is the two (城镇居民, 农村居民). Lists and figures of unequal length are
    not paired. Each figure maps to its thing, then all the things listed."""
    pairs: dict[Figure, tuple[str, tuple[str, ...]]] = {}
    subjects: tuple[str, ...] = ()
    for list_start, clause_start in _respective_lists(text, figures):
        opening = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, list_start)), default=0)
        # "城乡居民收入达到X和Y，年均分别增长A和B": a 分别 that lists nothing of its own goes on with the last list
        listed = _listed(text[opening:list_start])
        if len(listed) < 2 and not subjects and opening:
            # "A和B，2000年分别达到X和Y": the things are the clause before, when the 分别's own says when
            before = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, opening - 1)), default=0)
            listed = _listed(text[before : opening - 1])
        subjects = listed if len(listed) > 1 else subjects
        if len(subjects) < 2:
            continue
        while clause_start < len(text):
            brk = _CLAUSE_BREAK.search(text, clause_start)
            held = [f for f in figures if clause_start <= f.start < (brk.start() if brk else len(text))]
            if not held or len(held) % len(subjects):
                break
            lead = text[clause_start : held[0].start]
            if pairs and (lead.lstrip().startswith("其中") or any(subject in lead for subject in subjects)):
                break  # "…，其中农村居民收入突破1.5万元、达到15230元": a clause of its own subject
            # "分别从X1、X2提高到Y1、Y2": each run of n figures in turn
            pairs.update((f, (subjects[k % len(subjects)], subjects)) for k, f in enumerate(held))
            if not brk or brk.group(0) not in "，,":
                break
            clause_start = brk.end()
    return pairs


def _respective_lists(text: str, figures: list[Figure]) -> list[tuple[int, int]]:
    """Where the things listed end and their figures start, for each run said of them in turn: at
    分别 or 依次, or at the first of two figures a word for two things is followed by in a clause
    without 分别 ("城乡居民人均可支配收入达到7.1万元和3.76万元")."""
    starts = [word.span() for word in _RESPECTIVELY.finditer(text)]
    for joint in re.finditer("|".join(TWO_IN_ONE), text):
        brk = _CLAUSE_BREAK.search(text, joint.end())
        end = brk.start() if brk else len(text)
        held = [f for f in figures if joint.end() <= f.start < end]
        # two figures listed ("X和Y", "X、Y"), not one said after the other
        listed = len(held) == 2 and _PAIR_JOIN.fullmatch(text, held[0].end, held[1].start)
        if listed and not _RESPECTIVELY.search(text, joint.end(), end):
            starts.append((held[0].start, held[0].start))
    return sorted(starts)


def _listed(text: str) -> tuple[str, ...]:
    """The things listed in `text`, cut at 、/和/与/及; one named with a word for two is the two. A year
    opening the list says when, not what ("二〇〇〇年广播和电视人口覆盖率分别达到…": 广播)."""
    things = tuple(t for t in _LIST_BREAK.split(_OPENING_YEAR.sub("", text)) if t)
    if len(things) == 1 and (pair := next((p for p in TWO_IN_ONE if p in things[0]), None)):
        return tuple(things[0].replace(pair, part, 1) for part in TWO_IN_ONE[pair])
    return things


def figure_stances(text: str, figures: Sequence[Figure]) -> dict[Figure, str]:
    """In a statement that sets a target against what was achieved ("原定新建学校5所，实际建成6所", "计划
    达到40万吨，实际完成42万吨"): "target" or "actual" for each figure, by the last such word before it in its
    clause ("" for neither). Empty for a statement of one stance: a plan's "新增…，确保…达到10T" sets targets
    throughout, whichever words it uses."""
    stances = {figure: _stance(text, figure) for figure in figures}
    return stances if {"target", "actual"} <= set(stances.values()) else {}


def _stance(text: str, figure: Figure) -> str:
    opening = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, figure.start)), default=0)
    clause = text[opening : figure.start]
    target = max((m.end() for m in _SET_AS_TARGET.finditer(clause)), default=-1)
    actual = max((m.end() for m in _SAID_ACHIEVED.finditer(clause)), default=-1)
    return "target" if target > actual else "actual" if actual > target else ""


def find_dates(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in DATE.finditer(text)]


def part_of_year(text: str, position: int) -> str:
    """The part of a year a figure at `position` is said of: the last named before it in its sentence
    ("1-11月，全国规模以上工业企业实现利润24066亿元"); "" for the whole year, when none is, or "全年" is."""
    sentence = _SENTENCE_END.split(text[:position])[-1]
    said = PART_OF_YEAR.findall(sentence)
    return re.sub(r"\s", "", said[-1]) if said and said[-1] != "全年" else ""


def parts_of_year_asked(question: str) -> set[str]:
    """The parts of a year (`part_of_year`) whose figures may answer `question`: the whole year's, and
    those it names ("前三季度…增长多少"); "1-11月…实现利润24066亿元" is not the year's."""
    return {"", *(re.sub(r"\s", "", p) for p in PART_OF_YEAR.findall(question))}
