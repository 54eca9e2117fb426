"""Mention replacement for teacher training (lagebild.training.augment)."""

from __future__ import annotations

import random

from lagebild.training.augment import augment, mention_pool, replace_mentions
from lagebild.training.data import GoldSentence


def _sent(words: str, ents: list[tuple[int, int, str]]) -> GoldSentence:
    return GoldSentence(words=words.split(), ents=ents, source="germeval")


TRAIN = [
    _sent("Angela Merkel besucht Paris .", [(0, 2, "PER"), (3, 4, "LOC")]),
    _sent("Kerry trifft Lawrow in Genf .", [(0, 1, "PER"), (2, 3, "PER"), (4, 5, "LOC")]),
    _sent("Die russische Regierung schweigt .", [(1, 2, "LOCderiv")]),
]


def test_pool_collects_distinct_mentions_per_label() -> None:
    pool = mention_pool([*TRAIN, TRAIN[0]])
    assert pool["PER"] == [("Angela", "Merkel"), ("Kerry",), ("Lawrow",)]
    assert pool["LOC"] == [("Paris",), ("Genf",)]
    assert pool["LOCderiv"] == [("russische",)]


def test_replacement_keeps_context_and_moves_spans() -> None:
    pool = mention_pool(TRAIN)
    new = replace_mentions(TRAIN[1], pool, random.Random(3), prob=1.0)
    assert new is not None
    # the words between the mentions are untouched, every span covers a pool mention
    text = " ".join(new.words)
    assert " trifft " in text and " in " in text and new.words[-1] == "."
    assert [lab for _, _, lab in new.ents or []] == ["PER", "PER", "LOC"]
    for start, end, label in new.ents or []:
        assert tuple(new.words[start:end]) in pool[label]
    assert new.words != TRAIN[1].words
    assert new.tags is None and new.meta["augmented"] == "mention"


def test_sentence_without_alternatives_is_skipped() -> None:
    pool = mention_pool(TRAIN)
    assert replace_mentions(TRAIN[2], pool, random.Random(0), prob=1.0) is None
    assert augment([TRAIN[2]], pool, random.Random(0), ratio=2.0) == []


def test_ratio_sets_the_number_of_copies_and_is_seeded() -> None:
    pool = mention_pool(TRAIN)
    two = augment(TRAIN[:2], pool, random.Random(0), ratio=2.0)
    assert len(two) == 4
    again = augment(TRAIN[:2], pool, random.Random(0), ratio=2.0)
    assert [s.words for s in two] == [s.words for s in again]
