"""The answerer's weights come from the settings, and an engine can answer with others (for fitting them)."""

from __future__ import annotations

from contextlib import closing

import pytest
from pydantic import ValidationError

from reportqa.core.settings import Settings
from reportqa.core.weights import FITTED, AnswerWeights
from reportqa.engine import Engine
from tests.conftest import HashEmbedder


def test_weights_are_read_from_the_environment_and_checked(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("REPORTQA_ANSWER_WEIGHTS__MIN_COVERAGE", "0.6")
    assert Settings(home=tmp_path).answer_weights.min_coverage == 0.6
    assert Settings(home=tmp_path).answer_weights.coverage == AnswerWeights().coverage
    with pytest.raises(ValidationError, match="min_coverage"):
        AnswerWeights(min_coverage=1.5)
    with pytest.raises(ValidationError, match="no_such_weight"):
        AnswerWeights(no_such_weight=1.0)
    assert set(FITTED) <= set(AnswerWeights.model_fields)


def test_an_engine_answers_with_other_weights_and_leaves_its_own(hash_seed_settings: Settings) -> None:
    # a question with one more word than its passage holds ("认定数量"): covered enough by default, not
    # when every word of it must be held
    question = "2019年全市高新技术企业的认定数量有多少家？"
    with closing(Engine.open(hash_seed_settings, HashEmbedder())) as engine:
        strict = engine.with_answer_weights(AnswerWeights(min_coverage=1.0))
        assert strict.settings.answer_weights.min_coverage == 1.0
        assert not strict.ask(question).found
        answer = engine.ask(question)
        assert answer.found and answer.direct is not None and answer.direct.text == "512家"
