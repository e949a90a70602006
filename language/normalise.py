"""The one text normalisation of the project: every document on load and every question.

What a PDF's text layer or an office's typing puts in place of the ordinary character, mapped back
one character for one (so the text keeps its length, and an offset means the same before and after):

- CJK radicals standing in for the ideographs they look like (fonts share one glyph between them, and
  a PDF's text layer may name either): Kangxi radicals by NFKC (⼈ -> 人, ⽉ -> 月), the CJK Radicals
  Supplement by the Unicode table NFKC does not apply (radicals_supplement.txt: ⺠ -> 民, ⻓ -> 长, ⻝ -> 食);
- CJK compatibility ideographs -> their unified ideograph (NFKC);
- full-width letters and digits, and the signs written inside numbers (％ ＋ － ． ／), -> ASCII (NFKC);
- every kind of space (ideographic, no-break, en…) -> " ";
- the wave dash 〜, which fonts draw with the full-width tilde's glyph -> ～ (Ⅰ～Ⅲ类);
- a Chinese comma between a number's groups of three digits, as older reports set thousands
  ("植树3，250万株", "12，480亿元") -> ",".

Chinese punctuation (，。、：；？！（）“”) is left as written: headings, figures and quotes are read in it.
No simplified character becomes a traditional one: the tables map glyph look-alikes, not variants. One
Kangxi radical's NFKC form is the traditional character (⼾ DOOR -> 戶) where simplified fonts draw 户
with the radical's glyph (Noto Sans/Serif CJK SC share them): it maps to 户.

    >>> normalise_text("⼈⺠⽣活⽔平，⼀季度增⻓３．５％")
    '人民生活水平，一季度增长3.5%'
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

SUPPLEMENT_FILE = Path(__file__).with_name("radicals_supplement.txt")

KANGXI_RADICALS = range(0x2F00, 0x2FD6)
COMPATIBILITY_IDEOGRAPHS = (range(0xF900, 0xFB00), range(0x2F800, 0x2FA20))
FULL_WIDTH_ALPHANUMERICS = (range(0xFF10, 0xFF1A), range(0xFF21, 0xFF3B), range(0xFF41, 0xFF5B))
NUMBER_SIGNS = "％＋－．／"
# Kangxi radicals whose glyph in simplified-Chinese fonts is not their NFKC form (checked against
# every Kangxi radical in Noto Sans and Serif CJK SC: only DOOR differs)
SIMPLIFIED_GLYPHS = {"\u2f3e": "户"}
LOOK_ALIKE_PUNCTUATION = {"\u301c": "\uff5e"}  # WAVE DASH -> FULLWIDTH TILDE
# the space separators (Unicode category Zs) other than " " itself
SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"


# a number in groups of three digits parted by Chinese commas (the first of one to three digits)
_GROUPED_NUMBER = re.compile(r"(?<![\d.,，])\d{1,3}(?:，\d{3})+(?![\d.])")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# spaces within a line between a figure and a Chinese character
_FIGURE_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[^\S\n]+(?=\d)|(?<=[\d%])[^\S\n]+(?=[\u4e00-\u9fff])")
_NOTE_MARK = re.compile(r"(?<=[\u4e00-\u9fff])\[\d{1,2}\]")  # a note's number after a word


def join_cjk_gaps(text: str) -> str:
    """`text` without the spaces between Chinese characters, which are layout ("组  长", "单 位"), not
    word breaks, nor those between a figure and a Chinese character (`join_figure_gaps`)."""
    return _CJK_GAP.sub("", join_figure_gaps(text))


def join_figure_gaps(text: str) -> str:
    """`text` without the spaces in a line between a figure and a Chinese character, which Chinese does
    not write: a PDF's text layer sets them around figures. Those between Chinese words are kept: they
    may part a name from a post ("于秀栋  局长") or two slogans.

    >>> join_figure_gaps("城镇新增就业 2.46 万人、增长 3.1%，高于目标 0.6 个百分点；2030 年 9 月")
    '城镇新增就业2.46万人、增长3.1%，高于目标0.6个百分点；2030年9月'
    """
    return _FIGURE_GAP.sub("", text)


def without_note_marks(text: str) -> str:
    """`text` without the note numbers set after words ("全国农民工[6]总量为27395万人"): they part the
    words of an indicator's name.

    >>> without_note_marks("全国农民工[6]总量为27395万人，全年国内生产总值[2]827122亿元")
    '全国农民工总量为27395万人，全年国内生产总值827122亿元'
    """
    return _NOTE_MARK.sub("", text)


def without_bold_markers(text: str) -> str:
    """`text` without markdown's bold markers ("**——经济实力迈上新台阶。**地区生产总值…"): a
    report's formatting, not its words; an answer quoting it shows its words.

    >>> without_bold_markers("**——创新能力持续提升。**研发投入增长12%。")
    '——创新能力持续提升。研发投入增长12%。'
    """
    return text.replace("**", "")


def normalise_text(text: str) -> str:
    """``text`` with look-alike characters replaced (see the module docstring); same length.

    >>> normalise_text("植树3，250万株，增长12，比1985年")
    '植树3,250万株，增长12，比1985年'
    """
    return _GROUPED_NUMBER.sub(lambda m: m.group(0).replace("，", ","), text.translate(_table()))


@cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for block in (KANGXI_RADICALS, *COMPATIBILITY_IDEOGRAPHS, *FULL_WIDTH_ALPHANUMERICS, map(ord, NUMBER_SIGNS)):
        for code in block:
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    table.update(dict.fromkeys(map(ord, SPACES), " "))
    table.update(_supplement())
    for replaced, replacement in (*SIMPLIFIED_GLYPHS.items(), *LOOK_ALIKE_PUNCTUATION.items()):
        table[ord(replaced)] = replacement
    return table


def _supplement() -> dict[int, str]:
    """Code point -> ideograph from radicals_supplement.txt ("2E8C..2E8D ; 5C0F  # …" lines)."""
    table: dict[int, str] = {}
    for line in SUPPLEMENT_FILE.read_text(encoding="utf-8").splitlines():
        data = line.split("#", 1)[0].strip()
        if not data:
            continue
        codes, target = (part.strip() for part in data.split(";"))
        first, _, last = codes.partition("..")
        for code in range(int(first, 16), int(last or first, 16) + 1):
            table[code] = chr(int(target, 16))
    return table
