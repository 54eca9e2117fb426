"""The text view's lines (``lagebild.article_text``) on a hand-built article."""

from __future__ import annotations

from lagebild.article_text import analysis_sections, event_line, shorten, statement_line
from lagebild.model import Article

TEXT = "Kerry sagte, Russland liefere Waffen. Die USA und das Pentagon kritisierten Moskau."


def article() -> Article:
    return Article.model_validate({
        "id": "a1", "text": TEXT,
        "actors": [
            {"id": "per:john-kerry", "name": "John Kerry", "type": "PER", "cameo": "USAGOV",
             "mentions": [{"start": 0, "end": 5, "text": "Kerry", "kind": "name",
                           "confidence": 1.0}]},
            {"id": "RUS", "name": "Russland", "type": "LOC", "cameo": "RUS", "mentions": [
                {"start": 13, "end": 21, "text": "Russland", "kind": "name", "confidence": 1.0},
                {"start": 76, "end": 82, "text": "Moskau", "kind": "name", "confidence": 1.0}]},
        ],
        "statements": [
            {"type": "Indirect", "quote": [{"start": 13, "end": 36, "text": TEXT[13:36]}],
             "cue": [{"start": 6, "end": 11, "text": "sagte"}], "mode": "fast",
             "speaker": {"start": 0, "end": 5, "text": "Kerry",
                         "actor": {"id": "per:john-kerry", "name": "John Kerry"}}},
            {"type": "Reported", "quote": [{"start": 38, "end": 83, "text": TEXT[38:83]}],
             "mode": "fast"},
        ],
        "events": [
            {"type": "ACCUSE", "cameo": "111", "modality": "asserted", "confidence": 0.9,
             "source": [{"id": "USA", "name": "Vereinigte Staaten"},
                        {"id": "USA", "name": "Vereinigte Staaten"},
                        {"id": "org:usa-pentagon", "name": "Pentagon"}],
             "target": [{"id": "RUS", "name": "Russland"}],
             "trigger": {"start": 64, "end": 75, "text": "kritisierten"},
             "date": {"value": "2015-09"}, "sentence": {"start": 38, "end": 83}},
        ],
    })


def test_sections_list_actors_statements_and_events() -> None:
    sections = dict(analysis_sections(article()))
    assert list(sections) == ["actors (2)", "statements (2)", "events (1)"]
    # most mentioned first; a code equal to the id is not repeated
    assert sections["actors (2)"] == ["Russland (RUS) ×2",
                                      "John Kerry (per:john-kerry, USAGOV) ×1"]
    assert sections["statements (2)"] == [
        "Indirect · sagte · Kerry [per:john-kerry]: Russland liefere Waffen",
        "Reported · (no speaker): Die USA und das Pentagon kritisierten Moskau.",
    ]


def test_event_line_names_each_member_once_and_gives_the_evidence() -> None:
    doc = article()
    line, evidence = event_line(doc.events[0], doc)
    assert line == ("ACCUSE 111 asserted p=0.90 Vereinigte Staaten + Pentagon → Russland "
                    "[kritisierten] 2015-09")
    assert evidence == "Die USA und das Pentagon kritisierten Moskau."
    no_sides = doc.events[0].model_copy(update={"source": [], "target": [], "date": None})
    assert event_line(no_sides, doc)[0] == "ACCUSE 111 asserted p=0.90 ? → ? [kritisierten]"


def test_long_text_is_cut_on_one_line() -> None:
    assert shorten("a  b\nc") == "a b c"
    cut = shorten("wort " * 100, 20)
    assert len(cut) <= 20 and cut.endswith("…")
    st = article().statements[0].model_copy(update={"speaker": None, "cue": []})
    assert statement_line(st) == "Indirect · (no speaker): Russland liefere Waffen"
