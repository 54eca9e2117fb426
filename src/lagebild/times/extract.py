"""Finding German temporal expressions: precompiled regular expressions over the raw text.

Every pattern is built once from the word lists in ``data/lexicon.json`` and names its parts
(``day``, ``mon``, ``year``, ``wd``, ``rel``, ``num``, ``unit`` …); a pattern's group ``core``,
where it has one, is the expression's span (a leading preposition such as ``am``/``im``/``seit``
is matched as context but left outside). All patterns run over the text; overlapping candidates
are resolved longest first (then leftmost), so ``Freitag, dem 3. Dezember 2004`` wins over
``Freitag`` and ``2004``. :func:`find` returns :class:`Candidate` objects; their values are
computed by :mod:`lagebild.times.normalise`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from lagebild.times.prefilter import with_first_chars


@dataclass(frozen=True, slots=True)
class Candidate:
    """One expression found in the text: its span, the pattern's name and its named parts."""

    start: int
    end: int
    kind: str
    parts: dict[str, str]


@cache
def lexicon() -> dict[str, Any]:
    """The word lists (``lagebild/times/data/lexicon.json``), read once."""
    raw = resources.files("lagebild.times").joinpath("data/lexicon.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def numerals() -> dict[str, float]:
    """Number words with their values, with the compounds ``einundzwanzig`` … ``neunundneunzig``."""
    lex = lexicon()
    out: dict[str, float] = {k: float(v) for k, v in lex["numerals"].items()}
    for unit, uval in lex["numeral_units"].items():
        for ten, tval in lex["numeral_tens"].items():
            out[f"{unit}und{ten}"] = float(uval + tval)
    return out


def _alt(words: Any, capitalise: bool = False) -> str:
    """A non-capturing alternation of ``words``, longest first (optionally also capitalised)."""
    forms = set(words)
    if capitalise:
        forms |= {w[:1].upper() + w[1:] for w in words}
    return "(?:" + "|".join(re.escape(w) for w in sorted(forms, key=lambda w: (-len(w), w))) + ")"


def _g(name: str, body: str) -> str:
    return f"(?P<{name}>{body})"


@cache
def patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The compiled patterns, ``(kind, regex)``; built once from the lexicon."""
    lex = lexicon()
    nums = numerals()
    B = r"(?<![\w.])"  # word start (no letter, digit or dot before)
    E = r"(?!\w)"  # word end
    MON = _alt(lex["months"])
    WD = _alt(lex["weekdays"])
    UNIT = _alt(lex["units"])
    PLURAL = _alt(lex["plural_units"])
    NUMW = r"(?:\d+(?:,\d+)?|" + _alt(nums, True) + r"|(?:ein(?:e[mnrs]?)?\s+)?halbe[mns]?)"
    ends = "(?:" + "|".join(lex["relative_endings"]) + ")"
    REL = _alt(lex["relative"], True) + ends
    POS = _alt(lex["positions"])
    SEASON = _alt(lex["seasons"])
    HEDGE = _alt(lex["hedges"], True)
    DAY = r"(?:0?[1-9]|[12]\d|3[01])\."
    YEAR = r"(?<![\d.,:/])(?:1\d{3}|20\d\d)(?![\d]|[.,:]\d)"
    TRIG = _alt(lex["triggers"], True)
    PART = _alt(lex["day_parts"])
    PART_SUFFIX = _alt(lex["day_part_suffixes"])
    PART_ADV = _alt(lex["day_part_adverbs"])
    # "am 10. und [am] 11. Juli", "am 10. sowie 11. Juli": the links and the words after
    # them, shared with ``attach``'s coordinations
    COORD_LINKS = _alt(lex["coordinations"]["links"])
    COORD_ARTICLES = _alt(lex["coordinations"]["articles"])
    HOURW = _alt([w for w, v in nums.items() if v == int(v) and 0 < v <= 24], True)
    CLOCK = (
        r"(?:(?P<h>[01]?\d|2[0-3])[.:](?P<m>[0-5]\d)\s*Uhr|(?P<h2>[01]?\d|2[0-4]|"
        + HOURW
        + r")\s+Uhr(?:\s+(?P<m2>[0-5]?\d)(?!\s*(?:Minuten|Prozent|\d)))?)"
        + E
    )
    YEARSPEC = (
        r"(?:\s+"
        + _g("year", YEAR)
        + r"|\s+"
        + _g("yrel", r"(?:des\s+)?(?:" + _alt(lex["relative"]) + ends + r"|gleichen)")
        + r"\s+Jahres)"
    )
    holidays = list(lex["holidays_fixed"]) + list(lex["holidays_easter"])
    HOL = _alt(holidays)
    PERIOD = _alt(lex["holiday_periods"])
    # capitalised too (sentence start), except ``Morgen`` (the morning)
    DEICTIC = _alt(
        list(lex["deictic_days"]) + [w.capitalize() for w in lex["deictic_days"] if w != "morgen"]
    )
    DADJ = _alt(lex["deictic_adjectives"], True) + ends
    YADJ = _alt(lex["year_adjectives"], True) + ends

    src: list[tuple[str, str]] = [
        # Freitag, dem 3. Dezember 2004 / 3. Oktober 2015 / am 3. Oktober
        (
            "date",
            B
            + r"(?P<core>(?:"
            + _g("wd", WD)
            + r",?\s+(?:de[nm]\s+)?)?"
            + _g("day", DAY)
            + r"\s*"
            + _g("mon", MON)
            + r"(?:"
            + YEARSPEC
            + r"|(?:\s+|-)"
            + _g("yy", r"'\d\d")
            + r")?)"
            + E,
        ),
        # the first day of a range or a coordination: vom 1. bis zum 19. Juli 2006, am 10.
        # und 11. Juli
        (
            "range_day",
            B
            + r"(?P<core>"
            + _g("day", DAY)
            + r")(?=\s*(?:bis(?:\s+(?:zum|einschließlich))?|[–-]|"
            + COORD_LINKS
            + r"(?:\s+"
            + COORD_ARTICLES
            + r")?)\s*"
            + DAY
            + r"\s*"
            + _g("mon", MON)
            + r"(?:\s+"
            + _g("year", YEAR)
            + r")?)",
        ),
        # 03.10.2015 / 3.10.15
        (
            "numdate",
            r"(?<![\d.])(?P<core>"
            + _g("day", r"[0-3]?\d")
            + r"\."
            + _g("monnum", r"[01]?\d")
            + r"\."
            + _g("year", r"\d{4}|\d{2}")
            + r")(?![\d]|\.\d)",
        ),
        # (Anfang) Oktober 2007 / März nächsten Jahres
        (
            "month",
            B
            + r"(?P<core>(?:"
            + _g("pos", POS)
            + r"\s+)?(?:(?P<monat>Monat)\s+)?"
            + _g("mon", MON)
            + YEARSPEC
            + r")"
            + E,
        ),
        # im Februar / seit dem März / im Monat Januar
        (
            "month",
            r"(?:"
            + B
            + TRIG
            + r"\s+(?:de[mn]\s+)?)(?P<core>(?:(?P<monat>Monat)\s+)?"
            + _g("mon", MON)
            + r")"
            + E,
        ),
        # Anfang Oktober / vergangenen Mai
        (
            "month",
            B
            + r"(?P<core>(?:"
            + _g("pos", POS)
            + r"|"
            + _g("rel", REL)
            + r")\s+"
            + _g("mon", MON)
            + r")"
            + E,
        ),
        # (Anfang) 2016 / Jahr 2014 / Jahren 2009
        (
            "year",
            r"(?P<core>"
            + B
            + r"(?:"
            + _g("pos", POS)
            + r"\s+)?(?:(?P<jahr>Jahr(?:e[ns]?)?|Jahres)\s+)?"
            + _g("year", YEAR)
            + r")"
            + E
            + r"(?!\s*(?:-|–)?\s*(?:jährig|Jahre\b))",
        ),
        # (Mitte der) 1990er Jahre
        (
            "decade",
            B
            + r"(?P<core>(?:"
            + _g("pos", POS)
            + r"\s+(?:der\s+)?)?"
            + _g("dec", r"1\d\d|20\d")
            + r"0er(?:(?:\s+|-)?Jahren?)?)"
            + E,
        ),
        # im Frühjahr / Herbst kommenden Jahres / Sommer 2014 / vergangenen Winter
        (
            "season",
            r"(?:"
            + B
            + TRIG
            + r"\s+(?:de[mn]\s+)?)(?P<core>(?:"
            + _g("pos", POS)
            + r"\s+(?:des\s+)?)?(?:"
            + _g("rel", REL)
            + r"\s+)?"
            + _g("season", SEASON)
            + r"(?:"
            + YEARSPEC
            + r")?)"
            + E,
        ),
        (
            "season",
            B
            + r"(?P<core>(?:"
            + _g("pos", POS)
            + r"\s+(?:des\s+)?|"
            + _g("rel", REL)
            + r"\s+)"
            + _g("season", SEASON)
            + r"(?:"
            + YEARSPEC
            + r")?)"
            + E,
        ),
        ("season", B + r"(?P<core>" + _g("season", SEASON) + YEARSPEC + r")" + E),
        # heute / gestern Abend / vorgestern Nachmittag um 14.30 Uhr
        (
            "deictic",
            B
            + r"(?P<core>"
            + _g("dd", DEICTIC)
            + r"(?:\s+"
            + _g("part", PART + "|" + _alt(lex["day_part_suffixes"]) + "|früh")
            + r")?"
            + r"(?:,?\s+(?:um|gegen)\s+"
            + CLOCK
            + r")?)"
            + E,
        ),
        # heutigen Nachmittag / gestrigen Tag / am heutigen Montag
        (
            "deictic_adj",
            B
            + r"(?P<core>"
            + _g("dadj", DADJ)
            + r"(?:\s+(?:"
            + _g("part", PART)
            + r"|Tag(?:es)?|"
            + WD
            + r"s?))?)"
            + E,
        ),
        # diesjährigen
        ("year_adj", B + r"(?P<core>" + _g("yadj", YADJ) + r")" + E),
        # vergangenen Dienstag / Montagmorgen / am Mittwoch / jeden Montag / Freitag
        # vergangener Woche
        (
            "weekday",
            B
            + r"(?P<core>(?:"
            + _g("each", r"[Jj]ede[nrs]?")
            + r"\s+|"
            + _g("rel", REL)
            + r"\s+)?"
            + _g("wd", WD)
            + _g("part", PART_SUFFIX)
            + r"?(?:\s+(?:der\s+)?"
            + _g("wrel", REL)
            + r"\s+Woche)?)"
            + E,
        ),
        (
            "weekday_set",
            B + r"(?P<core>" + _g("wdadv", _alt(lex["weekday_adverbs"], True)) + r")" + E,
        ),
        # (am) späten Nachmittag des Montag / in der Nacht zum Sonntag, auf (den) Donnerstag
        (
            "part_of_weekday",
            B
            + r"(?P<core>(?:(?:frühen|späten)\s+)?"
            + _g("part", PART)
            + r"\s+(?:des|am|zum|auf(?:\s+den)?)\s+"
            + _g("wd", WD)
            + r"s?)"
            + E,
        ),
        # am frühen Morgen / in der Nacht (the day comes from the sentence)
        (
            "part",
            r"(?:"
            + B
            + r"(?:[Aa]m|[Ii]n\s+der|[Gg]egen|[Ss]eit\s+dem)\s+)(?P<core>(?:(?:frühen|späten)\s+)?"
            + _g("part", PART)
            + r")"
            + E
            + r"(?!\s+(?:des|am|zum|auf)\s)",
        ),
        ("part_adv", B + r"(?P<core>" + _g("part", PART_ADV) + r")" + E + r"(?!\s+um\s)"),
        # 14 Uhr / 14.30 Uhr / 4 Uhr 30 / sieben Uhr
        ("clock", B + r"(?P<core>" + CLOCK + r")"),
        # vor zwei Wochen / in drei Tagen / vor wenigen Tagen
        (
            "ago",
            B
            + r"(?P<core>"
            + _g("dir", r"[Vv]or|[Ii]n")
            + r"\s+(?:"
            + _g("hedge", HEDGE)
            + r"\s+)?(?:"
            + _g("num", NUMW)
            + r"|"
            + _g("vague", _alt(lex["vague_quantities"]))
            + r")\s+"
            + _g("unit", UNIT)
            + r")"
            + E
            + r"(?!\s+(?:alt|älter|jünger)\w*)",
        ),
        # seit mehr als vier Jahren / zwei Tage / ein Jahr / nächsten zwei Jahre
        (
            "duration",
            B
            + r"(?P<core>(?:"
            + _g("rel", REL)
            + r"\s+)?(?:"
            + _g("hedge", HEDGE)
            + r"\s+)?"
            + _g("num", NUMW)
            + r"\s+"
            + _g("unit", UNIT)
            + r")"
            + E
            + r"(?!\s+(?:alt|älter|jünger)\w*)",
        ),
        # seit Jahren / einigen Jahren / der letzten Jahre
        (
            "vague_duration",
            r"(?:"
            + B
            + r"(?:[Ss]eit|[Ss]chon|[Vv]or)\s+)(?P<core>"
            + _g("unit", PLURAL)
            + r")"
            + E,
        ),
        (
            "vague_duration",
            B
            + r"(?P<core>(?:"
            + _g("vague", _alt(lex["vague_quantities"]))
            + r"|"
            + _g("rel", REL)
            + r")\s+"
            + _g("unit", PLURAL)
            + r")"
            + E,
        ),
        # vergangenen Woche / diesem Jahr / letzten Monat / kommenden Jahres
        (
            "relative",
            B
            + r"(?P<core>"
            + _g("rel", REL)
            + r"\s+"
            + _g(
                "unit",
                r"Woche|Monat|Monats|Jahr|Jahres"
                + r"|Jahrzehnts?|Jahrhunderts?|Wochenende|Wochenendes",
            )
            + r")"
            + E,
        ),
        (
            "relative",
            r"(?:"
            + B
            + r"(?:am|Am|übers|Übers)\s+)(?P<core>"
            + _g("unit", r"Wochenende")
            + r")"
            + E,
        ),
        # Vorjahr / Vormonat
        ("previous", B + r"(?P<core>" + _g("prev", _alt(lex["previous_nouns"])) + r")" + E),
        # jetzt / derzeit / Vergangenheit / Zukunft
        (
            "ref",
            B
            + r"(?P<core>"
            + _g("present", _alt(lex["present_ref"], True))
            + "|"
            + _g("past", _alt(lex["past_ref"]))
            + "|"
            + _g("future", _alt(lex["future_ref"]))
            + r")"
            + E,
        ),
        # jährlich / täglich / pro Monat / jedes Jahr
        ("set", B + r"(?P<core>" + _g("setw", _alt(lex["sets"], True)) + r")" + E),
        (
            "set",
            B
            + r"(?P<core>"
            + _g("each", _alt(lex["set_prefixes"], True))
            + r"\s+"
            + _g("unit", r"Stunde|Tag|Woche|Monat|Jahr|Jahrzehnt")
            + r")"
            + E,
        ),
        # Weihnachten / Ostermontag 2006 / Osterfeiertagen
        (
            "holiday",
            B
            + r"(?P<core>(?:"
            + _g("rel", REL)
            + r"\s+)?"
            + _g("hol", HOL)
            + r"(?:\s+"
            + _g("year", YEAR)
            + r")?)"
            + E,
        ),
        ("holiday_period", B + r"(?P<core>" + _g("period", PERIOD) + r")" + E),
    ]
    # the look-ahead on each pattern's first characters: see times/prefilter.py
    return tuple((kind, with_first_chars(re.compile(body))) for kind, body in src)


_QUANTITY_AFTER = re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß]")


def _is_quantity(text: str, cand: Candidate, month_words: frozenset[str]) -> bool:
    """A bare four-digit number followed by a capitalised noun is a quantity (``2000 Menschen``)."""
    if cand.kind != "year" or "jahr" in cand.parts or "pos" in cand.parts:
        return False
    before = text[max(0, cand.start - 12) : cand.start].split()
    if before and before[-1].lower() in {
        "im",
        "seit",
        "bis",
        "ab",
        "von",
        "vor",
        "nach",
        "um",
        "zum",
    }:
        return False
    m = _QUANTITY_AFTER.match(text, cand.end)
    if m is None:
        return False
    word = re.match(r"\w+", text[m.end() - 2 :])
    return word is None or word.group() not in month_words


_AGE_BEFORE = re.compile(r"(?:Alter|alter)\s+von\s+$")


def find(text: str) -> list[Candidate]:
    """All temporal expressions in ``text``, non-overlapping, in text order."""
    found: list[Candidate] = []
    for kind, rx in patterns():
        for m in rx.finditer(text):
            start, end = m.span("core") if "core" in rx.groupindex else m.span()
            if end <= start:
                continue
            parts = {k: v for k, v in m.groupdict().items() if v is not None and k != "core"}
            found.append(Candidate(start, end, kind, parts))
    months = frozenset(lexicon()["months"])
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken: list[Candidate] = []
    for cand in found:
        if any(cand.start < t.end and t.start < cand.end for t in taken):
            continue
        if _is_quantity(text, cand, months):
            continue
        if cand.kind in ("duration", "ago") and _AGE_BEFORE.search(
            text, max(0, cand.start - 20), cand.start
        ):
            continue
        taken.append(cand)
    taken.sort(key=lambda c: c.start)
    return taken
