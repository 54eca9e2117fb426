"""API latency benchmark: article and actor detail on a store of 10,000 articles.

Builds (or reuses) a store of synthetic-but-realistic articles: the 16 samples replicated
with varied ids, dates, outlets and an added paragraph of actor mentions drawn from a
Zipf-distributed pool of 3,000 actors, plus the synthetic statement/event layers of
``lagebild.api.demo``. Then starts ``lagebild serve`` (real uvicorn) and measures
sequential request latency with httpx.

Reproduce:  .venv/bin/python benchmarks/bench_api.py [--articles 10000] [--requests 400]
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from lagebild.actors.ids import new_actor_id
from lagebild.api.demo import annotate
from lagebild.model import Article, Entity
from lagebild.pipeline import analyze
from lagebild.store import Store

ROOT = Path(__file__).resolve().parents[1]
FIRST = ["Anna", "Jonas", "Lea", "Lukas", "Mia", "Felix", "Sophie", "Paul", "Marie", "Ben",
         "Emma", "Leon", "Hannah", "Elias", "Lina", "Noah", "Clara", "Finn", "Ida", "Karl"]
LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
        "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Werner"]
ORG_WORDS = ["Verband", "Partei", "Bund", "Institut", "Agentur", "Rat", "Stiftung", "Werk"]
CITIES = ["Kassel", "Erfurt", "Rostock", "Passau", "Trier", "Ulm", "Jena", "Siegen", "Gießen",
          "Lübeck", "Görlitz", "Bamberg", "Cottbus", "Halle", "Kiel", "Mainz"]
OUTLETS = ["Wikinews", "Tagesblatt", "Rundschau", "Kurier", "Anzeiger", "Morgenpost"]


def actor_pool(rng: random.Random, size: int = 3000) -> list[tuple[str, str]]:
    pool: set[tuple[str, str]] = set()
    while len(pool) < size:
        kind = rng.random()
        if kind < 0.6:
            pool.add((f"{rng.choice(FIRST)} {rng.choice(LAST)}-{rng.choice(LAST)}", "PER"))
        elif kind < 0.85:
            pool.add((f"{rng.choice(ORG_WORDS)} {rng.choice(LAST)}{rng.randint(1, 99)}", "ORG"))
        else:
            pool.add((f"{rng.choice(CITIES)}-{rng.choice(LAST)}", "LOC"))
    return sorted(pool)


def synthetic(base: Article, i: int, rng: random.Random, pool: list[tuple[str, str]],
              weights: list[float]) -> Article:
    year = 2005 + i % 20
    published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    chosen = rng.choices(pool, weights=weights, k=rng.randint(8, 20))
    text = base.text
    extra: list[Entity] = []
    sentence_starts: list[tuple[int, int]] = []
    lines = []
    offset = len(text) + 2
    for name, label in chosen:
        prefix = "Dazu äußerte sich auch "
        start = offset + len(prefix)
        line = f"{prefix}{name} am {published} (Meldung {i})."
        extra.append(Entity(text=name, start=start, end=start + len(name), label=label))
        sentence_starts.append((offset, offset + len(line)))
        lines.append(line)
        offset += len(line) + 1
    text = text + "\n\n" + "\n".join(lines)
    annotated = annotate(base.model_copy(update={"text": text, "published": published}))
    events = list(annotated.events)
    statements = list(annotated.statements)
    for k in range(len(extra) - 1):
        if rng.random() < 0.25:
            src, tgt = extra[k], extra[k + 1]
            s, e = sentence_starts[k]
            quad = rng.randint(1, 4)
            events.append({
                "plover": ["CONSULT", "AID", "REQUEST", "ASSAULT"][quad - 1], "cameo": "040",
                "quad_class": quad, "source": src.text,
                "source_actor": new_actor_id(src.label, src.text), "target": tgt.text,
                "target_actor": new_actor_id(tgt.label, tgt.text), "modality": "asserted",
                "date": published, "start": s, "end": e,
            })
        if extra[k].label == "PER" and rng.random() < 0.2:
            s, e = sentence_starts[k]
            statements.append({"speaker": extra[k].text,
                               "speaker_actor": new_actor_id("PER", extra[k].text),
                               "type": "indirect", "start": s, "end": e, "text": text[s:e]})
    data = annotated.model_dump()
    data.update({
        # the layers above are dicts in the synthetic demo's dialect of article schema 1,
        # migrated to the typed layers on validation (lagebild.model_migrate)
        "schema_version": 1,
        "id": "", "text": text, "published": published, "events": events,
        "statements": statements,
        "entities": [e.model_dump() for e in [*annotated.entities, *extra]],
        "source": {**base.source.model_dump(), "outlet": OUTLETS[i % len(OUTLETS)]},
    })
    return Article.model_validate(data)


def build(path: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    samples = [a for a in analyze([str(ROOT / "samples")], stages=()) if isinstance(a, Article)]
    pool = actor_pool(rng)
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(pool))]
    t0 = time.perf_counter()
    with Store(path) as store:
        for start in range(0, n, 500):
            with store.transaction():
                for i in range(start, min(n, start + 500)):
                    store.add(synthetic(samples[i % len(samples)], i, rng, pool, weights))
    print(f"built {n} articles in {time.perf_counter() - t0:.1f} s → {path}", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(client: httpx.Client, urls: list[str]) -> list[float]:
    times = []
    for url in urls:
        t0 = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        response.raise_for_status()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--db", type=Path, help="reuse/keep the store here")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.db"
    if not db.exists():
        build(db, args.articles)
    with Store(db, readonly=True) as store:
        article_ids = [r[0] for r in store.conn.execute("SELECT id FROM articles")]
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "lagebild.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(100):
                try:
                    client.get("/api/health")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            t0 = time.perf_counter()
            actors = client.get("/api/actors", params={"limit": 500}).json()
            cold = (time.perf_counter() - t0) * 1000
            rng = random.Random(1)
            top = [a["id"] for a in actors["items"]]
            actor_urls = [f"/api/actors/{rng.choice(top)}" for _ in range(args.requests)]
            article_urls = [f"/api/articles/{rng.choice(article_ids)}"
                            for _ in range(args.requests)]
            measure(client, article_urls[:20] + actor_urls[:20])  # warm-up
            rows = {
                "article detail": measure(client, article_urls),
                "actor detail (top 500 actors)": measure(client, actor_urls),
                "actor detail (most frequent)": measure(client, [f"/api/actors/{top[0]}"] * 50),
                "article list (search)": measure(
                    client, [f"/api/articles?q={w}" for w in
                             rng.choices(["Iran", "Regierung", "Wahl", "Gericht"], k=100)]),
            }
            stats = client.get("/api/health").json()
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"store: {stats['articles']} articles, {actors['total']} actors; "
          f"actor index cold build + first list: {cold:.0f} ms")
    print(f"{'endpoint':32} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, times in rows.items():
        print(f"{name:32} {len(times):5d} {statistics.median(times):8.1f} "
              f"{percentile(times, 0.95):8.1f} {max(times):8.1f}")
    print("\nreproduce: .venv/bin/python benchmarks/bench_api.py "
          f"--articles {args.articles} --requests {args.requests}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
