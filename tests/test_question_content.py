"""Questions with nothing to look up, and years no report can hold, are refused rather than guessed."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportqa.answering.extractive import ExtractiveAnswerer
from reportqa.core.errors import QuestionError
from reportqa.core.models import Chunk, DocumentMeta, Hit
from reportqa.indexing.keyword import KeywordIndex
from reportqa.language.lexicon import Lexicon
from reportqa.question.analysis import analyse, find_years

SEED = next((Path(__file__).parent.parent / "corpus").glob("*.txt"))
PASSAGE = "2016-2019年，全市共投入市级科技资金6.6亿余元，年平均投入超过1.65亿元。"


@pytest.fixture(scope="module")
def answerer_and_hit() -> tuple[ExtractiveAnswerer, Hit]:
    lexicon = Lexicon.load()
    text = SEED.read_text(encoding="utf-8")
    stats = KeywordIndex.build([lexicon.keyword_tokens(line) for line in text.splitlines()])
    meta = DocumentMeta("后评估报告", "淄博市", 2020, "评估报告")
    answerer = ExtractiveAnswerer(lexicon, term_stats=stats, documents={SEED.name: meta})
    start = text.index(PASSAGE)
    chunk = Chunk(f"{SEED.name}#{start}", SEED.name, start, start + len(PASSAGE), PASSAGE, "三、评估结论")
    return answerer, Hit(chunk=chunk, score=1.0)


@pytest.mark.parametrize("question", ["？？？！", "😀🎉", "……——", "  ?!  "])
def test_a_question_of_punctuation_or_emoji_is_an_error_that_says_so(question: str) -> None:
    with pytest.raises(QuestionError, match="没有可查询的文字"):
        analyse(question)


@pytest.mark.parametrize(
    "question",
    [
        "SELECT * FROM users WHERE id = 1;",
        "rm -rf / && echo done",
        "<script>x</script>",
        # code that names what the documents speak of is still code, not a question about them
        "SELECT 市级科技资金 FROM 报告 WHERE 年份='2016-2019年'; DROP TABLE 报告;--",
        "cat 科技资金.txt && rm -rf 投入",
    ],
)
def test_code_or_a_command_finds_nothing_to_look_up(answerer_and_hit, question: str) -> None:
    answerer, hit = answerer_and_hit
    answer = answerer.answer(analyse(question), [hit])
    assert not answer.found and "没有可在文档中查找的内容" in answer.answer


def test_an_english_question_still_asks(answerer_and_hit) -> None:
    answerer, hit = answerer_and_hit
    assert answerer.answer(analyse("How much municipal science funding was invested each year?"), [hit]).found


@pytest.mark.parametrize("year", [1900, 1850, 2101, 2500])
def test_a_year_no_report_can_hold_is_kept_and_not_found(answerer_and_hit, year: int) -> None:
    answerer, hit = answerer_and_hit
    question = f"{year}年全市投入市级科技资金多少？"
    assert find_years(question) == (year,)
    answer = answerer.answer(analyse(question), [hit])
    assert not answer.found and answer.answer.startswith(f"文中未提及{year}年")


def test_the_same_question_without_the_year_is_answered(answerer_and_hit) -> None:
    answerer, hit = answerer_and_hit
    answer = answerer.answer(analyse("全市投入市级科技资金多少？"), [hit])
    assert answer.found and "6.6亿" in answer.answer


def test_this_year_and_last_year_are_said_against_the_document_the_question_names() -> None:
    query = analyse("西藏2021年政府工作报告说去年化解了多少存量债务？")
    assert (query.years, query.document_years) == ((2020,), (2021,))
    assert analyse("西藏2021年政府工作报告提出，今年城镇新增就业目标是多少？").years == (2021,)
    # "当年" is the year the question names: its document's, where it names no other
    assert analyse("某县2023年工作报告安排当年新建多少公里绿道？").years == (2023,)
    assert analyse("某县2023年工作报告说2022年当年新建了多少公里绿道？").years == (2022,)
    # and so is "那一年" ("那年")
    assert analyse("某县2030年统计公报里，那一年新建了多少公里绿道？").years == (2030,)
    # with no document named, no date is implied
    assert analyse("去年化解了多少存量债务？").years == ()


@pytest.mark.parametrize(
    "question",
    ["上世纪80年代全市有多少家纺织厂？", "1980年代全市有多少家纺织厂？", "How many mills were there in the 1980s?"],
)
def test_a_decade_is_no_year_asked(question: str) -> None:
    assert find_years(question) == ()
