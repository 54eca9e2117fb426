"""Scale-out efficiency: the same sharded corpus on 1 and on N local Dask workers.

    python benchmarks/bench_scale.py [--shared ../shared] [--articles 2000] [--workers 2]
                                     [--stages default|none] [--shard-kib 256]
                                     [--output store|parquet] [--no-single]

The corpus is 10kGNAD's test split repeated (with a number appended, so that no article is
a duplicate) up to ``--articles``, written as one JSONL file and cut into shards. Prints
wall seconds, articles/s and efficiency = (t1 / tN) / N, the 100,000-article time
extrapolated linearly from the N-worker rate (stated as such), and the machine's load
average: on a machine shared with other work, wall-clock efficiency says little.

So it also prints CPU seconds: of every worker process (from its start: imports and model
loading included) and of the client. With ``--output parquet`` the workers write Parquet
and the client only merges afterwards (timed apart). The CPU-based estimate of efficiency
assumes what an idle machine gives — a core for every worker and for the client — so the
run takes as long as its busiest worker's CPU time (the client overlaps with the workers,
except the merge, which runs after them):
``estimate = cpu_1 / (N * cpu_N)``, ``cpu_k = max(worker CPU…, client CPU) + merge CPU``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import read_articles
from dask.distributed import Client

from lagebild.distributed import ingest_distributed
from lagebild.distributed.merge import merge_parquet
from lagebild.distributed.parquet_ingest import ingest_parquet
from lagebild.distributed.runner import local_cluster
from lagebild.pipeline import DEFAULT_STAGES
from lagebild.store import Store


@dataclass
class Run:
    wall: float  # seconds, cluster start and merge included
    stored: int
    worker_cpu: list[float]  # CPU seconds of each worker process since it started
    client_cpu: float  # CPU seconds of this process during the run (merge excluded)
    merge_wall: float = 0.0
    merge_cpu: float = 0.0

    @property
    def critical_cpu(self) -> float:
        """CPU seconds on the longest path if every process had its own core."""
        return max(*self.worker_cpu, self.client_cpu) + self.merge_cpu


def _run(corpus: Path, workers: int, stages: tuple[str, ...], shard: int, output: str) -> Run:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "scale.db")
        start, cpu = time.perf_counter(), time.process_time()
        cluster = local_cluster(workers)  # the one `lagebild ingest --workers N` starts
        address = cluster.scheduler_address
        if output == "parquet":
            ingest_parquet([str(corpus)], Path(tmp) / "pq", stages=stages, scheduler=address,
                           shard_size=shard)
        else:
            ingest_distributed([str(corpus)], store, stages=stages, scheduler=address,
                               shard_size=shard)
        with Client(address) as client:
            per_worker = client.run(time.process_time)
        cluster.close()
        run = Run(0.0, 0, sorted(per_worker.values()), time.process_time() - cpu)
        if output == "parquet":
            merge_start, merge_cpu = time.perf_counter(), time.process_time()
            merge_parquet(Path(tmp) / "pq", store)
            run.merge_wall = time.perf_counter() - merge_start
            run.merge_cpu = time.process_time() - merge_cpu
        run.wall = time.perf_counter() - start
        run.stored = store.stats()["articles"]
        store.close()
    return run


def _show(label: str, run: Run, words: int) -> None:
    cpus = " + ".join(f"{c:.1f}" for c in run.worker_cpu)
    print(f"{label}: {run.wall:8.1f} s wall  {run.stored / run.wall:7.1f} articles/s  "
          f"{words / run.wall:8.0f} words/s | CPU s: workers {cpus}, client {run.client_cpu:.1f}"
          f", merge {run.merge_cpu:.1f} ({run.merge_wall:.1f} s wall)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.environ.get("LAGEBILD_SHARED", "../shared"))
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--stages", choices=["default", "none"], default="default")
    parser.add_argument("--shard-kib", type=int, default=256)
    parser.add_argument("--output", choices=["store", "parquet"], default="store",
                        help="store: the client writes SQLite; parquet: workers write "
                        "Parquet, then one merge")
    parser.add_argument("--no-single", action="store_true",
                        help="skip the 1-worker run (no efficiency): for long runs that only "
                        "need the N-worker rate")
    args = parser.parse_args()
    source = Path(args.shared) / "data/news/10kgnad-test.csv"
    if not source.exists():
        print(f"corpus not found: {source}", file=sys.stderr)
        return 2
    texts = read_articles(source)
    stages = DEFAULT_STAGES if args.stages == "default" else ()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        words = 0
        with corpus.open("w", encoding="utf-8") as out:
            for n in range(args.articles):
                text = f"{texts[n % len(texts)]} (Meldung {n})"
                words += len(text.split())
                out.write(json.dumps({"id": n, "text": text}, ensure_ascii=False) + "\n")
        load = os.getloadavg()[0]
        one = None if args.no_single else _run(corpus, 1, stages, args.shard_kib << 10,
                                                args.output)
        many = _run(corpus, args.workers, stages, args.shard_kib << 10, args.output)
        load_after = os.getloadavg()[0]
    n = args.workers
    rate = many.stored / many.wall
    print(f"articles {args.articles}, words {words}, stages {args.stages}, output "
          f"{args.output}, shards of {args.shard_kib} KiB, load average before {load:.1f}, "
          f"after {load_after:.1f}, cores {os.cpu_count()}")
    if one:
        _show("1 worker ", one, words)
    _show(f"{n} workers", many, words)
    if one:
        print(f"efficiency (t1/tN)/N = {one.wall / many.wall / n:.2f} (wall clock)")
        print(f"CPU: all workers {sum(one.worker_cpu):.1f} s vs {sum(many.worker_cpu):.1f} s "
              f"(x{sum(many.worker_cpu) / sum(one.worker_cpu):.2f}); worker balance (mean/max) "
              f"{sum(many.worker_cpu) / n / max(many.worker_cpu):.2f}")
        print(f"efficiency estimated from CPU time, a core per process: "
              f"{one.critical_cpu / (n * many.critical_cpu):.2f}")
    print(f"100,000 articles at the {n}-worker rate (linear extrapolation): "
          f"{100_000 / rate / 60:.0f} min wall; from CPU time on {n} free cores: "
          f"{many.critical_cpu * 100_000 / many.stored / 60:.0f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
