"""The search backend the settings name: where every index version's dense and keyword searches run.

    with closing(make_search_backend(settings)) as backend:
        snapshot = IndexSnapshot.load(settings.index_dir, embedder, backend=backend)

"faiss" (the default): FAISS and bm25s in this process, over the version folder's files.
"milvus": a Milvus server or a milvus-lite file (indexing/milvus.py; needs the `milvus` extra).
"""

from __future__ import annotations

from reportqa.core.settings import Settings
from reportqa.indexing.milvus import MilvusSearch
from reportqa.indexing.snapshot import LocalSearch, SearchBackend


def make_search_backend(settings: Settings) -> SearchBackend:
    if settings.search_backend == "milvus":
        return MilvusSearch.connect(settings)
    return LocalSearch()
