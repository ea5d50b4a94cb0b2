"""Default criteria sets for a stedenband call and for SDG partnerships, with their questions.

Stedenband: 000_063238b4784f833c.txt (municipal level, democratic participation asked indirectly,
second-phase considerations, countries where Flemish municipalities are active, existing
contacts) and 001_d0f352f891acadf4.txt (equal partners, reciprocity, process not project, broad
political support). SDG partnership: the expectations of 003_1457e92fe5a06ce4.txt section 3.9.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DefaultCriterion:
    """A criterion of a default set with its question in nl, fr, en and es."""

    id: str
    name: str
    description: str
    weight: float
    kind: str
    q_nl: str
    q_fr: str
    q_en: str
    q_es: str
    scale_min: float | None = None
    scale_max: float | None = None
    threshold: float | None = None

    def row(self) -> list:
        """The row of the Criteria table."""
        return [self.id, self.name, self.description, self.weight if self.kind == "Score" else None,
                self.scale_min, self.scale_max, self.kind, self.threshold,
                self.q_nl, self.q_fr, self.q_en, self.q_es] + self.names()

    def names(self) -> list:
        """The reviewed translations of the name (fr, en, es), for the Criteria table."""
        from partnerkeuze.kernel.languages import FOREIGN
        from partnerkeuze.kernel.wording import CRITERION_NAMES

        names = CRITERION_NAMES.get(self.name, {})
        return [_capital(names.get(lang)) for lang in FOREIGN]


def _capital(name: str | None) -> str | None:
    """A name as the first word of a cell: capital first letter."""
    return name[:1].upper() + name[1:] if name else None


STEDENBAND: tuple[DefaultCriterion, ...] = (
    DefaultCriterion(
        "KO1", "Gemeentelijk bestuursniveau",
        "De kandidaat is een lokaal bestuur (gemeente, district) met eigen bevoegdheden; de "
        "samenwerking ligt op gemeentelijk bestuursniveau, niet bij een ngo of vereniging.",
        0, "Knock-out",
        "Welke bevoegdheden heeft uw gemeentebestuur, en hoe worden de burgemeester en de "
        "gemeenteraad aangesteld of verkozen?",
        "Quelles sont les compétences de votre administration communale, et comment le maire et "
        "le conseil municipal sont-ils désignés ou élus ?",
        "What are the responsibilities of your local government, and how are the mayor and the "
        "council appointed or elected?",
        "¿Qué competencias tiene su gobierno municipal y cómo se designa o elige al alcalde y al "
        "concejo municipal?",
        scale_min=0, scale_max=1, threshold=1),
    DefaultCriterion(
        "C01", "Democratische participatie",
        "Hoe inwoners en verenigingen betrokken worden bij het beleid. Onrechtstreeks gevraagd: "
        "niet 'is het bestuur democratisch?', wel hoe er werk gemaakt wordt van participatie.",
        15, "Score",
        "Hoe betrekt uw gemeente inwoners, verenigingen en wijken bij beslissingen? Geef een "
        "recent voorbeeld van een beslissing waarover inwoners hun mening konden geven.",
        "Comment votre commune associe-t-elle les habitants, les associations et les quartiers "
        "aux décisions ? Donnez un exemple récent d'une décision sur laquelle les habitants ont "
        "pu donner leur avis.",
        "How does your municipality involve residents, associations and neighbourhoods in its "
        "decisions? Please give a recent example of a decision on which residents could give "
        "their views.",
        "¿Cómo involucra su municipio a los vecinos, las asociaciones y los barrios en sus "
        "decisiones? Dé un ejemplo reciente de una decisión sobre la que los vecinos pudieron "
        "opinar."),
    DefaultCriterion(
        "C02", "Beleidsmatige raakvlakken",
        "Voldoende raakvlakken op beleidsmatig vlak om kennis en expertise uit te wisselen "
        "(collega-tot-collega).",
        20, "Score",
        "Rond welke beleidsdomeinen zou u graag kennis en ervaring uitwisselen met een Vlaamse "
        "gemeente? Welke diensten van uw gemeente werken daar vandaag aan?",
        "Sur quels domaines politiques aimeriez-vous échanger des connaissances et de "
        "l'expérience avec une commune flamande ? Quels services de votre commune y travaillent "
        "aujourd'hui ?",
        "In which policy areas would you like to exchange knowledge and experience with a "
        "Flemish municipality? Which departments of your municipality work on them today?",
        "¿En qué ámbitos de política le gustaría intercambiar conocimientos y experiencia con un "
        "municipio flamenco? ¿Qué servicios de su municipio trabajan hoy en ellos?"),
    DefaultCriterion(
        "C03", "Draagvlak, enthousiasme en engagement",
        "Breed politiek en ambtelijk draagvlak bij de partnergemeente om een stedenband op te "
        "bouwen.",
        20, "Score",
        "Wie in uw gemeente (burgemeester, gemeenteraad, diensten, verenigingen) steunt deze "
        "kandidatuur, en hoe zou u de stedenband in uw gemeente organiseren?",
        "Qui, dans votre commune (maire, conseil municipal, services, associations), soutient "
        "cette candidature, et comment organiseriez-vous le jumelage dans votre commune ?",
        "Who in your municipality (mayor, council, departments, associations) supports this "
        "application, and how would you organise the partnership within your municipality?",
        "¿Quién en su municipio (alcalde, concejo, servicios, asociaciones) apoya esta "
        "candidatura y cómo organizaría el hermanamiento dentro de su municipio?"),
    DefaultCriterion(
        "C04", "Gelijkwaardigheid en wederkerigheid",
        "Beide partners leren van elkaar; de Noordelijke gemeente is geen donor maar een "
        "gelijkwaardige partner.",
        10, "Score",
        "Wat zou uw gemeente een Vlaamse gemeente kunnen leren? Geef een voorbeeld van een "
        "aanpak waar u trots op bent.",
        "Qu'est-ce que votre commune pourrait apprendre à une commune flamande ? Donnez un "
        "exemple d'une approche dont vous êtes fiers.",
        "What could your municipality teach a Flemish municipality? Please give an example of "
        "an approach you are proud of.",
        "¿Qué podría enseñar su municipio a un municipio flamenco? Dé un ejemplo de un enfoque "
        "del que estén orgullosos."),
    DefaultCriterion(
        "C05", "Juiste verwachtingen",
        "De kandidaat ziet de stedenband als een proces van lange duur, niet als een project of "
        "een financieringsbron voor zichtbare korte-termijnprojecten.",
        10, "Score",
        "Wat verwacht u over vijf jaar bereikt te hebben met deze samenwerking, en wat bent u "
        "zelf bereid daarvoor in te zetten?",
        "Qu'espérez-vous avoir accompli dans cinq ans grâce à cette coopération, et qu'êtes-vous "
        "prêts à y investir vous-mêmes ?",
        "What do you hope to have achieved through this cooperation in five years, and what are "
        "you prepared to invest in it yourselves?",
        "¿Qué espera haber logrado con esta cooperación dentro de cinco años y qué está "
        "dispuesto a aportar usted mismo?"),
    DefaultCriterion(
        "C06", "Praktische haalbaarheid",
        "Afstand en bereikbaarheid, communicatiemiddelen (internet, telefoon), vaste "
        "contactpersonen en een gemeenschappelijke werktaal.",
        10, "Score",
        "Hoe kunnen we vlot met u communiceren (e-mail, videogesprek, telefoon), wie zou de "
        "vaste contactpersoon zijn, en in welke taal werkt u het liefst?",
        "Comment pouvons-nous communiquer facilement avec vous (courriel, visioconférence, "
        "téléphone), qui serait la personne de contact, et dans quelle langue préférez-vous "
        "travailler ?",
        "How can we communicate with you easily (e-mail, video call, telephone), who would be "
        "the regular contact person, and in which language do you prefer to work?",
        "¿Cómo podemos comunicarnos con ustedes con facilidad (correo, videollamada, teléfono), "
        "quién sería la persona de contacto y en qué idioma prefieren trabajar?"),
    DefaultCriterion(
        "C07", "Land waar Vlaamse gemeenten actief zijn",
        "De VVSG raadt aan eerst te kijken naar landen waar al Vlaamse gemeenten actief zijn, "
        "voor synergie en samenwerking.",
        10, "Score",
        "Werkt uw gemeente of uw regio al samen met Belgische of Europese gemeenten of "
        "organisaties? Zo ja, met wie en rond welk thema?",
        "Votre commune ou votre région coopère-t-elle déjà avec des communes ou des "
        "organisations belges ou européennes ? Si oui, avec qui et sur quel thème ?",
        "Does your municipality or region already cooperate with Belgian or European "
        "municipalities or organisations? If so, with whom and on which theme?",
        "¿Su municipio o su región ya coopera con municipios u organizaciones belgas o "
        "europeas? En caso afirmativo, ¿con quién y sobre qué tema?"),
    DefaultCriterion(
        "C08", "Bestaande contacten",
        "Bestaande contacten via inwoners, de GROS, ngo's of mandatarissen kunnen een basis zijn, "
        "mits getoetst aan de formele criteria.",
        5, "Score",
        "Kent u al inwoners, verenigingen of organisaties uit onze gemeente? Hoe bent u bij "
        "deze oproep terechtgekomen?",
        "Connaissez-vous déjà des habitants, des associations ou des organisations de notre "
        "commune ? Comment avez-vous pris connaissance de cet appel ?",
        "Do you already know residents, associations or organisations from our municipality? "
        "How did you hear about this call?",
        "¿Conoce ya a vecinos, asociaciones u organizaciones de nuestro municipio? ¿Cómo se "
        "enteró de esta convocatoria?"),
)

SDG: tuple[DefaultCriterion, ...] = (
    DefaultCriterion(
        "S01", "Motivatie voor gelijkwaardige uitwisseling",
        "Motivatie om op een gelijkwaardige basis uit te wisselen met een partner rond de "
        "sterktes en uitdagingen van de eigen werking rond het thema.",
        20, "Score",
        "Waarom wil uw gemeente deelnemen, en welke sterktes en uitdagingen van uw eigen werking "
        "rond het thema wilt u delen met uw partner?",
        "Pourquoi votre commune souhaite-t-elle participer, et quels points forts et défis de "
        "votre propre action sur le thème souhaitez-vous partager avec votre partenaire ?",
        "Why does your municipality want to take part, and which strengths and challenges of "
        "your own work on the theme would you share with your partner?",
        "¿Por qué quiere participar su municipio y qué fortalezas y desafíos de su propio "
        "trabajo sobre el tema compartiría con su socio?"),
    DefaultCriterion(
        "S02", "Openheid om te leren",
        "Openheid om te leren van de inbreng van de partnergemeente rond het thema.",
        15, "Score",
        "Wat hoopt u te leren van de aanpak van uw partnergemeente? Geef een vraag waarop u "
        "zelf nog geen antwoord hebt.",
        "Qu'espérez-vous apprendre de l'approche de votre commune partenaire ? Citez une "
        "question à laquelle vous n'avez pas encore de réponse.",
        "What do you hope to learn from your partner municipality's approach? Name a question "
        "you have not yet answered yourselves.",
        "¿Qué espera aprender del enfoque de su municipio socio? Mencione una pregunta a la que "
        "todavía no tengan respuesta."),
    DefaultCriterion(
        "S03", "Brede betrokkenheid",
        "Betrokkenheid op ambtelijk en politiek niveau, en de motivatie om andere actoren te "
        "betrekken (middenveld, scholen, bedrijven).",
        20, "Score",
        "Wie wordt betrokken bij het partnerschap: welke diensten, welke mandatarissen en welke "
        "actoren buiten het bestuur (middenveld, scholen, bedrijven)?",
        "Qui sera associé au partenariat : quels services, quels élus et quels acteurs hors de "
        "l'administration (société civile, écoles, entreprises) ?",
        "Who will be involved in the partnership: which departments, which elected officials "
        "and which actors outside the administration (civil society, schools, businesses)?",
        "¿Quién participará en la asociación: qué servicios, qué cargos electos y qué actores "
        "fuera de la administración (sociedad civil, escuelas, empresas)?"),
    DefaultCriterion(
        "S04", "Digitale uitwisseling",
        "Deelname aan digitale omkaderingssessies van de VVSG (minstens 3 per jaar) en actieve "
        "digitale uitwisseling met de partner.",
        10, "Score",
        "Hoe verzekert u de deelname aan minstens drie digitale sessies per jaar, en hoe houdt u "
        "tussendoor contact met uw partner?",
        "Comment assurerez-vous la participation à au moins trois sessions numériques par an, et "
        "comment resterez-vous en contact avec votre partenaire entre-temps ?",
        "How will you ensure participation in at least three online sessions a year, and how "
        "will you keep in touch with your partner in between?",
        "¿Cómo garantizará la participación en al menos tres sesiones digitales al año y cómo "
        "mantendrá el contacto con su socio entre tanto?"),
    DefaultCriterion(
        "S05", "Werkbezoeken heen en terug",
        "Bereidheid om met een beperkte delegatie minstens één werkbezoek te brengen aan de "
        "partnergemeente en minstens één keer een delegatie te ontvangen.",
        15, "Score",
        "Wie zou deel uitmaken van de delegatie voor een werkbezoek, en hoe zou u een bezoek van "
        "uw partner aan uw gemeente organiseren?",
        "Qui ferait partie de la délégation lors d'une visite de travail, et comment "
        "organiseriez-vous la visite de votre partenaire dans votre commune ?",
        "Who would be part of the delegation on a work visit, and how would you organise a "
        "visit of your partner to your municipality?",
        "¿Quién formaría parte de la delegación en una visita de trabajo y cómo organizaría la "
        "visita de su socio a su municipio?"),
    DefaultCriterion(
        "S06", "Tijdsinvestering",
        "Tijd voor het experiment: minstens 5 vaste vergadermomenten (halve dag) in twee jaar en "
        "één werkbezoek van ongeveer een week per jaar.",
        10, "Score",
        "Hoeveel tijd kunnen de betrokken medewerkers vrijmaken voor het partnerschap, en wie "
        "neemt de coördinatie op?",
        "Combien de temps les agents concernés peuvent-ils consacrer au partenariat, et qui en "
        "assure la coordination ?",
        "How much time can the staff involved set aside for the partnership, and who will "
        "coordinate it?",
        "¿Cuánto tiempo puede dedicar el personal implicado a la asociación y quién se encarga "
        "de la coordinación?"),
    DefaultCriterion(
        "S07", "Feedback aan de VVSG",
        "Bereidheid om feedback te geven om het concept van de SDG-partnerschappen bij te "
        "sturen en te verbeteren.",
        5, "Score",
        "Hoe wilt u uw ervaringen delen met de VVSG en met de andere deelnemende gemeenten?",
        "Comment souhaitez-vous partager votre expérience avec l'association et avec les autres "
        "communes participantes ?",
        "How would you share your experience with the association and with the other "
        "participating municipalities?",
        "¿Cómo compartiría su experiencia con la asociación y con los demás municipios "
        "participantes?"),
    DefaultCriterion(
        "S08", "Geen actieve stedenband (pluspunt)",
        "Het is een pluspunt om op heden geen actieve stedenband met een partnergemeente uit het "
        "globale Zuiden te hebben.",
        5, "Score",
        "Heeft uw gemeente vandaag een actieve stedenband met een gemeente in het globale "
        "Zuiden? Zo ja, met welke gemeente?",
        "Votre commune a-t-elle aujourd'hui un jumelage actif avec une commune du Sud global ? "
        "Si oui, laquelle ?",
        "Does your municipality currently have an active partnership with a municipality in the "
        "global South? If so, which one?",
        "¿Tiene hoy su municipio un hermanamiento activo con un municipio del Sur global? En "
        "caso afirmativo, ¿con cuál?"),
)


def default_criteria(mode: str) -> tuple[DefaultCriterion, ...]:
    """The default criteria of a mode ('stedenband' or 'sdg')."""
    return SDG if mode == "sdg" else STEDENBAND
