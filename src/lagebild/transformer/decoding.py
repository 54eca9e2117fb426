"""Decoding BIO tags: spans from tags, and Viterbi decoding that respects the BIO rules.

Shared by the NER teacher (:mod:`lagebild.entities.teacher`) and the quotation tagger
(:mod:`lagebild.statements.tagger`), and by their training loops.
"""

from __future__ import annotations

from collections.abc import Sequence

from lagebild.transformer.extra import ACCURATE_HINT

try:
    import torch
    from torch import Tensor
except ImportError as exc:  # pragma: no cover
    raise ImportError(f"lagebild.transformer.decoding needs torch: {ACCURATE_HINT}") from exc

__all__ = ["bio_spans", "constrained_decode", "transition_mask"]


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """BIO tags → (start, end exclusive, type); a stray ``I`` opens a span (lenient decoding)."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-")
        if tag == "O" or prefix == "B" or lab != label:
            if start >= 0:
                spans.append((start, i, label))
            start, label = (i, lab) if tag != "O" else (-1, "")
    return spans


def transition_mask(tags: Sequence[str]) -> tuple[Tensor, Tensor]:
    """BIO constraints as additive scores: (start [n], transition prev→cur [n, n]); 0 or -1e9."""
    n = len(tags)
    trans = torch.zeros((n, n))
    start = torch.zeros(n)
    for j, tag in enumerate(tags):
        if tag.startswith("I-"):
            start[j] = -1e9
            for i, prev in enumerate(tags):
                if prev not in ("B-" + tag[2:], tag):
                    trans[i, j] = -1e9
    return start, trans


def constrained_decode(logprobs: Tensor, start: Tensor, trans: Tensor) -> list[int]:
    """Viterbi over word log-probabilities ``[n_words, n_tags]`` with BIO constraints."""
    if logprobs.shape[0] == 0:
        return []
    score = logprobs[0] + start
    back: list[Tensor] = []
    for k in range(1, logprobs.shape[0]):
        best, idx = (score[:, None] + trans).max(0)
        back.append(idx)
        score = best + logprobs[k]
    path = [int(score.argmax())]
    for idx in reversed(back):
        path.append(int(idx[path[-1]]))
    path.reverse()
    return path
