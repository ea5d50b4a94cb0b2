"""The faults of a file as Office would meet them: every XML part read with markup compatibility
and validated against the schema set, then the cross-part rules of the package, the workbook or
the document. A part validated once is not validated again when it turns up byte for byte in
another file (by hash, in this process)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from tests.ooxml import package_rules, schema_set, spreadsheet_rules, tolerated, word_rules
from tests.ooxml.package import Fault, Package

# sha256 of a part's bytes -> its schema errors (line, message): a part is validated once.
_VALIDATED: dict[bytes, list[tuple[int, str]]] = {}


@dataclass
class Report:
    """What the audit of some files found."""

    files: list[str] = field(default_factory=list)
    parts: int = 0
    validated: int = 0
    reused: int = 0
    faults: list[Fault] = field(default_factory=list)
    tolerated: list[tuple[Fault, tolerated.Tolerance]] = field(default_factory=list)

    def add(self, other: "Report") -> None:
        """Take in the report of more files."""
        self.files += other.files
        self.parts += other.parts
        self.validated += other.validated
        self.reused += other.reused
        self.faults += other.faults
        self.tolerated += other.tolerated

    def summary(self) -> str:
        """One line: how much was checked and what was found."""
        return (f"{len(self.files)} files, {self.parts} XML parts ({self.validated} validated, "
                f"{self.reused} identical to a part validated before), {len(self.faults)} "
                f"faults, {len(self.tolerated)} tolerated")


def _schema_errors(pkg: Package, name: str, report: Report) -> list[tuple[int, str]]:
    digest = hashlib.sha256(pkg.parts[name]).digest()
    if digest in _VALIDATED:
        report.reused += 1
        return _VALIDATED[digest]
    root = pkg.tree(name)
    errors: list[tuple[int, str]] = []
    if root is not None:
        schema = schema_set.schema()
        if not schema.validate(root):
            errors = [(e.line, e.message) for e in schema.error_log]
    report.validated += 1
    _VALIDATED[digest] = errors
    return errors


def audit_package(pkg: Package) -> Report:
    """Every check on a package that is already read."""
    report = Report(files=[pkg.label])
    for name in sorted(pkg.parts):
        if not pkg.is_xml(name):
            continue
        report.parts += 1
        for line, message in _schema_errors(pkg, name, report):
            pkg.fault(name, "schema", message, str(line))
    package_rules.check(pkg)
    spreadsheet_rules.check_workbook(pkg)
    word_rules.check_document(pkg)
    report.faults, report.tolerated = tolerated.split(pkg.faults)
    return report


def audit(path: Path, label: str | None = None) -> Report:
    """Every check on the file at ``path`` (an .xlsx, .xlsm, .xlam or .docx)."""
    return audit_package(Package.read(Path(path), label))


def audit_files(paths, root: Path | None = None) -> Report:
    """Every check on many files; each named by its path relative to ``root`` when given."""
    report = Report()
    for path in paths:
        path = Path(path)
        label = str(path.relative_to(root)) if root else path.name
        report.add(audit(path, label))
    return report
