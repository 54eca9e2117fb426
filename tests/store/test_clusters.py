"""Event clusters: agency copies of one story, and separate reports of one event, are one
event with several mentions; different days or actors stay apart."""

from __future__ import annotations

from pathlib import Path

from event_articles import STORY
from event_articles import event_article as _article
from lagebild.brief.clusters import period_clusters
from lagebild.model import Article, PloverType
from lagebild.store import Store
from lagebild.store.clusters import (
    COUNT_MIN_CONFIDENCE,
    cluster_all,
    event_day,
    get_cluster,
    list_clusters,
)
from lagebild.store.events import event_timeline, list_events
from lagebild.store.relations import counterparts, relation_series
from lagebild.store.schema import MIGRATIONS


def _store(path: Path, articles: list[Article]) -> Store:
    store = Store(path)
    with store.transaction():
        for article in articles:
            store.add(article)
    return store


def test_agency_copies_are_one_event_with_several_mentions(tmp_path: Path) -> None:
    # the copies are dated days apart (late reprints): the near-duplicate link decides
    copies = [
        _article(STORY, "2015-09-14", "dpa.txt", "dpa", "2015-09-14"),
        _article(STORY.replace("scharf", "heftig"), "2015-09-20", "afp.txt", "AFP", None),
        _article(STORY + " Mehr dazu später.", "2015-09-25", "rtr.txt", "Reuters", None),
    ]
    with _store(tmp_path / "s.db", copies) as store:
        clusters = list_clusters(store.conn)
        assert clusters["total"] == 1
        (cluster,) = clusters["items"]
        assert (cluster["mentions"], cluster["articles"], cluster["sources"]) == (3, 3, 3)
        assert cluster["source_ids"] == ["USA"] and cluster["target_ids"] == ["RUS"]
        assert cluster["day"] == "2015-09-14"
        full = get_cluster(store.conn, cluster["id"])
        assert full is not None and len(full["items"]) == 3


def test_separate_reports_within_two_days_join_and_others_stay_apart(tmp_path: Path) -> None:
    other = "Die USA haben Russland kritisiert. Ein ganz anderer Bericht mit eigenen Worten."
    articles = [
        _article(STORY, "2015-09-14", "a.txt", "dpa", "2015-09-14"),
        _article(other, "2015-09-15", "b.txt", "taz", None),  # same event, next day
        _article("Die USA haben Russland erneut kritisiert. Wieder ein Streit.", "2015-10-02",
                 "c.txt", "taz", None),  # weeks later
        _article("Russland hat die USA kritisiert. Nichts weiter.", "2015-09-14", "d.txt",
                 "FAZ", None, source="RUS", target="USA"),  # other direction
        _article("Die USA haben Russland kritisiert und bedroht. Noch ein Text.", "2015-09-14",
                 "e.txt", "SZ", None, plover=PloverType.THREATEN),  # other type
    ]
    with _store(tmp_path / "s.db", articles) as store:
        items = list_clusters(store.conn)["items"]
        assert len(items) == 4
        assert sorted(c["mentions"] for c in items) == [1, 1, 1, 2]
        joined = next(c for c in items if c["mentions"] == 2)
        assert joined["sources"] == 2 and joined["day"] == "2015-09-14"
        # re-clustering from scratch gives the same clusters; re-adding changes nothing
        before = sorted((c["day"], c["mentions"]) for c in items)
        with store.transaction():
            cluster_all(store.conn)
            for article in articles:
                store.add(article)
        after = sorted((c["day"], c["mentions"]) for c in list_clusters(store.conn)["items"])
        assert after == before


def test_event_day() -> None:
    assert event_day("2015-09-16", "2015-09-18") == "2015-09-16"
    assert event_day("2015-09", "2015-09-18T10:00") == "2015-09-18"
    assert event_day("2014-03", "2015-09-18") == "2014-03-01"
    assert event_day(None, "2015-09-18") == "2015-09-18"
    assert event_day("PRESENT_REF", None) is None


def _unsure(article: Article, confidence: float) -> Article:
    event = article.events[0].model_copy(update={"confidence": confidence})
    return article.model_copy(update={"events": [event]})


def test_an_event_below_the_counting_floor_is_stored_and_listed_but_not_counted(
        tmp_path: Path) -> None:
    sure = _article(STORY, "2015-09-14", "a.txt", "dpa", "2015-09-14")
    unsure = _unsure(_article("Russland hat die USA kritisiert. Nichts weiter.", "2015-09-14",
                              "b.txt", "FAZ", None, source="RUS", target="USA"),
                     COUNT_MIN_CONFIDENCE - 0.01)
    at_floor = _unsure(_article("China hat Japan kritisiert. Sonst nichts.", "2015-09-14",
                                "c.txt", "taz", None, source="CHN", target="JPN"),
                       COUNT_MIN_CONFIDENCE)
    with _store(tmp_path / "s.db", [sure, unsure, at_floor]) as store:
        conn = store.conn
        assert list_events(conn, actor="RUS")["total"] == 2  # stored and listed: evidence
        listed = list_events(conn, source="RUS")["items"]
        assert [e["confidence"] for e in listed] == [COUNT_MIN_CONFIDENCE - 0.01]
        clustered = {tuple(c["source_ids"]) for c in list_clusters(conn)["items"]}
        assert clustered == {("USA",), ("CHN",)}
        assert conn.execute("SELECT COUNT(*) FROM events WHERE cluster_id IS NULL"
                            ).fetchone()[0] == 1
        # what counts events counts the clustered ones only: RUS → USA is not a relation
        assert [(p["id"], p["events"]) for p in counterparts(conn, ["RUS"])] == [("USA", 1)]
        directed = relation_series(conn, ["RUS"], ["USA"], by="month", directed=True)
        assert sum(p["events"] for p in directed) == 0
        assert sum(m["total"] for m in event_timeline(conn)) == 2  # the timeline counts too
        between = list_events(conn, actor="RUS", other="USA")["items"]  # the pair's events
        assert [e["source_actor_id"] for e in between] == ["USA"]
        briefed, reports = period_clusters(conn, "2015-09-01", "2015-10-01")  # and the brief
        assert len(briefed) == len(reports) == 2
        # a re-clustering (migration 6) leaves it out again; re-adding changes nothing
        with store.transaction():
            cluster_all(conn)
            store.add(unsure)
        assert {tuple(c["source_ids"]) for c in list_clusters(conn)["items"]} == clustered


def test_a_store_clustered_before_the_floor_is_reclustered(tmp_path: Path) -> None:
    unsure = _unsure(_article(STORY, "2015-09-14", "a.txt", "dpa", "2015-09-14"), 0.3)
    path = tmp_path / "s.db"
    with _store(path, [unsure]) as store:  # as schema 5 clustered it: every event
        conn = store.conn
        cid = conn.execute("INSERT INTO event_clusters(plover, actors_key, day,"
                           " root_article_id, root_idx) SELECT plover, 'USA>RUS',"
                           " '2015-09-14', article_id, idx FROM events").lastrowid
        conn.execute("UPDATE events SET cluster_id = ?", (cid,))
        conn.execute("PRAGMA user_version = 5")
        conn.commit()
    with Store(path) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert list_clusters(store.conn)["total"] == 0
        assert [tuple(r) for r in store.conn.execute("SELECT cluster_id FROM events")] == [(None,)]
