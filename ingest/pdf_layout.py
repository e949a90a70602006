"""A PDF's pages -> the text of its paragraphs, headings and tables, laid out as the other formats are.

    text = pdf_layout_text(pages)   # pages: pdfplumber pages (see ingest/loaders.py)

pdfplumber (on pdfminer.six) gives every text line with its position, size and font, and finds ruled
tables. From them:

- Running headers and footers are dropped: lines in the top or bottom tenth of a page that recur on
  another page (digits aside: "- 3 -" and "- 4 -" are one line) or that are page numbers ("- 3 -",
  "1/32", "第3页", "3").
- Wrapped lines are joined into paragraphs: a line break inside a sentence is not a paragraph break. A
  new paragraph starts where the line is indented, where the line before ended a sentence short of the
  right margin (or ended far short of it: line breaking moves a quote or a figure with its unit to the
  next line, leaving a gap of a character or two), after a wider gap than the body's line spacing, and
  where the text size changes.
- Paragraphs set larger than the body text are headings ("#", "##"… by size, largest first); a
  paragraph all in a bold font is marked "**…**" as in markdown.
- Each table row becomes one line of tab-separated cells; a table continued on the next page, its
  header row repeated, stays one table.

Paragraphs and tables are separated by blank lines, as in the Markdown and Word text.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reportqa.language.sentences import CLOSERS, SENTENCE_END_MARKS

MARGIN_SHARE = 0.1  # the top and bottom tenth of a page is where running headers and footers sit
SHORT_LINE_CHARS = 1.5  # a line ending a sentence this many characters short of the right margin ends its paragraph
VERY_SHORT_LINE_CHARS = 4.0  # any line ending this many characters short of it ends its paragraph
INDENT_CHARS = 1.0  # a line starting this many characters right of the left margin starts a paragraph
PARAGRAPH_GAP = 1.25  # a line this many times the body's line spacing below the one before starts a paragraph
HEADING_SIZE_STEP = 1.0  # points larger than the body text: a heading

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|\d{1,4}\s*/\s*\d{1,4}|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?|\d{1,4})$"
)
_ENDS_CLAUSE = re.compile(rf"[{SENTENCE_END_MARKS}：:][{CLOSERS}]*$")
_LATIN_END = re.compile(r"[A-Za-z0-9,.;:%)]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9(]")


@dataclass(frozen=True)
class Line:
    """One line of text on a page, in PDF points from the page's top-left corner."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # the most common character size
    bold: bool  # every character in a bold font


@dataclass(frozen=True)
class TableBlock:
    top: float
    rows: list[list[str]]


@dataclass
class Page:
    """What the layout needs of one page: its size, text lines (outside tables) and tables."""

    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[TableBlock] = field(default_factory=list)


def read_page(page) -> Page:
    """A pdfplumber page's lines and ruled tables (table cells are not read again as lines)."""
    found = page.find_tables()
    boxes = [table.bbox for table in found]
    tables = [TableBlock(table.bbox[1], _table_rows(table.extract())) for table in found]
    body = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes)) if boxes else page
    lines = [_line(raw) for raw in body.extract_text_lines(strip=True, return_chars=True) if raw["text"].strip()]
    return Page(float(page.width), float(page.height), lines, [t for t in tables if t.rows])


def pdf_layout_text(pages: Sequence[Page]) -> str:
    """The text of ``pages`` as paragraphs, headings and tables (see the module docstring)."""
    furniture = running_lines(pages)
    body_pages = [
        Page(
            page.width,
            page.height,
            [line for line in page.lines if (number, line.top, line.text) not in furniture],
            page.tables,
        )
        for number, page in enumerate(pages)
    ]
    items: list[Line | TableBlock | _PageBreak] = []
    for page in body_pages:
        items.extend(sorted([*page.lines, *page.tables], key=lambda item: item.top))
        items.append(_PAGE_BREAK)
    body_size = _body_size(body_pages)
    blocks = _blocks(items, body_pages, body_size)
    levels = _heading_levels(blocks, body_size)
    return "\n\n".join(_render(block, levels) for block in blocks)


def running_lines(pages: Sequence[Page]) -> set[tuple[int, float, str]]:
    """(page number, top, text) of the running headers, footers and page numbers of ``pages``."""
    candidates = [
        (number, line)
        for number, page in enumerate(pages)
        for line in page.lines
        if line.top < page.height * MARGIN_SHARE or line.bottom > page.height * (1 - MARGIN_SHARE)
    ]
    pages_of = Counter()
    for shape in {(number, _shape(line.text)) for number, line in candidates}:
        pages_of[shape[1]] += 1
    return {
        (number, line.top, line.text)
        for number, line in candidates
        if pages_of[_shape(line.text)] >= 2 or _PAGE_NUMBER.match(line.text.strip())
    }


# ---- paragraphs ---------------------------------------------------------------------------------
class _PageBreak:
    """Marks where a page ends in the reading order: gaps between lines are not measured across it."""


_PAGE_BREAK = _PageBreak()


@dataclass(frozen=True)
class _Body:
    """Where the body text's lines start and end, and how far apart they are."""

    left: float
    right: float
    pitch: float


def _blocks(items: Iterable[Line | TableBlock | _PageBreak], pages: Sequence[Page], body_size: float):
    """Paragraphs (lists of lines) and tables, in reading order; a table continued over a page break is one."""
    body = _body(pages, body_size)
    blocks: list[list[Line] | TableBlock] = []
    previous: Line | None = None
    page_break = False
    for item in items:
        if isinstance(item, _PageBreak):
            page_break = True
            continue
        if isinstance(item, TableBlock):
            last = blocks[-1] if blocks else None
            if isinstance(last, TableBlock) and page_break and item.rows[0] == last.rows[0]:
                last.rows.extend(item.rows[1:])  # the header row repeated on the next page
            else:
                blocks.append(TableBlock(item.top, list(item.rows)))
            previous, page_break = None, False
            continue
        if previous is not None and not _starts_paragraph(previous, item, body, page_break):
            blocks[-1].append(item)  # type: ignore[union-attr]
        else:
            blocks.append([item])
        previous, page_break = item, False
    return blocks


def _starts_paragraph(previous: Line, line: Line, body: _Body, page_break: bool) -> bool:
    if abs(line.size - previous.size) >= HEADING_SIZE_STEP:
        return True
    if line.x0 - body.left >= INDENT_CHARS * line.size:
        return True
    short = (body.right - previous.x1) / line.size
    if short >= VERY_SHORT_LINE_CHARS or (short >= SHORT_LINE_CHARS and _ENDS_CLAUSE.search(previous.text)):
        return True
    return not page_break and line.top - previous.top > PARAGRAPH_GAP * body.pitch


def _render(block: list[Line] | TableBlock, levels: dict[float, int]) -> str:
    if isinstance(block, TableBlock):
        return "\n".join("\t".join(row) for row in block.rows)
    text = ""
    for line in block:
        joiner = " " if text and _LATIN_END.search(text) and _LATIN_START.match(line.text) else ""
        text += joiner + line.text.strip()
    level = levels.get(_paragraph_size(block))
    if level:
        return "#" * level + " " + text
    if all(line.bold for line in block):
        return f"**{text}**"
    return text


# ---- measures -----------------------------------------------------------------------------------
def _heading_levels(blocks: Sequence[list[Line] | TableBlock], body_size: float) -> dict[float, int]:
    """Paragraph size -> heading level, for the sizes larger than the body text (largest: level 1)."""
    sizes = {_paragraph_size(b) for b in blocks if not isinstance(b, TableBlock)}
    larger = sorted((s for s in sizes if s - body_size >= HEADING_SIZE_STEP), reverse=True)
    return {size: min(level, 6) for level, size in enumerate(larger, start=1)}


def _paragraph_size(block: list[Line]) -> float:
    return round(statistics.median(line.size for line in block), 1)


def _body_size(pages: Sequence[Page]) -> float:
    sizes = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _body(pages: Sequence[Page], body_size: float) -> _Body:
    """The body text's left margin (its most common line start), right margin (its widest line end) and
    line spacing (the most common distance from one line's top to the next one's on a page)."""
    lines = [[line for line in page.lines if abs(line.size - body_size) < HEADING_SIZE_STEP] for page in pages]
    flat = [line for page in lines for line in page]
    if not flat:
        return _Body(0.0, 0.0, 0.0)
    starts = Counter(round(line.x0) for line in flat)
    steps = Counter(round(b.top - a.top) for page in lines for a, b in itertools.pairwise(page) if b.top > a.top)
    pitch = float(steps.most_common(1)[0][0]) if steps else body_size * 1.5
    return _Body(float(starts.most_common(1)[0][0]), max(line.x1 for line in flat), pitch)


def _shape(text: str) -> str:
    """A line with its digits masked: the same running header or footer on every page."""
    return re.sub(r"\d+", "#", text.strip())


def _line(raw: dict) -> Line:
    chars = [c for c in raw["chars"] if c["text"].strip()]
    sizes = Counter(round(float(c["size"]), 1) for c in chars)
    return Line(
        text=raw["text"].strip(),
        x0=float(raw["x0"]),
        x1=float(raw["x1"]),
        top=float(raw["top"]),
        bottom=float(raw["bottom"]),
        size=sizes.most_common(1)[0][0] if sizes else 0.0,
        bold=bool(chars) and all("bold" in str(c.get("fontname", "")).lower() for c in chars),
    )


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _table_rows(rows: list[list[str | None]]) -> list[list[str]]:
    cleaned = [[" ".join((cell or "").split()) for cell in row] for row in rows]
    return [row for row in cleaned if any(row)]
