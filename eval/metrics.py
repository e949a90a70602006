"""Accuracy metrics as pure functions over (question, answer, retrieved) records.

    record = Record(question, answer, retrieved=hits, latency_s=0.12)
    verdict = judge(record)
    metrics = summarize([record], [verdict])          # -> Metrics
    by_type = summarize_by_type([record], [verdict])  # -> {"table_number": Metrics, ...}

A question is answerable when it has evidence (unanswerable ones have `evidence == ""` and
`must_contain == []`). A passage *holds the evidence* when the evidence string lies inside its
`text` and, for a many-documents set (questions with a `"doc"` field), the passage comes from that doc.

Officials' sets (`eval/sheets.py`) quote no evidence: they say whether a question should be refused
(`"refuse"`), and a passage holds the evidence when one of the must_contain strings lies inside it
(from the 出处文档's doc, when the row names one).

Gold strings are compared as the documents are read: normalised (`language/normalise.py`), so a
"50％" copied from a raw file is the "50%" every passage and answer holds; evidence, line breaks aside.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from reportqa.core.models import Answer, Hit
from reportqa.language.normalise import normalise_text


@dataclass(frozen=True)
class Record:
    """One question put to one system: what it answered and what it retrieved (top 5)."""

    question: dict
    answer: Answer
    retrieved: list[Hit] = field(default_factory=list)
    latency_s: float = 0.0  # around `ask` only
    error: str = ""  # a ReportQAError raised by `ask`; the answer is then an empty refusal


@dataclass(frozen=True)
class Verdict:
    answerable: bool
    correct: bool  # answerable: every must_contain in the answer and found; unanswerable: not found
    refused: bool  # found is False
    hit_rank: int | None = None  # 1-based rank of the first retrieved passage holding the evidence
    cited: bool | None = None  # answerable only: a cited passage holds the evidence
    missing: tuple[str, ...] = ()  # must_contain strings absent from the answer
    # answerable only: correct, and every must_contain in the answer's first line (its direct answer),
    # not only in the passages it quotes below
    first_line: bool = False

    @property
    def failed(self) -> bool:
        return not self.correct or self.cited is False

    def reasons(self) -> list[str]:
        """Why the question failed, in words for the report (empty when it passed)."""
        out: list[str] = []
        if not self.answerable:
            if not self.refused:
                out.append("answered an unanswerable question")
            return out
        if self.refused:
            near_miss = "" if self.missing else ", though its text holds every expected string"
            out.append("refused an answerable question" + near_miss)
        if self.missing:
            out.append("missing " + ", ".join(self.missing))
        if self.cited is False:
            out.append("evidence not cited")
        if self.hit_rank is None:
            out.append("evidence not retrieved in top 5")
        return out

    def to_json(self) -> dict:
        return {**asdict(self), "missing": list(self.missing), "failed": self.failed}


@dataclass(frozen=True)
class Metrics:
    """Summary over a group of records. A rate is None when its group is empty."""

    n: int
    answerable: int
    unanswerable: int
    hit_at_1: float | None
    hit_at_5: float | None
    mrr: float | None
    answer_accuracy: float | None
    citation_accuracy: float | None
    refusal_accuracy: float | None
    false_refusal_rate: float | None
    latency_median_s: float | None
    latency_p95_s: float | None
    first_line_accuracy: float | None = None  # answerable questions answered in the first line (None: older runs)

    def to_json(self) -> dict:
        return asdict(self)


# the rates where higher is better: the ones a floor can be set on
RATE_METRICS = (
    "hit_at_1",
    "hit_at_5",
    "mrr",
    "answer_accuracy",
    "first_line_accuracy",
    "citation_accuracy",
    "refusal_accuracy",
)


def is_answerable(question: dict) -> bool:
    if "refuse" in question:  # an official's 应拒答
        return not question["refuse"]
    return bool(question.get("evidence"))


def holds_evidence(question: dict, doc_id: str, text: str) -> bool:
    """True when the question's evidence (else one of its must_contain strings) lies inside `text`,
    from the question's doc if it names one."""
    expected_doc = question.get("doc")
    if expected_doc is not None and doc_id != expected_doc:
        return False
    evidence = normalise_text(question.get("evidence", ""))
    if evidence:
        # line breaks aside: a hard-wrapped file is read with its paragraphs rejoined (ingest/wrapping.py),
        # and evidence copied from it keeps the file's breaks
        return evidence.replace("\n", "") in text.replace("\n", "")
    return "refuse" in question and any(s in text for s in _must_contain(question))


def _must_contain(question: dict) -> list[str]:
    return [normalise_text(s) for s in question.get("must_contain", [])]


def hit_rank(question: dict, retrieved: Sequence[Hit], k: int = 5) -> int | None:
    """1-based rank of the first of the top `k` passages holding the evidence, else None."""
    for rank, hit in enumerate(retrieved[:k], start=1):
        if holds_evidence(question, hit.chunk.doc_id, hit.chunk.text):
            return rank
    return None


def judge(record: Record) -> Verdict:
    question, answer = record.question, record.answer
    refused = not answer.found
    if not is_answerable(question):
        return Verdict(answerable=False, correct=refused, refused=refused)
    must_contain = _must_contain(question)
    missing = tuple(s for s in must_contain if s not in answer.answer)
    cited = any(holds_evidence(question, c.doc, c.text) for c in answer.citations)
    first_line = answer.answer.split("\n", 1)[0]
    return Verdict(
        answerable=True,
        correct=answer.found and not missing,
        refused=refused,
        hit_rank=hit_rank(question, record.retrieved),
        cited=cited,
        missing=missing,
        first_line=answer.found and not missing and all(s in first_line for s in must_contain),
    )


def _rate(flags: Sequence[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile (always one of `values`); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def summarize(records: Sequence[Record], verdicts: Sequence[Verdict]) -> Metrics:
    if len(records) != len(verdicts):
        raise ValueError(f"{len(records)} records but {len(verdicts)} verdicts")
    answerable = [v for v in verdicts if v.answerable]
    unanswerable = [v for v in verdicts if not v.answerable]
    latencies = [r.latency_s for r in records]
    return Metrics(
        n=len(verdicts),
        answerable=len(answerable),
        unanswerable=len(unanswerable),
        hit_at_1=_rate([v.hit_rank == 1 for v in answerable]),
        hit_at_5=_rate([v.hit_rank is not None for v in answerable]),
        mrr=(sum(1 / v.hit_rank for v in answerable if v.hit_rank) / len(answerable)) if answerable else None,
        answer_accuracy=_rate([v.correct for v in verdicts]),
        citation_accuracy=_rate([bool(v.cited) for v in answerable]),
        refusal_accuracy=_rate([v.refused for v in unanswerable]),
        false_refusal_rate=_rate([v.refused for v in answerable]),
        latency_median_s=statistics.median(latencies) if latencies else None,
        latency_p95_s=percentile(latencies, 95),
        first_line_accuracy=_rate([v.first_line for v in answerable]),
    )


def summarize_by_type(records: Sequence[Record], verdicts: Sequence[Verdict]) -> dict[str, Metrics]:
    """Metrics per question type, types in order of first appearance."""
    groups: dict[str, list[int]] = {}
    for i, record in enumerate(records):
        groups.setdefault(record.question.get("type", ""), []).append(i)
    return {qtype: summarize([records[i] for i in idx], [verdicts[i] for i in idx]) for qtype, idx in groups.items()}
