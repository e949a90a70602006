"""How Chinese reports number their headings and points: "第二章", "三、", "（一）", "3.", "①", "一是".

The one description of numbering: ingest finds headings by it (`HEADING_MARKERS`), the outline
names a heading's item without it (`strip_numbering`) and reads a paragraph's numbered point
(`NUMBERED_POINT`), answering knows a point's opening (`POINT_OPENING`).

    >>> strip_numbering("第一节 深化科技管理体制改革"), strip_numbering("（二）多措并举扩就业")
    ('深化科技管理体制改革', '多措并举扩就业')
    >>> bool(POINT_OPENING.match("二是创新载体偏少")), bool(POINT_OPENING.match("3.5万人"))
    (True, False)
"""

from __future__ import annotations

import re

import cn2an

NUMERALS = "一二三四五六七八九十百零〇"
_ANY_NUMBER = rf"[{NUMERALS}\d]+"
# a bracketed number: "（一）", "(3)"
NUMBERED_POINT = rf"[（(]\s*(?P<bracketed>[{NUMERALS}]+|\d{{1,2}})\s*[）)]"
# a point said in words: "二是…"
_SAID_POINT = rf"(?P<said>[{NUMERALS}]{{1,3}})是"
_ARABIC = r"\d{1,2}\s*(?:[、．]|\.(?!\d))"  # "3、", "4." but not "3.5"

# the numbering a heading line opens with, by style, in the order ingest tries them
HEADING_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (style, re.compile(f"^{pattern}"))
    for style, pattern in (
        ("case", rf"典型案例\s*{_ANY_NUMBER}\s*[：:]?"),
        ("pian", rf"第{_ANY_NUMBER}[篇编](?:\s|　|$)"),
        ("zhang", rf"第{_ANY_NUMBER}章(?:\s|　|$)"),
        ("jie", rf"第{_ANY_NUMBER}节(?:\s|　|$)"),
        ("cn", rf"[{NUMERALS}]+\s*[、．.]"),
        ("paren_cn", rf"[（(]\s*[{NUMERALS}]+\s*[）)]"),
        ("arabic", _ARABIC),
        ("paren_arabic", r"[（(]\s*\d{1,2}\s*[）)]"),
        ("circled", r"[①-⑳]"),
    )
)
# a point said inside a paragraph ("一是…，二是…") or opening one ("（二）…", "3.…")
POINT_OPENING = re.compile(rf"[{NUMERALS}]+是|{NUMBERED_POINT}|{_ARABIC}")
# a point said inside a paragraph, where a clause begins: "…面临不少挑战：一是创新驱动不够充分。二是…"
INLINE_POINT = re.compile(rf"(?:^|(?<=[：:。；;，,\n])){_SAID_POINT}")
# what a paragraph that is a numbered point opens with: "（一）多措并举扩就业。", "二是高层次人才匮乏。"
PARAGRAPH_POINT = rf"(?:{NUMBERED_POINT}|{_SAID_POINT}|(?P<arabic>\d{{1,2}})\s*(?:[、．]|\.(?!\d)))"
_POINT_NUMBER = re.compile(f"^{PARAGRAPH_POINT}")
# numbering no heading line is found by, which a heading or point still carries: "## 第一部分 总体要求",
# "第三条 …", "第五，…", "第一章总则" (no space), "二是…"
_WRITTEN_ORDINAL = re.compile(rf"^(?:第{_ANY_NUMBER}(?:部分|[篇编章节条，、])|{_SAID_POINT})")


def ordinal(numeral: str) -> int | None:
    """The number a Chinese numeral of a point says: "十二" -> 12; None if it is none."""
    try:
        return int(cn2an.cn2an(numeral, "strict"))
    except ValueError:
        return None


def point_number(title: str) -> int | None:
    """The number of the point `title` opens with: "（三）…", "三是…" and "3．…" -> 3; None if it opens with none."""
    opening = _POINT_NUMBER.match(title)
    if opening is None:
        return None
    numeral = opening.group("bracketed") or opening.group("said") or opening.group("arabic")
    return int(numeral) if numeral.isdigit() else ordinal(numeral)


def strip_numbering(title: str) -> str:
    """`title` without the numbering it opens with: what a list of headings names."""
    title = title.strip()
    for pattern in (_WRITTEN_ORDINAL, *(pattern for _, pattern in HEADING_MARKERS)):
        opening = pattern.match(title)
        if opening:
            return title[opening.end() :].strip()
    return title
