"""Write the blank governed workbooks and their documentation into workbook/.

Run after changing the layout: python scripts/build_workbooks.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    """Build the blank workbook of every mode (workbook/Partnerkeuze-MODE.xlsx) and README.md."""
    from partnerkeuze.app.creation import new
    from partnerkeuze.layout.docs import sheets_markdown
    from partnerkeuze.io.saving import backups_of

    out = ROOT / "workbook"
    out.mkdir(exist_ok=True)
    for mode in ("stedenband", "sdg", "evaluatie"):
        new(out / f"Partnerkeuze-{mode}.xlsx", mode, demo=False, force=True)
        for backup in backups_of(out / f"Partnerkeuze-{mode}.xlsx"):
            backup.unlink()
    (out / "README.md").write_text(sheets_markdown(), encoding="utf-8")
    print(f"geschreven in {out}")


if __name__ == "__main__":
    main()
