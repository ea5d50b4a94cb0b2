"""The evaluation sheets of a workbook as plain values (Link), with the problems of their
contents named by sheet and cell."""

from __future__ import annotations

from partnerkeuze.kernel.wording import nl_general

from dataclasses import dataclass, field

from partnerkeuze import layout
from partnerkeuze.kernel.cellref import place
from partnerkeuze.kernel.errors import Problem
from partnerkeuze.layout.evaluation import SIDES
from partnerkeuze.kernel.model import Model
from partnerkeuze.kernel.sdg_rules import parse_reasons
from partnerkeuze.kernel.snapshot import Snapshot

FLEMISH, PARTNER = SIDES


def cell(table_key: str, column: str, row: int) -> str:
    """The place of a cell of an evaluation table (``Risico's!G7``)."""
    t = layout.table(table_key)
    return place(layout.TABLE_SHEET[table_key].name, t.first_col + t.index(column), row)


@dataclass(frozen=True)
class Item:
    """A thing answered on the scale: a basic concept (radar axis) or an evaluation question."""

    id: str
    kind: str  # 'concept', 'les' or 'principe'
    title: str  # concept name or lesson/principle (Dutch)
    texts: dict  # language -> name (concept) or question
    description: dict  # language -> description (concepts) or ''
    row: int

    def text(self, lang: str) -> str:
        """The name or question in a language (Dutch when not translated)."""
        return self.texts.get(lang) or self.texts.get("nl") or self.title

    def about(self, lang: str) -> str:
        """The description in a language (Dutch when not translated)."""
        return self.description.get(lang) or self.description.get("nl") or ""


@dataclass
class Link:
    """The evaluation sheets of a workbook."""

    values: dict  # Stedenband fields
    rounds: list[dict]
    concepts: list[Item]
    questions: list[Item]
    answers: list[dict]
    expectations: list[dict]
    risks: list[dict]
    exit_triggers: list[dict]
    budget: list[dict]
    problems: list[Problem] = field(default_factory=list)

    @property
    def link_id(self) -> str:
        """The code that identifies the link in its forms."""
        return str(self.values.get("link_id") or "")

    @property
    def partner_language(self) -> str:
        """The partner's language (nl, fr, en, es)."""
        return str(self.values.get("partner_language") or "nl")

    @property
    def scale(self) -> tuple[int, int]:
        """(lowest, highest) score of the questionnaire."""
        return int(self.values.get("scale_min") or 0), int(self.values.get("scale_max") or 5)

    @property
    def items(self) -> list[Item]:
        """Concepts first, then questions."""
        return self.concepts + self.questions

    def round(self, rid: str) -> dict | None:
        """The Evaluatierondes row with this id."""
        return next((r for r in self.rounds if r["id"] == rid), None)

    def ordered_rounds(self) -> list[dict]:
        """The rounds by date (then id)."""
        return sorted(self.rounds, key=lambda r: (r["date"], r["id"]))

    def latest_round(self) -> dict | None:
        """The newest round (the round of the report and the forms)."""
        rounds = self.ordered_rounds()
        return rounds[-1] if rounds else None

    def previous_round(self, rid: str) -> dict | None:
        """The round before this one, or None."""
        rounds = self.ordered_rounds()
        ids = [r["id"] for r in rounds]
        i = ids.index(rid) if rid in ids else -1
        return rounds[i - 1] if i > 0 else None

    def rounds_until(self, rid: str) -> list[dict]:
        """The rounds up to and including this one, by date."""
        rounds = self.ordered_rounds()
        ids = [r["id"] for r in rounds]
        return rounds[:ids.index(rid) + 1] if rid in ids else []

    def side_language(self, side: str) -> str:
        """The language a side writes in: Dutch for the Flemish side, else the partner's."""
        return "nl" if side == FLEMISH else self.partner_language

    @property
    def max_months(self) -> int:
        """At most so many months between two rounds (Stedenband, two years by default)."""
        from partnerkeuze.layout.evaluation import MAX_MONTHS

        value = self.values.get("max_months")
        return MAX_MONTHS if value is None else int(value)


def participants(text) -> list[str]:
    """Names from a participants cell (one per line or separated by ';')."""
    raw = str(text or "").replace("\n", ";")
    return [p.strip() for p in raw.split(";") if p.strip()]


def read_link(model: Model, snap: Snapshot) -> Link:
    """The evaluation sheets of a parsed workbook, with the problems of their contents."""
    from partnerkeuze.core.parse import read_fields

    problems: list[Problem] = []
    values = read_fields(snap, "link", problems)
    t = model.tables
    concepts, questions = [], []
    seen: dict[str, str] = {}

    def unique(key: str, rec: dict, table: str) -> bool:
        folded = str(rec["id"]).casefold()
        if folded in seen:
            problems.append(Problem(cell(table, "id", rec["_row"]),
                                    f"ID '{rec['id']}' komt al voor ({seen[folded]})"))
            return False
        seen[folded] = layout.TABLE_SHEET[table].name
        return True

    for rec in t.get("concepts", []):
        if rec.get("id") is None or not unique("id", rec, "concepts"):
            continue
        if not rec.get("name"):
            continue  # the parser already named the empty cell
        plang = str(values.get("partner_language") or "nl")
        concepts.append(Item(rec["id"], "concept", rec["name"],
                             {plang: rec.get("name_partner") or "", "nl": rec["name"]},
                             {plang: rec.get("description_partner") or "",
                              "nl": rec.get("description") or ""}, rec["_row"]))
    for rec in t.get("questions", []):
        if rec.get("id") is None or not unique("id", rec, "questions"):
            continue
        questions.append(Item(rec["id"], rec.get("source") or "les", rec.get("title") or "",
                              {lang: rec.get(f"q_{lang}") or "" for lang in ("nl", "fr", "en",
                                                                             "es")},
                              {}, rec["_row"]))
    rounds = [r for r in t.get("rounds", []) if r.get("id") and r.get("date")]
    round_ids = {r["id"] for r in rounds}
    items = {i.id for i in concepts + questions}
    lo, hi = int(values.get("scale_min") or 0), int(values.get("scale_max") or 5)
    if lo >= hi and values["_rows"].get("scale_max"):
        problems.append(Problem(place(layout.sheet("link").name, 3, values["_rows"]["scale_max"]),
                                "de hoogste score moet groter zijn dan de laagste"))
    answers = []
    for rec in t.get("eval_answers", []):
        ok = True
        if rec.get("round") is not None and rec["round"] not in round_ids:
            problems.append(Problem(cell("eval_answers", "round", rec["_row"]),
                                    f"ronde '{rec['round']}' bestaat niet op het blad "
                                    f"{layout.sheet('rounds').name}"))
            ok = False
        if rec.get("item") is not None and rec["item"] not in items:
            problems.append(Problem(cell("eval_answers", "item", rec["_row"]),
                                    f"'{rec['item']}' is geen basisbegrip of evaluatievraag"))
            ok = False
        score = rec.get("score")
        if score is not None and not lo <= score <= hi:
            problems.append(Problem(cell("eval_answers", "score", rec["_row"]),
                                    f"score {nl_general(score)} ligt buiten de schaal {lo}-{hi}"))
            ok = False
        if ok and None not in (rec.get("round"), rec.get("side"), rec.get("item"), score):
            answers.append(rec)
    risks = [r for r in t.get("risks", []) if r.get("id")]
    risk_ids = {r["id"] for r in risks}
    round_date = {r["id"]: r["date"] for r in rounds}
    exits = []
    for rec in t.get("exit_triggers", []):
        problems.extend(_exit_dating(rec, round_date))
        if rec.get("risk") is not None and rec["risk"] not in risk_ids:
            problems.append(Problem(cell("exit_triggers", "risk", rec["_row"]),
                                    f"risico '{rec['risk']}' staat niet in het risicoregister "
                                    f"(blad {layout.sheet('risks').name})"))
        elif rec.get("risk") is not None:
            risk = next(r for r in risks if r["id"] == rec["risk"])
            if not risk.get("trigger"):
                problems.append(Problem(cell("risks", "trigger", risk["_row"]),
                                        f"het risico {risk['id']} hoort bij exittrigger "
                                        f"{rec.get('id')} maar heeft geen signaal"))
        if rec.get("id"):
            exits.append(rec)
    for rec in t.get("expectations", []):
        if rec.get("round") is not None and rec["round"] not in round_ids:
            problems.append(Problem(cell("expectations", "round", rec["_row"]),
                                    f"ronde '{rec['round']}' bestaat niet op het blad "
                                    f"{layout.sheet('rounds').name}"))
    for rec in rounds:
        try:
            parse_reasons(rec.get("extra_reasons"))
        except ValueError as exc:
            problems.append(Problem(cell("rounds", "extra_reasons", rec["_row"]),
                                    f"'{exc}' is geen nummer van een bijkomende reden van de "
                                    f"fiche werkbezoeken (1 tot 6; zie de toelichting van de "
                                    f"kolom)"))
    return Link(values=values,
                rounds=rounds, concepts=concepts, questions=questions, answers=answers,
                expectations=[e for e in t.get("expectations", []) if e.get("text")],
                risks=risks, exit_triggers=exits, budget=t.get("budget", []), problems=problems)


def _exit_dating(rec: dict, round_date: dict) -> list[Problem]:
    """An exit trigger that occurred carries its date and the round that found it, the date not
    after that round; one that did not occur carries neither."""
    out: list[Problem] = []
    row, occurred = rec["_row"], rec.get("occurred")
    date, rid = rec.get("date"), rec.get("round")
    if rid is not None and rid not in round_date:
        out.append(Problem(cell("exit_triggers", "round", row),
                           f"ronde '{rid}' bestaat niet op het blad "
                           f"{layout.sheet('rounds').name}"))
        return out
    if occurred == "ja":
        if date is None:
            out.append(Problem(cell("exit_triggers", "date", row),
                               f"exittrigger {rec.get('id')} deed zich voor: wanneer? Vul de "
                               f"datum in"))
        if rid is None:
            out.append(Problem(cell("exit_triggers", "round", row),
                               f"exittrigger {rec.get('id')} deed zich voor: welke "
                               f"evaluatieronde stelde hem vast?"))
        elif date is not None and date > round_date[rid]:
            out.append(Problem(cell("exit_triggers", "date", row),
                               f"exittrigger {rec.get('id')} deed zich voor op "
                               f"{date:%d/%m/%Y}, na ronde {rid} ({round_date[rid]:%d/%m/%Y}) "
                               f"die hem vaststelde"))
    elif occurred == "nee" and (date is not None or rid is not None):
        out.append(Problem(cell("exit_triggers", "date" if date is not None else "round", row),
                           f"exittrigger {rec.get('id')} heeft een datum of ronde maar deed "
                           f"zich niet voor ('Deed zich voor' is nee)"))
    return out
