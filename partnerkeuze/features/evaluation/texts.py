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
           "score": "Score ({lo}-{hi})", "comment": "Opmerking", "item": "Begrip of vraag"},
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
           "score": "Note ({lo}-{hi})", "comment": "Commentaire", "item": "Notion ou question"},
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
           "score": "Score ({lo}-{hi})", "comment": "Comment", "item": "Concept or question"},
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
           "score": "Nota ({lo}-{hi})", "comment": "Comentario", "item": "Concepto o pregunta"},
}

PROPOSALS = {
    "nl": {"continue": "de stedenband voortzetten", "reorient": "de stedenband heroriënteren",
           "end": "de stedenband beëindigen volgens de exitclausule"},
    "fr": {"continue": "poursuivre le jumelage", "reorient": "réorienter le jumelage",
           "end": "mettre fin au jumelage selon la clause de sortie"},
    "en": {"continue": "continue the city link", "reorient": "reorient the city link",
           "end": "end the city link under the exit clause"},
    "es": {"continue": "continuar el hermanamiento", "reorient": "reorientar el hermanamiento",
           "end": "terminar el hermanamiento según la cláusula de salida"},
}

# The rule behind the proposal; {continue_from}, {disagree_from} in percent of the scale.
RULE = {
    "nl": "De regel: beëindigen volgens de exitclausule als een exittrigger van de overeenkomst "
          "zich voordeed; voortzetten als het gemiddelde van beide partners over de "
          "basisbegrippen minstens {continue_from} % van de schaal haalt, elk principe gehaald is "
          "(beide partners gemiddeld minstens {principle_from}) en de partners nergens "
          "{disagree_from} % van de schaal of meer verschillen; anders heroriënteren.",
    "fr": "La règle : mettre fin selon la clause de sortie si un déclencheur de sortie de "
          "l'accord s'est produit ; poursuivre si la moyenne des deux partenaires sur les notions "
          "de base atteint au moins {continue_from} % de l'échelle, que chaque principe est "
          "atteint (les deux partenaires en moyenne au moins {principle_from}) et que les "
          "partenaires ne diffèrent nulle part de {disagree_from} % de l'échelle ou plus ; "
          "sinon réorienter.",
    "en": "The rule: end under the exit clause when an exit trigger of the agreement occurred; "
          "continue when the mean of both partners over the basic concepts reaches at least "
          "{continue_from} % of the scale, every principle is met (both partners on average at "
          "least {principle_from}) and the partners nowhere differ by {disagree_from} % of the "
          "scale or more; otherwise reorient.",
    "es": "La regla: terminar según la cláusula de salida si se produjo un desencadenante de "
          "salida del acuerdo; continuar si la media de ambos socios sobre los conceptos básicos "
          "alcanza al menos el {continue_from} % de la escala, se cumple cada principio (ambos "
          "socios en promedio al menos {principle_from}) y los socios no difieren en ninguna "
          "parte en un {disagree_from} % de la escala o más; si no, reorientar.",
}

# The facts of the round the rule is applied to.
FACTS = {
    "nl": {"share": "Gemiddelde over de basisbegrippen: {share} % van de schaal{trend}.",
           "trend": " (vorige ronde {prev} %)",
           "principles": "Principes gehaald: {met} van {total}.",
           "gaps": "Grote onenigheid ({disagree_from} % of meer): {names}.",
           "no_gaps": "Nergens grote onenigheid tussen de partners.",
           "occurred": "Exittrigger die zich voordeed: {names}.",
           "no_occurred": "Geen exittrigger deed zich voor.",
           "no_share": "Nog geen antwoorden op de basisbegrippen."},
    "fr": {"share": "Moyenne sur les notions de base : {share} % de l'échelle{trend}.",
           "trend": " (tour précédent {prev} %)",
           "principles": "Principes atteints : {met} sur {total}.",
           "gaps": "Grand désaccord ({disagree_from} % ou plus) : {names}.",
           "no_gaps": "Nulle part de grand désaccord entre les partenaires.",
           "occurred": "Déclencheur de sortie survenu : {names}.",
           "no_occurred": "Aucun déclencheur de sortie ne s'est produit.",
           "no_share": "Pas encore de réponses sur les notions de base."},
    "en": {"share": "Mean over the basic concepts: {share} % of the scale{trend}.",
           "trend": " (previous round {prev} %)",
           "principles": "Principles met: {met} of {total}.",
           "gaps": "Large disagreement ({disagree_from} % or more): {names}.",
           "no_gaps": "No large disagreement between the partners anywhere.",
           "occurred": "Exit trigger that occurred: {names}.",
           "no_occurred": "No exit trigger occurred.",
           "no_share": "No answers on the basic concepts yet."},
    "es": {"share": "Media sobre los conceptos básicos: {share} % de la escala{trend}.",
           "trend": " (ronda anterior {prev} %)",
           "principles": "Principios cumplidos: {met} de {total}.",
           "gaps": "Gran desacuerdo ({disagree_from} % o más): {names}.",
           "no_gaps": "En ninguna parte hay gran desacuerdo entre los socios.",
           "occurred": "Desencadenante de salida producido: {names}.",
           "no_occurred": "No se produjo ningún desencadenante de salida.",
           "no_share": "Todavía no hay respuestas sobre los conceptos básicos."},
}

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
        "no_previous": "Er is nog geen vorige ronde.",
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
        "no_previous": "Il n'y a pas encore de tour précédent.",
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
        "no_previous": "There is no previous round yet.",
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
        "no_previous": "Todavía no hay una ronda anterior.",
    },
}

RADAR_LABELS = {
    "nl": ("Vorige ronde", "Deze ronde"), "fr": ("Tour précédent", "Ce tour"),
    "en": ("Previous round", "This round"), "es": ("Ronda anterior", "Esta ronda"),
}


def form_file_name(link_id: str, rid: str, side: str, lang: str) -> str:
    """The file name of a questionnaire (evaluatie_BRA-TAR_R2_partner_es.xlsx)."""
    return f"evaluatie_{link_id}_{rid}_{'vlaanderen' if side == 'Vlaanderen' else 'partner'}_{lang}.xlsx"
