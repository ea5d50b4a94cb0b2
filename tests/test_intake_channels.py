"""Channels of the call: counted per candidate in Python and by the Kanalen sheet's formulas."""

from __future__ import annotations

import pytest

import shutil
from collections import Counter

from openpyxl import load_workbook

from intake_support import fill_candidacy
from lo import recalculated_values

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop


def _model(path):
    from partnerkeuze.core.parse import parse
    from partnerkeuze.io.xlsx.file_workbook import snapshot_of

    return parse(snapshot_of(load_workbook(path), "x"))


def test_channel_counts_follow_the_candidates(demo_template):
    from partnerkeuze.layout.defaults import demo
    from partnerkeuze.features.intake.channels import channel_counts
    from partnerkeuze.kernel.reference import CHANNELS

    counts = channel_counts(_model(demo_template))
    expected = Counter(row[5] for row in demo.CANDIDATES)
    assert [name for name, _ in counts] == list(CHANNELS)
    assert dict(counts) == {c: expected.get(c, 0) for c in CHANNELS}
    assert dict(counts)["FLACMA"] == 3


def test_kanalen_sheet_formulas_agree_after_libreoffice_recalculation(demo_template, tmp_path):
    """LibreOffice (an independent spreadsheet) recalculates the native formulas."""
    from partnerkeuze.features.intake.channels import channel_rows

    path = tmp_path / "demo.xlsx"
    shutil.copy(demo_template, path)
    model = _model(path)
    results = recalculated_values(path, "Resultaten")  # the shortlist is a native formula too
    shortlist = {r[0] for r in results[4:] if r[9] == "ja"}
    assert len(shortlist) == 3
    expected = channel_rows(model, shortlist)
    values = recalculated_values(path, "Kanalen")
    got = {r[0]: (r[1], r[2]) for r in values[4:] if r and r[0]}
    for name, n, short in expected:
        assert got[name] == (n, short), name
    assert got["Onbekend"] == (0, 0)
    assert got["Totaal"] == (len(model.candidates), 3)


def test_import_counts_the_new_candidates_channel(demo_template, tmp_path):
    from pipeline_support import forms, import_forms
    from partnerkeuze.features.intake.channels import channel_counts
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    path = tmp_path / "w.xlsx"
    shutil.copy(demo_template, path)
    book = FileWorkbook(path)
    before = dict(channel_counts(_model(path)))
    out = forms(book, tmp_path / "f")
    fill_candidacy(next(p for p in out.files if p.name.endswith("-es.xlsx")),
                   tmp_path / "in" / "x.xlsx",
                   {"name": "Sucre", "country": "Bolivia",
                    "channel": "Consejo municipal asesor de cooperación al desarrollo (GROS)"},
                   {"C01": "Cabildos abiertos."})
    import_forms(book, tmp_path / "in")
    book.save()
    after = dict(channel_counts(_model(path)))
    assert after["GROS"] == before["GROS"] + 1
    assert sum(after.values()) == sum(before.values()) + 1
