"""Read queries over the store, shared by the REST API and exports.

Everything here reads; nothing writes. Functions take an open ``sqlite3.Connection``
(rows as ``sqlite3.Row``) and return plain dicts/lists, ready for pydantic models.

Actors: until the actor knowledge base exists, an actor is the group of entity mentions
with the same ``(label, text)`` (compared case- and accent-insensitively), identified by
a stable slug such as ``per:john-kerry``. When a mention carries ``mentions.actor_id``,
that id wins and the mention belongs to that actor instead.
"""

from __future__ import annotations

import csv
import heapq
import io
import json
import os
import re
import sqlite3
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from lagebild.store.db import fts_query

# --------------------------------------------------------------------------------------
# actor ids
# --------------------------------------------------------------------------------------
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_FOLD = str.maketrans({"ß": "ss", "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def slugify(text: str) -> str:
    """``Außenminister Müller`` → ``aussenminister-mueller`` (ASCII, stable)."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    return _NON_SLUG.sub("-", ascii_text).strip("-") or "x"


def actor_key(label: str, text: str, actor_id: str | None = None) -> str:
    """The actor id of one mention: its ``actor_id`` if linked, else ``label:slug``."""
    if actor_id:
        return actor_id
    return f"{slugify(label)}:{slugify(text)}"


# --------------------------------------------------------------------------------------
# the actor index (cached per store file state)
# --------------------------------------------------------------------------------------
KB_TYPE_LABELS = {"person": "PER", "state": "LOC"}


@dataclass
class ActorSummary:
    id: str
    label: str
    aliases: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    article_ids: set[str] = field(default_factory=set)
    first_seen: str | None = None
    last_seen: str | None = None
    linked: bool = False  # True: from mentions.actor_id (the actor KB), not a text group
    months: Counter[str] = field(default_factory=Counter)  # mentions per YYYY-MM
    # computed on first request, valid as long as the index (the store state) is
    recent: list[str] | None = None
    related: list[dict[str, Any]] | None = None
    kb_name: str | None = None  # the canonical name from the actor KB, for linked actors
    kb_type: str | None = None  # person, state, government, igo, party, group …

    @property
    def name(self) -> str:
        if self.kb_name:
            return self.kb_name
        return self.aliases.most_common(1)[0][0] if self.aliases else self.id

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "label": self.label,
            "aliases": [a for a, _ in self.aliases.most_common()],
            "mentions": self.mentions,
            "articles": len(self.article_ids),
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "linked": self.linked,
            "type": self.kb_type,
        }


@dataclass
class ActorIndex:
    actors: dict[str, ActorSummary]
    # (label, text) of unlinked mentions → actor id; and actor id → its (label, text) variants
    variant_key: dict[tuple[str, str], str]
    variants: dict[str, list[tuple[str, str]]]
    ranked: list[ActorSummary]  # by mentions, descending
    published: dict[str, str]  # article id → publication date


RECENT_ARTICLES = 500
_INDEX_LOCK = threading.Lock()
_INDEX_CACHE: dict[str, tuple[tuple[int, ...], ActorIndex]] = {}


def _db_file(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return str(row[2]) if row else ""


def _state(path: str) -> tuple[int, ...]:
    """Cheap fingerprint of the store file (and its WAL): changes whenever data changes."""
    parts: list[int] = []
    for name in (path, path + "-wal"):
        try:
            st = os.stat(name)
            parts += [st.st_mtime_ns, st.st_size]
        except OSError:
            parts += [0, 0]
    return tuple(parts)


def actor_index(conn: sqlite3.Connection) -> ActorIndex:
    """All actors with counts; rebuilt only when the store file changed."""
    path = _db_file(conn)
    state = _state(path) if path else ()
    # One build at a time: concurrent first requests wait for it instead of repeating it.
    with _INDEX_LOCK:
        cached = _INDEX_CACHE.get(path)
        if path and cached is not None and cached[0] == state:
            return cached[1]
        index = _build_actor_index(conn)
        if path:
            _INDEX_CACHE[path] = (state, index)
        return index


def _build_actor_index(conn: sqlite3.Connection) -> ActorIndex:
    published = {
        r[0]: r[1] for r in conn.execute("SELECT id, published FROM articles")
    }
    actors: dict[str, ActorSummary] = {}
    variant_key: dict[tuple[str, str], str] = {}
    variants: dict[str, list[tuple[str, str]]] = defaultdict(list)
    rows = conn.execute(
        """SELECT actor_id, label, text, article_id, COUNT(*) FROM mentions
           GROUP BY actor_id, label, text, article_id"""
    )
    for actor_id, label, text, article_id, count in rows:
        if actor_id:
            key = actor_id
        else:
            pair = (label, text)
            key = variant_key.get(pair) or ""
            if not key:
                key = actor_key(label, text)
                variant_key[pair] = key
                variants[key].append(pair)
        summary = actors.get(key)
        if summary is None:
            summary = actors[key] = ActorSummary(id=key, label=label, linked=bool(actor_id))
        summary.aliases[text] += count
        summary.mentions += count
        summary.article_ids.add(article_id)
        date = published.get(article_id)
        if date:
            summary.months[date[:7]] += count
            if summary.first_seen is None or date < summary.first_seen:
                summary.first_seen = date
            if summary.last_seen is None or date > summary.last_seen:
                summary.last_seen = date
    _add_kb_names([a for a in actors.values() if a.linked])
    ranked = sorted(actors.values(), key=lambda a: (-a.mentions, a.name.lower()))
    return ActorIndex(actors, variant_key, dict(variants), ranked,
                      {k: v for k, v in published.items() if v})


def _add_kb_names(linked: list[ActorSummary]) -> None:
    """Canonical names of KB-linked actors (when the actor KB package is available)."""
    if not linked:
        return
    try:
        from lagebild.actors.kb import load_kb

        kb = load_kb()
    except Exception:  # the KB is optional here: fall back to the most frequent alias
        return
    for summary in linked:
        actor = kb.get(summary.id)
        if actor is not None:
            summary.kb_name = actor.name
            summary.kb_type = actor.type
            # The KB's type decides the label, not the first NER label seen.
            summary.label = KB_TYPE_LABELS.get(actor.type, "ORG")


def _mention_filter(index: ActorIndex, actor_id: str, alias: str = "m") -> tuple[str, list[Any]]:
    """SQL condition selecting the mentions of one actor (uses the mention indexes)."""
    clauses = [f"{alias}.actor_id = ?"]
    params: list[Any] = [actor_id]
    pairs = index.variants.get(actor_id, [])
    if pairs:
        inner = " OR ".join(f"({alias}.label = ? AND {alias}.text = ?)" for _ in pairs)
        clauses.append(f"({alias}.actor_id IS NULL AND ({inner}))")
        for label, text in pairs:
            params += [label, text]
    return "(" + " OR ".join(clauses) + ")", params


def mention_key_func(index: ActorIndex) -> Any:
    def key(actor_id: str | None, label: str, text: str) -> str:
        if actor_id:
            return actor_id
        return index.variant_key.get((label, text)) or actor_key(label, text)

    return key


# --------------------------------------------------------------------------------------
# articles
# --------------------------------------------------------------------------------------
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


def _date_bounds(column: str, date_from: str | None, date_to: str | None,
                 where: list[str], params: list[Any]) -> None:
    if date_from:
        where.append(f"{column} >= ?")
        params.append(date_from)
    if date_to:
        # inclusive of the whole day/month given: '2005-10' covers '2005-10-31T…'
        where.append(f"{column} < ?")
        params.append(date_to + "\uffff")


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
    where: list[str] = []
    params: list[Any] = []
    join = ""
    score = "0.0 AS score, NULL AS snippet"
    match = fts_query(q) if q else ""
    if q and not match:
        return {"total": 0, "limit": limit, "offset": offset, "items": []}
    if match:
        join = "JOIN articles_fts f ON f.article_id = a.id"
        where.append("articles_fts MATCH ?")
        params.append(match)
        score = ("bm25(articles_fts) AS score,"
                 " snippet(articles_fts, 2, '[', ']', '…', 16) AS snippet")
    elif sort == "relevance":
        sort = "-published"
    _date_bounds("a.published", date_from, date_to, where, params)
    if outlet:
        where.append("a.outlet = ?")
        params.append(outlet)
    if section:
        where.append("a.section = ?")
        params.append(section)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    total = conn.execute(f"SELECT COUNT(*) FROM articles a {join} {clause}", params).fetchone()[0]
    order = ARTICLE_SORTS.get(sort, ARTICLE_SORTS["-published"])
    rows = conn.execute(
        f"""SELECT a.id, a.title, a.published, a.outlet, a.section, a.url, a.chars,
                   a.near_duplicate_of, {score}
            FROM articles a {join} {clause} ORDER BY {order} LIMIT ? OFFSET ?""",
        [*params, limit, offset],
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
    return {"total": int(total), "limit": limit, "offset": offset, "items": items}


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
    index = actor_index(conn)
    key = mention_key_func(index)
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


# --------------------------------------------------------------------------------------
# actors
# --------------------------------------------------------------------------------------
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
        needle = slugify(q)
        items = [
            a for a in items
            if needle in a.id or any(needle in slugify(alias) for alias in a.aliases)
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
    return {
        "total": len(items),
        "limit": limit,
        "offset": offset,
        "items": [a.as_dict() for a in items[offset : offset + limit]],
    }


def _month(date: str | None) -> str | None:
    return date[:7] if date and len(date) >= 7 else None


def get_actor(
    conn: sqlite3.Connection, actor_id: str, with_actor: str | None = None, limit: int = 100
) -> dict[str, Any] | None:
    """An actor: aliases, counts, mentions by month, roles over time, statements by and
    about them, events (as source and as target), co-mentioned actors and, with
    ``with_actor``, the relation timeline with that other actor."""
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
    about = _statements_about(conn, index, actor_id, limit, recent)
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
            role = "source" if ev.get("source_actor_id") == actor_id else "target"
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
        marks = ",".join("?" * len(chunk))
        seen: dict[str, set[str]] = defaultdict(set)
        for row in conn.execute(
            f"SELECT article_id, actor_id, label, text FROM mentions WHERE article_id IN ({marks})",
            chunk,
        ):
            seen[row[0]].add(key(row[1], row[2], row[3]))
        for keys in seen.values():
            for other in keys:
                if other != actor_id:
                    counts[other] += 1
    out = []
    for other, n in counts.most_common(top):
        info = index.actors.get(other)
        out.append({
            "id": other,
            "name": info.name if info else other,
            "label": info.label if info else "",
            "articles": n,
        })
    return out


def _statements_about(
    conn: sqlite3.Connection, index: ActorIndex, actor_id: str, limit: int,
    article_ids: Sequence[str],
) -> list[dict[str, Any]]:
    """Statements whose text contains a mention of the actor (and that they did not make),
    from the given articles."""
    if not article_ids:
        return []
    cond, params = _mention_filter(index, actor_id)
    cond += f" AND m.article_id IN ({','.join('?' * len(article_ids))})"
    params += list(article_ids)
    rows = conn.execute(
        f"""SELECT DISTINCT s.article_id, s.idx, s.speaker_actor_id, s.speaker_text, s.kind,
                   s.mode, s.start, s.end, s.text, s.data, a.published, a.title
            FROM mentions m
            JOIN statements s ON s.article_id = m.article_id
                 AND m.start >= s.start AND m.end <= s.end
            JOIN articles a ON a.id = s.article_id
            WHERE {cond} AND COALESCE(s.speaker_actor_id, '') != ?
            ORDER BY a.published DESC, s.article_id, s.idx LIMIT ?""",
        [*params, actor_id, limit],
    ).fetchall()
    return [_statement_row(r) for r in rows]


def relation_timeline(conn: sqlite3.Connection, actor_a: str, actor_b: str) -> dict[str, Any]:
    """Month by month: articles mentioning both actors, and events between them by
    QuadClass (1 verbal cooperation … 4 material conflict)."""
    index = actor_index(conn)
    cond_a, params_a = _mention_filter(index, actor_a, "m")
    cond_b, params_b = _mention_filter(index, actor_b, "n")
    months: dict[str, dict[str, int]] = defaultdict(
        lambda: {"co_mentions": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "events": 0}
    )
    for row in conn.execute(
        f"""SELECT a.published FROM articles a
            WHERE a.id IN (SELECT m.article_id FROM mentions m WHERE {cond_a})
              AND a.id IN (SELECT n.article_id FROM mentions n WHERE {cond_b})""",
        [*params_a, *params_b],
    ):
        month = _month(row[0]) or "unknown"
        months[month]["co_mentions"] += 1
    events = list_events(conn, actor=actor_a, other=actor_b, limit=500)["items"]
    for ev in events:
        month = _month(ev.get("date") or ev.get("published")) or "unknown"
        months[month]["events"] += 1
        quad = ev.get("quad_class")
        if quad in (1, 2, 3, 4):
            months[month][f"q{quad}"] += 1
    other = index.actors.get(actor_b)
    return {
        "actor": actor_a,
        "other": actor_b,
        "other_name": other.name if other else actor_b,
        "timeline": [{"month": m, **months[m]} for m in sorted(months)],
        "events": events[:100],
    }


# --------------------------------------------------------------------------------------
# statements and events
# --------------------------------------------------------------------------------------
def _statement_row(r: sqlite3.Row) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(r["data"]) if r["data"] else {}
    return {
        "article_id": r["article_id"],
        "idx": r["idx"],
        "speaker": r["speaker_text"],
        "speaker_actor_id": r["speaker_actor_id"],
        "type": r["kind"],
        "mode": r["mode"],
        "cue": " … ".join(c["text"] for c in data.get("cue") or []) or None,
        "start": r["start"],
        "end": r["end"],
        "text": r["text"],
        "published": r["published"],
        "article_title": r["title"],
        "data": data,
    }


def _speaker_condition(index: ActorIndex, actor_id: str) -> tuple[str, list[Any]]:
    """Statements by an actor: linked speaker id, or (unlinked) a speaker text of theirs."""
    clauses = ["s.speaker_actor_id = ?"]
    params: list[Any] = [actor_id]
    texts = sorted({text for _, text in index.variants.get(actor_id, [])})
    if texts:
        clauses.append(
            f"(s.speaker_actor_id IS NULL AND s.speaker_text IN ({','.join('?' * len(texts))}))"
        )
        params += texts
    return "(" + " OR ".join(clauses) + ")", params


def list_statements(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    kind: str | None = None,
    mode: str | None = None,
    article_id: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    q: str | None = None,
    sort: str = "-published",
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    where: list[str] = []
    params: list[Any] = []
    if speaker:
        cond, extra = _speaker_condition(actor_index(conn), speaker)
        where.append(cond)
        params += extra
    if kind:
        where.append("s.kind = ? COLLATE NOCASE")
        params.append(kind)
    if mode:
        where.append("s.mode = ?")
        params.append(mode)
    if article_id:
        where.append("s.article_id = ?")
        params.append(article_id)
    if q:
        where.append("s.text LIKE ? ESCAPE '\\'")
        params.append("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    _date_bounds("a.published", date_from, date_to, where, params)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    order = "a.published ASC" if sort == "published" else "a.published DESC"
    base = f"FROM statements s JOIN articles a ON a.id = s.article_id {clause}"
    total = conn.execute(f"SELECT COUNT(*) {base}", params).fetchone()[0]
    rows = conn.execute(
        f"""SELECT s.article_id, s.idx, s.speaker_actor_id, s.speaker_text, s.kind, s.mode,
                   s.start, s.end, s.text, s.data, a.published, a.title
            {base} ORDER BY {order}, s.article_id, s.idx LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    ).fetchall()
    return {"total": int(total), "limit": limit, "offset": offset,
            "items": [_statement_row(r) for r in rows]}


def _event_row(r: sqlite3.Row) -> dict[str, Any]:
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


EVENT_SORTS = {
    "date": "COALESCE(e.date, a.published) ASC",
    "-date": "COALESCE(e.date, a.published) DESC",
    "code": "e.code ASC",
    "-code": "e.code DESC",
}


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
    article_id: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    article_ids: Sequence[str] | None = None,
    with_total: bool = True,
    sort: str = "-date",
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    where: list[str] = []
    params: list[Any] = []
    if article_ids is not None:
        if not article_ids:
            return {"total": 0, "limit": limit, "offset": offset, "items": []}
        where.append(f"e.article_id IN ({','.join('?' * len(article_ids))})")
        params += list(article_ids)
    if code:
        # CAMEO codes are hierarchical: '04' matches '04', '042', '0421'
        where.append("e.code LIKE ?")
        params.append(code.replace("%", "").replace("_", "") + "%")
    if plover:
        where.append("UPPER(e.plover) = UPPER(?)")
        params.append(plover)
    if quad_class is not None:
        where.append("e.quad_class = ?")
        params.append(quad_class)
    if actor and other:
        where.append(
            "((e.source_actor_id = ? AND e.target_actor_id = ?)"
            " OR (e.source_actor_id = ? AND e.target_actor_id = ?))"
        )
        params += [actor, other, other, actor]
    elif actor:
        where.append("(e.source_actor_id = ? OR e.target_actor_id = ?)")
        params += [actor, actor]
    if source:
        where.append("e.source_actor_id = ?")
        params.append(source)
    if target:
        where.append("e.target_actor_id = ?")
        params.append(target)
    if modality:
        where.append("e.modality = ? COLLATE NOCASE")
        params.append(modality)
    if article_id:
        where.append("e.article_id = ?")
        params.append(article_id)
    _date_bounds("COALESCE(e.date, a.published)", date_from, date_to, where, params)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    base = f"FROM events e JOIN articles a ON a.id = e.article_id {clause}"
    total = conn.execute(f"SELECT COUNT(*) {base}", params).fetchone()[0] if with_total else -1
    order = EVENT_SORTS.get(sort, EVENT_SORTS["-date"])
    rows = conn.execute(
        f"""SELECT e.article_id, e.idx, e.code, e.plover, e.quad_class, e.source_actor_id,
                   e.target_actor_id, e.modality, e.date, e.start, e.end, e.data,
                   substr(json_extract(a.doc, '$.text'), e.start + 1, e.end - e.start)
                     AS evidence,
                   a.published, a.title, a.url
            {base} ORDER BY {order}, e.article_id, e.idx LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    ).fetchall()
    items = [_event_row(r) for r in rows]
    return {"total": int(total) if with_total else len(items), "limit": limit, "offset": offset,
            "items": items}


def event_timeline(
    conn: sqlite3.Connection,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    actor: str | None = None,
) -> list[dict[str, Any]]:
    """Events per month and QuadClass."""
    where: list[str] = []
    params: list[Any] = []
    if actor:
        where.append("(e.source_actor_id = ? OR e.target_actor_id = ?)")
        params += [actor, actor]
    _date_bounds("COALESCE(e.date, a.published)", date_from, date_to, where, params)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    rows = conn.execute(
        f"""SELECT substr(COALESCE(e.date, a.published), 1, 7) AS month, e.quad_class,
                   COUNT(*) FROM events e JOIN articles a ON a.id = e.article_id {clause}
            GROUP BY month, e.quad_class ORDER BY month""",
        params,
    ).fetchall()
    months: dict[str, dict[str, int]] = {}
    for month, quad, count in rows:
        entry = months.setdefault(month or "unknown",
                                  {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "total": 0})
        if quad in (1, 2, 3, 4):
            entry[f"q{quad}"] += count
        entry["total"] += count
    return [{"month": m, **v} for m, v in months.items()]


# --------------------------------------------------------------------------------------
# the actor network
# --------------------------------------------------------------------------------------
def actor_graph(
    conn: sqlite3.Connection,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    quad_class: int | None = None,
    label: str | None = None,
    mode: str = "auto",
    max_nodes: int = 50,
    min_weight: int = 1,
) -> dict[str, Any]:
    """Actors as nodes; edges from events (source → target) when events exist for the
    period (or ``mode='events'``), else co-mentions in the same article."""
    index = actor_index(conn)
    where: list[str] = []
    params: list[Any] = []
    _date_bounds("COALESCE(e.date, a.published)", date_from, date_to, where, params)
    if quad_class is not None:
        where.append("e.quad_class = ?")
        params.append(quad_class)
    use_events = mode == "events"
    if mode == "auto":
        clause = " AND ".join(["e.source_actor_id IS NOT NULL",
                               "e.target_actor_id IS NOT NULL", *where])
        use_events = conn.execute(
            f"SELECT 1 FROM events e JOIN articles a ON a.id = e.article_id WHERE {clause}"
            " LIMIT 1",
            params,
        ).fetchone() is not None
    weights: Counter[tuple[str, str]] = Counter()
    quads: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
    node_weight: Counter[str] = Counter()
    if use_events:
        clause = " AND ".join(["e.source_actor_id IS NOT NULL",
                               "e.target_actor_id IS NOT NULL", *where])
        for src, tgt, quad in conn.execute(
            f"""SELECT e.source_actor_id, e.target_actor_id, e.quad_class FROM events e
                JOIN articles a ON a.id = e.article_id WHERE {clause}""",
            params,
        ):
            if src == tgt:
                continue
            weights[(src, tgt)] += 1
            if quad is not None:
                quads[(src, tgt)][int(quad)] += 1
            node_weight[src] += 1
            node_weight[tgt] += 1
    else:
        mwhere: list[str] = []
        mparams: list[Any] = []
        _date_bounds("a.published", date_from, date_to, mwhere, mparams)
        if label:
            mwhere.append("UPPER(m.label) = UPPER(?)")
            mparams.append(label)
        clause = ("WHERE " + " AND ".join(mwhere)) if mwhere else ""
        key = mention_key_func(index)
        per_article: dict[str, set[str]] = defaultdict(set)
        for article_id, actor_id, mlabel, text in conn.execute(
            f"""SELECT m.article_id, m.actor_id, m.label, m.text FROM mentions m
                JOIN articles a ON a.id = m.article_id {clause}""",
            mparams,
        ):
            per_article[article_id].add(key(actor_id, mlabel, text))
        for keys in per_article.values():
            for k in keys:
                node_weight[k] += 1
        top = {k for k, _ in node_weight.most_common(max_nodes)}
        for keys in per_article.values():
            for a, b in combinations(sorted(keys & top), 2):
                weights[(a, b)] += 1
    if label and use_events:
        wanted = label.upper()
        node_weight = Counter({
            k: v for k, v in node_weight.items()
            if (index.actors[k].label.upper() if k in index.actors else "") == wanted
        })
    top_nodes = {k for k, _ in node_weight.most_common(max_nodes)}
    edges = [
        {
            "source": a,
            "target": b,
            "weight": w,
            "quad_classes": {str(q): n for q, n in sorted(quads[(a, b)].items())}
            if (a, b) in quads else {},
        }
        for (a, b), w in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
        if w >= min_weight and a in top_nodes and b in top_nodes
    ]
    nodes = []
    for k, w in node_weight.most_common(max_nodes):
        info = index.actors.get(k)
        nodes.append({
            "id": k,
            "name": info.name if info else k,
            "label": info.label if info else "",
            "weight": w,
        })
    return {"mode": "events" if use_events else "cooccurrence", "nodes": nodes, "edges": edges}


def graph_to_graphml(graph: dict[str, Any]) -> str:
    directed = "directed" if graph["mode"] == "events" else "undirected"
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
        '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
        '  <key id="nweight" for="node" attr.name="weight" attr.type="int"/>',
        '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
        f'  <graph id="lagebild" edgedefault="{directed}">',
    ]

    def attr(value: object) -> str:
        return xml_escape(str(value), {'"': "&quot;"})

    for node in graph["nodes"]:
        out.append(f'    <node id="{attr(node["id"])}">')
        out.append(f'      <data key="name">{attr(node["name"])}</data>')
        out.append(f'      <data key="label">{attr(node["label"])}</data>')
        out.append(f'      <data key="nweight">{int(node["weight"])}</data>')
        out.append("    </node>")
    for i, edge in enumerate(graph["edges"]):
        out.append(
            f'    <edge id="e{i}" source="{attr(edge["source"])}" target="{attr(edge["target"])}">'
        )
        out.append(f'      <data key="weight">{int(edge["weight"])}</data>')
        out.append("    </edge>")
    out += ["  </graph>", "</graphml>", ""]
    return "\n".join(out)


# --------------------------------------------------------------------------------------
# exports
# --------------------------------------------------------------------------------------
ARTICLE_COLUMNS = ("id", "title", "published", "outlet", "section", "url", "language", "chars",
                   "near_duplicate_of", "source_id")
STATEMENT_COLUMNS = ("article_id", "idx", "speaker", "speaker_actor_id", "type", "mode", "cue",
                     "start", "end", "text", "published")
EVENT_COLUMNS = ("article_id", "idx", "code", "plover", "quad_class", "source_actor_id",
                 "target_actor_id", "modality", "date", "start", "end", "trigger", "text",
                 "published")
ACTOR_COLUMNS = ("id", "name", "label", "mentions", "articles", "first_seen", "last_seen")
DATASET_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ARTICLE_COLUMNS,
    "statements": STATEMENT_COLUMNS,
    "events": EVENT_COLUMNS,
    "actors": ACTOR_COLUMNS,
}

# GDELT 2.0 event table columns Lagebild can fill (plus PLOVER, modality and evidence).
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1Type1Code", "Actor2Code", "Actor2Name", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone", "DATEADDED", "SOURCEURL",
    "PLOVER", "Modality", "ArticleID", "EvidenceStart", "EvidenceEnd", "EvidenceText",
)


def iter_dataset(
    conn: sqlite3.Connection,
    dataset: str,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    full: bool = False,
) -> Iterator[dict[str, Any]]:
    """Every row of a dataset (articles, statements, events, actors), in pages.

    With ``full`` and ``dataset='articles'`` rows are the complete stored article JSON.
    """
    page = 500
    offset = 0
    if dataset == "actors":
        for actor in actor_index(conn).ranked:
            yield actor.as_dict()
        return
    while True:
        if dataset == "articles":
            where: list[str] = []
            params: list[Any] = []
            _date_bounds("published", date_from, date_to, where, params)
            clause = ("WHERE " + " AND ".join(where)) if where else ""
            rows = conn.execute(
                f"""SELECT id, title, published, outlet, section, url, language, chars,
                           near_duplicate_of, source_id, doc FROM articles {clause}
                    ORDER BY published, id LIMIT ? OFFSET ?""",
                [*params, page, offset],
            ).fetchall()
            for r in rows:
                if full:
                    yield dict(json.loads(r["doc"]))
                else:
                    yield {c: r[c] for c in ARTICLE_COLUMNS}
            count = len(rows)
        elif dataset == "statements":
            items = list_statements(conn, date_from=date_from, date_to=date_to,
                                    sort="published", limit=page, offset=offset)["items"]
            yield from items
            count = len(items)
        elif dataset == "events":
            items = list_events(conn, date_from=date_from, date_to=date_to, sort="date",
                                limit=page, offset=offset)["items"]
            yield from items
            count = len(items)
        else:
            raise ValueError(f"unknown dataset {dataset!r}")
        if count < page:
            return
        offset += page


def _cell(value: object) -> object:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def rows_to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> Iterator[str]:
    """CSV text in chunks (header first)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for n, row in enumerate(rows, start=1):
        writer.writerow([_cell(row.get(c)) for c in columns])
        if n % 200 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def gdelt_rows(conn: sqlite3.Connection, *, date_from: str | None = None,
               date_to: str | None = None) -> Iterator[dict[str, Any]]:
    index = actor_index(conn)
    for number, ev in enumerate(
        iter_dataset(conn, "events", date_from=date_from, date_to=date_to), start=1
    ):
        date = (ev.get("date") or ev.get("published") or "")[:10]
        digits = date.replace("-", "")
        code = str(ev.get("code") or "")
        data = ev.get("data") or {}

        def actor_cols(actor_id: str | None, fallback: object) -> tuple[str, str]:
            if not actor_id:
                return "", str(fallback or "")
            info = index.actors.get(actor_id)
            return actor_id, info.name if info else str(fallback or actor_id)

        a1code, a1name = actor_cols(ev.get("source_actor_id"), ev.get("source"))
        a2code, a2name = actor_cols(ev.get("target_actor_id"), ev.get("target"))
        year = digits[:4]
        fraction = ""
        if len(digits) >= 6 and digits[:6].isdigit():
            fraction = f"{int(year) + (int(digits[4:6]) - 1) / 12:.4f}"
        yield {
            "GLOBALEVENTID": number,
            "SQLDATE": digits,
            "MonthYear": digits[:6],
            "Year": year,
            "FractionDate": fraction,
            "Actor1Code": a1code,
            "Actor1Name": a1name,
            "Actor1Type1Code": data.get("source_type", ""),
            "Actor2Code": a2code,
            "Actor2Name": a2name,
            "Actor2Type1Code": data.get("target_type", ""),
            "IsRootEvent": 1 if ev.get("idx") == 0 else 0,
            "EventCode": code,
            "EventBaseCode": code[:3],
            "EventRootCode": code[:2],
            "QuadClass": ev.get("quad_class") or "",
            "GoldsteinScale": data.get("goldstein", ""),
            "NumMentions": 1,
            "NumSources": 1,
            "NumArticles": 1,
            "AvgTone": data.get("tone", ""),
            "DATEADDED": "",
            "SOURCEURL": ev.get("url") or "",
            "PLOVER": ev.get("plover") or "",
            "Modality": ev.get("modality") or "",
            "ArticleID": ev.get("article_id"),
            "EvidenceStart": ev.get("start"),
            "EvidenceEnd": ev.get("end"),
            "EvidenceText": ev.get("text") or "",
        }


def pyarrow_available() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def rows_to_parquet(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> bytes:
    """Parquet bytes (requires the optional ``pyarrow``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table_rows = [{c: _cell(r.get(c)) if isinstance(r.get(c), dict | list) else r.get(c)
                   for c in columns} for r in rows]
    table = pa.Table.from_pylist(table_rows) if table_rows else pa.table(
        {c: pa.array([], pa.string()) for c in columns}
    )
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()
