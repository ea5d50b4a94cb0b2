"""Speed of 'import': N filled candidacy forms, as a ratio to only opening them with openpyxl.

Run from the repository root: python bench/intake_import.py [N]. Prints both times and the ratio
(the cost of the defences, matching and patching on top of reading the files).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


def main(n: int = 40) -> float:
    """Build a demo, fill n forms, time the baseline and the import; returns the ratio."""
    from openpyxl import load_workbook

    from intake_support import fill_candidacy
    from partnerkeuze.app.creation import new
    from partnerkeuze.features.intake.actions import forms, import_forms
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    tmp = Path(tempfile.mkdtemp(prefix="bench-intake-"))
    try:
        book_path = tmp / "w.xlsx"
        new(book_path, "stedenband", demo=True)
        book = FileWorkbook(book_path)
        blank = next(p for p in forms(book, tmp / "f").files if p.name.endswith("-en.xlsx"))
        answers = {c: f"Answer {c} " * 40 for c in ("KO1", "C01", "C02", "C03", "C04", "C05",
                                                      "C06", "C07", "C08")}
        for i in range(n):
            fill_candidacy(blank, tmp / "in" / f"form-{i:03d}.xlsx",
                           {"name": f"Town {i}", "country": "Kenya", "channel": "VVSG"}, answers)
        t0 = time.perf_counter()
        for p in sorted((tmp / "in").iterdir()):
            wb = load_workbook(p, read_only=True)
            for ws in wb.worksheets:
                list(ws.iter_rows(values_only=True))
            wb.close()
        baseline = time.perf_counter() - t0
        t0 = time.perf_counter()
        outcome = import_forms(book, tmp / "in")
        elapsed = time.perf_counter() - t0
        assert len(outcome.data["imported"]) == n and not outcome.data["problems"]
        ratio = elapsed / baseline
        print(f"{n} forms: openpyxl read-only {baseline:.2f} s, import {elapsed:.2f} s, "
              f"ratio {ratio:.2f}")
        return ratio
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
