"""Fault injection on the real command line: two commands on one workbook at the same time,
kill -9 at random moments, a full disk (a small file-size limit), permissions and symlinks.

Nothing a colleague typed may be lost: both commands' changes are in the workbook, a killed
command leaves the old or the new workbook (never a mix), a full disk leaves every input and
backup byte-identical with a Dutch message.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import signal
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import ROOT, run_cli
from documents_support import decided_demo
from intake_support import fill_assessor, fill_candidacy

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop

NEW_CANDIDATE = {"name": "Paramaribo", "country": "Suriname", "region": "Paramaribo",
                 "contact_given": "Anita", "contact_family": "Sewdien",
                 "email": "info@paramaribo.example.sr",
                 "language": "Nederlands", "channel": "VVSG"}


def _env(**extra) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("PARTNERKEUZE_USER", "test")
    env.update(extra)
    return env


def _start(*args, env=None, preexec_fn=None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "partnerkeuze", *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env=_env(**(env or {})), preexec_fn=preexec_fn)


def _log_actions(path: Path) -> list[str]:
    ws = load_workbook(path, read_only=True)["Logboek"]
    return [r[3] for r in ws.iter_rows(min_row=5, values_only=True) if r and r[0] is not None]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.startswith(".")}


@pytest.fixture(scope="module")
def inputs(demo_template, tmp_path_factory):
    """A filled candidacy form (new candidate) and a filled assessor form (a missing score)."""
    from partnerkeuze.features.intake.assessor_form import build_assessor_form
    from partnerkeuze.features.intake.candidacy_form import build_candidacy_form
    from partnerkeuze.io.forms.identity import call_of
    from partnerkeuze.core.parse import parse
    from partnerkeuze.io.xlsx.file_workbook import snapshot_of

    base = tmp_path_factory.mktemp("faults")
    model = parse(snapshot_of(load_workbook(demo_template), "x"))
    call = call_of(model)
    blank = base / "blanco-nl.xlsx"
    build_candidacy_form(model, call, "nl").save(blank)
    answers = {c.id: f"Antwoord op {c.id}." for c in model.criteria}
    fill_candidacy(blank, base / "kandidaturen" / "paramaribo.xlsx", NEW_CANDIDATE, answers)
    b3 = next(a for a in model.assessors if a.id == "B3")
    wb, _, _ = build_assessor_form(model, call, b3)
    blank_a = base / "blanco-b3.xlsx"
    wb.save(blank_a)
    fill_assessor(blank_a, base / "scores" / "b3.xlsx", {("K12", "C01"): 4})
    return base


def _has_candidate(path: Path, name: str) -> bool:
    ws = load_workbook(path, read_only=True)["Kandidaten"]
    return any(r[1] == name for r in ws.iter_rows(min_row=5, values_only=True) if r)


def _has_score(path: Path, cand: str, crit: str, assessor: str) -> bool:
    ws = load_workbook(path, read_only=True)["Scores"]
    return any(r[:3] == (cand, crit, assessor) and r[3] is not None
               for r in ws.iter_rows(min_row=5, values_only=True) if r)


PAIRS = {
    "import+merge": (("import", "{kandidaturen}"), ("merge", "{scores}")),
    "merge+plan": (("merge", "{scores}"), ("plan",)),
    "score+score": (("score",), ("score",)),
    "remind+score": (("remind", "--once"), ("score",)),
    "letters+assessor-forms": (("letters", "--out", "{out}"), ("assessor-forms", "--out", "{out2}")),
    "questionnaire+merge": (("questionnaire", "--out", "{out}"), ("merge", "{scores}")),
    "forms+import": (("forms", "--out", "{out}"), ("import", "{kandidaturen}")),
    "plan+remind": (("plan", "--ics", "{out}/planning.ics"), ("remind", "--once")),
    "dossier+score": (("dossier", "--out", "{out}"), ("score",)),
}


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_two_commands_at_once_lose_nothing(demo_path, inputs, tmp_path, pair):
    if "letters" in pair:
        decided_demo(demo_path)  # every candidate gets a letter (none withheld, exit 0)
    before = _log_actions(demo_path)
    where = {"kandidaturen": inputs / "kandidaturen", "scores": inputs / "scores",
             "out": tmp_path / "brieven", "out2": tmp_path / "formulieren"}
    procs = []
    for command, *rest in PAIRS[pair]:
        args = [a.format(**{k: str(v) for k, v in where.items()}) for a in rest]
        procs.append(_start(command, demo_path, *args, env={"PARTNERKEUZE_LOCK_TIMEOUT": "300"}))
    (tmp_path / "brieven").mkdir()
    results = [(*reversed(p.communicate(timeout=600)), p.returncode) for p in procs]
    results = [(rc, out, err) for err, out, rc in results]
    for rc, out, err in results:
        assert rc == 0, err
        assert "Traceback" not in err
    after = _log_actions(demo_path)
    assert after[:len(before)] == before  # nothing earlier lost
    added = sorted(a for a in after[len(before):] if a != "calendar")
    expected = sorted(c[0] for c in PAIRS[pair])
    assert added == expected, (added, expected)
    if "import" in pair:
        assert _has_candidate(demo_path, "Paramaribo")
    if "merge" in pair:
        assert _has_score(demo_path, "K12", "C01", "B3")


def test_second_command_waits_then_names_the_holder(demo_path):
    from partnerkeuze.io.locking import workbook_lock

    before = demo_path.read_bytes()
    os.environ["PARTNERKEUZE_USER"] = "An Peeters"
    try:
        with workbook_lock(demo_path, "merge"):
            t0 = time.monotonic()
            out = run_cli("score", demo_path, env={"PARTNERKEUZE_LOCK_TIMEOUT": "1"})
            waited = time.monotonic() - t0
    finally:
        os.environ.pop("PARTNERKEUZE_USER", None)
    assert out.returncode == 2, out.stderr
    assert waited >= 1.0
    assert "wordt nu gewijzigd door An Peeters met 'partnerkeuze merge'" in out.stderr
    assert f"proces {os.getpid()}" in out.stderr and "Traceback" not in out.stderr
    assert demo_path.read_bytes() == before


def test_lock_of_a_killed_command_is_recognised_as_stale(demo_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom partnerkeuze.io.locking import workbook_lock\n"
         "with workbook_lock(sys.argv[1], 'score'):\n    print('klaar', flush=True)\n"
         "    time.sleep(600)\n", str(demo_path)],
        stdout=subprocess.PIPE, text=True, env=_env(), cwd=ROOT)
    assert holder.stdout.readline().strip() == "klaar"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    out = run_cli("score", demo_path, env={"PARTNERKEUZE_LOCK_TIMEOUT": "5"})
    assert out.returncode == 0, out.stderr
    assert "Let op: een vorige opdracht" in out.stdout
    assert "werd onderbroken zonder af te ronden" in out.stdout
    assert _log_actions(demo_path)[-1] == "score"


KILLED = {
    "score": ("score",),
    "merge": ("merge", "{scores}"),
    "letters": ("letters", "--out", "{out}"),
}


from partnerkeuze.io.locking import workbook_lock  # noqa: E402


def _is_valid_new(path: Path, command: str) -> bool:
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
    return _log_actions(path)[-1] == command


@pytest.mark.parametrize("command", sorted(KILLED))
def test_kill_9_leaves_old_or_new_never_a_mix(demo_path, inputs, tmp_path, command):
    if command == "letters":
        decided_demo(demo_path)  # every candidate gets a letter (none withheld, exit 0)
    rng = random.Random(f"pk-{command}")
    original = demo_path.read_bytes()
    out_dir = tmp_path / "brieven"
    seen = set()
    for moment in sorted(rng.uniform(0.3, 3.5) for _ in range(3)):
        shutil.rmtree(out_dir, ignore_errors=True)
        demo_path.write_bytes(original)
        args = [a.format(scores=inputs / "scores", out=out_dir) for a in KILLED[command][1:]]
        proc = _start(command, demo_path, *args)
        try:
            proc.wait(timeout=moment)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()
        with workbook_lock(demo_path, "test"):  # what the next command does first
            pass
        data = demo_path.read_bytes()
        if data == original:
            seen.add("old")
            if out_dir.exists():
                assert _files(out_dir) == {}, "documents without their log entry"
        else:
            assert _is_valid_new(demo_path, command)
            seen.add("new")
            if command == "letters":
                assert len(_files(out_dir)) == 14  # 13 letters and the bundle, all or none
    assert seen  # each moment gave old or new
    # a later command cleans the temporary files a killed one left behind
    assert run_cli("score", demo_path).returncode == 0
    assert not [p for p in demo_path.parent.iterdir() if p.name.startswith(".~pk-")]


def _limit(nbytes):
    def apply():
        resource.setrlimit(resource.RLIMIT_FSIZE, (nbytes, nbytes))
    return apply


@pytest.mark.parametrize("command", ["score", "letters", "merge", "plan"])
def test_full_disk_leaves_everything_identical(demo_path, inputs, tmp_path, command):
    assert run_cli("score", demo_path).returncode == 0  # a backup exists
    out_dir = tmp_path / "brieven"
    out_dir.mkdir()
    (out_dir / "Brief_K01_Tarija_es.docx").write_bytes(b"een oudere brief")
    before = _files(demo_path.parent)
    before_out = _files(out_dir)
    args = {"score": (), "letters": ("--out", out_dir), "merge": (inputs / "scores",),
            "plan": ("--ics", tmp_path / "planning.ics")}[command]
    proc = _start(command, demo_path, *args, preexec_fn=_limit(60_000))
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 2, err
    assert "Traceback" not in err and "Error" not in err
    assert "te groot voor de schijf of de ingestelde limiet; er is niets gewijzigd" in err
    assert demo_path.name in err or "planning.ics" in err  # the file that did not fit
    assert _files(demo_path.parent) == before  # workbook and its backup byte-identical
    assert _files(out_dir) == before_out
    assert not (tmp_path / "planning.ics").exists()


def test_symlinked_workbook_target_gets_the_scores(demo_path, tmp_path):
    link = tmp_path / "snelkoppeling.xlsx"
    link.symlink_to(demo_path)
    out = run_cli("score", link)
    assert out.returncode == 0, out.stderr
    assert link.is_symlink() and _log_actions(demo_path)[-1] == "score"


def test_shared_workbook_keeps_its_mode(demo_path):
    os.chmod(demo_path, 0o664)
    assert run_cli("score", demo_path).returncode == 0
    assert stat.S_IMODE(demo_path.stat().st_mode) == 0o664


WRITE_COMMANDS = {
    "score": (), "plan": (), "freeze": ("--reason", "x"), "match": (),
    "import": ("{folder}",), "merge": ("{folder}",), "forms": ("--out", "{folder}"),
    "assessor-forms": ("--out", "{folder}"), "letters": ("--out", "{folder}"),
    "dossier": ("--out", "{folder}"), "questionnaire": ("--out", "{folder}"),
    "remind": ("--once",),
}


@pytest.mark.parametrize("command", sorted(WRITE_COMMANDS))
def test_read_only_workbook_is_refused_by_every_write_command(demo_path, tmp_path, command):
    folder = tmp_path / "map"
    folder.mkdir()
    os.chmod(demo_path, 0o444)
    before = demo_path.read_bytes()
    args = [a.format(folder=folder) for a in WRITE_COMMANDS[command]]
    out = run_cli(command, demo_path, *args)
    assert out.returncode == 2, out.stderr
    assert "demo.xlsx: het bestand is alleen-lezen; er is niets gewijzigd" in out.stderr
    assert "Traceback" not in out.stderr
    assert demo_path.read_bytes() == before and list(folder.iterdir()) == []


@pytest.fixture
def read_only_dir(tmp_path):
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    yield folder
    os.chmod(folder, 0o755)


def _outbox_in(demo_path, folder):
    wb = load_workbook(demo_path)
    for row in wb["Instellingen"].iter_rows(max_col=3):
        if row[0].value == "outbox":
            row[2].value = str(folder)
    wb.save(demo_path)


@pytest.mark.parametrize("case", ["plan --ics", "forms", "demo", "new", "addin", "letters",
                                  "plan", "remind outbox"])
def test_read_only_folder_gives_a_dutch_exit_2(demo_path, read_only_dir, case):
    if case == "plan":  # the workbook itself lies in the read-only folder
        demo_path = Path(shutil.copy(demo_path, read_only_dir / "demo.xlsx"))
    if case == "remind outbox":
        _outbox_in(demo_path, read_only_dir)
    os.chmod(read_only_dir, 0o555)
    inside = sorted(read_only_dir.iterdir())
    before = demo_path.read_bytes()
    args = {"plan --ics": ("plan", demo_path, "--ics", read_only_dir / "p.ics"),
            "forms": ("forms", demo_path, "--out", read_only_dir),
            "letters": ("letters", demo_path, "--out", read_only_dir),
            "demo": ("demo", read_only_dir),
            "new": ("new", read_only_dir / "nieuw.xlsx"),
            "addin": ("addin", read_only_dir / "Partnerkeuze.xlam"),
            "plan": ("plan", demo_path),
            "remind outbox": ("remind", demo_path, "--once")}[case]
    out = run_cli(*args)
    assert out.returncode == 2, out.stderr
    assert "alleen-lezen" in out.stderr and "Traceback" not in out.stderr
    assert "Onverwachte fout" not in out.stderr and "Permission" not in out.stderr
    assert demo_path.read_bytes() == before and sorted(read_only_dir.iterdir()) == inside


def _with_user_content(path: Path, tmp_path: Path) -> None:
    """What a colleague adds by hand: an own sheet, a comment, a hyperlink, a picture, a
    defined name and a print area."""
    from openpyxl.comments import Comment
    from openpyxl.drawing.image import Image
    from openpyxl.workbook.defined_name import DefinedName
    from PIL import Image as PILImage

    png = tmp_path / "logo.png"
    PILImage.new("RGB", (30, 20), (20, 90, 160)).save(png)
    wb = load_workbook(path)
    ws = wb.create_sheet("Mijn notities")
    ws["A1"] = "Eigen aantekening van An"
    ws["A1"].comment = Comment("Nakijken met de schepen", "An")
    ws["A2"].hyperlink = "https://www.vvsg.be/mijn-notitie"
    ws["A2"] = "VVSG"
    ws.add_image(Image(str(png)), "C3")
    wb.defined_names["mijn_naam"] = DefinedName("mijn_naam", attr_text="'Mijn notities'!$A$1")
    wb["Kandidaten"].print_area = "A1:F20"
    wb.save(path)


def _user_content(path: Path) -> dict:
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        workbook = zf.read("xl/workbook.xml").decode()
        comments = "".join(zf.read(n).decode() for n in names if "comments" in n)
        rels = "".join(zf.read(n).decode() for n in names if n.startswith("xl/worksheets/_rels/"))
    return {"sheet": 'name="Mijn notities"' in workbook, "name": 'name="mijn_naam"' in workbook,
            "print_area": "_xlnm.Print_Area" in workbook,
            "comment": "Nakijken met de schepen" in comments,
            "hyperlink": "https://www.vvsg.be/mijn-notitie" in rels,
            "picture": any(n.startswith("xl/media/") for n in names)}


SURVIVES = {  # in the order of a call: the late candidacy that import brings in comes last
    "score": (), "plan": ("--ics", "{tmp}/planning.ics"), "remind": ("--once",),
    "forms": ("--out", "{tmp}/f"), "assessor-forms": ("--out", "{tmp}/b"),
    "questionnaire": ("--out", "{tmp}/q"), "merge": ("{scores}",),
    "dossier": ("--out", "{tmp}/d"), "letters": ("--out", "{tmp}/l"),
    "import": ("{kandidaturen}",),
}


def test_user_content_survives_every_write_command(demo_path, inputs, tmp_path):
    _with_user_content(demo_path, tmp_path)
    assert all(_user_content(demo_path).values())
    for command, args in SURVIVES.items():
        before = len(_log_actions(demo_path))
        args = [a.format(tmp=tmp_path, kandidaturen=inputs / "kandidaturen",
                         scores=inputs / "scores") for a in args]
        out = run_cli(command, demo_path, *args)
        # (letters withholds the letter of a candidate the municipality has not fully scored,
        # says so and writes the others and the workbook: exit 0)
        assert out.returncode == 0, (command, out.stderr)
        assert len(_log_actions(demo_path)) > before, command  # the workbook was written
        kept = _user_content(demo_path)
        assert all(kept.values()), (command, kept)
