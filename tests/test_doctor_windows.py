"""doctor as on Windows (the platform is a parameter of diagnose, nothing is patched): it checks
the interpreter the settings name, the xlwings DLL beside that interpreter in its bitness, and
treats empty settings and a missing Interpreter_Win as the problems they are there."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from install_support import dev_site_view, fresh_venv
from partnerkeuze.app.addin.config import conf_line
from partnerkeuze.app.addin.doctor import diagnose

BITS = struct.calcsize("P") * 8
DLL = f"xlwings{BITS}-0.37.8.dll"


def _home(tmp_path: Path, lines: list[str], name: str = "home") -> Path:
    home = tmp_path / name
    (home / ".partnerkeuze").mkdir(parents=True)
    (home / ".partnerkeuze" / "partnerkeuze.conf").write_text("\n".join(lines) + "\n")
    return home


def _lines(rep) -> list[str]:
    return [line for f in rep.findings for line in f.lines()]


@pytest.fixture(scope="module")
def other_python(tmp_path_factory):
    """Another environment than the one doctor runs in (with xlwings): Excel's interpreter."""
    base = tmp_path_factory.mktemp("excel python")
    return fresh_venv(base / "omgeving", dev_site_view(base / "dev"))


def test_the_dll_is_looked_for_beside_the_configured_interpreter(tmp_path, other_python):
    home = _home(tmp_path, [conf_line("Interpreter_Win", str(other_python)),
                            conf_line("PYTHONPATH", str(ROOT / "udfs"))])
    rep = diagnose(home=home, windows=True)
    out = "\n".join(_lines(rep))
    assert f"[OK] Interpreter: {other_python} (Python 3." in out
    # not beside the doctor's own Python: beside the configured one, or one folder up
    assert (f"[FOUT] xlwings-DLL: {DLL} niet gevonden in {other_python.parent} of "
            f"{other_python.parent.parent}") in out
    assert "Bestand › Account › Info over Excel" in out and f"Excel moet {BITS}-bits zijn" in out
    (other_python.parent.parent / DLL).write_bytes(b"MZ")
    try:
        rep = diagnose(home=home, windows=True)
        out = "\n".join(_lines(rep))
        assert f"[OK] xlwings-DLL: {other_python.parent.parent / DLL}" in out
        assert f"[INFO] Bitness: Excel moet {BITS}-bits zijn, zoals deze Python ({other_python})" in out
        assert f"[OK] Werkbladfuncties: partnerkeuze_udfs.py in {ROOT / 'udfs'} (geladen door " \
               f"{other_python})" in out
    finally:
        (other_python.parent.parent / DLL).unlink()


def test_a_dll_of_the_other_bitness_is_named(tmp_path, other_python):
    wrong = other_python.parent / f"xlwings{96 - BITS}-0.37.8.dll"
    wrong.write_bytes(b"MZ")
    try:
        home = _home(tmp_path, [conf_line("Interpreter_Win", str(other_python))])
        out = "\n".join(_lines(diagnose(home=home, windows=True)))
        assert f"wel {wrong}: Python en de DLL verschillen in bitness" in out
    finally:
        wrong.unlink()


def test_a_missing_interpreter_win_is_a_problem_on_windows_only(tmp_path):
    home = _home(tmp_path, [conf_line("Partnerkeuze_Uitvoer", str(tmp_path))])
    rep = diagnose(home=home, windows=True)
    assert rep.failed
    out = "\n".join(_lines(rep))
    assert "[FOUT] Interpreter: geen Interpreter_Win in de instellingen of de invoegtoepassing: " \
           "Excel start dan 'python' uit het PATH zonder de xlwings-DLL te laden" in out
    assert "Oplossing: voer 'partnerkeuze install' uit" in out
    rep = diagnose(home=home, windows=False)
    out = "\n".join(_lines(rep))
    assert "[INFO] Interpreter: geen Interpreter_Win of Interpreter_Mac" in out
    assert "[FOUT] Interpreter" not in out


def test_a_conf_file_with_only_empty_values_is_not_ok(tmp_path):
    home = _home(tmp_path, [conf_line("Interpreter_Win", ""), conf_line("PYTHONPATH", "")])
    conf = home / ".partnerkeuze" / "partnerkeuze.conf"
    out = "\n".join(_lines(diagnose(home=home, windows=True)))
    assert (f"[FOUT] Instellingen (gebruiker): {conf}: leeg: INTERPRETER_WIN, PYTHONPATH (en geen "
            f"andere laag vult INTERPRETER_WIN, PYTHONPATH in)") in out
    out = "\n".join(_lines(diagnose(home=home, windows=False)))
    assert f"[LET OP] Instellingen (gebruiker): {conf}: leeg: INTERPRETER_WIN, PYTHONPATH" in out
    assert "[OK] Instellingen (gebruiker)" not in out


def test_empty_values_filled_by_the_addin_are_only_a_warning(tmp_path, other_python):
    from partnerkeuze.app.addin.package import write_xlam

    xlam = write_xlam(tmp_path / "Partnerkeuze.xlam", {"INTERPRETER_WIN": str(other_python),
                                                         "PYTHONPATH": str(ROOT / "udfs")})
    home = _home(tmp_path, [conf_line("Interpreter_Win", "")])
    out = "\n".join(_lines(diagnose(addin=xlam, home=home, windows=True)))
    assert "[LET OP] Instellingen (gebruiker)" in out and "de ingebouwde of volgende waarde" in out
    assert f"[OK] Interpreter: {other_python}" in out


def test_an_interpreter_without_the_udf_module_gets_a_fix_that_exists(tmp_path):
    base = Path(getattr(sys, "_base_executable", sys.executable))
    home = _home(tmp_path, [conf_line("Interpreter_Win", str(base))])
    out = "\n".join(_lines(diagnose(home=home, windows=False)))
    assert f"[FOUT] Werkbladfuncties: {base} kan partnerkeuze_udfs niet laden" in out
    fix = next(line for line in out.splitlines() if "Oplossing: zet \"PYTHONPATH\"" in line)
    folder = Path(fix.split('"PYTHONPATH","', 1)[1].split('"', 1)[0])
    assert (folder / "partnerkeuze_udfs.py").is_file()


def test_no_fix_names_the_install_script_path_that_is_not_installed():
    source = (ROOT / "partnerkeuze" / "app" / "addin" / "doctor.py").read_text(encoding="utf-8") + \
        (ROOT / "partnerkeuze" / "app" / "addin" / "doctor_interpreter.py").read_text(encoding="utf-8")
    assert "install-partnerkeuze.ps1" not in source and "scripts/" not in source
