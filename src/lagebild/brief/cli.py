"""CLI: ``lagebild brief PERIOD`` — the situation report of a store for a period.

Exit codes as in ``lagebild.cli``: 2 for a period that cannot be read (E025–E027), 3 when the
store cannot be opened, 4 for an ``--actor`` not in the store (E028).
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from lagebild.brief.collect import Limits, build_brief
from lagebild.brief.links import DEFAULT_BASE
from lagebild.brief.model import Brief
from lagebild.brief.period import Period, PeriodError, period_from_options
from lagebild.cli_support import usage_error
from lagebild.errors import ErrorCode
from lagebild.settings import default_db_path
from lagebild.store.actor_index import resolve_in_store
from lagebild.store.db import Store, StoreError

EXIT_STORE, EXIT_NOT_FOUND = 3, 4  # as in lagebild.cli
err = Console(stderr=True)


class BriefFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"


def newest_date(conn: sqlite3.Connection) -> date | None:
    """The newest publication day in the store (``last 7 days`` counts back from it)."""
    row = conn.execute("SELECT MAX(published) FROM articles").fetchone()
    try:
        return date.fromisoformat(str(row[0])[:10]) if row and row[0] else None
    except ValueError:
        return None


def resolve_actors(conn: sqlite3.Connection, names: list[str]) -> list[str]:
    """Actor ids for names, aliases or ids; LookupError (E028) naming close candidates."""
    ids: list[str] = []
    for name in names:
        found = resolve_in_store(conn, name)
        if found.id is None:
            hint = ("; did you mean: " + ", ".join(f"{c.name} ({c.id})" for c in
                                                   found.candidates)) if found.candidates else ""
            raise LookupError(ErrorCode.E028.format(name=name, hint=hint))
        ids.append(found.id)
    return ids


def render(brief: Brief, fmt: str, base: str) -> str:
    if fmt == BriefFormat.json:
        return json.dumps(brief.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    if fmt == BriefFormat.html:
        from lagebild.brief.render_html import render_html

        return render_html(brief, base=base)
    from lagebild.brief.render_md import render_markdown

    return render_markdown(brief, base=base)


def _write(path: Path, text: str) -> None:
    """Whole or not at all: a temporary file next to the target, then renamed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def brief_cmd(
    period: Annotated[str | None, typer.Argument(
        help="2015-09, 2015-W38, 2015-09-18, 2015-09-01..2015-09-30 or 'last 7 days'.",
        show_default=False)] = None,
    date_from: Annotated[str | None, typer.Option(
        "--from", help="First day (YYYY-MM-DD), with --to.")] = None,
    date_to: Annotated[str | None, typer.Option(
        "--to", help="Last day, inclusive (YYYY-MM-DD).")] = None,
    day: Annotated[str | None, typer.Option("--day", help="One day (YYYY-MM-DD).")] = None,
    week: Annotated[str | None, typer.Option("--week", help="ISO week (YYYY-Www).")] = None,
    month: Annotated[str | None, typer.Option("--month", help="A month (YYYY-MM).")] = None,
    actor: Annotated[list[str] | None, typer.Option(
        "--actor", help="About this actor (id, name or alias) and its counterparts; "
        "repeatable.")] = None,
    fmt: Annotated[BriefFormat, typer.Option(
        "--format", help="md (Markdown), html (one self-contained file) or json.")
    ] = BriefFormat.md,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Write to this file (default: standard output).")] = None,
    base: Annotated[str, typer.Option(
        "--base", help="Dashboard address for the evidence links.")] = DEFAULT_BASE,
    limit: Annotated[int, typer.Option(
        "--limit", min=1, max=100, help="Events per QuadClass.")] = 8,
    db: Annotated[Path | None, typer.Option(
        "--db", envvar="LAGEBILD_DB", show_default=False,
        help="SQLite store file [default: $LAGEBILD_DB or ~/.local/share/lagebild/…]")] = None,
) -> None:
    """The situation report of a period: the most important events (ranked, with why), who
    said what, which relations changed against the period before, newly prominent actors and
    the network — every item with its evidence (article id and offsets)."""
    path = db or default_db_path()
    try:
        store = Store(path, readonly=True)
    except (StoreError, OSError, sqlite3.DatabaseError) as exc:
        err.print(f"[red]error:[/] cannot open store {escape(str(path))}: {escape(str(exc))}")
        raise typer.Exit(EXIT_STORE) from exc
    with store:
        conn = store.conn
        try:
            chosen: Period = period_from_options(
                period, date_from=date_from, date_to=date_to, day=day, week=week, month=month,
                newest=newest_date(conn))
        except PeriodError as exc:
            raise usage_error(str(exc)) from exc
        try:
            ids = resolve_actors(conn, actor or [])
        except LookupError as exc:
            err.print(f"[red]error:[/] {escape(str(exc.args[0]))}")
            raise typer.Exit(EXIT_NOT_FOUND) from exc
        brief = build_brief(conn, chosen, actors=ids, limits=Limits(events_per_class=limit),
                            base=base if fmt != BriefFormat.json else "")
    text = render(brief, fmt, base)
    if out is None:
        typer.echo(text, nl=False)
    else:
        _write(out, text)
        err.print(f"brief {chosen.label} written to {escape(str(out))}", highlight=False)
