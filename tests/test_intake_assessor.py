"""Assessor forms out and back: conflicts left out, missing/out-of-range reported, newer wins."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import run_cli
from intake_support import fill_assessor, memory_book

FORMS = {"B1": "Beoordelingsformulier-B1-An-Peeters.xlsx",
         "B2": "Beoordelingsformulier-B2-Koen-Janssens.xlsx",
         "B3": "Beoordelingsformulier-B3-Fatima-El-Idrissi.xlsx"}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def scores_of(path: Path) -> dict:
    ws = load_workbook(path)["Scores"]
    return {(r[0], r[1], r[2]): (r[3], r[4]) for r in ws.iter_rows(min_row=5, values_only=True)
            if r[0]}


@pytest.fixture(scope="module")
def workbook(demo_template, tmp_path_factory):
    """The demo workbook with declared conflicts: B2 with K03 (conflict), B1 with K03 (none)."""
    from partnerkeuze.kernel.patch import Patch
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    base = tmp_path_factory.mktemp("assessor")
    path = base / "werkmap.xlsx"
    shutil.copy(demo_template, path)
    book = FileWorkbook(path)
    patch = Patch()
    patch.replace_table("conflicts", [["B2", "K03", "conflict", None, "Familie van de burgemeester"],
                                      ["B1", "K03", "geen conflict", None, None]])
    book.apply(patch)
    book.save(backup=False)
    proc = run_cli("assessor-forms", path, "--out", base / "uit")
    assert proc.returncode == 0, proc.stderr
    return base, path


def _form_rows(path: Path) -> list[tuple]:
    ws = load_workbook(path)["Beoordeling"]
    return [r for r in ws.iter_rows(min_row=7, values_only=True) if r[0]]


def test_conflicted_candidate_absent_from_that_assessors_form(workbook):
    base, _ = workbook
    b2 = _form_rows(base / "uit" / FORMS["B2"])
    b1 = _form_rows(base / "uit" / FORMS["B1"])
    assert "K03" not in {r[0] for r in b2}
    assert "K03" in {r[0] for r in b1}
    assert {r[0] for r in b1} - {r[0] for r in b2} == {"K03"}
    wb = load_workbook(base / "uit" / FORMS["B2"])
    assert "belangenconflict" in wb["Beoordeling"]["A4"].value
    answers = [r[0] for r in wb["Antwoorden"].iter_rows(min_row=4, values_only=True) if r[0]]
    assert "K03" not in answers


def test_form_holds_criteria_scale_and_prior_scores(workbook):
    base, path = workbook
    rows = _form_rows(base / "uit" / FORMS["B1"])
    scores = scores_of(path)
    crit_ids = {r[3] for r in rows}
    assert crit_ids == {"KO1", "C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08"}
    for r in rows:
        lo, hi = (0, 1) if r[3] == "KO1" else (0, 5)
        assert (r[5], r[6]) == (lo, hi)
        prior = scores.get((r[0], r[3], "B1"))
        assert r[7] == (prior[0] if prior else None)
    wb = load_workbook(base / "uit" / FORMS["B1"])
    ws = wb["Beoordeling"]
    assert ws.protection.sheet
    assert all(ws.cell(row=7, column=c).protection.locked is (c not in (8, 9))
               for c in range(1, 10))
    bounds = {(dv.formula1, dv.formula2) for dv in ws.data_validations.dataValidation}
    assert bounds == {("0", "1"), ("0", "5")}
    criteria = [r[0] for r in wb["Criteria"].iter_rows(min_row=4, values_only=True) if r[0]]
    assert len(criteria) == 9


def test_merge_reports_missing_and_out_of_range_and_merges_the_rest(workbook, tmp_path):
    base, path = workbook
    book = tmp_path / "werkmap.xlsx"
    shutil.copy(path, book)
    before = scores_of(book)
    inbox = tmp_path / "in"
    fill_assessor(base / "uit" / FORMS["B1"], inbox / "b1.xlsx",
                  {("K01", "C01"): 1, ("K02", "C01"): None, ("K03", "C02"): 9,
                   ("K04", "C03"): "veel", ("K12", "C06"): 2.5},
                  {("K01", "C01"): "Herzien na het gesprek met de GROS."})
    proc = run_cli("merge", book, inbox, "--json")
    # the good scores are merged and saved, the bad ones named: done, exit 0
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    report = data["assessors"]["B1"]
    assert "K02 C01" in report["missing"]
    assert len(report["missing"]) == 1
    assert [x.split(" (")[0] for x in report["out_of_range"]] == ["K03 C02", "K04 C03"]
    assert "buiten de schaal 0-5" in proc.stderr and "b1.xlsx: B1 K03 C02" in proc.stderr
    after = scores_of(book)
    assert after[("K01", "C01", "B1")] == (1, "Herzien na het gesprek met de GROS.")
    assert after[("K02", "C01", "B1")] == before[("K02", "C01", "B1")]  # blank keeps the score
    assert after[("K03", "C02", "B1")] == before[("K03", "C02", "B1")]  # out of range not merged
    assert after[("K04", "C03", "B1")] == before[("K04", "C03", "B1")]
    assert ("K12", "C06", "B1") not in before and after[("K12", "C06", "B1")][0] == 2.5
    unchanged = {k: v for k, v in after.items() if k[2] != "B1"}
    assert unchanged == {k: v for k, v in before.items() if k[2] != "B1"}
    invoer = [r for r in load_workbook(book)["Invoer"].iter_rows(min_row=5, values_only=True)
              if r[0]]
    assert invoer[-1][4] == "B1" and f"score {before[('K01', 'C01', 'B1')][0]:g} vervangen door 1" \
        in invoer[-1][7]
    # merging the same file again changes nothing, byte for byte
    saved = sha(book)
    again = run_cli("merge", book, inbox)
    assert again.returncode == 0, again.stderr
    assert sha(book) == saved


def test_newer_form_replaces_older_in_one_batch_and_across_merges(workbook, tmp_path):
    base, path = workbook
    book = tmp_path / "werkmap.xlsx"
    shutil.copy(path, book)
    first = base / "uit" / FORMS["B3"]
    older = fill_assessor(first, tmp_path / "oud" / "b3-eerste.xlsx", {("K01", "C02"): 1})
    time.sleep(0.01)
    # a second generation of forms (new version stamp), filled in later
    regen = tmp_path / "opnieuw"
    proc = run_cli("assessor-forms", book, "--out", regen)
    assert proc.returncode == 0, proc.stderr
    newer = fill_assessor(regen / FORMS["B3"], tmp_path / "in" / "b3-tweede.xlsx",
                          {("K01", "C02"): 4})
    shutil.copy(older, tmp_path / "in" / "zz-b3-eerste.xlsx")
    # the older form even has the newest file time: the version in the form decides
    os.utime(tmp_path / "in" / "zz-b3-eerste.xlsx", (time.time() + 60, time.time() + 60))
    proc = run_cli("merge", book, tmp_path / "in")
    assert proc.returncode == 0, proc.stderr
    assert "zz-b3-eerste.xlsx: vervangen door de nieuwere b3-tweede.xlsx" in proc.stdout
    assert scores_of(book)[("K01", "C02", "B3")][0] == 4
    log = [r for r in load_workbook(book)["Logboek"].iter_rows(min_row=5, values_only=True)
           if r[0]]
    assert log[-1][3] == "merge" and "vervangen door de nieuwere" in log[-1][4]
    # later, another form of the first generation arrives on its own: not merged, said so
    fill_assessor(first, tmp_path / "laat" / "b3-nog-eens.xlsx", {("K01", "C02"): 2})
    proc = run_cli("merge", book, tmp_path / "laat")
    assert proc.returncode == 0, proc.stderr
    assert "ouder dan het al samengevoegde formulier b3-tweede.xlsx" in proc.stdout
    assert scores_of(book)[("K01", "C02", "B3")][0] == 4


def test_same_generation_resubmission_newer_file_wins(workbook, tmp_path):
    base, path = workbook
    book = tmp_path / "werkmap.xlsx"
    shutil.copy(path, book)
    form = base / "uit" / FORMS["B2"]
    a = fill_assessor(form, tmp_path / "in" / "b2-a.xlsx", {("K05", "C04"): 2})
    b = fill_assessor(form, tmp_path / "in" / "b2-b.xlsx", {("K05", "C04"): 5})
    now = time.time()
    os.utime(a, (now + 120, now + 120))  # a was saved last (same second inside the form)
    os.utime(b, (now, now))
    proc = run_cli("merge", book, tmp_path / "in")
    assert proc.returncode == 0, proc.stderr
    assert scores_of(book)[("K05", "C04", "B2")][0] in (2, 5)
    from partnerkeuze.features.intake.assessor_form import read_assessor_form
    from partnerkeuze.io.forms.identity import call_of
    from partnerkeuze.core.parse import parse
    from partnerkeuze.io.xlsx.file_workbook import snapshot_of

    call = call_of(parse(snapshot_of(load_workbook(path), "x")))
    fa, fb = read_assessor_form(a, call), read_assessor_form(b, call)
    expected = 2 if fa.version > fb.version else 5
    assert scores_of(book)[("K05", "C04", "B2")][0] == expected
    if fa.modified == fb.modified:
        assert expected == 2  # equal 'last saved' times: the file time decides


def test_conflicted_scores_in_a_form_are_not_merged(workbook, tmp_path):
    """A form made before the conflict was declared: its scores for that candidate do not count."""
    from pipeline_support import merge
    from partnerkeuze.kernel.patch import Patch

    base, path = workbook
    mem = memory_book(path)
    inbox = tmp_path / "in"
    fill_assessor(base / "uit" / FORMS["B1"], inbox / "b1.xlsx", {("K03", "C01"): 0})
    patch = Patch()
    patch.replace_table("conflicts", [["B1", "K03", "conflict", None, None]])
    mem.apply(patch)
    before = [r for r in mem.snapshot().rows("Scores") if r and r[0] == "K03" and r[2] == "B1"]
    outcome = merge(mem, inbox)
    assert any("belangenconflict voor K03" in w for w in outcome.warnings)
    after = [r for r in mem.snapshot().rows("Scores") if r and r[0] == "K03" and r[2] == "B1"]
    assert after == before
