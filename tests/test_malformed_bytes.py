"""Hostile bytes in a workbook's XML parts: every part the product reads or writes back must be
well-formed XML 1.0, or the command refuses with the file, the part and the cell (or row) named,
exit 2, no traceback, and every file byte-identical (compared by hash).

The demo's Kandidaten sheet is xl/worksheets/sheet6.xml; its row 5 is K01 Tarija.
"""

from __future__ import annotations

import hashlib
import random
import re
import zipfile
from pathlib import Path

import pytest

from conftest import run_cli

KANDIDATEN = "xl/worksheets/sheet6.xml"
B5 = b"<t>Tarija</t>"


def rewrite(src: Path, dst: Path, part: str, old: bytes, new: bytes) -> Path:
    """A copy of a workbook with one replacement in one part (which must hold old)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                assert old in data, (part, old)
                data = data.replace(old, new, 1)
            zout.writestr(info, data)
    return dst


def hashes(folder: Path) -> dict[str, str]:
    """sha256 of every file in folder (the lock file a command makes is not an input)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.endswith(".pk-lock")}


# case -> (part, bytes replaced, replacement, pattern of the place and reason named)
CASES = {
    "unclosed-row": (KANDIDATEN, b'</is></c></row><row r="6"', b'</is></c><row r="6"',
                     r"rij 5 van blad 'Kandidaten': de rij is niet afgesloten"),
    "unclosed-cell": (KANDIDATEN, B5 + b"</is></c>", B5 + b"</is>",
                      r"cel Kandidaten!B5: de cel is niet afgesloten"),
    "nul-reference": (KANDIDATEN, B5, b"<t>Tar&#0;ija</t>",
                      r"cel Kandidaten!B5: een verwijzing naar een teken dat in XML niet mag "
                      r"\(&#0;\)"),
    "control-reference": (KANDIDATEN, B5, b"<t>Tar&#x1B;ija</t>",
                          r"cel Kandidaten!B5: .*\(&#x1B;\)"),
    "lone-surrogate-reference": (KANDIDATEN, B5, b"<t>Tar&#xD800;ija</t>",
                                 r"cel Kandidaten!B5: .*\(&#xD800;\)"),
    "fffe-reference": (KANDIDATEN, B5, b"<t>Tar&#xFFFE;ija</t>",
                       r"cel Kandidaten!B5: .*\(&#xFFFE;\)"),
    "raw-control-character": (KANDIDATEN, B5, b"<t>Tar\x01ija</t>",
                              r"cel Kandidaten!B5: het stuurteken U\+0001, dat in XML niet mag"),
    "raw-nul": (KANDIDATEN, B5, b"<t>Tar\x00ija</t>", r"cel Kandidaten!B5: het stuurteken U\+0000"),
    "raw-surrogate": (KANDIDATEN, B5, b"<t>Tar\xed\xa0\x80ija</t>",
                      r"cel Kandidaten!B5: een losse surrogaathelft"),
    "raw-ffff": (KANDIDATEN, B5, b"<t>Tar\xef\xbf\xbfija</t>",
                 r"cel Kandidaten!B5: het teken U\+FFFF, dat in XML niet mag"),
    "not-utf8": (KANDIDATEN, B5, b"<t>Tar\xffija</t>",
                 r"cel Kandidaten!B5: bytes die geen geldige UTF-8-tekst zijn"),
    "bare-ampersand": (KANDIDATEN, B5, b"<t>Tar & ija</t>", r"cel Kandidaten!B5: een '<', '&'"),
    "undefined-entity": (KANDIDATEN, B5, b"<t>Tar&nbsp;ija</t>",
                         r"cel Kandidaten!B5: een onbekende entiteit \(&nbsp;\)"),
    "duplicate-attribute": (KANDIDATEN, b'<row r="5">', b'<row r="5" r="5">',
                            r"rij 5 van blad 'Kandidaten': een kenmerk staat twee keer"),
    "unbound-prefix": (KANDIDATEN, B5, b"<t>Tarija</t><x:y/>",
                       r"cel Kandidaten!B5: een voorvoegsel zonder naamruimte"),
    # CDATA sends the sheet to the XML parser (lxml), which names the line
    "xml-parser-path": (KANDIDATEN, B5, b"<t><![CDATA[Tar]]>&#0;ija</t>",
                        r"xl/worksheets/sheet6\.xml, blad 'Kandidaten', regel 1: geen "
                        r"welgevormde XML"),
    # a sheet neither check nor score reads: score would copy it as it is
    "unread-sheet": ("xl/worksheets/sheet1.xml", b"</sheetData>", b'<row r="99"></sheetData>',
                     r"xl/worksheets/sheet1\.xml, rij 99 van blad 'Start': de rij is niet "
                     r"afgesloten"),
    "table-part": ("xl/tables/table3.xml", b"</table>", b"",
                   r"het onderdeel xl/tables/table3\.xml"),
    "content-types": ("[Content_Types].xml", b"</Types>", b"<Types>",
                      r"het onderdeel \[Content_Types\]\.xml"),
    "styles": ("xl/styles.xml", b"<cellXfs", b"<cellXfs a='1' a='2'",
               r"het onderdeel xl/styles\.xml"),
    "workbook-rels": ("xl/_rels/workbook.xml.rels", b"</Relationships>", b"&#0;</Relationships>",
                      r"het onderdeel xl/_rels/workbook\.xml\.rels"),
    "theme": ("xl/theme/theme1.xml", b"<a:themeElements>", b"<a:themeElements>\x02",
              r"het onderdeel xl/theme/theme1\.xml"),
}

ENGLISH = re.compile(r"Traceback|Error\b|Exception|not well-formed|mismatched|invalid token")


@pytest.mark.parametrize("command", ["check", "score"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_a_malformed_part_is_refused_naming_the_place(demo_path, tmp_path, name, command):
    part, old, new, pattern = CASES[name]
    folder = tmp_path / "map"
    folder.mkdir()
    path = rewrite(demo_path, folder / "oproep.xlsx", part, old, new)
    before = hashes(folder)
    out = run_cli(command, path)
    assert out.returncode == 2, (out.returncode, out.stdout, out.stderr)
    assert re.search(r"^Fout: oproep\.xlsx: de werkmap kan niet gelezen worden: een onderdeel is "
                     r"beschadigd \(het onderdeel " + re.escape(part), out.stderr, re.M), out.stderr
    assert re.search(pattern, out.stderr), out.stderr
    assert not ENGLISH.search(out.stderr + out.stdout), out.stderr
    assert hashes(folder) == before  # every input byte-identical, no backup, no temporary file


def test_the_refused_bytes_are_what_openpyxl_cannot_open(demo_path, tmp_path):
    """The cases are real: the spreadsheet library the tests trust refuses each sheet case."""
    from openpyxl import load_workbook

    for name in ("unclosed-row", "nul-reference", "lone-surrogate-reference", "raw-nul"):
        part, old, new, _ = CASES[name]
        path = rewrite(demo_path, tmp_path / f"{name}.xlsx", part, old, new)
        with pytest.raises(Exception):
            load_workbook(path)


def test_every_part_of_a_written_workbook_is_well_formed(demo_path):
    from lxml import etree

    assert run_cli("score", demo_path).returncode == 0
    with zipfile.ZipFile(demo_path) as zf:
        for name in zf.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(zf.read(name))  # raises on a part that is not well-formed


HOSTILE = [b"&#0;", b"&#xD800;", b"\x01", b"<", b"&", b"</row>", b"<row>", b"\xed\xa0\x80",
           b"\xff", b"]]>", b"&#xFFFF;", b"</c>", b'"', b"<c>"]


def test_random_hostile_bytes_are_refused_or_written_well_formed(demo_path, tmp_path, capsys):
    """Hostile bytes at random places of the sheets score reads and writes: score either
    refuses (nothing changed) or writes a workbook whose every part is well-formed XML."""
    from lxml import etree

    from partnerkeuze.app.cli import main

    rng = random.Random(22)
    with zipfile.ZipFile(demo_path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    sheets = ["xl/worksheets/sheet6.xml", "xl/worksheets/sheet10.xml",
              "xl/worksheets/sheet12.xml", "xl/worksheets/sheet4.xml"]
    outcomes = []
    for i in range(16):
        part = rng.choice(sheets)
        data = parts[part]
        start = data.find(b"<sheetData>")
        at = rng.randrange(start, len(data))
        bad = rng.choice(HOSTILE)
        path = tmp_path / f"r{i}" / "oproep.xlsx"
        path.parent.mkdir()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
            for name, body in parts.items():
                zout.writestr(name, body[:at] + bad + body[at:] if name == part else body)
        before = hashes(path.parent)
        code = main(["score", str(path)])
        err = capsys.readouterr().err
        assert code in (0, 1, 2), code
        assert "Traceback" not in err and "Onverwachte fout" not in err, err
        if code:
            assert hashes(path.parent) == before, (part, at, bad)
        else:
            with zipfile.ZipFile(path) as zf:
                for name in zf.namelist():
                    if name.endswith((".xml", ".rels")):
                        etree.fromstring(zf.read(name))
        outcomes.append(code)
    assert 2 in outcomes  # the corpus does hit malformed bytes


def test_a_formula_with_a_control_character_is_refused_before_writing(demo_path):
    from partnerkeuze.kernel.errors import InputProblems
    from partnerkeuze.kernel.patch import Formula, Patch
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    before = hashes(demo_path.parent)
    book = FileWorkbook(demo_path)
    patch = Patch()
    patch.set_cell("Kandidaten", 5, 2, Formula('="a\x01b"'))
    book.apply(patch)
    with pytest.raises(InputProblems) as info:
        book.save()
    assert str(info.value).startswith("Kandidaten!B5: de tekst bevat het teken U+0001")
    book.close()
    assert hashes(demo_path.parent) == before


def test_a_damaged_sheet_a_save_would_rewrite_unread_is_refused(demo_path, tmp_path):
    """A patch to a sheet no one read: its unedited rows would be copied as they are, so the
    part is verified before it is rewritten (the Start sheet, with an unclosed row 99)."""
    from partnerkeuze.kernel.errors import FileError
    from partnerkeuze.kernel.patch import Patch
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    part, old, new, _ = CASES["unread-sheet"]
    path = rewrite(demo_path, tmp_path / "oproep.xlsx", part, old, new)
    before = hashes(tmp_path)
    book = FileWorkbook(path)
    patch = Patch()
    patch.set_cell("Start", 2, 2, "bijgewerkt")
    book.apply(patch)
    with pytest.raises(FileError, match=r"xl/worksheets/sheet1\.xml, rij 99 van blad 'Start': "
                                        r"de rij is niet afgesloten"):
        book.save()
    book.close()
    assert hashes(tmp_path) == before


def test_a_console_that_cannot_show_a_name_does_not_fail_a_command_after_it_saved(demo_path):
    """score prints the shortlist after the workbook was saved: a name the console cannot
    encode (Dassa-Zoumé on an ASCII console) is escaped, never an error after the change."""
    out = run_cli("score", demo_path, env={"PYTHONIOENCODING": "ascii"})
    assert out.returncode == 0, out.stderr
    assert "Dassa-Zoum\\xe9" in out.stdout and "Onverwachte fout" not in out.stderr


@pytest.mark.parametrize("split", [0, 3, 7])
def test_cdata_split_across_two_blocks_goes_to_the_xml_parser(demo_path, tmp_path, monkeypatch,
                                                              split):
    """The scanner leaves CDATA to the XML parser; expat sees it whatever block boundary falls
    inside '<![CDATA[' (a search per block did not)."""
    from partnerkeuze.io.xlsx import scan
    from partnerkeuze.io.xlsx.package import Package
    from partnerkeuze.io.xlsx.reader import WorkbookReader

    path = rewrite(demo_path, tmp_path / "oproep.xlsx", KANDIDATEN, B5,
                   b"<t><![CDATA[Tar&ija]]></t>")
    with zipfile.ZipFile(path) as zf:
        at = zf.read(KANDIDATEN).index(b"<![CDATA[")
    monkeypatch.setattr(scan, "BLOCK", at + split)  # the first block ends inside the marker
    reader = WorkbookReader(Package(path))
    rows = reader.sheet_rows("Kandidaten")
    assert rows[4][1] == "Tar&ija"
    assert list(rows) == list(reader.sheet_rows_xml("Kandidaten"))
