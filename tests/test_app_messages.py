"""reportqa.app.messages: what the page says for each error is Chinese, whatever the error's message holds."""

from __future__ import annotations

import re

import pytest

from reportqa.app.admin import UploadError
from reportqa.app.messages import GENERIC, user_message
from reportqa.core import errors
from reportqa.core.errors import DocumentError, QuestionError, ReportQAError, UnclearFollowupError

TECHNICAL = "llm_base_url / llm_model are not set at /srv/reportqa/index (HTTP 500)"


@pytest.mark.parametrize(
    "error_class",
    [errors.IndexMismatchError, errors.IndexMissingError, errors.IndexBusyError, errors.IndexWriteError,
     errors.EmptyCorpusError, errors.SettingsError, errors.LLMError, ReportQAError],
)  # fmt: skip
def test_technical_errors_read_as_plain_chinese(error_class):
    shown = user_message(error_class(TECHNICAL))
    assert shown and not re.search(r"[A-Za-z/]", shown)


def test_errors_written_for_officials_show_their_reason_without_field_or_path():
    question = QuestionError("问题为空，请输入要查询的内容", "the question is empty")
    assert str(question).startswith("question: ") and user_message(question) == "问题为空，请输入要查询的内容"
    followup = UnclearFollowupError("请问您想了解2015年的哪一项内容？")
    assert user_message(followup) == "请问您想了解2015年的哪一项内容？"
    document = DocumentError("/srv/corpus/年报_2020.pdf", "不是有效的 PDF 文件", "PSEOF: unexpected end")
    assert "/srv" in document.path and user_message(document) == "不是有效的 PDF 文件"
    assert document.name == "年报_2020.pdf" and "PSEOF" in str(document)
    assert user_message(UploadError("坏.pdf：文件是空的")) == "坏.pdf：文件是空的"
    assert user_message(ReportQAError(TECHNICAL)) == GENERIC
