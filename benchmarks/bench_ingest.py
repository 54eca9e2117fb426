"""Ingest throughput: read and store the 1,028 articles of 10kGNAD's test split.

    python benchmarks/bench_ingest.py [--shared ../shared] [--stages nlp]

Prints a table: articles, seconds, articles/s, words/s, peak RSS. Each run uses a fresh
store in a temporary directory, one process, one core (the pipeline is single-threaded).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from lagebild.pipeline import ingest
from lagebild.store import Store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.environ.get("LAGEBILD_SHARED", "../shared"))
    parser.add_argument("--stages", default="", help="comma-separated stages (default: none)")
    parser.add_argument("--workers", type=int, default=1, help="Dask worker processes (>1)")
    args = parser.parse_args()
    corpus = Path(args.shared) / "data/news/10kgnad-test.csv"
    if not corpus.exists():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    stages = tuple(s for s in args.stages.split(",") if s)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        start = time.perf_counter()
        if args.workers > 1:
            from lagebild.distributed import ingest_distributed

            report = ingest_distributed([str(corpus)], store, stages=stages,
                                        workers=args.workers)
        else:
            report = ingest([str(corpus)], store, stages=stages)
        seconds = time.perf_counter() - start
        words = sum(
            len(row[0].split())
            for row in store.conn.execute("SELECT json_extract(doc, '$.text') FROM articles")
        )
        store.close()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("| stages | articles stored | failed | seconds | articles/s | words/s | peak RSS MiB |")
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| {','.join(stages) or 'structure only'} | {args.workers} | {report.stored} | "
        f"{report.failed} | "
        f"{seconds:.1f} | {report.stored / seconds:.0f} | {words / seconds:,.0f} | "
        f"{peak_mib:.0f} |"
    )
    print(f"\nreproduce: python benchmarks/bench_ingest.py --shared {args.shared}"
          + (f" --stages {args.stages}" if args.stages else "")
          + (f" --workers {args.workers}" if args.workers > 1 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
