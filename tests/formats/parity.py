"""How well each format of the same documents answers and is parsed, beside the Markdown version.

    corpora = write_format_corpora(tmp)
    reports = {fmt: format_report(fmt, folder, tmp / "index" / fmt, vector_cache) for fmt, folder in corpora.items()}
    print(format_table(reports))

Per format: questions of questions.jsonl answered right (an answerable one: found, with every
``must_contain`` string; an unanswerable one: refused), each document's title, place and year, chunks,
table-row chunks, distinct section paths, chunks holding page furniture (Chromium's running header and
footer: its date line, file address and "n/m" page numbers, or "- n -"), and figures split from their
unit or cut inside by a line break.
"""

from __future__ import annotations

import json
import re
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from reportqa.core.models import Document
from reportqa.core.settings import Settings
from reportqa.indexing.embedders import ReportEmbeddings
from reportqa.ingest.chunking import Chunker
from reportqa.ingest.loaders import scan_corpus
from reportqa.ingest.pipeline import ingest_document
from reportqa.language.lexicon import Lexicon
from reportqa.language.quantities import UNITS

QUESTIONS = Path(__file__).with_name("questions.jsonl")

# what a printed page adds around the text: "12/2/26, 4:19 AM", "file:///…", "2/13", "- 3 -"
FURNITURE = re.compile(
    r"\d{1,2}/\d{1,2}/\d{2}, \d{1,2}:\d{2}\s?[AP]M|file://|(?:^|\n)\s*(?:\d{1,3}\s*/\s*\d{1,3}|[-—]\s*\d{1,3}\s*[-—])\s*(?:\n|$)"
)
# a figure whose unit (or rest) is on the next line of its paragraph: "80万\n人", "1015\n986亿元"
_UNIT_ALTERNATIVES = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_LINE_BREAK = r"[ \t]*\n[ \t]*"
SPLIT_FIGURE = re.compile(rf"\d{_LINE_BREAK}(?:{_UNIT_ALTERNATIVES}|\d)|[万亿]{_LINE_BREAK}(?:{_UNIT_ALTERNATIVES})")


@dataclass(frozen=True)
class FormatReport:
    fmt: str
    answered: int
    questions: int
    failed: tuple[str, ...]  # ids of the questions answered wrong
    meta: dict[str, tuple[str, str, int | None]]  # file stem -> (title, place, year)
    chunks: int
    table_rows: int
    sections: int
    furniture_chunks: int
    split_figures: int


def load_questions() -> list[dict]:
    return [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


def format_report(
    fmt: str, corpus: Path, index_dir: Path, vector_cache: Path, embedder: ReportEmbeddings | None = None
) -> FormatReport:
    """Build an index of ``corpus`` in ``index_dir`` and measure it (see the module docstring); with
    ``embedder`` instead of the one the settings name."""
    from reportqa.engine import Engine
    from reportqa.indexing.build import build_index

    settings = Settings(
        corpus_dir=corpus, index_dir=index_dir, vector_cache_dir=vector_cache, feedback_path=index_dir / "fb.jsonl"
    )
    report = build_index(settings, embedder=embedder, full=True, progress=lambda stage, done, total: None)
    if report.skipped:
        raise RuntimeError(f"{fmt}: " + "; ".join(f"{note.name}: {note.reason}" for note in report.skipped))
    questions = load_questions()
    with closing(Engine.open(settings, embedder)) as engine:
        failed = tuple(q["id"] for q in questions if not _answered(engine.ask(q["question"]), q))
    chunker = Chunker(settings.chunk_size, settings.chunk_overlap, tokenizer=Lexicon.load(settings.lexicon_dir))
    ingested = [ingest_document(path, corpus, chunker) for path in scan_corpus(corpus)[0]]
    chunks = [chunk for doc in ingested for chunk in doc.chunks]
    return FormatReport(
        fmt=fmt,
        answered=len(questions) - len(failed),
        questions=len(questions),
        failed=failed,
        meta={PurePosixPath(d.document.doc_id).stem: _meta(d.document) for d in ingested},
        chunks=len(chunks),
        table_rows=sum(c.is_table_row for c in chunks),
        sections=len({(c.doc_id, c.section) for c in chunks}),
        furniture_chunks=sum(bool(FURNITURE.search(c.text)) for c in chunks),
        split_figures=sum(len(SPLIT_FIGURE.findall(c.text)) for c in chunks if not c.is_table_row),
    )


def _meta(document: Document) -> tuple[str, str, int | None]:
    return document.meta.title, document.meta.place, document.meta.year


def _answered(answer, question: dict) -> bool:
    if not question["must_contain"]:
        return not answer.found
    return answer.found and all(s in answer.answer for s in question["must_contain"])


def format_table(reports: dict[str, FormatReport]) -> str:
    """The reports side by side, one row per measure, then each document's metadata per format."""
    rows = [
        ("questions answered", lambda r: f"{r.answered}/{r.questions}"),
        ("chunks", lambda r: str(r.chunks)),
        ("table-row chunks", lambda r: str(r.table_rows)),
        ("section paths", lambda r: str(r.sections)),
        ("chunks with page furniture", lambda r: str(r.furniture_chunks)),
        ("figures split from their unit", lambda r: str(r.split_figures)),
        ("failed", lambda r: " ".join(f.removeprefix("fmt-") for f in r.failed) or "-"),
    ]
    names = list(reports)
    lines = ["| | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    lines += [f"| {label} | " + " | ".join(cell(reports[n]) for n in names) + " |" for label, cell in rows]
    for stem in sorted(next(iter(reports.values())).meta):
        lines.append(
            f"| {stem} | " + " | ".join(" · ".join(map(str, reports[n].meta.get(stem, ()))) for n in names) + " |"
        )
    return "\n".join(lines)
