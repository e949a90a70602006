"""Which documents a question may be answered from: places, years, kinds and --doc patterns."""

from __future__ import annotations

from reportqa.core.models import NOT_FOUND, DocumentMeta
from reportqa.question.analysis import analyse
from reportqa.question.scope import YEAR_BOOST, scope_documents

METAS = {
    "sz/2020.md": DocumentMeta("深圳市2020年政府工作报告", "深圳市", 2020, "政府工作报告"),
    "sz/2021.md": DocumentMeta("深圳市2021年政府工作报告", "深圳市", 2021, "政府工作报告"),
    "gd/2021.md": DocumentMeta("广东省2021年政府工作报告", "广东省", 2021, "政府工作报告"),
    "nbs/2020.md": DocumentMeta("中华人民共和国2020年国民经济和社会发展统计公报", "全国", 2020, "统计公报"),
}


def _scope(question: str, **kwargs):
    return scope_documents(analyse(question), METAS, **kwargs)


def test_a_named_place_keeps_its_documents_and_its_province_keeps_its_cities() -> None:
    assert _scope("深圳市高新技术企业有多少家？").allowed == {"sz/2020.md", "sz/2021.md"}
    assert _scope("广东省地区生产总值是多少？").allowed == {"gd/2021.md"}


def test_a_place_no_document_covers_is_not_answered_and_the_covered_places_are_listed() -> None:
    scope = _scope("成都市2020年地区生产总值是多少？")
    assert scope.unavailable.startswith(NOT_FOUND + "成都市")
    assert "深圳市" in scope.unavailable and "广东省" in scope.unavailable


def test_a_year_boosts_that_years_documents_and_the_next_years_which_review_it() -> None:
    scope = _scope("深圳市2020年高新技术企业有多少家？")
    assert scope.allowed == {"sz/2020.md", "sz/2021.md"}
    assert scope.boost == {"sz/2020.md": YEAR_BOOST, "sz/2021.md": YEAR_BOOST}
    assert _scope("深圳市2020年政府工作报告里高企总量是多少？").allowed == {"sz/2020.md"}


def test_a_named_kind_of_document_keeps_documents_of_that_kind() -> None:
    assert _scope("国家统计局公报显示2020年国内生产总值是多少？").allowed == {"nbs/2020.md"}
    assert _scope("政府工作报告里高企有多少家？").allowed == {"sz/2020.md", "sz/2021.md", "gd/2021.md"}
    assert _scope("2020年政府工作报告里高企有多少家？").allowed == {"sz/2020.md"}  # "the 2020 report"


def test_doc_pattern_and_years_filters_and_their_messages() -> None:
    assert _scope("高企有多少家？", doc_filter="sz/*").allowed == {"sz/2020.md", "sz/2021.md"}
    assert "不存在" in _scope("高企有多少家？", doc_filter="不存在").unavailable
    assert _scope("高企有多少家？", years=[2021]).allowed == {"sz/2021.md", "gd/2021.md"}
    assert "2019" in _scope("高企有多少家？", years=[2019]).unavailable


def test_a_report_of_a_year_the_corpus_lacks_is_not_answered_and_the_years_it_has_are_listed() -> None:
    scope = _scope("深圳市2019年政府工作报告提出的地区生产总值增长目标是多少？")
    assert scope.unavailable == f"{NOT_FOUND}深圳市2019年的政府工作报告。现有深圳市政府工作报告的年份：2020年、2021年。"
    # the year of the figure may differ from the year of the report that states it
    assert _scope("深圳市2021年政府工作报告说2020年高企总量是多少？").allowed == {"sz/2021.md"}


def test_the_nation_keeps_to_national_documents_where_the_corpus_has_them() -> None:
    assert _scope("国家统计局2020年统计公报中粗钢产量是多少？").allowed == {"nbs/2020.md"}
    city_only = {d: m for d, m in METAS.items() if m.place != "全国"}
    assert scope_documents(analyse("全国科技活动周办了几届？"), city_only).allowed is None
