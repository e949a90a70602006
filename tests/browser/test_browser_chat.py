"""One real browser against the real app: `streamlit run` on a free port, driven by Debian's Chromium.

Never downloads a browser: Playwright launches /usr/bin/chromium (apt-get install chromium).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser.seed import HOSTILE_QUESTION, HOSTILE_SNIPPET, PROJECT, build_seed_index, without_reportqa_env

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = PROJECT / "tests" / "artifacts"
SCREENSHOT = ARTIFACTS / "browser_chat.png"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"streamlit not healthy after {timeout}s:\n{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing at /usr/bin/chromium: install it with `apt-get install -y chromium`")
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    if not fonts.strip():  # the screenshot would show every Chinese character as a box
        pytest.fail("no Chinese font for Chromium: install one with `apt-get install -y fonts-noto-cjk`")
    env = without_reportqa_env() | build_seed_index(tmp_path_factory.getbasetemp() / "app-seed")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTIFACTS / "browser_streamlit.log"
    port = _free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", "app/streamlit_app.py",
        "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
    ]  # fmt: skip
    with log.open("w") as out:
        proc = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _ask(page, question: str) -> None:
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")


def test_browser_chat(app_url):
    from playwright.sync_api import expect, sync_playwright

    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
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
