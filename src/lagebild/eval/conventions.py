"""How consistently a UD treebank assigns UPOS, and where two treebanks disagree.

Used to read the UPOS score honestly (docs/lab/DECISIONS.nlp.md, round 12): a tagger cannot beat
the treebank's own consistency, and a model trained on two treebanks that annotate the
same words differently pays on one of them whatever it learns.

- :func:`stts_ceiling`: where a treebank also has STTS tags, the accuracy of the best
  *context-free* STTS → UPOS mapping (each STTS tag → its most frequent UPOS). It measures
  how much of the UPOS layer is not predictable from the STTS tag alone (GSD's names tagged
  ``NN`` but ``PROPN``, ``KOKOM`` split three ways …).
- :func:`convention_probes`: the UPOS distribution of word groups where German UD treebanks
  are known to follow different guidelines (comparative and infinitive particles, adverbially
  used adjectives, month names), per treebank, so that a conflict is visible in numbers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from lagebild.training.data import GoldSentence

MONTHS = frozenset(
    "Januar Jänner Februar März April Mai Juni Juli August September Oktober November "
    "Dezember".split()
)
PARTICLES = frozenset({"als", "wie", "um"})

Token = tuple[GoldSentence, int]


@dataclass(frozen=True)
class Ceiling:
    """The context-free STTS → UPOS mapping of one treebank and how far it gets."""

    tokens: int
    accuracy: float
    mapping: dict[str, str]  # STTS tag → its majority UPOS
    split_tags: dict[str, dict[str, int]]  # STTS tags with more than one UPOS: UPOS → count


def stts_ceiling(sents: Sequence[GoldSentence]) -> Ceiling:
    """Accuracy of predicting each token's gold UPOS from its gold STTS tag alone.

    Sentences without STTS tags (PUD) are skipped; ``tokens`` says how many were counted.
    """
    by_tag: dict[str, Counter[str]] = {}
    for sent in sents:
        if sent.tags is None or sent.pos is None:
            continue
        for tag, upos in zip(sent.tags, sent.pos, strict=True):
            by_tag.setdefault(tag, Counter())[upos] += 1
    total = sum(sum(c.values()) for c in by_tag.values())
    right = sum(c.most_common(1)[0][1] for c in by_tag.values())
    return Ceiling(
        tokens=total,
        accuracy=right / total if total else 0.0,
        mapping={tag: c.most_common(1)[0][0] for tag, c in sorted(by_tag.items())},
        split_tags={
            tag: dict(c.most_common()) for tag, c in sorted(by_tag.items()) if len(c) > 1
        },
    )


def _adjective_lemmas(sents: Sequence[GoldSentence]) -> frozenset[str]:
    return frozenset(
        lemma
        for s in sents
        if s.pos is not None and s.lemmas is not None
        for upos, lemma in zip(s.pos, s.lemmas, strict=True)
        if upos == "ADJ"
    )


def _probes(adjectives: frozenset[str]) -> dict[str, Callable[[Token], bool]]:
    def particle(tok: Token) -> bool:
        sent, i = tok
        return sent.words[i].lower() in PARTICLES

    def adverbial_adjective(tok: Token) -> bool:
        sent, i = tok
        return (
            sent.deps is not None
            and sent.deps[i] == "advmod"
            and sent.lemmas is not None
            and sent.lemmas[i] in adjectives
        )

    def month(tok: Token) -> bool:
        sent, i = tok
        return sent.words[i] in MONTHS

    return {
        "als/wie/um": particle,
        "advmod with an adjective lemma": adverbial_adjective,
        "month names": month,
    }


def convention_probes(
    treebanks: Mapping[str, Sequence[GoldSentence]],
) -> dict[str, dict[str, dict[str, int]]]:
    """probe → treebank → UPOS → count.

    "Adjective lemma" means a lemma that any of the given treebanks tags ``ADJ`` somewhere, so
    a treebank that tags all adverbially used adjectives ``ADV`` is still probed.
    """
    adjectives = _adjective_lemmas([s for sents in treebanks.values() for s in sents])
    out: dict[str, dict[str, dict[str, int]]] = {}
    for probe, matches in _probes(adjectives).items():
        out[probe] = {}
        for name, sents in treebanks.items():
            counts: Counter[str] = Counter(
                s.pos[i]
                for s in sents
                if s.pos is not None
                for i in range(len(s.words))
                if matches((s, i))
            )
            out[probe][name] = dict(counts.most_common())
    return out
