"""The reasons a document gives, decided once for the letters and the dossier.

Rules (the letters and the dossier only state what these functions return):

- a criterion is a *strength* of a candidate when its average score reaches STRONG of the scale
  (good in absolute terms), the chosen partner is not CLEAR_GAP of the scale or more ahead on
  it, it is not among the deciding criteria, and it is a merit (NOT_MERITS, such as the list of
  countries where Flemish municipalities are active, are circumstances, never praised);
- the *deciding* criteria of a candidate that was not chosen are those with the largest weighted
  difference in favour of the chosen partner (points on the 0-100 total), at least MIN_POINTS,
  at most LIMIT, and only when the chosen partner is ahead in the total score (otherwise the
  choice was made in the second round, and that is what the letter says);
- the number of assessors is the number that actually scored that candidate (counted: declared
  no conflict and gave at least one score);
- a candidate that is incomplete through the municipality (a counted assessor did not score it)
  gets no rejection letter until that is fixed;
- when the chosen partner is not the first on score, the letters and the dossier give as reasons
  only what the record holds: the consensus order when the choice follows it, the second-round
  questions on which the chosen partner was judged better (``round_behind`` for a declined
  candidate, ``round_ahead`` for the announcement: better than every other candidate judged on
  that question), and the college's own reasoning, quoted (ProcedureRecord.reasoning);
- the second round examined the candidates with judgements (``examined``), whatever the size of
  the shortlist; a tie on the shortlist's boundary is named (``boundary_tied``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

STRONG = 0.8  # share of the scale from which an average is good in absolute terms (4 of 5)
CLEAR_GAP = 0.2  # share of the scale by which the chosen partner is clearly ahead (1 of 5)
MIN_POINTS = 0.5  # smallest weighted difference (points of 100) that counts as deciding
LIMIT = 3
NOT_MERITS = ("land waar vlaamse gemeenten actief zijn",)
JUDGEMENT_VALUE = {"ja": 3, "eerder ja": 2, "eerder nee": 1, "nee": 0}

ANNOUNCEMENT = "announcement"
DECLINED = "declined"
SCORED = "scored"
SHORTLISTED = "shortlisted"
KNOCKOUT = "knockout"
WITHDRAWN = "withdrawn"
INCOMPLETE = "incomplete"
WITHDRAWN_STATUS = "Ingetrokken"  # the Status of a candidate that withdrew


def scored_criteria(model) -> list:
    """The weighted (not knock-out) criteria in their order."""
    return [c for c in model.criteria if not c.knockout]


def normalized(crit, value) -> float | None:
    """A score as a share of its criterion's scale (0..1), None when absent."""
    if value is None:
        return None
    return (value - crit.scale_min) / ((crit.scale_max - crit.scale_min) or 1)


def is_merit(crit) -> bool:
    """False for criteria that describe a circumstance rather than a merit (see NOT_MERITS)."""
    return " ".join(crit.name.lower().split()) not in NOT_MERITS


def _weights(model) -> dict[str, float]:
    crits = scored_criteria(model)
    total = sum(c.weight for c in crits) or 1.0
    return {c.id: c.weight * 100.0 / total for c in crits}


def weighted_differences(model, own, chosen) -> dict[str, float]:
    """Per criterion: how many points of 100 the chosen partner gained on the candidate there."""
    w = _weights(model)
    out = {}
    for crit in scored_criteria(model):
        a = normalized(crit, own.criterion_scores.get(crit.id))
        b = normalized(crit, chosen.criterion_scores.get(crit.id))
        if a is not None and b is not None:
            out[crit.id] = (b - a) * w[crit.id]
    return out


def deciding(model, own, chosen) -> list[str]:
    """The criteria that decided against the candidate: largest weighted difference first."""
    if chosen is None or own.id == chosen.id or chosen.score is None or own.score is None:
        return []
    if chosen.score <= own.score + 1e-9:
        return []
    diffs = weighted_differences(model, own, chosen)
    ranked = sorted((d for d in diffs.items() if d[1] >= MIN_POINTS - 1e-9),
                    key=lambda kv: (-kv[1], kv[0]))
    return [cid for cid, _ in ranked[:LIMIT]]


def strengths(model, own, chosen=None, exclude=()) -> list[str]:
    """The candidate's strengths (criterion ids), strongest first, at most LIMIT."""
    found = []
    for crit in scored_criteria(model):
        if crit.id in exclude or not is_merit(crit):
            continue
        a = normalized(crit, own.criterion_scores.get(crit.id))
        if a is None or a < STRONG - 1e-9:
            continue
        if chosen is not None and chosen.id != own.id:
            b = normalized(crit, chosen.criterion_scores.get(crit.id))
            if b is not None and b - a >= CLEAR_GAP - 1e-9:
                continue
        found.append((-a, -crit.weight, crit.id))
    found.sort()
    return [cid for _, _, cid in found[:LIMIT]]


def assessors_who_scored(model, cid: str) -> int:
    """How many assessors' scores count for the candidate (no conflict, at least one score)."""
    from partnerkeuze.core.conflicts import cleared_pairs

    cleared = cleared_pairs(model)
    scored = {s.assessor for s in model.scores if s.candidate == cid and s.score is not None}
    return sum(1 for a in model.assessors if a.id in scored and (a.id, cid) in cleared)


def judgements(model, cid: str) -> dict[str, str]:
    """The second-round judgements of a candidate: question id -> judgement."""
    return {r["question"]: r["judgement"] for r in model.tables.get("second_round", [])
            if r.get("candidate") == cid and r.get("question") and r.get("judgement")}


def round_behind(model, cid: str, chosen: str) -> list[str]:
    """Second-round questions on which the chosen partner was judged better (question ids)."""
    own, best = judgements(model, cid), judgements(model, chosen)
    out = []
    for qid, j in best.items():
        if qid in own and JUDGEMENT_VALUE.get(j, -1) > JUDGEMENT_VALUE.get(own[qid], 9):
            out.append(qid)
    return sorted(out)


def round_ahead(model, chosen: str, others: list[str]) -> list[str]:
    """Second-round questions on which the chosen partner was judged better than every other
    candidate judged on that question (there is at least one): the only second-round facts an
    announcement may give as a reason (question ids)."""
    best = judgements(model, chosen)
    theirs = [judgements(model, c) for c in others if c != chosen]
    out = []
    for qid, j in best.items():
        rivals = [t[qid] for t in theirs if qid in t]
        if rivals and all(JUDGEMENT_VALUE.get(j, -1) > JUDGEMENT_VALUE.get(r, 9) for r in rivals):
            out.append(qid)
    return sorted(out)


def examined(model, result) -> list[str]:
    """The candidates the second round examined: those with second-round judgements, the
    shortlist's order first."""
    judged = {r.get("candidate") for r in model.tables.get("second_round", [])
              if r.get("candidate") and r.get("question") and r.get("judgement")}
    order = list(result.shortlist) + [c.id for c in result.candidates
                                      if c.id not in result.shortlist]
    return [cid for cid in order if cid in judged]


def boundary_tied(result) -> list[str]:
    """The candidates tied on the shortlist's boundary (the lowest rank on the shortlist, shared
    by more than one), [] when there is no tie at the boundary."""
    if not result.boundary_tie:
        return []
    by_id = result.by_id()
    short = [by_id[c] for c in result.shortlist if c in by_id and by_id[c].rank is not None]
    if not short:
        return []
    last = max(c.rank for c in short)
    tied = [c.id for c in short if c.rank == last]
    return tied if len(tied) > 1 else []


def second_round_held(record, result, model) -> bool:
    """True when the shortlist had a second round: recorded, or judged on the Tweede ronde."""
    if record is not None and record.has("second_round"):
        return True
    return any(judgements(model, cid) for cid in result.shortlist)


def municipality_incomplete(res) -> bool:
    """True when the candidate lacks scores that the municipality's assessors owe it."""
    return not res.excluded and (not res.complete or res.score is None)


@dataclass
class Reasons:
    """What a letter to one candidate states, all of it true of the scores and the record."""

    candidate: str
    kind: str  # ANNOUNCEMENT or DECLINED
    outcome: str  # SCORED, SHORTLISTED, KNOCKOUT, WITHDRAWN, INCOMPLETE; '' for the partner
    strengths: list[str] = field(default_factory=list)
    deciding: list[str] = field(default_factory=list)
    assessors: int = 0
    rank: int | None = None
    n_ranked: int = 0
    score: float | None = None
    chosen_score: float | None = None
    chosen_ahead: bool = False  # the chosen partner has the higher total score
    top_score: bool = False  # (announcement) the single highest total score
    tied_top: list[str] = field(default_factory=list)  # (announcement) others with the same top
    runner_up_gap: float | None = None  # (announcement) points ahead of the next
    shortlisted: bool = False
    consensus_position: int | None = None
    n_consensus: int = 0
    round_behind: list[str] = field(default_factory=list)
    round_ahead: list[str] = field(default_factory=list)  # (announcement) judged best on
    examined: bool = False  # the second round judged this candidate
    blocked: bool = False  # incomplete through the municipality: no letter yet


def reasons_for(model, result, decision, cid: str) -> Reasons:
    """The reasons of the letter to candidate cid under the decision (which names the partner)."""
    by_id = result.by_id()
    res = by_id[cid]
    partner = by_id.get(decision.partner) if decision.partner else None
    ranked = [c for c in result.candidates if c.rank is not None]
    cand = next(c for c in model.candidates if c.id == cid)
    consensus = [c for c in decision.consensus_order if c in by_id]
    r = Reasons(candidate=cid, kind=ANNOUNCEMENT if partner and cid == partner.id else DECLINED,
                outcome="", assessors=assessors_who_scored(model, cid), rank=res.rank,
                n_ranked=len(ranked), score=res.score, shortlisted=res.shortlisted,
                consensus_position=consensus.index(cid) + 1 if cid in consensus else None,
                n_consensus=len(consensus), examined=bool(judgements(model, cid)))
    if partner is not None:
        r.chosen_score = partner.score
    if r.kind == ANNOUNCEMENT:
        r.strengths = strengths(model, res)
        r.round_ahead = round_ahead(model, cid, examined(model, result))
        others = [c.score for c in ranked if c.id != cid and c.score is not None]
        if res.score is not None and res.rank is not None:
            best_other = max(others) if others else None
            if best_other is None or res.score > best_other + 1e-9:
                r.top_score = True
                if best_other is not None:
                    r.runner_up_gap = round(res.score - best_other, 1) or None
            elif abs(res.score - best_other) <= 1e-9:
                r.tied_top = [c.id for c in ranked if c.id != cid
                              and abs(c.score - res.score) <= 1e-9]
        return r
    r.chosen_ahead = (partner is not None and partner.score is not None
                      and (res.score is None or partner.score > res.score + 1e-9))
    if cand.status == WITHDRAWN_STATUS:
        r.outcome = WITHDRAWN
        return r
    if res.excluded:
        r.outcome = KNOCKOUT
        return r
    if municipality_incomplete(res):
        r.outcome, r.blocked = INCOMPLETE, True
        return r
    r.outcome = SHORTLISTED if res.shortlisted or cid in consensus else SCORED
    r.deciding = deciding(model, res, partner) if partner is not None else []
    r.strengths = strengths(model, res, partner, exclude=r.deciding)
    if partner is not None and r.outcome == SHORTLISTED:
        r.round_behind = round_behind(model, cid, partner.id)
    return r

