"""Questions that set two places or two reports side by side ("2020年福州和郑州的社会消费品零售总额哪个更高？",
"国务院2022年和2023年政府工作报告的居民消费价格涨幅目标有什么不同？").

`split_comparison` turns one into a question per side ("2020年福州市的社会消费品零售总额是多少？"); each is
answered alone, from its own documents (`reportqa.answering.compare.side_by_side` sets the answers
next to each other).

    >>> [q for _, q in split_comparison("2020年福州和郑州的社会消费品零售总额哪个更高？").sides]
    ['2020年福州市的社会消费品零售总额是多少？', '2020年郑州市的社会消费品零售总额是多少？']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from reportqa.language.places import place_mentions

# "哪个更高", "谁更大", "有什么不同": the question compares; what follows the subject is replaced by "是多少"
_COMPARES = re.compile(
    r"(?:哪个|哪一个|谁|哪里|哪家)(?:的)?更?(?P<way>高|大|多|低|小|少|快|慢)|有(?:什么|何)(?:不同|区别|差别|变化)|"
    r"(?:区别|差别|不同)(?:是什么|在哪)"
)
_JOIN = r"\s*(?:和|与|同|跟|及|、|以及|还是)\s*"
_YEAR_PAIR = re.compile(rf"((?:19|20)\d{{2}}年){_JOIN}((?:19|20)\d{{2}}年)")


@dataclass(frozen=True)
class Comparison:
    sides: tuple[tuple[str, str], ...]  # (label, question) for each side, in the question's order
    way: str  # "高", "少"…: what "more" means here; "" when the question asks how they differ
    # a comparison needs every side; a question of several parts is answered as far as its parts are
    all_parts: bool = True


def split_comparison(question: str) -> Comparison | None:
    """The question per side, if `question` compares two places or two years; else None."""
    cue = _COMPARES.search(question)
    if cue is None:
        return None
    asked = question[: cue.start()].rstrip("的") + "是多少？"
    pair = _place_pair(asked) or _year_pair(asked)
    if pair is None:
        return None
    (first, first_span), (second, second_span) = pair
    before, after = asked[: first_span[0]], asked[second_span[1] :]
    # each side named in full ("杭州" -> "杭州市"), as the documents' metadata names it
    return Comparison(((first, before + first + after), (second, before + second + after)), cue.group("way") or "")


def _place_pair(text: str) -> tuple[tuple[str, tuple[int, int]], tuple[str, tuple[int, int]]] | None:
    mentions = place_mentions(text)
    for (name_a, start_a, end_a), (name_b, start_b, end_b) in pairwise(mentions):
        if name_a != name_b and re.fullmatch(_JOIN, text[end_a:start_b]):
            return (name_a, (start_a, end_a)), (name_b, (start_b, end_b))
    return None


def _year_pair(text: str) -> tuple[tuple[str, tuple[int, int]], tuple[str, tuple[int, int]]] | None:
    match = _YEAR_PAIR.search(text)
    if match is None:
        return None
    return (match.group(1), match.span(1)), (match.group(2), match.span(2))
