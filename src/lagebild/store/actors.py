"""Actors: the listing, an actor's profile (statements by and about them, events, related
actors, roles over time) and the relation timeline of two actors."""

from __future__ import annotations

import heapq
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from lagebild.actors.ids import slug
from lagebild.store.actor_index import (
    RECENT_ARTICLES,
    ActorIndex,
    ActorSummary,
    actor_index,
    mention_filter,
    mention_key_func,
)
from lagebild.store.events import list_events, side_ids
from lagebild.store.filters import marks, slice_page
from lagebild.store.relations import members, relation_series
from lagebild.store.statements import list_statements

ACTOR_SORTS = ("mentions", "-mentions", "name", "-name", "articles", "-articles",
               "last_seen", "-last_seen")


def list_actors(
    conn: sqlite3.Connection,
    *,
    q: str | None = None,
    label: str | None = None,
    sort: str = "-mentions",
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    index = actor_index(conn)
    items: Iterable[ActorSummary] = index.ranked
    if label:
        wanted = label.upper()
        items = [a for a in items if a.label.upper() == wanted]
    if q:
        needle = slug(q) or "x"
        items = [
            a for a in items
            if needle in a.id or any(needle in slug(alias) for alias in a.aliases)
        ]
    items = list(items)
    reverse = sort.startswith("-")
    field_name = sort.lstrip("-")
    if field_name == "name":
        items.sort(key=lambda a: a.name.lower(), reverse=reverse)
    elif field_name == "articles":
        items.sort(key=lambda a: (len(a.article_ids), a.mentions), reverse=reverse)
    elif field_name == "last_seen":
        items.sort(key=lambda a: a.last_seen or "", reverse=reverse)
    elif not reverse:
        items.sort(key=lambda a: a.mentions)
    return slice_page(items, limit, offset)


def _month(date: str | None) -> str | None:
    return date[:7] if date and len(date) >= 7 else None


def get_actor(
    conn: sqlite3.Connection, actor_id: str, with_actor: str | None = None, limit: int = 100
) -> dict[str, Any] | None:
    """An actor: aliases, counts, mentions by month, roles over time, statements by and
    about them, events (as source and as target, compound sides included) and co-mentioned
    actors and, with ``with_actor``, the relation timeline with that other actor."""
    index = actor_index(conn)
    summary = index.actors.get(actor_id)
    if summary is None:
        return None
    months = summary.months
    # Lists come from the actor's most recent articles: bounded work for frequent actors.
    if summary.recent is None:
        summary.recent = heapq.nlargest(RECENT_ARTICLES, summary.article_ids,
                                        key=lambda a: (index.published.get(a, ""), a))
    recent = summary.recent
    if summary.related is None:
        summary.related = _co_mentioned(conn, index, actor_id, set(recent[:200]), 20)
    aliases = [{"text": t, "count": c} for t, c in summary.aliases.most_common()]

    said = list_statements(conn, speaker=actor_id, limit=limit)["items"]
    about = list_statements(conn, about=actor_id, article_ids=recent, with_total=False,
                            limit=limit)["items"]
    events = list_events(conn, actor=actor_id, article_ids=recent, with_total=False,
                         limit=limit)["items"]

    roles: dict[str, Counter[str]] = {
        "mentions": months,
        "statements": Counter(),
        "source": Counter(),
        "target": Counter(),
    }
    for st in said:
        month = _month(st.get("published"))
        if month:
            roles["statements"][month] += 1
    for ev in events:
        month = _month(ev.get("date") or ev.get("published"))
        if month:
            role = "source" if actor_id in side_ids(ev, "source") else "target"
            roles[role][month] += 1
    all_months = sorted(set().union(*(c.keys() for c in roles.values())))
    result: dict[str, Any] = {
        **summary.as_dict(),
        "aliases": aliases,
        "articles": len(summary.article_ids),
        "mentions_by_month": [{"month": m, "count": months[m]} for m in sorted(months)],
        "roles_by_month": [
            {"month": m, **{role: counter[m] for role, counter in roles.items()}}
            for m in all_months
        ],
        "statements_by": said,
        "statements_about": about,
        "events": events,
        "related": summary.related,
        "relation": None,
    }
    if with_actor:
        result["relation"] = relation_timeline(conn, actor_id, with_actor)
    return result


def _co_mentioned(
    conn: sqlite3.Connection, index: ActorIndex, actor_id: str, article_ids: set[str], top: int
) -> list[dict[str, Any]]:
    if not article_ids:
        return []
    key = mention_key_func(index)
    counts: Counter[str] = Counter()
    ids = sorted(article_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        seen: dict[str, set[str]] = defaultdict(set)
        for row in conn.execute(
            "SELECT article_id, actor_id, label, text FROM mentions"
            f" WHERE article_id IN ({marks(chunk)})",
            chunk,
        ):
            seen[row[0]].add(key(row[1], row[2], row[3]))
        for keys in seen.values():
            for other in keys:
                if other != actor_id:
                    counts[other] += 1
    return [{**index.brief(other), "articles": n} for other, n in counts.most_common(top)]


def relation_timeline(conn: sqlite3.Connection, actor_a: str, actor_b: str) -> dict[str, Any]:
    """Month by month: articles mentioning both actors, and events between them by
    QuadClass (1 verbal cooperation … 4 material conflict)."""
    index = actor_index(conn)
    cond_a, params_a = mention_filter(index, actor_a, "m")
    cond_b, params_b = mention_filter(index, actor_b, "n")
    months: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"co_mentions": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "events": 0,
                 "mentions": 0, "goldstein_mean": None}
    )
    for row in conn.execute(
        f"""SELECT a.published FROM articles a
            WHERE a.id IN (SELECT m.article_id FROM mentions m WHERE {cond_a})
              AND a.id IN (SELECT n.article_id FROM mentions n WHERE {cond_b})""",
        [*params_a, *params_b],
    ):
        month = _month(row[0]) or "unknown"
        months[month]["co_mentions"] += 1
    # events counted per cluster (one event, however many reports), states with their
    # government and office holders, as ``lagebild relations`` counts them
    for period in relation_series(conn, members(conn, actor_a), members(conn, actor_b),
                                  by="month", examples=0):
        entry = months[period["period"]]
        for key in ("events", "q1", "q2", "q3", "q4", "mentions"):
            entry[key] = period[key]
        entry["goldstein_mean"] = period["goldstein_mean"]
    events = list_events(conn, actor=actor_a, other=actor_b, with_total=False,
                         limit=100)["items"]
    return {
        "actor": actor_a,
        "other": actor_b,
        "other_name": index.name_of(actor_b),
        "timeline": [{"month": m, **months[m]} for m in sorted(months)],
        "events": events,
    }
