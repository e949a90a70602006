"""What an index version was built from: ``manifest.json`` in each version folder.

    manifest = Manifest.load(version_dir / "manifest.json")
    manifest.check_compatible(embedder)        # IndexMismatchError: run `reportqa ingest --full`
    manifest.rebuild_reason(other)             # why `other` settings cannot reuse this version, or None

Everything that changes the chunks, their vectors or their BM25 tokens is recorded here, so an
incremental build knows when it must start over: the schema (file layout and passage format), the
embedder, the chunker settings, the lexicon files and the ingest code.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from reportqa.core.errors import IndexMismatchError, os_error_reason
from reportqa.core.models import DocumentMeta
from reportqa.language.lexicon import QUESTION_ONLY, lexicon_folder

# 1: first layout (manifest, documents.jsonl, chunks.jsonl, tokens.jsonl, vectors.npy, dense.faiss, bm25/);
#    passages are indexing.passages.passage_text
SCHEMA_VERSION = 1
MANIFEST_FILE = "manifest.json"
FULL_REBUILD_HINT = "run `reportqa ingest --full` to rebuild the index"


def hash_files(paths: list[Path], root: Path | None = None) -> str:
    """sha256 over the names (relative to `root`) and bytes of `paths`, in sorted order; missing files are skipped."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        if not path.is_file():
            continue
        name = path.relative_to(root).as_posix() if root is not None else path.name
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def lexicon_hash(lexicon_dir: Path | None) -> str:
    """Hash of the lexicon files (None: the built-in lexicon) BM25 tokens depend on: not those read for
    questions only (`QUESTION_ONLY`: everyday.txt, english.txt, plain_words.txt)."""
    lexicon_dir = lexicon_folder(lexicon_dir)
    files = [p for p in lexicon_dir.glob("*.txt") if p.name not in QUESTION_ONLY] if lexicon_dir.is_dir() else []
    return hash_files(files, lexicon_dir)


def ingest_code_hash() -> str:
    """Hash of the code that turns files into chunks: the ingest package and the language code it
    uses (sentences, places). A parser or chunker change re-parses every document; the language
    package's data files (nicknames, lexicon) are not code and do not."""
    import reportqa.ingest
    import reportqa.language

    folders = [Path(package.__file__).resolve().parent for package in (reportqa.ingest, reportqa.language)]
    return hash_files([path for folder in folders for path in folder.glob("*.py")], folders[0].parent)


def _meta_to_json(meta: DocumentMeta) -> dict:
    return asdict(meta)


def meta_from_json(data: dict) -> DocumentMeta:
    return DocumentMeta(
        title=str(data.get("title", "")),
        place=str(data.get("place", "")),
        year=data.get("year"),
        kind=str(data.get("kind", "")),
    )


@dataclass(frozen=True)
class DocumentEntry:
    """One indexed document: where it came from and how many chunks it has in this version."""

    doc_id: str
    sha256: str  # of the file's bytes when it was parsed
    chunks: int
    meta: DocumentMeta
    overrides: dict = field(default_factory=dict)  # its metadata.yaml entry when parsed ({} if none)

    def to_json(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "sha256": self.sha256,
            "chunks": self.chunks,
            "meta": _meta_to_json(self.meta),
            "overrides": self.overrides,
        }

    @classmethod
    def from_json(cls, data: dict) -> DocumentEntry:
        return cls(
            doc_id=data["doc_id"],
            sha256=data["sha256"],
            chunks=int(data["chunks"]),
            meta=meta_from_json(data.get("meta", {})),
            overrides=dict(data.get("overrides") or {}),
        )


@dataclass(frozen=True)
class Manifest:
    version: str
    embedder: str  # the embedder's `name`
    dimension: int
    chunk_size: int
    chunk_overlap: int
    lexicon_hash: str
    ingest_hash: str
    created_at: datetime
    documents: list[DocumentEntry] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION
    # chunks still without a vector (zero rows of vectors.npy): a version published keyword-searchable
    # while the rest is embedded; 0 once complete (and in versions written before two-stage builds)
    missing_vectors: int = 0

    @property
    def complete(self) -> bool:
        return self.missing_vectors == 0

    @property
    def chunk_count(self) -> int:
        return sum(entry.chunks for entry in self.documents)

    def document(self, doc_id: str) -> DocumentEntry | None:
        for entry in self.documents:
            if entry.doc_id == doc_id:
                return entry
        return None

    def to_json(self) -> dict:
        return {
            "schema_version": self.schema_version,
            "version": self.version,
            "embedder": self.embedder,
            "dimension": self.dimension,
            "chunk_size": self.chunk_size,
            "chunk_overlap": self.chunk_overlap,
            "lexicon_hash": self.lexicon_hash,
            "ingest_hash": self.ingest_hash,
            "created_at": self.created_at.astimezone(UTC).isoformat(),
            "documents": [entry.to_json() for entry in self.documents],
            "missing_vectors": self.missing_vectors,
        }

    @classmethod
    def from_json(cls, data: dict) -> Manifest:
        schema = data.get("schema_version")
        if schema != SCHEMA_VERSION:
            raise IndexMismatchError(
                f"index version {data.get('version', '?')} has schema {schema}, this reportqa reads schema "
                f"{SCHEMA_VERSION}: {FULL_REBUILD_HINT}"
            )
        try:
            return cls(
                version=str(data["version"]),
                embedder=str(data["embedder"]),
                dimension=int(data["dimension"]),
                chunk_size=int(data["chunk_size"]),
                chunk_overlap=int(data["chunk_overlap"]),
                lexicon_hash=str(data["lexicon_hash"]),
                ingest_hash=str(data["ingest_hash"]),
                created_at=datetime.fromisoformat(data["created_at"]),
                documents=[DocumentEntry.from_json(d) for d in data.get("documents", [])],
                schema_version=int(schema),
                missing_vectors=int(data.get("missing_vectors", 0)),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise IndexMismatchError(f"index manifest is incomplete ({exc}): {FULL_REBUILD_HINT}") from exc

    def save(self, path: Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Manifest:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            reason = os_error_reason(exc) if isinstance(exc, OSError) else exc
            raise IndexMismatchError(
                f"{Path(path).name}: unreadable index manifest ({reason}): {FULL_REBUILD_HINT}"
            ) from exc
        if not isinstance(data, dict):
            raise IndexMismatchError(f"{Path(path).name}: not an index manifest: {FULL_REBUILD_HINT}")
        return cls.from_json(data)

    def check_compatible(self, embedder_name: str) -> None:
        """Raise IndexMismatchError unless queries embedded by `embedder_name` can search this version."""
        if embedder_name != self.embedder:
            raise IndexMismatchError(
                f"the index (version {self.version}) was built with embedder {self.embedder}, "
                f"but the settings use {embedder_name}: {FULL_REBUILD_HINT}"
            )

    def rebuild_reason(
        self, *, embedder: str, chunk_size: int, chunk_overlap: int, lexicon: str, ingest: str
    ) -> str | None:
        """Why a build with these settings cannot reuse this version's chunks and vectors; None if it can."""
        if embedder != self.embedder:
            return f"embedder changed ({self.embedder} -> {embedder})"
        if (chunk_size, chunk_overlap) != (self.chunk_size, self.chunk_overlap):
            return (
                f"chunker settings changed (chunk_size/overlap {self.chunk_size}/{self.chunk_overlap} "
                f"-> {chunk_size}/{chunk_overlap})"
            )
        if lexicon != self.lexicon_hash:
            return "lexicon files changed"
        if ingest != self.ingest_hash:
            return "ingest code changed"
        return None
