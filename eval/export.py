"""A kept run as an Excel workbook an official can file, filter and forward.

    data = results_workbook(load_run(history_dir(settings), run_id))    # .xlsx bytes

Sheets: 汇总 (when, which index and settings, the summary, per type), 逐题结果 (one row per question,
✗ rows shaded, filterable) and, when rows were left out, 未运行的行 (sheet, row, column, what is wrong).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from reportqa.eval.history import StoredRun
from reportqa.eval.results import SUMMARY_LABELS, rate_text, summary_rows

RESULT_HEADERS = ("结果", "位置", "问题", "类型", "标准答案", "必含内容", "系统回答", "第一条出处", "未通过原因")
RESULT_WIDTHS = (6, 10, 36, 12, 30, 16, 50, 50, 30)
PROBLEM_HEADERS = ("文件", "工作表", "行", "列", "问题")
_BOLD = Font(bold=True)
_FAILED = PatternFill("solid", start_color="FDE2E1")
_WRAP = Alignment(wrap_text=True, vertical="top")


def results_workbook(run: StoredRun) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    summary.title = "汇总"
    _summary_sheet(summary, run)
    _results_sheet(workbook.create_sheet("逐题结果"), run)
    if run.problems:
        problems = workbook.create_sheet("未运行的行")
        _table(problems, PROBLEM_HEADERS, [(p.file, p.sheet, p.row or "", p.column, p.message) for p in run.problems])
        _widths(problems, (20, 12, 6, 12, 80))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _summary_sheet(ws: Worksheet, run: StoredRun) -> None:
    info = run.info
    about = [
        ("评测时间", info.finished_at.replace("T", " ")),
        ("问题集", info.set_name),
        ("其中来自反馈的测试用例", info.feedback_cases),
        ("未运行的行", info.skipped_rows),
        ("索引版本", info.index_version),
        ("向量模型", info.embedder),
        ("回答方式", info.answer_mode),
        *summary_rows(info.metrics),
    ]
    for n, (label, value) in enumerate(about, start=1):
        _put(ws, n, 1, label).font = _BOLD
        _put(ws, n, 2, value)
    header = ("类型", "问题数", *(label for _, label in SUMMARY_LABELS))
    rows = [
        (qtype, m.n, *(rate_text(getattr(m, key)) for key, _ in SUMMARY_LABELS)) for qtype, m in info.by_type.items()
    ]
    _table(ws, header, rows, first_row=len(about) + 2)
    _widths(ws, (22, 40, 16, 16, 16, 16))


def _results_sheet(ws: Worksheet, run: StoredRun) -> None:
    rows = [
        (
            r.mark,
            r.id,
            r.question,
            r.type,
            r.expected,
            "、".join(r.must_contain),
            r.answer,
            r.first_citation,
            r.why,
        )
        for r in run.results
    ]
    _table(ws, RESULT_HEADERS, rows)
    for result, excel_row in zip(run.results, ws.iter_rows(min_row=2), strict=True):
        for cell in excel_row:
            cell.alignment = _WRAP
            if not result.passed:
                cell.fill = _FAILED
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions  # Excel's own filter: 结果 = ✗ shows the failures
    _widths(ws, RESULT_WIDTHS)


def _table(ws: Worksheet, header: Sequence[str], rows: Sequence[Sequence], first_row: int = 1) -> None:
    for col, name in enumerate(header, start=1):
        _put(ws, first_row, col, name).font = _BOLD
    for offset, row in enumerate(rows, start=1):
        for col, value in enumerate(row, start=1):
            _put(ws, first_row + offset, col, value)


def _put(ws: Worksheet, row: int, col: int, value: object) -> Cell:
    cell = ws.cell(row, col, value)
    if cell.data_type == "f":  # a passage, answer or name starting with "=" is text, never a formula
        cell.data_type = "s"
    return cell


def _widths(ws: Worksheet, widths: Sequence[int]) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[ws.cell(1, col).column_letter].width = width
