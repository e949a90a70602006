"""reportqa.app.render: document text reaches the page as text, never as HTML or Markdown."""

from __future__ import annotations

import re
from dataclasses import replace

from reportqa.app.render import (
    answer_html,
    citation_html,
    context_html,
    document_label,
    echo_text,
    passage_html,
    series_table_html,
    text_html,
)
from reportqa.core.models import NOT_FOUND, Answer, Citation, SeriesPoint, Statement

HOSTILE = "<script>alert(1)</script> **bold** [link](javascript:x) <img src=x onerror=alert(2)> $x$ :red[y]\n\n# head"


def _tags(markup: str) -> set[str]:
    return {m.lower() for m in re.findall(r"<\s*/?\s*([a-zA-Z]+)", markup)}


def test_text_html_leaves_no_tag_markdown_or_blank_line():
    out = text_html(HOSTILE)
    assert _tags(out) == {"br"}
    for raw in ("<script", "**", "](", "[link]", "$x$", ":red[", "\n"):
        assert raw not in out
    assert "&lt;script&gt;" in out


def test_passage_highlight_is_the_only_markup():
    out = passage_html("前文<b>。全市高新技术企业512家。后文**", highlight="全市高新技术企业512家。")
    assert _tags(out) == {"mark"}
    assert "<mark>全市高新技术企业512家。</mark>" in out
    assert "&lt;b&gt;" in out


def test_a_markdown_reports_bold_markers_are_left_out_of_passage_and_context():
    # 佛山 2021 writes each point's lead in bold
    passage = "**——科技创新能力持续提升。**财政科技投入从30亿元增加到102亿元。"
    highlight = "财政科技投入从30亿元增加到102亿元。"
    out = passage_html(passage, highlight=highlight, doc="佛山市/2021.md")
    assert out == "——科技创新能力持续提升。<mark>财政科技投入从30亿元增加到102亿元。</mark>"
    source = f"**五年来**，{passage}**二、**"
    citation = replace(
        _citation(passage, start=source.index(passage)), doc="佛山市/2021.md", section="", highlight=highlight
    )
    for markup in (citation_html(citation), context_html(source, citation, chars=10)):
        assert "*" not in markup and "&#42;" not in markup and "<mark>财政科技投入" in markup
    # a plain text file's asterisks are its text
    plain = replace(citation, doc="佛山市/2021.txt")
    assert "&#42;&#42;——" in citation_html(plain) and "&#42;&#42;五年来" in context_html(source, plain, chars=10)


def test_passage_without_findable_highlight_is_plain_text():
    assert "<mark>" not in passage_html("abc", highlight="xyz")


def test_answer_markers_styled_and_text_escaped():
    out = answer_html(Answer(question="q", answer="512家。\n<i>x</i>[1]", found=True))
    assert '<span class="rq-marker">[1]</span>' in out
    assert "&lt;i&gt;" in out
    assert _tags(out) == {"div", "span", "br"}


def test_not_found_answer_is_labelled():
    refused = Answer.compose(
        "q", found=False, refusal=f"{NOT_FOUND}2015年的相关情况", statements=(Statement("甲<b>", (1,)),)
    )
    out = answer_html(refused)
    assert 'class="rq-notfound"' in out
    assert f'<strong class="rq-notfound-head">{NOT_FOUND}</strong>2015年的相关情况。' in out
    assert '文中最接近的信息（仅供参考）：甲&lt;b&gt;<span class="rq-marker">[1]</span>' in out
    scoped = answer_html(Answer(question="q", answer="没有2030年的文档。", found=False))
    assert NOT_FOUND in scoped and "rq-notfound" in scoped


def _citation(text: str, start: int = 10) -> Citation:
    return Citation(
        n=1,
        doc="a/<x>.txt",
        section="一 > **二**",
        text=text,
        start=start,
        end=start + len(text),
        score=1.0,
        title="<b>标题</b>",
        year=2020,
        highlight="alert(1)" if "alert" in text else text[:3],
    )


def test_citation_head_and_context_escaped():
    source = "0123456789<script>alert(1)</script>[link](javascript:x)tail"
    citation = _citation(source[10:35])
    head = citation_html(citation)
    assert "&lt;b&gt;标题&lt;/b&gt;" in head and "（2020年）" in head and "<script" not in head
    context = context_html(source, citation, chars=5)
    assert "<script" not in context and "&lt;script&gt;" in context
    assert context.startswith('<div class="rq-context">…') and "<mark>" in context


def test_documents_are_told_apart_by_file_name():
    assert document_label("2020/政府工作报告.txt", "政府工作报告", 2020) == "政府工作报告（2020年） · 政府工作报告.txt"
    assert document_label("a/报告.txt", "报告.txt") == "报告.txt"
    head = citation_html(_citation("正文"))
    assert "&lt;b&gt;标题&lt;/b&gt;（2020年） · &lt;x&gt;.txt" in head


def test_series_table_escapes_and_labels_citations():
    table = series_table_html(
        [SeriesPoint(2015, 251, "家", "251<家>", 2), SeriesPoint(2020, 1200.5, "家", "1200.5家", 1, True)]
    )
    assert "<td>2015年</td><td>251</td><td>251&lt;家&gt;</td><td>[2]</td>" in table
    assert "2020年（报告年份）" in table and "1,200.5" in table and "数值（家）" in table


def test_a_long_question_is_echoed_cut_with_its_length():
    assert echo_text("高企多少家？") == "高企多少家？"
    echoed = echo_text("高" * 5000, limit=300)
    assert echoed.startswith("高" * 300) and "共 5000 字" in echoed and len(echoed) < 330
