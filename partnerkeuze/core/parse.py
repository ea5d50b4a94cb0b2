"""Parsing a snapshot into the domain model, with every problem named by sheet and cell."""

from __future__ import annotations

from partnerkeuze.kernel.wording import nl_general

from array import array
from collections import Counter
from collections.abc import Sequence
from math import copysign

from partnerkeuze import layout
from partnerkeuze.kernel import reference
from partnerkeuze.kernel.cellref import col_letter, place
from partnerkeuze.kernel.errors import InputProblems, Problem
from partnerkeuze.layout import schema
from partnerkeuze.kernel.model import Assessor, Candidate, Criterion, Model, Score, Settings
from partnerkeuze.kernel.snapshot import Snapshot
from partnerkeuze.core.values import BadValue, convert, is_blank

WEIGHT_TOLERANCE = 0.01  # percent
# A profile still being written (the college approves it as the first step of the call) does
# not stop planning that call, reminding about it or fixing its criteria; documents wait for it.
PROFILE_IN_PROGRESS = ("plan", "calendar", "remind", "freeze")


HEADER_PROBLEM = "kolomkop '"
HEADERS_HINT = ("de kolomkoppen wijken af van wat deze versie van Partnerkeuze verwacht: er werd "
                "een kolom ingevoegd, verwijderd of hernoemd, of de werkmap werd gemaakt met een "
                "oudere versie. Zet de koppen terug (Ongedaan maken), of maak een nieuwe werkmap "
                "(partnerkeuze new) en neem de gegevens kolom per kolom over; dit bestand blijft "
                "ongewijzigd")


def _missing_sheet(problems: list[Problem], sheet: schema.Sheet) -> None:
    problems.append(Problem("Werkmap", f"het blad '{sheet.name}' ontbreekt"))


def present_width(snap: Snapshot, table: schema.Table, sheet_name: str) -> int:
    """How many of a table's columns the workbook has: all, or fewer for a workbook made before
    its optional columns at the end were added (their header cells are empty)."""
    headers = [snap.value(sheet_name, table.header_row, table.first_col + i)
               for i in range(len(table.columns))]
    return table.width_in(headers)


def present_columns(snap: Snapshot, table_key: str) -> tuple[str, ...]:
    """The keys of the columns of a table the workbook has (see present_width)."""
    table = layout.table(table_key)
    sheet = layout.TABLE_SHEET[table_key].name
    if not snap.has_sheet(sheet):
        return ()
    return tuple(c.key for c in table.columns[:present_width(snap, table, sheet)])


def check_header(snap: Snapshot, table: schema.Table, sheet_name: str,
                 problems: list[Problem]) -> bool:
    """Check the header row of a table; False (with problems) when a header is missing (the
    optional columns at the end may be absent, as in a workbook made before they existed)."""
    ok = True
    for i, col in enumerate(table.columns[:present_width(snap, table, sheet_name)]):
        c = table.first_col + i
        found = snap.value(sheet_name, table.header_row, c)
        if str(found or "").strip() != col.header:
            shown = f"'{found}'" if found not in (None, "") else "een lege cel"
            problems.append(Problem(place(sheet_name, c, table.header_row),
                                    f"{HEADER_PROBLEM}{col.header}' verwacht, gevonden: {shown}"))
            ok = False
    return ok


class TableRows(Sequence):
    """The typed rows of a large table held by column (one list per column, row numbers in an
    array) instead of a dict per row: a row is handed out as the same dict read_table gives
    ('_row' and the column keys), built when asked for. 280,000 score rows take about 20 MB
    this way against 80 MB as dicts."""

    __slots__ = ("keys", "_rows", "_cols")

    def __init__(self, keys: tuple[str, ...]):
        self.keys = keys
        self._rows = array("l")
        self._cols: list[list] = [[] for _ in keys]

    def append_values(self, row_no: int, values: list) -> None:
        """Add one row: its sheet row and its values in the order of keys."""
        self._rows.append(row_no)
        for col, value in zip(self._cols, values):
            col.append(value)

    def column(self, key: str) -> list:
        """The values of one column, in row order (read-only by convention)."""
        return self._cols[self.keys.index(key)]

    def row_numbers(self) -> array:
        """The sheet row of every row, in order."""
        return self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        rec = {"_row": self._rows[index]}
        for key, col in zip(self.keys, self._cols):
            rec[key] = col[index]
        return rec

    def __iter__(self):
        keys = self.keys
        for row_no, values in zip(self._rows, zip(*self._cols)):
            rec = {"_row": row_no}
            rec.update(zip(keys, values))
            yield rec

    def __eq__(self, other) -> bool:
        return list(self) == list(other)

    def __repr__(self) -> str:
        return f"TableRows({len(self)} rows)"


# Tables read into TableRows (column storage) rather than a dict per row: the large ones.
COMPACT_TABLES = frozenset({"scores"})


def read_table(snap: Snapshot, table_key: str, problems: list[Problem]) -> list[dict]:
    """The typed rows of a table (blank rows skipped); each dict holds '_row', its sheet row.
    The tables of COMPACT_TABLES come as TableRows (the same dicts, built when asked for)."""
    table = layout.table(table_key)
    sheet = layout.TABLE_SHEET[table_key]
    if not snap.has_sheet(sheet.name):
        if not sheet.optional:
            _missing_sheet(problems, sheet)
        return []
    if not check_header(snap, table, sheet.name, problems):
        return []
    converters = []
    width = present_width(snap, table, sheet.name)  # absent optional columns read as empty
    for i, col in enumerate(table.columns):
        choices = layout.LISTS[col.choices][1] if col.choices else None
        converters.append((table.first_col - 1 + i if i < width else 1 << 30, col, choices))
    inputs = [(idx, col) for idx, col, _ in converters if col.is_input] or \
        [(idx, col) for idx, col, _ in converters]
    compact = table_key in COMPACT_TABLES
    out: list[dict] | TableRows = TableRows(tuple(col.key for col in table.columns)) \
        if compact else []
    numbers: dict[float, float] = {}
    rows = snap.rows(sheet.name)
    for r in range(table.first_data_row - 1, len(rows)):
        raw = rows[r]
        if all(is_blank(raw[idx]) if idx < len(raw) else True for idx, _ in inputs):
            continue
        row_no = r + 1
        values: list = []
        for idx, col, choices in converters:
            value = raw[idx] if idx < len(raw) else None
            if is_blank(value):
                if col.required:
                    problems.append(Problem(place(sheet.name, idx + 1, row_no),
                                            f"'{col.header}' is verplicht maar leeg"))
                values.append(None)
                continue
            if col.kind == schema.OUTPUT:
                values.append(value)
                continue
            try:
                values.append(convert(col.kind, value, choices=choices, minimum=col.minimum,
                                      maximum=col.maximum, max_len=col.max_len))
            except BadValue as exc:
                problems.append(Problem(place(sheet.name, idx + 1, row_no), str(exc)))
                values.append(None)
        if compact:
            for i, v in enumerate(values):  # one float object per distinct number
                if type(v) is float:
                    if v:
                        values[i] = numbers.setdefault(v, v)
                    elif copysign(1.0, v) > 0:
                        values[i] = 0.0
            out.append_values(row_no, values)
        else:
            rec: dict = {"_row": row_no}
            rec.update(zip((col.key for _, col, _ in converters), values))
            out.append(rec)
    return out


def read_fields(snap: Snapshot, sheet_key: str, problems: list[Problem]) -> dict:
    """The typed values of a key/value sheet, by field key (defaults for blank optional fields)."""
    sheet = layout.sheet(sheet_key)
    table = sheet.table
    values: dict = {f.key: f.default for f in sheet.fields}
    values["_rows"] = {}
    if not snap.has_sheet(sheet.name):
        _missing_sheet(problems, sheet)
        return values
    if not check_header(snap, table, sheet.name, problems):
        return values
    rows_by_key: dict[str, int] = {}
    for r in range(table.first_data_row, len(snap.rows(sheet.name)) + 1):
        key = snap.value(sheet.name, r, table.first_col)
        if isinstance(key, str) and key.strip():
            rows_by_key[key.strip()] = r
    vcol = table.first_col + 2
    for f in sheet.fields:
        r = rows_by_key.get(f.key)
        if r is None:
            # A workbook made by an older version lacks newer optional rows: their default holds.
            if f.required:
                problems.append(Problem(f"{sheet.name}!{col_letter(table.first_col)}",
                                        f"de rij '{f.label}' (sleutel {f.key}) ontbreekt"))
            continue
        values["_rows"][f.key] = r
        raw = snap.value(sheet.name, r, vcol)
        if is_blank(raw):
            if f.required:
                problems.append(Problem(place(sheet.name, vcol, r),
                                        f"'{f.label}' is verplicht maar leeg",
                                        allows=PROFILE_IN_PROGRESS if sheet_key == "profile"
                                        else ()))
            values[f.key] = None if f.input else raw
            if f.input and not f.required:
                values[f.key] = None
            continue
        if not f.input or f.kind == schema.OUTPUT:
            values[f.key] = raw
            continue
        choices = layout.LISTS[f.choices][1] if f.choices else None
        try:
            values[f.key] = convert(f.kind, raw, choices=choices, minimum=f.minimum,
                                    maximum=f.maximum, max_len=f.max_len)
        except BadValue as exc:
            problems.append(Problem(place(sheet.name, vcol, r), str(exc)))
    return values


def _duplicates(rows: list[dict], key: str, sheet_name: str, col: int,
                problems: list[Problem]) -> None:
    seen: dict = {}
    for rec in rows:
        value = rec.get(key)
        if value is None:
            continue
        folded = str(value).casefold()
        if folded in seen:
            problems.append(Problem(place(sheet_name, col, rec["_row"]),
                                    f"ID '{value}' komt twee keer voor (ook in rij {seen[folded]})"))
        else:
            seen[folded] = rec["_row"]


def _settings(values: dict) -> Settings:
    mode = reference.MODES.get(values.get("mode") or "stedenband", "stedenband")
    aggregation = reference.AGGREGATIONS.get(values.get("aggregation") or "gemiddelde", "mean")
    return Settings(
        mode=mode,
        call_title=values.get("call_title") or "",
        shortlist_size=int(values.get("shortlist_size") or 3),
        aggregation=aggregation,
        scale_min=float(values["scale_min"] if values.get("scale_min") is not None else 0),
        scale_max=float(values["scale_max"] if values.get("scale_max") is not None else 5),
        call_date=values.get("call_date"),
        deadline=values.get("deadline"),
        frozen_hash=str(values.get("frozen_hash") or ""),
        frozen_at=str(values.get("frozen_at") or ""),
        frozen_by=str(values.get("frozen_by") or ""),
        values={k: v for k, v in values.items() if not k.startswith("_")},
    )


def parse(snap: Snapshot) -> Model:
    """The model of a workbook snapshot; raises InputProblems listing every problem parsing
    found (the pipeline's gate adds every feature's checks)."""
    problems: list[Problem] = []
    model = parse_lenient(snap, problems)
    if problems:
        raise InputProblems(sorted_problems(problems))
    return model


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """Problems without repeats, in the order of the sheets, then by row and column."""
    return sorted(set(problems), key=problem_order)


def problem_order(p: Problem):
    """Sort key of a problem: the order of the sheets, then row and column."""
    order = {s.name: i for i, s in enumerate(layout.SHEETS)}
    sheet, _, cell = p.place.partition("!")
    col = "".join(ch for ch in cell if ch.isalpha())
    row = "".join(ch for ch in cell.split(":")[0] if ch.isdigit())
    return (order.get(sheet, -1), int(row or 0), len(col), col, p.message)


def parse_lenient(snap: Snapshot, problems: list[Problem]) -> Model:
    """The model of a snapshot, appending problems instead of raising; rows with bad cells kept."""
    profile = read_fields(snap, "profile", problems)
    settings_values = read_fields(snap, "settings", problems)
    settings = _settings(settings_values)
    tables = {key: (read_table(snap, key, problems) if key in layout.tables_for(settings.mode)
                    else []) for key in layout.TABLES}
    if any(p.message.startswith(HEADER_PROBLEM) for p in problems):
        problems.append(Problem("Werkmap", HEADERS_HINT))
    if settings.scale_min >= settings.scale_max:
        r = settings_values["_rows"].get("scale_max", 0)
        problems.append(Problem(place(layout.sheet("settings").name, 3, r),
                                "de hoogste score moet groter zijn dan de laagste"))

    crit_sheet = layout.sheet("criteria").name
    ct = layout.table("criteria")
    _duplicates(tables["criteria"], "id", crit_sheet, ct.first_col, problems)
    criteria: list[Criterion] = []
    for rec in tables["criteria"]:
        if rec.get("id") is None:
            continue
        row = rec["_row"]
        lo = rec["scale_min"] if rec.get("scale_min") is not None else settings.scale_min
        hi = rec["scale_max"] if rec.get("scale_max") is not None else settings.scale_max
        if lo >= hi:
            problems.append(Problem(place(crit_sheet, ct.first_col + ct.index("scale_max"), row),
                                    f"de schaal van {nl_general(lo)} tot {nl_general(hi)} is leeg: 'tot' moet groter zijn"))
        kind = rec.get("kind") or reference.KIND_SCORED
        weight = rec.get("weight")
        wcol = ct.first_col + ct.index("weight")
        if kind == reference.KIND_KNOCKOUT:
            if weight:
                problems.append(Problem(place(crit_sheet, wcol, row),
                                        "een knock-outcriterium heeft geen gewicht (laat leeg of 0)"))
            if rec.get("threshold") is None:
                problems.append(Problem(place(crit_sheet, ct.first_col + ct.index("threshold"), row),
                                        "een knock-outcriterium heeft een drempel nodig"))
            weight = 0.0
        elif weight is None:
            problems.append(Problem(place(crit_sheet, wcol, row), "het gewicht ontbreekt"))
            weight = 0.0
        criteria.append(Criterion(
            id=rec["id"], name=rec.get("name") or "", weight=float(weight), scale_min=float(lo),
            scale_max=float(hi), kind=kind, threshold=rec.get("threshold"),
            description=rec.get("description") or "",
            questions={lang: rec.get(f"q_{lang}") or "" for lang in reference.LANGUAGES},
            row=row,
            names={lang: rec.get(f"name_{lang}") or "" for lang in reference.LANGUAGES
                   if lang != "nl"}))
    scored = [c for c in criteria if not c.knockout]
    if "criteria" not in layout.tables_for(settings.mode):
        pass  # a mode without criteria (evaluatie)
    elif not tables["criteria"]:
        problems.append(Problem(place(crit_sheet, ct.first_col, ct.first_data_row),
                                "er zijn geen criteria"))
    elif not scored:
        problems.append(Problem(place(crit_sheet, ct.first_col, ct.first_data_row),
                                "er is geen enkel criterium met een gewicht"))
    else:
        total = sum(c.weight for c in scored)
        if abs(total - 100.0) > WEIGHT_TOLERANCE:
            wcol = col_letter(ct.first_col + ct.index("weight"))
            last = max(c.row for c in criteria)
            problems.append(Problem(f"{crit_sheet}!{wcol}{ct.first_data_row}:{wcol}{last}",
                                    f"de gewichten tellen op tot {nl_general(total)} %; dat moet 100 % zijn"))

    cand_sheet = layout.sheet("candidates").name
    cat = layout.table("candidates")
    _duplicates(tables["candidates"], "id", cand_sheet, cat.first_col, problems)
    candidates = [
        Candidate(id=r["id"], name=r.get("name") or "", country=r.get("country") or "",
                  language=r.get("language") or "nl", region=r.get("region") or "",
                  channel=r.get("channel") or "", contact=r.get("contact") or "",
                  email=r.get("email") or "", received=r.get("received"),
                  status=r.get("status") or reference.STATUSES[0], note=r.get("note") or "",
                  row=r["_row"])
        for r in tables["candidates"] if r.get("id") is not None
    ]

    ass_sheet = layout.sheet("assessors").name
    _duplicates(tables["assessors"], "id", ass_sheet, layout.table("assessors").first_col, problems)
    assessors = [Assessor(id=r["id"], name=r.get("name") or "", role=r.get("role") or "",
                          email=r.get("email") or "", row=r["_row"])
                 for r in tables["assessors"] if r.get("id") is not None]

    scores = _scores(tables["scores"], criteria, candidates, assessors, problems)
    return Model(profile={k: v for k, v in profile.items() if not k.startswith("_")},
                 settings=settings, criteria=criteria, candidates=candidates,
                 assessors=assessors, scores=scores, tables=tables,
                 fields={"profile": profile, "settings": settings_values})


def _scores(rows, criteria, candidates, assessors, problems) -> list[Score]:
    sheet = layout.sheet("scores").name
    st = layout.table("scores")
    crit_by_id = {c.id: c for c in criteria}
    known = {
        "candidate": {c.id for c in candidates},
        "criterion": set(crit_by_id),
        "assessor": {a.id for a in assessors},
    }
    where = {"candidate": "Kandidaten", "criterion": "Criteria", "assessor": "Beoordelaars"}
    label = {"candidate": "kandidaat", "criterion": "criterium", "assessor": "beoordelaar"}
    col_of = {k: st.first_col + st.index(k) for k in ("candidate", "criterion", "assessor", "score")}
    # The sheet row of each (candidate, criterion, assessor) seen, in one flat array (0: not
    # yet): a few bytes per combination instead of a tuple and a dict entry per score.
    index = {key: {v: i for i, v in enumerate(dict.fromkeys(ids))} for key, ids in
             (("candidate", [c.id for c in candidates]), ("criterion", list(crit_by_id)),
              ("assessor", [a.id for a in assessors]))}
    ci, ki, ai = index["candidate"], index["criterion"], index["assessor"]
    nk, na = len(ki), len(ai)
    seen = array("l", bytes(array("l").itemsize * len(ci) * nk * na))
    out: list[Score] = []
    if isinstance(rows, TableRows):
        records = zip(rows.row_numbers(), rows.column("candidate"), rows.column("criterion"),
                      rows.column("assessor"), rows.column("score"), rows.column("motivation"))
    else:
        records = ((rec["_row"], rec.get("candidate"), rec.get("criterion"), rec.get("assessor"),
                    rec.get("score"), rec.get("motivation")) for rec in rows)
    for row, cand, crit_id, who, value, motivation in records:
        ok = True
        for key, found in (("candidate", cand), ("criterion", crit_id), ("assessor", who)):
            if found is not None and found not in known[key]:
                problems.append(Problem(place(sheet, col_of[key], row),
                                        f"{label[key]} '{found}' bestaat niet op het blad {where[key]}"))
                ok = False
            elif found is None:
                ok = False
        if not ok:
            continue
        crit = crit_by_id[crit_id]
        if value is not None and not (crit.scale_min <= value <= crit.scale_max):
            problems.append(Problem(place(sheet, col_of["score"], row),
                                    f"score {value:g} ligt buiten de schaal {crit.scale_min:g}-"
                                    f"{crit.scale_max:g} van criterium {crit.id}"))
            value = None
        at = (ci[cand] * nk + ki[crit_id]) * na + ai[who]
        if seen[at]:
            problems.append(Problem(place(sheet, col_of["candidate"], row),
                                    f"dubbele score: {who} scoorde {cand} op {crit_id} "
                                    f"al in rij {seen[at]}"))
            continue
        seen[at] = row
        out.append(Score(candidate=cand, criterion=crit_id, assessor=who, score=value,
                         motivation=motivation or "", row=row))
    return out


def count_problems(problems: list[Problem]) -> Counter:
    """How many problems each sheet has (for summaries)."""
    return Counter(p.place.partition("!")[0] for p in problems)
