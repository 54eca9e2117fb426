"""Import spaCy without importing torch.

thinc (spaCy's machine-learning library) tries ``import torch`` when it is first imported, only
to offer its PyTorch wrappers. The shipped pipeline is pure thinc and never uses them, but where
torch is installed (the ``accurate`` extra) that import alone costs about 4 s of CPU and 250 MB
of memory at every start of ``lagebild analyze`` or ``ingest``.

:func:`import_thinc_without_torch` hides torch from thinc's one probe (``thinc.compat``) and
nothing else: code that needs torch later (the accurate stages, training) still imports it
normally. Set ``LAGEBILD_THINC_TORCH=1`` to let thinc see torch (for thinc's PyTorch wrappers);
when torch is already imported, thinc sees it anyway.

:func:`import_spacy_without_cli` does the same for ``spacy.cli``: ``import spacy`` imports its
command line (``from .cli.info import info``) and with it weasel, requests, typer and a YAML
config read, about 0.35 s of CPU at every start, for a function Lagebild never calls. It also
lets catalogue (spaCy's function registries) answer its entry-point look-ups from a per-group
cache: loading the model asks 166 times, and each ask filtered all installed entry points.
"""

from __future__ import annotations

import os
import sys
import types
from typing import Any


def import_thinc_without_torch() -> None:
    """Import ``thinc.compat`` with ``import torch`` failing inside it; no-op when thinc is
    already imported, torch already loaded, or ``LAGEBILD_THINC_TORCH`` is set."""
    if "thinc.compat" in sys.modules or "torch" in sys.modules:
        return
    if os.environ.get("LAGEBILD_THINC_TORCH"):
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise
    try:
        import thinc.compat  # noqa: F401
    finally:
        # Only thinc's probe is to miss torch; anyone importing it afterwards gets it.
        if sys.modules.get("torch") is None:
            del sys.modules["torch"]


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info`` as spaCy exports it, importing spaCy's command line on first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy_without_cli() -> None:
    """Import ``spacy`` with placeholder ``spacy.cli``/``spacy.cli.info`` modules, removed right
    after, so that spaCy's command line is imported only by whoever imports it later (the
    training commands do, normally). No-op when spaCy is already imported."""
    if "spacy" in sys.modules:
        return
    import_thinc_without_torch()
    names = ("spacy.cli", "spacy.cli.info")
    if any(name in sys.modules for name in names):
        import spacy
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _spacy_info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        import spacy
    except ImportError:
        # A spaCy that wants more of its command line at import: forget the half-imported
        # package and import it the ordinary way (slower, but working).
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
    finally:
        for name, placeholder in zip(names, (cli, info), strict=True):
            if sys.modules.get(name) is placeholder:
                del sys.modules[name]
    import spacy  # noqa: F401

    _group_entry_points()


class _EntryPointsByGroup:
    """catalogue's snapshot of the installed entry points (taken once, at its import), whose
    ``select(group=…)`` answers come from a cache: the same answers, without filtering every
    installed entry point again on each registry look-up (≈ 0.05 s of a model load)."""

    def __init__(self, points: Any) -> None:
        self._points = points
        self._answers: dict[tuple[tuple[str, Any], ...], Any] = {}

    def select(self, **params: Any) -> Any:
        key = tuple(sorted(params.items()))
        found = self._answers.get(key)
        if found is None:
            found = self._answers[key] = self._points.select(**params)
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._points, name)


def _group_entry_points() -> None:
    import catalogue

    points = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if hasattr(points, "select") and not isinstance(points, _EntryPointsByGroup):
        catalogue.AVAILABLE_ENTRY_POINTS = _EntryPointsByGroup(points)
