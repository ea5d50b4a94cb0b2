"""The part-level workbook file path (xlsx/reader.py, xlsx/writer.py) against openpyxl:
the same values read, the same workbook written for every write command, untouched parts
byte-identical, valid XML, user content kept, damaged parts refused."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from conftest import run_cli
from intake_support import fill_assessor, fill_candidacy
from lo import convert
from xlsx_support import (allowed_changes, compressed_parts, read_back, recording, reference)

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop

FORM_NL = "Kandidatuurformulier-nl.xlsx"
ASSESSOR_B1 = "Beoordelingsformulier-B1-An-Peeters.xlsx"


def run(*args) -> int:
    """Run a command in this process (so that its saves can be recorded)."""
    from partnerkeuze.app.cli import main

    return main([str(a) for a in args])


def openpyxl_rows(path: Path) -> dict:
    """Sheet -> rows of values as the openpyxl path reads them (array formulas as their text)."""
    from openpyxl.worksheet.formula import ArrayFormula

    from partnerkeuze.io.xlsx.file_workbook import load, snapshot_of

    snap = snapshot_of(load(path), "x")
    return {k: [tuple(v.text if isinstance(v, ArrayFormula) else v for v in r) for r in rows]
            for k, rows in snap.sheets.items()}


def file_rows(path: Path) -> dict:
    """Sheet -> rows of values as the streaming reader reads them."""
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    book = FileWorkbook(path, for_writing=False)
    try:
        return {k: [tuple(str(v) if isinstance(v, str) else v for v in r) for r in rows]
                for k, rows in book.snapshot().sheets.items()}
    finally:
        book.close()


def difference(got, want) -> list:
    """The first differences between two read-backs of a sheet (for the failure message)."""
    if got == want:
        return []
    if not isinstance(got, dict) or not isinstance(want, dict):
        return [got, want]
    out = []
    for key in sorted(set(got) | set(want), key=str):
        a, b = got.get(key), want.get(key)
        if a != b:
            if isinstance(a, dict) and isinstance(b, dict):
                out += [(key, k, a.get(k), b.get(k)) for k in sorted(set(a) | set(b), key=str)
                        if a.get(k) != b.get(k)][:5]
            else:
                out.append((key, a, b))
    return out


def assert_same_as_reference(saves, tmp_path: Path, suffix: str = ".xlsx",
                             names: bool = True) -> None:
    """Every recorded save equals openpyxl applying the same patches; untouched parts kept.

    names=False compares what a cell looks like but not the name of its style: openpyxl's own
    round trip of a LibreOffice file keeps xfIds that no longer match its cellStyles.
    """
    assert saves, "the command saved nothing"
    for i, save in enumerate(saves):
        assert save.fell_back is None, save.fell_back
        ref = reference(save.before, save.patches, tmp_path / f"ref{i}{suffix}", suffix)
        new = tmp_path / f"new{i}{suffix}"
        new.write_bytes(save.after)
        got, want = read_back(new, names), read_back(ref, names)
        for sheet in want:
            diff = difference(got[sheet], want[sheet])
            assert not diff, (sheet, diff)
        before, after = compressed_parts(save.before), compressed_parts(save.after)
        allowed = allowed_changes(save)
        for part, raw in before.items():
            if part not in allowed:
                assert after.get(part) == raw, f"{part} changed"
        assert set(after) <= set(before), set(after) - set(before)


# -- reading ----------------------------------------------------------------------------------


def test_reader_gives_the_openpyxl_values_on_the_demo(demo_path):
    assert file_rows(demo_path) == openpyxl_rows(demo_path)


def test_reader_gives_the_openpyxl_values_on_a_libreoffice_copy(demo_path, tmp_path):
    saved = convert(demo_path, "xlsx", tmp_path / "lo")
    with zipfile.ZipFile(saved) as zf:
        assert "xl/sharedStrings.xml" in zf.namelist()  # LibreOffice writes shared strings
    assert file_rows(saved) == openpyxl_rows(saved)


CELL_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
    st.dates(dt.date(1900, 3, 1), dt.date(2100, 1, 1)),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2100, 1, 1)).map(
        lambda d: d.replace(microsecond=0)),
    st.sampled_from(["=1+1", "=SUM(A1:A3)", '="a"&"b"', "  spaties  ", "=", "#N/A"]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.dictionaries(st.tuples(st.integers(1, 30), st.integers(1, 12)), CELL_VALUES,
                             max_size=60),
       fmt=st.sampled_from([None, "0.00", "dd/mm/yyyy", "[h]:mm:ss", "yyyy-mm-dd h:mm"]))
def test_reader_gives_the_openpyxl_values_on_random_workbooks(tmp_path, cells, fmt):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Blad1"
    other = wb.create_sheet("Tweede blad")
    for (r, c), v in cells.items():
        cell = ws.cell(r, c, v)
        if fmt and isinstance(v, (int, float)) and not isinstance(v, bool) and 0 < v < 2e6:
            cell.number_format = fmt
        other.cell(c, r).value = v if not isinstance(v, str) else v[::-1]
    path = tmp_path / "willekeurig.xlsx"
    wb.save(path)
    assert file_rows(path) == openpyxl_rows(path)


def test_a_stray_cell_far_below_costs_one_row(demo_path):
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    wb = load_workbook(demo_path)
    wb["Start"].cell(1048576, 3).value = "verdwaald"
    wb.save(demo_path)
    book = FileWorkbook(demo_path, for_writing=False)
    rows = book.snapshot().rows("Start")
    assert len(rows) == 1048576
    assert rows[1048575][2] == "verdwaald" and rows[500000] == (None,) * len(rows[0])
    assert rows.filled() < 100  # only the filled rows are held
    book.close()


# -- writing: every write command against openpyxl ----------------------------------------------


@pytest.fixture(scope="module")
def forms(demo_template, tmp_path_factory):
    """Candidacy and assessor forms of the demo, one of each filled in."""
    base = tmp_path_factory.mktemp("forms")
    book = base / "werkmap.xlsx"
    shutil.copy(demo_template, book)
    assert run_cli("forms", book, "--out", base / "kand").returncode == 0
    assert run_cli("assessor-forms", book, "--out", base / "beoord").returncode == 0
    inbox = base / "in"
    fields = {"name": "Kisumu", "country": "Kenya", "region": "Kisumu County",
              "contact_given": "Otieno", "email": "p@kisumu.example.ke", "language": "Nederlands",
              "channel": "Burgers en lokale pers"}
    fill_candidacy(base / "kand" / FORM_NL, inbox / "kand.xlsx", fields,
                   {"C01": "Een antwoord", "C02": "=1+1 blijft tekst"})
    scores = base / "scores"
    fill_assessor(base / "beoord" / ASSESSOR_B1, scores / "b1.xlsx",
                  {("K01", "C01"): 2, ("K02", "C02"): 4}, {("K01", "C01"): "Herzien."})
    return inbox, scores


def _commands(forms, tmp_path):
    inbox, scores = forms
    return {
        "score": ["score"],
        "freeze": ["freeze", "--reason", "Na advies"],
        "plan": ["plan"],
        "import": ["import", None, inbox],
        "merge": ["merge", None, scores],
        "forms": ["forms", None, "--out", tmp_path / "uit"],
        "questionnaire": ["questionnaire", None, "--out", tmp_path / "uit"],
    }


WRITE_COMMANDS = ("score", "freeze", "plan", "import", "merge", "forms", "questionnaire")


def prepare(command: str, path: Path) -> None:
    """Make the command have something to write: freeze needs changed weights."""
    if command != "freeze":
        return
    from partnerkeuze import layout

    wb = load_workbook(path)
    t = layout.table("criteria")
    ws = wb[layout.TABLE_SHEET["criteria"].name]
    col = t.first_col + t.index("weight")
    weighted = [ws.cell(r, col) for r in range(t.first_data_row, ws.max_row + 1)
                if isinstance(ws.cell(r, col).value, (int, float))]
    a, b = weighted[0], weighted[1]
    a.value, b.value = a.value + 1, b.value - 1
    wb.save(path)


def _argv(spec: list, path: Path) -> list:
    if None in spec:
        return [path if a is None else a for a in spec]
    return [spec[0], path, *spec[1:]]


@pytest.mark.parametrize("command", WRITE_COMMANDS)
def test_write_command_equals_the_openpyxl_path(command, demo_path, forms, tmp_path, monkeypatch):
    monkeypatch.setenv("PARTNERKEUZE_USER", "test")
    spec = _commands(forms, tmp_path)[command]
    prepare(command, demo_path)
    with recording() as saves:
        rc = run(*_argv(spec, demo_path))
    assert rc in (0, 1)
    assert_same_as_reference(saves, tmp_path)


@pytest.fixture(scope="module")
def lo_demo(demo_template, tmp_path_factory):
    """The demo as LibreOffice saves it (shared strings, its own styles and order)."""
    return convert(demo_template, "xlsx", tmp_path_factory.mktemp("lo-demo"))


@pytest.mark.parametrize("command", ("score", "freeze", "plan"))
def test_write_command_on_a_libreoffice_copy_equals_the_openpyxl_path(command, lo_demo, forms,
                                                                      tmp_path, monkeypatch):
    monkeypatch.setenv("PARTNERKEUZE_USER", "test")
    path = tmp_path / "lo.xlsx"
    shutil.copy(lo_demo, path)
    prepare(command, path)
    with recording() as saves:
        rc = run(*_argv(_commands(forms, tmp_path)[command], path))
    assert rc in (0, 1)
    assert_same_as_reference(saves, tmp_path, names=False)


def test_match_on_an_sdg_workbook_equals_the_openpyxl_path(tmp_path, monkeypatch):
    monkeypatch.setenv("PARTNERKEUZE_USER", "test")
    path = tmp_path / "sdg.xlsx"
    assert run("new", path, "--mode", "sdg", "--demo") == 0
    with recording() as saves:
        assert run("match", path) in (0, 1)
    assert_same_as_reference(saves, tmp_path)


def test_scored_results_recalculate_alike_in_libreoffice(demo_path, tmp_path, monkeypatch):
    monkeypatch.setenv("PARTNERKEUZE_USER", "test")
    with recording() as saves:
        assert run("score", demo_path) == 0
    ref = reference(saves[0].before, saves[0].patches, tmp_path / "ref.xlsx")
    ours = convert(demo_path, "xlsx", tmp_path / "lo-new")
    theirs = convert(ref, "xlsx", tmp_path / "lo-ref")
    sheets = ("Scoretabel", "Resultaten", "Kanalen")
    a, b = load_workbook(ours, data_only=True), load_workbook(theirs, data_only=True)
    for sheet in sheets:
        got = [list(r) for r in a[sheet].iter_rows(values_only=True)]
        want = [list(r) for r in b[sheet].iter_rows(values_only=True)]
        assert got == want, sheet
    numbers = [v for r in a["Scoretabel"].iter_rows(min_row=5, values_only=True) for v in r
               if isinstance(v, (int, float))]
    assert numbers, "LibreOffice computed no scores"


# -- random patches ----------------------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
VALUES = st.one_of(st.none(), TEXT, st.integers(-1000, 1000), st.booleans(),
                   st.floats(-1e6, 1e6, allow_nan=False), st.dates(dt.date(2000, 1, 1),
                                                                   dt.date(2030, 1, 1)))


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_patches_equal_the_openpyxl_path(demo_template, tmp_path_factory, data):
    from partnerkeuze import layout
    from partnerkeuze.kernel.patch import ArrayFormula, Block, Formula, Patch, Styled
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    tmp = tmp_path_factory.mktemp("rnd")
    path = tmp / "w.xlsx"
    shutil.copy(demo_template, path)
    patch = Patch()
    for key in data.draw(st.lists(st.sampled_from(["candidates", "criteria", "assessors"]),
                                  max_size=2, unique=True)):
        width = len(layout.table(key).columns)
        rows = data.draw(st.lists(st.lists(VALUES, min_size=width, max_size=width), max_size=20))
        if data.draw(st.booleans()):
            patch.replace_table(key, rows)
        else:
            patch.append_rows(key, rows)
    styled = st.builds(Styled, VALUES, st.sampled_from(["pk_input", "pk_output_wrap", "pk_header"]),
                       st.sampled_from([None, "0.00", "dd/mm/yyyy"]))
    cell = st.one_of(VALUES, styled, st.just(Formula("=1+2")), st.just(ArrayFormula("=SUM(1,2)")))
    for _ in range(data.draw(st.integers(0, 2))):
        # not the Start sheet: its link column is never written by a command, and a cleared
        # hyperlinked cell keeps or loses its link on the openpyxl path depending on how it
        # was cleared (see docs/xlsx-file-path.md)
        sheet = data.draw(st.sampled_from(["Scoretabel", "Gevoeligheid"]))
        rows = data.draw(st.lists(st.lists(cell, max_size=6), min_size=1, max_size=8))
        patch.write_block(Block(sheet, data.draw(st.integers(1, 40)), data.draw(st.integers(1, 8)),
                                rows, clear_to=data.draw(st.none() | st.integers(1, 60))))
    for _ in range(data.draw(st.integers(0, 5))):
        patch.set_cell(data.draw(st.sampled_from(["Kandidaten", "Logboek"])),
                       data.draw(st.integers(1, 30)), data.draw(st.integers(1, 14)),
                       data.draw(VALUES))
    with recording() as saves:
        book = FileWorkbook(path)
        book.apply(patch)
        book.save()
    assert_same_as_reference(saves, tmp)


def test_a_block_of_empty_rows_clears_no_column_on_either_path(demo_template, tmp_path):
    """Found by the test above: a block whose rows are empty has no width, so it clears nothing
    below it (openpyxl reads max_col=0 as every column)."""
    from partnerkeuze.kernel.patch import Block, Patch
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    path = tmp_path / "w.xlsx"
    shutil.copy(demo_template, path)
    patch = Patch()
    patch.write_block(Block("Gevoeligheid", 1, 1, [[]], clear_to=7))
    with recording() as saves:
        book = FileWorkbook(path)
        book.apply(patch)
        book.save()
    assert_same_as_reference(saves, tmp_path)
    assert openpyxl_rows(path)["Gevoeligheid"][1][0]  # row 2 keeps its text


# -- what the user put in the file survives ----------------------------------------------------


def decorate(src: Path, out: Path) -> Path:
    """The demo with everything a user adds: an own sheet, a comment, a hyperlink, an image, a
    chart, a text box (drawn shape), defined names, a print area, and VBA macros (.xlsm)."""
    import io
    import re

    from openpyxl.chart import BarChart, Reference
    from openpyxl.comments import Comment
    from openpyxl.drawing.image import Image
    from openpyxl.workbook.defined_name import DefinedName
    from PIL import Image as PILImage

    wb = load_workbook(src)
    own = wb.create_sheet("Eigen blad")
    own["A1"] = "Mijn notities"
    for i in range(1, 6):
        own.cell(i + 1, 1, i)
        own.cell(i + 1, 2, i * i)
    own["A1"].comment = Comment("Een opmerking van de gebruiker", "gebruiker")
    own["D1"] = "VVSG"
    own["D1"].hyperlink = "https://www.vvsg.be"
    png = io.BytesIO()
    PILImage.new("RGB", (20, 10), (200, 30, 30)).save(png, "PNG")
    own.add_image(Image(io.BytesIO(png.getvalue())), "F2")
    chart = BarChart()
    chart.add_data(Reference(own, min_col=2, min_row=2, max_row=6))
    own.add_chart(chart, "F10")
    wb.defined_names["MijnBereik"] = DefinedName("MijnBereik", attr_text="'Eigen blad'!$A$2:$B$6")
    own.print_area = "A1:D6"
    tmp = out.with_suffix(".tmp.xlsx")
    wb.save(tmp)
    # A text box and VBA: parts openpyxl does not make, added as Excel writes them.
    shape = (b'<xdr:twoCellAnchor xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/'
             b'spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
             b'<xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff>'
             b'<xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>11'
             b'</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff>'
             b'</xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="99" name="Tekstvak 1"/>'
             b'<xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/>'
             b'<a:ext cx="1800000" cy="700000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
             b'</a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>'
             b'Tekstvak van de gebruiker</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/>'
             b'</xdr:twoCellAnchor>')
    vba_ct = b"application/vnd.ms-office.vbaProject"
    with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("xl/drawings/drawing") and info.filename.endswith(".xml"):
                data = re.sub(rb"(</(?:\w+:)?wsDr>)", lambda m: shape + m.group(1), data)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.spreadsheetml"
                                    b".sheet.main+xml",
                                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                data = data.replace(b"</Types>", b'<Default Extension="bin" ContentType="'
                                    + vba_ct + b'"/></Types>')
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdVba" Type="http:'
                                    b'//schemas.microsoft.com/office/2006/relationships/vbaProj'
                                    b'ect" Target="vbaProject.bin"/></Relationships>')
            zout.writestr(info, data)
        zout.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro's van de gebruiker " * 40)
    tmp.unlink()
    return out


USER_PARTS = ("xl/vbaProject.bin", "xl/comments", "xl/drawings/drawing", "xl/charts/chart",
              "xl/media/image", "xl/drawings/_rels", "xl/drawings/commentsDrawing")


@pytest.mark.parametrize("command", WRITE_COMMANDS)
def test_user_content_survives_every_write_command(command, demo_template, forms, tmp_path,
                                                   monkeypatch):
    monkeypatch.setenv("PARTNERKEUZE_USER", "test")
    path = decorate(demo_template, tmp_path / "versierd.xlsm")
    if command == "freeze":
        plain = tmp_path / "gewijzigd.xlsx"
        shutil.copy(demo_template, plain)
        prepare(command, plain)
        path = decorate(plain, tmp_path / "versierd.xlsm")
    before = compressed_parts(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        workbook_before = zf.read("xl/workbook.xml")
    with recording() as saves:
        rc = run(*_argv(_commands(forms, tmp_path)[command], path))
    assert rc in (0, 1) and saves and saves[-1].fell_back is None
    after = compressed_parts(path.read_bytes())
    kept = [p for p in before if p.startswith(USER_PARTS)]
    assert len(kept) >= 6, kept
    for part in kept:
        assert after[part] == before[part], part
    with zipfile.ZipFile(path) as zf:
        ct = zf.read("[Content_Types].xml")
        wbxml = zf.read("xl/workbook.xml")
        drawing = next(zf.read(n) for n in zf.namelist() if n.startswith("xl/drawings/drawing"))
        own_sheet = zf.read("xl/_rels/workbook.xml.rels")
    assert b"application/vnd.ms-excel.sheet.macroEnabled.main+xml" in ct and b"vbaProject" in ct
    assert b"vbaProject.bin" in own_sheet
    assert b"Tekstvak van de gebruiker" in drawing
    for needle in (b"MijnBereik", b"_xlnm.Print_Area", b"Eigen blad"):
        assert needle in wbxml and needle in workbook_before
    wb = load_workbook(path, keep_vba=True)
    own = wb["Eigen blad"]
    assert own["A1"].comment.text.startswith("Een opmerking")
    assert own["D1"].hyperlink.target == "https://www.vvsg.be"


# -- validity and damage -------------------------------------------------------------------------


def schema_errors(path: Path) -> set[tuple[str, str]]:
    """(part, message) of every OOXML schema error openxml-audit finds."""
    from openxml_audit import FileFormat, OpenXmlValidator

    result = OpenXmlValidator(file_format=FileFormat.OFFICE_2019, max_errors=0).validate(path)
    return {(e.part_uri, e.description) for e in result.errors
            if str(e.severity).lower().endswith("error")}


def test_written_parts_validate_and_a_broken_part_is_caught(demo_path, tmp_path, monkeypatch):
    import re

    monkeypatch.setenv("PARTNERKEUZE_USER", "test")
    before = schema_errors(demo_path)
    with recording() as saves:
        assert run("score", demo_path) == 0
    after = schema_errors(demo_path)
    assert after <= before, after - before  # (openpyxl's own font order in styles.xml stays)
    written = {"/" + p for p in allowed_changes(saves[0])} - {"/xl/styles.xml"}
    assert not {e for e in after if e[0] in written}
    load_workbook(demo_path)  # openpyxl reads it
    assert convert(demo_path, "xlsx", tmp_path / "lo").exists()  # LibreOffice opens it
    # The same check catches a deliberately broken part (a value after the formula cache).
    broken = tmp_path / "kapot.xlsx"
    with zipfile.ZipFile(demo_path) as zin, zipfile.ZipFile(broken, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet12.xml":
                data = re.sub(rb'<c r="A5"([^>]*)>(.*?)</c>', rb'<c r="A5"\1>\2<v>1</v></c>',
                              data, count=1)
            zout.writestr(info, data)
    assert any(p == "/xl/worksheets/sheet12.xml" for p, _ in schema_errors(broken))
    load_workbook(broken)  # openpyxl's reader does not notice: it is no validator


@pytest.mark.parametrize("command", ("check", "score"))
def test_a_damaged_sheet_part_is_refused_naming_it(command, demo_path, tmp_path):
    damaged = tmp_path / "beschadigd.xlsx"
    with zipfile.ZipFile(demo_path) as zin, zipfile.ZipFile(damaged, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet10.xml":  # Scores
                data = data[: len(data) // 2]
            zout.writestr(info, data)
    original = damaged.read_bytes()
    proc = run_cli(command, damaged)
    assert proc.returncode == 2, proc.stderr
    assert "xl/worksheets/sheet10.xml" in proc.stderr and "'Scores'" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert damaged.read_bytes() == original


def test_a_shared_formula_is_read_as_openpyxl_and_its_first_cell_falls_back(demo_path, tmp_path):
    import re

    from partnerkeuze.kernel.patch import Patch
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    shared = tmp_path / "gedeeld.xlsx"
    with zipfile.ZipFile(demo_path) as zin, zipfile.ZipFile(shared, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":  # Start
                rows = (b'<row r="60"><c r="B60"><f t="shared" ref="B60:B62" si="0">A60*2</f>'
                        b'<v>0</v></c></row><row r="61"><c r="B61"><f t="shared" si="0"/>'
                        b'<v>0</v></c></row><row r="62"><c r="B62"><f t="shared" si="0"/>'
                        b"<v>0</v></c></row>")
                data = re.sub(rb"</sheetData>", rows + b"</sheetData>", data, count=1)
            zout.writestr(info, data)
    assert file_rows(shared)["Start"] == openpyxl_rows(shared)["Start"]
    assert file_rows(shared)["Start"][61][1] == "=A62*2"  # translated for the third cell
    with recording() as saves:
        book = FileWorkbook(shared)
        patch = Patch()
        patch.set_cell("Start", 60, 2, "vervangen")
        book.apply(patch)
        book.save()
    assert saves[0].fell_back and "gedeelde formule" in saves[0].fell_back
    ref = reference(saves[0].before, saves[0].patches, tmp_path / "ref.xlsx")
    assert read_back(shared)["Start"] == read_back(ref)["Start"]
    assert load_workbook(shared)["Start"]["B60"].value == "vervangen"


def test_a_workbook_in_memory_gives_array_formulas_as_the_file_path_does(tmp_path):
    """OpenpyxlWorkbook (a new workbook being built) and FileWorkbook (the saved file) give an
    array formula as the same patch.ArrayFormula text, not openpyxl's own object."""
    from openpyxl import Workbook
    from openpyxl.worksheet.formula import ArrayFormula as OpenpyxlArrayFormula

    from partnerkeuze.kernel.patch import ArrayFormula
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook, OpenpyxlWorkbook

    wb = Workbook()
    wb.active.title = "Blad"
    wb["Blad"]["B2"] = OpenpyxlArrayFormula("B2", "=MEDIAN(IF(A1:A3>0,A1:A3))")
    wb["Blad"]["A1"] = 3
    in_memory = OpenpyxlWorkbook(wb).snapshot().sheets["Blad"]
    wb.save(tmp_path / "a.xlsx")
    on_file = FileWorkbook(tmp_path / "a.xlsx").snapshot().sheets["Blad"]
    for rows in (in_memory, on_file):
        value = rows[1][1]
        assert isinstance(value, ArrayFormula) and value == "=MEDIAN(IF(A1:A3>0,A1:A3))"
        assert rows[0][0] == 3
