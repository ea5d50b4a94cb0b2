"""The evaluation questionnaire of one side of a link in one language (.xlsx, no macros), and
reading it back: identity (link, round, side), scores on the scale with comments, expectations.

Like the candidacy forms: a protected sheet with only the yellow answer cells open, a very
hidden sheet 'pk' that identifies the form, and a defensive reader (size, zip and XML bombs are
refused before parsing; text is capped and never becomes a formula).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from partnerkeuze.kernel.errors import Problem
from partnerkeuze.features.evaluation import texts
from partnerkeuze.features.evaluation.instruments import instruments
from partnerkeuze.features.evaluation.workbook import Link
from partnerkeuze.io.forms.sheet import (BORDER, SECTION_FILL, fit_to_width, input_cell,
                                         label_cell, section_row)
from partnerkeuze.io.forms.identity import META_SHEET, MAX_META_ROWS, now_stamp
from partnerkeuze.io.forms.form_book import open_form
from partnerkeuze.io.forms.safety import FormRefused
from partnerkeuze.layout.evaluation import COMMENT_MAX, EXPECTATION_KINDS, NAME_MAX
from partnerkeuze.core.values import as_text
from partnerkeuze.io.xlsx.cells import put

KIND_EVALUATION = "evaluatie"
FORM_VERSION = "1"
MAX_ROWS = 400
MAX_COLS = 4
_REF_RE = re.compile(r"^([A-D])([0-9]{1,3})$")


def frame_hash(link: Link) -> str:
    """A short fingerprint of the frame (the ids and Dutch texts of concepts and questions)."""
    h = hashlib.sha256()
    for item in link.items:
        h.update(f"{item.id}\x1f{item.text('nl')}\x1e".encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]


def side_language(link: Link, side: str) -> str:
    """The language of a side's questionnaire: Dutch for the Flemish side, else the partner's."""
    return "nl" if side == "Vlaanderen" else link.partner_language


def build_form(link: Link, rnd: dict, side: str, lang: str, contact: str) -> Workbook:
    """The questionnaire of one side for one round in one language."""
    from partnerkeuze.io.forms.texts import long_date

    t = texts.FORM[lang]
    lo, hi = link.scale
    wb = Workbook()
    ws = wb.active
    ws.title = t["sheet"]
    for col, width in (("A", 62), ("B", 12), ("C", 60)):
        ws.column_dimensions[col].width = width
    ws.sheet_properties.tabColor = "548235"
    v = link.values
    put(ws["A1"], f"{t['heading']}: {v.get('flemish') or ''} – {v.get('partner') or ''}")
    ws["A1"].font = Font(size=16, bold=True, color="1F4E79")
    put(ws["A2"], t["round"].format(round=rnd["id"], date=long_date(rnd["date"], lang)))
    ws["A2"].font = Font(size=12, bold=True)
    put(ws["A3"], t["side"].format(side=texts.SIDE_NAMES[lang][side]))
    ws["A3"].font = Font(bold=True, color="C00000")
    ws.merge_cells("A4:C4")
    put(ws["A4"], t["instructions"].format(lo=lo, hi=hi, contact=contact))
    ws["A4"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[4].height = 60

    cells: list[tuple[str, str]] = []
    row = 6
    for key in ("participant", "role"):
        label_cell(ws.cell(row=row, column=1), t[key])
        input_cell(ws.cell(row=row, column=2))
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        cells.append((key, f"B{row}"))
        row += 1
    yes, no = texts.YES_NO[lang]
    label_cell(ws.cell(row=row, column=1), t["consent"])
    input_cell(ws.cell(row=row, column=2))
    put(ws.cell(row=row, column=2), no)
    consent_dv = DataValidation(type="list", formula1=f'"{yes},{no}"', allow_blank=True)
    ws.add_data_validation(consent_dv)
    consent_dv.add(f"B{row}")
    cells.append(("consent", f"B{row}"))
    row += 1
    score_dv = DataValidation(type="whole", operator="between", formula1=str(lo),
                              formula2=str(hi), allow_blank=True)
    score_dv.error = t["score"].format(lo=lo, hi=hi)
    score_dv.showErrorMessage = True
    text_dv = DataValidation(type="textLength", operator="lessThanOrEqual",
                             formula1=str(COMMENT_MAX), allow_blank=True)
    ws.add_data_validation(score_dv)
    ws.add_data_validation(text_dv)

    def items_section(title: str, items) -> None:
        nonlocal row
        row += 1
        section_row(ws, row, title)
        ws.cell(row=row, column=3).fill = SECTION_FILL
        row += 1
        for col, head in enumerate((t["item"], t["score"].format(lo=lo, hi=hi), t["comment"]),
                                   start=1):
            c = ws.cell(row=row, column=col)
            put(c, head)
            c.font = Font(bold=True)
            c.border = BORDER
        for item in items:
            row += 1
            label = item.text(lang)
            about = item.about(lang) if item.kind == "concept" else ""
            label_cell(ws.cell(row=row, column=1), f"{item.id}. {label}" + (f"\n{about}" if about
                                                                        else ""))
            ws.cell(row=row, column=1).font = Font(bold=item.kind == "concept")
            input_cell(ws.cell(row=row, column=2))
            input_cell(ws.cell(row=row, column=3), wrap=True)
            score_dv.add(f"B{row}")
            text_dv.add(f"C{row}")
            ws.row_dimensions[row].height = max(32, 15 * (len(label) // 55 + 1 + bool(about)))
            cells.append((f"score:{item.id}", f"B{row}"))
            cells.append((f"comment:{item.id}", f"C{row}"))

    items_section(t["section_concepts"], link.concepts)
    items_section(t["section_questions"], link.questions)
    row += 1
    section_row(ws, row, t["section_expectations"])
    ws.cell(row=row, column=3).fill = SECTION_FILL
    for kind in EXPECTATION_KINDS:
        row += 1
        label_cell(ws.cell(row=row, column=1), texts.KIND_NAMES[lang][kind])
        input_cell(ws.cell(row=row, column=2), wrap=True)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        text_dv.add(f"B{row}")
        ws.row_dimensions[row].height = 60
        cells.append((f"expect:{kind}", f"B{row}"))
    row += 1
    section_row(ws, row, t["section_instruments"])
    ws.cell(row=row, column=3).fill = SECTION_FILL
    for name, purpose, where in instruments(lang):
        row += 1
        label_cell(ws.cell(row=row, column=1), f"{name}: {purpose}")
        ws.cell(row=row, column=1).font = Font(bold=True)
        put(ws.cell(row=row, column=2), where)
        ws.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        ws.row_dimensions[row].height = 45
    ws.freeze_panes = "A6"
    fit_to_width(ws)
    p = ws.protection
    p.sheet = True
    p.selectLockedCells = False
    p.selectUnlockedCells = False
    p.formatRows = False
    from openpyxl.workbook.protection import WorkbookProtection

    wb.security = WorkbookProtection(lockStructure=True)
    meta = [("pk_form", KIND_EVALUATION), ("format", FORM_VERSION), ("link_id", link.link_id),
            ("round", rnd["id"]), ("side", side), ("language", lang), ("scale_min", str(lo)),
            ("scale_max", str(hi)), ("frame_hash", frame_hash(link)), ("generated", now_stamp())]
    meta += [(f"cell:{k}", ref) for k, ref in cells]
    mws = wb.create_sheet(META_SHEET)
    for r, (key, value) in enumerate(meta, start=1):
        mws.cell(row=r, column=1).value = key
        c = mws.cell(row=r, column=2)
        c.value = value
        c.data_type = "s"
    mws.sheet_state = "veryHidden"
    mws.protection.sheet = True
    wb.active = 0
    wb.properties.creator = str(v.get("flemish") or "Partnerkeuze")
    wb.properties.title = f"{t['heading']}: {v.get('flemish') or ''} – {v.get('partner') or ''}"
    return wb


def filled_in(path: Path) -> bool:
    """True when an existing file is a questionnaire someone filled in (or not ours to replace)."""
    try:
        wb, _data, _digest = open_form(path)
    except FormRefused:
        return True
    try:
        meta, cells = _meta(path, wb)
        sheet = texts.FORM.get(meta.get("language", ""), {}).get("sheet")
        ref = cells.get("participant", "")
        if not sheet or sheet not in wb.sheetnames or not _REF_RE.match(ref):
            return True
        return wb[sheet][ref].value not in (None, "")
    except FormRefused:
        return True
    finally:
        wb.close()


@dataclass
class EvaluationForm:
    """What a returned questionnaire holds."""

    path: Path
    file_hash: str
    round: str
    side: str
    language: str
    generated: str
    participant: str = ""
    role: str = ""
    named: bool = False  # the participant agreed to be named with their comments
    scores: dict = field(default_factory=dict)  # item id -> score
    comments: dict = field(default_factory=dict)  # item id -> comment
    expectations: dict = field(default_factory=dict)  # kind -> text
    warnings: list = field(default_factory=list)


def _meta(path: Path, wb) -> tuple[dict, dict]:
    if META_SHEET not in wb.sheetnames:
        raise FormRefused(path, "dit is geen vragenlijst van Partnerkeuze (de verborgen "
                                "identificatie ontbreekt); gebruik de vragenlijst die verstuurd "
                                "werd")
    values: dict[str, str] = {}
    cells: dict[str, str] = {}
    for row in wb[META_SHEET].iter_rows(min_row=1, max_row=MAX_META_ROWS, max_col=2,
                                        values_only=True):
        if not row or row[0] is None:
            continue
        key = str(row[0])[:100]
        value = "" if len(row) < 2 or row[1] is None else str(row[1])[:500]
        (cells.__setitem__(key[5:], value) if key.startswith("cell:")
         else values.__setitem__(key, value))
    if values.get("pk_form") != KIND_EVALUATION:
        raise FormRefused(path, "dit is geen evaluatievragenlijst (maar een ander formulier "
                                "van Partnerkeuze)")
    return values, cells


def read_form(path: Path, link: Link, rnd: dict, late_reason: str = ""
              ) -> tuple[EvaluationForm | None, list[Problem]]:
    """A returned questionnaire and the problems that keep it out (each with file and cell).

    ``rnd`` is the round being read in (the latest); a questionnaire of an earlier round comes
    in late and is read into its own round only with a reason (``import --reason``)."""
    wb, _data, digest = open_form(path)
    try:
        meta, cells = _meta(path, wb)
        lang = meta.get("language", "")
        if lang not in texts.FORM:
            raise FormRefused(path, "de taal van de vragenlijst is onbekend")
        sheet = texts.FORM[lang]["sheet"]
        if sheet not in wb.sheetnames:
            raise FormRefused(path, f"het blad '{sheet}' ontbreekt in de vragenlijst")
        grid: dict[str, object] = {}
        for r, values in enumerate(wb[sheet].iter_rows(min_row=1, max_row=MAX_ROWS,
                                                        max_col=MAX_COLS, values_only=True),
                                   start=1):
            for c, value in enumerate(values, start=1):
                if value is not None:
                    grid[f"{'ABCD'[c - 1]}{r}"] = value
    finally:
        wb.close()
    name = path.name
    problems: list[Problem] = []
    if meta.get("link_id", "").casefold() != link.link_id.casefold():
        return None, [Problem(f"{name}!A1", f"deze vragenlijst hoort bij de stedenband "
                                            f"'{meta.get('link_id', '')[:40]}', niet bij "
                                            f"'{link.link_id}'")]
    own = link.round(meta.get("round", ""))
    if meta.get("round") != rnd["id"]:
        earlier = own is not None and (own["date"], own["id"]) < (rnd["date"], rnd["id"])
        if not earlier:
            return None, [Problem(f"{name}!A2", f"deze vragenlijst hoort bij ronde "
                                                f"'{meta.get('round', '')[:20]}', die niet (meer) "
                                                f"op het blad Evaluatierondes staat; nu worden "
                                                f"de antwoorden van ronde '{rnd['id']}' "
                                                f"ingelezen")]
        if not late_reason:
            return None, [Problem(f"{name}!A2", f"deze vragenlijst hoort bij ronde "
                                                f"'{own['id']}'; nu worden de antwoorden van "
                                                f"ronde '{rnd['id']}' ingelezen. Een te late "
                                                f"vragenlijst van een eerdere ronde leest u in "
                                                f"die ronde in met --reason (waarom ze te laat "
                                                f"is)")]
        rnd = own
    side = meta.get("side", "")
    if side not in ("Vlaanderen", "partner"):
        return None, [Problem(f"{name}!A3", "de kant van de vragenlijst is onbekend")]
    form = EvaluationForm(path=path, file_hash=digest, round=rnd["id"], side=side,
                          language=lang, generated=meta.get("generated", ""))
    lo, hi = link.scale
    if (meta.get("scale_min"), meta.get("scale_max")) != (str(lo), str(hi)):
        problems.append(Problem(f"{name}!A4", f"de vragenlijst gebruikt de schaal "
                                              f"{meta.get('scale_min')}-{meta.get('scale_max')}, "
                                              f"de werkmap {lo}-{hi}"))

    def ref(key: str) -> str:
        r = cells.get(key, "")
        return r if _REF_RE.match(r) else ""

    def text_at(key: str, limit: int) -> str:
        r = ref(key)
        raw = grid.get(r) if r else None
        text = "" if raw is None else as_text(raw)
        if len(text) > limit:
            form.warnings.append(f"{name}!{r}: de tekst is {len(text)} tekens lang; de eerste "
                                 f"{limit} zijn bewaard")
            text = text[:limit]
        return text

    form.participant = text_at("participant", NAME_MAX)
    if not form.participant:
        problems.append(Problem(f"{name}!{ref('participant') or 'B6'}",
                                "de naam van de deelnemer ontbreekt"))
    form.role = text_at("role", NAME_MAX)
    consent = text_at("consent", 10).strip().casefold()
    form.named = consent == texts.YES_NO.get(lang, ("ja", "nee"))[0].casefold()
    known = {i.id: i for i in link.items}
    asked = [k[6:] for k in cells if k.startswith("score:")]
    for iid in asked:
        r = ref(f"score:{iid}")
        place = f"{name}!{r or 'B'}"
        item = known.get(iid)
        if item is None:
            problems.append(Problem(place, f"'{iid[:12]}' is geen basisbegrip of evaluatievraag "
                                           f"meer in de werkmap; stuur de nieuwe vragenlijst"))
            continue
        raw = grid.get(r) if r else None
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if item.kind == "concept":
                problems.append(Problem(place, f"geen score voor het basisbegrip "
                                               f"'{item.text('nl')}'"))
            continue
        try:
            score = float(str(raw).strip().replace(",", ".")) if isinstance(raw, str) \
                else float(raw)
        except (TypeError, ValueError):
            problems.append(Problem(place, f"'{as_text(raw)[:30]}' is geen score (een getal van "
                                           f"{lo} tot {hi})"))
            continue
        if isinstance(raw, bool) or not lo <= score <= hi:
            problems.append(Problem(place, f"score {as_text(raw)[:30]} ligt buiten de schaal "
                                           f"{lo}-{hi}"))
            continue
        form.scores[iid] = score
        comment = text_at(f"comment:{iid}", COMMENT_MAX)
        if comment:
            form.comments[iid] = comment
    missing = [c for c in link.concepts if c.id not in asked]
    if missing:
        problems.append(Problem(f"{name}!A1", "de vragenlijst mist de basisbegrippen "
                                              + ", ".join(c.id for c in missing)
                                              + "; stuur de nieuwe vragenlijst"))
    for kind in EXPECTATION_KINDS:
        text = text_at(f"expect:{kind}", COMMENT_MAX)
        if text:
            form.expectations[kind] = text
    return (None if problems else form), problems
