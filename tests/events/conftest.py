"""Fixtures of the event-coder tests: one analyzer (nlp + actors, model loaded once)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from lagebild.events import code_article
from lagebild.model import Article, Event
from lagebild.pipeline import Analyzer


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer(("nlp", "actors"))


@pytest.fixture(scope="session")
def parse(analyzer: Analyzer) -> Callable[[str], Article]:
    """Text → article with sentences, entities and actors (no events yet)."""

    def run(text: str, published: str = "2015-09-18") -> Article:
        out = next(analyzer.run([Article(text=text, published=published)]))
        assert isinstance(out, Article), out
        return out

    return run


@pytest.fixture(scope="session")
def events(parse: Callable[[str], Article]) -> Callable[[str], list[Event]]:
    """Text → the events the rules write, before the confidence model leaves the least
    likely out (these tests are about the rules; ``test_confidence.py`` about the model)."""

    def run(text: str) -> list[Event]:
        return code_article(parse(text), rate=False).events

    return run


@pytest.fixture(scope="session")
def rated_events(parse: Callable[[str], Article]) -> Callable[[str], list[Event]]:
    """Text → the events the stage emits (rules, then the confidence model)."""

    def run(text: str) -> list[Event]:
        return code_article(parse(text)).events

    return run
