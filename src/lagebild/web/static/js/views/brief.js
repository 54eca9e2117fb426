// The brief of a period: ranked events with their reasons, who said what, what changed,
// newly prominent actors, the network. Charts come from /api/brief/chart.svg as images.
import { api } from "../api.js";
import { actorLink, clear, h, QUAD } from "../dom.js";

function names(actors) {
  if (!actors.length) return ["?"];
  const out = [];
  actors.forEach((a, i) => {
    if (i) out.push(" und ");
    out.push(actorLink(a.id, a.name));
  });
  return out;
}

function evidence(ev) {
  return h("blockquote", { class: "evidence" }, ev.text, h("br"),
    h("a", { href: ev.href, class: "evidence-link" }, ev.title || ev.article_id),
    h("span", { class: "meta" }, ` [${ev.start}–${ev.end}] `
      + [ev.outlet, ev.published].filter(Boolean).join(" · ")));
}

function chartUrl(params, kind, index) {
  const query = new URLSearchParams({ period: params.period, kind });
  if (index !== undefined) query.set("index", index);
  for (const a of params.actor) query.append("actor", a);
  return "/api/brief/chart.svg?" + query.toString();
}

function eventItem(e) {
  const when = e.date ? `am ${e.date}` : `gemeldet ${e.reported}`;
  const gold = e.goldstein === null ? "–" : e.goldstein.toFixed(1);
  return h("li", { class: "event" },
    h("strong", { class: "q" + e.quad_class }, e.type), " ", ...names(e.source), " → ",
    ...names(e.target),
    h("span", { class: "meta" }, ` (${when}; ${e.modality}; Goldstein ${gold}; `
      + `${e.articles} Artikel)`),
    h("div", { class: "why" }, `Punktzahl ${e.score.toFixed(2)} = `
      + e.why.map((r) => `${r.factor} ${r.value} (${r.points >= 0 ? "+" : ""}`
        + `${r.points.toFixed(2)})`).join(" + ")),
    e.evidence.slice(0, 2).map(evidence));
}

export async function renderBrief(main, query) {
  const params = { period: query.get("period") || "last 30 days",
    actor: query.getAll("actor").filter(Boolean) };
  const periodInput = h("input", { name: "period", value: params.period,
    placeholder: "2015-09, 2015-W38, last 7 days" });
  const actorInput = h("input", { name: "actor", value: params.actor.join(", "),
    placeholder: "Akteur (optional)" });
  const form = h("form", { class: "filters", id: "brief-form" },
    h("label", null, "Zeitraum", periodInput), h("label", null, "Akteur", actorInput),
    h("button", { type: "submit" }, "Lagebild"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams({ period: periodInput.value.trim() });
    for (const a of actorInput.value.split(",").map((x) => x.trim()).filter(Boolean)) {
      q.append("actor", a);
    }
    window.location.hash = "#/brief?" + q.toString();
  });
  const apiParams = new URLSearchParams({ period: params.period });
  for (const a of params.actor) apiParams.append("actor", a);
  let brief;
  try {
    brief = await api("/api/brief?" + apiParams.toString());
  } catch (err) {
    clear(main).append(h("h1", null, "Lagebild"), form, h("p", { class: "error" }, err.message));
    return;
  }
  const p = brief.period;
  const events = Object.entries(brief.events).map(([quad, items]) =>
    h("div", { class: "quad" }, h("h3", { class: "q" + quad }, QUAD[quad] || "ohne Klasse"),
      h("ol", { class: "event-list" }, items.map(eventItem))));
  const speakers = brief.speakers.map((sp) => h("div", { class: "speaker" },
    h("h3", null, actorLink(sp.speaker.id, sp.speaker.name),
      h("span", { class: "meta" }, ` (${sp.statements_in_period} Aussagen)`)),
    h("ul", { class: "plain" }, sp.statements.map((st) => h("li", { class: "statement" },
      h("q", null, st.text), h("span", { class: "meta" },
        ` (${st.type}${st.cue ? ", „" + st.cue + "“" : ""})`), evidence(st.evidence))))));
  const changes = brief.changes.map((ch, i) => h("div", { class: "change card" },
    h("strong", null, actorLink(ch.a.id, ch.a.name), " – ", actorLink(ch.b.id, ch.b.name)),
    h("div", { class: "meta" }, ch.summary),
    h("img", { src: chartUrl(params, "change", i), alt: `${ch.a.name} – ${ch.b.name}`,
      class: "change-chart" }),
    ch.evidence.slice(0, 1).map(evidence)));
  const prominent = brief.prominent.map((pa) => h("li", null,
    actorLink(pa.actor.id, pa.actor.name), " ", pa.why, pa.evidence ? evidence(pa.evidence)
      : null));
  clear(main).append(...[
    h("h1", null, `Lagebild ${p.label}`), form,
    h("p", { class: "meta", id: "brief-summary" }, `${p.from} bis ${p.to} · ${brief.articles} `
      + `Artikel (davor ${brief.articles_previous}) · ${brief.events_total} Ereignismeldungen `
      + `· ${brief.statements_total} Aussagen`),
    brief.actors.length ? h("p", null, "Im Fokus: ", ...names(brief.actors)) : null,
    h("section", { class: "card", id: "brief-events" }, h("h2", null, "Wichtigste Ereignisse"),
      h("p", { class: "why" }, "Rangfolge: " + brief.scoring),
      h("img", { src: chartUrl(params, "timeline"), alt: "Ereignismeldungen pro Tag",
        class: "timeline-chart" }),
      events.length ? events : h("p", { class: "muted" }, "Keine Ereignisse im Zeitraum.")),
    h("section", { class: "card", id: "brief-statements" }, h("h2", null, "Wer sagte was"),
      speakers.length ? speakers : h("p", { class: "muted" }, "Keine Aussagen im Zeitraum.")),
    h("section", { class: "card", id: "brief-changes" }, h("h2", null, "Was sich änderte"),
      h("p", { class: "meta" }, `gegenüber ${brief.previous.from} bis ${brief.previous.to}`),
      changes.length ? h("div", { class: "changes" }, changes)
        : h("p", { class: "muted" }, "Keine Veränderung in den Beziehungen.")),
    h("section", { class: "card", id: "brief-prominent" },
      h("h2", null, "Neu prominente Akteure und neue Rollen"),
      prominent.length ? h("ul", { class: "plain" }, prominent)
        : h("p", { class: "muted" }, "Keine.")),
    h("section", { class: "card", id: "brief-network" }, h("h2", null, "Netzwerk"),
      h("img", { src: chartUrl(params, "network"), alt: "Akteursnetz", class: "network-chart" })),
  ].filter(Boolean));
  document.title = `Lagebild ${p.label} – Lagebild`;
}
