"""``lagebild eval time FILE``: temporal expressions scored through the product path.

``FILE`` is JSONL, one object per sentence or paragraph: ``{"id", "text", "published", "doc",
"timex": [{"start", "end", "text", "type", "value"}]}`` (``eval/time-dev.jsonl``; guideline in
``eval/README.md``). Each line becomes an :class:`~lagebild.model.Article` (one paragraph, with
its publication date) and runs through the analysis stages of the mode up to ``times`` — by
default the fast mode's ``nlp`` and ``times``, as ``lagebild analyze`` would; ``rules_only``
runs ``times`` alone.

Scores (micro over all expressions):

* ``strict``: P/R/F1 of identical character spans;
* ``relaxed``: P/R/F1 of one-to-one overlapping spans (greedy, largest overlap first);
* ``value_accuracy``: share of strictly matched expressions whose value equals the gold value
  (``value_accuracy_relaxed`` the same over relaxed matches); ``type_accuracy`` likewise;
* ``strict_value``: P/R/F1 where a hit needs the identical span *and* value (the figure
  TempEval/HeidelTime papers call "strict value F1").
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from lagebild.model import Article, ArticleBuilder, BlockType, TimeExpression


class GoldFormatError(ValueError):
    """A gold line that cannot be read (the message starts with FILE:LINE)."""


def read_gold(path: Path) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                text = item["text"]
                for t in item.get("timex", []):
                    if text[t["start"] : t["end"]] != t["text"]:
                        raise ValueError(f"timex {t['text']!r} does not match its offsets")
            except (ValueError, KeyError, TypeError) as exc:
                raise GoldFormatError(f"{path}:{no}: {exc}") from exc
            items.append(item)
    return items


def _article(item: dict[str, Any]) -> Article:
    builder = ArticleBuilder()
    builder.add(BlockType.PARAGRAPH, item["text"])
    article = builder.build(published=item.get("published"))
    if article.text != item["text"]:  # leading/trailing space in the gold text
        raise GoldFormatError(f"item {item.get('id')}: text has surrounding whitespace")
    return article


def stages_for(mode: str, rules_only: bool) -> list[str]:
    """The mode's stages up to and including ``times``."""
    from lagebild.stages import mode_stages

    if rules_only:
        return ["times"]
    names = list(mode_stages(mode))
    if "times" not in names:
        raise ValueError(f"mode {mode!r} does not run the times stage")
    return names[: names.index("times") + 1]


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _relaxed_pairs(pred: list[TimeExpression], gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = min(p.end, g["end"]) - max(p.start, g["start"])
            if ov > 0:
                pairs.append((ov, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def score(items: list[dict[str, Any]], stages: list[str], errors: bool = False) -> dict[str, Any]:
    """Run ``stages`` over the gold items and score the ``times`` layer."""
    from lagebild.pipeline import Analyzer
    from lagebild.stages import registry

    analyzer = Analyzer(stages)
    articles = [_article(item) for item in items]
    t0 = time.perf_counter()
    done = list(analyzer.run(articles))
    seconds = time.perf_counter() - t0
    # the finder's own speed on the same texts (the stage alone, no nlp)
    times_stage = registry()["times"].load()
    t1 = time.perf_counter()
    for _ in times_stage(a.model_copy() for a in articles):
        pass
    times_seconds = time.perf_counter() - t1
    words = sum(len(item["text"].split()) for item in items)

    n_gold = n_pred = strict = strict_val = relaxed = 0
    val_ok = val_ok_rel = type_ok = 0
    listed: list[dict[str, Any]] = []
    for item, analysed in zip(items, done, strict=True):
        if not isinstance(analysed, Article):
            raise RuntimeError(f"item {item.get('id')}: analysis failed: {analysed}")
        pred = analysed.times
        gold = item.get("timex", [])
        n_gold += len(gold)
        n_pred += len(pred)
        by_span = {(p.start, p.end): p for p in pred}
        for g in gold:
            p = by_span.get((g["start"], g["end"]))
            if p is not None:
                strict += 1
                val_ok += p.value == g["value"]
                strict_val += p.value == g["value"]
                type_ok += p.type.value == g["type"]
        pairs = _relaxed_pairs(pred, gold)
        relaxed += len(pairs)
        val_ok_rel += sum(pred[i].value == gold[j]["value"] for i, j in pairs)
        if errors:
            matched_p = {i for i, _ in pairs}
            matched_g = {j for _, j in pairs}
            for i, j in pairs:
                p, g = pred[i], gold[j]
                if (p.start, p.end) != (g["start"], g["end"]) or p.value != g["value"]:
                    kind = "value" if (p.start, p.end) == (g["start"], g["end"]) else "boundary"
                    listed.append(
                        {
                            "id": item["id"],
                            "kind": kind,
                            "gold": g,
                            "predicted": p.model_dump(mode="json"),
                        }
                    )
            listed += [
                {"id": item["id"], "kind": "missed", "gold": g, "predicted": None}
                for j, g in enumerate(gold)
                if j not in matched_g
            ]
            listed += [
                {
                    "id": item["id"],
                    "kind": "spurious",
                    "gold": None,
                    "predicted": p.model_dump(mode="json"),
                }
                for i, p in enumerate(pred)
                if i not in matched_p
            ]
    result: dict[str, Any] = {
        "items": len(items),
        "gold": n_gold,
        "predicted": n_pred,
        "stages": stages,
        "strict": _prf(strict, n_pred, n_gold),
        "relaxed": _prf(relaxed, n_pred, n_gold),
        "value_accuracy": round(val_ok / strict, 4) if strict else 0.0,
        "value_accuracy_relaxed": round(val_ok_rel / relaxed, 4) if relaxed else 0.0,
        "type_accuracy": round(type_ok / strict, 4) if strict else 0.0,
        "strict_value": _prf(strict_val, n_pred, n_gold),
        "words": words,
        "seconds": round(seconds, 3),
        "times_words_per_second": round(words / times_seconds) if times_seconds else None,
    }
    if errors:
        result["errors"] = listed
    return result
