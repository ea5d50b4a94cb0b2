"""Office opens every file Partnerkeuze writes without repair (issue 27).

Every XML part of every file the product writes (the demo's workbooks, forms and documents, the
letter bundle, the add-in, the blank workbooks in workbook/, the templates in templates/, and the
workbook after each command that rewrites one) is read the way Office reads it (markup
compatibility), validated against the ISO/IEC 29500 Transitional schemas and held to the
cross-part rules the schemas cannot express: see tests/ooxml. Files Office wrote itself are the
control, and a planted fault of each kind is caught.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import socket
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from lxml import etree

from intake_support import fill_assessor, fill_candidacy
from tests.ooxml import compatibility, schema_set, tolerated
from tests.ooxml.audit import Report, audit, audit_files

ROOT = Path(__file__).resolve().parents[1]
OFFICE_SUFFIXES = (".xlsx", ".xlsm", ".xlam", ".docx")
CONTROLS = Path(__file__).resolve().parent / "ooxml" / "controls"


def office_files(folder: Path) -> list[Path]:
    """The Office files in a folder and its subfolders."""
    return sorted(p for p in folder.rglob("*") if p.suffix in OFFICE_SUFFIXES)


def assert_clean(report: Report) -> None:
    """No fault, apart from the tolerated ones; the first faults named when there are some."""
    shown = "\n".join(str(f)[:400] for f in report.faults[:25])
    more = f"\n... and {len(report.faults) - 25} more" if len(report.faults) > 25 else ""
    assert not report.faults, f"{report.summary()}\n{shown}{more}"


def xml_part_count(paths) -> int:
    """How many XML parts (.xml, .rels) the files hold, counted independently of the audit."""
    total = 0
    for path in paths:
        with zipfile.ZipFile(path) as zf:
            total += sum(n.endswith((".xml", ".rels")) for n in zf.namelist())
    return total


def rewrite_part(src: Path, dst: Path, part: str, transform: Callable[[bytes], bytes]) -> Path:
    """A copy of a package with one part transformed (the others byte for byte)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                new = transform(data)
                assert new != data, f"the fault was not planted in {part}"
                data = new
            zout.writestr(info, data)
    return dst


# -- the schema set and markup compatibility ---------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = compatibility.MC


def test_the_schemas_are_kept_here_with_their_source_and_compile_without_the_network():
    readme = (schema_set.SCHEMA_DIR / "README.md").read_text(encoding="utf-8")
    files = schema_set.schema_files()
    assert len(files) == 34
    for path in files:  # every schema document has its source in the README
        folder = path.parent.name
        assert f"`{folder}/" in readme and (path.name in readme or folder == "transitional"
                                            or folder == "opc"), path
    for local in schema_set.CATALOG.values():
        assert (schema_set.SCHEMA_DIR / local).is_file(), local
    understood = schema_set.understood()
    for ns in (W, "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
               "http://schemas.openxmlformats.org/drawingml/2006/main",
               "http://schemas.openxmlformats.org/package/2006/relationships",
               "http://schemas.openxmlformats.org/package/2006/content-types",
               "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
               "http://purl.org/dc/terms/", "http://www.w3.org/XML/1998/namespace",
               "http://schemas.microsoft.com/office/2009/07/customui"):
        assert ns in understood, ns
    assert W14 not in understood  # Office's own extensions come out by markup compatibility
    assert schema_set.schema() is schema_set.schema()  # compiled once per process


def test_the_ribbon_schema_is_repaired_without_changing_what_it_allows():
    raw = (schema_set.SCHEMA_DIR / "microsoft/customui14.xsd").read_bytes()
    with pytest.raises(etree.XMLSchemaParseError, match="Duplicate attribute use"):
        etree.XMLSchema(etree.fromstring(raw))  # as published, libxml2 refuses it
    schema = etree.XMLSchema(etree.fromstring(schema_set.restated_attributes_dropped(raw)))
    ns = "http://schemas.microsoft.com/office/2009/07/customui"

    def ribbon(button: str) -> etree._Element:
        return etree.fromstring(f'<customUI xmlns="{ns}"><ribbon><tabs><tab id="t" label="T">'
                                f'<group id="g" label="G">{button}</group></tab></tabs></ribbon>'
                                f'</customUI>')

    # the attributes the repair touched still count: getEnabled (restated AG_Enabled) and
    # sizeString (restated through AG_DropDownAttributes) ...
    assert schema.validate(ribbon('<button id="b" label="B" onAction="M.X" getEnabled="M.E"/>'))
    assert schema.validate(ribbon('<comboBox id="c" label="C" sizeString="WWWW" '
                                  'getItemCount="M.N"/>'))
    # ... and what the schema refuses, it still refuses
    assert not schema.validate(ribbon('<button id="b" label="B" onAction="M.X" color="red"/>'))
    assert not schema.validate(ribbon('<button id="b" label="B" size="huge" onAction="M.X"/>'))


def _document(body: str, root_attrs: str = "") -> etree._Element:
    return etree.fromstring(f'<w:document xmlns:w="{W}" xmlns:w14="{W14}" xmlns:mc="{MC}" '
                            f'xmlns:x="urn:x-unknown" {root_attrs}><w:body>{body}</w:body>'
                            f'</w:document>')


def _read_as_office(root) -> tuple[bool, list[str]]:
    problems = compatibility.process(root, schema_set.understood())
    return schema_set.schema().validate(root), problems


def test_markup_compatibility_is_applied_as_office_does():
    run = "<w:r><w:t>tekst</w:t></w:r>"
    bad_run = "<w:r><w:bogus/></w:r>"  # (inside a run: libxml2 reports it fast)
    # an ignorable namespace: its elements and attributes are dropped before validation ...
    ignorable = '<w:p w14:paraId="12AB34CD"><w:r><w14:unknown/><w:t>tekst</w:t></w:r></w:p>'
    root = _document(ignorable, 'mc:Ignorable="w14"')
    assert _read_as_office(root) == (True, [])
    assert root.find(f".//{{{W14}}}unknown") is None and not root.find(f".//{{{W}}}p").attrib
    # ... but not when the namespace is not declared ignorable
    assert _read_as_office(_document(ignorable))[0] is False
    # ProcessContent: the element goes, its content stays (and is judged)
    root = _document(f"<w:p><w14:wrap>{run}</w14:wrap></w:p>",
                     'mc:Ignorable="w14" mc:ProcessContent="w14:wrap"')
    assert _read_as_office(root) == (True, []) and root.find(f".//{{{W}}}t").text == "tekst"
    bad = _document(f"<w:p><w14:wrap>{bad_run}</w14:wrap></w:p>",
                    'mc:Ignorable="w14" mc:ProcessContent="w14:wrap"')
    assert _read_as_office(bad)[0] is False
    # AlternateContent: a Choice needing what is not understood gives way to the Fallback
    alternate = ('<w:p><mc:AlternateContent><mc:Choice Requires="x"><x:shape/></mc:Choice>'
                 f'<mc:Fallback>{run}</mc:Fallback></mc:AlternateContent></w:p>')
    root = _document(alternate)
    assert _read_as_office(root) == (True, []) and root.find(f".//{{{W}}}r") is not None
    bad = _document(alternate.replace(run, bad_run))
    assert _read_as_office(bad)[0] is False
    # MustUnderstand: a namespace not understood makes the part unreadable
    _, problems = _read_as_office(_document("<w:p/>", 'mc:MustUnderstand="x"'))
    assert problems == ["mc:MustUnderstand names urn:x-unknown, which is not understood"]


# -- everything the product writes --------------------------------------------------------------


@pytest.mark.slow
def test_every_file_demo_and_addin_write_opens_in_office_without_repair(demo_run):
    files = office_files(demo_run)
    names = [p.name for p in files]
    assert sum(n.endswith(".xlsx") for n in names) >= 12
    assert sum(n.endswith(".docx") for n in names) >= 56
    assert "Partnerkeuze.xlam" in names and "Brieven_alle_kandidaten.docx" in names
    started = time.perf_counter()
    report = audit_files(files, demo_run)
    seconds = time.perf_counter() - started
    print(f"\ndemo + addin: {report.summary()} in {seconds:.1f} s")
    assert report.parts == xml_part_count(files) > 1200  # every XML part was read and judged
    assert_clean(report)
    # what was let pass is the two things the issue names, each in the files it names
    used = {t for _, t in report.tolerated}
    assert used == set(tolerated.TOLERATED), "a tolerance nothing needs any more: remove it"
    for fault, _ in report.tolerated:
        if fault.part.startswith("xl/"):  # xml:space on <t>: the add-in's sheets only
            assert fault.file == "Partnerkeuze.xlam", fault
        else:  # w:zoom without w:percent: python-docx's template, in every document
            assert fault.file.endswith(".docx") and fault.part == "word/settings.xml", fault


def test_the_templates_and_blank_workbooks_open_in_office_without_repair():
    files = office_files(ROOT / "templates") + office_files(ROOT / "workbook")
    assert len([p for p in files if p.suffix == ".docx"]) == 25 and len(files) == 28
    report = audit_files(files, ROOT)
    assert report.parts == xml_part_count(files)
    assert_clean(report)


@dataclass(frozen=True)
class Command:
    """A command that rewrites a workbook: on which file of the demo, with which arguments
    (PATH and OUT stand for the workbook and a folder for its outputs), prepared how."""

    source: str
    args: tuple[str, ...]
    prepare: str = ""


COMMANDS = {
    "score": Command("Partnerkeuze-demo.xlsx", ("score", "PATH")),
    "plan": Command("Partnerkeuze-demo.xlsx", ("plan", "PATH", "--ics", "OUT/planning.ics")),
    "freeze": Command("workbook/Partnerkeuze-stedenband.xlsx", ("freeze", "PATH")),
    "record": Command("Partnerkeuze-demo.xlsx", ("record", "PATH", "council", "--date",
                                                 "2026-09-28", "--number", "GR/2026/77")),
    "import": Command("Partnerkeuze-demo.xlsx", ("import", "PATH", "OUT/in"), "candidacy"),
    "merge": Command("Partnerkeuze-demo.xlsx", ("merge", "PATH", "OUT/in"), "scores"),
    "questionnaire": Command("Partnerkeuze-demo.xlsx", ("questionnaire", "PATH", "--out", "OUT")),
    "dossier": Command("Partnerkeuze-demo.xlsx", ("dossier", "PATH", "--out", "OUT")),
    "forms": Command("Partnerkeuze-demo.xlsx", ("forms", "PATH", "--out", "OUT")),
    "assessor-forms": Command("Partnerkeuze-demo.xlsx", ("assessor-forms", "PATH", "--out",
                                                         "OUT")),
    "match": Command("SDG-demo.xlsx", ("match", "PATH", "--out", "OUT")),
    "evaluate": Command("Evaluatie/Evaluatie-demo.xlsx", ("evaluate", "PATH", "--out", "OUT")),
    "remind": Command("Partnerkeuze-demo.xlsx", ("remind", "PATH", "--once"), "mail server"),
}


@contextlib.contextmanager
def _mail_server(monkeypatch):
    """A real SMTP server on the loopback address (aiosmtpd) that accepts every reminder."""
    from aiosmtpd.controller import Controller

    class Accept:
        async def handle_DATA(self, server, session, envelope):
            return "250 OK"

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    for key, value in (("HOST", "127.0.0.1"), ("PORT", str(port)), ("STARTTLS", "nee")):
        monkeypatch.setenv(f"PARTNERKEUZE_SMTP_{key}", value)
    for key in ("USER", "PASSWORD", "FROM", "CAFILE"):
        monkeypatch.delenv(f"PARTNERKEUZE_SMTP_{key}", raising=False)
    controller = Controller(Accept(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield
    finally:
        controller.stop()


def _prepare(how: str, demo_run: Path, inbox: Path) -> None:
    """What a command needs to have something to read: a filled-in candidacy or scoring form
    (the mail server of ``remind`` runs around the command)."""
    if how == "candidacy":
        fields = {"name": "Kisumu", "country": "Kenya", "region": "Kisumu County",
                  "contact_given": "Otieno", "email": "p@kisumu.example.ke",
                  "language": "Nederlands", "channel": "Burgers en lokale pers"}
        fill_candidacy(demo_run / "kandidatuurformulieren" / "Kandidatuurformulier-nl.xlsx",
                       inbox / "kisumu.xlsx", fields, {"C01": "Een antwoord", "C02": "Twee"})
    elif how == "scores":
        fill_assessor(demo_run / "beoordelingsformulieren" /
                      "Beoordelingsformulier-B1-An-Peeters.xlsx", inbox / "b1.xlsx",
                      {("K01", "C01"): 2, ("K02", "C02"): 4}, {("K01", "C01"): "Herzien."})


@pytest.mark.slow
@pytest.mark.parametrize("name", COMMANDS)
def test_a_workbook_rewritten_by_a_command_opens_in_office_without_repair(name, demo_run,
                                                                           tmp_path, monkeypatch):
    from partnerkeuze.app.cli import main

    monkeypatch.setenv("PARTNERKEUZE_USER", "test")
    command = COMMANDS[name]
    source = (ROOT if command.source.startswith("workbook/") else demo_run) / command.source
    book = tmp_path / "werkmap.xlsx"
    shutil.copy(source, book)
    receipt = Path(str(source) + ".verankering.json")
    if receipt.exists():  # the log names the receipt beside the workbook: it goes with it
        shutil.copy(receipt, Path(str(book) + ".verankering.json"))
    out = tmp_path / "uit"
    out.mkdir()
    _prepare(command.prepare, demo_run, out / "in")
    argv = [a.replace("PATH", str(book)).replace("OUT", str(out)) for a in command.args]
    server = _mail_server(monkeypatch) if command.prepare == "mail server" else \
        contextlib.nullcontext()
    with server:
        assert main(argv) == 0
    assert book.read_bytes() != source.read_bytes(), "the command did not rewrite the workbook"
    written = [p for p in office_files(out) if p.relative_to(out).parts[0] != "in"]
    assert bool(written) == ("--out" in command.args)
    report = audit_files([book, *written], tmp_path)
    assert_clean(report)


# -- control: files Office wrote itself ----------------------------------------------------------


def _application(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        app = zf.read("docProps/app.xml").decode("utf-8")
    return re.search(r"<Application>([^<]*)</Application>", app).group(1)


def test_a_workbook_excel_wrote_passes_with_nothing_tolerated():
    import xlwings

    path = Path(xlwings.__file__).parent / "quickstart.xlsm"
    assert _application(path) == "Microsoft Excel"
    with zipfile.ZipFile(path) as zf:  # it has what the check must get right
        assert b"mc:AlternateContent" in zf.read("xl/workbook.xml")
        assert b"mc:Ignorable" in zf.read("xl/worksheets/sheet1.xml")
        assert "xl/sharedStrings.xml" in zf.namelist()
    report = audit(path)
    assert report.parts == xml_part_count([path])
    assert_clean(report)
    assert report.tolerated == []


def test_each_tolerance_covers_what_office_writes_itself():
    import docx

    excel = CONTROLS / "excel-rich-text.xlsx"
    word = Path(docx.__file__).parent / "templates" / "default.docx"
    assert _application(excel) == "Microsoft Excel"
    assert _application(word) == "Microsoft Macintosh Word"
    covered = set()
    for path in (excel, word):
        report = audit(path)
        assert_clean(report)
        assert report.tolerated, f"{path.name}: Office wrote nothing the check would refuse"
        covered |= {t for _, t in report.tolerated}
    assert covered == set(tolerated.TOLERATED)
    for tolerance in tolerated.TOLERATED:  # and each says why
        assert len(tolerance.reason) > 80


# -- a planted fault of each kind is caught ------------------------------------------------------


def _sub(pattern: bytes, replacement: bytes, count: int = 1) -> Callable[[bytes], bytes]:
    return lambda data: re.sub(pattern, replacement, data, count=count, flags=re.S)


def _move_tbl_borders(data: bytes) -> bytes:
    """The first table's w:tblBorders moved behind its w:tblLook (the fault of issue 27)."""
    m = re.search(rb"(<w:tblPr>.*?)(<w:tblBorders>.*?</w:tblBorders>)(.*?)(</w:tblPr>)", data)
    return data[:m.start()] + m.group(1) + m.group(3) + m.group(2) + m.group(4) + data[m.end():]


def _same_ids(pattern: bytes) -> Callable[[bytes], bytes]:
    """Every id matched by pattern (one group: the id) set to the first one's value."""
    def plant(data: bytes) -> bytes:
        first = re.search(pattern, data).group(1)
        return re.sub(pattern, lambda m: m.group(0).replace(m.group(1), first), data)
    return plant


def _swap_first_rows(data: bytes) -> bytes:
    m = re.search(rb'(<row r=")(\d+)(".*?</row>)(<row r=")(\d+)(")', data, flags=re.S)
    return data[:m.start()] + m.group(1) + m.group(5) + m.group(3) + m.group(4) + m.group(2) + \
        m.group(6) + data[m.end():]


@dataclass(frozen=True)
class Plant:
    """A fault planted in one part of a file, and what the check must say about it."""

    file: str  # in the demo folder, or control:NAME for a control file
    part: str  # the part, or a regular expression and a marker: "re:PATTERN|MARKER"
    transform: Callable[[bytes], bytes]
    kind: str
    message: str


PLANTS = {
    "duplicate run properties (the bundle's fault)": Plant(
        "Brieven/Brieven_alle_kandidaten.docx", "word/document.xml",
        _sub(rb"<w:r><w:rPr>", rb'<w:r><w:rPr><w:lang w:val="es"/></w:rPr><w:rPr>'),
        "schema", r"rPr': This element is not expected"),
    "table properties out of order (the templates' fault)": Plant(
        "Brieven/Brief_K01_Tarija_es.docx", "word/document.xml", _move_tbl_borders,
        "schema", r"tblBorders': This element is not expected"),
    "cell style index": Plant(
        "Partnerkeuze-demo.xlsx", "xl/worksheets/sheet2.xml", _sub(rb'(<c r="A1") s="\d+"',
                                                                  rb'\1 s="9999"'),
        "styles", r"s=9999 but only \d+ cellXfs"),
    "font index of a cell format": Plant(
        "Partnerkeuze-demo.xlsx", "xl/styles.xml",
        _sub(rb'(<cellXfs[^>]*>\s*<xf[^>]*?)fontId="\d+"', rb'\1fontId="999"'),
        "styles", r"fontId=999 but only \d+ fonts"),
    "differential format index": Plant(
        "Partnerkeuze-demo.xlsx", r"re:xl/worksheets/sheet\d+\.xml|dxfId=",
        _sub(rb'dxfId="\d+"', rb'dxfId="999"'), "styles", r"dxfId=999 but only \d+ dxfs"),
    "shared string index": Plant(
        "control:quickstart.xlsm", r're:xl/worksheets/sheet\d+\.xml|t="s"',
        _sub(rb'(t="s"[^>]*><v>)\d+', rb"\g<1>9999"), "strings", r"shared string 9999"),
    "table header cell": Plant(
        "Partnerkeuze-demo.xlsx", "xl/tables/table1.xml",
        _sub(rb'(<tableColumn id="1" name=")[^"]*', rb"\1Sleutels"),
        "table", r"header cell A4 of xl/worksheets/sheet2.xml holds 'Sleutel', the column is "
                 r"named 'Sleutels'"),
    "table outside the sheet": Plant(
        "Partnerkeuze-demo.xlsx", "xl/tables/table1.xml",
        _sub(rb'ref="A4:D\d+"', rb'ref="A4:D1048577"'),
        "table", r"ref 'A4:D1048577' is no area inside a sheet"),
    "duplicate table id": Plant(
        "Partnerkeuze-demo.xlsx", "xl/tables/table2.xml",
        _sub(rb'<table id="\d+"', b'<table id="1"'),
        "table", r"table id 1 used by 2 tables"),
    "overlapping merged cells": Plant(
        "Partnerkeuze-demo.xlsx", r"re:xl/worksheets/sheet\d+\.xml|<mergeCell ",
        _sub(rb'<mergeCell ref="([A-Z]+)(\d+):([A-Z]+\d+)"/>',
             rb'<mergeCell ref="\1\2:\3"/><mergeCell ref="\1\2:\1\2"/>'),
        "merge", r"merged areas \S+ and \S+ overlap"),
    "rows out of order": Plant(
        "Partnerkeuze-demo.xlsx", "xl/worksheets/sheet2.xml", _swap_first_rows,
        "cells", r"row 1 after row 2"),
    "dangling relationship": Plant(
        "Partnerkeuze-demo.xlsx", "xl/_rels/workbook.xml.rels",
        _sub(rb"</Relationships>", b'<Relationship Id="rIdPlanted" Type="http://schemas.'
             b'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
             b'Target="worksheets/sheet999.xml"/></Relationships>'),
        "package", r"rIdPlanted \(worksheet\) points to worksheets/sheet999.xml, which is not in"),
    "relationship id a part uses but does not have": Plant(
        "Partnerkeuze-demo.xlsx", "xl/workbook.xml", _sub(rb'r:id="rId\d+"', b'r:id="rId999"'),
        "package", r'r:id="rId999" on <sheet> names no relationship'),
    "part without a content type": Plant(
        "Partnerkeuze-demo.xlsx", "[Content_Types].xml",
        _sub(rb'<Override PartName="/xl/styles.xml"[^>]*/>', b""),
        "package", r"rId\d+ \(styles\) points to /xl/styles.xml, whose content type is "
                   r"application/xml"),
    "duplicate drawing id": Plant(
        "Dossier_college.docx", "word/document.xml", _same_ids(rb'<wp:docPr id="(\d+)"'),
        "ids", r"drawing object id \(wp:docPr/@id\) \d+ used 3 times"),
    "duplicate content control id": Plant(
        "Oproep_en_vragenlijst_nl.docx", "word/document.xml",
        _sub(rb'(<w:sdtPr>(?:(?!</w:sdtPr>).)*?<w:tag w:val="[^"]*"/>)', rb'\1<w:id w:val="7"/>',
             count=2),
        "ids", r"content control id \(w:sdtPr/w:id\) 7 used 2 times"),
    "ribbon attribute": Plant(
        "Partnerkeuze.xlam", "customUI/customUI14.xml",
        _sub(rb'<button id="new_call"', b'<button colour="rood" id="new_call"'),
        "schema", r"attribute 'colour': The attribute 'colour' is not allowed"),
    "part that is not well-formed": Plant(
        "Oproep_en_vragenlijst_nl.docx", "word/styles.xml", lambda d: d[:-20],
        "xml", r"not well-formed"),
    "namespace Office must understand": Plant(
        "Oproep_en_vragenlijst_nl.docx", "word/document.xml",
        _sub(rb"<w:document ", b'<w:document xmlns:pk="urn:x-partnerkeuze:planted" '
                               b'mc:MustUnderstand="pk" '),
        "compatibility", r"mc:MustUnderstand names urn:x-partnerkeuze:planted"),
}


def _plant_source(spec: str, demo_run: Path) -> Path:
    if spec == "control:quickstart.xlsm":
        import xlwings

        return Path(xlwings.__file__).parent / "quickstart.xlsm"
    return demo_run / spec


def _plant_part(spec: str, path: Path) -> str:
    if not spec.startswith("re:"):
        return spec
    pattern, marker = spec[3:].split("|", 1)
    with zipfile.ZipFile(path) as zf:
        return next(n for n in sorted(zf.namelist())
                    if re.fullmatch(pattern, n) and marker.encode() in zf.read(n))


@pytest.mark.slow
@pytest.mark.parametrize("name", PLANTS)
def test_a_planted_fault_is_caught(name, demo_run, tmp_path):
    plant = PLANTS[name]
    source = _plant_source(plant.file, demo_run)
    before = audit(source)
    assert_clean(before)
    part = _plant_part(plant.part, source)
    broken = rewrite_part(source, tmp_path / source.name, part, plant.transform)
    report = audit(broken)
    caught = [f for f in report.faults if f.kind == plant.kind and re.search(plant.message,
                                                                             f.message)]
    assert caught, f"{name}: not caught in {part}; found:\n" + \
        "\n".join(str(f)[:300] for f in report.faults[:10])
    assert all(f.part == part or f.kind in ("package", "table") for f in caught), caught
