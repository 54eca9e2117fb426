"""Writing: :class:`lagebild.events.findings.Found` → :class:`lagebild.model.Event`, with
character offsets, the trigger span, CAMEO code, PLOVER type and mode, Goldstein score, quad
class, actor references and the date from the ``times`` layer.
"""

from __future__ import annotations

from lagebild.events import codes
from lagebild.events.findings import Context, Found, context
from lagebild.events.sentence import LOCAL, Sent
from lagebild.model import (
    ActorRef,
    Article,
    Event,
    EventDate,
    Modality,
    Offsets,
    PloverType,
    Sentence,
    Span,
)
from lagebild.times import date_for_span


def _ref(ctx: Context, aid: str) -> ActorRef:
    if aid.startswith(LOCAL):
        return ActorRef(id=None, name=aid[len(LOCAL):])
    actor = ctx.actors.get(aid)
    return actor.ref() if actor else ActorRef(id=aid, name=aid)


def _date(article: Article, sentence: Sentence, at: int) -> EventDate | None:
    """The time expression of the event's sentence that dates the act at offset ``at`` (the
    coder's anchor word), from the ``times`` stage's layer (``lagebild.times.date_for_span``:
    one of the anchor's clause, not a period's bound; no layer, no date)."""
    if not article.times:  # the times stage did not run or found nothing: do not search again
        return None
    best = date_for_span(article, sentence.start, sentence.end, anchor=at)
    if best is None or not best.value:
        return None
    return EventDate(value=best.value, text=best.text, start=best.start, end=best.end)


def _trigger_run(s: Sent, f: Found) -> list[int]:
    """The trigger span: the run of trigger tokens around the anchor, bridging adjectives and
    articles (``auf Eis gelegt``, ``gemeinsames militärisches Vorgehen``); a separable verb's
    particle far away is left out (``lehnte … ab`` → ``lehnte``, as the gold convention)."""
    tokens = set(f.tokens)
    lo = hi = f.anchor
    bridge = ("ADJA", "ADJD", "ART", "APPRART")
    while True:
        if lo - 1 in tokens:
            lo -= 1
        elif lo - 2 in tokens and s.toks[lo - 1].tag in bridge:
            lo -= 2
        else:
            break
    while True:
        if hi + 1 in tokens:
            hi += 1
        elif hi + 2 in tokens and s.toks[hi + 1].tag in bridge:
            hi += 2
        else:
            break
    return list(range(lo, hi + 1))


def write(article: Article, found: list[Found], ctx: Context | None = None) -> list[Event]:
    ctx = ctx or context(article)
    events: list[Event] = []
    for f in found:
        sentence = ctx.sents[f.sent].sentence
        toks = [sentence.tokens[i] for i in _trigger_run(ctx.sents[f.sent], f)]
        start, end = min(t.start for t in toks), max(t.end for t in toks)
        code = codes.lookup(f.cameo)
        info = codes.plover_types()[f.plover]
        contexts = list(code.contexts)
        mode = f.mode or code.mode or None
        if f.plover == "AID" and mode is None and contexts:
            mode = contexts[0]  # AID has no PLOVER modes: the kind of aid (military …)
        loc = None
        if f.location:
            loc = Span(start=f.location[0], end=f.location[1],
                       text=article.text[f.location[0]:f.location[1]])
        events.append(Event(
            type=PloverType(f.plover), mode=mode, context=contexts, cameo=f.cameo,
            goldstein=code.goldstein, quad_class=info.quad,
            source=[_ref(ctx, a) for a in f.source], target=[_ref(ctx, a) for a in f.target],
            trigger=Span(start=start, end=end, text=article.text[start:end]),
            location=loc, date=_date(article, sentence, sentence.tokens[
                f.anchor if f.dated_by is None else f.dated_by].start),
            modality=Modality(f.modality), statement=f.statement,
            sentence=Offsets(start=sentence.start, end=sentence.end),
            confidence=round(max(0.1, min(1.0, f.confidence)), 2)))
    return events
