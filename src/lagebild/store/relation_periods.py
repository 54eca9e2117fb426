"""One period of a relation series: the entry both ways of counting fill (the direct count
over event clusters, ``relations.relation_series_direct``, and the aggregates,
``relation_query``), and how it is finished for output. Both must give the same result."""

from __future__ import annotations

import sqlite3
from collections import Counter
from typing import Any

from lagebild.store.filters import marks
from lagebild.store.relation_agg import milli

#: what an example needs of its cluster
CLUSTER_COLUMNS = ("c.id, c.day, c.plover, c.code, c.quad_class, c.goldstein, c.mentions,"
                   " c.articles, c.sources, c.root_article_id, c.root_idx")


def new_period(label: str) -> dict[str, Any]:
    return {"period": label, "events": 0, "a_to_b": 0, "b_to_a": 0, "mentions": 0,
            "q1": 0, "q2": 0, "q3": 0, "q4": 0, "goldstein_sum": 0, "_g": 0,
            "_types": Counter(), "_articles": 0, "_sources": 0, "_examples": []}


def add_cluster(p: dict[str, Any], row: sqlite3.Row, direction: str) -> None:
    """Count one event cluster (Goldstein in thousandths: exact whatever the order)."""
    p["events"] += 1
    p[direction] += 1
    p["mentions"] += row["mentions"]
    if row["quad_class"] in (1, 2, 3, 4):
        p[f"q{row['quad_class']}"] += 1
    if row["goldstein"] is not None:
        p["goldstein_sum"] += milli(row["goldstein"])
        p["_g"] += 1
    p["_types"][row["plover"] or "?"] += 1


def _evidence(conn: sqlite3.Connection, keys: list[tuple[str, int]]
              ) -> dict[tuple[str, int], dict[str, Any]]:
    """Title, address, date and sentence of events, read in a few statements (one per
    example cost 15 ms for a relation's 384 examples)."""
    out: dict[tuple[str, int], dict[str, Any]] = {}
    for start in range(0, len(keys), 400):
        chunk = keys[start:start + 400]
        values = ",".join("(?, ?)" for _ in chunk)
        for article_id, idx, title, url, published, text in conn.execute(
                f"""WITH k(article_id, idx) AS (VALUES {values})
                    SELECT e.article_id, e.idx, a.title, a.url, a.published,
                           substr(json_extract(a.doc, '$.text'), e.start + 1, e.end - e.start)
                    FROM k CROSS JOIN events e ON e.article_id = k.article_id AND e.idx = k.idx
                      JOIN articles a ON a.id = e.article_id""",
                [v for key in chunk for v in key]):
            out[(article_id, idx)] = {"article_id": article_id, "title": title, "url": url,
                                      "published": published, "text": (text or "").strip()}
    return out


def cluster_rows(conn: sqlite3.Connection, ids: list[int]) -> dict[int, sqlite3.Row]:
    out: dict[int, sqlite3.Row] = {}
    for start in range(0, len(ids), 900):  # SQLite's parameter limit
        chunk = ids[start:start + 900]
        for row in conn.execute(f"SELECT {CLUSTER_COLUMNS} FROM event_clusters c"
                                f" WHERE c.id IN ({marks(chunk)})", chunk):
            out[row["id"]] = row
    return out


def finish(conn: sqlite3.Connection, periods: dict[str, dict[str, Any]]
           ) -> list[dict[str, Any]]:
    """The periods in order, sums rounded, top types, distinct counts and examples."""
    series = []
    evidence = _evidence(conn, sorted({(r["root_article_id"], r["root_idx"])
                                       for p in periods.values() for r, _ in p["_examples"]}))
    for label in sorted(periods):
        p = periods[label]
        g = p.pop("_g")
        total = p["goldstein_sum"] / 1000
        p["goldstein_sum"] = round(total, 2)
        p["goldstein_mean"] = round(total / g, 2) if g else None
        p["cooperation"] = p["q1"] + p["q2"]
        p["conflict"] = p["q3"] + p["q4"]
        p["top_types"] = [{"type": t, "events": n} for t, n in p.pop("_types").most_common(3)]
        p["articles"] = p.pop("_articles")
        p["sources"] = p.pop("_sources")
        p["examples"] = [
            {"cluster_id": r["id"], "day": r["day"], "type": r["plover"], "code": r["code"],
             "direction": d, "mentions": r["mentions"],
             **evidence.get((r["root_article_id"], r["root_idx"]),
                            {"article_id": r["root_article_id"]})}
            for r, d in p.pop("_examples")]
        series.append(p)
    return series


def finish_counterparts(seen: dict[str, dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """Counterpart entries (``events``, ``q1``–``q4``, Goldstein thousandths ``_g`` over
    ``_n`` events) in order, most events first."""
    out = []
    for entry in seen.values():
        g, n = entry.pop("_g"), entry.pop("_n")
        entry["goldstein_mean"] = round(g / 1000 / n, 2) if n else None
        out.append(entry)
    out.sort(key=lambda e: (-e["events"], e["id"]))
    return out[:limit]
