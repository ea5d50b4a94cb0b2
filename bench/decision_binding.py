"""Benchmark: what a decision that binds its inputs costs `check` and `score` (issue 23). After
`record college`, every command reads the inputs of the decision again (record/procedure/
inputs.py) and compares their fingerprint with the one on *Beslissing*; this measures `check`
and `score` on the same scored call before and after the college decided, as paired medians of
CPU time in one run, each command in a fresh interpreter on a fresh copy, and `record college`
itself against `score`.

Run: python bench/decision_binding.py [N] [--runs R]   (default: 1000 candidates x 40 criteria x
7 assessors, 3 rounds)

Measured here (AMD EPYC, 2 cores shared with other work, Python 3.11), 1,000 x 40 x 7, medians
of 3 rounds: check 3.83 -> 4.12 s CPU after the decision (1.15x), score 6.99 -> 7.54 s (1.08x),
record college 5.50 s (0.79x score). The comparison reads the 280,000 score rows once more
(about 0.5 s) and hashes them; only a changed fingerprint decodes the stored inputs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import median_cpu, paired, ratio_median, run_child  # noqa: E402
from bench.score_speed import COMMAND, logged_call  # noqa: E402

RECORD = """
from partnerkeuze.app.cli import main
rc = main(["record", sys.argv[1], "college", "--partner", sys.argv[2]])
assert rc == 0, rc
_report()
"""


def main() -> None:
    """Build, score and decide the call, then print the paired ratios."""
    args = sys.argv[1:]
    runs = 3
    if "--runs" in args:
        i = args.index("--runs")
        runs = int(args[i + 1])
        del args[i:i + 2]
    n = int(args[0]) if args else 1000
    tmp = Path(tempfile.mkdtemp(prefix="pk-bench-decision-"))
    try:
        scored = logged_call(tmp / "gescoord.xlsx", n)
        out = subprocess.run([sys.executable, "-m", "partnerkeuze", "score", str(scored),
                              "--json"], capture_output=True, text=True, check=True)
        first = json.loads(out.stdout)["shortlist"][0]
        decided = tmp / "beslist.xlsx"
        shutil.copy(scored, decided)
        run_child(RECORD, decided, first)

        def fresh(name: str, source: Path) -> Path:
            path = tmp / name
            shutil.copy(source, path)
            receipt, beside = (Path(str(source) + ".verankering.json"),
                               Path(str(path) + ".verankering.json"))
            beside.unlink(missing_ok=True)  # an earlier round's receipt: a rollback to check
            if receipt.exists():
                shutil.copy(receipt, beside)
            return path

        results = paired({
            "check_before": lambda: run_child(COMMAND, fresh("a.xlsx", scored), "check"),
            "check_after": lambda: run_child(COMMAND, fresh("b.xlsx", decided), "check"),
            "score_before": lambda: run_child(COMMAND, fresh("c.xlsx", scored), "score"),
            "score_after": lambda: run_child(COMMAND, fresh("d.xlsx", decided), "score"),
            "record": lambda: run_child(RECORD, fresh("e.xlsx", scored), first),
        }, runs)
        print(f"\n{n} kandidaten x 40 criteria x 7 beoordelaars, mediaan CPU over {runs} rondes:")
        for name in ("check_before", "check_after", "score_before", "score_after", "record"):
            print(f"  {name:14s} {median_cpu(results, name):7.2f} s CPU")
        print(f"  check na / voor de beslissing: "
              f"{ratio_median(results, 'check_after', 'check_before'):.2f}")
        print(f"  score na / voor de beslissing: "
              f"{ratio_median(results, 'score_after', 'score_before'):.2f}")
        print(f"  record college / score:        "
              f"{ratio_median(results, 'record', 'score_before'):.2f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
