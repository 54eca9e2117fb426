"""Health and version."""

from __future__ import annotations

from fastapi import APIRouter

from lagebild import __version__
from lagebild.api.deps import Conn, Settings
from lagebild.api.models import Health, Version
from lagebild.model import SCHEMA_VERSION as ARTICLE_SCHEMA_VERSION
from lagebild.store.schema import SCHEMA_VERSION

API_VERSION = "1"
router = APIRouter(prefix="/api", tags=["meta"])


@router.get("/health", response_model=Health, summary="Is the store readable?")
def health(conn: Conn, settings: Settings) -> Health:
    articles = int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    return Health(
        status="ok",
        articles=articles,
        schema_version=version,
        readonly=settings.readonly,
        upload_enabled=settings.upload_enabled,
    )


@router.get("/version", response_model=Version, summary="Software and schema versions")
def version() -> Version:
    return Version(
        lagebild=__version__,
        api=API_VERSION,
        schema_version=SCHEMA_VERSION,
        article_schema_version=ARTICLE_SCHEMA_VERSION,
    )
