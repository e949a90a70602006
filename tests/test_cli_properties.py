"""Property tests of the `reportqa` command through its real entry point: random files (bytes, names,
encodings) thrown at `ingest` and random questions at `ask`. Whatever comes in: no traceback, exit 0
or 2 with one "错误：…" line, `--json` output that always parses, and the published index answering."""

from __future__ import annotations

import operator
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportqa.cli import EXIT_USER_ERROR
from reportqa.ingest.loaders import CORPUS_NOTES
from reportqa.ingest.metadata import META_SIDECAR
from tests.test_cli_errors import QUESTION, REPORT, error_line

NAME_MAX = 255  # bytes, on Linux file systems

_CHINESE = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_REPORT_TEXT = st.lists(
    st.one_of(
        st.text(_CHINESE, min_size=1, max_size=40),
        st.sampled_from(["一、总体要求\n", "（一）主要指标\n", "企业1800家，增长12.5%。", "\t380\t512\n", "\n\n"]),
        st.text(max_size=40),
    ),
    max_size=12,
).map("".join)
_CONTENT = st.one_of(
    st.binary(max_size=1500),  # anything: binary, truncated, not text at all
    st.builds(
        lambda text, encoding: text.encode(encoding, errors="replace"),
        _REPORT_TEXT,
        st.sampled_from(["utf-8", "utf-8-sig", "gbk", "gb18030", "big5", "utf-16", "utf-16-be", "latin-1", "cp1252"]),
    ),
    st.just(b""),
    st.builds(operator.add, st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04"]), st.binary(max_size=300)),
)
_NAME_PART = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_characters="/\x00"), min_size=1, max_size=20),
    st.sampled_from(["　全角　文件", "ＡＢＣ１２３", " 空 格 ", "-", "--json", "-rf ", "…", "报告", "深圳市2021年"]),
    st.integers(60, 85).map(lambda n: "长" * n),  # up to the longest name a file system takes
    st.binary(min_size=1, max_size=12).filter(lambda b: b"/" not in b and b"\x00" not in b).map(os.fsdecode),
)
_NAME = st.builds(
    lambda parts, suffix: "".join(parts) + suffix,
    st.lists(_NAME_PART, min_size=1, max_size=3),
    st.sampled_from([".txt", ".md", ".docx", ".pdf", ".TXT", ".png", ""]),
).filter(lambda name: len(os.fsencode(name)) <= NAME_MAX and name not in (".", "..", REPORT[0]))


def _examples(count: int) -> settings:
    # the fixtures are stateless between examples: each example works in a home of its own
    return settings(
        max_examples=count,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@pytest.fixture
def published_home(cli, tmp_path: Path) -> Path:
    """A home whose corpus holds the report and whose index serves it; copied for each example."""
    home = tmp_path / "published"
    (home / "corpus").mkdir(parents=True)
    (home / "corpus" / REPORT[0]).write_text(REPORT[1], encoding="utf-8")
    assert cli("ingest", home=home).code == 0
    return home


def _visible(name: str) -> bool:
    """Whether `ingest` accounts for a file of this name (hidden files and corpus notes it passes over)."""
    return not name.startswith(".") and name.lower() not in CORPUS_NOTES and name != META_SIDECAR


def _count(label: str, summary: str) -> int:
    match = re.search(rf"{label} (\d+)", summary)
    return int(match.group(1)) if match else 0


@_examples(30)
@given(files=st.dictionaries(_NAME, _CONTENT, min_size=1, max_size=4))
def test_ingest_accounts_for_every_file_and_the_index_keeps_answering(cli, published_home, tmp_path, files):
    with tempfile.TemporaryDirectory(dir=tmp_path) as scratch:
        home = Path(scratch) / "home"
        shutil.copytree(published_home, home, symlinks=True)
        for name, data in files.items():
            (home / "corpus" / name).write_bytes(data)

        run = cli("ingest", home=home)
        assert run.code == 0, run.stderr
        assert "Traceback" not in run.stdout + run.stderr
        visible = sum(_visible(name) for name in files)
        # every file the user put there is either indexed or named with a reason, never both
        assert _count("新增", run.stderr) + _count("跳过", run.stderr) == visible, run.stderr
        assert len(re.findall(r"^跳过 .+：", run.stderr, re.MULTILINE)) == _count("跳过", run.stderr), run.stderr
        assert_still_answers_in(cli, home)


def assert_still_answers_in(cli, home: Path) -> None:
    run = cli("ask", "--json", QUESTION, home=home)
    assert run.code == 0 and "1800家" in run.json()["answer"], run.stdout + run.stderr


_QUESTION = st.one_of(
    st.text(max_size=40),
    st.text(_CHINESE, max_size=20).map(lambda text: text + "？"),
    st.builds(operator.add, st.sampled_from(["-", "--", "-x ", "--top-k", "--doc", "--json"]), st.text(max_size=9)),
    st.binary(max_size=20).map(os.fsdecode),  # bytes that are not UTF-8, as a shell passes them on
    st.just("高企" * 1001),
).filter(lambda q: "\x00" not in q and q != "--help")  # no command line holds a NUL; --help is a request for help


@_examples(60)
@given(question=_QUESTION)
def test_ask_answers_or_names_the_problem_and_json_always_parses(cli, published_home, question):
    for args in (["ask", "--json", question], ["ask", "--json", "--", question]):
        run = cli(*args, home=published_home)
        assert "Traceback" not in run.stderr
        payload = run.json()  # one object, whatever the question
        if run.code == 0:
            assert isinstance(payload["answer"], str) and payload["index_version"]
        else:
            assert run.code == EXIT_USER_ERROR and payload["error"]["code"] in {"usage", "encoding", "question"}
            assert payload["error"]["message"]
    run = cli("ask", "--", question, home=published_home)
    assert run.code in (0, EXIT_USER_ERROR) and "Traceback" not in run.stderr
    if run.code:
        error_line(run)
    assert_still_answers_in(cli, published_home)
