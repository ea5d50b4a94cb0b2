"""Speed of the governance computations against reading the workbook once.

1,000 candidates, 40 criteria, 7 assessors (280,000 scores, 7,000 conflict declarations):
scores, ranks, stability intervals and 10,000 sampled weightings together must take less time
than openpyxl needs to load that workbook once. Prints both times and their ratio.

Run from the repository root: python bench/governance_speed.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

N_CAND, N_CRIT, N_ASS = 1000, 40, 7


def content(seed: int = 1):
    """Table rows and settings of a large call."""
    import numpy as np

    rng = np.random.default_rng(seed)
    w = rng.dirichlet(np.ones(N_CRIT)) * 100
    w = np.round(w, 4)
    w[-1] = round(100 - w[:-1].sum(), 4)
    criteria = [[f"C{j:02d}", f"Criterium {j}", None, float(w[j]), None, None, "Score", None,
                 None, None, None, None] for j in range(N_CRIT)]
    candidates = [[f"K{i:04d}", f"Gemeente {i}", "Benin", None, "fr", None, None, None, None,
                   "In beoordeling", None] for i in range(N_CAND)]
    assessors = [[f"B{a}", f"Beoordelaar {a}", None, None] for a in range(N_ASS)]
    conflicts = [[f"B{a}", f"K{i:04d}", "conflict" if (i * 7 + a) % 97 == 0 else "geen conflict",
                  None, None] for a in range(N_ASS) for i in range(N_CAND)]
    quality = rng.uniform(1, 4, (N_CAND, 1))
    cube = np.clip(np.rint(quality[:, :, None] + rng.normal(0, 0.8, (N_CAND, N_CRIT, N_ASS))), 0, 5)
    scores = [[f"K{i:04d}", f"C{j:02d}", f"B{a}", float(cube[i, j, a]), None]
              for i in range(N_CAND) for j in range(N_CRIT) for a in range(N_ASS)]
    tables = {"criteria": criteria, "candidates": candidates, "assessors": assessors,
              "conflicts": conflicts, "scores": scores}
    fields = {"profile": {"municipality": "Heidebeek", "coordinator": "An Peeters"},
              "settings": {"mode": "stedenband", "shortlist_size": 5}}
    return tables, fields


def main() -> None:
    from partnerkeuze.core.assessment import evaluate
    from partnerkeuze.core import sensitivity as sv
    from partnerkeuze.core.parse import parse
    from partnerkeuze.io.xlsx.build import build_workbook
    from partnerkeuze.io.xlsx.file_workbook import load, snapshot_of

    tmp = Path(tempfile.mkdtemp(prefix="pk-bench-"))
    path = tmp / "groot.xlsx"
    t = time.perf_counter()
    tables, fields = content()
    build_workbook(tables, fields).save(path)
    print(f"werkmap opgebouwd in {time.perf_counter() - t:.1f} s ({path.stat().st_size:,} bytes)")

    t = time.perf_counter()
    wb = load(path)
    load_s = time.perf_counter() - t
    model = parse(snapshot_of(wb, path.name))
    print(f"openpyxl laadt de werkmap in {load_s:.2f} s")

    t = time.perf_counter()
    result = evaluate(model)  # scores (with conflicts), knock-outs, ranks, shortlist
    t_score = time.perf_counter() - t
    sens = sv.analyse(model, result)  # stability intervals + 10,000 sampled weightings
    compute_s = time.perf_counter() - t
    assert sens.samples == 10_000 and len(sens.stability) == N_CRIT
    assert abs(sum(a["first"] for a in sens.acceptability.values()) - 1) < 1e-9
    print(f"scores en rangen {t_score:.2f} s; met stabiliteitsintervallen en 10.000 wegingen "
          f"samen {compute_s:.2f} s")
    ratio = compute_s / load_s
    print(f"verhouding rekenen / laden = {ratio:.3f} ({'sneller' if ratio < 1 else 'TRAGER'} "
          f"dan één keer laden)")
    if ratio >= 1:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
