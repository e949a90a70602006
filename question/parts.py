"""Questions that ask several things at once, split into one question per thing asked.

Each part is answered alone and the answers are set out part by part, like a comparison's sides
(`reportqa.question.comparison.Comparison`, with no "which is more"). Two shapes:

- two things named, then "分别" or "各": "国家级和省级研发机构分别有多少家？"; also two named
  by one word for both ("城乡低保标准分别提高到多少": 城镇 and 农村);
- clauses that each ask: "立项多少个、投入资金多少？", "总额是多少？比上年增长多少？", "…是多少？…呢？";
  a clause of the first shape gives a part per thing it names.

A part that names no subject of its own ("比上年增长多少") shares the first part's; a part that names
no place or year shares the question's leading ones ("陕西2020年…，新增专项债额度多少").

`tag` is the word segmenter with word classes (`Lexicon.tagged`): which words parallel which.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from reportqa.language.lexicon import TWO_IN_ONE
from reportqa.language.places import place_words
from reportqa.language.quantities import MEASURE_WORDS
from reportqa.language.segmentation import word_starts
from reportqa.question.analysis import CONTENT, DOCUMENT_WORDS, HOW_MUCH_EN, MEASURE_NOUNS, STANCE_WORDS
from reportqa.question.comparison import (
    YEAR,
    Comparison,
    Tagger,
    at_the_time_of,
    one_apart,
    parallel_words,
    same_head,
    without_comparing_again,
    word_kind,
)

_MEASURES = "".join(sorted(MEASURE_WORDS))  # "多少家", "几项"…
# what asks for a value: "多少", "几个", "多大", "哪一年"… ("这几年", "近几年" ask nothing)
_ASKS = re.compile(
    r"多少|(?<![这近前])几[个家项人名所件台次倍届份种批期轮座条篇位亩吨年]|多大|多高|多长|哪一?年|何时|什么时候"
)
# what "分别" or "各" asks of each thing: a value, or what it is ("各有什么要求")
_ASKS_OF_EACH = re.compile(rf"{_ASKS.pattern}|什么|哪些|哪个")
# the asking words of a clause, with the verb that leads to them ("有多少家", "是多少", "达到多少")
_ASKED_PHRASE = re.compile(rf"(?:是|有|为|达到|达|一共|总共|共有|共|占)?(?:多少|几)[{_MEASURES}人次亩吨年元亿万钱]*")
# "A和B分别是多少", "A与B各有多少": the two things, then what is asked of each
_JOINER = re.compile(r"以及|和|与|及")
_BOTH = re.compile(rf"(?:{_JOINER.pattern})(?P<second>[^，,。？?；;]+?)(?:分别|各自|各)(?P<asked>[^，,。？?；;]*)$")
# "城乡低保标准分别提高到多少": one word for two things, then what is asked of each
# (not one of things listed, "城乡建设用地、工业用地和住宅用地分别…", each of which is asked)
_JOINT_EACH = re.compile(
    rf"(?P<joint>{'|'.join(TWO_IN_ONE)})(?P<rest>[^，,。？?；;、和与及]*?)(?:分别|各自|各)(?P<asked>[^，,。？?；;]*)$"
)
# "…多少A和B": one asking word before two things; "…多少A和多少户B": one before each (the second may go
# on with a word that holds 与 or 和: "参与")
_ASKED_OF_BOTH = re.compile(
    rf"[^，,；;？?]*?(?P<asking>(?:多少|几)[{_MEASURES}]*)"
    r"(?P<first>[^和与及，,；;？?]{2,})(?:和|与|及)(?P<second>[^，,；;？?]{2,})"
)
# where a clause list or a second question starts
# ("其中出口、进口各是多少" is one clause that asks of each)
_CLAUSE_BREAK = re.compile(r"[，,；;？?]|、(?=[^、]*(?:多少|几))(?![^、，,？?]*(?:各|分别))")
# words that set the time of a part apart from the question's year ("后来增加到多少", "到“十四五”末")
_SAME_TIME = re.compile(r"^(?:同年|同期|当年)")
_PLAN_NAME = "[一二三四五六七八九十]{1,3}五"  # "十三五"
_PLAN = rf"“?{_PLAN_NAME}”?"  # "“十三五”"
# a plan's name in quotes, and one without them (not inside a longer numeral, nor already quoted)
_QUOTED_PLAN = re.compile(rf"“({_PLAN_NAME})”")
_BARE_PLAN = re.compile(rf"(?<![“一二三四五六七八九十])({_PLAN_NAME})(?![”一二三四五六七八九十])")
_OWN_TIME = re.compile(rf"后来|目前|现在|如今|之后|此后|最终|截至|{_PLAN}(?:末|期间|时期)")
_STANCE_SAID = re.compile(rf"(?:{'|'.join(STANCE_WORDS)}|目标|要求)")  # a part's own stance: planned or done
_FIRST_STANCE = re.compile("|".join(STANCE_WORDS))
_CONTEXT_CLASSES = ("ns", "m", "t")  # places, years and dates that open a question
# the measures of a thing a part may ask, and the kind of figure asked ("值多少钱")
_MEASURE_NOUNS = MEASURE_NOUNS | {"值", "钱"}
# the words that say a first part asks a target ("原定目标", "计划新建")
_TARGET_SET = re.compile(r"原定|原计划|计划|预期|预计|目标")
# a rate of the thing the first part asks about ("覆盖率", "增长率", "完成率")
_RATE = re.compile(r"\w{2}率")


# English: a second clause that asks ("…, and how quickly did it rise?", "…? What was the plan for 2025?")
_EN_WH = r"what|which|where|when|who|why"
_EN_NEXT_CLAUSE = re.compile(rf"(?:\?\s*|,?\s+and\s+)(?=(?:how|{_EN_WH})\b)", re.IGNORECASE)
_EN_ASKING = re.compile(
    rf"\b(?:{HOW_MUCH_EN}|(?:{_EN_WH})\b)"
    r"(?:\s+(?:was|were|is|are|did|does|do|has|have|had)\b)?",
    re.IGNORECASE,
)
# a clause that names nothing of its own but refers back ("where does it stand", "what was the plan")
# or asks only what was planned of it ("…, and what was expected for 2020?")
_EN_REFERS_BACK = re.compile(
    r"\b(?:it|its|they|their|them|this|that|the target|the goal|the growth)\b"
    r"|^\W*(?:what|how\s+(?:many|much))\s+(?:was|were|is|are)\s+(?:expected|planned|projected|targeted)\b",
    re.IGNORECASE,
)
# "A、B、C分别增长多少": the last "、" before 分别 or 各, which joins the last two as "和" would
_LAST_LISTED = re.compile(r"、(?=[^、，,。？?；;和与及]+(?:分别|各自|各)[^、]*$)")
# "…物价涨幅三个目标": how many things were listed, and what each is
_COUNTED_THINGS = re.compile(r"[两二三四五六七八九十]+[个项](?P<what>[^、和与及]*)$")
_EN_YEAR = re.compile(r"\b(?:in\s+)?(?:19|20)\d{2}\b")


def split_english_parts(question: str) -> Comparison | None:
    """One question per clause of an English question that asks two things; a clause that refers
    back to the first ("…, and how quickly did it rise?") is asked of what the first names."""
    text = question.strip().rstrip("?. ")
    pieces = [p.strip(" ,") for p in _EN_NEXT_CLAUSE.split(text) if p.strip(" ,")]
    if len(pieces) < 2 or not all(_EN_ASKING.search(p) for p in pieces):
        return None
    head = pieces[0]
    subject = " ".join(_EN_ASKING.sub(" ", head, count=1).split())  # "Wuxi's GDP in 2021"
    sides = [(subject or head, f"{head}?")]
    for piece in pieces[1:]:
        own = piece
        if _EN_REFERS_BACK.search(piece):
            shared = " ".join(_EN_YEAR.sub(" ", subject).split()) if _EN_YEAR.search(piece) else subject
            own = f"{piece} ({shared})"
        sides.append((" ".join(_EN_ASKING.sub(" ", piece, count=1).split()) or piece, f"{own}?"))
    return Comparison(tuple(sides), "", all_parts=False)


def split_parts(question: str, tag: Tagger) -> Comparison | None:
    """One question per thing asked, or None when the question asks one thing."""
    # (a plan's name in quotes, "“十二五”末和“十三五”末的…", is split as its bare name is, and quoted again)
    said = without_comparing_again(question).rstrip("？?。 ")
    text = _QUOTED_PLAN.sub(r"\1", said)
    parts = _both(text, tag) or _joint_each(text) or _asked_of_both(text) or _clauses(text, tag)
    if parts is None or text == said:
        return parts
    quoted = tuple(tuple(_BARE_PLAN.sub(r"“\1”", words) for words in side) for side in parts.sides)
    return replace(parts, sides=quoted)


def _joint_each(text: str) -> Comparison | None:
    """ "城乡居民人均可支配收入分别增长多少": a part for each of the two things the joint word names."""
    match = _JOINT_EACH.search(text)
    if match is None or not _ASKS.search(match.group("asked")):
        return None
    opening, rest, asked = text[: match.start()], match.group("rest"), match.group("asked")
    return Comparison(
        tuple((f"{part}{rest}", f"{opening}{part}{rest}{asked}？") for part in TWO_IN_ONE[match.group("joint")]),
        "",
        all_parts=False,
    )


def _asked_of_both(text: str) -> Comparison | None:
    """ "退出了多少钢铁产能和煤炭产能": what is asked, then two things of one head word, each asked; "有多少名
    干部和多少户群众": two things, each asked its own way."""
    match = _ASKED_OF_BOTH.fullmatch(text)
    if match is None:
        return None
    opening, first, second = text[: match.start("first")], match.group("first"), match.group("second")
    own_asking = _ASKED_PHRASE.match(second.removeprefix("有"))
    if own_asking is None and not same_head(first, second):
        return None
    # the second with its own asking words takes the opening without the first's
    second_opening = opening[: match.start("asking")] if own_asking else opening
    sides = ((first, f"{opening}{first}？"), (_label(second), f"{second_opening}{second}？"))
    return Comparison(sides, "", all_parts=False)


def _both(text: str, tag: Tagger) -> Comparison | None:
    listed = _LAST_LISTED.sub("和", text)
    # (at a word of its own: the 及 of "普及率" joins nothing)
    starts = word_starts(listed)
    joiners = (joiner.start() for joiner in _JOINER.finditer(listed) if joiner.start() in starts)
    match = next((found for at in joiners if (found := _BOTH.match(listed, at))), None)
    if match is None or not _ASKS_OF_EACH.search(match.group("asked")) or _CLAUSE_BREAK.search(listed[: match.start()]):
        return None  # (a clause before it asks too: `_clauses` splits the question first)
    before, second, asked = listed[: match.start()], match.group("second"), match.group("asked")
    before, *middle = before.split("、")  # "经济增速、城镇新增就业和物价涨幅": the things listed between
    # "…物价涨幅三个目标": what each of them is ("目标"), said once for all, after how many they are
    counted = _COUNTED_THINGS.search(second)
    shared = counted.group("what") if counted else ""
    second = second[: counted.start()] if counted else second
    if second.endswith("的") and not middle:
        # "年初定的目标和年底实际完成的": a clause that stands for its noun parallels the whole first one
        first, second_alone = before, second
    else:
        first, second_alone = parallel_words(before, second, tag)
        year, second_year = YEAR.match(first), YEAR.match(second)
        if not middle and year and year.end() < len(first) and second_year and second_alone == second_year.group(0):
            # "2023年A的实际增幅和2024年预期的增幅": the second is the first's thing at its own year and stance
            of_year = at_the_time_of(before, second, tag, f"{asked}？")
            if of_year is not None:
                return Comparison(((first, f"{before}{asked}？"), (second, of_year)), "", all_parts=False)
    things = [first, *middle, _with_modifier_of(first, second_alone, tag) if not middle else second_alone]
    if not all(CONTENT.search(thing) for thing in things):
        return None  # "目标和“十三五”末实际达到的": no two parallel things to tell apart
    prefix = before[: len(before) - len(first)]
    suffix = second[len(second_alone) :] + shared
    return Comparison(
        tuple((label, f"{prefix}{label}{suffix}{asked}？") for label in things),
        "",
        all_parts=False,
    )


def _with_modifier_of(first: str, second: str, tag: Tagger) -> str:
    """The second of two things with the words before the first's last one, where the second is one word
    that differs from that last word in its first character only: "公路客运量和货运量" asks of 公路货运量,
    "货物出口额和进口额" of 货物进口额; any other second as it is."""
    words = [word for word, _ in tag(first)]
    if len(words) < 2 or len(list(tag(second))) != 1:
        return second
    last = words[-1]
    if len(second) > 2 and one_apart(last, second) and last[0] != second[0]:
        return first[: -len(last)] + second
    return second


def _clauses(text: str, tag: Tagger) -> Comparison | None:
    pieces = [p.strip() for p in _CLAUSE_BREAK.split(text) if p.strip()]
    # "根据…报告，A是多少，B多少", "截至2020年底，…": what opens the question without asking is said of every part
    lead = ""
    while len(pieces) > 2 and not _ASKS.search(pieces[0]) and text[len(lead) + len(pieces[0]) :][:1] in "，,":
        lead += f"{pieces.pop(0)}，"
    # "…？请按2032年政府工作报告回答": what closes it without asking is said of every part too
    closing: list[str] = []
    while len(pieces) > 2 and not _ASKS.search(pieces[-1]) and not _echoed(pieces[-1]):
        closing.insert(0, pieces.pop())
    tail = f"（{'，'.join(closing)}）" if closing else ""
    opening = text[len(lead) + len(pieces[0]) :][:1] if pieces else ""
    setting_first = len(pieces) == 2 and not _ASKS.search(pieces[0]) and opening in "，,"
    if setting_first and (both := _both(pieces[1], tag) or _asked_of_both(pieces[1])):
        # "2020年，城镇和农村居民收入分别是多少", "…的比重，目标和实际各是多少": the first clause says
        # what both things are of, or when
        return Comparison(
            tuple((label, f"{lead}{pieces[0]}，{question}") for label, question in both.sides), "", all_parts=False
        )
    # "…比率是多少？地表水…比例呢": a clause ending in 呢 asks what the first one asks
    echoes = [_echoed(p) for p in pieces]
    asked = _ASKED_PHRASE.search(pieces[0]) if pieces else None
    if asked and asked.group(0):
        pieces = [f"{echo}{asked.group(0)}" if echo else p for p, echo in zip(pieces, echoes, strict=True)]
    if len(pieces) < 2 or not all(_ASKS.search(p) for p in pieces):
        return None
    head = pieces[0]
    words = list(tag(head))
    # the places and years that open it ("陕西2020年"), and its words before its verb or what it asks
    # (a place the gazetteer knows, whatever class the tagger gives it: 海口 is a locative "s")
    places = place_words(head)
    words = [(word, "ns" if word in places else word_class) for word, word_class in words]
    context = _opening(words, lambda word_class: word_class.startswith(_CONTEXT_CLASSES))
    subject = _opening(words, lambda word_class: not word_class.startswith(("v", "p", "r", "d")))
    if subject.startswith(context) and subject[len(context) :] in STANCE_WORDS and asked and asked.group(0):
        subject = context  # "计划改造多少套城镇棚户区？实际完成了多少套": the stance is the part's own
    if subject == context and asked and asked.group(0):
        # "济南2022年新增了多少家专精特新企业": the thing is named after what is asked; in
        # "湘潭新增大学生创业企业多少家" (a verb opens it) before
        after = asked.end() < len(head)
        subject += _ASKED_PHRASE.split(head, maxsplit=1)[-1] if after else head[len(context) : asked.start()]
    elif asked and asked.group(0) and head.startswith(subject) and len(subject) < asked.start():
        # "2021年新注册个体工商户多少户": a verb inside the thing's name is no end of it, where a noun
        # ends what comes before the asking ("市场主体"; not "增加值增长多少", which asks of 增加值)
        before = [word_class for _word, word_class in tag(head[: asked.start()])]
        if before and word_kind(before[-1]) == "n":
            subject = head[: asked.start()]
    sides = [(_label(head), f"{head}？")]
    previous = subject  # what the part before asks of: a "其中" part is of it
    for piece, echo in zip(pieces[1:], echoes[1:], strict=True):
        piece = _SAME_TIME.sub("", piece)  # "同年全国…": the question's year, which the part shares
        piece_words = list(tag(piece))
        own_time = _OWN_TIME.search(piece) or YEAR.search(piece)
        if echo and head.startswith(subject) and (replaced := _in_place_of(subject, echo)):
            piece = replaced + head[len(subject) :]  # "那农村居民呢": the first clause, of 农村居民
        # "太原到“十三五”末又有多少家": a place that opens the part stands in for the question's (one
        # further on is what it is about: "多少条通往开封的城际公交")
        own_place = any(piece.startswith(place) for place in place_words(piece))
        of_the_subject = _of_the_subject(piece, piece_words, subject, tag)
        if of_the_subject:
            # "比上年增长多少", "其中国家级几家": of the first part's subject (of the part before, for 其中),
            # in its year unless it names its own time
            of = previous if piece.startswith("其中") else subject
            target = _TARGET_SET.search(of) if piece.startswith(tuple(STANCE_WORDS)) else None
            if target and len(of[: target.start()]) > len(context):
                # "原定目标是多少，实际达到多少": the part says its own stance; the first's is not its
                of = of[: target.start()]
            if _STANCE_SAID.search(piece) and (stance := _FIRST_STANCE.search(of)):
                of = of[: stance.start()]  # "…实际新建多少公里？目标是多少公里": the part's stance, not the first's
            own = f"{_without(of, own_time=bool(own_time), own_place=own_place)}{piece}"
        else:
            own = piece
        # the question's place, and its year unless the part names its own time ("2021年的目标")
        shared = _without(context, own_time=bool(own_time), own_place=own_place)
        if shared and not own.startswith(shared):
            own = _with_context(own, shared, subject)
        sides.append((_label(piece), f"{own}？"))
        asking = _ASKS.search(own)
        previous = _ASKED_PHRASE.sub("", own[: asking.start()]) if asking else own
        if of_the_subject and not piece.startswith("其中"):
            previous = subject  # "比上年增长多少" asks more of it: a "其中" part after is still of the subject
    # a clause that names two things and asks each ("…一共几家？省级A和省级B分别多少？"): one part per thing
    split = [(side, _both(side[1].rstrip("？"), tag)) for side in sides]
    parts = (part for side, both in split for part in (both.sides if both else (side,)))
    return Comparison(tuple((label, f"{lead}{question}{tail}") for label, question in parts), "", all_parts=False)


def _of_the_subject(piece: str, words: Sequence[tuple[str, str]], subject: str, tag: Tagger) -> bool:
    """The clause asks about the first part's subject: it opens with 其中, 占 or a preposition ("与GDP之比",
    "比上年增长多少"), or names no noun of its own but a measure of something ("年末总数多少户", "覆盖率是多少")
    or a scope."""
    if piece.startswith(("其中", "占")) or (words and words[0][1].startswith("p")):
        return True
    # a place, a time, a stance ("太原", "“十三五”末", "实际") or the document ("政府工作报告定的目标")
    # names when, where or by whom, not what
    places = place_words(piece)
    own = [
        w
        for w, c in words
        if word_kind(c) == "n"
        and w not in subject
        and w not in places
        and w not in DOCUMENT_WORDS
        and not re.fullmatch(rf"{_PLAN}|\W+", w)
    ]
    return all(
        w in _MEASURE_NOUNS
        or w in STANCE_WORDS
        or w.startswith("全")
        or (piece.startswith(w) and _rate_of_doing(w, tag))
        for w in own
    )


def _rate_of_doing(word: str, tag: Tagger) -> bool:
    """A rate named by what is done ("覆盖率", "完成率"), which is a measure of some thing, not an indicator
    of its own ("城镇化率")."""
    if not _RATE.fullmatch(word):
        return False
    stem = list(tag(word[:-1]))
    return len(stem) == 1 and stem[0][1] == "v"


def _without(opening: str, *, own_time: bool, own_place: bool) -> str:
    """The first part's `opening` without its years when a part names its own time, and without its
    places when the part names its own place."""
    for place in place_words(opening) if own_place else ():
        opening = opening.replace(place, "", 1)
    return (YEAR.sub("", opening) if own_time else opening).lstrip("的")


def _echoed(piece: str) -> str:
    """What a clause ending in 呢 names ("那农村居民呢": 农村居民), or "" for any other clause."""
    return piece.removeprefix("那").removesuffix("呢") if piece.endswith("呢") and not _ASKS.search(piece) else ""


def _in_place_of(subject: str, echo: str) -> str:
    """The subject with `echo` in place of as many characters, ending where the subject holds the end
    of `echo` ("2020年城镇居民人均可支配收入", "农村居民": "2020年农村居民人均可支配收入"); else ""."""
    for size in range(len(echo) - 1, 1, -1):
        at = subject.find(echo[-size:])
        start = at + size - len(echo)
        if at >= 0 and start >= 0 and not re.search(r"\d|年", subject[start:at]):
            return subject[:start] + echo + subject[at + size :]
    return ""


def _label(piece: str) -> str:
    """What a clause asks about, without the asking ("补助总额多少" -> "补助总额")."""
    return _ASKED_PHRASE.sub("", piece).rstrip("的了") or piece


def _with_context(own: str, context: str, subject: str) -> str:
    """The part with the question's leading place and year, unless it already opens with them."""
    return own if subject and own.startswith(subject) and subject.startswith(context) else f"{context}{own}"


def _opening(words: Sequence[tuple[str, str]], keeps: Callable[[str], bool]) -> str:
    """The words that open a clause while their class `keeps` and they do not ask ("2020年全国国内生产总值"
    of "2020年全国国内生产总值是多少")."""
    out = []
    for word, word_class in words:
        if not keeps(word_class) or _ASKS.search(word):
            break
        out.append(word)
    return "".join(out)
