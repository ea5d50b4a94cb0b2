"""The procedure record: where the call stands and what was decided (published deadline and
extensions, consensus order, GROS advice, college decision, council approval).

Every document is drawn from this record; before the college decided, documents that depend on
the decision are drafts. The package is pure: it reads snapshots and returns patches.
"""

from __future__ import annotations

from partnerkeuze.record.procedure.record import Entry, ProcedureRecord, read_record
from partnerkeuze.record.procedure.recording import record_patch
from partnerkeuze.record.procedure.stages import STAGE_CODES, STAGE_NAMES, STAGES


__all__ = ["Entry", "ProcedureRecord", "read_record", "record_patch", "STAGES", "STAGE_CODES",
           "STAGE_NAMES"]
