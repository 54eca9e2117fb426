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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import typer

from lagebild.eval.events_judged import auc
from lagebild.eval.scoring import prf
from lagebild.events.confidence import ConfidenceModel, features

GOLD_SETS = ("dev", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "news-dev", "news-dev2")
JUDGED_SETS = ("news-judged", "news-judged2")
HELD_OUT = ("fresh6", "fresh7", "news-judged3")  # never read here
DEFAULT_THRESHOLD = 0.25
THRESHOLDS = (0.1, 0.2, 0.25, 0.3, 0.4, 0.5)
THIN_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
PRECISION_GIVEN = 0.01  # the most pooled gold precision the thin threshold may cost


@dataclass
class Example:
    set: str
    group: str  # the fold unit: one article or gold document
    label: float  # 1 right, 0 wrong, 0.5 arguable
    weight: float
    features: dict[str, float]
    type: str
    sentence: str = ""  # for reading the figures
    thin: str | None = None  # the argument rule the event fails (``filters._thin``)
    item: int = -1  # gold sets: the item's index, for the type F1 at each threshold


@dataclass
class GoldSet:
    """A gold set's items and, per item, the indices of its examples (for ``gold_f1``)."""

    name: str
    items: list[Any]
    examples: list[list[int]] = field(default_factory=list)


def _candidates(articles: Sequence[Any]) -> list[list[tuple[Any, str | None]]]:
    from lagebild.events.coder import candidates
    from lagebild.events.lexicon import load_lexicon

    lex = load_lexicon()
    return [candidates(a, lex) if a is not None else [] for a in articles]


def _stages() -> list[str]:
    from lagebild.stages import MODES

    return [s for s in MODES["fast"] if s != "events"]


def gold_examples(eval_dir: Path, name: str) -> tuple[list[Example], GoldSet]:
    from lagebild.eval.events import analyse_items, read_gold

    items = read_gold(eval_dir / f"events-{name}.jsonl")
    analysed = analyse_items(items, _stages())
    out = []
    for i, (item, article, found) in enumerate(zip(items, analysed, _candidates(analysed),
                                                   strict=True)):
        if article is None:
            continue
        for event, thin in found:
            right = event.type.value == item.event or event.type.value in item.other_events
            text = article.text[event.sentence.start:event.sentence.end]
            out.append(Example(name, f"{name}:{item.doc or item.id}", float(right), 1.0,
                               features(article, event, thin), event.type.value, text,
                               thin, i))
    gold = GoldSet(name, list(items), [[] for _ in items])
    return out, gold


def judged_examples(eval_dir: Path, data: Path, name: str) -> list[Example]:
    """The judged events the coder still emits. Events it emits now that nobody judged
    (among them every event with too few arguments, which earlier coders left out) are no
    examples."""
    from lagebild.eval.events_judged import analyse_texts, match_judged, news_texts, read_judged

    judged = read_judged(eval_dir / f"events-{name}.jsonl")
    analysed = analyse_texts(news_texts(data, {j.article for j in judged}), _stages())
    found = dict(zip(analysed, _candidates(list(analysed.values())), strict=True))
    articles: dict[str, Any] = {}
    for key, article in analysed.items():
        articles[key] = None if article is None else article.model_copy(
            update={"events": [e for e, _ in found[key]]})
    hits = match_judged(judged, articles)
    out = []
    for j in judged:
        article = articles.get(j.article)
        if article is None or j.id not in hits:
            continue
        event, thin = found[j.article][hits[j.id]]
        label = {"right": 1.0, "arguable": 0.5, "wrong": 0.0}[j.verdict]
        out.append(Example(name, j.article, label, 0.5 if label == 0.5 else 1.0,
                           features(article, event, thin), event.type.value, j.sentence, thin))
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


def gold_f1(golds: Sequence[GoldSet], examples: Sequence[Example], scores: Sequence[float],
            threshold: float, thin_threshold: float | None) -> dict[str, dict[str, float]]:
    """The type precision, recall and F1 of ``lagebild eval events`` on each gold set (and
    all pooled) when the events kept are those whose (cross-validated) score reaches the
    threshold, or ``thin_threshold`` for events with too few arguments (None: none kept)."""
    from lagebild.eval.events import false_alarms

    model = ConfidenceModel({}, 0.0, threshold, thin_threshold)
    out: dict[str, dict[str, float]] = {}
    total = [0, 0, 0]
    for gold in golds:
        tp = fp = fn = 0
        for item, rows in zip(gold.items, gold.examples, strict=True):
            types = [examples[i].type for i in rows if model.keeps(scores[i], examples[i].thin)]
            if item.event is not None:
                tp += item.event in types
                fn += item.event not in types
            fp += len(false_alarms(item, types))
        out[gold.name] = _prf(tp, fp, fn)
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
    out["pooled"] = _prf(*total)
    return out


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    return {k: round(v, 4) for k, v in prf(tp, fp, fn).items()}


def choose_thin_threshold(golds: Sequence[GoldSet], examples: Sequence[Example],
                          scores: Sequence[float], threshold: float) -> float | None:
    """The threshold for events with too few arguments that gives the best pooled gold F1
    under cross-validation while the pooled precision stays within ``PRECISION_GIVEN`` of
    the rules' own (None, keeping none, when no threshold beats that). Recall, not at the
    cost of precision: on general news the added events are the less certain ones
    (docs/lab/events.md, thirtieth pass)."""
    rules = gold_f1(golds, examples, scores, threshold, None)["pooled"]
    best: tuple[float, float | None] = (rules["f1"], None)
    for th in THIN_THRESHOLDS:
        figures = gold_f1(golds, examples, scores, threshold, th)["pooled"]
        if figures["f1"] > best[0] and figures["precision"] >= rules["precision"] \
                - PRECISION_GIVEN:
            best = (figures["f1"], th)
    return best[1]


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
    thin_threshold: float | None = typer.Option(
        None, "--thin-threshold",
        help="the probability events with too few arguments need (default: the best pooled "
             "gold F1 under cross-validation; without folds, none is kept)"),
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
    examples, golds = collect(eval_dir, data, console)
    thin = sum(ex.thin is not None for ex in examples)
    console.print(f"{len(examples)} events ({thin} with too few arguments), "
                  f"{sum(ex.label == 1.0 for ex in examples)} right, "
                  f"{sum(ex.label == 0.0 for ex in examples)} wrong")
    meta: dict[str, Any] = {"examples": len(examples), "thin_examples": thin,
                            "penalty": penalty, "sets": [*GOLD_SETS, *JUDGED_SETS],
                            "held_out": list(HELD_OUT)}
    if folds:
        with console.status(f"cross-validation ({folds} folds)"):
            scores = cross_validate(examples, folds, penalty)
        meta["cv"] = report(examples, scores, (*THRESHOLDS, threshold))
        for name, entry in meta["cv"].items():
            at = entry[f"{threshold:.2f}"]
            console.print(f"{name}: AUC {entry['auc']}, at {threshold}: right dropped "
                          f"{at['right_dropped']} of {entry['right']}, wrong dropped "
                          f"{at['wrong_dropped']} of {entry['wrong']}")
        if thin_threshold is None:
            thin_threshold = choose_thin_threshold(golds, examples, scores, threshold)
        meta["cv_gold_f1"] = {
            str(th): gold_f1(golds, examples, scores, threshold, th)["pooled"]
            for th in (None, *THIN_THRESHOLDS)}
        meta["cv_gold_f1_by_set"] = {
            "without_thin": gold_f1(golds, examples, scores, threshold, None),
            "chosen": gold_f1(golds, examples, scores, threshold, thin_threshold)}
        for th, figures in meta["cv_gold_f1"].items():
            console.print(f"events with too few arguments at {th}: pooled gold "
                          f"P {figures['precision']} R {figures['recall']} F1 {figures['f1']}")
    console.print(f"threshold {threshold}; events with too few arguments: "
                  + ("left out" if thin_threshold is None else f"kept from {thin_threshold}"))
    model = replace(fit(examples, penalty, threshold), thin_threshold=thin_threshold)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(model.to_json({"training": meta}), encoding="utf-8")
    console.print(f"model written to {out}")


def collect(eval_dir: Path, data: Path, console: Any) -> tuple[list[Example], list[GoldSet]]:
    """Every training example, and the gold sets with their items' example indices."""
    examples: list[Example] = []
    golds: list[GoldSet] = []
    for name in GOLD_SETS:
        with console.status(f"analysing events-{name}.jsonl"):
            found, gold = gold_examples(eval_dir, name)
        for ex in found:
            gold.examples[ex.item].append(len(examples))
            examples.append(ex)
        golds.append(gold)
    for name in JUDGED_SETS:
        with console.status(f"analysing the articles of events-{name}.jsonl"):
            examples += judged_examples(eval_dir, data, name)
    return examples, golds
