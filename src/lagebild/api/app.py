"""The FastAPI application factory."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response

from lagebild import __version__
from lagebild.api.deps import ApiSettings, open_read
from lagebild.api.routes import (
    actors,
    articles,
    events,
    export,
    graph,
    meta,
    relations,
    statements,
    upload,
)
from lagebild.api.routes import brief as brief_routes
from lagebild.store import Store
from lagebild.store.actor_index import actor_index
from lagebild.web import STATIC_DIR

DESCRIPTION = """Read-only REST API over a Lagebild store: articles with their structure and
annotation layers (entities, statements, events, each with character offsets into the
article text), actors, the actor network and exports. Uploading articles
(`POST /api/articles`) exists only when the server has an API token."""

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
ERROR_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 413: "payload_too_large", 422: "invalid_request",
               500: "internal_error", 501: "not_implemented"}


def _error(status: int, message: str, detail: Any = None,
           headers: dict[str, str] | None = None) -> JSONResponse:
    body = {
        "error": {"status": status, "code": ERROR_CODES.get(status, "error"), "message": message},
        "detail": detail if detail is not None else message,
    }
    return JSONResponse(status_code=status, content=body, headers=headers)


def _describe_validation(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()))
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


class SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if not request.url.path.startswith(("/docs", "/redoc")):
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response


def _warm_actor_index(path: Path) -> None:
    """Build the actor index once in the background, so the first actor request is fast."""
    try:
        conn = open_read(path)
        try:
            actor_index(conn)
        finally:
            conn.close()
    except Exception:  # warming is an optimisation; requests rebuild the index
        return


def create_app(
    db_path: str | Path | None = None,
    readonly: bool = True,
    api_token: str | None = None,
    max_upload_bytes: int | None = None,
) -> FastAPI:
    """The API and dashboard over the store at ``db_path`` (default ``$LAGEBILD_DB``).

    Reads always use read-only connections. The upload endpoint is mounted only when an API
    token is given (argument or ``$LAGEBILD_API_TOKEN``); uploads then open the store for
    writing. Raises ``StoreError`` when the store is missing or needs a migration that
    read-only mode cannot run.
    """
    settings = ApiSettings.resolve(db_path, readonly, api_token, max_upload_bytes)
    writable = settings.upload_enabled or not settings.readonly
    if writable or not settings.db_path.exists():
        # create (uploads) or migrate once; read-only mode raises for a missing store
        Store(settings.db_path, readonly=not writable).close()
    else:
        Store(settings.db_path, readonly=True).close()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=_warm_actor_index, args=(settings.db_path,), daemon=True).start()
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="Lagebild API",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [
            {k: v for k, v in err.items() if k in ("loc", "msg", "type")} for err in exc.errors()
        ]
        return _error(422, _describe_validation(exc), detail)

    for module in (meta, articles, actors, statements, relations, events, graph, export,
                   brief_routes):
        app.include_router(module.router)
    if settings.upload_enabled:
        app.include_router(upload.router)

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown_api(rest: str) -> None:
        raise HTTPException(status_code=404, detail=f"no such endpoint /api/{rest}")

    return app


__all__ = ["HTTPException", "create_app"]
