"""Ingest time per format: the same three reports as .md, .docx and .pdf, and what each format costs.

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/formats.py              # times, then the parity table
    PYTHONPATH=. python benchmarks/formats.py --repeats 5 --no-parity        # times only

The documents are tests/formats/fixtures.py's (an NBS communiqué with tables, a city and a provincial
work report), written into a temp folder: .docx by python-docx, .pdf printed by headless Chromium.
For each format it prints the median over ``--repeats`` runs of:

- load: reading and decoding the file (the PDF layout, Word's paragraphs and tables), normalised;
- parse + chunk: sections, tables and chunks of the loaded text;

per document and for the three together, with characters per second; then the seconds the real
embedder takes for the same chunks (one run, no vector cache), to show each format's load as a share
of a build. With parity on (the default) it then builds an index per format and prints the per-format
table of tests/formats/parity.py (questions answered, metadata, page furniture, split figures).
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
from pathlib import Path

from benchmarks._common import timed
from reportqa.core.settings import Settings
from reportqa.ingest.chunking import Chunker
from reportqa.ingest.loaders import load_document
from reportqa.ingest.structure import parse_blocks
from reportqa.language.lexicon import Lexicon
from tests.formats.fixtures import DOCUMENTS, FORMATS, write_format_corpora
from tests.formats.parity import format_report, format_table


def time_format(folder: Path, fmt: str, chunker: Chunker, repeats: int) -> dict[str, tuple[float, float, int]]:
    """stem -> (median load seconds, median parse + chunk seconds, characters) for each document."""
    times = {}
    for stem in DOCUMENTS:
        path = folder / f"{stem}.{fmt}"
        load_document(path, folder)  # untimed: the first call imports the format's library and the gazetteer
        loads, parses = [], []
        for _ in range(repeats):
            document, load_s = timed(lambda path=path: load_document(path, folder))
            _, parse_s = timed(lambda document=document: chunker.chunk(document, parse_blocks(document)))
            loads.append(load_s)
            parses.append(parse_s)
        times[stem] = (statistics.median(loads), statistics.median(parses), len(document.text))
    return times


def embed_seconds(folder: Path, chunker: Chunker) -> float:
    """The real embedder's seconds for every chunk of the Markdown documents (no cache)."""
    from reportqa.indexing.embedders import make_embedder

    texts = []
    for stem in DOCUMENTS:
        document = load_document(folder / f"{stem}.md", folder)
        texts += [chunk.text for chunk in chunker.chunk(document, parse_blocks(document))]
    embedder = make_embedder(Settings())
    embedder.embed_passages(texts[:8])  # the model loaded before the clock starts
    _, seconds = timed(lambda: embedder.embed_passages(texts))
    return seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeats", type=int, default=3, help="runs per document and format (median)")
    parser.add_argument("--no-embed", action="store_true", help="skip timing the embedder")
    parser.add_argument("--no-parity", action="store_true", help="skip the per-format answers table")
    args = parser.parse_args(argv)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    chunker = Chunker(tokenizer=Lexicon.load())
    with tempfile.TemporaryDirectory(prefix="reportqa-bench-formats-") as tmp:
        corpora = write_format_corpora(Path(tmp))
        totals = {}
        print(f"median of {args.repeats} runs per document")
        for fmt in FORMATS:
            times = time_format(corpora[fmt], fmt, chunker, args.repeats)
            for stem, (load_s, parse_s, chars) in times.items():
                print(f"  {fmt:<5} {stem:<18} load {load_s:6.2f} s   parse + chunk {parse_s:5.2f} s   {chars:,} chars")
            load_total = sum(t[0] for t in times.values())
            parse_total = sum(t[1] for t in times.values())
            chars = sum(t[2] for t in times.values())
            totals[fmt] = load_total + parse_total
            print(
                f"  {fmt:<5} {'all three':<18} load {load_total:6.2f} s   parse + chunk {parse_total:5.2f} s   "
                f"{chars / (load_total + parse_total):,.0f} chars/s",
                flush=True,
            )
        if not args.no_embed:
            embed_s = embed_seconds(corpora["md"], chunker)
            print(f"embedding the same chunks (real embedder, no cache): {embed_s:.1f} s")
            for fmt, seconds in totals.items():
                print(f"  {fmt:<5} ingest {seconds:6.2f} s = {seconds / (seconds + embed_s):.0%} of load + embed")
        if not args.no_parity:
            base = Path(tmp)
            cache = Settings().vector_cache_dir  # REPORTQA_VECTOR_CACHE_DIR, or .cache/vectors
            reports = {fmt: format_report(fmt, corpora[fmt], base / "index" / fmt, cache) for fmt in FORMATS}
            print(format_table(reports))


if __name__ == "__main__":
    main()
