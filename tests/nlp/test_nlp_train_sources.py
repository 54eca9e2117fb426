"""Per-source control of what the fast pipeline trains on (lagebild.training.train)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Doc, DocBin, Span
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


def test_distill_silver_keeps_only_named_raw_corpora(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lagebild.training import self_training
    from lagebild.training.train import TrainOptions, _distill_silver

    stream = [("wikinews", ["Kerry", "reist", "."]), ("rw", ["Der", "Graf", "sprach", "."])]
    folder = tmp_path / "silver"
    folder.mkdir()
    vocab = Vocab()
    db = DocBin(attrs=["ENT_IOB", "ENT_TYPE"])
    for _, words in stream:
        doc = Doc(vocab, words=words)
        doc.set_ents([Span(doc, 0, 1, label="PER")])
        db.add(doc)
    db.to_disk(folder / "silver-0000.spacy")
    meta = {"max_tokens": 100, "sources": ["wikinews", "rw"]}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    monkeypatch.setattr(self_training, "mixed_sentences", lambda *_: iter(stream))

    opts = TrainOptions(data=tmp_path, out=tmp_path / "out", distill_silver=folder,
                        log=lambda _: None)
    assert len(_distill_silver(opts)) == 2  # no filter: everything
    opts.distill_sources = ("wikinews",)
    kept = _distill_silver(opts)
    assert [s.words[0] for s in kept] == ["Kerry"]
    assert kept[0].ents == [(0, 1, "PER")]


def test_learning_rate_decays_linearly_then_stays() -> None:
    from lagebild.training.train import decayed_rate

    assert decayed_rate(0.001, 0, 100, 0.1) == 0.001
    assert abs(decayed_rate(0.001, 50, 100, 0.1) - 0.00055) < 1e-12
    assert abs(decayed_rate(0.001, 100, 100, 0.1) - 0.0001) < 1e-12
    assert decayed_rate(0.001, 150, 100, 0.1) == decayed_rate(0.001, 100, 100, 0.1)


def test_repeat_option_parses_and_rejects_bad_specs() -> None:
    import typer

    from lagebild.training.cli import parse_repeats

    assert parse_repeats("") == {}
    assert parse_repeats("germeval=2, ud=3") == {"germeval": 2, "ud": 3}
    for bad in ("germeval", "germeval=0", "germeval=x"):
        with pytest.raises(typer.BadParameter):
            parse_repeats(bad)
