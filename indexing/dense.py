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

IVF_NPROBE = 32  # lists probed per query
IVF_TRAIN_MAX = 100_000  # training sample (seeded); grown to IVF_MIN_POINTS per list when nlist needs it
IVF_MIN_POINTS = 40  # training points per list: faiss k-means wants at least 39
IVF_SEED = 0


def ivf_nlist(n: int) -> int:
    """Inverted lists for `n` vectors: about 4 * sqrt(n) (a power of two), at most n / IVF_MIN_POINTS, at least 1."""
    if n <= 0:
        return 1
    target = 1 << max(0, round(np.log2(4 * np.sqrt(n))))
    return max(1, min(target, n // IVF_MIN_POINTS))


def ivf_index(vectors: np.ndarray, nlist: int | None = None, *, seed: int = IVF_SEED) -> faiss.IndexIVFFlat:
    """An inner-product ``IndexIVFFlat`` over `vectors` ((n, d) float32, n > 0), trained on a seeded sample."""
    n, d = vectors.shape
    nlist = ivf_nlist(n) if nlist is None else nlist
    quantizer = faiss.IndexFlatIP(d)
    index = faiss.IndexIVFFlat(quantizer, d, nlist, faiss.METRIC_INNER_PRODUCT)
    index.own_fields = True
    quantizer.this.disown()  # the index owns its quantizer (kept alive past this function)
    index.cp.seed = seed
    index.cp.min_points_per_centroid = 1  # nlist is already bounded by the training set
    train_n = min(n, max(IVF_TRAIN_MAX, IVF_MIN_POINTS * nlist))
    rng = np.random.default_rng(seed)
    sample = vectors if train_n == n else vectors[np.sort(rng.choice(n, size=train_n, replace=False))]
    index.train(np.ascontiguousarray(sample))
    index.nprobe = min(IVF_NPROBE, nlist)
    index.add(vectors)
    return index


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
