"""Index updates under load: 20 threads ask questions through one Engine while the corpus changes and is rebuilt.

The main thread adds, changes and removes documents and rebuilds incrementally, once in a separate
process that holds the build lock while a second build first refuses, then waits its turn. Every
answer must come whole from one index version (its citations are that version's chunks, and the
version was the serving one at some moment while the question ran); no question may fail; and the
final index must equal a fresh full rebuild of the final corpus. The HashEmbedder keeps it fast:
the model is not what is tested here.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time
import traceback
from collections import Counter
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from reportqa.core.errors import IndexBusyError, IndexMissingError
from reportqa.core.models import Answer
from reportqa.core.settings import Settings
from reportqa.engine import Engine
from reportqa.eval.validate import load_questions
from reportqa.indexing.build import build_index
from reportqa.indexing.snapshot import IndexSnapshot, current_version, versions_dir
from tests.conftest import SEED_CORPUS, HashEmbedder

pytestmark = pytest.mark.slow  # real processes and threads for minutes, or a Milvus server

PROJECT_ROOT = Path(__file__).resolve().parents[1]  # this checkout

ASKING_THREADS = 20
# each session reads its answer half a second before asking again: 20 of them still ask about 40 questions
# a second, and a build's thread gets enough of the interpreter to finish in seconds, not minutes
READING_PAUSE = 0.5
SEED_REPORT = "淄博市十三五科技创新规划后评估报告.txt"
SEED_QUESTIONS = [q["question"] for q in load_questions(PROJECT_ROOT / "eval" / "sets" / "seed.jsonl")]
MULTI_CORPUS = PROJECT_ROOT / "eval" / "corpora" / "multi"
SHENZHEN = "cn_city_work_reports/深圳市/2020.md"
GUANGDONG = "cn_provincial_work_reports/广东省/2021.md"
NBS_2019 = "cn_national_gov_docs/nbs_statistical_communiques/2019.md"
NANJING = "cn_city_work_reports/南京市/2021.md"
WORK_REPORT_2020 = "cn_national_gov_docs/national_work_reports/2020.md"
TITLE_LINE = "后评估报告\n"  # notes are inserted after it, so every later offset of the seed report moves

BUILD_IN_CHILD = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    sys.path.insert(0, {project!r})
    from tests.conftest import HashEmbedder
    from reportqa.indexing.build import build_index
    from reportqa.core.settings import Settings

    class HeldOpen(HashEmbedder):
        # holds the build (and its lock) in the embed step until the test releases it
        def embed_passages(self, texts):
            Path({holding!r}).write_text("embedding", encoding="utf-8")
            deadline = time.monotonic() + 60
            while not Path({release!r}).exists() and time.monotonic() < deadline:
                time.sleep(0.02)
            return super().embed_passages(texts)

    settings = Settings(corpus_dir={corpus!r}, index_dir={index!r}, vector_cache_dir={cache!r})
    print(json.dumps(build_index(settings, embedder=HeldOpen()).to_json()))
    """
)


def excerpt(doc_id: str, chars: int = 900) -> str:
    """The front matter and first paragraphs (about `chars` characters) of a shared-corpus document."""
    text = (MULTI_CORPUS / doc_id).read_text(encoding="utf-8")
    cut = text.rfind("\n\n", 0, chars)
    return text[: cut if cut > 0 else chars] + "\n"


@dataclass(frozen=True)
class VersionContent:
    """What one index version holds, read from its folder right after it was built."""

    texts: dict[str, str]  # doc_id -> document text
    titles: dict[str, str]
    chunks: frozenset[tuple[str, int, int, str, str]]  # (doc_id, start, end, text, section)

    @classmethod
    def read(cls, settings: Settings, version: str, embedder: HashEmbedder) -> VersionContent:
        snapshot = IndexSnapshot.load_folder(versions_dir(settings.index_dir) / version, embedder)
        return cls(
            texts={doc_id: doc.text for doc_id, doc in snapshot.documents.items()},
            titles={doc_id: doc.meta.title for doc_id, doc in snapshot.documents.items()},
            chunks=frozenset((c.doc_id, c.start, c.end, c.text, c.section) for c in snapshot.chunks),
        )

    def problems(self, answer: Answer) -> list[str]:
        found = []
        for citation in answer.citations:
            if citation.doc not in self.texts:
                found.append(f"[{citation.n}] cites {citation.doc}, not in version {answer.index_version}")
            elif (citation.doc, citation.start, citation.end, citation.text, citation.section) not in self.chunks:
                found.append(f"[{citation.n}] {citation.doc}#{citation.start}-{citation.end} is no chunk of it")
            elif self.texts[citation.doc][citation.start : citation.end] != citation.text:
                found.append(f"[{citation.n}] text differs from {citation.doc} in version {answer.index_version}")
            elif citation.title != self.titles[citation.doc]:
                found.append(f"[{citation.n}] title {citation.title!r} is not that version's")
        return found


@dataclass(frozen=True)
class Asked:
    serving_before: str  # CURRENT just before the question
    answer: Answer
    serving_after: str  # CURRENT just after the answer
    session: int  # which of the asking threads asked it


class AskingThreads:
    """Threads asking the seed questions round robin through one engine, as app sessions do, until stopped."""

    def __init__(self, engine: Engine, settings: Settings, count: int) -> None:
        self.engine = engine
        self.settings = settings
        self.asked: list[Asked] = []
        self.errors: list[str] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._run, args=(i, count)) for i in range(count)]

    def __enter__(self) -> AskingThreads:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)

    def _run(self, offset: int, step: int) -> None:
        position = offset
        while not self._stop.is_set():
            question = SEED_QUESTIONS[position % len(SEED_QUESTIONS)]
            position += step
            try:
                before = current_version(self.settings.index_dir)
                self.engine.refresh()  # what the chat page does before each question
                answer = self.engine.ask(question)
                after = current_version(self.settings.index_dir)
                for citation in answer.citations:  # shown in its context, as the chat page does next
                    source = self.engine.source_text(citation.doc, answer.index_version)
                    if source[citation.start : citation.end] != citation.text:
                        raise AssertionError(f"[{citation.n}] context from another version than {answer.index_version}")
            except Exception:  # every failure is collected and fails the test
                with self._lock:
                    self.errors.append(f"{question}\n{traceback.format_exc()}")
                continue
            with self._lock:
                self.asked.append(Asked(before or "", answer, after or "", offset))
            self._stop.wait(READING_PAUSE)

    def wait_until_served(self, version: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if any(a.answer.index_version == version for a in self.asked[-4 * ASKING_THREADS :]):
                    return
            time.sleep(0.01)
        raise AssertionError(f"no question was answered on version {version} within {timeout} s")


@pytest.fixture
def frequent_thread_switches():
    """Switch threads every 0.1 ms instead of 5: more interleavings between questions and builds, and a
    build thread waiting for the GIL behind 20 busy threads gets it back in time for the test to stay short."""
    default = sys.getswitchinterval()
    sys.setswitchinterval(1e-4)
    yield
    sys.setswitchinterval(default)


@pytest.fixture
def corpus(tmp_settings: Settings) -> Path:
    """The seed report and three short excerpts of shared-corpus documents, in their sub-folders."""
    corpus = tmp_settings.corpus_dir
    (corpus / SEED_REPORT).write_text((SEED_CORPUS / SEED_REPORT).read_text(encoding="utf-8"), encoding="utf-8")
    for doc_id in (SHENZHEN, GUANGDONG, NBS_2019):
        write_doc(corpus, doc_id, excerpt(doc_id))
    return corpus


def write_doc(corpus: Path, doc_id: str, text: str) -> None:
    path = corpus / doc_id
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def insert_note(corpus: Path, note: str) -> None:
    """Put `note` right after the seed report's title (replacing an earlier note) so its chunks all move."""
    path = corpus / SEED_REPORT
    original = (SEED_CORPUS / SEED_REPORT).read_text(encoding="utf-8")
    path.write_text(original.replace(TITLE_LINE, f"{TITLE_LINE}{note}\n", 1), encoding="utf-8")


def start_build_in_child(settings: Settings, holding: Path, release: Path) -> subprocess.Popen:
    script = BUILD_IN_CHILD.format(
        project=str(PROJECT_ROOT),
        holding=str(holding),
        release=str(release),
        corpus=str(settings.corpus_dir),
        index=str(settings.index_dir),
        cache=str(settings.vector_cache_dir),
    )
    return subprocess.Popen([sys.executable, "-c", script], cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True)


def wait_for(path: Path, process: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert path.exists(), "the child build never reached its embed step"


def assert_same_index(built: IndexSnapshot, fresh: IndexSnapshot) -> None:
    assert sorted(built.documents) == sorted(fresh.documents)
    for doc_id, document in fresh.documents.items():
        assert built.documents[doc_id] == document, doc_id
    assert built.chunks == fresh.chunks  # ids, offsets, texts, sections, in index order
    assert [e.to_json() for e in built.manifest.documents] == [e.to_json() for e in fresh.manifest.documents]
    assert built.read_tokens() == fresh.read_tokens()
    np.testing.assert_allclose(built.vectors, fresh.vectors, atol=1e-6)
    assert built.dense.size == fresh.dense.size and built.keyword.num_docs == fresh.keyword.num_docs


@pytest.mark.usefixtures("frequent_thread_switches")
def test_incremental_builds_under_question_load_serve_whole_versions_and_lose_nothing(
    tmp_settings, corpus, hash_embedder, monkeypatch
):
    settings = tmp_settings
    contents: dict[str, VersionContent] = {}

    def build(**kwargs) -> str:
        report = build_index(settings, embedder=hash_embedder, **kwargs)
        assert report.switched and not report.skipped, report.summary()
        for version in filter(None, (report.partial_version, report.version)):  # keyword-searchable, complete
            contents[version] = VersionContent.read(settings, version, hash_embedder)
        return report.version

    build()
    engine = Engine.open(settings, hash_embedder)
    with AskingThreads(engine, settings, ASKING_THREADS) as asking:
        asking.wait_until_served(current_version(settings.index_dir))

        write_doc(corpus, NANJING, excerpt(NANJING))  # added
        asking.wait_until_served(build())
        insert_note(corpus, "（本稿根据补充材料作了修订。）")  # changed: every chunk of the seed report moves
        asking.wait_until_served(build())
        (corpus / GUANGDONG).unlink()  # removed
        asking.wait_until_served(build())

        # a build in another process holds the lock; a second build refuses, then waits its turn
        write_doc(corpus, WORK_REPORT_2020, excerpt(WORK_REPORT_2020))
        write_doc(corpus, SHENZHEN, excerpt(SHENZHEN, chars=1400))
        holding, release = settings.index_dir.parent / "holding", settings.index_dir.parent / "release"
        child = start_build_in_child(settings, holding, release)
        try:
            wait_for(holding, child)
            with pytest.raises(IndexBusyError, match="another index build is running"):
                build_index(settings, embedder=hash_embedder)
            # changed after the child read the corpus: the waiting build must pick these up
            insert_note(corpus, "（本稿根据补充材料再次修订，增补了附表说明。）")
            write_doc(corpus, GUANGDONG, excerpt(GUANGDONG))
            release.touch()
            # keeps the child's versions on disk until they are read below
            waited = build_index(settings, embedder=hash_embedder, lock_timeout=60, keep_previous=10)
            child_output, _ = child.communicate(timeout=60)
        finally:
            release.touch()
            if child.poll() is None:
                child.kill()
                child.wait(timeout=30)
        assert child.returncode == 0
        by_child = json.loads(child_output)
        assert sorted(by_child["added"]) == [WORK_REPORT_2020] and by_child["changed"] == [SHENZHEN]
        assert waited.switched and waited.added == [GUANGDONG] and waited.changed == [SEED_REPORT]
        for version in filter(None, (by_child["partial_version"], by_child["version"], waited.partial_version)):
            contents[version] = VersionContent.read(settings, version, hash_embedder)
        contents[waited.version] = VersionContent.read(settings, waited.version, hash_embedder)
        asking.wait_until_served(waited.version)

        write_doc(corpus, NBS_2019, excerpt(NBS_2019, chars=1400))  # changed once more
        (corpus / NANJING).unlink()
        asking.wait_until_served(build())

    assert asking.errors == [], asking.errors[0]
    # under load all along: every session kept asking while the builds ran (how many times each
    # managed depends on how fast this machine builds, not on what is tested)
    per_session = Counter(a.session for a in asking.asked)
    assert len(per_session) == ASKING_THREADS and min(per_session.values()) >= 3, per_session
    served = {a.answer.index_version for a in asking.asked}
    assert served <= set(contents) and len(served) >= 6
    assert sum(len(a.answer.citations) for a in asking.asked) > len(asking.asked)  # found answers, cited
    for asked in asking.asked:
        # the version was serving at some moment while the question ran (ids sort by build time)
        assert asked.serving_before <= asked.answer.index_version <= asked.serving_after, asked
        assert contents[asked.answer.index_version].problems(asked.answer) == [], asked.answer.question

    fresh_settings = settings.model_copy(
        update={"index_dir": settings.index_dir.parent / "fresh", "vector_cache_dir": settings.index_dir.parent / "v2"}
    )
    fresh = build_index(fresh_settings, embedder=HashEmbedder(), full=True)
    assert fresh.chunks_embedded == fresh.chunks  # its own vectors, none from the updated index's cache
    assert_same_index(
        IndexSnapshot.load(settings.index_dir, hash_embedder),
        IndexSnapshot.load(fresh_settings.index_dir, hash_embedder),
    )


def test_citation_context_is_read_from_the_version_that_answered(tmp_settings, corpus, hash_embedder, monkeypatch):
    """The chat page shows each citation inside its document; after a rebuild moved the text, the
    answering version's text must be used, or the wrong passage is shown as the source."""
    build_index(tmp_settings, embedder=hash_embedder)
    engine = Engine.open(tmp_settings, hash_embedder)
    answer = engine.ask(SEED_QUESTIONS[0])
    cited = next(c for c in answer.citations if c.doc == SEED_REPORT)

    insert_note(corpus, "（本稿根据补充材料作了修订。）")
    build_index(tmp_settings, embedder=hash_embedder)
    assert engine.refresh()
    assert engine.source_text(cited.doc)[cited.start : cited.end] != cited.text  # the serving text moved
    assert engine.source_text(cited.doc, answer.index_version)[cited.start : cited.end] == cited.text
    with pytest.raises(KeyError):
        engine.source_text(NANJING, answer.index_version)

    for note in ("（第二次修订。）", "（第三次修订。）"):  # the answering version is deleted after two more builds
        insert_note(corpus, note)
        build_index(tmp_settings, embedder=hash_embedder)
    assert not (versions_dir(tmp_settings.index_dir) / answer.index_version).exists()
    # the engine that served it keeps its text; another one (a second app process) has only the disk
    assert engine.source_text(cited.doc, answer.index_version)[cited.start : cited.end] == cited.text
    with closing(Engine.open(tmp_settings, hash_embedder)) as other, pytest.raises(IndexMissingError, match="已被更新"):
        other.source_text(cited.doc, answer.index_version)
    # and it keeps the last few: after more builds it served, the text is gone from it too
    for note in ("（第四次修订。）", "（第五次修订。）", "（第六次修订。）", "（第七次修订。）"):
        insert_note(corpus, note)
        build_index(tmp_settings, embedder=hash_embedder)
        assert engine.refresh()
    with pytest.raises(IndexMissingError, match="已被更新的构建替换"):
        engine.source_text(cited.doc, answer.index_version)
