"""A judged run as an official reads it: one row per question, ✓ or ✗ and why, in Chinese.

    rows = question_results(run.ours)      # -> [QuestionResult]
    rows[0].passed, rows[0].why            # False, "回答中没有：512"

The history keeps these rows (`eval/history.py`); the app's table and the results workbook
(`eval/export.py`) show them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from reportqa.core.models import NOT_FOUND, Citation
from reportqa.eval.metrics import Metrics, Record, Verdict, is_answerable

CITATION_CHARS = 160

# the summary an official sees: (Metrics field, label); refusal_accuracy is the share of the
# questions marked 应拒答 that were refused, false_refusal_rate the share of the others
SUMMARY_LABELS = (
    ("answer_accuracy", "答案准确率"),
    ("citation_accuracy", "引用准确率"),
    ("refusal_accuracy", "应拒答的拒答率"),
    ("false_refusal_rate", "误拒率"),
)


@dataclass(frozen=True)
class QuestionResult:
    id: str  # "问题!5" (sheet!row) for an official's set, the JSONL id for a developer's
    question: str
    type: str
    expected: str  # the 标准答案
    must_contain: list[str]
    should_refuse: bool
    answer: str  # what the system said
    found: bool  # False: the system said the documents do not answer
    first_citation: str  # "title · section：quoted passage", shortened
    passed: bool  # answered right (or refused rightly) and, when answerable, cited a passage that backs it
    answer_correct: bool
    cited: bool | None  # None for a question that should be refused
    why: str  # why it did not pass, in Chinese; "" when it passed
    error: str = ""

    @property
    def mark(self) -> str:
        """ "✓ 通过" or "✗ 未通过": the words too, as a lone ✗ is easy to miss in a long table."""
        return "✓ 通过" if self.passed else "✗ 未通过"

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> QuestionResult:
        return cls(**data)


def question_results(records: list[Record], verdicts: list[Verdict]) -> list[QuestionResult]:
    return [_result(r, v) for r, v in zip(records, verdicts, strict=True)]


def _result(record: Record, verdict: Verdict) -> QuestionResult:
    q, answer = record.question, record.answer
    return QuestionResult(
        id=str(q.get("id", "")),
        question=q["question"],
        type=q.get("type", ""),
        expected=q.get("answer", "") or (NOT_FOUND if not is_answerable(q) else ""),
        must_contain=list(q.get("must_contain", [])),
        should_refuse=not verdict.answerable,
        answer=answer.answer,
        found=answer.found,
        first_citation=citation_text(answer.citations[0]) if answer.citations else "",
        passed=not verdict.failed,
        answer_correct=verdict.correct,
        cited=verdict.cited,
        why=why_failed(verdict, record.error),
        error=record.error,
    )


def citation_text(citation: Citation) -> str:
    """《title》 · section：the passage, on one line and shortened."""
    head = " · ".join(part for part in (citation.title or citation.doc, citation.section) if part)
    text = " ".join(citation.text.split())
    if len(text) > CITATION_CHARS:
        text = text[: CITATION_CHARS - 1] + "…"
    return f"{head}：{text}"


def why_failed(verdict: Verdict, error: str = "") -> str:
    """Why a question did not pass, for an official; "" when it passed."""
    if error:
        return f"系统出错：{error}"
    if not verdict.answerable:
        return "" if verdict.refused else "应拒答，系统却作了回答"
    reasons = []
    if verdict.refused:
        near = "" if verdict.missing else "（附带的最接近信息中其实有必含内容）"
        reasons.append(f"系统回答“{NOT_FOUND}”{near}")
    elif verdict.missing:
        reasons.append("回答中没有：" + "、".join(verdict.missing))
    if verdict.cited is False and not verdict.refused:
        reasons.append("引用的出处不含应有的内容")
    return "；".join(reasons)


def rate_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def summary_rows(metrics: Metrics) -> list[tuple[str, str]]:
    """(label, value) pairs of the summary, with the question counts first."""
    counts = [
        ("问题数", str(metrics.n)),
        ("应回答", str(metrics.answerable)),
        ("应拒答", str(metrics.unanswerable)),
    ]
    return counts + [(label, rate_text(getattr(metrics, key))) for key, label in SUMMARY_LABELS]
