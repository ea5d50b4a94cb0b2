"""The Gantt as a picture (PNG) for the dossier: bars coloured per status, meetings, the
deadline and today."""

from __future__ import annotations

import datetime as dt
import io

from partnerkeuze.layout import planning as lay
from partnerkeuze.features.planning.sheet import COLOURS

MAX_STEPS = 80
LABEL_WIDTH = 42  # characters per line of a step's label; a label takes at most two lines


def step_label(step_id: str, name: str) -> str:
    """A step's label on the chart: its id and whole name on at most two lines (never cut off
    mid-word; a very long name ends with an ellipsis)."""
    import textwrap

    lines = textwrap.wrap(f"{step_id} {name}", LABEL_WIDTH)
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), LABEL_WIDTH, placeholder=" …")]
    return "\n".join(lines)


def gantt_png(plan, today: dt.date | None = None, title: str = "Planning") -> bytes:
    """PNG bytes of the planning's Gantt chart (matplotlib, imported here only)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch as Swatch

    today = today or dt.date.today()
    steps = plan.steps[:MAX_STEPS]
    height = max(3.0, 0.42 * len(steps) + 2.0)
    fig, ax = plt.subplots(figsize=(10, height), dpi=110)
    try:
        for i, p in enumerate(steps):
            s = p.step
            colour = COLOURS.get(s.status, COLOURS[lay.TODO])
            if s.status != lay.DONE and p.end < today:
                colour = COLOURS["overdue"]
            start = mdates.date2num(p.start)
            width = max(mdates.date2num(p.end) + 1 - start, 1)
            if s.kind == lay.MILESTONE:
                ax.plot(start + 0.5, i, marker="D", color="#" + colour, markersize=7)
            else:
                ax.barh(i, width, left=start, height=0.6, color="#" + colour)
            if p.meeting is not None:
                ax.plot(mdates.date2num(p.meeting.date) + 0.5, i, marker="v",
                        color="#" + COLOURS["meeting"], markersize=7)
        ax.set_yticks(range(len(steps)))
        ax.set_yticklabels([step_label(p.id, p.step.name) for p in steps], fontsize=7)
        ax.invert_yaxis()
        if plan.deadline:
            ax.axvline(mdates.date2num(plan.deadline), color="#C00000", linestyle="--",
                       linewidth=1)
        first = min((p.start for p in steps), default=today)
        last = max((p.end for p in steps), default=today)
        if first <= today <= last:
            ax.axvline(mdates.date2num(today), color="#BF8F00", linewidth=1.2)
        ax.xaxis_date()
        ax.xaxis.set_major_locator(mdates.MonthLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%m/%y"))
        ax.tick_params(axis="x", labelsize=7)
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.5)
        ax.set_title(title[:100], fontsize=10)
        handles = [Swatch(color="#" + COLOURS[k], label=k) for k in lay.PLAN_STATUSES] + \
            [Swatch(color="#" + COLOURS["overdue"], label="Te laat")]
        if plan.deadline:
            handles.append(Line2D([], [], color="#C00000", linestyle="--", linewidth=1,
                                  label="Deadline kandidaturen"))
        if first <= today <= last:
            handles.append(Line2D([], [], color="#BF8F00", linewidth=1.2, label="Vandaag"))
        if any(p.meeting is not None for p in steps):
            handles.append(Line2D([], [], color="#" + COLOURS["meeting"], marker="v",
                                  linestyle="", label="Vergadering"))
        # Below the chart, so that it never hides a bar.
        ax.legend(handles=handles, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.06),
                  ncol=min(len(handles), 5), frameon=False)
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        return buf.getvalue()
    finally:
        plt.close(fig)
