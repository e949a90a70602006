"""Questions that ask several things at once, split into one question per thing asked (examples of our own)."""

from __future__ import annotations

import pytest

from reportqa.core.settings import Settings
from reportqa.language.lexicon import Lexicon
from reportqa.question.parts import split_english_parts, split_parts


@pytest.fixture(scope="module")
def tag():
    return Lexicon.load(Settings().lexicon_dir).tagged


def _questions(question: str, tag) -> list[str] | None:
    parts = split_parts(question, tag)
    return None if parts is None else [q for _, q in parts.sides]


def test_two_things_named_then_each_asked(tag) -> None:
    assert _questions("2020年杭州市新增高新技术企业和科技型中小企业分别多少家？", tag) == [
        "2020年杭州市新增高新技术企业多少家？",
        "2020年杭州市新增科技型中小企业多少家？",
    ]
    # what follows the second thing is shared by both
    assert _questions("国家级和省级重点实验室目前各有多少个？", tag) == [
        "国家级重点实验室目前有多少个？",
        "省级重点实验室目前有多少个？",
    ]
    assert _questions("全市专利授权量2018年和2019年分别是多少？", tag) == [
        "全市专利授权量2018年是多少？",
        "全市专利授权量2019年是多少？",
    ]
    # two plans' ends, named in quotes as reports write them; a last sentence that only asks how they compare
    # asks nothing more than the two
    assert _questions("全市“十二五”末和“十三五”末的粮食产量分别是多少？两者相比有何变化？", tag) == [
        "全市“十二五”末的粮食产量是多少？",
        "全市“十三五”末的粮食产量是多少？",
    ]
    # two things that each name their own head word ("…收入") share nothing but the question
    assert _questions("2022年一般公共预算收入和政府性基金收入各是多少？", tag) == [
        "2022年一般公共预算收入是多少？",
        "2022年政府性基金收入是多少？",
    ]
    # what each is, asked of both ("各有什么要求")
    assert _questions("2030年全县棉花和油料产量各有什么要求？", tag) == [
        "2030年全县棉花产量有什么要求？",
        "2030年全县油料产量有什么要求？",
    ]
    # ... the first is then the nouns before "和", not the last word the second parallels
    assert _questions("2021年全省地表水水质优良率和空气质量优良率分别是多少？", tag) == [
        "2021年全省地表水水质优良率是多少？",
        "2021年全省空气质量优良率是多少？",
    ]
    # the second thing and the shared rest are one dictionary word ("农村居民人均可支配收入"): the rest
    # is still shared, and a first thing that is the start of that word stays a thing of its own
    assert _questions("2023年城镇居民与农村居民人均可支配收入各有多少元？", tag) == [
        "2023年城镇居民人均可支配收入有多少元？",
        "2023年农村居民人均可支配收入有多少元？",
    ]
    # the year that opens the question is shared, not part of the first thing ("2023年" "…债券收入")
    assert _questions("2023年地方政府专项债券收入和一般债券收入各是多少？", tag) == [
        "2023年地方政府专项债券收入是多少？",
        "2023年一般债券收入是多少？",
    ]
    # ... but "城市" is no place, though jieba tags it as one
    assert _questions("无锡市2021年城市和农村人均住房面积分别是多少？", tag) == [
        "无锡市2021年城市人均住房面积是多少？",
        "无锡市2021年农村人均住房面积是多少？",
    ]
    assert _questions("居民人均可支配收入和城镇居民人均可支配收入分别是多少？", tag) == [
        "居民人均可支配收入是多少？",
        "城镇居民人均可支配收入是多少？",
    ]


def test_clauses_that_each_ask_share_the_place_year_and_subject(tag) -> None:
    # a second clause with a subject of its own keeps it, with the question's place and year
    parts = split_parts("2021年成都市引进重大项目多少个、到位资金多少？", tag)
    assert parts is not None and not parts.all_parts
    assert [q for _, q in parts.sides] == ["2021年成都市引进重大项目多少个？", "2021年成都市到位资金多少？"]
    assert [label for label, _ in parts.sides] == ["2021年成都市引进重大项目", "到位资金"]
    # one with none ("比上年增长多少") asks of the first clause's subject
    assert _questions("2021年全省粮食总产量是多少？比上年增长多少？", tag) == [
        "2021年全省粮食总产量是多少？",
        "2021年全省粮食总产量比上年增长多少？",
    ]
    # a clause that names two things and asks each gives a part per thing
    assert _questions("全年粮食总产量多少万吨，夏粮和秋粮分别多少？", tag) == [
        "全年粮食总产量多少万吨？",
        "全年夏粮多少？",
        "全年秋粮多少？",
    ]
    # "省级农科园" is cut 省级 农科 园: the 园 is the second thing's own, not shared with the first
    assert _questions("全市共有多少个园区？国家级经开区和省级农科园各有多少个？", tag) == [
        "全市共有多少个园区？",
        "国家级经开区有多少个？",
        "省级农科园有多少个？",
    ]
    # a clause that names its own time does not take the question's year
    assert _questions("规模以上工业企业2016年有多少家，后来增加到多少家？", tag) == [
        "规模以上工业企业2016年有多少家？",
        "规模以上工业企业后来增加到多少家？",
    ]
    # a second thing of one word that differs from the first's last in its first character takes the
    # first's modifier: both are of it (my own wording)
    assert _questions("全县公路客运量和货运量分别是多少？", tag) == ["全县公路客运量是多少？", "全县公路货运量是多少？"]
    # things that differ in their opening word only, their head said once after the last (my own wording)
    assert _questions("全县一级、二级、三级医院分别有多少床位？", tag) == [
        "全县一级医院有多少床位？",
        "全县二级医院有多少床位？",
        "全县三级医院有多少床位？",
    ]
    assert _questions("全县一级和二级公路分别新建了多少公里？", tag) == [
        "全县一级公路新建了多少公里？",
        "全县二级公路新建了多少公里？",
    ]
    # one that names only the document and its own stance asks of the first clause's subject, not in
    # the first's stance (my own wording)
    assert _questions("全县2030年农村公路实际新建多少公里？2031年政府工作报告定的目标是多少公里？", tag) == [
        "全县2030年农村公路实际新建多少公里？",
        "全县农村公路2031年政府工作报告定的目标是多少公里？",
    ]


@pytest.mark.parametrize(
    "question",
    [
        "2019年高新技术企业有多少家？",
        "2020年福州和郑州的社会消费品零售总额哪个更高？",  # a comparison, split by split_comparison
        "研发投入占GDP比重是多少，在全省排第几？",  # "排第几" asks no amount: one question, not two
    ],
)
def test_a_question_that_asks_one_thing_is_not_split(tag, question: str) -> None:
    assert split_parts(question, tag) is None


def test_two_things_that_share_their_head_word_are_asked_whole(tag) -> None:
    assert _questions("郑州2019年的铁路货运量和公路货运量各是多少？", tag) == [
        "郑州2019年的铁路货运量是多少？",
        "郑州2019年的公路货运量是多少？",
    ]


def test_two_things_a_word_names_together_share_what_follows_them(tag) -> None:
    assert _questions("乌鲁木齐城镇和农村居民人均可支配收入分别是多少？", tag) == [
        "乌鲁木齐城镇居民人均可支配收入是多少？",
        "乌鲁木齐农村居民人均可支配收入是多少？",
    ]


def test_two_things_ending_in_one_head_word_are_each_whole_however_few_words_the_first_has(tag) -> None:
    assert _questions(
        "某县规划中，规模以上工业增加值能耗下降目标和重点河流断面水质优良比例提高目标各是多少？", tag
    ) == [
        "某县规划中，规模以上工业增加值能耗下降目标是多少？",
        "某县规划中，重点河流断面水质优良比例提高目标是多少？",
    ]


def test_two_things_that_each_open_with_their_own_nouns_then_share_one_are_each_whole(tag) -> None:
    # (and the 及 of 普及率 joins nothing)
    assert _questions("某县城市燃气普及率和农村燃气入户比例分别是多少？", tag) == [
        "某县城市燃气普及率是多少？",
        "某县农村燃气入户比例是多少？",
    ]


def test_one_word_for_two_things_then_each_asked_is_one_part_per_thing(tag) -> None:
    assert _questions("西宁城乡低保标准分别提高到多少？", tag) == [
        "西宁城镇低保标准提高到多少？",
        "西宁农村低保标准提高到多少？",
    ]
    assert _questions("2020年全县进出口各增长多少？", tag) == ["2020年全县进口增长多少？", "2020年全县出口增长多少？"]
    assert _questions("全县城乡居民人均可支配收入是多少？", tag) is None  # the joint thing, asked as one
    # a joint word that is one of things listed names one of them: each listed is asked
    assert _questions("据某县公报，上年城乡建设用地、工业用地和住宅用地分别是多少？", tag) == [
        "据某县公报，上年城乡建设用地是多少？",
        "据某县公报，上年工业用地是多少？",
        "据某县公报，上年住宅用地是多少？",
    ]


def test_a_clause_listing_things_then_asking_each_is_one_clause(tag) -> None:
    assert _questions("2000年全国进出口总额是多少？其中出口、进口各是多少？", tag) == [
        "2000年全国进出口总额是多少？",
        "2000年全国进出口总额其中出口是多少？",
        "2000年全国进出口总额其中进口是多少？",
    ]
    assert _questions("全省存贷款余额分别是多少？", tag) == ["全省存款余额是多少？", "全省贷款余额是多少？"]


def test_a_clause_ending_in_ne_asks_what_the_first_asks(tag) -> None:
    assert _questions("2020年城镇居民人均可支配收入是多少？那农村居民呢？", tag) == [
        "2020年城镇居民人均可支配收入是多少？",
        "2020年农村居民人均可支配收入是多少？",
    ]
    assert _questions("2019年森林覆盖率是多少？湿地保护率呢？", tag) == [
        "2019年森林覆盖率是多少？",
        "2019年湿地保护率是多少？",
    ]
    assert _questions("森林覆盖率是多少呢？", tag) is None  # one question, however it ends


def test_a_part_that_names_only_a_measure_or_a_relation_asks_about_the_first_parts_thing(tag) -> None:
    # a preposition or 占 relates the part to the first part's subject
    assert _questions("2022年全省研发经费支出是多少？与地区生产总值之比是多少？", tag) == [
        "2022年全省研发经费支出是多少？",
        "2022年全省研发经费支出与地区生产总值之比是多少？",
    ]
    assert _questions("2022年全市税收收入是多少？占全省比重多少？", tag)[1] == "2022年全市税收收入占全省比重多少？"
    # a total or a share names a measure, not a thing; the thing may follow what the first part asks
    assert _questions("济南2022年新增了多少家专精特新企业？年末总数多少家？", tag) == [
        "济南2022年新增了多少家专精特新企业？",
        "济南2022年专精特新企业年末总数多少家？",
    ]
    # a verb opening the first part ("新增…多少家"): its thing is all it names before what it asks
    parts = _questions("湘潭新增大学生创业企业多少家？比上年增长多少？", tag)
    assert parts[1] == "湘潭新增大学生创业企业比上年增长多少？"
    # …and one inside its thing's name, after the year ("新注册…"), where a noun ends what it names
    parts = _questions("临沂2021年新注册个体工商户多少户、增长多少？", tag)
    assert parts[1] == "临沂2021年新注册个体工商户增长多少？"
    # "其中" is of the part right before it
    parts = _questions("临沂2021年高新技术企业多少家、研发人员多少人？其中博士多少人？", tag)
    assert parts[2] == "临沂2021年研发人员其中博士多少人？"
    # a rate of what is done is the first part's thing's, a place the tagger takes for a locative too;
    # a rate that is an indicator of its own is not
    assert _questions("海口完成旅游厕所改造多少座？完成率是多少？", tag)[1] == "海口完成旅游厕所改造完成率是多少？"
    assert _questions("2020年全市新建5G基站多少个？城镇化率是多少？", tag)[1] == "2020年城镇化率是多少？"
    # what it is worth is a measure of the first part's thing too
    assert _questions("全县大型仪器有多少台，值多少钱？", tag)[1] == "全县大型仪器值多少钱？"


def test_a_part_that_names_its_own_year_keeps_the_place_not_the_year(tag) -> None:
    assert _questions("青岛2022年货物进出口总额是多少？2023年的增长目标是多少？", tag) == [
        "青岛2022年货物进出口总额是多少？",
        "青岛货物进出口总额2023年的增长目标是多少？",
    ]


def test_what_opens_the_question_without_asking_is_said_of_every_part(tag) -> None:
    assert _questions("截至2022年底，全省科技型中小企业有多少家？其中国家级多少家？", tag) == [
        "截至2022年底，全省科技型中小企业有多少家？",
        "截至2022年底，全省科技型中小企业其中国家级多少家？",
    ]


def test_three_things_listed_are_each_asked(tag) -> None:
    assert _questions("2019年全省规模以上工业增加值、一般公共预算收入和粮食产量分别增长多少？", tag) == [
        "2019年全省规模以上工业增加值增长多少？",
        "2019年全省一般公共预算收入增长多少？",
        "2019年全省粮食产量增长多少？",
    ]
    # listed with "、" only, and what each is said once after how many they are
    assert _questions("今年新能源汽车、光伏、锂电池三个产业的产值目标各是多少？", tag) == [
        "今年新能源汽车产业的产值目标是多少？",
        "今年光伏产业的产值目标是多少？",
        "今年锂电池产业的产值目标是多少？",
    ]
    assert _questions("今年的单位GDP能耗、碳排放强度、PM2.5浓度三个目标分别是多少？", tag) == [
        "今年的单位GDP能耗目标是多少？",
        "今年的碳排放强度目标是多少？",
        "今年的PM2.5浓度目标是多少？",
    ]


def test_a_clause_that_names_two_things_after_one_that_only_opens_asks_each(tag) -> None:
    assert _questions("2022年，城镇和农村居民人均消费支出分别是多少？", tag) == [
        "2022年，城镇居民人均消费支出是多少？",
        "2022年，农村居民人均消费支出是多少？",
    ]
    # the opening clause says what both are of: a target and an outcome
    assert _questions("新能源汽车产量，计划和实际各是多少？", tag) == [
        "新能源汽车产量，计划是多少？",
        "新能源汽车产量，实际是多少？",
    ]


def test_one_asking_word_before_two_things_of_one_head_asks_each(tag) -> None:
    assert _questions("2022年全省淘汰了多少落后水泥产能和落后平板玻璃产能？", tag) == [
        "2022年全省淘汰了多少落后水泥产能？",
        "2022年全省淘汰了多少落后平板玻璃产能？",
    ]
    # one thing whose name holds 与 is one thing
    assert _questions("2022年投入多少研究与试验发展经费？", tag) is None


def test_a_part_with_its_own_place_time_or_stance_asks_of_the_first_parts_thing(tag) -> None:
    # a place of its own stands in for the question's: the thing asked is the first part's
    assert _questions("济南2021年的上市公司有多少家？烟台到“十四五”末又有多少家？", tag) == [
        "济南2021年的上市公司有多少家？",
        "上市公司烟台到“十四五”末又有多少家？",
    ]
    # a plan's end is a time of its own: the first part's year is dropped
    assert _questions("郑州2020年的常住人口城镇化率是多少？到“十四五”末预计达到多少？", tag) == [
        "郑州2020年的常住人口城镇化率是多少？",
        "郑州的常住人口城镇化率到“十四五”末预计达到多少？",
    ]
    # "力争", "实际" say whether a figure is planned or achieved, not what it is of
    assert _questions("宁波舟山港货物吞吐量2021年是多少？2022年力争达到多少？", tag) == [
        "宁波舟山港货物吞吐量2021年是多少？",
        "宁波舟山港货物吞吐量2022年力争达到多少？",
    ]
    assert _questions("无锡2021年计划建设多少个充电桩？实际建成了多少个？", tag) == [
        "无锡2021年计划建设多少个充电桩？",
        "无锡2021年充电桩实际建成了多少个？",
    ]
    # the nation is a place of its own; "同年" is the question's year
    assert _questions("2021年郑州市居民消费价格上涨多少？同年全国上涨多少？", tag) == [
        "2021年郑州市居民消费价格上涨多少？",
        "2021年居民消费价格全国上涨多少？",
    ]
    # a place further on in a part is what it is about, not the part's own place
    assert _questions("2021年郑州新开通多少条地铁线路、多少条通往开封的城际公交？", tag) == [
        "2021年郑州新开通多少条地铁线路？",
        "2021年郑州多少条通往开封的城际公交？",
    ]
    # "城镇" is no place (jieba tags it as one): "新增城镇就业" is a thing of its own
    assert _questions("武汉2021年规模以上工业增加值增速是多少？新增城镇就业人数是多少？", tag) == [
        "武汉2021年规模以上工业增加值增速是多少？",
        "武汉2021年新增城镇就业人数是多少？",
    ]


def test_english_questions_that_ask_two_things_are_split() -> None:
    def sides(question: str) -> list[str] | None:
        parts = split_english_parts(question)
        return None if parts is None else [q for _, q in parts.sides]

    # a clause that refers back is asked of what the first names, in its own year if it has one
    assert sides("How many hospitals did Wuxi have in 2021, and how many does it plan to build in 2022?") == [
        "How many hospitals did Wuxi have in 2021?",
        "how many does it plan to build in 2022 (hospitals did Wuxi have)?",
    ]
    assert sides("What was Jilin's grain output in 2021? What was its growth?") == [
        "What was Jilin's grain output in 2021?",
        "What was its growth (Jilin's grain output in 2021)?",
    ]
    # so is one that asks only what was planned or expected
    assert sides("How many labs did Wuxi have in 2021, and what was planned for 2022?") == [
        "How many labs did Wuxi have in 2021?",
        "what was planned for 2022 (labs did Wuxi have)?",
    ]
    # any "how" that asks a quantity opens a clause, as it asks one in the question's analysis
    assert sides("What was Jilin's grain output in 2021, and how quickly did it rise?") == [
        "What was Jilin's grain output in 2021?",
        "how quickly did it rise (Jilin's grain output in 2021)?",
    ]
    # a clause with a subject of its own keeps to it
    assert sides("How many tourists visited Foshan in 2021, and which industries led Wuxi?") == [
        "How many tourists visited Foshan in 2021?",
        "which industries led Wuxi?",
    ]
    # "and" inside what is asked is no second question
    assert sides("How many schools and hospitals were built in Zhengzhou in 2020?") is None
    assert sides("What was the GDP of Urumqi in 2021?") is None


def test_a_clause_that_only_says_when_asks_nothing(tag) -> None:
    # "这几年", "近几年" say when; the question asks one thing
    assert split_parts("无锡这几年抓治水，劣五类断面占比降到多少了？", tag) is None


def test_a_clause_that_stands_for_its_noun_parallels_the_whole_first_clause(tag) -> None:
    # "…的" leaves its noun unsaid: it is set against all of "年初计划的目标", not against 目标 alone
    parts = split_parts("全县粮食产量，年初计划的目标和秋后实际收获的各是多少？", tag)
    assert parts is not None and [q for _, q in parts.sides] == [
        "全县粮食产量，年初计划的目标是多少？",
        "全县粮食产量，秋后实际收获的是多少？",
    ]


def test_a_whole_noun_and_a_run_of_nouns_share_only_the_last_word(tag) -> None:
    products = split_parts("2018年集成电路和民用无人机产量分别是多少？", tag)
    assert products is not None and [q for _, q in products.sides] == [
        "2018年集成电路产量是多少？",
        "2018年民用无人机产量是多少？",
    ]


def test_two_things_each_asked_its_own_way_are_two_parts(tag) -> None:
    # my own examples: the second thing has its own asking words, which its part keeps
    assert _questions("某县今年建成多少座污水处理厂和多少公里配套管网？", tag) == [
        "某县今年建成多少座污水处理厂？",
        "某县今年建成多少公里配套管网？",
    ]
    assert _questions("据某市年报，全市有多少名志愿者和多少支服务队参与了救灾？", tag) == [
        "据某市年报，全市有多少名志愿者？",
        "据某市年报，全市有多少支服务队参与了救灾？",
    ]


def test_a_part_asked_in_visits_keeps_its_subject_for_the_part_of_it(tag) -> None:
    # my own example: "多少人次" asks in 人次; "其中…" is of the visitors the first part asks
    assert _questions("2023年某市接待游客有多少人次，其中过夜游客有多少？", tag) == [
        "2023年某市接待游客有多少人次？",
        "2023年某市接待游客其中过夜游客有多少？",
    ]


def test_a_thing_at_one_year_and_at_another_named_by_its_year_and_stance_alone(tag) -> None:
    # my own example: the second names only its year and that it is a target; it is of the first's thing
    assert _questions("某市2023年工业投资的实际增幅和2024年预期的增幅各是多少？", tag) == [
        "某市2023年工业投资的实际增幅是多少？",
        "某市2024年工业投资的增幅预期是多少？",
    ]


def test_two_measures_of_the_thing_before_de_ending_alike_are_asked_whole(tag) -> None:
    # my own question: each side says its own measure of 新建学校, both ending in 数
    assert _questions("某市2030年新建学校的计划数和实际开工数各是多少？", tag) == [
        "某市2030年新建学校的计划数是多少？",
        "某市2030年新建学校的实际开工数是多少？",
    ]


def test_a_closing_clause_that_asks_nothing_is_said_of_every_part(tag) -> None:
    # my own question: the source it names closes it, for both parts
    assert _questions("2031年某市地区生产总值是多少，增长多少？请按2032年政府工作报告回答", tag) == [
        "2031年某市地区生产总值是多少？（请按2032年政府工作报告回答）",
        "2031年某市地区生产总值增长多少？（请按2032年政府工作报告回答）",
    ]


def test_a_part_of_the_whole_after_its_change_is_of_the_whole(tag) -> None:
    # my own question: "其中" after "比上年增长多少" is a part of 专利授权量, not of its growth
    assert _questions("2031年某市专利授权量是多少，比上年增长多少？其中发明专利多少件？", tag)[-1] == (
        "2031年某市专利授权量其中发明专利多少件？"
    )


def test_a_part_that_says_its_own_stance_does_not_take_the_first_parts_target(tag) -> None:
    # my own question: the second part asks what was done, not the target's actual value
    parts = _questions("2031年某市污水处理率原定目标是多少，实际达到多少？", tag)
    assert parts[-1] == "2031年某市污水处理率实际达到多少？"
