"""What the documents register: the missing translations as warnings, the demo's translated
profile texts and answers, and the demo's questionnaire, dossier and letters."""

from __future__ import annotations

from partnerkeuze.kernel.port import Feature


def translation_warnings(model, snap):
    """One warning per translatable field left empty for a language a reader needs."""
    from partnerkeuze.core.translations import missing_translations

    return missing_translations(model, snap)


def demo_call(tables: dict, fields: dict) -> None:
    """The demo's profile texts in French, English and Spanish, its budget and the answers of
    the shortlist (as if their forms were read)."""
    from partnerkeuze.layout.defaults.demo_answers import fill
    from partnerkeuze.layout.defaults.demo_content import profile_translations

    profile_translations(tables, fields)
    fill(tables, fields)


def demo_sdg(tables: dict, fields: dict) -> None:
    """The SDG demo's texts in French and English."""
    from partnerkeuze.layout.defaults.demo_content import sdg_translations

    sdg_translations(tables, fields)


def demo_questionnaire(run, path, out_dir, progress) -> list:
    """Demo step: the call and its questionnaire in four languages."""
    return run("questionnaire", path, out=out_dir).files


def demo_dossier(run, path, out_dir, progress) -> list:
    """Demo step: the dossier for the college."""
    return run("dossier", path, out=out_dir).files


def demo_letters(run, path, out_dir, progress) -> list:
    """Demo step: the letters to every candidate (a candidate the demo left incomplete gets
    none yet, and the outcome says so)."""
    outcome = run("letters", path, out=out_dir / "Brieven")
    for line in outcome.warnings:
        progress(line)
    return outcome.files


DEMO_QUESTIONNAIRE = ("Oproep en vragenlijst", demo_questionnaire)
DEMO_DOSSIER = ("Dossier voor het college", demo_dossier)
DEMO_LETTERS = ("Brieven aan de kandidaten", demo_letters)

FEATURE = Feature("documents", warnings=(translation_warnings,),
                  demo_content={"stedenband": (demo_call,), "sdg": (demo_sdg,)},
                  demo_steps=(DEMO_QUESTIONNAIRE, DEMO_DOSSIER, DEMO_LETTERS))


def questionnaire(run):
    """``questionnaire``: the call and its questionnaire in four languages."""
    from partnerkeuze.features.documents.actions import questionnaire as work

    return work(run)


def letters(run):
    """``letters``: a letter to every candidate in its language, and the print bundle."""
    from partnerkeuze.features.documents.actions import letters as work

    return work(run)
