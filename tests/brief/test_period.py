from __future__ import annotations

from datetime import date

import pytest

from lagebild.brief.period import PeriodError, parse_period, period_from_options


@pytest.mark.parametrize(("text", "start", "end"), [
    ("2015-09", "2015-09-01", "2015-09-30"),
    ("2016-02", "2016-02-01", "2016-02-29"),
    ("2015-12", "2015-12-01", "2015-12-31"),
    ("2015-W38", "2015-09-14", "2015-09-20"),
    ("2015-09-18", "2015-09-18", "2015-09-18"),
    ("2015-09-01..2015-09-10", "2015-09-01", "2015-09-10"),
    ("2015-08..2015-09", "2015-08-01", "2015-09-30"),
    ("2015", "2015-01-01", "2015-12-31"),
])
def test_forms(text: str, start: str, end: str) -> None:
    period = parse_period(text)
    assert (period.date_from, period.date_to) == (start, end)


def test_last_days_counts_back_from_the_newest_article() -> None:
    period = parse_period("last 7 days", newest=date(2015, 9, 18))
    assert (period.date_from, period.date_to, period.days) == ("2015-09-12", "2015-09-18", 7)
    assert parse_period("letzte 2 Wochen", newest=date(2015, 9, 18)).days == 14
    with pytest.raises(PeriodError, match="E026"):
        parse_period("last 7 days")


def test_previous_period_has_equal_length() -> None:
    prev = parse_period("2015-09").previous()
    assert (prev.date_from, prev.date_to) == ("2015-08-02", "2015-08-31")
    week = parse_period("2015-W38").previous()
    assert (week.date_from, week.date_to) == ("2015-09-07", "2015-09-13")


@pytest.mark.parametrize("text", ["2015-13", "2015-W54", "2015-09-31", "gestern",
                                  "2015-09-10..2015-09-01"])
def test_bad_periods_say_why(text: str) -> None:
    with pytest.raises(PeriodError, match="E025"):
        parse_period(text)


def test_exactly_one_way_to_name_a_period() -> None:
    assert period_from_options(month="2015-09").label == "2015-09"
    assert period_from_options(date_from="2015-09-01", date_to="2015-09-03").days == 3
    with pytest.raises(PeriodError, match="E027"):
        period_from_options("2015-09", week="2015-W38")
    with pytest.raises(PeriodError, match="E027"):
        period_from_options()
