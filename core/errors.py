"""Errors a user can act on: each names the file or field and says what to do.

Each class has a `code`: the CLI prints `{"error": {"code": ..., "message": ...}}` under `--json`,
so a script can tell a bad question from a missing index without parsing the message.
"""

from __future__ import annotations

import errno
import unicodedata
from pathlib import PurePath


class ReportQAError(Exception):
    """Base class; the CLI prints these without a traceback.

    `reason` is what an official reads in the app: plain Chinese, no field names, paths or English.
    The message (``str(exc)``) may add those for the CLI and the logs.
    """

    code = "error"

    def __init__(self, message: str = "", *, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


class DocumentError(ReportQAError):
    """A source file could not be read. Always names the file: by its name, never the server's path to it
    (which `path` keeps for the code). `reason` is Chinese; `detail` (English, the parser's own words)
    joins it in the message only."""

    code = "document"

    def __init__(self, path: str, reason: str, detail: str = "") -> None:
        self.path = path
        self.name = printable(PurePath(path).name or path)
        super().__init__(f"{self.name}: {reason}" + (f" ({detail})" if detail else ""), reason=reason)


class IndexMismatchError(ReportQAError):
    """The index on disk was built with another schema, embedder or settings."""

    code = "index_mismatch"


class IndexMissingError(ReportQAError):
    """No index has been built yet."""

    code = "index_missing"


class IndexBusyError(ReportQAError):
    """Another build holds the index lock."""

    code = "index_busy"


class IndexWriteError(ReportQAError):
    """A build could not write the index or the vector cache (read-only folder, full disk); nothing was switched."""

    code = "index_write"


class EmptyCorpusError(ReportQAError):
    """The corpus has no readable document while the serving index has some (a mount that came up empty?)."""

    code = "empty_corpus"


class SettingsError(ReportQAError):
    """reportqa.toml or a REPORTQA_* variable holds a value the settings cannot take. Names the field."""

    code = "settings"


class QuestionError(ReportQAError):
    """The question is empty, too long or otherwise unusable. The message names the field; `reason` is Chinese."""

    code = "question"

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"question: {reason}" + (f" ({detail})" if detail else ""), reason=reason)


class UnclearFollowupError(QuestionError):
    """A follow-up ("那2015年呢？") with no earlier question to follow: `reason` asks what it refers to."""

    code = "unclear_followup"


class LLMError(ReportQAError):
    """The configured LLM endpoint failed or is not configured."""

    code = "llm"


class EmbedderError(ReportQAError):
    """The embeddings endpoint is down or answered wrongly; the message names its URL."""

    code = "embedder"


_OS_REASONS = {
    errno.ENOSPC: "磁盘空间已满 (no space left on the device)",
    errno.EDQUOT: "磁盘配额已用完 (disk quota exceeded)",
    errno.EFBIG: "文件超过系统允许的大小 (file too large)",
    errno.EROFS: "文件系统是只读的 (read-only file system)",
    errno.EACCES: "没有权限 (permission denied)",
    errno.EPERM: "没有权限 (operation not permitted)",
    errno.ENOTDIR: "路径中有一段不是文件夹 (not a directory)",
    errno.EISDIR: "这是文件夹，不是文件 (is a directory)",
    errno.EEXIST: "已有同名文件 (file exists)",
}


def os_error_reason(exc: OSError) -> str:
    """What went wrong, in the words a user needs: a full disk or a read-only folder, else the system's own.

    >>> os_error_reason(OSError(errno.ENOSPC, "No space left on device"))
    '磁盘空间已满 (no space left on the device)'
    """
    return _OS_REASONS.get(exc.errno) or exc.strerror or str(exc)


def has_bytes_not_utf8(text: str) -> bool:
    """Whether `text` came from bytes that are not UTF-8: Python keeps those of file names and arguments
    as lone surrogates, which cannot be printed or stored.

    >>> has_bytes_not_utf8("\\udcb1\\udca8.txt"), has_bytes_not_utf8("报告\\n.txt")  # b"\\xb1\\xa8" is GBK
    (True, False)
    """
    return any("\ud800" <= char <= "\udfff" for char in text)


def printable(text: str) -> str:
    """`text` as one printable line, for a message that names a file or echoes an argument: bytes that
    were not UTF-8 become "?", control characters and line separators their escapes.

    >>> printable("\\udcb1\\udca8高企\\n.txt")
    '??高企\\\\n.txt'
    """
    text = text.encode("utf-8", "replace").decode("utf-8")
    return "".join(_escaped(char) if unicodedata.category(char) in _LINE_BREAKING else char for char in text)


_LINE_BREAKING = frozenset({"Cc", "Zl", "Zp"})  # str.splitlines() breaks at several of these, terminals at more


def _escaped(char: str) -> str:
    return char.encode("unicode_escape").decode("ascii")
