"""A store written by the previous release (store schema 2, article schema 1: statements as
dicts from the quotation tagger) opens, is migrated, and reads back in the typed model.

The fixture ``tests/fixtures/store-v2-article-v1.db`` was made by release 0.1.0 (commit
``cb01689``) with ``lagebild ingest --accurate samples/wikinews-12291.txt
samples/wikinews-13246.txt``.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from lagebild.model import SCHEMA_VERSION as ARTICLE_SCHEMA
from lagebild.model import Article, StatementType
from lagebild.store import Store, StoreError
from lagebild.store.schema import SCHEMA_VERSION

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store-v2-article-v1.db"


@pytest.fixture()
def old_store(tmp_path: Path) -> Path:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURE, path)
    return path


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return [tuple(r) for r in conn.execute(sql).fetchall()]


def test_previous_release_store_is_migrated(old_store: Path) -> None:
    before = _rows(old_store, "SELECT article_id, idx, speaker_actor_id, speaker_text, kind, "
                              "start, end, text FROM statements ORDER BY article_id, idx")
    assert _rows(old_store, "PRAGMA user_version") == [(2,)] and before
    with Store(old_store) as store:
        assert store.schema_version == SCHEMA_VERSION
        ids = [r[0] for r in _rows(old_store, "SELECT id FROM articles ORDER BY id")]
        articles = [store.get(i) for i in ids]
    assert all(isinstance(a, Article) and a.schema_version == ARTICLE_SCHEMA for a in articles)
    statements = [s for a in articles if a for s in a.statements]
    assert len(statements) == len(before)
    assert all(s.type in StatementType and s.mode.value == "accurate" for s in statements)
    linked = [s for s in statements if s.speaker and s.speaker.actor]
    assert linked and all(s.speaker.actor.id for s in linked if s.speaker and s.speaker.actor)
    # the indexed rows keep what they held; the type is the canonical one
    after = _rows(old_store, "SELECT article_id, idx, speaker_actor_id, speaker_text, kind, "
                             "start, end, text FROM statements ORDER BY article_id, idx")
    assert after == before
    assert {r[0] for r in _rows(old_store, "SELECT mode FROM statements")} == {"accurate"}
    # every document was rewritten in the current article schema
    versions = _rows(old_store, "SELECT DISTINCT json_extract(doc, '$.schema_version') "
                                "FROM articles")
    assert versions == [(ARTICLE_SCHEMA,)]
    # migration 4: every stored event is a mention of an event cluster (this release's
    # fixture has no events; tests/store/test_clusters.py re-clusters stores that have)
    assert _rows(old_store, "SELECT COUNT(*) FROM events WHERE cluster_id IS NULL") == [(0,)]
    clustered = _rows(old_store, "SELECT COUNT(*), COALESCE(SUM(mentions), 0) FROM event_clusters")
    assert clustered[0][1] == _rows(old_store, "SELECT COUNT(*) FROM events")[0][0]


def test_migrated_store_reopens_unchanged(old_store: Path) -> None:
    Store(old_store).close()
    first = _rows(old_store, "SELECT id, doc FROM articles ORDER BY id")
    Store(old_store).close()
    assert _rows(old_store, "SELECT id, doc FROM articles ORDER BY id") == first


def test_old_store_cannot_be_migrated_read_only(old_store: Path) -> None:
    with pytest.raises(StoreError, match="needs a migration"):
        Store(old_store, readonly=True)


def test_failed_migration_leaves_the_old_store_intact(old_store: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(self: Store) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "_rewrite_documents", boom)
    with pytest.raises(RuntimeError, match="disk full"):
        Store(old_store)
    assert _rows(old_store, "PRAGMA user_version") == [(2,)]
    assert _rows(old_store, "SELECT name FROM sqlite_master WHERE name = 'event_actors'") == []
