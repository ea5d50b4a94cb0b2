"""LibreOffice, an independent reader, loads the add-in and imports every VBA module as written."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import ROOT, run_cli
from partnerkeuze.app.addin.ovba import CLASS, DOCUMENT, STD
from partnerkeuze.app.addin.vba_sources import PROJECT, modules
from lo import soffice

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

# com.sun.star.script.ModuleType
LO_TYPES = {STD: 1, CLASS: 2, DOCUMENT: 4}
LO_HEADER = ("Rem Attribute VBA_ModuleType=", "Option VBASupport 1", "Option ClassModule")


def system_python() -> str:
    """The system python with LibreOffice's UNO bridge (python3-uno)."""
    for exe in ("/usr/bin/python3", shutil.which("python3") or ""):
        if exe and subprocess.run([exe, "-c", "import uno"], capture_output=True).returncode == 0:
            return exe
    raise AssertionError("python3-uno is not installed (apt-get install python3-uno)")


@pytest.fixture(scope="module")
def lo_modules(tmp_path_factory):
    """What LibreOffice made of the add-in: sheets and {library: {module: type, code}}."""
    soffice()
    folder = tmp_path_factory.mktemp("lo-addin")
    xlam = folder / "Partnerkeuze.xlam"
    assert run_cli("addin", xlam).returncode == 0
    out = folder / "modules.json"
    proc = subprocess.run([system_python(), str(ROOT / "tests" / "lo_vba_dump.py"), str(xlam),
                           str(out)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and out.exists(), proc.stdout + proc.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def _code_lines_lo(code: str) -> list[str]:
    lines = code.replace("\r\n", "\n").split("\n")
    while lines and lines[0].startswith(LO_HEADER):
        lines.pop(0)
    return [line.rstrip() for line in lines]


def _code_lines_source(source: str) -> list[str]:
    lines = source.replace("\r\n", "\n").split("\n")
    return [line.rstrip() for line in lines if not line.startswith("Attribute ")]


def test_libreoffice_loads_the_addin_with_its_config_sheet(lo_modules):
    assert lo_modules["sheets"] == ["partnerkeuze.conf"]
    assert lo_modules["vba_mode"] is True
    assert PROJECT in lo_modules["libraries"]


def test_every_module_is_imported_with_its_type(lo_modules):
    lib = lo_modules["libraries"][PROJECT]
    assert set(lib) == {m.name for m in modules()}
    for m in modules():
        assert lib[m.name]["type"] == LO_TYPES[m.kind], m.name


def test_every_module_keeps_its_code_lines(lo_modules):
    lib = lo_modules["libraries"][PROJECT]
    for m in modules():
        got = _code_lines_lo(lib[m.name]["code"])
        want = _code_lines_source(m.source)
        while got and not got[-1]:
            got.pop()
        while want and not want[-1]:
            want.pop()
        assert got == want, m.name
        assert len(want) > 0 or m.name == "Sheet1"
