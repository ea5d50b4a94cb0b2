"""What governance registers: its checks (log and history intact, criteria unchanged since they
were fixed, conflict declarations, the second round), the sheet protection of a new workbook
and the demo's governance content."""

from __future__ import annotations

from partnerkeuze.kernel.port import Feature


def checks(model, snap):
    """Log integrity, the fixed criteria, conflict declarations and the second round."""
    from partnerkeuze.record.governance.checks import governance_problems

    return governance_problems(model, snap)


def build_step(wb, mode: str) -> None:
    """Protect the log and the criteria history; the disagreement heat map."""
    from partnerkeuze.record.governance.workbook import build_hook

    build_hook(wb, mode)


def demo(tables: dict, fields: dict) -> None:
    """The demo's declarations, second round, final order and fixed criteria."""
    from partnerkeuze.record.governance.demo import stedenband_demo

    stedenband_demo(tables, fields)


FEATURE = Feature("governance", checks=(checks,), build_steps=(build_step,),
                  demo_content={"stedenband": (demo,)})


def freeze(run):
    """``freeze``: the criteria fixed (fingerprint, history, log, receipt)."""
    from partnerkeuze.record.governance.actions import freeze as work

    return work(run)


def sensitivity(run):
    """The sensitivity of the shortlist to the weights, on Gevoeligheid."""
    from partnerkeuze.record.governance.actions import sensitivity as work

    return work(run)
