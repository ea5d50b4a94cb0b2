"""The vocabulary of the declarative workbook layout: sheets, tables, columns and fields."""

from __future__ import annotations

from partnerkeuze.kernel.plain import Value

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


class Column(Value):
    """One column of an Excel table: its code key, Dutch header and what it may hold."""

    def __init__(self, key: str, header: str, kind: str = TEXT, width: float = 16,
                 required: bool = False, choices: str | None = None, ref: str | None = None,
                 minimum: float | None = None, maximum: float | None = None, max_len: int = 255,
                 number_format: str | None = None, help: str = "", wrap: bool = False,
                 optional: bool = False):
        self.key = key
        self.header = header
        self.kind = kind
        self.width = width
        self.required = required
        self.choices = choices  # key of a list on the Lijsten sheet (CHOICE)
        self.ref = ref  # "table_key" whose id column this refers to (REF)
        self.minimum = minimum
        self.maximum = maximum
        self.max_len = max_len
        self.number_format = number_format
        self.help = help
        self.wrap = wrap
        # A column a later version added at the end of its table: a workbook made before it has an
        # empty header cell there and reads the column as empty (see Table.width_in).
        self.optional = optional

    @property
    def is_input(self) -> bool:
        """True when the user types into this column (it is unlocked and styled as input)."""
        return self.kind != OUTPUT


class Table(Value):
    """An Excel table (ListObject) on a sheet, with its header row and columns."""

    def __init__(self, key: str, name: str, columns: tuple[Column, ...], header_row: int = 4,
                 first_col: int = 1, id_column: str | None = None, buffer_rows: int = 60,
                 style: str = "TableStyleMedium2"):
        self.key = key
        self.name = name  # Excel table name, e.g. tblKandidaten
        self.columns = columns
        self.header_row = header_row
        self.first_col = first_col
        self.id_column = id_column
        self.buffer_rows = buffer_rows  # empty, unlocked rows kept below the data for typing
        self.style = style

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


class Field(Value):
    """One row of a key/value sheet (profile, settings): a named value with its validation."""

    def __init__(self, key: str, label: str, kind: str = TEXT, default: object = None,
                 required: bool = False, choices: str | None = None,
                 minimum: float | None = None, maximum: float | None = None, max_len: int = 255,
                 number_format: str | None = None, help: str = "", input: bool = True):
        self.key = key
        self.label = label
        self.kind = kind
        self.default = default
        self.required = required
        self.choices = choices
        self.minimum = minimum
        self.maximum = maximum
        self.max_len = max_len
        self.number_format = number_format
        self.help = help
        self.input = input


class Sheet(Value):
    """A worksheet: Dutch name, title, plain-Dutch intro, and at most one table or field list."""

    def __init__(self, key: str, name: str, title: str, intro: str, table: Table | None = None,
                 fields: tuple[Field, ...] = (), protected: bool = True,
                 tab_color: str | None = None, order: int = 100,
                 modes: tuple[str, ...] = ("stedenband", "sdg"), extras: dict | None = None,
                 optional: bool = False):
        self.key = key
        self.name = name
        self.title = title
        self.intro = intro
        self.table = table
        self.fields = fields
        self.protected = protected
        self.tab_color = tab_color
        self.order = order  # position among the sheets (lower comes first)
        self.modes = modes  # the modes whose workbooks have this sheet
        self.extras = {} if extras is None else extras
        # A sheet a later version added: a workbook made before it lacks it and reads it as
        # empty (what depends on it says so where it matters, e.g. `record college`).
        self.optional = optional

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
