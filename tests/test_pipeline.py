"""The one command pipeline and its gate (app/pipeline.py, app/gate.py, app/modes.py): every
entry runs a command through it, the gate's list is the one ``check`` prints, what each command
does with it is one table, the lock is the same for the ribbon and the command line, and a
commit a killed command left half done is finished and said."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from conftest import ROOT, run_cli
from documents_support import docx_text

WORKBOOK_COMMANDS = ("check", "score", "freeze", "record", "plan", "remind", "questionnaire",
                     "dossier", "letters", "forms", "import", "assessor-forms", "merge",
                     "match", "evaluate")


def test_every_workbook_command_has_a_policy_and_a_mode():
    from partnerkeuze.app import gate, modes
    from partnerkeuze.app.cli import COMMANDS

    assert set(WORKBOOK_COMMANDS) <= set(COMMANDS)
    for command in WORKBOOK_COMMANDS:
        assert command in gate.POLICY, command
        assert modes.WORK[command], command
    # the table has nothing the product does not run, and the ribbon runs only listed commands
    assert set(gate.POLICY) == set(modes.WORK)


def test_every_command_line_entry_runs_through_the_pipeline(demo_path, tmp_path, monkeypatch):
    """In one interpreter: the pipeline's middle is wrapped and every command line command on
    the demo reaches it with its own name."""
    from partnerkeuze.app import pipeline
    from partnerkeuze.app.cli import main

    seen = []
    real = pipeline.run_book

    def spy(command, *args, **kwargs):
        seen.append(command)
        return real(command, *args, **kwargs)

    monkeypatch.setattr(pipeline, "run_book", spy)
    monkeypatch.setenv("PARTNERKEUZE_PDF", "0")
    calls = [["check"], ["score"], ["plan"], ["questionnaire", "--out", tmp_path / "q"],
             ["dossier", "--out", tmp_path / "d"], ["letters", "--out", tmp_path / "l"],
             ["forms", "--out", tmp_path / "f"], ["assessor-forms", "--out", tmp_path / "b"],
             ["freeze", "--reason", "na advies"]]
    for call in calls:
        assert main([call[0], str(demo_path), *map(str, call[1:])]) == 0, call
    assert seen == [c[0] for c in calls]


def test_a_frozen_weight_changed_stops_every_command_that_would_state_it(demo_path, tmp_path):
    """The issue's first finding: check and score refused, letters and dossier wrote final
    documents with the new weight. Now the gate stops all of them; freeze (with a reason) is
    the one command the problem allows."""
    wb = load_workbook(demo_path)
    ws = wb["Criteria"]
    row = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "C01")
    ws.cell(row, 4).value += 5
    other = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "C02")
    ws.cell(other, 4).value -= 5
    wb.save(demo_path)
    before = demo_path.read_bytes()
    for command, extra in (("check", ()), ("score", ()), ("letters", ("--out", tmp_path / "l")),
                           ("dossier", ("--out", tmp_path / "d")),
                           ("questionnaire", ("--out", tmp_path / "q"))):
        proc = run_cli(command, demo_path, *extra)
        assert proc.returncode == 1, (command, proc.stdout, proc.stderr)
        assert f"Criteria!D{row}: het gewicht van C01 is gewijzigd" in proc.stderr, command
        assert "Traceback" not in proc.stderr
        assert demo_path.read_bytes() == before, command
    assert not any(p.suffix == ".docx" for p in tmp_path.rglob("*"))
    proc = run_cli("freeze", demo_path)  # allowed, but a change needs its reason
    assert proc.returncode == 1 and "geef de reden" in proc.stderr
    assert run_cli("freeze", demo_path, "--reason", "Na advies van de GROS").returncode == 0
    proc = run_cli("letters", demo_path, "--out", tmp_path / "l")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "l" / "ONTWERP_Brief_K04_Bugesera_en.docx").exists()


def test_letters_that_withhold_one_letter_exit_0_and_say_so(demo_path, tmp_path):
    proc = run_cli("letters", demo_path, "--out", tmp_path / "l", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert "K12" not in {e["candidate"] for e in data["letters"]}
    assert "K12 (Commewijne) krijgt nog geen brief" in proc.stderr  # Let op (with --json)


def test_the_ribbon_takes_the_same_lock_as_the_command_line(demo_path, monkeypatch):
    """A command line command holds the workbook: the ribbon's click waits, then says who is
    busy and changes nothing."""
    from partnerkeuze.app.addin import ribbon
    from partnerkeuze.app.addin.context import Context, RecordingUI
    from partnerkeuze.io.xlsx.file_workbook import OpenpyxlWorkbook, load

    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom partnerkeuze.io.locking import workbook_lock\n"
         "with workbook_lock(sys.argv[1], 'import'):\n    print('klaar', flush=True)\n"
         "    time.sleep(60)\n", str(demo_path)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT),
                                                          "PARTNERKEUZE_USER": "an"})
    try:
        assert holder.stdout.readline().strip() == "klaar"
        monkeypatch.setenv("PARTNERKEUZE_LOCK_TIMEOUT", "1")
        ui = RecordingUI()
        book = OpenpyxlWorkbook(load(demo_path), demo_path.name)
        before = book.snapshot().rows("Logboek")
        assert ribbon.run("score", Context(book, ui, demo_path, {})) is None
        errors = [t for k, t in ui.shown if k == "error"]
        assert errors and "wordt nu gewijzigd door an met 'partnerkeuze import'" in errors[0]
        assert book.snapshot().rows("Logboek") == before
    finally:
        holder.kill()
        holder.wait()
    # once free, the same click works
    ui = RecordingUI()
    book = OpenpyxlWorkbook(load(demo_path), demo_path.name)
    assert ribbon.run("score", Context(book, ui, demo_path, {})) is not None


def test_check_finishes_a_killed_commit_and_says_so(demo_path, tmp_path):
    """A journal of a dead process beside the workbook (what a kill -9 while moving files
    leaves): check takes the lock, finishes the renames and names them."""
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    newer = tmp_path / f".~pk-{dead}-a.xlsx"
    shutil.copy(demo_path, newer)
    wb = load_workbook(newer)
    wb["Profiel"]["C5"] = "Nieuwegem"
    wb.save(newer)
    journal = tmp_path / f".~pk-{dead}-j-journal.json"
    journal.write_text(json.dumps([[str(newer), str(demo_path)]]), encoding="utf-8")
    proc = run_cli("check", demo_path)
    assert "een onderbroken opdracht had 1 bestand(en) klaargezet" in proc.stdout, proc.stdout
    assert not journal.exists() and not newer.exists()
    assert load_workbook(demo_path)["Profiel"]["C5"].value == "Nieuwegem"


def test_a_mode_without_the_command_is_refused_at_the_mode_cell(demo_path, tmp_path):
    proc = run_cli("match", demo_path)
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[-2].startswith("Instellingen!C")
    assert "koppelen kan enkel in een werkmap in modus 'SDG-partnerschap'" in proc.stderr


def test_a_refused_document_command_leaves_no_folder_behind(demo_path, tmp_path):
    """An output folder the command made is gone again when the gate refuses it afterwards."""
    wb = load_workbook(demo_path)
    wb["Profiel"]["C5"] = None  # the municipality's name: letters cannot be written
    wb.save(demo_path)
    out = tmp_path / "nieuw" / "brieven"
    proc = run_cli("letters", demo_path, "--out", out)
    assert proc.returncode == 1 and "Profiel!C5" in proc.stderr
    assert not (tmp_path / "nieuw").exists()


@pytest.mark.parametrize("command", ["dossier", "letters"])
def test_documents_of_a_workbook_with_problems_are_never_final(demo_path, tmp_path, command):
    """A knocked-out candidate marked 'Gekozen' without a decision (a contradiction of the
    record; record itself refuses such a choice, tests/test_procedure_rules.py): no dossier, no
    letter is written at all."""
    wb = load_workbook(demo_path)
    ws = wb["Kandidaten"]
    row = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "K13")
    ws.cell(row, 10).value = "Gekozen"
    wb.save(demo_path)
    before = demo_path.read_bytes()
    proc = run_cli(command, demo_path, "--out", tmp_path / "uit")
    assert proc.returncode == 1, proc.stdout
    assert "K13" in proc.stderr
    assert demo_path.read_bytes() == before
    assert not list((tmp_path).rglob("*.docx"))


def test_the_final_document_text_is_the_text_of_a_sound_workbook(demo_path, tmp_path):
    """Sanity of the gate: a sound decided demo gets its final letters."""
    assert run_cli("record", demo_path, "college", "--partner", "K05",
                   "--date", "2026-09-07").returncode == 0
    proc = run_cli("letters", demo_path, "--out", tmp_path / "l")
    assert proc.returncode == 0, proc.stderr
    text = docx_text(tmp_path / "l" / "Bekendmaking_K05_Dassa-Zoume_fr.docx")
    assert "Dassa-Zoumé" in text and "ONTWERP" not in text
