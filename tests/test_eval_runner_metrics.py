"""Eval metrics over hand-made (question, answer, retrieved) records."""

from __future__ import annotations

import pytest

from reportqa.core.models import Answer, Chunk, Citation, Hit
from reportqa.eval.metrics import Record, hit_rank, judge, percentile, summarize, summarize_by_type
from reportqa.eval.results import why_failed

SOURCE = "一、总体情况\n高新技术企业数（家）\n\t380\n\t512\n\t2019年度\n全市新增省级研发平台45家。\n其他内容。"


def _hit(fragment: str, doc: str = "a.txt") -> Hit:
    start = SOURCE.index(fragment)
    end = start + len(fragment)
    chunk = Chunk(f"{doc}#{start}-{end}", doc, start, end, fragment, "一、总体情况")
    return Hit(chunk=chunk, score=1.0)


def _cite(hit: Hit, n: int = 1) -> Citation:
    c = hit.chunk
    return Citation(n=n, doc=c.doc_id, section=c.section, text=c.text, start=c.start, end=c.end, score=hit.score)


TABLE = _hit("高新技术企业数（家）\n\t380\n\t512\n\t2019年度")
PLATFORMS = _hit("全市新增省级研发平台45家。")
OTHER = _hit("其他内容。")

Q_TABLE = {
    "id": "q1",
    "question": "2019年高新技术企业有多少家？",
    "answer": "512家",
    "must_contain": ["512"],
    "evidence": "高新技术企业数（家）\n\t380\n\t512",
    "type": "table_number",
    "section": "一、总体情况",
}
Q_PLATFORMS = {
    "id": "q2",
    "question": "新增多少家省级研发平台？",
    "answer": "45家",
    "must_contain": ["45家"],
    "evidence": "新增省级研发平台45家",
    "type": "text_number",
    "section": "一、总体情况",
}
Q_NONE = {
    "id": "q3",
    "question": "十四五目标是多少？",
    "answer": "文中未提及",
    "must_contain": [],
    "evidence": "",
    "type": "unanswerable",
    "section": "",
}


def _answer(text: str, found: bool, *cited: Hit) -> Answer:
    return Answer(question="?", answer=text, found=found, citations=[_cite(h, i + 1) for i, h in enumerate(cited)])


def test_correct_cited_answer_at_rank_two() -> None:
    record = Record(Q_TABLE, _answer("共512家[1]", True, TABLE), retrieved=[OTHER, TABLE, PLATFORMS])
    verdict = judge(record)
    assert verdict.correct and verdict.cited and not verdict.failed
    assert verdict.hit_rank == 2
    assert verdict.reasons() == []


def test_wrong_number_fails_answer_accuracy() -> None:
    """The case that must fail: the answer quotes the target (380), not the figure asked for (512)."""
    record = Record(Q_TABLE, _answer("目标为380家[1]", True, TABLE), retrieved=[TABLE])
    verdict = judge(record)
    assert not verdict.correct and verdict.failed
    assert verdict.missing == ("512",)
    assert verdict.cited is True  # the right passage, the wrong figure
    metrics = summarize([record], [verdict])
    assert metrics.answer_accuracy == 0.0
    assert metrics.citation_accuracy == 1.0
    assert metrics.hit_at_1 == 1.0


def test_must_contain_in_answer_but_not_found_is_wrong() -> None:
    verdict = judge(Record(Q_TABLE, _answer("512", False), retrieved=[]))
    assert not verdict.correct and verdict.refused
    assert verdict.reasons()[0] == "refused an answerable question, though its text holds every expected string"
    assert "evidence not retrieved in top 5" in verdict.reasons()


def test_correct_text_with_wrong_citation_fails_citation() -> None:
    verdict = judge(Record(Q_PLATFORMS, _answer("新增45家[1]", True, OTHER), retrieved=[OTHER]))
    assert verdict.correct
    assert verdict.cited is False and verdict.failed
    assert verdict.reasons() == ["evidence not cited", "evidence not retrieved in top 5"]


def test_gold_strings_copied_from_a_raw_file_are_read_as_the_documents_are() -> None:
    """A set's "45％" and "新增省级研发平台４５家" (full-width, as a raw file writes them) are the "45%" and
    "45家" of the normalised passages and answers."""
    hit = _hit("全市新增省级研发平台45家。")
    question = {**Q_PLATFORMS, "must_contain": ["４５家"], "evidence": "新增省级研发平台４５家"}
    verdict = judge(Record(question, _answer("新增45家[1]", True, hit), retrieved=[hit]))
    assert verdict.correct and verdict.cited and verdict.hit_rank == 1 and verdict.first_line


def test_evidence_copied_with_a_hard_wrapped_files_line_breaks_is_held_by_the_rejoined_passage() -> None:
    question = {**Q_PLATFORMS, "evidence": "新增省级研发平\n台45家"}
    verdict = judge(Record(question, _answer("新增45家[1]", True, PLATFORMS), retrieved=[PLATFORMS]))
    assert verdict.cited and verdict.hit_rank == 1


def test_unanswerable_refused_and_answered() -> None:
    refused = judge(Record(Q_NONE, _answer("文中未提及", False), retrieved=[OTHER]))
    answered = judge(Record(Q_NONE, _answer("目标为380家[1]", True, TABLE), retrieved=[TABLE]))
    assert refused.correct and refused.hit_rank is None and refused.cited is None
    assert not answered.correct
    assert answered.reasons() == ["answered an unanswerable question"]


def test_evidence_from_another_doc_is_no_hit_in_multi_set() -> None:
    question = {**Q_PLATFORMS, "doc": "b.txt"}
    assert hit_rank(question, [PLATFORMS]) is None
    assert hit_rank(question, [PLATFORMS, _hit("全市新增省级研发平台45家。", doc="b.txt")]) == 2
    # without a "doc" field any document counts
    assert hit_rank(Q_PLATFORMS, [PLATFORMS]) == 1


def test_an_officials_question_is_judged_by_its_must_contain_and_refuse_fields() -> None:
    """Officials' rows quote no evidence: a passage backs the answer when it holds a must_contain string."""
    question = {"question": "2019年高新技术企业有多少家？", "answer": "512家", "must_contain": ["512"], "refuse": False}
    right = judge(Record(question, _answer("512家[1]", True, TABLE), retrieved=[OTHER, TABLE]))
    assert right.answerable and right.correct and right.cited and right.hit_rank == 2
    wrong_source = judge(Record(question, _answer("512家[1]", True, PLATFORMS), retrieved=[PLATFORMS]))
    assert wrong_source.correct and wrong_source.cited is False and wrong_source.hit_rank is None
    # with a 出处文档 the passage must come from that document
    elsewhere = {**question, "doc": "b.txt"}
    assert judge(Record(elsewhere, _answer("512家[1]", True, TABLE), retrieved=[TABLE])).cited is False
    refuse = {"question": "2023年有多少家？", "answer": "", "must_contain": [], "refuse": True}
    assert judge(Record(refuse, _answer("文中未提及", False), retrieved=[TABLE])).correct
    assert not judge(Record(refuse, _answer("512家[1]", True, TABLE), retrieved=[TABLE])).correct


def test_why_a_question_failed_in_words_an_official_reads() -> None:
    assert why_failed(judge(Record(Q_TABLE, _answer("共512家[1]", True, TABLE), retrieved=[TABLE]))) == ""
    assert why_failed(judge(Record(Q_TABLE, _answer("目标为380家[1]", True, TABLE)))) == "回答中没有：512"
    refused_near = why_failed(judge(Record(Q_TABLE, _answer("512", False))))
    assert refused_near == "系统回答“文中未提及”（附带的最接近信息中其实有必含内容）"
    assert why_failed(judge(Record(Q_PLATFORMS, _answer("新增45家[1]", True, OTHER)))) == "引用的出处不含应有的内容"
    assert why_failed(judge(Record(Q_NONE, _answer("380家[1]", True, TABLE)))) == "应拒答，系统却作了回答"
    error = "QuestionError: 太长"
    assert why_failed(judge(Record(Q_NONE, _answer("", False))), error) == f"系统出错：{error}"


def test_hit_rank_looks_at_top_five_only() -> None:
    assert hit_rank(Q_PLATFORMS, [OTHER] * 5 + [PLATFORMS]) is None
    assert hit_rank(Q_PLATFORMS, [OTHER] * 4 + [PLATFORMS]) == 5


def test_summary_over_mixed_records() -> None:
    records = [
        Record(Q_TABLE, _answer("512家[1]", True, TABLE), retrieved=[TABLE], latency_s=0.1),  # right, rank 1
        Record(Q_PLATFORMS, _answer("文中未提及", False), retrieved=[OTHER, OTHER, PLATFORMS], latency_s=0.3),
        Record(Q_NONE, _answer("文中未提及", False), retrieved=[OTHER], latency_s=0.2),  # right refusal
        Record(Q_NONE, _answer("380家[1]", True, TABLE), retrieved=[TABLE], latency_s=0.4),  # wrong answer
    ]
    verdicts = [judge(r) for r in records]
    m = summarize(records, verdicts)
    assert (m.n, m.answerable, m.unanswerable) == (4, 2, 2)
    assert m.hit_at_1 == 0.5
    assert m.hit_at_5 == 1.0
    assert m.mrr == pytest.approx((1 + 1 / 3) / 2)
    assert m.answer_accuracy == 0.5
    assert m.citation_accuracy == 0.5
    assert m.refusal_accuracy == 0.5
    assert m.false_refusal_rate == 0.5
    assert m.latency_median_s == pytest.approx(0.25)
    assert m.latency_p95_s == 0.4

    by_type = summarize_by_type(records, verdicts)
    assert list(by_type) == ["table_number", "text_number", "unanswerable"]
    assert by_type["unanswerable"].n == 2
    assert by_type["unanswerable"].hit_at_5 is None  # excluded from retrieval metrics
    assert by_type["text_number"].answer_accuracy == 0.0


def test_empty_groups_give_none() -> None:
    m = summarize([], [])
    assert m.n == 0 and m.answer_accuracy is None and m.latency_p95_s is None


def test_percentile_is_nearest_rank() -> None:
    values = [float(i) for i in range(1, 21)]
    assert percentile(values, 95) == 19.0
    assert percentile(values, 50) == 10.0
    assert percentile([3.0], 95) == 3.0
