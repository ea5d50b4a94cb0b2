"""Whether a workbook package still holds formulas without a cached value (then Excel must
recalculate on opening: fullCalcOnLoad), without reading whole large sheets."""

from __future__ import annotations

import re
import zlib

# The calcId of Excel 2019 and Microsoft 365: a file with an older one is recalculated in full
# on opening, whatever fullCalcOnLoad says.
CALC_ID = "191029"
FULL_SCAN = 4 * 1024 * 1024  # uncompressed bytes of a sheet scanned whole
HEAD_SCAN = 256 * 1024  # of a larger sheet only the start: where the product puts formulas
_NO_VALUE = re.compile(rb"(?:</(?:\w+:)?f>|<(?:\w+:)?f\b[^>]*/>)\s*"
                       rb"(?:</(?:\w+:)?c>|<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)")


def _head(pkg, part: str, limit: int) -> bytes:
    """The first ``limit`` uncompressed bytes of a part (all of it when smaller)."""
    with pkg.zip.open(part) as fh:
        return fh.read(limit)


def uncached_formulas(pkg, parts) -> bool:
    """True when one of these sheet parts has a formula cell without a cached value (a large
    part is looked at up to HEAD_SCAN bytes)."""
    for part in parts:
        if not pkg.has(part):
            continue
        size = pkg.zip.getinfo(part).file_size
        try:
            data = _head(pkg, part, FULL_SCAN if size <= FULL_SCAN else HEAD_SCAN)
        except (KeyError, zlib.error):
            return True
        if _NO_VALUE.search(data):
            return True
    return False
