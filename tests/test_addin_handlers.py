"""Each ribbon handler through the WorkbookIO interface gives what the command-line path gives.

The ribbon side runs on MemoryWorkbook (the fake that is no more than the interface); the file
side calls the same action on the openpyxl workbook, as the command line does. Handlers whose
actions live on other branches (documents, intake, planning, governance, sdg) pass once merged.
"""

from __future__ import annotations

import shutil

import re
from pathlib import Path

import pytest

from partnerkeuze import layout
from partnerkeuze.app.addin import handlers, ribbon
from partnerkeuze.app.addin.context import KEY_OUTPUT, Context, RecordingUI
from partnerkeuze.kernel.errors import PartnerkeuzeError
from partnerkeuze.io.memory_workbook import MemoryWorkbook
from partnerkeuze.io.xlsx.file_workbook import FileWorkbook, OpenpyxlWorkbook, load

# button -> (action, how the command line calls it)
SPEC = {  # button -> (the command it runs, what the command line gives it)
    "check": ("check", "book"),
    "score": ("score", "book"),
    "freeze": ("freeze", "reason"),
    "sensitivity": ("sensitivity", "book"),
    "questionnaire": ("questionnaire", "out"),
    "dossier": ("dossier", "out"),
    "letters": ("letters", "out"),
    "forms": ("forms", "out"),
    "import_forms": ("import", "folder"),
    "assessor_forms": ("assessor-forms", "out"),
    "merge": ("merge", "folder"),
    "plan": ("plan", "book"),
    "calendar": ("calendar", "ics"),
    "reminders": ("remind", "book"),
    "sdg_match": ("match", "book"),
    # the recording UI answers every question with REASON: both paths refuse that stage code
    "record": ("record", "stage"),
    "evaluate": ("evaluate", "out"),
}
REASON = "criteria goedgekeurd door het college"
LOG_SHEET = layout.sheet("log").name


def test_spec_covers_every_handler_but_new_call_diagnose_and_templates():
    # new_call makes a workbook; diagnose checks the PC (tests/test_doctor.py); templates opens
    # a folder (below); selftest runs all the others (tests/test_addin_selftest.py)
    assert set(SPEC) | {"new_call", "diagnose", "templates", "selftest"} == set(ribbon.HANDLERS)


def test_templates_button_opens_the_own_template_folder_or_says_which_field(demo_path, tmp_path):
    from openpyxl import load_workbook

    ui = RecordingUI()
    book = OpenpyxlWorkbook(load(demo_path))
    ctx = Context(book=book, ui=ui, workbook_path=demo_path)
    with pytest.raises(PartnerkeuzeError, match="Map met eigen sjablonen': nog geen map"):
        handlers.templates(ctx)
    assert not [s for s in ui.shown if s[0] == "open_folder"]
    (demo_path.parent / "Sjablonen").mkdir()
    wb = load_workbook(demo_path)
    ws = wb[layout.sheet("settings").name]
    row = next(r for r in ws.iter_rows(min_row=1) if r[0].value == "template_dir")
    row[2].value = "Sjablonen"
    wb.save(demo_path)
    ctx = Context(book=OpenpyxlWorkbook(load(demo_path)), ui=ui, workbook_path=demo_path)
    out = handlers.templates(ctx)
    assert ("open_folder", str(demo_path.parent / "Sjablonen")) in ui.shown
    assert "Sjablonen" in out.messages[0]


@pytest.fixture(scope="module")
def sdg_template(tmp_path_factory):
    """A demo workbook in SDG mode (its content comes from the sdg feature once merged)."""
    from partnerkeuze.app.creation import new

    path = tmp_path_factory.mktemp("sdg") / "sdg.xlsx"
    new(path, "sdg", demo=True)
    return path


def _file_side(button, path: Path, out: Path, folder: Path):
    """The command line's way: the command through the pipeline on the openpyxl workbook of
    the file (its files staged and committed as run_file does)."""
    from partnerkeuze.app.pipeline import run_book
    from partnerkeuze.io.saving import staged_writes

    command, how = SPEC[button]
    book = OpenpyxlWorkbook(load(path), path.name)
    options = {"book": {}, "reason": {"reason": REASON}, "out": {"out": out},
               "folder": {"folder": folder},
               "ics": {"ics": out / f"{path.stem}-planning.ics"}, "stage": {"stage": REASON}}[how]
    try:
        with staged_writes():
            return run_book(command, book, options, workbook_path=path), None, book
    except PartnerkeuzeError as exc:
        return None, ribbon.error_text(exc), book


def _ribbon_side(button, path: Path, out: Path, folder: Path):
    """The ribbon's way: the handler on the WorkbookIO fake, with a recording UI."""
    snap = FileWorkbook(path, for_writing=False).snapshot()
    book = MemoryWorkbook(snap, path.name)
    ui = RecordingUI(folder=str(folder), text=REASON)
    ctx = Context(book, ui, path, {KEY_OUTPUT: str(out)})
    outcome = ribbon.run(button, ctx)
    errors = [t for k, t in ui.shown if k == "error"]
    return outcome, (errors[0] if errors else None), book, ui


def _neutral(text: str, *dirs: Path) -> str:
    for d in dirs:
        text = text.replace(str(d), "<MAP>")
    return re.sub(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?", "<TIJD>", text)


def _trim(row) -> tuple:
    row = [None if v == "" else v for v in row]
    while row and row[-1] is None:
        row.pop()
    return tuple(row)


def _values(book, skip=(LOG_SHEET,)) -> dict:
    """Every sheet's rows without trailing empties (widths differ between the two paths)."""
    snap = book.snapshot()
    out = {}
    for sheet, rows in snap.sheets.items():
        if sheet in skip:
            continue
        trimmed = [_trim(r) for r in rows]
        while trimmed and not trimmed[-1]:
            trimmed.pop()
        out[sheet] = trimmed
    return out


@pytest.mark.parametrize("button", sorted(SPEC))
def test_handler_matches_the_command_line_path(button, demo_template, request, tmp_path,
                                               monkeypatch):
    source = request.getfixturevalue("sdg_template") if button == "sdg_match" else demo_template
    folder = tmp_path / "in"
    folder.mkdir()
    out_r, out_f = tmp_path / "ribbon", tmp_path / "file"
    out_r.mkdir()
    out_f.mkdir()
    # each side its own copy: what a command keeps beside the workbook (a receipt, the register
    # of sent reminders) never reaches the other side nor the shared demo
    path_f, path_r = out_f / source.name, out_r / source.name
    shutil.copy(source, path_f)
    shutil.copy(source, path_r)
    # the reminder state of a workbook without a folder: one place per side, never the checkout
    monkeypatch.setenv("PARTNERKEUZE_STATE_DIR", str(out_f))
    outcome_f, error_f, book_f = _file_side(button, path_f, out_f, folder)
    monkeypatch.setenv("PARTNERKEUZE_STATE_DIR", str(out_r))
    outcome_r, error_r, book_r, ui = _ribbon_side(button, path_r, out_r, folder)
    assert "Onverwachte fout" not in (error_r or ""), error_r
    assert "niet beschikbaar" not in (error_r or ""), error_r
    assert (error_r is None) == (error_f is None), (error_r, error_f)
    if error_f is not None:
        assert _neutral(error_r, out_r) == _neutral(error_f, out_f)
        return
    assert [_neutral(m, out_r) for m in outcome_r.messages] == \
        [_neutral(m, out_f) for m in outcome_f.messages]
    assert outcome_r.changed == outcome_f.changed
    assert sorted(p.name for p in outcome_r.files) == sorted(p.name for p in outcome_f.files)
    for p in outcome_r.files:
        assert Path(p).exists() and Path(p).stat().st_size > 0
    if outcome_f.changed:
        assert _values(book_r) == _values(book_f)
        assert len(book_r.snapshot().rows(LOG_SHEET)) == len(book_f.snapshot().rows(LOG_SHEET))
    assert [k for k, _ in ui.shown][-1] == "info"


def test_check_and_score_give_the_same_outcome_on_both_paths(demo_template, tmp_path):
    """The part of the table above that runs on the foundation alone (no other branch)."""
    path = tmp_path / "demo.xlsx"
    shutil.copy(demo_template, path)
    for button in ("check", "score"):
        outcome_f, error_f, book_f = _file_side(button, path, tmp_path, tmp_path)
        outcome_r, error_r, book_r, ui = _ribbon_side(button, path, tmp_path, tmp_path)
        assert error_f is None and error_r is None
        assert outcome_r.messages == outcome_f.messages and outcome_r.warnings == outcome_f.warnings
        assert outcome_r.data == outcome_f.data
        if button == "score":
            assert _values(book_r) == _values(book_f)
            results = layout.sheet("results").name
            assert book_r.snapshot().rows(results) == book_f.snapshot().rows(results)
        info = [t for k, t in ui.shown if k == "info"][0]
        assert info.startswith(outcome_f.messages[0][:40])


def test_new_call_saves_next_to_the_workbook_and_opens_it(tmp_path):
    from partnerkeuze.kernel.snapshot import Snapshot

    ui = RecordingUI()
    ctx = Context(MemoryWorkbook(Snapshot()), ui, tmp_path / "oud.xlsx", {})
    first = ribbon.run("new_call", ctx)
    second = ribbon.run("new_call", ctx)
    assert first.files == [tmp_path / "Partnerkeuze-oproep.xlsx"]
    assert second.files == [tmp_path / "Partnerkeuze-oproep-2.xlsx"]
    assert ("open", str(tmp_path / "Partnerkeuze-oproep.xlsx")) in ui.shown
    book = FileWorkbook(first.files[0], for_writing=False)
    sheets = set(book.snapshot().sheets)
    assert {layout.sheet("criteria").name, layout.sheet("candidates").name} <= sheets


def test_new_call_rejects_an_unknown_mode_in_dutch(tmp_path):
    from partnerkeuze.kernel.snapshot import Snapshot

    ui = RecordingUI()
    ctx = Context(MemoryWorkbook(Snapshot()), ui, tmp_path / "x.xlsx",
                  {"PARTNERKEUZE_MODUS": "tweeling"})
    assert ribbon.run("new_call", ctx) is None
    errors = [t for k, t in ui.shown if k == "error"]
    assert len(errors) == 1 and "onbekende modus 'tweeling'" in errors[0]
    assert not list(tmp_path.iterdir())


def test_output_folder_defaults_next_to_the_workbook(tmp_path):
    from partnerkeuze.kernel.snapshot import Snapshot

    ctx = Context(MemoryWorkbook(Snapshot()), RecordingUI(), tmp_path / "oproep.xlsx", {})
    assert ctx.output_dir() == tmp_path / "Partnerkeuze-documenten"
    assert ctx.output_dir().is_dir()
    ctx.config[KEY_OUTPUT] = str(tmp_path / "elders")
    assert ctx.output_dir() == tmp_path / "elders"
