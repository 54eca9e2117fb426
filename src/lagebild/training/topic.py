"""``lagebild train topic``: the soft/hard news classifier of the ``topic`` stage.

Data: the section labels of 10kGNAD's test articles (derStandard.at) and XGLUE's German news
classification dev articles (MSN), mapped to ``soft`` / ``hard`` by
``tables/topic_labels.tsv``. Both sets are the only labelled German news in ``../shared``, so
the figure is a cross-validation: each article scored by a model that did not see it, through
the same :meth:`lagebild.topic.TopicClassifier.score` the stage calls, on the tokens of the
shipped language pipeline's tokenizer (the ``nlp`` stage's). The shipped model is then
trained on every article.
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, cast

import typer

from lagebild.topic import DEFAULT_THRESHOLD, HARD, SOFT, TopicClassifier

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import TextCategorizer

DEFAULT_DATA = Path("../shared/data")
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
BOW_CONFIG = {
    "@architectures": "spacy.TextCatBOW.v3",
    "exclusive_classes": True,
    "ngram_size": 1,
    "no_output_layer": False,
    "length": 262144,
}


@dataclass(frozen=True)
class Labelled:
    text: str
    topic: str  # soft or hard
    source: str  # 10kgnad or xglue
    section: str  # the set's own label

    def words(self) -> list[str]:
        return list(words_of(self.text))


@cache
def words_of(text: str) -> tuple[str, ...]:
    """The tokens the ``topic`` stage would see: the ``nlp`` stage's tokenizer, without
    whitespace tokens, of the first ``MAX_CHARS`` characters."""
    from lagebild.nlp import load_pipeline
    from lagebild.topic import MAX_CHARS

    tokenizer = load_pipeline().tokenizer
    return tuple(t.text for t in tokenizer(text[:MAX_CHARS]) if not t.is_space)


def label_table() -> dict[tuple[str, str], str]:
    text = resources.files("lagebild.training").joinpath("tables/topic_labels.tsv").read_text(
        encoding="utf-8")
    rows = csv.DictReader([ln for ln in text.splitlines() if ln and not ln.startswith("#")],
                          delimiter="\t")
    return {(r["source"], r["label"]): r["topic"] for r in rows}


def read_articles(data: Path) -> list[Labelled]:
    """Every labelled article whose section maps to soft or hard (``skip`` ones left out)."""
    from lagebild.training.raw import gnad_rows, xglue_rows

    table = label_table()
    raw = [(text, "10kgnad", section) for section, text in gnad_rows(data)]
    raw += [(title + "\n\n" + body, "xglue", category)
            for title, body, category in xglue_rows(data)]
    out: list[Labelled] = []
    for text, source, section in raw:
        topic = table.get((source, section))
        if topic is None:
            raise ValueError(f"tables/topic_labels.tsv has no row for {source} {section!r}")
        if topic in (SOFT, HARD):
            out.append(Labelled(text, topic, source, section))
    return out


def train_model(articles: list[Labelled], *, seed: int = 0, epochs: int = 8,
                threshold: float = DEFAULT_THRESHOLD) -> Language:
    """A blank German pipeline with one ``textcat`` trained on ``articles``."""
    from spacy.tokens import Doc
    from spacy.training import Example
    from thinc.api import fix_random_seed

    fix_random_seed(seed)
    nlp, _ = _blank_textcat()
    examples = [Example.from_dict(Doc(nlp.vocab, words=a.words()), {"cats": {
        SOFT: float(a.topic == SOFT), HARD: float(a.topic == HARD)}}) for a in articles]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for i in range(0, len(examples), 16):
            nlp.update(examples[i:i + 16], sgd=optimizer)
    nlp = _without_training_strings(nlp)
    nlp.meta["name"] = "lagebild_topic"
    nlp.meta["lagebild"] = {"threshold": threshold, "seed": seed, "epochs": epochs,
                            "articles": len(articles)}
    return nlp


def _blank_textcat() -> tuple[Language, TextCategorizer]:
    """A blank German pipeline with an untrained ``textcat`` of the two labels."""
    import spacy

    nlp = spacy.blank("de")
    textcat = cast("TextCategorizer", nlp.add_pipe("textcat", config={"model": BOW_CONFIG}))
    textcat.add_label(SOFT)
    textcat.add_label(HARD)
    return nlp, textcat


def _without_training_strings(nlp: Language) -> Language:
    """The same weights in a fresh pipeline: the bag-of-words model reads hashes, so the 2 MB
    of training-text strings its vocabulary collected are not shipped."""
    from spacy.training import Example

    fresh, textcat = _blank_textcat()
    fresh.initialize(lambda: [Example.from_dict(fresh.make_doc("."), {"cats": {
        SOFT: 1.0, HARD: 0.0}})])
    trained = cast("TextCategorizer", nlp.get_pipe("textcat"))
    textcat.from_bytes(trained.to_bytes(exclude=["vocab"]), exclude=["vocab"])
    return fresh


def cross_validate(articles: list[Labelled], *, folds: int = 5, seed: int = 0,
                   epochs: int = 8) -> list[float]:
    """P(soft) of every article from a model trained on the other folds."""
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    scores = [0.0] * len(articles)
    for fold in range(folds):
        held = set(order[fold::folds])
        model = train_model([articles[i] for i in order if i not in held], seed=seed,
                            epochs=epochs)
        clf = TopicClassifier(model)
        for i in held:
            scores[i] = clf.score(articles[i].words())
    return scores


def metrics(articles: list[Labelled], scores: list[float]) -> dict[str, dict[str, float]]:
    """Precision and recall of ``soft`` per threshold."""
    out: dict[str, dict[str, float]] = {}
    for th in THRESHOLDS:
        tp = sum(1 for a, s in zip(articles, scores, strict=True) if s >= th and a.topic == SOFT)
        fp = sum(1 for a, s in zip(articles, scores, strict=True) if s >= th and a.topic == HARD)
        fn = sum(1 for a, s in zip(articles, scores, strict=True) if s < th and a.topic == SOFT)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[f"{th:.1f}"] = {"precision": round(p, 4), "recall": round(r, 4),
                            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                            "false_soft": fp}
    return out


def topic(
    data: Path = typer.Option(DEFAULT_DATA, "--data", help="the shared data folder"),
    out: Path = typer.Option(Path("topic-model"), "--out", help="output folder"),
    folds: int = typer.Option(5, "--folds", help="cross-validation folds (0: none)"),
    seeds: int = typer.Option(2, "--seeds", help="cross-validation runs, each its own seed"),
    epochs: int = typer.Option(8, "--epochs"),
    threshold: float = typer.Option(DEFAULT_THRESHOLD, "--threshold",
                                    help="P(soft) from which an article is soft"),
) -> None:
    """Train the soft/hard news classifier (10kGNAD and XGLUE section labels) into OUT;
    with --folds, cross-validated precision and recall first (OUT/metrics.json)."""
    from rich.console import Console

    from lagebild.training.cli import require_training_data
    from lagebild.training.raw import GNAD, XGLUE

    require_training_data(data, files=[GNAD, XGLUE])
    console = Console(stderr=True)
    articles = read_articles(data)
    soft = sum(a.topic == SOFT for a in articles)
    console.print(f"{len(articles)} articles, {soft} soft")
    report: dict[str, object] = {"articles": len(articles), "soft": soft, "cv": {}}
    for seed in range(seeds if folds else 0):
        with console.status(f"cross-validation, seed {seed} ({folds} folds)"):
            scores = cross_validate(articles, folds=folds, seed=seed, epochs=epochs)
        result = metrics(articles, scores)
        report["cv"][f"seed{seed}"] = result  # type: ignore[index]
        for th, m in result.items():
            console.print(f"seed {seed} threshold {th}: P {m['precision']:.3f} "
                          f"R {m['recall']:.3f} F1 {m['f1']:.3f} (false soft {m['false_soft']})")
    with console.status("training on every article"):
        model = train_model(articles, epochs=epochs, threshold=threshold)
    out.mkdir(parents=True, exist_ok=True)
    model.to_disk(out)
    (out / "metrics.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    console.print(f"model written to {out}")
