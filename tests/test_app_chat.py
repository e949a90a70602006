"""The chat page through Streamlit's AppTest, on a tmp corpus and index built once with the real embedder."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from reportqa.app.admin import hash_password
from reportqa.core.models import NOT_FOUND
from tests.browser.seed import HOSTILE_QUESTION, HOSTILE_SNIPPET, PROJECT, build_seed_index

APP = str(PROJECT / "app" / "streamlit_app.py")
QUESTION = "2019年高新技术企业有多少家？"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory):
    return build_seed_index(tmp_path_factory.getbasetemp() / "app-seed")


@pytest.fixture
def env(seed_index, monkeypatch):
    for key in list(os.environ):
        if key.startswith("REPORTQA_"):
            monkeypatch.delenv(key)
    for key, value in seed_index.items():
        monkeypatch.setenv(key, value)
    return seed_index


def _app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


def _ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return at


def _markup(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_ask_shows_answer_and_citations(env):
    at = _ask(_app(), QUESTION)
    markup = _markup(at)
    assert "512" in markup
    assert 'class="rq-answer"' in markup and 'class="rq-notfound"' not in markup
    assert '<span class="rq-marker">[1]</span>' in markup
    assert re.search(r'<div class="rq-cite-head">\[1\] .+', markup)
    assert "<mark>" in markup
    assert any(e.label == "查看原文上下文 [1]" for e in at.expander)
    context = [m.value for m in at.markdown if 'class="rq-context"' in m.value]
    assert context and 'class="rq-cited"' in context[0]
    seconds = [float(m[1]) for c in at.caption if (m := re.search(r"用时 ([\d.]+) 秒", c.value))]
    assert seconds, at.caption  # the time taken is shown (how long: benchmarks/query_latency.py)
    at.run()  # the sidebar is drawn before the turn is added; the next run offers the export
    assert not at.download_button[0].disabled


def test_follow_up_uses_history_and_new_conversation_clears(env):
    at = _ask(_ask(_app(), QUESTION), "那2015年呢？")
    assert len(at.chat_message) == 4
    last_answer = [m.value for m in at.chat_message[3].markdown if "rq-answer" in m.value or "rq-notfound" in m.value]
    assert "251" in last_answer[0]
    next(b for b in at.sidebar.button if "新对话" in b.label).click().run()
    assert len(at.chat_message) == 0


def test_not_found_is_shown_as_such(env):
    at = _ask(_app(), "2019年全市共有多少个火星基地？")
    markup = _markup(at)
    assert 'class="rq-notfound"' in markup and NOT_FOUND in markup
    assert 'class="rq-answer"' not in markup


def test_document_html_is_shown_literally(env):
    at = _ask(_app(), HOSTILE_QUESTION)
    markup = _markup(at)
    assert "17" in markup
    assert "&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;" in markup
    assert "&#42;&#42;bold&#42;&#42;" in markup and "&#91;link&#93;&#40;javascript&#58;x&#41;" in markup
    for element in at.markdown:
        assert HOSTILE_SNIPPET not in element.value and "**bold**" not in element.value
        assert "](javascript" not in element.value


def test_feedback_is_stored(env):
    at = _ask(_app(), QUESTION)
    next(b for b in at.button if b.label == "答案有误").click().run()
    path = Path(env["REPORTQA_FEEDBACK_PATH"])
    record = json.loads(path.read_text("utf-8").splitlines()[-1])
    assert record["rating"] == "down" and record["question"] == QUESTION
    assert "512" in record["answer"] and record["citations"] and record["timestamp"]
    assert any("已记录" in c.value for c in at.caption)
    path.unlink()


def test_example_questions_are_derived_and_clickable(env):
    at = _app()
    examples = [b for b in at.button if b.key and b.key.startswith("example-")]
    assert examples, "no example questions derived from the seed corpus"
    examples[0].click().run()
    assert len(at.chat_message) == 2
    assert 'class="rq-answer"' in _markup(at)


def test_admin_panel_hidden_without_password(env):
    at = _app()
    assert not at.file_uploader
    assert not [t for t in at.text_input if t.key == "admin_password"]
    assert not [e for e in at.expander if "管理" in e.label]


def test_admin_panel_opens_with_right_password_only(env, monkeypatch):
    monkeypatch.setenv("REPORTQA_ADMIN_PASSWORD_SHA256", hash_password("s3cret-口令"))
    at = _app()
    assert not at.file_uploader
    at.text_input(key="admin_password").input("wrong").run()
    assert not at.file_uploader and any("密码不正确" in e.value for e in at.error)
    at.text_input(key="admin_password").input("s3cret-口令").run()
    assert not at.exception, at.exception
    assert at.file_uploader
    assert any(b.label == "重建索引" for b in at.button)
    assert "淄博市十三五科技创新规划后评估报告.txt" in _markup(at)


def test_llm_mode_streams_only_when_configured(env, monkeypatch):
    from tests.openai_stub_server import OpenAIStubServer

    at = _app()
    assert not [r for r in at.radio if r.key == "mode"]  # no LLM configured: extractive only
    with OpenAIStubServer() as server:
        monkeypatch.setenv("REPORTQA_LLM_BASE_URL", server.base_url)
        monkeypatch.setenv("REPORTQA_LLM_MODEL", "stub-model")
        monkeypatch.setenv("REPORTQA_LLM_API_KEY", "k")
        at = _app()
        at.radio(key="mode").set_value("llm").run()
        at = _ask(at, QUESTION)
        assert server.requests and server.requests[-1].get("stream")
    markup = _markup(at)
    assert 'class="rq-answer"' in markup and '<span class="rq-marker">[1]</span>' in markup
    assert "▌" not in markup  # the streaming placeholder is replaced by the final answer


def test_missing_index_is_built_on_first_start(tmp_path, monkeypatch, env):
    from tests.browser.seed import HOSTILE_DOC, HOSTILE_TEXT

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / HOSTILE_DOC).write_text(HOSTILE_TEXT, encoding="utf-8")
    (tmp_path / "corpus" / "坏文件.pdf").write_bytes(bytes(range(256)) * 4)  # copied in, not uploaded
    monkeypatch.setenv("REPORTQA_CORPUS_DIR", str(tmp_path / "corpus"))
    monkeypatch.setenv("REPORTQA_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("REPORTQA_ADMIN_PASSWORD_SHA256", hash_password("pw"))
    at = _app()
    assert any("正在从文档目录建立索引" in i.value for i in at.info)
    assert not at.chat_input
    deadline = time.monotonic() + 120
    while not (tmp_path / "index" / "CURRENT").exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    time.sleep(1)
    at.run()
    assert not at.exception, at.exception
    assert at.chat_input, [e.value for e in at.error]
    _ask(at, HOSTILE_QUESTION)
    assert "17" in _markup(at)
    # the build's outcome, as the administrator reads it: the unreadable file skipped, never added
    at.text_input(key="admin_password").input("pw").run()
    assert any("1 个文件无法读取" in w.value for w in at.warning), [w.value for w in at.warning]
    markup = _markup(at)
    assert "新增 1，修改 0，删除 0，未变 0，跳过 1" in markup
    assert "跳过 坏文件.pdf：不是有效的 PDF 文件" in markup


def test_admin_upload_is_sanitised_and_removable(env, monkeypatch, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    monkeypatch.setenv("REPORTQA_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("REPORTQA_ADMIN_PASSWORD_SHA256", hash_password("pw"))
    at = _app()
    at.text_input(key="admin_password").input("pw").run()
    at.file_uploader[0].set_value(
        [("../../逃逸 报告.txt", "测试内容".encode(), "text/plain"), ("空.md", b"", "text/markdown")]
    ).run()
    at.button(key="save_uploads").click().run()
    assert not at.exception, at.exception
    assert sorted(p.name for p in corpus.iterdir()) == ["逃逸 报告.txt"]
    assert not (tmp_path.parent / "逃逸 报告.txt").exists()
    assert any("空.md" in e.value for e in at.error)
    at.selectbox(key="remove_choice").set_value("逃逸 报告.txt").run()
    at.button(key="remove_doc").click().run()
    assert list(corpus.iterdir()) == []
