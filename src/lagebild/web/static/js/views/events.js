// Event timeline: events per month by QuadClass, and the filtered event list.
import { api } from "../api.js";
import { monthBars } from "../charts.js";
import { clear, go, h, QUAD } from "../dom.js";
import { eventList } from "./actor.js";

const SERIES = [1, 2, 3, 4].map((q) => ({ key: "q" + q, cls: "q" + q, label: QUAD[q] }));

export async function renderEvents(main, query) {
  const params = { type: query.get("type"), quad_class: query.get("quad_class"),
    date_from: query.get("date_from"), date_to: query.get("date_to"), actor: query.get("actor"),
    limit: 100 };
  const [timeline, events] = await Promise.all([
    api("/api/events/timeline", { date_from: params.date_from, date_to: params.date_to,
      actor: params.actor }),
    api("/api/events", params),
  ]);
  const type = h("input", { name: "type", value: params.type || "", placeholder: "CONSULT, 04 …" });
  const quad = h("select", { name: "quad_class" }, h("option", { value: "" }, "alle Klassen"),
    [1, 2, 3, 4].map((q) => h("option", { value: q, selected: String(q) === params.quad_class },
      `${q} ${QUAD[q]}`)));
  const from = h("input", { type: "date", name: "date_from", value: params.date_from || "" });
  const to = h("input", { type: "date", name: "date_to", value: params.date_to || "" });
  const form = h("form", { class: "filters" }, h("label", null, "Typ", type),
    h("label", null, "Klasse", quad), h("label", null, "von", from), h("label", null, "bis", to),
    h("button", { type: "submit" }, "Filtern"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    go("/events", { type: type.value.trim(), quad_class: quad.value, date_from: from.value,
      date_to: to.value, actor: params.actor });
  });
  clear(main).append(h("h1", null, "Ereignisse"), form,
    h("div", { class: "card", id: "event-timeline" }, h("h2", null, "Zeitleiste"),
      monthBars(timeline, SERIES, { title: "Ereignisse pro Monat" }),
      h("div", { class: "legend" }, SERIES.map((sr) => h("span", { class: sr.cls },
        "■ " + sr.label)))),
    h("div", { class: "card" }, h("h2", null, `${events.total} Ereignisse`),
      eventList(events.items, "Keine Ereignisse (die Ereignis-Stufe ist noch nicht gelaufen).")));
}
