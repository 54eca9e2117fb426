"""``lagebild train quotes``: the typer command that fine-tunes the quotation-role tagger.

Mount with ``app.command("quotes")(quotes)`` on the ``train`` app; torch is imported inside.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

DEFAULT_DATA = Path("../shared/data")


def quotes(
    data: Path = typer.Option(DEFAULT_DATA, "--data", help="the shared data folder"),
    out: Path = typer.Option(Path("quotes-output"), "--out", help="output folder"),
    layers: int = typer.Option(0, "--layers", help="trainable top transformer layers (of 12)"),
    epochs: int = typer.Option(10, "--epochs"),
    dropout: float = typer.Option(0.1, "--dropout", help="dropout before the head"),
    lr: float = typer.Option(1e-4, "--lr", help="learning rate of the encoder layers"),
    head_lr: float = typer.Option(3e-3, "--head-lr"),
    head: str = typer.Option("conv", "--head", help="conv (dilated convolutions) or linear"),
    encoder_layers: int = typer.Option(8, "--encoder-layers", help="bottom layers to run (0: all)"),
    cache: Path | None = typer.Option(None, "--cache", help="file for the frozen states"),
    batch_tokens: int = typer.Option(2048, "--batch-tokens", help="padded pieces per batch"),
    max_minutes: float = typer.Option(30.0, "--max-minutes", help="stop training after this"),
    val_docs: int = typer.Option(
        50, "--val-docs", help="train documents held out for selection (0: train on all, keep "
        "the last epoch)"
    ),
    window: int = typer.Option(510, "--window", help="pieces per window (at most 510)"),
    seed: int = typer.Option(0, "--seed"),
    threads: int = typer.Option(2, "--threads", help="torch CPU threads"),
    limit: int = typer.Option(0, "--limit", help="smoke test: number of train documents"),
    spkatt: bool = typer.Option(
        False, "--spkatt", help="also train on the SpkAtt 2023 debates (train split)"
    ),
    storage: str = typer.Option(
        "int8-delta", "--storage", help="weights file: int8-delta (compact) or fp16"
    ),
    init_model: Path | None = typer.Option(
        None, "--init-model", help="continue training this quotation model (e.g. the shipped one)"
    ),
    base: Path | None = typer.Option(
        None, "--base", help="the NER teacher whose layers fine-tuning starts from (default: "
        "the shipped one)"
    ),
) -> None:
    """Fine-tune quotation-role tagging (Wikinews quotations); best epoch in OUT/model-best.

    A re-run of the same command resumes from OUT/checkpoint.pt after its last epoch."""
    from lagebild.cli_support import check_storage, ensure_accurate

    ensure_accurate()
    check_storage(storage)
    from lagebild.training.cli import require_training_data
    from lagebild.training.quotes import SPKATT, WIKINEWS

    needed = [str(WIKINEWS / "train"), str(WIKINEWS / "dev")]
    require_training_data(data, folders=needed + ([str(SPKATT / "train" / "task1")] if spkatt
                                                  else []))
    from lagebild.entities.teacher import DEFAULT_TEACHER
    from lagebild.training.quotes import QuoteOptions, train_quotes

    opts = QuoteOptions(
        data=data,
        out=out,
        layers=layers,
        epochs=epochs,
        lr=lr,
        head_lr=head_lr,
        dropout=dropout,
        head=head,
        encoder_layers=encoder_layers,
        cache=cache,
        batch_tokens=batch_tokens,
        max_minutes=max_minutes,
        val_docs=val_docs,
        window=window,
        seed=seed,
        threads=threads,
        limit=limit,
        spkatt=spkatt,
        storage=storage,
        init_model=init_model,
        base=base or DEFAULT_TEACHER,
    )
    result = train_quotes(opts)
    typer.echo(json.dumps({k: v for k, v in result.items() if k != "history"}))
    typer.echo(f"best quotation tagger: {out / 'model-best'}")
