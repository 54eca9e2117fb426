"""Per-source control of what the fast pipeline trains on (lagebild.training.train)."""

from __future__ import annotations

from spacy.vocab import Vocab

from lagebild.training.data import GoldSentence, to_doc
from lagebild.training.train import without_entities


def _sent(source: str) -> GoldSentence:
    return GoldSentence(
        words=["Kerry", "spricht", "."], tags=["NE", "VVFIN", "$."], ents=[(0, 1, "PER")],
        source=source,
    )


def test_named_sources_lose_entities_but_keep_tags() -> None:
    sources = {"europarl": [_sent("europarl")], "germeval": [_sent("germeval")]}
    out = without_entities(sources, ["europarl"])
    assert out["europarl"][0].ents is None
    assert out["europarl"][0].tags == ["NE", "VVFIN", "$."]
    assert out["germeval"][0].ents == [(0, 1, "PER")]
    assert sources["europarl"][0].ents == [(0, 1, "PER")]  # the input is not changed


def test_unlabelled_entities_are_missing_not_outside() -> None:
    # spaCy: ent_iob 0 = no annotation, so the NER gets no loss from such a sentence
    doc = to_doc(Vocab(), without_entities({"ep": [_sent("ep")]}, ["ep"])["ep"][0])
    assert [t.ent_iob for t in doc] == [0, 0, 0]
    labelled = to_doc(Vocab(), _sent("ge"))
    assert [t.ent_iob_ for t in labelled] == ["B", "O", "O"]

