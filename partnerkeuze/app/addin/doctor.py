"""`partnerkeuze doctor` and the ribbon's *Diagnose*: is this PC ready for Partnerkeuze?

Each check says what it found and, when something is wrong, what to do, in Dutch. It runs on
the parts that exist on the machine (a Linux or Mac PC has no xlwings DLL and no Excel add-in
folder: those checks say so instead of failing).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from partnerkeuze.kernel.paths import SOURCE_ROOT

OK, WARN, FAIL, INFO = "OK", "LET OP", "FOUT", "INFO"

# Runtime distributions and their import name (requirements.txt).
PACKAGES = (("openpyxl", "openpyxl"), ("numpy", "numpy"), ("pandas", "pandas"),
            ("python-docx", "docx"), ("docxtpl", "docxtpl"), ("Jinja2", "jinja2"),
            ("babel", "babel"), ("matplotlib", "matplotlib"), ("holidays", "holidays"),
            ("icalendar", "icalendar"), ("schedule", "schedule"), ("scipy", "scipy"),
            ("defusedxml", "defusedxml"), ("xlwings", "xlwings"))
MIN_PYTHON = (3, 11)


@dataclass
class Finding:
    """One check's outcome: level (OK, LET OP, FOUT, INFO), what was checked, what to do."""

    level: str
    topic: str
    text: str
    fix: str = ""

    def lines(self) -> list[str]:
        """The finding as printed: '[LEVEL] topic: text' and an indented fix."""
        out = [f"[{self.level}] {self.topic}: {self.text}"]
        if self.fix:
            out.append(f"        Oplossing: {self.fix}")
        return out


@dataclass
class Report:
    """Every finding of a diagnosis, in the order of the checks."""

    findings: list[Finding] = field(default_factory=list)

    def add(self, level: str, topic: str, text: str, fix: str = "") -> None:
        self.findings.append(Finding(level, topic, text, fix))

    @property
    def failed(self) -> bool:
        return any(f.level == FAIL for f in self.findings)

    def text(self) -> str:
        lines = [line for f in self.findings for line in f.lines()]
        n_fail = sum(f.level == FAIL for f in self.findings)
        n_warn = sum(f.level == WARN for f in self.findings)
        lines.append("")
        lines.append("Alles in orde: Partnerkeuze kan werken op deze pc." if not n_fail and not n_warn
                     else f"{n_fail} fout(en) en {n_warn} waarschuwing(en): herstel ze in deze volgorde "
                          f"en voer 'partnerkeuze doctor' opnieuw uit.")
        return "\n".join(lines)


def check_python(rep: Report) -> None:
    """The interpreter: version and whether it runs in a virtual environment."""
    v = sys.version_info
    where = sys.executable
    if (v.major, v.minor) < MIN_PYTHON:
        rep.add(FAIL, "Python", f"versie {v.major}.{v.minor} in {where}",
                f"installeer Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} of nieuwer en maak de "
                f"virtuele omgeving opnieuw (scripts/install-partnerkeuze.ps1)")
        return
    venv = sys.prefix != getattr(sys, "base_prefix", sys.prefix)
    rep.add(OK if venv else WARN, "Python", f"versie {v.major}.{v.minor}.{v.micro} in {where}"
            + ("" if venv else " (geen virtuele omgeving)"),
            "" if venv else "gebruik een eigen virtuele omgeving voor Partnerkeuze, zodat andere "
                            "programma's de pakketten niet wijzigen")


def check_packages(rep: Report) -> None:
    """The runtime packages, and xlwings at exactly the version the add-in names."""
    from importlib.metadata import PackageNotFoundError, version

    from partnerkeuze.app.addin.vba_sources import XLWINGS_VERSION

    missing = []
    for dist, _module in PACKAGES:
        try:
            version(dist)
        except PackageNotFoundError:
            missing.append(dist)
    if missing:
        rep.add(FAIL, "Pakketten", f"ontbreken: {', '.join(missing)}",
                "pip install -r requirements.txt in de virtuele omgeving van Partnerkeuze")
    else:
        rep.add(OK, "Pakketten", f"alle {len(PACKAGES)} pakketten zijn geïnstalleerd")
    try:
        xv = version("xlwings")
    except PackageNotFoundError:
        return
    if xv != XLWINGS_VERSION:
        rep.add(FAIL, "xlwings", f"versie {xv}; de invoegtoepassing hoort bij {XLWINGS_VERSION}",
                f"pip install xlwings=={XLWINGS_VERSION}")
    else:
        rep.add(OK, "xlwings", f"versie {xv}, dezelfde als in de invoegtoepassing")


def check_dll(rep: Report, interpreter: str | None = None) -> None:
    """The xlwings DLL next to the interpreter, where the add-in's VBA looks for it (Windows)."""
    from partnerkeuze.app.addin.vba_sources import XLWINGS_VERSION

    bits = "64" if sys.maxsize > 2**32 else "32"
    dll = f"xlwings{bits}-{XLWINGS_VERSION}.dll"
    if os.name != "nt":
        rep.add(INFO, "xlwings-DLL", f"{dll} is alleen nodig op Windows (deze pc: {sys.platform})")
        return
    exe = Path(interpreter or sys.executable)
    places = [exe.parent / dll, exe.parent.parent / dll]
    found = next((p for p in places if p.is_file()), None)
    if found:
        rep.add(OK, "xlwings-DLL", f"{found}")
    else:
        rep.add(FAIL, "xlwings-DLL", f"{dll} niet gevonden in {places[0].parent} of "
                f"{places[1].parent}", f"pip install --force-reinstall xlwings=={XLWINGS_VERSION}")


def addin_folders() -> list[Path]:
    """Where Excel loads add-ins from on this PC (Windows: AddIns and XLSTART of the user)."""
    appdata = os.environ.get("APPDATA")
    if not appdata:
        return []
    base = Path(appdata) / "Microsoft"
    return [base / "AddIns", base / "Excel" / "XLSTART"]


def is_partnerkeuze_addin(path: Path) -> str | None:
    """The Partnerkeuze version an .xlam was built for, or None when it is not ours."""
    import re
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "customUI/customUI14.xml" not in names or "docProps/core.xml" not in names:
                return None
            core = zf.read("docProps/core.xml").decode("utf-8", "replace")
            if b'id="pkTab"' not in zf.read("customUI/customUI14.xml"):
                return None
    except (OSError, zipfile.BadZipFile, KeyError):
        return None
    m = re.search(r"Partnerkeuze-invoegtoepassing ([^<]+)<", core)
    return m.group(1) if m else "?"


def check_addin(rep: Report, addin: str | Path | None = None) -> dict[str, str]:
    """The add-in file: given, or found in Excel's add-in folders; built for this version.
    Returns the settings built into it (partnerkeuze addin --interpreter/--pythonpath)."""
    from partnerkeuze.kernel.version import __version__

    candidates = [Path(addin)] if addin else [p for d in addin_folders() if d.is_dir()
                                              for p in sorted(d.glob("*.xlam"))]
    ours = [(p, is_partnerkeuze_addin(p)) for p in candidates if p.is_file()]
    ours = [(p, v) for p, v in ours if v]
    if addin and not Path(addin).is_file():
        rep.add(FAIL, "Invoegtoepassing", f"{addin} bestaat niet",
                "controleer het pad, of bouw ze met 'partnerkeuze addin Partnerkeuze.xlam'")
        return {}
    if addin and not ours:
        rep.add(FAIL, "Invoegtoepassing", f"{addin} is geen Partnerkeuze-invoegtoepassing",
                "bouw ze met 'partnerkeuze addin Partnerkeuze.xlam'")
        return {}
    if not ours:
        if addin_folders():
            rep.add(FAIL, "Invoegtoepassing", "geen Partnerkeuze-invoegtoepassing in "
                    + " of ".join(map(str, addin_folders())),
                    "installeer ze met scripts/install-partnerkeuze.ps1 of 'xlwings addin install "
                    "--file Partnerkeuze.xlam'")
        else:
            rep.add(INFO, "Invoegtoepassing", "geen map met Excel-invoegtoepassingen op deze pc; "
                    "geef het bestand met --addin om het te controleren")
        return {}
    from partnerkeuze.app.addin.package import read_baked

    baked: dict[str, str] = {}
    for path, built in ours:
        if built != __version__:
            rep.add(WARN, "Invoegtoepassing", f"{path} is gebouwd voor Partnerkeuze {built}, "
                    f"geïnstalleerd is {__version__}",
                    "bouw en installeer de invoegtoepassing opnieuw met dezelfde --interpreter en "
                    "--pythonpath (scripts/install-partnerkeuze.ps1)")
        else:
            rep.add(OK, "Invoegtoepassing", f"{path} (Partnerkeuze {built})")
        try:
            found = read_baked(path)
        except Exception:  # an unreadable sheet: the add-in check above already spoke
            found = {}
        if found:
            rep.add(INFO, "Ingebouwd", ", ".join(f"{k} = {v}" for k, v in sorted(found.items())))
        baked = baked or found
    return baked


def check_conf(rep: Report, workbook: Path | None, home: str | Path | None = None,
               baked: dict | None = None) -> dict:
    """The conf files beside the workbook and in the user folder, then what the add-in has built
    in (the add-in's lookup order); returns the settings."""
    from partnerkeuze.app.addin.config import (
        directory_conf_path,
        read_conf_file,
        resolve,
        user_conf_path)

    user = user_conf_path(home)
    beside = directory_conf_path(workbook)
    for label, path in (("Instellingen (gebruiker)", user), ("Instellingen (naast de werkmap)", beside)):
        if path is None:
            continue
        if path.is_file():
            keys = sorted(k for k, v in read_conf_file(path).items() if v)
            rep.add(OK, label, f"{path}: {', '.join(keys) if keys else 'geen ingevulde waarden'}")
        else:
            rep.add(INFO, label, f"{path} bestaat niet")
    config = resolve(workbook_path=workbook, home=home, baked=baked)
    interp = config.get("INTERPRETER_WIN") or config.get("INTERPRETER_MAC") or config.get("INTERPRETER")
    if not interp:
        rep.add(WARN if os.name == "nt" else INFO, "Interpreter", "geen Interpreter_Win in de instellingen: Excel gebruikt "
                "'python' uit het PATH (of de waarde die in de invoegtoepassing is ingebouwd)",
                f'zet "Interpreter_Win","{sys.executable}" in {user}')
    elif not Path(os.path.expandvars(interp)).is_file():
        rep.add(FAIL, "Interpreter", f"{interp} bestaat niet",
                f"verbeter Interpreter_Win in {user} (bv. {sys.executable})")
    else:
        rep.add(OK, "Interpreter", interp)
    check_udfs(rep, config.get("PYTHONPATH", ""), user)
    return config


def check_udfs(rep: Report, pythonpath: str, user: Path) -> None:
    """The module with the worksheet functions: on PYTHONPATH or importable as is."""
    import importlib.util

    folders = [Path(os.path.expandvars(p.strip())) for p in pythonpath.split(";") if p.strip()]
    hit = next((f for f in folders if (f / "partnerkeuze_udfs.py").is_file()), None)
    if hit:
        rep.add(OK, "Werkbladfuncties", f"partnerkeuze_udfs.py in {hit}")
    elif importlib.util.find_spec("partnerkeuze_udfs") is not None:
        rep.add(OK, "Werkbladfuncties", "partnerkeuze_udfs kan geladen worden")
    else:
        here = SOURCE_ROOT / "udfs"
        rep.add(FAIL, "Werkbladfuncties", "partnerkeuze_udfs.py niet gevonden (de PK_-functies "
                "geven 'module not found')",
                f'zet "PYTHONPATH","{here}" in {user}')


def check_write(rep: Report, folders: list[Path]) -> None:
    """Whether Partnerkeuze can create files in the folders it writes to."""
    import tempfile

    for folder in folders:
        try:
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".pk-doctor-", delete=True):
                pass
            rep.add(OK, "Schrijfrechten", str(folder))
        except OSError as exc:
            rep.add(FAIL, "Schrijfrechten", f"{folder}: {exc.strerror or exc}",
                    "kies een map waarin u mag schrijven (Partnerkeuze_Uitvoer) of vraag IT om "
                    "schrijfrechten")


def check_office(rep: Report) -> None:
    """Word or LibreOffice to turn documents into PDF."""
    import shutil

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    word = _word_installed()
    if word or soffice:
        found = ", ".join(x for x in ("Microsoft Word" if word else "", soffice or "") if x)
        rep.add(OK, "Word of LibreOffice", found)
    else:
        rep.add(WARN, "Word of LibreOffice", "niet gevonden: documenten worden .docx, geen PDF",
                "installeer Microsoft Word of LibreOffice")


def _word_installed() -> bool:
    """True when Word's COM server is registered (Windows)."""
    if os.name != "nt":
        return False
    try:
        import winreg

        winreg.CloseKey(winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application\CLSID"))
        return True
    except OSError:
        return False


def diagnose(workbook: str | Path | None = None, addin: str | Path | None = None,
             home: str | Path | None = None, interpreter: str | None = None) -> Report:
    """Every check, in the order IT should fix them."""
    import tempfile

    rep = Report()
    wb = Path(workbook) if workbook else None
    if wb is not None and not wb.is_file():
        rep.add(FAIL, "Werkmap", f"{wb} niet gevonden", "geef het pad van een bestaande werkmap")
        wb = None
    check_python(rep)
    check_packages(rep)
    check_dll(rep, interpreter)
    baked = check_addin(rep, addin)
    config = check_conf(rep, wb, home, baked)
    folders = [Path(tempfile.gettempdir())]
    out = config.get("PARTNERKEUZE_UITVOER")
    if out and Path(os.path.expandvars(out)).is_dir():
        folders.append(Path(os.path.expandvars(out)))
    if wb is not None:
        folders.append(wb.parent)
    check_write(rep, folders)
    check_office(rep)
    return rep


def diagnose_action(book=None, workbook_path=None, progress=None):
    """The ribbon's Diagnose: the report as the outcome's messages (first the problems)."""
    from partnerkeuze.kernel.port import Outcome

    rep = diagnose(workbook_path)
    out = Outcome()
    order = {FAIL: 0, WARN: 1, OK: 2, INFO: 3}
    for f in sorted(rep.findings, key=lambda f: order[f.level]):
        out.messages.append(f"[{f.level}] {f.topic}: {f.text}" + (f" → {f.fix}" if f.fix else ""))
    return out
