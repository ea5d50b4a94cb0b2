"""The audit log: removing or altering an entry is detected; the sheet is password-protected."""

from __future__ import annotations

import functools
import shutil

from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st
from test_governance_util import demo_book

from partnerkeuze.io import audit
from partnerkeuze import layout
from pipeline_support import score
import pipeline_support as actions
from partnerkeuze.io.logcheck import log_problems, numbered_rows
from partnerkeuze.io.memory_workbook import MemoryWorkbook

LOG = layout.sheet("log").name


@functools.lru_cache(maxsize=1)
def _long_log_snapshot():
    book = demo_book()
    score(book)
    actions.sensitivity(book)
    score(book)
    return book.snapshot()


def long_log() -> MemoryWorkbook:
    """The demo with a few more entries (score, sensitivity, score), built once."""
    return MemoryWorkbook(_long_log_snapshot())


def _edited(book, fn) -> MemoryWorkbook:
    snap = book.snapshot()
    rows = [list(r) for r in snap.sheets[LOG]]
    fn(rows)
    snap.sheets[LOG] = [tuple(r) for r in rows]
    return MemoryWorkbook(snap)


def test_intact_log_has_no_problems_and_a_head():
    book = long_log()
    entries = numbered_rows(book.snapshot(), "log")
    assert len(entries) >= 6
    assert [e[1][0] for e in entries] == list(range(1, len(entries) + 1))
    assert log_problems(book.snapshot()) == []
    head = book.snapshot().value(LOG, audit.HEAD_ROW, 1)
    assert head.startswith(audit.HEAD_PREFIX) and str(entries[-1][1][-1]) in head


@settings(max_examples=60, deadline=None)
@given(index=st.integers(0, 100), field=st.integers(1, 6), text=st.text(min_size=1, max_size=8))
def test_altering_any_field_of_any_entry_is_detected(index, field, text):
    book = long_log()
    entries = numbered_rows(book.snapshot(), "log")
    row, cells = entries[index % len(entries)]

    def alter(rows):
        old = rows[row - 1][field]
        rows[row - 1][field] = (str(old) if old is not None else "") + text

    problems = log_problems(_edited(book, alter).snapshot())
    assert any(p.place == f"{LOG}!H{row}" and "gewijzigd" in p.message for p in problems)


@settings(max_examples=30, deadline=None)
@given(index=st.integers(0, 100), blank=st.booleans())
def test_removing_any_entry_is_detected(index, blank):
    book = long_log()
    entries = numbered_rows(book.snapshot(), "log")
    row, cells = entries[index % len(entries)]
    last = row == entries[-1][0]

    def remove(rows):
        if blank:
            rows[row - 1] = [None] * len(rows[row - 1])
        else:
            del rows[row - 1]

    problems = log_problems(_edited(book, remove).snapshot())
    assert problems
    assert any("ontbre" in p.message and f"Nr {cells[0]}" in p.message for p in problems), problems
    if not last:
        assert any(p.place.startswith(f"{LOG}!A") for p in problems)


def test_a_forged_entry_or_a_changed_head_is_detected():
    book = long_log()
    entries = numbered_rows(book.snapshot(), "log")
    seq = len(entries) + 1
    forged = [seq, "2026-07-01 09:00:00", "x", "score", "niets", "", ""]
    forged.append(audit.chain_hash(str(entries[-1][1][-1]), forged))

    def add(rows):
        r = entries[-1][0]
        rows.insert(r, forged)

    problems = log_problems(_edited(book, add).snapshot())
    assert any(p.place == f"{LOG}!A{audit.HEAD_ROW}" for p in problems)

    def head(rows):
        rows[audit.HEAD_ROW - 1][0] = "Kettingkop: 2 regels | abc"

    problems = log_problems(_edited(book, head).snapshot())
    assert problems and any(p.place.startswith(f"{LOG}!") for p in problems)


def test_check_names_the_log_row_of_a_removed_entry_in_the_file(demo_template, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "log.xlsx"
    shutil.copy(demo_template, path)
    assert run_cli("score", path).returncode == 0
    wb = load_workbook(path)
    ws = wb[LOG]
    first = layout.table("log").first_data_row
    ws.delete_rows(first + 1)  # the second entry
    wb.save(path)
    r = run_cli("check", path)
    assert r.returncode == 1
    assert f"{LOG}!A{first + 1}: vóór deze logregel ontbreekt Nr 2" in r.stderr


def test_log_and_history_sheets_are_password_protected_also_for_libreoffice(demo_template,
                                                                             tmp_path):
    from lo import convert
    from openpyxl import load_workbook

    path = tmp_path / "p.xlsx"
    shutil.copy(demo_template, path)
    assert run_cli("score", path).returncode == 0
    for source in (path, convert(path, "xlsx", tmp_path / "lo")):
        wb = load_workbook(source)
        for name in (LOG, layout.sheet("criteria_history").name):
            prot = wb[name].protection
            assert prot.sheet, (source, name)
            assert prot.password or getattr(prot, "hashValue", None), (source, name)


def test_score_refuses_a_damaged_log_and_names_the_break():
    import pytest

    from partnerkeuze.kernel.errors import InputProblems

    book = long_log()
    entries = numbered_rows(book.snapshot(), "log")
    row = entries[1][0]

    def alter(rows):
        rows[row - 1][4] = "iets anders"

    damaged = _edited(book, alter)
    before = damaged.snapshot().sheets[LOG]
    with pytest.raises(InputProblems) as err:
        score(damaged)
    assert any(p.place == f"{LOG}!H{row}" for p in err.value.problems)
    assert any(p.place == f"{LOG}!H{row}" for p in log_problems(damaged.snapshot()))
    assert damaged.snapshot().sheets[LOG] == before
