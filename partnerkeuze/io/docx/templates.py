"""Where each Word template comes from: the municipality's own folder, else the built-in ones.

A municipality names a folder in Instellingen ('Map met eigen sjablonen', relative to the
workbook or absolute). Any single template in it (``letter_declined_fr.docx``,
``sdg_letter_en.docx``) replaces the built-in one; every other document keeps the built-in
template. The environment variable PARTNERKEUZE_TEMPLATES names a folder that holds a full set
(for the developers). A template that leaves out a required field (templates/README.md) is
refused with a message naming the template and the field.
"""

from __future__ import annotations

import os
from pathlib import Path

from partnerkeuze.kernel.errors import FileError
from partnerkeuze.kernel.paths import SOURCE_ROOT as ROOT

def _built_in() -> Path:
    """The built-in templates: templates/ of the source tree, else where `pip install` puts them
    (<prefix>/share/partnerkeuze/templates, pyproject.toml's data-files)."""
    import sys

    here = ROOT / "templates"
    if (here / "questionnaire_nl.docx").is_file():
        return here
    return Path(sys.prefix) / "share" / "partnerkeuze" / "templates"


BUILT_IN = _built_in()
SETTING = "template_dir"
SETTING_LABEL = "Map met eigen sjablonen"

def base_folder() -> Path:
    """The folder of the full set of templates: PARTNERKEUZE_TEMPLATES, else the built-in one."""
    env = os.environ.get("PARTNERKEUZE_TEMPLATES")
    return Path(env) if env else BUILT_IN


def own_folder(model, base_dir: Path | None) -> Path | None:
    """The municipality's template folder named in Instellingen, or None when not set."""
    value = (getattr(model.settings, "values", None) or {}).get(SETTING)
    if value is None or not str(value).strip():
        return None
    folder = Path(str(value).strip()).expanduser()
    if not folder.is_absolute() and base_dir is not None:
        folder = base_dir / folder
    if not folder.is_dir():
        raise FileError(f"Instellingen, '{SETTING_LABEL}': de map {folder} bestaat niet. Maak "
                        f"de map aan of maak het veld leeg om de ingebouwde sjablonen te "
                        f"gebruiken.")
    return folder


def find(file_name: str, own: Path | None = None, *, subfolder: str = "") -> Path:
    """The template file to use: the own folder's, else the full set's (``subfolder``: 'sdg')."""
    places = []
    if own is not None:
        places += [own / file_name] + ([own / subfolder / file_name] if subfolder else [])
    base = base_folder()
    places.append(base / subfolder / file_name if subfolder else base / file_name)
    for path in places:
        if path.is_file():
            return path
    raise FileError(f"sjabloon {places[-1]}: bestand niet gevonden; het ingebouwde sjabloon "
                    f"ontbreekt (installeer Partnerkeuze opnieuw, of maak de sjablonen opnieuw "
                    f"met 'python scripts/build_templates.py')")


def load(file_name: str, own: Path | None = None, *, subfolder: str = "",
         required: set[str] | frozenset[str] = frozenset()):
    """The compiled template for a file name, checked for the fields it must show."""
    from partnerkeuze.io.docx.render import compiled

    path = find(file_name, own, subfolder=subfolder)
    tpl = compiled(path)
    missing = sorted(set(required) - tpl.variables())
    if missing:
        names = ", ".join("{{ " + m + " }}" for m in missing)
        raise FileError(f"sjabloon {path}: het verplichte gegeven {names} ontbreekt. Zet het "
                        f"terug in het sjabloon (zie templates/README.md) of verwijder het "
                        f"sjabloon uit de map om het ingebouwde te gebruiken.")
    return tpl
