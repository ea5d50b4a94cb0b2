"""Benchmark: every write command on the demo workbook against openpyxl loading and saving the
same file (paired medians of CPU time over 3 rounds, fresh interpreters, fresh copies), and how
often `demo` reads and writes its workbook in each step.

Targets (issue 17): each write command <= 0.5x openpyxl load+save; demo: every sheet read at
most once per step and the workbook written at most once per step.
Run: python bench/write_commands.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import machine, max_mb, median_cpu, paired, ratio_median, run_child  # noqa: E402

LOAD_SAVE = """
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
wb.save(sys.argv[1])
_report()
"""
COMMAND = """
from partnerkeuze.app.cli import main
rc = main(sys.argv[2:])
assert rc in (0, 1), rc
_report()
"""
DEMO_COUNTS = """
import collections, json
from partnerkeuze.io.xlsx import file_workbook, reader
from partnerkeuze.app import demo as demo_mod
counts = collections.defaultdict(lambda: {"reads": collections.Counter(), "saves": 0})
step = ["(werkmap)"]
orig_read, orig_save = reader.WorkbookReader.sheet_rows, file_workbook.FileWorkbook.save
def read(self, name):
    counts[step[0]]["reads"][(str(self.pkg.path), name)] += 1
    return orig_read(self, name)
def save(self, **kw):
    counts[step[0]]["saves"] += 1
    return orig_save(self, **kw)
reader.WorkbookReader.sheet_rows = read
file_workbook.FileWorkbook.save = save
def progress(msg):
    for label, _ in demo_mod.DEMO_STEPS:
        if msg.startswith(label):
            step[0] = label
demo_mod.demo(sys.argv[1], progress)
print(json.dumps({k: {"max_reads": max(v["reads"].values(), default=0), "saves": v["saves"]}
                  for k, v in counts.items()}))
_report()
"""


def fill_forms(book: Path, tmp: Path) -> tuple[Path, Path]:
    """A filled candidacy form and a filled assessor form of the demo (as a user fills them)."""
    from openpyxl import load_workbook

    from partnerkeuze.app.cli import main

    main(["forms", str(book), "--out", str(tmp / "kand")])
    main(["assessor-forms", str(book), "--out", str(tmp / "beoord")])
    inbox, scores = tmp / "in", tmp / "scores"
    inbox.mkdir()
    scores.mkdir()
    wb = load_workbook(tmp / "kand" / "Kandidatuurformulier-nl.xlsx")
    cells = {str(k)[5:]: v for k, v in wb["pk"].iter_rows(values_only=True, max_col=2)
             if k and str(k).startswith("cell:")}
    ws = wb.worksheets[0]
    for key, value in {"name": "Kisumu", "country": "Kenya", "language": "Nederlands",
                       "email": "p@kisumu.example.ke", "contact": "Otieno"}.items():
        ws[cells[key]] = value
    ws[cells["answer:C01"]] = "Een antwoord"
    wb.save(inbox / "kand.xlsx")
    form = next((tmp / "beoord").glob("Beoordelingsformulier-B1-*.xlsx"))
    wb = load_workbook(form)
    for row in wb["Beoordeling"].iter_rows(min_row=7):
        if row[0].value == "K01" and row[3].value == "C01":
            row[7].value = 2
    wb.save(scores / "b1.xlsx")
    return inbox, scores


def main() -> None:
    """Measure every write command and the demo's reads and writes."""
    import json
    import subprocess

    from partnerkeuze.app.creation import new

    print(f"machine: {machine()}")
    tmp = Path(tempfile.mkdtemp(prefix="pk-bench-write-"))
    try:
        demo = tmp / "demo.xlsx"
        new(demo, "stedenband", demo=True)
        sdg = tmp / "sdg.xlsx"
        new(sdg, "sdg", demo=True)
        inbox, scores = fill_forms(demo, tmp)

        def fresh(src: Path) -> Path:
            path = tmp / ("w-" + src.name)
            shutil.copy(src, path)
            return path

        commands = {
            "score": (demo, ["score"]), "plan": (demo, ["plan"]),
            "freeze": (demo, ["freeze", "--reason", "bench"]),
            "import": (demo, ["import", None, str(inbox)]),
            "merge": (demo, ["merge", None, str(scores)]), "match": (sdg, ["match"]),
        }

        def argv(spec, path):
            return [spec[0], str(path), *spec[1:]] if None not in spec else \
                [str(path) if a is None else a for a in spec]

        measure = {"load_save": lambda: run_child(LOAD_SAVE, fresh(demo)),
                   "load_save_sdg": lambda: run_child(LOAD_SAVE, fresh(sdg))}
        for name, (src, spec) in commands.items():
            measure[name] = (lambda src=src, spec=spec:
                             run_child(COMMAND, "x", *argv(spec, fresh(src))))
        results = paired(measure, 3)
        print(f"\nschrijvende commando's op de demowerkmap, mediaan CPU over 3 rondes:")
        print(f"  {'openpyxl laden + bewaren':26s} {median_cpu(results, 'load_save'):6.2f} s")
        for name, (src, _spec) in commands.items():
            base = "load_save_sdg" if src == sdg else "load_save"
            print(f"  {name:26s} {median_cpu(results, name):6.2f} s  "
                  f"{ratio_median(results, name, base):5.2f}x laden + bewaren (doel <= 0.5), "
                  f"piek {max_mb(results, name):4.0f} MB")
        out = subprocess.run([sys.executable, "-c", __import__("bench.common").common.CHILD_TIMER
                              + DEMO_COUNTS, str(tmp / "demo-uit")], capture_output=True,
                             text=True, cwd=Path(__file__).resolve().parents[1],
                             env={"PYTHONPATH": str(Path(__file__).resolve().parents[1]),
                                  "PATH": "/usr/bin:/bin", "PARTNERKEUZE_USER": "bench"})
        line = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
        if not line:
            raise SystemExit(out.stderr[-2000:])
        print("\ndemo: per stap hoe vaak een blad gelezen en de werkmap geschreven wordt "
              "(doel: hoogstens 1 en 1)")
        for step, c in json.loads(line[-1]).items():
            print(f"  {step:45s} lezen {c['max_reads']}x per blad, schrijven {c['saves']}x")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
