"""The layers of the package and the import graph that must respect them.

Every module's imports are read with ast, function-local imports included (a lazy import is
still a dependency). The rules (docs/architecture.md):

- no import cycle between modules, nor between packages;
- no private name (``_name``) imported from another package;
- a module imports only from its own layer or the layers below it;
- in the layers of the record and of the features, a package imports no other package of its
  layer (what two of them share moves down a layer; the app composes them).

``python scripts/architecture.py`` prints the dependency table and writes it into
docs/architecture.md (between the markers); tests/test_architecture.py checks the rules and
that the table in the docs is the one the code gives.
"""

from __future__ import annotations

import ast
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "partnerkeuze"
# The layers, bottom to top, each with what it holds (the folder of the same name).
LAYERS: tuple[tuple[str, str], ...] = (
    ("kernel", "the vocabulary: errors, cell places, snapshot, patch, model, reference lists, "
               "languages, the port (WorkbookIO, Run, Outcome, Feature)"),
    ("layout", "the declarative layout of the workbook and its default content"),
    ("core", "pure computation: parsing, scoring, conflicts, sensitivity, native formulas, "
             "planner, working days, matching, visits, translations"),
    ("io", "the outside world: the .xlsx package, Word documents, forms, saving, locking, "
           "outputs, the log and its anchors, mail"),
    ("record", "the record of a call: governance (fixed criteria, log integrity) and the "
               "procedure (stages, decisions)"),
    ("features", "scoring, planning, intake, documents, SDG partnerships, link evaluation"),
    ("app", "the pipeline and its gate, the mode table, the registry, creation, demo, the "
            "command line, the Excel add-in and the doctor"),
)
# Layers whose packages must not import each other.
SIBLING_FREE = ("record", "features")
BEGIN, END = "<!-- dependency table: begin -->", "<!-- dependency table: end -->"
_STRING_REF = re.compile(r"(partnerkeuze[\w.]*):(\w+)")


def modules(root: Path = ROOT) -> dict[str, tuple[Path, bool]]:
    """Every module of the package: dotted name -> (file, is a package __init__)."""
    out = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        parts = list(path.relative_to(root).with_suffix("").parts)
        init = parts[-1] == "__init__"
        if init:
            parts = parts[:-1]
        out[".".join(parts)] = (path, init)
    return out


def package_of(name: str, mods: dict) -> str:
    """The package a module belongs to (a package's __init__ belongs to itself)."""
    return name if mods[name][1] else name.rsplit(".", 1)[0]


def layer_of(name: str) -> int | None:
    """The index of a module's layer (None for the root package)."""
    parts = name.split(".")
    names = [n for n, _ in LAYERS]
    return names.index(parts[1]) if len(parts) > 1 and parts[1] in names else None


def unit_of(name: str) -> str:
    """The unit the sibling rule applies to: a package of the record or features layer."""
    parts = name.split(".")
    if len(parts) > 2 and parts[1] in SIBLING_FREE:
        return ".".join(parts[:3])
    return ".".join(parts[:2])


def imports(mods: dict) -> list[tuple[str, str, str, int]]:
    """Every import between modules of the package: (importer, imported, name or '', line);
    imports inside functions and "module:function" strings included."""
    out = []
    for name, (path, init) in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            found: list[tuple[str, str]] = []
            if isinstance(node, ast.Import):
                found = [(a.name, "") for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = name.split(".") if init else name.split(".")[:-1]
                    parts = parts[:len(parts) - (node.level - 1)]
                    base = ".".join(parts + ([base] if base else []))
                for a in node.names:
                    full = f"{base}.{a.name}"
                    found.append((full, "") if full in mods else (base, a.name))
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                m = _STRING_REF.fullmatch(node.value)
                if m:
                    found = [(m.group(1), m.group(2))]
            for target, what in found:
                if target in mods and target != name:
                    out.append((name, target, what, getattr(node, "lineno", 0)))
    return out


def _cycles(nodes: list[str], edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on.add(start)
        while work:
            v, it = work[-1]
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(edges.get(w, ())))))
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    if len(comp) > 1:
                        found.append(sorted(comp))
    return found


def violations(root: Path = ROOT) -> dict[str, list[str]]:
    """Every break of the rules, by rule (empty lists when the code keeps them)."""
    mods = modules(root)
    edges = imports(mods)
    module_edges: dict[str, set[str]] = defaultdict(set)
    package_edges: dict[str, set[str]] = defaultdict(set)
    out: dict[str, list[str]] = {"module cycles": [], "package cycles": [],
                                 "private imports": [], "upward imports": [],
                                 "sibling imports": []}
    for a, b, what, line in edges:
        module_edges[a].add(b)
        pa, pb = package_of(a, mods), package_of(b, mods)
        if pa != pb:
            package_edges[pa].add(pb)
            if what.startswith("_") and not what.startswith("__"):
                out["private imports"].append(f"{a}:{line} imports {b}.{what}")
        la, lb = layer_of(a), layer_of(b)
        if la is not None and lb is not None and lb > la:
            out["upward imports"].append(f"{a}:{line} ({LAYERS[la][0]}) imports {b} "
                                         f"({LAYERS[lb][0]})")
        if la is not None and la == lb and LAYERS[la][0] in SIBLING_FREE \
                and unit_of(a) != unit_of(b):
            out["sibling imports"].append(f"{a}:{line} imports {b}")
    out["module cycles"] = [" <-> ".join(c) for c in _cycles(sorted(mods), module_edges)]
    packages = sorted({package_of(m, mods) for m in mods})
    out["package cycles"] = [" <-> ".join(c) for c in _cycles(packages, package_edges)]
    return out


def table(root: Path = ROOT) -> str:
    """The dependency table of the docs: per package, its layer and the packages it imports."""
    mods = modules(root)
    deps: dict[str, set[str]] = defaultdict(set)
    for a, b, _, _ in imports(mods):
        pa, pb = package_of(a, mods), package_of(b, mods)
        if pa != pb:
            deps[pa].add(pb)
    lines = ["| layer | package | imports from |", "| --- | --- | --- |"]
    packages = sorted({package_of(m, mods) for m in mods},
                      key=lambda p: (layer_of(p + ".x") if layer_of(p + ".x") is not None
                                     else -1, p))
    for p in packages:
        layer = layer_of(p + ".x")
        used = ", ".join(f"`{d.removeprefix(PACKAGE + '.') or PACKAGE}`" for d in sorted(deps[p]))
        lines.append(f"| {LAYERS[layer][0] if layer is not None else '(root)'} | "
                     f"`{p.removeprefix(PACKAGE + '.') or PACKAGE}` | {used or '-'} |")
    return "\n".join(lines)


def docs_with_table(text: str, root: Path = ROOT) -> str:
    """docs/architecture.md with the dependency table between its markers replaced."""
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n{table(root)}\n{END}{tail}"


def main() -> int:
    """Print the rules' violations and write the dependency table into the docs."""
    broken = violations()
    for rule, items in broken.items():
        print(f"{rule}: {len(items)}")
        for item in items:
            print(f"  {item}")
    doc = ROOT / "docs" / "architecture.md"
    doc.write_text(docs_with_table(doc.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"written: {doc.relative_to(ROOT)}")
    return 1 if any(broken.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
