"""Accuracy floors per question set, checked by `reportqa eval --check-floors`.

The floors of a set live in ``floors.json`` beside it (``eval/sets/floors.json``), keyed by set name:

{"seed": {"answer_accuracy": 0.8, "refusal_accuracy": 0.9, "hit_at_5": 0.9}}

floors = load_floors(Path("eval/sets/seed.jsonl"))
problems = check_floors(run.ours.metrics, floors)   # [] when every metric is at or above its floor
"""

from __future__ import annotations

import json
from pathlib import Path

from reportqa.core.errors import ReportQAError
from reportqa.eval.metrics import RATE_METRICS, Metrics

FLOORS_FILE = "floors.json"


def load_floors(set_path: Path) -> dict[str, float]:
    """The floors of the set at `set_path`; raises ReportQAError naming the file for a missing set or bad entry."""
    set_path = Path(set_path)
    path = set_path.with_name(FLOORS_FILE)
    set_name = set_path.stem
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ReportQAError(f"{path}: cannot read floors: {exc}") from exc
    if set_name not in data:
        raise ReportQAError(f"{path}: no floors for set {set_name!r}; add an entry or drop --check-floors")
    floors = data[set_name]
    for metric, value in floors.items():
        if metric not in RATE_METRICS:
            raise ReportQAError(f"{path}: {set_name}.{metric}: unknown metric; use one of {', '.join(RATE_METRICS)}")
        if not isinstance(value, int | float) or not 0 <= value <= 1:
            raise ReportQAError(f"{path}: {set_name}.{metric}: floor must be a number in [0, 1], got {value!r}")
    return {metric: float(value) for metric, value in floors.items()}


def check_floors(metrics: Metrics, floors: dict[str, float]) -> list[str]:
    """One message per metric below its floor (or not measured); empty when all floors hold."""
    problems: list[str] = []
    for metric, floor in floors.items():
        value = getattr(metrics, metric)
        if value is None:
            problems.append(f"{metric} was not measured (no questions it applies to); floor {floor:.3f}")
        elif value < floor:
            problems.append(f"{metric} = {value:.3f} is below its floor {floor:.3f}")
    return problems
