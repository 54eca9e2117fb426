"""The embedded SQLite store: one file, WAL mode, versioned schema, FTS5 search."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from lagebild.ingest.base import Failure
from lagebild.model import PROSE_BLOCKS, ActorRef, Article, BlockType
from lagebild.store import clusters, minhash, relation_agg
from lagebild.store.schema import (
    AGGREGATE_RELATIONS,
    CLUSTER_EVENTS,
    MIGRATIONS,
    REWRITE_LAYERS,
    SCHEMA_VERSION,
)

MMAP_BYTES = 1 << 30


class StoreError(Exception):
    """The store cannot be opened or is from a newer Lagebild."""


class AddStatus(StrEnum):
    STORED = "stored"  # new article
    DUPLICATE = "duplicate"  # same content already stored from another origin
    UNCHANGED = "unchanged"  # same content from the same origin (a re-run)


@dataclass(frozen=True)
class AddResult:
    status: AddStatus
    article_id: str
    near_duplicate_of: str | None = None


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str | None
    published: str | None
    outlet: str | None
    snippet: str
    score: float


def _body_text(article: Article) -> str:
    """Body paragraphs only: agency copies share the body but rewrite headline and teaser."""
    body = "\n".join(article.block_text(b) for b in article.blocks_of(BlockType.PARAGRAPH))
    if body.strip():
        return body
    prose = "\n".join(article.block_text(b) for b in article.blocks if b.type in PROSE_BLOCKS)
    return prose or article.text


def article_signature(article: Article) -> minhash.Signature:
    """The near-duplicate signature the store keeps for an article (of its body text)."""
    return minhash.signature(_body_text(article))


def _first_id(refs: list[ActorRef]) -> str | None:
    """The first linked actor of an event side (all of them go to ``event_actors``)."""
    return next((r.id for r in refs if r.id), None)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def fts_query(text: str) -> str:
    """User words to an FTS5 query: every word must occur (quoted, so ``US-Außenminister``
    and other punctuation never become FTS syntax errors). Control characters separate words:
    a NUL inside a quoted FTS5 string ends it early (``unterminated string``)."""
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    words = [w.replace('"', '""') for w in text.split() if w.strip('"')]
    return " ".join(f'"{w}"' for w in words)


class Store:
    """A Lagebild store. ``Store(path)`` creates or migrates the file as needed."""

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = Path(path)
        if readonly:
            if not self.path.exists():
                raise StoreError(f"no store at {self.path} (run 'lagebild ingest' first)")
            uri = f"file:{self.path}?mode=ro"
            self.conn = sqlite3.connect(
                uri, uri=True, check_same_thread=False, isolation_level=None
            )
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit mode: transactions are explicit (``transaction``, ``begin``/``commit``).
            self.conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA busy_timeout = 10000")
        if readonly:
            # pages read through a memory map, not a read() call each: a month's brief reads
            # some 100 MB of pages, a quarter of its CPU time went to those calls. Readers
            # only: a writer's map grows with the file it writes, and its resident size with
            # it (an ingest of 10,000 articles: 1.3 GB RSS, of which 0.6 GB are the process's
            # own memory; docs/lab/speed.md, round 6)
            self.conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        else:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
        # clusters written in the open transaction whose relation aggregates are still to be
        # recomputed: once per commit, not once per article (a frequent pair's month and year
        # rows are recomputed once for all the articles of a batch)
        self._touched: set[int] = set()
        self._migrate(readonly)

    # -- lifecycle -----------------------------------------------------------------
    def _migrate(self, readonly: bool) -> None:
        version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this Lagebild "
                f"({SCHEMA_VERSION}); upgrade Lagebild"
            )
        if version < SCHEMA_VERSION and readonly:
            raise StoreError(f"{self.path} needs a migration; open it once without read-only")
        for number in range(version, SCHEMA_VERSION):
            # executescript commits first; the rest of the step joins the open transaction
            self.conn.executescript("BEGIN;" + MIGRATIONS[number])
            try:
                if number + 1 in REWRITE_LAYERS:
                    self._rewrite_documents()
                if number + 1 in CLUSTER_EVENTS or (
                        number + 1 in REWRITE_LAYERS and number + 1 > min(CLUSTER_EVENTS)):
                    clusters.cluster_all(self.conn)
                if number + 1 in AGGREGATE_RELATIONS:
                    relation_agg.rebuild(self.conn)
                self.conn.execute(f"PRAGMA user_version = {number + 1}")
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    def _rewrite_documents(self) -> None:
        """Every stored document in the current article schema, its layer rows rebuilt."""
        rows = self.conn.execute("SELECT id, doc FROM articles").fetchall()
        for row in rows:
            article = Article.from_json(row["doc"])  # older schema versions migrate on load
            self.conn.execute("UPDATE articles SET doc = ? WHERE id = ?",
                              (article.to_json(), row["id"]))
            for table in ("statements", "events", "event_actors"):
                self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (row["id"],))
            self._add_statements_events(article)

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes: committed together, or rolled back together on error."""
        self.conn.execute("BEGIN")
        try:
            yield
            self.flush_aggregates()
        except BaseException:
            self._touched.clear()
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def commit_and_continue(self) -> None:
        """Inside ``transaction``: make what was written so far durable, then go on."""
        self.flush_aggregates()
        self.conn.execute("COMMIT")
        self.conn.execute("BEGIN")

    def flush_aggregates(self) -> None:
        """Bring the relation aggregates of the clusters written so far up to date (done
        before every commit)."""
        if self._touched:
            relation_agg.refresh(self.conn, self._touched)
            self._touched.clear()

    # -- writing -------------------------------------------------------------------
    def add(self, article: Article, doc: str | None = None,
            signature: minhash.Signature | None = None) -> AddResult:
        """Store ``article`` once; same content again is recorded as a duplicate, not stored.

        ``doc``: ``article.to_json()`` when the caller has it already (the Parquet merge reads
        it from the file); it is stored as the record and the article's tokens are not read.
        ``signature``: :func:`article_signature` of the article when the caller has it (a
        Parquet worker computed it)."""
        origin = str(article.origin) if article.origin else ""
        row = self.conn.execute(
            "SELECT origin FROM articles WHERE id = ?", (article.id,)
        ).fetchone()
        if row is not None:
            if row["origin"] == origin:
                return AddResult(AddStatus.UNCHANGED, article.id)
            self.conn.execute(
                "INSERT OR IGNORE INTO duplicates(article_id, origin, seen_at) VALUES (?, ?, ?)",
                (article.id, origin, _now()),
            )
            return AddResult(AddStatus.DUPLICATE, article.id)
        if signature is None:
            signature = article_signature(article)
        near, similarity = self._nearest(signature)
        self.conn.execute(
            """INSERT INTO articles(id, source_id, url, title, section, outlet, published,
                 language, origin, reader, chars, minhash, near_duplicate_of, similarity, doc,
                 ingested_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                article.id,
                article.source_id,
                article.url,
                article.title or article.headline,
                article.section,
                article.source.outlet,
                article.published,
                article.language,
                origin,
                article.origin.reader if article.origin else None,
                len(article.text),
                minhash.to_bytes(signature),
                near,
                similarity,
                doc if doc is not None else article.to_json(),
                _now(),
            ),
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO lsh_bands(band, value, article_id) VALUES (?, ?, ?)",
            [(i, v, article.id) for i, v in enumerate(minhash.band_keys(signature))],
        )
        self.conn.execute(
            "INSERT INTO articles_fts(article_id, title, body) VALUES (?, ?, ?)",
            (article.id, article.title or article.headline or "", article.text),
        )
        self._add_layers(article)
        self._touched |= clusters.assign_article(self.conn, article.id, aggregate=False)
        if not self.conn.in_transaction:
            self.flush_aggregates()
        if origin:
            self.conn.execute("DELETE FROM failures WHERE origin = ?", (origin,))
        return AddResult(AddStatus.STORED, article.id, near)

    def _add_layers(self, article: Article) -> None:
        """Index the annotation layers (the JSON doc stays the full record)."""
        self.conn.executemany(
            """INSERT OR IGNORE INTO mentions(article_id, start, end, text, label, subtype,
                 actor_id) VALUES (?, ?, ?, ?, ?, ?, ?)""",
            [
                (article.id, e.start, e.end, e.text, e.label, e.subtype, e.actor)
                for e in article.entities
            ],
        )
        self._add_statements_events(article)

    def _add_statements_events(self, article: Article) -> None:
        self.conn.executemany(
            """INSERT INTO statements(article_id, idx, speaker_actor_id, speaker_text, kind,
                 start, end, text, data, mode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (article.id, i,
                 s.speaker.actor.id if s.speaker and s.speaker.actor else None,
                 s.speaker.text if s.speaker else None,
                 s.type.value, s.start, s.end, " … ".join(q.text for q in s.quote),
                 s.model_dump_json(), s.mode.value)
                for i, s in enumerate(article.statements)
            ],
        )
        self.conn.executemany(
            """INSERT INTO events(article_id, idx, code, plover, quad_class, source_actor_id,
                 target_actor_id, modality, date, start, end, data)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (article.id, i, e.cameo, e.type.value, e.quad_class,
                 _first_id(e.source), _first_id(e.target), e.modality.value,
                 e.date.value if e.date else None, e.sentence.start, e.sentence.end,
                 e.model_dump_json())
                for i, e in enumerate(article.events)
            ],
        )
        self.conn.executemany(
            """INSERT OR IGNORE INTO event_actors(article_id, idx, role, actor_id)
               VALUES (?, ?, ?, ?)""",
            [
                (article.id, i, role, ref.id)
                for i, e in enumerate(article.events)
                for role, refs in (("source", e.source), ("target", e.target))
                for ref in refs if ref.id
            ],
        )

    def _nearest(self, signature: minhash.Signature) -> tuple[str | None, float | None]:
        """The most similar stored article at or above ``minhash.THRESHOLD``, if any."""
        clauses = " OR ".join("(band = ? AND value = ?)" for _ in range(minhash.BANDS))
        params: list[int] = []
        for i, v in enumerate(minhash.band_keys(signature)):
            params += [i, v]
        rows = self.conn.execute(
            f"""SELECT a.id, a.minhash, a.near_duplicate_of FROM articles a
                WHERE a.id IN (SELECT article_id FROM lsh_bands WHERE {clauses})""",
            params,
        ).fetchall()
        best: tuple[float, str] | None = None
        for row in rows:
            score = minhash.similarity(minhash.from_bytes(row["minhash"]), signature)
            if score >= minhash.THRESHOLD and (best is None or score > best[0]):
                # Link to the first copy of a cluster, not to another copy.
                best = (score, row["near_duplicate_of"] or row["id"])
        if best is None:
            return None, None
        return best[1], round(best[0], 4)

    def add_failure(self, failure: Failure) -> None:
        self.conn.execute(
            """INSERT INTO failures(origin, path, code, message, skipped, seen_at)
               VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT(origin) DO UPDATE SET code = excluded.code,
                 message = excluded.message, skipped = excluded.skipped,
                 seen_at = excluded.seen_at""",
            (
                str(failure.origin),
                failure.origin.path,
                failure.code.name,
                failure.message,
                int(failure.skipped),
                _now(),
            ),
        )

    # -- resumable ingest bookkeeping ---------------------------------------------------
    def source_done(self, path: Path, key: str | None = None) -> bool:
        """Was this exact file (path, size, mtime) ingested to the end before?

        ``key`` names a part of the file instead (a shard, ``path#bytes=A-B``); it counts
        as done only while the file keeps the size and mtime it had then.
        """
        try:
            stat = path.stat()
        except OSError:
            return False
        row = self.conn.execute(
            "SELECT 1 FROM sources WHERE path = ? AND size = ? AND mtime_ns = ?",
            (key or str(path.resolve()), stat.st_size, stat.st_mtime_ns),
        ).fetchone()
        return row is not None

    def mark_source_done(self, path: Path, items: int, key: str | None = None) -> None:
        stat = path.stat()
        self.conn.execute(
            """INSERT OR REPLACE INTO sources(path, size, mtime_ns, items, finished_at)
               VALUES (?, ?, ?, ?, ?)""",
            (key or str(path.resolve()), stat.st_size, stat.st_mtime_ns, items, _now()),
        )

    # -- reading -------------------------------------------------------------------
    def get(self, article_id: str) -> Article | None:
        """By full id, or by a unique id prefix of at least 6 characters."""
        row = self.conn.execute("SELECT doc FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None and len(article_id) >= 6:
            rows = self.conn.execute(
                "SELECT doc FROM articles WHERE id LIKE ? LIMIT 2", (article_id + "%",)
            ).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return Article.from_json(row["doc"]) if row else None

    def article_meta(self, article_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            """SELECT id, origin, near_duplicate_of, similarity, ingested_at,
                 (SELECT COUNT(*) FROM duplicates d WHERE d.article_id = a.id) AS copies
               FROM articles a WHERE id = ?""",
            (article_id,),
        ).fetchone()
        return dict(row) if row else None

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        match = fts_query(query)
        if not match:
            return []
        rows = self.conn.execute(
            """SELECT f.article_id AS id, a.title, a.published, a.outlet,
                 snippet(articles_fts, 2, '[', ']', '…', 16) AS snippet,
                 bm25(articles_fts) AS score
               FROM articles_fts f JOIN articles a ON a.id = f.article_id
               WHERE articles_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?""",
            (match, limit, offset),
        ).fetchall()
        return [
            SearchHit(r["id"], r["title"], r["published"], r["outlet"], r["snippet"], r["score"])
            for r in rows
        ]

    def stats(self) -> dict[str, Any]:
        one = self._scalar
        return {
            "articles": one("SELECT COUNT(*) FROM articles"),
            "failed": one("SELECT COUNT(*) FROM failures WHERE skipped = 0"),
            "skipped": one("SELECT COUNT(*) FROM failures WHERE skipped = 1"),
            "duplicates": one("SELECT COUNT(*) FROM duplicates"),
            "near_duplicates": one(
                "SELECT COUNT(*) FROM articles WHERE near_duplicate_of IS NOT NULL"
            ),
            "sources": one("SELECT COUNT(*) FROM sources"),
            "outlets": one("SELECT COUNT(DISTINCT outlet) FROM articles"),
            "first_published": one("SELECT MIN(published) FROM articles"),
            "last_published": one("SELECT MAX(published) FROM articles"),
            "schema_version": self.schema_version,
            "path": str(self.path),
        }

    def failures(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT origin, code, message, skipped, seen_at FROM failures ORDER BY seen_at DESC,"
            " origin LIMIT ?",
            (limit,),
        ).fetchall()
        return [dict(r) for r in rows]

    def _scalar(self, sql: str) -> Any:
        return self.conn.execute(sql).fetchone()[0]
