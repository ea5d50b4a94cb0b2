"""Opening a returned form defensively: size, type, zip and XML bombs checked before parsing.

Every check reads at most the declared (and capped) sizes of the package's parts, so a hostile
file is refused within bounded memory and time. Python's zipfile never inflates a member beyond
its declared size (it stops and the CRC check fails), so capping the declared sizes caps the work.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

MAX_FILE_BYTES = 10_000_000  # a filled-in form is some tens of kilobytes
MAX_PARTS = 400
MAX_PART_BYTES = 20_000_000  # uncompressed size of one part
MAX_TOTAL_BYTES = 60_000_000  # uncompressed size of all parts together
MAX_RATIO = 150  # uncompressed / compressed, for parts larger than RATIO_FLOOR
RATIO_FLOOR = 1_000_000
CHUNK = 1 << 16

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
FORBIDDEN_XML = (b"<!DOCTYPE", b"<!ENTITY")


class FormRefused(Exception):
    """A form that cannot be read; the message is Dutch and starts with the file name."""

    def __init__(self, path: Path, message: str):
        self.path = Path(path)
        self.reason = message
        super().__init__(f"{self.path.name}: {message}")


def file_hash(data: bytes) -> str:
    """The short SHA-256 of a file's bytes (as the log and the Invoer sheet show it)."""
    return hashlib.sha256(data).hexdigest()[:16]


def read_bytes(path: Path) -> bytes:
    """The bytes of a form, refusing files that are too large to be a form."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FormRefused(path, f"het bestand is {size // 1_000_000} MB groot; een formulier "
                                    f"is hoogstens {MAX_FILE_BYTES // 1_000_000} MB")
        if size == 0:
            raise FormRefused(path, "het bestand is leeg")
        return path.read_bytes()
    except OSError as exc:
        from partnerkeuze.kernel.errors import os_reason

        raise FormRefused(path, f"kan het bestand niet lezen ({os_reason(exc)})") from None


def _ole_message(data: bytes) -> str:
    if "EncryptedPackage".encode("utf-16-le") in data or \
            "EncryptionInfo".encode("utf-16-le") in data:
        return ("het formulier is met een wachtwoord beveiligd (versleuteld) en kan niet gelezen "
                "worden; vraag de kandidaat het zonder wachtwoord opnieuw te bewaren en te sturen")
    return ("dit is een ouder Office-bestand (bv. Excel 97-2003 .xls of Word .doc), geen "
            "ingevuld formulier (.xlsx); vraag de kandidaat het als .xlsx te bewaren")


# What each kind of form package must hold, and how a person calls it.
KINDS = {
    "xlsx": ("xl/workbook.xml", "Excel-bestand (.xlsx)"),
    "ods": ("content.xml", "OpenDocument-rekenblad (.ods)"),
    "docx": ("word/document.xml", "Word-document (.docx)"),
}


def kind_of(path: Path) -> str:
    """The kind of form a file name announces: xlsx, ods or docx."""
    suffix = Path(path).suffix.lower()
    return {".ods": "ods", ".docx": "docx"}.get(suffix, "xlsx")


def check_package(path: Path, data: bytes, kind: str = "xlsx") -> None:
    """Refuse anything but a sane package of the kind (.xlsx by default, .ods, .docx): type,
    sizes, ratios, XML with DTDs."""
    import io

    if data.startswith(OLE_MAGIC):
        raise FormRefused(path, _ole_message(data))
    if not data.startswith(ZIP_MAGIC):
        raise FormRefused(path, "dit is geen Excel-bestand (.xlsx): het bestand heeft een ander "
                                "formaat of is beschadigd")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise FormRefused(path, "het bestand is onvolledig of beschadigd (geen geldig "
                                ".xlsx-pakket); vraag de kandidaat het opnieuw te sturen") from None
    with zf:
        infos = zf.infolist()
        names = {i.filename for i in infos}
        if kind != "xlsx":
            needed, label = KINDS[kind]
            if needed not in names:
                raise FormRefused(path, f"dit is geen {label}: het onderdeel {needed} ontbreekt "
                                        f"(de extensie klopt niet met de inhoud)")
            if kind == "ods":
                mime = b""
                if "mimetype" in names:
                    with zf.open("mimetype") as fh:
                        mime = fh.read(100)
                if b"opendocument.spreadsheet" not in mime:
                    raise FormRefused(path, "dit is geen OpenDocument-rekenblad (.ods): het is "
                                            "een ander OpenDocument-bestand")
        elif "xl/workbook.xml" not in names:
            if "word/document.xml" in names:
                raise FormRefused(path, "dit is een Word-document (.docx) met een andere naam, "
                                        "geen ingevuld Excel-formulier")
            if "ppt/presentation.xml" in names:
                raise FormRefused(path, "dit is een PowerPoint-bestand, geen Excel-formulier")
            raise FormRefused(path, "dit is geen Excel-formulier (.xlsx): het onderdeel "
                                    "xl/workbook.xml ontbreekt")
        if len(infos) > MAX_PARTS:
            raise FormRefused(path, f"het pakket bevat {len(infos)} onderdelen; verdacht veel, "
                                    f"geweigerd")
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise FormRefused(path, "het pakket is met een wachtwoord versleuteld en kan "
                                        "niet gelezen worden")
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES or (
                    info.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
                raise FormRefused(path, "het bestand pakt uit tot een verdacht grote omvang "
                                        f"(onderdeel {info.filename[:60]}): mogelijk een "
                                        "zip-bom, geweigerd")
        for info in infos:
            if info.filename.endswith((".xml", ".rels")) or info.filename == "[Content_Types].xml":
                _scan_xml(path, zf, info)


def _scan_xml(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse an XML part that declares a DTD or entities (billion laughs, external entities)."""
    tail = b""
    try:
        with zf.open(info) as fh:
            first = True
            while True:
                chunk = fh.read(CHUNK)
                if not chunk:
                    break
                if first:
                    first = False
                    if chunk.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
                        raise FormRefused(path, f"het onderdeel {info.filename[:60]} is niet in "
                                                f"UTF-8 gecodeerd; geweigerd")
                window = tail + chunk
                for token in FORBIDDEN_XML:
                    if token in window:
                        raise FormRefused(
                            path, f"het onderdeel {info.filename[:60]} bevat een DTD of "
                                  f"entiteiten (mogelijk een XML-bom); geweigerd")
                tail = window[-16:]
    except FormRefused:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError):
        raise FormRefused(path, "het bestand is onvolledig of beschadigd (een onderdeel kan niet "
                                "uitgepakt worden); vraag de kandidaat het opnieuw te sturen") \
            from None
    except Exception as exc:  # zlib.error and other decompression failures
        raise FormRefused(path, f"het bestand is beschadigd ({type(exc).__name__}); vraag het "
                                f"opnieuw te sturen") from None


def open_checked(path: Path, kind: str) -> tuple[bytes, str]:
    """(bytes, short hash) of a .ods or .docx form that passed every package check."""
    data = read_bytes(path)
    check_package(path, data, kind)
    return data, file_hash(data)
