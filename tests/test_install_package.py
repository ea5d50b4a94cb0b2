"""Partnerkeuze installed the normal way (`pip install .`, not editable) into a fresh environment:
the module the add-in's UDFs import, the Word templates and doctor's advice all work from the
installed copy, without the source tree."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from install_support import clean_env, dev_site_view, fresh_venv
from partnerkeuze.app.addin.install import copy_source


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(python, folder outside the source) of an environment with Partnerkeuze pip-installed."""
    base = tmp_path_factory.mktemp("installed")
    py = fresh_venv(base / "omgeving", dev_site_view(base / "dev"))
    source = copy_source(ROOT, base)
    proc = subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "--no-build-isolation",
                           "--no-index", "-q", str(source)], capture_output=True, text=True,
                          env=clean_env(), cwd=base)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    work = base / "werk"
    work.mkdir()
    return py, work


def _run(py, work, code):
    return subprocess.run([str(py), "-c", code], capture_output=True, text=True, cwd=work,
                          env=clean_env())


def test_the_udf_module_is_importable_from_the_installed_package(installed):
    py, work = installed
    proc = _run(py, work, "import partnerkeuze_udfs, partnerkeuze; print(partnerkeuze_udfs.__file__);"
                          "print(partnerkeuze.__file__); print(partnerkeuze_udfs.PK_GEWOGEN_SCORE("
                          "[4, 3, 5], [50, 30, 20], 0, 5))")
    assert proc.returncode == 0, proc.stderr
    udfs, package, value = proc.stdout.splitlines()
    venv = str(py.parent.parent)
    assert udfs.startswith(venv) and package.startswith(venv)
    assert not udfs.startswith(str(ROOT)) and Path(udfs).name == "partnerkeuze_udfs.py"
    assert float(value) == pytest.approx(78.0)


def test_the_installed_package_writes_documents_from_its_own_templates(installed, demo_path):
    py, work = installed
    out = work / "uit"
    proc = subprocess.run([str(py), "-m", "partnerkeuze", "questionnaire", str(demo_path), "--out",
                           str(out)], capture_output=True, text=True, cwd=work,
                          env=clean_env(PARTNERKEUZE_PDF="0"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    from docx import Document

    text = "\n".join(p.text for p in Document(out / "Oproep_en_vragenlijst_nl.docx").paragraphs)
    assert "Profiel" in text or "oproep" in text.lower()
    where = _run(py, work, "from partnerkeuze.io.docx.templates import BUILT_IN; print(BUILT_IN)")
    assert where.stdout.strip().startswith(str(py.parent.parent))


def test_doctor_in_the_installed_package_names_only_paths_that_exist(installed, tmp_path):
    import sys

    py, work = installed
    venv = str(py.parent.parent)
    home = tmp_path / "leeg profiel"
    home.mkdir()
    proc = subprocess.run([str(py), "-m", "partnerkeuze", "doctor"], capture_output=True, text=True,
                          cwd=work, env=clean_env(USERPROFILE=str(home)))
    assert "[OK] Werkbladfuncties: partnerkeuze_udfs.py in " + venv in proc.stdout, proc.stdout
    # an interpreter that cannot load the module: the fix names the installed module's folder
    base = Path(getattr(sys, "_base_executable", sys.executable))
    (home / ".partnerkeuze").mkdir()
    (home / ".partnerkeuze" / "partnerkeuze.conf").write_text(f'"Interpreter_Win","{base}"\n')
    proc = subprocess.run([str(py), "-m", "partnerkeuze", "doctor"], capture_output=True, text=True,
                          cwd=work, env=clean_env(USERPROFILE=str(home)))
    assert proc.returncode == 1
    assert "install-partnerkeuze.ps1" not in proc.stdout
    fixes = [line.split("Oplossing:", 1)[1] for line in proc.stdout.splitlines() if "Oplossing:" in line]
    named = [Path(m) for fix in fixes for m in re.findall(r'"PYTHONPATH","([^"]+)"', fix)]
    assert named and all((p / "partnerkeuze_udfs.py").is_file() and str(p).startswith(venv)
                         for p in named), named
