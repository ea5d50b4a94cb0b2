"""How LibreOffice's recalculation of the Scoretabel grows with the size of a call, before and
after issue 17 (per candidate static ranges of its own rows, written at `score` and proven by a
per-candidate check, on tables sorted by candidate).

Run: python bench/native_recalc.py [N ...]  (from the repository root; default 100 400 1000 2000)

For each N: a call with N candidates, 10 criteria and 3 assessors (N x 30 score rows, N x 3
declarations), scored by Partnerkeuze. LibreOffice headless opens, recalculates and saves, as
.xlsx, four workbooks in each of 3 rounds; the CPU seconds of LibreOffice are compared per round
(paired medians):
- blank:  a new, empty governed workbook;
- data:   the scored call with every Scoretabel formula removed (what the data alone costs);
- before: the Scoretabel formulas of issue 14 (kept in this file): per candidate a MATCH(,,0)
          and a COUNTIF over the whole candidate column, per candidate and assessor two COUNTIFS
          over all declarations, per cell a window or, when scattered, the whole columns;
- after:  the formulas of governance/native.py: per table one pass that checks the sort order,
          per candidate and table one 'Snel' cell over the candidate's static range (its block
          and a neighbour row each side), per cell IF(Snel; the static ranges; the whole
          columns).
'formulas' is the paired median above 'data': the Scoretabel's own cost. The script checks that
before and after give the same Scoretabel values.

Measured on the shared 2-core development machine (AMD EPYC, 27/11/2026, other engineers'
tests running), LibreOffice CPU seconds:
      N  score rows  blank   data  before formulas  grew  after formulas  grew
    400       12000   1.7s   2.4s    3.7s     1.3s         3.1s     0.8s
   1000       30000   1.8s   3.5s    8.1s     4.8s   3.6   5.4s     1.9s   2.5
   2000       60000   1.7s   5.2s   19.5s    14.3s   3.0   9.0s     3.8s   2.0
After: the Scoretabel's own cost grows as the candidates do (2.5x for 2.5x the candidates, 2.0x
for 2x) and is 0.4x of before at 1,000 candidates, 0.27x at 2,000. The first version of issue
17 read windows INDEX(tblScores[Score];first):INDEX(tblScores[Score];last) found by binary
search: 0.8 / 2.6 / 9.9 s at 400 / 1,000 / 2,000 candidates (3.7x for 2x), LibreOffice paying
for INDEX ranges over the whole table column. The whole-column branch is not evaluated while
'Snel' holds (evaluated, it would read all rows for each of the 13,000 or 26,000 cells), but
its presence costs: a one-off copy of the 'after' workbook with only the fast branch (no IF,
values equal) cost 1.2 s above 'data' at 1,000 and 2.6 s at 2,000 candidates against 1.8 and
4.0 s for 'after' in the same runs, so about a third of the share is LibreOffice compiling and
listening to the whole-column references, which keep the values right whatever the user types.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CRITERIA, ASSESSORS = 10, 3
ROUNDS = 3


def lo_recalc(path: Path) -> tuple[float, Path]:
    """(CPU seconds, converted file) of LibreOffice headless opening, recalculating and saving
    a workbook as .xlsx (CPU of the finished child processes: steadier than wall time on a
    shared machine)."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    profile = Path(tempfile.mkdtemp(prefix="lo-bench-"))
    out = Path(tempfile.mkdtemp(prefix="lo-bench-out-"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "xlsx", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=3600)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    shutil.rmtree(profile, ignore_errors=True)
    if not (out / path.name).exists():
        raise RuntimeError(f"LibreOffice did not convert {path}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return cpu, out / path.name


def score_values(path: Path, n: int) -> list:
    """The recalculated criterion cells of the Scoretabel (to check before == after)."""
    from openpyxl import load_workbook

    wb = load_workbook(path, data_only=True, read_only=True)
    rows = wb["Scoretabel"].iter_rows(min_row=7, max_row=6 + n, min_col=1,
                                      max_col=2 + CRITERIA, values_only=True)
    out = [[r[0]] + [None if v in (None, "") else round(v, 9) for v in r[2:]] for r in rows]
    wb.close()
    return out


# --- the Scoretabel formulas before issue 17 (issue 14's), kept here to measure against ----

def _i14_window(col: str, first: str, count: str) -> str:
    return f"INDEX({col},{first}):INDEX({col},{first}+{count}-1)"


def _i14_cleared(rg: dict, who: str, cand: str) -> str:
    return (f'(COUNTIFS({rg["FA"]},{who},{rg["FC"]},{cand},{rg["FD"]},"geen conflict")>0)*'
            f'(COUNTIFS({rg["FA"]},{who},{rg["FC"]},{cand},{rg["FD"]},"conflict")=0)')


def _i14_mean(rg: dict, cand: str, crit: str, h: dict) -> str:
    def mean(s: str, k: str, a: str, extra: str) -> str:
        num = f'SUMPRODUCT(SUMIFS({s},{extra}{k},{crit},{a},{h["ids"]})*{h["ok"]})'
        den = f'SUMPRODUCT(COUNTIFS({extra}{k},{crit},{a},{h["ids"]},{s},">=0")*{h["ok"]})'
        return f"{num}/{den}"

    w = {k: _i14_window(rg[k], h["first"], h["count"]) for k in ("S", "K", "A")}
    fast = mean(w["S"], w["K"], w["A"], "")
    slow = mean(rg["S"], rg["K"], rg["A"], f'{rg["C"]},{cand},')
    return f'=IFERROR(IF({h["together"]},{fast},{slow}),"")'


def with_issue14_formulas(path: Path, n: int) -> Path:
    """A copy whose Scoretabel has the formulas of before issue 17: per candidate MATCH(,,0) and
    COUNTIF over the whole candidate column, per assessor two COUNTIFS over all declarations."""
    from openpyxl import load_workbook

    from partnerkeuze.kernel.cellref import col_letter
    from partnerkeuze.core import native

    rg = native.ranges()
    wb = load_workbook(path)
    ws = wb["Scoretabel"]
    hc = 3 + CRITERIA + 1
    first, count, together = (col_letter(hc + i) for i in range(3))
    ids = [ws.cell(6, hc + 2 + k).value for k in range(ASSESSORS)]  # after: Snel S, Snel BC
    a0, a1 = col_letter(hc + 3), col_letter(hc + 2 + ASSESSORS)
    for r in (3, 4, 5):
        for c in range(hc, hc + 3 + ASSESSORS):
            ws.cell(r, c).value = None
    for k, a in enumerate(ids):
        ws.cell(6, hc + 3 + k).value = a
    for r in range(7, 7 + n):
        cand = f"$A{r}"
        h = {"first": f"${first}{r}", "count": f"${count}{r}", "together": f"${together}{r}",
             "ids": f"${a0}$6:${a1}$6", "ok": f"${a0}{r}:${a1}{r}"}
        for c in range(3, 3 + CRITERIA):
            ws.cell(r, c).value = _i14_mean(rg, cand, f"{col_letter(c)}$6", h)
        ws.cell(r, hc).value = f'=IFERROR(MATCH({cand},{rg["C"]},0),0)'
        ws.cell(r, hc + 1).value = f'=COUNTIF({rg["C"]},{cand})'
        ws.cell(r, hc + 2).value = (f'=IF(OR({h["first"]}=0,{h["count"]}=0),FALSE,COUNTIF('
                                    f'{_i14_window(rg["C"], h["first"], h["count"])},{cand})'
                                    f'={h["count"]})')
        for k in range(ASSESSORS):
            who = f"{col_letter(hc + 3 + k)}$6"
            ws.cell(r, hc + 3 + k).value = f"={_i14_cleared(rg, who, cand)}"
    before = path.with_name(path.stem + "-before.xlsx")
    wb.save(before)
    return before


def without_formulas(path: Path, n: int) -> Path:
    """A copy whose Scoretabel holds no formulas below its header (the data alone: what
    opening and saving the workbook costs without the Scoretabel's recalculation)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["Scoretabel"]
    for row in ws.iter_rows(min_row=3, max_row=6 + n, min_col=3):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.value = None
    data = path.with_name(path.stem + "-data.xlsx")
    wb.save(data)
    return data


def scored_call(folder: Path, n: int) -> Path:
    """A call of n candidates, scored by Partnerkeuze (the Scoretabel written)."""
    from bench.common import large_call
    from partnerkeuze.io import audit
    from partnerkeuze.features.scoring.actions import score
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    path = large_call(folder / f"call-{n}.xlsx", n, CRITERIA, ASSESSORS)
    book = FileWorkbook(path)
    book.apply(audit.entry_patch(book.snapshot(), "new", "bench"))  # score wants a started log
    score(book)
    book.save()
    return path


def main(sizes: list[int], rounds: int = ROUNDS) -> None:
    sys.path.insert(0, str(ROOT))
    from bench.common import machine
    from partnerkeuze.app.creation import new

    folder = Path(tempfile.mkdtemp(prefix="bench-native-"))
    blank = folder / "blank.xlsx"
    new(blank, "stedenband", demo=False)
    print(machine())
    print(f"{CRITERIA} criteria, {ASSESSORS} assessors; LibreOffice CPU seconds to open, "
          f"recalculate and save, median of {rounds} rounds (blank, data, before, after in "
          f"each); 'data': the same workbook without Scoretabel formulas; 'formulas' = paired "
          f"median above 'data' (the Scoretabel's own cost), 'grew' = formulas / formulas at "
          f"the previous N")
    print(f"{'N':>6} {'score rows':>10} {'blank':>6} {'data':>6} {'before':>7} {'formulas':>8} "
          f"{'grew':>5} {'after':>6} {'formulas':>8} {'grew':>5}")
    prev = None
    for n in sizes:
        path = scored_call(folder, n)
        variants = {"blank": blank, "data": without_formulas(path, n),
                    "before": with_issue14_formulas(path, n), "after": path}
        runs: dict = {k: [] for k in variants}
        outs = {}
        for _ in range(rounds):
            for k, f in variants.items():
                cpu, outs[k] = lo_recalc(f)
                runs[k].append(cpu)
        if score_values(outs["before"], n) != score_values(outs["after"], n):
            raise SystemExit(f"N={n}: before and after give different Scoretabel values")
        med = {k: statistics.median(v) for k, v in runs.items()}
        now = tuple(statistics.median(x - d for x, d in zip(runs[k], runs["data"]))
                    for k in ("before", "after"))
        grew = [f"{a / p:5.1f}" if prev and p > 0 else f"{'':>5}"
                for a, p in zip(now, prev or (0, 0))]
        print(f"{n:>6} {n * CRITERIA * ASSESSORS:>10} {med['blank']:5.1f}s {med['data']:5.1f}s "
              f"{med['before']:6.1f}s {now[0]:7.1f}s {grew[0]} {med['after']:5.1f}s "
              f"{now[1]:7.1f}s {grew[1]}", flush=True)
        prev = now
        for f in folder.glob(f"call-{n}*"):
            f.unlink()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 400, 1000, 2000])
