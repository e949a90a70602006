"""Re-ranking of fused hits by how much of the question each passage holds.

Reciprocal rank fusion keeps only ranks: a passage BM25 ranks first, because it alone holds the
question's rare words, loses to passages both searchers rank middling. The reranker adds to each
hit's fused score (scaled to the best one's) `weight` times the idf-weighted share of the
question's words found in the passage (with its title and section, as indexed).

    reranker = CoverageReranker(lexicon, keyword_index, metas, weight=0.4)
    hits = reranker.rerank("省级以上创新平台一共达到多少家？", retriever.retrieve(question, 15), top_k=5)
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping, Sequence

from reportqa.core.models import Chunk, DocumentMeta, Hit
from reportqa.core.protocols import KeywordTokenizer, TermStats
from reportqa.indexing.passages import passage_text
from reportqa.retrieval.hybrid import joint_tokens

_TOKEN_CACHE = 50_000  # passages' token sets kept per reranker


class CoverageReranker:
    def __init__(
        self,
        tokenizer: KeywordTokenizer,
        term_stats: TermStats,
        documents: Mapping[str, DocumentMeta],
        *,
        weight: float,
    ) -> None:
        if weight < 0:
            raise ValueError(f"rerank weight must be >= 0, got {weight}")
        self.tokenizer = tokenizer
        self.term_stats = term_stats
        self.documents = documents
        self.weight = weight
        self._tokens = functools.lru_cache(maxsize=_TOKEN_CACHE)(self._passage_tokens)

    def rerank(self, text: str, hits: Sequence[Hit], top_k: int, settled_words: Collection[str] = ()) -> list[Hit]:
        """The best `top_k` of `hits` by fused score plus coverage; each keeps its fused score.
        `settled_words` (the place the hits' documents were chosen for) do not count."""
        if not hits or self.weight == 0:
            return list(hits[:top_k])
        # words no passage holds cannot tell passages apart
        terms = {t: self.term_stats.idf(t) for t in self.tokenizer.keyword_tokens(text) if t not in settled_words}
        terms = {t: w for t, w in terms.items() if self.term_stats.document_frequency(t) > 0}
        total = sum(terms.values())
        best = max(h.score for h in hits) or 1.0

        joint = {t: joint_tokens(self.tokenizer, t) for t in terms}

        def score(hit: Hit) -> float:
            held = self._tokens(hit.chunk)
            holds = [t in held or any(all(j in held for j in form) for form in joint[t]) for t in terms]
            coverage = sum(w for (t, w), h in zip(terms.items(), holds, strict=True) if h) / total if total else 0.0
            return hit.score / best + self.weight * coverage

        return sorted(hits, key=lambda h: -score(h))[:top_k]

    def _passage_tokens(self, chunk: Chunk) -> frozenset[str]:
        meta = self.documents.get(chunk.doc_id) or DocumentMeta(title="")
        return frozenset(self.tokenizer.keyword_tokens(passage_text(chunk, meta)))
