"""The command line and its documentation: help, contract JSON, docs in step with the code."""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import partnerkeuze
from conftest import ROOT, run_cli
from partnerkeuze.app.cli import COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_documented(command):
    out = run_cli(command, "--help")
    assert out.returncode == 0
    assert len(out.stdout.strip().splitlines()) >= 3, out.stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"partnerkeuze {command}" in readme, f"README.md does not document '{command}'"


def test_score_json_follows_the_contract(demo_path):
    out = run_cli("score", demo_path, "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert isinstance(data["criteria_hash"], str) and len(data["criteria_hash"]) == 64
    assert isinstance(data["frozen"], bool)
    assert isinstance(data["warnings"], list)
    keys = {"id", "name", "country", "language", "score", "rank", "shortlisted", "complete",
            "excluded"}
    by_id = {c["id"]: c for c in data["candidates"]}
    for cand in data["candidates"]:
        assert keys <= set(cand)
        assert cand["score"] is None or 0 <= cand["score"] <= 100
    assert data["shortlist"] == [c["id"] for c in data["candidates"] if c["shortlisted"]]
    assert len(data["shortlist"]) == 3
    assert by_id["K13"]["excluded"] and by_id["K13"]["rank"] is None
    assert not by_id["K12"]["complete"] and by_id["K12"]["score"] is None
    assert [by_id[i]["rank"] for i in data["shortlist"]] == [1, 2, 3]
    assert len({c["country"] for c in data["candidates"]}) >= 8
    assert {c["language"] for c in data["candidates"]} == {"nl", "fr", "en", "es"}



def test_new_refuses_to_overwrite(tmp_path):
    path = tmp_path / "oproep.xlsx"
    assert run_cli("new", path).returncode == 0
    before = path.read_bytes()
    out = run_cli("new", path, "--mode", "sdg")
    assert out.returncode == 2 and "bestaat al" in out.stderr
    assert path.read_bytes() == before


def test_workbook_docs_are_current():
    from partnerkeuze.layout.docs import sheets_markdown

    committed = (ROOT / "workbook" / "README.md").read_text(encoding="utf-8")
    assert committed == sheets_markdown(), "run scripts/build_workbooks.py"


@pytest.mark.parametrize("mode", ["stedenband", "sdg"])
def test_committed_blank_workbooks_match_the_layout(mode):
    from openpyxl import load_workbook

    from partnerkeuze import layout

    wb = load_workbook(ROOT / "workbook" / f"Partnerkeuze-{mode}.xlsx")
    assert wb.sheetnames == [s.name for s in layout.sheets_for(mode)]
    for sheet in layout.sheets_for(mode):
        if sheet.table is None:
            continue
        ws = wb[sheet.name]
        headers = [ws.cell(sheet.table.header_row, sheet.table.first_col + i).value
                   for i in range(len(sheet.table.columns))]
        assert headers == [c.header for c in sheet.table.columns], sheet.name


def _modules():
    return sorted(m.name for m in pkgutil.walk_packages(partnerkeuze.__path__, "partnerkeuze.")
                  if not m.name.endswith("__main__"))


def test_every_module_imports_cleanly_in_a_fresh_interpreter():
    code = "import importlib, sys\nfor m in sys.argv[1:]:\n    importlib.import_module(m)\n"
    out = subprocess.run([sys.executable, "-c", code, *_modules()], capture_output=True, text=True,
                         cwd=ROOT)
    assert out.returncode == 0, out.stderr


# Libraries `check` never loads, in any mode: each costs tens of milliseconds to import.
HEAVY = ("docx", "docxtpl", "matplotlib", "scipy", "pandas", "numpy", "openpyxl", "PIL", "babel",
         "xlwings")
# What the check of a call (the path bench/pipeline_speed.py measures against a bare
# interpreter start) also does without: lxml (10 ms; the reader parses with ElementTree),
# dataclasses and inspect (6 ms, and 0.4 ms a class: kernel/plain.py) and tempfile.
LIGHT = ("lxml", "dataclasses", "inspect", "tempfile")


def _modules_of_check(path: Path) -> list[str]:
    """The modules of HEAVY and LIGHT that `check PATH` loaded, in a fresh interpreter."""
    code = ("import json, sys\nfrom partnerkeuze.app.cli import main\n"
            "rc = main(['check', sys.argv[1]])\n"
            f"print(rc, json.dumps([m for m in {HEAVY + LIGHT!r} if m in sys.modules]))\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT), PARTNERKEUZE_USER="test")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                         cwd=ROOT, env=env)
    rc, _, loaded = out.stdout.strip().splitlines()[-1].partition(" ")
    assert rc == "0", out.stdout + out.stderr
    return json.loads(loaded)


def test_check_of_a_call_loads_no_heavy_library_nor_what_it_does_without(demo_path):
    assert _modules_of_check(demo_path) == []


@pytest.mark.parametrize("mode", ["sdg", "evaluatie"])
def test_check_in_the_other_modes_loads_no_heavy_library(mode, tmp_path):
    from partnerkeuze.app.creation import new

    path = tmp_path / f"{mode}.xlsx"
    new(path, mode, demo=True)
    assert [m for m in _modules_of_check(path) if m in HEAVY] == []


def test_every_module_has_a_docstring():
    import importlib

    missing = [m for m in _modules() if not (importlib.import_module(m).__doc__ or "").strip()]
    assert not missing, missing


def test_open_lock_of_libreoffice_is_refused(demo_path):
    lock = demo_path.with_name(".~lock." + demo_path.name + "#")
    lock.write_text("x")
    out = run_cli("score", demo_path)
    assert out.returncode == 2 and "geopend" in out.stderr


def test_successful_score_keeps_a_backup(demo_path):
    before = demo_path.read_bytes()
    assert run_cli("score", demo_path).returncode == 0
    from partnerkeuze.io.saving import backups_of

    (backup,) = backups_of(demo_path)
    assert backup.name.startswith("demo.vorige-")
    assert backup.read_bytes() == before
    assert not list(Path(demo_path.parent).glob(".~pk-*"))
