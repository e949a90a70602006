"""The eval runner, baseline, report and floors with fake systems and a deterministic fake embedder."""

from __future__ import annotations

import itertools
import json
import zlib
from pathlib import Path

import numpy as np
import pytest

from reportqa.core.errors import QuestionError, ReportQAError
from reportqa.core.models import Answer, Document, DocumentMeta, Hit
from reportqa.core.settings import Settings
from reportqa.eval.baseline import PlainRecipe, split_documents
from reportqa.eval.floors import check_floors, load_floors
from reportqa.eval.metrics import summarize
from reportqa.eval.report import render_markdown, write_outputs
from reportqa.eval.runner import EvalRun, SystemRun, eval_settings, run_system


class CharEmbedder:
    """Bag of character bigrams hashed into 256 dimensions: similar texts get similar vectors."""

    name = "fake-char-bigrams"
    dimension = 256

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dimension, dtype=np.float32)
        for a, b in itertools.pairwise(text):
            v[zlib.crc32((a + b).encode()) % self.dimension] += 1.0
        return v

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vector(t) for t in texts])

    def embed_query_vector(self, text: str) -> np.ndarray:
        return self._vector(text)


PROJECT_ROOT = Path(__file__).resolve().parents[1]  # this checkout


def _document(doc_id: str, text: str) -> Document:
    return Document(doc_id=doc_id, text=text, sha256="0" * 64, meta=DocumentMeta(title=doc_id))


PARAGRAPHS = [
    "全市高新技术企业数达到512家，超额完成规划目标。",
    "全社会研发经费支出占地区生产总值比重达到2.63%。",
    "新建省级以上研发平台45家，引进博士以上高端人才276名。",
]
LONG_TEXT = "\n\n".join(p * 20 for p in PARAGRAPHS)  # ~500 characters per paragraph: several splitter chunks

QUESTIONS = [
    {
        "id": "t1",
        "question": "高新技术企业数达到多少家？",
        "answer": "512家",
        "must_contain": ["512"],
        "evidence": "高新技术企业数达到512家",
        "type": "text_number",
        "section": "一",
    },
    {
        "id": "t2",
        "question": "研发平台新建了多少家？",
        "answer": "45家",
        "must_contain": ["45家"],
        "evidence": "新建省级以上研发平台45家",
        "type": "text_number",
        "section": "一",
    },
    {
        "id": "t3",
        "question": "十四五的目标是多少？",
        "answer": "文中未提及",
        "must_contain": [],
        "evidence": "",
        "type": "unanswerable",
        "section": "",
    },
]


def test_splitter_chunks_are_source_slices() -> None:
    doc = _document("a.txt", LONG_TEXT)
    chunks = split_documents([doc])
    assert len(chunks) > 2
    for chunk in chunks:
        assert doc.text[chunk.start : chunk.end] == chunk.text
        assert len(chunk.text) <= 500


def test_plain_recipe_answers_with_top_chunk_and_caches_vectors(tmp_path: Path) -> None:
    docs = [_document("a.txt", LONG_TEXT), _document("b.txt", "无关的内容。" * 100)]
    recipe = PlainRecipe.build(docs, CharEmbedder(), cache_dir=tmp_path)
    assert len(list(tmp_path.glob("*.npy"))) == 1
    hits = recipe.retrieve("高新技术企业数达到多少家？", top_k=5)
    assert len(hits) == 5
    assert "512家" in hits[0].chunk.text
    answer = recipe.ask("高新技术企业数达到多少家？")
    assert answer.found is True
    assert answer.answer == hits[0].chunk.text
    assert [c.text for c in answer.citations] == [h.chunk.text for h in hits]
    again = PlainRecipe.build(docs, CharEmbedder(), cache_dir=tmp_path)  # from the cache
    n = recipe.index.ntotal
    np.testing.assert_allclose(again.index.reconstruct_n(0, n), recipe.index.reconstruct_n(0, n))


class FakeSystem:
    """Answers from a fixed table; raises QuestionError for one question."""

    def __init__(self, hit: Hit) -> None:
        self.hit = hit

    def ask(self, question: str) -> Answer:
        if "十四五" in question:
            raise QuestionError("问题过长", "too long")
        if "高新" in question:
            return Answer(question, "512家[1]", True, citations=[])
        return Answer(question, "文中未提及", False)

    def retrieve(self, question: str, *, top_k: int) -> list[Hit]:
        return [self.hit][:top_k]


def _run(tmp_path: Path, with_baseline: bool) -> EvalRun:
    recipe = PlainRecipe.build([_document("a.txt", LONG_TEXT)], CharEmbedder())
    top = recipe.retrieve("高新技术企业数达到多少家？", top_k=1)[0]  # holds t1's evidence, not t2's
    ours = SystemRun.judged("reportqa", run_system(FakeSystem(top), QUESTIONS))
    base = SystemRun.judged("baseline", run_system(recipe, QUESTIONS)) if with_baseline else None
    return EvalRun("mini", tmp_path / "mini.jsonl", tmp_path, tmp_path / "index", tmp_path / "out", ours, base)


def test_run_system_records_errors_as_refusals(tmp_path: Path) -> None:
    run = _run(tmp_path, with_baseline=False)
    records = run.ours.records
    assert [r.question["id"] for r in records] == ["t1", "t2", "t3"]
    assert records[2].error.startswith("QuestionError")
    assert records[2].answer.found is False
    assert run.ours.verdicts[2].correct  # a refused unanswerable question
    assert all(r.latency_s >= 0 for r in records)
    # t1 right but cites nothing; t2 refused; t3 refused
    assert run.ours.metrics.answer_accuracy == pytest.approx(2 / 3)
    assert run.ours.metrics.citation_accuracy == 0.0
    assert run.ours.metrics.false_refusal_rate == 0.5


def test_outputs_with_baseline(tmp_path: Path) -> None:
    run = _run(tmp_path, with_baseline=True)
    out = tmp_path / "out"
    write_outputs(run, out)
    rows = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["t1", "t2", "t3"]
    ask_json = {"question", "answer", "found", "citations", "warnings", "index_version"}
    assert ask_json | {"id", "type", "verdict"} <= rows[0].keys()
    base_rows = (out / "results_baseline.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(base_rows) == 3
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["baseline"]["metrics"]["refusal_accuracy"] == 0.0  # the baseline never refuses
    assert summary["reportqa"]["metrics"]["n"] == 3
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "| answer accuracy | 66.7% |" in report
    assert "ours / baseline" in report
    assert "refused an answerable question" in report
    assert (out / "per_type_accuracy.png").read_bytes()[:4] == b"\x89PNG"


def test_markdown_without_baseline(tmp_path: Path) -> None:
    report = render_markdown(_run(tmp_path, with_baseline=False))
    assert "baseline" not in report.split("## Per type")[0].split("## Summary")[1]
    assert "### text_number" in report


def test_floors(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"mini": {"answer_accuracy": 0.9, "hit_at_5": 0.5}}), encoding="utf-8")
    floors = load_floors(tmp_path / "mini.jsonl")
    run = _run(tmp_path, with_baseline=False)
    problems = check_floors(run.ours.metrics, floors)
    assert problems == ["answer_accuracy = 0.667 is below its floor 0.900"]
    assert check_floors(run.ours.metrics, {"hit_at_5": 0.5}) == []
    assert "not measured" in check_floors(summarize([], []), {"hit_at_5": 0.5})[0]
    with pytest.raises(ReportQAError, match="no floors for set 'other'"):
        load_floors(tmp_path / "other.jsonl")
    path.write_text(json.dumps({"mini": {"latency_p95_s": 0.5}}), encoding="utf-8")
    with pytest.raises(ReportQAError, match="unknown metric"):
        load_floors(tmp_path / "mini.jsonl")


def test_shipped_floors_are_valid() -> None:
    for name in ("seed", "multi"):
        assert set(load_floors(PROJECT_ROOT / "eval" / "sets" / f"{name}.jsonl")) >= {
            "answer_accuracy",
            "refusal_accuracy",
            "hit_at_5",
        }


def test_other_corpus_gets_its_own_index(tmp_path: Path) -> None:
    settings = Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index")
    assert eval_settings(settings, None) is settings
    assert eval_settings(settings, tmp_path / "corpus").index_dir == tmp_path / "index"
    other = tmp_path / "multi"
    other.mkdir()
    derived = eval_settings(settings, other, cache_dir=tmp_path / "cache")
    assert derived.corpus_dir == other
    assert derived.index_dir == tmp_path / "cache" / "eval-index" / "multi"
    with pytest.raises(ReportQAError, match="not a folder"):
        eval_settings(settings, tmp_path / "missing")
