// Actor list and actor page: aliases, mentions by month, roles, statements, events, relations.
import { api } from "../api.js";
import { divergingBars, monthBars } from "../charts.js";
import { actorLink, articleLink, clear, go, h, QUAD } from "../dom.js";

const PAGE = 50;

export async function renderActors(main, query) {
  const params = { q: query.get("q"), label: query.get("label"), offset: query.get("offset") || 0,
    sort: query.get("sort") || "-mentions", limit: PAGE };
  const result = await api("/api/actors", params);
  const input = h("input", { type: "search", name: "q", value: params.q || "", id: "actor-q",
    placeholder: "Name oder Alias" });
  const label = h("select", { name: "label" }, ["", "PER", "ORG", "LOC", "OTH"].map((l) =>
    h("option", { value: l, selected: l === (params.label || "") }, l || "alle Typen")));
  const form = h("form", { class: "filters" }, h("label", null, "Akteur", input),
    h("label", null, "Typ", label), h("button", { type: "submit" }, "Suchen"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    go("/actors", { q: input.value.trim(), label: label.value });
  });
  const offset = Number(params.offset) || 0;
  const table = h("table", { id: "actor-table" },
    h("thead", null, h("tr", null, ["Akteur", "Typ", "Erwähnungen", "Artikel", "zuletzt"]
      .map((t) => h("th", null, t)))),
    h("tbody", null, result.items.map((a) => h("tr", null,
      h("td", null, actorLink(a.id, a.name)), h("td", null, h("span", { class: "badge " + a.label },
        a.label)), h("td", null, String(a.mentions)), h("td", null, String(a.articles)),
      h("td", null, a.last_seen || "")))));
  const pager = h("div", { class: "pager" }, h("span", { class: "meta" }, `${result.total} Akteure`),
    offset > 0 ? h("button", { type: "button", class: "secondary",
      onclick: () => go("/actors", { ...params, offset: Math.max(0, offset - PAGE) }) }, "← zurück")
      : null,
    offset + PAGE < result.total ? h("button", { type: "button", class: "secondary",
      onclick: () => go("/actors", { ...params, offset: offset + PAGE }) }, "weiter →") : null);
  clear(main).append(h("h1", null, "Akteure"), form, pager,
    result.items.length ? table : h("p", { class: "muted" }, "Keine Akteure gefunden."));
}

function statementList(items, emptyText) {
  if (!items.length) return h("p", { class: "muted" }, emptyText);
  return h("ul", { class: "plain" }, items.map((st) => h("li", null,
    h("div", { class: "evidence" }, st.text),
    h("div", { class: "meta" }, st.speaker ? (st.speaker_actor_id
      ? actorLink(st.speaker_actor_id, st.speaker) : st.speaker) : "?", " · ",
    [st.type, st.cue ? `„${st.cue}“` : null, st.published].filter(Boolean).join(" · "), " · ", articleLink(st.article_id, st.article_title || st.article_id)))));
}

export function eventList(items, emptyText) {
  if (!items.length) return h("p", { class: "muted" }, emptyText);
  return h("ul", { class: "plain event-list" }, items.map((ev) => h("li", null,
    h("strong", { class: "q" + ev.quad_class }, ev.plover || ev.code || "Ereignis"), " ",
    ev.source_actor_id ? actorLink(ev.source_actor_id, ev.source || ev.source_actor_id)
      : (ev.source || "?"),
    " → ",
    ev.target_actor_id ? actorLink(ev.target_actor_id, ev.target || ev.target_actor_id)
      : (ev.target || "?"),
    h("span", { class: "meta" }, ` ${ev.date || ev.published || ""} · `
      + `${QUAD[ev.quad_class] || ""}${ev.modality ? " · " + ev.modality : ""}`),
    ev.text ? h("div", { class: "evidence" }, ev.text) : null,
    h("div", { class: "meta" }, articleLink(ev.article_id, ev.article_title || ev.article_id)))));
}

// events (deduplicated), cooperation above the axis and conflict below
const RELATION_SERIES = [
  { key: "q1", cls: "q1", label: QUAD[1], up: true },
  { key: "q2", cls: "q2", label: QUAD[2], up: true },
  { key: "q3", cls: "q3", label: QUAD[3] }, { key: "q4", cls: "q4", label: QUAD[4] },
];

export async function renderActor(main, id, query) {
  const withActor = query.get("with");
  const actor = await api("/api/actors/" + encodeURIComponent(id),
    { with: withActor, limit: 100 });
  const roles = monthBars(actor.roles_by_month, [
    { key: "statements", cls: "q2", label: "Aussagen" },
    { key: "source", cls: "q4", label: "Ereignisse als Handelnder" },
    { key: "target", cls: "q3", label: "Ereignisse als Ziel" },
  ], { title: "Rollen über die Zeit", height: 140 });

  const select = h("select", { id: "relation-other", "aria-label": "anderer Akteur" },
    h("option", { value: "" }, "Akteur wählen …"),
    actor.related.map((r) => h("option", { value: r.id, selected: r.id === withActor },
      `${r.name} (${r.articles})`)));
  select.addEventListener("change", () => go("/actor/" + encodeURIComponent(id),
    { with: select.value }));
  const relation = actor.relation;
  const relationCard = h("div", { class: "card", id: "relation" },
    h("h2", null, "Beziehung im Zeitverlauf"), select,
    relation ? [
      h("p", { class: "meta" }, `${actor.name} ↔ `, actorLink(relation.other, relation.other_name)),
      divergingBars(relation.timeline.filter((m) => m.events > 0), RELATION_SERIES,
        { title: "Ereignisse: Kooperation über, Konflikt unter der Achse", height: 200 }),
      h("div", { class: "legend" }, RELATION_SERIES.map((sr) =>
        h("span", { class: sr.cls }, "■ " + sr.label))),
      eventList(relation.events, "Keine Ereignisse zwischen beiden."),
    ] : h("p", { class: "muted" }, "Einen gemeinsam erwähnten Akteur wählen."));

  clear(main).append(
    h("p", null, h("a", { href: "#/actors" }, "← Akteure")),
    h("h1", { id: "actor-name" }, actor.name, " ", h("span", { class: "badge " + actor.label },
      actor.label)),
    h("p", { class: "meta" }, `${actor.mentions} Erwähnungen in ${actor.articles} Artikeln · `
      + `${actor.first_seen || "?"} – ${actor.last_seen || "?"} · ID ${actor.id}`),
    h("div", { class: "cols" },
      h("section", null,
        h("div", { class: "card" }, h("h2", null, "Erwähnungen pro Monat"),
          monthBars(actor.mentions_by_month, [{ key: "count", cls: "", label: "Erwähnungen" }],
            { title: "Erwähnungen pro Monat" })),
        h("div", { class: "card" }, h("h2", null, "Rollen über die Zeit"), roles,
          h("div", { class: "legend" }, h("span", { class: "q2" }, "■ Aussagen"),
            h("span", { class: "q4" }, "■ handelt"), h("span", { class: "q3" }, "■ ist Ziel"))),
        h("div", { class: "card" }, h("h2", null, "Was sie sagten"),
          statementList(actor.statements_by, "Keine Aussagen.")),
        h("div", { class: "card" }, h("h2", null, "Aussagen über sie"),
          statementList(actor.statements_about, "Keine.")),
        h("div", { class: "card" }, h("h2", null, "Was sie taten und was ihnen angetan wurde"),
          eventList(actor.events, "Keine Ereignisse.")),
        relationCard),
      h("aside", null,
        h("div", { class: "card" }, h("h3", null, "Aliase"),
          h("ul", { class: "plain", id: "aliases" }, actor.aliases.map((a) =>
            h("li", null, a.text, h("span", { class: "meta" }, ` ${a.count}×`))))),
        h("div", { class: "card" }, h("h3", null, "Oft gemeinsam erwähnt"),
          actor.related.length ? h("ul", { class: "plain" }, actor.related.map((r) =>
            h("li", null, actorLink(r.id, r.name), h("span", { class: "meta" },
              ` ${r.articles} Artikel · `),
            h("a", { href: `#/actor/${encodeURIComponent(id)}?with=${encodeURIComponent(r.id)}` },
              "Beziehung"))))
            : h("p", { class: "muted" }, "Keine.")))));
  document.title = actor.name + " – Lagebild";
}
