"""Speed of a ribbon click's Python side, as ratios against a bare interpreter start.

Run: python bench/addin_click.py  (from the repository root). Prints medians and ratios:
- bare:     python -c pass
- dispatch: import the dispatch module and run the 'check' handler on the demo workbook
- xlwings:  import xlwings.utils (what RunPython itself imports before our code runs)
- build:    building Partnerkeuze.xlam in memory (per build)
- warm:     a click in a Python that stays alive between clicks, as with 'Use UDF Server' = True
            (xlwings' RunPython through the COM server): one process imports the dispatch and
            runs 'check' once (the first, cold click), then times further 'check' clicks on a
            fresh copy of the demo each; the median is compared with a bare interpreter start
            (a fresh `python -c pass`, what every click costs at least without the server).
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
WARM_CLICKS = 7

# One long-lived interpreter, like xlwings' COM server: the first click imports, later clicks
# only run the handler. Prints JSON: {"cold": s, "warm": [s, ...], "modules_added": [...]}.
WARM_SCRIPT = """
import json, shutil, sys, tempfile, time
from pathlib import Path
demo = Path(sys.argv[1])
t = time.perf_counter()
import partnerkeuze.app.addin.ribbon as r
from partnerkeuze.app.addin.context import Context, RecordingUI
from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

def click(button):
    copy = Path(tempfile.mkdtemp()) / "demo.xlsx"
    shutil.copy(demo, copy)
    start = time.perf_counter()
    r.run(button, Context(FileWorkbook(str(copy), for_writing=False), RecordingUI(), copy))
    return time.perf_counter() - start

click("check")
cold = time.perf_counter() - t
before = set(sys.modules)
warm = [click("check") for _ in range(int(sys.argv[2]))]
print(json.dumps({"cold": cold, "warm": warm, "modules_added": sorted(set(sys.modules) - before)}))
"""


def timed(args: list[str]) -> float:
    samples = []
    for _ in range(RUNS):
        t = time.perf_counter()
        subprocess.run(args, check=True, cwd=ROOT, capture_output=True)
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from partnerkeuze.app.creation import new

    demo = Path(tempfile.mkdtemp()) / "demo.xlsx"
    new(demo, "stedenband", demo=True)
    check = ("import partnerkeuze.app.addin.ribbon as r\n"
             "from partnerkeuze.app.addin.context import Context, RecordingUI\n"
             "from partnerkeuze.io.xlsx.file_workbook import FileWorkbook\n"
             f"r.run('check', Context(FileWorkbook({str(demo)!r}, for_writing=False), RecordingUI()))")
    bare = timed([sys.executable, "-c", "pass"])
    dispatch = timed([sys.executable, "-c", check])
    xlw = timed([sys.executable, "-c", "import xlwings.utils"])
    import json

    proc = subprocess.run([sys.executable, "-c", WARM_SCRIPT, str(demo), str(WARM_CLICKS)],
                          check=True, cwd=ROOT, capture_output=True, text=True)
    warm_data = json.loads(proc.stdout)
    warm = statistics.median(warm_data["warm"])
    from partnerkeuze.app.addin.package import build_xlam

    t = time.perf_counter()
    for _ in range(RUNS):
        build_xlam()
    build = (time.perf_counter() - t) / RUNS
    print(f"bare interpreter        {bare * 1000:7.0f} ms  (1.0x)")
    print(f"dispatch + check        {dispatch * 1000:7.0f} ms  ({dispatch / bare:.1f}x bare)")
    print(f"import xlwings.utils    {xlw * 1000:7.0f} ms  ({xlw / bare:.1f}x bare)")
    print(f"build Partnerkeuze.xlam {build * 1000:7.0f} ms  ({build / bare:.1f}x bare)")
    print(f"first click, one process {warm_data['cold'] * 1000:6.0f} ms  "
          f"({warm_data['cold'] / bare:.1f}x bare)")
    print(f"warm click (median of {WARM_CLICKS}) {warm * 1000:5.0f} ms  ({warm / bare:.1f}x bare; "
          f"target under 10x)")
    print(f"modules a warm click still imports: {len(warm_data['modules_added'])}")


if __name__ == "__main__":
    main()
