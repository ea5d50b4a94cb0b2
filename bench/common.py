"""Shared helpers for the benchmarks: a large synthetic call and timing/memory measurement."""

from __future__ import annotations

import random
import resource
import time
from pathlib import Path


def large_call(path: Path, n_candidates: int = 1000, n_criteria: int = 40, n_assessors: int = 7,
               seed: int = 7) -> Path:
    """Write a scored-ready workbook with n candidates x criteria x assessors score rows."""
    from partnerkeuze.reference import ACTIVE_COUNTRIES, CHANNELS, COUNTRY_BY_NAME
    from partnerkeuze.xlsx.build import build_workbook
    from partnerkeuze.xlsx.file_workbook import save_atomic

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
    wb = build_workbook({"criteria": criteria, "candidates": candidates, "assessors": assessors,
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
