"""Places a question names: full names, nicknames, English names, the nation."""

from __future__ import annotations

from reportqa.language.places import NATIONAL, name_places, question_places
from reportqa.question.analysis import analyse


def test_nicknames_become_full_names_and_ordinary_words_stay() -> None:
    assert name_places("春城今年要新增多少座公共充电站？") == "昆明市今年要新增多少座公共充电站？"
    assert name_places("鹭岛境内上市公司累计有多少家？") == "厦门市境内上市公司累计有多少家？"
    assert name_places("高新区所在的城区有多少家企业？") == "高新区所在的城区有多少家企业？"
    # "江城" (武汉) inside "沿江城镇" begins no word
    assert name_places("沿江城镇污水处理率达到多少？") == "沿江城镇污水处理率达到多少？"


def test_a_province_by_its_nickname_and_a_longer_nickname_before_a_shorter() -> None:
    assert name_places("三秦大地去年新增多少家专精特新企业？") == "陕西省去年新增多少家专精特新企业？"
    assert name_places("陇原今年粮食总产多少？") == "甘肃省今年粮食总产多少？"
    # "龙江" inside "黑龙江" begins no word
    assert name_places("黑龙江省森林覆盖率是多少？") == "黑龙江省森林覆盖率是多少？"


def test_english_names_are_read_from_pinyin_and_exonyms() -> None:
    assert name_places("What was Guangdong's grain output?") == "What was Guangdong (广东省)'s grain output?"
    assert "(西安市)" in name_places("Retail sales in Xi'an")
    assert "(陕西省)" in name_places("Shaanxi") and "(山西省)" in name_places("Shanxi")
    assert "(内蒙古自治区)" in name_places("Inner Mongolia")
    # a pinyin two cities share names both; the documents decide which one is meant
    assert set(question_places(name_places("Suzhou"))) == {"苏州市", "宿州市"}


def test_the_nation_is_named_by_its_bodies_but_not_inside_other_words() -> None:
    assert question_places("1980年国务院政府工作报告计划停建缓建多少个大中型项目？") == (NATIONAL,)
    assert question_places("How much grain did China produce in 2021?") == (NATIONAL,)
    assert question_places("新认定的绿色工厂有多少家，其中国家级几家？") == ()
    # a place that names a body's branch there is no scope of the question
    assert question_places("改革后海关总署广州分署和税务总局杭州分局各承担什么职责？") == ()
    assert question_places("杭州2030年设立了几个分局？") == ("杭州市",)
    assert question_places("昆明入选了哪些全国试点？") == ("昆明市", NATIONAL)
    # "我国", as a national question says it ("我国粮食产量多少"), names the nation too
    assert question_places("2016年我国粮食总产量是多少？") == (NATIONAL,)


def test_analysed_questions_carry_the_places_and_stay_english() -> None:
    query = analyse("How many tourists did Kunming receive in 2019?")
    assert query.places == ("昆明市",) and query.is_english and query.years == (2019,)
