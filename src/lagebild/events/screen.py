"""The quick screen before the trigger search (:func:`may_hold_trigger`): could a sentence
hold a trigger at all? Most news sentences hold none, and building a sentence's view
(:class:`~lagebild.events.sentence.Sent`) and searching it cost two thirds of the stage's time.

The screen reads the tokens after the repairs of words (``repairs._words_repaired``: the
repairs of attachments change no tag or lemma) and their rule lemmas only. It may let through
a sentence that holds no trigger, never the reverse: for each token it asks what
:func:`~lagebild.events.triggers.find_triggers` asks, with every particle of the sentence in
place of the verb's own and every word an idiom may match in place of the idiom's match.
What a word can be is memoised on the lexicon by (tag, lemma, form).
"""

from __future__ import annotations

from dataclasses import dataclass

from lagebild.events.lexicon import Lexicon
from lagebild.events.sentence import CORRELATE_PREPOSITIONS, VERB_TAG_PREFIXES
from lagebild.events.triggers import noun_entry, verb_entry
from lagebild.model import Token

#: readings memoised per lexicon before the memo starts again (a bound on a long run's memory)
MEMO_LIMIT = 500_000


@dataclass(frozen=True)
class Reading:
    """What one word (tag, lemma, form) may start, whatever sentence it stands in."""

    sure: bool = False  # an entry by itself: a noun, a verb without particle, a verdict word
    idioms: tuple[frozenset[str], ...] = ()  # the other words of each idiom it may anchor
    particle_verb: bool = False  # a full verb: with a particle it may be an entry
    particle_idiom: bool = False  # a verb that with a particle may anchor an idiom


NOTHING = Reading()


def may_hold_trigger(tokens: list[Token], lemmas: list[str], lex: Lexicon) -> bool:
    """Could :func:`~lagebild.events.triggers.find_triggers` find anything in these tokens?
    False only when it surely finds nothing."""
    memo: dict[tuple[str, str, str], Reading] = lex.memo("readings")
    maybe: list[tuple[Reading, Token, str]] = []  # asked after the sure readings: those are
    for t, lemma in zip(tokens, lemmas, strict=True):  # cheaper to find
        key = (t.tag, lemma, t.text)
        r = memo.get(key)
        if r is None:
            if len(memo) >= MEMO_LIMIT:
                memo.clear()
            r = memo[key] = _reading(lex, t.tag, lemma, t.text.lower())
        if r is NOTHING:
            continue
        if r.sure:
            return True
        maybe.append((r, t, lemma))
    if not maybe:
        return False
    particles = [lm for tok, lm in zip(tokens, lemmas, strict=True)
                 if tok.dep == "compound:prt" or tok.tag == "PTKVZ"]
    present: frozenset[str] | None = None
    for r, t, lemma in maybe:
        if r.particle_verb and any(verb_entry(lex, lemma, p, t.text.lower(), t.tag) is not None
                                   for p in particles):
            return True
        idioms = r.idioms
        if r.particle_idiom:
            idioms += tuple(frozenset(e.words[:-1]) for p in particles
                            for e in lex.idioms.get(p + lemma, ()))
        if idioms:
            present = present if present is not None else _idiom_words(tokens, lemmas, lex)
            if any(others <= present for others in idioms):
                return True
    return False


def _reading(lex: Lexicon, tag: str, lemma: str, form: str) -> Reading:
    verb = tag[:2] in VERB_TAG_PREFIXES
    full_verb = tag.startswith("VV")
    if full_verb and verb_entry(lex, lemma, None, form, tag) is not None:
        return Reading(sure=True)
    if tag == "NN" and noun_entry(lex, form, lemma):
        return Reading(sure=True)
    if tag in ("ADJD", "NN") and lex.judgements.get(lemma) == "neg":
        return Reading(sure=True)
    idioms = tuple(frozenset(e.words[:-1]) for e in lex.idioms.get(lemma, ())
                   if verb or "verb" not in e.flags)
    if any(not others for others in idioms):
        return Reading(sure=True)  # an idiom of one word
    reading = Reading(idioms=idioms, particle_verb=full_verb,
                      particle_idiom=verb and lemma in lex.idiom_verb_ends)
    return NOTHING if reading == NOTHING else reading


def _idiom_words(tokens: list[Token], lemmas: list[str], lex: Lexicon) -> frozenset[str]:
    """The idiom words a sentence may give (:meth:`Sent.mentions`): its lemmas and forms,
    the idiom words its nouns end in (compounds), the prepositions when it has a pronominal
    adverb (a correlate)."""
    words = set(lemmas)
    words.update(t.text.lower() for t in tokens)
    ends = lex.idiom_word_ends
    for t, lemma in zip(tokens, lemmas, strict=True):
        if t.tag == "NN":
            words.update(ends(lemma))
        if t.text[:2] in ("da", "Da"):
            words.update(CORRELATE_PREPOSITIONS)
    return frozenset(words)
