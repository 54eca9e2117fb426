"""The accurate mode's statements, completed with the fast rules.

The transformer tagger (``lagebild.statements.tagger``) finds quotations, cues, speakers and
addressees, but no frame, a heuristic type (Direct when the quote is in quotation marks, else
Indirect), no speaker for continuation sentences, and a nearby noun as the speaker of an
agentless passive. :func:`refine` runs the rules (:mod:`lagebild.statements.rules`) on the same
article and, for every tagger statement, takes from the rule statement covering the same quote:

* the frame (the tagger has none) and the cue (the rules' cue tokens: verb, particle,
  auxiliary, ``wie``/``laut``/``so``);
* the speaker, when the tagger has none; none at all for an agentless passive;
* the type, when the rules know it better (``IndirectFreeIndirect``, ``FreeIndirect``,
  ``Reported``: the tagger only tells marks from no marks).

A tagger statement no rule covers and without speaker and cue keeps the last speaker before it
(a continuation). Measured on the tagger's train output (docs/lab/statements.md), adding the
rule statements the tagger missed lowered Message precision more than it added recall, taking
the rules' speaker over the tagger's lowered speaker precision, and dropping cue- and
speaker-less tagger statements lost Message recall; none of the three is done.
"""

from __future__ import annotations

from collections.abc import Sequence

from lagebild.model import Article, Party, Span, Statement, StatementType
from lagebild.statements.rules import find_statements

_RULE_TYPES = (StatementType.INDIRECT_FREE_INDIRECT, StatementType.FREE_INDIRECT,
               StatementType.REPORTED)


def _overlap(a: Sequence[Span], b: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, min(x.end, e) - max(x.start, s)) for x in a for s, e in b)


def _span(text: str, char: tuple[int, int] | None) -> Span | None:
    return Span(start=char[0], end=char[1], text=text[char[0]:char[1]]) if char else None


def refine(article: Article, tagged: Sequence[Statement]) -> list[Statement]:
    """The tagger's statements with frames, speakers and types from the rules (module doc)."""
    text = article.text
    rules = find_statements(article)
    out: list[Statement] = []
    for st in sorted(tagged, key=lambda s: s.start):
        length = sum(q.end - q.start for q in st.quote)
        best: tuple[int, int] | None = None
        for k, f in enumerate(rules):
            shared = _overlap(st.quote, f.quote)
            if shared * 2 >= length and (best is None or shared > best[0]):
                best = (shared, k)
        update: dict[str, object] = {}
        if best is not None:
            f = rules[best[1]]
            if st.frame is None and f.frame:
                update["frame"] = _span(text, f.frame)
            if f.cue:
                update["cue"] = [_span(text, c) for c in sorted(set(f.cue))]
            if f.agentless:
                update["speaker"] = None
            elif st.speaker is None and f.speaker:
                update["speaker"] = Party(**_span(text, f.speaker).model_dump())  # type: ignore[union-attr]
            if f.type in _RULE_TYPES and st.type is StatementType.INDIRECT:
                update["type"] = f.type
        elif st.speaker is None and not st.cue:
            last = next((s.speaker for s in reversed(out) if s.speaker), None)
            if last is not None:
                update["speaker"] = Party(start=last.start, end=last.end, text=last.text)
        out.append(st.model_copy(update=update) if update else st)
    return sorted(out, key=lambda s: (s.start, s.end))


