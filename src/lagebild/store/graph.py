"""The actor network: actors as nodes, events or co-mentions as edges; GraphML output."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from itertools import combinations
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from lagebild.store.actor_index import actor_index, mention_key_func
from lagebild.store.filters import Where


def actor_graph(
    conn: sqlite3.Connection,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    quad_class: int | None = None,
    label: str | None = None,
    mode: str = "auto",
    max_nodes: int = 50,
    min_weight: int = 1,
) -> dict[str, Any]:
    """Actors as nodes; edges from events (source → target) when events exist for the
    period (or ``mode='events'``), else co-mentions in the same article."""
    index = actor_index(conn)
    # event edges count event clusters (one event however many reports), every source ×
    # target actor pair of a compound side
    events = Where().dates("c.day", date_from, date_to)
    if quad_class is not None:
        events.add("c.quad_class = ?", quad_class)
    from_events = f"""FROM event_clusters c
        JOIN cluster_actors s ON s.cluster_id = c.id AND s.role = 'source'
        JOIN cluster_actors t ON t.cluster_id = c.id AND t.role = 'target' {events.sql}"""
    use_events = mode == "events"
    if mode == "auto":
        use_events = conn.execute(f"SELECT 1 {from_events} LIMIT 1",
                                  events.params).fetchone() is not None
    weights: Counter[tuple[str, str]] = Counter()
    quads: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
    types: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    goldstein: dict[tuple[str, str], list[float]] = defaultdict(list)
    node_weight: Counter[str] = Counter()
    if use_events:
        for src, tgt, quad, plover, value in conn.execute(
            f"SELECT s.actor_id, t.actor_id, c.quad_class, c.plover, c.goldstein {from_events}",
            events.params,
        ):
            if src == tgt:
                continue
            weights[(src, tgt)] += 1
            if quad is not None:
                quads[(src, tgt)][int(quad)] += 1
            if plover:
                types[(src, tgt)][plover] += 1
            if value is not None:
                goldstein[(src, tgt)].append(float(value))
            node_weight[src] += 1
            node_weight[tgt] += 1
    else:
        mentions = Where().dates("a.published", date_from, date_to)
        if label:
            mentions.add("UPPER(m.label) = UPPER(?)", label)
        key = mention_key_func(index)
        per_article: dict[str, set[str]] = defaultdict(set)
        for article_id, actor_id, mlabel, text in conn.execute(
            f"""SELECT m.article_id, m.actor_id, m.label, m.text FROM mentions m
                JOIN articles a ON a.id = m.article_id {mentions.sql}""",
            mentions.params,
        ):
            per_article[article_id].add(key(actor_id, mlabel, text))
        for keys in per_article.values():
            for k in keys:
                node_weight[k] += 1
        top = {k for k, _ in node_weight.most_common(max_nodes)}
        for keys in per_article.values():
            for a, b in combinations(sorted(keys & top), 2):
                weights[(a, b)] += 1
    if label and use_events:
        wanted = label.upper()
        node_weight = Counter({
            k: v for k, v in node_weight.items()
            if (index.actors[k].label.upper() if k in index.actors else "") == wanted
        })
    top_nodes = {k for k, _ in node_weight.most_common(max_nodes)}
    edges = [
        {
            "source": a,
            "target": b,
            "weight": w,
            "quad_classes": {str(q): n for q, n in sorted(quads[(a, b)].items())}
            if (a, b) in quads else {},
            "types": dict(types[(a, b)].most_common(3)) if (a, b) in types else {},
            "goldstein_mean": (round(sum(goldstein[(a, b)]) / len(goldstein[(a, b)]), 2)
                               if goldstein.get((a, b)) else None),
        }
        for (a, b), w in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
        if w >= min_weight and a in top_nodes and b in top_nodes
    ]
    nodes = [{**index.brief(k), "weight": w} for k, w in node_weight.most_common(max_nodes)]
    return {"mode": "events" if use_events else "cooccurrence", "nodes": nodes, "edges": edges}


def graph_to_graphml(graph: dict[str, Any]) -> str:
    directed = "directed" if graph["mode"] == "events" else "undirected"
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
        '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
        '  <key id="nweight" for="node" attr.name="weight" attr.type="int"/>',
        '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
        '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
        '  <key id="quad" for="edge" attr.name="quad_class" attr.type="int"/>',
        '  <key id="goldstein" for="edge" attr.name="goldstein_mean" attr.type="double"/>',
        *(f'  <key id="q{q}" for="edge" attr.name="q{q}" attr.type="int"/>' for q in range(1, 5)),
        f'  <graph id="lagebild" edgedefault="{directed}">',
    ]

    def attr(value: object) -> str:
        return xml_escape(str(value), {'"': "&quot;"})

    for node in graph["nodes"]:
        out.append(f'    <node id="{attr(node["id"])}">')
        out.append(f'      <data key="name">{attr(node["name"])}</data>')
        out.append(f'      <data key="label">{attr(node["label"])}</data>')
        out.append(f'      <data key="nweight">{int(node["weight"])}</data>')
        out.append("    </node>")
    for i, edge in enumerate(graph["edges"]):
        out.append(
            f'    <edge id="e{i}" source="{attr(edge["source"])}" target="{attr(edge["target"])}">'
        )
        out.append(f'      <data key="weight">{int(edge["weight"])}</data>')
        # event edges: the most frequent PLOVER type and QuadClass, counts per QuadClass
        if edge.get("types"):
            out.append(f'      <data key="type">{attr(next(iter(edge["types"])))}</data>')
        quads = edge.get("quad_classes") or {}
        if quads:
            top = max(quads.items(), key=lambda kv: (kv[1], -int(kv[0])))[0]
            out.append(f'      <data key="quad">{int(top)}</data>')
            for q, n in sorted(quads.items()):
                out.append(f'      <data key="q{int(q)}">{int(n)}</data>')
        if edge.get("goldstein_mean") is not None:
            out.append(f'      <data key="goldstein">{float(edge["goldstein_mean"])}</data>')
        out.append("    </edge>")
    out += ["  </graph>", "</graphml>", ""]
    return "\n".join(out)
