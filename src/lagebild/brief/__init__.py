"""The situation report (``lagebild brief``): what happened in a period, who said what, what
changed against the period before — every item with its evidence in the store."""

from __future__ import annotations

from lagebild.brief.collect import build_brief
from lagebild.brief.period import Period, PeriodError, parse_period

__all__ = ["Period", "PeriodError", "build_brief", "parse_period"]
