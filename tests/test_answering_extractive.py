"""The extractive answerer on real passages of the seed report (hits made by hand, no index)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportqa.answering.extractive import ExtractiveAnswerer
from reportqa.core.models import Chunk, DocumentMeta, Hit
from reportqa.core.settings import Settings
from reportqa.indexing.keyword import KeywordIndex
from reportqa.language.lexicon import Lexicon
from reportqa.question.analysis import analyse

SEED = next((Path(__file__).parent.parent / "corpus").glob("*.txt"))
DOC = SEED.name
METAS = {DOC: DocumentMeta(title="《淄博市“十三五”科技创新规划》后评估报告", place="淄博市", year=2020)}
TEXT = SEED.read_text(encoding="utf-8")


def _hit(passage: str, section: str = "二、评估的主要内容", statement: str = "") -> Hit:
    start = TEXT.index(passage)
    chunk = Chunk(f"{DOC}#{start}", DOC, start, start + len(passage), passage, section, bool(statement), statement)
    return Hit(chunk=chunk, score=1.0)


GROWTH = _hit("全市高新技术企业由2015年的251家增加到512家，增长103.98%。")
CASE = _hit("全市高新技术企业总量从2011年203家一举跃升至2019年512家。")
ROW = _hit(
    "高新技术企业数（家）\n\t380\n\t512\n\t2019年度",
    section="二、评估的主要内容 > （一）《规划》实施情况 > 1、主要指标完成情况",
    statement="高新技术企业数（家）：2020年目标数 380；目前完成数 512；备注 2019年度",
)
REASON = _hit("院士建站数量受限，现有院士工作站数量减少。")


@pytest.fixture(scope="module")
def answerer() -> ExtractiveAnswerer:
    lexicon = Lexicon.load(Settings().lexicon_dir)
    # term statistics over the seed's lines, as the index keeps them over its chunks
    stats = KeywordIndex.build([lexicon.keyword_tokens(line) for line in TEXT.splitlines() if line.strip()])
    return ExtractiveAnswerer(lexicon, term_stats=stats, documents=METAS)


def test_quantity_for_the_asked_year(answerer: ExtractiveAnswerer) -> None:
    answer = answerer.answer(analyse("2019年高新技术企业有多少家？"), [GROWTH, ROW, CASE])
    assert answer.found
    assert answer.answer.startswith("512")
    assert "[1]" in answer.answer
    assert all(c.text == TEXT[c.start : c.end] for c in answer.citations)


def test_an_earlier_year_gives_that_years_figure(answerer: ExtractiveAnswerer) -> None:
    answer = answerer.answer(analyse("2015年高新技术企业有多少家？"), [ROW, GROWTH, CASE])
    assert answer.found
    assert answer.answer.startswith("251家")


def test_target_value_from_the_table(answerer: ExtractiveAnswerer) -> None:
    answer = answerer.answer(analyse("高新技术企业数2020年的目标是多少家？"), [ROW, GROWTH])
    assert answer.answer.startswith("380家")


def test_a_year_no_passage_speaks_of_is_not_found(answerer: ExtractiveAnswerer) -> None:
    answer = answerer.answer(analyse("2023年高新技术企业有多少家？"), [ROW, GROWTH, CASE])
    assert not answer.found
    assert answer.answer.startswith("文中未提及2023年")
    assert answer.citations  # the nearest fact is still cited


def test_reason_quotes_the_causal_sentence(answerer: ExtractiveAnswerer) -> None:
    answer = answerer.answer(analyse("院士工作站为什么没达标？"), [GROWTH, REASON])
    assert answer.found
    assert "数量受限" in answer.answer


def test_no_hits_is_not_found(answerer: ExtractiveAnswerer) -> None:
    answer = answerer.answer(analyse("2019年高新技术企业有多少家？"), [])
    assert not answer.found and not answer.citations


FARM = _hit("兰玉彬教授在淄博市创建500亩无人机植保农场")


def test_a_figure_in_another_unit_does_not_answer(answerer: ExtractiveAnswerer) -> None:
    answer = answerer.answer(analyse("兰玉彬教授的无人机植保农场投资了多少钱？"), [FARM])
    assert not answer.found and "500亩" not in answer.answer.split("文中最接近的信息")[0]


def test_a_plan_period_the_passages_do_not_cover_is_not_found(answerer: ExtractiveAnswerer) -> None:
    answer = answerer.answer(analyse("“十四五”期间高新技术企业的目标是多少家？"), [ROW, GROWTH])
    assert not answer.found
    assert answer.answer.startswith("文中未提及2021—2025年")


def test_how_the_question_is_phrased_does_not_count_against_the_passage(answerer: ExtractiveAnswerer) -> None:
    # "达标" appears nowhere in the report: it is the asker's word, not a missing fact
    answer = answerer.answer(analyse("院士工作站为什么没达标？"), [REASON])
    assert answer.found


def test_english_question_is_answered_from_chinese_passages(answerer: ExtractiveAnswerer) -> None:
    answer = answerer.answer(analyse("How many high-tech enterprises were there in 2019?"), [ROW, GROWTH])
    assert answer.found and answer.answer.startswith("512")


def test_who_names_the_person_on_the_roster_line(answerer: ExtractiveAnswerer) -> None:
    duty = _hit("成立由局主要领导担任组长，分管领导担任副组长")
    roster = _hit("组  长：于秀栋  市科技局党组书记、局长")
    answer = answerer.answer(analyse("后评估工作小组组长是谁？"), [duty, roster])
    assert answer.found and answer.answer.startswith("于秀栋")


MULTI = Path(__file__).parent.parent / "eval" / "corpora" / "multi" / "cn_city_work_reports" / "深圳市"


def _doc_hit(doc_id: str, text: str, passage: str, section: str = "一、工作回顾") -> Hit:
    start = text.index(passage)
    chunk = Chunk(f"{doc_id}#{start}", doc_id, start, start + len(passage), passage, section)
    return Hit(chunk=chunk, score=1.0)


def test_documents_that_give_different_figures_are_each_cited() -> None:
    texts = {year: (MULTI / f"{year}.md").read_text(encoding="utf-8") for year in (2020, 2021)}
    metas = {
        f"深圳市/{year}.md": DocumentMeta(title=f"深圳市{year}年政府工作报告", place="深圳市", year=year)
        for year in texts
    }
    hits = [
        _doc_hit("深圳市/2021.md", texts[2021], "国家级高新技术企业达1.86万家，五年增长237%"),
        _doc_hit("深圳市/2020.md", texts[2020], "新增国家级高新技术企业2700多家，总量超过1.7万家、仅次于北京。"),
    ]
    lexicon = Lexicon.load(Settings().lexicon_dir)
    stats = KeywordIndex.build([lexicon.keyword_tokens(line) for t in texts.values() for line in t.splitlines()])
    answerer = ExtractiveAnswerer(lexicon, term_stats=stats, documents=metas)

    answer = answerer.answer(analyse("深圳市国家级高新技术企业总量是多少家？"), hits)
    assert answer.found
    first_line = answer.answer.splitlines()[0]
    assert first_line.startswith("各文档说法不同")
    assert "《深圳市2021年政府工作报告》为1.86万家[1]" in first_line
    assert "《深圳市2020年政府工作报告》为1.7万家[2]" in first_line
    assert [c.doc for c in answer.citations] == ["深圳市/2021.md", "深圳市/2020.md"]

    one_document = answerer.answer(analyse("深圳市国家级高新技术企业总量是多少家？"), hits[:1])
    assert not one_document.answer.startswith("各文档说法不同")

    # a title that names neither place nor year gets both from the metadata
    plain = {doc: DocumentMeta("政府工作报告", meta.place, meta.year, "政府工作报告") for doc, meta in metas.items()}
    labelled = ExtractiveAnswerer(lexicon, term_stats=stats, documents=plain).answer(
        analyse("深圳市国家级高新技术企业总量是多少家？"), hits
    )
    assert "深圳市《政府工作报告》（2021年）为1.86万家[1]" in labelled.answer.splitlines()[0]


PROVINCES = MULTI.parent.parent / "cn_provincial_work_reports"


def _report_answerer(*docs: tuple[str, Path]) -> tuple[ExtractiveAnswerer, dict[str, str]]:
    """An answerer over real work reports, with their place and year as metadata."""
    texts = {doc_id: path.read_text(encoding="utf-8") for doc_id, path in docs}
    metas = {
        doc_id: DocumentMeta("政府工作报告", doc_id.split("/")[0], int(doc_id[-7:-3]), "政府工作报告")
        for doc_id in texts
    }
    lexicon = Lexicon.load(Settings().lexicon_dir)
    stats = KeywordIndex.build([lexicon.keyword_tokens(line) for t in texts.values() for line in t.splitlines()])
    return ExtractiveAnswerer(lexicon, term_stats=stats, documents=metas), texts


def test_a_level_is_not_answered_by_a_share_a_starting_point_or_a_years_plan() -> None:
    jinan, guangdong, zhejiang = "济南市/2020.md", "广东省/2020.md", "浙江省/2026.md"
    answerer, texts = _report_answerer(
        (jinan, MULTI.parent / "济南市" / "2020.md"),
        (guangdong, PROVINCES / "广东省" / "2020.md"),
        (zhejiang, PROVINCES / "浙江省" / "2026.md"),
    )
    plan = _doc_hit(jinan, texts[jinan], "实施高新技术企业培育计划，高新技术企业达到2800家。", "三、2020年重点工作任务")
    outcome = _doc_hit(jinan, texts[jinan], "高新技术企业突破2200家", "一、2019年工作回顾")
    assert answerer.answer(analyse("济南市高新技术企业有多少家？"), [plan, outcome]).answer.startswith("2200家")
    assert answerer.answer(analyse("济南市高新技术企业目标是多少家？"), [plan, outcome]).answer.startswith("2800家")

    share = _doc_hit(guangdong, texts[guangdong], "新经济增加值占地区生产总值比重达25.3%。")
    level = _doc_hit(guangdong, texts[guangdong], "全省地区生产总值10.77万亿元、同比增长6.2%")
    assert answerer.answer(analyse("广东省地区生产总值是多少？"), [share, level]).answer.startswith("10.77万亿元")

    span = _doc_hit(zhejiang, texts[zhejiang], "高新技术企业从2.2万家增加到4.9万家")
    assert answerer.answer(analyse("浙江省高新技术企业有多少家？"), [span]).answer.startswith("4.9万家")


def test_who_reads_the_name_a_roster_line_sets_after_the_post() -> None:
    doc = "深圳市/2021.md"
    answerer, texts = _report_answerer((doc, MULTI / "2021.md"))
    byline = _doc_hit(doc, texts[doc], "深圳市代市长 覃伟中", "政府工作报告")
    answer = answerer.answer(analyse("深圳市2021年政府工作报告是谁作的？"), [byline])
    assert answer.found and answer.answer.startswith("覃伟中。")


def test_a_compound_term_is_found_in_part_in_a_table_row() -> None:
    doc = "nbs/2019.md"
    statement = "汽车：单位 万辆；产量 2552.8；比上年增长（%） -8.3"
    chunk = Chunk(
        f"{doc}#0", doc, 0, len(statement), statement, "表3 2019年主要工业产品产量及其增长速度", True, statement
    )
    metas = {doc: DocumentMeta("中华人民共和国2019年国民经济和社会发展统计公报", "全国", 2019, "统计公报")}
    lexicon = Lexicon.load(Settings().lexicon_dir)
    communique = MULTI.parent.parent / "cn_national_gov_docs" / "nbs_statistical_communiques" / "2019.md"
    stats = KeywordIndex.build(
        [lexicon.keyword_tokens(line) for line in communique.read_text(encoding="utf-8").splitlines()]
    )
    answerer = ExtractiveAnswerer(lexicon, term_stats=stats, documents=metas)
    answer = answerer.answer(analyse("2019年全国汽车产量是多少万辆？"), [Hit(chunk=chunk, score=1.0)])
    assert answer.found and answer.answer.startswith("2552.8万辆")


def test_a_range_or_bound_is_part_of_the_figure() -> None:
    doc = "全国/2019.md"
    answerer, texts = _report_answerer(
        (doc, MULTI.parent.parent / "cn_national_gov_docs" / "national_work_reports" / "2019.md")
    )
    target = _doc_hit(doc, texts[doc], "国内生产总值增长6%—6.5%；", "三、2019年政府工作任务")
    answer = answerer.answer(analyse("2019年国务院政府工作报告提出的国内生产总值增长目标是多少？"), [target])
    assert answer.answer.startswith("6%—6.5%")


def test_a_figure_inside_a_quoted_name_is_not_stated() -> None:
    named = _hit("先后出台了“创新发展30条”“零成本创业16条”“创新型城市建设24条”等一系列真金白银的政策")
    counted = _hit("等十余项创新政策，从不同方面优化创新创业环境")
    lexicon = Lexicon.load(Settings().lexicon_dir)
    stats = KeywordIndex.build([lexicon.keyword_tokens(line) for line in TEXT.splitlines()])
    answerer = ExtractiveAnswerer(lexicon, term_stats=stats, documents=METAS)
    answer = answerer.answer(analyse("出台了多少条创新政策？"), [named, counted])
    assert answer.found and answer.answer.startswith("十余项")


def test_a_years_level_is_worked_out_from_a_later_one_and_the_change_since(answerer: ExtractiveAnswerer) -> None:
    later = _hit(
        "2020年一季度，全市规模以上高新技术产业产值占规模以上工业产值比重为42.41%，比2015年提高了10.58个百分点。"
    )
    answer = answerer.answer(analyse("2015年高新技术产业产值占规上工业产值的比重大约是多少？"), [later])
    assert answer.found
    assert answer.answer.startswith("约31.83%（2015年，由42.41%（2020年）“比2015年提高了10.58个百分点”推算）")


@pytest.mark.parametrize(
    ("meta", "found"),
    [
        (DocumentMeta("中华人民共和国2020年国民经济和社会发展统计公报", "全国", 2020, "统计公报"), True),
        (DocumentMeta("2020年政府工作报告", "全国", 2020, "政府工作报告"), False),  # it reviews 2019
    ],
)
def test_a_communique_states_the_figures_of_the_year_its_title_names(meta, found) -> None:
    doc_id = "nbs_statistical_communiques/2020.md"
    text = (MULTI.parents[1] / "cn_national_gov_docs" / doc_id).read_text(encoding="utf-8")
    hits = [_doc_hit(doc_id, text, "全年城镇新增就业1186万人，比上年少增166万人。")]
    lexicon = Lexicon.load(Settings().lexicon_dir)
    stats = KeywordIndex.build([lexicon.keyword_tokens(line) for line in text.splitlines()])
    answerer = ExtractiveAnswerer(lexicon, term_stats=stats, documents={doc_id: meta})

    answer = answerer.answer(analyse("2020年全国城镇新增就业多少人？"), hits)
    assert answer.found is found
    assert ("1186万人（2020年）" in answer.answer) is found
