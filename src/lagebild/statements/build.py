"""Writing :class:`~lagebild.model.Statement` objects from the spans the rules found."""

from __future__ import annotations

from collections.abc import Sequence

from lagebild.model import Article, Mode, Party, Span, Statement
from lagebild.statements.rules import Char, Found, find_statements


def _span(text: str, char: Char) -> Span:
    return Span(start=char[0], end=char[1], text=text[char[0]:char[1]])


def to_statement(text: str, found: Found, mode: Mode = Mode.FAST) -> Statement:
    """One typed statement (quote parts in text order, cue tokens in text order)."""
    return Statement(
        type=found.type,
        quote=[_span(text, q) for q in sorted(found.quote)],
        cue=[_span(text, c) for c in sorted(set(found.cue))],
        frame=_span(text, found.frame) if found.frame else None,
        speaker=Party(**_span(text, found.speaker).model_dump()) if found.speaker else None,
        addressee=(Party(**_span(text, found.addressee).model_dump()) if found.addressee
                   else None),
        mode=mode,
        confidence=found.confidence,
    )


def to_statements(text: str, found: Sequence[Found], mode: Mode = Mode.FAST) -> list[Statement]:
    return [to_statement(text, f, mode) for f in found]


def statements_of(article: Article) -> list[Statement]:
    """The fast mode's statements of an article (rules over its sentences)."""
    return to_statements(article.text, find_statements(article))
