"""The plain recipe a user would pick instead of reportqa, to compare against in the same run.

LangChain's RecursiveCharacterTextSplitter (500 characters, 50 overlap) over the same documents,
the same embedder, exact inner-product FAISS top 5; the answer is the top chunk's text, always
"found", citing the top 5 chunks. Chunks keep their start offsets, so every passage is a slice
of the source text and the eval's hit and citation checks apply unchanged.

    recipe = PlainRecipe.build(documents, embedder)
    hits = recipe.retrieve("2019年高新技术企业有多少家？", top_k=5)
    answer = recipe.ask("2019年高新技术企业有多少家？")

(langchain-community is not a dependency, so FAISS is used directly rather than through
LangChain's FAISS vector store; the search is the same: inner product over normalised vectors.)
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import faiss
import numpy as np
from langchain_text_splitters import RecursiveCharacterTextSplitter

from reportqa.core.models import Answer, Chunk, Citation, Document, Hit

CHUNK_SIZE = 500
CHUNK_OVERLAP = 50
TOP_K = 5
EMBED_BATCH = 64

Progress = Callable[[str, int, int], None]


class PassageEmbedder(Protocol):
    name: str

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...

    def embed_query_vector(self, text: str) -> np.ndarray: ...


def split_documents(documents: Sequence[Document]) -> list[Chunk]:
    """Split with the plain recipe's splitter; each chunk's text is `document.text[start:end]`."""
    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP, add_start_index=True)
    chunks: list[Chunk] = []
    for doc in documents:
        for piece in splitter.create_documents([doc.text]):
            start = piece.metadata["start_index"]
            end = start + len(piece.page_content)
            if start < 0 or doc.text[start:end] != piece.page_content:
                raise ValueError(f"{doc.doc_id}: splitter chunk at {start} is not a slice of the source")
            chunks.append(Chunk(f"{doc.doc_id}#{start}-{end}", doc.doc_id, start, end, piece.page_content, ""))
    return chunks


def _normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors.reshape(1, -1)
    faiss.normalize_L2(vectors)
    return vectors


def embed_chunks(
    chunks: Sequence[Chunk],
    embedder: PassageEmbedder,
    *,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
) -> np.ndarray:
    """Passage vectors for `chunks`, read from `cache_dir` when the same texts were embedded before."""
    texts = [c.text for c in chunks]
    digest = hashlib.sha256("\x00".join([embedder.name, *texts]).encode("utf-8")).hexdigest()[:24]
    cache = Path(cache_dir) / f"{digest}.npy" if cache_dir is not None else None
    if cache is not None and cache.is_file():
        vectors = np.load(cache)
        if progress:
            progress("baseline: embed chunks (cached)", len(texts), len(texts))
        return vectors
    parts: list[np.ndarray] = []
    for begin in range(0, len(texts), EMBED_BATCH):
        parts.append(np.asarray(embedder.embed_passages(texts[begin : begin + EMBED_BATCH]), dtype=np.float32))
        if progress:
            progress("baseline: embed chunks", min(begin + EMBED_BATCH, len(texts)), len(texts))
    vectors = np.vstack(parts) if parts else np.zeros((0, 1), dtype=np.float32)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp.npy")
        np.save(tmp, vectors)
        tmp.replace(cache)
    return vectors


class PlainRecipe:
    """Splitter chunks + exact FAISS search; `ask` and `retrieve` mirror `Engine`'s."""

    def __init__(self, chunks: Sequence[Chunk], vectors: np.ndarray, embedder: PassageEmbedder) -> None:
        if len(chunks) != len(vectors):
            raise ValueError(f"{len(chunks)} chunks but {len(vectors)} vectors")
        self.chunks = list(chunks)
        self.embedder = embedder
        vectors = _normalised(vectors)
        self.index = faiss.IndexFlatIP(vectors.shape[1])
        if len(self.chunks):
            self.index.add(vectors)

    @classmethod
    def build(
        cls,
        documents: Sequence[Document],
        embedder: PassageEmbedder,
        *,
        cache_dir: Path | None = None,
        progress: Progress | None = None,
    ) -> PlainRecipe:
        chunks = split_documents(documents)
        return cls(chunks, embed_chunks(chunks, embedder, cache_dir=cache_dir, progress=progress), embedder)

    def retrieve(self, question: str, *, top_k: int = TOP_K) -> list[Hit]:
        if top_k <= 0:
            raise ValueError(f"top_k must be greater than 0, got {top_k}")
        if not self.chunks:
            return []
        query = _normalised(np.asarray(self.embedder.embed_query_vector(question)))
        scores, ids = self.index.search(query, min(top_k, len(self.chunks)))
        return [
            Hit(chunk=self.chunks[i], score=float(s), dense_rank=rank)
            for rank, (i, s) in enumerate(zip(ids[0], scores[0], strict=True))
            if i >= 0
        ]

    def ask(self, question: str) -> Answer:
        hits = self.retrieve(question, top_k=TOP_K)
        citations = [
            Citation(
                n=n,
                doc=h.chunk.doc_id,
                section=h.chunk.section,
                text=h.chunk.text,
                start=h.chunk.start,
                end=h.chunk.end,
                score=h.score,
            )
            for n, h in enumerate(hits, start=1)
        ]
        return Answer(
            question=question,
            answer=hits[0].chunk.text if hits else "",
            found=True,
            citations=citations,
            index_version="baseline",
        )
