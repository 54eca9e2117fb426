"""Event clusters: one real-world event, however many reports of it were stored.

Ten agency copies of one story must not count as ten events (GDELT's failure: 366
"kidnapping" records for one abduction). Each stored event row (a *mention*) joins an
``event_clusters`` row; aggregates (relations, exports) count clusters and show ``mentions``,
``articles`` and ``sources`` as GDELT does.

Two mentions are the same event when they have the same PLOVER type and the same linked
source and target actor sets, and either
- their articles are near-duplicate copies (``articles.near_duplicate_of``), whatever the
  dates, or
- their event days lie within ``WINDOW_DAYS`` of each other.
Mentions without any linked actor only join clusters of near-duplicate copies: "a meeting"
with nobody known is no evidence of being the same meeting.

An event joins a cluster only when the events stage rates it at least
:data:`COUNT_MIN_CONFIDENCE` likely to be right (``Event.confidence``; an event without one
counts). Below it, nine of ten events on general news are wrong (the judged samples,
docs/lab/events.md, thirty-seventh pass). Such events stay stored and listed (``lagebild
events``, the article page, the ``events`` export) with their probability, as evidence a
reader can weigh; what counts events (relations, briefs, the actor network, the GDELT export,
a pair's events) counts only the clustered ones.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from typing import Any

from lagebild.store import relation_agg
from lagebild.store.filters import Where, page

WINDOW_DAYS = 2
#: the least ``Event.confidence`` of an event that is counted (joins a cluster; module doc):
#: more likely right than wrong
COUNT_MIN_CONFIDENCE = 0.5
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


def event_day(value: str | None, published: str | None) -> str | None:
    """The day (YYYY-MM-DD) an event is counted on: its own date when it names a day; the
    publication day when the event's month or year contains it (or it has no date)."""
    pub = published[:10] if published and _DAY.match(published) else None
    if value and _DAY.match(value):
        return value[:10]
    if value and _MONTH.match(value):
        return pub if pub and pub.startswith(value) else value + "-01"
    if value and re.match(r"^\d{4}$", value):
        return pub if pub and pub.startswith(value) else value + "-01-01"
    return pub


def _key(conn: sqlite3.Connection, article_id: str, idx: int) -> tuple[str, list[tuple[str, str]]]:
    rows = conn.execute(
        "SELECT role, actor_id FROM event_actors WHERE article_id = ? AND idx = ?"
        " ORDER BY role, actor_id", (article_id, idx)).fetchall()
    pairs = [(str(r[0]), str(r[1])) for r in rows]
    sources = ",".join(a for role, a in pairs if role == "source")
    targets = ",".join(a for role, a in pairs if role == "target")
    return (f"{sources}>{targets}" if pairs else ""), pairs


def assign_article(conn: sqlite3.Connection, article_id: str, aggregate: bool = True
                   ) -> set[int]:
    """Put every unclustered event of one article that is counted (at least
    :data:`COUNT_MIN_CONFIDENCE`) into a cluster; the touched cluster ids.
    ``aggregate``: bring the relation aggregates of the touched clusters up to date (off
    while ``cluster_all`` rebuilds them once at the end)."""
    art = conn.execute("SELECT published, near_duplicate_of FROM articles WHERE id = ?",
                       (article_id,)).fetchone()
    if art is None:
        return set()
    published, original = art[0], art[1]
    events = conn.execute(
        "SELECT idx, plover, code, quad_class, date, json_extract(data, '$.goldstein')"
        " FROM events WHERE article_id = ? AND cluster_id IS NULL"
        " AND COALESCE(json_extract(data, '$.confidence'), 1) >= ? ORDER BY idx",
        (article_id, COUNT_MIN_CONFIDENCE)).fetchall()
    touched: set[int] = set()
    for idx, plover, code, quad, date, goldstein in events:
        key, pairs = _key(conn, article_id, idx)
        day = event_day(date, published)
        cluster = _copy_cluster(conn, article_id, original, plover, key)
        if cluster is None and key and day:
            row = conn.execute(
                """SELECT id FROM event_clusters
                   WHERE plover IS ? AND actors_key = ? AND day BETWEEN date(?, ?) AND date(?, ?)
                   ORDER BY abs(julianday(day) - julianday(?)), id LIMIT 1""",
                (plover, key, day, f"-{WINDOW_DAYS} days", day, f"+{WINDOW_DAYS} days", day),
            ).fetchone()
            cluster = int(row[0]) if row else None
        if cluster is None:
            cur = conn.execute(
                """INSERT INTO event_clusters(plover, code, quad_class, goldstein, actors_key,
                     day, root_article_id, root_idx) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                (plover, code, quad, goldstein, key, day, article_id, idx))
            cluster = int(cur.lastrowid or 0)
            conn.executemany(
                "INSERT OR IGNORE INTO cluster_actors(actor_id, role, cluster_id) VALUES (?, ?, ?)",
                [(actor, role, cluster) for role, actor in pairs])
        conn.execute("UPDATE events SET cluster_id = ? WHERE article_id = ? AND idx = ?",
                     (cluster, article_id, idx))
        touched.add(cluster)
    recount(conn, touched)
    if aggregate:
        relation_agg.refresh(conn, touched)
    return touched


def _copy_cluster(conn: sqlite3.Connection, article_id: str, original: str | None,
                  plover: str | None, key: str) -> int | None:
    """The cluster of the same event in a near-duplicate copy of this article, if any."""
    if original is None:
        # this article may be the original of copies stored before it (a re-clustering)
        original = article_id
    row = conn.execute(
        """SELECT c.id FROM events e JOIN articles a ON a.id = e.article_id
             JOIN event_clusters c ON c.id = e.cluster_id
           WHERE (a.id = ? OR a.near_duplicate_of = ?) AND a.id != ?
             AND c.plover IS ? AND c.actors_key = ? ORDER BY c.id LIMIT 1""",
        (original, original, article_id, plover, key)).fetchone()
    return int(row[0]) if row else None


def recount(conn: sqlite3.Connection, cluster_ids: Iterable[int]) -> None:
    """Mentions, articles, sources and the first day of each cluster, from its mentions."""
    for cid in cluster_ids:
        conn.execute(
            """UPDATE event_clusters SET
                 mentions = (SELECT COUNT(*) FROM events WHERE cluster_id = :c),
                 articles = (SELECT COUNT(DISTINCT article_id) FROM events WHERE cluster_id = :c),
                 sources = (SELECT COUNT(DISTINCT COALESCE(a.outlet, '')) FROM events e
                            JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = :c)
               WHERE id = :c""", {"c": cid})


def prune(conn: sqlite3.Connection) -> None:
    """Drop clusters that lost all their mentions (their articles were re-indexed)."""
    gone = [r[0] for r in conn.execute(
        "SELECT id FROM event_clusters WHERE id NOT IN"
        " (SELECT cluster_id FROM events WHERE cluster_id IS NOT NULL)")]
    for start in range(0, len(gone), 500):
        chunk = gone[start:start + 500]
        conn.execute(f"DELETE FROM event_clusters WHERE id IN ({','.join('?' * len(chunk))})",
                     chunk)
    relation_agg.refresh(conn, gone)


def cluster_all(conn: sqlite3.Connection) -> None:
    """Re-cluster every stored event, articles in publication order (migration 4)."""
    conn.execute("UPDATE events SET cluster_id = NULL")
    conn.execute("DELETE FROM cluster_actors")
    conn.execute("DELETE FROM event_clusters")
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM articles ORDER BY near_duplicate_of IS NOT NULL, published, ingested_at,"
        " id")]
    for article_id in ids:
        assign_article(conn, article_id, aggregate=False)
    relation_agg.rebuild(conn)


# -- reading --------------------------------------------------------------------------------

def _cluster_row(r: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": r["id"], "plover": r["plover"], "code": r["code"], "quad_class": r["quad_class"],
        "goldstein": r["goldstein"], "day": r["day"], "mentions": r["mentions"],
        "articles": r["articles"], "sources": r["sources"],
        "root": {"article_id": r["root_article_id"], "idx": r["root_idx"]},
        "source_ids": [a for a in (r["source_ids"] or "").split(",") if a],
        "target_ids": [a for a in (r["target_ids"] or "").split(",") if a],
    }


_SELECT = """SELECT c.*,
    (SELECT group_concat(actor_id) FROM cluster_actors x
     WHERE x.cluster_id = c.id AND x.role = 'source') AS source_ids,
    (SELECT group_concat(actor_id) FROM cluster_actors x
     WHERE x.cluster_id = c.id AND x.role = 'target') AS target_ids
  FROM event_clusters c"""


def list_clusters(conn: sqlite3.Connection, *, actor: str | None = None,
                  plover: str | None = None, date_from: str | None = None,
                  date_to: str | None = None, min_mentions: int = 1, limit: int = 50,
                  offset: int = 0) -> dict[str, Any]:
    """A page of event clusters, most reported first."""
    where = Where()
    if actor:
        where.add("c.id IN (SELECT cluster_id FROM cluster_actors WHERE actor_id = ?)", actor)
    if plover:
        where.add("UPPER(c.plover) = UPPER(?)", plover)
    if min_mentions > 1:
        where.add("c.mentions >= ?", min_mentions)
    where.dates("c.day", date_from, date_to)
    rows = conn.execute(f"{_SELECT} {where.sql} ORDER BY c.mentions DESC, c.day DESC, c.id"
                        " LIMIT ? OFFSET ?", [*where.params, limit, offset]).fetchall()
    total = conn.execute(f"SELECT COUNT(*) FROM event_clusters c {where.sql}",
                         where.params).fetchone()[0]
    return page([_cluster_row(r) for r in rows], total, limit, offset)


def get_cluster(conn: sqlite3.Connection, cluster_id: int) -> dict[str, Any] | None:
    """One cluster with all its mentions (article, evidence sentence, outlet)."""
    row = conn.execute(f"{_SELECT} WHERE c.id = ?", (cluster_id,)).fetchone()
    if row is None:
        return None
    out = _cluster_row(row)
    mentions = conn.execute(
        """SELECT e.article_id, e.idx, e.date, a.published, a.title, a.outlet, a.url,
                  a.near_duplicate_of,
                  substr(json_extract(a.doc, '$.text'), e.start + 1, e.end - e.start) AS text
           FROM events e JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = ?
           ORDER BY a.published, e.article_id, e.idx""", (cluster_id,)).fetchall()
    out["items"] = [dict(m) for m in mentions]
    return out
