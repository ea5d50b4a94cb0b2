"""The six basic instruments to design a participatory process (002_f154211db8bd0241.txt, 'Stap
2: 6 basisinstrumenten'), with what each is for and where it serves in an evaluation round, in
nl, fr, en and es: guidance on the sheet Instrumenten and in the questionnaire."""

from __future__ import annotations

# (Dutch name, sheet key, {language: (name, what it is for, where in a round)})
INSTRUMENTS: tuple[tuple[str, str, dict[str, tuple[str, str, str]]], ...] = (
    ("Focusscherper", "concepts", {
        "nl": ("Focusscherper", "om de topic helder te krijgen",
               "Vóór de ronde: samen scherpstellen wat deze evaluatie wil weten (de "
               "basisbegrippen en de evaluatievragen)."),
        "fr": ("Affûteur de focus", "pour clarifier le sujet",
               "Avant le tour : préciser ensemble ce que cette évaluation veut savoir (les "
               "notions de base et les questions)."),
        "en": ("Focus sharpener", "to get the topic clear",
               "Before the round: sharpen together what this evaluation wants to know (the "
               "basic concepts and the questions)."),
        "es": ("Afinador del foco", "para aclarar el tema",
               "Antes de la ronda: precisar juntos lo que esta evaluación quiere saber (los "
               "conceptos básicos y las preguntas)."),
    }),
    ("Omgevingsscan", "risks", {
        "nl": ("Omgevingsscan", "om de context van het vraagstuk grondig te verkennen",
               "Vóór de ronde: wat veranderde er sinds de vorige ronde bij beide partners "
               "(bestuur, personeel, budget)? Houd het risicoregister bij."),
        "fr": ("Scan de l'environnement", "pour explorer à fond le contexte de la question",
               "Avant le tour : qu'est-ce qui a changé depuis le tour précédent chez les deux "
               "partenaires (autorités, personnel, budget) ? Mettre à jour le registre des "
               "risques."),
        "en": ("Context scan", "to explore the context of the question thoroughly",
               "Before the round: what changed for both partners since the previous round "
               "(government, staff, budget)? Update the risk register."),
        "es": ("Escaneo del entorno", "para explorar a fondo el contexto de la cuestión",
               "Antes de la ronda: ¿qué cambió desde la ronda anterior en ambos socios "
               "(gobierno, personal, presupuesto)? Actualizar el registro de riesgos."),
    }),
    ("Ambitiebepaler", "expectations", {
        "nl": ("Ambitiebepaler", "om doelen en resultaten te formuleren",
               "In de vragenlijst: de verwachtingen (wat we willen bereiken, wat we van elkaar "
               "verwachten, wat we zelf bijdragen)."),
        "fr": ("Définisseur d'ambition", "pour formuler des objectifs et des résultats",
               "Dans le questionnaire : les attentes (ce que nous voulons atteindre, ce que nous "
               "attendons l'un de l'autre, ce que nous apportons)."),
        "en": ("Ambition setter", "to formulate goals and results",
               "In the questionnaire: the expectations (what we want to achieve, what we expect "
               "of each other, what we contribute)."),
        "es": ("Definidor de ambiciones", "para formular objetivos y resultados",
               "En el cuestionario: las expectativas (lo que queremos lograr, lo que esperamos "
               "el uno del otro, lo que aportamos)."),
    }),
    ("Stakeholderanalyse", "rounds", {
        "nl": ("Stakeholderanalyse", "om kernspelers en rollen te identificeren",
               "Bij het plannen van de ronde: wie neemt aan beide kanten deel, en wie is aan "
               "elke kant eigenaar van een risico?"),
        "fr": ("Analyse des parties prenantes", "pour identifier les acteurs clés et les rôles",
               "En planifiant le tour : qui participe des deux côtés, et qui est responsable "
               "de chaque risque de chaque côté ?"),
        "en": ("Stakeholder analysis", "to identify key players and roles",
               "When planning the round: who takes part on both sides, and who owns each risk "
               "on each side?"),
        "es": ("Análisis de actores", "para identificar a los actores clave y sus roles",
               "Al planificar la ronda: ¿quién participa en ambos lados y quién es responsable "
               "de cada riesgo en cada lado?"),
    }),
    ("Trajectontwerper", "link", {
        "nl": ("Trajectontwerper", "om een procesflow uit te tekenen",
               "Na het rapport: het vervolg uittekenen (voortzetten, heroriënteren of "
               "beëindigen) tot de volgende ronde."),
        "fr": ("Concepteur de trajet", "pour dessiner le déroulement du processus",
               "Après le rapport : dessiner la suite (poursuivre, réorienter ou mettre fin) "
               "jusqu'au prochain tour."),
        "en": ("Trajectory designer", "to draw a process flow",
               "After the report: draw the next steps (continue, reorient or end) up to the "
               "next round."),
        "es": ("Diseñador de trayectoria", "para dibujar el flujo del proceso",
               "Después del informe: dibujar la continuación (continuar, reorientar o terminar) "
               "hasta la próxima ronda."),
    }),
    ("Interventieontwerper", "rounds", {
        "nl": ("Interventieontwerper", "om specifieke bijeenkomsten te ontwerpen",
               "Het evaluatieoverleg waarin beide partners het rapport samen bespreken, en de "
               "evaluatiemissie."),
        "fr": ("Concepteur d'intervention", "pour concevoir des réunions spécifiques",
               "La réunion d'évaluation où les deux partenaires discutent ensemble du rapport, "
               "et la mission d'évaluation."),
        "en": ("Intervention designer", "to design specific meetings",
               "The evaluation meeting in which both partners discuss the report together, and "
               "the evaluation mission."),
        "es": ("Diseñador de intervenciones", "para diseñar reuniones específicas",
               "La reunión de evaluación en la que ambos socios discuten juntos el informe, y la "
               "misión de evaluación."),
    }),
)


def _french_typography() -> None:
    """French typography for the French texts (a narrow no-break space before ; : ! ?)."""
    global INSTRUMENTS
    from partnerkeuze.kernel.wording import typeset

    INSTRUMENTS = tuple((name, where, {**texts, "fr": typeset(texts["fr"], "fr")})
                        for name, where, texts in INSTRUMENTS)


_french_typography()


def instruments(lang: str) -> list[tuple[str, str, str]]:
    """(name, what for, where in a round) of each instrument in a language; a translated name
    keeps the Dutch one beside it, the name the partners learnt in the trajectory."""
    out = []
    for dutch, _sheet, texts in INSTRUMENTS:
        name, purpose, where = texts[lang]
        out.append((name if lang == "nl" else f"{name} ({dutch})", purpose, where))
    return out


def instrument_rows() -> list[list]:
    """The rows of the sheet Instrumenten (Dutch)."""
    from partnerkeuze import layout

    return [[name, purpose, where, layout.sheet(sheet).name]
            for (name, purpose, where), (_d, sheet, _t) in zip(instruments("nl"), INSTRUMENTS)]
