"""Run reading and analysis on Dask workers; store writes stay in the calling process.

SQLite has one writer, so workers return finished ``Article``/``Failure`` items per task and
the client writes them in one transaction per task — the same idempotence and resume rules
as the single-process ``lagebild.pipeline.ingest``. One task = one shard: a byte range of a
large JSONL, CSV or WARC file (``lagebild.ingest.shards``), or a whole smaller file. A shard
is marked done in the transaction that stores its items, so after a crash of the client only
unfinished shards are redone, and a killed worker's task is rerun by Dask on another worker
(article ids are content hashes: a shard written twice stores nothing twice).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from lagebild.ingest import Failure, Item
from lagebild.ingest.dispatch import STDIN, expand_paths
from lagebild.ingest.shards import DEFAULT_SHARD_SIZE, Shard, plan_shards, read_shard
from lagebild.pipeline import DEFAULT_STAGES, Analyzer, IngestReport, is_failure, record_item
from lagebild.settings import Options
from lagebild.store import Store

_ANALYZERS: dict[tuple[str, ...], Analyzer] = {}


def worker_analyzer(stages: tuple[str, ...]) -> Analyzer:
    """The analyzer of this worker process: models load once per worker."""
    analyzer = _ANALYZERS.get(stages)
    if analyzer is None:
        analyzer = _ANALYZERS[stages] = Analyzer(stages)
    return analyzer


def analyze_shard(shard: Shard, options: Options, stages: tuple[str, ...]) -> list[Item]:
    """Worker task: every item of one shard, analysed."""
    return list(worker_analyzer(stages).run(read_shard(shard, options)))


def pending_shards(path: str, store: Store, shard_size: int) -> list[Shard]:
    """The shards of ``path`` not yet stored to the end (all of them on a first run)."""
    return [s for s in plan_shards(path, shard_size)
            if s.whole or not store.source_done(Path(path), s.key)]


def ingest_distributed(
    paths: Iterable[str],
    store: Store,
    options: Options | None = None,
    stages: Sequence[str] = DEFAULT_STAGES,
    workers: int = 2,
    scheduler: str | None = None,
    on_file: Callable[[str], None] | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
) -> IngestReport:
    """Like ``lagebild.pipeline.ingest``, with analysis spread over Dask workers.

    ``scheduler`` is the address of a running Dask scheduler (``tcp://host:8786``); without
    it a local cluster of ``workers`` single-threaded processes is started and stopped.
    Input paths must be readable under the same name on every worker (a shared file system).
    """
    from dask.distributed import as_completed

    options = options or Options()
    report = IngestReport()
    pending: list[Shard] = []
    left: dict[str, int] = {}  # shards of a file still to store; at 0 the file is done
    for entry in expand_paths(paths):
        if isinstance(entry, Failure):
            record_item(report, entry, store)
        elif entry == STDIN:
            raise ValueError("stdin cannot be distributed; use 'lagebild ingest -' instead")
        else:
            report.files += 1
            if store.source_done(Path(entry)):
                report.files_already_done += 1
                continue
            shards = pending_shards(entry, store, shard_size)
            pending.extend(shards)
            left[entry] = len(shards)
    if not pending:
        return report
    with dask_client(workers, scheduler) as client:
        futures = {
            client.submit(analyze_shard, shard, options, tuple(stages), pure=False): shard
            for shard in pending
        }
        clean = dict.fromkeys(left, True)
        counts = dict.fromkeys(left, 0)
        for future, items in as_completed(futures, with_results=True):
            shard = futures[future]
            path = Path(shard.path)
            if on_file:
                on_file(shard.path)
            with store.transaction():
                for item in items:
                    record_item(report, item, store)
                ok = not any(is_failure(item) for item in items)
                clean[shard.path] = clean[shard.path] and ok
                if ok and not shard.whole:
                    store.mark_source_done(path, len(items), shard.key)
                left[shard.path] -= 1
                counts[shard.path] += len(items)
                # Files with failures are read again next time (like ``pipeline.ingest``).
                if left[shard.path] == 0 and clean[shard.path]:
                    store.mark_source_done(path, counts[shard.path])
    return report


@contextmanager
def dask_client(workers: int, scheduler: str | None) -> Iterator[Any]:
    """A client of the cluster at ``scheduler``, else of a local cluster of ``workers``
    single-threaded processes; both closed on exit."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
