"""👎 answers turned into test cases: the 来自反馈 set, which every later evaluation runs.

    case = add_feedback_case(feedback_set_path(settings), question="2019年高新技术企业有多少家？",
                             expected="512家", must_contain=["512"], feedback_key=entry.key)
    saved_feedback(feedback_set_path(settings))   # {feedback key: case id} of the 👎 already saved

One JSON line per case, in the officials' question schema (`eval/rows.py`); its type is 来自反馈, so
every run reports the cases as a group of their own.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from reportqa.eval.question_sets import FEEDBACK_SET
from reportqa.eval.sheets import EXPECTED, MUST_CONTAIN, QUESTION, QuestionSetError
from reportqa.eval.validate import load_questions

_LOCK = threading.Lock()  # app sessions are threads of one process: one case number each


def add_feedback_case(
    path: Path,
    *,
    question: str,
    expected: str,
    must_contain: list[str],
    refuse: bool = False,
    feedback_key: str = "",
) -> dict:
    """Append one case to the set at `path` and return it; QuestionSetError names an empty field."""
    question, expected = question.strip(), expected.strip()
    must_contain = [s.strip() for s in must_contain if s.strip()]
    if not question:
        raise QuestionSetError(f"“{QUESTION.name}”为空，请填写")
    if refuse and must_contain:
        raise QuestionSetError(f"应拒答的问题不用填写“{MUST_CONTAIN.name}”")
    if not refuse and not expected:
        raise QuestionSetError(f"“{EXPECTED.name}”为空，请填写正确的回答")
    if not refuse and not must_contain:
        raise QuestionSetError(f"“{MUST_CONTAIN.name}”为空，请填写回答中必须出现的数字或词语")
    with _LOCK:
        cases = feedback_cases(path)
        if any(c["question"] == question for c in cases):
            raise QuestionSetError(f"“{FEEDBACK_SET}”中已有这个问题：{question}")
        case = {
            "id": f"反馈-{len(cases) + 1:03d}",
            "question": question,
            "answer": expected,
            "must_contain": must_contain,
            "type": FEEDBACK_SET,
            "refuse": refuse,
            "source_doc": "",
            "feedback_key": feedback_key,  # the 👎 record it was made from
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(case, ensure_ascii=False) + "\n")
    return case


def feedback_cases(path: Path) -> list[dict]:
    """The cases saved so far (none before the first)."""
    return load_questions(path) if Path(path).is_file() else []


def saved_feedback(path: Path) -> dict[str, str]:
    """{key of the 👎 record: id of the case made from it}."""
    return {c["feedback_key"]: c["id"] for c in feedback_cases(path) if c.get("feedback_key")}
