"""Converting raw cell values into typed values, with Dutch messages for what does not fit."""

from __future__ import annotations

import datetime as dt
import re

from partnerkeuze.layout import schema

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")


class BadValue(ValueError):
    """A cell value that does not fit its column; the message is Dutch and user-facing."""


def is_blank(value) -> bool:
    """True for an empty cell (None or only whitespace)."""
    return value is None or (isinstance(value, str) and not value.strip())


def as_text(value) -> str:
    """Any cell value as text (integral floats without '.0')."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y") if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


_DUTCH_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")


def number_text(text: str) -> str:
    """Text of a number in Dutch or plain notation as Python reads it: '3,5' -> '3.5',
    '17.500' and '17.500,25' -> '17500' and '17500.25' (a dot between groups of three digits is
    the Dutch thousands separator), '3.5' -> '3.5'."""
    text = text.strip().replace(" ", "").replace("\u00a0", "")
    if _DUTCH_THOUSANDS.match(text):
        return text.replace(".", "").replace(",", ".")
    return text.replace(",", ".")


def as_number(value) -> float:
    """A number; accepts numbers and text such as '3,5' or '17.500' (Dutch notation)."""
    if isinstance(value, bool):
        raise BadValue(f"'{as_text(value)}' is geen getal")
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise BadValue("geen geldig getal")
        return float(value)
    text = number_text(as_text(value))
    try:
        number = float(text)
    except ValueError:
        raise BadValue(f"'{_short(as_text(value))}' is geen getal") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise BadValue("geen geldig getal")
    return number


def as_int(value) -> int:
    """A whole number."""
    number = as_number(value)
    if not number.is_integer():
        raise BadValue(f"'{as_text(value)}' is geen geheel getal")
    return int(number)


def as_date(value) -> dt.date:
    """A date; accepts dates and text as dd/mm/jjjj or jjjj-mm-dd."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = as_text(value)
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise BadValue(f"'{_short(text)}' is geen datum (gebruik dd/mm/jjjj)")


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def convert(kind: str, value, *, choices: tuple[str, ...] | None = None, minimum=None,
            maximum=None, max_len: int = 255):
    """The typed value of a non-blank cell of this kind, or BadValue with a Dutch message."""
    # Fast paths for the common, valid cases (hundreds of thousands of score rows).
    if kind == schema.NUMBER and type(value) in (int, float) and abs(value) < 1e300 \
            and (minimum is None or value >= minimum) and (maximum is None or value <= maximum):
        return float(value)
    if kind in (schema.REF, schema.TEXT, schema.LONG_TEXT) and type(value) is str \
            and len(value) <= max_len:
        return value.strip()
    if kind in (schema.TEXT, schema.LONG_TEXT, schema.REF):
        text = as_text(value)
        if len(text) > max_len:
            raise BadValue(f"de tekst is {len(text)} tekens lang; hoogstens {max_len} mogen")
        return text
    if kind == schema.ID:
        text = as_text(value)
        if len(text) > max_len or not _ID_RE.match(text):
            raise BadValue(f"'{_short(text)}' is geen geldige ID (letters, cijfers, '-' of '_', "
                           f"hoogstens {max_len} tekens)")
        return text
    if kind == schema.EMAIL:
        text = as_text(value)
        if len(text) > max_len or not _EMAIL_RE.match(text):
            raise BadValue(f"'{_short(text)}' is geen geldig e-mailadres")
        return text
    if kind in (schema.NUMBER, schema.INT):
        number = as_int(value) if kind == schema.INT else as_number(value)
        if minimum is not None and number < minimum:
            raise BadValue(f"{as_text(number)} is kleiner dan {as_text(minimum)}")
        if maximum is not None and number > maximum:
            raise BadValue(f"{as_text(number)} is groter dan {as_text(maximum)}")
        return number
    if kind == schema.DATE:
        return as_date(value)
    if kind == schema.CHOICE:
        text = as_text(value)
        for choice in choices or ():
            if choice.casefold() == text.casefold():
                return choice
        shown = ", ".join(choices or ())
        if len(shown) > 120:
            shown = shown[:120] + "…"
        raise BadValue(f"'{_short(text)}' staat niet in de keuzelijst ({shown})")
    return value
