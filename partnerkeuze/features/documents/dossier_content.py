"""What the dossier tells the college, drawn from the procedure record, the scores and the
answers: the decision (or proposal) and how it relates to the score order, a description of the
proposed partner and the shortlist, the principles of a city link they meet (001), the risks and
the exit strategy (002), the budget, the GROS advice, how reactions are handled, the annexes and
the next steps from today. Every sentence states only what the workbook and the record hold."""

from __future__ import annotations

import datetime as dt
import re

from partnerkeuze.kernel.wording import full_stop
from partnerkeuze.record.procedure import reasons as rs
from partnerkeuze.layout.planning import DONE
from partnerkeuze.record.procedure.stages import STAGE_NAMES

WANTS_CRITERIA = ("C05", "C02", "C01")  # expectations, common ground, participation
WANTS_MAX = 400
_POPULATION = re.compile(r"(\d{1,3}(?:[ .\u202f\u00a0,]\d{3})+|\d+)\s*(inwoners|habitants|"
                         r"inhabitants|habitantes)", re.IGNORECASE)

# The principles of a city link (001_d0f352f891acadf4.txt) and how the call measured them:
# (principle, explanation, criterion name, second-round question).
PRINCIPLES = (
    ("Gelijkwaardige partners", "beide besturen handelen als gelijkwaardige partners, ongeacht "
     "hun ongelijke financiële slagkracht; de klassieke donor-ontvangerrelatie wordt overstegen",
     "Gelijkwaardigheid en wederkerigheid", "R2"),
    ("Wederkerigheid", "een win-winsituatie: beide gemeenten leren uit de dialoog en de "
     "samenwerking", "Gelijkwaardigheid en wederkerigheid", "S2"),
    ("Proces, geen project", "een stedenband is geen projectwerk maar een procesmatige aanpak "
     "met een duurzaam effect op lange termijn (de menselijke valkuil van snel zichtbare "
     "projecten vermijden)", "Juiste verwachtingen", "R4"),
    ("Breed politiek draagvlak", "politieke steun over de partijgrenzen en meerderheid en "
     "oppositie heen, niet partijgebonden", "Draagvlak, enthousiasme en engagement", "R1"),
)
POSITIVE = ("ja", "eerder ja")

EXIT_STRATEGY = (
    "De samenwerkingsovereenkomst krijgt van bij de start een exitclausule, zoals Edegem die "
    "opnam voor zijn stedenband (renovatietraject 2019-2022): als de samenwerking vastloopt, is "
    "er een afgesproken weg om ze in overleg bij te sturen of af te ronden, zonder kostbare "
    "energie te verliezen. De samenwerking wordt regelmatig geëvalueerd met alle betrokken "
    "partijen, zeker bij een nieuwe legislatuur of een wissel van de coördinator.")
STAFF_RISK = (
    "Personeels- en politieke wissels: een meerjarig traject loopt over verschillende "
    "legislaturen, hier en in het Zuiden, en elke overgang kan de samenwerking blokkeren "
    "(renovatietraject: vertrek van een coördinator, stopzetting van een stedenband). Een "
    "duidelijk mandaat en een sterke kerngroep zijn daarom nodig.")
REACTIONS = (
    "Alle kandidaten krijgen een brief in hun eigen taal met de motivatie van de keuze: dat is "
    "respectvol en leerrijk voor hen. Reacties van kandidaten of van de partnergemeente komen "
    "bij {coordinator} ({email}), die ze binnen tien werkdagen beantwoordt op basis van dit "
    "dossier; een vraag die de beslissing zelf betwist, gaat naar het college. Geen enkele "
    "reactie verandert de brieven aan de andere kandidaten.")
ANNEXES = (
    "De werkmap met de scores per beoordelaar en criterium, met motivering (bladen Scores, "
    "Scoretabel en Resultaten)",
    "De ingelezen kandidatuurformulieren en de antwoorden (blad Antwoorden)",
    "De verslagen van de tweede ronde en de eindvolgorde (bladen Tweede ronde en Eindvolgorde)",
    "De verklaringen over belangenconflicten (blad Belangenconflicten)",
    "De historiek van de criteria en het logboek (bladen Criteriahistoriek en Logboek)",
    "De procedure met de vastgelegde stappen (blad Procedure)",
    "De brieven aan de kandidaten (bekendmaking en gemotiveerde brieven)",
)
VISIT = ("Bezoek ter plaatse of tegenbezoek", "De samenwerking wordt pas formeel bekrachtigd na "
         "een bezoek ter plaatse of een tegenbezoek aan de gemeente.")
NEXT_BODIES = {"gros": "GROS", "college": "College", "council": "Gemeenteraad"}
NEXT_TEXT = {
    "consensus": "De kandidaten van de shortlist in consensus rangschikken, met alle betrokken "
                 "actoren (blad Eindvolgorde), en die volgorde vastleggen.",
    "gros": "De GROS geeft advies over de voorgestelde partnergemeente.",
    "college": "Het college van burgemeester en schepenen beslist op basis van dit dossier.",
    "council": "De keuze wordt ter goedkeuring voorgelegd aan de gemeenteraad.",
    "partner_informed": "De gekozen partnergemeente krijgt de bekendmaking.",
    "others_informed": "Alle andere kandidaten krijgen een brief met de motivatie van de keuze.",
}
LOCAL_ELECTIONS = (2024, 10)  # Flemish local elections: October 2024, then every six years


def fmt(x: float | None) -> str:
    """A number with one decimal and a Dutch comma ('–' when absent)."""
    return "–" if x is None else f"{x:.1f}".replace(".", ",")


def nl_date(d: dt.date | None) -> str:
    """A date as Dutch text (2 juni 2026)."""
    if d is None:
        return ""
    from partnerkeuze.io.docx.render import format_date

    return format_date(d, "nl_BE")


def answers(model, cid: str) -> dict[str, str]:
    """The current answers of a candidate: criterion id -> answer text."""
    out = {}
    for r in model.tables.get("answers", []):
        if r.get("candidate") == cid and r.get("criterion") and (r.get("answer") or "").strip() \
                and not (r.get("superseded") or "").strip():
            out[r["criterion"]] = str(r["answer"]).strip()
    return out


def population(texts) -> str:
    """The number of inhabitants a candidate gives in its answers ('' when it gives none)."""
    for text in texts:
        m = _POPULATION.search(text)
        if m:
            digits = re.sub(r"\D", "", m.group(1))
            if digits:
                return f"{int(digits):,}".replace(",", ".")
    return ""


def _cut(text: str, limit: int = WANTS_MAX) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + " …"


def describe(model, result, decision) -> list[dict]:
    """The proposed partner and each shortlisted candidate, from their candidacy and answers."""
    by_id = result.by_id()
    ids = []
    if decision.partner in by_id:
        ids.append(decision.partner)
    for cid in list(decision.consensus_order) + list(result.shortlist):
        if cid in by_id and cid not in ids and not by_id[cid].excluded:
            ids.append(cid)
    crit_names = {c.id: c.name for c in model.criteria}
    out = []
    for cid in ids:
        cand = next(c for c in model.candidates if c.id == cid)
        res = by_id[cid]
        given = answers(model, cid)
        wants = [{"criterion": f"{k} {crit_names.get(k, '')}".strip(), "text": _cut(given[k])}
                 for k in WANTS_CRITERIA if k in given]
        if cid == decision.partner:
            role = "gekozen partner" if decision.final else "voorgestelde partner"
        elif cid in result.shortlist:
            role = "shortlist"
        else:
            role = "eindvolgorde in consensus"
        out.append({"id": cid, "name": cand.name, "country": cand.country,
                    "region": cand.region or "", "role": role,
                    "population": population(given.values()),
                    "channel": cand.channel or "", "received": cand.received,
                    "score": None if res.score is None else round(res.score, 1),
                    "rank": res.rank, "wants": wants,
                    "language": cand.language})
    return out


def principles(model, result, partner_id: str | None) -> list[dict]:
    """Per principle of 001: how the partner scored on the criterion and question measuring it."""
    if not partner_id or partner_id not in result.by_id():
        return []
    res = result.by_id()[partner_id]
    crits = {c.name: c for c in model.criteria}
    judged = rs.judgements(model, partner_id)
    arguments = {r["question"]: (r.get("argument") or "").strip()
                 for r in model.tables.get("second_round", [])
                 if r.get("candidate") == partner_id and r.get("question")}
    out = []
    for name, explanation, crit_name, question in PRINCIPLES:
        evidence, ok = [], []
        crit = crits.get(crit_name)
        if crit is not None and not crit.knockout:
            v = res.criterion_scores.get(crit.id)
            if v is not None:
                evidence.append(f"{crit.id} {crit.name}: gemiddeld {fmt(v)} op "
                                f"{fmt(crit.scale_max)}")
                ok.append(rs.normalized(crit, v) >= rs.STRONG - 1e-9)
        if question in judged:
            arg = arguments.get(question, "")
            evidence.append(f"tweede ronde ({question}): {judged[question]}"
                            + (f" – {arg.rstrip('. ')}" if arg else ""))
            ok.append(judged[question] in POSITIVE)
        if not ok:
            verdict = "niet beoordeeld"
        elif all(ok):
            verdict = "voldaan"
        else:
            verdict = "aandachtspunt"
        out.append({"name": name, "explanation": explanation, "verdict": verdict,
                    "evidence": "; ".join(evidence) or "geen criterium of vraag meet dit"})
    return out


def next_elections(today: dt.date) -> int:
    """The year of the next Flemish local elections (every six years from October 2024)."""
    year, month = LOCAL_ELECTIONS
    while (year, month) < (today.year, today.month):
        year += 6
    return year


def risks(model, result, partner_id: str | None, today: dt.date) -> list[str]:
    """The risks of the proposed partnership: staff and political change, what the candidate
    expects (its answer and the second round), practical feasibility and language."""
    out = [STAFF_RISK + f" De volgende gemeenteraadsverkiezingen in Vlaanderen vallen in "
                        f"oktober {next_elections(today)}."]
    if not partner_id or partner_id not in result.by_id():
        return out
    cand = next(c for c in model.candidates if c.id == partner_id)
    judged = rs.judgements(model, partner_id)
    arguments = {r["question"]: (r.get("argument") or "").strip()
                 for r in model.tables.get("second_round", [])
                 if r.get("candidate") == partner_id and r.get("question")}
    given = answers(model, partner_id)
    expect = []
    if "C05" in given:
        expect.append(f"in de kandidatuur: \"{_cut(given['C05'], 300)}\"")
    if "R4" in judged:
        expect.append(f"tweede ronde (juiste verwachtingen): {judged['R4']}"
                      + (f" – {arguments['R4'].rstrip('. ')}" if arguments.get("R4") else ""))
    if expect:
        out.append(f"Wat {cand.name} verwacht: " + "; ".join(expect) + ". Een verwachting van "
                   "financiering of zichtbare projecten moet vooraf uitgeklaard worden: een "
                   "stedenband is een proces, geen project.")
    if "R5" in judged:
        out.append(f"Praktische haalbaarheid (tweede ronde): {judged['R5']}"
                   + (f" – {arguments['R5'].rstrip('. ')}." if arguments.get("R5") else "."))
    if cand.language != "nl":
        from partnerkeuze.kernel.reference import LANGUAGES

        out.append(f"Taal: {cand.name} werkt in het {LANGUAGES.get(cand.language, cand.language)}"
                   f"; brieven, overeenkomst en verslagen worden vertaald en bij bezoeken is "
                   f"mogelijk een tolk nodig.")
    return out


def budget(model, partner_id: str | None) -> dict | None:
    """The budget of the city link from the Profiel sheet, or None when none is given."""
    year = model.profile.get("budget_year")
    translation = model.profile.get("budget_translation")
    if year in (None, "") and translation in (None, ""):
        return None
    language = ""
    if partner_id:
        from partnerkeuze.kernel.reference import LANGUAGES

        cand = next((c for c in model.candidates if c.id == partner_id), None)
        if cand is not None and cand.language != "nl":
            language = LANGUAGES.get(cand.language, cand.language)
    return {"year": _eur(year), "translation": _eur(translation), "language": language}


def _eur(value) -> str:
    if value in (None, ""):
        return "niet opgegeven"
    return f"{float(value):,.0f} EUR".replace(",", ".")


def _meetings(model, body: str) -> list[tuple[dt.date, dt.date]]:
    """(meeting date, submit-by date) of a body, in order."""
    from partnerkeuze.core.planner import Meeting

    out = []
    for r in model.tables.get("meetings", []):
        d = r.get("date")
        if r.get("body") != body or not isinstance(d, dt.date):
            continue
        d = d.date() if isinstance(d, dt.datetime) else d
        lead = r.get("lead_days") or 0
        out.append((d, Meeting(body, d, int(lead)).submit_by))  # the planner's rule
    return sorted(out)


def next_steps(model, record, decision, today: dt.date) -> list[dict]:
    """The steps still to come, from today: each body's first meeting whose submission date has
    not passed (Vergaderingen), in the order of the procedure."""
    todo = []
    if not decision.consensus_order and not record.has("consensus"):
        todo.append("consensus")
    for stage in ("gros", "college", "council", "partner_informed", "others_informed"):
        if not record.has(stage):
            todo.append(stage)
    steps, after = [], today
    for stage in todo:
        body = NEXT_BODIES.get(stage)
        when, submit = None, None
        if body:
            for meeting, by in _meetings(model, body):
                if by >= today and meeting >= after:
                    when, submit = meeting, by
                    break
            if when:
                after = when
        note = ""
        if when:
            note = (f"vergadering van {nl_date(when)}; agendapunt indienen uiterlijk "
                    f"{nl_date(submit)}")
        elif body:
            note = "nog geen vergadering gepland op het blad Vergaderingen"
        elif stage in ("partner_informed", "others_informed"):
            note = ("na de beslissing van het college" if not decision.final else
                    "nu: het college besliste")
        steps.append({"name": STAGE_NAMES[stage], "body": NEXT_TEXT.get(stage, ""),
                      "date": when, "note": note})
    steps.append({"name": VISIT[0], "body": VISIT[1], "date": None,
                  "note": "na de goedkeuring door de gemeenteraad"})
    return steps


def steps_to_come(steps: list[dict], today: dt.date) -> list[dict]:
    """The planning's steps that are not done and do not lie before today."""
    return [st for st in steps if st.get("status") != DONE
            and (st.get("end") is None or st["end"] >= today)]


def planned_next_steps(steps: list[dict]) -> list[dict]:
    """The next steps of the dossier from the planning's steps still to come, with the plan's
    dates: the meeting and its submission date, else when the step is planned."""
    from partnerkeuze.record.procedure.stages import PLANNING_STEPS

    out = []
    for st in steps:
        stage = PLANNING_STEPS.get(st.get("id"), "")
        meeting, submit = st.get("meeting"), st.get("submit_by")
        if meeting:
            note = (f"{st.get('body') or 'vergadering'} van {nl_date(meeting)}; agendapunt "
                    f"indienen uiterlijk {nl_date(submit)}" if submit else
                    f"{st.get('body') or 'vergadering'} van {nl_date(meeting)}")
        elif st.get("start") and st.get("end") and st["start"] != st["end"]:
            note = f"gepland van {nl_date(st['start'])} tot {nl_date(st['end'])}"
        elif st.get("end"):
            note = f"gepland op {nl_date(st['end'])}"
        else:
            note = ""
        body = NEXT_TEXT.get(stage, VISIT[1] if st.get("name") == VISIT[0] else "")
        out.append({"name": st.get("name") or st.get("id") or "", "body": body,
                    "date": meeting or st.get("end"), "note": note})
    return out


def summary(model, result, decision) -> list[str]:
    """The summary sentences: what was decided or proposed and how it relates to the scores."""
    by_id = result.by_id()
    names = {c.id: f"{c.name} ({c.country})" for c in model.candidates}
    out = []
    if decision.partner is None or decision.partner not in by_id:
        if not decision.score_order:
            out.append("Er is nog geen voorstel: geen enkele kandidaat is volledig gescoord, "
                       "dus er is nog geen rangschikking en geen shortlist.")
        else:
            top = [names[c] for c in decision.score_order
                   if abs(by_id[c].score - by_id[decision.score_order[0]].score) < 1e-9]
            out.append(f"Er is nog geen voorstel: {' en '.join(top)} staan gelijk met de hoogste "
                       f"gewogen score ({fmt(by_id[decision.score_order[0]].score)} op 100) en "
                       f"er is nog geen eindvolgorde in consensus.")
        return out
    p = by_id[decision.partner]
    college = decision.record.college
    if decision.final:
        nr = f" (beslissing {college.number})" if college.number else ""
        out.append(f"Het college van burgemeester en schepenen koos op {nl_date(college.date)}"
                   f"{nr} {names[p.id]} als partnergemeente.")
        council = decision.record.council
        if council is not None and council.partner == p.id \
                and (council.seq or 0) > (college.seq or 0):  # it approved this decision
            nr = f" (beslissing {council.number})" if council.number else ""
            out.append(f"De gemeenteraad keurde die keuze goed op {nl_date(council.date)}{nr}.")
    else:
        out.append(f"Wij stellen voor {names[p.id]} als partnergemeente te kiezen. Het college "
                   f"heeft nog niet beslist.")
    out.append(score_relation(model, result, decision))
    return out


def _and(items: list[str]) -> str:
    """'a, b en c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def choice_reasons(model, result, decision) -> list[str]:
    """Why the named partner was chosen although it is not the single first on score, only as
    the record shows it: the consensus order when the choice follows it, the second-round
    questions on which the partner was judged better than every other candidate judged on them,
    and the college's own reasoning, quoted; [] when the record holds none of these."""
    from partnerkeuze.features.documents.texts_letters import ROUND_QUESTIONS

    p = result.by_id()[decision.partner]
    out = []
    if decision.consensus_order and decision.consensus_order[0] == p.id:
        out.append(f"Het overleg zette {p.name} in consensus op de eerste plaats van de "
                   f"eindvolgorde" + ("; het college volgde die volgorde." if decision.final
                                      else "."))
    ahead = rs.round_ahead(model, p.id, rs.examined(model, result))
    if ahead:
        names = [ROUND_QUESTIONS["nl"][q] for q in ahead if q in ROUND_QUESTIONS["nl"]]
        out.append(f"In de tweede ronde werd {p.name} gunstiger beoordeeld dan de andere "
                   f"besproken kandidaten op: {_and(names)}.")
    consensus = list(decision.consensus_order)
    if consensus and consensus[0] != p.id:
        first = result.by_id().get(consensus[0])
        first_name = first.name if first is not None else consensus[0]
        if p.id in consensus:
            out.append(f"De eindvolgorde die het overleg in consensus vastlegde, zette {p.name} "
                       f"op plaats {consensus.index(p.id) + 1} van {len(consensus)} en "
                       f"{first_name} op de eerste plaats"
                       + ("; het college week daarvan af." if decision.final else "."))
        else:
            out.append(f"{p.name} staat niet in de eindvolgorde die het overleg in consensus "
                       f"vastlegde ({first_name} op de eerste plaats)"
                       + ("; het college week daarvan af." if decision.final else "."))
    reasoning = decision.record.reasoning.get("nl", "") if decision.final else ""
    if reasoning:
        out.append(f"Het college motiveerde zijn keuze als volgt: “{reasoning}”"
                   f"{full_stop(reasoning)}")
    return out


def score_relation(model, result, decision) -> str:
    """True sentences on how the named partner relates to the score order, and why it was
    chosen when it is not the single first on score (choice_reasons: only what the record
    holds)."""
    by_id = result.by_id()
    p = by_id[decision.partner]
    first_in_consensus = bool(decision.consensus_order) and decision.consensus_order[0] == p.id
    consensus = (" en staat eerst in de eindvolgorde die het overleg in consensus vastlegde"
                 if first_in_consensus else "")
    if p.score is None:
        return f"{p.name} is niet volledig gescoord."
    if decision.follows_score:
        ranked = [c for c in decision.score_order if c != p.id]
        gap = f", {fmt(p.score - by_id[ranked[0]].score)} punten meer dan {by_id[ranked[0]].name}" \
            if ranked else ""
        return (f"{p.name} behaalde de hoogste gewogen score ({fmt(p.score)} op 100{gap})"
                f"{consensus}.")
    because = " ".join(choice_reasons(model, result, decision))
    because = f" {because}" if because else ""
    tied = [by_id[c].name for c in decision.score_order
            if c != p.id and abs(by_id[c].score - p.score) < 1e-9]
    if decision.tie_at_top and tied and p.rank == 1:
        return (f"{p.name} behaalde dezelfde hoogste gewogen score ({fmt(p.score)} op 100) als "
                f"{_and(tied)}: de score alleen besliste dus niet.{because}")
    top = by_id[decision.score_order[0]] if decision.score_order else None
    if top is None:
        return f"{p.name} behaalde {fmt(p.score)} op 100.{because}"
    rank = f" (plaats {p.rank})" if p.rank is not None else ""
    return (f"{p.name} behaalde {fmt(p.score)} op 100{rank}; {top.name} behaalde de hoogste "
            f"gewogen score ({fmt(top.score)} op 100). De keuze volgt dus niet de score."
            f"{because}")


def final_order_arguments(model, decision) -> list[str]:
    """The written arguments of the consensus meeting for each place of the final order."""
    rows = {r.get("candidate"): r for r in model.tables.get("final_order", [])}
    names = {c.id: c.name for c in model.candidates}
    out = []
    for pos, cid in enumerate(decision.consensus_order, start=1):
        arg = (rows.get(cid) or {}).get("argument") or ""
        if arg.strip():
            out.append(f"{pos}. {names.get(cid, cid)}: {arg.strip().rstrip('.')}.")
    return out


def gros(record) -> dict | None:
    """The recorded GROS advice (date and text), or None."""
    e = record.latest("gros")
    if e is None:
        return None
    return {"date": e.date, "text": e.text}


def reactions(model) -> str:
    """How reactions of candidates are handled (000_063238b4784f833c.txt)."""
    p = model.profile
    return REACTIONS.format(coordinator=p.get("coordinator") or "de coördinator",
                            email=p.get("coordinator_email") or "")
