"""Speed of a ribbon click's Python side, as ratios against a bare interpreter start.

Run: python bench/addin_click.py  (from the repository root). Prints medians and ratios:
- bare:     python -c pass
- dispatch: import the dispatch module and run the 'check' handler on the demo workbook
- xlwings:  import xlwings.utils (what RunPython itself imports before our code runs)
- build:    building Partnerkeuze.xlam in memory (per build)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5


def timed(args: list[str]) -> float:
    samples = []
    for _ in range(RUNS):
        t = time.perf_counter()
        subprocess.run(args, check=True, cwd=ROOT, capture_output=True)
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from partnerkeuze.actions.creation import new

    demo = Path(tempfile.mkdtemp()) / "demo.xlsx"
    new(demo, "stedenband", demo=True)
    check = ("import partnerkeuze.addin.ribbon as r\n"
             "from partnerkeuze.addin.context import Context, RecordingUI\n"
             "from partnerkeuze.xlsx.file_workbook import FileWorkbook\n"
             f"r.run('check', Context(FileWorkbook({str(demo)!r}, for_writing=False), RecordingUI()))")
    bare = timed([sys.executable, "-c", "pass"])
    dispatch = timed([sys.executable, "-c", check])
    xlw = timed([sys.executable, "-c", "import xlwings.utils"])
    from partnerkeuze.addin.package import build_xlam

    t = time.perf_counter()
    for _ in range(RUNS):
        build_xlam()
    build = (time.perf_counter() - t) / RUNS
    print(f"bare interpreter        {bare * 1000:7.0f} ms  (1.0x)")
    print(f"dispatch + check        {dispatch * 1000:7.0f} ms  ({dispatch / bare:.1f}x bare)")
    print(f"import xlwings.utils    {xlw * 1000:7.0f} ms  ({xlw / bare:.1f}x bare)")
    print(f"build Partnerkeuze.xlam {build * 1000:7.0f} ms  ({build / bare:.1f}x bare)")


if __name__ == "__main__":
    main()
