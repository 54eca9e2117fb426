"""Training the statements' learned decision (:mod:`lagebild.statements.decide`).

``lagebild train statements`` analyses train documents of the Wikinews quotation corpus with
the fast mode's stages (``nlp``, ``times``, ``actors``: what the ``statements`` stage sees),
collects the rules' candidates of the decided kinds with their features, and labels each by
what it earns in the corpus's metric: its token precision ``p`` and recall ``r`` against the
gold quotation it pairs with (both 0 when it pairs with none). Leaving a candidate out raises
the mean Message precision when ``p`` is below the mean and lowers the recall by ``r``; so a
candidate is a positive example when ``p + r`` reaches :data:`MARGIN`.

A logistic regression (L2, Newton's method, numpy; deterministic) is fitted on the ``fit``
documents; the threshold is then chosen on the ``val`` documents (never the fit ones) as the
one with the best Message F1 of all their statements. Dev and the held-out test split are
never read.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer

from lagebild.eval.quote_scoring import Quotation, QuoteScorer, pair_quotations
from lagebild.eval.quotes import GoldDoc, TokenIndex, system_quotations
from lagebild.model import Article
from lagebild.statements.build import to_statement
from lagebild.statements.decide import DECIDED, Decider, features
from lagebild.statements.rules import candidates

#: a candidate is worth keeping when its token precision + recall reach this (about the mean
#: Message precision: leaving out a quotation below it raises the mean by more than the
#: recall it costs)
MARGIN = 0.8
L2 = 1.0
MIN_COUNT = 3
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 16))


@dataclass
class Candidate:
    """One statement the rules found: its quotations, and for a decided one its features
    and what it earns (``p``, ``r``)."""

    quotations: list[Quotation]
    feats: dict[str, float] | None = None
    p: float = 0.0
    r: float = 0.0


@dataclass
class Doc:
    gold: list[Quotation]
    candidates: list[Candidate] = field(default_factory=list)


def document(article: Article, gold: GoldDoc, rules: frozenset[str] = DECIDED) -> Doc:
    """The candidates of one analysed article, labelled against its gold quotations."""
    finder, found = candidates(article)
    index = TokenIndex(gold.tokens)
    doc = Doc(gold.quotations)
    owner: list[int] = []
    flat: list[Quotation] = []
    for k, f in enumerate(found):
        qs = system_quotations([to_statement(article.text, f)], index)
        feats = features(finder, f, found) if finder is not None and f.rule in rules else None
        doc.candidates.append(Candidate(qs, feats))
        flat.extend(qs)
        owner.extend([k] * len(qs))
    for i, j in pair_quotations(flat, gold.quotations):
        cand = doc.candidates[owner[i]]
        shared = len(flat[i].quote & gold.quotations[j].quote)
        cand.p = max(cand.p, shared / len(flat[i].quote))
        cand.r = max(cand.r, shared / len(gold.quotations[j].quote))
    return doc


def message(docs: Iterable[Doc], decider: Decider | None, threshold: float | None = None
            ) -> dict[str, Any]:
    """The corpus metric over the documents' candidates that ``decider`` keeps."""
    scorer = QuoteScorer()
    for doc in docs:
        kept: list[Quotation] = []
        for c in doc.candidates:
            if c.feats is not None and decider is not None and decider.probability(
                    c.feats) < (decider.threshold if threshold is None else threshold):
                continue
            kept.extend(c.quotations)
        scorer.add_document(kept, doc.gold)
    return scorer.result()


def fit(rows: Sequence[dict[str, float]], labels: Sequence[int], l2: float = L2,
        min_count: int = MIN_COUNT, iterations: int = 50) -> Decider:
    """L2-regularised logistic regression by Newton's method (features seen in fewer than
    ``min_count`` rows are dropped; the bias is not regularised)."""
    import numpy as np

    counts = Counter(k for row in rows for k in row)
    names = sorted(k for k, c in counts.items() if c >= min_count)
    col = {k: i for i, k in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0
    for i, row in enumerate(rows):
        for k, v in row.items():
            if k in col:
                x[i, col[k]] = v
    y = np.asarray(labels, dtype=float)
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(iterations):
        prob = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (prob - y) + reg * w
        hess = (x.T * (prob * (1 - prob))) @ x + np.diag(reg) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    weights = {k: round(float(w[i]), 6) for k, i in col.items() if abs(w[i]) > 1e-6}
    return Decider(weights, round(float(w[-1]), 6), 0.5)


def training_rows(docs: Iterable[Doc], margin: float = MARGIN
                  ) -> tuple[list[dict[str, float]], list[int]]:
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    for doc in docs:
        for c in doc.candidates:
            if c.feats is not None:
                rows.append(c.feats)
                labels.append(int(c.p + c.r >= margin))
    return rows, labels


def choose_threshold(docs: Sequence[Doc], decider: Decider,
                     grid: Sequence[float] = THRESHOLDS) -> tuple[float, list[dict[str, Any]]]:
    """The threshold with the best Message F1 on ``docs`` (ties: the lower one, which
    keeps more), and every threshold's figures."""
    table = []
    for t in grid:
        res = message(docs, decider, t)
        table.append({"threshold": t, "message": res["message"]["f1"],
                      "roles": res["roles"]["f1"], "joint": res["joint"]["f1"]})
    best = max(table, key=lambda row: (row["message"], -row["threshold"]))
    return float(best["threshold"]), table


def analysed(split: Path, start: int, end: int) -> list[tuple[Article, GoldDoc]]:
    """Train documents ``start:end`` (sorted by name), analysed like the fast mode's
    ``statements`` stage sees them."""
    from lagebild.eval.quotes import article_from_text, iter_documents
    from lagebild.pipeline import Analyzer

    docs = list(iter_documents(split))[start:end]
    articles = [article_from_text(d.text, f.name) for f, d in docs]
    out = list(Analyzer(("nlp", "times", "actors")).run(articles))
    return [(a, d) for a, (_, d) in zip(out, docs, strict=True) if isinstance(a, Article)]


def train_decider(split: Path, fit_range: tuple[int, int], val_range: tuple[int, int],
                  margin: float = MARGIN, l2: float = L2, min_count: int = MIN_COUNT
                  ) -> tuple[Decider, dict[str, Any]]:
    """Fit on ``fit_range`` documents of ``split``, choose the threshold on ``val_range``."""
    if "dev" in split.name or "test" in split.name:
        raise ValueError(f"{split}: the decision is trained on the train split only")
    fit_docs = [document(a, g) for a, g in analysed(split, *fit_range)]
    val_docs = [document(a, g) for a, g in analysed(split, *val_range)]
    rows, labels = training_rows(fit_docs, margin)
    decider = fit(rows, labels, l2, min_count)
    threshold, table = choose_threshold(val_docs, decider)
    decider.threshold = threshold
    base_fit, base_val = message(fit_docs, None), message(val_docs, None)
    after_fit, after_val = message(fit_docs, decider), message(val_docs, decider)
    decider.meta = {
        "split": split.name, "fit_documents": list(fit_range), "val_documents": list(val_range),
        "margin": margin, "l2": l2, "min_count": min_count, "examples": len(rows),
        "positive": sum(labels), "features": len(decider.weights),
    }
    report = {
        **decider.meta, "threshold": threshold, "thresholds": table,
        "fit": {"rules": _figures(base_fit), "decided": _figures(after_fit)},
        "val": {"rules": _figures(base_val), "decided": _figures(after_val)},
    }
    return decider, report


def _figures(res: dict[str, Any]) -> dict[str, float]:
    return {k: res[k]["f1"] for k in ("message", "roles", "joint")}


def _range(text: str) -> tuple[int, int]:
    start, sep, end = text.partition(":")
    if not sep:
        raise ValueError(f"expected START:END, got {text!r}")
    return int(start), int(end)


def statements_command(
    data: Path = typer.Option(Path("../shared/data"), "--data", help="the shared data folder"),
    out: Path = typer.Option(Path("decider.json"), "--out",
                             help="the model file (shipped: src/lagebild/statements/data/"
                                  "decider.json)"),
    fit_docs: str = typer.Option("0:550", "--fit", help="train documents START:END to fit on"),
    val_docs: str = typer.Option("550:700", "--val",
                                 help="train documents START:END that choose the threshold"),
    margin: float = typer.Option(MARGIN, "--margin", help="p + r of a positive example"),
    l2: float = typer.Option(L2, "--l2", help="L2 penalty of the logistic regression"),
) -> None:
    """Train the statements' learned decision over the rules' weak candidates."""
    from lagebild.cli_support import usage_error

    split = data / "quotes" / "wikinews-quotes-2024" / "train"
    if not split.is_dir():
        raise usage_error(f"--data: {split} is missing")
    try:
        decider, report = train_decider(split, _range(fit_docs), _range(val_docs), margin, l2)
    except ValueError as exc:
        raise usage_error(str(exc)) from exc
    decider.save(out)
    typer.echo(json.dumps(report, indent=1))
