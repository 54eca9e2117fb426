"""``lagebild train event-confidence``: the model behind ``Event.confidence``.

Examples are the events the fast product path emits, before the confidence step, on the
project's tuning data, labelled right (1) or wrong (0):

- the event gold sets (``eval/events-{dev,fresh…fresh5,news-dev,news-dev2}.jsonl``): an
  event is right when its type is the item's gold event or one of its ``other_events``;
- the first two judged samples of general news (``eval/events-news-judged{,2}.jsonl``,
  articles read from ``../shared/data/news``): right 1, wrong 0, arguable 0.5 at half weight.

The held-out sets (the sixth and seventh fresh sets, the third judged sample) are never read.
The figures are a grouped cross-validation (an article's events, or a gold document's, all in
one fold): every event scored by a model that did not see its article. The shipped model is
then trained on every event. Logistic regression with an L2 penalty, fitted by Newton's
method: deterministic, no seed but the folds'.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import typer

from lagebild.eval.events_judged import auc
from lagebild.events.confidence import ConfidenceModel, features

GOLD_SETS = ("dev", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "news-dev", "news-dev2")
JUDGED_SETS = ("news-judged", "news-judged2")
HELD_OUT = ("fresh6", "fresh7", "news-judged3")  # never read here
DEFAULT_THRESHOLD = 0.25
THRESHOLDS = (0.1, 0.2, 0.25, 0.3, 0.4, 0.5)


@dataclass
class Example:
    set: str
    group: str  # the fold unit: one article or gold document
    label: float  # 1 right, 0 wrong, 0.5 arguable
    weight: float
    features: dict[str, float]
    type: str
    sentence: str = ""  # for reading the figures


def _coded(articles: Sequence[Any]) -> list[Any]:
    from lagebild.events.coder import code_article
    from lagebild.events.lexicon import load_lexicon

    lex = load_lexicon()
    return [code_article(a, lex, rate=False) if a is not None else None for a in articles]


def _stages() -> list[str]:
    from lagebild.stages import MODES

    return [s for s in MODES["fast"] if s != "events"]


def gold_examples(eval_dir: Path, name: str) -> list[Example]:
    from lagebild.eval.events import analyse_items, read_gold

    items = read_gold(eval_dir / f"events-{name}.jsonl")
    out = []
    for item, article in zip(items, _coded(analyse_items(items, _stages())), strict=True):
        for event in article.events if article is not None else []:
            right = event.type.value == item.event or event.type.value in item.other_events
            text = article.text[event.sentence.start:event.sentence.end]
            out.append(Example(name, f"{name}:{item.doc or item.id}", float(right), 1.0,
                               features(article, event), event.type.value, text))
    return out


def judged_examples(eval_dir: Path, data: Path, name: str) -> list[Example]:
    from lagebild.eval.events_judged import analyse_texts, match_judged, news_texts, read_judged

    judged = read_judged(eval_dir / f"events-{name}.jsonl")
    analysed = analyse_texts(news_texts(data, {j.article for j in judged}), _stages())
    articles = dict(zip(analysed, _coded(list(analysed.values())), strict=True))
    hits = match_judged(judged, articles)
    out = []
    for j in judged:
        article = articles.get(j.article)
        if article is None or j.id not in hits:
            continue
        event = article.events[hits[j.id]]
        label = {"right": 1.0, "arguable": 0.5, "wrong": 0.0}[j.verdict]
        out.append(Example(name, j.article, label, 0.5 if label == 0.5 else 1.0,
                           features(article, event), event.type.value, j.sentence))
    return out


# --------------------------------------------------------------------------- fitting
def _matrix(examples: Sequence[Example], names: Sequence[str]) -> np.ndarray:
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(examples), len(names) + 1))
    x[:, -1] = 1.0  # bias
    for row, ex in enumerate(examples):
        for name, value in ex.features.items():
            if name in index:
                x[row, index[name]] = value
    return x


def fit(examples: Sequence[Example], penalty: float, threshold: float) -> ConfidenceModel:
    """L2-penalised logistic regression (the bias unpenalised), Newton's method."""
    names = sorted({n for ex in examples for n in ex.features})
    x = _matrix(examples, names)
    y = np.array([ex.label for ex in examples])
    w = np.array([ex.weight for ex in examples])
    reg = np.r_[np.full(len(names), penalty), 0.0]
    beta = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ beta)))
        grad = x.T @ (w * (p - y)) + reg * beta
        hess = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(reg + 1e-6)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if float(np.abs(step).max()) < 1e-9:
            break
    weights = {n: round(float(b), 4) for n, b in zip(names, beta[:-1], strict=True)
               if abs(b) >= 1e-4}
    return ConfidenceModel(weights=weights, bias=round(float(beta[-1]), 4), threshold=threshold)


def cross_validate(examples: Sequence[Example], folds: int, penalty: float,
                   seed: int = 0) -> list[float]:
    groups = sorted({ex.group for ex in examples})
    random.Random(seed).shuffle(groups)
    fold_of = {g: i % folds for i, g in enumerate(groups)}
    scores = [0.0] * len(examples)
    for k in range(folds):
        model = fit([ex for ex in examples if fold_of[ex.group] != k], penalty, 0.0)
        for i, ex in enumerate(examples):
            if fold_of[ex.group] == k:
                scores[i] = model.probability(ex.features)
    return scores


# --------------------------------------------------------------------------- figures
def report(examples: Sequence[Example], scores: Sequence[float],
           thresholds: Sequence[float] = THRESHOLDS) -> dict[str, Any]:
    """Per set: AUC, and for each threshold the right and wrong events it would drop."""
    out: dict[str, Any] = {}
    for name in (*GOLD_SETS, *JUDGED_SETS):
        rows = [(s, ex.label) for s, ex in zip(scores, examples, strict=True) if ex.set == name]
        if not rows:
            continue
        entry: dict[str, Any] = {"events": len(rows),
                                 "right": sum(1 for _, y in rows if y == 1.0),
                                 "wrong": sum(1 for _, y in rows if y == 0.0),
                                 "auc": auc([s for s, _ in rows], [y for _, y in rows])}
        for th in sorted(set(thresholds)):
            kept = [y for s, y in rows if s >= th]
            entry[f"{th:.2f}"] = {
                "right_dropped": entry["right"] - sum(1 for y in kept if y == 1.0),
                "wrong_dropped": entry["wrong"] - sum(1 for y in kept if y == 0.0),
                "precision_kept": round(sum(1 for y in kept if y == 1.0) / len(kept), 4)
                if kept else None}
        out[name] = entry
    return out


def event_confidence(
    data: Path = typer.Option(Path("../shared/data"), "--data",
                              help="the shared data folder (news/ for the judged articles)"),
    eval_dir: Path = typer.Option(Path("eval"), "--eval-dir",
                                  help="the folder with the event gold and judged samples"),
    out: Path = typer.Option(Path("event-confidence.json"), "--out", help="model file to write"),
    folds: int = typer.Option(5, "--folds", help="cross-validation folds (0: none)"),
    penalty: float = typer.Option(3.0, "--penalty", help="L2 penalty of the weights"),
    threshold: float = typer.Option(DEFAULT_THRESHOLD, "--threshold",
                                    help="events below this probability are dropped"),
) -> None:
    """Train the event-confidence model (the events' P(right)) into OUT, with
    cross-validated figures first (OUT's ``training`` entry)."""
    from rich.console import Console

    from lagebild.cli_support import usage_error
    from lagebild.training.cli import require_training_data
    from lagebild.training.raw import GNAD, XGLUE

    require_training_data(data, files=[GNAD, XGLUE])
    missing = [f"events-{n}.jsonl" for n in (*GOLD_SETS, *JUDGED_SETS)
               if not (eval_dir / f"events-{n}.jsonl").is_file()]
    if missing:
        raise usage_error(f"--eval-dir {eval_dir}: missing {', '.join(missing)} "
                          "(run from the repository root or pass --eval-dir)")
    console = Console(stderr=True)
    examples: list[Example] = []
    for name in GOLD_SETS:
        with console.status(f"analysing events-{name}.jsonl"):
            examples += gold_examples(eval_dir, name)
    for name in JUDGED_SETS:
        with console.status(f"analysing the articles of events-{name}.jsonl"):
            examples += judged_examples(eval_dir, data, name)
    console.print(f"{len(examples)} events, "
                  f"{sum(ex.label == 1.0 for ex in examples)} right, "
                  f"{sum(ex.label == 0.0 for ex in examples)} wrong")
    meta: dict[str, Any] = {"examples": len(examples), "penalty": penalty,
                            "sets": [*GOLD_SETS, *JUDGED_SETS], "held_out": list(HELD_OUT)}
    if folds:
        with console.status(f"cross-validation ({folds} folds)"):
            scores = cross_validate(examples, folds, penalty)
        meta["cv"] = report(examples, scores, (*THRESHOLDS, threshold))
        for name, entry in meta["cv"].items():
            at = entry[f"{threshold:.2f}"]
            console.print(f"{name}: AUC {entry['auc']}, at {threshold}: right dropped "
                          f"{at['right_dropped']} of {entry['right']}, wrong dropped "
                          f"{at['wrong_dropped']} of {entry['wrong']}")
    model = fit(examples, penalty, threshold)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(model.to_json({"training": meta}), encoding="utf-8")
    console.print(f"model written to {out}")
