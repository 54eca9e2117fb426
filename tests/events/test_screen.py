"""The screen before the trigger search (``events/screen.py``) and the views built on demand
(``repairs.SentViews``): the screen may let a sentence without a trigger through, never hide
one that has a trigger, and the views give the rules what an eager build gave them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lagebild.events.lexicon import load_lexicon
from lagebild.events.repairs import SentViews, _participants
from lagebild.events.screen import may_hold_trigger
from lagebild.events.triggers import find_triggers
from lagebild.model import Article

LEX = load_lexicon()
REPO = Path(__file__).resolve().parents[2]

#: sentences whose trigger the screen must see by one of its roads
TRIGGERS = [
    "Die Polizei nahm den Mann fest.",  # a particle verb: "festnehmen"
    "Das lehnte Putin jedoch ab.",  # a verb read as an adjective, repaired
    "Er legte sein Landtagsmandat nieder.",  # an idiom through a compound of its noun
    "Die Opposition bestand darauf, dass gewählt wird.",  # an idiom by a correlate
    "Washington hat den Dialog im März 2014 auf Eis gelegt.",  # an idiom
    "Ban Ki Moon kritisierte die Waffenlieferungen an Assad.",  # a verb and a noun
    "Die Vertrauensfrage sei unecht, sagte er.",  # a reported verdict
]
#: sentences with nothing the trigger search could find
NOTHING = [
    "Das Wetter war am Sonntag schön.",
    "Die Ausstellung ist bis Ende Mai zu sehen.",
]


def _views(article: Article) -> SentViews:
    return SentViews(article, LEX)


@pytest.mark.parametrize("text", TRIGGERS)
def test_the_screen_lets_a_sentence_with_a_trigger_through(
        parse: Callable[[str], Article], text: str) -> None:
    views = _views(parse(text))
    assert find_triggers(views[0], LEX), "the search itself should find the trigger"
    assert may_hold_trigger(views.tokens[0], views.lemmas[0], LEX)


@pytest.mark.parametrize("text", NOTHING)
def test_the_screen_stops_a_sentence_without_one(
        parse: Callable[[str], Article], text: str) -> None:
    views = _views(parse(text))
    assert not find_triggers(views[0], LEX)
    assert not may_hold_trigger(views.tokens[0], views.lemmas[0], LEX)


def test_the_screen_never_hides_a_trigger_in_the_samples(
        parse: Callable[[str], Article]) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "samples").glob("*.txt"))]
    stopped = found = 0
    for text in texts:
        views = _views(parse(text))
        for i in range(len(views)):
            hits = find_triggers(views[i], LEX)
            passes = may_hold_trigger(views.tokens[i], views.lemmas[i], LEX)
            assert passes or not hits, (views[i].sentence.text, hits)
            stopped += not passes
            found += bool(hits)
    assert found > 10
    assert stopped > 10  # the screen does stop sentences, or it would cost without saving


def test_views_are_built_when_read_and_find_participants_when_asked(
        parse: Callable[[str], Article]) -> None:
    article = parse("Ban Ki Moon kritisierte Russland. Das Wetter war schön.")
    views = _views(article)
    assert views._views == [None, None]
    first = views[0]
    assert views[0] is first and views._views[1] is None
    assert first._find_participants is not None  # not found yet
    eager = _participants(article.sentences[0], views.tokens[0], LEX, views._index,
                          views._person_ids, views._person_spans, views._unlinked)
    assert first.actors_at == eager.actors_at and first._find_participants is None
    assert (first.local_at, first.weak, first.persons, first.things) == (
        eager.local_at, eager.weak, eager.persons, eager.things)
    assert any(first.actors_at)  # Ban Ki Moon and Russia are linked
    assert [v.index for v in views[:]] == [0, 1]
    with pytest.raises(AttributeError):
        _ = first.no_such_field  # type: ignore[attr-defined]
