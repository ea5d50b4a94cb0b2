"""Work in which two features meet, composed here so that neither imports the other: the
dossier (documents) with the planning's section (one plan for ``plan`` and the dossier)."""

from __future__ import annotations

from partnerkeuze.kernel.port import Outcome, Run


def dossier(run: Run) -> Outcome:
    """The dossier for the college, its next steps and Gantt from the planning."""
    from partnerkeuze.features.documents.actions import dossier as write_dossier
    from partnerkeuze.features.planning.dossier import dossier_context

    return write_dossier(run, dossier_context(run.model, run.snap, None))
