"""Errors a user can act on: each names the file or field and says what to do."""

from __future__ import annotations


class ReportQAError(Exception):
    """Base class; the CLI prints these without a traceback."""


class DocumentError(ReportQAError):
    """A source file could not be read. Always names the file."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class IndexMismatchError(ReportQAError):
    """The index on disk was built with another schema, embedder or settings."""


class IndexMissingError(ReportQAError):
    """No index has been built yet."""


class IndexBusyError(ReportQAError):
    """Another build holds the index lock."""


class QuestionError(ReportQAError):
    """The question is empty, too long or otherwise unusable. Names the field."""


class LLMError(ReportQAError):
    """The configured LLM endpoint failed or is not configured."""
