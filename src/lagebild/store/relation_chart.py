"""The relation chart: events per period, cooperation above the axis, conflict below, with
the mean Goldstein value as a line. Used by ``lagebild relations --plot``; the dashboard
draws the same picture from ``/api/relations`` in the browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def plot_relation(series: list[dict[str, Any]], title: str, path: Path) -> None:
    """Write the chart of ``relation_series`` output as a PNG to ``path``."""
    import matplotlib

    matplotlib.use("Agg")  # no display: files only
    import matplotlib.pyplot as plt

    labels = [p["period"] for p in series]
    x = list(range(len(labels)))
    fig, ax = plt.subplots(figsize=(max(6.0, 0.35 * len(labels) + 3), 4.5), dpi=110)
    q1 = [p["q1"] for p in series]
    q2 = [p["q2"] for p in series]
    q3 = [-p["q3"] for p in series]
    q4 = [-p["q4"] for p in series]
    ax.bar(x, q1, color="#7fb3d5", label="verbale Kooperation (Q1)")
    ax.bar(x, q2, bottom=q1, color="#1f618d", label="materielle Kooperation (Q2)")
    ax.bar(x, q3, color="#f1948a", label="verbaler Konflikt (Q3)")
    ax.bar(x, q4, bottom=q3, color="#922b21", label="materieller Konflikt (Q4)")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylabel("Ereignisse (Konflikt unter der Achse)")
    ax.set_xlabel("Zeitraum")
    ax.set_xticks(x, labels, rotation=60, ha="right", fontsize=8)
    means = [(i, p["goldstein_mean"]) for i, p in enumerate(series)
             if p.get("goldstein_mean") is not None]
    if means:
        gx = ax.twinx()
        gx.plot([i for i, _ in means], [m for _, m in means], color="#555555", marker="o",
                linewidth=1, markersize=3, label="Goldstein (Mittel)")
        gx.set_ylim(-10, 10)
        gx.set_ylabel("Goldstein-Wert (Mittel)")
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize=7)
    fig.tight_layout()
    partial = path.with_name(path.name + ".part")
    fig.savefig(partial, format="png")
    plt.close(fig)
    partial.replace(path)
