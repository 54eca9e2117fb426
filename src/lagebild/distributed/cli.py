"""CLI: ``lagebild merge DIR`` and the ``--parquet DIR`` branch of ``lagebild ingest``.

Exit codes as in ``lagebild.cli``: 1 when some input or part failed (the rest was done),
2 for a usage error, 3 when the store cannot be opened.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from lagebild.cli_support import usage_error
from lagebild.ingest import Failure
from lagebild.settings import Options, default_db_path
from lagebild.store import Store, StoreError

EXIT_OK, EXIT_FAILED, EXIT_STORE = 0, 1, 3  # as in lagebild.cli

out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True)


def _progress(disable: bool) -> Progress:
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, disable=disable, transient=True)


def _table(title: str, rows: Sequence[tuple[str, object]]) -> None:
    table = Table(title=title, show_header=False)
    table.add_column(style="cyan")
    table.add_column(justify="right")
    for label, value in rows:
        table.add_row(label, str(value))
    out.print(table)


def _failure_lines(failures: Sequence[Failure]) -> None:
    for failure in failures:
        kind = "skipped" if failure.skipped else "failed"
        out.print(f"{kind}: {failure}", markup=False)


def ingest_parquet_cli(paths: list[str], directory: Path, options: Options,
                       stages: Sequence[str], workers: int, scheduler: str | None,
                       shard_size: int, as_json: bool, quiet: bool) -> None:
    """``lagebild ingest … --parquet DIR``: write Parquet shards, open no store; exits."""
    from lagebild.distributed.parquet_ingest import ingest_parquet

    if "-" in paths:
        raise usage_error("--parquet reads files, not stdin")
    progress = _progress(quiet or as_json)
    with progress:
        task = progress.add_task("shards", total=None)
        try:
            report = ingest_parquet(
                paths, directory, options, stages, workers=workers, scheduler=scheduler,
                shard_size=shard_size,
                on_plan=lambda n: progress.update(task, total=n),
                on_shard=lambda r: progress.update(task, advance=1,
                                                   description=Path(r.path).name[:40]))
        except OSError as exc:
            raise usage_error(f"--parquet {directory}: {exc.strerror or exc}") from exc
    if as_json:
        sys.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        _table("Ingest report (Parquet)", [
            ("files", report.files), ("shards", report.shards),
            ("shards already written", report.shards_already_done), ("read", report.read),
            ("articles written", report.articles), ("skipped", report.skipped),
            ("failed", report.failed)])
        _failure_lines(report.failures)
        out.print(f"Parquet in {directory}; load it with: lagebild merge {directory}",
                  markup=False)
    raise typer.Exit(EXIT_FAILED if report.failed else EXIT_OK)


def merge_cmd(
    directory: Annotated[Path, typer.Argument(help="Folder written by 'lagebild ingest "
                                              "--parquet DIR'.", metavar="DIR")],
    db: Annotated[Path | None, typer.Option(
        "--db", envvar="LAGEBILD_DB", show_default=False,
        help="SQLite store file (default: $LAGEBILD_DB or "
        "~/.local/share/lagebild/lagebild.db).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Load the Parquet shards of 'ingest --parquet' into the store; re-running never duplicates."""
    from lagebild.distributed.merge import merge_parquet
    from lagebild.distributed.parquet import shard_ids

    if not (directory / "articles").is_dir():
        raise usage_error(f"{directory} holds no articles/ folder (write it with "
                          "'lagebild ingest … --parquet DIR')")
    path = db or default_db_path()
    try:
        store = Store(path)
    except (StoreError, OSError, sqlite3.DatabaseError) as exc:
        err.print(f"[red]error:[/] cannot open store {escape(str(path))}: {escape(str(exc))}")
        raise typer.Exit(EXIT_STORE) from exc
    progress = _progress(quiet or as_json)
    with store, progress:
        task = progress.add_task("merge", total=len(shard_ids(directory)))
        report = merge_parquet(directory, store,
                               on_shard=lambda sid: progress.update(task, advance=1))
        stats = store.stats()
    items = report.items
    if as_json:
        sys.stdout.write(json.dumps({**report.as_dict(), "store": stats}, ensure_ascii=False,
                                    indent=2) + "\n")
    else:
        _table("Merge report", [
            ("shards", report.shards), ("shards already merged", report.shards_already_merged),
            ("parts not merged", len(report.errors)), ("read", items.read),
            ("stored", items.stored), ("  of which near-duplicates", items.near_duplicates),
            ("duplicates", items.duplicates), ("already stored", items.unchanged),
            ("skipped", items.skipped), ("failed", items.failed)])
        _failure_lines(report.errors + items.failures)
        out.print(f"store {stats['path']}: {stats['articles']} articles, {stats['failed']} "
                  f"failed", markup=False)
    raise typer.Exit(EXIT_FAILED if report.errors or items.failed else EXIT_OK)
