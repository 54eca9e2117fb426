"""CLI: ``lagebild kb build|show`` and the store views ``lagebild actors`` / ``lagebild actor``."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from lagebild.settings import default_db_path

kb_app = typer.Typer(help="The actor knowledge base.", no_args_is_help=True)
out = Console(soft_wrap=True)
err = Console(stderr=True)

DbOption = Annotated[
    Path | None,
    typer.Option("--db", envvar="LAGEBILD_DB", show_default=False,
                 help="SQLite store file [default: $LAGEBILD_DB or ~/.local/share/lagebild/…]"),
]


@kb_app.command("build")
def build_cmd(
    data: Annotated[Path, typer.Option("--data", help="The shared data folder.")] = Path(
        "../shared/data"),
    out_path: Annotated[Path | None, typer.Option("--out", help="Output KB file.")] = None,
) -> None:
    """Rebuild the KB from the German tables, babel (CLDR) and the PETRARCH2 dictionaries."""
    from lagebild.actors.build import build_kb, check_tables
    from lagebild.actors.kb import DEFAULT_KB

    problems = check_tables()
    for problem in problems:
        err.print(f"[yellow]warning:[/] {problem}")
    if not (data / "events").is_dir():
        err.print(f"[red]error:[/] {data} has no events/ folder (use --data ../shared/data)")
        raise typer.Exit(2)
    kb = build_kb(data)
    target = out_path or DEFAULT_KB
    kb.save(target)
    counts = ", ".join(f"{n} {t}" for t, n in kb.meta["counts"].items())
    out.print(f"wrote {target} ({target.stat().st_size // 1024} KiB): {counts}")


@kb_app.command("show")
def show_cmd(
    name: Annotated[str, typer.Argument(help="Actor id, name or alias.")],
    date: Annotated[str | None, typer.Option(help="Roles at this date (YYYY-MM-DD).")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Print the KB entry (or entries) for a name."""
    from lagebild.actors.kb import load_kb

    kb = load_kb()
    hits = kb.find(name)
    if not hits:
        err.print(f"no actor {name!r}")
        raise typer.Exit(4)
    if as_json:
        sys.stdout.write(json.dumps([h.to_dict() for h in hits[:10]], ensure_ascii=False,
                                    indent=2) + "\n")
        return
    for actor in hits[:10]:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="cyan")
        table.add_column()
        table.add_row("id", actor.id)
        table.add_row("name", actor.name)
        table.add_row("type", actor.type)
        for label, value in (("cameo", actor.cameo), ("country", actor.country),
                             ("parent", actor.parent), ("gender", actor.gender)):
            if value:
                table.add_row(label, value)
        if actor.aliases:
            table.add_row("aliases", ", ".join(actor.aliases[:30]))
        for label, items in (("adjectives", actor.adjectives), ("capitals", actor.capitals),
                             ("seats", actor.seats), ("prefixes", actor.prefixes)):
            if items:
                table.add_row(label, ", ".join(items))
        for term in actor.terms:
            mark = " *" if date and term.active(date) else ""
            table.add_row("role", f"{term.role} {term.org} {term.start or '…'} – "
                                  f"{term.end or 'today'}{mark}")
        for aff in actor.affiliations[:8]:
            table.add_row("cameo", f"{aff.cameo} {aff.start or '…'} – {aff.end or '…'}")
        table.add_row("source", actor.source)
        out.rule(actor.name)
        out.print(table)


def _connect(db: Path | None) -> sqlite3.Connection:
    path = db or default_db_path()
    if not Path(path).is_file():
        err.print(f"[red]error:[/] no store at {path}")
        raise typer.Exit(3)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def top_actors(conn: sqlite3.Connection, top: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        """SELECT actor_id, COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles,
                  MIN(text) AS example
           FROM mentions WHERE actor_id IS NOT NULL
           GROUP BY actor_id ORDER BY mentions DESC, actor_id LIMIT ?""", (top,)).fetchall()
    return [dict(r) for r in rows]


def actor_profile(conn: sqlite3.Connection, actor_id: str) -> dict[str, Any]:
    months = conn.execute(
        """SELECT substr(a.published, 1, 7) AS month, COUNT(*) AS mentions
           FROM mentions m JOIN articles a ON a.id = m.article_id
           WHERE m.actor_id = ? GROUP BY month ORDER BY month""", (actor_id,)).fetchall()
    surfaces = conn.execute(
        """SELECT text, COUNT(*) AS n FROM mentions WHERE actor_id = ?
           GROUP BY text ORDER BY n DESC LIMIT 20""", (actor_id,)).fetchall()
    return {"months": [dict(r) for r in months], "surfaces": [dict(r) for r in surfaces]}


def actors_cmd(
    top: Annotated[int, typer.Option("--top", min=1, help="How many actors.")] = 20,
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """The most mentioned actors in the store."""
    from lagebild.actors.kb import load_kb

    kb = load_kb()
    with _connect(db) as conn:
        rows = top_actors(conn, top)
    for row in rows:
        actor = kb.get(row["actor_id"])
        row["name"] = actor.name if actor else row["example"]
        row["type"] = actor.type if actor else "local"
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table("actor", "name", "type", "mentions", "articles")
    for row in rows:
        table.add_row(row["actor_id"], row["name"], row["type"], str(row["mentions"]),
                      str(row["articles"]))
    out.print(table)


def actor_cmd(
    name: Annotated[str, typer.Argument(help="Actor id, name or alias.")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """One actor: aliases, role timeline and mention counts by month in the store."""
    from lagebild.actors.kb import load_kb

    kb = load_kb()
    hits = kb.find(name)
    actor_id = hits[0].id if hits else name
    actor = kb.get(actor_id)
    with _connect(db) as conn:
        profile = actor_profile(conn, actor_id)
    data: dict[str, Any] = {
        "id": actor_id,
        "name": actor.name if actor else name,
        "type": actor.type if actor else None,
        "cameo": actor.cameo if actor else None,
        "aliases": actor.aliases if actor else [],
        "roles": [{"role": t.role, "org": t.org, "start": t.start, "end": t.end}
                  for t in (actor.terms if actor else [])],
        **profile,
    }
    if actor is None and not profile["months"]:
        err.print(f"no actor {name!r}")
        raise typer.Exit(4)
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    out.rule(f"{data['name']} ({actor_id})")
    if data["aliases"]:
        out.print("aliases: " + ", ".join(data["aliases"][:30]), markup=False)
    for role in data["roles"]:
        out.print(f"  {role['start'] or '…'} – {role['end'] or 'today'}  {role['role']} "
                  f"({role['org']})", markup=False)
    table = Table("month", "mentions")
    for row in data["months"]:
        table.add_row(row["month"] or "?", str(row["mentions"]))
    out.print(table)
    if data["surfaces"]:
        out.print("as: " + ", ".join(f"{s['text']} ({s['n']})" for s in data["surfaces"]),
                  markup=False)
