"""Resolving the values of found expressions against the publication date (TIMEX3-style).

Rules (the reference date is the article's publication date):

* A date or month without a year takes the year that keeps it nearest to the publication date
  (``2. Februar`` in an article of 2019-09-29 is 2020-02-02; ``im Februar`` in April is this
  February); a tie goes to the past. Holidays likewise.
* A weekday without a modifier follows the tense of its sentence: past (the default, and always
  when the sentence has a past auxiliary such as ``hat``/``war``/``wurde`` or, parsed, a finite
  verb in the past tense: ``find_times`` with the nlp stage's sentences) → the latest such day
  up to and including the publication day; future (``wird``/``soll``/``plant`` … without a past
  auxiliary) → the next one after it. In a parsed sentence with a future cue, the clause that
  holds the weekday decides first when it has a tense word of its own (``einigte sich mit X,
  der ihn am Dienstag präsentieren wird``: the next Tuesday). ``vergangenen``/``letzten`` →
  strictly before, ``kommenden``/``nächsten`` → strictly after, ``diesen`` → the one in the
  publication week. A weekday of a named week (``Freitag vergangener Woche``, ``Montag der
  kommenden Woche``) is that day of that ISO week.
* ``vor N Tagen/Wochen/Monaten/Jahren`` → that day / ISO week / month / year (fractions of a year
  give the month: ``vor zweieinhalb Jahren`` in February 2007 → 2004-08); ``in N …`` forward.
* A clock time or a part of day alone (``um 14 Uhr``, ``am frühen Morgen``) takes the day of the
  closest earlier day-level date in its sentence, else the publication date.
* ``Anfang/Mitte/Ende X`` keep the value of X (TIMEX3 ``mod`` START/MID/END is not stored: the
  model has no field for it). Hedges (``mehr als vier Jahren``) keep the number (``P4Y``).
* Without a publication date, expressions that need it keep what the text says: ``XXXX-10-03``
  for ``am 3. Oktober``, ``XXXX-03`` for ``im März``, ``XXXX-WXX-3`` for ``am Mittwoch``; purely
  deictic ones (``gestern``, ``vor zwei Wochen``, ``letzten Monat``) get value None. Absolute
  expressions (``3. Oktober 2015``, ``2014``) always resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from lagebild.model import TimeType
from lagebild.times.extract import Candidate, lexicon, numerals

PAST_CUE = re.compile(
    r"\b(?:hat|hatte|hatten|haben|habe|hätte|hätten|war|waren|wurde|wurden|worden|gewesen|"
    r"ging|kam|gab|fand|sagte|sagten|teilte|erklärte|starb|begann)\b"
)
FUTURE_CUE = re.compile(
    r"\b(?:wird|werden|soll|sollen|will|wollen|plant|planen|beginnt|beginnen|findet|finden|"
    r"stattfinden|kommenden|nächsten)\b"
)
_DAY_VALUE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_YEAR_VALUE = re.compile(r"^(\d{4})")
_SEASONS = ("SP", "SU", "FA", "WI")
_PART_CODES = {"morgen": "MO", "früh": "MO"}


@dataclass(frozen=True, slots=True)
class Context:
    """What a value may depend on besides the expression: reference date, tense, anchor."""

    ref: date | None
    future: bool = False  # the sentence speaks of the future
    anchor: str | None = None  # value of the closest earlier date in the sentence
    past: bool = False  # the clause of the expression tells of the past (``find._clause_past``)


def tense_is_future(sentence: str) -> bool:
    """True when the sentence has a future cue and no past auxiliary (see the module rules)."""
    return FUTURE_CUE.search(sentence) is not None and PAST_CUE.search(sentence) is None


def reference_date(published: str | None) -> date | None:
    """The date part of an ISO date/datetime string, None when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


# --------------------------------------------------------------------------- calendar helpers
def easter(year: int) -> date:
    """Easter Sunday of ``year`` (Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    day = (h + l_ - 7 * m + 33 * month + 19) % 32
    return date(year, month, day)


def week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def month_shift(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def nearest_day(ref: date, month: int, day: int) -> date | None:
    """The date ``day.month.`` in the year that keeps it nearest to ``ref`` (tie: the past)."""
    best: date | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cand = date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((cand - ref).days) < abs((best - ref).days):
            best = cand
    return best


def nearest_month_year(ref: date, month: int) -> int:
    here = ref.year * 12 + ref.month - 1
    return min(
        (ref.year - 1, ref.year, ref.year + 1), key=lambda y: (abs(y * 12 + month - 1 - here), y)
    )


def _year_before(d: date) -> date | None:
    """The same day a year earlier (None for a 29 February without one)."""
    try:
        return d.replace(year=d.year - 1)
    except ValueError:
        return None


def _num(text: str) -> float | None:
    t = text.strip().lower()
    if re.fullmatch(r"\d+(?:,\d+)?", t):
        return float(t.replace(",", "."))
    if "halb" in t and not t.endswith("einhalb"):
        return 0.5
    return numerals().get(t)


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _rel(word: str | None) -> int | str | None:
    """``vergangenen`` → -1, ``nächsten`` → 1, ``diesem`` → 0, ``desselben`` → ``same``."""
    if not word:
        return None
    w = word.lower().removeprefix("des ").strip()
    for stem, val in sorted(lexicon()["relative"].items(), key=lambda kv: -len(kv[0])):
        if w.startswith(stem):
            return val  # type: ignore[no-any-return]
    if w.startswith("gleich"):
        return "same"
    return None


def _part(word: str | None) -> str:
    if not word:
        return ""
    lex = lexicon()
    for table in (lex["day_parts"], lex["day_part_suffixes"], lex["day_part_adverbs"]):
        if word in table:
            return "T" + str(table[word])
    return "T" + _PART_CODES.get(word.lower(), "MO")


def _weekday(ref: date, wd: int, rel: int | str | None, future: bool) -> date:
    delta = wd - ref.isoweekday()
    if rel == 0 or rel == "same":
        return ref + timedelta(days=delta)
    if rel == -1:
        back = (ref.isoweekday() - wd) % 7 or 7
        return ref - timedelta(days=back)
    if rel == 1 or future:
        ahead = (wd - ref.isoweekday()) % 7 or 7
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=(ref.isoweekday() - wd) % 7)


def _anchor_day(ctx: Context) -> str | None:
    if ctx.anchor and (m := _DAY_VALUE.match(ctx.anchor)):
        return m.group(0)
    return ctx.ref.isoformat() if ctx.ref else None


def _year_of(parts: dict[str, str], ctx: Context) -> int | None:
    """The year a ``YEARSPEC`` gives (``2005``, ``kommenden Jahres``, ``desselben Jahres``)."""
    if "year" in parts:
        return int(parts["year"])
    if "yy" in parts:
        yy = int(parts["yy"].lstrip("'"))
        return 2000 + yy if yy <= 30 else 1900 + yy
    if "yrel" in parts:
        rel = _rel(parts["yrel"])
        if rel == "same":
            if ctx.anchor and (m := _YEAR_VALUE.match(ctx.anchor)):
                return int(m.group(1))
            return ctx.ref.year if ctx.ref else None
        if ctx.ref is None or not isinstance(rel, int):
            return None
        return ctx.ref.year + rel
    return None


# --------------------------------------------------------------------------- resolution
def resolve(cand: Candidate, ctx: Context) -> tuple[TimeType, str | None]:
    """The type and value of one candidate."""
    handler = _HANDLERS[cand.kind]
    return handler(cand.parts, ctx)


Result = tuple[TimeType, "str | None"]
D = TimeType.DATE


def _date(p: dict[str, str], ctx: Context) -> Result:
    day = int(p["day"].rstrip("."))
    month = int(lexicon()["months"][p["mon"]])
    year = _year_of(p, ctx)
    if year is None and ("year" in p or "yrel" in p or ctx.ref is None):
        return D, f"XXXX-{month:02d}-{day:02d}"
    try:
        if year is None:
            assert ctx.ref is not None
            found = nearest_day(ctx.ref, month, day)
            if found is not None and ctx.past and found > ctx.ref:
                found = _year_before(found)
            return D, found.isoformat() if found else None
        return D, date(year, month, day).isoformat()
    except ValueError:
        return D, None


def _numdate(p: dict[str, str], ctx: Context) -> Result:
    year = int(p["year"])
    if len(p["year"]) == 2:
        year += 2000 if year <= 30 else 1900
    try:
        return D, date(year, int(p["monnum"]), int(p["day"])).isoformat()
    except ValueError:
        return D, None


def _month(p: dict[str, str], ctx: Context) -> Result:
    month = int(lexicon()["months"][p["mon"]])
    year = _year_of(p, ctx)
    if year is None:
        rel = _rel(p.get("rel"))
        if ctx.ref is None:
            return D, f"XXXX-{month:02d}"
        if rel == -1:
            year = ctx.ref.year if month < ctx.ref.month else ctx.ref.year - 1
        elif rel == 1:
            year = ctx.ref.year if month > ctx.ref.month else ctx.ref.year + 1
        elif rel in (0, "same"):
            year = ctx.ref.year
        else:
            year = nearest_month_year(ctx.ref, month)
            if ctx.past and (year, month) > (ctx.ref.year, ctx.ref.month):
                year -= 1  # "Bereits im Juni war es zu Unruhen gekommen" in April: last June
    return D, f"{year:04d}-{month:02d}"


def _year(p: dict[str, str], ctx: Context) -> Result:
    return D, p["year"]


def _decade(p: dict[str, str], ctx: Context) -> Result:
    return D, p["dec"]


def _season(p: dict[str, str], ctx: Context) -> Result:
    code = str(lexicon()["seasons"][p["season"]])
    year = _year_of(p, ctx)
    if year is None:
        if ctx.ref is None:
            return D, f"XXXX-{code}"
        idx = _SEASONS.index(code)
        cur = {12: 3, 1: 3, 2: 3}.get(ctx.ref.month, (ctx.ref.month - 3) // 3)
        rel = _rel(p.get("rel"))
        year = ctx.ref.year
        if rel == -1 and idx >= cur:
            year -= 1
        elif rel == 1 and idx <= cur:
            year += 1
    return D, f"{year:04d}-{code}"


def _deictic(p: dict[str, str], ctx: Context) -> Result:
    off = int(lexicon()["deictic_days"][p["dd"].lower()])
    clock = _clock_part(p)
    if ctx.ref is None:
        return (TimeType.TIME if clock else D), None
    day = (ctx.ref + timedelta(days=off)).isoformat()
    if clock:
        return TimeType.TIME, day + clock
    return D, day + _part(p.get("part")) if p.get("part") else day


def _deictic_adj(p: dict[str, str], ctx: Context) -> Result:
    word = p["dadj"].lower()
    stem = next(
        s
        for s in sorted(lexicon()["deictic_adjectives"], key=len, reverse=True)
        if word.startswith(s)
    )
    if ctx.ref is None:
        return D, None
    day = (ctx.ref + timedelta(days=int(lexicon()["deictic_adjectives"][stem]))).isoformat()
    return D, day + _part(p["part"]) if p.get("part") else day


def _year_adj(p: dict[str, str], ctx: Context) -> Result:
    word = p["yadj"].lower()
    off = next(int(v) for s, v in lexicon()["year_adjectives"].items() if word.startswith(s))
    return D, str(ctx.ref.year + off) if ctx.ref else None


def _weekday_value(p: dict[str, str], ctx: Context) -> Result:
    wd = int(lexicon()["weekdays"][p["wd"]])
    if "each" in p:
        return TimeType.SET, f"XXXX-WXX-{wd}"
    part = _part(p["part"]) if p.get("part") else ""
    if ctx.ref is None:
        return D, f"XXXX-WXX-{wd}"
    week = _rel(p.get("wrel"))
    if isinstance(week, int):  # "Freitag vergangener Woche": that day of that week
        day = ctx.ref + timedelta(days=7 * week + wd - ctx.ref.isoweekday())
    else:
        day = _weekday(ctx.ref, wd, _rel(p.get("rel")), ctx.future)
    return D, day.isoformat() + part


def _weekday_set(p: dict[str, str], ctx: Context) -> Result:
    return TimeType.SET, f"XXXX-WXX-{lexicon()['weekday_adverbs'][p['wdadv'].lower()]}"


def _part_of_weekday(p: dict[str, str], ctx: Context) -> Result:
    wd = int(lexicon()["weekdays"][p["wd"]])
    if ctx.ref is None:
        return D, None
    # "in der Nacht zum Sonntag" is dated by the day it runs into, as "in der Nacht zu heute"
    # (today) and a bare "Nacht auf Donnerstag" (the weekday) are: one convention for all
    # three, the event-date guideline's (eval/README.md)
    day = _weekday(ctx.ref, wd, None, ctx.future)
    return D, day.isoformat() + _part(p["part"])


def _part_alone(p: dict[str, str], ctx: Context) -> Result:
    day = _anchor_day(ctx)
    return D, day + _part(p["part"]) if day else None


def _clock_part(p: dict[str, str]) -> str:
    if "h" in p:
        return f"T{int(p['h']):02d}:{int(p['m']):02d}"
    if "h2" in p:
        hour = _num(p["h2"])
        if hour is None:
            return ""
        return f"T{int(hour):02d}:{int(p.get('m2') or 0):02d}"
    return ""


def _clock(p: dict[str, str], ctx: Context) -> Result:
    day = _anchor_day(ctx)
    return TimeType.TIME, (day or "XXXX-XX-XX") + _clock_part(p)


def _ago(p: dict[str, str], ctx: Context) -> Result:
    sign = -1 if p["dir"].lower() == "vor" else 1
    if "vague" in p:
        return D, "PAST_REF" if sign < 0 else "FUTURE_REF"
    n = _num(p["num"])
    unit = str(lexicon()["units"][p["unit"]])
    if ctx.ref is None or n is None:
        return D, None
    ref, k = ctx.ref, sign * n
    if unit == "Y":
        if n == int(n):
            return D, str(ref.year + int(k))
        y, m = month_shift(ref.year, ref.month, round(k * 12))
        return D, f"{y:04d}-{m:02d}"
    if unit == "M":
        y, m = month_shift(ref.year, ref.month, round(k))
        return D, f"{y:04d}-{m:02d}"
    if unit == "W":
        return D, week(ref + timedelta(days=round(7 * k)))
    if unit == "D":
        return D, (ref + timedelta(days=round(k))).isoformat()
    if unit == "DE":
        return D, str(ref.year + int(10 * k))[:3]
    if unit == "CE":
        return D, str(ref.year + int(100 * k))[:2]
    return D, ref.isoformat()  # hours, minutes: that day


def _duration_value(n: float | None, unit: str) -> str:
    amount = "X" if n is None else _fmt(n)
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{'M' if unit == 'MIN' else unit}"
    return f"P{amount}{unit}"


def _duration(p: dict[str, str], ctx: Context) -> Result:
    n = _num(p["num"])
    return TimeType.DURATION, _duration_value(n, str(lexicon()["units"][p["unit"]]))


def _vague_duration(p: dict[str, str], ctx: Context) -> Result:
    return TimeType.DURATION, _duration_value(None, str(lexicon()["units"][p["unit"]]))


def _relative(p: dict[str, str], ctx: Context) -> Result:
    rel = _rel(p.get("rel"))
    step = rel if isinstance(rel, int) else 0
    unit = p["unit"]
    if ctx.ref is None:
        return D, None
    ref = ctx.ref
    if unit.startswith("Wochenende"):
        if rel is None:
            step = 1 if ctx.future else -1
        if step == 0:
            base = ref + timedelta(days=6 - ref.isoweekday())
        elif step < 0:
            base = ref - timedelta(days=(ref.isoweekday() - 6) % 7)
        else:
            base = ref + timedelta(days=(6 - ref.isoweekday()) % 7 or 7)
        return D, week(base) + "-WE"
    if unit == "Woche":
        return D, week(ref + timedelta(days=7 * step))
    if unit.startswith("Monat"):
        y, m = month_shift(ref.year, ref.month, step)
        return D, f"{y:04d}-{m:02d}"
    if unit.startswith("Jahrzehnt"):
        return D, str(ref.year + 10 * step)[:3]
    if unit.startswith("Jahrhundert"):
        return D, str(ref.year + 100 * step)[:2]
    return D, str(ref.year + step)


def _previous(p: dict[str, str], ctx: Context) -> Result:
    unit = lexicon()["previous_nouns"][p["prev"]]
    return _relative(
        {"rel": "letzten", "unit": {"Y": "Jahr", "M": "Monat", "W": "Woche"}[unit]}, ctx
    )


def _ref(p: dict[str, str], ctx: Context) -> Result:
    if "present" in p:
        return D, "PRESENT_REF"
    return D, "PAST_REF" if "past" in p else "FUTURE_REF"


def _set(p: dict[str, str], ctx: Context) -> Result:
    if "setw" in p:
        return TimeType.SET, str(lexicon()["sets"][p["setw"].lower()])
    unit = {"Stunde": "H", "Tag": "D", "Woche": "W", "Monat": "M", "Jahr": "Y", "Jahrzehnt": "DE"}
    return TimeType.SET, _duration_value(1, unit[p["unit"]])


def _holiday_date(name: str, year: int) -> date:
    lex = lexicon()
    if name in lex["holidays_fixed"]:
        mm, dd = lex["holidays_fixed"][name].split("-")
        return date(year, int(mm), int(dd))
    return easter(year) + timedelta(days=int(lex["holidays_easter"][name]))


def _holiday(p: dict[str, str], ctx: Context) -> Result:
    name = p["hol"]
    if "year" in p:
        return D, _holiday_date(name, int(p["year"])).isoformat()
    if ctx.ref is None:
        fixed = lexicon()["holidays_fixed"].get(name)
        return D, f"XXXX-{fixed}" if fixed else None
    ref = ctx.ref
    options = [_holiday_date(name, y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    rel = _rel(p.get("rel"))
    if rel == -1:
        options = [d for d in options if d < ref]
        return D, max(options).isoformat()
    if rel == 1:
        options = [d for d in options if d > ref]
        return D, min(options).isoformat()
    return D, min(options, key=lambda d: (abs((d - ref).days), d)).isoformat()


def _holiday_period(p: dict[str, str], ctx: Context) -> Result:
    kind = lexicon()["holiday_periods"][p["period"]]
    if ctx.ref is None:
        return D, None
    ref = ctx.ref
    if kind == "easter":
        day = min(
            (easter(y) for y in (ref.year - 1, ref.year, ref.year + 1)),
            key=lambda d: abs((d - ref).days),
        )
        return D, f"{day.year:04d}-{day.month:02d}"
    month = int(kind)
    return D, f"{nearest_month_year(ref, month):04d}-{month:02d}"


_HANDLERS = {
    "date": _date,
    "range_day": _date,
    "numdate": _numdate,
    "month": _month,
    "year": _year,
    "decade": _decade,
    "season": _season,
    "deictic": _deictic,
    "deictic_adj": _deictic_adj,
    "year_adj": _year_adj,
    "weekday": _weekday_value,
    "weekday_set": _weekday_set,
    "part_of_weekday": _part_of_weekday,
    "part": _part_alone,
    "part_adv": _part_alone,
    "clock": _clock,
    "ago": _ago,
    "duration": _duration,
    "vague_duration": _vague_duration,
    "relative": _relative,
    "previous": _previous,
    "ref": _ref,
    "set": _set,
    "holiday": _holiday,
    "holiday_period": _holiday_period,
}
