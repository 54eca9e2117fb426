"""Several fine-tuned teachers as one labeller (training and evaluation only).

Averaging the tag probabilities of teachers trained with different seeds or depths labels
better than any one of them (docs/lab/DECISIONS.teacher.md, round 5), but every member costs
its layers again, so accurate mode keeps the one shipped teacher (DECISIONS.md). Used by
``lagebild train distill`` and ``lagebild eval ner`` with ``--teacher`` given several times.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import torch
from torch import Tensor, nn

from lagebild.entities.teacher import Teacher, load_model, load_teacher
from lagebild.transformer.encoder import cached_tokenizer
from lagebild.transformer.model import TeacherModel, TokenClassifier, input_states

__all__ = ["EnsembleModel", "load_ensemble"]


class EnsembleModel(TokenClassifier):
    """Several fine-tuned teachers on the same base: the log of their mean tag probability.

    Used as a stronger labeller for distillation (training time only). The bottom ``shared``
    layers are frozen in every member, so they are run once for all members.
    """

    def __init__(self, members: Sequence[TeacherModel], shared: int) -> None:
        super().__init__()
        self.members = nn.ModuleList(members)
        self.encoder = members[0].encoder
        self.shared = shared

    def forward(
        self,
        ids: Tensor | None,
        mask: Tensor,
        hidden: Tensor | None = None,
        start: int = 0,
    ) -> Tensor:
        top = max(start, self.shared)
        base = self.encoder.run_layers(input_states(self.encoder, ids, hidden), mask, start, top)
        probs = [m(None, mask, base, top).softmax(-1) for m in self.members]
        out: Tensor = torch.stack(probs).mean(0).clamp_min(1e-9).log()
        return out


def load_ensemble(model_dirs: Sequence[Path], precision: str | None = None) -> Teacher:
    """Several teacher folders as one labeller (mean probability); one folder = ``load_teacher``."""
    if len(model_dirs) == 1:
        return load_teacher(model_dirs[0], precision)
    if not model_dirs:
        raise ValueError("load_ensemble needs at least one teacher folder")
    loaded = [load_model(Path(d)) for d in model_dirs]
    tags = loaded[0][1]
    for d, (_, other, _) in zip(model_dirs, loaded, strict=True):
        if other != tags:
            raise ValueError(f"{d}: its tag set differs from {model_dirs[0]}'s; cannot average")
    shared = min(first for _, _, first in loaded)
    ensemble = EnsembleModel([m for m, _, _ in loaded], shared)
    return Teacher(ensemble.eval(), cached_tokenizer(), tags, precision)
