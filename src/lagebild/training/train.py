"""Train the Lagebild German pipeline from ``../shared/data`` (one command, deterministic).

A custom loop instead of ``spacy train`` because the corpora annotate different layers:

======== =====================================================
source   components updated (plus the shared ``tok2vec``)
======== =====================================================
germeval ner
europarl ner, tagger (STTS), trainable_lemmatizer
ud       tagger, morphologizer, trainable_lemmatizer, parser
ud_pud   morphologizer, trainable_lemmatizer, parser (PUD XPOS is not STTS)
conll    ner (CoNLL-2003 train, labels mapped by :mod:`lagebild.training.conll`; opt-in)
hanta    tagger, trainable_lemmatizer (silver, :mod:`lagebild.training.silver`)
distill  ner (silver from the e5 teacher, :mod:`lagebild.training.distill`)
======== =====================================================

Silver sources are optional; each epoch draws a fresh sample of at most
``silver_per_epoch`` of their sentences (seeded), so gold is not swamped.

Each batch comes from one source and only that source's components are updated
(``nlp.update(exclude=...)``); the tok2vec listener order is rearranged per batch so that
the last *updated* listener triggers the tok2vec backprop. Deterministic given ``seed`` and
``epochs`` (single-threaded numpy ops, seeded shuffles); ``max_minutes`` is only a safety net.
After every epoch a checkpoint is written (:mod:`lagebild.training.resume`); the same command
run again continues from it.
"""

from __future__ import annotations

import json
import random
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import load_config, load_model_from_config
from thinc.api import fix_random_seed

from lagebild.eval.scoring import score_ner, score_ud
from lagebild.nlp.components import LEXFEAT, LexicalFeatures, customize_tokenizer
from lagebild.training import recipe, resume
from lagebild.training.data import GoldSentence, Splits, blank_doc, load_splits, to_doc

CONFIG = Path(__file__).with_name("config.cfg")

SOURCE_COMPONENTS: dict[str, tuple[str, ...]] = {
    "germeval": ("tok2vec", "ner"),
    "europarl": ("tok2vec", "ner", "tagger", "trainable_lemmatizer"),
    "ud": ("tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser"),
    "ud_pud": ("tok2vec", "morphologizer", "trainable_lemmatizer", "parser"),
    "hanta": ("tok2vec", "tagger", "trainable_lemmatizer"),
    "distill": ("tok2vec", "ner"),
    "conll": ("tok2vec", "ner"),
}
SILVER_SOURCES = frozenset({"hanta", "distill"})
# GermEval labels too rare to learn (≤ 42 training spans each, 16 of 869 dev spans together):
# trained as "no entity". Each NER label costs 4 transitions, and spaCy's NER checks every
# transition's validity per token (measured: NER time ∝ number of moves), so 7 instead of 12
# labels make the NER ~35 % faster. Evaluation still counts them as gold (misses).
RARE_NER_LABELS = ("PERderiv", "PERpart", "ORGderiv", "OTHderiv", "OTHpart")


@dataclass
class TrainOptions:
    data: Path
    out: Path
    seed: int = 0
    epochs: int = recipe.EPOCHS
    max_minutes: float = 110.0
    batch_words: int = 1000
    lexicon: bool = True
    sources: tuple[str, ...] = recipe.SOURCES
    limit: int = 0  # smoke tests: at most this many sentences per source
    config: Path = CONFIG
    lexicon_table: Path | None = None  # reuse a table written by an earlier run
    small_places: bool = recipe.SMALL_PLACES  # lexicon flag g: places of 1,000-15,000 people
    companies: bool = recipe.COMPANIES  # lexicon flag O for words of listed companies' names
    hanta_silver: Path | None = None  # JSON lines from lagebild.training.silver
    distill_silver: Path | None = None  # DocBin from lagebild.training.distill
    silver_per_epoch: int = recipe.SILVER_PER_EPOCH  # sentences per silver source and epoch
    # Build the silver sets that are not given (hanta_silver, distill_silver) into ``out``;
    # False trains on gold alone.
    silver: bool = True
    teachers: tuple[Path, ...] = ()  # labeller of the built teacher silver (() = shipped)
    silver_threads: int = recipe.SILVER_THREADS  # torch threads of the teacher while it labels
    overrides: dict[str, Any] = field(default_factory=dict)  # config: "training.dropout" → 0.2
    drop_ner_labels: tuple[str, ...] = RARE_NER_LABELS
    no_ner_from: tuple[str, ...] = ()  # sources whose entity labels are not trained
    init_model: Path | None = None  # continue training this trained pipeline (no initialize)
    learn_rate: float | None = None  # override the config's learning rate
    conll_misc: str = "rules"  # CoNLL MISC spans: rules | unknown | oth (training.conll)
    resume: bool = True  # continue from OUT/checkpoint when it was written with these options
    log: Callable[[str], None] = print
    # After every update: (steps done, steps in the whole run); the CLI draws a progress bar.
    progress: Callable[[int, int], None] | None = None


def _examples(nlp: Language, sents: Iterable[GoldSentence], lex: LexicalFeatures | None
              ) -> list[Example]:
    out: list[Example] = []
    for s in sents:
        pred = blank_doc(nlp.vocab, s)
        if lex is not None:
            lex(pred)
        out.append(Example(pred, to_doc(nlp.vocab, s)))
    return out


def _drop_labels(sent: GoldSentence, drop: set[str]) -> GoldSentence:
    if not sent.ents or not any(lab in drop for _, _, lab in sent.ents):
        return sent
    return replace(sent, ents=[e for e in sent.ents if e[2] not in drop])


def without_entities(
    sources: dict[str, list[GoldSentence]], names: Iterable[str]
) -> dict[str, list[GoldSentence]]:
    """Drop the entity labels of the named sources: their entities become unknown (no NER loss,
    not "no entity"), while their tags, lemmas and trees still train."""
    skip = set(names)
    return {k: [replace(s, ents=None) for s in v] if k in skip else v for k, v in sources.items()}


def _batches(examples: list[Example], batch_words: int) -> list[list[Example]]:
    batches: list[list[Example]] = []
    cur: list[Example] = []
    size = 0
    for eg in examples:
        cur.append(eg)
        size += len(eg.reference)
        if size >= batch_words:
            batches.append(cur)
            cur, size = [], 0
    if cur:
        batches.append(cur)
    return batches


def _reorder_listeners(nlp: Language, included: tuple[str, ...]) -> None:
    t2v: Any = nlp.get_pipe("tok2vec")
    order = [n for n in nlp.pipe_names if n in t2v.listener_map and n not in included]
    order += [n for n in nlp.pipe_names if n in t2v.listener_map and n in included]
    t2v.listener_map = {n: t2v.listener_map[n] for n in order}


def split_sources(splits: Splits) -> tuple[dict[str, list[GoldSentence]],
                                           dict[str, list[GoldSentence]]]:
    """Separate PUD (no STTS) from GSD in the UD part."""
    def part(d: dict[str, list[GoldSentence]]) -> dict[str, list[GoldSentence]]:
        out = {k: v for k, v in d.items() if k != "ud"}
        out["ud"] = [s for s in d["ud"] if s.tags is not None]
        out["ud_pud"] = [s for s in d["ud"] if s.tags is None]
        return out
    return part(splits.train), part(splits.dev)


def evaluate(nlp: Language, dev: dict[str, list[GoldSentence]]) -> dict[str, Any]:
    scores: dict[str, Any] = {}
    if dev.get("germeval") and "ner" in nlp.pipe_names:
        scores["ner_germeval"] = score_ner(nlp, dev["germeval"], "germeval")
    if dev.get("europarl") and "ner" in nlp.pipe_names:
        scores["ner_europarl"] = score_ner(nlp, dev["europarl"], "europarl")
    if dev.get("conll") and "ner" in nlp.pipe_names:
        scores["ner_conll"] = score_ner(nlp, dev["conll"], "conll")
    ud = dev.get("ud", []) + dev.get("ud_pud", [])
    if ud:
        scores["ud"] = score_ud(nlp, ud)
    return scores


def _summary(scores: dict[str, Any]) -> dict[str, float]:
    out: dict[str, float] = {}
    if "ner_germeval" in scores:
        out["ge_f1"] = scores["ner_germeval"]["f1"]
    if "ner_europarl" in scores:
        out["ep_f1"] = scores["ner_europarl"]["f1"]
    if "ner_conll" in scores:  # logged, not in the objective (comparable with earlier runs)
        out["conll_f1"] = scores["ner_conll"]["f1"]
    if "ud" in scores:
        for k in ("upos", "xpos", "lemma", "mood_sub_f1", "las"):
            out[k] = scores["ud"][k] or 0.0
    return {k: round(v, 4) for k, v in out.items()}


def _objective(summary: dict[str, float]) -> float:
    keys = ("ge_f1", "ep_f1", "upos", "lemma", "mood_sub_f1", "las")
    vals = [summary[k] for k in keys if k in summary]
    return sum(vals) / max(len(vals), 1)


def build_nlp(opts: TrainOptions) -> Language:
    import lagebild.nlp.components  # noqa: F401  (registers the factories)

    config = load_config(opts.config, overrides=opts.overrides)
    config["training"]["seed"] = opts.seed
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    customize_tokenizer(nlp)
    return nlp


def train_pipeline(opts: TrainOptions) -> dict[str, Any]:
    start = time.perf_counter()
    fix_random_seed(opts.seed)
    rng = random.Random(opts.seed)
    opts.out.mkdir(parents=True, exist_ok=True)
    if opts.init_model is not None:  # its lexicon table is part of the saved pipeline
        nlp = load_trained(opts.init_model)
        customize_tokenizer(nlp)
        _restore_tree2label(nlp)
    else:
        nlp = build_nlp(opts)
    lex: LexicalFeatures = nlp.get_pipe(LEXFEAT)  # type: ignore[assignment]
    if opts.lexicon and opts.init_model is None:
        table_file = opts.out / "lexicon.tsv"
        if opts.lexicon_table is not None and not table_file.exists():
            shutil.copyfile(opts.lexicon_table, table_file)
        if not table_file.exists():
            from lagebild.training.lexicon import build_table, write_table

            table = build_table(
                opts.data,
                small_places=opts.small_places,
                companies=opts.companies,
            )
            write_table(table, table_file)
        lex.read_table(table_file)
        opts.log(f"lexicon: {len(lex.table)} entries")
    splits = load_splits(opts.data)
    train_src, dev_src = split_sources(splits)
    if "conll" in opts.sources:
        train_src["conll"], dev_src["conll"] = _conll_sources(opts)
    if opts.silver:
        built = recipe.ensure_silver(
            opts.data, opts.out, limit=opts.limit, teachers=opts.teachers,
            threads=opts.silver_threads, hanta=opts.hanta_silver,
            distill=opts.distill_silver, log=opts.log,
        )
        opts = replace(opts, hanta_silver=built.hanta, distill_silver=built.distill)
    if opts.hanta_silver is not None:
        from lagebild.training.silver import read_hanta_silver

        train_src["hanta"] = read_hanta_silver(opts.hanta_silver)
    if opts.distill_silver is not None:
        from lagebild.training.distill import read_silver

        train_src["distill"] = read_silver(opts.distill_silver)
    sources = tuple(opts.sources) + tuple(
        s for s in ("hanta", "distill") if s in train_src and s not in opts.sources
    )
    if opts.limit:
        train_src = {k: v[: opts.limit] for k, v in train_src.items()}
        dev_src = {k: v[: opts.limit] for k, v in dev_src.items()}
    if opts.drop_ner_labels:  # training only: dev keeps every gold label
        drop = set(opts.drop_ner_labels)
        train_src = {k: [_drop_labels(s, drop) for s in v] for k, v in train_src.items()}
    train_src = without_entities(train_src, opts.no_ner_from)
    train_egs = {
        src: _examples(nlp, train_src[src], lex) for src in sources if train_src.get(src)
    }
    for src, egs in train_egs.items():
        opts.log(f"train {src}: {len(egs)} sentences")

    def init_examples() -> list[Example]:
        return [eg for egs in train_egs.values() for eg in egs]

    if opts.init_model is not None:
        optimizer = nlp.resume_training()  # keeps weights and labels; fresh Adam state
    else:
        optimizer = nlp.initialize(init_examples)
    if opts.learn_rate is not None:
        optimizer.learn_rate = opts.learn_rate
    customize_tokenizer(nlp)
    dropout = float(nlp.config["training"]["dropout"])  # [training] dropout (was fixed at 0.1)
    step, total_steps = 0, 0  # total: batches of epoch 1 × epochs (silver per epoch is fixed)
    best = -1.0
    best_epoch = -1
    history: list[dict[str, Any]] = []
    first_epoch = 1
    options = resume.fingerprint(_checkpoint_options(opts))
    state = resume.load(opts.out, options) if opts.resume else None
    if state is not None:
        done = resume.restore(state, nlp, optimizer, rng)
        step, total_steps = done.step, done.total_steps
        best, best_epoch = done.best, done.best_epoch
        history, first_epoch = list(done.history), done.epoch + 1
        opts.log(f"resuming after epoch {done.epoch} from {opts.out / resume.CHECKPOINT}")
    elif opts.resume and (opts.out / resume.CHECKPOINT).exists():
        opts.log("checkpoint: written with other options, starting afresh")
    log_file = opts.out / "train-log.jsonl"
    log_file.write_text("".join(json.dumps(r) + "\n" for r in history), encoding="utf-8")
    for epoch in range(first_epoch, opts.epochs + 1):
        t0 = time.perf_counter()
        batches: list[tuple[str, list[Example]]] = []
        for src in sorted(train_egs):
            egs = list(train_egs[src])
            rng.shuffle(egs)
            if src in SILVER_SOURCES:
                egs = egs[: opts.silver_per_epoch]
            batches.extend((src, b) for b in _batches(egs, opts.batch_words))
        rng.shuffle(batches)
        losses: dict[str, float] = {}
        total_steps = total_steps or len(batches) * opts.epochs
        for src, batch in batches:
            step += 1
            included = SOURCE_COMPONENTS[src]
            _reorder_listeners(nlp, included)
            exclude = [n for n in nlp.pipe_names if n not in included]
            nlp.update(batch, sgd=optimizer, drop=dropout, losses=losses, exclude=exclude)
            if opts.progress is not None:
                opts.progress(step, total_steps)
        with nlp.use_params(optimizer.averages):
            scores = evaluate(nlp, dev_src)
            summary = _summary(scores)
            objective = _objective(summary)
            if objective > best:
                best, best_epoch = objective, epoch
                _save(nlp, opts.out / "model-best")
        record = {
            "epoch": epoch,
            "seconds": round(time.perf_counter() - t0, 1),
            "losses": {k: round(float(v), 1) for k, v in losses.items()},
            **summary,
            "objective": round(objective, 4),
        }
        history.append(record)
        with log_file.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record) + "\n")
        opts.log(json.dumps(record))
        resume.save(opts.out, nlp, optimizer, rng,
                    resume.Progress(epoch, step, total_steps, best, best_epoch, history), options)
        if (time.perf_counter() - start) / 60 > opts.max_minutes:
            opts.log("time budget reached, stopping")
            break
    with nlp.use_params(optimizer.averages):
        _save(nlp, opts.out / "model-last")
    result = {"best_epoch": best_epoch, "best_objective": best, "history": history,
              "minutes": round((time.perf_counter() - start) / 60, 1)}
    (opts.out / "train-result.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    return result


def _conll_sources(opts: TrainOptions) -> tuple[list[GoldSentence], list[GoldSentence]]:
    """CoNLL train with GermEval labels (``opts.conll_misc`` decides MISC), and testa as it is
    (the epoch log scores it in the CoNLL convention)."""
    from collections import Counter

    from lagebild.training.conll import CONLL_DEV, CONLL_TRAIN, misc_as, read_conll

    counts: Counter[str] = Counter()
    train = misc_as(read_conll(opts.data / CONLL_TRAIN), opts.conll_misc, counts)
    opts.log(f"conll MISC policy {opts.conll_misc}: " + json.dumps(dict(sorted(counts.items()))))
    return train, read_conll(opts.data / CONLL_DEV)


def _checkpoint_options(opts: TrainOptions) -> dict[str, Any]:
    """What a checkpoint must agree on to be resumed (not the safety stop or the log hooks)."""
    keys = ("data", "seed", "epochs", "batch_words", "lexicon", "sources", "limit", "config",
            "hanta_silver", "distill_silver", "silver_per_epoch", "silver", "teachers",
            "overrides", "drop_ner_labels", "no_ner_from", "init_model", "learn_rate",
            "conll_misc")
    return {k: getattr(opts, k) for k in keys}


def _restore_tree2label(nlp: Language) -> None:
    """spaCy's ``EditTreeLemmatizer.from_disk`` does not rebuild ``tree2label``; without it
    every gold lemma of a loaded lemmatizer would be trained as label 0 (lemma 0.955 → 0.645)."""
    for _name, proc in nlp.pipeline:
        lem: Any = proc
        if hasattr(lem, "tree2label") and not lem.tree2label:
            for label, tree in enumerate(lem.labels):
                lem.tree2label[tree] = label


def _save(nlp: Language, path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)
    nlp.meta["name"] = "lagebild"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["description"] = "Lagebild German pipeline (see MODEL_CARD.md)"
    nlp.to_disk(path)


def load_trained(path: Path) -> Language:
    import lagebild.nlp.components  # noqa: F401

    return spacy.load(path)
