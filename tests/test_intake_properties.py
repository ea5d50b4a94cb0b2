"""Property: whatever a candidate types as an answer comes back as exactly that text, never a formula."""

from __future__ import annotations

import re
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from intake_support import fill_candidacy

ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
texts = st.text(min_size=1, max_size=300).map(lambda s: ILLEGAL.sub("", s)).filter(
    lambda s: s.strip())
prefixed = st.tuples(st.sampled_from(["=", "+", "-", "@", ""]), texts).map("".join)


@pytest.fixture(scope="module")
def blank(demo_template, tmp_path_factory):
    from pipeline_support import forms
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    base = tmp_path_factory.mktemp("prop")
    book = base / "w.xlsx"
    shutil.copy(demo_template, book)
    out = forms(FileWorkbook(book), base / "f")
    return book, next(p for p in out.files if p.name.endswith("-nl.xlsx"))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answer=prefixed)
def test_answer_round_trips_as_text(blank, tmp_path_factory, answer):
    from pipeline_support import import_forms
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    book, form = blank
    work = tmp_path_factory.mktemp("case")
    copy = work / "w.xlsx"
    shutil.copy(book, copy)
    fill_candidacy(form, work / "in" / "a.xlsx", {"name": "Paramaribo", "country": "Suriname"},
                   {"C01": answer})
    wb = FileWorkbook(copy)
    outcome = import_forms(wb, work / "in")
    assert outcome.data["problems"] == []
    wb.save(backup=False)
    ws = load_workbook(copy)["Antwoorden"]
    cells = [row[3] for row in ws.iter_rows(min_row=5) if row[0].value == "K14"]
    assert len(cells) == 1
    assert cells[0].data_type == "s"
    assert cells[0].value == answer.strip()[:4000]
