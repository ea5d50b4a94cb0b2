"""The rules of the SDG partnership programme, taken from 003_1457e92fe5a06ce4.txt."""

from __future__ import annotations

from partnerkeuze.kernel.plain import Value

BUDGET_TOTAL = 35_000.0  # EUR per partnership (3.4)
BUDGET_SHARE = BUDGET_TOTAL / 2  # split equally: 17,500 EUR each
MAX_MONTHS = 24  # at most two years (3.1)
MIN_DIGITAL_SESSIONS_PER_YEAR = 3  # digital framing sessions of the VVSG (3.9)
MIN_VISITS_EACH_WAY = 1  # at least one visit to the South and one reception (3.9)
MIN_FIXED_MEETINGS = 5  # half-day meetings in the two years (3.9)
JOINT_MEETING_DAYS = (1, 2)  # joint meeting of the associations at the visits (3.6)
VISIT_DAYS = 7  # "één werkbezoek van ongeveer één week per jaar" (3.9): the planned visit
MAX_VISIT_DAYS = 9  # the longest visit that is still "about a week" (with travel days): a setting
PROGRAMME_FIRST_YEAR = 2022  # the experimental period of the GloBe programme, 2022-2026 (1, 3.1)
PROGRAMME_LAST_YEAR = 2026
PILOT_PARTNERSHIPS = 8  # "8 gemeentelijke partnerschappen (waarvan 4 in Benin en 4 in Rwanda)" (1)
PILOT_PER_COUNTRY = 4

BELGIUM = "België"


class CountryRule(Value):
    """What a partnership in a country is about: its theme and the SDGs that belong to it."""

    def __init__(self, country: str, association: str, theme: str, sdgs: frozenset[int],
                 partner_languages: tuple[str, ...]):
        self.country = country
        self.association = association  # the sister association (ANCB or RALGA)
        self.theme = theme  # Dutch label of the country's thematic focus
        self.sdgs = sdgs
        self.partner_languages = partner_languages  # languages letters to the partner may use


# Rwanda: citizen participation ('burgerparticipatie', SDG 16, target 16.7: participatory
# decision-making); Benin: the prosperity pillar, SDG 7 to 11 (3.2).
COUNTRY_RULES: dict[str, CountryRule] = {
    "Rwanda": CountryRule("Rwanda", "RALGA", "burgerparticipatie", frozenset({16}), ("en", "fr")),
    "Benin": CountryRule("Benin", "ANCB", "welvaart (SDG 7 tot 11)",
                         frozenset({7, 8, 9, 10, 11}), ("fr",)),
}

# The Rwandan districts of the programme (3.3); other districts are flagged by the checks.
RWANDA_DISTRICTS: tuple[str, ...] = ("Karongi", "Bugesera", "Gatsibo", "Nyanza")

# Work visit types in order of relevance for VVSG accompaniment (004_904dd5f2c48e0613.txt).
VISIT_TYPES: tuple[str, ...] = ("identificatiemissie", "evaluatiemissie", "technische missie",
                                "politieke missie")
NORTH_SOUTH = "Vlaanderen → Zuid"
SOUTH_NORTH = "Zuid → Vlaanderen"
DIRECTIONS: tuple[str, ...] = (NORTH_SOUTH, SOUTH_NORTH)

# The additional reasons the VVSG weighs to accompany a work visit (004_904dd5f2c48e0613.txt,
# "Bijkomende redenen", in the source's order), by the number a workbook cell gives them; the
# full wording is core.visits.ADDITIONAL_REASONS.
EXTRA_REASONS: dict[int, str] = {
    1: "inhoudelijke problemen",
    2: "relationele of communicatieproblemen",
    3: "continuïteit bij nieuwe actoren (coördinator, coalitie)",
    4: "activiteiten waarbij de expertise van de VVSG opportuun is",
    5: "nog niet begeleid in het recente verleden",
    6: "werkbezoeken van meerdere gemeenten gesynchroniseerd",
}

DEFAULT_MIN_SCORE = 60.0  # weighted score (0-100) an applicant needs to be matched
DEFAULT_TOLERANCE = 3.0  # fit points within which another assignment counts as nearly equal


def partner_language(rec: dict) -> str:
    """The language of letters to a Southern partner: its own if allowed, else the country's."""
    rule = COUNTRY_RULES.get(rec.get("country"))
    allowed = rule.partner_languages if rule else ("fr", "en")
    lang = rec.get("language")
    return lang if lang in allowed else allowed[0]


def parse_reasons(text) -> list[int]:
    """The numbers of additional reasons in a cell ('2; 3'); ValueError naming a part that is no
    reason number."""
    out: list[int] = []
    for part in str(text or "").replace(",", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or int(part) not in EXTRA_REASONS:
            raise ValueError(part)
        if int(part) not in out:
            out.append(int(part))
    return sorted(out)


def reasons_help() -> str:
    """The help text of a column of additional reasons (numbers with their short label)."""
    return "Nummers gescheiden door ';': " + "; ".join(f"{n} {label}"
                                                        for n, label in EXTRA_REASONS.items())
