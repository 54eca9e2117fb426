"""``lagebild train triggers``: the event coder's learned trigger proposer.

Mount with ``app.command("triggers")(triggers)`` on the ``train`` app.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import typer

DEFAULT_NEWS = Path("../shared/data/news/10kgnad-test.csv")


def news_texts(path: Path, rows: str) -> list[str]:
    """Article texts of a 10kGNAD CSV (``label;'text'``), rows ``A:B`` in file order."""
    a, _, b = rows.partition(":")
    lo, hi = int(a or 0), int(b) if b else None
    csv.field_size_limit(sys.maxsize)
    texts: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter=";", quotechar="'"):
            if len(row) >= 2 and row[1].strip():
                texts.append(row[1])
    return texts[lo:hi]


def triggers(
    out: Path | None = typer.Option(None, "--out", help="write MODE.npz here (e.g. "
                                    "src/lagebild/models/triggers)"),
    mode: str = typer.Option("accurate", "--mode", help="accurate (+ the e5 teacher's word "
                             "vectors; the shipped model) or fast (hashed features only)"),
    gold: Path = typer.Option(Path("eval"), "--gold", help="folder of the tuning sets"),
    news: Path = typer.Option(DEFAULT_NEWS, "--news", help="unlabelled news (10kGNAD CSV)"),
    news_rows: str = typer.Option("600:850", "--news-rows", help="rows A:B of --news"),
    news_weight: float = typer.Option(0.5, "--news-weight", help="weight of a weak label "
                                      "(0: gold only)"),
    layers: str = typer.Option("11", "--layers", help="encoder layers of the vectors "
                               "(accurate; comma-separated, 0-11)"),
    threshold: float = typer.Option(0.9, "--threshold", help="least probability of a type"),
    require_kin: bool = typer.Option(False, "--require-kin/--any-type", help="propose only a "
                                     "type of a lexicon word the token is kin to"),
    average: int = typer.Option(3, "--average", help="fits with consecutive seeds whose "
                                "weights are averaged"),
    epochs: int = typer.Option(8, "--epochs"),
    lr: float = typer.Option(0.05, "--lr"),
    l2: float = typer.Option(1e-5, "--l2"),
    bits: int = typer.Option(15, "--bits", help="hashed feature buckets: 2**bits"),
    seed: int = typer.Option(0, "--seed"),
    cache: Path | None = typer.Option(None, "--cache", help="folder keeping the analysed sets "
                                      "(reused when present)"),
    cv: bool = typer.Option(False, "--cv", help="leave-one-set-out cross-validation first"),
    thresholds: str = typer.Option("0.4,0.5,0.6,0.7,0.8", "--thresholds",
                                   help="thresholds the cross-validation scores"),
) -> None:
    """Train the trigger proposer on the tuning sets' gold and the lexicon's weak labels on
    news; with --cv, print leave-one-set-out figures (never the held-out fifth fresh set):
    as the sets are, and as if each held-out set's words were new (the lexicon entries only
    its gold triggers use taken out)."""
    from lagebild.cli_support import usage_error

    if mode not in ("fast", "accurate"):
        usage_error(f"--mode must be fast or accurate, not {mode!r}")
    if mode == "accurate":
        from lagebild.cli_support import ensure_accurate

        ensure_accurate()
    from lagebild.eval.events import read_gold
    from lagebild.training import triggers as tr

    accurate = mode == "accurate"
    use_layers = tuple(int(x) for x in layers.split(",") if x.strip()) if accurate else ()
    missing = [n for n in tr.GOLD_SETS if not (gold / f"{n}.jsonl").is_file()]
    if missing:
        usage_error(f"--gold {gold} lacks {', '.join(missing)}")
    sets: dict[str, Any] = {}
    tag = mode + "".join(f"-{k}" for k in use_layers)
    for name in tr.GOLD_SETS:
        items = read_gold(gold / f"{name}.jsonl")
        sets[name] = (items, _analysed(cache, f"{tag}-{name}", items, accurate, use_layers))
    weak = tr.Examples()
    analysed: list[Any] = []
    if news_weight > 0:
        from lagebild.model import Article

        texts = news_texts(news, news_rows)
        arts = [Article(id=f"n{i}", text=t) for i, t in enumerate(texts)]
        analysed = _analysed(cache, f"{tag}-news-{news_rows}", arts, accurate, use_layers)
        weak = tr.weak_examples([a for a in analysed if a is not None], news_weight,
                                use_vectors=accurate)
    opts = tr.FitOptions(bits=bits, epochs=epochs, lr=lr, l2=l2, seed=seed,
                         threshold=threshold, use_vectors=accurate, layers=use_layers,
                         average=average)
    metrics: dict[str, Any] = {}
    if cv:
        ts = [float(x) for x in thresholds.split(",") if x.strip()]
        metrics = {"cv": tr.cross_validate(sets, weak, opts, ts, require_kin)}
        news_arts = [a for a in analysed if a is not None] if news_weight > 0 else []
        metrics["cv_unseen"] = tr.cross_validate_unseen(sets, news_arts, news_weight, opts, ts,
                                                        require_kin)
        typer.echo(tr.dump(metrics))
    if out is not None:
        data = tr.Examples()
        for items, arts in sets.values():
            data.extend(tr.gold_examples(items, arts, use_vectors=accurate))
        data.extend(weak)
        model = tr.fit(data, opts)
        summary = {"mode": mode, "news_rows": news_rows, "news_weight": news_weight,
                   "require_kin": require_kin,
                   "threshold": threshold, "average": average,
                   "cv_pooled": {k: v["pooled"] for k, v in metrics.items()}}
        tr.write_model(model, out / f"{mode}.npz", summary)
        typer.echo(json.dumps({"written": str(out / f"{mode}.npz"), "examples": len(data)}))


def _analysed(cache: Path | None, key: str, inputs: list[Any], accurate: bool,
              layers: tuple[int, ...]) -> list[Any]:
    from lagebild.training import triggers as tr

    path = cache / f"{key}.jsonl" if cache is not None else None
    if path is not None and path.is_file():
        return tr.load_articles(path)
    arts = tr.analyse(inputs, accurate, layers)
    if path is not None:
        tr.save_articles(arts, path)
    return arts
