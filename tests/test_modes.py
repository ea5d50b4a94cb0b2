"""Both modes get their own steps on the Start sheet, and `letters` follows the mode."""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree as ET

import pytest
from openpyxl import load_workbook

from conftest import run_cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_text(path) -> str:
    with zipfile.ZipFile(path) as zf:
        root = ET.fromstring(zf.read("word/document.xml"))
    return " ".join(t.text or "" for t in root.iter(f"{W}t"))


@pytest.mark.parametrize("mode,expected,absent", [
    ("stedenband", "drie maanden", "SDG-koppeling"),
    ("sdg", "SDG-koppeling", "drie maanden"),
])
def test_start_sheet_lists_the_steps_of_the_mode(tmp_path, mode, expected, absent):
    path = tmp_path / f"{mode}.xlsx"
    assert run_cli("new", path, "--mode", mode).returncode == 0
    ws = load_workbook(path)["Start"]
    text = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert expected in text and absent not in text
    links = [c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink]
    names = load_workbook(path).sheetnames
    def sheet_of(location: str) -> str:
        name = location.rsplit("!", 1)[0]
        return name[1:-1].replace("''", "'") if name.startswith("'") else name

    assert links and all(sheet_of(l) in names for l in links)


def test_letters_in_sdg_mode_announce_the_matches(tmp_path):
    path = tmp_path / "sdg.xlsx"
    assert run_cli("new", path, "--mode", "sdg", "--demo").returncode == 0
    assert run_cli("match", path).returncode == 0
    out = run_cli("letters", path, "--out", tmp_path / "brieven")
    assert out.returncode == 0, out.stderr
    files = sorted((tmp_path / "brieven").glob("*.docx"))
    assert any("overeenkomst" in f.name.lower() for f in files), [f.name for f in files]
    french = [f for f in files if f.stem.endswith("_fr") and "brief" in f.stem]
    assert french, [f.name for f in files]
    for letter in french:
        text = _docx_text(letter)
        # greets the contact by name, with the form of address (Partners Zuid 'Aanspreking')
        assert ("Chère Madame" in text or "Cher Monsieur" in text) and "salutations" in text
        assert "Bénin" in text or "Rwanda" in text
