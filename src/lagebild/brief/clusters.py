"""The events of a brief: the store's event clusters (``store.clusters``) reported in the
articles of the period. A cluster is one event, however many articles and agencies report it
(the store groups reports by PLOVER type, linked actors and event day, and near-duplicate
copies); its numbers of reporting articles and sources are the ranking's evidence.

The period's reports are read without their JSON (type, Goldstein and counts come from the
cluster row); the candidates' agencies and the shown items' actor names are read afterwards.
"""

from __future__ import annotations

import heapq
import json
import math
import re
import sqlite3
from dataclasses import dataclass, field

from lagebild.brief.rows import tuples

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

#: the ranking, in words (also printed at the head of the event section)
SCORING = ("score = 3·ln(1 + articles reporting the event) + 2·ln(1 + sources: outlets and "
           "agencies) + 0.25·|Goldstein| + 0.5·ln(1 + mentions of its most prominent actor in "
           "the period) − 1 if not asserted (planned, proposed, hypothetical, alleged …); an "
           "event is one of the store's event clusters")


@dataclass(slots=True)
class Report:
    """One mention of an event in an article published in the period (a row of ``events``)."""

    article_id: str
    idx: int
    modality: str | None
    date: str | None  # the stated date, when it is one (not PRESENT_REF …)
    published: str  # YYYY-MM-DD
    start: int
    end: int
    outlet: str | None
    quad_class: int | None  # the report's own class (the timeline counts reports)


@dataclass(slots=True)
class Cluster:
    """One event: the store's cluster row and its reports in the period."""

    id: int
    plover: str
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    articles: int  # distinct articles reporting it (all of them, as the store counts)
    outlets: int  # distinct outlets reporting it (the store's ``sources``)
    reports: list[Report] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)  # linked source and target actor ids
    sources: list[str] = field(default_factory=list)  # outlets and agencies, once read

    @property
    def first(self) -> Report:
        """The representative report: asserted before the rest, then the earliest."""
        reports = self.reports
        if len(reports) == 1:
            return reports[0]
        return min(reports, key=lambda r: (r.modality not in (None, "asserted"), r.published,
                                           r.article_id, r.idx))


def normalise_date(value: str | None) -> str | None:
    """A stated event date, or None for references such as ``PRESENT_REF``."""
    return value if value and _DATE.match(value) else None


def period_clusters(conn: sqlite3.Connection, start: str, end: str
                    ) -> tuple[dict[int, Cluster], list[Report]]:
    """The clusters reported in articles published in [start, end), by id, and all their
    reports. An event without a cluster is not counted (``store.clusters``: the events stage
    rated it more likely wrong than right) and is left out."""
    clusters: dict[int, Cluster] = {}
    reports: list[Report] = []
    dates: dict[str, str | None] = {}  # stated dates repeat: normalised once each
    get, append = clusters.get, reports.append
    for (cid, article_id, idx, modality, stated, s0, s1, quad, published, outlet, plover,
         code, c_quad, goldstein, articles, outlets) in tuples(
            conn, """SELECT e.cluster_id, e.article_id, e.idx, e.modality, e.date, e.start, e.end,
                      e.quad_class, a.published, a.outlet, c.plover, c.code, c.quad_class,
                      c.goldstein, c.articles, c.sources
               FROM articles a JOIN events e ON e.article_id = a.id
                 JOIN event_clusters c ON c.id = e.cluster_id
               WHERE a.published >= ? AND a.published < ?""", (start, end)):
        if stated is None:
            date = None
        elif stated in dates:
            date = dates[stated]
        else:
            date = dates[stated] = normalise_date(stated)
        report = Report(article_id, idx, modality, date, str(published)[:10], s0, s1, outlet,
                        quad)
        append(report)
        cluster = get(cid)
        if cluster is None:
            cluster = clusters[cid] = Cluster(cid, plover or "?", code, c_quad, goldstein,
                                              articles, outlets)
        cluster.reports.append(report)
    _actors(conn, clusters)
    return clusters, reports


def _actors(conn: sqlite3.Connection, clusters: dict[int, Cluster]) -> None:
    """The linked actors of every cluster, in one statement (the ids go in as one JSON
    array: a month has tens of thousands)."""
    ids = list(clusters)
    if not ids:
        return
    for cid, actor in tuples(
            conn, """SELECT cluster_id, actor_id FROM cluster_actors
               WHERE cluster_id IN (SELECT value FROM json_each(?))""", (json.dumps(ids),)):
        clusters[cid].actors.append(actor)


def load_sources(conn: sqlite3.Connection, clusters: list[Cluster]) -> None:
    """Outlets and agencies of every report of the clusters (all of the event's articles,
    as the store's counts), case-insensitively distinct."""
    ids = [c.id for c in clusters]
    articles: dict[int, set[str]] = {c.id: {r.article_id for r in c.reports} for c in clusters}
    if ids:
        for cid, article_id in conn.execute(
                """SELECT cluster_id, article_id FROM events
                   WHERE cluster_id IN (SELECT value FROM json_each(?))""", (json.dumps(ids),)):
            articles[cid].add(article_id)
    wanted = sorted({a for found in articles.values() for a in found})
    names: dict[str, list[str]] = {}
    for article_id, outlet, agencies in conn.execute(
            """SELECT id, outlet, json_extract(doc, '$.source.agencies') FROM articles
               WHERE id IN (SELECT value FROM json_each(?))""", (json.dumps(wanted),)):
        found = [outlet] if outlet else []
        found += [str(a) for a in (json.loads(agencies) if agencies else []) if a]
        names[article_id] = found
    for cluster in clusters:
        seen: dict[str, str] = {}
        for article_id in articles[cluster.id]:
            for name in names.get(article_id, []):
                if name.strip():
                    seen.setdefault(name.strip().casefold(), name.strip())
        cluster.sources = sorted(seen.values(), key=str.casefold)


def candidates(clusters: list[Cluster], prominence: dict[str, int], n: int) -> list[Cluster]:
    """The ``n`` best clusters by ``score`` with outlets for sources (agencies not read yet):
    the candidates whose agencies are read. (One loop with local names: a month has tens of
    thousands of clusters, most reported once.)"""
    log1p, get = math.log1p, prominence.get
    scored: list[tuple[float, int]] = []
    append = scored.append
    for i, cluster in enumerate(clusters):
        mentions = 0
        for k in cluster.actors:
            m = get(k, 0)
            if m > mentions:
                mentions = m
        reports = cluster.reports
        modality = reports[0].modality if len(reports) == 1 else cluster.first.modality
        append((3 * log1p(cluster.articles) + 2 * log1p(cluster.outlets)
                + 0.25 * abs(cluster.goldstein or 0.0) + 0.5 * log1p(mentions)
                - (modality not in (None, "asserted")), -i))
    return [clusters[-i] for _, i in heapq.nlargest(n, scored)]


def score(cluster: Cluster, prominence: dict[str, int], names: dict[str, str]
          ) -> tuple[float, list[tuple[str, str, float]]]:
    """The cluster's score and its terms as ``(factor, value, points)`` (see ``SCORING``);
    ``names``: display names of actor ids."""
    first = cluster.first
    sources = cluster.sources
    terms: list[tuple[str, str, float]] = [
        ("Artikel", str(cluster.articles), 3 * math.log1p(cluster.articles)),
        ("Quellen", ", ".join(sources) or "0", 2 * math.log1p(len(sources))),
    ]
    goldstein = cluster.goldstein
    if goldstein is not None:
        terms.append(("Goldstein", f"{goldstein:+.1f}", 0.25 * abs(goldstein)))
    known = [(prominence.get(k, 0), names.get(k, k)) for k in cluster.actors]
    if known:
        mentions, name = max(known)
        terms.append(("Prominenz", f"{name}: {mentions} Erwähnungen",
                      0.5 * math.log1p(mentions)))
    if first.modality not in (None, "asserted"):
        terms.append(("Modalität", str(first.modality), -1.0))
    return sum(t[2] for t in terms), [(f, v, round(p, 2)) for f, v, p in terms]
