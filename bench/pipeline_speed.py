"""Benchmark of the command pipeline's fixed and variable costs (issue 22), as paired medians
of CPU time (user + system) over at least 3 rounds, each run in a fresh interpreter:

- ``score`` on a 300-candidate x 9-criteria x 3-assessor call against openpyxl loading and
  saving the same file (target <= 0.5x), R rounds: the call as the product (or Excel) leaves
  it, with the cached values of its formulas (scored once before); and, reported beside it,
  the first score of the call as openpyxl made it (fullCalcOnLoad, no cached values), where
  every save first settles the values of every formula family (app/cached_values.py);
- ``check`` on the demo workbook against a bare interpreter start (target <= 5x), C rounds:
  both take hundredths of a second, which a busy machine shifts much from one round to the
  next, so their median takes more rounds.

Run: python bench/pipeline_speed.py [--runs R] [--check-runs C]   (default: 5 and 25)
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import machine, median_cpu, paired, ratio_median, run_child  # noqa: E402
from bench.score_speed import COMMAND, LOAD_SAVE, logged_call  # noqa: E402

BARE = "_report()\n"


def main() -> None:
    """Build the call and the demo once, then measure both pairs."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--check-runs", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pk-bench-pipeline-") as tmp:
        tmp = Path(tmp)
        raw = logged_call(tmp / "oproep-300.xlsx", 300, n_criteria=9, n_assessors=3)
        call = tmp / "gescoord-300.xlsx"  # as the product leaves it: its formulas' values cached
        shutil.copy(raw, call)
        run_child(COMMAND, call, "score")
        from partnerkeuze.app.creation import new

        demo = tmp / "demo.xlsx"
        new(demo, "stedenband", demo=True)

        def fresh(src: Path) -> Path:
            copy = tmp / f"kopie-{src.name}"
            shutil.copy(src, copy)
            return copy

        results = paired({
            "openpyxl load+save": lambda: run_child(LOAD_SAVE, fresh(call)),
            "score": lambda: run_child(COMMAND, fresh(call), "score"),
        }, args.runs)
        results.update(paired({
            "openpyxl load+save (openpyxl-made)": lambda: run_child(LOAD_SAVE, fresh(raw)),
            "score (openpyxl-made)": lambda: run_child(COMMAND, fresh(raw), "score"),
        }, args.runs))
        results.update(paired({
            "bare interpreter": lambda: run_child(BARE),
            "check": lambda: run_child(COMMAND, demo, "check"),
        }, args.check_runs))
    print(f"Machine: {machine()}; {args.runs} rounds (check: {args.check_runs}), medians of "
          f"CPU time")
    for name in results:
        print(f"  {name}: {median_cpu(results, name):.3f} s")
    print(f"score 300x9x3 / openpyxl load+save: "
          f"{ratio_median(results, 'score', 'openpyxl load+save'):.2f}x (target <= 0.5)")
    first = ratio_median(results, "score (openpyxl-made)", "openpyxl load+save (openpyxl-made)")
    print(f"first score of the call as openpyxl made it / openpyxl load+save: {first:.2f}x")
    print(f"check on the demo / bare interpreter: "
          f"{ratio_median(results, 'check', 'bare interpreter'):.2f}x (target <= 5)")


if __name__ == "__main__":
    main()
