"""Partnerkeuze.xlam as an Open XML package: workbook, configuration sheet, ribbon, VBA project.

Reproducible: fixed part order, fixed zip timestamps and attributes, no dates in the properties.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from partnerkeuze.kernel.version import __version__
from partnerkeuze.app.addin import ribbon_xml
from partnerkeuze.app.addin.ovba import vba_project_bin
from partnerkeuze.app.addin.context import CONFIG_SHEET
from partnerkeuze.app.addin.vba_sources import PROJECT, modules

ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# The active rows of the configuration sheet: xlwings reads column A (key) and B (value) from A1
# down to the first empty cell, and a key on this sheet wins over the conf files. So only the
# one setting that belongs to the add-in itself is active here; everything an organisation or
# user sets goes in a conf file (it survives an update of the add-in), see docs/addin-install.md.
ACTIVE_ROWS: tuple[tuple[str, str], ...] = (
    ("UDF Modules", "partnerkeuze_udfs"),
    ("Use UDF Server", "True"),  # Python stays alive between clicks (RunPython via the server)
)

# Columns D-F: every setting explained in Dutch (not read by xlwings: column A stops at row 1).
CONFIG_ROWS: tuple[tuple[str, str, str], ...] = (
    ("Interpreter_Win", "C:\\Partnerkeuze\\.venv\\Scripts\\python.exe",
     "Pad naar python.exe. Leeg: 'python' uit het PATH."),
    ("Interpreter_Mac", "/Users/naam/partnerkeuze/.venv/bin/python", "Pad naar python op Mac."),
    ("PYTHONPATH", "C:\\Partnerkeuze\\.venv\\Lib\\site-packages",
     "Extra mappen met Python-code, gescheiden door ';' ('partnerkeuze install' zet de map "
     "waarin de werkbladfuncties, partnerkeuze_udfs, geïnstalleerd zijn)."),
    ("UDF Modules", "partnerkeuze_udfs", "De Python-module met de werkbladfuncties PK_..."),
    ("Show Console", "False", "True toont een opdrachtvenster bij elke klik (om fouten te zoeken)."),
    ("Use UDF Server", "True", "True houdt Python actief tussen de klikken (sneller)."),
    ("Partnerkeuze_Uitvoer", "", "Map voor documenten en formulieren. Leeg: de map "
                                 "'Partnerkeuze-documenten' naast de werkmap."),
    ("Partnerkeuze_Invoer", "", "Map met ingevulde formulieren om in te lezen. Leeg: Excel vraagt "
                                "telkens een map."),
    ("Partnerkeuze_Modus", "stedenband", "Modus van een nieuwe oproep: stedenband of sdg."),
)
CONFIG_NOTE = ("Zet instellingen niet hier maar in %USERPROFILE%\\.partnerkeuze\\partnerkeuze.conf "
               "(voor elke werkmap) of in partnerkeuze.conf naast de werkmap; een lege waarde telt "
               "niet. Zie docs/addin-install.md.")

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _cell(ref: str, text: str) -> str:
    if not text:
        return ""
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


BAKED_HEADER = "Ingebouwd"  # column G: what 'partnerkeuze addin --interpreter ...' built in


def config_sheet_xml(baked: dict[str, str] | None = None) -> str:
    """The configuration sheet (codeName Sheet1): active rows in A:B, the explanation in D:F and
    in G the values baked into the VBA (for people and `partnerkeuze doctor`; xlwings reads
    neither D:G nor the baked values from here)."""
    baked = {k.upper(): v for k, v in (baked or {}).items()}
    n = max(len(ACTIVE_ROWS), len(CONFIG_ROWS) + 3)
    rows = []
    for i in range(1, n + 1):
        cells = ""
        if i <= len(ACTIVE_ROWS):
            key, value = ACTIVE_ROWS[i - 1]
            cells += _cell(f"A{i}", key) + _cell(f"B{i}", value)
        if i == 1:
            cells += _cell("D1", CONFIG_NOTE)
        elif i == 3:
            cells += (_cell("D3", "Instelling") + _cell("E3", "Voorbeeld") + _cell("F3", "Uitleg")
                      + _cell("G3", BAKED_HEADER))
        elif 4 <= i < 4 + len(CONFIG_ROWS):
            key, example, help_text = CONFIG_ROWS[i - 4]
            cells += (_cell(f"D{i}", key) + _cell(f"E{i}", example) + _cell(f"F{i}", help_text)
                      + _cell(f"G{i}", baked.get(key.upper(), "")))
        rows.append(f'<row r="{i}">{cells}</row>')
    return (HEAD + f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_R}">'
            f'<sheetPr codeName="Sheet1"/><dimension ref="A1:G{n}"/>'
            '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
            '<sheetFormatPr defaultRowHeight="15"/>'
            '<cols><col min="1" max="1" width="18" customWidth="1"/>'
            '<col min="2" max="2" width="20" customWidth="1"/>'
            '<col min="3" max="3" width="3" customWidth="1"/>'
            '<col min="4" max="4" width="24" customWidth="1"/>'
            '<col min="5" max="5" width="44" customWidth="1"/>'
            '<col min="6" max="6" width="90" customWidth="1"/>'
            '<col min="7" max="7" width="44" customWidth="1"/></cols>'
            f'<sheetData>{"".join(rows)}</sheetData></worksheet>')


def parts(baked: dict[str, str] | None = None) -> list[tuple[str, bytes]]:
    """Every part of the package in the order it is written (baked: settings built in)."""
    ct = (HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.addin.macroEnabled.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
          '</Types>')
    rels = (HEAD + f'<Relationships xmlns="{PKG_REL}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
            f'<Relationship Id="rId2" Type="{PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/>'
            f'<Relationship Id="rId4" Type="{ribbon_xml.RELATIONSHIP}" Target="{ribbon_xml.PART}"/>'
            '</Relationships>')
    workbook = (HEAD + f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_R}">'
                '<workbookPr codeName="ThisWorkbook"/>'
                '<bookViews><workbookView visibility="hidden"/></bookViews>'
                f'<sheets><sheet name="{CONFIG_SHEET}" sheetId="1" r:id="rId1"/></sheets>'
                '</workbook>')
    wb_rels = (HEAD + f'<Relationships xmlns="{PKG_REL}">'
               f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
               f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/>'
               '<Relationship Id="rId3" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
               'Target="vbaProject.bin"/></Relationships>')
    styles = (HEAD + f'<styleSheet xmlns="{NS_MAIN}">'
              '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill>'
              '<fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
              '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
              '</styleSheet>')
    core = (HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            '<dc:title>Partnerkeuze</dc:title><dc:creator>Partnerkeuze</dc:creator>'
            f'<dc:description>Partnerkeuze-invoegtoepassing {escape(__version__)}</dc:description>'
            '</cp:coreProperties>')
    app = (HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
           'extended-properties"><Application>Microsoft Excel</Application></Properties>')
    return [
        ("[Content_Types].xml", ct.encode()),
        ("_rels/.rels", rels.encode()),
        ("docProps/core.xml", core.encode()),
        ("docProps/app.xml", app.encode()),
        ("xl/workbook.xml", workbook.encode()),
        ("xl/_rels/workbook.xml.rels", wb_rels.encode()),
        ("xl/worksheets/sheet1.xml", config_sheet_xml(baked).encode()),
        ("xl/styles.xml", styles.encode()),
        ("xl/vbaProject.bin", vba_project_bin(PROJECT, modules(baked))),
        (ribbon_xml.PART, ribbon_xml.custom_ui().encode()),
    ]


def read_baked(path: str | Path) -> dict[str, str]:
    """The values an add-in file was built with (column G of its configuration sheet)."""
    import zipfile

    from defusedxml import ElementTree as ET

    ns = f"{{{NS_MAIN}}}"
    with zipfile.ZipFile(path) as zf:
        root = ET.fromstring(zf.read("xl/worksheets/sheet1.xml"))
    cells = {c.get("r"): "".join(t.text or "" for t in c.iter(f"{ns}t")) for c in root.iter(f"{ns}c")}
    out = {}
    for i in range(4, 4 + len(CONFIG_ROWS)):
        if cells.get(f"G{i}"):
            out[cells[f"D{i}"].upper()] = cells[f"G{i}"]
    return out


def build_xlam(baked: dict[str, str] | None = None) -> bytes:
    """The bytes of Partnerkeuze.xlam (identical on every build from the same sources)."""
    from partnerkeuze.app.addin.vba_sources import check_xlwings_version

    check_xlwings_version()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in parts(baked):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            zf.writestr(info, data, compresslevel=6)
    return buf.getvalue()


def write_xlam(path: str | Path, baked: dict[str, str] | None = None) -> Path:
    """Build the add-in and write it atomically to path (.xlam); baked: settings built in."""
    from partnerkeuze.kernel.errors import FileError
    from partnerkeuze.io.xlsx.file_workbook import lock_files, write_file

    path = Path(path)
    if path.suffix.lower() != ".xlam":
        raise FileError(f"{path}: een Excel-invoegtoepassing eindigt op .xlam")
    if not path.parent.exists():
        raise FileError(f"{path.parent}: map niet gevonden")
    if path.is_dir():
        raise FileError(f"{path}: dit is een map")
    if lock_files(path):
        raise FileError(f"{path.name}: de invoegtoepassing is geopend in Excel; sluit Excel eerst")
    write_file(path, build_xlam(baked))
    return path
