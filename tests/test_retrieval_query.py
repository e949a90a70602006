"""Question analysis: kinds, years, follow-ups, bad questions."""

from __future__ import annotations

import pytest

from reportqa.core.errors import QuestionError, UnclearFollowupError
from reportqa.question.analysis import analyse, answer_kind, find_plan_period, find_years, resolve_followup


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("2020年全市改造了多少个老旧小区？", "quantity"),
        ("全市科技创新能力为什么还不强？", "reason"),
        ("昆明国际创新中心是什么时候启用的？", "date"),
        ("兰州新区的建设主体是谁？", "name"),
        ("贵州建成了哪些国家区域医疗中心？", "list"),
        ("县里今年要办好的两件实事是什么？", "list"),  # so many things asked by their number
        ("新区规划的四大板块是哪四个？", "list"),
        ("县里准备通过哪些办法提高财政收入占比？", "list"),  # the ways, whatever they raise
        ("How many old residential compounds were renovated in 2020?", "quantity"),
        ("Why did industrial investment fall in 2020?", "reason"),
        ("What was Ningbo's fiscal revenue in 2022?", "quantity"),  # what names a measured thing
        ("What were the foreign exchange reserves at the end of 2020?", "quantity"),  # plural too
        ("What was the average PM2.5 concentration in 2020?", "quantity"),
        (
            "What was Ningbo's fiscal revenue in 2022 and its share of the total?",
            "open",
        ),  # two things asked: quotes answer
        ("how quickly did it rise (Ningbo's GDP in 2022)?", "quantity"),  # the second clause of one split in two
        ("What is the Belt and Road Initiative?", "open"),
        ("介绍一下滇中新区", "open"),
        ("2030年棉花产量定了什么目标？", "quantity"),  # a measure's target
        ("全县粮食总产量的目标是什么？", "quantity"),
        ("乡村振兴提出了什么目标？", "open"),
    ],
)
def test_answer_kind(question: str, kind: str) -> None:
    assert answer_kind(question) == kind


def test_years_arabic_and_chinese_numerals() -> None:
    assert find_years("2019年老旧小区改造") == (2019,)
    assert find_years("二〇一九年和2015年") == (2019, 2015)
    assert find_years("增长22.4%，达7154.2亿元") == ()
    assert find_years("How many in 2019?") == (2019,)
    # four digits in a unit are a figure, not a year: "达到2016公里", "2030人次"; a year right before a word that
    # opens with a unit's character is still a year ("2021人均收入")
    assert find_years("地铁总里程达到2016公里，通车前是多少？") == ()
    assert find_years("累计培训2030人次") == ()
    assert find_years("2021人均收入是多少") == (2021,)


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("18年全市技术合同成交额是多少？", (2018,)),
        ("截至21年底有多少家孵化器？", (2021,)),
        ("比99年增长了多少？", (1999,)),
        ("建区20年来有哪些变化？", ()),  # a span, not 2020
        ("近10年的平均增速是多少？", ()),
        ("规划实施第3年完成了多少？", ()),
    ],
)
def test_a_year_written_in_two_digits_is_a_year(question: str, years: tuple[int, ...]) -> None:
    assert analyse(question).years == years


def test_followup_carries_the_subject_over() -> None:
    history = ["2019年全市改造了多少个老旧小区？"]
    assert resolve_followup("那2018年呢？", history) == "2018年全市改造了多少个老旧小区？"
    assert resolve_followup("2018年的呢", history) == "2018年全市改造了多少个老旧小区？"
    # a question with its own subject stays as it is
    assert resolve_followup("2018年新建了多少座公共充电站？", history) == "2018年新建了多少座公共充电站？"


@pytest.mark.parametrize("question", ["那2018年呢？", "2018年的呢", "What about 2018?"])
def test_followup_opening_a_conversation_asks_what_it_refers_to(question) -> None:
    with pytest.raises(UnclearFollowupError) as asked:
        analyse(question)
    assert asked.value.code == "unclear_followup" and "2018年的哪一项内容" in asked.value.reason
    # a short question of its own is answered, not asked back
    assert analyse("2018年GDP？").text == "2018年GDP？"


def test_analyse_marks_targets_and_english() -> None:
    query = analyse("2021年老旧小区改造的目标是多少个？")
    assert query.wants_target and query.years == (2021,)
    # a target asked in the words of what is required, striven for or meant to be done
    assert all(analyse(q).wants_target for q in ("报告要求降到多少？", "今年争取达到多少？", "打算新建多少所学校？"))
    assert not analyse("去年新建了多少所学校？").wants_target
    assert analyse("How many charging stations were built in 2021?").is_english


def test_an_english_possessive_is_no_word_to_look_for() -> None:
    query = analyse("What was Zhengzhou's GDP in 2020?")
    assert query.is_english and "'s" not in query.text and query.places == ("郑州市",)
    assert query.original == "What was Zhengzhou's GDP in 2020?"  # what the official asked is kept
    assert "’s" not in analyse("How large was China’s population in 2023?").text


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
        ("“十三五”期间改造了多少个老旧小区？", (2016, 2020)),
        ("十四五规划的目标", (2021, 2025)),
        ("“十二五”以来", (2011, 2015)),
        ("targets of the 14th Five-Year Plan", (2021, 2025)),
        ("grain output in the Eighth Five-Year Plan", (1991, 1995)),  # the number in words
        ("the eleventh five-year plan", (2006, 2010)),
        # a plan's own title names it in full: its every passage speaks of its years
        ("中华人民共和国国民经济和社会发展第十二个五年规划纲要", (2011, 2015)),
        ("第十四个五年（2021－2025年）规划和2035年远景目标纲要", (2021, 2025)),
        ("第六个五年计划摘要", (1981, 1985)),
        ("第二个五年", None),
        ("三五成群", None),
        ("五五分成", None),
        ("2015年老旧小区改造", None),
    ],
)
def test_five_year_plan_periods(text: str, period: tuple[int, int] | None) -> None:
    assert find_plan_period(text) == period


def test_years_that_name_a_document_are_kept_apart_from_the_years_figures_are_for() -> None:
    query = analyse("按浙江省2021年政府工作报告，2020年一般公共预算收入有多少？")
    assert (query.years, query.document_years) == ((2020,), (2021,))
    assert analyse("2019年和2020年的国务院政府工作报告对居民消费价格涨幅的要求有何不同？").document_years == (
        2019,
        2020,
    )
    english = analyse("How much grain did Henan harvest in 2020 according to its 2021 government work report?")
    assert (english.years, english.document_years) == ((2020,), (2021,))
    assert analyse("2019年全市改造了多少个老旧小区？").document_years == ()
    # the plan a year's report lays out: "按照2017年的部署，…要在哪一年完成" asks no date of 2017
    deployed = analyse("按照2017年的部署，西部地区燃煤电厂超低排放改造要在哪一年完成？")
    assert (deployed.years, deployed.document_years) == ((), (2017,))
    # …but a year something was set out in is a year asked of ("2018年部署了哪些攻坚战")
    assert analyse("2018年部署的三大攻坚战是哪几项？").document_years == ()


def test_an_english_question_names_a_five_year_plan_as_chinese_does() -> None:
    # its years, not words a passage must hold: "Five-Year Plan" is no 五年计划 to look for
    query = analyse("What grain output did the Eighth Five-Year Plan aim for by 1995?")
    assert query.plan_period == (1991, 1995)
    assert "“八五”规划" in query.text and "Five-Year" not in query.text
    assert "“十二五”时期" in analyse("How fast did exports grow in the 12th Five-Year Plan period?").text


def test_what_asked_after_the_source_of_a_figure_asks_a_quantity() -> None:
    # my own question: the report named first, then "what was" the measured quantity
    assert analyse("According to the county's 2031 work report, what was its steel output in 2030?").kind == "quantity"
    assert analyse("According to the report, what measures were taken?").kind == "open"
