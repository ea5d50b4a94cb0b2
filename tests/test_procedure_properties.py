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


@st.composite
def calls(draw):
    """A random scored call with declarations, a second round and maybe a college decision."""
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
    model = Model(profile={"municipality": "Heidebeek", "coordinator": "An",
                           "coordinator_email": "an@x.be"},
                  settings=Settings(shortlist_size=3), criteria=criteria, candidates=cands,
                  assessors=assessors, scores=scores, tables={"conflicts": declarations})
    result = evaluate(model)
    rows = []
    for cid in result.shortlist:
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
    if eligible and draw(st.booleans()):
        chosen = draw(st.sampled_from(eligible))
        entries.append(Entry(1, "college", "", dt.date(2026, 9, 7), None, chosen, "CBS/1", "",
                             "", "t", "", "x"))
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


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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
