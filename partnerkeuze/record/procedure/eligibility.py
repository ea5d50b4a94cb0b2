"""Who the college may choose, and what the council approves (the rules ``record`` applies to
``college`` and ``council`` before it writes anything; the ribbon's 'Procedurestap vastleggen'
runs the same work):

- the partner is a candidate on Kandidaten, not withdrawn ('Ingetrokken'), completely scored
  and not knocked out;
- a choice outside the shortlist, or other than the first of the recorded consensus order,
  needs the college's own reasoning (``--text``);
- the council approves the college's choice; another partner needs a new college decision.
"""

from __future__ import annotations

WITHDRAWN = "Ingetrokken"


def partner_problems(model, result, record, stage: str, partner: str, text: str) -> list[str]:
    """Why ``partner`` cannot be recorded for ``stage`` ('college' or 'council'), in Dutch, each
    message naming the rule; [] when it can."""
    out: list[str] = []
    cand = next((c for c in model.candidates if c.id == partner), None)
    if cand is None:
        return [f"kandidaat '{partner}' staat niet op het blad Kandidaten"]
    who = f"{cand.id} ({cand.name})"
    if cand.status == WITHDRAWN:
        return [f"{who} trok de kandidatuur in (status '{WITHDRAWN}'): het college kiest een "
                f"kandidaat die nog meedoet"]
    res = result.by_id().get(partner) if result is not None else None
    if res is None:
        out.append(f"{who} heeft geen resultaat: bereken eerst de scores")
        return out
    if res.excluded:
        out.append(f"{who} is uitgesloten door een knock-outcriterium "
                   f"({'; '.join(res.reasons) or 'knock-out'}): een uitgesloten kandidaat kan "
                   f"niet gekozen worden")
    elif not res.complete or res.score is None:
        out.append(f"{who} is nog niet volledig gescoord: het college kiest onder de volledig "
                   f"gescoorde kandidaten")
    if out:
        return out
    if stage == "college":
        consensus = record.consensus_order
        if partner not in result.shortlist and not text:
            out.append(f"{who} staat niet op de shortlist ({', '.join(result.shortlist)}): een "
                       f"keuze buiten de shortlist vraagt de argumentatie van het college "
                       f"(--text \"…\")")
        elif consensus and partner != consensus[0] and not text:
            out.append(f"de vastgelegde eindvolgorde zet {consensus[0]} eerst, niet {partner}: "
                       f"een keuze die afwijkt van de consensus vraagt de argumentatie van het "
                       f"college (--text \"…\")")
    return out
