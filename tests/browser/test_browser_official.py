"""The chat app as an official meets it, in a real Chromium with a Chinese font, desktop and phone-sized:
every word of the interface Chinese, the cited words in view, a broken upload refused, figures across
years as a chart with citation labels, the conversation exported as Word.

Screenshots land in tests/artifacts/official_*.png; the time from Enter to answer in
tests/artifacts/official_timings_*.txt.
"""

from __future__ import annotations

import functools
import io
import re
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reportqa.app.admin import hash_password
from tests.browser.seed import build_seed_index, without_reportqa_env
from tests.browser.server import ARTIFACTS, launch, require_browser, streamlit_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PASSWORD = "test-admin"
# 2011 and 2019 in one cited sentence [1], the indicator table's row [2], 2015 in another sentence [3]
SERIES_QUESTION = "高新技术企业历年有多少家？"
PLAIN_QUESTION = "2019年高新技术企业有多少家？"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
# Format names an official knows as such; every other Latin letter on the interface is a defect.
FORMAT_NAMES = re.compile(r"\b(?:PDF|Word)\b")

# The interface's own visible words: text nodes that are rendered, outside icons (ligature names such as
# "upload" drawn as glyphs) and outside document content (answers, passages, titles, file names).
_INTERFACE_TEXT = """(root) => {
  const skip = [
    '[translate="no"]', '[data-testid="stChatMessage"]', '.rq-cite-meta', '.rq-doc-item', '.rq-skip',
    'script', 'style',
  ].join(', ');
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest(skip)) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
    out.push(node.textContent.trim());
  }
  for (const field of root.querySelectorAll('[placeholder]')) out.push(field.getAttribute('placeholder'));
  return out;
}"""


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    require_browser()
    base = tmp_path_factory.getbasetemp() / "official-seed"
    env = without_reportqa_env() | build_seed_index(base) | {"REPORTQA_ADMIN_PASSWORD_SHA256": hash_password(PASSWORD)}
    with streamlit_app(env, ARTIFACTS / "official_streamlit.log") as url:
        yield url, base / "corpus"


@contextmanager
def _chat_page(playwright, url: str, **page_options) -> Iterator:
    """A Chromium page on the chat app, its question box ready; the browser closed afterwards."""
    from playwright.sync_api import expect

    browser = launch(playwright)
    try:
        page = browser.new_page(locale="zh-CN", **page_options)
        page.goto(url)
        expect(page.get_by_test_id("stChatInputTextArea")).to_be_visible(timeout=120_000)
        yield page
    finally:
        browser.close()


def _latin(page, root_selector: str = "body", file_names: tuple[str, ...] = ()) -> list[str]:
    """Interface text with a Latin letter in it, apart from format names and the `file_names` it names."""
    texts = page.locator(root_selector).first.evaluate(_INTERFACE_TEXT)
    stripped = [FORMAT_NAMES.sub("", functools.reduce(lambda t, n: t.replace(n, ""), file_names, t)) for t in texts]
    return [t for t, rest in zip(texts, stripped, strict=True) if re.search(r"[A-Za-z]", rest)]


def _ask(page, question: str) -> float:
    """Ask and wait for the reply's answer box; returns seconds from Enter to the answer shown."""
    from playwright.sync_api import expect

    answers = page.locator('[data-testid="stChatMessage"] :is(.rq-answer, .rq-notfound)')
    before = answers.count()
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    started = time.perf_counter()
    box.press("Enter")
    expect(answers).to_have_count(before + 1, timeout=90_000)
    return time.perf_counter() - started


def _settles(page, check, settle_ms: int) -> bool:
    """Whether `check()` comes true within 5 s and still holds `settle_ms` later, once the page has
    settled (a chart loads, Streamlit's chat pane follows the page's growth, the app puts things back)."""
    deadline = time.monotonic() + 5
    while not check() and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    page.wait_for_timeout(settle_ms)
    return check()


def _in_view(page, locator) -> bool:
    """Whether the first line of `locator` is (and, once the page has settled, stays) in the window."""

    def first_line_visible() -> bool:
        box = locator.bounding_box()
        return box is not None and box["y"] >= 0 and box["y"] + 20 <= page.viewport_size["height"]

    return _settles(page, first_line_visible, 3500)  # the chart and the rest of the turn are laid out by then


# The context box scrolled to its highlighted passage, and the passage in the window above the chat box;
# measured at one moment (the page may still be moving)
_PASSAGE_IN_VIEW = """(box) => {
  const outer = box.getBoundingClientRect(), mark = box.querySelector("mark").getBoundingClientRect();
  const chatBoxTop = document.querySelector('[data-testid="stBottom"]').getBoundingClientRect().top;
  return box.scrollTop > 0 && outer.top <= mark.top && mark.bottom <= outer.bottom
    && mark.top >= 0 && mark.bottom <= chatBoxTop;
}"""


def test_official_desktop(app):
    from playwright.sync_api import expect, sync_playwright

    url, corpus = app
    timings: list[float] = []
    with sync_playwright() as p, _chat_page(p, url, viewport=DESKTOP, accept_downloads=True) as page:
        assert not (latin := _latin(page)), latin

        # a follow-up with nothing to follow is asked back, not guessed
        _ask_back = page.get_by_test_id("stChatInputTextArea")
        _ask_back.fill("那2015年呢？")
        _ask_back.press("Enter")
        expect(page.get_by_text("哪一项内容")).to_be_visible(timeout=60_000)

        # figures across years: a chart whose points carry their citation numbers, and the table
        timings.append(_ask(page, SERIES_QUESTION))
        answer = page.locator(".rq-answer").last
        expect(answer).to_contain_text("512家")
        assert _in_view(page, answer), f"answer out of view: {answer.bounding_box()}"
        chart = page.get_by_test_id("stVegaLiteChart").last
        expect(chart).to_be_visible(timeout=20_000)
        table = page.locator(".rq-series").last
        expect(table).to_contain_text("2011年")
        assert table.locator("tbody tr").count() == 3
        assert [row.split("\t") for row in table.locator("tbody").inner_text().splitlines()] == [
            ["2011年", "203", "203家", "[1]"],
            ["2015年", "251", "251家", "[3]"],
            ["2019年", "512", "512家", "[1]"],
        ]
        labels = chart.evaluate(
            "el => [...el.querySelectorAll('text')].map(t => t.textContent).filter(t => /^\\[\\d+\\]/.test(t))"
        )
        assert labels == ["[1] 203家", "[3] 251家", "[1] 512家"], labels

        expect(page.get_by_role("button", name="导出为 Word 文档")).to_be_enabled()  # the reply just given is in it

        # the cited passage is scrolled into view in its context box, and the box into the window
        expander = page.get_by_test_id("stExpander").filter(has_text="查看原文上下文 [1]").last
        expander.get_by_text("查看原文上下文 [1]").click()
        context = expander.locator(".rq-context")
        expect(context).to_be_visible(timeout=10_000)
        mark = context.locator("mark").first
        expect(mark).to_be_attached()
        assert _settles(page, lambda: context.evaluate(_PASSAGE_IN_VIEW), 1500), (
            f"cited passage out of view: box {context.bounding_box()}, mark {mark.bounding_box()}"
        )
        page.screenshot(path=str(ARTIFACTS / "official_desktop_chart.png"))

        timings.append(_ask(page, PLAIN_QUESTION))
        timings.append(_ask(page, "2018年研发经费投入总额是多少？"))
        assert _in_view(page, page.locator(".rq-answer").last)
        assert not (latin := _latin(page, "section[data-testid='stSidebar']")), latin

        # a 5,000-character question is refused in Chinese and not echoed in full
        _ask_long = page.get_by_test_id("stChatInputTextArea")
        _ask_long.fill("高新技术企业" * 834)
        _ask_long.press("Enter")
        expect(page.get_by_text("问题过长")).to_be_visible(timeout=30_000)
        assert _in_view(page, page.get_by_text("问题过长"))  # the page was brought to the question just asked
        messages = page.get_by_test_id("stChatMessage")
        echoed = messages.nth(messages.count() - 2).inner_text()  # the question, above the refusal
        assert "共 5004 字" in echoed and len(echoed) < 400
        assert not (latin := _latin(page)), latin

        # export: the Word file opens with python-docx and holds question, answer, citations
        with page.expect_download() as download:
            page.get_by_role("button", name="导出为 Word 文档").click()
        path = Path(download.value.path())
        import docx

        text = "\n".join(par.text for par in docx.Document(io.BytesIO(path.read_bytes())).paragraphs)
        assert SERIES_QUESTION in text and "512家（2019年）。" in text and "2015年：251家 [3]" in text
        assert "文件：淄博市十三五科技创新规划后评估报告.txt" in text and "章节：" in text
        assert "全市高新技术企业总量从2011年203家一举跃升至2019年512家。" in text
        with page.expect_download() as download:
            page.get_by_role("button", name="导出为纯文本（记事本可打开）").click()
        markdown = Path(download.value.path()).read_text(encoding="utf-8")
        assert "\\" not in markdown and "103.98%" in markdown

        # a long title is shown whole under the document filter, with its file name
        page.get_by_label("限定文档").click()
        page.get_by_role("option", name=re.compile("淄博")).click()
        chosen = page.locator("section[data-testid='stSidebar'] .rq-doc-item", has_text="后评估报告（2020年）")
        expect(chosen).to_contain_text("淄博市十三五科技创新规划后评估报告.txt", timeout=20_000)

        _admin_uploads_broken_file(page, corpus)
        page.screenshot(path=str(ARTIFACTS / "official_desktop_admin.png"), full_page=True)
    _record_timings("desktop", timings)


def _admin_uploads_broken_file(page, corpus: Path) -> None:
    from playwright.sync_api import expect

    page.get_by_text("文档管理（管理员）").click()
    page.get_by_label("管理员密码").fill(PASSWORD)
    page.get_by_label("管理员密码").press("Enter")
    dropzone = page.get_by_test_id("stFileUploaderDropzone")
    expect(dropzone).to_be_visible(timeout=30_000)
    shim = dropzone.evaluate(
        "el => [el.querySelector('button [data-testid=\"stMarkdownContainer\"]'),"
        " el.querySelector('[data-testid=\"stFileUploaderDropzoneInstructions\"] > div')]"
        ".map(e => getComputedStyle(e, '::after').content)"
    )
    assert shim == ['"选择文件"', '"或把文件拖到这里"']
    assert not (latin := _latin(page, "section[data-testid='stSidebar']")), latin

    before = sorted(p.name for p in corpus.iterdir())
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        [{"name": "坏_报告_2020.pdf", "mimeType": "application/pdf", "buffer": bytes(range(256)) * 16}]
    )
    page.get_by_role("button", name="保存上传的文档").click()
    refused = page.get_by_test_id("stAlertContentError")
    expect(refused.first).to_contain_text("坏_报告_2020.pdf", timeout=30_000)
    expect(refused.first).to_contain_text("不是有效的 PDF 文件")
    assert sorted(p.name for p in corpus.iterdir()) == before  # nothing written, not even a partial file
    assert not (latin := _latin(page, "section[data-testid='stSidebar']", ("坏_报告_2020.pdf",))), latin


def test_official_phone(app):
    from playwright.sync_api import sync_playwright

    url, _ = app
    timings: list[float] = []
    with sync_playwright() as p, _chat_page(p, url, viewport=PHONE, is_mobile=True, has_touch=True) as page:
        assert not (latin := _latin(page)), latin
        for question in (PLAIN_QUESTION, SERIES_QUESTION):
            timings.append(_ask(page, question))
            answer = page.locator('[data-testid="stChatMessage"] .rq-answer').last
            assert _in_view(page, answer), f"answer to {question} out of view at 390×844"
        page.screenshot(path=str(ARTIFACTS / "official_phone_answer.png"))
        page.get_by_text("查看原文上下文 [1]").last.click()
        page.wait_for_timeout(1000)
        page.screenshot(path=str(ARTIFACTS / "official_phone_context.png"))
    _record_timings("phone", timings)


def _record_timings(viewport: str, timings: list[float]) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    line = f"{viewport}: Enter→answer median {statistics.median(timings):.2f} s of {[round(t, 2) for t in timings]}\n"
    (ARTIFACTS / f"official_timings_{viewport}.txt").write_text(line, encoding="utf-8")
