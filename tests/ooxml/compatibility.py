"""Office's markup-compatibility processing (ECMA-376 Part 3), applied to a part before validation.

A consumer that understands a set of namespaces (here: the ones the schema set defines) reads a
part like this:

- of an ``mc:AlternateContent`` it keeps the content of the first ``mc:Choice`` whose
  ``Requires`` namespaces it all understands, else of the ``mc:Fallback``, else nothing;
- elements and attributes of a namespace declared ignorable (``mc:Ignorable``, in scope) that it
  does not understand are dropped; such an element named in ``mc:ProcessContent`` is replaced by
  its content instead;
- a namespace named in ``mc:MustUnderstand`` that it does not understand makes the part
  unreadable;
- the ``mc:`` attributes themselves go.

The content of an extension (``extLst/ext``) is left alone: the schemas admit anything there.
What remains is what the schemas judge. Office 2010 and later understand more namespaces than the
schemas here define (w14, wps, x14, ...): where Office would take an ``mc:Choice`` that needs
them, this takes the ``mc:Fallback``, which is what Office 2007 reads; the Choice's content could
not be judged without their schemas anyway.

Everything runs on the C side of lxml (XPath, iter): a part of a million elements takes no time.
"""

from __future__ import annotations

from lxml import etree

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_NS = {"mc": MC}
# The content of an extension (extLst/ext) stays as it is: the schemas admit any element there
# (lax), and Office reads it by the extension's uri. Dropping an ignorable element there would
# leave an empty <ext>, which no Office application writes and the schemas refuse.
_OUTSIDE_EXT = "[not(ancestor::*[local-name()='ext'][parent::*[local-name()='extLst']])]"


def _prefixes(element, value: str, problems: list[str], what: str) -> set[str]:
    """The namespaces of a whitespace-separated list of prefixes, as declared on ``element``."""
    found = set()
    for prefix in value.split():
        ns = element.nsmap.get(prefix)
        if ns is None:
            problems.append(f"mc:{what} names the prefix {prefix!r}, which is not declared")
        else:
            found.add(ns)
    return found


def _qualified(element, value: str, problems: list[str]) -> set[tuple[str, str]]:
    """(namespace, local name or '*') of a list like ``w14:foo w15:*`` (mc:ProcessContent)."""
    found = set()
    for item in value.split():
        prefix, _, local = item.partition(":")
        ns = element.nsmap.get(prefix)
        if ns is None or not local:
            problems.append(f"mc:ProcessContent names {item!r}, which is not a declared name")
        else:
            found.add((ns, local))
    return found


def _add_text(parent, index: int, text: str) -> None:
    """Put text in ``parent`` just before its child number ``index`` (mixed content)."""
    if not text:
        return
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        parent[index - 1].tail = (parent[index - 1].tail or "") + text


def _replace(element, with_children: bool) -> None:
    """Take an element out of its parent; with_children: its content stays in its place."""
    parent = element.getparent()
    index = parent.index(element)
    moved = list(element) if with_children else []
    text = (element.text or "") if with_children else ""
    tail = element.tail or ""
    parent.remove(element)
    for offset, child in enumerate(moved):
        parent.insert(index + offset, child)
    _add_text(parent, index, text)
    _add_text(parent, index + len(moved), tail)


def _alternate_content(root, understood: frozenset[str], problems: list[str]) -> None:
    """Every mc:AlternateContent replaced by the content of the branch Office would pick."""
    tag = f"{{{MC}}}AlternateContent"
    while True:
        block = next(root.iter(tag), None)
        if block is None:
            return
        chosen = None
        for branch in block:
            if branch.tag == f"{{{MC}}}Choice":
                needs = _prefixes(branch, branch.get("Requires", ""), problems, "Choice/@Requires")
                if needs <= understood:
                    chosen = branch
                    break
            elif branch.tag == f"{{{MC}}}Fallback":
                chosen = branch
                break
        if block.getparent() is None:
            problems.append("mc:AlternateContent is the root of the part")
            return
        if chosen is None:
            _replace(block, with_children=False)
        else:
            block.remove(chosen)  # the chosen branch takes the block's place
            block.insert(0, chosen)
            for other in list(block)[1:]:
                block.remove(other)
            _replace(block, with_children=True)
            _replace(chosen, with_children=True)


def _ignorable(root, understood: frozenset[str], problems: list[str]) -> None:
    """Elements and attributes of ignorable namespaces that are not understood, dropped."""
    for scope in root.xpath("descendant-or-self::*[@mc:Ignorable]", namespaces=_NS):
        ignorable = _prefixes(scope, scope.get(f"{{{MC}}}Ignorable"), problems, "Ignorable")
        unwrap: set[tuple[str, str]] = set()
        for holder in scope.xpath("ancestor-or-self::*[@mc:ProcessContent]", namespaces=_NS):
            unwrap |= _qualified(holder, holder.get(f"{{{MC}}}ProcessContent"), problems)
        for ns in sorted(ignorable - understood):
            for element in scope.xpath(f"descendant::*[namespace-uri()=$ns]{_OUTSIDE_EXT}", ns=ns):
                local = etree.QName(element).localname
                _replace(element, with_children=(ns, local) in unwrap or (ns, "*") in unwrap)
            prefix = f"{{{ns}}}"
            for element in scope.xpath(f"descendant-or-self::*[@*[namespace-uri()=$ns]]"
                                       f"{_OUTSIDE_EXT}", ns=ns):
                for name in [n for n in element.attrib if n.startswith(prefix)]:
                    del element.attrib[name]


def process(root, understood: frozenset[str]) -> list[str]:
    """Apply markup-compatibility processing to ``root`` in place; the problems that make the part
    unreadable to a consumer that understands ``understood`` (MustUnderstand, undeclared
    prefixes)."""
    problems: list[str] = []
    if not root.xpath("boolean(descendant-or-self::*[@mc:*] | descendant::mc:*)", namespaces=_NS):
        return problems
    for holder in root.xpath("descendant-or-self::*[@mc:MustUnderstand]", namespaces=_NS):
        needs = _prefixes(holder, holder.get(f"{{{MC}}}MustUnderstand"), problems,
                          "MustUnderstand")
        for ns in sorted(needs - understood):
            problems.append(f"mc:MustUnderstand names {ns}, which is not understood")
    _alternate_content(root, understood, problems)
    _ignorable(root, understood, problems)
    for element in root.xpath("descendant-or-self::*[@mc:*]", namespaces=_NS):
        for name in [n for n in element.attrib if n.startswith(f"{{{MC}}}")]:
            del element.attrib[name]
    return problems
