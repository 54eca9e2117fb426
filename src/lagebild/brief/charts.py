"""Small SVG charts for the brief, as strings: no script, every label escaped, so they can be
inlined into the HTML file and served by the API as images.

Colours follow the dashboard's QuadClass colours (``web/static/app.css``).
"""

from __future__ import annotations

import math
from html import escape

from lagebild.brief.model import Brief, DayCount, Network, PairChange

QUAD_COLOURS = {1: "#4c9a2a", 2: "#2a7f9a", 3: "#d08a1e", 4: "#c0392b"}
QUAD_SHORT = {1: "verb. Koop.", 2: "mat. Koop.", 3: "verb. Konfl.", 4: "mat. Konfl."}


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
            # presentation attributes, not a <style>: a strict style-src cannot block them
            f'font-family="sans-serif" font-size="11" fill="#333" '
            f'aria-label="{escape(title)}"><title>{escape(title)}</title>{"".join(body)}</svg>')


def timeline_chart(days: list[DayCount], title: str = "Ereignismeldungen pro Tag") -> str:
    """Stacked bars: event reports per publication day and QuadClass."""
    width, height, left, bottom = 640, 180, 30, 24
    if not any(d.q1 + d.q2 + d.q3 + d.q4 for d in days):
        return _svg(width, 40, title, ['<text x="4" y="24">keine Ereignisse</text>'])
    top = max(d.q1 + d.q2 + d.q3 + d.q4 for d in days) or 1
    slot = (width - left - 4) / len(days)
    bar = min(24.0, max(1.0, slot * 0.8))
    plot = height - bottom - 8
    body = [f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" '
            'stroke="#999"/>', f'<text x="2" y="16">{top}</text>']
    for i, day in enumerate(days):
        x = left + i * slot
        y = float(height - bottom)
        for q in (1, 2, 3, 4):
            n = getattr(day, f"q{q}")
            if not n:
                continue
            h = plot * n / top
            y -= h
            body.append(f'<rect class="bar q{q}" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" '
                        f'height="{h:.1f}" fill="{QUAD_COLOURS[q]}"><title>{escape(day.day)}: '
                        f'{n} {escape(QUAD_SHORT[q])}</title></rect>')
        if len(days) <= 12 or i % max(1, len(days) // 8) == 0:
            body.append(f'<text x="{x:.1f}" y="{height - 8}">{escape(day.day[5:])}</text>')
    return _svg(width, height, title, body)


def change_chart(change: PairChange) -> str:
    """Grouped bars per QuadClass: the period before (light) and this period (full)."""
    width, height, bottom = 260, 110, 18
    top = max([*change.previous.model_dump().values(), *change.current.model_dump().values(),
               1])
    plot = height - bottom - 14
    title = f"{change.a.name} – {change.b.name}"
    body = [f'<line x1="0" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" '
            'stroke="#999"/>']
    for q in (1, 2, 3, 4):
        x = 8 + (q - 1) * 63
        for j, (counts, opacity, when) in enumerate(((change.previous, 0.35, "davor"),
                                                     (change.current, 1.0, "jetzt"))):
            n = getattr(counts, f"q{q}")
            h = plot * n / top
            body.append(f'<rect class="bar q{q}" x="{x + j * 24}" y="{height - bottom - h:.1f}" '
                        f'width="22" height="{h:.1f}" fill="{QUAD_COLOURS[q]}" '
                        f'fill-opacity="{opacity}"><title>{escape(QUAD_SHORT[q])} {when}: {n}'
                        '</title></rect>')
            body.append(f'<text x="{x + j * 24 + 6}" y="{height - bottom - h - 2:.1f}">{n}'
                        '</text>')
        body.append(f'<text x="{x}" y="{height - 4}">{escape(QUAD_SHORT[q])}</text>')
    return _svg(width, height, title, body)


def network_chart(network: Network, size: int = 420) -> str:
    """Actors on a circle, edges coloured by their most frequent QuadClass."""
    title = "Akteursnetz des Zeitraums"
    if not network.nodes:
        return _svg(size, 40, title, ['<text x="4" y="24">keine Beziehungen</text>'])
    centre, radius = size / 2, size / 2 - 70
    pos: dict[str, tuple[float, float]] = {}
    for i, node in enumerate(network.nodes):
        angle = 2 * math.pi * i / len(network.nodes) - math.pi / 2
        pos[node.id] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    top = max(n.weight for n in network.nodes) or 1
    body: list[str] = []
    for edge in network.edges:
        (x1, y1), (x2, y2) = pos[edge.source], pos[edge.target]
        colour = QUAD_COLOURS.get(edge.quad_class or 0, "#999")
        body.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                    f'stroke="{colour}" stroke-width="{min(6, 1 + edge.weight)}" '
                    f'stroke-opacity="0.7"><title>{edge.weight}×</title></line>')
    for node in network.nodes:
        x, y = pos[node.id]
        r = 4 + 8 * math.sqrt(node.weight / top)
        anchor = "start" if x >= centre else "end"
        dx = r + 3 if x >= centre else -r - 3
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#64748b">'
                    f'<title>{escape(node.name)}: {node.weight}</title></circle>'
                    f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">'
                    f'{escape(node.name[:28])}</text>')
    return _svg(size, size, title, body)


CHARTS = ("timeline", "network", "change")


def chart(brief: Brief, kind: str, index: int = 0) -> str:
    """One chart of a brief by name (``timeline``, ``network``, ``change`` number ``index``)."""
    if kind == "timeline":
        return timeline_chart(brief.timeline)
    if kind == "network":
        return network_chart(brief.network)
    if kind == "change":
        if not 0 <= index < len(brief.changes):
            raise IndexError(f"the brief has {len(brief.changes)} changes")
        return change_chart(brief.changes[index])
    raise KeyError(f"no chart {kind!r}; one of {', '.join(CHARTS)}")
