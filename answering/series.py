"""A quantity an answer's citations state for several years, as data for a chart under the answer.

Read from the cited statements themselves (each citation's quoted sentence, or its table row's
statement), never from the answer's text, so every point carries the [n] of the citation that states it.
The years come from one cited statement ("从2011年203家跃升至2019年512家") and those that restate one of
its figures, or from several documents' statements (the same figure in each year's report).

    >>> cite = Citation(1, "r.txt", "", "", 0, 0, 0.0, highlight="全市高新技术企业总量从2011年203家跃升至2019年512家。")
    >>> [(p.year, p.value, p.unit, p.citation) for p in year_series([cite], {})]
    [(2011, 203.0, '家', 1), (2019, 512.0, '家', 1)]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from reportqa.answering.change import Point, points_in
from reportqa.answering.figures import years_covered
from reportqa.core.models import Chunk, Citation, SeriesPoint
from reportqa.language.quantities import unit_family, unit_scale

_TARGET = re.compile(r"目标|力争|预期|计划|规划")  # a plan's figure is not a year's outcome


def year_series(citations: Sequence[Citation], chunks: Mapping[tuple[str, int, int], Chunk]) -> list[SeriesPoint]:
    """One point a year, oldest first, of the unit stated for the most years; [] when fewer than two years.

    Each document's first citation gives its points; a later citation of the same document joins only
    when it restates one of the figures already taken (so it speaks of the same quantity: "由2015年的251家
    增加到512家" beside "从2011年203家…至2019年512家", not "2019年补助1.69亿元" beside "研发投入133.68亿元").
    `chunks` maps (doc_id, start, end) to the retrieved chunks, so a cited table row is read as its
    statement (the row with its header). A figure without a year of its own takes its document's year
    only when its statement names no year at all ("全市高新技术企业达到512家" in a 2020 report).
    """
    taken: list[tuple[Point, int, bool]] = []
    stated: set[tuple[str, float]] = set()
    documents: set[str] = set()
    for citation in citations:
        points = _points(citation, chunks)
        values = {(point.family, point.value) for point, _n, _r in points}
        if citation.doc in documents and not values & stated:
            continue
        documents.add(citation.doc)
        stated |= values
        taken += [(point, n, report_year) for point, n, report_year in points if point.year is not None]
    by_family: dict[str, dict[int, tuple[Point, int, bool]]] = {}
    for point, n, report_year in taken:
        by_family.setdefault(point.family, {}).setdefault(point.year or 0, (point, n, report_year))
    years = max(by_family.values(), key=len, default={})  # ties: the family cited first
    if len(years) < 2:
        return []
    unit = next(iter(years.values()))[0].unit
    return [
        SeriesPoint(
            year=year,
            value=round(point.value / unit_scale(unit), 6),
            unit=unit,
            text=point.text,
            citation=n,
            report_year=report_year,
        )
        for year, (point, n, report_year) in sorted(years.items())
    ]


def _points(citation: Citation, chunks: Mapping[tuple[str, int, int], Chunk]) -> list[tuple[Point, int, bool]]:
    """(point, citation number, year is the document's) of each level the citation states, dated or not."""
    chunk = chunks.get((citation.doc, citation.start, citation.end))
    is_row = chunk is not None and chunk.is_table_row
    statement = chunk.statement if chunk is not None and is_row else (citation.highlight or citation.text)
    if not is_row and _TARGET.search(statement):
        return []
    names_no_year = not years_covered(statement)
    out = []
    for point in points_in(statement, is_row, citation.n, targets=False):
        if unit_family(point.unit) == "个百分点":  # "提高0.49个百分点" is a change, not a year's level
            continue
        if point.year is None and names_no_year and citation.year is not None:
            out.append((Point(point.passage, point.text, point.value, point.unit, citation.year), citation.n, True))
        else:
            out.append((point, citation.n, False))
    return out
