"""What the benchmark scripts share: the seed corpus and question set, a call in a fresh child
process with its peak RSS, latency figures and ratios.

    settings = seed_settings(Path(tmp))            # seed corpus, index in tmp, the persistent vector cache
    run = in_child(build_index, settings)          # run.result, run.peak_rss_mib, run.wall_seconds, ...
    vectors, seconds = timed(lambda: embedder.embed_passages(texts))
    print(latency_line("ask", ask_seconds, baseline_seconds))   # median, p95, and the ratios to the baseline
"""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Generic, TypeVar

import numpy as np

from reportqa.core.settings import Settings

PROJECT_ROOT = Path(__file__).resolve().parents[1]  # this checkout

SEED_CORPUS = PROJECT_ROOT / "corpus"
SEED_SET = PROJECT_ROOT / "eval" / "sets" / "seed.jsonl"
CACHE_DIR = PROJECT_ROOT / ".cache"  # git-ignored; reruns find the seed vectors here
VECTOR_CACHE = CACHE_DIR / "vectors"
BASELINE_CACHE = CACHE_DIR / "eval-baseline"  # where `reportqa eval --baseline` keeps the plain recipe's vectors

T = TypeVar("T")


def seed_settings(tmp: Path, corpus: Path = SEED_CORPUS) -> Settings:
    """`corpus` indexed into `tmp/index`, vectors through the persistent cache (so reruns do not re-embed)."""
    return Settings(
        corpus_dir=corpus,
        index_dir=tmp / "index",
        vector_cache_dir=VECTOR_CACHE,
        feedback_path=tmp / "feedback.jsonl",
    )


@dataclass(frozen=True)
class ChildRun(Generic[T]):
    result: T
    peak_rss_mib: float  # the child's peak resident set: interpreter, imports and the call
    children_peak_rss_mib: float  # the largest peak of the processes the child started and waited for
    wall_seconds: float  # from spawning the child to its exit


def _call_measured(call: Callable[..., T], args: tuple[Any, ...]) -> tuple[T, float, float]:
    result = call(*args)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return result, peak_kib / 1024, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def in_child(call: Callable[..., T], *args: Any) -> ChildRun[T]:
    """`call(*args)` in a freshly spawned interpreter; `call`, `args` and the result must pickle."""
    started = time.monotonic()
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        result, peak_mib, children_peak_mib = pool.submit(_call_measured, call, args).result()
    return ChildRun(result, peak_mib, children_peak_mib, time.monotonic() - started)


def timed(call: Callable[[], T]) -> tuple[T, float]:
    """`call()` and the seconds it took."""
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def latency_ms(seconds: Sequence[float]) -> tuple[float, float]:
    """(median, p95) in milliseconds; NaN for no samples."""
    if not seconds:
        return float("nan"), float("nan")
    return statistics.median(seconds) * 1000, float(np.percentile(seconds, 95)) * 1000


def latency_line(
    label: str, seconds: Sequence[float], baseline: Sequence[float] | None = None, *, digits: int = 1, width: int = 28
) -> str:
    """`label`, median and p95 of `seconds`; with `baseline`, its median and p95 and the ratios to it."""
    median, p95 = latency_ms(seconds)
    size = digits + 6
    line = (
        f"  {label:<{width}} median {median:{size}.{digits}f} ms   p95 {p95:{size}.{digits}f} ms   (n={len(seconds)})"
    )
    if baseline:
        base_median, base_p95 = latency_ms(baseline)
        line += (
            f"   baseline {base_median:.{digits}f} / {base_p95:.{digits}f} ms"
            f"   ratio {ratio(median, base_median)} / {ratio(p95, base_p95)}"
        )
    return line


def ratio(ours: float, baseline: float) -> str:
    return f"{ours / baseline:.2f}x" if baseline else "n/a"


def mib(n_bytes: float) -> str:
    return f"{n_bytes / 2**20:,.1f} MiB"
