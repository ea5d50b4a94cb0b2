"""Problems a user must fix (exit 1) and file or usage errors (exit 2)."""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_FILE = 2


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in the input, with its place (``Kandidaten!C7`` or a file name) in front."""

    place: str
    message: str

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


class PartnerkeuzeError(Exception):
    """Base of the errors a user sees as a Dutch message, never as a traceback."""

    exit_code = EXIT_PROBLEMS


class InputProblems(PartnerkeuzeError):
    """The workbook or an input holds problems the user must fix; every one is listed."""

    exit_code = EXIT_PROBLEMS

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class FileError(PartnerkeuzeError):
    """A file cannot be used: not found, locked, unreadable, or a usage error."""

    exit_code = EXIT_FILE

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)
