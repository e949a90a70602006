"""Ingest throughput of a full build with a cold vector cache, beside the plain recipe's build.

    nice -n 10 env PYTHONPATH=. python benchmarks/ingest_throughput.py              # seed + 20 sampled documents
    PYTHONPATH=. python benchmarks/ingest_throughput.py --sample 3                  # a quick check
    PYTHONPATH=. python benchmarks/ingest_throughput.py --corpus eval/corpora/multi # a corpus of your own

Two corpora: the seed corpus (corpus/) and `--corpus`, by default `--sample N` documents (N=20,
chosen with a fixed seed; 0 = all, over an hour) of ../shared/corpora copied into a temp folder.
Each build runs in its own spawned child process, so the peak RSS printed is that build's (the
interpreter and imports included):

- ours: `build_index` into a temp index with an empty vector cache, so every passage is embedded;
  documents/s, chunks/s, peak RSS, and the build split by its progress stages into parse + chunk
  (scan, hash, load, structure, chunk), embed (embedding, then BM25 tokens of the passages),
  index (FAISS and BM25 builds) and write (the version folder, fsync, CURRENT);
- baseline: eval/baseline.py's plain recipe on the same documents, no cache: load, split
  (500/50), embed, FAISS, each timed;

then the ratios ours/baseline. Chunks differ in size (200 vs 500 characters), so chunks/s is not
like for like; documents/s and characters/s are.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks._common import SEED_CORPUS, ChildRun, in_child, ratio, timed
from reportqa.core.settings import Settings
from reportqa.eval.baseline import PlainRecipe, embed_chunks, split_documents
from reportqa.eval.runner import load_documents
from reportqa.indexing.build import BuildReport, build_index
from reportqa.indexing.embedders import make_embedder
from reportqa.ingest.loaders import scan_corpus

PROJECT_ROOT = Path(__file__).resolve().parents[1]  # this checkout

SHARED_CORPORA = PROJECT_ROOT.parent / "shared" / "corpora"
SAMPLE_SEED = 20260101
OUR_STAGES = ("parse + chunk", "embed + tokens", "index", "write")


@dataclass
class _StageClock:
    """A build's progress callback: when each stage was first and last reported."""

    started: float = field(default_factory=time.perf_counter)
    first: dict[str, float] = field(default_factory=dict)
    last: dict[str, float] = field(default_factory=dict)

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        self.first.setdefault(stage, now)
        self.last[stage] = now

    def seconds(self) -> dict[str, float]:
        """parse + chunk up to the first embed report, embed up to index, index up to save, then write."""
        marks = [self.started, *(self.first.get(s, self.started) for s in ("embed", "index", "save"))]
        marks.append(self.last.get("save", marks[-1]))
        return {stage: end - begin for stage, begin, end in zip(OUR_STAGES, marks, marks[1:], strict=False)}


def build_ours(settings: Settings) -> tuple[BuildReport, dict[str, float]]:
    clock = _StageClock()
    report = build_index(settings, full=True, progress=clock)
    return report, clock.seconds()


def build_plain(corpus: Path) -> tuple[int, dict[str, float]]:
    """The plain recipe's build (`PlainRecipe.build`, step by step), no vector cache: chunks and stage seconds."""
    times: dict[str, float] = {}
    documents, times["load"] = timed(lambda: load_documents(corpus))
    chunks, times["split"] = timed(lambda: split_documents(documents))
    embedder = make_embedder(Settings())
    vectors, times["embed"] = timed(lambda: embed_chunks(chunks, embedder))
    _, times["FAISS"] = timed(lambda: PlainRecipe(chunks, vectors, embedder))
    return len(chunks), times


def sample_corpus(source: Path, n: int, into: Path) -> Path:
    """`n` documents of `source` (all for 0) copied to `into`, keeping their relative paths."""
    paths, _ = scan_corpus(source)
    chosen = sorted(random.Random(SAMPLE_SEED).sample(paths, n)) if 0 < n < len(paths) else paths
    for path in chosen:
        target = into / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    return into


def _stages(seconds: dict[str, float], total: float) -> str:
    return "  ".join(f"{stage} {s:.2f} s ({s / total:.0%})" for stage, s in seconds.items())


def measure(label: str, corpus: Path, tmp: Path) -> None:
    paths, _ = scan_corpus(corpus)
    characters = sum(len(doc.text) for doc in load_documents(corpus))
    print(f"\n{label}: {corpus} ({len(paths)} documents, {characters:,} characters)", flush=True)
    settings = Settings(
        corpus_dir=corpus, index_dir=tmp / "index", vector_cache_dir=tmp / "vectors", feedback_path=tmp / "fb.jsonl"
    )
    ours: ChildRun[tuple[BuildReport, dict[str, float]]] = in_child(build_ours, settings)
    report, our_stages = ours.result
    plain: ChildRun[tuple[int, dict[str, float]]] = in_child(build_plain, corpus)
    plain_chunks, plain_stages = plain.result
    plain_s = sum(plain_stages.values())
    for name, seconds, chunks, peak, wall in (
        ("ours", report.seconds, report.chunks, ours.peak_rss_mib, ours.wall_seconds),
        ("baseline", plain_s, plain_chunks, plain.peak_rss_mib, plain.wall_seconds),
    ):
        print(
            f"  {name:<9} {seconds:7.1f} s ({wall:.1f} s with process start)  {chunks} chunks  "
            f"{len(paths) / seconds:.3f} docs/s  {chunks / seconds:.2f} chunks/s  {characters / seconds:,.0f} chars/s  "
            f"peak RSS {peak:,.0f} MiB"
        )
    print(f"  ours      {_stages(our_stages, report.seconds)}  (embedded {report.chunks_embedded})")
    print(f"  baseline  {_stages(plain_stages, plain_s)}")
    print(
        f"  ratio ours/baseline: build time {ratio(report.seconds, plain_s)}  "
        f"docs/s {ratio(plain_s, report.seconds)}  chunks {ratio(report.chunks, plain_chunks)}  "
        f"chunks/s {ratio(report.chunks / report.seconds, plain_chunks / plain_s)}  "
        f"embed time {ratio(our_stages['embed + tokens'], plain_stages['embed'])}  "
        f"peak RSS {ratio(ours.peak_rss_mib, plain.peak_rss_mib)}",
        flush=True,
    )
    for note in report.skipped:
        print(f"    skipped: {note.name}: {note.reason}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, help="documents folder (default: a sample of ../shared/corpora)")
    parser.add_argument("--sample", type=int, default=20, metavar="N", help="documents sampled (0: all)")
    args = parser.parse_args(argv)
    if args.corpus is not None and not args.corpus.is_dir():
        sys.exit(f"{args.corpus}: no such folder")
    with tempfile.TemporaryDirectory(prefix="reportqa-bench-ingest-") as tmp:
        root = Path(tmp)
        measure("seed corpus", SEED_CORPUS, root / "seed")
        if args.corpus is not None:
            measure("corpus", args.corpus, root / "given")
        else:
            sampled = sample_corpus(SHARED_CORPORA, args.sample, root / "sample" / "corpus")
            measure(f"sample of {args.sample or 'all'} documents", sampled, root / "sample")


if __name__ == "__main__":
    main()
