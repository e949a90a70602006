"""Split passages into sentences with offsets, so an answer can quote the one that answers."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』）)]*|\n+")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offsets into the passage it was split from
    end: int


def split_sentences(passage: str) -> list[Sentence]:
    """Sentences of `passage` with their exact spans; whitespace around them is not included."""
    sentences: list[Sentence] = []
    position = 0
    for match in _SENTENCE_END.finditer(passage):
        _append(passage, position, match.end(), sentences)
        position = match.end()
    _append(passage, position, len(passage), sentences)
    return sentences


def _append(passage: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and passage[start].isspace():
        start += 1
    while end > start and passage[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(passage[start:end], start, end))
