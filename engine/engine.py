"""The pipeline assembled once per process: embedder, lexicon, the serving index version, answerers.

    engine = Engine.open(Settings())
    answer = engine.ask("2019年高新技术企业有多少家？")

The CLI, the chat app and the eval suite all call `ask`. In llm mode an empty reply from the endpoint
falls back to the extractive answer with the warning `LLM_EMPTY_REPLY`. A new index version is picked up by
`refresh()` between questions; a question in flight finishes on the version it started with.
Searches run on the backend `settings.search_backend` names; `close()` lets go of its connection.
"""

from __future__ import annotations

import copy
import functools
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import zip_longest

from reportqa.answering.bridge import name_of_kind
from reportqa.answering.compare import side_by_side
from reportqa.answering.extractive import ExtractiveAnswerer
from reportqa.answering.llm import LLMAnswerer
from reportqa.answering.outline import Outline
from reportqa.answering.series import year_series
from reportqa.core.errors import LLMError
from reportqa.core.models import Answer, DirectAnswer, Document, DocumentMeta, Hit
from reportqa.core.settings import Settings
from reportqa.core.weights import AnswerWeights
from reportqa.indexing.backends import make_search_backend
from reportqa.indexing.build import duration_text
from reportqa.indexing.embedders import ReportEmbeddings, make_embedder
from reportqa.indexing.snapshot import IndexSnapshot, current_version, read_document
from reportqa.language.english import EnglishGlossary
from reportqa.language.lexicon import Lexicon
from reportqa.question.analysis import Query, analyse
from reportqa.question.bridge import Bridge, find_bridge
from reportqa.question.comparison import Comparison, split_comparison, split_share
from reportqa.question.parts import split_english_parts, split_parts
from reportqa.question.scope import DocumentScope, scope_documents
from reportqa.retrieval.hybrid import Fusion, HybridRetriever
from reportqa.retrieval.rerank import CoverageReranker

LLM_EMPTY_REPLY = "大模型返回了空回答，以下是摘录原文的答案 (the LLM replied with nothing: extractive answer shown)"
INCOMPLETE_INDEX = "{note}：部分段落尚未计算向量，暂只按关键词检索 (index incomplete: found by keyword only)"
_REPLACED_KEPT = 4  # versions: a build publishes two (keyword-searchable, then complete)


@dataclass(frozen=True)
class IndexStatus:
    version: str
    documents: int
    chunks: int
    embedder: str
    built_at: datetime | None
    missing_vectors: int = 0  # chunks published keyword-searchable whose vectors are still being computed
    missing_characters: int = 0  # their text

    def semantic_note(self, chars_per_second: float) -> str:
        """The share of passages with vectors and the time left, 语义索引 62%（约 12 分钟）; "" when complete."""
        if not self.missing_vectors:
            return ""
        done = 1 - self.missing_vectors / self.chunks
        return f"语义索引 {done:.0%}（{duration_text(self.missing_characters / chars_per_second)}）"


@dataclass(frozen=True)
class _Serving:
    """Everything bound to one index version; replaced whole, never mutated."""

    snapshot: IndexSnapshot
    retriever: HybridRetriever
    reranker: CoverageReranker
    extractive: ExtractiveAnswerer
    metas: dict[str, DocumentMeta]
    status: IndexStatus


class Engine:
    def __init__(self, settings: Settings, embedder: ReportEmbeddings | None = None) -> None:
        """`embedder` defaults to the one `settings` name; pass one to reuse a loaded model (or a test's)."""
        self.settings = settings
        self.embedder = embedder or make_embedder(settings)
        self.lexicon = Lexicon.load(settings.lexicon_dir)
        self.search_backend = make_search_backend(settings)
        self._serving: _Serving | None = None
        # the documents of the versions served last, by version: an answer of one is shown in context
        # after a rebuild replaced it, even when builds follow fast enough to have deleted its folder
        self._replaced: dict[str, Mapping[str, Document]] = {}
        self._refresh_lock = threading.Lock()
        # the passages found by keyword are read on another thread while a question is embedded (in
        # native code, which lets the interpreter go): embedding is the slow step of an answer
        self._reading = ThreadPoolExecutor(max_workers=2, thread_name_prefix="reportqa-read-ahead")

    @classmethod
    def open(cls, settings: Settings, embedder: ReportEmbeddings | None = None) -> Engine:
        """Load the embedder and the serving index version; raises IndexMissingError if none is built."""
        engine = cls(settings, embedder)
        try:
            engine.refresh()
        except BaseException:
            engine.close()
            raise
        return engine

    def close(self) -> None:
        self._reading.shutdown(wait=False)
        self.search_backend.close()

    # --- index versions ------------------------------------------------------------------------

    def refresh(self) -> bool:
        """Switch to the index version CURRENT names, if it changed. Returns True on a switch."""
        version = current_version(self.settings.index_dir)
        serving = self._serving
        if serving is not None and serving.snapshot.version == version:
            return False
        with self._refresh_lock:
            if self._serving is not None and self._serving.snapshot.version == version:
                return False
            snapshot = IndexSnapshot.load(self.settings.index_dir, self.embedder, backend=self.search_backend)
            if self._serving is not None:
                self._replaced[self._serving.snapshot.version] = self._serving.snapshot.documents
                while len(self._replaced) > _REPLACED_KEPT:
                    del self._replaced[next(iter(self._replaced))]
            self._serving = self._bind(snapshot)
            return True

    def _bind(self, snapshot: IndexSnapshot) -> _Serving:
        metas = {doc_id: doc.meta for doc_id, doc in snapshot.documents.items()}
        fusion = Fusion(
            dense_weight=self.settings.fusion_dense_weight,
            keyword_weight=self.settings.fusion_keyword_weight,
            k=self.settings.fusion_k,
        )
        retriever = HybridRetriever(
            snapshot, self.embedder, self.lexicon, candidates=self.settings.candidates, fusion=fusion
        )
        reranker = CoverageReranker(self.lexicon, snapshot.keyword, metas, weight=self.settings.rerank_weight)
        missing = [chunk for chunk, has in zip(snapshot.chunks, snapshot.embedded, strict=True) if not has]
        status = IndexStatus(
            version=snapshot.version,
            documents=len(snapshot.documents),
            chunks=len(snapshot.chunks),
            embedder=snapshot.manifest.embedder,
            built_at=snapshot.manifest.created_at,
            missing_vectors=len(missing),
            missing_characters=sum(len(chunk.text) for chunk in missing),
        )
        return _Serving(snapshot, retriever, reranker, self._extractive(snapshot, metas), metas, status)

    def _extractive(self, snapshot: IndexSnapshot, metas: dict[str, DocumentMeta]) -> ExtractiveAnswerer:
        return ExtractiveAnswerer(
            self.lexicon,
            term_stats=snapshot.keyword,
            documents=metas,
            weights=self.settings.answer_weights,
            outline=Outline(snapshot.chunks),
        )

    def with_answer_weights(self, weights: AnswerWeights) -> Engine:
        """This engine, answering with other weights: the same loaded models and serving index version
        (for fitting the weights; `reportqa.eval.fit_weights`)."""
        serving = self._current()
        engine = copy.copy(self)
        engine.settings = self.settings.model_copy(update={"answer_weights": weights})
        engine._refresh_lock = threading.Lock()
        engine._serving = replace(serving, extractive=engine._extractive(serving.snapshot, serving.metas))
        return engine

    def _current(self) -> _Serving:
        self.refresh()
        assert self._serving is not None
        return self._serving

    def status(self) -> IndexStatus:
        return self._current().status

    def documents(self) -> dict[str, DocumentMeta]:
        return dict(self._current().metas)

    def source_text(self, doc_id: str, version: str = "") -> str:
        """The text of `doc_id` that citations from index `version` (default: the serving one) point into.

        Show an answer's citations in context with `version=answer.index_version`: a rebuild may have
        changed the document since, and the answering version's text is then kept in memory (the
        last few versions this engine served) or read from its folder, which stays on disk for a
        couple of builds. Raises KeyError if that version has no such document, IndexMissingError
        once the version has been deleted.
        """
        snapshot = self._current().snapshot
        if not version or version == snapshot.version:
            return snapshot.documents[doc_id].text
        if (replaced := self._replaced.get(version)) is not None:
            return replaced[doc_id].text
        return read_document(self.settings.index_dir, version, doc_id).text

    # --- questions -----------------------------------------------------------------------------

    def ask(
        self,
        question: str,
        *,
        history: Sequence[str] = (),
        doc_filter: str | None = None,
        years: Sequence[int] = (),
        top_k: int | None = None,
        mode: str | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> Answer:
        """Answer `question` (follow-ups resolved against `history`, earlier questions oldest first).

        A question that compares two places or years is answered side by side, one question per side;
        one that asks several things at once, part by part.
        """
        serving = self._current()  # every part of the answer comes from this one index version
        mode = mode or self.settings.answer_mode
        top_k = top_k or self.settings.top_k
        query = self._analyse(serving, question, history)
        comparison = self._split(query) if mode != "llm" else None
        retrieved: list[Hit] = []
        bridge = find_bridge(query.text) if comparison is None and mode != "llm" else None
        through = bridge and self._through(serving, query, bridge, doc_filter, years, top_k, mode, retrieved)
        if through:
            comparison, parts, answers = through
        else:
            parts = self._parts(serving, query, comparison)
            answers = [self._answer(serving, p, doc_filter, years, top_k, mode, on_token, retrieved) for p in parts]
        answer = answers[0] if comparison is None else side_by_side(query.original, comparison, answers)
        share = split_share(query.text, self.lexicon.tagged) if comparison is None and mode != "llm" else None
        if share is not None and not (answer.direct is not None and answer.direct.family == "%"):
            # no share stated: worked out from the part and the whole, each asked, when both are found
            sides = self._parts(serving, query, share)
            side_answers = [self._answer(serving, side, doc_filter, years, top_k, mode, None, []) for side in sides]
            worked_out = side_by_side(query.original, share, side_answers)
            if worked_out.verdict:
                answer, parts = worked_out, sides
        warnings = answer.warnings if comparison is None else [w for part in answers for w in part.warnings]
        series = []
        if answer.found and any(part.kind == "quantity" for part in parts) and len(set(query.years)) != 1:
            # a comparison's sides too: "2015年和2019年…哪个多" is a series of its sides' years; a question
            # of one year ("2018年…是多少") asks that year's figure, whatever years its citations state
            chunks = {(hit.chunk.doc_id, hit.chunk.start, hit.chunk.end): hit.chunk for hit in retrieved}
            series = year_series(answer.citations, chunks)
        note = serving.status.semantic_note(self.settings.embed_chars_per_second)
        if note:
            warnings = [INCOMPLETE_INDEX.format(note=note), *warnings]
        return replace(answer, warnings=warnings, index_version=serving.snapshot.version, series=series)

    def _through(
        self,
        serving: _Serving,
        query: Query,
        bridge: Bridge,
        doc_filter: str | None,
        years: Sequence[int],
        top_k: int,
        mode: str,
        retrieved: list[Hit],
    ) -> tuple[Comparison, list[Query], list[Answer]] | None:
        """A question about a thing it names by what it did, in two steps: the thing's name, then the rest
        of the question of it, in the document that names it; as the steps and the answer to each. None
        when no name is found."""
        first = self._analyse(serving, bridge.first_question)
        named = self._answer(serving, first, doc_filter, years, top_k, mode, None, retrieved)
        if not named.found or not named.statements:
            return None
        statement = named.statements[0]
        name = name_of_kind(statement.text, bridge.kind, bridge.clue, self.lexicon.tagged)
        if name is None:
            return None
        source = named.citations[statement.citations[0] - 1].doc if statement.citations else None
        then = self._analyse(serving, bridge.then(name))
        rest = self._answer(serving, then, doc_filter or source, years, top_k, mode, None, retrieved)
        steps = Comparison(((bridge.kind, first.text), (bridge.rest.rstrip("？"), then.text)), "", all_parts=False)
        return steps, [first, then], [replace(named, direct=DirectAnswer(name)), rest]

    def _split(self, query: Query) -> Comparison | None:
        """The sides of a comparison, or the parts of a question that asks several things; None for one."""
        tag = self.lexicon.tagged
        if query.is_english and (parts := split_english_parts(query.original)):
            return parts
        return split_comparison(query.text, tag) or split_parts(query.text, tag)

    def _parts(self, serving: _Serving, query: Query, comparison: Comparison | None) -> list[Query]:
        """The questions to answer one by one: each side of a comparison or part of the question, else
        the question itself."""
        if comparison is None:
            return [query]
        return [self._analyse(serving, text) for _, text in comparison.sides]

    def _analyse(self, serving: _Serving, question: str, history: Sequence[str] = ()) -> Query:
        """The question analysed; an English one glossed with the Chinese words these documents use."""
        keyword = serving.snapshot.keyword

        def passages_using(chinese: str) -> int:
            tokens = self.lexicon.keyword_tokens(chinese)
            if len(tokens) < 2:
                # a word the passages hold only inside longer ones ("空气" of 空气质量) is used too
                used = next((keyword.document_frequency(t) or keyword.frequency_within(t) for t in tokens), 0)
                if used:
                    return used
                # and one they cut in its parts ("城镇人口 总数" of 人口总数)
                tokens = [t for part in self.lexicon.subwords(chinese) for t in self.lexicon.keyword_tokens(part)]
                if len(tokens) < 2:
                    return 0
            # words of their own ("交通拥堵 指数"): the passages that write them side by side, as one
            rarest = min(tokens, key=keyword.document_frequency)
            holding = keyword.document_frequency(rarest)
            chunks = serving.snapshot.chunks
            return sum(chinese in chunks[i].text for i in keyword.search([rarest], holding)[1]) if holding else 0

        def is_word(chinese: str) -> bool:
            return len(self.lexicon.keyword_tokens(chinese)) == 1

        def gloss(text: str) -> str:
            # the lexicon's phrases, and english.txt's names of what the passages write ("rare earths": 稀土)
            named = [(s, e, chinese) for s, e, chinese in self.lexicon.english_names(text) if passages_using(chinese)]
            return EnglishGlossary.shared().gloss(text, passages_using, is_word, self.lexicon.phrases(text), named)

        def official(text: str) -> str:
            return self.lexicon.in_official_words(text, lambda phrase: passages_using(phrase) > 0)

        return analyse(
            question,
            history,
            max_chars=self.settings.max_question_chars,
            gloss_english=gloss,
            in_official_words=official,
        )

    def _answer(
        self,
        serving: _Serving,
        query: Query,
        doc_filter: str | None,
        years: Sequence[int],
        top_k: int,
        mode: str,
        on_token: Callable[[str], None] | None,
        retrieved: list[Hit],
    ) -> Answer:
        """The answer to one question; the passages it was answered from are added to `retrieved`."""
        scope = scope_documents(query, serving.metas, doc_filter=doc_filter, years=years)
        if scope.unavailable:
            return Answer(question=query.original, answer=scope.unavailable, found=False)
        read_ahead = serving.extractive.read_ahead if mode != "llm" else None
        hits = self._retrieve(serving, query, scope, top_k, read_ahead)
        retrieved += hits
        if mode == "llm":
            if not self.settings.llm_configured:
                raise LLMError("answer_mode is llm but llm_base_url / llm_model are not set")
            answer = LLMAnswerer(self.settings, serving.metas).answer(query, hits, on_token=on_token)
            if not answer.answer:  # the endpoint replied with nothing: answer from the passages, and say so
                answer = serving.extractive.answer(query, hits)
                answer.warnings.append(LLM_EMPTY_REPLY)
        else:
            answer = serving.extractive.answer(query, hits)
        answer.warnings[:0] = scope.notes
        return answer

    def retrieve(
        self, question: str, *, history: Sequence[str] = (), doc_filter: str | None = None, top_k: int | None = None
    ) -> list[Hit]:
        serving = self._current()
        query = self._analyse(serving, question, history)
        top_k = top_k or self.settings.top_k
        queries = self._parts(serving, query, self._split(query))
        per_query = []
        for part in queries:
            scope = scope_documents(part, serving.metas, doc_filter=doc_filter)
            per_query.append([] if scope.unavailable else self._retrieve(serving, part, scope, top_k))
        if len(per_query) == 1:
            return per_query[0]
        # the sides' passages in turn, best first, each once
        merged: dict[str, Hit] = {}
        for rank_hits in zip_longest(*per_query):
            for hit in rank_hits:
                if hit is not None:
                    merged.setdefault(hit.chunk.chunk_id, hit)
        return list(merged.values())[:top_k]

    def _retrieve(
        self,
        serving: _Serving,
        query: Query,
        scope: DocumentScope,
        top_k: int,
        read_ahead: Callable[[Query, Sequence[Hit]], None] | None = None,
    ) -> list[Hit]:
        """The top passages for the question; `read_ahead` is given those found by keyword alone while
        it is embedded."""
        retriever, reranker = serving.retriever, serving.reranker
        search = functools.partial(
            retriever.retrieve,
            query.text,
            max(top_k, self.settings.rerank_pool),
            allowed_docs=scope.allowed,
            doc_boost=scope.boost,
            settled_words=scope.settled_words,
        )
        vector = None
        if read_ahead is not None and retriever.embeds_questions:

            def read_keyword_hits() -> None:
                read_ahead(query, reranker.rerank(query.text, search(keyword_only=True), top_k, scope.settled_words))

            # the embedding runs here and the reading there, not the other way round: a thread that
            # embeds would wait for the interpreter, held by the reading, to start and to finish
            reading = self._reading.submit(read_keyword_hits)
            vector = retriever.embed(query.text)
            reading.result()
        return reranker.rerank(query.text, search(query_vector=vector), top_k, scope.settled_words)
