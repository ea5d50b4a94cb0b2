"""Benchmark: what the well-formedness check (xlsx/wellformed.py) costs. The same commands with
the check and with it switched off in the child (expat fed nothing, no part verified before a
save), paired per round in one run, CPU medians over 3 rounds, in fresh interpreters on fresh
copies:

- reading every sheet with the block scanner (bench/xlsx_reader.py's "blokscanner"),
- `check` and `score` on n candidates x 40 criteria x 7 assessors,
- `plan` on the same workbook (it reads one small sheet, so before its save every other part,
  the 84 MB Scores sheet at 1,000 included, is verified: the worst case),
- `check` and `score` on the demo.

Run: python bench/wellformed_cost.py [N]   (N candidates, default 1000)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import machine, median_cpu, paired, ratio_median, run_child  # noqa: E402
from bench.score_speed import logged_call  # noqa: E402

OFF = """
import partnerkeuze.io.xlsx.wellformed as _w
_w.Verifier.feed = lambda self, block, final=False: None
_w.verify_unread = lambda pkg, skip=(): None
"""
READ = """
from partnerkeuze.io.xlsx.package import Package
from partnerkeuze.io.xlsx.reader import WorkbookReader
r = WorkbookReader(Package(sys.argv[1]))
n = sum(len(r.sheet_rows(name)) for name in r.pkg.sheet_names)
_report()
"""
COMMAND = """
from partnerkeuze.app.cli import main
rc = main([sys.argv[2], sys.argv[1]])
assert rc == 0, rc
_report()
"""


def pair(label: str, code: str, source: Path, tmp: Path, *args) -> None:
    """Measure code with and without the check on fresh copies; print CPU and the ratio."""
    def fresh(name: str) -> Path:
        path = tmp / name
        shutil.copy(source, path)
        return path

    results = paired({"met": lambda: run_child(code, fresh("a.xlsx"), *args),
                      "zonder": lambda: run_child(OFF + code, fresh("b.xlsx"), *args)}, 3)
    print(f"  {label:34s} met {median_cpu(results, 'met'):6.2f} s, zonder "
          f"{median_cpu(results, 'zonder'):6.2f} s CPU: "
          f"{ratio_median(results, 'met', 'zonder'):.3f}x", flush=True)


def main() -> None:
    """Build the workbooks and print the paired ratios."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(f"machine: {machine()}")
    tmp = Path(tempfile.mkdtemp(prefix="pk-bench-wellformed-"))
    try:
        from partnerkeuze.app.creation import new

        demo = tmp / "demo.xlsx"
        new(demo, "stedenband", demo=True)
        big = logged_call(tmp / "groot.xlsx", n)
        scored = tmp / "gescoord.xlsx"
        shutil.copy(big, scored)
        run_child(COMMAND, scored, "score")
        print(f"\n{n} kandidaten x 40 criteria x 7 beoordelaars, mediaan CPU over 3 rondes, "
              f"met en zonder de controle op welgevormde XML:")
        pair("alle bladen lezen (blokscanner)", READ, scored, tmp)
        pair("check", COMMAND, scored, tmp, "check")
        pair("score", COMMAND, big, tmp, "score")
        pair("plan (verifieert de ongelezen delen)", COMMAND, scored, tmp, "plan")
        print("\ndemo:")
        pair("check", COMMAND, demo, tmp, "check")
        pair("score", COMMAND, demo, tmp, "score")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
