"""The answerer's weights come from the settings, and an engine can answer with others (for fitting them)."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

from reportqa.core.settings import Settings
from reportqa.core.weights import AnswerWeights
from reportqa.engine import Engine
from reportqa.eval.fit_weights import DevQuestion, RememberedQueries, fit, kind_weights
from reportqa.eval.fit_weights import main as fit_weights_main
from reportqa.eval.question_sets import load_question_set, resolve_sources
from tests.conftest import HashEmbedder

SEED_SET = Path(__file__).parent.parent / "eval" / "sets" / "seed.jsonl"


def test_weights_are_read_from_the_environment_and_checked(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("REPORTQA_ANSWER_WEIGHTS__MIN_COVERAGE", "0.6")
    assert Settings(home=tmp_path).answer_weights.min_coverage == 0.6
    assert Settings(home=tmp_path).answer_weights.coverage == AnswerWeights().coverage
    with pytest.raises(ValidationError, match="min_coverage"):
        AnswerWeights(min_coverage=1.5)
    with pytest.raises(ValidationError, match="no_such_weight"):
        AnswerWeights(no_such_weight=1.0)


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


class _CountedQueries(HashEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.queries = 0

    def embed_query_vector(self, text: str) -> np.ndarray:
        self.queries += 1
        return super().embed_query_vector(text)


def test_fitting_scores_each_fold_on_held_out_questions_embedding_each_question_once(
    hash_seed_settings: Settings,
) -> None:
    counted = _CountedQueries()
    with closing(Engine.open(hash_seed_settings, RememberedQueries(counted))) as engine:
        qset = resolve_sources(load_question_set(SEED_SET), engine.documents())
        questions = [DevQuestion(engine, q) for q in qset.questions[:6]]
        said: list[str] = []
        chosen = fit(questions, folds=2, scales=[0.5], say=said.append)
    assert set(chosen) == set(AnswerWeights.model_fields)
    assert [line.split(":")[0].strip() for line in said if "fold" in line][-2:] == ["fold 1", "fold 2"]
    # one pass per weight and value, and two per fold, yet each question (or its parts) embedded once
    assert 0 < counted.queries <= 2 * len(questions)


def test_answerable_and_unanswerable_questions_weigh_alike_in_the_fit(hash_seed_settings: Settings) -> None:
    with closing(Engine.open(hash_seed_settings, HashEmbedder())) as engine:
        questions = load_question_set(SEED_SET).questions
        answerable = [q for q in questions if q["evidence"]][:3]
        unanswerable = [q for q in questions if not q["evidence"]][:1]
        weights = kind_weights([DevQuestion(engine, q) for q in answerable + unanswerable])
    assert weights == pytest.approx([1 / 3, 1 / 3, 1 / 3, 1.0])


def test_fitting_only_the_weights_named(hash_seed_settings: Settings) -> None:
    with closing(Engine.open(hash_seed_settings, RememberedQueries(HashEmbedder()))) as engine:
        qset = resolve_sources(load_question_set(SEED_SET), engine.documents())
        questions = [DevQuestion(engine, q) for q in qset.questions[:4]]
        said: list[str] = []
        chosen = fit(questions, folds=2, scales=[0, 0.5], say=said.append, names=["unused_term"])
    assert set(chosen) == {"unused_term"}
    tried = next(line for line in said if line.strip().startswith("unused_term"))
    assert all(f"{value:g} →" in tried for value in (0, 0.25, 0.5))


def test_a_set_of_ones_own_names_its_corpus() -> None:
    with pytest.raises(SystemExit):
        fit_weights_main(["--also", "questions.jsonl"])
