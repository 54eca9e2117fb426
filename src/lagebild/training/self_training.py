"""Self-training data for the e5 teacher: its own silver labels on raw news text.

``lagebild train distill`` writes the teacher's labels of raw German text as DocBin shards
(:mod:`lagebild.training.distill`). The shards do not record which corpus a sentence came
from, but the labelled stream is deterministic (:func:`lagebild.training.raw.mixed_sentences`
with the sources and token budget in the folder's ``meta.json``), so re-reading it attributes
every silver sentence to its corpus; a word mismatch means the folder and the data disagree
and is an error, never a silent misattribution. Only the chosen sources are kept (news text
is closest to GermEval's Wikipedia and news sentences).
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path

from lagebild.training.data import GoldSentence
from lagebild.training.distill import read_silver
from lagebild.training.raw import RAW_SOURCES, mixed_sentences


class SilverMismatchError(ValueError):
    """The silver folder was not labelled from this data folder's raw text stream."""


def silver_pool(data: Path, silver: Path, keep: Sequence[str]) -> list[GoldSentence]:
    """Silver sentences of ``silver`` whose raw source is in ``keep`` (source set on each)."""
    sents = read_silver(silver)
    meta_path = silver / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    sources = tuple(meta.get("sources", RAW_SOURCES))
    unknown = set(keep) - set(sources)
    if unknown:
        raise SilverMismatchError(f"silver folder {silver} has no source(s) {sorted(unknown)}")
    stream = mixed_sentences(data, sources, int(meta.get("max_tokens", 1_000_000)))
    out: list[GoldSentence] = []
    for i, sent in enumerate(sents):
        name, words = next(stream, ("", []))
        if words != sent.words:
            raise SilverMismatchError(
                f"silver sentence {i} of {silver} does not match the raw text of {data}"
            )
        if name in keep:
            sent.source = f"silver-{name}"
            out.append(sent)
    return out


class SilverSampler:
    """A fresh random sample of ``per_epoch`` silver sentences for each epoch.

    Sampling without replacement across epochs (a reshuffled pass) so that as many distinct
    silver sentences as possible are seen before any repeats.
    """

    def __init__(self, pool: Sequence[GoldSentence], per_epoch: int, seed: int) -> None:
        self.pool = list(pool)
        self.per_epoch = min(per_epoch, len(self.pool))
        self.rng = random.Random(seed)
        self.order: list[int] = []

    def next_epoch(self) -> list[GoldSentence]:
        picked: list[GoldSentence] = []
        while len(picked) < self.per_epoch:
            if not self.order:
                self.order = list(range(len(self.pool)))
                self.rng.shuffle(self.order)
            picked.append(self.pool[self.order.pop()])
        return picked
