"""Shared fixtures: the demo workbook, running the command line in a subprocess."""

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
