"""SQLite store: schema, migrations, idempotent ingest, search."""

from lagebild.store.db import AddResult, AddStatus, SearchHit, Store, StoreError

__all__ = ["AddResult", "AddStatus", "SearchHit", "Store", "StoreError"]
