from __future__ import annotations

from pathlib import Path

from lagebild.actors.speakers import link_speakers
from lagebild.model import (
    Actor,
    ArticleBuilder,
    BlockType,
    Mention,
    Origin,
    Party,
    Span,
    Statement,
)
from lagebild.store import Store


def test_speaker_span_gets_the_overlapping_actor_and_is_stored(tmp_path: Path) -> None:
    builder = ArticleBuilder()
    text = '"Wir nehmen nichts für bare Münze", stellte Kerry klar.'
    builder.add(BlockType.PARAGRAPH, text)
    article = builder.build(origin=Origin(path="a.txt"))
    kerry = text.index("Kerry")
    article = article.model_copy(update={
        "actors": [Actor(id="per:john-kerry", name="John Kerry", type="person",
                         mentions=[Mention(start=kerry, end=kerry + 5, text="Kerry",
                                           kind="name", confidence=0.9)])],
        "statements": [
            Statement(type="Direct", quote=[Span(start=0, end=34, text=text[:34])], mode="fast",
                      speaker=Party(start=kerry, end=kerry + 5, text="Kerry")),
            Statement(type="indirect", quote=[Span(start=0, end=5, text=text[:5])],
                      mode="fast"),
        ],
    })
    linked = link_speakers(article)
    actors = [s.speaker.actor.id if s.speaker and s.speaker.actor else None
              for s in linked.statements]
    assert actors == ["per:john-kerry", None]
    store = Store(tmp_path / "s.db")
    store.add(linked)
    rows = store.conn.execute(
        "SELECT speaker_actor_id, speaker_text, text FROM statements ORDER BY idx").fetchall()
    assert [tuple(r) for r in rows] == [("per:john-kerry", "Kerry", text[:34]),
                                        (None, None, text[:5])]


def _party(text: str, part: str) -> Party:
    start = text.index(part)
    return Party(start=start, end=start + len(part), text=part)


def _quote(text: str, part: str) -> list[Span]:
    start = text.index(part)
    return [Span(start=start, end=start + len(part), text=part)]


def test_a_possessive_source_takes_the_actor_of_the_statement_before() -> None:
    text = ("Es gibt Probleme, sagt Braun. Das Land sollte seiner Ansicht nach sparen. "
            "Die Firma sollte seine Anwältin nach verklagen. Wer hat Ihrer Meinung nach recht?")
    builder = ArticleBuilder()
    builder.add(BlockType.PARAGRAPH, text)
    article = builder.build(origin=Origin(path="a.txt"))
    braun = text.index("Braun")
    article = article.model_copy(update={
        "actors": [Actor(id="new:per:braun", name="Braun", type="person",
                         mentions=[Mention(start=braun, end=braun + 5, text="Braun",
                                           kind="ner", confidence=0.7)])],
        "statements": [
            Statement(type="Indirect", quote=_quote(text, "Es gibt Probleme"), mode="fast",
                      speaker=_party(text, "Braun")),
            Statement(type="Indirect", quote=_quote(text, "Das Land sollte"), mode="fast",
                      speaker=_party(text, "seiner Ansicht")),
            Statement(type="Indirect", quote=_quote(text, "Die Firma sollte"), mode="fast",
                      speaker=_party(text, "seine Anwältin")),  # a person of her own
            Statement(type="Indirect", quote=_quote(text, "Wer hat"), mode="fast",
                      speaker=_party(text, "Ihrer Meinung")),  # addresses the interviewee
        ],
    })
    actors = [s.speaker.actor.id if s.speaker and s.speaker.actor else None
              for s in link_speakers(article).statements]
    assert actors == ["new:per:braun", "new:per:braun", None, None]
