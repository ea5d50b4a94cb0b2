"""Actions questionnaire, dossier and letters: Word documents written from the workbook.

Each reads one snapshot, parses and scores it, writes .docx files atomically into ``out_dir``
and appends a log entry listing the files (applied through ``book.apply``).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from partnerkeuze.io import audit
from partnerkeuze.kernel.port import Outcome, Progress, WorkbookIO, no_progress
from partnerkeuze.kernel.errors import FileError, InputProblems, Problem
from partnerkeuze.kernel.paths import SOURCE_ROOT as ROOT

LANGUAGES = ("nl", "fr", "en", "es")
QUESTIONNAIRE_NAME = "Oproep_en_vragenlijst_{lang}.docx"
DOSSIER_NAME = "Dossier_college.docx"
COMBINED_NAME = "Brieven_alle_kandidaten.docx"


def templates_dir() -> Path:
    """Where the full set of Word templates is: PARTNERKEUZE_TEMPLATES, else templates/."""
    from partnerkeuze.io.docx.templates import base_folder

    return base_folder()


def template(kind: str, lang: str, own: Path | None = None) -> Path:
    """The template file of a kind of document in a language (``own``: the municipality's folder)."""
    from partnerkeuze.io.docx.templates import find

    return find(f"{kind}_{lang}.docx", own)


def _template(kind: str, lang: str, own: Path | None):
    """The compiled template of a kind in a language, its required fields checked."""
    from partnerkeuze.io.docx.templates import load

    return load(f"{kind}_{lang}.docx", own)


def _own(model, book: WorkbookIO) -> Path | None:
    """The municipality's own template folder (Instellingen), or None."""
    from partnerkeuze.io.docx.templates import own_folder

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
        from partnerkeuze.kernel.errors import os_reason

        raise FileError(f"{out}: de map kan niet gemaakt worden ({os_reason(exc)})") from None
    from partnerkeuze.io.saving import check_writable

    check_writable(out / "x")  # a read-only folder is refused before anything is written
    return out


def _base_dir(book: WorkbookIO) -> Path | None:
    path = getattr(book, "path", None)
    return Path(path).parent if path else None


def _read(book: WorkbookIO, progress: Progress):
    from partnerkeuze.core.assessment import evaluate
    from partnerkeuze.core.parse import parse

    progress("Werkmap lezen…")
    snap = book.snapshot()
    model = parse(snap)
    progress("Scores berekenen…")
    return snap, model, evaluate(model)


def _write(path: Path, data: bytes) -> None:
    from partnerkeuze.io.xlsx.file_workbook import write_file

    try:
        write_file(path, data)
    except PermissionError:
        raise FileError(f"{path}: geen schrijfrechten (is het document open in Word?)") from None


def pdf_copies(files: list[Path], progress: Progress = no_progress) -> tuple[list[Path], list[str]]:
    """A PDF beside every .docx (one LibreOffice call for all); the PDFs and any warnings.

    PARTNERKEUZE_PDF=0 switches them off; without LibreOffice there is a warning, not an error.
    """
    from partnerkeuze.io.docx import pdf

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
    from partnerkeuze.features.documents.contexts import Notes, questionnaire_context
    from partnerkeuze.io.docx.render import locale_for

    snap, model, _ = _read(book, progress)
    own = _own(model, book)
    out = output_dir(out_dir)
    notes = Notes()
    files: list[Path] = []
    for lang in LANGUAGES:
        progress(f"Vragenlijst ({lang})…")
        ctx = questionnaire_context(model, lang, _base_dir(book), notes)
        path = out / QUESTIONNAIRE_NAME.format(lang=lang)
        _write(path, fillable(_template("questionnaire", lang, own).render(ctx, locale_for(lang)),
                              model, lang, ctx))
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


def fillable(docx: bytes, model, lang: str, ctx: dict) -> bytes:
    """The questionnaire with its identification, so that 'import' reads it back."""
    from partnerkeuze.io.forms.identity import call_of, now_stamp
    from partnerkeuze.io.forms.word_form import WORD_FIELDS, with_identity

    keys = list(WORD_FIELDS) + [f"answer:{q['criterion']}" for q in ctx["questions"]]
    return with_identity(docx, call_of(model), lang, keys, now_stamp())


def dossier(book: WorkbookIO, out_dir, progress: Progress = no_progress) -> Outcome:
    """The argued dossier for the college of mayor and aldermen (Dutch)."""
    from partnerkeuze.features.documents.contexts import Notes
    from partnerkeuze.features.documents.dossier import dossier_context
    from partnerkeuze.io.docx.render import locale_for

    snap, model, result = _read(book, progress)
    own = _own(model, book)
    out = output_dir(out_dir)
    notes = Notes()
    record_notes(snap, model, result, notes)
    progress("Grafieken tekenen…")
    ctx = dossier_context(model, snap, result, _base_dir(book), notes)
    progress("Dossier schrijven…")
    path = out / DOSSIER_NAME
    _write(path, _template("dossier", "nl", own).render(ctx, locale_for("nl")))
    pdfs, pdf_warnings = pdf_copies([path], progress)
    proposal = ctx["proposal"]
    what = (f"{proposal['id']} {proposal['name']}" if proposal else "geen voorstel")
    state = "beslissing van het college" if ctx["decision"]["final"] else "voorstel"
    _log(book, snap, "dossier", f"dossier voor het college; {state}: {what}",
         [path] + pdfs)
    outcome = Outcome(warnings=notes.items + list(result.warnings) + pdf_warnings,
                      files=[path] + pdfs, changed=True,
                      data={"files": [str(f) for f in [path] + pdfs],
                            "proposal": proposal["id"] if proposal else None,
                            "final": ctx["decision"]["final"]})
    outcome.messages.append(f"Dossier voor het college geschreven: {path} ({state}: {what}).")
    return outcome


def letter_name(prefix: str, cid: str, name: str, lang: str) -> str:
    """The file name of a letter, e.g. Brief_K04_Bugesera_en.docx."""
    return f"{prefix}_{safe_name(cid, 12)}_{safe_name(name)}_{lang}.docx"


DRAFT_PREFIX = "ONTWERP_"


def letters(book: WorkbookIO, out_dir, progress: Progress = no_progress) -> Outcome:
    """A letter to every candidate: the announcement to the chosen partner, reasons to the others.

    The partner is the one the college chose (procedure record); before its decision the letters
    are drafts of the proposal (consensus order, else the single best score), marked and named
    ONTWERP. A candidate the municipality left incomplete gets no letter: a problem (exit 1).
    In SDG mode the letters are those of the matching: to both partners of every pair.
    """
    from partnerkeuze.io.docx.combine import combine
    from partnerkeuze.features.documents.contexts import (
        Notes,
        chosen_context,
        declined_context,
        letterhead)
    from partnerkeuze.io.docx.render import locale_for
    from partnerkeuze.record.procedure import read_record
    from partnerkeuze.record.procedure import reasons as rs
    from partnerkeuze.record.procedure.decision import decide

    snap, model, result = _read(book, progress)
    if model.settings.mode == "sdg":
        # SDG partnerships: the letters announce the matches to both sides (see partnerkeuze.features.sdg).
        from partnerkeuze.features.sdg.actions import documents

        return documents(book, out_dir, progress)
    decision = decide(model, result, read_record(snap))
    by_id = result.by_id()
    chosen = by_id.get(decision.partner) if decision.partner else None
    if chosen is None:
        what = (f"het college koos '{decision.partner}', dat niet gescoord is"
                if decision.final else
                "er is nog geen beslissing van het college en geen voorstel: geen eindvolgorde "
                "in consensus en geen kandidaat met de hoogste score alleen")
        raise InputProblems([Problem("Procedure", f"{what}. Vervolledig de scores of leg de "
                                                  f"beslissing vast (partnerkeuze record PAD "
                                                  f"college --partner ID).")])
    own = _own(model, book)
    out = output_dir(out_dir)
    notes = Notes()
    record_notes(snap, model, result, notes)
    heads: dict[str, dict] = {}  # the letterhead in each reader's language
    prefix_all = DRAFT_PREFIX if decision.draft else ""
    files: list[Path] = []
    documents: list[bytes] = []
    listed: list[dict] = []
    problems: list[Problem] = []
    sheet = layout_sheet("candidates")
    total = len(model.candidates)
    seen_names: set[str] = set()
    for i, cand in enumerate(model.candidates, start=1):
        lang = cand.language if cand.language in LANGUAGES else "nl"
        why = rs.reasons_for(model, result, decision, cand.id)
        if why.blocked:
            res = by_id[cand.id]
            who = ", ".join(sorted({a for _, a in res.missing})) or "de beoordelaars"
            problems.append(Problem(f"{sheet}!A{cand.row}",
                                    f"{cand.id} ({cand.name}) krijgt nog geen brief: de kandidatuur "
                                    f"is onvolledig gescoord door {who}; vervolledig de scores en "
                                    f"maak de brieven opnieuw"))
            continue
        if lang not in heads:
            heads[lang] = letterhead(model, _base_dir(book), notes, language=lang)
        head = heads[lang]
        progress(f"Brief {i}/{total}: {cand.id} {cand.name} ({lang})")
        if why.kind == rs.ANNOUNCEMENT:
            ctx = chosen_context(model, result, cand, lang, head, notes, decision, why)
            tpl, prefix = _template("letter_chosen", lang, own), "Bekendmaking"
        else:
            ctx = declined_context(model, result, cand, chosen, lang, head, notes, decision, why)
            tpl, prefix = _template("letter_declined", lang, own), "Brief"
        data = tpl.render(ctx, locale_for(lang))
        name = prefix_all + letter_name(prefix, cand.id, cand.name, lang)
        if name.lower() in seen_names:
            name = name[:-5] + f"_{i}.docx"
        seen_names.add(name.lower())
        path = out / name
        _write(path, data)
        files.append(path)
        documents.append(data)
        listed.append({"candidate": cand.id, "file": name, "kind": why.kind, "language": lang,
                       "strengths": list(why.strengths), "deciding": list(why.deciding),
                       "assessors": why.assessors})
    pdfs, pdf_warnings = pdf_copies(files, progress)
    pages = None
    if pdfs and len(pdfs) == len(files):
        from partnerkeuze.io.docx.pdf import page_counts

        counts = page_counts(pdfs)
        pages = [counts[f.with_suffix(".pdf")] for f in files]
    progress("Bundel om af te drukken…")
    combined = out / (prefix_all + COMBINED_NAME)
    _write(combined, combine(documents, pages))
    files.append(combined)
    bundle_pdf, bundle_warnings = pdf_copies([combined], progress)
    notes.items.extend(pdf_warnings + bundle_warnings)
    files += pdfs + bundle_pdf
    state = "ontwerpen (nog geen beslissing van het college)" if decision.draft else \
        f"beslissing van het college van {decision.record.college.date}"
    _log(book, snap, "letters", f"{len(listed)} brieven, {state}: bekendmaking aan {chosen.id} "
                                f"{chosen.name}, {len(listed) - 1} aan de andere kandidaten"
                                + (f"; geen brief voor {len(problems)} onvolledig gescoorde "
                                   f"kandidaat/kandidaten" if problems else ""), files)
    outcome = Outcome(warnings=notes.items, files=files, changed=True,
                      data={"partner": chosen.id, "final": decision.final, "letters": listed,
                            "problems": [str(p) for p in problems]})
    if decision.draft:
        outcome.messages.append(
            f"ONTWERPEN: het college heeft nog niet beslist. {len(listed)} ontwerpbrieven "
            f"geschreven in {out} (voorstel: {chosen.id} {chosen.name}, "
            f"{'eerste in de eindvolgorde' if decision.basis == 'consensus' else 'hoogste score'}"
            f"), plus {prefix_all}{COMBINED_NAME}. Leg de beslissing vast met partnerkeuze "
            f"record PAD college --partner ID en maak de brieven opnieuw.")
    else:
        outcome.messages.append(f"{len(listed)} brieven geschreven in {out} (bekendmaking aan "
                                f"{chosen.id} {chosen.name}, gekozen door het college op "
                                f"{decision.record.college.date}), plus {COMBINED_NAME} om af "
                                f"te drukken (recto verso: elke brief begint op een oneven "
                                f"bladzijde){', elk ook als PDF' if pdfs else ''}.")
    return outcome


def record_notes(snap, model, result, notes) -> None:
    """Warn about every contradiction between the procedure record, the Status column, the
    final order and the scores: the documents follow the record, the user should know."""
    from partnerkeuze.record.procedure.checks import record_problems

    for p in record_problems(snap, model, result):
        notes.add(f"{p} (de documenten volgen het blad Procedure)")


def layout_sheet(key: str) -> str:
    """The Dutch name of a sheet of the layout."""
    from partnerkeuze import layout

    return layout.sheet(key).name


def demo_questionnaire(workbook_path, out_dir, progress: Progress = no_progress) -> list[Path]:
    """Demo step: the questionnaires of the demo workbook."""
    return _demo(questionnaire, workbook_path, out_dir, progress)


def demo_dossier(workbook_path, out_dir, progress: Progress = no_progress) -> list[Path]:
    """Demo step: the dossier of the demo workbook."""
    return _demo(dossier, workbook_path, out_dir, progress)


def demo_letters(workbook_path, out_dir, progress: Progress = no_progress) -> list[Path]:
    """Demo step: the letters of the demo workbook (a candidate the demo left incomplete gets
    none, and the demo says so)."""
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    book = FileWorkbook(workbook_path)
    outcome = letters(book, Path(out_dir) / "Brieven", progress)
    book.save(backup=False)
    for line in outcome.data.get("problems") or ():
        progress(line)
    return outcome.files


def _demo(action, workbook_path, out_dir, progress) -> list[Path]:
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    book = FileWorkbook(workbook_path)
    outcome = action(book, out_dir, progress)
    book.save(backup=False)
    return outcome.files
