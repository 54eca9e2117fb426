"""Hand-built articles with one event each, for the cluster and relation tests."""

from __future__ import annotations

from lagebild.model import (
    ActorRef,
    Article,
    ArticleBuilder,
    BlockType,
    Event,
    EventDate,
    Offsets,
    Origin,
    PloverType,
    Source,
    Span,
)

STORY = ("Die USA haben Russland am Montag scharf kritisiert. Washington warf Moskau vor, die "
         "Waffenruhe in der Ukraine gebrochen zu haben. Der Sprecher des Außenministeriums "
         "sagte, man erwarte eine Erklärung. Russland wies die Vorwürfe zurück und sprach von "
         "einer Kampagne. Beobachter rechnen mit weiteren Spannungen in den kommenden Wochen.")


def event_article(body: str, published: str, path: str, outlet: str, date: str | None,
                  source: str = "USA", target: str = "RUS",
                  plover: PloverType = PloverType.ACCUSE, quad: int = 3,
                  goldstein: float = -2.0) -> Article:
    """One article with the body ``body`` and one event ``source`` → ``target``; the
    trigger is the word "kritisiert", which ``body`` must contain."""
    builder = ArticleBuilder()
    builder.add_title(None, f"Meldung {path}", joined=False)
    builder.add(BlockType.PARAGRAPH, body)
    builder.set(published=published, source=Source(outlet=outlet))
    article = builder.build(origin=Origin(path=path, reader="test"))
    text = article.text
    start = text.index("kritisiert")
    event = Event(type=plover, cameo="111", quad_class=quad, goldstein=goldstein,
                  source=[ActorRef(id=source, name=source)],
                  target=[ActorRef(id=target, name=target)],
                  trigger=Span(start=start, end=start + 10, text="kritisiert"),
                  date=EventDate(value=date) if date else None,
                  sentence=Offsets(start=text.index(body),
                                   end=text.index(".", text.index(body)) + 1))
    return article.model_copy(update={"events": [event]})


