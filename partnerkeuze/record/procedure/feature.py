"""What the procedure registers: its check (the record's chain and every contradiction with the
workbook), the protection of the Procedure sheet, the demo's record and the demo step that walks
it to the college's decision."""

from __future__ import annotations

from partnerkeuze.kernel.port import Feature


def checks(model, snap):
    """The record's chain and its contradictions with Status, final order and scores."""
    from partnerkeuze.record.procedure.checks import check_record

    return check_record(model, snap)


def older_workbook(model, snap):
    """A warning for a workbook made before the sheet Beslissing existed, once the college
    decided: what that decision rested on was not kept, so nothing can show a later change."""
    from partnerkeuze.record.procedure.checks import older_workbook_warnings

    return older_workbook_warnings(model, snap)


def translations(model, snap):
    """The college's reasoning translated into every language a letter quotes it in."""
    from partnerkeuze.record.procedure.reasoning import translation_problems

    return translation_problems(model, snap)


def build_step(wb, mode: str) -> None:
    """Protect the Procedure sheet with the log password."""
    from partnerkeuze.record.procedure.workbook import build_hook

    build_hook(wb, mode)


def demo(tables: dict, fields: dict) -> None:
    """The demo's record up to the consensus order."""
    from partnerkeuze.record.procedure.demo import stedenband_demo

    stedenband_demo(tables, fields)


def demo_decision(run, path, out_dir, progress) -> list:
    """Demo step: the GROS advice and the college's decision recorded."""
    from partnerkeuze.record.procedure.demo import demo_step

    return demo_step(run, path, out_dir, progress)


DEMO_DECISION = ("Procedure: advies van de GROS en beslissing van het college", demo_decision)

FEATURE = Feature("procedure", checks=(checks, translations), warnings=(older_workbook,),
                  build_steps=(build_step,),
                  demo_content={"stedenband": (demo,)}, demo_steps=(DEMO_DECISION,))


def record(run):
    """``record``: a stage of the procedure recorded."""
    from partnerkeuze.record.procedure.actions import record as work

    return work(run)
