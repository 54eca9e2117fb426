"""Stage ``statements`` (fast mode): who said what, found by rules over the parsed sentences
and the cue lexicon (``lagebild/statements``). Speakers are spans; the ``speakers`` stage
links them to actors."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lagebild.model import Article
from lagebild.stages import StageFunc, register


@register("statements", requires=("text", "sentences"), assigns=("statements",))
def load() -> StageFunc:
    """Rule-based statements: direct, indirect, reported quotations with cue, frame, speaker."""
    from lagebild.statements.build import statements_of
    from lagebild.statements.lexicon import load_lexicon

    load_lexicon()

    def run(articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield article.model_copy(update={"statements": statements_of(article)})

    return run
