"""Numbered citations: each passage an answer quotes gets a number the first time it is cited."""

from __future__ import annotations

from collections.abc import Mapping

from reportqa.core.models import Citation, DocumentMeta, Hit


class CitationList:
    """Collects cited passages in order of first use; `cite` returns the [n] marker number."""

    def __init__(self, documents: Mapping[str, DocumentMeta]) -> None:
        self.documents = documents
        self.items: list[Citation] = []
        self._numbers: dict[str, int] = {}

    def cite(self, hit: Hit, quote_start: int, quote_end: int) -> int:
        chunk = hit.chunk
        if chunk.chunk_id in self._numbers:
            return self._numbers[chunk.chunk_id]
        n = len(self.items) + 1
        meta = self.documents.get(chunk.doc_id)
        self.items.append(
            Citation(
                n=n,
                doc=chunk.doc_id,
                section=chunk.section,
                text=chunk.text,
                start=chunk.start,
                end=chunk.end,
                score=hit.score,
                title=meta.title if meta else "",
                year=meta.year if meta else None,
                highlight=chunk.text[quote_start:quote_end],
            )
        )
        self._numbers[chunk.chunk_id] = n
        return n
