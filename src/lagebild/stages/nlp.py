"""Stage ``nlp``: the German spaCy pipeline (sentences, tokens with morphology and
dependencies, entities), shipped in ``lagebild/models/de_lagebild``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lagebild.model import Article
from lagebild.stages import StageFunc, register


def _probe() -> str | None:
    from lagebild.nlp import DEFAULT_MODEL

    if not (DEFAULT_MODEL / "config.cfg").is_file():
        return f"no German pipeline at {DEFAULT_MODEL}; reinstall Lagebild"
    return None


@register("nlp", requires=("text", "blocks"), assigns=("sentences", "entities"), probe=_probe)
def load() -> StageFunc:
    """German spaCy pipeline: sentences, tokens, morphology, dependencies, entities."""
    from lagebild import nlp

    pipeline = nlp.load_pipeline()

    def run(articles: Iterable[Article]) -> Iterator[Article]:
        return nlp.annotate_many(articles, pipeline)

    return run
