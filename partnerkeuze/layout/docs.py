"""Documentation of the workbook generated from the layout (workbook/README.md)."""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.layout import schema

_KIND_NL = {
    schema.TEXT: "tekst", schema.LONG_TEXT: "lange tekst", schema.ID: "ID", schema.INT: "geheel getal",
    schema.NUMBER: "getal", schema.DATE: "datum", schema.CHOICE: "keuzelijst",
    schema.REF: "verwijzing", schema.EMAIL: "e-mailadres", schema.OUTPUT: "berekend",
}


def _num(x) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _limits(item) -> str:
    parts = []
    if getattr(item, "choices", None):
        parts.append(f"lijst {layout.LISTS[item.choices][0]}")
    if getattr(item, "ref", None):
        parts.append(f"ID op {layout.TABLE_SHEET[item.ref].name}")
    if item.minimum is not None or item.maximum is not None:
        parts.append(f"{_num(item.minimum)}–{_num(item.maximum)}")
    if getattr(item, "required", False):
        parts.append("verplicht")
    return ", ".join(parts)


def sheets_markdown() -> str:
    """The sheets, tables, columns and fields of the governed workbook, in Markdown (Dutch)."""
    out = ["# De werkmap", "",
           "Dit bestand is gegenereerd uit de lay-out (`partnerkeuze/layout/`) door "
           "`python scripts/build_workbooks.py`; wijzig het niet met de hand.", "",
           "Gele cellen vult u in; grijze cellen berekent Partnerkeuze. Elke invoerkolom heeft een "
           "gegevensvalidatie; de bladen zijn beveiligd zodat alleen invoercellen open staan.", ""]
    for sheet in layout.SHEETS:
        modes = "" if set(sheet.modes) == {"stedenband", "sdg"} else \
            f" (alleen modus {', '.join(sheet.modes)})"
        if set(sheet.modes) == {"stedenband", "sdg", "evaluatie"}:
            modes = " (ook modus evaluatie)"
        out += [f"## {sheet.name}{modes}", "", sheet.title + ". " + sheet.intro, ""]
        if sheet.is_key_value:
            out += ["| sleutel | gegeven | soort | grenzen |", "| --- | --- | --- | --- |"]
            out += [f"| `{f.key}` | {f.label} | {_KIND_NL.get(f.kind, f.kind)} | {_limits(f)} |"
                    for f in sheet.fields]
            out.append("")
        elif sheet.table is not None:
            t = sheet.table
            out += [f"Tabel `{t.name}`, kopregel op rij {t.header_row}.", "",
                    "| kolom | soort | grenzen | toelichting |", "| --- | --- | --- | --- |"]
            out += [f"| {c.header} | {_KIND_NL.get(c.kind, c.kind)} | {_limits(c)} | {c.help} |"
                    for c in t.columns]
            out.append("")
    return "\n".join(out).rstrip() + "\n"
