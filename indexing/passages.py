"""What the index sees of a chunk: its document's title, place and year, its section path, then its body.

    passage_text(chunk, DocumentMeta(title="淄博市“十三五”科技创新规划后评估报告", year=2020))
    # '淄博市“十三五”科技创新规划后评估报告 2020年\n二、主要指标完成情况\n高新技术企业数（家）：...'

Embedding and BM25 both read this text, so a chunk that says only "完成目标" is still found by a
question naming the city or the plan. Citations keep quoting `chunk.text`; this is never shown.
Changing the format changes every passage: bump `indexing.manifest.SCHEMA_VERSION` with it.
"""

from __future__ import annotations

from reportqa.core.models import Chunk, DocumentMeta


def document_heading(meta: DocumentMeta) -> str:
    """The title, followed by the place and year when the title does not already say them."""
    parts = [meta.title.strip()] if meta.title.strip() else []
    title = parts[0] if parts else ""
    if meta.place and meta.place not in title:
        parts.append(meta.place)
    if meta.year is not None and str(meta.year) not in title:
        parts.append(f"{meta.year}年")
    return " ".join(parts)


def passage_text(chunk: Chunk, meta: DocumentMeta) -> str:
    """The text embedded and keyword-indexed for `chunk`: heading line, section line, body."""
    lines = [document_heading(meta), chunk.section.strip(), chunk.body.strip()]
    return "\n".join(line for line in lines if line)
