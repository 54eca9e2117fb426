"""Faults on a real cluster: ``dask scheduler`` and ``dask worker`` processes on 127.0.0.1.

A worker killed with SIGKILL mid-run, and the client itself killed mid-run and started
again: every article ends up stored exactly once, and no shard is left unfinished.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import lagebild
from lagebild.distributed import ingest_distributed
from lagebild.ingest.shards import plan_shards
from lagebild.store import Store

SRC = str(Path(lagebild.__file__).resolve().parents[1])
DASK = [sys.executable, "-m", "dask"]
SHARD = 2000  # bytes: a dozen articles per task, so runs have many tasks to interrupt


def _corpus(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            text = (f"Meldung {i}: Die Regierung und die Opposition haben sich am Montag in "
                    f"Berlin getroffen. Es gehe um den Haushalt {1990 + i % 30}, sagte ein "
                    f"Sprecher. Die Nummer {i * 31 % 997} zeigt, dass der Streit nicht ruht.")
            out.write(json.dumps({"id": f"n{i}", "text": text}, ensure_ascii=False) + "\n")


def _start(cmd: list[str], log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([SRC, os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=log.open("wb"))


def _wait_for(check: object, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(check) and check():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, list[int]]]:
    """A scheduler and three nanny-less workers (a killed worker stays dead): the worker
    tests kill w1 and w3, so each of them finds the cluster whole."""
    root = tmp_path_factory.mktemp("cluster")
    info = root / "scheduler.json"
    procs = [_start([*DASK, "scheduler", "--host", "127.0.0.1", "--port", "0",
                     "--no-dashboard", "--scheduler-file", str(info)], root / "scheduler.log")]
    try:
        _wait_for(info.exists, 60, "the scheduler")
        address = json.loads(info.read_text())["address"]
        for name in ("w1", "w2", "w3"):
            procs.append(_start([*DASK, "worker", address, "--name", name, "--nthreads", "1",
                                 "--no-nanny", "--no-dashboard", "--host", "127.0.0.1"],
                                root / f"{name}.log"))
        from dask.distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(3, timeout=60)
        yield address, root, [p.pid for p in procs[1:]]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
            proc.wait()


def _check_exactly_once(db: Path, corpus: Path, count: int) -> None:
    store = Store(db)
    assert store.stats()["articles"] == count
    sources = store.conn.execute("SELECT COUNT(DISTINCT source_id) FROM articles").fetchone()
    assert sources[0] == count
    assert store.conn.execute("SELECT COUNT(*) FROM failures").fetchone()[0] == 0
    shards = plan_shards(str(corpus), SHARD)
    assert len(shards) > 10
    assert all(store.source_done(corpus, s.key) for s in shards)
    assert store.source_done(corpus)
    store.close()


def test_worker_killed_mid_run(cluster: tuple[str, Path, list[int]], tmp_path: Path) -> None:
    address, _root, (w1, _w2, _w3) = cluster
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, 400)
    total = len(plan_shards(str(corpus), SHARD))
    done: list[str] = []

    def on_file(_name: str) -> None:
        done.append(_name)
        if len(done) == 2:  # the cluster is busy now: kill one worker under it
            os.kill(w1, signal.SIGKILL)

    store = Store(tmp_path / "w.db")
    report = ingest_distributed([str(corpus)], store, stages=(), scheduler=address,
                                on_file=on_file, shard_size=SHARD)
    store.close()
    assert 2 < total == len(done)  # killed mid-run, yet every shard came back once
    assert (report.stored, report.failed) == (400, 0)
    _check_exactly_once(tmp_path / "w.db", corpus, 400)


CLIENT = """
import sys
from lagebild.distributed import ingest_distributed
from lagebild.store import Store
ingest_distributed([sys.argv[1]], Store(sys.argv[2]), stages=(), scheduler=sys.argv[3],
                   shard_size=int(sys.argv[4]))
"""


def _shards_done(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            row = conn.execute("SELECT COUNT(*) FROM sources WHERE path LIKE '%#bytes=%'")
            return int(row.fetchone()[0])
    except sqlite3.Error:
        return 0


def test_client_killed_mid_run_resumes(cluster: tuple[str, Path, list[int]],
                                       tmp_path: Path) -> None:
    address = cluster[0]
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, 600)
    total = len(plan_shards(str(corpus), SHARD))
    db = tmp_path / "c.db"
    client = _start([sys.executable, "-c", CLIENT, str(corpus), str(db), address, str(SHARD)],
                    tmp_path / "client.log")
    _wait_for(lambda: _shards_done(db) >= 3 or client.poll() is not None, 120, "3 shards")
    assert client.poll() is None, "the run ended before it could be interrupted"
    client.send_signal(signal.SIGKILL)
    client.wait()
    before = _shards_done(db)
    assert 0 < before < total
    store = Store(db)
    again = ingest_distributed([str(corpus)], store, stages=(), scheduler=address,
                               shard_size=SHARD)
    store.close()
    assert again.read < 600  # finished shards were not read again
    assert again.failed == 0
    _check_exactly_once(db, corpus, 600)


def test_worker_killed_mid_parquet_run(cluster: tuple[str, Path, list[int]],
                                       tmp_path: Path) -> None:
    """Workers write Parquet themselves: one dies mid-run, its tasks are redone elsewhere;
    the merge, and the merge after a rerun, store every article exactly once."""
    from lagebild.distributed.merge import merge_parquet
    from lagebild.distributed.parquet_ingest import ShardResult, ingest_parquet

    address, _root, (_w1, _w2, w3) = cluster
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, 240)
    out = tmp_path / "pq"
    done: list[str] = []
    killed_at: list[int] = []

    def on_shard(result: ShardResult) -> None:
        done.append(result.shard_id)
        if result.pid == w3 and not killed_at:  # it has work queued: kill it now
            os.kill(w3, signal.SIGKILL)
            killed_at.append(len(done))

    report = ingest_parquet([str(corpus)], out, stages=(), scheduler=address,
                            shard_size=SHARD, on_shard=on_shard)
    total = len(plan_shards(str(corpus), SHARD))
    assert killed_at and killed_at[0] < total  # killed mid-run
    assert (len(done), len(set(done)), report.articles, report.failed) == (total, total, 240, 0)
    db = tmp_path / "m.db"
    store = Store(db)
    assert merge_parquet(out, store).errors == []
    again = ingest_parquet([str(corpus)], out, stages=(), scheduler=address, shard_size=SHARD)
    assert (again.shards_already_done, again.read) == (total, 0)
    assert merge_parquet(out, store).shards_already_merged == total
    assert store.stats()["articles"] == 240
    assert store.conn.execute("SELECT COUNT(DISTINCT source_id) FROM articles").fetchone()[0] == 240
    store.close()
