"""Diagnostic of the accurate mode's transformer tagger alone: role spans on the Wikinews split.

Not the headline: ``lagebild eval quotes`` (:mod:`lagebild.eval.quotes`) scores the statements
the analysis emits. This module scores the tagger's role spans on gold sentence boundaries.

``DIR`` is the split folder (``…/wikinews-quotes-2024/dev``) or the shared data folder. Gold
spans per role are all annotated spans of that role (deduplicated); predictions are the tagger's
role spans (before grouping into statements). Three levels, each P/R/F1 micro-averaged over
documents:

* ``token``: the corpus's tokens, a token is positive for a role when it overlaps a span;
* ``exact``: identical character spans (whitespace-trimmed);
* ``overlap50``: one-to-one greedy matching where the overlap is ≥ 50 % of the longer span.

The top-level ``p``/``r``/``f1`` of every role are token level. ``baseline`` is a rule tagger on
the same split: text between German quotation marks („…“, "…", »…«, “…”) as Message, nothing
for the other roles.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROLE_NAMES = {"QUOTE": "message", "CUE": "cue", "SPEAKER": "speaker", "ADDRESSEE": "addressee"}
QUOTE_RE = re.compile(r"„[^„“\n]{1,2000}“|»[^»«\n]{1,2000}«|\"[^\"\n]{1,2000}\"|“[^“”\n]{1,2000}”")

Span = tuple[int, int]


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def overlap_matches(pred: Sequence[Span], gold: Sequence[Span], share: float = 0.5) -> int:
    """Greedy one-to-one matches with overlap ≥ ``share`` of the longer span."""
    pairs: list[tuple[float, int, int]] = []
    for i, (ps, pe) in enumerate(pred):
        for j, (gs, ge) in enumerate(gold):
            ov = min(pe, ge) - max(ps, gs)
            if ov > 0 and ov >= share * max(pe - ps, ge - gs):
                pairs.append((ov / max(pe - ps, ge - gs), i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


class Counter:
    def __init__(self) -> None:
        self.c: dict[str, dict[str, list[int]]] = {
            name: {lvl: [0, 0, 0] for lvl in ("token", "exact", "overlap50")}
            for name in ROLE_NAMES.values()
        }

    def add(
        self, role: str, pred: Sequence[Span], gold: Sequence[Span], tokens: Sequence[Span]
    ) -> None:
        c = self.c[ROLE_NAMES[role]]
        ps, gs = set(pred), set(gold)
        ex = len(ps & gs)
        c["exact"][0] += ex
        c["exact"][1] += len(ps) - ex
        c["exact"][2] += len(gs) - ex
        ov = overlap_matches(sorted(ps), sorted(gs))
        c["overlap50"][0] += ov
        c["overlap50"][1] += len(ps) - ov
        c["overlap50"][2] += len(gs) - ov

        def hit(t: Span, spans: set[Span]) -> bool:
            return any(t[0] < e and t[1] > s for s, e in spans)

        for t in tokens:
            a, b = hit(t, ps), hit(t, gs)
            c["token"][0] += int(a and b)
            c["token"][1] += int(a and not b)
            c["token"][2] += int(b and not a)

    def result(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, levels in self.c.items():
            scores = {lvl: prf(*v) for lvl, v in levels.items()}
            out[name] = {**scores["token"], **scores}
        return out


def baseline_spans(text: str) -> list[Span]:
    return [(m.start(), m.end()) for m in QUOTE_RE.finditer(text)]


def split_dir(path: Path) -> Path:
    for cand in (path, path / "dev", path / "quotes/wikinews-quotes-2024/dev"):
        if any(cand.glob("*.json")):
            return cand
    raise FileNotFoundError(f"no Wikinews quotation documents (*.json) under {path}")


def evaluate_quotes(
    path: Path, model_dir: Path | None = None, limit: int = 0, threads: int = 1
) -> dict[str, Any]:
    """Scores of the quotation tagger and of the rule baseline on a Wikinews split folder."""
    import torch

    from lagebild.model import Article, Sentence
    from lagebild.statements.tagger import load_quote_tagger
    from lagebild.training.quotes import read_doc

    torch.set_num_threads(threads)
    files = sorted(split_dir(path).glob("*.json"))[: limit or None]
    tagger = load_quote_tagger(model_dir)
    model_c, base_c = Counter(), Counter()
    t0 = time.time()
    chars = 0
    for f in files:
        doc = read_doc(f)
        chars += len(doc.text)
        art = Article(text=doc.text, sentences=[Sentence(start=a, end=b) for a, b in doc.sentences])
        spans = tagger.role_spans(art.text, doc.sentences)
        for role in ROLE_NAMES:
            gold = [(s.start, s.end) for s in doc.spans if s.role == role]
            pred = [(s.start, s.end) for s in spans if s.role == role]
            model_c.add(role, pred, gold, doc.tokens)
            base_c.add(role, baseline_spans(doc.text) if role == "QUOTE" else [], gold, doc.tokens)
    seconds = time.time() - t0
    return {
        **model_c.result(),
        "documents": len(files),
        "seconds": round(seconds, 1),
        "chars_per_second": round(chars / seconds) if seconds else None,
        "baseline": {"rule": "text between German quotation marks", **base_c.result()},
    }
