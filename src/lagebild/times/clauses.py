"""Clauses of a parsed sentence, by the UD relations: which word heads the clause that holds
a word, and which word an expression hangs on. Shared by the normaliser's tense
(:mod:`lagebild.times.find`) and the choice of an event's date (:mod:`lagebild.times.attach`)."""

from __future__ import annotations

from collections.abc import Sequence

from lagebild.model import Token

__all__ = ["CLAUSE_DEPS", "attachment", "clause_head"]

#: UD relations whose dependent heads a clause of its own
CLAUSE_DEPS = frozenset({"ROOT", "advcl", "acl", "acl:relcl", "ccomp", "xcomp", "csubj",
                         "parataxis"})


def clause_head(toks: Sequence[Token], i: int) -> int:
    """The head word of the clause that holds word ``i``: the nearest word, ``i`` itself or
    above it, that heads a clause (a clausal relation, a coordinated verb, or the root)."""
    for _ in range(len(toks)):
        tok = toks[i]
        if (tok.dep in CLAUSE_DEPS or (tok.dep == "conj" and tok.pos in ("VERB", "AUX"))
                or not 0 <= tok.head < len(toks) or tok.head == i):
            return i
        i = tok.head
    return i


def attachment(toks: Sequence[Token], start: int, end: int) -> int | None:
    """The word outside the character span ``[start, end)`` that the span's first word with a
    head outside it hangs on (None: the span holds the root, or no word of the parse)."""
    inside = {i for i, tok in enumerate(toks) if start <= tok.start < end}
    for i in sorted(inside):
        head = toks[i].head
        if head not in inside and 0 <= head < len(toks) and head != i:
            return head
    return None
