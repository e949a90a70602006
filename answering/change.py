"""A change between two figures: "增加了多少家", "比2019年多多少家", "离1000万吨的目标还差多少".

The two ends are figures of one kind (家, %, 元…) for the question's two years, or for its one year
and another figure (one the question names itself, or the passage's other figure), and the
answer states both with the difference computed.

    >>> pair = figure_pair("2011年到2019年高新技术企业增加了多少家？", (2011, 2019),
    ...                    [Passage("全市高新技术企业总量从2011年203家一举跃升至2019年512家。")], {"家"})
    >>> describe_change(*pair)
    '203家（2011年） → 512家（2019年），增加309家'
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from reportqa.answering.figures import AGAINST_YEAR_BEFORE, find_figures
from reportqa.answering.tables import parse_statement
from reportqa.language.quantities import amount, unit_family, unit_scale

# a yearly average asked ("年均增长多少"): a rate over years, which no two levels' difference is
AVERAGE = re.compile(r"年均|平均每年|average", re.I)
AGAINST = re.compile(r"比|较|相比|对比|以来|from|since|compared", re.I)  # what a change is set against
ASKS_CHANGE = re.compile(
    r"(?:增加|增长|提高|提升|上升|上涨|涨|扩大|减少|下降|降低|降|多|少|差)(?:出来|出)?了?(?:多少|几)|还差|相差|差距(?:是|有)?多"
)


@dataclass(frozen=True)
class Point:
    """One figure that may end a change: `passage` indexes the passages given, -1 is the question."""

    passage: int
    text: str  # as written, e.g. "6000万元"
    value: float  # in base units: "6000万元" -> 6.0e7
    unit: str  # e.g. "万元"
    year: int | None

    @property
    def family(self) -> str:
        return unit_family(self.unit)


@dataclass(frozen=True)
class Passage:
    """A sentence or table-row statement the ends of a change may come from."""

    text: str
    is_table_row: bool = False
    year: int | None = None  # the one year it speaks of, named or implied, if one
    change_years: tuple[int, int] | None = None  # the years a change it states spans ("五年来，…从X到Y")


def points_in(
    text: str,
    is_table_row: bool,
    passage: int,
    *,
    targets: bool = True,
    base_year: int | None = None,
    change_years: tuple[int, int] | None = None,
) -> list[Point]:
    """The figures of a sentence or table-row statement; `targets=False` leaves out a row's target cells.
    `base_year` is the year the passage speaks of where a figure names none (a communiqué's own);
    `change_years` the years a change it states from one level to another starts and ends in."""
    if is_table_row:
        cells = [c for c in parse_statement(text) if c.figures and (targets or not c.is_target)]
        return [p for c in cells if (p := _point(passage, c.figure_text, c.figure_unit, c.year)) is not None]
    figures = find_figures(text, base_year, change_years=change_years)
    return [p for f in figures if (p := _point(passage, f.text, f.unit, f.year or base_year)) is not None]


def figure_pair(
    question: str,
    years: Sequence[int],
    passages: Sequence[Passage],
    wanted_units: Collection[str] = (),
    subject: Sequence[str] = (),
) -> tuple[Point, Point] | None:
    """The two ends of the change asked for, earlier first; None when the passages lack them.

    `passages` are best first; the ends come from the best passages that have them and, when
    `subject` is given (the ways a term is written), that mention it (so 650家 of 高新技术企业 is not
    set against 700家 of 科技型中小企业).
    """
    if AVERAGE.search(question):
        return None
    asked = points_in(question, False, -1)
    found = [
        p
        for i, passage in enumerate(passages)
        if not subject or any(form in passage.text for form in subject)
        # a year the passage implies dates its figures only as an end asked for by year
        for p in points_in(
            passage.text,
            passage.is_table_row,
            i,
            base_year=passage.year if len(years) >= 2 else None,
            change_years=passage.change_years,
        )
    ]
    # a change asked in 个百分点 is between two percentages
    wanted = {"%" if (family := unit_family(u)) == "个百分点" else family for u in wanted_units}
    families = wanted or ({asked[0].family} if asked else set())
    pool = [p for p in found if not families or p.family in families]
    if not pool:
        return None
    if len(years) >= 2:
        # the two ends count one kind of thing: "6250万亩" and "8%" are no change of each other
        for first in (p for p in pool if p.year == years[0]):
            second = next((p for p in pool if p.year == years[1] and p.family == first.family), None)
            if second is not None:
                return _ordered(first, second) if second.value != first.value else None
        return None
    if asked and asked[0].family == pool[0].family:
        named = _cited(asked[0], pool)
        others = [p for p in pool if p.value != named.value]
        return _ordered(_latest_of_best_passage(others), named) if others else None
    if years:
        # the first figure of that year that has another figure of its kind, of another year, to go with:
        # of the year before when the question sets it against no other ("2020年收入涨了多少")
        against = AGAINST.search(question)
        # "比上年增长了多少" is against the year before only: not 2015's level of "由2015年的8681亿元增至…"
        year_before = AGAINST_YEAR_BEFORE.search(question)
        # "比2029年多多少", "从2015年起增长了多少": the year is the base; "2030年比起步时多了多少": the year is
        # the later end
        base = re.search(rf"(?:比|从|由|较|自)\s*{years[0]}", question)
        for first in (p for p in pool if p.year == years[0]):
            other = next(
                (
                    p
                    for p in pool
                    if p.family == first.family
                    and p.value != first.value
                    and p.year != first.year
                    and (
                        p.year in (None, first.year - 1)
                        or (against and not year_before)
                        or (base and p.year is not None and p.year > first.year)
                    )
                ),
                None,
            )
            if other is None:
                continue
            return (first, other) if base else (other, first)
        return None
    best = [p for p in pool if p.passage == pool[0].passage and p.family == pool[0].family]
    if len(best) < 2:
        return None
    if passages[pool[0].passage].is_table_row and (best[0].year is None or best[1].year is None):
        return None  # a row's cells of no year are of other things ("城市 1.2；农村 0.9"), not two times
    return _ordered(best[0], best[1])


def describe_change(first: Point, second: Point, question: str = "") -> str:
    """ "203家（2011年） → 512家（2019年），增加309家"; for shares the change is in 个百分点."""
    diff = second.value - first.value
    rises, falls = ("提高", "下降") if first.family == "%" else ("增加", "减少")
    verb = "相差" if "差" in question else rises if diff > 0 else falls
    written = written_difference(diff, second.unit or first.unit, first.family)
    return f"{first.text}{_year_note(first)} → {second.text}{_year_note(second)}，{verb}{written}"


def written_difference(diff: float, unit: str, family: str) -> str:
    """ "309家", "0.49个百分点": how far apart two figures of one family are (`diff`, in base units),
    written in `unit`, or in 个百分点 when they are percentages."""
    if family == "%":
        return f"{number_text(abs(diff))}个百分点"
    return f"{number_text(abs(diff) / unit_scale(unit))}{unit}"


def _point(passage: int, text: str, unit: str, year: int | None) -> Point | None:
    value = amount(text, unit)
    if value is None:
        return None
    return Point(passage, text, value, unit, year)


def _cited(asked: Point, pool: Sequence[Point]) -> Point:
    """The question's own figure, as a passage states it when one does (so that it can be cited)."""
    return next((p for p in pool if p.value == asked.value), asked)


def _latest_of_best_passage(points: Sequence[Point]) -> Point:
    best = [p for p in points if p.passage == points[0].passage]
    return max(best, key=lambda p: (p.year or 0, -best.index(p)))


def _ordered(a: Point, b: Point) -> tuple[Point, Point]:
    if a.year is not None and b.year is not None and a.year > b.year:
        return b, a
    return a, b


def _year_note(point: Point) -> str:
    return f"（{point.year}年）" if point.year else ""


def number_text(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")
