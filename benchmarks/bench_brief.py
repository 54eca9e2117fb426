"""Speed of ``lagebild brief``: one month of a 100,000-article store (issue target: ≤ 2 s).

Builds (or reuses) a synthetic store written straight into the store's tables (the real
schema, ``Store`` migrations): articles spread over twelve months of 2015, each with four
events, three statements and their actor mentions drawn from a Zipf-distributed pool of
3,000 actors (so stories repeat across outlets and agencies, as the clustering needs), then
clustered and aggregated by the store's own code (``clusters.cluster_all``). The
article documents hold text and source only (no tokens), which only makes reading the
evidence of the shown items cheaper than on a real store.

Then builds the brief of one month (and the month before it, as the change section does)
and renders it as JSON, Markdown and HTML, each ``--repeat`` times on a fresh connection.
Prints CPU time (``time.process_time``: the machine is shared, wall clock is noisy) and
wall time.

Reproduce:  .venv/bin/python benchmarks/bench_brief.py [--articles 100000] [--db FILE]
            [--period 2015-06] [--actor NAME] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from lagebild.brief import build_brief, parse_period
from lagebild.brief.cli import render, resolve_actors
from lagebild.store import Store, clusters

FIRST = ["Anna", "Jonas", "Lea", "Lukas", "Mia", "Felix", "Sophie", "Paul", "Marie", "Ben",
         "Emma", "Leon", "Hannah", "Elias", "Lina", "Noah", "Clara", "Finn", "Ida", "Karl"]
LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann"]
OUTLETS = ["Tagesblatt", "Rundschau", "Kurier", "Anzeiger", "Morgenpost", "Zeitung am Abend",
           "Nachrichten", "Volksstimme"]
AGENCIES = ["dpa", "AFP", "Reuters", "AP", "epd", "KNA"]
# sentence template, PLOVER, CAMEO, QuadClass, Goldstein, trigger
EVENTS = [
    ("{a} kritisierte {b} scharf.", "ACCUSE", "111", 3, -2.0, "kritisierte"),
    ("{a} traf {b} zu Gesprächen.", "CONSULT", "040", 1, 1.0, "traf"),
    ("{a} griff {b} an.", "ASSAULT", "190", 4, -9.0, "griff"),
    ("{a} sagte {b} Hilfe zu.", "AID", "070", 2, 7.0, "sagte"),
    ("{a} drohte {b} mit Konsequenzen.", "THREATEN", "130", 3, -4.4, "drohte"),
    ("{a} einigte sich mit {b}.", "AGREE", "057", 1, 8.0, "einigte"),
]
QUOTES = [("„Wir werden nicht nachgeben“, sagte {a}.", "Direct", "sagte"),
          ("{a} erklärte, die Lage sei ernst.", "Indirect", "erklärte"),
          ("„Das ist ein wichtiger Schritt“, betonte {a}.", "Direct", "betonte")]


def actor_pool(rng: random.Random, size: int = 3000) -> list[tuple[str, str, str]]:
    names: set[str] = set()
    while len(names) < size:
        names.add(f"{rng.choice(FIRST)} {rng.choice(LAST)}-{rng.choice(LAST)}")
    return [(f"per:{n.lower().replace(' ', '-')}", n, "PER") for n in sorted(names)]


def build(path: Path, articles: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    pool = actor_pool(rng)
    weights = [1 / (i + 1) for i in range(len(pool))]
    Store(path).close()  # the real schema, all migrations
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    start = date(2015, 1, 1)
    now = "2026-01-01T00:00:00+00:00"
    for i in range(articles):
        published = (start + timedelta(days=rng.randrange(365))).isoformat()
        outlet = rng.choice(OUTLETS)
        agencies = rng.sample(AGENCIES, rng.randint(0, 2))
        text_parts: list[str] = [f"Bericht {i} aus {outlet}."]
        offset = len(text_parts[0]) + 1
        events, statements, mentions = [], [], []
        for idx in range(4):
            (aid, aname, _), (bid, bname, _) = rng.choices(pool, weights, k=2)
            if aid == bid:
                continue
            template, plover, cameo, quad, gold, trigger = rng.choice(EVENTS)
            sentence = template.format(a=aname, b=bname)
            s0 = offset
            a0, b0 = s0 + sentence.index(aname), s0 + sentence.index(bname)
            t0 = s0 + sentence.index(trigger)
            mentions += [(a0, a0 + len(aname), aname, aid), (b0, b0 + len(bname), bname, bid)]
            data = {"type": plover, "cameo": cameo, "goldstein": gold, "quad_class": quad,
                    "source": [{"id": aid, "name": aname}], "target": [{"id": bid, "name": bname}],
                    "trigger": {"start": t0, "end": t0 + len(trigger), "text": trigger},
                    "modality": "asserted", "sentence": {"start": s0, "end": s0 + len(sentence)}}
            events.append((idx, cameo, plover, quad, aid, bid, s0, s0 + len(sentence), data))
            text_parts.append(sentence)
            offset += len(sentence) + 1
        for idx in range(3):
            aid, aname, _ = rng.choices(pool, weights, k=1)[0]
            template, kind, cue = QUOTES[idx]
            sentence = template.format(a=aname)
            s0 = offset
            a0, c0 = s0 + sentence.index(aname), s0 + sentence.index(cue)
            mentions.append((a0, a0 + len(aname), aname, aid))
            quote = sentence[:sentence.index("“") + 1] if kind == "Direct" else sentence
            data = {"type": kind, "quote": [{"start": s0, "end": s0 + len(quote), "text": quote}],
                    "cue": [{"start": c0, "end": c0 + len(cue), "text": cue}],
                    "speaker": {"start": a0, "end": a0 + len(aname), "text": aname,
                                "actor": {"id": aid, "name": aname}}, "mode": "fast"}
            statements.append((idx, aid, aname, kind, s0, s0 + len(quote), quote, data))
            text_parts.append(sentence)
            offset += len(sentence) + 1
        text = " ".join(text_parts)
        article_id = f"{i:016x}"
        doc = json.dumps({"id": article_id, "text": text, "published": published,
                          "source": {"outlet": outlet, "agencies": agencies}},
                         ensure_ascii=False)
        conn.execute(
            """INSERT INTO articles(id, title, outlet, published, origin, chars, minhash, doc,
                 ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (article_id, f"Bericht {i}", outlet, published, f"synthetic#{i}", len(text), b"",
             doc, now))
        conn.executemany(
            """INSERT OR IGNORE INTO mentions(article_id, start, end, text, label, actor_id)
               VALUES (?, ?, ?, ?, 'PER', ?)""", [(article_id, *m) for m in mentions])
        conn.executemany(
            """INSERT INTO events(article_id, idx, code, plover, quad_class, source_actor_id,
                 target_actor_id, modality, date, start, end, data)
               VALUES (?, ?, ?, ?, ?, ?, ?, 'asserted', NULL, ?, ?, ?)""",
            [(article_id, *e[:8], json.dumps(e[8], ensure_ascii=False)) for e in events])
        conn.executemany(
            "INSERT OR IGNORE INTO event_actors(article_id, idx, role, actor_id) "
            "VALUES (?, ?, ?, ?)",
            [(article_id, e[0], role, actor) for e in events
             for role, actor in (("source", e[4]), ("target", e[5]))])
        conn.executemany(
            """INSERT INTO statements(article_id, idx, speaker_actor_id, speaker_text, kind,
                 start, end, text, data, mode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'fast')""",
            [(article_id, *s[:7], json.dumps(s[7], ensure_ascii=False)) for s in statements])
        if i % 10_000 == 9_999:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
            print(f"  {i + 1} articles written", flush=True)
    conn.execute("COMMIT")
    # event clusters and relation aggregates, as the store writes them on ingest (before
    # ANALYZE: with its statistics, the copy lookup of the clustering scans every article)
    print("  clustering events …", flush=True)
    conn.execute("BEGIN")
    clusters.cluster_all(conn)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="store to build or reuse")
    parser.add_argument("--period", default="2015-06")
    parser.add_argument("--actor", default=None, help="also time a brief about this actor")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    # (the name says "clustered": stores of earlier versions of this benchmark have none)
    path = args.db or (Path(tempfile.gettempdir())
                       / f"lagebild-bench-brief-clustered-{args.articles}.db")
    if not path.exists():
        print(f"building {path} ({args.articles} articles) …", flush=True)
        t0 = time.perf_counter()
        build(path, args.articles)
        print(f"built in {time.perf_counter() - t0:.0f} s", flush=True)
    Store(path).close()  # a store built by an older release: migrated first
    period = parse_period(args.period)
    runs: dict[str, list[tuple[float, float]]] = {}
    for _ in range(args.repeat):
        store = Store(path, readonly=True)  # as ``lagebild brief`` opens it
        conn = store.conn
        cases = [("brief", [])]
        if args.actor:
            cases.append((f"brief --actor {args.actor}", resolve_actors(conn, [args.actor])))
        for name, ids in cases:
            c0, w0 = time.process_time(), time.perf_counter()
            brief = build_brief(conn, period, actors=ids)
            runs.setdefault(name, []).append((time.process_time() - c0,
                                              time.perf_counter() - w0))
            for fmt in ("json", "md", "html"):
                c0, w0 = time.process_time(), time.perf_counter()
                render(brief, fmt, "http://127.0.0.1:8000/")
                runs.setdefault(f"  render {fmt}", []).append(
                    (time.process_time() - c0, time.perf_counter() - w0))
        store.close()
    articles = sqlite3.connect(path).execute(
        "SELECT COUNT(*), SUM(published >= ? AND published <= ?) FROM articles",
        (period.date_from, period.date_to + "\uffff")).fetchone()
    print(f"store: {articles[0]} articles, {articles[1]} in {period.label}; "
          f"{args.repeat} runs, median")
    print(f"{'what':<28} {'CPU s':>8} {'wall s':>8}")
    for name, values in runs.items():
        cpu = statistics.median(v[0] for v in values)
        wall = statistics.median(v[1] for v in values)
        print(f"{name:<28} {cpu:8.3f} {wall:8.3f}")


if __name__ == "__main__":
    main()
