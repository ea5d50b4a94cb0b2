"""Charts for the dossier as PNG bytes (matplotlib, Agg backend, imported only when drawn)."""

from __future__ import annotations

import io

ACCENT = "#1F4E79"
MUTED = "#9DB3CC"
PALETTE = ("#1F4E79", "#C55A11", "#548235", "#7030A0", "#BF8F00")


def pyplot():
    """matplotlib's pyplot on the Agg backend (no screen), imported when a chart is drawn."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def png(fig) -> bytes:
    """A figure as PNG bytes (reproducible: no software stamp), the figure closed."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=150, bbox_inches="tight",
                metadata={"Software": None})
    pyplot().close(fig)
    return buf.getvalue()


def short_label(text: str, limit: int = 28) -> str:
    """A label cut to limit characters with an ellipsis."""
    text = str(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def longlist_bars(rows: list[tuple[str, float, bool]]) -> bytes:
    """Horizontal bars of the weighted scores (label, score, shortlisted), best on top."""
    plt = pyplot()
    rows = rows[:40]
    fig, ax = plt.subplots(figsize=(6.4, 0.32 * max(len(rows), 3) + 0.9))
    labels = [short_label(r[0]) for r in rows][::-1]
    values = [r[1] for r in rows][::-1]
    colors = [ACCENT if r[2] else MUTED for r in rows][::-1]
    bars = ax.barh(range(len(rows)), values, color=colors)
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Gewogen score (0-100)", fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    for bar, v in zip(bars, values):
        ax.text(v + 1, bar.get_y() + bar.get_height() / 2, f"{v:.1f}".replace(".", ","),
                va="center", fontsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title("Longlist: donker = shortlist", fontsize=9, loc="left")
    return png(fig)


def radar(axes: list[str], series: list[tuple[str, list[float]]]) -> bytes:
    """A radar of criterion profiles: axes are criteria, each series values from 0 to 1."""
    import math

    plt = pyplot()
    n = len(axes)
    angles = [2 * math.pi * i / n for i in range(n)] + [0.0]
    fig, ax = plt.subplots(figsize=(5.6, 5.0), subplot_kw={"polar": True})
    for i, (name, values) in enumerate(series[:5]):
        vals = [0.0 if v is None else v for v in values]
        vals = vals + vals[:1]
        color = PALETTE[i % len(PALETTE)]
        ax.plot(angles, vals, color=color, linewidth=1.6, label=short_label(name))
        ax.fill(angles, vals, color=color, alpha=0.08)
    import textwrap

    ax.set_xticks(angles[:-1], [textwrap.fill(short_label(a, 40), 16, break_long_words=False) for a in axes], fontsize=7)
    ax.tick_params(axis="x", pad=12)
    ax.set_ylim(0, 1)
    ax.set_yticks([0.25, 0.5, 0.75, 1.0], ["", "", "", ""])
    ax.legend(loc="upper right", bbox_to_anchor=(1.32, 1.12), fontsize=8, frameon=False)
    return png(fig)
