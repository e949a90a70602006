"""Question analysis: kinds, years, follow-ups, bad questions."""

from __future__ import annotations

import pytest

from reportqa.core.errors import QuestionError
from reportqa.question.analysis import analyse, answer_kind, find_plan_period, find_years, resolve_followup


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("2019年高新技术企业有多少家？", "quantity"),
        ("院士工作站为什么没达标？", "reason"),
        ("《规划》是什么时候发布的？", "date"),
        ("评估工作小组的组长是谁？", "name"),
        ("评估采用了哪些方式方法？", "list"),
        ("How many high-tech enterprises were there in 2019?", "quantity"),
        ("Why did the academician workstations miss the target?", "reason"),
        ("介绍一下校城融合", "open"),
    ],
)
def test_answer_kind(question: str, kind: str) -> None:
    assert answer_kind(question) == kind


def test_years_arabic_and_chinese_numerals() -> None:
    assert find_years("2019年高新技术企业") == (2019,)
    assert find_years("二〇一九年和2015年") == (2019, 2015)
    assert find_years("增长103.98%，共2.5亿元") == ()
    assert find_years("How many in 2019?") == (2019,)


def test_followup_carries_the_subject_over() -> None:
    history = ["2019年高新技术企业有多少家？"]
    assert resolve_followup("那2015年呢？", history) == "2015年高新技术企业有多少家？"
    assert resolve_followup("2015年的呢", history) == "2015年高新技术企业有多少家？"
    # a question with its own subject stays as it is
    assert resolve_followup("2015年研发经费投入是多少？", history) == "2015年研发经费投入是多少？"
    assert resolve_followup("那2015年呢？", []) == "那2015年呢？"


def test_analyse_marks_targets_and_english() -> None:
    query = analyse("2020年高新技术企业的目标数是多少？")
    assert query.wants_target and query.years == (2020,)
    assert analyse("How many high-tech enterprises in 2019?").is_english


@pytest.mark.parametrize("question", ["", "   ", "\n\t"])
def test_empty_question_names_the_field(question: str) -> None:
    with pytest.raises(QuestionError, match="question"):
        analyse(question)


def test_overlong_question_is_refused_with_its_length() -> None:
    with pytest.raises(QuestionError, match="10000"):
        analyse("高" * 10_000, max_chars=2000)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("“十三五”期间高新技术企业有多少家？", (2016, 2020)),
        ("十四五规划的目标", (2021, 2025)),
        ("“十二五”以来", (2011, 2015)),
        ("targets of the 14th Five-Year Plan", (2021, 2025)),
        ("三五成群", None),
        ("五五分成", None),
        ("2015年高新技术企业", None),
    ],
)
def test_five_year_plan_periods(text: str, period: tuple[int, int] | None) -> None:
    assert find_plan_period(text) == period


def test_years_that_name_a_document_are_kept_apart_from_the_years_figures_are_for() -> None:
    query = analyse("江苏省2020年政府工作报告中，2019年全省地区生产总值是多少？")
    assert (query.years, query.document_years) == ((2019,), (2020,))
    assert analyse("国务院2019年和2021年政府工作报告的GDP增长目标有什么不同？").document_years == (2019, 2021)
    english = analyse("What was Guangdong's GDP in 2019 according to its 2020 government work report?")
    assert (english.years, english.document_years) == ((2019,), (2020,))
    assert analyse("2019年高新技术企业有多少家？").document_years == ()
