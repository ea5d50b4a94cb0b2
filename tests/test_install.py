"""`partnerkeuze install` on a fake Windows user profile (temporary folders with spaces): install,
install again, uninstall, another user's profile, and a package index that cannot be reached.

pip really runs in every test. Offline, it finds every requirement satisfied: the environment is
made beforehand with the development packages on its path (install_support.fresh_venv), and
Partnerkeuze itself is built without build isolation from the source tree.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

from conftest import ROOT
from install_support import (clean_env, dev_site_view, fake_profile, fresh_venv, run_installer,
                             tree, venv_python)
from partnerkeuze.app.addin.config import parse_conf_text
from partnerkeuze.app.addin.package import read_baked
from partnerkeuze.app.addin.doctor import is_partnerkeuze_addin

OFFLINE = ["--pip-option=--no-index", "--pip-option=--no-build-isolation"]


@pytest.fixture(scope="module")
def site_view(tmp_path_factory):
    return dev_site_view(tmp_path_factory.mktemp("dev site"))


@pytest.fixture
def profile(tmp_path):
    return fake_profile(tmp_path / "C schijf")


def _installed_venv(profile, site_view):
    """The environment at the default place, made beforehand (the installer reuses it)."""
    venv = profile.local / "Partnerkeuze" / ".venv"
    fresh_venv(venv, site_view)
    return venv


def test_install_twice_then_uninstall_on_a_profile_with_spaces(profile, site_view):
    venv = _installed_venv(profile, site_view)
    conf = profile.conf_dir / "partnerkeuze.conf"
    first = run_installer(*OFFLINE, env=profile.env())
    assert first.returncode == 0, first.stdout + first.stderr
    py = venv_python(venv)
    xlam = profile.xlstart / "Partnerkeuze.xlam"
    assert is_partnerkeuze_addin(xlam) == "0.1.0"
    baked = read_baked(xlam)
    assert baked["INTERPRETER_WIN"] == str(py)
    # the worksheet functions' module is the one pip installed into the environment
    udfs = baked["PYTHONPATH"]
    assert udfs.startswith(str(venv)) and "site-packages" in udfs
    settings = parse_conf_text(conf.read_text(encoding="cp1252"))
    assert settings == {"INTERPRETER_WIN": str(py), "PYTHONPATH": udfs}
    assert "[OK] Invoegtoepassing:" in first.stdout and "[FOUT]" not in first.stdout
    assert f"[OK] Interpreter: {py}" in first.stdout
    assert first.stdout.rstrip().endswith("Klaar.")
    # Partnerkeuze in the environment is an installed copy, not the source tree
    where = subprocess.run([str(py), "-c", "import partnerkeuze, partnerkeuze_udfs; "
                            "print(partnerkeuze.__file__); print(partnerkeuze_udfs.__file__)"],
                           capture_output=True, text=True, cwd=profile.home, env=clean_env())
    assert where.returncode == 0, where.stderr
    assert all(line.startswith(str(venv)) for line in where.stdout.splitlines())

    # again: the same files, no second line in the conf file
    before = tree(profile.home)
    second = run_installer(*OFFLINE, env=profile.env())
    assert second.returncode == 0, second.stdout + second.stderr
    assert "bestaat al, wordt hergebruikt" in second.stdout
    assert xlam.read_bytes() == before[str(xlam.relative_to(profile.home))]
    assert conf.read_bytes() == before[str(conf.relative_to(profile.home))]

    # uninstall: the add-in, the two lines and the record go; the environment was there before
    gone = run_installer("--uninstall", env=profile.env())
    assert gone.returncode == 0, gone.stdout + gone.stderr
    assert not xlam.exists() and not conf.exists()
    assert not (profile.conf_dir / "installatie.json").exists()
    assert not profile.conf_dir.exists()  # the installer made the folder: it goes too
    assert venv_python(venv).is_file() and "bestond al voor de installatie" in gone.stdout
    # and once more: nothing to do, no harm
    again = run_installer("--uninstall", env=profile.env())
    assert again.returncode == 0 and "Niets te verwijderen" in again.stdout


def test_install_keeps_what_the_user_filled_in_and_what_it_did_not_make(profile, site_view,
                                                                        tmp_path):
    venv = tmp_path / "eigen omgeving"
    fresh_venv(venv, site_view)
    profile.conf_dir.mkdir()
    conf = profile.conf_dir / "partnerkeuze.conf"
    # a file saved without a final line end, with an output folder and an empty PYTHONPATH
    conf.write_bytes(b'"Partnerkeuze_Uitvoer","H:\\Internationaal"\r\n"PYTHONPATH",""\r\n'
                     b'"Show Console","False"')
    other = profile.xlstart / "Begroting.xlsm"
    other.parent.mkdir(parents=True)
    other.write_bytes(b"van iemand anders")
    proc = run_installer("--venv", venv, *OFFLINE, env=profile.env())
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = conf.read_bytes().split(b"\r\n")
    assert lines[0] == b'"Partnerkeuze_Uitvoer","H:\\Internationaal"'
    assert lines[1].startswith(b'"PYTHONPATH","') and lines[1] != b'"PYTHONPATH",""'
    assert lines[2] == b'"Show Console","False"'  # not glued to a new setting
    assert lines[3] == f'"Interpreter_Win","{venv_python(venv)}"'.encode()
    proc = run_installer("--uninstall", env=profile.env())
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert parse_conf_text(conf.read_text(encoding="cp1252")) == {
        "PARTNERKEUZE_UITVOER": "H:\\Internationaal", "SHOW CONSOLE": "False"}
    assert other.read_bytes() == b"van iemand anders"
    assert venv_python(venv).is_file()


def test_a_filled_in_interpreter_stays_and_is_named(profile, site_view, tmp_path):
    venv = _installed_venv(profile, site_view)
    profile.conf_dir.mkdir()
    conf = profile.conf_dir / "partnerkeuze.conf"
    conf.write_text('"Interpreter_Win","C:\\Python311\\python.exe"\n', encoding="cp1252")
    proc = run_installer(*OFFLINE, "--pip-option=--quiet", env=profile.env())
    # doctor: that interpreter does not exist here, so the installation is not done
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert 'Let op: ' in proc.stdout and '"Interpreter_Win" staat op "C:\\Python311\\python.exe" ' \
        'en blijft zo' in proc.stdout
    assert "[FOUT] Interpreter: C:\\Python311\\python.exe bestaat niet" in proc.stdout
    assert conf.read_text(encoding="cp1252").startswith('"Interpreter_Win","C:\\Python311\\python.exe"')
    assert venv_python(venv).is_file()


def test_another_users_profile_is_refused_before_anything_happens(profile, tmp_path):
    other = fake_profile(tmp_path / "C schijf", name="beheerder")
    before = tree(tmp_path)
    # the administrator runs it, pointing at the user's Excel folder
    proc = run_installer("--xlstart", profile.xlstart, "--venv", other.local / "pk",
                         env=other.env() | {"USERNAME": "beheerder"})
    assert proc.returncode == 1
    assert (f"Fout: XLSTART ({profile.xlstart}) ligt in het profiel van een andere gebruiker "
            f"({profile.home})") in proc.stderr
    assert "meld u aan als die gebruiker" in proc.stderr and "Traceback" not in proc.stderr
    assert tree(tmp_path) == before


def test_an_administrator_account_is_refused_when_someone_else_is_signed_in(profile):
    from partnerkeuze.app.addin.install import InstallProblem, default_locations, refuse_other_user

    loc = default_locations(env=profile.env())
    env = profile.env() | {"USERNAME": "adm-jan"}
    with pytest.raises(InstallProblem, match=r"draait als adm-jan, maar aan de pc is "
                                             r"GEMEENTE\\an aangemeld"):
        refuse_other_user(loc, env=env, signed_in="GEMEENTE\\an")
    refuse_other_user(loc, env=profile.env() | {"USERNAME": "an"}, signed_in="GEMEENTE\\an")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the with-block ends


def test_an_unreachable_package_index_is_named_and_nothing_stays(profile, tmp_path):
    """The real pip, in the environment the installer makes, against an index nobody serves."""
    url = f"http://127.0.0.1:{_closed_port()}/simple"
    before = tree(profile.home)
    proc = run_installer("--pip-option=--retries=0", "--pip-option=--timeout=5",
                         env=profile.env() | {"PIP_INDEX_URL": url})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert f"Fout: de pakketbron {url} is niet bereikbaar vanaf deze pc; pip kon " in proc.stderr
    assert "--index-url" in proc.stderr and "Er is niets geïnstalleerd." in proc.stderr
    assert "Traceback" not in proc.stderr
    assert "Omgeving" in proc.stdout and "wordt gemaakt" in proc.stdout  # it was made, then removed
    assert tree(profile.home) == before


def test_usage_errors_exit_2_in_dutch(tmp_path):
    env = {"LOCALAPPDATA": "", "APPDATA": str(tmp_path), "USERPROFILE": str(tmp_path)}
    proc = run_installer(env=env)
    assert proc.returncode == 2 and "Fout: %LOCALAPPDATA% is niet gezet op deze pc; geef de map " \
        "met --venv" in proc.stderr
    proc = run_installer("--venv", tmp_path / "v", "--source", tmp_path, env=env)
    assert proc.returncode == 2
    assert f"geen bron van Partnerkeuze gevonden in {tmp_path} (requirements.txt ontbreekt)" \
        in proc.stderr
    proc = run_installer("--snel", env=env)
    assert proc.returncode == 2 and "onbekende argumenten: --snel" in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_record_lists_what_was_made(profile, site_view):
    venv = _installed_venv(profile, site_view)
    proc = run_installer(*OFFLINE, env=profile.env())
    assert proc.returncode == 0, proc.stdout + proc.stderr
    record = json.loads((profile.conf_dir / "installatie.json").read_text(encoding="utf-8"))
    assert record["venv"] == str(venv) and record["venv_created"] is False
    assert record["xlam"] == str(profile.xlstart / "Partnerkeuze.xlam")
    assert set(record["conf_settings"]) == {"Interpreter_Win", "PYTHONPATH"}
    assert str(profile.xlstart) in record["folders_created"]
    assert str(profile.conf_dir) in record["folders_created"]
    assert record["version"] == "0.1.0"


def test_uninstall_removes_an_environment_the_installer_made(profile, site_view):
    """The record says the installer made the environment: uninstall removes it (the making
    itself runs in the unreachable-index test, where pip cannot fill it offline)."""
    from partnerkeuze.app.addin.install import Locations, Record, uninstall

    venv = profile.local / "Partnerkeuze" / ".venv"
    fresh_venv(venv, site_view)
    loc = Locations(venv, profile.xlstart, profile.conf_dir)
    Record(venv=str(venv), venv_created=True, xlam=str(loc.xlam), conf=str(loc.conf),
           folders_created=[str(venv.parent)]).write(loc.record)
    lines = []
    uninstall(loc, say=lines.append)
    assert not venv.exists() and not venv.parent.exists()
    assert f"Omgeving {venv}: verwijderd." in lines
    assert sys.prefix != str(venv)
    assert ROOT.is_dir()


def test_the_installer_needs_only_the_standard_library(tmp_path):
    """It runs from the source with a bare Python (-S: no site-packages at all)."""
    env = clean_env(PYTHONPATH=str(ROOT))
    code = ("import sys, partnerkeuze.app.cli.cmd_install, partnerkeuze.app.addin.install, "
            "partnerkeuze.app.addin.conf_file, partnerkeuze.app.addin.doctor; print(sorted(m for m in "
            "sys.modules if m.split('.')[0] in ('openpyxl', 'xlwings', 'numpy', 'pandas', "
            "'defusedxml', 'lxml', 'docx')))")
    proc = subprocess.run([sys.executable, "-S", "-c", code], capture_output=True, text=True,
                          env=env, cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.strip() == "[]", proc.stderr
    proc = subprocess.run([sys.executable, "-S", "-m", "partnerkeuze", "install", "--venv",
                           str(tmp_path / "v"), "--xlstart", str(tmp_path / "x"), "--conf-dir",
                           str(tmp_path / "c"), "--source", str(tmp_path)],
                          capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 2 and "geen bron van Partnerkeuze gevonden" in proc.stderr
    assert "Traceback" not in proc.stderr
