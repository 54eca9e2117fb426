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
from typing import Any

from lagebild.actors.kb import load_kb
from lagebild.store.filters import Where, marks
from lagebild.store.relation_agg import milli, period_of
from lagebild.store.relation_groups import group_of
from lagebild.store.relation_periods import (
    CLUSTER_COLUMNS,
    add_cluster,
    finish,
    finish_counterparts,
    new_period,
)
from lagebild.store.relation_query import (
    aggregated_counterparts,
    aggregated_series,
    has_aggregates,
    key_series,
)

__all__ = ["PERIODS", "counterparts", "members", "period_of", "relation_series"]

PERIODS = ("day", "week", "month", "year")


def members(conn: sqlite3.Connection, actor_id: str, expand: bool = True) -> list[str]:
    """``actor_id`` and, for a state, the actors of the store that act for it."""
    kb = load_kb()
    actor = kb.get(actor_id)
    if not expand or actor is None or actor.type != "state":
        return [actor_id]
    found = [actor_id]
    stored = [r[0] for r in conn.execute(_STORED_ACTORS) if r[0] is not None]
    found += [other for other in stored
              if other != actor_id and group_of(other, kb) == actor_id]
    return found


# the distinct actor ids of ``cluster_actors`` by hopping along its primary key (one index
# search per actor: ``SELECT DISTINCT`` read all its rows, 12 ms on 100,000 events)
_STORED_ACTORS = """WITH RECURSIVE seen(id) AS (
    SELECT MIN(actor_id) FROM cluster_actors
    UNION ALL
    SELECT (SELECT MIN(actor_id) FROM cluster_actors WHERE actor_id > seen.id) FROM seen
    WHERE seen.id IS NOT NULL)
  SELECT id FROM seen"""


def _clusters(conn: sqlite3.Connection, sources: list[str], targets: list[str],
              date_from: str | None, date_to: str | None) -> list[sqlite3.Row]:
    bounds = Where().add("c.day IS NOT NULL").dates("c.day", date_from, date_to)
    return conn.execute(
        f"""SELECT {CLUSTER_COLUMNS} FROM event_clusters c
            WHERE c.id IN (SELECT cluster_id FROM cluster_actors
                           WHERE role = 'source' AND actor_id IN ({marks(sources)}))
              AND c.id IN (SELECT cluster_id FROM cluster_actors
                           WHERE role = 'target' AND actor_id IN ({marks(targets)}))
              {bounds.and_sql}""",
        [*sources, *targets, *bounds.params]).fetchall()


def relation_series(conn: sqlite3.Connection, a: list[str], b: list[str], *, by: str = "month",
                    directed: bool = False, date_from: str | None = None,
                    date_to: str | None = None, examples: int = 2) -> list[dict[str, Any]]:
    """Per period: events A→B (and B→A unless ``directed``) by QuadClass, Goldstein sum and
    mean, top PLOVER types, mentions, distinct articles and sources, example evidence.

    Read from the relation aggregates (``relation_agg``); counted cluster by cluster where
    the store has none yet (a raw connection to an unmigrated file) or more than two
    examples per period are asked for (the aggregates keep a day's first two clusters)."""
    if examples <= 2 and has_aggregates(conn):
        by_key = key_series(conn, a, b, by=by, directed=directed, date_from=date_from,
                            date_to=date_to, examples=examples)
        if by_key is not None:
            return by_key
        return aggregated_series(conn, a, b, by=by, directed=directed, date_from=date_from,
                                 date_to=date_to, examples=examples)
    return relation_series_direct(conn, a, b, by=by, directed=directed, date_from=date_from,
                                  date_to=date_to, examples=examples)


def relation_series_direct(conn: sqlite3.Connection, a: list[str], b: list[str], *,
                           by: str = "month", directed: bool = False,
                           date_from: str | None = None, date_to: str | None = None,
                           examples: int = 2) -> list[dict[str, Any]]:
    """``relation_series`` counted cluster by cluster (the reference the aggregates are
    tested against)."""
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
    distinct: dict[str, tuple[set[str], set[str]]] = {}
    for cid, (row, direction) in sorted(found.items(), key=lambda kv: (kv[1][0]["day"], kv[0])):
        label = period_of(row["day"], by)
        p = periods.get(label)
        if p is None:  # (not setdefault: it would build the empty entry for every event)
            p = periods[label] = new_period(label)
            distinct[label] = (set(), set())
        add_cluster(p, row, direction)
        articles, sources = distinct[label]
        for article_id, outlet in outlets.get(cid, set()):
            articles.add(article_id)
            sources.add(outlet)
        if len(p["_examples"]) < examples:
            p["_examples"].append((row, direction))
    for label, (articles, sources) in distinct.items():
        periods[label]["_articles"], periods[label]["_sources"] = len(articles), len(sources)
    return finish(conn, periods)


def counterparts(conn: sqlite3.Connection, a: list[str], *, date_from: str | None = None,
                 date_to: str | None = None, limit: int = 10) -> list[dict[str, Any]]:
    """The actors A has most events with (either direction), with QuadClass counts."""
    if has_aggregates(conn):
        return aggregated_counterparts(conn, a, date_from=date_from, date_to=date_to,
                                       limit=limit)
    return counterparts_direct(conn, a, date_from=date_from, date_to=date_to, limit=limit)


def counterparts_direct(conn: sqlite3.Connection, a: list[str], *,
                        date_from: str | None = None, date_to: str | None = None,
                        limit: int = 10) -> list[dict[str, Any]]:
    """``counterparts`` counted cluster by cluster (the reference for the aggregates)."""
    bounds = Where().dates("c.day", date_from, date_to)
    where, params = bounds.and_sql, bounds.params
    rows = conn.execute(
        f"""SELECT o.actor_id, c.id, c.quad_class, c.goldstein
            FROM cluster_actors m JOIN event_clusters c ON c.id = m.cluster_id
              JOIN cluster_actors o ON o.cluster_id = c.id AND o.role != m.role
            WHERE m.actor_id IN ({marks(a)}) AND o.actor_id NOT IN ({marks(a)}) {where}""",
        [*a, *a, *params]).fetchall()
    seen: dict[str, dict[str, Any]] = {}
    for actor_id, cid, quad, goldstein in rows:
        entry = seen.setdefault(actor_id, {"id": actor_id, "_ids": set(), "q1": 0, "q2": 0,
                                           "q3": 0, "q4": 0, "_g": 0, "_n": 0})
        if cid in entry["_ids"]:
            continue
        entry["_ids"].add(cid)
        if quad in (1, 2, 3, 4):
            entry[f"q{quad}"] += 1
        if goldstein is not None:
            entry["_g"] += milli(goldstein)
            entry["_n"] += 1
    for entry in seen.values():
        entry["events"] = len(entry.pop("_ids"))
    return finish_counterparts(seen, limit)
