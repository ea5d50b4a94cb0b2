"""`partnerkeuze doctor` and the ribbon's *Diagnose*: is this PC ready for Partnerkeuze?

Each check says what it found and, when something is wrong, what to do, in Dutch. It runs on
the parts that exist on the machine (a Linux or Mac PC has no xlwings DLL and no Excel add-in
folder: those checks say so instead of failing).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from partnerkeuze.app.addin.doctor_report import FAIL, INFO, OK, WARN, Report

# Runtime distributions and their import name (requirements.txt).
PACKAGES = (("openpyxl", "openpyxl"), ("numpy", "numpy"), ("pandas", "pandas"),
            ("python-docx", "docx"), ("docxtpl", "docxtpl"), ("Jinja2", "jinja2"),
            ("babel", "babel"), ("matplotlib", "matplotlib"), ("holidays", "holidays"),
            ("icalendar", "icalendar"), ("schedule", "schedule"), ("scipy", "scipy"),
            ("defusedxml", "defusedxml"), ("xlwings", "xlwings"))
MIN_PYTHON = (3, 11)


def check_python(rep: Report) -> None:
    """The interpreter: version and whether it runs in a virtual environment."""
    v = sys.version_info
    where = sys.executable
    if (v.major, v.minor) < MIN_PYTHON:
        rep.add(FAIL, "Python", f"versie {v.major}.{v.minor} in {where}",
                f"installeer Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} of nieuwer en maak de "
                f"virtuele omgeving opnieuw ('partnerkeuze install')")
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


def check_dll(rep: Report, interpreter: str | None = None, windows: bool | None = None,
              bits: int | None = None) -> None:
    """The xlwings DLL next to the interpreter Excel starts, where the add-in's VBA looks for it
    (Windows), in that interpreter's bitness (doctor_interpreter.py)."""
    from partnerkeuze.app.addin.vba_sources import XLWINGS_VERSION
    from partnerkeuze.app.addin.doctor_interpreter import check_dll as beside

    bits = bits or (64 if sys.maxsize > 2**32 else 32)
    windows = os.name == "nt" if windows is None else windows
    if not windows:
        rep.add(INFO, "xlwings-DLL", f"xlwings{bits}-{XLWINGS_VERSION}.dll is alleen nodig op "
                f"Windows (deze pc: {sys.platform})")
        return
    beside(rep, interpreter or sys.executable, bits, XLWINGS_VERSION)


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
                    "installeer ze met 'partnerkeuze install'")
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
                    "--pythonpath ('partnerkeuze install' doet het)")
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
               baked: dict | None = None, windows: bool | None = None) -> dict:
    """The conf files beside the workbook and in the user folder, then what the add-in has built
    in (the add-in's lookup order); then the interpreter those settings name, the worksheet
    functions' module and the xlwings DLL as that interpreter sees them. Returns the settings."""
    from partnerkeuze.app.addin.config import (
        directory_conf_path,
        read_conf_file,
        resolve,
        user_conf_path)

    windows = os.name == "nt" if windows is None else windows
    user = user_conf_path(home)
    beside = directory_conf_path(workbook)
    config = resolve(workbook_path=workbook, home=home, baked=baked)
    for label, path in (("Instellingen (gebruiker)", user), ("Instellingen (naast de werkmap)", beside)):
        if path is None:
            continue
        if not path.is_file():
            rep.add(INFO, label, f"{path} bestaat niet")
            continue
        values = read_conf_file(path)
        filled = sorted(k for k, v in values.items() if v.strip())
        empty = sorted(k for k, v in values.items() if not v.strip())
        if not empty:
            rep.add(OK if filled else WARN, label,
                    f"{path}: {', '.join(filled) if filled else 'geen instellingen'}")
            continue
        # an empty value does not count: the next layer's value holds, or none at all
        unfilled = [k for k in empty if not config.get(k)]
        rep.add(FAIL if windows and unfilled else WARN, label,
                f"{path}: leeg: {', '.join(empty)}"
                + (f"; ingevuld: {', '.join(filled)}" if filled else "")
                + (f" (en geen andere laag vult {', '.join(unfilled)} in)" if unfilled else
                   " (een lege waarde telt niet: de ingebouwde of volgende waarde geldt)"),
                "vul de lege waarden in of verwijder die regels ('partnerkeuze install' vult "
                "Interpreter_Win en PYTHONPATH in)")
    check_interpreter(rep, config, user, windows)
    return config


def check_interpreter(rep: Report, config: dict, user: Path, windows: bool) -> None:
    """The interpreter Excel starts (Interpreter_Win; elsewhere also Interpreter_Mac or this
    Python), what it loads, and the xlwings DLL beside it."""
    from partnerkeuze.app.addin.vba_sources import XLWINGS_VERSION
    from partnerkeuze.app.addin.doctor_interpreter import check_pythonpath, probe
    from partnerkeuze.app.addin.doctor_interpreter import check_udfs as udfs_seen_by

    if windows:
        interp = config.get("INTERPRETER_WIN")
    else:
        interp = (config.get("INTERPRETER_MAC") or config.get("INTERPRETER_WIN")
                  or config.get("INTERPRETER"))
    pythonpath = config.get("PYTHONPATH", "")
    check_pythonpath(rep, pythonpath, user)
    if not interp and windows:
        rep.add(FAIL, "Interpreter", "geen Interpreter_Win in de instellingen of de "
                "invoegtoepassing: Excel start dan 'python' uit het PATH zonder de xlwings-DLL "
                "te laden, en elke knop faalt",
                f"voer 'partnerkeuze install' uit, of zet \"Interpreter_Win\",\"{sys.executable}\" "
                f"in {user}")
        return
    if not interp:
        rep.add(INFO, "Interpreter", f"geen Interpreter_Win of Interpreter_Mac in de instellingen; "
                f"nagegaan met deze Python ({sys.executable})")
        interp = sys.executable
    elif not Path(os.path.expandvars(interp)).is_file():
        rep.add(FAIL, "Interpreter", f"{interp} bestaat niet",
                f"verbeter Interpreter_Win in {user} (bv. {sys.executable}) of voer "
                f"'partnerkeuze install' opnieuw uit")
        rep.add(INFO, "Werkbladfuncties", "niet nagegaan: de interpreter bestaat niet")
        return
    interp = os.path.expandvars(interp)
    found = probe(interp, os.path.expandvars(pythonpath))
    if "error" in found:
        rep.add(FAIL, "Interpreter", f"{interp} start niet ({found['error']})",
                "installeer de omgeving opnieuw met 'partnerkeuze install'")
        return
    rep.add(OK, "Interpreter", f"{interp} (Python {found['version']}, {found['bits']}-bits)")
    if found.get("xlwings") != XLWINGS_VERSION and interp != sys.executable:
        rep.add(FAIL, "xlwings", f"{interp} heeft xlwings {found.get('xlwings') or 'niet'}; de "
                f"invoegtoepassing hoort bij {XLWINGS_VERSION}",
                f"pip install xlwings=={XLWINGS_VERSION} met {interp}")
    udfs_seen_by(rep, found, interp, pythonpath, user)
    check_dll(rep, interp, windows, found["bits"])


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
             home: str | Path | None = None, windows: bool | None = None) -> Report:
    """Every check, in the order IT should fix them (windows: check as on Windows; default:
    whether this PC runs Windows)."""
    import tempfile

    rep = Report()
    wb = Path(workbook) if workbook else None
    if wb is not None and not wb.is_file():
        rep.add(FAIL, "Werkmap", f"{wb} niet gevonden", "geef het pad van een bestaande werkmap")
        wb = None
    check_python(rep)
    check_packages(rep)
    baked = check_addin(rep, addin)
    config = check_conf(rep, wb, home, baked, windows)
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
