"""The modules of the add-in's VBA project, from the .bas/.cls sources and installed xlwings."""

from __future__ import annotations

from pathlib import Path

from partnerkeuze.addin.ovba import CLASS, DOCUMENT, STD, Module
from partnerkeuze.errors import FileError

VBA_DIR = Path(__file__).resolve().parent / "vba"
PROJECT = "Partnerkeuze"
PROJECT_NAME_CONST = "partnerkeuze"  # xlwings' PROJECT_NAME: config sheet 'partnerkeuze.conf'
XLWINGS_NAME_LINE = 'Public Const PROJECT_NAME As String = "myaddin"'


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")


def _without_class_header(text: str) -> str:
    """A .cls export without its VERSION/BEGIN..END header (not part of the stored source)."""
    lines = text.split("\n")
    if lines and lines[0].startswith("VERSION "):
        end = lines.index("END")
        lines = lines[end + 1:]
    return "\n".join(lines)


def xlwings_dir() -> Path:
    """The folder of the installed xlwings package."""
    import importlib.util

    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.origin:
        raise FileError("xlwings is niet geïnstalleerd: pip install xlwings")
    return Path(spec.origin).parent


def xlwings_module() -> str:
    """xlwings' custom add-in module with its project name set to ours."""
    text = _text(xlwings_dir() / "xlwings_custom_addin.bas")
    if text.count(XLWINGS_NAME_LINE) != 1:
        raise FileError("de geïnstalleerde xlwings-versie heeft een onbekende add-inmodule "
                        "(PROJECT_NAME niet gevonden)")
    return text.replace(XLWINGS_NAME_LINE, XLWINGS_NAME_LINE.replace("myaddin",
                                                                     PROJECT_NAME_CONST))


def modules() -> list[Module]:
    """Every module of the project, in a fixed order."""
    return [
        Module("ThisWorkbook", DOCUMENT, _text(VBA_DIR / "ThisWorkbook.cls")),
        Module("Sheet1", DOCUMENT, _text(VBA_DIR / "Sheet1.cls")),
        Module("xlwings", STD, xlwings_module()),
        Module("Dictionary", CLASS,
               _without_class_header(_text(xlwings_dir() / "addin" / "Dictionary.cls"))),
        Module("PartnerkeuzeRibbon", STD, _text(VBA_DIR / "PartnerkeuzeRibbon.bas")),
        Module("PartnerkeuzeFunctions", STD, _text(VBA_DIR / "PartnerkeuzeFunctions.bas")),
        Module("xlwings_udfs", STD, _text(VBA_DIR / "xlwings_udfs.bas")),
    ]
