"""The first-character look-ahead of the temporal patterns changes no match (issue 25)."""

from __future__ import annotations

import re

from lagebild.times.extract import patterns
from lagebild.times.prefilter import with_first_chars

TEXTS = [
    "Am Montag, dem 3. Oktober 2016, um 14.30 Uhr trafen sich die Minister in Berlin.",
    "Seit Anfang der 90er Jahre, vor zwei Wochen und nächstes Jahr; jedes Jahr im Frühjahr "
    "2015, am Wochenende, Ostermontag 2006, 12.03.2014 und 1.2.99 sowie 2000 Menschen.",
    "Im Alter von 40 Jahren starb er vor 3 Tagen. Übermorgen, heute Abend, gestern früh.",
    "", "   ", "Zürich 1999 – 2001. Im Jahr 2012/13 und im Sommer des Vorjahres.",
]


def test_lookahead_changes_no_match() -> None:
    added = 0
    for _, rx in patterns():
        plain = re.compile(rx.pattern.split("])", 1)[1] if rx.pattern.startswith("(?=[")
                           else rx.pattern, rx.flags)
        added += plain.pattern != rx.pattern
        for text in TEXTS:
            got = [(m.span(), m.groupdict()) for m in rx.finditer(text)]
            assert got == [(m.span(), m.groupdict()) for m in plain.finditer(text)]
    assert added >= 25  # nearly every pattern gets one


def test_unknown_or_empty_patterns_stay_as_they_are() -> None:
    for body in (r"(?<!\w)[^a]b", r"(?<!\w)x?", r"[^\W\d]x", r"(?i)Montag", r".b", r""):
        rx = re.compile(body)
        assert with_first_chars(rx) is rx
    rx = with_first_chars(re.compile(r"(?<![\w.])(?:(?P<a>Mo|Di)\s+|\d)?[JF]ahr"))
    assert rx.pattern.startswith("(?=[") and "J" in rx.pattern.split("]")[0]
    assert [m.group() for m in rx.finditer("Jahr, Mo Jahr, 5Fahr, xJahr")] == \
        ["Jahr", "Mo Jahr", "5Fahr"]
