"""FAISS dense index over L2-normalised float32 vectors: inner product is cosine similarity.

    index = DenseIndex.build(vectors, approx_threshold=settings.approx_index_threshold)
    scores, ids = index.search(query_vector, k=50)     # best first; ids index the rows of `vectors`
    index.save(path); DenseIndex.load(path)             # faiss.write_index / read_index, no pickle

Exact search (``IndexFlatIP``) below `approx_threshold` vectors; above it an HNSW graph
(``IndexHNSWFlat``, inner product, M=32, efConstruction=200, efSearch=max(128, k)), which keeps recall@50
near exact search at a fraction of the cost.
"""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

HNSW_M = 32
HNSW_EF_CONSTRUCTION = 200
HNSW_EF_SEARCH = 128


class DenseIndex:
    def __init__(self, index: faiss.Index) -> None:
        self.index = index

    @property
    def size(self) -> int:
        return int(self.index.ntotal)

    @property
    def dimension(self) -> int:
        return int(self.index.d)

    @property
    def approximate(self) -> bool:
        return isinstance(self.index, faiss.IndexHNSW)

    @classmethod
    def build(cls, vectors: np.ndarray, *, approx_threshold: int = 200_000, dimension: int | None = None) -> DenseIndex:
        """An index over the rows of `vectors` ((n, d) float32); `dimension` is needed only when n == 0."""
        if approx_threshold <= 0:
            raise ValueError(f"approx_threshold must be greater than 0, got {approx_threshold}")
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if vectors.ndim != 2:
            raise ValueError(f"vectors must be an (n, d) matrix, got shape {vectors.shape}")
        d = vectors.shape[1] if vectors.shape[0] or dimension is None else dimension
        if d <= 0:
            raise ValueError("cannot build a dense index of dimension 0: pass `dimension` for an empty index")
        if vectors.shape[0] > approx_threshold:
            index = faiss.IndexHNSWFlat(d, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
            index.hnsw.efSearch = HNSW_EF_SEARCH
        else:
            index = faiss.IndexFlatIP(d)
        if vectors.shape[0]:
            index.add(vectors)
        return cls(index)

    def search(self, query_vector: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores, ids) of the `k` nearest rows, best first; fewer when the index holds fewer."""
        if k <= 0:
            raise ValueError(f"k must be greater than 0, got {k}")
        k = min(k, self.size)
        if k == 0:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        query = np.ascontiguousarray(np.asarray(query_vector, dtype=np.float32).reshape(1, -1))
        if query.shape[1] != self.dimension:
            raise ValueError(f"query vector has dimension {query.shape[1]}, the index {self.dimension}")
        if self.approximate:
            params = faiss.SearchParametersHNSW(efSearch=max(HNSW_EF_SEARCH, k))
            scores, ids = self.index.search(query, k, params=params)
        else:
            scores, ids = self.index.search(query, k)
        keep = ids[0] >= 0
        return scores[0][keep], ids[0][keep].astype(np.int64)

    def save(self, path: Path) -> None:
        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path) -> DenseIndex:
        return cls(faiss.read_index(str(path)))
