"""The command `partnerkeuze addin` and the add-in's documentation."""

from __future__ import annotations

from conftest import ROOT, run_cli
from partnerkeuze.app.addin.buttons import BUTTONS
from test_addin_udfs import NAMES


def test_addin_command_has_dutch_help():
    proc = run_cli("addin", "--help")
    assert proc.returncode == 0
    assert "gebruik: partnerkeuze addin" in proc.stdout and "UIT" in proc.stdout
    assert "addin" in run_cli("--help").stderr + run_cli("--help").stdout


def test_wrong_suffix_missing_folder_and_locked_file_are_usage_errors(tmp_path):
    proc = run_cli("addin", tmp_path / "x.xlsx")
    assert proc.returncode == 2 and "eindigt op .xlam" in proc.stderr
    assert "Traceback" not in proc.stderr and not (tmp_path / "x.xlsx").exists()
    proc = run_cli("addin", tmp_path / "nergens" / "P.xlam")
    assert proc.returncode == 2 and "map niet gevonden" in proc.stderr
    target = tmp_path / "Partnerkeuze.xlam"
    target.write_bytes(b"oud")
    (tmp_path / "~$Partnerkeuze.xlam").write_bytes(b"")
    proc = run_cli("addin", target)
    assert proc.returncode == 2 and "geopend in Excel" in proc.stderr
    assert target.read_bytes() == b"oud"


def test_install_doc_covers_platforms_trust_and_configuration():
    doc = (ROOT / "docs" / "addin-install.md").read_text(encoding="utf-8")
    for needle in ("partnerkeuze addin", "xlwings addin install", "Windows", "Mac",
                   "Blokkering opheffen", "Unblock-File", "Vertrouwde locatie",
                   "partnerkeuze.conf", "Interpreter_Win", "PYTHONPATH", "Partnerkeuze_Uitvoer"):
        assert needle in doc, needle
    for name in NAMES:
        assert name in doc, name


def test_smoke_test_lists_every_button_and_every_function():
    doc = (ROOT / "docs" / "addin-smoke-test.md").read_text(encoding="utf-8")
    for b in BUTTONS:
        assert f"**{b.label}**" in doc, b.label
    for name in NAMES:
        assert f"`{name}`" in doc, name
    assert "niet" in doc.split("\n")[2]  # says up front what is not tested here
    # the manual list is now: click Zelftest, send the report; and what only a person sees
    assert "**Zelftest**" in doc and "Zelftest-verslag.txt" in doc and "naar IT" in doc


def test_install_command_is_documented_with_its_contract():
    doc = (ROOT / "docs" / "addin-install.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    contract = "partnerkeuze install [--venv DIR] [--xlstart DIR] [--conf-dir DIR] [--uninstall]"
    assert contract in readme
    assert "`partnerkeuze install [--venv MAP] [--xlstart MAP] [--conf-dir MAP] [--uninstall]`" in doc
    for needle in ("%LOCALAPPDATA%", "%APPDATA%\\Microsoft\\Excel\\XLSTART",
                   "%USERPROFILE%\\.partnerkeuze", "--index-url", "--find-links", "installatie.json",
                   "Bestand › Account › Info over Excel", "**Zelftest**"):
        assert needle in doc, needle
    help_text = " ".join(run_cli("install", "--help").stdout.split())
    for needle in ("--venv", "--xlstart", "--conf-dir", "--uninstall", "%LOCALAPPDATA%",
                   "XLSTART", "%USERPROFILE%", "Afsluitcode 0 klaar, 1 een probleem op"):
        assert needle in help_text, needle
