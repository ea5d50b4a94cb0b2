"""`score` keeps every feature of the workbook and is repeatable."""

from __future__ import annotations

import re
import zipfile
from xml.etree import ElementTree as ET

from openpyxl import load_workbook

from conftest import run_cli
from partnerkeuze import layout

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _features(path) -> dict:
    """What the package declares: tables, validations, formats, names, protection, styles."""
    feats: dict = {}
    with zipfile.ZipFile(path) as zf:
        wb = ET.fromstring(zf.read("xl/workbook.xml"))
        sheets = {s.get("name"): s.get(f"{{{R_NS}}}id") for s in wb.find("m:sheets", NS)}
        rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        feats["names"] = sorted((d.get("name"), d.text) for d in wb.iter(f"{{{NS['m']}}}definedName"))
        styles = ET.fromstring(zf.read("xl/styles.xml"))
        feats["named_styles"] = sorted(c.get("name") for c in styles.iter(f"{{{NS['m']}}}cellStyle"))
        for name, rid in sheets.items():
            part = "xl/" + target[rid].lstrip("/").removeprefix("xl/")
            root = ET.fromstring(zf.read(part))
            dvs = sorted((dv.get("sqref"), dv.get("type"),
                          (dv.findtext("m:formula1", namespaces=NS) or ""))
                         for dv in root.iter(f"{{{NS['m']}}}dataValidation"))
            cfs = sorted((cf.get("sqref"), tuple(sorted((r.get("type"), r.findtext("m:formula", namespaces=NS) or "")
                                                        for r in cf)))
                         for cf in root.iter(f"{{{NS['m']}}}conditionalFormatting"))
            prot = root.find("m:sheetProtection", NS)
            cols = sorted((c.get("min"), c.get("max"), c.get("width")) for c in root.iter(f"{{{NS['m']}}}col"))
            pane = root.find(".//m:pane", NS)
            feats[name] = {"dv": dvs, "cf": cfs, "protection": None if prot is None else dict(prot.attrib),
                           "cols": cols, "pane": None if pane is None else pane.get("topLeftCell")}
        tables = {}
        for n in zf.namelist():
            if re.match(r"xl/tables/table\d+\.xml", n):
                t = ET.fromstring(zf.read(n))
                tables[t.get("displayName")] = [c.get("name") for c in t.iter(f"{{{NS['m']}}}tableColumn")]
        feats["tables"] = tables
    return feats


def test_score_keeps_every_feature(demo_path):
    before = _features(demo_path)
    out = run_cli("score", demo_path)
    assert out.returncode == 0, out.stderr
    after = _features(demo_path)
    assert after == before
    assert len(before["tables"]) >= 9
    assert before["Kandidaten"]["dv"] and before["Kandidaten"]["protection"]["sheet"] == "1"
    assert any(n == "lst_countries" for n, _ in before["names"])


def _values(path, skip_log=True):
    wb = load_workbook(path)
    log = layout.sheet("log").name
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()]
            for ws in wb.worksheets if not (skip_log and ws.title == log)}


def test_score_twice_gives_identical_results(demo_path):
    first = run_cli("score", demo_path, "--json")
    values1 = _values(demo_path)
    second = run_cli("score", demo_path, "--json")
    values2 = _values(demo_path)
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout
    assert values1 == values2
    log = _values(demo_path, skip_log=False)[layout.sheet("log").name]
    actions = [r[3] for r in log[layout.table("log").first_data_row - 1:] if r[3]]
    assert actions[-2:] == ["score", "score"]


def test_input_cells_are_unlocked_and_outputs_locked(demo_path):
    wb = load_workbook(demo_path)
    t = layout.table("candidates")
    ws = wb[layout.sheet("candidates").name]
    assert ws.cell(t.first_data_row, t.first_col).protection.locked is False
    assert ws.cell(t.header_row, t.first_col).protection.locked is True
    res = wb[layout.sheet("results").name]
    rt = layout.table("results")
    assert res.cell(rt.first_data_row, rt.first_col).protection.locked is True
    assert ws.freeze_panes == f"A{t.first_data_row}"


def test_candidate_text_never_becomes_a_formula(demo_path):
    wb = load_workbook(demo_path)
    t = layout.table("candidates")
    ws = wb[layout.sheet("candidates").name]
    ws.cell(t.first_data_row, t.first_col + t.index("name")).value = None
    wb.save(demo_path)
    from partnerkeuze.kernel.patch import Patch
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    book = FileWorkbook(demo_path)
    patch = Patch()
    rows = [["K01", "=HYPERLINK(\"http://x\",\"klik\")", "Bolivia", "", "es", "", "+32 3 555", "",
             None, "Ontvangen", "@SUM(A1)"]]
    patch.replace_table("candidates", rows)
    book.apply(patch)
    book.save()
    ref = f"B{t.first_data_row}"
    for sheet_key, cell_ref in (("candidates", ref), ("candidates", f"K{t.first_data_row}")):
        el = _cell_xml(demo_path, layout.sheet(sheet_key).name, cell_ref)
        assert el.find("m:f", NS) is None
        assert el.get("t") in ("s", "inlineStr")
    values = load_workbook(demo_path)[layout.sheet("candidates").name]
    cell = values.cell(t.first_data_row, t.first_col + t.index("name"))
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def _cell_xml(path, sheet_name, ref):
    """The <c> element of a cell in the saved package."""
    with zipfile.ZipFile(path) as zf:
        wb = ET.fromstring(zf.read("xl/workbook.xml"))
        rid = next(s.get(f"{{{R_NS}}}id") for s in wb.find("m:sheets", NS) if s.get("name") == sheet_name)
        rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        target = next(r.get("Target") for r in rels if r.get("Id") == rid)
        root = ET.fromstring(zf.read("xl/" + target.lstrip("/").removeprefix("xl/")))
    return next(c for c in root.iter(f"{{{NS['m']}}}c") if c.get("r") == ref)
