"""Stage ``topic``: soft or hard news, for the whole article (``lagebild.topic``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lagebild.model import Article
from lagebild.stages import StageFunc, register


@register("topic", requires=("text", "sentences"), assigns=("topic",))
def load() -> StageFunc:
    """Soft or hard news (sport, entertainment, lifestyle vs. the rest), for the event gate."""
    from lagebild.topic import classify_many, shipped_classifier

    classifier = shipped_classifier()

    def run(articles: Iterable[Article]) -> Iterator[Article]:
        return classify_many(articles, classifier)

    return run
