"""Property tests: parsing and chunking never crash on arbitrary text and keep their invariants."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportqa.core.models import Document, DocumentMeta
from reportqa.ingest.chunking import Chunker
from reportqa.ingest.structure import parse_blocks
from reportqa.language.lexicon import Lexicon
from tests.test_ingest_chunking import check_invariants

LEXICON = Lexicon.load()

# pieces real documents are made of, glued together at random
_LINES = st.sampled_from(
    [
        "一、总体要求",
        "（一）主要指标",
        "1、高新技术企业",
        "1.研发投入",
        "（1）院士工作站",
        "一是加强组织领导。",
        "第一章　发展环境",
        "附件1：",
        "附件：1.《方案》",
        "典型案例一：",
        "## 二、农业",
        "# 标题",
        "**一、2019年工作回顾**",
        "| 指标 | 数值<br>（亿元） |",
        "| --- | --- |",
        "| 地区生产总值 | 1,234.5 |",
        "|",
        "\t具体指标",
        "\t380",
        "指标\t目标\t完成",
        "<script>alert('x')</script>",
        "<!-- 注释",
        "-->",
        "<details>",
        "---",
        "![图](a.png)",
        "全市高新技术企业由2015年的251家增加到512家，增长103.98%。",
        "2020年8月10日",
        "",
        "   ",
    ]
)
_CJK = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=1, max_size=80)
_PUNCT_TEXT = st.text(alphabet="高新技术企业研发。，、；！？：（）“”《》\t \n#*|-1234567890.%abcABC", max_size=120)
_PIECES = st.lists(st.one_of(_LINES, _CJK, _PUNCT_TEXT, st.text(max_size=60)), max_size=25)


def _check(text: str, chunk_size: int, overlap: int) -> None:
    document = Document("p.md", text, "0" * 64, DocumentMeta(title="p"))
    blocks = parse_blocks(document)
    for block in blocks:
        assert block.text == text[block.start : block.end]
        assert block.text.strip() == block.text and block.text
    chunks = Chunker(chunk_size, overlap, LEXICON).chunk(document, blocks)
    check_invariants(document, blocks, chunks, LEXICON)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=_PIECES,
    separator=st.sampled_from(["\n", "\n\n", "\r\n", "\n\t"]),
    sizes=st.sampled_from([(200, 40), (30, 10), (8, 0)]),
)
def test_structured_pieces(pieces, separator, sizes):
    _check(separator.join(pieces).replace("\r", ""), *sizes)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=400))
def test_arbitrary_unicode(text):
    _check(text, 50, 10)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "一、",
        "# ",
        "|\n|---|\n| a |",
        "\t\n\t\n\n\t",
        "---\ntitle: x\n",
        "---\ntitle: [\n---\n正文。",
        "a" * 500,
        "1" * 300 + "。",
        "附件1：\n附件2：\n附件：1.",
    ],
)
def test_edge_cases(text):
    _check(text, 40, 10)
