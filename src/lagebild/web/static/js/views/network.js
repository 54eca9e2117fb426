// Actor network for a period and event class: a small force layout in SVG.
import { api } from "../api.js";
import { clear, go, h, QUAD, s } from "../dom.js";

const W = 900;
const H = 560;

function layout(nodes, edges) {
  const n = nodes.length;
  const pos = nodes.map((_, i) => ({
    x: W / 2 + (W / 3) * Math.cos((2 * Math.PI * i) / Math.max(1, n)),
    y: H / 2 + (H / 3) * Math.sin((2 * Math.PI * i) / Math.max(1, n)),
  }));
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target), e.weight])
    .filter(([a, b]) => a !== undefined && b !== undefined);
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.45;
  for (let iter = 0; iter < 250; iter++) {
    const temp = 20 * (1 - iter / 250) + 0.5;
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x || 0.01;
        const dy = pos[i].y - pos[j].y || 0.01;
        const d2 = dx * dx + dy * dy;
        const f = (k * k) / d2;
        disp[i].x += dx * f / 10; disp[i].y += dy * f / 10;
        disp[j].x -= dx * f / 10; disp[j].y -= dy * f / 10;
      }
    }
    for (const [a, b, w] of links) {
      const dx = pos[a].x - pos[b].x;
      const dy = pos[a].y - pos[b].y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = (d / k) * Math.min(3, 1 + Math.log(w));
      disp[a].x -= dx * f / 10; disp[a].y -= dy * f / 10;
      disp[b].x += dx * f / 10; disp[b].y += dy * f / 10;
    }
    for (let i = 0; i < n; i++) {
      disp[i].x += (W / 2 - pos[i].x) * 0.06;
      disp[i].y += (H / 2 - pos[i].y) * 0.06;
      const len = Math.sqrt(disp[i].x ** 2 + disp[i].y ** 2) || 1;
      pos[i].x = Math.min(W - 140, Math.max(30, pos[i].x + (disp[i].x / len) * Math.min(len, temp)));
      pos[i].y = Math.min(H - 20, Math.max(20, pos[i].y + (disp[i].y / len) * Math.min(len, temp)));
    }
  }
  return { pos, links };
}

function dominantQuad(edge) {
  let best = null;
  for (const [q, count] of Object.entries(edge.quad_classes || {})) {
    if (!best || count > best[1]) best = [q, count];
  }
  return best ? "q" + best[0] : "";
}

export async function renderNetwork(main, query) {
  const params = { date_from: query.get("date_from"), date_to: query.get("date_to"),
    quad_class: query.get("quad_class"), label: query.get("label"),
    mode: query.get("mode") || "auto", max_nodes: query.get("max_nodes") || 40 };
  const graph = await api("/api/graph", params);
  const from = h("input", { type: "date", name: "date_from", value: params.date_from || "" });
  const to = h("input", { type: "date", name: "date_to", value: params.date_to || "" });
  const quad = h("select", { name: "quad_class" }, h("option", { value: "" }, "alle Klassen"),
    [1, 2, 3, 4].map((q) => h("option", { value: q, selected: String(q) === params.quad_class },
      `${q} ${QUAD[q]}`)));
  const mode = h("select", { name: "mode" }, [["auto", "automatisch"], ["events", "Ereignisse"],
    ["cooccurrence", "gemeinsame Erwähnung"]].map(([v, label]) =>
    h("option", { value: v, selected: v === params.mode }, label)));
  const label = h("select", { name: "label" }, ["", "PER", "ORG", "LOC"].map((l) =>
    h("option", { value: l, selected: l === (params.label || "") }, l || "alle Typen")));
  const form = h("form", { class: "filters", id: "network-form" }, h("label", null, "von", from),
    h("label", null, "bis", to), h("label", null, "Ereignisklasse", quad),
    h("label", null, "Kanten", mode), h("label", null, "Typ", label),
    h("button", { type: "submit" }, "Anzeigen"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    go("/network", { date_from: from.value, date_to: to.value, quad_class: quad.value,
      mode: mode.value, label: label.value });
  });

  const svg = s("svg", { class: "network", id: "network", viewBox: `0 0 ${W} ${H}`,
    role: "img", "aria-label": "Akteursnetzwerk" });
  if (!graph.nodes.length) {
    svg.appendChild(s("text", { x: W / 2, y: H / 2, "text-anchor": "middle" },
      "Keine Akteure im gewählten Zeitraum."));
  }
  const { pos } = layout(graph.nodes, graph.edges);
  const index = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const maxW = Math.max(1, ...graph.edges.map((e) => e.weight));
  for (const e of graph.edges) {
    const a = pos[index.get(e.source)];
    const b = pos[index.get(e.target)];
    if (!a || !b) continue;
    svg.appendChild(s("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: dominantQuad(e),
      "stroke-width": 1 + (4 * e.weight) / maxW },
    s("title", null, `${e.source} – ${e.target}: ${e.weight}`)));
  }
  const maxN = Math.max(1, ...graph.nodes.map((node) => node.weight));
  graph.nodes.forEach((node, i) => {
    const r = 5 + 12 * Math.sqrt(node.weight / maxN);
    svg.appendChild(s("a", { href: "#/actor/" + encodeURIComponent(node.id), class: "node" },
      s("circle", { cx: pos[i].x, cy: pos[i].y, r, class: node.label },
        s("title", null, `${node.name} (${node.label}) · ${node.weight}`)),
      s("text", { x: pos[i].x + r + 2, y: pos[i].y + 4 }, node.name)));
  });
  const exportLink = h("a", { href: "/api/export/graphml?" + new URLSearchParams(
    Object.entries({ date_from: params.date_from, date_to: params.date_to,
      quad_class: params.quad_class }).filter(([, v]) => v)).toString() }, "GraphML exportieren");
  clear(main).append(h("h1", null, "Akteursnetzwerk"), form,
    h("p", { class: "meta", id: "network-summary" },
      `${graph.nodes.length} Akteure · ${graph.edges.length} Kanten · `
      + (graph.mode === "events" ? "Kanten = Ereignisse (gerichtet)"
        : "Kanten = gemeinsame Erwähnung im selben Artikel"), " · ", exportLink),
    svg);
}
