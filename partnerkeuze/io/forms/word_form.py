"""The questionnaire as a fillable Word form: one content control per answer (write), and a
returned questionnaire read back into the same identification and values as a candidacy form.

Each answer box is a plain-text content control tagged ``pk:<key>`` (``pk:name``,
``pk:answer:C01``). The call's identification and the keys in document order are kept in a
custom document property ``partnerkeuze`` (JSON). Word keeps the tags; LibreOffice turns the
controls into input fields (FILLIN) and drops the tags but keeps the property, so the answers
are then read in document order against the keys of the property.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from partnerkeuze.io.forms.identity import FORM_VERSION, KIND_CANDIDACY, Call, Meta
from partnerkeuze.io.forms.safety import FormRefused, open_checked

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W
PROPERTY = "partnerkeuze"
CUSTOM_PART = "docProps/custom.xml"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
MAX_SLOTS = 400
SLOT_MAX_CHARS = 20_000
# The identification fields of the Word form, in the order of its table (language is the form's).
WORD_FIELDS = ("name", "country", "region", "salutation", "contact_given", "contact_family",
               "contact_role", "email", "channel")

# The grey text shown in an empty answer box, per language.
PLACEHOLDER = {
    "nl": "Klik of tik hier om uw antwoord te typen.",
    "fr": "Cliquez ou appuyez ici pour taper votre réponse.",
    "en": "Click or tap here to type your answer.",
    "es": "Haga clic o pulse aquí para escribir su respuesta.",
}
_PLACEHOLDERS = {p.casefold() for p in PLACEHOLDER.values()}


def content_control_xml(tag: str, alias: str, placeholder: str) -> str:
    """An inline plain-text content control (multi-line) showing its placeholder; ``tag`` may
    hold a template tag such as ``answer:{{ q.criterion }}``."""
    return (f'<w:sdt xmlns:w="{W}"><w:sdtPr><w:alias w:val={quoteattr(alias)}/>'
            f'<w:tag w:val={quoteattr("pk:" + tag)}/><w:showingPlcHdr/>'
            f'<w:text w:multiLine="1"/></w:sdtPr><w:sdtContent><w:r><w:rPr>'
            f'<w:color w:val="808080"/></w:rPr><w:t>{escape(placeholder)}</w:t></w:r>'
            f'</w:sdtContent></w:sdt>')


def identity_json(call: Call, lang: str, keys: list[str], generated: str) -> str:
    """The form's identification as the custom property holds it."""
    return json.dumps({"pk_form": KIND_CANDIDACY, "format": FORM_VERSION,
                       "municipality": call.municipality, "call_title": call.title,
                       "criteria_hash": call.criteria_hash, "language": lang,
                       "generated": generated, "fields": keys}, ensure_ascii=False)


def with_identity(docx: bytes, call: Call, lang: str, keys: list[str], generated: str) -> bytes:
    """The rendered questionnaire with its identification added as a custom property."""
    value = escape(identity_json(call, lang, keys, generated))
    custom = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
              'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
              '2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" '
              f'pid="2" name="{PROPERTY}"><vt:lpwstr>{value}</vt:lpwstr></property>'
              '</Properties>').encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == CUSTOM_PART:
                continue
            if info.filename == "[Content_Types].xml" and b"/docProps/custom.xml" not in data:
                data = data.replace(b"</Types>", f'<Override PartName="/{CUSTOM_PART}" '
                                                 f'ContentType="{CUSTOM_TYPE}"/></Types>'.encode())
            if info.filename == "_rels/.rels" and CUSTOM_REL.encode() not in data:
                data = data.replace(b"</Relationships>",
                                    f'<Relationship Id="rIdPk1" Type="{CUSTOM_REL}" '
                                    f'Target="{CUSTOM_PART}"/></Relationships>'.encode())
            dst.writestr(info, data)
        info = zipfile.ZipInfo(CUSTOM_PART, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        dst.writestr(info, custom)
    return out.getvalue()


def _parse(path: Path, data: bytes):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        raise FormRefused(path, "het Word-document is beschadigd (onleesbare XML); vraag het "
                                "opnieuw te sturen") from None


def _identity(path: Path, zf: zipfile.ZipFile) -> dict:
    """The custom property with the form's identification, or FormRefused."""
    if CUSTOM_PART not in zf.namelist():
        raise FormRefused(path, "dit Word-document is geen vragenlijst van Partnerkeuze (de "
                                "identificatie ontbreekt); gebruik de vragenlijst die met de "
                                "oproep verstuurd werd")
    root = _parse(path, zf.read(CUSTOM_PART))
    for prop in root:
        if prop.get("name") == PROPERTY:
            text = "".join(prop.itertext())[:200_000]
            try:
                data = json.loads(text)
            except ValueError:
                break
            if isinstance(data, dict):
                return data
    raise FormRefused(path, "dit Word-document is geen vragenlijst van Partnerkeuze (de "
                            "identificatie ontbreekt of is beschadigd)")


def _run_text(el) -> str:
    """The text of the runs under an element: w:t, tabs, line breaks; paragraphs on new lines."""
    parts: list[str] = []
    for node in el.iter(_W + "t", _W + "tab", _W + "br", _W + "cr", _W + "p"):
        tag = node.tag[len(_W):]
        if tag == "t":
            parts.append(node.text or "")
        elif tag == "tab":
            parts.append("\t")
        elif tag in ("br", "cr"):
            parts.append("\n")
        elif tag == "p" and parts:
            parts.append("\n")
    return "".join(parts)


def answer_slots(path: Path, body) -> list[tuple[str, str]]:
    """(tag or "", text) of every answer box in document order: content controls (Word) and
    FILLIN input fields (what LibreOffice makes of them)."""
    slots: list[tuple[str, str]] = []
    field: dict | None = None
    for el in body.iter(_W + "sdt", _W + "fldChar", _W + "instrText", _W + "t", _W + "br",
                        _W + "fldSimple"):
        tag = el.tag[len(_W):]
        if tag == "sdt":
            if any(a.tag == _W + "sdt" for a in el.iterancestors()):
                continue  # nested controls belong to the outer one
            pr = el.find(_W + "sdtPr")
            key = ""
            placeholder = False
            if pr is not None:
                t = pr.find(_W + "tag")
                key = (t.get(_W + "val") or "") if t is not None else ""
                placeholder = pr.find(_W + "showingPlcHdr") is not None
            content = el.find(_W + "sdtContent")
            text = "" if placeholder or content is None else _run_text(content)
            slots.append((key, text))
        elif tag == "fldSimple" and "FILLIN" in (el.get(_W + "instr") or "").upper():
            slots.append(("", _run_text(el)))
        elif tag == "fldChar":
            kind = el.get(_W + "fldCharType")
            if kind == "begin":
                field = {"instr": "", "text": [], "result": False}
            elif kind == "separate" and field is not None:
                field["result"] = True
            elif kind == "end" and field is not None:
                if "FILLIN" in field["instr"].upper():
                    slots.append(("", "".join(field["text"])))
                field = None
        elif tag == "instrText" and field is not None:
            field["instr"] += el.text or ""
        elif field is not None and field["result"] and not _inside_sdt(el):
            field["text"].append("\n" if tag == "br" else (el.text or ""))
        if len(slots) > MAX_SLOTS:
            raise FormRefused(path, "het Word-document heeft verdacht veel antwoordvakken; "
                                    "geweigerd")
    return [(k, "" if t.strip().casefold() in _PLACEHOLDERS else t[:SLOT_MAX_CHARS])
            for k, t in slots]


def _inside_sdt(el) -> bool:
    return any(a.tag == _W + "sdt" for a in el.iterancestors())


def read_word_form(path: Path) -> tuple[Meta, dict[str, str], str]:
    """(identification, {key: text}, short hash) of a returned Word questionnaire."""
    data, digest = open_checked(path, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        ident = _identity(path, zf)
        body = _parse(path, zf.read("word/document.xml"))
    keys = [str(k)[:100] for k in ident.get("fields") or [] if isinstance(k, str)][:MAX_SLOTS]
    slots = answer_slots(path, body)
    values: dict[str, str] = {}
    tagged = [(k[3:], t) for k, t in slots if k.startswith("pk:")]
    if tagged and len(tagged) == len(slots):
        values = {k: t for k, t in tagged if k in keys}
    elif len(slots) == len(keys):
        values = dict(zip(keys, (t for _, t in slots)))
    else:
        raise FormRefused(path, f"de antwoordvakken van de vragenlijst zijn gewijzigd: "
                                f"{len(slots)} gevonden, {len(keys)} verwacht; vraag de kandidaat "
                                f"de oorspronkelijke vragenlijst in te vullen")
    kind = str(ident.get("pk_form") or "")
    if kind != KIND_CANDIDACY:
        raise FormRefused(path, "dit Word-document is geen vragenlijst van Partnerkeuze "
                                "(onbekende soort)")
    call = Call(municipality=str(ident.get("municipality") or "")[:500],
                title=str(ident.get("call_title") or "")[:500],
                criteria_hash=str(ident.get("criteria_hash") or "")[:100])
    meta = Meta(kind=kind, call=call,
                values={"language": str(ident.get("language") or "")[:8],
                        "generated": str(ident.get("generated") or "")[:40]},
                cells={k: k for k in keys})
    return meta, values, digest


def normalise(text: str) -> str:
    """Line ends as \\n and no trailing blanks (as a person meant the answer)."""
    return re.sub(r"[ \t]+\n", "\n", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
