"""Argument finding (:mod:`lagebild.events.arguments`) on hand-built trees."""

from __future__ import annotations

from lagebild.events.arguments import verb_args
from lagebild.events.sentence import Participants, Sent
from lagebild.model import Sentence, Token


def sent(rows: list[tuple[str, str, int, str]]) -> Sent:
    """(text, tag, head, dep) per token, no actor anywhere; offsets as if joined by spaces."""
    toks: list[Token] = []
    at = 0
    for text, tag, head, dep in rows:
        toks.append(Token(text=text, start=at, end=at + len(text), tag=tag, head=head, dep=dep,
                          lemma=text.lower()))
        at += len(text) + 1
    n = len(toks)
    nobody = Participants(actors_at=[[] for _ in range(n)], local_at=[None] * n, weak=set(),
                          persons=set(), things=set())
    return Sent(0, Sentence(start=0, end=at, tokens=toks), toks, nobody)


# "Polizisten nahmen den Mann fest ."
ARREST = [("Polizisten", "NN", 1, "nsubj"), ("nahmen", "VVFIN", 1, "ROOT"),
          ("den", "ART", 3, "det"), ("Mann", "NN", 1, "obj"), ("fest", "PTKVZ", 1, "compound:prt"),
          (".", "$.", 1, "punct")]


def test_verb_arguments_are_found_once_and_each_caller_gets_its_own() -> None:
    s = sent(ARREST)
    first = verb_args(s, 1)
    assert (first.subj, first.obj) == ([0], [3])
    # a rule that edits what it was given (filters._object_as_subject) changes nothing for
    # the next one that asks
    first.subj.append(3)
    first.obj.clear()
    first.pps["gegen"] = [0]
    again = verb_args(s, 1)
    assert (again.subj, again.obj, again.pps) == ([0], [3], {})
    assert again is not first
