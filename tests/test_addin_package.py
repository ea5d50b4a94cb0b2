"""Partnerkeuze.xlam: a valid, reproducible package whose VBA project reads back exactly."""

from __future__ import annotations

import hashlib
import struct
import zipfile
from xml.etree import ElementTree as ET

import olefile
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from addin_helpers import lf, part, subs_of, vba_modules_olevba
from conftest import run_cli
from partnerkeuze.app.addin import buttons, ribbon_xml
from partnerkeuze.app.addin.ovba import CLASS, DOCUMENT, STD
from partnerkeuze.app.addin.ovba_compression import compress, decompress
from partnerkeuze.app.addin.vba_sources import modules, xlwings_dir

CUI = "{http://schemas.microsoft.com/office/2009/07/customui}"


@pytest.fixture(scope="session")
def xlam(tmp_path_factory):
    """The add-in built once by the command line."""
    path = tmp_path_factory.mktemp("addin") / "Partnerkeuze.xlam"
    proc = run_cli("addin", path)
    assert proc.returncode == 0, proc.stderr
    assert "Invoegtoepassing geschreven" in proc.stdout
    return path


def test_two_builds_in_separate_interpreters_are_byte_identical(xlam, tmp_path):
    second = tmp_path / "again.xlam"
    proc = run_cli("addin", second, env={"PYTHONHASHSEED": "12345"})
    assert proc.returncode == 0, proc.stderr
    assert hashlib.sha256(xlam.read_bytes()).digest() == hashlib.sha256(second.read_bytes()).digest()


def test_package_parts_timestamps_and_content_types(xlam):
    with zipfile.ZipFile(xlam) as zf:
        assert zf.testzip() is None
        infos = zf.infolist()
        names = [i.filename for i in infos]
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in infos)
        types = ET.fromstring(zf.read("[Content_Types].xml"))
    assert names[0] == "[Content_Types].xml"
    assert {"xl/workbook.xml", "xl/vbaProject.bin", "customUI/customUI14.xml",
            "xl/worksheets/sheet1.xml"} <= set(names)
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert overrides["/xl/workbook.xml"] == "application/vnd.ms-excel.addin.macroEnabled.main+xml"
    defaults = {d.get("Extension"): d.get("ContentType") for d in types if d.get("Extension")}
    assert defaults["bin"] == "application/vnd.ms-office.vbaProject"


def test_ribbon_relationship_points_at_customui14(xlam):
    rels = ET.fromstring(part(xlam, "_rels/.rels"))
    ui = [r for r in rels if r.get("Target") == "customUI/customUI14.xml"]
    assert len(ui) == 1
    assert ui[0].get("Type") == "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
    wb_rels = ET.fromstring(part(xlam, "xl/_rels/workbook.xml.rels"))
    assert any(r.get("Target") == "vbaProject.bin" and r.get("Type").endswith("/vbaProject")
               for r in wb_rels)


def test_ribbon_tab_groups_and_buttons(xlam):
    root = ET.fromstring(part(xlam, "customUI/customUI14.xml"))
    tabs = root.findall(f".//{CUI}tab")
    assert [t.get("label") for t in tabs] == ["Partnerkeuze"]
    found = root.findall(f".//{CUI}button")
    assert [b.get("id") for b in found] == list(buttons.BUTTON_IDS)
    assert len(set(buttons.BUTTON_IDS)) == len(buttons.BUTTON_IDS)
    for b in found:
        for attr in ("label", "screentip", "supertip", "imageMso", "onAction"):
            assert b.get(attr), (b.get("id"), attr)
    required = {"new_call", "check", "freeze", "questionnaire", "forms", "import_forms",
                "assessor_forms", "merge", "score", "sensitivity", "dossier", "letters", "plan",
                "calendar", "reminders", "sdg_match"}
    assert required <= set(buttons.BUTTON_IDS)
    labels = {b.get("id"): b.get("label") for b in found}
    assert labels["check"] == "Controleren" and labels["letters"] == "Brieven"


def test_every_onaction_names_an_existing_vba_sub(xlam):
    code = vba_modules_olevba(xlam)
    root = ET.fromstring(part(xlam, "customUI/customUI14.xml"))
    actions = {el.get("onAction") for el in root.iter() if el.get("onAction")}
    assert actions
    for action in actions:
        module, _, sub = action.rpartition(".")
        assert module in code, f"{action}: module {module} is not in the VBA project"
        assert sub in subs_of(code[module]), f"{action}: no public Sub {sub}"
        assert f"Sub {sub}(control As IRibbonControl)" in code[module]


def test_olevba_extracts_every_module_byte_identical_to_its_source(xlam):
    extracted = vba_modules_olevba(xlam)
    expected = {m.name: m for m in modules()}
    assert set(extracted) == set(expected)
    for name, m in expected.items():
        assert lf(extracted[name]) == lf(m.source), name
        assert extracted[name].encode("cp1252") == m.code(), name


def test_xlwings_module_is_the_installed_one_with_our_project_name(xlam):
    installed = lf((xlwings_dir() / "xlwings_custom_addin.bas").read_text(encoding="utf-8"))
    ours = lf(vba_modules_olevba(xlam)["xlwings"])
    assert 'Public Const PROJECT_NAME As String = "partnerkeuze"' in ours
    from partnerkeuze.app.addin.vba_sources import _get_config_span
    from partnerkeuze.app.addin.vba_text import VBA_DIR

    expected = installed.replace('PROJECT_NAME As String = "myaddin"',
                                 'PROJECT_NAME As String = "partnerkeuze"')
    start, end = _get_config_span(expected)
    ours_start, ours_end = _get_config_span(ours)
    # everything but GetConfig is xlwings' own module, GetConfig is ours
    assert ours[:ours_start] == expected[:start] and ours[ours_end:] == expected[end:]
    assert ours[ours_start:ours_end] == lf((VBA_DIR / "GetConfig.bas").read_text(encoding="utf-8"))
    sheet = ET.fromstring(part(xlam, "xl/workbook.xml"))
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    assert [s.get("name") for s in sheet.iter(f"{ns}sheet")] == ["partnerkeuze.conf"]


def test_callback_runs_python_with_the_button_id(xlam):
    code = lf(vba_modules_olevba(xlam)["PartnerkeuzeRibbon"])
    assert ('RunPython "import partnerkeuze.app.addin.ribbon as r; r.on_ribbon(\'" & control.Id '
            '& "\', \'" & _\n        Replace(ThisWorkbook.Name, "\'", "\\\'") & "\')"') in code


def _dir_records(data: bytes):
    """(id, payload) of the dir stream's records (PROJECTVERSION has a 6-byte payload)."""
    pos = 0
    while pos < len(data):
        rid, size = struct.unpack_from("<HI", data, pos)
        if rid == 0x0009:
            size = 6
        yield rid, data[pos + 6:pos + 6 + size]
        pos += 6 + size


def test_vba_project_is_source_only_with_modules_at_offset_zero(xlam, tmp_path):
    bin_path = tmp_path / "vbaProject.bin"
    bin_path.write_bytes(part(xlam, "xl/vbaProject.bin"))
    ole = olefile.OleFileIO(str(bin_path))
    head = ole.openstream("VBA/_VBA_PROJECT").read()
    assert struct.unpack_from("<HH", head) == (0x61CC, 0xFFFF) and len(head) == 7
    records = list(_dir_records(decompress(ole.openstream("VBA/dir").read())))
    offsets = [struct.unpack("<I", p)[0] for rid, p in records if rid == 0x0031]
    kinds = [rid for rid, _ in records if rid in (0x0021, 0x0022)]
    names = [p.decode("cp1252") for rid, p in records if rid == 0x0019]
    assert offsets == [0] * len(modules())
    assert names == [m.name for m in modules()]
    assert kinds == [0x0021 if m.kind == STD else 0x0022 for m in modules()]
    project = ole.openstream("PROJECT").read().decode("cp1252")
    assert 'Name="Partnerkeuze"' in project
    assert "Document=ThisWorkbook/&H00000000" in project and "Class=Dictionary" in project
    assert {m.kind for m in modules()} == {STD, CLASS, DOCUMENT}
    ole.close()


def test_config_sheet_has_only_non_empty_active_keys_and_explains_every_setting(xlam):
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    sheet = ET.fromstring(part(xlam, "xl/worksheets/sheet1.xml"))
    cells = {c.get("r"): "".join(t.text or "" for t in c.iter(f"{ns}t")) for c in sheet.iter(f"{ns}c")}
    # what xlwings reads: A1 down to the first empty cell, each with a value in B
    active = {}
    for i in range(1, 100):
        if not cells.get(f"A{i}"):
            break
        active[cells[f"A{i}"]] = cells.get(f"B{i}", "")
    assert active == {"UDF Modules": "partnerkeuze_udfs", "Use UDF Server": "True"}
    assert all(active.values())  # an empty key would shadow the conf files
    explained = {cells.get(f"D{i}") for i in range(1, 40)}
    assert {"Interpreter_Win", "Interpreter_Mac", "PYTHONPATH", "UDF Modules", "Show Console",
            "Partnerkeuze_Uitvoer", "Partnerkeuze_Invoer", "Partnerkeuze_Modus"} <= explained
    assert sheet.find(f"{ns}sheetPr").get("codeName") == "Sheet1"


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=9000) | st.text(alphabet="ab =\r\n'", max_size=9000).map(str.encode))
def test_compression_round_trips_through_olevba(data):
    from oletools.olevba import decompress_stream

    packed = compress(data)
    assert bytes(decompress_stream(bytearray(packed))) == data
    assert decompress(packed) == data


def test_compression_actually_compresses_source():
    src = (xlwings_dir() / "xlwings_custom_addin.bas").read_bytes()
    assert len(compress(src)) < len(src) * 0.6


def test_ribbon_xml_is_generated_from_the_button_list():
    root = ET.fromstring(ribbon_xml.custom_ui().encode())
    groups = root.findall(f".//{CUI}group")
    assert [g.get("label") for g in groups] == [g.label for g in buttons.GROUPS]


def test_vba_lines_fit_the_editor_limit():
    for m in modules():
        for line in lf(m.source).split("\n"):
            assert len(line) < 1024, (m.name, line[:60])
        m.code()  # every module is representable in the project's code page (1252)


def test_every_addin_module_imports_cleanly_in_a_fresh_interpreter():
    import pkgutil
    import subprocess
    import sys

    import partnerkeuze.app.addin as pkg
    from conftest import ROOT

    names = [f"partnerkeuze.app.addin.{m.name}" for m in pkgutil.iter_modules(pkg.__path__)]
    assert "partnerkeuze.app.addin.ribbon" in names and "partnerkeuze.app.addin.xlwings_adapter" in names
    code = "import importlib, sys\nfor n in sys.argv[1:]: importlib.import_module(n)"
    proc = subprocess.run([sys.executable, "-c", code, *names], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
