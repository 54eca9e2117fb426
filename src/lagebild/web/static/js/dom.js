// DOM helpers. Data from the store is untrusted: it only ever becomes text nodes or
// attribute values set through setAttribute — never HTML.

const SVG_NS = "http://www.w3.org/2000/svg";

function apply(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key === "href") {
      const href = safeHref(String(value));
      if (href) el.setAttribute("href", href);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** h("p", {class: "x"}, "text", child…) — an element whose strings are text nodes. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  apply(el, attrs);
  return append(el, children);
}

/** The same for SVG elements. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs);
  return append(el, children);
}

/** Internal hash links and http(s) URLs only (no javascript:, data: …). */
export function safeHref(href) {
  if (href.startsWith("#") || href.startsWith("/")) return href;
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** Search snippets mark hits with [brackets]: render them as <mark> text. */
export function snippet(text) {
  const out = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    out.push(text.slice(last, m.index), h("mark", null, m[1]));
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

export const QUAD = {
  1: "verbale Kooperation", 2: "materielle Kooperation",
  3: "verbaler Konflikt", 4: "materieller Konflikt",
};

export function actorLink(id, name) {
  return h("a", { href: "#/actor/" + encodeURIComponent(id), class: "actor-link" }, name || id);
}

export function articleLink(id, title) {
  return h("a", { href: "#/article/" + encodeURIComponent(id), class: "article-link" },
    title || id);
}

/** Navigate to a dashboard route with query parameters (empty ones dropped). */
export function go(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v) query.set(k, v);
  const qs = query.toString();
  window.location.hash = "#" + path + (qs ? "?" + qs : "");
}
