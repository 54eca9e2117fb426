"""Speed of the Lagebild NLP pipeline on real German news (10kGNAD test articles), one core.

Reproduce (from the repository root):

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/bench_nlp.py \
        --data ../shared/data/news/10kgnad-test.csv [--model DIR] [--limit N]

Prints a table: words/s of the tokenizer alone (the ceiling) and of the whole pipeline, the
model load time, its size on disk and the peak resident memory of the process.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import csv  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402


def read_articles(path: Path, limit: int = 0) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    texts: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter=";", quotechar="'"):
            if len(row) >= 2 and row[1].strip():
                texts.append(row[1])
            if limit and len(texts) >= limit:
                break
    return texts


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/news/10kgnad-test.csv"))
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"benchmark data not found: {args.data} (set --data)")

    from lagebild.nlp import DEFAULT_MODEL, load_pipeline

    texts = read_articles(args.data, args.limit)
    t0 = time.perf_counter()
    nlp = load_pipeline(args.model)
    load_s = time.perf_counter() - t0
    model_dir = Path(args.model or DEFAULT_MODEL)

    t0 = time.perf_counter()
    tokenizer: Any = nlp.tokenizer
    words = 0
    for doc in tokenizer.pipe(texts):
        words += sum(1 for t in doc if not t.is_space)
    tok_s = time.perf_counter() - t0

    list(nlp.pipe(texts[:20]))  # warm-up
    t0 = time.perf_counter()
    n_ents = 0
    for doc in nlp.pipe(texts, batch_size=args.batch_size):
        n_ents += len(doc.ents)
    full_s = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    rows = [
        ("articles", f"{len(texts)}"),
        ("words", f"{words}"),
        ("tokenizer only (ceiling)", f"{words / tok_s:,.0f} words/s"),
        ("whole pipeline, 1 core", f"{words / full_s:,.0f} words/s"),
        ("pipeline components", " ".join(nlp.pipe_names)),
        ("entities found", f"{n_ents}"),
        ("model load", f"{load_s:.2f} s"),
        ("model size", f"{dir_size(model_dir) / 1e6:.1f} MB"),
        ("peak RSS", f"{peak_mb:,.0f} MB"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"| {'measure'.ljust(width)} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")


if __name__ == "__main__":
    main()
