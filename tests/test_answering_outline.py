"""A list asked whose items are the headings under one section: answered with those headings, each cited.

The document is the national 13th Five-Year Plan outline, which no eval set uses; the questions are mine.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportqa.answering.extractive import ExtractiveAnswerer
from reportqa.answering.outline import Heading, Outline
from reportqa.core.models import Chunk, DocumentMeta, Hit
from reportqa.core.settings import Settings
from reportqa.indexing.keyword import KeywordIndex
from reportqa.ingest.chunking import Chunker
from reportqa.ingest.pipeline import parse_document
from reportqa.language.lexicon import Lexicon
from reportqa.question.analysis import analyse

PLANS = Path("/work/shared/corpora/cn_national_gov_docs/five_year_plans")
pytestmark = pytest.mark.skipif(not PLANS.is_dir(), reason="shared corpora not mounted")

INCENTIVES = ["深化科技管理体制改革", "完善科技成果转化和收益分配机制", "构建普惠性创新支持政策体系"]
GOVERNANCE = ["完善社会治理体系", "完善社会信用体系", "健全公共安全体系", "建立国家安全体系"]
TALENT = ["建设规模宏大的人才队伍", "促进人才优化配置", "营造良好的人才发展环境"]


@pytest.fixture(scope="module")
def plan() -> tuple[ExtractiveAnswerer, list[Chunk]]:
    lexicon = Lexicon.load(Settings().lexicon_dir)
    document, chunks = parse_document(PLANS / "2016-十三五规划纲要.md", PLANS, Chunker(tokenizer=lexicon))
    stats = KeywordIndex.build([lexicon.keyword_tokens(chunk.body) for chunk in chunks])
    meta = DocumentMeta("中华人民共和国国民经济和社会发展第十三个五年规划纲要", "全国", 2016, "规划")
    answerer = ExtractiveAnswerer(
        lexicon, term_stats=stats, documents={document.doc_id: meta}, outline=Outline(reversed(chunks))
    )
    return answerer, chunks


def _under(chunks: list[Chunk], heading: str) -> Hit:
    """A retrieved passage under the section `heading`."""
    return Hit(next(c for c in chunks if c.section.endswith(heading)), 1.0)


def test_a_section_s_headings_are_read_in_document_order_without_their_numbering(plan) -> None:
    _answerer, chunks = plan
    chapter = next(c.section for c in chunks if c.section.endswith("第一节 深化科技管理体制改革"))
    headings = Outline(reversed(chunks)).children(chunks[0].doc_id, chapter.rsplit(" > ", 1)[0])
    assert [h.item for h in headings] == INCENTIVES
    assert all(isinstance(h, Heading) and h.title in h.chunk.text for h in headings)


@pytest.mark.parametrize(
    ("question", "retrieved", "items"),
    [
        ("构建激励创新的体制机制有哪几个方面？", "第二节 完善科技成果转化和收益分配机制", INCENTIVES),
        ("实施人才优先发展战略包括哪些举措？", "第一节 建设规模宏大的人才队伍", TALENT),
        # the headings each name the thing asked for
        ("社会治理方面要健全哪几个体系？", "完善社会信用体系", GOVERNANCE),
    ],
)
def test_a_list_asked_of_a_section_is_answered_by_its_headings(
    plan, question: str, retrieved: str, items: list[str]
) -> None:
    answerer, chunks = plan
    answer = answerer.answer(analyse(question), [_under(chunks, retrieved)])
    assert answer.found and answer.direct is not None and answer.direct.text == "、".join(items), answer.answer
    assert [c.highlight.split(" ")[-1] for c in answer.citations] == items  # each heading cites its own passage


def test_a_list_asked_of_something_no_heading_names_is_answered_from_statements(plan) -> None:
    answerer, chunks = plan
    # 第一节 促进消费升级 has no headings under it; the chapter's headings do not name what is asked
    answer = answerer.answer(analyse("促进消费升级有哪些措施？"), [_under(chunks, "第一节 促进消费升级")])
    assert answer.found and answer.direct is None, answer.answer
