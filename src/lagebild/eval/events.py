"""``lagebild eval events``: score the event coder (``Article.events``) on a gold JSONL file.

Gold format and annotation rules: ``eval/README.md`` (``eval/events-dev.jsonl``). Each item's
``text_de`` becomes a plain-text article (``published`` set) that runs through the product
path, ``Analyzer(choose_stages(accurate=…))`` — the same stages as ``lagebild analyze``; the
scorer then reads whatever ``article.events`` holds.

Metrics (one gold *main* event or none per item; ``E`` = the events the system emitted):

- **type P/R/F1**, per type and micro-averaged. For gold type ``t`` an item is a true positive
  when some event in ``E`` has type ``t``, else a false negative. Every other type emitted on the
  item (counted once per item and type) is a false positive of that type — unless the gold lists
  it in ``other_events`` (then it is ignored: neither TP nor FP). On ``null`` items every emitted
  type is a false positive.
- **source / target accuracy** over *found* items (gold type emitted) whose gold list is not
  empty: correct when one emitted event of the gold type has an actor that matches a gold actor
  — its ``cameo`` equals the gold code or starts with the gold code's country part (``USA`` of
  ``USAGOV``; ``IGOEUR`` of ``IGOEUREU``; none for role-only codes such as ``CVL``), or its name
  equals the gold ``text_de`` (case-insensitive) or shares a word of ≥ 3 letters with it, or one
  of its mentions (actor layer) overlaps it.
- **modality accuracy** over found items: one emitted event of the gold type has its modality.
- **date accuracy** over found items whose gold carries a ``date`` (``{"text", "value"}`` or
  ``null``: no expression of the text dates the act): one emitted event of the gold type has
  the gold value, compared by its calendar part (a clock time or part of day after the day is
  ignored: ``2015-09-14T14:00`` = ``2015-09-14``); ``null`` wants no date. **Month accuracy**:
  one such event is counted in the gold's month (``store.clusters.event_day``: its own date, a
  month or year that holds the publication day counted on that day, no date on the
  publication day) — the month that ``lagebild relations --by month`` puts it in.
- **extra events per item**: emitted events beyond the gold ones (the main event once if found,
  one per matched ``other_events`` type), averaged over all items; on ``null`` items every emitted
  event is extra. ``null_clean``: share of ``null`` items without any event.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lagebild.eval.scoring import prf
from lagebild.model import Article, Event, Modality, PloverType
from lagebild.store.clusters import COUNT_MIN_CONFIDENCE, event_day

TYPES: tuple[str, ...] = tuple(t.value for t in PloverType)
MODALITIES: tuple[str, ...] = tuple(m.value for m in Modality)

#: CAMEO role codes that are not a country (a code starting with one has no country part)
ROLE_CODES = frozenset(
    "GOV MIL OPP REB JUD COP BUS MED LEG CVL LAB NGO HRI SPY ELI PTY CRM INS UAF EDU REF RAD "
    "AGR HLH MNC REL CHR MUS JEW ENV IMG PPL BUD HIN".split()
)
_STOP = frozenset(
    "der die das den dem des ein eine einer eines einem einen und von vom im in am an auf mit "
    "zu zur zum für sein seine ihr ihre".split()
)


class EventGoldError(ValueError):
    """A bad gold file; the message starts with ``FILE:LINE``."""


@dataclass(frozen=True)
class GoldActor:
    code: str
    text_de: str


@dataclass(frozen=True)
class GoldItem:
    id: str
    text_de: str
    event: str | None
    source: tuple[GoldActor, ...] = ()
    target: tuple[GoldActor, ...] = ()
    event_text_de: str = ""
    modality: str | None = None
    published: str | None = None
    doc: str | None = None
    other_events: tuple[str, ...] = ()
    dated: bool = False  # the gold says when the event happens (``date`` below, None: undated)
    date: str | None = None  # the TIMEX3 value of the expression that dates the event


def _date(obj: dict[str, Any], where: str) -> tuple[bool, str | None]:
    """(annotated, value) of an item's optional ``date``: absent, null or ``{"text", "value"}``."""
    if "date" not in obj:
        return False, None
    value = obj["date"]
    if value is None:
        return True, None
    if (not isinstance(value, dict) or not isinstance(value.get("value"), str)
            or not value["value"].strip() or not isinstance(value.get("text"), str)):
        raise EventGoldError(f"{where}: 'date' must be null or {{\"text\": …, \"value\": …}}")
    return True, value["value"].strip()


def _actors(value: Any, where: str, key: str) -> tuple[GoldActor, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise EventGoldError(f"{where}: {key!r} must be a list")
    out = []
    for actor in value:
        if (not isinstance(actor, dict) or not isinstance(actor.get("code"), str)
                or not isinstance(actor.get("text_de"), str)):
            raise EventGoldError(f"{where}: {key!r} entries need string 'code' and 'text_de'")
        out.append(GoldActor(actor["code"].strip().upper(), actor["text_de"]))
    return tuple(out)


def parse_item(obj: Any, where: str) -> GoldItem:
    """One gold object, validated; raises ``EventGoldError`` naming ``where`` (FILE:LINE)."""
    if not isinstance(obj, dict):
        raise EventGoldError(f"{where}: not a JSON object")
    text = obj.get("text_de")
    if not isinstance(text, str) or not text.strip():
        raise EventGoldError(f"{where}: 'text_de' missing or empty")
    if "event" not in obj:
        raise EventGoldError(f"{where}: 'event' missing (a PLOVER type or null)")
    event = obj["event"]
    if event is not None:
        if not isinstance(event, str) or event.strip().upper() not in TYPES:
            raise EventGoldError(f"{where}: unknown PLOVER type {event!r}")
        event = event.strip().upper()
    modality = obj.get("modality")
    if modality is not None:
        if not isinstance(modality, str) or modality.strip().lower() not in MODALITIES:
            raise EventGoldError(f"{where}: unknown modality {modality!r}")
        modality = modality.strip().lower()
    others = obj.get("other_events") or []
    if not isinstance(others, list) or any(
        not isinstance(t, str) or t.strip().upper() not in TYPES for t in others
    ):
        raise EventGoldError(f"{where}: 'other_events' must be a list of PLOVER types")
    trigger = obj.get("event_text_de") or ""
    if not isinstance(trigger, str):
        raise EventGoldError(f"{where}: 'event_text_de' must be a string")
    published = obj.get("published")
    if published is not None and not isinstance(published, str):
        raise EventGoldError(f"{where}: 'published' must be a string")
    dated, date = _date(obj, where)
    return GoldItem(
        id=str(obj.get("id") or where),
        text_de=text,
        event=event,
        source=_actors(obj.get("source"), where, "source"),
        target=_actors(obj.get("target"), where, "target"),
        event_text_de=trigger,
        modality=modality,
        published=published,
        doc=obj.get("doc") if isinstance(obj.get("doc"), str) else None,
        other_events=tuple(t.strip().upper() for t in others),
        dated=dated,
        date=date,
    )


def read_gold(path: Path) -> list[GoldItem]:
    """Every item of a gold JSONL file (blank lines skipped); ``EventGoldError`` on a bad line."""
    items = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise EventGoldError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EventGoldError(f"{where}: invalid JSON ({exc.msg})") from exc
        items.append(parse_item(obj, where))
    if not items:
        raise EventGoldError(f"{path}: no items")
    return items


# --------------------------------------------------------------------------- matching
def country_part(code: str) -> str | None:
    """``USA`` of ``USAGOV``; ``IGOEUR`` of ``IGOEUREU``; None for a role-only code (``CVL``)."""
    code = code.upper()
    if code.startswith(("IGO", "NGO")):
        return code[:6] if len(code) > 3 else None
    if len(code) < 3 or code[:3] in ROLE_CODES:
        return None
    return code[:3]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w{3,}", text.casefold()) if w not in _STOP}


def actor_matches(ref: Any, gold: GoldActor, article: Article | None = None) -> bool:
    """Does a system ``ActorRef`` match a gold actor (code prefix, shared word, or mention)?"""
    cameo = (getattr(ref, "cameo", None) or "").upper()
    part = country_part(gold.code)
    if cameo and (cameo == gold.code or (part is not None and cameo.startswith(part))):
        return True
    name = (getattr(ref, "name", "") or "").strip().casefold()
    if name and name == gold.text_de.strip().casefold():
        return True  # the same words ("Er", "EU"): too short for the shared-word rule
    if _words(name) & _words(gold.text_de):
        return True
    ref_id = getattr(ref, "id", None)
    if article is not None and ref_id:
        start = article.text.find(gold.text_de)
        if start >= 0:
            end = start + len(gold.text_de)
            for actor in article.actors:
                if actor.id == ref_id and any(m.start < end and start < m.end
                                              for m in actor.mentions):
                    return True
    return False


def _side_ok(events: Sequence[Event], gold: Sequence[GoldActor], side: str,
             article: Article | None) -> bool:
    return any(
        actor_matches(ref, g, article)
        for ev in events for ref in getattr(ev, side) for g in gold
    )


_TIME_OF_DAY = re.compile(r"(T\d.*|TMO|TAF|TEV|TNI)$")


def calendar_part(value: str | None) -> str | None:
    """A date value without its clock time or part of day (``2015-09-14T14:00`` →
    ``2015-09-14``; ``2008-01-28TMO`` → ``2008-01-28``); None stays None."""
    return _TIME_OF_DAY.sub("", value) if value else value


def _counted_month(value: str | None, published: str | None) -> str | None:
    day = event_day(value, published)
    return day[:7] if day else None


def _date_ok(events: Sequence[Event], item: GoldItem) -> tuple[bool, bool]:
    """(value right, counted month right) for one of the events of the gold type."""
    values = [ev.date.value if ev.date is not None else None for ev in events]
    value_ok = any(calendar_part(v) == calendar_part(item.date) for v in values)
    month = _counted_month(item.date, item.published)
    month_ok = any(_counted_month(v, item.published) == month for v in values)
    return value_ok, month_ok


# --------------------------------------------------------------------------- scoring
def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass
class _Tally:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    support: Counter[str] = field(default_factory=Counter)
    counts: Counter[str] = field(default_factory=Counter)
    extra: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


def false_alarms(item: GoldItem, emitted: Iterable[str]) -> list[str]:
    """The emitted types (each once) that are neither the item's event nor one of its
    ``other_events``: the false alarms the type precision counts."""
    return [typ for typ in dict.fromkeys(emitted)
            if typ != item.event and typ not in item.other_events]


def score_events(items: Sequence[GoldItem], articles: Sequence[Article | None],
                 errors: bool = False) -> dict[str, Any]:
    """Score emitted events against gold items (``articles[i]`` analysed from ``items[i]``;
    None = the analysis failed: no events). See the module docstring for the definitions."""
    if len(items) != len(articles):
        raise ValueError("one article per gold item")
    t = _Tally()
    for item, article in zip(items, articles, strict=True):
        events = list(article.events) if article is not None else []
        emitted = Counter(ev.type.value for ev in events)
        gold = item.event
        if gold is None:
            t.counts["null_items"] += 1
            t.counts["null_clean"] += not events
        else:
            t.support[gold] += 1
        found = gold is not None and gold in emitted
        if gold is not None:
            if found:
                t.tp[gold] += 1
                same = [ev for ev in events if ev.type.value == gold]
                for side, actors in (("source", item.source), ("target", item.target)):
                    if actors:
                        t.counts[f"{side}_n"] += 1
                        t.counts[f"{side}_ok"] += _side_ok(same, actors, side, article)
                if item.modality is not None:
                    t.counts["modality_n"] += 1
                    t.counts["modality_ok"] += any(ev.modality.value == item.modality
                                                   for ev in same)
                if item.dated:
                    value_ok, month_ok = _date_ok(same, item)
                    t.counts["date_n"] += 1
                    t.counts["date_ok"] += value_ok
                    t.counts["date_month_ok"] += month_ok
                    if errors and not value_ok:
                        t.errors.append({"id": item.id, "kind": "date", "gold": gold,
                                         "emitted": [ev.date.value if ev.date else "–"
                                                     for ev in same],
                                         "gold_date": item.date, "text": item.text_de})
            else:
                t.fn[gold] += 1
                if errors:
                    t.errors.append({"id": item.id, "kind": "miss", "gold": gold,
                                     "emitted": sorted(emitted), "text": item.text_de})
        false_types = false_alarms(item, emitted)
        expected = (1 if found else 0) + sum(1 for typ in emitted if typ != gold
                                             and typ in item.other_events)
        for typ in false_types:
            t.fp[typ] += 1
            if errors:
                triggers = [ev.trigger.text for ev in events if ev.type.value == typ]
                t.errors.append({"id": item.id, "kind": "false_alarm", "gold": gold,
                                 "emitted": typ, "trigger": triggers, "text": item.text_de})
        t.extra += max(0, len(events) - expected)
        t.counts["events"] += len(events)
    return _result(items, t, errors)


def _result(items: Sequence[GoldItem], t: _Tally, errors: bool) -> dict[str, Any]:
    per_type = {}
    for typ in TYPES:
        if t.support[typ] or t.fp[typ]:
            per_type[typ] = {"support": t.support[typ], "tp": t.tp[typ], "fp": t.fp[typ],
                             "fn": t.fn[typ], **prf(t.tp[typ], t.fp[typ], t.fn[typ])}
    tp, fp, fn = sum(t.tp.values()), sum(t.fp.values()), sum(t.fn.values())
    with_support = [s["f1"] for s in per_type.values() if s["support"]]
    c = t.counts
    result: dict[str, Any] = {
        "items": len(items),
        "gold_events": sum(t.support.values()),
        "null_items": c["null_items"],
        "emitted_events": c["events"],
        "tp": tp, "fp": fp, "fn": fn,
        **prf(tp, fp, fn),
        "macro_f1": sum(with_support) / len(with_support) if with_support else 0.0,
        "source_accuracy": _ratio(c["source_ok"], c["source_n"]),
        "source_scored": c["source_n"],
        "target_accuracy": _ratio(c["target_ok"], c["target_n"]),
        "target_scored": c["target_n"],
        "modality_accuracy": _ratio(c["modality_ok"], c["modality_n"]),
        "modality_scored": c["modality_n"],
        "date_accuracy": _ratio(c["date_ok"], c["date_n"]),
        "date_month_accuracy": _ratio(c["date_month_ok"], c["date_n"]),
        "date_scored": c["date_n"],
        "extra_per_item": t.extra / len(items) if items else 0.0,
        "null_clean": _ratio(c["null_clean"], c["null_items"]),
        "per_type": per_type,
    }
    if errors:
        result["errors"] = t.errors
    return result


# --------------------------------------------------------------------------- product path
def build_article(item: GoldItem, origin: str) -> Article:
    """The plain-text article of one item, as ``lagebild analyze`` reads a text file."""
    from lagebild.ingest.textdump import parse_textdump
    from lagebild.model import Origin

    article = parse_textdump(item.text_de)
    update: dict[str, Any] = {"origin": Origin(path=origin, record=item.id, reader="eval")}
    if item.published and not article.published:
        update["published"] = item.published
    return article.model_copy(update=update)


def analyse_items(items: Sequence[GoldItem], stages: Sequence[str],
                  origin: str = "events") -> list[Article | None]:
    """Run the product analyzer over the items; a failed item yields None (no events)."""
    from lagebild.errors import LagebildError
    from lagebild.pipeline import Analyzer

    built: list[Article | None] = []
    for item in items:
        try:
            built.append(build_article(item, origin))
        except LagebildError:  # not readable as prose: counts as an item without events
            built.append(None)
    analysed = iter(Analyzer(stages).run([a for a in built if a is not None]))
    out: list[Article | None] = []
    for article in built:
        result = next(analysed) if article is not None else None
        out.append(result if isinstance(result, Article) else None)
    return out


def counted_only(article: Article | None) -> Article | None:
    """The article with only the events the store counts (relations, briefs, the GDELT
    export: ``Event.confidence`` at least ``store.clusters.COUNT_MIN_CONFIDENCE``)."""
    if article is None:
        return None
    kept = [ev for ev in article.events if ev.confidence >= COUNT_MIN_CONFIDENCE]
    return article if len(kept) == len(article.events) else article.model_copy(
        update={"events": kept})


def evaluate_events(items: Sequence[GoldItem], stages: Sequence[str], errors: bool = False,
                    origin: str = "events",
                    analyse: Callable[..., Iterable[Article | None]] | None = None,
                    counted: bool = False) -> dict[str, Any]:
    """Analyse the items with ``stages`` and score them (``counted``: only the events the
    store counts, :func:`counted_only`); adds ``stages`` and ``seconds``."""
    start = time.perf_counter()
    articles = list((analyse or analyse_items)(items, stages, origin))
    if counted:
        articles = [counted_only(a) for a in articles]
    result = score_events(items, articles, errors)
    result["stages"] = list(stages)
    result["failed"] = sum(a is None for a in articles)
    result["seconds"] = time.perf_counter() - start
    return result
