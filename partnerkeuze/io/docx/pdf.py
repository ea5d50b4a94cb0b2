"""PDF copies of the Word documents, made by LibreOffice headless in one call for many files.

Each call uses a fresh LibreOffice profile in a temporary folder (so that a running LibreOffice
or another conversion does not interfere) and writes the PDFs into a temporary folder first;
every PDF is then moved beside its .docx atomically. Without LibreOffice the documents are still
written and the caller gets a warning instead of PDFs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

TIMEOUT_PER_FILE = 30  # seconds LibreOffice may take per document, on top of its start-up
START_UP = 60
ENV_SWITCH = "PARTNERKEUZE_PDF"  # "0": write no PDFs (e.g. in tests that do not look at them)


def soffice() -> str | None:
    """The LibreOffice executable, or None when LibreOffice is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def wanted() -> bool:
    """Whether PDFs are made (PARTNERKEUZE_PDF=0 switches them off)."""
    return os.environ.get(ENV_SWITCH, "1").strip() not in ("0", "nee", "no", "false")


def convert(docx_files: list[Path]) -> tuple[list[Path], str | None]:
    """PDFs beside the given .docx files; returns the PDFs and a Dutch warning (or None)."""
    files = [Path(f) for f in docx_files]
    if not files:
        return [], None
    exe = soffice()
    if exe is None:
        return [], ("LibreOffice is niet geïnstalleerd: de documenten staan er als .docx, maar "
                    "zonder PDF. Installeer LibreOffice om ook PDF's te krijgen.")
    from partnerkeuze.io.saving import current_path, replace_atomically

    # A command stages its documents until it succeeds (xlsx.saving.staged_writes): convert the
    # staged copies, and stage the PDFs with them, so they appear together or not at all.
    sources = [current_path(f) for f in files]
    from partnerkeuze.io.leftovers import remove_stale_temp_dirs, temp_dir

    remove_stale_temp_dirs()  # what a killed conversion left in the temporary directory
    work = temp_dir("pdf")  # named with this process, so that the next run can tell
    profile, outdir = work / "profile", work / "out"
    outdir.mkdir()
    try:
        try:
            proc = subprocess.run(
                [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                 "--nologo", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(outdir),
                 *[str(f) for f in sources]],
                capture_output=True, text=True, stdin=subprocess.DEVNULL,
                timeout=START_UP + TIMEOUT_PER_FILE * len(files))
        except subprocess.TimeoutExpired:
            return [], "LibreOffice deed te lang over de PDF's; de documenten staan er als .docx."
        except OSError as exc:
            return [], f"LibreOffice kon niet starten ({exc.strerror}); geen PDF's gemaakt."
        made, missing = [], []
        for f, src in zip(files, sources):
            tmp = outdir / (src.stem + ".pdf")
            if not tmp.exists():
                missing.append(f.name)
                continue
            target = f.with_suffix(".pdf")
            replace_atomically(target, lambda out, tmp=tmp: shutil.copyfile(tmp, out),
                               backup=False)
            made.append(target)
        warning = None
        if missing:
            detail = (proc.stderr or proc.stdout or "").strip().splitlines()[-1:] or [""]
            warning = (f"LibreOffice maakte geen PDF van {', '.join(missing[:5])}"
                       f"{' …' if len(missing) > 5 else ''} {detail[0]}").strip()
        return made, warning
    finally:
        shutil.rmtree(work, ignore_errors=True)


def page_counts(pdf_files: list[Path]) -> dict[Path, int]:
    """The number of pages of each PDF (pdfinfo from poppler when present, else a byte scan)."""
    from partnerkeuze.io.saving import current_path

    counts = {}
    exe = shutil.which("pdfinfo")
    for target in pdf_files:
        pdf = current_path(target)  # a staged PDF is read where it waits
        n = None
        if exe:
            try:
                out = subprocess.run([exe, str(pdf)], capture_output=True, text=True,
                                     timeout=30).stdout
                n = next((int(line.split()[-1]) for line in out.splitlines()
                          if line.startswith("Pages:")), None)
            except (OSError, subprocess.TimeoutExpired, ValueError):
                n = None
        if n is None:
            n = Path(pdf).read_bytes().count(b"/Type /Page") - \
                Path(pdf).read_bytes().count(b"/Type /Pages")
        counts[Path(target)] = n
    return counts


def pdf_copies(files: list[Path], progress=None) -> tuple[list[Path], list[str]]:
    """A PDF beside every .docx among files (one LibreOffice call for all): the PDFs and any
    warnings. PARTNERKEUZE_PDF=0 switches them off; without LibreOffice there is a warning,
    not an error."""
    docx = [f for f in files if f.suffix.lower() == ".docx"]
    if not docx or not wanted():
        return [], []
    if progress is not None:
        progress(f"PDF's maken ({len(docx)})…")
    made, warning = convert(docx)
    return made, [warning] if warning else []
