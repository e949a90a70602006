"""Changes between two figures: the two ends, their order and the difference."""

from __future__ import annotations

from reportqa.answering.change import ASKS_CHANGE, Passage, describe_change, figure_pair
from reportqa.language.quantities import unit_family


def _change(question: str, years: tuple[int, ...], passages: list[str], units=(), subject: str = "") -> str | None:
    forms = (subject,) if subject else ()
    pair = figure_pair(question, years, [Passage(p) for p in passages], units, subject=forms)
    return describe_change(*pair, question=question) if pair else None


def test_change_cues_are_questions_of_difference_not_of_amount() -> None:
    assert ASKS_CHANGE.search("种粮农民补贴资金从2007年到2012年增加了多少亿元？")
    assert ASKS_CHANGE.search("1980年计划停建缓建的大中型项目比1979年少多少个？")
    assert ASKS_CHANGE.search("新能源汽车保有量离100万辆的目标还差多少？")
    assert ASKS_CHANGE.search("新增就业比计划多出来多少人？") and ASKS_CHANGE.search("比上年多出多少家？")
    assert not ASKS_CHANGE.search("深圳市新能源汽车保有量是多少？")
    assert not ASKS_CHANGE.search("1979年停建、缓建了多少个大中型项目？")


def test_units_of_one_kind_share_a_family() -> None:
    assert unit_family("万元") == unit_family("亿元") == unit_family("万") == "元"
    assert unit_family("%") == "%" and unit_family("个百分点") == unit_family("百分点") == "个百分点"
    assert unit_family("家") == "家" and unit_family("万人") == "人"
    assert unit_family("") == ""  # "三次产业结构调整为4.1:36:59.9": no sum of money


def test_two_years_in_one_sentence_or_in_two() -> None:
    # national work report 2013
    one_sentence = [
        "建立健全种粮农民补贴制度和主产区利益补偿机制，补贴标准逐年提高，覆盖范围不断扩大，"
        "补贴资金从2007年的639亿元增加到2012年的1923亿元。"
    ]
    assert _change("种粮农民补贴资金从2007年到2012年增加了多少亿元？", (2007, 2012), one_sentence, {"亿元"}) == (
        "639亿元（2007年） → 1923亿元（2012年），增加1284亿元"
    )
    # national work report 1980: this year's plan first, last year's outcome second
    passages = [
        "1980年计划基本建设投资总额控制在500亿元，进一步停建、缓建大中型项目238个。",
        "1979年国家预算内和预算外的基本建设投资总额完成500亿元，停建、缓建了大中型项目295个。",
    ]
    assert _change("1980年计划停建缓建的大中型项目比1979年少多少个？", (1980, 1979), passages, {"个"}) == (
        "295个（1979年） → 238个（1980年），减少57个"
    )


def test_shares_change_by_percentage_points_and_money_keeps_its_magnitude() -> None:
    # 贵州省 work report 2026
    share = ["深入推进“3个100万”，常住人口城镇化率从2020年的53.2%提升到2025年的57.7%。"]
    assert _change("常住人口城镇化率从2020年到2025年提高了多少个百分点？", (2020, 2025), share) == (
        "53.2%（2020年） → 57.7%（2025年），提高4.5个百分点"
    )
    # 石家庄市 work report 2021: the year's target, then last year's outcome (beside a count in 件)
    money = ["2021年，全市技术合同成交总额达到120亿元。", "万人发明专利拥有量达到8.95件，技术合同成交额达到115亿元。"]
    assert _change("技术合同成交总额2021年的目标比上年增加多少？", (2021,), money) == (
        "115亿元 → 120亿元（2021年），增加5亿元"
    )


def test_a_figure_named_in_the_question_is_set_against_the_same_subject_only() -> None:
    # 深圳市 work reports 2020 and 2021: 7万辆 newly put on the road is not the stock of new-energy vehicles
    promoted = (
        "持续巩固提升空气质量，全面推广国六标准车用燃油，在公交车、出租车全部电动化的基础上，"
        "新推广新能源汽车近7万辆、纯电动泥头车3200辆，淘汰老旧车7万辆，完成全部燃气电厂降氮脱硝改造，"
        "船舶岸电使用率居全国首位。"
    )
    stock = "新能源汽车保有量达39.7万辆，居全球城市前列；"
    question = "新能源汽车保有量离2025年100万辆的目标还差多少？"
    answer = _change(question, (2025,), [promoted, stock], subject="新能源汽车保有量")
    assert answer == "39.7万辆 → 100万辆（2025年），相差60.3万辆"
    assert _change("离2025年100万辆的目标还差多少？", (2025,), [promoted], subject="新能源汽车保有量") is None


def test_the_two_ends_of_a_change_count_one_kind_of_thing() -> None:
    # a plan of my own: the first figure of each year is in another unit than the other's
    passages = [
        "2021年坚决守住800万亩粮食播种面积、300万吨粮食产量的底线。",
        "2020年粮食产量达到290万吨，增长2%。",
    ]
    assert _change("2021年的粮食产量目标比2020年多多少？", (2021, 2020), passages, ()) == (
        "290万吨（2020年） → 300万吨（2021年），增加10万吨"
    )


def test_a_yearly_average_asked_is_no_difference_of_two_levels() -> None:
    passages = ["城镇居民人均可支配收入2010年达到19109元。", "2015年达到31195元，年均实际增长7.7%。"]
    assert _change("2015年城镇居民人均可支配收入比2010年增加了多少？", (2015,), passages) is not None
    assert _change("2015年城镇居民人均可支配收入比2010年年均增长多少？", (2015,), passages) is None


def test_a_change_over_the_year_before_is_not_one_since_an_earlier_year() -> None:
    passages = ["全县地区生产总值由2015年的681亿元增至2020年的970亿元。"]
    assert _change("2020年全县地区生产总值比上年增长了多少？", (2020,), passages) is None
    assert _change("2020年全县地区生产总值比前一年增长了多少？", (2020,), passages) is None  # as a question says it
    since = _change("2020年全县地区生产总值比2015年增加了多少？", (2020,), passages)
    assert since is not None and since.endswith("增加289亿元")
    passages = ["2019年全县地区生产总值900亿元。", "2020年全县地区生产总值970亿元。"]
    assert (_change("2020年全县地区生产总值比上年增长了多少？", (2020,), passages) or "").endswith("增加70亿元")


def test_a_rows_cells_of_no_year_are_no_two_ends_of_a_change() -> None:
    # my own rows: cells of columns that are other things (城市, 农村), and cells of two years
    columns = [Passage("商品零售价格总水平：2.1；1.7；2.8", is_table_row=True)]
    assert figure_pair("商品零售价格总水平涨了多少？", (), columns) is None
    years = [Passage("粗钢产量（万吨）：2019 996；2020 1012", is_table_row=True)]
    pair = figure_pair("粗钢产量增加了多少？", (), years)
    assert pair is not None and describe_change(*pair) == "996（2019年） → 1012（2020年），增加16万吨"


def test_a_year_the_change_is_asked_from_is_its_earlier_end() -> None:
    # my own sentence: "从2016年起" sets 2016 as the base, and the other end is the later year the text implies
    passage = Passage("全县绿化覆盖率由2016年的38.5%提高到46.2%。", year=None, change_years=(2016, 2021))
    pair = figure_pair("全县绿化覆盖率从2016年起上升了几个百分点？", (2016,), [passage], {"个百分点"})
    assert pair is not None
    assert describe_change(*pair) == "38.5%（2016年） → 46.2%（2021年），提高7.7个百分点"
