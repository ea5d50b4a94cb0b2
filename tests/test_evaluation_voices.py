"""Evaluating a link with both partners' voices (issue 26): a round one side did not answer, the
partner's report entirely in its language (a stop list of Dutch words over the .docx and the
LibreOffice PDF, tables that break between words), comments and expectations attributed, risks
owned on both sides and marked when not yet assessed, the operating-budget warning, regular
rounds, exit triggers dated and tied to a round, a late form of an earlier round, the threshold
of 'gehaald', the radar's labels clear of its legend, the six instruments."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from openpyxl import load_workbook

from conftest import run_cli
from evaluation_support import (CONGO_PARTNER, congo_link, fill_questionnaire, link_workbook,
                                open_round_workbook, read_link, records, store)
from lo import convert

pytestmark = pytest.mark.slow  # LibreOffice and subprocesses: not in the quick loop

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Dutch words that have no business in a French or Spanish report (none is a French or Spanish
# word: 'les', 'principe', 'ronde' and 'de' are left out on purpose).
DUTCH = {
    "het", "een", "van", "niet", "wordt", "werd", "voor", "met", "zijn", "stedenband",
    "stedenbanden", "samenwerking", "gemeente", "partner", "partners", "deelnemer", "deelnemers",
    "verwachting", "verwachtingen", "risico", "risico's", "signaal", "antwoord", "eigenaar",
    "eigenaars", "kans", "overeenkomst", "exitclausule", "budgetlijn", "werkingsbudget", "eigen",
    "middelen", "coördinator", "schepen", "vlaanderen", "gehaald", "voortzetten",
    "heroriënteren", "beëindigen", "geen", "nog", "ook", "bij", "naar", "wij", "onze", "deed",
    "zich", "voordeed", "ingeschat", "kant", "vorige", "deze", "waar", "wat", "verschil",
    "opmerking", "opmerkingen", "begrip", "basisbegrip", "vraag", "subsidie",
    "evaluatieronde", "contactpersoon", "dr", "ja", "nee", "welvaart", "overleg", "samen",
}


def _words(text: str) -> list[str]:
    return [w.strip("'’") for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text.lower())]


def _docx_parts_text(docx: Path) -> dict[str, str]:
    """The text of the body, headers and footers of a .docx, paragraph by paragraph."""
    out = {}
    with zipfile.ZipFile(docx) as z:
        for name in z.namelist():
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                root = ET.fromstring(z.read(name))
                out[name] = "\n".join("".join(t.text or "" for t in p.iter(f"{W}t"))
                                      for p in root.iter(f"{W}p"))
    return out


def _table(docx: Path, first_header: str) -> list[list[str]]:
    """The rows (cell texts) of the table whose first header cell is first_header."""
    with zipfile.ZipFile(docx) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    for tbl in root.iter(f"{W}tbl"):
        rows = [["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in tr.iter(f"{W}tc")]
                for tr in tbl.iter(f"{W}tr")]
        if rows and rows[0] and rows[0][0] == first_header:
            return [r for r in rows if any(r)]
    raise AssertionError(f"no table {first_header}")


def _pdf_text(docx: Path, tmp: Path, layout: bool = False) -> str:
    pdf = convert(docx, "pdf", tmp)
    args = [shutil.which("pdftotext")] + (["-layout"] if layout else []) + [str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout


def _evaluate(path: Path, out: Path) -> subprocess.CompletedProcess:
    proc = run_cli("evaluate", path, "--out", out)
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def congo(tmp_path_factory):
    """The invented link Heidebeek-Kimpese: R2 answered by the Flemish side only, and a copy in
    which both sides answered; both evaluated."""
    base = tmp_path_factory.mktemp("congo")
    one = link_workbook(base / "een-kant.xlsx", congo_link, demo=False)
    both = link_workbook(base / "beide.xlsx",
                         lambda t, f: congo_link(t, f, partner_answers_r2=True), demo=False)
    return {"one": (one, _evaluate(one, base / "een"), base / "een"),
            "both": (both, _evaluate(both, base / "beide"), base / "beide")}


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory):
    """The demo link Brasschaat-Tarija (Spanish) evaluated."""
    base = tmp_path_factory.mktemp("demo")
    path = base / "demo.xlsx"
    assert run_cli("new", path, "--mode", "evaluatie", "--demo").returncode == 0
    return path, _evaluate(path, base / "r"), base / "r"


# ---- 1. both voices ------------------------------------------------------------------------

def test_a_one_sided_round_says_so_first_and_proposes_nothing(congo, tmp_path):
    from partnerkeuze.features.evaluation.analysis import analyse
    from partnerkeuze.features.evaluation.charts import radar_figure
    from partnerkeuze.features.evaluation.report import radar_panels

    path, proc, folder = congo["one"]
    assert "voorstel geen, zolang niet beide partners geantwoord hebben" in proc.stdout
    text = _pdf_text(folder / "Evaluatie_HEI-KIM_R2_nl.docx", tmp_path)
    first_page = " ".join(text.split("\f")[0].split())
    assert ("Let op: in deze ronde beantwoordde Kimpese de vragenlijst niet; alleen de antwoorden "
            "van Heidebeek zijn gekend.") in first_page
    flat = " ".join(text.split())
    assert "Voorstel: geen, zolang niet beide partners geantwoord hebben." in flat
    for said in ("heroriënteren.", "Voorstel: de stedenband voortzetten", "Principes gehaald",
                 "Nergens grote onenigheid", "Gemiddelde van beide partners"):
        assert said not in flat.replace("anders heroriënteren.", ""), said
    assert "Principes: niet te beoordelen zonder de antwoorden van Kimpese." in flat
    assert "Onenigheid tussen de partners: niet te beoordelen zonder de antwoorden van Kimpese." \
        in flat
    assert "Alleen Heidebeek antwoordde: gemiddeld" in flat
    # Who answered, per round and side.
    table = _table(folder / "Evaluatie_HEI-KIM_R2_nl.docx", "Ronde")
    assert table[0] == ["Ronde", "Datum", "Heidebeek", "Kimpese"]
    assert table[-1] == ["R2", "12 maart 2025", "3 van 3: Els Peeters, Bart Claes, Nadia Aerts",
                         "geen antwoorden"]
    assert table[-2][3] == "3 van 3: Thérèse Nsimba, Jean-Pierre Mavungu, Aimée Lukeba"
    # The radar marks the missing side in its legend (and draws no line for it).
    link = read_link(path)
    result = analyse(link)
    assert result.missing == ["partner"] and result.proposal == "wait"
    _axes, panels = radar_panels(link, result, "fr")
    assert panels[-1][1][1] == ("Kimpese\u202f: pas de réponses", None)  # French spacing
    fig = radar_figure(*radar_panels(link, result, "nl"), 1, 5)
    legends = [[t.get_text() for t in ax.get_legend().get_texts()] for ax in fig.axes]
    assert legends == [["Heidebeek", "Kimpese"], ["Heidebeek", "Kimpese: geen antwoorden"]]
    assert len(fig.axes[-1].lines) == 1  # only Heidebeek's line in this round
    out = run_cli("check", path)
    assert "Kimpese beantwoordde de vragenlijst van ronde R2 nog niet" in out.stdout + out.stderr


def test_comments_and_expectations_are_attributed_to_their_side(demo_report, tmp_path):
    _path, _proc, folder = demo_report
    nl = " ".join(_pdf_text(folder / "Evaluatie_BRA-TAR_R2_nl.docx", tmp_path).split())
    # Named only who agreed (Ann Verbruggen); the others by their side.
    assert "Ann Verbruggen (Brasschaat): Tarija koos zelf het project rond waterbronnen." in nl
    assert "een deelnemer van Tarija: De projecten worden nog te veel in Brasschaat gekozen." \
        in nl
    assert "Lucía Flores (Tarija)" not in nl
    assert "Wat Tarija van Brasschaat verwacht: Steun om Europese subsidies en contacten te " \
           "bereiken." in nl
    assert "Wat Brasschaat zelf bijdraagt: Een vast werkingsbudget" in nl
    es = " ".join(_pdf_text(folder / "Evaluatie_BRA-TAR_R2_es.docx", tmp_path).split())
    assert "un participante de Tarija: Los proyectos todavía se eligen demasiado en Brasschaat." \
        in es
    assert "Lo que Brasschaat espera de Tarija: Que Tarija elija sus propias prioridades" in es


def test_consent_to_be_named_comes_from_the_questionnaire(tmp_path):
    path = open_round_workbook(tmp_path / "band.xlsx")
    out = run_cli("forms", path, "--out", tmp_path / "f")
    assert out.returncode == 0, out.stderr
    form = tmp_path / "f" / "evaluatie_BRA-TAR_R2_partner_es.xlsx"
    link = read_link(path)
    target = fill_questionnaire(form, tmp_path / "terug" / form.name, "Lucía Flores",
                                {i.id: 3 for i in link.items}, {"B1": "Bien."})
    wb = load_workbook(target)
    from intake_support import form_cells

    wb.worksheets[0][form_cells(wb)["consent"]] = "sí"
    wb.save(target)
    assert run_cli("import", path, tmp_path / "terug").returncode == 0
    answers = [r for r in records_of(path, "eval_answers")
               if r["participant"] == "Lucía Flores" and r["round"] == "R2"]
    assert answers and {r["name_shown"] for r in answers} == {"ja"}


def records_of(path: Path, key: str) -> list[dict]:
    """The rows of a table of a saved workbook as records."""
    from partnerkeuze import layout

    t = layout.table(key)
    ws = load_workbook(path)[layout.TABLE_SHEET[key].name]
    keys = [c.key for c in t.columns]
    rows = ws.iter_rows(min_row=t.first_data_row, min_col=t.first_col,
                        max_col=t.first_col + len(keys) - 1, values_only=True)
    return [dict(zip(keys, r)) for r in rows if any(v is not None for v in r)]


# ---- 2. the partner's language, entirely ---------------------------------------------------

@pytest.mark.parametrize("case, name, lang", [("congo", "Evaluatie_HEI-KIM_R2_fr.docx", "fr"),
                                              ("demo", "Evaluatie_BRA-TAR_R2_es.docx", "es")])
def test_the_partners_report_holds_no_dutch(case, name, lang, congo, demo_report, tmp_path):
    folder = congo["both"][2] if case == "congo" else demo_report[2]
    docx = folder / name
    parts = _docx_parts_text(docx)
    assert any(k.startswith("word/footer") for k in parts)
    pdf = _pdf_text(docx, tmp_path)
    for where, text in list(parts.items()) + [("PDF", pdf)]:
        found = sorted(set(_words(text)) & DUTCH)
        assert not found, (where, found)
    assert "Congo (DR)" not in pdf and "Vlaanderen" not in pdf
    flat = " ".join(pdf.split())
    if lang == "fr":
        assert "Congo-Kinshasa" in flat or "République démocratique du Congo" in flat
        assert "Compréhension partagée" in flat and "Accord de coopération Heidebeek-Kimpese" \
            in flat
        assert "coordinateur de la coopération internationale" in flat
        assert "pas encore évalué" in flat  # the default risks, not yet assessed
        body = parts["word/document.xml"]  # French typography: a narrow space before : and ;
        assert "\u202f:" in body and not re.search(r"[^\u202f\s][:;](\s|$)| [:;]", body), \
            re.findall(r".{20}[^\u202f][:;](?:\s|$).{0,10}", body)
        assert "E1 L'une des deux administrations décide de ne pas poursuivre la coopération" \
            in flat.replace("**", "") or "L'une des deux administrations" in flat
    else:
        assert "Bolivia" in flat and "Presupuesto operativo del hermanamiento" in flat
        assert "Elecciones o una nueva coalición en Flandes o en el municipio socio." in flat
        assert "Uno de los dos gobiernos locales decide no continuar la cooperación." in flat
    # The document says which language it is in (Word's spelling check).
    with zipfile.ZipFile(docx) as z:
        styles = z.read("word/styles.xml").decode()
    assert f'w:val="{ {"fr": "fr-BE", "es": "es"}[lang] }"' in styles


@pytest.mark.parametrize("case, name, lang", [("congo", "Evaluatie_HEI-KIM_R2_fr.docx", "fr"),
                                              ("demo", "Evaluatie_BRA-TAR_R2_es.docx", "es")])
def test_the_risk_table_breaks_between_words_in_the_pdf(case, name, lang, congo, demo_report,
                                                        tmp_path):
    from partnerkeuze.features.evaluation import texts

    folder = congo["both"][2] if case == "congo" else demo_report[2]
    docx = folder / name
    vocabulary = set()
    for text in _docx_parts_text(docx).values():
        for word in _words(text):
            vocabulary.update({word, *re.split(r"['’-]", word)})
    pdf = _pdf_text(docx, tmp_path)
    t = texts.REPORT[lang]
    start = pdf.index(t["risk_text"])
    risks = pdf[start:pdf.index(t["h_exit"], start)]
    assert "Responsables" in risks or "Eigenaars" in risks
    broken = [w for w in _words(risks) if w not in vocabulary
              and not all(part in vocabulary for part in re.split(r"['’-]", w))]
    assert not broken, broken
    # every table of the report: no word cut in two
    broken = [w for w in _words(pdf) if w not in vocabulary
              and not all(part in vocabulary for part in re.split(r"['’-]", w))]
    assert not broken, broken


def test_check_names_every_missing_translation_before_the_report(tmp_path):
    def change(tables, fields):
        congo_link(tables, fields, partner_answers_r2=True)
        fields["link"]["agreement_partner"] = None
        concepts = tables["concepts"]
        concepts[2] = [concepts[2][0], concepts[2][1], None, concepts[2][3], concepts[2][4]]
        questions = records(tables, "questions")
        questions.append({"id": "L8", "source": "les", "title": "Eigen les",
                          "q_nl": "We evalueren samen en regelmatig."})
        store(tables, "questions", questions)
        budget = records(tables, "budget")
        budget[0]["line_partner"] = None
        store(tables, "budget", budget)
        risks = records(tables, "risks")
        risks.append({"id": "R8", "risk": "De burgemeester verandert van partij.",
                      "owner_flemish": "schepen", "owner_partner": "maire",
                      "trigger": "Een partijwissel.", "response": "Een nieuw gesprek."})
        store(tables, "risks", risks)
        exits = records(tables, "exit_triggers")
        exits.append({"id": "E3", "trigger": "Drie jaar geen werkbezoek.", "risk": "R6",
                      "occurred": "nee"})
        store(tables, "exit_triggers", exits)
        answers = records(tables, "eval_answers")
        flemish = [a for a in answers if a["round"] == "R2" and a["side"] == "Vlaanderen"]
        flemish[0]["comment_translation"] = None
        store(tables, "eval_answers", answers)
        expectations = records(tables, "expectations")
        expectations[0]["translation"] = None
        store(tables, "expectations", expectations)

    path = link_workbook(tmp_path / "vertaling.xlsx", change, demo=False)
    before = path.read_bytes()
    out = run_cli("check", path)
    assert out.returncode == 1
    lines = [line for line in out.stderr.splitlines() if "geen vertaling in het Frans" in line]
    places = {line.split(":")[0] for line in lines}
    expected = {"Stedenband!C13", "Basisbegrippen!C7", "Evaluatievragen!E17", "Budgetlijnen!C5",
                "Risico's!C12", "Risico's!I12", "Risico's!K12", "Exitclausule!C7",
                "Evaluatieantwoorden!G", "Verwachtingen!E5"}
    for place in expected:
        assert any(p.startswith(place) for p in places), (place, lines)
    assert len(lines) == len(expected), lines
    assert all("het rapport voor de partner staat volledig in zijn taal" in line for line in lines)
    # evaluate writes nothing while they are missing; import goes on; forms waits for the
    # concepts and questions the questionnaire shows
    out = run_cli("evaluate", path, "--out", tmp_path / "r")
    assert out.returncode == 1 and not (tmp_path / "r").exists()
    assert "Basisbegrippen!C7: geen vertaling in het Frans van het basisbegrip B3" in out.stderr
    (tmp_path / "leeg").mkdir()
    assert run_cli("import", path, tmp_path / "leeg").returncode == 0
    out = run_cli("forms", path, "--out", tmp_path / "f")
    assert out.returncode == 1 and not (tmp_path / "f").exists()
    assert path.read_bytes() == before
    wb = load_workbook(path)
    wb["Basisbegrippen"]["C7"] = "Égalité"
    wb["Evaluatievragen"]["E17"] = "Nous évaluons ensemble et régulièrement."
    wb.save(path)
    assert run_cli("forms", path, "--out", tmp_path / "f").returncode == 0
    out = run_cli("evaluate", path, "--out", tmp_path / "r")
    assert out.returncode == 1 and "Risico's!I12" in out.stderr


# ---- 3. risks of both partners ------------------------------------------------------------

def test_default_risks_have_an_owner_on_each_side_and_are_not_yet_assessed(congo, tmp_path):
    path = tmp_path / "nieuw.xlsx"
    assert run_cli("new", path, "--mode", "evaluatie").returncode == 0
    risks = records_of(path, "risks")
    assert len(risks) == 7
    assert all(r["owner_flemish"] == "coördinator internationale samenwerking" and
               r["owner_partner"] == "contactpersoon van de partner" for r in risks)
    assert all(r["likelihood"] is None and r["impact"] is None for r in risks)
    exits = records_of(path, "exit_triggers")
    assert [(e["id"], e["risk"], e["occurred"]) for e in exits] == [("E1", "R7", "nee"),
                                                                  ("E2", "R5", "nee")]
    cpath = congo["both"][0]
    out = run_cli("check", cpath)
    assert out.returncode == 0, out.stderr
    assert "kans en impact van R1, R2, R3, R4, R5, R6, R7 zijn nog niet ingeschat" in out.stdout
    nl = " ".join(_pdf_text(congo["both"][2] / "Evaluatie_HEI-KIM_R2_nl.docx", tmp_path).split())
    assert "Wisselende politieke situaties" in nl and "nog niet ingeschat" in nl
    assert "kans 3, impact 3" not in nl
    assert "Heidebeek: coördinator internationale samenwerking" in nl
    assert "Kimpese: contactpersoon van de partner" in nl
    # one owner missing is a problem with its cell
    wb = load_workbook(cpath)
    wb["Risico's"]["G6"] = None
    bad = tmp_path / "eigenaar.xlsx"
    wb.save(bad)
    out = run_cli("check", bad)
    assert out.returncode == 1 and "Risico's!G6: 'Eigenaar partner' is verplicht maar leeg" \
        in out.stderr


def test_a_budget_without_a_fixed_operating_budget_is_said(congo, tmp_path):
    path, _proc, folder = congo["both"]
    out = run_cli("check", path)
    assert "Budgetlijnen: in 2025 is er geen vast werkingsbudget" in out.stdout
    nl = " ".join(_pdf_text(folder / "Evaluatie_HEI-KIM_R2_nl.docx", tmp_path).split())
    assert "In 2025 is er geen vast werkingsbudget: zonder werkingsbudget hangt de samenwerking " \
           "volledig af van de subsidies van het moment." in nl

    def operating(tables, fields):
        congo_link(tables, fields, partner_answers_r2=True)
        budget = records(tables, "budget")
        budget.append({"year": 2025, "line": "Werkingsbudget", "line_partner":
                       "Budget de fonctionnement", "amount": 4000, "kind": "vast werkingsbudget",
                       "side": "Vlaanderen"})
        store(tables, "budget", budget)

    fixed = link_workbook(tmp_path / "werking.xlsx", operating, demo=False)
    out = run_cli("check", fixed)
    assert out.returncode == 0 and "werkingsbudget" not in out.stdout


# ---- 4. regular evaluation ----------------------------------------------------------------

def test_rounds_further_apart_than_the_setting_are_said(congo, tmp_path):
    path, _proc, folder = congo["both"]
    out = run_cli("check", path)
    assert "Evaluatierondes!B6: ronde R2 ligt 48 maanden na ronde R1; evalueer regelmatig, " \
           "hoogstens om de 24 maanden" in out.stdout
    fr = " ".join(_pdf_text(folder / "Evaluatie_HEI-KIM_R2_fr.docx", tmp_path).split())
    assert "Entre le tour R1 (10 mars 2021) et le tour R2 (12 mars 2025), il y a 48 mois" in fr

    def sixty(tables, fields):
        congo_link(tables, fields, partner_answers_r2=True)
        fields["link"]["max_months"] = 60

    ok = link_workbook(tmp_path / "zestig.xlsx", sixty, demo=False)
    out = run_cli("check", ok)
    assert out.returncode == 0 and "maanden na ronde" not in out.stdout


def test_exit_triggers_are_dated_and_tied_to_the_round_that_found_them(tmp_path):
    from partnerkeuze.features.evaluation.analysis import analyse

    def occurred(date, rnd):
        def change(tables, fields):
            exits = records(tables, "exit_triggers")
            exits[0].update(occurred="ja", date=date, round=rnd)
            store(tables, "exit_triggers", exits)
        return change

    bare = link_workbook(tmp_path / "kaal.xlsx", occurred(None, None))
    out = run_cli("check", bare)
    assert out.returncode == 1
    assert "Exitclausule!F5: exittrigger E1 deed zich voor: wanneer?" in out.stderr
    assert "Exitclausule!G5: exittrigger E1 deed zich voor: welke evaluatieronde" in out.stderr
    late = link_workbook(tmp_path / "laat.xlsx", occurred(dt.datetime(2025, 12, 1), "R2"))
    out = run_cli("check", late)
    assert out.returncode == 1 and "Exitclausule!F5: exittrigger E1 deed zich voor op " \
                                   "01/12/2025, na ronde R2" in out.stderr
    good = link_workbook(tmp_path / "goed.xlsx", occurred(dt.datetime(2025, 9, 1), "R2"))
    out = _evaluate(good, tmp_path / "r")
    assert "voorstel de stedenband beëindigen volgens de exitclausule" in out.stdout
    nl = " ".join(_pdf_text(tmp_path / "r" / "Evaluatie_BRA-TAR_R2_nl.docx", tmp_path).split())
    assert "deed zich voor op 1 september 2025 (vastgesteld in ronde R2)" in nl
    es = " ".join(_pdf_text(tmp_path / "r" / "Evaluatie_BRA-TAR_R2_es.docx", tmp_path).split())
    assert "se produjo el 1 de septiembre de 2025 (constatado en la ronda R2)" in es
    # the round before did not know it yet
    link = read_link(good)
    assert analyse(link, "R1").proposal != "end" and analyse(link, "R2").proposal == "end"


def test_a_late_form_of_an_earlier_round_comes_in_with_a_reason(tmp_path):
    from partnerkeuze.features.evaluation.forms import build_form

    path = open_round_workbook(tmp_path / "band.xlsx")
    link = read_link(path)
    r1 = link.round("R1")
    form = tmp_path / "evaluatie_BRA-TAR_R1_partner_es.xlsx"
    build_form(link, r1, "partner", "es", "stedenband@brasschaat.example").save(form)
    back = tmp_path / "terug"
    fill_questionnaire(form, back / form.name, "Carla Rojas", {i.id: 4 for i in link.items})
    before = path.read_bytes()
    out = run_cli("import", path, back)
    assert out.returncode == 1 and path.read_bytes() == before
    assert "deze vragenlijst hoort bij ronde 'R1'; nu worden de antwoorden van ronde 'R2' " \
           "ingelezen. Een te late vragenlijst van een eerdere ronde leest u in die ronde in met " \
           "--reason" in out.stderr
    out = run_cli("import", path, back, "--reason", "de post uit Tarija kwam drie weken later")
    assert out.returncode == 0, out.stderr
    assert "ingelezen in ronde R1; te laat voor ronde R1: de post uit Tarija" in out.stdout
    answers = [r for r in records_of(path, "eval_answers") if r["participant"] == "Carla Rojas"]
    assert len(answers) == len(link.items) and {r["round"] for r in answers} == {"R1"}
    invoer = records_of(path, "imports")
    assert "te laat voor ronde R1: de post uit Tarija kwam drie weken later" in invoer[-1]["result"]
    log = [r for r in load_workbook(path)["Logboek"].iter_rows(min_row=5, values_only=True)
           if r[0]]
    assert "te laat voor ronde R1" in log[-1][4]


def test_the_threshold_of_met_is_a_setting_the_report_states(demo_report, tmp_path):
    _path, _proc, folder = demo_report
    nl = " ".join(_pdf_text(folder / "Evaluatie_BRA-TAR_R2_nl.docx", tmp_path).split())
    assert "Gehaald: beide partners scoren gemiddeld minstens 3 op de schaal van 1 tot 5." in nl

    def stricter(tables, fields):
        fields["link"]["principle_from"] = 3.5

    path = link_workbook(tmp_path / "strenger.xlsx", stricter)
    _evaluate(path, tmp_path / "r")
    es = " ".join(_pdf_text(tmp_path / "r" / "Evaluatie_BRA-TAR_R2_es.docx", tmp_path).split())
    assert "Cumplido: ambos socios puntúan en promedio al menos 3,5 en la escala de 1 a 5." in es
    assert "al menos 3,5 en la escala de 1 a 5)." in es  # the fact behind the proposal too


def test_the_radar_labels_stay_clear_of_the_legend_and_titles(demo_report):
    from partnerkeuze.features.evaluation.analysis import analyse
    from partnerkeuze.features.evaluation.charts import radar_figure
    from partnerkeuze.features.evaluation.report import radar_panels

    link = read_link(demo_report[0])
    result = analyse(link)
    for lang in ("nl", "es"):
        fig = radar_figure(*radar_panels(link, result, lang), 1, 5)
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        labels = [(t, t.get_window_extent(renderer)) for ax in fig.axes
                  for t in ax.get_xticklabels() if t.get_text()]
        assert any(t.get_text().startswith("Transpar") for t, _ in labels)
        others = [ax.get_legend().get_window_extent(renderer) for ax in fig.axes]
        others += [ax.title.get_window_extent(renderer) for ax in fig.axes]
        for label, box in labels:
            assert not any(box.overlaps(o) for o in others), (lang, label.get_text())
            for other, obox in labels:  # the panels' labels never touch each other
                if other is not label:
                    assert not box.overlaps(obox), (lang, label.get_text(), other.get_text())


# ---- 5. the six instruments ---------------------------------------------------------------

def test_the_six_instruments_guide_the_workbook_and_the_questionnaire(tmp_path):
    from partnerkeuze.features.evaluation.instruments import INSTRUMENTS

    names = ["Focusscherper", "Omgevingsscan", "Ambitiebepaler", "Stakeholderanalyse",
             "Trajectontwerper", "Interventieontwerper"]
    assert [i[0] for i in INSTRUMENTS] == names
    path = tmp_path / "band.xlsx"
    assert run_cli("new", path, "--mode", "evaluatie").returncode == 0
    rows = records_of(path, "instruments")
    assert [r["name"] for r in rows] == names
    assert all(r["purpose"] and r["in_round"] and r["sheet"] for r in rows)
    assert rows[0]["purpose"] == "om de topic helder te krijgen"
    start = " ".join(str(c.value) for row in load_workbook(path)["Start"].iter_rows()
                     for c in row if c.value)
    assert "zes basisinstrumenten" in start and "→ Instrumenten" in start
    demo = open_round_workbook(tmp_path / "demo.xlsx")
    assert run_cli("forms", demo, "--out", tmp_path / "f").returncode == 0
    for name, expected in (("evaluatie_BRA-TAR_R2_vlaanderen_nl.xlsx", "Focusscherper: om de "
                                                                        "topic helder te krijgen"),
                           ("evaluatie_BRA-TAR_R2_partner_es.xlsx",
                            "Afinador del foco (Focusscherper): para aclarar el tema")):
        ws = load_workbook(tmp_path / "f" / name).worksheets[0]
        shown = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
        assert expected in shown
        assert sum(any(n in s for s in shown) for n in names) == 6
    assert run_cli("check", demo).returncode == 0


def test_the_evaluation_mission_request_holds_only_evaluation_steps(demo_report, tmp_path):
    from partnerkeuze.core.visits import ADDITIONAL_REASONS, SDG_AFTER

    _path, _proc, folder = demo_report
    text = " ".join(_pdf_text(folder / "Evaluatie_aanvraag_VVSG_BRA-TAR_R2.docx", tmp_path)
                    .split())
    assert "evaluatiemissie (relevantie 2 van 4)" in text
    for step in SDG_AFTER:
        assert step not in text
    assert "Huiswerk" not in text and "uitwisselingssessie" not in text
    assert "Persoonlijk verslag van het werkbezoek." in text
    for n, reason in enumerate(ADDITIONAL_REASONS, start=1):
        mark = "☒" if n in (2, 5) else "☐"  # large disagreement; the workbook ticks 5
        assert f"{mark} {reason}" in text, reason


def test_who_stands_alone_is_named_by_side_not_by_an_internal_label(congo):
    """'isolé: partner: Thérèse Nsimba' leaked the sheet's side and a name without consent."""
    from partnerkeuze.app.creation import build
    from partnerkeuze.core.parse import parse_lenient
    from partnerkeuze.features.evaluation import report
    from partnerkeuze.features.evaluation.analysis import analyse

    link = read_link(congo["both"][0])
    for a in link.answers:  # on B1 in R2 everybody scores 4, except one partner participant
        if a["round"] == "R2" and a["item"] == "B1":
            a["score"] = 1.0 if a["participant"] == CONGO_PARTNER[0] else 4.0
    result = analyse(link)
    gap = next(g for g in result.gaps if g.item.id == "B1")
    assert gap.alone == [("partner", CONGO_PARTNER[0])]
    model = parse_lenient(build("evaluatie").snapshot(), [])
    for lang, said in (("fr", "un participant de Kimpese"), ("nl", "een deelnemer van Kimpese")):
        ctx = report.context(model, link, result, lang, dt.date(2025, 3, 20))
        alone = next(g["alone"] for g in ctx["gaps"] if g["alone"])
        assert alone == said
    for a in link.answers:
        if a["participant"] == CONGO_PARTNER[0]:
            a["name_shown"] = "ja"
    ctx = report.context(model, link, analyse(link), "fr", dt.date(2025, 3, 20))
    assert next(g["alone"] for g in ctx["gaps"] if g["alone"]) == "Thérèse Nsimba (Kimpese)"
