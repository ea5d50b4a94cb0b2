"""The hardened renderer: escaping, XML-safe text, strict tags, the sandbox, locales, pictures."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from partnerkeuze.io.docx.render import CompiledTemplate, Picture, format_date, format_number, render_docx, safe_text
from partnerkeuze.kernel.languages import locale_for
from partnerkeuze.kernel.errors import FileError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def make_template(path, *paragraphs: str, runs: list[list[str]] | None = None):
    """A small .docx template with one paragraph per text (and optional split runs)."""
    from docx import Document

    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    for parts in runs or []:
        p = doc.add_paragraph()
        for part in parts:
            p.add_run(part)
    doc.save(path)
    return path


def document_xml(data: bytes) -> etree._Element:
    """The parsed word/document.xml of a .docx."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read("word/document.xml"))


def paragraphs(data: bytes) -> list[str]:
    """The text of every paragraph (w:t joined, w:br as a newline)."""
    out = []
    for p in document_xml(data).iter(f"{W}p"):
        text = []
        for el in p.iter(f"{W}t", f"{W}br"):
            text.append("\n" if el.tag == f"{W}br" else (el.text or ""))
        out.append("".join(text))
    return out


def test_values_are_escaped_and_shown_literally(tmp_path):
    tpl = make_template(tmp_path / "t.docx", "Naam: {{ name }}.")
    hostile = 'A & B <b>vet</b> "q" \'s {{ 7*7 }} {% if 1 %}x{% endif %}'
    data = render_docx(tpl, {"name": hostile}, "nl_BE")
    assert f"Naam: {hostile}." in paragraphs(data)
    assert "49" not in "".join(paragraphs(data))


def test_control_characters_and_lone_surrogates_are_removed(tmp_path):
    tpl = make_template(tmp_path / "t.docx", "[{{ v }}]")
    data = render_docx(tpl, {"v": "a\x00b\x07c\x1bd\ud800e\ufffff 😀 שלום"}, "nl_BE")
    assert "[abcdef 😀 שלום]" in paragraphs(data)


def test_newlines_become_line_breaks(tmp_path):
    tpl = make_template(tmp_path / "t.docx", "{{ v }}")
    data = render_docx(tpl, {"v": "regel 1\r\nregel 2\nregel 3"}, "nl_BE")
    assert "regel 1\nregel 2\nregel 3" in paragraphs(data)


def test_long_values_are_capped(tmp_path):
    tpl = make_template(tmp_path / "t.docx", "{{ v }}")
    data = render_docx(tpl, {"v": "x" * 1_000_000}, "nl_BE")
    text = max(paragraphs(data), key=len)
    assert 1000 < len(text) <= 20_000 and text.endswith("…")
    assert len(data) < 200_000


def test_unknown_tag_names_template_and_tag(tmp_path):
    tpl = make_template(tmp_path / "brief.docx", "Beste {{ naam }}, {{ onbekend_veld }}")
    with pytest.raises(FileError) as exc:
        render_docx(tpl, {"naam": "x"}, "nl_BE")
    assert "brief.docx" in str(exc.value) and "onbekend_veld" in str(exc.value)


def test_unknown_attribute_is_an_error(tmp_path):
    tpl = make_template(tmp_path / "brief.docx", "{{ kandidaat.nam }}")
    with pytest.raises(FileError) as exc:
        render_docx(tpl, {"kandidaat": {"naam": "x"}}, "nl_BE")
    assert "nam" in str(exc.value) and "brief.docx" in str(exc.value)


@pytest.mark.parametrize("tag", [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ naam.__class__ }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
])
def test_template_reaching_python_internals_is_refused(tmp_path, tag):
    tpl = make_template(tmp_path / "boos.docx", tag)
    with pytest.raises(FileError) as exc:
        render_docx(tpl, {"naam": "x"}, "nl_BE")
    assert "boos.docx" in str(exc.value)


def test_template_cannot_mutate_context(tmp_path):
    tpl = make_template(tmp_path / "t.docx", "{{ lijst.append(1) }}")
    items = [0]
    with pytest.raises(FileError):
        render_docx(tpl, {"lijst": items}, "nl_BE")
    assert items == [0]


def test_syntax_error_names_template(tmp_path):
    tpl = make_template(tmp_path / "kapot.docx", "{% if x %}zonder einde")
    with pytest.raises(FileError) as exc:
        CompiledTemplate(tpl)
    assert "kapot.docx" in str(exc.value)


def test_tags_split_over_runs_are_joined(tmp_path):
    tpl = make_template(tmp_path / "t.docx", runs=[["Dag {{ na", "am }}!"]])
    assert "Dag Tarija!" in paragraphs(render_docx(tpl, {"naam": "Tarija"}, "nl_BE"))


def test_paragraph_loops(tmp_path):
    tpl = make_template(tmp_path / "t.docx", "{%p for r in rijen %}", "- {{ r }}", "{%p endfor %}")
    paras = paragraphs(render_docx(tpl, {"rijen": ["a", "b<c"]}, "nl_BE"))
    assert "- a" in paras and "- b<c" in paras
    assert not any("{%" in p for p in paras)


@pytest.mark.parametrize("locale,date_text,number_text,int_text", [
    ("nl_BE", "2 juni 2026", "78,4", "24.600"),
    ("fr_BE", "2 juin 2026", "78,4", "24\u202f600"),
    ("en_GB", "2 June 2026", "78.4", "24,600"),
    ("es", "2 de junio de 2026", "78,4", "24.600"),
])
def test_dates_and_numbers_in_the_readers_locale(tmp_path, locale, date_text, number_text,
                                                 int_text):
    assert format_date(dt.date(2026, 6, 2), locale) == date_text
    assert format_number(78.36, locale) == number_text
    assert format_number(24600, locale).replace("\xa0", "\u202f") == int_text
    tpl = make_template(tmp_path / "t.docx", "{{ d }} | {{ x }} | {{ n }} | {{ x|number(2) }}")
    text = paragraphs(render_docx(tpl, {"d": dt.date(2026, 6, 2), "x": 78.36, "n": 24600},
                                  locale))[0]
    assert text.startswith(f"{date_text} | {number_text} | ")


def test_locale_for_languages():
    assert [locale_for(x) for x in ("nl", "fr", "en", "es", None, "xx")] == \
        ["nl_BE", "fr_BE", "en_GB", "es", "nl_BE", "nl_BE"]


def test_safe_text_keeps_emoji_and_rtl():
    assert safe_text("😀 שלום عربي") == "😀 שלום عربي"


def _png() -> bytes:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(2, 1))
    ax.plot([0, 1], [0, 1])
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()


def test_pictures_are_embedded_with_relationship_and_content_type(tmp_path):
    tpl = make_template(tmp_path / "t.docx", "Logo: {{ logo }}", "Niets: {{ geen }}")
    png = _png()
    data = render_docx(tpl, {"logo": Picture(png, 30), "geen": None}, "nl_BE")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.read("word/media/pk_image1.png") == png
        rels = etree.fromstring(zf.read("word/_rels/document.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        assert targets["rIdPk1"] == "media/pk_image1.png"
        assert b'Extension="png"' in zf.read("[Content_Types].xml")
    root = document_xml(data)
    blips = root.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/main}blip")
    assert len(blips) == 1
    from docx import Document

    assert len(Document(io.BytesIO(data)).inline_shapes) == 1


def test_compiled_template_reuses_parts_and_matches_render_docx(tmp_path):
    tpl = make_template(tmp_path / "t.docx", "{{ a }}")
    compiled = CompiledTemplate(tpl)
    one = compiled.render({"a": "x"}, "nl_BE")
    assert one == render_docx(tpl, {"a": "x"}, "nl_BE")
    with zipfile.ZipFile(io.BytesIO(one)) as out, zipfile.ZipFile(tpl) as src:
        assert out.namelist() == src.namelist()
        lang = re.compile(rb'(<w:lang\b[^>]*?w:val=")[^"]*"')
        # The styles change only in their language (the reader's), nothing else.
        assert lang.sub(rb"\1", out.read("word/styles.xml")) == \
            lang.sub(rb"\1", src.read("word/styles.xml"))
        assert b'w:val="nl-BE"' in out.read("word/styles.xml")
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in out.infolist())
    assert compiled.variables() == {"a"}


def test_not_a_docx_is_a_file_error(tmp_path):
    bad = tmp_path / "geen.docx"
    bad.write_bytes(b"dit is geen zip")
    with pytest.raises(FileError) as exc:
        render_docx(bad, {}, "nl_BE")
    assert "geen.docx" in str(exc.value)


def test_a_runaway_loop_is_stopped_and_names_the_template(tmp_path, monkeypatch):
    from partnerkeuze.io.docx import render

    monkeypatch.setattr(render, "MAX_RENDER_SECONDS", 0.5)
    tpl = make_template(tmp_path / "eindeloos.docx", "{% for i in range(100000) %}"
                        "{% for j in range(100000) %}{% endfor %}{% endfor %}klaar")
    with pytest.raises(FileError) as exc:
        render_docx(tpl, {}, "nl_BE")
    assert "eindeloos.docx" in str(exc.value) and "seconden" in str(exc.value)


def test_a_document_that_grows_too_large_is_refused_naming_the_template(tmp_path, monkeypatch):
    from partnerkeuze.io.docx import render

    monkeypatch.setattr(render, "MAX_RENDER_BYTES", 200_000)
    tpl = make_template(tmp_path / "groot.docx", "{% for i in range(100000) %}{{ x }}{% endfor %}")
    with pytest.raises(FileError) as exc:
        render_docx(tpl, {"x": "y" * 100}, "nl_BE")
    assert "groot.docx" in str(exc.value) and "MB" in str(exc.value)


def test_excel_escapes_are_decoded_before_rendering(tmp_path):
    tpl = make_template(tmp_path / "t.docx", "[{{ v }}]")
    data = render_docx(tpl, {"v": "Ta_x0001_ri_x000B_ja"}, "nl_BE")
    assert "[Tari\nja]" in paragraphs(data)
    assert b"_x0001_" not in data and b"_x000B_" not in data


def test_language_and_title_follow_the_reader(tmp_path):
    from docx import Document

    doc = Document()
    doc.add_paragraph("{{ a }}")
    doc.core_properties.title = "Lettre à {{ a }}"
    doc.save(tmp_path / "t.docx")
    data = render_docx(tmp_path / "t.docx", {"a": "Tiznit <&>"}, "fr_BE")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        core = etree.fromstring(zf.read("docProps/core.xml"))
        styles = zf.read("word/styles.xml")
    dc = "{http://purl.org/dc/elements/1.1/}"
    assert core.findtext(f"{dc}title") == "Lettre à Tiznit <&>"
    assert core.findtext(f"{dc}language") == "fr-BE"
    assert b'w:lang w:val="fr-BE"' in styles and b'w:val="en-US"' not in styles


@settings(max_examples=60, deadline=None)
@given(n=st.integers(min_value=1, max_value=400), lang=st.sampled_from(["nl", "fr", "en", "es"]),
       gender=st.sampled_from(["f", "m"]))
def test_ordinal_is_the_number_with_the_language_suffix(n, lang, gender):
    from partnerkeuze.io.docx.render import ordinal

    text = ordinal(n, locale_for(lang), gender)
    assert text.startswith(str(n)) and text != str(n)
    suffix = text[len(str(n)):]
    allowed = {"nl": {"e"}, "fr": {"e", "re", "er"}, "en": {"st", "nd", "rd", "th"},
               "es": {".º", ".ª"}}[lang]
    assert suffix in allowed
    if lang == "en" and n % 100 in (11, 12, 13):
        assert suffix == "th"


@settings(max_examples=80, deadline=None)
@given(given=st.text(alphabet=st.characters(categories=["L", "Zs"]), max_size=30),
       family=st.text(alphabet=st.characters(categories=["L", "Zs"]), max_size=30),
       form=st.sampled_from(["", "mevrouw", "de heer"]),
       lang=st.sampled_from(["nl", "fr", "en", "es"]))
def test_salutation_is_never_gender_slashed_and_uses_the_known_form(given, family, form, lang):
    from partnerkeuze.core.phrasing import person, salutation

    who = person(form, given, family)
    text = salutation(who, lang)
    assert "/" not in text and text.endswith(":" if lang == "es" else ",")
    if form:
        female = {"nl": "mevrouw", "fr": "Madame", "en": ("Ms", "Madam"), "es": "señora"}[lang]
        male = {"nl": "heer", "fr": "Monsieur", "en": ("Mr", "Sir"), "es": "señor"}[lang]
        words = female if form == "mevrouw" else male
        assert any(w in text for w in (words if isinstance(words, tuple) else (words,)))
        if who.family:
            assert text.rstrip(",:").endswith(who.family)  # by the family name
    elif who.name and lang in ("nl", "en", "es"):
        assert who.name in text  # greeted by name even without a form of address


