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
