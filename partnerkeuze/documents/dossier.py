"""The context of the dossier for the college: every section, charts, and features' additions.

Other features add context through ``DOSSIER_PROVIDERS`` ("module:function", each called as
``fn(model, snapshot, result) -> dict``); their keys are merged over the defaults below.
"""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path

from partnerkeuze import reference
from partnerkeuze.core.fingerprint import criteria_hash
from partnerkeuze.core.scoring import ScoreResult
from partnerkeuze.documents.contexts import Notes, _num, chosen_partner, letterhead
from partnerkeuze.documents.render import Picture
from partnerkeuze.model import Model

# Features that add dossier context ("module:function"; fn(model, snapshot, result) -> dict).
DOSSIER_PROVIDERS: tuple[str, ...] = ("partnerkeuze.planning.dossier:dossier_context",
                                      "partnerkeuze.governance.dossier:dossier_provider")

# Keys other features fill; the dossier shows their section only when present.
FUTURE_KEYS = ("criteria_history", "sensitivity", "second_round", "conflicts", "disagreement",
               "planning")

# The next steps after the choice (000_063238b4784f833c.txt), when no planning is given.
NEXT_STEPS: tuple[tuple[str, str], ...] = (
    ("Beslissing van het college", "Het college van burgemeester en schepenen neemt op basis "
     "van dit dossier een finale beslissing."),
    ("Goedkeuring door de gemeenteraad", "De keuze wordt ter goedkeuring voorgelegd aan de "
     "gemeenteraad; houd rekening met de data van de vergaderingen van de GROS, het college en "
     "de gemeenteraad."),
    ("Bezoek ter plaatse", "De samenwerking wordt pas formeel bekrachtigd na een volgend bezoek "
     "ter plaatse of een tegenbezoek aan de gemeente."),
    ("De andere kandidaten informeren", "Alle andere kandidaten krijgen een brief met de "
     "motivatie van de keuze: dat is respectvol en leerrijk voor hen. Spreek intern af hoe u "
     "omgaat met reacties."),
)


NONE = "geen uitgesproken punt"


def _strength_names(model: Model, scores: dict, strong: bool, limit: int = 3) -> str:
    items = []
    for crit in model.criteria:
        if crit.knockout:
            continue
        v = scores.get(crit.id)
        if v is None:
            continue
        n = (v - crit.scale_min) / ((crit.scale_max - crit.scale_min) or 1)
        items.append((n, crit.weight, crit.name))
    items.sort(key=lambda t: (-t[0], -t[1]) if strong else (t[0], -t[1]))
    chosen = [name[:1].lower() + name[1:] if name[1:2].islower() else name
              for n, _, name in items[:limit] if (n >= 0.6 if strong else n < 0.6)]
    return ", ".join(chosen) if chosen else NONE


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.1f}".replace(".", ",")


def _argument(model: Model, result: ScoreResult, proposal_id: str | None,
              final_order: list[str] | None) -> list[str]:
    by_id = result.by_id()
    lines: list[str] = []
    order = [c for c in (final_order or result.shortlist) if c in by_id]
    if not order or proposal_id is None:
        return ["Er is nog geen shortlist: er zijn te weinig volledig gescoorde kandidaten."]
    first = by_id[proposal_id]
    ranked = [r for r in result.candidates if r.rank is not None and r.id != first.id]
    if first.score is not None and ranked:
        nxt = ranked[0]
        lines.append(f"{first.name} ({first.country}) staat eerst met {_fmt(first.score)} op 100, "
                     f"{_fmt(first.score - nxt.score)} punten vóór {nxt.name} "
                     f"({_fmt(nxt.score)}).")
    weak = _strength_names(model, first.criterion_scores, False)
    lines.append(f"{first.name} scoort het sterkst op "
                 f"{_strength_names(model, first.criterion_scores, True)}"
                 + (f"; minder sterk op {weak}." if weak != NONE else
                    "; op geen enkel criterium scoort de kandidaat zwak."))
    for pos, cid in enumerate(order, start=1):
        if cid == first.id:
            continue
        r = by_id[cid]
        weak = _strength_names(model, r.criterion_scores, False)
        lines.append(f"{r.name} ({r.country}, {_fmt(r.score)}) volgt als nummer {pos}: sterk op "
                     f"{_strength_names(model, r.criterion_scores, True)}"
                     + (f", minder sterk op {weak}." if weak != NONE else
                        ", zonder uitgesproken zwak punt."))
    if final_order:
        names = ", ".join(f"{i}. {by_id[c].name}" for i, c in enumerate(order, start=1))
        lines.append(f"De rangorde na de tweede, kwalitatieve ronde: {names}.")
    if result.boundary_tie:
        lines.append("Op de grens van de shortlist staan kandidaten gelijk; het college beslist "
                     "wie doorgaat.")
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
                    notes: Notes, today: dt.date | None = None) -> dict:
    """Everything the dossier template shows."""
    from partnerkeuze.documents import charts

    s = model.settings
    ctx = letterhead(model, base_dir, notes, today)
    agg_label = {v: k for k, v in reference.AGGREGATIONS.items()}.get(s.aggregation, s.aggregation)
    chosen = chosen_partner(model, result)
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
                    "strengths": _strength_names(model, r.criterion_scores, True),
                    "weaknesses": _strength_names(model, r.criterion_scores, False)}
                   for r in short],
        proposal=({"id": chosen.id, "name": chosen.name, "country": chosen.country,
                   "score": None if chosen.score is None else round(chosen.score, 1)}
                  if chosen else {"id": "", "name": "(nog geen voorstel)", "country": "–",
                                  "score": None}),
        warnings=list(result.warnings),
        next_steps=[{"name": n, "body": t} for n, t in NEXT_STEPS],
        planning_chart=None,
    )
    for key in FUTURE_KEYS:
        ctx[key] = None
    if not ctx["frozen"]:
        notes.add("Instellingen: de criteria zijn niet vastgelegd (of gewijzigd); het dossier "
                  "vermeldt dat.")
    if chosen is None:
        notes.add("Resultaten: er is nog geen shortlist; het dossier bevat geen voorstel.")
    for provider in DOSSIER_PROVIDERS:
        module, _, func = provider.partition(":")
        extra = getattr(importlib.import_module(module), func)(model, snapshot, result) or {}
        ctx.update(extra)
    _name_criteria(model, ctx.get("sensitivity"))
    _second_round_points(ctx.get("second_round"))
    second = ctx.get("second_round") or {}
    final_order = list(second.get("final_order") or []) if isinstance(second, dict) else []
    if final_order and final_order[0] in result.by_id():
        first = result.by_id()[final_order[0]]
        ctx["proposal"] = {"id": first.id, "name": first.name, "country": first.country,
                           "score": None if first.score is None else round(first.score, 1)}
    ctx["argument"] = _argument(model, result, ctx["proposal"]["id"] or None, final_order)
    planning = ctx.get("planning")
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
