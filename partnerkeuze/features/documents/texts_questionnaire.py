"""The wording of the call and its questionnaire in Dutch, French, English and Spanish.

From 000_063238b4784f833c.txt (the call, indirect questions, a deadline of about three months
that may be extended) and 001_d0f352f891acadf4.txt (what a city link is: equal partners,
reciprocity, a process rather than a project, broad support).
"""

from __future__ import annotations

from partnerkeuze.io.forms.texts import GENERIC_TITLE  # noqa: F401 (the call's general title)

QUESTIONNAIRE: dict[str, dict[str, str]] = {
    "nl": {
        "title": "{{ call_title }}",
        "subtitle": "Oproep tot kandidaatstelling voor een partnergemeente",
        "dear": "Geachte burgemeester, geachte collega's,",
        "intro": "De gemeente {{ municipality }}{% if province %} ({{ province }}, "
                 "België){% endif %} zoekt een partnergemeente in het Zuiden om samen een "
                 "stedenband op te bouwen. Met deze brief nodigen wij uw gemeente uit om zich "
                 "kandidaat te stellen.",
        "h_about": "Onze gemeente",
        "population": "{{ municipality }} telt {{ population }} inwoners.",
        "h_themes": "Thema's waarrond wij willen uitwisselen",
        "h_seeks": "Wat wij zoeken in een partner",
        "h_offers": "Wat wij te bieden hebben",
        "h_link": "Wat een stedenband voor ons betekent",
        "link": "Een stedenband is een officieel samenwerkingsakkoord tussen twee lokale "
                "besturen, gedragen door bestuur en inwoners. Beide gemeenten werken als "
                "gelijkwaardige partners samen en leren van elkaar, van collega tot collega, om "
                "het lokaal bestuur en de lokale democratie te versterken. Het is een proces van "
                "lange duur, geen project of financieringsbron voor een korte termijn.",
        "h_answer": "Hoe antwoorden",
        "answer": "Beantwoord de vragen hieronder en stuur uw kandidatuur{% if deadline %} "
                  "**{{ deadline_phrase }}**{% endif %} per e-mail naar "
                  "{{ coordinator_email }}. U mag antwoorden in het Nederlands, Frans, Engels of "
                  "Spaans. Voeg bij voorkeur een korte brief van uw burgemeester toe. Hebt u meer "
                  "tijd nodig, laat het ons dan weten: de termijn kan verlengd worden.",
        "questions_contact": "Vragen over de oproep kunt u richten aan {{ coordinator }}"
                             "{% if coordinator_role %}, {{ coordinator_role|lower }}{% endif %},"
                             " via {{ coordinator_email }}{% if phone %} of {{ phone }}"
                             "{% endif %}.",
        "closing": "Met vriendelijke groeten,",
        "h_form": "Vragenlijst",
        "form_intro": "Vul eerst de gegevens van uw gemeente in en beantwoord daarna de vragen. "
                      "Een antwoord van enkele alinea's per vraag volstaat; concrete voorbeelden "
                      "helpen ons het meest.",
        "f_name": "Naam van de gemeente", "f_country": "Land en regio",
        "f_population": "Aantal inwoners", "f_contact": "Contactpersoon en functie",
        "f_email": "E-mail en telefoon", "f_mayor": "Naam van de burgemeester",
        "question": "Vraag {{ q.number }}",
        "answer_here": "Uw antwoord:",
        "end": "Hartelijk dank voor uw antwoorden. Stuur ze{% if deadline %} "
               "{{ deadline_phrase }}{% endif %} naar {{ coordinator_email }}.",
    },
    "fr": {
        "title": "{{ call_title }}",
        "subtitle": "Appel à candidatures pour une commune partenaire",
        "dear": "Madame, Monsieur le Maire, chers collègues,",
        "intro": "La commune {{ municipality|elide('de') }}{% if province %} ({{ province }}, "
                 "Belgique){% endif %} cherche une commune partenaire dans le Sud pour construire "
                 "ensemble un jumelage. Par la présente, nous invitons votre commune à se porter "
                 "candidate.",
        "h_about": "Notre commune",
        "population": "{{ municipality }} compte {{ population }} habitants.",
        "h_themes": "Les thèmes sur lesquels nous souhaitons échanger",
        "h_seeks": "Ce que nous cherchons chez un partenaire",
        "h_offers": "Ce que nous avons à offrir",
        "h_link": "Ce que signifie un jumelage pour nous",
        "link": "Un jumelage est un accord de coopération officiel entre deux administrations "
                "locales, soutenu par les élus et les habitants. Les deux communes travaillent "
                "ensemble en partenaires égaux et apprennent l'une de l'autre, de collègue à "
                "collègue, pour renforcer l'administration et la démocratie locales. C'est un "
                "processus de longue durée, et non un projet ou une source de financement à "
                "court terme.",
        "h_answer": "Comment répondre",
        "answer": "Répondez aux questions ci-dessous et envoyez votre candidature"
                  "{% if deadline %} **{{ deadline_phrase }}**{% endif %} par courriel "
                  "à {{ coordinator_email }}. Vous pouvez répondre en français, en anglais, en "
                  "espagnol ou en néerlandais. Joignez de préférence une courte lettre de votre "
                  "maire. Si vous avez besoin de plus de temps, faites-le-nous savoir : le délai "
                  "peut être prolongé.",
        "questions_contact": "Pour toute question sur cet appel, adressez-vous à "
                             "{{ coordinator }} à l'adresse {{ coordinator_email }}"
                             "{% if phone %} ou au {{ phone }}{% endif %}.",
        "closing": "Veuillez agréer, Madame, Monsieur le Maire, chers collègues, l'expression "
                   "de nos salutations distinguées.",
        "h_form": "Questionnaire",
        "form_intro": "Indiquez d'abord les coordonnées de votre commune, puis répondez aux "
                      "questions. Quelques paragraphes par question suffisent ; des exemples "
                      "concrets nous aident le plus.",
        "f_name": "Nom de la commune", "f_country": "Pays et région",
        "f_population": "Nombre d'habitants", "f_contact": "Personne de contact et fonction",
        "f_email": "Courriel et téléphone", "f_mayor": "Nom du maire",
        "question": "Question {{ q.number }}",
        "answer_here": "Votre réponse :",
        "end": "Nous vous remercions pour vos réponses. Veuillez les envoyer"
               "{% if deadline %} {{ deadline_phrase }}{% endif %} à "
               "{{ coordinator_email }}.",
    },
    "en": {
        "title": "{{ call_title }}",
        "subtitle": "Call for applications for a partner municipality",
        "dear": "Dear Mayor, dear colleagues,",
        "intro": "The municipality of {{ municipality }}{% if province %} ("
                 "{{ province }}, Belgium){% endif %} is looking for a partner municipality in "
                 "the Global South to build a city link together. With this letter we invite "
                 "your municipality to apply.",
        "h_about": "Our municipality",
        "population": "{{ municipality }} has {{ population }} inhabitants.",
        "h_themes": "Themes on which we would like to exchange",
        "h_seeks": "What we are looking for in a partner",
        "h_offers": "What we have to offer",
        "h_link": "What a city link means to us",
        "link": "A city link is an official cooperation agreement between two local "
                "governments, supported by elected officials and residents. Both municipalities "
                "work together as equal partners and learn from each other, colleague to "
                "colleague, to strengthen local government and local democracy. It is a "
                "long-term process, not a project or a source of short-term funding.",
        "h_answer": "How to apply",
        "answer": "Please answer the questions below and send your application"
                  "{% if deadline %} **{{ deadline_phrase }}**{% endif %} by e-mail to "
                  "{{ coordinator_email }}. You may answer in English, French, Spanish or "
                  "Dutch. We would appreciate a short letter from your mayor. If you need more "
                  "time, please let us know: the deadline can be extended.",
        "questions_contact": "Questions about this call can be sent to {{ coordinator }} at "
                             "{{ coordinator_email }}{% if phone %} or by phone on {{ phone }}"
                             "{% endif %}.",
        "closing": "Yours sincerely,",
        "h_form": "Questionnaire",
        "form_intro": "Please first fill in the details of your municipality and then answer "
                      "the questions. A few paragraphs per question are enough; concrete "
                      "examples help us most.",
        "f_name": "Name of the municipality", "f_country": "Country and region",
        "f_population": "Number of inhabitants", "f_contact": "Contact person and position",
        "f_email": "E-mail and telephone", "f_mayor": "Name of the mayor",
        "question": "Question {{ q.number }}",
        "answer_here": "Your answer:",
        "end": "Thank you for your answers. Please send them{% if deadline %} "
               "{{ deadline_phrase }}{% endif %} to {{ coordinator_email }}.",
    },
    "es": {
        "title": "{{ call_title }}",
        "subtitle": "Convocatoria de candidaturas para un municipio socio",
        "dear": "Estimado/a alcalde/sa, estimados colegas:",
        "intro": "El municipio de {{ municipality }}{% if province %} ("
                 "{{ province }}, Bélgica){% endif %} busca un municipio socio en el Sur para "
                 "construir juntos un hermanamiento. Mediante esta carta invitamos a su "
                 "municipio a presentar su candidatura.",
        "h_about": "Nuestro municipio",
        "population": "{{ municipality }} tiene {{ population }} habitantes.",
        "h_themes": "Temas sobre los que deseamos intercambiar",
        "h_seeks": "Lo que buscamos en un socio",
        "h_offers": "Lo que podemos ofrecer",
        "h_link": "Qué significa para nosotros un hermanamiento",
        "link": "Un hermanamiento es un acuerdo oficial de cooperación entre dos gobiernos "
                "locales, respaldado por las autoridades y la ciudadanía. Ambos municipios "
                "trabajan como socios iguales y aprenden el uno del otro, de colega a colega, "
                "para fortalecer la gestión y la democracia locales. Es un proceso a largo "
                "plazo, no un proyecto ni una fuente de financiación a corto plazo.",
        "h_answer": "Cómo responder",
        "answer": "Responda a las preguntas siguientes y envíe su candidatura"
                  "{% if deadline %} **{{ deadline_phrase }}**{% endif %} por correo "
                  "electrónico a {{ coordinator_email }}. Puede responder en español, francés, "
                  "inglés o neerlandés. Le agradeceríamos que adjuntara una breve carta de su "
                  "alcalde/sa. Si necesita más tiempo, háganoslo saber: el plazo puede "
                  "ampliarse.",
        "questions_contact": "Puede dirigir sus preguntas sobre esta convocatoria a "
                             "{{ coordinator }} en {{ coordinator_email }}{% if phone %} o al "
                             "teléfono {{ phone }}{% endif %}.",
        "closing": "Atentamente,",
        "h_form": "Cuestionario",
        "form_intro": "Indique primero los datos de su municipio y responda después a las "
                      "preguntas. Bastan unos párrafos por pregunta; los ejemplos concretos son "
                      "lo que más nos ayuda.",
        "f_name": "Nombre del municipio", "f_country": "País y región",
        "f_population": "Número de habitantes", "f_contact": "Persona de contacto y cargo",
        "f_email": "Correo electrónico y teléfono", "f_mayor": "Nombre del alcalde o alcaldesa",
        "question": "Pregunta {{ q.number }}",
        "answer_here": "Su respuesta:",
        "end": "Muchas gracias por sus respuestas. Envíelas{% if deadline %} "
               "{{ deadline_phrase }}{% endif %} a {{ coordinator_email }}.",
    },
}
