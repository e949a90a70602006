"""Long work (an index build, an evaluation run) in a background thread, one at a time per process.

Sessions poll `state()`; a subclass describes its state as a frozen dataclass with a `running` flag
and starts its work with `_launch`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from reportqa.app.messages import GENERIC, user_message
from reportqa.core.errors import ReportQAError

log = logging.getLogger(__name__)


class _JobState(Protocol):
    @property
    def running(self) -> bool: ...


S = TypeVar("S", bound=_JobState)


class BackgroundJob(Generic[S]):
    def __init__(self, idle: S, thread_name: str) -> None:
        self._state = idle
        self._thread_name = thread_name
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def state(self) -> S:
        return self._state

    def wait(self, timeout: float | None = None) -> S:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return self._state

    def _launch(self, started: Callable[[S], S], work: Callable[[], None]) -> bool:
        """Unless a job is running, move to the state `started` makes of the current one and run `work`
        in the background; returns whether it started."""
        with self._lock:
            if self._state.running:
                return False
            self._state = started(self._state)
            self._thread = threading.Thread(target=work, name=self._thread_name, daemon=True)
            self._thread.start()
            return True


def failure_text(exc: Exception, what: str) -> str:
    """What an administrator reads of a failed job, in Chinese (`user_message`); the error itself is
    logged as "`what` failed", in full when it is not one of ours."""
    if isinstance(exc, ReportQAError):
        log.warning("%s failed: %s", what, exc)
        return user_message(exc)
    log.error("%s failed", what, exc_info=exc)
    return GENERIC
