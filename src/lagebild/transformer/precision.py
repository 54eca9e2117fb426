"""Number formats of the transformer: the arithmetic it runs in and how its weights are stored.

Imports torch only inside :func:`precision_context`, so the CLI can check a precision or a
storage name on an install without the ``accurate`` extra.
"""

from __future__ import annotations

import contextlib
import functools
import os
from pathlib import Path
from typing import Any

__all__ = [
    "PRECISIONS",
    "WEIGHT_STORAGES",
    "cpu_has_bf16",
    "precision_context",
    "resolve_precision",
]

#: arithmetic of the teacher's matrix products: ``bf16`` (bfloat16 autocast) made the teacher
#: 1.8× faster on a CPU with native bfloat16 (``avx512_bf16``) with the same dev F1 to four
#: digits (GermEval 0.803, Europarl 0.945); CPUs without it emulate bfloat16 slowly, so
#: ``auto`` picks ``bf16`` only where the CPU reports it. ``LAGEBILD_TEACHER_PRECISION``
#: overrides the default.
PRECISIONS = ("auto", "fp32", "bf16")
#: how trained transformer layers are stored (:mod:`lagebild.transformer.weights`)
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


def precision_context(precision: str) -> contextlib.AbstractContextManager[Any]:
    """bfloat16 autocast for ``bf16`` (see :data:`PRECISIONS`), else nothing."""
    if precision == "bf16":
        import torch

        return torch.autocast("cpu", dtype=torch.bfloat16)
    return contextlib.nullcontext()
