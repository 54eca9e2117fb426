"""The brief as one self-contained HTML file: inline CSS and SVG charts, no script, no
external request (links to the dashboard load nothing until followed), every piece of article
text escaped; printable."""

from __future__ import annotations

from html import escape

from lagebild.brief.charts import change_chart, network_chart, timeline_chart
from lagebild.brief.collect import QUAD_NAMES
from lagebild.brief.links import DEFAULT_BASE
from lagebild.brief.model import ActorName, Brief, Evidence

CSS = """
body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#1f2937}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:2px solid #e5e7eb;margin-top:2rem}
.meta,.why{color:#6b7280;font-size:.85rem}.evidence{border-left:3px solid #cbd5e1;
margin:.3rem 0 .3rem 0;padding:.1rem .6rem;background:#f8fafc}
ol li,ul li{margin-bottom:.6rem}.q1{color:#1d4ed8}.q2{color:#047857}.q3{color:#b45309}
.q4{color:#b91c1c}.changes{display:grid;grid-template-columns:repeat(auto-fill,minmax(270px,1fr));
gap:1rem}.change{border:1px solid #e5e7eb;border-radius:6px;padding:.5rem}
a{color:#2563eb}@media print{a{color:inherit;text-decoration:none}.change{break-inside:avoid}
li{break-inside:avoid}}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _names(actors: list[ActorName]) -> str:
    return " und ".join(_e(a.name) for a in actors) or "?"


def _href(ev: Evidence, base: str) -> str:
    return ev.href if ev.href.startswith("http") else base.rstrip("/") + "/" + ev.href


def _evidence(ev: Evidence, base: str) -> str:
    source = " · ".join(_e(x) for x in (ev.outlet, ev.published) if x)
    return (f'<blockquote class="evidence">{_e(ev.text)}<br><span class="meta">'
            f'<a href="{_e(_href(ev, base))}">{_e(ev.title or ev.article_id)}</a> '
            f'[{ev.article_id and _e(ev.article_id)} {ev.start}–{ev.end}] {source}</span>'
            '</blockquote>')


def render_html(brief: Brief, base: str = DEFAULT_BASE) -> str:
    p, prev = brief.period, brief.previous
    out = ['<!doctype html><html lang="de"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           # nothing may load from anywhere: no scripts, styles or images from outside
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
           'style-src \'unsafe-inline\'; img-src data:">',
           f'<title>Lagebild {_e(p["label"])}</title><style>{CSS}</style></head><body>',
           f'<h1>Lagebild {_e(p["label"])}</h1>',
           f'<p class="meta">{_e(p["from"])} bis {_e(p["to"])} · {brief.articles} Artikel '
           f'(davor {brief.articles_previous}) · {brief.events_total} Ereignismeldungen · '
           f'{brief.statements_total} Aussagen</p>']
    if brief.actors:
        out.append(f'<p>Im Fokus: {", ".join(_e(a.name) for a in brief.actors)}</p>')
    out += ['<section id="events"><h2>Wichtigste Ereignisse</h2>',
            f'<p class="why">Rangfolge: {_e(brief.scoring)}</p>',
            f'<figure>{timeline_chart(brief.timeline)}</figure>']
    if not brief.events:
        out.append("<p>Keine Ereignisse im Zeitraum.</p>")
    for quad, items in brief.events.items():
        out.append(f'<h3 class="q{_e(quad)}">{_e(QUAD_NAMES.get(int(quad), "ohne Klasse"))}'
                   '</h3><ol>')
        for item in items:
            when = f"am {item.date}" if item.date else f"gemeldet {item.reported}"
            gold = "–" if item.goldstein is None else f"{item.goldstein:+.1f}"
            why = " + ".join(f"{_e(r.factor)} {_e(r.value)} ({r.points:+.2f})"
                             for r in item.why)
            out.append(f'<li class="event"><strong class="q{item.quad_class}">'
                       f'{_e(item.type)}</strong> {_names(item.source)} → '
                       f'{_names(item.target)} <span class="meta">({_e(when)}; '
                       f'{_e(item.modality)}; Goldstein {gold}; {item.articles} Artikel)</span>'
                       f'<div class="why">Punktzahl {item.score:.2f} = {why}</div>'
                       + "".join(_evidence(ev, base) for ev in item.evidence[:2]) + "</li>")
        out.append("</ol>")
    out.append("</section>")

    out.append('<section id="statements"><h2>Wer sagte was</h2>')
    if not brief.speakers:
        out.append("<p>Keine Aussagen im Zeitraum.</p>")
    for sp in brief.speakers:
        out.append(f'<h3>{_e(sp.speaker.name)} <span class="meta">'
                   f'({sp.statements_in_period} Aussagen)</span></h3><ul>')
        for st in sp.statements:
            cue = f", „{_e(st.cue)}“" if st.cue else ""
            out.append(f'<li class="statement"><q>{_e(st.text)}</q> <span class="meta">'
                       f'({_e(st.type)}{cue})</span>{_evidence(st.evidence, base)}</li>')
        out.append("</ul>")
    out.append("</section>")

    out.append(f'<section id="changes"><h2>Was sich änderte</h2><p class="meta">gegenüber '
               f'{_e(prev["from"])} bis {_e(prev["to"])}</p><div class="changes">')
    if not brief.changes:
        out.append("<p>Keine Veränderung in den Beziehungen.</p>")
    for ch in brief.changes:
        out.append(f'<div class="change"><strong>{_e(ch.a.name)} – {_e(ch.b.name)}</strong>'
                   f'<div class="meta">{_e(ch.summary)}</div>{change_chart(ch)}'
                   + "".join(_evidence(ev, base) for ev in ch.evidence[:1]) + "</div>")
    out.append("</div></section>")

    out.append('<section id="prominent"><h2>Neu prominente Akteure und neue Rollen</h2><ul>')
    if not brief.prominent:
        out.append("<li>Keine.</li>")
    for pa in brief.prominent:
        ev = _evidence(pa.evidence, base) if pa.evidence else ""
        out.append(f"<li><strong>{_e(pa.actor.name)}</strong> {_e(pa.why)}{ev}</li>")
    out.append("</ul></section>")

    out.append(f'<section id="network"><h2>Netzwerk</h2><figure>'
               f'{network_chart(brief.network)}</figure></section>')
    out.append("</body></html>\n")
    return "\n".join(out)
