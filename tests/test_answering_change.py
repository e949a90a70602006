"""Changes between two figures: the two ends, their order and the difference."""

from __future__ import annotations

from reportqa.answering.change import ASKS_CHANGE, describe_change, figure_pair
from reportqa.language.quantities import unit_family


def _change(question: str, years: tuple[int, ...], passages: list[str], units=(), subject: str = "") -> str | None:
    pair = figure_pair(question, years, [(p, False) for p in passages], units, subject=subject)
    return describe_change(*pair, question=question) if pair else None


def test_change_cues_are_questions_of_difference_not_of_amount() -> None:
    assert ASKS_CHANGE.search("2011年到2019年增加了多少家？")
    assert ASKS_CHANGE.search("2020年预计比2019年多多少家？")
    assert ASKS_CHANGE.search("离650家的目标还差多少？")
    assert not ASKS_CHANGE.search("2019年高新技术企业有多少家？")


def test_units_of_one_kind_share_a_family() -> None:
    assert unit_family("万元") == unit_family("亿元") == unit_family("万") == "元"
    assert unit_family("%") == unit_family("个百分点") == "%"
    assert unit_family("家") == "家" and unit_family("万人") == "人"


def test_two_years_in_one_sentence_or_in_two() -> None:
    one_sentence = ["总量从2011年203家一举跃升至2019年512家。"]
    assert _change("2011年到2019年增加了多少家？", (2011, 2019), one_sentence, {"家"}) == (
        "203家（2011年） → 512家（2019年），增加309家"
    )
    passages = ["经过培育，2020年入库企业预计超过700家。", "2019年，全市入库企业535家。"]
    assert _change("2020年预计比2019年多多少家？", (2020, 2019), passages, {"家"}) == (
        "535家（2019年） → 700家（2020年），增加165家"
    )


def test_shares_change_by_percentage_points_and_money_keeps_its_magnitude() -> None:
    share = ["比重从2011年的27.31%迅速攀升到2020年一季度的42.41%。"]
    assert _change("从2011年到2020年提高了多少个百分点？", (2011, 2020), share) == (
        "27.31%（2011年） → 42.41%（2020年），提高15.1个百分点"
    )
    money = ["2018年将范围扩大到9所高校，专项资金增至6000万元。", "2016年起，最初设置3000万财政专项资金。"]
    assert _change("专项资金2018年比最初增加了多少？", (2018,), money) == (
        "3000万（2016年） → 6000万元（2018年），增加3000万元"
    )


def test_a_figure_named_in_the_question_is_set_against_the_same_subject_only() -> None:
    passages = ["2020年入库科技型中小企业预计超过700家。", "高新技术企业总量从2011年203家跃升至2019年512家。"]
    answer = _change("高新技术企业离2020年650家的目标还差多少？", (2020,), passages, subject="高新技术企业")
    assert answer == "512家（2019年） → 650家（2020年），相差138家"
    assert _change("离2020年650家的目标还差多少？", (2020,), ["2020年预计超过700家。"], subject="高新技术企业") is None
