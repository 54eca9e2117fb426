"""Relations over time: events between two actors per day, week, month or year.

Counts are of event clusters (``store.clusters``: one real-world event however many reports),
with ``mentions``, ``articles`` and ``sources`` alongside, as GDELT does.

A state's relations include those of its government: the KB's government, bodies and sectors
of the state (``RUSGOV``, "Moskau" as a seat of government is linked to these) and persons
whose CAMEO affiliation belongs to it (Kerry and Obama for USA, Lawrow and Putin for RUS). An
analyst asking for "USA–Russland" means the states' dealings, which the press reports
through their office holders.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date
from typing import Any

from lagebild.actors.kb import load_kb
from lagebild.store.filters import date_upper_bound, marks

PERIODS = ("day", "week", "month", "year")
_MEMBER_TYPES = {"government", "body", "sector"}


def members(conn: sqlite3.Connection, actor_id: str, expand: bool = True) -> list[str]:
    """``actor_id`` and, for a state, the actors of the store that act for it."""
    kb = load_kb()
    actor = kb.get(actor_id)
    if not expand or actor is None or actor.type != "state":
        return [actor_id]
    found = [actor_id]
    stored = [r[0] for r in conn.execute("SELECT DISTINCT actor_id FROM cluster_actors")]
    for other in stored:
        if other == actor_id:
            continue
        info = kb.get(other)
        if info is None or info.country != actor_id:
            continue
        cameo = info.cameo or ""
        if info.type in _MEMBER_TYPES or (info.type == "person" and cameo.startswith(actor_id)
                                          and cameo[3:6] in ("GOV", "MIL")):
            found.append(other)
    return found


def period_of(day: str, by: str) -> str:
    """The period label of a day: 2015-09-18, 2015-W38, 2015-09, 2015."""
    if by == "day":
        return day[:10]
    if by == "month":
        return day[:7]
    if by == "year":
        return day[:4]
    try:
        iso = date.fromisoformat(day[:10]).isocalendar()
    except ValueError:
        return day[:7]
    return f"{iso.year}-W{iso.week:02d}"


def _clusters(conn: sqlite3.Connection, sources: list[str], targets: list[str],
              date_from: str | None, date_to: str | None) -> list[sqlite3.Row]:
    where, params = ["c.day IS NOT NULL"], []
    if date_from:
        where.append("c.day >= ?")
        params.append(date_from)
    if date_to:
        where.append("c.day < ?")
        params.append(date_upper_bound(date_to))
    return conn.execute(
        f"""SELECT c.id, c.day, c.plover, c.code, c.quad_class, c.goldstein, c.mentions,
                   c.articles, c.sources, c.root_article_id, c.root_idx
            FROM event_clusters c
            WHERE c.id IN (SELECT cluster_id FROM cluster_actors
                           WHERE role = 'source' AND actor_id IN ({marks(sources)}))
              AND c.id IN (SELECT cluster_id FROM cluster_actors
                           WHERE role = 'target' AND actor_id IN ({marks(targets)}))
              AND {' AND '.join(where)}""",
        [*sources, *targets, *params]).fetchall()


def _evidence(conn: sqlite3.Connection, article_id: str, idx: int) -> dict[str, Any]:
    row = conn.execute(
        """SELECT a.title, a.url, a.published,
                  substr(json_extract(a.doc, '$.text'), e.start + 1, e.end - e.start)
           FROM events e JOIN articles a ON a.id = e.article_id
           WHERE e.article_id = ? AND e.idx = ?""", (article_id, idx)).fetchone()
    if row is None:
        return {"article_id": article_id}
    return {"article_id": article_id, "title": row[0], "url": row[1], "published": row[2],
            "text": (row[3] or "").strip()}


def relation_series(conn: sqlite3.Connection, a: list[str], b: list[str], *, by: str = "month",
                    directed: bool = False, date_from: str | None = None,
                    date_to: str | None = None, examples: int = 2) -> list[dict[str, Any]]:
    """Per period: events A→B (and B→A unless ``directed``) by QuadClass, Goldstein sum and
    mean, top PLOVER types, mentions, distinct articles and sources, example evidence."""
    found: dict[int, tuple[sqlite3.Row, str]] = {}
    for row in _clusters(conn, a, b, date_from, date_to):
        found[row["id"]] = (row, "a_to_b")
    if not directed:
        for row in _clusters(conn, b, a, date_from, date_to):
            found.setdefault(row["id"], (row, "b_to_a"))
    if not found:
        return []
    outlets: dict[int, set[tuple[str, str]]] = {}
    ids = list(found)
    for start in range(0, len(ids), 900):  # SQLite's parameter limit
        chunk = ids[start:start + 900]
        for cid, article_id, outlet in conn.execute(
                f"""SELECT e.cluster_id, e.article_id, COALESCE(a.outlet, '') FROM events e
                    JOIN articles a ON a.id = e.article_id
                    WHERE e.cluster_id IN ({marks(chunk)})""", chunk):
            outlets.setdefault(cid, set()).add((article_id, outlet))
    periods: dict[str, dict[str, Any]] = {}
    for cid, (row, direction) in sorted(found.items(), key=lambda kv: (kv[1][0]["day"], kv[0])):
        label = period_of(row["day"], by)
        p = periods.get(label)
        if p is None:  # (not setdefault: it would build the empty entry for every event)
            p = periods[label] = {
                "period": label, "events": 0, "a_to_b": 0, "b_to_a": 0, "mentions": 0,
                "q1": 0, "q2": 0, "q3": 0, "q4": 0, "goldstein_sum": 0.0, "_g": 0,
                "_types": Counter(), "_articles": set(), "_sources": set(), "_examples": []}
        p["events"] += 1
        p[direction] += 1
        p["mentions"] += row["mentions"]
        if row["quad_class"] in (1, 2, 3, 4):
            p[f"q{row['quad_class']}"] += 1
        if row["goldstein"] is not None:
            p["goldstein_sum"] += float(row["goldstein"])
            p["_g"] += 1
        p["_types"][row["plover"] or "?"] += 1
        for article_id, outlet in outlets.get(cid, set()):
            p["_articles"].add(article_id)
            p["_sources"].add(outlet)
        if len(p["_examples"]) < examples:
            p["_examples"].append((row, direction))
    series = []
    for label in sorted(periods):
        p = periods[label]
        g = p.pop("_g")
        p["goldstein_sum"] = round(p["goldstein_sum"], 2)
        p["goldstein_mean"] = round(p["goldstein_sum"] / g, 2) if g else None
        p["cooperation"] = p["q1"] + p["q2"]
        p["conflict"] = p["q3"] + p["q4"]
        p["top_types"] = [{"type": t, "events": n} for t, n in p.pop("_types").most_common(3)]
        p["articles"] = len(p.pop("_articles"))
        p["sources"] = len(p.pop("_sources"))
        p["examples"] = [
            {"cluster_id": r["id"], "day": r["day"], "type": r["plover"], "code": r["code"],
             "direction": d, "mentions": r["mentions"],
             **_evidence(conn, r["root_article_id"], r["root_idx"])}
            for r, d in p.pop("_examples")]
        series.append(p)
    return series


def counterparts(conn: sqlite3.Connection, a: list[str], *, date_from: str | None = None,
                 date_to: str | None = None, limit: int = 10) -> list[dict[str, Any]]:
    """The actors A has most events with (either direction), with QuadClass counts."""
    where, params = "", []
    if date_from:
        where += " AND c.day >= ?"
        params.append(date_from)
    if date_to:
        where += " AND c.day < ?"
        params.append(date_upper_bound(date_to))
    rows = conn.execute(
        f"""SELECT o.actor_id, c.id, c.quad_class, c.goldstein
            FROM cluster_actors m JOIN event_clusters c ON c.id = m.cluster_id
              JOIN cluster_actors o ON o.cluster_id = c.id AND o.role != m.role
            WHERE m.actor_id IN ({marks(a)}) AND o.actor_id NOT IN ({marks(a)}) {where}""",
        [*a, *a, *params]).fetchall()
    seen: dict[str, dict[str, Any]] = {}
    for actor_id, cid, quad, goldstein in rows:
        entry = seen.setdefault(actor_id, {"id": actor_id, "_ids": set(), "q1": 0, "q2": 0,
                                           "q3": 0, "q4": 0, "_g": []})
        if cid in entry["_ids"]:
            continue
        entry["_ids"].add(cid)
        if quad in (1, 2, 3, 4):
            entry[f"q{quad}"] += 1
        if goldstein is not None:
            entry["_g"].append(float(goldstein))
    out = []
    for entry in seen.values():
        g = entry.pop("_g")
        entry["events"] = len(entry.pop("_ids"))
        entry["goldstein_mean"] = round(sum(g) / len(g), 2) if g else None
        out.append(entry)
    out.sort(key=lambda e: (-e["events"], e["id"]))
    return out[:limit]
