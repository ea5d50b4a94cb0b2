"""The print bundle of the letters: every letter in one document, each starting on an odd page
(the page counts come from the letters' PDFs when there are some)."""

from __future__ import annotations

from pathlib import Path


def bundle(documents: list[bytes], files: list[Path], pdfs: list[Path]) -> bytes:
    """One .docx of every letter for printing double-sided."""
    from partnerkeuze.io.docx.combine import combine

    pages = None
    if pdfs and len(pdfs) == len(files):
        from partnerkeuze.io.docx.pdf import page_counts

        counts = page_counts(pdfs)
        pages = [counts[f.with_suffix(".pdf")] for f in files]
    return combine(documents, pages)
