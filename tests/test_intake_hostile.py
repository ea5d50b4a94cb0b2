"""Hostile and broken forms: refused with a message naming the file, the others still imported."""

from __future__ import annotations

import hashlib
import io
import shutil
import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import run_cli
from intake_support import fill_candidacy, memory_book, rewrite_part

BOMB_PART = 300_000_000  # bytes of zeros in the zip bomb's extra part
LAUGHS = (b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                     for i in range(1, 10))
          + b"]>")

GOOD_FIELDS = {"name": "Kisumu", "country": "Kenya",
               "contact_given": "Otieno", "contact_family": "Odhiambo",
               "email": "partnerships@kisumu.example.ke", "channel": "UCLG Africa (UCLGA)"}
GOOD_ANSWERS = {"C01": "We hold open budget hearings in every ward.", "C02": "Water and waste."}

# file name -> words the problem line must contain
EXPECTED = {
    "afgebroken.xlsx": "onvolledig of beschadigd",
    "wachtwoord.xlsx": "wachtwoord",
    "brief.xlsx": "Word-document",
    "andere-oproep.xlsx": "andere oproep",
    "lachbom.xlsx": "XML-bom",
    "zipbom.xlsx": "zip-bom",
    "kleine-zipbom.xlsx": "zip-bom",
    "liegende-zip.xlsx": "beschadigd",
    "oud.xls": "ouder Office-bestand",
}


def _laughs(xml: bytes) -> bytes:
    """A sheet part with the billion laughs DTD and its entity in a cell."""
    assert b"Odhiambo" in xml
    xml = xml.replace(b"Odhiambo", b"&lol9;", 1)
    head, sep, rest = xml.partition(b"?>")
    return head + sep + LAUGHS + rest if sep and len(head) < 100 else LAUGHS + xml


def _zip_bomb(src: Path, dst: Path, size: int = BOMB_PART) -> None:
    """A valid form plus a part of zeros (300 MB: about 300 kB compressed)."""
    shutil.copy(src, dst)
    with zipfile.ZipFile(dst, "a", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("xl/media/image1.bin", "w", force_zip64=True) as fh:
            block = bytes(1 << 20)
            for _ in range(size >> 20):
                fh.write(block)


def _lying_zip(src: Path, dst: Path) -> None:
    """A form whose sheet part inflates to 50 MB while its headers declare 2,000 bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data + b" " * 50_000_000
            zout.writestr(info.filename, data)
    raw = bytearray(buf.getvalue())
    name = b"xl/worksheets/sheet1.xml"
    local = raw.find(b"PK\x03\x04")
    while local != -1:
        n = struct.unpack_from("<H", raw, local + 26)[0]
        if raw[local + 30:local + 30 + n] == name:
            struct.pack_into("<I", raw, local + 22, 2000)
        local = raw.find(b"PK\x03\x04", local + 4)
    central = raw.find(b"PK\x01\x02")
    while central != -1:
        n = struct.unpack_from("<H", raw, central + 28)[0]
        if raw[central + 46:central + 46 + n] == name:
            struct.pack_into("<I", raw, central + 24, 2000)
        central = raw.find(b"PK\x01\x02", central + 4)
    dst.write_bytes(bytes(raw))


@pytest.fixture(scope="module")
def inbox(demo_template, tmp_path_factory):
    """A workbook, and a folder with one good form and every kind of bad one."""
    from partnerkeuze.features.intake.candidacy_form import build_candidacy_form
    from partnerkeuze.io.forms.identity import Call, call_of
    from partnerkeuze.core.parse import parse
    from partnerkeuze.io.xlsx.file_workbook import snapshot_of

    base = tmp_path_factory.mktemp("hostile")
    book = base / "werkmap.xlsx"
    shutil.copy(demo_template, book)
    model = parse(snapshot_of(load_workbook(book), "x"))
    blank = base / "blanco-en.xlsx"
    build_candidacy_form(model, call_of(model), "en").save(blank)
    folder = base / "teruggekomen"
    good = fill_candidacy(blank, folder / "goed.xlsx", GOOD_FIELDS, GOOD_ANSWERS)
    data = good.read_bytes()
    (folder / "afgebroken.xlsx").write_bytes(data[: len(data) // 2])
    import msoffcrypto

    encrypted = io.BytesIO()
    office = msoffcrypto.OfficeFile(io.BytesIO(data))
    office.encrypt("geheim", encrypted)
    (folder / "wachtwoord.xlsx").write_bytes(encrypted.getvalue())
    import docx

    docx.Document().save(folder / "brief.xlsx")
    other = base / "andere-blanco.xlsx"
    build_candidacy_form(model, Call("Heidebeek", "Oproep partnergemeente 2019", "0" * 64),
                         "en").save(other)
    fill_candidacy(other, folder / "andere-oproep.xlsx", GOOD_FIELDS, GOOD_ANSWERS)
    rewrite_part(good, folder / "lachbom.xlsx", "xl/worksheets/sheet1.xml", _laughs)
    _zip_bomb(good, folder / "zipbom.xlsx")
    _zip_bomb(good, folder / "kleine-zipbom.xlsx", 16 << 20)  # under the size caps, not the ratio
    _lying_zip(good, folder / "liegende-zip.xlsx")
    (folder / "oud.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    return book, folder


def _hashes(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_password_file_is_really_encrypted(inbox):
    import msoffcrypto

    _book, folder = inbox
    with open(folder / "wachtwoord.xlsx", "rb") as fh:
        office = msoffcrypto.OfficeFile(fh)
        assert office.is_encrypted()


def test_bad_forms_are_named_and_the_good_one_imported_in_bounded_memory(inbox, tmp_path):
    from pipeline_support import import_forms
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    book, folder = inbox
    copy = tmp_path / "werkmap.xlsx"
    shutil.copy(book, copy)
    before = _hashes(folder)
    wb = FileWorkbook(copy)
    tracemalloc.start()
    t0 = time.perf_counter()
    outcome = import_forms(wb, folder)
    elapsed = time.perf_counter() - t0
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"import of {len(list(folder.iterdir()))} forms: peak {peak / 1e6:.1f} MB, "
          f"{elapsed:.2f} s")
    assert peak < 20_000_000, f"peak {peak / 1e6:.1f} MB"
    assert elapsed < 30, f"{elapsed:.1f} s"
    problems = outcome.data["problems"]
    assert len(problems) == len(EXPECTED), problems
    for name, words in EXPECTED.items():
        lines = [p for p in problems if p.startswith(f"{name}: ")]
        assert len(lines) == 1, (name, problems)
        assert words in lines[0], lines[0]
        assert "Traceback" not in lines[0]
    assert [d["file"] for d in outcome.data["imported"]] == ["goed.xlsx"]
    from intake_support import imported_rows

    rows = imported_rows([r for r in wb.snapshot().rows("Antwoorden")[4:] if r and r[0]])
    assert {(r[0], r[1]): r[3] for r in rows} == {("K14", c): t for c, t in GOOD_ANSWERS.items()}
    assert _hashes(folder) == before


def test_cli_saves_the_good_and_names_the_bad(inbox, tmp_path):
    book, folder = inbox
    copy = tmp_path / "werkmap.xlsx"
    shutil.copy(book, copy)
    proc = run_cli("import", copy, folder)
    assert proc.returncode == 0, proc.stderr  # the good one read and saved: done
    assert "Traceback" not in proc.stderr
    for name in EXPECTED:
        assert f"{name}: " in proc.stderr
    assert "goed.xlsx: nieuwe kandidaat K14 Kisumu" in proc.stdout
    ws = load_workbook(copy)["Kandidaten"]
    names = [r[1] for r in ws.iter_rows(min_row=5, values_only=True) if r[0]]
    assert "Kisumu" in names
    before = copy.read_bytes()
    again = run_cli("import", copy, folder)
    assert again.returncode == 1  # nothing new read, the bad ones still named: nothing changed
    assert "goed.xlsx: al ingelezen" in again.stdout
    assert copy.read_bytes() == before


def test_openpyxl_itself_refuses_entities(inbox, tmp_path):
    """Defence in depth: even past our scan, openpyxl parses with defusedxml."""
    import openpyxl
    from defusedxml import DefusedXmlException

    _book, folder = inbox
    assert openpyxl.DEFUSEDXML is True
    from openpyxl.xml import functions

    assert functions.iterparse.__module__.startswith("defusedxml")
    tracemalloc.start()
    with pytest.raises(ValueError) as caught:
        wb = openpyxl.load_workbook(folder / "lachbom.xlsx", read_only=True)
        for ws in wb.worksheets:
            list(ws.iter_rows(values_only=True))
    error = caught.value
    assert isinstance(error, DefusedXmlException) or \
        isinstance(error.__cause__, DefusedXmlException), repr(error)
    _c, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 50_000_000


def test_assessor_form_in_the_candidacy_folder_is_redirected(inbox, tmp_path):
    from pipeline_support import assessor_forms, import_forms

    book, _folder = inbox
    mem = memory_book(book)
    out = assessor_forms(mem, tmp_path / "beoordeling")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(out.files[0], folder / "verkeerd.xlsx")
    result = import_forms(mem, folder)
    assert len(result.data["problems"]) == 1
    assert result.data["problems"][0].startswith("verkeerd.xlsx: dit is een beoordelingsformulier")
    assert not result.changed


def test_bombs_bounded_in_process_memory_including_c(inbox):
    """ru_maxrss of a fresh process also counts zlib's and libxml's C memory (tracemalloc does not)."""
    import subprocess
    import sys

    from conftest import ROOT

    _book, folder = inbox
    code = (
        "import resource, sys, time\n"
        "from pathlib import Path\n"
        "from partnerkeuze.io.forms.form_book import open_form\n"
        "from partnerkeuze.io.forms.safety import FormRefused\n"
        "import openpyxl, zipfile\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "t0 = time.perf_counter()\n"
        "for name in sys.argv[2:]:\n"
        "    try:\n"
        "        open_form(Path(sys.argv[1]) / name)\n"
        "        raise SystemExit('accepted ' + name)\n"
        "    except FormRefused:\n"
        "        pass\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print((peak - base) * 1024, time.perf_counter() - t0)\n")
    proc = subprocess.run([sys.executable, "-c", code, str(folder), "zipbom.xlsx",
                           "kleine-zipbom.xlsx", "liegende-zip.xlsx", "lachbom.xlsx"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    grown, seconds = proc.stdout.split()
    assert int(grown) < 30_000_000, f"grew {int(grown) / 1e6:.1f} MB"
    assert float(seconds) < 10
