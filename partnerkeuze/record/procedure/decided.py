"""The decided result: the figures and the choice the college (or the council) saw on the day it
decided, kept on the sheet *Beslissing* and read back by the documents, never recalculated.

Shape (stable; issue 24's sentences cite it):

- ``DecidedResult``: ``version`` (DECIDED_VERSION), ``stage`` ('college' or 'council'),
  ``seq`` (the decision's Nr on *Procedure*), ``date``, ``partner`` (candidate id), ``number``
  (the decision's number), ``inputs`` (fingerprint of what it rested on, 64 hex digits),
  ``result`` (fingerprint of the result below), ``criteria_hash``, ``shortlist`` (ids in rank
  order), ``boundary_tie``, ``consensus_order`` (the recorded consensus, ids), ``warnings`` and
  ``candidates``; ``by_id()`` and ``score_result()`` (the same figures as the core's
  ScoreResult, for code that takes one).
- ``DecidedCandidate``: ``id``, ``name``, ``country``, ``language``, ``channel``, ``score``
  (0-100 or None), ``rank``, ``tied``, ``complete``, ``excluded``, ``shortlisted``, ``reasons``,
  ``missing`` ((criterion, assessor) pairs), ``notes`` and ``criterion_scores``
  ({criterion id: aggregated score or None}).

``decided_result(snap)`` gives the newest decision (the college's, or the council's approval of
it), or None before any. On the sheet, one decision is a block of chained rows (Nr, procedure Nr,
stage, part, sheet, key, fingerprint, data, chain):

- part ``kop``: the head, data ``{"versie", "invoer", "resultaat", "partner", "datum",
  "nummer", "criteria", "kolommen": {table: [value columns]}}``;
- part ``invoer``: the inputs of one sheet (record/procedure/inputs.py), data ``[[key, row,
  [values]], ...]`` in sheet order, split over rows of at most CHUNK characters;
- part ``resultaat``: key ``samenvatting`` (shortlist, tie at the boundary, consensus order,
  warnings), then the candidates, data ``[{id, name, ...}, ...]`` in chunks.

Each data row carries the first 16 hex digits of the SHA-256 of its data; the head carries the
fingerprint of the inputs. The log entry of the decision names the block ("beslissing Nr a-b:
invoer …, resultaat …"), so that a removed or rewritten block is reported (binding.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from partnerkeuze.kernel.plain import Fresh, Plain, Value
from partnerkeuze import layout
from partnerkeuze.kernel.snapshot import Snapshot
from partnerkeuze.record.procedure.inputs import Item

DECIDED_VERSION = 1
HEAD, INPUT, RESULT = "kop", "invoer", "resultaat"
SUMMARY = "samenvatting"
CHUNK = 30_000  # characters of data per row (a cell holds at most 32,767)
TABLE = "decision"


class DecidedCandidate(Value):
    """One candidate as the decision saw it (see the module docstring)."""

    id: str
    name: str
    country: str
    language: str
    channel: str
    score: float | None
    rank: int | None
    tied: bool
    complete: bool
    excluded: bool
    shortlisted: bool
    reasons: tuple[str, ...] = ()
    missing: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()
    criterion_scores: dict = Fresh(dict)


class DecidedResult(Value):
    """The result a decision rests on and its choice (see the module docstring)."""

    version: int
    stage: str
    seq: int
    date: dt.date | None
    partner: str
    number: str
    inputs: str
    result: str
    criteria_hash: str
    shortlist: tuple[str, ...]
    boundary_tie: bool
    consensus_order: tuple[str, ...]
    warnings: tuple[str, ...]
    candidates: tuple[DecidedCandidate, ...]
    first_row: int = 0  # sheet row of its head on Beslissing

    def by_id(self) -> dict[str, DecidedCandidate]:
        """The candidates by id."""
        return {c.id: c for c in self.candidates}

    @property
    def label(self) -> str:
        """'de beslissing van het college' or 'de goedkeuring door de gemeenteraad'."""
        return ("de goedkeuring door de gemeenteraad" if self.stage == "council"
                else "de beslissing van het college")

    def score_result(self):
        """The decided figures as the core's ScoreResult (a new object each time)."""
        from partnerkeuze.core.scoring import CandidateResult, ScoreResult

        cands = [CandidateResult(id=c.id, name=c.name, country=c.country, language=c.language,
                                 channel=c.channel, criterion_scores=dict(c.criterion_scores),
                                 score=c.score, complete=c.complete, excluded=c.excluded,
                                 reasons=list(c.reasons), missing=[tuple(m) for m in c.missing],
                                 rank=c.rank, tied=c.tied, shortlisted=c.shortlisted,
                                 notes=list(c.notes))
                 for c in self.candidates]
        return ScoreResult(candidates=cands, shortlist=list(self.shortlist),
                           warnings=list(self.warnings), boundary_tie=self.boundary_tie)


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"))  # a cell counts UTF-16


def _digest(text: str, length: int = 64) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def candidate_record(c) -> dict:
    """The stored form of a core CandidateResult."""
    return {"id": c.id, "name": c.name, "country": c.country, "language": c.language,
            "channel": c.channel, "score": c.score, "rank": c.rank, "tied": bool(c.tied),
            "complete": bool(c.complete), "excluded": bool(c.excluded),
            "shortlisted": bool(c.shortlisted), "reasons": list(c.reasons),
            "missing": [list(m) for m in c.missing], "notes": list(c.notes),
            "criterion_scores": dict(c.criterion_scores)}


def summary_record(result, consensus_order: list[str]) -> dict:
    """The stored summary of a result: shortlist, tie at the boundary, consensus, warnings."""
    return {"shortlist": list(result.shortlist), "boundary_tie": bool(result.boundary_tie),
            "consensus_order": list(consensus_order), "warnings": list(result.warnings)}


def result_fingerprint(summary: dict, candidates: list[dict]) -> str:
    """The SHA-256 of a decided result (summary and candidates)."""
    return _digest(_dumps([summary, candidates]))


def _chunks(values: list, encode) -> list[list]:
    """``values`` split into consecutive lists whose encoding stays under CHUNK characters."""
    out: list[list] = []
    current: list = []
    size = 2
    for v in values:
        n = len(encode(v)) + 1
        if current and size + n > CHUNK:
            out.append(current)
            current, size = [], 2
        current.append(v)
        size += n
    if current or not out:
        out.append(current)
    return out


class Block(Plain):
    """A decision's rows before they are chained (``rows``), and its two fingerprints."""

    rows: list[list]
    inputs: str
    result: str


def decision_block(procedure_seq: int, stage: str, *, date: dt.date, partner: str, number: str,
                   criteria_hash: str, inputs: dict, inputs_fingerprint: str,
                   columns: dict[str, list[str]], result, consensus_order: list[str]) -> Block:
    """The unchained rows of a decision: head, inputs and result (see the module docstring);
    each row is [procedure Nr, stage, part, sheet, key, fingerprint, data]."""
    from partnerkeuze.record.procedure.inputs import sheet_name

    summary = summary_record(result, consensus_order)
    cands = [candidate_record(c) for c in result.candidates]
    result_fp = result_fingerprint(summary, cands)
    head = {"versie": DECIDED_VERSION, "invoer": inputs_fingerprint, "resultaat": result_fp,
            "partner": partner, "datum": date.isoformat(), "nummer": number,
            "criteria": criteria_hash, "kolommen": columns}
    rows = [[procedure_seq, stage, HEAD, "", "", inputs_fingerprint, _dumps(head)]]
    for table, found in inputs.items():
        encoded = [[k, r, list(v)] for k, r, v in zip(found.keys, found.rows, found.values)]
        for chunk in _chunks(encoded, _dumps):
            data = _dumps({"tabel": table, "rijen": chunk})
            rows.append([procedure_seq, stage, INPUT, sheet_name(table),
                         chunk[0][0] if chunk else "", _digest(data, 16), data])
    data = _dumps(summary)
    rows.append([procedure_seq, stage, RESULT, layout.sheet("results").name, SUMMARY,
                 _digest(data, 16), data])
    for chunk in _chunks(cands, _dumps):
        if not chunk:
            continue
        data = _dumps(chunk)
        rows.append([procedure_seq, stage, RESULT, layout.sheet("results").name, chunk[0]["id"],
                     _digest(data, 16), data])
    return Block(rows, inputs_fingerprint, result_fp)


class StoredDecision(Plain):
    """The rows of one decision as read from the sheet."""

    procedure_seq: int
    stage: str
    head: dict
    head_row: int
    inputs: list[tuple[int, str]] = Fresh(list)  # (sheet row, data as text)
    results: list[tuple[int, str, object]] = Fresh(list)  # (row, key, data)
    rows: list[int] = Fresh(list)  # the sheet rows of the block
    seqs: list[int] = Fresh(list)  # their Nr


def has_sheet(snap: Snapshot) -> bool:
    """True when the workbook has the Beslissing sheet."""
    return snap.has_sheet(layout.sheet(TABLE).name)


def decision_rows(snap: Snapshot) -> list[tuple[int, tuple]]:
    """(sheet row, cells) of the filled rows of the Beslissing table ([] without the sheet)."""
    from partnerkeuze.io.logcheck import numbered_rows

    if not has_sheet(snap):
        return []
    return numbered_rows(snap, TABLE)


def _load(text):
    try:
        return json.loads(str(text or ""))
    except ValueError:
        return None


def stored_decisions(snap: Snapshot) -> list[StoredDecision]:
    """Every decision on the sheet, oldest first (rows that cannot be read are left out: the
    chain check reports them)."""
    from partnerkeuze.io.logcheck import int_or_none

    out: list[StoredDecision] = []
    current: StoredDecision | None = None
    for row, cells in decision_rows(snap):
        seq, proc, stage, part = int_or_none(cells[0]), int_or_none(cells[1]), cells[2], cells[3]
        if part == HEAD:
            data = _load(cells[7])
            if not isinstance(data, dict) or proc is None:
                continue
            current = StoredDecision(proc, str(stage or ""), data, row)
            out.append(current)
        elif current is None or proc != current.procedure_seq:
            continue
        elif part == INPUT:  # read when a comparison needs it (stored_inputs)
            current.inputs.append((row, str(cells[7] or "")))
        elif part == RESULT:
            current.results.append((row, str(cells[5] or ""), cells[7]))
        current.rows.append(row)
        if seq is not None:
            current.seqs.append(seq)
    return out


def stored_inputs(decision: StoredDecision) -> dict[str, list[Item]]:
    """The inputs a stored decision rested on, by table, in their sheet order."""
    out: dict[str, list[Item]] = {t: [] for t in decision.head.get("kolommen", {})}
    for _, text in decision.inputs:
        data = _load(text)
        if not isinstance(data, dict):
            continue
        table = data.get("tabel")
        for entry in data.get("rijen", []):
            try:
                key, row, values = entry
                out.setdefault(table, []).append(Item(str(key), int(row), tuple(values)))
            except (TypeError, ValueError):
                continue
    return out


def _decided(decision: StoredDecision, date_of) -> DecidedResult | None:
    head = decision.head
    summary: dict = {}
    cands: list[DecidedCandidate] = []
    for _, key, text in decision.results:
        data = _load(text)
        if key == SUMMARY and isinstance(data, dict):
            summary = data
        elif isinstance(data, list):
            for c in data:
                if not isinstance(c, dict):
                    continue
                cands.append(DecidedCandidate(
                    id=str(c.get("id", "")), name=str(c.get("name", "")),
                    country=str(c.get("country", "")), language=str(c.get("language", "")),
                    channel=str(c.get("channel", "")), score=c.get("score"),
                    rank=c.get("rank"), tied=bool(c.get("tied")),
                    complete=bool(c.get("complete")), excluded=bool(c.get("excluded")),
                    shortlisted=bool(c.get("shortlisted")),
                    reasons=tuple(c.get("reasons") or ()),
                    missing=tuple(tuple(m) for m in c.get("missing") or ()),
                    notes=tuple(c.get("notes") or ()),
                    criterion_scores=dict(c.get("criterion_scores") or {})))
    return DecidedResult(
        version=int(head.get("versie") or 0), stage=decision.stage, seq=decision.procedure_seq,
        date=date_of(head.get("datum")), partner=str(head.get("partner") or ""),
        number=str(head.get("nummer") or ""), inputs=str(head.get("invoer") or ""),
        result=str(head.get("resultaat") or ""), criteria_hash=str(head.get("criteria") or ""),
        shortlist=tuple(summary.get("shortlist") or ()),
        boundary_tie=bool(summary.get("boundary_tie")),
        consensus_order=tuple(summary.get("consensus_order") or ()),
        warnings=tuple(summary.get("warnings") or ()), candidates=tuple(cands),
        first_row=decision.head_row)


def latest_stored(snap: Snapshot) -> StoredDecision | None:
    """The newest decision on the sheet (highest procedure Nr), or None."""
    found = stored_decisions(snap)
    return max(found, key=lambda d: d.procedure_seq) if found else None


def decided_result(snap: Snapshot) -> DecidedResult | None:
    """The newest decided result (the college's decision or the council's approval of it), or
    None before any decision was recorded."""
    from partnerkeuze.record.procedure.record import as_date

    latest = latest_stored(snap)
    return _decided(latest, as_date) if latest is not None else None
