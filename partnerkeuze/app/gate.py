"""The one gate every command passes: the list of problems that ``check`` prints, and the one
table that says what each command does with them.

A problem stops every command except those it allows (``Problem.allows``): the command that
resolves it (``freeze`` for criteria changed since they were fixed, ``record`` for a
contradiction in the record) and, for work still in progress (declarations of conflicts still
to come, a late candidacy not yet decided on), the commands that complete that work (import,
assessor-forms, merge, the reminders, the planning). What the policies mean:

- REPORT: ``check`` lists every problem (exit 1) and changes nothing;
- REFUSE: a command that changes the workbook, the record or the mail sent refuses (exit 1)
  and changes nothing;
- DOCUMENTS: a command that writes documents or forms writes none from a workbook with
  problems: it refuses the same way, so that no final document states what does not hold.
"""

from __future__ import annotations

from partnerkeuze.kernel.errors import Problem

REPORT = "rapporteren"
REFUSE = "weigeren"
DOCUMENTS = "geen documenten"

# Per command: what it does with the problems of the gate. A command missing here does not work
# on a workbook (new, demo, addin, doctor, install).
POLICY: dict[str, str] = {
    "check": REPORT,
    "score": REFUSE,
    "sensitivity": REFUSE,
    "freeze": REFUSE,
    "record": REFUSE,
    "plan": REFUSE,
    "remind": REFUSE,
    "import": REFUSE,
    "merge": REFUSE,
    "match": REFUSE,
    "questionnaire": DOCUMENTS,
    "dossier": DOCUMENTS,
    "letters": DOCUMENTS,
    "calendar": DOCUMENTS,
    "forms": DOCUMENTS,
    "assessor-forms": DOCUMENTS,
    "evaluate": DOCUMENTS,
}


def problems(book, model, snap, parsed: list[Problem], against=None) -> list[Problem]:
    """The one list of problems of a workbook: what parsing found, every registered check, the
    names the drop-down lists need, and the anchors the record must still extend (the receipt
    beside the workbook, the receipts the log says it wrote, and ``against``)."""
    from partnerkeuze.app.registry import checks
    from partnerkeuze.core.parse import sorted_problems
    from partnerkeuze.io.xlsx.names import name_problems
    from partnerkeuze.io.anchor import beside, receipt_log_problems, verify

    found = list(parsed)
    for check in checks():
        found.extend(check(model, snap))
    found.extend(name_problems(book, model.settings.mode))
    found.extend(verify(snap, beside(book) + list(against or [])))
    found.extend(receipt_log_problems(book, snap))
    return sorted_problems(found)


def blocking(command: str, found: list[Problem]) -> list[Problem]:
    """The problems that stop a command: all of them, except those the command resolves."""
    return [p for p in found if command not in p.allows]


def warnings(model, snap) -> list[str]:
    """What the registered warnings say: worth knowing, never blocking."""
    from partnerkeuze.app.registry import warnings as registered

    out: list[str] = []
    for warn in registered():
        out.extend(warn(model, snap))
    return out
