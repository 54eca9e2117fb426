"""Settings and shared dependencies of the API: one SQLite connection per request."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Query, Request

from lagebild.settings import default_db_path
from lagebild.store.filters import DATE_PATTERN

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_LIMIT = 500


@dataclass(frozen=True)
class ApiSettings:
    db_path: Path
    readonly: bool = True
    api_token: str | None = None
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES

    @property
    def upload_enabled(self) -> bool:
        return bool(self.api_token)

    @classmethod
    def resolve(
        cls,
        db_path: str | Path | None = None,
        readonly: bool = True,
        api_token: str | None = None,
        max_upload_bytes: int | None = None,
    ) -> ApiSettings:
        """Arguments win; else ``LAGEBILD_DB``, ``LAGEBILD_API_TOKEN``,
        ``LAGEBILD_MAX_UPLOAD_BYTES``; else defaults."""
        token = api_token if api_token is not None else os.environ.get("LAGEBILD_API_TOKEN")
        if max_upload_bytes is None:
            raw = os.environ.get("LAGEBILD_MAX_UPLOAD_BYTES", "")
            max_upload_bytes = int(raw) if raw.strip().isdigit() else DEFAULT_MAX_UPLOAD_BYTES
        return cls(
            db_path=Path(db_path) if db_path else default_db_path(),
            readonly=readonly,
            api_token=token or None,
            max_upload_bytes=max_upload_bytes,
        )


def open_read(path: Path) -> sqlite3.Connection:
    """A read-only connection (``mode=ro``): the API's reads can never write."""
    uri = "file:" + quote(str(path.resolve())) + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def get_settings(request: Request) -> ApiSettings:
    settings: ApiSettings = request.app.state.settings
    return settings


def get_conn(request: Request) -> Iterator[sqlite3.Connection]:
    conn = open_read(get_settings(request).db_path)
    try:
        yield conn
    finally:
        conn.close()


Conn = Annotated[sqlite3.Connection, Depends(get_conn)]
Settings = Annotated[ApiSettings, Depends(get_settings)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (1–{MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip")]
DateFrom = Annotated[
    str | None,
    Query(pattern=DATE_PATTERN, description="Earliest date, inclusive (YYYY, YYYY-MM or "
          "YYYY-MM-DD)"),
]
DateTo = Annotated[
    str | None,
    Query(pattern=DATE_PATTERN, description="Latest date, inclusive (YYYY, YYYY-MM or "
          "YYYY-MM-DD)"),
]
ShortText = Annotated[str | None, Query(min_length=1, max_length=200)]
