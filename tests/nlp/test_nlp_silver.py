"""Silver-data plumbing (round 2): raw-text sentences, HanTa tag normalisation, the distillation
cache format and the rare-label filter. No teacher, HanTa or shared data needed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from lagebild.training.data import STTS_TAGS, GoldSentence
from lagebild.training.distill import read_silver
from lagebild.training.raw import mixed_sentences, raw_sentences
from lagebild.training.silver import fix_lemma, normalise_tag, read_hanta_silver
from lagebild.training.train import RARE_NER_LABELS, SOURCE_COMPONENTS, _drop_labels


def _fake_data(root: Path) -> Path:
    wn = root / "quotes" / "wikinews-quotes-2024" / "train"
    wn.mkdir(parents=True)
    text = "Der US-Außenminister kam am 3. Oktober nach Moskau. „Wir reden“, sagte er. Ok."
    (wn / "1 - a.json").write_text(json.dumps({"originalText": text}), encoding="utf-8")
    sp = root / "quotes" / "spkatt2023-debates" / "train" / "task1"
    sp.mkdir(parents=True)
    sents = {"Sentences": [{"Tokens": ["Frau", "Präsidentin", "!"]}, {"Tokens": ["Ja", "."]}]}
    (sp / "x.json").write_text(json.dumps(sents), encoding="utf-8")
    return root


def test_raw_sentences_tokenize_and_keep_quotes_with_frame(tmp_path: Path) -> None:
    data = _fake_data(tmp_path)
    sents = list(raw_sentences(data, "wikinews"))
    assert sents[0] == ["Der", "US-Außenminister", "kam", "am", "3.", "Oktober", "nach",
                        "Moskau", "."]
    assert sents[1][0] == "„" and sents[1][-3:] == ["sagte", "er", "."]
    assert len(sents) == 2  # "Ok ." is shorter than 3 words
    assert list(raw_sentences(data, "spkatt")) == [["Frau", "Präsidentin", "!"]]


def test_xglue_titles_are_texts_of_their_own_and_repeated_bodies_are_skipped(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "news" / "raw-extra"
    folder.mkdir(parents=True)
    rows = ["Federer mit Thriller zu Becker-Rekord\tRoger Federer wackelte. Er fiel nicht.\tsports",
            "Russland soll Schmerzensgeld zahlen\tRussland soll Schmerzensgeld zahlen\tnews",
            "kaputte Zeile ohne Tabulator"]
    (folder / "xglue-news-de-dev.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    sents = list(raw_sentences(tmp_path, "xglue"))
    assert sents == [["Federer", "mit", "Thriller", "zu", "Becker-Rekord"],
                     ["Roger", "Federer", "wackelte", "."], ["Er", "fiel", "nicht", "."],
                     ["Russland", "soll", "Schmerzensgeld", "zahlen"]]


def test_mixed_sentences_round_robin_and_budget(tmp_path: Path) -> None:
    data = _fake_data(tmp_path)
    got = list(mixed_sentences(data, ("wikinews", "spkatt"), max_tokens=12))
    assert [s for s, _ in got] == ["wikinews", "spkatt"]
    assert sum(len(w) for _, w in got) >= 12


def test_hanta_tags_normalised_to_stts() -> None:
    assert normalise_tag("VV(FIN)") == "VVFIN"
    assert normalise_tag("ADJ(A)") == "ADJA"
    assert normalise_tag("NNA") == "NN"
    assert normalise_tag("PAV") == "PROAV"
    assert {normalise_tag(t) for t in ("VA(FIN)", "VM(INF)", "VV(IZU)")} <= STTS_TAGS
    assert fix_lemma("US-Außenminister", "Us-außenminister", "NN") == "US-Außenminister"
    assert fix_lemma("Der", "der", "ART") == "der"


def test_hanta_silver_roundtrip(tmp_path: Path) -> None:
    path = tmp_path / "h.jsonl"
    path.write_text(json.dumps({"w": ["Er", "sei"], "t": ["PPER", "VAFIN"], "l": ["er", "sein"]})
                    + "\n", encoding="utf-8")
    (sent,) = read_hanta_silver(path)
    assert sent.tags == ["PPER", "VAFIN"] and sent.lemmas == ["er", "sein"]
    assert sent.source == "hanta" and "tagger" in SOURCE_COMPONENTS["hanta"]


def test_distill_cache_roundtrip(tmp_path: Path) -> None:
    vocab = Vocab()
    doc = Doc(vocab, words=["John", "Kerry", "in", "Moskau"])
    doc.set_ents([Span(doc, 0, 2, "PER"), Span(doc, 3, 4, "LOC")], default="outside")
    db = DocBin(attrs=["ENT_IOB", "ENT_TYPE"])
    db.add(doc)
    db.to_disk(tmp_path / "silver-0000.spacy")
    (sent,) = read_silver(tmp_path)
    assert sent.words == ["John", "Kerry", "in", "Moskau"]
    assert sent.ents == [(0, 2, "PER"), (3, 4, "LOC")]
    assert SOURCE_COMPONENTS["distill"] == ("tok2vec", "ner")


def test_rare_labels_become_no_entity() -> None:
    sent = GoldSentence(words=["Merkel-Regierung", "in", "Berlin"],
                        ents=[(0, 1, "PERpart"), (2, 3, "LOC")])
    assert "PERpart" in RARE_NER_LABELS
    assert _drop_labels(sent, set(RARE_NER_LABELS)).ents == [(2, 3, "LOC")]
    assert sent.ents == [(0, 1, "PERpart"), (2, 3, "LOC")]  # not mutated


def test_distill_refuses_to_resume_with_other_teacher_weights(tmp_path: Path) -> None:
    from lagebild.training.distill import _check_labeller

    first, second, out = tmp_path / "a", tmp_path / "b", tmp_path / "silver"
    for folder, weights in ((first, b"one"), (second, b"two")):
        folder.mkdir()
        (folder / "teacher.safetensors").write_bytes(weights)
    out.mkdir()
    _check_labeller(out, [first, second])
    _check_labeller(out, [first, second])  # same weights: resumes
    stamp = json.loads((out / "teachers.json").read_text(encoding="utf-8"))
    assert stamp["teachers"] == [str(first), str(second)]
    with pytest.raises(ValueError, match="other teacher weights"):
        _check_labeller(out, [first])


def test_distill_resume_relabels_a_short_last_shard(tmp_path: Path) -> None:
    from lagebild.training.distill import SHARD, _folder_totals, _resume_point

    vocab = Vocab()
    for name, n in (("silver-0000.spacy", SHARD), ("silver-0001.spacy", 5)):
        db = DocBin(attrs=["ENT_IOB", "ENT_TYPE"])
        for _ in range(n):
            db.add(Doc(vocab, words=["Merkel", "spricht", "."], ents=["B-PER", "O", "O"]))
        db.to_disk(tmp_path / name)
    assert _folder_totals(tmp_path) == {
        "sentences": SHARD + 5, "tokens": 3 * (SHARD + 5), "entities": SHARD + 5,
    }
    # the 5-sentence shard ended an earlier, smaller budget: it is labelled again, no gap
    assert _resume_point(tmp_path) == SHARD
    assert [p.name for p in sorted(tmp_path.glob("silver-*"))] == ["silver-0000.spacy"]
