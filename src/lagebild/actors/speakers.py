"""Attach actors to statements: a speaker or addressee span gets the actor it refers to.

Runs after the ``actors`` stage. A speaker span ("er", "Kerry", "der US-Außenminister") is
matched against the article's actor mentions (which include coreference: pronouns and role
nouns resolved to persons); the mention overlapping the span most wins, but one in the
phrase's attributes (after a preposition, a genitive article or a parenthesis) only when no
other is there: "Josh Earnest, der Sprecher des Weißen Hauses" is Earnest, "der Minister … in
Griechenland" the minister.
"""

from __future__ import annotations

from functools import cache

from lagebild.model import ActorRef, Article, Party, Statement, StatementType
from lagebild.statements.lexicon import load_lexicon


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


# a word that puts the mention after it into an attribute of the phrase: "der Minister … in
# Griechenland", "Sprecher des Weißen Hauses", "der Anwalt von Assange"
_OBLIQUE = frozenset({"von", "vom", "in", "im", "aus", "bei", "beim", "für", "mit", "gegen",
                      "über", "zu", "zum", "zur", "an", "am", "auf", "des", "der", "dem", "den"})
_ARTICLES = frozenset({"der", "die", "das", "des", "dem", "den"})


def _oblique(text: str, start: int, mention_start: int) -> bool:
    """Is a mention at ``mention_start`` in an attribute of the phrase that begins at
    ``start``: after a preposition, a genitive article or a parenthesis ("Politiker von CSU
    und SPD", "Stöger (SPÖ)")? The phrase's own article ("der Minister") is none, and an
    apposition after a comma starts afresh ("der Hochkommissar für Menschenrechte, Zeid")."""
    before = text[start:mention_start].rsplit(",", 1)[-1]
    words = before.replace("(", " ( ").lower().split()
    if words and words[0] in _ARTICLES:
        words = words[1:]
    return any(w in _OBLIQUE or w == "(" for w in words)


def actor_at(article: Article, start: int, end: int) -> ActorRef | None:
    """The actor whose mention overlaps ``[start, end)`` most (ties: the earlier mention); a
    mention heading the phrase goes before one in its attributes ("der Minister und frühere
    Gründer von Ärzte der Welt in Griechenland" is the minister, not Greece)."""
    best: tuple[bool, int, int, ActorRef] | None = None
    for actor in article.actors:
        for mention in actor.mentions:
            shared = _overlap(start, end, mention.start, mention.end)
            if not shared:
                continue
            key = (not _oblique(article.text, start, mention.start), shared, -mention.start)
            if best is None or key > best[:3]:
                best = (*key, actor.ref())
    return best[3] if best else None


def _link(article: Article, party: Party | None) -> Party | None:
    if party is None or party.actor is not None:
        return party
    return party.model_copy(update={"actor": actor_at(article, party.start, party.end)})


# a possessive that opens a speaker ("seiner Ansicht nach", "ihren Angaben zufolge")
_POSSESSIVES = frozenset(f"{stem}{end}" for stem in ("sein", "ihr")
                         for end in ("", "e", "er", "en", "em", "es"))
_NEAR = 400  # characters: about two sentences


@cache
def _said_nouns() -> tuple[str, ...]:
    """Nouns of what was said or found (``Ansicht``, ``Angaben``, ``Worten``: the ``nach``
    nouns of the statements lexicon), lower case."""
    return tuple(n.lower() for n in load_lexicon().nach)


def _formal(text: str, start: int) -> bool:
    """``Ihrer Meinung nach`` inside a sentence addresses the reader or the interviewee."""
    before = text[:start].rstrip()
    return text[start:start + 1] == "I" and bool(before) and before[-1] not in ".!?:\"“”„"


def _possessor(text: str, previous: Statement | None, party: Party | None) -> Party | None:
    """A speaker that is a possessive phrase no mention covers takes the actor of the
    statement before it: ``…, sagt Braun. Worauf das Land seiner Ansicht nach setzen müsste``
    (the actor layer resolves personal pronouns, not possessives)."""
    if party is None or party.actor is not None or previous is None:
        return party
    words = party.text.split()
    # only "seiner Ansicht", "ihren Angaben": a possessive with one noun of what was said
    # ("seine Anwältin" speaks herself), close to the statement before it
    if len(words) != 2 or words[0].lower() not in _POSSESSIVES or (
            not words[1].lower().startswith(_said_nouns())) or _formal(text, party.start) or (
            previous.speaker is None or previous.speaker.actor is None) or (
            party.start - previous.end > _NEAR):
        return party
    return party.model_copy(update={"actor": previous.speaker.actor})


# third-person pronouns the actor layer resolves to persons
_PRONOUNS = frozenset({"er", "Er", "sie", "Sie"})
# characters between a direct quotation and its speaker ("…", sagte X; X sagte: „…")
FRAME_GAP = 100


def framed_quotes(article: Article) -> dict[str, list[tuple[int, int]]]:
    """The character spans of the direct quotations whose speaker stands in their frame,
    beside them, by the speaker's actor id: in these a quoted "ich" is the speaker (not in one
    whose speaker was taken from further away)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for s in article.statements:
        if s.type is not StatementType.DIRECT or s.speaker is None or s.speaker.actor is None \
                or s.speaker.actor.id is None:
            continue
        start, end = s.quote[0].start, s.quote[-1].end
        if not (0 <= start - s.speaker.end <= FRAME_GAP or 0 <= s.speaker.start - end
                <= FRAME_GAP):
            continue
        spans.setdefault(s.speaker.actor.id, []).extend((q.start, q.end) for q in s.quote)
    return spans


def not_the_speaker(article: Article) -> Article:
    """A copy of ``article`` without the pronoun mentions that stand inside a speaker's own
    direct quotation and name that speaker: quoted, a person says "ich", so "er" or "sie"
    there is someone else ("antwortete Binotto: „Ja. Er ist abgeschlossen.“" is the case;
    "Merkel hatte gesagt: „… so wird sie auch wieder vergehen“" the reaction). The pronoun is
    left unresolved (a wrong person is worse than none)."""
    spans = framed_quotes(article)
    if not spans:
        return article
    actors = []
    for actor in article.actors:
        own = spans.get(actor.id)
        if own is None:
            actors.append(actor)
            continue
        kept = [m for m in actor.mentions
                if not (m.text in _PRONOUNS and any(a <= m.start < b for a, b in own))]
        if kept:
            actors.append(actor if len(kept) == len(actor.mentions)
                          else actor.model_copy(update={"mentions": kept}))
    return article.model_copy(update={"actors": actors})


def link_speakers(article: Article) -> Article:
    """A copy of ``article`` whose statements' speakers and addressees carry their actors,
    and whose actors no longer hold a pronoun in their own direct quotation
    (:func:`not_the_speaker`)."""
    statements: list[Statement] = []
    previous: Statement | None = None  # the last statement with a speaker
    for s in article.statements:  # in text order (the statements stages sort them)
        linked = s.model_copy(update={"speaker": _possessor(article.text, previous,
                                                             _link(article, s.speaker)),
                                      "addressee": _link(article, s.addressee)})
        if linked.speaker is not None:
            previous = linked
        statements.append(linked)
    return not_the_speaker(article.model_copy(update={"statements": statements}))
