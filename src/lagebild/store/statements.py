"""Statements (quotes, reported speech): listing with filters by speaker, actor spoken
about, type, mode, article, text and date."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from lagebild.store.actor_index import ActorIndex, actor_index, mention_filter
from lagebild.store.filters import Where, marks, page

STATEMENT_SORTS = {"published": "a.published ASC", "-published": "a.published DESC"}


def statement_row(r: sqlite3.Row) -> dict[str, Any]:
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


def speaker_condition(index: ActorIndex, actor_id: str) -> tuple[str, list[Any]]:
    """Statements by an actor: linked speaker id, or (unlinked) a speaker text of theirs."""
    clauses = ["s.speaker_actor_id = ?"]
    params: list[Any] = [actor_id]
    texts = sorted({text for _, text in index.variants.get(actor_id, [])})
    if texts:
        clauses.append(f"(s.speaker_actor_id IS NULL AND s.speaker_text IN ({marks(texts)}))")
        params += texts
    return "(" + " OR ".join(clauses) + ")", params


def about_condition(index: ActorIndex, actor_id: str) -> tuple[str, list[Any]]:
    """Statements about an actor: a mention of theirs lies inside the statement's span
    (quote and frame), and the statement is not theirs (NULL-safe: unlinked speakers)."""
    mentioned, params = mention_filter(index, actor_id)
    by, by_params = speaker_condition(index, actor_id)
    return (
        f"""(EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = s.article_id
                     AND m.start >= s.start AND m.end <= s.end AND {mentioned})
             AND NOT IFNULL({by}, 0))""",
        [*params, *by_params],
    )


def list_statements(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    about: str | None = None,
    kind: str | None = None,
    mode: str | None = None,
    article_id: str | None = None,
    article_ids: Sequence[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    q: str | None = None,
    sort: str = "-published",
    with_total: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """A page of statements. ``speaker`` and ``about`` are actor ids; ``kind`` a statement
    type (any case); ``article_ids`` restricts to those articles; without ``with_total``
    the total is the number of items returned."""
    where = Where()
    if speaker or about:
        index = actor_index(conn)
        if speaker:
            where.add(*_flat(speaker_condition(index, speaker)))
        if about:
            where.add(*_flat(about_condition(index, about)))
    if kind:
        where.add("s.kind = ? COLLATE NOCASE", kind)
    if mode:
        where.add("s.mode = ?", mode)
    if article_id:
        where.add("s.article_id = ?", article_id)
    if article_ids is not None:
        where.any_of("s.article_id", list(article_ids))
    where.like("s.text", q)
    where.dates("a.published", date_from, date_to)
    base = f"FROM statements s JOIN articles a ON a.id = s.article_id {where.sql}"
    order = STATEMENT_SORTS.get(sort, STATEMENT_SORTS["-published"])
    rows = conn.execute(
        f"""SELECT s.article_id, s.idx, s.speaker_actor_id, s.speaker_text, s.kind, s.mode,
                   s.start, s.end, s.text, s.data, a.published, a.title
            {base} ORDER BY {order}, s.article_id, s.idx LIMIT ? OFFSET ?""",
        [*where.params, limit, offset],
    ).fetchall()
    items = [statement_row(r) for r in rows]
    total = (conn.execute(f"SELECT COUNT(*) {base}", where.params).fetchone()[0]
             if with_total else len(items))
    return page(items, total, limit, offset)


def _flat(condition: tuple[str, list[Any]]) -> tuple[Any, ...]:
    return (condition[0], *condition[1])
