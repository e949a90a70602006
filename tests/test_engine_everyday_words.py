"""An engine reads a question's everyday phrases as the reports' words (language/lexicon/everyday.txt)."""

from __future__ import annotations

from contextlib import closing

from reportqa.core.settings import Settings
from reportqa.engine import Engine
from tests.conftest import HashEmbedder


def test_a_question_in_everyday_words_is_answered_as_one_in_the_reports_words(hash_seed_settings: Settings) -> None:
    with closing(Engine.open(hash_seed_settings, HashEmbedder())) as engine:
        answer = engine.ask("2019年全市的高科技公司有多少家？")  # the seed report: 高新技术企业
        assert answer.found and answer.direct is not None and answer.direct.text == "512家"
        assert answer.question == "2019年全市的高科技公司有多少家？"  # the asker's words are kept


def test_a_phrase_the_documents_write_in_parts_stays_the_askers(tmp_settings: Settings) -> None:
    # everyday.txt reads "人口总数" as 常住人口; a report writing "城镇人口总数" (cut 城镇人口 / 总数) keeps it
    from reportqa.indexing.build import build_index

    (tmp_settings.corpus_dir / "规划.txt").write_text(
        "人口发展规划\n\n到2035年，城镇人口总数达到9亿人左右。常住人口城镇化率达到75%。\n", encoding="utf-8"
    )
    build_index(tmp_settings, embedder=HashEmbedder())
    with closing(Engine.open(tmp_settings, HashEmbedder())) as engine:
        serving = engine._current()
        assert engine._analyse(serving, "2035年城镇人口总数是多少？").text == "2035年城镇人口总数是多少？"
