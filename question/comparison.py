"""Questions that set two places, two reports or two things side by side ("2020年福州和郑州的社会消费品零售总额
哪个更高？", "国务院2022年和2023年政府工作报告的居民消费价格涨幅目标有什么不同？",
"东部和中部地区的投资哪个增长更快？").

`split_comparison` turns one into a question per side ("2020年福州市的社会消费品零售总额是多少？", and
"东部地区的投资增长多少？" when it asks which grows faster); each is answered alone, from its own
documents (`reportqa.answering.compare.side_by_side` sets the answers next to each other).

    >>> [q for _, q in split_comparison("2020年福州和郑州的社会消费品零售总额哪个更高？").sides]
    ['2020年福州市的社会消费品零售总额是多少？', '2020年郑州市的社会消费品零售总额是多少？']
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from reportqa.language.lexicon import TWO_IN_ONE
from reportqa.language.places import place_mentions, place_words
from reportqa.language.quantities import MEASURE_WORDS
from reportqa.language.segmentation import word_starts
from reportqa.question.analysis import MEASURE_NOUNS, MEASURED, STANCE_WORDS, find_plan_period, names_document

Tagger = Callable[[str], Sequence[tuple[str, str]]]

# what "more" is ("更高", "更快"…): the ways two values differ
_MORE_OR_LESS = "高大多低小少快慢长短"
_WAY = f"(?P<way>[{_MORE_OR_LESS}])"
# how a change asked is qualified: "哪个实际增长更快" asks each side's 实际增长
_CHANGE_QUALIFIER = "(?:实际|名义|同比|年均|平均)?"
# "哪个更高", "谁更大", "哪一年更多", "哪个增长更快", "有什么不同": the question compares; what follows the subject is
# replaced by "是多少", or by what grows and "多少" ("增长多少")
_COMPARES = re.compile(
    rf"(?:哪个|哪一个|哪一?年|谁|哪里|哪家)(?:的)?(?P<verb>{_CHANGE_QUALIFIER}(?:增长|增速|增幅|提高|上涨|下降|涨得|涨|降得|降))?更?"
    rf"{_WAY}|有(?:什么|何)(?:不同|区别|差别|变化)|"
    r"(?:区别|差别|不同)(?:是什么|在哪)|(?:相比|比较|对比)(?:如何|怎么样|怎样)"
)
# "…分别是多少？哪个城市更快？", "…各是多少？谁定得更高？": the values asked of each, then which is more
_WHICH_AFTER = re.compile(
    rf"[，,？?；;]?\s*(?:那么|那)?(?:哪个|哪一个|哪座|哪家|哪一?[种类项]|哪|谁)(?P<what>[^，,？?；;]{{0,6}}?)更{_WAY}"
    r"[？?。！!\s]*$"
)
# what a which-question names between its 哪个 and 更: a change ("谁增长得更快", "哪个实际增长更快", "哪个增速
# 定得更高": how it is said or set is no part of it) or a measure ("哪个增长目标更高")
_GROWTH_ASKED = re.compile(
    rf"(?P<verb>{_CHANGE_QUALIFIER}(?:增长|增速|增幅|提高|上涨|下降|涨|降))得?(?:(?:设|设定|确定|定|安排)得?)?"
)
_ASKED_OF_EACH = re.compile(r"(?:分别|各自|各)?(?:是|有|为)?(?:多少|多[长大高快]|几)[^，,？?；;]*$")
# "2024年全国出生人口比死亡人口少了多少": the difference of two things, each asked (not the 比 of "占比提高了多少")
_DIFFERENCE = re.compile(
    r"^(?P<a>[^，,？?]+?)(?<!占)比(?P<b>[^，,？?]+?)(?P<way>多|少|高|低|快|慢|大|小)(?:出来|出)?了?(?:多少|几)"
    r"(?P<unit>[^，,？?。]*)[？?。]?$"
)
# "…相差多少", "…之间的差距有多大": how far apart two things are
_EACH_ASKED = re.compile(r"(?:两者)?(?:分别|各自|各)(?:是|为|有)?(?:多少|几)[^，,？?]*$")
_POINTS = re.compile(r"^个?百分点$")
# "A中B以外的部分是多少", "A除B之外的其余部分有多少": what a whole holds besides one part of it
_REMAINDER = re.compile(
    r"^(?P<whole>[^？?]+?)(?:(?:里|中|当中|之中)[，,]?(?:除了?|除去|扣除)?|除了?|除去|扣除)(?P<part>[^，,？?中]+?)(?:以外|之外)"
    r"的?(?:部分|其他|其余)*(?:大约|大概|约)?(?:是|有|为)?(?:多少|几)(?P<unit>[^，,？?。]*)[？?。]?$"
)
_BOTH_OF_THEM = re.compile(r"(?:两者|二者|这两者|两项)(?:之间)?$")
_GAP = re.compile(r"(?:之间)?的?(?:相差|差距|差)(?:是|有)?(?:多少|多大|几)(?P<unit>[^，,？?。]*)[？?。]?$")
# "…加起来一共多少万户", "…合计多少": what two things come to
_TOTAL = re.compile(
    r"(?:加起来|加在一起|(?:两项|两者|二者)?合计|合起来)(?:一共|总共|共)?"
    r"(?P<ask>(?:是|有)?(?:多少|几)[^，,？?。]*|[^，,？?。]*?(?:多少|几)[^，,？?。]*)[？?。]?$"
)
# "A占B的比重是多少", "A占B多大比例"; "B里，A占多大比例": the share of a part (A) in its whole (B)
_SHARE_OF = re.compile(
    r"^(?P<part>[^，,？?]+?)(?:大约|大概|约)?占了?(?P<whole>(?!了|多大|多少|几)[^，,？?]{2,}?)的?"
    r"(?:比重|比例|比率|份额|百分比|多大比例|多少|几成)"
)
_SHARE_IN = re.compile(
    r"^(?P<whole>[^，,？?]+?[^其])(?:里|中|当中|之中)[，,]?(?P<part>[^，,？?]+?)(?:大约|大概|约)?占了?(?:多大|多少|几成)"
)
# a whole that is no count of things: a total of the economy or a place's share ("占GDP的比重", "占全国")
_NOT_A_WHOLE = re.compile(r"GDP|生产总值|^全(?:国|省|市|区|县)$|\d")
# "A跟B的目标相比少多少", "A，比B完成的高出多少", "A比B实际…是多还是少": a thing at one time or
# stance set against itself at another, which B names by its time or stance alone (the last 与/和/比 before
# the asking opens B)
_AGAINST = re.compile(
    r"^(?P<a>[^？?]+)[，,]?\s*(?:与|和|同|跟|(?<![相对占])比(?!较|起来)|(?<!比)较)(?P<b>[^，,？?和与]+?)(?:相比|比较|对比|比)?(?:而言|来看|起来)?[，,]?\s*"
    r"(?P<cue>(?:还|要|又)?(?:相差|差距|差|高出|多出|超出|少|低|高|多)了?(?:多少|几)|是?(?P<way>[高多])了?还是[低少]了?"
    r"|有(?:什么|何)(?:变化|不同)|变化(?:了)?(?:多少|如何)|(?:(?<=比|较)|(?<=起来))(?:如何|怎么样|怎样)"
    r"|(?:哪个|哪一个|谁)更?(?P<which>[高多大低少小]))[^，,？?]*"
    # ("…是多了还是少了？各是多少？": each side asked too, as it is anyway)
    r"(?:[？?，,](?:两者)?(?:各|分别|各自)(?:是|为)?多少[^，,？?]*)?[？?。]?$"
)
# "A是多少？和B比怎样？": A asked in a sentence of its own, then set against B in the next
_ASKED_THEN_AGAINST = re.compile(
    r"^(?P<a>[^？?]+?)(?:定在|定为|设定为|设为|控制在|达到|是|有|为)?(?:多少|几)[^，,？?]*[？?]\s*"
    r"(?P<b>(?:那么|那)?(?:与|和|同|跟)[^？?]+[？?]?)$"
)
# a word that names B as A's own ("与其2025年的目标相比"), which B's time says without it
_OWN = re.compile(r"^(?:其|它的?|它们的?)")
# how B names its time or stance: a year, a plan's period, what was set or done
_TIME_OR_STANCE = re.compile(
    r"(?P<time>(?:到|至)?(?:19|20)\d{2}年(?:度|末|底|初)?|“?[一二三四五六七八九十]{1,3}五”?(?:时期|期间|末|以来)?|[今明]年(?:度|末|底)?)"
    r"|目标|计划|规划|预期|预计|力争|实际|完成|达到|安排|定的"
)
# a bracketed clause that closes a question after its question mark ("…？（某县2031年政府工作报告）")
_CLOSING_ASIDE = re.compile(r"(?<=[？?])\s*（([^（）]+)）\s*$")
_ASKING = re.compile(r"多少|几|什么|哪|如何|怎样|怎么|是否|吗|[？?]")
# what B may name besides its time or stance that is no thing of its own: a measure of A ("2020年实际增速"),
# or the number of it ("上年实际完成数", "实际开通班次"), which asks nothing A does not
_NUMBER_OF = frozenset({"数", "数字", "数值", "水平", "次数", "班次"})


def _number_of(word: str) -> bool:
    """A word for the number of a thing: one of `_NUMBER_OF`, or a measure word and 数 ("列数", "户数")."""
    return word in _NUMBER_OF or (len(word) == 2 and word[1] == "数" and word[0] in MEASURE_WORDS)


_DONE = re.compile(r"实际(?:完成|达到)?|完成|达到")
# how a thing done is named ("实际的…", "…的实绩", "…的实际完成数"), and how a document sets a target ("定下的")
_DONE_SAID = re.compile(r"的?(?:实际(?:完成|达到)?(?:数字|数|值|的)?|实绩|完成数)")
_SETS = re.compile(r"^(?:中|里)?(?:设定|确定|提出|定下|制定|安排|定)?的")
# A at the time of its report ("现有的…长度", "当年的…目标")
_PRESENT = re.compile(r"(?:已有|现有|目前|当前|现在|当年|今年|本年)的?")
_SETTING_CLASSES = ("m", "t", "f", "x")  # "2014年", "期间", "“" (a word jieba does not know is no "x"); places apart
_PLAN = re.compile(r"[一二三四五六七八九十]+五")
# what a thing is compared with when it is no other thing: a time, a target or an average
_NOT_A_THING = re.compile(r"\d|年|同期|目标|计划|规划|预期|平均|全国|全省|全市|以前|之前|此前|初|末")
_JOIN = r"\s*(?:和|与|同|跟|及|、|以及|还是)\s*"
_COMPARING_AGAIN = re.compile(
    r"(?<=多少)[？?]\s*(?:两者|二者|这两者?|其|结构|比例)?(?:之间)?(?:相比|比较|对比)?"
    r"(?:有(?:什么|何|哪些)(?:不同|区别|差别|变化)|(?:如何|怎么样|怎样)|变化(?:如何|怎样|怎么样))[？?。]?$"
)
_BOTH_CHANGED = re.compile(r"(?:都|均|也都)(?:有所|明显|大幅)?(?:下降|上升|增长|提高|降低|减少|增加)了?$")
_COMPARING = re.compile(r"(?:相比较?|比较|对比)(?:而言|来看|起来)?$")  # "A和B相比，哪个…"
_WAYS = re.compile(f"[{_MORE_OR_LESS}增减升降]")  # a way of differing, of a level or of a change
_SIDE_KINDS = "城市|地方|地区|省份|省|市|县|区"  # what kind of place the sides are ("哪个城市")
# "哪个城市的地区生产总值增速更快": the sides named first, the cue split by what is compared
_WHICH_OF = re.compile(
    rf"(?:哪个|哪一个|哪座|哪一座)(?:{_SIDE_KINDS})的(?P<what>[^，,？?]+?)"
    rf"(?P<verb>增长|增速|增幅|提高|上涨|下降)?更{_WAY}"
)
_KIND_OF_SIDE = re.compile(rf"^(?:{_SIDE_KINDS})的?")
# "厦门和泉州两市的…": the two just named, counted
_BOTH_NAMED = re.compile(rf"^(?:两|二|2)个?(?:{_SIDE_KINDS}|地|者|年)")
# "福建全省": the whole of the place just named, part of its name here
_WHOLE_OF = re.compile(r"全(?:省|市|区|县|州|盟|国)")
_WITHIN = frozenset({"中", "里", "内"})  # localisers that close where something is said ("规划纲要中")
_YEAR_PAIR = re.compile(rf"((?:19|20)\d{{2}}年){_JOIN}((?:19|20)\d{{2}}年)")
YEAR = re.compile(r"(?:19|20)\d{2}年度?")  # "2020年", "2020年度"
_NOUN_CLASSES = ("n", "l", "b", "j", "vn", "x", "eng")
_OPENING_CLASSES = ("m", "t")  # years and dates that open a question
_TIME_CHARACTER = re.compile(r"[\d年月日季期末初底前后今去时来]|目前|当前|现在")


@dataclass(frozen=True)
class Comparison:
    sides: tuple[tuple[str, str], ...]  # (label, question) for each side, in the question's order
    way: str  # "高", "少"…: what "more" means here; "" when the question asks how they differ
    # a comparison needs every side; a question of several parts is answered as far as its parts are
    all_parts: bool = True
    difference: bool = False  # how much more the first is than the second is asked ("A比B少多少")
    share: bool = False  # what share of the second (a whole) the first (a part of it) is ("A占B的比重")
    total: bool = False  # what both come to ("A和B加起来一共多少")
    remainder: bool = False  # what the first (a whole) holds besides the second ("A中B以外的部分")


def _without_comparing(subject: str) -> str:
    """What is compared, without the words that say it is ("A和B相比，哪个更高": A和B), or that both
    changed ("A和B均有所下降，哪个降得更多")."""
    return _BOTH_CHANGED.sub("", _COMPARING.sub("", subject.rstrip("的，, ")).rstrip("的，, "))


def without_comparing_again(question: str) -> str:
    """The question without a last sentence that only asks how what it asked compares ("…分别是多少？结构有何
    变化？", "…是多少？两者相比如何？"): the answer sets out what was asked, side by side."""
    return _COMPARING_AGAIN.sub("？", question.strip())


def split_comparison(question: str, tag: Tagger | None = None) -> Comparison | None:
    """The question per side, if `question` compares two places, two years or (with the word segmenter
    `tag`) two things named in parallel ("城镇居民和农村居民的收入"); else None."""
    aside = _CLOSING_ASIDE.search(question)
    if aside is not None and not _ASKING.search(aside.group(1)):
        # "…相比如何？（某县2031年政府工作报告）": what closes it in brackets, asking nothing, is said of each side
        split = split_comparison(question[: aside.start()], tag)
        if split is not None:
            return replace(split, sides=tuple((label, f"{q}{aside.group(0)}") for label, q in split.sides))
    question = without_comparing_again(question)
    if tag is not None and (
        pair := _against(question, tag)
        or _difference(question, tag)
        or _gap(question, tag)
        or _total(question, tag)
        or _remainder(question)
    ):
        return pair
    after = _WHICH_AFTER.search(question)
    measure = ""  # what is asked of each, said after 哪个 ("哪个增长目标更高")
    if after is not None:  # asked as "A和B的X哪个更Y"
        # the kind of the sides ("哪个省份增幅更大") is no part of what is asked of each
        what = _KIND_OF_SIDE.sub("", after.group("what").removeprefix("的"))
        # ("谁的营收增速更高": a measure, then how it changed; each side is asked its 营收增速)
        verb = _GROWTH_ASKED.fullmatch(what)
        measured = None if verb else re.fullmatch(rf"(?P<measure>[^，,？?；;]+?){_GROWTH_ASKED.pattern}", what)
        verb = verb or measured
        # a measure the documents state ("增长目标", "比例"), not a kind of side ("哪个城市更高"), a manner
        # ("哪个定得更高") or a loose word ("哪种支持力度更大")
        if measured:
            measure = measured.group("measure")
        else:
            measure = what if not verb and any(what.endswith(noun) for noun in MEASURE_NOUNS) else ""
        grows = verb.group("verb") if verb else ""
        question = f"{_ASKED_OF_EACH.sub('', question[: after.start()])}哪个{grows}更{after.group('way')}"
    cue = _COMPARES.search(question)
    which_of = _WHICH_OF.search(question) if cue is None else None
    if which_of is not None:
        cue = which_of
        subject = _without_comparing(question[: cue.start()]) + "的" + cue.group("what")
    elif cue is None:
        return None
    else:
        subject = _without_comparing(question[: cue.start()])
    verb = (cue.group("verb") or "").rstrip("得")
    asked = subject + measure + (f"{verb}多少？" if verb else "是多少？")
    way = cue.group("way") or ""
    pair = _place_pair(asked) or _year_pair(asked)
    if pair is None and tag is not None:
        compared, each = question[: cue.start()].rstrip("，, "), asked[len(subject) :]
        return _set_against(compared, each, way) or _thing_pair(subject, each, way, tag)
    if pair is None:
        return None
    return Comparison(_named_sides(asked, pair), way)


def _set_against(compared: str, asked: str, way: str) -> Comparison | None:
    """ "2031年公办和民办幼儿园的入园率与全省平均相比" + "是多少？": B is set against all that precedes it, whatever
    和 that holds, and is asked what A is asked after its 的 (入园率), in A's time; None without "…与B相比"."""
    against = _SET_AGAINST.search(compared)
    if against is None or YEAR.search(against.group("b")) or find_plan_period(against.group("b")):
        return None  # ("…与2015年相比": a time set against, asked as such)
    setting, _, first = compared[: against.start()].rpartition("，")
    prefix = f"{setting}，" if setting else ""
    time = YEAR.match(first)
    measure = first.rpartition("的")[2] if "的" in first else ""
    second = against.group("b")
    second_asked = f"{time.group(0) if time else ''}{second}{'的' + measure if measure else ''}"
    return Comparison(((first, f"{prefix}{first}{asked}"), (second, f"{prefix}{second_asked}{asked}")), way)


def _named_sides(
    asked: str, pair: tuple[tuple[str, tuple[int, int]], tuple[str, tuple[int, int]]]
) -> tuple[tuple[str, str], tuple[str, str]]:
    """The question of each side of a pair of places or years named in `asked`: all of it, with the
    pair's one side in place of both, named in full ("杭州" -> "杭州市") as the documents' metadata names it."""
    (first, first_span), (second, second_span) = pair
    before, after = asked[: first_span[0]], _BOTH_NAMED.sub("", asked[second_span[1] :])
    return (first, before + first + after), (second, before + second + after)


def split_share(question: str, tag: Tagger) -> Comparison | None:
    """ "2014年外出农民工占全国农民工总量的比重是多少" -> 外出农民工 and 全国农民工总量 of 2014年, each asked;
    "“十三五”期间拉萨接待的游客里，境外游客占多大比例" -> 境外游客 and 游客 of “十三五”期间拉萨. None when the
    question names no whole ("A占多大比例"). A share the documents state answers before one worked out."""
    text = question.strip()
    match = _SHARE_OF.search(text) or _SHARE_IN.search(text)
    if match is None:
        return None
    part, whole = match.group("part").strip("，, "), match.group("whole").strip("，, 的")
    if not part or not whole or _NOT_A_WHOLE.search(whole):
        return None
    setting = _setting(part if match.re is _SHARE_OF else whole, tag)
    sides = []
    for named in (part, whole):
        own = _setting(named, tag)  # "全国" of "全国农民工总量", said after the question's "2014年"
        thing = named[len(own) :]
        sides.append((thing, f"{setting}{own if own not in setting else ''}{thing}是多少？"))
    return Comparison(tuple(sides), "", all_parts=True, share=True)


def _setting(text: str, tag: Tagger) -> str:
    """The times and places `text` opens with ("2014年", "“十三五”期间拉萨"), said of both sides."""
    end = 0
    for word, word_class in tag(text):
        # a number that opens a name ("4G基站") is no time
        names = word.isdigit() and text[end + len(word) : end + len(word) + 1].isascii()
        if names or not (
            (word_class.startswith(_SETTING_CLASSES) and not (word_class == "x" and word.isalnum()))
            or _PLAN.fullmatch(word)
            or _WHOLE_OF.fullmatch(word)
            or place_words(word)
        ):
            break
        end += len(word)
    return text[:end]


def _difference(question: str, tag: Tagger) -> Comparison | None:
    """ "2024年全国出生人口比死亡人口少了多少" -> 出生人口 and 死亡人口 of 2024年全国, each asked; "郑州的
    地区生产总值比洛阳高多少" -> 郑州's and 洛阳's. Not a change over time or against a target
    ("比上年多多少", "比目标多多少"), which `reportqa.answering.change` works out."""
    match = _DIFFERENCE.search(question.strip())
    if match is None or _NOT_A_THING.search(match.group("b")):
        return None
    a, b, way = match.group("a"), match.group("b"), match.group("way")
    places_a, places_b = place_words(a), place_words(b)
    if places_b:
        if b not in places_b or not places_a:
            return None
        place = next(p for p in places_a if p in a)
        sides = ((place, a), (b, a.replace(place, b, 1)))
    else:
        first, second = parallel_words(a, b, tag)
        if not first or not second or second != b:
            return None
        prefix, rest = a[: len(a) - len(first)], ""
        if len(second) < len(first) and first[len(second) - 1] == second[-1]:
            # "城镇居民人均可支配收入比农村居民…": 农村居民 stands for 城镇居民; what follows is both's
            first, rest = first[: len(second)], first[len(second) :]
        sides = ((first, a), (second, f"{prefix}{second}{rest}"))
    unit = match.group("unit")  # "少几家": each is asked in 家
    return Comparison(tuple((label, f"{asked}是多少{unit}？") for label, asked in sides), way, difference=True)


def _against(question: str, tag: Tagger) -> Comparison | None:
    """ "某省2022年森林覆盖率跟2025年的目标相比少多少" -> the 2022 rate and the 2025 target, each asked, and how
    far apart (B asked as `at_the_time_of` says). None when B names a thing of its own ("城市居民和乡村居民收入相差
    多少") or no year or plan period of its own."""
    question = question.strip()
    first = ""
    if two := _ASKED_THEN_AGAINST.match(question):
        # ("…报告把当年的目标定在多少？": what A names, without the 把 that moves it before its verb)
        a = "".join(w for w, c in tag(two.group("a")) if not (c == "p" and w in ("把", "将")))
        first, question = question[: two.start("b")].strip(), f"{a}，{two.group('b')}"
    match = _AGAINST.search(question)
    if match is None:
        return None
    a, b = match.group("a").strip("，, "), _OWN.sub("", match.group("b").strip("，, "))
    b_question = at_the_time_of(a, b, tag)
    if b_question is None:
        return None
    label_a, label_b = a.rpartition("，")[-1], b.removeprefix("的")
    way = match.group("way") or ("多" if re.search("[多少]", match.group("cue")) else "高")
    if which := match.group("which"):
        way = which  # "哪个多": which side is more, not by how much
    return Comparison(((label_a, first or f"{a}是多少？"), (label_b, b_question)), way, difference=True)


def at_the_time_of(a: str, b: str, tag: Tagger, asking: str = "是多少？") -> str | None:
    """The question of B, a thing A names at one time or stance, which B names by another time and stance
    alone ("2025年的目标"): A at B's year or plan period (in place of A's last), without A's stance where B
    names one, with B's own words ("实际完成"). None when B names a thing of its own, or no year or plan
    period of its own (against the year before, 比上年, or a target alone, a change is asked, which
    `reportqa.answering.change` works out).

    B may name the document that sets it ("乙市2031年政府工作报告提出的2031年目标"): asked in that document,
    whose words and year are no thing or time of B's own ("当年" is that year)."""
    where = ""
    if (document := _document_named(b)) is not None and not re.search(f"{YEAR.pattern}$", a):
        (named, year), b = document, _SETS.sub("", b[len(document[0]) :], count=1)
        where, b = f"{named}中，", b.replace("当年", year)
    b_words = [(w, c) for w, c in tag(_TIME_OR_STANCE.sub(" ", b)) if w.strip() and w != "的"]
    if where and _thing_words(b_words):  # ("…设定的2031年城镇调查失业率目标"): asked as it says, in A's place
        place = re.match(rf"^(.*?){YEAR.pattern}", a)
        return f"{where}{place.group(1) if place and place_words(place.group(1)) else ''}{b}{asking}"
    b_times = list(_TIME_OR_STANCE.finditer(b))
    time = next((m.group("time") for m in b_times if m.group("time")), "")
    own_clause = a.rpartition("，")[-1]
    if not time or time in own_clause:
        return None
    if not _TIME_OR_STANCE.search(own_clause) and not _PRESENT.search(own_clause):
        return None  # A names no time or stance of its own ("现有的…" is its report's) for B's to replace
    if any(w not in a and w[-2:] not in a for w in _thing_words(b_words)):
        return None  # "和农村居民收入相比": a thing of its own, compared by `_thing_pair`
    # each year with the report it names, if any: the year of the report that says it is no time of the thing
    # ("2023年规划纲要提出的目标")
    years = [(year, names_document(a, year.end())) for year in YEAR.finditer(a)]
    a_times = (
        [year for year, report in years if report is None]
        or list(re.finditer(rf"“?{_PLAN.pattern}”?(?:时期|期间|末)?", a))
        or list(_PRESENT.finditer(a))
    )
    if a_times:
        before, after = a[: a_times[-1].start()], a[a_times[-1].end() :]
    elif report := next((report for _year, report in years if report is not None), None):
        before, after = f"{a[: report.end()]}，", re.sub(r"^(?:里|中|上)[，,]?", "", a[report.end() :])
    else:
        before, after = "", a
    stance = "".join(m.group(0) for m in b_times if m.group(0) != time)
    # what was done is said with its time ("2019年实际完成的…"), a target or plan after the thing
    done = stance if _DONE.fullmatch(stance) else ""
    # A's own stance goes where B names one ("计划新增…" against "实际…"), else only a target it ends in
    # (and the verb that sets a target, "提出的工业投资增长目标", against what was done)
    if where and not done:
        after = _DONE_SAID.sub("", after)  # "…成交额的实绩" set against a target: the 成交额 is asked
    stances = "|".join(STANCE_WORDS | {"目标", "定的"} | ({"提出", "确定", "设定"} if done else set()))
    after = re.sub(rf"(?:{stances})的?" if stance else rf"的?(?:{stances})$", "", after)
    asked = f"{before}{time}{done}{after}{'' if done else stance}"
    own = "".join(w for w, _ in b_words if w not in asked and not _number_of(w))
    if own in MEASURE_NOUNS:
        asked = re.sub(r"(?:增长|增速|增幅)$", "", asked)  # "增速" asked of "工业投资增长": 工业投资's
    if where and stance and not done:
        return f"{where}{asked.removesuffix(stance)}{own}{stance}{asking}"  # "…控制目标", as B says it
    return f"{where}{asked}{own}{asking}"


def _thing_words(b_words: Sequence[tuple[str, str]]) -> list[str]:
    """The nouns among B's words (besides its time and stance) that name no measure or number of a thing."""
    # ("实际发运列数": the number of what was done, the doing said before it)
    doings = {w for (w, c), (after, _) in pairwise(b_words) if c.startswith("v") and _number_of(after)}
    return [w for w, c in b_words if word_kind(c) == "n" and w not in MEASURE_NOUNS | doings and not _number_of(w)]


def _document_named(text: str) -> tuple[str, str] | None:
    """The document `text` opens with, by its place, year and kind ("乙市2031年政府工作报告"), and its year."""
    year = YEAR.search(text)
    if year is None or "的" in text[: year.start()] or (named := names_document(text, year.end())) is None:
        return None
    return text[: named.end()], year.group(0)


def _gap(question: str, tag: Tagger) -> Comparison | None:
    """ "2017年城镇居民和农村居民人均消费支出相差多少": two places or things, each asked, and how far apart
    they are; not two years (a change, which `reportqa.answering.change` works out)."""
    match = _GAP.search(question.strip())
    if match is None:
        return None
    # ("A和B的参保率各是多少，差几个点", "…各是多少？二者差多少": each is asked anyway; a gap in points is
    # of two shares)
    said = _BOTH_OF_THEM.sub("", question[: match.start()]).rstrip("的，,？? ")
    subject = _EACH_ASKED.sub("", said).rstrip("的，, ")
    asked = f"是多少{_POINTS.sub('', match.group('unit'))}？"
    place = _place_pair(subject + asked)
    if place is not None:
        return Comparison(_named_sides(subject + asked, place), "多", difference=True)
    if _year_pair(subject) is not None:
        return None
    things = _thing_pair(subject, asked, "多", tag)
    return replace(things, difference=True) if things is not None else None


def _total(question: str, tag: Tagger) -> Comparison | None:
    """ "2013年末固定电话用户和移动电话用户加起来一共多少万户": each thing asked, and what both come to."""
    match = _TOTAL.search(question.strip())
    if match is None:
        return None
    # what each is asked: "是多少万户", or the question's own words ("能为企业节省多少成本")
    ask = match.group("ask")
    asked = f"是{ask}？" if ask.startswith(("多少", "几")) else f"{ask}？"
    things = _thing_pair(question[: match.start()].rstrip("的，, "), asked, "", tag)
    return replace(things, total=True, all_parts=True) if things is not None else None


def _remainder(question: str) -> Comparison | None:
    """ "2022年全县粮食产量中小麦以外的部分是多少万吨": the whole and its part, each asked, and what is left."""
    match = _REMAINDER.search(question.strip())
    if match is None:
        return None
    whole, part, unit = match.group("whole"), match.group("part"), match.group("unit")
    sides = ((whole.rpartition("，")[-1], f"{whole}是多少{unit}？"), (part, f"{whole}中{part}是多少{unit}？"))
    return Comparison(sides, "多", remainder=True)


def _thing_pair(subject: str, asked: str, way: str, tag: Tagger) -> Comparison | None:
    """ "2031年城镇和农村的投资" + "增长多少？": one question per thing, what follows the second shared.
    A list in brackets says what the thing before it takes in ("上市公司（A、B股）"), not two things."""
    # (at a word of its own: "同" of "合同" joins nothing, as `reportqa.question.parts` reads its joiners)
    starts = word_starts(subject)
    joins = (m for m in re.finditer(_JOIN, subject) if m.end() - len(m.group(0).lstrip()) in starts)
    join = next((m for m in joins if not _in_brackets(subject, m.start())), None)
    if join is None:
        return None
    before, second = subject[: join.start()], subject[join.end() :]
    # a clause before is the question's setting
    first, second_alone = parallel_words(re.split(r"[，,；;：:]", before)[-1], second, tag)
    first = first.strip()
    if not first or not second_alone or _WAYS.fullmatch(first) or _WAYS.fullmatch(second_alone):
        return None  # "…比2020年实际产量高还是低": two ways of differing, not two things
    prefix, suffix = before[: len(before) - len(first)], second[len(second_alone) :]
    return Comparison(tuple((label, f"{prefix}{label}{suffix}{asked}") for label in (first, second_alone)), way)


def _in_brackets(text: str, position: int) -> bool:
    before = text[:position]
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


# "…与B相比" closing what is compared: B against all before it
_SET_AGAINST = re.compile(r"(?:与|跟|同)(?P<b>[^，,与跟同和的]{2,})(?:相比|比较|对比)$")
# one-character morphemes and suffixes jieba leaves apart ("园" of "农科园"): they end the word before them
_BOUND_CLASSES = ("zg", "ng", "k")


# a word before the first thing that is part of its name, not shared: one jieba tags a time that names none
# ("新一代" of 新一代信息技术产业); a noun there names what both are of ("金融机构" of 存款余额和贷款余额)
_NAMING_CLASSES = ("t",)
# two measures of one thing, ending in the one measure word ("计划数|实际开工数"), neither a clause
_OWN_MEASURE = re.compile(r"^[^，,、和与及]+?([数量额率值])\|[^，,、和与及]+?\1$")


def one_apart(word: str, other: str) -> bool:
    """Two words of one length that differ in one character ("第一", "第三"; "货运量", "客运量")."""
    return len(word) == len(other) and sum(map(str.__ne__, word, other)) == 1


def parallel_words(before: str, second: str, tag: Tagger) -> tuple[str, str]:
    """The end of `before` and the start of `second` that parallel each other ("国家级研发机构" and
    "省级研发机构" of "国家级研发机构和省级研发机构目前"); what follows the second is shared."""
    year = YEAR.match(second)
    if year:  # "研发投入2015年和2018年分别…"
        years = list(YEAR.finditer(before))
        return (before[years[-1].start() :] if years else ""), year.group(0)
    words_before, words_second = list(tag(before)), list(tag(second))
    if not words_before or not words_second:
        return "", ""  # ("…完成数，和…目标相比": a clause ends right before the join)
    for one, other in (pair for parts in TWO_IN_ONE.values() for pair in (parts, parts[::-1])):
        if before.endswith(one) and second.startswith(other):
            return one, other  # "城镇和农村居民消费": what follows 农村 is shared
    # "一级、二级、三级医院", "狭义和广义的定义": the first is a short word that differs from the
    # second's opening in one character only (一级, 三级; 狭义, 广义): what follows the second's is shared
    last = words_before[-1][0] if words_before else ""
    opening_alike = second[: len(last)]
    if len(last) in (2, 3) and len(last) < len(second) and one_apart(last, opening_alike):
        return last, opening_alike
    # "实际引进内资和实际引进外资": each side written out in full, opening alike, however jieba cuts them;
    # or opening and ending alike ("万元产值用水量下降目标和万元产值建设用地下降目标")
    repeated = next((second[:k] for k in range(len(second) - 1, 1, -1) if second[:k] in before), "")
    if repeated:
        rest, second_rest = before[before.rfind(repeated) + len(repeated) :], second[len(repeated) :]
        if rest and (parallel_words(rest, second_rest, tag) == (rest, second_rest) or _end_alike(rest, second_rest)):
            return repeated + rest, second
    # "新建学校的计划数和实际开工数": two measures of the thing before "的", each in its own words,
    # ending in the one measure word
    after_of = before[before.rfind("的") + 1 :]
    if "的" in before and 1 < len(after_of) < len(before) and _OWN_MEASURE.search(after_of + "|" + second):
        return after_of, second
    # the years, places and scope that open the question are shared, never part of the first thing
    places = place_words(before)  # "城市" and "农村" are no places, whatever jieba tags them
    opening = len(list(itertools.takewhile(lambda w: _opens(w, places), words_before)))
    # and so is where they are said ("规划纲要中", "报告里"): the first thing starts after it
    framed = [i + 1 for i, (word, word_class) in enumerate(words_before) if word in _WITHIN and word_class == "f"]
    opening = max([opening, *framed])
    shared = words_second[-1][0]
    if len(words_second) > 1 and len(shared) > 1 and words_before[-1][0] == shared:
        # "铁路货运量和公路货运量": both name their head word; the first is as long as the second, in
        # whole words ("固定 电话 用户" and "移动电话 用户"), or all the words it has
        first, taken = "", 0
        for word, _ in reversed(words_before[opening:]):
            if len(first) >= len(second):
                break
            first, taken = word + first, taken + 1
        # and the words that go on naming it ("新一代" of 新一代信息技术产业)
        modifiers = itertools.takewhile(
            lambda w: w[1].startswith(_NAMING_CLASSES), reversed(words_before[opening : len(words_before) - taken])
        )
        return "".join(w for w, _ in reversed(list(modifiers))) + first, second
    # "城市燃气普及率和农村燃气入户比例": each opens with its own nouns, then a noun both say and words of
    # its own; the first is its run of nouns before that word, and the rest
    middle = next(
        (
            (at, k)
            for k, (word, _) in enumerate(words_second[1:-1], 1)
            for at in range(opening + 1, len(words_before) - 1)
            if len(word) > 1 and words_before[at][0] == word
        ),
        None,
    )
    if middle is not None:
        at, k = middle
        # (jieba tags "城市", "城镇" places, which they are not)
        own = list(itertools.takewhile(_names_a_kind, reversed(words_before[opening:at])))
        if own and all(_names_a_kind(w) for w in words_second[:k]):
            return "".join(w for w, _ in reversed(own)) + "".join(w for w, _ in words_before[at:]), second
    # "物联网产业营收和集成电路产业产值增长目标": two runs of as many nouns, then what both are asked
    second_run = list(itertools.takewhile(_in_noun_run, words_second))
    first_run = list(itertools.takewhile(_in_noun_run, reversed(words_before[opening:])))
    if 1 < len(second_run) == len(first_run) <= len(words_second) and second_run[-1][0] != first_run[0][0]:
        return "".join(w for w, _ in reversed(first_run)), "".join(w for w, _ in second_run)
    # the first's start: the last word of the second's first word's class ("国家级", b), else of its kind (a noun)
    head = words_second[0][1]
    # (of words, not the marks around them, where the second opens with a word: "”" is tagged as "PM10浓度" is)
    marks_too = not re.search(r"\w", words_second[0][0])
    backwards = [
        i for i in range(len(words_before) - 1, opening - 1, -1) if marks_too or re.search(r"\w", words_before[i][0])
    ]
    start = next((i for i in backwards if words_before[i][1] == head), None)
    if start is None:
        start = next((i for i in backwards if word_kind(words_before[i][1]) == word_kind(head)), None)
    if start is None:
        if "的" in before:  # "孵化器的目标数和完成数": the first is what follows the last "的"
            return before[before.rfind("的") + 1 :], second
        # "2022年地方政府专项债券收入和一般债券收入": the first is what follows the years, places and scope
        return "".join(w for w, _ in words_before[opening:]), second
    # "服装产业和绿色食品产业增加值": the first's last word recurs in the second, which ends there
    last = words_before[-1][0]
    recurs = next((k for k, (word, _) in enumerate(words_second) if k and word == last), None)
    if len(last) > 1 and word_kind(words_before[-1][1]) == "n" and recurs is not None:
        first_run = list(itertools.takewhile(_in_noun_run, reversed(words_before[opening:])))
        if all(_in_noun_run(word) for word in words_second[:recurs]) and len(first_run) > 1:
            return "".join(w for w, _ in reversed(first_run)), "".join(w for w, _ in words_second[: recurs + 1])
    first_words = words_before[start:]
    parallel = words_second[: len(first_words)]
    if [word_kind(c) for _, c in first_words] != [word_kind(c) for _, c in parallel]:
        return "".join(w for w, _ in first_words), second
    first, second_alone = "".join(w for w, _ in first_words), "".join(w for w, _ in parallel)
    # "城市污水处理率和生活垃圾无害化处理率的目标": the head is the second's before what both share
    own_second = second.partition("的")[0]
    if same_head(first, own_second):
        # "一般公共预算收入和政府性基金收入", "水质优良率和空气质量优良率": each names its own head
        # word; the first is the run of nouns before "和" (a place, a scope such as 全市 or a verb is shared)
        nouns = list(itertools.takewhile(_in_noun_run, reversed(words_before)))
        # a distinguishing word before the run, where it is shorter than the second ("固定" of 固定电话用户,
        # "东部" of 东部地区; not the "中" of "规划中…")
        rest = words_before[opening : len(words_before) - len(nouns)]
        distinguishing = bool(rest) and (
            rest[-1][1].startswith(("a", "b")) or (rest[-1][1].startswith("f") and len(rest[-1][0]) > 1)
        )
        if distinguishing and len("".join(w for w, _ in nouns)) < len(own_second):
            nouns.append(rest[-1])
        return "".join(w for w, _ in reversed(nouns)) or first, own_second
    if len(parallel) == 1 and len(second_alone) > len(first):
        second_alone = _ending_as(first, second_alone)
    run = list(itertools.takewhile(_in_noun_run, words_second))
    whole_first = len(first_words) == 1 and len(first) > 2 and first[-1] != second_alone[-1]
    if whole_first and len(run) > 1 and MEASURED.search(first) and MEASURED.search(run[-1][0]):
        # "单位生产总值能耗和化学需氧量排放量": the first names its own measure, the second its own
        second_alone = "".join(w for w, _ in run)
    elif whole_first and len(run) > 2:
        # "集成电路和民用无人机产量": a whole noun first, which the second's first word does not end as
        # (unlike "城镇居民和农村居民…"); the second is its run of nouns but the last, which both share
        second_alone = "".join(w for w, _ in run[:-1])
    following = words_second[len(first_words) :]
    if following and len(following[0][0]) == 1 and following[0][1].startswith(_BOUND_CLASSES):
        second_alone += following[0][0]  # "省级农科园" cut 省级 农科 园: 园 is part of the thing, not shared
    # segmented otherwise ("城镇居民" but "农村 居民"): the second takes what the first ends with
    rest = second[len(second_alone) :]
    shared_end = next((k for k in range(len(rest), 1, -1) if first.endswith(rest[:k])), 0)
    return first, second_alone + rest[:shared_end]


def _end_alike(first: str, second: str) -> bool:
    """Two words that end in the same two characters or more ("…下降目标"), each with more of its own."""
    ends = zip(first[::-1], second[::-1], strict=False)
    common = sum(1 for _ in itertools.takewhile(lambda pair: pair[0] == pair[1], ends))
    return 1 < common < min(len(first), len(second))


def _ending_as(first: str, word: str) -> str:
    """The start of a one-word second that ends as the first does ("农村居民" of the dictionary word
    "农村居民人均可支配收入", after "城镇居民"): the rest of it is shared by both; else the whole word."""
    for size in range(len(first) - 1, 1, -1):
        at = word.find(first[-size:], 1)
        end = at + size
        if at > 0 and end < len(word) and word[:end] != first:
            return word[:end]
    return word


def same_head(first: str, second: str) -> bool:
    """Two things that end in the same head word ("钢铁产能", "煤炭产能"), each a thing of its own."""
    return first[-2:] == second[-2:]


def _in_noun_run(word: tuple[str, str]) -> bool:
    """A word of a compound noun: a noun other than a place or a scope ("全市"), or a single character
    the segmenter took apart from one ("国考断面": 国 考 断面)."""
    text, word_class = word
    if len(text) == 1:
        return word_class.startswith(("n", "v")) and not word_class.startswith("ns")
    return word_kind(word_class) == "n" and not word_class.startswith("ns") and not text.startswith("全")


def _names_a_kind(word: tuple[str, str]) -> bool:
    """A word of a compound noun, or one jieba tags a place that names a kind of place ("城市", "城镇")."""
    return _in_noun_run(word) or (word[1].startswith("ns") and not place_words(word[0]))


def _opens(word: tuple[str, str], places: set[str]) -> bool:
    """The word may open a question as its time, place or scope ("2020年", "今年", "湖南", "全市"); not a word
    jieba tags a time that names no time ("新一代")."""
    if word[1].startswith("t") and not _TIME_CHARACTER.search(word[0]):
        return False
    return word[1].startswith(_OPENING_CLASSES) or word[0] in places or word[0].startswith("全")


def word_kind(word_class: str) -> str:
    return "n" if word_class.startswith(_NOUN_CLASSES) else word_class[:1]


def _place_pair(text: str) -> tuple[tuple[str, tuple[int, int]], tuple[str, tuple[int, int]]] | None:
    mentions = [(name, start, _whole_of(text, end)) for name, start, end in place_mentions(text)]
    for (name_a, start_a, end_a), (name_b, start_b, end_b) in pairwise(mentions):
        if name_a != name_b and re.fullmatch(_JOIN, text[end_a:start_b]):
            return (name_a, (start_a, end_a)), (name_b, (start_b, end_b))
    return None


def _whole_of(text: str, end: int) -> int:
    """The end of a place's name with "全省" and the like after it ("福建全省" is 福建)."""
    whole = _WHOLE_OF.match(text, end)
    return whole.end() if whole else end


def _year_pair(text: str) -> tuple[tuple[str, tuple[int, int]], tuple[str, tuple[int, int]]] | None:
    match = _YEAR_PAIR.search(text)
    if match is None:
        return None
    return (match.group(1), match.span(1)), (match.group(2), match.span(2))
