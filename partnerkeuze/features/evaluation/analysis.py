"""What an evaluation round shows (pure): the means of both partners per concept and question,
the radar beside the previous round, where the partners disagree most, the principles met or
not, and the proposal (continue, reorient or end under the exit clause) with the rule behind it.

The rule, stated in every report with the figures of the round:
1. end under the exit clause when an exit trigger of the agreement occurred (found by this
   round or an earlier one);
2. no proposal while one side has not answered: continuing or reorienting needs both voices;
3. continue when the mean of both partners over the concepts reaches 'Voortzetten vanaf' (a
   share of the scale), every principle is met and the partners disagree nowhere by
   'Grote onenigheid vanaf' or more;
4. otherwise reorient.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from partnerkeuze.features.evaluation.workbook import FLEMISH, PARTNER, Item, Link, participants

CONTINUE, REORIENT, END, WAIT = "continue", "reorient", "end", "wait"
SIDE_ORDER = (FLEMISH, PARTNER)


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


def scores_by_participant(link: Link, rid: str, item: str) -> dict[tuple[str, str], float]:
    """{(side, participant): score} of one item in a round (the last answer of each)."""
    out = {}
    for a in link.answers:
        if a["round"] == rid and a["item"] == item:
            out[(a["side"], a["participant"])] = float(a["score"])
    return out


def answered(link: Link, rid: str) -> dict[str, list[str]]:
    """{side: the participants who answered in a round, in the order of the sheet}."""
    out: dict[str, list[str]] = {FLEMISH: [], PARTNER: []}
    for a in link.answers:
        if a["round"] == rid and a["participant"] not in out.setdefault(a["side"], []):
            out[a["side"]].append(a["participant"])
    return out


def months_apart(first, later) -> int:
    """Whole months from one date to a later one."""
    months = (later.year - first.year) * 12 + later.month - first.month
    return months - (1 if later.day < first.day else 0)


@dataclass
class Participation:
    """Who answered in one round, on each side, beside who was invited."""

    round: dict
    answered: dict[str, list[str]]
    invited: dict[str, list[str]]


@dataclass
class Interval:
    """Two consecutive rounds further apart than the setting allows."""

    earlier: dict
    later: dict
    months: int


@dataclass
class Gap:
    """How far the partners' means lie apart on one item."""

    item: Item
    flemish: float
    partner: float
    gap: float  # points
    share: float  # percent of the scale
    large: bool  # at least 'Grote onenigheid vanaf'
    alone: list[tuple[str, str]] = field(default_factory=list)  # (side, participant) alone


@dataclass
class Principle:
    """A principle (question of source 'principe') and whether both partners see it met
    (``met`` None: not to be judged, one side did not answer)."""

    item: Item
    flemish: float | None
    partner: float | None
    met: bool | None


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
    occurred: list[dict]  # exit triggers that occurred (found by this round or before)
    uncovered: list[dict]  # exit triggers without a risk in the register
    mission: bool  # an evaluation mission (visit) is proposed in this round
    thresholds: dict = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # sides without a single answer
    side_share: dict = field(default_factory=dict)  # side -> its own mean, percent of the scale
    participation: list[Participation] = field(default_factory=list)  # every round until this
    intervals: list[Interval] = field(default_factory=list)  # rounds too far apart
    budget_year: int | None = None  # the latest budget year without a fixed operating budget
    no_budget: bool = False  # no budget line at all
    unassessed: list[dict] = field(default_factory=list)  # risks without likelihood or impact

    @property
    def large_gaps(self) -> list[Gap]:
        """The items where the partners disagree by the threshold or more."""
        return [g for g in self.gaps if g.large]

    @property
    def principles_met(self) -> int:
        """How many principles both partners see met."""
        return sum(bool(p.met) for p in self.principles)

    @property
    def both(self) -> bool:
        """True when both sides answered in this round."""
        return not self.missing


def _share(value: float, lo: float, hi: float) -> float:
    return 100.0 * (value - lo) / (hi - lo)


def concept_share(link: Link, means: dict[str, dict[str, float]],
                  sides: tuple[str, ...] = SIDE_ORDER) -> float | None:
    """The mean over the concepts of the given sides (both by default), as a percentage of the
    scale."""
    lo, hi = link.scale
    values = [means[side][c.id] for c in link.concepts for side in sides
              if c.id in means.get(side, {})]
    if not values or hi <= lo:
        return None
    return _share(sum(values) / len(values), lo, hi)


def budget_without_operating(link: Link) -> tuple[bool, int | None]:
    """(no budget line at all, the latest year whose lines hold no fixed operating budget):
    without one the link depends on the subsidies of the moment (002, 'Toekomstmuziek')."""
    from partnerkeuze.layout.evaluation import OPERATING_BUDGET

    lines = [b for b in link.budget if b.get("year") is not None]
    if not lines:
        return True, None
    year = max(int(b["year"]) for b in lines)
    operating = any(int(b["year"]) == year and b.get("kind") == OPERATING_BUDGET
                    and float(b.get("amount") or 0) > 0 for b in lines)
    return False, None if operating else year


def add_months(day, months: int):
    """The same day ``months`` later (the month's last day when it is shorter)."""
    import calendar

    m = day.month - 1 + months
    year, month = day.year + m // 12, m % 12 + 1
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))


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
    who = answered(link, rnd["id"])
    missing = [side for side in SIDE_ORDER if not who.get(side)]
    gaps = []
    for item in link.items:
        a, b = means[FLEMISH].get(item.id), means[PARTNER].get(item.id)
        if a is None or b is None:
            continue
        share = 100.0 * abs(a - b) / span
        scores = scores_by_participant(link, rnd["id"], item.id)
        keys = {f"{side}\x1f{person}": (side, person) for side, person in scores}
        alone = [keys[k] for k in outliers({f"{s}\x1f{p}": v for (s, p), v in scores.items()},
                                           disagree_from / 100.0 * span)]
        gaps.append(Gap(item, a, b, abs(a - b), share, share >= disagree_from - 1e-9, alone))
    gaps.sort(key=lambda g: (-g.gap, g.item.row if g.item.kind == "concept" else 1000 + g.item.row))

    def tested(kind_test) -> list[Principle]:
        out = []
        for q in link.questions:
            if kind_test(q.kind):
                a, b = means[FLEMISH].get(q.id), means[PARTNER].get(q.id)
                met = None if missing else (a is not None and b is not None and
                                            a >= principle_from - 1e-9 and
                                            b >= principle_from - 1e-9)
                out.append(Principle(q, a, b, met))
        return out

    principles = tested(lambda k: k == "principe")
    lessons = tested(lambda k: k != "principe")
    share = None if missing else concept_share(link, means)
    side_share = {side: concept_share(link, means, (side,)) for side in SIDE_ORDER}
    until = link.rounds_until(rnd["id"])
    dates = {r["id"]: r["date"] for r in until}
    occurred = [e for e in link.exit_triggers if e.get("occurred") == "ja"
                and (e.get("round") in dates or e.get("round") is None)]
    risk_ids = {r["id"] for r in link.risks}
    uncovered = [e for e in link.exit_triggers if e.get("risk") not in risk_ids]
    if occurred:
        proposal = END
    elif missing:
        proposal = WAIT
    elif share is not None and share >= continue_from - 1e-9 and \
            all(p.met for p in principles) and not any(g.large for g in gaps):
        proposal = CONTINUE
    else:
        proposal = REORIENT
    prev_share = None
    if prev_means and all(prev_means.get(side) for side in SIDE_ORDER):
        prev_share = concept_share(link, prev_means)
    no_budget, budget_year = budget_without_operating(link)
    return Round(
        round=rnd, previous=prev, means=means, previous_means=prev_means, gaps=gaps,
        principles=principles, lessons=lessons, share=share,
        previous_share=prev_share,
        proposal=proposal, occurred=occurred, uncovered=uncovered,
        mission=bool(rnd.get("visit_from") and rnd.get("visit_to")),
        thresholds={"continue_from": continue_from, "disagree_from": disagree_from,
                    "principle_from": principle_from, "scale": (lo, hi),
                    "max_months": link.max_months},
        missing=missing, side_share=side_share,
        participation=[Participation(r, answered(link, r["id"]),
                                     {FLEMISH: participants(r.get("flemish_participants")),
                                      PARTNER: participants(r.get("partner_participants"))})
                       for r in until],
        intervals=[Interval(a, b, months_apart(a["date"], b["date"]))
                   for a, b in zip(until, until[1:])
                   if b["date"] > add_months(a["date"], link.max_months)],
        budget_year=budget_year, no_budget=no_budget,
        unassessed=[r for r in link.risks if r.get("likelihood") is None
                    or r.get("impact") is None])


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
