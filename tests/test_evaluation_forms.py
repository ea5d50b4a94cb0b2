"""Evaluation mode: questionnaires of both partners out and back (openpyxl and LibreOffice),
the radar means equal to the means computed from the forms, and bad input refused."""

from __future__ import annotations

import random
import shutil

import pytest
from openpyxl import load_workbook

from conftest import run_cli
from evaluation_support import fill_questionnaire, open_round_workbook, read_link, score_cells
from lo import convert

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop

KINDS = ("wat we willen bereiken", "wat we van elkaar verwachten", "wat we zelf bijdragen")


@pytest.fixture
def open_round(tmp_path):
    """(workbook, folder of the two questionnaires of round R2) of the demo link."""
    path = open_round_workbook(tmp_path / "evaluatie.xlsx")
    out = run_cli("forms", path, "--out", tmp_path / "forms")
    assert out.returncode == 0, out.stderr
    return path, tmp_path / "forms"


def test_new_evaluation_workbook_has_its_sheets_and_checks(tmp_path):
    from partnerkeuze import layout

    path = tmp_path / "leeg.xlsx"
    assert run_cli("new", path, "--mode", "evaluatie").returncode == 0
    wb = load_workbook(path)
    assert wb.sheetnames == [s.name for s in layout.sheets_for("evaluatie")]
    assert "Criteria" not in wb.sheetnames and "Basisbegrippen" in wb.sheetnames
    assert wb["Start"]["A1"].value == "Partnerkeuze: een stedenband samen evalueren"
    settings = wb["Instellingen"]
    shown = [settings.cell(r, 1).value for r in range(5, settings.max_row + 1)
             if settings.cell(r, 1).value and not settings.row_dimensions[r].hidden]
    assert shown == ["mode"] and settings["C5"].value == "evaluatie stedenband"
    risks = [r for r in wb["Risico's"].iter_rows(min_row=5, values_only=True) if r[0]]
    assert [r[0] for r in risks] == ["R1", "R2", "R3", "R4", "R5", "R6", "R7"]
    assert "Europese subsidies" in risks[3][1]
    out = run_cli("check", path)
    assert out.returncode == 1
    assert "Basisbegrippen!A5: er zijn geen basisbegrippen" in out.stderr
    assert "Stedenband!C" in out.stderr  # the link's required fields are named by cell

    demo = tmp_path / "demo.xlsx"
    assert run_cli("new", demo, "--mode", "evaluatie", "--demo").returncode == 0
    out = run_cli("check", demo)
    assert out.returncode == 0, out.stderr
    assert "8 basisbegrippen, 12 evaluatievragen, 2 ronde(s)" in out.stdout


def test_questionnaires_of_both_partners_filled_and_imported(open_round, tmp_path):
    from partnerkeuze.features.evaluation.analysis import analyse, radar_table

    path, forms = open_round
    names = sorted(p.name for p in forms.iterdir())
    assert names == ["evaluatie_BRA-TAR_R2_partner_es.xlsx", "evaluatie_BRA-TAR_R2_vlaanderen_nl.xlsx"]
    nl, es = forms / names[1], forms / names[0]
    # The partner's questionnaire is in Spanish, with the concepts in Spanish.
    ws = load_workbook(es).worksheets[0]
    shown = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert "Evaluación del hermanamiento" in shown and "Apropiación" in shown
    link = read_link(path)
    items = [i.id for i in link.items]
    rng = random.Random(18)
    filled: dict[tuple[str, str], list[float]] = {}
    back = tmp_path / "terug"
    people = [("Vlaanderen", nl, "Schepen A"), ("Vlaanderen", nl, "Ambtenaar B"),
              ("partner", es, "Alcaldesa C"), ("partner", es, "Técnico D")]
    for n, (side, form, who) in enumerate(people):
        scores = {i: rng.randint(1, 5) for i in items}
        for i, v in scores.items():
            filled.setdefault((side, i), []).append(v)
        target = back / f"{n}_{form.name}"
        fill_questionnaire(form, target, who, scores, {"B2": "=1+1 blijft tekst"},
                           {KINDS[0]: f"Doel van {who}"})
        if n == 3:  # the last participant saved the form in LibreOffice
            lo_copy = convert(target, "xlsx", tmp_path / "lo")
            target.unlink()
            shutil.move(lo_copy, back / f"lo_{form.name}")
    before_forms = {p.name: p.read_bytes() for p in back.iterdir()}
    out = run_cli("import", path, back)
    assert out.returncode == 0, out.stderr
    assert "4 vragenlijst(en) ingelezen" in out.stdout
    assert {p.name: p.read_bytes() for p in back.iterdir()} == before_forms

    link = read_link(path)
    result = analyse(link)
    assert result.round["id"] == "R2" and result.previous["id"] == "R1"
    for side in ("Vlaanderen", "partner"):
        for i in items:
            expected = sum(filled[(side, i)]) / len(filled[(side, i)])
            assert result.means[side][i] == pytest.approx(expected), (side, i)
    for row in radar_table(link, result):
        assert row["flemish"] == pytest.approx(sum(filled[("Vlaanderen", row["id"])]) / 2)
        assert row["partner"] == pytest.approx(sum(filled[("partner", row["id"])]) / 2)
    # Provenance and text that looks like a formula stays text.
    wb = load_workbook(path)
    answers = [r for r in wb["Evaluatieantwoorden"].iter_rows(min_row=5, values_only=True)
               if r[0] == "R2"]
    assert {r[9] for r in answers} >= {"lo_evaluatie_BRA-TAR_R2_partner_es.xlsx"}
    assert all(r[10] and r[11] for r in answers)
    assert {r[7] for r in answers} == {"nee"}  # nobody agreed to be named: the default
    comments = [r[5] for r in answers if r[3] == "B2" and r[5]]
    assert comments and all(c == "=1+1 blijft tekst" for c in comments)
    ws = wb["Evaluatieantwoorden"]
    assert all(c.data_type == "s" for row in ws.iter_rows(min_row=5, min_col=6, max_col=6)
               for c in row if c.value)
    invoer = [r for r in wb["Invoer"].iter_rows(min_row=5, values_only=True) if r[0]]
    assert len(invoer) == 4 and all(r[0] == "evaluatie" for r in invoer)
    expectations = [r for r in wb["Verwachtingen"].iter_rows(min_row=5, values_only=True)
                    if r[0] == "R2"]
    assert sorted(r[3] for r in expectations) == sorted(f"Doel van {p[2]}" for p in people)
    # A second import of the same files changes nothing.
    before = path.read_bytes()
    again = run_cli("import", path, back)
    assert again.returncode == 0 and "al ingelezen" in again.stdout
    assert path.read_bytes() == before


def _one_form(open_round, tmp_path, change, name=None):
    path, forms = open_round
    form = forms / "evaluatie_BRA-TAR_R2_partner_es.xlsx"
    link = read_link(path)
    scores = {i.id: 3 for i in link.items}
    back = tmp_path / "terug"
    target = fill_questionnaire(form, back / (name or form.name), "Concejal", scores)
    change(target, score_cells(form))
    return path, back, target


def _refused(path, back, expected: list[str]):
    before = path.read_bytes()
    forms_before = {p.name: p.read_bytes() for p in back.iterdir()}
    out = run_cli("import", path, back)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "Traceback" not in out.stderr
    for text in expected:
        assert text in out.stderr, out.stderr
    assert path.read_bytes() == before
    assert {p.name: p.read_bytes() for p in back.iterdir()} == forms_before
    return out.stderr


def _set(target, ref, value, sheet=0):
    wb = load_workbook(target)
    ws = wb.worksheets[sheet] if isinstance(sheet, int) else wb[sheet]
    ws[ref] = value
    wb.save(target)


def test_scale_out_of_range_is_refused_with_file_and_cell(open_round, tmp_path):
    path, back, target = _one_form(open_round, tmp_path,
                                   lambda t, cells: _set(t, cells["B3"], 7))
    cell = score_cells(target)["B3"]
    _refused(path, back, [f"{target.name}!{cell}: score 7 ligt buiten de schaal 1-5"])


def test_empty_concept_is_refused_with_file_and_cell(open_round, tmp_path):
    path, back, target = _one_form(open_round, tmp_path,
                                   lambda t, cells: _set(t, cells["B5"], None))
    cell = score_cells(target)["B5"]
    _refused(path, back, [f"{target.name}!{cell}: geen score voor het basisbegrip "
                          f"'Betrokkenheid'"])


def test_text_instead_of_a_score_is_refused(open_round, tmp_path):
    path, back, target = _one_form(open_round, tmp_path,
                                   lambda t, cells: _set(t, cells["L1"], "veel"))
    _refused(path, back, [f"{target.name}!{score_cells(target)['L1']}: 'veel' is geen score"])


def _meta_row(target, key: str, value: str):
    wb = load_workbook(target)
    ws = wb["pk"]
    for row in ws.iter_rows():
        if row[0].value == key:
            row[1].value = value
    wb.save(target)


def test_form_of_another_round_is_refused(open_round, tmp_path):
    path, back, target = _one_form(open_round, tmp_path,
                                   lambda t, cells: _meta_row(t, "round", "R1"))
    _refused(path, back, [f"{target.name}!A2: deze vragenlijst hoort bij ronde 'R1'"])


def test_form_of_another_link_is_refused_and_good_forms_wait(open_round, tmp_path):
    path, back, target = _one_form(open_round, tmp_path,
                                   lambda t, cells: _meta_row(t, "link_id", "HER-NIM"),
                                   name="andere.xlsx")
    # A good questionnaire in the same folder is not read either: the import changes nothing.
    _path, forms = open_round
    link = read_link(path)
    fill_questionnaire(forms / "evaluatie_BRA-TAR_R2_vlaanderen_nl.xlsx", back / "goed.xlsx",
                       "Schepen", {i.id: 4 for i in link.items})
    err = _refused(path, back, ["andere.xlsx!A1: deze vragenlijst hoort bij de stedenband "
                                "'HER-NIM', niet bij 'BRA-TAR'"])
    assert "goed.xlsx!" not in err and "1 probleem" in err


def test_broken_and_foreign_files_are_named(open_round, tmp_path):
    path, _forms = open_round
    back = tmp_path / "terug"
    back.mkdir()
    (back / "kapot.xlsx").write_bytes(b"PK\x03\x04 niet echt")
    (back / "brief.xlsx").write_bytes((tmp_path / "forms" /
                                       "evaluatie_BRA-TAR_R2_partner_es.xlsx").read_bytes()[:200])
    _refused(path, back, ["kapot.xlsx: ", "brief.xlsx: "])


def test_forms_and_import_need_an_evaluation_round(tmp_path):
    path = tmp_path / "leeg.xlsx"
    assert run_cli("new", path, "--mode", "evaluatie").returncode == 0
    before = path.read_bytes()
    out = run_cli("forms", path, "--out", tmp_path / "f")
    assert out.returncode == 1 and "Stedenband!" in out.stderr
    assert path.read_bytes() == before


def test_committed_blank_evaluation_workbook_matches_the_layout():
    from pathlib import Path

    from partnerkeuze import layout

    wb = load_workbook(Path(__file__).resolve().parents[1] / "workbook" /
                       "Partnerkeuze-evaluatie.xlsx")
    assert wb.sheetnames == [s.name for s in layout.sheets_for("evaluatie")]
    for sheet in layout.sheets_for("evaluatie"):
        if sheet.table is not None:
            ws = wb[sheet.name]
            headers = [ws.cell(sheet.table.header_row, sheet.table.first_col + i).value
                       for i in range(len(sheet.table.columns))]
            assert headers == [c.header for c in sheet.table.columns], sheet.name


@pytest.mark.parametrize("command", [("score",), ("dossier", "--out", "d"), ("plan",),
                                     ("freeze",), ("assessor-forms", "--out", "d")])
def test_commands_of_a_call_refuse_an_evaluation_workbook(command, tmp_path):
    path = tmp_path / "band.xlsx"
    assert run_cli("new", path, "--mode", "evaluatie", "--demo").returncode == 0
    before = path.read_bytes()
    args = [a if a != "d" else tmp_path / "d" for a in command[1:]]
    out = run_cli(command[0], path, *args)
    assert out.returncode == 1, out.stderr
    assert "Instellingen!C5: deze werkmap is in de modus 'evaluatie stedenband'" in out.stderr
    assert "Onverwachte fout" not in out.stderr
    assert path.read_bytes() == before


def test_check_names_typed_mistakes_by_sheet_and_cell(tmp_path):
    path = tmp_path / "band.xlsx"
    assert run_cli("new", path, "--mode", "evaluatie", "--demo").returncode == 0
    wb = load_workbook(path)
    ws = wb["Evaluatieantwoorden"]
    ws["E5"] = 7  # a score typed outside the scale 1-5
    ws["D6"] = "B9"  # an item that does not exist
    wb["Exitclausule"]["D5"] = "R99"  # an exit trigger whose risk is not in the register
    wb["Basisbegrippen"]["B7"] = None  # an empty concept
    wb.save(path)
    before = path.read_bytes()
    out = run_cli("check", path)
    assert out.returncode == 1
    err = out.stderr
    assert "Evaluatieantwoorden!E5: score 7 ligt buiten de schaal 1-5" in err
    assert "Evaluatieantwoorden!D6: 'B9' is geen basisbegrip of evaluatievraag" in err
    assert "Exitclausule!D5: risico 'R99' staat niet in het risicoregister" in err
    assert "Basisbegrippen!B7: 'Basisbegrip' is verplicht maar leeg" in err
    assert path.read_bytes() == before


@pytest.mark.parametrize("lang,sheet,heading", [("fr", "Évaluation", "Évaluation du jumelage"),
                                                ("en", "Evaluation", "Evaluation of the city link"),
                                                ("nl", "Evaluatie", "Evaluatie van de stedenband")])
def test_partner_questionnaire_in_every_language_comes_back(lang, sheet, heading, tmp_path):
    path = open_round_workbook(tmp_path / "band.xlsx")
    wb = load_workbook(path)
    ws = wb["Stedenband"]
    row = next(r for r in range(5, 40) if ws.cell(r, 1).value == "partner_language")
    ws.cell(row, 3).value = lang
    wb.save(path)
    out = run_cli("forms", path, "--out", tmp_path / "f")
    assert out.returncode == 0, out.stderr
    form = tmp_path / "f" / f"evaluatie_BRA-TAR_R2_partner_{lang}.xlsx"
    fwb = load_workbook(form)
    assert fwb.sheetnames[0] == sheet and fwb[sheet]["A1"].value.startswith(heading)
    link = read_link(path)
    fill_questionnaire(form, tmp_path / "terug" / form.name, "Maire", {i.id: 2 for i in link.items})
    out = run_cli("import", path, tmp_path / "terug")
    assert out.returncode == 0, out.stderr
    rows = [r for r in load_workbook(path)["Evaluatieantwoorden"].iter_rows(min_row=5,
                                                                            values_only=True)
            if r[2] == "Maire"]
    assert len(rows) == len(link.items) and {r[8] for r in rows} == {lang}
    assert {r[1] for r in rows} == {"partner"}


def test_forms_never_overwrite_a_filled_questionnaire(open_round, tmp_path):
    path, forms = open_round
    form = forms / "evaluatie_BRA-TAR_R2_partner_es.xlsx"
    link = read_link(path)
    fill_questionnaire(form, form, "Concejal", {i.id: 3 for i in link.items})
    filled = form.read_bytes()
    before = path.read_bytes()
    out = run_cli("forms", path, "--out", forms)
    assert out.returncode == 2 and "niet overschreven" in out.stderr
    assert form.read_bytes() == filled and path.read_bytes() == before
    # Blank questionnaires of an earlier run are simply written again.
    form.unlink()
    assert run_cli("forms", path, "--out", forms).returncode == 0
    assert run_cli("forms", path, "--out", forms).returncode == 0
