"""Property: for random scored calls, every statement in every letter is true of the scores and
the recorded decision (strengths, deciding criteria, rank, counts), and no criterion is both a
strength and a deciding weakness. Checked on the reasons and on the rendered letter text."""

from __future__ import annotations

import datetime as dt
import re

from documents_support import docx_text, rank_re
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from partnerkeuze.core.assessment import evaluate
from partnerkeuze.kernel.model import Assessor, Candidate, Criterion, Model, Score, Settings
from partnerkeuze.record.procedure import reasons as rs
from partnerkeuze.record.procedure.decision import decide
from partnerkeuze.record.procedure.record import Entry, ProcedureRecord

NAMES = ("Democratische participatie", "Beleidsmatige raakvlakken",
         "Draagvlak, enthousiasme en engagement", "Gelijkwaardigheid en wederkerigheid",
         "Juiste verwachtingen", "Praktische haalbaarheid",
         "Land waar Vlaamse gemeenten actief zijn", "Bestaande contacten")
LANGS = ("nl", "fr", "en", "es")
JUDGEMENTS = ("ja", "eerder ja", "eerder nee", "nee")
QUESTIONS = ("R1", "R2", "R3", "R4", "R5", "S1", "S2")
STRONG_WORDS = {"nl": "in het bijzonder sterk op het vlak van:",
                "fr": "particulièrement forte en matière de :",
                "en": "particularly strong on:", "es": "destacó especialmente en:"}
DECISIVE_WORDS = {"nl": "(gewicht", "fr": "(pondération", "en": "(weight", "es": "(ponderación"}


REASONING = {"nl": "Reden van het college", "fr": "Raison du collège",
             "en": "Reason of the Board", "es": "Razón del Colegio"}


@st.composite
def calls(draw):
    """A random scored call with declarations, maybe a tie (at the top, on the shortlist's
    boundary or elsewhere), a second round that judged some of the shortlist, maybe a consensus
    order, a college decision (with or without its own reasoning, for or against the consensus)
    and the council's approval."""
    n_crit = draw(st.integers(3, 6))
    names = draw(st.permutations(NAMES))[:n_crit]
    weights = draw(st.lists(st.integers(5, 40), min_size=n_crit, max_size=n_crit))
    criteria = [Criterion(f"C{i + 1}", names[i], float(weights[i]), 0.0, 5.0)
                for i in range(n_crit)]
    n_cand = draw(st.integers(3, 7))
    n_ass = draw(st.integers(1, 3))
    cands = [Candidate(f"K{i + 1:02d}", f"Gemeente{i + 1}", "Benin", draw(st.sampled_from(LANGS)),
                       row=5 + i) for i in range(n_cand)]
    assessors = [Assessor(f"B{a + 1}", f"Beoordelaar {a + 1}") for a in range(n_ass)]
    scores, declarations = [], []
    for c in cands:
        for a in assessors:
            conflict = n_ass > 1 and draw(st.integers(0, 9)) == 0
            declarations.append({"assessor": a.id, "candidate": c.id,
                                 "declaration": "conflict" if conflict else "geen conflict"})
            for k in criteria:
                if draw(st.integers(0, 29)) == 0:
                    continue  # a missing score: incomplete through the municipality
                scores.append(Score(c.id, k.id, a.id, float(draw(st.integers(0, 5)))))
    if draw(st.integers(0, 2)) == 0:  # a tie: one candidate scored exactly as another
        src, dst = draw(st.permutations([c.id for c in cands]))[:2]
        scores = [s for s in scores if s.candidate != dst] + [
            Score(dst, s.criterion, s.assessor, s.score) for s in scores if s.candidate == src]
        own = {d["assessor"]: d["declaration"] for d in declarations if d["candidate"] == src}
        for d in declarations:
            if d["candidate"] == dst:
                d["declaration"] = own[d["assessor"]]
    model = Model(profile={"municipality": "Heidebeek", "coordinator": "An",
                           "coordinator_email": "an@x.be"},
                  settings=Settings(shortlist_size=3), criteria=criteria, candidates=cands,
                  assessors=assessors, scores=scores, tables={"conflicts": declarations})
    result = evaluate(model)
    rows = []
    for cid in result.shortlist:
        if draw(st.integers(0, 3)) == 0:
            continue  # not examined in the second round
        for q in QUESTIONS:
            rows.append({"candidate": cid, "question": q,
                         "judgement": draw(st.sampled_from(JUDGEMENTS)), "argument": "x"})
    model.tables["second_round"] = rows
    eligible = [c.id for c in result.candidates if c.score is not None and not c.excluded]
    entries = []
    if eligible and draw(st.booleans()):
        order = draw(st.permutations(result.shortlist)) if result.shortlist else []
        model.tables["final_order"] = [{"candidate": c, "position": i + 1}
                                       for i, c in enumerate(order)]
    if eligible and draw(st.integers(0, 3)) > 0:
        chosen = draw(st.sampled_from(eligible))
        text = ""
        if draw(st.booleans()):  # the college's own reasoning, translated (check sees to it)
            text = "\n".join([REASONING["nl"]] + [f"[{k}] {v}" for k, v in REASONING.items()
                                                  if k != "nl"])
        entries.append(Entry(1, "college", "", dt.date(2026, 9, 7), None, chosen, "CBS/1", text,
                             "", "t", "", "x"))
        if draw(st.booleans()):
            entries.append(Entry(2, "council", "", dt.date(2026, 9, 28), None, chosen,
                                 draw(st.sampled_from(["GR/2026/88", ""])), "", "", "t", "",
                                 "y"))
    return model, result, ProcedureRecord(entries)


def _check_reasons(model, result, decision, why):
    by_id = result.by_id()
    res = by_id[why.candidate]
    chosen = by_id.get(decision.partner)
    crits = {c.id: c for c in rs.scored_criteria(model)}
    # counts and rank
    counted = {s.assessor for s in model.scores if s.candidate == res.id and s.score is not None}
    conflicted = {d["assessor"] for d in model.tables["conflicts"]
                  if d["candidate"] == res.id and d["declaration"] == "conflict"}
    assert why.assessors == len(counted - conflicted)
    assert why.rank == res.rank
    assert why.n_ranked == sum(1 for c in result.candidates if c.rank is not None)
    # never both
    assert not set(why.strengths) & set(why.deciding)
    assert len(why.strengths) <= rs.LIMIT and len(why.deciding) <= rs.LIMIT

    def qualifies(cid):
        k = crits[cid]
        a = rs.normalized(k, res.criterion_scores.get(cid))
        if a is None or a < rs.STRONG - 1e-9 or not rs.is_merit(k) or cid in why.deciding:
            return False
        if why.kind == rs.DECLINED and chosen is not None:
            b = rs.normalized(k, chosen.criterion_scores.get(cid))
            if b is not None and b - a >= rs.CLEAR_GAP - 1e-9:
                return False
        return True

    for cid in why.strengths:
        assert qualifies(cid), cid  # good in absolute terms, not clearly behind, a merit
    left = [c for c in crits if qualifies(c) and c not in why.strengths]
    if why.outcome in (rs.INCOMPLETE, rs.KNOCKOUT, rs.WITHDRAWN):
        assert not why.strengths and not why.deciding  # such a letter states neither
    elif left:
        assert len(why.strengths) == rs.LIMIT
        low = min(rs.normalized(crits[c], res.criterion_scores[c]) for c in why.strengths)
        assert all(rs.normalized(crits[c], res.criterion_scores[c]) <= low + 1e-9 for c in left)
    # deciding: the largest weighted differences, only when the chosen partner is ahead
    if why.deciding:
        assert chosen is not None and chosen.score > res.score
        diffs = rs.weighted_differences(model, res, chosen)
        shown = [diffs[c] for c in why.deciding]
        assert shown == sorted(shown, reverse=True) and min(shown) >= rs.MIN_POINTS - 1e-9
        others = [v for c, v in diffs.items() if c not in why.deciding and v >= rs.MIN_POINTS]
        assert all(v <= min(shown) + 1e-9 for v in others)
        assert len(why.deciding) == rs.LIMIT or not others
    elif why.kind == rs.DECLINED and why.outcome in (rs.SCORED, rs.SHORTLISTED) \
            and chosen is not None and chosen.score > res.score + 1e-9:
        diffs = rs.weighted_differences(model, res, chosen)
        assert all(v < rs.MIN_POINTS for v in diffs.values())
    if why.kind == rs.ANNOUNCEMENT:
        others = [c.score for c in result.candidates if c.id != res.id and c.score is not None
                  and c.rank is not None]
        assert why.top_score == bool(res.score is not None and res.rank is not None and
                                     all(res.score > o + 1e-9 for o in others))
    if why.outcome == rs.INCOMPLETE:
        assert why.blocked and (not res.complete or res.score is None)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(call=calls())
def test_reasons_are_true_of_the_scores(call):
    model, result, record = call
    decision = decide(model, result, record)
    event(f"basis {decision.basis or 'none'}")
    if decision.partner is None:
        return
    for cand in model.candidates:
        _check_reasons(model, result, decision,
                       rs.reasons_for(model, result, decision, cand.id))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(call=calls())
def test_every_statement_in_every_rendered_letter_is_true(call):
    from partnerkeuze.features.documents.actions import template
    from partnerkeuze.features.documents.contexts import (
        Notes,
        chosen_context,
        declined_context,
        letterhead)
    from partnerkeuze.io.docx.render import compiled, format_number
    from partnerkeuze.kernel.languages import locale_for
    from partnerkeuze.kernel.wording import criterion_name

    model, result, record = call
    decision = decide(model, result, record)
    event(f"basis {decision.basis or 'none'}")
    if decision.partner is None:
        return
    by_id = result.by_id()
    chosen = by_id[decision.partner]
    notes = Notes()
    head = letterhead(model, None, notes, dt.date(2026, 9, 10))
    crits = {c.id: c for c in model.criteria}
    for cand in model.candidates:
        why = rs.reasons_for(model, result, decision, cand.id)
        if why.blocked:
            continue
        lang = cand.language
        if why.kind == rs.ANNOUNCEMENT:
            ctx = chosen_context(model, result, cand, lang, head, notes, decision, why)
            kind = "letter_chosen"
        else:
            ctx = declined_context(model, result, cand, chosen, lang, head, notes, decision, why)
            kind = "letter_declined"
        paras = [p for p in docx_text(compiled(template(kind, lang)).render(
            ctx, locale_for(lang))).split("\n") if p.strip()]
        text = " ".join(paras)
        assert ("ONTWERP" in text) == decision.draft
        res = by_id[cand.id]
        if why.outcome != rs.KNOCKOUT and res.score is not None:
            assert format_number(round(res.score, 1), locale_for(lang)) in text
        count = {"nl": "beoordelaar", "fr": "évaluateur", "en": "assessor", "es": "evaluador"}
        assert f"{why.assessors} {count[lang]}" in text
        strong = [p for p in paras if STRONG_WORDS[lang] in p]
        said = strong[0].split(STRONG_WORDS[lang])[1].lower() if strong else ""
        decisive = [p.lower() for p in paras if DECISIVE_WORDS[lang] in p]
        for cid in why.deciding:
            label = criterion_name(crits[cid].name, lang)[0].lower()
            assert any(p.startswith(label) for p in decisive)
        if kind == "letter_declined":
            assert len(decisive) == len(why.deciding) or why.outcome == rs.KNOCKOUT
            for cid in crits:
                label = criterion_name(crits[cid].name, lang)[0].lower()
                if label in said:  # every criterion named a strength is one
                    assert cid in why.strengths, (cid, said)
            if why.outcome != rs.KNOCKOUT and res.rank is not None:
                assert re.search(rank_re(res.rank, why.n_ranked, lang), text), text
            if not why.chosen_ahead and why.outcome != rs.KNOCKOUT:
                assert not decisive  # never deciding criteria against a higher own score
        else:
            highest = {"nl": "hoogste gewogen score", "fr": "score pondéré le plus élevé",
                       "en": "highest weighted score", "es": "puntuación ponderada más alta"}
            assert (highest[lang] in text) == (why.top_score or bool(why.tied_top))
        _check_record_sentences(model, result, decision, record, why, cand, lang,
                                text.replace("\u202f", " "), paras)


COUNCIL_DONE = {"nl": "De gemeenteraad keurde", "fr": "Le conseil communal a approuvé",
                "en": "The municipal council approved", "es": "El concejo municipal aprobó"}
COUNCIL_PENDING = {"nl": "ter goedkeuring voorgelegd", "fr": "sera soumis à l'approbation",
                   "en": "will be submitted to the municipal council",
                   "es": "se someterá a la aprobación"}
QUOTED = {"nl": "Het college motiveerde zijn keuze als volgt: “{}”",
          "fr": "Le collège a motivé son choix en ces termes : « {} »",
          "en": "The Board gave the following reasons for its choice: “{}”",
          "es": "El Colegio motivó su elección en estos términos: «{}»"}
ROUND_AHEAD = {"nl": "gunstiger beoordeeld dan de andere besproken kandidaturen op: ",
               "fr": "plus favorable que les autres candidatures examinées sur les points "
                     "suivants : ",
               "en": "more favourably than the other applications examined on: ",
               "es": "más favorable que las demás candidaturas examinadas en: "}
ROUND_BEHIND = {"nl": "gunstiger beoordeeld op: ",
                "fr": "appréciation plus favorable sur les points suivants : ",
                "en": "was judged more favourably on: ", "es": "valoración más favorable en: "}
CONSENSUS_FIRST = {"nl": "in consensus vastlegde, staat {} op de eerste plaats",
                   "fr": "fixé par consensus, {} figure en première position",
                   "en": "agreed by consensus, {} is placed first",
                   "es": "acordado por consenso, {} figura en primer lugar"}
CONSENSUS_FOLLOWED = {"nl": "maar de eindvolgorde die het overleg in consensus vastlegde",
                      "fr": "mais l'ordre final fixé par consensus",
                      "en": "but the final order agreed by consensus",
                      "es": "sino el orden final acordado por consenso"}
TIE = {"nl": "gelijk stonden op de grens", "fr": "à égalité à la limite",
       "en": "tied at the boundary", "es": "empataron en el límite"}
NOT_EXAMINED = {"nl": "kreeg in die ronde geen beoordeling", "fr": "n'a pas été évaluée lors de",
                "en": "was not assessed in that round", "es": "no fue evaluada en esa ronda"}
EXAMINED = {"nl": "bekeken wij ", "fr": "nous avons examiné de plus près ",
            "en": "we examined ", "es": "examinamos con más detalle "}
# never true of a record: a second round that decides by itself, 'the N best' of a shortlist
NEVER = ("fue decisiva", "was decisive", "a été déterminant", "gaf de doorslag",
         "à l'issue du second tour", "beste kandidaturen", "meilleures candidatures",
         "best applications", "mejores candidaturas")
GAP = re.compile(r"\bNone\b|\(\s*(van|of|de|sur)\s+\d|\(\s*\)|(obtained|behaalde|obtenu|obtuvo)"
                 r"\s+(out of|op|sur|sobre)\s+100|  ")


def _sentence(paras, mark):
    """The paragraph holding ``mark``, from the mark on ('' when none)."""
    found = [p.replace("\u202f", " ") for p in paras if mark in p.replace("\u202f", " ")]
    return found[0].split(mark, 1)[1] if found else ""


def _value(j):
    return rs.JUDGEMENT_VALUE[j]


def _check_record_sentences(model, result, decision, record, why, cand, lang, text, paras):
    """Every sentence about the stage and the why cites a recorded fact (an oracle written
    from the record here, not from the code under test)."""
    from partnerkeuze.features.documents.texts_letters import ROUND_QUESTIONS

    by_id = result.by_id()
    partner = decision.partner
    judged: dict[str, dict[str, str]] = {}
    for r in model.tables.get("second_round", []):
        judged.setdefault(r["candidate"], {})[r["question"]] = r["judgement"]
    found = GAP.search(text)
    assert not found, text[max(0, found.start() - 60):found.end() + 60]
    for phrase in NEVER:
        assert phrase not in text, phrase
    college = record.latest("college")
    council = record.latest("council")
    approved = decision.final and council is not None and council.partner == partner
    shown = why.kind == rs.ANNOUNCEMENT or why.outcome != rs.WITHDRAWN  # the decision's part
    assert (COUNCIL_DONE[lang] in text) == (approved and shown)
    if approved and council.number:
        assert council.number in text
    if why.kind == rs.ANNOUNCEMENT:
        assert (COUNCIL_PENDING[lang] in text) == (not approved)
    reasoning = bool(decision.final and college.text)
    assert (QUOTED[lang].format(REASONING[lang]) in text) == (reasoning and shown)
    event(f"{'final' if decision.final else 'draft'}, council {approved}, reasoning {reasoning}")
    # second-round facts: only those the judgements show, in the partner's favour
    for qid, phrase in ROUND_QUESTIONS[lang].items():
        ahead = _sentence(paras, ROUND_AHEAD[lang])
        if phrase in ahead:
            mine = judged.get(partner, {}).get(qid)
            others = [j[qid] for c, j in judged.items() if c != partner and qid in j]
            assert mine is not None and others and all(_value(mine) > _value(o) for o in others)
        behind = _sentence(paras, ROUND_BEHIND[lang])
        if why.kind == rs.DECLINED and phrase in behind:
            mine = judged.get(partner, {}).get(qid)
            theirs = judged.get(cand.id, {}).get(qid)
            assert mine is not None and theirs is not None and _value(mine) > _value(theirs)
    consensus = decision.consensus_order
    if why.kind == rs.ANNOUNCEMENT and CONSENSUS_FIRST[lang].format(cand.name) in text:
        assert consensus and consensus[0] == partner
    if CONSENSUS_FOLLOWED[lang] in text:
        assert consensus and consensus[0] == partner
    # who was where: the shortlist as decided, its tie, the candidates the round examined
    if TIE[lang] in text:
        assert result.boundary_tie
        event("a tie at the boundary, said")
    if why.kind == rs.DECLINED and why.outcome == rs.SHORTLISTED and cand.id in result.shortlist:
        assert (TIE[lang] in text) == bool(rs.boundary_tied(result))
        assert f" {len(result.shortlist)} " in text
    examined_part = _sentence(paras, EXAMINED[lang])
    if examined_part:
        for c in model.candidates:
            assert (re.search(rf"\b{c.name}\b", examined_part.split(";")[0]) is not None) == \
                (c.id in judged), (c.id, examined_part)
    assert (NOT_EXAMINED[lang] in text) == bool(examined_part and cand.id not in judged
                                                and why.kind == rs.DECLINED)
