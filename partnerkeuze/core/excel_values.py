"""What Excel's worksheet functions give, for the few the product's formulas use, over plain
cell values (a snapshot's): SUM, COUNT, COUNTA, MIN, COUNTIFS' matching, FIXED and TRIM. A case
the core does not evaluate exactly as Excel does raises kernel.formulas.Unknown, so that the
formula gets no cached value (and Excel recalculates) rather than a wrong one."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable

from partnerkeuze.kernel.formulas import Unknown, shown

EPOCH = dt.datetime(1899, 12, 30)  # serial 0 of the 1900 date system (from 1 March 1900 on)
_WILDCARD = re.compile(r"[*?~]")


def number(value) -> float | int | None:
    """The number a cell holds as Excel sees it in a range (dates as serial numbers), None for
    text, booleans and blanks (which SUM, COUNT and MIN skip in a range)."""
    value = shown(value)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, dt.datetime):
        return serial(value)
    if isinstance(value, dt.date):
        return serial(dt.datetime.combine(value, dt.time()))
    return None


def serial(value: dt.datetime) -> float | int:
    """A datetime as an Excel serial number (1900 date system, after February 1900)."""
    delta = value - EPOCH
    days = delta.days + delta.seconds / 86400 + delta.microseconds / 86400e6
    return int(days) if days == int(days) else days


def date_of(serial_number: float) -> dt.datetime:
    """The datetime of an Excel serial number (1900 date system)."""
    return EPOCH + dt.timedelta(days=serial_number)


def numbers(values: Iterable) -> list:
    """The numbers among cell values (what SUM, COUNT and MIN look at in a range)."""
    out = []
    for v in values:
        n = number(v)
        if n is not None:
            out.append(n)
    return out


def blank(value) -> bool:
    """True for an empty cell. A zero-length text counts as empty for COUNTIFS' "" but not for
    COUNTA: Unknown, so the callers need not decide."""
    value = shown(value)
    if value == "":
        raise Unknown("zero-length text")
    return value is None


def counta(values: Iterable) -> int:
    """COUNTA over a range: the cells that are not empty."""
    return sum(1 for v in values if not blank(v))


def matches(value, criterion) -> bool:
    """Whether a cell matches a COUNTIFS criterion: text equal whatever its case, a number
    equal, "" an empty cell (or an empty text), "<>" any cell that is not empty. Other criteria (comparisons,
    wildcards, a text that looks like a number) are Unknown."""
    value = shown(value)
    if isinstance(criterion, str):
        if criterion == "":  # an empty cell, or one with an empty text
            return value is None or value == ""
        if criterion == "<>":
            if value == "":
                raise Unknown("zero-length text")
            return value is not None
        if criterion[:1] in "<>=" or _WILDCARD.search(criterion) or numeric_text(criterion):
            raise Unknown(criterion)
        if value is None or isinstance(value, bool):
            return False
        if isinstance(value, str):
            if numeric_text(value):
                raise Unknown(value)
            return value.casefold() == criterion.casefold()
        return False
    if isinstance(criterion, bool) or criterion is None:
        raise Unknown(criterion)
    if isinstance(value, str) and numeric_text(value):
        raise Unknown(value)
    n = number(value)
    return n is not None and n == number(criterion)


def numeric_text(text: str) -> bool:
    """True for a text Excel's criteria would read as a number ("5", "2.5")."""
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def round_half_up(x: float, digits: int) -> Decimal:
    """Excel's rounding (ROUND, FIXED): half away from zero on the decimal the number shows."""
    return Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def fixed(x: float, digits: int) -> str:
    """FIXED(x, digits, TRUE): the number rounded to ``digits`` decimals as text, no thousands
    separators, with a decimal point (the formulas that show it substitute the comma)."""
    d = round_half_up(x, digits)
    return format(abs(d) if d == 0 else d, "f")


def trim(text: str) -> str:
    """TRIM: no spaces at either end, runs of spaces inside made one."""
    return re.sub(" +", " ", text).strip(" ")


def text_of_number(x) -> str:
    """A whole number as the text '&' makes of it ("3"); other numbers are Unknown (their text
    depends on Excel's locale)."""
    if isinstance(x, bool) or not isinstance(x, (int, float)) or x != int(x):
        raise Unknown(x)
    return str(int(x))


def first_of_next_month(day: dt.datetime) -> dt.datetime:
    """DATE(YEAR(d), MONTH(d)+1, 1)."""
    return dt.datetime(day.year + (day.month == 12), day.month % 12 + 1, 1)
