"""Scale-out efficiency: the same sharded corpus on 1 and on N local Dask workers.

    python benchmarks/bench_scale.py [--shared ../shared] [--articles 2000] [--workers 2]
                                     [--stages default|none] [--shard-kib 256]

The corpus is 10kGNAD's test split repeated (with a number appended, so that no article is
a duplicate) up to ``--articles``, written as one JSONL file and cut into shards. Prints
wall seconds, articles/s and efficiency = (t1 / tN) / N, the 100,000-article time
extrapolated linearly from the N-worker rate (stated as such), and the machine's load
average: on a machine shared with other work, wall-clock efficiency says little.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import read_articles

from lagebild.distributed import ingest_distributed
from lagebild.pipeline import DEFAULT_STAGES
from lagebild.store import Store


def _run(corpus: Path, workers: int, stages: tuple[str, ...], shard: int) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "scale.db")
        start = time.perf_counter()
        report = ingest_distributed([str(corpus)], store, stages=stages, workers=workers,
                                    shard_size=shard)
        seconds = time.perf_counter() - start
        store.close()
    return seconds, report.stored


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.environ.get("LAGEBILD_SHARED", "../shared"))
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--stages", choices=["default", "none"], default="default")
    parser.add_argument("--shard-kib", type=int, default=256)
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
        t1, stored1 = _run(corpus, 1, stages, args.shard_kib << 10)
        tn, stored_n = _run(corpus, args.workers, stages, args.shard_kib << 10)
    efficiency = t1 / tn / args.workers
    rate = stored_n / tn
    print(f"articles {args.articles}, words {words}, stages {args.stages}, "
          f"shards of {args.shard_kib} KiB, load average before {load:.1f}, cores "
          f"{os.cpu_count()}")
    print(f"1 worker : {t1:8.1f} s  {stored1 / t1:7.1f} articles/s  {words / t1:8.0f} words/s")
    print(f"{args.workers} workers: {tn:8.1f} s  {rate:7.1f} articles/s  {words / tn:8.0f} "
          f"words/s")
    print(f"efficiency (t1/tN)/N = {efficiency:.2f}")
    print(f"100,000 articles at the {args.workers}-worker rate (linear extrapolation): "
          f"{100_000 / rate / 60:.0f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
