"""German temporal expressions: finding them in article text and resolving their values.

Rules, not a model: :mod:`lagebild.times.extract` finds expressions with precompiled regular
expressions built from the word lists in ``data/lexicon.json``; :mod:`lagebild.times.normalise`
resolves TIMEX3-style values against the publication date (its docstring states the rules).

- :func:`find_times` — the expressions of a text, as :class:`~lagebild.model.TimeExpression`.
- :func:`annotate` — fills ``Article.times`` (the ``times`` stage).
- :func:`date_for_span` — the date expression inside a span closest to an offset (for events).

Values: ``2014-03``, ``2015-09-16``, ``2015-W38``, ``2015-W38-WE``, ``2014-SP``, ``199`` (a
decade), ``2008-01-28TMO`` (a part of day), ``2011-05-31T09:00``, ``PRESENT_REF``; durations
``P4Y``, ``PT3H``, ``PXY``; sets ``P1Y``, ``XXXX-WXX-1`` (every Monday). Without a publication
date, relative expressions stay underspecified (``XXXX-10-03``) or None (``gestern``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from lagebild.model import Article, Sentence, TimeExpression, TimeType
from lagebild.times.extract import Candidate, find, lexicon
from lagebild.times.normalise import Context, reference_date, resolve, tense_is_future

__all__ = ["annotate", "date_for_span", "find_times"]

_SENT_END = re.compile(r"(?<![\d.])(?<!\b[A-Z])[.!?][\"“”»«]?(?=\s+[\"„»«(]?[A-ZÄÖÜ0-9])|\n\s*\n")
_CALENDAR = re.compile(r"^\d{4}")


def _sentence_bounds(text: str, sentences: Sequence[Sentence] | None) -> list[int]:
    """Start offsets of the sentences (from the nlp stage when it ran, else a simple splitter)."""
    if sentences:
        return sorted(s.start for s in sentences)
    return [0] + [m.end() for m in _SENT_END.finditer(text)]


def find_times(
    text: str, published: str | None = None, sentences: Sequence[Sentence] | None = None
) -> list[TimeExpression]:
    """All temporal expressions of ``text`` with values resolved against ``published``."""
    ref = reference_date(published)
    cands = find(text)
    if not cands:
        return []
    starts = _sentence_bounds(text, sentences)
    out: list[TimeExpression] = []
    anchor: tuple[int, str] | None = None  # (sentence number, value) of the last date
    future_of: dict[int, bool] = {}
    prev: Candidate | None = None
    for cand in cands:
        if (
            cand.kind == "part_adv"
            and prev is not None
            and prev.kind in ("clock", "deictic")
            and not text[prev.end : cand.start].strip()
        ):
            continue  # ``4 Uhr 30 morgens``: the part of day belongs to the clock time
        sent = bisect.bisect_right(starts, cand.start) - 1
        if sent not in future_of:
            end = starts[sent + 1] if sent + 1 < len(starts) else len(text)
            future_of[sent] = tense_is_future(text[starts[sent] : end])
        ctx = Context(ref, future_of[sent], anchor[1] if anchor and anchor[0] == sent else None)
        ttype, value = resolve(cand, ctx)
        out.append(
            TimeExpression(
                start=cand.start,
                end=cand.end,
                text=text[cand.start : cand.end],
                type=ttype,
                value=value,
            )
        )
        if ttype is TimeType.DATE and value and _CALENDAR.match(value):
            anchor = (sent, value)
        prev = cand
    return out


def annotate(article: Article) -> Article:
    """Fill ``article.times`` (uses ``article.sentences`` for sentence bounds when present)."""
    article.times = find_times(article.text, article.published, article.sentences or None)
    return article


def date_for_span(
    article: Article, start: int, end: int, anchor: int | None = None
) -> TimeExpression | None:
    """The date or time expression inside ``[start, end)`` closest to ``anchor``.

    For events: ``start``/``end`` is typically the event's sentence, ``anchor`` its trigger
    word's offset (None: the start of the span, so the first expression wins). Only DATE and
    TIME expressions count (durations and sets do not date an event). Expressions with a
    calendar value (``2014-03``) are preferred over ``PRESENT_REF`` or underspecified ones
    (``XXXX-10-03``) and ones without value; among equals, when ``anchor`` is a verb, one
    that the parse makes an attribute of a noun comes last ("nach einer Geiselnahme 1979 …
    abgebrochen": it dates the hostage-taking, not the verb's act; :func:`_dates_a_noun`);
    then the closest to ``anchor`` wins (distance 0 when ``anchor`` lies inside the
    expression; a tie goes to the earlier one). Uses ``article.times`` when the ``times``
    stage ran, else finds the expressions itself. Returns None when the span holds no date.
    """
    times = (
        article.times
        if article.times
        else find_times(article.text, article.published, article.sentences or None)
    )
    point = start if anchor is None else anchor
    verb_sentence = _verb_sentence(article, start, anchor) if anchor is not None else None
    best: tuple[int, bool, int, int] | None = None
    chosen: TimeExpression | None = None
    for t in times:
        if t.start < start or t.end > end or t.type not in (TimeType.DATE, TimeType.TIME):
            continue
        rank = 0 if t.value and _CALENDAR.match(t.value) else 1
        dist = 0 if t.start <= point < t.end else min(abs(point - t.start), abs(point - t.end + 1))
        of_noun = verb_sentence is not None and _dates_a_noun(verb_sentence, t)
        key = (rank, of_noun, dist, t.start)
        if best is None or key < best:
            best, chosen = key, t
    return chosen


def _verb_sentence(article: Article, start: int, anchor: int) -> Sentence | None:
    """The parsed sentence that holds offset ``start``, when the word at ``anchor`` in it is
    a verb or an auxiliary; else None. For a noun at ``anchor`` ("Geiselnahme in der
    US-Botschaft 1979") the nearest date stays first: the parser often hangs a date on the
    wrong one of several nouns in a row."""
    for sentence in article.sentences:
        if sentence.start <= start < sentence.end:
            verb = any(tok.start <= anchor < tok.end and tok.pos in ("VERB", "AUX")
                       for tok in sentence.tokens)
            return sentence if verb else None
    return None


def _dates_a_noun(sentence: Sentence, t: TimeExpression) -> bool:
    """Is the expression, by the parse, an attribute of a noun outside it ("… in der
    US-Botschaft 1979 … abgebrochen")? Its first word whose head lies outside the expression
    hangs on that noun. An expression on a verb or an auxiliary ("im Jahre 1980 …
    abgebrochen") dates the verb's act."""
    toks = sentence.tokens
    inside = {i for i, tok in enumerate(toks) if t.start <= tok.start < t.end}
    for i in sorted(inside):
        head = toks[i].head
        if head in inside or not 0 <= head < len(toks) or head == i:
            continue
        noun = toks[head]
        # "in der Nacht auf Donnerstag", "am Freitag gegen 21.20 Uhr": a time word's
        # attribute is part of the date
        return noun.pos in ("NOUN", "PROPN") and noun.text not in _time_nouns()
    return False


@cache
def _time_nouns() -> frozenset[str]:
    """Nouns that name a time (``Nacht``, ``Woche``, ``Freitag``, ``Mai``, ``Anfang``), from
    the finder's word lists."""
    lex = lexicon()
    return frozenset(word for part in ("units", "day_parts", "weekdays", "months", "seasons",
                                       "positions") for word in lex[part])
