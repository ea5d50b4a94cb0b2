"""A receipt beside the workbook (NAAM.xlsx.verankering.json, governance/anchor.py) is a file
anyone can edit: every field is checked for its type, range and format, and a field that does
not hold is refused with the file and the field named in Dutch, exit 2, no traceback, and the
workbook and the receipt byte-identical (compared by hash)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from conftest import run_cli


@pytest.fixture(scope="module")
def frozen(demo_template, tmp_path_factory) -> Path:
    """A demo workbook with its receipt (written by freeze)."""
    import shutil

    path = tmp_path_factory.mktemp("receipt") / "oproep.xlsx"
    shutil.copy(demo_template, path)
    out = run_cli("freeze", path, "--reason", "Na advies van de GROS")
    assert out.returncode == 0, out.stderr
    return path


def _copy(frozen: Path, tmp_path: Path) -> tuple[Path, Path]:
    import shutil

    path = tmp_path / "oproep.xlsx"
    shutil.copy(frozen, path)
    receipt = tmp_path / "oproep.xlsx.verankering.json"
    shutil.copy(frozen.with_name(frozen.name + ".verankering.json"), receipt)
    return path, receipt


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.endswith(".pk-lock")}


def _set(field, value):
    def edit(data):
        data["ontvangstbewijzen"][0][field] = value
    return edit


def _drop(field):
    def edit(data):
        del data["ontvangstbewijzen"][0][field]
    return edit


def _top(key, value):
    def edit(data):
        data[key] = value
    return edit


FIELD = r"oproep\.xlsx\.verankering\.json: ontvangstbewijs 1, veld '{}': "
# case -> (edit of the JSON data, or raw text; pattern of the Dutch message)
CASES = {
    "history-count-negative": (_set("history_count", -1),
                               FIELD.format("history_count") + r"-1 ligt buiten 0 tot 1\.048\.576"),
    "log-count-negative": (_set("log_count", -5), FIELD.format("log_count") + r"-5 ligt buiten"),
    "log-count-huge": (_set("log_count", 10**12), FIELD.format("log_count") + r"\d+ ligt buiten"),
    "log-count-text": (_set("log_count", "11"),
                       FIELD.format("log_count") + r'"11" is geen aantal \(een geheel getal'),
    "log-count-fraction": (_set("log_count", 1.5), FIELD.format("log_count") + r"1\.5 is geen aantal"),
    "log-count-boolean": (_set("history_count", True),
                          FIELD.format("history_count") + r"true is geen aantal"),
    "log-count-null": (_set("log_count", None), FIELD.format("log_count") + r"null is geen aantal"),
    "log-link-not-hex": (_set("log_link", "zz" * 16),
                         FIELD.format("log_link") + r"'z{32}' is geen schakel \(32 hexadecimale"),
    "log-link-number": (_set("log_link", 7), FIELD.format("log_link") + r"7 is geen tekst"),
    "history-link-short": (_set("history_link", "abc"),
                           FIELD.format("history_link") + r"'abc' is geen schakel"),
    "fingerprint-short": (_set("fingerprint", "ab12"),
                          FIELD.format("fingerprint") + r"'ab12' is geen vingerafdruk \(64"),
    "fingerprint-empty": (_set("fingerprint", ""), FIELD.format("fingerprint") + r"'' is geen"),
    "when-not-a-date": (_set("when", "gisteren"),
                        FIELD.format("when") + r"'gisteren' is geen datum en tijd"),
    "what-control-character": (_set("what", "vrij\u0000zetten"),
                               FIELD.format("what") + r"de tekst bevat het teken U\+0000"),
    "what-lone-surrogate": ('"what": "\\ud800"',
                            FIELD.format("what") + r"de tekst bevat het teken U\+D800"),
    "what-list": (_set("what", ["freeze"]), FIELD.format("what") + r'\["freeze"\] is geen tekst'),
    "missing-field": (_drop("fingerprint"), FIELD.format("fingerprint") + r"het veld ontbreekt"),
    "link-without-count": (lambda d: (_set("history_count", 0)(d)),
                           FIELD.format("history_link") + r"een schakel bij history_count 0"),
    "record-not-object": (lambda d: d.__setitem__("ontvangstbewijzen", [7]),
                          r"oproep\.xlsx\.verankering\.json: ontvangstbewijs 1: geen object"),
    "records-not-list": (_top("ontvangstbewijzen", {"a": 1}),
                         r"oproep\.xlsx\.verankering\.json: veld 'ontvangstbewijzen': geen lijst"),
    "not-json": ("{kapot", r"oproep\.xlsx\.verankering\.json: geen ontvangstbewijs van "
                           r"Partnerkeuze: geen geldige JSON \(regel 1\)"),
    "other-format": (_top("formaat", "iets-anders"),
                     r"oproep\.xlsx\.verankering\.json: geen ontvangstbewijs van Partnerkeuze"),
    "json-array": ("[1, 2]", r"oproep\.xlsx\.verankering\.json: geen ontvangstbewijs"),
}


def _damage(receipt: Path, case) -> None:
    if isinstance(case, str):
        text = receipt.read_text(encoding="utf-8")
        if case.startswith('"what"'):
            text = re.sub(r'"what": "[^"]*"', lambda m: case, text, count=1)
        else:
            text = case
        receipt.write_text(text, encoding="utf-8")
        return
    data = json.loads(receipt.read_text(encoding="utf-8"))
    case(data)
    receipt.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


ENGLISH = re.compile(r"Traceback|Error\b|Exception|Expecting|line \d+ column")


# every case with check and score; the commands that write a receipt with three of them
RUNS = [(name, command) for name in sorted(CASES) for command in ("check", "score")] + [
    (name, command) for name in ("history-count-negative", "not-json", "log-link-not-hex")
    for command in ("freeze", "record")]


@pytest.mark.parametrize(("name", "command"), RUNS)
def test_a_receipt_field_out_of_type_range_or_format_is_refused(frozen, tmp_path, name,
                                                                command):
    edit, pattern = CASES[name]
    path, receipt = _copy(frozen, tmp_path)
    _damage(receipt, edit)
    before = _hashes(tmp_path)
    args = {"check": (), "score": (), "freeze": ("--reason", "opnieuw"),
            "record": ("gros", "--text", "Positief advies")}[command]
    out = run_cli(command, path, *args)
    assert out.returncode == 2, (out.returncode, out.stdout, out.stderr)
    assert re.search(r"^Fout: " + pattern, out.stderr, re.M), out.stderr
    assert "herstel of verwijder dit ontvangstbewijs" in out.stderr or "geen ontvangstbewijs" \
        in out.stderr
    assert not ENGLISH.search(out.stderr + out.stdout), out.stderr
    assert _hashes(tmp_path) == before  # workbook and receipt byte-identical


def test_a_valid_receipt_still_passes(frozen, tmp_path):
    path, _ = _copy(frozen, tmp_path)
    out = run_cli("check", path)
    assert out.returncode == 0, out.stderr
    assert "In orde" in out.stdout


def test_check_against_a_damaged_receipt_names_the_field(frozen, tmp_path):
    path, receipt = _copy(frozen, tmp_path)
    elsewhere = tmp_path / "bewaard.json"
    receipt.rename(elsewhere)
    _damage(elsewhere, _set("log_count", -1))
    out = run_cli("check", path, "--against", elsewhere)
    assert out.returncode == 2, out.stderr
    assert "bewaard.json: ontvangstbewijs 1, veld 'log_count': -1 ligt buiten" in out.stderr
