"""Reading a returned candidacy form into plain values (identity fields and answers)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from partnerkeuze.kernel import reference
from partnerkeuze.kernel.cellref import col_letter
from partnerkeuze.io.forms import texts
from partnerkeuze.io.forms.identity import KIND_CANDIDACY, Call, check_call, read_meta
from partnerkeuze.io.forms.form_book import open_form
from partnerkeuze.io.forms.safety import FormRefused
from partnerkeuze.layout.intake import ANSWER_MAX
from partnerkeuze.core.values import as_text

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
    arrived: dt.date | None = None  # when the candidacy came in (mail date or file time)
    source: str = ""  # the mail it came attached to, if any
    label: str = ""  # the file as messages name it (path in the folder, or mail > attachment)


def _grid(ws) -> dict[str, object]:
    """The values of the first rows and columns of a sheet by A1 reference (bounded)."""
    out: dict[str, object] = {}
    for r, row in enumerate(ws.iter_rows(min_row=1, max_row=MAX_ROWS, max_col=MAX_COLS,
                                         values_only=True), start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                out[f"{col_letter(c)}{r}"] = value
    return out


def _lookup(text: str, pairs: list[tuple[str, str]], extra: dict[str, str]) -> str | None:
    folded = text.strip().casefold()
    for shown, value in pairs:
        if shown.casefold() == folded or value.casefold() == folded:
            return value
    return extra.get(folded)


def _ods_sheets(path: Path) -> dict[str, dict[str, object]]:
    """The sheets of a .ods form as {sheet: {A1 ref: value}} (pandas' odf engine, bounded)."""
    import warnings

    import pandas as pd
    from partnerkeuze.io.forms.safety import open_checked

    data, _ = open_checked(path, "ods")
    import io

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frames = pd.read_excel(io.BytesIO(data), engine="odf", sheet_name=None, header=None,
                                   dtype=object, nrows=MAX_ROWS)
    except Exception as exc:  # odfpy raises many kinds on damaged files
        raise FormRefused(path, f"het rekenblad kan niet gelezen worden; het is beschadigd of "
                                f"geen formulier ({type(exc).__name__})") from None
    out: dict[str, dict[str, object]] = {}
    for name, frame in frames.items():
        grid: dict[str, object] = {}
        for r, row in enumerate(frame.itertuples(index=False), start=1):
            for c, value in enumerate(row[:MAX_COLS], start=1):
                if value is not None and not (isinstance(value, float) and value != value):
                    grid[f"{col_letter(c)}{r}"] = value
        out[str(name)] = grid
    for (sheet, ref), formula in _ods_formulas(data).items():
        if sheet in out:  # what the candidate typed, not its result (kept as text)
            out[sheet][ref] = formula
    return out


def _ods_formulas(data: bytes) -> dict[tuple[str, str], str]:
    """{(sheet, A1 ref): '=FORMULA'} of the cells holding a formula in a .ods (first rows and
    columns only), read from content.xml (checked before: no DTD, bounded size)."""
    import io
    import zipfile

    from lxml import etree
    t = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    out: dict[tuple[str, str], str] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf, zf.open("content.xml") as fh:
        sheet, row, col = "", 0, 0
        for event, el in etree.iterparse(fh, events=("start", "end"), resolve_entities=False,
                                         no_network=True, huge_tree=False):
            tag = el.tag
            if event == "start":
                if tag == t + "table":
                    sheet, row = el.get(t + "name") or "", 0
                elif tag == t + "table-row":
                    col = 0
                continue
            if tag == t + "table-row":
                row += int(el.get(t + "number-rows-repeated") or 1)
                el.clear()
                if row > MAX_ROWS:
                    row = MAX_ROWS + 1
            elif tag in (t + "table-cell", t + "covered-table-cell"):
                formula = el.get(t + "formula")
                if formula and row < MAX_ROWS and col < MAX_COLS:
                    text = formula.split(":", 1)[1] if formula.startswith("of:") else formula
                    out[(sheet, f"{col_letter(col + 1)}{row + 1}")] = \
                        text.replace("[.", "").replace("]", "")[:ANSWER_MAX]
                col += int(el.get(t + "number-columns-repeated") or 1)
    return out


def _read_ods(path: Path):
    """(meta, grid of the form's sheet, hash) of a candidacy form saved as .ods."""
    from partnerkeuze.io.forms.identity import META_SHEET, meta_from_rows
    from partnerkeuze.io.forms.safety import file_hash, read_bytes

    sheets = _ods_sheets(path)
    if META_SHEET not in sheets:
        raise FormRefused(path, "dit is geen formulier van Partnerkeuze (de verborgen "
                                "identificatie ontbreekt); gebruik het formulier dat met de "
                                "oproep verstuurd werd")
    pk = sheets[META_SHEET]
    rows = [(pk.get(f"A{r}"), pk.get(f"B{r}")) for r in range(1, MAX_ROWS + 1)
            if pk.get(f"A{r}") is not None]
    meta = meta_from_rows(path, rows)
    lang = meta.values.get("language", "")
    sheet = texts.FORM_TEXT.get(lang, {}).get("sheet", "")
    if lang in texts.FORM_TEXT and sheet not in sheets:
        raise FormRefused(path, f"het blad '{sheet}' ontbreekt in het formulier")
    return meta, sheets.get(sheet, {}), file_hash(read_bytes(path))


def read_candidacy(path: Path, call: Call) -> CandidacyForm:
    """The contents of a returned candidacy form (.xlsx, .ods, or the Word questionnaire);
    FormRefused when it cannot be used."""
    from partnerkeuze.io.forms.safety import kind_of

    kind = kind_of(path)
    if kind == "docx":
        from partnerkeuze.io.forms.word_form import normalise, read_word_form

        meta, slots, digest = read_word_form(path)
        grid = {key: normalise(text) for key, text in slots.items()}
        warnings = check_call(path, meta, call, KIND_CANDIDACY)
        lang = meta.values.get("language", "")
        if lang not in texts.FORM_TEXT:
            raise FormRefused(path, "de taal van het formulier is onbekend")
        return _candidacy(path, digest, meta, warnings, lambda key: grid.get(key))
    if kind == "ods":
        meta, grid, digest = _read_ods(path)
        warnings = check_call(path, meta, call, KIND_CANDIDACY)
        if meta.values.get("language", "") not in texts.FORM_TEXT:
            raise FormRefused(path, "de taal van het formulier is onbekend")
    else:
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

    def value_at(key: str):
        ref = meta.cells.get(key, "")
        if not _REF_RE.match(ref):
            return None
        return grid.get(ref)

    return _candidacy(path, digest, meta, warnings, value_at)


def _candidacy(path: Path, digest: str, meta, warnings: list, value_at) -> CandidacyForm:
    """The candidacy from a form's identification and a reader of its values by key."""
    lang = meta.values.get("language", "")
    form = CandidacyForm(path=path, file_hash=digest, language=lang,
                         generated=meta.values.get("generated", ""), warnings=warnings)

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
    for key, limit in (("region", 120), ("contact_given", 80), ("contact_family", 80),
                       ("contact_role", 120)):
        form.fields[key] = text_of(key, limit)
    # the contact as one text: given and family names (older forms asked "name and position")
    form.fields["contact"] = " ".join(
        p for p in (form.fields["contact_given"], form.fields["contact_family"]) if p) \
        or text_of("contact", 120)
    salutation_text = text_of("salutation", 40)
    anywhere = {shown.casefold(): code for other in texts.SALUTATION_TEXT
                for shown, code in texts.salutation_names(other)}
    salutation = _lookup(salutation_text, texts.salutation_names(lang),
                         {**anywhere, **texts.SALUTATION_ALIASES}) if salutation_text else None
    if salutation_text and salutation is None:
        form.warnings.append(f"{path.name}: de aanspreking '{salutation_text[:40]}' is geen "
                             f"mevrouw of de heer; niet overgenomen")
    form.fields["salutation"] = salutation or ""
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
