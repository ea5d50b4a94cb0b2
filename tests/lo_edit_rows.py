"""Run with the system python (python3-uno): open a workbook in LibreOffice headless, insert or
delete whole sheet rows as a user does (LibreOffice moves every reference itself), type values
into an inserted row, and save it as .xlsx.

Usage: /usr/bin/python3 tests/lo_edit_rows.py IN.xlsx OUT.xlsx OPS.json
OPS: [{"sheet": name, "insert": row, "col": first column (1-based), "values": [...]},
      {"sheet": name, "delete": row}]  (rows 1-based, applied in order)
"""

import json
import os
import sys

import uno
from lo_uno import libreoffice, prop


def main(src, out, ops_file):
    ops = json.load(open(ops_file, encoding="utf-8"))
    with libreoffice("edit") as desktop:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)),
                                           "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            raise SystemExit("LibreOffice could not load the file")
        for op in ops:
            sheet = doc.Sheets.getByName(op["sheet"])
            if sheet.isProtected():  # the governed sheet: a user lifts the protection first
                sheet.unprotect("")
            if "insert" in op:
                row = op["insert"] - 1
                sheet.Rows.insertByIndex(row, 1)
                for i, value in enumerate(op["values"]):
                    cell = sheet.getCellByPosition(op["col"] - 1 + i, row)
                    if isinstance(value, (int, float)):
                        cell.setValue(value)
                    elif value is not None:
                        cell.setString(value)
            else:
                sheet.Rows.removeByIndex(op["delete"] - 1, 1)
        doc.calculateAll()
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)),
                       (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
