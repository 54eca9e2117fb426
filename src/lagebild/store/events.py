"""Events (who did what to whom): listing with filters, and events per month.

Actor filters go through ``event_actors``, which holds every source and target actor of an
event: in "Die USA und Russland verhandeln" both states are sources, and the event is found
by either.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from lagebild.store.filters import Where, page
from lagebild.store.relation_query import has_aggregates

EVENT_SORTS = {
    "date": "COALESCE(e.date, a.published) ASC",
    "-date": "COALESCE(e.date, a.published) DESC",
    "code": "e.code ASC",
    "-code": "e.code DESC",
}
EVENT_DATE = "COALESCE(e.date, a.published)"


def event_row(r: sqlite3.Row) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(r["data"]) if r["data"] else {}
    return {
        "article_id": r["article_id"],
        "idx": r["idx"],
        "code": r["code"],
        "plover": r["plover"],
        "quad_class": r["quad_class"],
        "source_actor_id": r["source_actor_id"],
        "target_actor_id": r["target_actor_id"],
        "source": _side_names(data.get("source")),
        "target": _side_names(data.get("target")),
        "modality": r["modality"],
        "confidence": data.get("confidence"),
        "date": r["date"],
        "start": r["start"],
        "end": r["end"],
        "text": r["evidence"],
        "trigger": (data.get("trigger") or {}).get("text"),
        "published": r["published"],
        "article_title": r["title"],
        "url": r["url"],
        "data": data,
    }


def _side_names(refs: Any) -> str | None:
    """An event side's actor names: "USA und Russland" for a compound actor."""
    names = [str(r.get("name")) for r in refs or [] if isinstance(r, dict) and r.get("name")]
    return " und ".join(names) or None


def side_ids(event: dict[str, Any], role: str) -> list[str]:
    """The actor ids of one side (``source``/``target``) of a listed event."""
    refs = (event.get("data") or {}).get(role) or []
    return [str(r["id"]) for r in refs if isinstance(r, dict) and r.get("id")]


def has_actor(role: str | None = None) -> str:
    """SQL condition: the event ``e`` has the actor ``?`` (in ``role``, or in either).

    An uncorrelated ``IN``: SQLite lists the actor's events once from ``event_actors_actor``
    (a correlated ``EXISTS`` re-scanned them for every event: 1.2 s for a frequent actor).
    """
    in_role = " AND ea.role = ?" if role else ""
    return ("(e.article_id, e.idx) IN (SELECT ea.article_id, ea.idx FROM event_actors ea"
            f" WHERE ea.actor_id = ?{in_role})")


# the events between two actors, in either direction, from the actors' index entries: the
# events a query starts from (an OR of four conditions on every event took 0.4 s)
_PAIR = ("SELECT s.article_id, s.idx FROM event_actors s JOIN event_actors t"
         " ON t.article_id = s.article_id AND t.idx = s.idx AND t.role = 'target'"
         " AND t.actor_id = ? WHERE s.role = 'source' AND s.actor_id = ?")
_BETWEEN = (f"({_PAIR} UNION {_PAIR}) pair CROSS JOIN events e"
            " ON e.article_id = pair.article_id AND e.idx = pair.idx")


def _actor_where(where: Where, actor: str | None, other: str | None, source: str | None,
                 target: str | None) -> None:
    if actor and not other:
        where.add(has_actor(), actor)
    if source:
        where.add(has_actor("source"), source, "source")
    if target:
        where.add(has_actor("target"), target, "target")


def list_events(
    conn: sqlite3.Connection,
    *,
    code: str | None = None,
    plover: str | None = None,
    quad_class: int | None = None,
    actor: str | None = None,
    other: str | None = None,
    source: str | None = None,
    target: str | None = None,
    modality: str | None = None,
    min_confidence: float | None = None,
    article_id: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    article_ids: Sequence[str] | None = None,
    with_total: bool = True,
    sort: str = "-date",
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """A page of events. ``actor``/``source``/``target``/``other`` are actor ids (``actor``:
    either side; with ``other``: the counted events between the two, those in a cluster,
    as the relation counts them); ``code`` a CAMEO prefix."""
    where = Where()
    if article_ids is not None:
        where.any_of("e.article_id", list(article_ids))
    if code:
        # CAMEO codes are hierarchical: '04' matches '04', '042', '0421'
        where.add("e.code LIKE ?", code.replace("%", "").replace("_", "") + "%")
    if plover:
        where.add("UPPER(e.plover) = UPPER(?)", plover)
    if quad_class is not None:
        where.add("e.quad_class = ?", quad_class)
    _actor_where(where, actor, other, source, target)
    if modality:
        where.add("e.modality = ? COLLATE NOCASE", modality)
    if min_confidence is not None:  # the events stage's probability that the event is right
        where.add("json_extract(e.data, '$.confidence') >= ?", min_confidence)
    if article_id:
        where.add("e.article_id = ?", article_id)
    where.dates(EVENT_DATE, date_from, date_to)
    events, params = "events e", list(where.params)
    if actor and other and has_aggregates(conn):
        # the clusters filed under the pair (every counted event is a mention of a cluster
        # with the same actors): a few thousand index entries where the actors' own are many
        # more
        where.add("e.cluster_id IN (SELECT cluster_id FROM relation_clusters"
                  " WHERE source_id = ? AND target_id = ? UNION ALL SELECT cluster_id"
                  " FROM relation_clusters WHERE source_id = ? AND target_id = ?)",
                  actor, other, other, actor)
        params = list(where.params)
    elif actor and other:
        where.add("e.cluster_id IS NOT NULL")
        events, params = _BETWEEN, [other, actor, actor, other, *where.params]
    base = f"FROM {events} JOIN articles a ON a.id = e.article_id {where.sql}"
    order = f"{EVENT_SORTS.get(sort, EVENT_SORTS['-date'])}, e.article_id, e.idx"
    page_from, page_order = base, order
    if "a." not in where.sql:
        # the page without the articles: their date only where an event has none (every
        # event has its article, so no row is lost)
        page_from = f"FROM {events} {where.sql}"
        page_order = order.replace(
            "a.published", "(SELECT published FROM articles WHERE id = e.article_id)")
    # the page's keys first, then its columns: SQLite would otherwise read every matching
    # article's text (the evidence) before sorting, 0.15 s for a frequent pair
    rows = conn.execute(
        f"""SELECT e.article_id, e.idx, e.code, e.plover, e.quad_class, e.source_actor_id,
                   e.target_actor_id, e.modality, e.date, e.start, e.end, e.data,
                   substr(json_extract(a.doc, '$.text'), e.start + 1, e.end - e.start)
                     AS evidence,
                   a.published, a.title, a.url
            FROM (SELECT e.article_id AS article_id, e.idx AS idx {page_from}
                  ORDER BY {page_order} LIMIT ? OFFSET ?) page
              JOIN events e ON e.article_id = page.article_id AND e.idx = page.idx
              JOIN articles a ON a.id = e.article_id
            ORDER BY {order}""",
        [*params, limit, offset],
    ).fetchall()
    items = [event_row(r) for r in rows]
    total = (conn.execute(f"SELECT COUNT(*) {base}", params).fetchone()[0]
             if with_total else len(items))
    return page(items, total, limit, offset)


def event_timeline(
    conn: sqlite3.Connection,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    actor: str | None = None,
) -> list[dict[str, Any]]:
    """Events per month and QuadClass: the reports of the events the store counts (those in
    a cluster, ``store.clusters``: at least ``COUNT_MIN_CONFIDENCE`` likely to be right)."""
    where = Where()
    where.add("e.cluster_id IS NOT NULL")
    if actor:
        where.add(has_actor(), actor)
    where.dates(EVENT_DATE, date_from, date_to)
    rows = conn.execute(
        f"""SELECT substr({EVENT_DATE}, 1, 7) AS month, e.quad_class,
                   COUNT(*) FROM events e JOIN articles a ON a.id = e.article_id {where.sql}
            GROUP BY month, e.quad_class ORDER BY month""",
        where.params,
    ).fetchall()
    months: dict[str, dict[str, int]] = {}
    for month, quad, count in rows:
        entry = months.setdefault(month or "unknown",
                                  {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "total": 0})
        if quad in (1, 2, 3, 4):
            entry[f"q{quad}"] += count
        entry["total"] += count
    return [{"month": m, **v} for m, v in months.items()]
