"""A throwaway corpus (the seed documents plus one hostile HTML file) and its index, for app tests.

Built once per test session with the real embedder and shared by the AppTest and browser tests;
nothing here touches the project's own corpus/ or index/.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
HOSTILE_DOC = "网页安全测试说明.txt"
HOSTILE_QUESTION = "测试园区共有孵化器多少家？"
HOSTILE_SNIPPET = "<script>alert(1)</script>"
HOSTILE_TEXT = f"""网页安全测试说明

一、测试园区基本情况
测试园区共有孵化器17家，说明文字{HOSTILE_SNIPPET}和**bold**以及[link](javascript:x)应原样显示。
"""

_lock = threading.Lock()


def seed_vectors(base: Path) -> Path:
    """The vector cache of every seed index of the session (beside `base`, in the session's temp folder):
    the seed report is embedded once, as a deployment's cache keeps it across builds."""
    return base.parent / "seed-vectors"


def seed_env(base: Path) -> dict[str, str]:
    """REPORTQA_* variables pointing at the test corpus, index, vector cache, feedback and evaluations under `base`."""
    return {
        "REPORTQA_CORPUS_DIR": str(base / "corpus"),
        "REPORTQA_INDEX_DIR": str(base / "index"),
        "REPORTQA_VECTOR_CACHE_DIR": str(seed_vectors(base)),
        "REPORTQA_FEEDBACK_PATH": str(base / "feedback.jsonl"),
        "REPORTQA_EVALUATION_DIR": str(base / "evaluation"),
    }


def build_seed_index(base: Path) -> dict[str, str]:
    """Create the corpus under `base` and build its index unless already built; return `seed_env(base)`."""
    from reportqa.core.settings import Settings
    from reportqa.indexing.build import build_index

    env = seed_env(base)
    with _lock:
        if (base / "index" / "CURRENT").exists():
            return env
        corpus = base / "corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        for path in sorted((PROJECT / "corpus").glob("*.txt")):
            shutil.copy(path, corpus / path.name)
        (corpus / HOSTILE_DOC).write_text(HOSTILE_TEXT, encoding="utf-8")
        settings = Settings(
            corpus_dir=corpus, index_dir=base / "index", vector_cache_dir=seed_vectors(base), feedback_path=base / "fb"
        )
        build_index(settings, full=False, progress=lambda stage, done, total: None)
    return env


def without_reportqa_env() -> dict[str, str]:
    """The current environment minus any REPORTQA_* variable (so a developer's settings cannot leak in)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("REPORTQA_")}
