"""Stage ``times``: German temporal expressions with TIMEX3-style values resolved against the
publication date (rules, ``lagebild.times``). Needs only the text; when the ``nlp`` stage ran
before it, its sentence bounds decide which sentence's tense and anchor date an expression uses."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lagebild.model import Article
from lagebild.stages import StageFunc, register


@register("times", requires=("text",), assigns=("times",))
def load() -> StageFunc:
    """Temporal expressions (dates, times, durations, sets) with resolved values."""
    from lagebild.times import annotate

    def run(articles: Iterable[Article]) -> Iterator[Article]:
        return (annotate(article) for article in articles)

    return run
