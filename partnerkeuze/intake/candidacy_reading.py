"""Reading a returned candidacy form into plain values (identity fields and answers)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from partnerkeuze import reference
from partnerkeuze.intake import texts
from partnerkeuze.intake.identity import KIND_CANDIDACY, Call, check_call, read_meta
from partnerkeuze.intake.safety import FormRefused, open_form
from partnerkeuze.layout.intake import ANSWER_MAX
from partnerkeuze.values import as_text

MAX_ROWS = 600
MAX_COLS = 6
_REF_RE = re.compile(r"^([A-Z]{1,2})([0-9]{1,4})$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class CandidacyForm:
    """What a returned candidacy form holds."""

    path: Path
    file_hash: str
    language: str
    generated: str
    fields: dict = field(default_factory=dict)  # Kandidaten column key -> value
    answers: dict = field(default_factory=dict)  # criterion id -> answer text
    warnings: list = field(default_factory=list)


def _grid(ws) -> dict[str, object]:
    """The values of the first rows and columns of a sheet by A1 reference (bounded)."""
    from openpyxl.utils import get_column_letter

    out: dict[str, object] = {}
    for r, row in enumerate(ws.iter_rows(min_row=1, max_row=MAX_ROWS, max_col=MAX_COLS,
                                         values_only=True), start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                out[f"{get_column_letter(c)}{r}"] = value
    return out


def _lookup(text: str, pairs: list[tuple[str, str]], extra: dict[str, str]) -> str | None:
    folded = text.strip().casefold()
    for shown, value in pairs:
        if shown.casefold() == folded or value.casefold() == folded:
            return value
    return extra.get(folded)


def read_candidacy(path: Path, call: Call) -> CandidacyForm:
    """The contents of a returned candidacy form; FormRefused when it cannot be used."""
    wb, _data, digest = open_form(path)
    try:
        meta = read_meta(path, wb)
        warnings = check_call(path, meta, call, KIND_CANDIDACY)
        lang = meta.values.get("language", "")
        if lang not in texts.FORM_TEXT:
            raise FormRefused(path, "de taal van het formulier is onbekend")
        sheet = texts.FORM_TEXT[lang]["sheet"]
        if sheet not in wb.sheetnames:
            raise FormRefused(path, f"het blad '{sheet}' ontbreekt in het formulier")
        grid = _grid(wb[sheet])
    finally:
        wb.close()
    form = CandidacyForm(path=path, file_hash=digest, language=lang,
                         generated=meta.values.get("generated", ""), warnings=warnings)

    def value_at(key: str):
        ref = meta.cells.get(key, "")
        if not _REF_RE.match(ref):
            return None
        return grid.get(ref)

    def text_of(key: str, limit: int) -> str:
        raw = value_at(key)
        text = "" if raw is None else as_text(raw)
        if len(text) > limit:
            form.warnings.append(f"{path.name}: '{key}' is {len(text)} tekens lang; de eerste "
                                 f"{limit} zijn bewaard")
            text = text[:limit]
        return text

    name = text_of("name", 120)
    if not name:
        raise FormRefused(path, "de naam van de gemeente ontbreekt in het formulier; het kan "
                                "niet aan een kandidaat gekoppeld worden")
    form.fields["name"] = name
    for key, limit in (("region", 120), ("contact", 120)):
        form.fields[key] = text_of(key, limit)
    email = text_of("email", 200)
    if email and not _EMAIL_RE.match(email):
        form.warnings.append(f"{path.name}: '{email[:60]}' is geen geldig e-mailadres; niet "
                             f"overgenomen")
        email = ""
    form.fields["email"] = email
    country_text = text_of("country", 120)
    country = _lookup(country_text, texts.country_names(lang),
                      {c.iso.casefold(): c.name for c in reference.COUNTRIES}) \
        if country_text else None
    if country_text and country is None:
        form.warnings.append(f"{path.name}: het land '{country_text[:60]}' staat niet in de "
                             f"lijst; vul het land van {name} zelf in")
    form.fields["country"] = country or ""
    lang_text = text_of("language", 60)
    form.fields["language"] = (_lookup(lang_text, texts.language_names(lang), {})
                               if lang_text else None) or lang
    channel_text = text_of("channel", 200)
    channel = _lookup(channel_text, texts.channel_names(lang), {}) if channel_text else None
    if channel_text and channel is None:
        form.warnings.append(f"{path.name}: het kanaal '{channel_text[:60]}' staat niet in de "
                             f"lijst; niet overgenomen")
    form.fields["channel"] = channel or ""
    for key in meta.cells:
        if key.startswith("answer:"):
            cid = key[7:][:12]
            form.answers[cid] = text_of(key, ANSWER_MAX)
    return form
