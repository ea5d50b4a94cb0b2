"""The styles part (xl/styles.xml) of a package, edited in place: a named cell style (and number
format) resolved to a cell format index, reusing an equal one or adding it, as openpyxl would.
"""

from __future__ import annotations

from partnerkeuze.io.xlsx.package import NS_MAIN, REL_STYLES, Package
from partnerkeuze.io.saving import WriterDeclined


class NeedsOpenpyxl(WriterDeclined):
    """The part-level writer cannot make this change cheaply; the openpyxl path must."""


def _q(tag: str) -> str:
    return f"{{{NS_MAIN}}}{tag}"


# The number formats every spreadsheet program knows by id (as openpyxl lists them).
BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)', 6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)', 9: "0%",
    10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy",
    16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm",
    21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)", 40: "#,##0.00_);[Red](#,##0.00)",
    41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
    42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
    43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
    44: '_("$"* #,##0.00_)_("$"* \\(#,##0.00\\)_("$"* "-"??_)_(@_)', 45: "mm:ss",
    46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}


def _builtin_formats() -> dict[int, str]:
    return dict(BUILTIN_FORMATS)


class StylesEditor:
    """Cell formats of one package: found by named style and number format, added when new."""

    def __init__(self, pkg: Package):
        parts = pkg.related("xl/workbook.xml", REL_STYLES)
        if not parts or not pkg.has(parts[0]):
            raise NeedsOpenpyxl("de werkmap heeft geen stijlen")
        self.part = parts[0]
        self.root = pkg.xml(self.part)
        self.changed = False
        self.builtin = _builtin_formats()
        self.builtin_ids = {v: k for k, v in self.builtin.items()}
        self.custom: dict[int, str] = {}
        nf = self.root.find(_q("numFmts"))
        if nf is not None:
            for el in nf.iterfind(_q("numFmt")):
                self.custom[int(el.get("numFmtId"))] = el.get("formatCode")
        self.style_xfs = self._list("cellStyleXfs")
        self.cell_xfs_el = self.root.find(_q("cellXfs"))
        if self.cell_xfs_el is None or not self.style_xfs:
            raise NeedsOpenpyxl("de werkmap heeft geen celopmaak")
        self.cell_xfs = list(self.cell_xfs_el.iterfind(_q("xf")))
        self.keys = {}
        for i, xf in enumerate(self.cell_xfs):
            self.keys.setdefault(self._key(xf), i)
        self.named: dict[str, int] = {}
        self.builtin_named: dict[str, int] = {}
        cs = self.root.find(_q("cellStyles"))
        if cs is not None:
            for el in cs.iterfind(_q("cellStyle")):
                self.named.setdefault(el.get("name"), int(el.get("xfId", 0)))
                if el.get("builtinId") is not None:
                    self.builtin_named.setdefault(el.get("builtinId"), int(el.get("xfId", 0)))
        self._resolved: dict[tuple, int] = {}

    def _list(self, tag: str) -> list:
        el = self.root.find(_q(tag))
        return [] if el is None else list(el.iterfind(_q("xf")))

    @staticmethod
    def _key(xf) -> tuple:
        attrs = tuple(sorted((k, v) for k, v in xf.attrib.items()
                             if not k.startswith("apply")
                             and not (k in ("quotePrefix", "pivotButton") and v in ("0", "false"))))
        children = tuple((child.tag, tuple(sorted(child.attrib.items()))) for child in xf)
        return attrs, children

    # -- number formats ---------------------------------------------------------------------

    def format_code(self, fmt_id: int) -> str | None:
        """The code of a number format id."""
        return self.custom.get(fmt_id, self.builtin.get(fmt_id))

    def format_id(self, code: str) -> int:
        """The id of a number format code, added to the numFmts when new."""
        if code in self.builtin_ids:
            return self.builtin_ids[code]
        for fid, c in self.custom.items():
            if c == code:
                return fid
        from lxml import etree

        fid = max([163, *self.custom]) + 1
        nf = self.root.find(_q("numFmts"))
        if nf is None:
            nf = etree.Element(_q("numFmts"))
            self.root.insert(0, nf)
        el = etree.SubElement(nf, _q("numFmt"))
        el.set("numFmtId", str(fid))
        el.set("formatCode", code)
        nf.set("count", str(len(nf)))
        self.custom[fid] = code
        self.changed = True
        return fid

    # -- cell formats -----------------------------------------------------------------------

    def _add(self, xf) -> int:
        key = self._key(xf)
        if key in self.keys:
            return self.keys[key]
        self.cell_xfs_el.append(xf)
        self.cell_xfs.append(xf)
        idx = len(self.cell_xfs) - 1
        self.keys[key] = idx
        self.cell_xfs_el.set("count", str(len(self.cell_xfs)))
        self.changed = True
        return idx

    def named_style(self, name: str, number_format: str | None = None) -> int:
        """The cell format of a named style (with a number format), like cell.style = name."""
        key = ("named", name, number_format)
        if key in self._resolved:
            return self._resolved[key]
        import copy

        from lxml import etree

        xf_id = self.named.get(name)
        if xf_id is None and name == "Normal":
            xf_id = self.builtin_named.get("0", 0)
        if xf_id is None or xf_id >= len(self.style_xfs):
            raise NeedsOpenpyxl(f"de celstijl '{name}' ontbreekt in de werkmap")
        base = self.style_xfs[xf_id]
        xf = etree.Element(_q("xf"))
        fmt = int(base.get("numFmtId", 0))
        if number_format:
            fmt = self.format_id(number_format)
        xf.set("numFmtId", str(fmt))
        for attr in ("fontId", "fillId", "borderId"):
            xf.set(attr, base.get(attr, "0"))
        xf.set("xfId", str(xf_id))
        for attr in ("quotePrefix", "pivotButton"):
            if base.get(attr) is not None:
                xf.set(attr, base.get(attr))
        if fmt:
            xf.set("applyNumberFormat", "1")
        for child in base:
            if child.tag in (_q("alignment"), _q("protection")):
                xf.append(copy.deepcopy(child))
        if xf.find(_q("alignment")) is not None:
            xf.set("applyAlignment", "1")
        if xf.find(_q("protection")) is not None:
            xf.set("applyProtection", "1")
        idx = self._add(xf)
        self._resolved[key] = idx
        return idx

    def is_date(self, xf_index: int) -> bool:
        """True when a cell format shows dates or times."""
        from partnerkeuze.io.xlsx.reader import is_date_format

        if xf_index >= len(self.cell_xfs):
            return False
        return is_date_format(self.format_code(int(self.cell_xfs[xf_index].get("numFmtId", 0))))

    def with_date_format(self, xf_index: int, code: str) -> int:
        """The cell format xf_index, showing dates with code unless it shows dates already."""
        if self.is_date(xf_index):
            return xf_index
        key = ("date", xf_index, code)
        if key in self._resolved:
            return self._resolved[key]
        import copy

        from lxml import etree

        if xf_index < len(self.cell_xfs):
            xf = copy.deepcopy(self.cell_xfs[xf_index])
        else:
            xf = etree.Element(_q("xf"), numFmtId="0", fontId="0", fillId="0", borderId="0",
                               xfId="0")
        xf.set("numFmtId", str(self.format_id(code)))
        xf.set("applyNumberFormat", "1")
        idx = self._add(xf)
        self._resolved[key] = idx
        return idx

    def to_bytes(self) -> bytes:
        """The styles part as written."""
        from lxml import etree

        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
