"""👍/👎 on answers, appended to a local JSONL file so that wrong answers can become eval cases.

record_feedback(settings.feedback_path, rating="down", question="…", answer=answer, history=[…])
read_feedback(settings.feedback_path)   # the 👎 records, newest first, for the evaluation page
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from reportqa.core.models import Answer

log = logging.getLogger(__name__)

_LOCK = threading.Lock()  # sessions run in threads of one process; keep lines whole


@dataclass(frozen=True)
class FeedbackEntry:
    """One rating as recorded: the question, what was answered and cited, and when."""

    timestamp: str  # ISO 8601, UTC
    rating: str
    question: str
    history: list[str]  # the questions before it in the conversation, oldest first
    answer: str
    found: bool
    citations: list[dict]  # Citation.to_json() of each

    @property
    def key(self) -> str:
        """Names the record among all others (the time has whole seconds only)."""
        return f"{self.timestamp} {self.question}"

    @property
    def local_time(self) -> str:
        return f"{datetime.fromisoformat(self.timestamp).astimezone():%Y-%m-%d %H:%M}"


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


def read_feedback(path: Path, rating: Literal["up", "down"] = "down") -> list[FeedbackEntry]:
    """The records with `rating`, newest first; a line that cannot be read is logged and passed over."""
    if not Path(path).is_file():
        return []
    entries = []
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if data["rating"] != rating:
                continue
            entries.append(
                FeedbackEntry(
                    timestamp=data["timestamp"],
                    rating=data["rating"],
                    question=data["question"],
                    history=list(data.get("history", [])),
                    answer=data.get("answer", ""),
                    found=bool(data.get("found", False)),
                    citations=list(data.get("citations", [])),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("%s:%d: feedback record cannot be read: %s", path, lineno, exc)
    return entries[::-1]
