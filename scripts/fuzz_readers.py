"""Long fuzz run of every reader (not in CI): the fuzz tests with many inputs each.

    python scripts/fuzz_readers.py [--examples 10000] [--reader .csv]

Runs ``tests/ingest/test_fuzz.py`` once per reader with ``LAGEBILD_FUZZ_EXAMPLES`` set,
and prints inputs, failures and CPU seconds per reader.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READERS = [".txt", ".html", ".jsonl", ".csv", ".rss", ".atom", ".warc.gz"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--reader", action="append", choices=READERS)
    args = parser.parse_args()
    env = {**os.environ, "LAGEBILD_FUZZ_EXAMPLES": str(args.examples)}
    status = 0
    for ext in args.reader or READERS:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x",
             str(ROOT / "tests/ingest/test_fuzz.py"), "-k", f"test_fuzz_reader and [{ext}]"],
            env=env, cwd=ROOT, capture_output=True, text=True, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        verdict = "ok" if result.returncode == 0 else "FAILED"
        print(f"{ext:9} {args.examples:>6} inputs  {verdict:6}  cpu {cpu:7.1f} s  "
              f"wall {time.monotonic() - start:7.1f} s", flush=True)
        if result.returncode:
            print(result.stdout[-4000:], flush=True)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
