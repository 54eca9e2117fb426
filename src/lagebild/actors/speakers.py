"""Attach actors to statements: a speaker or addressee span gets the actor it refers to.

Runs after the ``actors`` stage. A speaker span ("er", "Kerry", "der US-Außenminister") is
matched against the article's actor mentions (which include coreference: pronouns and role
nouns resolved to persons); the mention overlapping the span most wins. A speaker span that
holds several actors ("Josh Earnest, der Sprecher des Weißen Hauses") takes the one mentioned
first, the head of the phrase in German.
"""

from __future__ import annotations

from lagebild.model import ActorRef, Article, Party, Statement


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def actor_at(article: Article, start: int, end: int) -> ActorRef | None:
    """The actor whose mention overlaps ``[start, end)`` most (ties: the earlier mention)."""
    best: tuple[int, int, ActorRef] | None = None
    for actor in article.actors:
        for mention in actor.mentions:
            shared = _overlap(start, end, mention.start, mention.end)
            if not shared:
                continue
            key = (shared, -mention.start)
            if best is None or key > best[:2]:
                best = (shared, -mention.start, actor.ref())
    return best[2] if best else None


def _link(article: Article, party: Party | None) -> Party | None:
    if party is None or party.actor is not None:
        return party
    return party.model_copy(update={"actor": actor_at(article, party.start, party.end)})


def link_speakers(article: Article) -> Article:
    """A copy of ``article`` whose statements' speakers and addressees carry their actors."""
    statements: list[Statement] = [
        s.model_copy(update={"speaker": _link(article, s.speaker),
                             "addressee": _link(article, s.addressee)})
        for s in article.statements
    ]
    return article.model_copy(update={"statements": statements})
