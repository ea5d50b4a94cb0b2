"""A minimal writer of compound files (MS-CFB version 3): storages and streams, reproducibly.

Timestamps and CLSIDs are zero, so the same tree always gives the same bytes.
"""

from __future__ import annotations

import struct

SECTOR = 512
MINI = 64
CUTOFF = 4096
FREE, ENDCHAIN, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF


class _Entry:
    """A directory entry: the root, a storage or a stream."""

    def __init__(self, name: str, kind: int, data: bytes = b""):
        self.name, self.kind, self.data = name, kind, data
        self.children: list[_Entry] = []
        self.left = self.right = self.child = NOSTREAM
        self.start, self.size, self.sid = ENDCHAIN, 0, 0


def _key(entry: _Entry) -> tuple[int, str]:
    """The CFB order of siblings: shorter names first, then by upper-case name."""
    return len(entry.name), entry.name.upper()


def _tree(entries: list[_Entry]) -> int:
    """Link sorted siblings into a balanced binary tree; returns the sid of its root."""
    if not entries:
        return NOSTREAM
    mid = len(entries) // 2
    node = entries[mid]
    node.left = _tree(entries[:mid])
    node.right = _tree(entries[mid + 1:])
    return node.sid


def _chain(fat: list[int], first: int, count: int) -> None:
    for i in range(count):
        fat[first + i] = first + i + 1 if i < count - 1 else ENDCHAIN


def write_cfb(streams: dict[str, bytes]) -> bytes:
    """A compound file holding the given streams; keys are paths like 'VBA/dir'."""
    root = _Entry("Root Entry", 5)
    storages = {"": root}
    for path in streams:  # storages in first-seen order, streams added to their parent
        parts = path.split("/")
        for depth in range(1, len(parts)):
            key = "/".join(parts[:depth])
            if key not in storages:
                entry = _Entry(parts[depth - 1], 1)
                storages["/".join(parts[:depth - 1])].children.append(entry)
                storages[key] = entry
        storages["/".join(parts[:-1])].children.append(_Entry(parts[-1], 2, streams[path]))
    order: list[_Entry] = []

    def visit(entry: _Entry) -> None:
        entry.sid = len(order)
        order.append(entry)
        for child in sorted(entry.children, key=_key):
            visit(child)

    visit(root)
    for entry in order:
        if entry.children:
            entry.child = _tree(sorted(entry.children, key=_key))
    # mini stream: every stream below the cutoff, in 64-byte mini sectors
    mini = bytearray()
    minifat: list[int] = []
    big: list[_Entry] = []
    for entry in order:
        if entry.kind != 2:
            continue
        entry.size = len(entry.data)
        if entry.size == 0:
            entry.start = ENDCHAIN
        elif entry.size < CUTOFF:
            n = -(-entry.size // MINI)
            entry.start = len(minifat)
            minifat.extend([0] * n)
            _chain(minifat, entry.start, n)
            mini += entry.data.ljust(n * MINI, b"\x00")
        else:
            big.append(entry)
    sectors: list[bytes] = []  # file sectors after the header, FAT sectors reserved later

    def add(data: bytes) -> tuple[int, int]:
        n = max(-(-len(data) // SECTOR), 1)
        first = len(sectors)
        padded = data.ljust(n * SECTOR, b"\x00")
        sectors.extend(padded[i * SECTOR:(i + 1) * SECTOR] for i in range(n))
        return first, n

    layout: list[tuple[int, int]] = []
    for entry in big:
        first, n = add(entry.data)
        entry.start = first
        layout.append((first, n))
    if mini:
        root.start, n = add(bytes(mini))
        root.size = len(mini)
        layout.append((root.start, n))
    else:
        root.start = ENDCHAIN
    minifat_start, minifat_n = ENDCHAIN, 0
    if minifat:
        raw = b"".join(struct.pack("<I", v) for v in minifat)
        raw += b"\xff" * (-len(raw) % SECTOR)
        minifat_start, minifat_n = add(raw)
        layout.append((minifat_start, minifat_n))
    dir_bytes = b"".join(_dir_entry(e) for e in order)
    dir_bytes += _empty_dir() * (-len(order) % 4)
    dir_start, dir_n = add(dir_bytes)
    layout.append((dir_start, dir_n))
    n_data = len(sectors)
    n_fat = 1
    while n_fat * 128 < n_data + n_fat:
        n_fat += 1
    if n_fat > 109:
        raise ValueError("compound file too large for this writer")
    fat = [FREE] * (n_fat * 128)
    for first, n in layout:
        _chain(fat, first, n)
    for i in range(n_fat):
        fat[n_data + i] = FATSECT
    difat = [n_data + i for i in range(n_fat)] + [FREE] * (109 - n_fat)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        bytes.fromhex("D0CF11E0A1B11AE1"), b"\x00" * 16, 0x003E, 0x0003, 0xFFFE, 9, 6,
        b"\x00" * 6, 0, n_fat, dir_start, 0, CUTOFF, minifat_start, minifat_n, ENDCHAIN, 0)
    header += b"".join(struct.pack("<I", v) for v in difat)
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat)
    return header + b"".join(sectors) + fat_bytes


def _dir_entry(e: _Entry) -> bytes:
    name = e.name.encode("utf-16-le") + b"\x00\x00"
    if len(name) > 64:
        raise ValueError(f"name too long for a compound file: {e.name}")
    return struct.pack("<64sHBBIII16sIQQIQ", name, len(name), e.kind, 1, e.left, e.right,
                       e.child, b"\x00" * 16, 0, 0, 0, e.start if e.kind != 1 else 0,
                       e.size)


def _empty_dir() -> bytes:
    return struct.pack("<64sHBBIII16sIQQIQ", b"", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM,
                       b"\x00" * 16, 0, 0, 0, 0, 0)
