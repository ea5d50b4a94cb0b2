"""Helpers for the evaluation tests: a demo link whose latest round still awaits its answers,
the link read back from a workbook, and questionnaires filled in as participants would
(openpyxl)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from intake_support import form_cells


def open_round_workbook(path: Path) -> Path:
    """The demo evaluation workbook without the answers and expectations of round R2."""
    from partnerkeuze import layout
    from partnerkeuze.app.creation import build
    from partnerkeuze.core.parse import parse_lenient
    from partnerkeuze.kernel.patch import Patch
    from partnerkeuze.io.xlsx.file_workbook import save_atomic

    book = build("evaluatie", demo=True)
    model = parse_lenient(book.snapshot(), [])
    patch = Patch()
    for key in ("eval_answers", "expectations"):
        t = layout.table(key)
        patch.replace_table(key, [[r.get(c.key) for c in t.columns] for r in model.tables[key]
                                  if r["round"] == "R1"])
    book.apply(patch)
    save_atomic(book.wb, path, backup=False)
    return path


def read_link(path: Path):
    """The evaluated link of an evaluation workbook, read (leniently) without writing to it."""
    from partnerkeuze.features.evaluation.workbook import read_link as read
    from partnerkeuze.core.parse import parse_lenient
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    book = FileWorkbook(path, for_writing=False)
    try:
        snap = book.snapshot()
        return read(parse_lenient(snap, []), snap)
    finally:
        book.close()


def fill_questionnaire(form: Path, out: Path, participant: str, scores: dict,
                       comments: dict | None = None, expectations: dict | None = None) -> Path:
    """Fill a questionnaire: scores[item id] = value (None leaves the cell empty)."""
    wb = load_workbook(form)
    ws = wb.worksheets[0]
    cells = form_cells(wb)
    ws[cells["participant"]] = participant
    for iid, value in scores.items():
        ws[cells[f"score:{iid}"]] = value
    for iid, text in (comments or {}).items():
        ws[cells[f"comment:{iid}"]] = text
    for kind, text in (expectations or {}).items():
        ws[cells[f"expect:{kind}"]] = text
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def score_cells(form: Path) -> dict[str, str]:
    """Item id -> cell reference of its score in a questionnaire."""
    return {k[6:]: v for k, v in form_cells(load_workbook(form)).items() if k.startswith("score:")}
