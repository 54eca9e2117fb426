"""Plain tuples from SQLite for the brief's large reads, and no cyclic garbage collection
while it runs.

A month of a 100,000-article store returns some 10^5 rows: as ``sqlite3.Row`` objects (the
store's row factory) unpacking them cost 3 % of a brief, and the cyclic collector, woken
by the allocations, walked the whole heap again and again for another 6 % (callgrind).
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any


def tuples(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
    """``conn.execute`` returning plain tuples, whatever the connection's row factory."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params)


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """The cyclic collector off for a block that makes many short-lived objects and no
    reference cycles (they are freed by reference counting all the same); on again after,
    unless it was off before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
