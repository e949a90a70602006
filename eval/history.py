"""Every evaluation run, kept: when, on which index version and settings, and each question's result.

    stored = save_run(history_dir(settings), run)          # -> StoredRun, in history/<run id>/
    list_runs(history_dir(settings))                       # [RunInfo], oldest first
    diff = compare(load_run(folder, "20260105-0930"), load_run(folder, "20260112-1015"))
    diff.worse                                             # questions that went from ✓ to ✗

A run is a folder named by its id (local time, sortable): ``run.json`` (RunInfo and the rows left
out) and ``results.jsonl`` (one QuestionResult per question). It is written to a hidden folder and
renamed, so a listing never sees half a run.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reportqa.core.errors import ReportQAError
from reportqa.eval.metrics import Metrics
from reportqa.eval.results import QuestionResult, question_results
from reportqa.eval.rows import RowProblem

if TYPE_CHECKING:
    from reportqa.eval.runner import EvalRun

log = logging.getLogger(__name__)

RUN_FILE = "run.json"
RESULTS_FILE = "results.jsonl"


@dataclass(frozen=True)
class RunInfo:
    run_id: str
    finished_at: str  # ISO 8601, local time with its offset
    set_name: str
    set_file: str
    index_version: str
    embedder: str
    answer_mode: str
    feedback_cases: int  # 来自反馈 cases run with the set
    skipped_rows: int  # rows left out for a problem
    metrics: Metrics
    by_type: dict[str, Metrics]

    @property
    def label(self) -> str:
        """ "01-05 09:30 问题集": short enough for a chart axis and a picker."""
        finished = datetime.fromisoformat(self.finished_at)
        return f"{finished:%m-%d %H:%M} {self.set_name}"

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> RunInfo:
        fields = {**data, "metrics": Metrics(**data["metrics"])}
        fields["by_type"] = {t: Metrics(**m) for t, m in data["by_type"].items()}
        return cls(**fields)


@dataclass(frozen=True)
class StoredRun:
    info: RunInfo
    results: list[QuestionResult]
    problems: list[RowProblem]


def new_run_id(now: datetime | None = None) -> str:
    """ "20260105-093012481-3fa9": local time to the millisecond first, so ids sort by when the runs
    were made, two runs of one second included."""
    now = now or datetime.now().astimezone()
    return f"{now:%Y%m%d-%H%M%S}{now.microsecond // 1000:03d}-{secrets.token_hex(2)}"


def save_run(folder: Path, run: EvalRun) -> StoredRun:
    """Keep `run` (reportqa's side of it) in a new folder under `folder`."""
    now = datetime.now().astimezone()
    info = RunInfo(
        run_id=new_run_id(now),
        finished_at=now.isoformat(timespec="seconds"),
        set_name=run.set_name,
        set_file=str(run.set_path),
        index_version=run.index_version,
        embedder=run.embedder,
        answer_mode=run.answer_mode,
        feedback_cases=run.feedback_cases,
        skipped_rows=len(run.problems),
        metrics=run.ours.metrics,
        by_type=run.ours.by_type,
    )
    stored = StoredRun(info, question_results(run.ours.records, run.ours.verdicts), list(run.problems))
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{info.run_id}.tmp"
    tmp.mkdir()
    payload = {"info": info.to_json(), "problems": [p.to_json() for p in stored.problems]}
    (tmp / RUN_FILE).write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    lines = "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in stored.results)
    (tmp / RESULTS_FILE).write_text(lines, encoding="utf-8")
    os.replace(tmp, folder / info.run_id)
    return stored


def list_runs(folder: Path) -> list[RunInfo]:
    """Every kept run, oldest first; a run whose files cannot be read is logged and passed over."""
    if not folder.is_dir():
        return []
    runs = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not (path / RUN_FILE).is_file():
            continue
        try:
            runs.append(RunInfo.from_json(json.loads((path / RUN_FILE).read_text(encoding="utf-8"))["info"]))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("evaluation run %s cannot be read: %s", path, exc)
    return runs


def find_run_id(folder: Path, name: str) -> str:
    """The id of the run `name` names: its id, or the start of exactly one id ("20260105-0930")."""
    ids = [info.run_id for info in list_runs(folder)]
    if name in ids:
        return name
    matches = [i for i in ids if i.startswith(name)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise ReportQAError(f"{name}：对应多次运行（{'、'.join(matches[:5])}），请写得更完整")
    raise ReportQAError(f"{folder}：没有运行记录 {name}；`reportqa eval --history` 列出全部运行")


def load_run(folder: Path, name: str) -> StoredRun:
    path = folder / find_run_id(folder, name)
    try:
        data = json.loads((path / RUN_FILE).read_text(encoding="utf-8"))
        lines = (path / RESULTS_FILE).read_text(encoding="utf-8").splitlines()
        results = [QuestionResult.from_json(json.loads(line)) for line in lines if line.strip()]
        return StoredRun(RunInfo.from_json(data["info"]), results, [RowProblem.from_json(p) for p in data["problems"]])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ReportQAError(f"{path}：运行记录无法读取（{exc}）") from exc


@dataclass(frozen=True)
class Change:
    question: str
    before: QuestionResult
    after: QuestionResult


@dataclass(frozen=True)
class RunDiff:
    """What changed from run `a` to the later run `b`, question by question (matched by their text)."""

    a: RunInfo
    b: RunInfo
    worse: list[Change]  # ✓ -> ✗
    better: list[Change]  # ✗ -> ✓
    only_a: list[str]  # questions run in a but not in b
    only_b: list[str]


def compare(a: StoredRun, b: StoredRun) -> RunDiff:
    before = {r.question: r for r in a.results}
    after = {r.question: r for r in b.results}
    both = [q for q in after if q in before]
    return RunDiff(
        a.info,
        b.info,
        worse=[Change(q, before[q], after[q]) for q in both if before[q].passed and not after[q].passed],
        better=[Change(q, before[q], after[q]) for q in both if not before[q].passed and after[q].passed],
        only_a=[q for q in before if q not in after],
        only_b=[q for q in after if q not in before],
    )
