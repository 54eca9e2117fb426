"""Finding the temporal expressions of a text and resolving their values (``find_times``;
the package docstring, :mod:`lagebild.times`, describes both halves and the values)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from lagebild.model import Sentence, TimeExpression, TimeType
from lagebild.times.extract import Candidate, find
from lagebild.times.normalise import Context, reference_date, resolve, tense_is_future

__all__ = ["find_times"]

_SENT_END = re.compile(r"(?<![\d.])(?<!\b[A-Z])[.!?][\"“”»«]?(?=\s+[\"„»«(]?[A-ZÄÖÜ0-9])|\n\s*\n")
#: a value that names a calendar year, month or day (``2014``, ``2014-03``, ``2014-03-02``)
CALENDAR = re.compile(r"^\d{4}")


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
    parsed = {s.start: s for s in sentences or ()}
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
            future = tense_is_future(text[starts[sent] : end])
            future_of[sent] = future and not _past_verb(parsed.get(starts[sent]))
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
        if ttype is TimeType.DATE and value and CALENDAR.match(value):
            anchor = (sent, value)
        prev = cand
    return out


def _past_verb(sentence: Sentence | None) -> bool:
    """Does the parsed sentence have a finite verb in the past tense? Then it speaks of the
    past ("starben am Sonntag"), whatever future cue a relative clause holds ("… verkauft
    werden"). Asked only of sentences with a future cue."""
    return sentence is not None and any(
        "Tense=Past" in tok.morph and "VerbForm=Fin" in tok.morph for tok in sentence.tokens)
