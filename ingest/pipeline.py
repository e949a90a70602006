"""One source file -> (Document, chunks): load, parse structure, chunk.

chunker = Chunker(tokenizer=Lexicon.load(settings.lexicon_dir))
overrides = load_meta_overrides(settings.corpus_dir)
files, skipped = scan_corpus(settings.corpus_dir)
for path in files:
    document, chunks = parse_document(path, settings.corpus_dir, chunker, overrides)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reportqa.core.errors import DocumentError
from reportqa.core.models import Block, Chunk, Document
from reportqa.ingest.chunking import Chunker
from reportqa.ingest.loaders import DEFAULT_MAX_BYTES, document_from_bytes, load_document
from reportqa.ingest.structure import parse_blocks


@dataclass(frozen=True)
class IngestedDocument:
    """A document with the blocks it was parsed into and the chunks cut from them."""

    document: Document
    blocks: list[Block]
    chunks: list[Chunk]


def ingest_document(
    path: Path,
    corpus_dir: Path,
    chunker: Chunker,
    meta_overrides: Mapping[str, dict] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> IngestedDocument:
    """Load ``path`` (doc_id relative to ``corpus_dir``), parse its blocks and chunk them.

    Raises DocumentError naming the file when it cannot be read.
    """
    document = load_document(path, corpus_dir, meta_overrides, max_bytes=max_bytes)
    blocks = parse_blocks(document)
    return IngestedDocument(document, blocks, chunker.chunk(document, blocks))


def parse_document(
    path: Path,
    corpus_dir: Path,
    chunker: Chunker,
    meta_overrides: Mapping[str, dict] | None = None,
) -> tuple[Document, list[Chunk]]:
    """The document at ``path`` and its chunks (see :func:`ingest_document`)."""
    ingested = ingest_document(path, corpus_dir, chunker, meta_overrides)
    return ingested.document, ingested.chunks


def check_readable(name: str, data: bytes) -> Document:
    """The document an upload named ``name`` would become, parsed as a build parses it; DocumentError
    (naming the file, with the reason) when a build would skip it. Nothing is written."""
    document = document_from_bytes(Path(name), name, data)
    try:
        parse_blocks(document)
    except Exception as exc:  # a build skips a file its parser fails on; so does the upload
        raise DocumentError(name, "解析时出现意外错误", f"{type(exc).__name__}: {exc}") from exc
    return document
