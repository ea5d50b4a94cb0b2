"""Actions questionnaire, dossier and letters: Word documents written from the workbook.

Each reads one snapshot, parses and scores it, writes .docx files atomically into ``out_dir``
and appends a log entry listing the files (applied through ``book.apply``).
"""

from __future__ import annotations

import os
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
    """Where the Word templates are: PARTNERKEUZE_TEMPLATES, else templates/ of the project."""
    env = os.environ.get("PARTNERKEUZE_TEMPLATES")
    return Path(env) if env else ROOT / "templates"


def template(kind: str, lang: str) -> Path:
    """The template file of a kind of document in a language."""
    path = templates_dir() / f"{kind}_{lang}.docx"
    if not path.exists():
        raise FileError(f"sjabloon {path}: bestand niet gevonden (maak de sjablonen opnieuw met "
                        f"'python -m partnerkeuze.documents.template_builder')")
    return path


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
        from partnerkeuze.errors import os_reason

        raise FileError(f"{out}: de map kan niet gemaakt worden ({os_reason(exc)})") from None
    from partnerkeuze.xlsx.saving import check_writable

    check_writable(out / "x")  # a read-only folder is refused before anything is written
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


def _log(book: WorkbookIO, snap, action: str, details: str, files: list[Path]) -> None:
    book.apply(audit.entry_patch(snap, action, details, files))


def questionnaire(book: WorkbookIO, out_dir, progress: Progress = no_progress) -> Outcome:
    """The call with its questionnaire in Dutch, French, English and Spanish."""
    from partnerkeuze.documents.contexts import Notes, questionnaire_context
    from partnerkeuze.documents.render import locale_for, render_docx

    snap, model, _ = _read(book, progress)
    out = output_dir(out_dir)
    notes = Notes()
    files: list[Path] = []
    for lang in LANGUAGES:
        progress(f"Vragenlijst ({lang})…")
        ctx = questionnaire_context(model, lang, _base_dir(book), notes)
        path = out / QUESTIONNAIRE_NAME.format(lang=lang)
        _write(path, render_docx(template("questionnaire", lang), ctx, locale_for(lang)))
        files.append(path)
    n_q = len(ctx["questions"])
    _log(book, snap, "questionnaire", f"oproep en vragenlijst in {', '.join(LANGUAGES)} "
                                      f"({n_q} vragen)", files)
    outcome = Outcome(warnings=notes.items, files=files, changed=True,
                      data={"files": [str(f) for f in files]})
    outcome.messages.append(f"Oproep en vragenlijst geschreven in {len(files)} talen "
                            f"({n_q} vragen) in {out}.")
    return outcome


def dossier(book: WorkbookIO, out_dir, progress: Progress = no_progress) -> Outcome:
    """The argued dossier for the college of mayor and aldermen (Dutch)."""
    from partnerkeuze.documents.contexts import Notes
    from partnerkeuze.documents.dossier import dossier_context
    from partnerkeuze.documents.render import locale_for, render_docx

    snap, model, result = _read(book, progress)
    out = output_dir(out_dir)
    notes = Notes()
    progress("Grafieken tekenen…")
    ctx = dossier_context(model, snap, result, _base_dir(book), notes)
    progress("Dossier schrijven…")
    path = out / DOSSIER_NAME
    _write(path, render_docx(template("dossier", "nl"), ctx, locale_for("nl")))
    _log(book, snap, "dossier", f"dossier voor het college; voorstel: {ctx['proposal']['id']} "
                                f"{ctx['proposal']['name']}", [path])
    outcome = Outcome(warnings=notes.items + list(result.warnings), files=[path], changed=True,
                      data={"files": [str(path)], "proposal": ctx["proposal"]["id"]})
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
    from partnerkeuze.documents.render import compiled, locale_for

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
    out = output_dir(out_dir)
    notes = Notes()
    head = letterhead(model, _base_dir(book), notes)
    files: list[Path] = []
    documents: list[bytes] = []
    total = len(model.candidates)
    seen_names: set[str] = set()
    for i, cand in enumerate(model.candidates, start=1):
        lang = cand.language if cand.language in LANGUAGES else "nl"
        is_chosen = cand.id == chosen.id
        progress(f"Brief {i}/{total}: {cand.id} {cand.name} ({lang})")
        if is_chosen:
            ctx = chosen_context(model, result, cand, lang, head, notes)
            tpl, prefix = compiled(template("letter_chosen", lang)), "Bekendmaking"
        else:
            ctx = declined_context(model, result, cand, chosen, lang, head, notes)
            tpl, prefix = compiled(template("letter_declined", lang)), "Brief"
        data = tpl.render(ctx, locale_for(lang))
        name = letter_name(prefix, cand.id, cand.name, lang)
        if name.lower() in seen_names:
            name = name[:-5] + f"_{i}.docx"
        seen_names.add(name.lower())
        path = out / name
        _write(path, data)
        files.append(path)
        documents.append(data)
    progress("Bundel om af te drukken…")
    combined = out / COMBINED_NAME
    _write(combined, combine(documents))
    files.append(combined)
    _log(book, snap, "letters", f"{total} brieven: bekendmaking aan {chosen.id} {chosen.name}, "
                                f"{total - 1} aan de andere kandidaten", files)
    outcome = Outcome(warnings=notes.items, files=files, changed=True,
                      data={"files": [str(f) for f in files], "chosen": chosen.id})
    outcome.messages.append(f"{total} brieven geschreven in {out} (bekendmaking aan "
                            f"{chosen.id} {chosen.name}), plus {COMBINED_NAME} om af te drukken.")
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
