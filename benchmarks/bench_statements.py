"""What the ``statements`` stage (and the ``speakers`` link after it) costs the default pipeline.

Reproduce (from the repository root):

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/bench_statements.py \
        --data ../shared/data/news/10kgnad-test.csv --limit 100

Input: the shipped samples plus the first ``--limit`` 10kGNAD test articles, built as the JSON
Lines reader builds them. Prints the default (fast) pipeline's words/s with and without the two
stages (``--repeat`` runs each, alternating, best of; CPU time of the process, so other jobs on
a shared machine count less), and the stages alone on the already-analysed articles, whose
share of the pipeline's time is the cost figure (less noisy than the difference of two runs).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from _corpus import read_articles  # noqa: E402  (benchmarks/ is on sys.path)

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/news/10kgnad-test.csv"))
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="one JSON object instead of text")
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"benchmark data not found: {args.data} (set --data)")

    from lagebild.ingest import read_inputs
    from lagebild.model import Article, ArticleBuilder
    from lagebild.pipeline import Analyzer
    from lagebild.stages import MODES

    samples = [a for a in read_inputs([str(p) for p in sorted((REPO / "samples").iterdir())
                                       if not p.name.startswith("NOTICE")])
               if isinstance(a, Article)]
    news = []
    for text in read_articles(args.data, args.limit):
        builder = ArticleBuilder()
        builder.add_verbatim_paragraphs(text)
        news.append(builder.build())
    articles = samples + news

    with_stage = list(MODES["fast"])
    without = [s for s in with_stage if s not in ("statements", "speakers")]
    runs: dict[str, list[float]] = {"with": [], "without": []}
    analyzers = {"with": Analyzer(with_stage), "without": Analyzer(without)}
    words = 0
    done: list[Article] = []
    for _ in range(args.repeat):
        for key in ("without", "with"):
            t0 = time.process_time()
            out = [a for a in analyzers[key].run(articles) if isinstance(a, Article)]
            runs[key].append(time.process_time() - t0)
            if key == "without":
                done = out
                words = sum(len(s.tokens) for a in out for s in a.sentences)

    from lagebild.actors.speakers import link_speakers
    from lagebild.statements.build import statements_of

    t0 = time.process_time()
    for _ in range(args.repeat):
        for article in done:
            link_speakers(article.model_copy(update={"statements": statements_of(article)}))
    alone = (time.process_time() - t0) / args.repeat
    base = min(runs["without"])
    result = {
        "articles": len(articles),
        "words": words,
        "words_per_s_without": round(words / base),
        "words_per_s_with": round(words / min(runs["with"])),
        "stages_alone_s": round(alone, 3),
        "stages_alone_words_per_s": round(words / alone) if alone else None,
        "cost_percent": round(100 * alone / base, 2),
        "cost_percent_difference_of_runs": round(100 * (min(runs["with"]) - base) / base, 2),
        "cpu_seconds": {k: [round(x, 2) for x in v] for k, v in runs.items()},
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"{result['articles']} articles, {words} words (samples + 10kGNAD test)")
    print(f"fast pipeline without statements+speakers: {result['words_per_s_without']} words/s")
    print(f"fast pipeline with statements+speakers:    {result['words_per_s_with']} words/s")
    print(f"the two stages alone: {result['stages_alone_words_per_s']} words/s, "
          f"{result['cost_percent']} % of the pipeline's time "
          f"(difference of the runs: {result['cost_percent_difference_of_runs']} %)")


if __name__ == "__main__":
    main()
