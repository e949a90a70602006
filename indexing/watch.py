"""Follow the corpus folder and rebuild the index (incrementally) once changes settle.

    stop = threading.Event()
    watch_corpus(settings, on_report=lambda report: print(report.summary()), stop_event=stop)

Blocks until `stop_event` is set (or KeyboardInterrupt). Any burst of file events (a copy of many
files, an editor's save-by-rename) triggers one build, `settle_seconds` after the last event.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from reportqa.core.errors import ReportQAError
from reportqa.core.settings import Settings
from reportqa.indexing.build import BuildReport, build_index
from reportqa.indexing.embedders import ReportEmbeddings

log = logging.getLogger(__name__)


class _Changes(FileSystemEventHandler):
    """Remembers when the last relevant event happened."""

    def __init__(self, corpus_dir: Path, ignored: tuple[Path, ...] = ()) -> None:
        self.corpus_dir = corpus_dir
        self.ignored = ignored  # the index and vector cache, should someone keep them inside the corpus folder
        self.last_event: float | None = None
        self.lock = threading.Lock()

    def _relevant(self, path: str | bytes) -> bool:
        if isinstance(path, bytes):
            path = path.decode("utf-8", "replace")
        resolved = Path(path).resolve()
        if any(resolved.is_relative_to(folder) for folder in self.ignored):
            return False
        try:
            relative = resolved.relative_to(self.corpus_dir)
        except ValueError:
            return False
        return not any(part.startswith(".") for part in relative.parts)  # hidden files, upload temporaries

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        if any(p and self._relevant(p) for p in paths):
            with self.lock:
                self.last_event = time.monotonic()

    def take_if_settled(self, settle_seconds: float) -> bool:
        with self.lock:
            if self.last_event is None or time.monotonic() - self.last_event < settle_seconds:
                return False
            self.last_event = None
            return True


def watch_corpus(
    settings: Settings,
    on_report: Callable[[BuildReport], None],
    settle_seconds: float = 2.0,
    stop_event: threading.Event | None = None,
    *,
    on_error: Callable[[Exception], None] | None = None,
    lock_timeout: float = 600.0,
    embedder: ReportEmbeddings | None = None,
) -> None:
    """Rebuild whenever files under `settings.corpus_dir` change and then stay quiet for `settle_seconds`.

    `embedder` (default: the one `settings` name, loaded by each build) is passed to every build.

    Each build's report goes to `on_report`; a build that fails with a ReportQAError (a bad
    metadata.yaml, a build held by someone else beyond `lock_timeout`) goes to `on_error` (default:
    logged) and watching continues.
    """
    if settle_seconds < 0:
        raise ValueError(f"settle_seconds must be >= 0, got {settle_seconds}")
    corpus_dir = Path(settings.corpus_dir).resolve()
    if not corpus_dir.is_dir():
        raise ReportQAError(f"{corpus_dir.name}: 语料目录不存在 (the corpus folder does not exist)")
    stop_event = stop_event or threading.Event()
    changes = _Changes(corpus_dir, (Path(settings.index_dir).resolve(), Path(settings.vector_cache_dir).resolve()))
    observer = Observer()
    observer.schedule(changes, str(corpus_dir), recursive=True)
    observer.start()
    try:
        while not stop_event.wait(min(0.2, settle_seconds / 4 or 0.05)):
            if not changes.take_if_settled(settle_seconds):
                continue
            try:
                report = build_index(settings, lock_timeout=lock_timeout, embedder=embedder)
            except ReportQAError as exc:
                if on_error is not None:
                    on_error(exc)
                else:
                    log.error("index build after a corpus change failed: %s", exc)
                continue
            on_report(report)
    finally:
        observer.stop()
        observer.join(timeout=5)
