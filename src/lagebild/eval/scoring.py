"""Scoring helpers shared by ``lagebild eval`` and the training loop (gold tokenization)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from lagebild.training.data import GoldSentence

Span3 = tuple[int, int, str]


def run_components(
    nlp: Language, docs: Iterable[Doc], names: Sequence[str], batch_size: int = 256
) -> Iterator[Doc]:
    """Run only the named pipeline components (in pipeline order) over prebuilt docs."""
    stream: Iterable[Doc] = docs
    for name, proc in nlp.pipeline:
        if name in names:
            pipe = getattr(proc, "pipe", None)
            if pipe is not None:
                stream = pipe(stream, batch_size=batch_size)
            else:
                stream = _apply(proc, stream)
    yield from stream


def _apply(proc: Callable[[Doc], Doc], docs: Iterable[Doc]) -> Iterator[Doc]:
    for doc in docs:
        yield proc(doc)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from true positives, false positives and false negatives."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def _io_merge(spans: Sequence[Span3], n: int) -> list[Span3]:
    """Re-chunk spans the way an IO-tagged gold file can express them."""
    tags = ["O"] * n
    for s, e, lab in spans:
        for i in range(s, e):
            tags[i] = lab
    out: list[Span3] = []
    start = -1
    for i, lab in enumerate([*tags, "O"]):
        if start >= 0 and lab != tags[start]:
            out.append((start, i, tags[start]))
            start = -1
        if start < 0 and lab != "O":
            start = i
    return out


def europarl_label(label: str) -> str:
    """Map a GermEval-style label onto the Europarl/CoNLL scheme (PER LOC ORG OTH)."""
    if label.endswith("deriv"):
        return "OTH"
    if label.endswith("part"):
        return label[:-4]
    return label


def predict_spans(nlp: Language, sents: Sequence[GoldSentence]) -> list[list[Span3]]:
    """The fast pipeline's entity spans on the gold words of each sentence."""
    names = [n for n in nlp.pipe_names if n in ("lagebild_lexfeat", "tok2vec", "ner")]
    docs = (Doc(nlp.vocab, words=s.words) for s in sents)
    return [
        [(e.start, e.end, e.label_) for e in doc.ents]
        for doc in run_components(nlp, docs, names)
    ]


def score_ner(
    nlp: Language,
    sents: Sequence[GoldSentence],
    scheme: str = "germeval",
    bootstrap: int = 0,
    errors: bool = False,
) -> dict[str, Any]:
    """Strict outer-span P/R/F1 of the fast pipeline, overall and per type."""
    t0 = time.perf_counter()
    return score_spans(sents, predict_spans(nlp, sents), scheme, t0, bootstrap, errors)


def score_ner_teacher(
    teacher: Any,
    sents: Sequence[GoldSentence],
    scheme: str = "germeval",
    bootstrap: int = 0,
    errors: bool = False,
) -> dict[str, Any]:
    """The same metric for the e5 teacher (``lagebild.entities.teacher.Teacher``) on gold words."""
    t0 = time.perf_counter()
    return score_spans(sents, teacher_spans(teacher, sents), scheme, t0, bootstrap, errors)


def teacher_spans(teacher: Any, sents: Sequence[GoldSentence]) -> list[list[Span3]]:
    """The e5 teacher's entity spans on the gold words of each sentence."""
    from lagebild.transformer.decoding import bio_spans

    return [bio_spans(t) for t in teacher.tag_sentences([s.words for s in sents])]


def score_conll(
    sents: Sequence[GoldSentence],
    preds: Sequence[Sequence[Span3]],
    started: float | None = None,
    bootstrap: int = 0,
    errors: bool = False,
) -> dict[str, Any]:
    """CoNLL-2003 gold (CoNLL labels) scored in both conventions, from one set of predictions.

    The top level is the CoNLL convention (system labels → PER/LOC/ORG/MISC);
    ``germeval_view`` scores the same predictions against the gold mapped to GermEval labels,
    ignoring predictions on spans the mapping leaves unknown (:mod:`lagebild.training.conll`).
    """
    from lagebild.training.conll import germeval_view

    result = score_spans(sents, preds, "conll", started, bootstrap, errors)
    mapped = [germeval_view(s) for s in sents]
    view = score_spans(mapped, preds, "germeval", started, bootstrap)
    view["unknown_spans"] = sum(len(s.unknown or ()) for s in mapped)
    result["germeval_view"] = view
    return result


def score_spans(
    sents: Sequence[GoldSentence],
    preds: Sequence[Sequence[Span3]],
    scheme: str = "germeval",
    started: float | None = None,
    bootstrap: int = 0,
    errors: bool = False,
) -> dict[str, Any]:
    """Strict outer-span P/R/F1 of predicted token spans against the gold ones.

    ``europarl``: both sides are mapped to PER/LOC/ORG/OTH and re-chunked as the IO-tagged gold
    file can express them. ``bootstrap`` > 0 adds ``f1_ci95``: the 95 % percentile interval of
    F1 over that many resamples of the sentences (seeded, so repeatable). ``errors`` adds
    ``errors``: every span that is not a true positive (:func:`span_errors`).
    """
    t0 = time.perf_counter() if started is None else started
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    per_sentence: list[tuple[int, int, int]] = []  # (tp, fp, fn) of each sentence
    found: list[dict[str, Any]] = []
    for index, (sent, spans) in enumerate(zip(sents, preds, strict=True)):
        gold, pred = _in_scheme(sent, spans, scheme)
        if errors:
            found.extend(span_errors(sent, gold, pred, index))
        gset, pset = set(gold), set(pred)
        for s in pset:
            (tp if s in gset else fp)[s[2]] += 1
        for s in gset - pset:
            fn[s[2]] += 1
        hits = len(gset & pset)
        per_sentence.append((hits, len(pset) - hits, len(gset) - hits))
    total: dict[str, Any] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    if bootstrap > 0:
        total["f1_ci95"] = f1_interval(per_sentence, bootstrap)
    per_type = {}
    for lab in sorted(set(tp) | set(fp) | set(fn)):
        per_type[lab] = {**prf(tp[lab], fp[lab], fn[lab]), "support": tp[lab] + fn[lab]}
    result = {
        **total,
        "per_type": per_type,
        "sentences": len(sents),
        "seconds": round(time.perf_counter() - t0, 3),
    }
    if errors:
        result["errors"] = found
    return result


def _in_scheme(
    sent: GoldSentence, spans: Sequence[Span3], scheme: str
) -> tuple[list[Span3], list[Span3]]:
    """(gold, predicted) spans of one sentence as the scheme compares them."""
    pred = list(spans)
    gold = list(sent.ents or [])
    if scheme == "europarl":
        n = len(sent.words)
        pred = _io_merge([(s, e, europarl_label(lab)) for s, e, lab in pred], n)
        gold = _io_merge([(s, e, europarl_label(lab)) for s, e, lab in gold], n)
    elif scheme == "conll":  # IOB2 gold in CoNLL labels: only the system's labels are mapped
        from lagebild.training.conll import conll_label

        pred = [(s, e, conll_label(lab)) for s, e, lab in pred]
    if sent.unknown:  # gold that cannot say: predictions touching it count neither way
        pred = [p for p in pred if not any(p[0] < e and s < p[1] for s, e in sent.unknown)]
    return gold, pred


def span_errors(
    sent: GoldSentence, gold: Sequence[Span3], pred: Sequence[Span3], index: int = 0
) -> list[dict[str, Any]]:
    """Every gold or predicted span of one sentence that is not an exact match, classified:

    - ``type``: the same tokens, another label (one false negative and one false positive);
    - ``boundary``: a predicted span overlaps the gold one but covers other tokens;
    - ``missed``: no predicted span touches the gold span;
    - ``spurious``: a predicted span that touches no gold span.

    Each item: ``sentence`` (index), ``kind``, ``gold`` / ``predicted`` (``{"text", "label"}``
    or null) and the sentence ``text``; the error analysis of docs/lab/DECISIONS.nlp.md reads these.
    """
    words = sent.words

    def show(span: Span3 | None) -> dict[str, str] | None:
        return None if span is None else {"text": " ".join(words[span[0]:span[1]]),
                                          "label": span[2]}

    def overlaps(a: Span3, b: Span3) -> bool:
        return a[0] < b[1] and b[0] < a[1]

    gset, pset = set(gold), set(pred)
    out: list[dict[str, Any]] = []
    explained: set[Span3] = set()
    for g in sorted(gset - pset):
        same = [p for p in pred if p[:2] == g[:2] and p not in gset]
        touching = [p for p in pred if overlaps(p, g) and p not in gset]
        partner = same[0] if same else touching[0] if touching else None
        kind = "type" if same else "boundary" if touching else "missed"
        if partner is not None:
            explained.add(partner)
        out.append({"kind": kind, "gold": show(g), "predicted": show(partner)})
    for p in sorted(pset - gset - explained):
        kind = "boundary" if any(overlaps(p, g) for g in gset) else "spurious"
        out.append({"kind": kind, "gold": None, "predicted": show(p)})
    text = " ".join(words)
    return [{"sentence": index, **item, "text": text} for item in out]


def f1_interval(
    per_sentence: Sequence[tuple[int, int, int]], resamples: int, seed: int = 0
) -> list[float]:
    """95 % bootstrap percentile interval of micro F1, resampling whole sentences.

    Why: the dev splits have a few hundred sentences, so a difference of one or two F1 points
    between two models can be noise; the interval says how wide that noise is.
    """
    if not per_sentence:
        return [0.0, 0.0]
    counts = np.asarray(per_sentence, dtype=np.int64)
    rng = np.random.default_rng(seed)
    f1s = np.empty(resamples)
    for i in range(resamples):
        tp, fp, fn = counts[rng.integers(0, len(counts), len(counts))].sum(axis=0)
        f1s[i] = 2 * tp / max(1, 2 * tp + fp + fn)
    low, high = np.percentile(f1s, [2.5, 97.5])
    return [round(float(low), 4), round(float(high), 4)]


def _feats(morph: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in morph.split("|"):
        if "=" in part:
            k, v = part.split("=", 1)
            out[k] = v
    return out


def score_ud(nlp: Language, sents: Sequence[GoldSentence]) -> dict[str, Any]:
    """UPOS/STTS/lemma accuracy, Mood accuracy and Mood=Sub F1 on finite verbs, UAS/LAS."""
    t0 = time.perf_counter()
    skip = ("lagebild_senter", "ner")
    names = [n for n in nlp.pipe_names if n not in skip]

    def make(s: GoldSentence) -> Doc:
        doc = Doc(nlp.vocab, words=s.words, spaces=s.spaces)
        for i, tok in enumerate(doc):
            tok.is_sent_start = i == 0
        return doc

    c: Counter[str] = Counter()
    for sent, doc in zip(sents, run_components(nlp, (make(s) for s in sents), names),
                         strict=True):
        for i, tok in enumerate(doc):
            c["tokens"] += 1
            if sent.pos is not None:
                c["upos"] += tok.pos_ == sent.pos[i]
            if sent.tags is not None:
                c["xpos_n"] += 1
                c["xpos"] += tok.tag_ == sent.tags[i]
            if sent.lemmas is not None:
                c["lemma"] += tok.lemma_ == sent.lemmas[i]
            if sent.heads is not None and sent.deps is not None:
                head_ok = tok.head.i == sent.heads[i]
                c["uas"] += head_ok
                c["las"] += head_ok and tok.dep_.lower() == sent.deps[i].lower()
            gold = _feats(sent.morphs[i]) if sent.morphs is not None else {}
            pred = tok.morph.to_dict()
            gold_fin = gold.get("VerbForm") == "Fin" or "Mood" in gold
            if gold_fin and "Mood" in gold:
                c["mood_n"] += 1
                c["mood"] += pred.get("Mood") == gold["Mood"]
            gsub = gold_fin and gold.get("Mood") == "Sub"
            psub = pred.get("Mood") == "Sub"
            c["sub_tp"] += gsub and psub
            c["sub_fp"] += psub and not gsub
            c["sub_fn"] += gsub and not psub
    n = max(c["tokens"], 1)
    sub = prf(c["sub_tp"], c["sub_fp"], c["sub_fn"])
    return {
        "upos": c["upos"] / n,
        "xpos": c["xpos"] / c["xpos_n"] if c["xpos_n"] else None,
        "lemma": c["lemma"] / n,
        "mood_acc": c["mood"] / c["mood_n"] if c["mood_n"] else None,
        "mood_sub_precision": sub["precision"],
        "mood_sub_recall": sub["recall"],
        "mood_sub_f1": sub["f1"],
        "mood_sub_support": c["sub_tp"] + c["sub_fn"],
        "uas": c["uas"] / n,
        "las": c["las"] / n,
        "sentences": len(sents),
        "tokens": c["tokens"],
        "seconds": round(time.perf_counter() - t0, 3),
    }
