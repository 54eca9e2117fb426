"""``lagebild eval ner --product``: gold sentences written out as text, analysed, mapped back."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from lagebild.eval.cli import app
from lagebild.eval.ner_product import sentence_text, word_spans
from lagebild.model import Article, Entity
from lagebild.training.data import GoldSentence


def test_sentence_text_spaces_and_offsets() -> None:
    sent = GoldSentence(words=["Kerry", "(", "USA", ")", "sagte", ":", "Nein", "."])
    text, starts = sentence_text(sent)
    assert text == "Kerry (USA) sagte: Nein."
    assert [text[s:s + len(w)] for s, w in zip(starts, sent.words, strict=True)] == sent.words
    recorded = GoldSentence(words=["Er", "kam", "."], spaces=[True, False, False])
    assert sentence_text(recorded)[0] == "Er kam."


def test_entities_map_to_the_words_they_overlap() -> None:
    words = ["Der", "US-Präsident", "besuchte", "Neu", "Delhi"]
    text = " ".join(words)
    starts = [0, 4, 17, 26, 30]
    article = Article(text=text, entities=[
        Entity(text="US", start=4, end=6, label="LOC", subtype="part"),  # inside a word
        Entity(text="Neu Delhi", start=26, end=35, label="LOC"),
    ])
    assert word_spans(article, words, starts) == [(1, 2, "LOCpart"), (3, 5, "LOC")]
    assert word_spans(None, words, starts) == []


MINI_TSV = Path(__file__).parents[1] / "fixtures" / "germeval-mini.tsv"


def test_eval_ner_product_path(tmp_path: Path) -> None:
    file = MINI_TSV
    result = CliRunner().invoke(app, ["ner", str(file), "--json", "--bootstrap", "0",
                                      "--product"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["sentences"] == 1 and data["f1"] == 1.0  # a KB person and a capital
    bad = CliRunner().invoke(app, ["ner", str(file), "--product", "--model", str(tmp_path)])
    assert bad.exit_code != 0 and "--product" in bad.output
