"""Re-ranking fused hits by the share of the question's words each passage holds (real BM25 idf)."""

from __future__ import annotations

import pytest

from reportqa.core.models import Chunk, DocumentMeta, Hit
from reportqa.core.settings import Settings
from reportqa.indexing.keyword import KeywordIndex
from reportqa.language.lexicon import Lexicon
from reportqa.retrieval.hybrid import joint_tokens
from reportqa.retrieval.rerank import CoverageReranker

# sentences of the 昆明市 work report 2021 (cn_city_work_reports/昆明市/2021.md)
PASSAGES = [
    "五年来，我们狠抓改革开放创新，发展动力活力持续增强。",
    "昆明成为国家创新型城市、国家小微企业创业创新基地示范城市、国家知识产权示范城市。",
    "与北京大学肿瘤医院、中日友好医院等21家高端优质医疗机构开展合作，建成国家级卒中中心5个、胸痛中心4个、创伤救治中心3个。",
    "中国铜业等319家企业总部落户昆明，保有税收亿元以上楼宇48幢，入驻企业税收收入总量较2015年增长1.5倍。",
]
META = {"昆明.md": DocumentMeta(title="昆明市2021年政府工作报告", place="昆明市", year=2021)}


def _hits(scores: list[float]) -> list[Hit]:
    return [
        Hit(chunk=Chunk(f"昆明.md#{i}", "昆明.md", 0, len(text), text, "一、“十三五”时期和2020年工作回顾"), score=score)
        for i, (text, score) in enumerate(zip(PASSAGES, scores, strict=True))
    ]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load(Settings().lexicon_dir)


def test_a_passage_holding_the_questions_rare_words_moves_up(lexicon: Lexicon) -> None:
    stats = KeywordIndex.build([lexicon.keyword_tokens(p) for p in PASSAGES])
    reranker = CoverageReranker(lexicon, stats, META, weight=0.5)
    hits = _hits([0.050, 0.048, 0.030, 0.020])
    ranked = reranker.rerank("建成了几个国家级卒中中心？", hits, top_k=2)
    assert [h.chunk.chunk_id for h in ranked] == ["昆明.md#2", "昆明.md#0"]
    assert ranked[0].score == 0.030  # the fused score is kept

    unchanged = CoverageReranker(lexicon, stats, META, weight=0.0).rerank("国家级卒中中心", hits, top_k=2)
    assert [h.chunk.chunk_id for h in unchanged] == ["昆明.md#0", "昆明.md#1"]


def test_the_settled_place_does_not_move_a_passage_up(lexicon: Lexicon) -> None:
    stats = KeywordIndex.build([lexicon.keyword_tokens(p) for p in PASSAGES])
    reranker = CoverageReranker(lexicon, stats, META, weight=0.5)
    no_place, naming_it = _hits([0.05, 0.05, 0.05, 0.05])[0], _hits([0.05, 0.05, 0.05, 0.05])[3]
    question = "昆明的卒中中心建设情况如何？"
    assert reranker.rerank(question, [no_place, naming_it], top_k=2)[0] is naming_it
    assert reranker.rerank(question, [no_place, naming_it], top_k=2, settled_words={"昆明"})[0] is no_place


def test_a_negative_weight_is_refused(lexicon: Lexicon) -> None:
    with pytest.raises(ValueError, match="rerank weight"):
        CoverageReranker(lexicon, KeywordIndex.build([["x"]]), META, weight=-1)


def test_a_passage_naming_the_thing_asked_with_its_twin_holds_it(lexicon: Lexicon) -> None:
    # "城乡居民…分别达到X元和Y元" states 城镇居民人均可支配收入 (my own wording)
    passages = ["城乡居民人均可支配收入分别达到30120元和15340元。", "城镇居民消费价格上涨2%，居民收入稳步提高。"]
    # another report names it as the question does: the index uses the word
    stats = KeywordIndex.build([lexicon.keyword_tokens(p) for p in [*passages, "城镇居民人均可支配收入增长5%。"]])
    hits = [
        Hit(chunk=Chunk(f"县.md#{i}", "县.md", 0, len(text), text, "一、工作回顾"), score=score)
        for i, (text, score) in enumerate(zip(passages, [0.04, 0.05], strict=True))
    ]
    ranked = CoverageReranker(lexicon, stats, META, weight=0.5).rerank("城镇居民人均可支配收入是多少？", hits, top_k=1)
    assert ranked[0].chunk.chunk_id == "县.md#0"
    assert joint_tokens(lexicon, "城镇居民人均可支配收入") == [lexicon.keyword_tokens("城乡居民人均可支配收入")]
