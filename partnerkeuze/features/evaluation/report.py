"""The contexts of the evaluation documents: the report of a round (in Dutch and the partner's
language, with the radar) and the request to the VVSG to accompany an evaluation mission
(004_904dd5f2c48e0613.txt, rendered with the SDG request template)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from partnerkeuze.features.evaluation import texts
from partnerkeuze.features.evaluation.analysis import Round, radar_table
from partnerkeuze.features.evaluation.workbook import FLEMISH, PARTNER, Link

RADAR_WIDTH_MM = 165.0


def template(lang: str, kind: str = "report") -> Path:
    """A template of a language (templates/evaluatie, or PARTNERKEUZE_TEMPLATES/evaluatie)."""
    from partnerkeuze.io.docx.templates import base_folder as templates_dir
    from partnerkeuze.kernel.errors import FileError

    path = templates_dir() / "evaluatie" / f"evaluation_{kind}_{lang}.docx"
    if not path.exists():
        raise FileError(f"sjabloon {path}: bestand niet gevonden (maak de sjablonen opnieuw met "
                        f"'python scripts/build_templates.py')")
    return path


def proposal_label(result: Round, lang: str) -> str:
    """The proposal in words ('de stedenband heroriënteren')."""
    return texts.PROPOSALS[lang][result.proposal]


def _num(x: float, lang: str = "nl") -> str:
    """A threshold as the reader writes it (3, 3,5 / 3.5)."""
    from partnerkeuze.io.docx.render import format_number
    from partnerkeuze.kernel.languages import locale_for

    x = float(x)
    return format_number(int(x) if x.is_integer() else x, locale_for(lang))


def rule_text(result: Round, lang: str) -> str:
    """The rule that leads to the proposal, with this workbook's thresholds."""
    th = result.thresholds
    return texts.RULE[lang].format(continue_from=_num(th["continue_from"], lang),
                                   disagree_from=_num(th["disagree_from"], lang),
                                   principle_from=_num(th["principle_from"], lang))


def side_name(link: Link, side: str, lang: str) -> str:
    """A side by its municipality's name (the generic name when the sheet has none)."""
    name = link.values.get("flemish" if side == FLEMISH else "partner")
    return str(name or texts.SIDE_NAMES[lang][side])


def _date(value, lang: str) -> str:
    from partnerkeuze.io.docx.render import format_date
    from partnerkeuze.kernel.languages import locale_for

    return format_date(value, locale_for(lang))


def trigger_text(link: Link, e: dict, lang: str) -> str:
    """An exit trigger in the reader's language."""
    from partnerkeuze.features.evaluation.translation import cell_text

    return cell_text(e, "trigger", lang, link) or str(e.get("trigger") or "")


def facts(link: Link, result: Round, lang: str) -> list[str]:
    """The facts of the round the rule was applied to, in the reader's language."""
    from partnerkeuze.io.docx.render import format_number
    from partnerkeuze.kernel.languages import locale_for

    f = texts.FACTS[lang]
    loc = locale_for(lang)
    th = result.thresholds
    lo, hi = th["scale"]
    names = {side: side_name(link, side, lang) for side in (FLEMISH, PARTNER)}
    missing = ", ".join(names[s] for s in result.missing)
    out = []
    if result.missing:
        answered = [s for s in (FLEMISH, PARTNER) if s not in result.missing]
        share = result.side_share.get(answered[0]) if answered else None
        out.append(f["one_share"].format(side=names[answered[0]],
                                         share=format_number(share, loc))
                   if share is not None else f["no_share"])
        out.append(f["no_principles"].format(side=missing))
        out.append(f["one_gaps"].format(side=missing))
    else:
        if result.share is None:
            out.append(f["no_share"])
        else:
            trend = f["trend"].format(prev=format_number(result.previous_share, loc)) \
                if result.previous_share is not None else ""
            out.append(f["share"].format(
                share=format_number(result.share, loc), trend=trend,
                flemish=names[FLEMISH], partner=names[PARTNER],
                flemish_share=format_number(result.side_share[FLEMISH], loc),
                partner_share=format_number(result.side_share[PARTNER], loc)))
        out.append(f["principles"].format(met=result.principles_met,
                                          total=len(result.principles),
                                          principle_from=_num(th["principle_from"], lang),
                                          lo=lo, hi=hi))
        large = result.large_gaps
        out.append(f["gaps"].format(disagree_from=_num(th["disagree_from"], lang),
                                    names="; ".join(item_name(g.item, lang) for g in large))
                   if large else f["no_gaps"])
    out.append(f["occurred"].format(names="; ".join(f"{e['id']} {trigger_text(link, e, lang)}"
                                                    for e in result.occurred))
               if result.occurred else f["no_occurred"])
    for gap in result.intervals:
        out.append(f["interval"].format(a=gap.earlier["id"], b=gap.later["id"],
                                        a_date=_date(gap.earlier["date"], lang),
                                        b_date=_date(gap.later["date"], lang),
                                        months=gap.months, max=th["max_months"]))
    if result.no_budget:
        out.append(f["no_budget"])
    elif result.budget_year is not None:
        out.append(f["budget"].format(year=result.budget_year))
    return out


def one_sided(link: Link, result: Round, lang: str) -> str:
    """What the first page says when one side did not answer ('' when both did)."""
    if not result.missing or len(result.missing) == 2:
        return ""
    answered = next(s for s in (FLEMISH, PARTNER) if s not in result.missing)
    return texts.ONE_SIDED[lang].format(missing=side_name(link, result.missing[0], lang),
                                        answered=side_name(link, answered, lang))


def item_name(item, lang: str) -> str:
    """A short name of a concept or question (a question by its lesson or principle in Dutch)."""
    if item.kind == "concept" or lang == "nl":
        return item.title if item.kind != "concept" else item.text(lang)
    return item.text(lang).rstrip(".")


def who(link: Link, side: str, participant: str, named: bool, lang: str) -> str:
    """Whom a comment or a lone score is attributed to: the side, and the person only when they
    agreed to be named."""
    name = side_name(link, side, lang)
    return f"{participant} ({name})" if named and participant else \
        texts.A_PARTICIPANT[lang].format(side=name)


def radar_png(link: Link, result: Round, lang: str) -> bytes:
    """The radar of the concepts: previous round beside this round, both partners in each; a
    side without answers in a round is named in the legend as such."""
    from partnerkeuze.features.evaluation.charts import radar_pair

    lo, hi = link.scale
    return radar_pair(*radar_panels(link, result, lang), lo, hi)


def radar_panels(link: Link, result: Round, lang: str) -> tuple[list[str], list]:
    """(axis labels, panels) of the radar in a language."""
    rows = radar_table(link, result)
    axes = [r["concept"].text(lang) for r in rows]
    names = (side_name(link, FLEMISH, lang), side_name(link, PARTNER, lang))
    labels = texts.RADAR_LABELS[lang]

    def series(means, keys):
        out = []
        for side, name, key in zip((FLEMISH, PARTNER), names, keys):
            values = [r[key] for r in rows]
            if not (means or {}).get(side):
                out.append((texts.RADAR_MISSING[lang].format(name=name), None))
            else:
                out.append((name, values))
        return out

    panels = []
    if result.previous is not None:
        panels.append((f"{labels[0]} ({result.previous['id']})",
                       series(result.previous_means, ("prev_flemish", "prev_partner"))))
    panels.append((f"{labels[1]} ({result.round['id']})",
                   series(result.means, ("flemish", "partner"))))
    return axes, panels


def _amount(value) -> object:
    value = float(value or 0)
    return int(value) if value.is_integer() else value


def _cell(value) -> object:
    return "–" if value is None else round(float(value), 1)


def participation_rows(link: Link, result: Round, lang: str) -> list[dict]:
    """Who answered in each round until this one, per side."""
    words = texts.PARTICIPATION[lang]

    def said(names: list[str], invited: list[str]) -> str:
        if not names:
            return words["none"]
        key = "of" if invited and len(names) <= len(invited) else "open"
        return words[key].format(n=len(names), m=len(invited), names=", ".join(names))

    return [{"round": p.round["id"], "date": p.round["date"],
             "flemish": said(p.answered.get(FLEMISH, []), p.invited[FLEMISH]),
             "partner": said(p.answered.get(PARTNER, []), p.invited[PARTNER])}
            for p in result.participation]


def _in_reader_language(link: Link, text, translation, rec: dict, lang: str) -> str:
    """What a participant wrote, in the reader's language; in the Dutch report an untranslated
    text of the partner as written, with its language."""
    from partnerkeuze.features.evaluation.translation import entered_text, written_in

    source = written_in(link, rec)
    shown = entered_text(text, translation, source, lang)
    if shown is not None:
        return shown
    return f"{text} " + texts.UNTRANSLATED[lang].format(
        language=texts.LANGUAGE_NAMES[lang].get(source, source))


def comments(link: Link, result: Round, lang: str) -> list[dict]:
    """The comments of this round per concept or question, each attributed to its side (and to
    its writer only when they agreed)."""
    out = []
    for item in link.items:
        entries = []
        for side in (FLEMISH, PARTNER):
            for a in link.answers:
                if a["round"] == result.round["id"] and a["item"] == item.id and \
                        a["side"] == side and a.get("comment"):
                    entries.append({
                        "who": who(link, side, a["participant"], a.get("name_shown") == "ja",
                                   lang),
                        "text": _in_reader_language(link, a["comment"],
                                                    a.get("comment_translation"), a, lang)})
        if entries:
            out.append({"item": item_name(item, lang), "entries": entries})
    return out


def expectations(link: Link, result: Round, lang: str) -> list[dict]:
    """The expectations of this round per side, each said as whose it is."""
    out = []
    for side, other in ((FLEMISH, PARTNER), (PARTNER, FLEMISH)):
        own_name, other_name = side_name(link, side, lang), side_name(link, other, lang)
        items = [{"kind": texts.EXPECTATION_LABELS[lang].get(e["kind"], e["kind"]).format(
                      own=own_name, other=other_name),
                  "text": _in_reader_language(link, e["text"], e.get("translation"), e, lang)}
                 for e in link.expectations
                 if e.get("round") == result.round["id"] and e.get("side") == side]
        if items:
            out.append({"side": own_name, "entries": items})
    return out


def risk_rows(link: Link, lang: str) -> list[dict]:
    """The risk register in the reader's language: texts, likelihood and impact (or that they
    are not yet assessed), an owner on each side."""
    from partnerkeuze.features.evaluation.frame import product_text
    from partnerkeuze.features.evaluation.translation import cell_text

    levels = texts.LEVELS[lang]
    out = []
    for r in link.risks:
        assessed = r.get("likelihood") is not None and r.get("impact") is not None
        owners = []
        for key in ("owner_flemish", "owner_partner"):
            owner = r.get(key) or ""
            owners.append(product_text(owner, lang) or owner)
        out.append({
            "id": r["id"], "risk": cell_text(r, "risk", lang, link) or "",
            "trigger": cell_text(r, "trigger", lang, link) or "",
            "response": cell_text(r, "response", lang, link) or "",
            "level": levels["level"].format(likelihood=r.get("likelihood"),
                                            impact=r.get("impact"))
            if assessed else levels["not_assessed"],
            "owner_flemish": owners[0], "owner_partner": owners[1]})
    return out


def context(model, link: Link, result: Round, lang: str, today: dt.date) -> dict:
    """Everything the report of a round shows, in one language."""
    from partnerkeuze.core.translations import profile_text
    from partnerkeuze.features.evaluation.translation import cell_text
    from partnerkeuze.io.docx.render import Picture
    from partnerkeuze.kernel.wording import country_name

    p = model.profile
    v = link.values
    flemish = side_name(link, FLEMISH, lang)
    partner = side_name(link, PARTNER, lang)
    rnd = result.round
    rows = radar_table(link, result)
    exits = []
    for e in link.exit_triggers:
        if e.get("occurred") == "ja" and e in result.occurred and e.get("date"):
            status = texts.OCCURRED_ON[lang].format(date=_date(e["date"], lang),
                                                    round=e.get("round") or "")
        elif e.get("occurred") == "ja" and e in result.occurred:
            status = texts.REPORT[lang]["occurred"]
        else:
            status = texts.REPORT[lang]["not_occurred"]
        exits.append({"id": e["id"], "trigger": trigger_text(link, e, lang),
                      "risk": e.get("risk") or "", "status": status})
    kinds = texts.BUDGET_KINDS[lang]

    def tested(rows_):
        return [{"title": q.item.title if lang == "nl" else q.item.id,
                 "question": q.item.text(lang), "flemish": _cell(q.flemish),
                 "partner": _cell(q.partner), "met": "–" if q.met is None else q.met}
                for q in rows_]

    lo, hi = link.scale
    return {
        "municipality": p.get("municipality") or flemish,
        "address": profile_text(model, "address", lang),
        "postal_city": profile_text(model, "postal_city", lang), "phone": p.get("phone") or "",
        "website": p.get("website") or "", "logo": None, "today": today,
        "flemish": flemish, "partner": partner,
        "flemish_short": flemish[:18], "partner_short": partner[:18],
        "partner_country": country_name(str(v.get("partner_country") or ""), lang),
        "since": str(v.get("since") or ""),
        "agreement": cell_text(v, "agreement", lang, link) or "",
        "exit_clause": cell_text(v, "exit_clause", lang, link) or "",
        "round_id": rnd["id"], "round_date": rnd["date"],
        "prev_id": result.previous["id"] if result.previous else "",
        "one_sided": one_sided(link, result, lang),
        "participation": participation_rows(link, result, lang),
        "budget": [{"year": str(b.get("year") or ""),
                    "line": cell_text(b, "line", lang, link) or "",
                    "amount": _amount(b.get("amount")),
                    "kind": kinds.get(b.get("kind"), b.get("kind") or ""),
                    "side": side_name(link, b.get("side"), lang) if b.get("side") else "–"}
                   for b in link.budget],
        "scale_min": lo, "scale_max": hi,
        "principle_from": _num(result.thresholds["principle_from"], lang),
        "radar": Picture(radar_png(link, result, lang), RADAR_WIDTH_MM,
                         texts.REPORT[lang]["h_radar"]),
        "radar_rows": [{"concept": r["concept"].text(lang), "prev_flemish": _cell(r["prev_flemish"]),
                        "prev_partner": _cell(r["prev_partner"]), "flemish": _cell(r["flemish"]),
                        "partner": _cell(r["partner"])} for r in rows],
        "gaps": [{"name": item_name(g.item, lang), "flemish": round(g.flemish, 1),
                  "partner": round(g.partner, 1), "gap": round(g.gap, 1),
                  "share": round(g.share, 1),
                  "alone": "; ".join(who(link, side, person, _named(link, rnd, side, person),
                                         lang) for side, person in g.alone)}
                 for g in result.gaps[:5] if g.gap > 0],
        "gaps_note": texts.FACTS[lang]["one_gaps"].format(
            side=", ".join(side_name(link, s, lang) for s in result.missing))
        if result.missing else "",
        "comments": comments(link, result, lang),
        "expectations": expectations(link, result, lang),
        "principles": tested(result.principles), "lessons": tested(result.lessons),
        "risks": risk_rows(link, lang),
        "exits": exits,
        "proposal": proposal_label(result, lang), "rule": rule_text(result, lang),
        "facts": facts(link, result, lang),
        "mission": result.mission, "visit_from": rnd.get("visit_from"),
        "visit_to": rnd.get("visit_to"), "vvsg": rnd.get("vvsg") == "ja",
    }


def _named(link: Link, rnd: dict, side: str, participant: str) -> bool:
    """True when a participant agreed to be named in this round."""
    return any(a["round"] == rnd["id"] and a["side"] == side and a["participant"] == participant
               and a.get("name_shown") == "ja" for a in link.answers)


def request_context(model, link: Link, result: Round, today: dt.date) -> dict:
    """The request to the VVSG to accompany the evaluation mission of a round (Dutch): the
    evaluation steps of 004 only, every additional reason offered, those that hold ticked."""
    from partnerkeuze.core import visits
    from partnerkeuze.kernel.sdg_rules import NORTH_SOUTH, parse_reasons

    p = model.profile
    v = link.values
    rnd = result.round
    chosen = set(parse_reasons(rnd.get("extra_reasons")))
    if result.large_gaps:
        chosen.add(2)  # strong relational or communication problems: the partners disagree
    reasons = [visits.type_reason("evaluatiemissie")]
    reasons += [visits.ADDITIONAL_REASONS[n - 1] for n in sorted(chosen)]
    reasons.append(f"Voorstel van de evaluatie ({rnd['id']}): {proposal_label(result, 'nl')}.")
    return {
        "sender": p.get("municipality") or "", "municipality": p.get("municipality") or "",
        "address": p.get("address") or "", "postal_city": p.get("postal_city") or "",
        "phone": p.get("phone") or "", "website": p.get("website") or "",
        "coordinator": p.get("coordinator") or "", "coordinator_role": p.get("coordinator_role") or "",
        "coordinator_email": p.get("coordinator_email") or "", "reference": "", "logo": None,
        "today": today, "call_title": f"Evaluatie van de stedenband {v.get('flemish') or ''} – "
                                      f"{v.get('partner') or ''}",
        "flemish_name": v.get("flemish") or "", "southern_name": v.get("partner") or "",
        "southern_country": v.get("partner_country") or "", "visit_type": "evaluatiemissie",
        "relevance": visits.relevance("evaluatiemissie"), "direction": NORTH_SOUTH,
        "start": rnd.get("visit_from"), "end": rnd.get("visit_to"), "joint_days": 0,
        "joint_from": None,
        "contact": ", ".join(x for x in (p.get("coordinator"), p.get("coordinator_email")) if x),
        "reasons": reasons, "extra": visits.extra_reasons(chosen),
        "before": list(visits.BEFORE), "during": list(visits.DURING),
        "after": list(visits.AFTER),
    }
