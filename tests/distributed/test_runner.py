from __future__ import annotations

from pathlib import Path

from lagebild.distributed import ingest_distributed
from lagebild.ingest.shards import plan_shards
from lagebild.pipeline import ingest
from lagebild.store import Store


def test_distributed_ingest_matches_single_process(tmp_path: Path, samples_dir: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    inputs = [str(samples_dir), str(tmp_path / "empty.txt")]
    single = Store(tmp_path / "single.db")
    expected = ingest(inputs, single, stages=())
    dist = Store(tmp_path / "dist.db")
    # Small shards: the JSONL sample is cut into several tasks and must read the same.
    assert len(plan_shards(str(samples_dir / "wikinews.jsonl"), 4096)) > 1
    report = ingest_distributed(inputs, dist, stages=(), workers=2, shard_size=4096)
    assert (report.stored, report.failed) == (expected.stored, expected.failed) == (16, 1)
    ids = "SELECT id, doc FROM articles ORDER BY id"  # the documents travel as JSON
    assert dist.conn.execute(ids).fetchall() == single.conn.execute(ids).fetchall()
    again = ingest_distributed(inputs, dist, stages=(), workers=2, shard_size=4096)
    assert again.stored == 0 and again.failed == 1  # the broken file is retried
    assert again.files_already_done == again.files - 1
    assert dist.stats()["articles"] == 16


def test_parquet_on_a_local_cluster(tmp_path: Path, samples_dir: Path) -> None:
    from lagebild.distributed.merge import merge_parquet
    from lagebild.distributed.parquet_ingest import ingest_parquet

    inputs = [str(samples_dir)]
    single = Store(tmp_path / "single.db")
    ingest(inputs, single, stages=())
    written = ingest_parquet(inputs, tmp_path / "pq", stages=(), workers=2, shard_size=4096)
    assert written.shards > 5 and (written.articles, written.failed) == (16, 0)
    merged = Store(tmp_path / "merged.db")
    assert merge_parquet(tmp_path / "pq", merged).items.stored == 16
    ids = "SELECT id, origin FROM articles ORDER BY id"
    assert merged.conn.execute(ids).fetchall() == single.conn.execute(ids).fetchall()


def test_local_workers_run_without_the_stack_sampling_profiler() -> None:
    import dask
    from dask.distributed import Client

    from lagebild.distributed.runner import local_cluster

    cluster = local_cluster(1)
    try:
        with Client(cluster) as client:
            callbacks = client.run(lambda dask_worker: sorted(dask_worker.periodic_callbacks))
        (names,) = callbacks.values()
        assert "heartbeat" in names and "profile" not in names
    finally:
        cluster.close()
    assert dask.config.get("distributed.worker.profile.enabled")  # the caller's config stays
