"""What an evaluation round shows (pure): the means of both partners per concept and question,
the radar beside the previous round, where the partners disagree most, the principles met or
not, and the proposal (continue, reorient or end under the exit clause) with the rule behind it.

The rule, stated in every report with the figures of the round:
1. end under the exit clause when an exit trigger of the agreement occurred;
2. continue when the mean of both partners over the concepts reaches 'Voortzetten vanaf' (a
   share of the scale), every principle is met and the partners disagree nowhere by
   'Grote onenigheid vanaf' or more;
3. otherwise reorient.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from partnerkeuze.features.evaluation.workbook import FLEMISH, PARTNER, Item, Link

CONTINUE, REORIENT, END = "continue", "reorient", "end"


def side_means(link: Link, rid: str) -> dict[str, dict[str, float]]:
    """{side: {item id: mean score}} of a round (items without answers left out)."""
    sums: dict[tuple[str, str], list[float]] = {}
    for a in link.answers:
        if a["round"] == rid:
            sums.setdefault((a["side"], a["item"]), []).append(float(a["score"]))
    out: dict[str, dict[str, float]] = {FLEMISH: {}, PARTNER: {}}
    for (side, item), values in sums.items():
        out.setdefault(side, {})[item] = sum(values) / len(values)
    return out


def scores_by_participant(link: Link, rid: str, item: str) -> dict[str, float]:
    """{'side: participant': score} of one item in a round (the last answer of each)."""
    out = {}
    for a in link.answers:
        if a["round"] == rid and a["item"] == item:
            out[f"{a['side']}: {a['participant']}"] = float(a["score"])
    return out


@dataclass
class Gap:
    """How far the partners' means lie apart on one item."""

    item: Item
    flemish: float
    partner: float
    gap: float  # points
    share: float  # percent of the scale
    large: bool  # at least 'Grote onenigheid vanaf'
    alone: list[str] = field(default_factory=list)  # participants who stand alone


@dataclass
class Principle:
    """A principle (question of source 'principe') and whether both partners see it met."""

    item: Item
    flemish: float | None
    partner: float | None
    met: bool


@dataclass
class Round:
    """Everything the report of one round shows, computed from the workbook."""

    round: dict
    previous: dict | None
    means: dict[str, dict[str, float]]
    previous_means: dict[str, dict[str, float]] | None
    gaps: list[Gap]  # largest first
    principles: list[Principle]
    lessons: list[Principle]  # the lesson questions, with the same 'met' test
    share: float | None  # mean of both partners over the concepts, percent of the scale
    previous_share: float | None
    proposal: str
    occurred: list[dict]  # exit triggers that occurred
    uncovered: list[dict]  # exit triggers without a risk in the register
    mission: bool  # an evaluation mission (visit) is proposed in this round
    thresholds: dict = field(default_factory=dict)

    @property
    def large_gaps(self) -> list[Gap]:
        """The items where the partners disagree by the threshold or more."""
        return [g for g in self.gaps if g.large]

    @property
    def principles_met(self) -> int:
        """How many principles both partners see met."""
        return sum(p.met for p in self.principles)


def _share(value: float, lo: float, hi: float) -> float:
    return 100.0 * (value - lo) / (hi - lo)


def concept_share(link: Link, means: dict[str, dict[str, float]]) -> float | None:
    """The mean of both partners over the concepts, as a percentage of the scale."""
    lo, hi = link.scale
    values = [means[side][c.id] for c in link.concepts for side in (FLEMISH, PARTNER)
              if c.id in means.get(side, {})]
    if not values or hi <= lo:
        return None
    return _share(sum(values) / len(values), lo, hi)


def analyse(link: Link, rid: str | None = None) -> Round:
    """The analysis of a round (the latest when rid is None)."""
    from partnerkeuze.core.disagreement import outliers

    rnd = link.round(rid) if rid else link.latest_round()
    if rnd is None:
        raise ValueError("geen evaluatieronde")
    prev = link.previous_round(rnd["id"])
    lo, hi = link.scale
    span = max(hi - lo, 1)
    v = link.values
    disagree_from = float(v.get("disagree_from") or 40)
    continue_from = float(v.get("continue_from") or 60)
    principle_from = float(v.get("principle_from") if v.get("principle_from") is not None else 3)
    means = side_means(link, rnd["id"])
    prev_means = side_means(link, prev["id"]) if prev else None
    gaps = []
    for item in link.items:
        a, b = means[FLEMISH].get(item.id), means[PARTNER].get(item.id)
        if a is None or b is None:
            continue
        share = 100.0 * abs(a - b) / span
        alone = outliers(scores_by_participant(link, rnd["id"], item.id),
                         disagree_from / 100.0 * span)
        gaps.append(Gap(item, a, b, abs(a - b), share, share >= disagree_from - 1e-9, alone))
    gaps.sort(key=lambda g: (-g.gap, g.item.row if g.item.kind == "concept" else 1000 + g.item.row))

    def tested(kind_test) -> list[Principle]:
        out = []
        for q in link.questions:
            if kind_test(q.kind):
                a, b = means[FLEMISH].get(q.id), means[PARTNER].get(q.id)
                met = a is not None and b is not None and a >= principle_from - 1e-9 and \
                    b >= principle_from - 1e-9
                out.append(Principle(q, a, b, met))
        return out

    principles = tested(lambda k: k == "principe")
    lessons = tested(lambda k: k != "principe")
    share = concept_share(link, means)
    occurred = [e for e in link.exit_triggers if e.get("occurred") == "ja"]
    risk_ids = {r["id"] for r in link.risks}
    uncovered = [e for e in link.exit_triggers if e.get("risk") not in risk_ids]
    if occurred:
        proposal = END
    elif share is not None and share >= continue_from - 1e-9 and \
            all(p.met for p in principles) and not any(g.large for g in gaps):
        proposal = CONTINUE
    else:
        proposal = REORIENT
    return Round(
        round=rnd, previous=prev, means=means, previous_means=prev_means, gaps=gaps,
        principles=principles, lessons=lessons, share=share,
        previous_share=concept_share(link, prev_means) if prev_means else None,
        proposal=proposal, occurred=occurred, uncovered=uncovered,
        mission=bool(rnd.get("visit_from") and rnd.get("visit_to")),
        thresholds={"continue_from": continue_from, "disagree_from": disagree_from,
                    "principle_from": principle_from, "scale": (lo, hi)})


def radar_table(link: Link, result: Round) -> list[dict]:
    """Per concept the four radar values: previous round and this round, both partners."""
    rows = []
    prev = result.previous_means or {}
    for c in link.concepts:
        rows.append({"id": c.id, "concept": c, "prev_flemish": prev.get(FLEMISH, {}).get(c.id),
                     "prev_partner": prev.get(PARTNER, {}).get(c.id),
                     "flemish": result.means[FLEMISH].get(c.id),
                     "partner": result.means[PARTNER].get(c.id)})
    return rows
