// Search: full-text query with date/outlet filters, results with snippets, top actors.
import { api } from "../api.js";
import { actorLink, articleLink, clear, go, h, snippet } from "../dom.js";

const PAGE = 20;

export async function renderSearch(main, query) {
  const q = query.get("q") || "";
  const params = {
    q, date_from: query.get("date_from"), date_to: query.get("date_to"),
    outlet: query.get("outlet"), sort: query.get("sort") || (q ? "relevance" : "-published"),
    offset: query.get("offset") || 0, limit: PAGE,
  };
  const [facets, result, actors] = await Promise.all([
    api("/api/facets"), api("/api/articles", params), api("/api/actors", { limit: 15 }),
  ]);
  const input = h("input", { type: "search", name: "q", value: q, id: "search-q",
    placeholder: "Suchbegriffe, z. B. Iran Atomprogramm", "aria-label": "Suche" });
  const from = h("input", { type: "date", name: "date_from", value: params.date_from || "" });
  const to = h("input", { type: "date", name: "date_to", value: params.date_to || "" });
  const outlet = h("select", { name: "outlet" }, h("option", { value: "" }, "alle Medien"),
    facets.outlets.map((o) => h("option", { value: o.value, selected: o.value === params.outlet },
      `${o.value} (${o.count})`)));
  const sort = h("select", { name: "sort" },
    [["relevance", "Relevanz"], ["-published", "neueste"], ["published", "älteste"],
      ["title", "Titel"]].map(([v, label]) =>
      h("option", { value: v, selected: v === params.sort }, label)));
  const form = h("form", { class: "filters", id: "search-form", role: "search" },
    h("label", null, "Suche", input), h("label", null, "von", from), h("label", null, "bis", to),
    h("label", null, "Medium", outlet), h("label", null, "Sortierung", sort),
    h("button", { type: "submit" }, "Suchen"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    go("/search", { q: input.value.trim(), date_from: from.value, date_to: to.value,
      outlet: outlet.value, sort: sort.value });
  });

  const offset = Number(params.offset) || 0;
  const list = h("ol", { class: "results", id: "results" }, result.items.map((a) =>
    h("li", { class: "result" },
      h("div", null, articleLink(a.id, a.title || a.id)),
      h("div", { class: "meta" }, [a.published, a.outlet, a.section].filter(Boolean).join(" · ")),
      a.snippet ? h("div", { class: "snippet" }, snippet(a.snippet)) : null)));
  const pager = h("div", { class: "pager" },
    h("span", { class: "meta" }, result.total
      ? `${offset + 1}–${offset + result.items.length} von ${result.total}` : "keine Treffer"),
    offset > 0 ? h("button", { class: "secondary", type: "button",
      onclick: () => go("/search", { ...params, offset: Math.max(0, offset - PAGE) }) },
    "← zurück") : null,
    offset + PAGE < result.total ? h("button", { class: "secondary", type: "button",
      onclick: () => go("/search", { ...params, offset: offset + PAGE }) }, "weiter →") : null);

  const side = h("aside", null, h("div", { class: "card" }, h("h2", null, "Häufigste Akteure"),
    actors.items.length ? h("ul", { class: "plain", id: "top-actors" }, actors.items.map((a) =>
      h("li", null, h("span", { class: "badge " + a.label }, a.label), actorLink(a.id, a.name),
        h("span", { class: "meta" }, ` ${a.mentions}×`))))
      : h("p", { class: "muted" }, "Noch keine Entitäten im Store.")),
  h("div", { class: "card" }, h("h2", null, "Store"),
    h("p", { class: "meta" }, `Zeitraum: ${facets.first_published || "?"} – `
      + `${facets.last_published || "?"}`)));
  clear(main).append(form, h("div", { class: "cols" },
    h("section", null, pager, list), side));
  if (!q) input.focus();
}
