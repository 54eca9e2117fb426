"""A small store with hand-built typed layers, shared by the store, CLI and API tests.

Two articles. The first (2015-09-16) has a compound-actor event ("Die USA und Russland
verhandeln": both states are sources, only USA is the event row's first source), a planned
sanction, a direct quote by a linked speaker mentioning Russia, and a reported statement by an
unlinked speaker mentioning China. The second (2014-03-01) has Russia accusing the USA.
"""

from __future__ import annotations

from pathlib import Path

from lagebild.model import (
    ActorRef,
    Article,
    ArticleBuilder,
    BlockType,
    Entity,
    Event,
    EventDate,
    Modality,
    Mode,
    Offsets,
    Origin,
    Party,
    PloverType,
    Span,
    Statement,
    StatementType,
)
from lagebild.store import Store

FIRST = ("Die USA und Russland verhandeln in Genf über Syrien. Außenminister Frank Beispiel "
         "sagte: „Wir unterstützen die Gespräche mit Russland.“ Laut Anna Probe plant China "
         "Sanktionen gegen Nordkorea.")
SECOND = "Russland kritisiert die USA scharf."

SPEAKER_ID = "new:per:frank-beispiel"  # linked by the linker, not in the KB


def _article(text: str, published: str, path: str) -> tuple[Article, str]:
    builder = ArticleBuilder()
    builder.add_title(None, f"Meldung {path}", joined=False)
    builder.add(BlockType.PARAGRAPH, text)
    builder.set(published=published)
    article = builder.build(origin=Origin(path=path, reader="test"))
    return article, article.text


def _span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start=start, end=start + len(part), text=part)


def _entity(text: str, part: str, label: str, actor: str | None, after: int = 0) -> Entity:
    span = _span(text, part, after)
    return Entity(text=part, start=span.start, end=span.end, label=label, actor=actor)


def _sentence(text: str, first_words: str) -> Offsets:
    start = text.index(first_words)
    end = text.index(".", start) + 1
    return Offsets(start=start, end=end)


def first_article() -> Article:
    article, text = _article(FIRST, "2015-09-16", "first.txt")
    quote = _span(text, "„Wir unterstützen die Gespräche mit Russland.“")
    reported = _span(text, "plant China Sanktionen gegen Nordkorea")
    speaker = _span(text, "Frank Beispiel")
    probe = _span(text, "Anna Probe")
    entities = [
        _entity(text, "USA", "LOC", "USA"),
        _entity(text, "Russland", "LOC", "RUS"),
        _entity(text, "Genf", "LOC", None),
        _entity(text, "Syrien", "LOC", "SYR"),
        _entity(text, "Frank Beispiel", "PER", SPEAKER_ID),
        _entity(text, "Russland", "LOC", "RUS", after=quote.start),
        _entity(text, "Anna Probe", "PER", None),
        _entity(text, "China", "LOC", "CHN"),
        _entity(text, "Nordkorea", "LOC", "PRK"),
    ]
    statements = [
        Statement(type=StatementType.DIRECT, quote=[quote], cue=[_span(text, "sagte")],
                  speaker=Party(**speaker.model_dump(),
                                actor=ActorRef(id=SPEAKER_ID, name="Frank Beispiel")),
                  mode=Mode.ACCURATE),
        Statement(type=StatementType.INDIRECT, quote=[reported], cue=[_span(text, "Laut")],
                  speaker=Party(**probe.model_dump(), actor=None), mode=Mode.FAST),
    ]
    events = [
        Event(type=PloverType.CONSULT, cameo="040", quad_class=1,
              source=[ActorRef(id="USA", name="USA"), ActorRef(id="RUS", name="Russland")],
              target=[], trigger=_span(text, "verhandeln"),
              date=EventDate(value="2015-09-16"), sentence=_sentence(text, "Die USA")),
        Event(type=PloverType.SANCTION, cameo="163", quad_class=4,
              source=[ActorRef(id="CHN", name="China")],
              target=[ActorRef(id="PRK", name="Nordkorea")], trigger=_span(text, "Sanktionen"),
              modality=Modality.PLANNED, date=EventDate(value="2015-10"),
              sentence=_sentence(text, "Laut"), confidence=0.6),
    ]
    return article.model_copy(update={"entities": entities, "statements": statements,
                                      "events": events})


def second_article() -> Article:
    article, text = _article(SECOND, "2014-03-01", "second.txt")
    return article.model_copy(update={
        "entities": [_entity(text, "Russland", "LOC", "RUS"), _entity(text, "USA", "LOC", "USA")],
        "events": [Event(type=PloverType.ACCUSE, cameo="111", quad_class=3,
                         source=[ActorRef(id="RUS", name="Russland")],
                         target=[ActorRef(id="USA", name="USA")],
                         trigger=_span(text, "kritisiert"), sentence=Offsets(start=0,
                                                                             end=len(text)))],
    })


def build_layered_store(path: Path) -> Path:
    with Store(path) as store, store.transaction():
        for article in (first_article(), second_article()):
            store.add(article)
    return path
