"""The small interfaces the retrieval and answering steps need from a tokenizer, an embedder and a
keyword index. Defined once; `reportqa.language.lexicon.Lexicon`, the embedders of
`reportqa.indexing.embedders` and `reportqa.indexing.keyword.KeywordIndex` satisfy them."""

from __future__ import annotations

from typing import Protocol

import numpy as np


class KeywordTokenizer(Protocol):
    def keyword_tokens(self, text: str) -> list[str]: ...

    def joined_words(self, text: str) -> list[str]: ...


class TermStats(Protocol):
    def idf(self, term: str) -> float: ...

    def document_frequency(self, term: str) -> int: ...


class QueryEmbedder(Protocol):
    def embed_query_vector(self, text: str) -> np.ndarray: ...
