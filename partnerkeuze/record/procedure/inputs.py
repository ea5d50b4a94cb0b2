"""What a decision rests on: the inputs of the result and of the documents, read from the
workbook as canonical items, so that a decision can store them and a later check can name each
change (sheet, row, old and new value).

An *item* is one row of an input table (or one setting): its key (the cells that identify it,
e.g. 'K05|C01|B2' on Scores), its sheet row, and its values (the cells the decision rests on),
normalised so that a workbook saved again by Excel or LibreOffice gives the same items: numbers
without a needless '.0', dates as ISO text, text stripped, a long text as '#' and 16 hex
digits of its SHA-256. An item whose values are all blank is no input (a second-round question
without an answer, a score row without a score).

The inputs, by sheet (INPUT_SHEETS):

- Instellingen: the settings that change the result or the figures of the dossier (shortlist
  size, aggregation, default scale, sensitivity and disagreement settings; RESULT_SETTINGS);
- Criteria: every column but the descriptions and the questions (fixed by ``freeze`` anyway);
- Kandidaten: every column but the note; of the status only whether the candidate withdrew or
  was chosen (moving a candidate from 'Shortlist' to 'Niet weerhouden' changes nothing decided);
- Beoordelaars (the panel), Belangenconflicten (declarations), Scores, Tweede ronde
  (judgements, arguments, sources), Eindvolgorde (consensus order, arguments, dissent), and
  Antwoorden (the candidates' answers the dossier presents).

The fingerprint of the inputs is the SHA-256 of the items in their sheet order (without row
numbers): the same values in another order are another fingerprint, a row inserted above the
table is not.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import NamedTuple

from partnerkeuze.kernel.plain import Value
from partnerkeuze import layout
from partnerkeuze.layout import schema
from partnerkeuze.kernel.snapshot import Snapshot

SETTINGS = "settings"
# The settings that change the result (scores, ranks, shortlist) or the figures the dossier
# shows the college (sensitivity, disagreement).
RESULT_SETTINGS = ("mode", "shortlist_size", "aggregation", "scale_min", "scale_max",
                   "sensitivity_samples", "sensitivity_spread", "sensitivity_seed",
                   "sensitivity_precision", "sensitivity_vary_scores", "disagreement_share")
LONG = 48  # characters from which a text is kept as its hash
WITHDRAWN = "Ingetrokken"
CHOSEN = "Gekozen"


class InputSheet(Value):
    """A table whose rows a decision rests on: the columns that identify a row and those whose
    values count."""

    table: str  # layout table key, or 'settings' for the settings fields
    keys: tuple[str, ...]
    values: tuple[str, ...]


class Item(NamedTuple):
    """One row a decision rests on: its key, its sheet row and its canonical values."""

    key: str
    row: int
    values: tuple


def _columns(table: str, keys: tuple[str, ...], skip: tuple[str, ...] = (),
             extra: tuple[str, ...] = ()) -> InputSheet:
    t = layout.table(table)
    cols = tuple(c.key for c in t.columns
                 if (c.is_input or c.key in extra) and c.key not in keys and c.key not in skip)
    return InputSheet(table, keys, cols)


def input_sheets(mode: str = "stedenband") -> tuple[InputSheet, ...]:
    """The tables a decision rests on in a workbook of this mode, in a fixed order."""
    present = set(layout.tables_for(mode))
    out = [InputSheet(SETTINGS, ("key",), ("value",)),
           _columns("criteria", ("id",), skip=("description", "q_nl", "q_fr", "q_en", "q_es")),
           _columns("candidates", ("id",), skip=("note",)),
           _columns("assessors", ("id",)),
           _columns("conflicts", ("assessor", "candidate")),
           _columns("scores", ("candidate", "criterion", "assessor")),
           _columns("second_round", ("candidate", "question")),
           _columns("final_order", ("candidate",)),
           _columns("answers", ("candidate", "criterion"), skip=("language",),
                    extra=("superseded",))]
    return tuple(s for s in out if s.table == SETTINGS or s.table in present)


def sheet_name(table: str) -> str:
    """The Dutch name of the sheet of an input table."""
    return layout.sheet(SETTINGS).name if table == SETTINGS else layout.TABLE_SHEET[table].name


def header(table: str, column: str) -> str:
    """The Dutch header of a column of an input table ('Waarde' for a setting)."""
    if table == SETTINGS:
        return "Waarde"
    return layout.table(table).column(column).header


def column_number(table: str, column: str) -> int:
    """The worksheet column of a column of an input table."""
    if table == SETTINGS:
        return layout.sheet(SETTINGS).table.first_col + 2
    t = layout.table(table)
    return t.first_col + t.index(column)


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _short(text: str):
    if len(text) > LONG:
        return "#" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return text


def canonical(value, kind: str = schema.TEXT):
    """A cell value as the decision keeps it (see the module docstring); None when blank."""
    from partnerkeuze.core.values import BadValue, as_date, as_number

    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if kind == schema.DATE:
        try:
            return as_date(value).isoformat()
        except BadValue:
            return _short(_text(value))
    if kind in (schema.NUMBER, schema.INT) or (isinstance(value, (int, float))
                                               and not isinstance(value, bool)):
        try:
            number = as_number(value)
        except BadValue:
            return _short(_text(value))
        return int(number) if number.is_integer() else round(number, 9)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return value
    return _short(_text(value))


def _fast(kind: str):
    """``canonical`` for one column kind, with the common cells (a number in a number column,
    a short text in a text column) answered without the general path."""
    numeric = kind in (schema.NUMBER, schema.INT)
    textual = kind not in (schema.NUMBER, schema.INT, schema.DATE)

    def convert(value):
        t = type(value)
        if value is None:
            return None
        if numeric and (t is float or t is int):
            if value != value or value in (float("inf"), float("-inf")):
                return canonical(value, kind)
            return int(value) if value == int(value) else round(value, 9)
        if textual and t is str:
            text = value.strip()
            if not text:
                return None
            return text if len(text) <= LONG else _short(text)
        return canonical(value, kind)
    return convert


def _status(value) -> str:
    text = _text(value) if value is not None else ""
    return text if text in (WITHDRAWN, CHOSEN) else ""


def _settings_items(snap: Snapshot) -> list[Item]:
    sheet = layout.sheet(SETTINGS)
    t = sheet.table
    kinds = {f.key: f.kind for f in sheet.fields}
    out = []
    for r in range(t.first_data_row, len(snap.rows(sheet.name)) + 1):
        key = snap.value(sheet.name, r, t.first_col)
        key = key.strip() if isinstance(key, str) else key
        if key in RESULT_SETTINGS and key in kinds:
            value = snap.value(sheet.name, r, t.first_col + 2)
            out.append(Item(key, r, (canonical(value, kinds[key]),)))
    return out


def _key_text(value) -> str:
    if value is None:
        return ""
    return value.strip() if type(value) is str else _text(value)


def _converted(cells: list, kind: str) -> list:
    """``canonical`` over a column, the common cells (a whole number in a number column, a
    short text in a text column) without a function call each."""
    convert = _fast(kind)
    if kind in (schema.NUMBER, schema.INT):
        return [v if type(v) is int else
                (int(v) if v.is_integer() else convert(v)) if type(v) is float else
                convert(v) for v in cells]
    if kind == schema.DATE:
        return [convert(v) for v in cells]
    return [None if v is None else
            (v if len(v) <= LONG and v == v.strip() and v else convert(v)) if type(v) is str
            else convert(v) for v in cells]


class TableInputs:
    """The items of one input table as parallel lists (keys, sheet rows, values); ``items()``
    makes the Item objects when a comparison needs them."""

    __slots__ = ("keys", "rows", "values")

    def __init__(self, keys: list[str], rows: list[int], values: list[tuple]):
        self.keys, self.rows, self.values = keys, rows, values

    def items(self) -> list[Item]:
        """The items in sheet order."""
        return [Item(k, r, v) for k, r, v in zip(self.keys, self.rows, self.values)]

    def __len__(self) -> int:
        return len(self.keys)


def _table_items(snap: Snapshot, spec: InputSheet, status: dict[str, str]) -> TableInputs:
    """The items of one table, column by column (280,000 score rows in about half a second)."""
    t = layout.table(spec.table)
    rows = snap.rows(layout.TABLE_SHEET[spec.table].name)[t.first_data_row - 1:]
    first = t.first_col - 1

    def column(idx: int) -> list:
        return [r[idx] if len(r) > idx else None for r in rows]

    keys = [[v.strip() if type(v) is str else _key_text(v)
             for v in column(first + t.index(k))] for k in spec.keys]
    keys = keys[0] if len(keys) == 1 else list(map("|".join, zip(*keys)))
    values = []
    names = {col.key for col in t.columns}
    for c in spec.values:
        if c not in names:  # a column a decision kept that this version no longer has
            values.append([None] * len(rows))
            continue
        cells = column(first + t.index(c))
        if c == "status" and spec.table == "candidates":
            values.append([_status(status.get(k, v)) or None for k, v in zip(keys, cells)])
        else:
            values.append(_converted(cells, t.column(c).kind))
    blank = (None,) * len(values)
    vals = list(zip(*values))
    numbers = range(t.first_data_row, t.first_data_row + len(vals))
    kept = [(k, r, v) for k, r, v in zip(keys, numbers, vals) if v != blank]
    out_keys = [k for k, _, _ in kept]
    if len(set(out_keys)) < len(out_keys):  # the same key twice (parse reports it): both count
        seen: dict[str, int] = {}
        for i, k in enumerate(out_keys):
            seen[k] = seen.get(k, 0) + 1
            if seen[k] > 1:
                out_keys[i] = f"{k}#{seen[k]}"
    return TableInputs(out_keys, [r for _, r, _ in kept], [v for _, _, v in kept])


def read_inputs(snap: Snapshot, mode: str = "stedenband",
                status: dict[str, str] | None = None,
                columns: dict[str, list[str]] | None = None) -> dict[str, TableInputs]:
    """The items of every input table, in sheet order (``status``: candidate id -> the status
    it is about to get, for the inputs of a decision that sets it; ``columns``: the value
    columns a stored decision kept, so that a column added by a later version is no change)."""
    out: dict[str, TableInputs] = {}
    for spec in input_sheets(mode):
        if columns and spec.table in columns and spec.table != SETTINGS:
            spec = InputSheet(spec.table, spec.keys, tuple(columns[spec.table]))
        if spec.table == SETTINGS:
            items = _settings_items(snap)
            out[SETTINGS] = TableInputs([i.key for i in items], [i.row for i in items],
                                        [i.values for i in items])
        elif snap.has_sheet(layout.TABLE_SHEET[spec.table].name):
            out[spec.table] = _table_items(snap, spec, status or {})
        else:
            out[spec.table] = TableInputs([], [], [])
    return out


def columns_of(mode: str = "stedenband") -> dict[str, list[str]]:
    """table -> the value columns of its items (stored with a decision)."""
    return {s.table: list(s.values) for s in input_sheets(mode)}


def fingerprint(inputs: dict) -> str:
    """The SHA-256 of the inputs (``read_inputs``, or {table: [Item]} as a decision stored
    them) in sheet order, row numbers left out (64 hex digits): per table its name, then per
    item a line of its key and the repr of its values."""
    h = hashlib.sha256()
    for table in sorted(inputs):
        found = inputs[table]
        if isinstance(found, TableInputs):
            pairs = zip(found.keys, found.values)
        else:
            pairs = ((item.key, item.values) for item in found)
        h.update(f"[{table}]\n".encode())
        lines = "".join(f"{key}\x1f{values!r}\n" for key, values in pairs)
        h.update(lines.encode("utf-8", "surrogatepass"))
    return h.hexdigest()
