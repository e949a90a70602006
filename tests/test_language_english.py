"""English questions glossed in Chinese from CC-CEDICT, with the words a corpus uses."""

from __future__ import annotations

import pytest

from reportqa.language.english import EnglishGlossary
from reportqa.language.lexicon import Lexicon


@pytest.fixture(scope="module")
def glossary() -> EnglishGlossary:
    return EnglishGlossary.shared()


def test_a_run_of_words_is_glossed_with_the_chinese_the_documents_use(glossary) -> None:
    used = {"基站": 12, "国内生产总值": 40, "医务人员": 3}
    question = "How many 5G base stations and medical personnel? What was the gross domestic product?"
    text = glossary.gloss(question, lambda word: used.get(word, 0))
    assert text == (
        "How many 5G base stations (基站) and medical personnel (医务人员)? "
        "What was the gross domestic product (国内生产总值)?"
    )


def test_of_several_chinese_words_for_one_meaning_the_most_used_is_taken(glossary) -> None:
    # CC-CEDICT gives "medical personnel" for 医务人员 and for 医护人员
    more_of_one = {"医护人员": 2, "医务人员": 9}
    assert glossary.gloss("medical personnel", lambda w: more_of_one.get(w, 0)) == "medical personnel (医务人员)"
    more_of_other = {"医护人员": 9, "医务人员": 2}
    assert glossary.gloss("medical personnel", lambda w: more_of_other.get(w, 0)) == "medical personnel (医护人员)"


def test_words_the_documents_never_use_single_words_and_verbs_are_left_alone(glossary) -> None:
    assert glossary.gloss("How many base stations were built?", lambda w: 0) == "How many base stations were built?"
    # one word has too many senses ("value", "plan"); "to send" is how the question asks
    assert glossary.gloss("What was the value of the plan?", lambda w: 5) == "What was the value of the plan?"


def test_a_word_of_one_sense_is_glossed_alone_but_not_a_name(glossary) -> None:
    # CC-CEDICT gives "mutton" one Chinese word; "Hubei" is a place, left to the document scope
    used = {"羊肉": 4}.get
    assert glossary.gloss("How much mutton did Hubei produce?", lambda w: used(w, 0)) == (
        "How much mutton (羊肉) did Hubei produce?"
    )
    assert glossary.gloss("How much mutton was produced?", lambda w: 0) == "How much mutton was produced?"
    # a word that says what kind a thing is, or how, is not the thing ("industrial": 产业 is one sense of many)
    assert glossary.gloss("How much industrial mutton?", lambda w: 4) == "How much industrial mutton (羊肉)?"
    assert glossary.gloss("county-level mutton", lambda w: 4) == "county-level mutton (羊肉)"
    # a word before a noun says what kind it is ("mutton dumplings"), but not before a measure of it
    assert glossary.gloss("How many mutton dumplings?", lambda w: 4) == "How many mutton dumplings?"
    assert glossary.gloss("What was the mutton output?", lambda w: 4) == "What was the mutton (羊肉) output?"


def test_an_acronym_names_one_thing_glossed_alone_with_the_chinese_the_documents_use_most(glossary) -> None:
    # CC-CEDICT gives "WTO" three Chinese words and "GNP" one; an acronym is no common word of many senses
    used = {"世界贸易组织": 7, "世贸组织": 2, "国民生产总值": 3}.get
    assert glossary.gloss("How fast did GNP grow after joining the WTO?", lambda w: used(w, 0)) == (
        "How fast did GNP (国民生产总值) grow after joining the WTO (世界贸易组织)?"
    )
    assert glossary.gloss("How fast did GNP grow?", lambda w: 0) == "How fast did GNP grow?"
    # nor where the documents write the acronym itself, or it is part of a name with digits
    written = {"GDP": 5, "国内生产总值": 9, "颗粒物": 4}.get
    assert glossary.gloss("the share of GDP", lambda w: written(w, 0)) == "the share of GDP"
    assert glossary.gloss("PM2.5 concentration", lambda w: written(w, 0)) == "PM2.5 concentration"


def test_a_total_names_a_thing_of_its_own(glossary) -> None:
    # "total population" is 总人口: a total starts a run like any other word
    used = {"总人口": 3, "累计": 9}
    assert glossary.gloss("What was the total population?", lambda w: used.get(w, 0)).endswith("population (总人口)?")


def test_a_run_no_entry_gives_is_glossed_word_by_word_where_that_makes_a_word_the_documents_use(glossary) -> None:
    used = {"空气": 4, "质量": 9, "空气质量": 3, "我国": 7, "全面": 8, "我国全面": 2}
    words = {"空气", "质量", "空气质量", "我国", "全面"}  # "我国全面" is written, but as two words
    text = glossary.gloss(
        "How good was the air quality in China overall?", lambda w: used.get(w, 0), words.__contains__
    )
    assert "air quality (空气质量)" in text
    assert glossary.gloss("China overall", lambda w: used.get(w, 0), words.__contains__) == "China overall"
    # a word of the run the documents never use glosses none of it
    assert glossary.gloss("air quality", lambda w: {"空气质量": 3}.get(w, 0), words.__contains__) == "air quality"


def test_a_place_or_national_body_is_left_to_the_document_scope(glossary) -> None:
    # "State Council" is 国务院: the question's place (national), not a word its passages must hold
    assert glossary.gloss("the State Council work report", lambda w: 5) == "the State Council work report"


def test_a_run_is_words_side_by_side_not_across_a_number_or_a_comma(glossary) -> None:
    # "city government" is 市政府, but "the city's 2021 government work report" names no city government
    assert glossary.gloss("the city government", lambda w: 5) == "the city government (市政府)"
    assert glossary.gloss("the city 2021 government work report", lambda w: 5) == "the city 2021 government work report"
    assert glossary.gloss("in the city, government", lambda w: 5) == "in the city, government"


def test_a_phrase_given_whole_may_open_with_a_function_word_and_hyphens_are_spaces(glossary) -> None:
    # "per capita" is CC-CEDICT's whole phrase for 人均, though "per" opens no run pieced together;
    # it writes "foreign-exchange reserves" where a question may write the words apart
    used = {"人均": 19, "外汇储备": 4, "外汇": 6}
    assert "per capita (人均)" in glossary.gloss("What was the per capita income?", lambda w: used.get(w, 0))
    assert (
        glossary.gloss("foreign exchange reserves", lambda w: used.get(w, 0)) == "foreign exchange reserves (外汇储备)"
    )
    assert glossary.gloss("of the plan", lambda w: 5) == "of the plan"
    assert glossary.gloss("went to aid Hubei", lambda w: 5) == "went to aid Hubei"  # a verb: how it asks


def test_a_phrase_the_lexicon_reads_whole_is_left_to_it(glossary) -> None:
    # the lexicon's synonyms hold "energy consumption per unit of GDP" whole: glossing "energy
    # consumption" (能耗) apart would leave it another thing; it is glossed as the lexicon writes it
    from reportqa.language.lexicon import Lexicon

    lexicon = Lexicon.load()
    question = "How much did energy consumption per unit of GDP fall in 2021?"
    assert "(能耗)" in glossary.gloss(question, lambda w: 5)
    glossed = glossary.gloss(question, lambda w: 5, whole=lexicon.phrases(question))
    canonical = lexicon.canonical("单位生产总值能耗")
    assert glossed == f"How much did energy consumption per unit of GDP ({canonical}) fall in 2021?"
    assert canonical in lexicon.keyword_tokens(glossed)
    # a phrase of one word ("tax") leaves the longer run it opens to CC-CEDICT ("tax burden": 税负)
    burden = "How much was the tax burden on firms cut?"
    assert glossary.gloss(burden, lambda w: 5, whole=lexicon.phrases(burden)) == glossary.gloss(burden, lambda w: 5)


def test_names_given_outright_are_glossed_before_any_run_one_word_too(glossary) -> None:
    # english.txt's names (Lexicon.english_names): "rare earths" is no CC-CEDICT entry of the reports' word
    lexicon = Lexicon(english=[["稀土", "rare earth", "rare earth metal"], ["集装箱吞吐量", "container throughput"]])
    question = "How much rare earth metal and what container throughput?"
    named = lexicon.english_names(question)
    assert glossary.gloss(question, lambda w: 0, named=named) == (
        "How much rare earth metal (稀土) and what container throughput (集装箱吞吐量)?"
    )
    # a longer phrase of the lexicon wins over a name inside it; a name is no part of a hyphenated word
    lexicon = Lexicon(english=[["进口", "total imports"], ["货物贸易", "goods trade"]])
    trade = "What were total imports and exports in goods trade-ins?"
    imports_and_exports = [(10, 35, "进出口总额")]
    assert glossary.gloss(trade, lambda w: 0, whole=imports_and_exports, named=lexicon.english_names(trade)) == (
        "What were total imports and exports (进出口总额) in goods trade-ins?"
    )
    # a name of one word before a noun is what kind of thing that is ("gold medals")
    gold = Lexicon(english=[["黄金", "gold"]])
    medals = "How many gold medals were won?"
    assert glossary.gloss(medals, lambda w: 0, named=gold.english_names(medals)) == medals


def test_a_name_of_one_word_gives_way_to_a_longer_run_the_glossary_knows_it_in(glossary) -> None:
    # my own example: "station" alone would be 车站; in "base station" it is part of 基站
    lexicon = Lexicon(english=[["车站", "station"]])
    question = "How many 5G base station?"
    used = {"基站": 12, "车站": 3}
    glossed = glossary.gloss(question, lambda w: used.get(w, 0), named=lexicon.english_names(question))
    assert glossed == "How many 5G base station (基站)?"
    alone = "How many station?"
    assert glossary.gloss(alone, lambda w: used.get(w, 0), named=lexicon.english_names(alone)) == (
        "How many station (车站)?"
    )
