"""The Gantt as a picture (PNG) for the dossier: bars coloured per status, meetings, the
deadline and today."""

from __future__ import annotations

import datetime as dt
import io

from partnerkeuze.layout import planning as lay
from partnerkeuze.planning.sheet import COLOURS

MAX_STEPS = 80


def gantt_png(plan, today: dt.date | None = None, title: str = "Planning") -> bytes:
    """PNG bytes of the planning's Gantt chart (matplotlib, imported here only)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch as Swatch

    today = today or dt.date.today()
    steps = plan.steps[:MAX_STEPS]
    height = max(2.5, 0.32 * len(steps) + 1.4)
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
        ax.set_yticklabels([f"{p.id} {p.step.name[:45]}" for p in steps], fontsize=7)
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
        ax.legend(handles=[Swatch(color="#" + COLOURS[k], label=k) for k in lay.PLAN_STATUSES]
                  + [Swatch(color="#" + COLOURS["overdue"], label="Te laat")],
                  fontsize=7, loc="upper right")
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        return buf.getvalue()
    finally:
        plt.close(fig)
