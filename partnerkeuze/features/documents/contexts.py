"""The contexts the templates receive, built from the model and the scoring result."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from partnerkeuze.core.scoring import CandidateResult, ScoreResult
from partnerkeuze.core.phrasing import candidate_person, closing_formula, salutation
from partnerkeuze.io.docx.render import Picture
from partnerkeuze.kernel.wording import country_name, criterion_name
from partnerkeuze.kernel.model import Candidate, Model
from partnerkeuze.record.procedure import reasons as rs

MAX_LOGO_BYTES = 5_000_000


class Notes:
    """Warnings collected while building contexts (shown to the user, not in the document)."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, text: str) -> None:
        """Add a warning once."""
        if text not in self.items:
            self.items.append(text)


def _num(x):
    """An integral float as int (15.0 -> 15), else the value."""
    if isinstance(x, float) and x.is_integer():
        return int(x)
    return x


def load_logo(value, base_dir: Path | None, notes: Notes) -> Picture | None:
    """The logo named on the Profiel sheet as a picture, or None (with a warning) if unusable."""
    if not value:
        return None
    p = Path(str(value))
    if not p.is_absolute() and base_dir is not None:
        p = base_dir / p
    try:
        if p.stat().st_size > MAX_LOGO_BYTES:
            notes.add(f"Profiel (logo): {p.name} is groter dan 5 MB; de documenten krijgen geen logo.")
            return None
        data = p.read_bytes()
    except OSError:
        notes.add(f"Profiel (logo): bestand {p} niet gevonden; de documenten krijgen geen logo.")
        return None
    if not (data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8")):
        notes.add(f"Profiel (logo): {p.name} is geen PNG- of JPG-bestand; de documenten krijgen "
                  f"geen logo.")
        return None
    return Picture(data, width_mm=32, description="logo")


def letterhead(model: Model, base_dir: Path | None, notes: Notes,
               today: dt.date | None = None, language: str = "nl") -> dict:
    """Sender, signatories, reference and date: what every document shows, in the language.

    The coordinator's job title and the address come from their translated fields (Profiel
    ``coordinator_role_fr``…); see partnerkeuze.core.translations. Each signatory (mayor,
    director, alderman) comes with the title that fits the signatory's form of address in the
    language (``director_title``: Directrice générale / Directeur général).
    """
    from partnerkeuze.core.phrasing import signatory, title
    from partnerkeuze.core.translations import profile_text

    p = model.profile
    keys = ("municipality", "address", "postal_city", "phone", "website", "coordinator",
            "coordinator_role", "coordinator_email", "reference")
    ctx = {k: ("" if p.get(k) is None else str(p.get(k))) for k in keys}
    for k in ("address", "postal_city", "coordinator_role"):
        ctx[k] = profile_text(model, k, language, notes)
    for k in ("mayor", "director", "alderman"):
        who = signatory(p, k)
        ctx[k] = who.name
        ctx[f"{k}_title"] = title(k, who, language)
    ctx["logo"] = load_logo(p.get("logo"), base_dir, notes)
    ctx["today"] = today or dt.date.today()
    return ctx


def translated(model: Model, key: str, language: str, notes: Notes) -> str:
    """A profile text in the reader's language (Profiel '<key>_<language>'), else the Dutch one
    with a warning."""
    from partnerkeuze.core.translations import profile_text

    return profile_text(model, key, language, notes)


def questions(model: Model, language: str, notes: Notes) -> list[dict]:
    """The questions of the questionnaire in a language, in the order of the criteria."""
    out = []
    for crit in model.criteria:
        text = (crit.questions.get(language) or "").strip()
        if not text:
            text = (crit.questions.get("nl") or "").strip()
            if text:
                notes.add(f"Criteria ({crit.id}): geen vraag in het {_LANG_NL[language]}; de "
                          f"Nederlandse vraag staat in de vragenlijst.")
            else:
                notes.add(f"Criteria ({crit.id}): geen vraag; dit criterium staat niet in de "
                          f"vragenlijst.")
                continue
        out.append({"number": len(out) + 1, "text": text, "criterion": crit.id})
    return out


_LANG_NL = {"nl": "Nederlands", "fr": "Frans", "en": "Engels", "es": "Spaans"}


def questionnaire_context(model: Model, language: str, base_dir: Path | None,
                          notes: Notes, today: dt.date | None = None) -> dict:
    """The context of the questionnaire in one language."""
    from partnerkeuze.core.translations import province_phrase
    from partnerkeuze.io.forms.texts import call_title, how_to_answer
    from partnerkeuze.record.procedure.deadline import deadline_phrase

    ctx = letterhead(model, base_dir, notes, today, language)
    s = model.settings
    ctx.update(
        call_title=call_title(model, language, notes),
        call_date=s.call_date,
        deadline=s.deadline,
        deadline_phrase=deadline_phrase(s.deadline, language) if s.deadline else "",
        how_to_answer=how_to_answer(language, str(model.profile.get("coordinator_email") or "")),
        province=province_phrase(str(model.profile.get("province") or ""), language),
        population=model.profile.get("population"),
        description=translated(model, "description", language, notes),
        themes=translated(model, "themes", language, notes),
        seeks=translated(model, "seeks", language, notes),
        offers=translated(model, "offers", language, notes),
        questions=questions(model, language, notes),
    )
    if s.deadline is None:
        notes.add("Instellingen: geen deadline voor de kandidaturen; de vragenlijst noemt er geen.")
    return ctx


def chosen_partner(model: Model, result: ScoreResult, decision=None) -> CandidateResult | None:
    """The partner the documents name: the college's choice from the procedure record, or
    before its decision the proposal (consensus order, else the single best score)."""
    if decision is None:
        from partnerkeuze.record.procedure.decision import decide
        from partnerkeuze.record.procedure.record import ProcedureRecord

        decision = decide(model, result, ProcedureRecord())
    return result.by_id().get(decision.partner) if decision.partner else None


def _scored_criteria(model: Model):
    return rs.scored_criteria(model)


def _in_sentence(name: str) -> str:
    """A criterion name inside a sentence: lower-case first letter (not for acronyms)."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def _as_item(name: str) -> str:
    """A criterion name at the start of a table cell or list item: capital first letter."""
    return name[:1].upper() + name[1:]


def _crit_name(crit, language: str, notes: Notes) -> str:
    name, ok = criterion_name(crit.name, language, crit.names)
    if not ok:
        notes.add(f"Criteria ({crit.id}): geen vertaling ({language}) van de naam "
                  f"'{crit.name}'; de brief gebruikt de Nederlandse naam.")
    return name


def criterion_names(model: Model, ids: list[str], language: str, notes: Notes) -> list[str]:
    """Names of criteria (by id) in the reader's language, as they stand inside a sentence."""
    crits = {c.id: c for c in model.criteria}
    return [_in_sentence(_crit_name(crits[i], language, notes)) for i in ids if i in crits]


def comparison(model: Model, own: CandidateResult, chosen: CandidateResult, language: str,
               notes: Notes, deciding: list[str] | None = None) -> tuple[list[dict], list[dict]]:
    """Per scored criterion both scores, and the rows of the deciding criteria (in their order)."""
    rows, by_id = [], {}
    for crit in _scored_criteria(model):
        a, b = own.criterion_scores.get(crit.id), chosen.criterion_scores.get(crit.id)
        row = {"id": crit.id, "name": _as_item(_crit_name(crit, language, notes)),
               "weight": _num(crit.weight), "own": "–" if a is None else round(a, 1),
               "chosen": "–" if b is None else round(b, 1), "max": _num(crit.scale_max)}
        rows.append(row)
        by_id[crit.id] = row
    if deciding is None:
        deciding = rs.deciding(model, own, chosen)
    return rows, [by_id[c] for c in deciding if c in by_id]


def round_question_names(ids: list[str], language: str) -> list[str]:
    """The second-round questions (ids) as short phrases in the reader's language."""
    from partnerkeuze.features.documents.texts_letters import ROUND_QUESTIONS

    names = ROUND_QUESTIONS.get(language, ROUND_QUESTIONS["nl"])
    return [names[q] for q in ids if q in names]


def decision_part(decision, result: ScoreResult, model: Model, language: str = "nl") -> dict:
    """What every letter says about the decision and the stage the procedure reached: draft or
    final, the college's date and number, the council's approval (date and number) once
    recorded, the college's reasoning in the reader's language, the shortlist as decided (with
    a tie at its boundary) and the candidates the second round examined."""
    from partnerkeuze.record.procedure.reasoning import in_language

    record = decision.record
    college = record.college if decision.final else None
    council = record.council if decision.final else None
    if council is not None and (council.partner != decision.partner
                                or (college is not None and (council.seq or 0) < (college.seq or 0))):
        council = None  # an approval of an earlier decision approves nothing of this one
    names = {c.id: c.name for c in model.candidates}
    looked_at = rs.examined(model, result)
    tied = rs.boundary_tied(result)
    return dict(
        draft=decision.draft,
        decision_date=college.date if college and college.date else None,
        decision_number=college.number if college else "",
        council_approved=council is not None and council.date is not None,
        council_date=council.date if council is not None else None,
        council_number=council.number if council is not None else "",
        reasoning=in_language(record, language) if college else "",
        n_shortlist=len(result.shortlist),
        shortlist_size=model.settings.shortlist_size,
        boundary_tie=bool(tied),
        boundary_names=[names.get(c, c) for c in tied],
        examined_names=[names.get(c, c) for c in looked_at],
        n_examined=len(looked_at),
        second_round_held=rs.second_round_held(decision.record, result, model),
    )


def _candidate_part(model: Model, result: ScoreResult, cand: Candidate, res: CandidateResult,
                    language: str, notes: Notes, why: rs.Reasons) -> dict:
    contact = candidate_person(model, cand.id)
    return dict(
        candidate_id=cand.id,
        candidate_name=cand.name,
        candidate_country=country_name(cand.country, language),
        candidate_region=cand.region or "",
        candidate_contact=contact.name,
        candidate_contact_role=contact.role,
        salutation=salutation(contact, language),
        closing_address=closing_formula(contact, language),
        candidate_email=cand.email or "",
        received=cand.received,
        n_candidates=len(model.candidates),
        n_criteria=len(_scored_criteria(model)),
        n_assessors=why.assessors,
        scale_max=_num(model.settings.scale_max),
        own_score=None if res.score is None else round(res.score, 1),
        own_rank=res.rank,
        n_ranked=why.n_ranked,
        own_strengths=criterion_names(model, why.strengths, language, notes),
    )


def declined_context(model: Model, result: ScoreResult, cand: Candidate,
                     chosen: CandidateResult, language: str, head: dict, notes: Notes,
                     decision=None, why: rs.Reasons | None = None) -> dict:
    """The context of the letter to a candidate that was not chosen."""
    from partnerkeuze.record.procedure.decision import Decision

    if decision is None:
        decision = Decision(partner=chosen.id, basis="score", final=False)
    res = result.by_id()[cand.id]
    why = why or rs.reasons_for(model, result, decision, cand.id)
    ctx = dict(head)
    ctx.update(_candidate_part(model, result, cand, res, language, notes, why))
    ctx.update(decision_part(decision, result, model, language))
    rows, decisive = comparison(model, res, chosen, language, notes, why.deciding)
    knockouts = []
    for crit in model.criteria:
        v = res.criterion_scores.get(crit.id)
        if crit.knockout and v is not None and crit.threshold is not None and v < crit.threshold:
            knockouts.append(_in_sentence(_crit_name(crit, language, notes)))
    ctx.update(
        outcome=why.outcome,
        chosen_name=chosen.name,
        chosen_country=country_name(chosen.country, language),
        chosen_score=None if chosen.score is None else round(chosen.score, 1),
        comparison=rows,
        decisive=decisive,
        chosen_ahead=why.chosen_ahead,
        knockouts=knockouts,
        consensus_position=why.consensus_position,
        n_consensus=why.n_consensus,
        round_behind=round_question_names(why.round_behind, language),
        chosen_consensus_first=bool(decision.consensus_order)
        and decision.consensus_order[0] == chosen.id,
        own_examined=why.examined,
        own_shortlisted=why.outcome == rs.SHORTLISTED,
    )
    return ctx


def chosen_context(model: Model, result: ScoreResult, cand: Candidate, language: str,
                   head: dict, notes: Notes, decision=None,
                   why: rs.Reasons | None = None) -> dict:
    """The context of the announcement letter to the chosen partner."""
    from partnerkeuze.record.procedure.decision import Decision

    if decision is None:
        decision = Decision(partner=cand.id, basis="score", final=False)
    res = result.by_id()[cand.id]
    why = why or rs.reasons_for(model, result, decision, cand.id)
    ctx = dict(head)
    ctx.update(_candidate_part(model, result, cand, res, language, notes, why))
    ctx.update(decision_part(decision, result, model, language))
    names = {c.id: c.name for c in model.candidates}
    ctx.update(
        top_score=why.top_score,
        runner_up_gap=why.runner_up_gap,
        tied_with=", ".join(names.get(c, c) for c in why.tied_top),
        consensus_first=bool(decision.consensus_order)
        and decision.consensus_order[0] == cand.id,
        round_ahead=round_question_names(why.round_ahead, language),
        shortlisted=res.shortlisted,
    )
    return ctx
