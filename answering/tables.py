"""Read a table-row statement ("高新技术企业数（家）：2020年目标数 380；目前完成数 512；备注 2019年度").

Each numeric cell gets the year and the sense (target or achieved) its header or the row gives it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportqa.answering.figures import Figure, find_figures, years_covered

_LABEL_UNIT = re.compile(r"[（(]([^（）()]{1,6})[）)]\s*$")
_TARGET = re.compile(r"目标|计划|预期|规划")
_ACTUAL = re.compile(r"完成|实际|目前|现状|实现|达到")
_MINUS = "-−－"
_YEAR_HEADER = re.compile(r"年份|年度|时间|日期|^年$")
_BARE_YEAR = re.compile(r"(?:19[5-9]\d|20\d\d)年?")  # a column headed "2001" (表14 “十五”时期…)


@dataclass(frozen=True)
class TableCell:
    label: str  # the row's first cell, e.g. "高新技术企业数（家）"
    header: str  # the column header, e.g. "目前完成数"
    value: str
    figures: tuple[Figure, ...]
    unit: str  # from the label's parentheses when the value has none, e.g. "家"
    year: int | None
    years: frozenset[int]  # all its header names: "2001-2005年累计" sums five
    is_target: bool
    is_actual: bool

    @property
    def figure_unit(self) -> str:
        """The unit its first figure is in: the label's, or else the one written with it ("15.4%")."""
        return self.unit or self.figures[0].unit

    @property
    def figure_text(self) -> str:
        """The cell's first figure as written, with the sign its figure is read without ("-2.3")."""
        sign = "-" if self.value.strip()[:1] in _MINUS else ""
        return sign + self.figures[0].text

    def describe(self) -> str:
        """ "目前完成数，2019年度" / "2020年目标数"."""
        if self.year is not None and str(self.year) not in self.header:
            return f"{self.header}，{self.year}年度"
        return f"{self.header}年" if _BARE_YEAR.fullmatch(self.header) and "年" not in self.header else self.header


def parse_statement(statement: str) -> list[TableCell]:
    """Cells of a row statement "label：header value；header value…"; [] if it is not one."""
    label, sep, rest = statement.partition("：")
    if not sep:
        return []
    unit_match = _LABEL_UNIT.search(label)
    label_unit = unit_match.group(1) if unit_match and unit_match.group(1) not in ("%",) else ""
    if unit_match and unit_match.group(1) == "%":
        label_unit = "%"
    raw_cells = []
    for part in rest.split("；"):
        header, _space, value = part.strip().rpartition(" ")
        raw_cells.append((header.strip() or part.strip(), value.strip()))
    # A year in a non-numeric cell ("备注 2019年度") dates the row's achieved values; a "单位 万吨" cell
    # gives the unit of all of them.
    row_years = [y for _h, v in raw_cells if not _numeric(v) for y in sorted(years_covered(v))]
    row_year = row_years[0] if row_years else None
    row_unit = next((v for h, v in raw_cells if h == "单位" and not _numeric(v)), "") or label_unit
    cells = []
    for header, value in raw_cells:
        if not _numeric(value):
            continue
        # a header of one year dates its column; "2001-2005年累计" sums years and is of none alone
        header_years = sorted(years_covered(header)) or ([int(header[:4])] if _BARE_YEAR.fullmatch(header) else [])
        # a bare "1965" (亿元) is an amount in a column of quantities, a year only under a header of years
        figures = tuple(find_figures(value, counts_only=not _YEAR_HEADER.search(header)))
        is_target = bool(_TARGET.search(header))
        if header_years:
            year = header_years[0] if len(header_years) == 1 else None
        else:
            year = None if is_target else row_year
        header_unit = _LABEL_UNIT.search(header)  # "金额（亿元）", "年末数（万人）", "比上年增长（%）"
        if figures and figures[0].unit:
            unit = ""
        elif header_unit or header.endswith("%"):  # "比上年增长%": a rate, whatever the row counts
            unit = header_unit.group(1) if header_unit else "%"
        else:
            unit = row_unit
        cells.append(
            TableCell(
                label,
                header,
                value,
                figures,
                unit,
                year,
                frozenset(header_years),
                is_target,
                bool(_ACTUAL.search(header)),
            )
        )
    return cells


def row_years(statement: str) -> set[int]:
    """The years a row statement speaks of: its cells' and its label's ("其中：2005年 6457" of a row
    whose "2001-2005年累计" cell sums the five years and speaks of no one of them)."""
    cells = parse_statement(statement)
    label = statement.partition("：")[0]
    return {c.year for c in cells if c.year is not None} | years_covered(label) if cells else years_covered(statement)


def _numeric(value: str) -> bool:
    """A cell holding one figure and nothing else: "512", "-2.3", "15.4%", "201.2万吨" (not "2019年度")."""
    text = value.strip().lstrip(_MINUS)
    figures = find_figures(text, counts_only=True)
    return len(figures) == 1 and figures[0].start == 0 and figures[0].end == len(text)
