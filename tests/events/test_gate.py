"""Events of soft-news articles need police, courts or armed groups (``lagebild.events.gate``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from lagebild.events import code_article
from lagebild.events.gate import keeps_soft_news_event
from lagebild.model import Article, Topic

Parse = Callable[[str], Article]

# one sentence with a team as a country, one with the police
TEXT = ("Der Verband verhängte eine Geldstrafe gegen Brasilien. "
        "Die Polizei nahm in Rio zwei Fans fest.")


@pytest.mark.parametrize(("code", "expected"), [
    ("BRACOP", True), ("DEUGOVJUD", True), ("USAMIL", True), ("IMGMUSISI", True),
    ("USAGOVPOL", True), ("DEUGOV", False), ("IGOEUREU", False), ("DEUPTY", False),
    ("BRA", False), ("NGOHLHIRC", False), (None, False), ("", False),
])
def test_codes_that_keep_soft_news_events(code: str | None, expected: bool) -> None:
    assert keeps_soft_news_event(code) is expected


def _coded(parse: Parse, topic: Topic | None) -> list[tuple[str, list[str | None]]]:
    article = parse(TEXT)
    article.topic = topic
    return [(e.type.value, [r.cameo for r in (*e.source, *e.target)])
            for e in code_article(article).events]


def test_soft_news_keeps_only_events_of_security_forces(parse: Parse) -> None:
    hard = _coded(parse, Topic(label="hard", score=0.1))
    untold = _coded(parse, None)
    soft = _coded(parse, Topic(label="soft", score=0.95))
    assert untold == hard
    types = [t for t, _ in hard]
    assert "SANCTION" in types and "COERCE" in types, hard  # both coded in hard news
    # the fine against a team goes; the arrest by the police stays
    assert [t for t, _ in soft] == ["COERCE"], soft
    assert any(keeps_soft_news_event(c) for _, codes in soft for c in codes)
