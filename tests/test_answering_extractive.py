"""The extractive answerer on real passages of the seed report (hits made by hand, no index)."""

from __future__ import annotations

from pathlib import Path

import pytest

from answering.extractive import ExtractiveAnswerer
from ingest.lexicon import Lexicon
from reportqa.models import Chunk, DocumentMeta, Hit
from reportqa.settings import Settings
from retrieval.query import analyse

SEED = next((Path(__file__).parent.parent / "corpus").glob("*.txt"))
DOC = SEED.name
METAS = {DOC: DocumentMeta(title="《淄博市“十三五”科技创新规划》后评估报告", place="淄博市", year=2020)}
TEXT = SEED.read_text(encoding="utf-8")


def _hit(passage: str, section: str = "二、评估的主要内容", statement: str = "") -> Hit:
    start = TEXT.index(passage)
    chunk = Chunk(f"{DOC}#{start}", DOC, start, start + len(passage), passage, section, bool(statement), statement)
    return Hit(chunk=chunk, score=1.0)


GROWTH = _hit("全市高新技术企业由2015年的251家增加到512家，增长103.98%。")
CASE = _hit("全市高新技术企业总量从2011年203家一举跃升至2019年512家。")
ROW = _hit(
    "高新技术企业数（家）\n\t380\n\t512\n\t2019年度",
    section="二、评估的主要内容 > （一）《规划》实施情况 > 1、主要指标完成情况",
    statement="高新技术企业数（家）：2020年目标数 380；目前完成数 512；备注 2019年度",
)
REASON = _hit("院士建站数量受限，现有院士工作站数量减少。")


@pytest.fixture(scope="module")
def answerer() -> ExtractiveAnswerer:
    return ExtractiveAnswerer(Lexicon.load(Settings().lexicon_dir), term_weight=lambda t: 1.0, documents=METAS)


def test_quantity_for_the_asked_year(answerer: ExtractiveAnswerer) -> None:
    answer = answerer.answer(analyse("2019年高新技术企业有多少家？"), [GROWTH, ROW, CASE])
    assert answer.found
    assert answer.answer.startswith("512")
    assert "[1]" in answer.answer
    assert all(c.text == TEXT[c.start : c.end] for c in answer.citations)


def test_an_earlier_year_gives_that_years_figure(answerer: ExtractiveAnswerer) -> None:
    answer = answerer.answer(analyse("2015年高新技术企业有多少家？"), [ROW, GROWTH, CASE])
    assert answer.found
    assert answer.answer.startswith("251家")


def test_target_value_from_the_table(answerer: ExtractiveAnswerer) -> None:
    answer = answerer.answer(analyse("高新技术企业数2020年的目标是多少家？"), [ROW, GROWTH])
    assert answer.answer.startswith("380家")


def test_a_year_no_passage_speaks_of_is_not_found(answerer: ExtractiveAnswerer) -> None:
    answer = answerer.answer(analyse("2023年高新技术企业有多少家？"), [ROW, GROWTH, CASE])
    assert not answer.found
    assert answer.answer.startswith("文中未提及2023年")
    assert answer.citations  # the nearest fact is still cited


def test_reason_quotes_the_causal_sentence(answerer: ExtractiveAnswerer) -> None:
    answer = answerer.answer(analyse("院士工作站为什么没达标？"), [GROWTH, REASON])
    assert answer.found
    assert "数量受限" in answer.answer


def test_no_hits_is_not_found(answerer: ExtractiveAnswerer) -> None:
    answer = answerer.answer(analyse("2019年高新技术企业有多少家？"), [])
    assert not answer.found and not answer.citations
