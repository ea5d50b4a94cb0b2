"""Helpers for the document tests: batch conversion to PDF, text of .docx and PDF."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from lo import TIMEOUT, pdf_text, soffice

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def convert_all(files: list[Path], outdir: Path) -> dict[str, Path]:
    """Convert many .docx files to PDF in one LibreOffice run; returns name -> PDF path."""
    outdir.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
                        "--norestore", "--convert-to", "pdf", "--outdir", str(outdir),
                        *map(str, files)], capture_output=True, text=True,
                       timeout=TIMEOUT * 3)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = {}
    for f in files:
        pdf = outdir / (Path(f).stem + ".pdf")
        assert pdf.exists(), f"LibreOffice could not convert {Path(f).name}"
        out[Path(f).name] = pdf
    return out


def flat(text: str) -> str:
    """Text with whitespace collapsed and line breaks after hyphens joined (for PDF text)."""
    text = re.sub(r"-\s*\n\s*", "-", text)
    return re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\xa0", " "))


def pdf_flat(pdf: Path) -> str:
    """The flattened text of a PDF in reading order (pdftotext without -layout)."""
    exe = shutil.which("pdftotext")
    assert exe, "pdftotext is not installed: run scripts/setup.sh"
    return flat(subprocess.run([exe, str(pdf), "-"], capture_output=True, text=True, check=True,
                               timeout=60).stdout)


def pdf_pages(pdf: Path) -> int:
    """The number of pages of a PDF (form feeds in pdftotext output)."""
    return pdf_text(pdf).count("\f")


def docx_root(data_or_path) -> etree._Element:
    """word/document.xml of a .docx (bytes or path), parsed by lxml."""
    src = io.BytesIO(data_or_path) if isinstance(data_or_path, bytes) else data_or_path
    with zipfile.ZipFile(src) as zf:
        return etree.fromstring(zf.read("word/document.xml"))


def docx_text(data_or_path) -> str:
    """All text of a .docx body, paragraphs separated by newlines."""
    root = docx_root(data_or_path)
    paras = []
    for p in root.iter(f"{W}p"):
        paras.append("".join(("\n" if el.tag == f"{W}br" else (el.text or ""))
                             for el in p.iter(f"{W}t", f"{W}br")))
    return "\n".join(paras)


def read_snapshot(path: Path):
    """A workbook's snapshot with every sheet read, the file closed again."""
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    book = FileWorkbook(path, for_writing=False)
    snap = book.snapshot()
    snap.sheets = dict(snap.sheets.items())
    book.close()
    return snap


def demo_context_builder(path: Path):
    """What the document code needs to build contexts for a workbook: (snapshot, model, result,
    notes, chosen partner, letterhead)."""
    from partnerkeuze.core.assessment import evaluate
    from partnerkeuze.features.documents.contexts import Notes, chosen_partner, letterhead
    from partnerkeuze.core.parse import parse

    snap = read_snapshot(path)
    model = parse(snap)
    result = evaluate(model)
    notes = Notes()
    return snap, model, result, notes, chosen_partner(model, result), letterhead(model, None, notes)


def decided_demo(path: Path, partner: str = "K05") -> None:
    """Make a demo workbook a decided call: the late scores of K12 filled in (the demo leaves
    them open on purpose) and the college's choice recorded, so letters are final and complete."""
    import datetime as dt

    from partnerkeuze.core.parse import parse_lenient
    from partnerkeuze.kernel.patch import Patch
    from partnerkeuze.record.procedure import record_patch
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    book = FileWorkbook(path)
    model = parse_lenient(book.snapshot(), [])
    have = {(s.candidate, s.criterion, s.assessor) for s in model.scores}
    rows = [["K12", c.id, a.id, 3, "Laat gescoord: redelijk."] for c in model.criteria
            if not c.knockout for a in model.assessors if ("K12", c.id, a.id) not in have]
    patch = Patch()
    patch.append_rows("scores", rows)
    book.apply(patch)
    book.apply(record_patch(book.snapshot(), "college", date=dt.date(2026, 9, 7),
                            partner=partner, number="CBS/2026/231"))
    book.save()


def rank_re(rank: int, n: int | None, lang: str) -> str:
    """A regular expression for a rank as the letters state it in a language ("2nd of the 11",
    "(2e sur 11)", "au 2e rang sur 11", "el 2.º puesto de las 11")."""
    from partnerkeuze.io.docx.render import ordinal
    from partnerkeuze.kernel.languages import locale_for

    o = re.escape(ordinal(rank, locale_for(lang), "m"))
    total = "" if n is None else str(n)
    return {"nl": rf"{o} van (de )?{total}", "fr": rf"{o}( rang)? sur (les )?{total}",
            "en": rf"{o} of (the )?{total}", "es": rf"{o}( puesto)? de (las )?{total}"}[lang]
