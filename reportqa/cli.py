"""The `reportqa` command: parses arguments and calls the pipeline, nothing more.

Exit codes: 0 done; 1 `eval --check-floors` found a metric below its floor; 2 the command failed on
something the user can fix (a bad question, option, file, folder or setting); 3 a defect in reportqa;
130 interrupted. A failure prints one line "错误：…" on stderr, never a traceback; under `--json` it
prints one object `{"error": {"code": ..., "message": ...}}` on stdout instead (`code`: "usage",
"encoding", "internal" or the `code` of the `core.errors` class).
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from reportqa.core.errors import ReportQAError, has_bytes_not_utf8, os_error_reason, printable
from reportqa.core.settings import AnswerMode, Settings, load_settings

EXIT_USER_ERROR = 2
EXIT_DEFECT = 3

app = typer.Typer(help="reportqa: 政府报告问答（带出处）", no_args_is_help=True, add_completion=False)
console = Console(stderr=True, soft_wrap=True)  # messages and summaries stay one line each, for logs and greps


def _settings(corpus: Path | None = None, index: Path | None = None) -> Settings:
    overrides = {}
    if corpus is not None:
        overrides["corpus_dir"] = corpus
    if index is not None:
        overrides["index_dir"] = index
    return load_settings(**overrides)


CorpusOption = Annotated[Path | None, typer.Option("--corpus", help="documents folder (default: corpus/)")]
IndexOption = Annotated[Path | None, typer.Option("--index", help="index folder (default: index/)")]


@app.command()
def ingest(
    full: Annotated[bool, typer.Option("--full", help="rebuild everything, reusing nothing")] = False,
    watch: Annotated[bool, typer.Option("--watch", help="keep following the corpus folder")] = False,
    allow_empty: Annotated[
        bool, typer.Option("--allow-empty", help="publish an empty index even over one with documents")
    ] = False,
    corpus: CorpusOption = None,
    index: IndexOption = None,
) -> None:
    """(Re)build the index from the corpus: keyword-searchable first, then only new passages are embedded."""
    from reportqa.indexing.build import build_index
    from reportqa.indexing.watch import watch_corpus

    settings = _settings(corpus, index)
    with _progress() as progress:
        report = build_index(
            settings,
            full=full,
            allow_empty=allow_empty,
            progress=_progress_callback(progress),
            notify=lambda note: progress.console.print(note, markup=False, highlight=False),
        )
    _print_build_report(report)
    if watch:
        console.print(f"watching {settings.corpus_dir} for changes (Ctrl+C to stop)")
        with contextlib.suppress(KeyboardInterrupt):
            watch_corpus(settings, on_report=_print_build_report)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="the question, in Chinese or English")],
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
    doc: Annotated[str | None, typer.Option("--doc", help="only documents whose path or title matches")] = None,
    top_k: Annotated[int | None, typer.Option("--top-k", min=1, max=50)] = None,
    mode: Annotated[AnswerMode | None, typer.Option("--mode", help="default: the answer_mode setting")] = None,
    corpus: CorpusOption = None,
    index: IndexOption = None,
) -> None:
    """Answer a question from the indexed reports, with citations."""
    from reportqa.engine import Engine

    engine = Engine.open(_settings(corpus, index))
    answer = engine.ask(question, doc_filter=doc, top_k=top_k, mode=mode)
    if as_json:
        _print_json(answer.to_json())
        return
    out = Console()
    out.print(answer.answer, markup=False, highlight=False)
    for citation in answer.citations:
        out.print(f"\n[{citation.n}] {citation.title or citation.doc} · {citation.section}", markup=False, style="bold")
        out.print(citation.text, markup=False, highlight=False)
    for warning in answer.warnings:
        console.print(f"注意：{warning}", markup=False, style="yellow")


@app.command()
def docs(corpus: CorpusOption = None, index: IndexOption = None) -> None:
    """List the indexed documents with their metadata."""
    from reportqa.engine import Engine

    engine = Engine.open(_settings(corpus, index))
    table = Table("document", "title", "place", "year", "kind")
    for doc_id, meta in sorted(engine.documents().items()):
        table.add_row(doc_id, meta.title, meta.place, str(meta.year or ""), meta.kind)
    Console().print(table)


@app.command("eval")
def eval_(
    set_path: Annotated[
        Path | None, typer.Option("--set", help="question set: .xlsx, .csv or .jsonl (default: eval/sets/seed.jsonl)")
    ] = None,
    corpus: CorpusOption = None,
    out: Annotated[Path | None, typer.Option("--out", help="output folder (default: eval/out/<set name>/)")] = None,
    baseline: Annotated[bool, typer.Option("--baseline", help="also run the plain splitter + FAISS recipe")] = False,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="only the first N questions")] = None,
    check_floors: Annotated[
        bool, typer.Option("--check-floors", help="exit 1 below eval/floors.json (the set alone, no 来自反馈 cases)")
    ] = False,
    feedback: Annotated[bool, typer.Option(help="also run the 来自反馈 cases made from 👎 answers")] = True,
    compare: Annotated[
        tuple[str, str] | None,
        typer.Option("--compare", metavar="RUN_A RUN_B", help="questions that changed between two kept runs"),
    ] = None,
    history: Annotated[bool, typer.Option("--history", help="list the kept runs")] = False,
    template: Annotated[
        Path | None, typer.Option("--template", help="write the Excel question set template to this file")
    ] = None,
) -> None:
    """Measure retrieval, answer, citation and refusal accuracy on a question set; every run is kept."""
    from reportqa.eval.floors import check_floors as floor_problems
    from reportqa.eval.floors import load_floors
    from reportqa.eval.history import compare as compare_runs
    from reportqa.eval.history import list_runs, load_run
    from reportqa.eval.question_sets import history_dir
    from reportqa.eval.report import diff_table, history_table, summary_table
    from reportqa.eval.runner import DEFAULT_SET, evaluate
    from reportqa.eval.template import template_workbook

    settings = _settings()
    if template is not None:
        template.write_bytes(template_workbook())
        console.print(f"wrote {template}", markup=False)
        return
    if history:
        Console().print(history_table(list_runs(history_dir(settings))))
        return
    if compare is not None:
        runs = [load_run(history_dir(settings), name) for name in compare]
        Console().print(diff_table(compare_runs(*runs)))
        return
    set_path = set_path.resolve() if set_path is not None else settings.home / DEFAULT_SET
    floors = load_floors(set_path) if check_floors else None  # a bad floors file fails before the run
    with _progress() as progress:
        run = evaluate(
            settings,
            set_path,
            corpus=corpus,
            out_dir=out,
            baseline=baseline,
            limit=limit,
            include_feedback=feedback and not check_floors,
            progress=_progress_callback(progress),
        )
    for problem in run.problems:
        console.print(f"未运行：{problem}", markup=False, style="yellow")
    Console().print(summary_table(run))
    console.print(f"wrote {run.out_dir}/report.md, results.jsonl, per_type_accuracy.png", markup=False)
    console.print(f"kept as run {run.run_id} (`reportqa eval --history`)", markup=False)
    if floors is not None:
        problems = floor_problems(run.ours.metrics, floors)
        for problem in problems:
            console.print(f"below floor ({run.set_name}): {problem}", markup=False, style="red")
        if problems:
            raise typer.Exit(1)
        console.print(f"all floors for {run.set_name} hold", markup=False, style="green")


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("剩余"),
        TimeRemainingColumn(),
        console=console,
    )


def _progress_callback(progress: Progress):
    tasks: dict[str, int] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = progress.add_task(stage, total=total)
        progress.update(tasks[stage], completed=done, total=total)

    return update


def _print_build_report(report) -> None:
    console.print(report.summary(), markup=False)


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Run the command in `argv` (default: the process's arguments) and exit with its code (see the module)."""
    args = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in args[: args.index("--")] if "--" in args else "--json" in args
    for arg in args:
        if has_bytes_not_utf8(arg):
            _fail(as_json, "encoding", f"命令行参数“{printable(arg)}”含有不是 UTF-8 的字节；请检查终端或脚本的字符编码")
    try:
        status = app(args=args, prog_name="reportqa", standalone_mode=False)
    except typer.TyperException as exc:  # a usage error: unknown option, missing argument, --mode bogus
        if not exc.format_message():  # no arguments at all: the help has been printed
            raise SystemExit(exc.exit_code) from None
        _fail(as_json, "usage", f"命令用法有误：{exc.format_message()}（reportqa --help 查看用法）")
    except ReportQAError as exc:
        _fail(as_json, exc.code, str(exc))
    except OSError as exc:  # reading an index or a file outside a build, which names its own write failures
        name = Path(exc.filename).name if exc.filename else ""
        _fail(as_json, "io", f"无法访问 {name}：{os_error_reason(exc)}" if name else os_error_reason(exc))
    except Exception as exc:  # a defect: still one line for the user, who is asked to report it
        _fail(as_json, "internal", f"reportqa 内部错误（{type(exc).__name__}: {exc}），请报告此问题", EXIT_DEFECT)
    raise SystemExit(status or 0)


def _fail(as_json: bool, code: str, message: str, exit_code: int = EXIT_USER_ERROR) -> NoReturn:
    message = printable(re.sub(r"\s*\n\s*", " ", message.strip()))  # an exception's text may run over lines
    if as_json:
        _print_json({"error": {"code": code, "message": message}})
    else:
        console.print(f"错误：{message}", markup=False, highlight=False, style="red")
    raise SystemExit(exit_code)


def _print_json(payload: dict) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
