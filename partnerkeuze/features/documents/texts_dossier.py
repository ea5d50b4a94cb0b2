"""The dossier for the college (Dutch): its sections and wording as a Word template.

Sections as the call info sheet asks (000_063238b4784f833c.txt): where the procedure stands,
question and method, criteria and their fingerprint, channels and candidacies, longlist,
knock-outs, shortlist, second round, proposed order with its argument, a description of the
proposed partner and the shortlist, the principles of a city link (001), risks and exit strategy
(002), budget, GROS advice, reactions, next steps, annexes, and the decisions of college and
council (drafts only while there is a proposal and no decision).
"""

from __future__ import annotations


def build_dossier(b):
    """The dossier template, built with the blocks module ``b``."""
    doc = b.new_document("Dossier voor het college: {{ call_title }}", "nl")
    b.letterhead(doc)
    b.para(doc, "Dossier voor het college van burgemeester en schepenen", "Title")
    b.para(doc, "**Keuze van een partnergemeente: {{ call_title }}**")
    b.para(doc, "Referentie: {{ reference }} · Datum: {{ today }} · Opgesteld door: "
                "{{ coordinator }}{% if coordinator_role %}, {{ coordinator_role|lower }}"
                "{% endif %} ({{ coordinator_email }})", "Kleine tekst", space_after=8)
    b.para(doc, "Stand van de procedure: {{ decision.stage }}.", "Kleine tekst")
    b.para_if(doc, "decision.draft",
              "**ONTWERP – het college van burgemeester en schepenen heeft nog niet beslist.** "
              "Dit dossier bereidt de beslissing voor; de brieven aan de kandidaten zijn "
              "ontwerpen tot de beslissing vastgelegd is.", align="justify")

    b.para(doc, "Samenvatting", "Heading 1")
    b.para(doc, "{{ municipality }} riep kandidaat-partnergemeenten op voor een {{ mode_label }}. "
                "Er kwamen {{ n_candidates }} kandidaturen binnen, beoordeeld op vooraf "
                "vastgelegde criteria.", align="justify")
    b.tag(doc, "{%p for line in summary %}")
    b.para(doc, "{{ line }}", align="justify")
    b.tag(doc, "{%p endfor %}")

    b.para(doc, "1. Vraag en werkwijze", "Heading 1")
    b.para_if(doc, "seeks", "**Wat wij zoeken.** {{ seeks }}", align="justify")
    b.para_if(doc, "themes", "**Thema's.** {{ themes }}", align="justify")
    b.para(doc, "**Werkwijze.** De oproep werd verspreid{% if call_date %} op {{ call_date }}"
                "{% endif %}{% if deadline %}, met als deadline {{ deadline }}{% endif %}. "
                "{{ assessors|length }} beoordelaars scoorden de kandidaturen per criterium "
                "(schaal {{ scale_min }} tot {{ scale_max }}) met een korte motivering; wie een "
                "belangenconflict verklaarde, scoorde die kandidaat niet mee. Hun scores werden "
                "samengevoegd met het {{ aggregation }}. Een knock-outcriterium "
                "sluit een kandidaat uit die de drempel niet haalt. De gewogen score (0-100) "
                "bepaalt de rangschikking; de {{ shortlist_size }} hoogst scorende kandidaten "
                "vormen de shortlist, die in een tweede, kwalitatieve ronde van naderbij "
                "bekeken wordt.", align="justify")
    b.loop_table(doc, ["ID", "Beoordelaar", "Rol"], ["{{ a.id }}", "{{ a.name }}", "{{ a.role }}"],
                 "for a in assessors", [1.6, 5.5, 9.2])

    b.para(doc, "2. Criteria en gewichten", "Heading 1")
    b.loop_table(doc, ["ID", "Criterium", "Soort", "Gewicht", "Schaal", "Drempel"],
                 ["{{ c.id }}", "{{ c.name }}", "{{ c.kind }}", "{{ c.weight }}", "{{ c.scale }}",
                  "{{ c.threshold }}"], "for c in criteria", [1.3, 6.6, 2.3, 2.1, 1.7, 2.3],
                 right=(3,))
    b.para(doc, "")
    b.para(doc, "Vingerafdruk (SHA-256) van deze criteria en gewichten: **{{ criteria_hash }}**.")
    b.tag(doc, "{%p if frozen %}")
    b.para(doc, "De criteria werden vastgelegd op {{ frozen_at }} door {{ frozen_by }}, vóór "
                "het scoren, en zijn sindsdien niet gewijzigd.", align="justify")
    b.tag(doc, "{%p else %}")
    b.para(doc, "**Let op:** de criteria zijn niet vastgelegd of werden gewijzigd nadat ze "
                "vastgelegd werden. Leg ze vast vóór het dossier voorgelegd wordt.")
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p if criteria_history %}")
    b.para(doc, "Geschiedenis van de criteria", "Heading 2")
    b.loop_table(doc, ["Wanneer", "Wie", "Vingerafdruk", "Reden"],
                 ["{{ h.when }}", "{{ h.who }}", "{{ h.hash }}", "{{ h.reason }}"],
                 "for h in criteria_history", [3.2, 3.0, 3.6, 6.5])
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p if criteria_refrozen %}")
    b.bullets(doc, "for line in criteria_refrozen", "**Let op:** {{ line }}")
    b.tag(doc, "{%p endif %}")
    b.para_if(doc, "anchor", "{{ anchor.text }}", "Kleine tekst")

    b.para(doc, "3. Kanalen en ontvangen kandidaturen", "Heading 1")
    b.para(doc, "De oproep werd langs verschillende kanalen tegelijk verspreid. Wij ontvingen "
                "{{ n_candidates }} kandidaturen:", keep=True)
    b.loop_table(doc, ["Kanaal", "Kandidaturen"], ["{{ ch.name }}", "{{ ch.count }}"],
                 "for ch in channels", [10.0, 3.0], right=(1,))
    b.para(doc, "")
    b.loop_table(doc, ["ID", "Gemeente", "Land", "Taal", "Kanaal", "Ontvangen"],
                 ["{{ k.id }}", "{{ k.name }}", "{{ k.country }}", "{{ k.language }}",
                  "{{ k.channel }}", "{{ k.received or '' }}"],
                 "for k in candidates", [1.2, 3.8, 2.6, 1.1, 4.3, 3.3])

    b.para(doc, "4. Longlist en gewogen scores", "Heading 1")
    b.para(doc, "De gewogen score (0-100) van elke volledig gescoorde kandidaat die geen "
                "knock-out kreeg:", keep=True)
    b.loop_table(doc, ["Rang", "ID", "Gemeente", "Land", "Score", "Shortlist"],
                 ["{{ r.rank }}", "{{ r.id }}", "{{ r.name }}", "{{ r.country }}",
                  "{{ r.score|number(1) }}", "{{ r.shortlisted }}"],
                 "for r in longlist", [1.4, 1.4, 4.6, 3.2, 2.0, 2.0], right=(4,))
    b.para(doc, "")
    b.para(doc, "{{ chart_scores }}", align="center")

    b.para(doc, "5. Uitgesloten en onvolledige kandidaten", "Heading 1")
    b.tag(doc, "{%p if excluded %}")
    b.loop_table(doc, ["ID", "Gemeente", "Reden"], ["{{ x.id }}", "{{ x.name }}", "{{ x.reason }}"],
                 "for x in excluded", [1.4, 4.0, 10.9])
    b.tag(doc, "{%p else %}")
    b.para(doc, "Geen: elke kandidatuur werd volledig gescoord en niemand kreeg een knock-out.")
    b.tag(doc, "{%p endif %}")

    b.para(doc, "6. Shortlist", "Heading 1")
    b.para(doc, "De {{ shortlist|length }} hoogst scorende kandidaten:", keep=True)
    b.bullets(doc, "for s in shortlist",
              "**{{ s.rank }}. {{ s.name }} ({{ s.country }}), {{ s.score|number(1) }} op "
              "100.** Sterk op: {{ s.strengths }}. Minder sterk op: {{ s.weaknesses }}.")
    b.tag(doc, "{%p if chart_radar %}")
    b.para(doc, "{{ chart_radar }}", align="center")
    b.para(doc, "Criteriumprofielen van de shortlist: de score per criterium als deel van de "
                "schaal (buitenrand = hoogste score).", "Kleine tekst", align="center")
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p if sensitivity %}")
    b.para(doc, "Gevoeligheid voor de gewichten", "Heading 2")
    b.bullets(doc, "for line in sensitivity.sentences", "{{ line }}")
    b.loop_table(doc, ["Criterium", "Laagste gewicht", "Hoogste gewicht"],
                 ["{{ st.criterion }}", "{{ st.low|number(1) }} %", "{{ st.high|number(1) }} %"],
                 "for st in sensitivity.stability", [8.0, 4.0, 4.0], right=(1, 2))
    b.para(doc, "Binnen deze grenzen (de andere gewichten schuiven evenredig mee) blijft de "
                "shortlist dezelfde.", "Kleine tekst")
    b.tag(doc, "{%p if sensitivity.ranks is defined and sensitivity.ranks %}")
    b.loop_table(doc, ["Kandidaat", "Eerste plaats", "Op de shortlist", "Rangen"],
                 ["{{ r.name }} ({{ r.id }})", "{{ r.first_text }}", "{{ r.shortlist_text }}",
                  "{{ r.text }}"], "for r in sensitivity.ranks", [4.0, 3.4, 3.4, 5.5])
    b.para(doc, "Rangaanvaardbaarheid: het deel van {{ sensitivity.samples }} aannemelijke "
                "wegingen dat elke rang geeft (gelijke scores delen de betere rang), met de "
                "standaardfout van de trekking in procentpunt{% if sensitivity.vary_scores %}; de scores van de "
                "beoordelaars variëren mee binnen hun spreiding{% endif %}.", "Kleine tekst")
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p endif %}")

    b.para(doc, "7. Tweede, kwalitatieve ronde", "Heading 1")
    b.tag(doc, "{%p if second_round %}")
    b.tag(doc, "{%p for row in second_round.rows %}")
    b.para(doc, "**{{ row.name }}**", keep=True, space_after=2)
    b.bullets(doc, "for point in row.points", "{{ point }}")
    b.tag(doc, "{%p endfor %}")
    b.tag(doc, "{%p else %}")
    b.para(doc, "De tweede ronde is nog niet ingevuld in de werkmap. Daarin worden de "
                "kandidaten van de shortlist via mail, telefoon of videogesprek opnieuw bekeken: "
                "draagvlak en engagement, wederzijds vertrouwen en openheid, raakvlakken in het "
                "beleid, de juiste verwachtingen en de praktische haalbaarheid, en ook de vraag "
                "of wij zelf een geschikte partner zijn voor deze gemeente.", align="justify")
    b.tag(doc, "{%p endif %}")

    b.para(doc, "8. {% if decision.final %}Rangorde en argumentatie{% else %}Voorgestelde "
                "rangorde en argumentatie{% endif %}", "Heading 1")
    b.bullets(doc, "for line in argument", "{{ line }}")
    b.para_if(doc, "second_round and second_round.dissent",
              "**Afwijkende mening.** {{ second_round.dissent }}", align="justify")
    # Each list under its own heading, only when it has lines.
    for items, heading, item in (("conflicts", "Belangenconflicten", "line"),
                                 ("disagreement", "Verschillen tussen beoordelaars", "line"),
                                 ("warnings", "Aandachtspunten", "w")):
        b.tag(doc, "{%p if " + items + " %}")
        b.para(doc, heading, "Heading 2")
        b.bullets(doc, f"for {item} in {items}", "{{ " + item + " }}")
        b.tag(doc, "{%p endif %}")

    b.para(doc, "9. Voorstelling van de {% if decision.final %}gekozen{% else %}voorgestelde"
                "{% endif %} partner en de shortlist", "Heading 1")
    b.tag(doc, "{%p if descriptions %}")
    b.tag(doc, "{%p for d in descriptions %}")
    b.para(doc, "{{ d.name }} ({{ d.country }}), {{ d.role }}", "Heading 2")
    b.para(doc, "{% if d.region %}Regio: {{ d.region }}. {% endif %}Aantal inwoners: "
                "{% if d.population %}{{ d.population }} (volgens de kandidatuur){% else %}niet "
                "opgegeven in de kandidatuur{% endif %}. Gewogen score: "
                "{% if d.score is not none %}{{ d.score|number(1) }} op 100{% if d.rank %} (plaats "
                "{{ d.rank }}){% endif %}"
                "{% else %}niet volledig gescoord{% endif %}. Kanaal: {{ d.channel }}.",
           align="justify")
    b.bullets(doc, "for w in d.wants",
              "**Uit het antwoord op {{ w.criterion }}:** “{{ w.text }}”")
    b.para_if(doc, "not d.wants",
              "Er zijn nog geen antwoorden van deze kandidaat ingelezen (blad Antwoorden).",
              align="justify")
    b.tag(doc, "{%p endfor %}")
    b.tag(doc, "{%p else %}")
    b.para(doc, "Er is nog geen voorgestelde partner en geen shortlist.")
    b.tag(doc, "{%p endif %}")

    b.para(doc, "10. Beginselen van een stedenband", "Heading 1")
    b.para(doc, "Een stedenband steunt op vier beginselen: gelijkwaardige partners, "
                "wederkerigheid, een proces en geen project, en een breed politiek draagvlak. "
                "Hoe de {% if decision.final %}gekozen{% else %}voorgestelde{% endif %} partner "
                "daaraan voldoet, volgens de scores en de tweede "
                "ronde:", align="justify", keep=True)
    b.tag(doc, "{%p if principles %}")
    b.loop_table(doc, ["Beginsel", "Oordeel", "Waarop gebaseerd"],
                 ["{{ pr.name }}", "{{ pr.verdict }}", "{{ pr.evidence }}"],
                 "for pr in principles", [3.6, 2.6, 10.1])
    b.para(doc, "")
    b.tag(doc, "{%p else %}")
    b.para(doc, "Er is nog geen voorgestelde partner om aan de beginselen te toetsen.")
    b.tag(doc, "{%p endif %}")

    b.para(doc, "11. Risico's en exitstrategie", "Heading 1")
    b.bullets(doc, "for line in risks", "{{ line }}")
    b.para(doc, "**Exitstrategie.** {{ exit_strategy }}", align="justify")

    b.para(doc, "12. Budget", "Heading 1")
    b.tag(doc, "{%p if budget %}")
    b.bullet(doc, "Jaarbudget voor de stedenband: {{ budget.year }}.")
    b.bullet(doc, "Vertaling en tolken: {{ budget.translation }} per jaar (vragenlijst, brieven, "
                  "overeenkomst en verslagen{% if budget.language %}; de "
                  "{% if decision.final %}gekozen{% else %}voorgestelde{% endif %} partner "
                  "werkt in het {{ budget.language }}{% endif %}).")
    b.tag(doc, "{%p else %}")
    b.para(doc, "Er is nog geen budget ingevuld op het blad Profiel (jaarbudget en budget voor "
                "vertaling en tolken).")
    b.tag(doc, "{%p endif %}")

    b.para(doc, "13. Advies van de GROS", "Heading 1")
    b.tag(doc, "{%p if gros %}")
    b.para(doc, "De GROS bracht op {{ gros.date }} dit advies uit: “{{ gros.text }}”"
                "{{ gros.text|full_stop }}",
           align="justify")
    b.tag(doc, "{%p else %}")
    b.para(doc, "De GROS heeft nog geen advies uitgebracht (of het advies is nog niet "
                "vastgelegd op het blad Procedure).", align="justify")
    b.tag(doc, "{%p endif %}")

    b.para(doc, "14. Omgaan met reacties van kandidaten", "Heading 1")
    b.para(doc, "{{ reactions }}", align="justify")

    b.para(doc, "15. Planning van de volgende stappen", "Heading 1")
    b.bullets(doc, "for st in next_steps",
              "**{{ st.name }}.**{% if st.body %} {{ st.body }}{% endif %}{% if st.note %} "
              "({{ st.note }}){% endif %}")
    b.tag(doc, "{%p if planning %}")
    b.loop_table(doc, ["Stap", "Van", "Tot", "Wie beslist"],
                 ["{{ st.name }}", "{{ st.start }}", "{{ st.end }}",
                  "{{ st.body }}"],
                 "for st in planning.steps", [6.3, 3.1, 3.1, 3.8])
    b.para_if(doc, "planning_chart", "{{ planning_chart }}", align="center")
    b.tag(doc, "{%p endif %}")

    b.para(doc, "16. Bijlagen", "Heading 1")
    b.bullets(doc, "for a in annexes", "{{ a }}")

    b.tag(doc, "{%p if proposal and decision.final %}")
    b.page_break(doc)
    b.para(doc, "17. Besluit van het college van burgemeester en schepenen", "Heading 1")
    b.para(doc, "Het college koos op {{ decision.date }}{% if decision.number %} (beslissing "
                "{{ decision.number }}){% endif %} {{ proposal.name }} ({{ proposal.country }}) "
                "als partnergemeente van {{ municipality }}.", align="justify")
    b.para_if(doc, "decision.reasoning", "Het college motiveerde zijn keuze als volgt: "
                                         "“{{ decision.reasoning }}”"
                                         "{{ decision.reasoning|full_stop }}", align="justify")
    b.tag(doc, "{%p if decision.council %}")
    b.para(doc, "De gemeenteraad keurde die keuze goed op {{ decision.council_date }}"
                "{% if decision.council_number %} (beslissing {{ decision.council_number }})"
                "{% endif %}.", align="justify")
    b.tag(doc, "{%p else %}")
    b.para(doc, "Die keuze wordt ter goedkeuring voorgelegd aan de gemeenteraad.",
           align="justify")
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p if proposal and not decision.final %}")
    b.page_break(doc)
    b.para(doc, "17. Ontwerpbesluit van het college van burgemeester en schepenen", "Heading 1")
    b.para(doc, "**Onderwerp:** keuze van een partnergemeente voor een {{ mode_label }}.")
    b.para(doc, "**Bevoegdheid:** het decreet over het lokaal bestuur van 22 december 2017.")
    b.para(doc, "**Aanleiding en context.** {{ municipality }} lanceerde{% if call_date %} op "
                "{{ call_date }}{% endif %} een oproep tot kandidaatstelling voor een "
                "partnergemeente in het Zuiden. Er werden {{ n_candidates }} kandidaturen "
                "ontvangen.", align="justify")
    b.para(doc, "**Argumentatie.** De kandidaturen werden beoordeeld aan de hand van vooraf "
                "vastgelegde criteria en gewichten (vingerafdruk {{ criteria_hash[:12] }}). "
                "{{ decision_argument }} Het bijgevoegde dossier bevat de volledige "
                "beoordeling{% if gros %}; de GROS bracht advies uit op {{ gros.date }}"
                "{% endif %}.", align="justify")
    b.para_if(doc, "anchor", "{{ anchor.text }}", "Kleine tekst")
    b.para(doc, "**Besluit**", keep=True)
    b.para(doc, "**Artikel 1.** Het college kiest {{ proposal.name }} ({{ proposal.country }}) als "
                "partnergemeente van {{ municipality }} en legt deze keuze ter goedkeuring voor "
                "aan de gemeenteraad.", align="justify")
    b.para(doc, "**Artikel 2.** Het college belast {{ coordinator }} met het informeren van alle "
                "kandidaten: de gekozen partnergemeente met een bekendmaking, de andere "
                "kandidaten met een gemotiveerde brief.", align="justify")
    b.para(doc, "**Artikel 3.** De samenwerking wordt pas formeel bekrachtigd na een bezoek ter "
                "plaatse of een tegenbezoek aan {{ municipality }}.", align="justify")

    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p if proposal and not decision.council %}")
    b.para(doc, "18. Ontwerpbesluit van de gemeenteraad", "Heading 1")
    b.para(doc, "**Onderwerp:** goedkeuring van de keuze van {{ proposal.name }} "
                "({{ proposal.country }}) als partnergemeente.")
    b.para(doc, "**Bevoegdheid:** het decreet over het lokaal bestuur van 22 december 2017.")
    b.para(doc, "**Motivering.** {% if decision.final %}Het college van burgemeester en "
                "schepenen koos op {{ decision.date }}{% if decision.number %} (beslissing "
                "{{ decision.number }}){% endif %} {{ proposal.name }} als partnergemeente"
                "{% else %}Aan het college van burgemeester en schepenen wordt voorgesteld "
                "{{ proposal.name }} als partnergemeente te kiezen{% endif %}, na een open oproep "
                "en een beoordeling op vooraf vastgelegde criteria.{% if decision.reasoning %} "
                "Het college motiveerde zijn keuze als volgt: “{{ decision.reasoning }}”"
                "{{ decision.reasoning|full_stop }}"
                "{% endif %} {% if gros %}De Gemeentelijke Raad voor Ontwikkelingssamenwerking "
                "(GROS) bracht op {{ gros.date }} dit advies uit: “{{ gros.text }}”"
                "{{ gros.text|full_stop }}{% else %}Het advies van de "
                "Gemeentelijke Raad voor Ontwikkelingssamenwerking (GROS) is nog niet "
                "vastgelegd.{% endif %} Een stedenband is "
                "een samenwerking van lange duur tussen gelijkwaardige partners, met breed "
                "politiek draagvlak.", align="justify")
    b.para_if(doc, "anchor", "{{ anchor.text }}", "Kleine tekst")
    b.para(doc, "**Besluit**", keep=True)
    b.para(doc, "**Artikel 1.** De gemeenteraad keurt de keuze van {{ proposal.name }} "
                "({{ proposal.country }}) als partnergemeente van {{ municipality }} goed.",
           align="justify")
    b.para(doc, "**Artikel 2.** De gemeenteraad gelast het college een "
                "samenwerkingsovereenkomst voor te bereiden, met afspraken over doelen, rollen, "
                "risico's en een exitstrategie, en die na een bezoek ter plaatse ter goedkeuring "
                "voor te leggen.", align="justify")
    b.tag(doc, "{%p endif %}")
    b.footer(doc, "{{ municipality }} · dossier {{ reference }} · {{ today }}", "nl")
    return doc
