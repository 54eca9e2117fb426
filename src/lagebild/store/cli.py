"""CLI: ``lagebild quotes`` and ``lagebild events``, the statement and event listings of a store.

Actor options take an actor id, name or alias (``store.actor_index.resolve_actor``). Exit codes
as in ``lagebild.cli``: 2 for a bad option value (with the allowed values), 3 when the store
cannot be opened, 4 for an actor not in the store (with close candidates, if any).
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from lagebild.cli_support import usage_error
from lagebild.model import Modality, Mode, PloverType, StatementType
from lagebild.settings import default_db_path
from lagebild.store.actor_index import resolve_in_store
from lagebild.store.db import Store, StoreError
from lagebild.store.events import list_events
from lagebild.store.filters import is_date
from lagebild.store.statements import list_statements

EXIT_STORE, EXIT_NOT_FOUND = 3, 4  # as in lagebild.cli

out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True)
T = TypeVar("T")

DbOption = Annotated[
    Path | None,
    typer.Option("--db", envvar="LAGEBILD_DB", show_default=False,
                 help="SQLite store file [default: $LAGEBILD_DB or ~/.local/share/lagebild/…]"),
]
FromOption = Annotated[str | None, typer.Option(
    "--from", help="Earliest date, inclusive (YYYY, YYYY-MM or YYYY-MM-DD).")]
ToOption = Annotated[str | None, typer.Option(
    "--to", help="Latest date, inclusive (YYYY, YYYY-MM or YYYY-MM-DD).")]
LimitOption = Annotated[int, typer.Option("--limit", min=1, max=10_000, help="At most N rows.")]
JsonOption = Annotated[bool, typer.Option(
    "--json", help="Print the page as JSON: {total, limit, offset, items}.")]


def _open(db: Path | None) -> Store:
    path = db or default_db_path()
    try:
        return Store(path, readonly=True)
    except (StoreError, OSError, sqlite3.DatabaseError) as exc:
        err.print(f"[red]error:[/] cannot open store {escape(str(path))}: {escape(str(exc))}")
        raise typer.Exit(EXIT_STORE) from exc


def _parse(option: str, value: str | None, parse: Callable[[str], T]) -> T | None:
    """An option value through its enum parser; exit 2 with the parser's message (which
    lists the allowed values) when it is not one."""
    if value is None:
        return None
    try:
        return parse(value)
    except ValueError as exc:
        raise usage_error(f"{option}: {exc}") from exc


def _mode(value: str) -> Mode:
    try:
        return Mode(value.strip().lower())
    except ValueError:
        raise ValueError(f"unknown mode {value!r}; one of "
                         f"{', '.join(m.value for m in Mode)}") from None


def _dates(date_from: str | None, date_to: str | None) -> None:
    for option, value in (("--from", date_from), ("--to", date_to)):
        if value is not None and not is_date(value):
            raise usage_error(f"{option}: cannot read date {value!r} (use YYYY, YYYY-MM or "
                              "YYYY-MM-DD)")


def _actor(conn: sqlite3.Connection, option: str, name: str | None) -> str | None:
    """The actor id named by an option; exit 4 naming close candidates when there is none."""
    if name is None:
        return None
    found = resolve_in_store(conn, name)
    if found.id is not None:
        return found.id
    message = f"{option}: no actor {name!r} in the store"
    if found.candidates:
        message += "; did you mean: " + ", ".join(f"{c.name} ({c.id})" for c in found.candidates)
    err.print(f"[red]error:[/] {escape(message)}")
    raise typer.Exit(EXIT_NOT_FOUND)


def _emit_json(result: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")


def _footer(result: dict[str, Any], what: str) -> None:
    shown, total = len(result["items"]), result["total"]
    more = " (--limit for more)" if shown < total else ""
    err.print(f"{shown} of {total} {what}{more}", markup=False, highlight=False)


def _line(text: str) -> None:
    out.print(text, markup=False)


def quotes_cmd(
    speaker: Annotated[str | None, typer.Option(
        "--speaker", help="Said by this actor (id, name or alias).")] = None,
    about: Annotated[str | None, typer.Option(
        "--about", help="Mentioning this actor (id, name or alias) inside the statement.")
    ] = None,
    kind: Annotated[str | None, typer.Option(
        "--type", help="Statement type, any case: "
        + ", ".join(t.value for t in StatementType) + ".")] = None,
    mode: Annotated[str | None, typer.Option(
        "--mode", help="Analysis mode: fast or accurate.")] = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Statements in the store (newest first): speaker, type, cue, quote, date, article."""
    statement_type = _parse("--type", kind, StatementType.parse)
    analysis_mode = _parse("--mode", mode, _mode)
    _dates(date_from, date_to)
    with _open(db) as store:
        result = list_statements(
            store.conn, speaker=_actor(store.conn, "--speaker", speaker),
            about=_actor(store.conn, "--about", about),
            kind=statement_type.value if statement_type else None,
            mode=analysis_mode.value if analysis_mode else None,
            date_from=date_from, date_to=date_to, limit=limit,
        )
    if as_json:
        _emit_json(result)
        return
    for item in result["items"]:
        speaker_text = item["speaker"] or "(no speaker)"
        if item["speaker_actor_id"]:
            speaker_text += f" ({item['speaker_actor_id']})"
        cue = f" · {item['cue']}" if item["cue"] else ""
        _line(f"{item['published'] or '?'}  {item['article_id']}  {item['type']}{cue}")
        _line(f"  {speaker_text}: {item['text']}")
    _footer(result, "statements")


def events_cmd(
    actor: Annotated[str | None, typer.Option(
        "--actor", help="With this actor (id, name or alias) as source or target.")] = None,
    kind: Annotated[str | None, typer.Option(
        "--type", help="PLOVER type, any case (e.g. consult), or a CAMEO code prefix (04).")
    ] = None,
    modality: Annotated[str | None, typer.Option(
        "--modality", help="One of " + ", ".join(m.value for m in Modality) + ".")] = None,
    min_confidence: Annotated[float | None, typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Only events at least this likely to be right (0–1; the stage keeps ≥ 0.25).")
    ] = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Events in the store (newest first): type, source → target, trigger, modality, date,
    article and the sentence that is their evidence."""
    code = kind.strip() if kind and kind.strip()[:1].isdigit() else None
    if code is not None and not code.isdigit():
        raise usage_error(f"--type: a CAMEO code is digits only, not {kind!r}")
    plover = _parse("--type", kind if code is None else None, PloverType.parse)
    event_modality = _parse("--modality", modality, Modality.parse)
    _dates(date_from, date_to)
    with _open(db) as store:
        result = list_events(
            store.conn, actor=_actor(store.conn, "--actor", actor), code=code,
            plover=plover.value if plover else None,
            modality=event_modality.value if event_modality else None,
            min_confidence=min_confidence, date_from=date_from, date_to=date_to, limit=limit,
        )
    if as_json:
        _emit_json(result)
        return
    for item in result["items"]:
        date = item["date"] or item["published"] or "?"
        code_text = f" {item['code']}" if item["code"] else ""
        conf = f"  p={item['confidence']:.2f}" if item["confidence"] is not None else ""
        _line(f"{date}  {item['article_id']}  {item['plover']}{code_text}  {item['modality']}"
              f"{conf}")
        trigger = f"  [{item['trigger']}]" if item["trigger"] else ""
        _line(f"  {item['source'] or '?'} → {item['target'] or '?'}{trigger}")
        if item["text"]:
            _line(f"  {item['text'].strip()}")
    _footer(result, "events")


EXPORT_KINDS = ("jsonl", "csv", "parquet", "graphml", "gdelt")
DATASETS = ("articles", "statements", "events", "actors")


def export_cmd(
    kind: Annotated[str, typer.Argument(help="jsonl, csv, parquet, graphml or gdelt.")],
    dataset: Annotated[str, typer.Option(
        "--dataset", help="articles, statements, events or actors (jsonl, csv, parquet).")
    ] = "articles",
    date_from: FromOption = None,
    date_to: ToOption = None,
    out_file: Annotated[Path | None, typer.Option(
        "--out", help="Write to FILE (written whole, then renamed) instead of stdout.")] = None,
    db: DbOption = None,
) -> None:
    """Export the store as the API's /api/export does: jsonl, csv, parquet, graphml, gdelt."""
    from lagebild.store import export as exports
    from lagebild.store.graph import actor_graph, graph_to_graphml

    if kind not in EXPORT_KINDS:
        raise usage_error(f"KIND: {kind!r} is not one of {', '.join(EXPORT_KINDS)}")
    if dataset not in DATASETS:
        raise usage_error(f"--dataset: {dataset!r} is not one of {', '.join(DATASETS)}")
    _dates(date_from, date_to)
    if kind == "parquet" and out_file is None:
        raise usage_error("parquet is binary: give --out FILE")
    if kind == "parquet" and not exports.pyarrow_available():
        raise usage_error("parquet export needs pyarrow ('pip install pyarrow')")
    with _open(db) as store:
        conn = store.conn
        if kind == "graphml":
            graph = actor_graph(conn, date_from=date_from, date_to=date_to, max_nodes=300)
            data: bytes = graph_to_graphml(graph).encode("utf-8")
        elif kind == "gdelt":
            rows = exports.gdelt_rows(conn, date_from=date_from, date_to=date_to)
            data = "".join(exports.rows_to_tsv(rows, exports.GDELT_COLUMNS)).encode("utf-8")
        else:
            rows = exports.iter_dataset(conn, dataset, date_from=date_from, date_to=date_to,
                                        full=kind == "jsonl")
            columns = exports.DATASET_COLUMNS[dataset]
            if kind == "parquet":
                data = exports.rows_to_parquet(rows, columns)
            elif kind == "jsonl":
                data = "".join(exports.rows_to_jsonl(rows)).encode("utf-8")
            else:
                data = "".join(exports.rows_to_csv(rows, columns)).encode("utf-8")
    if out_file is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    partial = out_file.with_name(out_file.name + ".part")  # no half-written file on failure
    partial.write_bytes(data)
    partial.replace(out_file)
    err.print(f"wrote {len(data):,} bytes to {escape(str(out_file))}")
