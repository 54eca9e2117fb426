"""Reports of the same event, grouped: one item per event in the brief, however many articles
(and agencies) report it.

Two reports are the same event when they have the same PLOVER type, the same source actors and
the same target actors, and either the same stated date (``2014-03``) or, with no date in the
text, publication days at most ``WINDOW_DAYS`` apart (chained: a story followed for a week
stays one event). Reports with no actor on either side are never merged.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

WINDOW_DAYS = 2
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

#: the ranking, in words (also printed at the head of the event section)
SCORING = ("score = 3·ln(1 + articles) + 2·ln(1 + sources: outlets and agencies) "
           "+ 0.25·|Goldstein| + 0.5·ln(1 + mentions of its most prominent actor in the period) "
           "− 1 if not asserted (planned, proposed, hypothetical, alleged …)")


@dataclass(slots=True)
class Report:
    """One event as one article reports it (a row of ``events``)."""

    article_id: str
    idx: int
    plover: str
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    modality: str | None
    date: str | None  # the stated date, when it is one (not PRESENT_REF …)
    published: str  # YYYY-MM-DD
    source: tuple[tuple[str, str], ...]  # (id or name, display name)
    target: tuple[tuple[str, str], ...]
    trigger: str | None
    start: int
    end: int
    outlet: str | None
    original: str  # the article id, or the article it nearly duplicates

    @property
    def key(self) -> tuple[str, tuple[tuple[str, str], ...], tuple[tuple[str, str], ...], str]:
        return (self.plover, self.source, self.target, self.date or "")


@dataclass
class Cluster:
    reports: list[Report]
    agencies: dict[str, list[str]] = field(default_factory=dict)  # article id → agencies
    #: the representative report: asserted before the rest, then the earliest
    first: Report = field(init=False)

    def __post_init__(self) -> None:
        self.first = self.reports[0] if len(self.reports) == 1 else min(
            self.reports, key=lambda r: (r.modality not in (None, "asserted"), r.published,
                                         r.article_id, r.idx))

    @property
    def articles(self) -> int:
        return len({r.original for r in self.reports})

    def sources(self) -> list[str]:
        """Outlets and agencies that report it (case-insensitively distinct)."""
        seen: dict[str, str] = {}
        for r in self.reports:
            for name in [r.outlet, *self.agencies.get(r.article_id, [])]:
                if name and name.strip():
                    seen.setdefault(name.strip().casefold(), name.strip())
        return sorted(seen.values(), key=str.casefold)

    def actor_keys(self) -> set[str]:
        first = self.first
        return {k for k, _ in first.source + first.target}


def normalise_date(value: str | None) -> str | None:
    """A stated event date, or None for references such as ``PRESENT_REF``."""
    return value if value and _DATE.match(value) else None


def cluster_reports(reports: list[Report]) -> list[Cluster]:
    """Group reports of the same event (see the module docstring)."""
    by_key: dict[tuple[str, tuple[tuple[str, str], ...], tuple[tuple[str, str], ...], str],
                 list[Report]] = defaultdict(list)
    clusters: list[Cluster] = []
    for report in reports:
        if not report.source and not report.target:
            clusters.append(Cluster([report]))
        else:
            by_key[(report.plover, report.source, report.target, report.date or "")].append(
                report)
    for key, group in by_key.items():
        if len(group) == 1 or key[3]:  # one report, or a stated date: one event
            clusters.append(Cluster(group))
            continue
        group.sort(key=lambda r: (r.published, r.article_id, r.idx))
        current = [group[0]]
        for report in group[1:]:
            gap = (date.fromisoformat(report.published)
                   - date.fromisoformat(current[-1].published)).days
            if gap <= WINDOW_DAYS:
                current.append(report)
            else:
                clusters.append(Cluster(current))
                current = [report]
        clusters.append(Cluster(current))
    return clusters


def rough_score(cluster: Cluster, prominence: dict[str, int]) -> float:
    """``score`` without agencies (outlets only) and without words: to pick the candidates
    whose articles are read for their agencies."""
    first = cluster.first
    reports = cluster.reports
    if len(reports) == 1:  # most clusters: one report
        articles, outlets = 1, 1 if first.outlet else 0
    else:
        articles = len({r.original for r in reports})
        outlets = len({r.outlet for r in reports if r.outlet})
    mentions = 0
    for k, _ in first.source:
        mentions = max(mentions, prominence.get(k, 0))
    for k, _ in first.target:
        mentions = max(mentions, prominence.get(k, 0))
    return (3 * math.log1p(articles) + 2 * math.log1p(outlets)
            + 0.25 * abs(first.goldstein or 0.0) + 0.5 * math.log1p(mentions)
            - (first.modality not in (None, "asserted")))


def score(cluster: Cluster, prominence: dict[str, int]) -> tuple[float, list[tuple[str, str,
                                                                                 float]]]:
    """The cluster's score and its terms as ``(factor, value, points)`` (see ``SCORING``)."""
    first = cluster.first
    sources = cluster.sources()
    terms: list[tuple[str, str, float]] = [
        ("Artikel", str(cluster.articles), 3 * math.log1p(cluster.articles)),
        ("Quellen", ", ".join(sources) or "0", 2 * math.log1p(len(sources))),
    ]
    goldstein = first.goldstein
    if goldstein is not None:
        terms.append(("Goldstein", f"{goldstein:+.1f}", 0.25 * abs(goldstein)))
    known = [(prominence.get(k, 0), name) for k, name in first.source + first.target]
    if known:
        mentions, name = max(known)
        terms.append(("Prominenz", f"{name}: {mentions} Erwähnungen",
                      0.5 * math.log1p(mentions)))
    if first.modality not in (None, "asserted"):
        terms.append(("Modalität", str(first.modality), -1.0))
    return sum(t[2] for t in terms), [(f, v, round(p, 2)) for f, v, p in terms]
