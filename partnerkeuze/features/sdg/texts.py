"""The wording of the SDG documents in Dutch, French and English (tags filled by the renderer).

Expectations: 003_1457e92fe5a06ce4.txt section 3.9; working principles and the exit clause: the
lessons of 002_f154211db8bd0241.txt (involvement is key, not everything online, broaden support,
speak the same language, evaluate regularly, an exit strategy from the start).
"""

from __future__ import annotations

COUNTRY_NAMES = {
    "nl": {"Benin": "Benin", "Rwanda": "Rwanda", "België": "België"},
    "fr": {"Benin": "Bénin", "Rwanda": "Rwanda", "België": "Belgique"},
    "en": {"Benin": "Benin", "Rwanda": "Rwanda", "België": "Belgium"},
}

COUNTRY_THEME = {
    "nl": {"Rwanda": "burgerparticipatie", "Benin": "welvaart (SDG 7 tot 11)"},
    "fr": {"Rwanda": "la participation citoyenne", "Benin": "la prospérité (ODD 7 à 11)"},
    "en": {"Rwanda": "citizen participation", "Benin": "prosperity (SDGs 7 to 11)"},
}

LETTER = {
    # Dutch: to the Flemish municipality; French and English: to the Southern partner.
    "nl": {
        "title": "SDG-partnerschap: uw partnergemeente",
        "subject": "**Betreft: uw SDG-partnerschap met {{ southern_name }} ({{ southern_country }})**",
        "dear": "{{ salutation }}",
        "news": "Met plezier laten wij u weten dat {{ flemish_name }} gekoppeld is aan "
                "**{{ southern_name }}** in {{ southern_country }} voor een SDG-partnerschap rond "
                "{{ country_theme }}. {{ sender }} en {{ association }} hebben de koppeling gemaakt "
                "op basis van de thematische interesses van beide gemeenten.",
        "themes_intro": "U deelt deze thema's (uw prioriteit / die van uw partner, van 1 tot 3):",
        "theme_item": "{{ t.name }} (SDG {{ t.sdgs }}): {{ t.own }} / {{ t.other }}",
        "fit": "De thematische fit van dit partnerschap is {{ fit|number(1) }} op 100.",
        "programme": "Het partnerschap loopt van {{ start }} tot {{ end }}, met een budget van "
                     "{{ budget_total|number(0) }} EUR dat gelijk verdeeld wordt: "
                     "{{ budget_share|number(0) }} EUR voor elke partner, vooral voor uitwisseling. "
                     "We rekenen op minstens {{ sessions }} digitale sessies per jaar, één "
                     "werkbezoek in elke richting en {{ meetings }} vaste vergadermomenten.",
        "visits": "De partnerschappen in {{ southern_country }} bezoeken elkaar in dezelfde "
                  "periode: uw werkbezoek aan {{ southern_name }} van {{ visit_ns_from }} tot "
                  "{{ visit_ns_to }}, het bezoek van uw partner in Vlaanderen van "
                  "{{ visit_sn_from }} tot {{ visit_sn_to }}, telkens met gezamenlijk overleg "
                  "van de koepels.",
        "next": "Wij nemen binnenkort contact op voor een eerste digitale kennismaking. De "
                "partnerschapsovereenkomst vindt u als ontwerp in bijlage.",
        "closing": "Met vriendelijke groeten,",
        "sign_role": "{{ coordinator_role }}, {{ sender }}",
    },
    "fr": {
        "title": "Partenariat ODD : votre commune partenaire",
        "subject": "**Objet : votre partenariat ODD avec {{ flemish_name }} (Belgique)**",
        "dear": "{{ salutation }}",
        "news": "Nous avons le plaisir de vous annoncer {{ southern_name|elide('que') }} est "
                "associée à "
                "la commune flamande de **{{ flemish_name }}** (Belgique) pour un partenariat ODD "
                "sur {{ country_theme }}. Ce lien a été établi par {{ sender|the }} et "
                "{{ association|the }} sur la base des intérêts thématiques des deux communes.",
        "themes_intro": "Vous partagez ces thèmes (votre priorité / celle de votre partenaire, de 1 "
                        "à 3) :",
        "theme_item": "{{ t.name }} (ODD {{ t.sdgs }}) : {{ t.own }} / {{ t.other }}",
        "fit": "L'adéquation thématique de ce partenariat est de {{ fit|number(1) }} sur 100.",
        "programme": "Le partenariat se déroule du {{ start }} au {{ end }}, avec un budget de "
                     "{{ budget_total|number(0) }} EUR réparti à parts égales : "
                     "{{ budget_share|number(0) }} EUR pour chaque partenaire, surtout pour "
                     "l'échange. Nous comptons sur au moins {{ sessions }} sessions numériques par "
                     "an, une visite de travail dans chaque sens et {{ meetings }} réunions fixes.",
        "visits": "Les partenariats au {{ southern_country }} organisent leurs visites à la même "
                  "période : la délégation {{ flemish_name|elide('de') }} vous rend visite du "
                  "{{ visit_ns_from }} au {{ visit_ns_to }} et votre délégation se rend en Flandre "
                  "du {{ visit_sn_from }} au {{ visit_sn_to }}, chaque fois avec une concertation "
                  "commune des associations.",
        "next": "Nous vous contacterons prochainement pour une première rencontre en ligne. Vous "
                "trouverez en annexe le projet de convention de partenariat.",
        "closing": "Veuillez agréer, {{ closing_address }}, nos salutations distinguées.",
        "sign_role": "{{ coordinator_role }}, {{ sender }}",
    },
    "en": {
        "title": "SDG partnership: your partner municipality",
        "subject": "**Subject: your SDG partnership with {{ flemish_name }} (Belgium)**",
        "dear": "{{ salutation }}",
        "news": "We are pleased to inform you that {{ southern_name }} has been matched with the "
                "Flemish municipality of **{{ flemish_name }}** (Belgium) for an SDG partnership "
                "on {{ country_theme }}. {{ sender }} and {{ association }} made this match on "
                "the basis of the thematic interests of both municipalities.",
        "themes_intro": "You share these themes (your priority / your partner's, from 1 to 3):",
        "theme_item": "{{ t.name }} (SDG {{ t.sdgs }}): {{ t.own }} / {{ t.other }}",
        "fit": "The thematic fit of this partnership is {{ fit|number(1) }} out of 100.",
        "programme": "The partnership runs from {{ start }} to {{ end }}, with a budget of "
                     "{{ budget_total|number(0) }} EUR shared equally: "
                     "{{ budget_share|number(0) }} EUR for each partner, mainly for exchange. We "
                     "count on at least {{ sessions }} online sessions a year, one work visit in "
                     "each direction and {{ meetings }} fixed meetings.",
        "visits": "The partnerships in {{ southern_country }} visit each other in the same "
                  "period: the delegation of {{ flemish_name }} visits you from "
                  "{{ visit_ns_from }} to {{ visit_ns_to }} and your delegation visits Flanders "
                  "from {{ visit_sn_from }} to {{ visit_sn_to }}, each time with a joint meeting "
                  "of the associations.",
        "next": "We will contact you shortly for a first online meeting. The draft partnership "
                "agreement is attached.",
        "closing": "Yours sincerely,",
        "sign_role": "{{ coordinator_role }}, {{ sender }}",
    },
}

# What each partner commits to (003, section 3.9), said of both partners alike.
EXPECTATIONS = {
    "nl": (
        "Gelijkwaardig uitwisselen over de sterktes en uitdagingen van de eigen werking rond het thema.",
        "Openheid om te leren van de inbreng van de partner.",
        "Brede betrokkenheid op ambtelijk en politiek niveau, en andere actoren betrekken "
        "(middenveld, scholen, bedrijven).",
        "Deelname aan minstens {{ sessions }} digitale omkaderingssessies per jaar en tussendoor "
        "actief digitaal uitwisselen met de partner.",
        "Minstens één werkbezoek met een beperkte delegatie en minstens één keer de ontvangst "
        "van een delegatie van de partner.",
        "Minstens {{ meetings }} vaste vergadermomenten (halve dag) en één werkbezoek van ongeveer "
        "een week per jaar.",
        "Feedback aan de koepelverenigingen om het concept bij te sturen.",
    ),
    "fr": (
        "Échanger sur un pied d'égalité sur les forces et les défis de sa propre action sur le thème.",
        "Être ouvert à apprendre de l'apport du partenaire.",
        "Une large implication aux niveaux administratif et politique, et associer d'autres "
        "acteurs (société civile, écoles, entreprises).",
        "Participer à au moins {{ sessions }} sessions numériques d'accompagnement par an et "
        "échanger activement en ligne avec le partenaire entre-temps.",
        "Au moins une visite de travail avec une délégation restreinte et au moins une fois "
        "l'accueil d'une délégation du partenaire.",
        "Au moins {{ meetings }} réunions fixes (une demi-journée) et une visite de travail "
        "d'environ une semaine par an.",
        "Donner un retour aux associations faîtières pour améliorer le concept.",
    ),
    "en": (
        "Exchange as equals on the strengths and challenges of one's own work on the theme.",
        "Openness to learn from the partner's contribution.",
        "Broad involvement at administrative and political level, and involving other actors "
        "(civil society, schools, businesses).",
        "Taking part in at least {{ sessions }} online support sessions a year and actively "
        "exchanging online with the partner in between.",
        "At least one work visit with a small delegation and receiving a delegation of the "
        "partner at least once.",
        "At least {{ meetings }} fixed meetings (half a day) and one work visit of about a week "
        "a year.",
        "Feedback to the associations to improve the concept.",
    ),
}

AGREEMENT = {
    "nl": {
        "title": "Partnerschapsovereenkomst SDG-partnerschap",
        "between": "Tussen **{{ flemish_name }}** (België) en **{{ southern_name }}** "
                   "({{ southern_country }}), met de steun van {{ sender }} en {{ association }}.",
        "h_purpose": "1. Doel en gemeenschappelijke prioriteiten",
        "purpose": "Beide partners werken als gelijkwaardige partners samen rond {{ country_theme }} "
                   "en bouwen op collega-tot-collega-uitwisseling. Hun gemeenschappelijke "
                   "prioriteiten zijn:",
        "priority_item": "{{ t.name }} (SDG {{ t.sdgs }})",
        "h_terms": "2. Looptijd en budget",
        "terms": "Het partnerschap loopt van {{ start }} tot {{ end }} (hoogstens twee jaar). Het "
                 "budget van {{ budget_total|number(0) }} EUR wordt gelijk verdeeld: "
                 "{{ budget_share|number(0) }} EUR voor elke partner. Eerst gaat "
                 "{{ exchange|number(0) }} EUR naar uitwisseling (werkbezoeken, conferenties); na "
                 "het eerste jaar beslissen de partners samen over de rest "
                 "({{ other|number(0) }} EUR: uitwisseling, communicatie of een kleinschalig "
                 "experiment).",
        "h_expect": "3. Wat beide partners van elkaar verwachten",
        "expect": "Beide partners engageren zich om:",
        "h_own": "4. Eigen verwachtingen",
        "own_flemish": "Verwachtingen van {{ flemish_name }}:",
        "own_partner": "Verwachtingen van {{ southern_name }}:",
        "h_principles": "5. Werkafspraken",
        "principles": (
            "Elke partner stelt een kerngroep aan met een duidelijk mandaat van het bestuur.",
            "De partners geven samen een concrete betekenis aan het thema, in een gemeenschappelijke taal.",
            "Online overleg wordt afgewisseld met fysieke ontmoetingen, om elkaars context te begrijpen.",
            "Het partnerschap wordt breed bekendgemaakt in beide gemeenten, zodat het draagvlak "
            "niet afhangt van één persoon of één bestuursploeg.",
            "Verwachtingen, rollen en risico's worden open besproken en minstens na elk "
            "werkbezoek samen geëvalueerd.",
        ),
        "h_exit": "6. Exitclausule",
        "exit": (
            "Besturen veranderen. Bij een nieuwe bestuursploeg, een nieuwe coördinator of als de "
            "partners niet meer op dezelfde golflengte zitten, bespreken zij dit binnen drie "
            "maanden in een gezamenlijke evaluatie.",
            "Elke partner kan het partnerschap beëindigen met een schriftelijke motivering, na "
            "die evaluatie en met een opzegtermijn van drie maanden; {{ sender }} en "
            "{{ association }} worden vooraf ingelicht.",
            "Het ongebruikte budget wordt niet verder besteed; lopende verbintenissen worden "
            "in overleg afgerond en de lessen worden gedeeld met de andere partnerschappen.",
            "Tegen het einde van het tweede jaar bekijken de partners samen of zij verdergaan, "
            "bijvoorbeeld in een stedenband.",
        ),
        "sign": "Opgemaakt in twee exemplaren, in het Nederlands en in de taal van de partner.",
        "for": "Voor",
    },
    "fr": {
        "title": "Convention de partenariat ODD",
        "between": "Entre **{{ flemish_name }}** (Belgique) et **{{ southern_name }}** "
                   "({{ southern_country }}), avec l'appui {{ sender|of_the }} et "
                   "{{ association|of_the }}.",
        "h_purpose": "1. Objet et priorités communes",
        "purpose": "Les deux partenaires coopèrent sur un pied d'égalité sur {{ country_theme }} "
                   "et misent sur l'échange entre collègues. Leurs priorités communes sont :",
        "priority_item": "{{ t.name }} (ODD {{ t.sdgs }})",
        "h_terms": "2. Durée et budget",
        "terms": "Le partenariat se déroule du {{ start }} au {{ end }} (deux ans au plus). Le "
                 "budget de {{ budget_total|number(0) }} EUR est réparti à parts égales : "
                 "{{ budget_share|number(0) }} EUR pour chaque partenaire. D'abord, "
                 "{{ exchange|number(0) }} EUR vont à l'échange (visites de travail, conférences) ; "
                 "après la première année, les partenaires décident ensemble du reste "
                 "({{ other|number(0) }} EUR : échange, communication ou petite expérience).",
        "h_expect": "3. Ce que les partenaires attendent l'un de l'autre",
        "expect": "Les deux partenaires s'engagent à :",
        "h_own": "4. Attentes propres",
        "own_flemish": "Attentes {{ flemish_name|elide('de') }} :",
        "own_partner": "Attentes {{ southern_name|elide('de') }} :",
        "h_principles": "5. Modalités de travail",
        "principles": (
            "Chaque partenaire désigne un groupe de pilotage avec un mandat clair de l'autorité communale.",
            "Les partenaires donnent ensemble un sens concret au thème, dans un langage commun.",
            "Les réunions en ligne alternent avec des rencontres physiques, pour comprendre le "
            "contexte de l'autre.",
            "Le partenariat est largement connu dans les deux communes, afin que son assise ne "
            "dépende pas d'une seule personne ni d'une seule équipe.",
            "Les attentes, les rôles et les risques sont discutés ouvertement et évalués "
            "ensemble au moins après chaque visite.",
        ),
        "h_exit": "6. Clause de sortie",
        "exit": (
            "Les équipes changent. En cas de nouvelle équipe communale, de nouveau coordinateur "
            "ou si les partenaires ne sont plus sur la même longueur d'onde, ils en discutent "
            "dans les trois mois lors d'une évaluation commune.",
            "Chaque partenaire peut mettre fin au partenariat par une motivation écrite, après "
            "cette évaluation et avec un préavis de trois mois ; {{ sender|the }} et "
            "{{ association|the }} en sont informées au préalable.",
            "Le budget non utilisé n'est plus dépensé ; les engagements en cours sont clôturés "
            "d'un commun accord et les leçons sont partagées avec les autres partenariats.",
            "Vers la fin de la deuxième année, les partenaires examinent ensemble s'ils "
            "poursuivent, par exemple par un jumelage.",
        ),
        "sign": "Fait en deux exemplaires, en néerlandais et en français.",
        "for": "Pour",
    },
    "en": {
        "title": "SDG partnership agreement",
        "between": "Between **{{ flemish_name }}** (Belgium) and **{{ southern_name }}** "
                   "({{ southern_country }}), supported by {{ sender }} and {{ association }}.",
        "h_purpose": "1. Purpose and common priorities",
        "purpose": "Both partners work together as equals on {{ country_theme }}, building on "
                   "peer-to-peer exchange. Their common priorities are:",
        "priority_item": "{{ t.name }} (SDG {{ t.sdgs }})",
        "h_terms": "2. Duration and budget",
        "terms": "The partnership runs from {{ start }} to {{ end }} (two years at most). The "
                 "budget of {{ budget_total|number(0) }} EUR is shared equally: "
                 "{{ budget_share|number(0) }} EUR for each partner. First, "
                 "{{ exchange|number(0) }} EUR goes to exchange (work visits, conferences); after "
                 "the first year the partners decide together on the rest "
                 "({{ other|number(0) }} EUR: exchange, communication or a small-scale pilot).",
        "h_expect": "3. What the partners expect of each other",
        "expect": "Both partners commit to:",
        "h_own": "4. Own expectations",
        "own_flemish": "Expectations of {{ flemish_name }}:",
        "own_partner": "Expectations of {{ southern_name }}:",
        "h_principles": "5. Working arrangements",
        "principles": (
            "Each partner appoints a core group with a clear mandate from its council.",
            "The partners give the theme a concrete, shared meaning in a common language.",
            "Online meetings alternate with physical meetings, to understand each other's context.",
            "The partnership is made widely known in both municipalities, so that its support "
            "does not depend on one person or one administration.",
            "Expectations, roles and risks are discussed openly and evaluated together at least "
            "after every visit.",
        ),
        "h_exit": "6. Exit clause",
        "exit": (
            "Administrations change. After a new council, a new coordinator, or when the "
            "partners are no longer on the same wavelength, they discuss it within three months "
            "in a joint evaluation.",
            "Either partner may end the partnership with a written statement of reasons, after "
            "that evaluation and with three months' notice; {{ sender }} and {{ association }} "
            "are informed beforehand.",
            "Unused budget is no longer spent; current commitments are completed by mutual "
            "agreement and the lessons are shared with the other partnerships.",
            "Towards the end of the second year the partners consider together whether to "
            "continue, for instance as a city link.",
        ),
        "sign": "Made in two copies, in Dutch and in English.",
        "for": "For",
    },
}

