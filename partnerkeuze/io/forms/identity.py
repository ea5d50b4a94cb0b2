"""The hidden identification of a form: which call, which criteria, which kind and version.

Each generated form carries a very hidden sheet 'pk' with key/value rows (A: key, B: value).
Returned forms are recognised by it; a form of another call or another kind is refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from partnerkeuze.io.forms.safety import FormRefused

META_SHEET = "pk"
KIND_CANDIDACY = "kandidatuur"
KIND_ASSESSOR = "beoordeling"
FORM_VERSION = "1"
MAX_META_ROWS = 3000


@dataclass(frozen=True)
class Call:
    """What identifies a call: the municipality, the call's title and the criteria fingerprint."""

    municipality: str
    title: str
    criteria_hash: str

    @property
    def label(self) -> str:
        """The call as a person reads it."""
        return f"'{self.title}' van {self.municipality}"


def call_of(model) -> Call:
    """The call of a parsed workbook."""
    from partnerkeuze.core.fingerprint import criteria_hash

    return Call(municipality=str(model.profile.get("municipality") or ""),
                title=model.settings.call_title or "",
                criteria_hash=criteria_hash(model.criteria))


def now_stamp() -> str:
    """A version stamp: the current UTC time to the microsecond (sorts as text)."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def write_meta(wb, kind: str, call: Call, values: dict, cells: list[tuple[str, str]]) -> None:
    """Add the very hidden 'pk' sheet with the form's identification and its answer cells."""
    ws = wb.create_sheet(META_SHEET)
    rows = [("pk_form", kind), ("format", FORM_VERSION), ("municipality", call.municipality),
            ("call_title", call.title), ("criteria_hash", call.criteria_hash)]
    rows += [(k, str(v)) for k, v in values.items()]
    rows += [(f"cell:{k}", ref) for k, ref in cells]
    for r, (key, value) in enumerate(rows, start=1):
        ws.cell(row=r, column=1).value = key
        c = ws.cell(row=r, column=2)
        c.value = value
        c.data_type = "s"
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True


@dataclass
class Meta:
    """The identification read back from a returned form."""

    kind: str
    call: Call
    values: dict = field(default_factory=dict)
    cells: dict = field(default_factory=dict)  # key -> cell reference on the main sheet


def read_meta(path: Path, wb) -> Meta:
    """The identification of a returned form, or FormRefused when it has none."""
    if META_SHEET not in wb.sheetnames:
        raise FormRefused(path, "dit is geen formulier van Partnerkeuze (de verborgen "
                                "identificatie ontbreekt); gebruik het formulier dat met de "
                                "oproep verstuurd werd")
    return meta_from_rows(path, wb[META_SHEET].iter_rows(min_row=1, max_row=MAX_META_ROWS,
                                                          max_col=2, values_only=True))


def meta_from_rows(path: Path, rows) -> Meta:
    """The identification from the key/value rows of a form's 'pk' sheet (any reader)."""
    values: dict[str, str] = {}
    cells: dict[str, str] = {}
    for n, row in enumerate(rows):
        if n >= MAX_META_ROWS:
            break
        if not row or row[0] is None:
            continue
        key = str(row[0])[:100]
        value = "" if len(row) < 2 or row[1] is None else str(row[1])[:500]
        if key.startswith("cell:"):
            cells[key[5:]] = value
        else:
            values[key] = value
    kind = values.pop("pk_form", "")
    if kind not in (KIND_CANDIDACY, KIND_ASSESSOR):
        raise FormRefused(path, "dit is geen formulier van Partnerkeuze (onbekende soort)")
    call = Call(municipality=values.pop("municipality", ""), title=values.pop("call_title", ""),
                criteria_hash=values.pop("criteria_hash", ""))
    return Meta(kind=kind, call=call, values=values, cells=cells)


def check_call(path: Path, meta: Meta, call: Call, kind: str) -> list[str]:
    """Refuse a form of another kind or call; warnings when only the criteria changed since."""
    if meta.kind != kind:
        if meta.kind == KIND_ASSESSOR:
            raise FormRefused(path, "dit is een beoordelingsformulier; lees het in met "
                                    "'Beoordelingen samenvoegen' (partnerkeuze merge)")
        raise FormRefused(path, "dit is een kandidatuurformulier; lees het in met "
                                "'Formulieren inlezen' (partnerkeuze import)")
    if (meta.call.municipality.casefold(), meta.call.title.casefold()) != \
            (call.municipality.casefold(), call.title.casefold()):
        raise FormRefused(path, f"dit formulier hoort bij een andere oproep "
                                f"('{meta.call.title[:80]}' van {meta.call.municipality[:60]}), "
                                f"niet bij {call.label}")
    if meta.call.criteria_hash != call.criteria_hash:
        return [f"{path.name}: de criteria zijn gewijzigd sinds dit formulier gemaakt werd; "
                f"antwoorden op criteria die nog bestaan worden ingelezen"]
    return []
