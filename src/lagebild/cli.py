"""The ``lagebild`` command: a thin layer over ``lagebild.pipeline`` and ``lagebild.store``.

Exit codes: 0 success · 1 some inputs failed (the rest was processed) · 2 usage error ·
3 store error · 4 not found.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from lagebild import __version__
from lagebild import stages as stages_registry
from lagebild.cache import batch_gc
from lagebild.cli_exit import Program, allow_quick_exit, running_as_program
from lagebild.cli_support import checked_stages
from lagebild.ingest import Failure
from lagebild.ingest.dates import normalise_date
from lagebild.model import Article
from lagebild.pipeline import IngestReport, analyze, ingest
from lagebild.settings import Options, default_db_path
from lagebild.store import Store, StoreError

EXIT_OK, EXIT_INPUT_FAILED, EXIT_USAGE, EXIT_STORE, EXIT_NOT_FOUND = 0, 1, 2, 3, 4

app = Program(  # a typer.Typer that may end its process quickly (lagebild/cli_exit.py)
    name="lagebild",
    help="Read German news; find actors, statements and events, each linked to its evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True)

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar="LAGEBILD_DB",
        help="SQLite store file [default: $LAGEBILD_DB or ~/.local/share/lagebild/lagebild.db]",
        show_default=False,
    ),
]
StructureOnly = Annotated[
    bool,
    typer.Option("--structure-only", help="Only recover article structure; skip NLP stages."),
]
Accurate = Annotated[
    bool,
    typer.Option(
        "--accurate",
        help="Entities from the transformer teacher (slower, more accurate; needs the "
        "'accurate' extra).",
    ),
]


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"


def _version(value: bool) -> None:
    if value:
        out.print(f"lagebild {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show version.")
    ] = False,
) -> None:
    """Lagebild: German news in, actors, statements and events out."""


def _open_store(db: Path | None, readonly: bool = False) -> Store:
    try:
        return Store(db or default_db_path(), readonly=readonly)
    except (StoreError, OSError) as exc:
        err.print(f"[red]error:[/] cannot open store: {escape(str(exc))}")
        raise typer.Exit(EXIT_STORE) from exc
    except Exception as exc:  # sqlite3.DatabaseError: not a database, locked …
        err.print(f"[red]error:[/] cannot open store {db or default_db_path()}: {escape(str(exc))}")
        raise typer.Exit(EXIT_STORE) from exc


def _stages(structure_only: bool, accurate: bool = False) -> tuple[str, ...]:
    return checked_stages(structure_only, accurate)


def _options(published: str | None = None) -> Options:
    if published is not None and normalise_date(published) is None:
        err.print(f"[red]error:[/] --published: cannot read date {published!r} (use YYYY-MM-DD)")
        raise typer.Exit(EXIT_USAGE)
    return Options(published=published)


def _failure_line(failure: Failure) -> str:
    kind = "skipped" if failure.skipped else "failed"
    return f"{kind}: {failure}"


# -- analyze ------------------------------------------------------------------------------
@app.command("analyze")
def analyze_cmd(
    files: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    published: Annotated[
        str | None, typer.Option(help="Publication date for inputs that carry none (YYYY-MM-DD).")
    ] = None,
    structure_only: StructureOnly = False,
    accurate: Accurate = False,
) -> None:
    """Print the full analysis of each article (no store needed)."""
    if running_as_program():  # a process-wide setting: not for a test calling the app
        batch_gc()
    failed = False
    collected: list[dict[str, object]] = []
    for item in analyze(files, _options(published), _stages(structure_only, accurate)):
        if isinstance(item, Failure):
            err.print(_failure_line(item), markup=False, highlight=False)
            failed = failed or not item.skipped
            if fmt is Format.jsonl:
                out.print(json.dumps(_failure_json(item), ensure_ascii=False), markup=False,
                          highlight=False)
            continue
        if fmt is Format.jsonl:
            out.print(item.to_json(), markup=False, highlight=False, soft_wrap=True)
        elif fmt is Format.json:
            collected.append(item.model_dump(mode="json"))
        else:
            _print_article(item)
    if fmt is Format.json:
        payload: object = collected[0] if len(collected) == 1 else collected
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    allow_quick_exit()  # all written: no need to free the loaded pipeline object by object
    raise typer.Exit(EXIT_INPUT_FAILED if failed else EXIT_OK)


def _failure_json(failure: Failure) -> dict[str, object]:
    return {
        "origin": str(failure.origin),
        "error": {"code": failure.code.name, "message": failure.message,
                  "skipped": failure.skipped},
    }


def _print_article(article: Article) -> None:
    from lagebild.article_text import analysis_sections, structure_rows

    out.rule(f"[bold]{escape(article.title or article.id)}")
    table = Table.grid(padding=(0, 2))
    table.add_column(style="cyan")
    table.add_column()
    for label, value in structure_rows(article):
        table.add_row(label, Text(value))
    out.print(table)
    for title, lines in analysis_sections(article):
        out.print(f"[bold cyan]{title}[/]")
        for line in lines:
            out.print(Text(f"  {line}"), soft_wrap=True)


# -- ingest -------------------------------------------------------------------------------
@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")],
    db: DbOption = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date for inputs that carry none.")
    ] = None,
    structure_only: StructureOnly = False,
    accurate: Accurate = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    workers: Annotated[
        int, typer.Option(min=1, help="Analyse on N local Dask worker processes (1 = in-process).")
    ] = 1,
    scheduler: Annotated[
        str | None, typer.Option(help="Address of a running Dask scheduler (tcp://host:8786).")
    ] = None,
    shard_size: Annotated[
        int, typer.Option(min=1, help="With --workers/--scheduler: split JSONL, CSV and WARC "
                          "files into tasks of about this many MiB.")
    ] = 64,
    parquet: Annotated[
        Path | None, typer.Option(help="Write Parquet shards to DIR instead of the store "
                                  "(load them with 'lagebild merge DIR').", metavar="DIR")
    ] = None,
) -> None:
    """Read, analyse and store articles; re-running never duplicates and resumes."""
    if running_as_program():
        batch_gc()
    options = _options(published)
    stages = _stages(structure_only, accurate)
    if parquet is not None:
        from lagebild.distributed.cli import ingest_parquet_cli

        ingest_parquet_cli(paths, parquet, options, stages, workers, scheduler,
                           shard_size << 20, as_json, quiet)
    from rich.progress import (  # here: `analyze` has no progress bar (≈ 0.01 s per start)
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    store = _open_store(db)
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[items]} articles"),
        TimeElapsedColumn(),
        console=err,
        disable=quiet or as_json,
        transient=True,
    )
    with store, progress:
        task = progress.add_task("ingest", total=None, items=0)
        counter = {"items": 0}

        def on_file(name: str) -> None:
            progress.update(task, description=Path(name).name[:40], advance=1)

        def on_item(_item: object) -> None:
            counter["items"] += 1
            if counter["items"] % 10 == 0:
                progress.update(task, items=counter["items"])

        if workers > 1 or scheduler:
            from lagebild.distributed import ingest_distributed

            report = ingest_distributed(paths, store, options, stages,
                                        workers=workers, scheduler=scheduler, on_file=on_file,
                                        shard_size=shard_size << 20)
        else:
            report = ingest(paths, store, options, stages, on_file=on_file, on_item=on_item)
        stats = store.stats()
    if as_json:
        sys.stdout.write(json.dumps({**report.as_dict(), "store": stats}, ensure_ascii=False,
                                    indent=2) + "\n")
    else:
        _print_report(report, stats)
    allow_quick_exit()  # store closed, report written
    raise typer.Exit(EXIT_INPUT_FAILED if report.failed else EXIT_OK)


def _print_report(report: IngestReport, stats: dict[str, object]) -> None:
    table = Table(title="Ingest report", show_header=False)
    table.add_column(style="cyan")
    table.add_column(justify="right")
    for label, value in (
        ("files", report.files),
        ("files already ingested", report.files_already_done),
        ("read", report.read),
        ("stored", report.stored),
        ("  of which near-duplicates", report.near_duplicates),
        ("duplicates", report.duplicates),
        ("already stored", report.unchanged),
        ("skipped", report.skipped),
        ("failed", report.failed),
    ):
        table.add_row(label, str(value))
    out.print(table)
    for failure in report.failures:
        out.print(_failure_line(failure), markup=False, highlight=False)
    out.print(
        f"store {stats['path']}: {stats['articles']} articles, {stats['failed']} failed, "
        f"{stats['duplicates']} duplicates, {stats['near_duplicates']} near-duplicates",
        markup=False,
        highlight=False,
    )


# -- search / show / stats ------------------------------------------------------------------
@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help="Words that must all occur.")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 20,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Full-text search over stored articles."""
    with _open_store(db, readonly=True) as store:
        hits = store.search(query, limit=limit)
    if as_json:
        rows = [h.__dict__ for h in hits]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if not hits:
        err.print("no matches")
        return
    table = Table("id", "published", "title", "snippet")
    for hit in hits:
        table.add_row(hit.id, hit.published or "", hit.title or "", hit.snippet)
    out.print(table)


@app.command("show")
def show_cmd(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="Article id (or prefix).")],
    db: DbOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
) -> None:
    """Show one stored article."""
    with _open_store(db, readonly=True) as store:
        article = store.get(article_id)
    if article is None:
        err.print(f"[red]error:[/] no article {article_id!r}")
        raise typer.Exit(EXIT_NOT_FOUND)
    if fmt is Format.text:
        _print_article(article)
    else:
        sys.stdout.write(article.model_dump_json(indent=2 if fmt is Format.json else None) + "\n")


@app.command("stats")
def stats_cmd(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Counts of the store: articles, failures, duplicates …"""
    with _open_store(db, readonly=True) as store:
        stats = store.stats()
    if as_json:
        sys.stdout.write(json.dumps(stats, ensure_ascii=False) + "\n")
        return
    table = Table(show_header=False, title="Store")
    for key, value in stats.items():
        table.add_row(key, str(value))
    out.print(table)


@app.command("failures")
def failures_cmd(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1)] = 100,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Inputs that failed or were skipped, with their reasons."""
    with _open_store(db, readonly=True) as store:
        rows = store.failures(limit)
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    for row in rows:
        out.print(f"{row['origin']}: {row['message']}", markup=False, highlight=False)


# -- stages and schema ---------------------------------------------------------------------
@app.command("stages")
def stages_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """List every analysis stage: what it requires and assigns, its modes, whether it can run."""
    rows = stages_registry.describe()
    if as_json:
        payload = {"modes": {k: list(v) for k, v in stages_registry.MODES.items()},
                   "stages": rows}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title="Analysis stages")
    for column in ("stage", "requires", "assigns", "modes", "extra", "available"):
        table.add_column(column)
    for row in rows:
        available = "yes" if row["available"] else f"no: {row['reason']}"
        table.add_row(str(row["name"]), ", ".join(row["requires"]),  # type: ignore[arg-type]
                      ", ".join(row["assigns"]), ", ".join(row["modes"]),  # type: ignore[arg-type]
                      str(row["extra"] or ""), escape(available))
    out.print(table)


@app.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of the document model (``Article`` and its layers)."""
    from lagebild.model import article_json_schema

    sys.stdout.write(json.dumps(article_json_schema(), ensure_ascii=False, indent=2) + "\n")


# --- sub-commands (mounted from their packages) ---
# Each mount function imports its package's command module only when the command tree is
# needed (``lagebild --help``, a group) or its command is run: ``analyze`` and ``ingest`` do
# not pay for the others' imports (lagebild/cli_lazy.py). Names: what the function mounts.
def _mount_serve() -> None:
    from lagebild.api.cli import serve

    app.command("serve")(serve)


def _mount_actors() -> None:
    from lagebild.actors.cli import actor_cmd, actors_cmd, kb_app

    app.add_typer(kb_app, name="kb")
    app.command("actors")(actors_cmd)
    app.command("actor")(actor_cmd)


def _mount_store() -> None:
    from lagebild.store.cli import events_cmd, export_cmd, quotes_cmd

    app.command("quotes")(quotes_cmd)
    app.command("events")(events_cmd)
    app.command("export")(export_cmd)


def _mount_merge() -> None:
    from lagebild.distributed.cli import merge_cmd

    app.command("merge")(merge_cmd)


def _mount_brief() -> None:
    from lagebild.brief.cli import brief_cmd

    app.command("brief")(brief_cmd)


def _mount_relations() -> None:
    from lagebild.store.relations_cli import relations_cmd

    app.command("relations")(relations_cmd)


def _mount_eval() -> None:
    from lagebild.actors.evaluate import linking
    from lagebild.eval.cli import app as eval_app
    from lagebild.eval.coref import coref
    from lagebild.eval.quotes import quotes

    eval_app.command("linking")(linking)
    eval_app.command("coref")(coref)
    eval_app.command("quotes")(quotes)
    app.add_typer(eval_app, name="eval")


def _mount_train() -> None:
    from lagebild.training.cli import app as train_app
    from lagebild.training.event_confidence import event_confidence
    from lagebild.training.quotes_cli import quotes
    from lagebild.training.teacher_cli import teacher
    from lagebild.training.topic import topic

    train_app.command("teacher")(teacher)
    train_app.command("topic")(topic)
    train_app.command("quotes")(quotes)
    train_app.command("event-confidence")(event_confidence)
    app.add_typer(train_app, name="train")


app.defer(["serve"], _mount_serve)
app.defer(["kb", "actors", "actor"], _mount_actors)
app.defer(["quotes", "events", "export"], _mount_store)
app.defer(["merge"], _mount_merge)
app.defer(["brief"], _mount_brief)
app.defer(["relations"], _mount_relations)
app.defer(["eval"], _mount_eval)
app.defer(["train"], _mount_train)
# --- end sub-commands ---


if __name__ == "__main__":
    app()
