"""The governance record under an adversary: every edit of the corpus below to the Logboek,
Criteriahistoriek, the fixed fingerprint on Instellingen or the fixed criteria is detected by
``check`` and refused by ``score``, with sheet and row; honest edits raise nothing.

Edits that no workbook can prove on its own (a truncated tail with a rewritten head, an entry
re-chained by hand) are caught against the receipt written beside the workbook (``anchor``)."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import run_cli
from openpyxl import load_workbook

from partnerkeuze.io import audit
from pipeline_support import check, score
from partnerkeuze.kernel.errors import InputProblems
from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

LOG, HIST, SET, CRIT = "Logboek", "Criteriahistoriek", "Instellingen", "Criteria"
FIRST = 5  # first data row of the log and the history


def entries(ws) -> list[int]:
    """Rows of the filled entries of a chained table."""
    return [r for r in range(FIRST, ws.max_row + 1)
            if any(ws.cell(r, c).value not in (None, "") for c in range(1, 9))]


def freeze_row(ws) -> int:
    """The row of the first 'freeze' entry of the log."""
    return next(r for r in entries(ws) if ws.cell(r, 4).value == "freeze")


def setting_row(ws, key) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == key)


def crit_row(ws, cid) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == cid)


def clear(ws, row, width=8):
    for c in range(1, width + 1):
        ws.cell(row, c).value = None


def rechain(ws, start_row=FIRST, head=True):
    """Recompute every link of a chained table from the top, as an adversary would."""
    prev = ""
    rows = entries(ws)
    for r in rows:
        cells = [ws.cell(r, c).value for c in range(1, 8)]
        link = audit.chain_hash(prev, cells)
        ws.cell(r, 8).value = link
        prev = link
    if head and ws.title == LOG:
        ws["A3"] = audit.head_text(len(rows), prev)


def head_to_last(ws):
    rows = entries(ws)
    ws["A3"] = f"Kettingkop: {ws.cell(rows[-1], 1).value} regels | {ws.cell(rows[-1], 8).value}"


def duplicate(ws, source, target):
    """Copy a log entry below the last one and point the head at it."""
    for c in range(1, 9):
        ws.cell(target, c).value = ws.cell(source, c).value
    head_to_last(ws)


def set_weights(wb, **weights):
    ws = wb[CRIT]
    for cid, w in weights.items():
        ws.cell(crit_row(ws, cid), 4).value = w


def forge_history(wb, rechain_history: bool):
    """Change two weights and rewrite the history fingerprint (self-computed SHA-256), the
    fixed criteria and the settings to match."""
    from partnerkeuze.core.fingerprint import criteria_hash
    from partnerkeuze.record.governance.freeze import canonical_text
    from partnerkeuze.core.parse import parse
    from partnerkeuze.kernel.snapshot import Snapshot

    set_weights(wb, C01=5, C07=20)
    snap = Snapshot(sheets={ws.title: [tuple(c.value for c in row) for row in ws.iter_rows()]
                            for ws in wb.worksheets}, source="x")
    model = parse(snap)
    h = wb[HIST]
    h.cell(FIRST, 4).value = criteria_hash(model.criteria)
    h.cell(FIRST, 7).value = canonical_text(model.criteria)
    wb[SET].cell(setting_row(wb[SET], "frozen_hash"), 3).value = criteria_hash(model.criteria)
    if rechain_history:
        rechain(h)


def _log(fn):
    return lambda wb: fn(wb[LOG])


CORPUS = {
    # --- Logboek ---
    "log-details-changed": (_log(lambda ws: setattr(ws.cell(entries(ws)[1], 5), "value", "x")), LOG, False),
    "log-user-changed": (_log(lambda ws: setattr(ws.cell(entries(ws)[0], 3), "value", "Jan")), LOG, False),
    "log-time-changed": (_log(lambda ws: setattr(ws.cell(entries(ws)[2], 2), "value",
                                                 "2026-01-01 09:00:00")), LOG, False),
    "log-action-retyped": (_log(lambda ws: setattr(ws.cell(entries(ws)[0], 4), "value", "Freeze")), LOG, False),
    "log-entry-deleted": (_log(lambda ws: ws.delete_rows(entries(ws)[1])), LOG, False),
    "log-entry-blanked": (_log(lambda ws: clear(ws, entries(ws)[1])), LOG, False),
    "log-last-deleted": (_log(lambda ws: clear(ws, entries(ws)[-1])), LOG, False),
    "log-two-last-deleted-head-rewritten": (
        _log(lambda ws: (clear(ws, entries(ws)[-1]), clear(ws, entries(ws)[-1]),
                         head_to_last(ws))), LOG, True),
    "log-head-cleared": (_log(lambda ws: setattr(ws["A3"], "value", None)), LOG, False),
    "log-head-count-changed": (_log(lambda ws: setattr(ws["A3"], "value", re.sub(
        r"\d+ regels", "99 regels", ws["A3"].value))), LOG, False),
    "log-head-link-changed": (_log(lambda ws: setattr(ws["A3"], "value", ws["A3"].value[:-4] + "0000")),
                              LOG, False),
    "log-entries-swapped": (_log(lambda ws: [
        (lambda a, b: [(setattr(ws.cell(a, c), "value", vb), setattr(ws.cell(b, c), "value", va))
                       for c in range(1, 9)
                       for va, vb in [(ws.cell(a, c).value, ws.cell(b, c).value)]])(
            entries(ws)[1], entries(ws)[2])]), LOG, False),
    "log-entry-duplicated": (_log(lambda ws: duplicate(ws, entries(ws)[1], entries(ws)[-1] + 1)),
                             LOG, False),
    "log-seq-retyped": (_log(lambda ws: setattr(ws.cell(entries(ws)[2], 1), "value", "3a")), LOG, False),
    "log-last-entry-rechained": (_log(lambda ws: (setattr(ws.cell(entries(ws)[-1], 5), "value",
                                                          "13 brieven"), rechain(ws))), LOG, True),
    "log-wiped": (_log(lambda ws: ([clear(ws, r) for r in entries(ws)],
                                   setattr(ws["A3"], "value", None))), LOG, False),
    "log-history-settings-wiped": (lambda wb: (
        [clear(wb[LOG], r) for r in entries(wb[LOG])], setattr(wb[LOG]["A3"], "value", None),
        [clear(wb[HIST], r) for r in entries(wb[HIST])],
        [setattr(wb[SET].cell(setting_row(wb[SET], k), 3), "value", None)
         for k in ("frozen_hash", "frozen_at", "frozen_by")]), LOG, False),
    "log-freeze-fingerprint-rewritten-and-rechained": (
        _log(lambda ws: (setattr(ws.cell(freeze_row(ws), 5), "value",
                                 re.sub(r"vingerafdruk [0-9a-f]{16}", "vingerafdruk " + "ab" * 8,
                                        ws.cell(freeze_row(ws), 5).value)), rechain(ws))),
        HIST, False),
    "log-freeze-entry-removed-and-rechained": (
        _log(lambda ws: (ws.delete_rows(freeze_row(ws)),
                         [setattr(ws.cell(r, 1), "value", i + 1) for i, r in enumerate(entries(ws))],
                         rechain(ws))), HIST, False),
    # --- Criteriahistoriek ---
    "history-row-deleted-weights-changed": (lambda wb: (
        clear(wb[HIST], FIRST),
        [setattr(wb[SET].cell(setting_row(wb[SET], k), 3), "value", None)
         for k in ("frozen_hash", "frozen_at", "frozen_by")],
        set_weights(wb, C01=5, C07=20)), LOG, False),
    "history-reason-changed": (lambda wb: setattr(wb[HIST].cell(FIRST, 5), "value", "anders"), HIST, False),
    "history-when-changed": (lambda wb: setattr(wb[HIST].cell(FIRST, 2), "value", "2026-01-01"), HIST, False),
    "history-fingerprint-self-computed": (lambda wb: forge_history(wb, False), HIST, False),
    "history-forged-and-rechained": (lambda wb: forge_history(wb, True), HIST, False),
    "history-criteria-json-changed": (lambda wb: setattr(wb[HIST].cell(FIRST, 7), "value",
                                                         wb[HIST].cell(FIRST, 7).value.replace(
                                                             '"weight":15', '"weight":5', 1)),
                                      HIST, False),
    "history-row-duplicated": (lambda wb: [setattr(wb[HIST].cell(FIRST + 1, c), "value",
                                                   wb[HIST].cell(FIRST, c).value)
                                           for c in range(1, 9)], HIST, False),
    "history-seq-retyped": (lambda wb: setattr(wb[HIST].cell(FIRST, 1), "value", "één"), HIST, False),
    "history-blanked": (lambda wb: clear(wb[HIST], FIRST), LOG, False),
    # --- Instellingen ---
    "settings-hash-cleared": (lambda wb: setattr(wb[SET].cell(setting_row(wb[SET], "frozen_hash"), 3),
                                                 "value", None), SET, False),
    "settings-hash-changed": (lambda wb: setattr(wb[SET].cell(setting_row(wb[SET], "frozen_hash"), 3),
                                                 "value", "0" * 64), SET, False),
    "settings-all-frozen-cleared": (lambda wb: [
        setattr(wb[SET].cell(setting_row(wb[SET], k), 3), "value", None)
        for k in ("frozen_hash", "frozen_at", "frozen_by")], SET, False),
    "settings-frozen-by-changed": (lambda wb: setattr(wb[SET].cell(setting_row(wb[SET], "frozen_by"), 3),
                                                      "value", "Iemand anders"), SET, False),
    "settings-frozen-at-changed": (lambda wb: setattr(wb[SET].cell(setting_row(wb[SET], "frozen_at"), 3),
                                                      "value", "2026-07-01 10:00:00"), SET, False),
    # --- Criteria ---
    "criteria-weights-changed": (lambda wb: set_weights(wb, C01=5, C07=20), CRIT, False),
    "criteria-weight-nudged": (lambda wb: set_weights(wb, C01=15.0000006, C02=19.9999994), CRIT, False),
    "criteria-threshold-changed": (lambda wb: setattr(wb[CRIT].cell(crit_row(wb[CRIT], "KO1"), 8),
                                                      "value", 0), CRIT, False),
    "criteria-name-changed": (lambda wb: setattr(wb[CRIT].cell(crit_row(wb[CRIT], "C03"), 2),
                                                 "value", "Draagvlak"), CRIT, False),
    "criteria-scale-changed": (lambda wb: setattr(wb[CRIT].cell(crit_row(wb[CRIT], "C02"), 6),
                                                  "value", 10), CRIT, False),
}


@pytest.fixture(scope="module")
def base(tmp_path_factory, demo_template):
    """The scored demo with a receipt beside it (as after a freeze)."""
    from partnerkeuze.core.fingerprint import criteria_hash
    from partnerkeuze.io import anchor
    from partnerkeuze.core.parse import parse

    book = FileWorkbook(demo_template, for_writing=False)
    snap = book.snapshot()
    rec = anchor.current(snap, criteria_hash(parse(snap).criteria), "freeze")
    book.close()
    return demo_template, rec


def _prepare(base, tmp_path, edit, with_receipt):
    from partnerkeuze.io import anchor

    src, rec = base
    path = tmp_path / "oproep.xlsx"
    shutil.copy(src, path)
    if with_receipt:
        anchor.write_receipt(path, rec)
    wb = load_workbook(path)
    edit(wb)
    wb.save(path)
    return path


def _places(problems, sheet):
    return [p.place for p in problems if re.fullmatch(rf"{sheet}![A-Z]+\d+", p.place)]


def test_the_corpus_is_large_enough():
    assert len(CORPUS) >= 30


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_every_adversarial_edit_is_detected_by_check_and_refused_by_score(name, base, tmp_path):
    edit, sheet, needs_receipt = CORPUS[name]
    path = _prepare(base, tmp_path, edit, with_receipt=True)
    before = path.read_bytes()
    book = FileWorkbook(path, for_writing=False)
    with pytest.raises(InputProblems) as checked:
        check(book)
    book.close()
    assert _places(checked.value.problems, sheet), (name, [str(p) for p in checked.value.problems])
    book = FileWorkbook(path)
    with pytest.raises(InputProblems) as scored:
        score(book)
    assert _places(scored.value.problems, sheet), name
    assert path.read_bytes() == before
    if not needs_receipt:  # the workbook alone proves it: also without the receipt
        (tmp_path / "oproep.xlsx.verankering.json").unlink()
        book = FileWorkbook(path, for_writing=False)
        with pytest.raises(InputProblems) as alone:
            check(book)
        assert _places(alone.value.problems, sheet), name


HONEST = {
    "criteria-rows-reordered": lambda wb: [
        (lambda a, b: [(setattr(wb[CRIT].cell(a, c), "value", vb),
                        setattr(wb[CRIT].cell(b, c), "value", va))
                       for c in range(1, 13)
                       for va, vb in [(wb[CRIT].cell(a, c).value, wb[CRIT].cell(b, c).value)]])(
            crit_row(wb[CRIT], "C01"), crit_row(wb[CRIT], "C05"))],
    "description-edited": lambda wb: setattr(wb[CRIT].cell(crit_row(wb[CRIT], "C02"), 3), "value",
                                             "Een nieuwe omschrijving."),
    "trailing-spaces": lambda wb: setattr(wb[CRIT].cell(crit_row(wb[CRIT], "C03"), 2), "value",
                                          wb[CRIT].cell(crit_row(wb[CRIT], "C03"), 2).value + "  "),
    "question-edited": lambda wb: setattr(wb[CRIT].cell(crit_row(wb[CRIT], "C04"), 9), "value",
                                          "Wat kan uw gemeente ons leren?"),
}


@pytest.mark.parametrize("name", sorted(HONEST))
def test_honest_edits_raise_nothing(name, base, tmp_path):
    path = _prepare(base, tmp_path, HONEST[name], with_receipt=True)
    book = FileWorkbook(path, for_writing=False)
    out = check(book)
    book.close()
    assert out.messages[0].startswith("In orde"), name
    book = FileWorkbook(path)
    outcome = score(book)
    assert outcome.data["frozen"] is True
    assert not [w for w in outcome.warnings if "logboek" in w.lower() or "vastgelegd" in w]


def test_the_cli_refuses_with_exit_1_and_leaves_the_file_unchanged(base, tmp_path):
    edit, sheet, _ = CORPUS["history-forged-and-rechained"]
    path = _prepare(base, tmp_path, edit, with_receipt=False)
    before = path.read_bytes()
    r = run_cli("check", path)
    assert r.returncode == 1 and f"{HIST}!D5" in r.stdout + r.stderr, r.stdout + r.stderr
    r = run_cli("score", path, "--json")
    assert r.returncode == 1 and f"{HIST}!D5" in r.stdout + r.stderr
    assert "Traceback" not in r.stderr and path.read_bytes() == before


def test_a_tiny_weight_change_is_named_with_the_digits_that_differ(base, tmp_path):
    edit, _, _ = CORPUS["criteria-weight-nudged"]
    path = _prepare(base, tmp_path, edit, with_receipt=False)
    with pytest.raises(InputProblems) as err:
        check(FileWorkbook(path, for_writing=False))
    text = " ".join(str(p) for p in err.value.problems)
    assert "van 15 naar 15.0000006" in text and "van 20 naar 19.9999994" in text
    assert "van 15 naar 15 " not in text
