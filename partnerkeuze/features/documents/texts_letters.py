"""The wording of the letters to the candidates in Dutch, French, English and Spanish.

Each text may hold template tags; the template builder places them, civil servants may edit the
resulting .docx files in Word.
"""

from __future__ import annotations

# Shared by both letters.
COMMON: dict[str, dict[str, str]] = {
    "nl": {
        "place_date": "{{ municipality }}, {{ today }}",
        "our_ref": "Ons kenmerk: {{ reference }}/{{ candidate_id }}",
        "contact": "Contactpersoon: {{ coordinator }}, {{ coordinator_email }}",
        "dear": "{{ salutation }}",
        "closing": "Met vriendelijke groeten,",
        "on_behalf": "Namens het college van burgemeester en schepenen,",
        "footer": "{{ municipality }} · {{ address }} · {{ postal_city }} · {{ website }} · "
                  "{{ coordinator_email }}",
    },
    "fr": {
        "place_date": "{{ municipality }}, le {{ today }}",
        "our_ref": "Notre référence : {{ reference }}/{{ candidate_id }}",
        "contact": "Personne de contact : {{ coordinator }}, {{ coordinator_email }}",
        "dear": "{{ salutation }}",
        "closing": "Veuillez agréer, {{ closing_address }}, l'expression de nos salutations "
                   "distinguées.",
        "on_behalf": "Pour le collège des bourgmestre et échevins,",
        "footer": "{{ municipality }} · {{ address }} · {{ postal_city }} · "
                  "{{ website }} · {{ coordinator_email }}",
    },
    "en": {
        "place_date": "{{ municipality }}, {{ today }}",
        "our_ref": "Our reference: {{ reference }}/{{ candidate_id }}",
        "contact": "Contact: {{ coordinator }}, {{ coordinator_email }}",
        "dear": "{{ salutation }}",
        "closing": "Yours sincerely,",
        "on_behalf": "On behalf of the Board of Mayor and Aldermen,",
        "footer": "{{ municipality }} · {{ address }} · {{ postal_city }} · "
                  "{{ website }} · {{ coordinator_email }}",
    },
    "es": {
        "place_date": "{{ municipality }}, {{ today }}",
        "our_ref": "Nuestra referencia: {{ reference }}/{{ candidate_id }}",
        "contact": "Persona de contacto: {{ coordinator }}, {{ coordinator_email }}",
        "dear": "{{ salutation }}",
        "closing": "Atentamente,",
        "on_behalf": "En nombre del Colegio de Burgomaestre y Concejales,",
        "footer": "{{ municipality }} · {{ address }} · {{ postal_city }} · "
                  "{{ website }} · {{ coordinator_email }}",
    },
}

# The letter to a candidate that was not chosen.
DECLINED: dict[str, dict[str, str]] = {
    "nl": {
        "subject": "**Betreft: uw kandidatuur als partnergemeente van {{ municipality }}**",
        "thanks": "Hartelijk dank voor de kandidatuur die {{ candidate_name }}"
                  "{% if received %} op {{ received }}{% endif %} indiende als partnergemeente "
                  "van {{ municipality }}. Wij waarderen de tijd en de zorg die u en uw collega's "
                  "besteedden aan het beantwoorden van onze vragenlijst.",
        "withdrawn": "Wij hebben genoteerd dat u uw kandidatuur hebt ingetrokken en respecteren "
                     "die beslissing. Graag laten wij u weten dat het college van burgemeester "
                     "en schepenen intussen gekozen heeft voor een stedenband met "
                     "{{ chosen_name }} ({{ chosen_country }}).",
        "decision": "Wij ontvingen {{ n_candidates }} kandidaturen, beoordeeld op "
                    "{{ n_criteria }} criteria waarvan de gewichten vooraf werden vastgelegd; uw "
                    "kandidatuur werd gescoord door {{ n_assessors }} "
                    "{% if n_assessors == 1 %}beoordelaar{% else %}beoordelaars{% endif %}. Na "
                    "die beoordeling{% if second_round_held %} en een tweede, kwalitatieve ronde"
                    "{% endif %} heeft het college van burgemeester en schepenen"
                    "{% if decision_date %} op {{ decision_date }}{% endif %} beslist een "
                    "stedenband aan te gaan met {{ chosen_name }} ({{ chosen_country }}). Het "
                    "spijt ons u te moeten meedelen dat uw kandidatuur niet werd weerhouden.",
        "scored": "{{ candidate_name }} behaalde een gewogen score van **{{ own_score }} op 100**"
                  "{% if own_rank %} en eindigde als {{ own_rank|ordinal }} van de {{ n_ranked }} "
                  "gerangschikte kandidaturen{% endif %}. {{ chosen_name }} behaalde **"
                  "{{ chosen_score }} op 100**.",
        "knockout": "Uw kandidatuur voldeed niet aan een basisvoorwaarde van de oproep: "
                    "{{ knockouts|and_list }}. Daarom kon ze niet verder vergeleken worden met "
                    "de andere kandidaturen.",
        "decisive_intro": "Het verschil maakten vooral de volgende criteria, die het zwaarst "
                          "doorwogen in het verschil tussen beide gewogen scores:",
        "decisive_item": "{{ d.name }} (gewicht {{ d.weight }} %): {{ d.own }} op {{ d.max }} "
                         "voor {{ candidate_name }}, {{ d.chosen }} voor {{ chosen_name }}",
        "no_decisive": "Het verschil ontstond niet door één criterium, maar door kleine "
                       "verschillen op verschillende criteria.",
        "table_intro": "Ter volledigheid de scores per criterium (gemiddelde van de "
                       "beoordelaars, schaal tot {{ scale_max }}):",
        "after_round": "{{ candidate_name }} behaalde {% if own_score == chosen_score %}evenveel "
                       "punten als{% else %}meer punten dan{% endif %} {{ chosen_name }}: de "
                       "keuze volgde dus niet {% if own_score == chosen_score %}de score alleen"
                       "{% else %}de score{% endif %}{% if chosen_consensus_first %}, maar de "
                       "eindvolgorde die het overleg in consensus vastlegde, met "
                       "{{ chosen_name }} op de eerste plaats{% elif reasoning %}, maar de "
                       "motivering van het college hierboven{% endif %}.",
        "col_criterion": "Criterium", "col_weight": "Gewicht", "pct": "{{ r.weight }} %",
        "strengths": "Deze keuze is geen oordeel over de waarde van uw gemeente. Uw kandidatuur "
                     "was in het bijzonder sterk op het vlak van: {{ own_strengths|and_list }}.",
        "no_strengths": "Deze keuze is geen oordeel over de waarde van uw gemeente.",
        "hope": "Wij hopen dat deze toelichting nuttig is voor toekomstige samenwerkingen. Hebt "
                "u vragen over deze beslissing, neem dan gerust contact op met "
                "{{ coordinator }} via {{ coordinator_email }}. Wij wensen u en uw gemeente "
                "veel succes.",
        "shortlisted": "{{ candidate_name }} behoorde tot de shortlist van {{ n_shortlist }} "
                       "kandidaturen{% if boundary_tie %}: omdat {{ boundary_names|and_list }} "
                       "gelijk stonden op de grens van de shortlist, telde die {{ n_shortlist }} "
                       "kandidaturen in plaats van {{ shortlist_size }}{% endif %}.",
        "round_behind": "In die ronde werd {{ chosen_name }} gunstiger beoordeeld op: "
                        "{{ round_behind|and_list }}.",
        "consensus_place": "In de eindvolgorde die het overleg in consensus vastlegde, kwam "
                           "{{ candidate_name }} op de {{ consensus_position|ordinal }} plaats "
                           "van {{ n_consensus }}.",
        "reasoning": "Het college motiveerde zijn keuze als volgt: “{{ reasoning }}”"
                     "{{ reasoning|full_stop }}",
        "council": "{% if council_approved %}De gemeenteraad keurde die keuze goed op "
                   "{{ council_date }}{% if council_number %} (beslissing {{ council_number }})"
                   "{% endif %}.{% else %}Die keuze wordt nog ter goedkeuring voorgelegd aan de "
                   "gemeenteraad.{% endif %}",
        "examined": "In de tweede, kwalitatieve ronde (draagvlak, vertrouwen, raakvlakken, "
                    "verwachtingen, praktische haalbaarheid) bekeken wij "
                    "{{ examined_names|and_list }} van naderbij{% if not own_examined %}; "
                    "{{ candidate_name }} kreeg in die ronde geen beoordeling{% endif %}.",
    },
    "fr": {
        "subject": "**Objet : votre candidature comme commune partenaire "
                   "{{ municipality|elide('de') }}**",
        "thanks": "Nous vous remercions vivement pour la candidature "
                  "{{ candidate_name|elide('que') }} "
                  "a introduite{% if received %} le {{ received }}{% endif %} comme commune "
                  "partenaire {{ municipality|elide('de') }}. Nous apprécions le temps et le soin "
                  "que vous "
                  "et vos collègues avez consacrés à notre questionnaire.",
        "withdrawn": "Nous avons pris note du retrait de votre candidature et respectons cette "
                     "décision. Nous tenons à vous informer que le collège des bourgmestre et "
                     "échevins a entre-temps choisi de nouer un jumelage avec {{ chosen_name }} "
                     "({{ chosen_country }}).",
        "decision": "Nous avons reçu {{ n_candidates }} candidatures, évaluées sur "
                    "{{ n_criteria }} critères dont les pondérations avaient été fixées à "
                    "l'avance ; votre candidature a été notée par {{ n_assessors }} "
                    "{% if n_assessors == 1 %}évaluateur{% else %}évaluateurs{% endif %}. À "
                    "l'issue de cette évaluation{% if second_round_held %} et d'un second tour "
                    "qualitatif{% endif %}, le collège des bourgmestre et échevins a décidé"
                    "{% if decision_date %} le {{ decision_date }}{% endif %} de nouer un "
                    "jumelage avec {{ chosen_name }} ({{ chosen_country }}). Nous avons le regret "
                    "de vous informer que votre candidature n'a pas été retenue.",
        "scored": "{{ candidate_name }} a obtenu un score pondéré de **{{ own_score }} sur 100** "
                  "et s'est classée au {{ own_rank|ordinal('m') }} rang sur les {{ n_ranked }} "
                  "candidatures classées. "
                  "{{ chosen_name }} a obtenu **{{ chosen_score }} sur 100**.",
        "knockout": "Votre candidature ne remplissait pas une condition de base de l'appel : "
                    "{{ knockouts|and_list }}. Elle n'a donc pas pu être comparée aux autres "
                    "candidatures.",
        "decisive_intro": "La différence s'est faite surtout sur les critères suivants, qui ont "
                          "le plus pesé dans l'écart entre les deux scores pondérés :",
        "decisive_item": "{{ d.name }} (pondération {{ d.weight }} %) : {{ d.own }} sur "
                         "{{ d.max }} pour {{ candidate_name }}, contre {{ d.chosen }} pour "
                         "{{ chosen_name }}",
        "no_decisive": "La différence ne tient pas à un seul critère, mais à de petits écarts "
                       "sur plusieurs critères.",
        "table_intro": "Pour être complets, voici les scores par critère (moyenne des "
                       "évaluateurs, échelle jusqu'à {{ scale_max }}) :",
        "after_round": "{{ candidate_name }} a obtenu {% if own_score == chosen_score %}autant de "
                       "points{% else %}plus de points{% endif %} {{ chosen_name|elide('que') }} "
                       ": le choix n'a donc pas suivi {% if own_score == chosen_score %}le seul "
                       "score{% else %}le score{% endif %}{% if chosen_consensus_first %}, mais "
                       "l'ordre final fixé par consensus, qui place {{ chosen_name }} en première "
                       "position{% elif reasoning %}, mais la motivation du collège citée plus "
                       "haut{% endif %}.",
        "col_criterion": "Critère", "col_weight": "Pondération", "pct": "{{ r.weight }} %",
        "strengths": "Ce choix n'est pas un jugement sur la valeur de votre commune. Votre "
                     "candidature était particulièrement forte en matière de : "
                     "{{ own_strengths|and_list }}.",
        "no_strengths": "Ce choix n'est pas un jugement sur la valeur de votre commune.",
        "hope": "Nous espérons que ces explications vous seront utiles pour de futures "
                "coopérations. Pour toute question sur cette décision, n'hésitez pas à contacter "
                "{{ coordinator }} à l'adresse {{ coordinator_email }}. Nous vous souhaitons, à "
                "vous et à votre commune, beaucoup de succès.",
        "shortlisted": "{{ candidate_name }} figurait sur la liste restreinte de "
                       "{{ n_shortlist }} candidatures{% if boundary_tie %} : comme "
                       "{{ boundary_names|and_list }} étaient à égalité à la limite de la liste "
                       "restreinte, celle-ci comptait {{ n_shortlist }} candidatures au lieu de "
                       "{{ shortlist_size }}{% endif %}.",
        "round_behind": "Lors de ce tour, {{ chosen_name }} a reçu une appréciation plus "
                        "favorable sur les points suivants : {{ round_behind|and_list }}.",
        "consensus_place": "Dans l'ordre final fixé par consensus, {{ candidate_name }} s'est "
                           "classée {{ consensus_position|ordinal }} sur {{ n_consensus }}.",
        "reasoning": "Le collège a motivé son choix en ces termes : « {{ reasoning }} »"
                     "{{ reasoning|full_stop }}",
        "council": "{% if council_approved %}Le conseil communal a approuvé ce choix le "
                   "{{ council_date }}{% if council_number %} (décision {{ council_number }})"
                   "{% endif %}.{% else %}Ce choix sera encore soumis à l'approbation du "
                   "conseil communal.{% endif %}",
        "examined": "Lors du second tour qualitatif (adhésion, confiance, points communs, "
                    "attentes, faisabilité pratique), nous avons examiné de plus près "
                    "{{ examined_names|and_list }}{% if not own_examined %} ; "
                    "{{ candidate_name }} n'a pas été évaluée lors de ce tour{% endif %}.",
    },
    "en": {
        "subject": "**Re: your application as partner municipality of {{ municipality }}**",
        "thanks": "Thank you very much for the application that {{ candidate_name }} submitted"
                  "{% if received %} on {{ received }}{% endif %} to become a partner "
                  "municipality of {{ municipality }}. We appreciate the time and care that you "
                  "and your colleagues put into answering our questionnaire.",
        "withdrawn": "We have noted that you withdrew your application and we respect that "
                     "decision. We would like to let you know that the Board of Mayor and "
                     "Aldermen has since chosen to enter into a city link with {{ chosen_name }} "
                     "({{ chosen_country }}).",
        "decision": "We received {{ n_candidates }} applications, assessed on {{ n_criteria }} "
                    "criteria whose weights had been fixed in advance; your application was "
                    "scored by {{ n_assessors }} {% if n_assessors == 1 %}assessor{% else "
                    "%}assessors{% endif %}. Following this assessment{% if second_round_held %} "
                    "and a second, qualitative round{% endif %}, the Board of Mayor and Aldermen "
                    "decided{% if decision_date %} on {{ decision_date }}{% endif %} to enter "
                    "into a city link with {{ chosen_name }} ({{ chosen_country }}). We regret to "
                    "inform you that your application has not been selected.",
        "scored": "{{ candidate_name }} obtained a weighted score of **{{ own_score }} out of "
                  "100**, placing it {{ own_rank|ordinal }} of the {{ n_ranked }} applications that "
                  "could be ranked. "
                  "{{ chosen_name }} obtained "
                  "**{{ chosen_score }} out of 100**.",
        "knockout": "Your application did not meet a basic condition of the call: "
                    "{{ knockouts|and_list }}. It could therefore not be compared further "
                    "with the other applications.",
        "decisive_intro": "The difference came mainly from the following criteria, which weighed "
                          "most in the gap between the two weighted scores:",
        "decisive_item": "{{ d.name }} (weight {{ d.weight }}%): {{ candidate_name }} scored "
                         "{{ d.own }} out of {{ d.max }}, {{ chosen_name }} {{ d.chosen }}",
        "no_decisive": "The difference did not come from a single criterion but from small "
                       "differences on several criteria.",
        "table_intro": "For completeness, the scores per criterion (average of the assessors, "
                       "scale up to {{ scale_max }}):",
        "after_round": "{{ candidate_name }} obtained {% if own_score == chosen_score %}as many "
                       "points as{% else %}more points than{% endif %} {{ chosen_name }}: the "
                       "choice therefore did not follow {% if own_score == chosen_score %}the "
                       "score alone{% else %}the score{% endif %}{% if chosen_consensus_first %}, "
                       "but the final order agreed by consensus, which placed {{ chosen_name }} "
                       "first{% elif reasoning %}, but the Board's reasons quoted above"
                       "{% endif %}.",
        "col_criterion": "Criterion", "col_weight": "Weight", "pct": "{{ r.weight }}%",
        "strengths": "This choice is not a judgement on the value of your municipality. Your "
                     "application was particularly strong on: {{ own_strengths|and_list }}.",
        "no_strengths": "This choice is not a judgement on the value of your municipality.",
        "hope": "We hope this explanation will be useful for future cooperation. If you have "
                "any questions about this decision, please contact {{ coordinator }} at "
                "{{ coordinator_email }}. We wish you and your municipality every success.",
        "shortlisted": "{{ candidate_name }} was on the shortlist of {{ n_shortlist }} "
                       "applications{% if boundary_tie %}: because {{ boundary_names|and_list }} "
                       "were tied at the boundary of the shortlist, it counted {{ n_shortlist }} "
                       "applications instead of {{ shortlist_size }}{% endif %}.",
        "round_behind": "In that round, {{ chosen_name }} was judged more favourably on: "
                        "{{ round_behind|and_list }}.",
        "consensus_place": "In the final order agreed by consensus, {{ candidate_name }} was "
                           "placed {{ consensus_position|ordinal }} out of {{ n_consensus }}.",
        "reasoning": "The Board gave the following reasons for its choice: “{{ reasoning }}”"
                     "{{ reasoning|full_stop }}",
        "council": "{% if council_approved %}The municipal council approved this choice on "
                   "{{ council_date }}{% if council_number %} (decision {{ council_number }})"
                   "{% endif %}.{% else %}This choice will still be submitted to the municipal "
                   "council for approval.{% endif %}",
        "examined": "In the second, qualitative round (support, trust, common ground, "
                    "expectations, practical feasibility) we examined "
                    "{{ examined_names|and_list }} more closely{% if not own_examined %}; "
                    "{{ candidate_name }} was not assessed in that round{% endif %}.",
    },
    "es": {
        "subject": "**Asunto: su candidatura como municipio socio de {{ municipality }}**",
        "thanks": "Le agradecemos sinceramente la candidatura que {{ candidate_name }} presentó"
                  "{% if received %} el {{ received }}{% endif %} como municipio socio de "
                  "{{ municipality }}. Valoramos el tiempo y el cuidado que usted y sus colegas "
                  "dedicaron a responder nuestro cuestionario.",
        "withdrawn": "Hemos tomado nota de que retiró su candidatura y respetamos esa decisión. "
                     "Queremos informarle de que el Colegio de Burgomaestre y Concejales ha "
                     "elegido entretanto establecer un hermanamiento con {{ chosen_name }} "
                     "({{ chosen_country }}).",
        "decision": "Recibimos {{ n_candidates }} candidaturas, evaluadas según {{ n_criteria }} "
                    "criterios cuyas ponderaciones se fijaron de antemano; su candidatura fue "
                    "puntuada por {{ n_assessors }} {% if n_assessors == 1 %}evaluador{% else "
                    "%}evaluadores{% endif %}. Tras esta evaluación{% if second_round_held %} y "
                    "una segunda ronda cualitativa{% endif %}, el Colegio de Burgomaestre y "
                    "Concejales decidió{% if decision_date %} el {{ decision_date }}{% endif %} "
                    "establecer un hermanamiento con {{ chosen_name }} ({{ chosen_country }}). "
                    "Lamentamos comunicarle que su candidatura no ha sido seleccionada.",
        "scored": "{{ candidate_name }} obtuvo una puntuación ponderada de **{{ own_score }} "
                  "sobre 100** y quedó en el {{ own_rank|ordinal('m') }} puesto de las {{ n_ranked }} "
                  "candidaturas clasificadas. "
                  "{{ chosen_name }} obtuvo **{{ chosen_score }} sobre 100**.",
        "knockout": "Su candidatura no cumplía una condición básica de la convocatoria: "
                    "{{ knockouts|and_list }}. Por ello no pudo compararse con las demás "
                    "candidaturas.",
        "decisive_intro": "La diferencia se debió sobre todo a los siguientes criterios, que más "
                          "pesaron en la distancia entre ambas puntuaciones ponderadas:",
        "decisive_item": "{{ d.name }} (ponderación {{ d.weight }} %): {{ d.own }} sobre "
                         "{{ d.max }} para {{ candidate_name }}, frente a {{ d.chosen }} para "
                         "{{ chosen_name }}",
        "no_decisive": "La diferencia no se debió a un solo criterio, sino a pequeñas "
                       "diferencias en varios criterios.",
        "table_intro": "Para que la información sea completa, estas son las puntuaciones por "
                       "criterio (media de los evaluadores, escala hasta {{ scale_max }}):",
        "after_round": "{{ candidate_name }} obtuvo {% if own_score == chosen_score %}tantos "
                       "puntos como{% else %}más puntos que{% endif %} {{ chosen_name }}: por eso "
                       "la elección no siguió {% if own_score == chosen_score %}solo la "
                       "puntuación{% else %}la puntuación{% endif %}{% if chosen_consensus_first "
                       "%}, sino el orden final acordado por consenso, que situó a "
                       "{{ chosen_name }} en primer lugar{% elif reasoning %}, sino la motivación "
                       "del Colegio citada arriba{% endif %}.",
        "col_criterion": "Criterio", "col_weight": "Ponderación", "pct": "{{ r.weight }} %",
        "strengths": "Esta elección no es un juicio sobre el valor de su municipio. Su "
                     "candidatura destacó especialmente en: {{ own_strengths|and_list }}.",
        "no_strengths": "Esta elección no es un juicio sobre el valor de su municipio.",
        "hope": "Esperamos que esta explicación le resulte útil para futuras cooperaciones. "
                "Si tiene preguntas sobre esta decisión, no dude en ponerse en contacto con "
                "{{ coordinator }} en {{ coordinator_email }}. Les deseamos a usted y a su "
                "municipio mucho éxito.",
        "shortlisted": "{{ candidate_name }} formó parte de la lista de {{ n_shortlist }} "
                       "candidaturas preseleccionadas{% if boundary_tie %}: como "
                       "{{ boundary_names|and_list }} empataron en el límite de la preselección, "
                       "la lista contó {{ n_shortlist }} candidaturas en lugar de "
                       "{{ shortlist_size }}{% endif %}.",
        "round_behind": "En esa ronda, {{ chosen_name }} recibió una valoración más favorable "
                        "en: {{ round_behind|and_list }}.",
        "consensus_place": "En el orden final acordado por consenso, {{ candidate_name }} quedó "
                           "en el {{ consensus_position|ordinal('m') }} puesto de "
                           "{{ n_consensus }}.",
        "reasoning": "El Colegio motivó su elección en estos términos: «{{ reasoning }}»"
                     "{{ reasoning|full_stop }}",
        "council": "{% if council_approved %}El concejo municipal aprobó esta elección el "
                   "{{ council_date }}{% if council_number %} (decisión {{ council_number }})"
                   "{% endif %}.{% else %}Esta elección se someterá todavía a la aprobación del "
                   "concejo municipal.{% endif %}",
        "examined": "En la segunda ronda cualitativa (apoyo, confianza, puntos en común, "
                    "expectativas, viabilidad práctica) examinamos con más detalle "
                    "{{ examined_names|and_list }}{% if not own_examined %}; {{ candidate_name }} "
                    "no fue evaluada en esa ronda{% endif %}.",
    },
}

# The announcement to the chosen partner.
CHOSEN: dict[str, dict[str, str]] = {
    "nl": {
        "subject": "**Betreft: {{ candidate_name }} gekozen als partnergemeente van "
                   "{{ municipality }}**",
        "news": "Met veel genoegen delen wij u mee dat het college van burgemeester en schepenen "
                "van {{ municipality }}{% if decision_date %} op {{ decision_date }}{% endif %} "
                "beslist heeft om met {{ candidate_name }} een stedenband aan te gaan. Hartelijk "
                "dank voor uw kandidatuur{% if received %} van {{ received }}{% endif %}.",
        "why": "Wij ontvingen {{ n_candidates }} kandidaturen, beoordeeld op {{ n_criteria }} "
               "vooraf vastgelegde criteria; uw kandidatuur werd gescoord door {{ n_assessors }} "
               "{% if n_assessors == 1 %}beoordelaar{% else %}beoordelaars{% endif %}.",
        "strengths": "Uw kandidatuur overtuigde in het bijzonder op het vlak van: "
                     "{{ own_strengths|and_list }}.",
        "next": "{% if council_approved %}De gemeenteraad keurde deze keuze goed op "
                "{{ council_date }}{% if council_number %} (beslissing {{ council_number }}){% "
                "endif %}.{% else %}Zoals gebruikelijk wordt deze keuze ter goedkeuring "
                "voorgelegd aan de gemeenteraad.{% endif %} Wij willen de samenwerking formeel "
                "bekrachtigen na een bezoek ter plaatse of een tegenbezoek aan "
                "{{ municipality }}, zodat wij elkaar eerst beter leren kennen.",
        "spirit": "Een stedenband is voor ons een samenwerking van lange duur tussen "
                  "gelijkwaardige partners, waarin beide gemeenten van elkaar leren. Wij kijken "
                  "ernaar uit die samen met u vorm te geven.",
        "contact_next": "{{ coordinator }} neemt binnenkort contact met u op om de volgende "
                        "stappen te bespreken; u kunt haar of hem ook zelf bereiken via "
                        "{{ coordinator_email }}.",
        "why_top": "{{ candidate_name }} behaalde de hoogste gewogen score: **{{ own_score }} op "
                   "100**{% if runner_up_gap %}, {{ runner_up_gap }} punten meer dan de volgende "
                   "kandidaat{% endif %}.",
        "why_tied": "{{ candidate_name }} behaalde met **{{ own_score }} op 100** dezelfde "
                    "hoogste gewogen score als {{ tied_with }}.",
        "why_round": "{{ candidate_name }} behaalde een gewogen score van **{{ own_score }} op "
                     "100**{% if own_rank %} ({{ own_rank|ordinal }} van {{ n_ranked }}){% endif "
                     "%}{% if shortlisted %} en kwam zo op de shortlist{% endif %}.",
        "consensus_chosen": "In de eindvolgorde die het overleg in consensus vastlegde, staat "
                            "{{ candidate_name }} op de eerste plaats{% if not draft %}; het "
                            "college volgde die volgorde{% endif %}.",
        "round_ahead": "In de tweede, kwalitatieve ronde werd {{ candidate_name }} gunstiger "
                       "beoordeeld dan de andere besproken kandidaturen op: "
                       "{{ round_ahead|and_list }}.",
        "reasoning": "Het college motiveerde zijn keuze als volgt: “{{ reasoning }}”"
                     "{{ reasoning|full_stop }}",
    },
    "fr": {
        "subject": "**Objet : {{ candidate_name }} choisie comme commune partenaire "
                   "{{ municipality|elide('de') }}**",
        "news": "C'est avec grand plaisir que nous vous informons que le collège des bourgmestre "
                "et échevins {{ municipality|elide('de') }} a décidé{% if decision_date %} le "
                "{{ decision_date }}{% endif %} de nouer un jumelage avec {{ candidate_name }}. "
                "Nous vous remercions vivement pour votre candidature{% if received %} du "
                "{{ received }}{% endif %}.",
        "why": "Nous avons reçu {{ n_candidates }} candidatures, évaluées sur {{ n_criteria }} "
               "critères fixés à l'avance ; votre candidature a été notée par {{ n_assessors }} "
               "{% if n_assessors == 1 %}évaluateur{% else %}évaluateurs{% endif %}.",
        "strengths": "Votre candidature nous a particulièrement convaincus en matière de : "
                     "{{ own_strengths|and_list }}.",
        "next": "{% if council_approved %}Le conseil communal a approuvé ce choix le "
                "{{ council_date }}{% if council_number %} (décision {{ council_number }}){% "
                "endif %}.{% else %}Comme il est d'usage, ce choix sera soumis à l'approbation du "
                "conseil communal.{% endif %} Nous souhaitons confirmer formellement la "
                "coopération après une visite sur place ou une visite de votre délégation à "
                "{{ municipality }}, afin de mieux nous connaître d'abord.",
        "spirit": "Pour nous, un jumelage est une coopération de longue durée entre partenaires "
                  "égaux, dans laquelle les deux communes apprennent l'une de l'autre. Nous nous "
                  "réjouissons de la construire avec vous.",
        "contact_next": "{{ coordinator }} prendra prochainement contact avec vous pour "
                        "discuter des prochaines étapes ; vous pouvez également écrire à "
                        "{{ coordinator_email }}.",
        "why_top": "{{ candidate_name }} a obtenu le score pondéré le plus élevé : "
                   "**{{ own_score }} sur 100**{% if runner_up_gap %}, soit {{ runner_up_gap }} "
                   "points de plus que la candidature suivante{% endif %}.",
        "why_tied": "Avec **{{ own_score }} sur 100**, {{ candidate_name }} a obtenu le même "
                    "score pondéré le plus élevé {{ tied_with|elide('que') }}.",
        "why_round": "{{ candidate_name }} a obtenu un score pondéré de **{{ own_score }} sur "
                     "100**{% if own_rank %} ({{ own_rank|ordinal('m') }} sur {{ n_ranked }}){% "
                     "endif %}{% if shortlisted %} et a ainsi rejoint la liste restreinte"
                     "{% endif %}.",
        "consensus_chosen": "Dans l'ordre final fixé par consensus, {{ candidate_name }} figure "
                            "en première position{% if not draft %} ; le collège a suivi cet "
                            "ordre{% endif %}.",
        "round_ahead": "Lors du second tour qualitatif, {{ candidate_name }} a reçu une "
                       "appréciation plus favorable que les autres candidatures examinées sur les "
                       "points suivants : {{ round_ahead|and_list }}.",
        "reasoning": "Le collège a motivé son choix en ces termes : « {{ reasoning }} »"
                     "{{ reasoning|full_stop }}",
    },
    "en": {
        "subject": "**Re: {{ candidate_name }} chosen as partner municipality of "
                   "{{ municipality }}**",
        "news": "We are delighted to inform you that the Board of Mayor and Aldermen of "
                "{{ municipality }} decided{% if decision_date %} on "
                "{{ decision_date }}{% endif %} to enter into a city link with "
                "{{ candidate_name }}. Thank you very much for your application{% if received %} "
                "of {{ received }}{% endif %}.",
        "why": "We received {{ n_candidates }} applications, assessed on {{ n_criteria }} "
               "criteria fixed in advance; your application was scored by {{ n_assessors }} "
               "{% if n_assessors == 1 %}assessor{% else %}assessors{% endif %}.",
        "strengths": "Your application was particularly convincing on: "
                     "{{ own_strengths|and_list }}.",
        "next": "{% if council_approved %}The municipal council approved this choice on "
                "{{ council_date }}{% if council_number %} (decision {{ council_number }}){% "
                "endif %}.{% else %}As is customary, this choice will be submitted to the "
                "municipal council for approval.{% endif %} We would like to confirm the "
                "cooperation formally after a visit to your municipality or a return visit to "
                "{{ municipality }}, so that we first get to know each other better.",
        "spirit": "For us, a city link is a long-term cooperation between equal partners, in "
                  "which both municipalities learn from each other. We look forward to shaping "
                  "it together with you.",
        "contact_next": "{{ coordinator }} will contact you shortly to discuss the next steps; "
                        "you can also write to {{ coordinator_email }}.",
        "why_top": "{{ candidate_name }} obtained the highest weighted score: **{{ own_score }} "
                   "out of 100**{% if runner_up_gap %}, {{ runner_up_gap }} points ahead of the "
                   "next application{% endif %}.",
        "why_tied": "With **{{ own_score }} out of 100**, {{ candidate_name }} shared the highest "
                    "weighted score with {{ tied_with }}.",
        "why_round": "{{ candidate_name }} obtained a weighted score of **{{ own_score }} out of "
                     "100**{% if own_rank %} ({{ own_rank|ordinal }} of {{ n_ranked }}){% endif "
                     "%}{% if shortlisted %} and so reached the shortlist{% endif %}.",
        "consensus_chosen": "In the final order agreed by consensus, {{ candidate_name }} is "
                            "placed first{% if not draft %}; the Board followed that order"
                            "{% endif %}.",
        "round_ahead": "In the second, qualitative round, {{ candidate_name }} was judged more "
                       "favourably than the other applications examined on: "
                       "{{ round_ahead|and_list }}.",
        "reasoning": "The Board gave the following reasons for its choice: “{{ reasoning }}”"
                     "{{ reasoning|full_stop }}",
    },
    "es": {
        "subject": "**Asunto: {{ candidate_name }}, elegido municipio socio de "
                   "{{ municipality }}**",
        "news": "Nos complace mucho comunicarle que el Colegio de Burgomaestre y Concejales de "
                "{{ municipality }} decidió{% if decision_date %} el "
                "{{ decision_date }}{% endif %} establecer un hermanamiento con "
                "{{ candidate_name }}. Le agradecemos sinceramente su "
                "candidatura{% if received %} del {{ received }}{% endif %}.",
        "why": "Recibimos {{ n_candidates }} candidaturas, evaluadas según {{ n_criteria }} "
               "criterios fijados de antemano; su candidatura fue puntuada por {{ n_assessors }} "
               "{% if n_assessors == 1 %}evaluador{% else %}evaluadores{% endif %}.",
        "strengths": "Su candidatura nos convenció especialmente en: "
                     "{{ own_strengths|and_list }}.",
        "next": "{% if council_approved %}El concejo municipal aprobó esta elección el "
                "{{ council_date }}{% if council_number %} (decisión {{ council_number }}){% "
                "endif %}.{% else %}Como es habitual, esta elección se someterá a la aprobación "
                "del concejo municipal.{% endif %} Deseamos formalizar la cooperación después de "
                "una visita a su municipio o de una visita de su delegación a {{ municipality }}, "
                "para conocernos mejor primero.",
        "spirit": "Para nosotros, un hermanamiento es una cooperación a largo plazo entre socios "
                  "iguales, en la que ambos municipios aprenden el uno del otro. Esperamos "
                  "construirlo junto con ustedes.",
        "contact_next": "{{ coordinator }} se pondrá en contacto con usted próximamente para "
                        "hablar de los próximos pasos; también puede escribir a "
                        "{{ coordinator_email }}.",
        "why_top": "{{ candidate_name }} obtuvo la puntuación ponderada más alta: "
                   "**{{ own_score }} sobre 100**{% if runner_up_gap %}, {{ runner_up_gap }} "
                   "puntos por delante de la siguiente candidatura{% endif %}.",
        "why_tied": "Con **{{ own_score }} sobre 100**, {{ candidate_name }} compartió la "
                    "puntuación ponderada más alta con {{ tied_with }}.",
        "why_round": "{{ candidate_name }} obtuvo una puntuación ponderada de **{{ own_score }} "
                     "sobre 100**{% if own_rank %} ({{ own_rank|ordinal('m') }} de "
                     "{{ n_ranked }}){% endif %}{% if shortlisted %} y entró así en la lista de "
                     "preseleccionados{% endif %}.",
        "consensus_chosen": "En el orden final acordado por consenso, {{ candidate_name }} figura "
                            "en primer lugar{% if not draft %}; el Colegio siguió ese orden"
                            "{% endif %}.",
        "round_ahead": "En la segunda ronda cualitativa, {{ candidate_name }} recibió una "
                       "valoración más favorable que las demás candidaturas examinadas en: "
                       "{{ round_ahead|and_list }}.",
        "reasoning": "El Colegio motivó su elección en estos términos: «{{ reasoning }}»"
                     "{{ reasoning|full_stop }}",
    },
}

# The mark at the top of a letter written before the college decided (for the municipality's
# staff, in Dutch whatever the letter's language): the letter is a draft and is not sent.
DRAFT_MARK = ("**ONTWERP – niet versturen.** Het college van burgemeester en schepenen heeft nog "
              "niet beslist. Deze brief gaat pas uit nadat de beslissing vastgelegd is "
              "(partnerkeuze record … college); maak de brieven dan opnieuw.")

# The questions of the second round (layout.governance.SECOND_ROUND_QUESTIONS) as short phrases
# inside a sentence, in the reader's language.
ROUND_QUESTIONS: dict[str, dict[str, str]] = {
    "nl": {"R1": "draagvlak, enthousiasme en engagement", "R2": "wederzijds vertrouwen en openheid",
           "R3": "beleidsmatige raakvlakken", "R4": "juiste verwachtingen",
           "R5": "praktische haalbaarheid", "S1": "hoe goed wij als partner bij hen passen",
           "S2": "wat wij hen te bieden hebben"},
    "fr": {"R1": "l'adhésion, l'enthousiasme et l'engagement",
           "R2": "la confiance mutuelle et l'ouverture",
           "R3": "les points communs sur le plan des politiques",
           "R4": "des attentes réalistes", "R5": "la faisabilité pratique",
           "S1": "la mesure dans laquelle notre commune leur convient comme partenaire",
           "S2": "ce que nous avons à leur offrir"},
    "en": {"R1": "support, enthusiasm and commitment", "R2": "mutual trust and openness",
           "R3": "common ground in policy", "R4": "realistic expectations",
           "R5": "practical feasibility", "S1": "how well our municipality suits them as a partner",
           "S2": "what we have to offer them"},
    "es": {"R1": "apoyo, entusiasmo y compromiso", "R2": "confianza mutua y apertura",
           "R3": "puntos en común en las políticas", "R4": "expectativas realistas",
           "R5": "viabilidad práctica",
           "S1": "en qué medida nuestro municipio les conviene como socio",
           "S2": "lo que podemos ofrecerles"},
}
