"""Periods of a brief: a month, an ISO week, a day, a range, or the last N days/weeks.

A brief compares its period with the one of equal length just before it, so a period is a
closed range of whole days (``start`` … ``end``, both inclusive).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from lagebild.errors import ErrorCode

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_RANGE = re.compile(r"^(\S+)\s*\.\.\s*(\S+)$")
# "last 7 days", "letzte 2 Wochen": counted back from the newest publication date in the store
_LAST = re.compile(r"^(?:last|letzte[nr]?)\s+(\d{1,4})\s+(days?|tage?n?|weeks?|wochen?)$",
                   re.IGNORECASE)


class PeriodError(ValueError):
    """A period that cannot be read ([E025]) or cannot be placed ([E026])."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    label: str

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def date_from(self) -> str:
        return self.start.isoformat()

    @property
    def date_to(self) -> str:
        return self.end.isoformat()

    def previous(self) -> Period:
        """The period of equal length that ends the day before this one starts."""
        end = self.start - timedelta(days=1)
        start = end - timedelta(days=self.days - 1)
        return Period(start, end, f"{start.isoformat()}..{end.isoformat()}")

    def as_dict(self) -> dict[str, str | int]:
        return {"label": self.label, "from": self.date_from, "to": self.date_to,
                "days": self.days}


def _bad(text: str, why: str) -> PeriodError:
    return PeriodError(ErrorCode.E025.format(period=text, detail=why))


def _day(text: str) -> date:
    if not _DAY.match(text):
        raise _bad(text, "a day is YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise _bad(text, str(exc)) from None


def _month(year: int, month: int, text: str) -> Period:
    if not 1 <= month <= 12:
        raise _bad(text, "month must be 01 to 12")
    start = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return Period(start, following - timedelta(days=1), f"{year:04d}-{month:02d}")


def _bound(text: str, upper: bool) -> date:
    """One end of a range: a day, or a month/year taken from its first or last day."""
    if m := _MONTH.match(text):
        period = _month(int(m[1]), int(m[2]), text)
        return period.end if upper else period.start
    if _YEAR.match(text):
        return date(int(text), 12, 31) if upper else date(int(text), 1, 1)
    return _day(text)


def parse_period(text: str, newest: date | None = None) -> Period:
    """``2015-09``, ``2015-W38``, ``2015-09-18``, ``2015``, ``2015-09-01..2015-09-30`` or
    ``last 7 days`` (counted back from ``newest``, the store's newest publication date)."""
    raw = text.strip()
    if m := _MONTH.match(raw):
        return _month(int(m[1]), int(m[2]), raw)
    if m := _WEEK.match(raw):
        year, week = int(m[1]), int(m[2])
        try:
            start = date.fromisocalendar(year, week, 1)
        except ValueError:
            raise _bad(raw, f"{year} has no ISO week {week}") from None
        return Period(start, start + timedelta(days=6), f"{year:04d}-W{week:02d}")
    if _YEAR.match(raw):
        return Period(date(int(raw), 1, 1), date(int(raw), 12, 31), raw)
    if _DAY.match(raw):
        day = _day(raw)
        return Period(day, day, raw)
    if m := _RANGE.match(raw):
        start, end = _bound(m[1], upper=False), _bound(m[2], upper=True)
        if end < start:
            raise _bad(raw, "the range ends before it starts")
        return Period(start, end, f"{start.isoformat()}..{end.isoformat()}")
    if m := _LAST.match(raw):
        if newest is None:
            raise PeriodError(ErrorCode.E026.format(period=raw))
        count = int(m[1]) * (7 if m[2].lower().startswith(("w", "W")) else 1)
        if count < 1:
            raise _bad(raw, "count at least 1 day")
        start = newest - timedelta(days=count - 1)
        return Period(start, newest, f"{start.isoformat()}..{newest.isoformat()}")
    raise _bad(raw, "use YYYY-MM, YYYY-Www, YYYY-MM-DD, FROM..TO or 'last N days'")


def period_from_options(
    period: str | None = None,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    day: str | None = None,
    week: str | None = None,
    month: str | None = None,
    newest: date | None = None,
) -> Period:
    """The one period named by a positional PERIOD or the ``--from/--to``, ``--day``,
    ``--week``, ``--month`` options (exactly one way)."""
    ways = [w for w in (period, day, week, month) if w] + (
        [f"{date_from or ''}..{date_to or ''}"] if date_from or date_to else [])
    if len(ways) != 1:
        raise PeriodError(ErrorCode.E027.format(given=len(ways)))
    if (date_from or date_to) and not (date_from and date_to):
        if newest is None:
            raise PeriodError(ErrorCode.E026.format(period="--from/--to"))
        start_text = date_from or "1900-01-01"
        end_text = date_to or newest.isoformat()
        return parse_period(f"{start_text}..{end_text}", newest)
    return parse_period(ways[0], newest)
