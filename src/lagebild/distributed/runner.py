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

from pydantic import ValidationError

from lagebild.cache import batch_gc
from lagebild.distributed.documents import stored_article
from lagebild.errors import ErrorCode, LagebildError
from lagebild.ingest import Failure, Item
from lagebild.ingest.dispatch import STDIN, expand_paths
from lagebild.ingest.shards import DEFAULT_SHARD_SIZE, Shard, plan_shards, read_shard
from lagebild.model import Origin
from lagebild.pipeline import DEFAULT_STAGES, Analyzer, IngestReport, is_failure, record_item
from lagebild.settings import Options
from lagebild.store import Store

_ANALYZERS: dict[tuple[str, ...], Analyzer] = {}

#: Dask settings of the local workers ``--workers N`` starts. A worker samples the stack of
#: its running task every 10 ms for the dashboard's profile (``distributed.worker.profile``);
#: with tasks that run for minutes that costs 8-11 % of the worker's CPU (1,000 articles:
#: 72.7 -> 64.8 s), and nobody looks at the profile of a local ingest. Workers of a cluster
#: started elsewhere keep their own settings (docs/distributed.md says how to turn it off).
LOCAL_WORKER_CONFIG: dict[str, Any] = {"distributed.worker.profile.enabled": False}


def local_cluster(workers: int) -> Any:
    """A ``LocalCluster`` of ``workers`` single-threaded processes with
    :data:`LOCAL_WORKER_CONFIG` (each worker's nanny copies the configuration it starts with)."""
    import dask
    from dask.distributed import LocalCluster

    with dask.config.set(LOCAL_WORKER_CONFIG):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                            dashboard_address=None)


def _in_dask_worker() -> bool:
    try:
        from distributed import get_worker

        get_worker()
    except (ImportError, ValueError):
        return False
    return True


def worker_analyzer(stages: tuple[str, ...]) -> Analyzer:
    """The analyzer of this worker process: models load once per worker.

    In a Dask worker the first call tunes the garbage collector as ``lagebild ingest`` does
    (:func:`lagebild.cache.batch_gc`: a worker, like the CLI, loads the models once and then
    analyses batches): 7 % less worker CPU on 1,000 articles, docs/lab/scale.md. A library
    caller running shards in its own process keeps its collector settings."""
    analyzer = _ANALYZERS.get(stages)
    if analyzer is None:
        if not _ANALYZERS and _in_dask_worker():
            batch_gc()
        analyzer = _ANALYZERS[stages] = Analyzer(stages)
    return analyzer


def analyze_shard(shard: Shard, options: Options, stages: tuple[str, ...]) -> list[Item]:
    """Worker task: every item of one shard, analysed."""
    return list(worker_analyzer(stages).run(read_shard(shard, options)))


def analyze_shard_documents(shard: Shard, options: Options,
                            stages: tuple[str, ...]) -> list[Failure | str]:
    """Worker task of ``ingest_distributed``: like :func:`analyze_shard`, with every article
    as its JSON (``lagebild.distributed.documents``: cheap to send to the client)."""
    return [item if isinstance(item, Failure) else item.to_json()
            for item in worker_analyzer(stages).run(read_shard(shard, options))]


def _received(item: Failure | str, shard: Shard) -> tuple[Item, str | None]:
    """An item of :func:`analyze_shard_documents` back as an item and the JSON to store."""
    if isinstance(item, Failure):
        return item, None
    try:
        return stored_article(item)
    except (ValidationError, ValueError) as exc:  # never seen: the worker wrote it
        err = LagebildError(ErrorCode.E044, detail=str(exc).splitlines()[0][:200])
        origin = Origin(path=shard.path, record=f"bytes {shard.start}-{shard.end}")
        return Failure(origin, err.code, err.message), None


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
            client.submit(analyze_shard_documents, shard, options, tuple(stages),
                          pure=False): shard
            for shard in pending
        }
        clean = dict.fromkeys(left, True)
        counts = dict.fromkeys(left, 0)
        for future, results in as_completed(futures, with_results=True):
            shard = futures[future]
            path = Path(shard.path)
            if on_file:
                on_file(shard.path)
            items = []
            with store.transaction():
                for result in results:
                    item, doc = _received(result, shard)
                    record_item(report, item, store, doc=doc)
                    items.append(item)
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
    from dask.distributed import Client

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = local_cluster(workers)
        client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
