"""Turning read candidacy forms into a patch: new or updated candidates and their answers.

Nothing is lost: a changed answer is added as a new row and the old row is marked 'vervangen';
a changed candidate field is overwritten with its old value written on the Invoer sheet and
summarised in the log entry.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from partnerkeuze import layout
from partnerkeuze.kernel import reference
from partnerkeuze.features.intake.candidacy_reading import CandidacyForm
from partnerkeuze.io.forms.identity import KIND_CANDIDACY
from partnerkeuze.io.forms.provenance import import_row
from partnerkeuze.kernel.patch import Patch
from partnerkeuze.core.values import as_text

_ID_RE = re.compile(r"^K(\d+)$", re.IGNORECASE)
UPDATABLE = ("country", "region", "language", "channel", "contact", "email", "salutation",
             "contact_given", "contact_family", "contact_role")
LABELS = {"name": "Gemeente", "country": "Land", "region": "Regio", "language": "Taal",
          "channel": "Kanaal", "contact": "Contactpersoon", "email": "E-mail",
          "salutation": "Aanspreking", "contact_given": "Voornaam contactpersoon",
          "contact_family": "Familienaam contactpersoon",
          "contact_role": "Functie contactpersoon"}


@dataclass
class _Cand:
    id: str
    values: dict
    row: int | None  # sheet row, None for a candidate added by this import


@dataclass
class _Answer:
    candidate: str
    criterion: str
    values: list
    row: int | None
    superseded: str = ""


@dataclass
class ImportPlan:
    """What an import does: the patch, a line per form, and the log summary."""

    patch: Patch = field(default_factory=Patch)
    lines: list[str] = field(default_factory=list)
    log: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    imported: list[dict] = field(default_factory=list)


class Importer:
    """Applies candidacy forms one after the other to the workbook's candidates and answers."""

    def __init__(self, model, when: str, deadline: dt.date | None = None,
                 columns: tuple[str, ...] | None = None):
        self.when = when
        # the Kandidaten columns this workbook has (a workbook made before the contact's names
        # were asked apart has fewer: what does not fit is said, and the name kept as one text)
        self.columns = columns or tuple(c.key for c in layout.table("candidates").columns)
        self.missing = [k for k in UPDATABLE if k not in self.columns]
        self.today = dt.date.today()
        self.deadline = deadline  # the call's deadline (with its extension), if any
        self.criteria = {c.id for c in model.criteria}
        self.cands: list[_Cand] = []
        for rec in model.tables.get("candidates", []):
            if rec.get("id") is None:
                continue
            values = {k: rec.get(k) for k in LABELS}
            values["received"] = rec.get("received")
            self.cands.append(_Cand(rec["id"], values, rec["_row"]))
        self.answers: list[_Answer] = []
        for rec in model.tables.get("answers", []):
            if rec.get("candidate") is None or rec.get("criterion") is None:
                continue
            self.answers.append(_Answer(rec["candidate"], rec["criterion"],
                                        [rec.get("answer") or ""], rec["_row"],
                                        as_text(rec.get("superseded"))))
        self.plan = ImportPlan()
        self._cand_cells: dict[tuple[int, str], object] = {}
        self._answer_marks: dict[int, str] = {}
        self._invoer: list[list] = []

    def _match(self, name: str, country: str) -> _Cand | None:
        same_name = [c for c in self.cands
                     if as_text(c.values.get("name")).casefold() == name.casefold()]
        if country:
            for c in same_name:
                if as_text(c.values.get("country")).casefold() in ("", country.casefold()):
                    return c
            return None
        return same_name[0] if len(same_name) == 1 else None

    def _new_id(self) -> str:
        numbers = [int(m.group(1)) for c in self.cands if (m := _ID_RE.match(c.id))]
        return f"K{(max(numbers, default=0) + 1):02d}"

    def add(self, form: CandidacyForm) -> None:
        """Apply one form."""
        f = form.fields
        cand = self._match(f["name"], f.get("country", ""))
        changes: list[str] = []
        filled: list[str] = []
        arrived = form.arrived or self.today
        late = self._late(arrived)
        lost = [LABELS[k] for k in self.missing if f.get(k)]
        if lost:
            self.plan.warnings.append(
                f"{form.label or form.path.name}: deze werkmap (van een oudere versie) heeft op "
                f"Kandidaten geen kolom voor {', '.join(lost)}; de naam staat onder "
                f"Contactpersoon. Maak een nieuwe werkmap om ze apart te bewaren.")
        if cand is None:
            cand = _Cand(self._new_id(), dict(f, received=arrived), None)
            self.cands.append(cand)
            result = f"nieuwe kandidaat {cand.id} {f['name']}"
        else:
            for key in UPDATABLE:
                if key in self.missing:
                    continue
                new = f.get(key) or ""
                old = as_text(cand.values.get(key))
                if not new or new == old:
                    continue
                cand.values[key] = new
                if cand.row is not None:
                    self._cand_cells[(cand.row, key)] = new
                if old:
                    changes.append(f"{cand.id} {LABELS[key]}: '{old}' vervangen door '{new}'")
                else:
                    filled.append(LABELS[key])
            result = f"bestaande kandidaat {cand.id} {as_text(cand.values.get('name'))}"
            if not cand.values.get("received"):
                cand.values["received"] = arrived
                if cand.row is not None:
                    self._cand_cells[(cand.row, "received")] = arrived
                filled.append("Ontvangen op")
        n_new = n_changed = 0
        for cid, text in form.answers.items():
            if not text:
                continue
            if cid not in self.criteria:
                self.plan.warnings.append(f"{form.path.name}: criterium {cid} bestaat niet meer "
                                          f"in de werkmap; dat antwoord is niet ingelezen")
                continue
            current = next((a for a in self.answers if a.candidate == cand.id
                            and a.criterion == cid and not a.superseded), None)
            if current is not None and current.values[0] == text:
                continue
            mark = f"door {form.path.name} op {self.when}"
            if current is not None:
                current.superseded = mark
                if current.row is not None:
                    self._answer_marks[current.row] = mark
                old = current.values[0]
                changes.append(f"{cand.id} antwoord {cid}: '{old[:300]}"
                               f"{'…' if len(old) > 300 else ''}' vervangen (blijft op het blad "
                               f"Antwoorden)")
                n_changed += 1
            else:
                n_new += 1
            self.answers.append(_Answer(cand.id, cid, [text, form.language, form.path.name,
                                                       form.file_hash], None))
        parts = [result, f"ontvangen op {arrived:%d/%m/%Y}"
                  + (f" via {form.source}" if form.source else "")]
        if late:
            parts.append(late)
            self.plan.warnings.append(f"{form.label or form.path.name}: {late}; beslis of de kandidatuur "
                                      f"meetelt (ze is ingelezen, niet weggelaten).")
        if filled:
            parts.append("aangevuld: " + ", ".join(filled))
        if n_new:
            parts.append(f"{n_new} nieuwe antwoorden")
        if n_changed:
            parts.append(f"{n_changed} gewijzigde antwoorden")
        if len(parts) == 2 + bool(late) and not changes and not result.startswith("nieuwe"):
            parts.append("geen wijzigingen")
        summary = "; ".join(parts)
        self._invoer.append(import_row(KIND_CANDIDACY, form.path, form.file_hash, form.generated,
                                       cand.id, self.when, summary, "\n".join(changes)))
        shown = form.label or form.path.name
        self.plan.lines.append(f"{shown}: {summary}.")
        self.plan.log.append(f"{shown} ({form.file_hash}): {summary}"
                             + (f"; {len(changes)} waarde(n) overschreven" if changes else ""))
        self.plan.imported.append({"file": form.path.name, "hash": form.file_hash,
                                   "candidate": cand.id, "result": summary,
                                   "overwritten": changes, "arrived": arrived.isoformat(),
                                   "late": bool(late), "source": form.source})

    def _late(self, arrived: dt.date) -> str:
        """'TE LAAT …' when the candidacy arrived after the deadline day, else ''."""
        from partnerkeuze.record.procedure.deadline import is_late

        if not is_late(arrived, self.deadline):
            return ""
        return f"TE LAAT: na de deadline {self.deadline:%d/%m/%Y} (verlenging inbegrepen)"

    def finish(self) -> ImportPlan:
        """The patch of every form applied."""
        patch = self.plan.patch
        ct = layout.table("candidates")
        csheet = layout.TABLE_SHEET["candidates"].name
        for (row, key), value in self._cand_cells.items():
            patch.set_cell(csheet, row, ct.first_col + ct.index(key), value)
        new_rows = []
        for c in self.cands:
            if c.row is None:
                v = dict(c.values, id=c.id, received=c.values.get("received") or self.today,
                         status=reference.STATUSES[0], note=None,
                         language=c.values.get("language") or "nl")
                new_rows.append([v.get(key) or None for key in self.columns])
        if new_rows:
            patch.append_rows("candidates", new_rows)
        at = layout.table("answers")
        asheet = layout.TABLE_SHEET["answers"].name
        scol = at.first_col + at.index("superseded")
        for row, mark in self._answer_marks.items():
            patch.set_cell(asheet, row, scol, mark)
        answer_rows = []
        for a in self.answers:
            if a.row is None:
                text, lang, fname, digest = a.values
                answer_rows.append([a.candidate, a.criterion, lang, text, fname, digest,
                                    self.when, a.superseded or None])
        if answer_rows:
            patch.append_rows("answers", answer_rows)
        if self._invoer:
            patch.append_rows("imports", self._invoer)
        return self.plan
