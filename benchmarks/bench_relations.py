"""Relations latency on a store of 100,000 events: ``lagebild relations`` (USA–RUS by
month, and A's counterparts) and the relation data of ``/api/actors/{id}?with=``.

Builds a synthetic store directly in SQL (articles with a short text, events with PLOVER
type, QuadClass, Goldstein and source/target actors drawn from 40 state and government
actors with a Zipf-like skew, dates 2005–2020, a fifth of the events repeated by a second
outlet within two days), clusters it with the store's own clustering (``cluster_all``, timed
too; it also fills the relation aggregates), then times each query ``--repeat`` times in CPU
time (``time.process_time``: the machine is shared, wall time is noise) and reports p50/p95.
A store of an older release (``--db``) is migrated first.

Reproduce:  .venv/bin/python benchmarks/bench_relations.py [--events 100000] [--repeat 40]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from lagebild.store import Store
from lagebild.store.actors import relation_timeline
from lagebild.store.clusters import cluster_all
from lagebild.store.relations import counterparts, members, relation_series

ACTORS = ["USA", "RUS", "USAGOV", "RUSGOV", "per:john-kerry", "per:sergej-lawrow",
          "per:barack-obama", "per:wladimir-putin", "DEU", "FRA", "GBR", "CHN", "IRN", "UKR",
          "SYR", "ISR", "TUR", "JPN", "IND", "BRA", *[f"X{i:02d}" for i in range(20)]]
TYPES = [("CONSULT", "040", 1, 1.0), ("AGREE", "057", 1, 3.0), ("AID", "070", 2, 7.0),
         ("ACCUSE", "111", 3, -2.0), ("THREATEN", "138", 3, -7.0), ("SANCTION", "163", 4, -6.0),
         ("ASSAULT", "180", 4, -9.0)]


def build(path: Path, events: int, seed: int = 7) -> float:
    """The synthetic store; returns the CPU seconds clustering took."""
    rnd = random.Random(seed)
    weights = [1 / (i + 1) for i in range(len(ACTORS))]
    start = date(2005, 1, 1)
    with Store(path) as store, store.transaction():
        conn = store.conn
        article = 0
        made = 0
        while made < events:
            day = start + timedelta(days=rnd.randrange(16 * 365))
            src, tgt = rnd.choices(ACTORS, weights, k=2)
            if src == tgt:
                continue
            plover, code, quad, goldstein = rnd.choice(TYPES)
            copies = 2 if rnd.random() < 0.2 else 1
            for copy in range(copies):
                article += 1
                published = (day + timedelta(days=copy)).isoformat()
                text = f"{src} und {tgt}: Meldung {article}."
                aid = f"a{article:07d}"
                conn.execute(
                    """INSERT INTO articles(id, origin, chars, minhash, doc, ingested_at,
                         published, outlet, title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (aid, aid, len(text), b"", json.dumps({"text": text}), "2026-01-01",
                     published, f"outlet{copy}", text))
                data = json.dumps({"goldstein": goldstein})
                conn.execute(
                    """INSERT INTO events(article_id, idx, code, plover, quad_class,
                         source_actor_id, target_actor_id, modality, date, start, end, data)
                       VALUES (?, 0, ?, ?, ?, ?, ?, 'asserted', ?, 0, ?, ?)""",
                    (aid, code, plover, quad, src, tgt, day.isoformat(), len(text), data))
                conn.executemany(
                    "INSERT INTO event_actors(article_id, idx, role, actor_id) VALUES (?, 0, ?, ?)",
                    [(aid, "source", src), (aid, "target", tgt)])
                made += 1
        began = time.process_time()
        cluster_all(conn)
        return time.process_time() - began


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        began = time.process_time()
        fn()
        samples.append((time.process_time() - began) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, round(0.95 * len(samples)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--db", type=Path, default=None, help="keep the store here")
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.db"
    if not path.exists():
        began = time.process_time()
        clustering = build(path, args.events)
        print(f"built {args.events:,} events in {time.process_time() - began:.1f} s CPU "
              f"(clustering {clustering:.1f} s CPU, {args.events / clustering:,.0f} events/s)")
    began = time.process_time()
    with Store(path) as store:  # a store of an older release: migrated (aggregates filled)
        migrated = store.conn.execute("SELECT COUNT(*) FROM relation_days").fetchone()[0]
    print(f"store opened in {time.process_time() - began:.1f} s CPU "
          f"({migrated:,} relation day rows)")
    with Store(path, readonly=True) as store:
        conn = store.conn
        clusters = conn.execute("SELECT COUNT(*) FROM event_clusters").fetchone()[0]
        print(f"{clusters:,} event clusters")
        usa, rus = members(conn, "USA"), members(conn, "RUS")
        checks: dict[str, Callable[[], object]] = {
            "relations USA RUS --by month": lambda: relation_series(
                conn, members(conn, "USA"), members(conn, "RUS"), by="month"),
            "relations USA RUS --by day --directed": lambda: relation_series(
                conn, usa, rus, by="day", directed=True),
            "relations USA (counterparts)": lambda: counterparts(conn, members(conn, "USA")),
            "/api/actors/USA?with=RUS relation": lambda: relation_timeline(conn, "USA", "RUS"),
        }
        for name, fn in checks.items():
            p50, p95 = timed(fn, args.repeat)
            print(f"{name:<42} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms  (CPU)")


if __name__ == "__main__":
    main()
