"""Self-training of the e5 teacher: silver attribution, sampling, weighted loss."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from lagebild.training import self_training
from lagebild.training.data import GoldSentence
from lagebild.training.self_training import SilverMismatchError, SilverSampler, silver_pool

STREAM = [
    ("wikinews", ["Kerry", "reist", "nach", "Moskau", "."]),
    ("spkatt", ["Herr", "Präsident", "!"]),
    ("gnad", ["Wien", "wächst", "."]),
]


def _write_silver(folder: Path, sents: list[list[str]]) -> None:
    folder.mkdir()
    vocab = Vocab()
    db = DocBin(attrs=["ENT_IOB", "ENT_TYPE"])
    for words in sents:
        doc = Doc(vocab, words=words)
        doc.set_ents([Span(doc, 0, 1, label="LOC")] if words[0] in ("Wien",) else [])
        db.add(doc)
    db.to_disk(folder / "silver-0000.spacy")
    meta = {"max_tokens": 100, "sources": ["wikinews", "gnad", "spkatt"]}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


@pytest.fixture
def fake_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    def stream(data: Path, sources: tuple[str, ...], max_tokens: int) -> Iterator[
        tuple[str, list[str]]
    ]:
        yield from STREAM

    monkeypatch.setattr(self_training, "mixed_sentences", stream)


@pytest.mark.usefixtures("fake_stream")
def test_silver_pool_keeps_only_chosen_sources(tmp_path: Path) -> None:
    _write_silver(tmp_path / "silver", [words for _, words in STREAM])
    pool = silver_pool(tmp_path, tmp_path / "silver", ("wikinews", "gnad"))
    assert [s.words[0] for s in pool] == ["Kerry", "Wien"]
    assert [s.source for s in pool] == ["silver-wikinews", "silver-gnad"]
    assert pool[1].ents == [(0, 1, "LOC")]


@pytest.mark.usefixtures("fake_stream")
def test_silver_pool_refuses_a_folder_from_other_text(tmp_path: Path) -> None:
    _write_silver(tmp_path / "silver", [["Anderer", "Text", "."], ["Herr", "Präsident", "!"]])
    with pytest.raises(SilverMismatchError, match="sentence 0"):
        silver_pool(tmp_path, tmp_path / "silver", ("wikinews",))


@pytest.mark.usefixtures("fake_stream")
def test_silver_pool_refuses_an_unknown_source(tmp_path: Path) -> None:
    _write_silver(tmp_path / "silver", [words for _, words in STREAM])
    with pytest.raises(SilverMismatchError, match="rw"):
        silver_pool(tmp_path, tmp_path / "silver", ("rw",))


def test_sampler_sees_every_sentence_before_repeating() -> None:
    pool = [GoldSentence(words=[str(i)]) for i in range(5)]
    sampler = SilverSampler(pool, per_epoch=2, seed=0)
    first_pass = [s.words[0] for _ in range(2) for s in sampler.next_epoch()]
    first_pass += [sampler.next_epoch()[0].words[0]]
    assert sorted(first_pass) == ["0", "1", "2", "3", "4"]


def test_silver_words_weigh_less_in_the_loss() -> None:
    torch = pytest.importorskip("torch")
    from lagebild.training.teacher import Example, batch_loss

    def example(weight: float) -> Example:
        return Example(ids=[0, 5, 2], first=[1], labels=[1], gold=[], weight=weight)

    logits = torch.zeros((2, 3, 4))
    logits[1, 1, 1] = 5.0  # the second example is nearly right, the first is uniform
    full = batch_loss(logits, [example(1.0), example(1.0)])
    half = batch_loss(logits, [example(1.0), example(0.5)])
    uniform = torch.log(torch.tensor(4.0))
    right = torch.nn.functional.cross_entropy(logits[1, 1:2], torch.tensor([1]))
    assert float(full) == pytest.approx(float(uniform + right) / 2, rel=1e-5)
    assert float(half) == pytest.approx(float(uniform + 0.5 * right) / 2, rel=1e-5)
