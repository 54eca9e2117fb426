"""Articles: listing with search and filters, facets for filter widgets, one article."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from lagebild.store.actor_index import actor_index, mention_key_func
from lagebild.store.db import fts_query
from lagebild.store.filters import Where, page

ARTICLE_SORTS = {
    "published": "a.published ASC, a.id ASC",
    "-published": "a.published DESC, a.id ASC",
    "title": "a.title COLLATE NOCASE ASC, a.id ASC",
    "-title": "a.title COLLATE NOCASE DESC, a.id ASC",
    "outlet": "a.outlet COLLATE NOCASE ASC, a.published DESC, a.id ASC",
    "-outlet": "a.outlet COLLATE NOCASE DESC, a.published DESC, a.id ASC",
    "chars": "a.chars ASC, a.id ASC",
    "-chars": "a.chars DESC, a.id ASC",
    "relevance": "score ASC, a.published DESC, a.id ASC",
}


def list_articles(
    conn: sqlite3.Connection,
    *,
    q: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    outlet: str | None = None,
    section: str | None = None,
    sort: str = "-published",
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    where = Where()
    join = ""
    score = "0.0 AS score, NULL AS snippet"
    match = fts_query(q) if q else ""
    if q and not match:
        return page([], 0, limit, offset)
    if match:
        join = "JOIN articles_fts f ON f.article_id = a.id"
        where.add("articles_fts MATCH ?", match)
        score = ("bm25(articles_fts) AS score,"
                 " snippet(articles_fts, 2, '[', ']', '…', 16) AS snippet")
    elif sort == "relevance":
        sort = "-published"
    where.dates("a.published", date_from, date_to)
    if outlet:
        where.add("a.outlet = ?", outlet)
    if section:
        where.add("a.section = ?", section)
    total = conn.execute(f"SELECT COUNT(*) FROM articles a {join} {where.sql}",
                         where.params).fetchone()[0]
    order = ARTICLE_SORTS.get(sort, ARTICLE_SORTS["-published"])
    rows = conn.execute(
        f"""SELECT a.id, a.title, a.published, a.outlet, a.section, a.url, a.chars,
                   a.near_duplicate_of, {score}
            FROM articles a {join} {where.sql} ORDER BY {order} LIMIT ? OFFSET ?""",
        [*where.params, limit, offset],
    ).fetchall()
    items = [
        {
            "id": r["id"],
            "title": r["title"],
            "published": r["published"],
            "outlet": r["outlet"],
            "section": r["section"],
            "url": r["url"],
            "chars": r["chars"],
            "near_duplicate_of": r["near_duplicate_of"],
            "snippet": r["snippet"],
            "score": float(r["score"]) if match else None,
        }
        for r in rows
    ]
    return page(items, total, limit, offset)


def facets(conn: sqlite3.Connection) -> dict[str, Any]:
    """Outlets and sections with counts, and the date range (for filter widgets)."""
    outlets = conn.execute(
        "SELECT outlet, COUNT(*) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet"
        " ORDER BY COUNT(*) DESC, outlet LIMIT 200"
    ).fetchall()
    sections = conn.execute(
        "SELECT section, COUNT(*) FROM articles WHERE section IS NOT NULL GROUP BY section"
        " ORDER BY COUNT(*) DESC, section LIMIT 200"
    ).fetchall()
    first, last = conn.execute("SELECT MIN(published), MAX(published) FROM articles").fetchone()
    return {
        "outlets": [{"value": r[0], "count": r[1]} for r in outlets],
        "sections": [{"value": r[0], "count": r[1]} for r in sections],
        "first_published": first,
        "last_published": last,
    }


def resolve_article_id(conn: sqlite3.Connection, article_id: str) -> str | None:
    """A full article id, or a unique prefix of at least 6 characters → the full id."""
    row = conn.execute("SELECT id FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is not None:
        return str(row[0])
    if len(article_id) >= 6 and "%" not in article_id and "_" not in article_id:
        rows = conn.execute(
            "SELECT id FROM articles WHERE id LIKE ? LIMIT 2", (article_id + "%",)
        ).fetchall()
        if len(rows) == 1:
            return str(rows[0][0])
    return None


def get_article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """The full stored article with every annotation layer, plus store metadata.

    Each entity gets ``actor_id`` (its actor key); token lists are dropped from sentences
    (offsets are kept) to keep responses small.
    """
    full_id = resolve_article_id(conn, article_id)
    if full_id is None:
        return None
    row = conn.execute(
        """SELECT doc, origin, near_duplicate_of, similarity, ingested_at,
             (SELECT COUNT(*) FROM duplicates d WHERE d.article_id = a.id) AS copies
           FROM articles a WHERE id = ?""",
        (full_id,),
    ).fetchone()
    doc: dict[str, Any] = json.loads(row["doc"])
    key = mention_key_func(actor_index(conn))
    for ent in doc.get("entities", []):
        ent["actor_id"] = key(ent.get("actor"), ent.get("label", ""), ent.get("text", ""))
    doc["sentences"] = [
        {"start": s.get("start", 0), "end": s.get("end", 0)} for s in doc.get("sentences", [])
    ]
    doc["store"] = {
        "origin": row["origin"],
        "near_duplicate_of": row["near_duplicate_of"],
        "similarity": row["similarity"],
        "ingested_at": row["ingested_at"],
        "copies": row["copies"],
    }
    return doc
