"""The ribbon's Zelftest: the VBA glue as extracted from the built add-in, the Python side of every
step (run here on the demo files instead of live Excel workbooks), and the report's format.
What only Excel can show (the cells it calculates, its dialogs) is what the report brings back."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from addin_helpers import lf, part, subs_of, vba_modules_olevba
from conftest import ROOT, run_cli
from runpython_cmd import statement, vba_eval
from partnerkeuze.app.addin import buttons, ribbon
from partnerkeuze.app.addin.selftest import (
    ERROR,
    NOTICE,
    OK,
    UDF_CASES,
    StepResult,
    VbaRecord,
    button_order,
    parse_vba,
    report_text,
    same_value)


@pytest.fixture(scope="module")
def modules(tmp_path_factory):
    xlam = tmp_path_factory.mktemp("addin-selftest") / "Partnerkeuze.xlam"
    assert run_cli("addin", xlam).returncode == 0
    return xlam, {k: lf(v) for k, v in vba_modules_olevba(xlam).items()}


def test_the_ribbon_has_a_zelftest_button_handled_by_the_vba_glue(modules):
    xlam, mods = modules
    ui = part(xlam, "customUI/customUI14.xml").decode("utf-8")
    assert re.search(r'<button id="selftest" label="Zelftest" [^>]*onAction="PartnerkeuzeRibbon.'
                     r'OnRibbon"', ui)
    on_ribbon = mods["PartnerkeuzeRibbon"]
    # the self-test branches off before the generic RunPython of the other buttons
    assert on_ribbon.index('If control.Id = "selftest" Then') < on_ribbon.index("RunPython")
    assert "RunSelfTest" in on_ribbon and "RunSelfTest" in subs_of(mods["PartnerkeuzeSelfTest"])
    assert "selftest" in ribbon.HANDLERS and "selftest" in buttons.BUTTON_IDS


def test_the_vba_calculates_exactly_the_python_list_of_worksheet_functions(modules):
    _, mods = modules
    code = mods["PartnerkeuzeSelfTest"]
    cases = re.findall(r'Case (\d+): udfName = "([^"]+)": udfFormula = "((?:[^"]|"")*)"', code)
    assert [(int(n), name, f.replace('""', '"')) for n, name, f in cases] == \
        [(i, c.name, c.formula) for i, c in enumerate(UDF_CASES, start=1)]
    from test_addin_udfs import NAMES

    assert sorted(c.name for c in UDF_CASES) == sorted(NAMES)  # every worksheet function
    # each one in a cell, every VBA error kept with its number
    assert "ws.Cells(i, 1).Formula2 = udfFormula" in code and ".Calculate" in code
    assert 'Record "udf", udfName, Format(Timer - t, "0.000"), errNum, errText' in code
    assert "errNum = Err.Number" in code and "Workbooks.Add" in code
    assert "book.Close SaveChanges:=False" in code


def test_macro_options_errors_are_recorded_not_swallowed(modules):
    _, mods = modules
    functions = mods["PartnerkeuzeFunctions"]
    calls = [line for line in functions.split("\n") if "Application.MacroOptions" in line]
    assert len(calls) == len(UDF_CASES)
    lines = functions.split("\n")
    for i, line in enumerate(lines):
        if "Application.MacroOptions" in line:
            assert lines[i + 1].strip().startswith("If Err.Number <> 0 Then failures = failures")
    assert "Public MacroOptionsStatus As String" in functions
    assert 'MacroOptionsStatus = "FOUT: " & failures' in functions
    this = mods["ThisWorkbook"]
    assert "On Error Resume Next" not in this and "On Error GoTo failed" in this
    assert 'MacroOptionsStatus = "FOUT " & Err.Number' in this
    assert this.count("ThisWorkbook.Saved = True") == 2  # Excel does not ask to save the add-in
    # and the self-test reports it
    assert 'Record "macrooptions", MacroOptionsStatus' in mods["PartnerkeuzeSelfTest"]


def _py_string(s: str) -> str:
    """The VBA PyString of PartnerkeuzeSelfTest."""
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def test_the_python_side_runs_every_button_and_writes_the_report(modules, tmp_path, demo_path):
    """The RunPython command of the VBA glue, evaluated from the add-in's source, run in a fresh
    interpreter as a traced click: the handler tests every other button on demo copies in the
    folder the VBA chose (a name with spaces and a quote) and writes the report there."""
    xlam, mods = modules
    code = mods["PartnerkeuzeSelfTest"]
    folder = tmp_path / "Partnerkeuze-zelftest van O'Brien"
    folder.mkdir()
    command = vba_eval(statement(code, "RunPython "),
                       {"ThisWorkbook.Name": xlam.name, "folder": str(folder)},
                       {"PyString": _py_string})
    assert command == (f"import partnerkeuze.app.addin.ribbon as r; r.on_ribbon('selftest', "
                       f"{_py_string(xlam.name)}, {_py_string(str(folder))})")
    # what the VBA wrote first: Excel, MacroOptions, the worksheet functions as calculated
    expected = {c.name: c.expected() for c in UDF_CASES}
    vba_lines = ["excel\t16.0 (build 17928)\tWindows (64-bit) NT 10.00\t64\tC:\\x\\Partnerkeuze.xlam",
                 "macrooptions\tin orde: 7 functies beschreven"]
    for name, value in expected.items():
        text = ("TRUE" if value else "FALSE") if isinstance(value, bool) else str(value)
        if name == "PK_WERKDAGEN":  # as Excel would have it wrong, to see it reported
            vba_lines.append(f"udf\t{name}\t0,012\t1004\tToepassings- of objectgedefinieerde fout\t")
        else:
            vba_lines.append(f"udf\t{name}\t0,012\t0\t\t{text}")
    (folder / "zelftest-vba.txt").write_bytes("\r\n".join(vba_lines).encode("cp1252") + b"\r\n")
    trace = tmp_path / "trace.json"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(PARTNERKEUZE_RIBBON_TRACE=str(trace), PARTNERKEUZE_RIBBON_WORKBOOK=str(demo_path),
               PYTHONPATH=str(ROOT), PARTNERKEUZE_PDF="0", USERPROFILE=str(tmp_path))
    before = demo_path.read_bytes()
    proc = subprocess.run([sys.executable, "-c", command], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=900)
    assert proc.returncode == 0, proc.stderr
    assert demo_path.read_bytes() == before  # the user's workbook is not used
    report = (folder / "Zelftest-verslag.txt").read_text(encoding="utf-8-sig")
    rows = {m.group(2): m.group(1) for m in re.finditer(r"^  \[(\w+)\]\s+(\w+)\s", report, re.M)}
    for button in button_order():
        assert button in rows, button
    assert "selftest" not in rows
    # the buttons that must work on the demo do
    for button in ("check", "freeze", "record", "questionnaire", "forms", "assessor_forms",
                   "score", "sensitivity", "dossier", "letters", "plan", "calendar", "new_call",
                   "sdg_match", "evaluate"):
        assert rows[button] == OK, (button, report)
    assert ERROR not in {rows[b] for b in button_order()}, report
    # documents went into the test folder, nothing beside the user's workbook
    assert list((folder / "uit" / "questionnaire").glob("*.docx"))
    # (a FileWorkbook stands in for Excel here and keeps its dated backup when a button saves)
    names = {p.name for p in folder.glob("*/Partnerkeuze-demo-*.xlsx") if ".vorige-" not in p.name}
    assert names == {f"Partnerkeuze-demo-{m}.xlsx" for m in ("stedenband", "sdg", "evaluatie")}
    # the worksheet functions: six as Python has them, one with its VBA error number
    for case in UDF_CASES:
        mark = ERROR if case.name == "PK_WERKDAGEN" else OK
        assert re.search(rf"^  \[{mark}\]\s+{case.name} ", report, re.M), report
    assert "VBA-fout 1004: Toepassings- of objectgedefinieerde fout" in report
    assert "Functiebeschrijvingen (Application.MacroOptions bij het openen): in orde: 7 functies" \
        in report
    assert "Excel: 16.0 (build 17928) (64-bits)" in report
    assert re.search(rf"Samenvatting: {len(button_order())} knoppen: \d+ in orde, \d+ met een "
                     rf"melding, 0 met een fout; 7 werkbladfuncties: 6 in orde, 1 met een fout\.",
                     report), report
    # every button's line has its duration
    assert all(re.search(rf"\]\s+{b}\s+.+\s\d+,\d s ", report) for b in button_order())


def _step(button, verdict, shown, seconds=1.25):
    return StepResult(button, button.title(), "stedenband", seconds, verdict, shown)


def test_report_format_names_every_error_with_its_number():
    vba = parse_vba("excel\t16.0\tWindows\t32\tC:\\XLSTART\\Partnerkeuze.xlam\r\n"
                    "macrooptions\tFOUT: PK_RANG: fout 1004 (Methode MacroOptions mislukt); \r\n"
                    "udf\tPK_RANG\t0,5\t0\t\t#NAAM?\r\n"
                    "stap\tpython (knoppen en verslag)\t3,25\t-2147221164\tKlasse niet geregistreerd\r\n")
    steps = [_step("check", OK, [("info", "In orde: 9 criteria")]),
             _step("import_forms", NOTICE, [("pick_folder", "Kies"), ("error", "x.xlsx: leeg\nmeer")]),
             _step("dossier", ERROR, [("error", "Onverwachte fout (KeyError: 'a')")])]
    steps[2].detail = "Traceback (most recent call last):\n  KeyError: 'a'"
    text = report_text(vba, steps, Path("C:/Temp/zt"))
    assert "Excel: 16.0 (32-bits), Windows" in text
    assert "Functiebeschrijvingen (Application.MacroOptions bij het openen): FOUT: PK_RANG: fout " \
           "1004 (Methode MacroOptions mislukt)" in text
    assert "  [OK]      check" in text and "  [MELDING] import_forms" in text
    assert "  [FOUT]    dossier" in text and "Onverwachte fout (KeyError: 'a')" in text
    assert "1,2 s" in text or "1,3 s" in text
    assert "  [FOUT]    PK_RANG" in text and "waarde '#NAAM?', verwacht 3" in text
    assert "  [FOUT]    PK_GEWOGEN_SCORE" in text and "niet uitgevoerd" in text
    assert "VBA-fout -2147221164: Klasse niet geregistreerd" in text
    assert "; 1 VBA-fout(en)." in text
    assert "    technisch:   KeyError: 'a'" in text
    assert "    error: meer" in text  # every line of every message


def test_values_compare_as_excel_writes_them():
    assert same_value("78", 78.0) and same_value("78,0000000001", 78.0)
    assert same_value("FALSE", False) and not same_value("ONWAAR", False)
    assert same_value("K2", "K2") and not same_value("#NAAM?", 3)
    assert parse_vba("onbekend\tx\n") == VbaRecord()


def test_every_worksheet_function_case_gives_a_real_value_in_python():
    for case in UDF_CASES:
        value = case.expected()
        assert value is not None and not str(value).startswith("Fout"), (case.name, value)
        assert case.formula.startswith(f"={case.name}(")
