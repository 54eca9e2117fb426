"""HTML reader throughput beside plain trafilatura, on the fundus pages (../shared).

    python benchmarks/bench_html.py [--shared ../shared] [--repeat 3]

Reads the 105 saved pages of ``data/html/fundus`` into memory (gunzipped bytes), then times,
in one process: Lagebild's structure-only reading (``article_from_html``: decoding, furniture
removal, trafilatura, structure) and plain trafilatura (``trafilatura.extract`` with its
defaults on the same bytes). Prints pages/s of the best of ``--repeat`` runs by CPU time of
the process (``time.process_time``: what one core does, not disturbed by other work on a busy
machine) and, for comparison, by wall-clock time.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.environ.get("LAGEBILD_SHARED", "../shared"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    root = Path(args.shared) / "data/html/fundus"
    files = sorted(root.rglob("*.html.gz"))
    if not files:
        print(f"pages not found: {root}", file=sys.stderr)
        return 2
    pages = [gzip.decompress(f.read_bytes()) for f in files]

    from trafilatura import extract

    from lagebild.errors import LagebildError
    from lagebild.ingest.html import article_from_html
    from lagebild.settings import Options

    options = Options()

    def lagebild(data: bytes) -> None:
        with contextlib.suppress(LagebildError):  # a failing page counts its time too
            article_from_html(data, options)

    def trafilatura(data: bytes) -> None:
        extract(data)

    print("| reader | pages | best CPU s | pages/s (CPU) | pages/s (wall) |")
    print("|---|---|---|---|---|")
    readers = (("lagebild (structure only)", lagebild), ("trafilatura.extract", trafilatura))
    for name, run in readers:
        best_cpu = best_wall = float("inf")
        for _ in range(args.repeat):
            cpu, wall = time.process_time(), time.perf_counter()
            for data in pages:
                run(data)
            best_cpu = min(best_cpu, time.process_time() - cpu)
            best_wall = min(best_wall, time.perf_counter() - wall)
        print(f"| {name} | {len(pages)} | {best_cpu:.2f} | {len(pages) / best_cpu:.1f} "
              f"| {len(pages) / best_wall:.1f} |")
    print(f"\nreproduce: python benchmarks/bench_html.py --shared {args.shared}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
