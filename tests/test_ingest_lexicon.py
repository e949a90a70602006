"""The project lexicon: its own jieba tokenizer, domain words, synonyms and keyword tokens."""

from __future__ import annotations

import jieba
import pytest

from reportqa.core.errors import DocumentError
from reportqa.language.lexicon import BUILTIN_LEXICON_DIR, DOMAIN_DICT, SYNONYMS, Lexicon

LEXICON_DIR = BUILTIN_LEXICON_DIR


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load(LEXICON_DIR)


def test_lexicon_files_have_the_promised_size():
    words = [line for line in (LEXICON_DIR / DOMAIN_DICT).read_text("utf-8").splitlines() if line and line[0] != "#"]
    groups = [line for line in (LEXICON_DIR / SYNONYMS).read_text("utf-8").splitlines() if line and line[0] != "#"]
    assert 80 <= len(words) <= 200
    assert 200 <= len(groups) <= 600


def test_domain_terms_are_single_words(lexicon):
    for term in ["万人有效发明专利拥有量", "技术合同成交额", "一般公共预算收入", "新旧动能转换", "校城融合"]:
        assert lexicon.cut(f"全市{term}继续提高") == ["全市", term, "继续", "提高"]


def test_every_synonym_without_spaces_is_one_word(lexicon):
    for line in (LEXICON_DIR / SYNONYMS).read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        for term in (t.strip() for t in line.split("=")):
            if " " in term or "、" in term:
                continue
            assert lexicon.cut(term) == [term], term


def test_synonyms_share_a_keyword_token(lexicon):
    assert lexicon.keyword_tokens("高企") == lexicon.keyword_tokens("高新技术企业") == ["高新技术企业"]
    assert lexicon.keyword_tokens("全市研发投入") == lexicon.keyword_tokens("全市R&D经费")
    assert lexicon.keyword_tokens("院士站多少家") == ["院士工作站", "家"]
    assert lexicon.keyword_tokens("GDP增长") == lexicon.keyword_tokens("地区生产总值增长")
    assert lexicon.keyword_tokens("High-Tech Enterprise count") == ["高新技术企业", "count"]
    assert lexicon.canonical("高企") == "高新技术企业"
    assert lexicon.canonical("Gdp") == "地区生产总值"
    assert lexicon.canonical("不在词表") == "不在词表"
    # a text writes any of them: the canonical form first, then the others as the file lists them
    assert lexicon.surface_forms("高企")[:3] == ("高新技术企业", "高企", "高新企业")
    assert "国内生产总值" in lexicon.surface_forms("GDP")
    assert lexicon.surface_forms("不在词表") == ("不在词表",)


def test_everyday_and_english_names_of_indicators_are_the_reports_names(lexicon):
    assert lexicon.canonical("平均寿命") == lexicon.canonical("人均预期寿命") == lexicon.canonical("life expectancy")
    assert lexicon.canonical("网购") == lexicon.canonical("网上零售额")
    assert lexicon.canonical("看病人次") == lexicon.canonical("总诊疗人次")
    assert lexicon.canonical("保障房") == lexicon.canonical("保障性住房")
    # two things are never one: a hypernym, or the other of a pair, is another group or none
    assert lexicon.canonical("进口额") != lexicon.canonical("出口额")
    assert lexicon.canonical("城镇居民收入") != lexicon.canonical("农村居民收入")
    assert lexicon.canonical("收入") == "收入"
    # an English noun, singular or plural, is the Chinese word the reports write
    assert lexicon.canonical("labs") == lexicon.canonical("laboratory") == "实验室"
    assert lexicon.keyword_tokens("How many universities?")[-1] == "大学"


def test_a_comparison_base_is_not_glued_to_the_noun_before_it(lexicon):
    # jieba alone reads "价格比 / 上年" (a price ratio)
    assert lexicon.cut("出厂价格比上年下降") == ["出厂价格", "比上年", "下降"]
    assert "价格" in lexicon.cut("农产品价格比上年上涨")
    # as a question says it: "比前一年" is the year before, not "比前 / 一年"
    assert lexicon.cut("招生比前一年多了多少")[:2] == ["招生", "比前一年"]


def test_keyword_tokens_drop_punctuation_and_stopwords_keep_numbers(lexicon):
    tokens = lexicon.keyword_tokens("2018年，全市的研发经费投入总额达到133.68亿元，占比为2.63%。")
    assert "133.68" in tokens and "2.63%" in tokens and "2018" in tokens
    assert "的" not in tokens and "，" not in tokens and "。" not in tokens
    assert lexicon.keyword_tokens("   \n\t，。！") == []


def test_a_latin_abbreviation_in_brackets_inside_a_name_leaves_the_name_whole(lexicon):
    tokens = lexicon.keyword_tokens("全年研究与试验发展（R&D）经费支出19657亿元")
    assert "研发经费" in tokens and lexicon.keyword_tokens("2018年R&D经费支出是多少？")[-1] == "研发经费"
    assert lexicon.keyword_tokens("居民消费价格（CPI）上涨2.1%")[0] == "居民消费价格"
    # a subscript in markdown ("PM_2.5") is the plain text's PM2.5
    assert lexicon.keyword_tokens("PM_2.5浓度为25.9微克/立方米")[0] == lexicon.keyword_tokens("PM2.5浓度")[0]


def test_spans_cover_the_text_and_keep_numbers_whole(lexicon):
    text = "技术合同成交额1,234.5亿元，增长 12.3%。\n院士工作站52家"
    spans = lexicon.tokenize_with_spans(text)
    assert "".join(w for w, _, _ in spans) == text
    assert all(text[s:e] == w for w, s, e in spans)
    assert [s for _, s, _ in spans[1:]] == [e for _, _, e in spans[:-1]]
    assert "1,234.5" in [w for w, _, _ in spans]


def test_a_years_nian_ends_it_unless_a_word_of_its_time_goes_on(lexicon):
    # jieba alone reads 年轻 and 年长者 across the year's end
    assert lexicon.cut("2021年轻工业增加值增长")[:2] == ["2021", "年"]
    assert [w for w, _ in lexicon.tagged("2019年长者食堂新增")][:2] == ["2019", "年"]
    spans = lexicon.tokenize_with_spans("2019年长者食堂新增")
    assert [s for _, s, _ in spans[1:]] == [e for _, _, e in spans[:-1]]
    assert lexicon.cut("2020年末人口")[:2] == ["2020", "年末"]  # a word of its time
    assert lexicon.cut("年长者")[0] == "年长者"


def test_own_tokenizer_leaves_jieba_global_alone(lexicon):
    assert lexicon.cut("万人有效发明专利拥有量") == ["万人有效发明专利拥有量"]
    assert jieba.lcut("万人有效发明专利拥有量") != ["万人有效发明专利拥有量"]


def test_bad_lexicon_files_name_the_file(tmp_path):
    with pytest.raises(DocumentError, match=DOMAIN_DICT):
        Lexicon.load(tmp_path)
    (tmp_path / DOMAIN_DICT).write_text("高新技术企业 100 n\n", encoding="utf-8")
    (tmp_path / SYNONYMS).write_text("只有一个词\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=SYNONYMS):
        Lexicon.load(tmp_path)
    (tmp_path / SYNONYMS).write_text("甲 = 乙\n丙 = 乙\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="two groups"):
        Lexicon.load(tmp_path)


def test_edited_synonyms_take_effect(tmp_path):
    (tmp_path / DOMAIN_DICT).write_text("# empty\n", encoding="utf-8")
    (tmp_path / SYNONYMS).write_text("# 注释\n孵化载体 = 孵化平台\n", encoding="utf-8")
    lexicon = Lexicon.load(tmp_path)
    assert lexicon.keyword_tokens("孵化平台") == ["孵化载体"]
    assert Lexicon.load(tmp_path) is lexicon  # read once while the files stay as they are
    (tmp_path / SYNONYMS).write_text("孵化载体 = 孵化平台 = 孵化空间\n", encoding="utf-8")
    assert Lexicon.load(tmp_path).keyword_tokens("孵化空间") == ["孵化载体"]


def test_english_aliases_match_their_plurals() -> None:
    lexicon = Lexicon(synonym_groups=[["高新技术企业", "high-tech enterprise"], ["科技企业孵化器", "incubator"]])
    assert lexicon.keyword_tokens("How many high-tech enterprises and incubators?").count("高新技术企业") == 1
    assert "科技企业孵化器" in lexicon.keyword_tokens("incubators")


def test_subwords_are_the_shorter_dictionary_words_inside_a_word(lexicon):
    assert lexicon.subwords("汽车产量") == ["汽车", "产量"]
    assert lexicon.subwords("产量") == []


def test_the_bundled_synonyms_name_common_indicators_in_english(lexicon) -> None:
    # an indicator's English name is one term, and the Chinese compound one word: "人口覆盖率" holds
    # no "森林覆盖率" in part
    assert "森林覆盖率" in lexicon.keyword_tokens("What was the forest coverage rate of Jilin?")
    assert "旅游总收入" in lexicon.keyword_tokens("How much tourism revenue did Foshan earn?")
    assert "一般公共预算支出" in lexicon.keyword_tokens("general public budget expenditure of Wuxi")
    assert "森林覆盖率" not in lexicon.keyword_tokens("广播电视综合人口覆盖率98.6%")


def test_an_english_alias_is_matched_whole_and_cuts_no_english_word() -> None:
    lexicon = Lexicon.load(BUILTIN_LEXICON_DIR)
    assert "汽车" not in lexicon.keyword_tokens("They have carried out R&D with universities.")
    assert "汽车" in lexicon.keyword_tokens("How many cars were made?")


def test_a_questions_everyday_phrases_are_said_as_the_reports_say_them(lexicon):
    # the bundled everyday.txt: "城里" is 城镇, "高科技公司" 高新技术企业; a phrase the documents write is theirs
    never_written = lambda phrase: False  # noqa: E731
    assert lexicon.in_official_words("全县城里的高科技公司有几家？", never_written) == "全县城镇的高新技术企业有几家？"
    written = lambda phrase: phrase == "城里"  # noqa: E731
    assert lexicon.in_official_words("全县城里的高科技公司有几家？", written) == "全县城里的高新技术企业有几家？"
    assert (
        lexicon.in_official_words("全县城镇的高新技术企业有几家？", never_written) == "全县城镇的高新技术企业有几家？"
    )
    # "平均每人" is what reports write 人均
    assert lexicon.in_official_words("全县平均每个人的住房面积多大？", never_written) == "全县人均的住房面积多大？"


def test_an_everyday_phrase_is_found_with_de_or_quote_marks_between_its_words(tmp_path):
    for name in (DOMAIN_DICT, SYNONYMS):
        (tmp_path / name).write_text((LEXICON_DIR / name).read_text("utf-8"), encoding="utf-8")
    (tmp_path / "everyday.txt").write_text("草原火灾 = 草场着火\n城市绿道 = 散步道\n", encoding="utf-8")
    lexicon = Lexicon.load(tmp_path)
    never_written = lambda phrase: False  # noqa: E731
    assert lexicon.in_official_words("去年草场的着火几次？", never_written) == "去年草原火灾几次？"
    # a quote mark it opens, or closes, is kept for the one outside it
    for asked in ("新修了多少“散步”道？", "新修了多少散“步道”？", "新修了多少“散步道”？"):
        assert lexicon.in_official_words(asked, never_written) == "新修了多少“城市绿道”？"


def test_everyday_phrases_are_read_from_the_lexicon_folder(tmp_path):
    for name in (DOMAIN_DICT, SYNONYMS):
        (tmp_path / name).write_text((LEXICON_DIR / name).read_text("utf-8"), encoding="utf-8")
    (tmp_path / "everyday.txt").write_text("# 口语说法\n草原火灾 = 草场着火 = 草原着火\n", encoding="utf-8")
    assert Lexicon.load(tmp_path).in_official_words("去年草场着火几次？", lambda phrase: False) == "去年草原火灾几次？"


def test_an_english_name_listed_in_the_plural_is_found_in_the_singular_before_a_noun() -> None:
    # my own names: "a county's key industry output", "overseas visitor arrivals"
    lexicon = Lexicon(english=[["重点产业", "key industries"], ["境外游客", "overseas visitors"]])
    text = "What was the key industry output, and how many overseas visitor arrivals were there?"
    assert [chinese for _s, _e, chinese in lexicon.english_names(text)] == ["重点产业", "境外游客"]


def test_a_word_cut_off_a_term_it_opens_is_read_with_it(lexicon):
    # "高速" + 铁路通车里程: the segmenter cuts them apart; together they write a form of 高铁运营里程,
    # not 铁路运营里程. A word between them ("高速的铁路里程") leaves them apart.
    assert lexicon.keyword_tokens("本市高速铁路通车里程达到") == ["本市", lexicon.canonical("高铁运营里程"), "达到"]
    assert lexicon.canonical("铁路运营里程") in lexicon.keyword_tokens("全市高速的铁路里程")


def test_a_synonym_group_word_jieba_takes_for_a_name_names_a_thing(lexicon: Lexicon) -> None:
    # jieba's dictionary tags 养老金 a person's name; the lexicon knows it for an indicator's word
    assert ("养老金", "n") in lexicon.tagged("今年给老同志上调了多少养老金？")
    assert ("张伟", "nr") in lexicon.tagged("副县长张伟分管教育。")  # a name is still a name
