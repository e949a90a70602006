"""The evaluation page's work, without Streamlit: saving uploaded question sets and running one in the background.

    path = save_question_set(settings, "问题集.xlsx", data)      # into evaluation/sets/, replacing a set of that name
    job = EvalJob(settings); job.start(engine, load_question_set(path)); job.state()

One evaluation at a time per process, like `IndexBuilder`: the page polls `state()`, and the run
goes on when the official leaves the page. It asks the serving index the chat app uses; a rebuild
during a run is picked up between questions, and the run records the version it started on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from reportqa.app.admin import UploadError, save_upload
from reportqa.app.jobs import BackgroundJob, failure_text
from reportqa.core.settings import Settings
from reportqa.eval.question_sets import FEEDBACK_SET, sets_dir
from reportqa.eval.rows import QuestionSet
from reportqa.eval.runner import EvalRun, run_set
from reportqa.eval.sheets import TABLE_SUFFIXES

UPLOAD_SUFFIXES = TABLE_SUFFIXES  # officials write workbooks or CSV; JSONL sets are a developer's, saved by hand


def save_question_set(settings: Settings, name: str, data: bytes) -> Path:
    """Keep an uploaded set in the saved sets, replacing one of the same name (a corrected copy)."""
    if Path(name).stem == FEEDBACK_SET:
        raise UploadError(f"{name}: “{FEEDBACK_SET}”是系统保存反馈用例的问题集，请换一个文件名")
    return save_upload(
        sets_dir(settings), name, data, max_mb=settings.max_upload_mb, overwrite=True, allowed=UPLOAD_SUFFIXES
    )


@dataclass(frozen=True)
class EvalState:
    running: bool = False
    set_name: str = ""
    done: int = 0
    total: int = 0
    run_id: str = ""  # the last finished run, kept in the history
    error: str = ""

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.total) if self.total else 0.0


class EvalJob(BackgroundJob[EvalState]):
    """Runs `reportqa.eval.runner.run_set` in a background thread, one run at a time."""

    def __init__(self, settings: Settings, run: Callable[..., EvalRun] = run_set) -> None:
        """`run` (default `run_set`) takes the engine, the settings, the set and `progress`."""
        super().__init__(EvalState(), "reportqa-evaluation")
        self.settings = settings
        self._run = run

    def start(self, engine, qset: QuestionSet) -> bool:
        """Start running `qset` on `engine` unless a run is going; returns whether one was started."""
        return self._launch(
            lambda _idle: EvalState(running=True, set_name=qset.name, total=len(qset.questions)),
            lambda: self._work(engine, qset),
        )

    def _progress(self, stage: str, done: int, total: int) -> None:
        self._state = replace(self._state, done=done, total=total)

    def _work(self, engine, qset: QuestionSet) -> None:
        try:
            run = self._run(engine, self.settings, qset, progress=self._progress)
        except Exception as exc:  # shown to the administrator
            self._state = EvalState(set_name=qset.name, error=failure_text(exc, "evaluation"))
        else:
            self._state = EvalState(
                set_name=qset.name, run_id=run.run_id, done=self._state.done, total=self._state.total
            )
