"""Figures, their years, dates and table-row cells."""

from __future__ import annotations

import pytest

from reportqa.answering.figures import (
    changes_over_year,
    comparison_years,
    figure_stances,
    find_dates,
    find_figures,
    level_before_change,
    part_of_year,
    present_year,
    respective_subjects,
    years_covered,
)
from reportqa.answering.tables import parse_statement
from reportqa.language.quantities import unit_family


def _figures(text: str) -> list[tuple[str, int | None]]:
    return [(f.text, f.year) for f in find_figures(text)]


def test_a_year_binds_the_figure_right_after_it() -> None:
    assert _figures("全市高新技术企业由2015年的251家增加到512家，增长103.98%。") == [
        ("251家", 2015),
        ("512家", None),
        ("103.98%", None),
    ]
    assert _figures("总量从2011年203家一举跃升至2019年512家。") == [("203家", 2011), ("512家", 2019)]


def test_a_change_over_a_span_of_years_named_starts_in_its_first_year() -> None:
    # "A年到B年，…从X提升到Y": X is of A, Y of B (X was bound to B, the last year named before it)
    text = "2020年到2025年，全省工业投资占固定资产投资比重从17.9%提升到35.5%，工业税收占比从34.6%提升到49%。"
    assert _figures(text) == [("17.9%", 2020), ("35.5%", 2025), ("34.6%", 2020), ("49%", 2025)]


def test_a_year_opening_the_sentence_applies_to_its_figures_and_to_changes_since_an_earlier_one() -> None:
    figures = _figures("2018年，全市研发经费投入总额达到133.68亿元，占GDP的比重为2.63%，比2015年分别增长了51.56%。")
    assert figures == [("133.68亿元", 2018), ("2.63%", 2018), ("51.56%", 2018)]
    # with no year of its own, a change against a year is of no year
    assert _figures("研发投入比2015年增长了51.56%。") == [("51.56%", None)]


def test_a_month_of_a_year_named_against_the_documents_own_is_a_date() -> None:
    assert [d for d, _s, _e in find_dates("部长于去年9月到我市调研，今年3月5日起施行新规")] == ["去年9月", "今年3月5日"]


def test_tenths_are_a_share() -> None:
    assert [(f.text, f.family, f.amount) for f in find_figures("民生支出占比每年均超七成，八成以上")] == [
        ("七成", "%", 70.0),
        ("八成以上", "%", 80.0),
    ]
    assert find_figures("建成、完成和形成") == []


def test_figures_listed_before_one_unit_share_it() -> None:
    assert _figures("两类企业占比分别提高1.5和2.7个百分点") == [("1.5个百分点", None), ("2.7个百分点", None)]
    assert [(f.text, f.amount) for f in find_figures("投资分别为3、4.5亿元")] == [("3亿元", 3e8), ("4.5亿元", 4.5e8)]
    # a decimal before "、" is a figure of a list; a whole number there opens a point
    assert _figures("分别增长6.1、7.3%") == [("6.1%", None), ("7.3%", None)]
    assert _figures("1、加强组织领导") == []


def test_codes_dates_and_list_markers_are_not_figures() -> None:
    assert _figures("（淄政办字〔2018〕163号）") == []
    assert _figures("1、7月23日-7月31日，开展评估") == []
    assert find_dates("1、7月23日-7月31日，开展评估")[0][0] == "7月23日-7月31日"
    assert find_dates("《规划》于2017年8月22日发布")[0][0] == "2017年8月22日"


def test_a_number_in_a_name_is_not_a_figure_and_a_concentration_has_its_unit() -> None:
    text = "全年细颗粒物（PM2.5）平均浓度从2015年的60微克/立方米降至39微克/立方米。"
    assert [(f.text, f.unit, f.year) for f in find_figures(text, change_years=(2015, 2020))] == [
        ("60微克/立方米", "微克/立方米", 2015),
        ("39微克/立方米", "微克/立方米", 2020),
    ]
    # a subscript as markdown writes it
    assert [f.text for f in find_figures("PM_2.5浓度下降19%，CO_2排放下降5%")] == ["19%", "5%"]


def test_the_number_of_a_table_or_chart_is_not_a_figure() -> None:
    assert find_figures("表6 2019年规模以上工业主要产品产量") == []
    assert [f.text for f in find_figures("见附表3，新增示范企业12家，图2为各县情况")] == ["12家"]


def test_a_bare_magnitude_right_after_people_counts_them() -> None:
    figures = find_figures("农村贫困人口减少1240万，城镇新增就业30万，居民人均可支配收入3.2万。")
    assert [(f.text, unit_family(f.unit)) for f in figures] == [("1240万", "人"), ("30万", "人"), ("3.2万", "元")]


def test_approximate_figures_keep_their_wording() -> None:
    assert _figures("投入市级科技资金6.6亿余元，立项700余项") == [("6.6亿余元", None), ("700余项", None)]


def test_years_covered_expands_ranges() -> None:
    assert years_covered("2016-2019年，全市共投入") == {2016, 2017, 2018, 2019}
    assert years_covered("重点工作实施周期为2016年至2020年") >= {2016, 2018, 2020}


def test_table_statement_cells_know_their_year_and_sense() -> None:
    cells = parse_statement("高新技术企业数（家）：2020年目标数 380；目前完成数 512；备注 2019年度")
    target, actual = cells
    assert (target.value, target.year, target.is_target, target.unit) == ("380", 2020, True, "家")
    assert (actual.value, actual.year, actual.is_target, actual.unit) == ("512", 2019, False, "家")
    assert actual.describe() == "目前完成数，2019年度"
    assert parse_statement("不是表格行") == []


def test_counts_in_chinese_numerals_are_figures_but_ordinals_and_plan_names_are_not() -> None:
    assert _figures("综合运用其中的两种以上方式进行") == [("两种以上", None)]
    assert _figures("先后出台了十余项创新政策，已连续举办十八届论坛") == [("十余项", None), ("十八届", None)]
    assert _figures("一是高层次人才匮乏，建立一个平台，第三届论坛，“十三五”期间") == []


def test_amounts_and_shares_in_chinese_numerals_keep_their_magnitude_and_decimals() -> None:
    # older plans write whole amounts in words: "二亿九千万千瓦" is 2.9亿, "二点二吨" not 二吨
    text = "二〇〇〇年全国发电装机总容量达到二亿九千万千瓦，国民生产总值从五万七千六百亿元增加到八万五千亿元。"
    assert [(f.text, f.amount) for f in find_figures(text)] == [
        ("二亿九千万千瓦", 2.9e8 * 1e3),
        ("五万七千六百亿元", 5.76e12),
        ("八万五千亿元", 8.5e12),
    ]
    assert _figures("由一九九五年的二点二吨标准煤下降到二〇〇〇年的一点七吨标准煤") == [
        ("二点二吨标准煤", 1995),
        ("一点七吨标准煤", 2000),
    ]
    shares = find_figures("第二产业年均增长百分之十七点三，出生率千分之十五")
    assert [(f.text, f.unit, f.amount) for f in shares] == [("百分之十七点三", "%", 17.3), ("千分之十五", "‰", 15.0)]
    assert _figures("亿万农民，万人空巷") == []


def test_row_units_come_from_the_header_or_a_unit_cell() -> None:
    def units(statement: str) -> list[tuple[str, str]]:
        return [(c.value, c.unit) for c in parse_statement(statement)]

    assert units("粗钢：单位 万吨；产量 106476.7；比上年增长（%） 7.0") == [("106476.7", "万吨"), ("7.0", "%")]
    assert units("货物进出口总额：金额（亿元） 315505；比上年增长（%） 3.4") == [("315505", "亿元"), ("3.4", "%")]
    assert units("高新技术企业数（家）：2020年目标数 380；目前完成数 512") == [("380", "家"), ("512", "家")]


def test_a_year_in_chinese_numerals_is_a_year_and_binds_its_figures() -> None:
    # older plans write their years digit by digit ("一九七六年")
    assert years_covered("一九七六年的工农业生产，几乎没有增长。") == {1976}
    assert _figures("一九八五年钢产量达到六千万吨") == [("六千万吨", 1985)]
    assert years_covered("十八届三中全会") == set()


def test_figures_keep_the_units_reports_write_them_in() -> None:
    # 湖北省 2021 work report; a unit left out would read "545亿" as a sum of money
    assert _figures("粮食再获丰收，总产量545亿斤。城镇新增就业75万人。") == [("545亿斤", None), ("75万人", None)]
    assert [f.family for f in find_figures("总产量545亿斤，建成高标准农田331万亩，装机1.2万千瓦")] == ["斤", "亩", "瓦"]
    # 西藏自治区 2021 work report: 每千人 says per how many, it is no count
    assert _figures("每千人床位数从4.5张增至4.9张，1.7万亿元，5千元") == [
        ("4.5张", None),
        ("4.9张", None),
        ("1.7万亿元", None),
        ("5千元", None),
    ]


def test_this_year_and_last_year_resolve_against_the_documents_date() -> None:
    from reportqa.answering.figures import relative_years, years_since

    # a 2020 report's heading and sentences; "比上年" compares, it does not speak of the year before
    assert relative_years("一、2019年和今年以来工作回顾", 2020) == {2020}
    assert relative_years("去年，31个贫困县摘帽退出", 2020) == {2019}
    assert relative_years("地区生产总值比上年增长6%，上年末为8万人", 2020) == set()
    assert relative_years("今年以来", None) == set()
    # 西藏自治区 2021 work report: "2018年以来化解存量债务254.2亿元" speaks of 2018 to 2021
    assert years_since("2018年以来化解存量债务254.2亿元", 2021) == {2019, 2020, 2021}
    assert relative_years("2018年以来化解存量债务254.2亿元", 2021) == set()  # 2018 is named, not relative
    assert years_since("2018年以来", None) == set()


def test_now_in_a_dated_document_is_its_year() -> None:
    # sentences of the 广州市 work report 2020
    assert present_year("目前我市正在推进的有2个：一个由中山大学附属第八医院与生物岛实验室共建，", 2020) == {2020}
    assert present_year("加快广州东站改扩建、广州南站至广州站联络线等项目前期工作，", 2020) == set()  # 项目前期
    assert present_year("目前我市正在推进的有2个", None) == set()


def test_a_change_from_one_level_to_another_starts_the_year_before_the_period_looked_back_on() -> None:
    from reportqa.answering.figures import change_years, period_spoken_of

    # 郑州 2021 work report: "五年来，…" opens the paragraph of "…从26253.5元提高到37274.8元"
    assert period_spoken_of("五年来，民生社会事业繁荣兴盛", 2021) == (2016, 2020)
    assert period_spoken_of("过去三年，", 2021) == (2018, 2020)
    assert period_spoken_of("“十三五”时期，", None) == (2016, 2020)
    assert period_spoken_of("五年来，", None) is None  # no date to count back from
    assert period_spoken_of("2020年，全市生产总值完成12003亿元", 2021) is None
    sentence = "民生支出年均增长5.6%，居民人均可支配收入从26253.5元提高到37274.8元、年均增长7.3%。"
    change = change_years(sentence, (2016, 2020))
    assert change == (2015, 2020)
    figures = [(f.text, f.year) for f in find_figures(sentence, change_years=change)]
    assert figures == [("5.6%", None), ("26253.5元", 2015), ("37274.8元", 2020), ("7.3%", None)]
    assert change_years("基本医疗保险参保人数760万人。", (2016, 2020)) is None  # no change from–to
    assert change_years(sentence, None) is None
    # a year the text gives is kept: "由2015年的251家增加到512家"
    bound = find_figures("由2013年的251家增加到512家", change_years=(2015, 2020))
    assert [(f.text, f.year) for f in bound] == [("251家", 2013), ("512家", 2020)]


def test_a_date_in_chinese_numerals_is_a_date() -> None:
    # 郑州 2021's title page
    assert find_dates("二〇二一年一月三十日在郑州市第十五届人民代表大会第四次会议上") == [
        ("二〇二一年一月三十日", 0, 10)
    ]
    assert find_dates("一九五四年九月") == [("一九五四年九月", 0, 7)]
    assert find_dates("第十五届人民代表大会") == []


def _respective_things(text: str) -> dict[str, str]:
    """Each figure of an "A、B分别…X、Y" list, as written, and the thing it is said of."""
    return {f.text: thing for f, (thing, _) in respective_subjects(text, find_figures(text)).items()}


def test_a_word_for_two_things_with_two_figures_lists_them_in_turn_without_fenbie() -> None:
    # "城乡…达到X和Y": 城镇 then 农村, and a later "分别" that lists nothing of its own goes on with them
    text = "城乡居民人均可支配收入达到5.2万元和2.9万元，年均分别增长6.8%和7.9%。"
    things = _respective_things(text)
    assert things == {
        "5.2万元": "城镇居民人均可支配收入达到",
        "2.9万元": "农村居民人均可支配收入达到",
        "6.8%": "城镇居民人均可支配收入达到",
        "7.9%": "农村居民人均可支配收入达到",
    }
    # one figure said after another is no list
    assert _respective_things("进出口总额达到3223.5亿美元，增长1%。") == {}


def test_the_things_listed_in_the_clause_before_one_that_says_when_take_its_figures() -> None:
    text = "高新技术企业和科技型中小企业，2022年分别达到820家和1600家，分别增长12%和15%。"
    things = _respective_things(text)
    assert things == {
        "820家": "高新技术企业",
        "1600家": "科技型中小企业",
        "12%": "高新技术企业",
        "15%": "科技型中小企业",
    }


def test_a_year_opening_a_respective_list_is_no_part_of_its_first_thing() -> None:
    text = "二〇〇〇年广播和电视人口覆盖率分别达到百分之八十五和百分之九十。"
    assert _respective_things(text) == {"百分之八十五": "广播", "百分之九十": "电视人口覆盖率"}
    assert _respective_things("2020年城镇和农村低保标准分别提高14.5%和22%")["14.5%"] == "城镇"


def test_a_year_compared_with_is_not_a_year_the_figures_are_of() -> None:
    # "…是2015年的1.72倍" measures this year's figure against 2015's
    assert comparison_years("地区生产总值达到1200亿元，是2015年的1.6倍，年均增长8%") == {2015}
    assert comparison_years("一般公共预算收入比2015年增长40%") == {2015}
    assert comparison_years("2015年地区生产总值为750亿元") == set()


def test_a_time_within_a_year_is_a_date() -> None:
    # when a plan is to be done, or which part of a year a figure is for
    assert [d for d, _s, _e in find_dates("力争上半年完成验收，年底前全面投运")] == ["上半年", "年底前"]
    assert [d for d, _s, _e in find_dates("从今年秋季起免除学杂费")] == ["今年秋季"]
    assert [d for d, _s, _e in find_dates("比重攀升到2021年一季度的38.5%")] == ["2021年一季度"]
    assert [d for d, _s, _e in find_dates("2021年3月5日")] == ["2021年3月5日"]


def test_the_months_of_a_part_of_a_year_are_no_figures() -> None:
    assert _figures("1-11月，实现利润12.5亿元") == [("12.5亿元", None)]


@pytest.mark.parametrize(
    ("text", "figure", "part"),
    [
        ("1-11月，全县规模以上工业企业实现利润12.5亿元", "12.5亿元", "1-11月"),
        ("一季度下降6.8%，全年增长2.3%", "6.8%", "一季度"),
        ("一季度下降6.8%，全年增长2.3%", "2.3%", ""),  # the whole year's, said so
        ("前三季度增长5%。全年增长3%", "3%", ""),  # the part said ends with its sentence
        ("1-12月完成投资80亿元", "80亿元", ""),  # the twelve months are the year
        ("2020年实现利润100亿元", "100亿元", ""),
    ],
)
def test_the_part_of_a_year_a_figure_is_said_of(text: str, figure: str, part: str) -> None:
    assert part_of_year(text, text.index(figure)) == part


@pytest.mark.parametrize(
    ("text", "level", "before"),
    [
        ("全县电力装机达980万千瓦、增长9.1%，供应平稳。", "980万千瓦", 898.3),
        ("城镇化率达到61.2%左右，提高1.5个百分点。", "61.2%", 59.7),
        ("新增专项债券额度46.3亿元，同比增长71%。", "46.3亿元", 27.1),
        ("粮食产量下降到120万吨，比上年减少8万吨。", "120万吨", 128.0),
        # the n levels listed take the n changes listed in turn
        ("养老、医疗保险参保人数分别达到17.3万人、24.8万人，较上年净增6.3万人、5.2万人。", "24.8万人", 19.6),
        ("钢产量达到一千一百万吨，比上年增长10%。", "一千一百万吨", 1e7),  # a level in words, in its own unit
        # levels listed, then "分别" and their changes
        ("全县接待游客820万人次、旅游收入96亿元，分别增长12%、15.5%。", "96亿元", 83.1),
        # what the level counts between it and its change over the year before; people in 名 and 人 alike
        ("3.2万名技能人才来县就业，比上年增加0.4万人。", "3.2万名", 2.8),
        # a change in another magnitude of the level's unit
        ("拟发行专项债券2.6亿元、比上年增加3000万元。", "2.6亿元", 2.3),
        # the change over the year first, then the level it came to
        ("税收收入比上年增加12亿元，占比稳步提高，达到86亿元。", "86亿元", 74.0),
    ],
)
def test_a_level_and_its_change_over_the_year_before_give_that_years_level(
    text: str, level: str, before: float
) -> None:
    changes = changes_over_year(text, find_figures(text))
    figure = next(f for f in changes if f.text == level)
    assert round(level_before_change(figure, changes[figure]), 1) == before


@pytest.mark.parametrize(
    "text",
    [
        "地区生产总值达到880亿元，比2015年增长36.6%。",  # since a year named, not the year before
        "地区生产总值达到880亿元，年均增长6.5%。",  # a yearly average
        "城镇化率达到61.2%，增长1.5%。",  # a rate of a share: points or per cent of it?
        "地区生产总值880亿元。全年增长6.5%。",  # another sentence
        "进出口总额120亿元，其中出口，比上年增长8%。",  # a part of the level between them
        "新增就业1.2万人，占全年目标的一半以上，达到3万人。",  # added, not said over the year before
    ],
)
def test_no_change_over_the_year_before_where_none_is_said_of_the_level(text: str) -> None:
    assert changes_over_year(text, find_figures(text)) == {}


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("9月亲临视察，在郑州主持召开座谈会", ["9月"]),
        ("1-11月，全国规模以上工业企业实现利润", []),  # a part of a year, no date
        ("12月底前完成", ["12月底前"]),
        ("10月份开工", ["10月份"]),
    ],
)
def test_a_month_alone_is_a_date(text: str, dates: list[str]) -> None:
    assert [d[0] for d in find_dates(text)] == dates


def test_deposits_and_loans_named_by_one_word_take_a_figure_each() -> None:
    text = "金融机构人民币存贷款余额分别增长9.5%、9.8%。"
    things = _respective_things(text)
    assert things == {"9.5%": "金融机构人民币存款余额", "9.8%": "金融机构人民币贷款余额"}


def test_a_year_before_a_word_opening_with_a_units_character_is_a_year() -> None:
    # "2020成都…": 成 opens 成都, no tenths of a share; "3成" is one
    assert [f.text for f in find_figures("举办2020成都国际车展，展出车辆1200台。")] == ["1200台"]
    assert [f.text for f in find_figures("本地生源占3成以上。")] == ["3成"]


def test_a_class_of_size_in_chinese_numerals_is_no_amount() -> None:
    # "千亿级园区": 千亿级 says how big a class is; "二亿九千万吨" is an amount
    figures = find_figures("全县建成2个千亿级园区，粮食产量达到二亿九千万吨。")
    assert [f.text for f in figures] == ["2个", "二亿九千万吨"]


def test_a_magnitude_alone_says_what_kind_not_how_many() -> None:
    # my own sentences: "百万" and "千万" name a kind of campaign or plant, "二百万人" a count
    assert [f.text for f in find_figures("开展百万青年进社区活动，服务群众30万人次。")] == ["30万人次"]
    assert find_figures("推进千万亩高标准农田和百万千瓦级风电基地建设。") == []
    assert [f.text for f in find_figures("全年新增就业二百万人，完成十项民生工程。")] == ["二百万人", "十项"]


def test_ten_of_a_magnitude_in_a_unit_of_measure_is_an_amount() -> None:
    # my own sentences: "十亿立方米" and "十万吨" are amounts, "几十万个" is none, a bare "十万" says nothing
    text = "计划五年新增供水能力十亿立方米，改造管网十万公里。"
    assert [(f.text, f.number) for f in find_figures(text)] == [("十亿立方米", 1e9), ("十万公里", 1e5)]
    assert find_figures("全省已有几十万个专业合作组织，形势十万火急。") == []


def test_a_figure_is_set_as_a_target_or_stated_as_achieved_by_the_last_such_word_in_its_clause() -> None:
    text = "全县原定新建学校5所，实际建成6所；力争明年再建4所，新增学位3000个。"
    stances = figure_stances(text, find_figures(text))
    assert [(f.text, stance) for f, stance in stances.items()] == [
        ("5所", "target"),
        ("6所", "actual"),
        ("4所", "target"),
        ("3000个", ""),
    ]
    # a statement of one stance tells none apart: a plan sets targets, whichever words it uses
    plan = "新增光缆线路5万公里，确保带宽能力达到10T。"
    assert figure_stances(plan, find_figures(plan)) == {}
