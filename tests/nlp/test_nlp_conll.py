"""CoNLL-2003 German: the reader, the label mapping to GermEval, scoring in both conventions."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from spacy.vocab import Vocab

from lagebild.eval.scoring import score_spans
from lagebild.training.conll import (
    conll_label,
    germeval_view,
    map_span,
    mapping_rules,
    misc_as,
    read_conll,
)
from lagebild.training.data import DataFormatError, GoldSentence, to_doc

CONLL = (
    "-DOCSTART-\tO\n\n"
    "Die\tO\ndeutschen\tB-MISC\nund\tO\nSPD-Fraktion\tB-MISC\nin\tO\nBad\tB-LOC\n"
    "Homburg\tI-LOC\n\n"
    "Helmut\tB-PER\nKohl\tI-PER\nlas\tO\nFrankfurter\tB-MISC\nRundschau\tO\n\n"
    "-DOCSTART-\tO\n\n"
    "Der\tB-MISC\nZweite\tI-MISC\nWeltkrieg\tI-MISC\nund\tO\nMakonde\tB-MISC\n"
)


@pytest.fixture()
def conll_file(tmp_path: Path) -> Path:
    path = tmp_path / "mini.tsv"
    path.write_text(CONLL, encoding="utf-8")
    return path


def test_reader_keeps_conll_labels_and_documents(conll_file: Path) -> None:
    sents = read_conll(conll_file)
    assert [len(s.words) for s in sents] == [7, 5, 5]
    assert sents[0].ents == [(1, 2, "MISC"), (3, 4, "MISC"), (5, 7, "LOC")]
    assert sents[1].ents == [(0, 2, "PER"), (3, 4, "MISC")]
    assert [s.meta["doc"] for s in sents] == ["1", "1", "2"]


def test_reader_names_the_bad_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("Kohl\tB-PER\nsagt\tB-OTH\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match=r"bad\.tsv:2: expected a CoNLL-2003 row"):
        read_conll(bad)


@pytest.mark.parametrize(
    ("words", "label", "expected"),
    [
        ("deutschen", "MISC", "LOCderiv"),
        ("Hessischen", "MISC", "LOCderiv"),
        ("Frankfurter", "MISC", "LOCderiv"),
        ("Bad Vilbeler", "MISC", "LOCderiv"),
        ("SPD-Fraktion", "MISC", "-"),
        ("rot-grünen", "MISC", "-"),
        ("Englisch", "MISC", "-"),
        ("Makonde", "MISC", "-"),
        ("Tour de France", "MISC", "OTH"),
        ("Frankfurter Rundschau", "ORG", "ORG"),
        ("Helmut Kohl", "PER", "PER"),
    ],
)
def test_mapping_table(words: str, label: str, expected: str) -> None:
    assert map_span(words.split(), label).germeval == expected


def test_every_conll_label_has_a_catch_all_row() -> None:
    for label in ("PER", "LOC", "ORG", "MISC"):
        assert map_span(["X"], label) in mapping_rules()
        assert map_span(["X", "y"], label) in mapping_rules()


def test_germeval_view_marks_conflicts_unknown(conll_file: Path) -> None:
    counts: Counter[str] = Counter()
    first, second, third = (germeval_view(s, counts) for s in read_conll(conll_file))
    assert first.ents == [(1, 2, "LOCderiv"), (5, 7, "LOC")]
    assert first.unknown == [(3, 4)]
    assert second.ents == [(0, 2, "PER"), (3, 4, "LOCderiv")] and second.unknown is None
    assert third.ents == [(0, 3, "OTH")] and third.unknown == [(4, 5)]
    assert counts["MISC/hyphen"] == 1 and counts["MISC/single"] == 1


def test_misc_policies(conll_file: Path) -> None:
    sents = read_conll(conll_file)
    unknown = misc_as(sents, "unknown")
    assert unknown[0].ents == [(5, 7, "LOC")] and unknown[0].unknown == [(1, 2), (3, 4)]
    oth = misc_as(sents, "oth")
    assert oth[0].ents == [(1, 2, "OTH"), (3, 4, "OTH"), (5, 7, "LOC")] and oth[0].unknown is None
    with pytest.raises(ValueError, match="not one of"):
        misc_as(sents, "drop")


def test_unknown_spans_are_missing_for_training(conll_file: Path) -> None:
    # spaCy: ent_iob 0 = no annotation (no loss); 2 = outside, 3 = begin
    doc = to_doc(Vocab(), germeval_view(read_conll(conll_file)[0]))
    assert [t.ent_iob for t in doc] == [2, 3, 2, 0, 2, 3, 1]


def test_conll_convention_maps_system_labels_to_misc() -> None:
    assert [conll_label(x) for x in ("PER", "LOCderiv", "ORGpart", "OTH", "LOC")] == [
        "PER", "MISC", "MISC", "MISC", "LOC"]
    gold = [GoldSentence(words="Die deutschen Grünen".split(), ents=[(1, 2, "MISC"),
                                                                    (2, 3, "ORG")])]
    result = score_spans(gold, [[(1, 2, "LOCderiv"), (2, 3, "ORG")]], "conll")
    assert result["f1"] == 1.0


def test_predictions_on_unknown_gold_count_neither_way() -> None:
    sent = GoldSentence(words="Die SPD-Fraktion tagt in Bonn".split(), ents=[(4, 5, "LOC")],
                        unknown=[(1, 2)])
    right = score_spans([sent], [[(1, 2, "ORGpart"), (4, 5, "LOC")]])
    assert (right["precision"], right["recall"]) == (1.0, 1.0)
    wrong = score_spans([sent], [[(1, 2, "ORGpart"), (3, 4, "LOC")]])
    assert (wrong["precision"], wrong["recall"]) == (0.0, 0.0)


def test_eval_ner_reads_conll_and_reports_both_conventions(conll_file: Path) -> None:
    import json

    from typer.testing import CliRunner

    from lagebild.cli import app
    from lagebild.eval.cli import detect_ner_format

    assert detect_ner_format(conll_file) == "conll"
    result = CliRunner().invoke(app, ["eval", "ner", str(conll_file), "--json",
                                      "--bootstrap", "0"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["sentences"] == 3
    assert set(report["per_type"]) <= {"PER", "LOC", "ORG", "MISC"}
    view = report["germeval_view"]
    assert view["unknown_spans"] == 2
    assert "MISC" not in view["per_type"] and "LOCderiv" in view["per_type"]
    assert 0.0 < report["f1"] <= 1.0  # Helmut Kohl and Bad Homburg are easy
