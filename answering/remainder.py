"""What is left of a whole when a part of it is taken out: "全县耕地面积52万亩，…；其中水田18万亩" answers
"水田以外的耕地有多少" with 52 - 18 = 34万亩, citing the sentence that gives both."""

from __future__ import annotations

import re

from reportqa.answering.figures import Figure, find_figures

_SENTENCE = re.compile(r"[^。！？!?\n]+")
_CHANGE_BEFORE = re.compile(r"(?:增加|增长|减少|下降|提高|降低|新增|比上年|较上年)[^，；,;]{0,3}$")
_PART_OF_IT = "其中"
_LABEL_REACH = 12  # characters between 其中 and the part's figure


def left_over(text: str, start: int, part: str) -> tuple[Figure, Figure, str] | None:
    """In the sentence of `text` that holds `start`: the whole's figure and the part's ("其中水田18万亩", the
    part named after 其中), in one unit, and what is left: "34万亩". None when the sentence gives
    no such pair."""
    sentence = next((m for m in _SENTENCE.finditer(text) if m.start() <= start < m.end()), None)
    if sentence is None:
        return None
    said = sentence.group(0)
    figures = find_figures(said)
    for opening in re.finditer(_PART_OF_IT, said):
        named = said.find(part, opening.end(), opening.end() + _LABEL_REACH)
        if named < 0:
            continue
        part_figure = next((f for f in figures if f.start > named), None)
        if part_figure is None or part_figure.number is None:
            continue
        wholes = [
            f
            for f in figures
            if f.end <= opening.start() and f.unit == part_figure.unit and not _CHANGE_BEFORE.search(said[: f.start])
        ]
        if not wholes or wholes[0].number is None:
            continue
        whole = wholes[0]
        rest = whole.number - part_figure.number
        if rest <= 0:
            continue
        return whole, part_figure, f"{rest:.10g}{whole.unit}"
    return None
