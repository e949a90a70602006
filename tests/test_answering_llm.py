"""The LLM answerer against a real OpenAI-compatible HTTP server on 127.0.0.1."""

from __future__ import annotations

import pytest

from reportqa.answering.llm import LLMAnswerer, unsupported_numbers
from reportqa.core.errors import LLMError
from reportqa.core.models import Chunk, DocumentMeta, Hit
from reportqa.core.settings import Settings
from reportqa.question.analysis import analyse
from tests.openai_stub_server import OpenAIStubServer

DOC = "report.txt"
METAS = {DOC: DocumentMeta(title="淄博市科技创新规划后评估报告", place="淄博市", year=2020)}
PASSAGES = [
    "全市高新技术企业由2015年的251家增加到512家，增长103.98%。企业加大研发投入。",
    "2018年，全市研发经费投入总额达到133.68亿元，占GDP的比重为2.63%。",
]


def _hits() -> list[Hit]:
    hits, offset = [], 0
    for text in PASSAGES:
        chunk = Chunk(f"{DOC}#{offset}", DOC, offset, offset + len(text), text, "二、评估的主要内容")
        hits.append(Hit(chunk=chunk, score=1.0))
        offset += len(text) + 1
    return hits


def _settings(server: OpenAIStubServer) -> Settings:
    return Settings(answer_mode="llm", llm_base_url=server.base_url, llm_model="stub-model", llm_api_key="k")


def test_answer_cites_passages_and_sends_them_numbered() -> None:
    with OpenAIStubServer() as server:
        answer = LLMAnswerer(_settings(server), METAS).answer(analyse("2015年高新技术企业有多少家？"), _hits())
    assert answer.found
    assert "251家" in answer.answer and "[1]" in answer.answer
    assert [c.n for c in answer.citations] == [1]
    assert answer.citations[0].text == PASSAGES[0]
    prompt = server.requests[0]["messages"][-1]["content"]
    assert "[1]" in prompt and "[2]" in prompt and "133.68亿元" in prompt
    assert not answer.warnings


def test_streaming_delivers_tokens_and_the_same_answer() -> None:
    tokens: list[str] = []
    with OpenAIStubServer() as server:
        answer = LLMAnswerer(_settings(server), METAS).answer(
            analyse("2015年高新技术企业有多少家？"), _hits(), on_token=tokens.append
        )
        assert server.requests[0]["stream"] is True
    assert len(tokens) > 1
    assert "".join(tokens).startswith(answer.answer.split("[")[0])


def test_an_invented_number_is_flagged() -> None:
    with OpenAIStubServer() as server:
        server.reply = "2019年全市共有高新技术企业612家[1]。"
        answer = LLMAnswerer(_settings(server), METAS).answer(analyse("2019年高新技术企业有多少家？"), _hits())
    assert any("612" in w for w in answer.warnings)
    assert "请核实" in answer.answer


def test_not_found_reply_is_not_found() -> None:
    with OpenAIStubServer() as server:
        server.reply = "文中未提及2021年的数据。"
        answer = LLMAnswerer(_settings(server), METAS).answer(analyse("2021年高新技术企业有多少家？"), _hits())
    assert not answer.found


def test_unreachable_endpoint_is_a_clear_error() -> None:
    settings = Settings(answer_mode="llm", llm_base_url="http://127.0.0.1:9/v1", llm_model="m", llm_timeout_s=2)
    with pytest.raises(LLMError, match=r"127\.0\.0\.1:9"):
        LLMAnswerer(settings, METAS).answer(analyse("2019年高新技术企业有多少家？"), _hits())


def test_unconfigured_llm_is_a_clear_error() -> None:
    with pytest.raises(LLMError, match="llm_base_url"):
        LLMAnswerer(Settings(), METAS)


def test_unsupported_numbers_ignores_markers_and_commas() -> None:
    assert unsupported_numbers("共有1,200家[2]", ["共有1200家"]) == []
    assert unsupported_numbers("共有13家[1]", ["共有1300家"]) == ["13"]
