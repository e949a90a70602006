"""Blocks -> chunks: the passages that are indexed, retrieved and cited.

    chunker = Chunker(chunk_size=200, chunk_overlap=40, tokenizer=Lexicon.load())
    chunks = chunker.chunk(document, parse_blocks(document))

Rules:

- A table row is always one chunk of its own (``is_table_row=True``, its statement copied).
- Paragraphs are cut into sentences (after 。！？；!?; and at line breaks); a sentence longer than
  ``chunk_size`` is cut after ，、：, and a clause still longer than that between two jieba words.
  Sentences are packed into chunks of at most ``chunk_size`` characters; a chunk is longer only
  to take in the last sentences of its section when they are shorter than ``chunk_overlap`` in all
  (up to ``chunk_size + chunk_overlap``), or when a single jieba word is longer than ``chunk_size``.
  Consecutive chunks overlap by the whole trailing sentences that fit in ``chunk_overlap`` characters;
  there is no overlap when the last sentence is longer than that.
- A chunk never spans two sections: paragraphs are packed only with paragraphs of the same
  section path, and a table row ends the run of paragraphs before it.
- Headings are not chunks of their own. The run of headings right above a paragraph is included at
  the start of that paragraph's first chunk when each of them is on the paragraph's section path
  (the usual case: "二、…" / "（一）…" / "1、…" then body text), which keeps the chunk one contiguous
  slice of the source. A heading followed directly by a sibling heading or by a table row is
  carried only by the chunks' ``section``.

So every non-whitespace character of every paragraph and table row lands in at least one chunk,
and every chunk's ``text`` is exactly ``document.text[start:end]``.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportqa.core.models import Block, Chunk, Document
from reportqa.language.lexicon import Lexicon
from reportqa.language.sentences import split_clauses, split_sentences

SECTION_SEPARATOR = " > "


@dataclass(frozen=True)
class _Unit:
    start: int
    end: int
    heading: bool = False


class Chunker:
    """Cuts a document's blocks into chunks of about ``chunk_size`` characters (see the module docstring).

    >>> chunker = Chunker(chunk_size=200, chunk_overlap=40)
    """

    def __init__(self, chunk_size: int = 200, chunk_overlap: int = 40, tokenizer: Lexicon | None = None) -> None:
        """``chunk_size`` and ``chunk_overlap`` are in characters; ``tokenizer`` supplies the jieba
        words a long clause may be cut between (a lexicon without domain words is made on first
        need when it is None)."""
        if not isinstance(chunk_size, int) or chunk_size <= 0:
            raise ValueError(f"chunk_size must be a positive integer, got {chunk_size!r}")
        if not isinstance(chunk_overlap, int) or not 0 <= chunk_overlap < chunk_size:
            raise ValueError(f"chunk_overlap must be >= 0 and < chunk_size ({chunk_size}), got {chunk_overlap!r}")
        self.chunk_size = chunk_size
        self.chunk_overlap = chunk_overlap
        self._tokenizer = tokenizer

    @property
    def tokenizer(self) -> Lexicon:
        if self._tokenizer is None:
            self._tokenizer = Lexicon()
        return self._tokenizer

    def chunk(self, document: Document, blocks: list[Block]) -> list[Chunk]:
        """Chunks of ``document`` in reading order, built from its ``blocks`` (from ``parse_blocks``)."""
        chunks: list[Chunk] = []
        headings: list[Block] = []
        paragraphs: list[Block] = []

        def flush() -> None:
            if paragraphs:
                chunks.extend(self._pack(document, _attached(headings, paragraphs[0]), paragraphs))
            headings.clear()
            paragraphs.clear()

        for block in blocks:
            if block.kind == "table_row":
                flush()
                chunks.append(_make_chunk(document, block.start, block.end, block.section, True, block.statement))
            elif block.kind == "heading":
                if paragraphs:
                    flush()
                headings.append(block)
            else:
                if paragraphs and block.section != paragraphs[0].section:
                    flush()
                paragraphs.append(block)
        flush()
        return chunks

    # ---- packing ------------------------------------------------------------------------------
    def _pack(self, document: Document, headings: list[Block], paragraphs: list[Block]) -> list[Chunk]:
        units = [_Unit(h.start, h.end, heading=True) for h in headings]
        for block in paragraphs:
            units.extend(self._units(document.text, block.start, block.end))
        section = paragraphs[0].section
        chunks = []
        i = 0
        while i < len(units):
            j = i
            # grow while it fits; a chunk always holds at least one unit of body text
            while j + 1 < len(units) and (
                units[j + 1].end - units[i].start <= self.chunk_size or all(u.heading for u in units[i : j + 1])
            ):
                j += 1
            tail = units[-1].end - units[j + 1].start if j + 1 < len(units) else 0
            if 0 < tail < self.chunk_overlap and units[-1].end - units[i].start <= self.chunk_size + self.chunk_overlap:
                j = len(units) - 1  # take in a short last sentence rather than leave it alone
            chunks.append(_make_chunk(document, units[i].start, units[j].end, section))
            if j + 1 >= len(units):
                break
            next_start = j + 1
            for k in range(i + 1, j + 1):
                fits_overlap = units[j].end - units[k].start <= self.chunk_overlap
                if fits_overlap and units[j + 1].end - units[k].start <= self.chunk_size:
                    next_start = k
                    break
            i = next_start
        return chunks

    def _units(self, text: str, start: int, end: int) -> list[_Unit]:
        """Sentences of text[start:end]; clauses or word runs of sentences longer than chunk_size."""
        units = []
        for sentence in split_sentences(text, start, end):
            if len(sentence.text) <= self.chunk_size:
                units.append(_Unit(sentence.start, sentence.end))
                continue
            for clause in split_clauses(text, sentence.start, sentence.end):
                if len(clause.text) <= self.chunk_size:
                    units.append(_Unit(clause.start, clause.end))
                else:
                    units.extend(self._word_runs(text, clause.start, clause.end))
        return units

    def _word_runs(self, text: str, start: int, end: int) -> list[_Unit]:
        """Runs of whole jieba words of at most chunk_size characters (one longer word is a run alone)."""
        runs: list[_Unit] = []
        run_start = run_end = start
        for _, ws, we in self.tokenizer.tokenize_with_spans(text[start:end]):
            ws, we = ws + start, we + start
            if we - run_start > self.chunk_size and run_end > run_start:
                runs.append(_Unit(run_start, run_end))
                run_start = ws
            run_end = we
        if run_end > run_start:
            runs.append(_Unit(run_start, run_end))
        return [u for u in (_trim(text, u.start, u.end) for u in runs) if u is not None]


def _trim(text: str, start: int, end: int) -> _Unit | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _Unit(start, end) if end > start else None


def _attached(headings: list[Block], paragraph: Block) -> list[Block]:
    """The trailing run of ``headings`` whose sections are all on the paragraph's section path."""
    attached: list[Block] = []
    for heading in reversed(headings):
        if paragraph.section[: len(heading.section)] != heading.section:
            break
        attached.insert(0, heading)
    return attached


def _make_chunk(
    document: Document,
    start: int,
    end: int,
    section: tuple[str, ...],
    is_table_row: bool = False,
    statement: str = "",
) -> Chunk:
    return Chunk(
        chunk_id=f"{document.doc_id}#{start}-{end}",
        doc_id=document.doc_id,
        start=start,
        end=end,
        text=document.text[start:end],
        section=SECTION_SEPARATOR.join(section),
        is_table_row=is_table_row,
        statement=statement,
    )
