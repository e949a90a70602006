"""Question sets as officials write them: an Excel workbook (.xlsx) or a CSV file with Chinese headers.

    qset = read_table("问题集.xlsx", data)      # -> QuestionSet: the usable rows, and a RowProblem per bad row
    qset.questions[0]
    # {"id": "问题!2", "question": "2019年高新技术企业有多少家？", "answer": "…", "must_contain": ["512"],
    #  "type": "表格数字", "refuse": False, "source_doc": "淄博市…评估报告", "sheet": "问题", "row": 2}

Every sheet with a header row (two or more of the column names, in one of its first five filled
rows) is read; others, like the template's 填写说明 sheet, are passed over. A bad row is left out
with a problem naming its sheet, row and column; the good rows still run. Only a file that cannot
be read at all raises `QuestionSetError`.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from reportqa.core.errors import ReportQAError
from reportqa.eval.rows import QuestionSet, RowProblem


class QuestionSetError(ReportQAError):
    """A question set file that cannot be read at all; the message names the file and what to do."""

    code = "question_set"


@dataclass(frozen=True)
class Column:
    name: str  # the header, exactly
    required: bool  # the header must be present (its cells may still be empty where the help says so)
    help: str  # for the template's instructions sheet


QUESTION = Column("问题", True, "要问系统的问题，一行一个。")
EXPECTED = Column("标准答案", True, "正确的回答，供人核对；“应拒答”为“是”时可留空。")
MUST_CONTAIN = Column(
    "必含内容",
    True,
    "系统回答中必须出现的数字或词语，多个用“、”或“；”分隔，全部出现才算答对；“应拒答”为“是”时留空。",
)
SOURCE_DOC = Column(
    "出处文档", False, "答案所在文档的标题或文件名（可只写其中一段）；填写后，引用须来自这份文档才算引用正确。"
)
TYPE = Column("类型", False, "问题的分类，如“表格数字”“文字数字”“原因”；结果按类型分别统计。留空为“未分类”。")
REFUSE = Column("应拒答", False, "文档中没有答案、系统应回答“文中未提及”的问题填“是”；其余填“否”或留空。")
COLUMNS: tuple[Column, ...] = (QUESTION, EXPECTED, MUST_CONTAIN, SOURCE_DOC, TYPE, REFUSE)

TABLE_SUFFIXES = (".xlsx", ".csv")
UNTYPED = "未分类"
REFUSAL_TYPE = "应拒答"  # the type of a refusal question that names none
_SEPARATORS = re.compile(r"[、；;\n]")
_YES, _NO = frozenset({"是", "应拒答"}), frozenset({"否", ""})
HEADER_SEARCH_ROWS = 5


def split_must_contain(text: str) -> list[str]:
    """'512、380；2.63%' -> ['512', '380', '2.63%']: trimmed, empty parts and repeats dropped.

    >>> split_must_contain(" 512、380；512 ;")
    ['512', '380']
    """
    return list(dict.fromkeys(part.strip() for part in _SEPARATORS.split(text) if part.strip()))


def read_table(name: str, data: bytes) -> QuestionSet:
    """The questions of an .xlsx or .csv file called `name` (its bytes `data`)."""
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        sheets = _xlsx_sheets(name, data)
    elif suffix == ".csv":
        sheets = [_csv_sheet(name, data)]
    elif suffix == ".xls":
        raise QuestionSetError(f"{name}：是旧版 Excel 文件（.xls）；请在 Excel 中“另存为”Excel 工作簿（.xlsx）")
    else:
        raise QuestionSetError(f"{name}：只能读取 .xlsx、.csv 或 .jsonl 问题集")
    reader = _Reader(name)
    for sheet in sheets:
        reader.read(sheet)
    if not reader.found_header:
        reader.problems.append(
            RowProblem(
                name, "", 0, "", f"没有找到表头；第一行须有“{'”“'.join(c.name for c in COLUMNS if c.required)}”等列"
            )
        )
    return QuestionSet(Path(name).stem, Path(name), reader.questions, reader.problems)


# --- reading cells -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cell:
    """One cell as the official sees it: its text, or why it cannot be read."""

    text: str = ""
    problem: str = ""


@dataclass(frozen=True)
class _Sheet:
    name: str  # "" for CSV
    rows: list[tuple[int, list[_Cell]]]  # (row number as shown, cells from column A on)


def _xlsx_sheets(name: str, data: bytes) -> list[_Sheet]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # data_only: a formula's last computed value, as Excel shows it, not the formula
        workbook = load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise QuestionSetError(
            f"{name}：不是有效的 Excel 工作簿（{type(exc).__name__}）；请在 Excel 中打开后“另存为”.xlsx 再试"
        ) from exc
    sheets = []
    for ws in workbook.worksheets:
        covered: dict[tuple[int, int], str] = {}  # (row, column) of cells hidden under a merge -> its range
        for merged in ws.merged_cells.ranges:
            for row, col in merged.cells:
                if (row, col) != (merged.min_row, merged.min_col):
                    covered[row, col] = merged.coord
        rows = []
        for row in ws.iter_rows():
            cells = []
            for cell in row:
                spot = (cell.row, cell.column)
                if spot in covered:
                    message = f"属于合并单元格 {covered[spot]}，读不到内容；请取消合并，每行分别填写"
                    cells.append(_Cell(problem=message))
                else:
                    cells.append(_xlsx_cell(cell.value, cell.number_format))
            if row:
                rows.append((row[0].row, cells))
        sheets.append(_Sheet(ws.title, rows))
    return sheets


def _xlsx_cell(value: object, number_format: str) -> _Cell:
    if value is None:
        return _Cell()
    if isinstance(value, bool):  # before int: bool is an int
        return _Cell("是" if value else "否")
    if isinstance(value, datetime | date | time):
        return _Cell(problem=f"是日期格式（{value}）；请把单元格设为“文本”后重新填写")
    if isinstance(value, int | float):
        return _Cell(number_text(value, number_format))
    return _Cell(str(value).strip())


def number_text(value: float, number_format: str = "General") -> str:
    """A number cell as the text its official typed: 512 not 512.0, 2.63% for 0.0263 shown as a percentage.

    >>> number_text(512.0), number_text(0.0263, "0.00%"), number_text(0.1 + 0.2), number_text(2.7)
    ('512', '2.63%', '0.3', '2.7')
    """
    if "%" in number_format:
        decimals = len(number_format.split(".")[1].split("%")[0]) if "." in number_format else 0
        return f"{value * 100:.{decimals}f}%"
    # 15 significant digits is what Excel shows; it hides binary noise (0.30000000000000004)
    text = format(value, ".15g")
    return text if "e" not in text else format(value, "f").rstrip("0").rstrip(".")


def _csv_sheet(name: str, data: bytes) -> _Sheet:
    from reportqa.ingest.loaders import decode_text

    text = decode_text(Path(name), data).removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise QuestionSetError(f"{name}：不是有效的 CSV 文件（{exc}）；请在 Excel 中“另存为”CSV UTF-8 再试") from exc
    # rows numbered as Excel shows the file: one per record, a cell with line breaks is still one row
    return _Sheet("", [(n, [_Cell(v.strip()) for v in record]) for n, record in enumerate(records, start=1)])


# --- rows into questions -------------------------------------------------------------------------


class _Reader:
    """Turns the sheets of one file into questions and row problems."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.questions: list[dict] = []
        self.problems: list[RowProblem] = []
        self.found_header = False
        self._seen: dict[str, str] = {}  # question text -> where it was first

    def problem(self, sheet: str, row: int, column: str, message: str) -> None:
        self.problems.append(RowProblem(self.file, sheet, row, column, message))

    def read(self, sheet: _Sheet) -> None:
        filled = [(n, cells) for n, cells in sheet.rows if any(c.text or c.problem for c in cells)]
        known = {c.name for c in COLUMNS}
        # the header is the first row naming two of the columns (a list of the columns, one a row, as
        # in the template's instructions, is not); a title or a note may stand above it
        at = next(
            (i for i, (_, cells) in enumerate(filled[:HEADER_SEARCH_ROWS]) if len(known & _texts(cells)) >= 2), None
        )
        if at is None:
            return  # not a question sheet (e.g. the template's instructions)
        header_row, header_cells = filled[at]
        positions = self._header(sheet.name, header_row, header_cells)
        if positions is None:
            return
        for row, cells in filled[at + 1 :]:
            self._row(sheet.name, row, {c.name: cells[i] if i < len(cells) else _Cell() for c, i in positions})

    def _header(self, sheet: str, row: int, cells: Sequence[_Cell]) -> list[tuple[Column, int]] | None:
        """The known columns and their positions; None (after a problem) when a required one is missing."""
        names = [c.text for c in cells]
        known = [c for c in COLUMNS if c.name in names]
        self.found_header = True
        for column in known:
            if names.count(column.name) > 1:
                self.problem(sheet, row, column.name, "表头出现了两次；请删去多余的一列。这个工作表未运行")
                return None
        missing = [c for c in COLUMNS if c.required and c not in known]
        for column in missing:
            self.problem(sheet, row, column.name, "表头中缺少这一列（须与模板的列名一字不差）。这个工作表未运行")
        return None if missing else [(c, names.index(c.name)) for c in known]

    def _row(self, sheet: str, row: int, cells: dict[str, _Cell]) -> None:
        if not any(c.text or c.problem for c in cells.values()):
            return  # only columns we do not read are filled: a note beside the table
        bad = [(name, cell.problem) for name, cell in cells.items() if cell.problem]
        for name, message in bad:
            self.problem(sheet, row, name, message + "。该行未运行")
        if bad:
            return
        text = {name: cell.text for name, cell in cells.items()}
        question = text[QUESTION.name]
        if not question:
            self.problem(sheet, row, QUESTION.name, "为空。该行未运行")
            return
        refuse_text = text.get(REFUSE.name, "")
        if refuse_text not in _YES | _NO:
            self.problem(sheet, row, REFUSE.name, f"只能填“是”或“否”（留空即“否”），这里是“{refuse_text}”。该行未运行")
            return
        refuse = refuse_text in _YES
        must = split_must_contain(text[MUST_CONTAIN.name])
        if refuse and must:
            self.problem(
                sheet, row, MUST_CONTAIN.name, "应拒答的问题不用填写；若文档中有答案，请把“应拒答”改为“否”。该行未运行"
            )
            return
        if not refuse:
            for column, value in ((EXPECTED, text[EXPECTED.name]), (MUST_CONTAIN, must)):
                if not value:
                    self.problem(sheet, row, column.name, _EMPTY_HELP[column.name] + "。该行未运行")
                    return
        where = f"工作表“{sheet}”第{row}行" if sheet else f"第{row}行"
        first = self._seen.setdefault(question, where)
        if first != where:
            self.problem(sheet, row, QUESTION.name, f"与{first}的问题重复。该行未运行")
            return
        self.questions.append(
            {
                "id": f"{sheet}!{row}" if sheet else str(row),
                "question": question,
                "answer": text[EXPECTED.name],
                "must_contain": must,
                "type": text.get(TYPE.name) or (REFUSAL_TYPE if refuse else UNTYPED),
                "refuse": refuse,
                "source_doc": text.get(SOURCE_DOC.name, ""),
                "sheet": sheet,
                "row": row,
            }
        )


_EMPTY_HELP = {
    EXPECTED.name: "为空；请填写正确的回答（文档中没有答案的问题请在“应拒答”填“是”）",
    MUST_CONTAIN.name: "为空；请填写回答中必须出现的数字或词语，多个用“、”分隔"
    "（文档中没有答案的问题请在“应拒答”填“是”）",
}


def _texts(cells: Iterable[_Cell]) -> set[str]:
    return {c.text for c in cells}
