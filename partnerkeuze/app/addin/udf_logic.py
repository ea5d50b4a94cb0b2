"""The pure logic behind the worksheet functions (UDFs): plain values in, plain values out."""

from __future__ import annotations

from partnerkeuze.kernel.wording import nl_general

import datetime as dt
import math

EXCEL_EPOCH = dt.date(1899, 12, 30)


class UdfInputError(ValueError):
    """Input a worksheet function cannot use; the message is Dutch and shown in the cell."""


def flat(values) -> list:
    """A range (scalar, row, column or 2-D list) as one flat list, row by row."""
    if values is None:
        return []
    if not isinstance(values, (list, tuple)):
        return [values]
    out: list = []
    for v in values:
        out.extend(flat(v) if isinstance(v, (list, tuple)) else [v])
    return out


def number(value, what: str) -> float | None:
    """A cell value as a number, None when empty; an error for text."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise UdfInputError(f"{what}: verwacht een getal, niet WAAR/ONWAAR")
    if isinstance(value, (int, float)):
        if math.isnan(value):
            return None
        return float(value)
    try:
        return float(str(value).replace(",", "."))
    except ValueError:
        raise UdfInputError(f"{what}: '{str(value)[:40]}' is geen getal") from None


def as_date(value, what: str) -> dt.date:
    """A cell value (date, date-time or Excel serial number) as a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    raise UdfInputError(f"{what}: verwacht een datum")


def weighted_score(scores, weights, scale_min: float = 0, scale_max: float = 5):
    """Weighted score 0-100 of one candidate: scores and weights per criterion (same order).

    Criteria with weight 0 or empty are ignored; None when a weighted score is missing.
    """
    s, w = flat(scores), flat(weights)
    if len(s) != len(w):
        raise UdfInputError(f"{len(s)} scores maar {len(w)} gewichten: de bereiken moeten even "
                            f"groot zijn")
    lo, hi = number(scale_min, "schaal_min"), number(scale_max, "schaal_max")
    if lo is None or hi is None or hi <= lo:
        raise UdfInputError("de schaal is leeg: schaal_max moet groter zijn dan schaal_min")
    total = weight_sum = 0.0
    for i, (score, weight) in enumerate(zip(s, w), start=1):
        wt = number(weight, f"gewicht {i}") or 0.0
        if wt == 0:
            continue
        sc = number(score, f"score {i}")
        if sc is None:
            return None
        if sc < lo or sc > hi:
            raise UdfInputError(f"score {i} ({nl_general(sc)}) valt buiten de schaal {nl_general(lo)}-{nl_general(hi)}")
        total += (sc - lo) / (hi - lo) * wt
        weight_sum += wt
    if weight_sum <= 0:
        raise UdfInputError("de gewichten tellen op tot 0")
    return total / weight_sum * 100.0


def ranks(scores) -> list:
    """Competition ranks (1 = highest; ties share the better rank); empty cells stay empty."""
    from partnerkeuze.core.scoring import RANK_DECIMALS

    values = [number(v, f"score {i}") for i, v in enumerate(flat(scores), start=1)]
    out: list = []
    for v in values:
        if v is None:
            out.append(None)
            continue
        key = round(v, RANK_DECIMALS)
        out.append(1 + sum(1 for x in values if x is not None and round(x, RANK_DECIMALS) > key))
    return out


def shortlist(ids, scores, size: float = 3) -> list:
    """The ids of the best `size` candidates by score (more when tied at the boundary)."""
    id_list, rank_list = flat(ids), ranks(scores)
    if len(id_list) != len(rank_list):
        raise UdfInputError(f"{len(id_list)} kandidaten maar {len(rank_list)} scores: de bereiken "
                            f"moeten even groot zijn")
    n = number(size, "aantal")
    if n is None or n < 1:
        raise UdfInputError("aantal: verwacht een getal van minstens 1")
    chosen = [(r, str(i)) for i, r in zip(id_list, rank_list)
              if r is not None and i not in (None, "") and r <= int(n)]
    return [i for _, i in sorted(chosen)]


def weights_message(weights, kinds=None) -> str:
    """A readable Dutch verdict on a weights column: in order, or what is wrong."""
    w = flat(weights)
    k = flat(kinds) if kinds is not None else [None] * len(w)
    if len(k) != len(w):
        raise UdfInputError(f"{len(w)} gewichten maar {len(k)} soorten: de bereiken moeten even "
                            f"groot zijn")
    total, problems = 0.0, []
    for i, (weight, kind) in enumerate(zip(w, k), start=1):
        value = number(weight, f"gewicht {i}")
        if str(kind or "").strip().lower() == "knock-out":
            if value:
                problems.append(f"criterium {i} is een knock-out en hoort geen gewicht te hebben")
            continue
        if value is None:
            continue
        if value < 0:
            problems.append(f"gewicht {i} is negatief")
        total += value
    if abs(total - 100.0) > 1e-6:
        problems.insert(0, f"de gewichten tellen op tot {nl_general(total)} %, niet 100 %")
    if problems:
        return "Niet in orde: " + "; ".join(problems) + "."
    return "In orde: de gewichten tellen op tot 100 %."


def countries_of(values) -> list[str]:
    """Country names from a cell, a range or a text with commas or semicolons."""
    out: list[str] = []
    for v in flat(values):
        if v in (None, ""):
            continue
        for part in str(v).replace(";", ",").split(","):
            if part.strip() and part.strip() not in out:
                out.append(part.strip())
    return out


def call_deadline(start, countries, months=3, extension_days=0) -> dt.date:
    """The call's deadline (delegates to planning.workdays.call_deadline)."""
    from partnerkeuze.core import workdays

    m = number(months, "maanden")
    e = number(extension_days, "verlenging")
    try:
        return workdays.call_deadline(as_date(start, "start"), countries_of(countries),
                                      months=int(3 if m is None else m),
                                      extension_days=int(e or 0))
    except ValueError as exc:
        if isinstance(exc, UdfInputError):
            raise
        raise UdfInputError(str(exc)) from None


def working_days(start, end, country) -> int:
    """Working days from start to end in Belgium and the given country (planning.workdays)."""
    from partnerkeuze.core import workdays

    try:
        return workdays.working_days(as_date(start, "start"), as_date(end, "einde"),
                                     countries_of(country))
    except ValueError as exc:
        if isinstance(exc, UdfInputError):
            raise
        raise UdfInputError(str(exc)) from None


def criteria_from_rows(rows, scale_min: float = 0, scale_max: float = 5) -> list:
    """Criterion objects from rows of the criteria table (columns in the layout's order)."""
    from partnerkeuze import layout
    from partnerkeuze.kernel import reference
    from partnerkeuze.kernel.model import Criterion

    cols = [c.key for c in layout.table("criteria").columns]
    data = rows if rows and isinstance(rows[0], (list, tuple)) else [rows]
    out = []
    for r, raw in enumerate(data, start=1):
        rec = dict(zip(cols, list(raw) + [None] * (len(cols) - len(raw))))
        if rec["id"] in (None, ""):
            continue
        kind = rec.get("kind") or reference.KIND_SCORED
        lo = number(rec.get("scale_min"), f"rij {r}: schaal van")
        hi = number(rec.get("scale_max"), f"rij {r}: schaal tot")
        weight = number(rec.get("weight"), f"rij {r}: gewicht") or 0.0
        out.append(Criterion(
            id=str(rec["id"]).strip(), name=str(rec.get("name") or "").strip(),
            weight=0.0 if kind == reference.KIND_KNOCKOUT else weight,
            scale_min=float(scale_min) if lo is None else lo,
            scale_max=float(scale_max) if hi is None else hi, kind=kind,
            threshold=number(rec.get("threshold"), f"rij {r}: drempel")))
    return out


def criteria_unchanged(rows, fingerprint, scale_min: float = 0, scale_max: float = 5) -> bool:
    """True when the criteria rows still have the fixed fingerprint (core.fingerprint)."""
    from partnerkeuze.core.fingerprint import criteria_hash

    stored = str(fingerprint or "").strip().lower()
    if len(stored) < 12:
        raise UdfInputError("vingerafdruk: verwacht de vastgelegde vingerafdruk (minstens 12 tekens)")
    current = criteria_hash(criteria_from_rows(rows, scale_min, scale_max))
    return current.startswith(stored)
