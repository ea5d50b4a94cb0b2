"""customUI14.xml of the add-in: the Partnerkeuze tab, every button calling one VBA callback."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from partnerkeuze.app.addin.buttons import CALLBACK_MODULE, CALLBACK_SUB, GROUPS, TAB_ID, TAB_LABEL

NAMESPACE = "http://schemas.microsoft.com/office/2009/07/customui"
RELATIONSHIP = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
PART = "customUI/customUI14.xml"


def custom_ui() -> str:
    """The ribbon XML (UTF-8 text)."""
    on_action = f"{CALLBACK_MODULE}.{CALLBACK_SUB}"
    lines = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
             f'<customUI xmlns="{NAMESPACE}">', "  <ribbon>", "    <tabs>",
             f"      <tab id={quoteattr(TAB_ID)} label={quoteattr(TAB_LABEL)}>"]
    for group in GROUPS:
        lines.append(f"        <group id={quoteattr(group.id)} label={quoteattr(group.label)}>")
        for b in group.buttons:
            lines.append(
                f"          <button id={quoteattr(b.id)} label={quoteattr(b.label)} "
                f"size={quoteattr(b.size)} imageMso={quoteattr(b.image)} "
                f"screentip={quoteattr(b.screentip)} supertip={quoteattr(b.supertip)} "
                f"onAction={quoteattr(on_action)}/>")
        lines.append("        </group>")
    lines += ["      </tab>", "    </tabs>", "  </ribbon>", "</customUI>", ""]
    return "\n".join(lines)
