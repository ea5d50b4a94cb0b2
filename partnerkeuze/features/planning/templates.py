"""Planning templates: the steps of a stedenband call (000_063238b4784f833c.txt) and of an SDG
partnership (003_1457e92fe5a06ce4.txt), and demo meetings and settings for both modes."""

from __future__ import annotations

import datetime as dt

from partnerkeuze.layout.planning import (
    BUSY, CALL, COLLEGE, COUNCIL, DONE, GROS, MILESTONE, STEERING, STEP, TODO,
)

COORD = "Coördinator"

# id, step, kind, office days, after, body, owner
STEDENBAND: tuple[tuple, ...] = (
    ("S01", "Profiel opstellen eigen gemeente", STEP, 15, "", None, COORD),
    ("S02", "Oplijsting beoordelingscriteria en gewichten", STEP, 15, "S01", None, COORD),
    ("S03", "Advies GROS over profiel en criteria", STEP, 3, "S02", GROS, COORD),
    ("S04", "Criteria vastleggen door het college", STEP, 2, "S03", COLLEGE, COORD),
    ("S05", "Vragenlijst opstellen", STEP, 10, "S04", None, COORD),
    ("S06", "Vragenlijst vertalen (fr, en, es)", STEP, 14, "S05", None, "Vertaalbureau"),
    ("S07", "Bepalen kanalen voor oproep", STEP, 5, "S04", None, COORD),
    ("S08", "Openstellen kandidaturen (oproep verspreiden)", CALL, 0, "S06, S07", None, COORD),
    ("S09", "Longlist beoordelen en scoren", STEP, 15, "S08", None, "Beoordelaars"),
    ("S10", "Shortlist: aanvullende informatie en tweede ronde", STEP, 20, "S09", None, COORD),
    ("S11", "Rangschikking in overleg met alle betrokken actoren", STEP, 5, "S10", None, COORD),
    ("S12", "Advies GROS over de rangschikking", STEP, 2, "S11", GROS, COORD),
    ("S13", "Geargumenteerd dossier: beslissing college", STEP, 5, "S12", COLLEGE, COORD),
    ("S14", "Goedkeuring door de gemeenteraad", STEP, 2, "S13", COUNCIL, "Schepen"),
    ("S15", "Bekendmaking bij partnergemeente", STEP, 5, "S14", None, COORD),
    ("S16", "Andere kandidaten informeren (feedbackbrieven)", STEP, 10, "S14", None, COORD),
    ("S17", "Bezoek ter plaatse of tegenbezoek", STEP, 10, "S15+20", None, "Delegatie"),
    ("S18", "Formele bekrachtiging van de stedenband", STEP, 3, "S17", COUNCIL, "Schepen"),
)

SDG: tuple[tuple, ...] = (
    ("D01", "Oproep aan Vlaamse gemeenten (SDG-partnerschappen)", CALL, 0, "", None, "VVSG"),
    ("D02", "Digitale informatiesessie na de lancering", MILESTONE, 0, "", None, "VVSG"),
    ("D03", "Quotering van de kandidaturen", STEP, 10, "D01", None, "VVSG"),
    ("D04", "Selectie van de deelnemende gemeenten", STEP, 3, "D03", STEERING, "VVSG"),
    ("D05", "Matching met gemeenten in Benin en Rwanda (VVSG, ANCB, RALGA)", STEP, 15, "D04",
     None, "VVSG"),
    ("D06", "Deelname goedkeuren door het college", STEP, 3, "D05", COLLEGE, COORD),
    ("D07", "Opstart van de partnerschappen", MILESTONE, 0, "D06", None, "VVSG"),
    ("D08", "Digitale uitwisselingssessie 1 (jaar 1)", MILESTONE, 0, "D07+20", None, "VVSG"),
    ("D09", "Digitale uitwisselingssessie 2 (jaar 1)", MILESTONE, 0, "D08+60", None, "VVSG"),
    ("D10", "Werkbezoek aan de partnergemeente in het Zuiden", STEP, 5, "D09+20", None,
     "Delegatie"),
    ("D11", "Digitale uitwisselingssessie 3 (jaar 1)", MILESTONE, 0, "D10+40", None, "VVSG"),
    ("D12", "Evaluatie na het eerste jaar en besteding van het resterende budget", STEP, 5,
     "D11+75", STEERING, "VVSG"),
    ("D13", "Digitale uitwisselingssessie 4 (jaar 2)", MILESTONE, 0, "D12+20", None, "VVSG"),
    ("D14", "Ontvangst van de delegatie uit het Zuiden (thematische 2-daagse)", STEP, 5,
     "D13+30", None, COORD),
    ("D15", "Digitale uitwisselingssessie 5 (jaar 2)", MILESTONE, 0, "D14+40", None, "VVSG"),
    ("D16", "Digitale uitwisselingssessie 6 (jaar 2)", MILESTONE, 0, "D15+40", None, "VVSG"),
    ("D17", "Infosessie duurzaamheid en verderzetting", MILESTONE, 0, "D16+15", None, "VVSG"),
    ("D18", "Eindevaluatie van het partnerschap", STEP, 10, "D17", STEERING, "VVSG"),
    ("D19", "Einde van het partnerschap (uiterlijk na twee jaar)", MILESTONE, 0, "D18", None,
     "VVSG"),
)


def rows(template: tuple[tuple, ...], statuses: dict[str, str] | None = None,
         earliest: dict[str, dt.date] | None = None) -> list[list]:
    """Planning table rows (column order of tblPlanning) of a template."""
    statuses = statuses or {}
    earliest = earliest or {}
    out = []
    for sid, name, kind, days, after, body, owner in template:
        out.append([sid, name, kind, days, after or None, body, owner,
                    statuses.get(sid, TODO), earliest.get(sid), None, None, None, None, None])
    return out


def template_rows(mode: str) -> list[list]:
    """The template of a mode, every step still to do."""
    return rows(SDG if mode == "sdg" else STEDENBAND)


def _weekly(first: dt.date, last: dt.date, weekday: int) -> list[dt.date]:
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    out = []
    while day <= last:
        out.append(day)
        day += dt.timedelta(days=7)
    return out


def _monthly(first: dt.date, last: dt.date, weekday: int, nth: int,
             skip_months=(7, 8)) -> list[dt.date]:
    """The nth weekday (nth=-1: the last) of every month, without the summer months."""
    out = []
    y, m = first.year, first.month
    while dt.date(y, m, 1) <= last:
        if m not in skip_months:
            days = [dt.date(y, m, d) for d in range(1, 32) if _valid(y, m, d)
                    and dt.date(y, m, d).weekday() == weekday]
            day = days[nth]
            if first <= day <= last:
                out.append(day)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _valid(y, m, d) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def meeting_rows(first: dt.date, last: dt.date, bodies: dict) -> list[list]:
    """Meeting rows: bodies maps a body to (weekly weekday | (weekday, nth), lead days, note)."""
    from partnerkeuze.core.workdays import is_office_day

    out = []
    for body, (when, lead, note) in bodies.items():
        dates = _weekly(first, last, when) if isinstance(when, int) else \
            _monthly(first, last, *when)
        out += [[body, d, lead, note, None, None] for d in dates if is_office_day(d)]
    return sorted(out, key=lambda r: (r[1], r[0]))


def stedenband_demo(tables: dict, fields: dict) -> None:
    """Demo planning of Heidebeek's call: steps, statuses, meetings and planning settings."""
    # The demo call has its second round and consensus ranking filled in: the GROS advice on the
    # ranking is under way and the college decision is behind schedule.
    done = {f"S{i:02d}": DONE for i in range(1, 12)}
    done.update({"S12": BUSY})
    # The step under way started two weeks before this week, whenever the demo is made: the
    # Gantt then shows a call in progress (done, busy, to do), not steps late since 2026.
    today = dt.date.today()
    under_way = max(dt.date(2026, 7, 30), today - dt.timedelta(days=today.weekday() + 14))
    tables["planning"] = rows(STEDENBAND, done, earliest={"S12": under_way})
    last_meeting = max(dt.date(2027, 6, 30), today + dt.timedelta(days=550))
    tables["meetings"] = meeting_rows(dt.date(2025, 11, 1), last_meeting, {
        GROS: ((1, 1), 14, "Raadzaal, 20 uur"),
        COLLEGE: (0, 7, "Wekelijks college"),
        COUNCIL: ((3, -1), 21, "Gemeenteraad, agenda via het college"),
    })
    settings = fields.setdefault("settings", {})
    settings.update({"plan_start": dt.date(2025, 11, 3), "call_months": 3,
                     "deadline_extension": 0, "reminder_days": 7, "reminder_time": "08:00",
                     "smtp_port": 587, "smtp_starttls": "ja"})


def sdg_demo(tables: dict, fields: dict) -> None:
    """Demo planning of an SDG partnership: the call, matching, start and two years of work.

    The dates follow the call date of the SDG demo when it has one (autumn 2023 otherwise, as in
    the concept note).
    """
    call = fields.get("settings", {}).get("call_date") or dt.date(2023, 10, 2)
    call = call if isinstance(call, dt.date) else dt.date(2023, 10, 2)
    tables["planning"] = rows(SDG, earliest={"D01": call, "D02": call + dt.timedelta(days=15)})
    tables["meetings"] = meeting_rows(call - dt.timedelta(days=31), call + dt.timedelta(days=912), {
        STEERING: ((2, 0), 10, "Vlaamse stuurgroep SDG-partnerschappen"),
        COLLEGE: (0, 7, "Wekelijks college"),
    })
    settings = fields.setdefault("settings", {})
    settings.update({"plan_start": call, "call_months": 3,
                     "deadline_extension": 0,
                     "reminder_days": 7, "reminder_time": "08:00", "smtp_port": 587,
                     "smtp_starttls": "ja"})
