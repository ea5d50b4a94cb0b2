"""Actions questionnaire, dossier and letters: Word documents written from the workbook.

Each reads one snapshot, parses and scores it, writes .docx files atomically into ``out_dir``
and appends a log entry listing the files (applied through ``book.apply``).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from partnerkeuze import audit
from partnerkeuze.actions import Outcome, Progress, WorkbookIO, no_progress
from partnerkeuze.errors import FileError, InputProblems, Problem

LANGUAGES = ("nl", "fr", "en", "es")
ROOT = Path(__file__).resolve().parents[2]
QUESTIONNAIRE_NAME = "Oproep_en_vragenlijst_{lang}.docx"
DOSSIER_NAME = "Dossier_college.docx"
COMBINED_NAME = "Brieven_alle_kandidaten.docx"


def templates_dir() -> Path:
    """Where the full set of Word templates is: PARTNERKEUZE_TEMPLATES, else templates/."""
    from partnerkeuze.documents.template_files import base_folder

    return base_folder()


def template(kind: str, lang: str, own: Path | None = None) -> Path:
    """The template file of a kind of document in a language (``own``: the municipality's folder)."""
    from partnerkeuze.documents.template_files import find

    return find(f"{kind}_{lang}.docx", own)


def _template(kind: str, lang: str, own: Path | None):
    """The compiled template of a kind in a language, its required fields checked."""
    from partnerkeuze.documents.template_files import load

    return load(f"{kind}_{lang}.docx", own)


def _own(model, book: WorkbookIO) -> Path | None:
    """The municipality's own template folder (Instellingen), or None."""
    from partnerkeuze.documents.template_files import own_folder

    return own_folder(model, _base_dir(book))


def safe_name(text: str, limit: int = 40) -> str:
    """A file-name part from untrusted text: ASCII letters, digits and hyphens only."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:limit].strip("-")
    return cleaned or "x"


def output_dir(out_dir: str | Path) -> Path:
    """The output folder, created when missing; a FileError when it cannot be used."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise FileError(f"{out}: dit is een bestand, geen map")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileError(f"{out}: de map kan niet gemaakt worden ({exc.strerror})") from None
    return out


def _base_dir(book: WorkbookIO) -> Path | None:
    path = getattr(book, "path", None)
    return Path(path).parent if path else None


def _read(book: WorkbookIO, progress: Progress):
    from partnerkeuze.assessment import evaluate
    from partnerkeuze.parse import parse

    progress("Werkmap lezen…")
    snap = book.snapshot()
    model = parse(snap)
    progress("Scores berekenen…")
    return snap, model, evaluate(model)


def _write(path: Path, data: bytes) -> None:
    from partnerkeuze.xlsx.file_workbook import write_file

    try:
        write_file(path, data)
    except PermissionError:
        raise FileError(f"{path}: geen schrijfrechten (is het document open in Word?)") from None


def pdf_copies(files: list[Path], progress: Progress = no_progress) -> tuple[list[Path], list[str]]:
    """A PDF beside every .docx (one LibreOffice call for all); the PDFs and any warnings.

    PARTNERKEUZE_PDF=0 switches them off; without LibreOffice there is a warning, not an error.
    """
    from partnerkeuze.documents import pdf

    docx = [f for f in files if f.suffix.lower() == ".docx"]
    if not docx or not pdf.wanted():
        return [], []
    progress(f"PDF's maken ({len(docx)})…")
    made, warning = pdf.convert(docx)
    return made, [warning] if warning else []


def _log(book: WorkbookIO, snap, action: str, details: str, files: list[Path]) -> None:
    book.apply(audit.entry_patch(snap, action, details, files))


def questionnaire(book: WorkbookIO, out_dir, progress: Progress = no_progress) -> Outcome:
    """The call with its questionnaire in Dutch, French, English and Spanish."""
    from partnerkeuze.documents.contexts import Notes, questionnaire_context
    from partnerkeuze.documents.render import locale_for

    snap, model, _ = _read(book, progress)
    own = _own(model, book)
    out = output_dir(out_dir)
    notes = Notes()
    files: list[Path] = []
    for lang in LANGUAGES:
        progress(f"Vragenlijst ({lang})…")
        ctx = questionnaire_context(model, lang, _base_dir(book), notes)
        path = out / QUESTIONNAIRE_NAME.format(lang=lang)
        _write(path, _template("questionnaire", lang, own).render(ctx, locale_for(lang)))
        files.append(path)
    n_q = len(ctx["questions"])
    pdfs, pdf_warnings = pdf_copies(files, progress)
    notes.items.extend(pdf_warnings)
    files += pdfs
    _log(book, snap, "questionnaire", f"oproep en vragenlijst in {', '.join(LANGUAGES)} "
                                      f"({n_q} vragen)", files)
    outcome = Outcome(warnings=notes.items, files=files, changed=True,
                      data={"files": [str(f) for f in files]})
    outcome.messages.append(f"Oproep en vragenlijst geschreven in {len(LANGUAGES)} talen "
                            f"({n_q} vragen) in {out}.")
    return outcome


def dossier(book: WorkbookIO, out_dir, progress: Progress = no_progress) -> Outcome:
    """The argued dossier for the college of mayor and aldermen (Dutch)."""
    from partnerkeuze.documents.contexts import Notes
    from partnerkeuze.documents.dossier import dossier_context
    from partnerkeuze.documents.render import locale_for

    snap, model, result = _read(book, progress)
    own = _own(model, book)
    out = output_dir(out_dir)
    notes = Notes()
    progress("Grafieken tekenen…")
    ctx = dossier_context(model, snap, result, _base_dir(book), notes)
    progress("Dossier schrijven…")
    path = out / DOSSIER_NAME
    _write(path, _template("dossier", "nl", own).render(ctx, locale_for("nl")))
    pdfs, pdf_warnings = pdf_copies([path], progress)
    _log(book, snap, "dossier", f"dossier voor het college; voorstel: {ctx['proposal']['id']} "
                                f"{ctx['proposal']['name']}", [path] + pdfs)
    outcome = Outcome(warnings=notes.items + list(result.warnings) + pdf_warnings,
                      files=[path] + pdfs, changed=True,
                      data={"files": [str(f) for f in [path] + pdfs],
                            "proposal": ctx["proposal"]["id"]})
    outcome.messages.append(f"Dossier voor het college geschreven: {path} (voorstel: "
                            f"{ctx['proposal']['name']}).")
    return outcome


def letter_name(prefix: str, cid: str, name: str, lang: str) -> str:
    """The file name of a letter, e.g. Brief_K04_Bugesera_en.docx."""
    return f"{prefix}_{safe_name(cid, 12)}_{safe_name(name)}_{lang}.docx"


def letters(book: WorkbookIO, out_dir, progress: Progress = no_progress) -> Outcome:
    """A letter to every candidate: the announcement to the chosen partner, reasons to the others.

    In SDG mode the letters are those of the matching: to both partners of every pair.
    """
    from partnerkeuze.documents.combine import combine
    from partnerkeuze.documents.contexts import (Notes, chosen_context, chosen_partner,
                                                 declined_context, letterhead)
    from partnerkeuze.documents.render import locale_for

    snap, model, result = _read(book, progress)
    if model.settings.mode == "sdg":
        # SDG partnerships: the letters announce the matches to both sides (see partnerkeuze.sdg).
        from partnerkeuze.sdg.actions import documents

        return documents(book, out_dir, progress)
    chosen = chosen_partner(model, result)
    if chosen is None:
        raise InputProblems([Problem("Resultaten", "er is nog geen gekozen partner: de "
                                     "shortlist is leeg en geen kandidaat heeft de status "
                                     "'Gekozen'. Vervolledig de scores en bereken ze opnieuw.")])
    own = _own(model, book)
    out = output_dir(out_dir)
    notes = Notes()
    heads: dict[str, dict] = {}  # the letterhead in each reader's language
    files: list[Path] = []
    documents: list[bytes] = []
    total = len(model.candidates)
    seen_names: set[str] = set()
    for i, cand in enumerate(model.candidates, start=1):
        lang = cand.language if cand.language in LANGUAGES else "nl"
        is_chosen = cand.id == chosen.id
        if lang not in heads:
            heads[lang] = letterhead(model, _base_dir(book), notes, language=lang)
        head = heads[lang]
        progress(f"Brief {i}/{total}: {cand.id} {cand.name} ({lang})")
        if is_chosen:
            ctx = chosen_context(model, result, cand, lang, head, notes)
            tpl, prefix = _template("letter_chosen", lang, own), "Bekendmaking"
        else:
            ctx = declined_context(model, result, cand, chosen, lang, head, notes)
            tpl, prefix = _template("letter_declined", lang, own), "Brief"
        data = tpl.render(ctx, locale_for(lang))
        name = letter_name(prefix, cand.id, cand.name, lang)
        if name.lower() in seen_names:
            name = name[:-5] + f"_{i}.docx"
        seen_names.add(name.lower())
        path = out / name
        _write(path, data)
        files.append(path)
        documents.append(data)
    pdfs, pdf_warnings = pdf_copies(files, progress)
    pages = None
    if pdfs and len(pdfs) == len(files):
        from partnerkeuze.documents.pdf import page_counts

        counts = page_counts(pdfs)
        pages = [counts[f.with_suffix(".pdf")] for f in files]
    progress("Bundel om af te drukken…")
    combined = out / COMBINED_NAME
    _write(combined, combine(documents, pages))
    files.append(combined)
    bundle_pdf, bundle_warnings = pdf_copies([combined], progress)
    notes.items.extend(pdf_warnings + bundle_warnings)
    files += pdfs + bundle_pdf
    _log(book, snap, "letters", f"{total} brieven: bekendmaking aan {chosen.id} {chosen.name}, "
                                f"{total - 1} aan de andere kandidaten", files)
    outcome = Outcome(warnings=notes.items, files=files, changed=True,
                      data={"files": [str(f) for f in files], "chosen": chosen.id})
    outcome.messages.append(f"{total} brieven geschreven in {out} (bekendmaking aan "
                            f"{chosen.id} {chosen.name}), plus {COMBINED_NAME} om af te drukken"
                            f" (recto verso: elke brief begint op een oneven bladzijde)"
                            f"{', elk ook als PDF' if pdfs else ''}.")
    return outcome


def demo_questionnaire(workbook_path, out_dir, progress: Progress = no_progress) -> list[Path]:
    """Demo step: the questionnaires of the demo workbook."""
    return _demo(questionnaire, workbook_path, out_dir, progress)


def demo_dossier(workbook_path, out_dir, progress: Progress = no_progress) -> list[Path]:
    """Demo step: the dossier of the demo workbook."""
    return _demo(dossier, workbook_path, out_dir, progress)


def demo_letters(workbook_path, out_dir, progress: Progress = no_progress) -> list[Path]:
    """Demo step: the letters of the demo workbook."""
    return _demo(letters, workbook_path, Path(out_dir) / "Brieven", progress)


def _demo(action, workbook_path, out_dir, progress) -> list[Path]:
    from partnerkeuze.xlsx.file_workbook import FileWorkbook

    book = FileWorkbook(workbook_path)
    outcome = action(book, out_dir, progress)
    book.save(backup=False)
    return outcome.files
