"""CLI: ``lagebild relations A [B]``, how the relation of two actors moved over time.

Exit codes as in ``lagebild.cli``: 2 for a bad option value, 3 when the store cannot be
opened, 4 for an actor not in the store or a name several actors share ([E020]/[E021], with
the candidates).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from lagebild.actors.kb import load_kb
from lagebild.cli_support import usage_error
from lagebild.errors import ErrorCode
from lagebild.store.actor_index import actor_index, resolve_in_store
from lagebild.store.cli import (
    DbOption,
    FromOption,
    JsonOption,
    ToOption,
    _dates,
    _emit_json,
    _line,
    _open,
    err,
)
from lagebild.store.relations import PERIODS, counterparts, members, relation_series

EXIT_NOT_FOUND = 4


def _resolve(conn: sqlite3.Connection, name: str) -> str:
    """An actor id for ``name`` (id, CAMEO code, name or alias); exit 4 with candidates."""
    found = resolve_in_store(conn, name)
    if found.id is not None:
        return found.id
    # the actor KB knows names no mention of the store carries (an event actor linked by
    # role: "der US-Außenminister" → Kerry); only actors with events count
    in_store = [a.id for a in load_kb().find(name)
                if conn.execute("SELECT 1 FROM cluster_actors WHERE actor_id = ? LIMIT 1",
                                (a.id,)).fetchone()]
    if len(in_store) == 1:
        return in_store[0]
    listed = ", ".join(f"{c.name} ({c.id})" for c in found.candidates)
    if len(found.candidates) > 1:
        message = ErrorCode.E021.format(name=name, candidates=listed)
    else:
        hint = f"; did you mean: {listed}" if listed else ""
        message = ErrorCode.E020.format(name=name, hint=hint)
    err.print(f"[red]error:[/] {escape(message)}")
    raise typer.Exit(EXIT_NOT_FOUND)


def relations_cmd(
    actor_a: Annotated[str, typer.Argument(
        metavar="A", help="Actor: id, CAMEO code, name or alias (USA, RUS, Kerry, Russland).")],
    actor_b: Annotated[str | None, typer.Argument(
        metavar="[B]", help="Second actor; without it, A's top counterparts are listed.")] = None,
    by: Annotated[str, typer.Option("--by", help="Period: day, week, month or year.")] = "month",
    date_from: FromOption = None,
    date_to: ToOption = None,
    directed: Annotated[bool, typer.Option(
        "--directed", help="Only events from A to B (default: both directions).")] = False,
    limit: Annotated[int, typer.Option(
        "--limit", min=1, max=1000, help="Counterparts listed without B.")] = 10,
    as_json: JsonOption = False,
    plot: Annotated[Path | None, typer.Option(
        "--plot", help="Also write the chart as a PNG to FILE (needs B).")] = None,
    db: DbOption = None,
) -> None:
    """Events between A and B per period (deduplicated: one event, however many reports):
    counts per QuadClass, Goldstein sum and mean, top event types, articles, sources."""
    if by not in PERIODS:
        raise usage_error(f"--by: {by!r} is not one of {', '.join(PERIODS)}")
    if plot is not None and actor_b is None:
        raise usage_error("--plot needs a second actor B")
    _dates(date_from, date_to)
    with _open(db) as store:
        conn = store.conn
        a = _resolve(conn, actor_a)
        index = actor_index(conn)
        a_members = members(conn, a)
        if actor_b is None:
            rows = counterparts(conn, a_members, date_from=date_from, date_to=date_to,
                                limit=limit)
            for row in rows:
                row["name"] = index.name_of(row["id"])
            result: dict[str, Any] = {"a": index.brief(a), "a_members": a_members,
                                      "counterparts": rows}
        else:
            b = _resolve(conn, actor_b)
            b_members = members(conn, b)
            series = relation_series(conn, a_members, b_members, by=by, directed=directed,
                                     date_from=date_from, date_to=date_to)
            result = {"a": index.brief(a), "b": index.brief(b), "by": by,
                      "directed": directed, "a_members": a_members, "b_members": b_members,
                      "events": sum(p["events"] for p in series), "periods": series}
    if as_json:
        _emit_json(result)
    elif actor_b is None:
        _print_counterparts(result)
    else:
        _print_series(result)
    if plot is not None and actor_b is not None:
        from lagebild.store.relation_chart import plot_relation

        per = {"day": "Tag", "week": "Woche", "month": "Monat", "year": "Jahr"}[by]
        title = f"{result['a']['name']} – {result['b']['name']}: Ereignisse pro {per}"
        plot_relation(result["periods"], title, plot)
        err.print(f"wrote {escape(str(plot))}")


def _print_counterparts(result: dict[str, Any]) -> None:
    _line(f"{result['a']['name']} ({result['a']['id']}): top counterparts by events")
    for row in result["counterparts"]:
        mean = row["goldstein_mean"]
        _line(f"  {row['events']:5d}  {row['name']} ({row['id']})  Q1-4 {row['q1']}/{row['q2']}/"
              f"{row['q3']}/{row['q4']}  Goldstein {mean if mean is not None else '–'}")


def _print_series(result: dict[str, Any]) -> None:
    _line(f"{result['a']['name']} ↔ {result['b']['name']}: {result['events']} events"
          + (" (A → B only)" if result["directed"] else ""))
    _line("period      events  A→B  B→A  Q1  Q2  Q3  Q4  Goldstein  articles sources  types")
    for p in result["periods"]:
        mean = p["goldstein_mean"]
        types = ", ".join(f"{t['type']} {t['events']}" for t in p["top_types"])
        _line(f"{p['period']:<10} {p['events']:7d} {p['a_to_b']:4d} {p['b_to_a']:4d} "
              f"{p['q1']:3d} {p['q2']:3d} {p['q3']:3d} {p['q4']:3d} "
              f"{mean if mean is not None else '–':>10} {p['articles']:8d} {p['sources']:7d}  "
              f"{types}")
        for ex in p["examples"]:
            text = " ".join(str(ex.get("text", "")).split())
            _line(f"    {ex['day']} {ex['type']}: {text[:160]}")
