"""Events of soft-news articles: kept only when security forces, courts or armed groups
take part.

In sport, entertainment and lifestyle reports most trigger words have another sense
("Kritik an Vettels Rennen", "Jolie forderte das Sorgerecht", "Geldstrafe für Gastgeber
Brasilien"); of 40 such events drawn from general news at most four were events in the
PLOVER sense (docs/lab/events.md, nineteenth pass). The ``topic`` stage labels the article;
when it says ``soft``, an event stays only when a source or target has a role of
``data/soft_news_roles.tsv`` in its CAMEO code: an arrest by the police or a court's ban
still counts. Without a topic (the stage did not run, or the text is too short) nothing
changes.
"""

from __future__ import annotations

from functools import cache

from lagebild.events.lexicon import read_tsv
from lagebild.model import Article, Event
from lagebild.topic import SOFT


@cache
def soft_news_roles() -> frozenset[str]:
    return frozenset(r["code"].upper() for r in read_tsv("soft_news_roles.tsv"))


def keeps_soft_news_event(code: str | None) -> bool:
    """Does a CAMEO actor code keep an event in soft news (any three-letter part a role of
    ``soft_news_roles.tsv``: police, courts, military, armed groups)?"""
    if not code or len(code) <= 3:
        return False
    roles = soft_news_roles()
    return any(code[i:i + 3] in roles for i in range(0, len(code), 3))


def keep(article: Article, event: Event) -> bool:
    """False for an event of a soft-news article without police, courts or armed groups."""
    if article.topic is None or article.topic.label != SOFT:
        return True
    return any(keeps_soft_news_event(ref.cameo) for ref in (*event.source, *event.target))
