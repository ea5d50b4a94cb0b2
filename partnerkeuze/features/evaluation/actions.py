"""The work of an evaluation workbook behind the commands: check, forms, import, evaluate
(the mode table, app/modes.py, chooses them for a workbook in mode 'evaluatie'). A bad returned
questionnaire stops the whole import: every problem is listed with file and cell and the
workbook is not changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from partnerkeuze.io import audit
from partnerkeuze import layout
from partnerkeuze.io.outputs import input_folder, output_dir, safe_name, write
from partnerkeuze.io.xlsx.file_workbook import workbook_bytes
from partnerkeuze.kernel.port import Outcome, Run
from partnerkeuze.kernel.errors import InputProblems, Problem
from partnerkeuze.features.evaluation.workbook import cell
from partnerkeuze.layout.evaluation import MODE, OPERATING_BUDGET

REPORT_NAME = "Evaluatie_{link}_{round}_{lang}.docx"
REQUEST_NAME = "Evaluatie_aanvraag_VVSG_{link}_{round}.docx"
RADAR_NAME = "Evaluatie_radar_{link}_{round}.png"


def _link(run: Run):
    """The evaluation sheets of the workbook (it passed the gate: they hold no problems)."""
    from partnerkeuze.features.evaluation.workbook import read_link

    return read_link(run.model, run.snap)


def evaluation_problems(model, snap) -> list[Problem]:
    """The problems of the evaluation sheets (a check of ``partnerkeuze check``)."""
    if model.settings.mode != MODE:
        return []
    from partnerkeuze.features.evaluation.workbook import read_link

    from partnerkeuze.features.evaluation.translation import missing

    link = read_link(model, snap)
    problems = list(link.problems)
    if not link.concepts:
        t = layout.table("concepts")
        problems.append(Problem(f"{layout.sheet('concepts').name}!A{t.first_data_row}",
                                "er zijn geen basisbegrippen: leg ze samen met de partner vast"))
    return problems + missing(link)


def evaluation_warnings(link) -> list[str]:
    """What ``check`` says of a sound evaluation workbook without stopping anything: rounds
    too far apart, the budget without a fixed operating budget, risks not yet assessed, a
    side that did not answer, the partner's words without a Dutch translation."""
    from partnerkeuze.features.evaluation.analysis import (add_months, answered,
                                                           budget_without_operating,
                                                           months_apart)
    from partnerkeuze.features.evaluation.translation import untranslated_for_dutch

    out = []
    rounds = link.ordered_rounds()
    for a, b in zip(rounds, rounds[1:]):
        if b["date"] > add_months(a["date"], link.max_months):
            out.append(f"{cell('rounds', 'date', b['_row'])}: ronde {b['id']} ligt "
                       f"{months_apart(a['date'], b['date'])} maanden na ronde {a['id']}; evalueer "
                       f"regelmatig, hoogstens om de {link.max_months} maanden (blad "
                       f"{layout.sheet('link').name})")
    no_budget, year = budget_without_operating(link)
    if no_budget:
        out.append(f"{layout.sheet('budget').name}: er zijn geen budgetlijnen; zonder vast "
                   f"werkingsbudget hangt de samenwerking af van de subsidies van het moment")
    elif year is not None:
        out.append(f"{layout.sheet('budget').name}: in {year} is er geen vast werkingsbudget "
                   f"(soort '{OPERATING_BUDGET}'); zonder werkingsbudget hangt de samenwerking "
                   f"volledig af van de subsidies van het moment")
    unassessed = [r["id"] for r in link.risks if r.get("likelihood") is None
                  or r.get("impact") is None]
    if unassessed:
        out.append(f"{layout.sheet('risks').name}: kans en impact van {', '.join(unassessed)} "
                   f"zijn nog niet ingeschat; het rapport zegt het")
    latest = link.latest_round()
    if latest is not None:
        who = answered(link, latest["id"])
        for side in ("Vlaanderen", "partner"):
            if not who.get(side) and any(who.values()):
                name = link.values.get("flemish" if side == "Vlaanderen" else "partner")
                out.append(f"{layout.sheet('eval_answers').name}: {name or side} beantwoordde "
                           f"de vragenlijst van ronde {latest['id']} nog niet; het rapport doet "
                           f"dan geen voorstel")
    return out + untranslated_for_dutch(link)


def check(run: Run) -> Outcome:
    """What ``check`` says of a sound evaluation workbook."""
    link = _link(run)
    out = Outcome()
    latest = link.latest_round()
    out.messages.append(
        f"In orde: stedenband {link.values.get('flemish')} – {link.values.get('partner')}, "
        f"{len(link.concepts)} basisbegrippen, {len(link.questions)} evaluatievragen, "
        f"{len(link.rounds)} ronde(s), {len(link.answers)} antwoorden, {len(link.risks)} risico's, "
        f"{len(link.exit_triggers)} exittrigger(s).")
    if len(link.concepts) != 8:
        out.warnings.append(f"het kader telt {len(link.concepts)} basisbegrippen; het traject "
                            f"koos er samen acht")
    if latest is None:
        out.warnings.append("er is nog geen evaluatieronde")
    out.warnings.extend(evaluation_warnings(link))
    return out


def _contact(model) -> str:
    p = model.profile
    return str(p.get("coordinator_email") or p.get("coordinator") or p.get("municipality") or "")


def forms(run: Run) -> Outcome:
    """The questionnaires of the latest round: the Flemish side in Dutch, the partner's side in
    its language (and in Dutch when that differs, for bilingual participants)."""
    from partnerkeuze.features.evaluation import texts
    from partnerkeuze.kernel.errors import FileError
    from partnerkeuze.features.evaluation.forms import (
        build_form,
        filled_in,
        frame_hash,
        side_language)
    model, progress = run.model, run.progress
    link = _link(run)
    rnd = link.latest_round()
    if rnd is None:
        t = layout.table("rounds")
        raise InputProblems([Problem(f"{layout.sheet('rounds').name}!A{t.first_data_row}",
                                     "er is nog geen evaluatieronde")])
    if not link.concepts:
        t = layout.table("concepts")
        raise InputProblems([Problem(f"{layout.sheet('concepts').name}!A{t.first_data_row}",
                                     "er zijn geen basisbegrippen om naar te vragen")])
    out = output_dir(run.options["out"])
    outcome = Outcome()
    targets = {side: out / texts.form_file_name(link.link_id, rnd["id"], side,
                                                side_language(link, side))
               for side in ("Vlaanderen", "partner")}
    taken = [p for p in targets.values() if p.exists() and filled_in(p)]
    if taken:  # a questionnaire someone filled in is never overwritten
        raise FileError(f"{taken[0]}: dit bestand is een ingevulde vragenlijst (of geen "
                        f"vragenlijst van Partnerkeuze) en wordt niet overschreven; kies een "
                        f"andere map")
    for side, path in targets.items():
        lang = side_language(link, side)
        progress(f"Vragenlijst {side} ({lang}) schrijven…")
        write(path, workbook_bytes(build_form(link, rnd, side, lang, _contact(model))))
        outcome.files.append(path)
    outcome.messages.append(f"{len(outcome.files)} vragenlijsten voor ronde {rnd['id']} "
                            f"geschreven in {out}: " + ", ".join(p.name for p in outcome.files))
    run.book.apply(audit.entry_patch(run.snap, "forms", f"evaluatievragenlijsten ronde {rnd['id']} van "
                                               f"{link.link_id}, kader {frame_hash(link)}",
                                 outcome.files))
    outcome.changed = True
    outcome.data = {"files": [str(p) for p in outcome.files], "round": rnd["id"]}
    return outcome


def import_forms(run: Run) -> Outcome:
    """Read every returned questionnaire in folder into Evaluatieantwoorden and Verwachtingen
    (with provenance on Invoer); any bad questionnaire stops the import, nothing is changed."""
    from partnerkeuze.features.evaluation.forms import read_form
    from partnerkeuze.io.forms.provenance import form_files, import_row, import_time, registered
    from partnerkeuze.io.forms.safety import FormRefused, file_hash, read_bytes
    from partnerkeuze.kernel.patch import Patch

    folder = input_folder(run.options["folder"])
    snap, model, book, progress = run.snap, run.model, run.book, run.progress
    link = _link(run)
    rnd = link.latest_round()
    late_reason = str(run.option("reason") or "").strip()
    if rnd is None:
        raise InputProblems([Problem(layout.sheet("rounds").name, "er is nog geen evaluatieronde")])
    seen = {r.file_hash: f"{r.file} op {r.imported}" for r in registered(model)}
    outcome = Outcome(data={"problems": [], "unchanged": [], "imported": []})
    paths, others = form_files(folder)
    if others:
        outcome.messages.append(f"{len(others)} bestand(en) zonder Excel-extensie overgeslagen.")
    problems: list[Problem] = []
    read = []
    batch: dict[str, str] = {}
    for path in paths:
        progress(f"{path.name} lezen…")
        try:
            digest = file_hash(read_bytes(path))
            if digest in seen or digest in batch:
                outcome.data["unchanged"].append(path.name)
                outcome.messages.append(f"{path.name}: al ingelezen "
                                        f"({seen.get(digest) or batch[digest]}); niets gewijzigd.")
                continue
            form, found = read_form(path, link, rnd, late_reason)
            problems.extend(found)
            if form is not None:
                batch[digest] = path.name
                read.append(form)
                outcome.warnings.extend(form.warnings)
        except FormRefused as exc:
            problems.append(Problem(path.name, exc.reason))
        except Exception as exc:  # an unforeseen oddity must not become a traceback
            problems.append(Problem(path.name, f"de vragenlijst kan niet gelezen worden "
                                               f"({type(exc).__name__}); vraag ze opnieuw te "
                                               f"sturen"))
    who = {}
    for form in read:
        key = (form.round, form.side, form.participant.casefold())
        if key in who:
            problems.append(Problem(form.path.name, f"{form.participant} stuurde ook "
                                                    f"{who[key]} in voor deze ronde; houd er één"))
        who[key] = form.path.name
    if problems:
        raise InputProblems(problems)
    outcome.data["imported"] = [f.path.name for f in read]
    if not read:
        outcome.messages.append(f"Geen nieuwe vragenlijsten in {folder}.")
        return outcome
    when = import_time()
    replaced = {(f.round, f.side, f.participant.casefold()) for f in read}
    t = layout.table("eval_answers")
    keep, dropped = [], 0
    for rec in model.tables.get("eval_answers", []):
        key = (rec.get("round"), rec.get("side"), str(rec.get("participant") or "").casefold())
        if key in replaced:
            dropped += 1
            continue
        keep.append([rec.get(c.key) for c in t.columns])
    te = layout.table("expectations")
    keep_e = [[rec.get(c.key) for c in te.columns] for rec in model.tables.get("expectations", [])
              if (rec.get("round"), rec.get("side"), str(rec.get("participant") or "").casefold())
              not in replaced]
    patch = Patch()
    log = []
    for form in read:
        for item in link.items:
            if item.id in form.scores:
                values = {"round": form.round, "side": form.side,
                          "participant": form.participant, "item": item.id,
                          "score": form.scores[item.id], "comment": form.comments.get(item.id),
                          "name_shown": "ja" if form.named else "nee",
                          "language": form.language, "file": form.path.name[:200],
                          "file_hash": form.file_hash, "imported": when}
                keep.append([values.get(c.key) for c in t.columns])
        for kind, text in form.expectations.items():
            values = {"round": form.round, "side": form.side, "kind": kind, "text": text,
                      "participant": form.participant, "file": form.path.name[:200]}
            keep_e.append([values.get(c.key) for c in te.columns])
        late = f"; te laat voor ronde {form.round}: {late_reason}" \
            if form.round != rnd["id"] else ""
        patch.append_rows("imports", [import_row("evaluatie", form.path, form.file_hash,
                                                 form.generated, form.participant, when,
                                                 f"{len(form.scores)} scores, ronde "
                                                 f"{form.round}, {form.side}{late}", "")])
        log.append(f"{form.path.name}: {form.participant} ({form.side}), "
                   f"{len(form.scores)} scores, ronde {form.round}{late}")
        outcome.messages.append(f"{form.path.name}: {form.participant} ({form.side}, "
                                f"{form.language}), {len(form.scores)} scores ingelezen in ronde "
                                f"{form.round}{late}.")
    patch.replace_table("eval_answers", keep)
    patch.replace_table("expectations", keep_e)
    if dropped:
        outcome.messages.append(f"{dropped} oudere antwoorden van dezelfde deelnemers vervangen.")
    patch.merge(audit.entry_patch(snap, "import", f"{len(read)} evaluatievragenlijst(en) "
                                                  f"ingelezen uit {folder.name}: "
                                                  + " | ".join(log)))
    progress("Werkmap bijwerken…")
    book.apply(patch)
    outcome.changed = True
    outcome.messages.append(f"{len(read)} vragenlijst(en) ingelezen, "
                            f"{len(outcome.data['unchanged'])} ongewijzigd.")
    return outcome


def evaluate(run: Run) -> Outcome:
    """The evaluation report of the latest round in Dutch and in the partner's language (with
    the radar), the radar as a picture, and the request to the VVSG when a mission is planned
    and the VVSG is asked to accompany it."""
    from partnerkeuze.features.evaluation import report
    from partnerkeuze.features.evaluation.analysis import analyse
    from partnerkeuze.io.docx.render import render_docx
    from partnerkeuze.kernel.languages import locale_for

    model, progress = run.model, run.progress
    link = _link(run)
    if link.latest_round() is None:
        t = layout.table("rounds")
        raise InputProblems([Problem(f"{layout.sheet('rounds').name}!A{t.first_data_row}",
                                     "er is nog geen evaluatieronde")])
    if not link.concepts:
        t = layout.table("concepts")
        raise InputProblems([Problem(f"{layout.sheet('concepts').name}!A{t.first_data_row}",
                                     "er zijn geen basisbegrippen")])
    result = analyse(link)
    rid = result.round["id"]
    if not any(result.means.values()):
        t = layout.table("eval_answers")
        raise InputProblems([Problem(f"{layout.sheet('eval_answers').name}!A{t.first_data_row}",
                                     f"er zijn nog geen antwoorden voor ronde {rid}")])
    out = output_dir(run.options["out"])
    today = run.option("today") or dt.date.today()
    files: list[Path] = []
    langs = list(dict.fromkeys(("nl", link.partner_language)))
    for lang in langs:
        progress(f"Evaluatierapport ({lang}) schrijven…")
        ctx = report.context(model, link, result, lang, today)
        path = out / REPORT_NAME.format(link=safe_name(link.link_id), round=safe_name(rid),
                                        lang=lang)
        write(path, render_docx(report.template(lang), ctx, locale_for(lang)))
        files.append(path)
    radar = out / RADAR_NAME.format(link=safe_name(link.link_id), round=safe_name(rid))
    write(radar, report.radar_png(link, result, "nl"))
    files.append(radar)
    if result.mission and result.round.get("vvsg") == "ja":  # the VVSG works on request
        ctx = report.request_context(model, link, result, today)
        path = out / REQUEST_NAME.format(link=safe_name(link.link_id), round=safe_name(rid))
        write(path, render_docx(report.template("nl", "request"), ctx, locale_for("nl")))
        files.append(path)
    label = report.proposal_label(result, "nl")
    run.book.apply(audit.entry_patch(run.snap, "evaluate", f"evaluatierapport ronde {rid} van "
                                                   f"{link.link_id}: voorstel {label}", files))
    outcome = Outcome(files=files, changed=True,
                      data={"round": rid, "proposal": result.proposal,
                            "share": result.share, "files": [str(p) for p in files]})
    outcome.messages.append(f"Evaluatie van ronde {rid}: voorstel {label}.")
    outcome.messages.append(f"{len(files)} bestanden geschreven in {out}: "
                            + ", ".join(p.name for p in files))
    return outcome
