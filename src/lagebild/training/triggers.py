"""Train the event coder's learned trigger proposer (:mod:`lagebild.events.proposer`).

Data:

- **gold**: the tuning sets' items (``eval/events-dev.jsonl``, ``events-fresh.jsonl``,
  ``events-fresh2/3/4.jsonl``), analysed on the product path without the events stage. The
  candidate tokens (full verbs, common nouns) inside an item's trigger (``event_text_de``) are
  labelled with its type; the item's other candidates are ``none``, except those the lexicon
  reads as a type the item lists in ``other_events`` (their trigger is not marked: left out).
- **weak**: unlabelled news articles coded by the lexicon coder; a candidate that anchors an
  event is labelled with its type, one the lexicon matched without an event is left out (the
  rules decided against it: no label either way), every other candidate is ``none``.

The model is a softmax over hashed features and (accurate mode) standardised encoder vectors,
fitted by mini-batch Adam with L2, deterministic given the seed. Model selection is by
leave-one-set-out cross-validation over the gold sets (:func:`cross_validate`): train on the
others (and the weak labels), code the held-out set with the proposer on, score it with the
``lagebild eval events`` scorer.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from lagebild.eval.events import GoldItem, score_events
from lagebild.events.lexicon import Lexicon, Trigger, load_lexicon
from lagebild.events.proposer import (
    NONE,
    Proposer,
    TriggerModel,
    is_candidate,
    token_features,
)
from lagebild.model import Article

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
LABELS = (NONE, *TYPES)
#: the tuning sets (never the held-out fifth fresh set)
GOLD_SETS = ("events-dev", "events-fresh", "events-fresh2", "events-fresh3", "events-fresh4")


@dataclass
class Examples:
    """Labelled candidate tokens: feature names, label index, weight, optional vector."""

    feats: list[list[str]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    vectors: list[Any] = field(default_factory=list)

    def add(self, feats: list[str], label: str, weight: float, vector: Any) -> None:
        self.feats.append(feats)
        self.labels.append(LABELS.index(label))
        self.weights.append(weight)
        self.vectors.append(vector)

    def extend(self, other: Examples) -> None:
        self.feats += other.feats
        self.labels += other.labels
        self.weights += other.weights
        self.vectors += other.vectors

    def __len__(self) -> int:
        return len(self.labels)


def _vectors_of(article: Article, layers_slice: slice | None) -> dict[int, Any] | None:
    vecs = article._word_vectors
    if vecs is None or layers_slice is None:
        return vecs
    return {k: v[layers_slice] for k, v in vecs.items()}


def gold_examples(items: Sequence[GoldItem], articles: Sequence[Article | None],
                  lex: Lexicon | None = None, use_vectors: bool = False) -> Examples:
    """Candidates of the gold items, labelled as the module docstring says."""
    from lagebild.events.coder import context, find_triggers

    lex = lex or load_lexicon()
    out = Examples()
    for item, article in zip(items, articles, strict=True):
        if article is None:
            continue
        span: tuple[int, int] | None = None
        if item.event and item.event_text_de:
            at = article.text.find(item.event_text_de)
            if at >= 0:
                span = (at, at + len(item.event_text_de))
        ctx = context(article, lex, None)
        vecs = article._word_vectors if use_vectors else None
        for s in ctx.sents:
            skip = {j for entry, _, toks in find_triggers(s, lex)
                    if entry.plover in item.other_events for j in toks}
            for i in range(len(s)):
                if not is_candidate(s, i):
                    continue
                t = s.toks[i]
                inside = span is not None and t.start < span[1] and span[0] < t.end
                if not inside and i in skip:
                    continue
                vec = vecs.get(t.start) if vecs is not None else None
                if use_vectors and vec is None:
                    continue
                label = item.event if inside and item.event else NONE
                out.add(token_features(s, i, lex), label, 1.0, vec)
    return out


def weak_examples(articles: Iterable[Article], weight: float, lex: Lexicon | None = None,
                  use_vectors: bool = False) -> Examples:
    """Candidates of unlabelled articles, labelled by the lexicon coder's events."""
    from lagebild.events.coder import context, find_in_sentence, find_triggers

    lex = lex or load_lexicon()
    out = Examples()
    for article in articles:
        ctx = context(article, lex, None)
        vecs = article._word_vectors if use_vectors else None
        for s in ctx.sents:
            coded = {f.anchor: f.plover for f in find_in_sentence(ctx, s)}
            matched = {j for _, _, toks in find_triggers(s, lex) for j in toks}
            for i in range(len(s)):
                if not is_candidate(s, i):
                    continue
                if i in matched and i not in coded:
                    continue
                vec = vecs.get(s.toks[i].start) if vecs is not None else None
                if use_vectors and vec is None:
                    continue
                out.add(token_features(s, i, lex), coded.get(i, NONE), weight, vec)
    return out


@dataclass
class FitOptions:
    bits: int = 15
    epochs: int = 8
    lr: float = 0.05
    l2: float = 1e-5
    batch: int = 128
    seed: int = 0
    threshold: float = 0.5
    use_vectors: bool = False
    layers: tuple[int, ...] = ()
    average: int = 1  # fits with seeds seed … seed+average-1, weights averaged


def fit(data: Examples, opts: FitOptions) -> TriggerModel:
    """Mini-batch Adam on the softmax cross-entropy (weighted), L2 on all weights; with
    ``average`` > 1 the mean of that many fits with consecutive seeds (a linear model's mean
    weights are the mean of its logits: one model, less dependent on the order of the data)."""
    if opts.average > 1:
        runs = [_fit(data, replace(opts, seed=opts.seed + k)) for k in range(opts.average)]
        model = runs[0]
        model.sparse = np.mean([m.sparse for m in runs], axis=0)
        model.bias = np.mean([m.bias for m in runs], axis=0)
        if model.dense is not None:
            model.dense = np.mean([m.dense for m in runs if m.dense is not None], axis=0)
        assert model.config is not None
        model.config["average"] = opts.average
        return model
    return _fit(data, opts)


def _fit(data: Examples, opts: FitOptions) -> TriggerModel:
    rng = np.random.default_rng(opts.seed)
    n, c = len(data), len(LABELS)
    nb = 1 << opts.bits
    width = max(len(f) for f in data.feats)
    from lagebild.events.proposer import _bucket

    ids = np.full((n, width), nb, dtype=np.int64)  # row nb: padding, stays zero
    for r, feats in enumerate(data.feats):
        row = [_bucket(f, opts.bits) for f in feats]
        ids[r, : len(row)] = row
    y = np.asarray(data.labels)
    w = np.asarray(data.weights, dtype=np.float32)
    ws = np.zeros((nb + 1, c), dtype=np.float32)
    b = np.zeros(c, dtype=np.float32)
    x = wd = mean = scale = None
    if opts.use_vectors:
        x = np.stack(data.vectors).astype(np.float32)
        mean = x.mean(0)
        scale = x.std(0) + 1e-4
        x = (x - mean) / scale
        wd = np.zeros((x.shape[1], c), dtype=np.float32)
    params: list[np.ndarray[Any, Any]] = [ws, b] + ([wd] if wd is not None else [])
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    step = 0
    for _ in range(opts.epochs):
        order = rng.permutation(n)
        for at in range(0, n, opts.batch):
            rows = order[at : at + opts.batch]
            logits = ws[ids[rows]].sum(1) + b
            if x is not None and wd is not None:
                logits += x[rows] @ wd
            logits -= logits.max(1, keepdims=True)
            p = np.exp(logits)
            p /= p.sum(1, keepdims=True)
            p[np.arange(len(rows)), y[rows]] -= 1.0
            g = p * (w[rows] / max(float(w[rows].sum()), 1e-6))[:, None]
            gws = np.zeros_like(ws)
            np.add.at(gws, ids[rows], g[:, None, :])
            gws[nb] = 0.0
            touched = np.unique(ids[rows])
            gws[touched] += opts.l2 * ws[touched]  # lazy L2: only the rows a batch uses
            grads = [gws, g.sum(0)]
            if x is not None and wd is not None:
                grads.append(x[rows].T @ g + opts.l2 * wd)
            step += 1
            for k, (param, grad) in enumerate(zip(params, grads, strict=True)):
                m[k] = 0.9 * m[k] + 0.1 * grad
                v[k] = 0.999 * v[k] + 0.001 * grad * grad
                mhat = m[k] / (1 - 0.9 ** step)
                vhat = v[k] / (1 - 0.999 ** step)
                param -= opts.lr * mhat / (np.sqrt(vhat) + 1e-8)
    config = {"seed": opts.seed, "epochs": opts.epochs, "lr": opts.lr, "l2": opts.l2,
              "layers": list(opts.layers), "examples": n,
              "label_counts": dict(Counter(LABELS[k] for k in data.labels))}
    return TriggerModel(labels=list(LABELS), bits=opts.bits, sparse=ws[:nb].copy(), bias=b,
                        dense=wd, mean=mean, scale=scale, threshold=opts.threshold,
                        config=config)


# ------------------------------------------------------------------------ analysed sets
def analyse(items_or_articles: Sequence[Any], accurate: bool, layers: Sequence[int] = ()
            ) -> list[Article | None]:
    """Run the product stages up to (not including) ``events`` over gold items or articles;
    in the accurate mode the entities stage also sets word vectors of ``layers``."""
    from lagebild.entities.stage import load_accurate_stage
    from lagebild.eval.events import build_article
    from lagebild.pipeline import Analyzer, choose_stages

    stages = [s for s in choose_stages(accurate=accurate) if s != "events"]
    analyzer = Analyzer(stages)
    if accurate and layers:
        k = stages.index("entities")
        analyzer._funcs[k] = load_accurate_stage(vector_layers=tuple(layers))
    from lagebild.errors import LagebildError

    built: list[Article | None] = []
    for x in items_or_articles:
        try:
            built.append(build_article(x, "triggers") if isinstance(x, GoldItem) else x)
        except LagebildError:  # not readable as prose: no events, as `eval events` counts it
            built.append(None)
    done = iter(analyzer.run([a for a in built if a is not None]))
    out: list[Article | None] = []
    for a in built:
        r = next(done) if a is not None else None
        out.append(r if isinstance(r, Article) else None)
    return out


def save_articles(articles: Sequence[Article | None], path: Path) -> None:
    """Articles as JSON lines (None as ``null``) and their word vectors beside them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write((a.to_json() if a is not None else "null") + "\n")
    arrays: dict[str, Any] = {}
    for k, a in enumerate(articles):
        if a is not None and a._word_vectors:
            keys = sorted(a._word_vectors)
            arrays[f"k{k}"] = np.asarray(keys, dtype=np.int64)
            arrays[f"v{k}"] = np.stack([a._word_vectors[o] for o in keys])
    if arrays:
        np.savez(path.with_suffix(".npz"), **arrays)


def load_articles(path: Path, layers_slice: slice | None = None) -> list[Article | None]:
    out: list[Article | None] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        out.append(None if line == "null" else Article.from_json(line))
    vec_path = path.with_suffix(".npz")
    if vec_path.is_file():
        with np.load(vec_path) as data:
            for k, a in enumerate(out):
                if a is not None and f"k{k}" in data:
                    vs = data[f"v{k}"]
                    if layers_slice is not None:
                        vs = vs[:, layers_slice]
                    a._word_vectors = dict(zip(data[f"k{k}"].tolist(), vs, strict=True))
    return out


# ------------------------------------------------------------------------ cross-validation
def score_with(items: Sequence[GoldItem], articles: Sequence[Article | None],
               proposer: Proposer | None, lex: Lexicon | None = None) -> dict[str, Any]:
    """Code analysed items (copies) with ``proposer`` and score them as ``eval events``."""
    from lagebild.events.coder import code_article

    lex = lex or load_lexicon()
    coded: list[Article | None] = []
    for a in articles:
        if a is None:
            coded.append(None)
            continue
        c = a.model_copy()
        coded.append(code_article(c, lex, proposer))
    return score_events(items, coded)


def pooled(results: Sequence[dict[str, Any]], items: Sequence[int]) -> dict[str, float]:
    """Micro-averaged figures over several scored sets (counts re-added)."""
    tp = sum(r["tp"] for r in results)
    fp = sum(r["fp"] for r in results)
    fn = sum(r["fn"] for r in results)
    n = sum(items)
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
    extra = sum(r["extra_per_item"] * k for r, k in zip(results, items, strict=True)) / n
    return {"P": round(p, 3), "R": round(rec, 3), "F1": round(f1, 3), "extra": round(extra, 3)}


def cross_validate(sets: dict[str, tuple[list[GoldItem], list[Article | None]]],
                   weak: Examples, opts: FitOptions, thresholds: Sequence[float],
                   require_kin: bool = False) -> dict[str, Any]:
    """Leave-one-set-out: per held-out set and pooled, lexicon only and with the proposer at
    each threshold."""
    lex = load_lexicon()
    examples = {name: gold_examples(items, arts, lex, opts.use_vectors)
                for name, (items, arts) in sets.items()}
    per: dict[str, dict[str, Any]] = {}
    base: list[dict[str, Any]] = []
    with_t: dict[float, list[dict[str, Any]]] = {t: [] for t in thresholds}
    sizes = []
    for name, (items, arts) in sets.items():
        train = Examples()
        for other, ex in examples.items():
            if other != name:
                train.extend(ex)
        train.extend(weak)
        model = fit(train, opts)
        b = score_with(items, arts, None, lex)
        base.append(b)
        sizes.append(len(items))
        per[name] = {"lexicon": _brief(b)}
        for t in thresholds:
            r = score_with(items, arts, Proposer(model, lex, t, require_kin))
            with_t[t].append(r)
            per[name][f"t={t}"] = _brief(r)
    return {"per_set": per, "pooled": {"lexicon": pooled(base, sizes),
                                       **{f"t={t}": pooled(rs, sizes)
                                          for t, rs in with_t.items()}}}


def gold_entries(items: Sequence[GoldItem], articles: Sequence[Article | None],
                 lex: Lexicon) -> set[Trigger]:
    """The lexicon entries that match a gold trigger of the items."""
    from lagebild.events.coder import context, find_triggers

    out: set[Trigger] = set()
    for item, article in zip(items, articles, strict=True):
        if article is None or not item.event or not item.event_text_de:
            continue
        at = article.text.find(item.event_text_de)
        if at < 0:
            continue
        end = at + len(item.event_text_de)
        for s in context(article, lex, None).sents:
            for entry, _, toks in find_triggers(s, lex):
                if any(s.toks[j].start < end and at < s.toks[j].end for j in toks):
                    out.add(entry)
    return out


def ablated(lex: Lexicon, drop: set[Trigger]) -> Lexicon:
    """The lexicon without the entries ``drop`` (the rest, including every other data file,
    unchanged)."""
    def keep(entries: Sequence[Trigger]) -> list[Trigger]:
        return [e for e in entries if e not in drop]

    def table(t: dict[str, list[Trigger]]) -> dict[str, list[Trigger]]:
        return {k: kept for k, es in t.items() if (kept := keep(es))}

    return replace(lex, verbs=table(lex.verbs), nouns=table(lex.nouns),
                   idioms=table(lex.idioms), noun_suffixes=keep(lex.noun_suffixes))


def cross_validate_unseen(sets: dict[str, tuple[list[GoldItem], list[Article | None]]],
                          news: Sequence[Article], news_weight: float, opts: FitOptions,
                          thresholds: Sequence[float], require_kin: bool = False
                          ) -> dict[str, Any]:
    """Leave-one-set-out as if the held-out set's words were new: the lexicon entries that
    match its gold triggers and no other set's are taken out (they were written after its
    errors were read), for the lexicon-only baseline, the training features and the weak
    labels alike; then lexicon only vs lexicon + proposer on that set."""
    lex = load_lexicon()
    per_set = {name: gold_entries(items, arts, lex) for name, (items, arts) in sets.items()}
    per: dict[str, dict[str, Any]] = {}
    base: list[dict[str, Any]] = []
    with_t: dict[float, list[dict[str, Any]]] = {t: [] for t in thresholds}
    sizes = []
    for name, (items, arts) in sets.items():
        others: set[Trigger] = set()
        for other, entries in per_set.items():
            if other != name:
                others |= entries
        drop = per_set[name] - others
        lex_k = ablated(lex, drop)
        train = Examples()
        for other, (o_items, o_arts) in sets.items():
            if other != name:
                train.extend(gold_examples(o_items, o_arts, lex_k, opts.use_vectors))
        if news_weight > 0:
            train.extend(weak_examples(news, news_weight, lex_k, opts.use_vectors))
        model = fit(train, opts)
        b = score_with(items, arts, None, lex_k)
        base.append(b)
        sizes.append(len(items))
        per[name] = {"entries_removed": len(drop), "lexicon": _brief(b)}
        for t in thresholds:
            r = score_with(items, arts, Proposer(model, lex_k, t, require_kin), lex_k)
            with_t[t].append(r)
            per[name][f"t={t}"] = _brief(r)
    return {"per_set": per, "pooled": {"lexicon": pooled(base, sizes),
                                       **{f"t={t}": pooled(rs, sizes)
                                          for t, rs in with_t.items()}}}


def _brief(r: dict[str, Any]) -> dict[str, Any]:
    keys = ("precision", "recall", "f1", "source_accuracy", "target_accuracy", "extra_per_item")
    return {k: (round(r[k], 3) if isinstance(r.get(k), float) else r.get(k)) for k in keys}


def write_model(model: TriggerModel, path: Path, metrics: dict[str, Any]) -> None:
    model.config = {**(model.config or {}), "metrics": metrics}
    model.save(path)


def dump(obj: Any) -> str:
    return json.dumps(obj, indent=1, ensure_ascii=False)
