"""What planning registers: its check (what keeps the planning from being computed), the Gantt
of a new workbook, the steps and meetings of the demo, and the demo's planning and calendar."""

from __future__ import annotations

from partnerkeuze.kernel.port import Feature


def checks(model, snap):
    """The problems that keep the planning from being computed."""
    from partnerkeuze.features.planning.compute import check_planning

    return check_planning(model, snap)


def build_step(wb, mode: str) -> None:
    """The Planning sheet's week grid with its conditional-format Gantt."""
    from partnerkeuze.features.planning.sheet import build_hook

    build_hook(wb, mode)


def demo_call(tables: dict, fields: dict) -> None:
    """The steps and meetings of the demo call."""
    from partnerkeuze.features.planning.templates import stedenband_demo

    stedenband_demo(tables, fields)


def demo_sdg(tables: dict, fields: dict) -> None:
    """The steps and meetings of the SDG demo."""
    from partnerkeuze.features.planning.templates import sdg_demo

    sdg_demo(tables, fields)


def demo_plan(run, path, out_dir, progress) -> list:
    """Demo step: the demo planned, its calendar and the Gantt picture."""
    out = run("plan", path, ics=out_dir / "planning.ics", gantt=out_dir / "planning-gantt.png")
    return out.files


def formulas() -> tuple:
    """The header of the Gantt's grid: the months and days of its columns."""
    from partnerkeuze.features.planning.sheet import grid_family

    return (grid_family(),)


DEMO_PLAN = ("Planning en kalender", demo_plan)

FEATURE = Feature("planning", checks=(checks,), build_steps=(build_step,),
                  demo_content={"stedenband": (demo_call,), "sdg": (demo_sdg,)},
                  demo_steps=(DEMO_PLAN,), formulas=(formulas,))


def plan(run):
    """``plan``: the planning computed and written back (with ``ics`` and ``gantt`` files)."""
    from partnerkeuze.features.planning.actions import plan as work

    return work(run)


def calendar(run):
    """The calendar (.ics) of the planning."""
    from partnerkeuze.features.planning.actions import calendar as work

    return work(run)


def remind(run):
    """``remind``: one pass of reminders."""
    from partnerkeuze.features.planning.actions import remind as work

    return work(run)
