"""The quotation-attribution metric of the Wikinews quotation corpus, on token sets.

Reading of the metric (Petersen-Frey & Biemann 2024, "Dataset of Quotation Attribution in German
News Articles", and the GermEval 2023 SpkAtt task-2 scorer it follows, described in the SpkAtt
proceedings, section 5.4, ``/work/shared/data/quotes/spkatt2023-debates/doc``):

* A quotation is a set of parts, each a *set of corpus tokens* (possibly discontinuous): the
  quote (the *Message*) and the four roles cue, frame, speaker, addressee; plus its type.
* System and gold quotations of a document are paired one-to-one by linear-sum assignment
  (:func:`assign`, the Hungarian algorithm) maximising the token-overlap F1 of their quote
  parts; a same type breaks ties ("form and STWR as tie-breakers" in SpkAtt). A pair needs a
  non-zero quote overlap; the rest stay unpaired. Roles can only match roles of the paired
  quotation ("predicted roles can only match gold roles if they belong to a matched Message").
* Every pair gives, for each part, the token precision ``|S∩G|/|S|`` (defined when the system
  part is not empty) and recall ``|S∩G|/|G|`` (defined when the gold part is not empty). An
  unpaired system quotation is scored against nothing (precision 0 for each of its non-empty
  parts), an unpaired gold quotation likewise (recall 0 for each non-empty part).
* Scores are the means of the defined precision and recall values over all pairs and unpaired
  quotations of the split (macro over quotations, not token-micro), F1 their harmonic mean.
  *Message* = the quote part; *Roles* = cue, frame, speaker and addressee pooled; *Joint* = all
  five parts pooled.
* Besides: type precision/recall (pairs with the same type over system / gold quotations) and
  exact-span P/R/F1 (pairs whose quote token sets are identical).

SpkAtt's own scorer counts tokens micro (longer spans weigh more); the Wikinews paper averages
per quotation, which is what is implemented here as the headline. ``micro`` in the result
repeats Message/Roles/Joint with summed token counts for comparison.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

PARTS = ("quote", "cue", "frame", "speaker", "addressee")
ROLES = ("cue", "frame", "speaker", "addressee")


@dataclass
class Quotation:
    """One quotation as token-id sets per part (ids of the corpus's tokens)."""

    type: str
    quote: frozenset[int]
    cue: frozenset[int] = frozenset()
    frame: frozenset[int] = frozenset()
    speaker: frozenset[int] = frozenset()
    addressee: frozenset[int] = frozenset()

    def part(self, name: str) -> frozenset[int]:
        value: frozenset[int] = getattr(self, name)
        return value


def overlap_f1(a: frozenset[int], b: frozenset[int]) -> float:
    shared = len(a & b)
    if not shared:
        return 0.0
    return 2 * shared / (len(a) + len(b))


def assign(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one assignment of rows to columns (Hungarian algorithm, O(n³)).

    ``weights`` is an n×m matrix (any shape); returns the (row, column) pairs of a maximal
    assignment of min(n, m) pairs. Written for this module (potentials and augmenting paths
    on the square matrix padded with zeros, minimising the negated weights).
    """
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    size = max(n_rows, n_cols)
    if size == 0:
        return []
    big = max((w for row in weights for w in row), default=0.0)
    # cost[i][j] >= 0, minimised; padding rows/columns cost ``big`` (= weight 0)
    cost = [[big - (weights[i][j] if i < n_rows and j < n_cols else 0.0) for j in range(size)]
            for i in range(size)]
    inf = float("inf")
    u = [0.0] * (size + 1)  # row potentials (1-based)
    v = [0.0] * (size + 1)  # column potentials
    match = [0] * (size + 1)  # match[j] = row matched to column j (0: none)
    way = [0] * (size + 1)
    for i in range(1, size + 1):
        match[0] = i
        j0 = 0
        min_to = [inf] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[j0] = True
            i0 = match[j0]
            delta, j1 = inf, 0
            for j in range(1, size + 1):
                if used[j]:
                    continue
                reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if reduced < min_to[j]:
                    min_to[j] = reduced
                    way[j] = j0
                if min_to[j] < delta:
                    delta, j1 = min_to[j], j
            for j in range(size + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    min_to[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:  # augment along the path
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return sorted((match[j] - 1, j - 1) for j in range(1, size + 1)
                  if match[j] and match[j] - 1 < n_rows and j - 1 < n_cols)


def pair_quotations(system: Sequence[Quotation], gold: Sequence[Quotation]
                    ) -> list[tuple[int, int]]:
    """System/gold index pairs: max quote-overlap F1, same type as tie-breaker, overlap > 0."""
    tie = 1e-6
    weights = [[overlap_f1(s.quote, g.quote) + (tie if s.type == g.type else 0.0)
                for g in gold] for s in system]
    return [(i, j) for i, j in assign(weights) if system[i].quote & gold[j].quote]


@dataclass
class _Mean:
    total: float = 0.0
    count: int = 0

    def add(self, value: float) -> None:
        self.total += value
        self.count += 1

    @property
    def value(self) -> float:
        return self.total / self.count if self.count else 0.0


@dataclass
class QuoteScorer:
    """Accumulates documents; :meth:`result` gives the split's scores."""

    precision: dict[str, _Mean] = field(default_factory=lambda: {p: _Mean() for p in PARTS})
    recall: dict[str, _Mean] = field(default_factory=lambda: {p: _Mean() for p in PARTS})
    micro: dict[str, list[int]] = field(default_factory=lambda: {p: [0, 0, 0] for p in PARTS})
    system: int = 0
    gold: int = 0
    pairs: int = 0
    same_type: int = 0
    exact: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)  # type → [sys, gold, same]

    def _part(self, name: str, sys_part: frozenset[int], gold_part: frozenset[int]) -> None:
        shared = len(sys_part & gold_part)
        if sys_part:
            self.precision[name].add(shared / len(sys_part))
        if gold_part:
            self.recall[name].add(shared / len(gold_part))
        counts = self.micro[name]
        counts[0] += shared
        counts[1] += len(sys_part) - shared
        counts[2] += len(gold_part) - shared

    def add_document(self, system: Sequence[Quotation], gold: Sequence[Quotation]) -> None:
        pairs = pair_quotations(system, gold)
        paired_s = {i for i, _ in pairs}
        paired_g = {j for _, j in pairs}
        empty: frozenset[int] = frozenset()
        for i, j in pairs:
            for name in PARTS:
                self._part(name, system[i].part(name), gold[j].part(name))
            same = system[i].type == gold[j].type
            self.same_type += same
            self.exact += system[i].quote == gold[j].quote
            self.by_type.setdefault(gold[j].type, [0, 0, 0])[2] += same
        for i, s in enumerate(system):
            self.by_type.setdefault(s.type, [0, 0, 0])[0] += 1
            if i not in paired_s:
                for name in PARTS:
                    self._part(name, s.part(name), empty)
        for j, g in enumerate(gold):
            self.by_type.setdefault(g.type, [0, 0, 0])[1] += 1
            if j not in paired_g:
                for name in PARTS:
                    self._part(name, empty, g.part(name))
        self.system += len(system)
        self.gold += len(gold)
        self.pairs += len(pairs)

    def _pooled(self, names: Sequence[str]) -> dict[str, float]:
        p, r = _Mean(), _Mean()
        for name in names:
            p.total += self.precision[name].total
            p.count += self.precision[name].count
            r.total += self.recall[name].total
            r.count += self.recall[name].count
        return prf(p.value, r.value)

    def _micro(self, names: Sequence[str]) -> dict[str, float]:
        tp = sum(self.micro[n][0] for n in names)
        fp = sum(self.micro[n][1] for n in names)
        fn = sum(self.micro[n][2] for n in names)
        return prf(tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)

    def result(self) -> dict[str, Any]:
        groups = {"message": ("quote",), "roles": ROLES, "joint": PARTS}
        return {
            **{name: self._pooled(parts) for name, parts in groups.items()},
            "parts": {name: self._pooled((name,)) for name in PARTS},
            "type": prf(self.same_type / self.system if self.system else 0.0,
                        self.same_type / self.gold if self.gold else 0.0),
            "exact": prf(self.exact / self.system if self.system else 0.0,
                         self.exact / self.gold if self.gold else 0.0),
            "micro": {name: self._micro(parts) for name, parts in groups.items()},
            "quotations": {"system": self.system, "gold": self.gold, "pairs": self.pairs},
            "types": {t: {"system": c[0], "gold": c[1], "paired_same_type": c[2]}
                      for t, c in sorted(self.by_type.items())},
        }


def prf(p: float, r: float) -> dict[str, float]:
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}
