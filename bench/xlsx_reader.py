"""Benchmark: reading every value of a workbook file four ways, in fresh interpreters, as
paired medians of CPU time over 3 rounds (ratios to openpyxl's load), with peak memory:

- openpyxl load_workbook (the old file path),
- python-calamine (a reader written in Rust; values only, no formula text),
- lxml iterparse over each sheet's XML (reader.WorkbookReader.sheet_rows_xml),
- the block scanner the file path uses (reader.WorkbookReader.sheet_rows).

Then the same on a small workbook with one stray cell at row 1,048,576: what reading costs
when a sheet's dimension is huge but its used cells are few.
Run: python bench/xlsx_reader.py [N]   (N candidates, default 1000)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (large_call, machine, max_mb, median_cpu, paired,  # noqa: E402
                          ratio_median, run_child)

OPENPYXL = """
from partnerkeuze.io.xlsx.file_workbook import load, snapshot_of
from pathlib import Path
snap = snapshot_of(load(Path(sys.argv[1])), "x")
n = sum(len(rows) for rows in snap.sheets.values())
_report()
"""
CALAMINE = """
import python_calamine
wb = python_calamine.CalamineWorkbook.from_path(sys.argv[1])
n = sum(len(wb.get_sheet_by_name(name).to_python()) for name in wb.sheet_names)
_report()
"""
XML = """
from partnerkeuze.io.xlsx.package import Package
from partnerkeuze.io.xlsx.reader import WorkbookReader
r = WorkbookReader(Package(sys.argv[1]))
n = sum(len(r.sheet_rows_xml(name)) for name in r.pkg.sheet_names)
_report()
"""
SCAN = """
from partnerkeuze.io.xlsx.package import Package
from partnerkeuze.io.xlsx.reader import WorkbookReader
r = WorkbookReader(Package(sys.argv[1]))
n = sum(len(r.sheet_rows(name)) for name in r.pkg.sheet_names)
_report()
"""
WAYS = {"openpyxl": OPENPYXL, "calamine": CALAMINE, "lxml iterparse": XML, "blokscanner": SCAN}


def stray(tmp: Path) -> Path:
    """A demo workbook with one value at row 1,048,576 of its start sheet."""
    from openpyxl import load_workbook

    from partnerkeuze.app.creation import new

    path = tmp / "verdwaald.xlsx"
    new(path, "stedenband", demo=True)
    wb = load_workbook(path)
    wb["Start"].cell(1048576, 30).value = "verdwaald"
    wb.save(path)
    return path


def report(title: str, path: Path, ways: dict) -> None:
    """Measure every way on one file and print CPU, ratio and memory."""
    results = paired({name: (lambda code=code: run_child(code, path)) for name, code in
                      ways.items()}, 3)
    print(f"\n{title}")
    for name in ways:
        ratio = ratio_median(results, name, "openpyxl")
        print(f"  {name:15s} {median_cpu(results, name):7.2f} s CPU  {ratio:6.3f}x openpyxl  "
              f"piek {max_mb(results, name):6.0f} MB")


def main() -> None:
    """Build the workbooks and print the comparison."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(f"machine: {machine()}")
    tmp = Path(tempfile.mkdtemp(prefix="pk-bench-reader-"))
    try:
        big = large_call(tmp / "groot.xlsx", n_candidates=n)
        report(f"{n} kandidaten x 40 criteria x 7 beoordelaars ({n * 280:,} scores), alle bladen",
               big, WAYS)
        report("demo met een verdwaalde cel op rij 1.048.576", stray(tmp), WAYS)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
