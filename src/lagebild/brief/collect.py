"""The queries behind a brief: events, statements, relation changes and prominent actors of a
period (articles published in it), against the period of equal length before it.

Everything is read in a few scans over the two periods; article text is read only for the
items the brief shows (their evidence).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from lagebild.actors.ids import mention_actor_id
from lagebild.brief.clusters import SCORING, Cluster, Report, cluster_reports, normalise_date
from lagebild.brief.clusters import score as cluster_score
from lagebild.brief.links import evidence_href
from lagebild.brief.model import (
    ActorName,
    Brief,
    DayCount,
    EventItem,
    Evidence,
    Network,
    NetworkEdge,
    NetworkNode,
    PairChange,
    ProminentActor,
    QuadCounts,
    Reason,
    SpeakerItem,
    StatementItem,
)
from lagebild.brief.period import Period
from lagebild.store.filters import date_upper_bound, marks

QUAD_NAMES = {1: "verbale Kooperation", 2: "materielle Kooperation",
              3: "verbaler Konflikt", 4: "materieller Konflikt"}
#: statement types in the order a brief prefers them (direct quotes first)
TYPE_ORDER = {"Direct": 0, "Indirect": 1, "FreeIndirect": 2, "IndirectFreeIndirect": 2,
              "Reported": 3}
CANDIDATES = 80  # clusters ranked again once their agencies are read
MIN_NEW_MENTIONS = 3  # mentions in the period before an actor counts as newly prominent


@dataclass
class Limits:
    events_per_class: int = 8
    speakers: int = 8
    statements_per_speaker: int = 3
    changes: int = 10
    prominent: int = 10
    network_nodes: int = 20


@dataclass
class _Names:
    """Display names of actor ids, from event references and speakers (knowledge-base names)
    before mention texts."""

    names: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, name: str | None, strong: bool = True) -> None:
        if not name:
            return
        if strong:
            self.names[key] = name
        else:
            self.names.setdefault(key, name)

    def actor(self, key: str) -> ActorName:
        return ActorName(id=key, name=self.names.get(key, key))


def _sides(refs: Any) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for ref in refs or []:
        if isinstance(ref, dict) and (ref.get("id") or ref.get("name")):
            out.append((str(ref.get("id") or ref.get("name")),
                        str(ref.get("name") or ref.get("id"))))
    return tuple(sorted(set(out)))


def _bounds(period: Period) -> tuple[str, str]:
    return period.date_from, date_upper_bound(period.date_to)


def _reports(conn: sqlite3.Connection, start: str, end: str) -> list[Report]:
    rows = conn.execute(
        """SELECT e.article_id, e.idx, e.code, e.plover, e.quad_class, e.modality, e.date,
                  e.start, e.end, e.data, a.published, a.outlet, a.near_duplicate_of
           FROM events e JOIN articles a ON a.id = e.article_id
           WHERE a.published >= ? AND a.published < ?""", (start, end))
    reports: list[Report] = []
    for r in rows:
        data: dict[str, Any] = json.loads(r[9]) if r[9] else {}
        goldstein = data.get("goldstein")
        reports.append(Report(
            article_id=r[0], idx=r[1], plover=r[3] or "?", cameo=r[2], quad_class=r[4],
            goldstein=float(goldstein) if isinstance(goldstein, int | float) else None,
            modality=r[5], date=normalise_date(r[6]), published=str(r[10])[:10],
            source=_sides(data.get("source")), target=_sides(data.get("target")),
            trigger=(data.get("trigger") or {}).get("text"), start=r[7], end=r[8],
            outlet=r[11], original=r[12] or r[0]))
    return reports


@dataclass
class _Text:
    """Article text and metadata for the evidence of shown items, read once per article."""

    conn: sqlite3.Connection
    base: str
    rows: dict[str, tuple[str, str | None, str | None, str | None, list[str]]] = field(
        default_factory=dict)

    def load(self, article_ids: Iterable[str]) -> None:
        wanted = sorted(set(article_ids) - set(self.rows))
        for chunk in range(0, len(wanted), 500):
            ids = wanted[chunk:chunk + 500]
            for r in self.conn.execute(
                f"""SELECT id, json_extract(doc, '$.text'), title, published, outlet,
                           json_extract(doc, '$.source.agencies')
                    FROM articles WHERE id IN ({marks(ids)})""", ids):
                agencies = json.loads(r[5]) if r[5] else []
                self.rows[r[0]] = (r[1] or "", r[2], r[3], r[4],
                                   [str(a) for a in agencies if a])

    def agencies(self, article_id: str) -> list[str]:
        return self.rows[article_id][4] if article_id in self.rows else []

    def evidence(self, article_id: str, start: int, end: int) -> Evidence:
        self.load([article_id])
        text, title, published, outlet, _ = self.rows.get(article_id, ("", None, None, None,
                                                                       []))
        return Evidence(article_id=article_id, start=start, end=end, text=text[start:end],
                        title=title, published=published, outlet=outlet,
                        href=evidence_href(article_id, start, end, self.base))


def _focus_match(keys: Iterable[str], focus: set[str]) -> bool:
    return not focus or any(k in focus for k in keys)


def _mentions(conn: sqlite3.Connection, start: str, end: str,
              names: _Names) -> tuple[Counter[str], dict[str, str]]:
    """Mentions per actor in a period, and each actor's entity label."""
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    texts: dict[str, Counter[str]] = defaultdict(Counter)
    for actor_id, label, text, n in conn.execute(
        """SELECT m.actor_id, m.label, m.text, COUNT(*) FROM mentions m
           JOIN articles a ON a.id = m.article_id
           WHERE a.published >= ? AND a.published < ?
           GROUP BY m.actor_id, m.label, m.text""", (start, end)):
        key = actor_id or mention_actor_id(label, text)
        counts[key] += n
        labels.setdefault(key, label)
        texts[key][text] += n
    for key, variants in texts.items():
        names.add(key, variants.most_common(1)[0][0], strong=False)
    return counts, labels


def _event_items(clusters: list[Cluster], prominence: Counter[str], text: _Text,
                 names: _Names, limits: Limits) -> dict[str, list[EventItem]]:
    # first a ranking without agencies, then the best candidates again with them
    rough = sorted(clusters, key=lambda c: -cluster_score(c, prominence)[0])
    candidates = rough[:CANDIDATES * 4]
    text.load(r.article_id for c in candidates for r in c.reports)
    for cluster in candidates:
        cluster.agencies = {r.article_id: text.agencies(r.article_id) for r in cluster.reports}
    scored = sorted(((cluster_score(c, prominence), c) for c in candidates),
                    key=lambda sc: (-sc[0][0], sc[1].first.published, sc[1].first.article_id))
    out: dict[str, list[EventItem]] = {}
    for (points, terms), cluster in scored:
        first = cluster.first
        quad = str(first.quad_class or 0)
        bucket = out.setdefault(quad, [])
        if len(bucket) >= limits.events_per_class:
            continue
        reports = sorted(cluster.reports, key=lambda r: (r.published, r.article_id, r.idx))
        evidence = [text.evidence(r.article_id, r.start, r.end) for r in
                    [first, *[r for r in reports if r is not first]][:5]]
        bucket.append(EventItem(
            type=first.plover, cameo=first.cameo, quad_class=first.quad_class,
            goldstein=first.goldstein, date=first.date, reported=reports[0].published,
            modality=first.modality,
            source=[names.actor(k) for k, _ in first.source],
            target=[names.actor(k) for k, _ in first.target],
            trigger=first.trigger, articles=cluster.articles, sources=cluster.sources(),
            score=round(points, 2),
            why=[Reason(factor=f, value=v, points=p) for f, v, p in terms],
            evidence=evidence))
    return {k: out[k] for k in sorted(out)}


def _pair_counts(reports: Sequence[Report], focus: set[str]) -> tuple[
        dict[tuple[str, str], list[int]], dict[tuple[str, str], list[float]],
        dict[tuple[str, str], list[Report]]]:
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    goldstein: dict[tuple[str, str], list[float]] = defaultdict(list)
    seen: dict[tuple[str, str], list[Report]] = defaultdict(list)
    for r in reports:
        for s, _ in r.source:
            for t, _ in r.target:
                if s == t or not _focus_match((s, t), focus):
                    continue
                pair = (min(s, t), max(s, t))
                if r.quad_class in (1, 2, 3, 4):
                    counts[pair][r.quad_class - 1] += 1
                if r.goldstein is not None:
                    goldstein[pair].append(r.goldstein)
                seen[pair].append(r)
    return counts, goldstein, seen


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def _changes(current: Sequence[Report], previous: Sequence[Report], focus: set[str],
             text: _Text, names: _Names, limits: Limits) -> list[PairChange]:
    cur, cur_g, cur_reports = _pair_counts(current, focus)
    prev, prev_g, _ = _pair_counts(previous, focus)
    ranked: list[tuple[float, tuple[str, str]]] = []
    for pair in set(cur) | set(prev):
        c, p = cur.get(pair, [0] * 4), prev.get(pair, [0] * 4)
        movement = float(sum(abs(x - y) for x, y in zip(c, p, strict=True)))
        gc, gp = _mean(cur_g.get(pair, [])), _mean(prev_g.get(pair, []))
        if gc is not None and gp is not None:
            movement += 0.5 * abs(gc - gp)
        if movement > 0:
            ranked.append((movement, pair))
    ranked.sort(key=lambda mp: (-mp[0], mp[1]))
    out: list[PairChange] = []
    for movement, pair in ranked[:limits.changes]:
        c, p = cur.get(pair, [0] * 4), prev.get(pair, [0] * 4)
        gc, gp = _mean(cur_g.get(pair, [])), _mean(prev_g.get(pair, []))
        parts = [f"{QUAD_NAMES[q + 1]} {p[q]} → {c[q]}" for q in range(4) if c[q] != p[q]]
        if gc is not None or gp is not None:
            parts.append("Goldstein " + " → ".join(
                "–" if g is None else f"{g:+.1f}" for g in (gp, gc)))
        shown = sorted(cur_reports.get(pair, []), key=lambda r: (r.published, r.article_id,
                                                                  r.idx))[:3]
        out.append(PairChange(
            a=names.actor(pair[0]), b=names.actor(pair[1]),
            current=QuadCounts(q1=c[0], q2=c[1], q3=c[2], q4=c[3]),
            previous=QuadCounts(q1=p[0], q2=p[1], q3=p[2], q4=p[3]),
            goldstein_current=gc, goldstein_previous=gp, movement=round(movement, 2),
            summary="; ".join(parts),
            evidence=[text.evidence(r.article_id, r.start, r.end) for r in shown]))
    return out


def _statement_rows(conn: sqlite3.Connection, start: str, end: str) -> list[sqlite3.Row]:
    return conn.execute(
        """SELECT s.article_id, s.idx, s.speaker_actor_id, s.speaker_text, s.kind, s.start,
                  s.end, s.text, s.data, a.published
           FROM statements s JOIN articles a ON a.id = s.article_id
           WHERE a.published >= ? AND a.published < ?""", (start, end)).fetchall()


def _speakers(rows: list[sqlite3.Row], allowed: set[str] | None, prominence: Counter[str],
              text: _Text, names: _Names, limits: Limits) -> list[SpeakerItem]:
    by_speaker: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for r in rows:
        speaker = r["speaker_actor_id"]
        if speaker and (allowed is None or speaker in allowed):
            by_speaker[speaker].append(r)
    ranked = sorted(by_speaker, key=lambda k: (-len(by_speaker[k]), -prominence.get(k, 0), k))
    out: list[SpeakerItem] = []
    for speaker in ranked[:limits.speakers]:
        chosen: list[StatementItem] = []
        seen: set[str] = set()
        for r in sorted(by_speaker[speaker], key=lambda r: (
                TYPE_ORDER.get(r["kind"], 4), -min(len(r["text"]), 240), r["published"] or "",
                r["article_id"], r["idx"])):
            key = " ".join(r["text"].split()).strip('"„“”»«').casefold()
            if key in seen or any(key in other or other in key for other in seen):
                continue  # the same words, quoted inside a longer statement shown already
            seen.add(key)
            data: dict[str, Any] = json.loads(r["data"]) if r["data"] else {}
            cue = " … ".join(c["text"] for c in data.get("cue") or []) or None
            chosen.append(StatementItem(type=r["kind"] or "?", cue=cue, text=r["text"],
                                        evidence=text.evidence(r["article_id"], r["start"],
                                                               r["end"])))
            if len(chosen) >= limits.statements_per_speaker:
                break
        out.append(SpeakerItem(speaker=names.actor(speaker),
                               statements_in_period=len(by_speaker[speaker]),
                               statements=chosen))
    return out


def _roles(reports: Sequence[Report], speakers: Iterable[str]) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = defaultdict(set)
    for r in reports:
        quad = QUAD_NAMES.get(r.quad_class or 0)
        if not quad:
            continue
        for k, _ in r.source:
            roles[k].add(f"Urheber: {quad}")
        for k, _ in r.target:
            roles[k].add(f"Ziel: {quad}")
    for speaker in speakers:
        roles[speaker].add("Sprecher")
    return roles


def _first_mention(conn: sqlite3.Connection, key: str, start: str, end: str
                   ) -> tuple[str, int, int] | None:
    row = conn.execute(
        """SELECT m.article_id, m.start, m.end FROM mentions m
           JOIN articles a ON a.id = m.article_id
           WHERE m.actor_id = ? AND a.published >= ? AND a.published < ?
           ORDER BY a.published, m.article_id, m.start LIMIT 1""", (key, start, end)).fetchone()
    if row is None and key.startswith("new:"):
        # unlinked actors: their mentions carry no id, the key comes from label and text
        for r in conn.execute(
            """SELECT m.article_id, m.start, m.end, m.label, m.text FROM mentions m
               JOIN articles a ON a.id = m.article_id
               WHERE m.actor_id IS NULL AND a.published >= ? AND a.published < ?
               ORDER BY a.published, m.article_id, m.start""", (start, end)):
            if mention_actor_id(r[3], r[4]) == key:
                return r[0], r[1], r[2]
        return None
    return (row[0], row[1], row[2]) if row else None


def _prominent(conn: sqlite3.Connection, period: Period, cur_mentions: Counter[str],
               prev_mentions: Counter[str], labels: dict[str, str],
               roles_now: dict[str, set[str]], roles_before: dict[str, set[str]],
               focus_related: set[str] | None, text: _Text, names: _Names,
               limits: Limits) -> list[ProminentActor]:
    picks: list[tuple[float, str, str, list[str]]] = []
    for key, now in cur_mentions.items():
        if focus_related is not None and key not in focus_related:
            continue
        before = prev_mentions.get(key, 0)
        new_roles = sorted(roles_now.get(key, set()) - roles_before.get(key, set()))
        if now >= MIN_NEW_MENTIONS and now >= 3 * (before + 1) - 2 and now > 2 * before:
            why = (f"neu prominent: {now} Erwähnungen, im Zeitraum davor {before}")
            picks.append((now - before + len(new_roles), key, why, new_roles))
        elif before > 0 and new_roles:
            why = "in neuer Rolle: " + ", ".join(new_roles)
            picks.append((len(new_roles) + now / 100, key, why, new_roles))
    picks.sort(key=lambda p: (-p[0], p[1]))
    start, end = _bounds(period)
    out: list[ProminentActor] = []
    for _, key, why, new_roles in picks[:limits.prominent]:
        first = _first_mention(conn, key, start, end)
        out.append(ProminentActor(
            actor=names.actor(key), label=labels.get(key, ""), mentions=cur_mentions[key],
            mentions_previous=prev_mentions.get(key, 0), new_roles=new_roles, why=why,
            evidence=text.evidence(*first) if first else None))
    return out


def _network(reports: Sequence[Report], focus: set[str], names: _Names,
             limits: Limits) -> Network:
    weights: Counter[tuple[str, str]] = Counter()
    quads: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
    gold: dict[tuple[str, str], list[float]] = defaultdict(list)
    node_weight: Counter[str] = Counter()
    for r in reports:
        for s, _ in r.source:
            for t, _ in r.target:
                if s == t or not _focus_match((s, t), focus):
                    continue
                weights[(s, t)] += 1
                node_weight[s] += 1
                node_weight[t] += 1
                if r.quad_class:
                    quads[(s, t)][r.quad_class] += 1
                if r.goldstein is not None:
                    gold[(s, t)].append(r.goldstein)
    keep = {k for k, _ in sorted(node_weight.items(), key=lambda kv: (-kv[1], kv[0]))
            [:limits.network_nodes]}
    nodes = [NetworkNode(id=k, name=names.actor(k).name, weight=node_weight[k])
             for k in sorted(keep, key=lambda k: (-node_weight[k], k))]
    edges = [NetworkEdge(source=s, target=t, weight=w,
                         quad_class=quads[(s, t)].most_common(1)[0][0] if quads[(s, t)]
                         else None, goldstein=_mean(gold[(s, t)]))
             for (s, t), w in sorted(weights.items()) if s in keep and t in keep]
    return Network(nodes=nodes, edges=edges)


def _timeline(reports: Sequence[Report], period: Period) -> list[DayCount]:
    """Event reports per publication day, every day of the period (zeros included)."""
    days = {(period.start + timedelta(days=i)).isoformat(): DayCount(
        day=(period.start + timedelta(days=i)).isoformat()) for i in range(period.days)}
    for r in reports:
        day = days.get(r.published)
        if day is not None and r.quad_class in (1, 2, 3, 4):
            name = f"q{r.quad_class}"
            setattr(day, name, getattr(day, name) + 1)
    return list(days.values())


def _articles(conn: sqlite3.Connection, start: str, end: str) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM articles WHERE published >= ? AND "
                            "published < ?", (start, end)).fetchone()[0])


def build_brief(conn: sqlite3.Connection, period: Period, *, actors: Sequence[str] = (),
                limits: Limits | None = None, base: str = "") -> Brief:
    """The brief of ``period`` (articles published in it); ``actors`` (ids) narrow it to
    those actors and their counterparts; ``base`` prefixes the evidence links (the
    dashboard's address; empty: relative links)."""
    limits = limits or Limits()
    previous = period.previous()
    cur_start, cur_end = _bounds(period)
    prev_start, _ = _bounds(previous)
    focus = set(actors)
    names = _Names()
    text = _Text(conn, base)

    all_reports = _reports(conn, prev_start, cur_end)
    for r in all_reports:
        for k, name in r.source + r.target:
            names.add(k, name)
    if focus:
        all_reports = [r for r in all_reports
                       if _focus_match((k for k, _ in r.source + r.target), focus)]
    current = [r for r in all_reports if r.published >= period.date_from]
    before = [r for r in all_reports if r.published < period.date_from]

    statement_rows = _statement_rows(conn, cur_start, cur_end)
    prev_speakers = [row[0] for row in conn.execute(
        """SELECT DISTINCT s.speaker_actor_id FROM statements s
           JOIN articles a ON a.id = s.article_id
           WHERE a.published >= ? AND a.published < ? AND s.speaker_actor_id IS NOT NULL""",
        (prev_start, cur_start))]
    for row in statement_rows:
        speaker = json.loads(row["data"] or "{}").get("speaker") or {}
        actor = speaker.get("actor") or {}
        if row["speaker_actor_id"] and actor.get("name"):
            names.add(row["speaker_actor_id"], actor["name"])

    cur_mentions, labels = _mentions(conn, cur_start, cur_end, names)
    prev_mentions, prev_labels = _mentions(conn, prev_start, cur_start, names)
    for key, label in prev_labels.items():
        labels.setdefault(key, label)

    # with a focus: the focus actors and everyone in an event with them
    related: set[str] | None = None
    if focus:
        related = set(focus)
        for r in current:
            related.update(k for k, _ in r.source + r.target)

    clusters = cluster_reports(current)
    events = _event_items(clusters, cur_mentions, text, names, limits)
    speakers = _speakers(statement_rows, related, cur_mentions, text, names, limits)
    changes = _changes(current, before, focus, text, names, limits)
    roles_now = _roles(current, (row["speaker_actor_id"] for row in statement_rows
                                 if row["speaker_actor_id"]))
    roles_before = _roles(before, prev_speakers)
    prominent = _prominent(conn, period, cur_mentions, prev_mentions, labels, roles_now,
                           roles_before, related, text, names, limits)
    return Brief(
        period=period.as_dict(), previous=previous.as_dict(),
        actors=[names.actor(a) for a in actors],
        articles=_articles(conn, cur_start, cur_end),
        articles_previous=_articles(conn, prev_start, cur_start),
        events_total=len(current), statements_total=sum(
            1 for row in statement_rows
            if related is None or row["speaker_actor_id"] in related),
        events=events, speakers=speakers, changes=changes, prominent=prominent,
        network=_network(current, focus, names, limits),
        timeline=_timeline(current, period), scoring=SCORING)
