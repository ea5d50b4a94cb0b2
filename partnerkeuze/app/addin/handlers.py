"""One handler per ribbon button: it runs the same command as the command line, through the
same pipeline (app/pipeline.py: lock, gate, staging). A feature's modules are imported only
when its button is clicked, so a click never waits for libraries it does not use (Word,
plotting, optimisation)."""

from __future__ import annotations

from pathlib import Path

from partnerkeuze.app.addin.context import KEY_MODE, Context
from partnerkeuze.kernel.port import Outcome


def run(ctx: Context, command: str, **options) -> Outcome:
    """Run a command on the open workbook through the pipeline (the same lock, gate and
    staging as the command line)."""
    from partnerkeuze.app.pipeline import run_live

    return run_live(command, ctx.book, ctx.workbook_path, options, ctx.progress)


def check(ctx: Context) -> Outcome:
    """Controleren: validate the workbook."""
    return run(ctx, "check")


def score(ctx: Context) -> Outcome:
    """Scores en shortlist: compute and write the results."""
    return run(ctx, "score")


def freeze(ctx: Context) -> Outcome:
    """Criteria vastleggen: fix the criteria with an optional reason."""
    reason = ctx.ui.ask_text("Waarom legt u de criteria nu vast? (mag leeg blijven)")
    return run(ctx, "freeze", reason=reason or None)


def record(ctx: Context) -> Outcome:
    """Procedurestap vastleggen: ask the stage and what it records, then record it."""
    import datetime as dt

    from partnerkeuze.kernel.errors import FileError
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
            "college": "Argumentatie van het college (verplicht bij een keuze buiten de "
                       "shortlist of tegen de eindvolgorde; anders mag ze leeg blijven)"}[stage])
    if stage == "translation" or (stage == "college" and options.get("text")):
        from partnerkeuze.kernel.languages import NAMES_NL

        for lang in ("fr", "en", "es"):  # the letters quote the reasoning in their language
            options[f"text_{lang}"] = ctx.ui.ask_text(
                f"Argumentatie van het college in het {NAMES_NL[lang]} (voor de brieven in het "
                f"{NAMES_NL[lang]}; leeg = geen of later met de stap translation)")
    options["reason"] = ctx.ui.ask_text("Reden (verplicht bij een verlenging, een stap die al "
                                        "vastgelegd is of een deadline op een vrije dag; anders "
                                        "leeg)")
    options = {k: v for k, v in options.items() if v not in (None, "")}
    return run(ctx, "record", stage=stage, date=when, **options)


def sensitivity(ctx: Context) -> Outcome:
    """Gevoeligheid: how stable the ranking is under other weights."""
    return run(ctx, "sensitivity")


def questionnaire(ctx: Context) -> Outcome:
    """Vragenlijsten (Word) in the output folder."""
    return run(ctx, "questionnaire", out=ctx.output_dir())


def dossier(ctx: Context) -> Outcome:
    """Dossier for the college and the council."""
    return run(ctx, "dossier", out=ctx.output_dir())


def letters(ctx: Context) -> Outcome:
    """Letters to every candidate."""
    return run(ctx, "letters", out=ctx.output_dir())


def templates(ctx: Context) -> Outcome:
    """Sjablonen: open the municipality's own template folder (Instellingen) in the explorer."""
    from partnerkeuze.io.docx.templates import BUILT_IN, own_folder
    from partnerkeuze.kernel.errors import FileError
    from partnerkeuze.core.parse import parse_lenient

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
    return run(ctx, "forms", out=ctx.output_dir())


def import_forms(ctx: Context) -> Outcome:
    """Read completed candidacy forms from a folder."""
    folder = ctx.input_folder("Kies de map met de ingevulde kandidaatstellingsformulieren")
    return run(ctx, "import", folder=folder)


def assessor_forms(ctx: Context) -> Outcome:
    """A score form per assessor."""
    return run(ctx, "assessor-forms", out=ctx.output_dir())


def merge(ctx: Context) -> Outcome:
    """Merge the assessors' completed score forms."""
    folder = ctx.input_folder("Kies de map met de ingevulde beoordelingsformulieren")
    return run(ctx, "merge", folder=folder)


def plan(ctx: Context) -> Outcome:
    """Planning of the call."""
    return run(ctx, "plan")


def calendar(ctx: Context) -> Outcome:
    """The planning as an .ics calendar file in the output folder."""
    ics = ctx.output_dir() / f"{ctx.stem()}-planning.ics"
    return run(ctx, "calendar", ics=ics)


def reminders(ctx: Context) -> Outcome:
    """Send the reminders that are due now, once."""
    return run(ctx, "remind")


def sdg_match(ctx: Context) -> Outcome:
    """Match Flemish municipalities with partner municipalities (SDG mode)."""
    return run(ctx, "match")


def evaluate(ctx: Context) -> Outcome:
    """Evaluatierapport: the evaluation report of a city link (mode evaluatie)."""
    return run(ctx, "evaluate", out=ctx.output_dir())


def diagnose(ctx: Context) -> Outcome:
    """Diagnose: is this PC ready (interpreter, packages, DLL, add-in, settings, Word)?"""
    from partnerkeuze.app.addin.doctor import diagnose_action

    return diagnose_action(ctx.book, ctx.workbook_path, progress=ctx.progress)


def new_call(ctx: Context) -> Outcome:
    """A new governed workbook next to the active one, saved and opened."""
    from partnerkeuze.kernel.errors import FileError
    from partnerkeuze.kernel.reference import MODE_LABELS

    mode = (ctx.setting(KEY_MODE) or "stedenband").lower()
    if mode not in MODE_LABELS:
        raise FileError(f"partnerkeuze.conf: onbekende modus '{mode}' bij Partnerkeuze_Modus; "
                        f"kies uit {', '.join(MODE_LABELS)}")
    from partnerkeuze.app.creation import build

    book = build(mode, False, ctx.progress)
    path = unused_path(ctx.folder(), "Partnerkeuze-oproep", ".xlsx")
    book.save(path, backup=False)
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
