"""replace_atomically and staged_writes: modes, symbolic links, read-only places, a full disk,
dated backups that never overwrite anything, temp files of a killed run cleaned up."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from partnerkeuze.kernel.errors import FileError
from partnerkeuze.io import saving
from partnerkeuze.io.saving import backups_of, replace_atomically, set_generations, staged_writes


def _writer(data: bytes):
    return lambda tmp: Path(tmp).write_bytes(data)


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def umask022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_new_file_gets_the_usual_mode_not_0600(tmp_path, umask022):
    target = tmp_path / "nieuw.xlsx"
    replace_atomically(target, _writer(b"abc"))
    assert target.read_bytes() == b"abc"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


@pytest.mark.parametrize("mode", [0o664, 0o640, 0o600])
def test_replaced_file_keeps_its_mode(tmp_path, mode):
    target = tmp_path / "werkmap.xlsx"
    target.write_bytes(b"oud")
    os.chmod(target, mode)
    replace_atomically(target, _writer(b"nieuw"))
    assert target.read_bytes() == b"nieuw"
    assert stat.S_IMODE(target.stat().st_mode) == mode
    (backup,) = backups_of(target)
    assert backup.read_bytes() == b"oud" and stat.S_IMODE(backup.stat().st_mode) == mode


def test_symlink_target_is_written_and_link_kept(tmp_path):
    real_dir = tmp_path / "gedeeld"
    real_dir.mkdir()
    real = real_dir / "echt.xlsx"
    real.write_bytes(b"oud")
    link = tmp_path / "snelkoppeling.xlsx"
    link.symlink_to(real)
    replace_atomically(link, _writer(b"nieuw"))
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"nieuw"
    assert [b.parent for b in backups_of(link)] == [real_dir]  # the backup sits by the target
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~pk-")]


def test_read_only_file_is_refused_and_untouched(tmp_path):
    target = tmp_path / "werkmap.xlsx"
    target.write_bytes(b"oud")
    os.chmod(target, 0o444)
    with pytest.raises(FileError, match=r"werkmap\.xlsx: het bestand is alleen-lezen"):
        replace_atomically(target, _writer(b"nieuw"))
    assert target.read_bytes() == b"oud" and _tree(tmp_path) == {"werkmap.xlsx": b"oud"}


def test_read_only_folder_is_refused(tmp_path):
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    (folder / "werkmap.xlsx").write_bytes(b"oud")
    os.chmod(folder, 0o555)
    try:
        with pytest.raises(FileError, match=r"in deze map mag niet geschreven worden"):
            replace_atomically(folder / "werkmap.xlsx", _writer(b"nieuw"))
        assert _tree(folder) == {"werkmap.xlsx": b"oud"}
    finally:
        os.chmod(folder, 0o755)


def test_full_disk_leaves_file_and_backups_identical(tmp_path):
    target = tmp_path / "werkmap.xlsx"
    target.write_bytes(b"oud")
    replace_atomically(target, _writer(b"nieuw"))
    before = _tree(tmp_path)

    def full(tmp):
        Path(tmp).write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp))

    with pytest.raises(FileError) as info:
        replace_atomically(target, full)
    assert "de schijf is vol" in str(info.value) and "No space" not in str(info.value)
    assert _tree(tmp_path) == before


def test_failing_backup_copy_keeps_the_good_backup(tmp_path, monkeypatch):
    target = tmp_path / "werkmap.xlsx"
    target.write_bytes(b"versie 1")
    replace_atomically(target, _writer(b"versie 2"))
    before = _tree(tmp_path)
    real_copy = shutil.copyfile

    def broken_copy(src, dst, *a, **k):
        Path(dst).write_bytes(Path(src).read_bytes()[:3])  # a truncated copy, then disk full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", broken_copy)  # saving imports shutil when it copies
    with pytest.raises(FileError, match="de schijf is vol"):
        replace_atomically(target, _writer(b"versie 3"))
    monkeypatch.setattr(shutil, "copyfile", real_copy)
    assert _tree(tmp_path) == before  # workbook, the good backup, and no truncated copy


def test_generations_are_dated_and_pruned_and_own_files_kept(tmp_path):
    target = tmp_path / "werkmap.xlsx"
    own = tmp_path / "werkmap.vorige.xlsx"
    own.write_bytes(b"mijn eigen kopie")
    other = tmp_path / "werkmap.vorige-van-jan.xlsx"
    other.write_bytes(b"ook van mij")
    target.write_bytes(b"0")
    set_generations(target, 3)
    for i in range(1, 7):
        replace_atomically(target, _writer(str(i).encode()))
    kept = backups_of(target)
    assert [b.read_bytes() for b in kept] == [b"2", b"3", b"4", b"5"][-3:]
    assert all(b.name.startswith("werkmap.vorige-") for b in kept)
    assert own.read_bytes() == b"mijn eigen kopie" and other.read_bytes() == b"ook van mij"
    assert target.read_bytes() == b"6"


def test_no_backup_when_not_asked(tmp_path):
    target = tmp_path / "a.ics"
    target.write_bytes(b"oud")
    replace_atomically(target, _writer(b"nieuw"), backup=False)
    assert _tree(tmp_path) == {"a.ics": b"nieuw"}


def test_temp_files_of_a_killed_run_are_removed(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    stale = tmp_path / f".~pk-{dead}-abc.xlsx"
    stale.write_bytes(b"half geschreven")
    stale_dir = tmp_path / f".~pk-{dead}-stage"
    stale_dir.mkdir()
    alive = tmp_path / f".~pk-{os.getppid()}-xyz.xlsx"  # a running process: left alone
    alive.write_bytes(b"bezig")
    target = tmp_path / "werkmap.xlsx"
    replace_atomically(target, _writer(b"nieuw"))
    assert not stale.exists() and not stale_dir.exists()
    assert alive.exists()


def test_staged_writes_all_or_nothing(tmp_path):
    out = tmp_path / "brieven"
    out.mkdir()
    (out / "brief1.docx").write_bytes(b"oud")
    with pytest.raises(RuntimeError):
        with staged_writes():
            replace_atomically(out / "brief1.docx", _writer(b"nieuw"), backup=False)
            replace_atomically(out / "brief2.docx", _writer(b"nieuw"), backup=False)
            visible = {k: v for k, v in _tree(out).items() if not k.startswith(".")}
            assert visible == {"brief1.docx": b"oud"}  # nothing in place yet
            raise RuntimeError("de opdracht faalt halverwege")
    assert _tree(out) == {"brief1.docx": b"oud"}
    with staged_writes():
        replace_atomically(out / "brief1.docx", _writer(b"nieuw"), backup=False)
        replace_atomically(out / "brief2.docx", _writer(b"nieuw 2"), backup=False)
        assert saving.current_path(out / "brief2.docx").read_bytes() == b"nieuw 2"
    assert _tree(out) == {"brief1.docx": b"nieuw", "brief2.docx": b"nieuw 2"}


def test_commit_killed_half_way_is_finished_by_the_next_writer(tmp_path):
    """A journal of a dead process: its finished files are moved into place (roll forward)."""
    import json

    from partnerkeuze.app.pipeline import locked

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    out = tmp_path / "brieven"
    out.mkdir()
    book = tmp_path / "werkmap.xlsx"
    book.write_bytes(b"oud")
    (out / "brief1.docx").write_bytes(b"nieuw 1")  # renamed before the kill
    pending = [(out / f".~pk-{dead}-a.docx", out / "brief1.docx"),
               (out / f".~pk-{dead}-b.docx", out / "brief2.docx"),
               (tmp_path / f".~pk-{dead}-c.xlsx", book)]
    pending[1][0].write_bytes(b"nieuw 2")
    pending[2][0].write_bytes(b"nieuw werkmap")
    journal = tmp_path / f".~pk-{dead}-j-journal.json"
    journal.write_text(json.dumps([[str(a), str(b)] for a, b in pending]))
    with locked(book, "score") as notes:  # the pipeline's first steps of every command
        assert notes and "2 bestand(en) klaargezet" in notes[0]  # brief1 was already moved
    assert book.read_bytes() == b"nieuw werkmap"
    assert _tree(out) == {"brief1.docx": b"nieuw 1", "brief2.docx": b"nieuw 2"}
    assert not journal.exists()
