"""The contexts of the SDG documents: match letters (both sides), the partnership agreement and
the request note to the VVSG for accompanying a work visit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from partnerkeuze.kernel.model import Model
from partnerkeuze.kernel import sdg_rules as rules
from partnerkeuze.core import visits
from partnerkeuze.features.sdg.texts import COUNTRY_NAMES, COUNTRY_THEME
from partnerkeuze.features.sdg.workbook import SdgCall


@dataclass(frozen=True)
class Partnership:
    """A matched pair as written on Koppelingen, with its Programma row (if any)."""

    flemish: str
    partner: str
    fit: float
    programme: dict | None


# The call's title when the workbook gives none in the partner's language.
GENERIC_CALL = {"fr": "Partenariats ODD entre communes", "en": "SDG partnerships between "
                "municipalities", "es": "Asociaciones ODS entre municipios"}


def base_context(model: Model, call: SdgCall, today: dt.date, lang: str = "nl") -> dict:
    """Sender, letterhead and call data shared by every SDG document, in the reader's language
    (job title, address as written abroad, call title: partnerkeuze.core.translations)."""
    from partnerkeuze.core.translations import profile_text, setting_text

    p = model.profile
    ctx = {
        "sender": call.settings.get("sender") or p.get("municipality") or "VVSG",
        "municipality": p.get("municipality") or "",
        "address": p.get("address") or "", "postal_city": p.get("postal_city") or "",
        "phone": p.get("phone") or "", "website": p.get("website") or "",
        "coordinator": p.get("coordinator") or "", "coordinator_role": p.get("coordinator_role") or "",
        "coordinator_email": p.get("coordinator_email") or "", "reference": p.get("reference") or "",
        "logo": None, "today": today, "call_title": model.settings.call_title or "",
        "budget_total": rules.BUDGET_TOTAL, "budget_share": rules.BUDGET_SHARE,
        "sessions": rules.MIN_DIGITAL_SESSIONS_PER_YEAR, "meetings": rules.MIN_FIXED_MEETINGS,
    }
    for key in ("address", "postal_city", "coordinator_role"):
        ctx[key] = profile_text(model, key, lang)
    ctx["call_title"] = setting_text(model, "call_title", lang,
                                     fallback=None if lang == "nl" else GENERIC_CALL[lang])
    return ctx


def theme_name(call: SdgCall, tid: str, lang: str) -> str:
    """A theme's name in a language (the Dutch name when no translation is given)."""
    rec = call.theme_rows.get(tid, {})
    return rec.get(f"name_{lang}") or rec.get("name") or tid


def shared_themes(call: SdgCall, own: str, other: str, lang: str) -> list[dict]:
    """The themes two parties share, with each side's priority, in the reader's language."""
    a = {t: (p, n) for t, p, n in call.interests.get(own, ())}
    b = {t: (p, n) for t, p, n in call.interests.get(other, ())}
    sdgs = {t.id: t.sdg_text for t in call.themes}
    shared = sorted(set(a) & set(b), key=lambda t: (-a[t][0] - b[t][0], t))
    return [{"id": t, "name": theme_name(call, t, lang), "sdgs": sdgs.get(t, ""),
             "own": a[t][0], "other": b[t][0]} for t in shared]


def pair_context(model: Model, call: SdgCall, pair: Partnership, lang: str, today: dt.date) -> dict:
    """Everything about one partnership a letter or the agreement shows, in one language."""
    from partnerkeuze.features.sdg.programme import programme_row, start_date
    from partnerkeuze.features.sdg.planning import country_periods

    cand = model.candidate(pair.flemish)
    south = call.partner(pair.partner)
    country = south.get("country") or ""
    start, _ = start_date(call)
    prog = pair.programme or dict(zip(("flemish", "partner", "start", "end", "budget_flemish",
                                       "budget_partner", "exchange", "other"),
                                      programme_row(pair.flemish, pair.partner, start)))
    periods = country_periods(prog["start"], country)
    mine = [v for v in call.visits if (v.get("flemish"), v.get("partner")) == (pair.flemish, pair.partner)]
    for v in mine:  # the workbook's visits win over the default periods
        if v.get("direction") in periods and v.get("start") and v.get("end"):
            periods[v["direction"]] = (v["start"], v["end"])
    rule = rules.COUNTRY_RULES.get(country)
    ctx = base_context(model, call, today, lang)
    ctx.update({
        "flemish_name": cand.name, "southern_name": south.get("name") or "",
        "southern_country": COUNTRY_NAMES[lang].get(country, country),
        "country_theme": COUNTRY_THEME[lang].get(country, ""),
        "association": rule.association if rule else "",
        "fit": float(pair.fit), "start": prog["start"], "end": prog["end"],
        "budget_share": prog.get("budget_flemish") or rules.BUDGET_SHARE,
        "budget_total": (prog.get("budget_flemish") or 0) + (prog.get("budget_partner") or 0)
        or rules.BUDGET_TOTAL,
        "exchange": prog.get("exchange") or 0.0, "other": prog.get("other") or 0.0,
        "visit_ns_from": periods[rules.NORTH_SOUTH][0], "visit_ns_to": periods[rules.NORTH_SOUTH][1],
        "visit_sn_from": periods[rules.SOUTH_NORTH][0], "visit_sn_to": periods[rules.SOUTH_NORTH][1],
    })
    return ctx


def letter_context(model: Model, call: SdgCall, pair: Partnership, side: str, today: dt.date
                   ) -> tuple[str, dict]:
    """The language and context of the match letter to one side ('flemish' or 'partner')."""
    from partnerkeuze.core.phrasing import (candidate_person, closing_formula, contact_person,
                                            salutation)

    if side == "flemish":
        lang = "nl"
        cand = model.candidate(pair.flemish)
        who = candidate_person(model, cand.id)
        recipient = {"recipient_name": cand.name, "recipient_email": cand.email,
                     "recipient_country": COUNTRY_NAMES[lang].get(cand.country, cand.country)}
        own, other = pair.flemish, pair.partner
    else:
        south = call.partner(pair.partner)
        lang = rules.partner_language(south)
        who = contact_person(south)
        recipient = {"recipient_name": south.get("name") or "",
                     "recipient_email": south.get("email") or "",
                     "recipient_country": COUNTRY_NAMES[lang].get(south.get("country"), "")}
        own, other = pair.partner, pair.flemish
    recipient.update(salutation=salutation(who, lang), closing_address=closing_formula(who, lang),
                     recipient_contact=who.name, recipient_contact_role=who.role)
    ctx = pair_context(model, call, pair, lang, today)
    ctx.update(recipient)
    ctx["themes"] = shared_themes(call, own, other, lang)
    return lang, ctx


def agreement_context(model: Model, call: SdgCall, pair: Partnership, lang: str, today: dt.date
                      ) -> dict:
    """The agreement's context: common priorities and both partners' own expectations."""
    ctx = pair_context(model, call, pair, lang, today)
    ctx["themes"] = shared_themes(call, pair.flemish, pair.partner, lang)
    shared = {t["id"] for t in ctx["themes"]}
    # The Flemish partner's own words in the reader's language (Interesses 'Toelichting (fr)');
    # without a translation the shared themes stand in, never the Dutch note.
    ctx["flemish_expectations"] = [n for n in _notes_in(model, pair.flemish, shared, lang)] or [
        f"{t['name']}" for t in ctx["themes"]]
    south = call.partner(pair.partner)
    notes = [n for t, _, n in call.interests.get(pair.partner, ()) if n and t in shared]
    ctx["partner_expectations"] = ([south["expectations"]] if south.get("expectations") else []) \
        + notes or [t["name"] for t in ctx["themes"]]
    return ctx


def _notes_in(model: Model, party: str, themes: set, lang: str) -> list[str]:
    """A party's interest notes on the given themes in a language ('' when not translated)."""
    out = []
    for rec in model.tables.get("interests", ()):
        if rec.get("party") == party and rec.get("theme") in themes and rec.get("note"):
            text = rec.get("note") if lang == "nl" else rec.get(f"note_{lang}")
            if text:
                out.append(str(text))
    return out


def request_context(model: Model, call: SdgCall, visit: dict, today: dt.date) -> dict:
    """The request note to the VVSG for one work visit (Dutch)."""
    ctx = base_context(model, call, today)
    from partnerkeuze.core.phrasing import candidate_person

    cand = model.candidate(visit["flemish"])
    who = candidate_person(model, cand.id)
    south = call.partner(visit["partner"])

    def lines(text) -> list[str]:
        return [ln.strip().lstrip("-").strip() for ln in str(text or "").splitlines() if ln.strip()]

    vtype = visit.get("type") or rules.VISIT_TYPES[0]
    reasons = lines(visit.get("reasons")) or [visits.type_reason(vtype)]
    try:  # the gate refused a cell that holds no reason numbers
        chosen = rules.parse_reasons(visit.get("extra_reasons"))
    except ValueError:
        chosen = []
    ctx.update({
        "flemish_name": cand.name, "southern_name": south.get("name") or "",
        "southern_country": south.get("country") or "", "visit_type": vtype,
        "relevance": visits.relevance(vtype), "direction": visit.get("direction") or "",
        "start": visit.get("start"), "end": visit.get("end"),
        "joint_days": visit.get("joint_days") or 0, "joint_from": visit.get("joint_from"),
        "contact": ", ".join(x for x in (who.name, who.role, cand.email) if x),
        "reasons": reasons, "extra": visits.extra_reasons(chosen),
        "before": lines(visit.get("preparation")) or list(visits.BEFORE),
        "during": lines(visit.get("programme")) or list(visits.DURING),
        "after": lines(visit.get("follow_up")) or list(visits.AFTER + visits.SDG_AFTER),
    })
    return ctx
