"""A syntax check and a lint for PowerShell scripts, run in CI on docs/install-partnerkeuze.ps1.

No PowerShell can be installed from the package registries reachable here, so the syntax is
checked with the tree-sitter PowerShell grammar (tree-sitter-language-pack): a script it cannot
parse has ERROR or MISSING nodes. That grammar is lenient where PowerShell is strict, so the
traps that it accepts and PowerShell (or Windows PowerShell 5.1 at run time) does not are
linted on its syntax tree:

- ``"... $name: ..."``: inside double quotes PowerShell reads ``$name:`` as a scope- or
  drive-qualified variable and refuses to parse the whole file ("Variable reference is not
  valid"); write ``${name}:`` or ``$($name):``;
- a command line split on spaces (``.Split(" ")``, ``-split " "``) or a bare path with a space:
  ``C:\\Program Files\\...`` becomes two words;
- ``Add-Content`` whose value does not start with a line end: on a file saved without a final
  Enter, the first new line is glued to the last old one;
- a native program called where ``$ErrorActionPreference = "Stop"`` holds: under Windows
  PowerShell 5.1 every line it writes to stderr becomes a terminating error once the output is
  captured (pip writes warnings there);
- non-ASCII characters without a byte order mark: Windows PowerShell 5.1 reads such a file as
  ANSI and garbles them.

Usage: ``python tests/powershell_check.py FILE.ps1 ...`` (exit 1 on a problem).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SCOPES = {"global", "local", "script", "private", "using", "env", "function", "variable",
          "alias", "workflow"}
NATIVE_NAMES = re.compile(r"^(py|python\d*(\.\d+)?|pip\d*|winget|xlwings|cmd|msiexec)(\.exe)?$",
                          re.IGNORECASE)


def _parser():
    from tree_sitter_language_pack import get_parser

    return get_parser("powershell")


def _line(node) -> int:
    return node.start_point[0] + 1


def _walk(node):
    yield node
    for child in node.children:
        yield from _walk(child)


def syntax_errors(tree) -> list[str]:
    """The places the grammar could not parse."""
    out = []
    for node in _walk(tree.root_node):
        if node.type == "ERROR" or node.is_missing:
            text = node.text.decode("utf-8", "replace").strip().splitlines()
            out.append(f"line {_line(node)}: syntax error near {text[0][:60]!r}" if text else
                       f"line {_line(node)}: syntax error (missing {node.type})")
    return out


def qualified_in_strings(tree, source: bytes) -> list[str]:
    """$name: (or $name:word with an unknown scope) inside a double-quoted string."""
    out = []
    for node in _walk(tree.root_node):
        if node.type != "expandable_string_literal":
            continue
        for var in node.children:
            if var.type != "variable" or var.text.startswith(b"${"):
                continue
            name = var.text.decode("utf-8", "replace")
            after = source[var.end_byte:var.end_byte + 1]
            if after == b":":
                out.append(f"line {_line(var)}: \"{name}:\" inside double quotes is read as a "
                           f"scope-qualified variable and PowerShell refuses the whole file; "
                           f"write ${{{name[1:]}}}: or $({name}):")
            elif ":" in name and name[1:].split(":", 1)[0].lower() not in SCOPES:
                out.append(f"line {_line(var)}: \"{name}\" inside double quotes is read as a "
                           f"variable of drive or scope '{name[1:].split(':', 1)[0]}'; write "
                           f"${{{name[1:].split(':', 1)[0]}}}:")
    return out


def split_paths(tree, source: bytes) -> list[str]:
    """A command line split on spaces, or a bare Windows path with a space in a command."""
    out = []
    for node in _walk(tree.root_node):
        text = node.text.decode("utf-8", "replace")
        if node.type == "invokation_expression" and re.search(r"\.Split\(\s*[\"'] [\"']", text,
                                                              re.IGNORECASE):
            out.append(f"line {_line(node)}: splitting a command line on spaces breaks a path "
                       f"with a space (C:\\Program Files\\...); take the path as one parameter")
        elif node.type == "comparison_expression" and re.search(r"-split\s+[\"'] [\"']", text,
                                                                re.IGNORECASE):
            out.append(f"line {_line(node)}: -split on a space breaks a path with a space")
        elif node.type == "command":
            words = [c for c in _walk(node) if c.type in ("command_name", "generic_token")]
            for a, b in zip(words, words[1:]):
                if (re.match(r"^[A-Za-z]:\\", a.text.decode()) and b.start_byte == a.end_byte + 1
                        and not b.text.startswith(b"-")):
                    out.append(f"line {_line(a)}: the path {a.text.decode()} {b.text.decode()} "
                               f"has a space and no quotes: PowerShell sees two words")
    return out


def add_content(tree, source: bytes) -> list[str]:
    """Add-Content whose value does not begin with a line end."""
    out = []
    for node in _walk(tree.root_node):
        if node.type != "command":
            continue
        name = next((c for c in node.children if c.type == "command_name"), None)
        if name is None or name.text.decode().lower() != "add-content":
            continue
        text = node.text.decode("utf-8", "replace")
        value = re.search(r"-Value\s+(.+)", text, re.IGNORECASE | re.S)
        if value and re.match(r"""^\(?\s*["']?(`r`n|`n|\[Environment\]::NewLine)""",
                              value.group(1), re.IGNORECASE):
            continue
        out.append(f"line {_line(node)}: Add-Content without a line end before the value: on a "
                   f"file without a final line end the new line is glued to the last one; start "
                   f"the value with [Environment]::NewLine or rewrite the whole file")
    return out


def _sets_preference(statement) -> str | None:
    """'stop', 'continue', ... when the statement assigns $ErrorActionPreference."""
    for node in _walk(statement):
        if node.type == "assignment_expression":
            left = node.children[0].text.decode().strip().lower()
            if left.endswith("erroractionpreference"):
                value = node.children[-1].text.decode().strip().strip("\"'").lower()
                return value
            return None
    return None


def _is_native(command) -> bool:
    first = command.children[0] if command.children else None
    if first is None:
        return False
    if first.type == "command_invokation_operator":
        target = command.children[1] if len(command.children) > 1 else None
        return target is not None and not target.text.startswith(b"{")
    if first.type == "command_name":
        return bool(NATIVE_NAMES.match(first.text.decode()))
    return False


def native_under_stop(tree, source: bytes) -> list[str]:
    """Native programs called in a scope where $ErrorActionPreference is Stop."""
    out: list[str] = []

    def scope(node, stop: bool) -> None:
        for child in node.children:
            if child.type in ("function_statement", "script_block_expression"):
                scope(child, stop)  # a function starts with its caller's preference
                continue
            if child.type == "script_block" and node.type != "function_statement":
                scope(child, stop)
                continue
            pref = _sets_preference(child) if child.type == "pipeline" else None
            if pref is not None:
                stop = pref == "stop"
                continue
            if child.type == "command" and stop and _is_native(child):
                out.append(f"line {_line(child)}: {child.text.decode().split()[0]} "
                           f"{child.text.decode().split()[1] if len(child.text.split()) > 1 else ''}"
                           .rstrip() + " runs a program while $ErrorActionPreference is Stop: "
                           "under Windows PowerShell 5.1 its stderr (pip's warnings) stops the "
                           "script once the output is captured; set it to Continue around the "
                           "call and check $LASTEXITCODE")
            scope(child, stop)

    scope(tree.root_node, False)
    return out


def encoding(source: bytes) -> list[str]:
    """Non-ASCII text without a UTF-8 byte order mark."""
    if source.startswith(b"\xef\xbb\xbf") or source.isascii():
        return []
    line = source[:next(i for i, b in enumerate(source) if b > 127)].count(b"\n") + 1
    return [f"line {line}: non-ASCII text without a UTF-8 byte order mark: Windows PowerShell "
            f"5.1 reads the file as ANSI"]


def check(source: str | bytes) -> list[str]:
    """Every problem of a PowerShell script (syntax and traps), 'line N: ...' in line order."""
    data = source.encode("utf-8") if isinstance(source, str) else source
    tree = _parser().parse(data)
    problems = syntax_errors(tree) + encoding(data)
    for rule in (qualified_in_strings, split_paths, add_content, native_under_stop):
        problems += rule(tree, data)
    return sorted(set(problems), key=lambda p: (int(p.split(":")[0].split()[1]), p))


def main(argv: list[str]) -> int:
    """Check each file; print its problems; exit 1 when there is one."""
    bad = 0
    for name in argv:
        for problem in check(Path(name).read_bytes()):
            print(f"{name}: {problem}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
