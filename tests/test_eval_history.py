"""Officials' evaluations end to end on the seed corpus (HashEmbedder): runs kept in the history and compared,
👎 answers turned into cases the next run asks, the results workbook, and the `reportqa eval` options."""

from __future__ import annotations

import io
import os
import shutil
from contextlib import closing

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from reportqa.app.feedback import read_feedback, record_feedback
from reportqa.cli import app as cli
from reportqa.core.settings import Settings
from reportqa.engine import Engine
from reportqa.eval.export import results_workbook
from reportqa.eval.feedback_cases import add_feedback_case, saved_feedback
from reportqa.eval.history import compare, list_runs, load_run
from reportqa.eval.question_sets import FEEDBACK_SET, feedback_set_path, history_dir, load_question_set
from reportqa.eval.runner import run_set
from reportqa.eval.sheets import QuestionSetError, read_table
from reportqa.eval.template import EXAMPLES, template_workbook
from reportqa.indexing.build import build_index
from tests.conftest import SEED_CORPUS, HashEmbedder

SEED_DOC = "淄博市十三五科技创新规划后评估报告.txt"
SUBSIDY = EXAMPLES[1][0]  # 2019年有多少家企业享受了研究开发财政补助，补助总额多少？ (560、1.69亿元)


@pytest.fixture(scope="module")
def engine(hash_seed_settings):
    with closing(Engine.open(hash_seed_settings, HashEmbedder())) as opened:
        yield opened


@pytest.fixture
def settings(hash_seed_settings, tmp_path) -> Settings:
    """The shared seed index; feedback and evaluation files of this test's own."""
    return hash_seed_settings.model_copy(
        update={"feedback_path": tmp_path / "feedback.jsonl", "evaluation_dir": tmp_path / "evaluation"}
    )


def template_with(*rows: list) -> bytes:
    wb = load_workbook(io.BytesIO(template_workbook()))
    for row in rows:
        wb["问题"].append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_a_run_is_kept_with_its_index_settings_and_rows_left_out(engine, settings):
    data = template_with(["高新技术企业有多少家？", "512家", "512", "不存在的文档", "表格数字", "否"])
    run = run_set(engine, settings, read_table("问题集.xlsx", data))

    assert [r.question["question"] for r in run.ours.records] == [e[0] for e in EXAMPLES]
    assert run.ours.records[0].question["doc"] == SEED_DOC  # 出处文档 matched to the indexed document
    [problem] = run.problems
    assert (problem.sheet, problem.row, problem.column) == ("问题", 6, "出处文档")
    assert "不存在的文档" in problem.message

    [info] = list_runs(history_dir(settings))
    assert info.run_id == run.run_id and info.set_name == "问题集"
    assert info.index_version == engine.status().version and info.embedder == "test:hash-bigrams"
    assert info.answer_mode == "extractive" and info.skipped_rows == 1
    stored = load_run(history_dir(settings), run.run_id[:18])  # a unique start of the id (to the millisecond) is enough
    assert [r.question for r in stored.results] == [e[0] for e in EXAMPLES]
    assert stored.problems == [problem]
    assert stored.info.metrics == run.ours.metrics
    refusal = stored.results[-1]
    assert refusal.should_refuse and refusal.cited is None
    assert refusal.passed == (not refusal.found)


def test_a_set_with_nothing_to_run_says_why(engine, settings):
    qset = read_table("空.xlsx", template_with())
    qset = qset.head(0)
    with pytest.raises(QuestionSetError, match="没有可以运行的问题"):
        run_set(engine, settings, qset)
    assert list_runs(history_dir(settings)) == []


def test_a_thumbs_down_saved_as_a_case_is_run_by_the_next_evaluation(engine, settings):
    question = "全社会R&D经费支出占GDP比重目前完成了多少？"
    record_feedback(settings.feedback_path, rating="up", question=SUBSIDY, answer=engine.ask(SUBSIDY))
    record_feedback(settings.feedback_path, rating="down", question=question, answer=engine.ask(question))
    [entry] = read_feedback(settings.feedback_path)  # only the 👎
    assert entry.question == question and entry.citations

    case = add_feedback_case(
        feedback_set_path(settings),
        question=entry.question,
        expected="目前完成2.63%",
        must_contain=["2.63"],
        feedback_key=entry.key,
    )
    assert saved_feedback(feedback_set_path(settings)) == {entry.key: case["id"]}
    with pytest.raises(QuestionSetError, match="已有这个问题"):
        add_feedback_case(feedback_set_path(settings), question=question, expected="x", must_contain=["x"])
    with pytest.raises(QuestionSetError, match="必含内容"):
        add_feedback_case(feedback_set_path(settings), question="另一个问题", expected="x", must_contain=[])

    run = run_set(engine, settings, read_table("问题集.xlsx", template_workbook()))
    asked = [r.question for r in run.ours.records]
    assert asked[-1]["question"] == question and asked[-1]["type"] == FEEDBACK_SET
    assert run.feedback_cases == 1 and run.ours.by_type[FEEDBACK_SET].n == 1
    stored = load_run(history_dir(settings), run.run_id)
    assert stored.results[-1].question == question and stored.results[-1].must_contain == ["2.63"]

    alone = run_set(engine, settings, load_question_set(feedback_set_path(settings)))  # the set itself: once
    assert [r.question["question"] for r in alone.ours.records] == [question]


def test_history_lists_two_runs_and_their_difference(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED_CORPUS / SEED_DOC, corpus / SEED_DOC)
    settings = Settings(home=tmp_path, vector_cache_dir=tmp_path / "vectors")
    embedder = HashEmbedder()
    qset = read_table("问题集.xlsx", template_workbook())

    build_index(settings, embedder=embedder)
    with closing(Engine.open(settings, embedder)) as engine:
        first = run_set(engine, settings, qset)
        before = {r.question["question"]: v for r, v in zip(first.ours.records, first.ours.verdicts, strict=True)}
        assert not before[SUBSIDY].failed
        # a document update drops the figure the question asks for
        text = (corpus / SEED_DOC).read_text(encoding="utf-8")
        (corpus / SEED_DOC).write_text(text.replace("共有560家企业", "共有多家企业"), encoding="utf-8")
        build_index(settings, embedder=embedder)
        second = run_set(engine, settings, qset)

    runs = list_runs(history_dir(settings))
    assert [r.run_id for r in runs] == [first.run_id, second.run_id]
    assert runs[0].index_version != runs[1].index_version
    diff = compare(load_run(history_dir(settings), first.run_id), load_run(history_dir(settings), second.run_id))
    assert [c.question for c in diff.worse] == [SUBSIDY]
    assert "560" in diff.worse[0].after.why and diff.better == [] and diff.only_a == diff.only_b == []

    monkeypatch.chdir(tmp_path)  # the CLI's settings start from the working directory
    for key in [k for k in os.environ if k.startswith("REPORTQA_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("COLUMNS", "200")  # rich's tables fit the terminal: room for whole questions
    listed = CliRunner().invoke(cli, ["eval", "--history"])
    assert listed.exit_code == 0, listed.output
    assert first.run_id in listed.output and second.run_id in listed.output
    compared = CliRunner().invoke(cli, ["eval", "--compare", first.run_id, second.run_id[:18]])
    assert compared.exit_code == 0, compared.output
    assert "1 ✓→✗" in compared.output and SUBSIDY[:10] in compared.output
    unknown = CliRunner().invoke(cli, ["eval", "--compare", first.run_id, "1999"])
    assert unknown.exit_code != 0 and "没有运行记录 1999" in str(unknown.exception)


def test_results_workbook(engine, settings):
    data = template_with(["", "答案", "x", "", "", ""])  # a row left out
    run = run_set(engine, settings, read_table("问题集.xlsx", data))
    stored = load_run(history_dir(settings), run.run_id)
    wb = load_workbook(io.BytesIO(results_workbook(stored)))
    assert wb.sheetnames == ["汇总", "逐题结果", "未运行的行"]
    rows = list(wb["逐题结果"].iter_rows(values_only=True))
    assert rows[0][:3] == ("结果", "位置", "问题")
    assert [row[2] for row in rows[1:]] == [r.question for r in stored.results]
    assert [row[0] for row in rows[1:]] == [r.mark for r in stored.results]
    failed = [i for i, r in enumerate(stored.results, start=2) if not r.passed]
    assert failed, "the seed run with the HashEmbedder has a failing question"
    assert wb["逐题结果"].cell(failed[0], 1).fill.start_color.rgb.endswith("FDE2E1")
    assert wb["逐题结果"].auto_filter.ref
    assert list(wb["未运行的行"].iter_rows(values_only=True))[1][:4] == ("问题集.xlsx", "问题", 6, "问题")
    summary = {row[0]: row[1] for row in wb["汇总"].iter_rows(values_only=True) if row[0]}
    assert summary["问题集"] == "问题集" and summary["索引版本"] == stored.info.index_version
    assert summary["答案准确率"] == f"{stored.info.metrics.answer_accuracy:.1%}"


def test_cli_runs_a_workbook_and_names_the_bad_rows(hash_seed_settings, tmp_path, monkeypatch):
    for key in [k for k in os.environ if k.startswith("REPORTQA_")]:
        monkeypatch.delenv(key)
    shutil.copytree(hash_seed_settings.corpus_dir, tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("reportqa.engine.engine.make_embedder", lambda settings: HashEmbedder())
    monkeypatch.setattr("reportqa.indexing.build.make_embedder", lambda settings: HashEmbedder())

    template = CliRunner().invoke(cli, ["eval", "--template", "问题集模板.xlsx"])
    assert template.exit_code == 0, template.output
    assert read_table("问题集模板.xlsx", (tmp_path / "问题集模板.xlsx").read_bytes()).questions
    (tmp_path / "问题集.xlsx").write_bytes(template_with(["", "答案", "x", "", "", ""]))

    result = CliRunner().invoke(cli, ["eval", "--set", "问题集.xlsx"])
    assert result.exit_code == 0, result.output
    assert "未运行：问题集.xlsx 工作表“问题” 第6行 “问题”列：为空" in result.output
    [info] = list_runs(tmp_path / "evaluation" / "history")
    assert info.metrics.n == len(EXAMPLES) and info.skipped_rows == 1
    assert (tmp_path / "eval" / "out" / "问题集" / "report.md").is_file()
