"""The extractive answerer on real passages of government reports and of the seed report (hits made by hand, no index).

Each test reads its documents in full (for the term statistics and the citation offsets) and quotes
their sentences verbatim.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reportqa.answering.extractive import _THING_HELD, ExtractiveAnswerer, _coverage, _term_weight
from reportqa.answering.figures import earlier_years_stated, find_figures
from reportqa.answering.kinds import (
    Dates,
    QuestionKinds,
    Reasons,
    _derived_level,
    _stated_figures,
    _states_a_change,
    asked_unit_words,
    counted_thing,
    counts_other,
    wanted_units,
)
from reportqa.answering.outline import Outline
from reportqa.core.models import Answer, Chunk, DocumentMeta, Hit
from reportqa.core.settings import Settings
from reportqa.core.weights import AnswerWeights
from reportqa.indexing.keyword import KeywordIndex
from reportqa.ingest.chunking import Chunker
from reportqa.ingest.pipeline import parse_document
from reportqa.language.lexicon import Lexicon, Qualifiers
from reportqa.question.analysis import analyse

ROOT = Path(__file__).parent.parent
SEED = next((ROOT / "corpus").glob("*.txt"))
MULTI = ROOT / "eval" / "corpora" / "multi"  # copies of some documents of the shared corpora
SHARED = Path("/work/shared/corpora")
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="shared corpora not mounted")

KUNMING_2020, KUNMING_2021 = "昆明市/2020.md", "昆明市/2021.md"


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load(Settings().lexicon_dir)


def _answerer(
    lexicon: Lexicon, docs: dict[str, tuple[Path, DocumentMeta]]
) -> tuple[ExtractiveAnswerer, dict[str, str]]:
    """An answerer whose term statistics are those of the documents' lines, as the index keeps them."""
    texts = {doc_id: path.read_text(encoding="utf-8") for doc_id, (path, _meta) in docs.items()}
    stats = KeywordIndex.build([lexicon.keyword_tokens(line) for t in texts.values() for line in t.splitlines()])
    metas = {doc_id: meta for doc_id, (_path, meta) in docs.items()}
    return ExtractiveAnswerer(lexicon, term_stats=stats, documents=metas), texts


def _report_answerer(lexicon: Lexicon, *docs: tuple[str, Path]) -> tuple[ExtractiveAnswerer, dict[str, str]]:
    """An answerer over real work reports, with their place and year (from "深圳市/2021.md") as metadata."""
    return _answerer(
        lexicon,
        {
            doc_id: (path, DocumentMeta("政府工作报告", doc_id.split("/")[0], int(doc_id[-7:-3]), "政府工作报告"))
            for doc_id, path in docs
        },
    )


def _shared_report(lexicon: Lexicon, collection: str, doc: str) -> tuple[ExtractiveAnswerer, str]:
    """An answerer over one work report of the shared corpora ("cn_city_work_reports", "乌鲁木齐市/2021.md"),
    and the report's text."""
    answerer, texts = _report_answerer(lexicon, (doc, SHARED / collection / doc))
    return answerer, texts[doc]


def _doc_hit(doc_id: str, text: str, passage: str, section: str, statement: str = "") -> Hit:
    start = text.index(passage)
    chunk = Chunk(
        f"{doc_id}#{start}", doc_id, start, start + len(passage), passage, section, bool(statement), statement
    )
    return Hit(chunk=chunk, score=1.0)


def _own_report(lexicon: Lexicon, folder: Path, text: str, meta: DocumentMeta) -> tuple[ExtractiveAnswerer, str]:
    """An answerer over one report of my own words, saved as report.md in `folder`, and its text as read."""
    path = folder / "report.md"
    path.write_text(text, encoding="utf-8")
    answerer, texts = _answerer(lexicon, {"report.md": (path, meta)})
    return answerer, texts["report.md"]


def _county_report_of_one_passage(lexicon: Lexicon, folder: Path, text: str) -> tuple[ExtractiveAnswerer, Hit]:
    """An answerer over a county's 2031 work report of my own words, `text`, and a hit on it as one passage."""
    meta = DocumentMeta("某县2031年政府工作报告", "某县", 2031, "政府工作报告")
    answerer, report = _own_report(lexicon, folder, text, meta)
    return answerer, _doc_hit("report.md", report, text.strip(), "")


def _ask_own_outline(lexicon: Lexicon, folder: Path, named: tuple[str, str, int], chapters: str):
    """An asker over a five-year plan's outline of my own words: its title, place and year (`named`), then
    `chapters`."""
    title, place, year = named
    return _own_document_asker(
        lexicon, folder, f"# {title}\n\n{chapters}", DocumentMeta(title, place, year, "规划纲要")
    )


def _county_report_of_lines(
    lexicon: Lexicon, folder: Path, lines: tuple[str, ...], passage: int
) -> tuple[ExtractiveAnswerer, Hit]:
    """An answerer over a county's 2031 work report of my own `lines` (its term statistics theirs), and a
    hit on the line at `passage` as one passage."""
    meta = DocumentMeta("某县2031年政府工作报告", "某县", 2031, "政府工作报告")
    answerer, report = _own_report(lexicon, folder, "\n".join(lines) + "\n", meta)
    return answerer, _doc_hit("report.md", report, lines[passage], "")


def _hits_on_own_lines(
    lexicon: Lexicon, folder: Path, lines: tuple[str, ...], meta: DocumentMeta
) -> tuple[ExtractiveAnswerer, list[Hit]]:
    """An answerer over a document of my own `lines` (its term statistics theirs), and a hit on each line."""
    answerer, report = _own_report(lexicon, folder, "\n".join(lines) + "\n", meta)
    return answerer, [_doc_hit("report.md", report, line, "") for line in lines]


def _ask_own_2031_report(lexicon: Lexicon, folder: Path, sections: str, place: str = "某县"):
    """An asker over a 2031 work report of my own words for `place`: its title, a line of its review of
    2030, then `sections`."""
    text = (
        f"# {place}2031年政府工作报告\n\n## 一、2030年工作回顾\n\n全年生产总值增长5.7%，地方财政收入21.4亿元。\n\n"
        f"{sections}"
    )
    return _own_document_asker(
        lexicon, folder, text, DocumentMeta(f"{place}2031年政府工作报告", place, 2031, "政府工作报告")
    )


@pytest.fixture(scope="module")
def quantities(lexicon: Lexicon):
    """The handler of quantity questions, to ask of one statement."""
    return QuestionKinds(lexicon, AnswerWeights()).quantities


# the national work report and the NBS communiqué of 2013, which no eval set uses
REPORT_2013, COMMUNIQUE_2013 = "全国/2013.md", "全国/2013公报.md"


@pytest.fixture(scope="module")
def nation_2013(lexicon: Lexicon) -> tuple[ExtractiveAnswerer, dict[str, str]]:
    if not SHARED.is_dir():
        pytest.skip("shared corpora not mounted")
    folder = SHARED / "cn_national_gov_docs"
    return _answerer(
        lexicon,
        {
            REPORT_2013: (
                folder / "national_work_reports" / "2013.md",
                DocumentMeta("政府工作报告", "全国", 2013, "政府工作报告"),
            ),
            COMMUNIQUE_2013: (
                folder / "nbs_statistical_communiques" / "2013.md",
                DocumentMeta("2013年国民经济和社会发展统计公报", "全国", 2013, "统计公报"),
            ),
        },
    )


def _report_line(lexicon: Lexicon, doc: str, holding: str) -> tuple[ExtractiveAnswerer, str, Hit]:
    """An answerer over one city's report of the shared corpora ("佛山市/2021.md"), the line of it
    `holding` a phrase, and a hit on that line."""
    answerer, text = _shared_report(lexicon, "cn_city_work_reports", doc)
    line = next(line for line in text.splitlines() if holding in line)
    return answerer, line, _doc_hit(doc, text, line, "")


@pytest.fixture(scope="module")
def kunming(lexicon: Lexicon) -> tuple[ExtractiveAnswerer, dict[str, str]]:
    """昆明市's work reports of 2020 (reviewing 2019) and 2021 (reviewing 2016-2020)."""
    folder = SHARED / "cn_city_work_reports" / "昆明市"
    if not folder.is_dir():
        pytest.skip("shared corpora not mounted")
    return _answerer(
        lexicon,
        {
            f"昆明市/{year}.md": (
                folder / f"{year}.md",
                DocumentMeta(f"昆明市{year}年政府工作报告", "昆明市", year, "政府工作报告"),
            )
            for year in (2020, 2021)
        },
    )


def _kunming_hits(texts: dict[str, str]) -> tuple[Hit, Hit]:
    """昆明's retail sales: 2015 and 2020 in one sentence of the 2021 report; 2019 in the 2020 report."""
    span = _doc_hit(
        KUNMING_2021,
        texts[KUNMING_2021],
        "服务业成为转型新引擎，社会消费品零售总额由2015年的2098.42亿元增加到3070.44亿元，累计增长46.3%。",
        "一、“十三五”时期和2020年工作回顾",
    )
    year = _doc_hit(
        KUNMING_2020,
        texts[KUNMING_2020],
        "公共预算收入达630亿元、增长5.8%，固定资产投资增长2.8%，社会消费品零售总额达3056.6亿元、增长9.7%，"
        "城乡居民人均可支配收入分别达46289元和16356元，分别增长7.7%和9.8%。",
        "一、 2019年工作回顾",
    )
    return span, year


def _kunming_reason(texts: dict[str, str]) -> Hit:
    return _doc_hit(
        KUNMING_2020,
        texts[KUNMING_2020],
        "2019年宏观经济形势严峻、市场需求不足、实体经济困难等不利因素影响超出预期，地区生产总值、固定资产投资、"
        "社会消费品零售总额完成情况低于年初既定目标，反映出政府工作还有许多不足，要实现高质量发展还存在不少困难和问题，"
        "主要有：产业实力不强，工业支撑不足，新兴产业成长不快，科技创新水平较低，长期积累的结构性问题突出；",
        "一、 2019年工作回顾",
    )


def test_quantity_for_the_asked_year(kunming: tuple[ExtractiveAnswerer, dict[str, str]]) -> None:
    answerer, texts = kunming
    span, year = _kunming_hits(texts)
    answer = answerer.answer(analyse("2019年全市社零总额达到了多少亿元？"), [span, year])
    assert answer.found
    assert answer.answer.startswith("3056.6亿元（2019年）")
    assert "[1]" in answer.answer
    assert all(c.text == texts[c.doc][c.start : c.end] for c in answer.citations)


def test_an_earlier_year_gives_that_years_figure(kunming: tuple[ExtractiveAnswerer, dict[str, str]]) -> None:
    answerer, texts = kunming
    span, year = _kunming_hits(texts)
    answer = answerer.answer(analyse("2015年全市社零总额是多少？"), [year, span])
    assert answer.found
    assert answer.answer.startswith("2098.42亿元")


@needs_shared
def test_target_value_from_the_table(lexicon: Lexicon) -> None:
    doc = "一五计划.md"
    answerer, texts = _answerer(
        lexicon,
        {
            doc: (
                SHARED / "cn_national_gov_docs" / "five_year_plans" / "1953-一五计划.md",
                DocumentMeta("中华人民共和国发展国民经济的第一个五年计划", "全国", 1955, "规划纲要"),
            )
        },
    )
    section = "第三章  工　业 > 第二节  工业的生产 > （一）主要工业品的产量"
    row = _doc_hit(
        doc,
        texts[doc],
        "| 原油                 | 43.6万吨             | 201.2万吨           | 462                    |",
        section,
        statement="原油：1952年产量 43.6万吨；1957年计划产量 201.2万吨；1957年为1952年的百分比 462",
    )
    capacity = _doc_hit(doc, texts[doc], "五年内增加原油的生产能力共一五二万吨。", section)
    answer = answerer.answer(analyse("1957年原油的计划产量是多少万吨？"), [row, capacity])
    assert answer.answer.startswith("201.2万吨")


def test_a_year_no_passage_speaks_of_is_not_found(kunming: tuple[ExtractiveAnswerer, dict[str, str]]) -> None:
    answerer, texts = kunming
    span, year = _kunming_hits(texts)
    answer = answerer.answer(analyse("2023年全市社零总额是多少？"), [year, span])
    assert not answer.found
    assert answer.answer.startswith("文中未提及2023年")
    assert answer.citations  # the nearest fact is still cited


def test_reason_quotes_the_causal_sentence(kunming: tuple[ExtractiveAnswerer, dict[str, str]]) -> None:
    answerer, texts = kunming
    _span, year = _kunming_hits(texts)
    answer = answerer.answer(analyse("2019年固定资产投资为什么没有完成年初目标？"), [year, _kunming_reason(texts)])
    assert answer.found
    assert "市场需求不足" in answer.answer


def test_no_hits_is_not_found(kunming: tuple[ExtractiveAnswerer, dict[str, str]]) -> None:
    answerer, _texts = kunming
    answer = answerer.answer(analyse("2019年全市社零总额达到了多少亿元？"), [])
    assert not answer.found and not answer.citations


def test_a_figure_in_another_unit_does_not_answer(kunming: tuple[ExtractiveAnswerer, dict[str, str]]) -> None:
    answerer, texts = kunming
    stations = _doc_hit(
        KUNMING_2021,
        texts[KUNMING_2021],
        "新增公共充电站130座、机动车泊位1.4万个，完成9100辆新能源巡游出租车配套换电站建设。",
        "三、2021年工作安排",
    )
    answer = answerer.answer(analyse("新能源巡游出租车配套换电站建设投资了多少钱？"), [stations])
    assert not answer.found and "9100辆" not in answer.answer.split("文中最接近的信息")[0]


@needs_shared
@pytest.mark.parametrize(
    ("line", "question", "figure"),
    [
        # "惠及23.6万婴幼儿": the figure counts the thing that follows it, not what the sentence opens with
        ("实施育儿补贴制度，惠及23.6万婴幼儿。", "宁夏实施育儿补贴制度后，有多少婴幼儿受益？", "23.6万"),
        # "像光伏、风电之类的新能源": the report names the kind alone; and "份额" asks a share
        (
            "加快国家新能源综合示范区建设，电力总装机突破9000万千瓦，新能源装机占比达63%、规模比“十三五”末翻了一番。",
            "宁夏像光伏、风电之类的新能源装机占了多大份额？",
            "63%",
        ),
    ],
)
def test_what_a_figure_is_of_however_the_question_words_it(lexicon: Lexicon, line, question, figure) -> None:
    doc = "宁夏回族自治区/2026.md"
    answerer, text = _shared_report(lexicon, "cn_provincial_work_reports", doc)
    hit = _doc_hit(doc, text, line, "一、2025年工作总结和“十四五”发展成就")

    answer = answerer.answer(analyse(question), [hit])
    assert answer.found
    assert answer.direct is not None and answer.direct.text == figure


def test_a_plan_period_the_passages_do_not_cover_is_not_found(
    kunming: tuple[ExtractiveAnswerer, dict[str, str]],
) -> None:
    answerer, texts = kunming
    span, year = _kunming_hits(texts)
    answer = answerer.answer(analyse("“十四五”期间全市社会消费品零售总额要达到多少？"), [span, year])
    assert not answer.found
    assert answer.answer.startswith("文中未提及2021—2025年")


def test_how_the_question_is_phrased_does_not_count_against_the_passage(
    kunming: tuple[ExtractiveAnswerer, dict[str, str]],
) -> None:
    # "掉队" appears nowhere in the reports: it is the asker's word, not a missing fact
    answerer, texts = kunming
    assert "掉队" not in "".join(texts.values())
    answer = answerer.answer(analyse("固定资产投资为什么掉队了？"), [_kunming_reason(texts)])
    assert answer.found


def test_english_question_is_answered_from_chinese_passages(kunming: tuple[ExtractiveAnswerer, dict[str, str]]) -> None:
    answerer, texts = kunming
    span, year = _kunming_hits(texts)
    answer = answerer.answer(analyse("How much did retail sales of consumer goods reach in 2019?"), [span, year])
    assert answer.found and answer.answer.startswith("3056.6亿元")


def test_who_names_the_person_on_the_roster_line(lexicon: Lexicon) -> None:
    doc = SEED.name
    answerer, texts = _answerer(
        lexicon,
        {doc: (SEED, DocumentMeta(title="《淄博市“十三五”科技创新规划》后评估报告", place="淄博市", year=2020))},
    )
    duty = _doc_hit(
        doc,
        texts[doc],
        "七、人才与成果科负责总结“十三五”以来高新区及国家自主创新示范区建设、科技人才引进培育、加强科技成果",
        "附件2：《淄博市“十三五”科技创新规划》评估工作任务分工方案",
    )
    roster = _doc_hit(
        doc,
        texts[doc],
        "关若飞  市科技局人才与成果科科长",
        "附件1：《淄博市“十三五”科技创新规划》评估工作小组组成人员名单",
    )
    answer = answerer.answer(analyse("人才与成果科的科长由谁担任？"), [duty, roster])
    assert answer.found and answer.answer.startswith("关若飞")


def test_documents_that_give_different_figures_are_each_cited(lexicon: Lexicon) -> None:
    folder = MULTI / "cn_city_work_reports" / "南京市"
    docs = {
        f"南京市/{year}.md": (folder / f"{year}.md", DocumentMeta(f"南京市{year}年政府工作报告", "南京市", year))
        for year in (2020, 2021)
    }
    answerer, texts = _answerer(lexicon, docs)
    hits = [
        _doc_hit(
            "南京市/2021.md",
            texts["南京市/2021.md"],
            "新增境内外上市公司12家，总数达126家。",
            "一、2020年和“十三五”工作回顾",
        ),
        _doc_hit("南京市/2020.md", texts["南京市/2020.md"], "新增上市公司7家，总数达117家。", "一、2019年工作回顾"),
    ]

    answer = answerer.answer(analyse("南京市上市公司总数是多少家？"), hits)
    assert answer.found
    first_line = answer.answer.splitlines()[0]
    assert first_line.startswith("各文档说法不同")
    assert "《南京市2021年政府工作报告》为126家[1]" in first_line
    assert "《南京市2020年政府工作报告》为117家[2]" in first_line
    assert [c.doc for c in answer.citations] == ["南京市/2021.md", "南京市/2020.md"]

    one_document = answerer.answer(analyse("南京市上市公司总数是多少家？"), hits[:1])
    assert not one_document.answer.startswith("各文档说法不同")

    # a title that names neither place nor year gets both from the metadata
    plain = {
        doc: (path, DocumentMeta("政府工作报告", meta.place, meta.year, "政府工作报告"))
        for doc, (path, meta) in docs.items()
    }
    labelled = _answerer(lexicon, plain)[0].answer(analyse("南京市上市公司总数是多少家？"), hits)
    assert "南京市《政府工作报告》（2021年）为126家[1]" in labelled.answer.splitlines()[0]


@needs_shared
def test_a_level_is_not_answered_by_a_share_a_starting_point_or_a_years_plan(lexicon: Lexicon) -> None:
    shanghai, foshan, wenzhou = "上海市/2021.md", "佛山市/2020.md", "温州市/2021.md"
    answerer, texts = _report_answerer(
        lexicon,
        (shanghai, MULTI / "cn_city_work_reports" / "上海市" / "2021.md"),
        (foshan, SHARED / "cn_city_work_reports" / "佛山市" / "2020.md"),
        (wenzhou, SHARED / "cn_city_work_reports" / "温州市" / "2021.md"),
    )
    plan = _doc_hit(shanghai, texts[shanghai], "实施学龄前儿童善育工程，新增普惠性托育点50个。", "三、2021年主要任务")
    outcome = _doc_hit(shanghai, texts[shanghai], "新增普惠性托育点53个。", "一、2020年工作回顾")
    assert answerer.answer(analyse("上海市新增了多少个普惠性托育点？"), [plan, outcome]).answer.startswith("53个")
    assert answerer.answer(analyse("上海市新增普惠性托育点的目标是多少个？"), [plan, outcome]).answer.startswith("50个")

    review = "一、2019年和今年以来工作回顾"
    share = _doc_hit(
        foshan,
        texts[foshan],
        "先进制造业、装备制造业占规模以上工业增加值比重分别达49.9%、31.2%，现代服务业增加值占第三产业比重提高至61.4%。",
        review,
    )
    level = _doc_hit(
        foshan,
        texts[foshan],
        "规模以上工业增加值达4859.48亿元，增长7%，居全国城市第6位，其中民营工业增长8.3%，对全市工业增长贡献率达85.2%。",
        review,
    )
    assert answerer.answer(analyse("佛山市规模以上工业增加值是多少？"), [share, level]).answer.startswith("4859.48亿元")

    span = _doc_hit(
        wenzhou,
        texts[wenzhou],
        "金融综合改革持续深化，无还本续贷、无抵押贷款等创新举措在全国全省推广，上市企业从17家增加到41家，"
        "重大金融风险化解有力有效，不良贷款率从3.82%下降到0.79%。",
        "一、“十三五”发展回顾和2020年主要工作",
    )
    assert answerer.answer(analyse("温州市上市企业有多少家？"), [span]).answer.startswith("41家")


@needs_shared
def test_who_reads_the_name_a_roster_line_sets_after_the_post(lexicon: Lexicon) -> None:
    doc = "甘肃省/2021.md"
    answerer, text = _shared_report(lexicon, "cn_provincial_work_reports", doc)
    byline = _doc_hit(doc, text, "甘肃省代省长 任振鹤", "政府工作报告")
    answer = answerer.answer(analyse("2021年甘肃省政府工作报告署名的是谁？"), [byline])
    assert answer.found and answer.answer.startswith("任振鹤。")


@needs_shared
def test_a_compound_term_is_found_in_part_in_a_table_row(lexicon: Lexicon) -> None:
    # "存款额" is one word to jieba; the row says "存款余额"
    doc = "nbs/2002.md"
    statement = "各项存款余额：年末数（亿元） 183388；比上年增长（%） 18.1"
    section = "八、金融、证券和保险 > 表9. 全部金融机构本外币存贷款情况"
    chunk = Chunk(f"{doc}#0", doc, 0, len(statement), statement, section, True, statement)
    metas = {doc: DocumentMeta("中华人民共和国2002年国民经济和社会发展统计公报", "全国", 2002, "统计公报")}
    communique = SHARED / "cn_national_gov_docs" / "nbs_statistical_communiques" / "2002.md"
    stats = KeywordIndex.build(
        [lexicon.keyword_tokens(line) for line in communique.read_text(encoding="utf-8").splitlines()]
    )
    answerer = ExtractiveAnswerer(lexicon, term_stats=stats, documents=metas)
    answer = answerer.answer(analyse("全部金融机构的存款额是多少亿元？"), [Hit(chunk=chunk, score=1.0)])
    assert answer.found and answer.answer.startswith("183388亿元")


@needs_shared
def test_a_range_or_bound_is_part_of_the_figure(lexicon: Lexicon) -> None:
    nation, jilin = "全国/2019.md", "吉林省/2020.md"
    answerer, texts = _report_answerer(
        lexicon,
        (nation, MULTI / "cn_national_gov_docs" / "national_work_reports" / "2019.md"),
        (jilin, SHARED / "cn_provincial_work_reports" / "吉林省" / "2020.md"),
    )
    bound = _doc_hit(nation, texts[nation], "居民消费价格涨幅3%左右；", "二、2019年经济社会发展总体要求和政策取向")
    answer = answerer.answer(analyse("国务院2019年定的居民消费价格涨幅预期目标是多少？"), [bound])
    assert answer.answer.startswith("3%左右")
    span = _doc_hit(
        jilin,
        texts[jilin],
        "率先实现东北三省小微企业应收账款线上融资“零”的突破，融资成本平均降低30%，融资时间缩短40%—50%。",
        "一、2019年工作回顾",
    )
    answer = answerer.answer(analyse("吉林省小微企业应收账款线上融资让融资时间缩短了多少？"), [span])
    assert answer.answer.startswith("40%—50%")
    # a hyphen between two percentages joins a range too (before a bare number it is a minus sign)
    jiangxi = "江西省/2026.md"
    answerer, texts = _report_answerer(lexicon, (jiangxi, SHARED / "cn_provincial_work_reports" / "江西省" / "2026.md"))
    hyphen = _doc_hit(jiangxi, texts[jiangxi], "地区生产总值增长5%-5.5%", "三、2026年工作安排")
    answer = answerer.answer(analyse("江西2026年地区生产总值预期增长多少？"), [hyphen])
    assert answer.answer.startswith("5%-5.5%")


def test_a_figure_inside_a_quoted_name_is_not_stated(lexicon: Lexicon) -> None:
    doc = "厦门市/2021.md"
    answerer, texts = _report_answerer(lexicon, (doc, MULTI / "cn_city_work_reports" / "厦门市" / "2021.md"))
    policies = _doc_hit(
        doc,
        texts[doc],
        "率先谋划复工复产复市，及时推出“暖企15条”“稳增长24条”“工程建设20条”“金融支持28条”等200多条扶持政策，"
        "建立“五个一”机制，经济社会秩序全面恢复。",
        "一、2020年和“十三五”工作回顾",
    )
    answer = answerer.answer(analyse("厦门推出了多少条扶持政策？"), [policies])
    assert answer.found and answer.answer.startswith("200多条")


def test_a_years_level_is_worked_out_from_a_later_one_and_the_change_since(lexicon: Lexicon) -> None:
    doc = "广州市/2021.md"
    answerer, texts = _report_answerer(lexicon, (doc, MULTI / "cn_city_work_reports" / "广州市" / "2021.md"))
    later = _doc_hit(
        doc,
        texts[doc],
        "白云机场国际旅客中转率25.5%，比2015年提高7.5个百分点。",
        "一、“十三五”时期发展成就和2020年主要工作",
    )
    answer = answerer.answer(analyse("2015年白云机场国际旅客中转率大约是多少？"), [later])
    assert answer.found
    assert answer.answer.startswith("约18.0%（2015年，由25.5%“比2015年提高7.5个百分点”推算）")


@pytest.mark.parametrize(
    ("meta", "found"),
    [
        (DocumentMeta("中华人民共和国2020年国民经济和社会发展统计公报", "全国", 2020, "统计公报"), True),
        (DocumentMeta("2020年政府工作报告", "全国", 2020, "政府工作报告"), False),  # it reviews 2019
    ],
)
def test_a_communique_states_the_figures_of_the_year_its_title_names(meta, found) -> None:
    doc_id = "nbs_statistical_communiques/2020.md"
    text = (MULTI / "cn_national_gov_docs" / doc_id).read_text(encoding="utf-8")
    hits = [_doc_hit(doc_id, text, "全年城镇新增就业1186万人，比上年少增166万人。", "一、综合")]
    lexicon = Lexicon.load(Settings().lexicon_dir)
    stats = KeywordIndex.build([lexicon.keyword_tokens(line) for line in text.splitlines()])
    answerer = ExtractiveAnswerer(lexicon, term_stats=stats, documents={doc_id: meta})

    answer = answerer.answer(analyse("2020年全国城镇新增就业多少人？"), hits)
    assert answer.found is found
    assert ("1186万人（2020年）" in answer.answer) is found


@needs_shared
@pytest.mark.parametrize(("asked", "found"), [(2020, True), (2019, False)])
def test_a_work_reports_review_speaks_of_the_year_before_its_own(lexicon: Lexicon, asked: int, found: bool) -> None:
    # 西宁市's 2021 work report reviews 2020 under a heading that names no year
    doc_id = "西宁市/2021.md"
    path = SHARED / "cn_city_work_reports" / doc_id
    answerer, texts = _report_answerer(lexicon, (doc_id, path))
    hits = [_doc_hit(doc_id, texts[doc_id], "城镇登记失业率1.97%。", "一、“十三五”规划圆满收官，西宁站在新发展起点")]

    answer = answerer.answer(analyse(f"{asked}年西宁城镇登记失业率是多少？"), hits)
    assert answer.found is found
    if found:
        assert answer.direct is not None and answer.direct.text == "1.97%"
    else:
        assert answer.refusal == f"文中未提及{asked}年的相关情况"


@needs_shared
@pytest.mark.parametrize(
    ("section", "asked", "figure"),
    [
        ("一、2019年工作回顾", 2018, "1.22%"),  # "由上年的1.22%": the year before the one the section names
        ("一、2019年工作回顾", 2019, "0.32%"),
        ("", 2018, "1.22%"),  # a review that names no year speaks of the year before the report's
        ("", 2019, "0.32%"),
    ],
)
def test_a_figure_of_the_previous_year_answers_for_that_year(
    lexicon: Lexicon, section: str, asked: int, figure: str
) -> None:
    doc_id = "兰州市/2020.md"
    answerer, texts = _report_answerer(lexicon, (doc_id, SHARED / "cn_city_work_reports" / doc_id))
    passage = "减少贫困人口3638户10562人，贫困发生率由上年的1.22%下降到0.32%，历史性解决了区域整体贫困问题"
    hits = [_doc_hit(doc_id, texts[doc_id], passage, section)]

    answer = answerer.answer(analyse(f"{asked}年兰州贫困发生率是多少？"), hits)
    assert answer.found and answer.direct is not None
    assert answer.direct.text == figure and answer.direct.note == f"{asked}年"


@needs_shared
@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("1995年全国自然保护区有多少个？", "793个"),  # not the 国家级 ones the sentence counts too
        ("1995年全国国家级自然保护区有多少个？", "98个"),
    ],
)
def test_a_qualifier_the_question_does_not_say_narrows_the_figure(lexicon: Lexicon, question: str, figure: str) -> None:
    doc_id = "nbs_statistical_communiques/1995.md"
    text = (SHARED / "cn_national_gov_docs" / doc_id).read_text(encoding="utf-8")
    meta = DocumentMeta("中华人民共和国1995年国民经济和社会发展统计公报", "全国", 1995, "统计公报")
    answerer, _ = _answerer(lexicon, {doc_id: (SHARED / "cn_national_gov_docs" / doc_id, meta)})
    hit = _doc_hit(doc_id, text, "全国自然保护区达793个，其中国家级自然保护区98个", "十、文化、卫生和体育")

    answer = answerer.answer(analyse(question), [hit])
    assert answer.direct is not None and answer.direct.text == figure


@needs_shared
def test_growth_asked_in_no_unit_is_the_rate_not_the_level(lexicon: Lexicon) -> None:
    doc_id = "nbs_statistical_communiques/2004.md"
    path = SHARED / "cn_national_gov_docs" / doc_id
    meta = DocumentMeta("中华人民共和国2004年国民经济和社会发展统计公报", "全国", 2004, "统计公报")
    answerer, texts = _answerer(lexicon, {doc_id: (path, meta)})
    passage = "全年全部工业增加值62815亿元，比上年增长11.5%，其中规模以上工业增加值54805亿元，增长16.7%（见表3）。"
    hit = _doc_hit(doc_id, texts[doc_id], passage, "二、工业和建筑业")

    growth = answerer.answer(analyse("2004年全国工业增加值比上年增长多少？"), [hit])
    assert growth.direct is not None and growth.direct.text == "11.5%"
    level = answerer.answer(analyse("2004年全国工业增加值是多少？"), [hit])
    assert level.direct is not None and level.direct.text == "62815亿元"


@needs_shared
def test_a_figure_the_question_gives_names_the_statement_asked_about(lexicon: Lexicon) -> None:
    doc = "一五计划.md"
    path = SHARED / "cn_national_gov_docs" / "five_year_plans" / "1953-一五计划.md"
    meta = DocumentMeta("中华人民共和国发展国民经济的第一个五年计划", "全国", 1955, "规划纲要")
    answerer, texts = _answerer(lexicon, {doc: (path, meta)})
    row = _doc_hit(
        doc,
        texts[doc],
        "| 原油                 | 43.6万吨             | 201.2万吨           | 462                    |",
        "第三章  工　业 > 第二节  工业的生产 > （一）主要工业品的产量",
        statement="原油：1952年产量 43.6万吨；1957年计划产量 201.2万吨；1957年为1952年的百分比 462",
    )
    answer = answerer.answer(analyse("表格里的43.6万吨说的是哪一年的数？"), [row])
    assert answer.found and answer.direct is not None and answer.direct.text == "1952年"


@pytest.mark.parametrize(
    ("question", "units"),
    [
        ("2019年全市地区生产总值是多少？", {"元"}),  # a product's value is money
        ("规模以上工业增加值达到多少？", {"元"}),
        ("2019年实际利用外资是多少？", {"元"}),  # so are investment, trade and tax figures (17.2亿美元)
        ("全年出口额是多少？", {"元"}),
        ("全市税收收入增长了多少？", set()),
        ("实际利用外资的企业有多少家？", {"家", "个", "户"}),
        ("2019年全市地区生产总值增长多少？", set()),  # growth: a rate, whatever the noun
        ("今年给农民收入定了多少的增长目标？", set()),  # so when the rate is named after the asking
        ("今年农民收入要达到多少，增长多少？", {"元"}),  # (a clause of its own asks the level before it)
        ("引进了多少家企业？", {"家", "个", "户"}),  # enterprises are counted in any of these
        ("立项了多少个课题？", {"个", "家", "项", "座", "所"}),  # 个, not "个项"
        ("新建了几座水厂？", {"座", "个"}),  # facilities and schools are counted in 个 too
        ("老旧小区装了多少部电梯？", {"部", "台"}),  # machines in 部 or 台
        ("排查出多少栋危楼？", {"栋", "幢"}),  # buildings in 栋 or 幢
        ("柔性引进了几位专家？", {"人", "名", "位"}),  # people are counted in any of these
        ("投入多少个亿？", {"亿元", "亿"}),
        # what is no rate grows by a percentage, which an asker may count in points; a rate changes in points
        ("收入增长了多少个百分点？", {"个百分点", "%"}),
        ("城镇化率升了几个百分点？", {"个百分点"}),
        ("引进一个团队最多给多少支持？", set()),  # 支 begins 支持: no measure word
        ("签约了多少家庭医生？", set()),  # nor 家 of 家庭
        ("共享了多少台仪器？", {"台", "台套", "部"}),  # instruments are counted in sets too
        ("落实稳岗补贴，帮扶了多少企业？", set()),  # a money word of another clause asks no sum
        ("年末户籍人口总数是多少？", {"人"}),  # a whole of people, by its name
        ("住房公积金累计结余有多少？", {"元"}),
        ("清洁能源占了多大份额？", {"%", "‰"}),  # a share by another name
        ("What was Wuxi's GDP in 2021?", {"元"}),  # an English question's measured noun
        ("what was its growth (Wuxi GDP in 2021)?", {"%"}),  # ... but a growth asked of it is a rate
    ],
)
def test_the_unit_a_question_asks_for(question: str, units: set[str]) -> None:
    assert wanted_units(analyse(question)) == units


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("纯信用贷款占多大比例？", {"%", "‰", "比例", "比重", "占比", "百分比"}),  # a share asked: 67%为纯信用贷款
        ("往民生上投了多少钱？", {"元", "钱"}),
        ("信用贷款的比重提高了多少？", {"%", "‰"}),  # the share's change is asked about the share
        ("比重为42%是哪一年的数据？", {"%", "‰"}),  # so is its date
    ],
)
def test_the_words_that_ask_for_the_unit_are_not_the_topic(question: str, words: set[str]) -> None:
    assert asked_unit_words(analyse(question)) == words


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("郑州建成了多少家传染病应急检测中心？", "传染病应急检测中心"),
        ("新增多少个“中国（郑州）产业转移系列对接活动”？", "“中国（郑州）产业转移系列对接活动”"),
        ("传染病应急检测中心有多少家？", ""),  # named before the measure word
        ("2019年GDP是多少？", ""),
    ],
)
def test_the_thing_a_count_question_names_after_its_measure_word(question: str, thing: str) -> None:
    assert counted_thing(analyse(question)) == thing


@pytest.mark.parametrize(
    ("sentence", "terms", "others"),
    [  # 无锡 2021
        ("累计建成美丽乡村示范村110个，全面完成首批107个试点村农房建设。", ("美丽乡村", "示范村"), ["107个"]),
        ("92家企业入选江苏国际知名品牌，数量全省第一。", ("知名品牌",), []),  # what 92家 counts names it
        ("92家企业入选江苏国际知名品牌，数量全省第一。", ("规模以上工业企业",), ["92家"]),
        ("净增规模以上工业企业2053家；规上企业90%以上实施了技术改造。", ("规模以上工业企业",), []),
        ("市区完成45个重点道桥项目，地铁1号线南延线和3号线一期建成通车。", ("地铁",), ["45个"]),
        # my own: the title counted holds a place in brackets
        ("已连续举办5届“中国（郑州）产业转移系列对接活动”。", ("产业转移",), []),
        ("已连续举办5届“中国（郑州）产业转移系列对接活动”。", ("博览会",), ["5届"]),
    ],
)
def test_a_count_followed_by_another_thing_counts_that_thing(
    lexicon: Lexicon, sentence: str, terms: tuple[str, ...], others: list[str]
) -> None:
    figures = _stated_figures(sentence)
    weights = dict.fromkeys(terms, 1.0)
    assert [f.text for f in figures if counts_other(sentence, f, weights, lexicon.tagged)] == others


@needs_shared
@pytest.mark.parametrize(
    ("passage", "question", "answer"),
    [  # 郑州 2021: the thing asked is named, and the only counts in the unit asked count other things
        (
            "黄河入河排污口治理、黄河滩区突出生态环境问题专项整治、汜水河与枯河河道治理扎实推进，"
            "黄河流域核心示范区涉黄河1800多个问题整治到位。",
            "郑州治理了多少个黄河入河排污口？",
            None,
        ),
        (
            "紫光、浪潮、中软国际等重大项目落地，富泰华5G手机精密机构件、奥克斯智能家用空调生产基地等230个"
            "项目开工，华锐光电等215个项目投产。",
            "郑州有多少个重大项目落地？",
            None,
        ),
        (  # the sentence names the thing asked, and the count is of another that shares its head word
            "提升卫生防治能力，建成市传染病应急检测中心，改造升级市疾控中心实验室，完成8家县级疾控中心标准化建设，"
            "将市六院、岐伯山医院建成市级重大疫情救治基地；推进市卫生应急物资储备中心建设。",
            "郑州建成了多少家传染病应急检测中心？",
            None,
        ),
        (  # …and where it names it only in the count, that count is of it
            "完成8家县级疾控中心标准化建设，将市六院、岐伯山医院建成市级重大疫情救治基地；",
            "郑州完成了多少家县级疾控中心标准化建设？",
            "8家",
        ),
        ("新建省级及以上研发平台137家，新增高新技术企业870家，增长42%", "郑州新增多少家高新技术企业？", "870家"),
    ],
)
def test_a_statement_whose_counts_count_other_things_does_not_answer(
    lexicon: Lexicon, passage: str, question: str, answer: str | None
) -> None:
    doc = "郑州市/2021.md"
    answerer, text = _shared_report(lexicon, "cn_city_work_reports", doc)
    reply = answerer.answer(analyse(question), [_doc_hit(doc, text, passage, "")])
    if answer is None:
        assert not reply.found, reply.answer
    else:
        assert reply.direct is not None and reply.direct.text == answer, reply.answer


@needs_shared
@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("2023年高技术制造业增加值的占比是多少？", "15.7%"),  # not the growth said right after its name
        ("2023年装备制造业增加值占多大比例？", "33.6%"),
        ("2023年高技术制造业增加值增速是多少？", "2.7%"),
    ],
)
def test_a_share_asked_is_not_answered_by_a_growth_or_the_reverse(lexicon: Lexicon, question: str, figure: str) -> None:
    doc = "nbs_statistical_communiques/2023.md"
    meta = DocumentMeta("2023年国民经济和社会发展统计公报", "全国", 2024, "统计公报")
    answerer, texts = _answerer(lexicon, {doc: (SHARED / "cn_national_gov_docs" / doc, meta)})
    passage = next(line for line in texts[doc].splitlines() if "高技术制造业[13]增加值增长2.7%" in line)
    answer = answerer.answer(analyse(question), [_doc_hit(doc, texts[doc], passage, "三、工业和建筑业")])
    assert answer.direct is not None and answer.direct.text == figure, answer.answer


@pytest.mark.parametrize(
    ("sentence", "short", "stands_for", "held"),
    [
        # 吉林 2021: jieba joins "农创园" by guess; the abbreviation of 农业 创新 is in it
        ("挖掘农村“双创”潜力，建好省级“乡里农创园”", "农创", ("农业", "创新"), True),
        # 郑州 2021: "代市长" is a dictionary word; "代市" (代表 市政府) only runs across its parts
        ("郑州市人民政府代市长 侯 红", "代市", ("代表", "市政府"), False),
    ],
)
def test_an_abbreviation_inside_a_word_jieba_guessed_counts(
    lexicon: Lexicon, sentence: str, short: str, stands_for: tuple[str, ...], held: bool
) -> None:
    terms = dict.fromkeys(stands_for, 1.0)
    tokens = set(lexicon.keyword_tokens(sentence))

    def coverage(shortened: list[tuple[str, tuple[str, ...]]]) -> float:
        return _coverage(terms, sentence, tokens, set(), "", lambda w: tuple(lexicon.subwords(w)), 0.0, 0.0, shortened)

    assert (coverage([(short, stands_for)]) > coverage([])) is held


@needs_shared
def test_a_word_no_passage_uses_counts_less_against_a_statement(lexicon: Lexicon) -> None:
    answerer, _line, hit = _report_line(lexicon, "无锡市/2021.md", "省级特色田园乡村")
    # "村子": the asker's word for what the report calls 乡村, which no passage of it uses
    assert answerer.answer(analyse("田园村子要建多少个？"), [hit]).answer.startswith("20个")
    counted_whole = ExtractiveAnswerer(
        lexicon, term_stats=answerer.term_stats, documents=answerer.documents, weights=AnswerWeights(unused_term=1.0)
    )
    assert not counted_whole.answer(analyse("田园村子要建多少个？"), [hit]).found


@needs_shared
def test_the_whole_of_a_place_says_where_not_what(lexicon: Lexicon) -> None:
    answerer, _line, hit = _report_line(lexicon, "无锡市/2021.md", "全市受理信访总量")
    # "全市" and the place are all the statement holds of the question: it answers nothing asked
    assert not answerer.answer(analyse("无锡全市恩格尔系数是多少？"), [hit]).found
    assert answerer.answer(analyse("无锡全市受理信访总量下降了多少？"), [hit]).answer.startswith("8.2%")


@needs_shared
def test_a_sum_over_the_years_looked_back_on_speaks_of_none_of_them(lexicon: Lexicon) -> None:
    answerer, _line, hit = _report_line(lexicon, "无锡市/2021.md", "累计实际使用外资")
    # "五年来，…累计实际使用外资180.4亿美元": the five years' sum, not 2020's, which the report reviews too
    assert not answerer.answer(analyse("无锡2020年实际使用外资多少亿美元？"), [hit]).found
    assert answerer.answer(analyse("无锡“十三五”期间累计实际使用外资多少？"), [hit]).answer.startswith("180.4亿美元")
    assert answerer.answer(analyse("无锡实际使用外资多少亿美元？"), [hit]).answer.startswith("180.4亿美元")


@needs_shared
def test_a_change_that_has_happened_is_no_target(lexicon: Lexicon) -> None:
    doc = "郑州市/2020.md"
    answerer, texts = _report_answerer(lexicon, (doc, SHARED / "cn_city_work_reports" / doc))
    line = next(line for line in texts[doc].splitlines() if line.startswith("建议主要预期目标"))
    hit = _doc_hit(doc, texts[doc], line, "二、2020年政府工作总体要求和主要预期目标")
    # "增长了多少" asks what happened; the report's targets for the year say what was planned
    assert not answerer.answer(analyse("郑州2020年一般公共预算收入增长了多少？"), [hit]).found
    assert answerer.answer(analyse("郑州2020年一般公共预算收入预期增长多少？"), [hit]).answer.startswith("7%左右")


@needs_shared
def test_what_a_review_says_was_held_to_is_an_outcome(lexicon: Lexicon) -> None:
    doc = "西藏自治区/2021.md"
    answerer, texts = _report_answerer(lexicon, (doc, SHARED / "cn_provincial_work_reports" / doc))
    line = next(line for line in texts[doc].splitlines() if "城镇登记失业率控制在4%以内" in line)
    hit = _doc_hit(doc, texts[doc], line, "")
    # the five years reviewed: "控制在4%以内" is what the rate was, not a limit set
    assert answerer.answer(analyse("西藏城镇登记失业率实际是多少？"), [hit]).answer.startswith("4%以内")


def test_the_askers_word_for_the_people_says_nothing_of_what_is_asked(nation_2013) -> None:
    answerer, texts = nation_2013
    line = next(line for line in texts[COMMUNIQUE_2013].splitlines() if "外出农民工" in line)
    hit = _doc_hit(COMMUNIQUE_2013, texts[COMMUNIQUE_2013], line, "")
    # "老乡们": whom every figure of the communiqué is of; 外出 and 打工 are what is asked
    assert answerer.answer(analyse("2013年老乡们外出打工的有多少人？"), [hit]).answer.startswith("16610万人")


def test_an_indicator_no_document_reports_is_no_askers_word_for_another(nation_2013) -> None:
    # 基尼系数 is in no passage: not a way of saying 人均可支配收入, but an indicator not reported
    answerer, texts = nation_2013
    line = next(line for line in texts[COMMUNIQUE_2013].splitlines() if "全国居民人均可支配收入18311元" in line)
    hit = _doc_hit(COMMUNIQUE_2013, texts[COMMUNIQUE_2013], line, "")
    assert not answerer.answer(analyse("2013年居民收入的基尼系数是多少？"), [hit]).found
    assert answerer.answer(analyse("2013年城镇居民人均可支配收入是多少？"), [hit]).answer.startswith("26955元")


def test_a_growth_asked_of_a_table_row_is_its_growth_cell(nation_2013) -> None:
    answerer, texts = nation_2013
    row = _doc_hit(
        COMMUNIQUE_2013,
        texts[COMMUNIQUE_2013],
        "- 家用电冰箱 万台 9261.0 9.9",
        "",
        statement="家用电冰箱：单位 万台；产量 9261.0；比上年增长（%） 9.9",
    )
    assert answerer.answer(analyse("2013年全国家用电冰箱产量增长多少？"), [row]).answer.startswith("9.9%")
    assert answerer.answer(analyse("2013年全国家用电冰箱产量是多少？"), [row]).answer.startswith("9261.0万台")


def test_a_word_no_passage_uses_but_the_statement_holds_counts_whole(lexicon: Lexicon) -> None:
    # an index may cut "ICT国际服务外包执行额" as one word: 服务外包 is in no passage as a word, but in this one
    sentence, terms = "全年ICT国际服务外包执行额达81亿美元", {"服务外包": 1.0, "实际": 1.0}
    tokens = set(lexicon.keyword_tokens(sentence))

    def coverage(unused_weight: float) -> float:
        pieces = lambda w: tuple(lexicon.subwords(w))  # noqa: E731
        return _coverage(
            terms, sentence, tokens, set(), "", pieces, 0.0, unused=frozenset({"服务外包"}), unused_weight=unused_weight
        )

    assert coverage(0.5) == coverage(1.0) == 0.5


@needs_shared
def test_the_figure_said_of_what_is_asked_among_several_in_one_sentence(lexicon: Lexicon) -> None:
    zhengzhou, fujian = "郑州市/2020.md", "福建省/2026.md"
    answerer, texts = _report_answerer(
        lexicon,
        (zhengzhou, SHARED / "cn_city_work_reports" / "郑州市" / "2020.md"),
        (fujian, SHARED / "cn_provincial_work_reports" / "福建省" / "2026.md"),
    )
    airport = _doc_hit(
        zhengzhou, texts[zhengzhou], "完成旅客吞吐量2913万人次、货邮吞吐量52.2万吨，保持中部“双第一”。", ""
    )
    # each figure is said of the words right before it
    assert answerer.answer(analyse("郑州机场货邮吞吐量是多少？"), [airport]).answer.startswith("52.2万吨")
    assert answerer.answer(analyse("郑州机场旅客吞吐量是多少？"), [airport]).answer.startswith("2913万人次")
    checks = _doc_hit(fujian, texts[fujian], "食品、药品抽检合格率分别达99.62%、99.71%，食品安全考核结果为A级。", "")
    # "A、B分别达X、Y": the nth thing listed takes the nth figure
    assert answerer.answer(analyse("福建省药品抽检合格率是多少？"), [checks]).answer.startswith("99.71%")
    assert answerer.answer(analyse("福建省食品抽检合格率是多少？"), [checks]).answer.startswith("99.62%")
    incomes = _doc_hit(
        fujian, texts[fujian], "城镇居民、农村居民人均可支配收入分别增长4.5%、5.7%，城镇调查失业率4.7%，", ""
    )
    question = "福建省2025年农村居民人均可支配收入增长多少？"
    assert answerer.answer(analyse(question), [incomes]).answer.startswith("5.7%")


@needs_shared
def test_a_growth_the_passage_states_is_quoted_not_worked_out(lexicon: Lexicon) -> None:
    doc = "乌鲁木齐市/2021.md"
    answerer, text = _shared_report(lexicon, "cn_city_work_reports", doc)
    passage = "一般公共预算收入由368.7亿元增加到392.6亿元，增长6.5%；"
    review = _doc_hit(doc, text, "工业增加值由559.4亿元增加到690亿元，增长17.6%；", "一、“十三五”时期工作回顾")
    budget = _doc_hit(doc, text, passage, "一、“十三五”时期工作回顾")
    assert answerer.answer(analyse("乌鲁木齐“十三五”期间工业增加值增长了多少？"), [review, budget]).answer.startswith(
        "17.6%"
    )


@needs_shared
def test_a_number_written_in_chinese_matches_its_digits(lexicon: Lexicon) -> None:
    hubei = "湖北省/2026.md"
    answerer, text = _shared_report(lexicon, "cn_provincial_work_reports", hubei)
    investors = _doc_hit(hubei, text, "在鄂投资世界500强企业325家、中部领先。", "")
    # 五百强 in the question, 500强 in the report
    assert answerer.answer(analyse("湖北有多少家五百强企业？"), [investors]).answer.startswith("325家")


@needs_shared
def test_a_word_for_two_things_lists_both(lexicon: Lexicon) -> None:
    doc = "乌鲁木齐市/2021.md"
    answerer, text = _shared_report(lexicon, "cn_city_work_reports", doc)
    incomes = _doc_hit(doc, text, "城乡居民人均可支配收入分别达到43179元、22649元，比2015年增长36.6%、50.9%", "")
    # 城乡居民 is 城镇居民 then 农村居民, for the levels and for the changes after them
    rural = answerer.answer(analyse("乌鲁木齐2020年农村居民人均可支配收入是多少？"), [incomes])
    assert rural.answer.startswith("22649元"), rural.answer
    urban = answerer.answer(analyse("乌鲁木齐城镇居民人均可支配收入比2015年增长了多少？"), [incomes])
    assert urban.answer.startswith("36.6%"), urban.answer


@needs_shared
def test_colloquial_words_for_money_and_giving_are_how_it_is_asked(lexicon: Lexicon) -> None:
    fujian = "福建省/2026.md"
    answerer, text = _shared_report(lexicon, "cn_provincial_work_reports", fujian)
    spending = _doc_hit(fujian, text, "财政支出近八成投向民生领域，省级财政累计投入665亿元用于为民办实事项目。", "")
    # 钱 is the unit asked, not a topic; "上投" is jieba's one word, whose 上 is a localiser and 投 a verb
    for question in ("往民生上投了多少钱？", "省里往民生上投多少钱？"):
        assert answerer.answer(analyse(question), [spending]).answer.startswith("665亿元"), question
    # a word the passage lacks still counts against it
    assert not answerer.answer(analyse("省里平均往民生上投多少钱？"), [spending]).found


@needs_shared
def test_a_time_word_says_when_it_is_asked_more_than_what_about(lexicon: Lexicon) -> None:
    answerer, _line, hit = _report_line(lexicon, "佛山市/2021.md", "财政科技投入从30亿元增加到102亿元")
    # 近年来 is rare in the report, and a topic word that rare would decide the coverage
    answer = answerer.answer(analyse("佛山近年来投入多少？"), [hit])
    assert answer.direct is not None and answer.direct.text == "102亿元", answer.answer


@needs_shared
def test_a_markdown_reports_bold_markers_are_not_quoted(lexicon: Lexicon) -> None:
    answerer, line, hit = _report_line(lexicon, "佛山市/2021.md", "财政科技投入从30亿元增加到102亿元")
    assert line.startswith("**——")  # each point of the review opens with its lead in bold
    for question in ("佛山的科技创新能力有何提升？", "佛山财政科技投入增加到多少？"):
        answer = answerer.answer(analyse(question), [hit])
        assert answer.found and "*" not in answer.answer, answer.answer
        assert answer.citations[0].highlight in line  # the citation still points into the document


@needs_shared
def test_why_quotes_the_whole_point_a_problem_heads_up_to_the_next(lexicon: Lexicon) -> None:
    answerer, _line, hit = _report_line(lexicon, "广州市/2021.md", "四是城市管理精细化水平仍待提升")
    answer = answerer.answer(analyse("为什么说广州城市管理精细化水平仍待提升？"), [hit])
    # the point's two sentences say why; the next point is another problem
    assert "垃圾分类" in answer.answer and "自然灾害预防" in answer.answer, answer.answer
    assert "五是" not in answer.answer and "民生领域" not in answer.answer, answer.answer


@needs_shared
def test_why_quotes_what_follows_a_sentence_that_only_restates_the_problem(lexicon: Lexicon) -> None:
    doc = "national_work_reports/1954.md"
    meta = DocumentMeta("政府工作报告", "全国", 1954, "政府工作报告")
    answerer, texts = _answerer(lexicon, {doc: (SHARED / "cn_national_gov_docs" / doc, meta)})
    passage = "一是计划性不足。我们现在还有许多计划不够准确，不够完整，常常互相脱节，并且常常变动。"
    answer = answerer.answer(analyse("为什么说计划性不足？"), [_doc_hit(doc, texts[doc], passage, "")])
    # "不足" is the question's own word: the first sentence names the problem, the next one why
    assert answer.found and "不够准确" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("sentence", "term", "narrowed_by"),
    [
        ("大力培育创新型企业，省级以上专精特新企业达93家", "专精特新企业", True),  # 佛山 2021: a qualifier's range
        ("全国县级以上全民所有制独立研究开发机构5466个", "全民所有制", True),  # NBS 1991
        ("省级企业工程技术研发中心达803家", "企业工程技术研发中心", True),
        ("大力培育创新型企业，省级以上专精特新企业达93家", "创新型企业", False),
        # a qualifier that itself ends in a range
        ("全部工业增加值增长9%，其中规模以上工业增加值增长11%", "工业增加值", True),
    ],
)
def test_a_qualifier_or_its_range_right_before_a_term_narrows_it(sentence: str, term: str, narrowed_by: bool) -> None:
    unsaid = Qualifiers(before=frozenset({"省级", "县级", "国家级", "规模以上"}))
    span = (start := sentence.rindex(term), start + len(term))
    assert unsaid.narrow(sentence, *span) is narrowed_by
    assert not Qualifiers().narrow(sentence, *span)


def test_a_qualifier_said_after_a_term_narrows_it(lexicon: Lexicon) -> None:
    # NBS 2023: the mean and the median of the same income; asked neither, the mean is what is asked
    sentence = "城镇居民人均可支配收入中位数47122元，增长4.4%。"
    term = "人均可支配收入"
    span = (start := sentence.index(term), start + len(term))
    assert "中位数" in lexicon.qualifiers.after
    assert lexicon.qualifiers.unsaid("城镇居民人均可支配收入是多少？").narrow(sentence, *span)
    assert not lexicon.qualifiers.unsaid("城镇居民人均可支配收入中位数是多少？").narrow(sentence, *span)


@needs_shared
def test_national_gdp_is_neither_a_regions_nor_a_per_head_figure_and_its_change_spans_two_communiques(
    lexicon: Lexicon,
) -> None:
    docs = {
        f"nbs_statistical_communiques/{year}.md": (
            SHARED / "cn_national_gov_docs" / f"nbs_statistical_communiques/{year}.md",
            DocumentMeta(f"中华人民共和国{year}年国民经济和社会发展统计公报", "全国", year, "统计公报"),
        )
        for year in (2023, 2024)
    }
    answerer, texts = _answerer(lexicon, docs)
    old, new = texts["nbs_statistical_communiques/2023.md"], texts["nbs_statistical_communiques/2024.md"]
    hits = [
        _doc_hit("nbs_statistical_communiques/2024.md", new, "中部地区生产总值287156亿元，增长5.0%；", "一、综合"),
        _doc_hit(
            "nbs_statistical_communiques/2024.md", new, "全年人均国内生产总值95749元，比上年增长5.1%。", "一、综合"
        ),
        _doc_hit(
            "nbs_statistical_communiques/2023.md", old, "长江三角洲地区生产总值305045亿元，增长5.7%。", "一、综合"
        ),
        _doc_hit(
            "nbs_statistical_communiques/2024.md",
            new,
            "初步核算，全年国内生产总值[2]1349084亿元，比上年增长5.0%。",
            "一、综合",
        ),
        _doc_hit(
            "nbs_statistical_communiques/2023.md",
            old,
            "初步核算，全年国内生产总值[2]1260582亿元，比上年增长5.2%。",
            "一、综合",
        ),
    ]
    # 中部 and 长江三角洲 narrow what 地区生产总值 counts; 人均 what 国内生产总值 (a synonym) counts
    level = answerer.answer(analyse("2024年全国国内生产总值是多少？"), hits)
    assert level.answer.startswith("1349084亿元"), level.answer
    # neither sentence names its year: each communiqué speaks of its own
    change = answerer.answer(analyse("全国国内生产总值2024年比2023年增加了多少亿元？"), hits)
    assert change.answer.startswith("1260582亿元（2023年） → 1349084亿元（2024年），增加88502亿元"), change.answer


@needs_shared
def test_the_kind_of_thing_a_list_asks_for_need_not_be_said(lexicon: Lexicon) -> None:
    zhengzhou = "郑州市/2020.md"
    answerer, text = _shared_report(lexicon, "cn_city_work_reports", zhengzhou)
    budgets = _doc_hit(
        zhengzhou,
        text,
        "统筹管好一般公共预算、政府性基金预算、国有功能性平台三个“盘子”，构建统分结合、分层分类的现代财政管理体制。",
        "",
    )
    # "内容" says what the answer is (a list of things), not what the sentence must hold
    for question in ("三个盘子包括哪几类内容？", "统筹管好哪几项内容？"):
        answer = answerer.answer(analyse(question), [budgets])
        assert answer.found and "政府性基金预算" in answer.answer, question
    assert analyse("淄博有哪些新兴产业？").asked_type == ""  # a topic of four characters is kept


@needs_shared
def test_the_ways_a_question_asks_of_are_said_not_named_by_the_answer(lexicon: Lexicon) -> None:
    # "用哪些办法…": the statement says the ways (实施…工程，抓好…治理), without the word 办法
    doc = "甘肃省/2021.md"
    answerer, text = _shared_report(lexicon, "cn_provincial_work_reports", doc)
    measures = (
        "实施大气污染治理“八大工程”，重点抓好工业、燃煤、机动车和扬尘四类污染源治理，推进细颗粒物与臭氧协同治理。"
    )
    hit = _doc_hit(doc, text, measures, "2021年工作任务")
    question = analyse("甘肃2021年打算用哪些办法来治理大气污染？")
    assert question.asked_type == "办法" and "办法" not in answerer._question_terms(question)
    assert answerer.answer(question, [hit]).answer.startswith(measures)


@needs_shared
@pytest.mark.parametrize(
    ("doc", "passage", "question", "figure"),
    [
        # one term, its words' first characters: 环境保护 -> 环保
        (
            "乌鲁木齐市/2020.md",
            "以最严格的考核督察问责制度，强力推进中央环保督察32项反馈问题整改落实",
            "环境保护方面整改了多少项？",
            "32项",
        ),
        # two terms the question writes together: 棚户区 改造 -> 棚改
        ("无锡市/2021.md", "新开工棚改安置房2.2万套", "棚户区改造安置房有多少套？", "2.2万套"),
    ],
)
def test_a_term_is_found_abbreviated(lexicon: Lexicon, doc: str, passage: str, question: str, figure: str) -> None:
    answerer, text = _shared_report(lexicon, "cn_city_work_reports", doc)
    answer = answerer.answer(analyse(question), [_doc_hit(doc, text, passage, "")])
    assert answer.answer.startswith(figure), answer.answer


@needs_shared
def test_how_much_something_rose_asked_colloquially_is_its_growth_and_rose_to_its_level(lexicon: Lexicon) -> None:
    jilin = "吉林省/2021.md"
    answerer, text = _shared_report(lexicon, "cn_provincial_work_reports", jilin)
    incomes = _doc_hit(jilin, text, "城乡居民人均可支配收入分别增长3.4%和7.6%。", "")
    # "涨多少" asks a growth, not a sum of money, though 收入 is one
    answer = answerer.answer(analyse("吉林省2020年农村居民人均可支配收入涨了多少？"), [incomes])
    assert answer.answer.startswith("7.6%")
    assert wanted_units(analyse("吉林省城镇居民收入从多少涨到多少？")) == {"元"}  # the levels it rose from and to


@needs_shared
def test_a_years_targets_do_not_answer_for_its_outcome_though_their_section_names_the_year(lexicon: Lexicon) -> None:
    plans, review = "郑州市/2020.md", "郑州市/2021.md"
    folder = SHARED / "cn_city_work_reports" / "郑州市"
    answerer, texts = _report_answerer(lexicon, (plans, folder / "2020.md"), (review, folder / "2021.md"))
    target = _doc_hit(
        plans,
        texts[plans],
        "建议主要预期目标：生产总值增长6.5%左右，一般公共预算收入增长7%左右，",
        "二、2020年政府工作总体要求和主要预期目标",
    )
    outcome = _doc_hit(
        review,
        texts[review],
        "初步核算，全市生产总值比上年增长3%，一般公共预算收入增长3%，固定资产投资增长3.6%，",
        "一、2020年和“十三五”工作回顾",
    )
    answer = answerer.answer(analyse("郑州市2020年生产总值增长了多少？"), [target, outcome])
    assert answer.answer.startswith("3%")
    # a target asked, the plan answers
    assert answerer.answer(analyse("郑州市2020年生产总值的增长目标是多少？"), [target, outcome]).answer.startswith(
        "6.5%"
    )


@needs_shared
def test_a_qualifier_asked_is_not_met_by_an_alternative_to_it(lexicon: Lexicon) -> None:
    zhengzhou = "郑州市/2020.md"
    answerer, text = _shared_report(lexicon, "cn_city_work_reports", zhengzhou)
    provincial = _doc_hit(zhengzhou, text, "新增省级制造业创新中心4家。", "一、2019年以来工作回顾")
    both = _doc_hit(zhengzhou, text, "国家级、省级农业龙头企业达67家，", "一、2019年以来工作回顾")
    # 省级 ones are not 国家级 ones; a text that says both may answer
    assert not answerer.answer(analyse("郑州新增了多少家国家级制造业创新中心？"), [provincial]).found
    assert answerer.answer(analyse("郑州新增了多少家省级制造业创新中心？"), [provincial]).answer.startswith("4家")
    assert answerer.answer(analyse("郑州国家级农业龙头企业有多少家？"), [both]).found
    assert lexicon.qualifier_alternatives["国家级"] >= {"省级", "市级"}


def test_exports_are_not_imports(nation_2013) -> None:
    answerer, texts = nation_2013
    passage = "全年货物进出口总额258267亿元人民币，以美元计价为41600亿美元，比上年增长7.6%。其中，出口137170亿元人民币"
    exports = _doc_hit(COMMUNIQUE_2013, texts[COMMUNIQUE_2013], passage, "六、对外经济")
    assert not answerer.answer(analyse("全国货物进口总额比上年增长多少？"), [exports]).found
    assert answerer.answer(analyse("全国货物进出口总额比上年增长多少？"), [exports]).answer.startswith("7.6%")


def test_a_day_asked_counts_for_a_statement_with_a_day_and_not_for_one_with_a_year_alone() -> None:
    # the opening lines of the NBS communiqué for 2023
    dates = Dates(AnswerWeights())
    title, day = "中华人民共和国2023年国民经济和社会发展统计公报", "2024年2月29日"
    when = analyse("2023年的统计公报是哪天发布的？")
    assert dates.statement_bonus(when, day, {}, False) > dates.statement_bonus(when, title, {}, False)
    which_year = analyse("统计公报是哪一年发布的？")
    assert dates.statement_bonus(which_year, day, {}, False) == dates.statement_bonus(which_year, title, {}, False)


def test_the_year_of_a_figure_given_is_not_the_year_it_is_compared_with() -> None:
    dates = Dates(AnswerWeights())
    text = "2020年，全县农业产值占比为8.6%，比2016年提高1.2个百分点。"
    answer = dates.direct(analyse("农业占比8.6%是哪一年的？"), text, False, {"农业": 1.0})
    assert answer is not None and answer.text == "2020年"


def test_a_short_point_heading_a_list_is_quoted_with_what_follows_it() -> None:
    # points of the 郑州市 work report 2020, and a sentence of causes of the 昆明市 one
    assert Reasons.heads_a_point("一是把创新作为最强发展动能。")
    assert Reasons.heads_a_point("（二）产业实力不强，工业支撑不足。")
    assert not Reasons.heads_a_point(
        "主要有：产业实力不强，工业支撑不足，新兴产业成长不快，科技创新水平较低，长期积累的结构性问题突出；"
    )
    assert not Reasons.heads_a_point(
        "一是新增城镇就业110万人，城镇登记失业率控制在4.5%以内，农村劳动力转移就业新增45万人以上。"
    )


@needs_shared
def test_a_table_row_is_read_with_its_caption_and_columns(lexicon: Lexicon) -> None:
    """Rows of the 2023 communiqué as the chunker makes them: the caption is their section."""
    root = SHARED / "cn_national_gov_docs"
    document, chunks = parse_document(
        root / "nbs_statistical_communiques" / "2023.md", root, Chunker(tokenizer=lexicon)
    )
    stats = KeywordIndex.build([lexicon.keyword_tokens(line) for line in document.text.splitlines()])
    answerer = ExtractiveAnswerer(lexicon, term_stats=stats, documents={document.doc_id: document.meta})
    rows = [Hit(chunk=c, score=1.0) for c in chunks if c.is_table_row]
    # "消费" and "价格" are said by the caption ("居民消费价格比上年涨跌幅度"), "农村" by a column
    prices = answerer.answer(analyse("2023年农村医疗保健类消费价格涨了多少？"), rows)
    assert prices.found and prices.answer.startswith("1.3%（农村）"), prices.answer
    # a fall is written "-2.3"
    fall = answerer.answer(analyse("2023年交通通信类价格全国下降了多少？"), rows)
    assert fall.found and fall.answer.startswith("-2.3%（全国）"), fall.answer
    # "1965" in a column of 金额（亿元） is an amount, not the year 1965
    imports = answerer.answer(analyse("2023年成品油进口金额是多少亿元？"), rows)
    assert imports.found and imports.answer.startswith("1965亿元"), imports.answer


def test_a_plan_period_asked_is_not_answered_by_the_level_before_it(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own review: the 2015 level a change starts from is not the plan period's
    text = "一、“十三五”时期工作回顾\n全市高新技术企业由2015年的251家增加到512家，总数居全省第二。\n"
    path = tmp_path / "review.md"
    path.write_text(text, encoding="utf-8")
    meta = DocumentMeta("某市政府工作报告", "某市", 2021, "政府工作报告")
    answerer, _texts = _answerer(lexicon, {"review.md": (path, meta)})
    hit = _doc_hit("review.md", text, text.splitlines()[1], "一、“十三五”时期工作回顾")
    answer = answerer.answer(analyse("“十三五”末全市高新技术企业有多少家？"), [hit])
    assert answer.direct is not None and answer.direct.text == "512家"


def _communique_asker(lexicon: Lexicon, year: int):
    """The NBS communiqué for `year` (see `_document_asker`)."""
    path = SHARED / "cn_national_gov_docs" / "nbs_statistical_communiques" / f"{year}.md"
    meta = DocumentMeta(f"中华人民共和国{year}年国民经济和社会发展统计公报", "全国", year, "统计公报")
    return _document_asker(lexicon, path, meta)


def _document_asker(lexicon: Lexicon, path: Path, meta: DocumentMeta, corpus: Path = SHARED):
    """A document of the shared corpora (or of `corpus`), chunked as the index keeps it, and a keyword
    search over its chunks that gives the top hits for a question."""
    if not path.is_file():
        pytest.skip("shared corpora not mounted")
    document, chunks = parse_document(path, corpus, Chunker(tokenizer=lexicon))
    keyword = KeywordIndex.build([lexicon.keyword_tokens(chunk.body) for chunk in chunks])
    answerer = ExtractiveAnswerer(
        lexicon, term_stats=keyword, documents={document.doc_id: meta}, outline=Outline(chunks)
    )

    def ask(question: str):
        scores, ids = keyword.search(lexicon.keyword_tokens(question), 8)
        return answerer.answer(analyse(question), [Hit(chunks[i], float(s)) for i, s in zip(ids, scores, strict=True)])

    return ask


def _own_document_asker(lexicon: Lexicon, folder: Path, text: str, meta: DocumentMeta):
    """`_document_asker` over a document of my own words, saved as report.md in `folder`."""
    path = folder / "report.md"
    path.write_text(text, encoding="utf-8")
    return _document_asker(lexicon, path, meta, folder)


def test_a_report_plans_after_a_review_titled_by_its_progress(lexicon: Lexicon) -> None:
    # 福建's 2026 report: "一、…持续取得新进展新成效" reviews 2025, its subsections too, and
    # "三、…全力推动“十五五”开好局、起好步" sets 2026's targets ("粮食产量513万吨以上；")
    path = SHARED / "cn_provincial_work_reports" / "福建省" / "2026.md"
    ask = _document_asker(lexicon, path, DocumentMeta("2026年福建省人民政府工作报告", "福建省", 2026, "政府工作报告"))
    grain = ask("2026年福建粮食产量的目标是多少？")
    assert grain.direct is not None and grain.direct.text == "513万吨以上", grain.answer
    output = ask("福建2025年地区生产总值是多少？")
    assert output.direct is not None and output.direct.text == "60199.45亿元", output.answer


@pytest.fixture(scope="module")
def communique_2023(lexicon: Lexicon):
    """The communiqué for 2023, which no eval set uses."""
    return _communique_asker(lexicon, 2023)


@pytest.fixture(scope="module")
def communique_2006(lexicon: Lexicon):
    """The communiqué for 2006, which no eval set uses: its tables are list items with bold headers."""
    return _communique_asker(lexicon, 2006)


@pytest.fixture(scope="module")
def communique_2005(lexicon: Lexicon):
    """The communiqué for 2005, which no eval set uses: its tables of the “十五” period have a column
    per year ("| 指 标 | 单 位 | 2001 | 2002 |…") or one that sums the five ("2001-2005年累计")."""
    return _communique_asker(lexicon, 2005)


def test_a_column_headed_by_a_year_answers_for_that_year(communique_2005) -> None:
    income = communique_2005("2003年城镇居民人均可支配收入是多少？")
    assert income.direct is not None and income.direct.text == "8472元", income.answer
    engel = communique_2005("2001年城镇居民家庭恩格尔系数是多少？")
    assert engel.direct is not None and engel.direct.text == "38.2%", engel.answer
    # "2001-2005年累计 23964；其中：2005年 6457": the one year's column, not refused for the five summed
    motorways = communique_2005("2005年新建高速公路多少公里？")
    assert motorways.direct is not None and motorways.direct.text == "6457公里", motorways.answer


def test_a_sum_over_the_years_asked_is_the_column_that_sums_them(lexicon: Lexicon, tmp_path: Path) -> None:
    # not one year's "毕业生307万人", ranked first, nor the 2005 column beside the sum
    sentence = "全年普通高等教育招生505万人，在校生1562万人，毕业生307万人。"
    row = "普通高等教育 505 1562 971 307"
    statement = "普通高等教育（万人）：2005年招生 505；2005年在校生 1562；2001-2005年累计毕业生 971；其中：2005年 307"
    meta = DocumentMeta("中华人民共和国2005年国民经济和社会发展统计公报", "全国", 2005, "统计公报")
    answerer, text = _own_report(lexicon, tmp_path, f"{sentence}\n\n{row}\n", meta)
    hits = [_doc_hit("report.md", text, sentence, ""), _doc_hit("report.md", text, row, "", statement)]
    graduates = answerer.answer(analyse("2001-2005年普通高等教育累计毕业生多少万人？"), hits)
    assert graduates.direct is not None and graduates.direct.text == "971万人", graduates.answer


def test_a_table_row_of_a_place_answers_only_for_that_place(lexicon: Lexicon, tmp_path: Path) -> None:
    # a row of a table by trading partner is that partner's, not the nation's exports
    sentence = "全年货物出口52000亿元，增长6%。"
    row = "美国 8300 3.5"
    statement = "美国（亿元）：货物出口额 8300；比上年增长% 3.5"
    meta = DocumentMeta("2030年国民经济和社会发展统计公报", "全国", 2030, "统计公报")
    answerer, text = _own_report(lexicon, tmp_path, f"{sentence}\n\n{row}\n", meta)
    hits = [_doc_hit("report.md", text, row, "", statement), _doc_hit("report.md", text, sentence, "")]
    _assert_answers(answerer.answer(analyse("2030年全国货物出口额是多少？"), hits), "52000亿元")
    _assert_answers(answerer.answer(analyse("2030年对美国的货物出口额是多少？"), hits), "8300亿元")


def test_an_aside_in_brackets_does_not_part_a_thing_from_its_figure(quantities) -> None:
    text = (
        "农村居民家庭恩格尔系数（即居民家庭食品消费支出占家庭消费总支出的比重）为45.5%，城镇居民家庭恩格尔系数为36.7%。"
    )
    terms = {"农村居民": 3.0, "家庭": 1.0, "恩格尔系数": 4.0}
    engel = quantities.direct(analyse("农村居民家庭恩格尔系数是多少？"), text, False, terms)
    assert engel is not None and engel.text == "45.5%"


def test_rows_of_a_list_table_answer_with_their_unit(communique_2006) -> None:
    fibre = communique_2006("2006年化学纤维产量是多少万吨？")
    assert fibre.direct is not None and fibre.direct.text == "2025.5万吨"
    chips = communique_2006("2006年集成电路产量是多少？")
    assert chips.direct is not None and chips.direct.text == "335.8亿块"


def test_a_product_asked_by_its_everyday_name(communique_2006) -> None:
    televisions = communique_2006("2006年彩电产量是多少万台？")
    assert televisions.direct is not None and televisions.direct.text == "8375.4万台"
    fridges = communique_2006("How many refrigerators were produced in 2006?")
    assert fridges.direct is not None and fridges.direct.text == "3530.9万台"


def test_the_figure_of_the_thing_asked_where_a_sentence_says_two(communique_2006) -> None:
    # "全年新增有效灌溉面积108万公顷，新增节水灌溉面积128万公顷": 全年 tells neither apart
    irrigated = communique_2006("2006年全年新增节水灌溉面积是多少？")
    assert irrigated.direct is not None and irrigated.direct.text == "128万公顷"
    # "居民消费价格比上年上涨1.5%，其中服务价格上涨1.8%": a rise stated, not one between the two
    services = communique_2006("2006年服务价格上涨了多少？")
    assert services.direct is not None and services.direct.text.startswith("1.8%"), services.answer


def test_a_band_the_question_names_picks_its_row_and_is_not_the_answer(communique_2023) -> None:
    # "60周岁及以上人口有多少": the row of that band, not the total row that also says 人口
    ask = communique_2023
    older = ask("2023年末全国60周岁及以上人口有多少？")
    assert older.direct is not None and older.direct.text == "29697万人"
    working_age = ask("2023年末全国16-59岁人口有多少？")
    assert working_age.direct is not None and working_age.direct.text == "86481万人"
    # a share asked of a row of counts and shares: the cell in the unit asked
    share = ask("2023年末全国65周岁及以上人口占比多少？")
    assert share.direct is not None and share.direct.text == "15.4%"


def test_a_qualifier_the_question_says_counts_for_the_figure_it_narrows(lexicon: Lexicon) -> None:
    # 乌鲁木齐 2021: "…地区生产总值…增长35.1%，年均增长6.2%"
    answerer, _line, hit = _report_line(lexicon, "乌鲁木齐市/2021.md", "年均增长6.2%")
    yearly = answerer.answer(analyse("乌鲁木齐“十三五”期间地区生产总值年均增长多少？"), [hit])
    assert yearly.direct is not None and yearly.direct.text == "6.2%"
    overall = answerer.answer(analyse("乌鲁木齐“十三五”期间地区生产总值增长多少？"), [hit])
    assert overall.direct is not None and overall.direct.text == "35.1%"


def test_a_name_spaced_out_after_a_post_is_who_gave_the_report(lexicon: Lexicon) -> None:
    # 郑州's title page "**郑州市人民政府代市长 侯 红**", beside a sentence naming a company jieba takes
    # for a person ("安图生物…")
    cities = SHARED / "cn_city_work_reports"
    docs = [(f"郑州市/{year}.md", cities / "郑州市" / f"{year}.md") for year in (2020, 2021)]
    answerer, texts = _report_answerer(lexicon, *docs)
    text = texts["郑州市/2021.md"]
    lines = [line for line in text.splitlines() if "代市长" in line or "安图生物" in line]
    hits = [_doc_hit("郑州市/2021.md", text, line, "") for line in sorted(lines, key=lambda line: "代市长" not in line)]
    answer = answerer.answer(analyse("郑州2021年政府工作报告是谁作的？"), hits)
    assert answer.direct is not None and answer.direct.text == "侯红"


def test_a_year_a_section_looks_back_from_is_named_and_the_years_since_only_implied(lexicon: Lexicon) -> None:
    # 郑州's 2020 report reviews "2019年以来" (2019's figures), its 2021 report names 2020's
    cities = SHARED / "cn_city_work_reports"
    docs = [(f"郑州市/{year}.md", cities / "郑州市" / f"{year}.md") for year in (2020, 2021)]
    answerer, texts = _report_answerer(lexicon, *docs)

    def hit(doc: str, holding: str, section: str) -> Hit:
        return _doc_hit(doc, texts[doc], next(line for line in texts[doc].splitlines() if holding in line), section)

    hits = [
        hit(
            "郑州市/2020.md",
            "地区生产总值完成11589.7亿元",
            "一、2019年以来工作回顾 > （一）抢抓重大机遇，综合实力持续攀升",
        ),
        hit("郑州市/2021.md", "2020年全市生产总值完成12003亿元", "一、2020年和“十三五”工作回顾"),
    ]
    latest = answerer.answer(analyse("2020年郑州市的地区生产总值是多少？"), hits)
    assert latest.direct is not None and latest.direct.text == "12003亿元"
    assert not latest.claims  # the 2019 review implies 2020 at most: it does not gainsay the 2021 report
    earlier = answerer.answer(analyse("2019年郑州市的地区生产总值是多少？"), hits)
    assert earlier.direct is not None and earlier.direct.text == "11589.7亿元"


def test_why_reads_on_past_the_passage_to_the_sentence_that_gives_the_cause(communique_2023) -> None:
    # NBS 2023 note [37]: "…增速按可比口径计算。报告期数据…不能直接相比计算增速。主要原因是：①…前期土地费用…",
    # a passage ending after its first sentence
    answer = communique_2023("2023年统计公报中固定资产投资增速为什么按可比口径计算？")
    assert answer.found and "主要原因是" in answer.answer and "前期土地费用" in answer.answer


@needs_shared
@pytest.mark.parametrize(("industry", "share"), [("第一产业", "10.0%"), ("第二产业", "43.9%"), ("第三产业", "46.1%")])
def test_the_figure_of_the_category_asked_among_those_a_sentence_lists(
    lexicon: Lexicon, industry: str, share: str
) -> None:
    # the first label repeats most of the question's words; the one asked differs in one telling word
    doc_id = "nbs_statistical_communiques/2013.md"
    text = (SHARED / "cn_national_gov_docs" / doc_id).read_text(encoding="utf-8")
    meta = DocumentMeta("2013年国民经济和社会发展统计公报", "全国", 2013, "统计公报")
    answerer, _ = _answerer(lexicon, {doc_id: (SHARED / "cn_national_gov_docs" / doc_id, meta)})
    passage = "第一产业增加值占国内生产总值的比重为10.0%，第二产业增加值比重为43.9%，第三产业增加值比重为46.1%"
    hits = [_doc_hit(doc_id, text, passage, "一、综合")]

    answer = answerer.answer(analyse(f"2013年全国{industry}增加值占国内生产总值的比重是多少？"), hits)
    assert answer.direct is not None and answer.direct.text == share


@needs_shared
@pytest.mark.parametrize(
    ("doc", "holding", "question", "figure"),
    [
        ("郑州市/2021.md", "其中高技术制造业投资增长52.6%", "郑州2020年工业投资增长多少？", "20.9%"),
        # the group the question narrows from names the whole, not the part after 其中
        (
            "郑州市/2021.md",
            "其中高技术制造业投资增长52.6%",
            "郑州2020年工业投资中，高技术制造业投资增长多少？",
            "52.6%",
        ),
        ("无锡市/2021.md", "其中税收收入增长7%", "无锡2020年一般公共预算收入中，税收收入增长多少？", "7%"),
    ],
)
def test_a_part_of_a_whole_is_the_figure_after_its_name(
    lexicon: Lexicon, doc: str, holding: str, question: str, figure: str
) -> None:
    answerer, _line, hit = _report_line(lexicon, doc, holding)
    answer = answerer.answer(analyse(question), [hit])
    assert answer.direct is not None and answer.direct.text == figure


@needs_shared
@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("“十三五”末无锡一般公共预算收入是多少？", "1075.7亿元"),
        ("“十三五”初期无锡一般公共预算收入是多少？", "830亿元"),
        ("无锡一般公共预算收入原来是多少？", "830亿元"),
    ],
)
def test_the_level_a_change_started_from_when_its_start_is_asked(lexicon: Lexicon, question: str, figure: str) -> None:
    answerer, text = _shared_report(lexicon, "cn_city_work_reports", "无锡市/2021.md")
    passage = (
        "五年来，我们稳妥应对风险挑战，综合竞争力迈上更高台阶。全市地区生产总值由2015年的8681亿元增至12370亿元，"
        "人均地区生产总值保持全国城市前列。一般公共预算收入由830亿元增至1075.7亿元。"
    )
    hits = [_doc_hit("无锡市/2021.md", text, passage, "一、“十三五”发展成就")]
    answer = answerer.answer(analyse(question), hits)
    assert answer.direct is not None and answer.direct.text == figure


@needs_shared
@pytest.mark.parametrize(("who", "figure"), [("确诊患者", "182名"), ("无症状感染者", "233名")])
def test_a_count_is_of_the_thing_that_follows_it(lexicon: Lexicon, who: str, figure: str) -> None:
    # "救治182名确诊患者、233名无症状感染者": the words before 233名 name the other count's thing
    answerer, _line, hit = _report_line(lexicon, "郑州市/2021.md", "救治182名确诊患者")
    answer = answerer.answer(analyse(f"郑州2020年救治了多少名{who}？"), [hit])
    assert answer.direct is not None and answer.direct.text == figure


@needs_shared
@pytest.mark.parametrize(("question", "figure"), [("提高到每人每年多少元", "380元"), ("原来是每人每年多少元", "320元")])
def test_a_change_started_a_few_words_after_its_from(lexicon: Lexicon, question: str, figure: str) -> None:
    doc_id = "national_work_reports/2015.md"
    path = SHARED / "cn_national_gov_docs" / doc_id
    answerer, texts = _answerer(lexicon, {doc_id: (path, DocumentMeta("政府工作报告", "全国", 2015, "政府工作报告"))})
    passage = "完善城乡居民基本医保，财政补助标准由每人每年320元提高到380元，基本实现居民医疗费用省内直接结算"
    hits = [_doc_hit(doc_id, texts[doc_id], passage, "二、2015年工作总体部署")]
    answer = answerer.answer(analyse(f"2015年城乡居民基本医保财政补助标准{question}？"), hits)
    assert answer.direct is not None and answer.direct.text == figure


@needs_shared
@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("By how much did China's GDP grow in 2013, according to the statistical communiqué?", "7.7%"),
        ("What was China's GDP in 2013, according to the statistical communique?", "568845亿元"),
    ],
)
def test_an_english_question_asks_for_growth_or_the_level(lexicon: Lexicon, question: str, figure: str) -> None:
    doc_id = "nbs_statistical_communiques/2013.md"
    path = SHARED / "cn_national_gov_docs" / doc_id
    meta = DocumentMeta("2013年国民经济和社会发展统计公报", "全国", 2013, "统计公报")
    answerer, texts = _answerer(lexicon, {doc_id: (path, meta)})
    hits = [_doc_hit(doc_id, texts[doc_id], "初步核算，全年国内生产总值[5]568845亿元，比上年增长7.7%。", "一、综合")]
    answer = answerer.answer(analyse(question), hits)
    assert answer.direct is not None and answer.direct.text == figure


@needs_shared
@pytest.mark.parametrize(("asked", "found"), [("一般公共预算收入", True), ("国防开支", False)])
def test_a_statement_of_the_report_asked_about_that_lacks_the_topic_does_not_answer(
    lexicon: Lexicon, asked: str, found: bool
) -> None:
    # every sentence of the report is of 国务院 and its 政府工作报告: those words name it, not its topics
    doc_id = "national_work_reports/2015.md"
    path = SHARED / "cn_national_gov_docs" / doc_id
    answerer, texts = _answerer(lexicon, {doc_id: (path, DocumentMeta("政府工作报告", "全国", 2015, "政府工作报告"))})
    passage = "发展质量有新的提升，一般公共预算收入增长8.6%，研究与试验发展经费支出与国内生产总值之比超过2%"
    hits = [_doc_hit(doc_id, texts[doc_id], passage, "一、2014年工作回顾")]
    answer = answerer.answer(analyse(f"国务院2015年政府工作报告中{asked}增长多少？"), hits)
    assert answer.found is found


@needs_shared
@pytest.mark.parametrize(("period", "figure"), [("一季度", "81.6%"), ("全年", "11.8%"), ("", "11.8%")])
def test_the_part_of_the_year_asked_tells_a_changes_ends_apart(lexicon: Lexicon, period: str, figure: str) -> None:
    # "从一季度负增长81.6%收窄到全年负增长11.8%": the start is the answer when its quarter is asked
    answerer, _line, hit = _report_line(lexicon, "武汉市/2021.md", "固定资产投资从一季度负增长81.6%")
    answer = answerer.answer(analyse(f"2020年武汉{period}固定资产投资增速是多少？"), [hit])
    assert answer.direct is not None and answer.direct.text == figure


@needs_shared
@pytest.mark.parametrize(
    ("question", "figure"),
    [("2020年武汉一季度地区生产总值下跌了多少？", "40.5%"), ("2020年武汉地区生产总值同比下降了多少？", "4.7%")],
)
def test_a_decline_asked_is_a_rate_of_the_part_of_the_year_asked(lexicon: Lexicon, question: str, figure: str) -> None:
    answerer, text = _shared_report(lexicon, "cn_city_work_reports", "武汉市/2021.md")
    year = next(line for line in text.splitlines() if "达到15616.1亿元" in line)
    quarter = next(line for line in text.splitlines() if "断崖式下跌40.5%" in line)
    hits = [_doc_hit("武汉市/2021.md", text, line, "") for line in (year, quarter)]
    answer = answerer.answer(analyse(question), hits)
    assert answer.direct is not None and answer.direct.text == figure


def test_a_year_asked_from_on_is_spoken_of_by_any_later_year(nation_2013) -> None:
    # the work report of 2013 reviews 2008-2012
    answerer, texts = nation_2013
    assert analyse("2008年以来我国经济年均增长多少？").since == (2008,)
    text = texts[REPORT_2013]
    passage = text[text.index("这五年，我国宏观经济") :].split("，显著")[0]
    review = _doc_hit(REPORT_2013, text, passage, "一、过去五年工作回顾")
    answer = answerer.answer(analyse("2009年以来全国国内生产总值年均增长多少？"), [review])
    assert answer.answer.startswith("9.3%"), answer.answer
    assert not answerer.answer(analyse("2014年以来全国国内生产总值年均增长多少？"), [review]).found


def test_a_rate_per_thousand_answers_a_rate_asked(nation_2013) -> None:
    answerer, texts = nation_2013
    births = _doc_hit(COMMUNIQUE_2013, texts[COMMUNIQUE_2013], "全年出生人口1640万人，出生率为12.08‰", "一、综合")
    assert answerer.answer(analyse("全国的人口出生率为多少？"), [births]).answer.startswith("12.08‰")


def test_an_outcome_asked_is_not_answered_by_a_target_nor_a_growth_by_a_level(nation_2013) -> None:
    answerer, texts = nation_2013
    report, communique = REPORT_2013, COMMUNIQUE_2013
    plan = "二、今年经济社会发展的总体要求、主要预期目标和宏观经济政策"
    target = _doc_hit(report, texts[report], "今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右", plan)
    assert answerer.answer(analyse("2013年全国国内生产总值增长的预期目标定为多少？"), [target]).answer.startswith(
        "7.5%左右"
    )
    assert not answerer.answer(analyse("2013年全国国内生产总值实际上增长了多少？"), [target]).found
    # a growth asked in no unit: a level is no answer; a count asked in 起 is answered in 起
    level = _doc_hit(communique, texts[communique], "全年国内生产总值[5]568845亿元", "一、综合")
    assert not answerer.answer(analyse("2013年全国国内生产总值增长了多少？"), [level]).found
    fires = _doc_hit(
        communique,
        texts[communique],
        "全年共发生森林火灾3929起，森林火灾受害森林面积1.4万公顷",
        "十二、资源、环境和安全生产",
    )
    assert answerer.answer(analyse("2013年全国共发生多少起森林火灾？"), [fires]).answer.startswith("3929起")


@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        ("武汉居民消费价格涨幅3%左右", True),  # 武汉 2021: "3" of the question's "3%"
        ("武汉居民消费价格涨幅3.5%左右", False),
        ("2023年武汉居民消费价格涨幅", False),  # inside a year
    ],
)
def test_a_number_the_question_gives_is_held_where_the_text_states_it(
    lexicon: Lexicon, sentence: str, held: bool
) -> None:
    terms = {"3": 1.0}
    tokens = set(lexicon.keyword_tokens(sentence))
    coverage = _coverage(terms, sentence, tokens, set(), "", lambda w: tuple(lexicon.subwords(w)), 0.0, 0.0)
    assert (coverage == 1.0) is held


@needs_shared
def test_a_qualifier_the_question_says_is_a_term_whatever_its_word_class(lexicon: Lexicon) -> None:
    answerer, _line, _hit = _report_line(lexicon, "无锡市/2021.md", "境外投资")
    # "境外" is a place word to jieba; "数据" asks for the figure, like 数量
    terms = answerer._question_terms(analyse("无锡去年接待境外游客的数据是多少？"))
    assert "境外" in terms and "数据" not in terms


@needs_shared
def test_a_statement_with_the_frame_of_the_thing_asked_but_another_thing_does_not_answer(lexicon: Lexicon) -> None:
    answerer, _line, hit = _report_line(lexicon, "郑州市/2021.md", "居民人均可支配收入增长3.7%")
    # "居民人均…" holds all the question names but what it is of: 消费支出, not 可支配收入
    assert not answerer.answer(analyse("郑州2020年居民人均消费支出增长了多少？"), [hit]).found
    assert answerer.answer(analyse("郑州2020年居民人均可支配收入增长了多少？"), [hit]).answer.startswith("3.7%")


@needs_shared
def test_a_qualifier_right_before_the_thing_asked_is_part_of_it(lexicon: Lexicon) -> None:
    answerer, _line, hit = _report_line(lexicon, "无锡市/2021.md", "新增上市公司15家")
    assert not answerer.answer(analyse("无锡要新增几家境外上市公司？"), [hit]).found
    assert answerer.answer(analyse("无锡要新增几家上市公司？"), [hit]).answer.startswith("15家")


def test_a_one_character_verb_says_less_of_what_is_asked_than_a_one_character_noun() -> None:
    weights = AnswerWeights()
    # "来了多少人": 来 says how the question is asked; "周" of "科技周" names part of what
    assert _term_weight("来", "v", weights) < _term_weight("周", "n", weights) < _term_weight("活动", "n", weights)
    assert _term_weight("来", "v", weights) == weights.single_char_term * weights.verb_term


@needs_shared
@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("2013年全国猪肉价格比上年上涨多少？", False),  # of 价格, past the comparison with a time
        ("2013年全国猪肉产量比上年增长了多少？", True),
        ("2013年全国猪肉产量有多少万吨？", True),
    ],
)
def test_the_thing_asked_is_found_past_a_comparison_with_a_time(
    lexicon: Lexicon, nation_2013: tuple[ExtractiveAnswerer, dict[str, str]], question: str, found: bool
) -> None:
    answerer, texts = nation_2013
    hit = _doc_hit(COMMUNIQUE_2013, texts[COMMUNIQUE_2013], "其中，猪肉产量5493万吨，增长2.8%", "二、农业")
    assert answerer.answer(analyse(question), [hit]).found is found


def test_the_thing_asked_may_be_written_inside_a_longer_term(lexicon: Lexicon) -> None:
    # the segmenter cuts "社会消费品零售总额" where the lexicon keeps it whole (my own wording)
    stats = KeywordIndex.build([lexicon.keyword_tokens("全年社会消费品零售总额增长5%")])
    answerer = ExtractiveAnswerer(lexicon, term_stats=stats, documents={})
    words = [("社会", "n"), ("消费品", "n"), ("零售", "vn"), ("总额", "n")]
    query = analyse("社会消费品零售总额是多少？")
    term_of = answerer._question_term_of(query, words)
    assert {term_of(i) for i in range(4)} == {"社会消费品零售总额"}


@needs_shared
def test_the_year_before_a_level_follows_from_the_change_by_an_amount_since_it(
    nation_2013: tuple[ExtractiveAnswerer, dict[str, str]],
) -> None:
    answerer, texts = nation_2013
    hit = _doc_hit(COMMUNIQUE_2013, texts[COMMUNIQUE_2013], "全年粮食产量60194万吨，比上年增加1236万吨", "二、农业")
    # the communiqué of 2013, which "统计公报" names as any of its lines: 60194 - 1236
    answer = answerer.answer(analyse("据2013年统计公报，2012年粮食产量大约多少万吨？"), [hit])
    assert answer.direct is not None and answer.direct.text == "约58958万吨", answer.answer
    assert "比上年增加1236万吨" in answer.direct.note
    # a growth rate gives no exact level of the year before
    growth = _doc_hit(COMMUNIQUE_2013, texts[COMMUNIQUE_2013], "其中，猪肉产量5493万吨，增长2.8%", "二、农业")
    assert not answerer.answer(analyse("2012年全国猪肉产量是多少万吨？"), [growth]).found


def test_no_level_follows_from_a_rank_and_its_move() -> None:
    text = "全县地区生产总值跃居全省第8位，比上年上升2位。"  # my own wording
    assert _derived_level(text, (2019,), _stated_figures(text, 2020), 2020) is None


def test_a_change_from_a_rank_says_nothing_of_the_year_before() -> None:
    assert not earlier_years_stated("全县地区生产总值跃居全省第8位，比上年上升2位。", 2020)
    assert earlier_years_stated("全县粮食产量52.5万吨，比上年多1.2万吨。", 2020) == {2019}


def test_a_level_and_its_change_by_an_amount_since_a_year_state_that_years_level() -> None:
    # my own wording: a named year, thousands written with commas, a harvest's 减产 and a magnitude before its unit
    assert earlier_years_stated("2030年，全县用电量达到3,200万度，比2025年增加1,150万度。", None) == {2025}
    assert earlier_years_stated("全县油料产量6.4亿斤，比上年减产0.3亿斤。", 2020) == {2019}
    text = "2030年，全县用电量达到3,200万度，比2025年增加1,150万度。"
    derived = _derived_level(text, (2025,), _stated_figures(text, 2030), 2030)
    assert derived is not None and derived.text == "约2050万度"
    text = "全县油料产量6.4亿斤，比上年减产0.3亿斤。"
    derived = _derived_level(text, (2019,), _stated_figures(text, 2020), 2020)
    assert derived is not None and derived.text == "约6.7亿斤"


def _assert_answers(reply: Answer, answer: str | None) -> None:
    """The reply opens with `answer`, or refuses where `answer` is None."""
    assert reply.found is (answer is not None)
    assert answer is None or reply.answer.startswith(answer)


def _county_report(lexicon: Lexicon, folder: Path, review: str, plans: str) -> tuple[ExtractiveAnswerer, Hit, Hit]:
    """An answerer over a county's work report of my own, one line of review and one of plans, and a
    hit on each."""
    path = folder / "县.md"
    path.write_text(f"一、2020年工作回顾\n{review}\n二、2021年工作安排\n{plans}\n", encoding="utf-8")
    answerer, texts = _answerer(lexicon, {"县.md": (path, DocumentMeta("某县政府工作报告", "", 2021, "政府工作报告"))})
    return (
        answerer,
        _doc_hit("县.md", texts["县.md"], review, "一、2020年工作回顾"),
        _doc_hit("县.md", texts["县.md"], plans, "二、2021年工作安排"),
    )


def test_a_word_everyday_chinese_uses_far_more_than_reports_is_the_askers_own(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own report writes 孩子 once, in its plans: a word the passages use, yet the asker's wording
    assert "孩子" in lexicon.plain_words and "托位" not in lexicon.plain_words
    answerer, review, _plans = _county_report(
        lexicon, tmp_path, "全县新建托育中心12所，新增普惠托位3600个。", "2021年，办好让孩子们满意的教育。"
    )
    question = analyse("2020年全县给孩子们新增了多少普惠托位？")
    assert answerer.term_stats.document_frequency("孩子") > 0
    assert "孩子" in answerer._unused(question) and "托位" not in answerer._unused(question)
    _assert_answers(answerer.answer(question, [review]), "3600个")


def test_a_statement_without_the_thing_asked_does_not_answer_when_another_retrieved_names_it(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # its targets name other things than the one asked, its review names it
    answerer, review, targets = _county_report(
        lexicon,
        tmp_path,
        "全县社会消费品零售总额增长4.5%，居民收入稳步提高。",
        "2021年主要预期目标：地区生产总值增长6%左右，固定资产投资增长7%。",
    )
    question = analyse("2021年社会消费品零售总额预期增长多少？")
    assert not answerer.answer(question, [targets, review]).found


@pytest.mark.parametrize(
    ("plans", "question", "answer"),
    [
        # targets of other indicators: the lexicon knows how 固定资产投资 is written, and none of it is here
        (
            "今年主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。",
            "2021年固定资产投资的增长目标是多少？",
            None,
        ),
        # an indicator the thing asked is made of, in a share: 研发投入强度 written out
        (
            "2021年，预计全县研究与试验发展经费支出占地区生产总值的比重为2.1%。",
            "2021年全县研发投入强度预计是多少？",
            "2.1%",
        ),
    ],
)
def test_a_statement_without_any_form_of_a_known_indicator_asked_does_not_answer(
    lexicon: Lexicon, tmp_path: Path, plans: str, question: str, answer: str | None
) -> None:
    # the review, which holds 固定资产投资 (a word the documents use), is not retrieved
    review = "全县固定资产投资增长8%，社会消费品零售总额增长4.5%。"
    answerer, _review, targets = _county_report(lexicon, tmp_path, review, plans)
    _assert_answers(answerer.answer(analyse(question), [targets]), answer)


@pytest.mark.parametrize("question", ["2020年全县城镇新增就业一共有多少人？", "2020年全县城镇新增就业的人一共有多少？"])
def test_an_indicator_of_what_is_added_asked_in_total_is_its_figure(
    lexicon: Lexicon, tmp_path: Path, question: str
) -> None:
    # "一共" asks all of it; the indicator counts what the year added, which is all of it
    answerer, review, _plans = _county_report(
        lexicon, tmp_path, "全县城镇新增就业3200人，城镇登记失业率2.1%。", "2021年，加强就业服务。"
    )
    _assert_answers(answerer.answer(analyse(question), [review]), "3200人")


@pytest.mark.parametrize(
    ("question", "answer"), [("2020年全县石墨产量是多少？", "3.6万吨"), ("2020年全县新能源汽车销量是多少？", "1.2万辆")]
)
def test_a_quantity_named_for_what_is_done_is_said_by_the_doing(
    lexicon: Lexicon, tmp_path: Path, question: str, answer: str
) -> None:
    # "生产石墨3.6万吨" states the 石墨产量, "销售新能源汽车1.2万辆" the 销量
    answerer, review, _plans = _county_report(
        lexicon, tmp_path, "全年生产石墨3.6万吨、增长5%，销售新能源汽车1.2万辆。", "2021年，加强产业培育。"
    )
    _assert_answers(answerer.answer(analyse(question), [review]), answer)


@pytest.mark.parametrize(
    ("review", "answer"),
    [("农业稳中有进，粮食达到21.5万吨、增长3%。", "21.5万吨"), ("农业稳中有进，粮食销售达到3.2亿元。", None)],
)
def test_an_output_is_said_by_its_thing_alone_before_how_much_of_it(
    lexicon: Lexicon, tmp_path: Path, review: str, answer: str | None
) -> None:
    # "粮食达到21.5万吨" states the 粮食产量; an amount of money is no output
    answerer, hit, _plans = _county_report(lexicon, tmp_path, review, "2021年，加强产业培育。")
    _assert_answers(answerer.answer(analyse("2020年全县粮食产量是多少？"), [hit]), answer)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("2020年全县地区生产总值居全市第几位？", "第5位"),
        ("全县2020年举办的是第几届农民丰收节？", "第五届"),
        ("2020年全县营商环境评价在全市排第几位？", "11位"),
    ],
)
def test_a_rank_or_ordinal_asked_is_answered_by_the_one_stated(
    lexicon: Lexicon, tmp_path: Path, question: str, answer: str
) -> None:
    # my own review: a rank and an ordinal, neither of which is a count
    answerer, review, _plans = _county_report(
        lexicon,
        tmp_path,
        "全县地区生产总值增长4%，居全市第5位；成功举办第五届农民丰收节；营商环境评价在全市排11位、前移两位。",
        "2021年，加强产业培育。",
    )
    _assert_answers(answerer.answer(analyse(question), [review]), answer)


@pytest.mark.parametrize(
    ("review", "answer"),
    [
        ("全县服务业增加值占地区生产总值的比重达到48.1%，地区生产总值突破300亿元。", None),
        ("全县地区生产总值突破300亿元，比上年增长4.5%。", "4.5%"),
    ],
)
def test_a_growth_asked_in_percent_is_not_answered_by_a_share(
    lexicon: Lexicon, tmp_path: Path, review: str, answer: str | None
) -> None:
    answerer, hit, _plans = _county_report(lexicon, tmp_path, review, "2021年，加强产业培育。")
    _assert_answers(answerer.answer(analyse("2020年全县地区生产总值比上年增长了百分之几？"), [hit]), answer)


def test_a_share_raised_to_a_level_answers_the_share_asked(lexicon: Lexicon, tmp_path: Path) -> None:
    # "提高到76%" states the level the share reached, no growth
    review = "全县农村自来水普及率提高到76%。"
    answerer, hit, _plans = _county_report(lexicon, tmp_path, review, "2021年，加强产业培育。")
    _assert_answers(answerer.answer(analyse("2020年全县农村自来水普及的比例提高到多少？"), [hit]), "76%")


@pytest.mark.parametrize(
    ("review", "answer"),
    [("全县城镇登记失业率为3.2%，低于控制目标。", None), ("全县城镇登记失业人数为2100人，失业率3.2%。", "2100人")],
)
def test_a_number_of_people_asked_by_its_name_is_not_answered_by_a_rate(
    lexicon: Lexicon, tmp_path: Path, review: str, answer: str | None
) -> None:
    answerer, hit, _plans = _county_report(lexicon, tmp_path, review, "2021年，加强就业服务。")
    _assert_answers(answerer.answer(analyse("2020年全县城镇登记失业人数是多少？"), [hit]), answer)


def test_an_indicator_the_lexicon_knows_and_no_document_writes_is_not_answered_by_a_sibling(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # 服务贸易进出口 (the lexicon's 服务进出口) is written nowhere: 货物进出口总额 is another indicator
    answerer, review, _plans = _county_report(
        lexicon, tmp_path, "全县货物进出口总额12.5亿元，增长5%。", "2021年，稳外贸稳外资。"
    )
    assert not answerer.answer(analyse("2020年全县服务贸易进出口总额是多少？"), [review]).found
    _assert_answers(answerer.answer(analyse("2020年全县货物进出口总额是多少？"), [review]), "12.5亿元")


def test_the_words_that_ask_how_and_with_what_effect_are_no_terms_of_the_answer(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # "采取哪些措施" and "效果如何" ask; the statement says the measures and their effect in its own words
    answerer, review, _plans = _county_report(
        lexicon,
        tmp_path,
        "推行林长制，实行封山育林和退耕还林，森林覆盖率提高到62%。",
        "2021年，继续抓好生态建设。",
    )
    question = analyse("2020年全县采取哪些措施保护森林，效果如何？")
    assert not {"采取", "效果"} & set(answerer._question_terms(question))
    answer = answerer.answer(question, [review])
    assert answer.found and "封山育林" in answer.answer, answer.answer


def test_how_much_more_than_another_year_is_no_total(lexicon: Lexicon, tmp_path: Path) -> None:
    # "总量比2015年增加120亿元" says how much it grew, not how much there is
    answerer, review, _plans = _county_report(
        lexicon, tmp_path, "全县生产总值年均增长6%，总量比2015年增加120亿元。", "2021年，稳增长。"
    )
    assert not answerer.answer(analyse("2020年全县生产总值的总量是多少？"), [review]).found
    _assert_answers(answerer.answer(analyse("2020年全县生产总值比2015年增加了多少？"), [review]), "120亿元")


def test_a_part_said_after_a_respective_list_is_the_parts_own(lexicon: Lexicon, tmp_path: Path) -> None:
    # "城乡…分别增长6%、8%" pairs its figures with 城镇 and 农村; "其中农村…" names its own subject, and its
    # figures are no 城镇 figure
    answerer, review, _plans = _county_report(
        lexicon,
        tmp_path,
        "城乡居民人均可支配收入分别增长6%、8%，其中农村居民人均可支配收入首次突破1.5万元、达到15230元。",
        "2021年，促进居民增收。",
    )
    assert not answerer.answer(analyse("2020年全县城镇居民人均可支配收入是多少元？"), [review]).found
    rural = answerer.answer(analyse("2020年全县农村居民人均可支配收入是多少元？"), [review])
    assert rural.direct is not None and rural.direct.text in ("1.5万元", "15230元"), rural.answer
    _assert_answers(answerer.answer(analyse("2020年全县城镇居民人均可支配收入增长多少？"), [review]), "6%")


def test_a_clause_that_names_only_the_year_it_compares_with_goes_on_in_the_year_before_it(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # "…；水泥产量达到80万吨，比1985年增加…" speaks of 1990 as the clause before it does, not of 1985
    meta = DocumentMeta("某县第七个五年计划", "", 1986, "规划纲要")
    line = "1990年全县钢产量达到50万吨，比1985年增加10万吨；水泥产量达到80万吨，比1985年增加20万吨。"
    answerer, text = _own_report(lexicon, tmp_path, f"{line}\n", meta)
    hit = _doc_hit("report.md", text, line, "")
    question = analyse("1990年全县水泥产量要达到多少？")
    cement = next(c for c in answerer._candidates(question, 0, hit) if c.text.startswith("水泥"))
    assert 1990 in cement.years
    _assert_answers(answerer.answer(question, [hit]), "80万吨")


def test_what_is_left_of_a_whole_without_a_part_is_worked_out(lexicon: Lexicon, tmp_path: Path) -> None:
    # "…以外的" asks the whole less the part named after 其中, which the figure after it is not
    answerer, review, _plans = _county_report(
        lexicon,
        tmp_path,
        "全县耕地面积52万亩，比上年增加2万亩；其中水田18万亩，增长4%。",
        "2021年，守住耕地红线。",
    )
    answer = answerer.answer(analyse("2020年全县耕地中，水田以外的耕地有多少？"), [review])
    _assert_answers(answer, "34万亩")
    assert len(answer.statements) == 2  # both clauses, the whole's and the part's
    _assert_answers(answerer.answer(analyse("2020年全县水田有多少？"), [review]), "18万亩")
    # a part the question names only to leave it out, and the name it gives the rest ("（乡村）"), are
    # no terms the statement must hold
    answerer, review, _plans = _county_report(
        lexicon, tmp_path, "年末全县常住人口52万人，其中城镇常住人口30万人。", "2021年，推进新型城镇化。"
    )
    rest = answerer.answer(analyse("2020年末全县常住人口中，城镇以外（乡村）的人口有多少？"), [review])
    _assert_answers(rest, "22万人")


def test_a_noun_too_general_to_name_an_indicator_is_not_the_thing_asked(lexicon: Lexicon, tmp_path: Path) -> None:
    # "经济增长" is the growth of 生产总值, as the targets write it
    answerer, review, targets = _county_report(
        lexicon,
        tmp_path,
        "全县经济运行稳中向好，经济结构持续优化。",
        "2021年主要预期目标：全县生产总值增长7%左右，固定资产投资增长8%。",
    )
    answer = answerer.answer(analyse("2021年全县经济增长的预期目标是多少？"), [targets, review])
    assert answer.direct is not None and answer.direct.text == "7%左右", answer.answer


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("2020年农村居民人均消费支出是多少元？", None),  # jieba tags 支出 a verb; 是 follows the thing all the same
        ("2020年农村居民人均可支配收入是多少元？", "15340元"),
        ("2020年社会消费品零售总额增长是多少？", "5%"),  # a change before 是 is asked of the thing before it
    ],
)
def test_the_verb_a_copula_follows_is_the_thing_asked(
    lexicon: Lexicon, tmp_path: Path, question: str, answer: str | None
) -> None:
    # the review's 消费 is of 社会消费品零售总额: it states no spending
    answerer, review, _plans = _county_report(
        lexicon,
        tmp_path,
        "城乡居民人均可支配收入分别达30120元和15340元，社会消费品零售总额增长5%。",
        "2021年，新增支出优先用于民生，扩大消费。",
    )
    reply = answerer.answer(analyse(question), [review])
    _assert_answers(reply, answer)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("2020年全县规模以上工业企业实现利润多少亿元？", None),  # eleven months' profit is not the year's
        ("2020年1-11月全县规模以上工业企业实现利润多少亿元？", "12.5亿元"),
        ("2020年全县规模以上工业增加值增长多少？", "6.1%"),  # said of the whole year
    ],
)
def test_a_figure_of_part_of_a_year_answers_only_for_that_part(
    lexicon: Lexicon, tmp_path: Path, question: str, answer: str | None
) -> None:
    answerer, review, _plans = _county_report(
        lexicon,
        tmp_path,
        "1-11月，全县规模以上工业企业实现利润12.5亿元，增长4.9%。全年规模以上工业增加值增长6.1%。",
        "2021年，规模以上工业增加值增长7%左右。",
    )
    reply = answerer.answer(analyse(question), [review])
    _assert_answers(reply, answer)


@pytest.mark.parametrize(
    ("question", "found"),
    [("2008年全国规模以上工业企业实现利润多少亿元？", False), ("2008年1-11月规模以上工业企业实现利润多少亿元？", True)],
)
def test_a_table_row_is_of_the_part_of_a_year_its_caption_names(question: str, found: bool) -> None:
    stats = KeywordIndex.build([["规模以上工业", "利润总额"], ["利润"]])
    answerer = ExtractiveAnswerer(Lexicon.load(Settings().lexicon_dir), term_stats=stats, documents={})
    section = "三、工业和建筑业 > 表3  2008年1-11月规模以上工业企业实现利润及其增长速度"
    row = Chunk(
        "c#0",
        "c",
        0,
        14,
        "- 规模以上工业 24066 4.9",
        section,
        True,
        "规模以上工业：利润总额 24066；比上年同期增长% 4.9",
    )
    assert answerer.answer(analyse(question), [Hit(row, 1.0)]).found is found


@pytest.mark.parametrize(
    ("review", "question", "answer"),
    [
        ("全县高新技术企业总数达到120家，研发投入增长12%。", "2020年全县新增了多少家高新技术企业？", None),
        ("全县高新技术企业总数达到120家，研发投入增长12%。", "2020年全县有多少家高新技术企业？", "120家"),
        ("全县新增高新技术企业25家、总数达到120家。", "2020年全县新增了多少家高新技术企业？", "25家"),
    ],
)
def test_a_count_of_all_there_is_does_not_say_how_many_were_added(
    lexicon: Lexicon, tmp_path: Path, review: str, question: str, answer: str | None
) -> None:
    answerer, hit, _plans = _county_report(lexicon, tmp_path, review, "2021年，新认定高新技术企业30家。")
    reply = answerer.answer(analyse(question), [hit])
    _assert_answers(reply, answer)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("2020年全县地区生产总值增长了多少？", None),  # five years' average is not the year's growth
        ("2020年全县地区生产总值增速是多少？", None),  # nor is the level it reached
        ("“十三五”期间全县地区生产总值年均增长多少？", "6.5%"),
    ],
)
def test_a_yearly_average_is_not_the_growth_of_one_year(
    lexicon: Lexicon, tmp_path: Path, question: str, answer: str | None
) -> None:
    answerer, review, _plans = _county_report(
        lexicon,
        tmp_path,
        "“十三五”时期，全县地区生产总值2020年达到420亿元，年均增长6.5%。",
        "2021年，地区生产总值增长7%左右。",
    )
    reply = answerer.answer(analyse(question), [review])
    _assert_answers(reply, answer)


_GDP_2020 = "全县地区生产总值2020年达到420亿元，是2015年的1.5倍"


@pytest.mark.parametrize(
    ("review", "question", "answer"),
    [
        # the growth since 2015 and its yearly average are no growth over the year before; nor is the level
        (f"{_GDP_2020}，年均增长6.5%。", "2020年全县地区生产总值比上年增长了多少？", None),
        (f"{_GDP_2020}，年均增长6.5%。", "2020年全县地区生产总值是2015年的多少倍？", "1.5倍"),
        (f"{_GDP_2020}，比上年增长3.5%。", "2020年全县地区生产总值比上年增长了多少？", "3.5%"),
    ],
)
def test_a_change_against_another_year_is_not_the_change_over_the_year_before(
    lexicon: Lexicon, tmp_path: Path, review: str, question: str, answer: str | None
) -> None:
    answerer, hit, _plans = _county_report(lexicon, tmp_path, review, "2021年，地区生产总值增长7%左右。")
    reply = answerer.answer(analyse(question), [hit])
    _assert_answers(reply, answer)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("2020年全县共发生多少起草原火灾？", None),  # the unit asked (起) does not end the thing asked
        ("2020年全县共发生多少起森林火灾？", "12起"),
        ("2020年全县一般公共预算支出是多少亿元？", "35亿元"),
        ("2020年全县消费支出是多少亿元？", None),  # 一般公共预算支出 is another kind of 支出
        ("2020年全县农民人均可支配收入是多少元？", "16800元"),  # 农村居民 may be the asker's 农民
        ("2020年全县国家高新技术企业有多少家？", "45家"),  # 全县 says where, not which kind
    ],
)
def test_the_thing_asked_named_with_another_noun_before_it_is_another_of_its_kind(
    lexicon: Lexicon, tmp_path: Path, question: str, answer: str | None
) -> None:
    answerer, review, _plans = _county_report(
        lexicon,
        tmp_path,
        "全县全年共发生森林火灾12起，一般公共预算支出35亿元。农村居民人均可支配收入16800元，全县高新技术企业45家。",
        "2021年，加强草原保护，扩大消费，压减一般性支出，支持农民增收，培育国家高新技术企业。",
    )
    reply = answerer.answer(analyse(question), [review])
    _assert_answers(reply, answer)


@pytest.mark.parametrize(
    ("review", "question", "answer"),
    [
        ("全县林业生产总值增长6%。", "2020年全县地区生产总值增长了多少？", None),  # 林业, where the question says 地区
        ("全县林业生产总值增长6%，全县生产总值增长7.2%。", "2020年全县地区生产总值增长了多少？", "7.2%"),
        ("全县林业生产总值增长6%。", "2020年全县林业生产总值增长了多少？", "6%"),
        ("全县渔业生产总值增长6%。", "2020年全县生产总值增长了多少？", "6%"),  # the question writes it short
        # 进出口 opens the question's 进出口总额: nothing before it is the question's own
        ("全县一般贸易进出口增长12%。", "2020年全县进出口总额增长了多少？", None),
        ("全县进出口增长8%，一般贸易进出口增长12%。", "2020年全县进出口总额增长了多少？", "8%"),
        # a shorter name of the thing the question writes whole, after a noun the question does not say
        ("全县低收入人口人均收入达到9200元。", "2020年全县居民人均可支配收入是多少？", None),
        ("全县低收入人口人均收入达到9200元。", "2020年全县低收入人口人均收入是多少？", "9200元"),
        # a noun the question says itself, before a shorter name the text gives the thing
        ("全县金融机构本外币存款余额增长7.5%。", "2020年全县金融机构存款余额增长了多少？", "7.5%"),
        # the end of the word before it both say (人口) is no part of what tells the two kinds apart
        ("全县户籍人口城镇化率为41.2%。", "到2020年末，全县常住人口城镇化率为多少？", None),
        ("全县户籍人口城镇化率为41.2%。常住人口城镇化率为55.6%。", "到2020年末，全县常住人口城镇化率为多少？", "55.6%"),
        # a list that says the thing once, with its first item: the later items are of their kind of it
        ("全县压减化肥产能30万吨、农药2万吨。", "2020年全县压减的农药产能是多少？", "2万吨"),
        ("全县压减化肥产能30万吨。", "2020年全县压减的农药产能是多少？", None),
    ],
)
def test_a_shorter_form_of_the_thing_after_another_noun_is_another_of_its_kind(
    lexicon: Lexicon, tmp_path: Path, review: str, question: str, answer: str | None
) -> None:
    answerer, hit, _plans = _county_report(lexicon, tmp_path, review, "2021年，发展海洋经济。")
    _assert_answers(answerer.answer(analyse(question), [hit]), answer)


def test_a_ratio_asked_is_quoted_as_it_is_written(lexicon: Lexicon, tmp_path: Path) -> None:
    # "12∶40∶48" is no figure of one unit: the statement that states the ratio answers, quoted, not a refusal
    review = "全县三次产业比例由2015年的12∶40∶48调整为9∶38∶53，结构持续优化。"
    answerer, hit, _plans = _county_report(lexicon, tmp_path, review, "2021年，发展海洋经济。")
    reply = answerer.answer(analyse("2020年全县三次产业比例是多少？"), [hit])
    assert reply.found and "9∶38∶53" in reply.answer, reply.answer


@pytest.mark.parametrize("question", ["2020年全县完成多少农村改厕任务？", "2020年全县农村改厕任务完成了多少？"])
def test_a_task_is_asked_of_what_it_is_a_task_of(lexicon: Lexicon, tmp_path: Path, question: str) -> None:
    # "改厕任务": 任务 is how much of the thing was to be done, as a target is, before or after the asking
    review = "全县完成农村改厕1.2万户，建成污水管网40公里。"
    answerer, hit, _plans = _county_report(lexicon, tmp_path, review, "2021年，统筹推进各项改革，全面完成年度任务。")
    _assert_answers(answerer.answer(analyse(question), [hit]), "1.2万户")


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("2020年全县智能手机产量是多少部？", None),  # the output of a narrower kind than the text's
        ("2020年全县手机产量是多少部？", "1200万部"),
    ],
)
def test_an_output_is_asked_of_the_thing_before_it(
    lexicon: Lexicon, tmp_path: Path, question: str, answer: str | None
) -> None:
    # "智能手机产量": 产量 measures the thing named before it, as 总额 or 规模 do
    review = "全县手机产量1200万部，增长5%。培育智能手机企业。"
    answerer, hit, _plans = _county_report(lexicon, tmp_path, review, "2021年，发展海洋经济。")
    _assert_answers(answerer.answer(analyse(question), [hit]), answer)


@pytest.mark.parametrize(
    ("review", "answer"),
    [
        ("全县安排预算内水利投资3亿元。", None),  # 水利 narrows it to another kind, though 预算内 is said
        ("全县安排预算内水利投资3亿元。预算内投资增加到12亿元。", "12亿元"),
    ],
)
def test_a_noun_between_the_modifier_asked_and_the_thing_names_another_of_its_kind(
    lexicon: Lexicon, tmp_path: Path, review: str, answer: str | None
) -> None:
    answerer, hit, _plans = _county_report(lexicon, tmp_path, review, "2021年，扩大有效投资。")
    reply = answerer.answer(analyse("2020年全县预算内投资是多少亿元？"), [hit])
    _assert_answers(reply, answer)


def test_a_place_named_before_the_thing_asked_is_no_kind_of_it(lexicon: Lexicon, tmp_path: Path) -> None:
    # "重庆" (of 重庆市) right before 城镇居民…: where it is asked of, not which kind of income
    answerer, hit, _plans = _county_report(
        lexicon, tmp_path, "城乡居民人均可支配收入分别增长8.7%、9.8%。", "2021年，重庆城镇居民收入稳步增长。"
    )
    question = analyse("2020年重庆城镇居民收入涨多少？")
    assert answerer._thing(question)[2] is None
    assert answerer.answer(question, [hit]).answer.startswith("8.7%")


@pytest.mark.parametrize(
    ("review", "answer"),
    [
        ("全县猪肉产量3.2万吨，下降0.9%。", None),  # 产量 is not the 价格 asked
        ("全县猪肉产量3.2万吨，下降0.9%；猪肉价格上涨12.5%。", "12.5%"),
    ],
)
def test_the_thing_asked_is_read_past_alternatives_of_its_change(
    lexicon: Lexicon, tmp_path: Path, review: str, answer: str | None
) -> None:
    answerer, hit, _plans = _county_report(lexicon, tmp_path, review, "2021年，稳定生猪生产和市场价格。")
    reply = answerer.answer(analyse("2020年全县猪肉价格比上年上涨还是下降了多少？"), [hit])
    _assert_answers(reply, answer)


def test_so_many_things_asked_by_their_number_are_the_points_that_follow(lexicon: Lexicon, tmp_path: Path) -> None:
    text = (
        "二、2021年工作安排\n"
        "发展社会事业，今年重点办好三件事。一是新建乡村公路80公里。二是改造农村供水管网。三是完成县医院扩建。\n"
    )
    path = tmp_path / "县.md"
    path.write_text(text, encoding="utf-8")
    document, chunks = parse_document(path, tmp_path, Chunker(tokenizer=lexicon))
    keyword = KeywordIndex.build([lexicon.keyword_tokens(chunk.body) for chunk in chunks])
    meta = DocumentMeta("某县政府工作报告", "", 2021, "政府工作报告")
    answerer = ExtractiveAnswerer(
        lexicon, term_stats=keyword, documents={document.doc_id: meta}, outline=Outline(chunks)
    )
    question = analyse("2021年发展社会事业重点办好的三件事是什么？")
    reply = answerer.answer(question, [Hit(chunk, 1.0) for chunk in chunks])
    assert question.kind == "list"
    assert all(item in reply.answer for item in ("新建乡村公路", "改造农村供水管网", "完成县医院扩建"))


def test_a_note_number_after_a_word_does_not_part_an_indicators_name(lexicon: Lexicon) -> None:
    # the NBS communiqué for 2014 (no eval set uses it): "全国农民工[6]总量为27395万人"
    path = SHARED / "cn_national_gov_docs" / "nbs_statistical_communiques" / "2014.md"
    if not path.is_file():
        pytest.skip("shared corpora not mounted")
    document, chunks = parse_document(path, SHARED, Chunker(tokenizer=lexicon))
    keyword = KeywordIndex.build([lexicon.keyword_tokens(chunk.body) for chunk in chunks])
    meta = DocumentMeta("2014年国民经济和社会发展统计公报", "全国", 2014, "统计公报")
    answerer = ExtractiveAnswerer(lexicon, term_stats=keyword, documents={document.doc_id: meta})
    question = "2014年全国农民工总量是多少？"
    scores, ids = keyword.search(lexicon.keyword_tokens(question), 8)
    answer = answerer.answer(analyse(question), [Hit(chunks[i], float(s)) for i, s in zip(ids, scores, strict=True)])
    assert answer.direct is not None and answer.direct.text == "27395万人"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("2020年全县居民人均可支配收入涨了多少？", None),  # the year's own change, which five years' is not
        ("2020年全县居民人均可支配收入比2015年增加了多少？", "2.1万元（2015年） → 3万元（2020年），增加0.9万元"),
    ],
)
def test_a_change_asked_of_one_year_is_from_the_year_before(
    lexicon: Lexicon, tmp_path: Path, question: str, answer: str | None
) -> None:
    answerer, review, _plans = _county_report(
        lexicon,
        tmp_path,
        "全县居民人均可支配收入从2015年的2.1万元增加到2020年的3万元。",
        "2021年，居民人均可支配收入增长7%左右。",
    )
    reply = answerer.answer(analyse(question), [review])
    _assert_answers(reply, answer)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("2018年全县投入了多少科技资金？", None),  # a sum over five years is no one year's
        ("2016到2020年全县一共投入了多少科技资金？", "3.2亿元"),
        ("全县2016-2020年科技资金投入合计多少？", "3.2亿元"),
        ("How much science funding did the county spend between 2016 and 2020 in all?", "3.2亿元"),
    ],
)
def test_a_sum_over_the_years_a_statement_names_is_of_none_of_them_alone(
    lexicon: Lexicon, tmp_path: Path, question: str, answer: str | None
) -> None:
    answerer, review, _plans = _county_report(
        lexicon,
        tmp_path,
        "2016-2020年，全县共投入科技资金3.2亿元，支持科技项目120个。",
        "2021年，全县科技资金投入增长10%。",
    )
    reply = answerer.answer(analyse(question), [review])
    _assert_answers(reply, answer)


def test_from_or_up_to_when_is_no_term_of_the_question(lexicon: Lexicon, tmp_path: Path) -> None:
    answerer, _review, _plans = _county_report(
        lexicon, tmp_path, "截至2020年底，全县共有高新技术企业45家。", "2021年，高新技术企业增加到55家。"
    )
    assert set(answerer._question_terms(analyse("截至2020年，全县有多少家高新技术企业？"))) == {"全县", "高新技术企业"}
    assert "到" not in answerer._question_terms(analyse("2016到2020年全县高新技术企业增加了多少家？"))


@pytest.mark.parametrize("term", ["出口", "出口额", "外贸出口"])
@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        # 出口 only inside 进出口: not held in whole, in parts or in part (外贸 alone is less than half)
        ("全县外贸进出口总值85亿元，增长6%。", False),
        ("全县外贸进出口总值85亿元，其中出口52亿元。", True),
        ("全县外贸进口、出口分别增长3%和8%。", True),
        ("全县外贸进出口分别完成33亿元和52亿元。", True),  # 分别 gives each its own figure
    ],
)
def test_one_of_two_things_named_together_is_not_held_by_the_word_for_both(
    lexicon: Lexicon, term: str, sentence: str, held: bool
) -> None:
    tokens = set(lexicon.keyword_tokens(sentence))
    pieces = lambda w: tuple(lexicon.subwords(w))  # noqa: E731
    coverage = _coverage({term: 1.0}, sentence, tokens, set(), "", pieces, 0.0, partial_weight=0.8)
    assert (coverage >= _THING_HELD) is held


def test_one_of_two_things_is_held_by_the_word_for_both_in_any_of_its_forms(lexicon: Lexicon) -> None:
    # "城镇低保" is written 城市居民最低生活保障 in the thesaurus; "城乡低保标准分别…" gives each its figure
    sentence = "城乡低保标准分别提高到610元/人/月和540元/人/月。"
    tokens = set(lexicon.keyword_tokens(sentence))
    term = lexicon.canonical("城镇低保")
    pieces = lambda w: tuple(lexicon.subwords(w))  # noqa: E731
    held = _coverage({term: 1.0}, sentence, tokens, set(), "", pieces, 0.0, 0.0, forms=lexicon.surface_forms)
    assert held == 1.0
    unpaired = sentence.replace("分别", "")
    assert _coverage({term: 1.0}, unpaired, tokens, set(), "", pieces, 0.0, 0.0, forms=lexicon.surface_forms) == 0.0


def test_a_part_that_narrows_with_qizhong_is_answered_by_the_figure_of_the_part(communique_2006) -> None:
    # "汽车产量多少万辆？其中轿车多少？" asks its second part as "汽车产量其中轿车多少？": what 其中
    # narrows from is the group, not the thing asked ("汽车产量728万辆，…，其中轿车387万辆")
    assert analyse("汽车产量其中轿车多少万辆？").group == "汽车产量"
    cars = communique_2006("2006年汽车产量其中轿车多少万辆？")
    assert cars.direct is not None and cars.direct.text in ("387万辆", "386.9万辆"), cars.answer


def test_a_share_of_a_total_is_no_growth_of_it(quantities) -> None:
    # "增长多少" of a sentence that names the total only as what a share is of ("占GDP比重达2.4%")
    query = analyse("2021年全市GDP增长多少？")
    terms = {"gdp": 3.0, "增长": 0.3}
    assert quantities.direct(query, "全社会研发投入占GDP比重达2.4%。", False, terms) is None
    grown = quantities.direct(query, "全市GDP增长6.5%，占全省比重达12%。", False, terms)
    assert grown is not None and grown.text == "6.5%"


def test_a_measure_named_with_nothing_more_asked_asks_its_amount(communique_2006) -> None:
    assert analyse("2006年原油产量？").kind == "quantity"
    assert analyse("城镇化率呢？").kind == "quantity"
    assert analyse("明年地区生产总值增长目标？").kind == "quantity"
    crude = communique_2006("2006年原油产量？")
    assert crude.direct is not None and crude.direct.text.startswith("1.84亿吨"), crude.answer


def test_a_thing_that_is_a_flow_by_name_is_asked_as_one_in_english(quantities) -> None:
    # "new urban jobs" glosses as 城镇新增就业: its 新增 is the thing asked, not a change the question
    # would have to ask for
    query = analyse("How many new urban jobs were created in 2024?")
    terms = {"城镇新增就业": 4.7, "new urban jobs": 4.7}
    jobs = quantities.direct(query, "城镇新增就业60.2万人，农村劳动力转移就业900万人。", False, terms)
    assert jobs is not None and jobs.text == "60.2万人"


def test_a_listed_figure_answers_only_a_question_about_one_of_the_listed(quantities) -> None:
    text = "预期目标是：地区生产总值增长6%，一般公共预算收入增长3%，城镇、农村居民人均可支配收入分别增长6%、7%。"
    revenue = quantities.direct(analyse("一般公共预算收入预期增长多少？"), text, False, {"一般公共预算收入": 4.0})
    assert revenue is not None and revenue.text == "3%"
    rural = quantities.direct(analyse("农村居民人均可支配收入预期增长多少？"), text, False, {"农村居民": 4.0})
    assert rural is not None and rural.text == "7%"


def test_a_change_asked_is_answered_by_the_change_a_sentence_states(quantities) -> None:
    text = "全年粮食产量6.9亿吨，比上年增加1200万吨，增产1.8%。"
    grain = quantities.direct(analyse("粮食产量比上年增加多少？"), text, False, {"粮食产量": 5.0, "增加": 1.6})
    assert grain is not None and grain.text == "1200万吨"


def test_the_growth_of_the_thing_asked_where_each_figure_of_a_list_grew(quantities) -> None:
    # every figure is near "增长"; the growth asked is the one after the thing asked
    text = "新开工项目120个、增长8%，完成投资300亿元、增长12%。"
    grown = quantities.direct(analyse("完成投资增长了多少？"), text, False, {"完成投资": 4.0, "增长": 0.5})
    assert grown is not None and grown.text == "12%"


def test_an_area_asked_is_answered_in_any_unit_of_area_without_the_word(lexicon: Lexicon, tmp_path: Path) -> None:
    # "造林绿化3.06万亩" says no 面积: its unit does; the sentence that says 面积 is of another thing
    meta = DocumentMeta("政府工作报告", "海口市", 2020, "政府工作报告")
    answerer, text = _own_report(
        lexicon, tmp_path, "严格落实5万亩常年蔬菜基地保有面积。\n全年造林绿化3.06万亩。\n", meta
    )
    hits = [_doc_hit("report.md", text, line, "") for line in text.splitlines()]
    answer = answerer.answer(analyse("造林绿化面积是多少？"), hits)
    assert answer.direct is not None and answer.direct.text == "3.06万亩", answer.answer
    # …and asked after its asking word ("造林绿化了多少面积")
    answer = answerer.answer(analyse("全年造林绿化了多少面积？"), hits)
    assert answer.direct is not None and answer.direct.text == "3.06万亩", answer.answer


def test_how_much_more_than_something_is_answered_by_the_difference_stated(quantities) -> None:
    # both figures state a change (新增 is a flow); the one asked is said against the target
    text = "全年城镇新增就业1100万人，比预期目标多200万人。"
    terms = {"城镇新增就业": 4.7, "预期": 4.3, "目标": 2.1}
    more = quantities.direct(analyse("城镇新增就业比预期目标多多少？"), text, False, terms)
    assert more is not None and more.text == "200万人"


def test_a_list_asked_of_a_lead_sentence_is_read_on_in_its_paragraph(lexicon: Lexicon, tmp_path: Path) -> None:
    paragraph = "这五年，创新能力显著增强。一批重大平台加快建设。科学城纳入国家科学中心先行启动区。新区获批省级高新区。"
    meta = DocumentMeta("政府工作报告", "东莞市", 2021, "政府工作报告")
    answerer, text = _own_report(lexicon, tmp_path, f"{paragraph}\n\n下一段讲别的事。\n", meta)
    hit = _doc_hit("report.md", text, paragraph, "")
    answer = answerer.answer(analyse("有哪些重大平台加快建设？"), [hit])
    assert "科学城" in answer.answer and "新区获批" in answer.answer and "别的事" not in answer.answer, answer.answer


def test_how_a_lead_sentence_is_done_is_read_on_in_its_paragraph(lexicon: Lexicon, tmp_path: Path) -> None:
    paragraph = "推进节水型社会建设。实施农业水价综合改革，推广喷灌滴灌。新建再生水厂3座。"
    meta = DocumentMeta("政府工作报告", "东莞市", 2021, "政府工作报告")
    answerer, text = _own_report(lexicon, tmp_path, f"{paragraph}\n\n下一段讲别的事。\n", meta)
    hit = _doc_hit("report.md", text, paragraph, "二、2021年工作安排")
    answer = answerer.answer(analyse("东莞2021年打算怎样推进节水型社会建设？"), [hit])
    assert "农业水价" in answer.answer and "再生水厂" in answer.answer and "别的事" not in answer.answer, answer.answer


def test_a_statement_holding_the_figure_the_question_quotes_is_not_set_back_by_its_qualifier(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    narrowed = "2021年上半年，全市规模以上数字经济核心产业营收占比为38.6%，比2018年提高9个百分点。"
    row = "数字经济核心产业营收占比（%）：2021年目标数 35；目前完成数 38.6；备注 2021年上半年"
    lines = ["全市数字经济核心产业营收占比由2018年的29.6%提高到2021年上半年的38.6%。", narrowed, row]
    meta = DocumentMeta("评估报告", "淄博市", 2021, "评估报告")
    answerer, text = _own_report(lexicon, tmp_path, "\n".join(lines) + "\n", meta)
    hits = [_doc_hit("report.md", text, line, "") for line in lines[:2]]
    hits.append(_doc_hit("report.md", text, row, "1、主要指标完成情况", statement=row))
    answer = answerer.answer(analyse("数字经济核心产业营收占比38.6%是什么时候的数据？"), hits)
    assert any(statement.text == narrowed for statement in answer.statements), answer.answer


def test_a_name_is_two_or_three_characters_whatever_jieba_tags(lexicon: Lexicon) -> None:
    people = QuestionKinds(lexicon, AnswerWeights()).people
    assert "市场秩序" not in people.names("加强对市场主体、市场活动监督管理，切实维护市场秩序。")
    assert people.names("会议听取了国务委员兼国务院秘书长马凯关于方案的说明") == ["马凯"]


def test_a_listed_thing_is_told_apart_by_the_words_only_it_has(quantities) -> None:
    # "第一、第二和第三产业…分别为…": 第三 tells the third apart, though the question names little of the rest
    text = "第一、第二和第三产业增加值占地区生产总值的比重分别为5.1%、40.2%和54.7%。"
    third = quantities.direct(analyse("第三产业占GDP的比重是多少？"), text, False, {"第三产业": 4.0, "比重": 1.0})
    assert third is not None and third.text == "54.7%"


def test_value_added_is_a_level_not_an_increase() -> None:
    # "增加值" says 增加 but is no change; "增加值增长8.1%" is one
    level = "数字经济核心产业增加值比重为12.4%"
    grown = "数字经济核心产业增加值增长8.1%"
    assert not _states_a_change(level, find_figures(level)[0])
    assert _states_a_change(grown, find_figures(grown)[0])


def test_a_city_asked_of_its_provinces_report_is_answered_only_where_the_report_names_it(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    lines = ["全省减少贫困人口52.6万人，贫困发生率下降到1.2%。", "陇南新建果蔬保鲜库120座。"]
    meta = DocumentMeta("政府工作报告", "甘肃省", 2021, "政府工作报告")
    answerer, text = _own_report(lexicon, tmp_path, "\n".join(lines) + "\n", meta)
    hits = [_doc_hit("report.md", text, line, "") for line in lines]
    assert not answerer.answer(analyse("天水减少贫困人口多少？"), hits).found
    stores = answerer.answer(analyse("陇南新建果蔬保鲜库多少座？"), hits[::-1])
    assert stores.direct is not None and stores.direct.text == "120座", stores.answer


def test_all_there_is_asked_last_is_not_answered_by_what_was_added(quantities) -> None:
    # a second part asks "…新建温室累计达到多少": it names the first part's 新建, then asks all there is
    text = "新建日光温室1.5万亩，累计达到12万亩。"
    terms = {"日光温室": 4.0, "新建": 2.0}
    total = quantities.direct(analyse("新建日光温室累计达到多少？"), text, False, terms)
    assert total is not None and total.text == "12万亩"
    added = quantities.direct(analyse("累计建成的日光温室中今年新建了多少？"), text, False, terms)
    assert added is not None and added.text == "1.5万亩"


def test_a_growth_asked_against_nothing_is_not_drawn_to_another_things_growth(quantities) -> None:
    # "增长多少" sets the growth against nothing: the figure of 生产总值, stated as the target met, answers
    text = "预计全市生产总值能够实现6.5%左右的预期目标，一般公共预算收入同口径增长4.1%。"
    grown = quantities.direct(analyse("2019年生产总值增长多少？"), text, False, {"生产总值": 3.6, "增长": 0.4})
    assert grown is not None and grown.text == "6.5%左右"


@needs_shared
def test_a_share_said_at_the_start_of_its_clause_is_no_growth(lexicon: Lexicon) -> None:
    # "占中央和省级财政专项扶贫资金总额的75.7%": its 占 lies far before the figure, still in its clause (甘肃 2020)
    answerer, text = _shared_report(lexicon, "cn_provincial_work_reports", "甘肃省/2020.md")
    sentence = text[text.index("全年投入财政专项扶贫资金") : text.index("资金总额的75.7%。") + 10]
    hit = _doc_hit("甘肃省/2020.md", text, sentence, "一、2019年工作回顾")
    answer = answerer.answer(analyse("甘肃2019年投入财政专项扶贫资金增长多少？"), [hit])
    assert answer.direct is not None and answer.direct.text == "19.8%", answer.answer


@pytest.mark.parametrize(
    "sentence",
    [
        "年末人民币汇率为1美元兑7.8087元人民币，比上年末升值3.35%。",
        "年末汇率8.2765元人民币兑1美元，比上年末上升2个基本点。",
    ],
)
def test_an_exchange_rate_is_a_price_not_a_share_nor_its_one_unit(quantities, sentence: str) -> None:
    rate = quantities.direct(analyse("年末人民币汇率是多少？"), sentence, False, {"人民币": 2.0, "汇率": 3.0})
    assert rate is not None and rate.text in ("7.8087元", "8.2765元")


def test_the_year_befores_level_is_reckoned_only_when_asked_to(lexicon: Lexicon, tmp_path: Path) -> None:
    # a 2021 report reviews 2020; the level of 2019 follows from 2020's and its rise, roughly
    sentence = "全县电力装机达980万千瓦、增长9.1%，供应平稳有序。"
    meta = DocumentMeta("2021年某县政府工作报告", "某县", 2021, "政府工作报告")
    answerer, text = _own_report(lexicon, tmp_path, f"{sentence}\n", meta)
    hits = [_doc_hit("report.md", text, sentence, "一、2020年工作回顾")]
    reckoned = answerer.answer(analyse("按报告推算，2019年全县电力装机大约是多少？"), hits)
    assert reckoned.direct is not None and reckoned.direct.text == "约898.3万千瓦", reckoned.answer
    assert "980万千瓦" in reckoned.direct.note and "增长9.1%" in reckoned.direct.note
    read = answerer.answer(analyse("2019年全县电力装机是多少？"), hits)
    assert not read.found and read.refusal == "文中未提及2019年的相关情况"


def test_a_month_alone_or_last_year_answers_when_in_the_year_of_the_text(lexicon: Lexicon) -> None:
    dates = QuestionKinds(lexicon, AnswerWeights()).dates
    terms = {"座谈会": 5.0, "召开": 3.0}
    text = "总书记3月参加代表团审议，9月亲临视察，在郑州主持召开座谈会。"
    month = dates.direct(analyse("座谈会是在哪个月召开的？"), text, False, terms, base_year=2019)
    assert month is not None and month.text == "2019年9月"
    text = "去年，我们隆重举行抗震救灾十周年纪念活动。"
    year = dates.direct(analyse("纪念活动是在哪一年举行的？"), text, False, {"纪念活动": 5.0}, base_year=2020)
    assert year is not None and year.text == "2020年"
    # a day of the year, which recurs, is not dated to one year
    text = "将11月1日设为“企业家日”。"
    day = dates.direct(analyse("企业家日定在哪一天？"), text, False, {"企业家日": 5.0}, base_year=2020)
    assert day is not None and day.text == "11月1日"


def test_a_plan_named_in_full_by_its_title_is_the_plan_a_question_names_short(lexicon: Lexicon, tmp_path: Path) -> None:
    sentence = "提高城镇生活污水和垃圾处理能力，城市污水处理率和生活垃圾无害化处理率分别达到85%和80%。"
    others = [
        "国内生产总值年均增长7%。",
        "城镇新增就业4500万人。",
        "森林覆盖率提高到21.66%。",
        "耕地保有量保持在18.18亿亩。",
    ]
    meta = DocumentMeta("中华人民共和国国民经济和社会发展第十二个五年规划纲要", "全国", 2011, "规划纲要")
    answerer, text = _own_report(lexicon, tmp_path, "\n".join([*others, sentence, ""]), meta)
    hits = [_doc_hit("report.md", text, sentence, "第二十章 加强环境保护")]
    answer = answerer.answer(analyse("十二五规划中生活垃圾无害化处理率的目标是多少？"), hits)
    assert answer.direct is not None and answer.direct.text == "80%", answer.answer


def test_the_words_naming_a_plan_are_said_of_each_of_its_sentences(lexicon: Lexicon) -> None:
    # "计划纲要提出…": the plan's title says 计划纲要 (its kind only 规划纲要), and no sentence of it repeats it
    if not SHARED.is_dir():
        pytest.skip("shared corpora not mounted")
    plan = SHARED / "cn_national_gov_docs" / "five_year_plans" / "2001-十五计划纲要.md"
    city = SHARED / "cn_city_work_reports" / "南京市" / "2020.md"
    answerer, texts = _answerer(
        lexicon,
        {
            "plan.md": (
                plan,
                DocumentMeta("中华人民共和国国民经济和社会发展第十个五年计划纲要", "全国", 2001, "规划纲要"),
            ),
            "city.md": (city, DocumentMeta("政府工作报告", "南京市", 2020, "政府工作报告")),
        },
    )
    line = next(line for line in texts["plan.md"].splitlines() if "国内生产总值达到" in line)
    answer = answerer.answer(
        analyse("国家“十五”计划纲要提出2005年国内生产总值要达到多少？"),
        [_doc_hit("plan.md", texts["plan.md"], line, "")],
    )
    assert answer.found and "12.5万亿元" in answer.answer, answer.answer


def test_a_thing_named_with_another_by_a_joint_word_is_the_topic_of_its_sentence(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # "存贷款余额分别…": 存款余额 as the text writes it, though the synonym group folds it to 各项存款余额
    sentence = "金融运行平稳，存贷款余额分别达到8200亿元、7600亿元，不良贷款率下降0.3个百分点。"
    others = ["地区生产总值增长5.2%。", "社会消费品零售总额增长6%。"]
    meta = DocumentMeta("2021年洛阳市政府工作报告", "洛阳市", 2021, "政府工作报告")
    answerer, text = _own_report(lexicon, tmp_path, "\n".join([*others, sentence, ""]), meta)
    hits = [_doc_hit("report.md", text, sentence, "一、2020年工作回顾")]
    _assert_answers(answerer.answer(analyse("洛阳2020年存款余额是多少？"), hits), "8200亿元")


def test_a_target_asked_by_any_name_is_of_the_thing_before_it(lexicon: Lexicon, tmp_path: Path) -> None:
    # "城镇登记失业率的控制目标": the thing is the rate; the report calls its target 预期目标
    lead = "今年经济社会发展主要预期目标：生产总值增长7%，城镇调查失业率5.5%左右、城镇登记失业率4.5%以内。"
    other = "单位生产总值能耗降低完成国家下达的控制目标。"  # the report says 控制目标 too, of another thing
    meta = DocumentMeta("2020年某省政府工作报告", "某省", 2020, "政府工作报告")
    answerer, text = _own_report(lexicon, tmp_path, f"{other}\n{lead}\n", meta)
    hits = [_doc_hit("report.md", text, lead, "二、2020年工作总体要求和主要目标")]
    answer = answerer.answer(analyse("2020年城镇登记失业率的控制目标是多少？"), hits)
    assert answer.direct is not None and answer.direct.text == "4.5%以内", answer.answer


def test_a_thing_named_only_as_the_modifier_of_another_is_not_held(lexicon: Lexicon, tmp_path: Path) -> None:
    energy = "建成国家级绿色工厂8家，规模以上工业增加值能耗下降16%。"
    others = ["全市地区生产总值增长6.5%。", "规模以上工业企业利润增长3%。", "城镇新增就业11.5万人。"]
    meta = DocumentMeta("2020年某市政府工作报告", "某市", 2020, "政府工作报告")
    answerer, text = _own_report(lexicon, tmp_path, "\n".join([*others, energy, ""]), meta)
    hits = [_doc_hit("report.md", text, energy, "一、2019年工作回顾")]
    refused = answerer.answer(analyse("2019年规模以上工业增加值增长多少？"), hits)
    assert not refused.found, refused.answer
    answered = answerer.answer(analyse("2019年规模以上工业增加值能耗下降多少？"), hits)
    assert answered.direct is not None and answered.direct.text.startswith("16%"), answered.answer
    # a noun that names no quantity of its own ("项目工程") is the same thing, named longer
    projects = "省市县长项目工程开工建设39个，固定资产投资增长8.1%。"
    answerer, text = _own_report(lexicon, tmp_path, "\n".join([*others, projects, ""]), meta)
    started = answerer.answer(
        analyse("2019年新开工了多少个省市县长项目？"), [_doc_hit("report.md", text, projects, "")]
    )
    assert started.direct is not None and started.direct.text == "39个", started.answer


def test_why_targets_were_set_so_is_the_statement_that_follows_them_saying_why(lexicon: Lexicon) -> None:
    # 福建 2026: the targets end one passage; "这些目标充分考虑了…" opens the next, in the same paragraph
    path = SHARED / "cn_provincial_work_reports" / "福建省" / "2026.md"
    ask = _document_asker(lexicon, path, DocumentMeta("2026年福建省人民政府工作报告", "福建省", 2026, "政府工作报告"))
    why = ask("福建为什么把2026年的主要预期目标定成这样？")
    assert "打基础" in why.answer and "留空间" in why.answer, why.answer


@pytest.mark.parametrize(
    ("question", "text"),
    [
        # the figure in the unit asked is another thing's; the one asked is said with a rate only
        ("全市固定资产投资总额是多少亿元？", "固定资产投资增长2.8%，社会消费品零售总额达3056.6亿元、增长9.7%。"),
        # the figure is another thing's growth; the thing asked is named after it, with none of its own
        ("全省固定资产投资增速是多少？", "地区生产总值增长5.5%，规上工业增加值、固定资产投资等指标增速均高于全国。"),
        # a respective list's figures are of what the list pairs them with
        ("全市固定资产投资总额是多少亿元？", "固定资产投资增长2.8%，城乡居民人均可支配收入分别达46289元和16356元。"),
        # …whatever word class jieba gives the other thing's name (实际利用外资, a synonym group's: none)
        ("全省固定资产投资增速是多少？", "实际利用外资增长9.4%，高于全国平均水平，固定资产投资平稳。"),
    ],
)
def test_a_figure_said_of_another_thing_does_not_answer(quantities, question: str, text: str) -> None:
    terms = {"固定资产投资": 5.0, "总额": 1.0, "增速": 1.0}
    assert quantities.direct(analyse(question), text, False, terms) is None


def test_a_figure_right_before_a_thing_asked_is_of_it(quantities) -> None:
    # my own sentence: the heaviest term said (全线贯通) follows the figure, which is the length of the road asked
    text = "全长42公里的城际快速路全线贯通。"
    terms = {"全线贯通": 7.0, "城际": 6.0, "快速路": 3.0}
    length = quantities.direct(analyse("全线贯通的城际快速路总长多少？"), text, False, terms)
    assert length is not None and length.text == "42公里"


def test_a_word_that_names_no_thing_tells_no_figure_apart(quantities) -> None:
    # "平均" of the question is said of the first figure ("药价平均降幅"): it names no thing the other is not of
    text = "药价平均降幅超54%，人均预期寿命突破80岁大关。"
    lifespan = quantities.direct(analyse("全县居民平均能活到多少岁？"), text, False, {"平均": 5.0, "居民": 1.0})
    assert lifespan is not None and lifespan.text == "80岁"


def test_a_figure_of_a_respective_list_is_of_the_thing_it_is_paired_with(quantities) -> None:
    text = "城乡低保标准分别提高13.1%和17.7%，企业退休人员基本养老金提高10%。"
    terms = {"城市": 2.0, "城乡低保标准": 5.6, "低保标准": 5.6, "幅度": 6.0}  # 城镇低保 as the text writes it
    urban = quantities.direct(analyse("城市低保标准提高的幅度是多少？"), text, False, terms)
    assert urban is not None and urban.text == "13.1%"


def test_things_listed_before_the_last_share_its_head(quantities) -> None:
    # "A和B吞吐量分别…": the first is A吞吐量 though it is the longer, and not another thing's figure
    text = "全年全市入境航空旅客和出境货物吞吐量分别增长8.1%、3.5%，港口集装箱吞吐量下降2%。"
    terms = {"入境": 2.5, "旅客吞吐量": 6.5, "增长": 0.6}
    travellers = quantities.direct(analyse("入境旅客吞吐量增长了多少？"), text, False, terms)
    assert travellers is not None and travellers.text == "8.1%"
    # a short thing the question does not say so keeps its own words: "第一" is no 第一…国内生产总值的比重
    text = (
        "2025年第一、二、三产业增加值占地区生产总值的比重分别为8%、40%和52%，"
        "从业人员占全部从业人员的比重分别为30%、28%和42%。"
    )
    terms = {"第一产业": 6.0, "从业人员": 5.8, "全部": 2.0, "比重": 1.0}
    workers = quantities.direct(analyse("2025年第一产业从业人员占全部从业人员的比重是多少？"), text, False, terms)
    assert workers is not None and workers.text == "30%"


def test_a_share_asked_in_english_is_a_percentage(quantities) -> None:
    text = "全年接待游客3.2亿人次，实现旅游收入4500亿元。"
    assert quantities.direct(analyse("What share of visitors came from abroad?"), text, False, {}) is None
    share = quantities.direct(analyse("What share of visitors came from abroad?"), "境外游客占8.5%。", False, {})
    assert share is not None and share.text == "8.5%"
    # an exchange rate is a price, a first-rate one a grade
    rate = quantities.direct(analyse("What was the exchange rate?"), "全年平均汇率为1美元兑6.9元人民币。", False, {})
    assert rate is not None and rate.text.startswith("6.9")
    schools = quantities.direct(analyse("How many first-rate universities?"), "建成一流大学12所。", False, {})
    assert schools is not None and schools.text == "12所"


def test_a_figure_said_of_the_thing_a_sentence_opens_with_still_answers(quantities) -> None:
    text = "财政支出近八成投向民生领域，省级财政累计投入665亿元用于为民办实事项目。"
    spent = quantities.direct(analyse("往民生上投了多少钱？"), text, False, {"民生": 5.0, "投": 1.0})
    assert spent is not None and spent.text == "665亿元"


@pytest.mark.parametrize(
    ("text", "says_why"),
    [
        ("这些目标充分考虑了为全国发展大局作贡献、为实现规划目标打基础、为推动高质量发展留空间。", True),
        ("提出8%左右的增长目标，综合考虑了发展的需要和可能。", False),  # its reasons follow it
        ("增长目标6.5%—7%，考虑了与全面建成小康社会目标相衔接，考虑了推进结构性改革的需要。", True),
    ],
)
def test_what_targets_took_into_account_says_why_when_it_lists_it(lexicon: Lexicon, text: str, says_why: bool) -> None:
    assert QuestionKinds(lexicon, AnswerWeights()).reasons.names_cause(text) is says_why


def test_a_figure_or_row_of_another_age_band_does_not_answer(quantities) -> None:
    sentence = "2013年末，0-14岁（含不满15周岁）人口为22329万人，15-59岁（含不满60周岁）人口为93500万人。"
    question = analyse("2013年末全国60周岁及以上人口有多少？")
    terms = {"人口": 2.0, "全国": 1.0}
    assert quantities.direct(question, sentence, False, terms) is None
    sub_row = "60周岁及以上其中65周岁及以上（万人）：年末数 13161；比重% 9.7"
    assert quantities.direct(question, sub_row, True, terms) is None
    row = quantities.direct(question, "60周岁及以上（万人）：年末数 20243；比重% 14.9", True, terms)
    assert row is not None and row.text == "20243万人"


def test_a_stage_of_building_asked_is_not_met_by_another(lexicon: Lexicon, tmp_path: Path) -> None:
    # "运营里程" is not "在建里程"
    sentence = "地铁在建里程达97.3公里，4号线、6号线二期具备通车条件。"
    others = ["全市地区生产总值增长8.1%。", "新建城市道路120公里。", "公交运营车辆新增200辆，运营线路300条。"]
    meta = DocumentMeta("2020年某市政府工作报告", "某市", 2020, "政府工作报告")
    answerer, text = _own_report(lexicon, tmp_path, "\n".join([*others, sentence, ""]), meta)
    hits = [_doc_hit("report.md", text, sentence, "一、2019年工作回顾")]
    assert not answerer.answer(analyse("截至2019年底，全市地铁运营总里程是多少公里？"), hits).found
    building = answerer.answer(analyse("2019年全市地铁在建里程是多少公里？"), hits)
    assert building.direct is not None and building.direct.text == "97.3公里", building.answer
    assert lexicon.qualifier_alternatives["运营"] >= {"在建", "通车"}


@pytest.mark.parametrize(
    ("question", "unit"),
    [("全省要推进多少个亿元以上新建续建项目？", "个"), ("全年投资多少个亿？", "亿元")],
)
def test_projects_of_a_size_are_counted_not_summed(question: str, unit: str) -> None:
    assert unit in wanted_units(analyse(question))


def test_why_a_target_was_set_is_the_statement_that_says_so_over_the_targets(lexicon: Lexicon) -> None:
    # 辽宁 2026: the targets, then a paragraph of its own: "确定4.5%左右的增长目标，…兼顾了需要与可能、…"
    path = SHARED / "cn_provincial_work_reports" / "辽宁省" / "2026.md"
    ask = _document_asker(lexicon, path, DocumentMeta("2026年辽宁省人民政府工作报告", "辽宁省", 2026, "政府工作报告"))
    why = ask("辽宁为什么把2026年地区生产总值增长目标定在4.5%左右？")
    assert "留有余地" in why.answer, why.answer


def test_a_table_row_never_says_why_a_statement_that_does_answers(lexicon: Lexicon, tmp_path: Path) -> None:
    row_line = "专家工作站 85 52 2019年度"
    row = "专家工作站（家）：2020年目标数 85；目前完成数 52；备注 2019年度"
    cause = "受上级关于每名专家受聘工作站数量的规定所限，专家工作站建站数量受限，未能完成目标。"
    meta = DocumentMeta("某市规划后评估报告", "某市", 2020, "评估报告")
    answerer, text = _own_report(lexicon, tmp_path, f"{row_line}\n\n{cause}\n", meta)
    hits = [_doc_hit("report.md", text, row_line, "", row), _doc_hit("report.md", text, cause, "")]
    why = answerer.answer(analyse("专家工作站为什么没有完成85家的目标？"), hits)
    assert why.answer.startswith("受上级"), why.answer


def test_an_english_question_names_no_chinese_thing_to_set_a_figure_apart(quantities) -> None:
    text = "校城融合实施以来，推动全市200余家企业与驻淄高校开展技术研发及成果转化，其中某汽车公司获奖。"
    question = analyse("How many companies have carried out R&D with local universities?")
    companies = quantities.direct(question, text, False, {"企业": 1.4, "大学": 3.4, "汽车": 4.5})
    assert companies is not None and companies.text == "200余家"


def test_why_is_read_on_in_the_best_statements_own_passage(lexicon: Lexicon, tmp_path: Path) -> None:
    passage = (
        "牢固树立过紧日子思想，切实压减政府一般性支出，将有限的财力优先用于民生保障等重点领域。"
        "建立困难群众定期探访制度，及时将因疫情导致生活困难的家庭纳入临时救助范围。"
    )
    meta = DocumentMeta("2021年某市政府工作报告", "某市", 2021, "政府工作报告")
    answerer, text = _own_report(lexicon, tmp_path, f"{passage}\n", meta)
    why = answerer.answer(analyse("2020年为什么要压减政府一般性支出？"), [_doc_hit("report.md", text, passage, "")])
    assert why.answer.startswith("牢固树立过紧日子思想"), why.answer


def test_statements_read_ahead_at_one_rank_answer_as_those_read_at_another(lexicon: Lexicon, tmp_path: Path) -> None:
    """`read_ahead` reads passages found by keyword before the question's final ranking is known: the
    answer over the final hits is the one a fresh answerer gives, scores, ranks and citations alike."""
    review = "全县新增高新技术企业45家，高新技术企业总数达到320家。"
    plans = "2021年，全县力争高新技术企业总数达到360家。"
    question = analyse("2020年全县高新技术企业总数是多少家？")
    answerer, review_hit, plans_hit = _county_report(lexicon, tmp_path, review, plans)
    fresh, *_ = _county_report(lexicon, tmp_path, review, plans)
    answerer.read_ahead(question, [plans_hit, review_hit])  # ranked the other way round
    ahead, cold = answerer.answer(question, [review_hit, plans_hit]), fresh.answer(question, [review_hit, plans_hit])
    assert ahead == cold and ahead.answer.startswith("320家")
    first, second = answerer._candidates(question, 0, review_hit), answerer._candidates(question, 1, review_hit)
    assert [c.score for c in second] == [c.score for c in fresh._candidates(question, 1, review_hit)]
    lower = AnswerWeights().retrieval_rank / 2  # a passage ranked second counts half as much for its rank
    assert [round(a.score - b.score, 9) for a, b in zip(first, second, strict=True)] == [round(lower, 9)] * len(first)
    assert {c.hit_rank for c in second} == {1}


def test_why_something_must_be_done_is_the_ground_said_before_it(lexicon: Lexicon, tmp_path: Path) -> None:
    answerer, _review, plans = _county_report(
        lexicon,
        tmp_path,
        "全县地区生产总值增长5%。",
        "创新是引领发展的第一动力。必须把创新摆在全县发展全局的核心位置，推进各方面创新。",
    )
    why = answerer.answer(analyse("为什么要把创新摆在全县发展全局的核心位置？"), [plans])
    assert why.answer.startswith("创新是引领发展的第一动力。必须把创新摆在")
    assert [c.text for c in why.citations] == [plans.chunk.text]
    # what "we" will do, said as plainly
    answerer, _review, plans = _county_report(
        lexicon,
        tmp_path,
        "全县地区生产总值增长5%。",
        "全县养老服务设施历史欠账较多。我们将把养老服务摆在民生工作的突出位置，新建日间照料中心20个。",
    )
    why = answerer.answer(analyse("为什么要把养老服务摆在民生工作的突出位置？"), [plans])
    assert why.answer.startswith("全县养老服务设施历史欠账较多。我们将把养老服务")


@pytest.mark.parametrize(
    ("review", "plans", "question", "answer"),
    [
        # a clause of a list reads on in the context of the sentence it opened from
        (
            "全县完成旅客运输周转量120亿人公里，比上年增长7.9%。其中：铁路40亿人公里，增长8.5%；公路66亿人公里，"
            "增长6.5%；水运5亿人公里，下降3.1%。",
            "2021年，完善综合交通运输体系。",
            "2020年全县公路旅客运输周转量是多少？",
            "66亿人公里",
        ),
        # and not in that of clauses further back
        (
            "全县高技术产品产量较快增长。全年新能源汽车产量6.9万辆，比上年增长51.2%；智能电视产量96万台，增长3.8%；"
            "工业机器人产量1.3万台（套），增长81.0%；民用无人机产量29万架，增长67.0%。",
            "2021年，培育新能源汽车产业。",
            "2020年全县新能源汽车产量是多少？",
            "6.9万辆",
        ),
    ],
)
def test_a_clause_of_a_list_reads_on_in_the_context_of_the_sentence_it_opened_from_only(
    lexicon: Lexicon, tmp_path: Path, review: str, plans: str, question: str, answer: str
) -> None:
    answerer, hit, _plans = _county_report(lexicon, tmp_path, review, plans)
    assert answerer.answer(analyse(question), [hit]).answer.startswith(answer)


@pytest.mark.parametrize(
    ("review", "answer"),
    [
        ("全县城镇登记失业率控制在4%以内，地区生产总值增长6%。", None),  # another rate; the growth is no rate asked
        ("全县城镇调查失业率控制在5.5%以内，地区生产总值增长6%。", "5.5%以内"),
    ],
)
def test_the_thing_asked_is_read_past_where_it_is_held(
    lexicon: Lexicon, tmp_path: Path, review: str, answer: str | None
) -> None:
    answerer, hit, _plans = _county_report(lexicon, tmp_path, review, "2021年，城镇调查失业率控制在5.5%左右。")
    question = analyse("2020年全县城镇调查失业率控制在多少？")
    assert answerer._thing(question)[0] == ("城镇调查失业率",)
    reply = answerer.answer(question, [hit])
    _assert_answers(reply, answer)


def test_a_past_plan_period_reviewed_after_a_reports_plans_answers_for_its_years(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # my own report of 2006: its account of the plan just over ("（二）“十五”时期…") follows the year's
    # plans, yet reviews: it sets no targets
    meta = DocumentMeta("某市政府工作报告", "某市", 2006, "政府工作报告")
    report = (
        "# 某市政府工作报告\n\n## 一、去年工作回顾\n\n全市生产总值增长12%。\n\n"
        "## 二、今年主要任务\n\n全市生产总值增长10%左右。\n\n"
        "## 三、关于“十一五”规划纲要的说明\n\n### （二）“十五”时期主要情况\n\n"
        "五年来，城镇居民人均可支配收入和农村居民人均纯收入分别实际增长50.1%和25.4%。"
        "五年间，实际利用外商直接投资累计200.5亿美元。\n"
    )
    ask = _own_document_asker(lexicon, tmp_path, report, meta)
    _assert_answers(ask("“十五”期间，某市城镇居民人均可支配收入的实际增幅是多少？"), "50.1%。")
    _assert_answers(ask("“十五”时期（2001—2005年）某市实际利用外商直接投资累计多少？"), "200.5亿美元")


def test_a_share_is_asked_of_the_part_not_of_the_whole_it_is_in(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own report: the whole's growth is no share of the part asked
    report = (
        "# 某县政府工作报告\n\n## 一、2023年工作回顾\n\n全县生产总值增长6.5%；民生支出占财政支出的比重达到78%。\n\n"
        "## 二、2024年主要任务\n\n鼓励企业加大研发经费投入。\n"
    )
    ask = _own_document_asker(lexicon, tmp_path, report, DocumentMeta("某县政府工作报告", "某县", 2024, "政府工作报告"))
    _assert_answers(ask("2023年某县研发经费投入占全县生产总值的比重是多少？"), None)
    _assert_answers(ask("2023年某县民生支出占财政支出的比重是多少？"), "78%")


def test_how_a_change_is_reckoned_is_no_thing_it_is_asked_of(lexicon: Lexicon, tmp_path: Path) -> None:
    # "工业投资年均增长多少" asks of 工业投资; a sentence of another thing's yearly average does not answer
    report = (
        "# 某市“十五”计划纲要\n\n## 一、“九五”时期的成就\n\n"
        "“九五”期间，全市发电装机容量新增七百万千瓦，年均增长百分之九，二〇〇〇年达到二千一百万千瓦。\n\n"
        "## 二、投资\n\n努力做到工业投资增长高于全社会投资增长，提高工业投资占全社会投资的比重。\n"
    )
    ask = _own_document_asker(lexicon, tmp_path, report, DocumentMeta("某市“十五”计划纲要", "某市", 2001, "规划"))
    _assert_answers(ask("“九五”期间某市工业投资年均增长多少？"), None)
    _assert_answers(ask("“九五”期间某市发电装机容量年均增长多少？"), "百分之九")


def test_the_size_of_a_change_asked_is_the_changes_figure(lexicon: Lexicon) -> None:
    # the national work reports of 2015 and 2000, which no eval set uses: "提高的幅度" asks how far it
    # rose, the figure of its rise; 幅度 (which the 2000 report writes) is how the question asks, no topic
    folder = SHARED / "cn_national_gov_docs" / "national_work_reports"
    if not folder.is_dir():
        pytest.skip("shared corpora not mounted")
    meta = DocumentMeta("政府工作报告", "全国", 2015, "政府工作报告")
    answerer, texts = _answerer(
        lexicon, {"2015.md": (folder / "2015.md", meta), "2000.md": (folder / "2000.md", replace(meta, year=2000))}
    )
    question = analyse("2014年农村低保标准提高的幅度是多少？")
    assert "幅度" not in answerer._question_terms(question)
    line = next(line for line in texts["2015.md"].splitlines() if "城乡低保标准分别提高" in line)
    _assert_answers(answerer.answer(question, [_doc_hit("2015.md", texts["2015.md"], line, "")]), "14.1%")


def test_the_level_a_change_ends_at_is_of_what_its_start_is_of(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own review: "贡献率从20.1%提升到38.4%" is no growth of 固定资产投资, which another clause names
    review = (
        "2016年到2020年，全县工业投资占固定资产投资比重从15.2%提升到30.5%，工业对经济增长贡献率从20.1%提升到38.4%。"
    )
    answerer, hit, plans = _county_report(lexicon, tmp_path, review, "2021年，固定资产投资增长8%左右。")
    _assert_answers(answerer.answer(analyse("2020年全县固定资产投资增长了多少？"), [hit, plans]), None)
    _assert_answers(answerer.answer(analyse("2020年全县工业对经济增长的贡献率是多少？"), [hit]), "38.4%")


def test_a_change_is_worked_out_only_from_statements_that_answer_for_the_year(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own report: the plan's "增长8%左右" is 2021's target, no end of a change over 2020
    review = "2016年到2020年，全县工业投资占固定资产投资比重从15.2%提升到30.5%。"
    answerer, hit, plans = _county_report(lexicon, tmp_path, review, "固定资产投资增长8%左右。")
    reply = answerer.answer(analyse("2020年全县固定资产投资增长了多少？"), [hit, plans])
    assert "8%" not in reply.answer.splitlines()[0]


def test_an_adverb_may_open_the_noun_phrase_of_the_thing_asked(lexicon: Lexicon, tmp_path: Path) -> None:
    # "多少长期建设债券": 长期 (an adverb to jieba) opens the thing's noun phrase, which is 债券, not 县里
    answerer, _hit, plans = _county_report(
        lexicon, tmp_path, "国家下达的建设资金全部到位。", "县里拟发行长期建设债券3亿元，比上年减少1亿元。"
    )
    question = analyse("2021年县里拟发行多少长期建设债券？")
    assert answerer._thing(question)[0] == ("债券",)
    _assert_answers(answerer.answer(question, [plans]), "3亿元")


def test_a_counted_list_is_the_things_named_by_its_head_in_the_sentences_after_it(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # my own plans: each of the "三大产业集群" in a sentence of its own after the one that counts them
    report = (
        "# 某县政府工作报告\n\n## 一、2020年工作回顾\n\n全县规模以上工业增加值增长6%。\n\n"
        "## 二、2021年工作安排\n\n全力打造“三大产业集群”。推动产业基地优化提升。打造绿色食品产业集群。"
        "推进农产品精深加工。打造新型建材产业集群。发展装配式建筑。打造文化旅游产业集群。建设全域旅游示范区。\n"
    )
    ask = _own_document_asker(lexicon, tmp_path, report, DocumentMeta("某县政府工作报告", "某县", 2021, "政府工作报告"))
    reply = ask("2021年某县要打造的“三大产业集群”分别是什么？")
    assert reply.direct is not None
    assert reply.direct.text == "绿色食品产业集群、新型建材产业集群、文化旅游产业集群"


def test_a_word_for_domestic_and_foreign_capital_together_names_each(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own review: "内外资" is 内资 and 外资, which "分别" gives a figure each
    answerer, hit, _plans = _county_report(
        lexicon, tmp_path, "全县稳外贸稳外资，实际引进内外资分别增长8.2%和15.6%。", "2021年，实际引进外资增长5%。"
    )
    _assert_answers(answerer.answer(analyse("2020年全县实际引进内资增长多少？"), [hit]), "8.2%")
    _assert_answers(answerer.answer(analyse("2020年全县实际引进外资增长多少？"), [hit]), "15.6%")


def test_numbered_paragraphs_after_a_statement_that_counts_them_are_its_list(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own plan: "1．…。2．…。" paragraphs, each opening with what it names, after the one that leads to them
    chapters = (
        "## 六、促进区域协调发展\n\n### （一）区域发展的方向\n\n"
        "依托中心城市和交通干线，逐步形成三个各具特色的经济区。\n\n"
        "1．沿江经济区。发挥通江达海以及农业发达、工业基础雄厚、技术水平较高的优势，依托沿江大中城市，"
        "逐步形成一条横贯东西、连接南北的综合型经济带。\n\n"
        "2．山区生态经济区。发挥森林资源丰富、生态环境良好的优势，发展特色农业、林产品加工和生态旅游，"
        "加快交通和能源基础设施建设。\n\n"
        "3．湖区农业经济区。发挥水土资源丰富的优势，建设商品粮和优质水产品生产基地，"
        "加强湖区防洪排涝工程建设。\n"
    )
    ask = _ask_own_outline(lexicon, tmp_path, ("某省“九五”计划纲要", "某省", 1996), chapters)
    reply = ask("依托中心城市和交通干线逐步形成的各具特色的经济区有哪些？")
    assert reply.direct is not None and reply.direct.text == "沿江经济区、山区生态经济区、湖区农业经济区"


def test_a_five_year_plan_sets_its_targets_for_the_years_of_its_period(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own outline of the 15th plan (2026—2030): a target it names no year for is one for 2030
    ask = _ask_own_outline(
        lexicon,
        tmp_path,
        ("某省国民经济和社会发展第十五个五年规划纲要", "某省", 2026),
        "## 第一章 发展环境\n\n“十四五”时期，全省农作物良种覆盖率达到95%。\n\n## 第二章 农业现代化\n\n"
        "加快种业振兴，农作物良种覆盖率提高到98%以上。\n",
    )
    _assert_answers(ask("到2030年某省农作物良种覆盖率要提高到多少？"), "98%以上")


def test_a_plans_target_and_its_rise_since_the_plans_first_year_give_that_years_level(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # my own outline of an 8th plan, electricity counted in 度 as plans of its time did; the question
    # names the plan as "八五计划" and says how to work the answer out (推算), which is no word the
    # answering sentence must hold, though the outline writes it elsewhere
    chapters = (
        "## 第九章 能源\n\n### 第一节 电力工业\n\n"
        "1995年，全省发电量达到360亿度，比1990年多95亿度。按现行价格推算，五年电力投资约需120亿元。\n\n"
        "### 第二节 煤炭工业\n\n1995年，全省原煤产量达到4,200万吨，比1990年多1,100万吨。\n"
    )
    ask = _ask_own_outline(lexicon, tmp_path, ("某省国民经济和社会发展第八个五年计划", "某省", 1991), chapters)
    _assert_answers(ask("照八五计划里电力的安排推算，1990年某省发电量是多少？"), "约265亿度")
    _assert_answers(ask("依八五计划，某省1990年原煤产量大约是多少？"), "约3100万吨")
    answerer = ExtractiveAnswerer(
        lexicon, term_stats=KeywordIndex.build([lexicon.keyword_tokens(chapters)]), documents={}
    )
    terms = answerer._question_terms(analyse("照八五计划里电力的安排推算，1990年某省发电量是多少？"))
    assert "推算" not in terms and "发电量" in terms


def test_a_five_year_plan_states_targets_outside_its_review(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own outline: the target set without a target word is a target as much as the one with 力争;
    # the figure of the years before the plan is none
    chapters = (
        "## 第一章 发展环境\n\n"
        "2016—2020年，全省一般公共预算支出年均增长9%。\n\n## 第二章 产业\n\n全省规模以上工业增加值年均增长7%。\n\n"
        "## 第三章 交通\n\n新建高速公路1000公里。\n\n## 第四章 民生\n\n城镇新增就业每年70万人以上。\n\n"
        "## 第五章 财政\n\n力争全省一般公共预算收入年均增长6%；一般公共预算支出，年均增长5%，重点保障民生。\n"
    )
    ask = _ask_own_outline(
        lexicon, tmp_path, ("湖北省国民经济和社会发展第十四个五年规划纲要", "湖北省", 2021), chapters
    )
    _assert_answers(ask("湖北省十四五规划中一般公共预算支出的年均增长目标是多少？"), "5%")


def test_a_word_ending_in_a_measure_asks_of_the_thing_it_measures(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own plans: "政府投资规模" is asked of 政府投资, which the plan states without 规模; the
    # other sentence that writes 投资规模 is of another thing
    answerer, _hit, plans = _county_report(
        lexicon,
        tmp_path,
        "全县在建水利工程投资规模超过20亿元。",
        "县级政府投资增加到3.2亿元，带动社会投资持续回升。",
    )
    question = analyse("2021年县级政府投资规模是多少？")
    assert answerer._thing(question)[0][-1] == "投资"
    _assert_answers(answerer.answer(question, [plans]), "3.2亿元")


def test_a_hedge_the_question_takes_weighs_like_a_verb(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own plans: "预计有多少" asks the year's figure, which a report states without 预计
    answerer, _hit, plans = _county_report(
        lexicon, tmp_path, "预计全县财政收入增长5%。", "今年全县技工院校毕业生3600人，创历史新高。"
    )
    question = analyse("2021年全县技工院校毕业生预计有多少人？")
    terms, weights = answerer._question_terms(question), answerer.weights
    assert terms["预计"] == pytest.approx(answerer.term_stats.idf("预计") * weights.verb_term)
    _assert_answers(answerer.answer(question, [plans]), "3600人")


def test_a_statement_whose_every_phrase_asked_is_narrowed_answers_nothing_of_the_whole(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # my own review: "新增城市轨道交通运营里程" is the year's addition, no length of the whole network
    review = "全县新增城市轨道交通运营里程20公里，建成公交都市。"
    answerer, hit, _plans = _county_report(lexicon, tmp_path, review, "2021年，再建一条线路。")
    _assert_answers(answerer.answer(analyse("截至2020年底全县城市轨道交通运营总里程是多少公里？"), [hit]), None)
    _assert_answers(answerer.answer(analyse("2020年全县城市轨道交通运营里程有多少公里？"), [hit]), None)
    _assert_answers(answerer.answer(analyse("2020年全县新增城市轨道交通运营里程多少公里？"), [hit]), "20公里")
    review = "全县城市轨道交通运营里程达到86公里，其中新增城市轨道交通运营里程20公里。"
    whole, hit, _plans = _county_report(lexicon, tmp_path, review, "2021年，再建一条线路。")
    _assert_answers(whole.answer(analyse("2020年全县城市轨道交通运营里程有多少公里？"), [hit]), "86公里")


def test_a_word_of_size_weighs_like_a_verb(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own review: "生产总值的规模" asks how big 生产总值 is, which the report states without 规模
    answerer, hit, _plans = _county_report(
        lexicon, tmp_path, "全县生产总值达到320亿元，产业规模持续扩大。", "2021年，生产总值增长6%。"
    )
    question = analyse("2020年底全县生产总值的规模有多大？")
    weights = answerer.weights
    assert answerer._question_terms(question)["规模"] == pytest.approx(
        answerer.term_stats.idf("规模") * weights.verb_term
    )
    _assert_answers(answerer.answer(question, [hit]), "320亿元")


def test_the_figure_of_a_part_is_labelled_without_the_word_that_says_so(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own review: "其中新能源汽车保有量4.6万辆" is the part asked; 其中 is no word of its name
    answerer, hit, _plans = _county_report(
        lexicon, tmp_path, "全县汽车保有量52万辆，其中新能源汽车保有量4.6万辆。", "2021年，新建充电桩500个。"
    )
    _assert_answers(answerer.answer(analyse("2020年全县新能源汽车保有量是多少？"), [hit]), "4.6万辆")
    _assert_answers(answerer.answer(analyse("2020年全县汽车保有量是多少？"), [hit]), "52万辆")


def test_the_year_a_plan_runs_to_is_the_one_in_brackets_after_its_name(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own review: "综合交通规划（2030）" runs to 2030
    answerer, hit, _plans = _county_report(
        lexicon, tmp_path, "全县编制完成综合交通规划（2030），启动一批道路项目。", "2021年，开工建设环城公路。"
    )
    _assert_answers(answerer.answer(analyse("全县综合交通规划的规划期到哪一年？"), [hit]), "2030年")


def test_two_words_the_question_joins_are_found_as_the_one_word_reports_make_of_them(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # my own review: "新扩建" is 新建 and 扩建 said once, as the question names them both
    answerer, hit, _plans = _county_report(
        lexicon, tmp_path, "全县新扩建乡镇卫生院14所，村卫生室实现全覆盖。", "2021年，推进县域医共体建设。"
    )
    question = analyse("2020年全县新建和扩建的乡镇卫生院有多少所？")
    assert ("新扩建", ("新建", "扩建")) in answerer._shortened(question)
    _assert_answers(answerer.answer(question, [hit]), "14所")


def test_a_count_in_a_measure_word_of_rounds_is_read(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own review: "几轮" asks a count in 轮, which "四轮" states in Chinese numerals
    answerer, hit, _plans = _county_report(
        lexicon, tmp_path, "全县开展四轮农村人居环境集中整治，清理垃圾1.2万吨。", "2021年，建设美丽乡村。"
    )
    _assert_answers(answerer.answer(analyse("2020年全县开展了几轮农村人居环境集中整治？"), [hit]), "四轮")


def test_another_name_of_a_term_is_read_in_its_parts_too(lexicon: Lexicon) -> None:
    # my own sentence: "财政支出" (of 一般公共预算支出) with 民生 between its words
    def held(term: str, sentence: str) -> float:
        tokens = set(lexicon.keyword_tokens(sentence))
        pieces = lambda w: tuple(lexicon.subwords(w))  # noqa: E731
        return _coverage({term: 1.0}, sentence, tokens, set(), "", pieces, 0.0, 0.0, forms=lexicon.surface_forms)

    assert "财政支出" in lexicon.surface_forms("一般公共预算支出")
    assert held("一般公共预算支出", "全县财政用于民生的支出比重为78.5%。") == 1.0
    assert held("一般公共预算支出", "全县财政收入增长5%，民生项目支出增加。") == 0.0  # too far apart


def test_the_words_of_a_term_found_apart_in_a_sentence_do_not_hold_it(lexicon: Lexicon) -> None:
    # my own sentences: the 城镇 of "城镇新增就业" is no part of the residents' income, which is of all residents
    def held(term: str, sentence: str) -> float:
        tokens = set(lexicon.keyword_tokens(sentence))
        return _coverage({term: 1.0}, sentence, tokens, set(), "", lambda w: tuple(lexicon.subwords(w)), 0.0, 0.0)

    assert held("城镇居民人均可支配收入", "全省居民人均可支配收入增长7.2%，城镇新增就业3200人。") == 0.0
    assert held("城镇居民人均可支配收入", "城镇常住居民人均可支配收入增长6.1%。") == 1.0
    # a table row's label and column header stay a term's, a few characters apart
    assert held("汽车产量", "汽车：单位 万辆；产量 2552.8") == 1.0
    # a dictionary word across two of its words ("营里") need not be read again where they are apart
    assert held("轨道交通运营里程", "公交运营里程1500公里，轨道交通运营总里程60公里。") == 1.0
    # …but not where its kind is named with another before their one head ("运营及在建里程": both)
    assert held("轨道交通运营里程", "公交运营里程1500公里，轨道交通运营及在建里程60公里。") == 0.0


def test_a_change_the_question_states_before_what_it_asks_asks_no_outcome(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own plans: "已比上年增加了" states the change; what is asked is the year before's level, which the
    # year's plan gives by its figure and its rise
    answerer, _review, plans = _county_report(
        lexicon, tmp_path, "全县新建农村公路120公里。", "今年安排农村公路养护资金8亿元，比上年增加1.5亿元。"
    )
    question = analyse("2021年全县农村公路养护资金已比上年增加了，2020年的养护资金是多少？")
    _assert_answers(answerer.answer(question, [plans]), "约6.5亿元")


def test_a_region_of_the_country_answers_which_region(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own review: "华南地区" is no place of the gazetteer, yet what "哪个地区" asks
    answerer, hit, _plans = _county_report(
        lexicon, tmp_path, "输气管道全线贯通，开始向华南地区供气。", "2021年，建设天然气储备设施。"
    )
    _assert_answers(answerer.answer(analyse("2020年输气管道贯通后开始向哪个地区供气？"), [hit]), "华南地区")


def test_a_region_asked_that_a_statement_does_not_name_is_not_its_figure(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own review: the whole's growth is no figure of a region; a region named, even shortened, is
    answerer, hit, _plans = _county_report(
        lexicon, tmp_path, "全部固定资产投资增长8%，西部投资增长11%。", "2021年，扩大有效投资。"
    )
    refused = answerer.answer(analyse("2020年东南地区投资增长多少？"), [hit])
    assert not refused.found and refused.answer.startswith("文中未提及东南地区")
    _assert_answers(answerer.answer(analyse("2020年西部地区投资增长多少？"), [hit]), "11%")


def test_a_figure_said_of_the_towns_is_no_figure_of_the_countryside(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own review: a clause gives the towns' figure only; the countryside's is not in it
    answerer, hit, _plans = _county_report(
        lexicon, tmp_path, "居民人均住房面积，城镇为36.5平方米，比上年增加0.8平方米。", "2021年，改善居住条件。"
    )
    countryside = answerer.answer(analyse("2020年全县农村居民人均住房面积是多少？"), [hit])
    assert countryside.direct is None or "36.5" not in countryside.direct.text
    _assert_answers(answerer.answer(analyse("2020年全县城镇居民人均住房面积是多少？"), [hit]), "36.5平方米")


def _work_report_asker(lexicon: Lexicon, folder: Path, place: str, review: str, plans: tuple[str, str]):
    """`_own_document_asker` over a 2024 work report of my own of `place`: its review of 2023, then the
    heading and text of its plans."""
    heading, text = plans
    report = f"# {place}政府工作报告\n\n## 一、2023年工作回顾\n\n{review}\n\n## {heading}\n\n{text}\n"
    return _own_document_asker(
        lexicon, folder, report, DocumentMeta(f"{place}政府工作报告", place, 2024, "政府工作报告")
    )


def test_a_region_the_paragraph_opens_with_is_named_for_its_later_sentences(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own report: "鼓励西部地区加快发展。" opens the paragraph its later sentence's figures are of
    review = "鼓励西部地区加快发展。推进滨河新区开发开放，建成物流园区3个，引进物流企业40家。"
    ask = _work_report_asker(lexicon, tmp_path, "某省", review, ("二、2024年主要任务", "加快建设现代化产业体系。"))
    _assert_answers(ask("2023年西部地区建成了几个物流园区？"), "3个")
    assert ask("2023年东南地区建成了几个物流园区？").answer.startswith("文中未提及东南地区")


def test_a_plan_holds_the_planned_a_question_says_and_a_review_what_was_done(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own report says one sentence in its review and again in its plans, with neither 计划 nor 实际: where
    # it stands says which, as its section would
    sentence = "新建水肥一体化农田15万亩。"
    answerer, review, plans = _county_report(lexicon, tmp_path, sentence, sentence)

    def coverage(question: str, hit: Hit) -> float:
        return answerer._passage_statements(analyse(question), hit.chunk)[0].coverage

    planned, done = "2021年计划新建多少水肥一体化农田？", "2021年实际新建多少水肥一体化农田？"
    assert coverage(planned, plans) > coverage(planned, review)
    assert coverage(done, review) > coverage(done, plans)


def test_a_measure_no_passage_writes_is_not_excused_where_the_text_states_another_of_the_thing(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # my own report: "产量" is no "销量", though no passage says 销量 (perhaps the asker's own word)
    answerer, review, _plans = _county_report(lexicon, tmp_path, "全县挖掘机产量3200台。", "2021年，推广电动挖掘机。")
    _assert_answers(answerer.answer(analyse("2020年全县挖掘机销量是多少？"), [review]), None)
    _assert_answers(answerer.answer(analyse("2020年全县挖掘机产量是多少？"), [review]), "3200台")


def test_why_a_claim_is_made_is_the_sentence_before_the_claim(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own report: the claim asked why of is said again after its ground, which names no cause word
    plans = "沿江城市群加快成形，必将带动人口和产业向中心城市集聚。某市发展已站上新起点。我们要抢抓机遇。"
    ask = _work_report_asker(lexicon, tmp_path, "某市", "全市经济平稳运行。", ("二、今后五年发展目标", plans))
    why = ask("某市的报告为何说某市发展站上了新起点？")
    assert "人口和产业向中心城市集聚" in why.answer, why.answer


def test_where_in_the_report_a_question_sets_what_it_asks_weighs_less(lexicon: Lexicon, tmp_path: Path) -> None:
    # "在乡村振兴部分…", "部署乡村振兴时…": the words that set it ask nothing, and what it names is where the
    # statement stands, which a report says in a heading or a lead more than in the statement itself
    answerer, _review, _plans = _county_report(
        lexicon, tmp_path, "全县新增农田1万亩。", "2021年，推进乡村振兴，部署部分重点工作时统筹兼顾。"
    )
    plain = answerer._question_terms(analyse("2021年乡村振兴计划新建多少农田？"))
    for framed in (
        "2021年在乡村振兴部分计划新建多少农田？",
        "2021年部署乡村振兴时计划新建多少农田？",
        "2021年回顾乡村振兴时计划新建多少农田？",  # (a review's part of the report, set as the plan's is)
        "2021年附件“乡村振兴”中计划新建多少农田？",  # a part the report names in quotes
    ):
        terms = answerer._question_terms(analyse(framed))
        assert not {"部分", "部署", "回顾", "时", "附件"} & set(terms), terms
        assert terms["乡村振兴"] == pytest.approx(plain["乡村振兴"] * AnswerWeights().frame_term)
        assert terms["农田"] == pytest.approx(plain["农田"])
    # a figure that names the part ("5件实事") is no figure the statement asked about gives
    assert not {"5件", "5"} & set(answerer._question_terms(analyse("2021年附件“5件乡村振兴实事”中计划新建多少农田？")))


def test_the_spaces_a_pdf_sets_around_figures_are_not_quoted(lexicon: Lexicon, tmp_path: Path) -> None:
    # a text layer that spaces figures out ("新增 2.46 万人"): the answer gives the figure as written in
    # Chinese, with its unit, and reads a date spaced out the same way
    text = (
        "2030年全县城镇新增就业 2.46 万人，登记失业率 2.1%，低于控制目标 1.4 个百分点。"
        "《城区更新条例》于 2030 年 9 月 1 日起施行。\n"
    )
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, text)
    jobs = answerer.answer(analyse("某县2030年城镇新增就业有多少万人？"), [hit])
    assert jobs.direct is not None and jobs.direct.text == "2.46万人", jobs.answer
    assert "新增就业2.46万人" in jobs.statements[0].text
    below = answerer.answer(analyse("某县2030年登记失业率比控制目标低多少个百分点？"), [hit])
    assert "1.4个百分点" in below.answer, below.answer
    enacted = answerer.answer(analyse("《城区更新条例》什么时候起施行？"), [hit])
    assert enacted.direct is not None and enacted.direct.text == "2030年9月1日", enacted.answer


def test_a_unit_asked_in_several_words_is_no_term_nor_the_thing(lexicon: Lexicon, tmp_path: Path) -> None:
    # "多少亿千瓦小时": jieba cuts 亿千瓦 and 小时; neither says what is asked of
    review = "2020年，全县发电量12.6亿千瓦小时，其中风电发电量3.1亿千瓦小时。"
    answerer, _review, _plans = _county_report(lexicon, tmp_path, review, "2021年，新增装机5万千瓦。")
    question = analyse("2020年全县风电的发电量有多少亿千瓦小时？")
    assert "小时" not in answerer._question_terms(question)
    assert answerer._thing(question)[0] == ("发电量",)


def test_why_a_target_was_set_is_the_statement_that_says_what_it_is_mainly_for(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # my own report: the targets, then a sentence of the same passage saying what the growth target mainly weighs
    text = (
        "今年的预期目标：全县经济增长6.2%左右；新增就业1.5万人以上。"
        "增长预期为6.2%左右，主要是兼顾稳增长和调结构，引导各方面把精力放到提高质量效益上来。\n"
    )
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, text)
    answer = answerer.answer(analyse("某县为什么要把2031年的经济增长预期定为6.2%左右？"), [hit])
    assert "兼顾稳增长" in answer.answer, answer.answer


def test_an_english_question_that_gives_a_term_in_chinese_is_asked_in_english(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own report: the question glosses its term in brackets, as an official writing to colleagues might
    text = "2030年，全县新建保障性住房1200套。\n"
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, text)
    question = analyse("How many homes (保障性住房) did the county build in 2030?")
    assert question.is_english  # its English words are looked for, not taken for a Chinese question's
    _assert_answers(answerer.answer(question, [hit]), "1200套")


def test_a_quantity_named_for_what_is_done_is_said_by_its_thing_and_the_doing(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own report: "销售" right after the thing says its 销量
    text = "2030年，全县新能源汽车销售2.6万辆，增长18%。\n"
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, text)
    _assert_answers(answerer.answer(analyse("2030年全县新能源汽车销量是多少？"), [hit]), "2.6万辆")


def test_a_level_set_against_last_years_budget_gives_that_budget(quantities) -> None:
    # my own sentence: "比上年预算增加" is a change since last year's budget, from which that budget follows
    text = "2030年全县教育支出8.6亿元，当年比上年预算增加1.2亿元。"
    direct = quantities.direct(
        analyse("2029年全县教育支出预算大约是多少？"), text, False, {"教育支出": 5.0, "预算": 2.0}
    )
    assert direct is not None and direct.text == "约7.4亿元", direct


def test_a_number_of_people_asked_is_a_measure_of_what_they_did(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own report: "参保人数" asks of 参保, which the statement says with its figure in 万人; another
    # statement's "人数" is of another thing
    text = "2030年，全县城乡居民医保参保38.6万人，参保率保持在96%以上。全县享受低保人数1.2万人。\n"
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, text)
    _assert_answers(answerer.answer(analyse("2030年全县城乡居民医保参保人数是多少？"), [hit]), "38.6万人")


@pytest.mark.parametrize(
    ("text", "question", "items"),
    [
        # the items after "：" each end with "；", the last with "。"; the sentence after is no item
        (
            "今年要办好六件民生实事：新建社区食堂20个；改造农村公路150公里；建设口袋公园12个；"
            "新增公办幼儿园学位900个；为困难家庭安装适老化设施；推行电子社保卡。全县财政收入增长5%。\n",
            "某县2031年要办的六件民生实事是哪几件？",
            ("口袋公园", "电子社保卡"),
        ),
        # the total first, its parts in the sentence after it ("其中，…")
        (
            "2030年，全县供应建设用地320公顷。其中，工业用地120公顷，住宅用地90公顷，公共设施用地110公顷。\n",
            "2030年全县供应的建设用地分为哪几类？",
            ("工业用地", "公共设施用地"),
        ),
    ],
)
def test_a_list_is_quoted_with_the_items_that_follow_its_opening(
    lexicon: Lexicon, tmp_path: Path, text: str, question: str, items: tuple[str, ...]
) -> None:
    # my own reports
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, text)
    answer = answerer.answer(analyse(question), [hit])
    assert all(item in answer.answer for item in items), answer.answer
    assert "财政收入" not in answer.answer


def test_a_length_measured_is_said_by_its_thing_and_a_figure_in_a_length(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own report: "通车里程" is said by the road and its length alone
    text = "2030年，全县高速公路从120公里增加到186公里，实现乡乡通二级公路。\n"
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, text)
    _assert_answers(answerer.answer(analyse("2030年全县高速公路通车里程有多少公里？"), [hit]), "186公里")


@pytest.mark.parametrize(
    "text",
    [
        "鉴于全县政府债务率已接近警戒线，今年暂缓新开工政府投资项目。",
        "增长预期为6.2%左右，主要是兼顾稳增长和调结构。",
        "之所以放缓新城建设，是因为人口增长不及预期。",
    ],
)
def test_a_statement_that_gives_a_ground_names_a_cause(lexicon: Lexicon, text: str) -> None:
    # my own sentences: in view of what, mainly for what, why so
    assert QuestionKinds(lexicon, AnswerWeights()).reasons.names_cause(text)


def test_a_thing_asked_after_the_asking_is_asked_whatever_rate_the_question_names(quantities) -> None:
    # my own sentence: "降低贷款利率" names what is done to a rate; "节省多少成本" asks a sum, not a rate
    question = analyse("2031年降低贷款利率能为企业节省多少成本？")
    text = "今年贷款利率下调0.5个百分点，可为企业节省成本3.5亿元。"
    saved = quantities.direct(question, text, False, {"贷款利率": 5.0, "企业": 1.0, "节省": 2.0, "成本": 3.0})
    assert saved is not None and saved.text == "3.5亿元", saved


@pytest.mark.parametrize(
    ("question", "figure"),
    [("2030年新增快速路里程多少公里？", "30公里"), ("2030年新增城市道路里程多少公里？", "120公里")],
)
def test_a_part_given_after_its_whole_answers_when_the_question_names_it(quantities, question, figure) -> None:
    # my own sentence: 快速路 is a part (其中) of the new road length, which the question may ask instead
    text = "新增城市道路里程120公里，其中快速路30公里，道路网密度明显提高。"
    # (as a lexicon's term the question's thing is one word, which the sentence does not write whole)
    terms = {"新增": 2.0, "快速路里程": 4.0, "城市道路里程": 4.0}
    found = quantities.direct(analyse(question), text, False, {t: w for t, w in terms.items() if t in question})
    assert found is not None and found.text == figure, found


def test_a_measure_word_the_text_leaves_to_its_figure_is_held(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own sentence: "装机容量" asked, "新增装机150万千瓦" written: the figure says how much
    passage = "2030年，全县风电新增装机150万千瓦，集装箱航线达到40条。"
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, passage)
    reply = answerer.answer(analyse("2030年某县风电新增装机容量是多少？"), [hit])
    assert reply.found and reply.direct is not None and reply.direct.text == "150万千瓦", reply.answer


def test_a_thing_named_with_another_and_counted_together_is_not_held(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own sentence: the 5万家 counts 国有 and 民营 firms together; 民营企业 alone are not given
    passage = "2030年末，全县国有及民营企业总数达到5万家，新登记1500家。"
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, passage)
    reply = answerer.answer(analyse("2030年末某县民营企业有多少家？"), [hit])
    assert not reply.found, reply.answer


def test_the_year_before_is_reckoned_from_what_the_year_added_and_its_year_end_level(quantities) -> None:
    # my own sentence: 150万户 at the end of 2030, 12万户 added in it: about 138万户 at the end of 2029
    text = "新增宽带用户12万户，年末达到150万户。"
    question = analyse("据此推算，2029年末某县宽带用户有多少？")
    before = quantities.direct(question, text, False, {"宽带用户": 4.0}, base_year=2030)
    assert before is not None and before.text.startswith("约138") and "2029年" in before.note, before


def test_a_thing_after_another_kind_of_the_same_head_is_not_the_one_asked(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own sentence: the 30% is 先进制造业's share; the question asks 数字创意产业's, which both end in 业
    passage = "2030年，全县先进制造业增加值占GDP的比重达到30%。"
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, passage)
    other = answerer.answer(analyse("2030年某县数字创意产业增加值占GDP的比重是多少？"), [hit])
    assert not other.found, other.answer
    own = answerer.answer(analyse("2030年某县先进制造业增加值占GDP的比重是多少？"), [hit])
    assert own.found and own.direct is not None and own.direct.text == "30%", own.answer


def test_a_thing_listed_first_with_another_before_their_shared_head_is_the_one_asked(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # my own sentence: "数字创意产业和船舶制造业增加值均有增长": 数字创意产业's is said, its head shared
    passage = "2030年，全县数字创意产业和船舶制造业增加值均有增长，分别为9%和12%。"
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, passage)
    reply = answerer.answer(analyse("2030年某县数字创意产业增加值增长了多少？"), [hit])
    assert reply.found and reply.direct is not None and reply.direct.text == "9%", reply.answer


def test_a_paragraph_opened_by_a_short_task_sentence_reads_on_under_it(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own report: each task opens its paragraph in a sentence of its own; a question names the task
    # and what one of its later points plans
    ask = _ask_own_2031_report(
        lexicon,
        tmp_path,
        "## 二、2031年主要任务\n\n"
        "推动乡村产业振兴。坚持把增加农民收入作为中心任务，巩固拓展脱贫攻坚成果。"
        "一是稳定粮食播种面积，完善种粮补贴政策，粮食总产稳定在30万吨以上。"
        "二是改造提升灌区渠系，新建高标准农田5万亩。三是大力发展设施蔬菜、食用菌和中药材等特色种植。\n\n"
        "提升城市品质。实施老旧小区改造40个，新建城市公园6座，建成区绿化覆盖率达到42%。\n",
    )
    _assert_answers(ask("某县2031年推动乡村产业振兴，要新建多少亩农田？"), "5万亩")
    _assert_answers(ask("某县2031年推动乡村产业振兴方面，粮食要稳定在多少？"), "30万吨以上")


def test_points_asked_of_what_is_no_rate_are_answered_by_its_growth_in_percent(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # my own report: a pension grows by a percentage, which an asker may count in points; a rate's own
    # change in points is still asked in points
    text = "2030年，全县职工养老金上调4.5%，特困供养标准上调8%。户籍人口城镇化率升至57.4%，上升1.3个百分点。\n"
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, text)
    _assert_answers(answerer.answer(analyse("某县2030年职工的养老金上调了几个百分点？"), [hit]), "4.5%")
    _assert_answers(answerer.answer(analyse("某县2030年户籍人口城镇化率升了几个百分点？"), [hit]), "1.3个百分点")


def test_the_thing_asked_after_how_much_is_the_indicator_jieba_takes_for_a_name(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # my own report: "多涨了多少养老金" asks of the pension, not of the 老人 the question names before it
    ask = _ask_own_2031_report(
        lexicon,
        tmp_path,
        "社会保障扎实推进。全县退休人员养老金每月平均上调5%，居民医保人均补助增至700元。"
        "建成村级老年之家12个，为高龄老人发放长寿补贴。\n",
    )
    _assert_answers(ask("某县2030年给退休老人多涨了多少养老金？"), "5%")


def test_what_is_done_within_the_year_is_not_of_the_years_a_plan_reaches_to(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own report: a plan's sentence of later years' targets, then one of what is done within the year
    ask = _ask_own_2031_report(
        lexicon,
        tmp_path,
        "## 二、2031年重点工作\n\n建设生态宜居城区。我们谋划，到2035年全县森林覆盖率达到50%、城区绿道总长"
        "达到180公里。新建口袋公园18个，年内建成滨河绿道26公里。\n",
    )
    _assert_answers(ask("某县2031年的报告里，2031年要建成多少公里滨河绿道？"), "26公里")


def test_a_part_named_after_its_whole_by_the_words_the_question_adds_answers(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own report of a city: the whole's name, then after 其中 each part by its own word and figure
    ask = _ask_own_2031_report(
        lexicon,
        tmp_path,
        "民生福祉持续增进。全体居民人均可支配收入31260元、增长5.8%，其中城镇40150元、增长5.1%，"
        "农村19870元、增长7.3%。城镇新增就业1.1万人。\n",
        place="丽水市",
    )
    _assert_answers(ask("丽水2030年农村居民人均可支配收入是多少？"), "19870元")
    _assert_answers(ask("丽水2030年城镇居民人均可支配收入有多少？"), "40150元")


def test_english_words_their_gloss_says_as_a_whole_are_not_asked_one_by_one(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own report: "imports" and "exports" are each a word of the lexicon, which the gloss of the run says
    # as one (进出口); the statement names only that
    text = "2030年，全县进出口逆势增长12.5%，跨境电商交易额突破20亿元。\n"
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, text)
    question = analyse("How much did the county's imports and exports (进出口) grow in 2030?")
    assert not {"进口", "出口"} & set(answerer._question_terms(question))
    _assert_answers(answerer.answer(question, [hit]), "12.5%")


def test_the_day_a_report_was_delivered_is_read_from_its_byline(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own report's opening: the day and meeting on one line, the speaker on the next
    # (and the report names itself on lines of its own, as reports do: the word for it weighs little)
    opening = (
        "政府工作报告\n——2031年1月20日在第十六届人民代表大会第一次会议上\n\n某省省长  王明远\n\n"
        "各位代表：\n\n我代表省人民政府向大会作报告，请予审议。"
    )
    body = "".join(f"\n\n去年政府工作报告确定的第{n}项任务全面完成。" for n in range(1, 6))
    meta = DocumentMeta("某省2031年政府工作报告", "某省", 2031, "政府工作报告")
    answerer, text = _own_report(lexicon, tmp_path, f"{opening}{body}\n", meta)
    hit = _doc_hit("report.md", text, opening, "")
    for question in ("王明远省长哪天作的报告？", "2031年的政府工作报告是哪一天作的？"):
        answer = answerer.answer(analyse(question), [hit])
        assert answer.direct is not None and answer.direct.text == "2031年1月20日", answer.answer


def test_what_has_passed_of_the_planned_year_is_an_outcome_among_the_plans(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own report, given in spring: its section of plans tells how the year's first months went
    ask = _ask_own_2031_report(
        lexicon,
        tmp_path,
        "## 二、2031年主要任务\n\n受洪涝灾害影响，一季度全县规模以上工业增加值下降3.4%，4月份以来逐步回升。"
        "今年全县规模以上工业增加值增长7%左右。\n",
    )
    _assert_answers(ask("某县2031年一季度规模以上工业增加值实际下降了多少？"), "3.4%")


def test_the_basis_a_growth_is_reckoned_on_is_no_thing_it_is_said_of(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own sentence: "同口径" says how the growth is reckoned after a revision, not what grew
    passage = "经初步修订，全县地区生产总值达到312亿元，同口径增长5.2%。"
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, passage)
    _assert_answers(answerer.answer(analyse("某县2030年地区生产总值增长了多少？"), [hit]), "5.2%")


def test_of_a_target_and_an_outcome_in_one_sentence_the_one_asked(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own sentences: the figure set as a target, then the one achieved
    growth = "2030年全县接待游客原定增长12%，实际增长9.6%，没有达到预期。"
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, growth)
    _assert_answers(answerer.answer(analyse("某县2030年接待游客原定要增长多少？"), [hit]), "12%")
    _assert_answers(answerer.answer(analyse("某县2030年接待游客实际增长了多少？"), [hit]), "9.6%")
    _assert_answers(answerer.answer(analyse("某县2030年接待游客增长了多少？"), [hit]), "9.6%")
    grain = "2030年全县粮食产量计划达到30万吨，实际完成31.2万吨。"
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, grain)
    _assert_answers(answerer.answer(analyse("某县2030年粮食产量的计划目标是多少？"), [hit]), "30万吨")
    _assert_answers(answerer.answer(analyse("某县2030年粮食产量是多少？"), [hit]), "31.2万吨")


def test_a_plans_section_opened_by_the_period_before_looks_back_on_it(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own plan outline: its first chapter opens on the period before, then says how it ended
    chapters = (
        "## 第一章 发展环境\n\n"
        "“十五五”时期是我县发展很不平凡的五年。全县上下团结奋斗，胜利完成各项目标。\n\n"
        "经济保持较快发展，人均预期寿命达到79.5岁，城乡居民收入稳步提高。\n\n"
        "## 第二章 主要目标\n\n到2035年，全县地区生产总值年均增长5%左右，森林覆盖率达到45%。\n"
    )
    ask = _ask_own_outline(lexicon, tmp_path, ("某县国民经济和社会发展第十六个五年规划纲要", "某县", 2031), chapters)
    _assert_answers(ask("某县人均预期寿命在“十五五”末是多少岁？"), "79.5岁")
    _assert_answers(ask("按某县“十六五”规划纲要，2035年人均预期寿命要到多少岁？"), None)
    _assert_answers(ask("某县“十六五”规划纲要提出到2035年森林覆盖率要达到多少？"), "45%")


def test_a_verb_and_its_object_asked_around_the_amount_are_its_abbreviation(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own report: "减负" is what "减轻…负担" shortens to; the words that cite the report ("报告显示") are
    # no words the answer must hold (the report writes 显示, 减轻 and 负担 elsewhere, so each would count)
    lines = (
        "监测显示，全县河流断面水质达标率为91%。",
        "全年为个体工商户减负3.7亿元。",
        "不得增加群众负担，切实减轻群众生活压力。",
        "全县新建农村公路120公里。",
        "城镇新增就业1.2万人。",
    )
    answerer, hit = _county_report_of_lines(lexicon, tmp_path, lines, 1)
    question = analyse("某县2031年政府工作报告显示，全年为个体工商户减轻了多少负担？")
    (relief,) = answerer._candidates(question, 0, hit)
    assert relief.coverage == pytest.approx(1.0)
    _assert_answers(answerer.answer(question, [hit]), "3.7亿元")


def test_a_growth_rate_asked_in_long_words_is_a_measure_of_the_thing_before_it(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # my own wording: "增长速度" and "增长率" say what is asked of the thing as "增速" does; they name no thing
    # (the report writes both words elsewhere, so each would be one)
    lines = (
        "全县服装业产值8.2亿元，增长7.7%；食品业产值12.6亿元，增长4.1%。",
        "全县经济保持较快增长速度。",
        "全县人口自然增长率为3.2‰。",
        "全县新建农村公路120公里。",
    )
    answerer, hit = _county_report_of_lines(lexicon, tmp_path, lines, 0)
    _assert_answers(answerer.answer(analyse("全县食品业产值的增长速度是多少？"), [hit]), "4.1%")
    _assert_answers(answerer.answer(analyse("全县服装业产值的增长率是多少？"), [hit]), "7.7%")


def test_a_sentence_that_breaks_the_one_before_down_holds_its_topic(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own communiqué: "分城乡看，…" names no thing of its own; its figures are the sentence before's, by part
    passage = "全县居民消费价格全年上涨2.1%。分城乡看，城市上涨2.3%，农村上涨1.6%。"
    lines = (
        passage,
        "全县新建农村公路120公里，农村危房改造300户。",
        "农村常住居民人均可支配收入上涨7%，农村低保标准上调5%。",
        "全县粮食总产量45万吨，粮价上涨幅度较大。",
    )
    meta = DocumentMeta("某县2030年国民经济和社会发展统计公报", "某县", 2031, "统计公报")
    answerer, report = _own_report(lexicon, tmp_path, "\n".join(lines) + "\n", meta)
    hit = _doc_hit("report.md", report, passage, "")
    _assert_answers(answerer.answer(analyse("某县2030年统计公报里，农村居民消费价格的上涨幅度是多少？"), [hit]), "1.6%")


def test_a_word_the_question_abbreviates_is_held_written_out(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own report: "增幅" is what "增长幅度" shortens to; four characters that are no one word are no
    # word written out ("农村业态" is no 农业)
    passage = "全县社会消费品零售总额增长幅度由上年的9.1%回落到6.4%。"
    lines = (passage, "全县进出口增幅居全市首位。", "全县新建农村公路120公里。", "全县粮食总产量45万吨。")
    answerer, hit = _county_report_of_lines(lexicon, tmp_path, lines, 0)
    question = analyse("某县2031年政府工作报告里，社会消费品零售总额增幅是多少？")
    (statement,) = answerer._candidates(question, 0, hit)
    assert statement.coverage == pytest.approx(1.0)
    assert answerer._written_out("增幅", passage) and not answerer._written_out("农业", "培育农村业态")


def test_a_numbered_lead_of_a_paragraph_names_the_topic_of_the_sentences_under_it(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # my own list of works: the thing asked is named by the point's numbered lead, its figure two sentences on
    ask = _ask_own_2031_report(
        lexicon,
        tmp_path,
        "## 二、2031年民生实事\n\n"
        "一、推进城乡供水一体化改造。着力改善农村饮水条件，提升供水保障水平。全县完成80公里以上，受益群众3万人。\n\n"
        "二、实施学校食堂提升工程。全县改造食堂20所，新增就餐座位5000个。\n\n"
        "三、加强公共体育设施建设。新建健身步道30公里。\n",
    )
    _assert_answers(ask("某县2031年政府工作报告的民生实事里，城乡供水一体化改造要完成多少公里？"), "80公里以上")


def test_a_kind_named_with_another_before_their_one_head_has_no_figure_of_its_own(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # my own plan: "高速、一级公路" counts both kinds together, unless 分别 gives each its own
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, "全县新建高速、一级公路150公里，新建桥梁12座。")
    assert not answerer.answer(analyse("全县新建高速公路多少公里？"), [hit]).found
    answerer, hit = _county_report_of_one_passage(
        lexicon, tmp_path, "全县高速、一级公路分别新建40公里和110公里，新建桥梁12座。"
    )
    _assert_answers(answerer.answer(analyse("全县新建高速公路多少公里？"), [hit]), "40公里")


@pytest.mark.parametrize(
    ("term", "sentence", "held"),
    [
        # my own: a joint word ("城乡", "进出口") is held where the text names each of its parts
        ("城乡居民", "城镇居民医保和农村居民医保的补助标准各提高30元。", True),
        ("城乡", "城镇和农村危房改造补助各提高10%。", True),
        ("进出口", "出口增长9%，进口下降2%。", True),
        ("城乡居民", "城镇居民医保的补助标准提高30元。", False),  # one part only
    ],
)
def test_a_joint_word_is_held_where_the_text_names_each_of_its_parts(
    lexicon: Lexicon, term: str, sentence: str, held: bool
) -> None:
    tokens = set(lexicon.keyword_tokens(sentence))
    coverage = _coverage({term: 1.0}, sentence, tokens, set(), "", lambda w: tuple(lexicon.subwords(w)), 0.0, 0.0)
    assert (coverage == 1.0) is held


def test_a_qualifier_the_question_says_jointly_is_said(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own plan: "城乡居民收入" asked, "城镇居民…和农村居民…" written; 城镇 narrows nothing the question
    # leaves unsaid
    lines = (
        "全县城镇居民人均可支配收入、农村居民人均纯收入力争每年提高7%左右。",
        "全县财政收入年均增长6%。",
        "全县城镇新增就业年均3000人。",
    )
    meta = DocumentMeta("某县第十六个五年规划纲要", "某县", 2031, "规划纲要")
    answerer, hits = _hits_on_own_lines(lexicon, tmp_path, lines, meta)
    _assert_answers(answerer.answer(analyse("规划纲要里，城乡居民收入每年计划增加多少？"), hits), "7%左右")


def test_the_thing_of_the_sentence_before_is_no_thing_of_one_that_says_its_own(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # my own: the 支出 of the first sentence is not what the second's 4000元 counts; a sentence that breaks
    # the one before down ("其中，…") is of its thing
    text = (
        "全县医疗保险基金支出12亿元。按照年人均收入4000元的扶贫标准计算，全县贫困人口0.3万人。"
        "全县一般公共预算支出45亿元。其中，教育支出9亿元。"
    )
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, text)
    _assert_answers(answerer.answer(analyse("全县居民人均医疗支出是多少元？"), [hit]), None)
    _assert_answers(answerer.answer(analyse("全县教育支出是多少？"), [hit]), "9亿元")


def test_money_asked_by_its_name_is_of_the_thing_before(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own: "安排多少资金" asks a sum for 农村公路建设, which the plan gives without the word 资金
    lines = ("今年全县农村公路建设拟安排4.5亿元。", "全年争取上级资金12亿元。", "全县新建农村公路120公里。")
    meta = DocumentMeta("某县2031年政府工作报告", "某县", 2031, "政府工作报告")
    answerer, hits = _hits_on_own_lines(lexicon, tmp_path, lines, meta)
    _assert_answers(answerer.answer(analyse("今年全县农村公路建设打算安排多少资金？"), hits), "4.5亿元")


def test_a_sentence_that_goes_on_from_the_one_before_holds_its_topic(lexicon: Lexicon, tmp_path: Path) -> None:
    # my own review: "虽然…，涨幅仍…" names no thing of its own; its figure is of the sentence before's
    text = "全县突出的问题是粮油价格上涨幅度过高。虽然采取了多项平抑措施，涨幅仍达到9.5%。全县新建农村公路120公里。"
    answerer, hit = _county_report_of_one_passage(lexicon, tmp_path, text)
    _assert_answers(answerer.answer(analyse("全县粮油价格涨幅是多少？"), [hit]), "9.5%")
