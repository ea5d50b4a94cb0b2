"""Speed of the planning, as ratios against `score` on the same demo workbook in this run.

Run: python bench/planning_speed.py  (prints ratios; nothing is asserted)
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    from partnerkeuze.app.creation import build
    from partnerkeuze.features.scoring.actions import score
    from partnerkeuze.io.memory_workbook import MemoryWorkbook
    from partnerkeuze.core import workdays
    from partnerkeuze.features.planning.actions import plan
    from partnerkeuze.kernel.reference import ACTIVE_COUNTRIES

    from partnerkeuze.kernel.snapshot import Snapshot

    book = build("stedenband", demo=True)
    snap = Snapshot({n: list(book.snapshot().rows(n)) for n in book.wb.sheetnames})
    base = _best(lambda: score(MemoryWorkbook(snap)))
    planned = _best(lambda: plan(MemoryWorkbook(snap), today=dt.date(2026, 5, 1)))
    print(f"score (baseline): {base * 1000:.1f} ms")
    print(f"plan / score: {planned / base:.2f}")

    rng = random.Random(4)
    starts = [dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(8 * 365)) for _ in range(300)]
    workdays.public_days.cache_clear()
    workdays._school.cache_clear()
    cold = _best(lambda: [workdays.call_deadline(s, list(ACTIVE_COUNTRIES)) for s in starts], 1)
    warm = _best(lambda: [workdays.call_deadline(s, list(ACTIVE_COUNTRIES)) for s in starts])
    print(f"300 deadlines over the 17 countries, cold / score: {cold / base:.2f}")
    print(f"300 deadlines over the 17 countries, cached / score: {warm / base:.2f}")


if __name__ == "__main__":
    main()
