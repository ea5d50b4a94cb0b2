"""Build every Word template of the product into templates/ (and templates/README.md), byte for
byte reproducible: the documents' own (call, letters, dossier), those of the SDG partnerships
(templates/sdg) and those of a link evaluation (templates/evaluatie). Each feature says what its
templates hold; io/docx/blocks.write_templates writes them all the same way.

    python scripts/build_templates.py [FOLDER]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(out: Path = ROOT / "templates") -> list[Path]:
    """Write every template set into out; the files written."""
    from partnerkeuze.features.documents.template_builder import build_all
    from partnerkeuze.features.evaluation.templates import build as build_evaluation
    from partnerkeuze.features.sdg.templates import build as build_sdg

    return build_all(out) + build_sdg(out / "sdg") + build_evaluation(out / "evaluatie")


if __name__ == "__main__":
    for path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "templates"):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
