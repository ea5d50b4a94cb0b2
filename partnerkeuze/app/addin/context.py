"""What a ribbon handler works with: the workbook, the user interface, paths and configuration."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from partnerkeuze.kernel.port import WorkbookIO
from partnerkeuze.kernel.errors import PartnerkeuzeError

CONFIG_SHEET = "partnerkeuze.conf"  # xlwings reads it as PROJECT_NAME & ".conf"
ADDIN_FILE = "Partnerkeuze.xlam"
OUTPUT_FOLDER = "Partnerkeuze-documenten"
KEY_OUTPUT = "PARTNERKEUZE_UITVOER"
KEY_INPUT = "PARTNERKEUZE_INVOER"
KEY_MODE = "PARTNERKEUZE_MODUS"


class Cancelled(PartnerkeuzeError):
    """The user cancelled a dialog; nothing was done."""


class UI(Protocol):
    """The few things a handler asks of Excel's user interface."""

    def status(self, text: str) -> None:
        """Show progress in the status bar."""

    def clear_status(self) -> None:
        """Give the status bar back to Excel."""

    def info(self, text: str) -> None:
        """A message box with the outcome."""

    def error(self, text: str) -> None:
        """A message box with a problem (never a traceback)."""

    def pick_folder(self, prompt: str) -> str | None:
        """A folder chosen by the user, or None when cancelled."""

    def ask_text(self, prompt: str) -> str | None:
        """A line of text typed by the user, or None when cancelled."""

    def open_workbook(self, path: Path) -> None:
        """Open a workbook file in Excel."""

    def open_folder(self, path: Path) -> None:
        """Show a folder in the file explorer."""


@dataclass
class RecordingUI:
    """A user interface without Excel that records what would have been shown (tests, traces)."""

    folder: str | None = None
    text: str | None = None
    shown: list[tuple[str, str]] = field(default_factory=list)

    def status(self, text: str) -> None:
        self.shown.append(("status", text))

    def clear_status(self) -> None:
        self.shown.append(("status", ""))

    def info(self, text: str) -> None:
        self.shown.append(("info", text))

    def error(self, text: str) -> None:
        self.shown.append(("error", text))

    def pick_folder(self, prompt: str) -> str | None:
        self.shown.append(("pick_folder", prompt))
        return self.folder

    def ask_text(self, prompt: str) -> str | None:
        self.shown.append(("ask_text", prompt))
        return self.text

    def open_workbook(self, path: Path) -> None:
        self.shown.append(("open", str(path)))

    def open_folder(self, path: Path) -> None:
        self.shown.append(("open_folder", str(path)))


@dataclass
class Context:
    """A click's context: the active workbook (as WorkbookIO), its file path, UI and config."""

    book: WorkbookIO
    ui: UI
    workbook_path: Path | None = None  # None for a workbook that was never saved
    config: dict[str, str] = field(default_factory=dict)  # keys in upper case
    argument: str | None = None  # what the VBA passed besides the button (Zelftest: its folder)

    def progress(self, message: str) -> None:
        """Progress reporter for actions: the status bar."""
        self.ui.status(f"Partnerkeuze: {message}")

    def setting(self, key: str) -> str:
        """A configuration value (sheet 'partnerkeuze.conf'), '' when not set."""
        value = self.config.get(key.upper())
        return os.path.expandvars(str(value)).strip() if value not in (None, "") else ""

    def folder(self) -> Path:
        """The folder of the workbook (the user's documents folder for an unsaved one)."""
        if self.workbook_path is not None:
            return self.workbook_path.parent
        docs = Path.home() / "Documents"
        return docs if docs.is_dir() else Path.home()

    def output_dir(self) -> Path:
        """Where documents go: the configured folder or 'Partnerkeuze-documenten' next to the book."""
        configured = self.setting(KEY_OUTPUT)
        out = Path(configured) if configured else self.folder() / OUTPUT_FOLDER
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            from partnerkeuze.kernel.errors import FileError, os_reason

            raise FileError(f"{out}: de map voor documenten kan niet gemaakt worden "
                            f"({os_reason(exc)})") from None
        return out

    def input_folder(self, prompt: str) -> Path:
        """The folder to read forms from: configured, or chosen by the user."""
        configured = self.setting(KEY_INPUT)
        chosen = configured or self.ui.pick_folder(prompt)
        if not chosen:
            raise Cancelled("geannuleerd: geen map gekozen")
        path = Path(chosen)
        if not path.is_dir():
            from partnerkeuze.kernel.errors import FileError

            raise FileError(f"{path}: map niet gevonden")
        return path

    def stem(self) -> str:
        """The workbook's file name without extension (for names of written files)."""
        if self.workbook_path is not None:
            return self.workbook_path.stem
        return Path(getattr(self.book, "name", "werkmap") or "werkmap").stem
