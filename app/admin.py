"""Document administration for the chat app: the password gate, uploads, removal, background rebuilds.

Nothing here imports Streamlit, so each rule is tested on its own:

    is_admin_password("secret", settings.admin_password_sha256)   # hmac.compare_digest of sha256 digests
    save_upload(settings.corpus_dir, "../../etc/报告 2020.docx", data, max_mb=50, check=readable_document)
    # -> corpus/报告 2020.docx, or UploadError("报告 2020.docx：不是有效的 Word（.docx）文件…") and nothing written
    builder = IndexBuilder(settings); builder.start(); builder.state()
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reportqa.app.child_build import build_in_child
from reportqa.app.jobs import BackgroundJob, failure_text
from reportqa.core.errors import DocumentError, ReportQAError, printable
from reportqa.core.settings import Settings
from reportqa.ingest.pipeline import check_readable

if TYPE_CHECKING:  # the build module loads FAISS and the embedders: imported only when a build runs
    from reportqa.indexing.build import BuildReport


ALLOWED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
MAX_NAME_CHARS = 120
_UNSAFE_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


class UploadError(ReportQAError):
    """An uploaded file was refused; the message names the file (never a path) and the reason, in Chinese."""

    code = "upload"


def hash_password(password: str) -> str:
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


def is_admin_password(entered: str, expected_sha256: str) -> bool:
    """True when sha256(entered) equals the configured hex digest; always False when none is configured."""
    expected = expected_sha256.strip().lower()
    if not expected or not entered:
        return False
    return hmac.compare_digest(hash_password(entered).encode(), expected.encode())


def safe_filename(name: str, allowed: tuple[str, ...] = ALLOWED_SUFFIXES) -> str:
    """A plain file name for the corpus folder: no folders, no traversal, `allowed` suffix; Chinese and spaces kept."""
    original = _shown_name(name)
    name = unicodedata.normalize("NFC", name).replace("\\", "/").split("/")[-1]
    name = _UNSAFE_CHARS.sub("_", name)
    name = re.sub(r"\s+", " ", name).strip(" .")  # no hidden files, no trailing dots or spaces
    stem, dot, suffix = name.rpartition(".")
    suffix = f".{suffix.lower()}" if dot else ""
    if suffix not in allowed:
        raise UploadError(f"{original}：只接受 {'、'.join(allowed)} 文件")
    stem = stem.strip(" .")[: MAX_NAME_CHARS - len(suffix)].rstrip(" .")
    if not stem:
        raise UploadError(f"{original}：文件名为空，请重命名后再上传")
    return stem + suffix


def save_upload(
    corpus_dir: Path,
    name: str,
    data: bytes,
    *,
    max_mb: int,
    overwrite: bool = False,
    allowed: tuple[str, ...] = ALLOWED_SUFFIXES,
    check: Callable[[str, bytes], None] | None = None,
) -> Path:
    """Write an uploaded file into the top level of `corpus_dir` under a sanitised name; return its path.

    `check(filename, data)` raises UploadError for content to refuse; it runs before anything is written.
    """
    filename = safe_filename(name, allowed)
    if len(data) > max_mb * 1024 * 1024:
        raise UploadError(f"{filename}：文件超过 {max_mb} 兆字节的上限")
    if not data:
        raise UploadError(f"{filename}：文件是空的")
    if check is not None:
        check(filename, data)
    corpus_dir.mkdir(parents=True, exist_ok=True)
    root = corpus_dir.resolve()
    target = root / filename
    if target.parent != root or target.is_symlink():
        raise UploadError(f"{filename}：文件名不可用")
    if target.exists() and not overwrite:
        raise UploadError(f"{filename}：已有同名文档；如要替换，请勾选“替换同名文档”")
    tmp = root / f".{filename}.uploading"
    tmp.write_bytes(data)
    tmp.replace(target)  # atomic: the builder never sees half a file
    return target


def readable_document(filename: str, data: bytes) -> None:
    """Refuse (UploadError with the reason) a document a build would skip: parsed by the ingest's own loader."""
    try:
        check_readable(filename, data)
    except DocumentError as exc:
        raise UploadError(f"{filename}：{exc.reason}") from exc


def _shown_name(name: str) -> str:
    """The file name alone, printable: an upload's name may carry a client's folders."""
    return printable(name.replace("\\", "/").rsplit("/", 1)[-1]) or printable(name)


def list_documents(corpus_dir: Path) -> list[tuple[str, int]]:
    """(path relative to the corpus folder, size in bytes) of every document file, sorted."""
    if not corpus_dir.is_dir():
        return []
    found = []
    for path in corpus_dir.rglob("*"):
        rel = path.relative_to(corpus_dir)
        if any(part.startswith(".") for part in rel.parts) or path.suffix.lower() not in ALLOWED_SUFFIXES:
            continue
        if path.is_file() and not path.is_symlink():
            found.append((rel.as_posix(), path.stat().st_size))
    return sorted(found)


def remove_document(corpus_dir: Path, doc_id: str) -> None:
    """Delete one listed document; refuses anything that resolves outside the corpus folder."""
    root = corpus_dir.resolve()
    target = (root / doc_id).resolve()
    listed = {d for d, _ in list_documents(corpus_dir)}
    if doc_id not in listed or not target.is_relative_to(root):
        raise UploadError(f"{_shown_name(doc_id)}：不是文档目录中的文件")
    target.unlink()


@dataclass(frozen=True)
class BuildState:
    running: bool = False
    stage: str = ""
    done: int = 0
    total: int = 0
    report: BuildReport | None = None  # the last build's
    error: str = ""
    finished_at: float | None = None
    note: str = ""  # the build's last word: the embedding plan, a version published
    stage_started: float | None = None  # time.monotonic() of the stage's first report
    seconds_left: float | None = None  # of the stage, from its pace so far

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.total) if self.total else 0.0


STAGE_NAMES = {"parse": "解析文档", "chunk": "切分段落", "embed": "计算向量", "index": "写入索引", "save": "保存索引"}


class IndexBuilder(BackgroundJob[BuildState]):
    """Runs `reportqa.indexing.build.build_index` in a child process (`app.child_build`), watched from a
    background thread, one build at a time per process.

    Sessions poll `state()`; the engine serves the old index until the new version's CURRENT switch,
    and picks it up on its next `refresh()`.
    """

    def __init__(self, settings: Settings, build: Callable[..., BuildReport] | None = None) -> None:
        """`build` (default `build_in_child`) takes the settings, `full`, `progress` and `notify`."""
        super().__init__(BuildState(), "reportqa-index-build")
        self.settings = settings
        self._build = build

    def start(self, *, full: bool = False) -> bool:
        """Start a build unless one is running; returns whether one was started."""
        return self._launch(
            lambda last: BuildState(running=True, stage="准备", report=last.report), lambda: self._run(full)
        )

    def _progress(self, stage: str, done: int, total: int) -> None:
        name, now = STAGE_NAMES.get(stage, stage), time.monotonic()
        started = self._state.stage_started if self._state.stage == name and self._state.stage_started else now
        left = (now - started) * (total - done) / done if done else None
        self._state = replace(self._state, stage=name, done=done, total=total, stage_started=started, seconds_left=left)

    def _note(self, note: str) -> None:
        self._state = replace(self._state, note=note)

    def _run(self, full: bool) -> None:
        try:
            build = self._build or build_in_child
            report = build(self.settings, full=full, progress=self._progress, notify=self._note)
        except Exception as exc:  # shown to the administrator
            error = failure_text(exc, "index build")
            self._state = BuildState(report=self._state.report, error=error, finished_at=time.time())
        else:
            self._state = BuildState(report=report, finished_at=time.time())
