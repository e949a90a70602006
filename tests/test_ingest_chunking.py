"""Chunk invariants on the seed report and on real corpus files, plus the chunker's settings."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from reportqa.core.models import Block, Chunk, Document, DocumentMeta
from reportqa.ingest.chunking import SECTION_SEPARATOR, Chunker
from reportqa.ingest.loaders import load_document
from reportqa.ingest.pipeline import ingest_document, parse_document
from reportqa.ingest.structure import parse_blocks
from reportqa.language.lexicon import Lexicon

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "corpus"
SEED = SEED_DIR / "淄博市十三五科技创新规划后评估报告.txt"
SHARED = Path("/work/shared/corpora")
SHARED_FILES = [
    "cn_city_work_reports/深圳市/2020.md",
    "cn_provincial_work_reports/广东省/2021.md",
    "cn_national_gov_docs/nbs_statistical_communiques/2023.md",
    "cn_national_gov_docs/five_year_plans/2016-十三五规划纲要.md",
]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def word_edges(lexicon: Lexicon, text: str) -> set[int]:
    """Offsets between two jieba words of the whole text (and its two ends)."""
    edges = {0, len(text)}
    for _, start, end in lexicon.tokenize_with_spans(text):
        edges.update((start, end))
    return edges


def check_invariants(document: Document, blocks: list[Block], chunks: list[Chunk], lexicon: Lexicon) -> None:
    """The properties every chunking must keep; raises AssertionError naming the first one broken."""
    text = document.text
    for chunk in chunks:
        assert chunk.text == text[chunk.start : chunk.end], chunk.chunk_id
        assert chunk.text.strip(), chunk.chunk_id
        assert chunk.chunk_id == f"{document.doc_id}#{chunk.start}-{chunk.end}"
        assert chunk.doc_id == document.doc_id
    # table rows are exactly one chunk each, with their statement
    rows = [b for b in blocks if b.kind == "table_row"]
    row_chunks = [c for c in chunks if c.is_table_row]
    assert [(c.start, c.end, c.statement) for c in row_chunks] == [(b.start, b.end, b.statement) for b in rows]
    assert all(c.section == SECTION_SEPARATOR.join(b.section) for c, b in zip(row_chunks, rows, strict=True))
    # no boundary inside a jieba word of the whole document
    edges = word_edges(lexicon, text)
    for chunk in chunks:
        assert chunk.start in edges and chunk.end in edges, (chunk.chunk_id, text[chunk.start - 5 : chunk.end + 5])
    # every non-whitespace character of paragraphs and table rows is in some chunk
    covered = bytearray(len(text))
    for chunk in chunks:
        covered[chunk.start : chunk.end] = b"\x01" * (chunk.end - chunk.start)
    for block in blocks:
        if block.kind == "heading":
            continue
        missing = [i for i in range(block.start, block.end) if not covered[i] and not text[i].isspace()]
        assert not missing, (block.text[:40], text[missing[0] : missing[0] + 10])
    # no chunk crosses a section: the body blocks it touches share its section path
    for chunk in chunks:
        touched = [b for b in blocks if b.kind != "heading" and b.start < chunk.end and chunk.start < b.end]
        assert touched, chunk.chunk_id
        assert {SECTION_SEPARATOR.join(b.section) for b in touched} == {chunk.section}, chunk.chunk_id
        if chunk.is_table_row:
            assert len(touched) == 1 and touched[0].kind == "table_row"
        # a heading inside a chunk is on the chunk's path (the headings right above its text)
        for heading in (b for b in blocks if b.kind == "heading" and chunk.start <= b.start < chunk.end):
            assert SECTION_SEPARATOR.join(heading.section) in chunk.section or heading.section == ()


def test_rejects_bad_settings():
    with pytest.raises(ValueError, match="chunk_size"):
        Chunker(chunk_size=0)
    with pytest.raises(ValueError, match="chunk_overlap"):
        Chunker(chunk_size=100, chunk_overlap=100)
    with pytest.raises(ValueError, match="-1"):
        Chunker(chunk_size=100, chunk_overlap=-1)


def test_seed_chunks(lexicon):
    chunker = Chunker(200, 40, lexicon)
    document, chunks = parse_document(SEED, SEED_DIR, chunker, None)
    blocks = parse_blocks(document)
    check_invariants(document, blocks, chunks, lexicon)
    rows = [c for c in chunks if c.is_table_row]
    assert len(rows) == 10
    high_tech = next(c for c in rows if "高新技术企业数（家）" in c.statement)
    assert high_tech.body == high_tech.statement
    assert high_tech.section == "二、评估的主要内容 > （一）《规划》实施情况 > 1、主要指标完成情况"
    paragraph = next(c for c in chunks if "全市高新技术企业由2015年的251家增加到512家" in c.text)
    assert paragraph.section.startswith("二、评估的主要内容 > （一）《规划》实施情况")
    body = [c for c in chunks if not c.is_table_row]
    assert max(len(c.text) for c in body) <= 200 + 40
    # the headings right above a section's text open its first chunk
    first = next(c for c in chunks if "《规划》于2017年8月22日发布" in c.text)
    assert first.text.startswith("一、决策实施的基本情况和评估工作开展情况\n（一）决策实施的推进时间\n")


def test_consecutive_chunks_overlap_by_whole_sentences(lexicon):
    sentences = [f"第{i}句话说明全市高新技术企业数量增长了{i}家。" for i in range(1, 30)]
    text = "一、总体情况\n" + "".join(sentences) + "\n"
    document = Document("t.txt", text, "0" * 64, DocumentMeta(title="t"))
    blocks = parse_blocks(document)
    chunks = Chunker(120, 40, lexicon).chunk(document, blocks)
    check_invariants(document, blocks, chunks, lexicon)
    assert len(chunks) > 3
    for before, after in itertools.pairwise(chunks):
        assert after.start < before.end  # overlapping
        assert 0 < before.end - after.start <= 40
        assert text[after.start - 1] == "。"  # the overlap starts at a sentence start
        assert len(before.text) <= 120 + 40


def test_long_sentence_is_cut_between_words(lexicon):
    long = "高新技术企业院士工作站研发经费技术合同成交额科技型中小企业众创空间" * 12 + "。"
    text = "一、情况\n" + long + "\n"
    document = Document("t.txt", text, "0" * 64, DocumentMeta(title="t"))
    blocks = parse_blocks(document)
    chunks = Chunker(100, 20, lexicon).chunk(document, blocks)
    check_invariants(document, blocks, chunks, lexicon)
    assert len(chunks) >= 3
    assert all(len(c.text) <= 100 + 20 for c in chunks)


def test_sibling_heading_without_text_is_carried_by_section_only(lexicon):
    text = "一、甲\n二、乙\n正文一句。\n"
    document = Document("t.txt", text, "0" * 64, DocumentMeta(title="t"))
    chunks = Chunker(200, 40, lexicon).chunk(document, parse_blocks(document))
    assert [(c.text, c.section) for c in chunks] == [("二、乙\n正文一句。", "二、乙")]


@pytest.mark.skipif(not SHARED.exists(), reason="shared corpora not mounted")
@pytest.mark.parametrize("relative", SHARED_FILES)
def test_corpus_files_keep_invariants(lexicon, relative):
    ingested = ingest_document(SHARED / relative, SHARED, Chunker(200, 40, lexicon))
    assert ingested.chunks
    check_invariants(ingested.document, ingested.blocks, ingested.chunks, lexicon)


def test_seed_with_small_chunks(lexicon):
    document = load_document(SEED, SEED_DIR)
    blocks = parse_blocks(document)
    chunks = Chunker(60, 15, lexicon).chunk(document, blocks)
    check_invariants(document, blocks, chunks, lexicon)
