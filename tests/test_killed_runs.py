"""What a run killed with kill -9 leaves behind: the next run finishes a journalled move, and
removes the temporary files of dead runs beside the workbook, in the output folders it writes
into and in the temporary directory; a read-only check says a move is pending and changes
nothing. Every run here is a real process; the killed ones get a real SIGKILL."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import ROOT, run_cli
from documents_support import decided_demo
from intake_support import fill_candidacy

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop

# A command whose process kills itself (SIGKILL) at one moment of its commit: just before the
# staged files move ("commit"), or just after the journal of the move reached the disk
# ("journal"). Nothing in the process runs after the signal.
KILLER = """
import os, signal, sys
from partnerkeuze.io import saving

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

if sys.argv[1] == "commit":
    saving.Stage.commit = die
else:
    journal = saving._write_journal
    saving._write_journal = lambda pending: (journal(pending), die())
from partnerkeuze.app.cli import main
main(sys.argv[2:])
"""


def _env(tmpdir: Path, **extra) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("PARTNERKEUZE_USER", "test")
    env["TMPDIR"] = str(tmpdir)  # the temporary directory of these runs, apart from others'
    env.update(extra)
    return env


def _killed(moment: str, *args, tmpdir: Path) -> int:
    """Run a command that is killed at moment; its process id."""
    proc = subprocess.Popen([sys.executable, "-c", KILLER, moment, *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env=_env(tmpdir))
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, err)
    return proc.pid


def _ours(folder: Path, pid: int) -> list[Path]:
    """The temporary files and folders of process pid in folder."""
    return sorted(p for p in folder.iterdir()
                  if p.name.startswith((f".~pk-{pid}-", f"partnerkeuze-pdf-{pid}-",
                                        f"partnerkeuze-mail-{pid}-")))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def tmpdir_(tmp_path) -> Path:
    folder = tmp_path / "temp"
    folder.mkdir()
    return folder


def test_the_next_run_removes_the_temporary_files_of_a_killed_run(demo_path, tmp_path, tmpdir_):
    decided_demo(demo_path)  # every candidate gets a final letter (exit 0)
    out = tmp_path / "brieven"
    pid = _killed("commit", "letters", demo_path, "--out", out, tmpdir=tmpdir_)
    beside, in_out = _ours(demo_path.parent, pid), _ours(out, pid)
    assert beside and len(in_out) == 14  # the workbook's and 13 letters and the bundle
    before = _sha(demo_path)

    # every command on the workbook (check too) clears its folder under the lock, before reading;
    # the killed run was killed before its move: the workbook is as it was
    assert run_cli("check", demo_path, env={"TMPDIR": str(tmpdir_)}).returncode == 0
    assert _ours(demo_path.parent, pid) == [] and _ours(out, pid) == in_out
    assert _sha(demo_path) == before
    done = run_cli("plan", demo_path, env={"TMPDIR": str(tmpdir_)})
    assert done.returncode == 0, done.stderr
    # one that writes into the output folder clears that too
    again = run_cli("letters", demo_path, "--out", out, env={"TMPDIR": str(tmpdir_)})
    assert again.returncode == 0, again.stderr
    assert _ours(out, pid) == []
    assert not [p for p in out.iterdir() if p.name.startswith(".~pk-")]
    assert _sha(demo_path) != before and len(list(out.glob("*.docx"))) == 14


def _soffice_of(tmpdir: Path) -> list[int]:
    """Process ids of the LibreOffice processes (the soffice script, oosplash, soffice.bin)
    that work in tmpdir, left running by a killed run: their command lines name it."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if str(tmpdir).encode() + b"/" in cmd:
                found.append(int(entry.name))
    return found


def _until_gone(tmpdir: Path, timeout: float = 180) -> None:
    """Wait until no LibreOffice process has worked in tmpdir for two seconds (the soffice
    script execs oosplash, which then starts soffice.bin)."""
    deadline = time.monotonic() + timeout
    quiet_since = None
    while time.monotonic() < deadline:
        if _soffice_of(tmpdir):
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= 2:
            return
        time.sleep(0.2)
    raise AssertionError(f"LibreOffice still runs in {tmpdir}")


def test_a_pdf_folder_of_a_killed_run_is_removed_from_the_temporary_directory(demo_path,
                                                                              tmp_path, tmpdir_):
    decided_demo(demo_path)
    out = tmp_path / "brieven"
    proc = subprocess.Popen([sys.executable, "-m", "partnerkeuze", "letters", str(demo_path),
                             "--out", str(out)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, cwd=ROOT,
                            env=_env(tmpdir_, PARTNERKEUZE_PDF="1"))
    deadline = time.monotonic() + 300  # until LibreOffice runs in the run's PDF folder
    while not _soffice_of(tmpdir_) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _ours(tmpdir_, proc.pid) and _soffice_of(tmpdir_), "no PDF conversion seen"
    proc.send_signal(signal.SIGKILL)  # while LibreOffice converts
    proc.wait()
    assert _ours(tmpdir_, proc.pid)
    _until_gone(tmpdir_)  # the orphaned LibreOffice finishes on its own
    done = run_cli("score", demo_path, env={"TMPDIR": str(tmpdir_)})
    assert done.returncode == 0, done.stderr
    assert _ours(tmpdir_, proc.pid) == []
    assert not [p for p in tmpdir_.iterdir() if p.name.startswith("partnerkeuze-pdf-")]


def test_a_folder_of_a_live_run_is_left_alone(tmp_path):
    from partnerkeuze.io.leftovers import remove_stale_temp_dirs

    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = tmp_path / f"partnerkeuze-pdf-{sleeper.pid}-abcdefgh"
        live.mkdir()
        dead_pid = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                                  capture_output=True, text=True).stdout.strip()
        dead = tmp_path / f"partnerkeuze-mail-{dead_pid}-abcdefgh"
        dead.mkdir()
        (dead / "bijlage.xlsx").write_bytes(b"x")
        other = tmp_path / "partnerkeuze-iets-1-abcdefgh"  # not ours: never touched
        other.mkdir()
        assert remove_stale_temp_dirs(tmp_path) == [dead]
        assert live.is_dir() and other.is_dir() and not dead.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


@pytest.fixture(scope="module")
def returned_form(demo_template, tmp_path_factory) -> Path:
    """A folder with one filled candidacy form (a new candidate, Paramaribo)."""
    from partnerkeuze.features.intake.candidacy_form import build_candidacy_form
    from partnerkeuze.io.forms.identity import call_of
    from partnerkeuze.core.parse import parse
    from partnerkeuze.io.xlsx.file_workbook import snapshot_of

    base = tmp_path_factory.mktemp("teruggekomen")
    model = parse(snapshot_of(load_workbook(demo_template), "x"))
    blank = base / "blanco-nl.xlsx"
    build_candidacy_form(model, call_of(model), "nl").save(blank)
    fields = {"name": "Paramaribo", "country": "Suriname", "region": "Paramaribo",
              "contact_given": "Anita", "contact_family": "Sewdien",
              "email": "info@paramaribo.example.sr",
              "language": "Nederlands", "channel": "VVSG"}
    answers = {c.id: f"Antwoord op {c.id}." for c in model.criteria}
    fill_candidacy(blank, base / "kandidaturen" / "paramaribo.xlsx", fields, answers)
    return base / "kandidaturen"


def _names(path: Path) -> list[str]:
    ws = load_workbook(path, read_only=True)["Kandidaten"]
    return [r[1] for r in ws.iter_rows(min_row=5, values_only=True) if r and r[1]]


def test_check_finishes_a_journalled_move_and_says_so(demo_path, returned_form, tmpdir_):
    before = _sha(demo_path)
    pid = _killed("journal", "import", demo_path, returned_form, tmpdir=tmpdir_)
    journals = list(demo_path.parent.glob(f".~pk-{pid}-*-journal.json"))
    assert len(journals) == 1 and _sha(demo_path) == before  # killed before any move

    # check is a command like every other: under the lock it finishes the move first and says
    # so, then checks the workbook as the import left it (its late candidacy to decide on)
    checked = run_cli("check", demo_path)
    assert re.search(r"een onderbroken opdracht had \d+ bestand\(en\) klaargezet; die staan nu "
                     r"op hun plaats \(.*demo\.xlsx.*\)", checked.stdout + checked.stderr), \
        checked.stdout + checked.stderr
    assert not journals[0].exists() and _ours(demo_path.parent, pid) == []
    assert "Paramaribo" in _names(demo_path)  # the import the killed run had finished
    assert checked.returncode == 1 and "Paramaribo kwam binnen op" in checked.stderr
    assert "Wel gewijzigd of geschreven: demo.xlsx" in checked.stderr  # by the finished move
    again = run_cli("check", demo_path)
    assert "onderbroken" not in again.stdout + again.stderr
