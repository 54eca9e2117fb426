"""Mention replacement: new NER training sentences from gold ones.

Thin gold data caps the teacher (4.3k GermEval sentences). Mention replacement swaps an
entity mention for another gold mention of the same label, so the model sees the same
context with other names and cannot memorise "this name, this label"; Dai & Adel (2020, "An
Analysis of Simple Data Augmentation for Named Entity Recognition", COLING) found it among the
most useful simple augmentations on small NER training sets.

Only training sentences feed the pool; the dev split never does.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

from lagebild.training.data import GoldSentence

MentionPool = dict[str, list[tuple[str, ...]]]


def mention_pool(sents: Sequence[GoldSentence]) -> MentionPool:
    """Distinct mentions (as word tuples) per entity label, in first-seen order."""
    pool: MentionPool = {}
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for sent in sents:
        for start, end, label in sent.ents or []:
            words = tuple(sent.words[start:end])
            if (label, words) not in seen:
                seen.add((label, words))
                pool.setdefault(label, []).append(words)
    return pool


def replace_mentions(
    sent: GoldSentence, pool: MentionPool, rng: random.Random, prob: float
) -> GoldSentence | None:
    """A copy of ``sent`` with each mention swapped with probability ``prob`` (at least one).

    Returns None when no mention of ``sent`` has an alternative in ``pool``. Only words and
    entity spans are carried over: the copy is NER training data, not a tagging example.
    """
    ents = sorted(sent.ents or [])
    swappable = [i for i, (_, _, lab) in enumerate(ents) if len(pool.get(lab, ())) > 1]
    if not swappable:
        return None
    chosen = {i for i in swappable if rng.random() < prob} or {rng.choice(swappable)}
    words: list[str] = []
    new_ents: list[tuple[int, int, str]] = []
    pos = 0
    for i, (start, end, label) in enumerate(ents):
        words += sent.words[pos:start]
        mention = tuple(sent.words[start:end])
        if i in chosen:
            mention = _other(pool[label], mention, rng)
        new_ents.append((len(words), len(words) + len(mention), label))
        words += mention
        pos = end
    words += sent.words[pos:]
    return replace(
        sent, words=words, spaces=None, tags=None, pos=None, morphs=None, lemmas=None,
        heads=None, deps=None, ents=new_ents, meta={**sent.meta, "augmented": "mention"},
    )


def _other(candidates: list[tuple[str, ...]], current: tuple[str, ...], rng: random.Random
           ) -> tuple[str, ...]:
    for _ in range(8):
        pick = rng.choice(candidates)
        if pick != current:
            return pick
    return current


def augment(
    sents: Sequence[GoldSentence], pool: MentionPool, rng: random.Random, ratio: float,
    prob: float = 0.5,
) -> list[GoldSentence]:
    """About ``ratio`` × (sentences with a swappable mention) new sentences, drawn with ``rng``."""
    out: list[GoldSentence] = []
    whole, frac = divmod(ratio, 1.0)
    for sent in sents:
        copies = int(whole) + (1 if rng.random() < frac else 0)
        for _ in range(copies):
            new = replace_mentions(sent, pool, rng, prob)
            if new is None:
                break
            out.append(new)
    return out
