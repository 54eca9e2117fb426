"""Acceptance: the events of the reference article (``../shared/examples``), coded on the
product path (``lagebild analyze`` stages of the fast mode)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lagebild.model import Article, Event
from lagebild.pipeline import analyze, choose_stages
from lagebild.settings import Options

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = (Path(os.environ.get("LAGEBILD_SHARED", REPO.parent / "shared"))
           / "examples" / "ntv-2015-moskau-sucht-gespraech.txt")


@pytest.fixture(scope="module")
def article() -> Article:
    if not EXAMPLE.is_file():
        pytest.skip(f"example article missing: {EXAMPLE} (set LAGEBILD_SHARED)")
    assert "events" in choose_stages()
    path = EXAMPLE
    out = next(iter(analyze([str(path)], Options(published="2015-09-18"))))
    assert isinstance(out, Article), out
    return out


def find(article: Article, kind: str, words: str) -> list[Event]:
    """Events of ``kind`` whose sentence contains ``words``."""
    return [e for e in article.events if e.type.value == kind
            and words in article.text[e.sentence.start:e.sentence.end]]


def ids(refs: list) -> set[str | None]:  # type: ignore[type-arg]
    return {r.cameo[:3] if r.cameo else r.id for r in refs}


def test_every_event_carries_its_evidence(article: Article) -> None:
    assert article.events
    for e in article.events:
        sentence = article.text[e.sentence.start:e.sentence.end]
        assert article.text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert e.sentence.start <= e.trigger.start < e.trigger.end <= e.sentence.end, sentence
        assert e.source or e.target
        assert e.cameo and e.goldstein is not None and e.quad_class


def test_joint_action_and_talks_are_proposed(article: Article) -> None:
    joint = find(article, "AGREE", "erwägen offenbar ein gemeinsames militärisches Vorgehen")
    assert len(joint) == 1 and joint[0].modality.value == "proposed"
    assert ids(joint[0].source) == {"USA", "RUS"}
    talks = find(article, "AGREE", "Moskau sucht Gespräch mit USA")
    assert len(talks) == 1 and talks[0].modality.value == "proposed"
    assert ids(talks[0].source) == {"RUS"} and ids(talks[0].target) == {"USA"}


def test_kerry_doubts_russias_intentions(article: Article) -> None:
    (e,) = find(article, "ACCUSE", "ernsthafte Zweifel an den Absichten Russlands")
    assert [r.id for r in e.source] == ["per:john-kerry"] and ids(e.target) == {"RUS"}


def test_military_dialogue_frozen(article: Article) -> None:
    (e,) = find(article, "SANCTION", "auf Eis gelegt")
    assert ids(e.source) == {"USA"} and ids(e.target) == {"RUS"}
    assert e.trigger.text == "auf Eis gelegt"
    if article.times:  # the times stage (branch ``time``) fills the date once merged
        assert e.date is not None and e.date.value == "2014-03"


def test_assad_accused_and_the_assault_alleged(article: Article) -> None:
    (accuse,) = find(article, "ACCUSE", "wird er beschuldigt")
    assert accuse.source == [] and [r.id for r in accuse.target] == ["per:baschar-al-assad"]
    assaults = find(article, "ASSAULT", "wird er beschuldigt")
    assert assaults and all(a.modality.value == "alleged" for a in assaults)
    assert {r.id for a in assaults for r in a.source} == {"per:baschar-al-assad"}


def test_ban_criticises_russian_arms_deliveries(article: Article) -> None:
    (accuse,) = find(article, "ACCUSE", "kritisierte derweil")
    assert [r.id for r in accuse.source] == ["per:ban-ki-moon"] and ids(accuse.target) == {"RUS"}
    (aid,) = find(article, "AID", "kritisierte derweil")
    assert aid.mode == "military" and aid.trigger.text == "Waffenlieferungen"
    assert ids(aid.source) == {"RUS"} and [r.id for r in aid.target] == ["per:baschar-al-assad"]


def test_no_events_from_background_sentences(article: Article) -> None:
    for words in ("einen gemeinsamen Feind", "Putin will das erste Mal",
                  "den Vorsitz des UN-Sicherheitsrates", "Quelle: ntv.de"):
        assert not [e for e in article.events
                    if words in article.text[e.sentence.start:e.sentence.end]], words
