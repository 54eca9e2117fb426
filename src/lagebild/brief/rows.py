"""Plain tuples from SQLite for the brief's large reads (the brief runs with the cyclic
collector paused: :func:`lagebild.cache.gc_paused`).

A month of a 100,000-article store returns some 10^5 rows: as ``sqlite3.Row`` objects (the
store's row factory) unpacking them cost 3 % of a brief, and the cyclic collector, woken
by the allocations, walked the whole heap again and again for another 6 % (callgrind).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any


def tuples(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
    """``conn.execute`` returning plain tuples, whatever the connection's row factory."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params)
