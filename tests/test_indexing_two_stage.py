"""Two-stage publishing through the real `reportqa` entry point: every document keyword-searchable
before its passages are embedded, answers on the incomplete index cite correctly and say it is
incomplete, and a document too long to embed in reasonable time is named and refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportqa.core.errors import EmbedderError
from reportqa.engine.engine import IndexStatus
from reportqa.indexing.snapshot import current_version

REPORTS = {
    "深圳市2021年政府工作报告.txt": (
        "深圳市2021年政府工作报告\n\n一、过去一年工作回顾\n新增国家级高新技术企业1800家，总数超过1.86万家。\n"
    ),
    "东营市2019年统计公报.txt": "东营市2019年统计公报\n\n一、农业\n粮食总产量113.8万吨，比上年增长2.3%。\n",
}
QUESTION = "深圳新增国家级高新技术企业多少家？"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_documents_are_searchable_before_embedding_and_answers_say_so(cli, corpus, hash_embedder, monkeypatch):
    def endpoint_down(texts):
        raise EmbedderError("向量服务 http://127.0.0.1:9/v1/embeddings 出错")

    with monkeypatch.context() as patch:
        patch.setattr(hash_embedder, "embed_passages", endpoint_down)
        failed = cli("ingest")
    assert failed.code == 2 and "127.0.0.1:9" in failed.stderr
    assert "全部文档已可按关键词检索；语义索引 0%" in failed.stderr
    assert "需计算向量：2 个段落" in failed.stderr and "预计不到 1 分钟" in failed.stderr

    keyword_only = cli("ask", "--json", QUESTION)
    assert keyword_only.code == 0, keyword_only.stderr
    answer = keyword_only.json()
    assert "1800家" in answer["answer"] and answer["citations"][0]["doc"] == "深圳市2021年政府工作报告.txt"
    assert answer["warnings"][0].startswith("语义索引 0%（不到 1 分钟）：部分段落尚未计算向量")

    finished = cli("ingest")
    assert finished.code == 0 and "需计算向量：2 个段落" in finished.stderr
    complete = cli("ask", "--json", QUESTION).json()
    assert complete["index_version"] == current_version(corpus.parent / "index") != answer["index_version"]
    assert not complete["warnings"] and complete["citations"][0]["doc"] == "深圳市2021年政府工作报告.txt"


def test_a_document_with_too_many_passages_is_named_and_refused(cli, corpus, monkeypatch):
    monkeypatch.setenv("REPORTQA_MAX_CHUNKS_PER_DOCUMENT", "3")
    (corpus / "巨大的文件.txt").write_text("全市高新技术企业数量持续增长，研发投入不断加大。\n" * 200, encoding="utf-8")
    run = cli("ingest")
    assert run.code == 0, run.stderr
    assert "跳过 巨大的文件.txt：段落过多：" in run.stderr and "超过每篇上限 3 段" in run.stderr
    assert "max_chunks_per_document" in run.stderr
    assert "2 篇文档" in run.stderr and "新增 2" in run.stderr and "跳过 1" in run.stderr


@pytest.mark.parametrize(
    ("missing", "characters", "note"),
    [(0, 0, ""), (38, 700 * 60 * 12, "语义索引 62%（约 12 分钟）"), (100, 700 * 9000, "语义索引 0%（约 2.5 小时）")],
)
def test_the_status_note_gives_the_share_embedded_and_the_time_left(missing, characters, note):
    status = IndexStatus("v", 3, 100, "e", None, missing_vectors=missing, missing_characters=characters)
    assert status.semantic_note(700.0) == note
