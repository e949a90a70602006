"""The conversation as a file an official keeps: Markdown that reads cleanly as plain text, and Word (.docx).

Both hold, for each turn, the question, the answer, the figures across years when there are any, and
each citation with its document (title and file name), section and quoted passage. Nothing is escaped:
the text is the documents' own, as Notepad, Word or WPS show it.

    conversation_markdown(turns)   # turns: dicts with "question" and "answer" (an Answer)
    conversation_docx(turns)       # bytes of a .docx
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from docx import Document as WordDocument
from docx.oxml.ns import qn

from reportqa.core.models import NOT_FOUND, Answer, Citation, SeriesPoint

TITLE = "报告问答记录"
_CHINESE_FONT = "宋体"


@dataclass(frozen=True)
class ExportedCitation:
    head: str  # "[1] 标题（2021年）"
    source: str  # "文件：报告.txt · 章节：一、总体情况"
    passage: str


@dataclass(frozen=True)
class ExportedTurn:
    """One question and its answer as the lines both formats write."""

    question: str
    not_found: bool
    answer_lines: list[str]
    series_lines: list[str]
    citations: list[ExportedCitation]
    warnings: list[str]


def exported_turns(turns: Sequence[dict]) -> list[ExportedTurn]:
    return [_exported(turn["question"], turn["answer"]) for turn in turns]


def _exported(question: str, answer: Answer) -> ExportedTurn:
    return ExportedTurn(
        question=question,
        not_found=not answer.found,
        answer_lines=[line for line in answer.answer.splitlines() if line.strip()],
        series_lines=[series_line(point) for point in answer.series],
        citations=[_exported_citation(c) for c in answer.citations],
        warnings=[f"注意：{w}" for w in answer.warnings],
    )


def series_line(point: SeriesPoint) -> str:
    """ "2019年：512家 [1]"; a year that is the report's own says so."""
    year = f"{point.year}年报告" if point.report_year else f"{point.year}年"
    return f"{year}：{point.text} [{point.citation}]"


def _exported_citation(citation: Citation) -> ExportedCitation:
    year = f"（{citation.year}年）" if citation.year else ""
    source = f"文件：{citation.doc}" + (f" · 章节：{citation.section}" if citation.section else "")
    return ExportedCitation(f"[{citation.n}] {citation.title or citation.doc}{year}", source, citation.text.strip())


def conversation_markdown(turns: Sequence[dict]) -> str:
    """Headings for the questions, the passages in block quotes; no backslash escapes."""
    lines = [f"# {TITLE}", ""]
    for i, turn in enumerate(exported_turns(turns), 1):
        lines += [f"## 问题 {i}：{turn.question}", ""]
        if turn.not_found:
            lines += [f"**{NOT_FOUND}**", ""]
        lines += [line + "  " for line in turn.answer_lines] + [""]
        if turn.series_lines:
            lines += ["**各年数据**", "", *[f"- {line}" for line in turn.series_lines], ""]
        if turn.citations:
            lines += ["**出处**", ""]
        for c in turn.citations:
            lines += [c.head + "  ", c.source, ""]
            lines += ["> " + line for line in c.passage.splitlines() if line.strip()] + [""]
        lines += [line for w in turn.warnings for line in (w, "")]
    return "\n".join(lines)


def conversation_docx(turns: Sequence[dict]) -> bytes:
    """A Word document with the same content, Chinese set in 宋体."""
    word = WordDocument()
    for style in ("Normal", "Heading 1", "Heading 2", "Quote"):
        _set_chinese_font(word.styles[style])
    word.add_heading(TITLE, level=1)
    for i, turn in enumerate(exported_turns(turns), 1):
        word.add_heading(f"问题 {i}：{turn.question}", level=2)
        if turn.not_found:
            word.add_paragraph().add_run(NOT_FOUND).bold = True
        for line in turn.answer_lines:
            word.add_paragraph(line)
        if turn.series_lines:
            word.add_paragraph().add_run("各年数据").bold = True
            for line in turn.series_lines:
                word.add_paragraph(line, style="List Bullet")
        if turn.citations:
            word.add_paragraph().add_run("出处").bold = True
        for c in turn.citations:
            word.add_paragraph().add_run(c.head).bold = True
            word.add_paragraph(c.source)
            word.add_paragraph(c.passage, style="Quote")
        for warning in turn.warnings:
            word.add_paragraph(warning)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _set_chinese_font(style) -> None:
    """Word picks the East Asian font from its own attribute; without it Chinese falls back per machine."""
    style.font.name = _CHINESE_FONT
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), _CHINESE_FONT)
