"""What an official reads when something goes wrong: plain Chinese chosen by the error's code.

An error's message may name a settings field, a server path or an English detail (the CLI and the logs
want those); the page shows `user_message(exc)` instead and never parses the message.

    >>> from reportqa.core.errors import QuestionError
    >>> user_message(QuestionError("问题为空，请输入要查询的内容", "the question is empty"))
    '问题为空，请输入要查询的内容'
"""

from __future__ import annotations

from reportqa.core.errors import ReportQAError

# errors whose `reason` is already written for an official
_OWN_REASON = frozenset({"question", "unclear_followup", "document", "upload", "question_set"})
_BY_CODE = {
    "llm": "大模型服务暂时无法使用，可在侧栏“回答设置”中改用“摘录原文”方式。",
    "index_missing": "索引尚未建立，请管理员在侧栏“文档管理”中重建索引。",
    "index_mismatch": "索引与当前设置不一致，请管理员在侧栏“文档管理”中勾选“完全重建”后重建索引。",
    "index_busy": "索引正在重建，请稍后再试。",
    "index_write": "索引无法写入（磁盘已满或目录只读），未作任何更改，请联系管理员。",
    "empty_corpus": "文档目录中没有可以读取的文档，为免清空正在使用的索引，本次未更新。请先上传文档。",
    "settings": "系统设置有误，请联系管理员。",
}
GENERIC = "出了点问题，未能完成。请稍后再试；如仍有问题请联系管理员（详情已记录在服务器日志中）。"


def user_message(exc: ReportQAError) -> str:
    """The Chinese an official reads for `exc`: its own reason where it has one, else its code's text."""
    if exc.code in _OWN_REASON:
        return exc.reason
    return _BY_CODE.get(exc.code, GENERIC)
