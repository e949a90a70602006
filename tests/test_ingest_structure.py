"""Headings, section paths and tables parsed from the seed report and from small real texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportqa.core.models import Document, DocumentMeta
from reportqa.ingest.loaders import load_document
from reportqa.ingest.structure import parse_blocks

SEED_DIR = Path(__file__).resolve().parent.parent / "corpus"
SEED = SEED_DIR / "淄博市十三五科技创新规划后评估报告.txt"
SHARED = Path("/work/shared/corpora")


def _doc(text: str, doc_id: str = "t.md") -> Document:
    return Document(doc_id, text, "0" * 64, DocumentMeta(title="t"))


@pytest.fixture(scope="module")
def seed():
    document = load_document(SEED, SEED_DIR)
    return document, parse_blocks(document)


def test_block_text_is_the_exact_trimmed_source_slice(seed):
    document, blocks = seed
    for block in blocks:
        assert block.text == document.text[block.start : block.end]
        assert block.text == block.text.strip()
    assert [b.start for b in blocks] == sorted(b.start for b in blocks)


def test_seed_indicator_table_rows(seed):
    _, blocks = seed
    rows = [b for b in blocks if b.kind == "table_row"]
    assert len(rows) == 10
    high_tech = [r for r in rows if "高新技术企业数（家）" in r.statement]
    assert len(high_tech) == 1
    assert high_tech[0].statement == "高新技术企业数（家）：2020年目标数 380；目前完成数 512；备注 2019年度"
    assert high_tech[0].text.startswith("高新技术企业数（家）") and high_tech[0].text.endswith("2019年度")
    assert rows[0].statement == "全社会R&D经费支出占GDP比重（%）：2020年目标数 2.7；目前完成数 2.63；备注 2018年度"
    assert all(r.section[-1] == "1、主要指标完成情况" for r in rows)
    # the header row is kept as text, not as a data row
    header = [b for b in blocks if b.text.startswith("具体指标")]
    assert len(header) == 1 and header[0].kind == "paragraph"


def test_seed_section_paths(seed):
    _, blocks = seed
    paragraph = next(b for b in blocks if "全市高新技术企业由2015年的251家增加到512家" in b.text)
    assert paragraph.kind == "paragraph"
    assert paragraph.section[:2] == ("二、评估的主要内容", "（一）《规划》实施情况")
    assert paragraph.section[-1] == "（1）全社会创新意识不断增强，创新氛围日益浓厚"
    cost = next(b for b in blocks if b.text.startswith("“十三五”以来，市委市政府高度重视"))
    assert cost.section == ("二、评估的主要内容", "（二）《规划》实施成本效益分析", "1、成本分析")


def test_seed_headings_and_paragraph_leads(seed):
    _, blocks = seed
    headings = {b.section[-1] for b in blocks if b.kind == "heading" and b.section}
    assert {"三、评估结论", "（三）下一步对策建议", "2、重点任务完成情况"} <= headings
    lead = next(b for b in blocks if b.text.startswith("一是进一步巩固企业创新主体地位"))
    assert lead.kind == "paragraph"  # "一是……" opens a paragraph, it is not a heading
    numbered = next(b for b in blocks if b.text.startswith("1、自查自评。"))
    assert numbered.kind == "paragraph"  # a numbered full sentence is body text
    title = blocks[0]
    assert title.kind == "heading" and title.section == ()
    assert title.text == "《淄博市“十三五”科技创新规划》\n后评估报告"


def test_seed_annexes_reset_the_path(seed):
    _, blocks = seed
    annex_blocks = [b for b in blocks if b.section and b.section[0].startswith("附件")]
    assert annex_blocks
    plan = next(b for b in blocks if b.text.startswith("全面评估《淄博市“十三五”科技创新规划》"))
    assert plan.section == ("附件1：《淄博市“十三五”科技创新规划》后评估工作方案", "一、评估目的")
    case = next(b for b in blocks if b.text.startswith("一是优化政策体系。"))
    assert case.section[0] == "附件2：“十三五”科技创新典型案例"
    assert case.section[1].startswith("典型案例一：创新高新技术企业培育机制")
    assert case.section[-1] == "（一）聚焦体制机制建设，强化顶层设计"
    members = next(b for b in blocks if b.text.startswith("组  长：于秀栋"))
    assert members.section == ("附件1：《淄博市“十三五”科技创新规划》评估工作小组组成人员名单",)
    # the list of annexes in the main text stays body text of the last section
    listing = next(b for b in blocks if b.text.startswith("附件：1."))
    assert listing.kind == "paragraph" and listing.section[0] == "三、评估结论"


def test_markdown_headings_front_matter_and_pipe_table():
    text = (
        "---\ntitle: 统计公报\nsource: http://example.org\n---\n\n"
        "**中华人民共和国统计公报**\n\n"
        "## 一、综合\n\n全年国内生产总值1000亿元。\n\n"
        "### 表1 年末人口\n\n"
        "| 指标 | 年末数<br>（万人） | 比重（%） |\n| --- | ---: | --- |\n"
        "| 全国人口 | 140967 | 100.0 |\n| 其中：城镇 | 93267 |  |\n\n"
        "## 二、农业\n\n粮食产量增长。\n"
    )
    document = _doc(text)
    blocks = parse_blocks(document)
    assert all(b.start >= text.index("**中华") for b in blocks)  # front matter yields no blocks
    rows = [b for b in blocks if b.kind == "table_row"]
    assert [r.statement for r in rows] == [
        "全国人口：年末数（万人） 140967；比重（%） 100.0",
        "全国人口其中城镇：年末数（万人） 93267",  # a "其中：" row is named with the row above
    ]
    assert rows[0].section == ("一、综合", "表1 年末人口")
    assert rows[0].text == "| 全国人口 | 140967 | 100.0 |"
    farm = next(b for b in blocks if b.text == "粮食产量增长。")
    assert farm.section == ("二、农业",)


def test_chinese_outline_markers_nest():
    text = (
        "第一章 总体要求\n第一节 发展环境\n一、主要成就\n（一）科技创新\n1. 研发投入\n（1）企业研发\n"
        "全市研发投入增长。\n（2）高校研发\n高校研发增长。\n2、人才\n人才增长。\n"
        "二、问题\n存在问题。\n第二章 任务\n任务正文。\n"
    )
    blocks = parse_blocks(_doc(text))
    section = {b.text: b.section for b in blocks if b.kind == "paragraph"}
    assert section["全市研发投入增长。"] == (
        "第一章 总体要求",
        "第一节 发展环境",
        "一、主要成就",
        "（一）科技创新",
        "1. 研发投入",
        "（1）企业研发",
    )
    assert section["高校研发增长。"][-1] == "（2）高校研发"
    assert section["人才增长。"][-2:] == ("（一）科技创新", "2、人才")
    assert section["存在问题。"] == ("第一章 总体要求", "第一节 发展环境", "二、问题")
    assert section["任务正文。"] == ("第二章 任务",)


def test_plain_lines_standing_alone_between_paragraphs_open_the_parts_of_a_report():
    text = (
        "某县政府工作报告\n\n各位代表：\n\n现在，我代表县人民政府向大会报告工作。\n\n"
        "2023年工作回顾\n\n一、经济稳中有进\n\n全县生产总值增长6%。\n\n二、民生持续改善\n\n新增就业3000人。\n\n"
        "2024年主要任务\n\n一、扩大有效投资\n\n投资增长8%左右。\n\n"
        "我们要加快落实\n\n招商引资\n\n项目的各项政策。\n\n名词解释\n\n县域经济：指县级行政区划内的经济。\n"
    )
    blocks = parse_blocks(_doc(text))
    section = {b.text: b.section for b in blocks if b.kind == "paragraph"}
    assert section["全县生产总值增长6%。"] == ("2023年工作回顾", "一、经济稳中有进")
    assert section["新增就业3000人。"] == ("2023年工作回顾", "二、民生持续改善")
    assert section["投资增长8%左右。"] == ("2024年主要任务", "一、扩大有效投资")
    # a line wrapped in mid-sentence is no part: the paragraph before it has not ended
    assert section["项目的各项政策。"] == ("2024年主要任务", "一、扩大有效投资")
    assert section["县域经济：指县级行政区划内的经济。"] == ("名词解释",)
    # in a document that marks its headings in markdown, a plain line is a paragraph
    marked = parse_blocks(_doc("# 报告\n\n## 一、回顾\n\n增长6%。\n\n2024年主要任务\n\n投资增长8%。\n"))
    assert {b.text: b.section for b in marked}["投资增长8%。"] == ("报告", "一、回顾")


def test_tab_separated_rows_and_single_tab_line():
    text = "一、指标\n指标\t目标\t完成\n研发投入\t2.7\t2.63\n专利\t\t13\n\n说明\t见附表\n"
    blocks = parse_blocks(_doc(text, "t.txt"))
    rows = [b for b in blocks if b.kind == "table_row"]
    assert [r.statement for r in rows] == ["研发投入：目标 2.7；完成 2.63", "专利：完成 13"]
    assert next(b for b in blocks if b.text.startswith("说明")).kind == "paragraph"


def test_bold_lead_sentence_is_not_a_heading():
    blocks = parse_blocks(_doc("## 一、回顾\n\n**一是经济平稳增长。**全年增长6%。\n"))
    assert [b.kind for b in blocks] == ["heading", "paragraph"]


@pytest.mark.skipif(not SHARED.exists(), reason="shared corpora not mounted")
def test_statistical_communique_tables():
    path = SHARED / "cn_national_gov_docs" / "nbs_statistical_communiques" / "2023.md"
    document = load_document(path, SHARED)
    blocks = parse_blocks(document)
    rows = [b for b in blocks if b.kind == "table_row"]
    assert len(rows) > 100
    population = next(r for r in rows if r.statement.startswith("全国人口："))
    assert "140967" in population.statement and population.section[0] == "一、综合"
    assert not any("<br>" in r.statement or "---" in r.statement for r in rows)


def test_bold_title_page_lines_are_not_sections_and_a_caption_heads_only_its_table():
    text = (
        "**政府工作报告**\n\n**2021年1月26日在浙江省第十三届人民代表大会第五次会议上**\n\n**浙江省省长 郑栅洁**\n\n"
        "各位代表：\n\n**一、2020年主要工作**\n\n全省生产总值达到64613亿元。\n\n**表1 主要指标**\n\n单位：亿元\n\n"
        "| 指标 | 数值 |\n|---|---|\n| 生产总值 | 64613 |\n\n全年一般公共预算收入增长2.8%。\n"
    )
    blocks = parse_blocks(_doc(text))
    sections = [(b.kind, b.section) for b in blocks if b.kind != "heading"]
    work, table = ("一、2020年主要工作",), ("一、2020年主要工作", "表1 主要指标")
    assert sections == [
        ("paragraph", ()),
        ("paragraph", ()),
        ("paragraph", ()),
        ("paragraph", work),
        ("paragraph", table),  # 单位：亿元
        ("paragraph", table),  # the header row
        ("table_row", table),
        ("paragraph", work),  # the caption headed its table only
    ]


def test_a_caption_in_a_tables_first_row_heads_its_rows():
    # NBS 2013: "| **表9 2013年主要商品进口数量、金额及其增长速度** | | |", then the column names
    text = (
        "## 六、对外经济\n\n"
        "| **表9 2013年主要商品进口数量、金额及其增长速度** | | |\n| --- | --- | --- |\n"
        "| 商品名称 | 数量（万吨） | 比上年增长% |\n| 大豆 | 6338 | 8.6 |\n\n全年进出口总额增长7.6%。\n"
    )
    blocks = parse_blocks(_doc(text))
    soybeans = next(b for b in blocks if b.kind == "table_row")
    assert soybeans.section == ("六、对外经济", "表9 2013年主要商品进口数量、金额及其增长速度")
    assert soybeans.statement == "大豆：数量（万吨） 6338；比上年增长% 8.6"
    assert blocks[-1].section == ("六、对外经济",)  # the caption headed its table only


def test_footnote_markers_stay_out_of_section_paths():
    blocks = parse_blocks(_doc("**统计公报[1]**\n\n## 一、综合[2]\n\n全年国内生产总值[3]1015986亿元。\n"))
    assert blocks[-1].section == ("一、综合",)


@pytest.mark.skipif(not SHARED.exists(), reason="shared corpora not mounted")
def test_list_item_tables_and_sub_rows_of_a_statistical_communique():
    path = SHARED / "cn_national_gov_docs" / "nbs_statistical_communiques" / "2008.md"
    rows = [b.statement for b in parse_blocks(load_document(path, SHARED)) if b.kind == "table_row"]
    # "- 指 标 全 国" / "- 城 市 农 村": a header of spaced-out words over two list items, under "单位：%"
    assert "居民消费价格（%）：全国 5.9；城市 5.6；农村 6.5" in rows
    # "- 其中：国有及国有控股企业 7985 -14.5" is part of the row above it
    assert "规模以上工业其中国有及国有控股企业（亿元）：利润总额 7985；比上年同期增长% -14.5" in rows
    # a pipe table's "其中：" row, with the "单位：万人" above the table
    assert "全国总人口其中城镇（万人）：年末数 60667；比重% 45.7" in rows


@pytest.mark.skipif(not SHARED.exists(), reason="shared corpora not mounted")
def test_a_list_table_with_bold_header_words_and_a_unit_column():
    path = SHARED / "cn_national_gov_docs" / "nbs_statistical_communiques" / "2006.md"
    rows = [b.statement for b in parse_blocks(load_document(path, SHARED)) if b.kind == "table_row"]
    # "- **指 标** **全 国**" / "- **城 市** **农 村**", under "单位：%"
    assert "食品其中粮食（%）：全国 2.7；城市 2.7；农村 2.9" in rows
    # a unit column: a unit no list names, one spaced out, one after a name in parentheses
    assert "集成电路（亿块）：产量 335.8；比上年增长% 24.4" in rows
    assert "民航（万吨）：绝对数 349.4；比上年增长% 13.9" in rows
    assert "移动通信手持机（手机）（万台）：产量 48013.8；比上年增长% 58.2" in rows


def test_a_bold_total_row_and_a_listed_unit_line_stay_in_their_list_table():
    text = "- **表2 各地区投资**\n- 单位：亿元\n- 地 区 投资额 比上年增长%\n"
    text += "- **合 计** **5210** **8.1**\n- 东部 2300 6.5\n"
    rows = [b.statement for b in parse_blocks(_doc(text)) if b.kind == "table_row"]
    assert rows == ["合计（亿元）：投资额 5210；比上年增长% 8.1", "东部（亿元）：投资额 2300；比上年增长% 6.5"]


def test_a_list_table_in_a_bold_run_with_group_headings_empty_rows_and_empty_cells():
    # the bold run opens before the header's marker; "计量单位" names the unit column; a group heading and
    # a row without figures do not end the table; "—" leaves a cell empty and "持平" is a value
    text = "**表3 主要产品**\n\n**- 商品名称 计量单位 数量 比上年增长% 金额 比上年增长%\n"
    text += "- **一、农产品**\n- 茶 叶 万吨 12.5 3.1 40.2 持平\n- 蔬菜 万吨\n"
    text += "- 服装及衣着附件 —— — — 980 -2.5**\n"
    rows = [b.statement for b in parse_blocks(_doc(text)) if b.kind == "table_row"]
    assert rows == [
        "茶叶（万吨）：数量 12.5；比上年增长% 3.1；金额 40.2；比上年增长% 持平",
        "服装及衣着附件：金额 980；比上年增长% -2.5",
    ]


@pytest.mark.skipif(not SHARED.exists(), reason="shared corpora not mounted")
def test_a_caption_set_as_a_list_item_heads_its_list_table():
    path = SHARED / "cn_national_gov_docs" / "nbs_statistical_communiques" / "2013.md"
    yarn = next(b for b in parse_blocks(load_document(path, SHARED)) if b.statement.startswith("纱"))
    assert yarn.statement == "纱（万吨）：产量 3200.0；比上年增长% 7.2"
    assert yarn.section[-1] == "表3 2013年主要工业产品产量及其增长速度"


def test_a_caption_row_then_a_unit_row_then_the_column_names():
    # NBS 2013: "| 表4 …固定资产投资… | |", "| 单位：亿元 | |", "| 行 业 | 投资额 | 比上年增长% |"
    path = SHARED / "cn_national_gov_docs" / "nbs_statistical_communiques" / "2013.md"
    rows = [b for b in parse_blocks(load_document(path, SHARED)) if b.kind == "table_row"]
    assert "总计（亿元）：投资额 436528；比上年增长% 19.6" in [r.statement for r in rows]
    assert "欧盟（亿美元）：出口额 3390；比上年增长% 1.1；进口额 2200；比上年增长% 3.7" in [r.statement for r in rows]
    assert not any(r.statement.startswith(("单位", "行业", "指标")) for r in rows)
