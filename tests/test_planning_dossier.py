"""The planning for the dossier (steps and the Gantt picture), the check hook, the demo step and
the lazy imports of the planning modules."""

from __future__ import annotations

import datetime as dt
import io

from partnerkeuze.core.assessment import evaluate
from partnerkeuze.core.parse import parse
from partnerkeuze.features.planning.dossier import dossier_context
from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

from conftest import run_cli, run_python


def test_dossier_context_has_steps_and_a_png(demo_path):
    book = FileWorkbook(demo_path, for_writing=False)
    snap = book.snapshot()
    model = parse(snap)
    ctx = dossier_context(model, snap, evaluate(model), today=dt.date(2026, 7, 1))
    steps = ctx["planning"]["steps"]
    assert [s["name"] for s in steps][:2] == ["Profiel opstellen eigen gemeente",
                                            "Oplijsting beoordelingscriteria en gewichten"]
    council = [s for s in steps if s["body"] == "Gemeenteraad"]
    assert council and all(s["end"] == s["meeting"] for s in council)
    assert all(isinstance(s["start"], dt.date) and s["start"] <= s["end"] for s in steps)
    assert ctx["planning"]["deadline"] == dt.date(2026, 6, 2)
    png = ctx["planning"]["gantt_png"]
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    import matplotlib.image as mpimg

    img = mpimg.imread(io.BytesIO(png), format="png")
    assert img.shape[1] > 800 and img.shape[0] > 400
    # the 'done' green of the bars is in the picture
    green = (abs(img[..., 0] - 0x70 / 255) < 0.02) & (abs(img[..., 1] - 0xAD / 255) < 0.02)
    assert green.sum() > 500


def test_check_reports_planning_problems(demo_path):
    from openpyxl import load_workbook

    from partnerkeuze.io.xlsx.file_workbook import save_atomic

    wb = load_workbook(demo_path)
    wb["Planning"]["E6"] = "S02"  # S02 waits on itself
    save_atomic(wb, demo_path, backup=False)
    proc = run_cli("check", demo_path)
    assert proc.returncode == 1
    assert "Planning!E6: stap S02 kan niet op zichzelf wachten" in proc.stderr



def test_planning_modules_import_lightly():
    code = ("import sys, partnerkeuze.features.planning.actions, partnerkeuze.app.cli.cmd_plan, "
            "partnerkeuze.app.cli.cmd_remind, partnerkeuze.features.planning.dossier, "
            "partnerkeuze.layout.planning\n"
            "heavy = [m for m in ('matplotlib', 'icalendar', 'holidays', 'schedule', 'smtplib', "
            "'babel') if m in sys.modules]\n"
            "print(heavy)")
    out = run_python(code)
    assert out.stdout.strip() == "[]"
