"""Dense and keyword search on Milvus: one collection per index version (`settings.search_backend = "milvus"`).

    backend = MilvusSearch.connect(settings)          # a Milvus server, or a milvus-lite file (tests, one machine)
    backend.publish(version, vectors, keyword)        # by the build, before CURRENT names `version`
    dense, keyword = backend.open(manifest, folder, KeywordIndex.load(folder / "bm25"))

A collection `<milvus_collection>_<version>` holds one row per chunk: its position in chunks.jsonl
(the primary key, so hits come back as the positions the rest of the pipeline uses), its normalised
vector (inner product = cosine, as in FAISS; FLAT, or HNSW above `approx_index_threshold`) and its
BM25 weights as a sparse vector (inner product with the query's term counts = the bm25s score).

Why precomputed BM25 weights rather than Milvus's own full-text search: our tokens come from jieba
with the domain dictionary and synonym folding (`Lexicon.keyword_tokens`); Milvus would have to
re-tokenise a text field itself, and milvus-lite offers only its "standard" and "jieba" tokenizers (no
"whitespace" one that would keep our tokens), while its BM25 uses its own idf and k1. Weights taken
from the version's bm25s index give exactly the scores of the local keyword search, on milvus-lite
and on a cluster alike. Every corpus change moves idf and the average chunk length, so each version
gets a whole new collection anyway.

Above the threshold Milvus stays on HNSW (M=32, efConstruction=200, ef max(128, k)) while FAISS moved
to IVF (indexing/dense.py): HNSW is what Milvus and milvus-lite were tested with here, and no Milvus
build was measured at 1M chunks; IVF_FLAT (params nlist / nprobe, as `ivf_nlist` and IVF_NPROBE) is the
index to switch to once a Milvus server can be benchmarked, since FAISS's HNSW with these parameters
fell short of recall@10 0.95 on the synthetic corpus of benchmarks/scale.py.

Milvus returns at most 16,384 hits per search: a document-scoped question (which asks for every
keyword hit) over a larger corpus ranks keyword hits among the best 16,384 only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from reportqa.core.errors import IndexMissingError, ReportQAError
from reportqa.core.settings import Settings
from reportqa.indexing.dense import HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH, HNSW_M
from reportqa.indexing.keyword import KeywordIndex
from reportqa.indexing.manifest import Manifest

if TYPE_CHECKING:  # pymilvus itself is imported only when Milvus is chosen: it is an optional extra
    from pymilvus import MilvusClient

LITE_FILE = "milvus.db"  # under index_dir when no milvus_uri is set
MAX_LIMIT = 16_384  # Milvus rejects a search limit (topk) above this
INSERT_BATCH = 1_000  # rows per insert call, well under gRPC's message size limit
TIE_TOLERANCE = 4 * float(np.finfo(np.float32).eps)  # relative: float32 sums taken in another order differ so
# Milvus rejects an empty sparse vector: a chunk without keyword tokens carries this term id, which no
# query holds (term ids are bm25s vocabulary positions, far below it), so it still never matches.
NO_TERMS = 2**32 - 2
_POSITION, _VECTOR, _KEYWORDS = "position", "vector", "keywords"


class MilvusSearch:
    """A `SearchBackend` (indexing/snapshot.py) on one Milvus connection."""

    def __init__(self, client: MilvusClient, *, uri: str, prefix: str, approx_threshold: int) -> None:
        self.client = client
        self.uri = uri
        self.prefix = prefix
        self.approx_threshold = approx_threshold

    @classmethod
    def connect(cls, settings: Settings) -> MilvusSearch:
        try:
            from pymilvus import MilvusClient, MilvusException
        except ImportError as exc:
            raise ReportQAError(
                "search_backend is milvus but pymilvus is not installed: pip install 'reportqa[milvus]'"
            ) from exc
        uri = settings.milvus_uri or str(Path(settings.index_dir) / LITE_FILE)
        if uri.endswith(".db"):
            Path(uri).parent.mkdir(parents=True, exist_ok=True)
        try:
            client = MilvusClient(uri=uri, token=settings.milvus_token.get_secret_value())
        except MilvusException as exc:
            hint = " (a milvus-lite file serves one process at a time)" if uri.endswith(".db") else ""
            raise ReportQAError(f"cannot connect to Milvus at {uri}{hint}: {exc}") from exc
        return cls(client, uri=uri, prefix=settings.milvus_collection, approx_threshold=settings.approx_index_threshold)

    def collection(self, version: str) -> str:
        """The collection of `version` (version ids hold a "-", which Milvus names may not)."""
        return f"{self.prefix}_{version.replace('-', '_')}"

    def publish(self, version: str, vectors: np.ndarray, keyword: KeywordIndex) -> None:
        """Create and fill `version`'s collection; raise unless Milvus then counts every chunk."""
        from pymilvus import DataType, MilvusClient

        name = self.collection(version)
        n, dimension = vectors.shape
        schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field(_POSITION, DataType.INT64, is_primary=True)
        schema.add_field(_VECTOR, DataType.FLOAT_VECTOR, dim=dimension)
        schema.add_field(_KEYWORDS, DataType.SPARSE_FLOAT_VECTOR)
        index_params = self.client.prepare_index_params()
        if n > self.approx_threshold:
            hnsw = {"M": HNSW_M, "efConstruction": HNSW_EF_CONSTRUCTION}
            index_params.add_index(_VECTOR, index_type="HNSW", metric_type="IP", params=hnsw)
        else:
            index_params.add_index(_VECTOR, index_type="FLAT", metric_type="IP")
        index_params.add_index(_KEYWORDS, index_type="SPARSE_INVERTED_INDEX", metric_type="IP")
        # Strong: a search sees every row inserted before it, whichever client inserted them
        self.client.create_collection(name, schema=schema, index_params=index_params, consistency_level="Strong")
        weights = keyword.document_weights()
        for begin in range(0, n, INSERT_BATCH):
            rows = [
                {_POSITION: i, _VECTOR: vectors[i], _KEYWORDS: weights[i] or {NO_TERMS: 1.0}}
                for i in range(begin, min(begin + INSERT_BATCH, n))
            ]
            self.client.insert(name, rows)
        self.client.flush(name)
        stored = self._row_count(name)
        if stored != n:
            raise ReportQAError(f"Milvus collection {name} at {self.uri} holds {stored} of {n} chunks after the build")

    def holds(self, version: str) -> bool:
        return bool(self.client.has_collection(self.collection(version)))

    def open(self, manifest: Manifest, folder: Path, keyword: KeywordIndex) -> tuple[MilvusDense, MilvusKeyword]:
        name = self.collection(manifest.version)
        if not self.client.has_collection(name):
            raise IndexMissingError(
                f"index version {manifest.version} has no Milvus collection {name} at {self.uri}: run `reportqa ingest`"
            )
        self.client.load_collection(name)  # a no-op when loaded; after a server restart it may not be
        index = self.client.describe_index(name, _VECTOR)
        dense = MilvusDense(
            self.client,
            name,
            size=self._row_count(name),
            dimension=manifest.dimension,
            approximate=index.get("index_type") == "HNSW",
        )
        return dense, MilvusKeyword(self.client, name, keyword)

    def drop(self, versions: Sequence[str]) -> None:
        for version in versions:
            if self.holds(version):
                self.client.drop_collection(self.collection(version))

    def close(self) -> None:
        self.client.close()

    def _row_count(self, name: str) -> int:
        return int(self.client.get_collection_stats(name)["row_count"])


class MilvusDense:
    """A `DenseSearcher` over one version's collection."""

    def __init__(self, client: MilvusClient, collection: str, *, size: int, dimension: int, approximate: bool) -> None:
        self.client = client
        self.collection = collection
        self.size = size
        self.dimension = dimension
        self.approximate = approximate

    def search(self, query_vector: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        if k <= 0:
            raise ValueError(f"k must be greater than 0, got {k}")
        if self.size == 0:
            return _no_hits()
        query = np.asarray(query_vector, dtype=np.float32).reshape(-1)
        if query.shape[0] != self.dimension:
            raise ValueError(f"query vector has dimension {query.shape[0]}, the index {self.dimension}")

        def fetch(limit: int) -> list[tuple[float, int]]:
            params = {"ef": max(HNSW_EF_SEARCH, limit)} if self.approximate else {}
            hits = self.client.search(
                self.collection,
                data=[query],
                anns_field=_VECTOR,
                limit=limit,
                search_params={"metric_type": "IP", "params": params},
                output_fields=[_POSITION],
            )[0]
            return [(float(hit.distance), int(hit.id)) for hit in hits]

        return _top(fetch, k, self.size)


class MilvusKeyword:
    """A `KeywordSearcher` over one version's collection; the version's bm25s vocabulary maps tokens to term ids."""

    def __init__(self, client: MilvusClient, collection: str, vocabulary: KeywordIndex) -> None:
        self.client = client
        self.collection = collection
        self.vocabulary = vocabulary

    @property
    def num_docs(self) -> int:
        return self.vocabulary.num_docs

    def idf(self, term: str) -> float:
        return self.vocabulary.idf(term)

    def document_frequency(self, term: str) -> int:
        return self.vocabulary.document_frequency(term)

    def frequency_within(self, word: str) -> int:
        return self.vocabulary.frequency_within(word)

    def words_holding(self, word: str, limit: int) -> list[str]:
        return self.vocabulary.words_holding(word, limit)

    def search(self, tokens: Sequence[str], k: int) -> tuple[np.ndarray, np.ndarray]:
        if k <= 0:
            raise ValueError(f"k must be greater than 0, got {k}")
        weights = self.vocabulary.query_weights(tokens)
        if not weights:
            return _no_hits()

        def fetch(limit: int) -> list[tuple[float, int]]:
            hits = self.client.search(
                self.collection,
                data=[weights],
                anns_field=_KEYWORDS,
                limit=limit,
                search_params={"metric_type": "IP"},
                output_fields=[_POSITION],
            )[0]
            return [(float(hit.distance), int(hit.id)) for hit in hits if hit.distance > 0]

        return _top(fetch, k, self.num_docs)


def _no_hits() -> tuple[np.ndarray, np.ndarray]:
    return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)


def _top(fetch: Callable[[int], list[tuple[float, int]]], k: int, available: int) -> tuple[np.ndarray, np.ndarray]:
    """The best `k` (score, position) pairs of `fetch(limit)`, in the order the local indexes give.

    FAISS and bm25s put equal scores in position order. Milvus sums in another order, so equal
    scores may differ in their last bits, and it cuts a run of them at `limit` anywhere. So scores
    within `TIE_TOLERANCE` count as equal, and the limit grows while such a run reaches past the k-th
    hit, so that the cut falls where the local index puts it.
    """
    cap = min(available, MAX_LIMIT)
    limit = min(k + 1, cap)
    while True:
        hits = _in_local_order(fetch(limit))
        if len(hits) < limit or limit == cap or not _tied(hits[k - 1][0], hits[-1][0]):
            break
        limit = min(limit * 2, cap)
    hits = hits[:k]
    return np.asarray([s for s, _ in hits], dtype=np.float32), np.asarray([p for _, p in hits], dtype=np.int64)


def _in_local_order(hits: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """Best score first; within a run of tied scores, lower position first."""
    ordered: list[tuple[float, int]] = []
    run: list[tuple[float, int]] = []
    for hit in sorted(hits, key=lambda hit: -hit[0]):
        if run and not _tied(run[0][0], hit[0]):
            ordered.extend(sorted(run, key=lambda tied: tied[1]))
            run = []
        run.append(hit)
    ordered.extend(sorted(run, key=lambda tied: tied[1]))
    return ordered


def _tied(a: float, b: float) -> bool:
    return abs(a - b) <= TIE_TOLERANCE * max(abs(a), abs(b))
