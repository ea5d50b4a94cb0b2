"""The port between the features and the rest: the workbook a command works on (WorkbookIO),
what the pipeline hands a feature (Run), what a feature gives back (Outcome), and what a feature
registers (Feature).

A WorkbookIO is anything with ``snapshot() -> Snapshot`` and ``apply(Patch)``: the workbook file
(command line, scheduler), the live workbook through xlwings (ribbon) or a snapshot in memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol

from partnerkeuze.kernel.patch import Patch
from partnerkeuze.kernel.plain import Fresh, Plain
from partnerkeuze.kernel.snapshot import Snapshot

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from partnerkeuze.kernel.errors import Problem
    from partnerkeuze.kernel.model import Model


class WorkbookIO(Protocol):
    """The small read/write interface every command works on."""

    name: str

    def snapshot(self) -> Snapshot:
        """The values of every sheet."""

    def apply(self, patch: Patch) -> None:
        """Write a patch."""


Progress = Callable[[str], None]


def no_progress(message: str) -> None:
    """A progress reporter that shows nothing."""


class Outcome(Plain):
    """What a command did: Dutch lines for the user, data for --json, files written."""

    def __init__(self, messages: list[str] | None = None, warnings: list[str] | None = None,
                 data: dict | None = None, files: list[Path] | None = None,
                 changed: bool = False, anchored: bool = False):
        self.messages = [] if messages is None else messages
        self.warnings = [] if warnings is None else warnings
        self.data = {} if data is None else data
        self.files = [] if files is None else files
        self.changed = changed  # the workbook was patched and must be saved
        self.anchored = anchored  # a receipt describes the workbook: save it now, also in Excel


class Run(Plain):
    """One command as the pipeline hands it to a feature: the workbook locked, read once,
    parsed and passed through the gate, with the options the user gave."""

    def __init__(self, command: str, book: WorkbookIO, snap: Snapshot, model: Model,
                 options: dict[str, Any] | None = None, progress: Progress = no_progress,
                 workbook_path: Path | None = None, problems: list[Problem] | None = None,
                 warnings: list[str] | None = None):
        self.command = command
        self.book = book
        self.snap = snap
        self.model = model
        self.options = {} if options is None else options
        self.progress = progress
        self.workbook_path = workbook_path  # None for a workbook that was never saved (ribbon)
        self.problems = [] if problems is None else problems  # what the gate let through
        self.warnings = [] if warnings is None else warnings  # registered warnings (check)

    @property
    def base_dir(self) -> Path | None:
        """The workbook's folder: relative paths, the municipality's own templates, receipts."""
        return self.workbook_path.parent if self.workbook_path is not None else None

    def option(self, key: str, default: Any = None) -> Any:
        """An option of the command (``None`` and absent give the default)."""
        value = self.options.get(key)
        return default if value is None else value


Check = Callable[["Model", Snapshot], list]  # (model, snapshot) -> [Problem] or [str]
BuildStep = Callable[[Any, str], None]  # (openpyxl Workbook, mode) -> None
Fill = Callable[[dict, dict], None]  # (tables, fields) of a new workbook -> None
Runner = Callable[..., Outcome]  # runner(command, workbook path, **options) -> Outcome
DemoStep = Callable[[Runner, Path, Path, Progress], list]  # -> files written
Formulas = Callable[[], tuple]  # -> the feature's kernel.formulas.FormulaFamily objects


class Feature(Plain):
    """What a feature adds to the product, registered explicitly (app/registry.py lists every
    feature): the checks of the gate, warnings that do not block, build steps of a new workbook,
    content of a new workbook per mode, steps of the demo, and the formulas it writes (families
    with the values they give: app/cached_values.py writes them as cached values)."""

    name: str
    checks: tuple[Check, ...] = ()
    warnings: tuple[Check, ...] = ()
    build_steps: tuple[BuildStep, ...] = ()
    default_content: dict[str, tuple[Fill, ...]] = Fresh(dict)
    demo_content: dict[str, tuple[Fill, ...]] = Fresh(dict)
    demo_steps: tuple[tuple[str, DemoStep], ...] = ()
    formulas: tuple[Formulas, ...] = ()
