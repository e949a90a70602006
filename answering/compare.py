"""Answers to a comparison's sides, or a question's parts, set next to each other
("杭州市：15373亿元[1]；成都市：1.70万亿元[2]。成都市更高。"), with their citations renumbered, saying
which figure is higher when both are of one unit. The question is split into sides by
`reportqa.question.comparison.split_comparison`, into parts by `reportqa.question.parts.split_parts`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from reportqa.answering.change import number_text, written_difference
from reportqa.answering.figures import find_figures
from reportqa.core.models import NOT_FOUND, Answer, Citation, Claim, DirectAnswer, Statement
from reportqa.language.quantities import unit_scale
from reportqa.question.comparison import Comparison

_SMALLER = frozenset("低小少慢短")
_EACH = re.compile(r"分别|均|各|都")  # one figure said of each thing named ("均增长5%")


def side_by_side(question: str, comparison: Comparison, answers: Sequence[Answer]) -> Answer:
    """One answer from each side's: "杭州市：15373亿元[1]；成都市：1.70万亿元[2]。成都市更高。" and their quotes."""
    if (joint := _given_jointly(question, comparison, answers)) is not None:
        return joint
    claims: list[Claim] = []
    statements: list[Statement] = []
    citations: list[Citation] = []
    numbers: dict[tuple[str, int, int], int] = {}  # a passage two sides cite is cited once
    for (label, _), answer in zip(comparison.sides, answers, strict=True):
        if not answer.found:
            claims.append(Claim(label, None, refusal=answer.refusal or NOT_FOUND))
            continue
        renumber = {}
        for c in answer.citations:
            key = (c.doc, c.start, c.end)
            if key not in numbers:
                numbers[key] = len(citations) + 1
                citations.append(replace(c, n=numbers[key]))
            renumber[c.n] = numbers[key]
        claims.append(Claim(label, answer.direct, (renumber[1],) if answer.citations else ()))
        for s in answer.statements:
            renumbered = replace(s, citations=tuple(renumber[n] for n in s.citations))
            if renumbered not in statements:
                statements.append(renumbered)
    return Answer.compose(
        question,
        found=all(a.found for a in answers) if comparison.all_parts else any(a.found for a in answers),
        citations=citations,
        claims=tuple(claims),
        verdict=_verdict(comparison, claims),
        statements=tuple(statements),
    )


def _given_jointly(question: str, comparison: Comparison, answers: Sequence[Answer]) -> Answer | None:
    """Two sides answered by one figure of one statement that names them together and not each
    ("甲市、乙市安排资金3.2亿元"): a sum of both, which says neither's; the answer says so, quoting it.
    None otherwise, and for a sum asked (`Comparison.total`)."""
    if len(answers) != 2 or comparison.total or comparison.share or comparison.remainder:
        return None
    first, second = answers
    if not (first.found and second.found and first.direct and second.direct and first.statements):
        return None
    stated = first.statements[0]
    if first.direct.text != second.direct.text or not second.statements or second.statements[0].text != stated.text:
        return None
    (a, _), (b, _) = comparison.sides
    together = rf"{re.escape(a)}[、和及与]{re.escape(b)}|{re.escape(b)}[、和及与]{re.escape(a)}"
    if not re.search(together, stated.text) or _EACH.search(stated.text):
        return None
    return Answer.compose(
        question,
        found=False,
        citations=first.citations,
        refusal=f"{NOT_FOUND}{a}、{b}各自的数字，只给出两者合计{first.direct.text}",
        statements=(stated,),
    )


def _verdict(comparison: Comparison, claims: Sequence[Claim]) -> str:
    """ "成都市更高。" when both sides have a figure of one unit and the question asks which is more."""
    figures = [c.direct for c in claims]
    if any(f is None or f.amount is None for f in figures) or len({f.family for f in figures}) != 1:
        return ""
    if comparison.share:
        return share_of(comparison, figures)
    if comparison.total:
        unit = _written_unit(figures[1])
        return f"两者合计{number_text(sum(f.amount for f in figures) / unit_scale(unit))}{unit}。"
    if comparison.remainder:
        return _remainder(comparison, figures)
    if not comparison.way:
        return ""
    values = [f.amount for f in figures]
    if comparison.difference:
        return _difference(comparison, figures)
    if values[0] == values[1]:
        return "两者相同。"
    pick = min if comparison.way in _SMALLER else max
    index = values.index(pick(values))
    return f"{comparison.sides[index][0]}更{comparison.way}。"


def _difference(comparison: Comparison, figures: Sequence[DirectAnswer]) -> str:
    """ "出生人口比死亡人口少139万人。": the first side's figure less the second's, in the second's unit
    (in 个百分点 for two percentages)."""
    (first, _), (second, _) = comparison.sides
    diff = figures[0].amount - figures[1].amount
    if diff == 0:
        return "两者相同。"
    unit = _written_unit(figures[1])
    more = "多" if comparison.way in ("多", "少") else "高"
    less = "少" if comparison.way in ("多", "少") else "低"
    return f"{first}比{second}{more if diff > 0 else less}{written_difference(diff, unit, figures[1].family)}。"


def _remainder(comparison: Comparison, figures: Sequence[DirectAnswer]) -> str:
    """ "粮食产量中小麦以外的部分约为12.5万吨。": the whole's figure less its part's; "" when the part is no
    smaller (it is then no part of that whole)."""
    (whole, _), (part, _) = comparison.sides
    if not 0 < figures[1].amount < figures[0].amount:
        return ""
    left = figures[0].amount - figures[1].amount
    unit = _written_unit(figures[0])
    return f"{whole}中{part}以外的部分约为{written_difference(left, unit, figures[0].family)}。"


def _written_unit(figure: DirectAnswer) -> str:
    """The unit a figure is written in ("万户" of "26699万户"), to state a sum or difference in."""
    written = find_figures(figure.text)
    return written[0].unit if written else ""


def share_of(comparison: Comparison, figures: Sequence[DirectAnswer]) -> str:
    """ "境外游客约占累计接待的游客的0.8%。": the part's figure over the whole's; "" when the part is no
    smaller (it is then no part of that whole)."""
    (part, _), (whole, _) = comparison.sides
    if not 0 < figures[0].amount < figures[1].amount:
        return ""
    return f"{part}约占{whole}的{number_text(100 * figures[0].amount / figures[1].amount)}%。"
