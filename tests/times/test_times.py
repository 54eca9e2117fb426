"""Temporal expressions: finding, normalising, the stage, ``date_for_span``, ``eval time``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.model import Article, TimeType
from lagebild.stages import MODES, get, load_stages, run_stages
from lagebild.times import date_for_span, find_times

REPO = Path(__file__).resolve().parents[2]
PUB = "2015-10-14"  # a Wednesday


def one(text: str, published: str | None = PUB) -> tuple[str, TimeType, str | None]:
    found = find_times(text, published)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    t = found[0]
    assert text[t.start : t.end] == t.text
    return t.text, t.type, t.value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Das war im März 2014.", "März 2014", "2014-03"),
        ("Das war Ende September.", "Ende September", "2015-09"),
        ("Er kam am 3. Oktober 2015.", "3. Oktober 2015", "2015-10-03"),
        ("Er kam am 03.10.2015.", "03.10.2015", "2015-10-03"),
        ("Er kam am 3. Oktober.", "3. Oktober", "2015-10-03"),
        ("Das Gesetz gilt seit 2015.", "2015", "2015"),
        ("Das war im Jahr 2014.", "Jahr 2014", "2014"),
        ("Anfang 2016 soll es kommen.", "Anfang 2016", "2016"),
        ("Im Frühjahr begann es.", "Frühjahr", "2015-SP"),
        ("Mitte der 1990er Jahre begann es.", "Mitte der 1990er Jahre", "199"),
        ("Es geschah in der vergangenen Woche.", "vergangenen Woche", "2015-W41"),
        ("Es geschah letzten Monat.", "letzten Monat", "2015-09"),
        ("Es geschah vor zwei Wochen.", "vor zwei Wochen", "2015-W40"),
        ("Es geschah gestern.", "gestern", "2015-10-13"),
        ("Es geschah vorgestern.", "vorgestern", "2015-10-12"),
        ("Es geschieht heute.", "heute", "2015-10-14"),
        ("Es geschieht morgen.", "morgen", "2015-10-15"),
        ("Es geschieht übermorgen.", "übermorgen", "2015-10-16"),
        ("Er hat am Montag gesprochen.", "Montag", "2015-10-12"),
        ("Er hat am Mittwoch gesprochen.", "Mittwoch", "2015-10-14"),  # the publication day
        ("Er hat am Donnerstag gesprochen.", "Donnerstag", "2015-10-08"),
        ("Er wird am Donnerstag sprechen.", "Donnerstag", "2015-10-15"),
        ("Er spricht kommenden Mittwoch.", "kommenden Mittwoch", "2015-10-21"),
        ("Er sprach am vergangenen Mittwoch.", "vergangenen Mittwoch", "2015-10-07"),
        # a weekday of a named week is one expression: that day of that ISO week
        ("Er kam am Freitag vergangener Woche.", "Freitag vergangener Woche", "2015-10-09"),
        ("Er kam am Donnerstag letzter Woche.", "Donnerstag letzter Woche", "2015-10-08"),
        ("Er kam am Montag dieser Woche.", "Montag dieser Woche", "2015-10-12"),
        ("Er kam am Mittwoch vergangener Woche.", "Mittwoch vergangener Woche", "2015-10-07"),
        ("Er kommt am Montag der kommenden Woche.", "Montag der kommenden Woche", "2015-10-19"),
        ("Er kam am Montagmorgen.", "Montagmorgen", "2015-10-12TMO"),
        # a night by the day it runs into, as "in der Nacht zu heute" (the guideline's way)
        ("Es brannte in der Nacht zum Sonntag.", "Nacht zum Sonntag", "2015-10-11TNI"),
        ("Es brannte in der Nacht auf Donnerstag.", "Nacht auf Donnerstag", "2015-10-08TNI"),
        ("Es brannte am Abend des Montags.", "Abend des Montags", "2015-10-12TEV"),
        ("Der Ehrentag ist Weihnachten.", "Weihnachten", "2015-12-25"),
        ("Sie kommen am Ostermontag.", "Ostermontag", "2016-03-28"),  # nearer than 2015-04-06
        ("Herbst kommenden Jahres.", "Herbst kommenden Jahres", "2016-FA"),
        ("Im Vergleich zum Vorjahr.", "Vorjahr", "2014"),
        ("Es geschah im ablaufenden Jahr.", "ablaufenden Jahr", "2015"),
        ("Das ist jetzt anders.", "jetzt", "PRESENT_REF"),
    ],
)
def test_dates(text: str, span: str, value: str) -> None:
    text_, _, value_ = one(text)
    assert (text_, value_) == (span, value)


def test_the_first_day_of_a_coordination_or_range_is_an_expression() -> None:
    for text in ("Sie trafen sich am 10. und 11. Juli.", "Sie trafen sich am 10. und am 11. Juli.",
                 "Sie trafen sich am 10. sowie am 11. Juli.", "Es dauerte vom 10. bis 11. Juli."):
        assert [(t.text, t.value) for t in find_times(text, PUB)] == [
            ("10.", "2015-07-10"), ("11. Juli", "2015-07-11")], text


def test_part_of_day_takes_the_day_of_its_sentence() -> None:
    got = [(t.text, t.value) for t in find_times("Es brannte gestern am frühen Morgen.", PUB)]
    assert got == [("gestern", "2015-10-13"), ("frühen Morgen", "2015-10-13TMO")]


def test_date_without_year_takes_the_nearest_year() -> None:
    # the next Super Bowl in an article of late September
    assert one("Die Show am 2. Februar.", "2019-09-29")[2] == "2020-02-02"
    assert one("Die Software sollte am 1. Januar laufen.", "2005-05-11")[2] == "2005-01-01"
    assert one("Kurz vor Weihnachten ermittelte sie.", "2010-01-14")[2] == "2009-12-25"


def test_year_and_week_edges() -> None:
    # ISO week 53 and weeks that belong to the neighbouring year
    assert one("Es geschah in der vergangenen Woche.", "2016-01-06")[2] == "2015-W53"
    assert one("Es geschah vor einer Woche.", "2015-01-02")[2] == "2014-W52"
    assert one("Es geschah letzten Monat.", "2016-01-10")[2] == "2015-12"
    assert one("Es geschah gestern.", "2016-03-01")[2] == "2016-02-29"
    assert one("Er hat am Donnerstag gesprochen.", "2016-01-01")[2] == "2015-12-31"
    assert one("Im Dezember begann es.", "2016-01-10")[2] == "2015-12"
    assert one("Es geschah vor zweieinhalb Jahren.", "2007-02-13")[2] == "2004-08"


def test_durations_sets_and_clock_times() -> None:
    assert one("Er ist seit mehr als vier Jahren im Amt.") == (
        "mehr als vier Jahren",
        TimeType.DURATION,
        "P4Y",
    )
    assert one("Es dauerte zwei Tage.") == ("zwei Tage", TimeType.DURATION, "P2D")
    assert one("Es dauerte drei Stunden.") == ("drei Stunden", TimeType.DURATION, "PT3H")
    assert one("Er kommt um 14 Uhr.") == ("14 Uhr", TimeType.TIME, "2015-10-14T14:00")
    assert one("Er kommt jeden Montag.") == ("jeden Montag", TimeType.SET, "XXXX-WXX-1")
    assert one("Das Blatt erscheint wöchentlich.") == ("wöchentlich", TimeType.SET, "P1W")
    got = [(t.text, t.value) for t in find_times("Am 31. Mai 2011 um 9 Uhr kam er.", PUB)]
    assert got == [("31. Mai 2011", "2011-05-31"), ("9 Uhr", "2011-05-31T09:00")]


def test_not_temporal() -> None:
    for text in (
        "Das 47 Jahre alte Gesetz.",
        "Er starb im Alter von 69 Jahren.",
        "Es kamen 2000 Menschen.",
        "Es steht 3:2.",
        "Der 57-jährige Kandidat.",
    ):
        assert find_times(text, PUB) == [], text


def test_without_publication_date() -> None:
    assert one("Es geschah gestern.", None)[2] is None
    assert one("Er kam am 3. Oktober.", None)[2] == "XXXX-10-03"
    assert one("Er kam im März.", None)[2] == "XXXX-03"
    assert one("Er hat am Mittwoch gesprochen.", None)[2] == "XXXX-WXX-3"
    assert one("Er kam am 3. Oktober 2015.", None)[2] == "2015-10-03"
    assert one("Das war 2014.", None)[2] == "2014"


def test_stage_runs_in_both_modes_after_nlp() -> None:
    for mode in ("fast", "accurate"):
        names = MODES[mode]
        assert names.index("times") == names.index("nlp") + 1
    spec = get("times")
    assert spec.requires == ("text",) and spec.assigns == ("times",)
    funcs = [func for _, func in load_stages(["times"])]
    article = Article(text="Am Dienstag wurde gewählt.", published="2015-10-14")
    out = next(run_stages(funcs, [article]))
    assert [(t.text, t.value) for t in out.times] == [("Dienstag", "2015-10-13")]


def test_date_for_span() -> None:
    text = (
        "Er sagte jetzt, dass am 3. Oktober 2015 gezählt und am 5. Oktober gewählt wurde. Seit "
        "zwei Jahren."
    )
    end = text.index(" Seit")
    article = Article(text=text, published=PUB)
    first = date_for_span(article, 0, end)
    assert first is not None and first.value == "2015-10-03"  # a calendar value beats jetzt
    near = date_for_span(article, 0, end, anchor=text.index("gewählt"))
    assert near is not None and near.value == "2015-10-05"  # the closest to the anchor
    # a coordination of dates dates the act by its first member
    both = Article(text=text.replace(" gezählt", ""), published=PUB)
    first = date_for_span(both, 0, end, anchor=both.text.index("gewählt"))
    assert first is not None and first.value == "2015-10-03"
    assert date_for_span(article, end + 1, len(text)) is None  # a duration dates no event


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_eval_time_command_on_a_tiny_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    text = "Am Dienstag wurde gewählt, seit 2014 gilt das Gesetz."
    items = [
        {
            "id": "a",
            "doc": "1",
            "published": "2015-10-14",
            "text": text,
            "timex": [
                {"start": 3, "end": 11, "text": "Dienstag", "type": "DATE", "value": "2015-10-13"},
                {"start": 32, "end": 36, "text": "2014", "type": "DATE", "value": "2015"},
            ],
        },
        {"id": "b", "doc": "1", "published": "2015-10-14", "text": "Nichts.", "timex": []},
    ]
    gold.write_text("\n".join(json.dumps(i) for i in items), encoding="utf-8")
    code, out = _run("eval", "time", str(gold), "--rules-only", "--json")
    assert code == 0, out
    res = json.loads(out)
    assert res["gold"] == 2 and res["strict"]["f1"] == 1.0
    assert res["value_accuracy"] == 0.5 and res["strict_value"]["f1"] == 0.5
    gold.write_text(
        '{"id": "x", "text": "ab", "timex": [{"start": 0, "end": 1, "text": "b"}]}\n',
        encoding="utf-8",
    )
    code, out = _run("eval", "time", str(gold), "--rules-only")
    assert code == 2 and "gold.jsonl:1" in out


#: measured on eval/time-dev.jsonl (docs/lab/times.md) minus a margin
FLOORS = {"strict_f1": 0.95, "relaxed_f1": 0.95, "value_accuracy": 0.94}


def test_gate_eval_time_dev() -> None:
    code, out = _run("eval", "time", str(REPO / "eval" / "time-dev.jsonl"), "--json")
    assert code == 0, out
    res = json.loads(out)
    assert res["stages"] == ["nlp", "times"]
    got = {
        "strict_f1": res["strict"]["f1"],
        "relaxed_f1": res["relaxed"]["f1"],
        "value_accuracy": res["value_accuracy"],
    }
    low = {k: (v, FLOORS[k]) for k, v in got.items() if v < FLOORS[k]}
    assert not low, low
