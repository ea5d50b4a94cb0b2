"""Merging returned assessor forms into the Scores table.

Per assessor the newest form counts: newest by the version stamp written into the form when it
was generated, then by the form's own 'last saved' time, then by the file's modification time.
An older form than one already merged is not merged (and said so). A blank score in a form keeps
what the workbook holds; an invalid or out-of-range score is reported and not merged. Every score
that changes is written on the Invoer sheet with its old value and summarised in the log.
"""

from __future__ import annotations

from partnerkeuze.kernel.wording import nl_general

import datetime as dt
from dataclasses import dataclass, field

from partnerkeuze import layout
from partnerkeuze.features.intake.assessor_form import AssessorForm, score_value
from partnerkeuze.features.intake.conflicts import conflicted_pairs
from partnerkeuze.io.forms.identity import KIND_ASSESSOR
from partnerkeuze.io.forms.provenance import import_row
from partnerkeuze.kernel.patch import Patch
from partnerkeuze.core.values import as_text


@dataclass
class MergePlan:
    """What a merge does: the patch, lines for the user, a report per assessor."""

    patch: Patch = field(default_factory=Patch)
    lines: list[str] = field(default_factory=list)
    log: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    report: dict = field(default_factory=dict)
    merged: int = 0


def _fmt(value) -> str:
    return "leeg" if value is None else nl_general(value) if isinstance(value, float) else str(value)


class Merger:
    """Applies the newest form of each assessor to the scores."""

    def __init__(self, model, registered, when: str):
        self.model = model
        self.when = when
        self.crits = {c.id: c for c in model.criteria}
        self.cands = {c.id for c in model.candidates}
        self.assessors = {a.id: a for a in model.assessors}
        self.conflicts = conflicted_pairs(model)
        self.rows = {}
        for rec in model.tables.get("scores", []):
            key = (rec.get("candidate"), rec.get("criterion"), rec.get("assessor"))
            if None not in key and key not in self.rows:
                self.rows[key] = rec
        self.merged_versions: dict[str, tuple[str, str]] = {}
        for reg in registered:
            if reg.kind == KIND_ASSESSOR and reg.version and \
                    reg.version > self.merged_versions.get(reg.subject, ("", ""))[0]:
                self.merged_versions[reg.subject] = (reg.version, reg.file)
        self.plan = MergePlan()
        self._invoer: list[list] = []
        self._appends: list[list] = []
        self._declared: list[list] = []
        self.declared: dict[tuple[str, str], str] = {}  # (assessor, candidate) -> declaration
        self.today = dt.date.today()

    def run(self, forms: list[AssessorForm]) -> None:
        """Merge the newest form of every assessor; record the older ones as replaced."""
        by_assessor: dict[str, list[AssessorForm]] = {}
        for form in forms:
            if form.assessor not in self.assessors:
                self.plan.problems.append(f"{form.path.name}: beoordelaar '{form.assessor}' staat "
                                          f"niet op het blad Beoordelaars; niet samengevoegd")
                continue
            by_assessor.setdefault(form.assessor, []).append(form)
        for aid, group in by_assessor.items():
            group.sort(key=lambda f: (f.version, f.path.name))
            newest = group[-1]
            for older in group[:-1]:
                msg = f"vervangen door de nieuwere {newest.path.name}; niet samengevoegd"
                self.plan.lines.append(f"{older.path.name}: {msg}.")
                self.plan.log.append(f"{older.path.name} ({older.file_hash}): {msg}")
                self._invoer.append(import_row(KIND_ASSESSOR, older.path, older.file_hash,
                                               older.version, aid, self.when, msg, ""))
            done = self.merged_versions.get(aid)
            if done and newest.version <= done[0]:
                msg = (f"ouder dan het al samengevoegde formulier {done[1]} van {aid}; "
                       f"niet samengevoegd")
                self.plan.warnings.append(f"{newest.path.name}: {msg}")
                self._invoer.append(import_row(KIND_ASSESSOR, newest.path, newest.file_hash,
                                               newest.version, aid, self.when, msg, ""))
                continue
            self._merge(newest, replaces=done[1] if done else "")

    def _merge(self, form: AssessorForm, replaces: str) -> None:
        aid = form.assessor
        st = layout.table("scores")
        sheet = layout.TABLE_SHEET["scores"].name
        score_col = st.first_col + st.index("score")
        mot_col = st.first_col + st.index("motivation")
        missing, out_of_range, changes = [], [], []
        n_new = n_changed = 0
        n_declared = self._declarations(form)
        for pair in sorted(form.expected):
            cand, crit_id = pair
            crit = self.crits.get(crit_id)
            if cand not in self.cands or crit is None:
                self.plan.warnings.append(f"{form.path.name}: {cand} of {crit_id} bestaat niet "
                                          f"meer in de werkmap; overgeslagen")
                continue
            if (aid, cand) in self.conflicts:
                warning = (f"{form.path.name}: {aid} verklaarde een belangenconflict voor "
                           f"{cand}; die scores tellen niet")
                if warning not in self.plan.warnings:  # once per candidate, not per criterion
                    self.plan.warnings.append(warning)
                continue
            raw, motivation, where = form.rows.get(pair, (None, "", ""))
            value, error = score_value(raw, crit)
            if error:
                out_of_range.append(f"{cand} {crit_id} ({where}): {error}")
                continue
            if value is None:
                missing.append(f"{cand} {crit_id}")
                continue
            rec = self.rows.get((cand, crit_id, aid))
            if rec is None:
                self._appends.append([cand, crit_id, aid, value, motivation or None])
                n_new += 1
                continue
            old, old_mot = rec.get("score"), as_text(rec.get("motivation"))
            changed = False
            if old != value:
                self.plan.patch.set_cell(sheet, rec["_row"], score_col, value)
                changes.append(f"{cand} {crit_id} {aid}: score {_fmt(old)} vervangen door "
                               f"{_fmt(value)}")
                changed = True
            if motivation and motivation != old_mot:
                self.plan.patch.set_cell(sheet, rec["_row"], mot_col, motivation)
                if old_mot:
                    changes.append(f"{cand} {crit_id} {aid}: motivering '{old_mot[:300]}' "
                                   f"vervangen")
                changed = True
            n_changed += changed
        self.plan.merged += 1
        summary = f"{aid}: {n_new} nieuwe en {n_changed} gewijzigde scores"
        if n_declared:
            summary += f"; {n_declared} verklaring(en) over belangenconflicten"
        if replaces:
            summary += f"; vervangt {replaces}"
        if missing:
            summary += f"; {len(missing)} ontbreken"
        if out_of_range:
            summary += f"; {len(out_of_range)} ongeldig of buiten de schaal"
        self.plan.lines.append(f"{form.path.name}: {summary}.")
        self.plan.log.append(f"{form.path.name} ({form.file_hash}, versie {form.generated}): "
                             f"{summary}")
        if missing:
            self.plan.warnings.append(f"{form.path.name}: {aid} gaf geen score voor "
                                      + ", ".join(missing[:40])
                                      + (" …" if len(missing) > 40 else ""))
        for item in out_of_range:
            self.plan.problems.append(f"{form.path.name}: {aid} {item}; niet samengevoegd")
        self.plan.report[aid] = {"file": form.path.name, "new": n_new, "changed": n_changed,
                                 "missing": missing, "out_of_range": out_of_range,
                                 "replaces": replaces}
        self._invoer.append(import_row(KIND_ASSESSOR, form.path, form.file_hash, form.version,
                                       aid, self.when, summary, "\n".join(changes)))

    def _declarations(self, form: AssessorForm) -> int:
        """Record the form's conflict declarations that differ from the workbook's (a new row
        on Belangenconflicten, dated, naming the form); a declared conflict keeps that
        candidate's scores out of this merge. Returns how many were recorded."""
        from partnerkeuze.kernel import reference
        from partnerkeuze.features.intake.assessor_form import current_declaration

        aid = form.assessor
        for line in form.bad_declarations:
            self.plan.problems.append(f"{form.path.name}: {aid} {line}; niet overgenomen")
        n = 0
        for cand, (value, note, _cell) in sorted(form.declarations.items()):
            if cand not in self.cands:
                continue
            if value == reference.CONFLICT:
                self.conflicts.add((aid, cand))
            self.declared[(aid, cand)] = value
            if current_declaration(self.model, aid, cand) == value:
                continue
            text = f"verklaard in {form.path.name}" + (f": {note}" if note else "")
            self._declared.append([aid, cand, value, self.today, text[:1000]])
            n += 1
        return n

    def finish(self, snap=None) -> MergePlan:
        """The patch with the new score rows, declarations and the Invoer rows. Scores and
        Belangenconflicten stay sorted by candidate (the Scoretabel then finds a candidate's
        rows fast): new rows are appended when they sort after the existing ones, else, given
        the workbook's snapshot, the table is rewritten sorted when that loses nothing."""
        if self._declared:
            self._add_sorted("conflicts", self._declared, snap)
        if self._appends:
            self._add_sorted("scores", self._appends, snap)
        if self._invoer:
            self.plan.patch.append_rows("imports", self._invoer)
        return self.plan

    def _add_sorted(self, key: str, new_rows: list[list], snap) -> None:
        from partnerkeuze.core.native import sort_key, sorted_rows

        t = layout.table(key)
        new_rows = sorted_rows(key, new_rows)
        old = self.model.tables.get(key, [])
        keys = [sort_key(r.get("candidate")) for r in old]
        if all(a <= b for a, b in zip(keys, keys[1:])) and \
                (not keys or keys[-1] <= sort_key(new_rows[0][t.index("candidate")])):
            self.plan.patch.append_rows(key, new_rows)
            return
        sheet = layout.TABLE_SHEET[key].name
        rows = self._rows_if_plain(snap, key) if snap is not None else None
        if rows is None:  # the formulas read the whole columns: right, only slower
            self.plan.patch.append_rows(key, new_rows)
            return
        by_row = {rec["_row"]: i for i, rec in enumerate(rows)}
        kept = []
        for cell in self.plan.patch.cells:  # changed scores move with their rows
            if cell[0] == sheet and cell[1] in by_row:
                rows[by_row[cell[1]]]["_values"][cell[2] - t.first_col] = cell[3]
            else:
                kept.append(cell)
        self.plan.patch.cells[:] = kept
        self.plan.patch.replace_table(
            key, sorted_rows(key, [rec["_values"] for rec in rows] + new_rows))
        self.plan.lines.append(f"{sheet}: de rijen staan nu gesorteerd op kandidaat (zo vindt "
                               f"de Scoretabel de rijen van een kandidaat snel).")

    @staticmethod
    def _rows_if_plain(snap, key: str):
        """The table's filled rows (values in column order, '_row'), or None when rewriting
        them could lose something: a problem in a cell (a value the parser cannot keep), a
        formula in the table, or anything typed beside the table on its data rows."""
        from partnerkeuze.core.parse import read_table

        t = layout.table(key)
        problems: list = []
        recs = read_table(snap, key, problems)
        if problems:
            return None
        lo, hi = t.first_col - 1, t.first_col - 1 + len(t.columns)
        for raw in snap.rows(layout.TABLE_SHEET[key].name)[t.first_data_row - 1:]:
            if any(v not in (None, "") for i, v in enumerate(raw) if i < lo or i >= hi):
                return None
            if any(isinstance(v, str) and v.startswith("=") for v in raw[lo:hi]):
                return None  # a formula typed into the table: rewriting would make it text
        recs = list(recs)  # Scores come as TableRows, whose dicts are built afresh on each access
        for rec in recs:
            rec["_values"] = [rec.get(c.key) for c in t.columns]
        return recs
