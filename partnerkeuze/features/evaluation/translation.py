"""The partner's language, entirely: every text of the evaluation report in the reader's
language. What the product supplies (default risks, signals, answers, owners, exit triggers,
labels, country names) it translates itself; what the partners type has a translation column,
and every missing translation for the partner's language is a problem of ``check`` before
``evaluate`` writes the partner's report."""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.features.evaluation.frame import product_text
from partnerkeuze.features.evaluation.workbook import FLEMISH, Link, cell
from partnerkeuze.kernel.cellref import place
from partnerkeuze.kernel.errors import Problem
from partnerkeuze.kernel.languages import NAMES_NL

# What a missing translation lets through: the questionnaire needs the concepts and questions in
# the partner's language, the report everything; reading answers in needs neither.
FOR_REPORT = ("forms", "import")
FOR_FORMS = ("import",)

# The cells of the Stedenband sheet the report shows, with their translation.
LINK_TEXTS = (("agreement", "agreement_partner"), ("exit_clause", "exit_clause_partner"))
# The columns of the risk register and the exit clause the report shows, with their translation.
RISK_TEXTS = (("risk", "risk_partner"), ("trigger", "trigger_partner"),
              ("response", "response_partner"))
EXIT_TEXTS = (("trigger", "trigger_partner"),)


def cell_text(rec: dict, key: str, lang: str, link: Link) -> str | None:
    """The text of a cell the Flemish side typed (in Dutch) in a language: the cell itself for
    Dutch, its translation column for the partner's language, the product's own translation of
    a default text; '' for an empty cell and None when the translation is missing."""
    text = rec.get(key)
    if text is None or str(text).strip() == "":
        return ""
    if lang == "nl":
        return str(text)
    own = rec.get(f"{key}_partner")
    if own and lang == link.partner_language:
        return str(own)
    return product_text(text, lang)


def entered_text(text, translation, written_in: str, lang: str) -> str | None:
    """A text a participant wrote in ``written_in`` in the reader's language: the text itself, or
    its translation (between Dutch and the partner's language); None when there is none."""
    if text is None or str(text).strip() == "":
        return ""
    if written_in == lang:
        return str(text)
    return str(translation) if translation else None


def written_in(link: Link, rec: dict) -> str:
    """The language a participant's text is written in (that of the form, else the side's)."""
    return str(rec.get("language") or link.side_language(rec.get("side")))


def _field_cell(link: Link, key: str) -> str:
    return place(layout.sheet("link").name, 3, link.values.get("_rows", {}).get(key, 5))


def missing(link: Link) -> list[Problem]:
    """Every text of the partner's report (and questionnaire) without a translation in the
    partner's language, each at the cell to fill in."""
    lang = link.partner_language
    if lang == "nl":
        return []
    name = NAMES_NL.get(lang, lang)
    out: list[Problem] = []

    def add(where: str, what: str, allows: tuple[str, ...]) -> None:
        out.append(Problem(where, f"geen vertaling in het {name} van {what}: het rapport voor "
                                  f"de partner staat volledig in zijn taal", allows))

    for key, translated in LINK_TEXTS:
        if link.values.get(key) and cell_text(link.values, key, lang, link) is None:
            add(_field_cell(link, translated), f"'{_label('link', key)}'", FOR_REPORT)
    for c in link.concepts:
        if not c.texts.get(lang):
            add(cell("concepts", "name_partner", c.row), f"het basisbegrip {c.id} '{c.title}'",
                FOR_FORMS)
        if c.description.get("nl") and not c.description.get(lang):
            add(cell("concepts", "description_partner", c.row),
                f"wat de partners bedoelen met {c.id} '{c.title}'", FOR_FORMS)
    for q in link.questions:
        if not q.texts.get(lang) and f"q_{lang}" in _keys("questions"):
            add(cell("questions", f"q_{lang}", q.row), f"de evaluatievraag {q.id}", FOR_FORMS)
    for b in link.budget:
        if b.get("line") and cell_text(b, "line", lang, link) is None:
            add(cell("budget", "line_partner", b["_row"]), f"de budgetlijn '{b['line']}'",
                FOR_REPORT)
    for r in link.risks:
        for key, translated in RISK_TEXTS:
            if r.get(key) and cell_text(r, key, lang, link) is None:
                add(cell("risks", translated, r["_row"]),
                    f"{_label('risks', key).lower()} van risico {r['id']}", FOR_REPORT)
    for e in link.exit_triggers:
        for key, translated in EXIT_TEXTS:
            if e.get(key) and cell_text(e, key, lang, link) is None:
                add(cell("exit_triggers", translated, e["_row"]),
                    f"exittrigger {e['id']}", FOR_REPORT)
    rnd = link.latest_round()
    if rnd is not None:
        for a in link.answers:
            if a["round"] == rnd["id"] and a.get("comment") and \
                    entered_text(a["comment"], a.get("comment_translation"),
                                 written_in(link, a), lang) is None:
                add(cell("eval_answers", "comment_translation", a["_row"]),
                    f"de opmerking van {a['participant']} ({_side(a)}) bij {a['item']}",
                    FOR_REPORT)
        for e in link.expectations:
            if e.get("round") == rnd["id"] and \
                    entered_text(e["text"], e.get("translation"), written_in(link, e),
                                 lang) is None:
                add(cell("expectations", "translation", e["_row"]),
                    f"de verwachting van {_side(e)} ({e.get('kind')})", FOR_REPORT)
    return out


def untranslated_for_dutch(link: Link) -> list[str]:
    """What the partner wrote in this round without a Dutch translation: the Dutch report shows
    it as written, with its language (warnings of ``check``)."""
    rnd = link.latest_round()
    if rnd is None or link.partner_language == "nl":
        return []
    out = []
    for a in link.answers:
        if a["round"] == rnd["id"] and a.get("comment") and \
                entered_text(a["comment"], a.get("comment_translation"), written_in(link, a),
                             "nl") is None:
            out.append(f"{cell('eval_answers', 'comment_translation', a['_row'])}: de opmerking "
                       f"van de partner bij {a['item']} heeft geen Nederlandse vertaling; het "
                       f"Nederlandse rapport toont ze in het {NAMES_NL.get(written_in(link, a))}")
    for e in link.expectations:
        if e.get("round") == rnd["id"] and \
                entered_text(e["text"], e.get("translation"), written_in(link, e),
                             "nl") is None:
            out.append(f"{cell('expectations', 'translation', e['_row'])}: de verwachting van de "
                       f"partner ({e.get('kind')}) heeft geen Nederlandse vertaling; het "
                       f"Nederlandse rapport toont ze in het {NAMES_NL.get(written_in(link, e))}")
    return out


def _side(rec: dict) -> str:
    return "Vlaamse kant" if rec.get("side") == FLEMISH else "partner"


def _keys(table_key: str) -> list[str]:
    return [c.key for c in layout.table(table_key).columns]


def _label(key: str, column: str) -> str:
    """The header of a column or the label of a field."""
    if key == "link":
        return next(f.label for f in layout.sheet("link").fields if f.key == column)
    t = layout.table(key)
    return t.columns[t.index(column)].header
