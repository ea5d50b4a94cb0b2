"""The radar of the basic concepts as PNG bytes (matplotlib, as the dossier's charts): one panel
per round side by side, both partners in each panel; a side without answers in a round has no
line, only its name in the panel's legend saying so. The first axis stands at the top and each
panel's legend lies below it, clear of the axis labels (a test measures it)."""

from __future__ import annotations

import math
import textwrap

from partnerkeuze.io.docx.charts import PALETTE, png, pyplot, short_label

MISSING_COLOR = "#A6A6A6"


def radar_figure(axes: list[str], panels: list[tuple[str, list[tuple[str, list | None]]]],
                 lo: float, hi: float):
    """The figure of radars side by side: panels are (title, [(series name, values on the scale,
    or None for a side without answers)])."""
    from matplotlib.lines import Line2D

    plt = pyplot()
    n = max(len(axes), 3)
    angles = [2 * math.pi * i / n for i in range(n)] + [0.0]
    fig, subplots = plt.subplots(1, len(panels), figsize=(6.0 * len(panels), 6.0),
                                 subplot_kw={"polar": True}, squeeze=False)
    for ax, (title, series) in zip(subplots[0], panels):
        handles: list[Line2D] = []
        ax.set_theta_offset(math.pi / 2)  # the first concept at the top, then clockwise
        ax.set_theta_direction(-1)
        for i, (name, values) in enumerate(series):
            color = PALETTE[i % len(PALETTE)]
            style = "-" if i == 0 else "--"
            label = short_label(name, 60)
            if values is None:
                handles.append(Line2D([], [], color=MISSING_COLOR, linestyle=":",
                                      linewidth=1.8, label=label))
                continue
            vals = [lo if v is None else float(v) for v in values] + [lo] * (n - len(values))
            vals = vals + vals[:1]
            (line,) = ax.plot(angles, vals, color=color, linewidth=1.8, label=label,
                              linestyle=style)
            ax.fill(angles, vals, color=color, alpha=0.10)
            handles.append(line)
        labels = [textwrap.fill(short_label(a, 40), 13, break_long_words=False) for a in axes]
        labels += [""] * (n - len(labels))
        ax.set_xticks(angles[:-1], labels, fontsize=7.5)
        ax.tick_params(axis="x", pad=8)
        ax.set_ylim(lo, hi)
        ticks = list(range(int(math.ceil(lo)), int(hi) + 1))
        ax.set_yticks(ticks, [str(t) for t in ticks], fontsize=6.5, color="#595959")
        ax.set_rlabel_position(360.0 / n / 2)
        ax.set_title(title, fontsize=10, pad=24, loc="center")
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2,
                  fontsize=8, frameon=False)
    fig.tight_layout(w_pad=4.0)
    return fig


def radar_pair(axes: list[str], panels: list[tuple[str, list[tuple[str, list | None]]]],
               lo: float, hi: float) -> bytes:
    """Radars side by side as PNG bytes (see radar_figure)."""
    return png(radar_figure(axes, panels, lo, hi))
