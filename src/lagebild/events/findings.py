"""What the coder decided, before it becomes the typed model: :class:`Found` (one trigger
with its lexicon entry, token indices, actor ids, modality …) and :class:`Context` (what one
article gives the rules), built by :func:`context`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.events.lexicon import Lexicon, Trigger, load_lexicon
from lagebild.events.repairs import SentViews
from lagebild.events.sentence import LOCAL
from lagebild.model import Actor, Article


@dataclass
class Found:
    """One coded trigger before it becomes an :class:`Event` (indices, not offsets)."""

    entry: Trigger
    sent: int
    anchor: int
    tokens: list[int]
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    modality: str = "asserted"
    location: tuple[int, int] | None = None
    plover: str = ""
    cameo: str = ""
    mode: str = ""
    statement: int | None = None
    confidence: float = 0.9
    notes: list[str] = field(default_factory=list)
    thin: str | None = None  # the argument rule it fails (``filters._thin``), kept to be rated
    #: the word whose clause dates the event when it is not the anchor: the announcing or
    #: agreeing verb of a threat or an intent coded from its content ("kündigte heute an, …
    #: vorzugehen" is dated by "heute", not by a time of the threatened act)
    dated_by: int | None = None


@dataclass
class Context:
    """What one article gives the rules."""

    article: Article
    lex: Lexicon
    sents: SentViews
    actors: dict[str, Actor]
    named: set[str] = field(default_factory=set)  # local keys of unlinked named entities
    sports_article: bool | None = None  # computed when a rule first asks (``_sports_article``)
    keep_thin: bool = False  # keep events with too few arguments (``Found.thin``) to be rated


def context(article: Article, lex: Lexicon | None = None) -> Context:
    lex = lex or load_lexicon()
    # a derived name ("Tibeter", "Kurden": GermEval "deriv") names a people, not a party
    named = {LOCAL + e.text for e in article.entities if not e.actor and e.subtype != "deriv"}
    return Context(article, lex, SentViews(article, lex), {a.id: a for a in article.actors}, named)
