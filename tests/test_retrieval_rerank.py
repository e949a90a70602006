"""Re-ranking fused hits by the share of the question's words each passage holds (real BM25 idf)."""

from __future__ import annotations

import pytest

from reportqa.core.models import Chunk, DocumentMeta, Hit
from reportqa.core.settings import Settings
from reportqa.indexing.keyword import KeywordIndex
from reportqa.language.lexicon import Lexicon
from reportqa.retrieval.rerank import CoverageReranker

PASSAGES = [
    "全市科技工作取得积极进展，创新能力不断提升。",
    "全市创新环境持续优化，科技服务体系不断完善。",
    "目前，全市省级以上创新平台达到383家。",
    "全市高新技术企业达到512家。",
]
META = {"淄博.txt": DocumentMeta(title="后评估报告", place="淄博市", year=2020)}


def _hits(scores: list[float]) -> list[Hit]:
    return [
        Hit(chunk=Chunk(f"淄博.txt#{i}", "淄博.txt", 0, len(text), text, "正文"), score=score)
        for i, (text, score) in enumerate(zip(PASSAGES, scores, strict=True))
    ]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load(Settings().lexicon_dir)


def test_a_passage_holding_the_questions_rare_words_moves_up(lexicon: Lexicon) -> None:
    stats = KeywordIndex.build([lexicon.keyword_tokens(p) for p in PASSAGES])
    reranker = CoverageReranker(lexicon, stats, META, weight=0.5)
    hits = _hits([0.050, 0.048, 0.030, 0.020])
    ranked = reranker.rerank("省级以上创新平台一共达到多少家？", hits, top_k=2)
    assert [h.chunk.chunk_id for h in ranked] == ["淄博.txt#2", "淄博.txt#0"]
    assert ranked[0].score == 0.030  # the fused score is kept

    unchanged = CoverageReranker(lexicon, stats, META, weight=0.0).rerank("省级以上创新平台", hits, top_k=2)
    assert [h.chunk.chunk_id for h in unchanged] == ["淄博.txt#0", "淄博.txt#1"]


def test_a_negative_weight_is_refused(lexicon: Lexicon) -> None:
    with pytest.raises(ValueError, match="rerank weight"):
        CoverageReranker(lexicon, KeywordIndex.build([["x"]]), META, weight=-1)
