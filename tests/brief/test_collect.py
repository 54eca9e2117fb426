"""The ranking (a story many agencies report outranks one reported once) and the change
section (a pair whose conflict events doubled is listed), on stores with known counts."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from brief_articles import make_article
from lagebild.brief import build_brief, parse_period
from lagebild.model import Article
from lagebild.store.relations import members, relation_series

AGENCIES = ["dpa", "AFP", "Reuters", "AP", "epd"]


def _conn(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    return conn


def test_story_of_five_agencies_outranks_one_report(
        build_store: Callable[[list[Article]], Path]) -> None:
    # five reports within two days of the first: one event cluster in the store
    articles = [make_article("Iran", "ASSAULT", "Irak", f"2015-09-1{i // 2}", f"Blatt {i}",
                             [agency], note=f"Bericht {i}.") for i, agency in enumerate(AGENCIES)]
    # reported once, by one outlet, and graver (Goldstein -10): still ranks below
    once = make_article("Peru", "ASSAULT", "Chile", "2015-09-12", "Kurier")
    once = once.model_copy(update={"events": [once.events[0].model_copy(
        update={"goldstein": -10.0})]})
    conn = _conn(build_store([*articles, once]))
    brief = build_brief(conn, parse_period("2015-09"))
    conflict = brief.events["4"]
    assert [(e.source[0].name, e.target[0].name) for e in conflict] == [("Iran", "Irak"),
                                                                        ("Peru", "Chile")]
    top, low = conflict
    assert top.articles == 5 and low.articles == 1
    assert set(AGENCIES) <= set(top.sources)
    assert top.score > low.score
    assert {r.factor for r in top.why} >= {"Artikel", "Quellen", "Goldstein"}
    # every report is evidence with offsets into its article
    ev = top.evidence[0]
    assert ev.text.startswith("Iran griff Irak")
    assert ev.href == f"#/article/{ev.article_id}?hl={ev.start}-{ev.end}"


def test_reports_far_apart_are_separate_events(
        build_store: Callable[[list[Article]], Path]) -> None:
    conn = _conn(build_store([
        make_article("Iran", "ASSAULT", "Irak", "2015-09-01", "A"),
        make_article("Iran", "ASSAULT", "Irak", "2015-09-20", "B", note="Erneut.")]))
    items = build_brief(conn, parse_period("2015-09")).events["4"]
    assert [e.articles for e in items] == [1, 1]


def test_doubled_conflict_is_listed_as_change(
        build_store: Callable[[list[Article]], Path]) -> None:
    # distinct events (a week apart: the store clusters reports within two days as one)
    before = [make_article("Russland", "ACCUSE", "Ukraine", f"2015-08-{day}", "A", note=day)
              for day in ("03", "17")]
    now = [make_article("Ukraine", "ACCUSE", "Russland", f"2015-09-{day}", "A", note=day)
           for day in ("01", "08", "15", "22")]
    steady = [make_article("Frankreich", "CONSULT", "Spanien", day, "B", note=day)
              for day in ("2015-08-20", "2015-09-20")]
    conn = _conn(build_store([*before, *now, *steady]))
    brief = build_brief(conn, parse_period("2015-09"))
    pairs = {(c.a.name, c.b.name): c for c in brief.changes}
    change = pairs[("Russland", "Ukraine")]
    assert (change.previous.q3, change.current.q3) == (2, 4)
    assert "verbaler Konflikt 2 → 4" in change.summary
    assert len(change.evidence) == 3 and all(e.text for e in change.evidence)
    assert ("Frankreich", "Spanien") not in pairs  # one meeting before, one now: no change
    # Ukraine accused before only as target, now as source: a new role, not new prominence
    roles = {p.actor.name: p for p in brief.prominent}
    assert roles["Ukraine"].new_roles == ["Urheber: verbaler Konflikt"]
    assert roles["Ukraine"].why.startswith("in neuer Rolle")
    assert roles["Ukraine"].evidence is not None


def test_newly_prominent_actor(build_store: Callable[[list[Article]], Path]) -> None:
    now = [make_article("Iran", "CONSULT", f"Land{i}", f"2015-09-1{i}", "A") for i in range(4)]
    conn = _conn(build_store([make_article("Peru", "CONSULT", "Chile", "2015-08-10", "B"),
                              *now]))
    prominent = {p.actor.name: p for p in build_brief(conn, parse_period("2015-09")).prominent}
    assert prominent["Iran"].mentions == 4 and prominent["Iran"].mentions_previous == 0
    assert prominent["Iran"].why.startswith("neu prominent")
    assert "Peru" not in prominent


def test_actor_focus_keeps_its_counterparts_only(
        build_store: Callable[[list[Article]], Path]) -> None:
    conn = _conn(build_store([
        make_article("Iran", "ASSAULT", "Irak", "2015-09-10", "A"),
        make_article("Peru", "ACCUSE", "Chile", "2015-09-11", "B")]))
    brief = build_brief(conn, parse_period("2015-09"), actors=["new:loc:iran"])
    assert [a.name for a in brief.actors] == ["Iran"]
    assert list(brief.events) == ["4"]
    assert all(c.a.id == "new:loc:iran" or c.b.id == "new:loc:iran" for c in brief.changes)


def test_reports_of_one_event_are_one_item_and_counted_once(
        build_store: Callable[[list[Article]], Path]) -> None:
    # two outlets report the same attack a day apart: one event cluster in the store
    reports = [make_article("Iran", "ASSAULT", "Irak", day, outlet, note=outlet)
               for day, outlet in (("2015-09-10", "Kurier"), ("2015-09-11", "Rundschau"))]
    conn = _conn(build_store(reports))
    assert conn.execute("SELECT COUNT(DISTINCT cluster_id) FROM events").fetchone()[0] == 1
    brief = build_brief(conn, parse_period("2015-09"))
    (item,) = brief.events["4"]
    assert item.articles == 2 and item.sources == ["Kurier", "Rundschau"]
    assert {e.outlet for e in item.evidence} == {"Kurier", "Rundschau"}
    assert brief.events_total == 2  # reports
    (change,) = brief.changes
    assert (change.previous.q4, change.current.q4) == (0, 1)  # one event, not two
    assert [(e.source, e.target, e.weight) for e in brief.network.edges] == [
        ("new:loc:iran", "new:loc:irak", 1)]


KERRY, USA, RUS = "per:john-kerry", "USA", "RUS"


def test_changes_are_counted_between_relation_keys_as_relations_counts(
        build_store: Callable[[list[Article]], Path]) -> None:
    """Kerry acts for the USA: his events count for USA–Russland, which is listed once and
    with the figures ``relations`` gives for the two states."""
    articles = [
        make_article("Kerry", "CONSULT", "Russland", "2015-08-05", "A", ids=(KERRY, RUS)),
        make_article("Kerry", "ACCUSE", "Russland", "2015-09-02", "A", ids=(KERRY, RUS)),
        make_article("USA", "ACCUSE", "Russland", "2015-09-12", "B", ids=(USA, RUS)),
        make_article("Russland", "ACCUSE", "USA", "2015-09-20", "C", ids=(RUS, USA)),
        # a second report of the last event: counted once
        make_article("Russland", "ACCUSE", "USA", "2015-09-21", "D", note="Auch.",
                     ids=(RUS, USA)),
        make_article("Peru", "ACCUSE", "Chile", "2015-09-03", "E"),
    ]
    conn = _conn(build_store(articles))
    brief = build_brief(conn, parse_period("2015-09"))
    pairs = {(c.a.id, c.b.id): c for c in brief.changes}
    assert set(pairs) == {(RUS, USA), ("new:loc:chile", "new:loc:peru")}  # no Kerry–RUS
    change = pairs[(RUS, USA)]
    assert (change.a.name, change.b.name) == ("Russland", "USA")  # names as written
    assert (change.previous.q1, change.current.q1) == (1, 0)
    assert (change.previous.q3, change.current.q3) == (0, 3)
    assert len(change.evidence) == 3
    for month, counts, mean in (("2015-09", change.current, change.goldstein_current),
                                ("2015-08", change.previous, change.goldstein_previous)):
        (series,) = relation_series(conn, members(conn, RUS), members(conn, USA), by="month",
                                    date_from=month, date_to=month)
        assert [series[f"q{q}"] for q in (1, 2, 3, 4)] == [counts.q1, counts.q2, counts.q3,
                                                           counts.q4]
        assert series["goldstein_mean"] == mean
    # the network at the same level: USA → RUS twice, RUS → USA once
    edges = {(e.source, e.target): e.weight for e in brief.network.edges}
    assert edges[(USA, RUS)] == 2 and edges[(RUS, USA)] == 1
    # with Kerry in focus, his own relation is listed
    focus = build_brief(conn, parse_period("2015-09"), actors=[KERRY])
    assert [(c.a.id, c.b.id) for c in focus.changes] == [(RUS, KERRY)]
    # with the USA in focus, Kerry's events are the USA's too
    focus = build_brief(conn, parse_period("2015-09"), actors=[USA])
    assert {e.source[0].id for items in focus.events.values() for e in items} == {
        KERRY, USA, RUS}
    assert [(c.a.id, c.b.id) for c in focus.changes] == [(RUS, USA)]
