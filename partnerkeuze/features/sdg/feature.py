"""What the SDG partnerships register: the programme checks, the untranslated notes as warnings,
the colours of a new SDG workbook, the SDG demo content and the demo step (a second workbook
matched, with every document)."""

from __future__ import annotations

from partnerkeuze.kernel.port import Feature


def checks(model, snap):
    """The SDG sheets and the programme rules of every partnership."""
    if model.settings.mode != "sdg":  # nothing to check, nothing to import
        return []
    from partnerkeuze.features.sdg.checks import sdg_checks

    return sdg_checks(model, snap)


def translation_warnings(model, snap):
    """Theme names and applicants' notes that reach a partner untranslated."""
    if model.settings.mode != "sdg":
        return []
    from partnerkeuze.features.sdg.translations import missing_translations

    return missing_translations(model, snap)


def build_step(wb, mode: str) -> None:
    """Colours on Koppelingen (matched, alternative, not matched)."""
    from partnerkeuze.features.sdg.build import format_sheets

    format_sheets(wb, mode)


def demo(tables: dict, fields: dict) -> None:
    """The SDG demo: Flemish applicants, partners, themes and interests."""
    from partnerkeuze.layout.defaults.sdg_demo import fill

    fill(tables, fields)


def demo_sdg(run, path, out_dir, progress) -> list:
    """Demo step: an SDG demo workbook (SDG-demo.xlsx), matched, with its letters, agreements
    and requests in the subfolder 'SDG'."""
    book = out_dir / "SDG-demo.xlsx"
    run("new", book, mode="sdg", demo=True)
    return [book] + run("match", book, out=out_dir / "SDG").files


DEMO_SDG = ("SDG-partnerschappen (koppeling en brieven)", demo_sdg)

FEATURE = Feature("sdg", checks=(checks,), warnings=(translation_warnings,),
                  build_steps=(build_step,), demo_content={"sdg": (demo,)},
                  demo_steps=(DEMO_SDG,))


def match(run):
    """``match``: the partnerships matched (and with ``out`` their documents written)."""
    from partnerkeuze.features.sdg.actions import match as work

    return work(run)


def letters(run):
    """``letters`` of an SDG workbook: the letters, agreements and requests of every pair."""
    from partnerkeuze.features.sdg.actions import documents as work

    return work(run)
