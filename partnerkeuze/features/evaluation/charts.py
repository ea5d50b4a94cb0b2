"""The radar of the basic concepts as PNG bytes (matplotlib, as the dossier's charts): one panel
per round side by side, both partners in each panel."""

from __future__ import annotations

import math
import textwrap

from partnerkeuze.io.docx.charts import PALETTE, png, pyplot, short_label


def radar_pair(axes: list[str], panels: list[tuple[str, list[tuple[str, list]]]],
               lo: float, hi: float) -> bytes:
    """Radars side by side: panels are (title, [(series name, values on the scale)])."""
    plt = pyplot()
    n = max(len(axes), 3)
    angles = [2 * math.pi * i / n for i in range(n)] + [0.0]
    fig, subplots = plt.subplots(1, len(panels), figsize=(5.0 * len(panels), 5.0),
                                 subplot_kw={"polar": True}, squeeze=False)
    for ax, (title, series) in zip(subplots[0], panels):
        for i, (name, values) in enumerate(series):
            vals = [lo if v is None else float(v) for v in values] + [lo] * (n - len(values))
            vals = vals + vals[:1]
            color = PALETTE[i % len(PALETTE)]
            ax.plot(angles, vals, color=color, linewidth=1.8, label=short_label(name),
                    linestyle="-" if i == 0 else "--")
            ax.fill(angles, vals, color=color, alpha=0.10)
        labels = [textwrap.fill(short_label(a, 40), 14, break_long_words=False) for a in axes]
        labels += [""] * (n - len(labels))
        ax.set_xticks(angles[:-1], labels, fontsize=7.5)
        ax.tick_params(axis="x", pad=10)
        ax.set_ylim(lo, hi)
        ticks = list(range(int(math.ceil(lo)), int(hi) + 1))
        ax.set_yticks(ticks, [str(t) for t in ticks], fontsize=6.5, color="#595959")
        ax.set_title(title, fontsize=10, pad=18, loc="center")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=2, fontsize=8,
                  frameon=False)
    fig.tight_layout()
    return png(fig)
