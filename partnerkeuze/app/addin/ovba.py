"""A source-only VBA project (MS-OVBA): dir, module and PROJECT streams in a compound file.

Like the projects LibreOffice and EPPlus write: _VBA_PROJECT version 0xFFFF (no p-code, so
Excel compiles the source on open), every module's source at offset 0, compressed.
"""

from __future__ import annotations

import struct
import uuid
from dataclasses import dataclass

from partnerkeuze.app.addin.cfb import write_cfb
from partnerkeuze.app.addin.ovba_compression import compress

CODEPAGE = 1252
LCID = 0x0409
STD, CLASS, DOCUMENT = "module", "class", "document"

REFERENCES = (
    ("stdole", "*\\G{00020430-0000-0000-C000-000000000046}#2.0#0#"
               "C:\\Windows\\System32\\stdole2.tlb#OLE Automation"),
    ("Office", "*\\G{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}#2.0#0#"
               "C:\\Program Files\\Common Files\\Microsoft Shared\\OFFICE16\\MSO.DLL"
               "#Microsoft Office 16.0 Object Library"),
)


@dataclass(frozen=True)
class Module:
    """A VBA module: its name, kind (module, class or document) and source text (CRLF)."""

    name: str
    kind: str
    source: str

    def code(self) -> bytes:
        """The source in the project's code page with CRLF line ends."""
        text = self.source.replace("\r\n", "\n").replace("\n", "\r\n")
        return text.encode("cp1252")


def _rec(rid: int, data: bytes) -> bytes:
    return struct.pack("<HI", rid, len(data)) + data


def _mbcs(text: str) -> bytes:
    return text.encode("cp1252")


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def dir_stream(project: str, modules: list[Module]) -> bytes:
    """The uncompressed dir stream: project information, references and modules."""
    out = bytearray()
    out += _rec(0x0001, struct.pack("<I", 1))  # SysKind: 32-bit Windows
    out += _rec(0x0002, struct.pack("<I", LCID))
    out += _rec(0x0014, struct.pack("<I", LCID))
    out += _rec(0x0003, struct.pack("<H", CODEPAGE))
    out += _rec(0x0004, _mbcs(project))
    out += _rec(0x0005, b"") + _rec(0x0040, b"")  # doc string
    out += _rec(0x0006, b"") + _rec(0x003D, b"")  # help file
    out += _rec(0x0007, struct.pack("<I", 0))  # help context
    out += _rec(0x0008, struct.pack("<I", 0))  # lib flags
    out += struct.pack("<HIIH", 0x0009, 4, 1, 0)  # version (Reserved=4, then 6 bytes)
    out += _rec(0x000C, b"") + _rec(0x003C, b"")  # constants
    for name, libid in REFERENCES:
        out += _rec(0x0016, _mbcs(name)) + _rec(0x003E, _utf16(name))
        lib = _mbcs(libid)
        out += _rec(0x000D, struct.pack("<I", len(lib)) + lib + struct.pack("<IH", 0, 0))
    out += _rec(0x000F, struct.pack("<H", len(modules)))
    out += _rec(0x0013, struct.pack("<H", 0xFFFF))  # project cookie
    for m in modules:
        out += _rec(0x0019, _mbcs(m.name)) + _rec(0x0047, _utf16(m.name))
        out += _rec(0x001A, _mbcs(m.name)) + _rec(0x0032, _utf16(m.name))
        out += _rec(0x001C, b"") + _rec(0x0048, b"")  # doc string
        out += _rec(0x0031, struct.pack("<I", 0))  # source at offset 0
        out += _rec(0x001E, struct.pack("<I", 0))  # help context
        out += _rec(0x002C, struct.pack("<H", 0xFFFF))  # module cookie
        out += struct.pack("<HI", 0x0021 if m.kind == STD else 0x0022, 0)
        out += struct.pack("<HI", 0x002B, 0)  # module terminator
    out += struct.pack("<HI", 0x0010, 0)  # dir terminator
    return bytes(out)


def encrypt(project_id: str, data: bytes, seed: int = 0x5D) -> str:
    """MS-OVBA data encryption (2.4.3.2) of a PROJECT stream value, as upper-case hex."""
    proj_key = sum(project_id.encode("ascii")) & 0xFF
    version_enc, key_enc = seed ^ 2, seed ^ proj_key
    out = bytearray([seed, version_enc, key_enc])
    u1, e1, e2 = proj_key, key_enc, version_enc
    payload = bytes((seed & 6) >> 1) + struct.pack("<I", len(data)) + data
    for byte in payload:  # the ignored bytes (zeros), the length, then the data
        enc = byte ^ ((e2 + u1) & 0xFF)
        out.append(enc)
        e2, e1, u1 = e1, enc, byte
    return out.hex().upper()


def project_stream(project: str, project_id: str, modules: list[Module]) -> bytes:
    """The PROJECT stream: the project's properties as text (unprotected, visible)."""
    lines = [f'ID="{project_id}"']
    for m in modules:
        lines.append({STD: f"Module={m.name}", CLASS: f"Class={m.name}",
                      DOCUMENT: f"Document={m.name}/&H00000000"}[m.kind])
    lines += [f'Name="{project}"', 'HelpContextID="0"', 'VersionCompatible32="393222000"',
              f'CMG="{encrypt(project_id, struct.pack("<I", 0))}"',
              f'DPB="{encrypt(project_id, bytes([0]))}"',
              f'GC="{encrypt(project_id, bytes([0xFF]))}"',
              "", "[Host Extender Info]",
              "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000",
              "", "[Workspace]"]
    lines += [f"{m.name}=0, 0, 0, 0, C" for m in modules]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def projectwm_stream(modules: list[Module]) -> bytes:
    """The PROJECTwm stream: module names in the code page and in UTF-16."""
    out = bytearray()
    for m in modules:
        out += _mbcs(m.name) + b"\x00" + _utf16(m.name) + b"\x00\x00"
    return bytes(out + b"\x00\x00")


def vba_project_bin(project: str, modules: list[Module]) -> bytes:
    """The bytes of xl/vbaProject.bin for these modules (reproducible)."""
    project_id = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"partnerkeuze:{project}")).upper() + "}"
    streams = {
        "VBA/_VBA_PROJECT": struct.pack("<HHBH", 0x61CC, 0xFFFF, 0x00, 0x0000),
        "VBA/dir": compress(dir_stream(project, modules)),
    }
    for m in modules:
        streams[f"VBA/{m.name}"] = compress(m.code())
    streams["PROJECT"] = project_stream(project, project_id, modules)
    streams["PROJECTwm"] = projectwm_stream(modules)
    return write_cfb(streams)
