"""Problems a user must fix (exit 1) and file or usage errors (exit 2)."""

from __future__ import annotations

from functools import total_ordering

from partnerkeuze.kernel.plain import Value

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_FILE = 2


@total_ordering
class Problem(Value):
    """One problem in the input, with its place (``Kandidaten!C7`` or a file name) in front.

    ``allows``: the commands this problem does not stop: those that resolve it (``freeze`` for
    criteria changed since they were fixed, ``record`` for a contradiction in the record) or
    that complete the work it waits for (import, merge, reminders while declarations are still
    to come). Every other command is refused by it. Problems are equal, and ordered, by place
    and message.
    """

    COMPARED = ("place", "message")

    def __init__(self, place: str, message: str, allows: tuple[str, ...] = ()):
        self.place = place
        self.message = message
        self.allows = allows

    def __lt__(self, other) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.compared() < other.compared()

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


class PartnerkeuzeError(Exception):
    """Base of the errors a user sees as a Dutch message, never as a traceback. ``notes``:
    what the command did find and finish before it stopped (a killed run's files moved into
    place), said with the error."""

    exit_code = EXIT_PROBLEMS
    notes: tuple[str, ...] = ()


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


# Dutch words for the reasons the operating system gives (errno name -> text).
_OS_REASONS = {
    "EACCES": "geen toegang (schrijf- of leesrechten ontbreken)",
    "EPERM": "geen toestemming (rechten ontbreken)",
    "EROFS": "het station is alleen-lezen",
    "ENOSPC": "de schijf is vol",
    "EDQUOT": "de schijfruimte (quota) is op",
    "EFBIG": "het bestand wordt te groot voor de schijf of de ingestelde limiet",
    "ENOENT": "niet gevonden",
    "ENOTDIR": "een deel van het pad is geen map",
    "EISDIR": "dit is een map, geen bestand",
    "EEXIST": "bestaat al",
    "ENAMETOOLONG": "de naam is te lang",
    "EBUSY": "het bestand is in gebruik",
    "ETXTBSY": "het bestand is in gebruik",
    "EIO": "leesfout of schrijffout van het station",
    "ECONNREFUSED": "de verbinding werd geweigerd",
    "ETIMEDOUT": "de verbinding duurde te lang",
    "EHOSTUNREACH": "de computer is niet bereikbaar",
    "ENETUNREACH": "het netwerk is niet bereikbaar",
    "ELOOP": "te veel snelkoppelingen (symlinks) na elkaar",
    "EXDEV": "het doel ligt op een ander station",
}


def os_reason(exc: OSError) -> str:
    """The reason of an OSError in Dutch (never the English strerror of the system)."""
    import errno

    name = errno.errorcode.get(exc.errno or -1, "")
    if name in _OS_REASONS:
        return _OS_REASONS[name]
    if isinstance(exc, PermissionError):
        return _OS_REASONS["EACCES"]
    if isinstance(exc, FileNotFoundError):
        return _OS_REASONS["ENOENT"]
    return f"systeemfout {name or exc.errno or type(exc).__name__}"


def file_error_from_os(exc: OSError, place=None, *, unchanged: bool = True) -> FileError:
    """A Dutch FileError for an OSError, naming the file (place, else the error's file name)."""
    where = place if place is not None else (exc.filename or "bestand")
    tail = "; er is niets gewijzigd" if unchanged else ""
    return FileError(f"{where}: {os_reason(exc)}{tail}")
