"""Creating a governed workbook: its layout, the build steps and content every feature
registers (app/registry.py), and for a demo the demo call scored through the pipeline."""

from __future__ import annotations

from pathlib import Path

from partnerkeuze.kernel.errors import FileError
from partnerkeuze.kernel.port import Outcome, Progress, no_progress

# Modes whose demo workbook is scored right after it is built.
SCORED_MODES: tuple[str, ...] = ("stedenband", "sdg")


def initial_content(mode: str, demo: bool) -> tuple[dict, dict]:
    """Table rows and field values of a new workbook (default criteria; demo data if asked)."""
    from partnerkeuze.app.registry import content
    from partnerkeuze.kernel.reference import MODE_LABELS
    from partnerkeuze.layout.defaults.criteria import default_criteria

    tables: dict[str, list[list]] = {"criteria": [c.row() for c in default_criteria(mode)]}
    fields: dict[str, dict] = {"settings": {"mode": MODE_LABELS[mode]}, "profile": {}}
    for fill in content(mode, demo):
        fill(tables, fields)
    return tables, fields


def assemble(tables: dict | None = None, fields: dict | None = None, mode: str = "stedenband"):
    """A new openpyxl workbook of a mode with the given content and every registered build
    step (what the layout cannot declare: Gantt, guards, protection, colours)."""
    from partnerkeuze.app.registry import build_steps
    from partnerkeuze.io.xlsx.build import build_workbook

    return build_workbook(tables, fields, mode, steps=build_steps())


def build(mode: str = "stedenband", demo: bool = False, progress: Progress = no_progress,
          content: tuple[dict, dict] | None = None):
    """A new workbook in memory (OpenpyxlWorkbook), scored when it holds demo data, every
    formula with the value it gives (app/cached_values.py; OpenpyxlWorkbook.save writes them);
    ``content``: other table rows and field values than initial_content gives."""
    from partnerkeuze.app.pipeline import run_book
    from partnerkeuze.io import audit
    from partnerkeuze.io.xlsx.file_workbook import OpenpyxlWorkbook

    progress("Werkmap opbouwen…")
    tables, fields = content if content is not None else initial_content(mode, demo)
    book = OpenpyxlWorkbook(assemble(tables, fields, mode), "nieuwe werkmap")
    book.apply(audit.entry_patch(book.snapshot(), "new",
                                 f"nieuwe werkmap, modus {mode}{', met demogegevens' if demo else ''}"))
    if demo and mode in SCORED_MODES:
        run_book("score", book, progress=progress)
    from partnerkeuze.app.cached_values import settle

    book.apply(settle(book, install=True))  # every formula with the value it gives
    return book


def new(path: str | Path, mode: str = "stedenband", demo: bool = False, force: bool = False,
        progress: Progress = no_progress) -> Outcome:
    """Write a new governed workbook to path."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise FileError(f"{path}: een werkmap eindigt op .xlsx")
    if path.exists() and not force:
        raise FileError(f"{path}: bestaat al; kies een andere naam of gebruik --force")
    if not path.parent.exists():
        raise FileError(f"{path.parent}: map niet gevonden")
    book = build(mode, demo, progress)
    book.save(path, backup=force)
    out = Outcome(files=[path])
    out.messages.append(f"Nieuwe werkmap geschreven: {path} (modus {mode}"
                        f"{', met demogegevens' if demo else ''}).")
    return out
