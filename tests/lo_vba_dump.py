"""Run with the system python (python3-uno): load a workbook in LibreOffice headless and print
its Basic/VBA modules as JSON {library: {module: {"type": int, "code": str}}}.

Usage: /usr/bin/python3 tests/lo_vba_dump.py FILE OUT.json
"""

import json
import os
import sys

import uno
from lo_uno import libreoffice, prop


def main(path, out):
    with libreoffice("vba") as desktop:
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("FilterName", "Calc MS Excel 2007 VBA XML")))
        if doc is None:
            raise SystemExit("LibreOffice could not load the file")
        result = {"sheets": list(doc.Sheets.ElementNames), "libraries": {}}
        libs = doc.BasicLibraries
        for lib_name in libs.ElementNames:
            libs.loadLibrary(lib_name)
            lib = libs.getByName(lib_name)
            mods = {}
            for mod_name in lib.ElementNames:
                info_type = None  # com.sun.star.script.ModuleType (1 normal, 2 class, 4 document)
                try:
                    info_type = lib.getModuleInfo(mod_name).ModuleType
                except Exception:
                    pass
                mods[mod_name] = {"type": info_type, "code": lib.getByName(mod_name)}
            result["libraries"][lib_name] = mods
        try:
            result["vba_mode"] = bool(libs.VBACompatibilityMode)
        except Exception:
            result["vba_mode"] = None
        doc.close(True)
        with open(out, "w", encoding="utf-8") as fh:
            json.dump(result, fh, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
