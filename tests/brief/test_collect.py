"""The ranking (a story many agencies report outranks one reported once) and the change
section (a pair whose conflict events doubled is listed), on stores with known counts."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from brief_articles import make_article
from lagebild.brief import build_brief, parse_period
from lagebild.model import Article

AGENCIES = ["dpa", "AFP", "Reuters", "AP", "epd"]


def _conn(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    return conn


def test_story_of_five_agencies_outranks_one_report(
        build_store: Callable[[list[Article]], Path]) -> None:
    articles = [make_article("Iran", "ASSAULT", "Irak", f"2015-09-1{i}", f"Blatt {i}", [agency],
                             note=f"Bericht {i}.") for i, agency in enumerate(AGENCIES)]
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
    before = [make_article("Russland", "ACCUSE", "Ukraine", f"2015-08-1{i}", "A", note=f"v{i}")
              for i in range(2)]
    now = [make_article("Ukraine", "ACCUSE", "Russland", f"2015-09-1{i}", "A", note=f"n{i}")
           for i in range(4)]
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
