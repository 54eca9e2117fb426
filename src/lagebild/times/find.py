"""Finding the temporal expressions of a text and resolving their values (``find_times``;
the package docstring, :mod:`lagebild.times`, describes both halves and the values)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from lagebild.model import Sentence, TimeExpression, TimeType, Token
from lagebild.times.clauses import attachment, clause_head
from lagebild.times.extract import Candidate, find
from lagebild.times.normalise import (
    FUTURE_CUE,
    PAST_CUE,
    Context,
    reference_date,
    resolve,
    tense_is_future,
)

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
    future_of: dict[int, bool] = {}  # does sentence n speak of the future
    cued: dict[int, bool] = {}  # has sentence n a future cue
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
            sentence = text[starts[sent] : end]
            future_of[sent] = tense_is_future(sentence) and not _past_verb(
                parsed.get(starts[sent]))
            cued[sent] = FUTURE_CUE.search(sentence) is not None
        future = future_of[sent]
        if cued[sent] and (parse := parsed.get(starts[sent])) is not None and parse.tokens:
            future = _clause_tense(parse.tokens, cand, future)
        past = not future and (parse := parsed.get(starts[sent])) is not None \
            and _clause_past(parse.tokens, cand)
        ctx = Context(ref, future, anchor[1] if anchor and anchor[0] == sent else None, past)
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
    return sentence is not None and any(_finite_past(tok) for tok in sentence.tokens)


def _finite_past(tok: Token) -> bool:
    """A finite verb in the past tense (the morphology does not always say ``VerbForm=Fin``
    where the tag says finite: ``erreichten/VVFIN``)."""
    return "Tense=Past" in tok.morph and ("VerbForm=Fin" in tok.morph or tok.tag.endswith("FIN"))


#: participles that date a plan, told in the past, ahead ("war für Juni geplant")
PLAN_PARTICIPLE = re.compile(r"(?:geplant|angesetzt|vorgesehen|terminiert|anberaumt|"
                             r"angekündigt|erwartet)")


def _clause_words(toks: Sequence[Token], cand: Candidate) -> list[Token] | None:
    """The tokens of the clause that holds the expression (None when it is not found)."""
    head = attachment(toks, cand.start, cand.end)
    if head is None:
        head = next((i for i, tok in enumerate(toks) if cand.start <= tok.start < cand.end),
                    None)
        if head is None:
            return None
    clause = clause_head(toks, head)
    return [tok for i, tok in enumerate(toks) if clause_head(toks, i) == clause]


def _clause_past(toks: Sequence[Token], cand: Candidate) -> bool:
    """Does the clause that holds the expression tell of the past: a past auxiliary or a
    finite verb in the past tense ("Bereits im Juni war es zu Unruhen gekommen"), and no
    future cue, plan or modal ("war für Juni geplant", "sollte ab Mai … dabei sein")? Then a
    month or day without a year is not after the publication date."""
    words = _clause_words(toks, cand)
    if not words:
        return False
    if any(FUTURE_CUE.fullmatch(tok.text) or PLAN_PARTICIPLE.fullmatch(tok.text)
           or tok.tag == "VMFIN" for tok in words):
        return False
    return any(PAST_CUE.fullmatch(tok.text) or _finite_past(tok) for tok in words)


def _clause_tense(toks: Sequence[Token], cand: Candidate, sentence_future: bool) -> bool:
    """Does the clause that holds the expression speak of the future? Its own tense decides
    when it has one: a past verb or auxiliary in the clause (``starben am Sonntag``) is the
    past, a future cue (``der … am Dienstag präsentieren wird``, beside a past main clause)
    the future; a clause without either takes the sentence's tense."""
    words = _clause_words(toks, cand)
    if words is None:
        return sentence_future
    if any(PAST_CUE.fullmatch(tok.text) or _finite_past(tok) for tok in words):
        return False
    # a verb, not ``nächsten``/``kommenden`` on some noun of the clause
    if any(tok.pos in ("VERB", "AUX") and FUTURE_CUE.fullmatch(tok.text) for tok in words):
        return True
    return sentence_future
