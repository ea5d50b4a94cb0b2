"""The fixed wording of the evaluation questionnaire and report in nl, fr, en and es."""

from __future__ import annotations

from partnerkeuze.kernel.languages import LANGUAGES as LANGS  # noqa: F401 (the evaluation texts exist in all)

SIDE_NAMES = {
    "nl": {"Vlaanderen": "Vlaamse gemeente", "partner": "partnergemeente"},
    "fr": {"Vlaanderen": "commune flamande", "partner": "commune partenaire"},
    "en": {"Vlaanderen": "Flemish municipality", "partner": "partner municipality"},
    "es": {"Vlaanderen": "municipio flamenco", "partner": "municipio socio"},
}

KIND_NAMES = {
    "nl": {"wat we willen bereiken": "Wat we willen bereiken",
           "wat we van elkaar verwachten": "Wat we van elkaar verwachten",
           "wat we zelf bijdragen": "Wat we zelf bijdragen"},
    "fr": {"wat we willen bereiken": "Ce que nous voulons atteindre",
           "wat we van elkaar verwachten": "Ce que nous attendons l'un de l'autre",
           "wat we zelf bijdragen": "Ce que nous apportons nous-mêmes"},
    "en": {"wat we willen bereiken": "What we want to achieve",
           "wat we van elkaar verwachten": "What we expect of each other",
           "wat we zelf bijdragen": "What we contribute ourselves"},
    "es": {"wat we willen bereiken": "Lo que queremos lograr",
           "wat we van elkaar verwachten": "Lo que esperamos el uno del otro",
           "wat we zelf bijdragen": "Lo que aportamos nosotros mismos"},
}

FORM = {
    "nl": {"sheet": "Evaluatie", "heading": "Evaluatie van de stedenband",
           "round": "Evaluatieronde {round} van {date}", "side": "Ingevuld door: {side}",
           "instructions": "Vul de gele cellen in. Geef bij elk basisbegrip en elke vraag een "
                           "score van {lo} (helemaal niet) tot {hi} (helemaal) en schrijf er een "
                           "opmerking bij. Bewaar het bestand als .xlsx en stuur het terug naar "
                           "{contact}.",
           "participant": "Uw naam", "role": "Uw functie",
           "section_concepts": "De basisbegrippen van participatie: in welke mate leven ze in "
                               "onze samenwerking?",
           "section_questions": "Geleerde lessen en principes van de stedenband",
           "section_expectations": "Wederzijdse verwachtingen",
           "score": "Score ({lo}-{hi})", "comment": "Opmerking", "item": "Begrip of vraag",
           "consent": "Mag uw naam bij uw opmerkingen in het rapport staan?",
           "section_instruments": "De zes basisinstrumenten: waar ze in deze ronde dienen"},
    "fr": {"sheet": "Évaluation", "heading": "Évaluation du jumelage",
           "round": "Tour d'évaluation {round} du {date}", "side": "Rempli par : {side}",
           "instructions": "Remplissez les cellules jaunes. Donnez à chaque notion et à chaque "
                           "question une note de {lo} (pas du tout) à {hi} (tout à fait) avec un "
                           "commentaire. Enregistrez le fichier en .xlsx et renvoyez-le à "
                           "{contact}.",
           "participant": "Votre nom", "role": "Votre fonction",
           "section_concepts": "Les notions de base de la participation : dans quelle mesure "
                               "vivent-elles dans notre coopération ?",
           "section_questions": "Leçons apprises et principes du jumelage",
           "section_expectations": "Attentes mutuelles",
           "score": "Note ({lo}-{hi})", "comment": "Commentaire", "item": "Notion ou question",
           "consent": "Votre nom peut-il figurer avec vos commentaires dans le rapport ?",
           "section_instruments": "Les six instruments de base : où ils servent dans ce tour"},
    "en": {"sheet": "Evaluation", "heading": "Evaluation of the city link",
           "round": "Evaluation round {round} of {date}", "side": "Filled in by: {side}",
           "instructions": "Fill in the yellow cells. Give each basic concept and each question a "
                           "score from {lo} (not at all) to {hi} (fully) with a comment. Save the "
                           "file as .xlsx and send it back to {contact}.",
           "participant": "Your name", "role": "Your position",
           "section_concepts": "The basic concepts of participation: how much do they live in "
                               "our cooperation?",
           "section_questions": "Lessons learned and principles of the city link",
           "section_expectations": "Mutual expectations",
           "score": "Score ({lo}-{hi})", "comment": "Comment", "item": "Concept or question",
           "consent": "May your name stand with your comments in the report?",
           "section_instruments": "The six basic instruments: where they serve in this round"},
    "es": {"sheet": "Evaluación", "heading": "Evaluación del hermanamiento",
           "round": "Ronda de evaluación {round} del {date}", "side": "Completado por: {side}",
           "instructions": "Complete las celdas amarillas. Dé a cada concepto y a cada pregunta "
                           "una nota de {lo} (nada) a {hi} (totalmente) con un comentario. Guarde "
                           "el archivo como .xlsx y envíelo a {contact}.",
           "participant": "Su nombre", "role": "Su cargo",
           "section_concepts": "Los conceptos básicos de la participación: ¿en qué medida viven "
                               "en nuestra cooperación?",
           "section_questions": "Lecciones aprendidas y principios del hermanamiento",
           "section_expectations": "Expectativas mutuas",
           "score": "Nota ({lo}-{hi})", "comment": "Comentario", "item": "Concepto o pregunta",
           "consent": "¿Puede figurar su nombre junto a sus comentarios en el informe?",
           "section_instruments": "Los seis instrumentos básicos: dónde sirven en esta ronda"},
}

# The answers to the consent question of a questionnaire, (yes, no) in its language.
YES_NO = {"nl": ("ja", "nee"), "fr": ("oui", "non"), "en": ("yes", "no"), "es": ("sí", "no")}

PROPOSALS = {
    "nl": {"continue": "de stedenband voortzetten", "reorient": "de stedenband heroriënteren",
           "end": "de stedenband beëindigen volgens de exitclausule",
           "wait": "geen, zolang niet beide partners geantwoord hebben"},
    "fr": {"continue": "poursuivre le jumelage", "reorient": "réorienter le jumelage",
           "end": "mettre fin au jumelage selon la clause de sortie",
           "wait": "aucune, tant que les deux partenaires n'ont pas répondu"},
    "en": {"continue": "continue the city link", "reorient": "reorient the city link",
           "end": "end the city link under the exit clause",
           "wait": "none until both partners have answered"},
    "es": {"continue": "continuar el hermanamiento", "reorient": "reorientar el hermanamiento",
           "end": "terminar el hermanamiento según la cláusula de salida",
           "wait": "ninguna mientras ambos socios no hayan respondido"},
}

# The rule behind the proposal; {continue_from}, {disagree_from} in percent of the scale.
RULE = {
    "nl": "De regel: beëindigen volgens de exitclausule als een exittrigger van de overeenkomst "
          "zich voordeed; geen voorstel zolang niet beide partners geantwoord hebben; voortzetten "
          "als het gemiddelde van beide partners over de "
          "basisbegrippen minstens {continue_from} % van de schaal haalt, elk principe gehaald is "
          "(beide partners gemiddeld minstens {principle_from}) en de partners nergens "
          "{disagree_from} % van de schaal of meer verschillen; anders heroriënteren.",
    "fr": "La règle : mettre fin selon la clause de sortie si un déclencheur de sortie de "
          "l'accord s'est produit ; aucune proposition tant que les deux partenaires n'ont pas "
          "répondu ; poursuivre si la moyenne des deux partenaires sur les notions "
          "de base atteint au moins {continue_from} % de l'échelle, que chaque principe est "
          "atteint (les deux partenaires en moyenne au moins {principle_from}) et que les "
          "partenaires ne diffèrent nulle part de {disagree_from} % de l'échelle ou plus ; "
          "sinon réorienter.",
    "en": "The rule: end under the exit clause when an exit trigger of the agreement occurred; "
          "no proposal until both partners have answered; continue when the mean of both partners over the basic concepts reaches at least "
          "{continue_from} % of the scale, every principle is met (both partners on average at "
          "least {principle_from}) and the partners nowhere differ by {disagree_from} % of the "
          "scale or more; otherwise reorient.",
    "es": "La regla: terminar según la cláusula de salida si se produjo un desencadenante de "
          "salida del acuerdo; ninguna propuesta mientras ambos socios no hayan respondido; "
          "continuar si la media de ambos socios sobre los conceptos básicos "
          "alcanza al menos el {continue_from} % de la escala, se cumple cada principio (ambos "
          "socios en promedio al menos {principle_from}) y los socios no difieren en ninguna "
          "parte en un {disagree_from} % de la escala o más; si no, reorientar.",
}

# The facts of the round the rule is applied to.
FACTS = {
    "nl": {"share": "Gemiddelde van beide partners over de basisbegrippen: {share} % van de "
                    "schaal ({flemish} {flemish_share} %, {partner} {partner_share} %){trend}.",
           "trend": "; vorige ronde {prev} %",
           "one_share": "Alleen {side} antwoordde: gemiddeld {share} % van de schaal over de "
                        "basisbegrippen.",
           "principles": "Principes gehaald: {met} van {total} (beide partners gemiddeld minstens "
                         "{principle_from} op de schaal van {lo} tot {hi}).",
           "no_principles": "Principes: niet te beoordelen zonder de antwoorden van {side}.",
           "gaps": "Grote onenigheid ({disagree_from} % of meer): {names}.",
           "no_gaps": "Nergens grote onenigheid tussen de partners.",
           "one_gaps": "Onenigheid tussen de partners: niet te beoordelen zonder de antwoorden "
                       "van {side}.",
           "occurred": "Exittrigger die zich voordeed: {names}.",
           "no_occurred": "Geen exittrigger deed zich voor.",
           "no_share": "Nog geen antwoorden op de basisbegrippen.",
           "interval": "Tussen ronde {a} ({a_date}) en ronde {b} ({b_date}) liggen {months} "
                       "maanden; de partners evalueren hoogstens om de {max} maanden.",
           "budget": "In {year} is er geen vast werkingsbudget: zonder werkingsbudget hangt de "
                     "samenwerking volledig af van de subsidies van het moment.",
           "no_budget": "Er zijn geen budgetlijnen: zonder vast werkingsbudget hangt de "
                        "samenwerking volledig af van de subsidies van het moment."},
    "fr": {"share": "Moyenne des deux partenaires sur les notions de base : {share} % de "
                    "l'échelle ({flemish} {flemish_share} %, {partner} {partner_share} %){trend}.",
           "trend": " ; tour précédent {prev} %",
           "one_share": "Seules les réponses de {side} sont connues : en moyenne {share} % de "
                        "l'échelle sur les notions de base.",
           "principles": "Principes atteints : {met} sur {total} (les deux partenaires en moyenne "
                         "au moins {principle_from} sur l'échelle de {lo} à {hi}).",
           "no_principles": "Principes : impossible d'en juger sans les réponses de {side}.",
           "gaps": "Grand désaccord ({disagree_from} % ou plus) : {names}.",
           "no_gaps": "Nulle part de grand désaccord entre les partenaires.",
           "one_gaps": "Désaccord entre les partenaires : impossible d'en juger sans les "
                       "réponses de {side}.",
           "occurred": "Déclencheur de sortie survenu : {names}.",
           "no_occurred": "Aucun déclencheur de sortie ne s'est produit.",
           "no_share": "Pas encore de réponses sur les notions de base.",
           "interval": "Entre le tour {a} ({a_date}) et le tour {b} ({b_date}), il y a {months} "
                       "mois ; les partenaires évaluent au moins tous les {max} mois.",
           "budget": "En {year}, il n'y a pas de budget de fonctionnement fixe : sans budget de "
                     "fonctionnement, la coopération dépend entièrement des subventions du "
                     "moment.",
           "no_budget": "Il n'y a aucune ligne budgétaire : sans budget de fonctionnement fixe, "
                        "la coopération dépend entièrement des subventions du moment."},
    "en": {"share": "Mean of both partners over the basic concepts: {share} % of the scale "
                    "({flemish} {flemish_share} %, {partner} {partner_share} %){trend}.",
           "trend": "; previous round {prev} %",
           "one_share": "Only {side} answered: on average {share} % of the scale over the basic "
                        "concepts.",
           "principles": "Principles met: {met} of {total} (both partners on average at least "
                         "{principle_from} on the scale from {lo} to {hi}).",
           "no_principles": "Principles: cannot be judged without the answers of {side}.",
           "gaps": "Large disagreement ({disagree_from} % or more): {names}.",
           "no_gaps": "No large disagreement between the partners anywhere.",
           "one_gaps": "Disagreement between the partners: cannot be judged without the answers "
                       "of {side}.",
           "occurred": "Exit trigger that occurred: {names}.",
           "no_occurred": "No exit trigger occurred.",
           "no_share": "No answers on the basic concepts yet.",
           "interval": "Between round {a} ({a_date}) and round {b} ({b_date}) lie {months} "
                       "months; the partners evaluate at least every {max} months.",
           "budget": "In {year} there is no fixed operating budget: without an operating budget "
                     "the cooperation depends entirely on the subsidies of the moment.",
           "no_budget": "There are no budget lines: without a fixed operating budget the "
                        "cooperation depends entirely on the subsidies of the moment."},
    "es": {"share": "Media de ambos socios sobre los conceptos básicos: {share} % de la escala "
                    "({flemish} {flemish_share} %, {partner} {partner_share} %){trend}.",
           "trend": "; ronda anterior {prev} %",
           "one_share": "Solo {side} respondió: en promedio {share} % de la escala sobre los "
                        "conceptos básicos.",
           "principles": "Principios cumplidos: {met} de {total} (ambos socios en promedio al "
                         "menos {principle_from} en la escala de {lo} a {hi}).",
           "no_principles": "Principios: no se pueden juzgar sin las respuestas de {side}.",
           "gaps": "Gran desacuerdo ({disagree_from} % o más): {names}.",
           "no_gaps": "En ninguna parte hay gran desacuerdo entre los socios.",
           "one_gaps": "Desacuerdo entre los socios: no se puede juzgar sin las respuestas de "
                       "{side}.",
           "occurred": "Desencadenante de salida producido: {names}.",
           "no_occurred": "No se produjo ningún desencadenante de salida.",
           "no_share": "Todavía no hay respuestas sobre los conceptos básicos.",
           "interval": "Entre la ronda {a} ({a_date}) y la ronda {b} ({b_date}) hay {months} "
                       "meses; los socios evalúan como máximo cada {max} meses.",
           "budget": "En {year} no hay presupuesto operativo fijo: sin presupuesto operativo, la "
                     "cooperación depende por completo de las subvenciones del momento.",
           "no_budget": "No hay líneas presupuestarias: sin presupuesto operativo fijo, la "
                        "cooperación depende por completo de las subvenciones del momento."},
}

# The first page when one side did not answer in the round.
ONE_SIDED = {
    "nl": "Let op: in deze ronde beantwoordde {missing} de vragenlijst niet; alleen de antwoorden "
          "van {answered} zijn gekend. Dit rapport geeft alleen de stem van {answered} en stelt "
          "niets voor waarvoor beide partners nodig zijn.",
    "fr": "Attention : lors de ce tour, {missing} n'a pas répondu au questionnaire ; seules les "
          "réponses de {answered} sont connues. Ce rapport ne donne que la voix de {answered} et "
          "ne propose rien qui demande les deux partenaires.",
    "en": "Note: in this round {missing} did not answer the questionnaire; only the answers of "
          "{answered} are known. This report gives only the voice of {answered} and proposes "
          "nothing that needs both partners.",
    "es": "Atención: en esta ronda {missing} no respondió el cuestionario; solo se conocen las "
          "respuestas de {answered}. Este informe da solo la voz de {answered} y no propone nada "
          "que requiera a ambos socios.",
}

# Who answered in a round, per side (the participation table).
PARTICIPATION = {
    "nl": {"of": "{n} van {m}: {names}", "open": "{n}: {names}", "none": "geen antwoorden"},
    "fr": {"of": "{n} sur {m} : {names}", "open": "{n} : {names}", "none": "pas de réponses"},
    "en": {"of": "{n} of {m}: {names}", "open": "{n}: {names}", "none": "no answers"},
    "es": {"of": "{n} de {m}: {names}", "open": "{n}: {names}", "none": "sin respuestas"},
}

# A participant named only when they agreed; otherwise only their side.
A_PARTICIPANT = {"nl": "een deelnemer van {side}", "fr": "un participant de {side}",
                 "en": "a participant of {side}", "es": "un participante de {side}"}

# What a participant wrote that has no translation in the reader's language (Dutch report only).
UNTRANSLATED = {"nl": "({language}, niet vertaald)", "fr": "({language}, non traduit)",
                "en": "({language}, not translated)", "es": "({language}, sin traducir)"}
LANGUAGE_NAMES = {
    "nl": {"nl": "Nederlands", "fr": "Frans", "en": "Engels", "es": "Spaans"},
    "fr": {"nl": "néerlandais", "fr": "français", "en": "anglais", "es": "espagnol"},
    "en": {"nl": "Dutch", "fr": "French", "en": "English", "es": "Spanish"},
    "es": {"nl": "neerlandés", "fr": "francés", "en": "inglés", "es": "español"},
}

# Each side's expectations, said as whose they are.
EXPECTATION_LABELS = {
    "nl": {"wat we willen bereiken": "Wat {own} wil bereiken",
           "wat we van elkaar verwachten": "Wat {own} van {other} verwacht",
           "wat we zelf bijdragen": "Wat {own} zelf bijdraagt"},
    "fr": {"wat we willen bereiken": "Ce que {own} veut atteindre",
           "wat we van elkaar verwachten": "Ce que {own} attend de {other}",
           "wat we zelf bijdragen": "Ce que {own} apporte"},
    "en": {"wat we willen bereiken": "What {own} wants to achieve",
           "wat we van elkaar verwachten": "What {own} expects of {other}",
           "wat we zelf bijdragen": "What {own} contributes"},
    "es": {"wat we willen bereiken": "Lo que {own} quiere lograr",
           "wat we van elkaar verwachten": "Lo que {own} espera de {other}",
           "wat we zelf bijdragen": "Lo que {own} aporta"},
}

# A budget line's kind in each language (layout.evaluation.BUDGET_KINDS).
BUDGET_KINDS = {
    "nl": {"vast werkingsbudget": "vast werkingsbudget",
           "subsidie of programma": "subsidie of programma",
           "projectmiddelen": "projectmiddelen", "andere": "andere"},
    "fr": {"vast werkingsbudget": "budget de fonctionnement fixe",
           "subsidie of programma": "subvention ou programme",
           "projectmiddelen": "moyens de projet", "andere": "autre"},
    "en": {"vast werkingsbudget": "fixed operating budget",
           "subsidie of programma": "subsidy or programme",
           "projectmiddelen": "project funds", "andere": "other"},
    "es": {"vast werkingsbudget": "presupuesto operativo fijo",
           "subsidie of programma": "subvención o programa",
           "projectmiddelen": "fondos de proyecto", "andere": "otro"},
}

# A risk's likelihood and impact, or that nobody assessed them yet.
LEVELS = {
    "nl": {"level": "kans {likelihood}, impact {impact}", "not_assessed": "nog niet ingeschat"},
    "fr": {"level": "probabilité {likelihood}, impact {impact}",
           "not_assessed": "pas encore évalué"},
    "en": {"level": "likelihood {likelihood}, impact {impact}", "not_assessed": "not yet assessed"},
    "es": {"level": "probabilidad {likelihood}, impacto {impact}",
           "not_assessed": "aún no evaluado"},
}

# An exit trigger that occurred: when, and the round that found it.
OCCURRED_ON = {"nl": "deed zich voor op {date} (vastgesteld in ronde {round})",
               "fr": "s'est produit le {date} (constaté au tour {round})",
               "en": "occurred on {date} (found in round {round})",
               "es": "se produjo el {date} (constatado en la ronda {round})"}

# The radar's legend for a side without answers in a round.
RADAR_MISSING = {"nl": "{name}: geen antwoorden", "fr": "{name} : pas de réponses",
                 "en": "{name}: no answers", "es": "{name}: sin respuestas"}

REPORT = {
    "nl": {
        "title": "Evaluatie van de stedenband", "round": "Evaluatieronde",
        "for": "Voor het college van burgemeester en schepenen en voor de partner.",
        "h_link": "De stedenband", "since": "Stedenband sinds", "country": "Land van de partner",
        "agreement": "Samenwerkingsovereenkomst", "exit_clause": "Exitclausule",
        "h_budget": "Budgetlijnen", "year": "Jaar", "line": "Budgetlijn", "amount": "Bedrag (EUR)",
        "source": "Bron",
        "h_participants": "Deelnemers", "h_radar": "Radar van de basisbegrippen",
        "radar_intro": "Links de vorige ronde, rechts deze ronde; per begrip het gemiddelde van "
                       "de deelnemers van elke partner op de schaal van {{ scale_min }} tot "
                       "{{ scale_max }}. De waarden staan in de tabel.",
        "concept": "Basisbegrip", "previous": "vorige", "this": "nu",
        "h_gaps": "Waar de partners het meest verschillen (voor het volgende overleg)",
        "gap_line": "verschil", "of_scale": "% van de schaal", "alone": "staat alleen",
        "h_expectations": "Verwachtingen van beide kanten",
        "h_principles": "Principes van de stedenband", "h_lessons": "Geleerde lessen",
        "question": "Vraag", "met": "Gehaald",
        "h_risks": "Risico's", "risk": "Risico", "likelihood": "Kans", "impact": "Impact",
        "owner": "Eigenaar", "trigger": "Signaal", "response": "Antwoord",
        "h_exit": "Exittriggers van de overeenkomst", "occurred": "deed zich voor",
        "not_occurred": "deed zich niet voor", "covered_by": "risico",
        "h_proposal": "Voorstel", "proposal": "Voorstel: {{ proposal }}.",
        "h_mission": "Evaluatiemissie",
        "mission": "Een evaluatiemissie is gepland van {{ visit_from }} tot {{ visit_to }}. "
                   "Tijdens een evaluatiemissie kan de VVSG mee inschatten in welke mate de "
                   "geplande resultaten en doelstellingen bereikt werden en aanbevelingen doen "
                   "voor de follow-up.",
        "vvsg": "De aanvraag aan de VVSG om de missie te begeleiden ligt bij dit rapport.",
        "radar_single": "Er is nog geen vorige ronde: de radar toont deze ronde; per begrip het "
                        "gemiddelde van de deelnemers van elke partner op de schaal van "
                        "{{ scale_min }} tot {{ scale_max }}. De waarden staan in de tabel.",
        "h_participation": "Wie antwoordde", "round_col": "Ronde", "date_col": "Datum",
        "h_comments": "Opmerkingen van de deelnemers",
        "comments_intro": "Elke opmerking staat bij de kant die ze schreef; een naam staat er "
                          "alleen bij als de deelnemer ermee instemde.",
        "met_rule": "Gehaald: beide partners scoren gemiddeld minstens {{ principle_from }} op de "
                    "schaal van {{ scale_min }} tot {{ scale_max }}.",
        "risk_text": "Risico, signaal en antwoord", "level": "Kans en impact",
        "owners": "Eigenaars", "kind": "Soort", "side": "Van",
    },
    "fr": {
        "title": "Évaluation du jumelage", "round": "Tour d'évaluation",
        "for": "Pour le collège des bourgmestre et échevins et pour le partenaire.",
        "h_link": "Le jumelage", "since": "Jumelage depuis", "country": "Pays du partenaire",
        "agreement": "Accord de coopération", "exit_clause": "Clause de sortie",
        "h_budget": "Lignes budgétaires", "year": "Année", "line": "Ligne budgétaire",
        "amount": "Montant (EUR)", "source": "Source",
        "h_participants": "Participants", "h_radar": "Radar des notions de base",
        "radar_intro": "À gauche le tour précédent, à droite ce tour ; par notion la moyenne des "
                       "participants de chaque partenaire sur l'échelle de {{ scale_min }} à "
                       "{{ scale_max }}. Les valeurs figurent dans le tableau.",
        "concept": "Notion de base", "previous": "avant", "this": "maintenant",
        "h_gaps": "Là où les partenaires diffèrent le plus (pour la prochaine réunion)",
        "gap_line": "écart", "of_scale": "% de l'échelle", "alone": "isolé",
        "h_expectations": "Attentes des deux côtés",
        "h_principles": "Principes du jumelage", "h_lessons": "Leçons apprises",
        "question": "Question", "met": "Atteint",
        "h_risks": "Risques", "risk": "Risque", "likelihood": "Probabilité", "impact": "Impact",
        "owner": "Responsable", "trigger": "Signal", "response": "Réponse",
        "h_exit": "Déclencheurs de sortie de l'accord", "occurred": "s'est produit",
        "not_occurred": "ne s'est pas produit", "covered_by": "risque",
        "h_proposal": "Proposition", "proposal": "Proposition : {{ proposal }}.",
        "h_mission": "Mission d'évaluation",
        "mission": "Une mission d'évaluation est prévue du {{ visit_from }} au {{ visit_to }}. "
                   "Lors d'une mission d'évaluation, la VVSG peut aider à estimer dans quelle "
                   "mesure les résultats et objectifs prévus ont été atteints et formuler des "
                   "recommandations pour le suivi.",
        "vvsg": "La demande d'accompagnement adressée à la VVSG est jointe à ce rapport.",
        "radar_single": "Il n'y a pas encore de tour précédent : le radar montre ce tour ; par "
                        "notion la moyenne des participants de chaque partenaire sur l'échelle "
                        "de {{ scale_min }} à {{ scale_max }}. Les valeurs figurent dans le "
                        "tableau.",
        "h_participation": "Qui a répondu", "round_col": "Tour", "date_col": "Date",
        "h_comments": "Commentaires des participants",
        "comments_intro": "Chaque commentaire figure avec le côté qui l'a écrit ; un nom n'y "
                          "figure que si le participant l'a accepté.",
        "met_rule": "Atteint : les deux partenaires notent en moyenne au moins "
                    "{{ principle_from }} sur l'échelle de {{ scale_min }} à {{ scale_max }}.",
        "risk_text": "Risque, signal et réponse", "level": "Probabilité et impact",
        "owners": "Responsables", "kind": "Type", "side": "De",
    },
    "en": {
        "title": "Evaluation of the city link", "round": "Evaluation round",
        "for": "For the college of mayor and aldermen and for the partner.",
        "h_link": "The city link", "since": "City link since", "country": "Partner's country",
        "agreement": "Cooperation agreement", "exit_clause": "Exit clause",
        "h_budget": "Budget lines", "year": "Year", "line": "Budget line",
        "amount": "Amount (EUR)", "source": "Source",
        "h_participants": "Participants", "h_radar": "Radar of the basic concepts",
        "radar_intro": "Left the previous round, right this round; per concept the mean of each "
                       "partner's participants on the scale from {{ scale_min }} to "
                       "{{ scale_max }}. The values are in the table.",
        "concept": "Basic concept", "previous": "before", "this": "now",
        "h_gaps": "Where the partners differ most (for the next meeting)",
        "gap_line": "difference", "of_scale": "% of the scale", "alone": "stands alone",
        "h_expectations": "Expectations of both sides",
        "h_principles": "Principles of the city link", "h_lessons": "Lessons learned",
        "question": "Question", "met": "Met",
        "h_risks": "Risks", "risk": "Risk", "likelihood": "Likelihood", "impact": "Impact",
        "owner": "Owner", "trigger": "Trigger", "response": "Response",
        "h_exit": "Exit triggers of the agreement", "occurred": "occurred",
        "not_occurred": "did not occur", "covered_by": "risk",
        "h_proposal": "Proposal", "proposal": "Proposal: {{ proposal }}.",
        "h_mission": "Evaluation mission",
        "mission": "An evaluation mission is planned from {{ visit_from }} to {{ visit_to }}. "
                   "During an evaluation mission VVSG can help assess to what extent the planned "
                   "results and objectives were achieved and make recommendations for the "
                   "follow-up.",
        "vvsg": "The request to VVSG to accompany the mission comes with this report.",
        "radar_single": "There is no previous round yet: the radar shows this round; per concept "
                        "the mean of each partner's participants on the scale from "
                        "{{ scale_min }} to {{ scale_max }}. The values are in the table.",
        "h_participation": "Who answered", "round_col": "Round", "date_col": "Date",
        "h_comments": "Comments of the participants",
        "comments_intro": "Each comment stands with the side that wrote it; a name stands with "
                          "it only when the participant agreed.",
        "met_rule": "Met: both partners score on average at least {{ principle_from }} on the "
                    "scale from {{ scale_min }} to {{ scale_max }}.",
        "risk_text": "Risk, trigger and response", "level": "Likelihood and impact",
        "owners": "Owners", "kind": "Kind", "side": "From",
    },
    "es": {
        "title": "Evaluación del hermanamiento", "round": "Ronda de evaluación",
        "for": "Para el colegio de alcalde y concejales y para el socio.",
        "h_link": "El hermanamiento", "since": "Hermanamiento desde", "country": "País del socio",
        "agreement": "Acuerdo de cooperación", "exit_clause": "Cláusula de salida",
        "h_budget": "Líneas presupuestarias", "year": "Año", "line": "Línea presupuestaria",
        "amount": "Monto (EUR)", "source": "Fuente",
        "h_participants": "Participantes", "h_radar": "Radar de los conceptos básicos",
        "radar_intro": "A la izquierda la ronda anterior, a la derecha esta ronda; por concepto "
                       "la media de los participantes de cada socio en la escala de "
                       "{{ scale_min }} a {{ scale_max }}. Los valores están en la tabla.",
        "concept": "Concepto básico", "previous": "antes", "this": "ahora",
        "h_gaps": "Donde los socios más difieren (para la próxima reunión)",
        "gap_line": "diferencia", "of_scale": "% de la escala", "alone": "aislado",
        "h_expectations": "Expectativas de ambos lados",
        "h_principles": "Principios del hermanamiento", "h_lessons": "Lecciones aprendidas",
        "question": "Pregunta", "met": "Cumplido",
        "h_risks": "Riesgos", "risk": "Riesgo", "likelihood": "Probabilidad", "impact": "Impacto",
        "owner": "Responsable", "trigger": "Señal", "response": "Respuesta",
        "h_exit": "Desencadenantes de salida del acuerdo", "occurred": "se produjo",
        "not_occurred": "no se produjo", "covered_by": "riesgo",
        "h_proposal": "Propuesta", "proposal": "Propuesta: {{ proposal }}.",
        "h_mission": "Misión de evaluación",
        "mission": "Se ha previsto una misión de evaluación del {{ visit_from }} al "
                   "{{ visit_to }}. Durante una misión de evaluación, la VVSG puede ayudar a "
                   "estimar en qué medida se alcanzaron los resultados y objetivos previstos y "
                   "hacer recomendaciones para el seguimiento.",
        "vvsg": "La solicitud de acompañamiento a la VVSG se adjunta a este informe.",
        "radar_single": "Todavía no hay una ronda anterior: el radar muestra esta ronda; por "
                        "concepto la media de los participantes de cada socio en la escala de "
                        "{{ scale_min }} a {{ scale_max }}. Los valores están en la tabla.",
        "h_participation": "Quién respondió", "round_col": "Ronda", "date_col": "Fecha",
        "h_comments": "Comentarios de los participantes",
        "comments_intro": "Cada comentario figura con el lado que lo escribió; un nombre figura "
                          "solo si el participante lo aceptó.",
        "met_rule": "Cumplido: ambos socios puntúan en promedio al menos {{ principle_from }} en "
                    "la escala de {{ scale_min }} a {{ scale_max }}.",
        "risk_text": "Riesgo, señal y respuesta", "level": "Probabilidad e impacto",
        "owners": "Responsables", "kind": "Tipo", "side": "De",
    },
}

RADAR_LABELS = {
    "nl": ("Vorige ronde", "Deze ronde"), "fr": ("Tour précédent", "Ce tour"),
    "en": ("Previous round", "This round"), "es": ("Ronda anterior", "Esta ronda"),
}



def _french_typography() -> None:
    """French typography for the French texts of the questionnaire and the report (a narrow
    no-break space before ; : ! ? and inside « »), applied once here so that every text built
    from them has it; what the partners typed is never passed through it."""
    from partnerkeuze.kernel.wording import typeset

    for table in (FORM, PROPOSALS, RULE, FACTS, ONE_SIDED, PARTICIPATION, A_PARTICIPANT,
                  UNTRANSLATED, OCCURRED_ON, RADAR_MISSING, REPORT):
        table["fr"] = typeset(table["fr"], "fr")


_french_typography()

def form_file_name(link_id: str, rid: str, side: str, lang: str) -> str:
    """The file name of a questionnaire (evaluatie_BRA-TAR_R2_partner_es.xlsx)."""
    return f"evaluatie_{link_id}_{rid}_{'vlaanderen' if side == 'Vlaanderen' else 'partner'}_{lang}.xlsx"
