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

OWNER = "coördinator internationale samenwerking"

# (id, risk, trigger, response): the risks the trajectory met and named.
RISKS: tuple[tuple[str, str, str, str], ...] = (
    ("R1", "Wisselende politieke situaties creëren andere mandaten (legislaturen die niet "
           "samenvallen).",
     "Verkiezingen of een nieuwe coalitie in Vlaanderen of bij de partner.",
     "Breed politiek draagvlak over de partijgrenzen; de stedenband voorstellen aan het nieuwe "
     "bestuur; terugvallen op de clausule van de overeenkomst."),
    ("R2", "Wisselend personeel veroorzaakt verlies van engagement en kennis over de "
           "samenwerking.",
     "Vertrek van een stedenbandcoördinator of van een sleutelfiguur.",
     "Kennis vastleggen en overdragen; een tweede contactpersoon aan beide kanten."),
    ("R3", "Een kerngroep zonder duidelijk mandaat valt weg.",
     "De kerngroep komt niet meer samen of haar mandaat is onduidelijk.",
     "Het mandaat van de kerngroep laten vastleggen door het bestuur."),
    ("R4", "Onuitgesproken verwachtingen (bijvoorbeeld de samenwerking als toegangspoort tot "
           "Europese subsidies en connecties).",
     "Een verwachting komt pas laat aan het licht.",
     "Wederzijdse verwachtingen regelmatig uitspreken en vastleggen in de overeenkomst."),
    ("R5", "Geen vast werkingsbudget: de samenwerking hangt af van de subsidies van het moment.",
     "Een subsidie of programma loopt af zonder eigen budget.",
     "Een vast werkingsbudget voor de stedenband in de meerjarenplanning."),
    ("R6", "Fysieke ontmoetingen worden onmogelijk (zoals tijdens de coronapandemie).",
     "Reisbeperkingen of een werkbezoek dat niet kan doorgaan.",
     "Digitale dialogen met tolken en een goede voorbereiding; werkbezoeken later inhalen."),
    ("R7", "De partners zitten niet meer op dezelfde golflengte.",
     "Een van de partners twijfelt over de verderzetting van de stedenband.",
     "Het snel uitspreken en terugvallen op de exitclausule (exitstrategie)."),
)


def question_rows() -> list[list]:
    """The Evaluatievragen rows of the default frame."""
    return [list(q) for q in QUESTIONS]


def risk_rows() -> list[list]:
    """The Risico's rows of the default register (likelihood and impact to be estimated: 3)."""
    return [[rid, risk, None, 3, 3, OWNER, trigger, response]
            for rid, risk, trigger, response in RISKS]


def fill_defaults(tables: dict, fields: dict) -> None:
    """Default content of a new evaluation workbook: the questions and the risk register."""
    tables["questions"] = question_rows()
    tables["risks"] = risk_rows()
