"""Writing a .docx (zip) package fast: unchanged parts are compressed once and reused.

A plain zip writer (local headers, central directory, end record; deflate level 6, fixed time
stamps), so that rendering many letters only compresses the parts that change.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

LEVEL = 6  # the deflate level zipfile uses by default
_DOS_DATE, _DOS_TIME = (0 << 9) | (1 << 5) | 1, 0  # 1980-01-01 00:00:00
_UTF8 = 0x800


@dataclass(frozen=True)
class Entry:
    """One compressed member: name, CRC-32, sizes and the deflated bytes."""

    name: bytes
    flags: int
    crc: int
    size: int
    data: bytes


def deflate(name: str, raw: bytes) -> Entry:
    """A member compressed with raw deflate (what zip method 8 holds)."""
    comp = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    data = comp.compress(raw) + comp.flush()
    try:
        encoded, flags = name.encode("ascii"), 0
    except UnicodeEncodeError:
        encoded, flags = name.encode("utf-8"), _UTF8
    return Entry(encoded, flags, zlib.crc32(raw) & 0xFFFFFFFF, len(raw), data)


def write_zip(entries: list[Entry]) -> bytes:
    """A zip archive of the entries, in order."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for e in entries:
        local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, e.flags, 8, _DOS_TIME, _DOS_DATE,
                            e.crc, len(e.data), e.size, len(e.name), 0) + e.name
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, e.flags, 8,
                                   _DOS_TIME, _DOS_DATE, e.crc, len(e.data), e.size,
                                   len(e.name), 0, 0, 0, 0, 0, offset) + e.name)
        out += (local, e.data)
        offset += len(local) + len(e.data)
    cd = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(cd),
                      offset, 0)
    return b"".join(out) + cd + end


class Package:
    """The parts of a package in order, compressed once; ``write`` swaps in changed parts."""

    def __init__(self, names: list[str], parts: dict[str, bytes]):
        self.names = list(names)
        self.entries = {n: deflate(n, parts[n]) for n in self.names}

    def write(self, changed: dict[str, bytes]) -> bytes:
        """The package with changed parts replaced and new parts appended."""
        entries = [deflate(n, changed[n]) if n in changed else self.entries[n]
                   for n in self.names]
        entries += [deflate(n, data) for n, data in changed.items() if n not in self.entries]
        return write_zip(entries)
