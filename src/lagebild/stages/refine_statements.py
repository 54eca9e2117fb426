"""Stage ``refine_statements`` (accurate mode): the transformer tagger's statements completed
by the fast rules - frames, agentless passives without speaker, continuation speakers,
corpus types (``lagebild.statements.refine``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lagebild.model import Article
from lagebild.stages import StageFunc, register


@register("refine_statements", requires=("text", "sentences", "statements"),
          assigns=("statements",))
def load() -> StageFunc:
    """Complete tagger statements with the rules' frames, speakers and types."""
    from lagebild.statements.lexicon import load_lexicon
    from lagebild.statements.refine import refine

    load_lexicon()

    def run(articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield article.model_copy(
                update={"statements": refine(article, article.statements)})

    return run
