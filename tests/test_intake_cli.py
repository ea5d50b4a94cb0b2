"""The intake commands: help, documentation, usage and file errors without tracebacks."""

from __future__ import annotations

import hashlib

import pytest

from conftest import ROOT, run_cli

COMMANDS = ("forms", "import", "assessor-forms", "merge")


@pytest.mark.parametrize("command", COMMANDS)
def test_command_has_dutch_help_and_is_documented(command):
    proc = run_cli(command, "--help")
    assert proc.returncode == 0
    assert "gebruik: partnerkeuze " + command in proc.stdout
    assert "PAD" in proc.stdout
    doc = (ROOT / "docs" / "intake.md").read_text(encoding="utf-8")
    assert f"partnerkeuze {command} PATH" in doc


def test_missing_folder_and_missing_out_are_usage_errors(demo_path, tmp_path):
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    proc = run_cli("import", demo_path, tmp_path / "bestaat-niet")
    assert proc.returncode == 2
    assert "map niet gevonden" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_cli("forms", demo_path)
    assert proc.returncode == 2 and "--out" in proc.stderr
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before


def test_workbook_open_in_excel_is_not_touched(demo_path, tmp_path):
    owner = demo_path.with_name("~$" + demo_path.name)
    owner.write_bytes(b"x")
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    (tmp_path / "in").mkdir()
    for args in (("import", demo_path, tmp_path / "in"), ("merge", demo_path, tmp_path / "in"),
                 ("forms", demo_path, "--out", tmp_path / "f")):
        proc = run_cli(*args)
        assert proc.returncode == 2, proc.stderr
        assert "geopend in Excel" in proc.stderr
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before


def test_forms_command_logs_the_files_it_wrote(demo_path, tmp_path):
    from openpyxl import load_workbook

    proc = run_cli("forms", demo_path, "--out", tmp_path / "f")
    assert proc.returncode == 0, proc.stderr
    written = sorted(p.name for p in (tmp_path / "f").iterdir() if not p.name.startswith("."))
    assert len(written) == 4
    import json

    manifest = json.loads((tmp_path / "f" / ".partnerkeuze-geschreven.json").read_text())
    assert sorted(manifest["files"]) == written  # what was written, with its hash
    for name in written:
        digest = hashlib.sha256((tmp_path / "f" / name).read_bytes()).hexdigest()
        assert manifest["files"][name] == digest
    log = [r for r in load_workbook(demo_path)["Logboek"].iter_rows(min_row=5, values_only=True)
           if r[0]]
    assert log[-1][3] == "forms"
    for name in written:
        assert name in log[-1][6]



def test_check_names_an_answer_of_an_unknown_candidate(demo_path):
    from partnerkeuze.kernel.patch import Patch
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    book = FileWorkbook(demo_path)
    first = 5 + len([r for r in book.snapshot().rows("Antwoorden")[4:] if r and r[0]])
    patch = Patch()
    patch.append_rows("answers", [["K99", "C01", "es", "Hola", "x.xlsx", "abc", "2026-06-01", None],
                                  ["K01", "C99", "es", "Hola", "x.xlsx", "abc", "2026-06-01", None],
                                  ["K01", "C01", "es", "Bien", "x.xlsx", "abc", "2026-06-01", None]])
    book.apply(patch)
    book.save(backup=False)
    proc = run_cli("check", demo_path)
    assert proc.returncode == 1
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("Antwoorden!")]
    assert lines == [f"Antwoorden!A{first}: kandidaat 'K99' bestaat niet op het blad Kandidaten",
                     f"Antwoorden!B{first + 1}: criterium 'C99' bestaat niet op het blad Criteria"]
