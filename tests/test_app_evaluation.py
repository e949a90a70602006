"""The evaluation page: the background job, saved sets, and the page itself through AppTest on the seed
corpus with the HashEmbedder (the app's engine is opened with it instead of the real model)."""

from __future__ import annotations

import io
import os
import time
from contextlib import closing

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from reportqa.app.admin import UploadError, hash_password
from reportqa.app.evaluation import EvalJob, save_question_set
from reportqa.app.feedback import record_feedback
from reportqa.engine import Engine
from reportqa.eval.feedback_cases import feedback_cases
from reportqa.eval.history import list_runs
from reportqa.eval.question_sets import FEEDBACK_SET, feedback_set_path, history_dir, saved_sets
from reportqa.eval.sheets import read_table
from reportqa.eval.template import EXAMPLES, template_workbook
from tests.conftest import PROJECT_ROOT, HashEmbedder

APP = str(PROJECT_ROOT / "app" / "streamlit_app.py")
PASSWORD = "评测-口令"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def settings(hash_seed_settings, tmp_path):
    return hash_seed_settings.model_copy(
        update={"feedback_path": tmp_path / "feedback.jsonl", "evaluation_dir": tmp_path / "evaluation"}
    )


def test_job_runs_in_the_background_and_reports_errors(settings):
    with closing(Engine.open(settings, HashEmbedder())) as engine:
        job = EvalJob(settings)
        qset = read_table("问题集.xlsx", template_workbook())
        assert job.start(engine, qset)
        state = job.wait(60)
        assert not state.running and not state.error
        assert state.done == state.total == len(EXAMPLES)
        assert [r.run_id for r in list_runs(history_dir(settings))] == [state.run_id]

        assert job.start(engine, qset.head(0))  # nothing to run: said, not raised
        state = job.wait(60)
        assert "没有可以运行的问题" in state.error and not state.running


def test_saved_sets_replace_a_corrected_copy_and_keep_the_feedback_set(settings):
    first = save_question_set(settings, "../问题集.xlsx", b"v1")
    assert first == (settings.evaluation_dir / "sets" / "问题集.xlsx").resolve()
    save_question_set(settings, "问题集.xlsx", b"v2")
    assert first.read_bytes() == b"v2"
    with pytest.raises(UploadError, match="只接受"):
        save_question_set(settings, "问题集.jsonl", b"{}")
    with pytest.raises(UploadError, match=FEEDBACK_SET):
        save_question_set(settings, f"{FEEDBACK_SET}.csv", b"x")
    assert [p.name for p in saved_sets(settings)] == ["问题集.xlsx"]


# --- the page ------------------------------------------------------------------------------------


@pytest.fixture
def app_env(settings, monkeypatch):
    for key in [k for k in os.environ if k.startswith("REPORTQA_")]:
        monkeypatch.delenv(key)
    for name in ("corpus_dir", "index_dir", "vector_cache_dir", "feedback_path", "evaluation_dir"):
        monkeypatch.setenv(f"REPORTQA_{name.upper()}", str(getattr(settings, name)))
    monkeypatch.setenv("REPORTQA_ADMIN_PASSWORD_SHA256", hash_password(PASSWORD))
    monkeypatch.setattr("reportqa.engine.engine.make_embedder", lambda settings: HashEmbedder())
    return settings


def _admin_on_evaluation_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not [r for r in at.radio if r.key == "view"]  # no evaluation page before the password
    at.text_input(key="admin_password").input(PASSWORD).run()
    at.radio(key="view").set_value("准确率评测").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "准确率评测"
    return at


def _wait_for_run(settings, count: int) -> None:
    deadline = time.monotonic() + 60
    while len(list_runs(history_dir(settings))) < count and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(list_runs(history_dir(settings))) == count


def test_evaluation_page_hidden_without_the_admin_password(app_env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["view"] = "准确率评测"  # even when asked for
    at.run()
    assert at.title[0].value == "政府报告问答"
    assert not [r for r in at.radio if r.key == "view"]


def test_upload_run_read_and_download(app_env):
    settings = app_env
    wb = load_workbook(io.BytesIO(template_workbook()))
    wb["问题"].append(["2019年高新技术企业有多少家？（重复）", "", "", "", "", "也许"])  # a bad row
    wb["问题"].append(["2019年全市有多少家高新技术企业？", "999家", "999", "", "表格数字", "否"])  # will fail
    data = io.BytesIO()
    wb.save(data)

    at = _admin_on_evaluation_page()
    assert at.download_button(key="template").label == "下载问题集模板（Excel）"
    at.file_uploader[0].set_value([("问题集.xlsx", data.getvalue(), XLSX)]).run()
    assert any(f"有 {len(EXAMPLES) + 1} 个问题可以运行" in s.value for s in at.success)
    assert any("第6行" in w.value and "“应拒答”列" in w.value for w in at.warning)
    at.button(key="start_eval").click().run()
    _wait_for_run(settings, 1)
    at.run()
    assert not at.exception, at.exception
    assert (settings.evaluation_dir / "sets" / "问题集.xlsx").is_file()  # saved for the next time

    metrics = {m.label: m.value for m in at.metric}
    assert set(metrics) == {"答案准确率", "引用准确率", "应拒答的拒答率", "误拒率"}
    assert all(v.endswith("%") for v in metrics.values())
    table = at.table[0].value
    failed = table[table["结果"] == "✗ 未通过"]
    assert "2019年全市有多少家高新技术企业？" in list(failed["问题"])
    assert any(why.startswith("回答中没有：999") for why in failed["未通过原因"])
    at.toggle(key="only_failed-latest").set_value(True).run()
    assert set(at.table[0].value["结果"]) == {"✗ 未通过"}
    download = at.download_button(key="results-latest")
    assert download.label == "下载评测结果（Excel）"

    at.radio(key="set_source").set_value("选择已保存的问题集").run()  # the saved set runs again
    at.button(key="start_eval").click().run()
    _wait_for_run(settings, 2)
    at.run()
    assert not at.exception, at.exception
    at.session_state["eval_tab"] = "历史记录"
    at.run()
    assert not at.exception, at.exception
    assert any("由 ✓ 变为 ✗（变差）：0 题" in m.value for m in at.markdown)  # the two runs compared


def test_a_thumbs_down_becomes_a_case_on_the_page(app_env):
    settings = app_env
    with closing(Engine.open(settings, HashEmbedder())) as engine:
        answer = engine.ask("那2015年呢？", history=["2019年高新技术企业有多少家？"])
    record_feedback(settings.feedback_path, rating="down", question="那2015年呢？", answer=answer, history=["2019年…"])
    at = _admin_on_evaluation_page()
    assert any("有 1 条“答案有误”的反馈" in i.value for i in at.info)
    at.session_state["eval_tab"] = "反馈转测试用例"
    at.run()
    key = at.selectbox(key="feedback_choice").value.key
    at.text_input(key=f"case_question-{key}").input("2015年高新技术企业有多少家？")
    at.text_area(key=f"case_expected-{key}").input("2015年为251家。")
    at.text_input(key=f"case_must-{key}").input("251")
    next(b for b in at.button if b.label == "保存为测试用例").click().run()
    assert not at.exception, at.exception
    [case] = feedback_cases(feedback_set_path(settings))
    assert case["question"] == "2015年高新技术企业有多少家？"
    assert (case["must_contain"], case["feedback_key"]) == (["251"], key)
    assert any("已保存为测试用例 反馈-001" in s.value for s in at.success)
    assert not any("答案有误”的反馈" in i.value for i in at.info)  # nothing left to do
