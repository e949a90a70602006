"""A question set in memory, and what is wrong with the rows that could not be used.

    qset = QuestionSet("问题集", Path("问题集.xlsx"), questions, problems)
    for problem in qset.problems:
        print(problem)   # 问题集.xlsx 工作表“问题” 第5行 “问题”列：为空。该行未运行。

A question is a dict: the JSONL schema of `eval/validate.py` for developers' sets; for officials'
sets (`eval/sheets.py`) ``{"id", "question", "answer", "must_contain", "type", "refuse",
"source_doc", "sheet", "row"}``, and ``"doc"`` once ``source_doc`` is matched to an indexed document.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path


@dataclass(frozen=True)
class RowProblem:
    """Why one row (or, with row 0, a whole sheet or file) was left out of the run."""

    file: str  # the file name the official chose
    sheet: str  # "" for CSV and JSONL
    row: int  # as Excel numbers it (the header is row 1); 0: the whole sheet or file
    column: str  # the header of the offending column; "" for the whole row
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.sheet:
            where.append(f"工作表“{self.sheet}”")
        if self.row:
            where.append(f"第{self.row}行")
        if self.column:
            where.append(f"“{self.column}”列")
        return f"{' '.join(where)}：{self.message}"

    def to_json(self) -> dict:
        return {"file": self.file, "sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}

    @classmethod
    def from_json(cls, data: dict) -> RowProblem:
        return cls(data["file"], data["sheet"], data["row"], data["column"], data["message"])


@dataclass(frozen=True)
class QuestionSet:
    """The usable questions of one file, in file order, and the rows left out."""

    name: str  # the file's stem: names the run and the output folder
    path: Path
    questions: list[dict]
    problems: list[RowProblem] = field(default_factory=list)

    def head(self, limit: int | None) -> QuestionSet:
        """The first `limit` questions (all with None)."""
        return self if limit is None else replace(self, questions=self.questions[:limit])
