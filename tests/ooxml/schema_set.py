"""The schemas a part is validated against, compiled once per process into one lxml XMLSchema.

The ISO/IEC 29500-4:2016 (ECMA-376 5th edition, Part 4) Transitional schemas, the Open Packaging
Conventions schemas (ECMA-376 Part 2), the Dublin Core and W3C xml.xsd schemas the core
properties and WordprocessingML import by web address, and Office's ribbon schema (customUI);
schemas/README.md names their sources. A local catalog maps every web address the schemas import
to the copy kept here: nothing is fetched, and an address not in the catalog is an error rather
than a schema silently left out.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path

from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
XML_NS = "http://www.w3.org/XML/1998/namespace"

# The web addresses the schemas import, and the local copy of each (the catalog).
CATALOG = {
    "http://www.w3.org/2001/xml.xsd": "w3c/xml.xsd",
    "http://www.w3.org/2001/03/xml.xsd": "w3c/xml.xsd",
    "http://dublincore.org/schemas/xmls/qdc/2003/04/02/dc.xsd": "dublin-core/dc.xsd",
    "http://dublincore.org/schemas/xmls/qdc/2003/04/02/dcterms.xsd": "dublin-core/dcterms.xsd",
}


class SchemaSetError(RuntimeError):
    """The schemas cannot be compiled as they are kept (a missing file, an unknown address)."""


XSD = "http://www.w3.org/2001/XMLSchema"
_X = f"{{{XSD}}}"


def _attribute_names(node, groups: dict, types: dict) -> set[str]:
    """The attribute names a complex type or attribute group declares, those of its base type
    and of the groups it refers to included."""
    names = set()
    for child in node.iter(f"{_X}attribute", f"{_X}attributeGroup", f"{_X}extension",
                           f"{_X}restriction"):
        local = etree.QName(child).localname
        if local == "attribute" and child.get("use") != "prohibited":
            names.add(child.get("name") or child.get("ref"))
        elif local == "attributeGroup" and child.get("ref") in groups:
            names |= _attribute_names(groups[child.get("ref")], groups, types)
        elif local in ("extension", "restriction") and child.get("base") in types:
            names |= _attribute_names(types[child.get("base")], groups, types)
    return names


def _flat_attributes(group, groups: dict) -> list:
    """The attribute declarations of an attribute group, nested groups expanded."""
    out = []
    for child in group:
        if child.tag == f"{_X}attribute":
            out.append(child)
        elif child.tag == f"{_X}attributeGroup" and child.get("ref") in groups:
            out += _flat_attributes(groups[child.get("ref")], groups)
    return out


def restated_attributes_dropped(data: bytes) -> bytes:
    """A schema whose type extensions no longer restate attributes their base type has.

    Microsoft's customui14.xsd extends, e.g., CT_Control (whose attributes already hold
    AG_Enabled) into CT_ButtonRegular and names AG_Enabled again, and CT_EditBox (with
    sizeString) into CT_ComboBox with AG_DropDownAttributes, which holds sizeString too. XML
    Schema 1.0 forbids such a duplicate attribute use (libxml2 refuses the schema; .NET lets it
    pass). Here a restated group goes, a partly restated group is replaced by the declarations
    of its new attributes, a restated attribute goes: every type keeps exactly the attributes
    (and their types) it had.
    """
    schema = etree.fromstring(data)
    groups = {g.get("name"): g for g in schema.findall(f"{_X}attributeGroup")}
    types = {t.get("name"): t for t in schema.findall(f"{_X}complexType")}
    for extension in schema.iter(f"{_X}extension"):
        base = types.get(extension.get("base"))
        if base is None:
            continue
        have = _attribute_names(base, groups, types)
        for child in list(extension):
            if child.tag == f"{_X}attribute":
                name = child.get("name") or child.get("ref")
                if name in have:
                    extension.remove(child)
                have.add(name)
            elif child.tag == f"{_X}attributeGroup" and child.get("ref") in groups:
                declared = _flat_attributes(groups[child.get("ref")], groups)
                new = [a for a in declared if (a.get("name") or a.get("ref")) not in have]
                if len(new) < len(declared):
                    index = extension.index(child)
                    extension.remove(child)
                    for offset, attribute in enumerate(new):
                        extension.insert(index + offset, copy.deepcopy(attribute))
                have |= {a.get("name") or a.get("ref") for a in declared}
    return etree.tostring(schema, xml_declaration=True, encoding="UTF-8")


# Schema documents that XML Schema 1.0 (libxml2) refuses as published, and the transformation
# that makes them acceptable without changing what they allow.
REPAIRS = {"microsoft/customui14.xsd": restated_attributes_dropped}


class _Catalog(etree.Resolver):
    """Resolves the schemas' web addresses to the local copies; refuses any other address;
    serves the repaired text of the documents in REPAIRS."""

    def resolve(self, url, public_id, context):
        if url in CATALOG:
            return self.resolve_filename(str(SCHEMA_DIR / CATALOG[url]), context)
        for name, repair in REPAIRS.items():
            if url == (SCHEMA_DIR / name).as_uri():
                return self.resolve_string(repair((SCHEMA_DIR / name).read_bytes()), context,
                                           base_url=url)
        if url.split(":", 1)[0] in ("http", "https", "ftp"):
            raise SchemaSetError(f"{url}: not in the local catalog (schema_set.CATALOG)")
        return None


def schema_files() -> list[Path]:
    """Every schema document kept here."""
    return sorted(SCHEMA_DIR.rglob("*.xsd"))


def _target_namespaces() -> dict[str, Path]:
    """Target namespace -> the schema document that defines it (one document per namespace)."""
    found: dict[str, Path] = {}
    for path in schema_files():
        tns = etree.parse(str(path)).getroot().get("targetNamespace")
        if not tns or tns in found:
            raise SchemaSetError(f"{path.name}: no target namespace, or one defined twice")
        found[tns] = path
    return found


@functools.cache
def _compiled() -> tuple[etree.XMLSchema, frozenset[str]]:
    namespaces = _target_namespaces()
    # xml.xsd first: the schemas that import the XML namespace without a location then have it.
    order = sorted(namespaces, key=lambda ns: ns != XML_NS)
    imports = "".join(f'<xsd:import namespace="{ns}" schemaLocation="{namespaces[ns].as_uri()}"/>'
                      for ns in order)
    driver = ('<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
              f'targetNamespace="urn:x-partnerkeuze:ooxml-schema-set">{imports}</xsd:schema>')
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_Catalog())
    doc = etree.fromstring(driver.encode(), parser, base_url=(SCHEMA_DIR / "set.xsd").as_uri())
    try:
        return etree.XMLSchema(doc), frozenset(namespaces)
    except etree.XMLSchemaParseError as exc:
        raise SchemaSetError(f"the schemas do not compile: {exc}") from exc


def schema() -> etree.XMLSchema:
    """The compiled schema set (every namespace of schemas/ at once)."""
    return _compiled()[0]


def understood() -> frozenset[str]:
    """The namespaces the schema set defines: what a validating consumer here understands."""
    return _compiled()[1]
