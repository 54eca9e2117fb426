"""Longer PREFIX/SUFFIX lexeme attributes (``lagebild.affixes.v1``) and their round trip."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.util import load_model_from_config

import lagebild.nlp.components  # noqa: F401  (registers the callback)
from lagebild.nlp.components import use_affixes

CONFIG = """
[nlp]
lang = "de"
pipeline = []

[nlp.after_creation]
@callbacks = "lagebild.affixes.v1"
prefix_len = 3
suffix_len = 4

[components]
"""


def _affixes(nlp: spacy.language.Language, text: str) -> list[tuple[str, str]]:
    return [(t.prefix_, t.suffix_) for t in nlp(text)]


def test_default_spacy_affixes_are_one_and_three_characters() -> None:
    nlp = spacy.blank("de")
    assert _affixes(nlp, "Rauchmelder") == [("R", "der")]


def test_callback_sets_longer_affixes_for_new_words() -> None:
    nlp = load_model_from_config(spacy.util.load_config_from_str(CONFIG), auto_fill=True)
    assert _affixes(nlp, "Rauchmelder in Blytheville") == [
        ("Rau", "lder"), ("in", "in"), ("Bly", "ille")
    ]


def test_lexemes_created_before_the_switch_are_rewritten() -> None:
    nlp = spacy.blank("de")
    nlp("Rauchmelder")  # creates the lexeme with spaCy's default affixes
    use_affixes(nlp.vocab, 3, 4)
    assert _affixes(nlp, "Rauchmelder") == [("Rau", "lder")]
    # a tokenizer special case ("z.B.") was created when the tokenizer was built
    assert _affixes(nlp, "z.B.") == [("z.B", "z.B.")]


def test_saved_pipeline_keeps_the_affixes(tmp_path: Path) -> None:
    nlp = load_model_from_config(spacy.util.load_config_from_str(CONFIG), auto_fill=True)
    nlp.to_disk(tmp_path / "m")
    loaded = spacy.load(tmp_path / "m")
    assert _affixes(loaded, "Außenminister") == [("Auß", "ster")]
