"""A text through the fast stages up to ``actors``, and the actor on one of its words (shared
by tests/actors; tests/ is on sys.path)."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _analyzer() -> Any:
    from lagebild.pipeline import Analyzer
    from lagebild.stages import MODES

    stages = list(MODES["fast"])
    return Analyzer(stages[:stages.index("actors") + 1])


def actor_at(text: str, start: int) -> str | None:
    """The actor of the mention that starts at character ``start`` of ``text``, if any."""
    from lagebild.eval.quotes import article_from_text

    article = next(_analyzer().run([article_from_text(text, "t", reader="jsonl")]))
    return next((a.id for a in article.actors for m in a.mentions if m.start == start), None)


def actor_of_word(text: str, word: str, occurrence: int = 1) -> str | None:
    """The actor of the ``occurrence``-th `` word `` in ``text`` (a space on both sides: "er,"
    finds a word before a comma)."""
    start = -1
    for _ in range(occurrence):
        start = text.index(f" {word} ", start + 1) + 1
    return actor_at(text, start)
