"""Who may be matched (SDG): the Flemish applicants eligible by score, the partners eligible by
city link, as parties of the matching; the same rules for ``match`` and the programme checks."""

from __future__ import annotations

from partnerkeuze.kernel.wording import nl_general, nl_number

from partnerkeuze.core.matching import Party
from partnerkeuze.features.sdg.workbook import SdgCall
from partnerkeuze.kernel import sdg_rules as rules
from partnerkeuze.kernel.model import Model


def parties(model: Model, call: SdgCall) -> tuple[list[Party], list[Party], dict[str, float | None]]:
    """The applicants (eligible by score) and partners (eligible by city link) as matching parties."""
    from partnerkeuze.core.assessment import evaluate

    result = evaluate(model).by_id()
    minimum = float(call.settings.get("min_score") if call.settings.get("min_score") is not None
                    else rules.DEFAULT_MIN_SCORE)
    scores: dict[str, float | None] = {}
    flemish = []
    for c in model.candidates:
        r = result.get(c.id)
        score = r.score if r else None
        scores[c.id] = score
        if r is None or r.excluded:
            why = "uitgesloten: " + "; ".join(r.reasons) if r and r.reasons else "uitgesloten"
        elif score is None:
            why = "nog niet volledig gescoord"
        elif score < minimum - 1e-9:
            why = f"gewogen score {nl_number(score)} ligt onder het minimum van {nl_general(minimum)}"
        else:
            why = ""
        flemish.append(Party(c.id, c.name, c.country,
                             tuple((t, p) for t, p, _ in call.interests.get(c.id, ())),
                             eligible=not why, reason=why))
    partners = []
    for rec in call.partners:
        why = ""
        if rec.get("country") == "Benin" and rec.get("city_link") == "ja":
            why = ("heeft al een stedenband; in Benin komen enkel gemeenten zonder stedenband "
                   "in aanmerking")
        partners.append(Party(rec["id"], rec.get("name") or "", rec.get("country") or "",
                              tuple((t, p) for t, p, _ in call.interests.get(rec["id"], ())),
                              eligible=not why, reason=why))
    return flemish, partners, scores
