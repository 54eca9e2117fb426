"""The brief as Markdown (for mail and chat): every item ends in a link to its evidence."""

from __future__ import annotations

from lagebild.brief.collect import QUAD_NAMES
from lagebild.brief.links import DEFAULT_BASE
from lagebild.brief.model import ActorName, Brief, Evidence


def _md(text: str) -> str:
    """Article text as literal Markdown: markup characters escaped, one line."""
    out = " ".join(text.split())
    for ch in "\\`*_[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return out


def _names(actors: list[ActorName]) -> str:
    return " und ".join(_md(a.name) for a in actors) or "?"


def _link(ev: Evidence, base: str) -> str:
    href = ev.href if ev.href.startswith("http") else base.rstrip("/") + "/" + ev.href
    return f"[{ev.article_id} {ev.start}–{ev.end}]({href})"


def render_markdown(brief: Brief, base: str = DEFAULT_BASE) -> str:
    p = brief.period
    lines = [f"# Lagebild {p['label']} ({p['from']} bis {p['to']})", ""]
    if brief.actors:
        lines += ["Im Fokus: " + ", ".join(_md(a.name) for a in brief.actors), ""]
    lines += [f"{brief.articles} Artikel (Zeitraum davor: {brief.articles_previous}), "
              f"{brief.events_total} Ereignismeldungen, {brief.statements_total} Aussagen.", ""]

    lines += ["## Wichtigste Ereignisse", "", f"_Rangfolge: {_md(brief.scoring)}_", ""]
    if not brief.events:
        lines += ["Keine Ereignisse im Zeitraum.", ""]
    for quad, items in brief.events.items():
        lines += [f"### {QUAD_NAMES.get(int(quad), 'ohne Klasse')}", ""]
        for n, item in enumerate(items, 1):
            when = f"am {item.date}" if item.date else f"gemeldet {item.reported}"
            lines.append(f"{n}. **{item.type}** {_names(item.source)} → {_names(item.target)}"
                         f" ({when}; {item.modality}; Goldstein "
                         f"{'–' if item.goldstein is None else f'{item.goldstein:+.1f}'})")
            lines.append(f"   - Warum: Punktzahl {item.score:.2f} = " + " + ".join(
                f"{_md(r.factor)} {_md(r.value)} ({r.points:+.2f})" for r in item.why))
            for ev in item.evidence[:2]:
                lines.append(f"   - „{_md(ev.text)}“ — {_link(ev, base)}")
        lines.append("")

    lines += ["## Wer sagte was", ""]
    if not brief.speakers:
        lines += ["Keine Aussagen im Zeitraum.", ""]
    for sp in brief.speakers:
        lines.append(f"### {_md(sp.speaker.name)} ({sp.statements_in_period} Aussagen)")
        lines.append("")
        for st in sp.statements:
            cue = f", „{_md(st.cue)}“" if st.cue else ""
            lines.append(f"- {_md(st.text)} ({st.type}{cue}) — {_link(st.evidence, base)}")
        lines.append("")

    prev = brief.previous
    lines += [f"## Was sich änderte (gegenüber {prev['from']} bis {prev['to']})", ""]
    if not brief.changes:
        lines += ["Keine Veränderung in den Beziehungen.", ""]
    for ch in brief.changes:
        links = ", ".join(_link(ev, base) for ev in ch.evidence)
        lines.append(f"- **{_md(ch.a.name)} – {_md(ch.b.name)}**: {_md(ch.summary)}"
                     + (f" — {links}" if links else ""))
    lines.append("")

    lines += ["## Neu prominente Akteure und neue Rollen", ""]
    if not brief.prominent:
        lines += ["Keine.", ""]
    for pa in brief.prominent:
        link = f" — {_link(pa.evidence, base)}" if pa.evidence else ""
        lines.append(f"- **{_md(pa.actor.name)}**: {_md(pa.why)}{link}")
    lines.append("")

    net = brief.network
    lines += ["## Netzwerk", ""]
    names = {n.id: n.name for n in net.nodes}
    for edge in sorted(net.edges, key=lambda e: -e.weight)[:15]:
        quad = QUAD_NAMES.get(edge.quad_class or 0, "")
        lines.append(f"- {_md(names.get(edge.source, edge.source))} → "
                     f"{_md(names.get(edge.target, edge.target))}: {edge.weight}× {quad}")
    if not net.edges:
        lines.append("Keine Beziehungen zwischen Akteuren.")
    lines.append("")
    return "\n".join(lines)
