"""German and ISO date strings to ISO 8601."""

from __future__ import annotations

import re
from datetime import date, datetime

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januar", "jan", "jänner"),
            ("februar", "feb"),
            ("märz", "mär", "maerz"),
            ("april", "apr"),
            ("mai",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("dezember", "dez"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAY = r"(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?\s+)?"
_TIME = r"(?:,?\s*(?:um\s+)?(?P<hh>\d{1,2})[:.](?P<mm>\d{2})(?:\s*Uhr)?)?"
_LONG = re.compile(
    _WEEKDAY + r"(?P<d>\d{1,2})\.\s*(?P<mon>[A-Za-zäÄ]+)\.?\s+(?P<y>\d{4})" + _TIME, re.IGNORECASE
)
_NUMERIC = re.compile(_WEEKDAY + r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})" + _TIME)
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2}))?")


def parse_german_date(text: str, whole: bool = False) -> str | None:
    """``Dienstag, 15. September 2015, 18:30 Uhr`` → ``2015-09-15T18:30``; None if no date.

    With ``whole`` the date must be the entire string (used to recognise datelines).
    """
    text = text.strip()
    for pattern in (_LONG, _NUMERIC, _ISO):
        match = pattern.fullmatch(text) if whole else pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        month = MONTHS.get(groups["mon"].lower()) if groups.get("mon") else int(groups["m"])
        if not month:
            continue
        try:
            day = date(int(groups["y"]), month, int(groups["d"]))
        except ValueError:
            continue
        if groups.get("hh") is not None:
            try:
                stamp = datetime(day.year, day.month, day.day, int(groups["hh"]), int(groups["mm"]))
            except ValueError:
                return day.isoformat()
            return stamp.isoformat(timespec="minutes")
        return day.isoformat()
    return None


def normalise_date(value: str | None) -> str | None:
    """Any date string readers meet (ISO, RFC 822, German) to ISO 8601, else None."""
    if not value:
        return None
    value = value.strip()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return parse_german_date(value)
