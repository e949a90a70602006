"""Fit the answerer's weights (`reportqa.core.weights.AnswerWeights`) by cross-validation over the dev sets.

    python -m reportqa.eval.fit_weights                 # the dev sets: seed, seed2, multi, wide, wide2; 5 folds
    python -m reportqa.eval.fit_weights --folds 4 --scale 0.5 0.75 1.25 1.5
    python -m reportqa.eval.fit_weights --weight unused_term --scale 0 0.5 --also my.jsonl:my_corpus

Each weight is tried at its default times each `--scale`, one at a time, the others at their
defaults, on every question of the development sets (never the fresh ones): one pass of answers per
value. An answerable question scores 1 when answered correctly and 1 more when the expected answer
is in the answer's first line; an unanswerable one scores 2 when refused. The two kinds weigh alike
(each kind's mean score, summed): unanswerable questions are a tenth of the sets, and a fit that
counts each question once buys answers with wrong ones. Then, per fold, each weight takes the value
that scores best on the other folds' questions, and the fold's own questions are answered with that
setting: the held-out score against the defaults' is what the fit is worth. Last, the values chosen
on all questions are printed as reportqa.toml lines; nothing is changed on its own.

The weights change only how passages are read, not which are retrieved, so each question is
embedded once: a pass of answers is then a few seconds, not minutes.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from contextlib import ExitStack, closing
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from reportqa.core.settings import Settings
from reportqa.core.weights import AnswerWeights
from reportqa.engine import Engine
from reportqa.eval.metrics import Record, is_answerable, judge
from reportqa.eval.question_sets import load_question_set, resolve_sources
from reportqa.eval.runner import eval_settings
from reportqa.indexing.build import build_index
from reportqa.indexing.embedders import ReportEmbeddings, make_embedder

DEV_SETS = (
    ("eval/sets/seed.jsonl", None),
    ("eval/sets/seed2.jsonl", None),
    ("eval/sets/multi.jsonl", "eval/corpora/multi"),
    ("eval/sets/wide.jsonl", "eval/corpora/wide"),
    ("eval/sets/wide2.jsonl", "eval/corpora/wide2"),
)


class RememberedQueries(ReportEmbeddings):
    """`embedder`, with each question's vector kept: every pass asks the same questions."""

    def __init__(self, embedder: ReportEmbeddings) -> None:
        self.embedder = embedder
        self.name, self.dimension = embedder.name, embedder.dimension
        self._queries: dict[str, np.ndarray] = {}

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self.embedder.embed_passages(texts)

    def embed_query_vector(self, text: str) -> np.ndarray:
        if text not in self._queries:
            self._queries[text] = self.embedder.embed_query_vector(text)
        return self._queries[text]


@dataclass(frozen=True)
class DevQuestion:
    engine: Engine
    question: dict


def scores(questions: Sequence[DevQuestion], weights: AnswerWeights) -> list[int]:
    """Each question's score with `weights`: 1 for a correct answer, 1 more when the expected answer is
    in the first line, not only in the quotes; 2 for the refusal of an unanswerable question."""
    engines: dict[int, Engine] = {}
    out = []
    for item in questions:
        engine = engines.setdefault(id(item.engine), item.engine.with_answer_weights(weights))
        answer = engine.ask(item.question["question"])
        verdict = judge(Record(item.question, answer))
        out.append(int(verdict.correct) + int(verdict.first_line) if verdict.answerable else 2 * int(verdict.correct))
    return out


def kind_weights(questions: Sequence[DevQuestion]) -> list[float]:
    """Each question's weight: one over the number of questions of its kind (answerable or not), so
    that a weighted sum of scores is the sum of the two kinds' mean scores."""
    answerable = [is_answerable(item.question) for item in questions]
    counts = {kind: answerable.count(kind) for kind in (True, False)}
    return [1 / counts[kind] for kind in answerable]


def fold_of(index: int, folds: int) -> int:
    """Questions are dealt to folds in turn, so each fold holds every set and type in proportion."""
    return index % folds


def fit(
    questions: Sequence[DevQuestion],
    folds: int,
    scales: Sequence[float],
    say: Callable[[str], None] = print,
    names: Sequence[str] = (),
) -> dict[str, float]:
    """The weights chosen on all questions, after printing what choosing them on part is worth."""
    defaults = AnswerWeights()
    weight = kind_weights(questions)

    def total(outcomes: Sequence[int], keep: Sequence[int]) -> float:
        """The kinds' mean scores over the `keep` questions, summed, as a share of the most possible."""
        most = sum(2 * weight[i] for i in keep)
        return sum(outcomes[i] * weight[i] for i in keep) / most

    everyone = range(len(questions))
    base = scores(questions, defaults)
    say(f"defaults: {total(base, everyone):.1%}")
    # per weight and value, the per-question outcomes with that one weight changed
    trials: dict[str, dict[float, list[int]]] = {}
    for name in names or AnswerWeights.model_fields:
        default = getattr(defaults, name)
        trials[name] = {default: base}
        for scale in scales:
            value = _bounded(name, default * scale)
            if value not in trials[name]:
                trials[name][value] = scores(questions, defaults.model_copy(update={name: value}))
        say(f"  {name}: " + ", ".join(f"{v:g} → {total(r, everyone):.1%}" for v, r in sorted(trials[name].items())))

    def choose(keep: Sequence[int]) -> dict[str, float]:
        """Each weight's value scoring best on the `keep` questions (the default when tied)."""
        chosen = {}
        for name, by_value in trials.items():
            default = getattr(defaults, name)
            chosen[name] = max(by_value, key=lambda v: (round(total(by_value[v], keep), 9), v == default))
        return chosen

    say("per fold: held-out score (answerable and unanswerable questions alike), defaults → fitted")
    for fold in range(folds):
        held = [i for i in everyone if fold_of(i, folds) == fold]
        train = [i for i in everyone if fold_of(i, folds) != fold]
        chosen = choose(train)
        changed = {n: v for n, v in chosen.items() if v != getattr(defaults, n)}
        fitted = list(base)  # only the held-out questions are answered again, and counted
        for i, score in zip(
            held, scores([questions[i] for i in held], defaults.model_copy(update=chosen)), strict=True
        ):
            fitted[i] = score
        say(f"  fold {fold + 1}: {total(base, held):.1%} → {total(fitted, held):.1%}  changed: {changed or 'none'}")
    return choose(everyone)


def _set_and_corpus(value: str) -> tuple[Path, Path]:
    set_path, _, corpus = value.partition(":")
    if not corpus:
        raise argparse.ArgumentTypeError(f"{value}: give the set and its corpus folder as SET:CORPUS")
    return Path(set_path), Path(corpus)


def _bounded(name: str, value: float) -> float:
    value = round(value, 4)
    return min(value, 1.0) if name == "min_coverage" else value


def load_dev_questions(
    settings: Settings, stack: ExitStack, also: Sequence[tuple[Path, Path]] = ()
) -> list[DevQuestion]:
    """Every question of the development sets and of `also` (set, corpus folder), each with an engine
    over its set's corpus (built if needed)."""
    questions = []
    embedder = RememberedQueries(make_embedder(settings))
    sets = [(settings.home / path, settings.home / corpus if corpus else None, None) for path, corpus in DEV_SETS]
    # (a set of one's own gets an index of its own: its corpus folder may share a name with another's)
    sets += [(path, corpus, settings.cache_dir / "fit-index" / path.stem) for path, corpus in also]
    for set_path, corpus, cache_dir in sets:
        set_settings = eval_settings(settings, corpus, cache_dir)
        build_index(set_settings, full=False)
        engine = stack.enter_context(closing(Engine.open(set_settings, embedder)))
        qset = resolve_sources(load_question_set(set_path), engine.documents())
        questions += [DevQuestion(engine, q) for q in qset.questions]
    return questions


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--scale", type=float, nargs="+", default=[0.5, 0.75, 1.25, 1.5])
    parser.add_argument("--weight", nargs="+", default=[], choices=list(AnswerWeights.model_fields), metavar="NAME")
    parser.add_argument("--also", nargs="+", default=[], type=_set_and_corpus, metavar="SET:CORPUS")
    args = parser.parse_args(argv)
    with ExitStack() as stack:
        questions = load_dev_questions(Settings(), stack, args.also)
        chosen = fit(questions, args.folds, args.scale, names=args.weight)
    print("fitted on every development question (reportqa.toml):\n[answer_weights]")
    for name, value in chosen.items():
        mark = "" if value != getattr(AnswerWeights(), name) else "  # the default"
        print(f"{name} = {value:g}{mark}")


if __name__ == "__main__":
    main()
