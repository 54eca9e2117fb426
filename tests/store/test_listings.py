"""Store listings over hand-built typed layers: statement and event filters, actor
resolution, the actor profile, and the shared filter/paging helpers."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from lagebild.store.actor_index import actor_index, resolve_actor, resolve_in_store
from lagebild.store.actors import get_actor
from lagebild.store.events import event_timeline, list_events
from lagebild.store.filters import Where, is_date, like_pattern, page, slice_page
from lagebild.store.statements import list_statements
from layered_store import SPEAKER_ID, build_layered_store


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    path = build_layered_store(tmp_path_factory.mktemp("layers") / "s.db")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


def _events(conn: sqlite3.Connection, **filters: object) -> list[tuple[str, str]]:
    items = list_events(conn, sort="date", **filters)["items"]  # type: ignore[arg-type]
    return [(e["plover"], e["date"]) for e in items]


# -- events ----------------------------------------------------------------------------
def test_compound_actor_event_is_found_by_each_actor(conn: sqlite3.Connection) -> None:
    consult = ("CONSULT", "2015-09-16")
    # Russland is the second source of "Die USA und Russland verhandeln": the event row's
    # source_actor_id is USA, only event_actors knows Russland
    assert consult in _events(conn, actor="RUS")
    assert consult in _events(conn, actor="USA")
    assert consult in _events(conn, source="RUS")
    assert _events(conn, actor="RUS") == [("ACCUSE", None), consult]
    assert _events(conn, target="USA") == [("ACCUSE", None)]
    assert _events(conn, target="RUS") == []
    assert _events(conn, actor="RUS", other="USA") == [("ACCUSE", None)]


def test_event_type_modality_and_dates(conn: sqlite3.Connection) -> None:
    assert _events(conn, plover="sanction") == [("SANCTION", "2015-10")]
    assert _events(conn, code="16") == [("SANCTION", "2015-10")]
    assert _events(conn, modality="PLANNED") == [("SANCTION", "2015-10")]
    assert len(_events(conn, modality="asserted")) == 2
    # the accusation has no event date: its article's date (2014-03-01) counts
    assert _events(conn, date_to="2014") == [("ACCUSE", None)]
    assert _events(conn, date_from="2015-10", date_to="2015-10") == [("SANCTION", "2015-10")]


def test_event_rows_carry_sides_trigger_and_evidence(conn: sqlite3.Connection) -> None:
    event = list_events(conn, plover="CONSULT")["items"][0]
    assert event["source"] == "USA und Russland" and event["target"] is None
    assert event["trigger"] == "verhandeln"
    assert event["text"] == "Die USA und Russland verhandeln in Genf über Syrien."


def test_timeline_counts_compound_sides(conn: sqlite3.Connection) -> None:
    months = {m["month"]: m for m in event_timeline(conn, actor="RUS")}
    assert months["2015-09"]["q1"] == 1 and months["2014-03"]["q3"] == 1


# -- statements --------------------------------------------------------------------------
def _texts(conn: sqlite3.Connection, **filters: object) -> list[str]:
    items = list_statements(conn, **filters)["items"]  # type: ignore[arg-type]
    return [s["text"] for s in items]


QUOTE = "„Wir unterstützen die Gespräche mit Russland.“"
REPORTED = "plant China Sanktionen gegen Nordkorea"


def test_statement_filters(conn: sqlite3.Connection) -> None:
    assert _texts(conn, speaker=SPEAKER_ID) == [QUOTE]
    # an unlinked speaker: matched through the speaker text of the actor's mentions
    assert _texts(conn, speaker="new:per:anna-probe") == [REPORTED]
    assert _texts(conn, about="RUS") == [QUOTE]
    assert _texts(conn, about="CHN") == [REPORTED]
    assert _texts(conn, about="PRK") == [REPORTED]
    assert _texts(conn, about="USA") == []  # mentioned, but outside every quote
    assert _texts(conn, about=SPEAKER_ID) == []  # the speaker's own statement is not about
    assert _texts(conn, kind="direct") == [QUOTE]
    assert _texts(conn, mode="accurate") == [QUOTE]
    assert _texts(conn, date_from="2016") == []
    assert _texts(conn, q="50%") == []  # LIKE wildcards are literal
    first = list_statements(conn, kind="Direct")["items"][0]
    assert first["cue"] == "sagte" and first["speaker"] == "Frank Beispiel"


# -- actors ------------------------------------------------------------------------------
def test_resolve_names(conn: sqlite3.Connection) -> None:
    index = actor_index(conn)
    assert resolve_actor(index, "RUS").id == "RUS"
    assert resolve_actor(index, "russland").id == "RUS"  # KB name or alias, any case
    assert resolve_actor(index, "Frank Beispiel").id == SPEAKER_ID
    assert resolve_actor(index, "Beispiel").id == SPEAKER_ID  # the only name with that word
    assert resolve_actor(index, "anna probe").id == "new:per:anna-probe"
    missing = resolve_actor(index, "Nord")
    assert missing.id is None and [c.id for c in missing.candidates] == ["PRK"]
    assert resolve_actor(index, "Xylophon").candidates == []
    assert resolve_in_store(conn, "USA").id == "USA"


def test_actor_profile_has_statements_and_compound_events(conn: sqlite3.Connection) -> None:
    russia = get_actor(conn, "RUS")
    assert russia is not None
    assert [s["text"] for s in russia["statements_about"]] == [QUOTE]
    assert {e["plover"] for e in russia["events"]} == {"CONSULT", "ACCUSE"}
    roles = {m["month"]: m for m in russia["roles_by_month"]}
    assert roles["2015-09"]["source"] == 1 and roles["2014-03"]["source"] == 1
    usa = get_actor(conn, "USA")
    assert usa is not None
    roles = {m["month"]: m for m in usa["roles_by_month"]}
    assert roles["2015-09"]["source"] == 1 and roles["2014-03"]["target"] == 1
    speaker = get_actor(conn, SPEAKER_ID)
    assert speaker is not None and [s["text"] for s in speaker["statements_by"]] == [QUOTE]


# -- helpers -----------------------------------------------------------------------------
def test_where_builds_conditions_in_order() -> None:
    where = Where().add("a = ?", 1).dates("d", "2005", "2005-10").like("t", "x_y")
    assert where.sql == "WHERE a = ? AND d >= ? AND d < ? AND t LIKE ? ESCAPE '\\'"
    assert where.params == [1, "2005", "2005-10\uffff", "%x\\_y%"]
    assert Where().sql == "" and Where().dates("d", None, None).params == []
    assert Where().any_of("c", []).sql == "WHERE 0"
    assert like_pattern("100%\\") == "%100\\%\\\\%"


def test_page_shape_and_dates() -> None:
    assert page([{"a": 1}], 7, 1, 2) == {"total": 7, "limit": 1, "offset": 2,
                                         "items": [{"a": 1}]}
    assert slice_page([{"n": n} for n in range(5)], 2, 3) == {
        "total": 5, "limit": 2, "offset": 3, "items": [{"n": 3}, {"n": 4}]}
    assert is_date("2015") and is_date("2015-09-16") and not is_date("yesterday")

