"""Comparisons of two places or two reports: split into one question per side, set side by side."""

from __future__ import annotations

import pytest

from reportqa.answering.compare import side_by_side
from reportqa.core.models import Answer, Citation, DirectAnswer, Statement
from reportqa.core.settings import Settings
from reportqa.language.lexicon import Lexicon
from reportqa.question.comparison import Comparison, split_comparison, split_share


def _citation(n: int, doc: str, start: int | None = None) -> Citation:
    """A citation of `doc`'s passage at `start` (by default one of its own per number)."""
    at = n * 10 if start is None else start
    return Citation(n=n, doc=doc, section="一、工作回顾", text="…", start=at, end=at + 1, score=1.0)


def test_two_places_or_two_reports_make_one_question_each_and_others_none() -> None:
    places = split_comparison("2019年福州和郑州的社会消费品零售总额谁更大？")
    assert places is not None and places.way == "大"
    assert [label for label, _ in places.sides] == ["福州市", "郑州市"]
    years = split_comparison("2019年和2020年的国务院政府工作报告对居民消费价格涨幅的要求有何不同？")
    assert years is not None and years.way == ""
    assert [q for _, q in years.sides] == [
        "2019年的国务院政府工作报告对居民消费价格涨幅的要求是多少？",
        "2020年的国务院政府工作报告对居民消费价格涨幅的要求是多少？",
    ]
    assert split_comparison("福州的社会消费品零售总额在全省排第几？") is None
    which_year = split_comparison("2019年和2020年全县粮食产量哪一年更多？")
    assert which_year is not None and which_year.way == "多"
    assert [label for label, _ in which_year.sides] == ["2019年", "2020年"]
    asked_how = split_comparison("2022年厦门和泉州的一般公共预算收入相比如何？")
    assert asked_how is not None and [label for label, _ in asked_how.sides] == ["厦门市", "泉州市"]
    # the cue split by what is compared ("哪个城市的…更快"); a place and the whole of another ("福建全省")
    which_city = split_comparison("2021年郑州和洛阳哪个城市的地区生产总值增速更快？")
    assert which_city is not None and which_city.way == "快"
    assert [q for _, q in which_city.sides] == [
        "2021年郑州市的地区生产总值增速多少？",
        "2021年洛阳市的地区生产总值增速多少？",
    ]
    whole = split_comparison("2020年福州和福建全省的社会消费品零售总额增速哪个更高？")
    assert whole is not None and whole.sides == (
        ("福州市", "2020年福州市的社会消费品零售总额增速是多少？"),
        ("福建省", "2020年福建省的社会消费品零售总额增速是多少？"),
    )
    assert split_comparison("城镇居民和农村居民的人均可支配收入哪个更高？") is None  # no two places or years


def test_each_value_asked_then_which_is_more_in_a_clause_of_its_own() -> None:
    cities = split_comparison("2021年郑州和无锡的常住人口分别是多少？哪个城市更多？")
    assert cities is not None and cities.way == "多"
    assert [q for _, q in cities.sides] == ["2021年郑州市的常住人口是多少？", "2021年无锡市的常住人口是多少？"]
    targets = split_comparison("南京和合肥给2021年定的GDP增长目标各是多少？谁定得更高？")
    assert targets is not None and targets.way == "高"
    assert [label for label, _ in targets.sides] == ["南京市", "合肥市"]
    lines = split_comparison("截至2020年底，南京和合肥的地铁运营里程各有多长？哪个更长？")
    assert lines is not None and lines.way == "长"
    assert [q for _, q in lines.sides] == [
        "截至2020年底，南京市的地铁运营里程是多少？",
        "截至2020年底，合肥市的地铁运营里程是多少？",
    ]


def test_the_sides_counted_and_their_kind_are_no_part_of_what_is_asked_of_each() -> None:
    # "两市" counts the places just named; "哪个城市" names their kind, before the change asked
    counted = split_comparison("2020年厦门和泉州两市的外贸进出口总额哪个城市增长更快？")
    assert counted is not None and counted.way == "快"
    assert [q for _, q in counted.sides] == [
        "2020年厦门市的外贸进出口总额增长多少？",
        "2020年泉州市的外贸进出口总额增长多少？",
    ]
    years = split_comparison("2019年和2020年两年的全县粮食产量哪一年更多？")
    assert years is not None and [q for _, q in years.sides] == [
        "2019年的全县粮食产量是多少？",
        "2020年的全县粮食产量是多少？",
    ]


def test_how_much_more_one_thing_is_than_another_asks_each_and_works_out_the_difference() -> None:
    tag = Lexicon.load(Settings().lexicon_dir).tagged
    births = split_comparison("2013年全国出生人口比死亡人口多多少万人？", tag)
    assert births is not None and births.difference
    assert births.sides == (
        ("出生人口", "2013年全国出生人口是多少万人？"),
        ("死亡人口", "2013年全国死亡人口是多少万人？"),
    )
    # what follows the thing the second stands for is both's; a place for a place
    incomes = split_comparison("2013年城镇居民人均可支配收入比农村居民高多少？", tag)
    assert incomes is not None and [q for _, q in incomes.sides] == [
        "2013年城镇居民人均可支配收入是多少？",
        "2013年农村居民人均可支配收入是多少？",
    ]
    # the 比 of 占比 sets nothing against anything: "占比提高了多少" asks one change
    assert split_comparison("2021年服务业增加值占比提高了多少？", tag) is None
    cities = split_comparison("郑州的地区生产总值比洛阳高多少？", tag)
    assert cities is not None and [q for _, q in cities.sides] == [
        "郑州的地区生产总值是多少？",
        "洛阳的地区生产总值是多少？",
    ]
    # a change over time or against a target is no second thing
    assert split_comparison("2013年全国出生人口比上年多多少？", tag) is None
    assert split_comparison("高新技术企业比规划目标多多少家？", tag) is None

    def counted(n: int, text: str, amount: float) -> Answer:
        return Answer.compose(
            "q",
            found=True,
            citations=[_citation(1, "公报")],
            direct=DirectAnswer(text, "2013年", amount, "人"),
            statements=(Statement(f"全年出生人口{text}。", (1,)),)
            if n == 1
            else (Statement(f"死亡人口{text}。", (1,)),),
        )

    answer = side_by_side("…", births, [counted(1, "1640万人", 1.64e7), counted(2, "972万人", 9.72e6)])
    assert answer.answer.splitlines()[0].endswith("出生人口比死亡人口多668万人。")


def test_side_by_side_renumbers_citations_and_says_which_is_more() -> None:
    # the quotes are sentences of the 上海市 and 成都市 work reports 2021
    question = "2020年上海和成都的外贸进出口总额哪个更多？"
    comparison = split_comparison(question)
    assert comparison is not None
    shanghai = Answer.compose(
        "q1",
        found=True,
        citations=[_citation(1, "上海")],
        direct=DirectAnswer("3.5万亿元", "2020年", 3.5e12, "元"),
        statements=(Statement("外贸进出口总额达到3.5万亿元、增长2.3%，实际利用外资达到202.3亿美元、增长6.2%。", (1,)),),
    )
    chengdu = Answer.compose(
        "q2",
        found=True,
        citations=[_citation(1, "成都"), _citation(2, "成都")],
        direct=DirectAnswer("7154.2亿元", "2020年", 7.1542e11, "元"),
        statements=(
            Statement(
                "外贸进出口总额达7154.2亿元、增长22.4%，增速居副省级城市第2位，新设外商投资企业699家、增长20.9%，"
                "在蓉世界500强企业新增4家。",
                (1,),
            ),
            Statement("成都高新综合保税区进出口总额居全国同类保税区第1位。", (2,)),
        ),
    )
    answer = side_by_side(question, comparison, [shanghai, chengdu])
    lines = answer.answer.splitlines()
    # 3.5万亿元 is more than 7154.2亿元, though 3.5 is less than 7154.2
    assert lines[0] == "上海市：3.5万亿元（2020年）[1]；成都市：7154.2亿元（2020年）[2]。上海市更多。"
    assert lines[1:] == [
        "外贸进出口总额达到3.5万亿元、增长2.3%，实际利用外资达到202.3亿美元、增长6.2%。[1]",
        "外贸进出口总额达7154.2亿元、增长22.4%，增速居副省级城市第2位，新设外商投资企业699家、增长20.9%，"
        "在蓉世界500强企业新增4家。[2]",
        "成都高新综合保税区进出口总额居全国同类保税区第1位。[3]",
    ]
    assert [(c.n, c.doc) for c in answer.citations] == [(1, "上海"), (2, "成都"), (3, "成都")]
    assert answer.found

    missing = Answer.compose("q2", found=False, refusal="文中未提及成都市的相关内容")
    partial = side_by_side("…", comparison, [shanghai, missing])
    assert not partial.found and "成都市：文中未提及成都市的相关内容" in partial.answer and "更多" not in partial.answer


def test_a_question_of_several_parts_is_answered_as_far_as_its_parts_are() -> None:
    parts = Comparison((("到位资金", "q1"), ("引进项目", "q2")), "", all_parts=False)
    funds = Answer.compose(
        "q1",
        found=True,
        citations=[_citation(1, "成都")],
        direct=DirectAnswer("1200亿元", "2021年", 1.2e11, "元"),
        statements=(Statement("到位资金1200亿元。", (1,)),),
    )
    missing = Answer.compose("q2", found=False, refusal="文中未提及2021年的相关情况")
    answer = side_by_side("…", parts, [funds, missing])
    assert answer.found
    assert answer.answer.splitlines()[0] == "到位资金：1200亿元（2021年）[1]；引进项目：文中未提及2021年的相关情况。"
    assert [c.label for c in answer.claims] == ["到位资金", "引进项目"]


def test_two_things_named_in_parallel_make_one_question_each_with_the_word_segmenter() -> None:
    lexicon = Lexicon.load(Settings().lexicon_dir)
    question = "城镇居民和农村居民的人均消费支出哪个增长更快？"
    comparison = split_comparison(question, lexicon.tagged)
    assert comparison is not None and comparison.way == "快"
    assert comparison.sides == (
        ("城镇居民", "城镇居民的人均消费支出增长多少？"),
        ("农村居民", "农村居民的人均消费支出增长多少？"),
    )
    # segmented differently on each side ("铁路货运量" as one word, "公路 货运量" as two), still parallel
    freight = split_comparison("铁路货运量和公路货运量哪个更多？", lexicon.tagged)
    assert freight is not None and [label for label, _ in freight.sides] == ["铁路货运量", "公路货运量"]
    assert split_comparison("城镇居民人均消费支出哪个更多？", lexicon.tagged) is None  # one thing only
    # each side written out in full, jieba cutting the second otherwise ("实际 引进外资")
    capital = split_comparison("2020年实际引进内资和实际引进外资哪个增长更快？", lexicon.tagged)
    assert capital is not None and [label for label, _ in capital.sides] == ["实际引进内资", "实际引进外资"]
    # a list in brackets says what the thing before it takes in, not two things
    assert split_comparison("全市规上企业（含工业、建筑业）营收比上年有何变化？", lexicon.tagged) is None


def test_a_passage_two_parts_cite_is_cited_once() -> None:
    # "…仪器设备1100余台套，原值8.7亿元": one sentence answers both parts (my own wording)
    comparison = Comparison((("设备", "平台有多少台设备？"), ("原值", "平台设备原值多少？")), "", all_parts=False)
    quote = Statement("平台共享仪器设备1100余台套，原值8.7亿元。", (1,))
    answers = [
        Answer.compose(
            "q", found=True, citations=[_citation(1, "报告", 50)], direct=DirectAnswer(text), statements=(quote,)
        )
        for text in ("1100余台套", "8.7亿元")
    ]
    answer = side_by_side("平台有多少台设备，原值多少？", comparison, answers)
    assert [c.n for c in answer.citations] == [1]
    assert answer.answer.splitlines() == [
        "设备：1100余台套[1]；原值：8.7亿元[1]。",
        "平台共享仪器设备1100余台套，原值8.7亿元。[1]",
    ]


def test_a_share_asked_of_a_part_and_its_whole_asks_each() -> None:
    tag = Lexicon.load(Settings().lexicon_dir).tagged
    of = split_share("2020年全县外出务工人员占全县劳动力总数的比重是多少？", tag)
    assert of is not None and of.share
    assert of.sides == (
        ("外出务工人员", "2020年全县外出务工人员是多少？"),
        ("劳动力总数", "2020年全县劳动力总数是多少？"),
    )
    within = split_share("“十四五”期间全县新建的住房里，保障性住房大约占多大比例？", tag)
    assert within is not None and [label for label, _ in within.sides] == ["保障性住房", "新建的住房"]
    assert within.sides[0][1] == "“十四五”期间全县保障性住房是多少？"  # the whole's time and place
    # a number that opens a name is part of it, no time of the setting
    named = split_share("2023年全市4G基站占移动通信基站总数的比重是多少？", tag)
    assert named is not None and named.sides[0] == ("4G基站", "2023年全市4G基站是多少？")
    # no whole named, or a whole that is no count of things: a share the documents must state
    assert split_share("高新技术企业占多大比例？", tag) is None
    assert split_share("2020年研发投入占GDP的比重是多少？", tag) is None


def test_a_share_worked_out_is_the_part_over_the_whole_of_one_unit() -> None:
    share = Comparison((("外出务工人员", "…"), ("劳动力总数", "…")), "", share=True)
    answers = [
        Answer.compose(
            "…",
            found=True,
            citations=[_citation(1, "县.md", start)],
            direct=DirectAnswer(text, "", amount, "人"),
            statements=(Statement(f"…{text}。", (1,)),),
        )
        for text, amount, start in (("3.2万人", 32000.0, 10), ("12.8万人", 128000.0, 50))
    ]
    answer = side_by_side("外出务工人员占劳动力总数的比重？", share, answers)
    assert answer.verdict == "外出务工人员约占劳动力总数的25%。"
    assert answer.answer.startswith(
        "外出务工人员：3.2万人[1]；劳动力总数：12.8万人[2]。外出务工人员约占劳动力总数的25%。"
    )
    # a "part" no smaller than its whole is none of it
    assert side_by_side("…", share, answers[::-1]).verdict == ""


def test_what_a_which_question_names_before_more_is_asked_of_each_side() -> None:
    lexicon = Lexicon.load(Settings().lexicon_dir)
    # a measure ("增长目标") and a change ("谁增长得更快") said between 哪个 and 更; a manner ("定得") is not asked
    targets = split_comparison("某市2021年物联网产业营收和集成电路产业产值，哪个增长目标更高？", lexicon.tagged)
    assert targets is not None and [q for _, q in targets.sides] == [
        "某市2021年物联网产业营收增长目标是多少？",
        "某市2021年集成电路产业产值增长目标是多少？",
    ]
    growth = split_comparison("某省2019年装备制造和电子信息产业增加值，谁增长得更快？", lexicon.tagged)
    assert growth is not None and growth.sides[1][1] == "某省2019年电子信息产业增加值增长多少？"
    # how the change is qualified is asked too; how it is set is not
    real = split_comparison("某年城镇居民人均可支配收入和农村居民人均纯收入，哪个实际增长更快？", lexicon.tagged)
    assert real is not None and real.sides[1][1] == "某年农村居民人均纯收入实际增长多少？"
    set_higher = split_comparison("某市预期目标中，固定资产投资和社会消费品零售总额哪个增速定得更高？", lexicon.tagged)
    assert set_higher is not None and set_higher.sides[0][1] == "某市预期目标中，固定资产投资增速多少？"
    # a loose word is not asked ("哪种支持力度更大": each side's amount is)
    support = split_comparison("政策里，整建制引进高校和设立研发机构，哪种支持力度更大？", lexicon.tagged)
    assert support is not None and support.sides[0][1] == "政策里，整建制引进高校是多少？"
    rates = split_comparison("某省城镇调查失业率和城镇登记失业率的控制目标，哪个定得更高？", lexicon.tagged)
    assert rates is not None and rates.sides[0][1] == "某省城镇调查失业率的控制目标是多少？"
    regions = split_comparison("2023年东部地区和西部地区的地区生产总值，哪个增长更快？", lexicon.tagged)
    assert regions is not None and [label for label, _ in regions.sides] == ["东部地区", "西部地区"]
    # two things of one head word, then what both are asked of
    plans = split_comparison("规划中城市污水处理率和生活垃圾无害化处理率的目标哪个更高？", lexicon.tagged)
    assert plans is not None and [label for label, _ in plans.sides] == ["城市污水处理率", "生活垃圾无害化处理率"]


@pytest.mark.parametrize(
    ("question", "sides"),
    [
        # "降幅", "幅度" measure a change as "增幅" does: asked of each side
        (
            "某市2019年会议费和培训费，哪项压减幅度更大？",
            (("会议费", "某市2019年会议费压减幅度是多少？"), ("培训费", "某市2019年培训费压减幅度是多少？")),
        ),
        # two things that each name their own measure are asked whole
        (
            "某县单位生产总值能耗和化学需氧量排放量，哪一项降幅更大？",
            (
                ("单位生产总值能耗", "某县单位生产总值能耗降幅是多少？"),
                ("化学需氧量排放量", "某县化学需氧量排放量降幅是多少？"),
            ),
        ),
        # the first thing's last word recurs in the second, which ends there
        (
            "某省2022年对服装产业和绿色食品产业增加值增长的目标，哪个更高？",
            (
                ("服装产业", "某省2022年对服装产业增加值增长的目标是多少？"),
                ("绿色食品产业", "某省2022年对绿色食品产业增加值增长的目标是多少？"),
            ),
        ),
        (
            "某省对电子产业和新材料产业投资增长的目标，哪个更高？",
            (
                ("电子产业", "某省对电子产业投资增长的目标是多少？"),
                ("新材料产业", "某省对新材料产业投资增长的目标是多少？"),
            ),
        ),
        # "A和B相比，哪个…": 相比 says that they are compared, no part of what is asked of each
        (
            "2022年某市外贸出口和外贸进口相比，哪个增长更快？",
            (("外贸出口", "2022年某市外贸出口增长多少？"), ("外贸进口", "2022年某市外贸进口增长多少？")),
        ),
        # what both are asked, then how it changed: each side's measure and change ("产值增速"); a word
        # jieba tags a time ("新一代") that names no time is part of the first thing
        (
            "2030年某省新一代人工智能产业和生物医药产业，谁的产值增速更快？",
            (
                ("新一代人工智能产业", "2030年某省新一代人工智能产业产值增速多少？"),
                ("生物医药产业", "2030年某省生物医药产业产值增速多少？"),
            ),
        ),
        # a clause before the first thing sets the question, of both sides
        (
            "十四五规划中，城市污水处理率目标和生活垃圾无害化处理率目标哪个更高？",
            (
                ("城市污水处理率目标", "十四五规划中，城市污水处理率目标是多少？"),
                ("生活垃圾无害化处理率目标", "十四五规划中，生活垃圾无害化处理率目标是多少？"),
            ),
        ),
    ],
)
def test_the_sides_of_a_comparison_are_the_things_as_written_and_what_is_asked_of_both(
    question: str, sides: tuple[tuple[str, str], ...]
) -> None:
    comparison = split_comparison(question, Lexicon.load(Settings().lexicon_dir).tagged)
    assert comparison is not None and comparison.sides == sides


def test_how_far_apart_two_things_or_places_are_asks_each_and_works_out_the_gap() -> None:
    lexicon = Lexicon.load(Settings().lexicon_dir)
    things = split_comparison("2017年城镇居民和农村居民人均消费支出相差多少？", lexicon.tagged)
    assert things is not None and things.difference
    assert [q for _, q in things.sides] == ["2017年城镇居民人均消费支出是多少？", "2017年农村居民人均消费支出是多少？"]
    # each asked as well, in points: two shares, each asked as it is written; a setting clause before is shared
    shares = split_comparison("据某县2022年公报，城镇和农村的参保率各有多少，差几个百分点？", lexicon.tagged)
    assert shares is not None and [q for _, q in shares.sides] == [
        "据某县2022年公报，城镇的参保率是多少？",
        "据某县2022年公报，农村的参保率是多少？",
    ]
    # the gap asked in a sentence of its own, of "两者"; where both are said ("规划中") is no part of the first
    apart = split_comparison("某县规划中城市和乡镇的燃气普及率目标各是多少？两者相差多少？", lexicon.tagged)
    assert (
        apart is not None
        and apart.difference
        and [q for _, q in apart.sides]
        == [
            "某县规划中城市的燃气普及率目标是多少？",
            "某县规划中乡镇的燃气普及率目标是多少？",
        ]
    )
    setting = split_comparison("据某县公报，第一产业和第三产业增加值相差多少？", lexicon.tagged)
    assert setting is not None and [label for label, _ in setting.sides] == ["第一产业", "第三产业"]
    # two ways of differing ("高还是低") are not two things
    assert split_comparison("某市2021年粮食产量目标比2020年实际产量高还是低？差多少？", lexicon.tagged) is None
    places = split_comparison("2020年宁波和温州的GDP相差多少？", lexicon.tagged)
    assert places is not None and places.difference and [label for label, _ in places.sides] == ["宁波市", "温州市"]
    # two years apart is a change over time, worked out elsewhere
    assert split_comparison("2020年和2015年全市GDP相差多少？", lexicon.tagged) is None
    answers = [
        Answer("", "", True, direct=DirectAnswer("24445元", amount=24445.0, family="元")),
        Answer("", "", True, direct=DirectAnswer("10955元", amount=10955.0, family="元")),
    ]
    assert side_by_side("", things, answers).verdict == "城镇居民比农村居民多13490元。"


def test_what_two_things_come_to_asks_each_and_adds_them() -> None:
    lexicon = Lexicon.load(Settings().lexicon_dir)
    both = split_comparison("2013年末固定电话用户和移动电话用户加起来一共多少万户？", lexicon.tagged)
    assert both is not None and both.total
    assert [label for label, _ in both.sides] == ["固定电话用户", "移动电话用户"]
    answers = [
        Answer("", "", True, direct=DirectAnswer("26699万户", amount=2.6699e8, family="户")),
        Answer("", "", True, direct=DirectAnswer("122911万户", amount=1.22911e9, family="户")),
    ]
    assert side_by_side("", both, answers).verdict == "两者合计149610万户。"


def test_what_a_whole_holds_besides_a_part_asks_each_and_takes_one_from_the_other() -> None:
    lexicon = Lexicon.load(Settings().lexicon_dir)
    for besides in ("中小麦以外的部分是", "除小麦之外的其余部分有"):
        left = split_comparison(f"某县2022年粮食产量{besides}多少万吨？", lexicon.tagged)
        assert left is not None and left.remainder
        assert [q for _, q in left.sides] == ["某县2022年粮食产量是多少万吨？", "某县2022年粮食产量中小麦是多少万吨？"]
    assert split_comparison("除了县城以外的乡镇有多少个？", lexicon.tagged) is None  # no whole named
    answers = [
        Answer("", "", True, direct=DirectAnswer("18.6万吨", amount=1.86e5, family="吨")),
        Answer("", "", True, direct=DirectAnswer("12.1万吨", amount=1.21e5, family="吨")),
    ]
    assert side_by_side("", left, answers).verdict == "某县2022年粮食产量中小麦以外的部分约为6.5万吨。"
    # a "part" no smaller than the whole is no part of it: nothing is worked out
    assert side_by_side("", left, answers[::-1]).verdict == ""


def test_a_thing_set_against_itself_at_another_time_or_stance_asks_each() -> None:
    # my own examples: B names only its year and whether set or done; it is asked of A's thing
    tag = Lexicon.load(Settings().lexicon_dir).tagged
    against = split_comparison("某省2022年森林覆盖率跟2025年的目标相比少多少？", tag)
    assert against is not None and against.difference
    assert [q for _, q in against.sides] == ["某省2022年森林覆盖率是多少？", "某省2025年森林覆盖率目标是多少？"]
    planned = split_comparison("某市2024年计划新增的城镇就业，比2023年实际新增就业是多还是少？", tag)
    assert planned is not None and [q for _, q in planned.sides] == [
        "某市2024年计划新增的城镇就业是多少？",
        "某市2023年实际新增的城镇就业新增就业是多少？",
    ]
    # which is more, how they compare, each asked besides: B names its year and how much was done
    for question, way in [
        ("某县2022年新增造林面积目标跟2021年实际完成数比较，谁多？", "多"),
        ("某县2022年新增造林面积目标和2021年实际完成数比较怎么样？", "高"),
        ("某县2022年新增造林面积目标跟2021年实际完成数比起来怎样？", "高"),
        ("某县2022年新增造林面积目标跟2021年实际完成数相比，是多了还是少了？各是多少？", "多"),
    ]:
        which = split_comparison(question, tag)
        assert which is not None and which.way == way
        assert [q for _, q in which.sides] == [
            "某县2022年新增造林面积目标是多少？",
            "某县2021年实际完成新增造林面积是多少？",
        ]
    # B the number of what was done, the doing said before it ("实际投放台数"); a source in brackets after the
    # question mark is said of each side
    counted = split_comparison("某县2032年公共自行车投放目标与2031年实际投放台数相比怎样？（某县2032年报告）", tag)
    assert counted is not None and [q for _, q in counted.sides] == [
        "某县2032年公共自行车投放目标是多少？（某县2032年报告）",
        "某县2031年实际公共自行车投放是多少？（某县2032年报告）",
    ]
    # the year of the report that sets a target is no time of the thing, which B's year is
    reported = split_comparison("某省2022年政府工作报告定的棉花产量目标，比2021年实际棉花产量高多少？", tag)
    assert reported is not None
    assert reported.sides[1][1] == "某省2022年政府工作报告，2021年实际棉花产量是多少？"
    # B named by this year of its report ("今年底的目标"), A by how it stands now ("现有的"), which B's time replaces
    for report in ("2023年工作报告里，", "2023年的报告里，", "2023年报告中"):
        now = split_comparison(f"某县{report}现有城市绿道长度跟今年底目标相比还差多少？", tag)
        assert now is not None and now.sides[1][1] == f"某县{report}今年底城市绿道长度目标是多少？"
    # A asked in a sentence of its own, B set against it in the next; B named as A's own ("其…目标")
    for first, then, b_asked in [
        ("把当年粮食播种面积目标定为多少？", "与2022年实际完成的比怎样？", "2022年"),
        ("里粮食播种面积目标是多少？", "跟2022年实际完成的相比多了多少？", "，2022年"),
    ]:
        told = split_comparison(f"某县2023年工作报告{first}{then}", tag)
        assert told is not None and told.difference
        assert [q for _, q in told.sides] == [
            f"某县2023年工作报告{first}",
            f"某县2023年工作报告{b_asked}实际完成粮食播种面积是多少？",
        ]
    own = split_comparison("某县2023年工作报告中，现有的城市绿道长度与其到2025年的目标相比还差多少？", tag)
    assert own is not None and own.sides[1][1] == "某县2023年工作报告中，到2025年城市绿道长度目标是多少？"
    # against the year before, a change is asked; a second thing of its own is compared as a thing
    assert split_comparison("某省2022年森林覆盖率比上年高了多少？", tag) is None
    gap = split_comparison("2022年城市居民和乡村居民的人均收入相差多少？", tag)
    assert gap is not None and [label for label, _ in gap.sides] == ["城市居民", "乡村居民"]


def test_two_things_written_in_full_that_open_and_end_alike_are_each_asked_whole() -> None:
    # my own question: both sides repeat "万元产值" and "下降目标", with words of their own between
    question = "某省规划中，万元产值用水量下降目标与万元产值建设用地下降目标谁更高？"
    targets = split_comparison(question, Lexicon.load(Settings().lexicon_dir).tagged)
    assert targets is not None
    assert [label for label, _ in targets.sides] == ["万元产值用水量下降目标", "万元产值建设用地下降目标"]


def test_what_was_done_set_against_a_target_asks_the_thing_without_the_setting_of_the_target() -> None:
    # my own question: B is the actual growth of what A's target is of, not "实际提出的…增长增速"
    question = "某县2031年工作报告提出的工业投资增长目标，同2030年实际增速比哪个高？"
    comparison = split_comparison(question, Lexicon.load(Settings().lexicon_dir).tagged)
    assert comparison is not None
    assert comparison.sides[1][1] == "某县2031年工作报告，2030年实际工业投资增速是多少？"


def test_a_target_set_in_a_named_document_is_asked_in_that_document() -> None:
    # my own questions: B names the report that sets it, then its year and a target; its year is the
    # report's, its words no thing of its own; A's "实际完成数" or "实绩" is no part of the thing
    tag = Lexicon.load(Settings().lexicon_dir).tagged
    for question, b_asked in [
        (
            "嘉兴2030年植树造林的实际完成数，和嘉兴市2031年政府工作报告提出的2031年目标比较，谁多？",
            "嘉兴市2031年政府工作报告中，嘉兴2031年植树造林目标是多少？",
        ),
        (
            "嘉兴市2030年新增就业岗位的实绩，与嘉兴市2031年政府工作报告中的当年新增就业岗位目标相比差多少？",
            "嘉兴市2031年政府工作报告中，嘉兴市2031年新增就业岗位目标是多少？",
        ),
        # B that names its thing is asked as it says, in A's place
        (
            "绍兴2030年实际的规上工业增加值增速与2031年政府工作报告设定的2031年工业增加值增长目标相比如何？",
            "2031年政府工作报告中，绍兴2031年工业增加值增长目标是多少？",
        ),
    ]:
        against = split_comparison(question, tag)
        assert against is not None and against.difference
        assert against.sides[1][1] == b_asked
        assert against.sides[0][1] == question.split("，")[0].split("与")[0] + "是多少？"
    # A asked in a sentence of its own; a word of B's own before its target keeps its place ("控制目标")
    question = "嘉兴2030年城镇调查失业率是多少？与嘉兴市2031年政府工作报告定的2031年控制目标相比如何？"
    control = split_comparison(question, tag)
    assert control is not None and [q for _, q in control.sides] == [
        "嘉兴2030年城镇调查失业率是多少？",
        "嘉兴市2031年政府工作报告中，嘉兴2031年城镇调查失业率控制目标是多少？",
    ]
    # two years of one kind of report are no thing set against a target
    years = split_comparison("国务院2029年和2031年政府工作报告的GDP增长目标相比如何？", tag)
    assert years is not None and [label for label, _ in years.sides] == ["2029年", "2031年"]


def test_that_both_changed_is_no_part_of_the_things_nor_a_mark_their_start() -> None:
    # my own question: "均有所下降" says both changed; the "”" closing the plan's name opens no thing
    question = "“十六五”期间全县PM2.5和PM10浓度均有所下降，哪个降得更多？"
    comparison = split_comparison(question, Lexicon.load(Settings().lexicon_dir).tagged)
    assert comparison is not None and comparison.sides == (
        ("PM2.5", "“十六五”期间全县PM2.5降多少？"),
        ("PM10浓度", "“十六五”期间全县PM10浓度降多少？"),
    )


def test_two_things_are_joined_only_where_a_word_starts() -> None:
    # my own question: the 同 of 合同 joins nothing
    question = "2031年全县技术合同成交额和专利授权量哪个增长更快？"
    comparison = split_comparison(question, Lexicon.load(Settings().lexicon_dir).tagged)
    assert comparison is not None and [label for label, _ in comparison.sides] == ["技术合同成交额", "专利授权量"]


@pytest.mark.parametrize(
    ("stated", "figure", "joint"),
    [
        ("甲市、乙市对口支援资金3.2亿元，实施项目40个。", "3.2亿元", True),  # one sum of both
        ("甲市、乙市对口支援资金均增长12%。", "12%", False),  # each grew by it
    ],
)
def test_parts_answered_by_one_figure_of_both_are_not_given_each(stated: str, figure: str, joint: bool) -> None:
    # my own statements: each part asked ("各自多少") is answered by the figure both are named with

    def answered() -> Answer:
        return Answer.compose(
            "q",
            found=True,
            citations=[_citation(1, "report.md")],
            direct=DirectAnswer(figure, "", 1.0, "元"),
            statements=(Statement(stated, (1,)),),
        )

    parts = Comparison((("甲市", "甲市对口支援资金是多少？"), ("乙市", "乙市对口支援资金是多少？")), "")
    answer = side_by_side("甲市和乙市各自的对口支援资金是多少？", parts, [answered(), answered()])
    assert answer.found is not joint, answer.answer
    assert ("两者合计" in answer.answer) is joint


def test_a_sum_asked_in_the_questions_own_words_asks_each_part_so() -> None:
    # my own question: "两项合计" then what each is asked ("能为企业节省多少成本")
    question = "2031年下调电价和减免房租两项合计能为企业节省多少成本？"
    total = split_comparison(question, Lexicon.load(Settings().lexicon_dir).tagged)
    assert total is not None and total.total
    assert [q for _, q in total.sides] == [
        "2031年下调电价能为企业节省多少成本？",
        "2031年减免房租能为企业节省多少成本？",
    ]


def test_what_a_thing_is_set_against_is_asked_what_the_first_is_asked() -> None:
    # my own question: the 和 inside the first side's name is no split; B takes A's measure
    tag = Lexicon.load(Settings().lexicon_dir).tagged
    pair = split_comparison("某市2031年公办和民办幼儿园的入园率与全省平均水平相比，哪个更高？", tag)
    assert pair is not None and [q for _label, q in pair.sides] == [
        "某市2031年公办和民办幼儿园的入园率是多少？",
        "全省平均水平的入园率是多少？",
    ]
    # a year set against is no thing: the question is asked as a change over time
    assert split_comparison("某市2031年政府工作报告中，高新技术企业数量与2025年比较有何变化？", tag) is None
