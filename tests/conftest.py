"""Shared fixtures. Tests that need ../shared skip with a clear message when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LAGEBILD_SHARED", REPO.parent / "shared"))
EXAMPLE = SHARED / "examples" / "ntv-2015-moskau-sucht-gespraech.txt"
SAMPLES = REPO / "samples"

# The transformers' arithmetic follows the CPU by default (bf16 where it has avx512_bf16/AMX,
# else fp32), and the two differ in a few decisions: golden files and gate floors are pinned to
# fp32 so the tests give the same answer on every machine. Tests of the setting itself
# override it with monkeypatch.
os.environ.setdefault("LAGEBILD_TEACHER_PRECISION", "fp32")


@pytest.fixture()
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED} (set LAGEBILD_SHARED)")
    return SHARED


@pytest.fixture()
def example_path(shared_dir: Path) -> Path:
    if not EXAMPLE.is_file():
        pytest.skip(f"example article missing: {EXAMPLE}")
    return EXAMPLE


@pytest.fixture()
def samples_dir() -> Path:
    return SAMPLES
