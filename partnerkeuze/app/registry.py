"""Every feature of the product, listed once: the gate takes their checks and warnings from
here, a new workbook its build steps and content, the demo its steps."""

from __future__ import annotations

from partnerkeuze.features.documents import feature as documents
from partnerkeuze.features.evaluation import feature as evaluation
from partnerkeuze.features.intake import feature as intake
from partnerkeuze.features.planning import feature as planning
from partnerkeuze.features.scoring import feature as scoring
from partnerkeuze.features.sdg import feature as sdg
from partnerkeuze.kernel.port import Feature
from partnerkeuze.record.governance import feature as governance
from partnerkeuze.record.procedure import feature as procedure

# In the order their content fills a new workbook: the call's data first (scoring, SDG), then
# what is laid over it (planning, translations), governance before the procedure (the
# procedure's demo record relinks the log that governance's demo started).
FEATURES: tuple[Feature, ...] = (scoring.FEATURE, sdg.FEATURE, planning.FEATURE, intake.FEATURE,
                                 documents.FEATURE, governance.FEATURE, procedure.FEATURE,
                                 evaluation.FEATURE)


def checks() -> list:
    """Every registered check: (model, snapshot) -> [Problem]."""
    return [check for f in FEATURES for check in f.checks]


def warnings() -> list:
    """Every registered warning: (model, snapshot) -> [str]; they never block."""
    return [warn for f in FEATURES for warn in f.warnings]


def build_steps() -> list:
    """Every step that adds to a new workbook what its layout cannot declare."""
    return [step for f in FEATURES for step in f.build_steps]


def content(mode: str, demo: bool) -> list:
    """The functions that fill a new workbook of a mode: defaults, then the demo's."""
    fills = [fill for f in FEATURES for fill in f.default_content.get(mode, ())]
    if demo:
        fills += [fill for f in FEATURES for fill in f.demo_content.get(mode, ())]
    return fills


def formula_families() -> list:
    """Every family of formulas the product writes (kernel/formulas.py), in the order their
    values depend on each other: scoring's first (the others read Resultaten)."""
    return [family for f in FEATURES for families in f.formulas for family in families()]
