"""The vocabulary of the declarative workbook layout: sheets, tables, columns and fields."""

from __future__ import annotations

from dataclasses import dataclass, field

# Column kinds understood by the builder, the parser and the validator.
TEXT = "text"  # short text (names, ids); capped at max_len
LONG_TEXT = "long_text"  # motivation, descriptions, answers; capped at max_len
ID = "id"  # identifier: letters, digits, '-', '_'
INT = "int"
NUMBER = "number"
DATE = "date"
CHOICE = "choice"  # one value of a list on the Lijsten sheet
REF = "ref"  # an id that must exist in another table (see Column.ref)
EMAIL = "email"
OUTPUT = "output"  # written by Python, never read as input

KINDS = (TEXT, LONG_TEXT, ID, INT, NUMBER, DATE, CHOICE, REF, EMAIL, OUTPUT)


@dataclass(frozen=True)
class Column:
    """One column of an Excel table: its code key, Dutch header and what it may hold."""

    key: str
    header: str
    kind: str = TEXT
    width: float = 16
    required: bool = False
    choices: str | None = None  # key of a list on the Lijsten sheet (CHOICE)
    ref: str | None = None  # "table_key" whose id column this refers to (REF)
    minimum: float | None = None
    maximum: float | None = None
    max_len: int = 255
    number_format: str | None = None
    help: str = ""
    wrap: bool = False
    # A column a later version added at the end of its table: a workbook made before it has an
    # empty header cell there and reads the column as empty (see Table.width_in).
    optional: bool = False

    @property
    def is_input(self) -> bool:
        """True when the user types into this column (it is unlocked and styled as input)."""
        return self.kind != OUTPUT


@dataclass(frozen=True)
class Table:
    """An Excel table (ListObject) on a sheet, with its header row and columns."""

    key: str
    name: str  # Excel table name, e.g. tblKandidaten
    columns: tuple[Column, ...]
    header_row: int = 4
    first_col: int = 1
    id_column: str | None = None
    buffer_rows: int = 60  # empty, unlocked rows kept below the data for typing
    style: str = "TableStyleMedium2"

    def column(self, key: str) -> Column:
        """The column with this key."""
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)

    def index(self, key: str) -> int:
        """Zero-based position of the column with this key."""
        for i, col in enumerate(self.columns):
            if col.key == key:
                return i
        raise KeyError(key)

    @property
    def first_data_row(self) -> int:
        """Worksheet row number of the first data row."""
        return self.header_row + 1

    def width_in(self, headers) -> int:
        """How many of the columns a worksheet has, from the values of its header row (from the
        table's first column on): all of them, or fewer when optional columns at the end (added
        by a later version) have empty header cells, as in a workbook made before them."""
        n = len(self.columns)
        while n and self.columns[n - 1].optional and \
                str((headers[n - 1] if n - 1 < len(headers) else None) or "").strip() == "":
            n -= 1
        return n


@dataclass(frozen=True)
class Field:
    """One row of a key/value sheet (profile, settings): a named value with its validation."""

    key: str
    label: str
    kind: str = TEXT
    default: object = None
    required: bool = False
    choices: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    max_len: int = 255
    number_format: str | None = None
    help: str = ""
    input: bool = True


@dataclass(frozen=True)
class Sheet:
    """A worksheet: Dutch name, title, plain-Dutch intro, and at most one table or field list."""

    key: str
    name: str
    title: str
    intro: str
    table: Table | None = None
    fields: tuple[Field, ...] = ()
    protected: bool = True
    tab_color: str | None = None
    order: int = 100  # position among the sheets (lower comes first)
    modes: tuple[str, ...] = ("stedenband", "sdg")  # the modes whose workbooks have this sheet
    extras: dict = field(default_factory=dict)

    @property
    def is_key_value(self) -> bool:
        """True for a sheet of named fields (profile, settings)."""
        return bool(self.fields)


# Key/value sheets use a fixed table of four columns.
KV_COLUMNS: tuple[Column, ...] = (
    Column("key", "Sleutel", OUTPUT, width=16),
    Column("label", "Gegeven", OUTPUT, width=34),
    Column("value", "Waarde", TEXT, width=48, wrap=True, max_len=32_767),  # each Field caps itself
    Column("help", "Toelichting", OUTPUT, width=60, wrap=True),
)


def kv_table(key: str, name: str) -> Table:
    """The table that holds the fields of a key/value sheet."""
    return Table(key=key, name=name, columns=KV_COLUMNS, buffer_rows=0)
