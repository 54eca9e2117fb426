// The dashboard: a hash router over the views.
import { api } from "./api.js";
import { clear, h } from "./dom.js";
import { renderActor, renderActors } from "./views/actor.js";
import { renderArticle } from "./views/article.js";
import { renderBrief } from "./views/brief.js";
import { renderEvents } from "./views/events.js";
import { renderNetwork } from "./views/network.js";
import { renderSearch } from "./views/search.js";

const ROUTES = [
  [/^\/article\/(.+)$/, "search",
    (m, q, main) => renderArticle(main, decodeURIComponent(m[1]), q)],
  [/^\/brief$/, "brief", (m, q, main) => renderBrief(main, q)],
  [/^\/actor\/(.+)$/, "actors", (m, q, main) => renderActor(main, decodeURIComponent(m[1]), q)],
  [/^\/actors$/, "actors", (m, q, main) => renderActors(main, q)],
  [/^\/network$/, "network", (m, q, main) => renderNetwork(main, q)],
  [/^\/events$/, "events", (m, q, main) => renderEvents(main, q)],
  [/^\/?(search)?$/, "search", (m, q, main) => renderSearch(main, q)],
];

async function route() {
  const main = document.getElementById("main");
  const raw = window.location.hash.replace(/^#/, "") || "/";
  const [path, qs] = raw.split("?", 2);
  const query = new URLSearchParams(qs || "");
  for (const [re, nav, view] of ROUTES) {
    const m = path.match(re);
    if (!m) continue;
    for (const a of document.querySelectorAll("nav a")) {
      a.classList.toggle("active", a.dataset.nav === nav);
    }
    clear(main).appendChild(h("p", { class: "muted" }, "Lädt …"));
    try {
      await view(m, query, main);
    } catch (err) {
      clear(main).appendChild(h("p", { class: "error" }, "Fehler: " + err.message));
    }
    window.scrollTo(0, 0);
    document.body.dataset.ready = path;
    return;
  }
  clear(main).appendChild(h("p", { class: "error" }, "Unbekannte Seite."));
}

async function status() {
  try {
    const health = await api("/api/health");
    document.getElementById("status").textContent =
      `${health.articles} Artikel · ${health.readonly ? "nur lesen" : "schreibbar"}`;
  } catch {
    document.getElementById("status").textContent = "Store nicht erreichbar";
  }
}

window.addEventListener("hashchange", route);
status();
route();
