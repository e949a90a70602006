"""Where a Chinese text's words start, by jieba's general dictionary (no domain words): for the
checks that a name or a measure word is a word of its own, not part of a longer one."""

from __future__ import annotations

import bisect
from functools import lru_cache

import jieba


@lru_cache(maxsize=1)
def _segmenter() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@lru_cache(maxsize=4096)
def word_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the text's words, in order (kept: a question is asked it often)."""
    return tuple((start, end) for _, start, end in _segmenter().tokenize(text))


@lru_cache(maxsize=4096)
def word_starts(text: str) -> frozenset[int]:
    """The offsets at which the text's words start, and its end."""
    return frozenset({start for start, _ in word_spans(text)} | {len(text)})


def splits_a_later_word(text: str, start: int, end: int) -> bool:
    """`text[start:end]` ends inside a word that begins after `start`: "城市和县城" holds no 和县
    (和 | 县城), while "北京市民", one word, begins with 北京市."""
    spans = word_spans(text)
    # the word holding `end`: the last to begin before it
    at = bisect.bisect_left(spans, (end, end)) - 1
    return at >= 0 and start < spans[at][0] < end < spans[at][1]
