"""The actor index: every actor of the store with counts, cached per store file state.

An actor is the group of entity mentions with the same ``mentions.actor_id`` (a KB id or a
linker's ``new:…`` id); a mention without one belongs to the actor not in the KB named by its
label and text (``actors.ids.mention_actor_id``: ``new:per:hans-muster``). Names typed by a
user resolve to an actor here (``resolve_actor``).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lagebild.actors.ids import mention_actor_id, slug

KB_TYPE_LABELS = {"person": "PER", "state": "LOC"}
RECENT_ARTICLES = 500


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
    _slugs: list[tuple[str, str]] | None = None  # (slug of a name/alias/id, actor id), by rank

    def name_of(self, actor_id: str) -> str:
        info = self.actors.get(actor_id)
        return info.name if info else actor_id

    def brief(self, actor_id: str) -> dict[str, str]:
        """``{id, name, label}`` of an actor for listings (its id as name when unknown)."""
        info = self.actors.get(actor_id)
        return {"id": actor_id, "name": info.name if info else actor_id,
                "label": info.label if info else ""}

    def name_slugs(self) -> list[tuple[str, str]]:
        """Every name, alias and id as a slug with its actor, most mentioned actors first."""
        if self._slugs is None:
            self._slugs = [(slug(n), a.id) for a in self.ranked
                           for n in dict.fromkeys([a.name, *a.aliases, a.id])]
        return self._slugs


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
                key = mention_actor_id(label, text)
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


def mention_filter(index: ActorIndex, actor_id: str, alias: str = "m") -> tuple[str, list[Any]]:
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


def mention_key_func(index: ActorIndex) -> Callable[[str | None, str, str], str]:
    """``key(actor_id, label, text)``: the index's actor id of one mention row."""
    def key(actor_id: str | None, label: str, text: str) -> str:
        if actor_id:
            return actor_id
        return index.variant_key.get((label, text)) or mention_actor_id(label, text)

    return key


# --------------------------------------------------------------------------------------
# names typed by users → actor ids
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Resolution:
    """``id`` when the name names one actor; otherwise ``candidates`` (close names)."""

    id: str | None
    candidates: list[ActorSummary] = field(default_factory=list)


def resolve_actor(index: ActorIndex, text: str, max_candidates: int = 8) -> Resolution:
    """An actor id, name or alias (any case, umlauts folded) → the actor.

    Rules, in order: an actor id of the store; an exact name or alias (several actors: the
    most mentioned one); a name or alias containing the words typed (``Merkel`` → ``Angela
    Merkel``) when only one actor has such a name. Otherwise no id, and the actors whose
    names come closest as candidates (containing the words, else the letters typed).
    """
    text = text.strip()
    if text in index.actors:
        return Resolution(text)
    wanted = slug(text)
    if not wanted:
        return Resolution(None)
    names = index.name_slugs()
    exact = next((actor for name, actor in names if name == wanted), None)
    if exact is not None:
        return Resolution(exact)
    words = f"-{wanted}-"
    partial = list(dict.fromkeys(actor for name, actor in names if words in f"-{name}-"))
    if len(partial) == 1:
        return Resolution(partial[0])
    if not partial:
        partial = list(dict.fromkeys(actor for name, actor in names if wanted in name))
    return Resolution(None, [index.actors[a] for a in partial[:max_candidates]])


def resolve_in_store(conn: sqlite3.Connection, text: str) -> Resolution:
    """``resolve_actor`` over the store's index; failing that, ``text`` is still an actor
    when it is the id of an event actor or of a statement's speaker (actors that no mention
    carries)."""
    found = resolve_actor(actor_index(conn), text)
    if found.id is None:
        for sql in ("SELECT 1 FROM event_actors WHERE actor_id = ? LIMIT 1",
                    "SELECT 1 FROM statements WHERE speaker_actor_id = ? LIMIT 1"):
            if conn.execute(sql, (text.strip(),)).fetchone() is not None:
                return Resolution(text.strip())
    return found


def actor_id_or_text(conn: sqlite3.Connection, text: str | None) -> str | None:
    """For API filters: the resolved actor id, else ``text`` itself (an id the index does
    not know, e.g. one only in ``event_actors``, matches as given; anything else matches
    nothing)."""
    if not text:
        return None
    return resolve_actor(actor_index(conn), text).id or text.strip()
