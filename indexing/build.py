"""Versioned, atomic, incremental index builds.

    report = build_index(settings)                 # embeds only added or changed documents
    report = build_index(settings, full=True)      # re-parses everything (vectors still come from the cache)
    print(report.summary())

A build takes `index/.build.lock`, compares the corpus with the serving version's manifest by file
sha256 (and metadata.yaml entry), parses added and changed documents and reuses unchanged documents'
chunks, tokens and vectors as they are. It publishes in two stages, each a complete version folder
that CURRENT is switched to only once written:

1. as soon as the documents are parsed, a version in which every document is searchable by keyword
   and by the vectors the on-disk vector cache already holds; the passages without a vector are zero
   rows of vectors.npy (`Manifest.missing_vectors` counts them) and dense search skips them;
2. after embedding the rest (in batches, each batch put in the vector cache as soon as it is
   computed), the complete version.

When the cache holds every vector, only the complete version is written. A crash at any point leaves
CURRENT serving the last version published and loses no computed vector: the next build reuses the
keyword-searchable version's documents and embeds only what the cache does not hold. Before
embedding, `notify` is told how many passages and characters are to be embedded and the time that
should take at `settings.embed_chars_per_second`.

A file that cannot be read, and a link (links are not followed: a document is indexed once, under
its own path, and never from outside the corpus folder), is named in `BuildReport.skipped` with the
reason, counted apart from the added and changed ones; if an earlier version of it was indexed, that
version is kept (and the note repeats on every build until the file is fixed or removed). Skipped
files alone never publish a new version. A document of more than `settings.max_chunks_per_document`
passages is skipped, named, with the time it would take to embed (a 30 MB text file would take
hours). A change of embedder, chunker settings, lexicon files, ingest code or index schema re-parses
and re-embeds everything and says why in `full_rebuild_reason`.

An empty corpus folder gives a valid empty index (searches return nothing) on a first build; over an
index with documents it is an EmptyCorpusError unless `allow_empty` (a mount that came up empty must
not wipe the index). A missing corpus folder, an invalid metadata.yaml or a write that fails (a
read-only index folder, a full disk: IndexWriteError) is an error and leaves the index as it was.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import logging
import os
import secrets
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from reportqa.core.errors import (
    DocumentError,
    EmbedderError,
    EmptyCorpusError,
    IndexBusyError,
    IndexMismatchError,
    IndexWriteError,
    ReportQAError,
    os_error_reason,
    printable,
)
from reportqa.core.models import Chunk, Document
from reportqa.core.settings import Settings
from reportqa.indexing.backends import make_search_backend
from reportqa.indexing.dense import DenseIndex
from reportqa.indexing.embedders import ReportEmbeddings, make_embedder
from reportqa.indexing.embedding_workers import embed_batches, worker_count
from reportqa.indexing.keyword import KeywordIndex
from reportqa.indexing.manifest import (
    MANIFEST_FILE,
    DocumentEntry,
    Manifest,
    ingest_code_hash,
    lexicon_hash,
)
from reportqa.indexing.passages import passage_text
from reportqa.indexing.snapshot import (
    BM25_DIR,
    CHUNKS_FILE,
    CURRENT_FILE,
    DEFAULT_KEEP_PREVIOUS,
    DENSE_FILE,
    DOCUMENTS_FILE,
    TMP_PREFIX,
    TOKENS_FILE,
    VECTORS_FILE,
    SearchBackend,
    chunk_from_json,
    chunk_to_json,
    collect_garbage,
    current_version,
    document_from_json,
    document_to_json,
    fsync_dir,
    load_vectors,
    read_jsonl,
    save_vectors,
    switch_current,
    versions_dir,
    write_jsonl,
)
from reportqa.indexing.vector_cache import CACHE_FILE, VectorCache, passage_key

log = logging.getLogger(__name__)

LOCK_FILE = ".build.lock"
FULL_DISK_BYTES = 1024 * 1024  # free space below which a write that failed without saying why is put down to it
UNKNOWN_DIMENSION = 1  # the width of the zero rows of a version published before any vector was known
Progress = Callable[[str, int, int], None]  # (stage, done, total); stages: parse, embed, index, save
Notify = Callable[[str], None]  # one line for the user: the embedding plan, a version published


@dataclass(frozen=True)
class FileNote:
    """A file of the corpus that needs the user's attention: `name` is its path relative to the corpus folder."""

    name: str
    reason: str

    def to_json(self) -> dict:
        return {"name": self.name, "reason": self.reason}


@dataclass
class BuildReport:
    """What a build did. Document lists hold doc_ids of files indexed in this version; a file that could
    not be indexed is in `skipped` only (and in `kept` too when its previous version stays indexed)."""

    version: str  # the version CURRENT names after the build
    switched: bool = False  # False when nothing changed and the serving version was kept
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # changed but unreadable: the previous version stays indexed
    skipped: list[FileNote] = field(default_factory=list)  # unreadable, unsupported or a link
    warnings: list[FileNote] = field(default_factory=list)  # indexed, but worth knowing about (a very large file)
    chunks_embedded: int = 0  # vectors computed by the embedder in this build
    chunks_cached: int = 0  # vectors of new chunks found in the vector cache
    chunks_reused: int = 0  # chunks (and vectors) carried over unchanged from the previous version
    documents: int = 0  # in the new version
    chunks: int = 0
    full_rebuild_reason: str | None = None
    seconds: float = 0.0
    partial_version: str | None = None  # published keyword-searchable before the embedding, if there was any
    searchable_seconds: float = 0.0  # from the start until every document was searchable (the first publish)
    embed_characters: int = 0  # of the passages embedded
    embed_seconds: float = 0.0  # spent in the embedder
    embed_processes: int = 0  # that embedded: 1 is the building process itself, more are workers

    def summary(self) -> str:
        if not self.switched:
            head = f"索引无变化，仍为版本 {self.version}（{self.documents} 篇文档，{self.chunks} 个段落）"
            if self.skipped:
                head += f"；跳过 {len(self.skipped)}"
        else:
            head = (
                f"索引版本 {self.version}：{self.documents} 篇文档，{self.chunks} 个段落；"
                f"新增 {len(self.added)}，修改 {len(self.changed)}，"
                f"删除 {len(self.removed)}，未变 {len(self.unchanged)}，跳过 {len(self.skipped)}；"
                f"新算向量 {self.chunks_embedded}，缓存向量 {self.chunks_cached}，沿用 {self.chunks_reused}"
            )
        lines = [f"{head}（{self.seconds:.1f} 秒）"]
        if self.full_rebuild_reason:
            lines.append(f"全量重建：{self.full_rebuild_reason}")
        if not self.documents:
            lines.append("语料目录中没有可索引的文档，索引为空")
        lines.extend(f"保留旧版本：{printable(doc_id)}（新文件无法读取）" for doc_id in self.kept)
        lines.extend(f"跳过 {printable(note.name)}：{note.reason}" for note in self.skipped)
        lines.extend(f"注意 {printable(note.name)}：{note.reason}" for note in self.warnings)
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {
            "version": self.version,
            "switched": self.switched,
            "added": self.added,
            "changed": self.changed,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "kept": self.kept,
            "skipped": [note.to_json() for note in self.skipped],
            "warnings": [note.to_json() for note in self.warnings],
            "chunks_embedded": self.chunks_embedded,
            "chunks_cached": self.chunks_cached,
            "chunks_reused": self.chunks_reused,
            "documents": self.documents,
            "chunks": self.chunks,
            "full_rebuild_reason": self.full_rebuild_reason,
            "seconds": round(self.seconds, 3),
            "partial_version": self.partial_version,
            "searchable_seconds": round(self.searchable_seconds, 3),
            "embed_characters": self.embed_characters,
            "embed_seconds": round(self.embed_seconds, 3),
            "embed_processes": self.embed_processes,
        }


class BuildLock:
    """An exclusive `fcntl.flock` on `index_dir/.build.lock`; waits up to `timeout` seconds, then IndexBusyError.

    The kernel releases it when the holder exits, however it exits. Two threads of one process
    exclude each other too (each opens its own file description).
    """

    def __init__(self, index_dir: Path, timeout: float = 0.0, poll: float = 0.1) -> None:
        self.path = Path(index_dir) / LOCK_FILE
        self.timeout = timeout
        self.poll = poll
        self._handle = None

    def __enter__(self) -> BuildLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # held until __exit__
        deadline = time.monotonic() + max(self.timeout, 0.0)
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = self.path.read_text(encoding="utf-8").strip() if self.path.exists() else ""
                    handle.close()
                    raise IndexBusyError(
                        f"另一个索引构建正在进行（{self.path.parent.name}{f'，{holder}' if holder else ''}），"
                        "请等它结束后再试 (another index build is running)"
                    ) from None
                time.sleep(self.poll)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {datetime.now(UTC).isoformat(timespec='seconds')}\n")
        handle.flush()
        self._handle = handle
        return self

    def __exit__(self, *exc_info) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            handle.close()


def new_version_id() -> str:
    """Sortable by creation time: 20261125T072723123456Z-3fa9."""
    return f"{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%fZ')}-{secrets.token_hex(2)}"


def build_index(
    settings: Settings,
    *,
    full: bool = False,
    allow_empty: bool = False,
    progress: Progress | None = None,
    lock_timeout: float = 0.0,
    embedder: ReportEmbeddings | None = None,
    keep_previous: int = DEFAULT_KEEP_PREVIOUS,
    notify: Notify | None = None,
) -> BuildReport:
    """Build a new index version from `settings.corpus_dir` and make it the serving one.

    `full` re-parses and re-embeds every document (vectors still come from the vector cache).
    `allow_empty` publishes a version without documents over one with documents (else EmptyCorpusError).
    `lock_timeout` is how long to wait for a running build before IndexBusyError. `embedder`
    defaults to `make_embedder(settings)`; pass one to reuse an already loaded model. Passages may be
    embedded in `settings.embed_workers` processes (indexing/embedding_workers.py).
    `keep_previous` older versions stay on disk after the switch. With `settings.search_backend`
    milvus the new version's collection is filled before the switch, and collected versions'
    collections are dropped with their folders. A failed write is an IndexWriteError naming the file.
    `notify` receives the embedding plan (passages, characters, estimated time) and each publish.
    """
    started = time.monotonic()
    index_dir = Path(settings.index_dir)
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        with BuildLock(index_dir, timeout=lock_timeout), closing(make_search_backend(settings)) as backend:
            collect_garbage(index_dir, keep_previous, release=backend.drop)  # leftovers of crashed builds
            build = _Build(
                settings, embedder or make_embedder(settings), backend, progress or _no_progress, notify or _no_notes
            )
            report = build.run(full, allow_empty)
            if report.switched:
                collect_garbage(index_dir, keep_previous, release=backend.drop)
    except (OSError, sqlite3.Error) as exc:
        raise IndexWriteError(_write_failure(exc, settings)) from exc
    report.seconds = time.monotonic() - started
    log.info("index build: %s", report.summary())
    return report


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def _no_notes(note: str) -> None:
    return None


def duration_text(seconds: float) -> str:
    """How long an official should expect to wait, in words: 约 12 分钟, 约 2.5 小时, 不到 1 分钟."""
    if seconds < 60:
        return "不到 1 分钟"
    if seconds < 5400:
        return f"约 {round(seconds / 60)} 分钟"
    return f"约 {seconds / 3600:.1f} 小时"


def _write_failure(exc: OSError | sqlite3.Error, settings: Settings) -> str:
    """One line: the file, what went wrong, and that the serving version is untouched."""
    if isinstance(exc, OSError):
        path, reason = Path(exc.filename or settings.index_dir), os_error_reason(exc)
    else:  # the vector cache is the one SQLite file a build writes
        path, reason = Path(settings.vector_cache_dir) / CACHE_FILE, f"向量缓存出错 ({exc})"
    shown = path.relative_to(settings.home) if path.is_relative_to(settings.home) else Path(path.name)
    try:
        serving = current_version(settings.index_dir)
    except OSError:
        serving = None
    kept = f"正在使用的索引未改动（版本 {serving}）" if serving else "还没有可用的索引"
    return f"索引未能更新：{shown}：{reason}；{kept}"


@dataclass
class _Doc:
    """One document of the version being built."""

    document: Document
    chunks: list[Chunk]
    overrides: dict
    vectors: np.ndarray | None = None  # (len(chunks), d)
    tokens: list[list[str]] | None = None


@dataclass
class _Hole:
    """A chunk whose vector is neither in the version being built nor in the vector cache."""

    doc: _Doc
    row: int
    key: bytes  # passage_key(text)
    text: str  # the passage embedded for it


@dataclass
class _Previous:
    manifest: Manifest
    folder: Path
    reusable: bool  # same embedder, chunker, lexicon, ingest code and schema
    _loaded: dict[str, _Doc] | None = None

    def docs(self) -> dict[str, _Doc]:
        """The previous version's documents with their chunks, vectors and tokens (read once)."""
        if self._loaded is None:
            documents = {d["doc_id"]: document_from_json(d) for d in read_jsonl(self.folder / DOCUMENTS_FILE)}
            chunks = [chunk_from_json(c) for c in read_jsonl(self.folder / CHUNKS_FILE)]
            tokens = read_jsonl(self.folder / TOKENS_FILE)
            vectors = load_vectors(self.folder / VECTORS_FILE)
            if not len(chunks) == len(tokens) == vectors.shape[0]:
                raise IndexMismatchError(
                    f"index version {self.folder.name}: chunks, tokens and vectors differ in length"
                )
            positions: dict[str, list[int]] = {}
            for i, chunk in enumerate(chunks):
                positions.setdefault(chunk.doc_id, []).append(i)
            loaded = {}
            for entry in self.manifest.documents:
                rows = positions.get(entry.doc_id, [])
                loaded[entry.doc_id] = _Doc(
                    document=documents[entry.doc_id],
                    chunks=[chunks[i] for i in rows],
                    overrides=entry.overrides,
                    vectors=vectors[rows] if rows else np.zeros((0, vectors.shape[1]), dtype=np.float32),
                    tokens=[list(tokens[i]) for i in rows],
                )
            self._loaded = loaded
        return self._loaded


def _json_safe(value: dict) -> dict:
    """A metadata.yaml entry as it reads back from JSON (YAML dates and the like become strings)."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str, sort_keys=True))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # gone or unreadable: parsing names the file


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _Build:
    def __init__(
        self, settings: Settings, embedder: ReportEmbeddings, backend: SearchBackend, progress: Progress, notify: Notify
    ) -> None:
        self.settings = settings
        self.embedder = embedder
        self.backend = backend
        self.progress = progress
        self.notify = notify
        self.started = time.monotonic()
        self.index_dir = Path(settings.index_dir)
        self.corpus_dir = Path(settings.corpus_dir)

    def run(self, full: bool, allow_empty: bool) -> BuildReport:
        from reportqa.ingest.chunking import Chunker
        from reportqa.ingest.loaders import LARGE_FILE_BYTES, scan_corpus
        from reportqa.ingest.metadata import load_meta_overrides
        from reportqa.language.lexicon import Lexicon

        lexicon = Lexicon.load(self.settings.lexicon_dir)
        fingerprint = {
            "embedder": self.embedder.name,
            "chunk_size": self.settings.chunk_size,
            "chunk_overlap": self.settings.chunk_overlap,
            "lexicon": lexicon_hash(self.settings.lexicon_dir),
            "ingest": ingest_code_hash(),
        }
        previous, reason = self._previous(fingerprint)
        if full and reason is None:
            reason = "requested (--full)"

        paths, skipped = scan_corpus(self.corpus_dir)
        overrides = load_meta_overrides(self.corpus_dir)
        chunker = Chunker(self.settings.chunk_size, self.settings.chunk_overlap, tokenizer=lexicon)
        report = BuildReport(
            version="",
            skipped=[FileNote(self._name(Path(error.path)), error.reason) for error in skipped],
            full_rebuild_reason=reason,
        )

        old_entries = {e.doc_id: e for e in previous.manifest.documents} if previous else {}
        reuse = previous is not None and previous.reusable and not full
        docs: dict[str, _Doc] = {}
        to_parse: list[tuple[str, Path, dict, list[str]]] = []  # ..., the report's list it joins once parsed
        for path in paths:
            doc_id = self._name(path)
            doc_overrides = _json_safe(overrides.get(doc_id, {}))
            old = old_entries.get(doc_id)
            try:
                sha = _file_sha256(path)
            except OSError as exc:
                sha = ""
                log.debug("cannot hash %s: %s", path, exc)  # parsing reports it by name below
            if old is not None and old.sha256 == sha and old.overrides == doc_overrides:
                if reuse:
                    report.unchanged.append(doc_id)
                    docs[doc_id] = previous.docs()[doc_id]
                    continue
                outcome = report.unchanged
            else:
                outcome = report.changed if old is not None else report.added
            to_parse.append((doc_id, path, doc_overrides, outcome))
        gone = set(old_entries) - {doc_id for doc_id, *_ in to_parse} - set(docs)

        for done, (doc_id, path, doc_overrides, outcome) in enumerate(to_parse, start=1):
            size = _size(path)
            parsed = self._parse(path, chunker, overrides)
            if size > LARGE_FILE_BYTES and not isinstance(parsed, str):  # a skipped file is named with its reason
                report.warnings.append(
                    FileNote(doc_id, f"文件很大（{size / 1024 / 1024:.1f} MB），解析和计算向量可能需要很长时间")
                )
            if isinstance(parsed, str):
                report.skipped.append(FileNote(doc_id, parsed))
                if self._keep_previous(doc_id, previous, docs):
                    report.kept.append(doc_id)
                elif doc_id in old_entries:
                    gone.add(doc_id)  # its previous version cannot be reused: it leaves the index
            else:
                docs[doc_id] = _Doc(*parsed, doc_overrides)
                outcome.append(doc_id)
            self.progress("parse", done, len(to_parse))
        report.removed = sorted(gone)

        if not docs and previous is not None and previous.manifest.documents and not allow_empty:
            raise EmptyCorpusError(self._empty_corpus_message(previous.manifest, report.skipped))
        nothing_changed = (
            previous is not None
            and reason is None
            and not (report.added or report.changed or report.removed)
            and previous.manifest.complete  # else: a build stopped while embedding, which this one finishes
            and self.backend.holds(previous.manifest.version)  # else: the backend was switched since
        )
        if nothing_changed:
            assert previous is not None
            report.version = previous.manifest.version
            report.documents = len(previous.manifest.documents)
            report.chunks = previous.manifest.chunk_count
            return report

        for doc in docs.values():
            if doc.tokens is None:
                doc.tokens = [lexicon.keyword_tokens(passage_text(c, doc.document.meta)) for c in doc.chunks]
        cache = VectorCache(self.settings.vector_cache_dir)
        try:
            holes = self._vectors_from_cache(docs, cache, report)
            if holes:
                report.partial_version = self._write(docs, fingerprint, missing=len(holes))
                report.searchable_seconds = time.monotonic() - self.started
                embedded = 1 - len(holes) / sum(len(d.chunks) for d in docs.values())
                self.notify(
                    f"已发布索引版本 {report.partial_version}：全部文档已可按关键词检索；"
                    f"语义索引 {embedded:.0%}，其余段落正在计算向量"
                )
                self._embed(holes, cache, report)
        finally:
            cache.close()
        report.chunks_reused = sum(len(d.chunks) for d in docs.values()) - report.chunks_embedded - report.chunks_cached
        report.version = self._write(docs, fingerprint, missing=0)
        if not report.partial_version:
            report.searchable_seconds = time.monotonic() - self.started
        report.switched = True
        report.documents = len(docs)
        report.chunks = sum(len(d.chunks) for d in docs.values())
        return report

    # --- steps -----------------------------------------------------------------------------------

    def _previous(self, fingerprint: dict) -> tuple[_Previous | None, str | None]:
        """The serving version (if any) and why it cannot be reused (None if it can)."""
        version = current_version(self.index_dir)
        if version is None:
            return None, None
        folder = versions_dir(self.index_dir) / version
        try:
            manifest = Manifest.load(folder / MANIFEST_FILE)
        except (IndexMismatchError, FileNotFoundError) as exc:
            return None, f"the serving index cannot be read or is of another schema ({exc})"
        reason = manifest.rebuild_reason(
            embedder=fingerprint["embedder"],
            chunk_size=fingerprint["chunk_size"],
            chunk_overlap=fingerprint["chunk_overlap"],
            lexicon=fingerprint["lexicon"],
            ingest=fingerprint["ingest"],
        )
        previous = _Previous(manifest, folder, reusable=reason is None)
        if previous.reusable:
            try:
                previous.docs()
            except (OSError, ValueError, KeyError, IndexMismatchError) as exc:
                return None, f"the serving index version {version} is damaged ({exc})"
        return previous, reason

    def _name(self, path: Path) -> str:
        """How the user knows a file of the corpus: its path relative to the corpus folder (a doc_id)."""
        return path.relative_to(self.corpus_dir).as_posix()

    def _parse(self, path: Path, chunker, overrides: dict) -> tuple[Document, list[Chunk]] | str:
        """The document and its chunks, or why the file cannot be indexed."""
        from reportqa.ingest.pipeline import parse_document

        try:
            document, chunks = parse_document(path, self.corpus_dir, chunker, overrides)
        except DocumentError as exc:
            return exc.reason
        except Exception:  # a parser bug on one file must not stop the others, nor print a traceback
            log.warning("unexpected error while parsing %s", path, exc_info=True)
            return "解析时出现意外错误（详情已记录在服务器日志中）"
        cap = self.settings.max_chunks_per_document
        if len(chunks) > cap:
            seconds = sum(len(chunk.text) for chunk in chunks) / self.settings.embed_chars_per_second
            return (
                f"段落过多：{len(chunks):,} 段，超过每篇上限 {cap:,} 段（计算向量需{duration_text(seconds)}），未索引；"
                "请拆分文件，或调高设置 max_chunks_per_document 后重建"
            )
        return document, chunks

    def _keep_previous(self, doc_id: str, previous: _Previous | None, docs: dict[str, _Doc]) -> bool:
        """A changed file became unreadable: keep serving its previous version if it can be reused."""
        if previous is not None and previous.reusable and doc_id in previous.docs():
            docs[doc_id] = previous.docs()[doc_id]
            return True
        return False

    def _empty_corpus_message(self, serving: Manifest, skipped: list[FileNote]) -> str:
        unreadable = ""
        if skipped:
            names = "、".join(printable(note.name) for note in skipped[:3]) + ("等" if len(skipped) > 3 else "")
            unreadable = f"（{len(skipped)} 个文件无法索引：{names}）"
        return (
            f"语料目录 {self.corpus_dir.name} 中没有可索引的文档{unreadable}，而正在使用的索引（版本 "
            f"{serving.version}）有 {len(serving.documents)} 篇，未发布空索引；"
            "若确要清空索引，请运行 reportqa ingest --allow-empty"
        )

    def _vectors_from_cache(self, docs: dict[str, _Doc], cache: VectorCache, report: BuildReport) -> list[_Hole]:
        """Give every chunk without a vector the cached one; the chunks left without one, in index order.

        New documents have no vectors yet; reused ones have zero rows where a stopped build left them.
        """
        wanted: list[tuple[_Doc, int]] = []
        for doc_id in sorted(docs):
            doc = docs[doc_id]
            if doc.vectors is not None and not doc.vectors.any():
                doc.vectors = None  # none embedded yet: its rows may be of a placeholder width (see _dimension)
            rows = range(len(doc.chunks)) if doc.vectors is None else np.flatnonzero(~doc.vectors.any(axis=1))
            wanted.extend((doc, int(row)) for row in rows)
        passages = [passage_text(doc.chunks[row], doc.document.meta) for doc, row in wanted]
        keys = [passage_key(p) for p in passages]
        found = cache.get_many(self.embedder.name, keys)
        reused = next((d.vectors.shape[1] for d in docs.values() if d.vectors is not None), None)
        dimension = reused or self._dimension(found)  # asking the embedder may load a model or call a server
        holes: list[_Hole] = []
        for (doc, row), key, text in zip(wanted, keys, passages, strict=True):
            if doc.vectors is None:
                doc.vectors = np.zeros((len(doc.chunks), dimension), dtype=np.float32)
            if key in found:
                doc.vectors[row] = found[key]
            else:
                holes.append(_Hole(doc, row, key, text))
        report.chunks_cached = len(wanted) - len(holes)
        return holes

    def _embed(self, holes: list[_Hole], cache: VectorCache, report: BuildReport) -> None:
        """Embed the holes' passages (each text once), batch by batch into the cache, then into their rows."""
        pending = list({hole.key: hole.text for hole in holes}.items())
        size = self.settings.embed_batch_size
        batches = [pending[begin : begin + size] for begin in range(0, len(pending), size)]
        report.embed_processes = worker_count(self.embedder, self.settings, len(batches)) or 1
        characters = sum(len(text) for _, text in pending)
        rate = self.settings.embed_chars_per_second * report.embed_processes
        processes = f"，{report.embed_processes} 个进程" if report.embed_processes > 1 else ""
        self.notify(
            f"需计算向量：{len(pending)} 个段落，{characters:,} 字，预计{duration_text(characters / rate)}"
            f"（按每秒 {rate:.0f} 字估算{processes}）"
        )
        report.chunks_embedded = len(holes)
        computed: dict[bytes, np.ndarray] = {}
        self.progress("embed", 0, len(pending))
        started = time.monotonic()
        texts = [[text for _, text in batch] for batch in batches]
        for number, vectors in embed_batches(self.embedder, texts, self.settings):
            batch = batches[number]
            if vectors.shape[0] != len(batch):
                raise ReportQAError(
                    f"embedder {self.embedder.name} returned {vectors.shape[0]} vectors for {len(batch)} passages"
                )
            cache.put_many(self.embedder.name, [key for key, _ in batch], vectors)  # kept even if we stop later
            computed.update(zip((key for key, _ in batch), vectors, strict=True))
            self.progress("embed", len(computed), len(pending))
        report.embed_seconds = time.monotonic() - started
        report.embed_characters = characters
        for hole in holes:
            hole.doc.vectors[hole.row] = computed[hole.key]  # type: ignore[index]

    def _dimension(self, vectors: dict[bytes, np.ndarray]) -> int:
        for vector in vectors.values():
            return int(vector.shape[0])
        try:
            return int(self.embedder.dimension)
        except EmbedderError as exc:
            # nothing cached and the endpoint down: the documents are still published keyword-searchable,
            # with zero rows of a placeholder width that the next build replaces; the embedding then fails
            log.warning("vector size unknown (%s): publishing a keyword-only version first", exc)
            return UNKNOWN_DIMENSION

    def _write(self, docs: dict[str, _Doc], fingerprint: dict, *, missing: int) -> str:
        """Write a version folder and switch CURRENT to it; `missing` chunks have no vector yet (zero rows)."""
        ordered = [docs[doc_id] for doc_id in sorted(docs)]
        chunks = [chunk for doc in ordered for chunk in doc.chunks]
        tokens = [t for doc in ordered for t in (doc.tokens or [])]
        matrices = [doc.vectors for doc in ordered if doc.vectors is not None and len(doc.vectors)]
        dims = {m.shape[1] for m in matrices}
        if len(dims) > 1:
            raise ReportQAError(f"vectors of different dimensions {sorted(dims)}: run `reportqa ingest --full`")
        dimension = dims.pop() if dims else int(self.embedder.dimension)
        vectors = np.concatenate(matrices) if matrices else np.zeros((0, dimension), dtype=np.float32)

        self.progress("index", 0, 2)
        dense = DenseIndex.build(vectors, approx_threshold=self.settings.approx_index_threshold, dimension=dimension)
        self.progress("index", 1, 2)
        keyword = KeywordIndex.build(tokens)
        self.progress("index", 2, 2)

        version = new_version_id()
        manifest = Manifest(
            version=version,
            embedder=fingerprint["embedder"],
            dimension=dimension,
            chunk_size=fingerprint["chunk_size"],
            chunk_overlap=fingerprint["chunk_overlap"],
            lexicon_hash=fingerprint["lexicon"],
            ingest_hash=fingerprint["ingest"],
            created_at=datetime.now(UTC),
            missing_vectors=missing,
            documents=[
                DocumentEntry(
                    doc_id=doc.document.doc_id,
                    sha256=doc.document.sha256,
                    chunks=len(doc.chunks),
                    meta=doc.document.meta,
                    overrides=doc.overrides,
                )
                for doc in ordered
            ],
        )
        root = versions_dir(self.index_dir)
        root.mkdir(parents=True, exist_ok=True)
        tmp = root / f"{TMP_PREFIX}{version}"
        files: list[tuple[str, Callable[[Path], None]]] = [
            (DOCUMENTS_FILE, lambda path: write_jsonl(path, (document_to_json(doc.document) for doc in ordered))),
            (CHUNKS_FILE, lambda path: write_jsonl(path, (chunk_to_json(chunk) for chunk in chunks))),
            (TOKENS_FILE, lambda path: write_jsonl(path, tokens)),
            (VECTORS_FILE, lambda path: save_vectors(path, vectors)),
            (DENSE_FILE, dense.save),
            (BM25_DIR, keyword.save),
            (MANIFEST_FILE, manifest.save),
        ]
        steps = len(files) + 2
        self.progress("save", 0, steps)
        try:
            tmp.mkdir()
            for done, (name, write) in enumerate(files, start=1):
                with _naming(tmp / name):
                    write(tmp / name)
                self.progress("save", done, steps)
            self.backend.publish(version, vectors, keyword)
            with _naming(tmp):
                _fsync_tree(tmp)
            os.rename(tmp, root / version)
            fsync_dir(root)
        except BaseException:
            self._discard(version, tmp)
            raise
        self.progress("save", steps - 1, steps)
        with _naming(self.index_dir / CURRENT_FILE):
            switch_current(self.index_dir, version)
        self.progress("save", steps, steps)
        return version

    def _discard(self, version: str, tmp: Path) -> None:
        """Undo a failed write. If the backend cannot drop what it holds, keep `tmp` so the next build retries."""
        try:
            self.backend.drop([version])
        except Exception:
            log.warning("could not drop the search backend's copy of failed version %s", version, exc_info=True)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


@contextmanager
def _naming(path: Path) -> Iterator[None]:
    """Make a failed write of `path` an OSError that names it: numpy, faiss and buffered writes do not.

    numpy reports a short write without an errno and faiss as a RuntimeError; after either, a disk
    without space left is the likely cause and is named as such.
    """
    try:
        yield
    except OSError as exc:
        if exc.filename is not None:
            raise
        code = exc.errno or _full_disk_errno(path)
        raise OSError(code, os.strerror(code) if code else str(exc), str(path)) from exc
    except RuntimeError as exc:  # faiss.write_index
        code = _full_disk_errno(path)
        raise OSError(code, os.strerror(code) if code else str(exc).strip().splitlines()[-1], str(path)) from exc


def _full_disk_errno(path: Path) -> int | None:
    folder = next((p for p in (path, *path.parents) if p.is_dir()), Path("/"))
    return errno.ENOSPC if shutil.disk_usage(folder).free < FULL_DISK_BYTES else None


def _fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    for sub in [folder, *(p for p in folder.rglob("*") if p.is_dir())]:
        fsync_dir(sub)
