"""Filters and paging shared by every store listing.

A listing collects SQL conditions in a ``Where`` (date bounds, LIKE searches, plain
conditions) and returns a ``page``: ``{"total", "limit", "offset", "items"}``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

#: dates accepted by the date filters: YYYY, YYYY-MM, YYYY-MM-DD (with an optional time)
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2}([T ][0-9:.+Z-]{2,25})?)?)?$"
_DATE = re.compile(DATE_PATTERN)


def is_date(text: str) -> bool:
    """Does ``text`` match ``DATE_PATTERN``?"""
    return _DATE.match(text) is not None


def date_upper_bound(date_to: str) -> str:
    """Inclusive of the whole day/month given: ``2005-10`` covers ``2005-10-31T…``."""
    return date_to + "\uffff"


def like_pattern(text: str) -> str:
    """``text`` anywhere, with ``%``, ``_`` and ``\\`` taken literally (use ``ESCAPE '\\'``)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return "%" + escaped + "%"


def marks(values: Sequence[Any]) -> str:
    """``?,?,?`` for an ``IN (…)`` list of ``values``."""
    return ",".join("?" * len(values))


@dataclass
class Where:
    """SQL conditions joined with AND, and their parameters in order."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> Where:
        self.clauses.append(clause)
        self.params.extend(params)
        return self

    def dates(self, column: str, date_from: str | None, date_to: str | None) -> Where:
        """``column`` from ``date_from`` to the end of ``date_to`` (either may be None)."""
        if date_from:
            self.add(f"{column} >= ?", date_from)
        if date_to:
            self.add(f"{column} < ?", date_upper_bound(date_to))
        return self

    def like(self, column: str, text: str | None) -> Where:
        """``column`` contains ``text`` (literally, case-insensitively for ASCII)."""
        if text:
            self.add(f"{column} LIKE ? ESCAPE '\\'", like_pattern(text))
        return self

    def any_of(self, column: str, values: Sequence[Any]) -> Where:
        """``column IN (values)``; with no values nothing can match."""
        if not values:
            return self.add("0")
        return self.add(f"{column} IN ({marks(values)})", *values)

    @property
    def sql(self) -> str:
        """``WHERE a AND b`` or ``""``."""
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""

    @property
    def and_sql(self) -> str:
        """`` AND a AND b`` (to follow other conditions) or ``""``."""
        return "".join(" AND " + clause for clause in self.clauses)


def page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
    """The page shape every listing returns."""
    return {"total": int(total), "limit": limit, "offset": offset, "items": items}


def slice_page(items: Sequence[Any], limit: int, offset: int) -> dict[str, Any]:
    """A page of a list already in memory (items with ``as_dict`` or dicts)."""
    chosen = items[offset: offset + limit]
    return page([i.as_dict() if hasattr(i, "as_dict") else i for i in chosen], len(items),
                limit, offset)
