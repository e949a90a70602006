"""Dense and keyword search at 100k and 1M chunks, on a synthetic corpus grown from real vectors and tokens.

    nice -n 15 env PYTHONPATH=. OMP_NUM_THREADS=1 python benchmarks/scale.py --sizes 100000 --no-keyword
    PYTHONPATH=. python benchmarks/scale.py --sizes 1000000 --indexes ivf   # the 1M HNSW build takes long
    PYTHONPATH=. python benchmarks/scale.py --sizes 20000 --queries 50      # a quick check

The seed corpus is built into a temp index (vectors from .cache/vectors); the seed questions' query
embeddings are the real queries (kept in .cache/ once embedded). The base vectors are, by default
(`--base cache`), every passage vector of the embedder in the vector cache (`--vector-cache`, the
SQLite file, opened read-only): thousands of real passages. `--base seed` takes only the seed
corpus chunks (about a hundred), which makes a 1M corpus thousands of noisy copies of each vector:
a pathological case for any graph or cluster index. A corpus of N vectors is N base vectors picked
at random plus gaussian noise, re-normalised; the noise per dimension is `--noise` times the median
distance from a base vector to its nearest other one, over sqrt(d), so a synthetic vector lies about
that far from its source (its cosine to it is printed). The `--queries` query vectors are real query
embeddings jittered alike.

For each size, FAISS exact search (`IndexFlatIP`, the baseline) and, beside it in the same run, each
approximate index of `--indexes`: HNSW (M=32, efConstruction=200, efSearch 128) and IVF
(`indexing.dense.ivf_index`: IndexIVFFlat, inner product, nlist about 4 sqrt(N), trained on a seeded
sample, nprobe `IVF_NPROBE`): build time, index bytes (serialised, as `DenseIndex.save` writes them)
and bytes per chunk, one-query search latency median/p95 through `DenseIndex.search` for k=10 and
k=50 with recall@10 and recall@50 against exact; then a sweep (efSearch for HNSW, nprobe for IVF):
recall@10 and latency per value, and the smallest value that reaches the target recall@10 >= 0.95.

Keyword search (`KeywordIndex`, bm25s) at the same sizes: token lists as long as real chunks'
(picked at random), their tokens drawn from all jieba tokens of the seed chunks (so term
frequencies are the seed's, and the vocabulary stays the seed's: posting lists grow with N,
a pessimistic case); build time, query latency (real question tokens, k=50) beside exact
dense search at that size, score-matrix bytes and saved size.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from contextlib import closing
from functools import partial
from pathlib import Path

import faiss
import numpy as np

from benchmarks._common import CACHE_DIR, SEED_SET, VECTOR_CACHE, latency_line, mib, ratio, seed_settings, timed
from reportqa.eval.validate import load_questions
from reportqa.indexing.build import build_index
from reportqa.indexing.dense import HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH, HNSW_M, DenseIndex, ivf_index
from reportqa.indexing.embedders import ReportEmbeddings, make_embedder
from reportqa.indexing.keyword import KeywordIndex
from reportqa.indexing.snapshot import IndexSnapshot
from reportqa.indexing.vector_cache import CACHE_FILE
from reportqa.language.lexicon import Lexicon

TARGET_RECALL = 0.95
EF_SWEEP = (16, 32, 64, 128, 256, 512, 1024)
NPROBE_SWEEP = (8, 16, 32, 64, 128, 256, 512)
BLOCK = 100_000  # vectors jittered at a time, to bound float64 temporaries


def query_vectors(embedder: ReportEmbeddings, questions: Sequence[str]) -> np.ndarray:
    """The questions' query embeddings, cached in .cache/ by embedder and question texts."""
    digest = hashlib.sha256("\x00".join([embedder.name, *questions]).encode("utf-8")).hexdigest()[:16]
    path = CACHE_DIR / "bench-queries" / f"{digest}.npy"
    if path.is_file():
        return np.load(path)
    vectors = np.stack([embedder.embed_query_vector(q) for q in questions]).astype(np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def nearest_distance(vectors: np.ndarray) -> float:
    """Median L2 distance from each row to its nearest other row (rows L2-normalised)."""
    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, -np.inf)
    return float(np.median(np.sqrt(np.maximum(0.0, 2.0 - 2.0 * similarity.max(axis=1)))))


def jitter(source: np.ndarray, n: int, sigma: float, rng: np.random.Generator) -> np.ndarray:
    """`n` rows of `source` picked at random, plus N(0, sigma^2) noise, re-normalised (float32)."""
    out = np.empty((n, source.shape[1]), dtype=np.float32)
    for begin in range(0, n, BLOCK):
        end = min(begin + BLOCK, n)
        picked = source[rng.integers(len(source), size=end - begin)]
        block = picked + rng.standard_normal(picked.shape, dtype=np.float32) * np.float32(sigma)
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        out[begin:end] = block
    return out


def synthetic_tokens(real: Sequence[Sequence[str]], n: int, rng: np.random.Generator) -> list[list[str]]:
    """`n` token lists, each as long as a random real one, drawn from all real tokens (their frequencies)."""
    pool = np.asarray([t for tokens in real for t in tokens], dtype=object)
    lengths = np.asarray([len(tokens) for tokens in real])[rng.integers(len(real), size=n)]
    drawn = pool[rng.integers(len(pool), size=int(lengths.sum()))]
    ends = np.cumsum(lengths)
    return [drawn[end - length : end].tolist() for end, length in zip(ends, lengths, strict=True)]


def search_latencies(search: Callable[[np.ndarray], object], queries: np.ndarray) -> list[float]:
    return [timed(lambda q=q: search(q))[1] for q in queries]


def recall(found: np.ndarray, truth: np.ndarray) -> float:
    """Mean share of each row of `truth` (exact top-k ids) that `found` holds."""
    return float(np.mean([len(set(f) & set(t)) / len(t) for f, t in zip(found, truth, strict=True)]))


def approx_at(
    label: str,
    index: DenseIndex,
    build_s: float,
    exact: DenseIndex,
    exact_build_s: float,
    exact_latency: dict[int, list[float]],
    queries: np.ndarray,
    sweep: tuple[str, Sequence[int], Callable[[int], faiss.SearchParameters], int],
) -> None:
    """Prints build time, bytes, latency and recall of one approximate `index` against `exact`; then its sweep."""
    n = index.size
    size = len(faiss.serialize_index(index.index))
    print(
        f"  {label}: build {build_s:.1f} s ({ratio(build_s, exact_build_s)} exact)   index bytes {mib(size)}  "
        f"({size / n:,.0f} bytes per chunk)",
        flush=True,
    )
    for k in (10, 50):
        approx = search_latencies(lambda q, k=k: index.search(q, k), queries)
        truth = exact.index.search(queries, k)[1]
        found = [index.search(q, k)[1] for q in queries]
        print(
            "  "
            + latency_line(f"{label} k={k}", approx, exact_latency[k], digits=3, width=38)
            + f"   recall@{k} {recall(found, truth):.4f}",
            flush=True,
        )
    name, values, make_params, default = sweep
    truth = exact.index.search(queries, 10)[1]
    reached = None
    print(f"  {name} sweep (k=10; default {default}): recall@10, one-query latency")
    for value in values:
        params = make_params(value)
        found = index.index.search(queries, 10, params=params)[1]
        seconds = search_latencies(lambda q, p=params: index.index.search(q.reshape(1, -1), 10, params=p), queries)
        score = recall(list(found), truth)
        if reached is None and score >= TARGET_RECALL:
            reached = value
        print(
            "  "
            + latency_line(f"{name} {value:<5} recall@10 {score:.4f}", seconds, exact_latency[10], digits=3, width=38),
            flush=True,
        )
    verdict = f"{name} {reached} is the smallest swept that reaches it" if reached else f"no swept {name} reaches it"
    print(f"  {label}: target recall@10 >= {TARGET_RECALL} at {n:,} chunks: {verdict}", flush=True)


def dense_at(vectors: np.ndarray, queries: np.ndarray, kinds: Sequence[str]) -> dict[int, list[float]]:
    """Prints exact search figures and those of each approximate index in `kinds` (hnsw, ivf) beside them."""
    n = len(vectors)
    exact, exact_build_s = timed(lambda: DenseIndex.build(vectors, approx_threshold=n))
    assert isinstance(exact, DenseIndex) and not exact.approximate
    size = len(faiss.serialize_index(exact.index))
    print(
        f"  exact (IndexFlatIP): build {exact_build_s:.2f} s   index bytes {mib(size)}  ({size / n:,.0f} B per chunk)"
    )
    exact_latency: dict[int, list[float]] = {}
    for k in (10, 50):
        exact_latency[k] = search_latencies(lambda q, k=k: exact.search(q, k), queries)
        print("  " + latency_line(f"exact k={k}", exact_latency[k], digits=3, width=38), flush=True)
    for kind in kinds:
        if kind == "hnsw":
            hnsw, hnsw_s = timed(lambda: DenseIndex(hnsw_index(vectors)))
            label = f"HNSW M={HNSW_M} efC={HNSW_EF_CONSTRUCTION} efSearch={HNSW_EF_SEARCH}"
            sweep = ("efSearch", EF_SWEEP, lambda ef: faiss.SearchParametersHNSW(efSearch=ef), HNSW_EF_SEARCH)
            approx_at(label, hnsw, hnsw_s, exact, exact_build_s, exact_latency, queries, sweep)
            del hnsw
        elif kind == "ivf":
            ivf, ivf_s = timed(lambda: DenseIndex(ivf_index(vectors)))
            raw = ivf.index
            label = f"IVFFlat nlist={raw.nlist} nprobe={raw.nprobe}"
            sweep = ("nprobe", NPROBE_SWEEP, lambda p: faiss.SearchParametersIVF(nprobe=p), int(raw.nprobe))
            approx_at(label, ivf, ivf_s, exact, exact_build_s, exact_latency, queries, sweep)
            del ivf, raw
        else:
            raise ValueError(f"unknown approximate index {kind!r}")
    return exact_latency


def hnsw_index(vectors: np.ndarray) -> faiss.IndexHNSWFlat:
    index = faiss.IndexHNSWFlat(vectors.shape[1], HNSW_M, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
    index.hnsw.efSearch = HNSW_EF_SEARCH
    index.add(vectors)
    return index


def cache_vectors(path: Path, embedder: str) -> np.ndarray:
    """Every vector of `embedder` in the vector cache at `path`, normalised; read-only (a /tmp copy if locked)."""

    def read(uri: str) -> list[tuple[int, bytes]]:
        with closing(sqlite3.connect(uri, uri=True, timeout=60.0)) as connection:
            return connection.execute("SELECT dim, vector FROM vectors WHERE embedder = ?", [embedder]).fetchall()

    try:
        rows = read(f"file:{path}?mode=ro")
    except sqlite3.OperationalError:
        with tempfile.TemporaryDirectory(prefix="reportqa-bench-cache-") as tmp:
            copy = Path(tmp) / path.name
            source = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60.0)
            with closing(source), closing(sqlite3.connect(copy)) as target:
                source.backup(target)
            rows = read(f"file:{copy}?mode=ro")
    dims = {dim for dim, _ in rows}
    if len(dims) != 1:
        raise ValueError(f"vector cache {path}: {len(rows)} vectors of {embedder!r}, dimensions {sorted(dims)}")
    vectors = np.stack([np.frombuffer(blob, dtype="<f4") for _, blob in rows]).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.unique(vectors, axis=0)


def keyword_at(
    n: int, real_tokens: list[list[str]], questions: list[list[str]], exact: list[float], rng: np.random.Generator
) -> None:
    token_lists = synthetic_tokens(real_tokens, n, rng)
    index, build_s = timed(partial(KeywordIndex.build, token_lists))
    del token_lists
    assert index.bm25 is not None
    matrix = sum(np.asarray(index.bm25.scores[key]).nbytes for key in ("data", "indices", "indptr"))
    with tempfile.TemporaryDirectory(prefix="reportqa-bench-bm25-") as tmp:
        index.save(Path(tmp))
        saved = sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file())
    seconds = search_latencies(lambda tokens: index.search(tokens, 50), questions)  # type: ignore[arg-type]
    print(
        f"  BM25 build {build_s:.1f} s   score matrix {mib(matrix)} ({matrix / n:,.0f} bytes per chunk)   "
        f"saved {mib(saved)}   vocabulary {len(index.bm25.vocab_dict):,} terms"
    )
    print("  " + latency_line("BM25 k=50 vs exact dense k=50", seconds, exact, digits=3, width=30), flush=True)


def run(
    sizes: list[int],
    n_queries: int,
    noise: float,
    seed: int,
    base: str,
    vector_cache: Path,
    kinds: Sequence[str],
    keyword: bool,
) -> None:
    rng = np.random.default_rng(seed)
    with tempfile.TemporaryDirectory(prefix="reportqa-bench-scale-") as tmp:
        settings = seed_settings(Path(tmp))
        build_index(settings)
        embedder = make_embedder(settings)
        snapshot = IndexSnapshot.load(settings.index_dir, embedder)
        real = np.ascontiguousarray(snapshot.vectors, dtype=np.float32)
        real_tokens = snapshot.read_tokens()
    seed_chunks = len(real)
    if base == "cache":
        real = cache_vectors(vector_cache, embedder.name)
    questions = [q["question"] for q in load_questions(SEED_SET)]
    real_queries = query_vectors(embedder, questions)
    lexicon = Lexicon.load(settings.lexicon_dir)
    picked = rng.integers(len(questions), size=n_queries)
    question_tokens = [lexicon.keyword_tokens(questions[i]) for i in picked]

    d = real.shape[1]
    sigma = noise * nearest_distance(real) / np.sqrt(d)
    queries = jitter(real_queries, n_queries, sigma, rng)
    sample = jitter(real, 2000, sigma, rng)
    sources = real[np.argmax(sample @ real.T, axis=1)]
    print(
        f"real: {len(real)} base vectors (d={d}; "
        + (f"every {embedder.name} vector in {vector_cache}" if base == "cache" else "the seed chunks")
        + f"; seed corpus {seed_chunks} chunks), {len(real_queries)} question embeddings; "
        f"noise sigma {sigma:.4f} per dimension (--noise {noise}); "
        f"cosine of a synthetic vector to its nearest real one: median {np.median(np.sum(sample * sources, 1)):.3f}; "
        f"{n_queries} jittered query vectors; faiss threads {faiss.omp_get_max_threads()}",
        flush=True,
    )
    for n in sizes:
        print(f"\n{n:,} chunks", flush=True)
        vectors = jitter(real, n, sigma, rng)
        exact = dense_at(vectors, queries, kinds)
        del vectors
        if keyword:
            keyword_at(n, real_tokens, question_tokens, exact[50], rng)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="100000,1000000", help="comma-separated corpus sizes (chunks)")
    parser.add_argument("--queries", type=int, default=200, help="query vectors")
    parser.add_argument(
        "--noise", type=float, default=1.0, help="noise as a share of the real nearest-neighbour distance"
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed")
    parser.add_argument(
        "--base",
        choices=("cache", "seed"),
        default="cache",
        help="real vectors to grow the corpus from: every passage vector of the embedder in the vector cache "
        "(thousands), or only the seed corpus chunks (too few: thousands of noisy copies of each)",
    )
    parser.add_argument(
        "--vector-cache",
        type=Path,
        default=VECTOR_CACHE / CACHE_FILE,
        help="the vector cache (SQLite) for --base cache, opened read-only",
    )
    parser.add_argument("--indexes", default="hnsw,ivf", help="approximate indexes to measure: hnsw, ivf")
    parser.add_argument("--no-keyword", action="store_true", help="skip the keyword (BM25) figures")
    args = parser.parse_args(argv)
    kinds = [k.strip() for k in args.indexes.split(",") if k.strip()]
    if not set(kinds) <= {"hnsw", "ivf"}:
        parser.error(f"--indexes takes hnsw and ivf, got {args.indexes!r}")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if not sizes or min(sizes) < 2:
        parser.error(f"--sizes needs sizes of at least 2 chunks, got {args.sizes!r}")
    run(sizes, args.queries, args.noise, args.seed, args.base, args.vector_cache, kinds, not args.no_keyword)


if __name__ == "__main__":
    main()
