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
    assert _scope("深圳市新能源汽车保有量是多少？").allowed == {"sz/2020.md", "sz/2021.md"}
    assert _scope("广东省粮食产量是多少？").allowed == {"gd/2021.md"}


def test_the_place_whose_documents_were_chosen_is_settled_but_a_province_read_in_its_cities_is_not() -> None:
    assert {"深圳", "深圳市"} <= _scope("深圳市新能源汽车保有量是多少？").settled_words
    assert _scope("新能源汽车保有量是多少？").settled_words == frozenset()
    cities_only = {d: m for d, m in METAS.items() if m.place == "深圳市"}
    scope = scope_documents(analyse("广东省新能源汽车保有量是多少？"), cities_only)
    assert scope.allowed is None and scope.settled_words == frozenset()  # 广东省 may still be named in the text


def test_a_place_no_document_covers_is_not_answered_and_the_covered_places_are_listed() -> None:
    scope = _scope("昆明市2020年新增了多少座公共充电站？")
    assert scope.unavailable.startswith(NOT_FOUND + "昆明市")
    assert "深圳市" in scope.unavailable and "广东省" in scope.unavailable


def test_a_place_without_documents_is_read_in_the_national_document_a_question_names() -> None:
    # my own questions: the communiqué named is the nation's, of which 昆明 is a subject; a report named as
    # 昆明's own is not there
    scope = _scope("按2020年统计公报，昆明新增了多少座公共充电站？")
    assert not scope.unavailable and scope.allowed == {"nbs/2020.md"}
    assert scope.settled_words == frozenset()  # the place must still be named in the passage
    assert _scope("昆明市2020年统计公报里新增了多少座公共充电站？").unavailable.startswith(NOT_FOUND + "昆明市")
    assert _scope("昆明2020年建成了多少座公共充电站？").unavailable.startswith(NOT_FOUND + "昆明市")


def test_a_city_without_documents_of_its_own_is_read_in_its_provinces() -> None:
    scope = _scope("广州市2021年新增了多少座公共充电站？")
    assert not scope.unavailable and scope.allowed == {"gd/2021.md"}
    assert scope.settled_words == frozenset()  # the city must still be named in the passage


def test_a_year_boosts_that_years_documents_and_the_next_years_which_review_it() -> None:
    scope = _scope("深圳市2020年进出口总额是多少？")
    assert scope.allowed == {"sz/2020.md", "sz/2021.md"}
    assert scope.boost == {"sz/2020.md": YEAR_BOOST, "sz/2021.md": YEAR_BOOST}
    assert _scope("深圳市2020年政府工作报告里新能源汽车保有量是多少？").allowed == {"sz/2020.md"}


def test_a_named_kind_of_document_keeps_documents_of_that_kind() -> None:
    assert _scope("统计公报里2020年末民用汽车保有量是多少？").allowed == {"nbs/2020.md"}
    assert _scope("政府工作报告里新能源汽车保有量是多少？").allowed == {"sz/2020.md", "sz/2021.md", "gd/2021.md"}
    assert _scope("2020年政府工作报告里新能源汽车保有量是多少？").allowed == {"sz/2020.md"}  # "the 2020 report"


def test_a_named_plan_keeps_the_plan_of_its_period_where_the_corpus_holds_it() -> None:
    plans = {
        **METAS,
        "plan/2016.md": DocumentMeta("中华人民共和国国民经济和社会发展第十三个五年规划纲要", "全国", 2016, "规划纲要"),
        "plan/2021.md": DocumentMeta("中华人民共和国国民经济和社会发展第十四个五年规划纲要", "全国", 2021, "规划纲要"),
    }
    ask = lambda question: scope_documents(analyse(question), plans).allowed  # noqa: E731
    assert ask("十三五规划要求最低工资标准每年提高多少？") == {"plan/2016.md"}  # not a 2020 report's targets
    assert ask("“十四五”规划对城镇化率提出了什么目标？") == {"plan/2021.md"}
    assert ask("What share should R&D reach under the 14th Five-Year Plan?") == {"plan/2021.md"}
    # the plan's years, not the plan: any document may speak of them
    assert ask("十三五时期深圳市地区生产总值年均增长多少？") == {"sz/2020.md", "sz/2021.md"}
    assert ask("十三五规划期间粮食产量年均增长多少？") is None
    # a plan named by its title, which holds a year that is not its own
    titled = {**plans, "plan/2031.md": DocumentMeta("“十六五”规划和二〇四五年远景目标纲要", "全国", 2031, "规划纲要")}
    question = "“十六五”规划和2045年远景目标纲要对粮食产量定了什么目标？"
    assert scope_documents(analyse(question), titled).allowed == {"plan/2031.md"}
    # a plan the corpus lacks restricts nothing
    assert scope_documents(analyse("十三五规划提出了哪些目标？"), METAS).allowed is None


def test_doc_pattern_and_years_filters_and_their_messages() -> None:
    assert _scope("进出口总额是多少？", doc_filter="sz/*").allowed == {"sz/2020.md", "sz/2021.md"}
    assert "不存在" in _scope("进出口总额是多少？", doc_filter="不存在").unavailable
    assert _scope("进出口总额是多少？", years=[2021]).allowed == {"sz/2021.md", "gd/2021.md"}
    assert "2019" in _scope("进出口总额是多少？", years=[2019]).unavailable


def test_a_report_of_a_year_the_corpus_lacks_is_not_answered_and_the_years_it_has_are_listed() -> None:
    scope = _scope("深圳市2019年政府工作报告对新能源汽车推广提了什么要求？")
    assert scope.unavailable == f"{NOT_FOUND}深圳市2019年的政府工作报告。现有深圳市政府工作报告的年份：2020年、2021年。"
    scope = _scope("广东省2019年政府工作报告安排了哪些民生实事？")
    assert scope.unavailable == f"{NOT_FOUND}广东省2019年的政府工作报告。现有广东省政府工作报告的年份：2021年。"
    # the year of the figure may differ from the year of the report that states it
    assert _scope("按深圳市2021年政府工作报告，2020年进出口总额有多少？").allowed == {"sz/2021.md"}


def test_the_nation_keeps_to_national_documents_where_the_corpus_has_them() -> None:
    assert _scope("国家统计局发布的2020年快递业务量是多少？").allowed == {"nbs/2020.md"}
    city_only = {d: m for d, m in METAS.items() if m.place != "全国"}
    assert scope_documents(analyse("全国双创活动周办了几届？"), city_only).allowed is None
