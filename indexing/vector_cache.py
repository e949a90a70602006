"""Passage vectors cached on disk by (embedder name, sha256 of the passage text).

    cache = VectorCache(settings.vector_cache_dir)
    found = cache.get_many(embedder.name, keys)         # {key: (d,) float32} for the keys it holds
    cache.put_many(embedder.name, new_keys, vectors)    # (n, d) float32

One SQLite file (``vectors.sqlite3``, WAL mode) with raw little-endian float32 blobs: no pickle. Any
number of processes may read while one writes; index builds write under their build lock. Rebuilding
another corpus from the same documents, or re-ingesting an edited document, embeds only unseen text.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

CACHE_FILE = "vectors.sqlite3"
_QUERY_BATCH = 500  # keys per SELECT ... IN (...): below SQLite's variable limit


def passage_key(text: str) -> bytes:
    """The cache key of a passage: the 32-byte sha256 of its UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).digest()


class VectorCache:
    """A persistent map (embedder name, passage key) -> float32 vector."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = Path(cache_dir)
        self.path = self.cache_dir / CACHE_FILE
        self._local = threading.local()  # one connection per thread: sqlite3 connections are not shared
        self.hits = 0
        self.misses = 0

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=60.0)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS vectors ("
                " embedder TEXT NOT NULL, key BLOB NOT NULL, dim INTEGER NOT NULL, vector BLOB NOT NULL,"
                " PRIMARY KEY (embedder, key)) WITHOUT ROWID"
            )
            connection.commit()
            self._local.connection = connection
        return connection

    def get_many(self, embedder: str, keys: Iterable[bytes]) -> dict[bytes, np.ndarray]:
        """The cached vectors among `keys` (missing keys are simply absent)."""
        wanted = list(dict.fromkeys(keys))
        found: dict[bytes, np.ndarray] = {}
        connection = self._connection()
        for begin in range(0, len(wanted), _QUERY_BATCH):
            batch = wanted[begin : begin + _QUERY_BATCH]
            marks = ",".join("?" * len(batch))
            rows = connection.execute(
                f"SELECT key, dim, vector FROM vectors WHERE embedder = ? AND key IN ({marks})", [embedder, *batch]
            )
            for key, dim, blob in rows:
                vector = np.frombuffer(blob, dtype="<f4")
                if vector.shape == (dim,):
                    found[bytes(key)] = vector.astype(np.float32)
        self.hits += len(found)
        self.misses += len(wanted) - len(found)
        return found

    def put_many(self, embedder: str, keys: Sequence[bytes], vectors: np.ndarray) -> None:
        """Store `vectors[i]` under `keys[i]`; existing entries are kept (same text, same model, same vector)."""
        vectors = np.asarray(vectors, dtype="<f4")
        if vectors.ndim != 2 or len(keys) != vectors.shape[0]:
            raise ValueError(f"need one vector per key, got {len(keys)} keys and vectors of shape {vectors.shape}")
        connection = self._connection()
        with connection:
            connection.executemany(
                "INSERT OR IGNORE INTO vectors (embedder, key, dim, vector) VALUES (?, ?, ?, ?)",
                [(embedder, key, vectors.shape[1], vectors[i].tobytes()) for i, key in enumerate(keys)],
            )

    def count(self, embedder: str | None = None) -> int:
        connection = self._connection()
        if embedder is None:
            return connection.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]
        return connection.execute("SELECT COUNT(*) FROM vectors WHERE embedder = ?", [embedder]).fetchone()[0]

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None
