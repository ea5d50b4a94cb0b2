"""The demo (``partnerkeuze demo DIR``, run once per session): a realistic call scored and
decided through the pipeline, with every document, form and the calendar read back."""

from __future__ import annotations

import pytest

from icalendar import Calendar
from openpyxl import load_workbook

from conftest import run_cli
from documents_support import docx_text

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop


def test_the_demo_workbook_is_sound(demo_run):
    book = demo_run / "Partnerkeuze-demo.xlsx"
    assert book.stat().st_size > 10_000
    check = run_cli("check", book)
    assert check.returncode == 0, check.stderr
    assert "In orde" in check.stdout
    assert not list(demo_run.glob("*.vorige*.xlsx"))  # the demo keeps no dated backups


def test_the_demo_writes_every_document(demo_run):
    for name in ("Oproep_en_vragenlijst_nl.docx", "Convocatoria_y_cuestionario_es.docx",
                 "Dossier_college.docx", "Brieven/Brieven_alle_kandidaten.docx",
                 "Brieven/Bekendmaking_K05_Dassa-Zoume_fr.docx"):
        assert "Heidebeek" in docx_text(demo_run / name), name
    assert "ONTWERP" not in docx_text(demo_run / "Brieven/Bekendmaking_K05_Dassa-Zoume_fr.docx")


def test_the_demo_writes_the_forms(demo_run):
    cand = sorted(p.name for p in (demo_run / "kandidatuurformulieren").iterdir()
                  if not p.name.startswith("."))
    assert cand == ["Application-form-en.xlsx", "Formulaire-de-candidature-fr.xlsx",
                    "Formulario-de-candidatura-es.xlsx", "Kandidatuurformulier-nl.xlsx"]
    ass = sorted(p for p in (demo_run / "beoordelingsformulieren").iterdir()
                 if not p.name.startswith("."))
    assert len(ass) == 3
    assert load_workbook(ass[0])["pk"]["B1"].value == "beoordeling"


def test_the_demo_writes_the_calendar_and_the_gantt(demo_run):
    cal = Calendar.from_ical((demo_run / "planning.ics").read_bytes())
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert "S14 Goedkeuring door de gemeenteraad" in summaries
    assert (demo_run / "planning-gantt.png").read_bytes()[:4] == b"\x89PNG"


def test_the_demo_decision_is_recorded_with_its_receipt(demo_run):
    import json

    receipt = demo_run / "Partnerkeuze-demo.xlsx.verankering.json"
    data = json.loads(receipt.read_text(encoding="utf-8"))
    assert [r["what"] for r in data["ontvangstbewijzen"]][-2:] == ["gros", "college"]
    check = run_cli("check", demo_run / "Partnerkeuze-demo.xlsx", "--against", receipt)
    assert check.returncode == 0, check.stderr
