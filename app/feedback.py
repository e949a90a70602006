"""👍/👎 on answers, appended to a local JSONL file so that wrong answers can become eval cases.

record_feedback(settings.feedback_path, rating="down", question="…", answer=answer, history=[…])
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from reportqa.core.models import Answer

_LOCK = threading.Lock()  # sessions run in threads of one process; keep lines whole


def record_feedback(
    path: Path,
    *,
    rating: Literal["up", "down"],
    question: str,
    answer: Answer,
    history: Sequence[str] = (),
    mode: str = "extractive",
    filters: dict | None = None,
) -> dict:
    """Append one JSON line (question, answer, citations, timestamp, rating) and return it."""
    if rating not in ("up", "down"):
        raise ValueError(f"rating must be 'up' or 'down', got {rating!r}")
    record = {
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "rating": rating,
        "question": question,
        "history": list(history),
        "mode": mode,
        "filters": filters or {},
        **{k: v for k, v in answer.to_json().items() if k != "question"},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(record, ensure_ascii=False) + "\n"
    with _LOCK, path.open("a", encoding="utf-8") as f:
        f.write(line)
    return record
