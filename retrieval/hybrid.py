"""Hybrid retrieval: FAISS dense search and BM25 keyword search, fused by reciprocal rank.

retriever = HybridRetriever(snapshot, embedder, lexicon, fusion=Fusion(dense_weight=0.7, keyword_weight=1.0, k=20))
hits = retriever.retrieve("2019年高新技术企业有多少家？", top_k=5)
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from reportqa.core.models import Chunk, Hit
from reportqa.core.protocols import KeywordTokenizer, QueryEmbedder
from reportqa.language.lexicon import joint_forms

_WORDS_HOLDING = 3  # of the documents' words holding a question's word they never write alone, the most used


def joint_tokens(tokenizer: KeywordTokenizer, token: str) -> list[list[str]]:
    """The tokens of each way a text may name `token` with another thing ("城乡居民人均可支配收入…分别达到
    X元和Y元" states 城镇居民人均可支配收入)."""
    return [tokenizer.keyword_tokens(form) for form in joint_forms(token)]


@dataclass(frozen=True)
class Fusion:
    """Weighted reciprocal rank fusion: a hit at 0-based rank r in a list scores weight / (k + r + 1).

    A small `k` lets the head of each list count (a passage one searcher ranks first is kept even
    if the other misses it); the weights say how much each searcher is trusted.
    """

    dense_weight: float = 1.0
    keyword_weight: float = 1.0
    k: float = 60.0  # the usual constant of RRF

    def __post_init__(self) -> None:
        if self.dense_weight < 0 or self.keyword_weight < 0 or self.dense_weight + self.keyword_weight == 0:
            raise ValueError(
                f"fusion weights must be >= 0 and not both 0, got {self.dense_weight}, {self.keyword_weight}"
            )
        if self.k <= 0:
            raise ValueError(f"fusion k must be greater than 0, got {self.k}")


class SearchableIndex(Protocol):
    chunks: list[Chunk]
    vectors: np.ndarray
    embedded: np.ndarray  # bool per chunk: has a vector (all, once the index is complete)

    def dense_search(self, query_vector: np.ndarray, k: int) -> list[tuple[int, float]]: ...

    def keyword_search(self, tokens: list[str], k: int) -> list[tuple[int, float]]: ...

    def words_written_in(self, word: str, limit: int) -> list[str]: ...


class HybridRetriever:
    """Fuses dense and keyword rankings; optionally restricted to or boosted towards documents."""

    def __init__(
        self,
        index: SearchableIndex,
        embedder: QueryEmbedder,
        tokenizer: KeywordTokenizer,
        *,
        candidates: int = 50,
        fusion: Fusion | None = None,
    ) -> None:
        if candidates <= 0:
            raise ValueError(f"candidates must be greater than 0, got {candidates}")
        self.index = index
        self.embedder = embedder
        self.tokenizer = tokenizer
        self.candidates = candidates
        self.fusion = fusion or Fusion()
        positions_by_doc: dict[str, list[int]] = {}
        for position, chunk in enumerate(index.chunks):
            positions_by_doc.setdefault(chunk.doc_id, []).append(position)
        self._chunk_ids_by_doc = {doc: np.asarray(ids) for doc, ids in positions_by_doc.items()}
        # a version published before any passage had a vector is searched by keyword alone, and the
        # question is not embedded: the embedder may be an endpoint that is down
        self._has_vectors = bool(np.any(index.embedded))

    @property
    def embeds_questions(self) -> bool:
        """Questions are embedded to be searched (not where no passage has a vector yet)."""
        return self._has_vectors

    def embed(self, text: str) -> np.ndarray:
        return self.embedder.embed_query_vector(text)

    def retrieve(
        self,
        text: str,
        top_k: int = 5,
        *,
        allowed_docs: Collection[str] | None = None,
        doc_boost: Mapping[str, float] | None = None,
        query_vector: np.ndarray | None = None,
        settled_words: Collection[str] = (),
        keyword_only: bool = False,
    ) -> list[Hit]:
        """Top `top_k` hits for `text`. `allowed_docs` restricts, `doc_boost` multiplies fused scores;
        `settled_words` (the place the allowed documents are of) are left out of the keyword search.
        `text` is embedded unless `query_vector` is given or the search is `keyword_only`."""
        if top_k <= 0:
            raise ValueError(f"top_k must be greater than 0, got {top_k}")
        if not self.index.chunks:
            return []
        if query_vector is None and self._has_vectors and not keyword_only:
            query_vector = self.embed(text)
        tokens = [t for t in self.tokenizer.keyword_tokens(text) if t not in settled_words]
        tokens += [j for t in tokens for form in joint_tokens(self.tokenizer, t) for j in form if j not in tokens]
        # "城镇居民的人均可支配收入" asked, "城镇居民人均可支配收入" written: one token of the documents
        tokens += [j for j in self.tokenizer.joined_words(text) if j not in tokens]
        # a word the documents write only inside longer ones ("藏羚" of 藏羚羊, "空气" of 空气质量) is
        # looked for in those
        tokens += [w for t in tokens for w in self.index.words_written_in(t, _WORDS_HOLDING) if w not in tokens]
        if allowed_docs is not None:
            dense, keyword = self._restricted_rankings(query_vector, tokens, allowed_docs)
        else:
            dense = self.index.dense_search(query_vector, self.candidates) if query_vector is not None else []
            keyword = self.index.keyword_search(tokens, self.candidates) if tokens else []
        return self._fuse(dense, keyword, top_k, doc_boost or {})

    def _restricted_rankings(
        self, query_vector: np.ndarray | None, tokens: list[str], allowed_docs: Collection[str]
    ) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
        """Exact scores over the allowed documents' chunks: a global top-k could miss them all."""
        # (in the documents' order, and equal scores by passage: the same question ranks alike in every process)
        arrays = [self._chunk_ids_by_doc[doc] for doc in sorted(allowed_docs) if doc in self._chunk_ids_by_doc]
        if not arrays:
            return [], []
        ids = np.concatenate(arrays)
        dense: list[tuple[int, float]] = []
        if query_vector is not None:
            with_vectors = ids[self.index.embedded[ids]]  # passages not embedded yet are found by keyword only
            scores = self.index.vectors[with_vectors] @ query_vector.astype(np.float32)
            order = np.lexsort((with_vectors, -scores))[: self.candidates]
            dense = [(int(with_vectors[i]), float(scores[i])) for i in order]
        allowed = set(ids.tolist())
        keyword: list[tuple[int, float]] = []
        if tokens:
            wide = self.index.keyword_search(tokens, len(self.index.chunks))
            keyword = [(i, s) for i, s in wide if i in allowed][: self.candidates]
        return dense, keyword

    def _fuse(
        self,
        dense: list[tuple[int, float]],
        keyword: list[tuple[int, float]],
        top_k: int,
        doc_boost: Mapping[str, float],
    ) -> list[Hit]:
        fusion = self.fusion
        fused: dict[int, float] = {}
        dense_rank: dict[int, int] = {}
        keyword_rank: dict[int, int] = {}
        for rank, (position, _score) in enumerate(dense):
            fused[position] = fused.get(position, 0.0) + fusion.dense_weight / (fusion.k + rank + 1)
            dense_rank[position] = rank
        for rank, (position, score) in enumerate(keyword):
            if score <= 0:
                break
            fused[position] = fused.get(position, 0.0) + fusion.keyword_weight / (fusion.k + rank + 1)
            keyword_rank[position] = rank
        chunks = self.index.chunks
        for position in fused:
            fused[position] *= doc_boost.get(chunks[position].doc_id, 1.0)
        best = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:top_k]
        return [
            Hit(
                chunk=chunks[position],
                score=score,
                dense_rank=dense_rank.get(position),
                keyword_rank=keyword_rank.get(position),
            )
            for position, score in best
        ]
