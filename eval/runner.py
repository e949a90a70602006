"""Run a question set through reportqa (and optionally the plain recipe) and judge every answer.

    run = evaluate(Settings(), Path("eval/sets/seed.jsonl"), out_dir=Path("eval/out/seed"))
    run.ours.metrics.answer_accuracy

The questions go through `Engine.ask`, the code path `reportqa ask` uses; retrieval is judged
on `Engine.retrieve(question, top_k=5)`. The index for the corpus is built or brought up to
date first (incrementally). A corpus other than the settings corpus gets its own index folder
under `<cache_dir>/eval-index/<corpus name>`, so the app's index is never touched.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from reportqa.core.errors import ReportQAError
from reportqa.core.models import Answer, Document, Hit
from reportqa.core.settings import Settings
from reportqa.eval.baseline import PlainRecipe
from reportqa.eval.metrics import Metrics, Record, Verdict, judge, summarize, summarize_by_type
from reportqa.eval.validate import load_questions

DEFAULT_SET = Path("eval/sets/seed.jsonl")  # from the settings' home, like every relative path
DEFAULT_OUT_ROOT = Path("eval/out")
RETRIEVE_TOP_K = 5

Progress = Callable[[str, int, int], None]


class QASystem(Protocol):
    def ask(self, question: str) -> Answer: ...

    def retrieve(self, question: str, *, top_k: int) -> list[Hit]: ...


@dataclass(frozen=True)
class SystemRun:
    """One system's records over the set, judged and summarised."""

    name: str
    records: list[Record]
    verdicts: list[Verdict]
    metrics: Metrics
    by_type: dict[str, Metrics]

    @classmethod
    def judged(cls, name: str, records: list[Record]) -> SystemRun:
        verdicts = [judge(r) for r in records]
        return cls(name, records, verdicts, summarize(records, verdicts), summarize_by_type(records, verdicts))


@dataclass(frozen=True)
class EvalRun:
    set_name: str
    set_path: Path
    corpus_dir: Path
    index_dir: Path
    out_dir: Path
    ours: SystemRun
    baseline: SystemRun | None = None


def set_name(set_path: Path) -> str:
    """The set's file stem ("eval/sets/seed.jsonl" -> "seed"): names the output folder and the floors entry."""
    return Path(set_path).stem


def eval_settings(settings: Settings, corpus: Path | None, cache_dir: Path | None = None) -> Settings:
    """`settings` for evaluating over `corpus`: the settings' own index for its own corpus, else a derived one."""
    if corpus is None or Path(corpus).resolve() == Path(settings.corpus_dir).resolve():
        return settings
    corpus = Path(corpus)
    if not corpus.is_dir():
        raise ReportQAError(f"--corpus {corpus}: not a folder; pass the folder holding the documents")
    index_dir = Path(cache_dir or settings.cache_dir) / "eval-index" / corpus.resolve().name
    return settings.model_copy(update={"corpus_dir": corpus, "index_dir": index_dir})


def run_system(
    system: QASystem, questions: Sequence[dict], *, label: str = "ask", progress: Progress | None = None
) -> list[Record]:
    """Ask every question (timed) and retrieve its top 5; a ReportQAError becomes a recorded refusal."""
    records: list[Record] = []
    for done, question in enumerate(questions, start=1):
        text = question["question"]
        error = ""
        started = time.perf_counter()
        try:
            answer = system.ask(text)
        except ReportQAError as exc:
            answer = Answer(question=text, answer="", found=False)
            error = f"{type(exc).__name__}: {exc}"
        latency = time.perf_counter() - started
        try:
            retrieved = system.retrieve(text, top_k=RETRIEVE_TOP_K)
        except ReportQAError:
            retrieved = []
        records.append(Record(question, answer, retrieved=retrieved, latency_s=latency, error=error))
        if progress:
            progress(label, done, len(questions))
    return records


def load_documents(corpus_dir: Path) -> list[Document]:
    """The corpus documents read with the project's loader (the text the index is built from)."""
    from reportqa.ingest.loaders import load_document, scan_corpus

    paths, _unsupported = scan_corpus(Path(corpus_dir))  # the index build skips the same files
    return [load_document(path, Path(corpus_dir)) for path in paths]


def evaluate(
    settings: Settings,
    set_path: Path | None = None,
    *,
    corpus: Path | None = None,
    out_dir: Path | None = None,
    baseline: bool = False,
    limit: int | None = None,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
) -> EvalRun:
    """Build or reuse the index, run the set (first `limit` questions), write the outputs into `out_dir`."""
    from reportqa.engine import Engine
    from reportqa.eval.report import write_outputs
    from reportqa.indexing.build import build_index

    if limit is not None and limit <= 0:
        raise ValueError(f"limit must be greater than 0, got {limit}")
    set_path = settings.home / (set_path or DEFAULT_SET)
    if not set_path.is_file():
        raise ReportQAError(f"--set {set_path}: no such question set (JSONL, see eval/sets/)")
    questions = load_questions(set_path)[:limit]
    settings = eval_settings(settings, corpus, cache_dir)
    out_dir = Path(out_dir) if out_dir is not None else settings.home / DEFAULT_OUT_ROOT / set_name(set_path)
    cache_dir = Path(cache_dir or settings.cache_dir)

    build_index(settings, full=False, progress=progress)
    with closing(Engine.open(settings)) as engine:
        ours = SystemRun.judged("reportqa", run_system(engine, questions, label="reportqa", progress=progress))
        plain = None
        if baseline:
            recipe = PlainRecipe.build(
                load_documents(settings.corpus_dir),
                engine.embedder,
                cache_dir=Path(cache_dir) / "eval-baseline",
                progress=progress,
            )
            plain = SystemRun.judged("baseline", run_system(recipe, questions, label="baseline", progress=progress))
    run = EvalRun(
        set_name(set_path), set_path, Path(settings.corpus_dir), Path(settings.index_dir), out_dir, ours, plain
    )
    write_outputs(run, out_dir)
    return run
