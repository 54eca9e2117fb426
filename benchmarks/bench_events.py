"""Cost of the ``events`` stage: words/s of the default (fast) pipeline with and without it.

Reproduce (from the repository root):

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/bench_events.py \
        --data ../shared/data/news/10kgnad-test.csv [--limit 100]

Input: the samples (``samples/*.txt``), the reference article of ``../shared/examples`` when
present, and the first ``--limit`` articles of 10kGNAD's test split. The default stages
without ``events`` run once over all of them (timed); the ``events`` stage then runs over their
output (timed on its own, so the two figures share one analysis); ``--repeat`` times both
that many times (default 3) and reports the medians with the range of the stage's cost, since
one run moves by about 2 points on a shared machine (the first run's figure, with every
memo still cold, is printed too). Prints words/s without and with the stage
(by process CPU time, the one-core figure on a shared machine; wall clock alongside), the
stage's share of the total and the events it coded. The garbage collector runs
as in `lagebild analyze` (``lagebild.cache.batch_gc``, models frozen once loaded): with Python's
defaults one full collection of the heap falls into the events stage or not by chance.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from _corpus import read_articles  # noqa: E402  (benchmarks/ is on sys.path)

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "news"
                        / "10kgnad-test.csv")
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3,
                        help="time both parts this many times; medians are reported")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of text")
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"benchmark data not found: {args.data} (set --data)")

    from lagebild.cache import batch_gc
    from lagebild.model import Article
    from lagebild.pipeline import Analyzer, choose_stages
    from lagebild.stages import get

    stages = choose_stages()
    if "events" not in stages:
        sys.exit(f"the default mode has no events stage: {stages}")
    base = tuple(s for s in stages if s != "events")
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "samples").glob("*.txt"))]
    example = args.data.parents[2] / "examples" / "ntv-2015-moskau-sucht-gespraech.txt"
    if example.is_file():
        texts.append(example.read_text(encoding="utf-8"))
    texts += read_articles(args.data, args.limit)
    if args.repeat < 1:
        sys.exit("--repeat must be at least 1")

    def fresh() -> list[Article]:
        return [Article(id=str(i), text=t, published="2016-01-01") for i, t in enumerate(texts)]

    # the collector as `lagebild analyze`/`ingest` set it (lagebild.cache.batch_gc): with
    # Python's defaults a full collection of the whole heap lands in one stage or the next by
    # chance (0.16–0.23 s of a 0.6 s events stage in one run, none in the next)
    batch_gc()
    events_stage = get("events").load()  # before the Analyzer freezes what is loaded
    analyzer = Analyzer(base)
    list(analyzer.run(fresh()[:3]))  # warm-up
    runs: list[tuple[float, float, float, float]] = []  # base wall, base CPU, events wall, CPU
    for _ in range(args.repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        done = [a for a in analyzer.run(fresh()) if isinstance(a, Article)]
        base_wall, base_cpu = time.perf_counter() - w0, time.process_time() - c0
        w0, c0 = time.perf_counter(), time.process_time()
        coded = list(events_stage(done))
        runs.append((base_wall, base_cpu, time.perf_counter() - w0, time.process_time() - c0))
    base_wall, base_cpu, ev_wall, ev_cpu = (statistics.median(r[k] for r in runs)
                                            for k in range(4))
    first = runs[0][3] / runs[0][1]  # memos cold on both sides (vocabulary, lexicon lookups)
    slowdowns = sorted(r[3] / r[1] for r in runs)

    words = sum(1 for a in done for s in a.sentences for t in s.tokens
                if not t.tag.startswith("$"))
    n_events = sum(len(a.events) for a in coded)
    result = {
        "articles": len(done), "words": words, "events": n_events,
        "stages_without": list(base), "stages_with": list(stages),
        "words_per_s_without_cpu": words / base_cpu,
        "words_per_s_with_cpu": words / (base_cpu + ev_cpu),
        "words_per_s_without_wall": words / base_wall,
        "words_per_s_with_wall": words / (base_wall + ev_wall),
        "events_stage_cpu_s": ev_cpu, "events_share_of_time": ev_cpu / (base_cpu + ev_cpu),
        "slowdown": statistics.median(slowdowns), "slowdown_min": slowdowns[0],
        "slowdown_max": slowdowns[-1], "slowdown_first": first, "repeat": args.repeat,
        "runs_cpu_s": [[round(r[1], 3), round(r[3], 3)] for r in runs],
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{len(done)} articles, {words} words, {n_events} events")
    print(f"without events ({'+'.join(base)}): {result['words_per_s_without_cpu']:.0f} words/s "
          f"CPU ({result['words_per_s_without_wall']:.0f} wall)")
    print(f"with events    ({'+'.join(stages)}): {result['words_per_s_with_cpu']:.0f} words/s "
          f"CPU ({result['words_per_s_with_wall']:.0f} wall)")
    print(f"events stage: {ev_cpu:.2f} s CPU = {result['slowdown']:.1%} added to the pipeline "
          f"(median of {args.repeat}: {slowdowns[0]:.1%} … {slowdowns[-1]:.1%}; first {first:.1%})")


if __name__ == "__main__":
    main()
