"""Officials' question sets (.xlsx, .csv): the template round-trips; each bad row is named by sheet, row and column."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from reportqa.eval.question_sets import load_question_set
from reportqa.eval.sheets import COLUMNS, QuestionSetError, read_table
from reportqa.eval.template import EXAMPLES, HELP_SHEET, QUESTION_SHEET, template_workbook

HEADER = [c.name for c in COLUMNS]  # 问题, 标准答案, 必含内容, 出处文档, 类型, 应拒答
GOOD = ["2019年高新技术企业有多少家？", "512家。", "512", "", "表格数字", "否"]


def workbook(*rows, sheet: str = "问题", header=HEADER) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(header)
    for row in rows:
        ws.append(row)
    return wb


def xlsx(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def where(problem) -> tuple[str, int, str]:
    return problem.sheet, problem.row, problem.column


def test_template_round_trips():
    data = template_workbook()
    qset = read_table("问题集模板.xlsx", data)
    assert qset.problems == []
    assert [
        (
            q["question"],
            q["answer"],
            "、".join(q["must_contain"]),
            q["source_doc"],
            q["type"],
            "是" if q["refuse"] else "否",
        )
        for q in qset.questions
    ] == list(EXAMPLES)
    assert [q["id"] for q in qset.questions] == [f"{QUESTION_SHEET}!{n}" for n in range(2, 2 + len(EXAMPLES))]
    assert qset.questions[1]["must_contain"] == ["560", "1.69亿元"]  # split at 、
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == [QUESTION_SHEET, HELP_SHEET]  # the instructions sheet is passed over when read
    assert all(c.comment is not None for c in wb[QUESTION_SHEET][1])  # every header explains itself


def test_missing_column_names_the_sheet_header_row_and_column():
    qset = read_table("问题集.xlsx", xlsx(workbook(GOOD[:2], header=["问题", "标准答案", "类型"])))
    assert qset.questions == []
    assert [where(p) for p in qset.problems] == [("问题", 1, "必含内容")]
    assert "缺少" in qset.problems[0].message
    assert str(qset.problems[0]).startswith("问题集.xlsx 工作表“问题” 第1行 “必含内容”列：")


def test_empty_question_is_named_and_the_good_rows_still_run():
    rows = [GOOD, ["", "45家", "45家", "", "", ""], ["新增多少家省级研发平台？", "45家", "45家", "", "", ""]]
    qset = read_table("问题集.xlsx", xlsx(workbook(*rows)))
    assert [q["row"] for q in qset.questions] == [2, 4]
    assert [where(p) for p in qset.problems] == [("问题", 3, "问题")]
    assert "为空" in qset.problems[0].message


def test_a_sheet_without_any_header_is_a_file_problem():
    wb = Workbook()
    wb.active.append(["随便写的内容"])
    qset = read_table("笔记.xlsx", xlsx(wb))
    assert qset.questions == [] and [where(p) for p in qset.problems] == [("", 0, "")]
    assert "没有找到表头" in qset.problems[0].message


def test_merged_cells_name_each_row_they_hide():
    rows = [GOOD, ["2015年呢？", "251家", "251", "", "", "否"], ["研发平台有多少家？", "45家", "45家", "", "", "否"]]
    wb = workbook(*rows)
    wb.active.merge_cells("E2:E3")  # 类型 merged over two questions
    qset = read_table("问题集.xlsx", xlsx(wb))
    assert [q["row"] for q in qset.questions] == [2, 4]  # the merge's own cell keeps its value
    assert [where(p) for p in qset.problems] == [("问题", 3, "类型")]
    assert "合并单元格 E2:E3" in qset.problems[0].message


def test_numbers_and_numbers_stored_as_text_read_as_the_official_typed_them():
    wb = workbook(
        ["高新技术企业有多少家？", "512家", 512, "", "", "否"],  # a number cell
        ["企业数是多少？", "512家", "512", "", "", ""],  # the same, stored as text
        ["研发经费占比多少？", "2.63%", 0.0263, "", "", "否"],  # typed as 2.63%: a percentage cell
        ["补助总额多少？", "1.69亿元", 1.69, "", "", "否"],
        ["应拒答写成了数字", "", "", "", "", 1],
        ["日期格式", "7月16日", date(2020, 7, 16), "", "", "否"],
    )
    wb.active["C4"].number_format = "0.00%"
    qset = read_table("问题集.xlsx", xlsx(wb))
    assert [q["must_contain"] for q in qset.questions] == [["512"], ["512"], ["2.63%"], ["1.69"]]
    assert [where(p) for p in qset.problems] == [("问题", 6, "应拒答"), ("问题", 7, "必含内容")]
    assert "“1”" in qset.problems[0].message and "日期" in qset.problems[1].message


def test_refusal_rows_and_answerable_rows_are_checked():
    qset = read_table(
        "问题集.csv",
        "\n".join(
            [
                ",".join(HEADER),
                "2023年有多少家？,,,,,是",  # a refusal: no answer needed
                "2024年有多少家？,文中未提及,512,,,是",  # a refusal with a must-contain: contradictory
                "2019年有多少家？,512家,,,,",  # answerable without a must-contain
                "2019年有多少家？,512家,512,,,",
                "2019年有多少家？,512家,512,,,",  # the same question again
            ]
        ).encode("utf-8"),
    )
    assert [(q["row"], q["refuse"], q["type"]) for q in qset.questions] == [(2, True, "应拒答"), (5, False, "未分类")]
    assert [where(p) for p in qset.problems] == [("", 3, "必含内容"), ("", 4, "必含内容"), ("", 6, "问题")]
    assert "第5行" in qset.problems[2].message
    assert str(qset.problems[0]).startswith("问题集.csv 第3行 “必含内容”列：")


def test_csv_in_gbk_with_a_bad_row():
    text = "\r\n".join(
        [
            ",".join(HEADER),
            "2019年高新技术企业有多少家？,2019年度为512家,512、380,淄博市十三五科技创新规划后评估报告,表格数字,否",
            ",没有问题的一行,45家,,,",
            '"后评估工作小组组长是谁？","于秀栋（市科技局党组书记、局长）","于秀栋",,人名,否',
        ]
    )
    data = text.encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    qset = read_table("问题集.csv", data)
    assert [q["question"] for q in qset.questions] == ["2019年高新技术企业有多少家？", "后评估工作小组组长是谁？"]
    assert qset.questions[0]["must_contain"] == ["512", "380"]
    assert qset.questions[0]["source_doc"] == "淄博市十三五科技创新规划后评估报告"
    assert [where(p) for p in qset.problems] == [("", 3, "问题")]


def test_a_title_row_above_the_header_and_several_sheets():
    wb = workbook(GOOD)
    second = wb.create_sheet("第二批")
    second.append(["2021年科技局问题集"])  # a title above the header
    second.append(HEADER)
    second.append(["研发平台有多少家？", "45家", "45家", "", "", ""])
    second.append([""] * 6)  # an empty row in between
    second.append(["", "", "", "", "", ""])
    second.append(["后评估工作小组组长是谁？", "于秀栋", "于秀栋", "", "", ""])
    notes = wb.create_sheet("说明")
    notes.append(["问题", "这里只是一列说明"])  # one column name is not a header
    qset = read_table("问题集.xlsx", xlsx(wb))
    assert qset.problems == []
    assert [q["id"] for q in qset.questions] == ["问题!2", "第二批!3", "第二批!6"]


def test_unreadable_files_raise_naming_the_file(tmp_path):
    with pytest.raises(QuestionSetError, match=r"坏的\.xlsx"):
        read_table("坏的.xlsx", b"not a zip file")
    with pytest.raises(QuestionSetError, match=r"另存为"):
        read_table("旧版.xls", b"\xd0\xcf\x11\xe0")
    with pytest.raises(QuestionSetError, match=r"找不到"):
        load_question_set(tmp_path / "没有的.xlsx")
    (tmp_path / "坏.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(QuestionSetError, match=r"坏\.jsonl:1"):
        load_question_set(tmp_path / "坏.jsonl")


def test_load_question_set_reads_each_format(tmp_path):
    (tmp_path / "a.xlsx").write_bytes(template_workbook())
    (tmp_path / "b.csv").write_bytes(("\ufeff" + ",".join(HEADER) + "\n" + ",".join(GOOD)).encode("utf-8"))
    (tmp_path / "c.jsonl").write_text('{"id": "x", "question": "q"}\n', encoding="utf-8")
    sets = {p.suffix: load_question_set(p) for p in sorted(tmp_path.iterdir())}
    assert len(sets[".xlsx"].questions) == len(EXAMPLES) and sets[".xlsx"].path == tmp_path / "a.xlsx"
    assert sets[".csv"].questions[0]["question"] == GOOD[0]  # the BOM Excel writes is not part of the header
    assert sets[".jsonl"].questions == [{"id": "x", "question": "q"}]
