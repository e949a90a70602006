"""The question set template officials download: a 问题 sheet with example rows and a 填写说明 sheet.

    data = template_workbook()          # .xlsx bytes; the app's download button and `reportqa eval --template`

Made on demand from the same column definitions the reader uses (`eval/sheets.py`), so the
template and the reader cannot drift apart; `read_table` reads it back to `EXAMPLES`. The examples
are real questions on the bundled corpus, so the template runs as it is.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from reportqa.eval.sheets import COLUMNS, REFUSE

QUESTION_SHEET = "问题"
HELP_SHEET = "填写说明"
TEMPLATE_NAME = "问题集模板.xlsx"

# one tuple per row, in the order of COLUMNS: 问题, 标准答案, 必含内容, 出处文档, 类型, 应拒答
EXAMPLES: tuple[tuple[str, ...], ...] = (
    (
        "2019年高新技术企业有多少家？",
        "2019年度淄博市高新技术企业数为512家。",
        "512",
        "淄博市十三五科技创新规划后评估报告",
        "表格数字",
        "否",
    ),
    (
        "2019年有多少家企业享受了研究开发财政补助，补助总额多少？",
        "2019年共有560家企业享受研究开发财政补助，补助总额1.69亿元。",
        "560、1.69亿元",
        "",
        "文字数字",
        "否",
    ),
    ("后评估工作小组组长是谁？", "组长是于秀栋（市科技局党组书记、局长）。", "于秀栋", "", "人名机构", "否"),
    ("2023年高新技术企业有多少家？", "文中未提及。", "", "", "应拒答", "是"),
)
WIDTHS = (44, 44, 18, 30, 12, 8)
INSTRUCTIONS = (
    "如何填写问题集",
    "",
    "1. 在“问题”工作表中，一行写一个问题；示例行可以删除或改写。第一行的列名请勿改动。",
    "2. “必含内容”写系统回答中必须出现的数字或词语，多个用“、”或“；”分隔，全部出现才算答对。"
    "数字请照文档的写法填写（如 1.69亿元、2.63%）。",
    "3. 文档中没有答案的问题，“应拒答”填“是”，“标准答案”和“必含内容”可留空；系统回答“文中未提及”即算正确。",
    "4. 也可另存为 CSV（UTF-8 或 GBK 编码均可），列名相同。",
    "5. 在问答页面侧栏以管理员身份登录，进入“准确率评测”，上传本文件并运行。"
    "有问题的行会标明工作表、行号和列名，其余的行照常运行。",
    "",
)
_HEAD_FILL = PatternFill("solid", start_color="DDEBF7")


def template_workbook() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = QUESTION_SHEET
    sheet.append([c.name for c in COLUMNS])
    for column, cell, width in zip(COLUMNS, sheet[1], WIDTHS, strict=True):
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
        cell.comment = Comment(f"{'必填列' if column.required else '选填列'}：{column.help}", "reportqa")
        sheet.column_dimensions[cell.column_letter].width = width
    for row in EXAMPLES:
        sheet.append(list(row))
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    refuse_letter = sheet.cell(1, COLUMNS.index(REFUSE) + 1).column_letter
    choice = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
    choice.error, choice.errorTitle = "只能填“是”或“否”", REFUSE.name
    choice.add(f"{refuse_letter}2:{refuse_letter}1000")
    sheet.add_data_validation(choice)
    sheet.freeze_panes = "A2"

    guide = workbook.create_sheet(HELP_SHEET)
    for line in INSTRUCTIONS:
        guide.append([line])
    guide["A1"].font = Font(bold=True, size=14)
    guide.append(["列名", "是否必填", "填写方法"])
    for cell in guide[guide.max_row]:
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
    for column in COLUMNS:
        guide.append([column.name, "必填" if column.required else "选填", column.help])
    guide.column_dimensions["A"].width = 14
    guide.column_dimensions["B"].width = 10
    guide.column_dimensions["C"].width = 100

    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
