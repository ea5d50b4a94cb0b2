"""Work visits and VVSG accompaniment (004_904dd5f2c48e0613.txt): the four mission types in order
of relevance, the additional reasons, and what is done before, during and after a visit."""

from __future__ import annotations

from partnerkeuze.kernel.sdg_rules import EXTRA_REASONS, VISIT_TYPES

# What the VVSG staff member can do on each type of mission, in the source's words.
TYPE_FOCUS: dict[str, str] = {
    "identificatiemissie": (
        "Waken over de geest van het programma en het nut scherpstellen van de collega-tot-"
        "collega-benadering en van bestuurskrachtversterking; aandacht voor de drie pijlers van "
        "governance en de communicatie tussen beide gemeenten; introductie in het bovenlokaal "
        "kader (decentralisatie, vertegenwoordigers, structuur van het land)."),
    "evaluatiemissie": (
        "Mee inschatten in welke mate de geplande resultaten en doelstellingen bereikt werden of "
        "zullen worden en hoe ze de institutionele capaciteit van de partner versterken; "
        "aanbevelingen voor de follow-up."),
    "technische missie": (
        "Bewaken van de geest van het programma (opstap naar bestuurskrachtversterking) en "
        "ondersteuning bij het vastleggen van de beheersstructuur en de prioritaire "
        "beleidsdomeinen van de samenwerking."),
    "politieke missie": (
        "De bestuursploeg, inclusief de oppositie, mee overtuigen van het nut van gemeentelijke "
        "ontwikkelingssamenwerking; knelpunten in politieke verhoudingen detecteren en vanuit een "
        "neutrale positie aanbevelingen doen."),
}

# Additional reasons the VVSG weighs, the lower a type stands in the list.
ADDITIONAL_REASONS: tuple[str, ...] = (
    "Sterke inhoudelijke problemen in de samenwerking op een beleidsdomein.",
    "Sterke relationele of communicatieproblemen tussen actoren van het partnerschap.",
    "Continuïteit bij vernieuwing van actoren (nieuwe coördinator, nieuwe politieke coalitie, "
    "in Noord of Zuid).",
    "Geplande activiteiten waarbij de expertise van de VVSG opportuun is (netwerking, bredere "
    "samenwerking).",
    "Goede opvolging door de VVSG: de gemeente werd in het (recente) verleden nog niet op een "
    "werkbezoek begeleid.",
    "Werkbezoeken van meerdere Vlaamse gemeenten in dezelfde regio zijn gesynchroniseerd.",
)

BEFORE: tuple[str, ...] = (
    "Informatie-uitwisseling met het bestuur en de diensten over de rol van de VVSG en het "
    "programma.",
    "Begeleiding bij het opstellen van de referentietermen.",
    "Contact met relevante, bovenlokale actoren.",
    "Voorbereidende vorming of infovergadering met de delegatieleden.",
    "Informatie-uitwisseling met de Zuidelijke partner om de rol van de VVSG-medewerker "
    "duidelijk te stellen.",
)
DURING: tuple[str, ...] = (
    "Deelname aan de vergaderingen en terreinbezoeken in het programma van de delegatie.",
    "Individuele interviews met sleutelfiguren in bestuur en diensten.",
    "Overleg met bovenlokale actoren (ambassade, relevante internationale instellingen) over hun "
    "rol en hun visie op samenwerking tussen gemeenten.",
    "Begeleiden van de evaluatievergadering tijdens het werkbezoek (intern en met de partner).",
)
AFTER: tuple[str, ...] = (
    "Persoonlijk verslag van het werkbezoek.",
    "Terugkoppeling over de bevindingen en de 'lessons learned'.",
    "Begeleiding van (interne) evaluatiemomenten na het werkbezoek.",
)
# What follows a visit of an SDG partnership only: the homework of the digital exchange sessions
# (003 section 3.7); never in the request for a city link's evaluation mission.
SDG_AFTER: tuple[str, ...] = (
    "Huiswerk van het partnerschap opvolgen tot de volgende digitale uitwisselingssessie.",
)


def extra_reasons(selected) -> list[dict]:
    """Every additional reason of 004 as a request offers it: {'mark', 'text', 'chosen'}, the
    selected numbers marked ('☒') and the others left to tick ('☐')."""
    chosen = set(selected)
    return [{"mark": "☒" if n in chosen else "☐", "text": text, "chosen": n in chosen}
            for n, text in zip(EXTRA_REASONS, ADDITIONAL_REASONS)]


def relevance(visit_type: str) -> int:
    """Position of a mission type in the order of relevance for accompaniment (1 = highest)."""
    return VISIT_TYPES.index(visit_type) + 1


def type_reason(visit_type: str) -> str:
    """The reason for accompaniment that the mission type itself gives."""
    n = relevance(visit_type)
    return (f"Soort werkbezoek: {visit_type} (relevantie {n} van {len(VISIT_TYPES)} voor "
            f"begeleiding door de VVSG). {TYPE_FOCUS[visit_type]}")


# The wording of a request to the VVSG to accompany a work visit (Dutch; the SDG request note
# and the evaluation mission request are built from it).
REQUEST_TEXT = {
    "title": "Aanvraag: begeleiding van een werkbezoek door de VVSG",
    "intro": "{{ flemish_name }} vraagt de VVSG om een medewerker mee te sturen op het "
             "werkbezoek hieronder. De VVSG werkt vraaggestuurd en kan een aanvraag weigeren; de "
             "kosten van de VVSG-medewerker draagt de VVSG zelf.",
    "rows": (
        ("Gemeente", "{{ flemish_name }}"),
        ("Partner", "{{ southern_name }} ({{ southern_country }})"),
        ("Soort werkbezoek", "{{ visit_type }} (relevantie {{ relevance }} van 4)"),
        ("Richting", "{{ direction }}"),
        ("Periode", "{{ start }} tot {{ end }}"),
        ("Gezamenlijk overleg", "{{ joint_days }} dag(en) vanaf {{ joint_from }}"),
        ("Contact", "{{ contact }}"),
    ),
    "h_reasons": "Redenen voor begeleiding",
    "h_extra": "Bijkomende redenen die de VVSG in overweging neemt (fiche werkbezoeken)",
    "extra_intro": "Aangekruist wat voor dit werkbezoek geldt; de andere redenen kan de VVSG "
                   "mee afwegen in het persoonlijk contact.",
    "h_before": "Gevraagde activiteiten vóór het werkbezoek",
    "h_during": "Programma tijdens het werkbezoek",
    "h_after": "Verwerking na het werkbezoek",
    "closing": "Zoals de VVSG vraagt, nemen wij ook persoonlijk contact op om samen af te wegen "
               "of een deelname opportuun is.",
}
