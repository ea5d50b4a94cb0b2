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
import zipfile
from dataclasses import dataclass
from pathlib import Path

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError, pass_context
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from partnerkeuze.errors import FileError

# The reader's language (Kandidaten 'Taal') -> the babel locale of dates and numbers.
LOCALES: dict[str, str] = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_GB", "es": "es"}
MAX_VALUE_CHARS = 20_000  # a single value longer than this is cut off with an ellipsis
# Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF).
_XML_UNSAFE = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">'
# Parts of the package that may hold tags.
_TEXT_PART = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")


def locale_for(language: str | None) -> str:
    """The babel locale for a language code (nl, fr, en, es); Dutch (Belgium) by default."""
    return LOCALES.get((language or "nl").strip().lower()[:2], LOCALES["nl"])


def safe_text(value: object, limit: int = MAX_VALUE_CHARS) -> str:
    """Text without characters XML cannot hold, line ends normalised, capped at ``limit``."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
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
    locale = ctx.get("_locale", LOCALES["nl"])
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
    text = safe_text(value)
    if "\n" in text or "\t" in text:
        return Markup(str(escape(text)).replace("\n", _BREAK).replace("\t", _TAB))
    return text


@pass_context
def _date_filter(ctx, value, fmt: str = "long"):
    """Filter ``{{ d|date('full') }}``: a date in the reader's locale."""
    return format_date(value, ctx.get("_locale", LOCALES["nl"]), fmt)


@pass_context
def _number_filter(ctx, value, digits: int | None = None):
    """Filter ``{{ x|number(2) }}``: a number in the reader's locale."""
    return format_number(value, ctx.get("_locale", LOCALES["nl"]), digits)


def make_environment() -> ImmutableSandboxedEnvironment:
    """The sandbox every template renders in: autoescape, strict undefined, safe finalize."""
    env = ImmutableSandboxedEnvironment(autoescape=True, undefined=StrictUndefined,
                                        finalize=_finalize, keep_trailing_newline=True,
                                        auto_reload=False)
    env.filters["date"] = _date_filter
    env.filters["number"] = _number_filter
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
        from partnerkeuze.documents.package import Package

        self.package = Package([i.filename for i in self.infos], self.parts)
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
        """The names the template's tags read from the context."""
        from jinja2 import meta

        names: set[str] = set()
        for src in self.sources.values():
            names |= meta.find_undeclared_variables(_ENV.parse(src))
        return names - {"_locale", "_state"}

    def render_parts(self, context: dict, locale: str) -> dict[str, bytes]:
        """The filled parts of the package (changed ones only) and any new pictures."""
        state = _RenderState()
        ctx = dict(context)
        ctx["_locale"] = locale
        ctx["_state"] = state
        out: dict[str, bytes] = {}
        for part, tpl in self.templates.items():
            try:
                xml = tpl.render(ctx)
            except (TemplateError, SecurityError) as exc:
                raise _template_error(self.name, part, exc) from None
            xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
            out[part] = xml.encode("utf-8")
        if state.pictures:
            out.update(self._picture_parts(state))
        return out

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
        return self.package.write(changed)


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
    from partnerkeuze.documents.package import Package

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
           "locale_for", "safe_text", "LOCALES", "MAX_VALUE_CHARS"]
