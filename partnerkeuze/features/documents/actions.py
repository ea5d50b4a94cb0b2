"""The work behind questionnaire, dossier and letters: Word documents written from a workbook
that passed the gate, each .docx with a PDF beside it, and one log entry listing the files."""

from __future__ import annotations

from pathlib import Path

from partnerkeuze.io import audit
from partnerkeuze.io.docx.pdf import pdf_copies
from partnerkeuze.io.forms.texts import file_name
from partnerkeuze.io.outputs import output_dir, safe_name, write
from partnerkeuze.kernel.errors import InputProblems, Problem
from partnerkeuze.kernel.languages import LANGUAGES, locale_for, reader_language
from partnerkeuze.kernel.port import Outcome, Run

DOSSIER_NAME = "Dossier_college.docx"
COMBINED_NAME = "Brieven_alle_kandidaten.docx"
DRAFT_PREFIX = "ONTWERP_"


def template(kind: str, lang: str, own: Path | None = None) -> Path:
    """The template file of a kind of document in a language (``own``: the municipality's folder)."""
    from partnerkeuze.io.docx.templates import find

    return find(f"{kind}_{lang}.docx", own)


def _template(kind: str, lang: str, own: Path | None):
    """The compiled template of a kind in a language, its required fields checked."""
    from partnerkeuze.features.documents.fields import required
    from partnerkeuze.io.docx.templates import load

    return load(f"{kind}_{lang}.docx", own, required=required(kind))


def own_templates(run: Run) -> Path | None:
    """The municipality's own template folder (Instellingen), or None."""
    from partnerkeuze.io.docx.templates import own_folder

    return own_folder(run.model, run.base_dir)


def _log(run: Run, action: str, details: str, files: list[Path]) -> None:
    run.book.apply(audit.entry_patch(run.snap, action, details, files))


def stated_result(run: Run):
    """The figures the letters and the dossier state: after a decision of the college (or the
    council's approval) the decided result kept on the sheet Beslissing, never a recalculation
    (the gate refuses the documents while the inputs differ from it); before a decision the
    scores of the workbook."""
    from partnerkeuze.record.procedure.decided import decided_result

    decided = decided_result(run.snap)
    if decided is not None:
        return decided.score_result()
    from partnerkeuze.core.assessment import evaluate

    return evaluate(run.model)


def questionnaire(run: Run) -> Outcome:
    """The call with its questionnaire in Dutch, French, English and Spanish."""
    from partnerkeuze.features.documents.contexts import Notes, questionnaire_context

    model, progress = run.model, run.progress
    own = own_templates(run)
    out = output_dir(run.options["out"])
    notes = Notes()
    files: list[Path] = []
    for lang in LANGUAGES:
        progress(f"Vragenlijst ({lang})…")
        ctx = questionnaire_context(model, lang, run.base_dir, notes)
        path = out / file_name("questionnaire", lang)
        write(path, fillable(_template("questionnaire", lang, own).render(ctx, locale_for(lang)),
                             model, lang, ctx))
        files.append(path)
    n_q = len(ctx["questions"])
    pdfs, pdf_warnings = pdf_copies(files, progress)
    notes.items.extend(pdf_warnings)
    files += pdfs
    _log(run, "questionnaire", f"oproep en vragenlijst in {', '.join(LANGUAGES)} "
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


def dossier(run: Run, plan_section: dict | None = None) -> Outcome:
    """The argued dossier for the college of mayor and aldermen (Dutch); ``plan_section``: the
    planning's part of the dossier (the app computes it with the planning)."""
    from partnerkeuze.features.documents.contexts import Notes
    from partnerkeuze.features.documents.dossier import dossier_context

    model, snap, progress = run.model, run.snap, run.progress
    progress("Scores berekenen…")
    result = stated_result(run)
    own = own_templates(run)
    out = output_dir(run.options["out"])
    notes = Notes()
    progress("Grafieken tekenen…")
    ctx = dossier_context(model, snap, result, run.base_dir, notes, plan_section)
    progress("Dossier schrijven…")
    path = out / DOSSIER_NAME
    write(path, _template("dossier", "nl", own).render(ctx, locale_for("nl")))
    pdfs, pdf_warnings = pdf_copies([path], progress)
    proposal = ctx["proposal"]
    what = (f"{proposal['id']} {proposal['name']}" if proposal else "geen voorstel")
    state = "beslissing van het college" if ctx["decision"]["final"] else "voorstel"
    _log(run, "dossier", f"dossier voor het college; {state}: {what}", [path] + pdfs)
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


def letters(run: Run) -> Outcome:
    """A letter to every candidate: the announcement to the chosen partner, reasons to the others.

    The partner is the one the college chose (procedure record); before its decision the letters
    are drafts of the proposal (consensus order, else the single best score), marked and named
    ONTWERP. A candidate the municipality left incomplete gets no letter yet: the outcome says
    so (a warning) and the others are written.
    """
    from partnerkeuze.features.documents.combine_letters import bundle
    from partnerkeuze.features.documents.contexts import (Notes, chosen_context,
                                                          declined_context, letterhead)
    from partnerkeuze.record.procedure import read_record
    from partnerkeuze.record.procedure import reasons as rs
    from partnerkeuze.record.procedure.decision import decide

    model, snap, progress = run.model, run.snap, run.progress
    progress("Scores berekenen…")
    result = stated_result(run)
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
    own = own_templates(run)
    out = output_dir(run.options["out"])
    notes = Notes()
    heads: dict[str, dict] = {}  # the letterhead in each reader's language
    prefix_all = DRAFT_PREFIX if decision.draft else ""
    files: list[Path] = []
    documents: list[bytes] = []
    listed: list[dict] = []
    withheld: list[str] = []
    total = len(model.candidates)
    seen_names: set[str] = set()
    for i, cand in enumerate(model.candidates, start=1):
        lang = reader_language(cand.language)
        why = rs.reasons_for(model, result, decision, cand.id)
        if why.blocked:
            res = by_id[cand.id]
            who = ", ".join(sorted({a for _, a in res.missing})) or "de beoordelaars"
            withheld.append(f"{cand.id} ({cand.name}) krijgt nog geen brief: de kandidatuur is "
                            f"onvolledig gescoord door {who}; vervolledig de scores en maak de "
                            f"brieven opnieuw")
            continue
        if lang not in heads:
            heads[lang] = letterhead(model, run.base_dir, notes, language=lang)
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
        write(path, data)
        files.append(path)
        documents.append(data)
        listed.append({"candidate": cand.id, "file": name, "kind": why.kind, "language": lang,
                       "strengths": list(why.strengths), "deciding": list(why.deciding),
                       "assessors": why.assessors})
    pdfs, pdf_warnings = pdf_copies(files, progress)
    progress("Bundel om af te drukken…")
    combined = out / (prefix_all + COMBINED_NAME)
    write(combined, bundle(documents, files, pdfs))
    files.append(combined)
    bundle_pdf, bundle_warnings = pdf_copies([combined], progress)
    notes.items.extend(pdf_warnings + bundle_warnings)
    files += pdfs + bundle_pdf
    state = "ontwerpen (nog geen beslissing van het college)" if decision.draft else \
        f"beslissing van het college van {decision.record.college.date}"
    _log(run, "letters", f"{len(listed)} brieven, {state}: bekendmaking aan {chosen.id} "
                         f"{chosen.name}, {len(listed) - 1} aan de andere kandidaten"
                         + (f"; geen brief voor {len(withheld)} onvolledig gescoorde "
                            f"kandidaat/kandidaten" if withheld else ""), files)
    outcome = Outcome(warnings=withheld + notes.items, files=files, changed=True,
                      data={"partner": chosen.id, "final": decision.final, "letters": listed,
                            "withheld": withheld})
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
