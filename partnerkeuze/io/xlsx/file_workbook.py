"""The governed workbook as a file: read and written part by part (FileWorkbook), or held in
openpyxl when it is being built (OpenpyxlWorkbook); saved atomically."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from partnerkeuze import layout
from partnerkeuze.kernel.errors import FileError
from partnerkeuze.kernel.patch import Patch
from partnerkeuze.kernel.snapshot import Snapshot

MAX_UNCOMPRESSED = 2_000_000_000  # bytes; more is refused as a possible zip bomb
MAX_RATIO = 400  # uncompressed/compressed for a large part


def lock_files(path: Path) -> list[Path]:
    """Owner files that show the workbook is open in Excel (~$name) or LibreOffice."""
    candidates = [path.with_name("~$" + path.name), path.with_name(".~lock." + path.name + "#")]
    if len(path.name) > 2:
        candidates.append(path.with_name("~$" + path.name[2:]))
    return [p for p in candidates if p.exists()]


def check_zip(path: Path) -> None:
    """Refuse a file that is not an .xlsx package or that would inflate beyond reason."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            names = {i.filename for i in infos}
    except zipfile.BadZipFile:
        from partnerkeuze.io.xlsx.diagnose import not_a_package_reason

        raise FileError(f"{path.name}: {not_a_package_reason(path)}") from None
    except OSError as exc:
        from partnerkeuze.kernel.errors import os_reason

        raise FileError(f"{path.name}: kan het bestand niet lezen ({os_reason(exc)})") from None
    if "xl/workbook.xml" not in names:
        raise FileError(f"{path.name}: dit is geen Excel-werkmap (.xlsx): het onderdeel "
                        f"xl/workbook.xml ontbreekt")
    if total > MAX_UNCOMPRESSED or any(
            i.file_size > 50_000_000 and i.file_size > MAX_RATIO * max(i.compress_size, 1)
            for i in infos):
        raise FileError(f"{path.name}: het bestand pakt uit tot een verdacht grote omvang en "
                        f"wordt geweigerd")


def existing(path: str | os.PathLike) -> Path:
    """The path of an existing, readable workbook file, or a FileError in Dutch."""
    p = Path(path)
    if not p.exists():
        raise FileError(f"{p}: bestand niet gevonden")
    if p.is_dir():
        raise FileError(f"{p}: dit is een map, geen werkmap")
    return p


def load(path: Path, *, read_only: bool = False, keep_vba: bool = False):
    """Open a workbook with openpyxl; a Dutch FileError for anything that is not a workbook."""
    check_zip(path)
    import warnings

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(path, read_only=read_only, data_only=False, keep_links=False,
                                 keep_vba=keep_vba)
    except FileError:
        raise
    except MemoryError:
        raise FileError(f"{path.name}: te weinig geheugen om de werkmap te lezen") from None
    except Exception:  # openpyxl raises many kinds on damaged packages (in English)
        raise FileError(f"{path.name}: de werkmap kan niet gelezen worden: een onderdeel is "
                        f"beschadigd of ontbreekt; open ze in Excel en bewaar ze opnieuw, of "
                        f"neem een reservekopie (.vorige-…xlsx)") from None


def snapshot_of(wb, source: str) -> Snapshot:
    """The values of every sheet of an openpyxl workbook.

    A workbook held in memory is read sheet by sheet when first asked; a read-only workbook
    (which streams from its file) is read at once, so the snapshot outlives the open file.
    """
    snap = Snapshot(source=source)
    if getattr(wb, "read_only", False):
        snap.sheets = {ws.title: _values(ws) for ws in wb.worksheets}
    else:
        from partnerkeuze.io.xlsx.reader import FileSheets

        snap.sheets = FileSheets(wb.sheetnames, lambda name: _values(wb[name]))
    return snap


def _values(ws) -> list[tuple]:
    """A sheet's rows of values as the file path reads them: an array formula as
    ``patch.ArrayFormula`` (its text), where openpyxl gives its own ArrayFormula object."""
    from openpyxl.worksheet.formula import ArrayFormula as OpenpyxlArrayFormula

    from partnerkeuze.kernel.patch import ArrayFormula

    def value(v):
        if isinstance(v, OpenpyxlArrayFormula):
            text = v.text or ""
            return ArrayFormula(text if text.startswith("=") else "=" + text)
        return v

    return [tuple(value(v) for v in row)
            if any(isinstance(v, OpenpyxlArrayFormula) for v in row) else row
            for row in ws.iter_rows(values_only=True)]


class OpenpyxlWorkbook:
    """An openpyxl workbook in memory behind the read-snapshot / write-patch interface."""

    def __init__(self, wb, name: str = "werkmap"):
        self.wb = wb
        self.name = name
        self._snapshot: Snapshot | None = None
        self.cached: dict = {}  # (sheet, row, col) -> formula with its cached value (cache_inject)
        self.patches: list[Patch] = []  # applied, for what they declare (patch.declared)

    def snapshot(self) -> Snapshot:
        """The current values of every sheet (read once, refreshed after a patch); a formula
        a patch wrote with its cached value shows as that Formula (openpyxl keeps no value)."""
        if self._snapshot is None:
            snap = snapshot_of(self.wb, self.name)
            if self.cached:
                from partnerkeuze.io.xlsx.reader import FileSheets

                load = snap.sheets.__getitem__
                snap.sheets = FileSheets(self.wb.sheetnames,
                                         lambda name: self._with_cached(name, load(name)))
            self._snapshot = snap
        return self._snapshot

    def _with_cached(self, sheet: str, rows: list) -> list:
        cells = {(r, c): f for (s, r, c), f in self.cached.items() if s == sheet}
        if not cells:
            return rows
        out = [list(row) for row in rows]
        for (r, c), formula in cells.items():
            if r <= len(out) and c <= len(out[r - 1]) and out[r - 1][c - 1] == formula:
                out[r - 1][c - 1] = formula
        return [tuple(row) for row in out]

    def apply(self, patch: Patch) -> None:
        """Write a patch into the workbook."""
        from partnerkeuze.io.xlsx.apply import apply_patch

        from partnerkeuze.io.xlsx.cache_inject import formula_cells

        apply_patch(self.wb, patch)
        self.cached.update(formula_cells(patch))
        self.patches.append(patch)
        self._snapshot = None

    def written_formulas(self, sheet: str) -> dict[tuple[int, int], object]:
        """(row, column) -> Formula of the formulas patches wrote on a sheet with a cached
        value."""
        return {(r, c): f for (s, r, c), f in self.cached.items() if s == sheet}

    def save(self, path: Path, *, backup: bool = True) -> None:
        """Save the workbook atomically to path, every formula a patch wrote with its cached
        value and fullCalcOnLoad only where a value could be stale (cache_inject)."""
        from partnerkeuze.kernel.patch import declared

        save_atomic(self.wb, path, backup=backup, cached=self.cached,
                    declared=declared(self.patches))


class FileWorkbook:
    """A workbook file read and written part by part: refused when open in Excel, its values
    streamed from only the sheets asked for, patches written into only the parts they change,
    saved atomically with a backup (xlsx/reader.py, xlsx/edits.py, xlsx/writer.py).

    Patches applied before save() show in snapshot() at once. What the part-level writer cannot
    do cheaply falls back to openpyxl for that save (see docs/xlsx-file-path.md).
    """

    def __init__(self, path: str | os.PathLike, *, for_writing: bool = True):
        self.path = existing(path)
        if for_writing:
            locks = lock_files(self.path)
            if locks:
                raise FileError(f"{self.path.name}: de werkmap is geopend in Excel of LibreOffice "
                                f"({locks[0].name}); sluit ze eerst en probeer opnieuw")
        self._read_only = not for_writing
        self.name = self.path.name
        self.written: list[Path] = []
        self._open()
        self._edits = None  # the edits of the patches applied (io/xlsx/edits.py), on the first
        self._patches: list[Patch] = []
        self._builder = None
        self._wb = None
        self.fell_back: str | None = None  # why the last save used openpyxl, if it did

    def _open(self) -> None:
        from partnerkeuze.io.xlsx.package import Package
        from partnerkeuze.io.xlsx.reader import WorkbookReader

        check_zip(self.path)
        self.pkg = Package(self.path)
        self._reader = WorkbookReader(self.pkg)
        self._base: dict[str, object] = {}
        if not hasattr(self, "_saved"):
            self._saved: dict[str, tuple] = {}  # name -> (rows, edits) read before a save
        self._tables: dict = {}
        self._snapshot: Snapshot | None = None

    @property
    def sheetnames(self) -> list[str]:
        """The names of the worksheets, in workbook order."""
        return list(self.pkg.sheet_names)

    def _base_rows(self, name: str):
        rows = self._base.get(name)
        if rows is None:
            from partnerkeuze.io.xlsx.reader import overlay

            saved = self._saved.pop(name, None)
            if saved is not None:  # read before the last save: its rows with what was written
                base, edits = saved
                rows = self._base[name] = overlay(base, edits) if edits else base
            else:
                rows = self._base[name] = self._reader.sheet_rows(name)
        return rows

    def _rows(self, name: str):
        from partnerkeuze.io.xlsx.reader import overlay

        rows = self._base_rows(name)
        edits = self._edits.sheets.get(name) if self._edits is not None else None
        return overlay(rows, edits) if edits else rows

    def snapshot(self) -> Snapshot:
        """The values of the sheets, each read when first asked for, with applied patches."""
        if self._snapshot is None:
            from partnerkeuze.io.xlsx.reader import FileSheets

            self._snapshot = Snapshot(sheets=FileSheets(self.pkg.sheet_names, self._rows,
                                                        self._row_count),
                                      source=self.name)
        return self._snapshot

    def _row_count(self, name: str) -> int:
        """len(self._rows(name)), counted in the file when the sheet was not read."""
        if name in self._base or name in self._saved:
            return len(self._rows(name))
        edits = self._edits.sheets.get(name) if self._edits is not None else None
        return max(self._reader.row_count(name), edits.max_row() if edits else 0)

    def _value(self, sheet: str, row: int, col: int):
        if sheet not in self.pkg.sheets:
            raise KeyError(f"Worksheet {sheet} does not exist.")
        rows = self._base_rows(sheet)
        if row - 1 >= len(rows):
            return None
        r = rows[row - 1]
        return r[col - 1] if col - 1 < len(r) else None

    def _table_ref(self, sheet: str, name: str):
        from partnerkeuze.io.xlsx.writer import table_ref

        return table_ref(self.pkg, sheet, name, self._tables)

    def apply(self, patch: Patch) -> None:
        """Add a patch's writes (shown by snapshot() at once, written by save())."""
        from partnerkeuze.io.xlsx.apply import refuse_missing_sheets
        from partnerkeuze.io.xlsx.edits import EditBuilder, Edits

        refuse_missing_sheets(self, patch)
        if self._edits is None:
            self._edits = Edits()
        if self._builder is None:
            self._builder = EditBuilder(self._edits, self._value, self._table_ref,
                                        lambda sheet: len(self._base_rows(sheet)))
        self._builder.add(patch)
        self._patches.append(patch)
        self._snapshot = None
        self._wb = None

    def save(self, *, backup: bool = True) -> Path:
        """Write the workbook atomically next to the original; keep the previous version."""
        if self._read_only:
            raise RuntimeError("opened read-only")
        if backup:
            from partnerkeuze.io.saving import generations_setting, set_generations

            set_generations(self.path, generations_setting(self.snapshot()))
        from partnerkeuze.io.saving import current_path, replace_atomically
        from partnerkeuze.io.xlsx.stylesxml import NeedsOpenpyxl
        from partnerkeuze.io.xlsx.writer import write_package

        locks = lock_files(self.path)
        if locks:
            raise FileError(f"{self.path.name}: de werkmap is geopend in Excel of LibreOffice "
                            f"({locks[0].name}); sluit ze eerst en probeer opnieuw")

        def write(tmp: Path) -> None:
            from partnerkeuze.io.xlsx.edits import Edits

            write_package(self.pkg, self._edits if self._edits is not None else Edits(), tmp)
            self.pkg.close()  # Windows cannot replace a file this process holds open

        trusted = False
        try:
            try:
                replace_atomically(self.path, write, backup=backup)
                self.fell_back = None
                # every XML part was checked or written well-formed; the file at path is that
                # one unless the save waits in a stage (saving.staged_writes) to be moved
                trusted = current_path(self.path) == Path(self.path)
            except NeedsOpenpyxl as why:
                self.pkg.close()
                self.fell_back = str(why)
                self._save_with_openpyxl(backup)
        except BaseException:
            if self.pkg.zip.fp is None:  # closed for the replace that failed: open again
                self._open()
            raise
        self._reset()
        if trusted:
            for part in self.pkg.infos:
                self.pkg.mark_verified(part)
        return self.path

    def verify_xml(self) -> None:
        """Check that every XML part no read has parsed yet is well-formed, as a save would
        (xlsx/wellformed.py): check refuses what a write command would refuse."""
        from partnerkeuze.io.xlsx.wellformed import verify_unread

        verify_unread(self.pkg)

    def _save_with_openpyxl(self, backup: bool) -> None:
        """The reference path: the whole workbook through openpyxl, the same patches applied."""
        from partnerkeuze.io.xlsx.apply import apply_patch
        from partnerkeuze.io.saving import replace_atomically

        from partnerkeuze.io.xlsx.cache_inject import formula_cells

        from partnerkeuze.kernel.patch import declared

        wb = load(self.path, keep_vba=self.path.suffix.lower() == ".xlsm")
        cached: dict = {}
        for patch in self._patches:
            apply_patch(wb, patch)
            cached.update(formula_cells(patch))
        said = declared(self._patches)
        replace_atomically(self.path, lambda tmp: _save_openpyxl(wb, tmp, cached, said),
                           backup=backup)

    def edited(self, sheet: str) -> dict[int, dict[int, object]]:
        """The cells the patches applied since the last save write on a sheet: row -> column
        -> edit (empty when none)."""
        edits = self._edits.sheets.get(sheet) if self._edits is not None else None
        return edits.cells if edits is not None else {}

    def cached_value(self, sheet: str, row: int, col: int):
        """The value cached in the file for the formula cell at (row, col) (the start of a large
        sheet only: where the product puts formulas); None when not known."""
        from partnerkeuze.io.xlsx.calc_flag import cached_in, head

        part = self.pkg.sheets.get(sheet)
        if part is None or not self.pkg.has(part):
            return None
        return cached_in(head(self.pkg, part), row, col)

    def written_formulas(self, sheet: str) -> dict[tuple[int, int], object]:
        """(row, column) -> Formula of the formulas the patches since the last save write on a
        sheet (each with its cached value, if it has one)."""
        from partnerkeuze.kernel.patch import Formula

        return {(r, c): e.value for r, cols in self.edited(sheet).items()
                for c, e in cols.items() if isinstance(e.value, Formula)}

    def recalculation_pending(self) -> bool:
        """True when the file asks Excel to recalculate on opening (fullCalcOnLoad): some
        cached value in it may be stale."""
        from partnerkeuze.io.xlsx.calc_flag import full_calc_on_load

        return full_calc_on_load(self.pkg.read("xl/workbook.xml"))

    def _reset(self) -> None:
        """After a save: the file holds what the snapshot showed, so the sheets already read
        (with the patches written over them) stay; nothing is read twice."""
        from partnerkeuze.io.xlsx.edits import Edits

        kept = {name: (rows, self._edits.sheets.get(name) if self._edits is not None else None)
                for name, rows in self._base.items()}
        kept.update((name, saved) for name, saved in self._saved.items() if name not in kept)
        self._edits = Edits()
        self._patches = []
        self._builder = None
        self._wb = None
        self._open()
        self._saved = kept  # overlaid when asked for (a command that ends here never pays)

    @property
    def wb(self):
        """The workbook in openpyxl with the patches applied so far (slow; for old callers)."""
        if self._wb is None:
            from partnerkeuze.io.xlsx.apply import apply_patch

            self._wb = load(self.path)
            for patch in self._patches:
                apply_patch(self._wb, patch)
        return self._wb

    def close(self) -> None:
        """Release the file."""
        self.pkg.close()


def backup_path(path: Path) -> Path:
    """Where the newest previous version of a workbook is kept (a dated backup), or would be."""
    from partnerkeuze.io.saving import backups_of, real_target

    found = backups_of(path)
    if found:
        return found[-1]
    target = real_target(path)
    return target.with_name(f"{target.stem}.vorige{target.suffix}")


def _save_openpyxl(wb, tmp: Path, cached: dict | None, declared=(False, None)) -> None:
    """openpyxl's save, then the cached values of the formulas that have one and the calcPr
    the patches' declaration allows (cache_inject)."""
    wb.save(tmp)
    if cached or declared[1] is not None:
        from partnerkeuze.io.xlsx.cache_inject import inject

        inject(tmp, cached or {}, declared)


def save_atomic(wb, path: Path, *, backup: bool = True, cached: dict | None = None,
                declared=(False, None)) -> None:
    """Save an openpyxl workbook to a temporary file, then move it over ``path`` in one step;
    ``cached``: formula cells to give their cached values (OpenpyxlWorkbook.cached),
    ``declared``: what the patches said of the values (kernel.patch.declared)."""
    from partnerkeuze.io.saving import replace_atomically

    path = Path(path)
    locks = lock_files(path)
    if locks:
        raise FileError(f"{path.name}: de werkmap is geopend in Excel of LibreOffice "
                        f"({locks[0].name}); sluit ze eerst en probeer opnieuw")
    replace_atomically(path, lambda tmp: _save_openpyxl(wb, tmp, cached, declared),
                       backup=backup)


def workbook_bytes(wb) -> bytes:
    """An openpyxl workbook (a form) as the bytes of its .xlsx file; one without a formula is
    marked as calculated (calc_flag.settle_openpyxl), so Excel opens it without recalculating."""
    import io

    from partnerkeuze.io.xlsx.calc_flag import settle_openpyxl

    settle_openpyxl(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_file(path: Path, data: bytes) -> None:
    """Write bytes atomically (temporary file in the same folder, then rename)."""
    from partnerkeuze.io.saving import replace_atomically

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from partnerkeuze.kernel.errors import file_error_from_os

        raise file_error_from_os(exc, path.parent) from None
    replace_atomically(path, lambda tmp: tmp.write_bytes(data), backup=False)


__all__ = ["FileWorkbook", "OpenpyxlWorkbook", "save_atomic", "write_file", "workbook_bytes",
           "lock_files", "layout"]
