"""Where a Chinese text's words start, by jieba's general dictionary (no domain words): for the
checks that a name or a measure word is a word of its own, not part of a longer one."""

from __future__ import annotations

from functools import lru_cache

import jieba


@lru_cache(maxsize=1)
def _segmenter() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@lru_cache(maxsize=4096)
def word_starts(text: str) -> frozenset[int]:
    """The offsets at which the text's words start, and its end (kept: a question is asked it often)."""
    return frozenset({start for _, start, _ in _segmenter().tokenize(text)} | {len(text)})
