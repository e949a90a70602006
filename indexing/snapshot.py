"""One index version on disk, and the serving pointer to it.

    snapshot = IndexSnapshot.load(settings.index_dir, embedder)    # the version `index/CURRENT` names
    snapshot.dense_search(embedder.embed_query_vector("高企数量"), 50)   # [(chunk position, score), ...]
    snapshot.keyword_search(lexicon.keyword_tokens("高企数量"), 50)
    snapshot.documents["淄博市十三五科技创新规划后评估报告.txt"].text   # the text citations point into

Layout::

    index/
      CURRENT                     the serving version id (switched with os.replace)
      .build.lock                 held by the one running build (fcntl.flock)
      versions/<version-id>/
        manifest.json             indexing.manifest.Manifest
        documents.jsonl           per document: doc_id, sha256, meta, full text
        chunks.jsonl              per chunk: the Chunk fields, in index order
        tokens.jsonl              per chunk: its BM25 tokens (reused by incremental builds)
        vectors.npy               (chunks, dimension) float32, read with allow_pickle=False; a zero row is a
                                  chunk not embedded yet (manifest.missing_vectors counts them)
        dense.faiss               faiss.write_index
        bm25/                     bm25s save(), allow_pickle=False
      versions/.tmp-<id>/         a build in progress (never served; removed by the next build)

A loaded snapshot holds the chunks, documents and vectors in memory, so a build may delete its
folder afterwards. Its dense and keyword searches run where its `SearchBackend` says: by default in
this process over dense.faiss and bm25/ (`LocalSearch`), or on Milvus (indexing/milvus.py), which a
build fills before CURRENT names the version and which drops a version when its folder is collected.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Protocol

import numpy as np

from reportqa.core.errors import IndexMismatchError, IndexMissingError
from reportqa.core.models import Chunk, Document
from reportqa.indexing import npy_reading
from reportqa.indexing.dense import DenseIndex
from reportqa.indexing.keyword import KeywordIndex
from reportqa.indexing.manifest import FULL_REBUILD_HINT, MANIFEST_FILE, Manifest, meta_from_json

CURRENT_FILE = "CURRENT"
VERSIONS_DIR = "versions"
TMP_PREFIX = ".tmp-"
DOCUMENTS_FILE = "documents.jsonl"
CHUNKS_FILE = "chunks.jsonl"
TOKENS_FILE = "tokens.jsonl"
VECTORS_FILE = "vectors.npy"
DENSE_FILE = "dense.faiss"
BM25_DIR = "bm25"
DEFAULT_KEEP_PREVIOUS = 2


class _Named(Protocol):
    """Anything with the embedder's `name` (an embedder, or a test double)."""

    name: str


class DenseSearcher(Protocol):
    """One version's dense search: `DenseIndex` (FAISS) or `indexing.milvus.MilvusDense`."""

    @property
    def size(self) -> int: ...

    def search(self, query_vector: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores, chunk positions) of the `k` nearest chunks, best first."""
        ...


class KeywordSearcher(Protocol):
    """One version's BM25 search: `KeywordIndex` (bm25s) or `indexing.milvus.MilvusKeyword`."""

    @property
    def num_docs(self) -> int: ...

    def search(self, tokens: Sequence[str], k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores > 0, chunk positions) of up to `k` chunks, best first, ties by lower position."""
        ...

    def idf(self, term: str) -> float: ...

    def document_frequency(self, term: str) -> int: ...

    def frequency_within(self, word: str) -> int: ...

    def words_holding(self, word: str, limit: int) -> list[str]: ...


class SearchBackend(Protocol):
    """Where index versions are searched; `indexing.backends.make_search_backend` makes the configured one."""

    def publish(self, version: str, vectors: np.ndarray, keyword: KeywordIndex) -> None:
        """Make `version` searchable; a build calls it before CURRENT names `version`."""
        ...

    def holds(self, version: str) -> bool:
        """Whether `version` was published here (a version built under another backend was not)."""
        ...

    def open(self, manifest: Manifest, folder: Path, keyword: KeywordIndex) -> tuple[DenseSearcher, KeywordSearcher]:
        """The searchers of the version in `folder`; IndexMissingError if it was never published here."""
        ...

    def drop(self, versions: Sequence[str]) -> None:
        """Forget `versions` (collected or failed builds); versions never published are skipped."""
        ...

    def close(self) -> None: ...


class LocalSearch:
    """The default backend: each version folder's dense.faiss and bm25/ files, searched in this process.

    A build writes both files into every version folder whatever the backend, so there is nothing to
    publish or drop here.
    """

    def publish(self, version: str, vectors: np.ndarray, keyword: KeywordIndex) -> None:
        return None

    def holds(self, version: str) -> bool:
        return True

    def open(self, manifest: Manifest, folder: Path, keyword: KeywordIndex) -> tuple[DenseIndex, KeywordIndex]:
        return DenseIndex.load(folder / DENSE_FILE), keyword

    def drop(self, versions: Sequence[str]) -> None:
        return None

    def close(self) -> None:
        return None


def versions_dir(index_dir: Path) -> Path:
    return Path(index_dir) / VERSIONS_DIR


def current_version(index_dir: Path) -> str | None:
    """The version id `index_dir/CURRENT` names, or None when no index has been built."""
    try:
        version = (Path(index_dir) / CURRENT_FILE).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return version or None


def switch_current(index_dir: Path, version: str) -> None:
    """Point CURRENT at `version` atomically: readers see the old id or the new one, never half a file."""
    index_dir = Path(index_dir)
    if not (versions_dir(index_dir) / version / MANIFEST_FILE).is_file():
        raise FileNotFoundError(f"{versions_dir(index_dir) / version}: no such index version")
    tmp = index_dir / f".{CURRENT_FILE}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(version + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, index_dir / CURRENT_FILE)
    fsync_dir(index_dir)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def collect_garbage(
    index_dir: Path,
    keep_previous: int = DEFAULT_KEEP_PREVIOUS,
    *,
    release: Callable[[list[str]], None] | None = None,
) -> list[str]:
    """Delete old version folders and leftovers of crashed builds; keep CURRENT and `keep_previous` before it.

    `release` (a search backend's `drop`) is called first with every version about to go, crashed
    builds included; if it raises, nothing is deleted and the next build tries again. Call it only
    while holding the build lock. Returns the deleted version ids (crashed builds not included).
    """
    root = versions_dir(index_dir)
    if not root.is_dir():
        return []
    current = current_version(index_dir)
    leftovers = sorted(root.glob(f"{TMP_PREFIX}*"))
    if release is not None and leftovers:
        release([p.name.removeprefix(TMP_PREFIX) for p in leftovers])
    for leftover in leftovers:
        shutil.rmtree(leftover, ignore_errors=True)
    versions = sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    if current in versions:
        older = [v for v in versions if v < current]
        keep = {current, *older[len(older) - keep_previous :]} if keep_previous > 0 else {current}
        keep.update(v for v in versions if v > current)  # never touch versions newer than the serving one
    else:
        keep = set(versions[-(keep_previous + 1) :])  # CURRENT missing or dangling: delete nothing recent
    deleted = [version for version in versions if version not in keep]
    if release is not None and deleted:
        release(deleted)
    for version in deleted:
        shutil.rmtree(root / version, ignore_errors=True)
    return deleted


# --- reading and writing the files of one version ---------------------------------------------------


def chunk_to_json(chunk: Chunk) -> dict:
    return asdict(chunk)


def chunk_from_json(data: dict) -> Chunk:
    return Chunk(
        chunk_id=data["chunk_id"],
        doc_id=data["doc_id"],
        start=int(data["start"]),
        end=int(data["end"]),
        text=data["text"],
        section=data.get("section", ""),
        is_table_row=bool(data.get("is_table_row", False)),
        statement=data.get("statement", ""),
    )


def document_to_json(document: Document) -> dict:
    return {"doc_id": document.doc_id, "sha256": document.sha256, "meta": asdict(document.meta), "text": document.text}


def document_from_json(data: dict) -> Document:
    return Document(doc_id=data["doc_id"], text=data["text"], sha256=data["sha256"], meta=meta_from_json(data["meta"]))


def write_jsonl(path: Path, rows: Iterable) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> list:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def save_vectors(path: Path, vectors: np.ndarray) -> None:
    np.save(path, np.ascontiguousarray(vectors, dtype=np.float32), allow_pickle=False)


def load_vectors(path: Path) -> np.ndarray:
    with npy_reading.READING:
        return np.load(path, allow_pickle=False).astype(np.float32, copy=False)


def read_document(index_dir: Path, version: str, doc_id: str) -> Document:
    """`doc_id` as index `version` holds it, read from that version's folder without loading the rest.

    Raises IndexMissingError once the version has been deleted, KeyError if it has no such document.
    """
    path = versions_dir(index_dir) / version / DOCUMENTS_FILE
    # document_to_json puts doc_id first and write_jsonl writes json.dumps lines, so the document's line
    # starts with these bytes: the others are skipped undecoded (a third of the time of parsing them all)
    prefix = (json.dumps({"doc_id": doc_id}, ensure_ascii=False)[:-1] + ",").encode("utf-8")
    try:
        with open(path, "rb") as handle:
            for line in handle:
                if line.startswith(prefix):
                    return document_from_json(json.loads(line))
    except FileNotFoundError as exc:
        raise IndexMissingError(
            f"索引版本 {version} 已被更新的构建替换，不在 {Path(index_dir).name} 中了 (replaced by newer builds)"
        ) from exc
    raise KeyError(doc_id)


class IndexSnapshot:
    """One loaded index version: chunks, documents and vectors in memory, and its dense and keyword searchers.

    Chunk positions (the ints `dense_search` and `keyword_search` return) index `chunks` and the
    rows of `vectors`. `embedded[i]` says whether chunk i has a vector: in a version published before
    its embedding finished, dense search skips the others and keyword search finds them all.
    """

    def __init__(
        self,
        *,
        version: str,
        manifest: Manifest,
        documents: dict[str, Document],
        chunks: list[Chunk],
        vectors: np.ndarray,
        dense: DenseSearcher,
        keyword: KeywordSearcher,
        path: Path | None = None,
    ) -> None:
        if len(chunks) != vectors.shape[0] or dense.size != len(chunks) or keyword.num_docs != len(chunks):
            raise IndexMismatchError(
                f"index version {version} is inconsistent ({len(chunks)} chunks, {vectors.shape[0]} vectors, "
                f"{dense.size} dense, {keyword.num_docs} keyword entries): {FULL_REBUILD_HINT}"
            )
        self.version = version
        self.manifest = manifest
        self.documents = documents
        self.chunks = chunks
        self.vectors = vectors
        self.dense = dense
        self.keyword = keyword
        self.path = path
        self.embedded = vectors.any(axis=1) if manifest.missing_vectors else np.ones(len(chunks), dtype=bool)

    @classmethod
    def load(
        cls, index_dir: Path, embedder: _Named, version: str | None = None, *, backend: SearchBackend | None = None
    ) -> IndexSnapshot:
        """Load `version` (default: the one CURRENT names), searched by `backend` (default: `LocalSearch`).

        Raises IndexMissingError when no index has been built (or the backend does not hold the
        version), IndexMismatchError when it was built with another embedder or schema.
        """
        index_dir = Path(index_dir)
        for attempt in range(3):  # a build may switch and collect between reading CURRENT and opening files
            wanted = version or current_version(index_dir)
            if wanted is None:
                raise IndexMissingError(f"{index_dir.name} 中还没有索引：请先运行 reportqa ingest (no index yet)")
            try:
                return cls.load_folder(versions_dir(index_dir) / wanted, embedder, backend=backend)
            except FileNotFoundError as exc:
                if version is not None or attempt == 2:
                    missing = Path(exc.filename).name if exc.filename else exc
                    raise IndexMissingError(
                        f"{index_dir.name} 中的索引版本 {wanted} 缺失或不完整（缺 {missing}）：请运行 reportqa ingest"
                    ) from exc
        raise AssertionError("unreachable")

    @classmethod
    def load_folder(cls, folder: Path, embedder: _Named, *, backend: SearchBackend | None = None) -> IndexSnapshot:
        folder = Path(folder)
        if not (folder / MANIFEST_FILE).is_file():
            raise FileNotFoundError(errno.ENOENT, "no index manifest", str(folder / MANIFEST_FILE))
        manifest = Manifest.load(folder / MANIFEST_FILE)
        manifest.check_compatible(embedder.name)
        documents = {d["doc_id"]: document_from_json(d) for d in read_jsonl(folder / DOCUMENTS_FILE)}
        chunks = [chunk_from_json(c) for c in read_jsonl(folder / CHUNKS_FILE)]
        vectors = load_vectors(folder / VECTORS_FILE)
        if vectors.ndim != 2 or (len(chunks) and vectors.shape[1] != manifest.dimension):
            raise IndexMismatchError(
                f"{folder.name}/{VECTORS_FILE} has shape {vectors.shape}, the manifest says dimension "
                f"{manifest.dimension}: {FULL_REBUILD_HINT}"
            )
        dense, keyword = (backend or LocalSearch()).open(manifest, folder, KeywordIndex.load(folder / BM25_DIR))
        return cls(
            version=manifest.version,
            manifest=manifest,
            documents=documents,
            chunks=chunks,
            vectors=vectors,
            dense=dense,
            keyword=keyword,
            path=folder,
        )

    def dense_search(self, query_vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """Up to `k` (chunk position, cosine similarity), best first; chunks without a vector are skipped."""
        missing = self.manifest.missing_vectors
        scores, ids = self.dense.search(query_vector, k + missing)  # the zero rows may rank anywhere
        hits = [(int(i), float(s)) for i, s in zip(ids, scores, strict=True)]
        return [hit for hit in hits if self.embedded[hit[0]]][:k] if missing else hits

    def keyword_search(self, tokens: Sequence[str], k: int) -> list[tuple[int, float]]:
        """Up to `k` (chunk position, BM25 score > 0), best first; [] for no or unknown tokens."""
        scores, ids = self.keyword.search(tokens, k)
        return [(int(i), float(s)) for i, s in zip(ids, scores, strict=True)]

    def words_written_in(self, word: str, limit: int) -> list[str]:
        """Where the passages never hold `word` as a token of its own, up to `limit` of their tokens that
        hold it inside them ("藏羚羊" of 藏羚), the most used first; else none."""
        return [] if self.keyword.document_frequency(word) else self.keyword.words_holding(word, limit)

    def read_tokens(self) -> list[list[str]]:
        """The BM25 tokens of every chunk, as built (read from disk on demand; builds use it)."""
        if self.path is None:
            raise FileNotFoundError("this snapshot was not loaded from a folder")
        return [list(tokens) for tokens in read_jsonl(self.path / TOKENS_FILE)]
