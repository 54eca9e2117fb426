"""Relation aggregates per month and year between *relation keys*: what ``lagebild relations
A B --by month`` and the actor page ask for, precomputed so that they read one row per
period, PLOVER type and QuadClass.

A relation key stands for what ``relations.members`` expands an actor to: a state's key
covers the state, its government, bodies and sectors and its office holders (``USA``:
USA, USAGOV, Kerry, Obama); any other actor's key is the actor alone. An actor has its own
key and, when it acts for a state, the state's key (``group_of``). Every event cluster is
filed under each unordered pair of keys its (source, target) pairs give, with a flag for
the directions it has (1: first key → second, 2: second → first, 3: both), so that each
cluster counts once per pair of keys and direction, as the direct count does.

Tables (migration 5):
- ``relation_groups``: each actor's state key, as the knowledge base said when the actor's
  clusters were filed (a reader checks it against today's ``members``; a writer that finds
  it changed re-files the actor's clusters).
- ``relation_key_clusters``: (key x, key y, day, cluster, flag), x < y.
- ``relation_key_periods``: per kind (``month``, ``year``), pair, period, flag, type and
  QuadClass: events, mentions, Goldstein thousandths and count, the first (day, cluster).
- ``relation_key_counts``: per kind, pair, period and scope (1, 2: the clusters of one
  direction; 3: all) the distinct articles and sources and the first two clusters.

Rows are recomputed for every (kind, pair, period) a touched cluster has or had: re-runs
never count twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from lagebild.actors.kb import KB, load_kb
from lagebild.store.filters import marks

KINDS = {"month": 7, "year": 4}  # period label = day[:n]
TABLES = ("relation_groups", "relation_key_clusters", "relation_key_periods",
          "relation_key_counts")
_MEMBER_TYPES = {"government", "body", "sector"}


def group_of(actor_id: str, kb: KB | None = None) -> str | None:
    """The state ``actor_id`` acts for in relations (``relations.members``), if any."""
    kb = kb or load_kb()
    info = kb.get(actor_id)
    if info is None or not info.country or info.country == actor_id:
        return None
    state = kb.get(info.country)
    if state is None or state.type != "state":
        return None
    cameo = info.cameo or ""
    if info.type in _MEMBER_TYPES or (info.type == "person" and cameo.startswith(info.country)
                                      and cameo[3:6] in ("GOV", "MIL")):
        return info.country
    return None


def _cluster_pairs(conn: sqlite3.Connection, ids: list[int]
                   ) -> list[tuple[str, str, str, int, int]]:
    """(x, y, day, cluster, flag) rows of the clusters ``ids``."""
    days: dict[int, str] = {}
    sides: dict[int, tuple[list[str], list[str]]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for cid, day in conn.execute(f"SELECT id, COALESCE(day, '') FROM event_clusters"
                                     f" WHERE id IN ({marks(chunk)})", chunk):
            days[cid], sides[cid] = day, ([], [])
        for cid, role, actor in conn.execute(
                f"SELECT cluster_id, role, actor_id FROM cluster_actors"
                f" WHERE cluster_id IN ({marks(chunk)})", chunk):
            if cid in sides:
                sides[cid][0 if role == "source" else 1].append(actor)
    groups: dict[str, str | None] = {}
    kb = load_kb()
    rows = []
    for cid, (sources, targets) in sides.items():
        flags: dict[tuple[str, str], int] = {}
        for s in sources:
            for t in targets:
                for ks in _keys(s, groups, kb):
                    for kt in _keys(t, groups, kb):
                        if ks == kt:
                            continue
                        pair, bit = ((ks, kt), 1) if ks < kt else ((kt, ks), 2)
                        flags[pair] = flags.get(pair, 0) | bit
        rows += [(x, y, days[cid], cid, flag) for (x, y), flag in flags.items()]
    return rows


def _keys(actor: str, groups: dict[str, str | None], kb: KB) -> tuple[str, ...]:
    if actor not in groups:
        groups[actor] = group_of(actor, kb)
    group = groups[actor]
    return (actor,) if group is None else (actor, group)


# Goldstein in thousandths (``relation_agg.milli``)
_MILLI = "CAST(round(c.goldstein * 1000) AS INTEGER)"

# month rows from the clusters; ``{where}`` narrows ``relation_key_clusters k``
_MONTHS = f"""
    INSERT INTO relation_key_periods(kind, x, y, period, flag, plover, quad_class, events,
        mentions, goldstein_milli, goldstein_n, first_key)
    SELECT 'month', k.x, k.y, substr(k.day, 1, 7), k.flag, COALESCE(NULLIF(c.plover, ''), '?'),
           COALESCE(c.quad_class, 0), COUNT(*), SUM(c.mentions),
           COALESCE(SUM({_MILLI}), 0), COUNT(c.goldstein), MIN(k.day || printf('%012d', c.id))
    FROM relation_key_clusters k JOIN event_clusters c ON c.id = k.cluster_id
    WHERE k.day != '' {{where}}
    GROUP BY k.x, k.y, substr(k.day, 1, 7), k.flag, COALESCE(NULLIF(c.plover, ''), '?'),
             COALESCE(c.quad_class, 0)"""

# year rows: the sums of their months (integers: exact)
_YEARS = """
    INSERT INTO relation_key_periods(kind, x, y, period, flag, plover, quad_class, events,
        mentions, goldstein_milli, goldstein_n, first_key)
    SELECT 'year', x, y, substr(period, 1, 4), flag, plover, quad_class, SUM(events),
           SUM(mentions), SUM(goldstein_milli), SUM(goldstein_n), MIN(first_key)
    FROM relation_key_periods WHERE kind = 'month' {where}
    GROUP BY x, y, substr(period, 1, 4), flag, plover, quad_class"""

# distinct articles and sources of the clusters of one direction (1, 2) and of both
_DISTINCT = """
    SELECT {period}, COUNT(DISTINCT CASE WHEN k.flag & 1 THEN e.article_id END),
           COUNT(DISTINCT CASE WHEN k.flag & 1 THEN COALESCE(a.outlet, '') END),
           COUNT(DISTINCT CASE WHEN k.flag & 2 THEN e.article_id END),
           COUNT(DISTINCT CASE WHEN k.flag & 2 THEN COALESCE(a.outlet, '') END),
           COUNT(DISTINCT e.article_id), COUNT(DISTINCT COALESCE(a.outlet, ''))
    FROM relation_key_clusters k JOIN events e ON e.cluster_id = k.cluster_id
      JOIN articles a ON a.id = e.article_id
    WHERE k.day != '' {where} GROUP BY k.x, k.y, {period}"""


def _counts(conn: sqlite3.Connection, kind: str, x: str, y: str, label: str,
            firsts: dict[int, list[int]]) -> None:
    """The count rows of one period: distinct articles and sources per scope, and the
    scope's first two clusters ``firsts``."""
    row = conn.execute(
        _DISTINCT.format(period="k.x", where="AND k.x = ? AND k.y = ? AND k.day >= ?"
                                             " AND k.day < ?"),
        (x, y, label, label + "\uffff")).fetchone()
    if row is None:
        return
    _, a1, s1, a2, s2, a3, s3 = row
    conn.executemany(
        """INSERT INTO relation_key_counts(kind, x, y, period, scope, articles, sources,
             first_cluster, second_cluster) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [(kind, x, y, label, scope, articles, sources, found[0],
          found[1] if len(found) > 1 else None)
         for scope, articles, sources in ((1, a1, s1), (2, a2, s2), (3, a3, s3))
         if (found := firsts.get(scope))])


def _firsts(rows: Iterable[tuple[int, int]]) -> dict[int, list[int]]:
    """The first two clusters of each scope, from (cluster, flag) in order."""
    out: dict[int, list[int]] = {1: [], 2: [], 3: []}
    for cid, flag in rows:
        for scope in (1, 2, 3):
            if flag & scope and len(out[scope]) < 2:
                out[scope].append(cid)
    return out


def _month(conn: sqlite3.Connection, x: str, y: str, label: str) -> None:
    where = "AND k.x = ? AND k.y = ? AND k.day >= ? AND k.day < ?"
    params = (x, y, label, label + "\uffff")
    conn.execute(_MONTHS.format(where=where), params)
    firsts = _firsts(conn.execute(
        f"SELECT k.cluster_id, k.flag FROM relation_key_clusters k WHERE k.day != '' {where}"
        " ORDER BY k.day, k.cluster_id", params))
    _counts(conn, "month", x, y, label, firsts)


def _year(conn: sqlite3.Connection, x: str, y: str, label: str) -> None:
    where = "AND x = ? AND y = ? AND period >= ? AND period < ?"
    params = (x, y, label, label + "\uffff")
    conn.execute(_YEARS.format(where=where), params)
    rows: list[tuple[int, int]] = []
    for scope, first, second in conn.execute(
            f"SELECT scope, first_cluster, second_cluster FROM relation_key_counts"
            f" WHERE kind = 'month' {where} ORDER BY period", params):
        rows += [(c, scope) for c in (first, second) if c is not None]
    # (scope 3's examples are the first clusters of all: with the month's flags)
    firsts = _firsts([(c, f) for c, f in rows if f != 3])
    firsts[3] = [c for c, f in rows if f == 3][:2]
    _counts(conn, "year", x, y, label, firsts)


def _fill(conn: sqlite3.Connection) -> None:
    """Every period row from ``relation_key_clusters`` (a rebuild)."""
    conn.execute(_MONTHS.format(where=""))
    conn.execute(_YEARS.format(where=""))
    firsts: dict[tuple[str, str, str], dict[int, list[int]]] = {}
    for x, y, day, cid, flag in conn.execute(
            "SELECT x, y, day, cluster_id, flag FROM relation_key_clusters WHERE day != ''"
            " ORDER BY x, y, day, cluster_id"):
        for label in (day[:7], day[:4]):
            found = firsts.get((x, y, label))
            if found is None:
                found = firsts[(x, y, label)] = {1: [], 2: [], 3: []}
            for scope in (1, 2, 3):
                if flag & scope and len(found[scope]) < 2:
                    found[scope].append(cid)
    for n, kind in ((7, "month"), (4, "year")):
        rows = []
        for x, y, label, a1, s1, a2, s2, a3, s3 in conn.execute(_DISTINCT.format(
                period=f"substr(k.day, 1, {n})", where="").replace(
                "SELECT ", "SELECT k.x, k.y, ", 1)):
            found = firsts[(x, y, label)]
            rows += [(kind, x, y, label, scope, articles, sources, found[scope][0],
                      found[scope][1] if len(found[scope]) > 1 else None)
                     for scope, articles, sources in ((1, a1, s1), (2, a2, s2), (3, a3, s3))
                     if found[scope]]
        conn.executemany(
            """INSERT INTO relation_key_counts(kind, x, y, period, scope, articles, sources,
                 first_cluster, second_cluster) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows)


def rebuild(conn: sqlite3.Connection) -> None:
    """All key aggregates from the stored clusters."""
    for table in TABLES:
        conn.execute(f"DELETE FROM {table}")
    ids = [r[0] for r in conn.execute("SELECT id FROM event_clusters")]
    kb = load_kb()
    _store_groups(conn, {r[0]: group_of(r[0], kb) for r in conn.execute(
        "SELECT DISTINCT actor_id FROM cluster_actors")})
    _file(conn, ids)
    _fill(conn)


def _file(conn: sqlite3.Connection, ids: list[int]) -> list[tuple[str, str, str]]:
    """File the clusters under their key pairs; the (x, y, day) rows written."""
    rows = _cluster_pairs(conn, ids)
    conn.executemany("INSERT OR REPLACE INTO relation_key_clusters(x, y, day, cluster_id,"
                     " flag) VALUES (?, ?, ?, ?, ?)", rows)
    return [(x, y, day) for x, y, day, _, _ in rows]


def refresh(conn: sqlite3.Connection, cluster_ids: Iterable[int]) -> None:
    """Recompute every (kind, pair, period) the clusters have or had."""
    ids = sorted(set(cluster_ids))
    if not ids:
        return
    ids = _with_regrouped(conn, ids)
    keys: set[tuple[str, str, str]] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        where = f"cluster_id IN ({marks(chunk)})"
        keys.update((str(r[0]), str(r[1]), str(r[2])) for r in conn.execute(
            f"SELECT x, y, day FROM relation_key_clusters WHERE {where}", chunk))
        conn.execute(f"DELETE FROM relation_key_clusters WHERE {where}", chunk)
        keys.update(_file(conn, chunk))
    months = sorted({(x, y, day[:7]) for x, y, day in keys if day})
    years = sorted({(x, y, day[:4]) for x, y, day in keys if day})
    for kind, labels in (("month", months), ("year", years)):
        for x, y, label in labels:
            for table in ("relation_key_periods", "relation_key_counts"):
                conn.execute(f"DELETE FROM {table} WHERE kind = ? AND x = ? AND y = ?"
                             " AND period = ?", (kind, x, y, label))
            (_month if kind == "month" else _year)(conn, x, y, label)


def _with_regrouped(conn: sqlite3.Connection, ids: list[int]) -> list[int]:
    """``ids`` and, for an actor of theirs whose state (``group_of``) is not the one its
    clusters were filed under (the knowledge base changed), all of that actor's clusters;
    ``relation_groups`` updated for these actors."""
    current: dict[str, str | None] = {}
    changed: list[str] = []
    kb = load_kb()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for actor, stored in conn.execute(
                f"""SELECT DISTINCT ca.actor_id, g.group_id FROM cluster_actors ca
                    LEFT JOIN relation_groups g ON g.actor_id = ca.actor_id
                    WHERE ca.cluster_id IN ({marks(chunk)})""", chunk):
            current[actor] = group_of(actor, kb)
            if current[actor] != stored:
                changed.append(actor)
    _store_groups(conn, current)
    if not changed:
        return ids
    more = {r[0] for r in conn.execute(
        f"SELECT cluster_id FROM cluster_actors WHERE actor_id IN ({marks(changed)})",
        changed)}
    return sorted(set(ids) | more)


def _store_groups(conn: sqlite3.Connection, groups: dict[str, str | None]) -> None:
    conn.executemany("DELETE FROM relation_groups WHERE actor_id = ?",
                     [(a,) for a, g in groups.items() if g is None])
    conn.executemany("INSERT OR REPLACE INTO relation_groups(actor_id, group_id) VALUES (?, ?)",
                     [(a, g) for a, g in groups.items() if g is not None])


def stored_members(conn: sqlite3.Connection, key: str) -> set[str]:
    """The actors filed under a state's key (``key`` itself included)."""
    return {key} | {r[0] for r in conn.execute(
        "SELECT actor_id FROM relation_groups WHERE group_id = ?", (key,))}
