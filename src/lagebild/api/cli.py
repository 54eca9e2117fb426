"""``lagebild serve``: the REST API and dashboard over one store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lagebild.settings import default_db_path

EXIT_STORE = 3


def serve(
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            envvar="LAGEBILD_DB",
            help="SQLite store file [default: $LAGEBILD_DB or ~/.local/share/lagebild/lagebild.db]",
            show_default=False,
        ),
    ] = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="LAGEBILD_API_TOKEN",
            help="API token; enables POST /api/articles (Bearer auth). Without it the "
            "server is read-only.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the REST API and the web dashboard (read-only unless a token is set)."""
    import uvicorn

    from lagebild.api.app import create_app
    from lagebild.store import StoreError

    path = db or default_db_path()
    try:
        app = create_app(path, readonly=token is None, api_token=token or "")
    except (StoreError, OSError) as exc:
        typer.echo(f"error: cannot open store: {exc}", err=True)
        raise typer.Exit(EXIT_STORE) from exc
    except Exception as exc:  # sqlite3.DatabaseError: not a database …
        typer.echo(f"error: cannot open store {path}: {exc}", err=True)
        raise typer.Exit(EXIT_STORE) from exc
    mode = "uploads enabled (token set)" if token else "read-only"
    typer.echo(f"Lagebild: serving {path} on http://{host}:{port}/ ({mode})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
