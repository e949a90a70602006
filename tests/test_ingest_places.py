"""Places a question names: full names, nicknames, English names, the nation."""

from __future__ import annotations

from reportqa.language.places import NATIONAL, name_places, question_places
from reportqa.question.analysis import analyse


def test_nicknames_become_full_names_and_ordinary_words_stay() -> None:
    assert name_places("鹏城2019年经济总量多大？") == "深圳市2019年经济总量多大？"
    assert name_places("榕城国家级高企五年翻了几番？") == "福州市国家级高企五年翻了几番？"
    assert name_places("高新区所在的城区有多少家企业？") == "高新区所在的城区有多少家企业？"


def test_english_names_are_read_from_pinyin_and_exonyms() -> None:
    assert name_places("What was Guangdong's GDP?") == "What was Guangdong (广东省)'s GDP?"
    assert "(西安市)" in name_places("GDP of Xi'an")
    assert "(陕西省)" in name_places("Shaanxi") and "(山西省)" in name_places("Shanxi")
    assert "(内蒙古自治区)" in name_places("Inner Mongolia")
    # a pinyin two cities share names both; the documents decide which one is meant
    assert set(question_places(name_places("Suzhou"))) == {"苏州市", "宿州市"}


def test_the_nation_is_named_by_its_bodies_but_not_inside_other_words() -> None:
    assert question_places("2020年国务院政府工作报告定的就业目标是多少？") == (NATIONAL,)
    assert question_places("What was China's GDP in 2020?") == (NATIONAL,)
    assert question_places("省级以上重点实验室有几家，其中国家级几家？") == ()
    assert question_places("淄博的做法入选了什么全国案例？") == ("淄博市", NATIONAL)


def test_analysed_questions_carry_the_places_and_stay_english() -> None:
    query = analyse("What was Chengdu's GDP in 2019?")
    assert query.places == ("成都市",) and query.is_english and query.years == (2019,)
