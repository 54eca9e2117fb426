"""End-to-end speed of the default pipeline, from files to the store, on one core.

Reproduce (from the repository root, with the package installed or ``PYTHONPATH=src``):

    python benchmarks/bench_pipeline.py --data ../shared/data/news/10kgnad-test.csv --limit 300

What it measures (words = whitespace-separated words of the input texts):

1. **start-up**: ``lagebild analyze`` of a one-sentence file in a fresh process, CPU time
   (user + system) and wall clock: imports, stage loading, one article (the median of
   ``--startup-runs`` processes).
2. **end to end**: ``lagebild ingest`` of a JSON Lines file of the articles into a fresh store,
   in a fresh process: words/s by CPU time with start-up included, and the process's peak RSS.
   With ``--rss-every K`` the articles are written as files of K articles and the child's RSS
   is sampled after each file, to show whether memory stays flat as the run goes on: VmRSS
   and RssAnon, the process's own memory without the resident pages of mapped files.
3. **per stage**, inside this process: reading, each analysis stage and the store writes,
   words/s and share of CPU time, beside the bare spaCy tokenizer (the ceiling).

CPU time is the figure to compare on a shared machine; wall clock is printed beside it.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from itertools import pairwise  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from _corpus import read_articles  # noqa: E402  (benchmarks/ is on sys.path)

ONE_SENTENCE = "Die Bundesregierung hat am Montag in Berlin ein neues Gesetz beschlossen.\n"


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    src = Path(__file__).resolve().parent.parent / "src"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(src), env.get("PYTHONPATH", "")) if p)
    return env


def run_child(args: list[str], rss_path: Path | None = None) -> dict[str, Any]:
    """Run ``python -m lagebild.cli ARGS``; CPU time, wall clock and peak RSS of the child.

    With ``rss_path`` the child's resident memory is sampled from /proc every 0.2 s."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "lagebild.cli", *args], env=child_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    # (seconds, VmRSS MiB, RssAnon MiB): RssAnon is the process's own memory; VmRSS adds the
    # resident pages of mapped files (libraries, a memory-mapped store)
    samples: list[tuple[float, int, int]] = []
    status = Path(f"/proc/{proc.pid}/status")
    while proc.poll() is None:
        if rss_path is not None:
            try:
                fields = dict(line.split(":", 1) for line in status.read_text().splitlines()
                              if line.startswith(("VmRSS:", "RssAnon:")))
                samples.append((time.perf_counter() - t0, int(fields["VmRSS"].split()[0]) // 1024,
                                int(fields["RssAnon"].split()[0]) // 1024))
            except (OSError, KeyError, ValueError):
                pass
        time.sleep(0.2)
    wall = time.perf_counter() - t0
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"lagebild {' '.join(args)} failed ({proc.returncode}):\n{err[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if rss_path is not None:
        rss_path.write_text("".join(f"{t:.1f}\t{mib}\t{anon}\n" for t, mib, anon in samples))
    return {"cpu_s": cpu, "wall_s": wall, "peak_rss_mib": after.ru_maxrss / 1024,
            "rss_samples": samples}


def write_jsonl(path: Path, texts: list[str], first: int = 0) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(texts, start=first):
            fh.write(json.dumps({"id": f"a{i}", "text": text}, ensure_ascii=False) + "\n")


def in_process(texts: list[str], tmp: Path) -> list[tuple[str, float, float]]:
    """(stage, CPU s, wall s) for reading, every default stage and the store writes."""
    from lagebild.cache import batch_gc, gc_paused, models_loaded
    from lagebild.ingest import read_inputs
    from lagebild.model import Article
    from lagebild.pipeline import DEFAULT_STAGES
    from lagebild.stages import load_stages
    from lagebild.store import Store

    path = tmp / "inproc.jsonl"
    write_jsonl(path, texts)
    rows: list[tuple[str, float, float]] = []

    # the collector as `lagebild analyze`/`ingest` set it (lagebild.cache.batch_gc)
    batch_gc()
    c0, t0 = time.process_time(), time.perf_counter()
    with gc_paused():
        loaded = load_stages(DEFAULT_STAGES)
    models_loaded()
    rows.append(("(load stages)", time.process_time() - c0, time.perf_counter() - t0))

    c0, t0 = time.process_time(), time.perf_counter()
    articles = [a for a in read_inputs([str(path)]) if isinstance(a, Article)]
    rows.append(("read (JSONL, language check)", time.process_time() - c0,
                 time.perf_counter() - t0))

    # The analyzer runs the stages on chunks of 32 articles; so does this loop.
    chunks = [[a.model_copy() for a in articles[i:i + 32]] for i in range(0, len(articles), 32)]
    for spec, func in loaded:
        c0, t0 = time.process_time(), time.perf_counter()
        chunks = [list(func(chunk)) for chunk in chunks]
        rows.append((f"stage {spec.name}", time.process_time() - c0, time.perf_counter() - t0))

    store = Store(tmp / "inproc.db")
    c0, t0 = time.process_time(), time.perf_counter()
    with store.transaction():
        for n, article in enumerate(a for chunk in chunks for a in chunk):
            store.add(article)
            if n % 50 == 49:
                store.commit_and_continue()
    rows.append(("store (SQLite)", time.process_time() - c0, time.perf_counter() - t0))
    store.close()
    return rows


def tokenizer_ceiling(texts: list[str]) -> float:
    from lagebild.nlp import load_pipeline

    tokenizer: Any = load_pipeline().tokenizer
    c0 = time.process_time()
    for _ in tokenizer.pipe(texts):
        pass
    return time.process_time() - c0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/news/10kgnad-test.csv"))
    parser.add_argument("--limit", type=int, default=300, help="articles (default 300)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="feed the articles this many times (each copy with its own id "
                             "and a distinct last line, so that none is a duplicate)")
    parser.add_argument("--rss-every", type=int, default=0,
                        help="write files of this many articles and sample the RSS (flatness)")
    parser.add_argument("--skip-stages", action="store_true", help="no in-process breakdown")
    parser.add_argument("--startup-runs", type=int, default=5,
                        help="start-up: the median of this many fresh processes (default 5)")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of tables")
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"benchmark data not found: {args.data} (set --data)")

    base = read_articles(args.data, args.limit)
    texts = [t if r == 0 else f"{t}\n\nFortsetzung {r}." for r in range(args.repeat) for t in base]
    words = sum(len(t.split()) for t in texts)
    result: dict[str, Any] = {"articles": len(texts), "words": words}

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        one = tmp / "one.txt"
        one.write_text(ONE_SENTENCE, encoding="utf-8")
        # the median of a few fresh processes: one run on a shared machine varies by ±20 %
        runs = sorted((run_child(["analyze", str(one), "--format", "jsonl"])
                       for _ in range(max(1, args.startup_runs))), key=lambda r: r["cpu_s"])
        start = runs[len(runs) // 2]
        result["startup_cpu_s_runs"] = [round(r["cpu_s"], 2) for r in runs]
        result["startup_cpu_s"] = round(start["cpu_s"], 2)
        result["startup_wall_s"] = round(start["wall_s"], 2)

        if args.rss_every:
            inputs = tmp / "in"
            inputs.mkdir()
            for k in range(0, len(texts), args.rss_every):
                write_jsonl(inputs / f"part-{k // args.rss_every:05d}.jsonl",
                            texts[k:k + args.rss_every], first=k)
            target = str(inputs)
        else:
            target = str(tmp / "all.jsonl")
            write_jsonl(Path(target), texts)
        rss_log = tmp / "rss.tsv" if args.rss_every else None
        e2e = run_child(["ingest", target, "--db", str(tmp / "store.db"), "--quiet"], rss_log)
        result["e2e_cpu_s"] = round(e2e["cpu_s"], 2)
        result["e2e_wall_s"] = round(e2e["wall_s"], 2)
        result["e2e_words_per_s_cpu"] = round(words / e2e["cpu_s"])
        result["e2e_words_per_s_wall"] = round(words / e2e["wall_s"])
        steady = e2e["cpu_s"] - start["cpu_s"]
        result["steady_words_per_s_cpu"] = round(words / steady) if steady > 0 else None
        result["peak_rss_mib"] = round(e2e["peak_rss_mib"])
        if e2e["rss_samples"]:
            # the highest RSS in each tenth of the run: flat if it does not climb
            cuts = [len(e2e["rss_samples"]) * i // 10 for i in range(11)]
            for key, column in (("rss_max_mib_by_tenth", 1), ("anon_max_mib_by_tenth", 2)):
                series = [sample[column] for sample in e2e["rss_samples"]]
                result[key] = [max(series[a:b], default=0) for a, b in pairwise(cuts)]

        if not args.skip_stages:
            stages = in_process(base, tmp)
            base_words = sum(len(t.split()) for t in base)
            tok = tokenizer_ceiling(base)
            result["tokenizer_words_per_s_cpu"] = round(base_words / tok)
            total = sum(cpu for name, cpu, _ in stages if not name.startswith("("))
            result["stages"] = [
                {"stage": name, "cpu_s": round(cpu, 3), "wall_s": round(wall, 3),
                 "words_per_s_cpu": round(base_words / cpu) if cpu > 0 else None,
                 "share": None if name.startswith("(") else round(cpu / total, 3)}
                for name, cpu, wall in stages
            ]
            result["inprocess_words_per_s_cpu"] = round(base_words / total)

    if args.json:
        print(json.dumps(result))
        return
    print(f"{result['articles']} articles, {words:,} words; CPU time (user+sys) of one core\n")
    print("| measure | value |\n|---|---|")
    print(f"| start-up (`analyze` of one sentence) | {result['startup_cpu_s']} s CPU "
          f"({result['startup_wall_s']} s wall; median of {result['startup_cpu_s_runs']}) |")
    print(f"| end to end (`ingest` JSONL → SQLite), start-up included | "
          f"{result['e2e_words_per_s_cpu']:,} words/s CPU "
          f"({result['e2e_words_per_s_wall']:,} wall) |")
    if result["steady_words_per_s_cpu"]:
        print(f"| end to end without start-up | {result['steady_words_per_s_cpu']:,} words/s CPU |")
    print(f"| peak RSS of the ingest process | {result['peak_rss_mib']} MiB |")
    if "rss_max_mib_by_tenth" in result:
        print(f"| highest RSS in each tenth of the run | {result['rss_max_mib_by_tenth']} MiB |")
        print(f"| the same, the process's own memory (RssAnon) | "
              f"{result['anon_max_mib_by_tenth']} MiB |")
    if "stages" in result:
        print(f"| spaCy tokenizer alone (ceiling) | {result['tokenizer_words_per_s_cpu']:,} "
              "words/s CPU |")
        print(f"| all stages in one process | {result['inprocess_words_per_s_cpu']:,} "
              "words/s CPU |")
        print("\n| step | CPU s | words/s (CPU) | share |\n|---|---|---|---|")
        for row in result["stages"]:
            share = "" if row["share"] is None else f"{row['share']:.0%}"
            speed = "" if row["share"] is None else f"{row['words_per_s_cpu']:,}"
            print(f"| {row['stage']} | {row['cpu_s']} | {speed} | {share} |")


if __name__ == "__main__":
    main()
