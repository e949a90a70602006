"""The evaluation page in a real browser: a 👎 in the chat saved as a test case, a workbook uploaded and run,
the summary and a ✗ row read, the results downloaded. Screenshots in tests/artifacts/browser_evaluation_*.png."""

from __future__ import annotations

import io
import re
import time

import pytest
from openpyxl import load_workbook

from reportqa.app.admin import hash_password
from reportqa.eval.history import list_runs
from reportqa.eval.template import EXAMPLES, template_workbook
from tests.browser.seed import build_seed_index, without_reportqa_env
from tests.browser.server import ARTIFACTS, launch, require_browser, streamlit_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PASSWORD = "评测-口令"
THUMBS_DOWN = "全社会R&D经费支出占GDP比重目前完成了多少？"
FAILING = "2019年全市有多少家高新技术企业？"  # 999 is nowhere in the report: a ✗ row


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """(the app's URL, its evaluation folder)."""
    require_browser()
    own = tmp_path_factory.mktemp("evaluation-page")  # this test's feedback and runs; the seed index is shared
    env = without_reportqa_env() | build_seed_index(tmp_path_factory.getbasetemp() / "app-seed")
    env |= {
        "REPORTQA_ADMIN_PASSWORD_SHA256": hash_password(PASSWORD),
        "REPORTQA_FEEDBACK_PATH": str(own / "feedback.jsonl"),
        "REPORTQA_EVALUATION_DIR": str(own / "evaluation"),
    }
    with streamlit_app(env, ARTIFACTS / "browser_evaluation_streamlit.log") as url:
        yield url, own / "evaluation"


def _question_set(path) -> None:
    wb = load_workbook(io.BytesIO(template_workbook()))
    wb["问题"].append([FAILING, "999家", "999", "", "表格数字", "否"])
    wb["问题"].append(["2019年研发平台有多少家？", "", "", "", "", "也许"])  # a bad row: named, not run
    wb.save(path)


def test_browser_evaluation(app, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    app_url, evaluation_dir = app
    workbook = tmp_path / "我的问题集.xlsx"
    _question_set(workbook)
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 2400}, locale="zh-CN", accept_downloads=True)
            page.goto(app_url)
            box = page.get_by_test_id("stChatInputTextArea")
            expect(box).to_be_visible(timeout=120_000)

            # an official marks an answer wrong in the chat
            box.fill(THUMBS_DOWN)
            box.press("Enter")
            expect(page.locator(".rq-answer, .rq-notfound").last).to_be_visible(timeout=60_000)
            page.get_by_role("button").filter(has_text="答案有误").last.click()  # its icon is part of its name
            expect(page.get_by_text("已记录：答案有误")).to_be_visible(timeout=10_000)

            # the administrator logs in and opens the evaluation page
            page.get_by_text("文档管理（管理员）").click()
            password = page.get_by_label("管理员密码")
            password.fill(PASSWORD)
            password.press("Enter")
            page.get_by_test_id("stSidebar").get_by_text("准确率评测").click()
            expect(page.get_by_role("heading", name="准确率评测")).to_be_visible(timeout=30_000)

            # the 👎 becomes a test case
            page.get_by_role("tab", name="反馈转测试用例").click()
            pending = page.get_by_role("combobox", name="待处理的反馈（最新的在前）")
            expect(pending).to_have_value(re.compile(re.escape(THUMBS_DOWN)))
            page.get_by_label("标准答案").fill("目前完成2.63%（2018年度）。")
            page.get_by_label("必含内容（多个用“、”分隔）").fill("2.63")
            page.screenshot(path=str(ARTIFACTS / "browser_evaluation_feedback_form.png"), full_page=True)
            page.get_by_role("button", name="保存为测试用例").click()
            expect(page.get_by_text("已保存为测试用例 反馈-001")).to_be_visible(timeout=10_000)
            expect(page.get_by_test_id("stTable").filter(has_text="2.63")).to_be_visible()  # the 来自反馈 set
            page.screenshot(path=str(ARTIFACTS / "browser_evaluation_feedback.png"), full_page=True)

            # upload the workbook: the bad row is named before anything runs
            page.get_by_role("tab", name="运行评测").click()
            uploader = page.get_by_test_id("stFileUploader").filter(has_text="上传问题集")
            started = time.monotonic()
            uploader.locator('input[type="file"]').set_input_files(str(workbook))
            expect(page.get_by_text(f"有 {len(EXAMPLES) + 1} 个问题可以运行")).to_be_visible(timeout=30_000)
            expect(page.get_by_text("第7行 “应拒答”列")).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "browser_evaluation_upload.png"), full_page=True)

            page.get_by_role("button", name="保存并开始评测").click()
            expect(page.get_by_role("heading", name="评测结果：我的问题集")).to_be_visible(timeout=180_000)
            print(f"upload to results: {time.monotonic() - started:.1f} s")  # for the record, never asserted
            for label in ("答案准确率", "引用准确率", "应拒答的拒答率", "误拒率"):
                expect(page.get_by_test_id("stMetric").filter(has_text=label)).to_be_visible()
            expect(page.get_by_text("含“来自反馈” 1 题")).to_be_visible()
            table = page.get_by_test_id("stTable").first
            expect(table).to_contain_text(THUMBS_DOWN)  # the case from the 👎 was run
            expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible()  # accuracy per type
            page.wait_for_timeout(800)  # let the chart draw before the picture
            page.screenshot(path=str(ARTIFACTS / "browser_evaluation_results.png"), full_page=True)

            page.get_by_text("只看未通过的题").click()
            failed_row = table.locator("tr", has_text=FAILING)
            expect(failed_row).to_contain_text("✗ 未通过")
            expect(failed_row).to_contain_text("回答中没有：999")
            expect(table.locator("tbody tr", has_text="✓")).to_have_count(0)
            page.screenshot(path=str(ARTIFACTS / "browser_evaluation_failures.png"), full_page=True)

            with page.expect_download() as download:
                page.get_by_role("button").filter(has_text="下载评测结果（Excel）").click()
            saved = tmp_path / download.value.suggested_filename
            download.value.save_as(saved)

            # the saved set run again: the history charts both runs and compares them
            page.get_by_text("选择已保存的问题集").click()
            expect(page.get_by_role("combobox", name="已保存的问题集")).to_have_value("我的问题集.xlsx")
            page.get_by_role("button", name="开始评测").click()
            deadline = time.monotonic() + 180
            while len(list_runs(evaluation_dir / "history")) < 2 and time.monotonic() < deadline:
                page.wait_for_timeout(500)
            page.get_by_role("tab", name="历史记录").click()
            expect(page.get_by_text("由 ✓ 变为 ✗（变差）：0 题")).to_be_visible(timeout=30_000)
            expect(page.get_by_test_id("stTable").first.locator("tbody tr")).to_have_count(2)  # one row per run
            expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible()
            page.wait_for_timeout(800)
            page.screenshot(path=str(ARTIFACTS / "browser_evaluation_history.png"), full_page=True)
        finally:
            browser.close()

    assert saved.name.startswith("评测结果-我的问题集-") and saved.suffix == ".xlsx"
    results = load_workbook(saved)
    rows = list(results["逐题结果"].iter_rows(values_only=True))
    assert ("✗ 未通过", FAILING) in {(row[0], row[2]) for row in rows[1:]}
    assert [row[2] for row in results["未运行的行"].iter_rows(values_only=True)][1:] == [7]
