"""What the check lets pass, and why: the one place that says so.

An entry names the part (a regular expression on the part name), the kind of fault and the
message (a regular expression), and the reason. Nothing is tolerated unless Office itself writes
it or reads it without a word; the reason says which. test_office_validity.py shows each entry is
still needed (a tolerance nothing matches any more is an error there).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tests.ooxml.package import Fault


@dataclass(frozen=True)
class Tolerance:
    """A fault let pass: which part, which kind, which message, and why."""

    part: str
    kind: str
    message: str
    reason: str

    def matches(self, fault: Fault) -> bool:
        """Does this tolerance cover the fault?"""
        return (fault.kind == self.kind and re.fullmatch(self.part, fault.part) is not None
                and re.search(self.message, fault.message) is not None)


_SML = r"\{http://schemas\.openxmlformats\.org/spreadsheetml/2006/main\}"
_WML = r"\{http://schemas\.openxmlformats\.org/wordprocessingml/2006/main\}"
_XML = r"\{http://www\.w3\.org/XML/1998/namespace\}"

TOLERATED: tuple[Tolerance, ...] = (
    Tolerance(
        part=r"xl/(worksheets/sheet\d+|sharedStrings|comments\d*)\.xml",
        kind="schema",
        message=rf"^Element '{_SML}t', attribute '{_XML}space': The attribute '{_XML}space' is "
                r"not allowed\.$",
        reason="xml:space=\"preserve\" on a SpreadsheetML <t> keeps the spaces at the start or "
               "end of a text. The schema gives <t> a simple type (no attributes), but Excel "
               "writes the attribute itself (controls/excel-rich-text.xlsx, written by Microsoft "
               "Excel, has it in its shared strings) and reads it as meant. The add-in's sheets "
               "use it for inline strings."),
    Tolerance(
        part=r"word/settings\.xml",
        kind="schema",
        message=rf"^Element '{_WML}zoom': The attribute '{_WML}percent' is required but "
                r"missing\.$",
        reason="<w:zoom w:val=\"bestFit\"/> without w:percent comes with python-docx's default "
               "template, which Microsoft Word (Mac) wrote: Word writes it itself and opens it "
               "without a word. Every document rendered from a template built with python-docx "
               "carries it."),
)


def split(faults: list[Fault]) -> tuple[list[Fault], list[tuple[Fault, Tolerance]]]:
    """The faults that count, and the tolerated ones with the tolerance that covers each."""
    kept, let_pass = [], []
    for fault in faults:
        cover = next((t for t in TOLERATED if t.matches(fault)), None)
        if cover is None:
            kept.append(fault)
        else:
            let_pass.append((fault, cover))
    return kept, let_pass
