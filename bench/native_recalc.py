"""How LibreOffice's recalculation of the Scoretabel grows with the size of a call, before and
after issue 14 (per-candidate helper cells), as ratios against LibreOffice opening a blank
workbook in the same run.

Run: python bench/native_recalc.py [N ...]  (from the repository root; default 100 200 400 1000)

- blank:  LibreOffice opens, recalculates and saves a new, empty governed workbook (baseline)
- before: the Scoretabel formulas as they were: every cell runs a SUMIFS and COUNTIFS per
          assessor over all score rows, and two COUNTIFS per assessor over the declarations
- after:  the formulas of governance/native.py: each candidate row finds its own score rows
          once (MATCH, COUNTIF) and every cell reads only those rows
For each N: a call with N candidates, 10 criteria and 3 assessors (N x 30 score rows). 'before'
is measured up to BEFORE_MAX candidates and stops once one run passes BEFORE_LIMIT seconds (it
grows with N squared: 100 -> 200 candidates took it from 100 s to 387 s on the CI machine).

Measured on the shared 2-core development machine (27/11/2026), blank workbook 7.5 s = 1.0x:
      N  score rows   before            after
    100        3000   113.7 s  15.2x     9.1 s  1.2x
    200        6000   386.7 s  44.1x    10.0 s  1.1x  (other run, blank 8.8 s)
    400       12000   not measured      14.8 s  2.0x
   1000       30000   not measured      36.1 s  4.8x
After: the time above the blank workbook grows about 4x from 400 to 1000 candidates (N^1.5,
from the one MATCH and COUNTIF per candidate over all score rows); before: 4x from 100 to 200
(N^2), so 1000 candidates would take hours.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CRITERIA, ASSESSORS = 10, 3
BEFORE_LIMIT = 240.0
BEFORE_MAX = 200


def lo_recalc_seconds(path: Path) -> float:
    """Seconds for LibreOffice headless to open, recalculate and save a workbook as .xlsx."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    profile = Path(tempfile.mkdtemp(prefix="lo-bench-"))
    out = Path(tempfile.mkdtemp(prefix="lo-bench-out-"))
    t = time.perf_counter()
    subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "xlsx", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=3600)
    seconds = time.perf_counter() - t
    shutil.rmtree(profile, ignore_errors=True)
    if not (out / path.name).exists():
        raise RuntimeError(f"LibreOffice did not convert {path}")
    return seconds


def legacy_mean(cand: str, crit: str, last_score_row: int, last_assessor_row: int,
                last_conflict_row: int) -> str:
    """The mean formula before issue 14: fixed ranges, per-cell conflict look-ups."""
    s = lambda c, last: f"Scores!${c}$5:${c}${last}"  # noqa: E731
    S, C, K, A = (s(c, last_score_row) for c in "DABC")
    aid = f"Beoordelaars!$A$5:$A${last_assessor_row}"
    fa, fc, fd = (f"Belangenconflicten!${c}$5:${c}${last_conflict_row}" for c in "ABC")
    ok = (f'(COUNTIFS({fa},{aid},{fc},{cand},{fd},"geen conflict")>0)*'
          f'(COUNTIFS({fa},{aid},{fc},{cand},{fd},"conflict")=0)')
    num = f"SUMPRODUCT(SUMIFS({S},{C},{cand},{K},{crit},{A},{aid})*{ok})"
    den = f'SUMPRODUCT(COUNTIFS({C},{cand},{K},{crit},{A},{aid},{S},">=0")*{ok})'
    return f'=IFERROR({num}/{den},"")'


def scored_call(folder: Path, n: int) -> Path:
    """A call of n candidates, scored by Partnerkeuze (the Scoretabel written)."""
    from bench.common import large_call
    from partnerkeuze.actions.scoring import score
    from partnerkeuze.xlsx.file_workbook import FileWorkbook

    path = large_call(folder / f"call-{n}.xlsx", n, CRITERIA, ASSESSORS)
    book = FileWorkbook(path)
    score(book)
    book.save()
    return path


def with_legacy_formulas(path: Path, n: int) -> Path:
    """A copy whose Scoretabel has the formulas from before issue 14 (helper cells removed)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["Scoretabel"]
    rows = n * CRITERIA * ASSESSORS
    for r in range(7, 7 + n):
        for c in range(3, 3 + CRITERIA):
            col = ws.cell(6, c).column_letter
            ws.cell(r, c).value = legacy_mean(f"$A{r}", f"{col}$6", 4 + rows + 1000,
                                              4 + ASSESSORS + 40, 4 + n * ASSESSORS + 400)
        for c in range(4 + CRITERIA, 4 + CRITERIA + 3 + ASSESSORS):
            ws.cell(r, c).value = None
    legacy = path.with_name(path.stem + "-before.xlsx")
    wb.save(legacy)
    return legacy


def main(sizes: list[int]) -> None:
    sys.path.insert(0, str(ROOT))
    from partnerkeuze.actions.creation import new

    folder = Path(tempfile.mkdtemp(prefix="bench-native-"))
    blank = folder / "blank.xlsx"
    new(blank, "stedenband", demo=False)
    base = lo_recalc_seconds(blank)
    print(f"blank workbook: {base:.1f} s (1.0x); {CRITERIA} criteria, {ASSESSORS} assessors")
    print(f"{'N':>6} {'score rows':>10} {'before':>16} {'after':>16}")
    skip_before = False
    prev = None
    for n in sizes:
        path = scored_call(folder, n)
        after = lo_recalc_seconds(path)
        if skip_before or n > BEFORE_MAX:
            before_text = "not measured"
        else:
            before = lo_recalc_seconds(with_legacy_formulas(path, n))
            before_text = f"{before:6.1f} s {before / base:5.1f}x"
            skip_before = before > BEFORE_LIMIT
        growth = f"  after grew {((after - base) / (prev - base)):.1f}x" if prev else ""
        print(f"{n:>6} {n * CRITERIA * ASSESSORS:>10} {before_text:>16} "
              f"{after:6.1f} s {after / base:5.1f}x{growth}")
        prev = after


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 200, 400, 1000])
