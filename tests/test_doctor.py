"""`partnerkeuze doctor` and the ribbon's Diagnose: each check finds what is really there."""

from __future__ import annotations

import sys

from conftest import ROOT, run_cli
from partnerkeuze.app.addin.config import conf_line
from partnerkeuze.app.addin.context import Context, RecordingUI
from partnerkeuze.app.addin.ribbon import run as run_click
from partnerkeuze.io.memory_workbook import MemoryWorkbook
from partnerkeuze.kernel.snapshot import Snapshot


def _home(tmp_path, lines):
    home = tmp_path / "home"
    (home / ".partnerkeuze").mkdir(parents=True)
    (home / ".partnerkeuze" / "partnerkeuze.conf").write_text("\n".join(lines) + "\n")
    return home


def test_doctor_names_a_wrong_interpreter_and_a_missing_udf_folder_in_dutch(tmp_path, demo_path):
    home = _home(tmp_path, [conf_line("Interpreter_Win", str(tmp_path / "nergens" / "python.exe")),
                            conf_line("PYTHONPATH", str(tmp_path / "leeg"))])
    proc = run_cli("doctor", demo_path, env={"USERPROFILE": str(home)})
    assert proc.returncode == 1, proc.stdout
    out = proc.stdout
    assert f"[FOUT] Interpreter: {tmp_path / 'nergens' / 'python.exe'} bestaat niet" in out
    assert f"[LET OP] PYTHONPATH: de map {tmp_path / 'leeg'} bestaat niet" in out
    assert "[INFO] Werkbladfuncties: niet nagegaan: de interpreter bestaat niet" in out
    assert "Oplossing: verbeter PYTHONPATH in" in out
    assert f"[OK] Schrijfrechten: {demo_path.parent}" in out
    assert "Traceback" not in proc.stderr


def test_doctor_is_content_with_a_good_installation(tmp_path, demo_path):
    xlam = tmp_path / "Eigen naam.xlam"
    assert run_cli("addin", xlam).returncode == 0
    home = _home(tmp_path, [conf_line("Interpreter_Win", sys.executable),
                            conf_line("PYTHONPATH", str(ROOT / "udfs"))])
    proc = run_cli("doctor", demo_path, "--addin", xlam, env={"USERPROFILE": str(home)})
    assert proc.returncode == 0, proc.stdout
    assert f"[OK] Interpreter: {sys.executable}" in proc.stdout
    assert f"[OK] Werkbladfuncties: partnerkeuze_udfs.py in {ROOT / 'udfs'}" in proc.stdout
    assert f"[OK] Invoegtoepassing: {xlam}" in proc.stdout
    assert "[OK] xlwings: versie 0.37.8" in proc.stdout
    assert "[FOUT]" not in proc.stdout


def test_doctor_refuses_a_file_that_is_not_our_addin(tmp_path):
    other = tmp_path / "ander.xlam"
    other.write_bytes(b"PK\x03\x04 geen zip")
    proc = run_cli("doctor", "--addin", other, env={"USERPROFILE": str(tmp_path)})
    assert proc.returncode == 1
    assert f"[FOUT] Invoegtoepassing: {other} is geen Partnerkeuze-invoegtoepassing" in proc.stdout


def test_doctor_says_a_missing_addin_file_does_not_exist(tmp_path):
    missing = tmp_path / "weg.xlam"
    proc = run_cli("doctor", "--addin", missing, env={"USERPROFILE": str(tmp_path)})
    assert proc.returncode == 1
    assert f"[FOUT] Invoegtoepassing: {missing} bestaat niet" in proc.stdout
    assert "geen Partnerkeuze-invoegtoepassing" not in proc.stdout


def test_diagnose_button_shows_the_problems_first(tmp_path, monkeypatch):
    home = _home(tmp_path, [conf_line("Interpreter_Win", str(tmp_path / "weg.exe"))])
    monkeypatch.setenv("USERPROFILE", str(home))
    ui = RecordingUI()
    outcome = run_click("diagnose", Context(MemoryWorkbook(Snapshot()), ui, None))
    assert outcome is not None
    assert outcome.messages[0].startswith("[FOUT]")
    levels = [m.split("]")[0] + "]" for m in outcome.messages]
    assert levels == sorted(levels, key=["[FOUT]", "[LET OP]", "[OK]", "[INFO]"].index)
    assert ui.shown[-1][0] == "info" and "weg.exe" in ui.shown[-1][1]


def test_doctor_reads_the_settings_baked_into_the_addin(tmp_path):
    xlam = tmp_path / "Partnerkeuze.xlam"
    proc = run_cli("addin", xlam, "--interpreter", sys.executable, "--pythonpath", ROOT / "udfs")
    assert proc.returncode == 0, proc.stderr
    empty_home = tmp_path / "leeg"
    empty_home.mkdir()
    out = run_cli("doctor", "--addin", xlam, env={"USERPROFILE": str(empty_home)})
    assert out.returncode == 0, out.stdout
    assert f"[INFO] Ingebouwd: INTERPRETER_WIN = {sys.executable}" in out.stdout
    assert f"[OK] Interpreter: {sys.executable}" in out.stdout  # from the add-in, no conf file
    assert f"[OK] Werkbladfuncties: partnerkeuze_udfs.py in {ROOT / 'udfs'}" in out.stdout
    # a conf file on the PC wins over the baked value, as in the add-in's GetConfig
    home = _home(tmp_path, [conf_line("Interpreter_Win", str(tmp_path / "ander.exe"))])
    out = run_cli("doctor", "--addin", xlam, env={"USERPROFILE": str(home)})
    assert out.returncode == 1 and f"[FOUT] Interpreter: {tmp_path / 'ander.exe'}" in out.stdout
