"""Speed of the Lagebild NLP pipeline on real German news (10kGNAD test articles), one core.

Reproduce (from the repository root):

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/bench_nlp.py \
        --data ../shared/data/news/10kgnad-test.csv [--model DIR] [--limit N]

Prints a table: words/s of the tokenizer alone (the ceiling) and of the whole pipeline, the
model load time, its size on disk and the peak resident memory of the process. Words are
whitespace-separated words of the input, as in ``bench_pipeline.py``; the pipeline's speed is
also given in tokens/s (spaCy tokens other than whitespace, 1.13 per word on 10kGNAD), the
unit this benchmark's earlier figures were in. The pipeline is timed warm: the tokenizer pass
has already made every word's lexeme and filled the tokenizer's cache, which the nlp stage of
``bench_pipeline.py`` (every word met for the first time) does itself. Speeds are given by
wall clock and by the process's CPU time: on a shared machine (other jobs on the cores) the
CPU-time figure is the one-core throughput, the wall-clock figure what this run experienced.
With ``--annotate`` the pipeline is timed through ``lagebild.nlp.annotate_many`` (Article
objects in, sentences/tokens/entities out) instead of bare ``nlp.pipe``.
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
from typing import Any  # noqa: E402

from _corpus import read_articles  # noqa: E402  (benchmarks/ is on sys.path)


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/news/10kgnad-test.csv"))
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--annotate", action="store_true",
                        help="time annotate_many (Article → sentences/entities) as well")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"benchmark data not found: {args.data} (set --data)")

    from lagebild.nlp import DEFAULT_MODEL, load_pipeline

    texts = read_articles(args.data, args.limit)
    t0 = time.perf_counter()
    nlp = load_pipeline(args.model)
    load_s = time.perf_counter() - t0
    model_dir = Path(args.model or DEFAULT_MODEL)

    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    tokenizer: Any = nlp.tokenizer
    tokens = 0
    for doc in tokenizer.pipe(texts):
        tokens += sum(1 for t in doc if not t.is_space)
    tok_s = time.perf_counter() - t0

    list(nlp.pipe(texts[:20]))  # warm-up
    t0 = time.perf_counter()
    c0 = time.process_time()
    n_ents = 0
    for doc in nlp.pipe(texts, batch_size=args.batch_size):
        n_ents += len(doc.ents)
    full_s = time.perf_counter() - t0
    full_cpu = time.process_time() - c0
    annotate_row: list[tuple[str, str]] = []
    result: dict[str, Any] = {}
    if args.annotate:
        from lagebild.model import Article
        from lagebild.nlp import annotate_many

        articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
        t0 = time.perf_counter()
        c0 = time.process_time()
        for _ in annotate_many(articles, nlp, batch_size=args.batch_size):
            pass
        ann_s, ann_cpu = time.perf_counter() - t0, time.process_time() - c0
        annotate_row = [("annotate_many, 1 core",
                         f"{words / ann_cpu:,.0f} words/s CPU ({words / ann_s:,.0f} wall)")]
        result["annotate_words_per_s_cpu"] = round(words / ann_cpu)
        result["annotate_words_per_s_wall"] = round(words / ann_s)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size_mb = dir_size(model_dir) / 1e6

    rows = [
        ("articles", f"{len(texts)}"),
        ("words (whitespace)", f"{words}"),
        ("tokens (spaCy, without whitespace)", f"{tokens}"),
        ("tokenizer only (ceiling)", f"{words / tok_s:,.0f} words/s"),
        ("whole pipeline, 1 core (CPU time)",
         f"{words / full_cpu:,.0f} words/s ({tokens / full_cpu:,.0f} tokens/s)"),
        ("whole pipeline, 1 core (wall clock)", f"{words / full_s:,.0f} words/s"),
        *annotate_row,
        ("pipeline components", " ".join(nlp.pipe_names)),
        ("entities found", f"{n_ents}"),
        ("model load", f"{load_s:.2f} s"),
        ("model size", f"{size_mb:.1f} MB"),
        ("peak RSS", f"{peak_mb:,.0f} MB"),
    ]
    if args.json:
        import json

        result.update({
            "articles": len(texts), "words": words, "tokens": tokens,
            "tokenizer_words_per_s": round(words / tok_s),
            "words_per_s_cpu": round(words / full_cpu), "words_per_s_wall": round(words / full_s),
            "tokens_per_s_cpu": round(tokens / full_cpu),
            "entities": n_ents, "load_s": round(load_s, 2), "size_mb": round(size_mb, 1),
            "peak_rss_mb": round(peak_mb),
        })
        print(json.dumps(result))
        return
    width = max(len(r[0]) for r in rows)
    print(f"| {'measure'.ljust(width)} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")


if __name__ == "__main__":
    main()
