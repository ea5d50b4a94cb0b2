"""The live workbook in Excel through xlwings: read used ranges, write ranges. Nothing more."""

from __future__ import annotations

from pathlib import Path

from partnerkeuze.app.addin.live_diff import from_excel, plan
from partnerkeuze.kernel.patch import Patch
from partnerkeuze.kernel.snapshot import Snapshot


class LiveWorkbook:
    """A WorkbookIO over an open xlwings Book."""

    def __init__(self, book):
        self.book = book
        self.name = book.name
        self._last: Snapshot | None = None

    def snapshot(self) -> Snapshot:
        """The values of every sheet, from A1 to the end of its used range."""
        import copy

        snap = Snapshot(source=self.name)
        for sheet in self.book.sheets:
            last = sheet.used_range.last_cell
            values = sheet.range((1, 1), (last.row, last.column)).options(ndim=2).value
            snap.sheets[sheet.name] = [tuple(from_excel(v) for v in row) for row in values]
        self._last = copy.deepcopy(snap)
        return snap

    def apply(self, patch: Patch) -> None:
        """Write a patch: changed ranges, array formulas, table sizes and cell formats."""
        before = self._last if self._last is not None else self.snapshot()
        self._last = None
        todo, _ = plan(before, patch)
        sheets = self.book.sheets
        touched = {w.sheet for w in todo.writes} | {a[0] for a in todo.array_formulas} | \
            {t[0] for t in todo.tables} | {f[0] for f in todo.formats}
        protected = [name for name in touched if _unprotect(sheets[name])]
        try:
            self._write(todo, sheets)
        finally:
            for name in protected:
                _protect(sheets[name])

    def save(self) -> None:
        """Save the workbook in Excel (after a fixing or a decision: its receipt describes the
        saved file)."""
        self.book.save()

    def _write(self, todo, sheets) -> None:
        """Carry out the planned writes."""
        for w in todo.writes:
            sheets[w.sheet].range((w.row, w.col)).value = w.values
        for sheet, row, col, formula in todo.array_formulas:
            sheets[sheet].range((row, col)).formula_array = formula
        for sheet, name, r1, c1, r2, c2 in todo.tables:
            if name in [t.name for t in sheets[sheet].tables]:
                sheets[sheet].tables[name].resize(sheets[sheet].range((r1, c1), (r2, c2)))
        for sheet, row, col, style, number_format in todo.formats:
            cell = sheets[sheet].range((row, col))
            if number_format:
                cell.number_format = number_format
            try:
                cell.api.Style = style  # Windows; other platforms keep the table's format
            except Exception:
                pass


def sheet_password(name: str) -> str:
    """The protection password of a sheet: the log password for the log and criteria history."""
    from partnerkeuze import layout
    from partnerkeuze.io.xlsx.protection import password

    locked = {layout.sheet(k).name for k in ("log", "criteria_history", "procedure", "decision")
              if k in layout.SHEET_BY_KEY}
    return password() if name in locked else ""


def _unprotect(sheet) -> bool:
    """Lift the protection of a sheet before Python writes to it; True when it was protected."""
    try:
        if not sheet.api.ProtectContents:  # Windows COM
            return False
        sheet.api.Unprotect(sheet_password(sheet.name))
        return True
    except Exception:
        return False


def _protect(sheet) -> None:
    """Protect a sheet again as the governed workbook has it: only input cells editable."""
    try:
        sheet.api.Protect(Password=sheet_password(sheet.name), DrawingObjects=True, Contents=True,
                          Scenarios=True, AllowFormattingColumns=True, AllowFormattingRows=True,
                          AllowSorting=True, AllowFiltering=True)
    except Exception:
        pass


class XlwingsUI:
    """Status bar, message boxes and dialogs of the running Excel."""

    TITLE = "Partnerkeuze"

    def __init__(self, app):
        self.app = app

    def status(self, text: str) -> None:
        self.app.status_bar = text

    def clear_status(self) -> None:
        self.app.status_bar = False

    def info(self, text: str) -> None:
        self.app.alert(text, title=self.TITLE, mode="info")

    def error(self, text: str) -> None:
        self.app.alert(text, title=self.TITLE, mode="critical")

    def pick_folder(self, prompt: str) -> str | None:
        try:
            dialog = self.app.api.FileDialog(4)  # msoFileDialogFolderPicker (Windows)
            dialog.Title = prompt
            return dialog.SelectedItems(1) if dialog.Show() == -1 else None
        except Exception:
            self.error(f"{prompt}: kies de map op het blad partnerkeuze.conf "
                       f"(Partnerkeuze_Invoer) en klik opnieuw.")
            return None

    def ask_text(self, prompt: str) -> str | None:
        try:
            answer = self.app.api.InputBox(prompt, self.TITLE, "", Type=2)
        except Exception:
            return None
        return None if answer is False else str(answer)

    def open_workbook(self, path: Path) -> None:
        self.app.books.open(str(path))

    def open_folder(self, path: Path) -> None:
        import os
        import subprocess
        import sys

        if sys.platform == "win32":
            os.startfile(str(path))  # noqa: S606 - the explorer shows the folder
        else:
            subprocess.run(["open", str(path)], check=False)


def _sheet_config(book) -> dict[str, str]:
    """The A:B rows of a book's sheet 'partnerkeuze.conf' ({} without one)."""
    from partnerkeuze.app.addin.config import sheet_rows
    from partnerkeuze.app.addin.context import CONFIG_SHEET

    try:
        rows = book.sheets[CONFIG_SHEET].range("A1").expand("down").resize(
            column_size=2).options(ndim=2).value
    except Exception:
        return {}
    return sheet_rows(rows)


def find_addin(app, addin_name: str | None = None):
    """The add-in's book: by the name the VBA passed (ThisWorkbook.Name), else any open .xlam
    with a 'partnerkeuze.conf' sheet (the file may have any name)."""
    from partnerkeuze.app.addin.context import ADDIN_FILE, CONFIG_SHEET

    names = [n for n in (addin_name, ADDIN_FILE) if n]
    try:  # Windows: installed add-ins are workbooks Excel does not list
        names += [a.Name for a in app.api.AddIns2 if a.IsOpen and str(a.Name).lower().endswith(".xlam")]
    except Exception:
        pass
    for name in names:
        try:
            book = app.books[name]
            book.sheets[CONFIG_SHEET]
            return book
        except Exception:
            continue
    return None


def read_config(book, addin_name: str | None = None) -> dict[str, str]:
    """Settings in the add-in's GetConfig order (addin/config.py): the workbook's sheet, the
    add-in's sheet, the conf file beside the workbook, the user file; empty never shadows."""
    from partnerkeuze.app.addin.config import resolve

    addin = find_addin(book.app, addin_name)
    return resolve(workbook_sheet=_sheet_config(book),
                   addin_sheet=_sheet_config(addin) if addin is not None else {},
                   workbook_path=_local_path(book))


def _local_path(book) -> Path | None:
    """The workbook's local file path (None for an unsaved or cloud workbook)."""
    full = book.fullname
    return Path(full) if full and ("/" in full or "\\" in full) and "://" not in full else None


def live_context(addin_name: str | None = None):
    """The context of a click: the calling workbook in Excel."""
    import xlwings as xw

    from partnerkeuze.app.addin.context import Context

    book = xw.Book.caller()
    return Context(LiveWorkbook(book), XlwingsUI(book.app), _local_path(book),
                   read_config(book, addin_name))
