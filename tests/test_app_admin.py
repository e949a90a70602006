"""reportqa.app.admin: the password gate and upload rules, without Streamlit."""

from __future__ import annotations

import pytest

from reportqa.app.admin import (
    IndexBuilder,
    UploadError,
    hash_password,
    is_admin_password,
    list_documents,
    remove_document,
    safe_filename,
    save_upload,
)
from reportqa.app.child_build import build_in_child
from reportqa.core.errors import ReportQAError
from reportqa.core.settings import Settings
from tests.openai_stub_server import OpenAIStubServer


def test_password_gate():
    digest = hash_password("正确的密码")
    assert is_admin_password("正确的密码", digest)
    assert is_admin_password("正确的密码", digest.upper() + "\n")
    assert not is_admin_password("wrong", digest)
    assert not is_admin_password("", digest)
    assert not is_admin_password("anything", "")  # no password configured: never admin


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("淄博市 2020年 报告.docx", "淄博市 2020年 报告.docx"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("/abs/path/规划.PDF", "规划.pdf"),
        ("..\\..\\windows\\报告.md", "报告.md"),
        (".hidden.txt", "hidden.txt"),
        ('a<b>:"c"|?*.txt', "a_b___c____.txt"),
    ],
)
def test_safe_filename(name, expected):
    assert safe_filename(name) == expected


@pytest.mark.parametrize("name", ["evil.sh", "报告", "..", "../.txt", "x.txt/..", "a.docx.exe"])
def test_safe_filename_refuses(name):
    with pytest.raises(UploadError):
        safe_filename(name)


def test_save_upload_stays_in_corpus_and_does_not_overwrite(tmp_path):
    corpus = tmp_path / "corpus"
    path = save_upload(corpus, "../outside/报告 一.txt", "内容".encode(), max_mb=1)
    assert path == corpus.resolve() / "报告 一.txt"
    assert not (tmp_path / "outside").exists()
    with pytest.raises(UploadError, match="同名"):
        save_upload(corpus, "报告 一.txt", b"x", max_mb=1)
    save_upload(corpus, "报告 一.txt", b"new", max_mb=1, overwrite=True)
    assert path.read_bytes() == b"new"
    with pytest.raises(UploadError, match="MB"):
        save_upload(corpus, "big.txt", b"x" * (1024 * 1024 + 1), max_mb=1)
    with pytest.raises(UploadError, match="空"):
        save_upload(corpus, "empty.txt", b"", max_mb=1)


def test_save_upload_refuses_symlink_target(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    (corpus / "link.txt").symlink_to(outside)
    with pytest.raises(UploadError):
        save_upload(corpus, "link.txt", b"x", max_mb=1, overwrite=True)
    assert outside.read_text() == "secret"


def test_list_and_remove(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text("a")
    (corpus / "sub" / "b.md").write_text("b")
    (corpus / "notes.sh").write_text("x")
    (corpus / ".a.txt.uploading").write_text("x")
    (tmp_path / "outside.txt").write_text("keep")
    assert [d for d, _ in list_documents(corpus)] == ["a.txt", "sub/b.md"]
    remove_document(corpus, "sub/b.md")
    assert not (corpus / "sub" / "b.md").exists()
    for bad in ("../outside.txt", "notes.sh", "/etc/passwd"):
        with pytest.raises(UploadError):
            remove_document(corpus, bad)
    assert (tmp_path / "outside.txt").exists()


def test_builder_reports_errors_without_raising(tmp_path, monkeypatch):

    calls = []

    def fake_build(settings, full=False, progress=None, notify=None):
        calls.append(full)
        notify("需计算向量：2 个段落")
        progress("embed", 1, 2)
        raise RuntimeError("disk full")

    builder = IndexBuilder(Settings(index_dir=tmp_path / "index", corpus_dir=tmp_path), build=fake_build)
    assert builder.start(full=True)
    state = builder.wait(10)
    assert calls == [True]
    assert not state.running and "disk full" in state.error


def test_the_app_builds_in_a_child_process_and_hears_its_progress(tmp_path):
    """A real build in a spawned process, embedding through the stub endpoint on 127.0.0.1 (fast, no model)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "深圳市2021年政府工作报告.txt").write_text(
        "深圳市2021年政府工作报告\n\n新增国家级高新技术企业1800家，总数超过1.86万家。\n", encoding="utf-8"
    )
    stages, notes = [], []
    with OpenAIStubServer() as server:
        settings = Settings(
            home=tmp_path, embedder="openai", embedder_base_url=server.base_url, embedder_model="stub-embed"
        )
        report = build_in_child(settings, progress=lambda *args: stages.append(args), notify=notes.append)
        assert server.requests  # the child embedded over HTTP
        builder = IndexBuilder(settings)  # builds in a child by default
        assert builder.start()
        state = builder.wait(120)
    assert state.summary.startswith(f"索引无变化，仍为版本 {report.version}") and not state.error
    assert report.switched and report.partial_version and report.chunks_embedded == report.chunks > 0
    assert notes[0].startswith(f"已发布索引版本 {report.partial_version}") and notes[1].startswith("需计算向量")
    assert ("embed", report.chunks, report.chunks) in stages and stages[-1][0] == "save"
    with pytest.raises(ReportQAError, match="nowhere"):
        build_in_child(settings.model_copy(update={"corpus_dir": tmp_path / "nowhere"}), progress=print, notify=print)
