"""CoNLL-2003 German NER: the reader and the label mapping to GermEval 2014.

CoNLL marks ``PER LOC ORG MISC`` in IOB2; its ``MISC`` covers what GermEval splits into
``OTH``, the ``deriv`` adjectives (``deutschen`` → ``LOCderiv``) and the ``part`` compounds
(``SPD-Fraktion`` → ``ORGpart``), plus nationality nouns, languages and events that GermEval
labels differently or not at all. The mapping is a table (``tables/conll_labels.tsv``): a
``MISC`` span maps by its shape where the two guidelines agree, and becomes *unknown* (missing
annotation: no loss in training, ignored in the GermEval-convention score) where they do not.

Two views of one file:

- :func:`read_conll`: CoNLL's own labels (``PER LOC ORG MISC``), for the CoNLL-convention
  score (system labels mapped with :func:`conll_label`);
- :func:`germeval_view`: GermEval labels plus ``unknown`` spans, for training and for the
  GermEval-convention score.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path

from lagebild.training.data import (
    DataFormatError,
    GoldSentence,
    _bio_to_spans,
    _numbered_lines,
)

CONLL_TRAIN = "ner/conll2003-de/train.tsv"
CONLL_DEV = "ner/conll2003-de/testa.tsv"
CONLL_LABELS = ("PER", "LOC", "ORG", "MISC")
UNKNOWN = "-"  # the table's "no GermEval label" value
DOCSTART = "-DOCSTART-"
_TAG = re.compile(r"^(?:O|[BI]-(?:PER|LOC|ORG|MISC))$")
_ISCH = re.compile(r"isch(?:e|en|er|es|em)$")
_ER = re.compile(r"er(?:n|in|innen)?$")
_HYPHEN = re.compile(r"\w-\w")

Span3 = tuple[int, int, str]


def _cap(word: str) -> bool:
    return word[:1].isupper()


#: Span shapes of the mapping table, in the words of the span; the table's row order decides.
SHAPES: dict[str, Callable[[Sequence[str]], bool]] = {
    "any": lambda w: True,
    "hyphen": lambda w: len(w) == 1 and bool(_HYPHEN.search(w[0])),
    "lower": lambda w: len(w) == 1 and w[0][:1].islower(),
    "isch": lambda w: len(w) == 1 and _cap(w[0]) and bool(_ISCH.search(w[0])),
    "er": lambda w: all(_cap(x) for x in w) and bool(_ER.search(w[-1])),
    "single": lambda w: len(w) == 1,
    "multi": lambda w: len(w) > 1,
}


@dataclass(frozen=True)
class Rule:
    conll: str
    shape: str
    germeval: str  # UNKNOWN: missing annotation

    @property
    def name(self) -> str:
        return f"{self.conll}/{self.shape}"


@cache
def mapping_rules() -> tuple[Rule, ...]:
    """The rows of ``tables/conll_labels.tsv`` (comments skipped), checked against SHAPES."""
    text = resources.files("lagebild.training").joinpath("tables/conll_labels.tsv").read_text(
        "utf-8")
    rules: list[Rule] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        conll, shape, germeval = line.split("\t")[:3]
        if conll not in CONLL_LABELS or shape not in SHAPES:
            raise ValueError(f"conll_labels.tsv: bad row {line!r}")
        rules.append(Rule(conll, shape, germeval))
    return tuple(rules)


def map_span(words: Sequence[str], label: str) -> Rule:
    """The first table row that applies to a CoNLL span (``words`` = its tokens)."""
    for rule in mapping_rules():
        if rule.conll == label and SHAPES[rule.shape](words):
            return rule
    raise ValueError(f"conll_labels.tsv maps no {label} span like {' '.join(words)!r}")


def read_conll(path: Path) -> list[GoldSentence]:
    """CoNLL-2003 two-column IOB2 file: ``token<TAB>tag``; ``-DOCSTART-`` lines are skipped.

    The spans keep CoNLL's labels (``PER LOC ORG MISC``); ``meta["doc"]`` numbers the document.
    """
    sents: list[GoldSentence] = []
    words: list[str] = []
    tags: list[str] = []
    doc = 0
    for lineno, line in _numbered_lines(path):
        if not line.strip():
            if words:
                sents.append(GoldSentence(words=words, ents=_bio_to_spans(tags), source="conll",
                                          meta={"doc": str(doc)}))
            words, tags = [], []
            continue
        cols = line.split("\t")
        if cols[0] == DOCSTART:
            doc += 1
            continue
        if len(cols) < 2 or not cols[0] or not _TAG.match(cols[-1]):
            raise DataFormatError(
                f"{path}:{lineno}: expected a CoNLL-2003 row: token, NER tag (O, B-PER, I-MISC "
                f"…), tab-separated, got {line[:80]!r}")
        words.append(cols[0])
        tags.append(cols[-1])
    return sents


def germeval_view(sent: GoldSentence, counts: Counter[str] | None = None) -> GoldSentence:
    """The sentence with GermEval labels; spans the table cannot map go to ``unknown``.

    ``counts`` (optional) collects how often each table row applied.
    """
    ents: list[Span3] = []
    unknown: list[tuple[int, int]] = []
    for start, end, label in sent.ents or []:
        rule = map_span(sent.words[start:end], label)
        if counts is not None:
            counts[rule.name] += 1
        if rule.germeval == UNKNOWN:
            unknown.append((start, end))
        else:
            ents.append((start, end, rule.germeval))
    return replace(sent, ents=ents, unknown=unknown or None)


def misc_as(sents: Iterable[GoldSentence], policy: str,
            counts: Counter[str] | None = None) -> list[GoldSentence]:
    """Training sentences for one ``MISC`` policy:

    - ``rules``: the table (agreeing cases mapped, conflicting ones unknown);
    - ``unknown``: every MISC span unknown (PER/LOC/ORG only);
    - ``oth``: every MISC span OTH (the naive mapping, for comparison).
    """
    if policy not in MISC_POLICIES:
        raise ValueError(f"MISC policy {policy!r} is not one of {', '.join(MISC_POLICIES)}")
    out: list[GoldSentence] = []
    for sent in sents:
        if policy == "rules":
            out.append(germeval_view(sent, counts))
            continue
        ents = [e for e in sent.ents or [] if e[2] != "MISC"]
        misc = [(s, e) for s, e, lab in sent.ents or [] if lab == "MISC"]
        if counts is not None:
            counts.update(f"{lab}/{policy}" for _, _, lab in sent.ents or [])
        if policy == "oth":
            ents += [(s, e, "OTH") for s, e in misc]
            out.append(replace(sent, ents=sorted(ents)))
        else:
            out.append(replace(sent, ents=ents, unknown=misc or None))
    return out


MISC_POLICIES = ("rules", "unknown", "oth")


def conll_label(label: str) -> str:
    """A system label (GermEval scheme) in CoNLL's: ``OTH``, ``*deriv`` and ``*part`` → ``MISC``.

    CoNLL marks adjectives from names (``deutschen``) and names inside compounds
    (``SPD-Fraktion``, ``Europatournee``) as MISC, so GermEval's deriv/part labels are MISC there.
    """
    return label if label in ("PER", "LOC", "ORG") else "MISC"
