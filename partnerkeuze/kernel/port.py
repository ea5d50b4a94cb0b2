"""The functions behind every command and ribbon button, working on a WorkbookIO.

A WorkbookIO is anything with ``snapshot() -> Snapshot`` and ``apply(Patch)``: the openpyxl file
(command line, scheduler), the live workbook through xlwings (ribbon) or a snapshot in memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Protocol

from partnerkeuze.kernel.patch import Patch
from partnerkeuze.kernel.snapshot import Snapshot


class WorkbookIO(Protocol):
    """The small read/write interface every action uses."""

    name: str

    def snapshot(self) -> Snapshot:
        """The values of every sheet."""

    def apply(self, patch: Patch) -> None:
        """Write a patch."""


Progress = Callable[[str], None]


def no_progress(message: str) -> None:
    """A progress reporter that shows nothing."""


@dataclass
class Outcome:
    """What an action did: Dutch lines for the user, data for --json, files written."""

    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    data: dict = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    changed: bool = False  # the workbook was patched and must be saved
