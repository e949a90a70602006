"""The OpenAI-compatible endpoint embedder against a real HTTP server on 127.0.0.1 (tests/openai_stub_server.py)."""

from __future__ import annotations

import socket

import numpy as np
import pytest

from reportqa.core.errors import EmbedderError
from reportqa.core.settings import Settings
from reportqa.engine import Engine
from reportqa.indexing.build import build_index
from reportqa.indexing.embedders import OpenAIEndpointEmbeddings, make_embedder
from tests.openai_stub_server import EMBEDDING_DIMENSION, OpenAIStubServer, stub_embedding

PASSAGES = [
    "全市高新技术企业由2015年的251家增加到512家。",
    "2018年研发经费投入总额达到133.68亿元。",
    "新增省级孵化器5家。",
]


def test_passages_are_sent_in_batches_and_come_back_normalised() -> None:
    with OpenAIStubServer() as server:
        embedder = OpenAIEndpointEmbeddings(server.base_url, "stub-embed", api_key="k", batch_size=2)
        vectors = embedder.embed_passages(PASSAGES)
    batches = [body["input"] for body in server.requests]
    assert batches == [PASSAGES[:2], PASSAGES[2:]]
    assert all(body["model"] == "stub-embed" for body in server.requests)
    assert vectors.shape == (3, EMBEDDING_DIMENSION) and vectors.dtype == np.float32
    expected = np.asarray(stub_embedding(PASSAGES[1]), dtype=np.float32)
    assert np.allclose(vectors[1], expected / np.linalg.norm(expected), atol=1e-6)
    assert embedder.name == "openai:stub-embed" and embedder.dimension == EMBEDDING_DIMENSION


def test_a_busy_endpoint_is_retried() -> None:
    with OpenAIStubServer() as server:
        server.failures = 2
        vectors = OpenAIEndpointEmbeddings(server.base_url, "stub-embed", max_retries=2).embed_passages(PASSAGES[:1])
    assert vectors.shape == (1, EMBEDDING_DIMENSION)
    assert len(server.requests) == 3  # two 503s, then the answer


def test_an_endpoint_that_is_down_is_an_error_naming_its_url() -> None:
    with socket.socket() as sock:  # a port nothing listens on once closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"
    with pytest.raises(EmbedderError, match=f"127.0.0.1:{port}/v1/embeddings"):
        OpenAIEndpointEmbeddings(url, "stub-embed", max_retries=0).embed_passages(PASSAGES)


def test_settings_choose_the_endpoint_and_the_index_records_it(tmp_path, monkeypatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.txt").write_text("\n".join(PASSAGES), encoding="utf-8")
    with OpenAIStubServer() as server:
        monkeypatch.setenv("REPORTQA_EMBEDDER", "openai")
        monkeypatch.setenv("REPORTQA_EMBEDDER_BASE_URL", server.base_url)
        monkeypatch.setenv("REPORTQA_EMBEDDER_MODEL", "stub-embed")
        monkeypatch.setenv("REPORTQA_EMBEDDER_API_KEY", "secret")
        settings = Settings(home=tmp_path)
        report = build_index(settings)
        engine = Engine.open(settings)
        hits = engine.retrieve("研发经费投入总额")
    assert isinstance(make_embedder(settings), OpenAIEndpointEmbeddings)
    assert report.chunks_embedded == report.chunks > 0
    assert engine.status().embedder == "openai:stub-embed"
    assert "133.68亿元" in hits[0].chunk.text
