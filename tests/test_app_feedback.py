"""reportqa.app.feedback: one JSON line per rating, with question, answer, citations and time."""

from __future__ import annotations

import json

import pytest

from reportqa.app.feedback import record_feedback
from reportqa.core.models import Answer, Citation


def test_feedback_appends_jsonl(tmp_path):
    path = tmp_path / "fb" / "feedback.jsonl"
    citation = Citation(n=1, doc="a.txt", section="一", text="512家", start=0, end=4, score=0.5, highlight="512家")
    answer = Answer(question="那2015年呢？", answer="251家[1]", found=True, citations=[citation])
    record_feedback(
        path, rating="down", question="那2015年呢？", answer=answer, history=["2019年高新技术企业有多少家？"]
    )
    record_feedback(path, rating="up", question="q2", answer=answer)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["rating"] for r in lines] == ["down", "up"]
    first = lines[0]
    assert first["question"] == "那2015年呢？" and first["history"] == ["2019年高新技术企业有多少家？"]
    assert first["answer"] == "251家[1]" and first["citations"][0]["doc"] == "a.txt"
    assert first["timestamp"].endswith("+00:00")
    with pytest.raises(ValueError, match="rating"):
        record_feedback(path, rating="meh", question="q", answer=answer)  # type: ignore[arg-type]
