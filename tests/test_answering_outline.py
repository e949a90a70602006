"""A list asked whose items are the headings (or numbered points) under one section: answered with them,
each cited.

The documents are the national 13th Five-Year Plan outline and 乌鲁木齐's 2021 work report, which no eval set
uses; the questions are mine.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportqa.answering.extractive import ExtractiveAnswerer
from reportqa.answering.kinds import Places, QuestionKinds
from reportqa.answering.outline import Heading, Outline
from reportqa.core.models import Chunk, DocumentMeta, Hit
from reportqa.core.settings import Settings
from reportqa.core.weights import AnswerWeights
from reportqa.indexing.keyword import KeywordIndex
from reportqa.ingest.chunking import Chunker
from reportqa.ingest.pipeline import parse_document
from reportqa.language.lexicon import Lexicon
from reportqa.question.analysis import analyse

SHARED = Path("/work/shared/corpora")
PLANS = SHARED / "cn_national_gov_docs" / "five_year_plans"
CITIES = SHARED / "cn_city_work_reports"
pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="shared corpora not mounted")

INCENTIVES = ["深化科技管理体制改革", "完善科技成果转化和收益分配机制", "构建普惠性创新支持政策体系"]
GOVERNANCE = ["完善社会治理体系", "完善社会信用体系", "健全公共安全体系", "建立国家安全体系"]
TWELVE_FIRST = ["着力抓好常态化疫情防控", "着力维护社会大局稳定"]
TALENT = ["建设规模宏大的人才队伍", "促进人才优化配置", "营造良好的人才发展环境"]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load(Settings().lexicon_dir)


def _answerer(lexicon: Lexicon, path: Path, meta: DocumentMeta) -> tuple[ExtractiveAnswerer, list[Chunk]]:
    """An answerer over one document as the index keeps it (its chunks given out of order)."""
    document, chunks = parse_document(path, path.parent.parent, Chunker(tokenizer=lexicon))
    stats = KeywordIndex.build([lexicon.keyword_tokens(chunk.body) for chunk in chunks])
    outline = Outline(reversed(chunks))
    return ExtractiveAnswerer(lexicon, term_stats=stats, documents={document.doc_id: meta}, outline=outline), chunks


def _own_document(
    lexicon: Lexicon, path: Path, text: str, meta: DocumentMeta
) -> tuple[ExtractiveAnswerer, list[Chunk]]:
    """An answerer over a document of my own, written to `path` (its folder is the corpus's)."""
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    return _answerer(lexicon, path, meta)


def _own_report(lexicon: Lexicon, tmp_path: Path, place: str, body: str) -> tuple[ExtractiveAnswerer, list[Hit]]:
    """An answerer over a 2021 work report of my own for `place`, and every passage of it as retrieved."""
    title = f"{place}2021年政府工作报告"
    answerer, chunks = _own_document(
        lexicon,
        tmp_path / "reports" / f"{title}.txt",
        f"{title}\n{body}",
        DocumentMeta(title, place, 2021, "政府工作报告"),
    )
    return answerer, [Hit(chunk, 1.0) for chunk in reversed(chunks)]


@pytest.fixture(scope="module")
def plan(lexicon: Lexicon) -> tuple[ExtractiveAnswerer, list[Chunk]]:
    meta = DocumentMeta("中华人民共和国国民经济和社会发展第十三个五年规划纲要", "全国", 2016, "规划")
    return _answerer(lexicon, PLANS / "2016-十三五规划纲要.md", meta)


@pytest.fixture(scope="module")
def report(lexicon: Lexicon) -> tuple[ExtractiveAnswerer, list[Chunk]]:
    meta = DocumentMeta("乌鲁木齐市2021年政府工作报告", "乌鲁木齐市", 2021, "政府工作报告")
    return _answerer(lexicon, CITIES / "乌鲁木齐市" / "2021.md", meta)


def _under(chunks: list[Chunk], heading: str) -> Hit:
    """A retrieved passage under the section `heading`."""
    return Hit(next(c for c in chunks if c.section.endswith(heading)), 1.0)


def test_a_section_s_headings_are_read_in_document_order_without_their_numbering(plan) -> None:
    _answerer, chunks = plan
    chapter = next(c.section for c in chunks if c.section.endswith("第一节 深化科技管理体制改革"))
    headings = Outline(reversed(chunks)).children(chunks[0].doc_id, chapter.rsplit(" > ", 1)[0])
    assert [h.item for h in headings] == INCENTIVES
    assert all(isinstance(h, Heading) and h.title in h.chunk.text for h in headings)


@pytest.mark.parametrize(
    ("question", "retrieved", "items"),
    [
        ("构建激励创新的体制机制有哪几个方面？", "第二节 完善科技成果转化和收益分配机制", INCENTIVES),
        ("实施人才优先发展战略包括哪些举措？", "第一节 建设规模宏大的人才队伍", TALENT),
        # the headings each name the thing asked for
        ("社会治理方面要健全哪几个体系？", "完善社会信用体系", GOVERNANCE),
    ],
)
def test_a_list_asked_of_a_section_is_answered_by_its_headings(
    plan, question: str, retrieved: str, items: list[str]
) -> None:
    answerer, chunks = plan
    answer = answerer.answer(analyse(question), [_under(chunks, retrieved)])
    assert answer.found and answer.direct is not None and answer.direct.text == "、".join(items), answer.answer
    assert [c.highlight.split(" ")[-1] for c in answer.citations] == items  # each heading cites its own passage


def test_a_list_asked_of_something_no_heading_names_is_answered_from_statements(plan) -> None:
    answerer, chunks = plan
    # 第一节 促进消费升级 has no headings under it; the chapter's headings do not name what is asked
    answer = answerer.answer(analyse("促进消费升级有哪些措施？"), [_under(chunks, "第一节 促进消费升级")])
    assert answer.found and answer.direct is None, answer.answer


@pytest.mark.parametrize(
    ("question", "retrieved", "items"),
    [
        (
            "乌鲁木齐2020年在民生方面做了哪些工作？",
            "八、民生福祉持续增强",
            ["多措并举扩就业", "扩优提质办教育", "提升能力保健康", "综合施策强保障", "守正聚力兴文化"],
        ),
        (
            "2021年乌鲁木齐要怎样推动经济高质量发展，有哪些举措？",
            "六、着力推动经济高质量发展",
            ["深入推进创新驱动发展战略", "深入推进农业集约化产业化", "深入推进工业现代化集群化"],
        ),
        # a passage under one of the twelve: the section the question names is the one above it
        (
            "2021年乌鲁木齐主要工作有哪些？",
            "一、着力抓好常态化疫情防控",
            ["着力抓好常态化疫情防控", "着力维护社会大局稳定"],
        ),
    ],
)
def test_a_list_asked_of_a_section_of_numbered_points_is_answered_by_the_points(
    report, question: str, retrieved: str, items: list[str]
) -> None:
    answerer, chunks = report
    hits = [Hit(c, 1.0) for c in chunks if c.section.endswith(retrieved)][1:3]  # not the section's first passage
    answer = answerer.answer(analyse(question), hits)
    assert answer.direct is not None and answer.direct.text.startswith("、".join(items)), answer.answer


def test_numbered_points_are_read_once_in_order_and_only_from_the_first(report) -> None:
    _answerer, chunks = report
    section = next(c.section for c in chunks if c.section.endswith("四、民族团结之花常开长盛"))
    points = Outline(chunks).children(chunks[0].doc_id, section)
    assert [p.title for p in points] == [
        "（一）以民族团结宣传教育促团结",
        "（二）以民族团结进步创建增团结",
        "（三）以勤走动常联谊助团结",
    ]
    assert all(p.title in p.chunk.text for p in points)


def test_a_list_no_section_names_is_not_answered_by_headings(report) -> None:
    answerer, chunks = report
    hits = [Hit(c, 1.0) for c in chunks if c.section.endswith("六、高质量发展稳中有进")][:2]
    answer = answerer.answer(analyse("2020年乌鲁木齐新增了哪些国家级双创载体？"), hits)
    assert answer.direct is None or "新型工业化量质齐增" not in answer.direct.text, answer.answer


def test_words_that_frame_a_list_question_are_no_topic(report) -> None:
    answerer, _chunks = report
    terms = answerer._question_terms(analyse("乌鲁木齐在民生方面的工作主要包括哪些？"))
    assert "民生" in terms and not {"方面", "包括"} & set(terms), terms


def test_a_statement_that_names_the_headings_is_quoted_first(lexicon: Lexicon, tmp_path: Path) -> None:
    # a plan of my own: the section says its list in one sentence, then heads each point
    answerer, chunks = _own_document(
        lexicon,
        tmp_path / "plans" / "示范区建设方案.txt",
        "示范区建设方案\n一、建设目标\n到2025年建成省级示范区。\n二、保障措施\n"
        "保障措施主要包括：加强组织领导、加大资金投入、强化督导考核。\n"
        "（一）加强组织领导\n成立由市长任组长的领导小组。\n"
        "（二）加大资金投入\n市财政每年安排专项资金5000万元。\n"
        "（三）强化督导考核\n将建设任务纳入年度考核。\n",
        DocumentMeta("示范区建设方案", "", 2021, "方案"),
    )
    answer = answerer.answer(analyse("保障措施有哪几项？"), [Hit(chunk, 1.0) for chunk in reversed(chunks)])
    assert answer.direct is not None and answer.direct.text == "加强组织领导、加大资金投入、强化督导考核", answer.answer
    assert answer.answer.splitlines()[1].startswith("保障措施主要包括：加强组织领导"), answer.answer
    assert len(answer.citations) >= 2


def test_paragraphs_that_open_with_points_list_their_section(lexicon: Lexicon, tmp_path: Path) -> None:
    # a review of my own: one section's paragraphs open "一是…", "二是…"; another's restart, and list nothing
    answerer, chunks = _own_document(
        lexicon,
        tmp_path / "reviews" / "园区发展评估报告.txt",
        "园区发展评估报告\n一、主要成效\n园区产值达到120亿元。\n二、存在的问题\n"
        "一是创新平台偏少，布局不均衡。园区仅有省级平台3家。\n"
        "二是专业人才不足。高层次人才引进难、留住难。\n"
        "三是配套服务滞后。融资、检测等服务供给不足。\n"
        "三、工作措施\n一是优化政策。出台扶持办法。\n二是强化服务。设立服务中心。\n一是加大投入。新增专项资金。\n",
        DocumentMeta("园区发展评估报告", "", 2021, "评估报告"),
    )
    hits = [Hit(chunk, 1.0) for chunk in reversed(chunks)]
    answer = answerer.answer(analyse("园区存在哪些问题？"), hits)
    assert answer.direct is not None, answer.answer
    assert answer.direct.text == "创新平台偏少，布局不均衡；专业人才不足；配套服务滞后", answer.answer
    outline = Outline(chunks)
    problems = outline.children(chunks[0].doc_id, "二、存在的问题")
    assert [h.item for h in problems] == ["创新平台偏少，布局不均衡", "专业人才不足", "配套服务滞后"]
    assert outline.children(chunks[0].doc_id, "三、工作措施") == []


@pytest.mark.parametrize(
    ("place", "passage", "question", "items"),
    [
        (  # the points are said over three passages
            "广州市",
            "面临不少困难和挑战",
            "广州经济社会发展面临哪些困难和挑战？",
            ["创新驱动作用发挥不够充分", "实体经济经营仍较困难", "改革系统集成水平不够高", "政府作风还需改进"],
        ),
        (  # the statement leads to them from the sentence before; long points are named by their first clause
            "郑州市",
            "认真办好民生重点实事",
            "郑州今年要办好哪些民生实事？",
            ["新增城镇就业12万人、农村劳动力转移就业4万人", "新开工安置房1.5万套", "打通“断头路”65条"],
        ),
    ],
)
def test_a_list_asked_is_answered_by_the_points_a_statement_leads_to(
    lexicon: Lexicon, place: str, passage: str, question: str, items: list[str]
) -> None:
    meta = DocumentMeta(f"{place}2021年政府工作报告", place, 2021, "政府工作报告")
    answerer, chunks = _answerer(lexicon, CITIES / place / "2021.md", meta)
    hits = [Hit(c, 1.0) for c in chunks if passage in c.text][:1]
    answer = answerer.answer(analyse(question), hits)
    assert answer.direct is not None and all(item in answer.direct.text for item in items), answer.answer
    assert passage in answer.statements[0].text  # the statement that leads to them comes first
    # each point cites the passage that says it
    for statement in answer.statements[1:]:
        assert statement.text in answer.citations[statement.citations[0] - 1].text


def test_inline_points_run_from_one_in_order(lexicon: Lexicon) -> None:
    # my own: "统一是" opens no point; a run restarts at 一; a lone 一是 is no list
    text = (
        "主要问题：一是投入不足。二是统一是难点，人才偏少。四是机制不活。另有一是个别。"
        "措施：一是加大投入；二是引进人才。"
    )
    chunk = Chunk("d#0", "d", 0, len(text), text, "二、问题", False, "")
    outline = Outline([chunk])
    first = outline.points_from("d", 0, text.index("一是"))
    assert [h.item for h in first] == ["投入不足", "统一是难点，人才偏少"]  # 四是 follows no 三是
    second = outline.points_from("d", text.index("措施"), len(text))
    assert [h.item for h in second] == ["加大投入", "引进人才"]
    assert outline.points_from("d", text.index("另有"), text.index("措施")) == []


@pytest.fixture(scope="module")
def zhengzhou(lexicon: Lexicon) -> tuple[ExtractiveAnswerer, list[Chunk]]:
    """郑州's 2021 work report: "五年来，…" paragraphs review 2016-2020, each cut into several chunks."""
    return _answerer(
        lexicon, CITIES / "郑州市" / "2021.md", DocumentMeta("政府工作报告", "郑州市", 2021, "政府工作报告")
    )


def test_a_paragraph_s_opening_is_read_across_the_chunks_it_is_cut_into(zhengzhou) -> None:
    answerer, chunks = zhengzhou
    text = (CITIES / "郑州市" / "2021.md").read_text(encoding="utf-8")
    paragraph = text.index("五年来，民生社会事业")
    later = text.index("居民人均可支配收入从")
    assert not any(c.start <= paragraph and later < c.end for c in chunks)  # no chunk holds both
    doc_id = chunks[0].doc_id
    assert answerer.outline.paragraph_opening(doc_id, later).startswith("五年来，民生社会事业")
    assert answerer.outline.paragraph_opening(doc_id, paragraph).startswith("五年来，民生社会事业")
    assert answerer.outline.paragraph_opening("no such document", later) == ""


def test_a_start_value_is_of_the_year_before_the_years_its_paragraph_looks_back_on(zhengzhou) -> None:
    answerer, chunks = zhengzhou
    hits = [Hit(chunk, 1.0) for chunk in chunks if "26253.5" in chunk.text]
    start = answerer.answer(analyse("郑州2015年居民人均可支配收入是多少？"), hits)
    assert start.found and start.direct is not None
    assert (start.direct.text, start.direct.note) == ("26253.5元", "2015年")
    end = answerer.answer(analyse("郑州2020年居民人均可支配收入是多少？"), hits)
    assert end.direct is not None and end.direct.text == "37274.8元"
    assert not answerer.answer(analyse("郑州2012年居民人均可支配收入是多少？"), hits).found


def test_a_level_asked_is_where_a_change_ends_not_where_it_starts(zhengzhou) -> None:
    # "市域建成区面积由744.77平方公里扩大至1200平方公里左右": 由 starts it as 从 does
    answerer, chunks = zhengzhou
    hits = [Hit(chunk, 1.0) for chunk in chunks if "744.77" in chunk.text]
    answer = answerer.answer(analyse("郑州市建成区面积扩大到多少平方公里？"), hits)
    assert answer.direct is not None and answer.direct.text == "1200平方公里左右"


def test_a_paragraph_s_opening_is_read_on_into_the_next_chunk_when_the_first_ends_early() -> None:
    # my own text: a chunk ends after the paragraph's lead sentence; the next goes on without a gap
    text = "——高质量发展成效显著。五年来，我们坚持新发展理念。\n一般公共预算收入由368.7亿元增加到392.6亿元。\n\n新段落"
    cut = text.index("五年来")
    chunks = [
        Chunk(f"d#{a}", "d.md", a, b, text[a:b], "一、回顾")
        for a, b in ((0, cut), (cut, text.index("一般")), (text.index("一般") - 5, len(text)))
    ]
    outline = Outline(chunks)
    assert (
        outline.paragraph_opening("d.md", text.index("五年来")) == "——高质量发展成效显著。五年来，我们坚持新发展理念。"
    )
    assert outline.paragraph_opening("d.md", text.index("392.6")).startswith("一般公共预算收入由368.7亿元")
    assert outline.paragraph_opening("d.md", len(text) - 1) == "新段落"


def test_bold_numbered_paragraphs_list_their_section_beside_stray_said_points(zhengzhou) -> None:
    # 郑州 2021 "三、2021年重点工作": "**（一）围绕创新驱动发展，…。**按照…" to "（八）…", and inside them
    # "五是…", "十是…" paragraphs, which number no list of their own
    answerer, chunks = zhengzhou
    points = answerer.outline.children(chunks[0].doc_id, "三、2021年重点工作")
    assert len(points) == 8
    assert points[0].item == "围绕创新驱动发展，着力打造国家极具活力区域科技创新中心"
    assert points[3].item.startswith("全面落实国家黄河战略")  # 33 characters to its full stop
    hits = [Hit(chunk, 1.0) for chunk in chunks if "重点抓好以下八个方面的工作" in chunk.text]
    answer = answerer.answer(analyse("郑州2021年重点工作有哪几个方面？"), hits)
    assert answer.direct is not None and answer.direct.text.count("；") == 7


def test_headings_that_each_name_the_thing_asked_come_before_a_section_that_holds_its_terms(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    # a report of my own: a section whose title holds the question's words lists what it covers; the
    # headings of one section under it each name the thing asked (环节)
    answerer, chunks = _own_document(
        lexicon,
        tmp_path / "reports" / "园区建设年度报告.txt",
        "园区建设年度报告\n一、园区绩效考核工作方案\n（一）考核目的\n全面掌握园区建设成效。\n"
        "（二）考核对象\n全市省级以上园区。\n（三）考核流程\n1.材料申报环节\n各园区报送考核材料。\n"
        "2.现场核查环节\n考核组实地核查。\n3.结果公示环节\n考核结果向社会公示。\n"
        "（四）结果运用\n考核结果与资金分配挂钩。\n二、下一步打算\n继续完善考核办法。\n",
        DocumentMeta("园区建设年度报告", "", 2021, "报告"),
    )
    answer = answerer.answer(analyse("园区绩效考核工作分哪几个环节？"), [Hit(chunk, 1.0) for chunk in reversed(chunks)])
    assert answer.direct is not None, answer.answer
    assert answer.direct.text == "材料申报环节、现场核查环节、结果公示环节", answer.answer


def test_a_work_reports_sections_after_its_review_plan_the_year_of_the_report(lexicon: Lexicon, tmp_path: Path) -> None:
    # a report of my own whose sections of plans name neither a year nor 任务 or 安排
    answerer, hits = _own_report(
        lexicon,
        tmp_path,
        "临沂市",
        "一、“十三五”时期工作回顾\n五年来，累计建成保障性住房2.1万套。\n"
        "二、以高质量发展为主题，奋力开创新局面\n计划新开工保障性住房5000套，改造老旧小区120个。\n",
    )
    planned = answerer.answer(analyse("临沂市2021年计划新开工多少套保障性住房？"), hits)
    assert planned.answer.startswith("5000套"), planned.answer
    # an outcome asked of the year the plans are for: the plan answers it, its year only implied
    assert answerer.answer(analyse("临沂市2021年改造老旧小区多少个？"), hits).answer.startswith("120个")
    assert not answerer.answer(analyse("临沂市2020年新开工多少套保障性住房？"), hits).answer.startswith("5000套")


def test_a_sum_over_years_speaks_of_no_one_year(lexicon: Lexicon, tmp_path: Path) -> None:
    # a review of my own: its section names no year, so its statements speak of the year before the report's
    answerer, hits = _own_report(
        lexicon,
        tmp_path,
        "日照市",
        "一、“十三五”时期工作回顾\n累计接待游客5000万人次，实现旅游总收入600亿元。\n"
        "城镇新增就业4.2万人。全年累计减免税费12亿元。\n二、2021年工作安排\n办好民生实事。\n",
    )
    assert answerer.answer(analyse("日照市2020年新增城镇就业人数是多少？"), hits).answer.startswith("4.2万人")
    assert not answerer.answer(analyse("日照市2020年旅游总收入是多少？"), hits).found
    assert answerer.answer(analyse("日照市“十三五”时期累计旅游总收入是多少？"), hits).answer.startswith("600亿元")
    # "全年累计" sums one year
    assert answerer.answer(analyse("日照市2020年减免了多少税费？"), hits).answer.startswith("12亿元")


def test_a_place_asked_is_answered_with_the_places_the_statement_names(lexicon: Lexicon, tmp_path: Path) -> None:
    # a review of my own; the question's own place is not an answer
    answerer, hits = _own_report(
        lexicon,
        tmp_path,
        "喀什地区",
        "一、“十三五”时期工作回顾\n在上海、山东、广东、深圳的对口支援下，喀什地区建成学校120所。\n",
    )
    answer = answerer.answer(analyse("对口支援喀什地区的是哪几个省市？"), hits)
    # each in full, as no reader can take it for another place
    assert answer.direct is not None and answer.direct.text == "上海市、山东省、广东省、深圳市", answer.answer
    # which of two compared is no place asked
    kinds = QuestionKinds(lexicon, AnswerWeights())
    assert isinstance(kinds.of(analyse("对口支援喀什地区的是哪几个省市？")), Places)
    assert not isinstance(kinds.of(analyse("苏州和无锡，哪个市的高新技术企业多？")), Places)
    assert not isinstance(kinds.of(analyse("哪个城市的公交线路更多？")), Places)
