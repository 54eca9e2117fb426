"""The queries behind a brief: events, statements, relation changes and prominent actors of a
period, against the period of equal length before it.

Events are the store's event clusters reported in the articles published in the period
(``brief.clusters``); relations, their changes and the network come from the relation
aggregates between relation keys, by event day (``brief.changes``), as ``lagebild
relations`` counts them. Article text is read only for the items the brief shows (their
evidence).
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
from lagebild.actors.kb import load_kb
from lagebild.brief.changes import (
    Relations,
    edges,
    hidden_keys,
    listed,
    pair_evidence,
    ranked_changes,
    relations,
    state_members,
)
from lagebild.brief.clusters import (
    SCORING,
    Cluster,
    Report,
    candidates,
    load_sources,
    period_clusters,
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
from lagebild.brief.rows import tuples
from lagebild.cache import gc_paused
from lagebild.store.filters import date_upper_bound, marks

QUAD_NAMES = {1: "verbale Kooperation", 2: "materielle Kooperation",
              3: "verbaler Konflikt", 4: "materieller Konflikt"}
#: statement types in the order a brief prefers them (direct quotes first)
TYPE_ORDER = {"Direct": 0, "Indirect": 1, "FreeIndirect": 2, "IndirectFreeIndirect": 2,
              "Reported": 3}
CANDIDATES = 80  # clusters ranked again once their agencies are read
MIN_NEW_MENTIONS = 3  # mentions in the period before an actor counts as newly prominent
#: QuadClass → (role as source, role as target)
_ROLE_NAMES = {q: (f"Urheber: {name}", f"Ziel: {name}") for q, name in QUAD_NAMES.items()}


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
    """Display names of actor ids: from event sides, speakers and the knowledge base before
    mention texts."""

    names: dict[str, str] = field(default_factory=dict)
    strong: set[str] = field(default_factory=set)

    def add(self, key: str, name: str | None, strong: bool = True) -> None:
        if not name:
            return
        if strong:
            self.names[key] = name
            self.strong.add(key)
        else:
            self.names.setdefault(key, name)

    def add_known(self, conn: sqlite3.Connection, keys: Iterable[str]) -> None:
        """Names of actor ids as an event side of theirs writes them (the linker's
        knowledge-base names), before mention texts; the knowledge base itself only for an
        id no event names (a state whose events are all its members')."""
        missing: list[str] = []
        for key in dict.fromkeys(keys):
            if key in self.strong:
                continue
            row = conn.execute(
                """SELECT json_extract(e.data, '$.' || ea.role) FROM event_actors ea
                     JOIN events e ON e.article_id = ea.article_id AND e.idx = ea.idx
                   WHERE ea.actor_id = ? LIMIT 1""", (key,)).fetchone()
            name = next((n for k, n in _sides(json.loads(row[0] or "[]")) if k == key),
                        None) if row else None
            if name:
                self.add(key, name)
            elif key not in self.names:
                missing.append(key)
        if missing:
            kb = load_kb()
            for key in missing:
                actor = kb.get(key)
                if actor is not None:
                    self.add(key, actor.name)

    def actor(self, key: str) -> ActorName:
        return ActorName(id=key, name=self.names.get(key, key))


def _sides(refs: Any) -> list[tuple[str, str]]:
    """(id or name, display name) of an event side's actors, in order, once each."""
    out: list[tuple[str, str]] = []
    for ref in refs or []:
        if isinstance(ref, dict) and (ref.get("id") or ref.get("name")):
            item = (str(ref.get("id") or ref.get("name")), str(ref.get("name") or ref.get("id")))
            if item not in out:
                out.append(item)
    return out


def _bounds(period: Period) -> tuple[str, str]:
    return period.date_from, date_upper_bound(period.date_to)


@dataclass
class _Text:
    """Article text and metadata for the evidence of shown items, read once per article."""

    conn: sqlite3.Connection
    base: str
    rows: dict[str, tuple[str, str | None, str | None, str | None]] = field(
        default_factory=dict)

    def load(self, article_ids: Iterable[str]) -> None:
        wanted = sorted(set(article_ids) - set(self.rows))
        for chunk in range(0, len(wanted), 500):
            ids = wanted[chunk:chunk + 500]
            for r in self.conn.execute(
                f"""SELECT id, json_extract(doc, '$.text'), title, published, outlet
                    FROM articles WHERE id IN ({marks(ids)})""", ids):
                self.rows[r[0]] = (r[1] or "", r[2], r[3], r[4])

    def evidence(self, article_id: str, start: int, end: int) -> Evidence:
        self.load([article_id])
        text, title, published, outlet = self.rows.get(article_id, ("", None, None, None))
        return Evidence(article_id=article_id, start=start, end=end, text=text[start:end],
                        title=title, published=published, outlet=outlet,
                        href=evidence_href(article_id, start, end, self.base))


def _mentions(conn: sqlite3.Connection, start: str, end: str,
              names: _Names) -> tuple[Counter[str], dict[str, str]]:
    """Mentions per actor in a period, and each actor's entity label."""
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    texts: dict[str, Counter[str]] = defaultdict(Counter)
    for actor_id, label, text, n in tuples(
        conn, """SELECT m.actor_id, m.label, m.text, COUNT(*) FROM mentions m
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


def _event_items(conn: sqlite3.Connection, clusters: list[Cluster],
                 prominence: Counter[str], text: _Text, names: _Names, limits: Limits
                 ) -> dict[str, list[EventItem]]:
    # first a cheap ranking without agencies, then the best candidates again with them
    shortlist = candidates(clusters, prominence, CANDIDATES * 4)
    load_sources(conn, shortlist)
    scored = sorted(((cluster_score(c, prominence, {})[0], c) for c in shortlist),
                    key=lambda sc: (-sc[0], sc[1].first.published, sc[1].first.article_id,
                                    sc[1].first.idx))
    chosen: list[Cluster] = []
    per_class: Counter[str] = Counter()
    for _, cluster in scored:
        quad = str(cluster.quad_class or 0)
        if per_class[quad] < limits.events_per_class:
            per_class[quad] += 1
            chosen.append(cluster)
    # the shown events' sides (names as written) and trigger words, from their JSON
    sides: dict[int, tuple[list[tuple[str, str]], list[tuple[str, str]], str | None]] = {}
    for cluster in chosen:
        first = cluster.first
        row = conn.execute(
            "SELECT json_extract(data, '$.source'), json_extract(data, '$.target'),"
            " json_extract(data, '$.trigger.text') FROM events WHERE article_id = ? AND idx = ?",
            (first.article_id, first.idx)).fetchone()
        source, target = _sides(json.loads(row[0] or "[]")), _sides(json.loads(row[1] or "[]"))
        sides[cluster.id] = (source, target, row[2])
        for key, name in source + target:
            names.add(key, name)
    names.add_known(conn, (k for c in chosen for k in c.actors))
    out: dict[str, list[EventItem]] = {}
    for cluster in chosen:
        first = cluster.first
        points, terms = cluster_score(cluster, prominence, names.names)
        reports = sorted(cluster.reports, key=lambda r: (r.published, r.article_id, r.idx))
        source, target, trigger = sides[cluster.id]
        # its reports' sentences, the representative's first (once each: two mentions of
        # one event in one sentence are one piece of evidence)
        spans = list(dict.fromkeys((r.article_id, r.start, r.end)
                                   for r in [first, *reports]))[:5]
        evidence = [text.evidence(*span) for span in spans]
        out.setdefault(str(cluster.quad_class or 0), []).append(EventItem(
            type=cluster.plover, cameo=cluster.cameo, quad_class=cluster.quad_class,
            goldstein=cluster.goldstein, date=first.date, reported=reports[0].published,
            modality=first.modality,
            source=[ActorName(id=k, name=n) for k, n in source],
            target=[ActorName(id=k, name=n) for k, n in target],
            trigger=trigger, articles=cluster.articles, sources=cluster.sources,
            score=round(points, 2),
            why=[Reason(factor=f, value=v, points=p) for f, v, p in terms],
            evidence=evidence))
    return {k: out[k] for k in sorted(out)}


def _changes(conn: sqlite3.Connection, period: Period, now: Relations, before: Relations,
             text: _Text, names: _Names, limits: Limits) -> list[PairChange]:
    start, end = _bounds(period)
    out: list[PairChange] = []
    changes = ranked_changes(now, before, limits.changes)
    names.add_known(conn, (k for ch in changes for k in ch.pair))
    for ch in changes:
        c, p = ch.current.quads, ch.previous.quads
        gc, gp = ch.current.mean(), ch.previous.mean()
        parts = [f"{QUAD_NAMES[q + 1]} {p[q]} → {c[q]}" for q in range(4) if c[q] != p[q]]
        if gc is not None or gp is not None:
            parts.append("Goldstein " + " → ".join(
                "–" if g is None else f"{g:+.1f}" for g in (gp, gc)))
        out.append(PairChange(
            a=names.actor(ch.pair[0]), b=names.actor(ch.pair[1]),
            current=QuadCounts(q1=c[0], q2=c[1], q3=c[2], q4=c[3]),
            previous=QuadCounts(q1=p[0], q2=p[1], q3=p[2], q4=p[3]),
            goldstein_current=gc, goldstein_previous=gp, movement=round(ch.movement, 2),
            summary="; ".join(parts),
            evidence=[text.evidence(*ev) for ev in pair_evidence(conn, ch.pair, start, end)]))
    return out


def _speaker_counts(conn: sqlite3.Connection, start: str, end: str) -> Counter[str | None]:
    """Statements per linked speaker in a period; ``None``: those without a linked speaker."""
    return Counter({k: n for k, n in tuples(
        conn, """SELECT s.speaker_actor_id, COUNT(*) FROM articles a
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
    names.add_known(conn, (key for _, key, _, _ in picks[:limits.prominent]))
    for _, key, why, new_roles in picks[:limits.prominent]:
        first = _first_mention(conn, key, start, end)
        out.append(ProminentActor(
            actor=names.actor(key), label=labels.get(key, ""), mentions=cur_mentions[key],
            mentions_previous=prev_mentions.get(key, 0), new_roles=new_roles, why=why,
            evidence=text.evidence(*first) if first else None))
    return out


def _network(conn: sqlite3.Connection, period: Period, tally: Relations, names: _Names,
             limits: Limits) -> Network:
    """The keys with most events in the period and the directed edges between them."""
    node_weight: Counter[str] = Counter()
    for (x, y), counts in tally.pairs.items():
        node_weight[x] += counts.events
        node_weight[y] += counts.events
    keep = {k for k, _ in heapq.nsmallest(limits.network_nodes, node_weight.items(),
                                          key=lambda kv: (-kv[1], kv[0]))}
    names.add_known(conn, keep)
    nodes = [NetworkNode(id=k, name=names.actor(k).name, weight=node_weight[k])
             for k in sorted(keep, key=lambda k: (-node_weight[k], k))]
    shown = sorted(pair for pair in tally.pairs if pair[0] in keep and pair[1] in keep)
    out: list[NetworkEdge] = []
    for (s, t), edge in sorted(edges(conn, shown, *_bounds(period)).items()):
        top, minus_q = max((edge.quads[q], -q) for q in (1, 2, 3, 4))
        out.append(NetworkEdge(
            source=s, target=t, weight=edge.weight, quad_class=-minus_q if top else None,
            goldstein=round(edge.gold_milli / 1000 / edge.gold_n, 2) if edge.gold_n else None))
    return Network(nodes=nodes, edges=out)


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
    with gc_paused():
        return _build(conn, period, actors, limits or Limits(), base)


def _build(conn: sqlite3.Connection, period: Period, actors: Sequence[str], limits: Limits,
           base: str) -> Brief:
    previous = period.previous()
    cur_start, cur_end = _bounds(period)
    prev_start, _ = _bounds(previous)
    focus = set(actors)
    names = _Names()
    text = _Text(conn, base)

    clusters, current = period_clusters(conn, cur_start, cur_end)
    events_of = list(clusters.values())
    members = state_members(conn)
    if focus:
        # a state in focus: its government, bodies and office holders too (as relations)
        focus_events = focus | {a for a, state in members.items() if state in focus}
        events_of = [c for c in events_of if any(a in focus_events for a in c.actors)]
        current = [r for c in events_of for r in c.reports]

    keep = listed(hidden_keys(members, focus), focus)
    relations_now = relations(conn, cur_start, cur_end, keep, _ROLE_NAMES)
    relations_before = relations(conn, prev_start, cur_start, keep, _ROLE_NAMES)

    speaker_counts = _speaker_counts(conn, cur_start, cur_end)
    for speaker in _speaker_counts(conn, prev_start, cur_start):
        if speaker is not None:
            relations_before.roles[speaker].add("Sprecher")
    for speaker in speaker_counts:
        if speaker is not None:
            relations_now.roles[speaker].add("Sprecher")

    cur_mentions, labels = _mentions(conn, cur_start, cur_end, names)
    prev_mentions, prev_labels = _mentions(conn, prev_start, cur_start, names)
    for key, label in prev_labels.items():
        labels.setdefault(key, label)

    # with a focus: the focus actors and everyone in an event with them
    related: set[str] | None = None
    if focus:
        related = set(focus)
        for c in events_of:
            related.update(c.actors)

    events = _event_items(conn, events_of, cur_mentions, text, names, limits)
    speakers = _speakers(conn, cur_start, cur_end, speaker_counts, related, cur_mentions, text,
                         names, limits)
    changes = _changes(conn, period, relations_now, relations_before, text, names, limits)
    prominent = _prominent(conn, period, cur_mentions, prev_mentions, labels,
                           relations_now.roles, relations_before.roles, related, text, names,
                           limits)
    names.add_known(conn, actors)
    return Brief(
        period=period.as_dict(), previous=previous.as_dict(),
        actors=[names.actor(a) for a in actors],
        articles=_articles(conn, cur_start, cur_end),
        articles_previous=_articles(conn, prev_start, cur_start),
        events_total=len(current), statements_total=sum(
            n for k, n in speaker_counts.items() if related is None or k in related),
        events=events, speakers=speakers, changes=changes, prominent=prominent,
        network=_network(conn, period, relations_now, names, limits),
        timeline=_timeline(current, period), scoring=SCORING)
