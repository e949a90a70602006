"""The pipeline assembled once per process (`Engine`): what the CLI, the chat app and the eval suite call."""

from reportqa.engine.engine import Engine, IndexStatus

__all__ = ["Engine", "IndexStatus"]
