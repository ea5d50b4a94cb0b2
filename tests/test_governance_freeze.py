"""Fixing the criteria: any single change to a fixed criterion, weight, scale or knock-out is
detected (property test); re-fixing needs a reason and is logged; score refuses meanwhile."""

from __future__ import annotations

import hashlib
import shutil

import pytest
from conftest import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_governance_util import blank_book, col_of, demo_book, set_value

from partnerkeuze import layout
from pipeline_support import check, score
from partnerkeuze.core.assessment import is_frozen
from partnerkeuze.core.fingerprint import criteria_hash
from partnerkeuze.kernel.errors import InputProblems
import pipeline_support as actions
from partnerkeuze.record.governance import freeze as fz
from partnerkeuze.core.parse import parse, parse_lenient

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop

CRIT = layout.sheet("criteria").name


def _model(book):
    return parse_lenient(book.snapshot(), [])


def test_demo_criteria_are_fixed_and_check_is_clean():
    book = demo_book()
    model = parse(book.snapshot())
    assert is_frozen(model)
    assert fz.change_problems(model, book.snapshot()) == []
    assert fz.integrity_problems(model, book.snapshot()) == []
    check(book)  # raises on any problem


def test_freeze_writes_hash_date_user_history_and_log(monkeypatch):

    monkeypatch.setenv("PARTNERKEUZE_USER", "an.peeters")
    book = blank_book()
    assert not is_frozen(_model(book))
    out = actions.freeze(book)
    assert out.changed
    model = _model(book)
    h = criteria_hash(model.criteria)
    assert model.settings.frozen_hash == h and model.settings.frozen_by == "an.peeters"
    assert model.settings.frozen_at[:4].isdigit()
    hist = fz.history(book.snapshot())
    assert [(f.seq, f.fingerprint, f.user) for f in hist] == [(1, h, "an.peeters")]
    log = [r for r in model.tables["log"]]
    snap = book.snapshot()
    from partnerkeuze.io.audit import log_rows

    entries = log_rows(snap)
    assert entries[-1][3] == "freeze" and h[:16] in entries[-1][4]
    assert fz.integrity_problems(model, snap) == []
    again = actions.freeze(book)
    assert not again.changed and "al vastgelegd" in again.messages[0]
    assert len(log_rows(book.snapshot())) == len(entries)
    del log


def _crit_rows(book):
    return {c.id: c for c in _model(book).criteria}


CHANGES = st.sampled_from(["weight", "scale_min", "scale_max", "threshold", "kind", "name", "id",
                           "remove", "add"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=CHANGES, which=st.integers(0, 8), amount=st.integers(1, 40), text=st.text(
    alphabet=st.characters(min_codepoint=65, max_codepoint=122), min_size=1, max_size=12))
def test_any_single_change_to_fixed_criteria_is_detected(kind, which, amount, text):
    book = demo_book()
    crits = sorted(_crit_rows(book).values(), key=lambda c: c.row)
    scored = [c for c in crits if not c.knockout]
    c = (scored if kind == "weight" else crits)[which % len(scored if kind == "weight" else crits)]
    expected_cell = None
    if kind == "weight":
        value = (c.weight + amount / 2) % 100
        set_value(book, "criteria", c.row, col_of("criteria", "weight"), value)
        expected_cell = ("weight", c.row)
    elif kind in ("scale_min", "scale_max"):
        old = c.scale_min if kind == "scale_min" else c.scale_max
        value = old + amount / 4 if kind == "scale_max" else max(0.0, old - amount / 4) \
            if old > 0 else old + amount / 8
        set_value(book, "criteria", c.row, col_of("criteria", kind), value)
        expected_cell = (kind, c.row)
    elif kind == "threshold":
        value = (c.threshold or 0) + amount / 8
        set_value(book, "criteria", c.row, col_of("criteria", "threshold"), value)
        expected_cell = ("threshold", c.row)
    elif kind == "kind":
        set_value(book, "criteria", c.row, col_of("criteria", "kind"),
                  "Score" if c.knockout else "Knock-out")
        expected_cell = ("kind", c.row)
    elif kind == "name":
        set_value(book, "criteria", c.row, col_of("criteria", "name"), c.name + " " + text)
        expected_cell = ("name", c.row)
    elif kind == "id":
        set_value(book, "criteria", c.row, col_of("criteria", "id"), f"N{amount}")
        expected_cell = ("id", c.row)
    elif kind == "remove":
        for col in range(1, len(layout.table("criteria").columns) + 1):
            set_value(book, "criteria", c.row, col, None)
    else:  # add a criterion with weight 0 (the total stays 100)
        last = max(x.row for x in crits) + 1
        for key, value in (("id", f"C9{amount}"), ("name", text), ("weight", 0), ("kind", "Score")):
            set_value(book, "criteria", last, col_of("criteria", key), value)
        expected_cell = ("id", last)
    snap = book.snapshot()
    model = parse_lenient(snap, [])
    problems = fz.change_problems(model, snap)
    assert problems, (kind, c.id)
    assert all(p.place.startswith(CRIT) and "vastleggen" in p.message for p in problems)
    if expected_cell:
        key, row = expected_cell
        from partnerkeuze.kernel.cellref import place

        assert place(CRIT, col_of("criteria", key), row) in {p.place for p in problems}
    with pytest.raises(InputProblems):
        score(book)
    # check reports it as well (among any parse problems the change causes)
    with pytest.raises(InputProblems) as exc:
        check(book)
    assert any("na het vastleggen" in p.message for p in exc.value.problems)


def _move_weight(book, frm: str, to: str, amount: float):
    crits = _crit_rows(book)
    set_value(book, "criteria", crits[frm].row, col_of("criteria", "weight"),
              crits[frm].weight - amount)
    set_value(book, "criteria", crits[to].row, col_of("criteria", "weight"),
              crits[to].weight + amount)


def test_refixing_needs_a_reason_and_is_logged_and_shown_in_the_history():
    from partnerkeuze.io.audit import log_rows
    from partnerkeuze.record.governance.dossier import dossier_context

    book = demo_book()
    _move_weight(book, "C01", "C02", 5)
    with pytest.raises(InputProblems) as exc:
        actions.freeze(book)
    assert "reden" in exc.value.problems[0].message
    with pytest.raises(InputProblems) as exc:
        score(book)
    assert {p.place for p in exc.value.problems} >= {f"{CRIT}!D6", f"{CRIT}!D7"}
    out = actions.freeze(book, reason="Het college vroeg meer gewicht voor beleidsraakvlakken.")
    assert out.changed
    hist = fz.history(book.snapshot())
    assert len(hist) == 2 and hist[1].reason.startswith("Het college")
    assert "het gewicht van C01 is gewijzigd van 15 naar 10" in hist[1].changes
    entry = log_rows(book.snapshot())[-1]
    assert entry[3] == "freeze" and "reden: Het college" in entry[4]
    model = parse(book.snapshot())
    assert is_frozen(model)
    assert fz.integrity_problems(model, book.snapshot()) == []
    score(book)  # allowed again
    ctx = dossier_context(model, book.snapshot(), __import__(
        "partnerkeuze.core.assessment", fromlist=["evaluate"]).evaluate(model))
    assert [h["reason"] for h in ctx["criteria_history"]][1].startswith("Het college")
    assert set(ctx["criteria_history"][0]) >= {"when", "who", "hash", "reason"}


def test_tampering_with_the_history_or_the_settings_fingerprint_is_detected():
    book = demo_book()
    hist = fz.history(book.snapshot())[0]
    set_value(book, "criteria_history", hist.row, col_of("criteria_history", "reason"), "anders")
    model = _model(book)
    probs = fz.integrity_problems(model, book.snapshot())
    assert any(p.place == f"Criteriahistoriek!H{hist.row}" for p in probs)
    book = demo_book()
    row = _model(book).fields["settings"]["_rows"]["frozen_hash"]
    set_value(book, "settings", row, 3, "0" * 64)
    probs = fz.integrity_problems(_model(book), book.snapshot())
    assert any(p.place == f"Instellingen!C{row}" for p in probs)


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_cli_freeze_refuses_without_reason_and_leaves_the_file_unchanged(demo_template, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "f.xlsx"
    shutil.copy(demo_template, path)
    wb = load_workbook(path)
    ws = wb[CRIT]
    ws["D6"] = ws["D6"].value - 2.5
    ws["D7"] = ws["D7"].value + 2.5
    wb.save(path)
    before = _sha(path)
    r = run_cli("score", path)
    assert r.returncode == 1 and f"{CRIT}!D6:" in r.stderr and "freeze" in r.stderr
    r = run_cli("freeze", path)
    assert r.returncode == 1 and "reden" in r.stderr
    r2 = run_cli("check", path)
    assert r2.returncode == 1 and "na het vastleggen" in r2.stderr
    assert _sha(path) == before
    r = run_cli("freeze", path, "--reason", "Na advies van de GROS")
    assert r.returncode == 0, r.stderr
    assert "opnieuw vastgelegd" in r.stdout
    r = run_cli("check", path)
    assert r.returncode == 0, r.stderr
    r = run_cli("score", path, "--json")
    assert r.returncode == 0 and '"frozen": true' in r.stdout


def test_status_text_for_the_udf_and_ribbon():
    book = demo_book()
    model = _model(book)
    assert fz.status_text(model).startswith("Criteria vastgelegd op 2026-02-20 10:00:00 door An")
    _move_weight(book, "C01", "C02", 5)
    assert fz.status_text(_model(book)).startswith("LET OP: de criteria zijn gewijzigd")


def test_sensitivity_action_writes_plain_dutch_and_logs():
    from partnerkeuze.io.audit import log_rows

    book = demo_book()
    out = actions.sensitivity(book)
    assert out.messages[0].startswith("Dassa-Zoumé staat eerst in")
    assert any("zonder dat de shortlist verandert" in m or "blijft de shortlist" in m
               for m in out.messages)
    assert log_rows(book.snapshot())[-1][3] == "sensitivity"
    _move_weight(book, "C01", "C02", 5)
    with pytest.raises(InputProblems):
        actions.sensitivity(book)
