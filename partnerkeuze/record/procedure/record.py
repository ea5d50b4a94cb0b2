"""Reading the procedure record from a workbook snapshot."""

from __future__ import annotations

import datetime as dt
import re

from partnerkeuze import layout
from partnerkeuze.io import logcheck
from partnerkeuze.io.logcheck import int_or_none
from partnerkeuze.record.procedure.stages import NOT_A_STEP, STAGE_NAMES, position
from partnerkeuze.kernel.plain import Plain, Value
from partnerkeuze.kernel.snapshot import Snapshot

ID_SPLIT = re.compile(r"[,;>\s]+")
# A translation of the college's reasoning is a line "[fr] …" in the Inhoud cell (of the
# college's row, or of a later 'translation' row); the Dutch text is the rest of the cell.
TRANSLATED_LANGUAGES = ("fr", "en", "es")
_TRANSLATED = re.compile(r"^\[(fr|en|es)\]\s*(.*)$", re.DOTALL)


class Entry(Value):
    """One recorded stage: a row of the Procedure sheet."""

    def __init__(self, seq: int | None, stage: str, stage_name: str, date: dt.date | None,
                 deadline: dt.date | None, partner: str, number: str, text: str, reason: str,
                 user: str, recorded_at: str, chain: str, row: int = 0):
        self.seq = seq
        self.stage = stage
        self.stage_name = stage_name
        self.date = date
        self.deadline = deadline
        self.partner = partner
        self.number = number
        self.text = text
        self.reason = reason
        self.user = user
        self.recorded_at = recorded_at
        self.chain = chain
        self.row = row

    @property
    def label(self) -> str:
        """The Dutch name of the stage."""
        return STAGE_NAMES.get(self.stage, self.stage_name or self.stage)


class ProcedureRecord(Plain):
    """The recorded stages of a call, oldest first, and what they decided."""

    def __init__(self, entries: list[Entry] | None = None):
        self.entries = [] if entries is None else entries

    def latest(self, stage: str) -> Entry | None:
        """The newest entry of a stage, or None."""
        found = [e for e in self.entries if e.stage == stage]
        return found[-1] if found else None

    def has(self, stage: str) -> bool:
        """True when the stage was recorded."""
        return self.latest(stage) is not None

    @property
    def stage(self) -> str:
        """Code of the furthest stage recorded ('' when nothing was recorded)."""
        known = [e for e in self.entries if position(e.stage) >= 0
                 and e.stage not in NOT_A_STEP]
        if not known:
            return ""
        return max(known, key=lambda e: position(e.stage)).stage

    @property
    def published_on(self) -> dt.date | None:
        """The date the call was published."""
        e = self.latest("published")
        return e.date if e else None

    @property
    def deadline(self) -> dt.date | None:
        """The deadline for the candidacies: the newest extension's, else the published one."""
        for e in reversed(self.entries):
            if e.stage in ("published", "extension") and e.deadline is not None:
                return e.deadline
        return None

    @property
    def college(self) -> Entry | None:
        """The newest college decision, or None."""
        return self.latest("college")

    @property
    def council(self) -> Entry | None:
        """The newest council approval, or None."""
        return self.latest("council")

    @property
    def chosen(self) -> str | None:
        """The candidate id the college chose (newest decision), or None before it decided."""
        e = self.college
        return e.partner or None if e else None

    @property
    def final(self) -> bool:
        """True once the college decided on a partner."""
        return self.chosen is not None

    @property
    def consensus_order(self) -> list[str]:
        """The recorded consensus order (candidate ids, first choice first)."""
        e = self.latest("consensus")
        return parse_ids(e.text) if e else []

    @property
    def reasoning(self) -> dict[str, str]:
        """The college's own reasoning of its newest decision by language: 'nl' (the text of
        ``record college --text``) and its recorded translations (given with the decision or
        recorded later with ``record translation``); {} when the college gave none."""
        e = self.college
        if e is None:
            return {}
        own, found = split_translations(e.text)
        if not own:
            return {}
        out = {"nl": own}
        out.update(found)
        for later in self.entries:
            if later.stage == "translation" and (later.seq or 0) > (e.seq or 0):
                out.update(split_translations(later.text)[1])
        return out

    @property
    def gros_advice(self) -> str:
        """The text of the newest GROS advice ('' when none was recorded)."""
        e = self.latest("gros")
        return e.text if e else ""


def parse_ids(text: str) -> list[str]:
    """Candidate ids from an order written as 'K05, K04, K01' (duplicates dropped)."""
    out: list[str] = []
    for token in ID_SPLIT.split(text or ""):
        token = token.strip()
        if token and token not in out:
            out.append(token)
    return out


def split_translations(text: str) -> tuple[str, dict[str, str]]:
    """The Dutch text of an Inhoud cell and its translations ({'fr': …}, lines '[fr] …')."""
    own: list[str] = []
    found: dict[str, str] = {}
    for line in (text or "").split("\n"):
        m = _TRANSLATED.match(line.strip())
        if m and m.group(2).strip():
            found[m.group(1)] = m.group(2).strip()
        elif not m:
            own.append(line)
    return "\n".join(own).strip(), found


def join_translations(text: str, translations: dict[str, str]) -> str:
    """An Inhoud cell: the Dutch text, then one line '[fr] …' per translation given."""
    lines = [text] if text else []
    for lang in TRANSLATED_LANGUAGES:
        value = " ".join(str(translations.get(lang) or "").split())
        if value:
            lines.append(f"[{lang}] {value}")
    return "\n".join(lines)


def as_date(value) -> dt.date | None:
    """A date from a cell: a date, a datetime or ISO text (YYYY-MM-DD); None otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def numbered_rows(snap: Snapshot) -> list[tuple[int, tuple]]:
    """(sheet row, cells) of the filled rows of the Procedure table ([] without the sheet)."""
    sheet = layout.sheet("procedure")
    if not snap.has_sheet(sheet.name):
        return []
    return logcheck.numbered_rows(snap, "procedure")


def read_record(snap: Snapshot) -> ProcedureRecord:
    """The procedure record of a workbook (an empty record when it has no Procedure sheet)."""
    entries = []
    for row, c in numbered_rows(snap):
        entries.append(Entry(seq=int_or_none(c[0]), stage=_text(c[1]).strip(),
                             stage_name=_text(c[2]), date=as_date(c[3]), deadline=as_date(c[4]),
                             partner=_text(c[5]).strip(), number=_text(c[6]), text=_text(c[7]),
                             reason=_text(c[8]), user=_text(c[9]), recorded_at=_text(c[10]),
                             chain=_text(c[11]), row=row))
    return ProcedureRecord(entries)
