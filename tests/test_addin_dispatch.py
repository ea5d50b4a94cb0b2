"""The ribbon's dispatch: every button has a handler, a click's real command line reaches it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from addin_helpers import vba_modules_olevba
from conftest import ROOT, run_cli
from runpython_cmd import click_command, windows_argv
from partnerkeuze.app.addin import buttons, ribbon
from partnerkeuze.app.addin.context import Cancelled, Context, RecordingUI
from partnerkeuze.kernel.errors import FileError
from partnerkeuze.io.memory_workbook import MemoryWorkbook

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop

HEAVY = ("docx", "docxtpl", "matplotlib", "scipy")


@pytest.fixture(scope="module")
def vba(tmp_path_factory):
    xlam = tmp_path_factory.mktemp("addin-dispatch") / "Partnerkeuze.xlam"
    assert run_cli("addin", xlam).returncode == 0
    return xlam, vba_modules_olevba(xlam)


def test_every_button_has_a_handler_and_every_handler_a_button():
    assert set(ribbon.HANDLERS) == set(buttons.BUTTON_IDS)
    assert len(buttons.BUTTON_IDS) == len(set(buttons.BUTTON_IDS))
    for button_id in buttons.BUTTON_IDS:
        name = ribbon.handler_name(button_id)
        # every button's work is a handler; the Zelftest clicks the others through the dispatch
        assert name and (name.startswith("partnerkeuze.app.addin.handlers:")
                         or name == "partnerkeuze.app.addin.ribbon:selftest")


def _click(argv, env, cwd):
    return subprocess.run(argv, capture_output=True, text=True, env=env, cwd=cwd, timeout=300)


def _clean_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PARTNERKEUZE_DEBUG")}
    env.update(extra)
    return env


def test_runpython_command_line_of_each_click_reaches_its_handler(vba, tmp_path, demo_path):
    xlam, modules = vba
    jobs = []
    for button_id in buttons.BUTTON_IDS:
        argv, _ = click_command(modules, button_id, active=str(demo_path), addin=str(xlam),
                                pythonpath=str(ROOT))
        assert argv[0] == "python" and argv[1:3] == ["-B", "-c"]
        assert f"r.on_ribbon('{button_id}', '{xlam.name}')" in argv[3]
        trace = tmp_path / f"{button_id}.json"
        env = _clean_env(PARTNERKEUZE_RIBBON_TRACE=str(trace))
        jobs.append((button_id, trace, [sys.executable, *argv[1:]], env))
    with ThreadPoolExecutor(max_workers=4) as pool:
        procs = list(pool.map(lambda j: _click(j[2], j[3], tmp_path), jobs))
    for (button_id, trace, _, _), proc in zip(jobs, procs):
        assert proc.returncode == 0, (button_id, proc.stderr)
        record = json.loads(trace.read_text(encoding="utf-8"))
        assert record["button"] == button_id
        assert record["handler"] == ribbon.handler_name(button_id)
        assert "--from_xl=1" in record["argv"] and f"--wb={demo_path.name}" in record["argv"]


def test_check_click_runs_check_on_the_workbook_in_a_fresh_process(vba, tmp_path, demo_path):
    xlam, modules = vba
    argv, _ = click_command(modules, "check", active=str(demo_path), addin=str(xlam),
                            pythonpath=str(ROOT))
    trace = tmp_path / "check.json"
    env = _clean_env(PARTNERKEUZE_RIBBON_TRACE=str(trace),
                     PARTNERKEUZE_RIBBON_WORKBOOK=str(demo_path))
    before = demo_path.read_bytes()
    proc = _click([sys.executable, *argv[1:]], env, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # on a Mac, anything on stderr would show as an error dialog
    record = json.loads(trace.read_text(encoding="utf-8"))
    kinds = [k for k, _ in record["shown"]]
    assert kinds[0] == "status" and "info" in kinds and "error" not in kinds
    info = [t for k, t in record["shown"] if k == "info"][0]
    assert info.startswith("In orde:") and "13 kandidaten" in info
    assert demo_path.read_bytes() == before


def test_windows_argv_follows_the_c_runtime_rules():
    assert windows_argv(r'a "b c" d\"e "f\\" g\\h') == ["a", "b c", 'd"e', "f\\", "g\\\\h"]


def test_dispatch_and_check_import_no_heavy_libraries(demo_path):
    code = (
        "import json, sys\n"
        "import partnerkeuze.app.addin.ribbon as r\n"
        "from partnerkeuze.app.addin.context import Context, RecordingUI\n"
        "from partnerkeuze.io.memory_workbook import MemoryWorkbook\n"
        "from partnerkeuze.io.xlsx.file_workbook import FileWorkbook\n"
        f"snap = FileWorkbook({str(demo_path)!r}, for_writing=False).snapshot()\n"
        "ui = RecordingUI()\n"
        "out = r.run('check', Context(MemoryWorkbook(snap), ui))\n"
        "print(json.dumps({'ok': out is not None, 'shown': ui.shown, 'modules': sorted(sys.modules)}))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, env=_clean_env(PYTHONPATH=str(ROOT)), timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["ok"]
    loaded = {m.split(".")[0] for m in result["modules"]}
    assert not loaded & set(HEAVY), loaded & set(HEAVY)
    assert "xlwings" not in loaded  # the dispatch itself does not need xlwings either
    assert "partnerkeuze.features.scoring.actions" in result["modules"]


def test_dispatch_module_import_alone_is_light():
    code = "import sys, partnerkeuze.app.addin.ribbon; print(sorted(sys.modules))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env=_clean_env(PYTHONPATH=str(ROOT)), timeout=120)
    loaded = {m.split(".")[0] for m in eval(proc.stdout)}
    assert not loaded & (set(HEAVY) | {"openpyxl", "numpy", "pandas", "xlwings"})


# --- what the user sees: outcome, problems, cancel, bugs ---------------------------------

def _ctx(snapshot=None, **ui):
    from partnerkeuze.kernel.snapshot import Snapshot

    return Context(MemoryWorkbook(snapshot or Snapshot()), RecordingUI(**ui))


def test_problems_show_in_a_dutch_message_box_naming_sheet_and_cell(demo_path):
    from partnerkeuze import layout
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    snap = FileWorkbook(demo_path, for_writing=False).snapshot()
    sheet = layout.sheet("criteria").name
    t = layout.table("criteria")
    rows = [list(r) for r in snap.sheets[sheet]]
    rows[t.first_data_row - 1][t.first_col - 1 + t.index("weight")] = "veel"
    snap.sheets[sheet] = [tuple(r) for r in rows]
    ctx = _ctx(snap)
    assert ribbon.run("check", ctx) is None
    errors = [t for k, t in ctx.ui.shown if k == "error"]
    assert len(errors) == 1
    assert f"{sheet}!" in errors[0] and "Traceback" not in errors[0]
    assert "niets gewijzigd" in errors[0]
    assert ("status", "") in ctx.ui.shown  # the status bar is handed back


def test_unknown_button_and_unexpected_errors_are_plain_dutch(monkeypatch):
    ctx = _ctx()
    ribbon.run("bestaat_niet", ctx)
    assert "Onbekende knop" in ctx.ui.shown[-1][1]

    def broken(_ctx):
        raise ZeroDivisionError("kapot")

    monkeypatch.setitem(ribbon.HANDLERS, "check", broken)
    ctx = _ctx()
    assert ribbon.run("check", ctx) is None
    kind, text = [s for s in ctx.ui.shown if s[0] == "error"][0]
    assert text.startswith("Onverwachte fout (ZeroDivisionError: kapot)")
    assert "Traceback" not in text and "partnerkeuze-fout.log" in text
    assert Path(text.rsplit(": ", 1)[1]).read_text(encoding="utf-8").count("ZeroDivisionError")


def test_cancelled_folder_choice_does_nothing():
    ctx = _ctx(folder=None)
    with pytest.raises(Cancelled):
        ctx.input_folder("Kies een map")
    assert ribbon.run("import_forms", ctx) is None
    assert not [s for s in ctx.ui.shown if s[0] in ("error", "info")]


def test_file_errors_and_long_problem_lists_are_clipped():
    from partnerkeuze.kernel.errors import InputProblems, Problem

    text = ribbon.error_text(InputProblems([Problem(f"Scores!C{i}", "leeg") for i in range(40)]))
    assert text.count("\n") <= ribbon.MAX_LINES + 1 and "nog" in text
    assert len(text) <= ribbon.MAX_CHARS
    assert ribbon.error_text(FileError("x.xlsx: bestand niet gevonden")) == "x.xlsx: bestand niet gevonden"


def test_missing_feature_module_is_a_dutch_message(monkeypatch):
    from partnerkeuze.app.pipeline import run_book
    from test_governance_util import demo_book

    with pytest.raises(FileError, match="niet beschikbaar in de geïnstalleerde versie"):
        run_book("bestaat-niet", demo_book())
