"""The queries behind a brief: events, statements, relation changes and prominent actors of a
period (articles published in it), against the period of equal length before it.

Everything is read in a few scans over the two periods; article text is read only for the
items the brief shows (their evidence).
"""

from __future__ import annotations

import heapq
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from lagebild.actors.ids import mention_actor_id
from lagebild.brief.clusters import (
    SCORING,
    Cluster,
    Report,
    cluster_reports,
    normalise_date,
    rough_score,
)
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


Sides = tuple[tuple[str, str], ...]


def _cached_sides(cache: dict[str | None, Sides], raw: str | None) -> Sides:
    """``_sides`` of a stored JSON side, parsed once per distinct value (sides repeat a lot)."""
    side = cache.get(raw)
    if side is None:
        side = cache[raw] = _sides(json.loads(raw) if raw else None)
    return side


def _sides(refs: Any) -> Sides:
    out: list[tuple[str, str]] = []
    for ref in refs or []:
        if isinstance(ref, dict) and (ref.get("id") or ref.get("name")):
            out.append((str(ref.get("id") or ref.get("name")),
                        str(ref.get("name") or ref.get("id"))))
    return tuple(sorted(set(out)))


def _bounds(period: Period) -> tuple[str, str]:
    return period.date_from, date_upper_bound(period.date_to)


def _reports(conn: sqlite3.Connection, start: str, end: str,
             sides: dict[str | None, Sides]) -> list[Report]:
    """The events reported in articles published in [start, end). Only the fields the brief
    needs are read (SQLite's json_extract, not the whole JSON in Python); an event side's
    JSON is parsed once per distinct text (the same actors recur across thousands of rows)."""
    rows = conn.execute(
        """SELECT e.article_id, e.idx, e.code, e.plover, e.quad_class, e.modality, e.date,
                  e.start, e.end, json_extract(e.data, '$.goldstein'),
                  json_extract(e.data, '$.source'), json_extract(e.data, '$.target'),
                  a.published, a.outlet, a.near_duplicate_of
           FROM articles a JOIN events e ON e.article_id = a.id
           WHERE a.published >= ? AND a.published < ?""", (start, end))
    reports: list[Report] = []
    append, side = reports.append, sides.get
    dates: dict[str | None, str | None] = {}  # stated dates repeat: normalised once each
    for (article_id, idx, code, plover, quad, modality, stated, s0, s1, goldstein, source,
         target, published, outlet, near) in rows:
        src, tgt = side(source), side(target)
        if src is None:
            src = _cached_sides(sides, source)
        if tgt is None:
            tgt = _cached_sides(sides, target)
        date = dates.get(stated, "") if stated is not None else None
        if date == "":
            date = dates[stated] = normalise_date(stated)
        append(Report(
            article_id, idx, plover or "?", code, quad,
            float(goldstein) if isinstance(goldstein, int | float) else None, modality,
            date, str(published)[:10], src, tgt, None, s0, s1, outlet, near or article_id))
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


def _one(conn: sqlite3.Connection, sql: str, *params: Any) -> Any:
    row = conn.execute(sql, params).fetchone()
    return row[0] if row else None


def _event_items(clusters: list[Cluster], prominence: Counter[str], text: _Text,
                 names: _Names, limits: Limits) -> dict[str, list[EventItem]]:
    # first a cheap ranking without agencies, then the best candidates again with them
    candidates = heapq.nlargest(CANDIDATES * 4, clusters,
                                key=lambda c: rough_score(c, prominence))
    text.load(r.article_id for c in candidates for r in c.reports)
    for cluster in candidates:
        cluster.agencies = {r.article_id: text.agencies(r.article_id) for r in cluster.reports}
    scored = sorted(((cluster_score(c, prominence), c) for c in candidates),
                    key=lambda sc: (-sc[0][0], sc[1].first.published, sc[1].first.article_id))
    out: dict[str, list[EventItem]] = {}
    trigger = ("SELECT json_extract(data, '$.trigger.text') FROM events"
               " WHERE article_id = ? AND idx = ?")
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
            trigger=_one(text.conn, trigger, first.article_id, first.idx),
            articles=cluster.articles, sources=cluster.sources(),
            score=round(points, 2),
            why=[Reason(factor=f, value=v, points=p) for f, v, p in terms],
            evidence=evidence))
    return {k: out[k] for k in sorted(out)}


@dataclass
class _Tally:
    """A period's relations: events per actor pair (unordered) and QuadClass, Goldstein sums,
    directed edges for the network (when counted), and each actor's roles."""

    pairs: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    gold: dict[tuple[str, str], list[float]] = field(default_factory=dict)  # sum, count
    edges: Counter[tuple[str, str]] = field(default_factory=Counter)
    edge_quads: Counter[tuple[str, str, int]] = field(default_factory=Counter)
    edge_gold: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def mean(self, pair: tuple[str, str]) -> float | None:
        total, n = self.gold.get(pair, (0.0, 0.0))
        return round(total / n, 2) if n else None


#: QuadClass → (role as source, role as target)
_ROLE_NAMES = {q: (f"Urheber: {name}", f"Ziel: {name}") for q, name in QUAD_NAMES.items()}


def _tally(rows: Iterable[tuple[int | None, float | None, Sides, Sides]],
           focus: set[str], with_edges: bool = False) -> _Tally:
    """Count ``(quad_class, goldstein, source, target)`` rows; with ``focus``, only the
    pairs that include a focus actor. (The hot loop of a brief: 64,000 rows a month on a
    store of 100,000 articles; names are bound locally.)"""
    tally = _Tally()
    roles, pairs, gold = tally.roles, tally.pairs, tally.gold
    edges, edge_quads, edge_gold = tally.edges, tally.edge_quads, tally.edge_gold
    role_names = _ROLE_NAMES.get
    for quad, goldstein, source, target in rows:
        names = role_names(quad) if quad is not None else None
        if names is not None and quad is not None:
            as_source, as_target = names
            for k, _ in source:
                roles[k].add(as_source)
            for k, _ in target:
                roles[k].add(as_target)
            slot = quad - 1
        else:
            quad, slot = 0, -1
        for s, _ in source:
            for t, _ in target:
                if s == t or (focus and s not in focus and t not in focus):
                    continue
                pair = (s, t) if s < t else (t, s)
                counts = pairs.get(pair)
                if counts is None:
                    counts = pairs[pair] = [0, 0, 0, 0]
                if slot >= 0:
                    counts[slot] += 1
                if goldstein is not None:
                    g = gold.get(pair)
                    if g is None:
                        g = gold[pair] = [0.0, 0.0]
                    g[0] += goldstein
                    g[1] += 1
                if with_edges:
                    edge = (s, t)
                    edges[edge] += 1
                    if slot >= 0:
                        edge_quads[(s, t, quad)] += 1
                    if goldstein is not None:
                        eg = edge_gold.get(edge)
                        if eg is None:
                            eg = edge_gold[edge] = [0.0, 0.0]
                        eg[0] += goldstein
                        eg[1] += 1
    return tally


def _side_rows(conn: sqlite3.Connection, start: str, end: str, sides: dict[str | None, Sides]
               ) -> Iterable[tuple[int | None, float | None, Sides, Sides]]:
    """``(quad_class, goldstein, source, target)`` of the events of a period: what the
    period before needs (its relations), without building reports."""
    for quad, goldstein, source, target in conn.execute(
        """SELECT e.quad_class, json_extract(e.data, '$.goldstein'),
                  json_extract(e.data, '$.source'), json_extract(e.data, '$.target')
           FROM articles a JOIN events e ON e.article_id = a.id
           WHERE a.published >= ? AND a.published < ?""", (start, end)):
        src, tgt = _cached_sides(sides, source), _cached_sides(sides, target)
        yield quad, goldstein if isinstance(goldstein, int | float) else None, src, tgt


def _pair_evidence(reports: Sequence[Report], pairs: Iterable[tuple[str, str]],
                   keep: int = 3) -> dict[tuple[str, str], list[Report]]:
    """The first reports of the period between each of ``pairs`` (either direction), found
    in one pass over the period's reports."""
    wanted = set(pairs)
    found: dict[tuple[str, str], dict[tuple[str, int], Report]] = {p: {} for p in wanted}
    for r in reports:
        for s, _ in r.source:
            for t, _ in r.target:
                pair = (s, t) if s < t else (t, s)
                if pair in wanted:
                    found[pair][(r.article_id, r.idx)] = r
    return {p: sorted(rs.values(), key=lambda r: (r.published, r.article_id, r.idx))[:keep]
            for p, rs in found.items()}


def _changes(current: Sequence[Report], cur: _Tally, prev: _Tally, text: _Text,
             names: _Names, limits: Limits) -> list[PairChange]:
    ranked: list[tuple[float, tuple[str, str]]] = []
    zero = [0, 0, 0, 0]
    for pair in set(cur.pairs) | set(prev.pairs):
        c, p = cur.pairs.get(pair, zero), prev.pairs.get(pair, zero)
        movement = float(abs(c[0] - p[0]) + abs(c[1] - p[1]) + abs(c[2] - p[2])
                         + abs(c[3] - p[3]))
        if movement:
            ranked.append((movement, pair))
    # Goldstein moves only among the pairs whose counts moved most (means cost a division)
    ranked = heapq.nlargest(limits.changes * 5, ranked)
    rescored: list[tuple[float, tuple[str, str]]] = []
    for movement, pair in ranked:
        gc, gp = cur.mean(pair), prev.mean(pair)
        if gc is not None and gp is not None:
            movement += 0.5 * abs(gc - gp)
        rescored.append((movement, pair))
    rescored.sort(key=lambda mp: (-mp[0], mp[1]))
    out: list[PairChange] = []
    shown = _pair_evidence(current, [pair for _, pair in rescored[:limits.changes]])
    for movement, pair in rescored[:limits.changes]:
        c, p = cur.pairs.get(pair, zero), prev.pairs.get(pair, zero)
        gc, gp = cur.mean(pair), prev.mean(pair)
        parts = [f"{QUAD_NAMES[q + 1]} {p[q]} → {c[q]}" for q in range(4) if c[q] != p[q]]
        if gc is not None or gp is not None:
            parts.append("Goldstein " + " → ".join(
                "–" if g is None else f"{g:+.1f}" for g in (gp, gc)))
        out.append(PairChange(
            a=names.actor(pair[0]), b=names.actor(pair[1]),
            current=QuadCounts(q1=c[0], q2=c[1], q3=c[2], q4=c[3]),
            previous=QuadCounts(q1=p[0], q2=p[1], q3=p[2], q4=p[3]),
            goldstein_current=gc, goldstein_previous=gp, movement=round(movement, 2),
            summary="; ".join(parts),
            evidence=[text.evidence(r.article_id, r.start, r.end) for r in shown[pair]]))
    return out


def _speaker_counts(conn: sqlite3.Connection, start: str, end: str) -> Counter[str | None]:
    """Statements per linked speaker in a period; ``None``: those without a linked speaker."""
    return Counter({k: n for k, n in conn.execute(
        """SELECT s.speaker_actor_id, COUNT(*) FROM articles a
           JOIN statements s ON s.article_id = a.id
           WHERE a.published >= ? AND a.published < ?
           GROUP BY s.speaker_actor_id""", (start, end))})


def _speakers(conn: sqlite3.Connection, start: str, end: str, counts: Counter[str | None],
              allowed: set[str] | None, prominence: Counter[str], text: _Text, names: _Names,
              limits: Limits) -> list[SpeakerItem]:
    ranked = sorted((k for k in counts if k is not None and (allowed is None or k in allowed)),
                    key=lambda k: (-counts[k], -prominence.get(k, 0), k))[:limits.speakers]
    by_speaker: dict[str, list[sqlite3.Row]] = defaultdict(list)
    if ranked:
        for r in conn.execute(
            f"""SELECT s.article_id, s.idx, s.speaker_actor_id, s.kind, s.start, s.end, s.text,
                       json_extract(s.data, '$.cue') AS cue,
                       json_extract(s.data, '$.speaker.actor.name') AS speaker_name,
                       a.published
                FROM statements s JOIN articles a ON a.id = s.article_id
                WHERE a.published >= ? AND a.published < ?
                  -- unary +: no speaker index (a top speaker's statements of all time)
                  AND +s.speaker_actor_id IN ({marks(ranked)})""", [start, end, *ranked]):
            by_speaker[r["speaker_actor_id"]].append(r)
    out: list[SpeakerItem] = []
    for speaker in ranked:
        names.add(speaker, next((r["speaker_name"] for r in by_speaker[speaker]
                                 if r["speaker_name"]), None))
        chosen: list[StatementItem] = []
        seen: set[str] = set()
        for r in sorted(by_speaker[speaker], key=lambda r: (
                TYPE_ORDER.get(r["kind"], 4), -min(len(r["text"]), 240), r["published"] or "",
                r["article_id"], r["idx"])):
            key = " ".join(r["text"].split()).strip('"„“”»«').casefold()
            if key in seen or any(key in other or other in key for other in seen):
                continue  # the same words, quoted inside a longer statement shown already
            seen.add(key)
            cues = json.loads(r["cue"]) if r["cue"] else []
            cue = " … ".join(str(c.get("text")) for c in cues if isinstance(c, dict)) or None
            chosen.append(StatementItem(type=r["kind"] or "?", cue=cue, text=r["text"],
                                        evidence=text.evidence(r["article_id"], r["start"],
                                                               r["end"])))
            if len(chosen) >= limits.statements_per_speaker:
                break
        out.append(SpeakerItem(speaker=names.actor(speaker),
                               statements_in_period=counts[speaker], statements=chosen))
    return out


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
        if now >= max(MIN_NEW_MENTIONS, 2 * before + 2):
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


def _network(tally: _Tally, names: _Names, limits: Limits) -> Network:
    node_weight: Counter[str] = Counter()
    for (s, t), w in tally.edges.items():
        node_weight[s] += w
        node_weight[t] += w
    keep = {k for k, _ in heapq.nsmallest(limits.network_nodes, node_weight.items(),
                                          key=lambda kv: (-kv[1], kv[0]))}
    nodes = [NetworkNode(id=k, name=names.actor(k).name, weight=node_weight[k])
             for k in sorted(keep, key=lambda k: (-node_weight[k], k))]
    edges: list[NetworkEdge] = []
    for (s, t), w in sorted(tally.edges.items()):
        if s in keep and t in keep:
            quads = [(tally.edge_quads[(s, t, q)], -q) for q in (1, 2, 3, 4)]
            top, minus_q = max(quads)
            total, n = tally.edge_gold.get((s, t), (0.0, 0.0))
            edges.append(NetworkEdge(source=s, target=t, weight=w,
                                     quad_class=-minus_q if top else None,
                                     goldstein=round(total / n, 2) if n else None))
    return Network(nodes=nodes, edges=edges)


def _timeline(reports: Sequence[Report], period: Period) -> list[DayCount]:
    """Event reports per publication day, every day of the period (zeros included)."""
    counts: Counter[tuple[str, int]] = Counter((r.published, r.quad_class or 0)
                                               for r in reports)
    out: list[DayCount] = []
    for i in range(period.days):
        day = (period.start + timedelta(days=i)).isoformat()
        out.append(DayCount(day=day, q1=counts[(day, 1)], q2=counts[(day, 2)],
                            q3=counts[(day, 3)], q4=counts[(day, 4)]))
    return out


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

    sides: dict[str | None, Sides] = {}
    current = _reports(conn, cur_start, cur_end, sides)
    if focus:
        current = [r for r in current
                   if _focus_match((k for k, _ in r.source + r.target), focus)]
    tally_now = _tally(((r.quad_class, r.goldstein, r.source, r.target) for r in current),
                       focus, with_edges=True)
    tally_before = _tally(_side_rows(conn, prev_start, cur_start, sides), focus)
    for side in sides.values():
        for k, name in side:
            names.add(k, name)

    speaker_counts = _speaker_counts(conn, cur_start, cur_end)
    for speaker in _speaker_counts(conn, prev_start, cur_start):
        if speaker is not None:
            tally_before.roles[speaker].add("Sprecher")
    for speaker in speaker_counts:
        if speaker is not None:
            tally_now.roles[speaker].add("Sprecher")

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

    events = _event_items(cluster_reports(current), cur_mentions, text, names, limits)
    speakers = _speakers(conn, cur_start, cur_end, speaker_counts, related, cur_mentions, text,
                         names, limits)
    changes = _changes(current, tally_now, tally_before, text, names, limits)
    prominent = _prominent(conn, period, cur_mentions, prev_mentions, labels, tally_now.roles,
                           tally_before.roles, related, text, names, limits)
    return Brief(
        period=period.as_dict(), previous=previous.as_dict(),
        actors=[names.actor(a) for a in actors],
        articles=_articles(conn, cur_start, cur_end),
        articles_previous=_articles(conn, prev_start, cur_start),
        events_total=len(current), statements_total=sum(
            n for k, n in speaker_counts.items() if related is None or k in related),
        events=events, speakers=speakers, changes=changes, prominent=prominent,
        network=_network(tally_now, names, limits),
        timeline=_timeline(current, period), scoring=SCORING)
