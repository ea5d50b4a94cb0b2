"""Reading the SDG sheets of a parsed workbook: settings, themes, partners, interests."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from partnerkeuze import layout
from partnerkeuze.kernel.cellref import place
from partnerkeuze.kernel.errors import Problem
from partnerkeuze.kernel.model import Model
from partnerkeuze.core.parse import read_fields
from partnerkeuze.kernel import sdg_rules as rules
from partnerkeuze.core.matching import Theme
from partnerkeuze.kernel.snapshot import Snapshot


def cell(table_key: str, column: str, row: int) -> str:
    """The place (Sheet!A1) of a column of a table row."""
    t = layout.table(table_key)
    return place(layout.TABLE_SHEET[table_key].name, t.first_col + t.index(column), row)


@dataclass
class SdgCall:
    """The SDG sheets of a workbook as plain values."""

    settings: dict
    themes: list[Theme]
    theme_rows: dict[str, dict]
    partners: list[dict]
    interests: dict[str, list[tuple[str, int, str]]]  # party id -> (theme, priority, note)
    programme: list[dict]
    visits: list[dict]
    problems: list[Problem] = field(default_factory=list)

    def partner(self, pid: str) -> dict:
        """The Partners Zuid row with this id."""
        return next(p for p in self.partners if p["id"] == pid)

    def pilot_size(self) -> tuple[int, int]:
        """(at most so many partnerships, at most so many in a country): SDG-oproep, 8 and 4
        by default (003 section 1)."""
        total = self.settings.get("max_partnerships")
        per_country = self.settings.get("max_per_country")
        return (rules.PILOT_PARTNERSHIPS if total is None else int(total),
                rules.PILOT_PER_COUNTRY if per_country is None else int(per_country))


_TARGET = re.compile(r"(\d{1,2})(?:\.(\d{1,2}|[a-e]))?")


def parse_targets(text: str) -> list[tuple[int, str]]:
    """SDGs from text such as '7; 8', '16' or '16.7' (a sub-target, 003 3.2: "een
    subdoelstelling van één van de SDG's"): (goal, as written) for each; ValueError naming a
    part that is no goal 1-17 or sub-target of one."""
    out = []
    for part in str(text).split(";"):
        for piece in part.split(","):
            piece = piece.strip().upper().removeprefix("SDG").strip().lower()
            if not piece:
                continue
            m = _TARGET.fullmatch(piece)
            if m is None or not 1 <= int(m.group(1)) <= 17:
                raise ValueError(piece)
            shown = str(int(m.group(1))) + (f".{m.group(2)}" if m.group(2) else "")
            out.append((int(m.group(1)), shown))
    return out


def parse_sdgs(text: str) -> list[int]:
    """The goals of text such as '7; 8' or '16.7' (a sub-target counts for its goal)."""
    return list(dict.fromkeys(goal for goal, _ in parse_targets(text)))


def read_call(model: Model, snap: Snapshot) -> SdgCall:
    """The SDG sheets of a parsed workbook, with the problems of their contents."""
    problems: list[Problem] = []
    settings = read_fields(snap, "sdg_settings", problems)
    themes: list[Theme] = []
    theme_rows: dict[str, dict] = {}
    for rec in model.tables.get("themes", []):
        if rec.get("id") is None:
            continue
        if rec["id"] in theme_rows:
            problems.append(Problem(cell("themes", "id", rec["_row"]),
                                    f"ID '{rec['id']}' komt twee keer voor"))
            continue
        try:
            targets = parse_targets(rec.get("sdgs") or "")
        except ValueError as exc:
            problems.append(Problem(cell("themes", "sdgs", rec["_row"]),
                                    f"'{exc}' is geen SDG (een doel van 1 tot 17 of een "
                                    f"subdoel zoals 16.7)"))
            targets = []
        sdgs = list(dict.fromkeys(goal for goal, _ in targets))
        theme = Theme(rec["id"], rec.get("name") or "", rec.get("country") or "", tuple(sdgs),
                      tuple(dict.fromkeys(shown for _, shown in targets)))
        rule = rules.COUNTRY_RULES.get(theme.country)
        if rule and sdgs and not set(sdgs) <= rule.sdgs:
            wrong = ", ".join(str(s) for s in sdgs if s not in rule.sdgs)
            allowed = ", ".join(str(s) for s in sorted(rule.sdgs))
            problems.append(Problem(cell("themes", "sdgs", rec["_row"]),
                                    f"een thema in {theme.country} hoort bij {rule.theme} "
                                    f"(SDG {allowed}); SDG {wrong} past daar niet"))
        themes.append(theme)
        theme_rows[theme.id] = rec
    for cand in model.candidates:
        if cand.country and cand.country != rules.BELGIUM:
            t = layout.table("candidates")
            problems.append(Problem(place(layout.sheet("candidates").name,
                                          t.first_col + t.index("country"), cand.row),
                                    f"in een SDG-oproep zijn de kandidaten Vlaamse gemeenten "
                                    f"(land {rules.BELGIUM}), niet {cand.country}; gemeenten in "
                                    f"Benin en Rwanda horen op het blad Partners Zuid"))
    partners = [r for r in model.tables.get("partners", []) if r.get("id") is not None]
    applicant_ids = {c.id.casefold() for c in model.candidates}
    seen: dict[str, int] = {}
    for rec in partners:
        folded = rec["id"].casefold()
        if folded in seen or folded in applicant_ids:
            problems.append(Problem(cell("partners", "id", rec["_row"]),
                                    f"ID '{rec['id']}' wordt al gebruikt"
                                    + (" op het blad Kandidaten" if folded in applicant_ids else "")))
        seen[folded] = rec["_row"]
        country, lang = rec.get("country"), rec.get("language")
        rule = rules.COUNTRY_RULES.get(country)
        if rule and lang and lang not in rule.partner_languages:
            problems.append(Problem(cell("partners", "language", rec["_row"]),
                                    f"brieven aan een partner in {country} vertrekken in het "
                                    f"{' of '.join(_LANG[x] for x in rule.partner_languages)}, "
                                    f"niet in '{lang}'"))
        if country == "Rwanda" and rec.get("name") and rec["name"] not in rules.RWANDA_DISTRICTS:
            problems.append(Problem(cell("partners", "name", rec["_row"]),
                                    f"'{rec['name']}' is geen district van het programma "
                                    f"({', '.join(rules.RWANDA_DISTRICTS)})"))
    partner_ids = {p["id"] for p in partners}
    partner_country = {p["id"]: p.get("country") for p in partners}
    applicants = {c.id for c in model.candidates}
    interests: dict[str, list[tuple[str, int, str]]] = {}
    pairs_seen: dict[tuple[str, str], int] = {}
    for rec in model.tables.get("interests", []):
        party, theme, prio = rec.get("party"), rec.get("theme"), rec.get("priority")
        row = rec["_row"]
        if party is not None and party not in applicants and party not in partner_ids:
            problems.append(Problem(cell("interests", "party", row),
                                    f"'{party}' staat niet op het blad Kandidaten of Partners Zuid"))
            continue
        if theme is not None and theme not in theme_rows:
            problems.append(Problem(cell("interests", "theme", row),
                                    f"thema '{theme}' bestaat niet op het blad Thema's"))
            continue
        if party is None or theme is None or prio is None:
            continue
        if (party, theme) in pairs_seen:
            problems.append(Problem(cell("interests", "theme", row),
                                    f"{party} koos thema {theme} al in rij {pairs_seen[party, theme]}"))
            continue
        pairs_seen[party, theme] = row
        south = partner_country.get(party)
        if south and theme_rows[theme].get("country") not in (None, south):
            problems.append(Problem(cell("interests", "theme", row),
                                    f"thema {theme} hoort bij {theme_rows[theme]['country']}; "
                                    f"{party} ligt in {south}"))
            continue
        interests.setdefault(party, []).append((theme, int(prio), rec.get("note") or ""))
    programme = list(model.tables.get("programme", []))
    visits = list(model.tables.get("visits", []))
    for key, recs in (("programme", programme), ("visits", visits)):
        for rec in recs:
            if rec.get("flemish") is not None and rec["flemish"] not in applicants:
                problems.append(Problem(cell(key, "flemish", rec["_row"]),
                                        f"'{rec['flemish']}' staat niet op het blad Kandidaten"))
            if rec.get("partner") is not None and rec["partner"] not in partner_ids:
                problems.append(Problem(cell(key, "partner", rec["_row"]),
                                        f"'{rec['partner']}' staat niet op het blad Partners Zuid"))
    return SdgCall(settings=settings, themes=themes, theme_rows=theme_rows, partners=partners,
                   interests=interests, programme=programme, visits=visits, problems=problems)


_LANG = {"nl": "Nederlands", "fr": "Frans", "en": "Engels", "es": "Spaans"}
