"""The context of the dossier for the college: every section, charts, and features' additions.

Governance adds its sections (criteria history, sensitivity, second round, conflicts,
disagreement, anchor); the planning's section (steps and Gantt) is computed by the app with the
planning and handed in, so that the dossier and ``plan`` show one plan.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from partnerkeuze.kernel import reference
from partnerkeuze.core.fingerprint import criteria_hash
from partnerkeuze.core.scoring import ScoreResult
from partnerkeuze.features.documents.contexts import Notes, _num, letterhead
from partnerkeuze.record.procedure import reasons as rs
from partnerkeuze.io.docx.render import Picture
from partnerkeuze.kernel.model import Model

# Keys other features fill; the dossier shows their section only when present.
FUTURE_KEYS = ("criteria_history", "sensitivity", "second_round", "conflicts", "disagreement",
               "planning", "anchor", "criteria_refrozen")

NONE = "geen uitgesproken punt"


def _strength_names(model: Model, scores: dict, strong: bool, limit: int = 3) -> str:
    """Strengths (the core rule: good in absolute terms, a merit) or weaknesses (below 60 % of
    the scale) of a candidate, as Dutch criterion names."""
    items = []
    for crit in rs.scored_criteria(model):
        n = rs.normalized(crit, scores.get(crit.id))
        if n is None:
            continue
        if strong and n >= rs.STRONG - 1e-9 and rs.is_merit(crit):
            items.append((-n, -crit.weight, crit.name))
        elif not strong and n < 0.6 - 1e-9:
            items.append((n, -crit.weight, crit.name))
    items.sort()
    chosen = [name[:1].lower() + name[1:] if name[1:2].islower() else name
              for _, _, name in items[:limit]]
    return ", ".join(chosen) if chosen else NONE


def _letter_strengths(model: Model, result, decision, cid: str) -> str:
    """The strengths the candidate's own letter names (procedure.reasons), as Dutch criterion
    names: the dossier and the letters use one rule and cannot disagree."""
    ids = rs.reasons_for(model, result, decision, cid).strengths
    names = {c.id: c.name for c in model.criteria}
    chosen = [names[i][:1].lower() + names[i][1:] if names[i][1:2].islower() else names[i]
              for i in ids]
    return ", ".join(chosen) if chosen else NONE


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.1f}".replace(".", ",")


def _argument(model: Model, result: ScoreResult, decision) -> list[str]:
    """The argument for the order: the score relation, each shortlisted candidate's profile and
    the consensus order with its written arguments."""
    from partnerkeuze.features.documents import dossier_content as dc

    by_id = result.by_id()
    if decision.partner is None or decision.partner not in by_id:
        return dc.summary(model, result, decision)
    first = by_id[decision.partner]
    lines = [dc.score_relation(model, result, decision)]
    weak = _strength_names(model, first.criterion_scores, False)
    lines.append(f"{first.name} scoort het sterkst op "
                 f"{_letter_strengths(model, result, decision, first.id)}"
                 + (f"; minder sterk op {weak}." if weak != NONE else
                    "; op geen enkel criterium scoort de kandidaat zwak."))
    order = [c for c in (decision.consensus_order or result.shortlist) if c in by_id]
    where = "de eindvolgorde in consensus" if decision.consensus_order else "de shortlist"
    for pos, cid in enumerate(order, start=1):
        if cid == first.id:
            continue
        r = by_id[cid]
        weak = _strength_names(model, r.criterion_scores, False)
        lines.append(f"{r.name} ({r.country}, {_fmt(r.score)}) staat op plaats {pos} van "
                     f"{where}: sterk op "
                     f"{_letter_strengths(model, result, decision, r.id)}"
                     + (f", minder sterk op {weak}." if weak != NONE else
                        ", zonder uitgesproken zwak punt."))
    if decision.consensus_order:
        names = ", ".join(f"{i}. {by_id[c].name}" for i, c in enumerate(order, start=1))
        lines.append(f"De rangorde na de tweede, kwalitatieve ronde: {names}.")
        lines += dc.final_order_arguments(model, decision)
    tied = rs.boundary_tied(result)
    if tied:
        names = [by_id[c].name for c in tied]
        lines.append(f"Op de grens van de shortlist "
                     f"{'stonden' if decision.final else 'staan'} "
                     f"{', '.join(names[:-1])} en {names[-1]} gelijk; de shortlist telt daarom "
                     f"{len(result.shortlist)} kandidaten in plaats van "
                     f"{model.settings.shortlist_size}.")
    return lines


def _excluded(result: ScoreResult, model: Model) -> list[dict]:
    rows = []
    for r in result.candidates:
        if r.excluded:
            rows.append({"id": r.id, "name": r.name, "reason": "; ".join(r.reasons)})
        elif not r.complete:
            if r.missing:
                what = ", ".join(sorted({k for k, _ in r.missing}))
                who = ", ".join(sorted({a for _, a in r.missing}))
                reason = f"onvolledig: scores ontbreken voor {what} (beoordelaar {who})"
            else:
                reason = "onvolledig: nog geen scores"
            rows.append({"id": r.id, "name": r.name, "reason": reason})
    return rows


def dossier_context(model: Model, snapshot, result: ScoreResult, base_dir: Path | None,
                    notes: Notes, plan_section: dict | None = None,
                    today: dt.date | None = None) -> dict:
    """Everything the dossier template shows (``plan_section``: {"planning": ...} from the
    planning, or None)."""
    from partnerkeuze.io.docx import charts

    s = model.settings
    ctx = letterhead(model, base_dir, notes, today)
    agg_label = {v: k for k, v in reference.AGGREGATIONS.items()}.get(s.aggregation, s.aggregation)
    from partnerkeuze.features.documents import dossier_content as dc
    from partnerkeuze.record.procedure import read_record
    from partnerkeuze.record.procedure.decision import decide

    record = read_record(snapshot)
    decision = decide(model, result, record)
    today = ctx["today"]
    chosen = result.by_id().get(decision.partner) if decision.partner else None
    counts: dict[str, int] = {}
    for c in model.candidates:
        counts[c.channel or "(niet ingevuld)"] = counts.get(c.channel or "(niet ingevuld)", 0) + 1
    order = {name: i for i, name in enumerate(reference.CHANNELS)}
    channels = [{"name": k, "count": v} for k, v in
                sorted(counts.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))]
    longlist = [{"rank": r.rank, "id": r.id, "name": r.name, "country": r.country,
                 "score": r.score, "shortlisted": r.shortlisted}
                for r in result.candidates if r.rank is not None]
    short = [r for r in result.candidates if r.shortlisted]
    ctx.update(
        call_title=s.call_title or "Oproep tot kandidaatstelling",
        call_date=s.call_date, deadline=s.deadline,
        seeks=str(model.profile.get("seeks") or ""),
        offers=str(model.profile.get("offers") or ""),
        themes=str(model.profile.get("themes") or ""),
        mode_label=reference.MODE_LABELS.get(s.mode, s.mode),
        aggregation=agg_label, scale_min=_num(s.scale_min), scale_max=_num(s.scale_max),
        shortlist_size=s.shortlist_size,
        assessors=[{"id": a.id, "name": a.name, "role": a.role} for a in model.assessors],
        criteria=[{"id": c.id, "name": c.name, "kind": c.kind,
                   "weight": "–" if c.knockout else f"{_fmt(c.weight)} %",
                   "threshold": None if c.threshold is None else _num(c.threshold),
                   "scale": f"{_num(c.scale_min)}-{_num(c.scale_max)}"} for c in model.criteria],
        criteria_hash=criteria_hash(model.criteria),
        frozen=bool(s.frozen_hash) and s.frozen_hash == criteria_hash(model.criteria),
        frozen_at=s.frozen_at, frozen_by=s.frozen_by,
        channels=channels,
        n_candidates=len(model.candidates),
        candidates=[{"id": c.id, "name": c.name, "country": c.country, "language": c.language,
                     "channel": c.channel, "received": c.received} for c in model.candidates],
        longlist=longlist,
        excluded=_excluded(result, model),
        shortlist=[{"rank": r.rank, "id": r.id, "name": r.name, "country": r.country,
                    "score": r.score,
                    "strengths": _letter_strengths(model, result, decision, r.id),
                    "weaknesses": _strength_names(model, r.criterion_scores, False)}
                   for r in short],
        proposal=({"id": chosen.id, "name": chosen.name, "country": chosen.country,
                   "score": None if chosen.score is None else round(chosen.score, 1),
                   "top_score": decision.follows_score}
                  if chosen else None),
        decision=_decision(decision, record),
        summary=dc.summary(model, result, decision),
        descriptions=dc.describe(model, result, decision),
        principles=dc.principles(model, result, decision.partner),
        risks=dc.risks(model, result, decision.partner, today),
        exit_strategy=dc.EXIT_STRATEGY,
        budget=dc.budget(model, decision.partner),
        gros=dc.gros(record),
        reactions=dc.reactions(model),
        annexes=list(dc.ANNEXES),
        decision_argument=(dc.score_relation(model, result, decision) if chosen else ""),
        warnings=list(result.warnings),
        next_steps=dc.next_steps(model, record, decision, today),
        planning_chart=None,
    )
    for key in FUTURE_KEYS:
        ctx[key] = None
    if not ctx["frozen"]:
        notes.add("Instellingen: de criteria zijn niet vastgelegd (of gewijzigd); het dossier "
                  "vermeldt dat.")
    if chosen is None:
        notes.add("Resultaten: er is nog geen voorstel (geen volledig gescoorde kandidaat alleen "
                  "aan de top en geen eindvolgorde); het dossier bevat geen ontwerpbesluit.")
    from partnerkeuze.record.governance.dossier import dossier_provider

    ctx.update(dossier_provider(model, snapshot, result) or {})
    if plan_section:
        ctx.update(plan_section)
    _name_criteria(model, ctx.get("sensitivity"))
    _second_round_points(ctx.get("second_round"))
    ctx["argument"] = _argument(model, result, decision)
    planning = ctx.get("planning")
    if isinstance(planning, dict) and planning.get("steps"):
        # only what is still to come: a dossier dated today lists no meeting in the past and no
        # step that is done (the plan marks done what the Procedure sheet records); the next
        # steps are the plan's, with its dates
        planning["steps"] = dc.steps_to_come(planning["steps"], today)
        if planning["steps"]:
            ctx["next_steps"] = dc.planned_next_steps(planning["steps"])
    if isinstance(planning, dict) and not planning.get("steps"):
        for problem in planning.get("problems") or ():
            notes.add(f"Planning: {problem}")
        ctx["planning"] = planning = None  # the default next steps instead
    if isinstance(planning, dict) and planning.get("gantt_png"):
        ctx["planning_chart"] = Picture(planning["gantt_png"], width_mm=160, description="planning")
    ctx["chart_scores"] = Picture(
        charts.longlist_bars([(f"{r['id']} {r['name']}", r["score"], r["shortlisted"])
                              for r in longlist]), width_mm=150, description="scores longlist")
    scored = [c for c in model.criteria if not c.knockout]
    if short and len(scored) >= 3:
        series = []
        for r in short:
            vals = []
            for c in scored:
                v = r.criterion_scores.get(c.id)
                vals.append(None if v is None else
                            (v - c.scale_min) / ((c.scale_max - c.scale_min) or 1))
            series.append((f"{r.id} {r.name}", vals))
        ctx["chart_radar"] = Picture(charts.radar([c.name for c in scored], series),
                                     width_mm=140, description="profielen shortlist")
    else:
        ctx["chart_radar"] = None
    return ctx


def _decision(decision, record) -> dict:
    """Where the procedure stands for the dossier: draft or decided, with date and number."""
    from partnerkeuze.features.documents.dossier_content import nl_date
    from partnerkeuze.record.procedure.stages import STAGE_NAMES

    college, council = record.college, record.council
    if council is not None and (council.partner != decision.partner or college is None
                                or (council.seq or 0) < (college.seq or 0)):
        council = None  # an approval of an earlier decision approves nothing of this one
    return {"final": decision.final, "draft": decision.draft, "basis": decision.basis,
            "reasoning": record.reasoning.get("nl", "") if decision.final else "",
            "stage": STAGE_NAMES.get(record.stage, "nog geen stap vastgelegd"),
            "date": nl_date(college.date) if college else "",
            "number": college.number if college else "",
            "council": council is not None,
            "council_date": nl_date(council.date) if council else "",
            "council_number": council.number if council else ""}


def _name_criteria(model: Model, sensitivity) -> None:
    """The sensitivity table shows each criterion's name beside its id ("C02 Beleidsmatige …")."""
    if not isinstance(sensitivity, dict):
        return
    names = {c.id: c.name for c in model.criteria}
    for row in sensitivity.get("stability") or ():
        if isinstance(row, dict) and str(row.get("criterion", "")).strip() in names:
            cid = str(row["criterion"]).strip()
            row["criterion"] = f"{cid} {names[cid]}"


def _second_round_points(second) -> None:
    """Each second-round row as points, one per question and one for the consensus place,
    instead of one run-on paragraph (``row["points"]``; the summary when no details are given)."""
    if not isinstance(second, dict):
        return
    details = second.get("details") if isinstance(second.get("details"), dict) else {}
    places = {r.get("candidate"): r for r in details.get("final_order") or ()}
    for row in second.get("rows") or ():
        if not isinstance(row, dict):
            continue
        cid = row.get("id")
        points = []
        for r in details.get("rows") or ():
            if r.get("candidate") == cid:
                argument = str(r.get("argument") or "").strip()
                points.append(f"{r.get('question')}: {r.get('judgement') or 'geen oordeel'}"
                              + (f". {argument[:1].upper()}{argument[1:]}" if argument else ""))
        if cid in places:
            argument = str(places[cid].get("argument") or "").strip()
            points.append(f"Plaats {places[cid].get('position')} in het consensusoverleg"
                          + (f": {argument}" if argument else ""))
        row["points"] = points or [row.get("summary") or ""]
