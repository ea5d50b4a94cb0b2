"""Speed of the exact SDG matching, as ratios against baselines measured in the same run.

Run ``python bench/sdg_matching.py``: prints, per instance size, the time of the exact assignment
(a pure-Python port of scipy's linear_sum_assignment, sdg/matching.py) relative to the greedy
baseline, and for 7x7 relative to exhaustive search.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from partnerkeuze.core import matching as m  # noqa: E402


def random_fit(rng: random.Random, n: int, k: int) -> dict:
    return {f"F{i}": {f"P{j}": (None if rng.random() < 0.3 else float(rng.randint(1, 100)))
                      for j in range(k)} for i in range(n)}


def exhaustive(fit: dict) -> float:
    rows = list(fit)
    cols = sorted({c for r in rows for c in fit[r]})

    def best(i, used):
        if i == len(rows):
            return 0.0
        top = best(i + 1, used)
        for c in cols:
            v = fit[rows[i]].get(c)
            if c not in used and v is not None:
                top = max(top, v + best(i + 1, used | {c}))
        return top

    return best(0, frozenset())


def timed(fn, instances) -> float:
    t0 = time.perf_counter()
    for fit in instances:
        fn(fit)
    return time.perf_counter() - t0


def main() -> None:
    rng = random.Random(2026)
    m.best_assignment({"F": {"P": 1.0}})  # warm up outside the timing
    for n in (7, 20, 60):
        instances = [random_fit(rng, n, n) for _ in range(20)]
        exact = timed(m.best_assignment, instances)
        greedy = timed(m.greedy_assignment, instances)
        print(f"{n}x{n}: exact / greedy = {exact / greedy:.2f}")
        if n == 7:
            brute = timed(exhaustive, instances)
            print(f"{n}x{n}: exact / exhaustive search = {exact / brute:.4f}")


if __name__ == "__main__":
    main()
