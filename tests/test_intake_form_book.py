"""Returned forms read with the part-level reader (intake/form_book.py) give the values openpyxl's
read-only reader gave, bounded whatever the form holds."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import tracemalloc
import warnings
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from intake_support import fill_assessor, fill_candidacy, rewrite_part

FIELDS = {"name": "Kisumu", "country": "Kenya",
          "contact_given": "Otieno", "contact_family": "Odhiambo",
          "email": "partnerships@kisumu.example.ke", "channel": "UCLG Africa (UCLGA)"}
ANSWERS = {"C01": "Open budget hearings\nin every ward & more <here>.", "C02": "=1+1"}
BOUNDS = ((1, 600, 6), (1, 3000, 2), (7, 20_006, 9), (5, 20_004, 5), (3, 40, 3))


@pytest.fixture(scope="module")
def forms(demo_template, tmp_path_factory) -> list[Path]:
    """Blank and filled candidacy forms in every language and assessor forms of the demo."""
    from partnerkeuze.features.intake.assessor_form import build_assessor_form
    from partnerkeuze.features.intake.candidacy_form import build_candidacy_form
    from partnerkeuze.io.forms.identity import call_of
    from partnerkeuze.core.parse import parse
    from partnerkeuze.io.xlsx.file_workbook import snapshot_of

    base = tmp_path_factory.mktemp("formbook")
    model = parse(snapshot_of(load_workbook(demo_template), "x"))
    call = call_of(model)
    out = []
    for lang in ("nl", "fr", "en", "es"):
        blank = base / f"blanco-{lang}.xlsx"
        build_candidacy_form(model, call, lang).save(blank)
        out += [blank, fill_candidacy(blank, base / f"ingevuld-{lang}.xlsx", FIELDS, ANSWERS)]
    for assessor in model.assessors:
        blank = base / f"beoordeling-{assessor.id}.xlsx"
        build_assessor_form(model, call, assessor)[0].save(blank)
        pairs = {(c.id, k.id): (i % 6) + 0.5 * (i % 2) for i, (c, k) in
                 enumerate((c, k) for c in model.candidates for k in model.criteria)}
        out += [blank, fill_assessor(blank, base / f"ingevuld-{assessor.id}.xlsx", pairs,
                                     {p: f"Motivering {v}" for p, v in pairs.items()})]
    return out


def _trimmed(rows) -> list[tuple]:
    rows = [tuple(r) for r in rows]
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    return rows


def _openpyxl_rows(path: Path, sheet: str, min_row: int, max_row: int, max_col: int):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    try:
        values = _trimmed(wb[sheet].iter_rows(min_row=min_row, max_row=max_row, max_col=max_col,
                                              values_only=True))
        return [tuple(str(v.text) if type(v).__name__ == "ArrayFormula" else v for v in row)
                for row in values], wb.properties.modified
    finally:
        wb.close()


def _same_as_openpyxl(path: Path, bounds=BOUNDS) -> None:
    from partnerkeuze.io.forms.form_book import open_form

    book, data, digest = open_form(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            names = load_workbook(path, read_only=True).sheetnames
        assert book.sheetnames == names
        for sheet in names:
            for min_row, max_row, max_col in bounds:
                expected, modified = _openpyxl_rows(path, sheet, min_row, max_row, max_col)
                got = _trimmed(book[sheet].iter_rows(min_row=min_row, max_row=max_row,
                                                     max_col=max_col, values_only=True))
                assert got == expected, (path.name, sheet, min_row, max_row, max_col)
                assert all(len(r) == max_col for r in got)
        with zipfile.ZipFile(path) as zf:
            said = b"modified>" in zf.read("docProps/core.xml")
        assert said and book.properties.modified == modified
    finally:
        book.close()


def test_demo_forms_read_as_openpyxl_read_them(forms):
    for path in forms:
        _same_as_openpyxl(path)


def _sheet_data(xml: bytes, rows: bytes) -> bytes:
    """A sheet part with its sheetData replaced by rows."""
    return re.sub(rb"<sheetData>.*</sheetData>|<sheetData/>", b"<sheetData>" + rows.replace(
        b"\\", b"\\\\") + b"</sheetData>", xml, count=1, flags=re.S)


ODD_ROWS = (
    # rows out of order and without r (openpyxl skips a row that does not come later)
    b'<row r="3"><c r="A3" t="inlineStr"><is><t>drie</t></is></c></row>'
    b'<row><c t="inlineStr"><is><t>vier</t></is></c><c><v>4.5</v></c></row>'
    b'<row r="2"><c r="A2" t="inlineStr"><is><t>twee, overgeslagen</t></is></c></row>'
    b'<row><c t="inlineStr"><is><t>drie, overgeslagen</t></is></c></row>'
    # formulas: plain, shared (translated per cell), array; a cached value is not the value
    b'<row r="6"><c r="A6"><f>SUM(B1:B2)</f><v>3</v></c>'
    b'<c r="B6"><f t="shared" ref="B6:C6" si="0">A1+1</f><v>1</v></c><c r="C6"><f t="shared" '
    b'si="0"/><v>2</v></c><c r="D6"><f t="array" ref="D6">SUM(A1:A2*2)</f><v>0</v></c></row>'
    # rich text, booleans, errors, a date by style 0 (no date), text with entities
    b'<row r="7"><c r="A7" t="inlineStr"><is><r><t>rijk </t></r><r><rPr><b/></rPr><t>en vet'
    b'</t></r></is></c><c r="B7" t="b"><v>1</v></c><c r="C7" t="e"><v>#N/A</v></c>'
    b'<c r="D7" t="str"><v>&lt;tekst&gt; &amp; &#233;</v></c></row>'
    # cells far to the right and far below: dropped, never held
    b'<row r="8"><c r="XFD8"><v>1</v></c><c r="B8"><v>2</v></c></row>'
    b'<row r="50"><c r="A50"><v>50</v></c></row>'
)


def test_odd_sheets_read_as_openpyxl_read_them(forms, tmp_path):
    src = next(p for p in forms if p.name == "ingevuld-en.xlsx")
    odd = rewrite_part(src, tmp_path / "vreemd.xlsx", "xl/worksheets/sheet1.xml",
                       lambda xml: _sheet_data(xml, ODD_ROWS))
    _same_as_openpyxl(odd, bounds=((1, 600, 6), (1, 7, 3), (4, 40, 4), (6, 6, 4)))
    from partnerkeuze.io.forms.form_book import open_form

    book, _data, _digest = open_form(odd)
    sheet = book[book.sheetnames[0]]
    assert sheet["A3"].value == "drie" and sheet["A4"].value == "vier"
    assert sheet["B4"].value == 4.5 and sheet["A2"].value is None
    assert sheet["C6"].value == "=B1+1" and sheet["D6"].value == "=SUM(A1:A2*2)"
    assert sheet["A7"].value == "rijk en vet" and sheet["D7"].value == "<tekst> & é"
    assert sheet["Z99"].value is None
    book.close()


def test_a_cell_at_column_xfd_on_every_row_costs_nothing(forms, tmp_path):
    """The reader's rows are as wide as the widest: a form is cut to the columns asked for
    before it is read (unbounded, 200,000 rows of 16,384 columns would take 26 GB)."""
    from partnerkeuze.io.forms.form_book import open_form

    rows = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="XFD%d"><v>1</v></c></row>'
                    % (r, r, r, r) for r in range(1, 200_001))
    src = next(p for p in forms if p.name == "ingevuld-nl.xlsx")
    wide = rewrite_part(src, tmp_path / "breed.xlsx", "xl/worksheets/sheet1.xml",
                        lambda xml: _sheet_data(xml, rows))
    assert wide.stat().st_size < 10_000_000
    book, _data, _digest = open_form(wide)
    tracemalloc.start()
    got = list(book[book.sheetnames[0]].iter_rows(min_row=1, max_row=600, max_col=6))
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    book.close()
    assert len(got) == 600 and got[599] == (600, None, None, None, None, None)
    assert peak < 20_000_000, f"{peak / 1e6:.1f} MB"


def test_an_unusual_sheet_is_refused_in_dutch_naming_file_and_part(forms, tmp_path):
    from partnerkeuze.io.forms.form_book import open_form
    from partnerkeuze.io.forms.safety import FormRefused

    src = next(p for p in forms if p.name == "ingevuld-nl.xlsx")
    cdata = rewrite_part(src, tmp_path / "cdata.xlsx", "xl/worksheets/sheet1.xml",
                         lambda xml: _sheet_data(xml, b'<row r="1"><c r="A1" t="inlineStr"><is>'
                                                      b'<t><![CDATA[x]]></t></is></c></row>'))
    book, _data, _digest = open_form(cdata)
    with pytest.raises(FormRefused) as caught:
        list(book[book.sheetnames[0]].iter_rows(min_row=1, max_row=600, max_col=6))
    assert str(caught.value).startswith("cdata.xlsx: het formulier kan niet gelezen worden")
    assert "xl/worksheets/sheet1.xml" in str(caught.value)
    broken = rewrite_part(src, tmp_path / "kapot.xlsx", "xl/worksheets/sheet1.xml",
                          lambda xml: xml.replace(b"</sheetData>", b""))
    book, _data, _digest = open_form(broken)
    with pytest.raises(FormRefused, match="kapot.xlsx: .*beschadigd.*sheet1.xml"):
        list(book[book.sheetnames[0]].iter_rows(min_row=1, max_row=600, max_col=6))


def test_modified_is_read_as_openpyxl_read_it(forms, tmp_path):
    from partnerkeuze.io.forms.form_book import parse_w3cdtf
    from partnerkeuze.io.forms.form_book import open_form

    assert parse_w3cdtf("2026-03-02T10:11:12Z") == dt.datetime(2026, 3, 2, 10, 11, 12)
    assert parse_w3cdtf("2026-03-02T10:11:12.5+02:00") == dt.datetime(2026, 3, 2, 10, 11, 12,
                                                                      500000)
    assert parse_w3cdtf("2026-03-02") == dt.date(2026, 3, 2)
    assert parse_w3cdtf("") is None and parse_w3cdtf("gisteren") is None
    src = next(p for p in forms if p.name == "ingevuld-nl.xlsx")
    buf = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(buf, "w") as zout:
        for info in zin.infolist():
            if info.filename != "docProps/core.xml":
                zout.writestr(info, zin.read(info.filename))
    bare = tmp_path / "zonder-eigenschappen.xlsx"
    bare.write_bytes(buf.getvalue())
    book, _data, _digest = open_form(bare)
    assert abs(book.properties.modified - dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
               ) < dt.timedelta(minutes=1)
    book.close()
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_reading_forms_imports_neither_openpyxl_nor_numpy(forms):
    import subprocess
    import sys

    from conftest import ROOT

    filled = [str(p) for p in forms if p.name.startswith("ingevuld-")]
    code = ("import sys\n"
            "from pathlib import Path\n"
            "from partnerkeuze.io.forms.form_book import open_form\n"
            "for name in sys.argv[1:]:\n"
            "    book, _d, _h = open_form(Path(name))\n"
            "    for sheet in book.sheetnames:\n"
            "        list(book[sheet].iter_rows(min_row=1, max_row=600, max_col=9))\n"
            "    book.close()\n"
            "print(sorted(m for m in ('openpyxl', 'numpy') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code, *filled], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]", out.stderr
