"""BM25 keyword index (bm25s) over token lists that the caller produces (``Lexicon.keyword_tokens``).

    index = KeywordIndex.build([lexicon.keyword_tokens(p) for p in passages])
    scores, ids = index.search(lexicon.keyword_tokens("高企数量"), k=50)   # only chunks that match a token
    index.save(folder); KeywordIndex.load(folder)                           # bm25s files, allow_pickle=False
    index.idf("高新技术企业")                                                # how rare a term is in the index
    index.frequency_within("空气")                                           # passages of tokens holding it
    index.words_holding("空气", 3)                                           # those tokens, the most used first
    index.document_weights(), index.query_weights(tokens)                  # the same scores as sparse vectors

An empty query, a query of unknown words, an index of no chunks (or only token-less chunks) all
return no hits; `k` larger than the index is fine.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

import bm25s
import numpy as np

from reportqa.indexing import npy_reading

_EMPTY_MARKER = "empty.json"  # written instead of bm25s files when no chunk has a token


class KeywordIndex:
    def __init__(self, bm25: bm25s.BM25 | None, num_docs: int) -> None:
        self.bm25 = bm25
        self.num_docs = num_docs
        self._df: np.ndarray | None = None
        self._tokens_by_pair: dict[str, list[tuple[str, int]]] | None = None  # for `frequency_within`, `words_holding`
        if bm25 is not None:
            self._df = np.diff(np.asarray(bm25.scores["indptr"]))  # CSC by term: entries per column = df

    @classmethod
    def build(cls, token_lists: Sequence[Sequence[str]]) -> KeywordIndex:
        corpus = [[t for t in tokens if t] for tokens in token_lists]
        if not any(corpus):
            return cls(None, len(corpus))
        bm25 = bm25s.BM25()
        with np.errstate(divide="ignore", invalid="ignore"):
            bm25.index(corpus, show_progress=False)
        return cls(bm25, len(corpus))

    def search(self, tokens: Sequence[str], k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores, ids) of up to `k` chunks with a positive score, best first (ties: lower id first)."""
        if k <= 0:
            raise ValueError(f"k must be greater than 0, got {k}")
        empty = np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        if self.bm25 is None:
            return empty
        token_ids = self.bm25.get_tokens_ids([t for t in tokens if t])
        if not token_ids:
            return empty
        scores = np.asarray(self.bm25.get_scores_from_ids(token_ids), dtype=np.float32)
        candidates = np.flatnonzero(scores > 0)
        if candidates.size > k:  # keep every chunk scoring at least the k-th best, so ties at the cut go by id
            kth_best = -np.partition(-scores[candidates], k - 1)[k - 1]
            candidates = candidates[scores[candidates] >= kth_best]
        order = np.lexsort((candidates, -scores[candidates]))[:k]
        ids = candidates[order].astype(np.int64)
        return scores[ids], ids

    def query_weights(self, tokens: Sequence[str]) -> dict[int, float]:
        """The query as a sparse vector over term ids: how often each known token occurs in it.

        Its dot product with `document_weights()[i]` is `search`'s score of chunk i (bm25s adds a
        term's chunk scores once per occurrence in the query).
        """
        if self.bm25 is None:
            return {}
        weights: dict[int, float] = {}
        for token_id in self.bm25.get_tokens_ids([t for t in tokens if t]):
            weights[int(token_id)] = weights.get(int(token_id), 0.0) + 1.0
        return weights

    def document_weights(self) -> list[dict[int, float]]:
        """Every chunk as a sparse vector over term ids: its BM25 score for each term it holds ({} for none)."""
        rows: list[dict[int, float]] = [{} for _ in range(self.num_docs)]
        if self.bm25 is None:
            return rows
        scores = self.bm25.scores  # CSC by term: column t holds the chunks that contain term t
        indptr = np.asarray(scores["indptr"])
        terms = np.repeat(np.arange(len(indptr) - 1), np.diff(indptr))
        for chunk, term, weight in zip(
            np.asarray(scores["indices"]).tolist(), terms.tolist(), np.asarray(scores["data"]).tolist(), strict=True
        ):
            rows[chunk][term] = weight
        return rows

    def document_frequency(self, term: str) -> int:
        if self.bm25 is None or self._df is None:
            return 0
        column = self.bm25.vocab_dict.get(term)
        if column is None or column >= len(self._df):
            return 0
        return int(self._df[column])

    def frequency_within(self, word: str) -> int:
        """How often the index holds `word` inside its tokens ("空气" in 空气质量), one count per passage
        of each token: a word jieba never cuts out alone is used by the passages holding it in others."""
        return sum(count for _token, count in self._holding(word))

    def words_holding(self, word: str, limit: int) -> list[str]:
        """Up to `limit` tokens holding `word` inside them (空气质量 of "空气"), those of most passages first."""
        return [token for token, _count in sorted(self._holding(word), key=lambda tc: (-tc[1], tc[0]))[:limit]]

    def _holding(self, word: str) -> list[tuple[str, int]]:
        """(token, passages holding it) of each token that holds `word`."""
        if self.bm25 is None or self._df is None or len(word) < 2:
            return []
        if self._tokens_by_pair is None:  # the tokens holding each pair of characters, gathered once
            self._tokens_by_pair = {}
            for token, column in self.bm25.vocab_dict.items():
                for pair in {token[i : i + 2] for i in range(len(token) - 1)}:
                    self._tokens_by_pair.setdefault(pair, []).append((token, column))
        df = self._df
        holding = self._tokens_by_pair.get(word[:2], [])
        return [(token, int(df[column])) for token, column in holding if word in token and column < len(df)]

    def idf(self, term: str) -> float:
        """BM25 (Lucene) idf, log(1 + (N - df + 0.5) / (df + 0.5)); a term absent from the index gets df = 0."""
        df = self.document_frequency(term)
        return math.log(1.0 + (self.num_docs - df + 0.5) / (df + 0.5))

    def save(self, folder: Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        if self.bm25 is None:
            (folder / _EMPTY_MARKER).write_text(json.dumps({"num_docs": self.num_docs}), encoding="utf-8")
        else:
            self.bm25.save(folder, allow_pickle=False, show_progress=False)

    @classmethod
    def load(cls, folder: Path) -> KeywordIndex:
        folder = Path(folder)
        marker = folder / _EMPTY_MARKER
        if marker.exists():
            return cls(None, int(json.loads(marker.read_text(encoding="utf-8"))["num_docs"]))
        with npy_reading.READING:
            bm25 = bm25s.BM25.load(folder, allow_pickle=False, load_corpus=False, show_progress=False)
        return cls(bm25, int(bm25.scores["num_docs"]))
