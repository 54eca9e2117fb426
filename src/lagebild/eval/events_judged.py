"""``lagebild eval events-judged``: the event coder's precision on general news.

The gold sets of ``lagebild eval events`` are Wikinews sentences about politics and conflict; a
user who ingests a whole feed also gets business, sport, science and lifestyle. No annotated
corpus of events on such text exists, so precision there is measured on a *judged sample*:
``eval/events-news-judged.jsonl`` holds events that ``lagebild analyze`` (fast mode) emitted on
10kGNAD test and XGLUE dev articles, each judged by hand as ``right``, ``arguable`` or ``wrong``
(type against eval/README.md's guidelines; a second verdict for the actors; the kind of error).

This command re-analyses the judged articles (texts from ``../shared/data/news``, built as the
sample's run read them) through the product path and matches the events it emits now to the
judged ones by article, type, trigger text and sentence text (or a sentence that holds or is
held by the judged one, where the sentence boundaries have moved since: :func:`match_judged`).
It reports:

- **kept** per verdict: judged events the coder still emits, and **precision among kept**
  (strict: right / kept; lenient: right or arguable / kept). A change that drops wrong events
  raises it; one that drops right events lowers it.
- **unjudged**: events emitted now in the judged sentences that match no judged event (a new
  trigger, a changed type). They are counted, not scored: a change that invents events shows up
  here and must be read by hand.

The figure is the precision of the coder's *earlier* output as far as it survives; it cannot
see new errors outside the judged sentences. ``eval/README.md`` describes the sample.
"""

from __future__ import annotations

import json
import re
import time
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lagebild.eval.events import GoldItem, analyse_items, counted_only
from lagebild.model import Article

VERDICTS = ("right", "arguable", "wrong")
_ARTICLE = re.compile(r"^(gnad|xglue)-(\d{4})$")


class JudgedError(ValueError):
    """A bad judged-events file or a missing news source; the message names the place."""


@dataclass(frozen=True)
class Judged:
    id: str
    article: str
    type: str
    trigger: str
    sentence: str
    verdict: str
    actors: str = ""
    kind: str = ""


def read_judged(path: Path) -> list[Judged]:
    """The judged events of ``path`` (one JSON object per line)."""
    out: list[Judged] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            raw = json.loads(line)
            item = Judged(id=str(raw["id"]), article=str(raw["article"]), type=str(raw["type"]),
                          trigger=str(raw["trigger"]), sentence=str(raw["sentence"]),
                          verdict=str(raw["verdict"]), actors=str(raw.get("actors", "")),
                          kind=str(raw.get("kind", "")))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise JudgedError(f"{where}: not a judged event ({exc})") from exc
        if item.verdict not in VERDICTS:
            raise JudgedError(f"{where}: verdict {item.verdict!r} is not one of {VERDICTS}")
        if not _ARTICLE.match(item.article):
            raise JudgedError(f"{where}: article {item.article!r} is not gnad-NNNN or xglue-NNNN")
        out.append(item)
    return out


def news_texts(data: Path, wanted: set[str]) -> dict[str, str]:
    """The texts of the ``wanted`` articles: ``gnad-N`` is row N of the 10kGNAD test file,
    ``xglue-N`` row N of the XGLUE dev file as title, blank line, body (as the sample's run
    read them). ``data`` is the folder that holds ``news/``."""
    from lagebild.training.raw import GNAD, XGLUE, gnad_rows, xglue_rows

    for rel in (GNAD, XGLUE):
        if not (data / rel).is_file():
            raise JudgedError(f"{data / rel} not found: pass --data, the folder with news/")
    texts: dict[str, str] = {}
    for n, (_, text) in enumerate(gnad_rows(data)):
        if f"gnad-{n:04d}" in wanted:
            texts[f"gnad-{n:04d}"] = text
    for n, (title, body, _) in enumerate(xglue_rows(data)):
        if f"xglue-{n:04d}" in wanted:
            texts[f"xglue-{n:04d}"] = title + "\n\n" + body
    missing = sorted(wanted - texts.keys())
    if missing:
        raise JudgedError(f"articles not in the news files: {', '.join(missing[:5])}")
    return texts


def _norm(text: str) -> str:
    return " ".join(text.split())


def _emitted(article: Article) -> list[tuple[str, str, str]]:
    return [(ev.type.value, ev.trigger.text,
             _norm(article.text[ev.sentence.start:ev.sentence.end])) for ev in article.events]


def auc(scores: Sequence[float], labels: Sequence[float]) -> float | None:
    """Area under the ROC curve of right (1) against wrong (0) events; arguable ones left out
    (a tie counts half)."""
    pos = [s for s, y in zip(scores, labels, strict=True) if y == 1.0]
    neg = sorted(s for s, y in zip(scores, labels, strict=True) if y == 0.0)
    if not pos or not neg:
        return None
    wins = sum(bisect_left(neg, s) + 0.5 * (bisect_right(neg, s) - bisect_left(neg, s))
               for s in pos)
    return round(wins / (len(pos) * len(neg)), 4)


CONFIDENCE_BINS = ((0.0, 0.5), (0.5, 0.8), (0.8, 1.01))


def confidence_figures(pairs: Sequence[tuple[float, str]]) -> dict[str, Any]:
    """How well the emitted confidence orders the kept judged events: the area under the ROC
    curve of right against wrong ones (arguable left out) and strict precision per band."""
    bands = {}
    for lo, hi in CONFIDENCE_BINS:
        verdicts = [v for c, v in pairs if lo <= c < hi]
        bands[f"{lo:.1f}-{min(hi, 1.0):.1f}"] = {
            "kept": len(verdicts),
            "precision_strict": round(verdicts.count("right") / len(verdicts), 4)
            if verdicts else None}
    labels = [1.0 if v == "right" else 0.0 if v == "wrong" else 0.5 for _, v in pairs]
    return {"auc": auc([c for c, _ in pairs], labels), "by_band": bands}


def match_judged(judged: Sequence[Judged], articles: dict[str, Article | None]
                 ) -> dict[str, int]:
    """Judged event id → the index (in its article's ``events``) of the emitted event with
    its type, trigger text and sentence text; each emitted event matches one judged event.

    A sentence whose boundaries moved since the judgement still matches when one text holds
    the other (the judged sentence was cut from a merged one, or the other way round): the
    senter's fixes (statements round 19) split sentences that the judges saw merged, and the
    event itself, its type and trigger, did not change. Exact matches are taken first."""
    emitted = {aid: _emitted(a) if a is not None else [] for aid, a in articles.items()}
    claimed: set[tuple[str, int]] = set()
    hits: dict[str, int] = {}
    for exact in (True, False):
        for item in judged:
            if item.id in hits:
                continue
            sentence = _norm(item.sentence)
            hit = next((i for i, (typ, trigger, text) in enumerate(
                emitted.get(item.article, []))
                if typ == item.type and trigger == item.trigger
                and (item.article, i) not in claimed
                and (text == sentence if exact else (text in sentence or sentence in text))),
                None)
            if hit is not None:
                claimed.add((item.article, hit))
                hits[item.id] = hit
    return hits


def score_judged(judged: Sequence[Judged], articles: dict[str, Article | None]
                 ) -> dict[str, Any]:
    """Match the events of ``articles`` (by article id; None = the analysis failed) to the
    judged ones; see the module docstring for the figures."""
    emitted = {aid: _emitted(a) if a is not None else [] for aid, a in articles.items()}
    hits = match_judged(judged, articles)
    claimed = {(item.article, hits[item.id]) for item in judged if item.id in hits}
    pairs: list[tuple[float, str]] = []
    kept: Counter[str] = Counter()
    total: Counter[str] = Counter()
    kept_by_kind: Counter[str] = Counter()
    removed: list[str] = []
    for item in judged:
        total[item.verdict] += 1
        article = articles.get(item.article)
        if item.id not in hits or article is None:
            removed.append(item.id)
            continue
        kept[item.verdict] += 1
        pairs.append((article.events[hits[item.id]].confidence, item.verdict))
        if item.verdict == "wrong":
            kept_by_kind[item.kind or "other"] += 1
    sentences = {(j.article, _norm(j.sentence)) for j in judged}
    unjudged = sum(1 for aid, evs in emitted.items() for i, e in enumerate(evs)
                   if (aid, e[2]) in sentences and (aid, i) not in claimed)
    n_kept = sum(kept.values())
    gone = set(removed)
    right_actors = sum(1 for j in judged if j.verdict == "right" and j.actors == "ok"
                       and j.id not in gone)
    return {
        "judged": len(judged), "judged_by_verdict": dict(total),
        "kept": n_kept, "kept_by_verdict": {v: kept[v] for v in VERDICTS},
        "precision_strict": kept["right"] / n_kept if n_kept else None,
        "precision_lenient": (kept["right"] + kept["arguable"]) / n_kept if n_kept else None,
        "right_with_right_actors": right_actors,
        "kept_wrong_by_kind": dict(kept_by_kind.most_common()),
        "confidence": confidence_figures(pairs),
        "removed": removed, "unjudged_in_judged_sentences": unjudged,
        "articles": len(articles), "failed": sum(a is None for a in articles.values()),
    }


def analyse_texts(texts: dict[str, str], stages: Sequence[str]) -> dict[str, Article | None]:
    """Article id → the article analysed with ``stages`` (None: the analysis failed)."""
    ids = sorted(texts)
    items = [GoldItem(id=aid, text_de=texts[aid], event=None) for aid in ids]
    return dict(zip(ids, analyse_items(items, stages, origin="events-judged"), strict=True))


def evaluate_judged(judged: Sequence[Judged], texts: dict[str, str],
                    stages: Sequence[str], counted: bool = False) -> dict[str, Any]:
    """Analyse every judged article with ``stages`` (the product path) and score
    (``counted``: only the events the store counts, ``eval.events.counted_only``)."""
    start = time.perf_counter()
    articles = analyse_texts(texts, stages)
    if counted:
        articles = {aid: counted_only(a) for aid, a in articles.items()}
    result = score_judged(judged, articles)
    result["stages"] = list(stages)
    result["seconds"] = time.perf_counter() - start
    return result
