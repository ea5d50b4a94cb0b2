"""Conflicts of interest for candidates that came in later: every assessor form asks the
declaration per candidate, 'merge' records it, and says what still keeps a candidate out."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil

from openpyxl import load_workbook

from conftest import run_cli
from intake_support import fill_assessor, fill_candidacy

CRITERIA = ("KO1", "C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08")
GULU = {"name": "Gulu", "country": "Uganda", "region": "Northern",
        "contact_given": "Okello", "contact_family": "James",
        "email": "okello@gulu.example.ug", "language": "English", "channel": "VVSG"}


def _scores(value):
    return {("K14", c): (1 if c == "KO1" else value) for c in CRITERIA}  # KO1: a knock-out 0-1


def _declare(form, out, declarations: dict[str, str], scores: dict) -> None:
    fill_assessor(form, out, scores)
    wb = load_workbook(out)
    ws = wb["Belangenconflicten"]
    for row in ws.iter_rows(min_row=5):
        if row[0].value in declarations:
            row[3].value = declarations[row[0].value]
            row[4].value = "Geen band met Gulu." if declarations[row[0].value] == \
                "geen conflict" else "Mijn broer werkt er."
    wb.save(out)


def _conflict_rows(book, cand):
    ws = load_workbook(book)["Belangenconflicten"]
    return [[c.value for c in r] for r in ws.iter_rows(min_row=5) if r[1].value == cand]


def test_a_later_candidate_is_declared_through_the_assessor_forms(demo_template, tmp_path):
    book = tmp_path / "werkmap.xlsx"
    shutil.copy(demo_template, book)
    assert run_cli("forms", book, "--out", tmp_path / "f").returncode == 0
    reply = fill_candidacy(tmp_path / "f" / "Application-form-en.xlsx",
                           tmp_path / "in" / "gulu.xlsx", GULU, {"C01": "x"})
    stamp = dt.datetime(2026, 5, 20, 9).timestamp()
    os.utime(reply, (stamp, stamp))
    imp = run_cli("import", book, tmp_path / "in")
    assert imp.returncode == 0, imp.stdout + imp.stderr
    assert "Nieuwe kandidaat/kandidaten K14: nog geen verklaringen over belangenconflicten " \
           "van B1, B2, B3" in imp.stdout

    forms = tmp_path / "beoordeling"
    assert run_cli("assessor-forms", book, "--out", forms).returncode == 0
    files = {p.name.split("-")[1]: p for p in forms.glob("*.xlsx")}
    for aid, path in files.items():  # every assessor gets a declaration row for K14
        ws = load_workbook(path)["Belangenconflicten"]
        ids = [r[0].value for r in ws.iter_rows(min_row=5) if r[0].value]
        assert "K14" in ids and len(ids) >= 14
        k14 = next(r for r in ws.iter_rows(min_row=5) if r[0].value == "K14")
        assert k14[3].value is None and k14[3].protection.locked is False

    back = tmp_path / "terug"
    # B1: no conflict and all scores; B2: a conflict (and scores it should not have given);
    # B3: scores without a declaration
    _declare(files["B1"], back / "b1.xlsx", {"K14": "geen conflict"},
             _scores(3))
    _declare(files["B2"], back / "b2.xlsx", {"K14": "conflict"},
             _scores(5))
    fill_assessor(files["B3"], back / "b3.xlsx", _scores(4))
    merged = run_cli("merge", book, back, "--json")
    assert merged.returncode == 0, merged.stdout + merged.stderr
    data = json.loads(merged.stdout)
    assert data["assessors"]["B1"]["new"] == len(CRITERIA)
    assert data["assessors"]["B2"]["new"] == 0  # the declared conflict keeps them out
    rows = _conflict_rows(book, "K14")
    assert sorted((r[0], r[2]) for r in rows) == [("B1", "geen conflict"), ("B2", "conflict")]
    assert all("verklaard in b" in r[4] for r in rows)
    # the panel rule: B3 has not declared for K14, so K14 does not count yet (never a silent
    # drop-out of B3); K12: scores missing
    assert "K14" in data["blocked"] and "K12" in data["blocked"]
    reasons = " ".join(data["blocked"]["K14"])
    assert "geen verklaring over belangenconflicten van B3" in reasons
    # the B2 conflict warning comes once, not once per criterion
    assert merged.stderr.count("B2 verklaarde een belangenconflict voor K14") == 1

    text = run_cli("merge", book, back)  # same files again: already read, still explained
    assert "K14 Gulu telt nog niet mee: geen verklaring over belangenconflicten van " \
        "B3" in text.stdout
    assert "K12 Commewijne telt nog niet mee: " in text.stdout
    # what score says agrees: B3 has not declared for K14, so score refuses and names it
    score = run_cli("score", book, "--json")
    assert score.returncode == 1, score.stdout + score.stderr
    assert "K14" in score.stderr and "B3" in score.stderr and "Traceback" not in score.stderr
