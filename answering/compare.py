"""Answers to a comparison's sides set next to each other ("杭州市：15373亿元[1]；成都市：1.70万亿元[2]。成都市更高。"),
with their citations renumbered, saying which figure is higher when both are of one unit.
The question is split into sides by `reportqa.question.comparison.split_comparison`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from reportqa.core.models import Answer, Citation
from reportqa.language.quantities import unit_family, unit_scale
from reportqa.question.comparison import Comparison

_SMALLER = frozenset("低小少慢")
_MARKER = re.compile(r"\[(\d+)\]")
_FIGURE = re.compile(r"^(\d+(?:\.\d+)?)([^\d（。；\s]*)")


def side_by_side(question: str, comparison: Comparison, answers: Sequence[Answer]) -> Answer:
    """One answer from each side's: "杭州市：15373亿元[1]；成都市：1.70万亿元[2]。成都市更高。" and their quotes."""
    claims: list[str] = []
    quotes: list[str] = []
    citations: list[Citation] = []
    figures: list[tuple[str, float, str] | None] = []
    for (label, _), answer in zip(comparison.sides, answers, strict=True):
        offset = len(citations)
        lines = [_renumber(line, offset) for line in answer.answer.splitlines()]
        citations += [replace(c, n=c.n + offset) for c in answer.citations]
        if not answer.found:
            claims.append(f"{label}：{lines[0].rstrip('。')}" if lines else f"{label}：文中未提及")
            figures.append(None)
            continue
        direct = lines[0] if lines and not _MARKER.search(lines[0]) else ""
        first_marker = f"[{offset + 1}]" if answer.citations else ""
        claims.append(f"{label}：{direct.rstrip('。') or '见下文'}{first_marker}")
        quotes += lines[1:] if direct else lines
        figures.append(_figure(direct))
    verdict = _verdict(comparison, figures)
    text = "；".join(claims) + "。" + verdict
    return Answer(
        question=question,
        answer="\n".join([text, *quotes]),
        found=all(a.found for a in answers),
        citations=citations,
    )


def _renumber(line: str, offset: int) -> str:
    return _MARKER.sub(lambda m: f"[{int(m.group(1)) + offset}]", line)


def _figure(direct: str) -> tuple[str, float, str] | None:
    """ "1.70万亿元（2019年）" -> ("1.70万亿元", 1.7e12, "元")."""
    match = _FIGURE.match(direct)
    if match is None:
        return None
    unit = match.group(2)
    return match.group(0), float(match.group(1)) * unit_scale(unit), unit_family(unit)


def _verdict(comparison: Comparison, figures: Sequence[tuple[str, float, str] | None]) -> str:
    """ "成都市更高。" when both sides have a figure of one unit and the question asks which is more."""
    if not comparison.way or any(f is None for f in figures) or len({f[2] for f in figures if f}) != 1:
        return ""
    values = [f[1] for f in figures if f]
    if values[0] == values[1]:
        return "两者相同。"
    pick = min if comparison.way in _SMALLER else max
    index = values.index(pick(values))
    return f"{comparison.sides[index][0]}更{comparison.way}。"
