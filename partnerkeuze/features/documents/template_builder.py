"""Builds the Word templates in templates/ reproducibly with python-docx.

The French texts get French typography here (kernel.wording.typeset: a narrow no-break space
before ; : ! ?), so that the wording modules stay readable.

Built by ``python scripts/build_templates.py``: it writes every template and
templates/README.md (the variables each template receives). The same input gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from partnerkeuze.io.docx import blocks as b
from partnerkeuze.features.documents.fields import TEMPLATES, readme
from partnerkeuze.features.documents.texts_letters import CHOSEN, COMMON, DECLINED, DRAFT_MARK
from partnerkeuze.features.documents.texts_questionnaire import QUESTIONNAIRE
from partnerkeuze.kernel.paths import SOURCE_ROOT as ROOT
from partnerkeuze.kernel.wording import typeset

DEFAULT_DIR = ROOT / "templates"

# Each document's title (core property, shown by Word and PDF readers) in the reader's language.
TITLES: dict[str, dict[str, str]] = {
    "letter_declined": {
        "nl": "Uw kandidatuur als partnergemeente: brief aan {{ candidate_name }}",
        "fr": "Votre candidature comme commune partenaire : lettre à {{ candidate_name }}",
        "en": "Your application as partner municipality: letter to {{ candidate_name }}",
        "es": "Su candidatura como municipio socio: carta a {{ candidate_name }}"},
    "letter_chosen": {
        "nl": "{{ candidate_name }} gekozen als partnergemeente van {{ municipality }}",
        "fr": "{{ candidate_name }}, commune partenaire {{ municipality|elide('de') }}",
        "en": "{{ candidate_name }} chosen as partner municipality of {{ municipality }}",
        "es": "{{ candidate_name }}, municipio socio de {{ municipality }}"},
    "questionnaire": {
        "nl": "{{ call_title }}: oproep en vragenlijst",
        "fr": "{{ call_title }} : appel et questionnaire",
        "en": "{{ call_title }}: call and questionnaire",
        "es": "{{ call_title }}: convocatoria y cuestionario"},
}


def _letter_head(doc, lang: str) -> None:
    """Letterhead, recipient, place and date, reference and salutation."""
    c = typeset(COMMON[lang], lang)
    b.letterhead(doc)
    b.para_if(doc, "candidate_contact", "{{ candidate_contact }}", space_after=0)
    b.para_if(doc, "candidate_contact_role", "{{ candidate_contact_role }}", space_after=0)
    b.para(doc, "**{{ candidate_name }}**", space_after=0)
    b.para_if(doc, "candidate_region", "{{ candidate_region }}", space_after=0)
    b.para(doc, "{{ candidate_country }}", space_after=0)
    b.para_if(doc, "candidate_email", "{{ candidate_email }}", space_after=0)
    b.para(doc, "")
    b.para(doc, c["place_date"], align="right", space_after=0)
    b.para_if(doc, "reference", c["our_ref"], "Kleine tekst", align="right")
    b.para(doc, c["contact"], "Kleine tekst", align="right")
    b.para(doc, "")


def _salutation(doc, lang: str, subject: str) -> None:
    c = typeset(COMMON[lang], lang)
    b.para(doc, subject)
    b.para(doc, c["dear"])


def _sign(doc, lang: str, *, alderman: bool = False) -> None:
    c = typeset(COMMON[lang], lang)
    b.para(doc, c["closing"], keep=True)
    people = [("{{ director }}", "{{ director_title }}"), ("{{ mayor }}", "{{ mayor_title }}")]
    if alderman:
        people.append(("{{ alderman }}", "{{ alderman_title }}"))
    b.signatures(doc, c["on_behalf"], people)
    b.footer(doc, c["footer"], lang)


def _draft_mark(doc) -> None:
    """The draft mark at the top of a letter written before the college decided."""
    b.para_if(doc, "draft", DRAFT_MARK, "Kleine tekst")


def letter_declined(lang: str):
    """The letter to a candidate that was not chosen."""
    t = typeset(DECLINED[lang], lang)
    doc = b.new_document(typeset(TITLES["letter_declined"][lang], lang), lang)
    _draft_mark(doc)
    _letter_head(doc, lang)
    _salutation(doc, lang, t["subject"])
    b.para(doc, t["thanks"], align="justify")
    b.tag(doc, "{%p if outcome == 'withdrawn' %}")
    b.para(doc, t["withdrawn"], align="justify")
    b.tag(doc, "{%p else %}")
    b.para(doc, t["decision"], align="justify")
    b.para_if(doc, "reasoning", t["reasoning"], align="justify")
    b.para_if(doc, "not draft", t["council"], align="justify")
    b.tag(doc, "{%p if outcome == 'knockout' %}")
    b.para(doc, t["knockout"], align="justify")
    b.tag(doc, "{%p else %}")
    b.para(doc, t["scored"], align="justify")
    b.tag(doc, "{%p if outcome == 'shortlisted' %}")
    b.para(doc, t["shortlisted"], align="justify")
    b.para_if(doc, "examined_names", t["examined"], align="justify")
    b.para_if(doc, "round_behind", t["round_behind"], align="justify")
    b.para_if(doc, "consensus_position", t["consensus_place"], align="justify")
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p if not chosen_ahead %}")
    b.para(doc, t["after_round"], align="justify")
    b.tag(doc, "{%p elif decisive %}")
    b.para(doc, t["decisive_intro"], keep=True)
    b.bullets(doc, "for d in decisive", t["decisive_item"])
    b.tag(doc, "{%p else %}")
    b.para(doc, t["no_decisive"])
    b.tag(doc, "{%p endif %}")
    b.para(doc, t["table_intro"], keep=True)
    b.loop_table(doc, [t["col_criterion"], t["col_weight"], "{{ candidate_name }}",
                       "{{ chosen_name }}"],
                 ["{{ r.name }}", t["pct"], "{{ r.own }}", "{{ r.chosen }}"],
                 "for r in comparison", [8.3, 2.2, 2.9, 2.9], right=(1, 2, 3))
    b.para(doc, "")
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p if own_strengths %}")
    b.para(doc, t["strengths"], align="justify")
    b.tag(doc, "{%p else %}")
    b.para(doc, t["no_strengths"], align="justify")
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p endif %}")
    b.para(doc, t["hope"], align="justify", keep=True)  # the closing stays with it
    _sign(doc, lang)
    return doc


def letter_chosen(lang: str):
    """The announcement to the chosen partner."""
    t = typeset(CHOSEN[lang], lang)
    doc = b.new_document(typeset(TITLES["letter_chosen"][lang], lang), lang)
    _draft_mark(doc)
    _letter_head(doc, lang)
    _salutation(doc, lang, t["subject"])
    for key in ("news", "why"):
        b.para(doc, t[key], align="justify")
    b.tag(doc, "{%p if top_score %}")
    b.para(doc, t["why_top"], align="justify")
    b.tag(doc, "{%p elif tied_with %}")
    b.para(doc, t["why_tied"], align="justify")
    b.tag(doc, "{%p else %}")
    b.para(doc, t["why_round"], align="justify")
    b.tag(doc, "{%p endif %}")
    b.para_if(doc, "not top_score and consensus_first", t["consensus_chosen"], align="justify")
    b.para_if(doc, "not top_score and round_ahead", t["round_ahead"], align="justify")
    b.para_if(doc, "reasoning", t["reasoning"], align="justify")
    b.para_if(doc, "own_strengths", t["strengths"], align="justify")
    for key in ("next", "spirit", "contact_next"):
        b.para(doc, t[key], align="justify", keep=key == "contact_next")
    _sign(doc, lang, alderman=True)
    return doc


def questionnaire(lang: str):
    """The call (cover letter with the municipality's profile) and the questionnaire."""
    from docx.shared import Cm

    t = typeset(QUESTIONNAIRE[lang], lang)
    c = typeset(COMMON[lang], lang)
    doc = b.new_document(typeset(TITLES["questionnaire"][lang], lang), lang)
    b.letterhead(doc)
    b.para(doc, t["title"], "Title")
    b.para(doc, "{{ today }}", align="right")
    b.para(doc, t["dear"])
    b.para(doc, t["intro"], align="justify")
    b.para(doc, t["h_about"], "Heading 2")
    b.para(doc, "{{ description }}", align="justify")
    b.para_if(doc, "population", t["population"])
    for head, key in (("h_themes", "themes"), ("h_seeks", "seeks"), ("h_offers", "offers")):
        b.tag(doc, "{%p if " + key + " %}")
        b.para(doc, t[head], "Heading 2")
        b.para(doc, "{{ " + key + " }}", align="justify")
        b.tag(doc, "{%p endif %}")
    b.para(doc, t["h_link"], "Heading 2")
    b.para(doc, t["link"], align="justify")
    b.para(doc, t["h_answer"], "Heading 2")
    b.para(doc, t["answer"], align="justify")
    b.para(doc, "{{ how_to_answer }}", align="justify")
    b.para(doc, t["questions_contact"], align="justify", keep=True)
    b.para(doc, t["closing"], keep=True)
    b.signatures(doc, c["on_behalf"], [("{{ mayor }}", "{{ mayor_title }}"),
                                       ("{{ alderman }}", "{{ alderman_title }}")])
    b.page_break(doc)
    b.para(doc, t["h_form"], "Heading 1")
    b.para(doc, t["form_intro"], align="justify")
    from partnerkeuze.io.forms.texts import FORM_TEXT
    from partnerkeuze.io.forms.word_form import PLACEHOLDER, WORD_FIELDS

    labels = typeset(FORM_TEXT[lang], lang)
    form = doc.add_table(rows=len(WORD_FIELDS), cols=2)
    form.style = "Table Grid"
    for row, key in zip(form.rows, WORD_FIELDS):
        b.cell_text(row.cells[0], labels[key], bold=True, size=9.5)
        b.shade(row.cells[0], "F2F2F2")
        b.answer_box(row.cells[1], key, labels[key], PLACEHOLDER[lang])
        row.height = Cm(0.8)
    b.widths(form, [6.0, 10.3])
    b.para(doc, "")
    b.tag(doc, "{%p for q in questions %}")
    b.para(doc, "**" + t["question"] + "**", "Heading 2")
    b.para(doc, "{{ q.text }}", align="justify", keep=True)
    box = doc.add_table(rows=1, cols=1)
    box.style = "Table Grid"
    b.cell_text(box.rows[0].cells[0], t["answer_here"], size=9)
    b.answer_box(box.rows[0].cells[0], "answer:{{ q.criterion }}",
                 t["question"], PLACEHOLDER[lang], new_paragraph=True)
    box.rows[0].height = Cm(4)
    b.widths(box, [16.3])
    b.tag(doc, "{%p endfor %}")
    b.para(doc, "")
    b.para(doc, t["end"], align="justify")
    b.footer(doc, c["footer"], lang)
    return doc


def dossier():
    """The dossier for the college of mayor and aldermen (Dutch)."""
    from partnerkeuze.features.documents.texts_dossier import build_dossier

    return build_dossier(b)


def build_all(out_dir: str | Path = DEFAULT_DIR) -> list[Path]:
    """Write every template and the README into out_dir; returns the files written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    makers = {"questionnaire": questionnaire, "letter_declined": letter_declined,
              "letter_chosen": letter_chosen, "dossier": lambda lang: dossier()}
    written = b.write_templates({f"{kind}_{lang}.docx": makers[kind](lang)
                                 for kind, langs in TEMPLATES.items() for lang in langs}, out_dir)
    (out_dir / "README.md").write_text(readme() + "\n", encoding="utf-8")
    written.append(out_dir / "README.md")
    return written
