"""CAMEO event code → PLOVER type, mode, contexts, Goldstein score and quad class.

Data: ``data/cameo_plover.tsv`` (generated from ``../shared`` by
``scripts/build_event_codes.py``) and ``data/plover_types.tsv`` (from the PLOVER manual).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lagebild.events.lexicon import read_tsv


@dataclass(frozen=True)
class Code:
    cameo: str
    plover: str | None  # None: CAMEO code without a PLOVER counterpart (01x, 02x)
    mode: str | None
    contexts: tuple[str, ...]
    goldstein: float | None
    quad_class: int | None  # CAMEO's QuadClass
    name: str


@dataclass(frozen=True)
class PloverInfo:
    type: str
    quad: int
    requires_recipient: bool
    score: float


@cache
def code_table() -> dict[str, Code]:
    table: dict[str, Code] = {}
    for r in read_tsv("cameo_plover.tsv"):
        table[r["cameo"]] = Code(
            r["cameo"], r["plover"] or None, r["mode"] or None,
            tuple(c for c in r["context"].split(";") if c),
            float(r["goldstein"]) if r["goldstein"] else None,
            int(r["quad_class"]) if r["quad_class"] else None, r["name"])
    return table


@cache
def plover_types() -> dict[str, PloverInfo]:
    return {r["type"]: PloverInfo(r["type"], int(r["quad"]), r["requires_recipient"] == "yes",
                                  float(r["plover_score"]))
            for r in read_tsv("plover_types.tsv")}


def lookup(cameo: str) -> Code:
    """The code's row; an unknown code raises ``KeyError`` naming it."""
    table = code_table()
    if cameo not in table:
        raise KeyError(f"unknown CAMEO event code {cameo!r}")
    return table[cameo]


def goldstein(cameo: str) -> float | None:
    return lookup(cameo).goldstein


def quad_class(plover: str) -> int:
    """PLOVER quad category of a type (1 verbal coop … 4 material conflict)."""
    return plover_types()[plover].quad
