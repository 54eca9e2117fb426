"""How likely an event is right: a logistic model over the event and its sentence.

The rules find and code events; this module gives each one a probability of being right,
``Event.confidence``, and drops those below the model's threshold. The rule coder's own
confidence (a few fixed deductions) told right from wrong events no better than chance
(area under the ROC curve 0.48–0.55 on the tuning sets; docs/lab/events.md, twenty-ninth
pass). The features are what a reader checks: the type and modality; whether source and
target are linked actors, local names or missing; their CAMEO roles; whether the sentence
is a question, has a modal verb, a conditional, a negation or a Konjunktiv; the trigger's
part of speech, tense and lemma, and the CAMEO code; whether the event stands inside a
statement and of which kind.
Nothing about the article (its topic, its length) enters: the tuning sets are single
sentences, and the soft-news gate (``gate.py``) already reads the topic.

The weights (``models/event_confidence.json``) are trained by ``lagebild train
event-confidence`` on the project's event gold and judged samples (EVENT_CONFIDENCE_CARD.md).
Finding (``features``) is split from deciding (``ConfidenceModel.probability``) so that
training reads the same features the stage computes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from lagebild.events.lexicon import read_tsv
from lagebild.model import Article, Event, Sentence, Token

MODEL_FILE = "event_confidence.json"
# CAMEO role codes whose presence among an event's actor codes is a feature of its own
ROLES = ("GOV", "MIL", "COP", "JUD", "REB", "BUS", "CVL", "MED", "CRM", "LEG", "IGO", "OPP",
         "UAF")
_NOT_COUNTRIES = frozenset(ROLES) | {"SPY", "EDU", "HLH", "ELI", "LAB", "REF", "AGR", "REL",
                                     "ENV", "PTY", "NGO"}
_QUOTE_MARKS = "„“\"«»"
_PRONOUNS = frozenset({"er", "sie", "es", "wir", "ich", "man", "die", "der"})


@cache
def words() -> dict[str, frozenset[str]]:
    """``confidence_words.tsv``: class → lemmas (modal, conditional, negation)."""
    out: dict[str, set[str]] = {}
    for row in read_tsv("confidence_words.tsv"):
        out.setdefault(row["class"], set()).add(row["lemma"])
    return {k: frozenset(v) for k, v in out.items()}


def sentence_of(article: Article, event: Event) -> Sentence | None:
    for sentence in article.sentences:
        if sentence.start <= event.sentence.start < sentence.end:
            return sentence
    return None


def _actor_features(event: Event, f: dict[str, float]) -> None:
    f["src_none"] = float(not event.source)
    f["tgt_none"] = float(not event.target)
    f["src_linked"] = float(any(r.id for r in event.source))
    f["tgt_linked"] = float(any(r.id for r in event.target))
    f["src_local"] = float(any(not r.id for r in event.source))
    f["tgt_local"] = float(any(not r.id for r in event.target))
    f["pronoun_src"] = float(any(r.name.lower() in _PRONOUNS for r in event.source))
    codes = [r.cameo or "" for r in (*event.source, *event.target)]
    f["code_country"] = float(any(len(c) >= 3 and c[:3].isalpha() and c[:3] not in _NOT_COUNTRIES
                                  for c in codes))
    for role in ROLES:
        if any(role in c for c in codes):
            f["role=" + role] = 1.0


def _statement_features(article: Article, event: Event, f: dict[str, float]) -> None:
    f["in_statement"] = float(event.statement is not None)
    if event.statement is not None and 0 <= event.statement < len(article.statements):
        statement = article.statements[event.statement]
        f["stmt=" + statement.type.value] = 1.0
        f["stmt_speaker"] = float(statement.speaker is not None)


def _sentence_features(article: Article, event: Event, s: Sentence, f: dict[str, float],
                       memo: dict[int, dict[str, float]] | None = None) -> None:
    own = memo.get(s.start) if memo is not None else None
    if own is None:
        own = _sentence_only(article, s)
        if memo is not None:
            memo[s.start] = own
    f.update(own)
    toks = s.tokens
    trigger = [i for i, t in enumerate(toks) if event.trigger.start <= t.start < event.trigger.end]
    if trigger:
        _trigger_features(toks, trigger[0], f)


def _sentence_only(article: Article, s: Sentence) -> dict[str, float]:
    """The features of the sentence alone, in one pass over its tokens (the same for every
    event of the sentence)."""
    toks = s.tokens
    text = article.text[s.start:s.end]
    lists = words()
    modal, conditional, negation = (lists.get(n, frozenset())
                                    for n in ("modal", "conditional", "negation"))
    seen: set[str] = set()
    for i, t in enumerate(toks):
        lemma, morph = t.lemma.lower(), t.morph
        if lemma in modal:
            seen.add("modal")
        if lemma in conditional:
            seen.add("conditional")
        if lemma in negation:
            seen.add("negation")
        if "Mood=Sub" in morph:
            if "Tense=Past" in morph:
                seen.add("kon2")
            if "Tense=Pres" in morph:
                seen.add("kon1")
        finite = "VerbForm=Fin" in morph
        if finite:
            seen.add("finite")
        if t.pos == "AUX":
            if t.lemma == "werden":
                seen.add("werden")
            if finite and t.lemma in ("haben", "sein"):
                seen.add("have")
        if t.tag == "VVINF":
            seen.add("VVINF")
        elif t.tag == "VVPP":
            seen.add("VVPP")
        if t.dep == "ROOT" or t.head == i:
            if "Tense=Pres" in morph and "Mood=Ind" in morph:
                seen.add("present_main")
            if "Tense=Past" in morph:
                seen.add("past_main")
    names = sum(1 for e in article.entities if s.start <= e.start < s.end)
    return {"question": float("?" in text),
            "quote_char": float(any(c in text for c in _QUOTE_MARKS)),
            "len_short": float(len(toks) < 8), "len_long": float(len(toks) > 30),
            "modal": float("modal" in seen), "conditional": float("conditional" in seen),
            "negation": float("negation" in seen),
            "kon2": float("kon2" in seen), "kon1": float("kon1" in seen),
            "werden_fut": float("werden" in seen and "VVINF" in seen),
            "no_finite": float("finite" not in seen),
            "present_main": float("present_main" in seen),
            "past_main": float("past_main" in seen),
            "perfect": float("have" in seen and "VVPP" in seen),
            "n_ents": min(3, names) / 3}


def _trigger_features(toks: list[Token], at: int, f: dict[str, float]) -> None:
    head = toks[at]
    f["trig_pos=" + head.pos] = 1.0
    # the trigger word itself: some are right nearly always ("festgenommen"), others mostly
    # in another sense on general news ("treffen", "schlagen"; thirty-eighth pass)
    f["lemma=" + head.lemma.lower()] = 1.0
    if "Tense=Past" in head.morph:
        f["trig_past"] = 1.0
    if "Tense=Pres" in head.morph and "VerbForm=Fin" in head.morph:
        f["trig_pres"] = 1.0
    if head.tag == "VVPP":
        f["trig_pp"] = 1.0
    if head.tag in ("VVINF", "VVIZU"):
        f["trig_inf"] = 1.0
    if head.pos == "NOUN":
        if "Number=Plur" in head.morph:
            f["trig_noun_plur"] = 1.0
        dets = [t for t in toks if t.head == at and t.dep == "det"]
        if not dets:
            f["trig_noun_nodet"] = 1.0
        elif dets[0].lemma.lower() in ("ein", "kein"):
            f["trig_noun_indef"] = 1.0
    f["trig_root"] = float(head.dep == "ROOT" or head.head == at)
    f["trig_late"] = float(at / max(1, len(toks)) > 0.6)


def features(article: Article, event: Event, thin: str | None = None,
             memo: dict[int, dict[str, float]] | None = None) -> dict[str, float]:
    """The model's inputs for one written event: name → value (absent names are 0).
    ``thin`` names the argument rule the event fails (``filters._thin``), if any; ``memo``
    keeps the sentence features of one article for its other events."""
    f: dict[str, float] = {"type=" + event.type.value: 1.0,
                           "mod=" + event.modality.value: 1.0,
                           f"quad={event.quad_class}": 1.0,
                           "has_date": float(event.date is not None)}
    if event.cameo:
        f["cameo=" + event.cameo] = 1.0
    if thin is not None:
        f["thin"] = 1.0
        f["thin=" + thin] = 1.0
    _actor_features(event, f)
    _statement_features(article, event, f)
    sentence = sentence_of(article, event)
    if sentence is not None:
        _sentence_features(article, event, sentence, f, memo)
    return f


@dataclass(frozen=True)
class ConfidenceModel:
    weights: dict[str, float]
    bias: float
    threshold: float  # events below this probability are dropped
    # events with too few arguments (``Found.thin``) need this much; None: all dropped
    thin_threshold: float | None = None

    def probability(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keeps(self, p: float, thin: str | None) -> bool:
        if thin is None:
            return p >= self.threshold
        return self.thin_threshold is not None and p >= self.thin_threshold

    def to_json(self, meta: dict[str, object] | None = None) -> str:
        body = {"threshold": self.threshold, "thin_threshold": self.thin_threshold,
                "bias": self.bias, "weights": dict(sorted(self.weights.items())), **(meta or {})}
        return json.dumps(body, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> ConfidenceModel:
        obj = json.loads(text)
        thin = obj.get("thin_threshold")
        return cls(weights={str(k): float(v) for k, v in obj["weights"].items()},
                   bias=float(obj["bias"]), threshold=float(obj["threshold"]),
                   thin_threshold=None if thin is None else float(thin))


@cache
def shipped() -> ConfidenceModel | None:
    """The packaged model; None when the file is absent (events keep the rules' confidence)."""
    path = resources.files("lagebild").joinpath("models", MODEL_FILE)
    if not path.is_file():
        return None
    return ConfidenceModel.from_json(path.read_text(encoding="utf-8"))


def rate(article: Article, events: list[Event], model: ConfidenceModel | None = None,
         thin: Sequence[str | None] | None = None) -> list[Event]:
    """Each event's confidence set to the model's probability; those below its threshold
    left out. ``thin[i]`` names the argument rule ``events[i]`` fails (None: none); such
    events need the model's ``thin_threshold``, and without a model they are left out."""
    reasons = list(thin) if thin is not None else [None] * len(events)
    if len(reasons) != len(events):
        raise ValueError("one thin reason (or None) per event")
    model = model or shipped()
    if model is None:
        return [e for e, reason in zip(events, reasons, strict=True) if reason is None]
    kept = []
    memo: dict[int, dict[str, float]] = {}
    for event, reason in zip(events, reasons, strict=True):
        p = model.probability(features(article, event, reason, memo))
        if model.keeps(p, reason):
            event.confidence = round(max(0.01, min(1.0, p)), 2)
            kept.append(event)
    return kept
