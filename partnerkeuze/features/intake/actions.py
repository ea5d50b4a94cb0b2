"""The intake work behind the commands and ribbon buttons: forms out and back.

Every work takes the pipeline's Run and returns an Outcome. Forms that cannot be read are listed
in ``outcome.data["problems"]`` (one Dutch line each, starting with the file name) while the
others are read and saved; the outcome says which were withheld.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from partnerkeuze.io import audit
from partnerkeuze.io.outputs import input_folder, output_dir
from partnerkeuze.io.xlsx.file_workbook import workbook_bytes
from partnerkeuze.kernel.errors import InputProblems, Problem
from partnerkeuze.kernel.port import Outcome, Progress, Run
from partnerkeuze.kernel.languages import LANGUAGES

FORM_LANGUAGES = LANGUAGES  # every language the call is in


def forms(run: Run) -> Outcome:
    """Write the candidacy form of the call in nl, fr, en and es into the folder ``out``."""
    from partnerkeuze.features.intake.candidacy_form import build_candidacy_form
    from partnerkeuze.io.forms import texts
    from partnerkeuze.io.forms.identity import call_of

    snap, model, book, progress = run.snap, run.model, run.book, run.progress
    if not model.criteria:
        raise InputProblems([Problem("Criteria", "er zijn geen criteria om vragen over te stellen")])
    from partnerkeuze.io.forms.manifest import WrittenForms, kept_warning

    out = output_dir(run.options["out"])
    call = call_of(model)
    from partnerkeuze.record.procedure.deadline import call_deadline_of

    deadline = call_deadline_of(snap, model)  # the recorded one once the call is published
    outcome = Outcome()
    written = WrittenForms(out)
    for lang in FORM_LANGUAGES:
        progress(f"Kandidatuurformulier ({lang}) schrijven…")
        missing = [c.id for c in model.criteria if not (c.questions.get(lang) or "").strip()]
        if missing:
            outcome.warnings.append(f"Criteria {', '.join(missing)} hebben geen vraag in het "
                                    f"{_lang_name(lang)}; het formulier ({lang}) toont daar de "
                                    f"Nederlandse vraag of de naam van het criterium")
        path = out / texts.form_file_name(lang)
        data = workbook_bytes(build_candidacy_form(model, call, lang, deadline))
        if not written.write(path, data):
            outcome.warnings.append(kept_warning(path, f"het {_lang_name(lang)}"))
            continue
        outcome.files.append(path)
    written.save()
    outcome.messages.append(f"{len(outcome.files)} kandidatuurformulieren geschreven in {out}: "
                            + ", ".join(p.name for p in outcome.files))
    if written.kept:
        outcome.messages.append(f"{len(written.kept)} bestaand(e) formulier(en) bewaard: "
                                + ", ".join(p.name for p in written.kept))
    book.apply(audit.entry_patch(snap, "forms", f"kandidatuurformulieren (nl, fr, en, es) voor "
                                               f"{call.label}, criteria {call.criteria_hash[:12]}",
                                 outcome.files))
    outcome.changed = True
    outcome.data = {"files": [str(p) for p in outcome.files], "criteria_hash": call.criteria_hash}
    return outcome


def _lang_name(lang: str) -> str:
    from partnerkeuze.kernel.languages import NAMES_NL

    return NAMES_NL[lang]


def _mail_attachments(mail: Path, into: Path) -> tuple[list[Path], "dt.date | None", list[str]]:
    """(attachments of a saved mail (.eml) that may be forms, written into a temporary folder;
    the day the mail was sent; attachments skipped)."""
    import email
    import email.policy
    import email.utils

    from partnerkeuze.io.forms.provenance import FORM_SUFFIXES
    from partnerkeuze.io.forms.safety import read_bytes

    msg = email.message_from_bytes(read_bytes(mail), policy=email.policy.default)
    try:
        sent = email.utils.parsedate_to_datetime(str(msg["Date"])).date() if msg["Date"] else None
    except (TypeError, ValueError):
        sent = None
    found, skipped = [], []
    for n, part in enumerate(msg.iter_attachments()):
        name = Path(str(part.get_filename() or f"bijlage-{n}")).name[:120]
        if Path(name).suffix.lower() not in FORM_SUFFIXES:
            skipped.append(name)
            continue
        target = into / f"{mail.stem[:60]}" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(part.get_content() if isinstance(part.get_content(), bytes)
                           else str(part.get_content()).encode())
        found.append(target)
        if len(found) > 50:
            break
    return found, sent, skipped


def _read_all(folder: Path, reader, progress: Progress, outcome: Outcome, seen_hashes: dict):
    """Read every form in a folder and its subfolders (also the forms attached to saved mails)
    with reader(path); refused forms become problems. Each form gets the day it arrived: the
    mail's date, else the day its file was saved."""
    import tempfile

    from partnerkeuze.io.forms.provenance import MAIL_SUFFIX, arrival_date, form_files, shown
    from partnerkeuze.io.forms.safety import FormRefused, file_hash, read_bytes

    paths, others = form_files(folder)
    if others:
        outcome.messages.append(f"{len(others)} bestand(en) overgeslagen (geen formulier: .xlsx, "
                                f".ods, .docx of een mail .eml): "
                                + ", ".join(shown(p, folder) for p in others[:10])
                                + (" …" if len(others) > 10 else ""))
    subfolders = sorted({str(p.parent.relative_to(folder)) for p in paths
                         if p.parent != folder})
    if subfolders:
        outcome.messages.append("Ook gelezen in de submappen: " + ", ".join(subfolders[:10])
                                + (" …" if len(subfolders) > 10 else "") + ".")
    problems: list[str] = outcome.data.setdefault("problems", [])
    unchanged: list[str] = outcome.data.setdefault("unchanged", [])
    read = []
    batch: dict[str, str] = {}
    from partnerkeuze.io.leftovers import temp_prefix

    with tempfile.TemporaryDirectory(prefix=temp_prefix("mail")) as tmp:
        queue: list[tuple[Path, str, object]] = []
        for path in paths:
            if path.suffix.lower() != MAIL_SUFFIX:
                queue.append((path, shown(path, folder), None))
                continue
            try:
                found, sent, skipped = _mail_attachments(path, Path(tmp))
            except FormRefused as exc:
                problems.append(str(exc))
                continue
            except Exception as exc:  # a damaged mail must not stop the others
                problems.append(f"{shown(path, folder)}: de mail kan niet gelezen worden "
                                f"({type(exc).__name__})")
                continue
            if not found:
                outcome.messages.append(f"{shown(path, folder)}: geen formulier als bijlage"
                                        + (f" ({', '.join(skipped[:5])})" if skipped else "")
                                        + ".")
            for f in found:
                queue.append((f, f"{shown(path, folder)} > {f.name}", sent or arrival_date(path)))
        for path, label, arrived in queue:
            progress(f"{label} lezen…")
            try:
                digest = file_hash(read_bytes(path))
                if digest in seen_hashes:
                    unchanged.append(label)
                    outcome.messages.append(f"{label}: al ingelezen ({seen_hashes[digest]}); "
                                            f"niets gewijzigd.")
                    continue
                if digest in batch:
                    unchanged.append(label)
                    outcome.messages.append(f"{label}: dezelfde inhoud als {batch[digest]}; "
                                            f"overgeslagen.")
                    continue
                form = reader(path)
                batch[digest] = label
                if hasattr(form, "arrived"):
                    form.arrived = arrived or arrival_date(path)
                    form.label = label
                    form.source = label.rpartition(" > ")[0]
                outcome.warnings.extend(form.warnings)
                read.append(form)
            except FormRefused as exc:
                problems.append(f"{label}: {exc.reason}")
            except Exception as exc:  # an unforeseen oddity in one form must not stop the others
                problems.append(f"{label}: het formulier kan niet gelezen worden "
                                f"({type(exc).__name__}); vraag het opnieuw te sturen")
    return read


def import_forms(run: Run) -> Outcome:
    """Read every returned candidacy form in the folder ``folder`` into Kandidaten and
    Antwoorden."""
    from partnerkeuze.features.intake.candidacy_reading import read_candidacy
    from partnerkeuze.features.intake.importing import Importer
    from partnerkeuze.io.forms.identity import call_of
    from partnerkeuze.io.forms.provenance import import_time, registered

    folder = input_folder(run.options["folder"])
    snap, model, book, progress = run.snap, run.model, run.book, run.progress
    call = call_of(model)
    seen = {r.file_hash: f"{r.file} op {r.imported}" for r in registered(model)}
    outcome = Outcome()
    read = _read_all(folder, lambda p: read_candidacy(p, call), progress, outcome, seen)
    from partnerkeuze.record.procedure.deadline import call_deadline_of

    from partnerkeuze.core.parse import present_columns

    importer = Importer(model, import_time(), call_deadline_of(snap, model),
                        present_columns(snap, "candidates"))
    for form in read:
        importer.add(form)
    plan = importer.finish()
    outcome.messages.extend(plan.lines)
    outcome.warnings.extend(plan.warnings)
    outcome.data["imported"] = plan.imported
    new = [i["candidate"] for i in plan.imported if i["result"].startswith("nieuwe kandidaat")]
    if new and model.assessors:
        outcome.messages.append(
            f"Nieuwe kandidaat/kandidaten {', '.join(new)}: nog geen verklaringen over "
            f"belangenconflicten van {', '.join(a.id for a in model.assessors)}. Maak de "
            f"beoordelingsformulieren opnieuw (partnerkeuze assessor-forms): elk formulier vraagt "
            f"de verklaring per kandidaat, 'merge' neemt ze over.")
    problems = outcome.data["problems"]
    if read:
        details = (f"{len(read)} kandidatuurformulier(en) ingelezen uit {folder.name}: "
                   + " | ".join(plan.log))
        if problems:
            details += f" | {len(problems)} formulier(en) niet ingelezen"
        plan.patch.merge(audit.entry_patch(snap, "import", details))
        progress("Werkmap bijwerken…")
        book.apply(plan.patch)
        outcome.changed = True
    outcome.messages.append(
        f"{len(read)} formulier(en) ingelezen, {len(outcome.data['unchanged'])} ongewijzigd, "
        f"{len(problems)} met problemen.")
    return outcome


def assessor_forms(run: Run) -> Outcome:
    """Write one scoring form per assessor into the folder ``out`` (without the candidates they
    declared a conflict for)."""
    from partnerkeuze.features.intake.assessor_form import build_assessor_form
    from partnerkeuze.io.forms.identity import call_of
    from partnerkeuze.io.forms.manifest import WrittenForms, kept_warning
    from partnerkeuze.io.forms.texts import assessor_form_name

    snap, model, book, progress = run.snap, run.model, run.book, run.progress
    if not model.assessors:
        raise InputProblems([Problem("Beoordelaars", "er zijn geen beoordelaars")])
    out = output_dir(run.options["out"])
    call = call_of(model)
    outcome = Outcome()
    written = WrittenForms(out)
    counts = {}
    for assessor in model.assessors:
        progress(f"Beoordelingsformulier voor {assessor.name} schrijven…")
        wb, n_cands, n_conflicts = build_assessor_form(model, call, assessor)
        path = out / assessor_form_name(assessor)
        if not written.write(path, workbook_bytes(wb)):
            outcome.warnings.append(kept_warning(path, f"{assessor.name} ({assessor.id})"))
            continue
        outcome.files.append(path)
        counts[assessor.id] = {"candidates": n_cands, "conflicts": n_conflicts}
        extra = f", {n_conflicts} weggelaten wegens belangenconflict" if n_conflicts else ""
        outcome.messages.append(f"{path.name}: {assessor.name}, {n_cands} kandidaten{extra}.")
    written.save()
    if written.kept:
        outcome.messages.append(f"{len(written.kept)} bestaand(e) formulier(en) bewaard: "
                                + ", ".join(p.name for p in written.kept))
    book.apply(audit.entry_patch(snap, "assessor-forms",
                                 f"{len(outcome.files)} beoordelingsformulieren voor {call.label}",
                                 outcome.files))
    outcome.changed = True
    outcome.data = {"files": [str(p) for p in outcome.files], "assessors": counts}
    return outcome


def merge(run: Run) -> Outcome:
    """Read the returned assessor forms in the folder ``folder`` into the Scores table."""
    from partnerkeuze.features.intake.assessor_form import read_assessor_form
    from partnerkeuze.features.intake.merging import Merger
    from partnerkeuze.io.forms.identity import call_of
    from partnerkeuze.io.forms.provenance import import_time, registered

    folder = input_folder(run.options["folder"])
    snap, model, book, progress = run.snap, run.model, run.book, run.progress
    call = call_of(model)
    regs = registered(model)
    seen = {r.file_hash: f"{r.file} op {r.imported}" for r in regs}
    outcome = Outcome()
    read = _read_all(folder, lambda p: read_assessor_form(p, call), progress, outcome, seen)
    merger = Merger(model, regs, import_time())
    merger.run(read)
    plan = merger.finish(snap)
    outcome.messages.extend(plan.lines)
    outcome.warnings.extend(plan.warnings)
    outcome.data["problems"].extend(plan.problems)
    outcome.data["assessors"] = plan.report
    problems = outcome.data["problems"]
    if not plan.patch.is_empty():
        details = (f"{plan.merged} beoordelingsformulier(en) samengevoegd uit {folder.name}: "
                   + " | ".join(plan.log))
        plan.patch.merge(audit.entry_patch(snap, "merge", details))
        progress("Werkmap bijwerken…")
        book.apply(plan.patch)
        outcome.changed = True
    _report_blockers(book, outcome)
    outcome.messages.append(f"{plan.merged} formulier(en) samengevoegd, "
                            f"{len(outcome.data['unchanged'])} ongewijzigd, "
                            f"{len(problems)} probleem/problemen.")
    return outcome


def _report_blockers(book, outcome: Outcome) -> None:
    """After a merge: which candidates still do not count, and why (read from the workbook as
    it is now)."""
    from partnerkeuze.core.assessment import evaluate
    from partnerkeuze.features.intake.conflicts import blockers
    from partnerkeuze.core.parse import parse_lenient

    model = parse_lenient(book.snapshot(), [])
    names = {c.id: c.name for c in model.candidates}
    complete = {c.id for c in evaluate(model).candidates if c.complete}
    found = blockers(model)
    outcome.data["blocked"] = {cid: r for cid, r in found.items() if cid not in complete}
    outcome.data["partly"] = {cid: r for cid, r in found.items() if cid in complete}
    for cid, reasons in found.items():
        state = "telt mee, maar niet volledig" if cid in complete else "telt nog niet mee"
        outcome.messages.append(f"{cid} {names.get(cid, '')} {state}: "
                                + "; ".join(reasons) + ".")
