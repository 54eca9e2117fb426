"""The event scorer on a hand-computed case, and ``lagebild eval events`` on a tiny file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.eval import events as ev
from lagebild.model import Actor, ActorRef, Article, Event, Mention, Offsets, Span


def _event(typ: str, text: str, trigger: str, source: list[ActorRef] | None = None,
           target: list[ActorRef] | None = None, modality: str = "asserted") -> Event:
    start = text.index(trigger)
    return Event(type=typ, trigger=Span(start=start, end=start + len(trigger), text=trigger),
                 sentence=Offsets(start=0, end=len(text)), source=source or [],
                 target=target or [], modality=modality)


GOLD = [
    {"id": "a", "text_de": "Die EU kritisierte Russland.", "event": "ACCUSE",
     "modality": "asserted", "event_text_de": "kritisierte",
     "source": [{"code": "IGOEUREU", "text_de": "Die EU"}],
     "target": [{"code": "RUSGOV", "text_de": "Russland"}]},
    {"id": "b", "text_de": "Die Polizei nahm ihn fest und verhörte ihn.", "event": "COERCE",
     "modality": "asserted", "event_text_de": "nahm",
     "source": [{"code": "DEUCOP", "text_de": "Die Polizei"}], "target": [],
     "other_events": ["ACCUSE"]},
    {"id": "c", "text_de": "Das Wetter war schön.", "event": None,
     "source": [], "target": [], "event_text_de": ""},
    {"id": "d", "text_de": "Die Minister sollen sich getroffen haben.", "event": "CONSULT",
     "modality": "alleged", "event_text_de": "getroffen",
     "source": [{"code": "DEUGOV", "text_de": "Die Minister"}], "target": []},
]


def _articles() -> list[Article | None]:
    texts = [g["text_de"] for g in GOLD]
    a = Article(text=texts[0], events=[
        # right type; source by cameo prefix (IGOEUR…), target wrong (cameo UKR, other name)
        _event("ACCUSE", texts[0], "kritisierte",
               [ActorRef(name="Europäische Union", cameo="IGOEUREEC")],
               [ActorRef(name="Ukraine", cameo="UKR")]),
        _event("ACCUSE", texts[0], "kritisierte"),  # a duplicate: one extra event
    ])
    b = Article(
        text=texts[1],
        actors=[Actor(id="org:polizei", name="Bundespolizei", type="ORG",
                      mentions=[Mention(start=4, end=11, text="Polizei", kind="name",
                                        confidence=1.0)])],
        events=[
            # source matched through the actor layer's mention (name/code do not match)
            _event("COERCE", texts[1], "nahm", [ActorRef(id="org:polizei", name="BPol")]),
            _event("ACCUSE", texts[1], "verhörte"),  # listed in other_events: not an FP
            _event("ASSAULT", texts[1], "nahm"),  # false alarm
        ])
    c = Article(text=texts[2], events=[_event("PROTEST", texts[2], "Wetter")])  # on null
    return [a, b, c, None]  # d: no article (analysis failed) -> a miss


def test_score_hand_computed() -> None:
    items = [ev.parse_item(g, f"gold:{i + 1}") for i, g in enumerate(GOLD)]
    r = ev.score_events(items, _articles(), errors=True)
    # TP: a (ACCUSE), b (COERCE); FN: d (CONSULT); FP: ASSAULT on b, PROTEST on c
    assert (r["tp"], r["fp"], r["fn"]) == (2, 2, 1)
    assert r["precision"] == pytest.approx(0.5)
    assert r["recall"] == pytest.approx(2 / 3)
    assert r["f1"] == pytest.approx(4 / 7)
    assert r["per_type"]["ACCUSE"] == {"support": 1, "tp": 1, "fp": 0, "fn": 0,
                                       "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert r["per_type"]["CONSULT"]["fn"] == 1
    assert r["per_type"]["PROTEST"]["fp"] == 1 and r["per_type"]["PROTEST"]["support"] == 0
    # macro F1 over the types with gold support: ACCUSE 1, COERCE 1, CONSULT 0
    assert r["macro_f1"] == pytest.approx((1 + 1 + 0) / 3)
    # source: a (IGOEUR prefix) and b (mention overlap) -> 2/2; target: a wrong -> 0/1
    assert (r["source_accuracy"], r["source_scored"]) == (1.0, 2)
    assert (r["target_accuracy"], r["target_scored"]) == (0.0, 1)
    assert (r["modality_accuracy"], r["modality_scored"]) == (1.0, 2)
    # extra: a 1 (duplicate), b 1 (ASSAULT; ACCUSE is an other_event), c 1, d 0 -> 3/4
    assert r["extra_per_item"] == pytest.approx(0.75)
    assert r["null_clean"] == 0.0
    kinds = sorted((e["id"], e["kind"]) for e in r["errors"])
    assert kinds == [("b", "false_alarm"), ("c", "false_alarm"), ("d", "miss")]


def test_country_part_and_matching() -> None:
    assert ev.country_part("USAGOV") == "USA"
    assert ev.country_part("IGOEUREU") == "IGOEUR"
    assert ev.country_part("CVL") is None
    gold = ev.GoldActor("RUSMIL", "russische Truppen")
    assert ev.actor_matches(ActorRef(name="x", cameo="RUS"), gold)
    assert ev.actor_matches(ActorRef(name="Truppen Russlands"), gold)
    assert not ev.actor_matches(ActorRef(name="Ukraine", cameo="UKRMIL"), gold)


def test_a_short_name_matches_only_when_equal() -> None:
    pronoun = ev.GoldActor(code="USA", text_de="Er")
    assert ev.actor_matches(ActorRef(name="er"), pronoun)  # the same (unlinked) words
    assert not ev.actor_matches(ActorRef(name="Er selbst"), pronoun)
    assert not ev.actor_matches(ActorRef(name="sie"), pronoun)


@pytest.mark.parametrize(("line", "reason"), [
    ("{not json", "invalid JSON"),
    ('{"text_de": "x", "event": "ATTACK"}', "unknown PLOVER type"),
    ('{"text_de": "x"}', "'event' missing"),
    ('{"text_de": "x", "event": null, "modality": "maybe"}', "unknown modality"),
    ('{"text_de": "x", "event": "AID", "source": [{"code": 1}]}', "'source' entries"),
])
def test_bad_file_exit_2(tmp_path: Path, line: str, reason: str) -> None:
    from lagebild.cli import app

    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(GOLD[2]) + "\n" + line + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "events", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:2" in result.output and reason in result.output


def test_cli_tiny_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command on two items; the analyzer is replaced by one that returns fixed events,
    so the test checks the command's plumbing, not a model."""
    from lagebild.cli import app

    gold = tmp_path / "tiny.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in GOLD[:3]) + "\n", encoding="utf-8")
    seen: list[tuple[str, str | None]] = []

    def fake(items, stages, origin):
        for item in items:
            article = ev.build_article(item, origin)
            seen.append((article.text, article.published))
        return _articles()[:3]

    monkeypatch.setattr(ev, "analyse_items", fake)
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "events", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["items"] == 3 and data["tp"] == 2 and data["fp"] == 2 and data["fn"] == 0
    assert seen[0] == (GOLD[0]["text_de"], None)
    result = runner.invoke(app, ["eval", "events", str(gold), "--errors"])
    assert result.exit_code == 0, result.output
    assert "ACCUSE" in result.output and "false_alarm" in result.output


def test_false_alarms_are_the_types_neither_gold_nor_other() -> None:
    from lagebild.eval.events import GoldItem, false_alarms

    item = GoldItem(id="x", text_de="…", event="ACCUSE", other_events=("REJECT",))
    assert false_alarms(item, ["ACCUSE", "REJECT", "ASSAULT", "ASSAULT", "AID"]) == [
        "ASSAULT", "AID"]
    assert false_alarms(GoldItem(id="y", text_de="…", event=None), ["AID"]) == ["AID"]


def test_counted_scores_only_the_events_the_store_counts(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    """``--counted``: events under ``COUNT_MIN_CONFIDENCE`` are taken out before scoring,
    those at it stay."""
    from lagebild.cli import app
    from lagebild.store.clusters import COUNT_MIN_CONFIDENCE

    def fake(items, stages, origin):
        articles = _articles()[:3]
        b = articles[1]
        assert b is not None  # its false alarm (ASSAULT) is unsure, its COERCE at the floor
        events = [e.model_copy(update={"confidence": COUNT_MIN_CONFIDENCE - 0.01})
                  if e.type.value == "ASSAULT" else
                  e.model_copy(update={"confidence": COUNT_MIN_CONFIDENCE}) for e in b.events]
        return [articles[0], b.model_copy(update={"events": events}), articles[2]]

    monkeypatch.setattr(ev, "analyse_items", fake)
    items = [ev.parse_item(g, f"gold:{i + 1}") for i, g in enumerate(GOLD[:3])]
    everything = ev.evaluate_events(items, [])
    counted = ev.evaluate_events(items, [], counted=True)
    assert (everything["tp"], everything["fp"]) == (2, 2)
    assert (counted["tp"], counted["fp"]) == (2, 1)  # only the unsure ASSAULT is gone
    assert counted["emitted_events"] == everything["emitted_events"] - 1
    gold = tmp_path / "tiny.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in GOLD[:3]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "events", str(gold), "--json", "--counted"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["fp"] == 1


def test_event_dates_scored_by_value_and_counted_month() -> None:
    """Three dated items: the right day (clock time ignored), the wrong month, and an
    undated gold event that the system dates; one item without ``date`` is not scored."""
    from lagebild.model import EventDate

    text = "Am Montag um 14 Uhr kritisierte die EU im Mai Russland."

    def dated(value: str | None) -> Article:
        event = _event("ACCUSE", text, "kritisierte")
        if value is not None:
            event = event.model_copy(update={"date": EventDate(value=value, text="x")})
        return Article(text=text, events=[event])

    base = {"text_de": text, "event": "ACCUSE", "event_text_de": "kritisierte",
            "published": "2015-09-16"}
    gold = [
        {**base, "id": "day", "date": {"text": "Montag um 14 Uhr", "value": "2015-09-14T14:00"}},
        {**base, "id": "month", "date": {"text": "Montag", "value": "2015-09-14"}},
        {**base, "id": "undated", "date": None},
        {**base, "id": "unscored"},
    ]
    items = [ev.parse_item(g, f"gold:{i + 1}") for i, g in enumerate(gold)]
    assert [(i.dated, i.date) for i in items] == [
        (True, "2015-09-14T14:00"), (True, "2015-09-14"), (True, None), (False, None)]
    articles: list[Article | None] = [dated("2015-09-14"), dated("2015-05"),
                                      dated("2015-09"), dated("2014")]
    r = ev.score_events(items, articles, errors=True)
    assert r["date_scored"] == 3
    assert r["date_accuracy"] == pytest.approx(1 / 3)  # only "day"
    # counted months: day 2015-09 = 2015-09; month 2015-05 ≠ 2015-09; the undated gold event
    # is counted on the publication day, and so is "2015-09", which holds it
    assert r["date_month_accuracy"] == pytest.approx(2 / 3)
    assert sorted(e["id"] for e in r["errors"] if e["kind"] == "date") == ["month", "undated"]
    assert ev.calendar_part("2008-01-28TMO") == "2008-01-28"
    with pytest.raises(ev.EventGoldError, match="'date' must be null"):
        ev.parse_item({**base, "date": {"text": "Montag"}}, "gold:9")
