from __future__ import annotations

from pathlib import Path

from lagebild.actors.speakers import link_speakers
from lagebild.model import (
    Actor,
    Article,
    ArticleBuilder,
    BlockType,
    Mention,
    Origin,
    Party,
    Span,
    Statement,
)
from lagebild.store import Store


def _article(text: str, person: tuple[str, str, str], statements: list[Statement]) -> Article:
    """One paragraph, one person actor (id, name, the mention's text) mentioned once."""
    builder = ArticleBuilder()
    builder.add(BlockType.PARAGRAPH, text)
    article = builder.build(origin=Origin(path="a.txt"))
    actor_id, name, mention = person
    start = text.index(mention)
    return article.model_copy(update={
        "actors": [Actor(id=actor_id, name=name, type="person",
                         mentions=[Mention(start=start, end=start + len(mention), text=mention,
                                           kind="name", confidence=0.9)])],
        "statements": statements,
    })


def _speaker_actors(article: Article) -> list[str | None]:
    return [s.speaker.actor.id if s.speaker and s.speaker.actor else None
            for s in link_speakers(article).statements]


def test_speaker_span_gets_the_overlapping_actor_and_is_stored(tmp_path: Path) -> None:
    text = '"Wir nehmen nichts für bare Münze", stellte Kerry klar.'
    kerry = text.index("Kerry")
    article = _article(text, ("per:john-kerry", "John Kerry", "Kerry"), [
        Statement(type="Direct", quote=[Span(start=0, end=34, text=text[:34])], mode="fast",
                  speaker=Party(start=kerry, end=kerry + 5, text="Kerry")),
        Statement(type="indirect", quote=[Span(start=0, end=5, text=text[:5])], mode="fast"),
    ])
    linked = link_speakers(article)
    actors = _speaker_actors(article)
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
    article = _article(text, ("new:per:braun", "Braun", "Braun"), [
        Statement(type="Indirect", quote=_quote(text, "Es gibt Probleme"), mode="fast",
                  speaker=_party(text, "Braun")),
        Statement(type="Indirect", quote=_quote(text, "Das Land sollte"), mode="fast",
                  speaker=_party(text, "seiner Ansicht")),
        Statement(type="Indirect", quote=_quote(text, "Die Firma sollte"), mode="fast",
                  speaker=_party(text, "seine Anwältin")),  # a person of her own
        Statement(type="Indirect", quote=_quote(text, "Wer hat"), mode="fast",
                  speaker=_party(text, "Ihrer Meinung")),  # addresses the interviewee
    ])
    actors = _speaker_actors(article)
    assert actors == ["new:per:braun", "new:per:braun", None, None]


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start=start, end=start + len(part), text=part)


def _actor(actor_id: str, text: str, mention: str, kind: str = "name") -> Actor:
    start = text.index(mention)
    return Actor(id=actor_id, name=mention, type="person" if "per:" in actor_id else "state",
                 mentions=[Mention(start=start, end=start + len(mention), text=mention,
                                   kind=kind, confidence=0.8)])


def test_the_head_of_a_speaker_phrase_goes_before_its_attributes() -> None:
    """"der Minister … in Griechenland" is the minister (a longer mention in a prepositional
    phrase loses); an apposition after a comma is a head again ("Sprecher von Präsident
    Putin, Dmitri Peskow"); with only attributes the longest mention still wins."""
    text = ("Es soll hin, so erklärte der Minister und Gründer von Ärzte der Welt in "
            "Griechenland. Es gebe keine, sagte der Sprecher von Präsident Putin, Dmitri Peskow. "
            "Es fehle, sagte ein Sprecher aus Griechenland.")
    minister = "der Minister und Gründer von Ärzte der Welt in Griechenland"
    spokesman = "der Sprecher von Präsident Putin, Dmitri Peskow"
    greek = "ein Sprecher aus Griechenland"
    builder = ArticleBuilder()
    builder.add(BlockType.PARAGRAPH, text)
    greece = _actor("GRC", text, "Griechenland")
    greece.mentions.append(greece.mentions[0].model_copy(update={
        "start": text.rindex("Griechenland"), "end": text.rindex("Griechenland") + 12}))
    article = builder.build(origin=Origin(path="a.txt")).model_copy(update={
        "actors": [_actor("new:per:mouzalas", text, "Minister", "role"), greece,
                   _actor("per:wladimir-putin", text, "Putin"),
                   _actor("per:dmitri-peskow", text, "Dmitri Peskow")],
        "statements": [
            Statement(type="Indirect", quote=[_span(text, "Es soll hin")], mode="fast",
                      speaker=_party(text, minister)),
            Statement(type="Indirect", quote=[_span(text, "Es gebe keine")], mode="fast",
                      speaker=_party(text, spokesman)),
            Statement(type="Indirect", quote=[_span(text, "Es fehle")], mode="fast",
                      speaker=_party(text, greek))]})
    assert _speaker_actors(article) == ["new:per:mouzalas", "per:dmitri-peskow", "GRC"]


def _with_pronouns(text: str, statements: list[Statement]) -> Article:
    """Binotto named once, and every "Er" of the text resolved to him."""
    article = _article(text, ("new:per:mattia-binotto", "Mattia Binotto", "Binotto"),
                       statements)
    binotto = article.actors[0]
    pronouns = [Mention(start=k, end=k + 2, text="Er", kind="pronoun", confidence=0.6)
                for k in range(len(text)) if text.startswith("Er ", k)]
    return article.model_copy(update={"actors": [binotto.model_copy(
        update={"mentions": sorted([*binotto.mentions, *pronouns], key=lambda m: m.start)})]})


def _mentions(article: Article) -> list[str]:
    return [m.text for a in link_speakers(article).actors for m in a.mentions]


def test_a_pronoun_in_the_speakers_own_quotation_is_someone_else() -> None:
    # quoted, Binotto would say "ich": the "Er" inside is the case; the one after is his
    text = '„Er ist abgeschlossen“, sagte Binotto. Er lachte.'
    direct = Statement(type="Direct", quote=_quote(text, "Er ist abgeschlossen"), mode="fast",
                       speaker=_party(text, "Binotto"))
    assert _mentions(_with_pronouns(text, [direct])) == ["Binotto", "Er"]
    assert link_speakers(_with_pronouns(text, [direct])).actors[0].mentions[1].start == \
        text.index("Er lachte")


def test_not_in_reported_speech_nor_far_from_the_frame() -> None:
    # "Binotto sagte, er sei …": reported, the pronoun is the speaker himself
    text = "Binotto sagte, Er sei zufrieden."
    indirect = Statement(type="Indirect", quote=_quote(text, "Er sei zufrieden"), mode="fast",
                         speaker=_party(text, "Binotto"))
    assert _mentions(_with_pronouns(text, [indirect])) == ["Binotto", "Er"]
    # a speaker the rules took from further than the frame may be the wrong one
    text = "„Er ist abgeschlossen.“ " + "Das Team fuhr nach Hause. " * 5 + "Binotto lachte."
    far = Statement(type="Direct", quote=_quote(text, "Er ist abgeschlossen."), mode="fast",
                    speaker=_party(text, "Binotto"))
    assert _mentions(_with_pronouns(text, [far])) == ["Er", "Binotto"]
