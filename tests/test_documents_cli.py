"""The commands questionnaire, dossier and letters: output, log, and errors without harm."""

from __future__ import annotations

import pytest
from conftest import run_cli
from documents_support import docx_text

COMMANDS = ("questionnaire", "dossier", "letters")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_is_dutch_and_names_out(command):
    proc = run_cli(command, "--help")
    assert proc.returncode == 0
    assert "--out" in proc.stdout and "werkmap" in proc.stdout


def test_letters_writes_files_logs_and_saves(demo_path, tmp_path):
    # The demo workbook has no college decision yet (drafts) and K12 left incomplete by the
    # municipality's own assessors (no letter yet, said as a warning; the others are written).
    out = tmp_path / "brieven"
    proc = run_cli("letters", demo_path, "--out", out)
    assert proc.returncode == 0, proc.stderr  # done; what was withheld is said
    assert "ONTWERPEN" in proc.stdout and "ontwerpbrieven geschreven" in proc.stdout
    assert "Brief 13/13" in proc.stderr  # progress per letter
    assert "Let op: K12 (Commewijne) krijgt nog geen brief" in proc.stdout
    assert not list(out.glob("*K12*"))
    assert (out / "ONTWERP_Brief_K04_Bugesera_en.docx").exists()
    assert not (out / "Brief_K04_Bugesera_en.docx").exists()
    text = docx_text(out / "ONTWERP_Brief_K04_Bugesera_en.docx")
    assert "Bugesera" in text and "ONTWERP" in text
    from openpyxl import load_workbook

    ws = load_workbook(demo_path)["Logboek"]
    actions = [row for row in ws.iter_rows(values_only=True) if "letters" in row]
    assert actions and "ONTWERP_Brief_K04_Bugesera_en.docx" in actions[-1][6]


def test_questionnaire_and_dossier_commands(demo_path, tmp_path):
    for command, name in (("questionnaire", "Appel_et_questionnaire_fr.docx"),
                          ("dossier", "Dossier_college.docx")):
        proc = run_cli(command, demo_path, "--out", tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert "Heidebeek" in docx_text(tmp_path / name)


def test_missing_workbook_is_exit_2_in_dutch(tmp_path):
    proc = run_cli("dossier", tmp_path / "nergens.xlsx", "--out", tmp_path)
    assert proc.returncode == 2
    assert "niet gevonden" in proc.stderr and "Traceback" not in proc.stderr


def test_out_is_a_file_leaves_workbook_unchanged(demo_path, tmp_path):
    before = demo_path.read_bytes()
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    proc = run_cli("letters", demo_path, "--out", blocker)
    assert proc.returncode == 2
    assert "geen map" in proc.stderr and "Traceback" not in proc.stderr
    assert demo_path.read_bytes() == before


def test_workbook_open_in_excel_is_refused(demo_path, tmp_path):
    before = demo_path.read_bytes()
    (demo_path.parent / ("~$" + demo_path.name)).write_bytes(b"owner")
    proc = run_cli("questionnaire", demo_path, "--out", tmp_path / "out")
    assert proc.returncode == 2 and "geopend" in proc.stderr
    assert demo_path.read_bytes() == before
    assert not (tmp_path / "out").exists()


def test_bad_template_names_template_and_tag_and_changes_nothing(demo_path, tmp_path):
    import shutil

    from docx import Document

    from partnerkeuze.io.docx.templates import base_folder as templates_dir

    tdir = tmp_path / "sjablonen"
    shutil.copytree(templates_dir(), tdir)
    doc = Document(tdir / "dossier_nl.docx")
    doc.add_paragraph("{{ naam_die_niet_bestaat }}")
    doc.save(tdir / "dossier_nl.docx")
    before = demo_path.read_bytes()
    proc = run_cli("dossier", demo_path, "--out", tmp_path / "out",
                   env={"PARTNERKEUZE_TEMPLATES": str(tdir)})
    assert proc.returncode == 2
    assert "dossier_nl.docx" in proc.stderr and "naam_die_niet_bestaat" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert demo_path.read_bytes() == before
    assert not (tmp_path / "out" / "Dossier_college.docx").exists()



def _png_file(path):
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(1.5, 1))
    ax.text(0.5, 0.5, "LOGO", ha="center")
    fig.savefig(path, format="png")
    plt.close(fig)
    return path


def test_logo_from_profile_in_every_letter_and_bad_logo_warns(tmp_path):
    from partnerkeuze.app.creation import initial_content
    from pipeline_support import letters
    from partnerkeuze.app.creation import build
    from documents_support import docx_root

    logo = _png_file(tmp_path / "logo.png")
    tables, flds = initial_content("stedenband", True)
    flds["profile"]["logo"] = str(logo)
    book = build("stedenband", True, content=(tables, flds))
    outcome = letters(book, tmp_path / "out")
    blip = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
    docpr = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
    for f in outcome.files:
        n = len(docx_root(f).findall(f".//{blip}"))
        if f.name.endswith("Brieven_alle_kandidaten.docx"):  # ONTWERP_ before a decision
            assert n == len(outcome.files) - 1
            ids = [e.get("id") for e in docx_root(f).iter(docpr)]
            assert len(ids) == len(set(ids))
        else:
            assert n == 1, f.name
    flds["profile"]["logo"] = str(tmp_path / "bestaat-niet.png")
    book = build("stedenband", True, content=(tables, flds))
    outcome = letters(book, tmp_path / "out2")
    assert any("logo" in w and "niet gevonden" in w for w in outcome.warnings)
    assert not docx_root(outcome.files[0]).findall(f".//{blip}")


def test_the_college_decision_in_the_record_decides_and_withdrawn_gets_courtesy_letter(tmp_path):
    import datetime as dt

    from partnerkeuze.app.creation import initial_content
    from pipeline_support import letters
    from partnerkeuze.record.procedure import record_patch
    from partnerkeuze.app.creation import build

    tables, flds = initial_content("stedenband", True)
    for row in tables["candidates"]:
        row[9] = {"K07": "Ingetrokken"}.get(row[0], row[9])
    book = build("stedenband", True, content=(tables, flds))
    book.apply(record_patch(book.snapshot(), "college", date=dt.date(2026, 9, 7), partner="K01",
                            number="CBS/2026/240",
                            text="Het college verkiest Tarija om de bestaande contacten.",
                            translations={"fr": "Le collège préfère Tarija pour les contacts "
                                                "existants.",
                                          "en": "The Board prefers Tarija for the existing "
                                                "contacts.",
                                          "es": "El Colegio prefiere Tarija por los contactos "
                                                "existentes."}))
    outcome = letters(book, tmp_path)
    assert outcome.data["partner"] == "K01" and outcome.data["final"] is True
    chosen = docx_text(tmp_path / "Bekendmaking_K01_Tarija_es.docx")
    assert "decidió el 7 de septiembre de 2026 establecer un hermanamiento con Tarija" in chosen
    assert "más alta" not in chosen  # Tarija was third in score: never "the highest score"
    withdrawn = docx_text(tmp_path / "Brief_K07_Ziguinchor_fr.docx")
    assert "retrait de votre candidature" in withdrawn
    assert "sur 100" not in withdrawn
    declined = docx_text(tmp_path / "Brief_K05_Dassa-Zoume_fr.docx")
    assert "jumelage avec Tarija" in declined and "ONTWERP" not in declined
    assert "plus de points que Tarija" in declined
    assert "second tour qualitatif" in declined and "La différence ne tient pas" not in declined
    # the college's own reasoning, quoted in the reader's language (issue 24)
    assert "« Le collège préfère Tarija pour les contacts existants. »" in \
        declined.replace("\u202f", " ")
    assert "«El Colegio prefiere Tarija por los contactos existentes.»" in chosen
