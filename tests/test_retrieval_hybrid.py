"""Hybrid retrieval over a real FAISS index and a real bm25s index: fusion weights, scoping, boosts."""

from __future__ import annotations

import numpy as np
import pytest

from reportqa.core.models import Chunk
from reportqa.core.settings import Settings
from reportqa.indexing.dense import DenseIndex
from reportqa.indexing.keyword import KeywordIndex
from reportqa.language.lexicon import Lexicon
from reportqa.retrieval.hybrid import Fusion, HybridRetriever

# Six chunks in two documents; dense vectors are axis-aligned so the dense ranking is known exactly.
TOKENS = [["孵化器"], ["众创空间"], ["加速器"], ["科技园区"], ["高新技术企业", "512"], ["院士工作站"]]
DIRECTIONS = [0, 1, 2, 3, 4, 5]


class _Index:
    def __init__(self) -> None:
        self.chunks = [
            Chunk(f"{'a' if i < 3 else 'b'}.txt#{i}", "a.txt" if i < 3 else "b.txt", i, i + 1, "x", "")
            for i in range(len(TOKENS))
        ]
        self.vectors = np.eye(len(TOKENS), dtype=np.float32)[DIRECTIONS]
        self.embedded = np.ones(len(TOKENS), dtype=bool)
        self._dense = DenseIndex.build(self.vectors)
        self._keyword = KeywordIndex.build(TOKENS)

    def dense_search(self, query_vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        scores, ids = self._dense.search(query_vector, k)
        return list(zip(ids.tolist(), scores.tolist(), strict=True))

    def keyword_search(self, tokens: list[str], k: int) -> list[tuple[int, float]]:
        scores, ids = self._keyword.search(tokens, k)
        return list(zip(ids.tolist(), scores.tolist(), strict=True))

    def words_written_in(self, word: str, limit: int) -> list[str]:
        return [] if self._keyword.document_frequency(word) else self._keyword.words_holding(word, limit)


class _Tokens:
    def keyword_tokens(self, text: str) -> list[str]:
        return text.split()

    def joined_words(self, text: str) -> list[str]:
        return []


# The dense ranking of this query: 0, 1, 2, 3, 5 (chunk 4 is orthogonal to it, so last).
QUERY = np.array([0.9, 0.8, 0.7, 0.6, 0.0, 0.5], dtype=np.float32)
QUERY /= np.linalg.norm(QUERY)


def _retriever(fusion: Fusion | None = None, candidates: int = 6) -> HybridRetriever:
    return HybridRetriever(_Index(), embedder=None, tokenizer=_Tokens(), candidates=candidates, fusion=fusion)


def test_a_passage_only_the_keyword_search_finds_needs_the_keyword_weight_to_come_first() -> None:
    # three dense candidates (chunks 0, 1, 2); the keyword search finds chunk 4 only
    equal = _retriever(Fusion(), candidates=3).retrieve("高新技术企业", top_k=3, query_vector=QUERY)
    assert [h.chunk.start for h in equal] == [0, 4, 1]  # a tie with the dense head, broken by position
    trusted = _retriever(Fusion(dense_weight=0.5, keyword_weight=1.0, k=10), candidates=3)
    hits = trusted.retrieve("高新技术企业", top_k=3, query_vector=QUERY)
    assert [h.chunk.start for h in hits] == [4, 0, 1]
    assert hits[0].keyword_rank == 0 and hits[0].dense_rank is None


def test_scoping_and_boosts() -> None:
    retriever = _retriever()
    hits = retriever.retrieve("孵化器", top_k=3, allowed_docs={"b.txt"}, query_vector=QUERY)
    assert {h.chunk.doc_id for h in hits} == {"b.txt"}
    boosted = retriever.retrieve("孵化器", top_k=1, doc_boost={"b.txt": 10.0}, query_vector=QUERY)
    assert boosted[0].chunk.doc_id == "b.txt"


def test_settled_words_are_left_out_of_the_keyword_search() -> None:
    # "科技园区" stands for the place every allowed document is of: it no longer tells passages apart
    retriever = _retriever()
    hits = retriever.retrieve("科技园区 孵化器", top_k=6, query_vector=QUERY)
    assert {h.chunk.start for h in hits if h.keyword_rank is not None} == {0, 3}
    settled = retriever.retrieve("科技园区 孵化器", top_k=6, query_vector=QUERY, settled_words={"科技园区"})
    assert {h.chunk.start for h in settled if h.keyword_rank is not None} == {0}


@pytest.mark.parametrize("kwargs", [{"dense_weight": -1.0}, {"dense_weight": 0.0, "keyword_weight": 0.0}, {"k": 0.0}])
def test_bad_fusion_settings_name_the_value(kwargs: dict) -> None:
    with pytest.raises(ValueError, match="fusion"):
        Fusion(**kwargs)


class _TextIndex(_Index):
    """Passages of real report text, searched by the keyword tokens the project's lexicon gives them."""

    def __init__(self, texts: list[str], lexicon: Lexicon) -> None:
        self.chunks = [Chunk(f"a.txt#{i}", "a.txt", i, i + 1, text, "") for i, text in enumerate(texts)]
        self.vectors = np.zeros((len(texts), 2), dtype=np.float32)
        self.embedded = np.zeros(len(texts), dtype=bool)
        self._keyword = KeywordIndex.build([lexicon.keyword_tokens(text) for text in texts])


@pytest.mark.parametrize(
    ("question", "word", "texts"),
    [
        # the 2013 communiqué's wording: "城镇居民人均可支配收入" is one word of the dictionary, which
        # "城镇居民的人均可支配收入" would never match by its two words
        (
            "2013年城镇居民的人均可支配收入是多少？",
            "城镇居民人均可支配收入",
            [
                "城镇居民人均消费性支出18023元，比上年增长8.1%。",
                "农村居民人均纯收入8896元，比上年增长12.4%。",
                "城镇居民人均可支配收入26955元，比上年增长9.7%。",
            ],
        ),
        # my own review: "铁路营业里程" is one word of the lexicon; "铁路的营业里程" asks it in three
        (
            "2020年全省铁路的营业里程是多少？",
            "铁路营业里程",
            ["新建铁路3条，完成投资50亿元。", "全省公路营业性客运量达到9.6亿人次。", "全省铁路营业里程达到5200公里。"],
        ),
        # my own: a total asked ("粮食 总产量") is written without its 总 as often, one word (粮食产量)
        (
            "2031年全县粮食总产量是多少？",
            "粮食产量",
            ["粮食种植面积下降3%。", "其中，早稻产量12万吨，增产4%。", "全年粮食产量58万吨，全县增产2%。"],
        ),
    ],
)
def test_words_a_question_writes_apart_find_the_one_word_a_passage_writes(
    question: str, word: str, texts: list[str]
) -> None:
    lexicon = Lexicon.load(Settings().lexicon_dir)
    assert lexicon.joined_words(question) == [lexicon.canonical(word)]
    retriever = HybridRetriever(_TextIndex(texts, lexicon), embedder=None, tokenizer=lexicon, candidates=3)
    hits = retriever.retrieve(question, top_k=1)
    assert hits[0].chunk.text == texts[-1]


def test_a_word_the_passages_write_only_inside_longer_ones_finds_those() -> None:
    # an English question's gloss (藏羚) may be a word the passages never cut out alone (藏羚羊)
    lexicon = Lexicon.load(Settings().lexicon_dir)
    texts = ["新建城市公园12个。", "保护区内藏羚羊种群增至5万只。", "全年降水量680毫米。"]
    index = _TextIndex(texts, lexicon)
    assert index.words_written_in("藏羚", 3) == ["藏羚羊"] and index.words_written_in("种群", 3) == []
    retriever = HybridRetriever(index, embedder=None, tokenizer=lexicon, candidates=3)
    hits = retriever.retrieve("How many Tibetan antelopes (藏羚) are there?", top_k=1)
    assert [h.chunk.text for h in hits] == [texts[1]]


def test_passages_of_equal_score_rank_alike_however_the_allowed_documents_are_listed() -> None:
    # chunks 1 (a.txt) and 4 (b.txt) lie in one direction: their dense scores are equal
    index = _Index()
    index.vectors = np.eye(len(TOKENS), dtype=np.float32)[[0, 1, 2, 3, 1, 5]]
    retriever = HybridRetriever(index, embedder=None, tokenizer=_Tokens(), candidates=6)
    rankings = [
        [h.chunk.start for h in retriever.retrieve("", top_k=6, allowed_docs=docs, query_vector=QUERY)]
        for docs in (["a.txt", "b.txt"], ["b.txt", "a.txt"])
    ]
    assert rankings[0] == rankings[1]
    assert rankings[0].index(1) < rankings[0].index(4)  # the tie broken by passage position
