"""Action new: a governed workbook for a mode, empty or filled with the demo call."""

from __future__ import annotations

from pathlib import Path

from partnerkeuze import audit, layout
from partnerkeuze.actions import Outcome, Progress, no_progress
from partnerkeuze.errors import FileError


def initial_content(mode: str, demo: bool) -> tuple[dict, dict]:
    """Table rows and field values of a new workbook (default criteria; demo data if asked)."""
    from partnerkeuze.defaults.criteria import default_criteria
    from partnerkeuze.reference import MODE_LABELS

    tables: dict[str, list[list]] = {"criteria": [c.row() for c in default_criteria(mode)]}
    fields: dict[str, dict] = {"settings": {"mode": MODE_LABELS[mode]}, "profile": {}}
    for hook in DEFAULT_CONTENT.get(mode, ()):
        module, _, func = hook.partition(":")
        import importlib

        getattr(importlib.import_module(module), func)(tables, fields)
    if demo:
        for hook in DEMO_CONTENT.get(mode, ()):
            module, _, func = hook.partition(":")
            import importlib

            getattr(importlib.import_module(module), func)(tables, fields)
    return tables, fields


def _stedenband_demo(tables: dict, fields: dict) -> None:
    from partnerkeuze.defaults import demo

    fields["profile"] = dict(demo.PROFILE)
    fields["settings"] = dict(demo.SETTINGS)
    tables["assessors"] = [list(a) for a in demo.ASSESSORS]
    tables["candidates"] = demo.candidates()
    tables["scores"] = demo.scores()


# Functions ("module:function") that fill the demo content of each mode.
DEMO_CONTENT: dict[str, tuple[str, ...]] = {
    "stedenband": ("partnerkeuze.actions.creation:_stedenband_demo",
                   "partnerkeuze.planning.templates:stedenband_demo",
                   "partnerkeuze.documents.demo_content:profile_translations",
                   "partnerkeuze.governance.demo:stedenband_demo",
                   "partnerkeuze.procedure.demo:stedenband_demo",
                   "partnerkeuze.documents.demo_answers:fill"),
    "sdg": ("partnerkeuze.defaults.sdg_demo:fill", "partnerkeuze.planning.templates:sdg_demo",
            "partnerkeuze.documents.demo_content:sdg_translations"),
    "evaluatie": ("partnerkeuze.evaluation.demo:fill",),
}

# Functions ("module:function") that fill the default content of a mode, demo or not.
DEFAULT_CONTENT: dict[str, tuple[str, ...]] = {
    "evaluatie": ("partnerkeuze.evaluation.frame:fill_defaults",),
}

# Modes whose demo workbook is scored right after it is built.
SCORED_MODES: tuple[str, ...] = ("stedenband", "sdg")


def build(mode: str = "stedenband", demo: bool = False, progress: Progress = no_progress):
    """A new workbook in memory (OpenpyxlWorkbook), scored when it holds demo data."""
    from partnerkeuze.actions.scoring import score
    from partnerkeuze.xlsx.build import build_workbook
    from partnerkeuze.xlsx.file_workbook import OpenpyxlWorkbook

    progress("Werkmap opbouwen…")
    tables, fields = initial_content(mode, demo)
    book = OpenpyxlWorkbook(build_workbook(tables, fields, mode), "nieuwe werkmap")
    book.apply(audit.entry_patch(book.snapshot(), "new",
                                 f"nieuwe werkmap, modus {mode}{', met demogegevens' if demo else ''}"))
    if demo and mode in SCORED_MODES:
        score(book, progress)
    return book


def new(path: str | Path, mode: str = "stedenband", demo: bool = False, force: bool = False,
        progress: Progress = no_progress) -> Outcome:
    """Write a new governed workbook to path."""
    from partnerkeuze.xlsx.file_workbook import save_atomic

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise FileError(f"{path}: een werkmap eindigt op .xlsx")
    if path.exists() and not force:
        raise FileError(f"{path}: bestaat al; kies een andere naam of gebruik --force")
    if not path.parent.exists():
        raise FileError(f"{path.parent}: map niet gevonden")
    book = build(mode, demo, progress)
    save_atomic(book.wb, path, backup=force, cached=book.cached)
    out = Outcome(files=[path])
    out.messages.append(f"Nieuwe werkmap geschreven: {path} (modus {mode}"
                        f"{', met demogegevens' if demo else ''}).")
    return out


__all__ = ["new", "build", "initial_content", "layout"]
