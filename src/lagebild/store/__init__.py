"""SQLite store: schema, migrations, idempotent ingest, search (``db``, ``schema``).

Reads, each taking an open connection and returning plain dicts: ``articles`` (listing,
facets, one article), ``actor_index`` (actors, name resolution), ``actors`` (listing, profile,
relation timeline), ``statements``, ``events``, ``graph`` (actor network, GraphML) and
``export`` (datasets as JSONL/CSV/Parquet rows, GDELT rows); ``filters`` holds the conditions
and the page shape they share. ``cli``: ``lagebild quotes`` and ``lagebild events``.
"""

from lagebild.store.db import AddResult, AddStatus, SearchHit, Store, StoreError

__all__ = ["AddResult", "AddStatus", "SearchHit", "Store", "StoreError"]
