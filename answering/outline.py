"""What a section lists: each document's headings, read from its chunks' section paths.

"构建激励创新的体制机制有哪几个方面？" is answered by the headings under "第八章 构建激励创新的体制机制"
("第一节 深化科技管理体制改革", "第二节 …"), which no one sentence lists.

    outline = Outline(chunks)
    outline.children(chunk.doc_id, "第二篇 … > 第八章 …")  # [Heading, ...] in document order
    outline.ancestors(chunk.section)  # the section and each one above it, innermost first
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reportqa.core.models import Chunk
from reportqa.language.numbering import NUMBERED_POINT, strip_numbering

SEPARATOR = " > "
# a paragraph that opens with a numbered point of a few words, then says more: "（一）多措并举扩就业。全年…"
_POINT = re.compile(rf"(?:^|(?<=\n))(?P<title>{NUMBERED_POINT}[^。；\n]{{2,30}})[。；]")
_FIRST_POINT = re.compile(r"[（(]\s*[一1]\s*[）)]")


@dataclass(frozen=True)
class Heading:
    title: str  # as the document writes it: "第一节 深化科技管理体制改革", "（一）试点阶段（2021年3月）"
    chunk: Chunk  # the first chunk under it, which quotes it

    @property
    def item(self) -> str:
        """The heading without its numbering: what a list of the headings names."""
        return strip_numbering(self.title)


class Outline:
    """The headings under each section of each document, in document order; for a section without
    headings under it, the points it numbers ("（一）多措并举扩就业。全年新增…": 多措并举扩就业)."""

    def __init__(self, chunks: Iterable[Chunk]) -> None:
        self._children: dict[tuple[str, str], list[Heading]] = {}
        points: dict[tuple[str, str], dict[int, Heading]] = {}  # by where each point starts in its document
        seen: set[tuple[str, str]] = set()
        for chunk in sorted(chunks, key=lambda c: (c.doc_id, c.start)):
            parts = chunk.section.split(SEPARATOR) if chunk.section else []
            for depth in range(1, len(parts) + 1):
                path = SEPARATOR.join(parts[:depth])
                if (chunk.doc_id, path) in seen:
                    continue
                seen.add((chunk.doc_id, path))
                parent = SEPARATOR.join(parts[: depth - 1])
                self._children.setdefault((chunk.doc_id, parent), []).append(Heading(parts[depth - 1], chunk))
            for point in _POINT.finditer(chunk.text):
                heading = Heading(point.group("title"), chunk)
                points.setdefault((chunk.doc_id, chunk.section), {}).setdefault(chunk.start + point.start(), heading)
        for key, found in points.items():
            numbered = [found[at] for at in sorted(found)]
            if key not in self._children and _FIRST_POINT.match(numbered[0].title):
                self._children[key] = numbered

    def children(self, doc_id: str, path: str) -> list[Heading]:
        return self._children.get((doc_id, path), [])

    @staticmethod
    def ancestors(section: str) -> list[str]:
        """`section` and every section above it, innermost first."""
        parts = section.split(SEPARATOR) if section else []
        return [SEPARATOR.join(parts[:depth]) for depth in range(len(parts), 0, -1)]
