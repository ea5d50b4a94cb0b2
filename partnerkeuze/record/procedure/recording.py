"""Recording a stage: the new chained row of the Procedure sheet and its Logboek entry."""

from __future__ import annotations

import datetime as dt

from partnerkeuze.kernel.plain import Plain
from partnerkeuze.io import audit
from partnerkeuze import layout
from partnerkeuze.kernel.errors import FileError, InputProblems, Problem
from partnerkeuze.kernel.patch import Patch
from partnerkeuze.record.procedure.record import numbered_rows, parse_ids, read_record
from partnerkeuze.record.procedure.stages import (
    REPEATABLE,
    STAGE_CODES,
    STAGE_NAMES,
    WITH_DEADLINE,
    WITH_PARTNER)
from partnerkeuze.kernel.snapshot import Snapshot

TEXT_MAX = 3000
REASON_MAX = 1000
NUMBER_MAX = 100
LOG_ACTION = "record"
LOG_TEXT = 500  # characters of a recorded text repeated in the log
CHOSEN = "Gekozen"
NOT_CHOSEN = "Niet weerhouden"


def _clean(value, limit: int) -> str:
    from partnerkeuze.io.xlsx.cells import clean_text

    return clean_text(str(value or "").strip())[:limit]


def table_ids(snap: Snapshot, key: str, column: str = "id") -> list[str]:
    """The values of one column of a table in the snapshot (e.g. the candidate ids)."""
    from partnerkeuze.io.logcheck import numbered_rows as table_rows

    if key not in layout.TABLES or not snap.has_sheet(layout.TABLE_SHEET[key].name):
        return []
    i = layout.table(key).index(column)
    return [str(cells[i]).strip() for _, cells in table_rows(snap, key)
            if cells[i] not in (None, "")]


def final_order_ids(snap: Snapshot) -> list[str]:
    """The candidates of the Eindvolgorde sheet in their consensus position."""
    from partnerkeuze.io.logcheck import numbered_rows as table_rows

    if "final_order" not in layout.TABLES or not snap.has_sheet(
            layout.TABLE_SHEET["final_order"].name):
        return []
    t = layout.table("final_order")
    ci, pi = t.index("candidate"), t.index("position")
    rows = []
    for _, cells in table_rows(snap, "final_order"):
        try:
            pos = float(cells[pi])
        except (TypeError, ValueError):
            continue
        if cells[ci] not in (None, ""):
            rows.append((pos, str(cells[ci]).strip()))
    return [cid for _, cid in sorted(rows)]


def entry_row(previous: str, seq: int, stage: str, *, date: dt.date, deadline: dt.date | None,
              partner: str, number: str, text: str, reason: str, user: str, when: str) -> list:
    """A row of the Procedure table, chained to the previous link (dates as ISO text)."""
    row = [seq, stage, STAGE_NAMES[stage], date.isoformat(),
           deadline.isoformat() if deadline else "", partner, number, text, reason, user, when]
    row.append(audit.chain_hash(previous, row))
    return row


def log_details(row: list, front: tuple[str, ...] = ()) -> str:
    """The Logboek text of a recorded stage: the row's number and link first (the log keeps at
    most 2000 characters), then ``front`` (the decision's block and receipt, which checks read
    back), then what was recorded (long texts shortened)."""
    seq, stage, name, date, deadline, partner, number, text, reason = row[:9]
    parts = [f"procedure Nr {seq}: {stage} ({name}) op {date}", f"ketting {row[-1][:16]}"]
    parts.extend(p for p in front if p)
    for label, value in (("deadline", deadline), ("partner", partner), ("nummer", number),
                         ("inhoud", text), ("reden", reason)):
        if value:
            value = str(value)
            parts.append(f"{label}: {value if len(value) <= LOG_TEXT else value[:LOG_TEXT] + '…'}")
    return "; ".join(parts)


def record_patch(snap: Snapshot, stage: str, *, date: dt.date | None = None,
                 partner: str | None = None, number: str | None = None, text: str | None = None,
                 reason: str | None = None, deadline: dt.date | None = None,
                 user: str | None = None, when: str | None = None,
                 today: dt.date | None = None, model=None, receipt: str = "",
                 translations: dict[str, str] | None = None) -> Patch:
    """The new row of the Procedure sheet plus its Logboek entry (and, for a decision of the
    college or the council, the rows of the sheet Beslissing: what it rested on and what it
    decided); InputProblems when the stage cannot be recorded as asked (each problem names the
    rule, the option or the sheet to fix). ``model``: the parsed workbook (parsed here when
    None); ``receipt``: the receipt the command will write, named in the log entry;
    ``translations``: the college's reasoning in French, English or Spanish ({'fr': …}), with
    ``college`` or later with ``translation`` (kept as lines '[fr] …' in the Inhoud cell)."""
    from partnerkeuze.record.procedure import chronology
    if stage not in STAGE_CODES:
        raise FileError(f"onbekende procedurestap '{stage}'; kies uit {', '.join(STAGE_CODES)}")
    sheet = layout.sheet("procedure").name
    if not snap.has_sheet(sheet):
        raise InputProblems([Problem("Werkmap", f"deze werkmap heeft geen blad {sheet} (een "
                                                f"SDG-werkmap of een oudere werkmap); maak een "
                                                f"nieuwe werkmap met partnerkeuze new")])
    today = today or dt.date.today()
    date = date or today
    rec = read_record(snap)
    if model is None:
        from partnerkeuze.core.parse import parse_lenient

        model = parse_lenient(snap, [])
    partner = _clean(partner, 40)
    number = _clean(number, NUMBER_MAX)
    text = _clean(text, TEXT_MAX)
    reason = _clean(reason, REASON_MAX)
    translations = {k: _clean(v, TEXT_MAX) for k, v in (translations or {}).items()
                    if _clean(v, TEXT_MAX)}
    problems: list[Problem] = []
    where = f"{sheet} ({stage})"

    def bad(message: str) -> None:
        problems.append(Problem(where, message))

    for message in chronology.entry_problems(rec, stage, date, today,
                                             chronology.first_day(snap)):
        bad(message)
    if stage in WITH_DEADLINE:
        if deadline is None:
            bad("geef de deadline voor de kandidaturen: --deadline JJJJ-MM-DD")
        elif deadline <= date:
            bad(f"de deadline {deadline.isoformat()} valt niet na de datum {date.isoformat()}")
        elif stage == "extension" and rec.deadline and deadline <= rec.deadline:
            bad(f"een verlenging moet later vallen dan de huidige deadline "
                f"{rec.deadline.isoformat()}")
        else:
            for message in chronology.deadline_problems(
                    deadline, chronology.call_countries(model), reason):
                bad(message)
    elif deadline is not None:
        bad("--deadline hoort alleen bij de stappen published en extension")
    if stage == "extension":
        if not rec.has("published"):
            bad("er is nog geen gepubliceerde oproep vastgelegd (stap published)")
        if not reason:
            bad("geef de reden van de verlenging: --reason \"…\"")
    candidates = table_ids(snap, "candidates")
    if stage in WITH_PARTNER:
        if stage == "council" and not partner and rec.chosen:
            partner = rec.chosen
        if not partner:
            bad("geef de gekozen partner: --partner ID (de id van het blad Kandidaten)")
        elif partner not in candidates:
            bad(f"kandidaat '{partner}' staat niet op het blad Kandidaten")
        if stage == "council":
            if not rec.final:
                bad("de gemeenteraad keurt een beslissing van het college goed; leg eerst de "
                    "stap college vast")
            elif partner and partner != rec.chosen:
                bad(f"het college koos {rec.chosen}; de gemeenteraad keurt die keuze goed of af, "
                    f"niet een andere kandidaat ({partner}): een andere partner vraagt eerst "
                    f"een nieuwe beslissing van het college")
    elif partner:
        bad("--partner hoort alleen bij de stappen college en council")
    if stage in ("partner_informed", "others_informed") and not rec.final:
        bad("er is nog geen beslissing van het college vastgelegd (stap college)")
    result = None
    if stage in WITH_PARTNER and partner and partner in candidates:
        from partnerkeuze.core.assessment import evaluate
        from partnerkeuze.record.procedure.decided import has_sheet
        from partnerkeuze.record.procedure.eligibility import partner_problems

        if not has_sheet(snap):
            bad(f"deze werkmap heeft geen blad {layout.sheet('decision').name}, waar een "
                f"beslissing vastlegt waarop ze steunt (een oudere werkmap); maak een nieuwe "
                f"werkmap met partnerkeuze new")
        else:
            result = evaluate(model)
            for message in partner_problems(model, result, rec, stage, partner, text):
                bad(message)
    if stage in ("council", "partner_informed", "others_informed") and rec.final:
        from partnerkeuze.record.procedure.binding import changes_since

        changed = changes_since(snap, model.settings.mode)
        if changed:
            bad(f"wat de beslissing van het college steunde, is sindsdien gewijzigd "
                f"({changed[0].sheet} rij {changed[0].row}: {changed[0].what}"
                + (f"; en {len(changed) - 1} andere wijziging(en)" if len(changed) > 1 else "")
                + "): het college beslist eerst opnieuw (partnerkeuze record PAD college "
                  "--partner ID --reason \"…\")")
    if stage == "consensus":
        order = parse_ids(text) if text else final_order_ids(snap)
        if not order:
            bad("geef de eindvolgorde in consensus: --text \"K05, K04, K01\" of vul het blad "
                "Eindvolgorde in")
        unknown = [c for c in order if c not in candidates]
        if unknown:
            bad(f"onbekende kandidaat in de eindvolgorde: {', '.join(unknown)}")
        text = ", ".join(order)
    if translations and stage not in ("college", "translation"):
        bad("--text-fr, --text-en en --text-es horen bij de stappen college en translation (de "
            "motivering van het college in de taal van de brieven)")
    elif stage == "college" and translations and not text:
        bad("geef eerst de motivering van het college in het Nederlands (--text \"…\"), dan "
            "haar vertalingen")
    elif stage == "translation":
        if not rec.final or not rec.reasoning:
            bad("er is geen motivering van het college om te vertalen (stap college met "
                "--text \"…\")")
        if text:
            bad("--text hoort niet bij translation: de Nederlandse motivering ligt vast bij de "
                "stap college; geef de vertaling met --text-fr, --text-en of --text-es")
        if not translations:
            bad("geef de vertaling van de motivering van het college: --text-fr \"…\", "
                "--text-en \"…\" of --text-es \"…\"")
    if translations and stage in ("college", "translation"):
        from partnerkeuze.record.procedure.record import join_translations

        text = join_translations(text, translations)[:TEXT_MAX]
    if stage == "gros" and not text:
        bad("geef het advies van de GROS: --text \"…\"")
    if rec.has(stage) and stage not in REPEATABLE and not reason:
        prev = rec.latest(stage)
        bad(f"deze stap werd al vastgelegd (Nr {prev.seq}, {prev.recorded_at} door {prev.user}); "
            f"geef de reden om ze opnieuw vast te leggen: --reason \"…\"")
    if problems:
        raise InputProblems(problems)
    rows = numbered_rows(snap)
    previous = str(rows[-1][1][-1] or "") if rows else ""
    user = user or audit.current_user()
    when = when or audit.now()
    row = entry_row(previous, len(rows) + 1, stage, date=date, deadline=deadline,
                    partner=partner, number=number, text=text, reason=reason, user=user,
                    when=when)
    patch = Patch()
    patch.append_rows("procedure", [row])
    front = []
    if result is not None:
        rows = decision_patch(snap, model, result, row, rec)
        patch.merge(rows.patch)
        front.append(f"beslissing Nr {rows.first}-{rows.last}: invoer {rows.inputs[:16]}, "
                     f"resultaat {rows.result[:16]}")
    front.append(receipt)
    details = log_details(row, tuple(front))
    if stage in WITH_DEADLINE:
        fields = {"deadline": deadline}
        if stage == "published":
            fields["call_date"] = date
        settings, changed = settings_patch(snap, fields)
        patch.merge(settings)
        if changed:
            details += "; instellingen: " + ", ".join(changed)
        off = chronology.day_off(deadline, chronology.call_countries(model))
        if off:  # allowed with a reason only: the log says so in plain words
            details += f"; de deadline valt op {off}, met de reden hierboven"
    if stage == "college":
        status, changed = status_patch(snap, partner)
        patch.merge(status)
        if changed:
            details += "; status: " + ", ".join(changed)
    patch.merge(audit.entry_patch(snap, LOG_ACTION, details, user=user, when=when))
    return patch


class DecisionRows(Plain):
    """The rows a decision adds to the sheet Beslissing: the patch, the Nr of its first and last
    row, and the fingerprints of its inputs and its result."""

    patch: Patch
    first: int
    last: int
    inputs: str
    result: str


def decision_patch(snap: Snapshot, model, result, row: list, rec) -> DecisionRows:
    """The chained rows of the sheet Beslissing for a decision recorded as ``row``: what it
    rests on (the inputs after the decision's own change of the Status column) and the
    result."""
    from partnerkeuze.core.fingerprint import criteria_hash
    from partnerkeuze.record.procedure import decided as dd
    from partnerkeuze.record.procedure import inputs as ins

    seq, stage, partner = row[0], row[1], row[5]
    status = {}
    if stage == "college":
        status = {c.id: NOT_CHOSEN for c in model.candidates if c.status == CHOSEN}
        status[partner] = CHOSEN
    mode = model.settings.mode
    current = ins.read_inputs(snap, mode, status)
    block = dd.decision_block(seq, stage, date=dt.date.fromisoformat(row[3]), partner=partner,
                              number=row[6], criteria_hash=criteria_hash(model.criteria),
                              inputs=current, inputs_fingerprint=ins.fingerprint(current),
                              columns=ins.columns_of(mode), result=result,
                              consensus_order=rec.consensus_order)
    existing = dd.decision_rows(snap)
    previous = str(existing[-1][1][-1] or "") if existing else ""
    chained = []
    n = len(existing)
    for i, cells in enumerate(block.rows, start=1):
        full = [n + i] + list(cells)
        full.append(audit.chain_hash(previous, full))
        previous = full[-1]
        chained.append(full)
    patch = Patch()
    patch.append_rows(dd.TABLE, chained)
    return DecisionRows(patch, n + 1, n + len(chained), block.inputs, block.result)


def status_patch(snap: Snapshot, chosen: str) -> tuple[Patch, list[str]]:
    """The Status column after a college decision: the chosen partner 'Gekozen', a candidate
    that was marked 'Gekozen' before 'Niet weerhouden'; with the changes in words."""
    from partnerkeuze.io.logcheck import numbered_rows as table_rows

    patch = Patch()
    changed: list[str] = []
    t = layout.table("candidates")
    sheet = layout.sheet("candidates").name
    ci, si = t.index("id"), t.index("status")
    for row, cells in table_rows(snap, "candidates"):
        cid = str(cells[ci] or "").strip()
        status = str(cells[si] or "").strip()
        new = None
        if cid == chosen and status != CHOSEN:
            new = CHOSEN
        elif cid != chosen and status == CHOSEN:
            new = NOT_CHOSEN
        if new:
            patch.set_cell(sheet, row, t.first_col + si, new)
            changed.append(f"{cid} {status or '(leeg)'} -> {new}")
    return patch, changed


def settings_patch(snap: Snapshot, values: dict) -> tuple[Patch, list[str]]:
    """The Instellingen fields (deadline, call date) set to what was recorded, with the changes."""
    from partnerkeuze.io.logcheck import numbered_rows as table_rows
    from partnerkeuze.record.procedure.record import as_date

    patch = Patch()
    changed: list[str] = []
    t = layout.table("settings")
    sheet = layout.sheet("settings").name
    for row, cells in table_rows(snap, "settings"):
        key = str(cells[0] or "").strip()
        if key in values and as_date(cells[2]) != values[key]:
            patch.set_cell(sheet, row, t.first_col + 2, values[key])
            old = as_date(cells[2])
            changed.append(f"{key} {old.isoformat() if old else '(leeg)'} -> "
                           f"{values[key].isoformat()}")
    return patch, changed
