"""Benchmark: `score` on n candidates x 40 criteria x 7 assessors against openpyxl loading and
saving the same workbook, and `check` against one openpyxl load, measured in the same run as
paired medians of CPU time (user + system) over at least 3 rounds, each run in a fresh
interpreter on a fresh copy. Peak memory is the highest over the rounds.

Targets (issue 17): score <= 0.2x openpyxl load+save at 1,000 candidates, peak < 300 MB,
growing with the cells written; check <= 0.3x one openpyxl load.
Run: python bench/score_speed.py [N ...] [--runs R]   (default: 1000; e.g. 100 1000)
     python bench/score_speed.py --growth 100 1000 3000 [--dir DIR]   (score alone; DIR keeps
     the built workbooks groei-N.xlsx for the next run)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (large_call, machine, max_mb, median_cpu, paired,  # noqa: E402
                          ratio_median, run_child, timed)

LOAD_SAVE = """
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
wb.save(sys.argv[1])
_report()
"""
LOAD = """
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
_report()
"""
COMMAND = """
from partnerkeuze.app.cli import main
rc = main([sys.argv[2], sys.argv[1]])
assert rc == 0, rc  # a refused score (1) would measure nothing
_report()
"""


def logged_call(path: Path, n: int, **sizes) -> Path:
    """large_call's workbook with the first log entry every workbook Partnerkeuze makes has
    (without it `score` refuses: a log wiped after scores were entered)."""
    from partnerkeuze.io import audit
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    large_call(path, n_candidates=n, **sizes)
    book = FileWorkbook(path)
    book.apply(audit.entry_patch(book.snapshot(), "new", "nieuwe werkmap, modus stedenband"))
    book.save(backup=False)
    return path


def measure(n: int, runs: int, tmp: Path) -> None:
    """Build the workbook for n candidates and print the paired ratios."""
    src = tmp / f"groot-{n}.xlsx"
    build_s, _ = timed(logged_call, src, n)
    scored = tmp / f"gescoord-{n}.xlsx"
    shutil.copy(src, scored)
    run_child(COMMAND, scored, "score")  # a scored workbook: what a re-score meets

    def fresh(name: str, source: Path) -> Path:
        path = tmp / name
        shutil.copy(source, path)
        return path

    results = paired({
        "load_save": lambda: run_child(LOAD_SAVE, fresh("a.xlsx", src)),
        "score": lambda: run_child(COMMAND, fresh("b.xlsx", src), "score"),
        "rescore": lambda: run_child(COMMAND, fresh("c.xlsx", scored), "score"),
        "load": lambda: run_child(LOAD, fresh("d.xlsx", scored)),
        "check": lambda: run_child(COMMAND, fresh("e.xlsx", scored), "check"),
    }, runs)
    print(f"\n{n} kandidaten x 40 criteria x 7 beoordelaars ({n * 280:,} scores; "
          f"opgebouwd in {build_s:.0f} s), mediaan CPU over {runs} rondes:")
    for name, label in (("load_save", "openpyxl laden + bewaren"), ("score", "score"),
                        ("rescore", "score (opnieuw)"), ("load", "openpyxl laden"),
                        ("check", "check")):
        print(f"  {label:26s} {median_cpu(results, name):7.2f} s CPU, "
              f"piek {max_mb(results, name):5.0f} MB")
    print(f"  score / (laden + bewaren):        {ratio_median(results, 'score', 'load_save'):.3f}"
          f"  (doel <= 0.2)")
    print(f"  score opnieuw / (laden + bewaren): "
          f"{ratio_median(results, 'rescore', 'load_save'):.3f}")
    print(f"  check / laden:                     {ratio_median(results, 'check', 'load'):.3f}"
          f"  (doel <= 0.3)")


def growth(sizes: list[int], runs: int, tmp: Path) -> None:
    """`score` alone (no openpyxl baseline) on each size: CPU median and peak memory, and the
    cells it writes, to show that the cost follows the cells written."""
    import zipfile

    print("\nscore alleen (groei met de geschreven cellen), mediaan CPU over "
          f"{runs} runs, piek over de runs:")
    for n in sizes:
        src = tmp / f"groei-{n}.xlsx"
        if not src.exists():
            logged_call(src, n)
        out = []
        for _ in range(runs):
            path = tmp / "g.xlsx"
            shutil.copy(src, path)
            out.append(run_child(COMMAND, path, "score"))
        with zipfile.ZipFile(path) as zf:
            cells = sum(zf.read(p).count(b"<c ") for p in zf.namelist()
                        if p.startswith("xl/worksheets/sheet"))
        cpu = sorted(r[0] for r in out)[len(out) // 2]
        print(f"  {n:5d} kandidaten: {cpu:6.2f} s CPU, piek {max(r[1] for r in out):5.0f} MB "
              f"({cells:,} cellen in de werkmap)")


def main() -> None:
    """Measure and print the ratios for every size asked (--growth: score alone)."""
    args = sys.argv[1:]
    runs = 3
    only_growth = "--growth" in args
    if only_growth:
        args.remove("--growth")
    if "--runs" in args:
        i = args.index("--runs")
        runs = max(3, int(args[i + 1]))
        del args[i:i + 2]
    keep = None
    if "--dir" in args:  # keep (and reuse) the built workbooks in this folder
        i = args.index("--dir")
        keep = Path(args[i + 1])
        del args[i:i + 2]
    sizes = [int(a) for a in args] or [1000]
    print(f"machine: {machine()}")
    tmp = keep or Path(tempfile.mkdtemp(prefix="pk-bench-"))
    try:
        if only_growth:
            growth(sizes, runs, tmp)
        else:
            for n in sizes:
                measure(n, runs, tmp)
    finally:
        if keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
