"""A learned decision over the rules' weakest candidates: keep the statement or leave it out.

The rules' ``Reported`` sentences (a speech-act verb without a clause), intentions
(``Die SPD will …``), continuation sentences (Konjunktiv or ``sollen`` after a statement) and
quoted phrases are the rules' least precise statements (mean token precision on the 700
Wikinews train documents: Reported 0.44, intentions 0.36, ``sollen`` continuations 0.62, quoted
phrases 0.67): the corpus annotates such sentences case by case, and adding or removing a verb
from the lexicon moves the train and dev figures in different directions (docs/lab/statements.md,
round 7). A logistic
regression over features of the candidate, its sentence and its neighbours (rule, verb
lemma, mood and tense, speaker kind, length, distance to the last statement …) estimates
whether the candidate will pay for itself in the corpus's metric; below
:attr:`Decider.threshold` it is left out.

The weights would be data (``statements/data/decider.json``, written by ``lagebild train
statements``, :mod:`lagebild.training.statements`, with a card beside it). **No model ships**:
every decision trained on train documents lowered the dev figures (docs/lab/statements.md,
round 8), so without the file every candidate is kept (the rules as they were) and
:func:`features` is never called on the product path. Inference is a sparse dot product in
plain Python: no extra dependency, and the same answer on every machine.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lagebild.model import Article
from lagebild.statements.lexicon import Lexicon
from lagebild.statements.rules import Finder, Found, Sent, candidates

#: rules whose candidates the model decides on (every other rule's statements are kept)
DECIDED: frozenset[str] = frozenset({"reported", "intention", "continuation", "quoted-phrase"})
_FIRST_PERSON = frozenset({"ich", "wir", "mein", "meine", "unser", "unsere", "uns", "mir",
                           "mich"})
_NEGATION = frozenset({"nicht", "kein", "keine", "keinen", "keiner", "nie", "niemals"})
_MARKS = "„“»«\"”"


@dataclass
class Decider:
    """A logistic regression over sparse named features (unknown names weigh nothing)."""

    weights: dict[str, float]
    bias: float
    threshold: float
    rules: frozenset[str] = DECIDED
    meta: dict[str, object] = field(default_factory=dict)

    def probability(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> dict[str, object]:
        return {"bias": self.bias, "threshold": self.threshold, "rules": sorted(self.rules),
                "weights": dict(sorted(self.weights.items())), "meta": self.meta}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Decider:
        weights = data["weights"]
        rules = data.get("rules", sorted(DECIDED))
        meta = data.get("meta", {})
        assert isinstance(weights, dict) and isinstance(rules, list) and isinstance(meta, dict)
        return cls({str(k): float(v) for k, v in weights.items()},
                   float(data["bias"]), float(data["threshold"]),  # type: ignore[arg-type]
                   frozenset(str(r) for r in rules), meta)

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1, ensure_ascii=False) + "\n",
                        encoding="utf-8")


@lru_cache(maxsize=1)
def load_decider() -> Decider | None:
    """The shipped model, or None when the data file is absent."""
    ref = resources.files("lagebild.statements") / "data" / "decider.json"
    if not ref.is_file():
        return None
    return Decider.from_json(json.loads(ref.read_text(encoding="utf-8")))


def _bin(name: str, value: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if value <= edge:
            return f"{name}<={edge}"
    return f"{name}>{edges[-1]}"


def features(finder: Finder, found: Found, others: Sequence[Found]) -> dict[str, float]:
    """Named features of one candidate (``others``: every candidate of the article)."""
    sents = [s for s in finder.sents if s.start < found.end and found.start < s.end + 1]
    if not sents:
        return {f"rule={found.rule}": 1.0}
    first = sents[0]
    feats: dict[str, float] = {f"rule={found.rule}": 1.0, f"type={found.type.value}": 1.0}
    inside = [t for s in sents for t in s.toks
              if any(a <= t.start < b for a, b in found.quote)]
    feats[_bin("len", len(inside), (3, 6, 10, 15, 25, 40))] = 1.0
    feats[_bin("sents", len(sents), (1, 2, 3))] = 1.0
    feats["len"] = min(len(inside), 60) / 30
    n = len(finder.sents)
    if first.index == 0:
        feats["first_sentence"] = 1.0
    if first.index > 0 and finder.sents[first.index - 1].paragraph != first.paragraph:
        feats["paragraph_start"] = 1.0
    feats[_bin("pos", int(4 * first.index / max(1, n)), (0, 1, 2))] = 1.0
    _verb_features(finder, first, feats)
    _speaker_features(finder, first, found, feats)
    _context_features(finder, found, others, feats)
    text = finder.text[found.start:found.end]
    words = {t.text.lower() for t in inside}
    if any(c in text for c in _MARKS):
        feats["marks"] = 1.0
    if text.rstrip().endswith("?"):
        feats["question"] = 1.0
    if any(c.isdigit() for c in text):
        feats["digits"] = 1.0
    if words & _FIRST_PERSON:
        feats["first_person"] = 1.0
    if words & _NEGATION:
        feats["negation"] = 1.0
    if found.cue:
        feats["cue"] = 1.0
    if found.frame:
        feats["frame"] = 1.0
    if finder._has_cue(first):
        feats["cue_in_sentence"] = 1.0
    persons = sum(1 for e in finder.article.entities
                  if e.label == "PER" and first.start <= e.start < first.end)
    feats[_bin("persons", persons, (0, 1))] = 1.0
    return feats


def _verb_features(finder: Finder, sent: Sent, feats: dict[str, float]) -> None:
    fin = finder.main_finite(sent)
    if fin is None:
        feats["no_main_finite"] = 1.0
    else:
        tok = sent.toks[fin]
        feats[f"fin={tok.lemma.lower()}"] = 1.0
        past = "Tense=Past" in tok.morph
        if sent.is_sub(fin):
            feats["konj2" if past else "konj1"] = 1.0
        elif past:
            feats["past"] = 1.0
        if tok.tag.startswith("VM"):
            feats["modal"] = 1.0
    root = next((i for i, t in enumerate(sent.toks) if t.dep in ("ROOT", "root")), None)
    if root is not None and sent.toks[root].pos in ("VERB", "AUX"):
        feats[f"root={sent.toks[root].lemma.lower()}"] = 1.0


def _speaker_features(finder: Finder, sent: Sent, found: Found,
                      feats: dict[str, float]) -> None:
    sp = found.speaker
    if sp is None:
        feats["no_speaker"] = 1.0
        return
    a, b = sp
    toks = [t for t in sent.toks if a <= t.start < b]
    if not (sent.start <= a < sent.end + 1):
        feats["speaker_elsewhere"] = 1.0
    labels = {e.label for e in finder.article.entities if e.start < b and a < e.end}
    for label in labels & {"PER", "ORG", "LOC"}:
        feats[f"speaker={label}"] = 1.0
    if not labels:
        feats["speaker=noent"] = 1.0
    if any(t.tag == "PPER" for t in toks):
        feats["speaker_pronoun"] = 1.0
    if any(t.pos == "NOUN" and finder._speaker_noun(t) for t in toks):
        feats["speaker_noun"] = 1.0
    if toks and sent.toks and toks[0] is sent.toks[0]:
        feats["speaker_first"] = 1.0
    feats[_bin("speaker_len", len(toks), (1, 2, 4))] = 1.0


def _context_features(finder: Finder, found: Found, others: Sequence[Found],
                      feats: dict[str, float]) -> None:
    here = finder.sent_at(found.start)
    if here is None:
        return
    before = [o for o in others if o is not found and o.end <= found.start]
    after = [o for o in others if o is not found and o.start >= found.end]
    if before:
        prev = max(before, key=lambda o: o.end)
        ps = finder.sent_at(max(prev.end - 1, prev.start))
        gap = here.index - ps.index if ps is not None else 9
        feats[_bin("prev_gap", gap, (0, 1, 2))] = 1.0
        feats[f"prev_rule={prev.rule}"] = 1.0
        if ps is not None and ps.paragraph == here.paragraph:
            feats["prev_same_paragraph"] = 1.0
    else:
        feats["prev=none"] = 1.0
    if after:
        nxt = min(after, key=lambda o: o.start)
        ns = finder.sent_at(nxt.start)
        last = finder.sent_at(max(found.end - 1, found.start))
        gap = ns.index - last.index if ns is not None and last is not None else 9
        feats[_bin("next_gap", gap, (0, 1, 2))] = 1.0
    else:
        feats["next=none"] = 1.0
    feats[_bin("statements", len(others), (2, 5, 10, 20))] = 1.0


def find_decided(article: Article, lexicon: Lexicon | None = None,
                 decider: Decider | bool | None = True) -> list[Found]:
    """The rules' statements less the weak candidates the model leaves out (``decider=True``:
    the shipped model, if any; ``False``/None: every candidate, the plain rules)."""
    model = load_decider() if decider is True else (decider or None)
    finder, found = candidates(article, lexicon)
    if finder is None:
        return []
    return decide(finder, found, model)


def decide(finder: Finder, found: list[Found], decider: Decider | None) -> list[Found]:
    """``found`` without the candidates the model leaves out (all of them without a model)."""
    if decider is None:
        return found
    return [f for f in found if f.rule not in decider.rules
            or decider.probability(features(finder, f, found)) >= decider.threshold]
