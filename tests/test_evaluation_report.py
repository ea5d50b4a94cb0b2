"""Evaluation mode: the report read back from the LibreOffice PDF in Dutch and in the partner's
language (every concept, the proposal, the risks), the radar picture and its values in a table,
the rule behind the proposal (properties over random rounds), and the demo step."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from xml.etree import ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run_cli
from evaluation_support import read_link
from lo import convert, docx_text_via_pdf

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _pdf_reading_order(docx, tmp) -> str:
    """The text of the LibreOffice PDF of a .docx in reading order (table cells kept whole)."""
    import shutil
    import subprocess

    pdf = convert(docx, "pdf", tmp)
    return subprocess.run([shutil.which("pdftotext"), str(pdf), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _tables(docx) -> list[list[list[str]]]:
    with zipfile.ZipFile(docx) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    out = []
    for tbl in root.iter(f"{W}tbl"):
        rows = []
        for tr in tbl.iter(f"{W}tr"):
            rows.append(["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in tr.iter(f"{W}tc")])
        out.append(rows)
    return out


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The demo evaluation workbook and its evaluation written by the command line."""
    tmp = tmp_path_factory.mktemp("evaluatie")
    path = tmp / "evaluatie.xlsx"
    assert run_cli("new", path, "--mode", "evaluatie", "--demo").returncode == 0
    out = run_cli("evaluate", path, "--out", tmp / "rapport")
    assert out.returncode == 0, out.stderr
    return path, tmp / "rapport", out.stdout


@pytest.mark.parametrize("lang", ["nl", "es"])
def test_report_in_dutch_and_the_partners_language(report, lang, tmp_path):
    from partnerkeuze.features.evaluation import texts
    from partnerkeuze.features.evaluation.analysis import analyse, radar_table

    path, folder, _stdout = report
    link = read_link(path)
    result = analyse(link)
    docx = folder / f"Evaluatie_BRA-TAR_R2_{lang}.docx"
    text = _pdf_reading_order(docx, tmp_path)
    flat = _squash(text)
    for concept in link.concepts:
        assert _squash(concept.text(lang)) in flat, concept.text(lang)
    assert _squash(texts.PROPOSALS[lang][result.proposal]) in flat
    assert result.proposal == "reorient"
    for other in set(texts.PROPOSALS[lang]) - {result.proposal}:
        assert _squash(f"{texts.REPORT[lang]['h_proposal']}: {texts.PROPOSALS[lang][other]}") \
            not in flat
    for risk in link.risks:
        shown = risk["risk"] if lang == "nl" else risk["risk_partner"]
        assert _squash(shown) in flat, shown
    assert _squash(texts.REPORT[lang]["h_mission"]) in flat
    # The rule is stated with this workbook's thresholds.
    assert _squash(texts.RULE[lang].format(continue_from="60", disagree_from="40",
                                           principle_from="3")) in flat
    # The radar picture is in the package and placed in the text.
    with zipfile.ZipFile(docx) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/pk_image")]
        assert media and z.read(media[0])[:8] == b"\x89PNG\r\n\x1a\n"
        rels = z.read("word/_rels/document.xml.rels").decode()
        doc = z.read("word/document.xml").decode()
    rid = re.search(r'Id="(rIdPk\d+)"[^>]*Target="media/pk_image1\.png"', rels) or \
        re.search(r'Target="media/pk_image1\.png"[^>]*Id="(rIdPk\d+)"', rels)
    assert rid and f'r:embed="{rid.group(1)}"' in doc
    # Its values are in the table beside it, equal to the analysis of the round.
    table = next(t for t in _tables(docx) if t[0][0] == texts.REPORT[lang]["concept"])
    body = [r for r in table[1:] if r and r[0]]
    rows = radar_table(link, result)
    assert [r[0] for r in body] == [r["concept"].text(lang) for r in rows]
    for shown, row in zip(body, rows):
        for cell, key in zip(shown[1:], ("prev_flemish", "prev_partner", "flemish", "partner")):
            assert float(cell.replace(",", ".")) == pytest.approx(row[key], abs=0.051)


def test_evaluate_writes_the_vvsg_request_and_logs(report):
    path, folder, stdout = report
    assert "voorstel de stedenband heroriënteren" in stdout
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["Evaluatie_BRA-TAR_R2_es.docx", "Evaluatie_BRA-TAR_R2_nl.docx",
                     "Evaluatie_aanvraag_VVSG_BRA-TAR_R2.docx", "Evaluatie_radar_BRA-TAR_R2.png"]
    text = docx_text_via_pdf(folder / "Evaluatie_aanvraag_VVSG_BRA-TAR_R2.docx")
    assert "evaluatiemissie (relevantie 2 van 4)" in text
    assert "9 maart 2026 tot 20 maart 2026" in text
    assert "Gezamenlijk overleg" not in text
    from openpyxl import load_workbook

    log = [r for r in load_workbook(path)["Logboek"].iter_rows(min_row=5, values_only=True)
           if r[0]]
    assert log[-1][3] == "evaluate" and "heroriënteren" in log[-1][4]
    assert "Evaluatie_BRA-TAR_R2_nl.docx" in log[-1][6]
    out = run_cli("check", path)
    assert out.returncode == 0, out.stderr  # the log chain still holds


def test_evaluate_refuses_a_workbook_of_another_mode(demo_path, tmp_path):
    before = demo_path.read_bytes()
    out = run_cli("evaluate", demo_path, "--out", tmp_path / "x")
    assert out.returncode == 1 and "modus 'evaluatie stedenband'" in out.stderr
    assert demo_path.read_bytes() == before


# ---- the rule behind the proposal, over random rounds -------------------------------------

def _random_link(draw_scores, occurred, n_concepts):
    from partnerkeuze.features.evaluation.frame import QUESTIONS
    from partnerkeuze.features.evaluation.workbook import Item, Link

    concepts = [Item(f"B{i}", "concept", f"Begrip {i}", {"nl": f"Begrip {i}"}, {}, 5 + i)
                for i in range(1, n_concepts + 1)]
    questions = [Item(q[0], q[1], q[2], {"nl": q[3]}, {}, 5 + i) for i, q in enumerate(QUESTIONS)]
    answers = []
    for (side, person, item), score in draw_scores.items():
        answers.append({"round": "R1", "side": side, "participant": person, "item": item,
                        "score": float(score)})
    return Link(values={"link_id": "X", "flemish": "A", "partner": "B", "scale_min": 1,
                        "scale_max": 5, "continue_from": 60, "disagree_from": 40,
                        "principle_from": 3, "partner_language": "fr", "_rows": {}},
                rounds=[{"id": "R1", "date": dt.datetime(2025, 1, 1)}], concepts=concepts,
                questions=questions, answers=answers, expectations=[], risks=[{"id": "R1"}],
                exit_triggers=[{"id": "E1", "risk": "R1", "trigger": "t",
                                "occurred": "ja" if occurred else "nee"}], budget=[])


@st.composite
def rounds(draw):
    n = draw(st.integers(min_value=3, max_value=8))
    items = [f"B{i}" for i in range(1, n + 1)] + ["L1", "L2", "L3", "L4", "L5", "L6", "L7",
                                                  "P1", "P2", "P3", "P4", "P5"]
    scores = {}
    for side in ("Vlaanderen", "partner"):
        for person in range(draw(st.integers(min_value=1, max_value=3))):
            for item in items:
                scores[(side, f"p{person}", item)] = draw(st.integers(min_value=1, max_value=5))
    return n, scores, draw(st.booleans())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rounds())
def test_the_proposal_follows_the_stated_rule(data):
    from partnerkeuze.features.evaluation import report, texts
    from partnerkeuze.features.evaluation.analysis import analyse

    n, scores, occurred = data
    link = _random_link(scores, occurred, n)
    result = analyse(link)

    def mean(side, item):
        vals = [v for (s, _p, i), v in scores.items() if s == side and i == item]
        return sum(vals) / len(vals)

    concept_values = [mean(s, f"B{i}") for i in range(1, n + 1) for s in ("Vlaanderen", "partner")]
    share = 100 * (sum(concept_values) / len(concept_values) - 1) / 4
    items = [f"B{i}" for i in range(1, n + 1)] + [q.id for q in link.questions]
    large = [i for i in items if 100 * abs(mean("Vlaanderen", i) - mean("partner", i)) / 4 >= 40]
    principles_met = all(mean(s, p) >= 3 for p in ("P1", "P2", "P3", "P4", "P5")
                         for s in ("Vlaanderen", "partner"))
    if occurred:
        expected = "end"
    elif share >= 60 - 1e-9 and principles_met and not large:
        expected = "continue"
    else:
        expected = "reorient"
    assert result.proposal == expected
    assert result.share == pytest.approx(share)
    assert {g.item.id for g in result.large_gaps} == set(large)
    facts = " ".join(report.facts(link, result, "nl"))
    shown = f"{share:.1f}".replace(".", ",")
    assert f"{shown} % van de schaal" in facts
    met = sum(all(mean(s, p) >= 3 for s in ("Vlaanderen", "partner"))
              for p in ("P1", "P2", "P3", "P4", "P5"))
    assert f"Principes gehaald: {met} van 5 (beide partners gemiddeld minstens 3 op de schaal " \
           f"van 1 tot 5)." in facts
    assert ("Exittrigger die zich voordeed: E1" in facts) == occurred
    for lang in texts.LANGS:
        assert report.proposal_label(result, lang) == texts.PROPOSALS[lang][expected]


def test_demo_step_writes_the_evaluation_in_a_subfolder(tmp_path):
    from partnerkeuze.app.demo import DEMO_STEPS, runner
    from partnerkeuze.features.evaluation.feature import DEMO_EVALUATION, demo_evaluation

    assert DEMO_EVALUATION in DEMO_STEPS and DEMO_EVALUATION[0] == "Evaluatie van een stedenband"
    files = demo_evaluation(runner(), tmp_path / "x.xlsx", tmp_path, lambda m: None)
    names = {p.relative_to(tmp_path).as_posix() for p in files}
    assert names == {"Evaluatie/Evaluatie-demo.xlsx",
                     "Evaluatie/vragenlijsten/evaluatie_BRA-TAR_R2_vlaanderen_nl.xlsx",
                     "Evaluatie/vragenlijsten/evaluatie_BRA-TAR_R2_partner_es.xlsx",
                     "Evaluatie/Evaluatie_BRA-TAR_R2_nl.docx",
                     "Evaluatie/Evaluatie_BRA-TAR_R2_es.docx",
                     "Evaluatie/Evaluatie_radar_BRA-TAR_R2.png",
                     "Evaluatie/Evaluatie_aanvraag_VVSG_BRA-TAR_R2.docx"}
    link = read_link(tmp_path / "Evaluatie" / "Evaluatie-demo.xlsx")
    assert [r["id"] for r in link.ordered_rounds()] == ["R1", "R2"]
    d1, d2 = (r["date"] for r in link.ordered_rounds())
    assert 360 <= (d2 - d1).days <= 370


def test_ribbon_button_writes_what_the_command_writes(report, tmp_path):
    from partnerkeuze.app.addin import ribbon
    from partnerkeuze.app.addin.buttons import BUTTON_IDS
    from partnerkeuze.app.addin.context import KEY_OUTPUT, Context, RecordingUI
    from partnerkeuze.io.memory_workbook import MemoryWorkbook
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    path, folder, _stdout = report
    assert "evaluate" in BUTTON_IDS
    snap = FileWorkbook(path, for_writing=False).snapshot()
    book = MemoryWorkbook(snap, path.name)
    ui = RecordingUI()
    outcome = ribbon.run("evaluate", Context(book, ui, path, {KEY_OUTPUT: str(tmp_path)}))
    assert outcome is not None, ui.shown
    assert sorted(p.name for p in outcome.files) == sorted(p.name for p in folder.iterdir())
    assert outcome.messages[0] == "Evaluatie van ronde R2: voorstel de stedenband heroriënteren."


def _patched_demo(path, change):
    """The demo evaluation workbook with some tables changed (rows as the sheets hold them)."""
    from partnerkeuze import layout
    from partnerkeuze.app.creation import build
    from partnerkeuze.core.parse import parse_lenient
    from partnerkeuze.kernel.patch import Patch
    from partnerkeuze.io.xlsx.file_workbook import save_atomic

    book = build("evaluatie", demo=True)
    model = parse_lenient(book.snapshot(), [])
    rows = {key: [[r.get(c.key) for c in layout.table(key).columns] for r in model.tables[key]]
            for key in ("rounds", "eval_answers", "expectations", "concepts")}
    change(rows)
    patch = Patch()
    for key, table_rows in rows.items():
        patch.replace_table(key, table_rows)
    book.apply(patch)
    save_atomic(book.wb, path, backup=False)
    return path


def _docx_text(docx) -> str:
    with zipfile.ZipFile(docx) as z:
        root = ET.fromstring(z.read("word/document.xml"))  # well-formed XML or this raises
    return "".join(t.text or "" for t in root.iter(f"{W}t"))


def test_untrusted_text_appears_literally(tmp_path):
    hostile = "<w:p>&amp; {{ 7*7 }} {% if 1 %}x{% endif %} =SUM(A1)\x07 " + "é" * 30

    def change(rows):
        rows["expectations"][-1][3] = hostile
        rows["concepts"][0][2] = "{{ radar }} <b>"

    path = _patched_demo(tmp_path / "band.xlsx", change)
    out = run_cli("evaluate", path, "--out", tmp_path / "r")
    assert out.returncode == 0, out.stderr
    es = _docx_text(tmp_path / "r" / "Evaluatie_BRA-TAR_R2_es.docx")
    assert "<w:p>&amp; {{ 7*7 }} {% if 1 %}x{% endif %} =SUM(A1)" in es
    assert "{{ radar }} <b>" in es and "49" not in es.split("{{ 7*7 }}")[0][-5:]
    nl = _docx_text(tmp_path / "r" / "Evaluatie_BRA-TAR_R2_nl.docx")
    assert "Gedeeld begrip" in nl and "{{ radar }}" not in nl


def test_first_round_has_no_previous_round_and_no_mission(tmp_path):
    def change(rows):
        rows["rounds"] = [r for r in rows["rounds"] if r[0] == "R1"]
        rows["eval_answers"] = [r for r in rows["eval_answers"] if r[0] == "R1"]
        rows["expectations"] = [r for r in rows["expectations"] if r[0] == "R1"]

    path = _patched_demo(tmp_path / "band.xlsx", change)
    out = run_cli("evaluate", path, "--out", tmp_path / "r")
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == [
        "Evaluatie_BRA-TAR_R1_es.docx", "Evaluatie_BRA-TAR_R1_nl.docx",
        "Evaluatie_radar_BRA-TAR_R1.png"]
    text = _docx_text(tmp_path / "r" / "Evaluatie_BRA-TAR_R1_nl.docx")
    # A single round says so once, and nothing speaks of a previous round beside it.
    assert "Er is nog geen vorige ronde: de radar toont deze ronde" in text
    assert text.lower().count("vorige ronde") == 1, text
    assert "Links de vorige ronde" not in text
    assert "Een evaluatiemissie is gepland" not in text
    table = next(t for t in _tables(tmp_path / "r" / "Evaluatie_BRA-TAR_R1_nl.docx")
                 if t[0][0] == "Basisbegrip")
    assert table[0] == ["Basisbegrip", "Brasschaat R1", "Tarija R1"]
    assert all(len(row) == 3 and "–" not in row for row in table[1:] if row and row[0])


def test_no_vvsg_request_when_the_vvsg_is_not_asked(tmp_path):
    def change(rows):
        rows["rounds"][-1][6] = "nee"

    path = _patched_demo(tmp_path / "band.xlsx", change)
    out = run_cli("evaluate", path, "--out", tmp_path / "r")
    assert out.returncode == 0, out.stderr
    names = sorted(p.name for p in (tmp_path / "r").iterdir())
    assert not any("aanvraag" in n for n in names)
    text = _docx_text(tmp_path / "r" / "Evaluatie_BRA-TAR_R2_nl.docx")
    assert "Een evaluatiemissie is gepland van" in text
    assert "De aanvraag aan de VVSG" not in text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rounds(), st.sampled_from(["Vlaanderen", "partner"]),
       st.integers(min_value=1, max_value=60), st.integers(min_value=1, max_value=36))
def test_a_round_one_side_did_not_answer_states_only_what_is_known(data, silent, months, limit):
    """Over random rounds in which one side gave no answer: no proposal but ending under the
    exit clause, no mean said to be both partners', no principle said met, no disagreement said
    absent; the silent side named; rounds further apart than the setting said with the facts."""
    from partnerkeuze.features.evaluation import report
    from partnerkeuze.features.evaluation.analysis import add_months, analyse

    n, scores, occurred = data
    scores = {k: v for k, v in scores.items() if k[0] != silent}
    link = _random_link(scores, occurred, n)
    first = dt.datetime(2020, 1, 15)
    second = add_months(first, months)
    link.rounds = [{"id": "R0", "date": first}, {"id": "R1", "date": second}]
    link.values["max_months"] = limit
    result = analyse(link)
    assert result.missing == [silent]
    assert result.proposal == ("end" if occurred else "wait")
    assert all(p.met is None for p in result.principles + result.lessons)
    facts = " ".join(report.facts(link, result, "nl"))
    name = "A" if silent == "Vlaanderen" else "B"
    assert f"Principes: niet te beoordelen zonder de antwoorden van {name}." in facts
    assert "Principes gehaald" not in facts and "beide partners" not in facts
    assert "Nergens grote onenigheid" not in facts
    assert f"Alleen {'B' if name == 'A' else 'A'} antwoordde" in facts
    said = "Tussen ronde R0 (15 januari 2020) en ronde R1" in facts
    assert said == (months > limit)
    if said:
        assert f"liggen {months} maanden; de partners evalueren hoogstens om de {limit} " \
               f"maanden." in facts
    first_page = report.one_sided(link, result, "nl")
    assert first_page.startswith(f"Let op: in deze ronde beantwoordde {name} de vragenlijst niet")
