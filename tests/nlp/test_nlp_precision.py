"""The teacher's arithmetic: bfloat16 only where the CPU has it, overridable, bad values refused."""

from __future__ import annotations

import pytest

from lagebild.transformer import precision

WITH_BF16 = "processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f avx512_bf16\n"
WITHOUT = "processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f\n"


def test_cpu_flags_decide_bf16() -> None:
    assert precision.cpu_has_bf16(WITH_BF16)
    assert not precision.cpu_has_bf16(WITHOUT)
    assert not precision.cpu_has_bf16("")  # e.g. no flags line on another platform


def test_auto_follows_the_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LAGEBILD_TEACHER_PRECISION", raising=False)
    monkeypatch.setattr(precision, "cpu_has_bf16", lambda cpuinfo=None: False)
    assert precision.resolve_precision() == "fp32"
    monkeypatch.setattr(precision, "cpu_has_bf16", lambda cpuinfo=None: True)
    assert precision.resolve_precision() == "bf16"
    assert precision.resolve_precision("fp32") == "fp32"  # an explicit choice wins


def test_environment_overrides_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(precision, "cpu_has_bf16", lambda cpuinfo=None: True)
    monkeypatch.setenv("LAGEBILD_TEACHER_PRECISION", "FP32")
    assert precision.resolve_precision() == "fp32"
    assert precision.resolve_precision("bf16") == "bf16"


def test_unknown_precision_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAGEBILD_TEACHER_PRECISION", "fp16")
    with pytest.raises(ValueError, match="LAGEBILD_TEACHER_PRECISION"):
        precision.resolve_precision()
