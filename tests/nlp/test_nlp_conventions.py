"""UD convention analysis (``lagebild eval ud-conventions``) on hand-built sentences."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from lagebild.eval.cli import app
from lagebild.eval.conventions import convention_probes, stts_ceiling
from lagebild.training.data import GoldSentence


def sent(rows: list[tuple[str, str, str, str | None, str]]) -> GoldSentence:
    """rows of (word, lemma, UPOS, STTS or None, deprel)."""
    tags = [r[3] for r in rows]
    return GoldSentence(
        words=[r[0] for r in rows],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=None if any(t is None for t in tags) else [t for t in tags if t is not None],
        deps=[r[4] for r in rows],
    )


GSD_LIKE = [
    sent([("Er", "er", "PRON", "PPER", "nsubj"), ("lief", "laufen", "VERB", "VVFIN", "root"),
          ("schnell", "schnell", "ADJ", "ADJD", "advmod"), ("im", "in", "ADP", "APPRART", "case"),
          ("Mai", "Mai", "PROPN", "NN", "obl")]),
    sent([("Der", "der", "DET", "ART", "det"), ("Mai", "Mai", "NOUN", "NN", "nsubj"),
          ("ist", "sein", "AUX", "VAFIN", "cop"), ("schöner", "schön", "ADJ", "ADJD", "root"),
          ("als", "als", "ADP", "KOKOM", "case"), ("Juni", "Juni", "PROPN", "NN", "obl")]),
]
PUD_LIKE = [
    sent([("Sie", "sie", "PRON", None, "nsubj"), ("kam", "kommen", "VERB", None, "root"),
          ("schnell", "schnell", "ADV", None, "advmod"), ("als", "als", "CCONJ", None, "cc"),
          ("Ärztin", "Ärztin", "NOUN", None, "obl"), ("im", "in", "ADP", None, "case"),
          ("Mai", "Mai", "NOUN", None, "obl")]),
]


def test_stts_ceiling_counts_the_majority_upos_per_tag() -> None:
    ceiling = stts_ceiling(GSD_LIKE + PUD_LIKE)
    assert ceiling.tokens == 11  # PUD_LIKE has no STTS and is skipped
    # NN: PROPN 2, NOUN 1 -> one token the context-free mapping cannot get right
    assert ceiling.accuracy == 10 / 11
    assert ceiling.mapping["NN"] == "PROPN"
    assert ceiling.split_tags == {"NN": {"PROPN": 2, "NOUN": 1}}


def test_stts_ceiling_without_stts_is_zero_tokens() -> None:
    assert stts_ceiling(PUD_LIKE).tokens == 0


def test_probes_show_the_conflict_per_treebank() -> None:
    probes = convention_probes({"gsd": GSD_LIKE, "pud": PUD_LIKE})
    assert probes["advmod with an adjective lemma"] == {"gsd": {"ADJ": 1}, "pud": {"ADV": 1}}
    assert probes["als/wie/um"] == {"gsd": {"ADP": 1}, "pud": {"CCONJ": 1}}
    assert probes["month names"] == {"gsd": {"PROPN": 2, "NOUN": 1}, "pud": {"NOUN": 1}}


CONLLU = """# sent_id = 1
1\tEr\ter\tPRON\tPPER\t_\t2\tnsubj\t_\t_
2\tlief\tlaufen\tVERB\tVVFIN\t_\t0\troot\t_\t_
3\tschnell\tschnell\tADJ\tADJD\t_\t2\tadvmod\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_

"""


def test_cli_prints_json(tmp_path: Path) -> None:
    file = tmp_path / "mini.conllu"
    file.write_text(CONLLU, encoding="utf-8")
    result = CliRunner().invoke(app, ["ud-conventions", str(file), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["stts_ceiling"]["mini.conllu"]["accuracy"] == 1.0
    assert data["probes"]["advmod with an adjective lemma"]["mini.conllu"] == {"ADJ": 1}


def test_cli_table(tmp_path: Path) -> None:
    file = tmp_path / "mini.conllu"
    file.write_text(CONLLU, encoding="utf-8")
    result = CliRunner().invoke(app, ["ud-conventions", str(file)])
    assert result.exit_code == 0, result.output
    assert "1.0000" in result.output
