"""The Python side of the ribbon: one dispatch table from button id to handler.

Excel runs ``import partnerkeuze.app.addin.ribbon as r; r.on_ribbon('<id>')`` through xlwings'
RunPython for every click. Only this module and the clicked handler's action are imported.
"""

from __future__ import annotations

import os
import sys

from partnerkeuze.app.addin import handlers as h

def selftest(ctx):
    """Zelftest: every other button on copies of the demo through this dispatch, and the report
    for IT (the VBA glue calculates the worksheet functions first and passes the folder)."""
    from partnerkeuze.app.addin.selftest import run_from_excel

    return run_from_excel(ctx, run)


# The one dispatch table: ribbon button id -> handler (see addin/buttons.py for the buttons).
HANDLERS = {
    "new_call": h.new_call,
    "check": h.check,
    "freeze": h.freeze,
    "record": h.record,
    "questionnaire": h.questionnaire,
    "forms": h.forms,
    "import_forms": h.import_forms,
    "assessor_forms": h.assessor_forms,
    "merge": h.merge,
    "score": h.score,
    "sensitivity": h.sensitivity,
    "dossier": h.dossier,
    "letters": h.letters,
    "templates": h.templates,
    "plan": h.plan,
    "calendar": h.calendar,
    "reminders": h.reminders,
    "sdg_match": h.sdg_match,
    "evaluate": h.evaluate,
    "diagnose": h.diagnose,
    "selftest": selftest,
}


TRACE_ENV = "PARTNERKEUZE_RIBBON_TRACE"  # file: record the click instead of working on Excel
TRACE_BOOK_ENV = "PARTNERKEUZE_RIBBON_WORKBOOK"  # with TRACE: run the handler on this file
MAX_LINES = 15
MAX_CHARS = 900  # a message box shows about 1024 characters


def handler_name(button_id: str) -> str | None:
    """'module:function' of the handler of a button, None for an unknown id."""
    fn = HANDLERS.get(button_id)
    return f"{fn.__module__}:{fn.__name__}" if fn else None


def _clip(lines: list[str]) -> str:
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES] + [f"… en nog {len(lines) - MAX_LINES} regel(s)."]
    text = "\n".join(lines)
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS - 1] + "…"


def outcome_text(outcome) -> str:
    """The Dutch summary of an action's outcome for a message box."""
    lines = list(outcome.messages) + [f"Let op: {w}" for w in outcome.warnings]
    if outcome.files:
        folders = sorted({str(p.parent) for p in outcome.files})
        lines.append(f"{len(outcome.files)} bestand(en) geschreven in {', '.join(folders)}.")
    if outcome.changed:
        lines.append("De werkmap is bijgewerkt; bewaar ze om de wijzigingen te houden.")
    return _clip(lines or ["Klaar."])


def error_text(exc) -> str:
    """The Dutch message of a Partnerkeuze error (every problem on its own line)."""
    problems = getattr(exc, "problems", None)
    notes = [f"Let op: {n}" for n in getattr(exc, "notes", ())]
    if problems:
        lines = notes + [str(p) for p in problems]
        lines.append(f"{len(problems)} probleem/problemen gevonden; "
                     + ("deze opdracht wijzigde niets." if notes else "er is niets gewijzigd."))
        return _clip(lines)
    return _clip(notes + [str(exc)])


def run(button_id: str, ctx):
    """Run a button's handler in a context; problems become a Dutch message box, never a trace."""
    from partnerkeuze.app.addin.context import Cancelled
    from partnerkeuze.kernel.errors import PartnerkeuzeError

    handler = HANDLERS.get(button_id)
    if handler is None:
        ctx.ui.error(f"Onbekende knop '{button_id}': de invoegtoepassing en Partnerkeuze horen "
                     f"bij verschillende versies. Installeer beide opnieuw.")
        return None
    try:
        outcome = handler(ctx)
    except Cancelled:
        return None
    except PartnerkeuzeError as exc:
        ctx.ui.error(error_text(exc))
        return None
    except Exception as exc:  # a bug: a plain message, details in a log file for IT
        log = _log_traceback()
        ctx.ui.error(f"Onverwachte fout ({type(exc).__name__}: {str(exc)[:200]}). "
                     f"Er is mogelijk niets gewijzigd. Technische details voor IT: {log}")
        return None
    finally:
        ctx.ui.clear_status()
    ctx.ui.info(outcome_text(outcome))
    return outcome


def _log_traceback() -> str:
    import tempfile
    import traceback

    path = os.path.join(tempfile.gettempdir(), "partnerkeuze-fout.log")
    try:
        with open(path, "a", encoding="utf-8") as fh:
            traceback.print_exc(file=fh)
    except OSError:
        return "(geen logbestand)"
    return path


def _trace(button_id: str, trace_path: str, argument: str | None = None) -> None:
    """Record which handler a click resolves to (and run it on a file when asked)."""
    import json

    record = {"button": button_id, "handler": handler_name(button_id), "argv": sys.argv[1:]}
    book_path = os.environ.get(TRACE_BOOK_ENV)
    if book_path:
        from pathlib import Path

        from partnerkeuze.app.addin.context import Context, RecordingUI
        from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

        from partnerkeuze.app.addin.config import resolve

        ui = RecordingUI()
        book = FileWorkbook(book_path, for_writing=False)
        config = resolve(workbook_path=book_path)  # the conf files, as in Excel
        outcome = run(button_id, Context(book, ui, Path(book_path), config, argument))
        record["config"] = config
        record["shown"] = ui.shown
        record["messages"] = outcome.messages if outcome else None
        record["modules"] = sorted(sys.modules)
    with open(trace_path, "w", encoding="utf-8") as fh:
        json.dump(record, fh, ensure_ascii=False)


def in_udf_server() -> bool:
    """True inside xlwings' COM server ('Use UDF Server' = True): Python lives between clicks."""
    return "xlwings.server" in sys.modules


def on_ribbon(button_id: str, addin_name: str | None = None, argument: str | None = None) -> None:
    """Entry point of every ribbon click (called by the VBA callback through RunPython);
    addin_name: the add-in's file name (ThisWorkbook.Name), to read its settings sheet;
    argument: what the VBA passes besides (the Zelftest's folder)."""
    import warnings

    warnings.simplefilter("ignore")  # stderr output would show as an error dialog on Mac
    trace = os.environ.get(TRACE_ENV)
    if trace:
        _trace(button_id, trace, argument)
        return
    try:
        from partnerkeuze.app.addin.xlwings_adapter import live_context

        ctx = live_context(addin_name)
        ctx.argument = argument
    except Exception as exc:  # no Excel to show a message box in: xlwings shows the error
        text = f"Partnerkeuze kan de actieve werkmap niet openen ({type(exc).__name__}: {exc})."
        if in_udf_server():  # Python stays alive: an exception becomes xlwings' error box
            raise RuntimeError(text) from None
        print(text, file=sys.stderr)
        raise SystemExit(1) from None
    run(button_id, ctx)
