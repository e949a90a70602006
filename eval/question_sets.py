"""Where question sets live, how any of them is read, and how an official's 出处文档 names a document.

qset = load_question_set(Path("问题集.xlsx"))     # .jsonl (developers), .xlsx or .csv (officials)
saved_sets(settings)                              # sets saved from the app: evaluation/sets/*
qset = resolve_sources(qset, engine.documents())  # 出处文档 -> "doc" (a doc_id), or a row problem
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from reportqa.core.models import DocumentMeta
from reportqa.core.settings import Settings
from reportqa.eval.rows import QuestionSet, RowProblem
from reportqa.eval.sheets import SOURCE_DOC, QuestionSetError, read_table
from reportqa.eval.validate import load_questions

SET_SUFFIXES = (".xlsx", ".csv", ".jsonl")
FEEDBACK_SET = "来自反馈"  # the cases made from 👎 answers: run by every evaluation
_NAME_NOISE = re.compile(r"[\s《》〈〉“”\"'「」『』]")
_DOC_SUFFIX = re.compile(r"\.(txt|md|docx|pdf)$", re.IGNORECASE)


def sets_dir(settings: Settings) -> Path:
    return settings.evaluation_dir / "sets"


def history_dir(settings: Settings) -> Path:
    return settings.evaluation_dir / "history"


def feedback_set_path(settings: Settings) -> Path:
    return sets_dir(settings) / f"{FEEDBACK_SET}.jsonl"


def load_question_set(path: Path) -> QuestionSet:
    """Read the set at `path` by its suffix; QuestionSetError names the file when it cannot be read at all."""
    path = Path(path)
    if not path.is_file():
        raise QuestionSetError(f"{path}：找不到这个问题集文件")
    if path.suffix.lower() == ".jsonl":
        try:
            return QuestionSet(path.stem, path, load_questions(path))
        except (ValueError, UnicodeDecodeError) as exc:
            raise QuestionSetError(str(exc)) from exc
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise QuestionSetError(f"{path}：无法读取（{exc.strerror or exc}）") from exc
    return replace(read_table(path.name, data), path=path)


def saved_sets(settings: Settings) -> list[Path]:
    """The question sets saved from the app (the 来自反馈 set among them), by name."""
    folder = sets_dir(settings)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SET_SUFFIXES)


def _name_key(text: str) -> str:
    return _DOC_SUFFIX.sub("", _NAME_NOISE.sub("", text)).lower()


def match_document(name: str, documents: Mapping[str, DocumentMeta]) -> list[str]:
    """The doc_ids `name` denotes: the one whose file name or title it is, else every one it is part of.

    >>> docs = {"a/深圳2020.txt": DocumentMeta("深圳市政府工作报告"), "b.txt": DocumentMeta("《淄博市规划》评估报告")}
    >>> match_document("深圳2020", docs), match_document("淄博市规划", docs), match_document("报告", docs)
    (['a/深圳2020.txt'], ['b.txt'], ['a/深圳2020.txt', 'b.txt'])
    """
    key = _name_key(name)
    if not key:
        return []
    names = {
        doc_id: {_name_key(Path(doc_id).name), _name_key(doc_id), _name_key(meta.title)}
        for doc_id, meta in documents.items()
    }
    exact = [doc_id for doc_id, keys in names.items() if key in keys]
    if exact:
        return sorted(exact)
    return sorted(doc_id for doc_id, keys in names.items() if any(key in k for k in keys if k))


def resolve_sources(qset: QuestionSet, documents: Mapping[str, DocumentMeta]) -> QuestionSet:
    """Give each question with a 出处文档 the "doc" it names; a name matching no single document is a row problem."""
    questions: list[dict] = []
    problems = list(qset.problems)
    for q in qset.questions:
        name = q.get("source_doc", "")
        if not name:
            questions.append(q)
            continue
        found = match_document(name, documents)
        if len(found) == 1:
            questions.append({**q, "doc": found[0]})
            continue
        if found:
            listed = "、".join(found[:3]) + ("等" if len(found) > 3 else "")
            message = f"“{name}”对应多份文档（{listed}），请写出完整的标题或文件名。该行未运行"
        else:
            message = f"已收录的文档中没有“{name}”，请对照文档列表填写标题或文件名。该行未运行"
        problems.append(RowProblem(qset.path.name, q.get("sheet", ""), q.get("row", 0), SOURCE_DOC.name, message))
    return replace(qset, questions=questions, problems=problems)
