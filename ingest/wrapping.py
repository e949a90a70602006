"""Hard-wrapped text files: paragraphs broken into lines of a fixed width, mid-sentence.

A plain-text or Markdown file typed or converted at a fixed width ("…全县工农业总产值计划平均\\n每年递增
6%，…") breaks its sentences where a line ran full. A line break ends a sentence
everywhere else in the project (headings and list items are lines), so such a file is rejoined first:
a line that ran full and does not end a sentence goes on in the next line of text.

    >>> wrapped = "## 农业\\n" + "新建高标准农田12万亩，改造中低产田8万亩。1995年，灌溉\\n" * 12
    >>> lines = unwrap_hard_wrapped(wrapped + "面积要达到60万亩。\\n").splitlines()
    >>> lines[0], lines[1][-18:]
    ('## 农业', '1995年，灌溉面积要达到60万亩。')

A file whose paragraphs are whole lines is returned as it is.
"""

from __future__ import annotations

import re

from reportqa.ingest.metadata import front_matter_end
from reportqa.language.sentences import CLOSERS, SENTENCE_END_MARKS

# a line that ends so does not go on in the next: a sentence's end, a list's colon, a closing bracket
_ENDS_LINE = re.compile(rf"[{SENTENCE_END_MARKS}：:{re.escape(CLOSERS)}]\s*$")
# lines of structure, never text run on: headings, tables, lists, quotes, markup, bold lines, rules
_STRUCTURE = re.compile(r"^\s*(?:#|\||[-*+]\s|>|<|```|\*\*|[-=_*]{3,}\s*$)")
WRAPPED_SHARE = 0.3  # of a file's text lines, that run full without ending: the file is hard-wrapped
FULL_LINE = 0.7  # of the file's usual longest line (its 90th percentile length): a line ran full


def unwrap_hard_wrapped(text: str) -> str:
    """`text` with the line breaks of its wrapped paragraphs removed, if it is hard-wrapped (see the
    module docstring); otherwise `text` itself. Its front matter is kept as it is."""
    body_start = front_matter_end(text)
    front, text = text[:body_start], text[body_start:]
    lines = text.split("\n")
    text_lines = [line.strip() for line in lines if _is_text(line)]
    if len(text_lines) < 10:
        return front + text
    lengths = sorted(len(line) for line in text_lines)
    full = FULL_LINE * lengths[int(len(lengths) * 0.9)]
    runs_on = [_is_text(line) and len(line.strip()) >= full and not _ENDS_LINE.search(line) for line in lines]
    if sum(runs_on) < WRAPPED_SHARE * len(text_lines):
        return front + text
    out = [lines[0]]
    for i in range(1, len(lines)):
        if runs_on[i - 1] and _is_text(lines[i]):
            before, after = out[-1].rstrip(), lines[i].lstrip()
            out[-1] = (
                before
                + (" " if before[-1:].isascii() and after[:1].isascii() and before[-1:].isalpha() else "")
                + after
            )
        else:
            out.append(lines[i])
    return front + "\n".join(out)


def _is_text(line: str) -> bool:
    return bool(line.strip()) and not line.startswith("\t") and not _STRUCTURE.match(line)
