"""The add-in's settings: the VBA GetConfig (simulated from the built add-in's own source) and
the Python side find the same values in the same layers; empty values never shadow; settings
baked in at build time; xlwings pinned to the DLL the add-in names; Excel-only icons."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings, strategies as st

from addin_helpers import part, vba_modules_olevba
from conftest import ROOT, run_cli
from vba_getconfig_sim import baked_values, function_body, get_config
from partnerkeuze.app.addin import config as pyconf
from partnerkeuze.app.addin.vba_sources import XLWINGS_VERSION, xlwings_dll_names

KEYS = ("INTERPRETER_WIN", "PYTHONPATH", "PARTNERKEUZE_UITVOER", "UDF MODULES", "SHOW CONSOLE")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A plain add-in and one with an interpreter and PYTHONPATH baked in, read back."""
    d = tmp_path_factory.mktemp("addin-config")
    plain, baked = d / "Partnerkeuze.xlam", d / "Gemeente Partnerkeuze v2.xlam"
    assert run_cli("addin", plain).returncode == 0
    proc = run_cli("addin", baked, "--interpreter", r"C:\Partnerkeuze\.venv\Scripts\python.exe",
                   "--pythonpath", r"C:\Partnerkeuze\udfs")
    assert proc.returncode == 0, proc.stderr
    return {name: (path, vba_modules_olevba(path)) for name, path in
            (("plain", plain), ("baked", baked))}


def addin_sheet(xlam) -> dict:
    """The add-in's conf sheet as xlwings reads it: A1 down to the first empty key."""
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    root = ET.fromstring(part(xlam, "xl/worksheets/sheet1.xml"))
    cells = {c.get("r"): "".join(t.text or "" for t in c.iter(f"{ns}t")) for c in root.iter(f"{ns}c")}
    return pyconf.sheet_rows([(cells.get(f"A{i}"), cells.get(f"B{i}")) for i in range(1, 50)])


def vba_lookup(modules, key, **layers):
    body = function_body(modules["xlwings"], "Function GetConfig(configKey As String")
    return get_config(body, key, baked=baked_values(modules["PartnerkeuzeConfig"]), **layers)


def conf_text(pairs) -> str:
    return "\n".join(pyconf.conf_line(k, v) for k, v in pairs) + "\n"


def test_conf_files_beside_the_workbook_and_in_the_user_folder_reach_vba_and_python(built, tmp_path):
    xlam, modules = built["plain"]
    home, folder = tmp_path / "home", tmp_path / "oproep"
    (home / ".partnerkeuze").mkdir(parents=True)
    folder.mkdir()
    workbook = folder / "oproep.xlsx"
    workbook.write_bytes(b"")
    user = conf_text([("Interpreter_Win", r"C:\Users\an\pk\python.exe"),
                      ("PYTHONPATH", r"C:\Users\an\pk\udfs"), ("Partnerkeuze_Uitvoer", "")])
    beside = conf_text([("Interpreter_Win", ""),  # empty: must not shadow the user file
                        ("Partnerkeuze_Uitvoer", r"\\server\oproep\documenten")])
    (home / ".partnerkeuze" / "partnerkeuze.conf").write_text(user, encoding="utf-8")
    (folder / "partnerkeuze.conf").write_text(beside, encoding="utf-8")
    sheet = addin_sheet(xlam)
    python = pyconf.resolve(addin_sheet=sheet, workbook_path=workbook, home=home)
    expected = {"INTERPRETER_WIN": r"C:\Users\an\pk\python.exe", "PYTHONPATH": r"C:\Users\an\pk\udfs",
                "PARTNERKEUZE_UITVOER": r"\\server\oproep\documenten",
                "UDF MODULES": "partnerkeuze_udfs", "SHOW CONSOLE": "False"}
    for key in KEYS:
        vba = vba_lookup(modules, key, workbook_sheet=None, addin_sheet=sheet,
                         directory_file=beside, user_file=user,
                         default="False" if key == "SHOW CONSOLE" else "")
        assert vba == expected[key], key
        assert python.get(key, "False" if key == "SHOW CONSOLE" else "") == expected[key], key


def test_a_click_in_a_fresh_process_sees_the_conf_files(tmp_path, demo_path):
    home = tmp_path / "home"
    (home / ".partnerkeuze").mkdir(parents=True)
    (home / ".partnerkeuze" / "partnerkeuze.conf").write_text(
        conf_text([("Partnerkeuze_Modus", "sdg"), ("Partnerkeuze_Uitvoer", str(tmp_path / "u"))]))
    (demo_path.parent / "partnerkeuze.conf").write_text(
        conf_text([("Partnerkeuze_Uitvoer", str(tmp_path / "naast")), ("Partnerkeuze_Modus", "")]))
    trace = tmp_path / "trace.json"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(PYTHONPATH=str(ROOT), USERPROFILE=str(home), PARTNERKEUZE_RIBBON_TRACE=str(trace),
               PARTNERKEUZE_RIBBON_WORKBOOK=str(demo_path))
    proc = subprocess.run([sys.executable, "-c", "import partnerkeuze.app.addin.ribbon as r; "
                           "r.on_ribbon('check', 'Gemeente Partnerkeuze v2.xlam')"],
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    config = json.loads(trace.read_text(encoding="utf-8"))["config"]
    assert config["PARTNERKEUZE_UITVOER"] == str(tmp_path / "naast")  # beside the workbook wins
    assert config["PARTNERKEUZE_MODUS"] == "sdg"  # the empty value beside it does not shadow


def test_the_workbook_sheet_wins_and_empty_sheet_values_fall_through(built):
    _, modules = built["baked"]
    layers = dict(addin_sheet={"UDF Modules": "partnerkeuze_udfs", "Interpreter_Win": ""},
                  directory_file=None, user_file=conf_text([("PYTHONPATH", r"D:\udfs")]))
    assert vba_lookup(modules, "INTERPRETER_WIN", workbook_sheet={"Interpreter_Win": r"E:\py.exe"},
                      **layers) == r"E:\py.exe"
    # empty on both sheets: the baked value, never the empty string
    assert vba_lookup(modules, "INTERPRETER_WIN", workbook_sheet={"Interpreter_Win": ""},
                      **layers) == r"C:\Partnerkeuze\.venv\Scripts\python.exe"
    # the user file wins over the baked PYTHONPATH
    assert vba_lookup(modules, "PYTHONPATH", workbook_sheet=None, **layers) == r"D:\udfs"


def test_a_baked_in_interpreter_is_in_the_built_addin(built):
    _, plain = built["plain"]
    xlam, modules = built["baked"]
    code = modules["PartnerkeuzeConfig"].replace("\r\n", "\n")
    assert 'Case "INTERPRETER_WIN": BakedConfig = "C:\\Partnerkeuze\\.venv\\Scripts\\python.exe"' in code
    assert baked_values(code) == {"INTERPRETER_WIN": r"C:\Partnerkeuze\.venv\Scripts\python.exe",
                                  "PYTHONPATH": r"C:\Partnerkeuze\udfs"}
    assert baked_values(plain["PartnerkeuzeConfig"]) == {}
    none = dict(workbook_sheet=None, addin_sheet=addin_sheet(xlam), directory_file=None,
                user_file=None)
    assert vba_lookup(modules, "INTERPRETER_WIN", **none) == r"C:\Partnerkeuze\.venv\Scripts\python.exe"
    assert vba_lookup(plain, "INTERPRETER_WIN", **none) == ""  # xlwings then uses 'python'
    # the add-in's file name does not matter: nothing in the VBA names it
    assert "Partnerkeuze.xlam" not in "".join(modules.values())


@settings(max_examples=40, deadline=None)
@given(layers=st.lists(st.dictionaries(st.sampled_from(["INTERPRETER_WIN", "PYTHONPATH"]),
                                       st.sampled_from(["", "a", "b", r"C:\x y"])),
                       min_size=4, max_size=4))
def test_python_and_vba_agree_on_any_layering(built, layers, tmp_path_factory):
    _, modules = built["plain"]
    d = tmp_path_factory.mktemp("layers")
    (d / "home" / ".partnerkeuze").mkdir(parents=True)
    wbs, adds, beside, user = layers
    (d / "partnerkeuze.conf").write_text(conf_text(beside.items()))
    (d / "home" / ".partnerkeuze" / "partnerkeuze.conf").write_text(conf_text(user.items()))
    python = pyconf.resolve(workbook_sheet=wbs, addin_sheet=adds, workbook_path=d / "w.xlsx",
                            home=d / "home")
    for key in ("INTERPRETER_WIN", "PYTHONPATH"):
        vba = vba_lookup(modules, key, workbook_sheet=wbs, addin_sheet=adds,
                         directory_file=conf_text(beside.items()), user_file=conf_text(user.items()))
        assert vba == python.get(key, "")


def test_xlwings_is_pinned_to_the_version_whose_dll_the_addin_names(built):
    reqs = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(rf"^xlwings=={re.escape(XLWINGS_VERSION)}$", reqs, flags=re.MULTILINE)
    _, modules = built["plain"]
    named = set(re.findall(r'Lib "(xlwings(?:32|64)-[0-9.]+\.dll)"', modules["xlwings"]))
    assert named == {f"xlwings64-{XLWINGS_VERSION}.dll", f"xlwings32-{XLWINGS_VERSION}.dll"}
    assert set(xlwings_dll_names()) == named
    from importlib.metadata import version

    assert version("xlwings") == XLWINGS_VERSION  # the build checks it too (check_xlwings_version)


def test_every_ribbon_icon_is_an_excel_control_id():
    from partnerkeuze.app.addin import ribbon_xml

    listed = {line.strip() for line in (ROOT / "tests" / "data" / "excel-control-ids.txt")
              .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}
    assert len(listed) > 1500 and "AutoSum" in listed and "ImportExcel" not in listed
    from partnerkeuze.app.addin.buttons import BUTTONS

    icons = re.findall(r'imageMso="([^"]+)"', ribbon_xml.custom_ui())
    assert len(icons) == len(BUTTONS) and set(icons) <= listed, set(icons) - listed


def test_dictionary_class_has_the_attributes_excel_gives_a_class(built):
    _, modules = built["plain"]
    lines = modules["Dictionary"].replace("\r\n", "\n").split("\n")
    assert lines[:2] == ['Attribute VB_Name = "Dictionary"',
                         'Attribute VB_Base = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"']
    assert 'Attribute VB_TemplateDerived = False' in lines[:9]
    assert 'Attribute VB_Customizable = False' in lines[:9]
