"""Helpers shared by the governance tests: the demo snapshot in memory, small models."""

from __future__ import annotations

import functools

from partnerkeuze import layout
from partnerkeuze.io.memory_workbook import MemoryWorkbook
from partnerkeuze.kernel.model import Assessor, Candidate, Criterion, Model, Score, Settings


def materialize(snap):
    """A plain in-memory copy of a (lazily read) snapshot."""
    from partnerkeuze.kernel.snapshot import Snapshot

    return Snapshot(sheets={name: list(rows) for name, rows in snap.sheets.items()},
                    source=snap.source)


@functools.lru_cache(maxsize=1)
def _demo_snapshot():
    from partnerkeuze.app.creation import build

    return materialize(build("stedenband", demo=True).snapshot())


def demo_book() -> MemoryWorkbook:
    """A fresh in-memory copy of the scored demo workbook."""
    return MemoryWorkbook(_demo_snapshot())


def set_value(book: MemoryWorkbook, sheet_key: str, row: int, col: int, value) -> None:
    """Change one cell of an in-memory workbook as a user would."""
    from partnerkeuze.kernel.patch import Patch

    p = Patch()
    p.set_cell(layout.sheet(sheet_key).name, row, col, value)
    book.apply(p)


def col_of(table_key: str, column: str) -> int:
    """The worksheet column of a table column."""
    t = layout.table(table_key)
    return t.first_col + t.index(column)


def small_model(scores: dict, declarations: dict, *, criteria=None, aggregation="mean",
                size=3) -> Model:
    """A model from {(cand, crit, assessor): score} and {(assessor, cand): declaration}."""
    criteria = criteria or [Criterion("C1", "Een", 60, 0, 5), Criterion("C2", "Twee", 40, 0, 5)]
    cands = sorted({k[0] for k in scores})
    ass = sorted({k[2] for k in scores} | {a for a, _ in declarations})
    rows = [{"assessor": a, "candidate": c, "declaration": d, "_row": 5 + i}
            for i, ((a, c), d) in enumerate(declarations.items())]
    return Model(profile={}, settings=Settings(aggregation=aggregation, shortlist_size=size),
                 criteria=criteria,
                 candidates=[Candidate(c, f"Gemeente {c}", "Benin", "fr") for c in cands],
                 assessors=[Assessor(a, f"Beoordelaar {a}") for a in ass],
                 scores=[Score(c, k, a, v) for (c, k, a), v in scores.items()],
                 tables={"conflicts": rows})


def blank_book() -> MemoryWorkbook:
    """A new workbook without demo data in memory, its profile filled as far as check requires
    (a workbook check refuses is refused by every command)."""
    from partnerkeuze.app.creation import build

    book = MemoryWorkbook(materialize(build("stedenband", demo=False).snapshot()))
    rows = book.snapshot().rows(layout.sheet("profile").name)
    for i, row in enumerate(rows, start=1):
        if row and row[0] in ("municipality", "coordinator"):
            set_value(book, "profile", i, 3,
                      "Teststad" if row[0] == "municipality" else "An Peeters")
    return book


def demo_without_record():
    """The scored demo in memory as it would be without the procedure's demo record (the log
    then holds only what governance recorded)."""
    from partnerkeuze.app import registry
    from partnerkeuze.app.creation import assemble
    from partnerkeuze.app.pipeline import run_book
    from partnerkeuze.io import audit
    from partnerkeuze.io.memory_workbook import MemoryWorkbook
    from partnerkeuze.kernel.reference import MODE_LABELS
    from partnerkeuze.layout.defaults.criteria import default_criteria
    from partnerkeuze.record.procedure.feature import demo as procedure_demo

    tables = {"criteria": [c.row() for c in default_criteria("stedenband")]}
    fields = {"settings": {"mode": MODE_LABELS["stedenband"]}, "profile": {}}
    for fill in registry.content("stedenband", True):
        if fill is not procedure_demo:
            fill(tables, fields)
    from partnerkeuze.io.xlsx.file_workbook import OpenpyxlWorkbook

    built = OpenpyxlWorkbook(assemble(tables, fields, "stedenband"))
    built.apply(audit.entry_patch(built.snapshot(), "new", "nieuwe werkmap zonder procedure"))
    book = MemoryWorkbook(materialize(built.snapshot()))
    run_book("score", book)
    return book
