"""What changed, the network and the actors' roles of a period: read from the relation
aggregates, so that the brief counts what ``lagebild relations`` counts.

Relations are counted between *relation keys* (``store.relation_groups``): a state's key
stands for the state, its government, bodies and office holders (``USA``: USA, USAGOV,
Kerry …), any other actor's key for the actor alone; each event cluster counts once per pair
of keys (``relation_key_clusters``), on its event day. A pair is listed at the level the
relations view shows: pairs with the key of an actor that acts for a state (Kerry, when
``USA`` covers him) are left out, unless that actor is in the brief's focus, so that one
event is not listed three times (USA–RUS, USAGOV–RUS, Kerry–RUS).

The figures of a listed pair equal ``relations.relation_series`` of the two keys' members
for the same dates (a test checks it): counts per QuadClass and the Goldstein mean, summed
in thousandths as there.
"""

from __future__ import annotations

import heapq
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lagebild.brief.rows import tuples
from lagebild.store.relation_agg import MILLI_SQL, milli

Pair = tuple[str, str]


@dataclass
class PairCounts:
    """Event clusters of one key pair in a period: in all, per QuadClass, Goldstein
    thousandths."""

    events: int = 0
    quads: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    gold_milli: int = 0
    gold_n: int = 0

    def mean(self) -> float | None:
        return round(self.gold_milli / 1000 / self.gold_n, 2) if self.gold_n else None


@dataclass
class Relations:
    """A period's relations between listed key pairs (``x < y``) and every linked actor's
    roles."""

    pairs: dict[Pair, PairCounts] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def state_members(conn: sqlite3.Connection) -> dict[str, str]:
    """Each actor filed under a state's key: its state (``relation_groups``)."""
    return {str(r[0]): str(r[1]) for r in conn.execute(
        "SELECT actor_id, group_id FROM relation_groups")}


def hidden_keys(members: dict[str, str], focus: set[str]) -> set[str]:
    """Keys not listed: actors filed under a state's key, except those in focus."""
    return set(members) - focus


def listed(hidden: set[str], focus: set[str]) -> Callable[[str, str], bool]:
    """Is the key pair listed (both keys shown; with a focus, one of them in it)?"""
    def check(x: str, y: str) -> bool:
        if x in hidden or y in hidden:
            return False
        return not focus or x in focus or y in focus
    return check


# the clusters of a period's event days per key pair, summed in SQL (QuadClass counts,
# Goldstein in thousandths as ``relation_agg`` sums them). Without the direction flag the
# pair index of ``relation_key_clusters`` covers the query: half the time of reading its rows
_PAIRS = f"""
    SELECT k.x, k.y, COUNT(*), SUM(c.quad_class = 1), SUM(c.quad_class = 2),
           SUM(c.quad_class = 3), SUM(c.quad_class = 4),
           COALESCE(SUM({MILLI_SQL.format(column="c.goldstein")}), 0), COUNT(c.goldstein)
    FROM event_clusters c JOIN relation_key_clusters k ON k.cluster_id = c.id
    WHERE c.day >= ? AND c.day < ?
    GROUP BY k.x, k.y"""


def relations(conn: sqlite3.Connection, start: str, end: str, keep: Callable[[str, str], bool],
              role_names: dict[int, tuple[str, str]]) -> Relations:
    """The relations of the event days in [start, end) (clusters with no day count in no
    period, as in ``relations``)."""
    out = Relations()
    pairs = out.pairs
    for x, y, n, q1, q2, q3, q4, gold, gold_n in tuples(conn, _PAIRS, (start, end)):
        if keep(x, y):
            pairs[(x, y)] = PairCounts(n, [q1, q2, q3, q4], gold, gold_n)
    roles = out.roles
    for actor, role, quad in tuples(
            conn, """SELECT DISTINCT ca.actor_id, ca.role, c.quad_class
               FROM event_clusters c JOIN cluster_actors ca ON ca.cluster_id = c.id
               WHERE c.day >= ? AND c.day < ?""", (start, end)):
        names = role_names.get(quad)
        if names is not None:
            roles[actor].add(names[0] if role == "source" else names[1])
    return out


@dataclass
class Edge:
    """Event clusters from one key to another: in all, per QuadClass, Goldstein."""

    weight: int = 0
    quads: Counter[int] = field(default_factory=Counter)
    gold_milli: int = 0
    gold_n: int = 0


def edges(conn: sqlite3.Connection, pairs: Iterable[Pair], start: str, end: str
          ) -> dict[Pair, Edge]:
    """The directed edges of key pairs in [start, end): a cluster with both directions
    (flag 3) counts for both."""
    out: dict[Pair, Edge] = {}
    for x, y in pairs:
        for flag, quad, goldstein in conn.execute(
                """SELECT k.flag, c.quad_class, c.goldstein FROM relation_key_clusters k
                     JOIN event_clusters c ON c.id = k.cluster_id
                   WHERE k.x = ? AND k.y = ? AND k.day >= ? AND k.day < ?""",
                (x, y, start, end)):
            for bit, edge in ((1, (x, y)), (2, (y, x))):
                if flag & bit:
                    e = out.setdefault(edge, Edge())
                    e.weight += 1
                    if quad in (1, 2, 3, 4):
                        e.quads[quad] += 1
                    if goldstein is not None:
                        e.gold_milli += milli(goldstein)
                        e.gold_n += 1
    return out


@dataclass
class Change:
    pair: Pair
    movement: float
    current: PairCounts
    previous: PairCounts


def ranked_changes(now: Relations, before: Relations, limit: int) -> list[Change]:
    """The pairs whose relation moved most: the sum of the QuadClass counts' changes, plus
    half the change of the Goldstein mean where both periods have one."""
    zero = PairCounts()
    ranked: list[tuple[int, Pair]] = []
    for pair in now.pairs.keys() | before.pairs.keys():
        qc, qp = now.pairs.get(pair, zero).quads, before.pairs.get(pair, zero).quads
        moved = (abs(qc[0] - qp[0]) + abs(qc[1] - qp[1]) + abs(qc[2] - qp[2])
                 + abs(qc[3] - qp[3]))
        if moved:
            ranked.append((moved, pair))
    # Goldstein moves only among the pairs whose counts moved most (means cost a division)
    out: list[Change] = []
    for moved, pair in heapq.nlargest(limit * 5, ranked):
        c, p = now.pairs.get(pair, zero), before.pairs.get(pair, zero)
        gc, gp = c.mean(), p.mean()
        movement = moved + (0.5 * abs(gc - gp) if gc is not None and gp is not None else 0.0)
        out.append(Change(pair, movement, c, p))
    out.sort(key=lambda ch: (-ch.movement, ch.pair))
    return out[:limit]


def pair_evidence(conn: sqlite3.Connection, pair: Pair, start: str, end: str, keep: int = 3
                  ) -> list[tuple[str, int, int]]:
    """(article, start, end) of the first event clusters of a key pair in [start, end) by
    day and id: each cluster's first report."""
    return [(r[0], r[1], r[2]) for r in conn.execute(
        """SELECT e.article_id, e.start, e.end FROM relation_key_clusters k
             JOIN event_clusters c ON c.id = k.cluster_id
             JOIN events e ON e.article_id = c.root_article_id AND e.idx = c.root_idx
           WHERE k.x = ? AND k.y = ? AND k.day >= ? AND k.day < ?
           ORDER BY k.day, k.cluster_id LIMIT ?""", (*pair, start, end, keep))]
