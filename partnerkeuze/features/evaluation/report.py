"""The contexts of the evaluation documents: the report of a round (in Dutch and the partner's
language, with the radar) and the request to the VVSG to accompany an evaluation mission
(004_904dd5f2c48e0613.txt, rendered with the SDG request template)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from partnerkeuze.features.evaluation import texts
from partnerkeuze.features.evaluation.analysis import Round, radar_table
from partnerkeuze.features.evaluation.workbook import FLEMISH, PARTNER, Link, participants

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


def _num(x: float) -> str:
    return f"{x:.0f}" if float(x).is_integer() else f"{x:.1f}"


def rule_text(result: Round, lang: str) -> str:
    """The rule that leads to the proposal, with this workbook's thresholds."""
    th = result.thresholds
    return texts.RULE[lang].format(continue_from=_num(th["continue_from"]),
                                   disagree_from=_num(th["disagree_from"]),
                                   principle_from=_num(th["principle_from"]))


def facts(link: Link, result: Round, lang: str) -> list[str]:
    """The facts of the round the rule was applied to, in the reader's language."""
    from partnerkeuze.io.docx.render import format_number
    from partnerkeuze.kernel.languages import locale_for

    f = texts.FACTS[lang]
    loc = locale_for(lang)
    out = []
    if result.share is None:
        out.append(f["no_share"])
    else:
        trend = f["trend"].format(prev=format_number(result.previous_share, loc)) \
            if result.previous_share is not None else ""
        out.append(f["share"].format(share=format_number(result.share, loc), trend=trend))
    out.append(f["principles"].format(met=result.principles_met, total=len(result.principles)))
    large = result.large_gaps
    out.append(f["gaps"].format(disagree_from=_num(result.thresholds["disagree_from"]),
                                names="; ".join(item_name(g.item, lang) for g in large))
               if large else f["no_gaps"])
    out.append(f["occurred"].format(names="; ".join(f"{e['id']} {e['trigger']}"
                                                    for e in result.occurred))
               if result.occurred else f["no_occurred"])
    return out


def item_name(item, lang: str) -> str:
    """A short name of a concept or question (a question by its lesson or principle in Dutch)."""
    if item.kind == "concept" or lang == "nl":
        return item.title if item.kind != "concept" else item.text(lang)
    return item.text(lang).rstrip(".")


def radar_png(link: Link, result: Round, lang: str) -> bytes:
    """The radar of the concepts: previous round beside this round, both partners in each."""
    from partnerkeuze.features.evaluation.charts import radar_pair

    lo, hi = link.scale
    rows = radar_table(link, result)
    axes = [r["concept"].text(lang) for r in rows]
    names = (str(link.values.get("flemish") or texts.SIDE_NAMES[lang][FLEMISH]),
             str(link.values.get("partner") or texts.SIDE_NAMES[lang][PARTNER]))
    panels = []
    labels = texts.RADAR_LABELS[lang]
    if result.previous is not None:
        panels.append((f"{labels[0]} ({result.previous['id']})",
                       [(names[0], [r["prev_flemish"] for r in rows]),
                        (names[1], [r["prev_partner"] for r in rows])]))
    panels.append((f"{labels[1]} ({result.round['id']})",
                   [(names[0], [r["flemish"] for r in rows]),
                    (names[1], [r["partner"] for r in rows])]))
    return radar_pair(axes, panels, lo, hi)


def _amount(value) -> object:
    value = float(value or 0)
    return int(value) if value.is_integer() else value


def _cell(value) -> object:
    return "–" if value is None else round(float(value), 1)


def context(model, link: Link, result: Round, lang: str, today: dt.date) -> dict:
    """Everything the report of a round shows, in one language."""
    from partnerkeuze.io.docx.render import Picture

    p = model.profile
    v = link.values
    side_names = texts.SIDE_NAMES[lang]
    flemish = str(v.get("flemish") or "")
    partner = str(v.get("partner") or "")
    rnd = result.round
    rows = radar_table(link, result)
    risk_text = [(r, (r.get("risk_partner") if lang != "nl" and r.get("risk_partner") else
                      r.get("risk")) or "") for r in link.risks]
    exits = []
    for e in link.exit_triggers:
        status = texts.REPORT[lang]["occurred"] if e.get("occurred") == "ja" else \
            texts.REPORT[lang]["not_occurred"]
        exits.append({"id": e["id"], "trigger": e.get("trigger") or "", "risk": e.get("risk") or "",
                      "status": status})
    expectations = []
    for side in (FLEMISH, PARTNER):
        items = [{"kind": texts.KIND_NAMES[lang].get(e["kind"], e["kind"]), "text": e["text"]}
                 for e in link.expectations if e.get("round") == rnd["id"] and e.get("side") == side]
        if items:
            expectations.append({"side": flemish if side == FLEMISH else partner, "entries": items})

    def tested(rows_):
        return [{"title": q.item.title if lang == "nl" else q.item.id, "question": q.item.text(lang), "flemish": _cell(q.flemish),
                 "partner": _cell(q.partner), "met": q.met} for q in rows_]

    lo, hi = link.scale
    return {
        "municipality": p.get("municipality") or flemish, "address": p.get("address") or "",
        "postal_city": p.get("postal_city") or "", "phone": p.get("phone") or "",
        "website": p.get("website") or "", "logo": None, "today": today,
        "flemish": flemish, "partner": partner,
        "flemish_short": flemish[:18], "partner_short": partner[:18],
        "partner_country": v.get("partner_country") or "", "since": str(v.get("since") or ""),
        "agreement": v.get("agreement") or "", "exit_clause": v.get("exit_clause") or "",
        "round_id": rnd["id"], "round_date": rnd["date"],
        "prev_id": result.previous["id"] if result.previous else "",
        "participants": [{"side": flemish or side_names[FLEMISH],
                          "names": "; ".join(participants(rnd.get("flemish_participants")))},
                         {"side": partner or side_names[PARTNER],
                          "names": "; ".join(participants(rnd.get("partner_participants")))}],
        "budget": [{"year": str(b.get("year") or ""), "line": b.get("line") or "",
                    "amount": _amount(b.get("amount")), "source": b.get("source") or ""}
                   for b in link.budget],
        "scale_min": lo, "scale_max": hi,
        "radar": Picture(radar_png(link, result, lang), RADAR_WIDTH_MM,
                         texts.REPORT[lang]["h_radar"]),
        "radar_rows": [{"concept": r["concept"].text(lang), "prev_flemish": _cell(r["prev_flemish"]),
                        "prev_partner": _cell(r["prev_partner"]), "flemish": _cell(r["flemish"]),
                        "partner": _cell(r["partner"])} for r in rows],
        "gaps": [{"name": item_name(g.item, lang), "flemish": round(g.flemish, 1),
                  "partner": round(g.partner, 1), "gap": round(g.gap, 1),
                  "share": round(g.share, 1), "alone": ", ".join(g.alone)}
                 for g in result.gaps[:5] if g.gap > 0],
        "expectations": expectations,
        "principles": tested(result.principles), "lessons": tested(result.lessons),
        "risks": [{"id": r["id"], "risk": text, "likelihood": r.get("likelihood"),
                   "impact": r.get("impact"), "owner": r.get("owner") or "",
                   "trigger": r.get("trigger") or "", "response": r.get("response") or ""}
                  for r, text in risk_text],
        "exits": exits,
        "proposal": proposal_label(result, lang), "rule": rule_text(result, lang),
        "facts": facts(link, result, lang),
        "mission": result.mission, "visit_from": rnd.get("visit_from"),
        "visit_to": rnd.get("visit_to"), "vvsg": rnd.get("vvsg") == "ja",
    }


def request_context(model, link: Link, result: Round, today: dt.date) -> dict:
    """The request to the VVSG to accompany the evaluation mission of a round (Dutch)."""
    from partnerkeuze.core import visits
    from partnerkeuze.kernel.sdg_rules import NORTH_SOUTH

    p = model.profile
    v = link.values
    rnd = result.round
    reasons = [visits.type_reason("evaluatiemissie")]
    if result.large_gaps:
        reasons.append(visits.ADDITIONAL_REASONS[1])
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
        "reasons": reasons, "extra": visits.extra_reasons({2} if result.large_gaps else set()),
        "before": list(visits.BEFORE), "during": list(visits.DURING),
        "after": list(visits.AFTER),
    }
