"""The fingerprint (hash) of a set of criteria: what is fixed before candidacies are opened."""

from __future__ import annotations

import hashlib
import json
from typing import Iterable

from partnerkeuze.kernel.model import Criterion


def criteria_canonical(criteria: Iterable[Criterion]) -> list[dict]:
    """The parts of the criteria that the fingerprint covers, sorted by id."""
    return sorted(
        ({"id": c.id, "name": c.name, "weight": round(float(c.weight), 6),
          "scale": [round(float(c.scale_min), 6), round(float(c.scale_max), 6)],
          "kind": c.kind,
          "threshold": None if c.threshold is None else round(float(c.threshold), 6)}
         for c in criteria),
        key=lambda d: d["id"],
    )


def criteria_hash(criteria: Iterable[Criterion]) -> str:
    """SHA-256 of the canonical criteria (ids, names, weights, scales, kinds, thresholds)."""
    text = json.dumps(criteria_canonical(criteria), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
