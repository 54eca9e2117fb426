"""The relation aggregates (``store.relation_agg``) give exactly what counting event clusters
one by one gives (``relation_series_direct``, ``counterparts_direct``): periods, QuadClass
counts, Goldstein sums and means, top types and their order, mentions, distinct articles and
sources, examples; they survive re-ingest and re-clustering without counting twice, and a
store of the previous schema gets them filled by its migration."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from lagebild.model import (
    ActorRef,
    Article,
    ArticleBuilder,
    BlockType,
    Event,
    EventDate,
    Offsets,
    Origin,
    PloverType,
    Source,
    Span,
)
from lagebild.store import Store, relation_agg, relation_groups
from lagebild.store.clusters import cluster_all, prune
from lagebild.store.events import list_events
from lagebild.store.relation_agg import rebuild, refresh
from lagebild.store.relations import (
    counterparts,
    counterparts_direct,
    members,
    relation_series,
    relation_series_direct,
)
from lagebild.store.schema import MIGRATIONS

TABLES = relation_agg.TABLES + relation_groups.TABLES

ACTORS = ["USA", "RUS", "USAGOV", "RUSGOV", "per:john-kerry", "per:sergej-lawrow", "DEU",
          "UKR"]
TYPES = [(PloverType.ACCUSE, "111", 3, -2.0), (PloverType.CONSULT, "040", 1, 1.0),
         (PloverType.AID, "070", 2, 7.4), (PloverType.SANCTION, "163", 4, -8.1),
         (PloverType.THREATEN, "138", 3, None)]
OUTLETS = ["dpa", "AFP", "taz", None]


def _article(rng: random.Random, n: int) -> Article:
    """An article with 1–3 events: single and compound sides, dates of a day, a month, none."""
    sentences, events = [], []
    offset = 0
    for i in range(rng.randint(1, 3)):
        sentence = f"Meldung {n} Teil {i}: jemand hat jemanden kritisiert."
        plover, cameo, quad, goldstein = rng.choice(TYPES)
        sources = rng.sample(ACTORS, rng.choice([1, 1, 1, 2]))
        targets = rng.sample([a for a in ACTORS if a not in sources], rng.choice([1, 1, 2]))
        day = rng.choice([None, f"2015-0{rng.randint(1, 4)}", f"2015-0{rng.randint(1, 4)}-"
                                                              f"{rng.randint(10, 28)}"])
        start = offset + sentence.index("kritisiert")
        events.append(Event(
            type=plover, cameo=cameo, quad_class=quad, goldstein=goldstein,
            source=[ActorRef(id=a, name=a) for a in sources],
            target=[ActorRef(id=a, name=a) for a in targets],
            trigger=Span(start=start, end=start + 10, text="kritisiert"),
            date=EventDate(value=day) if day else None,
            sentence=Offsets(start=offset, end=offset + len(sentence))))
        sentences.append(sentence)
        offset += len(sentence) + 1
    builder = ArticleBuilder()
    builder.add(BlockType.PARAGRAPH, " ".join(sentences))
    published = f"2015-0{rng.randint(1, 4)}-{rng.randint(10, 28)}"
    builder.set(published=published, source=Source(outlet=rng.choice(OUTLETS)))
    article = builder.build(origin=Origin(path=f"a{n}.txt", reader="test"))
    assert article.text.startswith(sentences[0])
    return article.model_copy(update={"events": events})


def _copy(article: Article, n: int, outlet: str) -> Article:
    """An agency copy: the same events, the text with a line more, from another outlet, a
    day later."""
    builder = ArticleBuilder()
    builder.add(BlockType.PARAGRAPH, article.text + " Mehr in Kürze.")
    published = (article.published or "2015-01-10")[:8] + "2" + (article.published or "")[9:10]
    builder.set(published=published, source=Source(outlet=outlet))
    copy = builder.build(origin=Origin(path=f"copy{n}.txt", reader="test"))
    return copy.model_copy(update={"events": article.events})


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = random.Random(5)
    path = tmp_path_factory.mktemp("agg") / "agg.db"
    with Store(path) as store, store.transaction():
        for n in range(120):
            article = _article(rng, n)
            store.add(article)
            if n % 4 == 0:
                store.add(_copy(article, n, rng.choice(["Reuters", "AP"])))
    return path


def _tables(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    return {t: sorted(tuple(r) for r in conn.execute(f"SELECT * FROM {t}")) for t in TABLES}


def _compare(conn: sqlite3.Connection) -> int:
    """Every pair and period setting: aggregates == direct; the number of events seen."""
    seen = 0
    queries = [(members(conn, "USA"), members(conn, "RUS")), (["USA"], ["RUS"]),
               (["per:john-kerry"], members(conn, "RUS")), (["DEU", "UKR"], ["USA", "RUS"]),
               (members(conn, "USA"), ["USA", "RUS"])]  # overlapping sides
    for a, b in queries:
        for by in ("day", "week", "month", "year"):
            for directed in (False, True):
                for examples in (0, 1, 2):
                    fast = relation_series(conn, a, b, by=by, directed=directed,
                                           examples=examples)
                    assert fast == relation_series_direct(
                        conn, a, b, by=by, directed=directed, examples=examples), (
                        a, b, by, directed, examples)
                    seen += sum(p["events"] for p in fast)
        for dates in (("2015-02", None), (None, "2015-03-15"), ("2015-01-20", "2015-03")):
            assert relation_series(conn, a, b, date_from=dates[0], date_to=dates[1]) == \
                relation_series_direct(conn, a, b, date_from=dates[0], date_to=dates[1])
    for actor in ACTORS:
        for dates in ((None, None), ("2015-02", "2015-03")):
            group = members(conn, actor)
            assert counterparts(conn, group, date_from=dates[0], date_to=dates[1],
                                limit=50) == counterparts_direct(
                conn, group, date_from=dates[0], date_to=dates[1], limit=50), actor
    return seen


def test_aggregates_equal_the_direct_count(store_path: Path) -> None:
    with Store(store_path) as store:
        conn = store.conn
        # the store has what the test is about: copies, several mentions, compound sides
        assert conn.execute("SELECT MAX(mentions) FROM event_clusters").fetchone()[0] > 1
        assert conn.execute("SELECT COUNT(*) FROM relation_clusters WHERE pairs > 1"
                            ).fetchone()[0] > 5
        assert _compare(conn) > 100


def test_re_ingest_and_re_clustering_never_count_twice(store_path: Path,
                                                       tmp_path: Path) -> None:
    path = tmp_path / "again.db"
    with Store(store_path) as store:
        store.conn.execute(f"VACUUM INTO '{path}'")
    with Store(path) as store:
        conn = store.conn
        before = _tables(conn)
        ids = [r[0] for r in conn.execute("SELECT id FROM event_clusters")]
        with store.transaction():
            refresh(conn, ids)
            refresh(conn, ids[:7])
            prune(conn)
        assert _tables(conn) == before
        with store.transaction():
            rebuild(conn)
            rebuild(conn)
        assert _tables(conn) == before
        # the same articles again: unchanged, nothing counted again
        rng = random.Random(5)
        with store.transaction():
            for n in range(10):
                article = _article(rng, n)
                assert store.add(article).status == "unchanged"
                if n % 4 == 0:
                    copy = _copy(article, n, rng.choice(["Reuters", "AP"]))
                    assert store.add(copy).status == "unchanged"
        assert _tables(conn) == before
        # re-clustering from scratch: the same clusters, the same aggregates (cluster ids
        # are renumbered: types with equal counts may swap places)
        def series() -> list[dict[str, object]]:
            out = relation_series(conn, members(conn, "USA"), members(conn, "RUS"), examples=0)
            return [{**p, "top_types": sorted(p["top_types"], key=str)} for p in out]

        before_series = series()
        with store.transaction():
            cluster_all(conn)
        assert series() == before_series
        _compare(conn)


def test_previous_schema_is_migrated_and_filled(store_path: Path, tmp_path: Path) -> None:
    path, reference = tmp_path / "v4.db", tmp_path / "reclustered.db"
    with Store(store_path) as store:
        store.conn.execute(f"VACUUM INTO '{path}'")
        store.conn.execute(f"VACUUM INTO '{reference}'")
    with Store(reference) as store:  # migration 6 re-clusters: cluster ids by publication
        with store.transaction():
            cluster_all(store.conn)
        expected = _tables(store.conn)
    with sqlite3.connect(path) as conn:  # back to schema 4: no aggregates
        for table in TABLES:
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DROP INDEX articles_period")
        conn.execute("PRAGMA user_version = 4")
    with Store(path) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert _tables(store.conn) == expected
        _compare(store.conn)


def test_events_between_two_actors_equal_the_actor_index(store_path: Path) -> None:
    """``list_events(actor=, other=)`` finds the pair's events through the clusters filed
    under the pair: the same events, in the same order, as the actors' own index gives."""
    with Store(store_path) as store:
        conn = store.conn
        for a, b in (("USA", "RUS"), ("per:john-kerry", "RUSGOV"), ("DEU", "UKR")):
            wanted = {tuple(r) for r in conn.execute(
                """SELECT s.article_id, s.idx FROM event_actors s JOIN event_actors t
                     ON t.article_id = s.article_id AND t.idx = s.idx AND t.role = 'target'
                   WHERE s.role = 'source' AND ((s.actor_id = ? AND t.actor_id = ?)
                                                OR (s.actor_id = ? AND t.actor_id = ?))""",
                (a, b, b, a))}
            found = list_events(conn, actor=a, other=b, sort="date", limit=1000)
            keys = [(e["article_id"], e["idx"]) for e in found["items"]]
            assert set(keys) == wanted and found["total"] == len(wanted) > 0, (a, b)
            dates = [(e["date"] or e["published"], e["article_id"], e["idx"])
                     for e in found["items"]]
            assert dates == sorted(dates)
            page = list_events(conn, actor=a, other=b, sort="date", limit=3, offset=2)
            assert [(e["article_id"], e["idx"]) for e in page["items"]] == keys[2:5]


def test_aggregates_are_written_while_a_query_is_open(tmp_path: Path) -> None:
    """Ingest commits in batches while readers' statements may be open on the connection
    (registering an SQL function then failed: 'Error creating function')."""
    rng = random.Random(9)
    with Store(tmp_path / "open.db") as store, store.transaction():
        for n in range(3):
            store.add(_article(rng, n))
        open_cursor = store.conn.execute("SELECT id FROM articles")
        assert open_cursor.fetchone() is not None
        store.commit_and_continue()
        store.add(_article(rng, 3))
    with Store(tmp_path / "open.db") as store:
        assert store.conn.execute("SELECT COUNT(*) FROM relation_clusters").fetchone()[0] > 0
        assert store.conn.execute("SELECT COUNT(*) FROM relation_days WHERE week = ''"
                                  " AND day != ''").fetchone()[0] == 0
