"""reportqa.app.admin: the password gate and upload rules, without Streamlit."""

from __future__ import annotations

import re

import pytest

from reportqa.app.admin import (
    IndexBuilder,
    UploadError,
    hash_password,
    is_admin_password,
    list_documents,
    readable_document,
    remove_document,
    safe_filename,
    save_upload,
)
from reportqa.app.child_build import build_in_child
from reportqa.core.errors import ReportQAError
from reportqa.core.settings import Settings
from tests.openai_stub_server import OpenAIStubServer
from tests.pdf_bytes import minimal_pdf


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
    with pytest.raises(UploadError, match="兆字节"):
        save_upload(corpus, "big.txt", b"x" * (1024 * 1024 + 1), max_mb=1)
    with pytest.raises(UploadError, match="空"):
        save_upload(corpus, "empty.txt", b"", max_mb=1)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("bad.pdf", bytes(range(256)) * 8, "不是有效的 PDF 文件"),
        ("坏的_报告.docx", b"PK\x03\x04 not really a zip", "不是有效的 Word"),
        ("二进制.txt", b"\x00\x01\x02binary", "二进制文件"),
        ("空白.md", b"  \n\n ", "没有文字内容"),
        ("扫描件.pdf", minimal_pdf([b""]), "没有文字层"),
    ],
)
def test_unreadable_upload_is_refused_with_its_reason_and_nothing_written(tmp_path, name, data, reason):
    corpus = tmp_path / "corpus"
    with pytest.raises(UploadError) as refused:
        save_upload(corpus, f"C:\\用户\\{name}", data, max_mb=1, check=readable_document)
    assert str(refused.value).startswith(f"{name}：") and reason in str(refused.value)
    assert "C:" not in str(refused.value)
    assert not re.search(r"[A-Za-z]", re.sub(r"PDF|Word|docx", "", refused.value.reason.replace(name, "")))
    assert not corpus.exists() or list(corpus.iterdir()) == []


def test_readable_upload_is_saved(tmp_path):
    corpus = tmp_path / "corpus"
    pdf = minimal_pdf([b"BT /F1 12 Tf 72 700 Td (Annual report 2020) Tj ET"])
    assert save_upload(corpus, "report.pdf", pdf, max_mb=1, check=readable_document).read_bytes() == pdf
    text = "高新技术企业512家。".encode()
    assert save_upload(corpus, "报告_2020.txt", text, max_mb=1, check=readable_document).exists()


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


def test_builder_reports_errors_without_raising(tmp_path, monkeypatch, caplog):

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
    assert not state.running and "服务器日志" in state.error and "disk full" not in state.error
    assert "disk full" in caplog.text  # the administrator's detail is in the server log


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
    assert state.report is not None and not state.error
    assert state.report.summary().startswith(f"索引无变化，仍为版本 {report.version}")
    assert report.switched and report.partial_version and report.chunks_embedded == report.chunks > 0
    assert notes[0].startswith(f"已发布索引版本 {report.partial_version}") and notes[1].startswith("需计算向量")
    assert ("embed", report.chunks, report.chunks) in stages and stages[-1][0] == "save"
    with pytest.raises(ReportQAError, match="nowhere"):
        build_in_child(settings.model_copy(update={"corpus_dir": tmp_path / "nowhere"}), progress=print, notify=print)
