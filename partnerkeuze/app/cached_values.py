"""The one place where the formulas the product wrote get the values they give, before a
workbook file is saved: every command (app/pipeline.run_file) and every new workbook
(app/creation.build) ends with the patch settle() makes.

Each registered family of formulas (kernel/formulas.py, listed by the features) whose inputs
the command changed gives its formulas the values they now have; the writer stores them as the
cells' cached values. The patch says whether every cached value of the saved workbook is then
current, and where the product's own formulas are; the writer asks Excel to recalculate on
opening (fullCalcOnLoad) only when it is not, or when a formula elsewhere could read what
changed (io/xlsx/writer.py). So Excel opens the workbook without recalculating and closes it
without asking to save, and readers that do not calculate see the results.
"""

from __future__ import annotations

from partnerkeuze.kernel.patch import Formula, Patch
from partnerkeuze.kernel.snapshot import Snapshot


class _Settled(Snapshot):
    """The snapshot of the workbook being saved, with the formulas settled so far and, for a
    formula cell the command did not write, the value cached in the file (when the file's
    values are current: it was not marked for recalculation)."""

    def __init__(self, base: Snapshot, book):
        super().__init__(sheets=base.sheets, source=base.source)
        self.base = base
        self.book = book
        self.new: dict[tuple[str, int, int], Formula] = {}

    def value(self, sheet: str, row: int, col: int):
        """The value at (row, col): a formula settled here, else the snapshot's (a formula read
        from the file with its cached value when that can be trusted)."""
        found = self.new.get((sheet, row, col))
        if found is not None:
            return found
        v = self.base.value(sheet, row, col)
        if (self.book is not None and isinstance(v, str) and not isinstance(v, Formula)
                and v.startswith("=") and len(v) > 1):
            cached = self.book.cached_value(sheet, row, col)
            if cached is not None:
                out = Formula(v)
                out.cached = cached
                return out
        return v


class _Touched:
    """The cells the command's patches (and the formulas settled so far) wrote."""

    def __init__(self, book, everything: bool):
        self.book = book
        self.everything = everything
        self.settled: set[tuple[str, int, int]] = set()

    def add(self, sheet: str, row: int, col: int) -> None:
        """A formula cell settled here: the formulas that read it are touched too."""
        self.settled.add((sheet, row, col))

    def any(self, areas) -> bool:
        """True when a cell of one of these areas was written."""
        if self.everything:
            return True
        for area in areas:
            if any(s == area.sheet and area.holds(r, c) for s, r, c in self.settled):
                return True
            for r, cols in self.book.edited(area.sheet).items():
                if area.has_row(r) and any(area.holds(r, c) for c in cols):
                    return True
        return False


def settle(book, *, install: bool = False) -> Patch:
    """The last patch of a save: every product formula whose inputs changed with the value it
    now gives, ``settles`` set, ``recalculated`` True when no cached value of the saved workbook
    can be stale, ``owned`` the areas of the product's formulas.

    A workbook file marked for recalculation (fullCalcOnLoad) is settled whole: a value in it
    may be stale anywhere. ``install`` (a new workbook): every family, each formula written
    whatever its cell holds. Otherwise a formula is only given a value where the cell holds the
    very formula the family writes (else it is not the product's, or no longer: its value could
    be stale)."""
    from partnerkeuze.app.registry import formula_families

    everything = install or book.recalculation_pending()
    base = book.snapshot()
    view = _Settled(base, None if everything else book)
    touched = _Touched(book, everything)
    patch = Patch(recalculated=True, settles=True)
    owned = []
    for family in formula_families():
        areas = family.area()
        if family.cells is None:
            owned.extend(_rewritten(book, areas) if touched.any(family.reads(view)) else areas)
            continue
        owned.extend(areas)
        if not touched.any(family.reads(view)):
            continue
        for sheet, row, col, formula in family.cells(view):
            current = base.value(sheet, row, col)
            if not install:
                if current is None:
                    continue  # not there (an older workbook): nothing to settle
                if str(current) != str(formula):
                    patch.recalculated = False  # changed since the product wrote it
                    view.new[(sheet, row, col)] = Formula(str(current))  # value unknown
                    continue
            if formula.cached is None:
                patch.recalculated = False  # its value is not known here (Excel computes it)
                view.new[(sheet, row, col)] = formula  # what reads it gets no value either
                continue
            view.new[(sheet, row, col)] = formula
            touched.add(sheet, row, col)
            if isinstance(current, Formula) and current.cached is not None and \
                    type(current) is type(formula) and _same(current.cached, formula.cached):
                continue  # written with this value by the command itself
            patch.set_cell(sheet, row, col, formula)
    patch.owned = tuple(owned)
    return patch


def _rewritten(book, areas) -> list:
    """What a family only its command gives values (the Scoretabel: `score`) owns when its
    inputs changed: the formulas written in this save with their values. Any other formula in
    its area keeps a value that could be stale: the writer then marks the workbook."""
    from partnerkeuze.kernel.formulas import Cells

    out = []
    for sheet in dict.fromkeys(a.sheet for a in areas):
        mine = [a for a in areas if a.sheet == sheet]
        cells = frozenset(rc for rc, f in book.written_formulas(sheet).items()
                          if f.cached is not None and any(a.holds(*rc) for a in mine))
        out.append(Cells(sheet, cells))
    return out


def _same(a, b) -> bool:
    return type(a) is type(b) and a == b
