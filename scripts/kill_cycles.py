"""Kill -9 an ingest at random points, again and again, then finish it: nothing lost or doubled.

    python scripts/kill_cycles.py [--cycles 20] [--articles 3000] [--seed 1]

Each cycle starts ``lagebild ingest --structure-only`` on the same JSONL corpus and the same
store and kills it with SIGKILL after a random number of newly stored articles; a last run
finishes the ingest. Prints the articles stored after each cycle and checks: every article
exactly once, no duplicate.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=20)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        corpus, db = Path(tmp) / "corpus.jsonl", Path(tmp) / "kill.db"
        with corpus.open("w", encoding="utf-8") as out:
            for i in range(args.articles):
                text = (f"Meldung {i}: Die Regierung und die Opposition haben sich am Montag "
                        f"in Berlin getroffen, sagte ein Sprecher. Nummer {i * 31 % 997}.")
                out.write(json.dumps({"id": f"n{i}", "text": text}) + "\n")
        env = {**os.environ, "LAGEBILD_DB": str(db)}
        cmd = [sys.executable, "-m", "lagebild.cli", "ingest", str(corpus),
               "--structure-only", "-q"]
        for cycle in range(1, args.cycles + 1):
            proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            # Kill at a random point of the work, not during start-up: after a random number
            # of newly stored articles (or a random delay once storing has begun).
            before = _count(db)
            target = before + rng.randint(1, max(2, args.articles // args.cycles))
            while proc.poll() is None and _count(db) < target:
                time.sleep(0.05)
            time.sleep(rng.uniform(0, 0.3))
            finished = proc.poll() is not None
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            print(f"cycle {cycle:2}: {'finished before the kill' if finished else 'killed'}, "
                  f"{_count(db)} stored", flush=True)
        result = subprocess.run([*cmd, "--json"], env=env, capture_output=True, text=True,
                                check=True)
        report = json.loads(result.stdout)
        with sqlite3.connect(db) as conn:
            distinct = conn.execute("SELECT COUNT(DISTINCT source_id) FROM articles").fetchone()
        ok = (report["store"]["articles"] == distinct[0] == args.articles
              and report["store"]["duplicates"] == 0)
        print(f"final: {report['store']['articles']} articles, {distinct[0]} distinct source "
              f"ids, {report['store']['duplicates']} duplicates -> {'OK' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
