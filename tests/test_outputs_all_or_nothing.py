"""Outputs that are all-or-nothing and honest: a filled-in form is never overwritten, match
--out on a workbook with a picture saves once, a matching without pairs says what it changed."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import run_cli
from intake_support import fill_assessor


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _log_actions(path: Path) -> list[str]:
    ws = load_workbook(path, read_only=True)["Logboek"]
    return [r[3] for r in ws.iter_rows(min_row=5, values_only=True) if r and r[0] is not None]


def test_filled_assessor_form_is_never_overwritten(demo_path, tmp_path):
    out = tmp_path / "formulieren"
    first = run_cli("assessor-forms", demo_path, "--out", out)
    assert first.returncode == 0, first.stderr
    forms = sorted(p for p in out.iterdir() if not p.name.startswith("."))
    filled = next(p for p in forms if "B3" in p.name)
    fill_assessor(filled, filled, {("K12", "C01"): 4})  # the assessor fills it in, same name
    kept = _sha(filled)
    second = run_cli("assessor-forms", demo_path, "--out", out)
    assert second.returncode == 0, second.stderr
    assert _sha(filled) == kept
    said = second.stdout
    assert f"{filled.name} bestaat al en verschilt van wat Partnerkeuze schreef" in said
    assert f"1 bestaand(e) formulier(en) bewaard: {filled.name}" in said
    others = [p for p in forms if p != filled]
    assert all(p.exists() for p in others)
    assert all(p.name in said for p in others)  # the unchanged ones were written again
    merged = run_cli("merge", demo_path, out, "--json")
    assert merged.returncode == 0, merged.stderr
    ws = load_workbook(demo_path, read_only=True)["Scores"]
    assert any(r[:4] == ("K12", "C01", "B3", 4) for r in ws.iter_rows(min_row=5, values_only=True))


def test_foreign_file_with_a_form_name_is_kept(demo_path, tmp_path):
    out = tmp_path / "oproep"
    out.mkdir()
    own = out / "Kandidatuurformulier-nl.xlsx"
    own.write_bytes(b"mijn eigen bestand")
    proc = run_cli("forms", demo_path, "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert own.read_bytes() == b"mijn eigen bestand"
    assert "Kandidatuurformulier-nl.xlsx bestaat al" in proc.stdout
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "Application-form-en.xlsx", "Formulaire-de-candidature-fr.xlsx",
        "Formulario-de-candidatura-es.xlsx", "Kandidatuurformulier-nl.xlsx"]
    log = load_workbook(demo_path, read_only=True)["Logboek"]
    last = [r for r in log.iter_rows(min_row=5, values_only=True) if r and r[0]][-1]
    assert last[3] == "forms" and "Kandidatuurformulier-nl.xlsx" not in (last[6] or "")


@pytest.fixture(scope="module")
def sdg_book(tmp_path_factory):
    from partnerkeuze.app.creation import new

    path = tmp_path_factory.mktemp("sdg") / "sdg.xlsx"
    new(path, "sdg", demo=True)
    return path


def test_match_out_with_a_picture_saves_once(sdg_book, tmp_path):
    from openpyxl.drawing.image import Image
    from PIL import Image as PILImage

    png = tmp_path / "logo.png"
    PILImage.new("RGB", (40, 20), (200, 30, 30)).save(png)
    book = tmp_path / "met-logo.xlsx"
    wb = load_workbook(sdg_book)
    wb["Start"].add_image(Image(str(png)), "H2")
    wb.save(book)
    proc = run_cli("match", book, "--out", tmp_path / "docs")
    assert proc.returncode == 0, proc.stderr
    assert "Onverwachte fout" not in proc.stderr
    docs = sorted((tmp_path / "docs").glob("*.docx"))
    assert len(docs) == 35
    with zipfile.ZipFile(book) as zf:
        assert any(n.startswith("xl/media/") for n in zf.namelist())
    assert _log_actions(book)[-2:] == ["sdg-documents", "match"] or \
        sorted(_log_actions(book)[-2:]) == ["match", "sdg-documents"]


def test_match_without_feasible_pairing_says_what_changed(sdg_book, tmp_path):
    book = tmp_path / "te-streng.xlsx"
    wb = load_workbook(sdg_book)
    for ws in wb.worksheets:
        for row in ws.iter_rows(max_col=3):
            if row[0].value == "min_score":
                row[2].value = 100
    wb.save(book)
    proc = run_cli("match", book, "--out", tmp_path / "docs")
    assert proc.returncode == 0, proc.stderr  # the matching is saved; what is withheld is said
    text = proc.stdout + proc.stderr
    assert "niet gewijzigd" not in text and "voer eerst" not in text
    assert "geen documenten geschreven: er is geen haalbare koppeling" in text
    assert _log_actions(book)[-1] == "match"
    assert not list((tmp_path / "docs").glob("*.docx"))
