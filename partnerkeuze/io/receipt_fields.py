"""The fields of a receipt file (``NAAM.xlsx.verankering.json``, governance/anchor.py) checked
one by one: a receipt is a file beside the workbook that anyone can edit, so every field must
have its type, range and format before the record is compared with it. A field that does not
is refused with the file and the field named, in Dutch (exit 2: a file that cannot be used).
"""

from __future__ import annotations

import datetime as dt
import json
import re

from partnerkeuze.kernel.errors import FileError

MAX_COUNT = 1_048_576  # rows of a sheet: no log or history can hold more entries
MAX_TEXT = 500
_LINK = re.compile(r"[0-9a-f]{32}")
_FINGERPRINT = re.compile(r"[0-9a-f]{64}")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _fail(name: str, where: str, why: str) -> FileError:
    return FileError(f"{name}: {where}: {why}; herstel of verwijder dit ontvangstbewijs (neem "
                     f"de kopie die u buiten de werkmap bewaarde); er is niets gewijzigd")


def _count(name: str, where: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(name, where, f"{json.dumps(value, ensure_ascii=False)[:40]} is geen "
                                 f"aantal (een geheel getal vanaf 0 verwacht)")
    if not 0 <= value <= MAX_COUNT:
        raise _fail(name, where, f"{value} ligt buiten 0 tot {MAX_COUNT:,}".replace(",", "."))
    return value


def _pattern(name: str, where: str, value, pattern: re.Pattern, what: str,
             empty: bool) -> str:
    if not isinstance(value, str):
        raise _fail(name, where, f"{json.dumps(value, ensure_ascii=False)[:40]} is geen tekst "
                                 f"({what} verwacht)")
    if (value or not empty) and not pattern.fullmatch(value):
        shown = value.encode("ascii", "backslashreplace").decode("ascii")[:40]
        raise _fail(name, where, f"'{shown}' is geen {what}")
    return value


def _text(name: str, where: str, value) -> str:
    if not isinstance(value, str):
        raise _fail(name, where, f"{json.dumps(value, ensure_ascii=False)[:40]} is geen tekst")
    if len(value) > MAX_TEXT:
        raise _fail(name, where, f"de tekst is {len(value)} tekens lang (hoogstens {MAX_TEXT})")
    bad = _ILLEGAL.search(value)
    if bad:
        raise _fail(name, where, f"de tekst bevat het teken U+{ord(bad.group(0)):04X}, dat hier "
                                 f"niet mag")
    return value


def _when(name: str, where: str, value) -> str:
    text = _text(name, where, value)
    if text:
        try:
            dt.datetime.fromisoformat(text)
        except ValueError:
            raise _fail(name, where, f"'{text[:40]}' is geen datum en tijd "
                                     f"(JJJJ-MM-DD UU:MM:SS verwacht)") from None
    return text


def receipt_records(text: str, name: str, expected_format: str) -> list[dict]:
    """The records of a receipt file's text (name: the file, for the messages), each checked
    field by field: log_count, history_count (whole numbers from 0), log_link, history_link
    (32 hexadecimal characters, or empty for a count of 0), fingerprint (64), what and when;
    after a decision also decided_inputs and decided_result (64, optional)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        raise FileError(f"{name}: geen ontvangstbewijs van Partnerkeuze: geen geldige JSON"
                        + (f" (regel {line})" if line else "") + "; er is niets gewijzigd") \
            from None
    if not isinstance(data, dict) or data.get("formaat") != expected_format:
        raise FileError(f"{name}: geen ontvangstbewijs van Partnerkeuze (leesbaar JSON-bestand "
                        f"met formaat '{expected_format}' verwacht); er is niets gewijzigd")
    records = data.get("ontvangstbewijzen")
    if not isinstance(records, list):
        raise _fail(name, "veld 'ontvangstbewijzen'", "geen lijst van ontvangstbewijzen")
    if "werkmap" in data:
        _text(name, "veld 'werkmap'", data["werkmap"])
    out = []
    for i, record in enumerate(records, start=1):
        at = f"ontvangstbewijs {i}"
        if not isinstance(record, dict):
            raise _fail(name, at, "geen object met velden")
        for key in ("log_count", "log_link", "history_count", "history_link", "fingerprint"):
            if key not in record:
                raise _fail(name, f"{at}, veld '{key}'", "het veld ontbreekt")
        clean = {}
        for count_key, link_key in (("log_count", "log_link"),
                                    ("history_count", "history_link")):
            count = _count(name, f"{at}, veld '{count_key}'", record[count_key])
            link = _pattern(name, f"{at}, veld '{link_key}'", record[link_key], _LINK,
                            "schakel (32 hexadecimale tekens)", empty=True)
            if count == 0 and link:
                raise _fail(name, f"{at}, veld '{link_key}'",
                            f"een schakel bij {count_key} 0 (dan hoort het veld leeg)")
            clean[count_key], clean[link_key] = count, link
        clean["fingerprint"] = _pattern(name, f"{at}, veld 'fingerprint'", record["fingerprint"],
                                        _FINGERPRINT, "vingerafdruk (64 hexadecimale tekens)",
                                        empty=False)
        for key in ("decided_inputs", "decided_result"):  # after a decision (optional)
            clean[key] = _pattern(name, f"{at}, veld '{key}'", record.get(key, ""),
                                  _FINGERPRINT, "vingerafdruk (64 hexadecimale tekens)",
                                  empty=True)
        clean["what"] = _text(name, f"{at}, veld 'what'", record.get("what", ""))
        clean["when"] = _when(name, f"{at}, veld 'when'", record.get("when", ""))
        out.append(clean)
    return out
