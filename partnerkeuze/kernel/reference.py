"""Reference lists taken from the source documents: countries, channels, languages, statuses."""

from __future__ import annotations

from partnerkeuze.kernel.languages import NAMES_NL
from partnerkeuze.kernel.plain import Value


class Country(Value):
    """A country as the workbook lists it: Dutch name, ISO code, usual language, VVSG-active flag."""

    def __init__(self, name: str, iso: str, language: str, active: bool):
        self.name = name
        self.iso = iso
        self.language = language
        self.active = active


# The 17 countries where Flemish municipalities are active (000_063238b4784f833c.txt), in the
# order of the source, followed by other countries a call may reach.
COUNTRIES: tuple[Country, ...] = (
    Country("Marokko", "MA", "fr", True),
    Country("Senegal", "SN", "fr", True),
    Country("Gambia", "GM", "en", True),
    Country("Ghana", "GH", "en", True),
    Country("Benin", "BJ", "fr", True),
    Country("Rwanda", "RW", "en", True),
    Country("Namibië", "NA", "en", True),
    Country("Botswana", "BW", "en", True),
    Country("Zuid-Afrika", "ZA", "en", True),
    Country("Filipijnen", "PH", "en", True),
    Country("China", "CN", "en", True),
    Country("Guatemala", "GT", "es", True),
    Country("Nicaragua", "NI", "es", True),
    Country("Bolivia", "BO", "es", True),
    Country("Peru", "PE", "es", True),
    Country("Suriname", "SR", "nl", True),
    Country("Ecuador", "EC", "es", True),
    Country("Burkina Faso", "BF", "fr", False),
    Country("Burundi", "BI", "fr", False),
    Country("Colombia", "CO", "es", False),
    Country("Congo (DR)", "CD", "fr", False),
    Country("Cuba", "CU", "es", False),
    Country("Ivoorkust", "CI", "fr", False),
    Country("Kameroen", "CM", "fr", False),
    Country("Kenia", "KE", "en", False),
    Country("Mali", "ML", "fr", False),
    Country("Mozambique", "MZ", "en", False),
    Country("Niger", "NE", "fr", False),
    Country("Oeganda", "UG", "en", False),
    Country("Tanzania", "TZ", "en", False),
    Country("Togo", "TG", "fr", False),
    Country("Tunesië", "TN", "fr", False),
    Country("Vietnam", "VN", "en", False),
    Country("Zimbabwe", "ZW", "en", False),
    Country("België", "BE", "nl", False),  # the Flemish applicants of an SDG call
)

COUNTRY_BY_NAME: dict[str, Country] = {c.name: c for c in COUNTRIES}
ACTIVE_COUNTRIES: tuple[str, ...] = tuple(c.name for c in COUNTRIES if c.active)

# Channels of the call (000_063238b4784f833c.txt, "Lanceren van de oproep").
CHANNELS: tuple[str, ...] = (
    "Bestaande contacten",
    "Burgers en lokale pers",
    "GROS",
    "Ambassades en consulaten",
    "UCLGA",
    "FLACMA",
    "ACP Local Government Platform",
    "CEMR partner search",
    "Andere gemeenten",
    "VVSG",
)

LANGUAGES: dict[str, str] = NAMES_NL  # the drop-down of Kandidaten 'Taal' (kernel.languages)

# Candidate statuses in the order a candidacy moves through them.
STATUSES: tuple[str, ...] = (
    "Ontvangen",
    "In beoordeling",
    "Shortlist",
    "Gekozen",
    "Niet weerhouden",
    "Ingetrokken",
)
WITHDRAWN = "Ingetrokken"

KIND_SCORED = "Score"
KIND_KNOCKOUT = "Knock-out"
KINDS: tuple[str, ...] = (KIND_SCORED, KIND_KNOCKOUT)

AGGREGATIONS: dict[str, str] = {"gemiddelde": "mean", "mediaan": "median"}
MODES: dict[str, str] = {"stedenband": "stedenband", "SDG-partnerschap": "sdg",
                         "evaluatie stedenband": "evaluatie"}
MODE_LABELS: dict[str, str] = {v: k for k, v in MODES.items()}
YES_NO: tuple[str, ...] = ("ja", "nee")

NO_CONFLICT = "geen conflict"
CONFLICT = "conflict"
DECLARATIONS: tuple[str, ...] = (NO_CONFLICT, CONFLICT)
