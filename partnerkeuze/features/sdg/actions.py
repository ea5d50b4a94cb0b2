"""The SDG actions behind the ribbon and the command line: match, and the documents."""

from __future__ import annotations

from partnerkeuze.kernel.wording import nl_number

import datetime as dt

from partnerkeuze.io import audit
from partnerkeuze import layout
from partnerkeuze.io.outputs import output_dir, safe_name, write
from partnerkeuze.kernel.languages import locale_for
from partnerkeuze.kernel.port import Outcome, Run
from partnerkeuze.kernel.errors import InputProblems, Problem
from partnerkeuze.kernel.model import Model
from partnerkeuze.kernel.patch import Block, Patch, Styled
from partnerkeuze.kernel import sdg_rules as rules
from partnerkeuze.core.matching import MatchResult
from partnerkeuze.features.sdg.programme import programme_row, start_date
from partnerkeuze.features.sdg.workbook import SdgCall, read_call



def theme_label(call: SdgCall, tid: str) -> str:
    """A theme as 'R1 Burgerparticipatie (SDG 16)'."""
    th = next((t for t in call.themes if t.id == tid), None)
    if th is None:
        return tid
    return f"{th.id} {th.name} (SDG {th.sdg_text})"


def match_rows(result: MatchResult, model: Model, call: SdgCall,
               scores: dict[str, float | None]) -> list[list]:
    """The rows of the Koppelingen table: pairs, alternatives, unmatched parties."""
    fname = {c.id: c.name for c in model.candidates}
    pinfo = {p["id"]: p for p in call.partners}
    prio = {party: {t: p for t, p, _ in items} for party, items in call.interests.items()}
    rows = []
    for pair in result.pairs:
        shared = "; ".join(f"{theme_label(call, t)}: prioriteit {prio[pair.flemish][t]} / "
                           f"{prio[pair.partner][t]}" for t in pair.shared)
        score = scores.get(pair.flemish)
        rows.append(["gekoppeld", pair.flemish, fname.get(pair.flemish), pair.partner,
                     pinfo[pair.partner].get("name"), pinfo[pair.partner].get("country"),
                     pair.fit, shared,
                     f"Gewogen score {nl_number(score)}. Fit {nl_number(pair.fit)}: gedeelde thema's van "
                     f"{pinfo[pair.partner].get('country')}, gewogen naar prioriteit."])
    for n, alt in enumerate(result.alternatives, start=1):
        for f, p in alt.added:
            rows.append([f"alternatief {n}", f, fname.get(f), p, pinfo[p].get("name"),
                         pinfo[p].get("country"), result.fit[f][p], None,
                         f"Bijna even goede indeling: totale fit {nl_number(alt.total)} tegen "
                         f"{nl_number(result.total)} (verschil {nl_number(result.total - alt.total)}); "
                         f"in plaats van " + ", ".join(f"{a}-{b}" for a, b in alt.dropped) + "."])
    for fid, why in result.unmatched_flemish:
        rows.append(["niet gekoppeld", fid, fname.get(fid), None, None, None, None, None, why])
    for pid, why in result.unmatched_partners:
        rows.append(["niet gekoppeld", None, None, pid, pinfo[pid].get("name"),
                     pinfo[pid].get("country"), None, None, why])
    return rows


FIT_COL = 11  # column K: the fit table beside the Koppelingen table
FIT_ROWS = 200  # rows of the fit table cleared before it is written again


def fit_block(result: MatchResult) -> Block:
    """The fit of every applicant with every partner, beside Koppelingen ('—': not allowed)."""
    cols = sorted({c for row in result.fit.values() for c in row}, key=lambda x: (x.casefold(), x))
    header = [Styled("Fit (—: niet toegelaten)", "pk_header")] + [Styled(c, "pk_header") for c in cols]
    rows = [header]
    for f, row in result.fit.items():
        rows.append([Styled(f, "pk_output")] + [Styled("—" if row.get(c) is None else row[c],
                                                       "pk_output", "0.0") for c in cols])
    table = layout.table("matches")
    return Block(layout.sheet("matches").name, table.header_row, FIT_COL, rows,
                 clear_to=table.header_row + FIT_ROWS, width=len(cols) + 1 + 20)


def visit_row(v) -> list:
    """A Werkbezoeken row of a planned visit."""
    bullet = "\n".join
    return [v.id, v.flemish, v.partner, v.country, v.direction, v.type, v.start, v.end,
            v.joint_from, v.joint_days, "ja" if v.vvsg else "nee",
            "; ".join(str(n) for n in v.extra_reasons) or None, bullet(v.reasons) or None, bullet(f"- {s}" for s in v.preparation),
            bullet(f"- {s}" for s in v.programme), bullet(f"- {s}" for s in v.follow_up)]


def match(run: Run) -> Outcome:
    """Pair Flemish applicants and Southern partners, write Koppelingen, programme and visits;
    with the option ``out`` also every document of the partnerships (letters, agreements,
    requests to the VVSG) into that folder."""
    from partnerkeuze.core import matching
    from partnerkeuze.features.sdg import planning
    from partnerkeuze.features.sdg.eligibility import parties

    snap, model, book, progress = run.snap, run.model, run.book, run.progress
    out_dir = run.option("out")
    if out_dir:  # refuse an unusable folder before anything is written
        output_dir(out_dir)
    call = read_call(model, snap)
    progress("Koppelen op thema's…")
    flemish, partners, scores = parties(model, call)
    tolerance = call.settings.get("tolerance")
    total, per_country = call.pilot_size()
    result = matching.match(flemish, partners, call.themes,
                            rules.DEFAULT_TOLERANCE if tolerance is None else float(tolerance),
                            total=total, per_country=per_country)
    patch = Patch()
    patch.replace_table("matches", match_rows(result, model, call, scores))
    patch.write_block(fit_block(result))
    out = Outcome(data=result.contract(), changed=True)
    start, warning = start_date(call)
    if warning and result.pairs:
        out.warnings.append(warning)
    have_programme = {r.get("flemish") for r in call.programme}
    new_programme = [programme_row(p.flemish, p.partner, start) for p in result.pairs
                     if p.flemish not in have_programme]
    if new_programme:
        patch.append_rows("programme", new_programme)
    have_visits = {(r.get("flemish"), r.get("partner")) for r in call.visits}
    country = {p["id"]: p.get("country") for p in call.partners}
    todo = [(p.flemish, p.partner, country[p.partner]) for p in result.pairs
            if (p.flemish, p.partner) not in have_visits]
    planned = planning.plan(todo, start, {r.get("id") for r in call.visits})
    if planned:
        patch.append_rows("visits", [visit_row(v) for v in planned])
    matched = {(p.flemish, p.partner) for p in result.pairs}
    for r in call.programme:
        if (r.get("flemish"), r.get("partner")) not in matched:
            out.warnings.append(f"Programma rij {r['_row']}: {r.get('flemish')}-{r.get('partner')} "
                                f"is geen koppeling meer; pas de rij aan of verwijder ze")
    details = (f"{len(result.pairs)} koppelingen (totale fit {nl_number(result.total)}): "
               + ", ".join(f"{p.flemish}-{p.partner} ({nl_number(p.fit)})" for p in result.pairs)
               + f"; niet gekoppeld: {len(result.unmatched_flemish)} Vlaamse, "
                 f"{len(result.unmatched_partners)} partners; {len(result.alternatives)} "
                 f"bijna even goede alternatieven")
    patch.merge(audit.entry_patch(snap, "match", details))
    progress("Koppelingen schrijven…")
    book.apply(patch)
    names = {c.id: c.name for c in model.candidates} | {p["id"]: p.get("name") for p in call.partners}
    out.messages.append(f"{len(result.pairs)} partnerschappen gekoppeld (totale fit "
                        f"{nl_number(result.total)}; de pilot telt hoogstens {total}, {per_country} per "
                        f"land):")
    out.messages.extend(f"  {names[p.flemish]} ({p.flemish}) – {names[p.partner]} ({p.partner}, "
                        f"{country[p.partner]}): fit {nl_number(p.fit)}" for p in result.pairs)
    for fid, why in result.unmatched_flemish:
        out.messages.append(f"  Niet gekoppeld: {names[fid]} ({fid}): {why}")
    for pid, why in result.unmatched_partners:
        out.messages.append(f"  Niet gekoppeld: {names[pid]} ({pid}): {why}")
    for n, alt in enumerate(result.alternatives, start=1):
        out.warnings.append(f"alternatief {n} is bijna even goed (totale fit {nl_number(alt.total)}): "
                            + ", ".join(f"{a}-{b}" for a, b in alt.added) + " in plaats van "
                            + ", ".join(f"{a}-{b}" for a, b in alt.dropped))
    if new_programme or planned:
        out.messages.append(f"{len(new_programme)} programma's en {len(planned)} werkbezoeken "
                            f"toegevoegd (bladen Programma en Werkbezoeken).")
    if out_dir and not result.pairs:
        out.warnings.append("geen documenten geschreven: er is geen haalbare koppeling (zie "
                            "'Niet gekoppeld'); de koppeling zonder paren is wel in de werkmap "
                            "bewaard")
    elif out_dir:
        docs = documents(run)
        out.messages.extend(docs.messages)
        out.warnings.extend(docs.warnings)
        out.files.extend(docs.files)
    return out


LETTER_NAME = "SDG_brief_{who}_{name}_{lang}.docx"
AGREEMENT_NAME = "SDG_overeenkomst_{flemish}_{partner}_{lang}.docx"
REQUEST_NAME = "SDG_aanvraag_VVSG_{vid}_{name}.docx"


# The fields each SDG template must show (the other kinds: features/documents/fields.py).
REQUIRED: dict[str, set[str]] = {
    "sdg_letter": {"recipient_name", "southern_name", "flemish_name"},
    "sdg_agreement": {"flemish_name", "southern_name", "themes"},
    "sdg_request": {"flemish_name", "southern_name", "reasons"},
}


def sdg_template(name: str, own=None):
    """The compiled SDG template: the own folder's (Instellingen), else templates/sdg."""
    from partnerkeuze.io.docx.templates import load

    kind = name.rsplit("_", 1)[0]
    return load(name, own, subfolder="sdg", required=REQUIRED.get(kind, set()))


def partnerships(snap, call: SdgCall):
    """The pairs written on Koppelingen by match, with their Programma rows."""
    from partnerkeuze.core.parse import read_table
    from partnerkeuze.features.sdg.documents import Partnership

    rows = read_table(snap, "matches", [])
    prog = {(r.get("flemish"), r.get("partner")): r for r in call.programme}
    out = []
    for r in rows:
        if r.get("status") == "gekoppeld" and r.get("flemish") and r.get("partner"):
            try:
                fit = float(r.get("fit") or 0.0)
            except (TypeError, ValueError):
                fit = 0.0
            out.append(Partnership(str(r["flemish"]), str(r["partner"]), fit,
                                   prog.get((r["flemish"], r["partner"]))))
    return out


def documents(run: Run) -> Outcome:
    """Match letters to both sides, the agreement (Dutch and the partner's language) and the
    request notes to the VVSG, for every pair on Koppelingen, into the folder ``out`` (the
    ``letters`` of an SDG workbook); a log entry lists the files."""
    from partnerkeuze.core.translations import missing_translations
    from partnerkeuze.features.sdg import documents as docs
    from partnerkeuze.features.sdg.translations import missing_translations as sdg_missing
    from partnerkeuze.io.docx.pdf import pdf_copies
    from partnerkeuze.io.docx.templates import own_folder

    from partnerkeuze.core.parse import parse_lenient

    book, progress = run.book, run.progress
    snap = book.snapshot()  # right after match: the pairs, programmes and visits it wrote
    model = parse_lenient(snap, []) if snap is not run.snap else run.model
    call = read_call(model, snap)
    own = own_folder(model, run.base_dir)
    today = run.option("today") or dt.date.today()
    pairs = partnerships(snap, call)
    known_f = {c.id for c in model.candidates}
    known_p = {p["id"] for p in call.partners}
    pairs = [p for p in pairs if p.flemish in known_f and p.partner in known_p]
    if not pairs:
        raise InputProblems([Problem(f"{layout.sheet('matches').name}!A5",
                                     "er zijn nog geen koppelingen: voer eerst 'Koppelen' uit "
                                     "(partnerkeuze match)")])
    out = output_dir(run.options["out"])
    files = []
    for pair in pairs:
        progress(f"Brieven en overeenkomst {pair.flemish}-{pair.partner}…")
        for side in ("flemish", "partner"):
            lang, ctx = docs.letter_context(model, call, pair, side, today)
            name = LETTER_NAME.format(who=safe_name(pair.flemish if side == "flemish" else pair.partner),
                                      name=safe_name(ctx["recipient_name"]), lang=lang)
            path = out / name
            write(path, sdg_template(f"sdg_letter_{lang}.docx", own).render(ctx, locale_for(lang)))
            files.append(path)
        for lang in dict.fromkeys(("nl", rules.partner_language(call.partner(pair.partner)))):
            ctx = docs.agreement_context(model, call, pair, lang, today)
            path = out / AGREEMENT_NAME.format(flemish=safe_name(pair.flemish),
                                               partner=safe_name(pair.partner), lang=lang)
            write(path, sdg_template(f"sdg_agreement_{lang}.docx", own).render(
                ctx, locale_for(lang)))
            files.append(path)
    matched = {(p.flemish, p.partner) for p in pairs}
    for visit in call.visits:
        if visit.get("vvsg") == "ja" and (visit.get("flemish"), visit.get("partner")) in matched:
            ctx = docs.request_context(model, call, visit, today)
            path = out / REQUEST_NAME.format(vid=safe_name(visit.get("id") or "W"),
                                             name=safe_name(ctx["flemish_name"]))
            write(path, sdg_template("sdg_request_nl.docx", own).render(ctx, locale_for("nl")))
            files.append(path)
    pdfs, pdf_warnings = pdf_copies(files, progress)
    files += pdfs
    book.apply(audit.entry_patch(snap, "sdg-documents",
                                 f"{len(files)} documenten voor {len(pairs)} partnerschappen",
                                 files))
    result = Outcome(files=files, changed=True,
                     warnings=missing_translations(model, snap) + sdg_missing(model, snap)
                     + pdf_warnings)
    result.messages.append(f"{len(files)} documenten geschreven in {out}: brieven aan beide "
                           f"partners, overeenkomsten en aanvragen aan de VVSG.")
    return result
