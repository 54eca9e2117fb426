"""Acceptance: the statements of the ntv example article in the fast mode (type and speaker)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from lagebild.model import Article, Statement, StatementType

pytestmark = pytest.mark.shared

D, IND, IFI, R = (StatementType.DIRECT, StatementType.INDIRECT,
                StatementType.INDIRECT_FREE_INDIRECT, StatementType.REPORTED)


@cache
def _analysed(path: Path) -> list[Statement]:
    from lagebild.pipeline import analyze

    article = next(iter(analyze([str(path)])))
    assert isinstance(article, Article)
    return article.statements


@pytest.fixture()
def statements(example_path: Path) -> list[Statement]:
    return _analysed(example_path)  # analysed once for all tests of the module


def find(statements: list[Statement], quote_start: str) -> Statement:
    hits = [s for s in statements if any(q.text.lstrip("„\"»").startswith(quote_start)
                                         for q in s.quote)]
    assert hits, f"no statement starting {quote_start!r}: {[s.quote[0].text for s in statements]}"
    return hits[0]


@pytest.mark.parametrize(("quote", "types", "speaker", "actor"), [
    ("Wir nehmen nichts für bare Münze", {D}, "Kerry", "John Kerry"),
    ("Im Gespräch seien Absprachen", {IND}, "John Kerry", "John Kerry"),
    ("Es gebe ernsthafte Zweifel", {IFI}, "Kerry", "John Kerry"),
    ("dass die russische Unterstützung", {IND}, "Kerry", "John Kerry"),
    ("Außerdem untergrabe das russische Vorgehen", {IFI}, "Kerry", "John Kerry"),
    ("konstruktive Unterstützung", {D}, "Josh Earnest", "Josh Earnest"),
    ("es gebe keine Pläne", {IND}, "US-Verteidigungsministeriums", None),
    ("Es gibt keine militärische Lösung", {D}, "er", "Ban Ki Moon"),
])
def test_example_statement(statements: list[Statement], quote: str, types: set[StatementType],
                           speaker: str, actor: str | None) -> None:
    st = find(statements, quote)
    assert st.type in types
    assert st.speaker is not None and speaker in st.speaker.text
    if actor is not None:
        assert st.speaker.actor is not None and st.speaker.actor.name == actor


def test_accused_is_no_speaker(statements: list[Statement]) -> None:
    st = find(statements, "unschuldige Frauen und Kinder")
    assert st.speaker is None
