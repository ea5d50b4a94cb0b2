"""Shared fixtures: the demo workbook, running the command line or Python code in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Documents get PDF copies only in the tests that look at them (they pass PARTNERKEUZE_PDF=1).
os.environ.setdefault("PARTNERKEUZE_PDF", "0")


def run_cli(*args, cwd=None, env=None, timeout=600) -> subprocess.CompletedProcess:
    """Run ``python -m partnerkeuze ARGS`` in a fresh interpreter from the repository root."""
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    full_env.setdefault("PARTNERKEUZE_USER", "test")
    if env:
        full_env.update(env)
    return subprocess.run([sys.executable, "-m", "partnerkeuze", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd or ROOT, env=full_env,
                          timeout=timeout)


def run_python(code: str) -> subprocess.CompletedProcess:
    """Run ``python -c CODE`` in a fresh interpreter from the repository root, e.g. to see which
    modules an import pulls in; raises CalledProcessError when the code fails."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          check=True)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """A scored demo workbook, built once per session (copy it before changing it)."""
    from partnerkeuze.actions.creation import new

    path = tmp_path_factory.mktemp("demo") / "demo.xlsx"
    new(path, "stedenband", demo=True)
    return path


@pytest.fixture
def demo_path(demo_template, tmp_path) -> Path:
    """A private copy of the demo workbook for one test."""
    import shutil

    path = tmp_path / "demo.xlsx"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory) -> Path:
    """Everything ``partnerkeuze demo DIR`` writes (documents without PDF copies), with the
    add-in of ``partnerkeuze addin DIR/Partnerkeuze.xlam`` beside it; built once per session
    (copy a file before changing it)."""
    out = tmp_path_factory.mktemp("demo-run") / "demo"
    for args in (("demo", out), ("addin", out / "Partnerkeuze.xlam")):
        proc = run_cli(*args)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def _untracked() -> set[str] | None:
    """The untracked, not ignored files of the checkout (None when git cannot tell)."""
    try:
        out = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"],
                             cwd=ROOT, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    return {line[3:] for line in out.stdout.splitlines() if line.startswith("??")}


def pytest_sessionstart(session):
    """Remember what was untracked before the suite (the controller only, not xdist workers)."""
    if not hasattr(session.config, "workerinput"):
        session.config._pk_untracked = _untracked()


def pytest_sessionfinish(session, exitstatus):
    """Fail the run when the suite left new files in the repository (tests write to tmp_path)."""
    before = getattr(session.config, "_pk_untracked", None)
    if before is None or hasattr(session.config, "workerinput"):
        return
    after = _untracked() or set()
    left = sorted(after - before)
    if left:
        session.config._pk_left = left
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Name the files the suite left in the repository."""
    left = getattr(config, "_pk_left", None)
    if left:
        terminalreporter.write_line("FOUT: de tests lieten bestanden achter in de repository: "
                                    + ", ".join(left[:20]), red=True)
