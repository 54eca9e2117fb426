"""The REST API (FastAPI) over one store: ``create_app(db_path)``.

``create_app`` is imported on first use, so that ``lagebild analyze`` or ``ingest`` (whose CLI
imports ``lagebild.api.cli``) does not pay for importing FastAPI and the routes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lagebild.api.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from lagebild.api.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
