"""What each template receives: the variables per kind of document, documented and checked.

templates/README.md is generated from this registry, and a test checks every template in
templates/ against it (no undeclared variable, every required variable used).
"""

from __future__ import annotations

from dataclasses import dataclass

from partnerkeuze.kernel.languages import LANGUAGES


@dataclass(frozen=True)
class Var:
    """A variable a template receives: name, what it holds, whether the template must use it."""

    name: str
    description: str
    required: bool = False


LETTERHEAD: tuple[Var, ...] = (
    Var("municipality", "naam van de eigen gemeente (Profiel)", True),
    Var("address", "adres (Profiel)"),
    Var("postal_city", "postcode en gemeente (Profiel)"),
    Var("phone", "telefoon (Profiel)"),
    Var("website", "website (Profiel)"),
    Var("coordinator", "coördinator internationale samenwerking (Profiel)", True),
    Var("coordinator_role", "functie van de coördinator (Profiel)"),
    Var("coordinator_email", "e-mail van de coördinator (Profiel)", True),
    Var("mayor", "burgemeester (Profiel: voornaam en familienaam, anders de naam)"),
    Var("mayor_title", "titel van de burgemeester in de taal van de lezer, volgens de "
                       "aanspreking (Burgomaestra / Burgomaestre)"),
    Var("director", "algemeen directeur (Profiel: voornaam en familienaam, anders de naam)"),
    Var("director_title", "titel van de algemeen directeur in de taal van de lezer, volgens de "
                          "aanspreking (Directrice générale / Directeur général)"),
    Var("alderman", "schepen van internationale samenwerking (Profiel: voornaam en "
                    "familienaam, anders de naam)"),
    Var("alderman_title", "titel van de schepen in de taal van de lezer, volgens de aanspreking "
                          "(Échevine / Échevin de la coopération internationale)"),
    Var("reference", "referentie van het dossier (Profiel)"),
    Var("logo", "het logo als afbeelding, of leeg (Profiel 'logo'); gebruik {% if logo %}{{ logo }}{% endif %}"),
    Var("today", "datum van vandaag (in de taal van de lezer)", True),
)

CANDIDATE: tuple[Var, ...] = (
    Var("candidate_id", "ID van de kandidaat (Kandidaten)", True),
    Var("candidate_name", "naam van de kandidaat-gemeente (Kandidaten)", True),
    Var("candidate_country", "land, in de taal van de lezer"),
    Var("candidate_region", "regio (Kandidaten)"),
    Var("candidate_contact", "naam van de contactpersoon (Kandidaten: voornaam en familienaam, "
                             "anders 'Contactpersoon'), of leeg"),
    Var("candidate_contact_role", "functie van de contactpersoon (Kandidaten), onder de naam; "
                                  "of leeg"),
    Var("salutation", "aanhef in de taal van de lezer, met de familienaam van de contactpersoon "
                      "en de aanspreking (Kandidaten 'Aanspreking'): 'Estimado señor Rivera:', "
                      "zonder aanspreking 'Madame, Monsieur,'"),
    Var("closing_address", "aanspreking in de Franse slotformule ('Madame'), anders leeg"),
    Var("candidate_email", "e-mail van de kandidaat (Kandidaten)"),
    Var("received", "datum waarop de kandidatuur ontvangen werd, of leeg"),
    Var("n_candidates", "aantal ontvangen kandidaturen"),
    Var("n_criteria", "aantal gescoorde criteria"),
    Var("n_assessors", "aantal beoordelaars dat deze kandidatuur werkelijk scoorde (zonder "
                       "belangenconflict)", True),
    Var("scale_max", "hoogste score van de standaardschaal"),
    Var("own_score", "gewogen score van de kandidaat (0-100), of leeg als die er niet is"),
    Var("own_strengths", "de sterke punten van de kandidaat: criteria waarop ze goed scoorde "
                         "(gemiddeld minstens 80 % van de schaal, 4 op 5) en de gekozen partner niet duidelijk "
                         "beter, geen beslissend criterium en geen omstandigheid (zoals het "
                         "land); namen in de taal van de lezer"),
    Var("own_rank", "rang van de kandidaat, of leeg"),
    Var("n_ranked", "aantal gerangschikte kandidaten"),
    Var("draft", "waar zolang het college niet besliste (procedure): de brief is een ontwerp "
                 "en zegt dat bovenaan", True),
    Var("decision_date", "datum van de beslissing van het college (procedure), of leeg"),
    Var("decision_number", "nummer van de beslissing van het college (procedure), of leeg"),
    Var("n_shortlist", "aantal kandidaten op de shortlist"),
    Var("second_round_held", "waar als de shortlist een tweede ronde kreeg (blad Tweede ronde "
                             "of procedure)"),
    Var("council_approved", "waar als de goedkeuring door de gemeenteraad van deze keuze "
                            "vastgelegd is (procedure)"),
    Var("council_date", "datum van de goedkeuring door de gemeenteraad, of leeg"),
    Var("council_number", "nummer van de beslissing van de gemeenteraad, of leeg"),
    Var("reasoning", "de motivering van het college (record college --text) in de taal van de "
                     "lezer (record translation --text-fr …), of leeg"),
    Var("shortlist_size", "de gevraagde grootte van de shortlist (Instellingen)"),
    Var("boundary_tie", "waar als kandidaten gelijk stonden op de grens van de shortlist "
                        "(die daardoor groter werd)"),
    Var("boundary_names", "namen van de kandidaten die gelijk stonden op de grens, of leeg"),
    Var("examined_names", "namen van de kandidaten die de tweede ronde beoordeelde (blad "
                          "Tweede ronde), of leeg"),
    Var("n_examined", "aantal kandidaten dat de tweede ronde beoordeelde"),
)

QUESTION_ITEM = "elk item: number (volgnummer), text (de vraag in de taal van de lezer)"
COMPARISON_ITEM = ("elk item: id (criterium-ID), name (criterium in de taal van de lezer), weight (gewicht in %), "
                   "own (score kandidaat), chosen (score gekozen partner), max (hoogste score)")

FIELDS: dict[str, tuple[Var, ...]] = {
    "questionnaire": LETTERHEAD + (
        Var("call_title", "naam van de oproep in de taal van de lezer (Instellingen)"),
        Var("call_date", "datum van de oproep (Instellingen), of leeg"),
        Var("deadline", "deadline voor de kandidaturen (Instellingen), of leeg", True),
        Var("deadline_phrase", "de deadline in de vaste zin van de taal: 'uiterlijk op "
                               "<datum> (deze dag inbegrepen)', of leeg"),
        Var("how_to_answer", "hoe de kandidaat antwoordt (formulier .xlsx/.ods of deze "
                             "vragenlijst, als bijlage naar de coördinator)"),
        Var("province", "provincie (Profiel) als woordgroep in de taal van de lezer "
                        "('provincie Antwerpen', 'province d'Anvers'), of leeg"),
        Var("population", "aantal inwoners (Profiel), of leeg"),
        Var("description", "korte voorstelling van de gemeente, vertaald als dat kan", True),
        Var("themes", "beleidsthema's, vertaald als dat kan"),
        Var("seeks", "wat we zoeken in een partner, vertaald als dat kan", True),
        Var("offers", "wat we te bieden hebben, vertaald als dat kan"),
        Var("questions", "lijst van vragen, één of meer per criterium; " + QUESTION_ITEM, True),
    ),
    "letter_declined": LETTERHEAD + CANDIDATE + (
        Var("outcome", "'scored' (gescoord), 'shortlisted' (op de shortlist), 'knockout' "
                       "(uitgesloten) of 'withdrawn' (ingetrokken); een kandidaat die door de "
                       "gemeente onvolledig gescoord is, krijgt nog geen brief", True),
        Var("chosen_name", "naam van de gekozen partnergemeente", True),
        Var("chosen_country", "land van de gekozen partner, in de taal van de lezer"),
        Var("chosen_score", "gewogen score van de gekozen partner (0-100)", True),
        Var("comparison", "lijst per gescoord criterium; " + COMPARISON_ITEM, True),
        Var("decisive", "de beslissende criteria: het grootste gewogen verschil in het "
                        "voordeel van de gekozen partner (alleen als die hoger scoorde); "
                        + COMPARISON_ITEM, True),
        Var("knockouts", "namen van de knock-outcriteria die de kandidaat niet haalde"),
        Var("chosen_ahead", "waar als de gekozen partner hoger scoorde; onwaar als de keuze "
                            "anders uitviel dan de scores", True),
        Var("consensus_position", "plaats van de kandidaat in de eindvolgorde in consensus, of "
                                  "leeg"),
        Var("n_consensus", "aantal kandidaten in de eindvolgorde"),
        Var("round_behind", "vragen van de tweede ronde waarop de gekozen partner gunstiger "
                            "beoordeeld werd, in de taal van de lezer"),
        Var("chosen_consensus_first", "waar als de eindvolgorde in consensus de gekozen partner "
                                      "eerst zet"),
        Var("own_examined", "waar als de tweede ronde deze kandidaat beoordeelde"),
        Var("own_shortlisted", "waar als de kandidaat op de shortlist of in de eindvolgorde "
                               "stond"),
    ),
    "letter_chosen": LETTERHEAD + CANDIDATE + (
        Var("runner_up_gap", "verschil in punten met de volgende kandidaat, of leeg"),
        Var("top_score", "waar als de partner alleen de hoogste gewogen score behaalde", True),
        Var("tied_with", "namen van de kandidaten met dezelfde hoogste score, of leeg"),
        Var("consensus_first", "waar als de eindvolgorde in consensus de partner eerst zet"),
        Var("round_ahead", "vragen van de tweede ronde waarop de partner gunstiger beoordeeld "
                           "werd dan elke andere beoordeelde kandidaat, in de taal van de lezer"),
        Var("shortlisted", "waar als de partner op de shortlist stond"),
    ),
    "dossier": LETTERHEAD + (
        Var("call_title", "naam van de oproep (Instellingen)", True),
        Var("call_date", "datum van de oproep, of leeg"),
        Var("deadline", "deadline voor de kandidaturen, of leeg"),
        Var("seeks", "wat we zoeken in een partner (Profiel)"),
        Var("offers", "wat we te bieden hebben (Profiel)"),
        Var("themes", "beleidsthema's (Profiel)"),
        Var("mode_label", "stedenband of SDG-partnerschap"),
        Var("aggregation", "'gemiddelde' of 'mediaan'"),
        Var("scale_min", "laagste score van de standaardschaal"),
        Var("scale_max", "hoogste score van de standaardschaal"),
        Var("shortlist_size", "gevraagde grootte van de shortlist"),
        Var("assessors", "lijst van beoordelaars; elk item: id, name, role"),
        Var("criteria", "lijst van criteria; elk item: id, name, weight, kind, threshold, "
                        "scale", True),
        Var("criteria_hash", "vingerafdruk (SHA-256) van de criteria", True),
        Var("frozen", "waar als de criteria vastgelegd zijn en nog overeenkomen"),
        Var("frozen_at", "wanneer de criteria vastgelegd werden, of leeg"),
        Var("frozen_by", "door wie de criteria vastgelegd werden, of leeg"),
        Var("channels", "lijst van kanalen; elk item: name, count", True),
        Var("n_candidates", "aantal ontvangen kandidaturen", True),
        Var("candidates", "lijst van kandidaturen; elk item: id, name, country, language, "
                          "channel, received", True),
        Var("longlist", "gerangschikte kandidaten; elk item: rank, id, name, country, score, "
                        "shortlisted", True),
        Var("excluded", "uitgesloten en onvolledige kandidaten; elk item: id, name, reason", True),
        Var("shortlist", "de shortlist; elk item: rank, id, name, country, score, strengths, "
                         "weaknesses", True),
        Var("chart_scores", "staafdiagram van de scores van de longlist (afbeelding)", True),
        Var("chart_radar", "radardiagram van de criteriumprofielen van de shortlist "
                           "(afbeelding), of leeg"),
        Var("proposal", "de gekozen (procedure) of voorgestelde partner; item: id, name, country, "
                        "score, top_score; leeg als er geen voorstel is", True),
        Var("decision", "stand van de procedure: final, draft, basis, stage, date, number, "
                        "council, council_date, council_number", True),
        Var("summary", "zinnen van de samenvatting: beslissing of voorstel en de verhouding tot "
                       "de scores", True),
        Var("decision_argument", "één zin over de partner tegenover de scores en de consensus"),
        Var("descriptions", "voorgestelde partner en shortlist; elk item: id, name, country, "
                            "region, role, population, channel, received, score, rank, language, "
                            "wants (criterion, text)"),
        Var("principles", "beginselen van een stedenband; elk item: name, explanation, verdict, "
                          "evidence"),
        Var("risks", "risico's van de samenwerking (zinnen)"),
        Var("exit_strategy", "de exitstrategie (tekst)"),
        Var("budget", "budget: year, translation, language; of leeg"),
        Var("gros", "advies van de GROS uit de procedure: date, text; of leeg"),
        Var("reactions", "hoe reacties van kandidaten behandeld worden (tekst)"),
        Var("annexes", "lijst van bijlagen"),
        Var("argument", "lijst van zinnen die de voorgestelde volgorde onderbouwen", True),
        Var("warnings", "waarschuwingen van de berekening (gelijke stand, onvolledig)"),
        Var("criteria_history", "wijzigingen van de criteria (when, who, hash, reason), of leeg"),
        Var("sensitivity", "gevoeligheid: sentences (zinnen) en stability (criterion, low, high), "
                           "ranks (id, name, first_text, shortlist_text, text: de "
                           "rangaanvaardbaarheid met standaardfouten), samples, vary_scores; "
                           "of leeg"),
        Var("second_round", "tweede ronde: rows (name, summary, points: een punt per vraag), "
                            "final_order, dissent; of leeg"),
        Var("conflicts", "verklaringen over belangenconflicten, of leeg"),
        Var("disagreement", "grote verschillen tussen beoordelaars, of leeg"),
        Var("planning", "planning: steps (name, start, end, body) en gantt_png, of leeg"),
        Var("planning_chart", "de Gantt-grafiek van de planning (afbeelding), of leeg"),
        Var("anchor", "verankering: text (kettingkop van logboek en criteriahistoriek en de "
                      "vingerafdruk, zoals check --against ze leest), of leeg"),
        Var("criteria_refrozen", "zinnen over vastleggingen na het scoren (wie, wanneer, reden, "
                                 "shortlist voor en na), of leeg"),
        Var("next_steps", "de volgende stappen vanaf vandaag uit de procedure en de "
                          "vergaderingen; elk item: name, body, date, note", True),
    ),
}

# Template files per kind: kind -> languages (file name templates/<kind>_<language>.docx).
TEMPLATES: dict[str, tuple[str, ...]] = {
    "questionnaire": LANGUAGES,
    "letter_declined": LANGUAGES,
    "letter_chosen": LANGUAGES,
    "dossier": ("nl",),
}

DESCRIPTIONS: dict[str, str] = {
    "questionnaire": "De oproep met begeleidende brief en de vragenlijst (per taal).",
    "letter_declined": "Brief aan een kandidaat die niet gekozen werd, met de redenen (per taal).",
    "letter_chosen": "Brief aan de gekozen partnergemeente (bekendmaking, per taal).",
    "dossier": "Het dossier voor het college van burgemeester en schepenen (Nederlands).",
}


def names(kind: str) -> set[str]:
    """Every variable a template of this kind receives."""
    return {v.name for v in FIELDS[kind]}


def required(kind: str) -> set[str]:
    """The variables a template of this kind must use."""
    return {v.name for v in FIELDS[kind] if v.required}


def readme() -> str:
    """The text of templates/README.md: the variables each template receives."""
    lines = [
        "# Word-sjablonen",
        "",
        "Elk document heeft een sjabloon per taal: `<soort>_<taal>.docx`. U kunt ze in Word "
        "aanpassen (tekst, opmaak, briefhoofd). Laat de tags tussen `{{ }}` en `{% %}` staan; "
        "een onbekende tag geeft een foutmelding die sjabloon en tag noemt.",
        "",
        "- `{{ naam }}` zet een gegeven in de tekst. Datums en getallen verschijnen vanzelf in de "
        "taal van de lezer (2 juni 2026, 2 juin 2026, 2 June 2026, 2 de junio de 2026).",
        "- `{{ x|number(2) }}` toont een getal met twee decimalen; `{{ d|date('full') }}` een "
        "datum met de weekdag.",
        "- `{%p if x %}` ... `{%p endif %}` en `{%p for item in lijst %}` ... `{%p endfor %}` "
        "staan elk in een eigen alinea; `{%tr for ... %}` herhaalt een tabelrij.",
        "- Tekst van kandidaten wordt altijd letterlijk getoond: tags in een gegeven worden "
        "nooit uitgevoerd.",
        "",
        "Een eigen sjabloon zet u in een eigen map, die u op het blad Instellingen noemt bij "
        "'Map met eigen sjablonen' (naast de werkmap of een volledig pad). Eén sjabloon in die "
        "map volstaat: de andere documenten gebruiken de ingebouwde sjablonen. Een sjabloon "
        "zonder een verplicht gegeven wordt geweigerd met een melding die sjabloon en gegeven "
        "noemt.",
        "",
        "Filters: `{{ rang|ordinal }}` (2e, 2nd, 1re, 2.º), `{{ namen|and_list }}` (a, b en c), "
        "`{{ sender|the }}` en `{{ sender|of_the }}` (la VVSG, de l'ANCB), "
        "`“{{ tekst }}”{{ tekst|full_stop }}` (een punt na een citaat dat er geen heeft).",
        "",
        "De sjablonen worden opnieuw opgebouwd met "
        "`python scripts/build_templates.py` (dat overschrijft de ingebouwde "
        "sjablonen, nooit die in uw eigen map).",
        "",
        "Verplicht: het sjabloon moet dit gegeven tonen (een test controleert het).",
        "",
    ]
    for kind, langs in TEMPLATES.items():
        files = ", ".join(f"`{kind}_{lang}.docx`" for lang in langs)
        lines += [f"## {kind}", "", DESCRIPTIONS[kind], "", f"Bestanden: {files}", "",
                  "| gegeven | inhoud | verplicht |", "| --- | --- | --- |"]
        for v in FIELDS[kind]:
            lines.append(f"| `{v.name}` | {v.description.replace('|', '/')} | "
                         f"{'ja' if v.required else ''} |")
        lines.append("")
    return "\n".join(lines)
