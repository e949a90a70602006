"""Run a question set through reportqa (and optionally the plain recipe) and judge every answer.

    run = evaluate(Settings(), Path("eval/sets/seed.jsonl"), out_dir=Path("eval/out/seed"))
    run.ours.metrics.answer_accuracy
    run = run_set(engine, settings, load_question_set(Path("问题集.xlsx")))   # the app: its engine, no build

The questions go through `Engine.ask`, the code path `reportqa ask` uses; retrieval is judged
on `Engine.retrieve(question, top_k=5)`. `evaluate` builds or brings up to date the index for the
corpus first (incrementally). A corpus other than the settings corpus gets its own index folder
under `<cache_dir>/eval-index/<corpus name>`, so the app's index is never touched.

Every run also asks the 来自反馈 cases (👎 answers an administrator turned into test cases) and is
kept in the history (`eval/history.py`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from reportqa.core.errors import ReportQAError
from reportqa.core.models import Answer, Document, Hit
from reportqa.core.settings import Settings
from reportqa.eval.baseline import PlainRecipe
from reportqa.eval.feedback_cases import feedback_cases
from reportqa.eval.history import save_run
from reportqa.eval.metrics import Metrics, Record, Verdict, judge, summarize, summarize_by_type
from reportqa.eval.question_sets import feedback_set_path, history_dir, load_question_set, resolve_sources
from reportqa.eval.rows import QuestionSet, RowProblem
from reportqa.eval.sheets import QuestionSetError

if TYPE_CHECKING:
    from reportqa.engine import Engine

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
    out_dir: Path | None  # where `evaluate` wrote its reports; None for a run from the app
    ours: SystemRun
    baseline: SystemRun | None = None
    problems: list[RowProblem] = field(default_factory=list)  # rows left out
    index_version: str = ""
    embedder: str = ""
    answer_mode: str = ""
    feedback_cases: int = 0
    run_id: str = ""  # its folder in the history


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
    include_feedback: bool = True,
    progress: Progress | None = None,
) -> EvalRun:
    """Build or reuse the index, run the set (first `limit` questions), write the outputs into `out_dir`.

    `include_feedback` False leaves the 来自反馈 cases out (accuracy floors are set for the set alone).
    """
    from reportqa.engine import Engine
    from reportqa.eval.report import write_outputs
    from reportqa.indexing.build import build_index

    if limit is not None and limit <= 0:
        raise ValueError(f"limit must be greater than 0, got {limit}")
    set_path = settings.home / (set_path or DEFAULT_SET)
    if not set_path.is_file():
        raise ReportQAError(f"--set {set_path}: no such question set (.xlsx, .csv or .jsonl; see eval/sets/)")
    qset = load_question_set(set_path).head(limit)  # an unreadable file fails before the build
    settings = eval_settings(settings, corpus, cache_dir)
    out_dir = Path(out_dir) if out_dir is not None else settings.home / DEFAULT_OUT_ROOT / set_name(set_path)
    cache_dir = Path(cache_dir or settings.cache_dir)

    build_index(settings, full=False, progress=progress)
    with closing(Engine.open(settings)) as engine:
        run = run_set(engine, settings, qset, include_feedback=include_feedback, out_dir=out_dir, progress=progress)
        if baseline:
            recipe = PlainRecipe.build(
                load_documents(settings.corpus_dir),
                engine.embedder,
                cache_dir=Path(cache_dir) / "eval-baseline",
                progress=progress,
            )
            asked = [r.question for r in run.ours.records]  # the same questions, 出处文档 resolved
            plain = SystemRun.judged("baseline", run_system(recipe, asked, label="baseline", progress=progress))
            run = replace(run, baseline=plain)
    write_outputs(run, out_dir)
    return run


def run_set(
    engine: Engine,
    settings: Settings,
    qset: QuestionSet,
    *,
    include_feedback: bool = True,
    out_dir: Path | None = None,
    progress: Progress | None = None,
) -> EvalRun:
    """Ask `qset` (and the 来自反馈 cases) on `engine`'s serving index, judge it and keep it in the history.

    Raises QuestionSetError, listing the rows left out, when not one question can be run.
    """
    status = engine.status()
    extra = _feedback_cases(settings, qset) if include_feedback else []
    qset = resolve_sources(replace(qset, questions=qset.questions + extra), engine.documents())
    if not qset.questions:
        listed = "\n".join(str(p) for p in qset.problems[:20])
        raise QuestionSetError(f"{qset.path.name}：没有可以运行的问题" + (f"\n{listed}" if listed else ""))
    ours = SystemRun.judged("reportqa", run_system(engine, qset.questions, label="reportqa", progress=progress))
    run = EvalRun(
        qset.name,
        qset.path,
        Path(settings.corpus_dir),
        Path(settings.index_dir),
        out_dir,
        ours,
        problems=qset.problems,
        index_version=status.version,
        embedder=status.embedder,
        answer_mode=settings.answer_mode,
        feedback_cases=len(extra),
    )
    return replace(run, run_id=save_run(history_dir(settings), run).info.run_id)


def _feedback_cases(settings: Settings, qset: QuestionSet) -> list[dict]:
    """The 来自反馈 cases not already in `qset` (nor `qset` itself)."""
    path = feedback_set_path(settings)
    if not path.is_file() or path.resolve() == Path(qset.path).resolve():
        return []
    asked = {q["question"] for q in qset.questions}
    return [c for c in feedback_cases(path) if c["question"] not in asked]
