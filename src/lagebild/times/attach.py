"""Which temporal expression dates an event: the expressions of its sentence, read against
the parse.

:func:`date_for_span` picks, among the DATE and TIME expressions of a span (an event's
sentence), the one that says when the act at ``anchor`` happens. Three readings of the
sentence exclude an expression (each measured on the event gold's dates, ``eval/README.md``
*Event dates*; ``docs/lab/events.md``, thirty-ninth pass):

- a **period's bound** is not the date of an act: ``die seit Juni andauernden Unruhen``, ``ein
  Ultimatum bis Mittwoch``, ``zwischen 2008 und 2012`` (:func:`period_bounds`, word lists in
  ``data/lexicon.json`` ``period_bounds``);
- an expression in **another clause** dates that clause's act: ``Wie die NATO am Montag
  mitteilte, sind … getötet worden``, ``der Mann, der am Sonntag … gerast ist, ist entlassen
  worden`` (:func:`_in_clause`); a temporal ``als`` clause and a coordinated verb without
  a subject of its own share the time of the clause they hang on;
- an expression on a **participle attribute** dates that participle: ``die im Oktober 2009
  verhängten Todesurteile``, ``der gestern veröffentlichte Bericht``.

An expression the parse hangs on a noun of the same clause stays a candidate, after the verb's
own dates (:func:`_on_noun`): the parser often hangs a date on the wrong noun of a row
(``die Europäische Union im Januar 2006 darum gebeten``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from lagebild.model import Article, Sentence, TimeExpression, TimeType, Token
from lagebild.times.clauses import attachment, clause_head
from lagebild.times.extract import lexicon
from lagebild.times.find import CALENDAR, find_times

__all__ = ["date_for_span", "period_bounds"]


def date_for_span(
    article: Article, start: int, end: int, anchor: int | None = None
) -> TimeExpression | None:
    """The date or time expression inside ``[start, end)`` that dates the act at ``anchor``.

    For events: ``start``/``end`` is typically the event's sentence, ``anchor`` its trigger
    word's offset (None: the start of the span, so the first expression wins). Only DATE and
    TIME expressions count (durations and sets do not date an event), and of them not a
    period's bound (:func:`period_bounds`); when the sentence is parsed, not one outside the
    anchor's clause or on a participle attribute (:func:`_in_clause`). Among the rest,
    calendar values (``2014-03``) come before ``PRESENT_REF`` or underspecified ones
    (``XXXX-10-03``); among equals, when ``anchor`` is a verb, one that the parse makes an
    attribute of a noun comes last (:func:`_on_noun`); then the closest to ``anchor``
    wins (distance 0 when ``anchor`` lies inside the expression; a tie goes to the earlier
    one). A winner coordinated after another date (``am 10. und 11. Juli``) gives way to the
    first member. Uses ``article.times`` when the ``times`` stage ran, else finds the expressions
    itself. Returns None when no expression dates the act.
    """
    times = (
        article.times
        if article.times
        else find_times(article.text, article.published, article.sentences or None)
    )
    inside = [t for t in times if t.start >= start and t.end <= end]
    bounds = period_bounds(article.text, inside, start)
    point = start if anchor is None else anchor
    sentence, word = _parsed(article, start, anchor)
    toks = sentence.tokens if sentence is not None else []
    verb = word is not None and toks[word].pos in ("VERB", "AUX")
    best: tuple[int, bool, int, int] | None = None
    chosen: TimeExpression | None = None
    prev: TimeExpression | None = None
    for t in inside:
        if t.type not in (TimeType.DATE, TimeType.TIME) or id(t) in bounds:
            prev = None
            continue
        first = prev if prev is not None and _coordinated().fullmatch(
            article.text, prev.end, t.start) else None
        prev = t
        head = attachment(toks, t.start, t.end) if word is not None else None
        if word is not None and not _in_clause(toks, head, word):
            continue
        if verb and _on_nested_noun(toks, head):
            continue
        rank = 0 if t.value and CALENDAR.match(t.value) else 1
        dist = 0 if t.start <= point < t.end else min(abs(point - t.start), abs(point - t.end + 1))
        of_noun = verb and _on_noun(toks, head)
        key = (rank, of_noun, dist, t.start)
        if best is None or key < best:
            # "am 10. und 11. Juli": a coordination dates the act by its first member
            best, chosen = key, first if first is not None and first.type is t.type else t
    return chosen


def period_bounds(text: str, times: Sequence[TimeExpression], start: int = 0) -> set[int]:
    """The ``id()`` of each expression (in text order, from offset ``start`` on) that bounds a
    period: after ``seit``/``bis``/``ab``/``zwischen`` (an article between allowed: ``bis zum
    17. Mai``), joined to such a bound (``zwischen 2008 und 2012``), or a start that a link
    joins to a following one (``vom 18. Juli bis …``)."""
    words = lexicon()["period_bounds"]
    after_bound, after_link, before_link, from_word = _bound_patterns(
        tuple(words["prepositions"]), tuple(words["articles"]), tuple(words["links"]),
        tuple(words["from"]))
    out: set[int] = set()
    prev: TimeExpression | None = None
    for t in times:
        before = text[max(start, t.start - 40):t.start]
        bound = bool(after_bound.search(before))
        if not bound and prev is not None and id(prev) in out:
            bound = bool(after_link.fullmatch(text[prev.end:t.start]))
        if not bound and from_word.search(before):
            bound = bool(before_link.match(text[t.end:t.end + 8]))
        if bound:
            out.add(id(t))
        prev = t
    return out


@cache
def _bound_patterns(preps: tuple[str, ...], articles: tuple[str, ...], links: tuple[str, ...],
                    starts: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    def alt(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in words)

    article = rf"(?:(?:{alt(articles)})\s+)?"
    return (
        re.compile(rf"\b(?:{alt(preps)})\s+{article}$", re.IGNORECASE),
        re.compile(rf"\s*(?:{alt(links)})\s+{article}", re.IGNORECASE),
        re.compile(rf"\s*(?:{alt(links)})\s", re.IGNORECASE),
        re.compile(rf"\b(?:{alt(starts)})\s+$", re.IGNORECASE),
    )


@cache
def _coordinated() -> re.Pattern[str]:
    """What joins two dates of one coordination ("am 10. und 11. Juli", "am 16. und am 17.
    Juni"; ``data/lexicon.json`` ``coordinations``)."""
    words = lexicon()["coordinations"]
    links = "|".join(re.escape(w) for w in words["links"])
    articles = "|".join(re.escape(w) for w in words["articles"])
    return re.compile(rf"\s*(?:{links})\s+(?:(?:{articles})\s+)?")


def _parsed(article: Article, start: int, anchor: int | None) -> tuple[Sentence | None,
                                                                        int | None]:
    """The parsed sentence that holds offset ``start`` and the index of its word at
    ``anchor`` (None, None without a parse; the sentence and None when no word holds it)."""
    for sentence in article.sentences:
        if sentence.start <= start < sentence.end:
            if not sentence.tokens:
                return None, None
            if anchor is None:
                return sentence, None
            word = next((i for i, tok in enumerate(sentence.tokens)
                         if tok.start <= anchor < tok.end), None)
            return sentence, word
    return None, None


def _in_clause(toks: Sequence[Token], head: int | None, word: int) -> bool:
    """Does an expression attached to ``head`` (:func:`~lagebild.times.clauses.attachment`)
    belong, by the parse, to the clause of word ``word``? Not when it hangs on a participle
    attribute (``die im Oktober verhängten Urteile``: tag ADJA, not an ordinal of a date) or
    sits in another clause — unless ``word``'s clause is a temporal ``als`` clause of the
    expression's (``gingen am Sonntag zu Ende, als … unterzeichnet wurde``), which happens at
    the same time, or a verb coordinated with the expression's that has no subject of its own
    (``zog heute die Konsequenzen und erklärte seinen Rücktritt``; not a zu-infinitive, which
    the parser sometimes coordinates)."""
    if head is None:
        return True  # the expression is the root, or unparsed
    if toks[head].tag == "ADJA" and not toks[head].text[:1].isdigit():
        return False
    mine, its = clause_head(toks, word), clause_head(toks, head)
    if mine == its:
        return True
    if toks[mine].head != its:
        return False
    if toks[mine].dep == "conj":  # "zog heute die Konsequenzen und erklärte seinen Rücktritt"
        # an adverb the parser made the subject ("und verhängte zudem …") is none
        return toks[mine].tag != "VVIZU" and not any(
            tok.head == mine and tok.dep.startswith("nsubj") and tok.pos != "ADV"
            for tok in toks)
    return toks[mine].dep == "advcl" and any(
        tok.head == mine and tok.dep == "mark" and tok.text.lower() == "als" for tok in toks)


def _on_noun(toks: Sequence[Token], head: int | None) -> bool:
    """Is an expression attached to ``head`` an attribute of a noun outside it ("… in der
    US-Botschaft 1979 … abgebrochen")? An expression on a verb or an auxiliary ("im Jahre 1980
    … abgebrochen") dates the verb's act."""
    if head is None:
        return False
    noun = toks[head]
    # "in der Nacht auf Donnerstag", "am Freitag gegen 21.20 Uhr": a time word's attribute is
    # part of the date
    return noun.pos in ("NOUN", "PROPN") and noun.text not in _time_nouns()


def _on_nested_noun(toks: Sequence[Token], head: int | None) -> bool:
    """Is an expression attached to ``head`` an attribute of an occasion noun (``Wahl``,
    ``WM``, ``Entführung``; ``data/lexicon.json`` ``occasions``) that is itself an attribute of a
    noun ("der Einsatz der Bundeswehr bei der Fußball-WM 2006", "Anhänger eines Kandidaten der
    Präsidentenwahl im Juli")? It dates that occasion, not a verb's act. Other nouns two
    down keep their dates: the parser hangs "am Montag" on any noun before it ("wies Kritik
    … in seinem Land am Montag zurück")."""
    if not _on_noun(toks, head) or head is None:
        return False
    above = toks[head].head
    if not 0 <= above < len(toks) or above == head or not _on_noun(toks, above):
        return False
    noun = toks[head].text.lower()
    endings, words = _occasions()
    return noun.endswith(endings) or noun.rsplit("-", 1)[-1] in words


@cache
def _occasions() -> tuple[tuple[str, ...], frozenset[str]]:
    """Endings and whole words of occasion nouns (``data/lexicon.json`` ``occasions``)."""
    words = lexicon()["occasions"]
    return tuple(words["endings"]), frozenset(words["words"])


@cache
def _time_nouns() -> frozenset[str]:
    """Nouns that name a time (``Nacht``, ``Woche``, ``Freitag``, ``Mai``, ``Anfang``), from
    the finder's word lists."""
    lex = lexicon()
    return frozenset(word for part in ("units", "day_parts", "weekdays", "months", "seasons",
                                       "positions") for word in lex[part])
