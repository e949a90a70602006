"""End to end: the eval runner on a 5-question mini set over the seed corpus, with a throwaway index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportqa.core.settings import Settings
from reportqa.eval.history import list_runs
from reportqa.eval.runner import evaluate
from reportqa.eval.validate import load_questions
from tests.browser.seed import seed_vectors

PROJECT_ROOT = Path(__file__).resolve().parents[1]  # this checkout

SEED_SET = PROJECT_ROOT / "eval" / "sets" / "seed.jsonl"
MINI_IDS = ["seed-001", "seed-046", "seed-076", "seed-148", "seed-166"]  # table, text, entity, english, unanswerable


@pytest.mark.slow
def test_eval_mini_set_over_seed_corpus(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    by_id = {q["id"]: q for q in load_questions(SEED_SET)}
    mini = tmp_path / "mini.jsonl"
    mini.write_text("".join(json.dumps(by_id[i], ensure_ascii=False) + "\n" for i in MINI_IDS), encoding="utf-8")
    settings = Settings(
        index_dir=tmp_path / "index",
        vector_cache_dir=seed_vectors(tmp_path_factory.getbasetemp() / "eval-seed"),
        evaluation_dir=tmp_path / "evaluation",
    )
    out = tmp_path / "out"

    run = evaluate(settings, mini, out_dir=out, baseline=True, cache_dir=tmp_path / "cache")

    assert run.set_name == "mini"
    assert (tmp_path / "index").is_dir()  # built where the settings say, not in the app's index/
    for name in ("results.jsonl", "results_baseline.jsonl", "summary.json", "report.md", "per_type_accuracy.png"):
        assert (out / name).is_file(), name

    rows = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == MINI_IDS
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    for system, path in (("reportqa", "results.jsonl"), ("baseline", "results_baseline.jsonl")):
        rows = [json.loads(line) for line in (out / path).read_text(encoding="utf-8").splitlines()]
        metrics = summary[system]["metrics"]
        answerable = [r for r in rows if r["type"] != "unanswerable"]
        assert (metrics["n"], metrics["answerable"], metrics["unanswerable"]) == (5, 4, 1)
        assert metrics["answer_accuracy"] == pytest.approx(sum(r["verdict"]["correct"] for r in rows) / 5)
        hits = [r["verdict"]["hit_rank"] for r in answerable]
        assert metrics["hit_at_5"] == pytest.approx(sum(h is not None for h in hits) / 4)
        assert metrics["hit_at_1"] <= metrics["mrr"] <= metrics["hit_at_5"]
        assert metrics["citation_accuracy"] == pytest.approx(sum(r["verdict"]["cited"] for r in answerable) / 4)
        assert metrics["false_refusal_rate"] == pytest.approx(sum(not r["found"] for r in answerable) / 4)
        for r in rows:  # verdicts agree with the answers written next to them
            correct = r["found"] and all(s in r["answer"] for s in by_id[r["id"]]["must_contain"])
            assert r["verdict"]["correct"] == (not r["found"] if r["type"] == "unanswerable" else correct)
            assert all(c["text"] for c in r["citations"])
            assert len(r["retrieved"]) <= 5
        assert sum(m["n"] for m in summary[system]["by_type"].values()) == 5
    [kept] = list_runs(tmp_path / "evaluation" / "history")  # reportqa's side, kept in the history
    assert kept.run_id == run.run_id and kept.metrics.to_json() == summary["reportqa"]["metrics"]
    assert summary["baseline"]["metrics"]["refusal_accuracy"] == 0.0  # the baseline always "finds" something
    assert summary["baseline"]["metrics"]["false_refusal_rate"] == 0.0

    report = (out / "report.md").read_text(encoding="utf-8")
    accuracy = summary["reportqa"]["metrics"]["answer_accuracy"]
    assert f"| answer accuracy | {accuracy:.1%} |" in report
    assert "ours / baseline" in report
