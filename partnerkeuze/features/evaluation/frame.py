"""The default frame of a link evaluation: evaluation questions from the seven lessons of the
renewal trajectory (002_f154211db8bd0241.txt) and the principles of a city link
(001_d0f352f891acadf4.txt), and the risks the trajectory met, proposed as the risk register."""

from __future__ import annotations

# (id, source, lesson or principle, question nl, fr, en, es)
QUESTIONS: tuple[tuple[str, str, str, str, str, str, str], ...] = (
    ("L1", "les", "Maak mentale foto's",
     "We staan samen stil bij waar onze relatie nu staat en naar welke verandering we toe werken.",
     "Nous prenons le temps de voir ensemble où en est notre relation et vers quel changement "
     "nous allons.",
     "Together we take stock of where our relationship stands and what change we work towards.",
     "Juntos nos detenemos a ver dónde está nuestra relación y hacia qué cambio trabajamos."),
    ("L2", "les", "Durf bijsturen",
     "Als iets niet werkt, sturen we samen bij, als mede-eigenaars van de samenwerking.",
     "Quand quelque chose ne marche pas, nous ajustons ensemble, en copropriétaires de la "
     "coopération.",
     "When something does not work, we adjust together, as co-owners of the cooperation.",
     "Cuando algo no funciona, corregimos juntos, como copropietarios de la cooperación."),
    ("L3", "les", "Spreek dezelfde taal",
     "We hebben een gemeenschappelijk begrip van participatie en van onze doelen.",
     "Nous avons une compréhension commune de la participation et de nos objectifs.",
     "We share an understanding of participation and of our goals.",
     "Tenemos una comprensión común de la participación y de nuestros objetivos."),
    ("L4", "les", "Betrokkenheid is key",
     "Een kerngroep met een duidelijk mandaat van de gemeente draagt de samenwerking, aan beide "
     "kanten.",
     "Un groupe central avec un mandat clair de la commune porte la coopération, des deux côtés.",
     "A core group with a clear mandate from the municipality carries the cooperation, on both "
     "sides.",
     "Un grupo núcleo con un mandato claro del municipio sostiene la cooperación, en ambos lados."),
    ("L5", "les", "Je kan niet alles online",
     "Er is een goede balans tussen online en fysieke ontmoetingen, zodat we elkaars context "
     "begrijpen.",
     "Il y a un bon équilibre entre rencontres en ligne et physiques, pour comprendre le contexte "
     "de l'autre.",
     "There is a good balance between online and physical meetings, so that we understand each "
     "other's context.",
     "Hay un buen equilibrio entre encuentros en línea y presenciales, para entender el contexto "
     "del otro."),
    ("L6", "les", "Vergroot je draagvlak",
     "De samenwerking is ingebed in de gemeentelijke werking en breed gekend bij collega's en "
     "inwoners.",
     "La coopération est ancrée dans le fonctionnement communal et largement connue des "
     "collègues et des habitants.",
     "The cooperation is embedded in the municipality's work and widely known among colleagues "
     "and residents.",
     "La cooperación está integrada en el trabajo municipal y es ampliamente conocida por "
     "colegas y habitantes."),
    ("L7", "les", "Een internationaal kader",
     "De SDG's zijn ons gemeenschappelijk kader en onze gemeenschappelijke taal.",
     "Les ODD sont notre cadre commun et notre langage commun.",
     "The SDGs are our common framework and our common language.",
     "Los ODS son nuestro marco común y nuestro lenguaje común."),
    ("P1", "principe", "Gelijkwaardige partners",
     "We handelen als gelijkwaardige partners, ongeacht onze financiële slagkracht, voorbij de "
     "relatie van donor en ontvanger.",
     "Nous agissons en partenaires égaux, quels que soient nos moyens financiers, au-delà de la "
     "relation donateur-bénéficiaire.",
     "We act as equal partners, whatever our financial means, beyond a donor-recipient "
     "relationship.",
     "Actuamos como socios iguales, sin importar nuestros recursos financieros, más allá de la "
     "relación donante-receptor."),
    ("P2", "principe", "Wederkerigheid",
     "Beide besturen leren van de samenwerking: het is een win-winsituatie.",
     "Les deux administrations apprennent de la coopération : c'est une situation gagnant-gagnant.",
     "Both local governments learn from the cooperation: it is a win-win situation.",
     "Ambos gobiernos locales aprenden de la cooperación: es una situación en la que ambos ganan."),
    ("P3", "principe", "Een proces, geen project",
     "We steunen lokale processen op lange termijn eerder dan kortlopende, zichtbare projecten.",
     "Nous soutenons des processus locaux à long terme plutôt que des projets courts et visibles.",
     "We support local processes in the long run rather than short, visible projects.",
     "Apoyamos procesos locales a largo plazo más que proyectos cortos y visibles."),
    ("P4", "principe", "Breed politiek draagvlak",
     "De stedenband wordt politiek breed gedragen, over partijgrenzen, meerderheid en oppositie "
     "heen.",
     "Le jumelage a un large soutien politique, au-delà des partis, de la majorité et de "
     "l'opposition.",
     "The link has broad political support, across parties, majority and opposition.",
     "El hermanamiento tiene un amplio apoyo político, más allá de partidos, mayoría y oposición."),
    ("P5", "principe", "Open communicatie",
     "We communiceren open en transparant en leggen wederzijds verantwoording af.",
     "Nous communiquons de façon ouverte et transparente et nous rendons compte mutuellement.",
     "We communicate openly and transparently and are accountable to each other.",
     "Nos comunicamos de manera abierta y transparente y rendimos cuentas mutuamente."),
)

# The default owners of a risk, one on each side (a name or a function replaces them), in every
# language the report is written in.
OWNERS: dict[str, dict[str, str]] = {
    "Vlaanderen": {"nl": "coördinator internationale samenwerking",
                   "fr": "coordinateur de la coopération internationale",
                   "en": "international cooperation coordinator",
                   "es": "coordinador de cooperación internacional"},
    "partner": {"nl": "contactpersoon van de partner", "fr": "personne de contact du partenaire",
                "en": "the partner's contact person", "es": "persona de contacto del socio"},
}

# (id, {language: (risk, trigger, response)}): the risks the trajectory met and named, with the
# signal that announces each and the answer, in nl, fr, en and es.
RISKS: tuple[tuple[str, dict[str, tuple[str, str, str]]], ...] = (
    ("R1", {
        "nl": ("Wisselende politieke situaties creëren andere mandaten (legislaturen die niet "
               "samenvallen).",
               "Verkiezingen of een nieuwe coalitie in Vlaanderen of bij de partner.",
               "Breed politiek draagvlak over de partijgrenzen; de stedenband voorstellen aan het "
               "nieuwe bestuur; terugvallen op de clausule van de overeenkomst."),
        "fr": ("Des situations politiques changeantes créent d'autres mandats (des législatures "
               "qui ne coïncident pas).",
               "Des élections ou une nouvelle coalition en Flandre ou chez le partenaire.",
               "Un large soutien politique au-delà des partis ; présenter le jumelage à la "
               "nouvelle administration ; s'appuyer sur la clause de l'accord."),
        "en": ("Changing political situations create other mandates (terms of office that do "
               "not coincide).",
               "Elections or a new coalition in Flanders or at the partner.",
               "Broad political support across parties; present the link to the new "
               "administration; fall back on the clause of the agreement."),
        "es": ("Las situaciones políticas cambiantes crean otros mandatos (legislaturas que no "
               "coinciden).",
               "Elecciones o una nueva coalición en Flandes o en el municipio socio.",
               "Amplio respaldo político más allá de los partidos; presentar el hermanamiento al "
               "nuevo gobierno; recurrir a la cláusula del acuerdo."),
    }),
    ("R2", {
        "nl": ("Wisselend personeel veroorzaakt verlies van engagement en kennis over de "
               "samenwerking.",
               "Vertrek van een stedenbandcoördinator of van een sleutelfiguur.",
               "Kennis vastleggen en overdragen; een tweede contactpersoon aan beide kanten."),
        "fr": ("La rotation du personnel entraîne une perte d'engagement et de connaissances sur "
               "la coopération.",
               "Le départ d'un coordinateur du jumelage ou d'une personne clé.",
               "Consigner et transmettre les connaissances ; une deuxième personne de contact des "
               "deux côtés."),
        "en": ("Staff turnover causes a loss of commitment and of knowledge about the "
               "cooperation.",
               "A link coordinator or a key person leaves.",
               "Record and hand over knowledge; a second contact person on both sides."),
        "es": ("La rotación de personal provoca una pérdida de compromiso y de conocimiento "
               "sobre la cooperación.",
               "La salida de un coordinador del hermanamiento o de una persona clave.",
               "Registrar y transmitir el conocimiento; una segunda persona de contacto en ambos "
               "lados."),
    }),
    ("R3", {
        "nl": ("Een kerngroep zonder duidelijk mandaat valt weg.",
               "De kerngroep komt niet meer samen of haar mandaat is onduidelijk.",
               "Het mandaat van de kerngroep laten vastleggen door het bestuur."),
        "fr": ("Un groupe central sans mandat clair disparaît.",
               "Le groupe central ne se réunit plus ou son mandat n'est pas clair.",
               "Faire fixer le mandat du groupe central par l'administration."),
        "en": ("A core group without a clear mandate falls away.",
               "The core group no longer meets or its mandate is unclear.",
               "Have the administration lay down the core group's mandate."),
        "es": ("Un grupo núcleo sin mandato claro desaparece.",
               "El grupo núcleo ya no se reúne o su mandato no está claro.",
               "Hacer que el gobierno local fije el mandato del grupo núcleo."),
    }),
    ("R4", {
        "nl": ("Onuitgesproken verwachtingen (bijvoorbeeld de samenwerking als toegangspoort tot "
               "Europese subsidies en connecties).",
               "Een verwachting komt pas laat aan het licht.",
               "Wederzijdse verwachtingen regelmatig uitspreken en vastleggen in de "
               "overeenkomst."),
        "fr": ("Des attentes non exprimées (par exemple la coopération comme porte d'accès aux "
               "subventions et contacts européens).",
               "Une attente n'apparaît que tardivement.",
               "Exprimer régulièrement les attentes mutuelles et les inscrire dans l'accord."),
        "en": ("Unspoken expectations (for instance the cooperation as a gateway to European "
               "subsidies and connections).",
               "An expectation only comes to light late.",
               "Voice mutual expectations regularly and lay them down in the agreement."),
        "es": ("Expectativas no expresadas (por ejemplo, la cooperación como puerta de acceso a "
               "subvenciones y contactos europeos).",
               "Una expectativa sale a la luz tarde.",
               "Expresar regularmente las expectativas mutuas y recogerlas en el acuerdo."),
    }),
    ("R5", {
        "nl": ("Geen vast werkingsbudget: de samenwerking hangt af van de subsidies van het "
               "moment.",
               "Een subsidie of programma loopt af zonder eigen budget.",
               "Een vast werkingsbudget voor de stedenband in de meerjarenplanning."),
        "fr": ("Pas de budget de fonctionnement fixe : la coopération dépend des subventions du "
               "moment.",
               "Une subvention ou un programme prend fin sans budget propre.",
               "Un budget de fonctionnement fixe pour le jumelage dans la planification "
               "pluriannuelle."),
        "en": ("No fixed operating budget: the cooperation depends on the subsidies of the "
               "moment.",
               "A subsidy or programme ends without an own budget.",
               "A fixed operating budget for the link in the multi-year plan."),
        "es": ("Sin presupuesto operativo fijo: la cooperación depende de las subvenciones del "
               "momento.",
               "Una subvención o un programa termina sin presupuesto propio.",
               "Un presupuesto operativo fijo para el hermanamiento en la planificación "
               "plurianual."),
    }),
    ("R6", {
        "nl": ("Fysieke ontmoetingen worden onmogelijk (zoals tijdens de coronapandemie).",
               "Reisbeperkingen of een werkbezoek dat niet kan doorgaan.",
               "Digitale dialogen met tolken en een goede voorbereiding; werkbezoeken later "
               "inhalen."),
        "fr": ("Les rencontres physiques deviennent impossibles (comme pendant la pandémie de "
               "coronavirus).",
               "Des restrictions de voyage ou une visite de travail qui ne peut pas avoir lieu.",
               "Des dialogues numériques avec interprètes et une bonne préparation ; rattraper "
               "les visites de travail plus tard."),
        "en": ("Physical meetings become impossible (as during the coronavirus pandemic).",
               "Travel restrictions or a work visit that cannot take place.",
               "Digital dialogues with interpreters and good preparation; make up work visits "
               "later."),
        "es": ("Los encuentros presenciales se vuelven imposibles (como durante la pandemia de "
               "coronavirus).",
               "Restricciones de viaje o una visita de trabajo que no puede realizarse.",
               "Diálogos digitales con intérpretes y una buena preparación; recuperar las "
               "visitas de trabajo más tarde."),
    }),
    ("R7", {
        "nl": ("De partners zitten niet meer op dezelfde golflengte.",
               "Een van de partners twijfelt over de verderzetting van de stedenband.",
               "Het snel uitspreken en terugvallen op de exitclausule (exitstrategie)."),
        "fr": ("Les partenaires ne sont plus sur la même longueur d'onde.",
               "L'un des partenaires doute de la poursuite du jumelage.",
               "Le dire rapidement et s'appuyer sur la clause de sortie (stratégie de sortie)."),
        "en": ("The partners are no longer on the same wavelength.",
               "One of the partners doubts whether to continue the link.",
               "Say so quickly and fall back on the exit clause (exit strategy)."),
        "es": ("Los socios ya no están en la misma sintonía.",
               "Uno de los socios duda sobre la continuación del hermanamiento.",
               "Decirlo pronto y recurrir a la cláusula de salida (estrategia de salida)."),
    }),
)

# (id, risk id, {language: trigger}): exit triggers an agreement usually holds ("Besturen
# veranderen"; "zonder werkingsbudget", 002), proposed until the partners write their own.
EXIT_TRIGGERS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("E1", "R7", {
        "nl": "Een van beide besturen beslist de samenwerking niet verder te zetten.",
        "fr": "L'une des deux administrations décide de ne pas poursuivre la coopération.",
        "en": "One of the two local governments decides not to continue the cooperation.",
        "es": "Uno de los dos gobiernos locales decide no continuar la cooperación."}),
    ("E2", "R5", {
        "nl": "Twee jaar lang geen werkingsbudget voor de stedenband.",
        "fr": "Deux ans sans budget de fonctionnement pour le jumelage.",
        "en": "Two years without an operating budget for the link.",
        "es": "Dos años sin presupuesto operativo para el hermanamiento."}),
)


def _french_typography() -> None:
    """French typography for the French texts of the frame (a narrow no-break space before
    ; : ! ?), applied once here, before they are written into a workbook or the report."""
    global QUESTIONS, RISKS, EXIT_TRIGGERS
    from partnerkeuze.kernel.wording import typeset

    QUESTIONS = tuple(q[:4] + (typeset(q[4], "fr"),) + q[5:] for q in QUESTIONS)

    RISKS = tuple((rid, {**texts, "fr": typeset(texts["fr"], "fr")}) for rid, texts in RISKS)
    EXIT_TRIGGERS = tuple((eid, rid, {**texts, "fr": typeset(texts["fr"], "fr")})
                          for eid, rid, texts in EXIT_TRIGGERS)
    for texts in OWNERS.values():
        texts["fr"] = typeset(texts["fr"], "fr")


_french_typography()


def _catalogue() -> dict[str, dict[str, str]]:
    """Every text the frame supplies, by its Dutch wording: {dutch: {language: text}}."""
    out: dict[str, dict[str, str]] = {}
    for _, texts in RISKS:
        for k in range(3):
            out[texts["nl"][k]] = {lang: texts[lang][k] for lang in texts}
    for _, _, texts in EXIT_TRIGGERS:
        out[texts["nl"]] = dict(texts)
    for texts in OWNERS.values():
        out[texts["nl"]] = dict(texts)
    return out


CATALOGUE = _catalogue()


def product_text(dutch, lang: str) -> str | None:
    """A text the product supplies (a default risk, signal, answer, owner or exit trigger) in a
    language, found by its Dutch wording; None for a text the partners wrote themselves."""
    return CATALOGUE.get(str(dutch or "").strip(), {}).get(lang)


def question_rows() -> list[list]:
    """The Evaluatievragen rows of the default frame."""
    return [list(q) for q in QUESTIONS]


def risk_rows() -> list[list]:
    """The Risico's rows of the default register: an owner on each side, likelihood and impact
    left empty (not yet assessed), the translations supplied by the product."""
    from partnerkeuze import layout

    keys = [c.key for c in layout.table("risks").columns]
    rows = []
    for rid, texts in RISKS:
        risk, trigger, response = texts["nl"]
        values = {"id": rid, "risk": risk, "owner_flemish": OWNERS["Vlaanderen"]["nl"],
                  "owner_partner": OWNERS["partner"]["nl"], "trigger": trigger,
                  "response": response}
        rows.append([values.get(k) for k in keys])
    return rows


def exit_rows() -> list[list]:
    """The Exitclausule rows of the default frame (none occurred)."""
    from partnerkeuze import layout

    keys = [c.key for c in layout.table("exit_triggers").columns]
    return [[{"id": eid, "trigger": texts["nl"], "risk": rid, "occurred": "nee"}.get(k)
             for k in keys] for eid, rid, texts in EXIT_TRIGGERS]


def fill_defaults(tables: dict, fields: dict) -> None:
    """Default content of a new evaluation workbook: the six instruments, the questions, the
    risk register and the exit triggers."""
    from partnerkeuze.features.evaluation.instruments import instrument_rows

    tables["instruments"] = instrument_rows()
    tables["questions"] = question_rows()
    tables["risks"] = risk_rows()
    tables["exit_triggers"] = exit_rows()
