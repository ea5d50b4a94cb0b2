"""The layers of the package: the import graph (imports inside functions counted) has no cycle,
no private import across packages, no upward import and no import between two features; the
dependency table in docs/architecture.md is the one the code gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import architecture  # noqa: E402


@pytest.mark.parametrize("rule", ["module cycles", "package cycles", "private imports",
                                  "upward imports", "sibling imports"])
def test_the_import_graph_keeps_the_rule(rule):
    assert architecture.violations()[rule] == []


def test_the_checker_finds_each_kind_of_break(tmp_path):
    """Planted in a copy of the package: a cycle, a private import across packages, an upward
    import and an import between two features are each reported."""
    import shutil

    shutil.copytree(ROOT / "partnerkeuze", tmp_path / "partnerkeuze",
                    ignore=shutil.ignore_patterns("__pycache__"))
    pkg = tmp_path / "partnerkeuze"
    (pkg / "kernel" / "errors.py").write_text(
        (pkg / "kernel" / "errors.py").read_text() + "\n\ndef _x():\n"
        "    from partnerkeuze.app import pipeline  # upward\n", encoding="utf-8")
    (pkg / "features" / "sdg" / "rules_extra.py").write_text(
        '"""x"""\nfrom partnerkeuze.features.documents.actions import template\n'
        "from partnerkeuze.io.outputs import _private\n", encoding="utf-8")
    (pkg / "core" / "cyc_a.py").write_text('"""a"""\nfrom partnerkeuze.core import cyc_b\n',
                                          encoding="utf-8")
    (pkg / "core" / "cyc_b.py").write_text(
        '"""b"""\n\ndef f():\n    from partnerkeuze.core import cyc_a\n', encoding="utf-8")
    found = architecture.violations(tmp_path)
    assert any("kernel.errors" in v and "app.pipeline" in v for v in found["upward imports"])
    assert any("features.sdg.rules_extra" in v for v in found["sibling imports"])
    assert any("_private" in v for v in found["private imports"])
    assert any("core.cyc_a" in v and "core.cyc_b" in v for v in found["module cycles"])
    assert found["package cycles"]  # kernel <-> app


def test_the_dependency_table_in_the_docs_is_the_codes():
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert architecture.table() in doc
    assert architecture.docs_with_table(doc) == doc


def test_every_layer_is_a_folder_and_every_package_is_in_a_layer():
    pkg = ROOT / "partnerkeuze"
    for name, _ in architecture.LAYERS:
        assert (pkg / name / "__init__.py").is_file(), name
    for path in pkg.iterdir():
        if path.is_dir() and path.name != "__pycache__":
            assert path.name in dict(architecture.LAYERS), path.name
