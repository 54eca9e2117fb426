"""News agencies (``data/news-agencies.txt``): who a source line or a credit names."""

from __future__ import annotations

from functools import cache

from lagebild.ingest.wordlists import data_words


@cache
def news_agencies() -> frozenset[str]:
    """The agencies' names and short forms, in lower case."""
    return frozenset(name.lower() for name in data_words("news-agencies.txt"))


def is_agency(word: str) -> bool:
    return word.lower() in news_agencies()
