"""A question about a thing it names only by what it did is answered in two steps (question/bridge.py)."""

from __future__ import annotations

from contextlib import closing

from reportqa.core.settings import Settings
from reportqa.engine import Engine
from reportqa.indexing.build import build_index
from tests.conftest import HashEmbedder

# my own report: the clue and what is asked of the thing stand in different sections
REPORT = (
    "某省2021年政府工作报告\n\n"
    "一、2020年工作回顾\n\n"
    "全年地区生产总值增长4%。全国首个海上风电母港在盐城建成投运，带动装备制造业增长12%。\n\n"
    "二、2021年主要任务\n\n"
    "推进盐城海上风电装备产业园二期建设，新增产能200万千瓦。支持石城建设储能产业基地。\n"
)


def test_the_thing_a_question_points_at_is_named_first_then_asked_about(tmp_settings: Settings) -> None:
    (tmp_settings.corpus_dir / "某省2021.txt").write_text(REPORT, encoding="utf-8")
    build_index(tmp_settings, embedder=HashEmbedder())
    with closing(Engine.open(tmp_settings, HashEmbedder())) as engine:
        answer = engine.ask("2020年建成全国首个海上风电母港的那座城市，2021年要推进什么产业园建设？")
    assert answer.found, answer.answer
    assert answer.claims[0].direct is not None and answer.claims[0].direct.text == "盐城"
    assert "海上风电装备产业园二期" in answer.answer, answer.answer
    assert len(answer.citations) == 2  # the statement naming the city, and the one answering of it
