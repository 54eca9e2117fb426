// Article page: the text by blocks, with entity/statement/event highlights and evidence.
import { api } from "../api.js";
import { actorLink, clear, h, QUAD, safeHref } from "../dom.js";

// Typed layers (docs/schema.json): a statement has quote spans, cue spans and a speaker span
// with its actor; an event has a trigger span, its sentence and actor references per side.
function spanText(value) {
  return value && typeof value === "object" ? value.text : value;
}

function partsText(spans) {
  return (spans || []).map((s) => s.text).join(" … ");
}

function sideText(refs) {
  return (refs || []).map((r) => r.name).join(" und ") || "?";
}

function sideLinks(refs) {
  if (!refs || !refs.length) return ["?"];
  const out = [];
  refs.forEach((r, i) => {
    if (i) out.push(" und ");
    out.push(r.id ? actorLink(r.id, r.name) : r.name);
  });
  return out;
}

const BLOCK_TAGS = {
  section: ["p", "section"], kicker: ["p", "kicker"], headline: ["h1", "headline"],
  teaser: ["p", "teaser"], paragraph: ["p", "paragraph"], subheading: ["h2", "subheading"],
  source: ["p", "source"], related: ["aside", "related"], dateline: ["p", "dateline"],
  image: ["div", "file"], caption: ["figcaption", "caption"], credit: ["small", "credit"],
};

function annotations(doc) {
  const anns = [];
  doc.entities.forEach((e, i) => anns.push({ kind: "ent", cls: "ent " + e.label, start: e.start,
    end: e.end, data: e, id: "ent-" + i }));
  doc.statements.forEach((st, i) => {
    const id = "stmt-" + i;
    for (const q of st.quote) anns.push({ kind: "stmt", cls: "stmt", start: q.start, end: q.end,
      data: st, id });
    for (const c of st.cue) anns.push({ kind: "stmt", cls: "stmt cue", start: c.start,
      end: c.end, data: st, id });
    if (st.speaker) anns.push({ kind: "stmt", cls: "stmt speaker", start: st.speaker.start,
      end: st.speaker.end, data: st, id });
  });
  doc.events.forEach((ev, i) => anns.push({ kind: "evt", cls: "evt", start: ev.trigger.start,
    end: ev.trigger.end, data: ev, id: "evt-" + i }));
  return anns.filter((a) => Number.isInteger(a.start) && Number.isInteger(a.end)
    && a.end > a.start && a.end <= doc.text.length);
}

function describe(ann) {
  const d = ann.data;
  if (ann.kind === "hl") return "Beleg";
  if (ann.kind === "ent") return `${d.label}: ${d.text} → ${d.actor_id}`;
  if (ann.kind === "stmt") return `Aussage (${d.type}) von ${spanText(d.speaker) || "?"}`;
  return `Ereignis ${d.type} (${QUAD[d.quad_class] || "?"}): `
    + `${sideText(d.source)} → ${sideText(d.target)}`;
}

/** Text of [start, end) split at annotation boundaries into spans. */
function renderRange(text, start, end, anns, onSelect) {
  const inside = anns.filter((a) => a.start < end && a.end > start);
  if (!inside.length) return [text.slice(start, end)];
  const cuts = new Set([start, end]);
  for (const a of inside) {
    cuts.add(Math.max(start, a.start));
    cuts.add(Math.min(end, a.end));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = inside.filter((ann) => ann.start <= a && ann.end >= b);
    const piece = text.slice(a, b);
    if (!covering.length) {
      out.push(piece);
      continue;
    }
    const span = h("span", {
      class: "ann " + covering.map((c) => c.cls).join(" "),
      title: covering.map(describe).join("\n"),
      tabindex: 0,
      "data-ann": covering.map((c) => c.id).join(" "),
    }, piece);
    span.addEventListener("click", () => onSelect(covering, span));
    span.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onSelect(covering, span); });
    out.push(span);
  }
  return out;
}

function evidence(text, start, end) {
  return h("div", { class: "evidence" }, text.slice(start, end));
}

function detailItem(doc, ann) {
  const d = ann.data;
  if (ann.kind === "ent") {
    return h("li", null, h("span", { class: "badge " + d.label }, d.label),
      actorLink(d.actor_id, d.text), h("span", { class: "meta" }, ` [${d.start}–${d.end}]`));
  }
  if (ann.kind === "stmt") {
    const actor = d.speaker && d.speaker.actor;
    const first = d.quote[0];
    const last = d.quote[d.quote.length - 1];
    return h("li", { class: "statement" }, h("strong", null, spanText(d.speaker) || "?"),
      actor && actor.id ? [" ", actorLink(actor.id, "→ " + actor.name)] : null,
      h("span", { class: "meta" }, ` ${d.type} · ${d.mode}`
        + (d.cue.length ? ` · „${partsText(d.cue)}“` : "") + ` [${first.start}–${last.end}]`),
      evidence(doc.text, first.start, last.end));
  }
  const date = d.date && d.date.value ? ` · ${d.date.value}` : "";
  // the events stage's probability that the event is right (events/confidence.py)
  const p = typeof d.confidence === "number" ? ` · p=${d.confidence.toFixed(2)}` : "";
  return h("li", { class: "event" },
    h("strong", { class: "q" + d.quad_class }, d.type), " ", ...sideLinks(d.source), " → ",
    ...sideLinks(d.target),
    h("span", { class: "meta" }, ` „${d.trigger.text}“ · ${QUAD[d.quad_class] || ""}`
      + ` · ${d.modality}${date}${p}`),
    evidence(doc.text, d.sentence.start, d.sentence.end));
}

export async function renderArticle(main, id, query) {
  const doc = await api("/api/articles/" + encodeURIComponent(id));
  const anns = annotations(doc);
  // ?hl=START-END (evidence links of the brief): that range highlighted and scrolled to
  const hl = /^(\d+)-(\d+)$/.exec((query && query.get("hl")) || "");
  if (hl && +hl[1] < +hl[2] && +hl[2] <= doc.text.length) {
    anns.push({ kind: "hl", cls: "hl", start: +hl[1], end: +hl[2], data: null, id: "hl" });
  }
  const selection = h("div", { class: "card", id: "selection" },
    h("h3", null, "Auswahl"),
    h("p", { class: "muted" }, "Markierung anklicken, um Belege zu sehen."));
  let selected = null;
  const onSelect = (all, span) => {
    const covering = all.filter((c) => c.kind !== "hl");
    if (!covering.length) return;
    if (selected) selected.classList.remove("selected");
    selected = span;
    span.classList.add("selected");
    clear(selection).append(h("h3", null, "Auswahl"),
      h("ul", { class: "plain" }, covering.map((c) => detailItem(doc, c))));
  };

  const body = h("article", { class: "doc show-ent show-stmt show-evt", id: "article-text",
    lang: doc.language || "de" });
  const blocks = doc.blocks.length ? doc.blocks
    : [{ type: "paragraph", start: 0, end: doc.text.length }];
  if (!blocks.some((b) => b.type === "headline") && doc.title) {
    // the title came as metadata (e.g. JSON Lines), not as part of the text
    body.appendChild(h("h1", { class: "headline meta-title", "data-block": "title" }, doc.title));
  }
  const figures = new Map();
  for (const block of blocks) {
    const [tag, cls] = BLOCK_TAGS[block.type] || ["p", block.type];
    const el = h(tag, { class: cls, "data-block": block.type },
      renderRange(doc.text, block.start, block.end, anns, onSelect));
    if (["image", "caption", "credit"].includes(block.type)) {
      const key = block.image ?? "x";
      let fig = figures.get(key);
      if (!fig) {
        fig = h("figure", { "data-block": "figure" });
        figures.set(key, fig);
        body.appendChild(fig);
      }
      fig.appendChild(el);
    } else {
      body.appendChild(el);
    }
  }

  const toggles = h("div", { class: "layers" }, [["ent", "Entitäten", doc.entities.length],
    ["stmt", "Aussagen", doc.statements.length], ["evt", "Ereignisse", doc.events.length]]
    .map(([key, label, n]) => {
      const box = h("input", { type: "checkbox", checked: true, "data-layer": key });
      box.addEventListener("change", () => body.classList.toggle("show-" + key, box.checked));
      return h("label", null, box, ` ${label} (${n})`);
    }));

  // Linked actors carry their knowledge-base name ("John Kerry" for "Kerrys").
  const kbActors = new Map((doc.actors || []).map((a) => [a.id, a]));
  const byActor = new Map();
  for (const e of doc.entities) {
    const kb = kbActors.get(e.actor_id);
    const entry = byActor.get(e.actor_id) || { name: kb ? kb.name : e.text, label: e.label, n: 0 };
    entry.n += 1;
    byActor.set(e.actor_id, entry);
  }
  // the topic stage's soft-news label explains why the article has few events (events/gate.py)
  const soft = doc.topic && doc.topic.label === "soft"
    ? "Soft News: Ereignisse nur mit Polizei, Justiz, Militär" : null;
  const meta = [doc.published, doc.source.outlet, doc.section, soft].filter(Boolean).join(" · ");
  const side = h("aside", null, selection,
    h("div", { class: "card" }, h("h3", null, "Metadaten"),
      h("p", { class: "meta" }, meta || "—"),
      doc.source.authors.length ? h("p", { class: "meta" }, "Autoren: "
        + doc.source.authors.join(", ")) : null,
      doc.url && safeHref(doc.url) ? h("p", null,
        h("a", { href: doc.url, rel: "noopener noreferrer" }, "Original"))
        : null,
      h("p", { class: "meta" }, `ID ${doc.id}`),
      doc.store.near_duplicate_of ? h("p", { class: "meta" }, "Fast-Duplikat von ",
        h("a", { href: "#/article/" + encodeURIComponent(doc.store.near_duplicate_of) },
          doc.store.near_duplicate_of)) : null),
    h("div", { class: "card" }, h("h3", null, "Akteure"),
      byActor.size ? h("ul", { class: "plain", id: "article-actors" },
        [...byActor.entries()].sort((a, b) => b[1].n - a[1].n).map(([aid, e]) =>
          h("li", null, h("span", { class: "badge " + e.label }, e.label), actorLink(aid, e.name),
            h("span", { class: "meta" }, ` ${e.n}×`))))
        : h("p", { class: "muted" }, "Keine Entitäten (NLP-Stufe nicht gelaufen).")),
    h("div", { class: "card" }, h("h3", null, "Aussagen"),
      doc.statements.length ? h("ul", { class: "plain" }, doc.statements.map((st, i) =>
        detailItem(doc, { kind: "stmt", data: st, id: "stmt-" + i })))
        : h("p", { class: "muted" }, "Keine.")),
    h("div", { class: "card" }, h("h3", null, "Ereignisse"),
      doc.events.length ? h("ul", { class: "plain" }, doc.events.map((ev, i) =>
        detailItem(doc, { kind: "evt", data: ev, id: "evt-" + i })))
        : h("p", { class: "muted" }, "Keine.")));
  clear(main).append(h("p", null, h("a", { href: "#/" }, "← Suche")), toggles,
    h("div", { class: "cols" }, body, side));
  document.title = (doc.title || doc.id) + " – Lagebild";
  const first = body.querySelector(".ann.hl");
  if (first) requestAnimationFrame(() => first.scrollIntoView({ block: "center" }));
}
