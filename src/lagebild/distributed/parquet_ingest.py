"""``lagebild ingest … --parquet DIR``: every worker writes its shards' Parquet files itself.

Nothing travels back to the client but a few counts per shard, and no store is opened: the
SQLite store (one writer) is filled afterwards by ``lagebild merge DIR`` (``merge.py``).
The layout and its atomic writes are in ``parquet.py``.

Re-running the same command skips every shard whose five files are complete, from one
write, of the input as it is now (same size and mtime) and without a failure a re-run could
fix; it writes the others again under the same names. So a worker or the client killed
mid-run loses nothing and doubles nothing: run the command again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from lagebild.distributed.parquet import (
    PartSetWriter,
    check_part_set,
    remove_stale,
    remove_temporary,
    shard_id,
)
from lagebild.distributed.runner import dask_client, worker_analyzer
from lagebild.errors import ErrorCode, LagebildError
from lagebild.ingest import Failure, Item
from lagebild.ingest.dispatch import STDIN, expand_paths
from lagebild.ingest.shards import DEFAULT_SHARD_SIZE, Shard, plan_shards, read_shard
from lagebild.model import Origin
from lagebild.pipeline import DEFAULT_STAGES, is_failure
from lagebild.settings import Options


@dataclass
class ShardResult:
    """What a worker reports back for one shard (its rows stay in the Parquet files)."""

    shard_id: str
    path: str
    read: int = 0
    articles: int = 0
    failures: list[Failure] = field(default_factory=list)
    pid: int = field(default_factory=os.getpid)  # the worker process that wrote the shard


@dataclass
class ParquetReport:
    files: int = 0
    shards: int = 0
    shards_already_done: int = 0
    read: int = 0
    articles: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)

    def add_failure(self, failure: Failure) -> None:
        self.failures.append(failure)
        if failure.skipped:
            self.skipped += 1
        else:
            self.failed += 1

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {k: v for k, v in self.__dict__.items() if k != "failures"}
        data["failures"] = [{"origin": str(f.origin), "code": f.code.name,
                             "message": f.message, "skipped": f.skipped}
                            for f in self.failures]
        return data


def shard_to_parquet(shard: Shard, options: Options, stages: tuple[str, ...], directory: str,
                     size: int, mtime_ns: int, batch: int = 256) -> ShardResult:
    """Worker task: read and analyse one shard, stream its five Parquet files, commit them."""
    sid = shard_id(shard)
    result = ShardResult(sid, shard.path)
    retry = False  # a failure a re-run could fix: the shard is written again next time
    try:
        writer = PartSetWriter(Path(directory), sid)
        try:
            pending: list[Item] = []
            for item in worker_analyzer(stages).run(read_shard(shard, options)):
                result.read += 1
                if isinstance(item, Failure):
                    result.failures.append(item)
                    retry = retry or is_failure(item)
                else:
                    result.articles += 1
                pending.append(item)
                if len(pending) >= batch:
                    writer.write(pending)
                    pending = []
            writer.write(pending)
        except BaseException:
            writer.abort()
            raise
        writer.commit({"path": str(Path(shard.path).resolve()), "start": shard.start,
                       "end": shard.end, "size": size, "mtime_ns": mtime_ns, "retry": retry})
    except (OSError, pa.ArrowException) as exc:  # nothing committed: the next run redoes it
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        err = LagebildError(ErrorCode.E043, detail=f"{directory}: {detail}")
        result.failures.append(Failure(
            Origin(path=shard.path, record=f"bytes {shard.start}-{shard.end}"),
            err.code, err.message))
    return result


def shard_done(directory: Path, shard: Shard, size: int, mtime_ns: int) -> bool:
    """Are the shard's files complete, of this version of the input, with nothing to retry?"""
    try:
        meta = check_part_set(directory, shard_id(shard))
    except LagebildError:
        return False
    return (meta.get("size"), meta.get("mtime_ns"), meta.get("retry")) == (size, mtime_ns, False)


def ingest_parquet(
    paths: Iterable[str],
    directory: str | Path,
    options: Options | None = None,
    stages: Sequence[str] = DEFAULT_STAGES,
    workers: int = 1,
    scheduler: str | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
    on_plan: Callable[[int], None] | None = None,
    on_shard: Callable[[ShardResult], None] | None = None,
) -> ParquetReport:
    """Write the Parquet files of every input shard not yet written.

    ``workers == 1`` without ``scheduler`` runs in this process (no Dask); otherwise as
    ``ingest_distributed``. ``directory`` must be writable under the same path on every worker.
    """
    options = options or Options()
    out = Path(directory).resolve()
    out.mkdir(parents=True, exist_ok=True)
    report = ParquetReport()
    pending: list[tuple[Shard, int, int]] = []
    for entry in expand_paths(paths):
        if isinstance(entry, Failure):
            report.read += 1
            report.add_failure(entry)
            continue
        if entry == STDIN:
            raise ValueError("stdin cannot be written as Parquet shards; pass files")
        report.files += 1
        stat = Path(entry).stat()
        shards = plan_shards(entry, shard_size)
        remove_stale(out, entry, {shard_id(s) for s in shards})
        report.shards += len(shards)
        for shard in shards:
            if shard_done(out, shard, stat.st_size, stat.st_mtime_ns):
                report.shards_already_done += 1
            else:
                pending.append((shard, stat.st_size, stat.st_mtime_ns))
    if on_plan:
        on_plan(len(pending))

    def collect(result: ShardResult) -> None:
        report.read += result.read
        report.articles += result.articles
        for failure in result.failures:
            report.add_failure(failure)
        if on_shard:
            on_shard(result)

    stage_names = tuple(stages)
    if workers <= 1 and not scheduler:
        for shard, size, mtime in pending:
            collect(shard_to_parquet(shard, options, stage_names, str(out), size, mtime))
    elif pending:
        _run_on_dask(pending, options, stage_names, out, workers, scheduler, collect)
    remove_temporary(out)  # every task has ended: what is left is from killed writers
    return report


def _run_on_dask(pending: list[tuple[Shard, int, int]], options: Options,
                 stages: tuple[str, ...], out: Path, workers: int, scheduler: str | None,
                 collect: Callable[[ShardResult], None]) -> None:
    from dask.distributed import as_completed

    with dask_client(workers, scheduler) as client:
        futures = [client.submit(shard_to_parquet, shard, options, stages, str(out), size,
                                 mtime, pure=False)
                   for shard, size, mtime in pending]
        for _future, result in as_completed(futures, with_results=True):
            collect(result)
