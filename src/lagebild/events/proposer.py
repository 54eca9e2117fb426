"""A learned trigger proposer: token → PLOVER type or none, for words the lexicon lacks.

The rules of :mod:`lagebild.events.coder` find an event only where ``triggers.tsv`` names its
word, and each new text brings words no entry names (``docs/lab/events.md``, eleventh pass).
This model generalises over words: a linear softmax over hashed features of a full verb or a
common noun (its lemma, the lemma's beginning and ending — compound heads, derivation
suffixes —, tag, morphology, dependency label, head and dependents) and, in the accurate mode,
the e5 teacher's contextual vector of the word (set on the article by the ``entities`` stage,
:data:`Article._word_vectors`). A proposal is a lexicon-like :class:`Trigger` with the type's
most common code and the default frame of its part of speech (subject/object for a verb,
genitive/host for a noun), so the coder's argument, modality and precision rules decide
whether it becomes an event, exactly as for a lexicon entry.

The model files live in ``lagebild/models/triggers`` (``fast.npz`` for the fast mode,
``accurate.npz`` with vectors; ``MODEL_CARD.md``); training is
:mod:`lagebild.training.triggers` (``lagebild train triggers``). Only numpy is needed to run it.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from lagebild.events.lexicon import Frame, Lexicon, Pos, Trigger

#: a sentence as the coder reads it (``lagebild.events.coder.Sent``; not imported: the coder
#: imports this module)
Sent = Any

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "models" / "triggers"
NONE = "none"
#: the flag a proposed trigger carries (the coder lowers its confidence and notes it)
LEARNED = "learned"
#: what can be a proposed trigger: full verbs and common nouns (as the lexicon's entries)
CANDIDATE_TAGS = ("VVFIN", "VVINF", "VVPP", "VVIZU", "VVIMP", "NN")


def is_candidate(s: Sent, i: int) -> bool:
    """A full verb or common noun of at least three letters that names no actor."""
    t = s.toks[i]
    return (t.tag in CANDIDATE_TAGS and len(t.text) >= 3 and t.text[0].isalpha()
            and not s.actors_at[i])


def _bucket(feature: str, bits: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) & ((1 << bits) - 1)


@cache
def _lexical(lemma: str, form: str, tag: str) -> tuple[str, ...]:
    """The features of a word itself (memoised: lemmas repeat)."""
    out = [f"l={lemma}", f"w={form}", f"t={tag}", f"lt={lemma}|{tag[:2]}"]
    for n in (3, 4, 5, 6):
        if len(lemma) > n:
            out.append(f"s{n}={lemma[-n:]}")  # ending: compound head, derivation suffix
    for n in (4, 6):
        if len(lemma) > n + 1:
            out.append(f"p{n}={lemma[:n]}")  # beginning: verb stem with its prefix
    return tuple(out)


#: separable and inseparable verb prefixes: "festsetzen" is kin to "setzen", "abweisen" to
#: "zurückweisen" (through their bare verb)
PREFIXES = ("zurück", "nieder", "heraus", "voran", "durch", "unter", "über", "fest", "weg",
            "auf", "aus", "ein", "vor", "nach", "mit", "ab", "an", "zu", "um", "be", "ver",
            "er", "ent", "zer", "ge")


KIN_FEATURES = ("idiom=", "head=", "verbkin=", "stem=", "nounkin=")


def _kin(lex: Lexicon) -> dict[str, str]:
    """Lexicon words by kinship key → their type: a verb's bare stem, a noun's compound head,
    a verb's -ung noun and a noun's verb (built once per lexicon)."""
    memo = _KIN.get(id(lex))
    if memo is not None and memo[0] is lex:
        return memo[1]
    out: dict[str, str] = {}
    for lemma, entries in lex.verbs.items():
        out.setdefault(f"v:{_bare(lemma)}", entries[0].plover)
        if lemma.endswith("en"):
            out.setdefault(f"n:{lemma[:-2]}ung", entries[0].plover)
    for lemma, entries in lex.nouns.items():
        out.setdefault(f"n:{lemma}", entries[0].plover)
        if lemma.endswith("ung"):
            out.setdefault(f"v:{_bare(lemma[:-3] + 'en')}", entries[0].plover)
    for anchor, entries in lex.idioms.items():
        out.setdefault(f"i:{anchor}", entries[0].plover)
    _KIN[id(lex)] = (lex, out)  # the lexicon kept alive: its id is not reused
    return out


_KIN: dict[int, tuple[Lexicon, dict[str, str]]] = {}


def _bare(verb: str) -> str:
    for p in PREFIXES:
        if verb.startswith(p) and len(verb) - len(p) >= 4:
            return verb[len(p):]
    return verb


@cache
def _kinship(lemma: str, noun: bool, lex_id: int) -> tuple[str, ...]:
    """Features naming the type of a lexicon word this one is kin to (memoised per lemma)."""
    kin = _KIN[lex_id][1]
    keys = [("idiom", f"i:{lemma}")]  # the anchor of an idiom whose other words are missing
    if noun:
        # the longest compound head the lexicon names; the verb of an -ung noun
        keys += [("head", next((f"n:{lemma[k:]}" for k in range(3, len(lemma) - 3)
                                if f"n:{lemma[k:]}" in kin), ""))]
        if lemma.endswith("ung"):
            keys.append(("verbkin", f"v:{_bare(lemma[:-3] + 'en')}"))
    else:
        keys.append(("stem", f"v:{_bare(lemma)}"))  # the same bare verb, another prefix
        if lemma.endswith("en"):
            keys.append(("nounkin", f"n:{lemma[:-2]}ung"))  # its -ung noun
    return tuple(f"{name}={kin[key]}" for name, key in keys if key in kin)


def token_features(s: Sent, i: int, lex: Lexicon | None = None) -> list[str]:
    """Hashed-feature names of token ``i`` (the same at training and at run time); with the
    lexicon, also the types of lexicon words it is kin to."""
    t = s.toks[i]
    feats = ["bias", *_lexical(s.lemma(i), t.text.lower(), t.tag), f"d={t.dep}"]
    if lex is not None:
        _kin(lex)
        lemma = s.full_lemma(i) if s.is_verb(i) else s.lemma(i)
        feats.extend(_kinship(lemma, t.tag == "NN", id(lex)))
    for part in t.morph.split("|"):
        if part.startswith(("Mood=", "Voice=", "VerbForm=", "Number=")):
            feats.append(f"m={part}")
    h = t.head
    if 0 <= h < len(s) and h != i:
        feats.append(f"hl={s.lemma(h)}")
        feats.append(f"ht={s.toks[h].tag}|{t.dep}")
    else:
        feats.append("root")
    for c in s.children[i]:
        ct = s.toks[c]
        feats.append(f"cd={ct.dep}")
        if ct.tag in ("APPR", "APPRART", "PTKVZ", "PRF") or ct.dep in ("case", "compound:prt"):
            feats.append(f"cw={ct.text.lower()}")
        if s.actors_at[c] or s.local_at[c]:
            feats.append(f"ca={ct.dep}")  # an actor depends on it (subject, object …)
    if s.is_verb(i):
        prt = s.particle(i)
        if prt is not None:
            feats.append(f"pv={s.lemma(prt)}{s.lemma(i)}")
    return feats


@dataclass
class TriggerModel:
    """Weights of the softmax: hashed sparse part, optional dense part (word vectors)."""

    labels: list[str]
    bits: int
    sparse: np.ndarray[Any, Any]  # [2**bits, labels]
    bias: np.ndarray[Any, Any]  # [labels]
    dense: np.ndarray[Any, Any] | None = None  # [dim, labels]
    mean: np.ndarray[Any, Any] | None = None  # [dim]: standardisation of the vectors
    scale: np.ndarray[Any, Any] | None = None
    threshold: float = 0.5
    config: dict[str, Any] | None = None

    @property
    def uses_vectors(self) -> bool:
        return self.dense is not None

    def feature_ids(self, feats: Sequence[str]) -> np.ndarray[Any, Any]:
        return np.fromiter((_bucket(f, self.bits) for f in feats), dtype=np.int64)

    def scores(self, ids: Sequence[np.ndarray[Any, Any]],
               vectors: np.ndarray[Any, Any] | None = None) -> np.ndarray[Any, Any]:
        """Class probabilities ``[tokens, labels]`` for tokens given as feature-id arrays."""
        out = np.stack([self.sparse[f].sum(0) for f in ids]).astype(np.float32) + self.bias
        if self.dense is not None and vectors is not None:
            assert self.mean is not None and self.scale is not None
            out += ((vectors - self.mean) / self.scale) @ self.dense
        out -= out.max(1, keepdims=True)
        p = np.exp(out)
        result: np.ndarray[Any, Any] = p / p.sum(1, keepdims=True)
        return result

    def save(self, path: Path) -> None:
        arrays: dict[str, Any] = {"sparse": self.sparse.astype(np.float16),
                                  "bias": self.bias.astype(np.float32)}
        if self.dense is not None:
            assert self.mean is not None and self.scale is not None
            arrays.update(dense=self.dense.astype(np.float16),
                          mean=self.mean.astype(np.float32), scale=self.scale.astype(np.float32))
        meta = {"labels": self.labels, "bits": self.bits, "threshold": self.threshold,
                **(self.config or {})}
        arrays["meta"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            np.savez_compressed(fh, **arrays)

    @classmethod
    def load(cls, path: Path) -> TriggerModel:
        with np.load(path) as data:
            meta = json.loads(bytes(data["meta"]).decode("utf-8"))
            dense = data["dense"].astype(np.float32) if "dense" in data else None
            return cls(labels=list(meta.pop("labels")), bits=int(meta.pop("bits")),
                       sparse=data["sparse"].astype(np.float32), bias=data["bias"],
                       dense=dense, mean=data["mean"] if dense is not None else None,
                       scale=data["scale"] if dense is not None else None,
                       threshold=float(meta.pop("threshold")), config=meta)


def default_codes(lex: Lexicon) -> dict[tuple[str, str], str]:
    """(PLOVER type, part of speech) → the CAMEO code most of the lexicon's entries have."""
    counts: dict[tuple[str, str], Counter[str]] = {}
    for table, pos in ((lex.verbs, "verb"), (lex.nouns, "noun")):
        for entries in table.values():
            for e in entries:
                counts.setdefault((e.plover, pos), Counter())[e.cameo] += 1
    return {k: c.most_common(1)[0][0] for k, c in counts.items()}


class Proposer:
    """Proposes triggers for the tokens of a sentence that the lexicon left alone."""

    def __init__(self, model: TriggerModel, lex: Lexicon, threshold: float | None = None,
                 require_kin: bool | None = None):
        self.model = model
        #: propose only a type that a lexicon word the token is kin to has (same bare verb,
        #: compound head, -ung noun, idiom anchor): the model then chooses among near misses
        self.require_kin = bool((model.config or {}).get("require_kin", False)
                                if require_kin is None else require_kin)
        self.lex = lex
        self.threshold = model.threshold if threshold is None else threshold
        codes = default_codes(lex)
        self.entries: dict[tuple[str, str], Trigger] = {}
        for label in model.labels:
            if label == NONE:
                continue
            parts: tuple[tuple[Pos, Pos], ...] = (("verb", "noun"), ("noun", "verb"))
            for pos, other in parts:
                code = codes.get((label, pos)) or codes.get((label, other))
                if code:
                    self.entries[(label, pos)] = Trigger(
                        f"({LEARNED})", pos, label, code, "", Frame.parse("", pos),
                        frozenset({LEARNED}))

    def propose(self, s: Sent, used: set[int], vectors: dict[int, Any] | None = None
                ) -> list[tuple[Trigger, int, list[int]]]:
        """(entry, anchor, tokens) for each candidate not in ``used`` whose likeliest event
        type has a probability ≥ the threshold."""
        cands = [i for i in range(len(s)) if i not in used and is_candidate(s, i)]
        if not cands:
            return []
        ids = [self.model.feature_ids(token_features(s, i, self.lex)) for i in cands]
        vecs = None
        if self.model.uses_vectors:
            if vectors is None:
                return []  # a vector model without vectors would score off its training
            rows = [vectors.get(s.toks[i].start) for i in cands]
            if any(r is None for r in rows):
                return []
            vecs = np.stack([r for r in rows if r is not None]).astype(np.float32)
        probs = self.model.scores(ids, vecs)
        out: list[tuple[Trigger, int, list[int]]] = []
        none = self.model.labels.index(NONE)
        for i, p in zip(cands, probs, strict=True):
            p = p.copy()
            p[none] = -1.0  # the likeliest event type, even where "none" is likelier still:
            k = int(p.argmax())  # the threshold (chosen by cross-validation) decides
            label = self.model.labels[k]
            if p[k] < self.threshold:
                continue
            if self.require_kin and not any(
                    f.endswith(f"={label}") for f in token_features(s, i, self.lex)
                    if f.startswith(KIN_FEATURES)):
                continue
            pos = "noun" if s.toks[i].tag == "NN" else "verb"
            entry = self.entries.get((label, pos))
            if entry is None:
                continue
            prt = s.particle(i) if pos == "verb" else None
            out.append((entry, i, sorted({i, *([prt] if prt is not None else [])})))
        return out


@cache
def load_proposer(kind: str) -> Proposer | None:
    """The shipped proposer of a mode (``fast`` or ``accurate``), None when none is shipped."""
    from lagebild.events.lexicon import load_lexicon

    path = DEFAULT_DIR / f"{kind}.npz"
    if not path.is_file():
        return None
    return Proposer(TriggerModel.load(path), load_lexicon())


def shipped_vector_layers() -> tuple[int, ...]:
    """The encoder layers the shipped accurate proposer reads (empty: none shipped)."""
    proposer = load_proposer("accurate")
    if proposer is None or not proposer.model.uses_vectors:
        return ()
    return tuple(int(k) for k in (proposer.model.config or {}).get("layers", ()))
