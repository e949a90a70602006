"""What a section lists: each document's headings, read from its chunks' section paths, and the points
its paragraphs number ("…面临不少挑战：一是…。二是…"); how each paragraph opens, and which passage reads
on furthest after a statement.

"构建激励创新的体制机制有哪几个方面？" is answered by the headings under "第八章 构建激励创新的体制机制"
("第一节 深化科技管理体制改革", "第二节 …"), which no one sentence lists.

    outline = Outline(chunks)
    outline.children(chunk.doc_id, "第二篇 … > 第八章 …")  # [Heading, ...] in document order
    outline.ancestors(chunk.section)  # the section and each one above it, innermost first
    outline.points_from(chunk.doc_id, 120, 160)  # the run "一是…", "二是…" opening there, if one does
    outline.paragraph_opening(chunk.doc_id, 420)  # "五年来，综合实力实现历史性跨越，…": the paragraph there
    outline.passage_holding(chunk.doc_id, 420, 460)  # the passage that reads on furthest after a statement
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from reportqa.core.models import Chunk
from reportqa.language.numbering import INLINE_POINT, PARAGRAPH_POINT, ordinal, point_number, strip_numbering

SEPARATOR = " > "
# a paragraph that opens with a numbered point of a few words, then says more: "（一）多措并举扩就业。全年…",
# "二是高层次人才匮乏，人才结构不均衡。我市…", "**（一）围绕创新驱动发展，着力打造…中心。**按照…"
_POINT = re.compile(rf"(?:^|(?<=\n))(?:\*\*)?(?P<title>{PARAGRAPH_POINT}[^。；\n*]{{2,50}})[。；]")
_POINT_END = re.compile(r"[。；;\n]")
_POINT_STYLE = re.compile(PARAGRAPH_POINT)
_ITEM_CHARS = 40  # a point longer than this to its sentence's end is named by its first clause
_POINT_GAP = 1500  # characters between two points of one run, at most
_OPENING_CHARS = 30  # enough for "五年来，", "“十三五”时期，我们…"


@dataclass(frozen=True)
class Heading:
    title: str  # as the document writes it: "第一节 深化科技管理体制改革", "（一）试点阶段（2021年3月）"
    chunk: Chunk  # the first chunk under it, which quotes it

    @property
    def item(self) -> str:
        """The heading without its numbering: what a list of the headings names."""
        return strip_numbering(self.title)


@dataclass(frozen=True)
class _InlinePoint:
    at: int  # where it starts in its document
    number: int
    heading: Heading


class Outline:
    """The headings under each section of each document, in document order; for a section without
    headings under it, the points it numbers ("（一）多措并举扩就业。全年新增…": 多措并举扩就业);
    and each run of points said inside paragraphs ("…面临不少挑战：一是创新驱动作用发挥不够充分。…
    二是…"), by where it starts."""

    def __init__(self, chunks: Iterable[Chunk]) -> None:
        self._children: dict[tuple[str, str], list[Heading]] = {}
        points: dict[tuple[str, str], dict[int, Heading]] = {}  # by where each point starts in its document
        inline: dict[str, dict[int, _InlinePoint]] = {}
        passages: dict[str, list[Chunk]] = {}
        seen: set[tuple[str, str]] = set()
        for chunk in sorted(chunks, key=lambda c: (c.doc_id, c.start)):
            if not chunk.is_table_row:
                passages.setdefault(chunk.doc_id, []).append(chunk)
                for point in _inline_points(chunk):
                    inline.setdefault(chunk.doc_id, {}).setdefault(point.at, point)
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
            if key not in self._children and (numbered := _one_list([found[at] for at in sorted(found)])):
                self._children[key] = numbered
        self._runs = {doc_id: _runs([found[at] for at in sorted(found)]) for doc_id, found in inline.items()}
        self._openings = {doc_id: _paragraph_openings(in_order) for doc_id, in_order in passages.items()}
        self._passages = passages

    def children(self, doc_id: str, path: str) -> list[Heading]:
        return self._children.get((doc_id, path), [])

    def points_from(self, doc_id: str, start: int, end: int) -> list[Heading]:
        """The run of inline points ("一是…", "二是…", …) whose first point starts between `start` and
        `end` (offsets in the document), in order; empty when none does."""
        return next((run for at, run in self._runs.get(doc_id, ()) if start <= at <= end), [])

    def points_following(self, doc_id: str, section: str, start: int, end: int) -> list[Heading]:
        """The numbered points that are `section`'s list ("1．长江三角洲及沿江地区。…", "2．…"), when the
        first starts between `start` and `end` (offsets in the document): the paragraph before leads to them."""
        points = self.children(doc_id, section)
        if not points or point_number(points[0].title) is None:
            return []  # headings of their own, or no points
        first = points[0]
        at = first.chunk.start + max(first.chunk.text.find(first.title), 0)
        return points if start <= at <= end else []

    def paragraph_opening(self, doc_id: str, position: int) -> str:
        """The first words of the paragraph that holds `position` (an offset in the document), which
        may be in an earlier chunk: "五年来，…" says what a later sentence of it speaks of."""
        openings = self._openings.get(doc_id, [])
        index = bisect.bisect_right(openings, position, key=lambda opening: opening[0]) - 1
        return openings[index][1] if index >= 0 else ""

    def openings_before(self, doc_id: str, position: int) -> Iterator[tuple[int, str, str]]:
        """Where each paragraph up to the one holding `position` starts, its first words and the section of
        the passage it starts in; the nearest first."""
        openings = self._openings.get(doc_id, [])
        passages = self._passages.get(doc_id, [])
        for at, opening in reversed(openings[: bisect.bisect_right(openings, position, key=lambda o: o[0])]):
            holding = bisect.bisect_right(passages, at, key=lambda chunk: chunk.start) - 1
            yield at, opening, passages[holding].section if holding >= 0 else ""

    def passages_from(self, doc_id: str, start: int, reach: int) -> list[Chunk]:
        """The passages of the document that start before `start` + `reach` and end after `start`, in order."""
        return [c for c in self._passages.get(doc_id, ()) if c.end > start and c.start < start + reach]

    def passage_holding(self, doc_id: str, start: int, end: int) -> Chunk | None:
        """Of the passages that hold `start` to `end` (offsets in the document), the one that goes on
        furthest after it: a statement that ends one passage is read on in the next."""
        holding = [c for c in self._passages.get(doc_id, ()) if c.start <= start and end <= c.end]
        return max(holding, key=lambda chunk: chunk.end, default=None)

    @staticmethod
    def ancestors(section: str) -> list[str]:
        """`section` and every section above it, innermost first."""
        parts = section.split(SEPARATOR) if section else []
        return [SEPARATOR.join(parts[:depth]) for depth in range(len(parts), 0, -1)]


def _one_list(points: list[Heading]) -> list[Heading]:
    """The points of a section that are its list: those of one style ("（一）…", "一是…" or "1．…"), numbered
    from 一 on in order, the bracketed ones first; none when neither style is ("一是…二是…", then
    "一是…" again). Stray "五是…" points inside "（一）…" to "（八）…" leave those a list."""
    for style in ("bracketed", "said", "arabic"):
        listed = [h for h in points if (match := _POINT_STYLE.match(h.title)) and match.group(style)]
        if listed and [point_number(h.title) for h in listed] == list(range(1, len(listed) + 1)):
            return listed
    return []


def _paragraph_openings(passages: list[Chunk]) -> list[tuple[int, str]]:
    """Where each paragraph of a document starts and its first `_OPENING_CHARS` characters, from its
    passages in document order. A passage after a gap opens a paragraph (paragraphs are apart by a
    line break); one that overlaps or follows the last goes on with its paragraph."""
    openings: list[tuple[int, str]] = []
    read_to = -1
    for chunk in passages:
        unread = max(0, read_to - chunk.start)
        if chunk.start > read_to:
            openings.append((chunk.start, ""))
        for number, line in enumerate(chunk.text[unread:].split("\n")):
            if number > 0:
                openings.append((chunk.start + unread, ""))
            if line and openings and len(openings[-1][1]) < _OPENING_CHARS:
                at, opening = openings[-1]
                openings[-1] = (at, (opening + line)[:_OPENING_CHARS])
            unread += len(line) + 1
        read_to = max(read_to, chunk.end)
    return [(at, opening) for at, opening in openings if opening]


def _inline_points(chunk: Chunk) -> Iterator[_InlinePoint]:
    """Each inline point of the chunk, named by its sentence ("二是实体经济经营仍较困难。"), or by its
    first clause when that sentence is long."""
    for opening in INLINE_POINT.finditer(chunk.text):
        number = ordinal(opening.group("said"))
        if number is None:
            continue
        end = _POINT_END.search(chunk.text, opening.end())
        title = chunk.text[opening.start() : end.start() if end else len(chunk.text)]
        if len(title) > _ITEM_CHARS:
            title = re.split(r"[，,：:]", title, maxsplit=1)[0]
        yield _InlinePoint(chunk.start + opening.start(), number, Heading(title, chunk))


def _runs(points: list[_InlinePoint]) -> list[tuple[int, list[Heading]]]:
    """Runs of two or more points numbered one after another from 一, each by where it starts."""
    runs: list[tuple[int, list[Heading]]] = []
    run: list[_InlinePoint] = []
    for point in points:
        if run and point.number == run[-1].number + 1 and point.at - run[-1].at <= _POINT_GAP:
            run.append(point)
            continue
        if len(run) >= 2:
            runs.append((run[0].at, [p.heading for p in run]))
        run = [point] if point.number == 1 else []
    if len(run) >= 2:
        runs.append((run[0].at, [p.heading for p in run]))
    return runs
