"""The scoring form of one assessor (write) and a returned scoring form (read)."""

from __future__ import annotations

from partnerkeuze.kernel.wording import nl_general

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from partnerkeuze.kernel import reference
from partnerkeuze.features.intake.conflicts import conflicted_pairs
from partnerkeuze.io.forms.identity import (
    KIND_ASSESSOR,
    Call,
    check_call,
    now_stamp,
    read_meta,
    write_meta)
from partnerkeuze.io.forms.form_book import open_form
from partnerkeuze.io.forms.safety import FormRefused
from partnerkeuze.core.values import BadValue, as_number, as_text
from partnerkeuze.io.xlsx.cells import put

SHEET = "Beoordeling"
DECL_SHEET = "Belangenconflicten"
DECL_HEADER_ROW = 4
DECL_COLUMNS = (("Kandidaat", 11), ("Gemeente", 24), ("Land", 14), ("Verklaring", 16),
                ("Toelichting", 70))
DECL_COL, DECL_NOTE_COL = 4, 5
HEADER_ROW = 6
COLUMNS = (("Kandidaat", 11), ("Gemeente", 24), ("Land", 14), ("Criterium", 10),
           ("Naam van het criterium", 32), ("Schaal van", 9), ("Schaal tot", 9), ("Score", 9),
           ("Motivering", 70))
SCORE_COL, MOTIVATION_COL = 8, 9
MAX_ROWS = 20_000
MOTIVATION_MAX = 2000
INPUT_COLOR, HEADER_COLOR = "FFF2CC", "1F4E79"  # fills of the input cells and the headers
_SAFE = re.compile(r"[^A-Za-z0-9_-]+")


def candidates_for(model, assessor_id: str) -> tuple[list, int]:
    """(candidates this assessor scores, how many were left out for a declared conflict)."""
    conflicts = {c for a, c in conflicted_pairs(model) if a == assessor_id}
    active = [c for c in model.candidates if c.status != reference.WITHDRAWN]
    return [c for c in active if c.id not in conflicts], sum(1 for c in active if c.id in conflicts)


def _header(ws, row: int, titles) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for c, (title, width) in enumerate(titles, start=1):
        cell = ws.cell(row=row, column=c)
        put(cell, title)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_COLOR)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(c)].width = width


def _protect(ws) -> None:
    from partnerkeuze.io.forms.sheet import fit_to_width

    fit_to_width(ws, landscape=True)
    p = ws.protection
    p.sheet = True
    p.selectLockedCells = False
    p.selectUnlockedCells = False
    p.formatRows = False
    p.autoFilter = False


def _input_row(ws, row: int, values, answer_col: int, note_col: int, fill) -> None:
    """Write values into a row from column A on, then open its two input cells for typing:
    the answer (top-aligned) and the note beside it (top-aligned, wrapped), both with `fill`."""
    from openpyxl.styles import Alignment, Protection

    for c, v in enumerate(values, start=1):
        put(ws.cell(row=row, column=c), v)
    for c in (answer_col, note_col):
        cell = ws.cell(row=row, column=c)
        cell.fill = fill
        cell.protection = Protection(locked=False)
        cell.alignment = Alignment(wrap_text=c == note_col, vertical="top")


def build_assessor_form(model, call: Call, assessor):
    """(the form of one assessor (an openpyxl Workbook), candidates on it, candidates left out
    for a conflict)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    input_fill = PatternFill("solid", fgColor=INPUT_COLOR)
    cands, n_conflicts = candidates_for(model, assessor.id)
    existing = {(s.candidate, s.criterion): s for s in model.scores if s.assessor == assessor.id}
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    put(ws["A1"], f"Beoordelingsformulier: {call.title}")
    ws["A1"].font = Font(size=16, bold=True, color="1F4E79")
    put(ws["A2"], f"Beoordelaar: {assessor.id} {assessor.name}"
                  + (f" ({assessor.role})" if assessor.role else ""))
    ws["A2"].font = Font(size=12, bold=True)
    put(ws["A3"], "Verklaar eerst op het blad 'Belangenconflicten' per kandidaat of u een "
                  "belangenconflict hebt: zonder verklaring tellen uw scores voor die kandidaat "
                  "niet mee. Geef dan per kandidaat en criterium een score binnen de schaal en "
                  "een korte motivering. Enkel de gele cellen kunnen ingevuld worden. De "
                  "antwoorden van de kandidaten staan op het blad 'Antwoorden', de criteria op "
                  "'Criteria'. Bewaar als .xlsx en stuur terug naar de coördinator; een nieuwere "
                  "versie vervangt een eerder ingestuurde.")
    ws["A3"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A3:I3")
    ws.row_dimensions[3].height = 48
    if n_conflicts:
        put(ws["A4"], f"{n_conflicts} kandidaat/kandidaten staan niet op dit formulier wegens een "
                      f"verklaard belangenconflict.")
        ws["A4"].font = Font(italic=True, color="808080")
    _header(ws, HEADER_ROW, COLUMNS)
    ws.row_dimensions[HEADER_ROW].height = 30
    cells: list[tuple[str, str]] = []
    validations: dict[tuple[float, float], DataValidation] = {}
    row = HEADER_ROW
    for cand in cands:
        for crit in model.criteria:
            row += 1
            prior = existing.get((cand.id, crit.id))
            values = [cand.id, cand.name, cand.country, crit.id, crit.name, crit.scale_min,
                      crit.scale_max, prior.score if prior else None,
                      prior.motivation if prior and prior.motivation else None]
            _input_row(ws, row, values, SCORE_COL, MOTIVATION_COL, input_fill)
            key = (crit.scale_min, crit.scale_max)
            if key not in validations:
                dv = DataValidation(type="decimal", operator="between", formula1=f"{key[0]:g}",
                                    formula2=f"{key[1]:g}", allow_blank=True)
                dv.error = f"Geef een score van {nl_general(key[0])} tot {nl_general(key[1])}."
                dv.showErrorMessage = True
                ws.add_data_validation(dv)
                validations[key] = dv
            validations[key].add(ws.cell(row=row, column=SCORE_COL).coordinate)
            cells.append((f"pair:{cand.id}|{crit.id}",
                          ws.cell(row=row, column=SCORE_COL).coordinate))
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=2)
    _protect(ws)
    cells += _declarations_sheet(wb, model, assessor)
    _answers_sheet(wb, model, cands)
    _criteria_sheet(wb, model)
    write_meta(wb, KIND_ASSESSOR, call,
               {"assessor": assessor.id, "assessor_name": assessor.name,
                "generated": now_stamp()}, cells)
    from openpyxl.workbook.protection import WorkbookProtection

    wb.security = WorkbookProtection(lockStructure=True)
    wb.active = 0
    wb.properties.title = f"Beoordelingsformulier {assessor.id}: {call.title}"
    return wb, len(cands), n_conflicts


def current_declaration(model, assessor_id: str, candidate_id: str) -> str:
    """The declaration that holds for a pair: 'conflict' wins over 'geen conflict'; '' if none."""
    decl = set()
    for rec in model.tables.get("conflicts", []):
        if rec.get("assessor") == assessor_id and rec.get("candidate") == candidate_id \
                and rec.get("declaration"):
            decl.add(rec["declaration"])
    return reference.CONFLICT if reference.CONFLICT in decl else \
        reference.NO_CONFLICT if reference.NO_CONFLICT in decl else ""


def _declarations_sheet(wb, model, assessor) -> list[tuple[str, str]]:
    """The conflict-of-interest declaration: one row per active candidate (also the ones left
    off the scores for a declared conflict), the current declaration prefilled."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    input_fill = PatternFill("solid", fgColor=INPUT_COLOR)
    ws = wb.create_sheet(DECL_SHEET, 1)
    put(ws["A1"], f"Verklaring over belangenconflicten: {assessor.id} {assessor.name}")
    ws["A1"].font = Font(size=14, bold=True, color="1F4E79")
    put(ws["A2"], "Kies per kandidaat 'geen conflict' of 'conflict' (bv. familie, een eigen "
                  "belang of een band met de gemeente of haar vertegenwoordigers). Met "
                  "'conflict' scoort u die kandidaat niet; zonder verklaring tellen uw scores "
                  "voor die kandidaat niet mee.")
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A2:E2")
    ws.row_dimensions[2].height = 45
    _header(ws, DECL_HEADER_ROW, DECL_COLUMNS)
    dv = DataValidation(type="list", formula1='"' + ",".join(reference.DECLARATIONS) + '"',
                        allow_blank=True)
    dv.error = "Kies 'geen conflict' of 'conflict'."
    dv.showErrorMessage = True
    ws.add_data_validation(dv)
    cells = []
    row = DECL_HEADER_ROW
    for cand in model.candidates:
        if cand.status == reference.WITHDRAWN:
            continue
        row += 1
        values = (cand.id, cand.name, cand.country,
                  current_declaration(model, assessor.id, cand.id) or None, None)
        _input_row(ws, row, values, DECL_COL, DECL_NOTE_COL, input_fill)
        dv.add(ws.cell(row=row, column=DECL_COL).coordinate)
        cells.append((f"decl:{cand.id}", ws.cell(row=row, column=DECL_COL).coordinate))
    ws.freeze_panes = ws.cell(row=DECL_HEADER_ROW + 1, column=2)
    _protect(ws)
    return cells


def _answers_sheet(wb, model, cands) -> None:
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet("Antwoorden")
    put(ws["A1"], "Antwoorden van de kandidaten (om te lezen)")
    ws["A1"].font = Font(size=14, bold=True, color="1F4E79")
    _header(ws, 3, (("Kandidaat", 11), ("Gemeente", 24), ("Criterium", 10), ("Vraag", 50),
                    ("Taal", 6), ("Antwoord", 90)))
    allowed = {c.id: c for c in cands}
    crits = {c.id: c for c in model.criteria}
    row = 3
    for rec in model.tables.get("answers", []):
        if rec.get("superseded") or rec.get("candidate") not in allowed:
            continue
        crit = crits.get(rec.get("criterion"))
        row += 1
        cand = allowed[rec["candidate"]]
        for c, v in enumerate((cand.id, cand.name, rec.get("criterion"),
                               (crit.questions.get("nl") or crit.name) if crit else "",
                               as_text(rec.get("language")), rec.get("answer") or ""), start=1):
            put(ws.cell(row=row, column=c), v)
            ws.cell(row=row, column=c).alignment = Alignment(wrap_text=c in (4, 6),
                                                             vertical="top")
    if row == 3:
        put(ws["A4"], "Nog geen antwoorden ingelezen.")
    ws.freeze_panes = "A4"
    _protect(ws)


def _criteria_sheet(wb, model) -> None:
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet("Criteria")
    put(ws["A1"], "Criteria met hun gewicht en schaal")
    ws["A1"].font = Font(size=14, bold=True, color="1F4E79")
    _header(ws, 3, (("ID", 8), ("Criterium", 30), ("Omschrijving", 60), ("Gewicht (%)", 11),
                    ("Schaal van", 10), ("Schaal tot", 10), ("Soort", 11), ("Drempel", 9)))
    for r, c in enumerate(model.criteria, start=4):
        for k, v in enumerate((c.id, c.name, c.description, c.weight, c.scale_min, c.scale_max,
                               c.kind, c.threshold), start=1):
            put(ws.cell(row=r, column=k), v)
            ws.cell(row=r, column=k).alignment = Alignment(wrap_text=k == 3, vertical="top")
    _protect(ws)


@dataclass
class AssessorForm:
    """What a returned assessor form holds."""

    path: Path
    file_hash: str
    assessor: str
    generated: str
    modified: str  # the form's own 'last saved' time (document properties), ISO
    mtime: str  # the file's modification time, ISO
    expected: set = field(default_factory=set)  # (candidate, criterion) pairs on the form
    rows: dict = field(default_factory=dict)  # pair -> (raw score, motivation, cell)
    warnings: list = field(default_factory=list)
    declarations: dict = field(default_factory=dict)  # candidate -> (declaration, note, cell)
    bad_declarations: list = field(default_factory=list)  # Dutch lines

    @property
    def version(self) -> str:
        """What decides which of two forms is newer: generation, last saved, file time."""
        return f"{self.generated}|{self.modified}|{self.mtime}"


def _iso(value) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.replace(microsecond=0).isoformat()
    return ""


def read_assessor_form(path: Path, call: Call) -> AssessorForm:
    """The scores in a returned assessor form; FormRefused when it cannot be used."""
    wb, _data, digest = open_form(path)
    try:
        meta = read_meta(path, wb)
        warnings = check_call(path, meta, call, KIND_ASSESSOR)
        if SHEET not in wb.sheetnames:
            raise FormRefused(path, f"het blad '{SHEET}' ontbreekt in het formulier")
        modified = _iso(getattr(wb.properties, "modified", None))
        rows = {}
        for r, row in enumerate(wb[SHEET].iter_rows(min_row=HEADER_ROW + 1,
                                                    max_row=HEADER_ROW + MAX_ROWS,
                                                    max_col=MOTIVATION_COL, values_only=True),
                                start=HEADER_ROW + 1):
            if not row or row[0] is None or len(row) < 4 or row[3] is None:
                continue
            pair = (as_text(row[0])[:12], as_text(row[3])[:12])
            score = row[SCORE_COL - 1] if len(row) >= SCORE_COL else None
            motivation = as_text(row[MOTIVATION_COL - 1]) if len(row) >= MOTIVATION_COL else ""
            rows[pair] = (score, motivation[:MOTIVATION_MAX], f"{SHEET}!H{r}")
        declared, bad = _read_declarations(wb, meta)
    finally:
        wb.close()
    mtime = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc)
    expected = {tuple(k[5:].split("|", 1)) for k in meta.cells if k.startswith("pair:")}
    form = AssessorForm(path=path, file_hash=digest, assessor=meta.values.get("assessor", ""),
                        generated=meta.values.get("generated", ""), modified=modified,
                        mtime=mtime.strftime("%Y-%m-%dT%H:%M:%S.%f"), expected=expected,
                        rows=rows, warnings=warnings, declarations=declared,
                        bad_declarations=bad)
    if not form.assessor:
        raise FormRefused(path, "het formulier vermeldt geen beoordelaar")
    return form


def _read_declarations(wb, meta) -> tuple[dict, list[str]]:
    """The declarations filled in on the form's Belangenconflicten sheet (an older form
    without the sheet has none)."""
    listed = {k[5:] for k in meta.cells if k.startswith("decl:")}
    if DECL_SHEET not in wb.sheetnames or not listed:
        return {}, []
    out, bad = {}, []
    choices = {d.casefold(): d for d in reference.DECLARATIONS}
    for r, row in enumerate(wb[DECL_SHEET].iter_rows(min_row=DECL_HEADER_ROW + 1,
                                                     max_row=DECL_HEADER_ROW + MAX_ROWS,
                                                     max_col=DECL_NOTE_COL, values_only=True),
                            start=DECL_HEADER_ROW + 1):
        if not row or row[0] is None:
            continue
        cand = as_text(row[0])[:12]
        if cand not in listed:
            continue
        raw = as_text(row[DECL_COL - 1]).strip() if len(row) >= DECL_COL else ""
        note = as_text(row[DECL_NOTE_COL - 1])[:1000] if len(row) >= DECL_NOTE_COL else ""
        if not raw:
            continue
        value = choices.get(raw.casefold())
        if value is None:
            bad.append(f"{DECL_SHEET}!D{r}: '{raw[:40]}' is geen verklaring (kies 'geen "
                       f"conflict' of 'conflict')")
            continue
        out[cand] = (value, note, f"{DECL_SHEET}!D{r}")
    return out, bad


def score_value(raw, crit) -> tuple[float | None, str | None]:
    """(score, None) for a valid score, (None, None) for blank, (None, message) otherwise."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    try:
        value = as_number(raw)
    except BadValue as exc:
        return None, str(exc)
    if not crit.scale_min <= value <= crit.scale_max:
        return None, (f"score {nl_general(value)} ligt buiten de schaal {nl_general(crit.scale_min)}-"
                      f"{nl_general(crit.scale_max)}")
    return value, None
