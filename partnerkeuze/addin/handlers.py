"""One handler per ribbon button: it calls the same action as the command line.

Actions are named as "module:function" strings and imported only when their button is clicked,
so a click never waits for libraries it does not use (Word, plotting, optimisation).
"""

from __future__ import annotations

import importlib
from pathlib import Path

from partnerkeuze.actions import Outcome
from partnerkeuze.addin.context import KEY_MODE, Context

SCORING = "partnerkeuze.actions.scoring"
GOVERNANCE = "partnerkeuze.governance.actions"
DOCUMENTS = "partnerkeuze.documents.actions"
INTAKE = "partnerkeuze.intake.actions"
PLANNING = "partnerkeuze.planning.actions"
SDG = "partnerkeuze.sdg.actions"
CREATION = "partnerkeuze.actions.creation"
EVALUATION = "partnerkeuze.evaluation.actions"


def action(name: str):
    """The action function named 'module:function' (imported now, not before)."""
    module, _, func = name.partition(":")
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            from partnerkeuze.errors import FileError

            raise FileError(f"deze functie is niet beschikbaar in de geïnstalleerde versie van "
                            f"Partnerkeuze ({module}); werk Partnerkeuze bij") from None
        raise
    return getattr(mod, func)


def check(ctx: Context) -> Outcome:
    """Controleren: validate the workbook."""
    return action(f"{SCORING}:check")(ctx.book, progress=ctx.progress)


def score(ctx: Context) -> Outcome:
    """Scores en shortlist: compute and write the results."""
    return action(f"{SCORING}:score")(ctx.book, progress=ctx.progress)


def freeze(ctx: Context) -> Outcome:
    """Criteria vastleggen: fix the criteria with an optional reason."""
    reason = ctx.ui.ask_text("Waarom legt u de criteria nu vast? (mag leeg blijven)")
    return action(f"{GOVERNANCE}:freeze")(ctx.book, reason=reason or None, progress=ctx.progress)


def record(ctx: Context) -> Outcome:
    """Procedurestap vastleggen: ask the stage and what it records, then record it."""
    import datetime as dt

    from partnerkeuze.errors import FileError
    from partnerkeuze.layout.procedure import STAGES

    codes = [c for c, _ in STAGES]
    stage = (ctx.ui.ask_text("Welke stap legt u vast? " + ", ".join(codes)) or "").strip()
    if not stage:
        return Outcome(messages=["Niets vastgelegd."])
    if stage not in codes:
        raise FileError(f"onbekende procedurestap '{stage}'; kies uit {', '.join(codes)}")

    def day(prompt: str) -> dt.date | None:
        text = (ctx.ui.ask_text(prompt) or "").strip()
        if not text:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise FileError(f"'{text}' is geen datum JJJJ-MM-DD") from None

    when = day("Datum van de gebeurtenis (JJJJ-MM-DD, leeg = vandaag)")
    options: dict = {}
    if stage in ("published", "extension"):
        options["deadline"] = day("Deadline voor de kandidaturen (JJJJ-MM-DD)")
    if stage in ("college", "council"):
        options["partner"] = ctx.ui.ask_text("Gekozen partner (ID van het blad Kandidaten)")
        options["number"] = ctx.ui.ask_text("Nummer van de beslissing (mag leeg blijven)")
    if stage in ("consensus", "gros", "college"):
        options["text"] = ctx.ui.ask_text({
            "consensus": "Eindvolgorde (bv. K05, K04, K01; leeg = blad Eindvolgorde)",
            "gros": "Advies van de GROS",
            "college": "Argumentatie van het college (mag leeg blijven)"}[stage])
    options["reason"] = ctx.ui.ask_text("Reden (verplicht bij een verlenging of een stap die al "
                                        "vastgelegd is; anders leeg)")
    options = {k: v for k, v in options.items() if v not in (None, "")}
    return action("partnerkeuze.procedure.actions:record")(ctx.book, stage, date=when,
                                                            progress=ctx.progress, **options)


def sensitivity(ctx: Context) -> Outcome:
    """Gevoeligheid: how stable the ranking is under other weights."""
    return action(f"{GOVERNANCE}:sensitivity")(ctx.book, progress=ctx.progress)


def questionnaire(ctx: Context) -> Outcome:
    """Vragenlijsten (Word) in the output folder."""
    return action(f"{DOCUMENTS}:questionnaire")(ctx.book, ctx.output_dir(), progress=ctx.progress)


def dossier(ctx: Context) -> Outcome:
    """Dossier for the college and the council."""
    return action(f"{DOCUMENTS}:dossier")(ctx.book, ctx.output_dir(), progress=ctx.progress)


def letters(ctx: Context) -> Outcome:
    """Letters to every candidate."""
    return action(f"{DOCUMENTS}:letters")(ctx.book, ctx.output_dir(), progress=ctx.progress)


def templates(ctx: Context) -> Outcome:
    """Sjablonen: open the municipality's own template folder (Instellingen) in the explorer."""
    from partnerkeuze.documents.template_files import BUILT_IN, own_folder
    from partnerkeuze.errors import FileError
    from partnerkeuze.parse import parse_lenient

    model = parse_lenient(ctx.book.snapshot(), [])
    folder = own_folder(model, ctx.folder())  # a folder that does not exist: a Dutch FileError
    if folder is None:
        raise FileError("Instellingen, 'Map met eigen sjablonen': nog geen map ingesteld. Vul "
                        "de naam van een map in (bv. Sjablonen, naast de werkmap), kopieer er "
                        f"de sjablonen die u wilt aanpassen in uit {BUILT_IN} en klik opnieuw.")
    ctx.ui.open_folder(folder)
    return Outcome(messages=[f"Map met eigen sjablonen geopend: {folder}. Een sjabloon dat er "
                             f"niet in staat, blijft het ingebouwde."])


def forms(ctx: Context) -> Outcome:
    """Candidacy forms per language."""
    return action(f"{INTAKE}:forms")(ctx.book, ctx.output_dir(), progress=ctx.progress)


def import_forms(ctx: Context) -> Outcome:
    """Read completed candidacy forms from a folder."""
    folder = ctx.input_folder("Kies de map met de ingevulde kandidaatstellingsformulieren")
    return action(f"{INTAKE}:import_forms")(ctx.book, folder, progress=ctx.progress)


def assessor_forms(ctx: Context) -> Outcome:
    """A score form per assessor."""
    return action(f"{INTAKE}:assessor_forms")(ctx.book, ctx.output_dir(), progress=ctx.progress)


def merge(ctx: Context) -> Outcome:
    """Merge the assessors' completed score forms."""
    folder = ctx.input_folder("Kies de map met de ingevulde beoordelingsformulieren")
    return action(f"{INTAKE}:merge")(ctx.book, folder, progress=ctx.progress)


def plan(ctx: Context) -> Outcome:
    """Planning of the call."""
    return action(f"{PLANNING}:plan")(ctx.book, progress=ctx.progress)


def calendar(ctx: Context) -> Outcome:
    """The planning as an .ics calendar file in the output folder."""
    ics = ctx.output_dir() / f"{ctx.stem()}-planning.ics"
    return action(f"{PLANNING}:calendar")(ctx.book, ics, progress=ctx.progress)


def reminders(ctx: Context) -> Outcome:
    """Send the reminders that are due now, once."""
    return action(f"{PLANNING}:remind_once")(ctx.book, progress=ctx.progress)


def sdg_match(ctx: Context) -> Outcome:
    """Match Flemish municipalities with partner municipalities (SDG mode)."""
    return action(f"{SDG}:match")(ctx.book, progress=ctx.progress)


def evaluate(ctx: Context) -> Outcome:
    """Evaluatierapport: the evaluation report of a city link (mode evaluatie)."""
    return action(f"{EVALUATION}:evaluate")(ctx.book, ctx.output_dir(), progress=ctx.progress)


def diagnose(ctx: Context) -> Outcome:
    """Diagnose: is this PC ready (interpreter, packages, DLL, add-in, settings, Word)?"""
    return action("partnerkeuze.doctor:diagnose_action")(ctx.book, ctx.workbook_path,
                                                          progress=ctx.progress)


def selftest(ctx: Context) -> Outcome:
    """Zelftest: every other button on copies of the demo, and the report for IT (the VBA glue
    calculates the worksheet functions first and passes the folder, addin/selftest.py)."""
    return action("partnerkeuze.addin.selftest:run_from_excel")(ctx)


def new_call(ctx: Context) -> Outcome:
    """A new governed workbook next to the active one, saved and opened."""
    from partnerkeuze.errors import FileError
    from partnerkeuze.reference import MODE_LABELS
    from partnerkeuze.xlsx.file_workbook import save_atomic

    mode = (ctx.setting(KEY_MODE) or "stedenband").lower()
    if mode not in MODE_LABELS:
        raise FileError(f"partnerkeuze.conf: onbekende modus '{mode}' bij Partnerkeuze_Modus; "
                        f"kies uit {', '.join(MODE_LABELS)}")
    book = action(f"{CREATION}:build")(mode, False, ctx.progress)
    path = unused_path(ctx.folder(), "Partnerkeuze-oproep", ".xlsx")
    save_atomic(book.wb, path, backup=False)
    ctx.ui.open_workbook(path)
    out = Outcome(files=[path])
    out.messages.append(f"Nieuwe werkmap (modus {mode}) bewaard als {path.name} in {path.parent}.")
    return out


def unused_path(folder: Path, stem: str, suffix: str) -> Path:
    """folder/stem+suffix, or stem-2, stem-3, ... when that file exists."""
    path = folder / f"{stem}{suffix}"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path
