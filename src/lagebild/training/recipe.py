"""The shipped pipeline's training recipe, and the silver data it needs, in one place.

``lagebild train pipeline --data ../shared/data`` reproduces the shipped model's recipe with
its defaults alone: it builds the two silver sets into its output folder when they are not
given (HanTa STTS/lemmas, :mod:`lagebild.training.silver`; the teacher's NER labels,
:mod:`lagebild.training.distill`) and reuses them on a re-run. Before, the defaults trained a
different, gold-only recipe, and the shipped one took four commands (DECISIONS.md).

This module imports neither spaCy nor torch at import time: the CLI reads its defaults here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

#: Epochs of the shipped recipe (the best epoch by the dev objective is kept).
EPOCHS = 14
#: Silver sentences per silver source (HanTa, teacher) and epoch.
SILVER_PER_EPOCH = 12_000
#: Raw-text budgets of the two silver sets (words).
HANTA_TOKENS = 300_000
#: Raw sources of the teacher silver, round robin (``lagebild.training.raw``); ``xglue``
#: (news/raw-extra) is opt-in until a model trained with it ships (lab/entities-conll.md §6).
DISTILL_SOURCES = ("wikinews", "gnad", "spkatt", "rw", "xglue")
#: The teacher's budget is the words of the first 76,000 round-robin sentences of the five
#: raw sources (38 shards, 92 % of their 1.57M words): what the shipped model's silver held
#: when its training started (round 14, docs/lab/entities-conll.md §6).
DISTILL_TOKENS = 1_452_354
#: Gold sources of the shipped model: CoNLL-2003 train joined in round 14 (research and
#: NonCommercial terms; docs/lab/entities-conll.md §6).
SOURCES = ("germeval", "europarl", "ud", "ud_pud", "conll")
#: Lexicon options of the shipped model (docs/lab/DECISIONS.nlp.md, round 11).
SMALL_PLACES = True
COMPANIES = True
#: Teacher precision for the silver labels: float32 unless ``LAGEBILD_TEACHER_PRECISION`` says
#: otherwise, because ``auto`` picks bf16 on some CPUs only and the labels should not depend on
#: the machine.
SILVER_PRECISION = "fp32"
#: Torch threads of the teacher while it labels the silver (3.3k words/s on 2, 1.6k on 1).
SILVER_THREADS = 2
#: Words per gold sentence in a ``--limit`` smoke run's silver budget.
SMOKE_WORDS_PER_SENTENCE = 30


@dataclass(frozen=True)
class SilverFiles:
    hanta: Path
    distill: Path


def smoke_budget(limit: int, full: int) -> int:
    """The silver budget of a ``--limit`` smoke run (``limit`` = 0: the full budget)."""
    return min(full, limit * SMOKE_WORDS_PER_SENTENCE) if limit else full


def _read_json(path: Path) -> dict[str, object]:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def ensure_hanta_silver(data: Path, out: Path, max_tokens: int,
                        log: Callable[[str], None] = print) -> Path:
    """``out/hanta-silver.jsonl``, built unless a complete one for ``max_tokens`` is there.

    The builder renames its file into place only when done; a sidecar ``hanta-silver.json``,
    written after it, records the budget it was built with.
    """
    from lagebild.training.silver import build_hanta_silver

    path = out / "hanta-silver.jsonl"
    meta = out / "hanta-silver.json"
    if path.is_file() and _read_json(meta).get("max_tokens") == max_tokens:
        log(f"silver: reusing {path}")
        return path
    log(f"silver: HanTa STTS/lemmas on {max_tokens:,} raw words → {path} (~3 min)")
    meta.unlink(missing_ok=True)  # a stale record must not vouch for a new, unfinished file
    n = build_hanta_silver(data, path, max_tokens)
    meta.write_text(json.dumps({"max_tokens": max_tokens, "sentences": n}) + "\n",
                    encoding="utf-8")
    return path


def ensure_distill_silver(data: Path, out: Path, max_tokens: int,
                          teachers: Sequence[Path] = (), threads: int = 1,
                          log: Callable[[str], None] = print) -> Path:
    """``out/distill-silver``: the teacher's NER labels, resumed or built (needs ``accurate``).

    A folder whose ``meta.json`` records the same budget is complete and reused as it is; any
    other folder is handed to :func:`lagebild.training.distill.label_raw`, which resumes it and
    refuses one that other teacher weights began.
    """
    from lagebild.training.distill import label_raw

    folder = out / "distill-silver"
    if _read_json(folder / "meta.json").get("max_tokens") == max_tokens:
        log(f"silver: reusing {folder}")
        return folder
    precision = os.environ.get("LAGEBILD_TEACHER_PRECISION") or SILVER_PRECISION
    log(f"silver: teacher NER labels on {max_tokens:,} raw words → {folder} "
        f"({precision}, {threads} thread(s); ~1.5k words/s per thread)")
    label_raw(data, folder, max_tokens, teacher_dirs=teachers, threads=threads,
              precision=precision, log=log)
    return folder


def ensure_silver(data: Path, out: Path, *, limit: int = 0, teachers: Sequence[Path] = (),
                  threads: int = 1, hanta: Path | None = None, distill: Path | None = None,
                  log: Callable[[str], None] = print) -> SilverFiles:
    """Both silver sets: the given ones as they are, the missing ones built into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    if hanta is None:
        hanta = ensure_hanta_silver(data, out, smoke_budget(limit, HANTA_TOKENS), log)
    if distill is None:
        distill = ensure_distill_silver(data, out, smoke_budget(limit, DISTILL_TOKENS),
                                        teachers, threads, log)
    return SilverFiles(hanta=hanta, distill=distill)
