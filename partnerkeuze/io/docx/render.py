"""The hardened renderer of Word templates: sandboxed Jinja, autoescape, strict tags, safe text.

A template is a .docx whose text holds docxtpl-style tags (``{{ name }}``, ``{%p if x %}``,
``{%tr for row in rows %}``). The tags are cleaned up once (as docxtpl does), compiled in an
immutable sandbox with autoescape and StrictUndefined, and every value is made XML-safe and
capped before it enters the document. Dates and numbers come out through babel in the reader's
locale. ``CompiledTemplate`` compiles once and renders many documents fast; ``render_docx`` is the
one-off call.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError, pass_context
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from partnerkeuze.kernel.errors import FileError
from partnerkeuze.kernel.languages import language_tag, locale_for

MAX_RENDER_SECONDS = 30.0  # filling one document may take this long before it is refused
MAX_RENDER_BYTES = 40_000_000  # a filled part larger than this is refused (a runaway loop)
MAX_VALUE_CHARS = 20_000  # a single value longer than this is cut off with an ellipsis
# Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF).
_XML_UNSAFE = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">'
# Parts of the package that may hold tags.
_TEXT_PART = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml"
                        r"|docProps/core\.xml")
# Parts whose language tags follow the reader.
_STYLE_PART = re.compile(r"word/(styles|stylesWithEffects)\.xml")
_LANG_ATTR = re.compile(r'(<w:lang\b[^>]*?\bw:val=")[^"]*(")')
# Excel stores a control character in a cell as _xHHHH_ (and a literal "_x" as _x005F_x).
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def decode_excel_escapes(text: str) -> str:
    """Text with Excel's ``_xHHHH_`` escapes turned back into the characters they stand for.

    A vertical tab (``_x000B_``, a line break pasted from Word) becomes a line break; the other
    control characters are left for ``safe_text`` to remove.
    """
    if "_x" not in text:
        return text
    decoded = _EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return decoded.replace("\x0b", "\n").replace("\x0c", "\n")


def safe_text(value: object, limit: int = MAX_VALUE_CHARS) -> str:
    """Text without characters XML cannot hold, line ends normalised, capped at ``limit``.

    Excel's ``_xHHHH_`` escapes are decoded first, so that no control character prints literally.
    """
    text = decode_excel_escapes(str(value)).replace("\x0b", "\n").replace("\x0c", "\n")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _XML_UNSAFE.sub("", text)
    if len(text) > limit:
        text = text[:limit - 1].rstrip() + "…"
    return text


def format_date(d: dt.date | dt.datetime | None, locale: str, fmt: str = "long") -> str:
    """A date as a reader in ``locale`` writes it (``long``: 2 juni 2026 / 2 June 2026)."""
    if d is None:
        return ""
    if isinstance(d, dt.datetime):
        d = d.date()
    return _format_date(d, locale, fmt)


@functools.lru_cache(maxsize=4096)
def _format_date(d: dt.date, locale: str, fmt: str) -> str:
    from babel.dates import format_date as _fmt

    return _fmt(d, format=fmt, locale=locale)


def format_number(x: float | int | None, locale: str, digits: int | None = None) -> str:
    """A number in ``locale`` (24.600 / 24 600 / 24,600); floats with one decimal by default."""
    if x is None:
        return ""
    if digits is None:
        digits = 0 if isinstance(x, int) else 1
    return _format_number(x, locale, digits)


@functools.lru_cache(maxsize=8192)
def _format_number(x, locale: str, digits: int) -> str:
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(x, format=pattern, locale=locale, decimal_quantization=True)


@dataclass(frozen=True)
class Picture:
    """An image to place inline in a document (PNG or JPEG bytes, width in millimetres)."""

    data: bytes
    width_mm: float = 160.0
    description: str = ""


class _RenderState:
    """What one rendering collects besides text: the pictures it placed."""

    def __init__(self) -> None:
        self.pictures: list[tuple[str, str, bytes]] = []  # (relationship id, part name, bytes)


def _picture_xml(state: _RenderState, pic: Picture) -> Markup:
    """The run that shows a picture, registering its media part in the render state."""
    from docx.image.image import Image

    try:
        img = Image.from_blob(pic.data)
    except Exception:
        return Markup("")  # not an image we can place: leave it out rather than break the file
    ext = "png" if img.content_type == "image/png" else "jpeg" if img.content_type == "image/jpeg" \
        else None
    if ext is None:
        return Markup("")
    n = len(state.pictures) + 1
    rid = f"rIdPk{n}"
    state.pictures.append((rid, f"word/media/pk_image{n}.{ext}", pic.data))
    cx = int(pic.width_mm * 36_000)
    cy = int(cx * img.px_height / max(img.px_width, 1))
    desc = escape(safe_text(pic.description, 200))
    return Markup(
        '</w:t></w:r><w:r><w:drawing>'
        '<wp:inline distT="0" distB="0" distL="0" distR="0" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{9000 + n}" name="Afbeelding {n}" '
        f'descr="{desc}"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/>'
        '</wp:cNvGraphicFramePr>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:nvPicPr><pic:cNvPr id="{n}" name="pk_image{n}.{ext}"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships" r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r><w:r>'
        '<w:t xml:space="preserve">')


@pass_context
def _finalize(ctx, value):
    """Every printed value: pictures placed, dates and numbers localised, text made safe."""
    locale = ctx.get("_locale", locale_for("nl"))
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, Picture):
        return _picture_xml(ctx.get("_state") or _RenderState(), value)
    if isinstance(value, bool):
        return {"nl": "ja", "fr": "oui", "en": "yes", "es": "sí"}[locale[:2]] if value else \
            {"nl": "nee", "fr": "non", "en": "no", "es": "no"}[locale[:2]]
    if isinstance(value, (dt.date, dt.datetime)):
        return format_date(value, locale)
    if isinstance(value, (int, float)):
        return format_number(value, locale)
    if isinstance(value, str) and _ISO_MOMENT.fullmatch(value.strip()):
        return format_moment(value.strip(), locale)  # one date style in every document
    text = safe_text(value)
    if "\n" in text or "\t" in text:
        return Markup(str(escape(text)).replace("\n", _BREAK).replace("\t", _TAB))
    return text


# A date or a moment written as text (2026-02-20, 2026-02-20 10:00:00), as audit records keep them.
_ISO_MOMENT = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?")
_AT = {"nl": "om", "fr": "à", "en": "at", "es": "a las"}


def format_moment(text: str, locale: str) -> str:
    """A date (and time) given as ISO text, in the document's one date style (20 februari 2026
    om 10:00); text that is no valid date is returned unchanged."""
    m = _ISO_MOMENT.fullmatch(text)
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except (AttributeError, ValueError):
        return text
    out = format_date(day, locale)
    if m.group(4) is not None:
        out += f" {_AT.get(locale[:2], 'om')} {m.group(4)}:{m.group(5)}"
    return out


def ordinal(n: int, locale: str, gender: str = "f") -> str:
    """A rank as a reader writes it: 2e (nl), 2e / 1re (fr), 2nd (en), 2.º / 2.ª (es)."""
    lang = locale[:2]
    n = int(n)
    if lang == "fr":
        return f"{n}{('re' if gender == 'f' else 'er') if n == 1 else 'e'}"
    if lang == "en":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if lang == "es":
        return f"{n}.{'ª' if gender == 'f' else 'º'}"
    return f"{n}e"


AND_WORDS = {"nl": "en", "fr": "et", "en": "and", "es": "y"}  # the list's last joining word


def and_word(locale: str, following: str) -> str:
    """The reader's "and" before ``following``: Spanish writes "e" before a word that begins
    with the sound i (i-, hi-, but not hie-, hia-: "democrática e igualdad")."""
    word = AND_WORDS.get(locale[:2], "and")
    low = following.strip().lower()
    if word == "y" and (low[:1] in ("i", "í")
                        or low[:2] in ("hi", "hí") and low[:3] not in ("hie", "hia")):
        return "e"
    return word


def and_list(items, locale: str) -> str:
    """Items joined as a reader lists them: "a, b en c", "a, b et c", "a, b and c", "a, b y c"
    (Spanish "e" before an i sound)."""
    from babel.lists import format_list

    words = [str(i) for i in items if i is not None and str(i) != ""]
    if not words:
        return ""
    joined = format_list(words, locale=locale)
    if len(words) > 1 and locale[:2] == "es" and and_word(locale, words[-1]) == "e":
        head = joined[:len(joined) - len(words[-1])]
        if head.endswith(" y "):
            joined = head[:-3] + " e " + words[-1]
    return joined


@pass_context
def _ordinal_filter(ctx, value, gender: str = "f"):
    """Filter ``{{ rank|ordinal }}``: a rank in the reader's language (gender 'f' or 'm')."""
    if value is None or value == "":
        return ""
    return ordinal(value, ctx.get("_locale", locale_for("nl")), gender)


@pass_context
def _and_list_filter(ctx, value):
    """Filter ``{{ names|and_list }}``: a list joined with the reader's "and"; when an item holds
    that word itself ("equality and reciprocity"), the items are set apart with semicolons."""
    locale = ctx.get("_locale", locale_for("nl"))
    items = [str(i) for i in value or () if i is not None and str(i) != ""]
    word = AND_WORDS.get(locale[:2], "and")
    if len(items) > 1 and any(f" {word} " in f" {i} " for i in items):
        last = and_word(locale, items[-1])
        if len(items) == 2:  # two items: a comma sets them apart ("a and b, and c")
            return f"{items[0]}, {last} {items[1]}"
        sep = "\u202f; " if locale[:2] == "fr" else "; "  # French: a narrow space before ;
        return sep.join(items[:-1]) + f"{sep}{last} " + items[-1]
    return and_list(items, locale)


@pass_context
def _date_filter(ctx, value, fmt: str = "long"):
    """Filter ``{{ d|date('full') }}``: a date in the reader's locale."""
    return format_date(value, ctx.get("_locale", locale_for("nl")), fmt)


@pass_context
def _number_filter(ctx, value, digits: int | None = None):
    """Filter ``{{ x|number(2) }}``: a number in the reader's locale."""
    return format_number(value, ctx.get("_locale", locale_for("nl")), digits)


class RenderLimit(Exception):
    """Filling a template took too long or made too much text (a runaway loop)."""


_LIMITS = threading.local()


def _check_deadline() -> None:
    deadline = getattr(_LIMITS, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        raise RenderLimit("time")


class _LimitedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox, which also stops a rendering that runs past its deadline at every call."""

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (jinja's signature)
        _check_deadline()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj, attribute):
        _check_deadline()
        return super().getattr(obj, attribute)


@pass_context
def _the_filter(ctx, value):
    """Filter ``{{ sender|the }}``: an institution with its article ("la VVSG", "l'ANCB")."""
    from partnerkeuze.kernel.wording import institution

    return institution(str(value or ""), ctx.get("_locale", locale_for("nl"))[:2])


@pass_context
def _of_the_filter(ctx, value):
    """Filter ``{{ sender|of_the }}``: "de la VVSG", "de l'ANCB", "of VVSG"."""
    from partnerkeuze.kernel.wording import institution

    return institution(str(value or ""), ctx.get("_locale", locale_for("nl"))[:2], of=True)


@pass_context
def _elide_filter(ctx, value, word: str = "de"):
    """Filter ``{{ candidate_name|elide('que') }}``: the word before the name, elided in French
    before a vowel ("qu'Estelí", "d'Edegem", "de Tarija"); "que Tarija" in other languages."""
    from partnerkeuze.kernel.wording import elide

    return elide(str(word), str(value or ""), ctx.get("_locale", locale_for("nl"))[:2])


def _full_stop_filter(value):
    """Filter ``“{{ text }}”{{ text|full_stop }}``: the full stop after a quoted text that does
    not end with one itself (kernel.wording.full_stop)."""
    from partnerkeuze.kernel.wording import full_stop

    return full_stop(value)


def make_environment() -> ImmutableSandboxedEnvironment:
    """The sandbox every template renders in: autoescape, strict undefined, safe finalize."""
    env = _LimitedSandbox(autoescape=True, undefined=StrictUndefined,
                                        finalize=_finalize, keep_trailing_newline=True,
                                        auto_reload=False)
    env.filters["date"] = _date_filter
    env.filters["number"] = _number_filter
    env.filters["ordinal"] = _ordinal_filter
    env.filters["and_list"] = _and_list_filter
    env.filters["the"] = _the_filter
    env.filters["of_the"] = _of_the_filter
    env.filters["elide"] = _elide_filter
    env.filters["full_stop"] = _full_stop_filter
    return env


_ENV = make_environment()


def clean_xml(xml: str) -> str:
    """A part's XML with tags split over runs joined again (docxtpl's cleanup, unchanged)."""
    from docxtpl import DocxTemplate

    return DocxTemplate.patch_xml(None, xml)  # patch_xml does not use its instance


def _template_error(name: str, part: str, exc: Exception) -> FileError:
    """A Dutch message for an error in a template, naming the template and the tag."""
    where = f"sjabloon {name}" + ("" if part == "word/document.xml" else f" ({part})")
    if isinstance(exc, SecurityError):
        return FileError(f"{where}: de tag probeert iets dat niet toegelaten is en wordt "
                         f"geweigerd ({exc})")
    if isinstance(exc, UndefinedError):
        msg = str(exc)
        m = re.match(r"'([^']+)' is undefined", msg)
        if m:
            return FileError(f"{where}: onbekende tag '{m.group(1)}' (dit gegeven bestaat niet "
                             f"voor dit document; zie templates/README.md)")
        m = re.search(r"has no attribute '([^']+)'", msg)
        if m:
            return FileError(f"{where}: onbekend veld '{m.group(1)}' in een tag (zie "
                             f"templates/README.md)")
        return FileError(f"{where}: onbekende tag ({msg})")
    if isinstance(exc, TemplateSyntaxError):
        return FileError(f"{where}: fout in een tag: {exc.message}")
    return FileError(f"{where}: het sjabloon kan niet ingevuld worden ({exc})")


class CompiledTemplate:
    """A .docx template compiled once; ``render`` fills it and writes the package anew."""

    def __init__(self, template_path: str | Path):
        self.path = Path(template_path)
        self.name = self.path.name
        try:
            with zipfile.ZipFile(self.path) as zf:
                self.infos = [i for i in zf.infolist() if not i.is_dir()]
                self.parts = {i.filename: zf.read(i) for i in self.infos}
        except FileNotFoundError:
            raise FileError(f"sjabloon {self.path}: bestand niet gevonden") from None
        except (zipfile.BadZipFile, OSError) as exc:
            raise FileError(f"sjabloon {self.name}: geen geldig Word-document (.docx) ({exc})") \
                from None
        if "word/document.xml" not in self.parts:
            raise FileError(f"sjabloon {self.name}: geen Word-document (word/document.xml ontbreekt)")
        from partnerkeuze.io.docx.package import Package

        self.package = Package([i.filename for i in self.infos], self.parts)
        self._static: dict[str, dict[str, bytes]] = {}
        self._variables: frozenset[str] | None = None
        self._packages: dict[str, Package] = {}
        self.sources: dict[str, str] = {}
        self.templates = {}
        for part, data in self.parts.items():
            if not _TEXT_PART.fullmatch(part):
                continue
            xml = data.decode("utf-8")
            if "{" not in xml:
                continue
            cleaned = clean_xml(xml)
            cleaned = re.sub(r"<w:p([ >])", r"\n<w:p\1", cleaned)  # line numbers per paragraph
            try:
                self.templates[part] = _ENV.from_string(cleaned)
            except TemplateSyntaxError as exc:
                raise _template_error(self.name, part, exc) from None
            self.sources[part] = cleaned

    def variables(self) -> set[str]:
        """The names the template's tags read from the context (worked out once)."""
        if self._variables is None:
            from jinja2 import meta

            names: set[str] = set()
            for src in self.sources.values():
                names |= meta.find_undeclared_variables(_ENV.parse(src))
            self._variables = frozenset(names - {"_locale", "_state"})
        return set(self._variables)

    def render_parts(self, context: dict, locale: str) -> dict[str, bytes]:
        """The filled parts of the package (changed ones only) and any new pictures."""
        state = _RenderState()
        ctx = dict(context)
        ctx["_locale"] = locale
        ctx["_state"] = state
        out: dict[str, bytes] = {}
        _LIMITS.deadline = time.monotonic() + MAX_RENDER_SECONDS
        try:
            for part, tpl in self.templates.items():
                xml = self._render_part(part, tpl, ctx)
                xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
                out[part] = xml.encode("utf-8")
        finally:
            _LIMITS.deadline = None
        out.update(self._language_parts(out, locale))
        if state.pictures:
            out.update(self._picture_parts(state))
        return out

    def _render_part(self, part: str, tpl, ctx: dict) -> str:
        """One part filled, refused (naming the template) past the time or size limit."""
        chunks: list[str] = []
        size = 0
        try:
            for i, chunk in enumerate(tpl.generate(ctx)):
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_RENDER_BYTES:
                    raise RenderLimit("size")
                if i % 512 == 511:
                    _check_deadline()
        except RenderLimit as exc:
            where = f"sjabloon {self.name}" + ("" if part == "word/document.xml" else f" ({part})")
            if str(exc) == "size":
                raise FileError(f"{where}: het ingevulde document wordt groter dan "
                                f"{MAX_RENDER_BYTES // 1_000_000} MB; controleer de lussen "
                                f"({{% for %}}) van het sjabloon") from None
            raise FileError(f"{where}: het invullen duurt langer dan {MAX_RENDER_SECONDS:g} "
                            f"seconden; controleer de lussen ({{% for %}}) van het "
                            f"sjabloon") from None
        except (TemplateError, SecurityError) as exc:
            raise _template_error(self.name, part, exc) from None
        return "".join(chunks)

    def _language_parts(self, rendered: dict[str, bytes], locale: str) -> dict[str, bytes]:
        """Styles, text parts and core properties tagged with the reader's language.

        Every run inherits the language of the document defaults (styles); explicit tags in the
        text parts are set to the same language, and the core property 'language' names it too.
        """
        tag = language_tag(locale)
        out: dict[str, bytes] = {}
        for part, data in rendered.items():
            if part != "docProps/core.xml" and _TEXT_PART.fullmatch(part):
                out[part] = _LANG_ATTR.sub(lambda m: m.group(1) + tag + m.group(2),
                                           data.decode("utf-8")).encode("utf-8")
        core = rendered.get("docProps/core.xml", self.parts.get("docProps/core.xml"))
        if core is not None:
            out["docProps/core.xml"] = _core_language(core.decode("utf-8"), tag).encode("utf-8")
        return out

    def _static_language(self, tag: str) -> dict[str, bytes]:
        """The parts without tags (styles, untagged headers) in a language, made once per tag."""
        cached = self._static.get(tag)
        if cached is None:
            cached = {}
            for part, data in self.parts.items():
                if part in self.templates or part == "docProps/core.xml" or not (
                        _STYLE_PART.fullmatch(part) or _TEXT_PART.fullmatch(part)):
                    continue
                xml = data.decode("utf-8")
                new = _LANG_ATTR.sub(lambda m: m.group(1) + tag + m.group(2), xml)
                if _STYLE_PART.fullmatch(part) and "<w:lang" not in new:
                    new = _add_default_language(new, tag)
                if new != xml:
                    cached[part] = new.encode("utf-8")
            self._static[tag] = cached
        return cached

    def _package(self, tag: str):
        """The package with the language-tagged static parts, compressed once per language."""
        pkg = self._packages.get(tag)
        if pkg is None:
            from partnerkeuze.io.docx.package import Package

            static = self._static_language(tag)
            pkg = self._packages[tag] = Package(self.package.names,
                                                {**self.parts, **static}) if static \
                else self.package
        return pkg

    def _picture_parts(self, state: _RenderState) -> dict[str, bytes]:
        """New media parts plus the relationships and content types that announce them."""
        out: dict[str, bytes] = {}
        rels_name = "word/_rels/document.xml.rels"
        rels = self.parts.get(rels_name, b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                              b'<Relationships xmlns="http://schemas.openxmlformats.org/package/'
                              b'2006/relationships"></Relationships>').decode("utf-8")
        added = "".join(
            f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/image" Target="{name[len("word/"):]}"/>'
            for rid, name, _ in state.pictures)
        out[rels_name] = rels.replace("</Relationships>", added + "</Relationships>").encode()
        types = self.parts["[Content_Types].xml"].decode("utf-8")
        for ext in sorted({name.rsplit(".", 1)[1] for _, name, _ in state.pictures}):
            if f'Extension="{ext}"' not in types:
                types = types.replace(
                    "<Override", f'<Default Extension="{ext}" ContentType="image/{ext}"/><Override', 1)
        out["[Content_Types].xml"] = types.encode()
        for _, name, data in state.pictures:
            out[name] = data
        return out

    def render(self, context: dict, locale: str) -> bytes:
        """The filled document as .docx bytes."""
        changed = self.render_parts(context, locale)
        check_xml(changed, self.name)
        return self._package(language_tag(locale)).write(changed)


def _add_default_language(styles: str, tag: str) -> str:
    """Styles with a language in the document defaults (added when the template has none)."""
    lang = f'<w:lang w:val="{tag}"/>'
    if "<w:rPrDefault>" in styles and "<w:rPr>" in styles.split("<w:rPrDefault>", 1)[1][:40]:
        return styles.replace("<w:rPrDefault><w:rPr>", "<w:rPrDefault><w:rPr>" + lang, 1)
    if "<w:docDefaults>" in styles:
        return styles.replace("<w:docDefaults>",
                              f"<w:docDefaults><w:rPrDefault><w:rPr>{lang}</w:rPr></w:rPrDefault>",
                              1)
    return styles


def _core_language(core: str, tag: str) -> str:
    """Core properties with dc:language set to the reader's language tag."""
    if "<dc:language>" in core:
        return re.sub(r"<dc:language>[^<]*</dc:language>", f"<dc:language>{tag}</dc:language>",
                      core)
    if "<dc:language/>" in core:
        return core.replace("<dc:language/>", f"<dc:language>{tag}</dc:language>")
    return core.replace("</cp:coreProperties>", f"<dc:language>{tag}</dc:language>"
                                                "</cp:coreProperties>")


def check_xml(parts: dict[str, bytes], name: str) -> None:
    """Refuse a filled part that is not well-formed XML (a template that breaks the document)."""
    import xml.parsers.expat as expat

    for part, data in parts.items():
        if part.endswith((".xml", ".rels")):
            parser = expat.ParserCreate(namespace_separator=" ")
            try:
                parser.Parse(data, True)
            except expat.ExpatError as exc:
                raise FileError(f"sjabloon {name} ({part}): het ingevulde document is geen "
                                f"geldige XML ({exc}); controleer de tags van het sjabloon") from None


def write_package(infos: list[zipfile.ZipInfo], parts: dict[str, bytes],
                  changed: dict[str, bytes]) -> bytes:
    """A .docx package: the original parts in their order, changed and new parts replaced/added."""
    from partnerkeuze.io.docx.package import Package

    names = [i.filename for i in infos]
    merged = {n: changed.get(n, parts[n]) for n in names}
    return Package(names, merged).write({n: d for n, d in changed.items() if n not in merged})


_CACHE: dict[tuple[str, int, int], CompiledTemplate] = {}
_CACHE_LOCK = threading.Lock()


def compiled(template_path: str | Path) -> CompiledTemplate:
    """The compiled template for a file, reused while the file is unchanged."""
    p = Path(template_path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise FileError(f"sjabloon {p}: bestand niet gevonden") from None
    key = (str(p.resolve()), st.st_mtime_ns, st.st_size)
    with _CACHE_LOCK:
        tpl = _CACHE.get(key)
        if tpl is None:
            if len(_CACHE) > 64:
                _CACHE.clear()
            tpl = _CACHE[key] = CompiledTemplate(p)
    return tpl


def render_docx(template_path: str | Path, context: dict, locale: str) -> bytes:
    """Fill a .docx template with a context in a locale; returns the document's bytes."""
    return compiled(template_path).render(context, locale)


__all__ = ["CompiledTemplate", "Picture", "render_docx", "format_date", "format_number",
           "safe_text", "decode_excel_escapes", "MAX_VALUE_CHARS"]
