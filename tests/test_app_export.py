"""reportqa.app.export: the conversation as clean Markdown and as a Word file python-docx reads back."""

from __future__ import annotations

import io

import docx

from reportqa.app.export import conversation_docx, conversation_markdown
from reportqa.core.models import Answer, Citation, SeriesPoint

PASSAGE = "全市高新技术企业由2015年的251家增加到512家，增长103.98%。_下划线_ 与 *星号* 照原样。"


def _turns() -> list[dict]:
    citation = Citation(
        1, "淄博_评估_报告.txt", "二、效益分析", PASSAGE, 0, len(PASSAGE), 1.0, title="后评估报告", year=2020
    )
    series = [SeriesPoint(2015, 251, "家", "251家", 1), SeriesPoint(2019, 512, "家", "512家", 1)]
    answer = Answer("q", "512家（2019年）。\n" + PASSAGE + "[1]", True, [citation], series=series)
    missing = Answer("q", "文中未提及2030年的情况。", False)
    return [{"question": "高新技术企业有多少家？", "answer": answer}, {"question": "那2030年呢？", "answer": missing}]


def test_markdown_has_no_escapes_and_keeps_question_answer_and_citation():
    md = conversation_markdown(_turns())
    assert "\\" not in md
    assert "## 问题 1：高新技术企业有多少家？" in md and "512家（2019年）。" in md
    assert "[1] 后评估报告（2020年）" in md and "文件：淄博_评估_报告.txt · 章节：二、效益分析" in md
    assert f"> {PASSAGE}" in md and "- 2015年：251家 [1]" in md
    assert "## 问题 2：那2030年呢？" in md and "**文中未提及**" in md


def test_word_file_holds_the_same_text():
    document = docx.Document(io.BytesIO(conversation_docx(_turns())))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[:3] == ["报告问答记录", "问题 1：高新技术企业有多少家？", "512家（2019年）。"]
    assert PASSAGE in paragraphs and f"{PASSAGE}[1]" in paragraphs
    assert "文件：淄博_评估_报告.txt · 章节：二、效益分析" in paragraphs and "2019年：512家 [1]" in paragraphs
    assert "文中未提及" in paragraphs
    quote = next(p for p in document.paragraphs if p.text == PASSAGE)
    assert quote.style.name == "Quote"
