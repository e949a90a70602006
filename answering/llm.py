"""Optional LLM answerer: any OpenAI-compatible endpoint (vLLM, Ollama, Qwen, DeepSeek) via LangChain.

It answers only from the numbered passages, cites them as [1] [2], and every number in its
answer is checked against the passages it cites; an unsupported number is flagged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from langchain_core.messages import HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI

from reportqa.answering.citations import CitationList
from reportqa.core.errors import LLMError
from reportqa.core.models import NOT_FOUND, Answer, DocumentMeta, Hit
from reportqa.core.settings import Settings
from reportqa.question.analysis import Query

SYSTEM_PROMPT = f"""你是政府报告问答助手。只能依据用户给出的编号材料回答，不得使用材料以外的知识。
规则：
1. 先用一句话直接回答（数量、日期、名称放在最前面），再给出至多三句依据。
2. 每句依据后用 [编号] 标注所引材料，例如 [1]、[2]。
3. 数字必须与材料原文一致，并注明年份。
4. 不同材料给出的数值不一致时，逐一列出各自的数值和出处。
5. 材料中没有答案时，只回答“{NOT_FOUND}”，并说明材料中最接近的信息。
6. 用中文回答，即使问题是英文。"""

_MARKER = re.compile(r"\[(\d{1,2})\]")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def build_messages(query: Query, hits: Sequence[Hit], documents: Mapping[str, DocumentMeta]) -> list:
    """The prompt: numbered passages with their document and section, then the question."""
    blocks = []
    for n, hit in enumerate(hits, start=1):
        meta = documents.get(hit.chunk.doc_id)
        source = meta.title if meta else hit.chunk.doc_id
        blocks.append(f"[{n}] 《{source}》 {hit.chunk.section}\n{hit.chunk.body}")
    passages = "\n\n".join(blocks) if blocks else "（没有检索到材料）"
    return [SystemMessage(SYSTEM_PROMPT), HumanMessage(f"材料：\n{passages}\n\n问题：{query.text}")]


def unsupported_numbers(answer: str, cited_texts: Sequence[str]) -> list[str]:
    """Numbers in `answer` (citation markers aside) that none of the cited passages contains."""
    haystack = " ".join(t.replace(",", "") for t in cited_texts)
    without_markers = _MARKER.sub(" ", answer)
    missing = []
    for number in _NUMBER.findall(without_markers):
        plain = number.replace(",", "")
        if not re.search(rf"(?<![\d.]){re.escape(plain)}(?![\d])", haystack) and plain not in missing:
            missing.append(plain)
    return missing


class LLMAnswerer:
    """answerer = LLMAnswerer(settings, documents); answer = answerer.answer(query, hits)"""

    def __init__(self, settings: Settings, documents: Mapping[str, DocumentMeta]) -> None:
        if not settings.llm_configured:
            raise LLMError("LLM answering needs llm_base_url and llm_model (REPORTQA_LLM_BASE_URL, REPORTQA_LLM_MODEL)")
        self.documents = documents
        self.chat = ChatOpenAI(
            base_url=settings.llm_base_url,
            model=settings.llm_model,
            api_key=settings.llm_api_key.get_secret_value() or "not-needed",
            timeout=settings.llm_timeout_s,
            max_retries=1,
            temperature=0,
        )

    def answer(self, query: Query, hits: Sequence[Hit], *, on_token: Callable[[str], None] | None = None) -> Answer:
        messages = build_messages(query, hits, self.documents)
        try:
            if on_token is None:
                text = str(self.chat.invoke(messages).content)
            else:
                parts = []
                for piece in self.chat.stream(messages):
                    token = str(piece.content)
                    parts.append(token)
                    on_token(token)
                text = "".join(parts)
        except Exception as exc:  # the endpoint's client raises many types; the user needs one message
            raise LLMError(f"LLM endpoint {self.chat.openai_api_base} failed: {exc}") from exc
        citations = CitationList(self.documents)
        renumber: dict[int, int] = {}
        for marker in _MARKER.findall(text):
            n = int(marker)
            if 1 <= n <= len(hits) and n not in renumber:
                hit = hits[n - 1]
                renumber[n] = citations.cite(hit, 0, len(hit.chunk.text))
        text = _MARKER.sub(lambda m: f"[{renumber[int(m.group(1))]}]" if int(m.group(1)) in renumber else "", text)
        warnings = []
        cited_hits = [hits[n - 1] for n in renumber]
        missing = unsupported_numbers(text, [t for h in cited_hits for t in (h.chunk.text, h.chunk.statement)])
        if missing:
            warnings.append(f"以下数字未在引用材料中找到，请核实：{'、'.join(missing)}")
            text += f"\n（注意：数字 {'、'.join(missing)} 未在引用材料中找到，请核实。）"
        found = bool(citations.items) and not text.strip().startswith(NOT_FOUND)
        return Answer(
            question=query.original, answer=text.strip(), found=found, citations=citations.items, warnings=warnings
        )
