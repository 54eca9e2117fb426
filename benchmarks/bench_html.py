"""HTML reader throughput beside plain trafilatura, on the fundus pages (../shared).

    python benchmarks/bench_html.py [--shared ../shared] [--repeat 3]

Reads the 105 saved pages of ``data/html/fundus`` into memory (gunzipped bytes), then times,
on one core: Lagebild's structure-only reading (``article_from_html``: decoding, furniture
removal, trafilatura, structure) and plain trafilatura (``trafilatura.extract`` with its
defaults on the same bytes). Prints pages/s of the best of ``--repeat`` runs.
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

    print("| reader | pages | best seconds | pages/s |")
    print("|---|---|---|---|")
    readers = (("lagebild (structure only)", lagebild), ("trafilatura.extract", trafilatura))
    for name, run in readers:
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            for data in pages:
                run(data)
            best = min(best, time.perf_counter() - start)
        print(f"| {name} | {len(pages)} | {best:.2f} | {len(pages) / best:.1f} |")
    print(f"\nreproduce: python benchmarks/bench_html.py --shared {args.shared}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
