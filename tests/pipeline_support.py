"""The commands as the tests call them on a workbook they hold (in memory or a FileWorkbook):
through the pipeline's middle (app/pipeline.run_book: parse, mode, the gate, the feature's
work), as every entry runs them; the caller saves a FileWorkbook itself."""

from __future__ import annotations

from pathlib import Path

from partnerkeuze.app.pipeline import run_book
from partnerkeuze.kernel.port import no_progress


def run(command: str, book, progress=no_progress, **options):
    """Run a command on a held workbook; its Outcome (InputProblems when the gate refuses)."""
    path = getattr(book, "path", None)
    return run_book(command, book, options, progress,
                    workbook_path=Path(path).resolve() if path else None)


def check(book, progress=no_progress, against=None):
    """``check``."""
    return run("check", book, progress, against=against)


def score(book, progress=no_progress):
    """``score``."""
    return run("score", book, progress)


def freeze(book, reason=None, progress=no_progress):
    """``freeze``."""
    return run("freeze", book, progress, reason=reason)


def sensitivity(book, progress=no_progress):
    """The ribbon's Gevoeligheid."""
    return run("sensitivity", book, progress)


def record(book, stage, progress=no_progress, **options):
    """``record STAGE`` with its options (date, partner, number, text, reason, deadline)."""
    return run("record", book, progress, stage=stage, **options)


def questionnaire(book, out, progress=no_progress):
    """``questionnaire --out``."""
    return run("questionnaire", book, progress, out=out)


def dossier(book, out, progress=no_progress):
    """``dossier --out``."""
    return run("dossier", book, progress, out=out)


def letters(book, out, progress=no_progress):
    """``letters --out``."""
    return run("letters", book, progress, out=out)


def plan(book, progress=no_progress, today=None, **options):
    """``plan`` (``today``: the day the planning starts from)."""
    return run("plan", book, progress, today=today, **options)


def calendar(book, ics, progress=no_progress, today=None):
    """The calendar button: ``plan --ics`` without planning again."""
    return run("calendar", book, progress, ics=ics, today=today)


def remind_once(book, progress=no_progress, now=None):
    """One pass of ``remind``."""
    return run("remind", book, progress, now=now)


def forms(book, out, progress=no_progress):
    """``forms --out``."""
    return run("forms", book, progress, out=out)


def import_forms(book, folder, progress=no_progress):
    """``import FOLDER``."""
    return run("import", book, progress, folder=folder)


def assessor_forms(book, out, progress=no_progress):
    """``assessor-forms --out``."""
    return run("assessor-forms", book, progress, out=out)


def merge(book, folder, progress=no_progress):
    """``merge FOLDER``."""
    return run("merge", book, progress, folder=folder)


def match(book, progress=no_progress, out=None):
    """``match`` (with ``out``: the documents too)."""
    return run("match", book, progress, out=out)


def evaluate(book, out, progress=no_progress, today=None):
    """``evaluate --out``."""
    return run("evaluate", book, progress, out=out, today=today)
