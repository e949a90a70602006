"""Document text -> blocks: headings with their section path, paragraphs and table rows.

    blocks = parse_blocks(document)
    [b.statement for b in blocks if b.kind == "table_row"][0]
    # "全社会R&D经费支出占GDP比重（%）：2020年目标数 2.7；目前完成数 2.63；备注 2018年度"

Rules, in order of precedence for each non-blank line:

- YAML front matter, HTML comments, ``<details>``/``<summary>`` tags, horizontal rules and
  image-only lines are skipped (they produce no block).
- Tables become one ``table_row`` block per data row whose ``statement`` joins each cell with its
  column header ("first cell：header2 v2；header3 v3"); the header row is kept as a paragraph.
  Three layouts are recognised: markdown pipe tables; lines of tab-separated cells (how .docx
  tables are rendered); and "flattened" tables with one tab-indented cell per line and rows
  separated by blank lines (the seed report's indicator table).
- Headings: markdown ``#`` headings; lines of at most 50 characters without sentence-ending
  punctuation that start with a Chinese outline marker (第一篇/第一章/第一节, 一、, （一）, 1、 or 1.,
  （1）, ①, 典型案例一：), possibly wrapped in ``**``; annex headings (附件1：, 附件：) which reset
  the section path; and the short title line(s) opening a document. "一是……" leads are paragraphs. A
  bold line without a marker is a heading only once the body text has begun: before it, bold lines
  are the title page's (session, date, byline: "**浙江省省长 郑栅洁**"), not sections. A bold caption
  ("**表1 2020年居民消费价格比上年涨跌幅度**") heads only its table or figure: the first sentence after it
  is back in the section around it.
  Nesting is learnt from the order in which marker styles appear: a marker style already on the
  path closes everything below it, a new style nests under the current heading. A heading's own
  ``section`` is the path it opens; the document title opens the root path ``()``.
- Every other line is one paragraph block.

Block offsets are trimmed of surrounding whitespace, so ``block.text == document.text[start:end]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportqa.core.models import Block, Document
from reportqa.ingest.metadata import front_matter_end
from reportqa.language.normalise import join_cjk_gaps
from reportqa.language.numbering import HEADING_MARKERS, NUMERALS
from reportqa.language.quantities import UNITS
from reportqa.language.sentences import has_sentence_end

MAX_HEADING_CHARS = 50
MAX_MARKDOWN_HEADING_CHARS = 80
MAX_TITLE_CHARS = 40

_ANNEX = re.compile(rf"^附\s*件(?:\s*(?:\d+|[{NUMERALS}]+))?\s*(?:[：:]|$)\s*(?P<rest>.*)$")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\*\*(?P<inner>[^*]+)\*\*$")
_CAPTION = re.compile(rf"^[表图]\s*[{NUMERALS}\d]+")
_LIST_CAPTION = re.compile(rf"^[-*]\s+\*\*(?P<inner>[表图]\s*[{NUMERALS}\d]+[^*]*)\*\*$")
_TITLE_STOP = re.compile(r"[。！？；!?;，,：:]")
_SKIP = re.compile(r"^(?:<!--.*-->|</?[a-zA-Z][^>]*>(?:[^<]*</[a-zA-Z]+>)?|[-*_=]{3,}|(?:!\[[^\]]*\]\([^)]*\)\s*)+)$")
_TABLE_SEPARATOR = re.compile(r"^:?-{1,}:?$")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
# "单位：亿元" on the line before a table: the unit of its figures
_TABLE_UNIT = re.compile(r"^[（(]?单\s*位\s*[:：]\s*(?P<unit>[^\s（）()]{1,8})[）)]?$")
# "其中：国有及国有控股企业": a row that is part of the one before it
_SUB_ROW = re.compile(r"^其中\s*[：:]?\s*")
# the words a list table's label column is named by; its header opens with one, perhaps spaced out:
# "- 指 标 单 位 绝对数 比上年增长%", "- 指标 全国"
_LABEL_COLUMNS = ("指标", "项目", "类别", "行业", "产品名称", "商品名称", "行业名称", "国家和地区", "地区")
_SPACED_LABEL_COLUMNS = "|".join(r"\s*".join(name) for name in _LABEL_COLUMNS)
_LIST_TABLE_HEADER = re.compile(rf"^(?:[-•·]\s+)?(?:{_SPACED_LABEL_COLUMNS})(?:\s|$)")
_LIST_MARKER = re.compile(r"^[-•·]\s+")
# a bold run opened before an item's marker: "**- 指 标 单 位 绝对数" (closed at the table's end)
_BOLD_BEFORE_MARKER = re.compile(r"^\*\*(?=[-•·]\s)")
# a group heading among a table's items ("- **二、工业产品产量**"): its rows go on under it
_GROUP_ITEM = re.compile(rf"^[{NUMERALS}]+、")
_MAX_ITEM_CHARS = 60
_LIST_VALUE = re.compile(r"^(?:[-+]?\d[\d.,]*%?|持平|[—–…-]{1,2})$")
_EMPTY_CELL = re.compile(r"^[—–…-]{1,2}$")  # "—": no figure in this column
# units a list-table row may end its label with, with their magnitude, longest first: "万吨", "亿千瓦小时"
_LIST_UNITS = sorted({m + u for u in UNITS for m in ("", "万", "亿") if u not in ("万", "亿")}, key=len, reverse=True)
# a unit of its own that no list names, with its magnitude: "亿块", "万线", "万千伏安"
_MAGNITUDE_UNIT = re.compile(r"^[万亿千][\u4e00-\u9fff]{1,3}$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DATE_LINE = re.compile(r"^[\d\s年月日.\-/]+$")
_SENTENCE_ENDINGS = ("。", "！", "？", "!", "?")
_CLOSING_QUOTES = "”’」』）)"
_NUMERIC_CELL = re.compile(r"^[-+]?[\d.,]+\s*[%‰]?$")


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # excluding the newline
    raw: str

    @property
    def stripped(self) -> str:
        return self.raw.strip()


@dataclass(frozen=True)
class _Heading:
    style: str  # "md1".."md6", "annex", "title", "bold", "caption" or a marker name from HEADING_MARKERS
    title: str


def parse_blocks(document: Document) -> list[Block]:
    """Headings, paragraphs and table rows of ``document`` in reading order (see the module docstring)."""
    return _Parser(document.text).parse()


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _split_lines(text, front_matter_end(text))
        self.blocks: list[Block] = []
        self.stack: list[_Heading] = []
        # a document that marks its headings in markdown marks them all; one that does not may set out
        # its parts as plain lines (`_is_part_heading`)
        self.marks_headings = any(_MARKDOWN_HEADING.match(line.stripped) for line in self.lines)

    # ---- driver -------------------------------------------------------------------------------
    def parse(self) -> list[Block]:
        lines, i, in_comment, annex_list = self.lines, 0, False, False
        while i < len(lines):
            line = lines[i]
            stripped = line.stripped
            if in_comment:
                in_comment = "-->" not in stripped
                i += 1
                continue
            if not stripped:
                annex_list = False
                i += 1
                continue
            if stripped.startswith("<!--") and "-->" not in stripped:
                in_comment = True
                i += 1
                continue
            if _SKIP.match(stripped):
                i += 1
                continue
            if stripped.startswith("|"):
                i = self._pipe_table(i)
                continue
            if "\t" in stripped:
                i = self._tab_table(i)
                continue
            if line.raw.startswith("\t"):
                i = self._flattened_table(i)
                continue
            if _LIST_TABLE_HEADER.match(stripped.replace("**", "")):
                i = self._list_table(i)
                continue
            if not self.blocks and (title_end := self._title(i)) > i:
                i = title_end
                continue
            annex = _ANNEX.match(stripped)
            if annex:
                # "附件：1.《…》" lists the annexes: its lines are paragraphs until a blank line
                # or the first annex itself ("附件1：")
                annex_list = annex.group("rest")[:1].isdigit()
            heading = None if annex_list else _heading(stripped)
            if heading is not None and heading.style in ("bold", "caption") and not self._body_started():
                heading = None
            if heading is None and not annex_list and self._is_part_heading(i):
                heading = _Heading("part", _clean(stripped))
            if heading is None:
                self._paragraph(line, line)
                i += 1
            else:
                i = self._heading(i, heading)
        return self.blocks

    # ---- headings -----------------------------------------------------------------------------
    def _title(self, i: int) -> int:
        """Short lines opening the document (before any block) form its title; returns the next line index."""
        j = i
        while j < len(self.lines) and j - i < 3 and _is_title_line(self.lines[j].stripped, first=j == i):
            j += 1
        if j > i:  # the title opens the root section: it is not part of any path
            self._add(self.lines[i], self.lines[j - 1], "heading", ())
        return j

    def _heading(self, i: int, heading: _Heading) -> int:
        j = i + 1
        title = heading.title
        if heading.style in ("annex", "case"):
            # the name often follows on the next line(s): "附件1：" / "《…》后评估工作方案"
            while j < len(self.lines) and j - i <= 3 and _is_continuation(self.lines[j]):
                title += _clean(self.lines[j].stripped)
                j += 1
        self._push(_Heading(heading.style, title))
        self._add(self.lines[i], self.lines[j - 1], "heading", self._path())
        return j

    def _push(self, heading: _Heading) -> None:
        style = heading.style
        if style == "annex":
            self.stack = []
        elif style == "part":  # a part of the report (of its annex, if in one) opens anew
            self.stack = [entry for entry in self.stack if entry.style == "annex"][:1]
        elif style.startswith("md"):
            level = int(style[2:])
            while self.stack and not (self.stack[-1].style.startswith("md") and int(self.stack[-1].style[2:]) < level):
                self.stack.pop()
        else:
            for k, entry in enumerate(self.stack):
                if entry.style == style:
                    del self.stack[k:]
                    break
        self.stack.append(heading)

    def _path(self) -> tuple[str, ...]:
        return tuple(h.title for h in self.stack)

    def _is_part_heading(self, i: int) -> bool:
        """A short plain line standing alone between two paragraphs, as plain-text copies of a report set
        out its parts ("2019年工作回顾", "2020年工作目标和重点任务", "名词解释和说明"): in a document with no
        markdown headings, without marker, bold, punctuation or a date alone, after a paragraph that has
        ended (a line wrapped in mid-sentence is none) and before one or a heading."""
        core = self.lines[i].stripped
        if self.marks_headings or len(core) > MAX_TITLE_CHARS or not _CJK.search(core):
            return False
        if _TITLE_STOP.search(core) or _DATE_LINE.match(core) or core.startswith(("——", "<", ">", "- ", "**")):
            return False
        alone = (i == 0 or not self.lines[i - 1].stripped) and (
            i + 1 == len(self.lines) or not self.lines[i + 1].stripped
        )
        if not alone:
            return False
        lines = self.lines
        before = next((lines[k].stripped for k in range(i - 1, -1, -1) if lines[k].stripped), "")
        after = next((lines[k].stripped for k in range(i + 1, len(lines)) if lines[k].stripped), "")
        opens = has_sentence_end(after) or _heading(after) is not None
        return before.rstrip(_CLOSING_QUOTES).endswith(_SENTENCE_ENDINGS) and opens

    def _body_started(self) -> bool:
        """Whether a paragraph other than the title page's has been read (the title page is bold)."""
        return any(b.kind == "paragraph" and not _BOLD_LINE.match(b.text) for b in self.blocks)

    # ---- tables -------------------------------------------------------------------------------
    def _pipe_table(self, i: int) -> int:
        j = i
        while j < len(self.lines) and self.lines[j].stripped.startswith("|"):
            j += 1
        rows = [(self.lines[k], _pipe_cells(self.lines[k].stripped)) for k in range(i, j)]
        header_end = 1
        if len(rows) > 1 and _is_separator(rows[1][1]):
            header_end = 2
        # a caption in the header row ("| 表3 …产量及其增长速度 | | |"): the column names are in the row
        # after, or after a row of its unit ("| 单位：亿元 | | |")
        header = rows[0][1]
        unit = self._unit_line_before(i)
        caption = None
        if sum(1 for c in header if _clean_cell(c)) == 1:
            unit_row = _unit_row(rows[header_end][1]) if len(rows) > header_end + 1 else ""
            names_at = header_end + 1 if unit_row else header_end
            if len(rows) > names_at and _names_columns(rows[names_at][1]):
                caption = _clean(next(_clean_cell(c) for c in header if _clean_cell(c)))
                header, header_end, unit = rows[names_at][1], names_at + 1, unit_row or unit
        self._add(rows[0][0], rows[header_end - 1][0], "paragraph", self._path())
        if caption is not None and _CAPTION.match(caption):
            # it heads its rows as a caption line does ("进口" of "表9 …主要商品进口数量…"); the rows that
            # hold it are in the section around, as a caption line is
            self._push(_Heading("caption", caption))
        parent = ""
        for line, cells in rows[header_end:]:
            if _is_separator(cells):
                self._paragraph(line, line)
                continue
            self._add(line, line, "table_row", self._path(), _statement(header, cells, unit, parent))
            parent = _parent_after(cells[0] if cells else "", parent)
        return j

    def _list_table(self, i: int) -> int:
        """A table set out as list items ("- 产品名称 单 位 产 量 比上年增长%", then "- 纱 万吨 3200.0 7.2"),
        or as the short paragraphs a Word or PDF copy makes of them: header items, then one row per item
        ending in figures. Single characters spaced out are joined ("指 标" is 指标), which is how these
        tables space their words."""
        items = self._items_from(i)
        header_end = next((k for k, (_j, words) in enumerate(items) if _row_values(words)), len(items))
        if not 1 <= header_end <= 3 or header_end == len(items):  # no header, or no row under it
            self._paragraph(self.lines[i], self.lines[i])
            return i + 1
        header_items = [words for _j, words in items[:header_end] if not _GROUP_ITEM.match(words[0])]
        header = [w for words in header_items for w in _spaced_words(words)]
        names = [w for w in header if w not in _LABEL_COLUMNS]
        has_unit = any(w.endswith("单位") for w in names)  # "单位", "计量单位"
        names = [w for w in names if not w.endswith("单位")]
        table_unit = "" if has_unit else self._unit_line_before(i)
        self._add(self.lines[i], self.lines[items[header_end - 1][0]], "paragraph", self._path())
        parent, end = "", i
        for k, (j, words) in enumerate(items[header_end:], start=header_end):
            values = _row_values(words)
            if not values:
                # a group heading or a row left empty ("- 淡水 万吨"): the rows after it go on
                if not any(_row_values(later) for _j, later in items[k + 1 :]):
                    break
                self._paragraph(self.lines[j], self.lines[j])
                end = j + 1
                continue
            unit_left_empty = len(values) == len(names) + 1 and bool(_EMPTY_CELL.match(values[0]))
            label, unit = (
                _label_and_unit(words[: -len(values)])
                if has_unit and not unit_left_empty
                else ("".join(words[: -len(values)]), "")
            )
            if has_unit and unit_left_empty:
                values = values[1:]  # "纺织纱线、织物及制品 —— — — 600": its unit column left empty
            # the row's own unit column: "移动通信手持机（手机） 万台" is counted in 万台
            cells = [f"{label}（{unit}）" if unit else label, *("" if _EMPTY_CELL.match(v) else v for v in values)]
            header_row = ["", *names] if len(names) == len(values) else [""] * (len(values) + 1)
            line = self.lines[j]
            self._add(line, line, "table_row", self._path(), _statement(header_row, cells, table_unit, parent))
            parent, end = _parent_after(label, parent), j + 1
        return end

    def _items_from(self, i: int) -> list[tuple[int, list[str]]]:
        """The short lines from `i` on, blank lines between them skipped, each as its index and its words
        (a list marker "- " or "• " and bold marks inside an item left out: "- **总 计** **364835**"); a
        sentence, a heading, a bold line or a caption ends them."""
        items, j = [], i
        while j < len(self.lines):
            stripped = _BOLD_BEFORE_MARKER.sub("", self.lines[j].stripped)
            if not stripped:
                j += 1
                continue
            text = _LIST_MARKER.sub("", stripped)
            if text != stripped and not _LIST_CAPTION.match(stripped):
                text = text.replace("**", "")
            if has_sentence_end(text) or len(text) > _MAX_ITEM_CHARS or text.startswith(("#", "|", "**")):
                break
            items.append((j, text.split()))
            j += 1
        return items

    def _unit_line_before(self, i: int) -> str:
        """The unit a "单位：亿元" line right before the table (blank lines aside) gives its figures."""
        k = i - 1
        while k >= 0 and not self.lines[k].stripped:
            k -= 1
        unit_line = _LIST_MARKER.sub("", self.lines[k].stripped.replace("**", "")) if k >= 0 else ""
        match = _TABLE_UNIT.match(unit_line)
        return match.group("unit") if match else ""

    def _tab_table(self, i: int) -> int:
        """Consecutive lines of tab-separated cells; the first is the header. A lone line is a paragraph."""
        j = i
        while j < len(self.lines) and "\t" in self.lines[j].stripped:
            j += 1
        if j - i < 2:
            self._paragraph(self.lines[i], self.lines[i])
            return j
        header = self.lines[i].raw.split("\t")
        self._add(self.lines[i], self.lines[i], "paragraph", self._path())
        parent = ""
        for line in self.lines[i + 1 : j]:
            cells = line.raw.split("\t")
            self._add(line, line, "table_row", self._path(), _statement(header, cells, parent=parent))
            parent = _parent_after(cells[0], parent)
        return j

    def _flattened_table(self, i: int) -> int:
        """Tab-indented single cells, one per line, rows separated by blank lines; the first row is the header."""
        groups: list[list[_Line]] = []
        j, current = i, []
        while j < len(self.lines):
            line = self.lines[j]
            if not line.stripped:
                if current:
                    groups.append(current)
                    current = []
            elif line.raw.startswith("\t") and "\t" not in line.stripped:
                current.append(line)
            else:
                break
            j += 1
        if current:
            groups.append(current)
        if len(groups) < 2 or len(groups[0]) < 2:
            for group in groups:
                for line in group:
                    self._paragraph(line, line)
            return j
        header = [line.stripped for line in groups[0]]
        self._add(groups[0][0], groups[0][-1], "paragraph", self._path())
        for group in groups[1:]:
            cells = [line.stripped for line in group]
            self._add(group[0], group[-1], "table_row", self._path(), _statement(header, cells))
        return j

    # ---- blocks -------------------------------------------------------------------------------
    def _paragraph(self, first: _Line, last: _Line) -> None:
        if self.stack and self.stack[-1].style == "caption" and has_sentence_end(first.stripped):
            self.stack.pop()  # the table or figure a caption names has ended: the text goes on
        self._add(first, last, "paragraph", self._path())

    def _add(self, first: _Line, last: _Line, kind: str, section: tuple[str, ...], statement: str = "") -> None:
        start = first.start + (len(first.raw) - len(first.raw.lstrip()))
        end = last.end - (len(last.raw) - len(last.raw.rstrip()))
        if end <= start:
            return
        self.blocks.append(Block(start, end, self.text[start:end], kind, section, statement))  # type: ignore[arg-type]


def _split_lines(text: str, offset: int) -> list[_Line]:
    lines = []
    start = offset
    while start <= len(text):
        newline = text.find("\n", start)
        end = len(text) if newline < 0 else newline
        lines.append(_Line(start, end, text[start:end]))
        if newline < 0:
            break
        start = newline + 1
    return lines


def _heading(stripped: str) -> _Heading | None:
    """The heading a stripped line is, or None for a paragraph line."""
    markdown = _MARKDOWN_HEADING.match(stripped)
    if markdown:
        title = _clean(markdown.group(2))
        if title and len(title) <= MAX_MARKDOWN_HEADING_CHARS:
            return _Heading(f"md{len(markdown.group(1))}", title)
        return None
    listed = _LIST_CAPTION.match(stripped)  # "- **表3 2013年主要工业产品产量及其增长速度**"
    if listed and len(listed.group("inner")) <= MAX_TITLE_CHARS:
        return _Heading("caption", _clean(listed.group("inner")))
    bold = _BOLD_LINE.match(stripped)
    core = bold.group("inner").strip() if bold else stripped
    annex = _ANNEX.match(core)
    if annex:
        rest = annex.group("rest")
        if not rest or (len(core) <= MAX_HEADING_CHARS and not has_sentence_end(rest)):
            return _Heading("annex", _clean(core))
        return None
    if len(core) > MAX_HEADING_CHARS or has_sentence_end(core):
        return None
    for style, pattern in HEADING_MARKERS:
        if pattern.match(core):
            return _Heading(style, _clean(core))
    if bold and len(core) <= MAX_TITLE_CHARS:
        return _Heading("caption" if _CAPTION.match(core) else "bold", _clean(core))
    return None


def _is_title_line(stripped: str, first: bool) -> bool:
    bold = _BOLD_LINE.match(stripped)
    core = bold.group("inner").strip() if bold else stripped
    if not core or len(core) > MAX_TITLE_CHARS or _TITLE_STOP.search(core) or core.startswith(("——", "<", ">", "- ")):
        return False
    if bold and not first:
        return False
    if _DATE_LINE.match(core):  # a date line
        return False
    heading = _heading(stripped)
    return heading is None or heading.style in ("bold", "caption")


def _is_continuation(line: _Line) -> bool:
    stripped = line.stripped
    return (
        bool(stripped)
        and len(stripped) <= MAX_TITLE_CHARS
        and not line.raw.startswith("\t")
        and not stripped.startswith(("|", "#", "<"))
        and not _TITLE_STOP.search(stripped)
        and _heading(stripped) is None
    )


def _pipe_cells(stripped: str) -> list[str]:
    inner = stripped[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [cell.strip() for cell in inner.split("|")]


def _is_separator(cells: list[str]) -> bool:
    return bool(cells) and all(_TABLE_SEPARATOR.match(c.replace(" ", "")) for c in cells if c) and any(cells)


def _clean_cell(cell: str) -> str:
    return join_cjk_gaps(" ".join(_BR.sub("", cell).replace("**", "").split()))


def _parent_after(label: str, parent: str) -> str:
    """The row later "其中：" rows belong to: this one, unless it is such a row itself."""
    return parent if _SUB_ROW.match(label) else _clean_cell(label)


def _row_values(words: list[str]) -> list[str]:
    """The figures that end a list-table row ("纱 万吨 3200.0 7.2" -> 3200.0, 7.2); [] for a header."""
    values: list[str] = []
    for word in reversed(words):
        if not _LIST_VALUE.match(word):
            break
        values.insert(0, word)
    return values if len(values) < len(words) else []


def _spaced_words(spaced: list[str]) -> list[str]:
    """Words of a header whose characters are spaced out: "指 标 单 位 绝对数" -> 指标, 单位, 绝对数."""
    words, run = [], []
    for word in spaced:
        if len(word) == 1 and "\u4e00" <= word <= "\u9fff":
            run.append(word)
            if len(run) == 2:
                words.append("".join(run))
                run = []
            continue
        words += ["".join(run)] if run else []
        run = []
        words.append(word)
    return words + (["".join(run)] if run else [])


def _label_and_unit(words: list[str]) -> tuple[str, str]:
    """A row's label and the unit written at its end: its own word ("成 品 糖 万吨", "集成电路 亿块")
    or glued to the label ("民航万吨" -> 民航, 万吨)."""
    for size in (2, 1):  # a unit spaced out too: "民航 万 吨"
        unit = "".join(words[-size:])
        if len(words) > size and (unit in _LIST_UNITS or _MAGNITUDE_UNIT.match(unit)):
            return "".join(words[:-size]), unit
    text = "".join(words)
    for unit in _LIST_UNITS:
        if text.endswith(unit) and len(text) > len(unit):
            return text[: -len(unit)], unit
    return text, ""


def _unit_row(cells: list[str]) -> str:
    """The unit a table row of one cell gives ("单位：亿元"), or ""."""
    named = [cleaned for c in cells if (cleaned := _clean_cell(c))]
    match = _TABLE_UNIT.match(named[0]) if len(named) == 1 else None
    return match.group("unit") if match else ""


def _names_columns(cells: list[str]) -> bool:
    """A row of two or more column names: no cell is a number."""
    named = [c for c in cells if c]
    return len(named) >= 2 and not any(_NUMERIC_CELL.match(c) for c in named)


def _statement(header: list[str], cells: list[str], unit: str = "", parent: str = "") -> str:
    """A table row rebuilt with its header: "first cell：header2 v2；header3 v3". The table's `unit`
    ("单位：万人" above it) is set after a label that has none: "全国总人口（万人）"; a "其中：" row is
    named with the row it is part of: "全国总人口其中城镇"."""
    names = [_clean_cell(h) for h in header]
    values = [_clean_cell(c) for c in cells]
    label = values[0] if values else ""
    if parent and (sub := _SUB_ROW.match(label)):
        label = f"{parent}其中{label[sub.end() :]}"
    if label and unit and "单位" not in names and not label.endswith(("）", ")")):
        label = f"{label}（{unit}）"
    parts = []
    for k, value in enumerate(values[1:], start=1):
        if not value:
            continue
        name = names[k] if k < len(names) else ""
        parts.append(f"{name} {value}" if name else value)
    if not label:
        return "；".join(parts)
    return f"{label}：{'；'.join(parts)}" if parts else label


def _clean(line: str) -> str:
    """Heading text for a section path: markdown markers, footnote markers ("一、综合[2]") and
    surrounding whitespace removed."""
    return re.sub(r"\*\*|__|\[\d{1,3}\]", "", line).strip(" \t#　").strip()
