"""Shared helpers for the benchmarks: a large synthetic call and timing/memory measurement."""

from __future__ import annotations

import random
import resource
import time
from pathlib import Path


def large_call(path: Path, n_candidates: int = 1000, n_criteria: int = 40, n_assessors: int = 7,
               seed: int = 7) -> Path:
    """Write a scored-ready workbook with n candidates x criteria x assessors score rows."""
    from partnerkeuze.kernel.reference import ACTIVE_COUNTRIES, CHANNELS, COUNTRY_BY_NAME
    from partnerkeuze.app.creation import assemble
    from partnerkeuze.io.xlsx.file_workbook import save_atomic

    rng = random.Random(seed)
    weights = [rng.randint(1, 9) for _ in range(n_criteria)]
    total = sum(weights)
    pct = [round(w * 100 / total, 6) for w in weights]
    pct[-1] = round(100 - sum(pct[:-1]), 6)
    criteria = [[f"C{k:02d}", f"Criterium {k}", "", pct[k], None, None, "Score", None,
                 f"Vraag {k}", None, None, None] for k in range(n_criteria)]
    candidates = []
    for i in range(n_candidates):
        country = rng.choice(ACTIVE_COUNTRIES)
        candidates.append([f"K{i:04d}", f"Gemeente {i}", country, "", COUNTRY_BY_NAME[country].language,
                           rng.choice(CHANNELS), "", None, None, "In beoordeling", None])
    assessors = [[f"B{a}", f"Beoordelaar {a}", "", None] for a in range(n_assessors)]
    # Assessors mostly agree (a shared judgement per candidate and criterion, one point of noise
    # either way), with an occasional outlier, as on a real scoring panel.
    scores = []
    for c in candidates:
        for k in criteria:
            base = rng.randint(0, 5)
            for a in assessors:
                roll = rng.random()
                if roll < 0.005:
                    value = 0 if base >= 3 else 5
                else:
                    value = min(5, max(0, base + (-1 if roll < 0.15 else 1 if roll > 0.85 else 0)))
                scores.append([c[0], k[0], a[0], value, "Motivering"])
    declarations = [[a[0], c[0], "geen conflict", None, None] for a in assessors for c in candidates]
    fields = {"profile": {"municipality": "Benchdorp", "coordinator": "Bench"},
              "settings": {"shortlist_size": 5}}
    wb = assemble({"criteria": criteria, "candidates": candidates, "assessors": assessors,
                         "conflicts": declarations, "scores": scores}, fields)
    save_atomic(wb, path, backup=False)
    return path


def timed(fn, *args, **kwargs):
    """(seconds, result) of one call."""
    t0 = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - t0, result


def peak_rss_mb() -> float:
    """Peak resident memory of this process (and finished children) in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return own / 1024


def machine() -> str:
    """The machine the figures were measured on (CPU model, cores, Python)."""
    import os
    import platform

    model = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}"


CHILD_TIMER = """
import resource, sys
def _report():
    u = resource.getrusage(resource.RUSAGE_SELF)
    # Peak memory of this process image: VmHWM (ru_maxrss keeps the parent's size across exec).
    mb = u.ru_maxrss / 1024
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                mb = int(line.split()[1]) / 1024
    except OSError:
        pass
    print("PK-BENCH", u.ru_utime + u.ru_stime, mb, file=sys.stderr)
"""


def run_child(code: str, *args, env_extra: dict | None = None) -> tuple[float, float]:
    """(CPU seconds, peak MB) of code run in a fresh interpreter; code calls _report() last."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    env = {"PYTHONPATH": str(root), "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "PARTNERKEUZE_USER": "bench", "HOME": os.environ.get("HOME", "/tmp")}
    env.update(env_extra or {})
    out = subprocess.run([sys.executable, "-c", CHILD_TIMER + code, *map(str, args)],
                         capture_output=True, text=True, cwd=root, env=env)
    lines = [ln for ln in out.stderr.splitlines() if ln.startswith("PK-BENCH")]
    if out.returncode or not lines:
        raise SystemExit(f"benchmark child failed ({out.returncode}): {out.stderr[-2000:]}")
    _, cpu, mb = lines[-1].split()
    return float(cpu), float(mb)


def paired(measure: dict, runs: int = 3) -> dict:
    """Run each named measurement once per round, alternating, for runs rounds.

    measure: name -> callable() -> (cpu seconds, peak MB). Returns name -> list of results;
    ratios are taken per round (paired) and their median reported by ratio_median.
    """
    out: dict = {name: [] for name in measure}
    for _ in range(runs):
        for name, fn in measure.items():
            out[name].append(fn())
    return out


def ratio_median(results: dict, name: str, baseline: str) -> float:
    """The median over rounds of name's CPU time divided by baseline's in the same round."""
    import statistics

    return statistics.median(a[0] / b[0] for a, b in zip(results[name], results[baseline]))


def median_cpu(results: dict, name: str) -> float:
    """The median CPU seconds of a measurement."""
    import statistics

    return statistics.median(r[0] for r in results[name])


def max_mb(results: dict, name: str) -> float:
    """The highest peak memory (MB) of a measurement over its runs."""
    return max(r[1] for r in results[name])
