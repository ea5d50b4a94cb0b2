"""Matching Flemish applicants and Southern municipalities one to one on thematic fit (pure).

The fit of an applicant and a partner is the weighted overlap of their interests in the themes of
the partner's country (weighted Jaccard: the sum over shared themes of the lower priority, divided
by the sum over all their themes of that country of the higher priority), on a 0-100 scale. A pair
is not allowed (fit None) when either party is not eligible, the partner's country has no
programme rule, or they share no theme of that country that respects the country's focus
(``rules.COUNTRY_RULES``). The assignment maximises the total fit exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain

from partnerkeuze.kernel.sdg_rules import COUNTRY_RULES, DEFAULT_TOLERANCE

FIT_DECIMALS = 1


@dataclass(frozen=True)
class Theme:
    """A theme of the call with its SDGs and the country whose partnerships work on it."""

    id: str
    name: str
    country: str
    sdgs: tuple[int, ...] = ()  # the goals (16 for the sub-target 16.7)
    targets: tuple[str, ...] = ()  # the goals and sub-targets as the workbook gives them

    @property
    def sdg_text(self) -> str:
        """The goals and sub-targets as a document names them ('16.7', '7, 8')."""
        return ", ".join(self.targets or tuple(str(s) for s in self.sdgs))


@dataclass(frozen=True)
class Party:
    """A Flemish applicant or a Southern municipality with its interests (theme id -> 1..3)."""

    id: str
    name: str
    country: str = ""
    interests: tuple[tuple[str, int], ...] = ()
    eligible: bool = True
    reason: str = ""  # why not eligible, in Dutch

    @property
    def priorities(self) -> dict[str, int]:
        """Priority per theme id."""
        return dict(self.interests)


@dataclass(frozen=True)
class Pair:
    """A matched applicant and partner, their fit and the themes they share."""

    flemish: str
    partner: str
    fit: float
    shared: tuple[str, ...]


@dataclass(frozen=True)
class Alternative:
    """Another assignment whose total fit is within the tolerance of the best one."""

    total: float
    pairs: tuple[tuple[str, str], ...]
    dropped: tuple[tuple[str, str], ...]  # pairs of the best assignment not in this one
    added: tuple[tuple[str, str], ...]  # pairs of this one not in the best assignment


@dataclass
class MatchResult:
    """The outcome of matching: pairs, unmatched parties with reasons, fit table, alternatives."""

    pairs: list[Pair]
    unmatched_flemish: list[tuple[str, str]]  # (id, reason)
    unmatched_partners: list[tuple[str, str]]
    fit: dict[str, dict[str, float | None]]
    total: float
    alternatives: list[Alternative] = field(default_factory=list)

    def contract(self) -> dict:
        """The JSON object of ``match --json`` (command line contract)."""
        return {
            "pairs": [{"flemish": p.flemish, "partner": p.partner, "fit": p.fit}
                      for p in self.pairs],
            "unmatched": {"flemish": [i for i, _ in self.unmatched_flemish],
                          "partners": [i for i, _ in self.unmatched_partners]},
            "fit": {f: dict(row) for f, row in self.fit.items()},
        }


def _key(text: str) -> tuple[str, str]:
    return (text.casefold(), text)


def theme_allowed(theme: Theme) -> bool:
    """True when a theme respects the focus of its country (its SDGs belong to the rule)."""
    rule = COUNTRY_RULES.get(theme.country)
    return rule is not None and bool(theme.sdgs) and set(theme.sdgs) <= rule.sdgs


def pair_fit(flemish: Party, partner: Party, themes: dict[str, Theme]
             ) -> tuple[float | None, tuple[str, ...]]:
    """The fit (0-100, or None when not allowed) of a pair and the theme ids they share."""
    if not (flemish.eligible and partner.eligible) or partner.country not in COUNTRY_RULES:
        return None, ()
    own = {t for t, th in themes.items() if th.country == partner.country and theme_allowed(th)}
    fp = {t: p for t, p in flemish.interests if t in own and p > 0}
    pp = {t: p for t, p in partner.interests if t in own and p > 0}
    shared = tuple(sorted(set(fp) & set(pp), key=_key))
    if not shared:
        return None, ()
    union = set(fp) | set(pp)
    low = sum(min(fp[t], pp[t]) for t in shared)
    high = sum(max(fp.get(t, 0), pp.get(t, 0)) for t in union)
    return round(100.0 * low / high, FIT_DECIMALS), shared


def fit_table(flemish: list[Party], partners: list[Party], themes: list[Theme]
              ) -> dict[str, dict[str, float | None]]:
    """Fit of every applicant with every partner (None: not allowed), ordered by id."""
    by_id = {t.id: t for t in themes}
    fs = sorted(flemish, key=lambda p: _key(p.id))
    ps = sorted(partners, key=lambda p: _key(p.id))
    return {f.id: {p.id: pair_fit(f, p, by_id)[0] for p in ps} for f in fs}


def _ordered(fit: dict[str, dict[str, float | None]]) -> tuple[list[str], list[str]]:
    rows = sorted(fit, key=_key)
    cols = sorted(set(chain.from_iterable(fit[r] for r in rows)), key=_key)
    return rows, cols


@dataclass(frozen=True)
class Caps:
    """The size of the pilot: at most ``total`` pairs, at most ``per_country`` in a country
    (003 section 1: 8 partnerships, 4 in Benin and 4 in Rwanda); ``country`` maps a partner
    (column) id to its country. None: no limit."""

    total: int | None = None
    per_country: int | None = None
    country: dict = field(default_factory=dict)

    def respected(self, pairs: list[tuple[str, str]]) -> bool:
        """True when the pairs keep both limits."""
        if self.total is not None and len(pairs) > self.total:
            return False
        if self.per_country is not None:
            counts: dict[str, int] = {}
            for _, c in pairs:
                key = self.country.get(c, "")
                counts[key] = counts.get(key, 0) + 1
                if counts[key] > self.per_country:
                    return False
        return True


def best_assignment(fit: dict[str, dict[str, float | None]],
                    forbidden: frozenset[tuple[str, str]] = frozenset(),
                    caps: Caps | None = None
                    ) -> tuple[list[tuple[str, str]], float]:
    """The one-to-one pairs with the highest total fit (exact), and that total.

    Not-allowed pairs (None) and ``forbidden`` pairs are never chosen; a party may stay
    unmatched. Rows and columns are taken in id order, so the result does not depend on the
    order of the input. ``caps``: the pilot's size; the best assignment that keeps it (the
    unlimited best when that already keeps it).
    """
    rows, cols = _ordered(fit)
    if not rows or not cols:
        return [], 0.0
    gain = [[0.0] * len(cols) for _ in rows]
    allowed = [[False] * len(cols) for _ in rows]
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            value = fit[r].get(c)
            if value is not None and value > 0 and (r, c) not in forbidden:
                gain[i][j] = float(value)
                allowed[i][j] = True
    ri, ci = linear_sum_assignment(gain, maximize=True)
    pairs = [(rows[i], cols[j]) for i, j in zip(ri, ci) if allowed[i][j]]
    if caps is not None and not caps.respected(pairs):
        pairs = _capped(rows, cols, gain, allowed, caps)
    return pairs, round(sum(fit[r][c] for r, c in pairs), 6)


def _capped(rows: list[str], cols: list[str], gain: list[list[float]],
            allowed: list[list[bool]], caps: Caps) -> list[tuple[str, str]]:
    """The best assignment under the pilot's limits, as one larger assignment problem.

    For a country with n partners and a limit of k, n - k blocking rows take only that
    country's partners; for a total limit of t pairs, (rows - t) blocking columns take any
    applicant. Each blocker earns more than all fits together, so every optimum seats every
    blocker (always possible) and then seats the applicants with the highest total fit on what
    is left: at most k partners of each country and at most t applicants.
    """
    big = sum(sum(row) for row in gain) + 1.0
    n_cols = len(cols)
    extra_rows: list[list[float]] = []
    if caps.per_country is not None:
        by_country: dict[str, list[int]] = {}
        for j, c in enumerate(cols):
            by_country.setdefault(caps.country.get(c, ""), []).append(j)
        for members in by_country.values():
            for _ in range(max(0, len(members) - caps.per_country)):
                extra_rows.append([big if j in members else 0.0 for j in range(n_cols)])
    n_extra_cols = max(0, len(rows) - caps.total) if caps.total is not None else 0
    matrix = [row + [big] * n_extra_cols for row in gain]
    matrix += [row + [0.0] * n_extra_cols for row in extra_rows]
    ri, ci = linear_sum_assignment(matrix, maximize=True)
    return [(rows[i], cols[j]) for i, j in zip(ri, ci)
            if i < len(rows) and j < n_cols and allowed[i][j]]


def linear_sum_assignment(matrix: list[list[float]], maximize: bool = False
                          ) -> tuple[list[int], list[int]]:
    """The rows and columns of an assignment with the lowest (highest) total of a rectangular
    matrix of finite numbers: scipy.optimize.linear_sum_assignment in pure Python.

    The same algorithm, step for step (the shortest augmenting path of Crouse, 2016, as scipy's
    rectangular_lsap.cpp implements it), so ties are broken as scipy breaks them; importing scipy
    cost a `match` about 0.25 s for matrices of a few dozen rows. Rows of the result ascend.
    """
    nr = len(matrix)
    nc = len(matrix[0]) if nr else 0
    if nr == 0 or nc == 0:
        return [], []
    transpose = nc < nr
    if transpose:
        cost = [[matrix[i][j] for i in range(nr)] for j in range(nc)]
        nr, nc = nc, nr
    else:
        cost = [list(row) for row in matrix]
    if maximize:
        cost = [[-x for x in row] for row in cost]
    inf = float("inf")
    u = [0.0] * nr
    v = [0.0] * nc
    path = [-1] * nc
    col4row = [-1] * nr
    row4col = [-1] * nc
    for cur in range(nr):
        # the shortest augmenting path from row cur
        shortest = [inf] * nc
        sr = [False] * nr
        sc = [False] * nc
        remaining = list(range(nc - 1, -1, -1))  # reversed: a constant matrix gives the identity
        n_remaining = nc
        min_val = 0.0
        i = cur
        sink = -1
        while sink == -1:
            index = -1
            lowest = inf
            sr[i] = True
            row, ui = cost[i], u[i]
            for it in range(n_remaining):
                j = remaining[it]
                r = min_val + row[j] - ui - v[j]
                if r < shortest[j]:
                    path[j] = i
                    shortest[j] = r
                if shortest[j] < lowest or (shortest[j] == lowest and row4col[j] == -1):
                    lowest = shortest[j]
                    index = it
            min_val = lowest
            if min_val == inf:
                raise ValueError("cost matrix is infeasible")
            j = remaining[index]
            if row4col[j] == -1:
                sink = j
            else:
                i = row4col[j]
            sc[j] = True
            n_remaining -= 1
            remaining[index] = remaining[n_remaining]
        # update the dual variables
        u[cur] += min_val
        for i in range(nr):
            if sr[i] and i != cur:
                u[i] += min_val - shortest[col4row[i]]
        for j in range(nc):
            if sc[j]:
                v[j] -= min_val - shortest[j]
        # augment the previous solution
        j = sink
        while True:
            i = path[j]
            row4col[j] = i
            col4row[i], j = j, col4row[i]
            if i == cur:
                break
    if transpose:
        order = sorted(range(nr), key=lambda k: col4row[k])
        return [col4row[k] for k in order], order
    return list(range(nr)), col4row


def greedy_assignment(fit: dict[str, dict[str, float | None]]) -> tuple[list[tuple[str, str]], float]:
    """The baseline: repeatedly take the allowed pair with the highest fit."""
    rows, cols = _ordered(fit)
    options = sorted(((fit[r][c], _key(r), _key(c), r, c) for r in rows for c in cols
                      if fit[r].get(c) is not None and fit[r][c] > 0),
                     key=lambda o: (-o[0], o[1], o[2]))
    used_r, used_c, pairs = set(), set(), []
    for value, _, _, r, c in options:
        if r not in used_r and c not in used_c:
            pairs.append((r, c))
            used_r.add(r)
            used_c.add(c)
    return pairs, round(sum(fit[r][c] for r, c in pairs), 6)


def alternatives(fit: dict[str, dict[str, float | None]], best: list[tuple[str, str]],
                 best_total: float, tolerance: float, caps: Caps | None = None
                 ) -> list[Alternative]:
    """Other assignments within ``tolerance`` of the best total (the second-best ones).

    Every other assignment lacks at least one pair of the best (a superset would have a higher
    total), so the best assignment without each of its pairs in turn gives the second-best.
    """
    seen: set[tuple[tuple[str, str], ...]] = {tuple(sorted(best))}
    out: list[Alternative] = []
    for pair in best:
        pairs, total = best_assignment(fit, frozenset({pair}), caps)
        key = tuple(sorted(pairs))
        if key in seen or best_total - total > tolerance + 1e-9:
            continue
        seen.add(key)
        out.append(Alternative(total=total, pairs=key,
                               dropped=tuple(sorted(set(best) - set(pairs))),
                               added=tuple(sorted(set(pairs) - set(best)))))
    out.sort(key=lambda a: (-a.total, a.pairs))
    return out


def match(flemish: list[Party], partners: list[Party], themes: list[Theme],
          tolerance: float = DEFAULT_TOLERANCE, total: int | None = None,
          per_country: int | None = None) -> MatchResult:
    """Pair applicants and partners one to one for the highest total fit, with reasons;
    ``total`` and ``per_country``: the pilot's size (at most so many pairs, in a country)."""
    by_id = {t.id: t for t in themes}
    fit = fit_table(flemish, partners, themes)
    caps = Caps(total, per_country, {p.id: p.country for p in partners}) \
        if total is not None or per_country is not None else None
    chosen, best_total = best_assignment(fit, caps=caps)
    f_by, p_by = {f.id: f for f in flemish}, {p.id: p for p in partners}
    pairs = [Pair(f, p, fit[f][p], pair_fit(f_by[f], p_by[p], by_id)[1]) for f, p in chosen]
    matched_f = {p.flemish for p in pairs}
    matched_p = {p.partner for p in pairs}
    full = _full(pairs, p_by, caps)
    un_f = [(f.id, _why_flemish(f, fit, p_by, matched_p, full))
            for f in sorted(flemish, key=lambda x: _key(x.id)) if f.id not in matched_f]
    un_p = [(p.id, _why_partner(p, fit, f_by, full))
            for p in sorted(partners, key=lambda x: _key(x.id)) if p.id not in matched_p]
    alts = alternatives(fit, chosen, best_total, tolerance, caps) if tolerance >= 0 else []
    return MatchResult(pairs=pairs, unmatched_flemish=un_f, unmatched_partners=un_p, fit=fit,
                       total=best_total, alternatives=alts)


def _full(pairs: list[Pair], partners: dict[str, Party], caps: Caps | None) -> dict[str, str]:
    """What the pilot's size closes: {country or '': why} ('' when the pilot is full)."""
    if caps is None:
        return {}
    out: dict[str, str] = {}
    if caps.total is not None and len(pairs) >= caps.total:
        out[""] = f"de pilot telt hoogstens {caps.total} partnerschappen en die zijn er"
    if caps.per_country is not None:
        counts: dict[str, int] = {}
        for p in pairs:
            country = partners[p.partner].country
            counts[country] = counts.get(country, 0) + 1
        for country, n in counts.items():
            if n >= caps.per_country:
                out[country] = (f"de pilot telt hoogstens {caps.per_country} partnerschappen in "
                                f"{country} en die zijn er")
    return out


def _why_flemish(f: Party, fit, partners: dict[str, Party], matched: set[str],
                 full: dict[str, str]) -> str:
    if not f.eligible:
        return f.reason or "komt niet in aanmerking"
    if all(v is None for v in fit[f.id].values()):
        return "deelt geen thema met een partnergemeente in Benin of Rwanda"
    free = [p for p, v in fit[f.id].items() if v is not None and p not in matched]
    if free and "" in full:
        return full[""]
    closed = sorted({partners[p].country for p in free if partners[p].country in full})
    if free and len(closed) == len({partners[p].country for p in free}):
        return "; ".join(full[c] for c in closed)
    return "de passende partnergemeenten zijn aan een gemeente met een hogere totale fit gekoppeld"


def _why_partner(p: Party, fit, flemish: dict[str, Party], full: dict[str, str]) -> str:
    if not p.eligible:
        return p.reason or "komt niet in aanmerking"
    if p.country not in COUNTRY_RULES:
        return f"{p.country or 'het land'} hoort niet bij het programma (Benin of Rwanda)"
    if all(row.get(p.id) is None for row in fit.values()):
        return "deelt geen thema met een Vlaamse kandidaat"
    if "" in full or p.country in full:
        return full.get("") or full[p.country]
    return "de passende Vlaamse kandidaten zijn aan een andere partner gekoppeld"
