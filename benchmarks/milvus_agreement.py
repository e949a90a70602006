"""Do the FAISS and Milvus search backends give the same answers? A question set through both.

    PYTHONPATH=. python benchmarks/milvus_agreement.py [--set eval/sets/seed.jsonl]

Builds the settings' corpus (default corpus/, the seed report) into two throwaway index folders,
one per backend (vectors come from the settings' vector cache, so at most the first build embeds),
then puts every question to `Engine.ask` and `Engine.retrieve(top_k=5)` on both and prints:

- agreement: the share of questions with the identical answer (text, found, cited spans) and with
  the identical top-5 passages (chunk ids, in order);
- per backend: answer accuracy (eval's judge), median and p95 latency of `ask` (query embedding
  included), and the median of the two searches alone (dense + keyword, `candidates` each). The
  backends take turns question by question, so both run under the same machine load.

Milvus is milvus-lite in the throwaway folder unless REPORTQA_MILVUS_URI (or reportqa.toml) names
a server; the run's collections are dropped there at the end.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from contextlib import ExitStack, closing
from pathlib import Path

import numpy as np

from reportqa.core.models import Answer
from reportqa.core.settings import Settings
from reportqa.engine import Engine
from reportqa.eval.metrics import Record
from reportqa.eval.runner import DEFAULT_SET, SystemRun, run_system
from reportqa.eval.validate import load_questions
from reportqa.indexing.build import build_index
from reportqa.indexing.embedders import make_embedder
from reportqa.indexing.snapshot import IndexSnapshot

BACKENDS = ("faiss", "milvus")


def answer_key(answer: Answer) -> tuple:
    return answer.answer, answer.found, [(c.doc, c.start, c.end) for c in answer.citations]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="question set (JSONL)")
    args = parser.parse_args()

    base = Settings()
    questions = load_questions(args.set)
    embedder = make_embedder(base)
    records: dict[str, list[Record]] = {backend: [] for backend in BACKENDS}
    search_s: dict[str, list[float]] = {backend: [] for backend in BACKENDS}
    with tempfile.TemporaryDirectory(prefix="milvus-agreement-") as tmp, ExitStack() as stack:
        engines: dict[str, Engine] = {}
        snapshots: dict[str, IndexSnapshot] = {}
        for backend in BACKENDS:
            settings = base.model_copy(update={"index_dir": Path(tmp) / backend, "search_backend": backend})
            report = build_index(settings, embedder=embedder)
            print(f"{backend}: {report.summary().splitlines()[0]}")
            engines[backend] = engine = stack.enter_context(closing(Engine.open(settings)))
            snapshots[backend] = IndexSnapshot.load(settings.index_dir, embedder, backend=engine.search_backend)
            if backend == "milvus" and base.milvus_uri:  # leave nothing behind on a real server
                stack.callback(engine.search_backend.drop, [report.version])
        for i, question in enumerate(questions):
            vector = embedder.embed_query_vector(question["question"])
            tokens = engines["faiss"].lexicon.keyword_tokens(question["question"])
            for backend in BACKENDS if i % 2 == 0 else BACKENDS[::-1]:  # alternate: both see the same load
                records[backend].extend(run_system(engines[backend], [question]))
                started = time.perf_counter()
                snapshots[backend].dense_search(vector, base.candidates)
                snapshots[backend].keyword_search(tokens, base.candidates)
                search_s[backend].append(time.perf_counter() - started)

    pairs = list(zip(records["faiss"], records["milvus"], strict=True))
    same_answer = sum(answer_key(f.answer) == answer_key(m.answer) for f, m in pairs)
    same_top5 = sum(
        [h.chunk.chunk_id for h in f.retrieved] == [h.chunk.chunk_id for h in m.retrieved] for f, m in pairs
    )
    n = len(pairs)
    print(f"\n{args.set.name}: {n} questions")
    print(f"identical answer:          {same_answer}/{n} = {same_answer / n:.1%}")
    print(f"identical top-5 passages:  {same_top5}/{n} = {same_top5 / n:.1%}")
    print(f"\n{'backend':<8} {'accuracy':>9} {'ask median':>11} {'ask p95':>9} {'search median':>14}")
    for backend in BACKENDS:
        metrics = SystemRun.judged(backend, records[backend]).metrics
        latencies = [r.latency_s for r in records[backend]]
        print(
            f"{backend:<8} {metrics.answer_accuracy:>9.1%} {_ms(statistics.median(latencies)):>11}"
            f" {_ms(float(np.percentile(latencies, 95))):>9} {_ms(statistics.median(search_s[backend])):>14}"
        )
    ratio = statistics.median(search_s["milvus"]) / statistics.median(search_s["faiss"])
    print(f"search median, milvus / faiss: {ratio:.1f}x")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


if __name__ == "__main__":
    main()
