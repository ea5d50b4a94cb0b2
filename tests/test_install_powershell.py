"""docs/install-partnerkeuze.ps1: parsed with the tree-sitter PowerShell grammar and linted for
the traps PowerShell has and the grammar accepts (tests/powershell_check.py). The check fails on
the script as it was (tests/data/install-partnerkeuze-old.ps1: line 40 did not even parse in
PowerShell), and the script now only bootstraps: Python, then `partnerkeuze install`."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from powershell_check import check

SCRIPT = ROOT / "docs" / "install-partnerkeuze.ps1"
OLD = ROOT / "tests" / "data" / "install-partnerkeuze-old.ps1"


def test_the_install_script_passes_the_check():
    assert check(SCRIPT.read_bytes()) == []


def test_the_check_fails_on_the_old_script_at_line_40():
    problems = check(OLD.read_bytes())
    assert problems[0].startswith('line 40: "$Bron:" inside double quotes is read as a '
                                  'scope-qualified variable')
    lines = {int(p.split(":")[0].split()[1]) for p in problems}
    # the other traps of the old script: Split(" "), pip under Stop, Add-Content
    assert {40, 48, 56, 57, 92} <= lines


@pytest.mark.parametrize("snippet,expect", [
    ('throw "Geen requirements.txt in $Bron: geef de map."', r'"\$Bron:" inside double quotes'),
    ('Write-Host "map $Doel:udfs"', r"variable of drive or scope 'Doel'"),
    ('$deel = $Python.Split(" ")', "splitting a command line on spaces"),
    ('$deel = $Python -split " "', "-split on a space"),
    ("& C:\\Program Files\\Python312\\python.exe -m venv x", r"has a space and no quotes"),
    ("Add-Content -Path $conf -Value $regels", "Add-Content without a line end"),
    ('$ErrorActionPreference = "Stop"\n& $py -m pip install x', r"& \$py runs a program while"),
    ('$ErrorActionPreference = "Stop"\nfunction P { pip install x }\nP', "pip install runs a program"),
    ("if ($a) { Write-Host 'x'", "syntax error"),
    ("Write-Host 'geïnstalleerd'", "non-ASCII text without a UTF-8 byte order mark"),
])
def test_each_trap_is_found(snippet, expect):
    problems = check(snippet + "\n")
    assert any(re.search(expect, p) for p in problems), problems


@pytest.mark.parametrize("snippet", [
    'throw "Geen requirements.txt in ${Bron}: geef de map."',
    'throw "Geen requirements.txt in $($Bron): geef de map."',
    'Write-Host "profiel $env:USERPROFILE en $script:teller"',
    '& "C:\\Program Files\\Python312\\python.exe" -m venv x',
    'Add-Content -Path $conf -Value ([Environment]::NewLine + $regel)',
    '$ErrorActionPreference = "Stop"\nfunction P { $ErrorActionPreference = "Continue"; '
    '& $py -m pip install x }\nP',
    '$ErrorActionPreference = "Continue"\n& $py -m pip install x 2>&1 | Out-Host',
    "\ufeffWrite-Host 'geïnstalleerd'".encode("utf-8").decode("utf-8"),
])
def test_the_right_way_passes(snippet):
    data = snippet.encode("utf-8")
    if snippet.startswith("\ufeff"):
        data = b"\xef\xbb\xbf" + snippet[1:].encode("utf-8")
    assert check(data) == []


def test_the_script_only_bootstraps_and_calls_the_python_installer():
    text = SCRIPT.read_text(encoding="ascii")
    assert '$argumenten = @("-m", "partnerkeuze", "install", "--source", $Bron)' in text
    assert "& $pyExe @pyVoor @argumenten" in text and "exit $code" in text
    assert '$argumenten += "--uninstall"' in text and '"--venv"' in text and '"--index-url"' in text
    # no work of its own beyond Python: no pip, no add-in, no conf file
    for gone in ("pip install", "partnerkeuze addin", "Add-Content", "partnerkeuze.conf\"",
                 "xlwings addin install"):
        assert gone not in text, gone
    # refuses another account than the one signed in, in Dutch
    assert "explorer.exe' AND SessionId = $sessie" in text and "GetOwner" in text
    assert "Installeren voor een andere gebruiker kan niet" in text
    # finds or installs Python 3.11+; a path with spaces is one parameter
    assert "winget install --id Python.Python.3.12" in text and '"-3.11"' in text
    assert ".Split(" not in text
    assert not re.search(r'^\$ErrorActionPreference\s*=\s*"Stop"', text, flags=re.MULTILINE)
