"""Question analysis: what is asked (quantity, date, name, reason…), for which years and places.

Everything here reads the question only; matching against documents happens in reportqa.question.scope.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import cn2an

from reportqa.core.errors import QuestionError, UnclearFollowupError
from reportqa.language.normalise import normalise_text
from reportqa.language.places import name_places, place_words, question_places
from reportqa.language.quantities import UNIT_PATTERN, written_units

# "how many", "how fast"…: an English question that asks a quantity
HOW_MUCH_EN = r"how\s+(?:many|much|fast|quickly|big|large|high|long|far)\b"

AnswerKind = Literal["quantity", "date", "name", "reason", "list", "open"]

_CN_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}年")
# 19xx/20xx alone, or any four digits with 年 ("1900年", "2101年": a year no report speaks of is still asked);
# not a decade ("1990年代", "the 1990s"), which is no year a figure is of, nor a figure in its unit ("达到1987公里"; a
# unit of one character only where it ends a word: "2021成为" may be a year)
_YEAR = re.compile(
    r"(?<!\d)((?:19|20)\d{2}(?!\d|年代|'?s\b)(?=\s*(?:年|年度|$|[^\d%.万亿]))"
    rf"(?!\s*(?:{'|'.join(u for u in UNIT_PATTERN.split('|') if len(u) > 1)}))"
    rf"(?!\s*(?:{'|'.join(u for u in UNIT_PATTERN.split('|') if len(u) == 1)})(?![\u4e00-\u9fff]))"
    r"|[1-9]\d{3}(?=年)(?!年代))"
)
# "19年", "20年底": a year of the reports' era written short, at the start or after a word that
# precedes a time ("在", "到", "比", "和"); not a span ("发展20年来", "近10年", "15年间") or a decade ("90年代")
_SHORT_YEAR = re.compile(r"(?:^|(?<=[在于到至从自比较和与及或、，,；;\s]))([0-27-9]\d)年(?![来间内后前里多以代])")
# letters or digits of any script: a question of punctuation, symbols and emoji asks nothing
CONTENT = re.compile(r"[^\W_]")
# nouns that name a measure of a thing, not the thing ("年末总数多少户", "进口总额是多少"), and words that
# say whether a figure is planned or achieved ("实际完成了多少", "力争达到多少"): what a question asks of
# a thing, which question parts and the answerer each look past
MEASURE_NOUNS = frozenset(
    {"总数", "总量", "总额", "数量", "规模", "比重", "占比", "比例", "增速", "增幅", "降幅", "涨幅", "幅度", "目标"}
    | {"增长速度", "增长率", "增长幅度"}  # as a question may say 增速, 增幅
)
MEASURED = re.compile(r"(?:率|量|耗|额|值|价|指数|系数)$")  # a word that names a quantity: 城镇化率, 能耗, 用水量
STANCE_WORDS = frozenset({"实际", "计划", "力争", "预计", "预期"})
# words that name a kind of document, not what a sentence of it speaks of
DOCUMENT_WORDS = frozenset({"政府工作报告", "工作报告", "报告", "统计公报", "公报", "规划纲要", "计划纲要", "纲要"})
# Five-year plans ("十三五", "13th Five-Year Plan"): the nth plan (n >= 3) runs from 1966 + 5 * (n - 3).
_CN_PLAN = re.compile(
    r"(?<![一二三四五六七八九十])(十[一二三四五六七八九]?|[一二三四五六七八九])五(?=规划|计划|时期|期间|以来|末|”|\")"
)
# the plan's full name: "第十二个五年规划纲要", "第十四个五年（2021－2025年）规划"
_CN_PLAN_FULL = re.compile(
    r"第(十[一二三四五六七八九]?|[一二三四五六七八九])个五年(?:[（(][^）)]{0,12}[）)])?(?=规划|计划)"
)
# "the 14th Five-Year Plan", "the Eighth Five-Year Plan period": a plan named in English, by its number
_EN_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth"
).split()
_EN_PLAN = re.compile(
    rf"(?:the\s+)?(?:(?P<digits>\d{{1,2}})(?:st|nd|rd|th)|\b(?P<word>{'|'.join(_EN_ORDINALS)}))\s+five[- ]year"
    r"(?P<plan>\s+plans?)?(?P<period>\s+period)?",
    re.I,
)
_ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
# A year that names a document ("2020年政府工作报告", "2019年和2021年政府工作报告", "its 2020 government
# work report") rather than the year a figure is for: the words after it, up to a clause break,
# end in a kind of document.
_NAMES_DOCUMENT_CN = re.compile(
    # ("2017年的部署", "2017年工作部署" name a document's plans; "2024年部署了…" is what was done then)
    r"年?(?:的|度)?(?:[和与、及](?:19|20)\d{2}年)*[^，。？?,;；\d]{0,12}?(?:报告|规划|纲要|公报|方案|(?<=[的作])部署)"
)
_NAMES_DOCUMENT_EN = re.compile(
    r"^(?:\s+(?!according|in\b|on\b|from|to\b|and\b)[A-Za-z'-]+){0,5}\s+(?:report|communiqu|plan\b)", re.I
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Chinese an English question gives in brackets or quotes: "homes (保障性住房)"
_GLOSSED = re.compile(r'[(（][^()（）]*[)）]|“[^“”]*”|"[^"]*"')
# Words for a year said against a date: the years they are after it (the one place that says so)
YEAR_WORD_OFFSETS = {
    **{"今年": 0, "本年": 0, "当年": 0, "那一年": 0, "那年": 0},
    **{"去年": -1, "上年": -1, "上一年": -1, "前年": -2},
}
_RELATIVE_YEAR = re.compile(r"今年|去年|前年")
_THAT_YEAR = re.compile("当年|那一年|那年")  # the year the question names: its document's, where it names no other

# Ordered: the first matching cue decides. Each is a general interrogative form, not a topic.
# the words that end the name of a measured quantity ("原油产量", "城镇化率")
_MEASURED = r"增速|增幅|涨幅|产量|总量|规模|人数|数量|收入|总值|增加值|利润|面积|里程|\w率"
_KIND_CUES: tuple[tuple[AnswerKind, re.Pattern[str]], ...] = (
    ("reason", re.compile(r"为什么|为何|原因|why|什么导致|怎么会|何故", re.I)),
    ("date", re.compile(r"什么时候|何时|哪一?天|哪一?年|哪个月|几月|日期|when|what date|which year", re.I)),
    # the ways something is done, whatever it is done to ("通过哪些办法提高财政收入占比"): no figure asked
    ("list", re.compile(r"(?:哪些|什么|哪几项)(?:办法|措施|举措|途径|方式|手段|做法)")),
    (
        "quantity",
        re.compile(
            r"多少|(?<!哪)几[家个项人名所件台次倍届份种批期轮座条篇位亩吨]|多大|比重|占比|比例|百分之|增长了?几|"
            rf"总额|金额|{HOW_MUCH_EN}|"
            # a measure named and nothing more asked: "固定资产投资增速？", "彩电产量呢？", "城镇化率？", "增长目标？"
            rf"(?:(?:{_MEASURED})(?:目标)?|增长目标)(?:呢|是)?[?？]?\s*$|"
            # its target asked: "钢产量定下什么样的目标", "森林覆盖率的目标是什么"
            rf"(?:{_MEASURED})(?:[^，,。？?]{{0,6}}?什么(?:样的)?|的?)(?:预期)?目标(?:是什么)?[?？]?\s*$|"
            r"what (?:share|percentage|proportion|amount|number)|\bnumber of\b|"
            # "What was China's GDP…", "What GDP growth target did…", "According to …, what was…": what names
            # a measured quantity, and asks nothing more ("…GDP and how quickly did it rise" asks two
            # things, answered by quotes)
            r"(?:^\W*|,\s*)what\b(?![^?]*\band\s+(?:how|what|which|its|their)\b)[^?]*"
            r"\b(?:gdp|revenue|income|output|investment|growth|rate|target|total|value|volume|expenditure|spending|"
            r"population|production|ratio|capacity|area|length|reserve|concentration|coverage|price|sale|export|"
            r"import|deficit|debt|deposit|loan|emission|consumption|throughput|yield|level)s?\b",
            re.I,
        ),
    ),
    (
        "list",
        re.compile(
            r"哪些|哪几|包括什么|包括哪|列举|what are|which (?:\w+ )?(?:are|were)"
            # so many things asked by their number: "是哪三项", "三件事是什么"
            r"|哪[两二三四五六七八九十]+[个项件条类点种大]|[两二三四五六七八九十][个项件条类点种大]\S{0,8}(?:是什么|分别是)",
            re.I,
        ),
    ),
    ("name", re.compile(r"谁|哪[个位所家]|什么名|名称|叫什么|who|which|what is the name", re.I)),
)

# "China's", "Zhengzhou’s": an English possessive
_POSSESSIVE = re.compile(r"(?<=[A-Za-z])['’]s\b")
# A question asks for a target (planned) or an outcome (achieved) value.
_TARGET_CUE = re.compile(r"目标|预期|计划|力争|争取|打算|要求|原定|规划值|target|goal|planned", re.I)
# a question after where a change started: "“十三五”初期…", "调整前的比例"
_START_CUE = re.compile(r"初期|期初|之初|开始时|起步时|调整前|提高前|改革前|原来|原先|此前")
# a figure to be worked out, not read ("据此推算上年大约多少", "roughly how many")
_RECKONING = r"推算|估算|倒推|测算|计算"
_RECKON_CUE = re.compile(rf"大约|大概|{_RECKONING}|粗略|approximately|roughly|estimate", re.I)
# SQL, shell or script: a question written as code asks nothing of the documents, whatever words it holds
_CODE = re.compile(
    r"\bselect\s.+\sfrom\s|\binsert\s+into\s|\bdrop\s+table\b|\bdelete\s+from\s|\bunion\s+select\b"
    r"|<\s*/?\s*script|\brm\s+-\w|&&|\$\(|;\s*--",
    re.I | re.S,
)
_ACTUAL_CUE = re.compile(r"完成|实际|达到|实现|达成|achiev|actual", re.I)

# Words that make a follow-up elliptical ("那2015年呢？", "and in 2015?"): nothing of its own is asked.
_FOLLOWUP_FILLER = re.compile(
    r"^(那么?|那|还有|再问|请问|and|what about|how about)?|(呢|的呢|情况呢|怎么样|如何|吗)?[?？。!！\s]*$", re.I
)


# A year alone is a follow-up only when it says so: "那2015年呢？", "what about 2015?"
_FOLLOWUP_CUE = re.compile(r"^\s*(?:那|还有|and\b|what about|how about)|呢[?？。!！\s]*$", re.I)


# "包括哪几类内容？", "采取了哪些措施？": the noun after the interrogative, ending the question, names what
# kind of thing the answer is; the sentence that answers lists the things, and may never say the kind
# "四大先导产业中，生物医药产业产值…", "在全部投资中的…", "汽车产量其中轿车多少": the group the question
# narrows from
_GROUP = re.compile(r"(?:^|[在，,])([^，,。？?在]{2,20}?)(?:(?<!其)(?:之中|中)(?=[，,的])|[，,]?其中)")
_SINCE = re.compile(r"((?:19|20)\d{2})年(?:以来|至今)")
_ASKED_TYPE = re.compile(r"(?:哪些|哪几[个项类种条方]?|哪[个类种项]|什么)([\u4e00-\u9fff]{2,3})[?？。！!呢\s]*$")
# the ways asked of, wherever the question names them ("用哪些办法来…"): the answer says them, not 办法
_ASKED_WAYS = re.compile(r"(?:哪些|哪几[个项条种]?|什么|何种)(办法|措施|举措|做法|手段|方法|途径|对策)")
# "…耕地中，水田以外的耕地有多少", "除国有企业以外的部分": what is left of a whole when a part of it is taken out
_LEFT_OUT = re.compile(
    r"(?:除了?|除去)?(?P<part>(?!此|这|除|上述|其他|其它)[\u4e00-\u9fff]{2,8}?)(?:以外|之外)(?:（[^）]*）)?的"
)


def part_left_out(text: str) -> str:
    """The part a question takes out of a whole it asks about ("水田" of "…耕地中，水田以外的耕地有多少"), or "".

    >>> part_left_out("全县耕地中，水田以外的耕地有多少？"), part_left_out("全县水田有多少？")
    ('水田', '')
    >>> part_left_out("全县参保人员中灵活就业以外的有多少？")
    '灵活就业'
    """
    match = _LEFT_OUT.search(text)
    if match is None:
        return ""
    # ("参保人员中灵活就业以外的": the whole named before 中 with no comma between is no part of the part)
    whole, within, part = match.group("part").rpartition("中")
    return part if within and whole and len(part) > 1 else match.group("part")


# the words that ask how and with what effect, no thing a statement says: "采取哪些措施" (its 采取), "效果如何"
# and the name a question gives what is left of a whole ("水田以外（旱地）的"): the statement gives whole and part;
# and how the asker would have it worked out ("按规划推算", "据此估算一下"), or cites its source ("公报显示"),
# which no statement says
ASKING_PHRASES = re.compile(
    rf"(?:采取|采用|通过|依靠|运用|利用|借助)了?(?={_ASKED_WAYS.pattern})|(?:效果|成效)(?:如何|怎么样|怎样)"
    rf"|(?<=以外|之外)（[^）]*）|(?:据此|由此)?(?:{_RECKONING})(?:一下|出来|出)?"
    r"|(?<=报告|公报|纲要|规划|计划|方案|草案)[中里]?(?:显示|指出|表明|称|提到|写道|介绍)"
)


# "像钢铁、煤炭之类的行业", "水电核电这类清洁能源": things named as examples of the kind asked, which a report
# may name by the kind alone
_EXAMPLES_CUE = re.compile(r"(?:这|那)一?(?:类|些|样)|之类|一类")
_EXAMPLE_CLASSES = ("n", "j", "eng", "vn")
_KIND_FOLLOWS = re.compile(r"的?(?![年天月日时次回])[\u4e00-\u9fff]{2}")


def examples_given(text: str, tag: Callable[[str], Sequence[tuple[str, str]]]) -> tuple[str, ...]:
    """The words of `text` that name examples of a kind it names after them ("水电核电这类清洁能源": 水电, 核电).

    >>> import jieba.posseg
    >>> examples_given("水电核电这类清洁能源装机多少？", lambda t: [tuple(w) for w in jieba.posseg.lcut(t)])
    ('水电', '核电')
    """
    if not _EXAMPLES_CUE.search(text):
        return ()
    words = list(tag(text))
    starts = [0]
    for word, _ in words:
        starts.append(starts[-1] + len(word))
    found: list[str] = []
    for cue in _EXAMPLES_CUE.finditer(text):
        if cue.start() not in starts or not _KIND_FOLLOWS.match(text, cue.end()):
            continue  # a kind must follow: "这些" alone points back, "这些年" gives no examples
        i = starts.index(cue.start())
        named = []
        while i > 0 and (words[i - 1][1].startswith(_EXAMPLE_CLASSES) or words[i - 1][0] in "、和与及"):
            i -= 1
            if words[i][0].startswith("全") or place_words(words[i][0]):
                break  # "全市这类企业": the scope, "深圳这样的城市": a place asked of, no example
            named.append(words[i][0])
        found += [w for w in reversed(named) if w not in "、和与及"]
    return tuple(found)


# the words that ask (哪天, 谁, 多少, 哪几个…)
INTERROGATIVE = re.compile(r"[哪谁啥几]|什么|多少")
# where in a report the asked statement stands, as the question sets it: "在乡村振兴方面", "部署教育工作时",
# "附件“民生实事”中" (a part the report names in quotes)
_FRAME = re.compile(
    r"在(?P<in>[^，,。？?、]{2,12}?)(?:方面|部分|领域)|(?:部署|谈到|谈及|说到|讲到|提到|介绍|回顾|总结)(?P<when>[^，,。？?、]{2,12}?)时"
    r"|(?:附件\d*)?“(?P<named>[^“”，,。？?]{2,12})”(?:中|里|部分)"
)


def frames_set(text: str) -> tuple[tuple[str, str], ...]:
    """The parts of the report `text` sets what it asks in, each as set and as named ("在乡村振兴部分安排…":
    在乡村振兴部分, 乡村振兴), which a report says in a heading or a lead more than in the statement itself;
    none that asks ("在哪些方面").

    >>> frames_set("某市部署生态修复工作时，计划营造林多少万亩？")
    (('部署生态修复工作时', '生态修复工作'),)
    """
    found = ((m.group(0), m.group("in") or m.group("when") or m.group("named")) for m in _FRAME.finditer(text))
    return tuple((setting, frame) for setting, frame in found if not INTERROGATIVE.search(frame))


@dataclass(frozen=True)
class Query:
    """An analysed question. `text` is the standalone question (follow-ups resolved)."""

    original: str
    text: str
    kind: AnswerKind
    years: tuple[int, ...] = ()  # the years figures are asked for
    since: tuple[int, ...] = ()  # those of them asked from on ("2003年以来"): any later year speaks of them too
    document_years: tuple[int, ...] = ()  # years that name the documents to answer from
    wants_target: bool = False
    wants_actual: bool = False
    wants_start: bool = False  # the level a change started from is asked, not where it ended
    reckons: bool = False  # a figure may be worked out ("推算2019年大约多少"), not only read
    is_english: bool = False
    is_code: bool = False  # written as SQL, a shell command or a script, not as a question
    places: tuple[str, ...] = field(default=())  # full names; "全国" for the nation
    plan_period: tuple[int, int] | None = None  # first and last year of a five-year plan the question names
    asked_type: str = ""  # the kind of thing asked for ("内容" of "包括哪几类内容？"), if the question ends naming it
    group: str = ""  # what the question narrows from ("四大先导产业" of "四大先导产业中，生物医药…"), if it names one


def _english_plain(text: str) -> str:
    """An English question as the glossary spells it: "communiqué" as "communique" (an accented Latin
    letter as its base letter), and the possessive's "s" dropped ("China's GDP"); a five-year plan by
    the name Chinese gives it ("the Eighth Five-Year Plan": “八五”), which names its years, no words to find."""
    plain = "".join(unicodedata.normalize("NFKD", c)[0] if "\u00c0" <= c <= "\u024f" else c for c in text)
    return _EN_PLAN.sub(_plan_in_chinese, _POSSESSIVE.sub("", plain))


def _plan_in_chinese(match: re.Match[str]) -> str:
    """ "the 14th Five-Year Plan" -> "“十四五”规划" (the plan), "…Plan period" -> "“十四五”时期" (its years)."""
    period = _plan_period(_english_plan_number(match))
    if period is None:
        return match.group(0)
    said = "时期" if match.group("period") else "规划" if match.group("plan") else ""
    return f"“{plan_name(period)}”{said}"


def normalise_question(question: str, max_chars: int) -> str:
    """Normalise (as documents are on load: ``normalise_text``) and validate a raw question; raises
    QuestionError naming the field."""
    if question is None or not question.strip():
        raise QuestionError("问题为空，请输入要查询的内容", "the question is empty")
    text = re.sub(r"\s+", " ", normalise_text(question)).strip()
    if not CONTENT.search(text):
        raise QuestionError("问题中没有可查询的文字或数字，请换个问法", "the question has no words")
    if len(text) > max_chars:
        raise QuestionError(
            f"问题过长（{len(text)} 字），请缩短到 {max_chars} 字以内",
            f"the question has {len(text)} characters; the limit is {max_chars}",
        )
    return text


def expand_short_years(text: str) -> str:
    """`text` with its years written in two digits in four ("19年" -> "2019年", "98年" -> "1998年").

    >>> expand_short_years("19年对上争取了多少资金？"), expand_short_years("比98年增长"), expand_short_years("近10年")
    ('2019年对上争取了多少资金？', '比1998年增长', '近10年')
    """
    return _SHORT_YEAR.sub(lambda m: f"{'19' if m.group(1) >= '70' else '20'}{m.group(1)}年", text)


def find_years(text: str) -> tuple[int, ...]:
    """Four-digit years named in the text, in order, without duplicates (Chinese numerals too).

    Every year asked is kept, also one no report can hold: it must then fail to be found, not be dropped.

    >>> find_years("1900年和2019年的数据"), find_years("二〇二一年末"), find_years("增长2019%")
    ((1900, 2019), (2021,), ())
    """
    text = _CN_YEAR.sub(lambda m: cn2an.transform(m.group(0), "cn2an"), text)
    years: list[int] = []
    for match in _YEAR.finditer(text):
        year = int(match.group(1))
        if year not in years:
            years.append(year)
    return tuple(years)


def document_years(text: str) -> tuple[int, ...]:
    """Years the text uses to name a document ("2020年国务院政府工作报告中…" -> (2020,))."""
    return _years_by_use(text)[0]


def asked_years(text: str) -> tuple[int, ...]:
    """Years the text names other than as a document's: "2021年的工作报告给2021年…定的目标" asks of 2021.

    >>> asked_years("2021年的工作报告里2020年粮食产量多少？"), asked_years("2021年的工作报告给2021年定的目标？")
    ((2020,), (2021,))
    """
    return _years_by_use(text)[1]


def _years_by_use(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The years naming a document and the others, each in order without duplicates."""
    text = _CN_YEAR.sub(lambda m: cn2an.transform(m.group(0), "cn2an"), text)
    named: list[int] = []
    others: list[int] = []
    for match in _YEAR.finditer(text):
        use = named if names_document(text, match.end()) or _NAMES_DOCUMENT_EN.match(text[match.end() :]) else others
        if (year := int(match.group(1))) not in use:
            use.append(year)
    return tuple(named), tuple(others)


def names_document(text: str, end: int) -> re.Match[str] | None:
    """The words after a year ending at `end` that make it the year of a document, if they do.

    >>> names_document("2023年的报告里…", 4).group(0), names_document("2023年的目标", 4)
    ('年的报告', None)
    """
    return _NAMES_DOCUMENT_CN.match(text, end)


def _relative_to_document(text: str, named: tuple[int, ...]) -> tuple[int, ...]:
    """The years "今年", "去年", "前年" ask about, in a question that names its document's year
    ("2021年政府工作报告说去年…" asks about 2020), and "当年" where it names no other; none without one, as
    no date is implied then."""
    if len(named) != 1:
        return ()
    words = [*_RELATIVE_YEAR.finditer(text), *(() if asked_years(text) else _THAT_YEAR.finditer(text))]
    return tuple(dict.fromkeys(named[0] + YEAR_WORD_OFFSETS[m.group(0)] for m in words))


def find_plan_period(text: str) -> tuple[int, int] | None:
    """First and last year of the five-year plan named in the text ("十四五" -> (2021, 2025))."""
    english = list(_EN_PLAN.finditer(text))
    named = next((m for m in english if m["digits"]), None) or next(iter(english), None)  # "13th" before "Ninth"
    number = _english_plan_number(named) if named else None
    if number is None:
        match = _CN_PLAN.search(text) or _CN_PLAN_FULL.search(text)
        number = int(cn2an.cn2an(match.group(1), "strict")) if match else None
    return _plan_period(number) if number is not None else None


def _english_plan_number(match: re.Match[str]) -> int:
    """The number of a plan named in English: 13 of "13th Five-Year", 8 of "Eighth Five-Year"."""
    return int(match["digits"]) if match["digits"] else _EN_ORDINALS.index(match["word"].lower()) + 1


def _plan_period(number: int) -> tuple[int, int] | None:
    """First and last year of the nth five-year plan (n >= 3; the first two ran irregularly)."""
    if number < 3:
        return None
    first = 1966 + 5 * (number - 3)
    return first, first + 4


def plan_name(period: tuple[int, int]) -> str:
    """The short name of the five-year plan of `period` ((2011, 2015) -> "十二五"), as questions say it."""
    number = (period[0] - 1966) // 5 + 3
    return f"{cn2an.an2cn(number)}五"


def answer_kind(text: str) -> AnswerKind:
    for kind, cue in _KIND_CUES:
        if cue.search(text):
            return kind
    return "open"


def is_english(text: str) -> bool:
    """A question in English, which may give the Chinese of a term in brackets or quotes.

    >>> is_english("How many homes (保障性住房) were built?"), is_english("淄博 high-tech 企业")
    (True, False)
    """
    outside = _GLOSSED.sub(" ", text)
    return len(_ENGLISH_WORD.findall(outside)) >= 2 and len(_CJK.findall(outside)) < 2


def resolve_followup(question: str, history: Sequence[str]) -> str:
    """Make an elliptical follow-up standalone by carrying over the previous question's subject.

    "那2015年呢？" after "2019年高新技术企业有多少家？" becomes "2015年高新技术企业有多少家？":
    the new question's years replace the old one's; anything else it says is kept. With no earlier
    question it is not guessed at: UnclearFollowupError asks what it refers to.
    """
    years = find_years(question)
    rest = _YEAR.sub("", _CN_YEAR.sub("", question))
    rest = re.sub(r"年度?|in|for", "", rest, flags=re.I)
    rest = _FOLLOWUP_FILLER.sub("", rest).strip(" ,，、?？")
    # A real question of its own has its own content beyond years and filler words.
    if len(rest) > 4 or not years:
        return question
    if not history:
        if not rest and _FOLLOWUP_CUE.search(question):  # "那2015年呢？" opening a conversation
            raise UnclearFollowupError(
                f"“{question}”是接着上一个问题问的，但前面还没有问题。请问您想了解{years[0]}年的哪一项内容？"
                f"请把问题说完整，例如“{years[0]}年……是多少？”",
                "a follow-up with no earlier question",
            )
        return question
    previous = history[-1]
    old_years = find_years(previous)
    if old_years:
        resolved = _YEAR.sub(str(years[0]), previous, count=1)
        if len(old_years) > 1:
            for old in old_years[1:]:
                resolved = resolved.replace(str(old), str(years[0]))
        return resolved
    return f"{years[0]}年{previous}"


def analyse(
    question: str,
    history: Sequence[str] = (),
    *,
    max_chars: int = 2000,
    gloss_english: Callable[[str], str] | None = None,
    in_official_words: Callable[[str], str] | None = None,
) -> Query:
    """Normalise, resolve a follow-up against `history` (earlier questions, oldest first), classify.

    `gloss_english` adds Chinese to the words of an English question (language/english.py);
    `in_official_words` says a Chinese one's everyday phrases as reports do (`Lexicon.in_official_words`).
    """
    original = normalise_question(question, max_chars)
    resolved = resolve_followup(original, [normalise_question(h, 10 * max_chars) for h in history if h and h.strip()])
    english = is_english(resolved)
    text = written_units(expand_short_years(name_places(_english_plain(resolved) if english else resolved)))
    if gloss_english is not None and english:
        text = gloss_english(text)  # "base stations" -> "base stations (基站)"
    elif in_official_words is not None and not english:
        text = in_official_words(text)  # "城里的高科技公司" -> "城镇的高新技术企业"
    named = document_years(text)
    return Query(
        original=original,
        text=text,
        kind=answer_kind(text),
        years=asked_years(text) + _relative_to_document(text, named),
        document_years=named,
        since=tuple(int(m.group(1)) for m in _SINCE.finditer(text)),
        wants_target=bool(_TARGET_CUE.search(text)),
        wants_actual=bool(_ACTUAL_CUE.search(text)),
        wants_start=bool(_START_CUE.search(text)),
        reckons=bool(_RECKON_CUE.search(text)),
        is_english=english,
        is_code=bool(_CODE.search(original)),
        places=question_places(text),
        plan_period=find_plan_period(text),
        asked_type=match.group(1) if (match := _ASKED_TYPE.search(text) or _ASKED_WAYS.search(text)) else "",
        group=match.group(1) if (match := _GROUP.search(text)) else "",
    )
