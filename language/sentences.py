"""Sentences and clauses of Chinese (and some English) text, with their exact offsets.

The one sentence splitter of the project: chunking packs sentences, answering quotes them,
figures look back to their sentence's start, headings must not end one.

    >>> [s.text for s in split_sentences("全市高企达到512家。其中新增86家！\\n“十三五”收官。”")]
    ['全市高企达到512家。', '其中新增86家！', '“十三五”收官。”']
    >>> [s.text for s in split_clauses("投入资金1.2亿元，建成平台3个、基地5个")]
    ['投入资金1.2亿元，', '建成平台3个、', '基地5个']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SENTENCE_END_MARKS = "。！？；!?;"
# closing quotes and brackets right after a sentence's end belong to that sentence
CLOSERS = "”’」』）)》】\"'"
_SENTENCE_END = re.compile(rf"[{SENTENCE_END_MARKS}\n]+[{CLOSERS}]*")
_CLAUSE_END = re.compile(rf"[，、：]+[{CLOSERS}]*")
_ENDS_SENTENCE = re.compile(f"[{SENTENCE_END_MARKS}]")
# a line that dates a speech or an act by its meeting: "——2031年1月20日在某省人大会议上",
# "（二〇三一年三月五日某市人民代表大会批准）"
_DATELINE = re.compile(
    r"^[>\s—－-]*[（(]?\s*(?:(?:19|20)\d{2}|[一二][〇零一二三四五六七八九]{3})年[^\n。；]{0,60}?"
    r"(?:会议上|会议(?:通过|批准)|(?:通过|批准|发布))\s*[)）]?$"
)
# a short line with no sentence's end: a title, or a speaker's post and name
_BYLINE_LINE = re.compile(rf"(?=.*[\u4e00-\u9fff]{{2}})[^\n{SENTENCE_END_MARKS}，<>]{{2,60}}")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offsets into the text it was split from
    end: int


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of text[start:end] (line breaks end one too), whitespace around them left out."""
    return _split(text, start, len(text) if end is None else end, _SENTENCE_END)


def split_clauses(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Clauses of text[start:end], cut after "，", "、" and "："."""
    return _split(text, start, len(text) if end is None else end, _CLAUSE_END)


def with_bylines(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """`sentences` of `text` with each byline made one: a dateline ("——2031年1月20日在…会议上",
    "（二〇三一年三月五日…会议批准）") with the title line before it and the speaker's line after it
    ("省长  某某"), lines of no sentence's end. Together they say who delivered what, where and when;
    apart, the line with the date names neither the speaker nor the report."""
    out: list[Sentence] = []
    index = 0
    while index < len(sentences):
        sentence = sentences[index]
        if not _DATELINE.match(sentence.text):
            out.append(sentence)
            index += 1
            continue
        first, last = sentence, sentence
        if out and _BYLINE_LINE.fullmatch(out[-1].text) and "\n" in text[out[-1].end : sentence.start + 1]:
            first = out.pop()
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        if following is not None and _BYLINE_LINE.fullmatch(following.text) and not following.text.endswith("："):
            last = following
            index += 1
        out.append(Sentence(on_one_line(text[first.start : last.end]), first.start, last.end))
        index += 1
    return out


def on_one_line(text: str) -> str:
    """A statement of several lines (a byline) on one, without the marks that quote a line or make it a
    heading ("> ", "## ")."""
    if "\n" not in text:
        return text
    return " ".join(line for line in (raw.strip().lstrip(">#").strip() for raw in text.splitlines()) if line)


def sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts: just after the last sentence end before it."""
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, position):
        start = match.end()
    return start


def has_sentence_end(text: str) -> bool:
    """Whether `text` holds a sentence-ending mark (line breaks aside): a heading never does."""
    return _ENDS_SENTENCE.search(text) is not None


def _split(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[Sentence]:
    pieces: list[Sentence] = []
    piece_start = start
    for match in pattern.finditer(text, start, end):
        _append(text, piece_start, match.end(), pieces)
        piece_start = match.end()
    _append(text, piece_start, end, pieces)
    return pieces


def _append(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(text[start:end], start, end))
