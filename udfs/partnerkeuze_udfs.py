"""Partnerkeuze worksheet functions for Excel (xlwings UDFs): thin wrappers over udf_logic.

Each docstring is the function's description in Excel's function wizard. Set 'UDF Modules' on
the add-in's configuration sheet to 'partnerkeuze_udfs' and put this folder on the PYTHONPATH.
"""

from __future__ import annotations

import xlwings as xw

CATEGORY = "Partnerkeuze"


def _safe(fn, *args):
    """Run a logic function; a Dutch message in the cell instead of a Python error."""
    from partnerkeuze.app.addin.udf_logic import UdfInputError

    try:
        return fn(*args)
    except UdfInputError as exc:
        return f"Fout: {exc}"


@xw.func(category=CATEGORY)
@xw.arg("scores", ndim=1, doc="De scores van de kandidaat per criterium (een rij).")
@xw.arg("gewichten", ndim=1, doc="De gewichten per criterium in dezelfde volgorde (een rij).")
@xw.arg("schaal_min", doc="De laagste score van de schaal (standaard 0).")
@xw.arg("schaal_max", doc="De hoogste score van de schaal (standaard 5).")
def PK_GEWOGEN_SCORE(scores, gewichten, schaal_min=0, schaal_max=5):
    """Gewogen score (0-100) van een kandidaat uit zijn scores en de gewichten."""
    from partnerkeuze.app.addin import udf_logic

    return _safe(udf_logic.weighted_score, scores, gewichten, schaal_min, schaal_max)


@xw.func(category=CATEGORY)
@xw.arg("scores", ndim=1, doc="De gewogen scores van de kandidaten (een kolom).")
@xw.ret(transpose=True)
def PK_RANG(scores):
    """Rang van elke score (1 = hoogste; gelijke scores delen de rang), als kolom."""
    from partnerkeuze.app.addin import udf_logic

    return _safe(udf_logic.ranks, scores)


@xw.func(category=CATEGORY)
@xw.arg("kandidaten", ndim=1, doc="De ID's van de kandidaten (een kolom).")
@xw.arg("scores", ndim=1, doc="Hun gewogen scores in dezelfde volgorde.")
@xw.arg("aantal", doc="Hoeveel kandidaten de shortlist telt (standaard 3).")
@xw.ret(transpose=True)
def PK_SHORTLIST(kandidaten, scores, aantal=3):
    """De shortlist: de ID's van de beste kandidaten, als kolom (meer bij gelijke stand)."""
    from partnerkeuze.app.addin import udf_logic

    return _safe(udf_logic.shortlist, kandidaten, scores, aantal) or ""


@xw.func(category=CATEGORY)
@xw.arg("gewichten", ndim=1, doc="De gewichten van de criteria (een kolom, in procent).")
@xw.arg("soorten", ndim=1, doc="Optioneel: de soort van elk criterium (Score of Knock-out).")
def PK_GEWICHTEN_CONTROLE(gewichten, soorten=None):
    """Controleert de gewichten: tellen ze op tot 100 % en hebben knock-outs geen gewicht?"""
    from partnerkeuze.app.addin import udf_logic

    return _safe(udf_logic.weights_message, gewichten, soorten)


@xw.func(category=CATEGORY)
@xw.arg("start", doc="De startdatum van de oproep.")
@xw.arg("landen", doc="De landen van de kandidaten (bereik of tekst met komma's).")
@xw.arg("maanden", doc="De looptijd in maanden (standaard 3).")
@xw.arg("verlenging", doc="Extra dagen verlenging (standaard 0).")
def PK_DEADLINE(start, landen, maanden=3, verlenging=0):
    """Deadline van de oproep: een werkdag in België en in elk land (feestdagen en schoolvakanties)."""
    from partnerkeuze.app.addin import udf_logic

    return _safe(udf_logic.call_deadline, start, landen, maanden, verlenging)


@xw.func(category=CATEGORY)
@xw.arg("start", doc="De eerste dag (telt mee).")
@xw.arg("einde", doc="De dag na de laatste dag (telt niet mee).")
@xw.arg("land", doc="Het land van de partner (naam uit de landenlijst).")
def PK_WERKDAGEN(start, einde, land):
    """Aantal werkdagen tussen twee datums in België en het gegeven land."""
    from partnerkeuze.app.addin import udf_logic

    return _safe(udf_logic.working_days, start, einde, land)


@xw.func(category=CATEGORY)
@xw.arg("criteria", ndim=2, doc="De rijen van de criteriatabel (alle kolommen, zonder kop).")
@xw.arg("vingerafdruk", doc="De vastgelegde vingerafdruk van de criteria.")
@xw.arg("schaal_min", doc="De standaard laagste score (standaard 0).")
@xw.arg("schaal_max", doc="De standaard hoogste score (standaard 5).")
def PK_CRITERIA_ONGEWIJZIGD(criteria, vingerafdruk, schaal_min=0, schaal_max=5):
    """WAAR als de criteria nog overeenkomen met hun vastgelegde vingerafdruk."""
    from partnerkeuze.app.addin import udf_logic

    return _safe(udf_logic.criteria_unchanged, criteria, vingerafdruk, schaal_min, schaal_max)
