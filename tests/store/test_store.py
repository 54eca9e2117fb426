from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from lagebild.errors import ErrorCode
from lagebild.ingest.base import Failure
from lagebild.model import Article, ArticleBuilder, BlockType, Origin
from lagebild.store import AddStatus, Store, StoreError, minhash
from lagebild.store.db import MMAP_BYTES
from lagebild.store.schema import SCHEMA_VERSION

BODY = (
    "Die USA und Russland erwägen offenbar ein gemeinsames militärisches Vorgehen gegen die "
    "Terrormiliz Islamischer Staat in Syrien. Im Gespräch seien Absprachen auf militärischer "
    "Ebene, sagte US-Außenminister John Kerry. Der Vorschlag kam nach Kerrys Angaben von "
    "russischer Seite. Es gebe ernsthafte Zweifel an den Absichten Russlands, hieß es weiter. "
    "Weißes Haus, Pentagon und State Department diskutierten derzeit das weitere Vorgehen."
)


def make(text: str, path: str = "a.txt", title: str = "Moskau sucht Gespräch") -> Article:
    builder = ArticleBuilder()
    builder.add_title(None, title, joined=False)
    builder.add(BlockType.PARAGRAPH, text)
    return builder.build(origin=Origin(path=path, reader="test"))


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "s.db")


def test_new_store_is_migrated_and_in_wal_mode(store: Store) -> None:
    assert store.schema_version == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_only_readers_map_the_file_into_memory(store: Store) -> None:
    """A writer's map would grow with the file it writes, and its resident size with it."""
    assert store.conn.execute("PRAGMA mmap_size").fetchone()[0] == 0
    reader = Store(store.path, readonly=True)
    assert reader.conn.execute("PRAGMA mmap_size").fetchone()[0] == MMAP_BYTES
    reader.close()


def test_same_article_twice_is_stored_once(store: Store) -> None:
    article = make(BODY)
    assert store.add(article).status is AddStatus.STORED
    assert store.add(article).status is AddStatus.UNCHANGED
    copy = article.model_copy(update={"origin": Origin(path="b.txt")})
    assert store.add(copy).status is AddStatus.DUPLICATE
    assert store.add(copy).status is AddStatus.DUPLICATE  # linked once, not counted twice
    stats = store.stats()
    assert stats["articles"] == 1 and stats["duplicates"] == 1


def test_agency_copy_is_flagged_and_linked_not_dropped(store: Store) -> None:
    first = make(BODY)
    copy = make(BODY.replace("hieß es weiter", "hieß es"), path="b.txt",
                title="Moskau will mit USA reden")
    other = make("Der FC Bayern gewann am Samstag das Spiel gegen Dortmund mit drei zu null "
                 "Toren, nachdem die Mannschaft lange überlegen gewesen war.", path="c.txt")
    assert store.add(first).near_duplicate_of is None
    result = store.add(copy)
    assert result.status is AddStatus.STORED
    assert result.near_duplicate_of == first.id
    assert store.add(other).near_duplicate_of is None
    assert store.stats()["near_duplicates"] == 1
    assert store.stats()["articles"] == 3


def test_minhash_similarity_separates_copies_from_other_texts() -> None:
    sig = minhash.signature(BODY)
    assert minhash.similarity(sig, minhash.signature(BODY)) == 1.0
    assert minhash.similarity(sig, minhash.signature(BODY + " Mehr dazu.")) >= minhash.THRESHOLD
    other = minhash.signature("Ganz anderer Text über Fußball, das Wetter und die Bahn.")
    assert minhash.similarity(sig, other) < 0.2
    assert minhash.from_bytes(minhash.to_bytes(sig)).tolist() == sig.tolist()


def test_search_handles_punctuation_and_umlauts(store: Store) -> None:
    store.add(make(BODY))
    assert [h.id for h in store.search("US-Außenminister Kerry")] == [make(BODY).id]
    assert store.search('"unbalanced') == []
    assert store.search("   ") == []
    assert store.search("aussenminister") == []  # no false stemming claims


def test_search_with_control_characters(store: Store) -> None:
    from lagebild.store.db import fts_query

    store.add(make(BODY))
    assert fts_query("\x00") == ""
    assert fts_query("Kerry\x00Lawrow") == '"Kerry" "Lawrow"'
    assert store.search("\x00") == []  # a NUL used to end the FTS5 string: sqlite3 error
    assert [h.id for h in store.search("Kerry\x07")] == [make(BODY).id]


def test_failures_are_stored_once_and_cleared_on_success(store: Store) -> None:
    failure = Failure(Origin(path="a.txt"), ErrorCode.E006, "[E006] no article text")
    store.add_failure(failure)
    store.add_failure(failure)
    assert store.stats()["failed"] == 1
    store.add(make(BODY, path="a.txt"))
    assert store.stats()["failed"] == 0


def test_get_by_prefix_and_round_trip(store: Store) -> None:
    article = make(BODY)
    store.add(article)
    assert store.get(article.id) == article
    assert store.get(article.id[:8]) == article
    assert store.get("nope") is None


def test_store_from_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_migrates_old_store_in_place(tmp_path: Path) -> None:
    from lagebild.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    conn.close()
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION
    store.add(make(BODY))
    assert store.stats()["articles"] == 1


def test_readonly_store_must_exist(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "missing.db", readonly=True)
