"""What the documents announce: the partner the college chose (final) or, before its decision,
the partner proposed by the consensus order or the score (a draft), and how that relates to the
score order. One place, so that letters, dossier and check cannot disagree."""

from __future__ import annotations

from partnerkeuze.kernel.plain import Plain
from partnerkeuze.record.procedure.record import ProcedureRecord

COLLEGE = "college"
CONSENSUS = "consensus"
SCORE = "score"


class Decision(Plain):
    """The partner the documents name and on what basis."""

    def __init__(self, partner: str | None, basis: str, final: bool,
                 score_order: list[str] | None = None, tie_at_top: bool = False,
                 consensus_order: list[str] | None = None, consensus_recorded: bool = False,
                 record: ProcedureRecord | None = None):
        self.partner = partner  # candidate id: the college's choice, or the proposal before it
        self.basis = basis  # 'college', 'consensus', 'score' or '' (no proposal)
        self.final = final  # the college decided
        self.score_order = [] if score_order is None else score_order  # ranked, complete ones
        self.tie_at_top = tie_at_top  # the two best scores are equal
        self.consensus_order = [] if consensus_order is None else consensus_order
        self.consensus_recorded = consensus_recorded  # from the record (else Eindvolgorde)
        self.record = ProcedureRecord() if record is None else record

    @property
    def score_first(self) -> str | None:
        """The single best-scored candidate, None when there is none or a tie at the top."""
        if not self.score_order or self.tie_at_top:
            return None
        return self.score_order[0]

    @property
    def follows_score(self) -> bool:
        """True when the named partner is also the single first in score."""
        return self.partner is not None and self.partner == self.score_first

    @property
    def draft(self) -> bool:
        """True while the college has not decided: documents are drafts."""
        return not self.final


def sheet_consensus(model) -> list[str]:
    """The order on the Eindvolgorde sheet (candidate ids by position)."""
    rows = [r for r in model.tables.get("final_order", [])
            if r.get("candidate") and r.get("position") is not None]
    rows.sort(key=lambda r: r["position"])
    out: list[str] = []
    for r in rows:
        if r["candidate"] not in out:
            out.append(r["candidate"])
    return out


def score_order(result) -> list[str]:
    """Ranked candidates (complete, not excluded) in rank order."""
    ranked = [c for c in result.candidates if c.rank is not None and c.score is not None]
    ranked.sort(key=lambda c: (c.rank, c.id))
    return [c.id for c in ranked]


def decide(model, result, record: ProcedureRecord) -> Decision:
    """The decision the documents follow, from the record, the consensus order and the scores."""
    order = score_order(result)
    by_id = result.by_id()
    tie = len(order) >= 2 and abs(by_id[order[0]].score - by_id[order[1]].score) < 1e-9
    consensus = record.consensus_order
    recorded = bool(consensus)
    if not consensus:
        consensus = sheet_consensus(model)
    eligible = [c for c in consensus if c in by_id and not by_id[c].excluded
                and by_id[c].score is not None]
    d = Decision(partner=None, basis="", final=record.final, score_order=order, tie_at_top=tie,
                 consensus_order=consensus, consensus_recorded=recorded, record=record)
    if record.final:
        d.partner, d.basis = record.chosen, COLLEGE
    elif eligible:
        d.partner, d.basis = eligible[0], CONSENSUS
    elif order and not tie:
        d.partner, d.basis = order[0], SCORE
    return d
