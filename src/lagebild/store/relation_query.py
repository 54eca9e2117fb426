"""``relation_series`` and ``counterparts`` read from the relation aggregates
(``relation_agg``): sums per period in SQL over per-day rows, distinct articles and sources
counted over the per-day (article, outlet) rows, and the few clusters with several actor
pairs counted one by one. Results equal the direct count over event clusters
(``relations.relation_series_direct``), which the tests check."""

from __future__ import annotations

import sqlite3
from collections import Counter
from typing import Any

from lagebild.store.filters import Where, marks
from lagebild.store.relation_agg import milli, period_of
from lagebild.store.relation_groups import stored_members
from lagebild.store.relation_periods import (
    add_cluster,
    cluster_rows,
    finish,
    finish_counterparts,
    new_period,
)

#: SQL for a row's period label, from its ``day`` and ``week`` columns
_PERIOD_SQL = {"day": "day", "week": "week", "month": "substr(day, 1, 7)",
               "year": "substr(day, 1, 4)"}
_MULTI = "relation_clusters INDEXED BY relation_clusters_multi"


def has_aggregates(conn: sqlite3.Connection) -> bool:
    """Does the store have the relation aggregates (schema 5 or later)?"""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'relation_days'"
                        ).fetchone() is not None


def _dates(date_from: str | None, date_to: str | None) -> tuple[str, list[str]]:
    where = Where().add("day != ''").dates("day", date_from, date_to)
    return where.and_sql, where.params


def _pair_rows(table: str, columns: str, a: list[str], b: list[str], directed: bool,
               dates: tuple[str, list[str]], extra: str = "") -> tuple[str, list[str]]:
    """Rows of ``table`` from A to B (``dir`` 'a_to_b') and, unless ``directed``, from B to
    A that are not also from A to B ('b_to_a')."""
    cond, params = dates
    sql = (f"SELECT 'a_to_b' AS dir, {columns} FROM {table} WHERE {extra}"
           f" source_id IN ({marks(a)}) AND target_id IN ({marks(b)}){cond}")
    values = [*a, *b, *params]
    if not directed:
        sql += (f" UNION ALL SELECT 'b_to_a' AS dir, {columns} FROM {table} WHERE {extra}"
                f" source_id IN ({marks(b)}) AND target_id IN ({marks(a)})"
                f" AND NOT (source_id IN ({marks(a)}) AND target_id IN ({marks(b)})){cond}")
        values += [*b, *a, *a, *b, *params]
    return sql, values


def _add_row(periods: dict[str, dict[str, Any]], first_seen: dict[str, dict[str, str]],
             label: str, direction: str, row: tuple[str, int, int, int, int, int, str]) -> None:
    """One aggregate row (type, QuadClass, counts, Goldstein, first key) into its period."""
    plover, quad, events, mentions, gold, gold_n, first = row
    p = periods.get(label)
    if p is None:
        p = periods[label] = new_period(label)
        first_seen[label] = {}
    p["events"] += events
    p[direction] += events
    p["mentions"] += mentions
    if quad in (1, 2, 3, 4):
        p[f"q{quad}"] += events
    p["goldstein_sum"] += gold
    p["_g"] += gold_n
    p["_types"][plover] += events
    seen = first_seen[label]
    if plover not in seen or first < seen[plover]:
        seen[plover] = first


def aggregated_series(conn: sqlite3.Connection, a: list[str], b: list[str], *, by: str,
                      directed: bool, date_from: str | None, date_to: str | None,
                      examples: int) -> list[dict[str, Any]]:
    """``relations.relation_series`` from the aggregates (``examples`` at most 2)."""
    period = _PERIOD_SQL[by]
    dates = _dates(date_from, date_to)
    periods: dict[str, dict[str, Any]] = {}
    # first (day, cluster) of each type in a period: ``most_common`` breaks ties by it
    first_seen: dict[str, dict[str, str]] = {}
    rows_sql, params = _pair_rows(
        "relation_days", "day, week, plover, quad_class, events, mentions, goldstein_milli,"
        " goldstein_n, first_cluster", a, b, directed, dates)
    for label, direction, plover, quad, events, mentions, gold, gold_n, first in conn.execute(
            f"""SELECT {period}, dir, plover, quad_class, SUM(events), SUM(mentions),
                       SUM(goldstein_milli), SUM(goldstein_n),
                       MIN(day || printf('%012d', first_cluster))
                FROM ({rows_sql}) GROUP BY 1, 2, 3, 4""", params):
        _add_row(periods, first_seen, label, direction,
                 (plover, quad, events, mentions, gold, gold_n, first))
    # clusters with several actor pairs: each counted once, as the direct count does
    multi_sql, params = _pair_rows(_MULTI, "cluster_id", a, b, directed, dates,
                                   extra="pairs > 1 AND")
    multi: dict[int, str] = {}
    for direction, cid in conn.execute(f"{multi_sql} ORDER BY 1", params):
        multi.setdefault(cid, direction)
    multi_rows = cluster_rows(conn, list(multi))
    by_period: dict[str, list[tuple[str, int, str]]] = {}
    for cid, direction in multi.items():
        row = multi_rows[cid]
        label = period_of(row["day"], by)
        p = periods.get(label)
        if p is None:
            p = periods[label] = new_period(label)
            first_seen[label] = {}
        add_cluster(p, row, direction)
        key = f"{row['day']}{cid:012d}"
        seen = first_seen[label]
        plover = row["plover"] or "?"
        if plover not in seen or key < seen[plover]:
            seen[plover] = key
        by_period.setdefault(label, []).append((row["day"], cid, direction))
    if not periods:
        return []
    for label, p in periods.items():  # types in the order the direct count meets them
        counts, order = p["_types"], first_seen[label]
        p["_types"] = Counter({t: counts[t] for t in sorted(counts, key=lambda t: order[t])})
    _distinct(conn, periods, period, a, b, directed, dates)
    if examples > 0:
        _examples(conn, periods, period, a, b, directed, dates, examples, by_period)
    return finish(conn, periods)


def _distinct(conn: sqlite3.Connection, periods: dict[str, dict[str, Any]], period: str,
              a: list[str], b: list[str], directed: bool, dates: tuple[str, list[str]]) -> None:
    rows_sql, params = _pair_rows("relation_articles", "day, week, article_id, outlet", a, b,
                                  directed, dates)
    for label, articles, sources in conn.execute(
            f"""SELECT {period}, COUNT(DISTINCT article_id), COUNT(DISTINCT outlet)
                FROM ({rows_sql}) GROUP BY 1""", params):
        if label in periods:
            periods[label]["_articles"], periods[label]["_sources"] = articles, sources


def _examples(conn: sqlite3.Connection, periods: dict[str, dict[str, Any]], period: str,
              a: list[str], b: list[str], directed: bool, dates: tuple[str, list[str]],
              examples: int, multi: dict[str, list[tuple[str, int, str]]]) -> None:
    """Each period's first ``examples`` (≤ 2) clusters by day and id: among the first two
    day rows of the period, their first and second clusters."""
    rows_sql, params = _pair_rows("relation_days", "day, week, first_cluster, second_cluster",
                                  a, b, directed, dates)
    candidates: dict[str, list[tuple[str, int, str]]] = {k: list(v) for k, v in multi.items()}
    for label, direction, day, first, second in conn.execute(
            f"""SELECT label, dir, day, first_cluster, second_cluster FROM (
                  SELECT {period} AS label, dir, day, first_cluster, second_cluster,
                         ROW_NUMBER() OVER (PARTITION BY {period}
                                            ORDER BY day, first_cluster) AS rn
                  FROM ({rows_sql})) WHERE rn <= ?""", [*params, examples]):
        found = candidates.setdefault(label, [])
        found.append((day, first, direction))
        if second is not None:
            found.append((day, second, direction))
    chosen = {label: sorted(found)[:examples] for label, found in candidates.items()}
    rows = cluster_rows(conn, [cid for found in chosen.values() for _, cid, _ in found])
    for label, found in chosen.items():
        periods[label]["_examples"] = [(rows[cid], direction) for _, cid, direction in found]


def aggregated_counterparts(conn: sqlite3.Connection, a: list[str], *,
                            date_from: str | None = None, date_to: str | None = None,
                            limit: int = 10) -> list[dict[str, Any]]:
    """``relations.counterparts`` from the aggregates."""
    cond, params = "", list[str]()
    if date_from or date_to:
        cond, params = _dates(date_from, date_to)
    seen: dict[str, dict[str, Any]] = {}

    def entry(actor_id: str) -> dict[str, Any]:
        found = seen.get(actor_id)
        if found is None:
            found = seen[actor_id] = {"id": actor_id, "q1": 0, "q2": 0, "q3": 0, "q4": 0,
                                      "_g": 0, "_n": 0, "events": 0}
        return found

    # all time: the per-pair totals; between dates: the days
    table = "relation_days" if cond else "relation_totals"
    for actor_id, quad, events, gold, gold_n in conn.execute(
            f"""SELECT other, quad_class, SUM(events), SUM(goldstein_milli), SUM(goldstein_n)
                FROM (SELECT target_id AS other, quad_class, events, goldstein_milli,
                             goldstein_n FROM {table}
                      WHERE source_id IN ({marks(a)}) AND target_id NOT IN ({marks(a)}){cond}
                      UNION ALL
                      SELECT source_id, quad_class, events, goldstein_milli, goldstein_n
                      FROM {table} INDEXED BY {table}_target
                      WHERE target_id IN ({marks(a)}) AND source_id NOT IN ({marks(a)}){cond})
                GROUP BY 1, 2""", [*a, *a, *params, *a, *a, *params]):
        e = entry(actor_id)
        e["events"] += events
        if quad in (1, 2, 3, 4):
            e[f"q{quad}"] += events
        e["_g"] += gold
        e["_n"] += gold_n
    multi: set[tuple[str, int]] = set()
    for actor_id, cid in conn.execute(
            f"""SELECT target_id, cluster_id FROM {_MULTI}
                WHERE pairs > 1 AND source_id IN ({marks(a)})
                  AND target_id NOT IN ({marks(a)}){cond}
                UNION
                SELECT source_id, cluster_id
                FROM relation_clusters INDEXED BY relation_clusters_multi_target
                WHERE pairs > 1 AND target_id IN ({marks(a)})
                  AND source_id NOT IN ({marks(a)}){cond}""",
            [*a, *a, *params, *a, *a, *params]):
        multi.add((actor_id, cid))
    rows = cluster_rows(conn, sorted({cid for _, cid in multi}))
    for actor_id, cid in multi:
        row, e = rows[cid], entry(actor_id)
        e["events"] += 1
        if row["quad_class"] in (1, 2, 3, 4):
            e[f"q{row['quad_class']}"] += 1
        if row["goldstein"] is not None:
            e["_g"] += milli(row["goldstein"])
            e["_n"] += 1
    for e in seen.values():  # the key order of the direct count
        e["events"] = e.pop("events")
    return finish_counterparts(seen, limit)


def _aligned(value: str | None, by: str) -> bool:
    """Does a date bound cover whole periods (``2015`` or ``2015-09`` for months)?"""
    return value is None or len(value) in ((4, 7) if by == "month" else (4,))


def key_series(conn: sqlite3.Connection, a: list[str], b: list[str], *, by: str,
               directed: bool, date_from: str | None, date_to: str | None,
               examples: int) -> list[dict[str, Any]] | None:
    """``relation_series`` from the month and year aggregates between relation keys
    (``relation_groups``), when they answer it: ``a`` and ``b`` are whole member lists of
    two different keys, filed as the knowledge base says today, with bounds that cover whole
    periods. None otherwise."""
    if by not in ("month", "year") or examples > 2 or not a or not b:
        return None
    if not (_aligned(date_from, by) and _aligned(date_to, by)) or set(a) & set(b):
        return None
    ka, kb = a[0], b[0]
    if set(a) != stored_members(conn, ka) or set(b) != stored_members(conn, kb):
        return None
    x, y = (ka, kb) if ka < kb else (kb, ka)
    forward = 1 if ka == x else 2  # the flag bit of a → b
    bounds = Where().dates("period", date_from, date_to)
    cond, params = bounds.and_sql, bounds.params
    periods: dict[str, dict[str, Any]] = {}
    first_seen: dict[str, dict[str, str]] = {}
    for label, flag, plover, quad, events, mentions, gold, gold_n, first in conn.execute(
            f"""SELECT period, flag, plover, quad_class, events, mentions, goldstein_milli,
                       goldstein_n, first_key FROM relation_key_periods
                WHERE kind = ? AND x = ? AND y = ?{cond}""", [by, x, y, *params]):
        if directed and not flag & forward:
            continue
        _add_row(periods, first_seen, label, "a_to_b" if flag & forward else "b_to_a",
                 (plover, quad, events, mentions, gold, gold_n, first))
    for label, p in periods.items():  # types in the order the direct count meets them
        counts, order = p["_types"], first_seen[label]
        p["_types"] = Counter({t: counts[t] for t in sorted(counts, key=lambda t: order[t])})
    chosen: dict[str, list[int]] = {}
    for label, articles, sources, first, second in conn.execute(
            f"""SELECT period, articles, sources, first_cluster, second_cluster
                FROM relation_key_counts WHERE kind = ? AND x = ? AND y = ? AND scope = ?
                {cond}""", [by, x, y, forward if directed else 3, *params]):
        if label in periods:
            periods[label]["_articles"], periods[label]["_sources"] = articles, sources
            chosen[label] = [c for c in (first, second) if c is not None][:examples]
    ids = sorted({c for found in chosen.values() for c in found})
    if ids:
        rows = cluster_rows(conn, ids)
        flags = {cid: flag for cid, flag in conn.execute(
            f"SELECT cluster_id, flag FROM relation_key_clusters"
            f" WHERE cluster_id IN ({marks(ids)}) AND x = ? AND y = ?", [*ids, x, y])}
        for label, found in chosen.items():
            periods[label]["_examples"] = [
                (rows[c], "a_to_b" if flags[c] & forward else "b_to_a") for c in found]
    return finish(conn, periods)
