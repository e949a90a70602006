"""Validate an accuracy question set against the corpus it was written for.

A question set is JSONL, one question per line:

    {"id", "question", "answer", "must_contain", "evidence", "type", "section"}

plus ``"doc"`` for a many-documents set (the doc_id the evidence comes from,
``""`` for unanswerable questions). See ``eval/sets/*.jsonl``.

Usage::

    python -m reportqa.eval.validate eval/sets/seed.jsonl corpus
    python -m reportqa.eval.validate eval/sets/multi.jsonl eval/corpora/multi
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from reportqa.language.normalise import normalise_text

SEED_FIELDS = frozenset({"id", "question", "answer", "must_contain", "evidence", "type", "section"})
MULTI_FIELDS = SEED_FIELDS | {"doc"}

TYPES = frozenset(
    {
        "table_number",
        "text_number",
        "entity",
        "date",
        "list",
        "reason",
        "comparison",
        "paraphrase",
        "multi_hop",
        "multi_part",
        "unanswerable",
        "english",
        "disagreement",
    }
)
# Types whose must_contain strings need not all sit in the (short) evidence: a reason's
# key phrase only has to be in the evidence's document; the facts a multi_hop, comparison,
# multi_part or disagreement question combines only have to be somewhere in the corpus.
RELAXED_TYPES = frozenset({"multi_hop", "multi_part", "reason", "comparison", "disagreement"})
# Types that only make sense when there are several documents.
MULTI_ONLY_TYPES = frozenset({"disagreement"})

DOC_SUFFIXES = (".txt", ".md")
_CJK = re.compile(r"[\u3400-\u9fff]")
_WS = re.compile(r"\s+")


def load_questions(path: Path) -> list[dict]:
    """Read a JSONL question set. Blank lines are skipped; bad JSON raises ValueError."""
    questions: list[dict] = []
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{lineno}: invalid JSON: {exc}") from exc
        if not isinstance(obj, dict):
            raise ValueError(f"{path}:{lineno}: not a JSON object")
        questions.append(obj)
    return questions


def load_corpus(corpus_dir: Path) -> dict[str, str]:
    """doc_id (path relative to corpus_dir, forward slashes) -> text, for every .txt/.md file, normalised
    as on load (the text the index holds, which evidence strings must match)."""
    corpus_dir = Path(corpus_dir)
    docs: dict[str, str] = {}
    for path in sorted(corpus_dir.rglob("*")):
        if path.is_file() and path.suffix in DOC_SUFFIXES:
            docs[path.relative_to(corpus_dir).as_posix()] = normalise_text(path.read_text(encoding="utf-8"))
    return docs


def _squash(text: str) -> str:
    return _WS.sub("", text)


def _check_strings(q: dict, label: str, problems: list[str]) -> bool:
    ok = True
    for key in ("id", "question", "answer", "evidence", "type", "section", "doc"):
        if key in q and not isinstance(q[key], str):
            problems.append(f"{label}: field {key!r} must be a string")
            ok = False
    mc = q.get("must_contain")
    if "must_contain" in q and not (isinstance(mc, list) and all(isinstance(s, str) for s in mc)):
        problems.append(f"{label}: must_contain must be a list of strings")
        ok = False
    return ok


def validate_questions(questions: list[dict], docs: dict[str, str], *, multi: bool | None = None) -> list[str]:
    """Check parsed questions against the corpus `docs`; return the problems found.

    `multi` selects the schema (with ``doc``); by default it is inferred: a set is a
    many-documents set when any of its questions has a ``doc`` field.
    """
    problems: list[str] = []
    if multi is None:
        multi = any("doc" in q for q in questions)
    fields = MULTI_FIELDS if multi else SEED_FIELDS
    if not docs:
        problems.append("corpus is empty")
    squashed_docs = {doc_id: _squash(text) for doc_id, text in docs.items()}
    seen: dict[str, int] = {}

    for i, q in enumerate(questions, start=1):
        qid = q.get("id") if isinstance(q.get("id"), str) else ""
        label = f"#{i} ({qid or 'no id'})"
        missing = fields - q.keys()
        extra = q.keys() - fields
        if missing:
            problems.append(f"{label}: missing field(s) {sorted(missing)}")
        if extra:
            problems.append(f"{label}: unexpected field(s) {sorted(extra)}")
        if not _check_strings(q, label, problems):
            continue

        for key in ("id", "question", "type"):
            if key in q and not q[key].strip():
                problems.append(f"{label}: empty {key}")
        if qid:
            if qid in seen:
                problems.append(f"{label}: duplicate id {qid!r} (first at #{seen[qid]})")
            else:
                seen[qid] = i

        qtype = q.get("type", "")
        if qtype and qtype not in TYPES:
            problems.append(f"{label}: unknown type {qtype!r}")
        elif qtype in MULTI_ONLY_TYPES and not multi:
            problems.append(f"{label}: type {qtype!r} needs a many-documents set (with 'doc')")

        question = q.get("question", "")
        answer = q.get("answer", "")
        evidence = q.get("evidence", "")
        must = q.get("must_contain", [])
        section = q.get("section", "")
        doc = q.get("doc", "")
        if "answer" in q and not answer.strip():
            problems.append(f"{label}: empty answer")
        if qtype == "english" and _CJK.search(question):
            problems.append(f"{label}: english question contains Chinese characters")

        if qtype == "unanswerable":
            if must:
                problems.append(f"{label}: unanswerable question must have must_contain == []")
            if evidence:
                problems.append(f"{label}: unanswerable question must have evidence == ''")
            if section:
                problems.append(f"{label}: unanswerable question must have section == ''")
            if doc:
                problems.append(f"{label}: unanswerable question must have doc == ''")
            continue
        if not qtype or qtype not in TYPES:
            continue

        # answerable from here on
        if not must:
            problems.append(f"{label}: answerable question has empty must_contain")
        if not evidence:
            problems.append(f"{label}: answerable question has empty evidence")
        if evidence and evidence != evidence.strip():
            problems.append(f"{label}: evidence has leading/trailing whitespace")
        if not section.strip():
            problems.append(f"{label}: answerable question has empty section")
        for s in must:
            if not s.strip():
                problems.append(f"{label}: empty string in must_contain")
            elif s not in answer:
                problems.append(f"{label}: must_contain {s!r} not in answer")
        if len(set(must)) != len(must):
            problems.append(f"{label}: duplicate strings in must_contain")

        # where the evidence must be
        if multi:
            if "doc" not in q:
                continue
            if not doc:
                problems.append(f"{label}: answerable question has empty doc")
                continue
            if doc not in docs:
                problems.append(f"{label}: doc {doc!r} not in corpus")
                continue
            home = {doc: docs[doc]}
        else:
            home = docs
        if evidence:
            found_in = [d for d, text in home.items() if evidence in text]
            if not found_in:
                where = f"doc {doc!r}" if multi else "the corpus"
                problems.append(f"{label}: evidence not found verbatim in {where}: {evidence[:40]!r}")
            if multi:
                others = [d for d, text in docs.items() if d != doc and evidence in text]
                if others:
                    problems.append(f"{label}: evidence also occurs in other document(s) {others[:3]}")
        else:
            found_in = []

        # where the must_contain strings must be
        for s in must:
            if not s.strip() or s in evidence:
                continue
            if qtype in RELAXED_TYPES:
                # reason: the key phrase must be in the evidence's document; facts combined by
                # multi_hop/comparison/disagreement may come from another document of the corpus.
                scope = home if qtype == "reason" else docs
                if not any(s in text for text in scope.values()):
                    where = f"doc {doc!r}" if (multi and qtype == "reason") else "the corpus"
                    problems.append(f"{label}: must_contain {s!r} not found in {where}")
            else:
                problems.append(f"{label}: must_contain {s!r} not in evidence")

        # every heading of the section path appears in the evidence's document
        if section.strip() and found_in:
            target = squashed_docs[found_in[0]]
            for heading in section.split(" > "):
                if _squash(heading) not in target:
                    problems.append(f"{label}: section heading {heading!r} not found in {found_in[0]!r}")
    return problems


def validate_set(questions_path: Path, corpus_dir: Path) -> list[str]:
    """Validate the JSONL set at `questions_path` against the documents under `corpus_dir`."""
    questions_path = Path(questions_path)
    problems: list[str] = []
    questions: list[dict] = []
    try:
        text = questions_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [f"cannot read {questions_path}: {exc}"]
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {lineno}: invalid JSON: {exc}")
            continue
        if not isinstance(obj, dict):
            problems.append(f"line {lineno}: not a JSON object")
            continue
        questions.append(obj)
    if not questions:
        problems.append("no questions")
    if not Path(corpus_dir).is_dir():
        return [*problems, f"corpus folder not found: {corpus_dir}"]
    return problems + validate_questions(questions, load_corpus(Path(corpus_dir)))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m reportqa.eval.validate SET.jsonl CORPUS_DIR", file=sys.stderr)
        return 2
    problems = validate_set(Path(args[0]), Path(args[1]))
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) in {args[0]}", file=sys.stderr)
        return 1
    n = len(load_questions(Path(args[0])))
    print(f"{args[0]}: {n} questions, no problems")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
