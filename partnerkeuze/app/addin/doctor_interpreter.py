"""doctor's checks of the interpreter Excel will start (Interpreter_Win of the settings), not of
the Python doctor itself runs in: does it start, which xlwings does it have, does it load the
worksheet functions' module with the configured PYTHONPATH, and is the xlwings DLL beside it in
the bitness that Excel must have."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

# Run in the configured interpreter: sys.argv[1] is the PYTHONPATH the add-in gives it (';').
PROBE = r"""
import json, os, struct, sys
sys.path[0:0] = [p for p in sys.argv[1].split(";") if p.strip()]
out = {"version": "%d.%d.%d" % sys.version_info[:3], "bits": struct.calcsize("P") * 8}
try:
    from importlib.metadata import version
    out["xlwings"] = version("xlwings")
except Exception:
    out["xlwings"] = None
try:
    import partnerkeuze_udfs
    out["udfs"] = os.path.dirname(os.path.abspath(partnerkeuze_udfs.__file__))
except Exception as exc:
    out["udfs_error"] = "%s: %s" % (type(exc).__name__, exc)
print(json.dumps(out))
"""
EXCEL_BITNESS_HOW = ("Welke Excel u hebt: Bestand › Account › Info over Excel (bovenaan staat "
                     "'32-bits' of '64-bits')")


def probe(interpreter: str, pythonpath: str = "", timeout: int = 120) -> dict:
    """What the interpreter reports about itself (version, bits, xlwings, where it loads
    partnerkeuze_udfs from), or {'error': reason} when it does not start or answer."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    try:
        proc = subprocess.run([interpreter, "-c", PROBE, pythonpath], capture_output=True,
                              text=True, timeout=timeout, env=env)
    except (OSError, subprocess.SubprocessError) as exc:
        return {"error": getattr(exc, "strerror", None) or str(exc)}
    if proc.returncode != 0:
        lines = [line for line in proc.stderr.strip().splitlines() if line.strip()]
        return {"error": lines[-1] if lines else f"afsluitcode {proc.returncode}"}
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"error": "onverwacht antwoord"}


def dll_places(interpreter: str) -> list[Path]:
    """Where the add-in's VBA looks for the xlwings DLL: beside python.exe and one folder up."""
    exe = Path(interpreter)
    return [exe.parent, exe.parent.parent]


def check_dll(rep, interpreter: str, bits: int, xlwings_version: str) -> None:
    """The xlwings DLL of the right bitness beside the interpreter Excel starts (Windows)."""
    from partnerkeuze.app.addin.doctor_report import FAIL, INFO, OK

    dll = f"xlwings{bits}-{xlwings_version}.dll"
    other = f"xlwings{96 - bits}-{xlwings_version}.dll"
    places = dll_places(interpreter)
    found = next((p / dll for p in places if (p / dll).is_file()), None)
    need = (f"Excel moet {bits}-bits zijn, zoals deze Python ({interpreter}). {EXCEL_BITNESS_HOW}; "
            f"bij een {96 - bits}-bits Excel hoort een {96 - bits}-bits Python.")
    if found:
        rep.add(OK, "xlwings-DLL", str(found))
        rep.add(INFO, "Bitness", need)
        return
    wrong = next((p / other for p in places if (p / other).is_file()), None)
    where = " of ".join(str(p) for p in places)
    if wrong:
        rep.add(FAIL, "xlwings-DLL", f"{dll} niet gevonden in {where}, wel {wrong}: Python en de "
                f"DLL verschillen in bitness. {need}",
                f"installeer xlwings=={xlwings_version} opnieuw in deze omgeving "
                f"(pip install --force-reinstall xlwings=={xlwings_version})")
    else:
        rep.add(FAIL, "xlwings-DLL", f"{dll} niet gevonden in {where}. {need}",
                f"pip install --force-reinstall xlwings=={xlwings_version} met {interpreter}, "
                f"of voer 'partnerkeuze install' opnieuw uit")


def check_pythonpath(rep, pythonpath: str, user: Path) -> None:
    """Every folder of the configured PYTHONPATH exists."""
    from partnerkeuze.app.addin.doctor_report import WARN

    for folder in (p.strip() for p in pythonpath.split(";")):
        if folder and not Path(os.path.expandvars(folder)).is_dir():
            rep.add(WARN, "PYTHONPATH", f"de map {folder} bestaat niet",
                    f"verbeter PYTHONPATH in {user} of maak de regel leeg")


def check_udfs(rep, found: dict, interpreter: str, pythonpath: str, user: Path) -> None:
    """The worksheet functions' module as the configured interpreter loads it."""
    import importlib.util

    from partnerkeuze.app.addin.doctor_report import FAIL, OK

    if found.get("udfs"):
        rep.add(OK, "Werkbladfuncties", f"partnerkeuze_udfs.py in {found['udfs']} (geladen door "
                f"{interpreter})")
        return
    spec = importlib.util.find_spec("partnerkeuze_udfs")
    here = Path(spec.origin).parent if spec and spec.origin else None
    fix = (f'zet "PYTHONPATH","{here}" in {user}' if here is not None and here.is_dir()
           else "voer 'partnerkeuze install' opnieuw uit (het installeert de module met Partnerkeuze)")
    rep.add(FAIL, "Werkbladfuncties", f"{interpreter} kan partnerkeuze_udfs niet laden "
            f"({found.get('udfs_error', '?')}): de PK_-functies geven 'module not found'", fix)
