"""`partnerkeuze install`: Partnerkeuze for one Windows user, from a source folder, and undone.

1. the virtual environment: reused when it has an interpreter, else made with this Python;
2. the pinned packages (requirements.txt) and Partnerkeuze itself, by pip in that environment
   (from a copy of the source, so a read-only share works and nothing is written into it);
3. the add-in, built by the installed Partnerkeuze (`partnerkeuze addin`) with its interpreter
   and the folder of the worksheet functions' module baked in, written into XLSTART;
4. partnerkeuze.conf in the conf folder: Interpreter_Win and PYTHONPATH when missing or empty (a
   value someone filled in stays, addin/conf_file.py);
5. the install record (installatie.json beside the conf file): what this installer made, so that
   `--uninstall` removes exactly that and nothing else;
6. `partnerkeuze doctor` on the result.

Every location is an option (defaults: the Windows folders of the user running it), so it runs
anywhere against any folders. Before step 2 only the standard library is used: the installer
runs from a source folder with any Python 3.11 or newer.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from partnerkeuze.kernel.errors import FileError, PartnerkeuzeError

ADDIN_NAME = "Partnerkeuze.xlam"
CONF_NAME = "partnerkeuze.conf"
RECORD_NAME = "installatie.json"
MIN_PYTHON = (3, 11)
# What pip needs of the source folder to build Partnerkeuze.
SOURCE_PARTS = ("pyproject.toml", "README.md", "requirements.txt", "partnerkeuze", "udfs",
                "templates")
DEFAULT_INDEX = "https://pypi.org/simple"
# pip's words for a package index it cannot reach.
UNREACHABLE = ("NewConnectionError", "Failed to establish a new connection", "Connection refused",
               "ConnectTimeoutError", "ProxyError", "Name or service not known",
               "getaddrinfo failed", "Temporary failure in name resolution", "Network is unreachable",
               "No route to host", "SSLError", "Max retries exceeded", "Read timed out")


class InstallProblem(PartnerkeuzeError):
    """Something on this PC keeps the installation from working (exit 1); said in Dutch."""

    exit_code = 1


@dataclass
class Locations:
    """Where the installation goes: environment, Excel's start-up folder, the conf folder."""

    venv: Path
    xlstart: Path
    conf_dir: Path

    @property
    def xlam(self) -> Path:
        return self.xlstart / ADDIN_NAME

    @property
    def conf(self) -> Path:
        return self.conf_dir / CONF_NAME

    @property
    def record(self) -> Path:
        return self.conf_dir / RECORD_NAME


def default_locations(venv=None, xlstart=None, conf_dir=None, env=None) -> Locations:
    """The given folders, the others at their Windows place for the user running this:
    %LOCALAPPDATA%\\Partnerkeuze\\.venv, %APPDATA%\\Microsoft\\Excel\\XLSTART and
    %USERPROFILE%\\.partnerkeuze. FileError (usage) when a variable a default needs is not set."""
    env = os.environ if env is None else env

    def base(var: str, option: str) -> Path:
        value = env.get(var)
        if not value:
            raise FileError(f"%{var}% is niet gezet op deze pc; geef de map met {option}")
        return Path(value)

    return Locations(
        venv=Path(venv) if venv else base("LOCALAPPDATA", "--venv") / "Partnerkeuze" / ".venv",
        xlstart=Path(xlstart) if xlstart else
        base("APPDATA", "--xlstart") / "Microsoft" / "Excel" / "XLSTART",
        conf_dir=Path(conf_dir) if conf_dir else base("USERPROFILE", "--conf-dir") / ".partnerkeuze")


def venv_python(venv: Path, windows: bool | None = None) -> Path:
    """The interpreter of a virtual environment (Scripts\\python.exe on Windows, bin/python)."""
    windows = os.name == "nt" if windows is None else windows
    return venv / ("Scripts" if windows else "bin") / ("python.exe" if windows else "python")


def source_folder() -> Path | None:
    """The source folder this Partnerkeuze runs from (with pyproject.toml), None when installed."""
    from partnerkeuze.kernel.paths import SOURCE_ROOT as root

    return root if (root / "pyproject.toml").is_file() and (root / "requirements.txt").is_file() \
        else None


# --- another user ---------------------------------------------------------------------------

def other_profile(path: Path, profile: Path) -> Path | None:
    """The other user's profile folder ``path`` lies in (a sibling of ``profile``, the profile of
    the user running this), or None when it is in this user's profile or elsewhere."""
    try:
        rel = Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(profile)).parent)
    except ValueError:
        return None
    first = rel.parts[0] if rel.parts else ""
    return None if not first or first.lower() == profile.name.lower() \
        else Path(os.path.abspath(profile)).parent / first


def console_user() -> str | None:
    """The user signed in to the Windows session this runs in (at the console or over remote
    desktop), whoever the process runs as; None elsewhere or when unknown."""
    if os.name != "nt":
        return None
    try:
        import ctypes
        from ctypes import wintypes

        wts = ctypes.WinDLL("wtsapi32")
        wts.WTSQuerySessionInformationW.argtypes = [
            wintypes.HANDLE, wintypes.DWORD, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p),
            ctypes.POINTER(wintypes.DWORD)]
        wts.WTSFreeMemory.argtypes = [ctypes.c_void_p]
        buf, size = ctypes.c_void_p(), wintypes.DWORD()
        # WTS_CURRENT_SESSION (this process's session), WTSUserName (5)
        if not wts.WTSQuerySessionInformationW(None, 0xFFFFFFFF, 5, ctypes.byref(buf),
                                               ctypes.byref(size)):
            return None
        try:
            return ctypes.wstring_at(buf.value) or None
        finally:
            wts.WTSFreeMemory(buf)
    except Exception:  # no session, no API: nothing to compare
        return None


def refuse_other_user(loc: Locations, env=None, signed_in: str | None = None) -> None:
    """InstallProblem when the installation would land in another user's profile than the one
    who will use Excel: a folder in another profile, or an account that is not the one signed in
    at the PC (an administrator account started with 'Als andere gebruiker uitvoeren')."""
    env = os.environ if env is None else env
    running = env.get("USERNAME", "")
    how = ("Installeren voor een andere gebruiker kan niet: meld u aan als die gebruiker en voer "
           "de installatie uit in diens eigen sessie (niet met 'Als administrator uitvoeren' of "
           "'Als andere gebruiker uitvoeren'); beheerdersrechten zijn niet nodig.")
    if signed_in and running and signed_in.split("\\")[-1].lower() != running.lower():
        raise InstallProblem(f"deze installatie draait als {running}, maar aan de pc is "
                             f"{signed_in} aangemeld: de invoegtoepassing en de instellingen "
                             f"zouden in het profiel van {running} komen. {how}")
    profile = env.get("USERPROFILE")
    if not profile:
        return
    for label, folder in (("XLSTART", loc.xlstart), ("de map met instellingen", loc.conf_dir),
                          ("de omgeving", loc.venv)):
        other = other_profile(folder, Path(profile))
        if other is not None:
            raise InstallProblem(f"{label} ({folder}) ligt in het profiel van een andere "
                                 f"gebruiker ({other}), niet in dat van {running or profile}. {how}")


# --- the record -----------------------------------------------------------------------------

@dataclass
class Record:
    """What one installation made, for --uninstall (installatie.json)."""

    version: str = ""
    venv: str = ""
    venv_created: bool = False
    interpreter: str = ""
    pythonpath: str = ""
    xlam: str = ""
    conf: str = ""
    conf_created: bool = False
    conf_settings: dict[str, str] = field(default_factory=dict)
    folders_created: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path) -> "Record | None":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise InstallProblem(f"{path}: het installatieverslag kan niet gelezen worden "
                                 f"({exc}); verwijder het bestand of herstel het") from None
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False) + "\n",
                       encoding="utf-8")
        os.replace(tmp, path)


# --- steps ----------------------------------------------------------------------------------

def _child_env() -> dict[str, str]:
    """The environment of the programs the installer starts: without PYTHONPATH (that points at
    the source the installer runs from, not at what it installs)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def _run(cmd: list, what: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([str(c) for c in cmd], capture_output=True, text=True,
                              env=_child_env(), encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InstallProblem(f"{what}: {cmd[0]} kan niet gestart worden ({exc.strerror or exc})") \
            from None


def _make_folder(folder: Path, created: list[str]) -> None:
    """Make a folder and its missing parents, remembering each one made."""
    missing = []
    p = Path(os.path.abspath(folder))
    while not p.exists():
        missing.append(p)
        p = p.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InstallProblem(f"{folder}: de map kan niet gemaakt worden ({exc.strerror or exc}); "
                             f"kies een map waarin u mag schrijven") from None
    created.extend(str(m) for m in reversed(missing))


def make_venv(venv: Path, say) -> bool:
    """The virtual environment: True when it was made now, False when it was there."""
    py = venv_python(venv)
    if py.is_file():
        say(f"Omgeving {venv}: bestaat al, wordt hergebruikt.")
        return False
    if sys.version_info[:2] < MIN_PYTHON:
        raise InstallProblem(f"Python {sys.version_info[0]}.{sys.version_info[1]} ({sys.executable}) "
                             f"is te oud; Partnerkeuze heeft Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} "
                             f"of nieuwer nodig")
    if venv.exists() and any(venv.iterdir()):
        raise InstallProblem(f"{venv}: deze map bestaat al en is geen virtuele omgeving; kies een "
                             f"andere map met --venv of maak ze leeg")
    say(f"Omgeving {venv}: wordt gemaakt met {sys.executable}.")
    proc = _run([sys.executable, "-m", "venv", venv], "de virtuele omgeving maken")
    if proc.returncode != 0 or not py.is_file():
        raise InstallProblem(f"{venv}: de virtuele omgeving kon niet gemaakt worden: "
                             f"{_tail(proc.stderr or proc.stdout)}")
    return True


def _tail(text: str, lines: int = 6) -> str:
    kept = [line for line in text.strip().splitlines() if line.strip()]
    return " / ".join(kept[-lines:]) or "(geen uitleg)"


def copy_source(source: Path, into: Path) -> Path:
    """A copy of what pip needs of the source folder (no caches, no build folders)."""
    target = into / "partnerkeuze-bron"
    target.mkdir()
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build", "~$*")
    for name in SOURCE_PARTS:
        src = source / name
        if src.is_dir():
            shutil.copytree(src, target / name, ignore=skip)
        elif src.is_file():
            shutil.copy2(src, target / name)
    return target


def pip_install(py: Path, source: Path, pip_options: list[str], index: str, say) -> None:
    """The pinned packages and Partnerkeuze itself into the environment of ``py``."""
    say(f"Pakketten (requirements.txt) en Partnerkeuze installeren met pip (bron: {index}).")
    with tempfile.TemporaryDirectory(prefix="partnerkeuze-install-") as tmp:
        copy = copy_source(source, Path(tmp))
        proc = _run([py, "-m", "pip", "install", "--disable-pip-version-check", *pip_options,
                     "-r", copy / "requirements.txt", copy], "pip")
    if proc.returncode == 0:
        return
    out = (proc.stdout or "") + "\n" + (proc.stderr or "")
    if any(word in out for word in UNREACHABLE):
        missing = ""
        for line in out.splitlines():
            if "No matching distribution found for" in line:
                missing = f"; pip kon {line.split('found for', 1)[1].strip()} niet ophalen"
                break
        raise InstallProblem(f"de pakketbron {index} is niet bereikbaar vanaf deze pc{missing}. "
                             f"Controleer de netwerkverbinding en de proxy, of geef een bereikbare "
                             f"bron met --index-url of een map met pakketten met --find-links. "
                             f"Er is niets geïnstalleerd.")
    raise InstallProblem(f"pip kon de pakketten niet installeren (afsluitcode {proc.returncode}): "
                         f"{_tail(out)}")


def installed_info(py: Path) -> dict[str, str]:
    """What the environment of ``py`` has now: Partnerkeuze's version and the folder of the
    worksheet functions' module (both imported there, the way Excel will)."""
    code = ("import json, os, partnerkeuze, partnerkeuze_udfs; print(json.dumps({'version': "
            "partnerkeuze.__version__, 'udfs': os.path.dirname(os.path.abspath("
            "partnerkeuze_udfs.__file__))}))")
    proc = _run([py, "-c", code], "de installatie controleren")
    if proc.returncode != 0:
        raise InstallProblem(f"Partnerkeuze is geïnstalleerd maar laadt niet in {py}: "
                             f"{_tail(proc.stderr)}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def build_addin(py: Path, xlam: Path, pythonpath: str, say) -> None:
    """`partnerkeuze addin` of the installed version, interpreter and PYTHONPATH baked in."""
    from partnerkeuze.app.addin.doctor import is_partnerkeuze_addin

    if xlam.exists() and not is_partnerkeuze_addin(xlam):
        raise InstallProblem(f"{xlam} bestaat al en is geen Partnerkeuze-invoegtoepassing; hernoem "
                             f"of verwijder dat bestand, of kies een andere map met --xlstart")
    say(f"Invoegtoepassing {xlam} bouwen (ingebouwd: {py}).")
    proc = _run([py, "-m", "partnerkeuze", "addin", xlam, "--interpreter", py,
                 "--pythonpath", pythonpath], "partnerkeuze addin")
    if proc.returncode != 0:
        why = (proc.stderr or proc.stdout).strip().removeprefix("Fout: ")
        raise InstallProblem(f"de invoegtoepassing kon niet geschreven worden: {why}. Sluit Excel "
                             f"(het houdt de invoegtoepassing open) en voer de installatie opnieuw uit")


def run_doctor(py: Path, xlam: Path) -> tuple[bool, str]:
    """`partnerkeuze doctor --addin XLAM` in the installed environment: (ok, its report)."""
    proc = _run([py, "-m", "partnerkeuze", "doctor", "--addin", xlam], "partnerkeuze doctor")
    return proc.returncode == 0, (proc.stdout or "") + (proc.stderr or "")


@dataclass
class Outcome:
    """What install or uninstall did: lines to show, notes (Let op), and the exit code."""

    lines: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    code: int = 0


def install(loc: Locations, source: Path | None, pip_options: list[str] | None = None,
            index: str | None = None, signed_in: str | None = None, doctor: bool = True,
            say=print) -> Outcome:
    """Install (or update) Partnerkeuze for this user at ``loc``; InstallProblem names what is
    wrong on this PC. What this run made is undone when a later step fails."""
    from partnerkeuze.app.addin.conf_file import add_settings

    out = Outcome()
    if source is None or not (source / "requirements.txt").is_file():
        raise FileError(f"geen bron van Partnerkeuze gevonden"
                        f"{f' in {source} (requirements.txt ontbreekt)' if source else ''}; geef "
                        f"de map met de broncode met --source")
    refuse_other_user(loc, signed_in=signed_in)
    previous = Record.read(loc.record)
    rec = Record(venv=str(loc.venv), xlam=str(loc.xlam), conf=str(loc.conf))
    if previous is not None and previous.venv == rec.venv:
        rec.venv_created = previous.venv_created
    if previous is not None:
        rec.folders_created = list(previous.folders_created)
        rec.conf_created = previous.conf_created
    made_now: list[str] = []
    venv_made = False
    try:
        _make_folder(loc.venv.parent, made_now)
        venv_made = make_venv(loc.venv, say)
        rec.venv_created = rec.venv_created or venv_made
        py = venv_python(loc.venv)
        pip_install(py, source, list(pip_options or []), index or DEFAULT_INDEX, say)
        info = installed_info(py)
        rec.version, rec.interpreter, rec.pythonpath = info["version"], str(py), info["udfs"]
        _make_folder(loc.xlstart, made_now)
        build_addin(py, loc.xlam, rec.pythonpath, say)
    except BaseException:
        if venv_made:
            shutil.rmtree(loc.venv, ignore_errors=True)
        for folder in reversed(made_now):
            _remove_empty(Path(folder))
        raise
    conf_existed = loc.conf.exists()
    _make_folder(loc.conf_dir, made_now)
    written, notes = add_settings(loc.conf, {"Interpreter_Win": str(py),
                                             "PYTHONPATH": rec.pythonpath},
                                  ours=previous.conf_settings if previous else None)
    rec.conf_created = rec.conf_created or not conf_existed
    rec.conf_settings = written
    rec.folders_created += [f for f in made_now if f not in rec.folders_created]
    rec.write(loc.record)
    out.notes += notes
    say(f"Instellingen {loc.conf}: " + (", ".join(f"{k} = {v}" for k, v in written.items())
                                         or "ongewijzigd") + ".")
    say(f"Installatieverslag {loc.record} (voor --uninstall).")
    if doctor:
        ok, report = run_doctor(py, loc.xlam)
        out.lines.append(report.rstrip())
        if not ok:
            out.code = 1
            out.notes.append("partnerkeuze doctor vond fouten: herstel de regels met [FOUT] "
                             "hierboven en voer de installatie opnieuw uit.")
    return out


def _remove_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass


def uninstall(loc: Locations, say=print) -> Outcome:
    """Remove what the installation recorded in installatie.json made, and nothing else."""
    from partnerkeuze.app.addin.conf_file import remove_settings
    from partnerkeuze.app.addin.doctor import is_partnerkeuze_addin

    out = Outcome()
    rec = Record.read(loc.record)
    if rec is None:
        say(f"Niets te verwijderen: geen installatieverslag {loc.record} (al verwijderd, of "
            f"geïnstalleerd met een andere --conf-dir).")
        return out
    xlam = Path(rec.xlam)
    if xlam.exists():
        if is_partnerkeuze_addin(xlam):
            try:
                xlam.unlink()
            except OSError as exc:
                raise InstallProblem(f"{xlam} kan niet verwijderd worden ({exc.strerror or exc}); "
                                     f"sluit Excel en probeer opnieuw") from None
            say(f"Invoegtoepassing {xlam}: verwijderd.")
        else:
            out.notes.append(f"{xlam} is geen Partnerkeuze-invoegtoepassing meer en blijft staan.")
    if rec.conf_settings and Path(rec.conf).exists():
        out.notes += remove_settings(Path(rec.conf), rec.conf_settings)
        say(f"Instellingen {rec.conf}: {', '.join(rec.conf_settings)} verwijderd"
            + (" (het bestand was leeg en is weg)." if not Path(rec.conf).exists() else "."))
    venv = Path(rec.venv)
    if rec.venv_created and venv.exists():
        if Path(sys.prefix).resolve() == venv.resolve():
            out.notes.append(f"De omgeving {venv} is in gebruik door dit programma; verwijder de "
                             f"map met de hand als het klaar is.")
        else:
            try:
                shutil.rmtree(venv)
            except OSError as exc:
                raise InstallProblem(f"{venv} kan niet helemaal verwijderd worden "
                                     f"({exc.strerror or exc}); sluit Excel (de Python van de "
                                     f"werkbladfuncties gebruikt deze omgeving) en probeer "
                                     f"opnieuw") from None
            say(f"Omgeving {venv}: verwijderd.")
    elif venv.exists():
        say(f"Omgeving {venv}: bestond al voor de installatie en blijft staan.")
    loc.record.unlink()
    for folder in sorted(rec.folders_created, key=len, reverse=True):
        _remove_empty(Path(folder))
    say("Partnerkeuze is verwijderd.")
    return out
