"""Helpers of the installer tests: a fresh virtual environment that sees the packages of the
development environment (so pip finds every requirement satisfied without a network), and a
fake Windows user profile in a temporary folder (with spaces in its name)."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT

# What pip must not see of the development environment: its editable Partnerkeuze.
EDITABLE_PREFIXES = ("partnerkeuze", "__editable__")


def dev_site_view(folder: Path) -> Path:
    """A folder of links to everything in this environment's site-packages except the editable
    Partnerkeuze; a fresh venv with it on its path finds every requirement installed."""
    folder.mkdir(parents=True, exist_ok=True)
    site = Path(sysconfig.get_paths()["purelib"])
    for entry in site.iterdir():
        if entry.name.lower().startswith(EDITABLE_PREFIXES) or entry.suffix == ".pth":
            continue
        link = folder / entry.name
        if not link.exists():
            link.symlink_to(entry)
    return folder


def venv_python(venv: Path) -> Path:
    """The interpreter of a virtual environment (bin/python here, Scripts\\python.exe on Windows)."""
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def fresh_venv(venv: Path, view: Path) -> Path:
    """A new virtual environment whose path ends with the development packages (pip and
    setuptools among them: made without its own, so theirs count)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   capture_output=True)
    py = venv_python(venv)
    purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    Path(purelib, "zz_dev_packages.pth").write_text(str(view) + "\n", encoding="utf-8")
    return py


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a child process: no PYTHONPATH into the source tree, no pip
    configuration of this machine (its extra indexes and wheel folders)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PIP_FIND_LINKS", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL")}
    env["PIP_CONFIG_FILE"] = os.devnull
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.update(extra)
    return env


@dataclass
class Profile:
    """A fake Windows user profile: the three folders the installer's defaults come from."""

    home: Path  # %USERPROFILE%
    local: Path  # %LOCALAPPDATA%
    roaming: Path  # %APPDATA%

    @property
    def xlstart(self) -> Path:
        return self.roaming / "Microsoft" / "Excel" / "XLSTART"

    @property
    def conf_dir(self) -> Path:
        return self.home / ".partnerkeuze"

    def env(self) -> dict[str, str]:
        return {"USERPROFILE": str(self.home), "LOCALAPPDATA": str(self.local),
                "APPDATA": str(self.roaming)}


def fake_profile(base: Path, name: str = "An De Smet") -> Profile:
    """C:\\Users\\An De Smet as folders under base (nothing in them yet but the profile)."""
    home = base / "Users" / name
    local, roaming = home / "AppData" / "Local", home / "AppData" / "Roaming"
    for folder in (local, roaming):
        folder.mkdir(parents=True)
    return Profile(home, local, roaming)


def run_installer(*args, env: dict[str, str] | None = None, timeout: int = 600):
    """`python -m partnerkeuze install ARGS` from the source tree, with a clean environment."""
    full = clean_env(**(env or {}))
    full["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "partnerkeuze", "install", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, env=full, timeout=timeout)


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under folder, by relative path."""
    out: dict[str, bytes | None] = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        out[rel] = path.read_bytes() if path.is_file() and not path.is_symlink() else None
    return out
