"""News agencies (``data/news-agencies.txt``): who a source line or a credit names."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def news_agencies() -> frozenset[str]:
    """The agencies' names and short forms, in lower case."""
    text = resources.files("lagebild.ingest").joinpath("data/news-agencies.txt")
    return frozenset(
        line.strip().lower() for line in text.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


def is_agency(word: str) -> bool:
    return word.lower() in news_agencies()
