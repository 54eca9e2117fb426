"""The judged-sample scorer on a hand-computed case, and its reader's errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.eval import events_judged as ej
from lagebild.model import Article, Event, Offsets, Span

TEXT = "Die EU kritisierte Russland. Der Konzern verklagte Apple."


def _event(typ: str, trigger: str, sentence: tuple[int, int]) -> Event:
    start = TEXT.index(trigger)
    return Event(type=typ, trigger=Span(start=start, end=start + len(trigger), text=trigger),
                 sentence=Offsets(start=sentence[0], end=sentence[1]))


def _judged(id_: str, typ: str, trigger: str, sentence: str, verdict: str,
            kind: str = "") -> ej.Judged:
    return ej.Judged(id=id_, article="gnad-0001", type=typ, trigger=trigger,
                     sentence=sentence, verdict=verdict, actors="ok", kind=kind)


def test_score_judged_by_hand() -> None:
    first, second = (0, 28), (29, len(TEXT))
    article = Article(text=TEXT, events=[
        _event("ACCUSE", "kritisierte", first),    # judged right: kept
        _event("COERCE", "verklagte", second),     # judged wrong under another type: unjudged
        _event("ACCUSE", "kritisierte", first),    # a duplicate: unjudged
    ])
    judged = [
        _judged("j1", "ACCUSE", "kritisierte", "Die EU  kritisierte Russland.", "right"),
        _judged("j2", "ACCUSE", "verklagte", TEXT[29:], "wrong", "business_company"),
        _judged("j3", "SANCTION", "verklagte", TEXT[29:], "arguable"),
    ]
    result = ej.score_judged(judged, {"gnad-0001": article})
    # kept: j1 only (whitespace in the judged sentence does not matter); j2, j3 removed
    assert result["kept"] == 1
    assert result["kept_by_verdict"] == {"right": 1, "arguable": 0, "wrong": 0}
    assert result["precision_strict"] == 1.0 and result["precision_lenient"] == 1.0
    assert result["removed"] == ["j2", "j3"]
    assert result["unjudged_in_judged_sentences"] == 2
    assert result["right_with_right_actors"] == 1
    assert result["kept_wrong_by_kind"] == {}
    assert result["confidence"]["auc"] is None  # one right event, no wrong one to rank


def test_match_judged_after_the_sentence_boundaries_moved() -> None:
    # the judges saw both sentences as one; the senter now cuts them: the event still pairs,
    # but an exact match goes first and each emitted event pairs once
    first, second = (0, 28), (29, len(TEXT))
    article = Article(text=TEXT, events=[_event("ACCUSE", "kritisierte", first),
                                         _event("SANCTION", "verklagte", second)])
    judged = [
        _judged("j1", "ACCUSE", "kritisierte", TEXT, "right"),
        _judged("j2", "SANCTION", "verklagte", TEXT, "right"),
        _judged("j3", "SANCTION", "verklagte", TEXT[29:], "right"),
        _judged("j4", "ACCUSE", "kritisierte", "Die EU kritisierte Russland heftig.", "right"),
    ]
    assert ej.match_judged(judged, {"gnad-0001": article}) == {"j1": 0, "j3": 1}


def test_confidence_figures_by_hand() -> None:
    pairs = [(0.9, "right"), (0.6, "right"), (0.7, "wrong"), (0.3, "wrong"), (0.4, "arguable")]
    figures = ej.confidence_figures(pairs)
    # right 0.9 beats both wrong, right 0.6 beats 0.3 only: 3 of 4 pairs
    assert figures["auc"] == 0.75
    assert figures["by_band"] == {
        "0.0-0.5": {"kept": 2, "precision_strict": 0.0},
        "0.5-0.8": {"kept": 2, "precision_strict": 0.5},
        "0.8-1.0": {"kept": 1, "precision_strict": 1.0}}


def test_score_judged_failed_article_keeps_nothing() -> None:
    judged = [_judged("j1", "ACCUSE", "kritisierte", TEXT[:28], "wrong", "other")]
    result = ej.score_judged(judged, {"gnad-0001": None})
    assert result["kept"] == 0 and result["precision_strict"] is None
    assert result["failed"] == 1


def test_read_judged_errors(tmp_path: Path) -> None:
    good = {"id": "j1", "article": "xglue-0003", "type": "ACCUSE", "trigger": "x",
            "sentence": "x", "verdict": "right"}
    path = tmp_path / "j.jsonl"
    path.write_text(json.dumps(good) + "\n\n", encoding="utf-8")
    assert ej.read_judged(path)[0].article == "xglue-0003"
    for bad, message in (({**good, "verdict": "maybe"}, "verdict"),
                         ({**good, "article": "spiegel-1"}, "gnad-NNNN"),
                         ({k: v for k, v in good.items() if k != "type"}, "not a judged event")):
        path.write_text(json.dumps(bad) + "\n", encoding="utf-8")
        with pytest.raises(ej.JudgedError, match=message):
            ej.read_judged(path)


def test_news_texts_names_the_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ej.JudgedError, match="--data"):
        ej.news_texts(tmp_path, {"gnad-0001"})


def test_shipped_file_reads() -> None:
    path = Path(__file__).resolve().parents[2] / "eval" / "events-news-judged.jsonl"
    judged = ej.read_judged(path)
    assert len(judged) == 300 and len({j.id for j in judged}) == 300
