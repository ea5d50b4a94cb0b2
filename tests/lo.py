"""LibreOffice headless as the independent consumer in tests: recalculate, convert, extract text.

Each call uses its own LibreOffice profile so that tests can run in parallel.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT = 180


def soffice() -> str:
    """The LibreOffice executable; tests fail (never skip) when it is missing."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise AssertionError("LibreOffice (soffice) is not installed: run scripts/setup.sh")
    return exe


def convert(path: Path, fmt: str, outdir: Path | None = None, *, filter_opts: str = "") -> Path:
    """Convert a file with LibreOffice (e.g. fmt 'pdf' or 'xlsx'); returns the new file."""
    path = Path(path)
    outdir = Path(outdir or tempfile.mkdtemp(prefix="lo-out-"))
    outdir.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    target = fmt + (f":{filter_opts}" if filter_opts else "")
    try:
        proc = subprocess.run(
            [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", target, "--outdir", str(outdir), str(path)],
            capture_output=True, text=True, timeout=TIMEOUT)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = outdir / (path.stem + "." + fmt.split(":")[0])
    if not out.exists():
        raise AssertionError(f"LibreOffice could not convert {path.name}: {proc.stdout} {proc.stderr}")
    return out


def recalculated_values(path: Path, sheet: str):
    """The cell values of a sheet after LibreOffice opened, recalculated and saved the workbook."""
    from openpyxl import load_workbook

    out = convert(path, "xlsx", Path(tempfile.mkdtemp(prefix="lo-recalc-")))
    wb = load_workbook(out, data_only=True)
    return [list(r) for r in wb[sheet].iter_rows(values_only=True)]


def pdf_text(pdf: Path) -> str:
    """The text of a PDF (pdftotext -layout)."""
    exe = shutil.which("pdftotext")
    if not exe:
        raise AssertionError("pdftotext is not installed: run scripts/setup.sh")
    return subprocess.run([exe, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout


def docx_text_via_pdf(docx: Path) -> str:
    """Convert a .docx to PDF with LibreOffice and return the PDF's text."""
    return pdf_text(convert(docx, "pdf", Path(tempfile.mkdtemp(prefix="lo-pdf-"))))
