"""Comparisons of two places or two reports: split into one question per side, set side by side."""

from __future__ import annotations

from reportqa.answering.compare import side_by_side
from reportqa.core.models import Answer, Citation
from reportqa.question.comparison import split_comparison


def _citation(n: int, doc: str) -> Citation:
    return Citation(n=n, doc=doc, section="一、工作回顾", text="…", start=0, end=1, score=1.0)


def test_two_places_or_two_reports_make_one_question_each_and_others_none() -> None:
    places = split_comparison("2019年合肥和济南的地区生产总值谁更大？")
    assert places is not None and places.way == "大"
    assert [label for label, _ in places.sides] == ["合肥市", "济南市"]
    years = split_comparison("国务院2019年和2021年政府工作报告的GDP增长目标有什么不同？")
    assert years is not None and years.way == ""
    assert [q for _, q in years.sides] == [
        "国务院2019年政府工作报告的GDP增长目标是多少？",
        "国务院2021年政府工作报告的GDP增长目标是多少？",
    ]
    assert split_comparison("深圳市地区生产总值是多少？") is None
    assert split_comparison("认为门槛高的和认为政策不够的，哪个比例更高？") is None  # no two places or years


def test_side_by_side_renumbers_citations_and_says_which_is_more() -> None:
    comparison = split_comparison("2019年杭州和成都的地区生产总值哪个更高？")
    assert comparison is not None
    hangzhou = Answer("q1", "15373亿元（2019年）。\n全市地区生产总值完成15373亿元。[1]", True, [_citation(1, "杭州")])
    chengdu = Answer(
        "q2",
        "1.70万亿元（2019年）。\n实现地区生产总值1.70万亿元。[1]\n总量排名全国城市第7。[2]",
        True,
        [_citation(1, "成都"), _citation(2, "成都")],
    )
    answer = side_by_side("2019年杭州和成都的地区生产总值哪个更高？", comparison, [hangzhou, chengdu])
    lines = answer.answer.splitlines()
    assert lines[0] == "杭州市：15373亿元（2019年）[1]；成都市：1.70万亿元（2019年）[2]。成都市更高。"
    assert lines[1:] == [
        "全市地区生产总值完成15373亿元。[1]",
        "实现地区生产总值1.70万亿元。[2]",
        "总量排名全国城市第7。[3]",
    ]
    assert [(c.n, c.doc) for c in answer.citations] == [(1, "杭州"), (2, "成都"), (3, "成都")]
    assert answer.found

    missing = Answer("q2", "文中未提及成都市的相关内容。", False)
    partial = side_by_side("…", comparison, [hangzhou, missing])
    assert not partial.found and "成都市：文中未提及成都市的相关内容" in partial.answer and "更高" not in partial.answer
