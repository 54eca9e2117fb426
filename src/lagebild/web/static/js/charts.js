// Small SVG charts built with createElementNS (no library).
import { s } from "./dom.js";

/** An empty, titled chart of the given size (the title is also its accessible name). */
function frame(width, height, title, cls) {
  const svg = s("svg", {
    viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", class: cls,
    "aria-label": title,
  });
  if (title) svg.appendChild(s("title", null, title));
  return svg;
}

/** ``svg`` with ``message`` in its middle: a chart without rows. */
function empty(svg, width, height, message) {
  svg.appendChild(s("text", { x: width / 2, y: height / 2, "text-anchor": "middle" }, message));
  return svg;
}

/**
 * Bars per month. series: [{key, cls, label}], rows: [{month, <key>: n}].
 * Series are stacked.
 */
export function monthBars(rows, series, { width = 640, height = 180, title = "" } = {}) {
  const pad = { l: 32, r: 8, t: 12, b: 34 };
  const svg = frame(width, height, title, "chart");
  if (!rows.length) return empty(svg, width, height, "keine Daten");
  const totals = rows.map((r) => series.reduce((sum, sr) => sum + (r[sr.key] || 0), 0));
  const max = Math.max(1, ...totals);
  const innerW = width - pad.l - pad.r;
  const innerH = height - pad.t - pad.b;
  const bw = innerW / rows.length;
  svg.appendChild(s("line", { x1: pad.l, y1: pad.t + innerH, x2: width - pad.r,
    y2: pad.t + innerH, stroke: "#999" }));
  svg.appendChild(s("text", { x: pad.l - 4, y: pad.t + 8, "text-anchor": "end" }, String(max)));
  svg.appendChild(s("text", { x: pad.l - 4, y: pad.t + innerH, "text-anchor": "end" }, "0"));
  const every = Math.max(1, Math.ceil(rows.length / 12));
  rows.forEach((row, i) => {
    let y = pad.t + innerH;
    const x = pad.l + i * bw + bw * 0.1;
    for (const sr of series) {
      const value = row[sr.key] || 0;
      if (!value) continue;
      const bh = (value / max) * innerH;
      y -= bh;
      const rect = s("rect", { x, y, width: Math.max(1, bw * 0.8), height: bh,
        class: "bar " + (sr.cls || "") });
      rect.appendChild(s("title", null, `${row.month}: ${value} ${sr.label}`));
      svg.appendChild(rect);
    }
    if (i % every === 0) {
      svg.appendChild(s("text", { x: x + bw * 0.4, y: height - pad.b + 14,
        "text-anchor": "middle" }, row.month));
    }
  });
  return svg;
}

export function legend(series) {
  return series.map((sr) => s("svg", { width: 10, height: 10 },
    s("rect", { width: 10, height: 10, class: "bar " + (sr.cls || "") })));
}

/**
 * Diverging bars per month: series with up: true stack above the axis (cooperation), the
 * others below (conflict), as in `lagebild relations --plot`.
 */
export function divergingBars(rows, series, { width = 640, height = 200, title = "" } = {}) {
  const pad = { l: 32, r: 8, t: 12, b: 34 };
  const svg = frame(width, height, title, "chart diverging");
  if (!rows.length) return empty(svg, width, height, "keine Ereignisse");
  const side = (r, up) => series.filter((sr) => !!sr.up === up)
    .reduce((sum, sr) => sum + (r[sr.key] || 0), 0);
  const max = Math.max(1, ...rows.map((r) => Math.max(side(r, true), side(r, false))));
  const innerW = width - pad.l - pad.r;
  const half = (height - pad.t - pad.b) / 2;
  const axis = pad.t + half;
  const bw = innerW / rows.length;
  svg.appendChild(s("line", { x1: pad.l, y1: axis, x2: width - pad.r, y2: axis, stroke: "#333" }));
  svg.appendChild(s("text", { x: pad.l - 4, y: pad.t + 8, "text-anchor": "end" }, String(max)));
  svg.appendChild(s("text", { x: pad.l - 4, y: pad.t + 2 * half, "text-anchor": "end" },
    "-" + String(max)));
  const every = Math.max(1, Math.ceil(rows.length / 12));
  rows.forEach((row, i) => {
    const x = pad.l + i * bw + bw * 0.1;
    let up = axis;
    let down = axis;
    for (const sr of series) {
      const value = row[sr.key] || 0;
      if (!value) continue;
      const bh = (value / max) * half;
      const y = sr.up ? (up -= bh) : down;
      if (!sr.up) down += bh;
      const rect = s("rect", { x, y, width: Math.max(1, bw * 0.8), height: bh,
        class: "bar " + (sr.cls || "") });
      rect.appendChild(s("title", null, `${row.month}: ${value} ${sr.label}`));
      svg.appendChild(rect);
    }
    if (i % every === 0) {
      svg.appendChild(s("text", { x: x + bw * 0.4, y: height - pad.b + 14,
        "text-anchor": "middle" }, row.month));
    }
  });
  return svg;
}
