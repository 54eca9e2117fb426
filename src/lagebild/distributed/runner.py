"""Run reading and analysis on Dask workers; store writes stay in the calling process.

SQLite has one writer, so workers return finished ``Article``/``Failure`` items per input
file and the client writes them in one transaction per file — the same idempotence and
resume rules as the single-process ``lagebild.pipeline.ingest`` (a file is marked done in
the transaction that stores its last item). One task = one input file: give large corpora as
many files (WARC segments, daily JSONL files), not as one huge file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from lagebild.ingest import Failure, Item
from lagebild.ingest.dispatch import STDIN, expand_paths, read_path
from lagebild.pipeline import DEFAULT_STAGES, Analyzer, IngestReport, is_failure, record_item
from lagebild.settings import Options
from lagebild.store import Store

_ANALYZERS: dict[tuple[str, ...], Analyzer] = {}


def analyze_file(path: str, options: Options, stages: tuple[str, ...]) -> list[Item]:
    """Worker task: every item of one input file, analysed. Models load once per worker."""
    analyzer = _ANALYZERS.get(stages)
    if analyzer is None:
        analyzer = _ANALYZERS[stages] = Analyzer(stages)
    return list(analyzer.run(read_path(path, options)))


def ingest_distributed(
    paths: Iterable[str],
    store: Store,
    options: Options | None = None,
    stages: Sequence[str] = DEFAULT_STAGES,
    workers: int = 2,
    scheduler: str | None = None,
    on_file: Callable[[str], None] | None = None,
) -> IngestReport:
    """Like ``lagebild.pipeline.ingest``, with analysis spread over Dask workers.

    ``scheduler`` is the address of a running Dask scheduler (``tcp://host:8786``); without
    it a local cluster of ``workers`` single-threaded processes is started and stopped.
    """
    from dask.distributed import Client, LocalCluster, as_completed

    options = options or Options()
    report = IngestReport()
    pending: list[str] = []
    for entry in expand_paths(paths):
        if isinstance(entry, Failure):
            record_item(report, entry, store)
        elif entry == STDIN:
            raise ValueError("stdin cannot be distributed; use 'lagebild ingest -' instead")
        else:
            report.files += 1
            if store.source_done(Path(entry)):
                report.files_already_done += 1
            else:
                pending.append(entry)
    if not pending:
        return report
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = {
            client.submit(analyze_file, path, options, tuple(stages), pure=False): path
            for path in pending
        }
        for future, items in as_completed(futures, with_results=True):
            path = futures[future]
            if on_file:
                on_file(path)
            with store.transaction():
                for item in items:
                    record_item(report, item, store)
                if not any(is_failure(item) for item in items):
                    store.mark_source_done(Path(path), len(items))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return report
