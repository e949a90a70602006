"""One real browser against the real chat app (`tests/browser/server.py` starts it and Debian's Chromium)."""

from __future__ import annotations

import pytest

from tests.browser.seed import HOSTILE_QUESTION, HOSTILE_SNIPPET, build_seed_index, without_reportqa_env
from tests.browser.server import ARTIFACTS, launch, require_browser, streamlit_app

SCREENSHOT = ARTIFACTS / "browser_chat.png"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    require_browser()
    env = without_reportqa_env() | build_seed_index(tmp_path_factory.getbasetemp() / "app-seed")
    with streamlit_app(env, ARTIFACTS / "browser_streamlit.log") as url:
        yield url


def _ask(page, question: str) -> None:
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")


def test_browser_chat(app_url):
    from playwright.sync_api import expect, sync_playwright

    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 1700}, locale="zh-CN")
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(app_url)
            expect(page.get_by_test_id("stChatInputTextArea")).to_be_visible(timeout=120_000)

            _ask(page, "2019年高新技术企业有多少家？")
            answer = page.locator(".rq-answer").last
            expect(answer).to_contain_text("512", timeout=60_000)
            expect(page.locator(".rq-cite-head").first).to_contain_text("[1]")
            expect(page.locator(".rq-passage mark").first).to_be_visible()

            page.get_by_text("查看原文上下文 [1]").first.click()
            expect(page.locator(".rq-context").first).to_be_visible(timeout=10_000)
            page.wait_for_timeout(600)  # let the expander's opening animation end before the picture
            page.screenshot(path=str(SCREENSHOT), full_page=True)

            _ask(page, HOSTILE_QUESTION)
            expect(page.locator(".rq-passage", has_text=HOSTILE_SNIPPET).first).to_be_visible(timeout=60_000)
            expect(page.locator(".rq-passage", has_text="**bold**").first).to_be_visible()
            assert page.locator(".rq-passage a").count() == 0
            page.screenshot(path=str(ARTIFACTS / "browser_chat_hostile.png"), full_page=True)
        finally:
            browser.close()
    assert not dialogs, f"a document's script ran in the page: {dialogs}"
    assert SCREENSHOT.stat().st_size > 10_000
