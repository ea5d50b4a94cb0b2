"""Why a file that is not a zip package cannot be opened: encrypted, an old .xls, or other."""

from __future__ import annotations


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def is_encrypted(path) -> bool:
    """True for a password-protected Office file (an OLE container holding EncryptedPackage)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
            if head != OLE_MAGIC:
                return False
            data = fh.read(4_000_000)
    except OSError:
        return False
    return "EncryptedPackage".encode("utf-16-le") in data or b"EncryptionInfo" in data \
        or "EncryptionInfo".encode("utf-16-le") in data


def not_a_package_reason(path) -> str:
    """The Dutch reason a file is not an .xlsx package."""
    if is_encrypted(path):
        return ("de werkmap is met een wachtwoord versleuteld; open ze in Excel, verwijder het "
                "wachtwoord (Bestand > Info > Werkmap beveiligen) en probeer opnieuw")
    try:
        with open(path, "rb") as fh:
            old = fh.read(8) == OLE_MAGIC
    except OSError:
        old = False
    if old:
        return ("dit is een oud Excel-bestand (.xls) of een ander Office-bestand; bewaar het in "
                "Excel als Excel-werkmap (.xlsx)")
    return ("dit is geen Excel-werkmap (.xlsx); het bestand is beschadigd, onvolledig of van "
            "een ander type")
