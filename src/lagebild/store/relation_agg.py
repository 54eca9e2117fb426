"""Relation aggregates: per ordered actor pair and day, what ``lagebild relations`` and the
actor page count, kept up to date as event clusters are written.

Counting 16,000 event clusters of a frequent pair one by one in Python took 0.4–0.6 s on a
store of 100,000 events; these tables answer the same questions from a few thousand rows.

Three tables (migration 5):

- ``relation_clusters``: one row per event cluster and (source actor, target actor) pair of
  it, with the cluster's day and its number of pairs. A cluster with one pair ("Kerry
  kritisiert Lawrow") can be added up blindly; one with several ("Die USA und Russland
  kritisieren …") could be counted twice for the same two member sets, so the readers
  count those few clusters one by one.
- ``relation_days``: sums over the one-pair clusters per (source, target, day, PLOVER type,
  QuadClass): events, mentions, Goldstein sum (in thousandths, so that sums do not depend on
  the order they are added in) and count, and the two smallest cluster ids (the period's
  examples are its first clusters by day and id). A cluster without a day (no date, no
  publication date) has the day ``''``: the actor's counterparts count it, no period does.
- ``relation_totals``: ``relation_days`` summed over all days per (source, target,
  QuadClass): an actor's counterparts of all time.
- ``relation_articles``: the distinct (article, outlet) of every cluster's mentions per
  (source, target, day): distinct counts cannot be added up across days, pairs or periods,
  so they are counted from these rows.

``refresh`` recomputes the rows of every (source, target, day) a set of clusters touches
from the clusters themselves, so re-running it never counts twice; ``rebuild`` recomputes
all of them (migrations, re-clustering).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date

from lagebild.store import relation_groups
from lagebild.store.filters import marks

TABLES = ("relation_clusters", "relation_days", "relation_articles", "relation_totals")
# (``relation_groups``, the month and year aggregates between relation keys, is refreshed
# with these)


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


def _week(day: str | None) -> str | None:
    return None if day is None else period_of(day, "week")


def milli(goldstein: float | None) -> int:
    """A Goldstein value in thousandths: integer sums are exact in any order. Rounded as
    SQLite's ``round`` rounds (half away from zero), so that ``MILLI_SQL`` agrees."""
    if goldstein is None:
        return 0
    value = float(goldstein) * 1000
    return int(value + 0.5) if value >= 0 else -int(-value + 0.5)


#: ``milli`` of ``{column}`` in SQL
MILLI_SQL = "CAST(round({column} * 1000) AS INTEGER)"


def _exists(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'relation_days'"
                        ).fetchone() is not None


# the sums of one (source, target, day): ``{where}`` narrows ``relation_clusters rc``
_DAYS = """
    INSERT INTO relation_days(source_id, target_id, day, week, plover, quad_class, events,
        mentions, goldstein_milli, goldstein_n, first_cluster, second_cluster)
    SELECT s, t, day, {week}, p, q, COUNT(*), SUM(mentions),
           COALESCE(SUM({milli}), 0), COUNT(goldstein), MIN(id),
           MIN(CASE WHEN rn = 2 THEN id END)
    FROM (SELECT rc.source_id AS s, rc.target_id AS t, rc.day AS day,
                 COALESCE(NULLIF(c.plover, ''), '?') AS p, COALESCE(c.quad_class, 0) AS q,
                 c.id AS id, c.mentions AS mentions, c.goldstein AS goldstein,
                 ROW_NUMBER() OVER (PARTITION BY rc.source_id, rc.target_id, rc.day,
                     COALESCE(NULLIF(c.plover, ''), '?'), COALESCE(c.quad_class, 0)
                     ORDER BY c.id) AS rn
          FROM relation_clusters rc JOIN event_clusters c ON c.id = rc.cluster_id
          WHERE rc.pairs = 1 {where})
    GROUP BY s, t, day, p, q""".replace("{milli}", MILLI_SQL.format(column="goldstein"))

_ARTICLES = """
    INSERT OR IGNORE INTO relation_articles(source_id, target_id, day, week, article_id,
        outlet)
    SELECT DISTINCT rc.source_id, rc.target_id, rc.day, {week}, e.article_id,
           COALESCE(a.outlet, '')
    FROM relation_clusters rc JOIN events e ON e.cluster_id = rc.cluster_id
      JOIN articles a ON a.id = e.article_id {where}"""

_TOTALS = """
    INSERT INTO relation_totals(source_id, target_id, quad_class, events, goldstein_milli,
        goldstein_n)
    SELECT source_id, target_id, quad_class, SUM(events), SUM(goldstein_milli),
           SUM(goldstein_n)
    FROM relation_days {where} GROUP BY source_id, target_id, quad_class"""

_PAIRS = """
    INSERT INTO relation_clusters(source_id, target_id, day, cluster_id, pairs)
    SELECT s.actor_id, t.actor_id, COALESCE(c.day, ''), c.id,
           COUNT(*) OVER (PARTITION BY c.id)
    FROM event_clusters c
      JOIN cluster_actors s ON s.cluster_id = c.id AND s.role = 'source'
      JOIN cluster_actors t ON t.cluster_id = c.id AND t.role = 'target' {where}"""


def rebuild(conn: sqlite3.Connection) -> None:
    """All relation aggregates from the stored clusters (no-op before migration 5)."""
    if not _exists(conn):
        return
    for table in TABLES:
        conn.execute(f"DELETE FROM {table}")
    conn.execute(_PAIRS.format(where=""))
    conn.execute(_DAYS.format(where="", week="''"))
    conn.execute(_ARTICLES.format(where="", week="''"))
    # week labels in Python (ISO weeks), once per day (no SQL function: registering one
    # fails while another statement of the connection is open)
    weeks = [(day, _week(day)) for (day,) in conn.execute(
        "SELECT DISTINCT day FROM relation_clusters").fetchall()]
    conn.execute("CREATE TEMP TABLE relation_weeks (day TEXT PRIMARY KEY, week TEXT)")
    conn.executemany("INSERT INTO temp.relation_weeks VALUES (?, ?)", weeks)
    for table in ("relation_days", "relation_articles"):
        conn.execute(f"UPDATE {table} SET week = (SELECT w.week FROM temp.relation_weeks w"
                     f" WHERE w.day = {table}.day)")
    conn.execute("DROP TABLE temp.relation_weeks")
    conn.execute(_TOTALS.format(where=""))
    relation_groups.rebuild(conn)


def _keys(conn: sqlite3.Connection, where: str, params: list[int]
          ) -> list[tuple[str, str, str]]:
    return [(str(r[0]), str(r[1]), str(r[2])) for r in conn.execute(
        f"SELECT source_id, target_id, day FROM relation_clusters WHERE {where}", params)]


def refresh(conn: sqlite3.Connection, cluster_ids: Iterable[int]) -> None:
    """Recompute the aggregates of every (source, target, day) the clusters have or had."""
    ids = sorted(set(cluster_ids))
    if not ids or not _exists(conn):
        return
    keys: set[tuple[str, str, str]] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        where = f"cluster_id IN ({marks(chunk)})"
        keys.update(_keys(conn, where, chunk))
        conn.execute(f"DELETE FROM relation_clusters WHERE {where}", chunk)
        conn.execute(_PAIRS.format(where=f"WHERE c.id IN ({marks(chunk)})"), chunk)
        keys.update(_keys(conn, where, chunk))
    key_where = "rc.source_id = ? AND rc.target_id = ? AND rc.day = ?"
    for key in sorted(keys):
        for table in ("relation_days", "relation_articles"):
            conn.execute(f"DELETE FROM {table} WHERE source_id = ? AND target_id = ?"
                         " AND day = ?", key)
        week = _week(key[2])
        conn.execute(_DAYS.format(where="AND " + key_where, week="?"), [week, *key])
        conn.execute(_ARTICLES.format(where="WHERE " + key_where, week="?"), [week, *key])
    for pair in sorted({(s, t) for s, t, _ in keys}):
        conn.execute("DELETE FROM relation_totals WHERE source_id = ? AND target_id = ?", pair)
        conn.execute(_TOTALS.format(where="WHERE source_id = ? AND target_id = ?"), pair)
    relation_groups.refresh(conn, ids)
